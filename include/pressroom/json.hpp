// SPDX-License-Identifier: MIT
/// @file
/// `json`: canonical Document JSON (MODEL.md section 6), lossless both ways.
///
/// Reading goes through a SAX handler straight into the model (no DOM), with the depth,
/// string and record limits of `ReadOptions`. Invalid UTF-8 is repaired to U+FFFD with a
/// warning (lenient) or rejected (strict). Unknown keys are kept under `extensions["json"]`
/// of the enclosing record with a warning (lenient) or rejected (strict); `null` and empty
/// arrays mean absent. Writing omits absent fields and orders keys as MODEL.md does.
#ifndef PRESSROOM_JSON_HPP
#define PRESSROOM_JSON_HPP

#include <string>
#include <string_view>

#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace json {

/// Reads a canonical JSON Document. `input` is not kept after the call.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> read(std::string_view input,
                                                     const ReadOptions& options = {});
/// Writes `doc` as canonical JSON (UTF-8, no BOM, a final newline).
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});
/// A record writer producing the same JSON as `write()` from records in any order; records
/// other than articles are spooled to memory-bounded temporary storage until `finish()`.
[[nodiscard]] PRESSROOM_EXPORT std::unique_ptr<RecordWriter> open_writer(
    std::ostream& out, const WriteOptions& options = {});
/// This module's registry entry (name "json").
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace json
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_JSON_HPP
