// SPDX-License-Identifier: MIT
// RSS and Atom written by pressroom, read by Python's feedparser (the tolerant reader most
// aggregators resemble): no bozo flag, and the same titles, links, ids, dates, authors and
// categories. Skips when /usr/bin/python3 has no feedparser. Atom output is also validated with
// jing against tests/interop/atom.rnc (RFC 4287's grammar), and the shipped example goes
// json -> rss/atom/jsonfeed -> json byte for byte.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "formats/feed/feed.hpp"
#include "pressroom/atom.hpp"
#include "pressroom/json.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/rss.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

namespace {

using namespace pressroom;
namespace fd = pressroom::feed_detail;

constexpr const char* kScript = R"PY(
import json, sys, calendar, feedparser
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    def iso(t):
        return None if t is None else calendar.timegm(t)
    out = {"path": path, "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
           "feed_title": d.feed.get("title"), "feed_link": d.feed.get("link"), "entries": []}
    for e in d.entries:
        out["entries"].append({
            "title": e.get("title"), "link": e.get("link"), "id": e.get("id"),
            "published": iso(e.get("published_parsed")), "updated": iso(e.get("updated_parsed")),
            "authors": [a.get("name") for a in e.get("authors", [])],
            "tags": [t.get("term") for t in e.get("tags", [])]})
    print(json.dumps(out))
)PY";

bool have_feedparser() {
  return std::system("/usr/bin/python3 -c 'import feedparser' >/dev/null 2>&1") == 0;
}

std::string run(const std::vector<std::string>& files) {
  const std::string script = ::testing::TempDir() + "pressroom_interop.py";
  std::ofstream(script) << kScript;
  std::string cmd = "/usr/bin/python3 " + script;
  for (const auto& f : files) cmd += " '" + f + "'";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return out;
}

std::string norm(std::string_view s) { return fd::collapse_space(s); }

std::string name_of(const Document& doc, const EntityRef& r) {
  if (!r.name.empty()) return r.name;
  if (const auto* o = find_organization(doc, r.id)) return o->name;
  if (const auto* p = find_person(doc, r.id)) return p->name.full;
  if (const auto* c = find_commissioner(doc, r.id)) return c->name.full;
  return r.id;
}

// The date a feed reader should see: day precision is midnight UTC, coarser is absent, a leap
// second is shown as :59.
std::optional<long long> expected_seconds(const std::optional<DateTime>& d) {
  if (!d || !d->day || !is_valid(*d)) return std::nullopt;
  DateTime shown = *d;
  if (shown.second && *shown.second == 60) shown.second = 59;
  return fd::to_unix_seconds(shown);
}

// Titles with markup characters are read by feedparser as HTML (it guesses); compare them
// only when the text has none.
bool plain(std::string_view s) { return s.find_first_of("<>&") == std::string_view::npos; }

void compare(const Document& doc, const nlohmann::json& r, bool atom) {
  SCOPED_TRACE(r["path"].get<std::string>());
  EXPECT_FALSE(r["bozo"].get<bool>()) << r["bozo_exception"];
  const auto& entries = r["entries"];
  ASSERT_EQ(entries.size(), doc.articles.size());
  for (std::size_t i = 0; i < doc.articles.size(); ++i) {
    const Article& a = doc.articles[i];
    const auto& e = entries[i];
    SCOPED_TRACE("entry " + std::to_string(i));
    if (plain(a.headline) && !a.headline.empty()) {
      EXPECT_EQ(norm(e.value("title", "")), norm(a.headline));
    }
    if (!a.url.empty()) {
      EXPECT_EQ(e.value("link", ""), a.url);
    }
    if (!a.id.empty()) {
      const std::string want = atom && !fd::has_scheme(a.id) ? "" : a.id;
      if (!want.empty()) {
        EXPECT_EQ(e.value("id", ""), want);
      }
    }
    const auto published = expected_seconds(a.date_published);
    if (published) {
      EXPECT_EQ(e["published"], *published);
    }
    if (atom) {
      auto updated = expected_seconds(a.date_modified);
      if (!updated) updated = published;
      if (updated) {
        EXPECT_EQ(e["updated"], *updated);
      }
    }
    std::vector<std::string> authors;
    for (const auto& au : e["authors"])
      if (au.is_string()) authors.push_back(norm(au.get<std::string>()));
    const std::string first_author = a.authors.empty() ? "" : norm(name_of(doc, a.authors[0]));
    if (!first_author.empty() && plain(first_author)) {
      ASSERT_FALSE(authors.empty());
      EXPECT_EQ(authors[0], norm(name_of(doc, a.authors[0])));
    }
    std::vector<std::string> tags, want_tags;
    for (const auto& t : e["tags"])
      if (t.is_string() && !norm(t.get<std::string>()).empty())
        tags.push_back(norm(t.get<std::string>()));
    bool comparable = true;
    for (const auto& c : a.categories) {
      if (norm(c.term).empty()) continue;  // feed readers drop empty categories
      want_tags.push_back(norm(c.term));
      comparable = comparable && plain(c.term);
    }
    if (comparable) {
      EXPECT_EQ(tags, want_tags);
    }
  }
}

