// SPDX-License-Identifier: MIT
/// @file
/// `xml`: pressroom's canonical XML, namespace `urn:pressroom:1`, lossless both ways.
///
/// One element per field, named as in canonical JSON; the XML Schema is installed as
/// `share/pressroom/pressroom.xsd`. Reading refuses DTDs and external entities, checks the
/// UTF-8 pugixml passes through, and keeps in lenient mode what was parsed before a break.
/// Writing strips the characters XML 1.0 forbids, with a warning.
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
