// SPDX-License-Identifier: MIT
// AtomicOutput: the one writer of output files (see io.hpp for the rules it follows).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <random>
#include <streambuf>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pressroom/io.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

namespace {

constexpr std::size_t buffer_bytes = std::size_t{1} << 16;

std::string errno_text(int err) { return std::strerror(err); }

Error output_error(std::string message) {
  Error e;
  e.code = ErrorCode::io;
  e.format = "io";
  e.message = std::move(message);
  return e;
}

/// A stream buffer writing a file descriptor; remembers the first write error.
class FdOutBuf : public std::streambuf {
 public:
  explicit FdOutBuf(int fd) : fd_(fd), buffer_(buffer_bytes) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  [[nodiscard]] int error() const noexcept { return error_; }
  /// Stops writing: what is buffered is dropped and later writes fail.
  void stop() {
    stopped_ = true;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!flush_buffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
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
  int sync() override { return flush_buffer() ? 0 : -1; }

 private:
  bool flush_buffer() {
    const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_all(buffer_.data(), n);
  }
  bool write_all(const char* data, std::size_t size) {
    if (error_ != 0 || stopped_) return false;
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

  int fd_;
  int error_ = 0;
  bool stopped_ = false;
  std::vector<char> buffer_;
};

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
      return output_error(
          "not following a symbolic link that another user owns in a "
          "world-writable sticky directory");
    }
    const auto size = static_cast<std::size_t>(st.st_size > 4095 ? st.st_size : 4095);
    std::string target(size + 1, '\0');
    const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<std::size_t>(n) > size) {
      const int err = n < 0 ? errno : ENAMETOOLONG;
      return output_error("cannot read the symbolic link: " + errno_text(err));
    }
    target.resize(static_cast<std::size_t>(n));
    if (target.empty() || target[0] != '/') target = dir_part(current) + target;
    current = std::move(target);
  }
  return output_error("too many levels of symbolic links");
}

// Why a file of mode `mode` cannot be an output, or null when it can.
const char* refused_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISSOCK(mode)) return "is a socket";
  if (S_ISBLK(mode)) return "is a block device";
  if (S_ISREG(mode) || S_ISCHR(mode) || S_ISFIFO(mode)) return nullptr;
  return "is not a regular file, character device or FIFO";
}

// Creates a new file named `base` plus six random characters, with `mode` (less the umask,
// which the kernel applies: the process's umask is neither read nor changed). Returns the
// descriptor and sets `path`, or returns -1 with errno set.
int create_temporary(const std::string& base, mode_t mode, std::string& path) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::minstd_rand random(std::random_device{}());
  std::uniform_int_distribution<std::size_t> pick(0, sizeof alphabet - 2);
  for (int attempt = 0; attempt < 100; ++attempt) {
    path = base;
    for (int i = 0; i < 6; ++i) path += alphabet[pick(random)];
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, mode);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

}  // namespace

