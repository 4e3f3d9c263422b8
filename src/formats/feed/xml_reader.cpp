// SPDX-License-Identifier: MIT
// One reader for every XML feed dialect (RSS 0.90-2.0, RSS 1.0 RDF, Atom 0.3 and 1.0), as
// feedparser does: the dialects share most elements, and real feeds mix them. pugixml gives
// the tree (no DTD processing, no entity expansion, nothing fetched); namespaces are resolved
// here because pugixml does not process them.
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <istream>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <unordered_set>

#include "detail/inert_xml.hpp"
#include "detail/input_buffer.hpp"
#include "detail/url.hpp"
#include "formats/feed/feed.hpp"
#include "formats/feed/xml_out.hpp"
#include "formats/xml/codec.hpp"
#include "pressroom/model/enums.hpp"

namespace pressroom::feed_detail {

namespace {

enum class Ns {
  none,
  rss,
  atom,
  atom03,
  dc,
  dcterms,
  content,
  xhtml,
  media,
  pressroom,
  rdf,
  xml,
  other
};

Ns ns_of_uri(std::string_view uri) {
  if (uri.empty()) return Ns::none;
  if (uri == "http://www.w3.org/2005/Atom") return Ns::atom;
  if (uri == "http://purl.org/atom/ns#") return Ns::atom03;
  if (uri == "http://purl.org/rss/1.0/" || uri == "http://my.netscape.com/rdf/simple/0.9/" ||
      uri == "http://backend.userland.com/rss2" || uri == "http://backend.userland.com/rss" ||
      uri == "http://blogs.law.harvard.edu/tech/rss" || uri == "http://purl.org/net/rss1.1#")
    return Ns::rss;
  if (uri == "http://purl.org/dc/elements/1.1/" || uri == "http://purl.org/dc/elements/1.0/")
    return Ns::dc;
  if (uri == "http://purl.org/dc/terms/") return Ns::dcterms;
  if (uri == "http://purl.org/rss/1.0/modules/content/") return Ns::content;
  if (uri == "http://www.w3.org/1999/xhtml") return Ns::xhtml;
  if (uri == "http://search.yahoo.com/mrss/" || uri == "http://search.yahoo.com/mrss")
    return Ns::media;
  if (uri == pressroom_ns) return Ns::pressroom;
  if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::rdf;
  if (uri == "http://www.w3.org/XML/1998/namespace") return Ns::xml;
  return Ns::other;
}

std::string_view local_name(std::string_view qname) {
  const std::size_t c = qname.find(':');
  return c == std::string_view::npos ? qname : qname.substr(c + 1);
}
// The same for a name pugixml gives: one pass, no strlen.
std::string_view local_name(const char* qname) {
  const char* start = qname;
  const char* p = qname;
  for (; *p != '\0'; ++p)
    if (*p == ':' && start == qname) start = p + 1;
  return std::string_view(start, static_cast<std::size_t>(p - start));
}
std::string_view prefix_of(std::string_view qname) {
  const std::size_t c = qname.find(':');
  return c == std::string_view::npos ? std::string_view{} : qname.substr(0, c);
}

// In-scope namespace declarations and xml:base/xml:lang, pushed per element.
struct Scope {
  std::vector<std::pair<std::string_view, std::string_view>> decls;  // prefix -> uri
  std::vector<std::size_t> marks;
};

// What the reader knows about the element being processed.
struct Ctx {
  std::string base;
  std::string lang;
};

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

class Reader {
 public:
  Reader(std::string_view text, const ReadOptions& options, std::string_view format)
      : text_(text), options_(options), diag_(options, format, text) {}

  detail::Diagnostics& diag() { return diag_; }
  // Tells the reader that the input is clean (Decoded::clean) and refers to no character XML
  // 1.0 forbids, so that text values need no check of their own.
  void set_input_clean(bool clean) { input_clean_ = clean; }

