// SPDX-License-Identifier: MIT
// Public entry points of pressroom::extract: from_text, from_html, register_formats.
#include "pressroom/extract.hpp"

#include <algorithm>
#include <exception>
#include <new>
#include <stdexcept>

#include "detail/encoding.hpp"
#include "detail/text.hpp"
#include "extract/pipeline.hpp"
#include "extract/rules.hpp"
#include "pressroom/sanitize.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace extract {
namespace {

// Checks size, repairs UTF-8 (a warning; the error in strict mode) and blanks control
// characters. Returns false with `error` set when the input is refused.
bool prepare(std::string_view input, const Options& options, std::string_view format,
             std::string& text, std::vector<Error>& warnings, Error& error) {
  const std::uint64_t limit =
      std::min<std::uint64_t>(options.max_page_bytes, options.limits.max_input_bytes);
  if (input.size() > limit) {
    error = detail::make_error(ErrorCode::limit_exceeded, format,
                               "page of " + std::to_string(input.size()) +
                                   " bytes exceeds the limit of " + std::to_string(limit));
    return false;
  }
  text.assign(input.data(), input.size());
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  const std::size_t bad = detail::find_invalid_utf8(text);
  if (bad != detail::npos) {
    Error w = detail::make_error(ErrorCode::invalid_value, format,
                                 "invalid UTF-8 replaced by U+FFFD", input, bad);
    if (options.mode == Mode::strict) {
      error = w;
      return false;
    }
    w.severity = Severity::warning;
    warnings.push_back(w);
    detail::repair_utf8(text);
  }
  for (char& c : text)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
      c = ' ';
  return true;
}

// Limits on what a page gives: no block (line, paragraph, headline) longer than
// max_string_bytes; checked before the rules run. Returns false with `error` set.
bool check_blocks(const std::vector<std::string>& lines, std::string_view headline,
                  const Options& options, std::string_view format, Error& error) {
  const std::size_t max = options.limits.max_string_bytes;
  std::size_t longest = headline.size();
  for (const auto& l : lines) longest = std::max(longest, l.size());
  if (longest <= max) return true;
  error = detail::make_error(
      ErrorCode::limit_exceeded, format,
      "a block of " + std::to_string(longest) +
          " bytes exceeds the limit (max_string_bytes = " + std::to_string(max) + ")");
  return false;
}

// The records extracted (the article and every entity) against max_records.
Result<Document> check_records(Result<Document> r, const Options& options,
                               std::string_view format) {
  if (!r) return r;
  const Document& d = *r;
  const std::size_t records = d.articles.size() + d.organizations.size() + d.commissioners.size() +
                              d.people.size() + d.legislation.size() + d.contacts.size();
  if (records <= options.limits.max_records) return r;
  return detail::make_error(ErrorCode::limit_exceeded, format,
                            std::to_string(records) + " records exceed the limit (max_records = " +
                                std::to_string(options.limits.max_records) + ")");
}

// Unless the caller trusts the page, the Document goes through pressroom::sanitize like every
// reader's: the warnings are added, the first is the error in strict mode.
Result<Document> apply_trust(Result<Document> r, const Options& options) {
  if (!r || options.trusted) return r;
  std::vector<Error> found = sanitize(*r);
  if (found.empty()) return r;
  if (options.mode == Mode::strict) {
    Error e = std::move(found.front());
    e.severity = Severity::error;
    Result<Document> failed(std::move(e));
    failed.warnings() = std::move(r.warnings());
    return failed;
  }
  for (Error& e : found) r.warnings().push_back(std::move(e));
  return r;
}

Error internal_error(std::string_view format, const char* what) {
  return detail::make_error(ErrorCode::unsupported, format,
                            std::string("extraction failed: ") + what);
}

// Runs one extraction: running out of memory is a limit_exceeded error (guard_memory), any
// other exception an internal error; nothing escapes.
template <class Body>
Result<Document> guarded(std::string_view format, Body&& body) {
  return detail::guard_memory(format, "extracting a page", [&]() -> Result<Document> {
    try {
      return body();
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::length_error&) {
      throw;
    } catch (const std::exception& e) {
      return internal_error(format, e.what());
    } catch (...) {
      return internal_error(format, "unknown exception");
    }
  });
}

}  // namespace

