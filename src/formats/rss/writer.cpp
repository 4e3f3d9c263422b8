// SPDX-License-Identifier: MIT
// RSS 2.0 writer: straight into a string, items in Document order, every namespace declared
// on the root, the pressroom extension carrying what RSS has no element for.
#include <ostream>

#include "formats/feed/module.hpp"
#include "formats/feed/xml_out.hpp"
#include "pressroom/rss.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace rss {

namespace {

using feed_detail::XmlOut;

// The HTML body of an article for content:encoded / description: body_html when present,
// else the blocks, with the dateline in front and the contact note after (MODEL.md 5.2).
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

void write_date(XmlOut& x, feed_detail::WriteDiagnostics& diag, std::string_view name,
                const std::optional<DateTime>& dt, const std::string& path) {
  if (!dt) return;
  std::string s;
  const auto outcome = feed_detail::append_rfc822(s, *dt);
  feed_detail::warn_date(diag, outcome, path);
  x.element(name, s);
}

void write_item(XmlOut& x, feed_detail::WriteDiagnostics& diag, const Document& doc,
                const Article& a, std::size_t index) {
  const std::string path = "articles[" + std::to_string(index) + "]";
  x.open("item");
  const std::string body = body_markup(a);
  std::string description;
  std::string encoded;
  if (!a.summary.empty()) {
    description = a.summary;
    encoded = body;
  } else {
    description = body;
  }
  if (a.headline.empty() && description.empty()) {
    // RSS 2.0: "all elements of an item are optional, however at least one of title or
    // description must be present".
    diag.warn(ErrorCode::missing_field, "item without title or description: id used as title",
              path + ".headline");
    x.element("title", a.id);
  }
  x.element("title", a.headline);
  x.element("link", a.url);
  x.element("description", description);
  x.element("content:encoded", encoded);
  for (const auto& au : a.authors) x.element("dc:creator", feed_detail::ref_name(doc, au));
  if (a.authors.empty() && !a.publisher_id.empty())
    x.element("dc:creator", feed_detail::organization_name(doc, a.publisher_id));
  for (const auto& c : a.categories) x.element("category", c.term, {{"domain", c.scheme}});
  for (const auto& l : a.links) {
    if (l.rel == "replies") {
      x.element("comments", l.href);
      break;
    }
  }
  // One enclosure per item in practice (RSS Best Practices); the others travel in the
  // pressroom extension.
  for (const auto& m : a.media) {
    if (m.url.empty()) continue;
    const std::string length = std::to_string(m.length_bytes.value_or(0));
    const std::string type = m.media_type.empty() ? "application/octet-stream" : m.media_type;
    x.empty("enclosure", {{"url", m.url}, {"length", length}, {"type", type}});
    break;
  }
  if (!a.id.empty()) {
    const bool permalink = a.id == a.url && feed_detail::has_scheme(a.id);
    x.element("guid", a.id, {{"isPermaLink", permalink ? "true" : "false"}});
  } else {
    diag.warn(ErrorCode::missing_field, "article without id: no guid written", path + ".id");
  }
  write_date(x, diag, "pubDate", a.date_published, path + ".date_published");
  if (a.source && !a.source->href.empty()) {
    const std::string& title = a.source->title.empty() ? a.source->href : a.source->title;
    x.element("source", title, {{"url", a.source->href}});
  }
  feed_detail::write_pressroom_article(x, a);
  x.close("item");
}

// Writes RSS 2.0 in three steps (channel head, items, tail) so that the record writer can
// stream the items: the pressroom extension of the channel (Feed record, entity tables) goes
// after the items, where RSS allows channel elements too.
class Emitter {
 public:
  Emitter(std::string& out, const WriteOptions& options) : x_(out, options) {}

