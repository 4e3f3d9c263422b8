// SPDX-License-Identifier: MIT
/// @file
/// `jsonfeed`: JSON Feed 1.0 and 1.1 reading, 1.1 writing (https://jsonfeed.org/version/1.1).
/// Everything without a native key goes into `_pressroom` objects (top level and per item; the
/// spec reserves keys starting with `_` for extensions), so that pressroom reads its own feeds
/// back to the same Document while other readers ignore the extension.
#ifndef PRESSROOM_JSONFEED_HPP
#define PRESSROOM_JSONFEED_HPP

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
namespace jsonfeed {

/// The `version` value written.
inline constexpr const char* version_1_1 = "https://jsonfeed.org/version/1.1";

/// Reads a JSON Feed (1.0 or 1.1). Lenient by default: repairs are warnings, strict mode turns
/// the first into the error. Nesting deeper than `options.limits.max_depth` fails with
/// `limit_exceeded`; invalid UTF-8 is repaired (lenient) or refused (strict); HTML content is
/// sanitised unless `options.keep_raw_html`; relative URLs are resolved against
/// `options.base_url`. `input` is not kept.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> read(std::string_view input,
                                                     const ReadOptions& options = {});

/// Writes `doc` as JSON Feed 1.1 (UTF-8). Required keys the Document lacks are derived and warned
/// about. Everything the format has no place for goes into the `_pressroom` extension, so that
/// `read(write(doc)) == doc`.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});

/// A record writer producing JSON Feed 1.1 that streams: the head is written when the first
/// article arrives (or at `finish()`), each item at once, and the top-level `_pressroom` object
/// (Feed record and entity tables) after `items` at `finish()`. The entity rows are written as
/// they arrive into a buffer that moves to an anonymous temporary file past 1 MB per table, so
/// that memory holds the Feed record and the names of the entities, not the records.
[[nodiscard]] PRESSROOM_EXPORT std::unique_ptr<RecordWriter> open_writer(
    std::ostream& out, const WriteOptions& options = {});

/// What `doc` lacks or what foreign readers would lose when it is written as JSON Feed 1.1: one
/// warning per issue, with the model path (empty when nothing is wrong).
[[nodiscard]] PRESSROOM_EXPORT std::vector<Error> lint(const Document& doc);

/// This module's registry entry (name "jsonfeed").
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace jsonfeed
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_JSONFEED_HPP
