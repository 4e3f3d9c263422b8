// SPDX-License-Identifier: MIT
// clean_text() with AVX2, 32 bytes per step whatever the mix of ASCII and multi-byte UTF-8.
//
// UTF-8 is checked by classifying each byte with the one before it through three 16-entry
// tables indexed by nibbles (the high and low nibble of the previous byte, the high nibble of
// this byte): each table entry is a set of error bits, and a pair of bytes is wrong when the
// three sets share a bit. The errors that need more than two bytes (a third or fourth byte that
// must be a continuation) come from the bytes two and three back. Then the XML 1.0 rules
// beyond UTF-8: no C0 control character other than tab, line feed and carriage return, and
// neither U+FFFE nor U+FFFF (EF BF BE, EF BF BF). Surrogates (ED A0..BF) are invalid UTF-8.
//
// Built only for x86-64 with GCC or Clang; the function is compiled for AVX2 alone and called
// only when the processor has it (clean_text in codec.cpp decides once).
#include "formats/xml/clean_text.hpp"

#if PRESSROOM_XML_HAVE_AVX2

#include <immintrin.h>

#include <cstdint>
#include <cstring>

namespace pressroom::xml_codec {
namespace {

// Error bits. A pair (previous byte, byte) is an error when a bit is set in all three lookups.
constexpr std::uint8_t too_short = 1 << 0;   // a lead byte not followed by a continuation
constexpr std::uint8_t too_long = 1 << 1;    // ASCII followed by a continuation
constexpr std::uint8_t overlong_3 = 1 << 2;  // E0 80..9F
constexpr std::uint8_t too_large = 1 << 3;   // F4 90..BF, F5..FF
constexpr std::uint8_t surrogate = 1 << 4;   // ED A0..BF
constexpr std::uint8_t overlong_2 = 1 << 5;  // C0, C1
constexpr std::uint8_t too_large_1000 = 1 << 6;
constexpr std::uint8_t overlong_4 = 1 << 6;  // F0 80..8F
constexpr std::uint8_t two_conts = 1 << 7;   // two continuations in a row (checked below)
constexpr std::uint8_t carry = too_short | too_long | two_conts;

__attribute__((target("avx2"))) inline __m256i table(
    std::uint8_t a0, std::uint8_t a1, std::uint8_t a2, std::uint8_t a3, std::uint8_t a4,
    std::uint8_t a5, std::uint8_t a6, std::uint8_t a7, std::uint8_t a8, std::uint8_t a9,
    std::uint8_t a10, std::uint8_t a11, std::uint8_t a12, std::uint8_t a13, std::uint8_t a14,
    std::uint8_t a15) {
  const __m128i t = _mm_setr_epi8(
      static_cast<char>(a0), static_cast<char>(a1), static_cast<char>(a2), static_cast<char>(a3),
      static_cast<char>(a4), static_cast<char>(a5), static_cast<char>(a6), static_cast<char>(a7),
      static_cast<char>(a8), static_cast<char>(a9), static_cast<char>(a10), static_cast<char>(a11),
      static_cast<char>(a12), static_cast<char>(a13), static_cast<char>(a14),
      static_cast<char>(a15));
  return _mm256_broadcastsi128_si256(t);
}

struct Tables {
  __m256i byte_1_high;
  __m256i byte_1_low;
  __m256i byte_2_high;
};

__attribute__((target("avx2"))) Tables make_tables() {
  Tables t;
  t.byte_1_high = table(too_long, too_long, too_long, too_long, too_long, too_long, too_long,
                        too_long, two_conts, two_conts, two_conts, two_conts,
                        too_short | overlong_2, too_short, too_short | overlong_3 | surrogate,
                        too_short | too_large | too_large_1000 | overlong_4);
  t.byte_1_low =
      table(carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry,
            carry | too_large, carry | too_large | too_large_1000,
            carry | too_large | too_large_1000, carry | too_large | too_large_1000,
            carry | too_large | too_large_1000, carry | too_large | too_large_1000,
            carry | too_large | too_large_1000, carry | too_large | too_large_1000,
            carry | too_large | too_large_1000, carry | too_large | too_large_1000 | surrogate,
            carry | too_large | too_large_1000, carry | too_large | too_large_1000);
  t.byte_2_high =
      table(too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short,
            too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4,
            too_long | overlong_2 | two_conts | overlong_3 | too_large,
            too_long | overlong_2 | two_conts | surrogate | too_large,
            too_long | overlong_2 | two_conts | surrogate | too_large, too_short, too_short,
            too_short, too_short);
  return t;
}

// The 32 bytes ending `n` bytes before the start of `input`: input shifted right by n across
// the 128-bit lanes, with the last bytes of `previous` coming in.
template <int N>
__attribute__((target("avx2"))) inline __m256i prev(__m256i input, __m256i previous) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - N);
}

