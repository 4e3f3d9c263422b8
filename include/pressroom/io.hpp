// SPDX-License-Identifier: MIT
/// @file
/// Files and streams: reading a file whole, writing one atomically, and the record-by-record
/// interfaces that let big archives stream from any streaming reader to any streaming writer.
#ifndef PRESSROOM_IO_HPP
#define PRESSROOM_IO_HPP

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// Reads a whole file into memory. Fails with `limit_exceeded` when the file is larger than
/// `max_bytes`, `io` when it cannot be read. `path` "-" reads standard input.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> read_file(
    const std::string& path, std::uint64_t max_bytes = std::uint64_t{4} << 30);

/// Calls that let a program follow the temporary file of an `AtomicOutput`, typically so
/// that a signal handler can remove it when the process is killed before the output is
/// committed. Each hook may be empty.
///
/// The calls come in this order, all on the thread that opens, commits or discards the
/// output: `before_create` just before the temporary file is created; `after_create` just
/// after, always (with the file's path, or an empty string when it could not be created);
/// `after_remove` once the temporary's name is gone (renamed over the target by `commit()`,
/// or removed). A program that removes the file from a signal handler blocks the signals in
/// `before_create` and records the path and restores the signal mask in `after_create`, so
/// that no signal can come between the file's creation and its recording; it forgets the
/// path in `after_remove`. None of them is called for a device, a FIFO or standard output.
struct AtomicOutputHooks {
  /// Called just before the temporary file is created.
  std::function<void()> before_create = {};
  /// Called just after: with the temporary file's path, or "" when it could not be created.
  std::function<void(const std::string& temporary)> after_create = {};
  /// Called when the temporary file's name no longer exists.
  std::function<void()> after_remove = {};
};

/// An output that never leaves a partial file behind and never replaces what is not a
/// regular file: the one writer behind `write_file_atomic()` and the `pressroom` tool's
/// outputs.
///
/// What `open(path)` does depends on what `path` names:
/// - **Nothing yet, or a regular file:** data goes to a new temporary file in the same
///   directory (named `.<name>.pressroom-XXXXXX`), which `commit()` flushes to disk (fsync)
///   and renames over `path` in one step; `discard()`, the destructor, or a failed write
///   remove it instead, and `path` stays as it was. The new file keeps the permission bits
///   of the file it replaces (not its owner, group or hard links: it is a new file); a file
///   that did not exist gets `0666` less the umask.
/// - **A symbolic link:** followed (up to 40 links, as the kernel does, also when the last
///   one points at nothing yet); the file it leads to is replaced as above, through a
///   temporary file in *that* file's directory, and the links stay as they are. A link in a
///   sticky, world-writable directory (such as /tmp) that belongs neither to the calling
///   user nor to the directory's owner is not followed and `open()` fails: another user may
///   have planted it there to redirect the output (the rule of Linux's `protected_symlinks`).
/// - **A character device or a FIFO** (`/dev/null`, `/dev/stdout`, a terminal, a named
///   pipe), directly or through links: opened and written as it is, never replaced, even
///   by a user allowed to. Opening a FIFO waits until a reader opens it. What was written
///   cannot be taken back: `discard()` only stops writing, and `commit()` flushes and
///   closes it.
/// - **Anything else** (a directory, a socket, a block device): refused; `open()` fails
///   and nothing is touched.
///
/// Errors have code `ErrorCode::io` and a message that does not repeat the path (the caller
/// knows it), with the system's reason for a failed call (`cannot write: No space left on
/// device`). Distinct outputs may be used on distinct threads at once (the library changes no
/// process-wide state such as the umask); one output is used by one thread at a time.
class PRESSROOM_EXPORT AtomicOutput {
 public:
  /// Opens an output for `path` as described above.
  [[nodiscard]] static Result<AtomicOutput> open(const std::string& path,
                                                 AtomicOutputHooks hooks = {});
  /// The process's standard output (file descriptor 1), written directly; `commit()`
  /// flushes it and leaves it open.
  [[nodiscard]] static AtomicOutput standard_output();

  /// Takes over `other`, which is left empty (only destruction or assignment may follow).
  AtomicOutput(AtomicOutput&& other) noexcept;
  /// Discards this output unless committed, then takes over `other`.
  AtomicOutput& operator=(AtomicOutput&& other) noexcept;
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  /// Calls `discard()` unless the output was committed, and closes it.
  ~AtomicOutput();

  /// The stream to write to (buffered). After a failed write it is in a failed state and
  /// `write_errno()` tells why.
  [[nodiscard]] std::ostream& stream() noexcept;
  /// Writes `data` through `stream()`; fails with the reason of a failed write.
  Status write(std::string_view data);
  /// The errno of the first failed write, 0 if none.
  [[nodiscard]] int write_errno() const noexcept;
  /// Completes the output: flushes the stream, then for a temporary file syncs, closes and
  /// renames it over the target; for a device or FIFO closes it (its close can report a
  /// write error too). On failure the temporary file is removed and the target stays as it
  /// was. Call at most once.
  Status commit();
  /// Gives up the output: removes the temporary file, if any. The target stays as it was.
  void discard();

  /// The file that is written: `path` with its symbolic links followed for a regular file,
  /// `path` itself for a device or FIFO, "" for standard output.
  [[nodiscard]] const std::string& target() const noexcept;
  /// The temporary file's path while there is one; "" otherwise.
  [[nodiscard]] const std::string& temporary() const noexcept;
  /// True when data goes straight to the target (a device, a FIFO, standard output) rather
  /// than to a temporary file.
  [[nodiscard]] bool direct() const noexcept;

 private:
  struct Impl;
  explicit AtomicOutput(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

/// Writes `data` to `path` through an `AtomicOutput`, with the same rules: a regular file
/// (or a new one) is replaced atomically, through a temporary file in the same directory
/// that is flushed to disk and renamed over it, keeping the old file's permission bits; a
/// symbolic link is followed and the file it leads to replaced the same way, the link kept
/// (unless it is another user's link in a sticky world-writable directory: refused); a
/// character device or FIFO is written directly and never replaced (a FIFO waits for a
/// reader); a directory, socket or block device is refused. On failure `path` is left as it
/// was (a device or FIFO may have received part of `data`) and no temporary file remains;
/// the error's message names `path`.
[[nodiscard]] PRESSROOM_EXPORT Status write_file_atomic(const std::string& path,
                                                        std::string_view data);

/// Receives records one at a time from a streaming reader. Return an error to stop reading.
using RecordSink = std::function<Status(Record&&)>;

/// Writes a Document record by record, so that memory stays bounded whatever its size.
///
/// Call `add()` for each record (a `Feed` first, if any), then `finish()` once. Records of a
/// kind a format cannot place are dropped with one warning per kind. After an error the
/// output is incomplete and must be discarded.
class PRESSROOM_EXPORT RecordWriter {
 public:
  virtual ~RecordWriter();
  /// Writes or buffers one record.
  virtual Status add(const Record& record) = 0;
  /// Completes the output; no `add()` may follow.
  virtual Status finish() = 0;
  /// Warnings collected so far (losses, repairs).
  [[nodiscard]] const std::vector<Error>& warnings() const noexcept { return warnings_; }

 protected:
  /// Adds a warning unless one with the same code and message was already added.
  void warn_once(Error warning);

 private:
  std::vector<Error> warnings_;
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_IO_HPP
