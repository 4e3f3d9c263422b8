// SPDX-License-Identifier: MIT
// InputBuffer (input_buffer.hpp).
#include "detail/input_buffer.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <istream>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace pressroom::detail {

namespace {
constexpr std::size_t first_capacity = std::size_t{64} << 10;
#if defined(__linux__)
constexpr std::size_t map_from = std::size_t{1} << 20;
#endif
}  // namespace

InputBuffer::~InputBuffer() {
#if defined(__linux__)
  if (mapped_) {
    ::munmap(data_, capacity_);
    return;
  }
#endif
  std::free(data_);
}

bool InputBuffer::reserve(std::size_t n, std::size_t most) {
  if (n <= capacity_) return true;
  std::size_t grown = std::min(std::max({n, capacity_ * 2, first_capacity}), std::max(n, most));
#if defined(__linux__)
  if (grown >= map_from) {
    void* p = MAP_FAILED;
    if (mapped_) {
      p = ::mremap(data_, capacity_, grown, MREMAP_MAYMOVE);
    } else {
      p = ::mmap(nullptr, grown, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p != MAP_FAILED && size_ > 0) std::memcpy(p, data_, size_);
    }
    if (p == MAP_FAILED) return false;
    if (!mapped_) std::free(data_);
    (void)::madvise(p, grown, MADV_HUGEPAGE);  // a hint: refused, small pages serve
    data_ = static_cast<char*>(p);
    capacity_ = grown;
    mapped_ = true;
    return true;
  }
#endif
  void* p = std::realloc(data_, grown);
  if (p == nullptr) return false;
  data_ = static_cast<char*>(p);
  capacity_ = grown;
  return true;
}

bool InputBuffer::assign(const char* bytes, std::size_t n) {
  size_ = 0;
  if (!reserve(n + 1)) return false;
  if (n > 0) std::memcpy(data_, bytes, n);
  size_ = n;
  return true;
}

InputBuffer::Fill InputBuffer::fill(std::istream& in, std::uint64_t max_bytes,
                                    const std::function<void(std::uint64_t)>& progress) {
  for (;;) {
    // Always a byte free after the data; room for one byte past the limit at most, which
    // tells an input over it.
    const std::size_t most = max_bytes >= static_cast<std::size_t>(-1) - 2
                                 ? static_cast<std::size_t>(-1)
                                 : static_cast<std::size_t>(max_bytes) + 2;
    if (size_ + 1 >= capacity_ && !reserve(size_ + 2, most)) return Fill::no_memory;
    // At most 1 MiB a read, so that progress moves on steadily.
    const std::size_t room = std::min(capacity_ - 1 - size_, std::size_t{1} << 20);
    in.read(data_ + size_, static_cast<std::streamsize>(room));
    const auto got = static_cast<std::size_t>(in.gcount());
    size_ += got;
    if (size_ > max_bytes) return Fill::too_big;
    if (progress && got > 0) progress(size_);
    if (!in) break;
  }
  return in.bad() ? Fill::failed : Fill::done;
}

}  // namespace pressroom::detail
