// SPDX-License-Identifier: MIT
/// @file
/// The table of formats: each reader feeds each writer through the model, so N formats give
/// N readers and N writers, never N x N converters. Also format detection and `convert()`.
#ifndef PRESSROOM_REGISTRY_HPP
#define PRESSROOM_REGISTRY_HPP

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/io.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// Which parts of a Document survive writing in a format and reading it back.
struct Capabilities {
  bool feed = false;           ///< feed metadata
  bool articles = false;       ///< articles (with every field when `lossless`)
  bool organizations = false;  ///< the organizations table
  bool commissioners = false;  ///< the commissioners table
  bool people = false;         ///< the people table
  bool legislation = false;    ///< the legislation table
  bool contacts = false;       ///< the contacts table
  bool lossless = false;       ///< `read(write(d)) == d` for every Document
};

/// A format's registry entry. Empty functions mean "cannot": a read-only format has no `write`.
struct Format {
  std::string name;                      ///< "json", "rss", "boost-xml"...
  std::string description;               ///< one line for `pressroom formats`
  std::vector<std::string> media_types;  ///< "application/rss+xml"...
  std::vector<std::string> extensions;   ///< file name endings without the dot: "rss", "xml"
  /// Confidence that `head` (the first few KiB of an input) is this format: 0 = not mine,
  /// 100 = certain. Must be cheap and never fail.
  std::function<int(std::string_view head)> sniff;
  /// Reads a whole input held in memory. `input` is not kept after the call.
  std::function<Result<Document>(std::string_view input, const ReadOptions&)> read;
  /// Writes a whole Document.
  std::function<Result<std::string>(const Document&, const WriteOptions&)> write;
  /// Reads record by record from a stream (for inputs too big for memory); may be empty.
  std::function<Status(std::istream& in, const RecordSink& sink, const ReadOptions&)> read_stream;
  /// Opens a record writer on `out` (for outputs too big for memory); may be empty.
  std::function<std::unique_ptr<RecordWriter>(std::ostream& out, const WriteOptions&)> open_writer;
  Capabilities carries;  ///< what survives a round trip through this format
};

/// A set of formats, looked up by name, file extension or content.
///
/// A `const Registry` is safe to share between threads.
class PRESSROOM_EXPORT Registry {
 public:
  /// An empty registry.
  Registry() = default;
  /// A registry holding every format built into the core library (not the extractor's `text`
  /// and `html`, which `pressroom::extract` adds).
  [[nodiscard]] static Registry with_builtin_formats();

  /// Adds a format, replacing one of the same name.
  void add(Format format);
  /// The format named `name`, or null.
  [[nodiscard]] const Format* find(std::string_view name) const noexcept;
  /// The format whose extensions include the ending of `path` (case-insensitive), or null.
  [[nodiscard]] const Format* find_by_path(std::string_view path) const noexcept;
  /// The readable format that sniffs `head` with the highest confidence (see
  /// pressroom::sniff(): UTF-16 and UTF-32 inputs are sniffed as the text they hold); on a tie
  /// or no confidence, the one `path`'s extension names. Null when nothing claims the input.
  [[nodiscard]] const Format* detect(std::string_view head, std::string_view path = {}) const;
  /// Every format, in the order added.
  [[nodiscard]] const std::vector<Format>& formats() const noexcept { return formats_; }

 private:
  std::vector<Format> formats_;
};

/// The confidence of `format` that `head` (the first bytes of an input) is in that format,
/// from 0 to 100. The byte order is sniffed first: when a byte order mark or the zero bytes of
/// the first characters (XML 1.0 Appendix F, and the same for JSON) show UTF-16 or UTF-32 text,
/// the sniffer sees that text decoded to UTF-8 as well as the bytes, and the better score
/// counts. A format without a sniffer scores 0.
[[nodiscard]] PRESSROOM_EXPORT int sniff(const Format& format, std::string_view head);

/// Reads `input` as format `from` ("" = detect from content) and writes it as `to`.
/// Warnings of both sides are collected in the result.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> convert(
    const Registry& registry, std::string_view input, std::string_view from, std::string_view to,
    const ReadOptions& read_options = {}, const WriteOptions& write_options = {});

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_REGISTRY_HPP
