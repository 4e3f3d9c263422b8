// SPDX-License-Identifier: MIT
// JSON Feed 1.0/1.1 reader. The nesting depth is checked by a scan before nlohmann builds its
// DOM (whose destructor, copy and dump recurse); `_pressroom` objects are handed back to the
// canonical JSON codec, so that pressroom's own feeds read back exactly.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <new>
#include <set>

#include "detail/trust.hpp"
#include "formats/feed/feed.hpp"
#include "formats/feed/module.hpp"
#include "formats/json/codec.hpp"
#include "pressroom/jsonfeed.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace jsonfeed {

namespace {

using Json = nlohmann::json;

// Deepest nesting of arrays and objects in JSON text (strings skipped); stops early once
// `limit` is passed.
std::size_t max_nesting(std::string_view s, std::size_t limit) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// Memory the nlohmann tree of `s` takes, estimated from its structure before it is built (so
// that the budget refuses a tree of tiny values before it exists): per member (`:`) a map node
// with its key, per object and array its container, per element (`,`) a value. Measured on
// libstdc++: an object member costs about 100 bytes, an empty object about 80.
std::uint64_t tree_bytes(std::string_view s, std::uint64_t& values) {
  std::uint64_t bytes = 64;
  values = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case ':':
        bytes += 112;
        break;
      case '{':
        bytes += 80;
        ++values;
        break;
      case '[':
        bytes += 48;
        ++values;
        break;
      case ',':
        bytes += 16;
        ++values;
        break;
      default:
        break;
    }
  }
  return bytes;
}

// Memory an article read from an item holds besides its strings.
std::uint64_t article_bytes(const Article& a) {
  return sizeof(Article) + a.links.size() * sizeof(Link) + a.media.size() * sizeof(Media) +
         a.categories.size() * sizeof(Category) + a.authors.size() * sizeof(EntityRef);
}

class Reader {
 public:
  Reader(std::string_view text, const ReadOptions& options)
      : text_(text), options_(options), diag_(options, "jsonfeed", text) {}

  detail::Diagnostics& diag() { return diag_; }

  bool read(const Json& j, Document& doc) {
    doc_ = &doc;
    if (!j.is_object()) {
      diag_.fail(ErrorCode::not_this_format, "a JSON Feed is an object", 0);
      return false;
    }
    const std::string version = str(j, "version");
    if (version.rfind("https://jsonfeed.org/version/", 0) != 0 &&
        version.rfind("http://jsonfeed.org/version/", 0) != 0) {
      if (!j.contains("items")) {
        diag_.fail(ErrorCode::not_this_format, "no JSON Feed version and no items", 0);
        return false;
      }
      if (!warn(ErrorCode::invalid_value,
                "version " + detail::quote(version) + " is not a JSON Feed version"))
        return false;
    }
    base_ = options_.base_url;
    const auto pr = j.find("_pressroom");
    bool canonical_feed = false;
    if (pr != j.end() && pr->is_object()) {
      if (!head_extension(*pr, doc, canonical_feed)) return false;
    }
    if (!canonical_feed) read_feed(j, doc.feed);
    if (base_.empty()) base_ = doc.feed.feed_url;
    const auto items = j.find("items");
    if (items == j.end() || !items->is_array()) {
      if (!warn(ErrorCode::missing_field, "no items array", "articles")) return false;
      return true;
    }
    std::set<std::string> ids;
    for (const Json& item : *items) {
      if (doc.articles.size() + 1 > options_.limits.max_records) {
        diag_.fail(ErrorCode::limit_exceeded, "more records than max_records");
        return false;
      }
      const std::string path = "articles[" + std::to_string(doc.articles.size()) + "]";
      if (!item.is_object()) {
        if (!warn(ErrorCode::invalid_value, "item is not an object: skipped", path)) return false;
        continue;
      }
      Article a;
      const auto ext = item.find("_pressroom");
      if (ext != item.end() && ext->is_object() && ext->contains("article")) {
        if (!own_item(item, *ext, a, path)) return false;
      } else if (!read_item(item, a, path)) {
        return false;
      }
      if (!ids.insert(a.id).second) {
        // Ids are unique within a Document: suffix a repeated one, with a warning (JSON Feed
        // requires unique ids).
        if (!warn(ErrorCode::invalid_value, "repeated item id " + detail::quote(a.id),
                  path + ".id"))
          return false;
        const std::string base = a.id;
        std::size_t& k = next_suffix_[base];
        if (k < 2) k = 2;
        for (;; ++k) {
          std::string cand = base + "-" + std::to_string(k);
          if (ids.insert(cand).second) {
            a.id = std::move(cand);
            ++k;
            break;
          }
        }
      }
      if (!diag_.charge(article_bytes(a), detail::npos, path)) return false;
      doc.articles.push_back(std::move(a));
    }
    return !diag_.failed();
  }

