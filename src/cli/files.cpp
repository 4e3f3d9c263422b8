// SPDX-License-Identifier: MIT
// Input files (with their head read for detection) and atomic output files.
//
// An output file is written to a temporary file in its directory and renamed over it only when
// the whole conversion succeeded. A signal handler removes the temporary file on SIGINT,
// SIGTERM, SIGHUP, SIGQUIT and SIGXFSZ, then lets the signal end the process as it would have.
// A symbolic link is followed: its target is what gets replaced. A character device or a FIFO
// (/dev/null, /dev/stdout, a named pipe) is written directly; other files that are not regular
// (directories, sockets, block devices) are refused.
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
      data.resize(std::max(used + buffer_bytes, used + used / 2));
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

FdOutBuf::FdOutBuf(int fd) : fd_(fd), buffer_(buffer_bytes) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool FdOutBuf::write_all(const char* data, std::size_t size) {
  if (error_ != 0) return false;
  while (size > 0) {
    const ssize_t n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool FdOutBuf::flush_buffer() {
  const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return write_all(buffer_.data(), n);
}

FdOutBuf::int_type FdOutBuf::overflow(int_type ch) {
  if (!flush_buffer()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

std::streamsize FdOutBuf::xsputn(const char* s, std::streamsize n) {
  const auto size = static_cast<std::size_t>(n);
  if (size <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(n));
    return n;
  }
  if (!flush_buffer()) return 0;
  if (size >= buffer_.size()) return write_all(s, size) ? n : 0;
  std::memcpy(pptr(), s, size);
  pbump(static_cast<int>(n));
  return n;
}

int FdOutBuf::sync() { return flush_buffer() ? 0 : -1; }

namespace {

// The directory part of `path` ("dir/" for "dir/name", "" for "name").
std::string dir_part(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// Whether the kernel's protected_symlinks rule forbids following link `link` (of status `st`):
// a link in a sticky, world-writable directory (/tmp) that belongs neither to us nor to the
// directory's owner may have been planted there to redirect our output.
bool planted_link(const std::string& link, const struct stat& st) {
  const std::string dir = dir_part(link);
  struct stat dst {};
  if (::stat(dir.empty() ? "." : dir.c_str(), &dst) != 0) return false;
  const bool sticky_and_open = (dst.st_mode & S_ISVTX) != 0 && (dst.st_mode & S_IWOTH) != 0;
  return sticky_and_open && st.st_uid != ::geteuid() && st.st_uid != dst.st_uid;
}

// The file a path names once its symbolic links are followed (up to 40 of them, as the
// kernel does), also when the last one points at nothing yet.
Result<std::string> follow_links(const std::string& path) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
    if (planted_link(current, st)) {
      return cli_error(ErrorCode::io,
                       "not following a symbolic link that another user owns in a "
                       "world-writable sticky directory");
    }
    const auto size = static_cast<std::size_t>(st.st_size > 4095 ? st.st_size : 4095);
    std::string target(size + 1, '\0');
    const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<std::size_t>(n) > size) {
      const int err = n < 0 ? errno : ENAMETOOLONG;
      return cli_error(ErrorCode::io, "cannot read the symbolic link: " + errno_text(err));
    }
    target.resize(static_cast<std::size_t>(n));
    if (target.empty() || target[0] != '/') target = dir_part(current) + target;
    current = std::move(target);
  }
  return cli_error(ErrorCode::io, "too many levels of symbolic links");
}

// Why a file of mode `mode` cannot be an output, or null when it can.
const char* refused_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISSOCK(mode)) return "is a socket";
  if (S_ISBLK(mode)) return "is a block device";
  if (S_ISREG(mode) || S_ISCHR(mode) || S_ISFIFO(mode)) return nullptr;
  return "is not a regular file, character device or FIFO";
}

}  // namespace

