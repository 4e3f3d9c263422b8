// SPDX-License-Identifier: MIT
// Golden extraction cases: every folder of the shared examples and of tests/data/extract holds
// input.txt (or input.html) and expected.json; the extractor's canonical JSON is graded by the
// shared grade.py (essential checks must all pass). Also: two runs agree, and hostile inputs
// end with a result or a clear error within 2 s.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pressroom/extract.hpp"
#include "pressroom/json.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

struct Case {
  std::string name;
  fs::path dir;
};

// gtest prints a parameter with this (instead of its bytes).
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const fs::path& root : {fs::path(PRESSROOM_SHARED_DIR) / "examples",
                               fs::path(PRESSROOM_TEST_DATA_DIR) / "extract"}) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(root, ec))
      if (e.is_directory() && fs::exists(e.path() / "expected.json")) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    for (const auto& d : dirs) {
      std::string n;
      for (char c : d.filename().string())
        n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      out.push_back({n, d});
    }
  }
  if (out.empty()) out.push_back({"none", {}});
  return out;
}

class ExtractGolden : public ::testing::TestWithParam<Case> {};

pressroom::Result<pressroom::Document> run(const fs::path& dir) {
  pressroom::extract::Options o;
  if (fs::exists(dir / "input.html"))
    return pressroom::extract::from_html(pressroom::test::slurp((dir / "input.html").string()), o);
  return pressroom::extract::from_text(pressroom::test::slurp((dir / "input.txt").string()), o);
}

TEST_P(ExtractGolden, PassesEssentialChecks) {
  const Case& c = GetParam();
  if (c.dir.empty()) GTEST_SKIP() << "no extraction cases found";
  const fs::path grader = fs::path(PRESSROOM_SHARED_DIR) / "examples" / "grade.py";
  auto doc = run(c.dir);
  ASSERT_TRUE(doc) << pressroom::to_string(doc.error());
  auto json = pressroom::json::write(*doc);
  ASSERT_TRUE(json) << pressroom::to_string(json.error());
  // two runs agree (ids included)
  auto again = run(c.dir);
  ASSERT_TRUE(again);
  EXPECT_TRUE(*again == *doc);
  if (!fs::exists(grader)) GTEST_SKIP() << "grade.py not found (no shared corpus)";
  if (std::system("python3 -c 'import json, re, unicodedata' >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "python3 not available";
  const fs::path out = fs::path(PRESSROOM_BINARY_DIR) / ("extract-" + c.name + ".json");
  {
    std::ofstream f(out, std::ios::binary);
    f << *json;
  }
  const std::string cmd = "python3 '" + grader.string() + "' '" +
                          (c.dir / "expected.json").string() + "' '" + out.string() + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << "grade.py failed for " << c.dir;
}

INSTANTIATE_TEST_SUITE_P(Cases, ExtractGolden, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& i) { return i.param.name; });

// ---- hostile input ---------------------------------------------------------------------------

// The 2 s budget holds for optimised builds; debug and sanitizer builds get more room.
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
constexpr double kBudget = 2.0;
#else
constexpr double kBudget = 30.0;
#endif

template <class F>
double seconds(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

TEST(ExtractHostile, EmptyInputIsAClearError) {
  auto r = pressroom::extract::from_text("");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, pressroom::ErrorCode::missing_field);
  auto h = pressroom::extract::from_html("");
  EXPECT_FALSE(h);
  auto w = pressroom::extract::from_text(" \n\n \t \n");
  EXPECT_FALSE(w);
}

TEST(ExtractHostile, TenMegabytesOnOneLine) {
  std::string big;
  big.reserve(10u << 20);
  const std::string sentence =
      "GENEVA (12 March 2024) - The Anti-Slavery Network (ASN) and Commissioner Jane Roe said "
      "the Modern Slavery Act 2015 applies; call +44 20 7946 0000 or a@b.org (at) 12/12/2024. ";
  while (big.size() < (10u << 20)) big += sentence;
  double t = seconds([&] {
    auto r = pressroom::extract::from_text(big);
    EXPECT_TRUE(r || !r.error().message.empty());
  });
  EXPECT_LT(t, kBudget);
  t = seconds([&] {
    auto r = pressroom::extract::from_html("<p>" + big + "</p>");
    EXPECT_TRUE(r || !r.error().message.empty());
  });
  EXPECT_LT(t, kBudget);
}

TEST(ExtractHostile, DeepNesting) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep text that is long enough to be a paragraph of a press release, really.</p>";
  const double t = seconds([&] {
    auto r = pressroom::extract::from_html(html);
    EXPECT_TRUE(r || !r.error().message.empty());
  });
  EXPECT_LT(t, kBudget);
}

TEST(ExtractHostile, BinaryJunk) {
  std::string junk;
  unsigned v = 12345;
  for (int i = 0; i < 200000; ++i) {
    v = v * 1103515245u + 12345u;
    junk += static_cast<char>(v >> 24);
  }
  const double t = seconds([&] {
    auto r = pressroom::extract::from_text(junk);
    EXPECT_TRUE(r || !r.error().message.empty());
    auto h = pressroom::extract::from_html(junk);
    EXPECT_TRUE(h || !h.error().message.empty());
  });
  EXPECT_LT(t, kBudget);
  pressroom::extract::Options strict;
  strict.mode = pressroom::Mode::strict;
  auto s = pressroom::extract::from_text(junk, strict);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, pressroom::ErrorCode::invalid_value);
}

TEST(ExtractHostile, SizeLimit) {
  pressroom::extract::Options o;
  o.max_page_bytes = 100;
  auto r = pressroom::extract::from_text(std::string(200, 'a'), o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, pressroom::ErrorCode::limit_exceeded);
}

TEST(ExtractFormats, RegisteredReadOnly) {
  pressroom::Registry reg;
  pressroom::extract::register_formats(reg);
  const pressroom::Format* t = reg.find("text");
  const pressroom::Format* h = reg.find("html");
  ASSERT_TRUE(t && h);
  EXPECT_TRUE(t->read && !t->write);
  EXPECT_TRUE(h->read && !h->write);
  EXPECT_EQ(reg.detect("<!DOCTYPE html><html><p>x</p></html>"), h);
  EXPECT_EQ(reg.detect("Headline\nLONDON - Body text.\n"), t);
}

}  // namespace