struct AtomicOutput::Impl {
  explicit Impl(int descriptor) : fd(descriptor), buf(descriptor), out(&buf) {}
  ~Impl() {
    if (!committed) remove_temporary();
    if (fd > 1) ::close(fd);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void remove_temporary() {
    if (temporary.empty()) return;
    ::unlink(temporary.c_str());
    temporary.clear();
    if (hooks.after_remove) hooks.after_remove();
  }

  int fd;
  FdOutBuf buf;
  std::ostream out;
  std::string target;
  std::string temporary;
  AtomicOutputHooks hooks;
  bool committed = false;
  bool direct = true;
};

AtomicOutput::AtomicOutput(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
AtomicOutput::AtomicOutput(AtomicOutput&& other) noexcept = default;
AtomicOutput& AtomicOutput::operator=(AtomicOutput&& other) noexcept = default;
AtomicOutput::~AtomicOutput() = default;

AtomicOutput AtomicOutput::standard_output() { return AtomicOutput(std::make_unique<Impl>(1)); }

Result<AtomicOutput> AtomicOutput::open(const std::string& path, AtomicOutputHooks hooks) {
  if (path.empty()) return output_error("cannot open: " + errno_text(ENOENT));
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;  // through symbolic links
  if (exists && refused_kind(st.st_mode) != nullptr) {
    return output_error(std::string(refused_kind(st.st_mode)) +
                        "; an output must be a regular file, a character device or a FIFO");
  }
  if (exists && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
    // A device or a FIFO is written as it is: replacing it with a file would break it (and
    // /dev/null for everyone), and what was written cannot be taken back anyway.
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
      const int err = errno;
      return output_error("cannot open: " + errno_text(err));
    }
    auto impl = std::make_unique<Impl>(fd);  // owns fd from here on
    struct stat opened {};
    if (::fstat(fd, &opened) != 0 || !(S_ISCHR(opened.st_mode) || S_ISFIFO(opened.st_mode))) {
      impl->committed = true;  // nothing of ours to remove
      return output_error("changed while it was opened");
    }
    impl->target = path;
    return AtomicOutput(std::move(impl));
  }
  // A regular file, or none yet. A symbolic link is written through: its target is replaced
  // (atomically, by a file created beside the target) and the link stays.
  Result<std::string> resolved = follow_links(path);
  if (!resolved) return resolved.error();
  std::string target = std::move(*resolved);
  exists = ::stat(target.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) return output_error("changed while it was opened");
  const std::string dir = dir_part(target);
  const std::string base = target.substr(dir.size());
  // Created with the replaced file's permission bits (less the umask, so never wider than
  // they were), set exactly below; a new file gets what open() gives: 0666 less the umask.
  const mode_t mode = exists ? (st.st_mode & 0666) : 0666;
  std::string temporary;
  if (hooks.before_create) hooks.before_create();
  const int fd = create_temporary(dir + "." + base + ".pressroom-", mode, temporary);
  const int err = errno;
  if (fd < 0) temporary.clear();
  if (hooks.after_create) hooks.after_create(temporary);
  if (fd < 0) return output_error("cannot create a temporary file beside it: " + errno_text(err));
  auto impl = std::make_unique<Impl>(fd);
  impl->target = std::move(target);
  impl->temporary = std::move(temporary);
  impl->direct = false;
  impl->hooks = std::move(hooks);
  if (exists) ::fchmod(fd, st.st_mode & 07777);
  return AtomicOutput(std::move(impl));
}

std::ostream& AtomicOutput::stream() noexcept { return impl_->out; }

Status AtomicOutput::write(std::string_view data) {
  impl_->out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!impl_->out) {
    const int err = impl_->buf.error();
    return output_error("cannot write: " + errno_text(err != 0 ? err : EIO));
  }
  return {};
}

int AtomicOutput::write_errno() const noexcept { return impl_->buf.error(); }

Status AtomicOutput::commit() {
  Impl& m = *impl_;
  m.out.flush();
  if (m.buf.error() != 0 || !m.out) {
    const int err = m.buf.error();
    discard();
    return output_error("cannot write: " + errno_text(err != 0 ? err : EIO));
  }
  if (m.direct) {
    m.committed = true;
    if (m.fd > 1) {  // a device or FIFO: its close can report a write error too
      const int fd = m.fd;
      m.fd = -1;
      if (::close(fd) != 0 && errno != EINTR) {
        const int err = errno;
        return output_error("cannot write: " + errno_text(err));
      }
    }
    return {};
  }
  const int fd = m.fd;
  m.fd = -1;
  int err = ::fsync(fd) != 0 ? errno : 0;
  if (::close(fd) != 0 && err == 0 && errno != EINTR) err = errno;
  if (err != 0) {
    discard();
    return output_error("cannot write: " + errno_text(err));
  }
  if (::rename(m.temporary.c_str(), m.target.c_str()) != 0) {
    err = errno;
    discard();
    return output_error("cannot rename the temporary file: " + errno_text(err));
  }
  m.temporary.clear();
  m.committed = true;
  if (m.hooks.after_remove) m.hooks.after_remove();
  return {};
}

void AtomicOutput::discard() {
  impl_->buf.stop();
  impl_->remove_temporary();
}

const std::string& AtomicOutput::target() const noexcept { return impl_->target; }
const std::string& AtomicOutput::temporary() const noexcept { return impl_->temporary; }
bool AtomicOutput::direct() const noexcept { return impl_->direct; }

PRESSROOM_ABI_END
}  // namespace pressroom