Result<Document> from_text(std::string_view page_text, const Options& options) {
  return guarded("text", [&]() -> Result<Document> {
    std::string text;
    std::vector<Error> warnings;
    Error error;
    if (!prepare(page_text, options, "text", text, warnings, error)) return error;
    const std::vector<std::string> lines = extract_detail::split_lines(text);
    if (lines.empty())
      return detail::make_error(ErrorCode::missing_field, "text", "the page is empty");
    if (!check_blocks(lines, {}, options, "text", error)) return error;
    return apply_trust(
        check_records(extract_detail::build_document(lines, extract_detail::PageMeta{}, options,
                                                     std::move(warnings)),
                      options, "text"),
        options);
  });
}

Result<Document> from_html(std::string_view html, const Options& options) {
  return guarded("html", [&]() -> Result<Document> {
    std::string text;
    std::vector<Error> warnings;
    Error error;
    if (!prepare(html, options, "html", text, warnings, error)) return error;
    extract_detail::PageMeta meta;
    auto blocks = extract_detail::html_blocks(text, options, meta);
    if (!blocks) return blocks.error();
    std::vector<std::string> lines;
    for (auto& b : *blocks) {
      std::string s = extract_detail::squeeze(b);
      if (!s.empty()) lines.push_back(std::move(s));
    }
    if (lines.empty() && meta.headline.empty())
      return detail::make_error(ErrorCode::missing_field, "html", "the page has no text");
    for (auto& w : blocks.warnings()) warnings.push_back(w);
    if (!check_blocks(lines, meta.headline, options, "html", error)) return error;
    return apply_trust(
        check_records(extract_detail::build_document(lines, meta, options, std::move(warnings)),
                      options, "html"),
        options);
  });
}

namespace {

std::string_view skip_space(std::string_view s) {
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\n' || s[0] == '\r' || s[0] == '\t'))
    s.remove_prefix(1);
  return s;
}

int sniff_html(std::string_view head) {
  const std::string_view s = skip_space(head);
  if (extract_detail::istarts_with(s, "<!doctype html")) return 90;
  if (extract_detail::istarts_with(s, "<html")) return 90;
  if (extract_detail::istarts_with(s, "<!--") || extract_detail::istarts_with(s, "<head") ||
      extract_detail::istarts_with(s, "<body"))
    return s.find("<p") != std::string_view::npos || s.find("<div") != std::string_view::npos ? 40
                                                                                              : 0;
  return 0;
}

int sniff_text(std::string_view head) {
  const std::string_view s = skip_space(head);
  if (s.empty() || s[0] == '<' || s[0] == '{' || s[0] == '[') return 0;
  if (detail::find_invalid_utf8(head.substr(0, head.size() > 4 ? head.size() - 4 : head.size())) !=
      detail::npos)
    return 0;
  for (char c : head)
    if (c == '\0') return 0;
  return 5;  // plain text is the fallback of every other format
}

Options to_options(const ReadOptions& r) {
  Options o;
  static_cast<ReadOptions&>(o) = r;
  return o;
}

}  // namespace

void register_formats(Registry& registry) {
  Format text;
  text.name = "text";
  text.description = "press-release page as plain text (extraction; read only)";
  text.media_types = {"text/plain"};
  text.extensions = {"txt", "text"};
  text.sniff = sniff_text;
  // Pages saved in UTF-16 or UTF-32 are converted to UTF-8 first, as every reader of text does.
  text.read = [](std::string_view input, const ReadOptions& r) {
    return detail::read_decoded(input, false, "text", r, [&r](std::string_view page) {
      return from_text(page, to_options(r));
    });
  };
  text.carries.articles = true;
  text.carries.organizations = true;
  text.carries.commissioners = true;
  text.carries.people = true;
  text.carries.legislation = true;
  text.carries.contacts = true;
  registry.add(std::move(text));

  Format html;
  html.name = "html";
  html.description = "press-release web page (extraction; read only)";
  html.media_types = {"text/html", "application/xhtml+xml"};
  html.extensions = {"html", "htm", "xhtml"};
  html.sniff = sniff_html;
  html.read = [](std::string_view input, const ReadOptions& r) {
    return detail::read_decoded(input, false, "html", r, [&r](std::string_view page) {
      return from_html(page, to_options(r));
    });
  };
  html.carries = Capabilities{false, true, true, true, true, true, true, false};
  registry.add(std::move(html));
}

}  // namespace extract
PRESSROOM_ABI_END
}  // namespace pressroom
