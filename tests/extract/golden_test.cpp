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

// pressroom's Limits apply to both formats: max_input_bytes, max_depth (HTML elements),
// max_string_bytes (one block: a line of text, a paragraph of HTML).
TEST(ExtractLimits, InputDepthAndStringBytes) {
  const std::string para =
      "<p>GENEVA (12 March 2024) - The network said the law applies to every company that "
      "employs more than fifty people in the country.</p>";
  pressroom::extract::Options o;
  o.limits.max_input_bytes = 100;
  auto big = pressroom::extract::from_html("<html><body>" + para + "</body></html>", o);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, pressroom::ErrorCode::limit_exceeded);
  auto big_text = pressroom::extract::from_text(std::string(200, 'a'), o);
  ASSERT_FALSE(big_text);
  EXPECT_EQ(big_text.error().code, pressroom::ErrorCode::limit_exceeded);

  pressroom::extract::Options d;
  d.limits.max_depth = 12;
  std::string shallow = "<html><body>", deep = "<html><body>";
  for (int i = 0; i < 5; ++i) shallow += "<div>";
  for (int i = 0; i < 20; ++i) deep += "<div>";
  EXPECT_TRUE(pressroom::extract::from_html(shallow + para, d));
  auto too_deep = pressroom::extract::from_html(deep + para, d);
  ASSERT_FALSE(too_deep);
  EXPECT_EQ(too_deep.error().code, pressroom::ErrorCode::limit_exceeded);

  pressroom::extract::Options s;
  s.limits.max_string_bytes = 1000;
  const std::string long_para(2000, 'x');
  auto long_html = pressroom::extract::from_html(
      "<html><body><h1>Title of it</h1><p>" + long_para + ".</p></body></html>", s);
  ASSERT_FALSE(long_html);
  EXPECT_EQ(long_html.error().code, pressroom::ErrorCode::limit_exceeded);
  auto long_text = pressroom::extract::from_text("Headline of the page\n" + long_para + ".\n", s);
  ASSERT_FALSE(long_text);
  EXPECT_EQ(long_text.error().code, pressroom::ErrorCode::limit_exceeded);
}

// The main content is found by structure: comments, teasers and cookie banners stay out.
TEST(ExtractHtmlContent, BodyWithoutCommentsTeasersAndBanners) {
  const std::string html = R"(<!DOCTYPE html><html lang="en"><head><title>Bridge reopens |
Daily</title></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience, to measure traffic and to
show you personalised advertising on this and other websites.</p></div>
<div class="x1"><a href="/">Daily</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
<div class="x2"><h1>Bridge reopens after two years of repairs</h1>
<div class="x3"><p>The old river bridge reopened to traffic on Monday, two years after cracks were
found in its main supports, and drivers said the change was immediate.</p>
<p>Engineers replaced four steel bearings, repaired the deck and added sensors that report any
movement of the structure to the council's control room.</p></div>
<div class="x4"><div class="x5"><a href="/a/1"><h3>Ferry fares to rise in spring</h3></a>
<p>The operator says fuel costs have forced it to raise prices for the first time since 2019.</p>
</div></div>
<div id="comments"><p>Took them long enough, the detour added half an hour to every trip I made
to work and back for two whole years.</p></div></div>
<footer><p>Daily Media Ltd, registered in England.</p></footer></body></html>)";
  auto r = pressroom::extract::from_html(html);
  ASSERT_TRUE(r) << pressroom::to_string(r.error());
  ASSERT_EQ(r->articles.size(), 1u);
  const auto& a = r->articles[0];
  EXPECT_EQ(a.headline, "Bridge reopens after two years of repairs");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0].text.rfind("The old river bridge reopened", 0), 0u);
  EXPECT_EQ(a.body[1].text.rfind("Engineers replaced", 0), 0u);
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
