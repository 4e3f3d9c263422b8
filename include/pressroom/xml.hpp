// SPDX-License-Identifier: MIT
/// @file
/// `xml`: pressroom's canonical XML, namespace `urn:pressroom:1`, lossless both ways.
///
/// One element per field, named as in canonical JSON; the XML Schema is installed as
/// `share/pressroom/pressroom.xsd`. Reading refuses DTDs and external entities, checks the
/// UTF-8 pugixml passes through, and keeps in lenient mode what was parsed before a break.
/// Writing strips the characters XML 1.0 forbids, with a warning.
///
/// The form:
/// - Root `<pressroom xmlns="urn:pressroom:1" version="1.0">` (`Document::pressroom_version`):
///   an optional `<feed>`, then the records `<article>`, `<organization>`, `<commissioner>`,
///   `<person>`, `<legislation>`, `<contact>` in any order (a streaming writer may interleave
///   them; reading appends each to its table), then `<extensions>`.
/// - Inside a record or value type: one element per field, named exactly like the canonical
///   JSON key (model/fields.hpp), in canonical order. Absent fields are omitted: empty strings,
///   arrays and maps, absent optionals, the enum value `unspecified`, a struct equal to its
///   default (`Article::kind` and `Contact::kind` are always written). An array repeats the
///   field's element per item: `<body>..</body><body>..</body>`, `<roles>subject</roles>`.
/// - Scalars are text: DateTime in its canonical form (MODEL.md 4.1), doubles in their
///   shortest round-trip form, enums by name. A body block is `<body>text</body>` for a
///   paragraph and `<body type="heading">text</body>` otherwise; an extension entry is
///   `<extensions format="rss">text</extensions>`.
/// - Text round-trips exactly: `&`, `<`, `>` are escaped (and `"` in attributes), `\r` is
///   written `&#13;`, pretty printing adds whitespace only between elements, and the reader
///   never trims text (only numbers, enums and dates).
///
/// Reading (pugixml, no DTD processing, never any entity expansion or file access): the root
/// must be `pressroom` in namespace `urn:pressroom:1`, by default or with a prefix declared on
/// the root (else `not_this_format`). Fields may come in any order. Lenient mode warns and
/// repairs: a DOCTYPE is ignored; broken XML keeps what was parsed before the break; invalid
/// UTF-8 becomes U+FFFD; references to forbidden characters (`&#x0;`, `&#1;`, `&#xD800;`) are
/// removed; bad numbers and dates are dropped, unknown enum names read as `other`; unknown
/// elements are kept as XML fragments in the nearest record's `extensions["xml"]` (the
/// Document's for the root). Strict mode makes each of these the error. Limits (input size,
/// nesting depth, records, string size) fail with `limit_exceeded` in both modes; nesting is
/// checked without recursion (100,000 nested elements fail fast).
#ifndef PRESSROOM_XML_HPP
#define PRESSROOM_XML_HPP

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "pressroom/io.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace xml {

/// The namespace of canonical XML.
inline constexpr const char* namespace_uri = "urn:pressroom:1";

/// Reads a canonical XML Document. `input` is not kept after the call.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> read(std::string_view input,
                                                     const ReadOptions& options = {});
/// Writes `doc` as canonical XML (UTF-8, with an XML declaration).
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});
/// A record writer producing canonical XML from records in any order.
[[nodiscard]] PRESSROOM_EXPORT std::unique_ptr<RecordWriter> open_writer(
    std::ostream& out, const WriteOptions& options = {});
/// This module's registry entry (name "xml").
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace xml
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_XML_HPP
