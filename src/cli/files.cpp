// SPDX-License-Identifier: MIT
// Input files (with their head read for detection) and output files.
//
// An output file is a pressroom::AtomicOutput (see io.hpp for what it does with devices,
// FIFOs, symbolic links and other files): written to a temporary file in its directory and
// renamed over it only when the whole conversion succeeded. A signal handler removes the
// temporary file on SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGXFSZ, then lets the signal end
// the process as it would have; AtomicOutput's hooks tell it which file that is.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ios>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.hpp"

namespace pressroom::cli {

namespace {

constexpr std::size_t head_bytes = 8192;
constexpr std::size_t buffer_bytes = std::size_t{1} << 16;

std::string errno_text(int err) { return std::strerror(err); }

// --- signal handling ----------------------------------------------------------------------
// The one piece of global state of the tool: the temporary file a signal must remove. Set
// before the file exists, cleared before it is renamed or removed.
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_armed = 0;

// The signals that end the process while a temporary file may exist: from the terminal or
// another process (SIGINT, SIGTERM, SIGHUP, SIGQUIT) and from going over RLIMIT_FSIZE
// (SIGXFSZ). SIGPIPE is ignored by main(): a closed pipe is a write error (EPIPE) instead.
constexpr int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ};

extern "C" void on_fatal_signal(int sig) {
  if (g_temp_armed) ::unlink(g_temp_path);  // async-signal-safe
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void install_signal_handlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  for (const int sig : fatal_signals) {
    struct sigaction old {};
    // Keep an inherited "ignore" (nohup, background jobs).
    if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(sig, &sa, nullptr);
  }
}

// The signal mask to restore once the temporary file is recorded.
sigset_t g_saved_mask;

// Called by AtomicOutput just before it creates a temporary file: blocks the signals until
// the file is recorded, so that none can come between the two and leave the file behind.
void block_fatal_signals() {
  install_signal_handlers();
  g_temp_armed = 0;
  sigset_t block;
  sigemptyset(&block);
  for (const int sig : fatal_signals) sigaddset(&block, sig);
  ::sigprocmask(SIG_BLOCK, &block, &g_saved_mask);
}

// Called just after: records the temporary file (if created) for the handler, unblocks.
void arm_and_unblock(const std::string& temporary) {
  // A path the kernel accepts is shorter than PATH_MAX (4096), so it always fits.
  if (!temporary.empty() && temporary.size() < sizeof g_temp_path) {
    std::memcpy(g_temp_path, temporary.c_str(), temporary.size() + 1);
    g_temp_armed = 1;
  }
  ::sigprocmask(SIG_SETMASK, &g_saved_mask, nullptr);
}

}  // namespace

// --- input --------------------------------------------------------------------------------

FdInBuf::FdInBuf(int fd, std::string prefix) : fd_(fd), buffer_(std::move(prefix)) {
  if (buffer_.empty()) prefix_pending_ = false;
  char* base = buffer_.data();
  setg(base, base, base + buffer_.size());
}

FdInBuf::int_type FdInBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (prefix_pending_) prefix_pending_ = false;
  if (fd_ < 0) return traits_type::eof();
  buffer_.resize(buffer_bytes);
  for (;;) {
    const ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(errno);
    if (n == 0) {
      setg(buffer_.data(), buffer_.data(), buffer_.data());
      return traits_type::eof();
    }
    setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
    return traits_type::to_int_type(*gptr());
  }
}

void FdInBuf::fail(int err) {
  error_ = err;
  setg(buffer_.data(), buffer_.data(), buffer_.data());
  throw std::ios_base::failure("read failed");
}