  // `doc` holds the feed and what is known of the entities and articles when the head is
  // written (required elements are derived from them).
  void head(const Document& doc) {
    XmlOut& x = x_;
    feed_detail::WriteDiagnostics& diag = diag_;
    x.out() += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    x.open("rss", {{"version", "2.0"},
                   {"xmlns:atom", "http://www.w3.org/2005/Atom"},
                   {"xmlns:content", "http://purl.org/rss/1.0/modules/content/"},
                   {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
                   {"xmlns:pressroom", pressroom_namespace}});
    x.open("channel");
    const Feed& f = doc.feed;
    std::string title = f.title;
    if (title.empty()) {
      if (const Organization* o = feed_detail::feed_publisher(doc)) title = o->name;
      if (title.empty()) title = "Untitled";
      diag.warn(ErrorCode::missing_field, "feed without title: wrote " + detail::quote(title),
                "feed.title");
    }
    x.element("title", title);
    std::string link = f.home_page_url;
    if (link.empty()) link = f.feed_url;
    if (link.empty())
      if (const Organization* o = feed_detail::feed_publisher(doc)) link = o->url;
    if (link.empty() && !doc.articles.empty()) link = doc.articles.front().url;
    if (link.empty()) {
      diag.warn(ErrorCode::missing_field, "feed without home_page_url: channel link left out",
                "feed.home_page_url");
    } else if (f.home_page_url.empty()) {
      diag.warn(ErrorCode::missing_field,
                "feed without home_page_url: channel link " + detail::quote(link),
                "feed.home_page_url");
    }
    x.element("link", link);
    std::string description = f.description;
    if (description.empty()) {
      description = title;
      diag.warn(ErrorCode::missing_field, "feed without description: title used",
                "feed.description");
    }
    x.element("description", description);
    if (!f.feed_url.empty())
      x.empty("atom:link",
              {{"href", f.feed_url}, {"rel", "self"}, {"type", "application/rss+xml"}});
    if (!f.next_url.empty()) x.empty("atom:link", {{"href", f.next_url}, {"rel", "next"}});
    x.element("language", f.language);
    x.element("copyright", f.rights);
    write_date(x, diag, "lastBuildDate", f.updated, "feed.updated");
    for (const auto& c : f.categories) x.element("category", c.term, {{"domain", c.scheme}});
    if (!f.generator.name.empty()) {
      std::string g = f.generator.name;
      if (!f.generator.version.empty()) g += " " + f.generator.version;
      x.element("generator", g);
    }
    if (f.ttl_minutes && *f.ttl_minutes >= 0) x.element("ttl", std::to_string(*f.ttl_minutes));
    const std::string& image = f.logo.empty() ? f.icon : f.logo;
    if (!image.empty() && !link.empty()) {
      x.open("image");
      x.element("url", image);
      x.element("title", title);
      x.element("link", link);
      x.close("image");
    }
    for (const auto& a : f.authors) x.element("dc:creator", feed_detail::ref_name(doc, a));
  }

  void item(const Document& doc, const Article& a) { write_item(x_, diag_, doc, a, index_++); }

  void tail(const Document& doc) {
    feed_detail::write_pressroom_head(x_, doc);
    x_.close("channel");
    x_.close("rss");
    x_.out() += '\n';
    if (x_.stripped() > 0)
      diag_.warn(ErrorCode::invalid_value,
                 std::to_string(x_.stripped()) +
                     " characters that XML 1.0 forbids (or invalid UTF-8) were left out");
  }

  std::vector<Error>& warnings() { return diag_.warnings(); }

 private:
  XmlOut x_;
  feed_detail::WriteDiagnostics diag_{"rss"};
  std::size_t index_ = 0;
};

}  // namespace

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  std::string out;
  out.reserve(4096 + doc.articles.size() * 4096);
  Emitter e(out, options);
  e.head(doc);
  for (const auto& a : doc.articles) e.item(doc, a);
  e.tail(doc);
  Result<std::string> r(std::move(out));
  r.warnings() = std::move(e.warnings());
  return r;
}

std::unique_ptr<RecordWriter> open_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<feed_detail::StreamingFeedWriter<Emitter>>(out, options);
}

}  // namespace rss
PRESSROOM_ABI_END
}  // namespace pressroom
