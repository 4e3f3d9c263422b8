// SPDX-License-Identifier: MIT
// xml_codec::clean_text (vectorised where the processor allows) against the scalar definition
// (valid UTF-8 of characters XML 1.0 allows), for every character class at every position
// relative to the 32-byte blocks, and on random byte strings; and the reader's one-pass check of
// parsed values through documents that carry the same strings.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "detail/text.hpp"
#include "formats/xml/clean_text.hpp"
#include "formats/xml/codec.hpp"
#include "pressroom/xml.hpp"

namespace pressroom {
namespace {

bool reference_clean(std::string_view s) {
  return detail::find_invalid_utf8(s) == detail::npos &&
         detail::find_xml_forbidden(s) == detail::npos;
}

// Byte sequences around every boundary of UTF-8 and of XML 1.0's Char production.
std::vector<std::string> samples() {
  std::vector<std::string> out = {"a",
                                  "\t",
                                  "\n",
                                  "\r",
                                  std::string(1, '\0'),
                                  "\x01",
                                  "\x1F",
                                  "\x7F",
                                  " ",
                                  "\xC2\x80",
                                  "\xDF\xBF",
                                  "\xC0\x80",
                                  "\xC1\xBF",
                                  "\xC2",
                                  "\x80",
                                  "\xBF",
                                  "\xE0\xA0\x80",
                                  "\xE0\x9F\xBF",
                                  "\xE1\x80\x80",
                                  "\xEC\xBF\xBF",
                                  "\xED\x9F\xBF",
                                  "\xED\xA0\x80",
                                  "\xED\xBF\xBF",
                                  "\xEE\x80\x80",
                                  "\xEF\xBF\xBD",
                                  "\xEF\xBF\xBE",
                                  "\xEF\xBF\xBF",
                                  "\xEF\xBF",
                                  "\xE2\x80",
                                  "\xF0\x90\x80\x80",
                                  "\xF0\x8F\xBF\xBF",
                                  "\xF4\x8F\xBF\xBF",
                                  "\xF4\x90\x80\x80",
                                  "\xF5\x80\x80\x80",
                                  "\xF8\x88\x80\x80\x80",
                                  "\xFF",
                                  "\xFE",
                                  "\xF0\x90\x80",
                                  "\xC3\xA9\xC3",
                                  "\xE2\x80\x99\x80"};
  return out;
}

TEST(XmlCleanText, MatchesTheDefinitionAtEveryOffset) {
  for (const std::string& sample : samples()) {
    for (std::size_t offset = 0; offset < 70; ++offset) {
      for (std::size_t after : {0, 1, 2, 3, 31, 40}) {
        const std::string s = std::string(offset, 'x') + sample + std::string(after, 'y');
        EXPECT_EQ(xml_codec::clean_text(s), reference_clean(s))
            << "sample " << detail::quote(sample) << " at offset " << offset << ", " << after
            << " bytes after";
      }
    }
  }
}

TEST(XmlCleanText, MatchesTheDefinitionOnRandomBytes) {
  std::mt19937 rng(20241129);
  const std::string alphabet = std::string("ab \t\n\r\x01") +
                               "\x80\xBF\xC2\xC3\xDF\xE0\xE2\xED\xEF" +
                               "\xF0\xF4\xF5\xBE\xA0\x9F\x90\x8F";
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 100, 'a');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    ASSERT_EQ(xml_codec::clean_text(s), reference_clean(s)) << detail::quote(s);
  }
}

#if PRESSROOM_XML_HAVE_AVX2
TEST(XmlCleanText, OnePassMeasureAgreesWithStrlenAndCheck) {
  if (__builtin_cpu_supports("avx2") == 0) GTEST_SKIP() << "no AVX2 on this processor";
  std::mt19937 rng(7);
  const std::string alphabet = std::string("ab \t\n\x01") + "\x80\xC3\xA9\xE2\x99\xEF\xBF\xBE";
  // A buffer of many NUL-terminated strings, as pugixml leaves them, at every alignment.
  std::string buffer;
  std::vector<std::size_t> starts;
  for (int k = 0; k < 3000; ++k) {
    starts.push_back(buffer.size());
    std::string s(rng() % 80, 'a');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    buffer += s;
    buffer += '\0';
  }
  for (std::size_t start : starts) {
    const char* p = buffer.c_str() + start;
    bool clean = false;
    const std::size_t size = xml_codec::measure_clean_avx2(p, clean);
    const std::string_view expected(p);
    ASSERT_EQ(size, expected.size());
    ASSERT_EQ(clean, reference_clean(expected)) << detail::quote(expected);
  }
}
#endif

TEST(XmlCleanText, ReaderRepairsWhatTheCheckFinds) {
  // Raw bytes in element text: the reader repairs each value and warns, at any alignment.
  for (std::size_t pad = 0; pad < 40; ++pad) {
    const std::string headline = std::string(pad, 'h') + "\xC3\xA9t\xC3\xA9 \xED\xA0\x80 end";
    const std::string input =
        "<pressroom xmlns=\"urn:pressroom:1\" version=\"1.0\"><article><id>a</id>"
        "<headline>" +
        headline + "</headline></article></pressroom>";
    const auto doc = xml::read(input);
    ASSERT_TRUE(doc) << doc.error().message;
    ASSERT_EQ(doc->articles.size(), 1U);
    EXPECT_EQ(doc->articles[0].headline,
              std::string(pad, 'h') + "\xC3\xA9t\xC3\xA9 \xEF\xBF\xBD end");
    EXPECT_FALSE(doc.warnings().empty());
    const auto strict = xml::read(input, [] {
      ReadOptions o;
      o.mode = Mode::strict;
      return o;
    }());
    EXPECT_FALSE(strict);
  }
}

}  // namespace
}  // namespace pressroom
