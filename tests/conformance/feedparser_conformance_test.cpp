// SPDX-License-Identifier: MIT
// Runs every row of the feedparser-derived conformance set (shared/conformance/feedparser/
// expectations.jsonl) against the rss/atom readers, through ONE table mapping feedparser's
// result paths (feed.title, entries[0].link, ...) to the model. Prints the pass rate and fails
// when a row not listed in known_failures.txt fails (each listed row carries its reason).
// PRESSROOM_UPDATE_KNOWN_FAILURES=1 rewrites that file from the current results.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
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

// `links` with an empty rel written as `alternate`.
std::vector<Link> with_rels(const std::vector<Link>& links) {
  std::vector<Link> out = links;
  for (auto& l : out)
    if (l.rel.empty()) l.rel = "alternate";
  return out;
}

bool has_link(const std::vector<Link>& links, const std::string& href, const std::string& rel) {
  for (const auto& l : links)
    if (l.href == href && l.rel == rel) return true;
  return false;
}

// The entry's links in feedparser's sense: the alternate URL (unless `links` repeats it with
// its attributes), the other links, enclosures.
std::vector<Link> entry_links(const Article& a) {
  std::vector<Link> out;
  const std::vector<Link> links = with_rels(a.links);
  if (!a.url.empty() && !has_link(links, a.url, "alternate"))
    out.push_back(Link{a.url, "alternate", {}, {}, {}, {}});
  out.insert(out.end(), links.begin(), links.end());
  for (const auto& m : a.media)
    if (m.role == MediaRole::enclosure)
      out.push_back(Link{m.url, "enclosure", m.media_type, m.title, {}, m.length_bytes});
  return out;
}

// The feed's links: the three URLs (unless `links` repeats them with attributes), the others.
std::vector<Link> feed_links(const Feed& f) {
  std::vector<Link> out;
  const std::vector<Link> links = with_rels(f.links);
  const std::pair<const std::string*, const char*> slots[] = {
      {&f.home_page_url, "alternate"}, {&f.feed_url, "self"}, {&f.next_url, "next"}};
  for (const auto& [href, rel] : slots)
    if (!href->empty() && !has_link(links, *href, rel))
      out.push_back(Link{*href, rel, {}, {}, {}, {}});
  out.insert(out.end(), links.begin(), links.end());
  return out;
}