TEST(FeedparserInterop, ReadsPressroomRssAndAtom) {
  if (!have_feedparser()) GTEST_SKIP() << "/usr/bin/python3 has no feedparser";
  std::vector<Document> docs = {test::iom_document(), test::full_document()};
  test::RandomOptions ro;
  for (std::uint64_t i = 0; i < 8; ++i)
    docs.push_back(test::random_document(test::derive_seed(test::base_seed(), i), ro));
  std::vector<std::string> files;
  std::vector<std::pair<std::size_t, bool>> what;
  for (std::size_t i = 0; i < docs.size(); ++i) {
    for (const bool atom : {false, true}) {
      const Result<std::string> out = atom ? atom::write(docs[i]) : rss::write(docs[i]);
      ASSERT_TRUE(out);
      const std::string path = ::testing::TempDir() + "pressroom_interop_" + std::to_string(i) +
                               (atom ? ".atom" : ".rss");
      std::ofstream(path, std::ios::binary) << *out;
      files.push_back(path);
      what.emplace_back(i, atom);
    }
  }
  std::istringstream lines(run(files));
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(n, what.size());
    compare(docs[what[n].first], nlohmann::json::parse(line), what[n].second);
    ++n;
  }
  EXPECT_EQ(n, files.size()) << "feedparser did not answer for every file";
}

// feedparser on text that looks like markup: what it reports must be the characters, never an
// element. In an HTML construct (text/html) the value stays HTML-escaped (its sanitiser would
// otherwise have kept <img src="x"> and dropped only the handler); in a text construct
// (text/plain) it is the text itself.
constexpr const char* kTextScript = R"PY(
import json, sys, feedparser
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out = {"bozo": bool(d.bozo), "parts": []}
    def part(name, detail):
        if detail is not None:
            out["parts"].append({"name": name, "type": detail.get("type"), "value": detail.get("value")})
    part("feed.subtitle", d.feed.get("subtitle_detail"))
    for e in d.entries:
        part("summary", e.get("summary_detail"))
        part("title", e.get("title_detail"))
    print(json.dumps(out))
)PY";

TEST(FeedparserInterop, SeesTextWithMarkupCharactersAsText) {
  if (!have_feedparser()) GTEST_SKIP() << "/usr/bin/python3 has no feedparser";
  const std::string live = "<img src=x onerror=alert(1)>";
  Document d;
  d.feed.title = "Harbour Watch";
  d.feed.description = "About " + live;
  d.feed.home_page_url = "https://example.org/";
  Article a;
  a.id = a.url = "https://example.org/a";
  a.headline = "Head " + live;
  a.summary = "Sum " + live;
  a.body = {Block{BlockType::paragraph, "Body " + live}};
  a.date_published = parse_date_time("2024-03-12T09:30:00Z");
  d.articles.push_back(a);
  std::vector<std::string> files;
  for (const bool atom : {false, true}) {
    const Result<std::string> out = atom ? atom::write(d) : rss::write(d);
    ASSERT_TRUE(out);
    files.push_back(::testing::TempDir() + "pressroom_text" + (atom ? ".atom" : ".rss"));
    std::ofstream(files.back(), std::ios::binary) << *out;
  }
  const std::string script = ::testing::TempDir() + "pressroom_text.py";
  std::ofstream(script) << kTextScript;
  std::string cmd = "/usr/bin/python3 " + script;
  for (const auto& f : files) cmd += " '" + f + "'";
  std::string answer;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) answer.append(buf, n);
    pclose(p);
  }
  std::istringstream lines(answer);
  std::string line;
  std::size_t files_seen = 0, parts_seen = 0;
  while (std::getline(lines, line)) {
    SCOPED_TRACE(files[files_seen]);
    ++files_seen;
    const nlohmann::json r = nlohmann::json::parse(line);
    EXPECT_FALSE(r["bozo"].get<bool>());
    for (const auto& p : r["parts"]) {
      SCOPED_TRACE(p["name"].get<std::string>());
      ++parts_seen;
      const std::string type = p["type"].get<std::string>();
      const std::string value = p["value"].get<std::string>();
      if (type == "text/html") {
        EXPECT_EQ(value.find("<img"), std::string::npos) << value;
        EXPECT_NE(value.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos) << value;
      } else {
        EXPECT_EQ(type, "text/plain");
        EXPECT_NE(value.find(live), std::string::npos) << value;
      }
    }
  }
  EXPECT_EQ(files_seen, files.size()) << "feedparser did not answer for every file";
  EXPECT_EQ(parts_seen, 6u);
}

