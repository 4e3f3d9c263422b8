// SPDX-License-Identifier: MIT
// Helpers shared by the three feed formats (rss, atom, jsonfeed): dates in RFC 822 and
// RFC 3339, encodings, URLs, the HTML sanitiser, XML output, and the reader of XML feeds
// (RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 go through one reader, as in feedparser).
#ifndef PRESSROOM_FORMATS_FEED_FEED_HPP
#define PRESSROOM_FORMATS_FEED_FEED_HPP

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/encoding.hpp"
#include "detail/text.hpp"
#include "pressroom/io.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/result.hpp"

namespace pressroom::feed_detail {

// ---- dates ----------------------------------------------------------------------------

// What a writer did with a date.
enum class DateOutcome {
  ok,          // written as it is
  midnight,    // day precision: written as 00:00:00 (the precision is lost for foreign readers)
  no_offset,   // local time without offset: written as UTC
  too_coarse,  // year or month precision: not written
  invalid      // not a valid date: not written
};

// Appends an RFC 822 (RFC 2822 §3.3) date with a four-digit year and a `+hhmm` offset:
// "Tue, 12 Mar 2024 09:30:00 +0100". Writes nothing for too_coarse/invalid.
DateOutcome append_rfc822(std::string& out, const DateTime& dt);
// Appends an RFC 3339 date-time: "2024-03-12T09:30:00+01:00". Same outcomes.
DateOutcome append_rfc3339(std::string& out, const DateTime& dt);

// Parses a date as feeds write them: RFC 822 and its corruptions (two-digit years, named and
// military zones, missing seconds or day name, extra spaces, other languages' day names),
// W3C-DTF / RFC 3339 / ISO 8601 variants (basic and extended forms). Keeps the precision
// read. `impossible` is set when the text has the shape of a date that does not exist
// (30 February); then nothing is returned. `nonstandard` is set when the text was repaired.
std::optional<DateTime> parse_feed_date(std::string_view text, bool* nonstandard = nullptr,
                                        bool* impossible = nullptr);

// Seconds since 1970-01-01T00:00:00Z of `dt` (missing parts count as their minimum, a missing
// offset as UTC). For comparisons only.
long long to_unix_seconds(const DateTime& dt);

// ---- encodings ------------------------------------------------------------------------

// Decoding inputs to UTF-8 lives in detail/encoding.hpp, shared with the other readers.
using detail::decode_input;
using detail::Decoded;
using detail::to_utf8;

// ---- URLs -----------------------------------------------------------------------------

// True when `s` starts with a URI scheme ("http:", "urn:", "tag:"...).
bool has_scheme(std::string_view s) noexcept;
// Resolves `ref` against `base` (RFC 3986 §5.2); returns `ref` when `base` is empty or not
// absolute, or when `ref` is already absolute. A URL that detail::is_safe_url
// refuses (javascript:, vbscript:, data:...) gives "".
std::string resolve_url(std::string_view base, std::string_view ref);

// ---- HTML -----------------------------------------------------------------------------

// The result of one pass over HTML content.
struct HtmlResult {
  std::string html;           // sanitised (or raw) HTML
  std::vector<Block> blocks;  // plain-text blocks derived from it
  bool removed = false;       // the sanitiser removed something
};

// Sanitises `html` with an allow-list (no script, style, iframe, object, embed, form; no
// on* attributes; URL attributes only when detail::is_safe_url allows them, resolved
// against `base`) and derives plain-text blocks (paragraphs, headings, list items, quotes),
// in one streaming pass without building a tree. `keep_raw` keeps the markup unchanged
// (blocks are still derived).
HtmlResult process_html(std::string_view html, std::string_view base, bool keep_raw);
// The HTML of an item that says pressroom wrote it (read as it is, not in the one pass over
// foreign content), sanitised like foreign content unless `options` trust the input or keep
// raw HTML: the marker is the input's claim, never a reason to trust it. True when something
// unsafe was removed (the caller warns).
bool sanitise_own_html(std::string& html, const ReadOptions& options);
// The warning when something unsafe was removed from HTML that claimed to be safe.
inline constexpr const char* kUnsafeHtmlRemoved =
    "unsafe HTML removed (script, styles, frames, event handlers or unsafe URLs)";
// The blocks of process_html(html, {}, true) alone (no HTML kept).
std::vector<Block> html_blocks(std::string_view html);

// Decodes HTML character references (named ones of HTML 4 and numeric) in `text`.
std::string decode_html_entities(std::string_view text);
// Plain text split into blocks at blank lines (paragraphs); whitespace collapsed.
std::vector<Block> text_blocks(std::string_view text);
// Collapses runs of whitespace into one space and trims.
std::string collapse_space(std::string_view text);
// The same in place (the result is never longer): no allocation for a temporary.
std::string collapse_space(std::string&& text);
std::string collapse_space(const std::string& text);
inline std::string collapse_space(const char* text) {
  return collapse_space(std::string_view(text));
}

// Renders blocks as HTML (<p>, <h2>, <li> inside <ul>, <blockquote>), escaped.
std::string blocks_to_html(const std::vector<Block>& blocks);
// Joins blocks with blank lines.
std::string blocks_to_text(const std::vector<Block>& blocks);

// ---- XML output -----------------------------------------------------------------------

// Appends `text` escaped for XML content (`attr`: for a double-quoted attribute too):
// & < > (so that "]]>" is harmless), CR as &#13;, in attributes " TAB LF as references.
// Characters XML 1.0 forbids (and invalid UTF-8) are dropped; returns how many were dropped.
std::size_t append_xml(std::string& out, std::string_view text, bool attr = false);

// Collects the warnings of a writer, once per kind of loss.
class WriteDiagnostics {
 public:
  explicit WriteDiagnostics(std::string_view format) : format_(format) {}
  // Adds a warning unless one with the same code and message exists.
  void warn(ErrorCode code, std::string message, std::string path = {});
  std::vector<Error>& warnings() noexcept { return warnings_; }
  std::string_view format() const noexcept { return format_; }