  bool read(pugi::xml_document& xdoc, Document& doc, FeedVersion& version) {
    const pugi::xml_node root = xdoc.document_element();
    if (!root) {
      diag_.fail(ErrorCode::syntax, "no root element", 0);
      return false;
    }
    if (!xml_codec::check_depth(root, 1, diag_)) return false;
    if (!sink_) reserve_articles(root, doc);
    push(root);
    const Ns rns = ns_of(root);
    root_uri_ = std::string(uri_of(root));
    const std::string_view rname = local_name(root.name());
    Ctx ctx;
    ctx.base = options_.base_url;
    ctx = enter(root, ctx);
    // The head (the channel or feed metadata, and the tables written there) is read whole
    // before the first item, so that a stream hands on the Feed record first.
    if (detail::iequals(rname, "rss") && rns != Ns::atom && rns != Ns::atom03) {
      const std::string v = std::string(detail::trim(root.attribute("version").value()));
      if (v == "2" || v.rfind("2.", 0) == 0)
        version = FeedVersion::rss20;
      else if (v == "0.91")
        version = netscape_ ? FeedVersion::rss091n : FeedVersion::rss091u;
      else if (v == "0.92")
        version = FeedVersion::rss092;
      else if (v == "0.93")
        version = FeedVersion::rss093;
      else if (v == "0.94")
        version = FeedVersion::rss094;
      else
        version = FeedVersion::rss;
      const pugi::xml_node channel = child(root, "channel");
      if (!channel) {
        // No channel: an empty feed, or items directly under <rss> (seen in the wild).
        if (!head_read(ctx, doc, {root}, "item")) return false;
        for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling())
          if (is_item(n) && !read_item(n, ctx, doc)) return false;
        pop();
        return !diag_.failed();
      }
      push(channel);
      const Ctx cctx = enter(channel, ctx);
      if (!read_channel(channel, cctx, doc, doc.feed) ||
          !head_read(ctx, doc, {channel, root}, "item"))
        return false;
      // Items are children of the channel; a few feeds put them beside it.
      for (pugi::xml_node n = channel.first_child(); n; n = n.next_sibling())
        if (is_item(n) && !read_item(n, cctx, doc)) return false;
      pop();
      for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling())
        if (is_item(n) && !read_item(n, ctx, doc)) return false;
    } else if (rname == "RDF" && rns == Ns::rdf) {
      version = FeedVersion::rss10;
      for (const auto& d : scope_.decls)
        if (d.first.empty() && d.second == "http://my.netscape.com/rdf/simple/0.9/")
          version = FeedVersion::rss090;
      const pugi::xml_node channel = child(root, "channel");
      if (channel) {
        push(channel);
        if (uri_of(channel) == "http://my.netscape.com/rdf/simple/0.9/")
          version = FeedVersion::rss090;
        if (!read_channel(channel, enter(channel, ctx), doc, doc.feed)) return false;
        pop();
      }
      // RSS 1.0 puts the image, like the items, beside the channel.
      for (pugi::xml_node n = root.first_child(); n && doc.feed.logo.empty();
           n = n.next_sibling()) {
        if (n.type() != pugi::node_element || local_name(n.name()) != "image") continue;
        push(n);
        doc.feed.logo = url(text_of(child(n, "url")), enter(n, ctx));
        pop();
      }
      if (!head_read(ctx, doc, {root}, "item")) return false;
      for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element || local_name(n.name()) != "item") continue;
        push(n);
        Ctx scratch;
        const bool ok = read_item_scoped(n, enter(n, ctx, scratch), doc) && flush(doc);
        pop();
        if (!ok) return false;
      }
    } else if (rname == "feed") {
      version = rns == Ns::atom03 ? FeedVersion::atom03 : FeedVersion::atom10;
      if (rns == Ns::atom03 || (rns != Ns::atom && root.attribute("version"))) {
        version = FeedVersion::atom03;
      }
      atom03_ = version == FeedVersion::atom03;
      if (!read_channel(root, ctx, doc, doc.feed) || !head_read(ctx, doc, {root}, "entry"))
        return false;
      for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling())
        if (n.type() == pugi::node_element && local_name(n.name()) == "entry" &&
            !read_item(n, ctx, doc))
          return false;
    } else {
      diag_.fail(ErrorCode::not_this_format,
                 "root element " + detail::quote(root.name()) + " is not rss, rdf:RDF or feed",
                 offset(root));
      return false;
    }
    pop();
    return !diag_.failed();
  }

  // Stream mode: each record goes to `sink` as soon as it is read (see flush()), and no
  // article is kept.
  void set_sink(const RecordSink* sink) { sink_ = sink; }
  [[nodiscard]] bool sink_failed() const { return sink_failed_; }
  [[nodiscard]] const Error& sink_error() const { return sink_error_; }

  void set_netscape(bool n) { netscape_ = n; }

 private:
  // Reserves room for the items of an RSS root and its channels, or the entries of an Atom
  // feed, so that the articles are built in place without moving. At most one Article per KB
  // of input: an input of empty items does not reserve more than it is worth.
  void reserve_articles(const pugi::xml_node& root, Document& doc) const {
    const bool atom = local_name(root.name()) == "feed";
    const std::string_view wanted = atom ? "entry" : "item";
    std::size_t n = 0;
    const auto count = [&](const pugi::xml_node& parent) {
      for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == wanted) ++n;
    };
    count(root);
    if (!atom) {
      for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c.name()) == "channel") count(c);
    }
    const std::size_t cap =
        std::min<std::size_t>(options_.limits.max_records, text_.size() / 1024 + 16);
    doc.articles.reserve(std::min(n, cap));
  }

 private:
  // The head is read: the feed takes the root's xml:lang when it has no language of its own,
  // and in stream mode the Feed record and the tables read so far go to the sink.
  //
  // pressroom's Atom record writer puts a Feed record that arrives after the head inside an
  // entry, where read() takes it (the last one wins). A stream hands on the Feed before the
  // items, so in stream mode the items (children of `parents` named `item_name`) are searched
  // for it first, when the root or channel declares the pressroom namespace, as that writer's
  // output does.
  bool head_read(const Ctx& root_ctx, Document& doc, std::initializer_list<pugi::xml_node> parents,
                 std::string_view item_name) {
    if (!pressroom_feed_ && doc.feed.language.empty() && !root_ctx.lang.empty() && root_lang_)
      doc.feed.language = root_ctx.lang;
    if (sink_ && pressroom_declared()) {
      for (const pugi::xml_node& parent : parents) {
        for (pugi::xml_node item = parent.first_child(); item; item = item.next_sibling()) {
          if (item.type() != pugi::node_element || local_name(item.name()) != item_name) continue;
          push(item);
          if (own_marker(item)) {
            for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling())
              if (c.type() == pugi::node_element && local_name(c.name()) == "feed" &&
                  child_ns(c) == Ns::pressroom)
                late_feed_ = c;
          }
          pop();
        }
      }
      if (late_feed_ && !channel_extension(late_feed_, doc)) return false;
    }
    return flush(doc);
  }

  bool pressroom_declared() const {
    for (const auto& d : scope_.decls)
      if (d.second == pressroom_ns) return true;
    return false;
  }

  // Stream mode: hands the sink what was read since the last call, in an order a record
  // writer can place: the Feed record (once, first), the new rows of the tables, then the
  // article, which is dropped. Table rows are kept, since later authors are matched against
  // them (they are a small part of a feed). The Document's own pressroom_version and
  // extensions belong to no record: skipped with one warning. False = stop.
  bool flush(Document& doc) {
    if (!sink_) return true;
    if (!feed_sent_) {
      feed_sent_ = true;
      if (!doc.feed.empty() && !emit(Record(doc.feed))) return false;
    }
    if (!document_level_warned_ &&
        (!doc.extensions.empty() || doc.pressroom_version != model_version)) {
      document_level_warned_ = true;
      if (!diag_.warn(ErrorCode::unsupported,
                      "document-level pressroom_version and extensions skipped: they belong to "
                      "no record, and records are streamed",
                      detail::npos, "extensions"))
        return false;
    }
    if (!send_new(doc.organizations, sent_[0]) || !send_new(doc.commissioners, sent_[1]) ||
        !send_new(doc.people, sent_[2]) || !send_new(doc.legislation, sent_[3]) ||
        !send_new(doc.contacts, sent_[4]))
      return false;
    for (Article& a : doc.articles) {
      ++articles_sent_;
      if (!emit(Record(std::move(a)))) return false;
    }
    doc.articles.clear();
    return true;
  }

  template <class T>
  bool send_new(const std::vector<T>& rows, std::size_t& sent) {
    for (; sent < rows.size(); ++sent)
      if (!emit(Record(rows[sent]))) return false;
    return true;
  }

  bool emit(Record&& record) {
    Status st = (*sink_)(std::move(record));
    if (st) return true;
    sink_failed_ = true;
    sink_error_ = st.error();
    return false;
  }

  // The index of the next article in the Document (or the stream).
  std::size_t next_article(const Document& doc) const {
    return articles_sent_ + doc.articles.size();
  }

  // ---- namespaces ----
  void push(const pugi::xml_node& n) {
    scope_.marks.push_back(scope_.decls.size());
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (name == "xmlns")
        scope_.decls.emplace_back(std::string_view{}, a.value());
      else if (name.substr(0, 6) == "xmlns:")
        scope_.decls.emplace_back(name.substr(6), a.value());
    }
  }
  void pop() {
    scope_.decls.resize(scope_.marks.back());
    scope_.marks.pop_back();
  }
  // Resolves the prefix of `n` (whose own declarations must be pushed) to a URI.
  std::string_view uri_of(const pugi::xml_node& n) {
    const std::string_view p = prefix_of(n.name());
    if (p == "xml") return "http://www.w3.org/XML/1998/namespace";
    for (auto it = scope_.decls.rbegin(); it != scope_.decls.rend(); ++it)
      if (it->first == p) return it->second;
    if (!p.empty() && undeclared_.insert(std::string(p)).second) {
      (void)warn(ErrorCode::syntax, "undeclared namespace prefix " + detail::quote(p), n);
    }
    return {};
  }
  Ns ns_of(const pugi::xml_node& n) {
    const std::string_view uri = uri_of(n);
    const Ns ns = ns_of_uri(uri);
    // Elements in the root's namespace are the feed's own, whatever that namespace is
    // (feeds declare mistyped or future namespaces; feedparser reads them the same).
    if (ns == Ns::other && uri == root_uri_) return Ns::none;
    return ns;
  }
  // Namespace of a child while its own declarations are in scope.
  Ns child_ns(const pugi::xml_node& n) {
    if (!n.first_attribute()) return ns_of(n);
    push(n);
    const Ns ns = ns_of(n);
    pop();
    return ns;
  }

  // enter() without a copy when `n` sets neither xml:base nor xml:lang (most elements):
  // `parent` itself, else `scratch` filled.
  const Ctx& enter(const pugi::xml_node& n, const Ctx& parent, Ctx& scratch) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const char* name = a.name();
      if (name[0] == 'x' && name[1] == 'm' && name[2] == 'l' && name[3] == ':') {
        scratch = enter(n, parent);
        return scratch;
      }
    }
    return parent;
  }

  Ctx enter(const pugi::xml_node& n, const Ctx& parent) {
    Ctx c = parent;
    if (const pugi::xml_attribute b = n.attribute("xml:base")) {
      // A base that does not resolve to a usable URL (javascript:, data:, garbage) is ignored:
      // the parent's stays in force.
      std::string base = resolve_url(parent.base, b.value());
      if (!base.empty() || detail::trim(b.value()).empty()) {
        c.base = std::move(base);
      } else if (warned_bases_.insert(b.value()).second) {
        (void)warn(ErrorCode::invalid_value,
                   "xml:base " + detail::quote(b.value()) + " ignored: not a usable URL", n);
      }
    }
    if (const pugi::xml_attribute l = n.attribute("xml:lang")) {
      c.lang = detail::trim(l.value());
      std::replace(c.lang.begin(), c.lang.end(), '_', '-');  // BCP 47 separates with hyphens
    }
    return c;
  }

  pugi::xml_node child(const pugi::xml_node& n, std::string_view local) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element && local_name(c.name()) == local) return c;
    return {};
  }

  bool is_item(const pugi::xml_node& n) const {
    return n.type() == pugi::node_element && local_name(n.name()) == "item";
  }

  std::size_t offset(const pugi::xml_node& n) const { return xml_codec::node_offset(n); }

  bool warn(ErrorCode code, std::string message, const pugi::xml_node& n, std::string path = {}) {
    return diag_.warn(code, std::move(message), n ? offset(n) : detail::npos, std::move(path));
  }

  // ---- values ----

  // The text content of an element (all text and CDATA children), checked: invalid UTF-8 from
  // character references is repaired, characters XML 1.0 forbids are removed.
  std::string text_of(const pugi::xml_node& n) {
    std::string s;
    if (!n) return s;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) s += c.value();
    }
    check_text(s, n);
    return s;
  }

  void check_text(std::string& s, const pugi::xml_node& n) {
    if (s.size() > options_.limits.max_string_bytes) {
      diag_.fail(ErrorCode::limit_exceeded, "text longer than max_string_bytes", offset(n));
      s.clear();
      return;
    }
    if (!input_clean_ && detail::find_xml_forbidden(s) != detail::npos) {
      detail::strip_xml_forbidden(s);
      (void)warn(ErrorCode::invalid_value, "characters XML 1.0 forbids removed", n);
    }
  }

  std::string url(std::string_view s, const Ctx& ctx) {
    const std::string_view t = detail::trim(s);
    if (t.empty()) return {};
    return resolve_url(ctx.base, t);
  }

  // Serialises the children of `n` as HTML (for inline XHTML, and RSS descriptions written
  // with unescaped markup), dropping namespace prefixes.
  void serialize_children(const pugi::xml_node& n, std::string& out, std::size_t depth) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      switch (c.type()) {
        case pugi::node_pcdata:
        case pugi::node_cdata: {
          const std::string_view v = c.value();
          for (const char ch : v) {
            if (ch == '<')
              out += "&lt;";
            else if (ch == '>')
              out += "&gt;";
            else if (ch == '&')
              out += "&amp;";
            else
              out += ch;
          }
          break;
        }
        case pugi::node_element: {
          const std::string_view name = local_name(c.name());
          out += '<';
          out += name;
          for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
            const std::string_view an = a.name();
            if (an == "xmlns" || an.substr(0, 6) == "xmlns:") continue;
            out += ' ';
            out += an;
            out += "=\"";
            for (const char ch : std::string_view(a.value())) {
              if (ch == '"')
                out += "&quot;";
              else if (ch == '&')
                out += "&amp;";
              else if (ch == '<')
                out += "&lt;";
              else
                out += ch;
            }
            out += '"';
          }
          if (!c.first_child()) {
            out += " />";
          } else {
            out += '>';
            if (depth < options_.limits.max_depth) serialize_children(c, out, depth + 1);
            out += "</";
            out += name;
            out += '>';
          }
          break;
        }
        default:
          break;
      }
    }
  }

  // Content kinds of text constructs.
  enum class Kind { text, html, xhtml };

  // The value of a text construct (Atom title/summary/content/rights, RSS elements that may
  // hold HTML). RSS: `rss_html` says the element holds HTML by convention.
  std::string construct(const pugi::xml_node& n, Kind& kind, bool rss_html) {
    std::string type = lower(detail::trim(n.attribute("type").value()));
    const std::string mode = lower(detail::trim(n.attribute("mode").value()));
    bool has_element_child = false;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
      if (c.type() == pugi::node_element) has_element_child = true;
    if (type.empty()) {
      kind = rss_html ? Kind::html : Kind::text;
      if (atom03_ && mode.empty()) kind = Kind::text;
    } else if (type == "text" || type == "text/plain") {
      kind = Kind::text;
    } else if (type == "html" || type == "text/html") {
      kind = Kind::html;
    } else if (type == "xhtml" || type == "application/xhtml+xml") {
      kind = Kind::xhtml;
    } else if (type.rfind("text/", 0) == 0 || type.find("xml") != std::string::npos) {
      kind = Kind::text;
    } else {
      // RFC 4287 §4.1.3.3: other media types are Base64-encoded.
      kind = Kind::text;
      std::string v = base64(text_of(n));
      if (v.find('<') != std::string::npos) kind = Kind::html;
      return v;
    }
    if (mode == "escaped") kind = kind == Kind::text && !type.empty() ? Kind::text : Kind::html;
    if (mode == "xml") kind = Kind::xhtml;
    if (has_element_child && kind != Kind::xhtml) {
      // Unescaped markup inside a text element: read it as inline XHTML.
      kind = Kind::xhtml;
    }
    if (kind == Kind::xhtml) {
      std::string out;
      pugi::xml_node div;
      std::size_t elements = 0;
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) {
          ++elements;
          div = c;
        }
      }
      // Atom 1.0 xhtml content is wrapped in one xhtml:div, which is not part of the value.
      if (elements == 1 && local_name(div.name()) == "div" && !type.empty()) {
        serialize_children(div, out, 1);
      } else {
        serialize_children(n, out, 1);
      }
      check_text(out, n);
      return out;
    }
    std::string s = text_of(n);
    if (mode == "base64") s = base64(s);
    return s;
  }

  static std::string base64(std::string_view in) {
    std::string out;
    std::uint32_t acc = 0;
    int bits = 0;
    for (const char c : in) {
      int v = -1;
      if (c >= 'A' && c <= 'Z')
        v = c - 'A';
      else if (c >= 'a' && c <= 'z')
        v = c - 'a' + 26;
      else if (c >= '0' && c <= '9')
        v = c - '0' + 52;
      else if (c == '+')
        v = 62;
      else if (c == '/')
        v = 63;
      if (v < 0) continue;
      acc = (acc << 6) | static_cast<std::uint32_t>(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((acc >> bits) & 0xFF);
      }
    }
    if (detail::find_invalid_utf8(out) != detail::npos) detail::repair_utf8(out);
    return out;
  }

  // Plain text of a construct: markup removed, entities decoded, blocks joined.
  std::string plain(const std::string& value, Kind kind) {
    if (kind == Kind::text) return value;
    const std::vector<Block> blocks = html_blocks(value);
    std::string out;
    for (const auto& b : blocks) {
      if (!out.empty()) out += ' ';
      out += b.text;
    }
    return out;
  }

  // Sets body/body_html of `a` from a construct.
  void set_body(Article& a, const std::string& value, Kind kind, const Ctx& ctx) {
    if (kind == Kind::text) {
      a.body = text_blocks(value);
      a.body_html.clear();
      return;
    }
    HtmlResult h = process_html(value, ctx.base, options_.keep_raw_html);
    a.body = std::move(h.blocks);
    a.body_html = std::move(h.html);
  }

  // The date in `n`; the model path of a warning is `path` followed by `field` (built only
  // then).
  std::optional<DateTime> date(const pugi::xml_node& n, std::string_view path,
                               std::string_view field = {}) {
    const std::string s = text_of(n);
    bool nonstandard = false, impossible = false;
    auto d = parse_feed_date(s, &nonstandard, &impossible);
    if (!d) {
      (void)warn(ErrorCode::invalid_value,
                 (impossible ? "impossible date " : "unreadable date ") + detail::quote(s) +
                     " in <" + std::string(n.name()) + ">",
                 n, std::string(path) + std::string(field));
      return std::nullopt;
    }
    return d;
  }

  // "Name (email)" / "email (Name)" / "Name <email>" as RSS writes people: the name part.
  static std::string person_name(std::string_view s) {
    s = detail::trim(s);
    const std::size_t open = s.find('(');
    const std::size_t close = s.rfind(')');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
      const std::string_view inner = detail::trim(s.substr(open + 1, close - open - 1));
      const std::string_view outer = detail::trim(s.substr(0, open));
      if (outer.find('@') != std::string_view::npos && !inner.empty()) return std::string(inner);
      if (!outer.empty()) return std::string(outer);
    }
    const std::size_t lt = s.find('<');
    if (lt != std::string_view::npos && lt > 0 && s.find('@', lt) != std::string_view::npos)
      return std::string(detail::trim(s.substr(0, lt)));
    return std::string(s);
  }

  // An Atom person construct (author, contributor). A person given with a URI or an e-mail
  // address becomes a Person record in `doc.people` (merged with an equal one), referenced
  // by id; a bare name stays a name.
  EntityRef atom_person(const pugi::xml_node& n, const Ctx& ctx, Document& doc) {
    EntityRef r;
    std::string email, uri;
    pugi::xml_node name_node;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view ln = local_name(c.name());
      if (ln == "name") {
        if (!name_node) name_node = c;
      } else if (ln == "email") {
        if (email.empty()) email = collapse_space(text_of(c));
      } else if (ln == "uri" || ln == "url" || ln == "homepage") {
        if (uri.empty()) uri = url(text_of(c), enter(c, ctx));
      }
    }
    std::string name = name_node ? collapse_space(text_of(name_node)) : std::string();
    if (name.empty()) name = email;
    if (name.empty()) name = collapse_space(text_of(n));
    r.name = name;
    // The person as feeds print it ("Name (email)"), so that the e-mail is not lost.
    if (!email.empty() && email != name) r.as_written = name + " (" + email + ")";
    if (!uri.empty() || !email.empty()) r.id = person_record(name, uri, email, doc);
    return r;
  }

  // The id of the Person with this name, home page and e-mail in `doc.people`, added if new.
  std::string person_record(const std::string& name, const std::string& uri,
                            const std::string& email, Document& doc) {
    std::string slug = detail::slugify(!name.empty() ? name : !email.empty() ? email : uri);
    if (slug.empty()) slug = "person";
    const std::string base = "person:" + slug;
    std::string id = base;
    for (int k = 2;; ++k) {
      const auto it = people_.find(id);
      if (it != people_.end()) {
        const Person& p = doc.people[it->second];
        const bool same_email = email.empty()
                                    ? p.emails.empty()
                                    : (p.emails.size() == 1 && p.emails[0].address == email);
        if (p.name.full == name && p.url == uri && same_email) return id;
      } else if (!find_person(doc, id) && !find_commissioner(doc, id)) {
        break;
      }
      id = base + "-" + std::to_string(k);
    }
    Person p;
    p.id = id;
    p.name.full = name;
    p.url = uri;
    if (!email.empty()) p.emails.push_back(Email{email, {}, EmailKind::unspecified});
    people_.emplace(id, doc.people.size());
    doc.people.push_back(std::move(p));
    return id;
  }

  // How a feed gave a text construct: its media type (Atom), and the xml:lang and xml:base in
  // scope when they differ from the record's. `record_lang` is the language the record
  // inherits; an explicitly blank xml:lang is `und` (BCP 47 "undetermined").
  std::optional<TextInfo> text_info(const pugi::xml_node& n, const Ctx& c,
                                    std::string_view record_lang, bool atom) {
    TextInfo t;
    if (atom) {
      const std::string type = lower(detail::trim(n.attribute("type").value()));
      const std::string mode = lower(detail::trim(n.attribute("mode").value()));
      if (type.empty() || type == "text")
        t.media_type = atom03_ && mode == "escaped" ? "text/html" : "text/plain";
      else if (type == "html")
        t.media_type = "text/html";
      else if (type == "xhtml")
        t.media_type = "application/xhtml+xml";
      else
        t.media_type = type;
    }
    if (c.lang != record_lang) t.language = c.lang.empty() ? std::string("und") : c.lang;
    if (!c.base.empty() && c.base != options_.base_url) t.base = c.base;
    if (t.media_type.empty() && t.language.empty() && t.base.empty()) return std::nullopt;
    return t;
  }

  Link atom_link(const pugi::xml_node& n, const Ctx& ctx) {
    Link l;
    l.href = url(n.attribute("href").value(), ctx);
    // A link written with its IRI as content (seen in the wild): use the content.
    if (!n.attribute("href")) l.href = url(text_of(n), ctx);
    l.rel = std::string(detail::trim(n.attribute("rel").value()));
    if (l.rel == "alternate") l.rel.clear();
    l.media_type = std::string(detail::trim(n.attribute("type").value()));
    l.title = n.attribute("title").value();
    l.hreflang = std::string(detail::trim(n.attribute("hreflang").value()));
    const std::string len(detail::trim(n.attribute("length").value()));
    if (!len.empty() && len.size() < 19 &&
        std::all_of(len.begin(), len.end(), [](char c) { return c >= '0' && c <= '9'; }))
      l.length_bytes = std::stoull(len);
    return l;
  }

  static std::optional<std::uint64_t> number(std::string_view s) {
    s = detail::trim(s);
    if (s.empty() || s.size() > 18) return std::nullopt;
    std::uint64_t v = 0;
    for (const char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return v;
  }

  // ---- the pressroom extension ----

  template <class T>
  bool canonical(const pugi::xml_node& n, T& out, const std::string& path) {
    std::string prefix(prefix_of(n.name()));
    if (!prefix.empty()) prefix += ':';
    xml_codec::ReadContext rc;
    rc.depth = depth_of(n);
    return xml_codec::read_element(n, out, prefix, diag_, path, rc);
  }

  static std::size_t depth_of(pugi::xml_node n) {
    std::size_t d = 0;
    for (; n && n.type() == pugi::node_element; n = n.parent()) ++d;
    return d;
  }

  // Reads a pressroom element at channel level; false = stop.
  bool channel_extension(const pugi::xml_node& n, Document& doc) {
    const std::string_view ln = local_name(n.name());
    if (ln == "feed") {
      pressroom_feed_ = true;
      Feed f;
      if (!canonical(n, f, "feed")) return false;
      doc.feed = std::move(f);
    } else if (ln == "pressroom_version") {
      doc.pressroom_version = text_of(n);
    } else if (ln == "extensions") {
      doc.extensions[n.attribute("format").value()] = text_of(n);
    } else if (ln == "organization") {
      return table(n, doc.organizations, "organizations");
    } else if (ln == "commissioner") {
      return table(n, doc.commissioners, "commissioners");
    } else if (ln == "person") {
      return table(n, doc.people, "people");
    } else if (ln == "legislation") {
      return table(n, doc.legislation, "legislation");
    } else if (ln == "contact") {
      return table(n, doc.contacts, "contacts");
    }
    return !diag_.failed();
  }

  template <class T>
  bool table(const pugi::xml_node& n, std::vector<T>& rows, const char* name) {
    if (!count_record(n, sizeof(T))) return false;
    T row;
    if (!canonical(n, row, std::string(name) + "[" + std::to_string(rows.size()) + "]"))
      return false;
    rows.push_back(std::move(row));
    return true;
  }

  // Counts a record against max_records and, when it is kept (not handed on to a sink), its
  // `bytes` against the memory budget.
  bool count_record(const pugi::xml_node& n, std::size_t bytes) {
    if (++records_ > options_.limits.max_records) {
      diag_.fail(ErrorCode::limit_exceeded, "more records than max_records", offset(n));
      return false;
    }
    return sink_ != nullptr || diag_.charge(bytes, offset(n));
  }

  // ---- foreign elements ----

  // Keeps an element of a namespace no reader maps (iTunes, GeoRSS, a site's own...) in
  // `extensions` under "rss" or "atom" (the dialect of `parent`: an item or channel, an entry
  // or Atom feed) as a self-contained XML fragment (append_foreign), so that writing the same
  // format puts it back.
  // Kept inert (detail::make_inert_xml): what executes, includes or fetches is dropped with a
  // warning.
  void keep_foreign(const pugi::xml_node& n, Extensions& extensions, const pugi::xml_node& parent) {
    const std::string_view dialect = local_name(parent.name());
    std::string one;
    append_foreign(one, n, uri_of(n));
    detail::InertXml inert = detail::make_inert_xml(one);
    if (!inert.dropped.empty() &&
        !warn(ErrorCode::unsupported, detail::inert_warning(inert.dropped), n))
      return;
    if (inert.fragment.empty()) return;
    std::string& kept = extensions[dialect == "entry" || dialect == "feed" ? "atom" : "rss"];
    kept += inert.fragment;
    if (kept.size() > options_.limits.max_string_bytes)
      diag_.fail(ErrorCode::limit_exceeded, "foreign elements kept exceed limits.max_string_bytes",
                 offset(n));
  }

  // ---- pressroom's own items (the plan is in the comment at the top of rss/writer.cpp) ----

  // The `<pressroom:article>` child that marks an item written by pressroom, or null.
  pugi::xml_node own_marker(const pugi::xml_node& item) {
    for (pugi::xml_node n = item.last_child(); n; n = n.previous_sibling()) {
      if (n.type() != pugi::node_element || local_name(n.name()) != "article") continue;
      if (child_ns(n) == Ns::pressroom) return n;
    }
    return {};
  }

  std::optional<DateTime> own_date(const pugi::xml_node& n, std::string_view path,
                                   std::string_view field) {
    return date(n, path, field);
  }

  // A decimal std::uint64_t as the writer printed it (the whole range).
  static std::optional<std::uint64_t> own_u64(std::string_view s) {
    std::uint64_t v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || r.ec != std::errc{} || r.ptr != s.data() + s.size()) return std::nullopt;
    return v;
  }

  static Link own_link(const pugi::xml_node& n) {
    Link l;
    l.href = n.attribute("href").value();
    l.rel = n.attribute("rel").value();
    l.media_type = n.attribute("type").value();
    l.title = n.attribute("title").value();
    l.hreflang = n.attribute("hreflang").value();
    l.length_bytes = own_u64(n.attribute("length").value());
    return l;
  }

  Media own_media(const pugi::xml_node& n) {
    Media m;
    m.url = n.attribute("url").value();
    m.media_type = n.attribute("type").value();
    m.length_bytes = own_u64(n.attribute("fileSize").value());
    const std::string_view d = n.attribute("duration").value();
    if (!d.empty()) {
      double v = 0;
      const auto r = std::from_chars(d.data(), d.data() + d.size(), v);
      if (r.ec == std::errc{} && r.ptr == d.data() + d.size()) m.duration_seconds = v;
    }
    const auto int_attr = [&](const char* name) -> std::optional<int> {
      const std::string_view t = n.attribute(name).value();
      int v = 0;
      const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
      if (t.empty() || r.ec != std::errc{} || r.ptr != t.data() + t.size()) return std::nullopt;
      return v;
    };
    m.width = int_attr("width");
    m.height = int_attr("height");
    m.language = n.attribute("lang").value();
    const std::string_view role = n.attribute("pressroom:role").value();
    if (!role.empty()) {
      if (auto r = enum_from_string<MediaRole>(role)) m.role = *r;
    }
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view ln = local_name(c.name());
      if (ln == "title") m.title = text_of(c);
      if (ln == "description") m.caption = text_of(c);
      if (ln == "credit") m.credit = text_of(c);
    }
    return m;
  }

  // Reads an item or entry written by pressroom: the residual `own` in canonical XML, the
  // native elements exactly as the writer wrote them (no trimming, sanitising or resolving),
  // the residual winning; pressroom records written inside the item (the Atom record writer
  // puts late ones there) go to the tables.
  bool read_own_item(const pugi::xml_node& item, const pugi::xml_node& own, Document& doc,
                     const std::string& path) {
    Article a;
    push(own);
    const bool ok = canonical(own, a, path);
    pop();
    if (!ok) return false;
    const std::string_view derived = own.attribute("derived").value();
    const auto is_derived = [&](std::string_view name) {
      std::size_t i = 0;
      while (i < derived.size()) {
        std::size_t e = derived.find(' ', i);
        if (e == std::string_view::npos) e = derived.size();
        if (derived.substr(i, e - i) == name) return true;
        i = e + 1;
      }
      return false;
    };
    const bool entry = local_name(item.name()) == "entry";
    Article n;
    std::string description, html;
    bool have_content = false, url_seen = false;
    if (entry) n.language = item.attribute("xml:lang").value();
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element || c == own) continue;
      push(c);
      const Ns ns = ns_of(c);
      const std::string_view ln = local_name(c.name());
      bool go = true;
      if (ns == Ns::pressroom) {
        // (a late Feed record a stream has read with the head is not read twice)
        go = c == late_feed_ || channel_extension(c, doc);
      } else if (entry && (ns == Ns::atom || ns == Ns::none)) {
        if (ln == "id") {
          if (!is_derived("id")) n.id = text_of(c);
        } else if (ln == "title") {
          n.headline = text_of(c);
        } else if (ln == "updated") {
          if (!is_derived("updated")) n.date_modified = own_date(c, path, ".date_modified");
        } else if (ln == "published") {
          n.date_published = own_date(c, path, ".date_published");
        } else if (ln == "author") {
          if (!is_derived("author"))
            n.authors.push_back(EntityRef{{}, text_of(child(c, "name")), {}, {}});
        } else if (ln == "link") {
          Link l = own_link(c);
          if (l.rel == "alternate" && !url_seen) {
            n.url = std::move(l.href);
            url_seen = true;
          } else if (l.rel == "enclosure") {
            Media m;
            m.url = std::move(l.href);
            m.media_type = std::move(l.media_type);
            m.role = MediaRole::enclosure;
            m.length_bytes = l.length_bytes;
            m.title = std::move(l.title);
            n.media.push_back(std::move(m));
          } else if (l.rel == "via" && !n.source) {
            n.source = std::move(l);
          } else {
            n.links.push_back(std::move(l));
          }
        } else if (ln == "category") {
          n.categories.push_back(Category{c.attribute("term").value(), c.attribute("label").value(),
                                          c.attribute("scheme").value(),
                                          CategoryKind::unspecified});
        } else if (ln == "summary") {
          n.summary = text_of(c);
        } else if (ln == "content") {
          html = text_of(c);
        } else if (ln == "rights") {
          n.rights = text_of(c);
        }
      } else if (!entry && (ns == Ns::none || ns == Ns::rss)) {
        if (ln == "title") {
          if (!is_derived("title")) n.headline = text_of(c);
        } else if (ln == "link") {
          n.url = text_of(c);
        } else if (ln == "description") {
          description = text_of(c);
        } else if (ln == "guid") {
          n.id = text_of(c);
        } else if (ln == "pubDate") {
          n.date_published = own_date(c, path, ".date_published");
        } else if (ln == "category") {
          n.categories.push_back(
              Category{text_of(c), {}, c.attribute("domain").value(), CategoryKind::unspecified});
        } else if (ln == "source") {
          n.source = Link{c.attribute("url").value(), "via", {}, text_of(c), {}, std::nullopt};
        }
      } else if (!entry && ns == Ns::content && ln == "encoded") {
        html = text_of(c);
        have_content = true;
      } else if (!entry && ns == Ns::dc) {
        if (ln == "creator") {
          if (!is_derived("creator")) n.authors.push_back(EntityRef{{}, text_of(c), {}, {}});
        } else if (ln == "language") {
          n.language = text_of(c);
        } else if (ln == "rights") {
          n.rights = text_of(c);
        }
      } else if (!entry && ns == Ns::atom) {
        if (ln == "link") n.links.push_back(own_link(c));
        if (ln == "updated") n.date_modified = own_date(c, path, ".date_modified");
      } else if (!entry && ns == Ns::media && ln == "content") {
        n.media.push_back(own_media(c));
      } else if (ns == Ns::other) {
        keep_foreign(c, n.extensions, item);
      }
      pop();
      if (!go || diag_.failed()) return false;
    }
    if (!entry) {
      if (have_content) {
        n.summary = from_target(rss_targets::item_description, std::move(description), model_text);
      } else {
        html = std::move(description);
      }
    }
    if (std::string_view(own.attribute("body").value()) == "blocks") {
      Article b;
      b.dateline = a.dateline;
      b.contact_note = a.contact_note;
      if (article_blocks_from_html(html, b)) {
        n.body = std::move(b.body);
      } else if (!warn(ErrorCode::invalid_value, "body of a pressroom item is not block HTML", item,
                       path + ".body")) {
        return false;
      }
    } else {
      n.body_html = std::move(html);
    }
    fill_empty_fields(a, std::move(n));
    if (sanitise_own_html(a.body_html, options_) &&
        !warn(ErrorCode::invalid_value, kUnsafeHtmlRemoved, item, path + ".body_html"))
      return false;
    ids_.insert(a.id);
    doc.articles.push_back(std::move(a));
    return !diag_.failed();
  }

  // ---- channel / feed ----

  // Reads the metadata of a channel or feed into `f` (doc.feed, or an Atom entry's `source`
  // when `source` is true: no pressroom extension there, no language inherited).
  bool read_channel(const pugi::xml_node& channel, const Ctx& ctx, Document& doc, Feed& f,
                    bool source = false) {
    std::optional<DateTime> updated, published;
    if (!source) root_lang_ = !ctx.lang.empty();
    for (pugi::xml_node n = channel.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      // Items and entries are read by their local name, whatever their namespace, by
      // read_item().
      const std::string_view name = local_name(n.name());
      if (name == "item" || name == "entry") {
        if (name.data() != n.name()) {  // a prefix: warn here if it is undeclared, as for others
          push(n);
          (void)uri_of(n);
          pop();
          if (diag_.failed()) return false;
        }
        continue;
      }
      push(n);
      const Ns ns = ns_of(n);
      const std::string_view ln = local_name(n.name());
      Ctx scratch;
      const Ctx& c = enter(n, ctx, scratch);
      bool ok = true;
      if (ns == Ns::pressroom) {
        if (!source) ok = channel_extension(n, doc);
      } else if (ns == Ns::none || ns == Ns::rss || ns == Ns::atom || ns == Ns::atom03) {
        const bool atom = ns == Ns::atom || ns == Ns::atom03 || (atom03_ && ns == Ns::none);
        if (ln == "title") {
          Kind k;
          const std::string v = construct(n, k, false);
          if (f.title.empty()) {
            f.title = collapse_space(plain(v, k));
            f.title_info = text_info(n, c, ctx.lang, atom);
          }
        } else if (ln == "link") {
          if (atom || n.attribute("href")) {
            Link l = atom_link(n, c);
            std::string* slot = l.rel.empty()     ? &f.home_page_url
                                : l.rel == "self" ? &f.feed_url
                                : l.rel == "next" ? &f.next_url
                                                  : nullptr;
            const bool detailed =
                !l.media_type.empty() || !l.title.empty() || !l.hreflang.empty() || l.length_bytes;
            if (l.href.empty()) {
              // RSS "link" in the Atom namespace without href: ignore.
            } else if (slot && slot->empty()) {
              *slot = l.href;
              if (detailed) f.links.push_back(std::move(l));
            } else {
              f.links.push_back(std::move(l));
            }
          } else if (f.home_page_url.empty()) {
            f.home_page_url = url(text_of(n), c);
          }
        } else if (ln == "description" || ln == "subtitle" || ln == "tagline") {
          Kind k;
          const std::string v = construct(n, k, ln == "description");
          if (f.description.empty()) {
            f.description = collapse_space(plain(v, k));
            f.description_info = text_info(n, c, ctx.lang, atom);
          }
        } else if (ln == "info" && atom) {
          Kind k;
          const std::string v = construct(n, k, false);
          if (f.info.empty()) f.info = collapse_space(plain(v, k));
        } else if (ln == "language") {
          if (f.language.empty()) f.language = std::string(detail::trim(text_of(n)));
        } else if (ln == "copyright" || ln == "rights") {
          Kind k;
          const std::string v = construct(n, k, false);
          if (f.rights.empty()) {
            f.rights = collapse_space(plain(v, k));
            f.rights_info = text_info(n, c, ctx.lang, atom);
          }
        } else if (ln == "contributor" && atom) {
          EntityRef r = atom_person(n, c, doc);
          r.roles.emplace_back("contributor");
          if (!r.name.empty() || !r.id.empty()) f.authors.push_back(std::move(r));
        } else if (ln == "lastBuildDate" || ln == "updated" || ln == "modified") {
          if (!updated) updated = date(n, "feed.updated");
        } else if (ln == "pubDate" || ln == "published" || ln == "issued") {
          published = date(n, "feed.updated");
        } else if (ln == "generator") {
          f.generator.name = collapse_space(text_of(n));
          f.generator.uri = url(n.attribute(atom03_ ? "url" : "uri").value(), c);
          if (f.generator.uri.empty()) f.generator.uri = url(n.attribute("url").value(), c);
          f.generator.version = std::string(detail::trim(n.attribute("version").value()));
        } else if (ln == "ttl") {
          const std::string t = text_of(n);
          if (auto v = number(t); v && *v < 1000000000) {
            f.ttl_minutes = static_cast<int>(*v);
          } else if (!warn(ErrorCode::invalid_value,
                           "ttl " + detail::quote(t) +
                               " is not a number of minutes (0 to 999999999): ignored",
                           n, "feed.ttl_minutes")) {
            ok = false;
          }
        } else if (ln == "image") {
          if (f.logo.empty()) f.logo = url(text_of(child(n, "url")), c);
        } else if (ln == "icon") {
          f.icon = url(text_of(n), c);
        } else if (ln == "logo") {
          f.logo = url(text_of(n), c);
        } else if (ln == "category") {
          Category cat;
          if (atom) {
            cat.term = n.attribute("term").value();
            cat.scheme = n.attribute("scheme").value();
            cat.label = n.attribute("label").value();
          } else {
            cat.term = collapse_space(text_of(n));
            cat.scheme = n.attribute("domain").value();
          }
          if (!cat.term.empty()) f.categories.push_back(std::move(cat));
        } else if (ln == "managingEditor" || ln == "webMaster") {
          const std::string raw = collapse_space(text_of(n));
          const std::string v = person_name(raw);
          if (!v.empty()) f.authors.push_back(EntityRef{{}, v, {}, raw == v ? "" : raw});
        } else if (ln == "author") {
          if (atom) {
            EntityRef r = atom_person(n, c, doc);
            if (!r.name.empty() || !r.id.empty()) f.authors.push_back(std::move(r));
          } else {
            const std::string raw = collapse_space(text_of(n));
            const std::string v = person_name(raw);
            if (!v.empty()) f.authors.push_back(EntityRef{{}, v, {}, raw == v ? "" : raw});
          }
        } else if (ln == "id") {
          f.id = std::string(detail::trim(text_of(n)));
        }
      } else if (ns == Ns::dc || ns == Ns::dcterms) {
        if (ln == "title") {
          if (f.title.empty()) f.title = collapse_space(text_of(n));
        } else if (ln == "description") {
          if (f.description.empty()) f.description = collapse_space(text_of(n));
        } else if (ln == "language") {
          if (f.language.empty()) f.language = std::string(detail::trim(text_of(n)));
        } else if (ln == "rights") {
          if (f.rights.empty()) f.rights = collapse_space(text_of(n));
        } else if (ln == "date" || ln == "modified") {
          if (!updated) updated = date(n, "feed.updated");
        } else if (ln == "issued" || ln == "created") {
          if (!published) published = date(n, "feed.updated");
        } else if (ln == "creator" || ln == "publisher" || ln == "author") {
          const std::string raw = collapse_space(text_of(n));
          const std::string v = person_name(raw);
          if (!v.empty()) f.authors.push_back(EntityRef{{}, v, {}, raw == v ? "" : raw});
        } else if (ln == "subject") {
          const std::string v = collapse_space(text_of(n));
          if (!v.empty()) f.categories.push_back(Category{v, {}, {}, CategoryKind::unspecified});
        }
      } else if (ns == Ns::other && !source) {
        keep_foreign(n, f.extensions, channel);
      }
      pop();
      if (!ok || diag_.failed()) return false;
    }
    if (!pressroom_feed_ || source) {
      if (updated)
        f.updated = updated;
      else if (published)
        f.updated = published;
      if (f.language.empty() && !ctx.lang.empty() && !source) f.language = ctx.lang;
    }
    return !diag_.failed();
  }

  // ---- items / entries ----

  bool read_item(const pugi::xml_node& item, const Ctx& parent, Document& doc) {
    push(item);
    Ctx scratch;
    const bool ok = read_item_scoped(item, enter(item, parent, scratch), doc) && flush(doc);
    pop();
    return ok;
  }

  bool read_item_scoped(const pugi::xml_node& item, const Ctx& ctx, Document& doc) {
    if (!count_record(item, sizeof(Article))) return false;
    const std::size_t index = next_article(doc);
    const std::string path = "articles[" + std::to_string(index) + "]";
    if (const pugi::xml_node own = own_marker(item)) return read_own_item(item, own, doc, path);
    // Built in place (the Document is dropped when reading stops with an error).
    Article& a = doc.articles.emplace_back();
    bool from_extension = false;
    std::string guid;
    bool guid_permalink = false;
    std::string rss_description;
    Kind description_kind = Kind::html;
    bool have_description = false;
    std::string content;
    Kind content_kind = Kind::text;
    bool have_content = false;
    Ctx content_ctx = ctx;
    std::string summary;
    Kind summary_kind = Kind::text;
    bool have_summary = false;
    std::optional<TextInfo> description_info, content_info, summary_info;
    std::optional<DateTime> published, updated, dc_date;
    for (pugi::xml_node n = item.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      push(n);
      const Ns ns = ns_of(n);
      const std::string_view ln = local_name(n.name());
      Ctx scratch;
      const Ctx& c = enter(n, ctx, scratch);
      if (ns == Ns::pressroom) {
        if (ln == "article") {
          Article x;
          if (!canonical(n, x, path)) {
            pop();
            return false;
          }
          a = std::move(x);
          from_extension = true;
        }
      } else if (from_extension) {
        // The canonical article wins; native elements are only for foreign readers.
      } else if (ns == Ns::none || ns == Ns::rss || ns == Ns::atom || ns == Ns::atom03) {
        const bool atom = ns == Ns::atom || ns == Ns::atom03 || (atom03_ && ns == Ns::none);
        if (ln == "title") {
          Kind k;
          const std::string v = construct(n, k, false);
          if (a.headline.empty()) {
            a.headline = collapse_space(plain(v, k));
            a.headline_info = text_info(n, c, ctx.lang, atom);
          }
        } else if (ln == "link") {
          if (atom || n.attribute("href")) {
            Link l = atom_link(n, c);
            if (l.href.empty()) {
            } else if (l.rel.empty()) {
              // The first alternate link is the url; it is kept in links too when it says
              // more than its address (type, title, language, length).
              const bool detailed = !l.media_type.empty() || !l.title.empty() ||
                                    !l.hreflang.empty() || l.length_bytes;
              if (a.url.empty()) a.url = l.href;
              if (a.url != l.href || detailed) a.links.push_back(std::move(l));
            } else if (l.rel == "enclosure") {
              Media m;
              m.url = l.href;
              m.media_type = l.media_type;
              m.role = MediaRole::enclosure;
              m.length_bytes = l.length_bytes;
              m.title = l.title;
              a.media.push_back(std::move(m));
            } else {
              a.links.push_back(std::move(l));
            }
          } else if (a.url.empty()) {
            a.url = url(text_of(n), c);
          }
        } else if (ln == "guid") {
          guid = std::string(detail::trim(text_of(n)));
          const std::string pl = lower(detail::trim(n.attribute("isPermaLink").value()));
          guid_permalink = pl != "false";
        } else if (ln == "id") {
          if (a.id.empty()) a.id = std::string(detail::trim(text_of(n)));
        } else if (ln == "description") {
          rss_description = construct(n, description_kind, true);
          have_description = true;
          description_info = text_info(n, c, ctx.lang, atom);
        } else if (ln == "summary") {
          summary = construct(n, summary_kind, false);
          have_summary = true;
          summary_info = text_info(n, c, ctx.lang, atom);
        } else if (ln == "content") {
          if (!have_content) {
            if (n.attribute("src")) {
              Link l;
              l.href = url(n.attribute("src").value(), c);
              l.rel = "related";
              l.media_type = n.attribute("type").value();
              a.links.push_back(std::move(l));
            } else {
              content = construct(n, content_kind, false);
              have_content = true;
              content_ctx = c;
              content_info = text_info(n, c, ctx.lang, atom);
            }
          }
        } else if (ln == "pubDate" || ln == "published" || ln == "issued" || ln == "created") {
          published = date(n, path, ".date_published");  // the last one wins, as in feedparser
        } else if (ln == "updated" || ln == "modified") {
          updated = date(n, path, ".date_modified");
        } else if (ln == "author" || ln == "contributor") {
          if (atom) {
            EntityRef r = atom_person(n, c, doc);
            if (r.name.empty() && r.id.empty()) {
            } else if (ln == "author") {
              a.authors.push_back(std::move(r));
            } else {
              r.roles.emplace_back("contributor");  // MODEL.md: Atom contributor -> person_refs
              a.person_refs.push_back(std::move(r));
            }
          } else {
            const std::string raw = collapse_space(text_of(n));
            const std::string v = person_name(raw);
            if (!v.empty()) a.authors.push_back(EntityRef{{}, v, {}, raw == v ? "" : raw});
          }
        } else if (ln == "category") {
          Category cat;
          if (atom) {
            cat.term = n.attribute("term").value();
            cat.scheme = n.attribute("scheme").value();
            cat.label = n.attribute("label").value();
          } else {
            cat.term = collapse_space(text_of(n));
            cat.scheme = n.attribute("domain").value();
          }
          if (!cat.term.empty()) a.categories.push_back(std::move(cat));
        } else if (ln == "enclosure") {
          Media m;
          m.url = url(n.attribute("url").value(), c);
          m.media_type = std::string(detail::trim(n.attribute("type").value()));
          m.role = MediaRole::enclosure;
          m.length_bytes = number(n.attribute("length").value());
          if (!m.url.empty()) a.media.push_back(std::move(m));
        } else if (ln == "comments") {
          Link l;
          l.href = url(text_of(n), c);
          l.rel = "replies";
          if (!l.href.empty()) a.links.push_back(std::move(l));
        } else if (ln == "source") {
          Link l;
          if (atom) {
            Feed sf;
            if (!read_channel(n, c, doc, sf, true)) {
              pop();
              return false;
            }
            if (!sf.empty()) a.source_feed = std::move(sf);
            push(n);
            for (pugi::xml_node s = n.first_child(); s; s = s.next_sibling()) {
              if (s.type() != pugi::node_element) continue;
              const std::string_view sl = local_name(s.name());
              if (sl == "title" && l.title.empty()) {
                Kind k;
                const std::string v = construct(s, k, false);
                l.title = collapse_space(plain(v, k));
              }
              if (sl == "link") {
                const Link sl2 = atom_link(s, c);
                if ((sl2.rel.empty() || sl2.rel == "self") && l.href.empty()) l.href = sl2.href;
              }
              if (sl == "id" && l.href.empty()) l.href = std::string(detail::trim(text_of(s)));
            }
            pop();
          } else {
            l.href = url(n.attribute("url").value(), c);
            l.title = collapse_space(text_of(n));
          }
          l.rel = "via";
          if (!l.href.empty() || !l.title.empty()) a.source = std::move(l);
        } else if (ln == "rights" || ln == "copyright") {
          Kind k;
          const std::string v = construct(n, k, false);
          a.rights = collapse_space(plain(v, k));
        } else if (ln == "fullitem" && !have_content) {
          content = text_of(n);  // an early RSS extension holding the full item as HTML
          content_kind = Kind::html;
          have_content = true;
          content_ctx = c;
          content_info = text_info(n, c, ctx.lang, false);
        }
      } else if (ns == Ns::content) {
        if (ln == "encoded" && !have_content) {
          content = text_of(n);
          content_kind = Kind::html;
          have_content = true;
          content_ctx = c;
          content_info = text_info(n, c, ctx.lang, false);
        }
      } else if (ns == Ns::xhtml) {
        if (ln == "body" && !have_content) {
          std::string out;
          serialize_children(n, out, 1);
          content = std::move(out);
          content_kind = Kind::html;
          have_content = true;
          content_ctx = c;
          content_info = text_info(n, c, ctx.lang, false);
          if (!content_info) content_info.emplace();
          content_info->media_type = "application/xhtml+xml";
        }
      } else if (ns == Ns::dc || ns == Ns::dcterms) {
        if (ln == "creator" || ln == "author") {
          const std::string raw = collapse_space(text_of(n));
          const std::string v = person_name(raw);
          if (!v.empty()) a.authors.push_back(EntityRef{{}, v, {}, raw == v ? "" : raw});
        } else if (ln == "date" || ln == "created" || ln == "issued") {
          if (!dc_date) dc_date = date(n, path, ".date_published");
        } else if (ln == "modified") {
          if (!updated) updated = date(n, path, ".date_modified");
        } else if (ln == "language") {
          a.language = std::string(detail::trim(text_of(n)));
        } else if (ln == "subject") {
          const std::string v = collapse_space(text_of(n));
          if (!v.empty()) a.categories.push_back(Category{v, {}, {}, CategoryKind::unspecified});
        } else if (ln == "rights") {
          a.rights = collapse_space(text_of(n));
        } else if (ln == "title") {
          if (a.headline.empty()) a.headline = collapse_space(text_of(n));
        } else if (ln == "description") {
          if (!have_description) {
            rss_description = text_of(n);
            description_kind = Kind::text;
            have_description = true;
          }
        } else if (ln == "identifier") {
          if (guid.empty() && a.id.empty()) a.id = std::string(detail::trim(text_of(n)));
        }
      } else if (ns == Ns::media) {
        if (ln == "content" || ln == "thumbnail") {
          Media m;
          m.url = url(n.attribute("url").value(), c);
          m.media_type = std::string(detail::trim(n.attribute("type").value()));
          m.role = ln == "thumbnail" ? MediaRole::thumbnail : MediaRole::unspecified;
          m.length_bytes = number(n.attribute("fileSize").value());
          if (auto w = number(n.attribute("width").value()); w && *w < 1000000)
            m.width = static_cast<int>(*w);
          if (auto h = number(n.attribute("height").value()); h && *h < 1000000)
            m.height = static_cast<int>(*h);
          if (!m.url.empty()) a.media.push_back(std::move(m));
        }
      } else if (ns == Ns::other && !from_extension) {
        keep_foreign(n, a.extensions, item);
      }
      pop();
      if (diag_.failed()) return false;
    }
    if (!from_extension && guid.empty() && !have_description && !have_content && !have_summary &&
        !published && !updated && !dc_date && !item.attribute("rdf:about") && a == Article{}) {
      // Nothing at all: not an article (and an Article costs some kilobytes, so that a feed of
      // empty items would make memory grow hundreds of times faster than the input).
      doc.articles.pop_back();
      if (!warn(ErrorCode::missing_field, "empty item skipped", item, path)) return false;
      return !diag_.failed();
    }
    if (!from_extension) {
      if (guid.empty() && a.id.empty()) {
        // rdf:about names the item's resource: writers may make a link of the id, so an
        // unsafe one is not taken unless the caller trusts the input.
        const std::string about(detail::trim(item.attribute("rdf:about").value()));
        if (!about.empty() && !options_.trusted && !detail::is_safe_url(about)) {
          if (!warn(ErrorCode::invalid_value,
                    "unsafe URL " + detail::quote(about) + " in rdf:about not used as the id", item,
                    path + ".id"))
            return false;
        } else if (!about.empty()) {
          a.id = about;
        }
      }
      if (a.language.empty() && !ctx.lang.empty() && ctx.lang != doc.feed.language)
        a.language = ctx.lang;
      if (!guid.empty()) {
        a.id = guid;
        if (guid_permalink && a.url.empty() && has_scheme(guid))
          a.url = resolve_url(ctx.base, guid);
      }
      // Body and summary: content wins for the body; the description (RSS) or summary
      // (Atom) is the summary when there is content, the body otherwise.
      if (have_content) {
        set_body(a, content, content_kind, content_ctx);
        a.body_info = std::move(content_info);
        if (have_description) {
          a.summary = collapse_space(plain(rss_description, description_kind));
          a.summary_info = std::move(description_info);
        }
        if (have_summary) {
          a.summary = collapse_space(plain(summary, summary_kind));
          a.summary_info = std::move(summary_info);
        }
      } else if (have_description) {
        set_body(a, rss_description, description_kind, ctx);
        a.body_info = std::move(description_info);
        if (have_summary) {
          a.summary = collapse_space(plain(summary, summary_kind));
          a.summary_info = std::move(summary_info);
        }
      } else if (have_summary) {
        a.summary = collapse_space(plain(summary, summary_kind));
        a.summary_info = std::move(summary_info);
      }
      if (published)
        a.date_published = published;
      else if (dc_date)
        a.date_published = dc_date;
      if (updated) a.date_modified = updated;
      if (a.id.empty()) a.id = a.url;
      if (a.id.empty()) {
        std::string slug = detail::slugify(a.headline);
        if (slug.empty()) slug = "item-" + std::to_string(index + 1);
        a.id = "art:" + slug;
      }
      if (!ids_.insert(a.id).second) {
        // Ids are unique within a Document: suffix a repeated one (-2, -3...). The next
        // suffix to try is remembered per id, so many repeats stay linear.
        const std::string base = a.id;
        std::size_t& k = next_suffix_[base];
        if (k < 2) k = 2;
        for (;; ++k) {
          std::string cand = base + "-" + std::to_string(k);
          if (ids_.insert(cand).second) {
            a.id = std::move(cand);
            ++k;
            break;
          }
        }
      }
    }
    return !diag_.failed();
  }

  std::string_view text_;
  const ReadOptions& options_;
  detail::Diagnostics diag_;
  Scope scope_;
  std::set<std::string> undeclared_;
  std::set<std::string> warned_bases_;  // unusable xml:base values already reported
  std::unordered_set<std::string> ids_;
  std::map<std::string, std::size_t> next_suffix_;
  std::map<std::string, std::size_t> people_;  // Person ids the reader added -> index
  std::size_t records_ = 0;
  bool atom03_ = false;
  bool netscape_ = false;
  bool pressroom_feed_ = false;
  bool input_clean_ = false;
  bool root_lang_ = false;
  std::string root_uri_;
  const RecordSink* sink_ = nullptr;
  bool sink_failed_ = false;
  Error sink_error_;
  bool feed_sent_ = false;
  bool document_level_warned_ = false;
  std::size_t sent_[5] = {};  // rows of each table handed on (organizations...contacts)
  std::size_t articles_sent_ = 0;
  pugi::xml_node late_feed_;  // stream mode: the Feed record found in an item, read early
};

}  // namespace

