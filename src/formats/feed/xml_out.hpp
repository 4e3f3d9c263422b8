// SPDX-License-Identifier: MIT
// A small XML emitter writing straight into a string (no DOM), shared by the RSS and Atom
// writers, and the pieces of the pressroom extension they both write.
#ifndef PRESSROOM_FORMATS_FEED_XML_OUT_HPP
#define PRESSROOM_FORMATS_FEED_XML_OUT_HPP

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "formats/feed/feed.hpp"
#include "formats/feed/targets.hpp"
#include "pressroom/options.hpp"

namespace pressroom::feed_detail {

// append_xml (same output, same count of dropped characters) with runs of plain ASCII skipped
// sixteen bytes at a time.
std::size_t escape_xml(std::string& out, std::string_view text, bool attr = false);

// A guess of the size of a feed written from `doc` (to reserve the output once).
std::size_t estimate_feed_size(const Document& doc);

class XmlOut {
 public:
  XmlOut(std::string& out, const WriteOptions& options) : out_(out), options_(options) {}

  using Attr = std::pair<std::string_view, std::string_view>;

  // <name a="v"...> on its own line; attributes with empty values are left out.
  void open(std::string_view name, std::initializer_list<Attr> attrs = {}) {
    start(name, attrs);
    out_ += '>';
    ++level_;
  }
  void close(std::string_view name) {
    --level_;
    newline();
    out_ += "</";
    out_ += name;
    out_ += '>';
  }
  // <name a="v"/>.
  void empty(std::string_view name, std::initializer_list<Attr> attrs) {
    start(name, attrs);
    out_ += "/>";
  }
  // <name a="v">text</name>; nothing when `text` is empty and `always` is false.
  void element(std::string_view name, std::string_view text, std::initializer_list<Attr> attrs = {},
               bool always = false) {
    if (text.empty() && !always) return;
    start(name, attrs);
    out_ += '>';
    stripped_ += escape_xml(out_, text);
    out_ += "</";
    out_ += name;
    out_ += '>';
  }
  // Model text holding `from` as the content of `target` (targets.hpp): converted for it (text
  // HTML-escaped for an HTML target), with the target's `type` attribute first when it has
  // one, then `attrs`; nothing when `value` is empty and `always` is false.
  void text(const Target& target, std::string_view value, Markup from,
            std::initializer_list<Attr> attrs = {}, bool always = false) {
    if (value.empty() && !always) return;
    std::string storage;
    const std::string_view content = for_target(target, value, from, storage);
    start(target.name, attrs, {"type", target.type});
    out_ += '>';
    stripped_ += escape_xml(out_, content);
    out_ += "</";
    out_ += target.name;
    out_ += '>';
  }
  // Raw markup already escaped, on its own line.
  void raw_line(std::string_view markup) {
    newline();
    out_ += markup;
  }
  void newline() {
    if (!options_.pretty) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(level_ * options_.indent), ' ');
  }

  std::string& out() noexcept { return out_; }
  int level() const noexcept { return level_; }
  std::size_t stripped() const noexcept { return stripped_; }
  void add_stripped(std::size_t n) noexcept { stripped_ += n; }
  const WriteOptions& options() const noexcept { return options_; }

 private:
  void start(std::string_view name, std::initializer_list<Attr> attrs, Attr first = {}) {
    newline();
    out_ += '<';
    out_ += name;
    attribute(first);
    for (const auto& a : attrs) attribute(a);
  }
  void attribute(const Attr& a) {
    if (a.second.empty()) return;
    out_ += ' ';
    out_ += a.first;
    out_ += "=\"";
    stripped_ += escape_xml(out_, a.second, true);
    out_ += '"';
  }

  std::string& out_;
  const WriteOptions& options_;
  int level_ = 0;
  std::size_t stripped_ = 0;
};

// Writes the pressroom extension of a feed's head (version, extensions, the Feed record `feed`
// (doc.feed as the writer writes it) and the entity tables) as children of the current element.
void write_pressroom_head(XmlOut& x, const Document& doc, const Feed& feed);
// Writes the version, extensions and Feed record only (write_pressroom_head without tables).
void write_pressroom_feed_head(XmlOut& x, const Document& doc, const Feed& feed);
// Writes the entity tables only (organizations ... contacts).
void write_pressroom_tables(XmlOut& x, const Document& doc);
// Writes `<pressroom:feed>` (the Feed record).
void write_pressroom_feed(XmlOut& x, const Feed& feed);
// Writes the element of one entity record (`<pressroom:organization>` ... `<pressroom:contact>`);
// nothing for a Feed or an Article.
void write_pressroom_record(XmlOut& x, const Record& record);

// ---- own items (see the comment at the top of rss/writer.cpp) ---------------------------

// Which Article fields an item carries in native elements, by canonical field position.
class NativeFields {
 public:
  void add(std::size_t field) noexcept { bits_ |= std::uint64_t{1} << field; }
  bool has(std::size_t field) const noexcept { return (bits_ >> field) & 1u; }

 private:
  std::uint64_t bits_ = 0;
};
// The canonical position of Article field `name` (model/fields.hpp order).
std::size_t article_field(std::string_view name);

// The canonical positions of the Article fields the RSS and Atom writers may carry natively.
struct ArticleFields {
  std::size_t id = article_field("id");
  std::size_t url = article_field("url");
  std::size_t headline = article_field("headline");
  std::size_t date_published = article_field("date_published");
  std::size_t date_modified = article_field("date_modified");
  std::size_t language = article_field("language");
  std::size_t summary = article_field("summary");
  std::size_t body = article_field("body");
  std::size_t body_html = article_field("body_html");
  std::size_t authors = article_field("authors");
  std::size_t categories = article_field("categories");
  std::size_t media = article_field("media");
  std::size_t links = article_field("links");
  std::size_t rights = article_field("rights");
  std::size_t source = article_field("source");
  std::size_t extensions = article_field("extensions");
};
inline const ArticleFields& article_fields() {
  static const ArticleFields f;
  return f;
}

