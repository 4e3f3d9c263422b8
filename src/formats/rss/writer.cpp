// SPDX-License-Identifier: MIT
// RSS 2.0 writer: straight into a string (no DOM), items in Document order, every namespace
// declared on the root.
//
// How a Document travels in RSS (the Atom writer follows the same plan):
//
// - Native elements carry what they can, written so that pressroom reads them back exactly:
//   guid (id; isPermaLink="true" only when the id is the url and a safe URL), link (url), title
//   (headline), description (the summary when there is one, else the HTML body), content:encoded
//   (the HTML body when there is a summary, possibly empty), pubDate (date_published), atom:updated
//   (date_modified), dc:language, dc:rights, dc:creator (authors), category (+domain),
//   media:content (every Media, Media RSS; a `pressroom:role` attribute keeps the role),
//   atom:link (every Link), source (+url). For foreign readers only: one enclosure (the first
//   media) and comments (the first "replies" link); pressroom ignores them.
// - Each item ends with one `<pressroom:article>` holding, in canonical XML, only the fields
//   the native elements cannot give back exactly (kind, dateline, contact_note, the entity
//   references, statements, extensions, an author with an id or roles, a date whose precision
//   RFC 822 loses...). Its presence marks the item as pressroom's own: the reader then reads
//   the native elements exactly (no trimming, no sanitising) and lets the residual win.
//   Attributes: body="blocks" when the HTML body was rendered from the body blocks (the reader
//   parses it back into blocks, removing the dateline and contact note added to it);
//   derived="title creator" names native elements the writer made up (a title taken from the
//   id, a dc:creator taken from the publisher), which the reader ignores.
// - The entity tables (`<pressroom:organization>`...) follow the native channel head; the record
//   writer writes an entity record that arrives later as a channel element before the next
//   item. The channel ends with the Feed record (native channel elements may hold derived
//   values), the Document's version and extensions: the record writer streams, writing the
//   channel head when the first article arrives and every article and entity record at once.
// - The channel link is required (RSS 2.0): home_page_url, else feed_url, else the publisher's
//   url, else the first article url or alternate link, else feed.id when it is an IRI; a
//   Document without any URL gets the placeholder "urn:pressroom:feed" and a warning (lint
//   reports it); the pressroom:feed record keeps the real (empty) values.
#include <ostream>

#include "detail/url.hpp"
#include "formats/feed/module.hpp"
#include "formats/feed/xml_out.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/rss.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace rss {

