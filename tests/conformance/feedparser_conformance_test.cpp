// SPDX-License-Identifier: MIT
// Runs every row of the feedparser-derived conformance set (shared/conformance/feedparser/
// expectations.jsonl) against the rss/atom readers, through ONE table mapping feedparser's
// result paths (feed.title, entries[0].link, ...) to the model. Prints the pass rate and fails
// when a row not listed in known_failures.txt fails (each listed row carries its reason).
// PRESSROOM_UPDATE_KNOWN_FAILURES=1 rewrites that file from the current results.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "formats/feed/feed.hpp"
#include "pressroom/rss.hpp"
#include "support/test_support.hpp"

namespace {

using namespace pressroom;
namespace fd = pressroom::feed_detail;

// What the reader produced for one feed.
struct Parsed {
  bool ok = false;
  bool bozo = false;
  Document doc;
  fd::FeedVersion version = fd::FeedVersion::unknown;
  std::string encoding;
};

// A looked-up value: a string (possibly empty), or why the model cannot answer.
struct Value {
  std::optional<std::string> text;
  std::string unsupported;  // non-empty: no place in the model
  bool is_date = false;
  std::optional<DateTime> date;
};

Value text(std::string s) { return Value{std::move(s), {}, false, {}}; }
Value none(std::string why) { return Value{std::nullopt, std::move(why), false, {}}; }
Value date(const std::optional<DateTime>& d) { return Value{std::string(), {}, true, d}; }
Value missing() { return Value{std::nullopt, {}, false, {}}; }

std::string join_blocks(const std::vector<Block>& blocks) {
  std::string out;
  for (const auto& b : blocks) {
    if (!out.empty()) out += ' ';
    out += b.text;
  }
  return out;
}

// The entry's links in feedparser's sense: the alternate URL, the other links, enclosures.
std::vector<Link> entry_links(const Article& a) {
  std::vector<Link> out;
  if (!a.url.empty()) out.push_back(Link{a.url, "alternate", {}, {}, {}, {}});
  for (const auto& l : a.links) {
    Link x = l;
    if (x.rel.empty()) x.rel = "alternate";
    out.push_back(x);
  }
  for (const auto& m : a.media)
    if (m.role == MediaRole::enclosure)
      out.push_back(Link{m.url, "enclosure", m.media_type, m.title, {}, m.length_bytes});
  return out;
}

std::vector<Link> feed_links(const Feed& f) {
  std::vector<Link> out;
  if (!f.home_page_url.empty()) out.push_back(Link{f.home_page_url, "alternate", {}, {}, {}, {}});
  if (!f.feed_url.empty()) out.push_back(Link{f.feed_url, "self", {}, {}, {}, {}});
  if (!f.next_url.empty()) out.push_back(Link{f.next_url, "next", {}, {}, {}, {}});
  return out;
}

Value link_field(const std::vector<Link>& links, std::size_t i, const std::string& key) {
  if (i >= links.size()) return missing();
  const Link& l = links[i];
  if (key == "href") return text(l.href);
  if (key == "rel") return text(l.rel);
  if (key == "type")
    return l.media_type.empty() && l.rel == "alternate"
               ? none("link type not kept for the alternate URL")
               : text(l.media_type);
  if (key == "title") return text(l.title);
  if (key == "hreflang") return text(l.hreflang);
  if (key == "length") return text(l.length_bytes ? std::to_string(*l.length_bytes) : "");
  return none("link field " + key);
}

Value category_field(const std::vector<Category>& cats, std::size_t i, const std::string& key) {
  if (i >= cats.size()) return missing();
  if (key == "term") return text(cats[i].term);
  if (key == "scheme") return text(cats[i].scheme);
  if (key == "label") return text(cats[i].label);
  return none("category field " + key);
}

// Parsed path: names and indices, e.g. entries, 0, title_detail, value.
struct Path {
  std::vector<std::string> parts;  // indices as decimal strings
  std::string pattern;             // "entries[]['title_detail']['value']"
  std::vector<std::size_t> idx;
};

Path parse_path(const std::string& p) {
  Path out;
  std::size_t i = 0;
  std::string head;
  while (i < p.size() && p[i] != '[') head += p[i++];
  out.parts.push_back(head);
  out.pattern = head;
  while (i < p.size()) {
    if (p[i] != '[') break;
    ++i;
    if (p[i] == '\'') {
      const std::size_t e = p.find('\'', i + 1);
      const std::string k = p.substr(i + 1, e - i - 1);
      out.parts.push_back(k);
      out.pattern += "['" + k + "']";
      i = e + 2;
    } else {
      const std::size_t e = p.find(']', i);
      out.idx.push_back(std::stoul(p.substr(i, e - i)));
      out.parts.push_back(p.substr(i, e - i));
      out.pattern += "[]";
      i = e + 1;
    }
  }
  return out;
}

using Getter = std::function<Value(const Parsed&, const std::vector<std::size_t>&)>;

const Article* entry(const Parsed& p, const std::vector<std::size_t>& idx) {
  return idx.empty() || idx[0] >= p.doc.articles.size() ? nullptr : &p.doc.articles[idx[0]];
}

#define ENTRY(expr)                                          \
  [](const Parsed& p, const std::vector<std::size_t>& idx) { \
    const Article* a = entry(p, idx);                        \
    if (!a) return missing();                                \
    return expr;                                             \
  }
#define FEED(expr)                                           \
  [](const Parsed& p, const std::vector<std::size_t>& idx) { \
    (void)idx;                                               \
    const Feed& f = p.doc.feed;                              \
    return expr;                                             \
  }
#define NONE(why) [](const Parsed&, const std::vector<std::size_t>&) { return none(why); }

std::string entry_summary(const Article& a) {
  return a.summary.empty() ? join_blocks(a.body) : a.summary;
}
std::string entry_language(const Parsed& p, const Article& a) {
  return a.language.empty() ? p.doc.feed.language : a.language;
}
std::string author_name(const std::vector<EntityRef>& v, std::size_t i = 0) {
  return i < v.size() ? v[i].name : std::string();
}
// feedparser's `author`: the person as printed ("Name (email)").
std::string author_printed(const std::vector<EntityRef>& v) {
  if (v.empty()) return {};
  return v[0].as_written.empty() ? v[0].name : v[0].as_written;
}
// The e-mail address in the printed form of the first person.
Value author_email(const std::vector<EntityRef>& v) {
  if (v.empty()) return missing();
  const std::string& s = v[0].as_written;
  const std::size_t at = s.find('@');
  if (at == std::string::npos) return text("");
  std::size_t b = at, e = at;
  while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '(' && s[b - 1] != '<') --b;
  while (e < s.size() && s[e] != ' ' && s[e] != ')' && s[e] != '>') ++e;
  return text(s.substr(b, e - b));
}

