// SPDX-License-Identifier: MIT
// The stages of the extractor above the single rules (private): the page layout found in the
// lines of a page, what HTML metadata adds, and the assembly of the Document.
#ifndef PRESSROOM_EXTRACT_PIPELINE_HPP
#define PRESSROOM_EXTRACT_PIPELINE_HPP

#include <optional>
#include <string>
#include <vector>

#include "pressroom/extract.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/result.hpp"

namespace pressroom::extract_detail {

// Where the parts of a release are in its lines.
struct Layout {
  bool found = false;  // a first paragraph was found
  std::string headline;
  std::optional<DateTime> date_line;  // a line holding only a date, near the headline
  std::string byline;                 // "By ..." without "By "
  std::optional<Dateline> dateline;
  std::string first_paragraph;    // without its dateline
  std::vector<std::string> body;  // first paragraph included
  std::vector<std::string> contact_lines;
  std::vector<std::string> blurbs;        // "About"/"WHO WE ARE" texts, mined for facts
  std::vector<std::string> header_lines;  // the first short lines (site name)
};

// What an HTML page's metadata says (JSON-LD, OpenGraph, meta tags).
struct PageMeta {
  std::string headline;
  std::optional<DateTime> date;
  std::string author;
  std::string language;
  std::string url;
  // Set by the HTML front end: the line where the main content found by structure starts,
  // and the line holding the headline element (npos when not known).
  std::size_t content_begin = std::string::npos;
  std::size_t headline_line = std::string::npos;
};

// Finds headline, dateline, body, contact block and blurbs in the lines of a page. When the
// HTML front end knows where the main content starts (`content_begin`) and which line is the
// headline, the body is looked for there only; lines before it are navigation and blurbs.
Layout analyse_layout(const std::vector<std::string>& lines,
                      std::size_t content_begin = std::string::npos,
                      std::size_t headline_line = std::string::npos);

// Runs the whole text pipeline on the lines of a page.
Result<Document> build_document(const std::vector<std::string>& lines, const PageMeta& meta,
                                const extract::Options& options, std::vector<Error> warnings);

// The text blocks and metadata of an HTML page (libxml2), or an error.
Result<std::vector<std::string>> html_blocks(std::string_view html, const extract::Options& options,
                                             PageMeta& meta);

}  // namespace pressroom::extract_detail

#endif  // PRESSROOM_EXTRACT_PIPELINE_HPP