 private:
  bool warn(ErrorCode code, std::string message, std::string path = {}) {
    return diag_.warn(code, std::move(message), detail::npos, std::move(path));
  }

  std::string str(const Json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    (void)warn(ErrorCode::invalid_value, std::string(key) + " is not a string");
    return {};
  }

  std::string url(const Json& j, const char* key) {
    const std::string s = str(j, key);
    if (s.empty()) return s;
    return resolve(s);
  }
  std::string resolve(std::string_view s) const { return feed_detail::resolve_url(base_, s); }

  // Reads an embedded canonical object with the JSON codec.
  template <class T>
  bool embedded(const Json& value, T& out, const std::string& path) {
    if (!value.is_object()) {
      return warn(ErrorCode::invalid_value, "pressroom extension is not an object", path);
    }
    const std::string text = value.dump();
    diag_.set_base(text, 0, 0);
    const bool ok = json_codec::read_value(text, out, diag_, path);
    diag_.set_base(text_, 0, 0);
    return ok && !diag_.failed();
  }

  // An item written by pressroom: the residual in `_pressroom.article` (canonical JSON), and
  // the native members that carry the rest exactly, read as they are (no trimming, no URL
  // resolution, no sanitising). `"body"`: "blocks" when content_html is the body blocks
  // rendered (parsed back into blocks), "rendered" when it is only a rendering of blocks the
  // residual holds; absent when content_html is the HTML body. Feeds of 0.2, whose residual is the
  // whole article, read the same way.
  bool own_item(const Json& item, const Json& ext, Article& a, const std::string& path) {
    if (!embedded(ext["article"], a, path)) return false;
    Article n;
    n.id = str(item, "id");
    n.url = str(item, "url");
    n.headline = str(item, "title");
    n.summary = str(item, "summary");
    n.language = str(item, "language");
    std::string html = str(item, "content_html");
    const std::string body = str(ext, "body");
    if (body == "rendered") {
      // The HTML was rendered from the blocks the residual carries: for other readers only.
    } else if (body == "blocks") {
      Article b;
      b.dateline = a.dateline;
      b.contact_note = a.contact_note;
      if (feed_detail::article_blocks_from_html(html, b)) {
        n.body = std::move(b.body);
      } else if (!warn(ErrorCode::invalid_value, "body of a pressroom item is not block HTML",
                       path + ".body")) {
        return false;
      }
    } else {
      n.body_html = std::move(html);
    }
    feed_detail::fill_empty_fields(a, std::move(n));
    if (feed_detail::sanitise_own_html(a.body_html, options_) &&
        !warn(ErrorCode::invalid_value, feed_detail::kUnsafeHtmlRemoved, path + ".body_html"))
      return false;
    return true;
  }

  template <class T>
  bool table(const Json& ext, const char* key, std::vector<T>& rows) {
    const auto it = ext.find(key);
    if (it == ext.end() || !it->is_array()) return true;
    for (const Json& row : *it) {
      T r;
      if (!embedded(row, r, std::string(key) + "[" + std::to_string(rows.size()) + "]"))
        return false;
      rows.push_back(std::move(r));
    }
    return true;
  }

  bool head_extension(const Json& ext, Document& doc, bool& canonical_feed) {
    if (const auto v = ext.find("pressroom_version"); v != ext.end() && v->is_string())
      doc.pressroom_version = v->get<std::string>();
    if (const auto e = ext.find("extensions"); e != ext.end() && e->is_object()) {
      for (const auto& [k, v] : e->items())
        if (v.is_string()) doc.extensions[k] = v.get<std::string>();
    }
    if (const auto f = ext.find("feed"); f != ext.end()) {
      canonical_feed = true;
      if (!embedded(*f, doc.feed, "feed")) return false;
    }
    return table(ext, "organizations", doc.organizations) &&
           table(ext, "commissioners", doc.commissioners) && table(ext, "people", doc.people) &&
           table(ext, "legislation", doc.legislation) && table(ext, "contacts", doc.contacts);
  }