namespace {

using feed_detail::model_html;
using feed_detail::model_text;
using feed_detail::XmlOut;
namespace rss_targets = feed_detail::rss_targets;

void write_media(XmlOut& x, const Media& m) {
  std::string length, duration, width, height;
  if (m.length_bytes) length = std::to_string(*m.length_bytes);
  if (m.duration_seconds) duration = detail::format_double(*m.duration_seconds);
  if (m.width) width = std::to_string(*m.width);
  if (m.height) height = std::to_string(*m.height);
  const std::string_view role = m.role == MediaRole::unspecified ? "" : to_string(m.role);
  const bool children = !m.title.empty() || !m.caption.empty() || !m.credit.empty();
  const std::initializer_list<XmlOut::Attr> attrs = {
      {"url", m.url},   {"type", m.media_type}, {"fileSize", length}, {"duration", duration},
      {"width", width}, {"height", height},     {"lang", m.language}, {"pressroom:role", role}};
  if (!children) {
    x.empty("media:content", attrs);
    return;
  }
  x.open("media:content", attrs);
  x.text(rss_targets::media_title, m.title, model_text);
  x.text(rss_targets::media_description, m.caption, model_text);
  x.text(rss_targets::media_credit, m.credit, model_text);
  x.close("media:content");
}

void write_link(XmlOut& x, const Link& l) {
  const std::string length = l.length_bytes ? std::to_string(*l.length_bytes) : std::string();
  x.empty("atom:link", {{"href", l.href},
                        {"rel", l.rel},
                        {"type", l.media_type},
                        {"hreflang", l.hreflang},
                        {"title", l.title},
                        {"length", length}});
}

// Writes an RFC 822 date; true when the reader gets `dt` back from it.
bool write_date(XmlOut& x, feed_detail::WriteDiagnostics& diag, std::string_view name,
                const DateTime& dt, const std::string& path, bool rfc3339 = false) {
  std::string s;
  const DateTime shown = feed_detail::without_leap_second(dt);
  const auto outcome =
      rfc3339 ? feed_detail::append_rfc3339(s, shown) : feed_detail::append_rfc822(s, shown);
  feed_detail::warn_date(diag, outcome, path);
  x.element(name, s);
  return feed_detail::date_survives(s, dt);
}

void write_item(XmlOut& x, feed_detail::WriteDiagnostics& diag,
                const feed_detail::EntityNames& names, const Article& article, std::size_t index) {
  const feed_detail::ArticleFields& f = feed_detail::article_fields();
  feed_detail::NativeFields native;
  std::string derived;
  const std::string path = "articles[" + std::to_string(index) + "]";
  Article inert;
  const Article& a = feed_detail::with_inert_foreign(article, "rss", inert, diag, path);
  x.open("item");
  bool from_blocks = false;
  std::string storage;
  const std::string_view body = feed_detail::article_html(a, from_blocks, storage);
  // The description is the summary (text) when there is one, else the HTML body.
  const bool summary = !a.summary.empty();
  const std::string_view description = summary ? std::string_view(a.summary) : body;
  if (a.headline.empty() && description.empty()) {
    // RSS 2.0: "at least one of title or description must be present".
    diag.warn(ErrorCode::missing_field, "item without title or description: id used as title",
              path + ".headline");
    x.text(rss_targets::item_title, a.id, model_text);
    derived = "title";
  } else {
    x.text(rss_targets::item_title, a.headline, model_text);
  }
  native.add(f.headline);
  x.element("link", a.url);
  native.add(f.url);
  x.text(rss_targets::item_description, description, summary ? model_text : model_html);
  if (summary) x.text(rss_targets::content_encoded, body, model_html, {}, true);
  native.add(f.summary);
  native.add(f.body_html);
  if (from_blocks) native.add(f.body);
  bool authors_native = true;
  for (const auto& au : a.authors) {
    x.text(rss_targets::creator, names.ref_name(au), model_text);
    authors_native = authors_native && feed_detail::plain_ref(au);
  }
  if (authors_native) native.add(f.authors);
  if (a.authors.empty() && !a.publisher_id.empty()) {
    const std::string name = names.organization(a.publisher_id);
    if (!name.empty()) {
      x.text(rss_targets::creator, name, model_text);
      derived += derived.empty() ? "creator" : " creator";
    }
  }
  bool categories_native = true;
  for (const auto& c : a.categories) {
    x.text(rss_targets::category, c.term, model_text, {{"domain", c.scheme}});
    categories_native = categories_native && !c.term.empty() && c.label.empty() &&
                        c.kind == CategoryKind::unspecified;
  }
  if (categories_native) native.add(f.categories);
  // One enclosure for foreign readers (RSS Best Practices: one per item); Media RSS carries
  // every media.
  for (const auto& m : a.media) {
    if (m.url.empty()) continue;
    const std::string length = std::to_string(m.length_bytes.value_or(0));
    const std::string type = m.media_type.empty() ? "application/octet-stream" : m.media_type;
    x.empty("enclosure", {{"url", m.url}, {"length", length}, {"type", type}});
    break;
  }
  bool media_native = true;
  for (const auto& m : a.media) {
    if (!m.url.empty()) write_media(x, m);
    media_native = media_native && !m.url.empty() && m.alt_text.empty();
  }
  if (media_native) native.add(f.media);
  for (const auto& l : a.links) {
    if (l.rel == "replies" && !l.href.empty()) {
      x.element("comments", l.href);
      break;
    }
  }
  bool links_native = true;
  for (const auto& l : a.links) {
    // Feed readers take an alternate atom:link as the item's link: links without a rel or
    // with "alternate" are written as "related" and travel in the residual; a link repeating
    // the url (with attributes of its own) is left to the residual alone.
    const bool alternate = l.rel.empty() || l.rel == "alternate";
    links_native = links_native && !l.href.empty() && !alternate;
    if (l.href.empty() || (alternate && l.href == a.url)) continue;
    if (alternate) {
      Link related = l;
      related.rel = "related";
      write_link(x, related);
    } else {
      write_link(x, l);
    }
  }
  if (links_native) native.add(f.links);
  if (!a.id.empty()) {
    // Readers take a permalink guid for the item's link: only an id the URL filter allows.
    const bool permalink =
        a.id == a.url && feed_detail::has_scheme(a.id) && detail::is_safe_url(a.id);
    x.element("guid", a.id, {{"isPermaLink", permalink ? "true" : "false"}});
  } else {
    diag.warn(ErrorCode::missing_field, "article without id: no guid written", path + ".id");
  }
  native.add(f.id);
  if (!a.date_published ||
      write_date(x, diag, "pubDate", *a.date_published, path + ".date_published"))
    native.add(f.date_published);
  if (!a.date_modified ||
      write_date(x, diag, "atom:updated", *a.date_modified, path + ".date_modified", true))
    native.add(f.date_modified);
  x.element("dc:language", a.language);
  native.add(f.language);
  x.text(rss_targets::rights, a.rights, model_text);
  native.add(f.rights);
  if (a.source && !a.source->href.empty()) {
    const Link& s = *a.source;
    const std::string& title = s.title.empty() ? s.href : s.title;
    x.text(rss_targets::source, title, model_text, {{"url", s.href}});
    if (!s.title.empty() && s.rel == "via" && s.media_type.empty() && s.hreflang.empty() &&
        !s.length_bytes)
      native.add(f.source);
  } else if (!a.source) {
    native.add(f.source);
  }
  // Foreign elements read from this format go back as they were (when they are well-formed
  // fragments of foreign namespaces); other formats' extensions travel in the residual.
  const auto ext = a.extensions.find("rss");
  bool extensions_native = a.extensions.empty();
  if (ext != a.extensions.end() && feed_detail::foreign_fragment_ok(ext->second)) {
    x.raw_line(ext->second);
    extensions_native = a.extensions.size() == 1;
  }
  if (extensions_native) native.add(f.extensions);
  feed_detail::write_own_article(x, a, native, from_blocks, derived);
  x.close("item");
}

// The channel link (required): the first of home_page_url, feed_url, the publisher's url, the
// first article url, the first alternate link of an article, and feed.id when it is an IRI
// that the URL filter allows.
std::string channel_link(const Document& doc) {
  const Feed& f = doc.feed;
  if (!f.home_page_url.empty()) return f.home_page_url;
  if (!f.feed_url.empty()) return f.feed_url;
  if (const Organization* o = feed_detail::feed_publisher(doc))
    if (!o->url.empty()) return o->url;
  for (const auto& a : doc.articles)
    if (!a.url.empty()) return a.url;
  for (const auto& a : doc.articles)
    for (const auto& l : a.links)
      if ((l.rel.empty() || l.rel == "alternate") && !l.href.empty()) return l.href;
  if (feed_detail::has_scheme(f.id) && detail::is_safe_url(f.id)) return f.id;
  return {};
}

// The link written when the Document has no URL at all (a valid absolute URI; the same
// placeholder the Atom writer uses for a feed without id).
constexpr const char* placeholder_link = "urn:pressroom:feed";

// Writes RSS 2.0 in three steps (channel head, items, tail) so that the record writer can
// stream the items.
class Emitter {
 public:
  Emitter(std::string& out, const WriteOptions& options) : x_(out, options) {}