// THE mapping table: feedparser path pattern -> model value.
const std::map<std::string, Getter>& table() {
  static const std::map<std::string, Getter> t = {
      {"version",
       [](const Parsed& p, const std::vector<std::size_t>&) {
         return text(std::string(fd::version_name(p.version)));
       }},
      {"encoding",
       [](const Parsed& p, const std::vector<std::size_t>&) { return text(p.encoding); }},
      // feed
      {"feed['title']", FEED(text(f.title))},
      {"feed['title_detail']['value']", FEED(text(f.title))},
      {"feed['title_detail']['language']", FEED(text(f.language))},
      {"feed['link']", FEED(text(f.home_page_url))},
      {"feed['links'][]['href']", FEED(link_field(feed_links(f), idx[0], "href"))},
      {"feed['links'][]['rel']", FEED(link_field(feed_links(f), idx[0], "rel"))},
      {"feed['links'][]['type']", FEED(link_field(feed_links(f), idx[0], "type"))},
      {"feed['links'][]['title']", NONE("feed link titles are not kept")},
      {"feed['links'][]['hreflang']", NONE("feed link hreflang is not kept")},
      {"feed['links'][]['length']", NONE("feed link length is not kept")},
      {"feed['subtitle']", FEED(text(f.description))},
      {"feed['tagline']", FEED(text(f.description))},
      {"feed['description']", FEED(text(f.description))},
      {"feed['subtitle_detail']['value']", FEED(text(f.description))},
      {"feed['tagline_detail']['value']", FEED(text(f.description))},
      {"feed['tagline_detail']['language']", FEED(text(f.language))},
      {"feed['rights']", FEED(text(f.rights))},
      {"feed['copyright']", FEED(text(f.rights))},
      {"feed['rights_detail']['value']", FEED(text(f.rights))},
      {"feed['copyright_detail']['value']", FEED(text(f.rights))},
      {"feed['copyright_detail']['language']", FEED(text(f.language))},
      {"feed['language']", FEED(text(f.language))},
      {"feed['author']", FEED(text(author_printed(f.authors)))},
      {"feed['author_detail']['email']", FEED(author_email(f.authors))},
      {"feed['author_detail']['name']", FEED(text(author_name(f.authors)))},
      {"feed['authors'][]['name']", FEED(text(author_name(f.authors, idx[0])))},
      {"feed['updated']", FEED(date(f.updated))},
      {"feed['updated_parsed']", FEED(date(f.updated))},
      {"feed['published']", FEED(date(f.updated))},
      {"feed['published_parsed']", FEED(date(f.updated))},
      {"feed['generator']", FEED(text(f.generator.name))},
      {"feed['generator_detail']['name']", FEED(text(f.generator.name))},
      {"feed['generator_detail']['version']", FEED(text(f.generator.version))},
      {"feed['generator_detail']['href']", FEED(text(f.generator.uri))},
      {"feed['generator_detail']['url']", FEED(text(f.generator.uri))},
      {"feed['icon']", FEED(text(f.icon))},
      {"feed['logo']", FEED(text(f.logo))},
      {"feed['image']['url']", FEED(text(f.logo))},
      {"feed['id']", FEED(text(f.id))},
      {"feed['guid']", FEED(text(f.id))},
      {"feed['tags'][]['term']", FEED(category_field(f.categories, idx[0], "term"))},
      {"feed['tags'][]['scheme']", FEED(category_field(f.categories, idx[0], "scheme"))},
      {"feed['category']", FEED(category_field(f.categories, 0, "term"))},
      // entries
      {"entries[]['title']", ENTRY(text(a->headline))},
      {"entries[]['title_detail']['value']", ENTRY(text(a->headline))},
      {"entries[]['title_detail']['language']", ENTRY(text(entry_language(p, *a)))},
      {"entries[]['link']", ENTRY(text(a->url))},
      {"entries[]['links'][]['href']", ENTRY(link_field(entry_links(*a), idx[1], "href"))},
      {"entries[]['links'][]['rel']", ENTRY(link_field(entry_links(*a), idx[1], "rel"))},
      {"entries[]['links'][]['type']", ENTRY(link_field(entry_links(*a), idx[1], "type"))},
      {"entries[]['links'][]['title']", ENTRY(link_field(entry_links(*a), idx[1], "title"))},
      {"entries[]['links'][]['hreflang']", ENTRY(link_field(entry_links(*a), idx[1], "hreflang"))},
      {"entries[]['links'][]['length']", ENTRY(link_field(entry_links(*a), idx[1], "length"))},
      {"entries[]['id']", ENTRY(text(a->id))},
      {"entries[]['guid']", ENTRY(text(a->id))},
      {"entries[]['guidislink']", ENTRY(text(a->id == a->url ? "true" : "false"))},
      {"entries[]['summary']", ENTRY(text(entry_summary(*a)))},
      {"entries[]['description']", ENTRY(text(entry_summary(*a)))},
      {"entries[]['summary_detail']['value']", ENTRY(text(entry_summary(*a)))},
      {"entries[]['summary_detail']['language']", ENTRY(text(entry_language(p, *a)))},
      {"entries[]['content'][]['value']", ENTRY(text(join_blocks(a->body)))},
      {"entries[]['content'][]['language']", ENTRY(text(entry_language(p, *a)))},
      {"entries[]['content'][]['type']",
       ENTRY(text(a->body_html.empty() ? "text/plain" : "text/html"))},
      {"entries[]['published']", ENTRY(date(a->date_published))},
      {"entries[]['published_parsed']", ENTRY(date(a->date_published))},
      {"entries[]['updated']",
       ENTRY(date(a->date_modified ? a->date_modified : a->date_published))},
      {"entries[]['updated_parsed']",
       ENTRY(date(a->date_modified ? a->date_modified : a->date_published))},
      {"entries[]['author']", ENTRY(text(author_printed(a->authors)))},
      {"entries[]['author_detail']['email']", ENTRY(author_email(a->authors))},
      {"entries[]['author_detail']['name']", ENTRY(text(author_name(a->authors)))},
      {"entries[]['authors'][]['name']", ENTRY(text(author_name(a->authors, idx[1])))},
      {"entries[]['tags'][]['term']", ENTRY(category_field(a->categories, idx[1], "term"))},
      {"entries[]['tags'][]['scheme']", ENTRY(category_field(a->categories, idx[1], "scheme"))},
      {"entries[]['tags'][]['label']", ENTRY(category_field(a->categories, idx[1], "label"))},
      {"entries[]['category']", ENTRY(category_field(a->categories, 0, "term"))},
      {"entries[]['enclosures'][]['href']",
       ENTRY(idx[1] < a->media.size() ? text(a->media[idx[1]].url) : missing())},
      {"entries[]['enclosures'][]['url']",
       ENTRY(idx[1] < a->media.size() ? text(a->media[idx[1]].url) : missing())},
      {"entries[]['enclosures'][]['type']",
       ENTRY(idx[1] < a->media.size() ? text(a->media[idx[1]].media_type) : missing())},
      {"entries[]['enclosures'][]['length']",
       ENTRY(idx[1] < a->media.size() && a->media[idx[1]].length_bytes
                 ? text(std::to_string(*a->media[idx[1]].length_bytes))
                 : missing())},
      {"entries[]['comments']", ENTRY([&] {
         for (const auto& l : a->links)
           if (l.rel == "replies") return text(l.href);
         return missing();
       }())},
      {"entries[]['source']['title']", ENTRY(a->source ? text(a->source->title) : missing())},
      {"entries[]['source']['href']", ENTRY(a->source ? text(a->source->href) : missing())},
      {"entries[]['source']['link']", ENTRY(a->source ? text(a->source->href) : missing())},
  };
  return t;
}