  // Authors; one given with a `url` becomes a Person record (merged with an equal one) that
  // the reference names by id, as the XML feed reader does for Atom's `uri`.
  void authors(const Json& j, std::vector<EntityRef>& out) {
    const auto add = [&](const Json& a) {
      if (!a.is_object()) return;
      const std::string name = str(a, "name");
      const std::string home = url(a, "url");
      if (name.empty() && home.empty()) return;
      EntityRef r{{}, name.empty() ? home : name, {}, {}};
      if (!home.empty() && doc_) r.id = person_record(name, home);
      out.push_back(std::move(r));
    };
    if (const auto it = j.find("authors"); it != j.end() && it->is_array()) {
      for (const Json& a : *it) add(a);
    } else if (const auto one = j.find("author"); one != j.end()) {
      add(*one);  // JSON Feed 1.0
    }
  }

  std::string person_record(const std::string& name, const std::string& home) {
    Document& doc = *doc_;
    std::string slug = detail::slugify(name.empty() ? home : name);
    if (slug.empty()) slug = "person";
    const std::string base = "person:" + slug;
    std::string id = base;
    for (int k = 2;; ++k) {
      const auto it = people_.find(id);
      if (it != people_.end()) {
        const Person& p = doc.people[it->second];
        if (p.name.full == name && p.url == home) return id;
      } else if (!find_person(doc, id) && !find_commissioner(doc, id)) {
        break;
      }
      id = base + "-" + std::to_string(k);
    }
    Person p;
    p.id = id;
    p.name.full = name;
    p.url = home;
    people_.emplace(id, doc.people.size());
    doc.people.push_back(std::move(p));
    return id;
  }

  void read_feed(const Json& j, Feed& f) {
    f.title = str(j, "title");
    if (f.title.empty()) (void)warn(ErrorCode::missing_field, "feed without title", "feed.title");
    f.home_page_url = url(j, "home_page_url");
    f.feed_url = url(j, "feed_url");
    f.description = str(j, "description");
    f.next_url = url(j, "next_url");
    f.logo = url(j, "icon");
    f.icon = url(j, "favicon");
    f.language = str(j, "language");
    authors(j, f.authors);
  }

  std::optional<DateTime> date(const Json& j, const char* key, const std::string& path) {
    const std::string s = str(j, key);
    if (s.empty()) return std::nullopt;
    bool nonstandard = false, impossible = false;
    auto d = feed_detail::parse_feed_date(s, &nonstandard, &impossible);
    if (!d) {
      (void)warn(ErrorCode::invalid_value,
                 (impossible ? "impossible date " : "unreadable date ") + detail::quote(s), path);
      return std::nullopt;
    }
    if (nonstandard)
      (void)warn(ErrorCode::invalid_value, "date " + detail::quote(s) + " is not RFC 3339", path);
    return d;
  }

