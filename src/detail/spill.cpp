// SPDX-License-Identifier: MIT
// SpillBuffer (spill.hpp): text set aside in memory, then in an anonymous temporary file.
#include "detail/spill.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace pressroom::detail {

std::string temp_directory() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? std::string(dir) : std::string("/tmp");
}

SpillBuffer::~SpillBuffer() {
  if (file_ != nullptr) std::fclose(file_);
}

bool SpillBuffer::take(std::string& text, std::size_t from) {
  if (from >= text.size()) return error_.empty();
  if (!error_.empty()) {
    text.erase(from);
    return false;
  }
  size_ += text.size() - from;
  memory_.append(text, from, std::string::npos);
  text.erase(from);
  if (memory_.size() > memory_max_) return spill();
  return true;
}

bool SpillBuffer::spill() {
  const std::string dir = temp_directory();
  if (file_ == nullptr) {
    // A file without a name (O_TMPFILE), or a named one unlinked at once: it goes when closed
    // or when the process ends.
    int fd = -1;
#if defined(O_TMPFILE)
    fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    std::string name = dir + "/pressroom-spill-XXXXXX";
    if (fd < 0) {
      fd = ::mkstemp(name.data());
      if (fd >= 0) ::unlink(name.c_str());
    }
    if (fd < 0) {
      error_ = "cannot make a temporary file in '" + dir + "' (TMPDIR): " + std::strerror(errno);
    } else {
      file_ = ::fdopen(fd, "w+b");
      if (file_ == nullptr) {
        error_ = "cannot open a temporary file in '" + dir + "': " + std::strerror(errno);
        ::close(fd);
      }
    }
  }
  if (file_ != nullptr && error_.empty()) {
    errno = 0;
    if (std::fwrite(memory_.data(), 1, memory_.size(), file_) == memory_.size()) {
      file_size_ += memory_.size();
      memory_.clear();
      return true;
    }
    error_ = "cannot write a temporary file in '" + dir +
             "': " + (errno != 0 ? std::strerror(errno) : "write failed");
  }
  // Failed: what is held is dropped, and so is all that comes later.
  std::string().swap(memory_);
  return false;
}

bool SpillBuffer::append_to(std::string& out, const Drain& drain) {
  if (!error_.empty()) return false;
  bool ok = true;
  if (file_size_ > 0) {
    ok = std::fflush(file_) == 0 && std::fseek(file_, 0, SEEK_SET) == 0;
    std::size_t left = file_size_;
    char chunk[1 << 16];
    while (ok && left > 0) {
      const std::size_t n = std::fread(chunk, 1, std::min(left, sizeof chunk), file_);
      if (n == 0) {
        ok = false;
        break;
      }
      out.append(chunk, n);
      left -= n;
      drain(out);
    }
  }
  out += memory_;
  return ok;
}

}  // namespace pressroom::detail
