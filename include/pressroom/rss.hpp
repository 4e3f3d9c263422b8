// SPDX-License-Identifier: MIT
/// @file
/// `rss`: RSS 0.90-2.0 and RSS 1.0 (RDF) reading, RSS 2.0 writing (RSS Advisory Board spec,
/// https://www.rssboard.org/rss-specification), with `content:encoded`, `dc:creator` and
/// `atom:link rel="self"`, Media RSS (`media:content`). The entity tables, and every article
/// field RSS has no element for, travel in the declared namespace
/// `xmlns:pressroom="urn:pressroom:1"` (canonical XML of the records), which other readers
/// ignore; pressroom reads its own feeds back to the same Document.
#ifndef PRESSROOM_RSS_HPP
#define PRESSROOM_RSS_HPP

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
namespace rss {

/// The namespace of the pressroom extension elements.
inline constexpr const char* pressroom_namespace = "urn:pressroom:1";

/// Reads an RSS feed (0.90, 0.91, 0.92, 0.93, 0.94, 1.0 RDF or 2.0; an Atom feed is read too,
/// so that a mislabelled feed still loads). Lenient by default: repairs are warnings (the
/// feedparser "bozo" flag), strict mode turns the first into the error. Encodings are
/// detected from the BOM and the XML declaration and converted to UTF-8; relative URLs are
/// resolved against `xml:base` and `options.base_url`; HTML content is sanitised unless
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

/// Writes `doc` as RSS 2.0 (UTF-8). Required elements the Document lacks are derived and warned
/// about: the channel link is `feed.home_page_url`, else `feed.feed_url`, else the publisher's
/// url, else the first article url or alternate link, else `feed.id` when it is an IRI; a
/// Document without any URL gets `urn:pressroom:feed` and a `missing_field` warning.
/// Characters XML 1.0 forbids are stripped with a warning. Articles are written with native
/// elements (plus Media RSS, Dublin Core, `atom:link`) and a small `pressroom:article` residual
/// of what those cannot carry, so that `read(write(doc)) == doc`.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});

/// A record writer producing RSS 2.0 that streams: the channel head, with the entity records
/// received so far, is written when the first article arrives (or once 1024 records wait for
/// one, or at `finish()`); each article and each later entity record (a channel element before
/// the next item) at once; the Feed record at `finish()`. Memory holds the Feed record and the
/// names of the entities (what items show of the records they refer to), not the records.
[[nodiscard]] PRESSROOM_EXPORT std::unique_ptr<RecordWriter> open_writer(
    std::ostream& out, const WriteOptions& options = {});

/// What `doc` lacks or what foreign readers would lose when it is written as RSS 2.0: one
/// warning per issue, with the model path (empty when nothing is wrong).
[[nodiscard]] PRESSROOM_EXPORT std::vector<Error> lint(const Document& doc);

/// This module's registry entry (name "rss").
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace rss
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_RSS_HPP