// Why a path with no table entry has no place in the model.
std::string unsupported_reason(const std::string& pattern) {
  if (pattern.find("['base']") != std::string::npos) return "xml:base of an element is not kept";
  if (pattern.find("_detail']['type']") != std::string::npos ||
      pattern.find("['content'][]['type']") != std::string::npos)
    return "content type of a text construct is not kept (text is normalised)";
  if (pattern.find("['email']") != std::string::npos) return "author e-mail is not kept";
  if (pattern.find("['url']") != std::string::npos || pattern.find("['href']") != std::string::npos)
    return "author URL is not kept";
  if (pattern.find("['source']") != std::string::npos) return "source feed metadata is not kept";
  if (pattern.find("['info']") != std::string::npos ||
      pattern.find("info_detail") != std::string::npos)
    return "Atom 0.3 info is not kept";
  if (pattern.find("['image']") != std::string::npos)
    return "image details other than url are not kept";
  if (pattern.find("['content'][]['src']") != std::string::npos) return "content src is a link";
  return "no mapping for this path";
}

std::string normalise(std::string_view s) {
  std::string v(s);
  if (v.find('<') != std::string::npos || v.find('&') != std::string::npos) {
    v = join_blocks(fd::process_html(v, {}, true).blocks);
  }
  return fd::collapse_space(v);
}

