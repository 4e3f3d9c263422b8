// SPDX-License-Identifier: MIT
/// @file
/// Press-release page extraction (DESIGN.md "Extraction"; MODEL.md section 7): turns the text
/// dump or the HTML of a press-release page into a Document holding one Article (headline,
/// dateline, body, contact note) and the organizations, commissioners, people, legislation and
/// contacts the page names. Library target `pressroom::extract`, separate from the core so that
/// programs which only need the model and the feeds pull in none of its dependencies.
#ifndef PRESSROOM_EXTRACT_HPP
#define PRESSROOM_EXTRACT_HPP

#include <string>
#include <string_view>

#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace extract {

/// Options of the extractor: the reader options plus what a page may leave unsaid.
struct Options : ReadOptions {
  /// ISO 3166-1 alpha-2 region used for national phone numbers ("0141 496 0817") when neither
  /// the dateline nor the publishing organization gives a country. Empty = unknown.
  std::string default_region = {};
  /// Largest page accepted, in bytes (larger input fails with `limit_exceeded`).
  std::size_t max_page_bytes = std::size_t{64} << 20;
};

/// Extracts a Document from the plain text of a page (one block per line, as a text dump of a
/// web page looks: navigation, headline, optional date line, dateline paragraph, body, contact
/// paragraph, footer). Never throws; invalid UTF-8 is repaired with a warning (an error in
/// strict mode); empty input or input without any paragraph is a `missing_field` error.
/// Limits (`limit_exceeded` in both modes): the input against `limits.max_input_bytes` and
/// `max_page_bytes`, every line against `limits.max_string_bytes`, the records found against
/// `limits.max_records`.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> from_text(std::string_view page_text,
                                                          const Options& options = {});

/// Extracts a Document from the HTML of a page: libxml2's HTML parser (with size and depth
/// limits), JSON-LD / OpenGraph / meta tags for headline, date, author and language, then the
/// main content blocks go through the same rules as `from_text`. Never throws. The main
/// content is found by structure and text/link density (class/id hints, paragraph scores,
/// boilerplate such as menus, comments, related links and cookie banners left out).
/// Limits (`limit_exceeded` in both modes): the input against `limits.max_input_bytes` and
/// `max_page_bytes`, the element nesting against `limits.max_depth` (libxml2's own caps are
/// lifted), every text block against `limits.max_string_bytes`, the records found against
/// `limits.max_records`.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> from_html(std::string_view html,
                                                          const Options& options = {});

/// Adds the read-only formats `text` and `html` (read and sniff, no write) to `registry`.
PRESSROOM_EXPORT void register_formats(Registry& registry);

}  // namespace extract
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_EXTRACT_HPP