std::streamsize FdInBuf::xsgetn(char_type* s, std::streamsize n) {
  std::streamsize done = 0;
  // What the buffer holds first (the head read for detection, or the rest of a chunk).
  const std::streamsize held = std::min<std::streamsize>(n, egptr() - gptr());
  if (held > 0) {
    std::memcpy(s, gptr(), static_cast<std::size_t>(held));
    gbump(static_cast<int>(held));
    done = held;
  }
  if (done == n) return done;
  if (n - done < static_cast<std::streamsize>(buffer_bytes)) {
    // A small read: through the buffer, as std::streambuf does.
    return done + std::streambuf::xsgetn(s + done, n - done);
  }
  prefix_pending_ = false;
  while (done < n && fd_ >= 0) {
    const ssize_t got = ::read(fd_, s + done, static_cast<std::size_t>(n - done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail(errno);
    if (got == 0) break;
    done += got;
  }
  return done;
}

Result<std::unique_ptr<Input>> Input::open(const std::string& path) {
  std::unique_ptr<Input> in(new Input());
  in->path_ = path;
  const bool is_stdin = path == "-";
  in->name_ = is_stdin ? "<stdin>" : path;
  in->fd_ = is_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in->fd_ < 0) {
    const int err = errno;
    in->fd_ = -1;
    return cli_error(ErrorCode::io, "cannot open: " + errno_text(err));
  }
  struct stat st {};
  if (::fstat(in->fd_, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return cli_error(ErrorCode::io, "is a directory");
    if (S_ISREG(st.st_mode)) in->size_ = static_cast<std::uint64_t>(st.st_size);
  }
  in->head_.resize(head_bytes);
  std::size_t got = 0;
  while (got < head_bytes) {
    const ssize_t n = ::read(in->fd_, in->head_.data() + got, head_bytes - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      return cli_error(ErrorCode::io, "cannot read: " + errno_text(err));
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  in->head_.resize(got);
  return in;
}

Input::~Input() {
  if (fd_ > 0) ::close(fd_);
}

std::string_view Input::detect_path() const noexcept {
  return path_ == "-" ? std::string_view() : std::string_view(path_);
}

Result<std::string> Input::read_all(std::uint64_t max_bytes, Progress& progress) {
  std::string data;
  if (size_ && *size_ <= max_bytes) data.reserve(static_cast<std::size_t>(*size_));
  data = head_;
  progress.bytes(data.size());
  if (data.size() < head_bytes) return data;  // the head was the whole input
  // Reads straight into `data`, growing it by at least buffer_bytes at a time (the file's
  // size, when known, was reserved above); `used` is how much of it holds input.
  std::size_t used = data.size();
  data.resize(std::max(data.capacity(), used));
  char probe[4096];  // the read that finds the end of a file whose size was reserved
  for (;;) {
    char* into = data.data() + used;
    std::size_t room = data.size() - used;
    if (room == 0 && size_ && used >= *size_) {
      into = probe;
      room = sizeof probe;
    } else if (room == 0) {
      // Never more than one byte past the limit: that byte tells an input over it.
      const std::size_t most =
          max_bytes >= SIZE_MAX - 1 ? SIZE_MAX - 1 : static_cast<std::size_t>(max_bytes) + 1;
      data.resize(
          std::min(std::max(used + buffer_bytes, used + used / 2), std::max(most, used + 1)));
      into = data.data() + used;
      room = data.size() - used;
    }
    const ssize_t n = ::read(fd_, into, room);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      return cli_error(ErrorCode::io, "cannot read: " + errno_text(err));
    }
    if (n == 0) break;
    if (used + static_cast<std::size_t>(n) > max_bytes) {
      return cli_error(ErrorCode::limit_exceeded,
                       "input is over the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (into == probe) {
      // The file grew since it was measured: append, and go on growing the buffer.
      data.resize(used);
      data.append(probe, static_cast<std::size_t>(n));
    }
    used += static_cast<std::size_t>(n);
    progress.bytes(used);
  }
  data.resize(used);
  return data;
}

std::optional<Error> Input::read_error() const {
  if (!buf_ || buf_->error() == 0) return std::nullopt;
  return cli_error(ErrorCode::io, "cannot read: " + errno_text(buf_->error()));
}

std::istream& Input::stream() {
  if (!stream_) {
    // A head shorter than its maximum was the whole input: reading on would block on a
    // terminal after end of input.
    buf_ = std::make_unique<FdInBuf>(head_.size() < head_bytes ? -1 : fd_, head_);
    stream_ = std::make_unique<std::istream>(buf_.get());
  }
  return *stream_;
}

// --- output -------------------------------------------------------------------------------

Result<std::unique_ptr<Output>> Output::open(const std::string& path) {
  if (path.empty() || path == "-") {
    return std::unique_ptr<Output>(new Output("<stdout>", AtomicOutput::standard_output()));
  }
  AtomicOutputHooks hooks;
  hooks.before_create = block_fatal_signals;
  hooks.after_create = arm_and_unblock;
  hooks.after_remove = [] { g_temp_armed = 0; };
  Result<AtomicOutput> file = AtomicOutput::open(path, std::move(hooks));
  if (!file) return file.error();
  return std::unique_ptr<Output>(new Output(path, std::move(*file)));
}

Output::~Output() = default;

}  // namespace pressroom::cli