  bool read_item(const Json& j, Article& a, const std::string& path) {
    const auto id = j.find("id");
    if (id == j.end() || id->is_null()) {
      if (!warn(ErrorCode::missing_field, "item without id", path + ".id")) return false;
    } else if (id->is_string()) {
      a.id = id->get<std::string>();
    } else if (id->is_number()) {
      a.id = id->dump();
      if (!warn(ErrorCode::invalid_value, "item id is a number, not a string", path + ".id"))
        return false;
    }
    a.url = url(j, "url");
    if (const std::string ext = url(j, "external_url"); !ext.empty())
      a.links.push_back(Link{ext, "related", {}, {}, {}, {}});
    a.headline = feed_detail::collapse_space(str(j, "title"));
    const std::string html = str(j, "content_html");
    const std::string text = str(j, "content_text");
    if (!html.empty()) {
      feed_detail::HtmlResult h = feed_detail::process_html(html, base_, options_.keep_raw_html);
      a.body_html = std::move(h.html);
      a.body = std::move(h.blocks);
    }
    if (!text.empty()) a.body = feed_detail::text_blocks(text);
    if (html.empty() && text.empty() && !j.contains("content_html") && !j.contains("content_text"))
      if (!warn(ErrorCode::missing_field, "item without content_html or content_text",
                path + ".body"))
        return false;
    a.summary = str(j, "summary");
    if (const std::string img = url(j, "image"); !img.empty()) {
      Media m;
      m.url = img;
      m.role = MediaRole::image;
      a.media.push_back(std::move(m));
    }
    if (const std::string img = url(j, "banner_image"); !img.empty()) {
      Media m;
      m.url = img;
      m.role = MediaRole::banner;
      a.media.push_back(std::move(m));
    }
    a.date_published = date(j, "date_published", path + ".date_published");
    a.date_modified = date(j, "date_modified", path + ".date_modified");
    authors(j, a.authors);
    if (const auto tags = j.find("tags"); tags != j.end() && tags->is_array()) {
      for (const Json& t : *tags)
        if (t.is_string() && !t.get<std::string>().empty())
          a.categories.push_back(Category{t.get<std::string>(), {}, {}, CategoryKind::unspecified});
    }
    a.language = str(j, "language");
    if (const auto att = j.find("attachments"); att != j.end() && att->is_array()) {
      for (const Json& x : *att) {
        if (!x.is_object()) continue;
        Media m;
        m.url = url(x, "url");
        if (m.url.empty()) continue;
        m.media_type = str(x, "mime_type");
        m.title = str(x, "title");
        m.role = MediaRole::attachment;
        if (const auto s = x.find("size_in_bytes"); s != x.end() && s->is_number_unsigned())
          m.length_bytes = s->get<std::uint64_t>();
        if (const auto d = x.find("duration_in_seconds"); d != x.end() && d->is_number())
          m.duration_seconds = d->get<double>();
        a.media.push_back(std::move(m));
      }
    }
    if (a.id.empty()) a.id = a.url;
    if (a.id.empty()) {
      std::string slug = detail::slugify(a.headline);
      if (slug.empty()) slug = "item";
      a.id = "art:" + slug;
    }
    return !diag_.failed();
  }

  std::string_view text_;
  const ReadOptions& options_;
  detail::Diagnostics diag_;
  std::string base_;
  std::map<std::string, std::size_t> next_suffix_;
  Document* doc_ = nullptr;
  std::map<std::string, std::size_t> people_;  // Person ids this reader added -> index
};

}  // namespace

namespace {
// ": <what nlohmann says>" without its prefix and with the quoted input cut short.
std::string json_problem(const std::string& what) {
  std::string m = what;
  if (const std::size_t p = m.find("] "); p != std::string::npos) m.erase(0, p + 2);
  if (m.compare(0, 15, "parse error at ") == 0) {
    if (const std::size_t p = m.find(": "); p != std::string::npos) m.erase(0, p + 2);
  }
  const std::size_t open = m.find('\'');
  const std::size_t close = m.rfind('\'');
  if (open != std::string::npos && close > open + 1)
    m = m.substr(0, open) + detail::quote(m.substr(open + 1, close - open - 1)) +
        m.substr(close + 1);
  return m.empty() ? m : ": " + m;
}

// Frees `v` without allocating: children are emptied from the last one, depth first, so that
// every value nlohmann destroys is a leaf (its destructor allocates only for containers that
// still hold something). The recursion is as deep as the tree, which max_depth bounds.
void free_from_leaves(Json& v) noexcept {
  if (v.is_array()) {
    auto& a = v.get_ref<Json::array_t&>();
    while (!a.empty()) {
      free_from_leaves(a.back());
      a.pop_back();
    }
  } else if (v.is_object()) {
    auto& o = v.get_ref<Json::object_t&>();
    while (!o.empty()) {
      const auto last = std::prev(o.end());
      free_from_leaves(last->second);
      o.erase(last);
    }
  }
  v = Json();
}

}  // namespace

