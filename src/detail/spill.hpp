// SPDX-License-Identifier: MIT
// SpillBuffer: text a streaming writer sets aside for later (JSON Feed's entity tables, written
// after the items; the tables of a JSON Document, written in Document order), kept in memory
// up to a bound, then in an anonymous temporary file.
#ifndef PRESSROOM_DETAIL_SPILL_HPP
#define PRESSROOM_DETAIL_SPILL_HPP

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>

namespace pressroom::detail {

// Called with the output text whenever it holds a chunk, so that a streaming writer can pass
// it on and clear it.
using Drain = std::function<void(std::string&)>;

// The directory of temporary files: $TMPDIR when set and not empty, else /tmp.
std::string temp_directory();

// Text kept in memory up to `memory_max` bytes, then in an anonymous temporary file (made in
// temp_directory() and unlinked at once), so that a streaming writer's memory does not grow
// with the number of records. Small outputs never touch the disk. When no temporary file can
// be made or written, the buffer fails: it drops what it is given from then on, and error()
// names the directory and the system's reason; memory never grows past `memory_max`.
class SpillBuffer {
 public:
  explicit SpillBuffer(std::size_t memory_max = std::size_t{1} << 20) : memory_max_(memory_max) {}
  SpillBuffer(const SpillBuffer&) = delete;
  SpillBuffer& operator=(const SpillBuffer&) = delete;
  ~SpillBuffer();
  // The text appended is taken from the end of `text`, from `from` on, which is then erased.
  // False once the buffer failed (see error()).
  bool take(std::string& text, std::size_t from);
  bool empty() const noexcept { return size_ == 0; }
  // Appends everything set aside to `out`, calling `drain(out)` whenever `out` holds a chunk
  // (so that a streaming writer can flush it); false when the temporary file failed.
  bool append_to(std::string& out, const Drain& drain);
  // Why the buffer failed; empty while it works.
  const std::string& error() const noexcept { return error_; }

 private:
  bool spill();
  std::size_t memory_max_;
  std::string memory_;
  std::FILE* file_ = nullptr;
  std::size_t file_size_ = 0;  // bytes in the file
  std::size_t size_ = 0;       // bytes set aside in all
  std::string error_;
};

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_SPILL_HPP
