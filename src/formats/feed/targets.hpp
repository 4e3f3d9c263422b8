// SPDX-License-Identifier: MIT
// The one table of what the feed writers write model text into: for each element or member,
// whether feed readers take its content for text (shown as it is) or for HTML (rendered).
// Writers never write a value without its target: plain text going into an HTML target is
// HTML-escaped first, so that a summary holding `<img src=x onerror=...>` reaches a feed
// reader as those characters, never as an element.
#ifndef PRESSROOM_FORMATS_FEED_TARGETS_HPP
#define PRESSROOM_FORMATS_FEED_TARGETS_HPP

#include <string>
#include <string_view>

namespace pressroom::feed_detail {

// What a value or a target holds.
enum class Markup { text, html };

// One element or member a writer puts model text into.
struct Target {
  std::string_view name;  // as written: "description", "content:encoded", "summary"
  Markup markup;          // what readers take its content for
  // The `type` attribute written with it to say so (Atom text constructs, Media RSS), or "".
  std::string_view type = {};
};

// ---- what the model holds ------------------------------------------------------------
// Every text field of the model holds plain text except Article::body_html (sanitised HTML),
// and the body blocks, which writers render as HTML (article_html). Readers reduce a construct
// a feed gave as HTML to its text before storing it; the `*_info` members (TextInfo) record how
// the source gave a value, not what the value beside them holds: a summary read from
// `<summary type="html">` is text, and writing it as HTML would make markup the source had
// escaped live.
inline constexpr Markup model_text = Markup::text;
inline constexpr Markup model_html = Markup::html;

// ---- RSS 2.0 ---------------------------------------------------------------------------
// RSS 2.0 allows "entity-encoded HTML" in description, and every feed reader renders both
// descriptions (and content:encoded, RSS 1.0 content module) as HTML; the RSS Advisory Board
// says titles and the other elements hold no markup.
namespace rss_targets {
inline constexpr Target channel_title{"title", Markup::text};
inline constexpr Target channel_description{"description", Markup::html};
inline constexpr Target copyright{"copyright", Markup::text};
inline constexpr Target generator{"generator", Markup::text};
inline constexpr Target image_title{"title", Markup::text};
inline constexpr Target category{"category", Markup::text};
inline constexpr Target creator{"dc:creator", Markup::text};
inline constexpr Target item_title{"title", Markup::text};
inline constexpr Target item_description{"description", Markup::html};
inline constexpr Target content_encoded{"content:encoded", Markup::html};
inline constexpr Target rights{"dc:rights", Markup::text};
inline constexpr Target source{"source", Markup::text};
// Media RSS: title and description say `type="plain"`; credit is text.
inline constexpr Target media_title{"media:title", Markup::text, "plain"};
inline constexpr Target media_description{"media:description", Markup::text, "plain"};
inline constexpr Target media_credit{"media:credit", Markup::text};
}  // namespace rss_targets

// ---- Atom 1.0 --------------------------------------------------------------------------
// RFC 4287 §3.1: a text construct says in `type` what it holds.
namespace atom_targets {
inline constexpr Target title{"title", Markup::text, "text"};
inline constexpr Target subtitle{"subtitle", Markup::text, "text"};
inline constexpr Target rights{"rights", Markup::text, "text"};
inline constexpr Target summary{"summary", Markup::text, "text"};
inline constexpr Target content{"content", Markup::html, "html"};
inline constexpr Target person_name{"name", Markup::text};
inline constexpr Target generator{"generator", Markup::text};
}  // namespace atom_targets

// ---- JSON Feed 1.1 ---------------------------------------------------------------------
// title, description, summary and content_text are plain text; content_html is HTML.
namespace jsonfeed_targets {
inline constexpr Target title{"title", Markup::text};
inline constexpr Target description{"description", Markup::text};
inline constexpr Target summary{"summary", Markup::text};
inline constexpr Target content_text{"content_text", Markup::text};
inline constexpr Target content_html{"content_html", Markup::html};
inline constexpr Target author_name{"name", Markup::text};
inline constexpr Target tag{"tags", Markup::text};
inline constexpr Target attachment_title{"title", Markup::text};
}  // namespace jsonfeed_targets

// `value`, which holds `from`, as the content of `target`: text for an HTML target is
// HTML-escaped (& < >: element content needs no more), HTML for a text target is reduced to its
// text (its blocks joined by spaces), anything else is `value` itself. The result points into
// `value` or `storage`.
std::string_view for_target(const Target& target, std::string_view value, Markup from,
                            std::string& storage);

// The inverse, for pressroom's own readers: the content of `target` as read (XML escapes
// already decoded) back as a value holding `to`. Text that for_target HTML-escaped comes back
// exactly (only the three escapes it writes are decoded, so text -> HTML -> text is the
// identity); other pairs are given back as they are.
std::string from_target(const Target& target, std::string content, Markup to);

// Appends `text` HTML-escaped for element content: & < > as &amp; &lt; &gt;.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace pressroom::feed_detail

#endif  // PRESSROOM_FORMATS_FEED_TARGETS_HPP
