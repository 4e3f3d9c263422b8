// SPDX-License-Identifier: MIT
/// @file
/// Making a Document safe to display: every HTML field sanitised, every URL field filtered.
///
/// Every reader applies `sanitize()` to what it reads unless `ReadOptions::trusted` is set, so a
/// Document read in the default mode never holds script, event handlers or a `javascript:` URL,
/// whatever the input says about itself. Call it yourself on a Document built from untrusted
/// data by other means, or read with `trusted` and decide later.
#ifndef PRESSROOM_SANITIZE_HPP
#define PRESSROOM_SANITIZE_HPP

#include <string_view>
#include <vector>

#include "pressroom/error.hpp"
#include "pressroom/model/document.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// Whether `url` may be kept in a URL field: a relative reference, or one whose scheme is
/// `http`, `https`, `mailto`, `ftp`, `tel`, `news`, `urn` or `tag`. The scheme is read as a
/// browser reads it: case does not matter, white space and control characters inside it are
/// ignored, and HTML character references (numeric, or the names `colon`, `Tab` and `NewLine`)
/// count as the characters they stand for. This one filter serves every reader, the HTML sanitiser,
/// the extractor and writers.
[[nodiscard]] PRESSROOM_EXPORT bool is_safe_url(std::string_view url) noexcept;

/// What `sanitize()` does.
struct SanitizeOptions {
  /// Sanitise HTML fields (`body_html` and every other field whose name ends in `_html`):
  /// no script, style, iframe, object, embed or form, no `on*` attributes, URL attributes
  /// through `is_safe_url()`. False leaves them as they are (`ReadOptions::keep_raw_html`).
  bool html = true;
  /// Drop every URL that `is_safe_url()` refuses from the URL fields: `url`, `href`, `uri`,
  /// `icon`, `base`, the Feed's `logo` and every field whose name ends in `_url`, of every
  /// record and value type, and the `same_as` lists. A `Link` or `Media` whose URL is dropped
  /// is removed as a whole.
  bool urls = true;
};

/// Sanitises every HTML field and filters every URL field of `doc`, walking the model with
/// `for_each_field` (a field added to the model is covered by its name). Returns one warning
/// (`ErrorCode::invalid_value`, format "sanitize") per field changed, with its model path
/// (`articles[2].links[0].href`). Idempotent: a Document it returned, or one pressroom wrote and
/// read back, is left unchanged.
PRESSROOM_EXPORT std::vector<Error> sanitize(Document& doc, const SanitizeOptions& options = {});

/// The same for one record of a streaming reader; paths start with the record's type
/// (`article.body_html`).
PRESSROOM_EXPORT std::vector<Error> sanitize(Record& record, const SanitizeOptions& options = {});

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_SANITIZE_HPP
