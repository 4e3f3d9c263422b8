// SPDX-License-Identifier: MIT
// Atom 1.0 writer (RFC 4287): straight into a string, entries in Document order, the
// pressroom extension carrying what Atom has no element for.
#include <ostream>

#include "formats/feed/xml_out.hpp"
#include "pressroom/atom.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace atom {

namespace {

using feed_detail::XmlOut;

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
  feed_detail::warn_date(diag, feed_detail::append_rfc3339(s, dt), path);
  return s;
}

std::string body_markup(const Article& a) {
  if (!a.body_html.empty()) return a.body_html;
  std::vector<Block> blocks = a.body;
  if (a.dateline && !a.dateline->raw.empty()) {
    if (!blocks.empty() && blocks.front().type == BlockType::paragraph) {
      blocks.front().text = a.dateline->raw + " " + blocks.front().text;
    } else {
      blocks.insert(blocks.begin(), Block{BlockType::paragraph, a.dateline->raw});
    }
  }
  if (!a.contact_note.empty()) blocks.push_back(Block{BlockType::paragraph, a.contact_note});
  return feed_detail::blocks_to_html(blocks);
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
  x.element("name", name, {}, true);
  x.close(element);
}

void write_entry(XmlOut& x, feed_detail::WriteDiagnostics& diag, const Document& doc,
                 const Article& a, std::size_t index, const std::string& feed_updated,
                 bool feed_has_author) {
  const std::string path = "articles[" + std::to_string(index) + "]";
  x.open("entry");
  if (a.id.empty())
    diag.warn(ErrorCode::missing_field, "article without id: atom:id derived", path + ".id");
  else if (!feed_detail::has_scheme(a.id))
    diag.warn(ErrorCode::invalid_value, "article id is not an IRI: written as a urn:pressroom:id",
              path + ".id");
  std::string id = a.id.empty()
                       ? (a.url.empty() ? "urn:pressroom:item:" + std::to_string(index) : a.url)
                       : atom_id(a.id);
  x.element("id", id);
  x.element("title", a.headline, {{"type", "text"}}, true);
  if (a.headline.empty())
    diag.warn(ErrorCode::missing_field, "article without headline: empty atom:title",
              path + ".headline");
  std::string updated;
  if (a.date_modified) updated = rfc3339(diag, *a.date_modified, path + ".date_modified");
  if (updated.empty() && a.date_published)
    updated = rfc3339(diag, *a.date_published, path + ".date_published");
  if (updated.empty()) {
    updated = feed_updated;
    diag.warn(ErrorCode::missing_field, "article without a full date: feed's updated used",
              path + ".date_modified");
  }
  x.element("updated", updated);
  if (a.date_published) {
    std::string published;
    feed_detail::append_rfc3339(published, *a.date_published);
    x.element("published", published);
  }
  bool has_author = false;
  for (const auto& au : a.authors) {
    write_person(x, "author", feed_detail::ref_name(doc, au));
    has_author = true;
  }
  if (!has_author && !feed_has_author) {
    std::string name = feed_detail::organization_name(doc, a.publisher_id);
    if (name.empty()) {
      name = "Unknown";
      diag.warn(ErrorCode::missing_field,
                "entry without author and feed without author: \"Unknown\" written",
                path + ".authors");
    }
    write_person(x, "author", name);
  }
  if (!a.url.empty()) x.empty("link", {{"rel", "alternate"}, {"href", a.url}});
  bool alternate_written = !a.url.empty();
  for (const auto& l : a.links) {
    const bool alternate = l.rel.empty() || l.rel == "alternate";
    if (alternate) {
      // RFC 4287 §4.1.1 allows one alternate link per type and hreflang, and readers pick one
      // of them as "the" link: the url stays the only alternate, further ones are written as
      // related for foreign readers (the extension keeps them as they are).
      if (alternate_written) {
        Link related = l;
        related.rel = "related";
        write_link(x, related);
        continue;
      }
      alternate_written = true;
    }
    write_link(x, l);
  }
  for (const auto& m : a.media) {
    if (m.url.empty()) continue;
    const std::string length = m.length_bytes ? std::to_string(*m.length_bytes) : std::string();
    x.empty("link", {{"rel", "enclosure"},
                     {"href", m.url},
                     {"type", m.media_type},
                     {"title", m.title},
                     {"length", length}});
  }
  if (a.source && !a.source->href.empty()) {
    Link via = *a.source;
    via.rel = "via";
    write_link(x, via);
  }
  for (const auto& c : a.categories)
    x.empty("category", {{"term", c.term}, {"scheme", c.scheme}, {"label", c.label}});
  x.element("summary", a.summary, {{"type", "text"}});
  const std::string body = body_markup(a);
  if (!body.empty()) {
    x.element("content", body, {{"type", "html"}});
  } else if (a.url.empty()) {
    // RFC 4287 §4.1.1: an entry without content needs a link rel="alternate".
    diag.warn(ErrorCode::missing_field, "entry without content or url", path + ".url");
  }
  x.element("rights", a.rights, {{"type", "text"}});
  feed_detail::write_pressroom_article(x, a);
  x.close("entry");
}

}  // namespace

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  std::string out;
  out.reserve(4096 + doc.articles.size() * 4096);
  feed_detail::WriteDiagnostics diag("atom");
  XmlOut x(out, options);
  const Feed& f = doc.feed;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
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
  x.element("title", title, {{"type", "text"}});
  x.element("subtitle", f.description, {{"type", "text"}});
  // updated (required): the feed's, else the latest entry date, else the epoch.
  std::string updated;
  if (f.updated) updated = rfc3339(diag, *f.updated, "feed.updated");
  if (updated.empty()) {
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
      feed_detail::append_rfc3339(updated, *latest);
    } else {
      updated = "1970-01-01T00:00:00Z";
    }
    diag.warn(ErrorCode::missing_field, "feed without updated: wrote " + updated, "feed.updated");
  }
  x.element("updated", updated);
  bool feed_has_author = false;
  for (const auto& a : f.authors) {
    write_person(x, "author", feed_detail::ref_name(doc, a));
    feed_has_author = true;
  }
  if (!feed_has_author) {
    const Organization* o = feed_detail::feed_publisher(doc);
    if (o && !o->name.empty()) {
      write_person(x, "author", o->name);
      feed_has_author = true;
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
    x.element("generator", f.generator.name,
              {{"uri", f.generator.uri}, {"version", f.generator.version}});
  x.element("icon", f.icon);
  x.element("logo", f.logo);
  x.element("rights", f.rights, {{"type", "text"}});
  feed_detail::write_pressroom_head(x, doc);
  for (std::size_t i = 0; i < doc.articles.size(); ++i)
    write_entry(x, diag, doc, doc.articles[i], i, updated, feed_has_author);
  x.close("feed");
  out += '\n';
  if (x.stripped() > 0)
    diag.warn(ErrorCode::invalid_value,
              std::to_string(x.stripped()) +
                  " characters that XML 1.0 forbids (or invalid UTF-8) were left out");
  Result<std::string> r(std::move(out));
  r.warnings() = std::move(diag.warnings());
  return r;
}

}  // namespace atom
PRESSROOM_ABI_END
}  // namespace pressroom
