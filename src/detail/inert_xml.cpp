// SPDX-License-Identifier: MIT
// The inert filter for foreign XML (see inert_xml.hpp): a walk over the parsed fragment with
// the namespace declarations in scope, without recursion (a fragment built in code may be
// nested arbitrarily deep).
#include "detail/inert_xml.hpp"

#include <set>
#include <utility>

#include "detail/text.hpp"
#include "detail/url.hpp"

namespace pressroom::detail {

namespace {

// Namespaces whose elements include documents, transform, script or render live content.
struct LiveNamespace {
  std::string_view uri;
  std::string_view what;
};
constexpr LiveNamespace live_namespaces[] = {
    {"http://www.w3.org/2001/XInclude", "XInclude"},
    {"http://www.w3.org/2003/XInclude", "XInclude"},
    {"http://www.w3.org/1999/XSL/Transform", "XSLT"},
    {"http://www.w3.org/2000/svg", "SVG"},
    {"http://www.w3.org/1999/xhtml", "XHTML"},
    {"http://www.w3.org/TR/REC-html40", "HTML"},
    {"http://www.w3.org/1998/Math/MathML", "MathML"},
    {"http://www.w3.org/2001/xml-events", "XML Events"},
    {"http://www.w3.org/2002/xforms", "XForms"},
    {"urn:schemas-microsoft-com:vml", "VML"},
    {"http://www.mozilla.org/keymaster/gatekeeper/there.is.only.xul", "XUL"},
};

// Local names of elements that are live in HTML or SVG, whatever their namespace.
constexpr std::string_view live_elements[] = {
    "script", "iframe",        "frame",   "frameset", "object",   "embed", "applet",
    "style",  "foreignobject", "handler", "listener", "template", "base",  "portal"};

// Attributes that hold a URL something may fetch or follow.
constexpr std::string_view url_attributes[] = {
    "href",   "src",        "url",      "uri",      "base", "action",   "formaction",
    "poster", "background", "data",     "codebase", "cite", "longdesc", "lowsrc",
    "dynsrc", "srcset",     "manifest", "profile",  "ping", "icon",     "archive"};

constexpr std::string_view xml_uri = "http://www.w3.org/XML/1998/namespace";

std::string_view prefix_of(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
}

std::string_view local_of(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// True when `name` is a QName of Namespaces in XML (an optional prefix and a local part, both
// non-empty, one colon at most): other names (`x:`, `a:b:c`) are not namespace-well-formed, and
// namespace-aware readers refuse a document that holds one.
bool is_qname(std::string_view name) {
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) return !name.empty();
  return colon > 0 && colon + 1 < name.size() &&
         name.find(':', colon + 1) == std::string_view::npos;
}

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view name) {
  for (const std::string_view s : list)
    if (iequals(s, name)) return true;
  return false;
}

std::string_view live_namespace(std::string_view uri) {
  for (const LiveNamespace& l : live_namespaces)
    if (l.uri == uri) return l.what;
  return {};
}

class StringWriter : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string& out) : out_(out) {}
  void write(const void* data, std::size_t size) override {
    out_.append(static_cast<const char*>(data), size);
  }

 private:
  std::string& out_;
};

// The namespace declarations in scope during a walk (copies: the walk removes attributes).
class Scope {
 public:
  void push(const pugi::xml_node& n) {
    marks_.push_back(decls_.size());
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (name == "xmlns")
        decls_.emplace_back(std::string_view{}, a.value());
      else if (name.substr(0, 6) == "xmlns:")
        decls_.emplace_back(name.substr(6), a.value());
    }
  }
  void pop() {
    decls_.resize(marks_.back());
    marks_.pop_back();
  }
  // The URI bound to `prefix` ("" for the default namespace); false when it is not declared
  // (an undeclared default namespace is no namespace, which is declared).
  bool resolve(std::string_view prefix, std::string_view& uri) const {
    if (prefix == "xml") {
      uri = xml_uri;
      return true;
    }
    for (auto it = decls_.rbegin(); it != decls_.rend(); ++it) {
      if (it->first == prefix) {
        uri = it->second;
        return true;
      }
    }
    uri = {};
    return prefix.empty();
  }

 private:
  std::vector<std::pair<std::string, std::string>> decls_;
  std::vector<std::size_t> marks_;
};