bool known_feed_namespace(std::string_view uri) {
  const Ns ns = ns_of_uri(uri);
  return ns != Ns::other && ns != Ns::none;
}

std::string_view version_name(FeedVersion v) noexcept {
  switch (v) {
    case FeedVersion::rss090:
      return "rss090";
    case FeedVersion::rss091n:
      return "rss091n";
    case FeedVersion::rss091u:
      return "rss091u";
    case FeedVersion::rss092:
      return "rss092";
    case FeedVersion::rss093:
      return "rss093";
    case FeedVersion::rss094:
      return "rss094";
    case FeedVersion::rss20:
      return "rss20";
    case FeedVersion::rss10:
      return "rss10";
    case FeedVersion::rss:
      return "rss";
    case FeedVersion::atom03:
      return "atom03";
    case FeedVersion::atom10:
      return "atom10";
    case FeedVersion::unknown:
      break;
  }
  return "";
}

namespace {

// True when a numeric character reference in `text` (&#...; or &#x...;) names a character
// XML 1.0 forbids (pugixml decodes it into a text value).
bool refers_to_forbidden_character(std::string_view text) {
  for (std::size_t i = text.find("&#"); i != std::string_view::npos; i = text.find("&#", i + 2)) {
    std::size_t j = i + 2;
    const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
    if (hex) ++j;
    std::uint32_t cp = 0;
    const std::size_t start = j;
    for (; j < text.size() && j - start < 10; ++j) {
      const char c = text[j];
      int v = -1;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        v = c - 'A' + 10;
      }
      if (v < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      if (cp > 0x10FFFF) return true;
    }
    if (j == start) continue;  // not a reference: pugixml keeps the text as it is
    if (j - start >= 10 || !detail::is_xml_char(cp)) return true;
  }
  return false;
}

}  // namespace