__attribute__((target("avx2"))) inline __m256i high_nibbles(__m256i v) {
  return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

// The error bits of one 32-byte block given the block before it.
__attribute__((target("avx2"))) inline __m256i block_errors(const Tables& t, __m256i input,
                                                            __m256i previous) {
  const __m256i prev1 = prev<1>(input, previous);
  const __m256i low_nibble_mask = _mm256_set1_epi8(0x0F);
  const __m256i special = _mm256_and_si256(
      _mm256_and_si256(_mm256_shuffle_epi8(t.byte_1_high, high_nibbles(prev1)),
                       _mm256_shuffle_epi8(t.byte_1_low, _mm256_and_si256(prev1, low_nibble_mask))),
      _mm256_shuffle_epi8(t.byte_2_high, high_nibbles(input)));
  // A byte two after a lead of 3 or 4 bytes, or three after a lead of 4, must be a continuation:
  // its two_conts bit must be set, and the XOR clears it exactly then.
  const __m256i prev2 = prev<2>(input, previous);
  const __m256i prev3 = prev<3>(input, previous);
  const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m256i must_continue =
      _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
  __m256i errors = _mm256_xor_si256(must_continue, special);
  // C0 controls other than tab, line feed and carriage return.
  const __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(input, _mm256_set1_epi8(0x1F)), input);
  const __m256i allowed =
      _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(input, _mm256_set1_epi8('\t')),
                                      _mm256_cmpeq_epi8(input, _mm256_set1_epi8('\n'))),
                      _mm256_cmpeq_epi8(input, _mm256_set1_epi8('\r')));
  errors = _mm256_or_si256(errors, _mm256_andnot_si256(allowed, control));
  // U+FFFE and U+FFFF: EF BF BE or EF BF BF.
  const __m256i nonchar = _mm256_and_si256(
      _mm256_and_si256(_mm256_cmpeq_epi8(prev2, _mm256_set1_epi8(static_cast<char>(0xEF))),
                       _mm256_cmpeq_epi8(prev1, _mm256_set1_epi8(static_cast<char>(0xBF)))),
      _mm256_cmpeq_epi8(_mm256_or_si256(input, _mm256_set1_epi8(1)),
                        _mm256_set1_epi8(static_cast<char>(0xBF))));
  return _mm256_or_si256(errors, nonchar);
}

}  // namespace

__attribute__((target("avx2"))) bool clean_text_avx2(std::string_view s) {
  static const Tables t = make_tables();
  const char* p = s.data();
  std::size_t n = s.size();
  __m256i previous = _mm256_setzero_si256();
  __m256i errors = _mm256_setzero_si256();
  while (n >= 32) {
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    // A block of ASCII after a block that ends no sequence needs only the control check;
    // the full check is cheap enough to run always, and keeps one path.
    errors = _mm256_or_si256(errors, block_errors(t, input, previous));
    previous = input;
    p += 32;
    n -= 32;
  }
  // The tail, padded with spaces: a sequence cut by the end meets a space and is too short.
  alignas(32) char tail[32];
  std::memset(tail, ' ', sizeof tail);
  std::memcpy(tail, p, n);
  const __m256i input = _mm256_load_si256(reinterpret_cast<const __m256i*>(tail));
  errors = _mm256_or_si256(errors, block_errors(t, input, previous));
  return _mm256_testz_si256(errors, errors) != 0;
}

// Reads whole aligned blocks, which never cross a page, so it may read past the terminator
// inside the block holding it: the sanitizer must not instrument those loads.
__attribute__((target("avx2"), no_sanitize_address)) std::size_t measure_clean_avx2(const char* s,
                                                                                    bool& clean) {
  static const Tables t = make_tables();
  const __m256i spaces = _mm256_set1_epi8(' ');
  const auto address = reinterpret_cast<std::uintptr_t>(s);
  const char* block = reinterpret_cast<const char*>(address & ~std::uintptr_t{31});
  const unsigned skip = static_cast<unsigned>(address & 31);
  __m256i input = _mm256_load_si256(reinterpret_cast<const __m256i*>(block));
  // The bytes before the string become spaces, for both checks.
  const __m256i index =
      _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                       22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
  input = _mm256_blendv_epi8(input, spaces,
                             _mm256_cmpgt_epi8(_mm256_set1_epi8(static_cast<char>(skip)), index));
  __m256i previous = spaces;
  __m256i errors = _mm256_setzero_si256();
  for (;;) {
    const auto nul = static_cast<unsigned>(
        _mm256_movemask_epi8(_mm256_cmpeq_epi8(input, _mm256_setzero_si256())));
    if (nul != 0) {
      const unsigned at = static_cast<unsigned>(__builtin_ctz(nul));
      // The terminator and what follows it become spaces: a sequence cut there is too short.
      input = _mm256_blendv_epi8(
          input, spaces, _mm256_cmpgt_epi8(index, _mm256_set1_epi8(static_cast<char>(at - 1))));
      errors = _mm256_or_si256(errors, block_errors(t, input, previous));
      clean = _mm256_testz_si256(errors, errors) != 0;
      return static_cast<std::size_t>(block + at - s);
    }
    errors = _mm256_or_si256(errors, block_errors(t, input, previous));
    previous = input;
    block += 32;
    input = _mm256_load_si256(reinterpret_cast<const __m256i*>(block));
  }
}

}  // namespace pressroom::xml_codec

#endif  // PRESSROOM_XML_HAVE_AVX2