std::string element_tag(const pugi::xml_node& n) { return "<" + std::string(n.name()) + ">"; }

// Why element `n` (whose declarations are in `scope`) is not kept, or "" when it is.
std::string element_verdict(const pugi::xml_node& n, const Scope& scope) {
  const std::string_view name = n.name();
  if (!is_qname(name)) return "element " + element_tag(n) + " (not a namespace-well-formed name)";
  std::string_view uri;
  if (!scope.resolve(prefix_of(name), uri))
    return "element " + element_tag(n) + " (undeclared namespace prefix)";
  if (const std::string_view what = live_namespace(uri); !what.empty())
    return "element " + element_tag(n) + " (" + std::string(what) + ")";
  if (listed(live_elements, local_of(name)))
    return "element " + element_tag(n) + " (live in HTML or SVG)";
  return {};
}

// Why attribute `a` of `n` is not kept, or "".
std::string attribute_verdict(const pugi::xml_node& n, const pugi::xml_attribute& a,
                              const Scope& scope) {
  const std::string_view name = a.name();
  if (!is_qname(name)) {
    return "attribute " + std::string(name) + " of " + element_tag(n) +
           " (not a namespace-well-formed name)";
  }
  if (name == "xmlns" || name.substr(0, 6) == "xmlns:") return {};  // (see declares_live)
  const std::string_view prefix = prefix_of(name);
  const std::string_view local = local_of(name);
  const std::string what = "attribute " + std::string(name) + " of " + element_tag(n);
  if (!prefix.empty()) {
    std::string_view uri;
    if (!scope.resolve(prefix, uri)) return what + " (undeclared namespace prefix)";
    if (const std::string_view live = live_namespace(uri); !live.empty())
      return what + " (" + std::string(live) + ")";
  }
  if (local.size() > 2 && (local[0] == 'o' || local[0] == 'O') &&
      (local[1] == 'n' || local[1] == 'N'))
    return what + " (event handler)";
  if (iequals(local, "style") || iequals(local, "srcdoc")) return what + " (live CSS or HTML)";
  if (listed(url_attributes, local) && !is_safe_url(a.value()))
    return what + " (URL scheme that runs code or reads local data)";
  return {};
}

// True when `a` declares one of the live namespaces: once their elements and attributes are
// gone nothing uses it, and it is left out so that the output names none of them.
bool declares_live(const pugi::xml_attribute& a) {
  const std::string_view name = a.name();
  return (name == "xmlns" || name.substr(0, 6) == "xmlns:") && !live_namespace(a.value()).empty();
}

}  // namespace

std::string inert_warning(const std::vector<std::string>& dropped) {
  std::string m = "foreign markup dropped";
  if (dropped.empty()) return m;
  m += ": " + dropped.front();
  if (dropped.size() > 1) m += " and " + std::to_string(dropped.size() - 1) + " more";
  return m;
}

