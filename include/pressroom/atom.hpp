// SPDX-License-Identifier: MIT
/// @file
/// `atom`: Atom 0.3 and 1.0 reading, Atom 1.0 writing (RFC 4287). The entity tables, and every
/// article field Atom has no element for, travel in the declared namespace
/// `xmlns:pressroom="urn:pressroom:1"` (canonical XML of the records), which other readers
/// ignore; pressroom reads its own feeds back to the same Document.
#ifndef PRESSROOM_ATOM_HPP
#define PRESSROOM_ATOM_HPP

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/io.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace atom {

/// Reads an Atom feed (0.3 or 1.0; an RSS feed is read too, so that a mislabelled feed still
/// loads). Lenient by default: repairs are warnings, strict mode turns the first into the
/// error. Encodings are detected and converted to UTF-8; relative URLs are resolved against
/// `xml:base` (RFC 4287 §2) and `options.base_url`; HTML and XHTML content is sanitised unless
/// `options.keep_raw_html`. No DTD is processed and no entity is fetched. `input` is not kept.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> read(std::string_view input,
                                                     const ReadOptions& options = {});

/// Reads the same feed record by record, handing each to `sink` without building a Document:
/// the Feed record first, then each table row and each article as soon as it is read (a
/// person an author names comes before the article). The input is read whole first (an XML
/// feed is one tree, and its channel metadata may follow the items), so memory holds the input
/// and its tree but never the articles. The Document's own `pressroom_version` and
/// `extensions`, which pressroom writes only when they are set, belong to no record: they are
/// skipped with one `unsupported` warning. A sink error stops reading and is returned.
[[nodiscard]] PRESSROOM_EXPORT Status read_stream(std::istream& in, const RecordSink& sink,
                                                  const ReadOptions& options = {});

/// Writes `doc` as Atom 1.0 (UTF-8). Required elements the Document lacks are derived and warned
/// about; characters XML 1.0 forbids are stripped with a warning. Everything the format has no
/// place for goes into the pressroom extension, so that `read(write(doc)) == doc`.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});

/// A record writer producing Atom 1.0 that streams: the feed head (with the pressroom head:
/// Feed record and entity tables received so far) is written when the first article arrives,
/// and the articles one behind (the last is held back); Feed and entity records received after
/// the first article are written inside the next entry, where the reader finds them too.
/// Memory holds the Feed record, the records waiting for the next entry and the names of the
/// entities, not the records already written.
[[nodiscard]] PRESSROOM_EXPORT std::unique_ptr<RecordWriter> open_writer(
    std::ostream& out, const WriteOptions& options = {});

/// What `doc` lacks or what foreign readers would lose when it is written as Atom 1.0: one
/// warning per issue, with the model path (empty when nothing is wrong).
[[nodiscard]] PRESSROOM_EXPORT std::vector<Error> lint(const Document& doc);

/// This module's registry entry (name "atom").
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace atom
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_ATOM_HPP