std::string shared_dir() { return PRESSROOM_SHARED_DIR "/conformance/feedparser"; }

Parsed parse_file(const std::string& path) {
  Parsed p;
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  Result<Document> r = fd::read_xml_feed(bytes, ReadOptions{}, "rss", &p.version, &p.encoding);
  p.ok = r.has_value();
  p.bozo = !r.has_value() || !r.warnings().empty();
  if (p.ok) p.doc = std::move(*r);
  return p;
}

struct Outcome {
  bool pass = false;
  std::string reason;
};

Outcome check_row(const nlohmann::json& row, const Parsed& p) {
  const std::string type = row.value("type", "");
  const nlohmann::json& bozo = row["bozo"];
  if (!bozo.is_null() && bozo.get<bool>() != p.bozo)
    return {false, bozo.get<bool>() ? "bozo expected, read was clean"
                                    : "warnings on a feed feedparser reads cleanly"};
  if (type == "bozo" || type == "parses") {
    if (type == "parses" && !p.ok) return {false, "read failed"};
    return {true, {}};
  }
  if (!p.ok) return {false, "read failed"};
  const Path path = parse_path(row["path"].get<std::string>());
  const auto& t = table();
  const auto it = t.find(path.pattern);
  if (it == t.end()) return {false, unsupported_reason(path.pattern)};
  const Value v = it->second(p, path.idx);
  if (!v.unsupported.empty()) return {false, v.unsupported};
  const nlohmann::json& expected = row["expected"];
  if (type == "datetime" || (v.is_date && expected.is_string())) {
    if (!v.date) return {false, "no date read"};
    const auto e = fd::parse_feed_date(expected.get<std::string>());
    if (!e) return {false, "expected date unreadable"};
    if (fd::to_unix_seconds(*e) != fd::to_unix_seconds(*v.date))
      return {false, "date differs: got " + to_string(*v.date)};
    return {true, {}};
  }
  if (!v.text) return {false, "value absent"};
  if (type == "null") return {v.text->empty(), "expected empty, got " + detail::quote(*v.text)};
  std::string want;
  if (expected.is_string())
    want = expected.get<std::string>();
  else if (expected.is_boolean())
    want = expected.get<bool>() ? "true" : "false";
  else if (expected.is_number())
    want = expected.dump();
  // Expected values are feedparser's (HTML where the source had markup): compare their text.
  // A plain-text construct may hold brackets: compare the raw value too.
  if (normalise(want) == fd::collapse_space(*v.text) ||
      fd::collapse_space(want) == fd::collapse_space(*v.text))
    return {true, {}};
  return {false, "got " + detail::quote(*v.text) + ", expected " + detail::quote(want)};
}