namespace {

// Where the document type declaration starts in the prolog of `head` (before the first
// element), or npos.
std::size_t doctype_at(std::string_view head) {
  std::size_t i = 0;
  for (;;) {
    const std::size_t lt = head.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= head.size()) return std::string_view::npos;
    const char c = head[lt + 1];
    if (c != '?' && c != '!') return std::string_view::npos;  // the root element
    if (head.compare(lt, 9, "<!DOCTYPE") == 0) return lt;
    const bool comment = head.compare(lt, 4, "<!--") == 0;
    const std::size_t e = comment ? head.find("-->", lt + 4) : head.find('>', lt + 2);
    if (e == std::string_view::npos) return std::string_view::npos;
    i = e + 1;
  }
}

// What reading a feed came to: the error when it stopped (a diagnostic, or the sink's own
// error), and the warnings.
struct Outcome {
  bool ok = false;
  Error error;
  std::vector<Error> warnings;
};

// Decodes, parses and reads `input`: into `doc` when `sink` is null, else record by record
// into `sink`. Shared by read_xml_feed() and read_xml_feed_records(). `writable`: the caller
// lets the input's bytes be changed, and input[input.size()] is a byte it may write too, so
// that pugixml parses them in place without a copy.
Outcome run_reader(std::string_view input, const ReadOptions& options, std::string_view format,
                   const RecordSink* sink, Document& doc, FeedVersion* version_out,
                   std::string* encoding_out, bool writable = false) {
  Outcome out;
  if (input.size() > options.limits.max_input_bytes) {
    out.error =
        detail::make_error(ErrorCode::limit_exceeded, format, "input larger than max_input_bytes");
    return out;
  }
  Decoded dec = decode_input(input, true);
  if (encoding_out) *encoding_out = dec.encoding;
  // The text is parsed in place, in memory this function may write, with a byte after it for
  // pugixml's terminator: the caller's writable input has one; a converted text gets one
  // here; an input the caller keeps as it is gets copied into an InputBuffer, whose big
  // buffers cost fewer page faults than the copy pugixml would make.
  if (!dec.borrowed) dec.text.push_back('\0');
  std::string_view text =
      dec.borrowed ? dec.utf8() : std::string_view(dec.text.data(), dec.text.size() - 1);
  detail::InputBuffer copy;
  bool own_text = writable || !dec.borrowed;
  if (!own_text && copy.assign(text.data(), text.size())) {
    text = std::string_view(copy.data(), copy.size());
    own_text = true;
  }
  Reader reader(text, options, format);
  reader.set_sink(sink);
  detail::Diagnostics& diag = reader.diag();
  const auto finish = [&](bool ok) {
    out.ok = ok && !diag.failed() && !reader.sink_failed();
    if (reader.sink_failed())
      out.error = reader.sink_error();
    else if (!out.ok)
      out.error = diag.error();
    out.warnings = std::move(diag.warnings());
    return std::move(out);
  };
  for (auto& p : dec.problems) {
    if (!diag.warn(ErrorCode::invalid_value, std::move(p), 0)) return finish(false);
  }
  // A DTD is never processed: pugixml skips it and expands no entity it declares.
  const std::size_t doctype = doctype_at(text.substr(0, 4096));
  bool netscape = false;
  if (doctype != std::string::npos) {
    const std::size_t end = text.find('>', doctype);
    const std::string_view dt(text.data() + doctype,
                              (end == std::string::npos ? text.size() : end) - doctype);
    netscape = dt.find("Netscape") != std::string_view::npos ||
               dt.find("netscape") != std::string_view::npos;
  }
  reader.set_netscape(netscape);
  reader.set_input_clean(dec.clean && !refers_to_forbidden_character(text));
  // The tree's memory is counted before pugixml builds it.
  if (!diag.charge(detail::xml_tree_bytes(text))) return finish(false);
  pugi::xml_document xdoc;
  const unsigned flags = pugi::parse_default | pugi::parse_ws_pcdata_single;
  // In place, the parse writes into the text (terminators, decoded references), so the lines
  // are indexed first for the positions of diagnostics; a text with very many lines is copied.
  // The byte after the text is set to 0 (pugixml's own copy ends so), so that both parses see
  // the same bytes.
  const bool in_place = own_text && diag.index_lines();
  if (in_place) const_cast<char*>(text.data())[text.size()] = '\0';
  const pugi::xml_parse_result pr =
      in_place ? xdoc.load_buffer_inplace(const_cast<char*>(text.data()), text.size() + 1, flags,
                                          pugi::encoding_utf8)
               : xdoc.load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
  if (!pr) {
    const std::size_t off = static_cast<std::size_t>(pr.offset);
    // Memory ran out: an error, never a partial feed passed off as a broken one.
    if (pr.status == pugi::status_out_of_memory) throw std::bad_alloc();
    if (pr.status == pugi::status_no_document_element || !xdoc.document_element()) {
      diag.fail(ErrorCode::syntax, std::string("not a feed: ") + pr.description(), off);
      return finish(false);
    }
    if (!diag.warn(ErrorCode::syntax,
                   std::string("XML broken: ") + pr.description() + "; kept what came before", off))
      return finish(false);
  }
  FeedVersion version = FeedVersion::unknown;
  const bool ok = reader.read(xdoc, doc, version);
  if (version_out) *version_out = version;
  return finish(ok);
}

}  // namespace

