// SPDX-License-Identifier: MIT
// Foreign XML kept for round trips (elements of namespaces no reader maps, kept in
// `extensions`) made inert: data that nothing executes, includes or fetches. The readers that
// keep such elements and the writers that put them back into a document both pass them
// through make_inert_xml, so that neither a hostile feed nor a Document built in code turns
// them into live markup.
#ifndef PRESSROOM_DETAIL_INERT_XML_HPP
#define PRESSROOM_DETAIL_INERT_XML_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace pressroom::detail {

// What make_inert_xml gives back.
struct InertXml {
  // The fragment without what was dropped (the input itself when nothing was). When the input
  // is not well-formed it is given back unchanged and `well_formed` is false: such text must
  // never be written as markup (it can still travel as escaped text).
  std::string fragment;
  bool well_formed = true;
  // One line per removal, for warnings: "element <svg:svg> (SVG)", "attribute onload of
  // <ex:a> (event handler)", "processing instruction <?xml-stylesheet?>".
  std::vector<std::string> dropped;
};

// Makes an XML fragment (elements, text) inert. Left out, each with its subtree:
// - elements of namespaces that include, transform, script or render live content: XInclude,
//   XSLT, SVG, XHTML (and the old HTML 4 namespace), MathML, XML Events, XForms, VML, XUL;
// - elements named like HTML's or SVG's live elements (script, iframe, object, embed, style,
//   foreignObject, handler...) in any namespace, since renderers that drop prefixes (as feed
//   readers do with inline XHTML) would make them live;
// - elements whose prefix the fragment does not declare (their namespace cannot be checked);
// - processing instructions (xml-stylesheet runs XSLT or CSS), document type declarations,
//   comments (dropped without a line in `dropped`: they carry no data).
// Attributes left out: event handlers (`on*`), `style` and `srcdoc` (live CSS and HTML), any
// attribute in one of the namespaces above, and URL attributes (`href`, `src`, `xlink:href`,
// `xml:base`, `url`, `uri`, `action`, `data`...) whose scheme is not one of http, https, ftp,
// mailto, tel, urn, tag, news: the one URL filter, detail::is_safe_url (relative references
// are kept).
// Namespace declarations are always kept.
InertXml make_inert_xml(std::string_view fragment);

// The warning for what make_inert_xml dropped from one fragment: the first removal and how
// many others there were ("foreign markup dropped: element <svg:svg> (SVG) and 2 more").
std::string inert_warning(const std::vector<std::string>& dropped);

// Appends element `n` as a self-contained fragment: its subtree printed compactly, with a
// declaration added on `n` for every prefix the subtree uses but does not declare, taken from
// `n`'s ancestors (`default_uri`, when not empty, is declared as the default namespace of an
// unprefixed `n` that does not declare one).
void append_self_contained(std::string& out, const pugi::xml_node& n,
                           std::string_view default_uri = {});

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_INERT_XML_HPP
