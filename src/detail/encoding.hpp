// SPDX-License-Identifier: MIT
// Encodings of inputs: the byte order and BOM seen in the first bytes (XML 1.0 Appendix F, and
// its counterpart for JSON), the XML declaration, conversion to UTF-8 with glibc's iconv, and
// the Windows-1252 fallback for invalid UTF-8. Shared by format detection and every reader of
// text formats.
#ifndef PRESSROOM_DETAIL_ENCODING_HPP
#define PRESSROOM_DETAIL_ENCODING_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/export.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/result.hpp"

namespace pressroom::detail {

// (The functions marked PRESSROOM_EXPORT are used by the extractor, a library of its own that
// links the core: a shared core exports them for it, and no public header declares them.)

// What the first bytes of an input say about its encoding.
struct ByteOrder {
  // "utf-8" (a UTF-8 BOM), "utf-16le", "utf-16be", "utf-32le", "utf-32be", "cp037" (EBCDIC
  // "<?xm"), or "" when the bytes are ASCII-compatible and carry no BOM.
  std::string_view encoding;
  std::size_t bom = 0;  // the length of the byte order mark, 0 when there is none
  // The encoding is neither UTF-8 nor ASCII-compatible: the bytes must be decoded before any
  // text in them can be recognised.
  [[nodiscard]] bool wide() const noexcept { return !encoding.empty() && encoding != "utf-8"; }
};

// Sniffs the byte order of `head`: a BOM (UTF-8, UTF-16 and UTF-32, both byte orders), else the
// pattern of zero bytes an ASCII character makes in the first four bytes of UTF-16 or UTF-32
// text ("<?xml" or " {" alike: XML 1.0 Appendix F, RFC 4627 section 3), else EBCDIC "<?xm".
PRESSROOM_EXPORT ByteOrder sniff_byte_order(std::string_view head) noexcept;

// The first bytes of an input decoded to UTF-8 when sniff_byte_order() finds them wide (a last
// incomplete code unit and invalid ones are dropped), without the BOM; nothing for
// ASCII-compatible bytes, which sniffers read as they are.
std::optional<std::string> decode_head(std::string_view head);

// The lower-case value of encoding="..." in the XML declaration at the start of
// ASCII-compatible `text` (after a UTF-8 BOM), with common aliases made canonical ("utf8" is
// "utf-8"); "" when there is none.
std::string declared_xml_encoding(std::string_view text);

// True for the names of UTF-8 and of its subset US-ASCII.
bool is_utf8_compatible(std::string_view encoding) noexcept;

// The result of converting an input to UTF-8.
struct Decoded {
  std::string text;        // UTF-8, without BOM (empty when `borrowed`: use utf8())
  std::string encoding;    // the encoding used, lower case ("utf-8", "iso-8859-1", "utf-16le")
  std::string declared;    // what the XML declaration said, lower case ("" if nothing)
  bool converted = false;  // text differs from the input bytes (BOM removed, transcoded)
  std::vector<std::string> problems;  // repairs made, as warning messages
  bool borrowed = false;   // valid UTF-8 input needing no change: `input` is the text, not copied
  std::string_view input;  // the input minus its BOM, when `borrowed`
  // The text is valid UTF-8 holding only characters XML 1.0 allows (xml_codec::clean_text;
  // character references are not looked at).
  bool clean = false;
  // The UTF-8 text to parse: a view of the input when borrowed, else of `text`.
  std::string_view utf8() const { return borrowed ? input : std::string_view(text); }
};

// Detects the encoding of an XML (or JSON when `xml` is false) input from its BOM, its XML
// declaration or the first bytes (sniff_byte_order), converts it to UTF-8 with iconv, and
// repairs: a declared encoding that the bytes contradict is a problem, invalid UTF-8 is decoded
// as Windows-1252 (a problem), an unknown encoding is read as UTF-8 (a problem). When the XML
// declaration names an encoding other than UTF-8 the declaration is rewritten to say UTF-8.
PRESSROOM_EXPORT Decoded decode_input(std::string_view input, bool xml);

// Converts `input` from `charset` to UTF-8 with iconv; nothing when the charset is unknown or
// the bytes are invalid in it.
std::optional<std::string> to_utf8(std::string_view input, const std::string& charset);

// Reads `input` with `read` (a reader of UTF-8 text) after converting a UTF-16 or UTF-32 input
// (sniff_byte_order) to UTF-8 with decode_input(input, xml); other inputs, and inputs over
// limits.max_input_bytes, are read as they are.
// The repairs of the conversion come first among the warnings, named after `format`; when
// strict, the first of them is the error.
template <class Read>
Result<Document> read_decoded(std::string_view input, bool xml, std::string_view format,
                              const ReadOptions& options, Read&& read);

// Turns the repairs `problems` of a conversion by `format` into warnings put before those of
// `result`, or, when `options` are strict, into its error.
PRESSROOM_EXPORT void add_decoding_problems(Result<Document>& result,
                                            std::vector<std::string> problems,
                                            std::string_view format, const ReadOptions& options);

template <class Read>
Result<Document> read_decoded(std::string_view input, bool xml, std::string_view format,
                              const ReadOptions& options, Read&& read) {
  // An input over the limit is refused by `read` before anything is converted.
  if (!sniff_byte_order(input).wide() || input.size() > options.limits.max_input_bytes) {
    return read(input);
  }
  Decoded decoded = decode_input(input, xml);
  Result<Document> result = read(decoded.utf8());
  add_decoding_problems(result, std::move(decoded.problems), format, options);
  return result;
}

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_ENCODING_HPP