Result<Document> read_xml_feed(std::string_view input, const ReadOptions& options,
                               std::string_view format, FeedVersion* version_out,
                               std::string* encoding_out) {
  Document doc;
  Outcome out = run_reader(input, options, format, nullptr, doc, version_out, encoding_out);
  Result<Document> r = out.ok ? Result<Document>(std::move(doc)) : Result<Document>(out.error);
  r.warnings() = std::move(out.warnings);
  return r;
}

namespace {

// Records of `input` into `sink`; `writable` as for run_reader().
Status read_records(std::string_view input, const RecordSink& sink, const ReadOptions& options,
                    std::string_view format, bool writable) {
  Document doc;
  Outcome out = run_reader(input, options, format, &sink, doc, nullptr, nullptr, writable);
  Status st = out.ok ? Status() : Status(out.error);
  st.warnings() = std::move(out.warnings);
  return st;
}

}  // namespace

Status read_xml_feed_records(std::string_view input, const RecordSink& sink,
                             const ReadOptions& options, std::string_view format) {
  return read_records(input, sink, options, format, false);
}

Status read_xml_feed_stream(std::istream& in, const RecordSink& sink, const ReadOptions& options,
                            std::string_view format) {
  // An XML feed is one tree (its channel metadata may follow the items), so the input is read
  // whole; the records then stream, and no Document is built.
  detail::InputBuffer buffer;
  switch (buffer.fill(in, options.limits.max_input_bytes, options.on_progress)) {
    case detail::InputBuffer::Fill::done:
      break;
    case detail::InputBuffer::Fill::too_big:
      return Status(detail::make_error(ErrorCode::limit_exceeded, format,
                                       "input larger than max_input_bytes"));
    case detail::InputBuffer::Fill::no_memory:
      return Status(detail::make_error(ErrorCode::limit_exceeded, format,
                                       "input too large for the memory available"));
    case detail::InputBuffer::Fill::failed:
      return Status(detail::make_error(ErrorCode::io, format, "the input stream failed"));
  }
  // The buffer is this function's own, with a byte free after the input.
  return read_records(std::string_view(buffer.data(), buffer.size()), sink, options, format, true);
}

