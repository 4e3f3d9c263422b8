// SPDX-License-Identifier: MIT
// The trust properties every fuzz target checks (fuzz_common.hpp): after a read in the default
// (untrusted) mode, nothing a writer makes of the Document is live.
//   - The Document is what `sanitize()` leaves unchanged (the readers applied it).
//   - Every output that pressroom reads back, read with `trusted` (nothing cleaned on the way
//     in), is again left unchanged by `sanitize()`, and its foreign elements are inert.
//   - In the XML outputs (rss, atom, xml, boost-xml) no element is of a namespace that includes,
//     transforms or runs (XInclude, XSLT, SVG, MathML...) or is a script, iframe, object or
//     embed; there is no processing instruction; every URL attribute and link element passes
//     the URL filter; every element that feed readers render as HTML (RSS description and
//     content:encoded, Atom text constructs of type html and xhtml) holds HTML from which the
//     sanitiser removes nothing, so plain text never arrives there unescaped.
//   - In JSON Feed, content_html holds such HTML and every URL member passes the URL filter; in
//     JSON-LD there is no `<` at all (it is embedded in HTML script elements).
// A broken property calls `fail(what)`, which aborts (a fuzz finding).
#ifndef PRESSROOM_TESTS_FUZZ_TRUST_CHECK_HPP
#define PRESSROOM_TESTS_FUZZ_TRUST_CHECK_HPP

#include <pugixml.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "detail/inert_xml.hpp"
#include "detail/url.hpp"
#include "formats/feed/feed.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/sanitize.hpp"

namespace pressroom::fuzz {

template <class Fail>
void check_clean_document(const Document& d, std::string_view what, Fail&& fail) {
  Document copy = d;
  const std::vector<Error> changes = sanitize(copy);
  if (!changes.empty()) {
    fail(std::string(what) + " holds what the sanitiser removes: " + to_string(changes.front()));
  }
  const auto inert = [&](const Extensions& ext, const std::string& where) {
    for (const auto& [key, value] : ext) {
      if (key != "rss" && key != "atom" && key != "xml") continue;
      const detail::InertXml r = detail::make_inert_xml(value);
      if (!r.dropped.empty()) {
        fail(std::string(what) + " keeps live foreign markup in " + where + ".extensions[" + key +
             "]: " + r.dropped.front());
      }
    }
  };
  inert(d.extensions, "document");
  inert(d.feed.extensions, "feed");
  for (const Article& a : d.articles) inert(a.extensions, "article " + a.id);
}

inline bool live_namespace(std::string_view uri) {
  for (const std::string_view live :
       {"http://www.w3.org/2001/XInclude", "http://www.w3.org/1999/XSL/Transform",
        "http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML",
        "http://www.w3.org/2001/xml-events", "http://www.w3.org/2002/xforms",
        "http://www.mozilla.org/keymaster/gatekeeper/there.is.only.xul"}) {
    if (uri == live) return true;
  }
  return false;
}

inline std::string_view local_part(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

inline std::string_view prefix_part(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
}

// The namespace URI of `n`'s prefix, looked up through its ancestors.
inline std::string namespace_of(const pugi::xml_node& n) {
  const std::string_view prefix = prefix_part(n.name());
  const std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node p = n; p; p = p.parent()) {
    const pugi::xml_attribute a = p.attribute(attr.c_str());
    if (a) return a.value();
  }
  return {};
}

inline bool url_attribute(std::string_view local) {
  for (const std::string_view n : {"href", "src", "url", "uri", "action", "data", "base"}) {
    if (local == n) return true;
  }
  return false;
}

template <class Fail>
void check_html(std::string_view html, std::string_view where, Fail&& fail) {
  const feed_detail::HtmlResult h = feed_detail::process_html(html, {}, false);
  if (h.removed) {
    fail(std::string(where) + " holds live HTML: " + std::string(html.substr(0, 300)));
  }
}

// The content of an element that readers render as HTML, for the sanitiser: its text, or for
// Atom's xhtml its markup.
inline std::string html_of(const pugi::xml_node& n, bool xhtml) {
  if (!xhtml) return n.text().get();
  std::string out;
  struct Writer : pugi::xml_writer {
    std::string* s;
    void write(const void* data, std::size_t size) override {
      s->append(static_cast<const char*>(data), size);
    }
  } w;
  w.s = &out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    c.print(w, "", pugi::format_raw | pugi::format_no_escapes);
  }
  return out;
}

