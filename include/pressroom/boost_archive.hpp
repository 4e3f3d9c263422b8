// SPDX-License-Identifier: MIT
/// @file
/// `boost-text`, `boost-xml`, `boost-binary`: a Document as a Boost.Serialization archive,
/// lossless both ways. Archives carry the writer's Boost library version (18 for Boost 1.74).
///
/// The archive holds one object named `document`, encoded as `bridge/boost_serialization.hpp`
/// describes: a program that includes that header and writes
/// `oa << boost::serialization::make_nvp("document", doc)` to a standard Boost archive
/// produces input this module reads, and the other way round. Every model type carries a
/// class version (1 for pressroom 0.1); an archive written by any earlier pressroom release
/// loads, a class version newer than this program's is refused.
///
/// Reading is hardened against hostile input (DESIGN.md, "Known traps"): the signature is
/// checked before Boost sees the input; strings and collections are loaded by pressroom's
/// own code, which checks each length and count against the bytes left before allocating;
/// an XML archive is checked to be balanced and closed before Boost parses it; every Boost
/// exception becomes an Error. Limits: `max_input_bytes`, `max_string_bytes`,
/// `max_records` (the sum of the record tables), `max_depth` (XML element nesting).
///
/// Compatibility: text and XML archives are portable between platforms; binary archives
/// only load on the same architecture (endianness, `int`/`long` sizes) and with a Boost
/// release that reads the writer's library version (Boost refuses archives from a newer
/// Boost). Text and XML archives cannot hold non-finite numbers (Boost writes them but
/// cannot read them back), so writing one is an `invalid_value` error; binary archives can.
#ifndef PRESSROOM_BOOST_ARCHIVE_HPP
#define PRESSROOM_BOOST_ARCHIVE_HPP

#include <string>
#include <string_view>

#include "pressroom/export.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace boost_archive {

/// The three archive kinds of Boost.Serialization.
enum class Kind {
  text,   ///< `boost::archive::text_oarchive`: "22 serialization::archive 18 ..."
  xml,    ///< `boost::archive::xml_oarchive`: `<boost_serialization ...>`, named elements
  binary  ///< `boost::archive::binary_oarchive`: native byte order and sizes
};

/// The registry name of `kind`: "boost-text", "boost-xml" or "boost-binary".
[[nodiscard]] PRESSROOM_EXPORT std::string_view format_name(Kind kind) noexcept;

/// Reads an archive of `kind` holding a Document. `input` is not kept after the call.
///
/// Errors (format `format_name(kind)`): `not_this_format` for a wrong signature, `syntax`
/// for truncated or corrupt data (with the byte offset where loading stopped), `unsupported`
/// for a class or library version newer than this program's, `invalid_value` for an
/// out-of-range enum or flag, `limit_exceeded` for the limits of `options`. Bytes after the
/// end of a text or binary archive are a warning (lenient) or the error (strict).
[[nodiscard]] PRESSROOM_EXPORT Result<Document> read(std::string_view input, Kind kind,
                                                     const ReadOptions& options = {});

/// Writes `doc` as an archive of `kind`. Fails with `invalid_value` when a number is not
/// finite and `kind` is text or XML. `options` are not used (Boost's layout is fixed).
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc, Kind kind,
                                                         const WriteOptions& options = {});

/// Confidence (0 or 100) that `head`, the first bytes of an input, is an archive of `kind`.
[[nodiscard]] PRESSROOM_EXPORT int sniff(std::string_view head, Kind kind) noexcept;

/// The registry entry of `kind`: name `format_name(kind)`, file name endings `boost.txt`,
/// `boost.xml`, `boost.bin`, lossless for every part of the Document.
[[nodiscard]] PRESSROOM_EXPORT Format format(Kind kind);

}  // namespace boost_archive
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_BOOST_ARCHIVE_HPP
