// SPDX-License-Identifier: MIT
// SpillBuffer (spill.hpp): text set aside in memory, then in an anonymous temporary file.
#include <algorithm>
#include <cstdio>

#include "detail/spill.hpp"

namespace pressroom::detail {

SpillBuffer::~SpillBuffer() {
  if (file_ != nullptr) std::fclose(file_);
}

void SpillBuffer::take(std::string& text, std::size_t from) {
  if (from >= text.size()) return;
  size_ += text.size() - from;
  memory_.append(text, from, std::string::npos);
  text.erase(from);
  if (memory_.size() > memory_max_) (void)spill();
}

bool SpillBuffer::spill() {
  // std::tmpfile: an unnamed file, removed when closed or when the process ends.
  if (file_ == nullptr) file_ = std::tmpfile();
  if (file_ != nullptr && std::fwrite(memory_.data(), 1, memory_.size(), file_) == memory_.size()) {
    file_size_ += memory_.size();
    memory_.clear();
    return true;
  }
  // No temporary file, or the disk is full: keep the text in memory from here on (the bytes
  // past file_size_, if any, are never read).
  memory_max_ = static_cast<std::size_t>(-1);
  return false;
}

bool SpillBuffer::append_to(std::string& out, const Drain& drain) {
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