 private:
  std::string format_;
  std::vector<Error> warnings_;
};

// ---- reading XML feeds ----------------------------------------------------------------

// Which dialect an XML feed was.
enum class FeedVersion {
  unknown,
  rss090,
  rss091n,
  rss091u,
  rss092,
  rss093,
  rss094,
  rss20,
  rss10,
  rss,
  atom03,
  atom10
};
// feedparser's name of a version: "rss20", "atom10", "" for unknown.
std::string_view version_name(FeedVersion v) noexcept;

// Reads an RSS or Atom feed of any version into a Document. `format` names the module in
// diagnostics. When `version`/`encoding` are given they receive what was detected.
Result<Document> read_xml_feed(std::string_view input, const ReadOptions& options,
                               std::string_view format, FeedVersion* version = nullptr,
                               std::string* encoding = nullptr);
// Reads the same record by record into `sink`, without building a Document: the Feed record
// first, each table row once read, each article once read. The Document's own
// pressroom_version and extensions are skipped with a warning.
Status read_xml_feed_records(std::string_view input, const RecordSink& sink,
                             const ReadOptions& options, std::string_view format);
// Reads all of `in` (at most limits.max_input_bytes), then read_xml_feed_records().
Status read_xml_feed_stream(std::istream& in, const RecordSink& sink, const ReadOptions& options,
                            std::string_view format);

// Confidence (0..100) that `head` is an RSS feed / an Atom feed.
int sniff_rss(std::string_view head) noexcept;
int sniff_atom(std::string_view head) noexcept;

// ---- pressroom extension --------------------------------------------------------------

// Namespace of the pressroom extension in RSS and Atom.
inline constexpr const char* pressroom_ns = "urn:pressroom:1";

}  // namespace pressroom::feed_detail

#endif  // PRESSROOM_FORMATS_FEED_FEED_HPP
