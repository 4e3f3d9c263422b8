// SPDX-License-Identifier: MIT
// The canonical JSON codec shared by `json`, `jsonl` and the formats that embed canonical
// objects (JSON Feed's `_pressroom`): a writer generic over the reflection table that appends
// straight to a string, and a SAX reader that maps JSON straight into the model.
#ifndef PRESSROOM_FORMATS_JSON_CODEC_HPP
#define PRESSROOM_FORMATS_JSON_CODEC_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "detail/text.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"

namespace pressroom::json_codec {

// Counters of the repairs a write made; each kind becomes one warning of the caller.
struct WriteStats {
  std::size_t repaired_utf8 = 0;  // strings with invalid UTF-8 written with U+FFFD
  std::size_t non_finite = 0;     // NaN or infinite doubles written as 0
  std::size_t invalid_dates = 0;  // dates is_valid() refuses, left out (no reader takes them)
};

// Appends `s` as a quoted JSON string: `"` `\` and control characters escaped, non-ASCII kept
// as UTF-8; invalid UTF-8 is written as U+FFFD (and counted in `repaired_utf8`).
void append_string(std::string& out, std::string_view s, std::size_t& repaired_utf8);
// Same, without counting repairs.
void append_string(std::string& out, std::string_view s);

// Appends the canonical JSON object of `value` (no final newline). `level` is the nesting level
// of the object for indentation when `options.pretty` (0 = top level). Instantiated for
// Document, Feed, Article, Organization, Commissioner, Person, Legislation, Contact and the
// value types (Location, Dateline, Link, Media, Category, Quantity, EntityRef, PersonName,
// PhoneNumber, Email, PostalAddress, InstantMessaging, Identifier, Statement, Office, Term,
// Generator).
template <class T>
void write_value(std::string& out, const T& value, const WriteOptions& options, int level,
                 WriteStats& stats);
// How `extensions["json"]` (the JSON text of unknown keys) is written: as the JSON object
// itself, or as a string holding that text. Formats that carry canonical objects through
// another JSON parser (JSON Feed's `_pressroom`, read with nlohmann::json, which sorts keys and
// keeps one of duplicate keys) use `as_string`, so that the text reads back byte for byte.
enum class ExtensionJson : unsigned char { as_object, as_string };

// Same, counting only UTF-8 repairs (non-finite doubles are written as 0 silently).
template <class T>
void write_value(std::string& out, const T& value, const WriteOptions& options, int level,
                 std::size_t& repaired_utf8,
                 ExtensionJson extension_json = ExtensionJson::as_object);

// Reads the JSON object `json_object_text` into `out` (fields not present keep their values),
// reporting through `diag` (its options give the mode and limits). Paths of diagnostics start
// with `path_prefix` ("articles[3]"); offsets are relative to `json_object_text` (use
// `diag.set_base` to map them to an enclosing input). A top-level key `ignored_key` (jsonl's
// "type") is skipped silently. Returns false when `diag` failed.
// Same instantiations as write_value.
template <class T>
bool read_value(std::string_view json_object_text, T& out, detail::Diagnostics& diag,
                const std::string& path_prefix, std::string_view ignored_key = {});

// Whether `text` is one valid JSON value (used to decide how `extensions["json"]` is written).
bool is_valid_json(std::string_view text);

}  // namespace pressroom::json_codec

#endif  // PRESSROOM_FORMATS_JSON_CODEC_HPP