InertXml make_inert_xml(std::string_view fragment) {
  InertXml result;
  pugi::xml_document doc;
  constexpr unsigned flags = pugi::parse_default | pugi::parse_fragment | pugi::parse_pi |
                             pugi::parse_declaration | pugi::parse_doctype | pugi::parse_comments;
  if (!doc.load_buffer(fragment.data(), fragment.size(), flags, pugi::encoding_utf8)) {
    result.fragment = std::string(fragment);
    result.well_formed = false;
    return result;
  }
  std::vector<pugi::xml_node> removed;
  bool changed = false;
  Scope scope;
  pugi::xml_node n = doc.first_child();
  while (n) {
    bool descend = false;
    switch (n.type()) {
      case pugi::node_element: {
        scope.push(n);
        std::string why = element_verdict(n, scope);
        if (!why.empty()) {
          result.dropped.push_back(std::move(why));
          removed.push_back(n);
          scope.pop();
          break;
        }
        for (pugi::xml_attribute a = n.first_attribute(); a;) {
          const pugi::xml_attribute next = a.next_attribute();
          std::string about = attribute_verdict(n, a, scope);
          const bool drop = !about.empty() || declares_live(a);
          if (!about.empty()) result.dropped.push_back(std::move(about));
          if (drop) {
            n.remove_attribute(a);
            changed = true;
          }
          a = next;
        }
        if (n.first_child())
          descend = true;
        else
          scope.pop();
        break;
      }
      case pugi::node_pi:
      case pugi::node_declaration:
        result.dropped.push_back("processing instruction <?" + std::string(n.name()) + "?>");
        removed.push_back(n);
        break;
      case pugi::node_doctype:
        result.dropped.push_back("document type declaration");
        removed.push_back(n);
        break;
      case pugi::node_comment:
        removed.push_back(n);
        break;
      default:
        break;
    }
    if (descend) {
      n = n.first_child();
      continue;
    }
    // The next node in document order, leaving the elements whose last child this was.
    while (n && !n.next_sibling()) {
      n = n.parent();
      if (n && n.type() == pugi::node_element) scope.pop();
      if (n == doc) n = pugi::xml_node();
    }
    if (n) n = n.next_sibling();
  }
  if (removed.empty() && !changed) {
    result.fragment = std::string(fragment);
    return result;
  }
  for (const pugi::xml_node& r : removed) r.parent().remove_child(r);
  StringWriter writer(result.fragment);
  for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling())
    c.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
  repair_utf8(result.fragment);
  return result;
}

void append_self_contained(std::string& out, const pugi::xml_node& n,
                           std::string_view default_uri) {
  // The prefixes the subtree uses and those it declares (the walk has no recursion).
  std::set<std::string_view> used, declared;
  const auto note_name = [&](std::string_view name) {
    const std::string_view p = prefix_of(name);
    if (!p.empty() && p != "xml" && p != "xmlns") used.insert(p);
  };
  for (pugi::xml_node c = n; c;) {
    if (c.type() == pugi::node_element) {
      note_name(c.name());
      for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
        const std::string_view an = a.name();
        if (an.substr(0, 6) == "xmlns:")
          declared.insert(an.substr(6));
        else if (an != "xmlns")
          note_name(an);
      }
    }
    if (c.first_child()) {
      c = c.first_child();
      continue;
    }
    while (c && c != n && !c.next_sibling()) c = c.parent();
    if (!c || c == n) break;
    c = c.next_sibling();
  }
  std::vector<std::pair<std::string, std::string>> add;
  for (const std::string_view p : used) {
    if (declared.count(p) != 0) continue;
    const std::string attr = "xmlns:" + std::string(p);
    for (pugi::xml_node up = n.parent(); up; up = up.parent()) {
      if (up.type() != pugi::node_element) continue;
      if (const pugi::xml_attribute d = up.attribute(attr.c_str())) {
        add.emplace_back(attr, d.value());
        break;
      }
    }
  }
  const bool add_default =
      !default_uri.empty() && prefix_of(n.name()).empty() && !n.attribute("xmlns");
  StringWriter writer(out);
  const std::size_t start = out.size();
  const auto repair = [&] {
    if (find_invalid_utf8(std::string_view(out).substr(start)) == npos) return;
    std::string printed = out.substr(start);
    repair_utf8(printed);
    out.replace(start, std::string::npos, printed);
  };
  if (add.empty() && !add_default) {
    // Self-contained already: printed as it is, without a copy.
    n.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
    repair();
    return;
  }
  pugi::xml_document copy;
  pugi::xml_node c = copy.append_copy(n);
  // Declarations go first, in the order: default namespace, then prefixes by name.
  pugi::xml_attribute before = c.first_attribute();
  const auto declare = [&](const char* name, const std::string& value) {
    pugi::xml_attribute a =
        before ? c.insert_attribute_before(name, before) : c.append_attribute(name);
    a.set_value(value.c_str());
  };
  if (add_default) declare("xmlns", std::string(default_uri));
  for (const auto& [name, value] : add) declare(name.c_str(), value);
  c.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
  repair();
}

}  // namespace pressroom::detail