std::string example_path() {
  return std::string(PRESSROOM_SOURCE_DIR) + "/examples/data/iom-uk-modern-slavery.json";
}

TEST(FeedparserInterop, ReadsTheShippedExampleAsRssAndAtom) {
  if (!have_feedparser()) GTEST_SKIP() << "/usr/bin/python3 has no feedparser";
  const Result<Document> doc = json::read(test::slurp(example_path()));
  ASSERT_TRUE(doc) << to_string(doc.error());
  std::vector<std::string> files;
  for (const bool atom : {false, true}) {
    const Result<std::string> out = atom ? atom::write(*doc) : rss::write(*doc);
    ASSERT_TRUE(out);
    files.push_back(::testing::TempDir() + "pressroom_example" + (atom ? ".atom" : ".rss"));
    std::ofstream(files.back(), std::ios::binary) << *out;
  }
  std::istringstream lines(run(files));
  std::string line;
  for (const bool atom : {false, true}) {
    ASSERT_TRUE(std::getline(lines, line)) << "no answer from feedparser";
    compare(*doc, nlohmann::json::parse(line), atom);
  }
}

TEST(FeedInterop, ExampleGoesThroughEveryFeedFormatByteForByte) {
  // `pressroom convert example.json --to F | pressroom convert --from F --to json` in library
  // calls: the canonical JSON comes back with the same bytes.
  const std::string original = test::slurp(example_path());
  const Result<Document> doc = json::read(original);
  ASSERT_TRUE(doc);
  const struct {
    const char* name;
    Result<std::string> (*write)(const Document&, const WriteOptions&);
    Result<Document> (*read)(std::string_view, const ReadOptions&);
  } formats[] = {{"rss", &rss::write, &rss::read},
                 {"atom", &atom::write, &atom::read},
                 {"jsonfeed", &jsonfeed::write, &jsonfeed::read}};
  for (const auto& f : formats) {
    SCOPED_TRACE(f.name);
    const Result<std::string> feed = f.write(*doc, WriteOptions{});
    ASSERT_TRUE(feed);
    const Result<Document> back = f.read(*feed, ReadOptions{});
    ASSERT_TRUE(back) << to_string(back.error());
    EXPECT_TRUE(back.warnings().empty());
    const Result<std::string> again = json::write(*back);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, original);
  }
}

bool have_jing() { return std::system("command -v jing >/dev/null 2>&1") == 0; }

TEST(AtomInterop, OutputValidatesAgainstTheRfc4287Grammar) {
  if (!have_jing()) GTEST_SKIP() << "no jing";
  std::vector<Document> docs = {test::iom_document(), test::full_document(), Document{}};
  for (std::uint64_t i = 0; i < 6; ++i)
    docs.push_back(test::random_document(test::derive_seed(test::base_seed(), i)));
  std::string cmd = "jing -c '" + std::string(PRESSROOM_SOURCE_DIR) + "/tests/interop/atom.rnc'";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const Result<std::string> out = atom::write(docs[i]);
    ASSERT_TRUE(out);
    const std::string path =
        ::testing::TempDir() + "pressroom_schema_" + std::to_string(i) + ".atom";
    std::ofstream(path, std::ios::binary) << *out;
    cmd += " '" + path + "'";
  }
  cmd += " 2>&1 | grep -v '^\\[warning\\]'";
  std::string report;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) report.append(buf, n);
    pclose(p);
  }
  EXPECT_EQ(report, "") << "jing found errors";
}

}  // namespace