namespace {
// The first element name of `head` after the prolog (declaration, comments, DTD).
std::string_view first_element(std::string_view head) {
  std::size_t i = 0;
  while (i < head.size()) {
    const std::size_t lt = head.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= head.size()) return {};
    const char c = head[lt + 1];
    if (c == '?' || c == '!') {
      if (head.compare(lt, 4, "<!--") == 0) {
        const std::size_t e = head.find("-->", lt);
        if (e == std::string_view::npos) return {};
        i = e + 3;
      } else {
        const std::size_t e = head.find('>', lt);
        if (e == std::string_view::npos) return {};
        i = e + 1;
      }
      continue;
    }
    std::size_t e = lt + 1;
    while (e < head.size() && head[e] != ' ' && head[e] != '>' && head[e] != '\n' &&
           head[e] != '\t' && head[e] != '\r' && head[e] != '/')
      ++e;
    return head.substr(lt + 1, e - lt - 1);
  }
  return {};
}
}  // namespace

int sniff_rss(std::string_view head) noexcept {
  const std::string_view e = first_element(head);
  if (e == "rss") return 95;
  if (local_name(e) == "RDF" && head.find("purl.org/rss/1.0") != std::string_view::npos) return 95;
  if (local_name(e) == "RDF" && head.find("netscape.com/rdf/simple") != std::string_view::npos)
    return 95;
  return 0;
}

int sniff_atom(std::string_view head) noexcept {
  const std::string_view e = first_element(head);
  if (local_name(e) == "feed" &&
      (head.find("http://www.w3.org/2005/Atom") != std::string_view::npos ||
       head.find("purl.org/atom/ns") != std::string_view::npos))
    return 95;
  if (e == "feed") return 40;
  return 0;
}

}  // namespace pressroom::feed_detail