template <class Fail>
void check_xml_output(const Format& out, const std::string& text, Fail&& fail) {
  pugi::xml_document doc;
  if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_pi)) {
    fail(out.name + " output is not well-formed XML");
  }
  std::vector<pugi::xml_node> stack{doc};
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() == pugi::node_pi) fail(out.name + " output holds a processing instruction");
    if (n.type() != pugi::node_element && n.type() != pugi::node_document) continue;
    const std::string_view local = local_part(n.name());
    if (n.type() == pugi::node_element) {
      const std::string ns = namespace_of(n);
      if (live_namespace(ns)) fail(out.name + " output holds an element of " + ns);
      // XHTML outside the Atom text constructs that say so (checked below, not entered).
      if (ns == "http://www.w3.org/1999/xhtml") {
        fail(out.name + " output holds an XHTML element <" + std::string(n.name()) + ">");
      }
      for (const pugi::xml_attribute& a : n.attributes()) {
        const std::string_view al = local_part(a.name());
        if (prefix_part(a.name()) == "xmlns" || std::string_view(a.name()) == "xmlns") continue;
        if (url_attribute(al) && !detail::is_safe_url(a.value())) {
          fail(out.name + " output: unsafe URL in attribute " + a.name() + " = " + a.value());
        }
      }
      // Feed readers render the content of an item's or the channel's own elements; the same
      // names deeper inside a foreign element are data (held to the inert rules above).
      const std::string_view parent = local_part(n.parent().name());
      const bool rss_place = parent == "item" || parent == "channel";
      // RSS's own link elements (Atom's links are href attributes, checked above).
      const bool rss_native =
          out.name == "rss" && ns.empty() &&
          (rss_place || parent == "image" || parent == "textInput" || parent == "source");
      if (rss_native && (local == "link" || local == "comments" || local == "docs") &&
          n.first_child().type() == pugi::node_pcdata && !detail::is_safe_url(n.text().get())) {
        fail(out.name + " output: unsafe URL in <" + std::string(n.name()) + ">");
      }
      if (rss_native && local == "guid" &&
          std::string_view(n.attribute("isPermaLink").value()) != "false" &&
          !detail::is_safe_url(n.text().get())) {
        fail(out.name + " output: a permalink guid with an unsafe URL");
      }
      const bool rss_html =
          rss_place && ((local == "description" && ns.empty()) ||
                        (local == "encoded" && ns == "http://purl.org/rss/1.0/modules/content/"));
      if (out.name == "rss" && rss_html) {
        check_html(n.text().get(), out.name + " <" + std::string(n.name()) + ">", fail);
        continue;
      }
      if (out.name == "atom") {
        const std::string_view type = n.attribute("type").value();
        const bool atom_place = parent == "entry" || parent == "feed" || parent == "source";
        if (atom_place && ns == "http://www.w3.org/2005/Atom" &&
            (type == "html" || type == "xhtml")) {
          check_html(html_of(n, type == "xhtml"), "atom <" + std::string(n.name()) + ">", fail);
          continue;
        }
      }
    }
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
}

template <class Fail>
void check_json_feed_output(const std::string& text, Fail&& fail) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) fail("jsonfeed output is not JSON");
  std::vector<const nlohmann::json*> stack{&j};
  while (!stack.empty()) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const auto& e : *v) stack.push_back(&e);
      continue;
    }
    if (!v->is_object()) continue;
    for (const auto& [key, value] : v->items()) {
      if (key == "_pressroom") continue;  // canonical JSON: read back and checked as a Document
      if (value.is_string()) {
        const std::string& s = value.template get_ref<const std::string&>();
        if (key == "content_html") check_html(s, "jsonfeed content_html", fail);
        const bool url = key == "url" || key == "external_url" || key == "home_page_url" ||
                         key == "feed_url" || key == "next_url" || key == "icon" ||
                         key == "favicon" || key == "image" || key == "banner_image" ||
                         key == "avatar";
        if (url && !detail::is_safe_url(s)) fail("jsonfeed output: unsafe URL in " + key);
      } else {
        stack.push_back(&value);
      }
    }
  }
}

// Checks what writer `out` made of a Document read in the default mode.
template <class Fail>
void check_output(const Format& out, const std::string& written, const ReadOptions& base,
                  Fail&& fail) {
  if (out.name == "rss" || out.name == "atom" || out.name == "xml" || out.name == "boost-xml") {
    check_xml_output(out, written, fail);
  } else if (out.name == "jsonfeed") {
    check_json_feed_output(written, fail);
  } else if (out.name == "jsonld" && written.find('<') != std::string::npos) {
    fail("jsonld output holds a '<', which ends the HTML script element it is embedded in");
  }
  if (!out.read) return;
  ReadOptions trusted = base;
  trusted.trusted = true;
  const Result<Document> back = out.read(written, trusted);
  if (back) check_clean_document(*back, out.name + " output read back as trusted", fail);
}

}  // namespace pressroom::fuzz

#endif  // PRESSROOM_TESTS_FUZZ_TRUST_CHECK_HPP
