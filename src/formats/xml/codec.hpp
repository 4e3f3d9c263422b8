// SPDX-License-Identifier: MIT
// The element-per-field codec of canonical XML (see include/pressroom/xml.hpp), written once
// over the reflection table (model/fields.hpp). The `xml` module writes and reads whole
// Documents with it; the feed formats use it to embed records in RSS and Atom under a declared
// `pressroom:` prefix.
//
// Names: an element written by `write_element` is named `qualified_name`; its children are
// named `prefix` + the canonical field name, so `prefix` carries the colon ("pressroom:") or is
// empty (default namespace). No namespace declaration is written: the caller declares it.
// Reading matches children the same way (`prefix` + field name; other names are unknown).
//
// Field rules (shared with pressroom.xsd): absent fields are omitted (empty string, vector or
// map, nullopt, an enum's `unspecified`, a non-optional struct equal to its default); arrays
// repeat the field's element once per item; scalars are text (DateTime as its canonical
// string, doubles by detail::format_double, enums by name); a Block is `<body>text</body>`
// or `<body type="heading">text</body>`; Extensions are `<extensions format="rss">text
// </extensions>`, one per entry. Text is never trimmed on reading (numbers, enums and dates
// are), and pretty printing adds whitespace only between elements.
#ifndef PRESSROOM_SRC_FORMATS_XML_CODEC_HPP
#define PRESSROOM_SRC_FORMATS_XML_CODEC_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "detail/text.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"

namespace pressroom::xml_codec {

// Appends `text` escaped for XML 1.0 content (`attribute` = false) or a double-quoted attribute
// value (true): & < > always, " in attributes, \r as &#13; (and \t \n as references in
// attributes, which XML would otherwise normalise to spaces). Characters XML 1.0 forbids and
// invalid UTF-8 are removed; `stripped` is increased by the number removed.
void append_escaped(std::string& out, std::string_view text, bool attribute, std::size_t& stripped);
// The same without counting what was removed.
void append_escaped(std::string& out, std::string_view text, bool attribute);

// Appends the element `qualified_name` holding `value` (a record, a value type, or DateTime as a
// text element). With `options.pretty`, the element starts on a new line indented by
// `level * options.indent` spaces (children one level deeper); compact output adds no
// whitespace. `stripped` counts the characters removed (see append_escaped).
template <class T>
void write_element(std::string& out, std::string_view qualified_name, const T& value,
                   std::string_view prefix, const WriteOptions& options, int level,
                   std::size_t& stripped);

// Where unknown elements go and how deep the reader is: optional context for read_element.
struct ReadContext {
  // The map whose "xml" entry receives unknown elements as XML fragments; null = dropped (the
  // warning says so). read_element of a record points it at the record's own extensions.
  Extensions* extensions = nullptr;
  // Nesting depth of the node being read (the root element is 1), checked against
  // limits.max_depth, also inside unknown subtrees.
  std::size_t depth = 1;
  // True when the caller checked the whole input with clean_text() and found no character
  // reference to a character XML 1.0 forbids: text values then need no check of their own.
  bool input_clean = false;
};

// True when `s` is valid UTF-8 made only of characters XML 1.0 allows.
bool clean_text(std::string_view s);

// Reads the element `node` into `out` (which should be default-initialised). Problems are
// reported through `diag` with `path` (the model path of `out`, "articles[2]") extended by
// field names; returns false when reading must stop (strict mode, or a limit).
template <class T>
bool read_element(const pugi::xml_node& node, T& out, std::string_view prefix,
                  detail::Diagnostics& diag, const std::string& path);
// The same with an explicit context (depth, destination of unknown elements).
template <class T>
bool read_element(const pugi::xml_node& node, T& out, std::string_view prefix,
                  detail::Diagnostics& diag, const std::string& path, const ReadContext& context);

// Offset of `node` in the parsed buffer (its '<'), for diagnostics; npos when unknown.
std::size_t node_offset(const pugi::xml_node& node);

// Checks that no element under `node` (at depth `depth`) nests deeper than
// limits.max_depth, iteratively; fails `diag` with limit_exceeded and returns false otherwise.
bool check_depth(const pugi::xml_node& node, std::size_t depth, detail::Diagnostics& diag);

// Appends `node` printed as a compact XML fragment (pugixml's output), invalid UTF-8 repaired.
void append_fragment(std::string& out, const pugi::xml_node& node);

// Handles an element the reader does not know, at `depth`: checks the depth of its subtree,
// warns (strict: fails), and appends it as a fragment to `(*extensions)["xml"]` when
// `extensions` is not null. Returns false when reading must stop.
bool keep_unknown(const pugi::xml_node& node, Extensions* extensions, detail::Diagnostics& diag,
                  const std::string& path, std::size_t depth);

// Appends one `<name format="key">value</name>` element per entry of `map` (see write_element
// for `prefix`, `level` and `stripped`; `name` is the qualified name).
void write_extensions(std::string& out, std::string_view name, const Extensions& map,
                      const WriteOptions& options, int level, std::size_t& stripped);
// Reads one such element into `map` (an entry already present is appended to). Returns false
// when reading must stop.
bool read_extension(const pugi::xml_node& node, Extensions& map, detail::Diagnostics& diag,
                    const std::string& path);

#define PRESSROOM_XML_CODEC_TYPES(X) \
  X(Feed)                            \
  X(Article)                         \
  X(Organization)                    \
  X(Commissioner)                    \
  X(Person)                          \
  X(Legislation)                     \
  X(Contact)                         \
  X(Dateline)                        \
  X(EntityRef)                       \
  X(Statement)                       \
  X(Media)                           \
  X(Link)                            \
  X(Category)                        \
  X(DateTime)

#define PRESSROOM_XML_CODEC_EXTERN(T)                                                              \
  extern template void write_element<T>(std::string&, std::string_view, const T&,                  \
                                        std::string_view, const WriteOptions&, int, std::size_t&); \
  extern template bool read_element<T>(const pugi::xml_node&, T&, std::string_view,                \
                                       detail::Diagnostics&, const std::string&);                  \
  extern template bool read_element<T>(const pugi::xml_node&, T&, std::string_view,                \
                                       detail::Diagnostics&, const std::string&,                   \
                                       const ReadContext&);
PRESSROOM_XML_CODEC_TYPES(PRESSROOM_XML_CODEC_EXTERN)
#undef PRESSROOM_XML_CODEC_EXTERN

}  // namespace pressroom::xml_codec

#endif  // PRESSROOM_SRC_FORMATS_XML_CODEC_HPP
