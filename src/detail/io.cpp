// SPDX-License-Identifier: MIT
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

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
    const auto named = [&path](Error e) {
      e.message = "'" + path + "': " + e.message;
      return e;
    };
    Result<AtomicOutput> out = AtomicOutput::open(path);
    if (!out) return named(out.error());
    Status written = out->write(data);
    if (!written) return named(written.error());
    Status committed = out->commit();
    if (!committed) return named(committed.error());
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