  // `doc` holds the feed and what is known of the entities and articles when the head is
  // written (required elements are derived from them). False when the head cannot be written.
  bool head(const Document& doc) {
    XmlOut& x = x_;
    feed_detail::WriteDiagnostics& diag = diag_;
    Feed inert;
    const Feed& f = feed_detail::with_inert_foreign(doc.feed, "rss", inert, diag, "feed");
    std::string link = channel_link(doc);
    if (link.empty()) {
      link = placeholder_link;
      diag.warn(ErrorCode::missing_field,
                "Document without any URL: RSS 2.0 requires a channel link, wrote " +
                    detail::quote(link) + " (set feed.home_page_url)",
                "feed.home_page_url");
    } else if (f.home_page_url.empty()) {
      diag.warn(ErrorCode::missing_field,
                "feed without home_page_url: channel link " + detail::quote(link),
                "feed.home_page_url");
    }
    x.out() += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    x.open("rss", {{"version", "2.0"},
                   {"xmlns:atom", "http://www.w3.org/2005/Atom"},
                   {"xmlns:content", "http://purl.org/rss/1.0/modules/content/"},
                   {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                   {"xmlns:media", "http://search.yahoo.com/mrss/"},
                   {"xmlns:pressroom", pressroom_namespace}});
    x.open("channel");
    std::string title = f.title;
    if (title.empty()) {
      if (const Organization* o = feed_detail::feed_publisher(doc)) title = o->name;
      if (title.empty()) title = "Untitled";
      diag.warn(ErrorCode::missing_field, "feed without title: wrote " + detail::quote(title),
                "feed.title");
    }
    x.text(rss_targets::channel_title, title, model_text);
    x.element("link", link);
    std::string description = f.description;
    if (description.empty()) {
      description = title;
      diag.warn(ErrorCode::missing_field, "feed without description: title used",
                "feed.description");
    }
    x.text(rss_targets::channel_description, description, model_text);
    if (!f.feed_url.empty())
      x.empty("atom:link",
              {{"href", f.feed_url}, {"rel", "self"}, {"type", "application/rss+xml"}});
    if (!f.next_url.empty()) x.empty("atom:link", {{"href", f.next_url}, {"rel", "next"}});
    x.element("language", f.language);
    x.text(rss_targets::copyright, f.rights, model_text);
    if (f.updated) (void)write_date(x, diag, "lastBuildDate", *f.updated, "feed.updated");
    for (const auto& c : f.categories)
      x.text(rss_targets::category, c.term, model_text, {{"domain", c.scheme}});
    if (!f.generator.name.empty()) {
      std::string g = f.generator.name;
      if (!f.generator.version.empty()) g += " " + f.generator.version;
      x.text(rss_targets::generator, g, model_text);
    }
    if (f.ttl_minutes && *f.ttl_minutes >= 0) x.element("ttl", std::to_string(*f.ttl_minutes));
    const std::string& image = f.logo.empty() ? f.icon : f.logo;
    if (!image.empty()) {
      x.open("image");
      x.element("url", image);
      x.text(rss_targets::image_title, title, model_text);
      x.element("link", link);
      x.close("image");
    }
    for (const auto& a : f.authors)
      x.text(rss_targets::creator, feed_detail::ref_name(doc, a), model_text);
    // Foreign channel elements read from RSS go back as they were (the Feed record carries
    // them for pressroom).
    if (const auto ext = f.extensions.find("rss");
        ext != f.extensions.end() && feed_detail::foreign_fragment_ok(ext->second))
      x.raw_line(ext->second);
    feed_detail::write_pressroom_tables(x, doc);
    return true;
  }

  static constexpr bool tables_at_tail = true;

  void item(const feed_detail::EntityNames& names, const Article& a, const Document*, bool) {
    write_item(x_, diag_, names, a, index_++);
  }

  // An entity record that arrived after the head: a channel element before the next item.
  void record(const Record& r) { feed_detail::write_pressroom_record(x_, r); }

  bool tail(const Document& doc, const feed_detail::Drain&) {
    Feed inert;
    feed_detail::write_pressroom_feed_head(
        x_, doc, feed_detail::with_inert_foreign(doc.feed, "rss", inert, diag_, "feed"));
    x_.close("channel");
    x_.close("rss");
    x_.out() += '\n';
    feed_detail::warn_stripped(x_, diag_);
    return true;
  }

  std::vector<Error>& warnings() { return diag_.warnings(); }
  static Error head_error() { return detail::make_error(ErrorCode::io, "rss", "no head"); }

 private:
  XmlOut x_;
  feed_detail::WriteDiagnostics diag_{"rss"};
  std::size_t index_ = 0;
};

}  // namespace

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  return detail::guard_memory("rss", "writing", [&]() -> Result<std::string> {
    return feed_detail::write_whole<Emitter>(doc, options, feed_detail::estimate_feed_size(doc),
                                             "rss");
  });
}

std::unique_ptr<RecordWriter> open_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<feed_detail::StreamingFeedWriter<Emitter>>(out, options);
}

}  // namespace rss
PRESSROOM_ABI_END
}  // namespace pressroom