Result<Document> read(std::string_view input, const ReadOptions& options) {
  return detail::guard_memory("jsonfeed", "reading", [&]() -> Result<Document> {
    if (input.size() > options.limits.max_input_bytes)
      return detail::make_error(ErrorCode::limit_exceeded, "jsonfeed",
                                "input larger than max_input_bytes");
    feed_detail::Decoded dec = feed_detail::decode_input(input, false);
    Reader reader(dec.utf8(), options);
    detail::Diagnostics& diag = reader.diag();
    const auto finish = [&](std::optional<Document> doc) -> Result<Document> {
      if (diag.failed() || !doc) {
        Result<Document> r(diag.error());
        r.warnings() = std::move(diag.warnings());
        return r;
      }
      Result<Document> r(std::move(*doc));
      r.warnings() = std::move(diag.warnings());
      detail::apply_trust(r, options, detail::Sanitised::html);
      return r;
    };
    for (auto& p : dec.problems)
      if (!diag.warn(ErrorCode::invalid_value, std::move(p), 0)) return finish(std::nullopt);
    if (max_nesting(dec.utf8(), options.limits.max_depth) > options.limits.max_depth) {
      diag.fail(ErrorCode::limit_exceeded, "nesting deeper than max_depth");
      return finish(std::nullopt);
    }
    std::uint64_t values = 0;
    if (!diag.charge(tree_bytes(dec.utf8(), values))) return finish(std::nullopt);
    Json j;
    // Whichever way this function ends (an allocation failure included), the tree is freed
    // from the leaves up: nlohmann's own destructor allocates a stack of the children it
    // frees, and an allocation failure there would end the process.
    struct FreeTree {
      Json& tree;
      ~FreeTree() { free_from_leaves(tree); }
    } free_tree{j};
    try {
      nlohmann::detail::json_sax_dom_parser<Json> builder(j, true);
      (void)Json::sax_parse(dec.utf8(), &builder);
    } catch (const Json::parse_error& e) {
      diag.fail(ErrorCode::syntax, "invalid JSON" + json_problem(e.what()),
                e.byte > 0 ? static_cast<std::size_t>(e.byte - 1) : 0);
      return finish(std::nullopt);
    } catch (const Json::exception& e) {
      // nlohmann gives no position for a number out of range ("1e400"): find the number.
      const std::string what = e.what();
      const std::size_t q = what.find('\'');
      const std::size_t q2 = what.rfind('\'');
      std::size_t at = detail::npos;
      if (q != std::string::npos && q2 > q + 1)
        at = dec.utf8().find(what.substr(q + 1, q2 - q - 1));
      diag.fail(ErrorCode::syntax, "invalid JSON" + json_problem(what),
                at == std::string::npos ? detail::npos : at);
      return finish(std::nullopt);
    }
    Document doc;
    try {
      if (!reader.read(j, doc)) return finish(std::nullopt);
    } catch (const Json::exception&) {
      diag.fail(ErrorCode::invalid_value, "unexpected JSON value");
      return finish(std::nullopt);
    }
    return finish(std::move(doc));
  });
}

std::vector<Error> lint(const Document& doc) {
  std::vector<Error> out = write(doc, WriteOptions{}).warnings();
  for (auto& e : feed_detail::foreign_losses(doc, "jsonfeed")) {
    bool seen = false;
    for (const auto& o : out) seen = seen || (o.message == e.message && o.code == e.code);
    if (!seen) out.push_back(std::move(e));
  }
  return out;
}

namespace {
int sniff(std::string_view head) noexcept {
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t'))
    ++i;
  if (i >= head.size() || head[i] != '{') return 0;
  if (head.find("jsonfeed.org/version/") != std::string_view::npos) return 95;
  return 0;
}
}  // namespace

Format format() {
  Format f;
  f.name = "jsonfeed";
  f.description = "JSON Feed 1.0 and 1.1 (read), 1.1 (write), lossless with _pressroom";
  f.media_types = {"application/feed+json"};
  f.extensions = {"jsonfeed", "feed.json"};
  f.sniff = [](std::string_view head) { return sniff(head); };
  f.read = [](std::string_view input, const ReadOptions& o) { return read(input, o); };
  f.write = [](const Document& doc, const WriteOptions& o) { return write(doc, o); };
  f.open_writer = [](std::ostream& out, const WriteOptions& o) { return open_writer(out, o); };
  f.carries = Capabilities{true, true, true, true, true, true, true, true};
  return f;
}

}  // namespace jsonfeed
PRESSROOM_ABI_END
}  // namespace pressroom
