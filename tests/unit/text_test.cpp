// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "detail/text.hpp"

namespace {
namespace d = pressroom::detail;

TEST(Text, LocatesLineAndColumn) {
  const std::string_view s = "ab\ncd\n\nef";
  EXPECT_EQ(d::locate(s, 0).line, 1u);
  EXPECT_EQ(d::locate(s, 4).line, 2u);
  EXPECT_EQ(d::locate(s, 4).column, 2u);
  EXPECT_EQ(d::locate(s, 8).line, 4u);
  EXPECT_EQ(d::locate(s, 999).column, 3u);  // clamped: just past "ef"
}

TEST(Text, FindsAndRepairsInvalidUtf8) {
  EXPECT_EQ(d::find_invalid_utf8("plain \xC3\xA9"), d::npos);
  EXPECT_EQ(d::find_invalid_utf8("ab\xC0\xAF"), 2u);         // overlong '/'
  EXPECT_EQ(d::find_invalid_utf8("\xED\xA0\x80"), 0u);       // surrogate
  EXPECT_EQ(d::find_invalid_utf8("x\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(d::find_invalid_utf8("\xE2\x82"), 0u);           // truncated
  std::string s =
      "a\xFF"
      "b\xE2\x82";
  EXPECT_EQ(d::repair_utf8(s), 2u);
  EXPECT_EQ(s,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
}

TEST(Text, StripsCharactersXmlForbids) {
  std::string s = std::string(
                      "a\x01"
                      "b\x0B\tc",
                      6) +
                  "\xEF\xBF\xBE"
                  "d";
  EXPECT_NE(d::find_xml_forbidden(s), d::npos);
  EXPECT_EQ(d::strip_xml_forbidden(s), 3u);
  EXPECT_EQ(s, "ab\tcd");
  EXPECT_EQ(d::find_xml_forbidden(s), d::npos);
}

TEST(Text, QuotesAndCutsValues) {
  EXPECT_EQ(d::quote("x"), "'x'");
  EXPECT_EQ(d::quote("a\nb"), "'a\\x0ab'");
  EXPECT_EQ(d::quote(std::string(100, 'z')), "'" + std::string(40, 'z') + "...'");
}

TEST(Text, SlugsAreLowerAsciiWithHyphens) {
  EXPECT_EQ(d::slugify("Modern Slavery Act 2015"), "modern-slavery-act-2015");
  EXPECT_EQ(d::slugify("  Annika Bergstr\xC3\xB6m-Lewis "), "annika-bergstrom-lewis");
  EXPECT_EQ(d::slugify("Catholic Bishop\xE2\x80\x99s Conference"), "catholic-bishops-conference");
  EXPECT_EQ(d::slugify("\xC5\x81\xC3\xB3"
                       "d\xC5\xBA"),
            "lodz");
}

TEST(Text, FormatsShortestDoubles) {
  EXPECT_EQ(d::format_double(2000), "2000");
  EXPECT_EQ(d::format_double(0.1), "0.1");
  EXPECT_EQ(d::format_double(-1.5), "-1.5");
}
}  // namespace
