// SPDX-License-Identifier: MIT
// JSON Feed 1.1 writer: straight into a string; `_pressroom` objects (top level and per item)
// carry the canonical JSON of the records, so that pressroom reads its own feeds back exactly.
//
// Streaming: JSON object members have no order, so the top-level `_pressroom` (the Feed record
// and the entity tables) is written after `items`. The record writer writes the head (version,
// title, links...) when the first article arrives, each item at once, and `_pressroom` at
// finish(). Entity rows are written as they arrive into SpillBuffers (memory, then a
// temporary file) and copied into `_pressroom` at finish().
#include <ostream>

#include "formats/feed/feed.hpp"
#include "formats/feed/module.hpp"
#include "formats/feed/targets.hpp"
#include "formats/feed/xml_out.hpp"
#include "formats/json/codec.hpp"
#include "pressroom/jsonfeed.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace jsonfeed {

namespace {

using feed_detail::model_html;
using feed_detail::model_text;
namespace jsonfeed_targets = feed_detail::jsonfeed_targets;

// A minimal pretty-or-compact JSON emitter.
class JsonOut {
 public:
  JsonOut(std::string& out, const WriteOptions& options) : out_(out), options_(options) {}
  void begin_object() {
    out_ += '{';
    ++level_;
    first_ = true;
  }
  void end_object() {
    --level_;
    if (!first_) newline();
    out_ += '}';
    first_ = false;
  }
  void begin_array() {
    out_ += '[';
    ++level_;
    first_ = true;
  }
  void end_array() {
    --level_;
    if (!first_) newline();
    out_ += ']';
    first_ = false;
  }
  // Starts a member; the value follows.
  void key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    newline();
    json_codec::append_string(out_, k, repaired_);
    out_ += options_.pretty ? ": " : ":";
  }
  // Starts an array element.
  void item() {
    if (!first_) out_ += ',';
    first_ = false;
    newline();
  }
  void string(std::string_view s) { json_codec::append_string(out_, s, repaired_); }
  void member(std::string_view k, std::string_view v) {
    if (v.empty()) return;
    key(k);
    string(v);
  }
  // Model text holding `from` as member `target` (targets.hpp), converted for it; nothing
  // when `v` is empty and `always` is false.
  void text(const feed_detail::Target& target, std::string_view v, feed_detail::Markup from,
            bool always = false) {
    if (v.empty() && !always) return;
    std::string storage;
    key(target.name);
    string(feed_detail::for_target(target, v, from, storage));
  }
  void number(std::string_view k, std::uint64_t v) {
    key(k);
    out_ += std::to_string(v);
  }
  void number(std::string_view k, double v) {
    key(k);
    out_ += detail::format_double(v);
  }
  template <class T>
  void canonical(std::string_view k, const T& value) {
    key(k);
    json_codec::write_value(out_, value, options_, level_, repaired_,
                            json_codec::ExtensionJson::as_string);
    first_ = false;
  }
  template <class T>
  void canonical_item(const T& value) {
    item();
    json_codec::write_value(out_, value, options_, level_, repaired_,
                            json_codec::ExtensionJson::as_string);
    first_ = false;
  }
  std::string& out() noexcept { return out_; }
  std::size_t repaired() const noexcept { return repaired_; }
  // Continues as if inside an array at `level` with `first` items so far (rows of a table
  // written apart from the rest of the output).
  void resume_array(int level, bool first) {
    level_ = level;
    first_ = first;
  }

 private:
  void newline() {
    if (!options_.pretty) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(level_ * options_.indent), ' ');
  }
  std::string& out_;
  const WriteOptions& options_;
  int level_ = 0;
  bool first_ = true;
  std::size_t repaired_ = 0;
};

std::string rfc3339(feed_detail::WriteDiagnostics& diag, const std::optional<DateTime>& dt,
                    const std::string& path) {
  if (!dt) return {};
  std::string s;
  feed_detail::warn_date(diag, feed_detail::append_rfc3339(s, *dt), path);
  return s;
}

void write_authors(JsonOut& j, const feed_detail::EntityNames& names,
                   const std::vector<EntityRef>& refs) {
  if (refs.empty()) return;
  j.key("authors");
  j.begin_array();
  for (const auto& r : refs) {
    j.item();
    j.begin_object();
    j.text(jsonfeed_targets::author_name, names.ref_name(r), model_text);
    j.end_object();
  }
  j.end_array();
}

