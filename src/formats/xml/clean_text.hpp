// SPDX-License-Identifier: MIT
// The vectorised forms of xml_codec::clean_text (see codec.hpp), chosen at run time.
#ifndef PRESSROOM_SRC_FORMATS_XML_CLEAN_TEXT_HPP
#define PRESSROOM_SRC_FORMATS_XML_CLEAN_TEXT_HPP

#include <cstddef>
#include <string_view>

#if (defined(__x86_64__) || defined(_M_X64)) && (defined(__GNUC__) || defined(__clang__))
#define PRESSROOM_XML_HAVE_AVX2 1
#else
#define PRESSROOM_XML_HAVE_AVX2 0
#endif

namespace pressroom::xml_codec {

#if PRESSROOM_XML_HAVE_AVX2
// clean_text for processors with AVX2; call it only when __builtin_cpu_supports("avx2").
bool clean_text_avx2(std::string_view s);
// The length of the NUL-terminated `s`, and in `clean` whether clean_text(s) holds: one pass
// instead of strlen and clean_text. Same condition as clean_text_avx2.
std::size_t measure_clean_avx2(const char* s, bool& clean);
#endif

}  // namespace pressroom::xml_codec

#endif  // PRESSROOM_SRC_FORMATS_XML_CLEAN_TEXT_HPP
