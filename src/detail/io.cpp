// SPDX-License-Identifier: MIT
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "detail/text.hpp"
#include "pressroom/io.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

namespace {
Error io_error(std::string message) {
  Error e;
  e.code = ErrorCode::io;
  e.format = "io";
  e.message = std::move(message);
  return e;
}
std::string errno_text() { return std::strerror(errno); }
}  // namespace

Result<std::string> read_file(const std::string& path, std::uint64_t max_bytes) {
  return detail::guard_memory("io", "reading a file", [&]() -> Result<std::string> {
    const bool stdin_input = path == "-";
    const int fd = stdin_input ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return io_error("cannot open '" + path + "': " + errno_text());
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return io_error("'" + path + "' is a directory");
    }
    std::string data;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        if (!stdin_input) ::close(fd);
        Error e = io_error("'" + path + "' is " + std::to_string(st.st_size) +
                           " bytes, over the limit of " + std::to_string(max_bytes));
        e.code = ErrorCode::limit_exceeded;
        return e;
      }
      data.reserve(static_cast<std::size_t>(st.st_size));
    }
    char buf[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0) {
        if (errno == EINTR) continue;
        const std::string why = errno_text();
        if (!stdin_input) ::close(fd);
        return io_error("cannot read '" + path + "': " + why);
      }
      if (n == 0) break;
      if (data.size() + static_cast<std::size_t>(n) > max_bytes) {
        if (!stdin_input) ::close(fd);
        Error e =
            io_error("'" + path + "' is over the limit of " + std::to_string(max_bytes) + " bytes");
        e.code = ErrorCode::limit_exceeded;
        return e;
      }
      if (data.size() + static_cast<std::size_t>(n) > data.capacity()) {
        // Grow geometrically, but never past the limit.
        data.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(
            std::max(data.capacity() * 2, data.size() + static_cast<std::size_t>(n)), max_bytes)));
      }
      data.append(buf, static_cast<std::size_t>(n));
    }
    if (!stdin_input) ::close(fd);
    return data;
  });
}

Status write_file_atomic(const std::string& path, std::string_view data) {
  return detail::guard_memory("io", "writing a file", [&]() -> Status {
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string tmp =
        (slash == std::string::npos ? std::string() : dir) + "." + base + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
      return io_error("cannot create a temporary file beside '" + path + "': " + errno_text());
    std::size_t done = 0;
    while (done < data.size()) {
      const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        const std::string why = errno_text();
        ::close(fd);
        ::unlink(tmp.c_str());
        return io_error("cannot write '" + path + "': " + why);
      }
      done += static_cast<std::size_t>(n);
    }
    // Keep the permissions a newly created file would get (mkstemp creates 0600).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
      const std::string why = errno_text();
      ::unlink(tmp.c_str());
      return io_error("cannot write '" + path + "': " + why);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
      const std::string why = errno_text();
      ::unlink(tmp.c_str());
      return io_error("cannot rename the output to '" + path + "': " + why);
    }
    return {};
  });
}

RecordWriter::~RecordWriter() = default;

void RecordWriter::warn_once(Error warning) {
  warning.severity = Severity::warning;
  for (const Error& w : warnings_) {
    if (w.code == warning.code && w.message == warning.message) return;
  }
  warnings_.push_back(std::move(warning));
}

PRESSROOM_ABI_END
}  // namespace pressroom
