// SPDX-License-Identifier: MIT
// Atom 1.0 writer (RFC 4287): straight into a string (no DOM), entries in Document order.
//
// The plan is the RSS writer's (see the comment at the top of rss/writer.cpp): native elements
// carry what they can exactly (atom:id when the id is an IRI, title, updated (date_modified),
// published, author, link rel="alternate" (url), link rel="enclosure" (media), link rel="via"
// (source), other links, category, summary, content, rights, xml:lang); each entry ends with a
// `<pressroom:article>` residual of what they cannot. Links of the Document with the rels
// pressroom gives a meaning of its own ("", alternate, enclosure, via) are written as "related"
// (RFC 4287 §4.1.1 allows one alternate per type and language) and travel in the residual.
//
// RFC 4287 puts entries after every other feed child, so the pressroom head (Feed record and
// entity tables) is written before the first entry. The record writer streams: it writes the
// head when the first article arrives, holds back the last article, and writes records that
// arrive later inside the next entry it writes (the reader lifts them into the tables).
#include <ostream>

#include "formats/feed/module.hpp"
#include "formats/feed/xml_out.hpp"
#include "pressroom/atom.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace atom {

namespace {

using feed_detail::model_html;
using feed_detail::model_text;
using feed_detail::XmlOut;
namespace atom_targets = feed_detail::atom_targets;

// An id that is an IRI (RFC 4287 §4.2.6): kept when it has a scheme, else made a URN.
std::string atom_id(std::string_view id) {
  if (feed_detail::has_scheme(id)) return std::string(id);
  std::string out = "urn:pressroom:id:";
  static const char hex[] = "0123456789ABCDEF";
  for (const char ch : id) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string rfc3339(feed_detail::WriteDiagnostics& diag, const DateTime& dt,
                    const std::string& path) {
  std::string s;
  feed_detail::warn_date(diag, feed_detail::append_rfc3339(s, feed_detail::without_leap_second(dt)),
                         path);
  return s;
}

void write_link(XmlOut& x, const Link& l) {
  if (l.href.empty()) return;
  const std::string length = l.length_bytes ? std::to_string(*l.length_bytes) : std::string();
  x.empty("link", {{"rel", l.rel},
                   {"href", l.href},
                   {"type", l.media_type},
                   {"hreflang", l.hreflang},
                   {"title", l.title},
                   {"length", length}});
}

void write_person(XmlOut& x, std::string_view element, const std::string& name) {
  x.open(element);
  x.text(atom_targets::person_name, name, model_text, {}, true);
  x.close(element);
}

bool own_rel(std::string_view rel) {
  return rel.empty() || rel == "alternate" || rel == "enclosure" || rel == "via";
}

void add_derived(std::string& derived, std::string_view what) {
  if (!derived.empty()) derived += ' ';
  derived += what;
}

void write_entry(XmlOut& x, feed_detail::WriteDiagnostics& diag,
                 const feed_detail::EntityNames& names, const Article& article, std::size_t index,
                 const std::string& feed_updated, bool feed_has_author, const Document* late,
                 bool late_feed) {
  const feed_detail::ArticleFields& f = feed_detail::article_fields();
  feed_detail::NativeFields native;
  std::string derived;
  const std::string path = "articles[" + std::to_string(index) + "]";
  Article inert;
  const Article& a = feed_detail::with_inert_foreign(article, "atom", inert, diag, path);
  x.open("entry", {{"xml:lang", a.language}});
  native.add(f.language);
  std::string id;
  if (a.id.empty()) {
    diag.warn(ErrorCode::missing_field, "article without id: atom:id derived", path + ".id");
    id = a.url.empty() ? "urn:pressroom:item:" + std::to_string(index) : a.url;
    add_derived(derived, "id");
  } else if (!feed_detail::has_scheme(a.id)) {
    diag.warn(ErrorCode::invalid_value, "article id is not an IRI: written as a urn:pressroom:id",
              path + ".id");
    id = atom_id(a.id);
  } else {
    id = a.id;
    if (a.id.rfind("urn:pressroom:", 0) != 0) native.add(f.id);
  }
  x.element("id", id);
  x.text(atom_targets::title, a.headline, model_text, {}, true);
  native.add(f.headline);
  if (a.headline.empty())
    diag.warn(ErrorCode::missing_field, "article without headline: empty atom:title",
              path + ".headline");
  std::string updated;
  if (a.date_modified) {
    updated = rfc3339(diag, *a.date_modified, path + ".date_modified");
    if (feed_detail::date_survives(updated, *a.date_modified)) native.add(f.date_modified);
  } else {
    native.add(f.date_modified);
  }
  if (updated.empty()) {
    add_derived(derived, "updated");
    if (a.date_published)
      feed_detail::append_rfc3339(updated, feed_detail::without_leap_second(*a.date_published));
    if (updated.empty()) {
      updated = feed_updated;
      diag.warn(ErrorCode::missing_field, "article without a full date: feed's updated used",
                path + ".date_modified");
    }
  }
  x.element("updated", updated);
  if (a.date_published) {
    std::string published = rfc3339(diag, *a.date_published, path + ".date_published");
    x.element("published", published);
    if (feed_detail::date_survives(published, *a.date_published)) native.add(f.date_published);
  } else {
    native.add(f.date_published);
  }
  bool authors_native = true;
  for (const auto& au : a.authors) {
    write_person(x, "author", names.ref_name(au));
    authors_native = authors_native && feed_detail::plain_ref(au);
  }
  if (authors_native) native.add(f.authors);
  if (a.authors.empty() && !feed_has_author) {
    std::string name = names.organization(a.publisher_id);
    if (name.empty()) {
      name = "Unknown";
      diag.warn(ErrorCode::missing_field,
                "entry without author and feed without author: \"Unknown\" written",
                path + ".authors");
    }
    write_person(x, "author", name);
    add_derived(derived, "author");
  }
  if (!a.url.empty()) x.empty("link", {{"rel", "alternate"}, {"href", a.url}});
  native.add(f.url);
  if (a.source && !a.source->href.empty()) {
    Link via = *a.source;
    via.rel = "via";
    write_link(x, via);
    if (a.source->rel == "via") native.add(f.source);
  } else if (!a.source) {
    native.add(f.source);
  }
  bool links_native = true;
  for (const auto& l : a.links) {
    links_native = links_native && !l.href.empty() && !own_rel(l.rel);
    if (l.href.empty() || (l.href == a.url && (l.rel.empty() || l.rel == "alternate")))
      continue;  // a repeat of the url link (with attributes of its own): residual only
    if (own_rel(l.rel)) {
      Link related = l;
      related.rel = "related";
      write_link(x, related);
    } else {
      write_link(x, l);
    }
  }
  if (links_native) native.add(f.links);
  bool media_native = true;
  for (const auto& m : a.media) {
    media_native = media_native && !m.url.empty() && m.role == MediaRole::enclosure &&
                   !m.duration_seconds && !m.width && !m.height && m.caption.empty() &&
                   m.credit.empty() && m.alt_text.empty() && m.language.empty();
    if (m.url.empty()) continue;
    const std::string length = m.length_bytes ? std::to_string(*m.length_bytes) : std::string();
    x.empty("link", {{"rel", "enclosure"},
                     {"href", m.url},
                     {"type", m.media_type},
                     {"title", m.title},
                     {"length", length}});
  }
  if (media_native) native.add(f.media);
  bool categories_native = true;
  for (const auto& c : a.categories) {
    categories_native = categories_native && !c.term.empty() && c.kind == CategoryKind::unspecified;
    x.empty("category", {{"term", c.term}, {"scheme", c.scheme}, {"label", c.label}});
  }
  if (categories_native) native.add(f.categories);
  x.text(atom_targets::summary, a.summary, model_text);
  native.add(f.summary);
  bool from_blocks = false;
  std::string storage;
  const std::string_view body = feed_detail::article_html(a, from_blocks, storage);
  if (!body.empty()) {
    x.text(atom_targets::content, body, model_html);
  } else if (a.url.empty()) {
    // RFC 4287 §4.1.1: an entry without content needs a link rel="alternate".
    diag.warn(ErrorCode::missing_field, "entry without content or url", path + ".url");
  }
  native.add(f.body_html);
  if (from_blocks) native.add(f.body);
  x.text(atom_targets::rights, a.rights, model_text);
  native.add(f.rights);
  if (late) {
    if (late_feed) {
      Feed inert_feed;
      feed_detail::write_pressroom_feed(
          x, feed_detail::with_inert_foreign(late->feed, "atom", inert_feed, diag, "feed"));
    }
    feed_detail::write_pressroom_tables(x, *late);
  }
  // Foreign elements read from this format go back as they were (when they are well-formed
  // fragments of foreign namespaces); other formats' extensions travel in the residual.
  const auto ext = a.extensions.find("atom");
  bool extensions_native = a.extensions.empty();
  if (ext != a.extensions.end() && feed_detail::foreign_fragment_ok(ext->second)) {
    x.raw_line(ext->second);
    extensions_native = a.extensions.size() == 1;
  }
  if (extensions_native) native.add(f.extensions);
  feed_detail::write_own_article(x, a, native, from_blocks, derived);
  x.close("entry");
}

// Writes Atom 1.0 in three steps (head, entries, tail) for the record writer.
class Emitter {
 public:
  static constexpr bool tables_at_tail = false;

  Emitter(std::string& out, const WriteOptions& options) : x_(out, options) {}

  bool head(const Document& doc) {
    XmlOut& x = x_;
    feed_detail::WriteDiagnostics& diag = diag_;
    Feed inert;
    const Feed& f = feed_detail::with_inert_foreign(doc.feed, "atom", inert, diag, "feed");
    x.out() += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    x.open("feed", {{"xmlns", "http://www.w3.org/2005/Atom"},
                    {"xmlns:pressroom", feed_detail::pressroom_ns},
                    {"xml:lang", f.language}});
    std::string id = f.id;
    if (id.empty()) id = f.feed_url;
    if (id.empty()) id = f.home_page_url;
    if (id.empty()) {
      id = "urn:pressroom:feed";
      diag.warn(ErrorCode::missing_field, "feed without id or url: atom:id derived", "feed.id");
    } else if (f.id.empty()) {
      diag.warn(ErrorCode::missing_field, "feed without id: its url used as atom:id", "feed.id");
    }
    x.element("id", atom_id(id));
    std::string title = f.title;
    if (title.empty()) {
      if (const Organization* o = feed_detail::feed_publisher(doc)) title = o->name;
      if (title.empty()) title = "Untitled";
      diag.warn(ErrorCode::missing_field, "feed without title: wrote " + detail::quote(title),
                "feed.title");
    }
    x.text(atom_targets::title, title, model_text);
    x.text(atom_targets::subtitle, f.description, model_text);
    // updated (required): the feed's, else the latest entry date, else the epoch.
    updated_.clear();
    if (f.updated) updated_ = rfc3339(diag, *f.updated, "feed.updated");
    if (updated_.empty()) {
      const DateTime* latest = nullptr;
      long long best = 0;
      for (const auto& a : doc.articles) {
        for (const auto* d : {&a.date_modified, &a.date_published}) {
          if (!*d || !is_valid(**d) || !(*d)->day) continue;
          const long long s = feed_detail::to_unix_seconds(**d);
          if (!latest || s > best) {
            latest = &**d;
            best = s;
          }
        }
      }
      if (latest) {
        feed_detail::append_rfc3339(updated_, feed_detail::without_leap_second(*latest));
      } else {
        updated_ = "1970-01-01T00:00:00Z";
      }
      diag.warn(ErrorCode::missing_field, "feed without updated: wrote " + updated_,
                "feed.updated");
    }
    x.element("updated", updated_);
    feed_has_author_ = false;
    for (const auto& a : f.authors) {
      write_person(x, "author", feed_detail::ref_name(doc, a));
      feed_has_author_ = true;
    }
    if (!feed_has_author_) {
      const Organization* o = feed_detail::feed_publisher(doc);
      if (o && !o->name.empty()) {
        write_person(x, "author", o->name);
        feed_has_author_ = true;
      }
    }
    if (!f.home_page_url.empty())
      x.empty("link", {{"rel", "alternate"}, {"type", "text/html"}, {"href", f.home_page_url}});
    if (!f.feed_url.empty())
      x.empty("link", {{"rel", "self"}, {"type", "application/atom+xml"}, {"href", f.feed_url}});
    if (!f.next_url.empty()) x.empty("link", {{"rel", "next"}, {"href", f.next_url}});
    for (const auto& c : f.categories)
      x.empty("category", {{"term", c.term}, {"scheme", c.scheme}, {"label", c.label}});
    if (!f.generator.name.empty())
      x.text(atom_targets::generator, f.generator.name, model_text,
             {{"uri", f.generator.uri}, {"version", f.generator.version}});
    x.element("icon", f.icon);
    x.element("logo", f.logo);
    x.text(atom_targets::rights, f.rights, model_text);
    // Foreign feed elements read from Atom go back as they were (the Feed record carries them
    // for pressroom).
    if (const auto ext = f.extensions.find("atom");
        ext != f.extensions.end() && feed_detail::foreign_fragment_ok(ext->second))
      x.raw_line(ext->second);
    feed_detail::write_pressroom_head(x, doc, f);
    return true;
  }

  void item(const feed_detail::EntityNames& names, const Article& a, const Document* late,
            bool late_feed) {
    write_entry(x_, diag_, names, a, index_++, updated_, feed_has_author_, late, late_feed);
  }

  bool tail(const Document&, const feed_detail::Drain&) {
    x_.close("feed");
    x_.out() += '\n';
    feed_detail::warn_stripped(x_, diag_);
    return true;
  }

  std::vector<Error>& warnings() { return diag_.warnings(); }
  static Error head_error() { return detail::make_error(ErrorCode::io, "atom", "no head"); }

 private:
  XmlOut x_;
  feed_detail::WriteDiagnostics diag_{"atom"};
  std::string updated_;
  bool feed_has_author_ = false;
  std::size_t index_ = 0;
};

}  // namespace

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  return detail::guard_memory("atom", "writing", [&]() -> Result<std::string> {
    return feed_detail::write_whole<Emitter>(doc, options, feed_detail::estimate_feed_size(doc),
                                             "atom");
  });
}

std::unique_ptr<RecordWriter> open_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<feed_detail::StreamingFeedWriter<Emitter>>(out, options);
}

}  // namespace atom
PRESSROOM_ABI_END
}  // namespace pressroom
