// SPDX-License-Identifier: MIT
// Peak heap of a stretch of code, for the memory property of the fuzz targets: under
// AddressSanitizer (libFuzzer builds and the sanitized replay), allocation hooks count the
// bytes in use; elsewhere nothing is measured and `available()` is false.
#ifndef PRESSROOM_TESTS_FUZZ_HEAP_WATCH_HPP
#define PRESSROOM_TESTS_FUZZ_HEAP_WATCH_HPP

#include <atomic>
#include <cstddef>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PRESSROOM_FUZZ_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define PRESSROOM_FUZZ_ASAN 1
#endif
// The hooks' header comes with clang; GCC's sanitizer headers lack it.
#if defined(PRESSROOM_FUZZ_ASAN) && defined(__has_include)
#if __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#define PRESSROOM_FUZZ_HEAP_HOOKS 1
#endif
#endif

namespace pressroom::fuzz::heap {

inline std::atomic<long long> in_use{0};
inline std::atomic<long long> peak{0};

#ifdef PRESSROOM_FUZZ_HEAP_HOOKS
inline void on_malloc(const volatile void*, std::size_t size) {
  const long long now =
      in_use.fetch_add(static_cast<long long>(size)) + static_cast<long long>(size);
  long long seen = peak.load();
  while (now > seen && !peak.compare_exchange_weak(seen, now)) {
  }
}
inline void on_free(const volatile void* p) {
  in_use.fetch_sub(static_cast<long long>(__sanitizer_get_allocated_size(const_cast<void*>(p))));
}
inline bool install() {
  static const bool done = __sanitizer_install_malloc_and_free_hooks(&on_malloc, &on_free) != 0;
  return done;
}
#else
inline bool install() { return false; }
#endif

// True when peaks are measured in this build.
inline bool available() { return install(); }

// Starts a measurement; returns the bytes in use now.
inline long long start() {
  const long long now = in_use.load();
  peak.store(now);
  return now;
}

// The most bytes in use since start() beyond `base`.
inline long long peak_since(long long base) { return peak.load() - base; }

}  // namespace pressroom::fuzz::heap

#endif  // PRESSROOM_TESTS_FUZZ_HEAP_WATCH_HPP