Value link_field(const std::vector<Link>& links, std::size_t i, const std::string& key) {
  if (i >= links.size()) return missing();
  const Link& l = links[i];
  if (key == "href") return text(l.href);
  if (key == "rel") return text(l.rel);
  if (key == "type") return text(l.media_type);
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
// feedparser's summary: the summary, else the body.
const std::optional<TextInfo>& summary_info(const Article& a) {
  return a.summary.empty() ? a.body_info : a.summary_info;
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

// The authors (or, with `contributors`, the contributors) among a feed's people.
std::vector<EntityRef> people_in(const std::vector<EntityRef>& v, bool contributors) {
  std::vector<EntityRef> out;
  for (const auto& r : v) {
    const bool c = std::find(r.roles.begin(), r.roles.end(), "contributor") != r.roles.end();
    if (c == contributors) out.push_back(r);
  }
  return out;
}

// A field of the i-th person of `v`: name, email, url/href (from the Person record it
// refers to, else from the printed form).
Value person_field(const Parsed& p, const std::vector<EntityRef>& v, std::size_t i,
                   const std::string& key) {
  if (i >= v.size()) return missing();
  const Person* person = v[i].id.empty() ? nullptr : find_person(p.doc, v[i].id);
  if (key == "name") return text(v[i].name);
  if (key == "email") {
    if (person) return text(person->emails.empty() ? "" : person->emails[0].address);
    return author_email({v[i]});
  }
  if (key == "url" || key == "href") return text(person ? person->url : "");
  return none("person field " + key);
}

// A field of a text construct's `_detail`: the value, its media type, language or base.
// `lang` is the language of the record it belongs to; `und` is feedparser's None.
Value detail_field(const std::string& value, const std::optional<TextInfo>& info,
                   const std::string& lang, const std::string& key) {
  if (key == "value") return text(value);
  if (key == "type") return info && !info->media_type.empty() ? text(info->media_type) : missing();
  if (key == "language") {
    const std::string l = info && !info->language.empty() ? info->language : lang;
    return text(l == "und" ? "" : l);
  }
  if (key == "base") return text(info ? info->base : "");
  return none("detail field " + key);
}

using FeedGetter =
    std::function<Value(const Parsed&, const Feed&, const std::vector<std::size_t>&)>;

// Paths below `feed` (and below an entry's `source`, the feed the entry came from).
const std::vector<std::pair<std::string, FeedGetter>>& feed_paths() {
#define F(expr)                                                             \
  [](const Parsed& p, const Feed& f, const std::vector<std::size_t>& idx) { \
    (void)p;                                                                \
    (void)idx;                                                              \
    return expr;                                                            \
  }
  static const std::vector<std::pair<std::string, FeedGetter>> t = {
      {"['title']", F(text(f.title))},
      {"['title_detail']['value']", F(text(f.title))},
      {"['title_detail']['type']", F(detail_field(f.title, f.title_info, f.language, "type"))},
      {"['title_detail']['language']",
       F(detail_field(f.title, f.title_info, f.language, "language"))},
      {"['title_detail']['base']", F(detail_field(f.title, f.title_info, f.language, "base"))},
      {"['link']", F(text(f.home_page_url))},
      {"['links'][]['href']", F(link_field(feed_links(f), idx[0], "href"))},
      {"['links'][]['rel']", F(link_field(feed_links(f), idx[0], "rel"))},
      {"['links'][]['type']", F(link_field(feed_links(f), idx[0], "type"))},
      {"['links'][]['title']", F(link_field(feed_links(f), idx[0], "title"))},
      {"['links'][]['hreflang']", F(link_field(feed_links(f), idx[0], "hreflang"))},
      {"['links'][]['length']", F(link_field(feed_links(f), idx[0], "length"))},
      {"['subtitle']", F(text(f.description))},
      {"['tagline']", F(text(f.description))},
      {"['description']", F(text(f.description))},
      {"['subtitle_detail']['value']", F(text(f.description))},
      {"['tagline_detail']['value']", F(text(f.description))},
      {"['subtitle_detail']['type']",
       F(detail_field(f.description, f.description_info, f.language, "type"))},
      {"['tagline_detail']['type']",
       F(detail_field(f.description, f.description_info, f.language, "type"))},
      {"['subtitle_detail']['language']",
       F(detail_field(f.description, f.description_info, f.language, "language"))},
      {"['tagline_detail']['language']",
       F(detail_field(f.description, f.description_info, f.language, "language"))},
      {"['subtitle_detail']['base']",
       F(detail_field(f.description, f.description_info, f.language, "base"))},
      {"['tagline_detail']['base']",
       F(detail_field(f.description, f.description_info, f.language, "base"))},
      {"['info']", F(text(f.info))},
      {"['info_detail']['value']", F(text(f.info))},
      {"['rights']", F(text(f.rights))},
      {"['copyright']", F(text(f.rights))},
      {"['rights_detail']['value']", F(text(f.rights))},
      {"['copyright_detail']['value']", F(text(f.rights))},
      {"['rights_detail']['type']", F(detail_field(f.rights, f.rights_info, f.language, "type"))},
      {"['copyright_detail']['type']",
       F(detail_field(f.rights, f.rights_info, f.language, "type"))},
      {"['rights_detail']['language']",
       F(detail_field(f.rights, f.rights_info, f.language, "language"))},
      {"['copyright_detail']['language']",
       F(detail_field(f.rights, f.rights_info, f.language, "language"))},
      {"['rights_detail']['base']", F(detail_field(f.rights, f.rights_info, f.language, "base"))},
      {"['copyright_detail']['base']",
       F(detail_field(f.rights, f.rights_info, f.language, "base"))},
      {"['language']", F(text(f.language))},
      {"['author']", F(text(author_printed(people_in(f.authors, false))))},
      {"['author_detail']['name']", F(person_field(p, people_in(f.authors, false), 0, "name"))},
      {"['author_detail']['email']", F(person_field(p, people_in(f.authors, false), 0, "email"))},
      {"['author_detail']['url']", F(person_field(p, people_in(f.authors, false), 0, "url"))},
      {"['author_detail']['href']", F(person_field(p, people_in(f.authors, false), 0, "href"))},
      {"['authors'][]['name']", F(person_field(p, people_in(f.authors, false), idx[0], "name"))},
      {"['authors'][]['email']", F(person_field(p, people_in(f.authors, false), idx[0], "email"))},
      {"['authors'][]['url']", F(person_field(p, people_in(f.authors, false), idx[0], "url"))},
      {"['authors'][]['href']", F(person_field(p, people_in(f.authors, false), idx[0], "href"))},
      {"['contributors'][]['name']",
       F(person_field(p, people_in(f.authors, true), idx[0], "name"))},
      {"['contributors'][]['email']",
       F(person_field(p, people_in(f.authors, true), idx[0], "email"))},
      {"['contributors'][]['url']", F(person_field(p, people_in(f.authors, true), idx[0], "url"))},
      {"['contributors'][]['href']",
       F(person_field(p, people_in(f.authors, true), idx[0], "href"))},
      {"['updated']", F(date(f.updated))},
      {"['updated_parsed']", F(date(f.updated))},
      {"['published']", F(date(f.updated))},
      {"['published_parsed']", F(date(f.updated))},
      {"['generator']", F(text(f.generator.name))},
      {"['generator_detail']['name']", F(text(f.generator.name))},
      {"['generator_detail']['version']", F(text(f.generator.version))},
      {"['generator_detail']['href']", F(text(f.generator.uri))},
      {"['generator_detail']['url']", F(text(f.generator.uri))},
      {"['icon']", F(text(f.icon))},
      {"['logo']", F(text(f.logo))},
      {"['image']['url']", F(text(f.logo))},
      {"['id']", F(text(f.id))},
      {"['guid']", F(text(f.id))},
      {"['tags'][]['term']", F(category_field(f.categories, idx[0], "term"))},
      {"['tags'][]['scheme']", F(category_field(f.categories, idx[0], "scheme"))},
      {"['tags'][]['label']", F(category_field(f.categories, idx[0], "label"))},
      {"['category']", F(category_field(f.categories, 0, "term"))},
  };
#undef F
  return t;
}

// THE mapping table: feedparser path pattern -> model value.
const std::map<std::string, Getter>& table() {
  static const std::map<std::string, Getter> t = [] {
    std::map<std::string, Getter> m = {
        {"version",
         [](const Parsed& p, const std::vector<std::size_t>&) {
           return text(std::string(fd::version_name(p.version)));
         }},
        {"encoding",
         [](const Parsed& p, const std::vector<std::size_t>&) { return text(p.encoding); }},
        // entries
        {"entries[]['title']", ENTRY(text(a->headline))},
        {"entries[]['title_detail']['value']", ENTRY(text(a->headline))},
        {"entries[]['title_detail']['language']",
         ENTRY(detail_field(a->headline, a->headline_info, entry_language(p, *a), "language"))},
        {"entries[]['title_detail']['type']",
         ENTRY(detail_field(a->headline, a->headline_info, entry_language(p, *a), "type"))},
        {"entries[]['title_detail']['base']",
         ENTRY(detail_field(a->headline, a->headline_info, entry_language(p, *a), "base"))},
        {"entries[]['link']", ENTRY(text(a->url))},
        {"entries[]['links'][]['href']", ENTRY(link_field(entry_links(*a), idx[1], "href"))},
        {"entries[]['links'][]['rel']", ENTRY(link_field(entry_links(*a), idx[1], "rel"))},
        {"entries[]['links'][]['type']", ENTRY(link_field(entry_links(*a), idx[1], "type"))},
        {"entries[]['links'][]['title']", ENTRY(link_field(entry_links(*a), idx[1], "title"))},
        {"entries[]['links'][]['hreflang']",
         ENTRY(link_field(entry_links(*a), idx[1], "hreflang"))},
        {"entries[]['links'][]['length']", ENTRY(link_field(entry_links(*a), idx[1], "length"))},
        {"entries[]['id']", ENTRY(text(a->id))},
        {"entries[]['guid']", ENTRY(text(a->id))},
        {"entries[]['guidislink']", ENTRY(text(a->id == a->url ? "true" : "false"))},
        {"entries[]['summary']", ENTRY(text(entry_summary(*a)))},
        {"entries[]['description']", ENTRY(text(entry_summary(*a)))},
        {"entries[]['summary_detail']['value']", ENTRY(text(entry_summary(*a)))},
        {"entries[]['summary_detail']['language']",
         ENTRY(detail_field({}, summary_info(*a), entry_language(p, *a), "language"))},
        {"entries[]['summary_detail']['type']",
         ENTRY(detail_field({}, summary_info(*a), entry_language(p, *a), "type"))},
        {"entries[]['summary_detail']['base']",
         ENTRY(detail_field({}, summary_info(*a), entry_language(p, *a), "base"))},
        {"entries[]['content'][]['value']", ENTRY(text(join_blocks(a->body)))},
        {"entries[]['content'][]['language']",
         ENTRY(detail_field({}, a->body_info, entry_language(p, *a), "language"))},
        {"entries[]['content'][]['base']",
         ENTRY(detail_field({}, a->body_info, entry_language(p, *a), "base"))},
        {"entries[]['content'][]['type']",
         ENTRY(a->body_info && !a->body_info->media_type.empty()
                   ? text(a->body_info->media_type)
                   : text(a->body_html.empty() ? "text/plain" : "text/html"))},
        {"entries[]['published']", ENTRY(date(a->date_published))},
        {"entries[]['published_parsed']", ENTRY(date(a->date_published))},
        {"entries[]['updated']",
         ENTRY(date(a->date_modified ? a->date_modified : a->date_published))},
        {"entries[]['updated_parsed']",
         ENTRY(date(a->date_modified ? a->date_modified : a->date_published))},
        {"entries[]['author']", ENTRY(text(author_printed(a->authors)))},
        {"entries[]['author_detail']['email']", ENTRY(person_field(p, a->authors, 0, "email"))},
        {"entries[]['author_detail']['name']", ENTRY(person_field(p, a->authors, 0, "name"))},
        {"entries[]['author_detail']['url']", ENTRY(person_field(p, a->authors, 0, "url"))},
        {"entries[]['author_detail']['href']", ENTRY(person_field(p, a->authors, 0, "href"))},
        {"entries[]['authors'][]['name']", ENTRY(person_field(p, a->authors, idx[1], "name"))},
        {"entries[]['authors'][]['email']", ENTRY(person_field(p, a->authors, idx[1], "email"))},
        {"entries[]['authors'][]['url']", ENTRY(person_field(p, a->authors, idx[1], "url"))},
        {"entries[]['authors'][]['href']", ENTRY(person_field(p, a->authors, idx[1], "href"))},
        {"entries[]['contributors'][]['name']",
         ENTRY(person_field(p, a->person_refs, idx[1], "name"))},
        {"entries[]['contributors'][]['email']",
         ENTRY(person_field(p, a->person_refs, idx[1], "email"))},
        {"entries[]['contributors'][]['url']",
         ENTRY(person_field(p, a->person_refs, idx[1], "url"))},
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
    for (const auto& [suffix, get] : feed_paths()) {
      m.emplace("feed" + suffix, [get = get](const Parsed& p, const std::vector<std::size_t>& idx) {
        return get(p, p.doc.feed, idx);
      });
      // An entry's source: the feed the entry was copied from (idx[0] is the entry).
      m.emplace("entries[]['source']" + suffix,
                [get = get](const Parsed& p, const std::vector<std::size_t>& idx) {
                  const Article* a = entry(p, idx);
                  if (!a || !a->source_feed) return missing();
                  return get(p, *a->source_feed, {idx.begin() + 1, idx.end()});
                });
    }
    return m;
  }();
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
  char rate[128];
  std::snprintf(rate, sizeof rate, "feedparser conformance: %zu/%zu rows pass (%.1f%%)", passed,
                total,
                total ? 100.0 * static_cast<double>(passed) / static_cast<double>(total) : 0.0);
  std::printf("%s\n", rate);
#ifdef PRESSROOM_REPORTS_DIR
  // ctest prints this line under its summary (tests/print_reports.cmake).
  std::error_code ec;
  std::filesystem::create_directories(PRESSROOM_REPORTS_DIR, ec);
  std::ofstream(std::string(PRESSROOM_REPORTS_DIR) + "/feed_conformance.txt") << rate << "\n";
#endif
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
