// SPDX-License-Identifier: MIT
// InputBuffer: the bytes of an input read from a stream, in memory the reader may write (an
// in-place parse does).
#ifndef PRESSROOM_DETAIL_INPUT_BUFFER_HPP
#define PRESSROOM_DETAIL_INPUT_BUFFER_HPP

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>

namespace pressroom::detail {

// A growing byte buffer. Small, it is heap memory; past 1 MiB, on Linux, it is its own mapping,
// which grows by remapping its pages (never copied) and asks for transparent huge pages, so that
// a big input costs a few page faults instead of one per 4 KiB.
class InputBuffer {
 public:
  InputBuffer() = default;
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;
  ~InputBuffer();

  [[nodiscard]] char* data() noexcept { return data_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  // Holds a copy of `bytes` (one byte free after it); false when memory is short.
  bool assign(const char* bytes, std::size_t n);

  // How reading `in` to its end ended.
  enum class Fill { done, too_big, no_memory, failed };
  // Appends everything `in` holds, keeping one byte free after it. Stops with too_big past
  // `max_bytes`; `progress(size)` is called after each read when set.
  Fill fill(std::istream& in, std::uint64_t max_bytes,
            const std::function<void(std::uint64_t)>& progress);

 private:
  // Capacity at least `n`, and no more than `most` (when at least `n`); false when memory is
  // short.
  bool reserve(std::size_t n, std::size_t most = static_cast<std::size_t>(-1));
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  bool mapped_ = false;
};

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_INPUT_BUFFER_HPP
