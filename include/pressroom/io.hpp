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

/// Writes `data` to `path` atomically: to a temporary file in the same directory, flushed,
/// then renamed over `path`. On failure `path` is left as it was and no temporary remains.
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