void write_item(JsonOut& j, feed_detail::WriteDiagnostics& diag,
                const feed_detail::EntityNames& names, const Article& a, std::size_t index) {
  const std::string path = "articles[" + std::to_string(index) + "]";
  j.item();
  j.begin_object();
  j.key("id");
  j.string(a.id);
  if (a.id.empty()) diag.warn(ErrorCode::missing_field, "article without id", path + ".id");
  j.member("url", a.url);
  for (const auto& l : a.links) {
    if (l.rel == "related" || l.rel == "via") {
      j.member("external_url", l.href);
      break;
    }
  }
  j.text(jsonfeed_targets::title, a.headline, model_text);
  // The HTML body: body_html, else the blocks rendered with the dateline and contact note
  // (as in RSS); the reader parses such HTML back into blocks (`"body": "blocks"`).
  bool from_blocks = false;
  std::string storage;
  const std::string_view html = feed_detail::article_html(a, from_blocks, storage);
  // The reader rebuilds the blocks from that HTML when it gives them back exactly; otherwise
  // (characters XML forbids, which block HTML leaves out) the residual keeps the blocks and
  // the HTML is for other readers only (`"body": "rendered"`).
  bool blocks_native = false;
  if (from_blocks) {
    Article back;
    back.dateline = a.dateline;
    back.contact_note = a.contact_note;
    blocks_native = feed_detail::article_blocks_from_html(html, back) && back.body == a.body;
  }
  if (!html.empty()) {
    j.text(jsonfeed_targets::content_html, html, model_html);
  } else {
    // JSON Feed 1.1: one of content_html and content_text must be present.
    const std::string& text = a.summary.empty() ? a.headline : a.summary;
    if (text.empty())
      diag.warn(ErrorCode::missing_field, "article without content: empty content_text written",
                path + ".body");
    j.text(jsonfeed_targets::content_text, text, model_text, true);
  }
  j.text(jsonfeed_targets::summary, a.summary, model_text);
  const Media* image = nullptr;
  const Media* banner = nullptr;
  std::vector<const Media*> attachments;
  for (const auto& m : a.media) {
    if (m.url.empty()) continue;
    if (m.role == MediaRole::image && !image) {
      image = &m;
    } else if (m.role == MediaRole::banner && !banner) {
      banner = &m;
    } else if (m.role != MediaRole::thumbnail) {
      attachments.push_back(&m);
    }
  }
  if (image) j.member("image", image->url);
  if (banner) j.member("banner_image", banner->url);
  j.member("date_published", rfc3339(diag, a.date_published, path + ".date_published"));
  j.member("date_modified", rfc3339(diag, a.date_modified, path + ".date_modified"));
  write_authors(j, names, a.authors);
  if (!a.categories.empty()) {
    j.key("tags");
    j.begin_array();
    for (const auto& c : a.categories) {
      j.item();
      std::string converted;
      j.string(feed_detail::for_target(jsonfeed_targets::tag, c.label.empty() ? c.term : c.label,
                                       model_text, converted));
    }
    j.end_array();
  }
  j.member("language", a.language);
  if (!attachments.empty()) {
    j.key("attachments");
    j.begin_array();
    for (const Media* m : attachments) {
      j.item();
      j.begin_object();
      j.member("url", m->url);
      j.member("mime_type", m->media_type.empty() ? "application/octet-stream" : m->media_type);
      j.text(jsonfeed_targets::attachment_title, m->title, model_text);
      if (m->length_bytes) j.number("size_in_bytes", *m->length_bytes);
      if (m->duration_seconds) j.number("duration_in_seconds", *m->duration_seconds);
      j.end_object();
    }
    j.end_array();
  }
  // The residual: what the native members above do not give back exactly (the reader takes
  // id, url, title, summary, language and content_html as they are, and lets the residual win).
  Article residual = a;
  residual.id.clear();
  residual.url.clear();
  residual.headline.clear();
  residual.summary.clear();
  residual.language.clear();
  residual.body_html.clear();
  if (blocks_native) residual.body.clear();
  j.key("_pressroom");
  j.begin_object();
  if (from_blocks) j.member("body", blocks_native ? "blocks" : "rendered");
  j.canonical("article", residual);
  j.end_object();
  j.end_object();
}

// Writes JSON Feed 1.1 in three steps (head, items, tail) for the record writer.
class Emitter {
 public:
  static constexpr bool tables_at_tail = true;

  Emitter(std::string& out, const WriteOptions& options)
      : j_(out, options), rows_(scratch_, options) {}

