// SPDX-License-Identifier: MIT
/// @file
/// `jsonl`: one record per line (JSON Lines), for archives too big for memory.
///
/// Each line is a canonical JSON object of one record with a `"type"` key first: `feed`,
/// `article`, `organization`, `commissioner`, `person`, `legislation` or `contact`. At most one
/// `feed` line, conventionally the first. Blank lines are ignored. A `document` line, written
/// first and only when needed, carries the Document's own `pressroom_version` and `extensions`;
/// `read()` applies it, `read_stream()` skips it with a warning (it belongs to no record).
/// Reading and writing stream record by record; memory is bounded by the longest line.
#ifndef PRESSROOM_JSONL_HPP
#define PRESSROOM_JSONL_HPP

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "pressroom/io.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace jsonl {

/// Reads a whole JSON Lines Document held in memory. Line numbers in diagnostics are the
/// input's lines.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> read(std::string_view input,
                                                     const ReadOptions& options = {});
/// Reads record by record from `in`, handing each to `sink`.
[[nodiscard]] PRESSROOM_EXPORT Status read_stream(std::istream& in, const RecordSink& sink,
                                                  const ReadOptions& options = {});
/// Writes `doc`: the document line (when needed), the feed line (when the feed is not empty),
/// then the tables in Document order.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});
/// A record writer: one line per `add()`.
[[nodiscard]] PRESSROOM_EXPORT std::unique_ptr<RecordWriter> open_writer(
    std::ostream& out, const WriteOptions& options = {});
/// This module's registry entry (name "jsonl").
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace jsonl
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_JSONL_HPP