// True when a native author element gives `r` back exactly: a name and nothing else.
inline bool plain_ref(const EntityRef& r) {
  return r.id.empty() && r.roles.empty() && r.as_written.empty() && !r.name.empty();
}

// Writes `<pressroom:article ...>` holding the canonical XML of the fields of `a` that are not
// in `native` (the residual). `body_blocks`: the native HTML body was rendered from `body`
// (attribute body="blocks"); `derived`: space-separated names of native elements the writer
// derived (the reader ignores them).
void write_own_article(XmlOut& x, const Article& a, const NativeFields& native, bool body_blocks,
                       std::string_view derived);

// The HTML body of an article: body_html when present (`from_blocks` false), else the blocks
// rendered by blocks_to_html with the dateline in front of the first paragraph (or as a
// paragraph of its own when the first block is not a paragraph) and the contact note as a last
// paragraph (MODEL.md 5.2).
// `storage` holds the rendered blocks; the view points into it or into `a.body_html`.
std::string_view article_html(const Article& a, bool& from_blocks, std::string& storage);
// The inverse of article_html for from_blocks: parses the HTML of blocks_to_html back into
// `a.body`, then removes the dateline and contact note decorations (a.dateline and
// a.contact_note must already be set). False when `html` is not blocks_to_html output.
bool article_blocks_from_html(std::string_view html, Article& a);

// Moves every field of `native` into `residual` where the residual's field is empty (equal to
// its default): the residual of an own item wins over its native elements.
void fill_empty_fields(Article& residual, Article&& native);

// ---- foreign elements (kept in Article::extensions["rss"/"atom"]) ------------------------

// Appends element `n` (whose namespace URI is `uri`) as a self-contained XML fragment: a
// declaration of every prefix its subtree uses (or of the default namespace of an unprefixed
// `n`) is added unless the subtree has it, and the element is printed compactly. The reader
// stores foreign elements this way (made inert, see detail/inert_xml.hpp) and the writers
// write such fragments back.
void append_foreign(std::string& out, const pugi::xml_node& n, std::string_view uri);
// `record` with its foreign elements under `key` ("rss", "atom") made inert
// (detail::make_inert_xml): `record` itself when nothing had to go, else `storage`, a copy
// without it, and one warning at `path`. Writers put foreign elements back only from the value
// this returns, and write the residual and the Feed record from it too, so that what they
// drop is gone from the whole output.
const Article& with_inert_foreign(const Article& record, std::string_view key, Article& storage,
                                  WriteDiagnostics& diag, const std::string& path);
const Feed& with_inert_foreign(const Feed& record, std::string_view key, Feed& storage,
                               WriteDiagnostics& diag, const std::string& path);
// True when `fragment` (an extensions entry) can be written raw into a feed: well-formed
// elements, each declaring its own namespace, none of a namespace feeds define (RSS, Atom,
// Dublin Core, content, Media RSS, pressroom...), and append_foreign gives the same text back.
bool foreign_fragment_ok(std::string_view fragment);
// True when a feed reader maps elements of namespace `uri` to the model (see xml_reader.cpp).
bool known_feed_namespace(std::string_view uri);

// `dt` with a leap second (:60) shown as :59: feed readers and validators reject :60 (the
// exact value travels in the residual, since the native date does not give it back).
DateTime without_leap_second(const DateTime& dt);

// True when parse_feed_date(text) gives back `dt` exactly.
bool date_survives(std::string_view text, const DateTime& dt);

// The publisher of a feed: the organization of feed.publisher_id, else of the first article's
// publisher_id; null when there is none. Writers derive a missing title or link from it.
const Organization* feed_publisher(const Document& doc);
// The organization's name for `id`, or "".
std::string organization_name(const Document& doc, std::string_view id);
// The display name of a reference: its name, else the name of the entity it points to, else
// its id.
std::string ref_name(const Document& doc, const EntityRef& ref);

// The display names of the entities items refer to, by id: what the writers take from the
// entity records when they write an item (ref_name, organization_name), so that a streaming
// writer keeps names, not whole records. Lookups are hashed.
class EntityNames {
 public:
  EntityNames() = default;
  explicit EntityNames(const Document& doc);
  // Adds the name of an organization, person or commissioner; other records are ignored.
  // The first record with an id wins, organizations before people before commissioners (the
  // order of ref_name).
  void add(const Record& record);
  // The organization's name for `id`, or "".
  std::string organization(std::string_view id) const;
  // As ref_name(doc, ref).
  std::string ref_name(const EntityRef& ref) const;

 private:
  void add(const std::string& id, int rank, const std::string& name);
  struct Entry {
    int rank;  // 0 organization, 1 person, 2 commissioner
    std::string name;
  };
  std::unordered_map<std::string, Entry> names_;
};

// Warns, once at the end of a feed, about the characters `x` left out (XML 1.0 forbids them,
// or they were invalid UTF-8).
void warn_stripped(const XmlOut& x, WriteDiagnostics& diag);

// Warns about a date the writer could not write as it is.
void warn_date(WriteDiagnostics& diag, DateOutcome outcome, const std::string& path);

}  // namespace pressroom::feed_detail

#endif  // PRESSROOM_FORMATS_FEED_XML_OUT_HPP