  bool head(const Document& doc) {
    JsonOut& j = j_;
    const Feed& f = doc.feed;
    j.begin_object();
    j.member("version", version_1_1);
    std::string title = f.title;
    if (title.empty()) {
      if (const Organization* o = feed_detail::feed_publisher(doc)) title = o->name;
      if (title.empty()) title = "Untitled";
      diag_.warn(ErrorCode::missing_field, "feed without title: wrote " + detail::quote(title),
                 "feed.title");
    }
    j.text(jsonfeed_targets::title, title, model_text);
    j.member("home_page_url", f.home_page_url);
    j.member("feed_url", f.feed_url);
    j.text(jsonfeed_targets::description, f.description, model_text);
    j.member("next_url", f.next_url);
    j.member("icon", f.logo.empty() ? f.icon : f.logo);
    j.member("favicon", f.icon);
    write_authors(j, feed_detail::EntityNames(doc), f.authors);
    j.member("language", f.language);
    j.key("items");
    j.begin_array();
    for (const auto& r : doc.organizations) set_aside(0, r);
    for (const auto& r : doc.commissioners) set_aside(1, r);
    for (const auto& r : doc.people) set_aside(2, r);
    for (const auto& r : doc.legislation) set_aside(3, r);
    for (const auto& r : doc.contacts) set_aside(4, r);
    return true;
  }

  void item(const feed_detail::EntityNames& names, const Article& a, const Document*, bool) {
    write_item(j_, diag_, names, a, index_++);
  }

  // Sets an entity record aside for the `_pressroom` tables written after the items.
  void record(const Record& r) {
    std::visit(
        [&](const auto& row) {
          using T = std::decay_t<decltype(row)>;
          if constexpr (!std::is_same_v<T, Feed> && !std::is_same_v<T, Article>)
            set_aside(table_of<T>(), row);
        },
        r);
  }

  // False when the entity tables set aside could not be read back.
  bool tail(const Document& doc, const feed_detail::Drain& drain) {
    JsonOut& j = j_;
    j.end_array();
    j.key("_pressroom");
    j.begin_object();
    if (doc.pressroom_version != model_version)
      j.member("pressroom_version", doc.pressroom_version);
    if (!doc.extensions.empty()) {
      j.key("extensions");
      j.begin_object();
      for (const auto& [k, v] : doc.extensions) {
        j.key(k);
        j.string(v);
      }
      j.end_object();
    }
    j.canonical("feed", doc.feed);
    bool ok = true;
    static constexpr const char* names[] = {"organizations", "commissioners", "people",
                                            "legislation", "contacts"};
    for (std::size_t k = 0; k < std::size(names); ++k) {
      Table& t = tables_[k];
      if (t.rows.empty()) continue;
      j.key(names[k]);
      j.begin_array();
      ok = t.rows.append_to(j.out(), drain) && ok;
      j.resume_array(3, false);
      j.end_array();
    }
    j.end_object();
    j.end_object();
    j.out() += '\n';
    if (j.repaired() + rows_.repaired() > 0)
      diag_.warn(ErrorCode::invalid_value, "invalid UTF-8 written as U+FFFD");
    return ok;
  }

  std::vector<Error>& warnings() { return diag_.warnings(); }
  // Why the records set aside were lost (no temporary file could be made or written), or
  // empty.
  const std::string& spill_error() const { return spill_error_; }
  static Error head_error() { return detail::make_error(ErrorCode::io, "jsonfeed", "no head"); }

 private:
  // The rows of one `_pressroom` table, written at the tail.
  struct Table {
    detail::SpillBuffer rows;
    bool first = true;
  };
  template <class T>
  static constexpr std::size_t table_of() {
    if constexpr (std::is_same_v<T, Organization>) return 0;
    if constexpr (std::is_same_v<T, Commissioner>) return 1;
    if constexpr (std::is_same_v<T, Person>) return 2;
    if constexpr (std::is_same_v<T, Legislation>) return 3;
    return 4;
  }
  // Writes a row as it will appear in its table (inside `_pressroom`, level 3) and sets the
  // text aside.
  template <class T>
  void set_aside(std::size_t table, const T& row) {
    Table& t = tables_[table];
    rows_.resume_array(3, t.first);
    rows_.canonical_item(row);
    t.first = false;
    if (!t.rows.take(scratch_, 0) && spill_error_.empty()) spill_error_ = t.rows.error();
  }

  JsonOut j_;
  std::string scratch_;
  JsonOut rows_;
  Table tables_[5];
  feed_detail::WriteDiagnostics diag_{"jsonfeed"};
  std::size_t index_ = 0;
  std::string spill_error_;
};

}  // namespace

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  return detail::guard_memory("jsonfeed", "writing", [&]() -> Result<std::string> {
    return feed_detail::write_whole<Emitter>(doc, options, 4096 + doc.articles.size() * 4096,
                                             "jsonfeed");
  });
}

std::unique_ptr<RecordWriter> open_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<feed_detail::StreamingFeedWriter<Emitter>>(out, options);
}

}  // namespace jsonfeed
PRESSROOM_ABI_END
}  // namespace pressroom