Result<std::unique_ptr<Output>> Output::open(const std::string& path) {
  std::unique_ptr<Output> out(new Output());
  if (path.empty() || path == "-") {
    out->name_ = "<stdout>";
    out->fd_ = 1;
    out->buf_ = std::make_unique<FdOutBuf>(out->fd_);
    out->stream_ = std::make_unique<std::ostream>(out->buf_.get());
    return out;
  }
  out->name_ = path;
  out->path_ = path;
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;  // through symbolic links
  if (exists && refused_kind(st.st_mode) != nullptr) {
    return cli_error(ErrorCode::io,
                     std::string(refused_kind(st.st_mode)) +
                         "; an output must be a regular file, a character device or a FIFO");
  }
  if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
    // A device or a FIFO is written as it is: replacing it with a file would break it (and
    // /dev/null for everyone), and what was written cannot be taken back anyway.
    out->fd_ = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (out->fd_ < 0) {
      const int err = errno;
      return cli_error(ErrorCode::io, "cannot open: " + errno_text(err));
    }
    struct stat opened {};
    if (::fstat(out->fd_, &opened) != 0 || !(S_ISCHR(opened.st_mode) || S_ISFIFO(opened.st_mode))) {
      return cli_error(ErrorCode::io, "changed while it was opened");  // ~Output closes fd_
    }
    out->buf_ = std::make_unique<FdOutBuf>(out->fd_);
    out->stream_ = std::make_unique<std::ostream>(out->buf_.get());
    return out;
  }
  // A regular file, or none yet. A symbolic link is written through: its target is replaced
  // (atomically, by a file created beside the target) and the link stays.
  Result<std::string> resolved = follow_links(path);
  if (!resolved) return resolved.error();
  out->path_ = std::move(*resolved);
  exists = ::stat(out->path_.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    return cli_error(ErrorCode::io, "changed while it was opened");
  }
  const std::string& target = out->path_;
  const std::size_t slash = target.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string() : target.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  out->temp_ = dir + "." + base + ".pressroom-XXXXXX";
  if (out->temp_.size() >= sizeof g_temp_path) {
    out->temp_.clear();
    return cli_error(ErrorCode::io, "path too long");
  }
  install_signal_handlers();
  // Block the signals while the file is created and the handler armed with its name, so
  // that no signal can come between the two and leave the file behind.
  g_temp_armed = 0;
  sigset_t block;
  sigset_t old;
  sigemptyset(&block);
  for (const int sig : fatal_signals) sigaddset(&block, sig);
  ::sigprocmask(SIG_BLOCK, &block, &old);
  out->fd_ = ::mkstemp(out->temp_.data());
  const int err = errno;
  if (out->fd_ >= 0) {
    std::memcpy(g_temp_path, out->temp_.c_str(), out->temp_.size() + 1);
    g_temp_armed = 1;
  }
  ::sigprocmask(SIG_SETMASK, &old, nullptr);
  if (out->fd_ < 0) {
    out->temp_.clear();
    return cli_error(ErrorCode::io, "cannot create a temporary file beside it: " + errno_text(err));
  }
  ::fcntl(out->fd_, F_SETFD, FD_CLOEXEC);
  // mkstemp creates 0600; give the file what a newly created one would get, or keep the
  // mode of the file it replaces.
  if (exists) {
    ::fchmod(out->fd_, st.st_mode & 07777);
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(out->fd_, 0666 & ~mask);
  }
  out->buf_ = std::make_unique<FdOutBuf>(out->fd_);
  out->stream_ = std::make_unique<std::ostream>(out->buf_.get());
  return out;
}

Output::~Output() {
  if (!committed_) discard();
  if (fd_ > 1) ::close(fd_);
}

Status Output::commit() {
  stream_->flush();
  if (buf_->error() != 0 || !*stream_) {
    const int err = buf_->error();
    discard();
    return cli_error(ErrorCode::io, "cannot write: " + errno_text(err != 0 ? err : EIO));
  }
  if (temp_.empty()) {
    committed_ = true;
    if (fd_ > 1) {  // a device or FIFO: its close can report a write error too
      const int fd = fd_;
      fd_ = -1;
      if (::close(fd) != 0 && errno != EINTR) {
        const int err = errno;
        return cli_error(ErrorCode::io, "cannot write: " + errno_text(err));
      }
    }
    return {};
  }
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    const int err = errno;
    fd_ = -1;
    discard();
    return cli_error(ErrorCode::io, "cannot write: " + errno_text(err));
  }
  fd_ = -1;
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    const int err = errno;
    discard();
    return cli_error(ErrorCode::io, "cannot rename the temporary file: " + errno_text(err));
  }
  g_temp_armed = 0;
  temp_.clear();
  committed_ = true;
  return {};
}

void Output::discard() {
  if (temp_.empty()) return;
  g_temp_armed = 0;
  ::unlink(temp_.c_str());
  temp_.clear();
}

}  // namespace pressroom::cli