std::string row_key(const nlohmann::json& row) {
  return row["file"].get<std::string>() + "\t" +
         (row["path"].is_null() ? std::string("-") : row["path"].get<std::string>());
}

std::string known_failures_path() {
  return PRESSROOM_SOURCE_DIR "/tests/conformance/known_failures.txt";
}

TEST(FeedparserConformance, RowsPassAtRecordedRate) {
  std::ifstream rows_in(shared_dir() + "/expectations.jsonl");
  if (!rows_in) GTEST_SKIP() << "no conformance set at " << shared_dir() << " (shared dir absent)";
  std::map<std::string, Parsed> cache;
  std::size_t total = 0, passed = 0;
  std::vector<std::pair<std::string, std::string>> failures;
  std::string line;
  while (std::getline(rows_in, line)) {
    if (line.empty()) continue;
    const nlohmann::json row = nlohmann::json::parse(line);
    const std::string file = row["file"].get<std::string>();
    auto it = cache.find(file);
    if (it == cache.end()) it = cache.emplace(file, parse_file(shared_dir() + "/" + file)).first;
    ++total;
    const Outcome o = check_row(row, it->second);
    if (o.pass)
      ++passed;
    else
      failures.emplace_back(row_key(row), o.reason);
  }
  std::printf("feedparser conformance: %zu/%zu rows pass (%.1f%%)\n", passed, total,
              total ? 100.0 * static_cast<double>(passed) / static_cast<double>(total) : 0.0);
  const char* update = std::getenv("PRESSROOM_UPDATE_KNOWN_FAILURES");
  if (update && *update == '1') {
    std::ofstream out(known_failures_path());
    out << "# Rows of shared/conformance/feedparser/expectations.jsonl that fail, with the "
           "reason.\n"
        << "# file<TAB>path<TAB>reason; regenerate with PRESSROOM_UPDATE_KNOWN_FAILURES=1.\n";
    out << "# pass rate: " << passed << "/" << total << "\n";
    for (const auto& [k, r] : failures) out << k << "\t" << r << "\n";
    return;
  }
  std::set<std::string> known;
  std::ifstream kf(known_failures_path());
  std::size_t listed = 0;
  while (std::getline(kf, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = line.find('\t', t1 + 1);
    known.insert(line.substr(0, t2));
    ++listed;
  }
  for (const auto& [k, r] : failures)
    EXPECT_TRUE(known.count(k)) << "row fails and is not a known failure: " << k << ": " << r;
  EXPECT_LE(failures.size(), listed) << "pass rate fell below the recorded one";
}

}  // namespace
