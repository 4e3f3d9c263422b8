// SPDX-License-Identifier: MIT
// The CLI's JSON strings (`stats --json`, `formats --json`) are valid JSON whatever the text:
// escapes for quotes, backslashes and controls, UTF-8 kept, invalid bytes as U+FFFD.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "cli/cli.hpp"

namespace {

std::string as_json(std::string_view value) {
  std::string out;
  pressroom::cli::append_json_string(out, value);
  return out;
}

TEST(CliJsonString, EscapesWhatJsonRequires) {
  EXPECT_EQ(as_json("a\"b\\c\n\t\x01"), R"("a\"b\\c\n\t\u0001")");
}

TEST(CliJsonString, KeepsUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(as_json("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB0"),
            "\"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x93\xB0\"");
  // A stray continuation byte, a truncated sequence, an overlong form, a surrogate, a byte
  // past U+10FFFF: each becomes U+FFFD, and the bytes after it are read again.
  const std::string r = "\xEF\xBF\xBD";
  EXPECT_EQ(as_json("a\x80z"), "\"a" + r + "z\"");
  EXPECT_EQ(as_json("a\xE2\x80"), "\"a" + r + r + "\"");
  EXPECT_EQ(as_json("\xC0\xAF"), "\"" + r + r + "\"");
  EXPECT_EQ(as_json("\xED\xA0\x80"), "\"" + r + r + r + "\"");
  EXPECT_EQ(as_json("\xF5\x80\x80\x80"), "\"" + r + r + r + r + "\"");
  for (const std::string s : {"a\x80z", "\xE2\x80", "\xFF\xFE", "ok \xC3\xA9"}) {
    const std::string text = as_json(s);
    EXPECT_TRUE(nlohmann::json::accept(text)) << text;
  }
}

}  // namespace
