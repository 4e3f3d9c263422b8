// SPDX-License-Identifier: MIT
// Golden files of the feed readers (tests/data/{rss,atom,jsonfeed}/<case> beside
// <case>.expected: the debug dump, a "# warnings" section with "line:column code" per warning,
// and a "# strict" line with the strict-mode error) and of the writers (the IOM document written
// as each format). PRESSROOM_UPDATE_GOLDEN=1 regenerates them: review the diff like code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "pressroom/atom.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/rss.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

namespace {

using namespace pressroom;
namespace fs = std::filesystem;

bool updating() {
  const char* u = std::getenv("PRESSROOM_UPDATE_GOLDEN");
  return u && *u == '1';
}

using ReadFn = Result<Document> (*)(std::string_view, const ReadOptions&);

std::string describe(ReadFn read, const std::string& input) {
  const Result<Document> lenient = read(input, ReadOptions{});
  std::string out = lenient ? debug_dump(*lenient) : "# error " + to_string(lenient.error()) + "\n";
  out += "# warnings\n";
  for (const auto& w : lenient.warnings())
    out += std::to_string(w.line) + ":" + std::to_string(w.column) + " " +
           std::string(to_string(w.code)) + "\n";
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> s = read(input, strict);
  out += "# strict\n";
  if (s) {
    out += "ok\n";
  } else {
    const Error& e = s.error();
    out += std::to_string(e.line) + ":" + std::to_string(e.column) + " " +
           std::string(to_string(e.code)) + " " + e.message + "\n";
  }
  return out;
}

void check_golden(const std::string& path, const std::string& actual) {
  if (updating()) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = test::slurp(path);
  EXPECT_EQ(test::line_diff(expected, actual), "") << path;
}

TEST(FeedGolden, ReadersMatchExpectedFiles) {
  const std::pair<const char*, ReadFn> dirs[] = {
      {"rss", &rss::read}, {"atom", &atom::read}, {"jsonfeed", &jsonfeed::read}};
  std::size_t cases = 0;
  for (const auto& [dir, read] : dirs) {
    for (const auto& entry : fs::directory_iterator(test::data_path(dir))) {
      const std::string p = entry.path().string();
      const std::string ext = entry.path().extension().string();
      if (ext != ".xml" && ext != ".json") continue;
      if (entry.path().filename().string().rfind("written-", 0) == 0) continue;
      SCOPED_TRACE(p);
      check_golden(p + ".expected", describe(read, test::slurp(p)));
      ++cases;
    }
  }
  EXPECT_GE(cases, 7u);
}

TEST(FeedGolden, WritersMatchExpectedFiles) {
  const Document doc = test::iom_document();
  check_golden(test::data_path("rss/written-iom.xml"), rss::write(doc).value());
  check_golden(test::data_path("atom/written-iom.xml"), atom::write(doc).value());
  check_golden(test::data_path("jsonfeed/written-iom.json"), jsonfeed::write(doc).value());
}

// Feeds written by 0.2 (the RSS entity tables after the items, the whole article in each JSON
// Feed item's `_pressroom`) read back to the same Document, without warnings.
TEST(FeedGolden, FeedsOfEarlierReleasesRead) {
  const Document doc = test::iom_document();
  const std::pair<const char*, Result<Document> (*)(std::string_view, const ReadOptions&)> cases[] =
      {{"rss/written-iom-0.2.xml", &rss::read}, {"jsonfeed/written-iom-0.2.json", &jsonfeed::read}};
  for (const auto& [file, read] : cases) {
    SCOPED_TRACE(file);
    const Result<Document> r = read(test::slurp(test::data_path(file)), ReadOptions{});
    ASSERT_TRUE(r) << to_string(r.error());
    EXPECT_TRUE(r.warnings().empty());
    if (*r != doc) ADD_FAILURE() << test::line_diff(debug_dump(doc), debug_dump(*r));
  }
}

}  // namespace
