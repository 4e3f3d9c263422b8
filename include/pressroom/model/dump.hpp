// SPDX-License-Identifier: MIT
/// @file
/// A stable, line-oriented, human-readable dump of a Document, one line per field that is set.
/// Used by the golden tests (`tests/data/<fmt>/<case>.<ext>.expected`) and handy when debugging
/// a reader or writer: two dumps diff cleanly line by line.
#ifndef PRESSROOM_MODEL_DUMP_HPP
#define PRESSROOM_MODEL_DUMP_HPP

#include <string>
#include <string_view>

#include "pressroom/config.hpp"
#include "pressroom/export.hpp"
#include "pressroom/model/document.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// Dumps every field of `doc` that is set, one `path = value` line each (each line ends with
/// `\n`), in the canonical field order of `model/fields.hpp`:
///
/// ```text
/// pressroom_version = "1.0"
/// articles[0].id = "art:uk-commissioner-endorses-iom-training"
/// articles[0].headline = "UK Commissioner Endorses IOM Training to Combat Modern Slavery"
/// articles[0].date_published = 2024-03-12T09:30:00+01:00
/// articles[0].body[0].text = "The UK’s first ..."
/// organizations[0].member_count.value = 175
/// organizations[0].extensions["json"] = "{\"_x\":1}"
/// ```
///
/// Rules, so that the output is stable across platforms and versions:
/// - paths use the canonical field names, `[i]` for vector elements (0-based) and `["key"]`
///   for `Extensions` entries;
/// - strings are written in double quotes when non-empty; `"` and `\` are escaped, as are
///   control characters (`\n`, `\r`, `\t`, `\xNN` for other C0 bytes and DEL), invalid UTF-8
///   bytes (`\xNN`) and invisible or look-alike code points (C1 controls, no-break and other
///   Unicode spaces, zero-width characters, bidirectional controls, line and paragraph
///   separators, the BOM) as `\u{XXXX}`; other UTF-8 is kept as is;
/// - `DateTime` values are written unquoted in their canonical form (`to_string(DateTime)`);
/// - numbers are written in their shortest round-trip form (`2000`, `0.1`, `1e+300`); integer
///   fields always, `std::optional` ones when engaged;
/// - enumerators are written by name (`kind = news`), and omitted when they are the default
///   (first) enumerator;
/// - empty strings, empty vectors, empty maps and disengaged optionals are omitted; a present
///   value or vector element that has nothing set is written as `path = {}` so that it stays
///   visible.
///
/// The dump of a default-constructed Document is the single line `pressroom_version = "1.0"`.
[[nodiscard]] PRESSROOM_EXPORT std::string debug_dump(const Document& doc);

/// Quotes and escapes `text` the way `debug_dump` writes strings (see above): `"a\nb"`.
[[nodiscard]] PRESSROOM_EXPORT std::string debug_quote(std::string_view text);

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_DUMP_HPP
