// SPDX-License-Identifier: MIT
// The `json` module: canonical Document JSON, read through the SAX codec and written by the
// reflection writer; a record writer that spools tables to temporary files.
#include "pressroom/json.hpp"

#include <array>
#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <variant>

#include "detail/encoding.hpp"
#include "detail/spill.hpp"
#include "detail/text.hpp"
#include "detail/trust.hpp"
#include "formats/json/codec.hpp"

namespace pressroom {
namespace json_detail {
namespace {

Error write_warning(std::string message) {
  Error e;
  e.code = ErrorCode::invalid_value;
  e.severity = Severity::warning;
  e.format = "json";
  e.message = std::move(message);
  return e;
}

void add_write_warnings(std::vector<Error>& warnings, const json_codec::WriteStats& stats) {
  if (stats.repaired_utf8 > 0) {
    warnings.push_back(write_warning("invalid utf-8 in " + std::to_string(stats.repaired_utf8) +
                                     " string(s) written as U+FFFD"));
  }
  if (stats.non_finite > 0) {
    warnings.push_back(
        write_warning(std::to_string(stats.non_finite) + " non-finite number(s) written as 0"));
  }
  if (stats.invalid_dates > 0) {
    warnings.push_back(write_warning(std::to_string(stats.invalid_dates) +
                                     " invalid date(s) left out (no reader accepts them)"));
  }
}

void newline(std::string& out, const WriteOptions& options, int level) {
  if (!options.pretty) return;
  out += '\n';
  out.append(
      static_cast<std::size_t>(level) * static_cast<std::size_t>(std::max(options.indent, 0)), ' ');
}

// Writes records as they come: the feed is kept in memory, each table's serialized records are
// set aside in a SpillBuffer of their own (memory, then a temporary file past 1 MB),
// concatenated in Document order by finish(). The bytes are
// those json::write() gives for the Document the records form.
class SpoolWriter : public RecordWriter {
 public:
  SpoolWriter(std::ostream& out, const WriteOptions& options) : out_(out), options_(options) {}
  ~SpoolWriter() override = default;
  SpoolWriter(const SpoolWriter&) = delete;
  SpoolWriter& operator=(const SpoolWriter&) = delete;

  Status add(const Record& record) override {
    if (finished_) return io_error("add() after finish()");
    if (const auto* feed = std::get_if<Feed>(&record)) {
      feed_ = *feed;
      return {};
    }
    const std::size_t table = record.index() - 1;
    Spool& spool = spools_[table];
    buffer_.clear();
    if (spool.count > 0) buffer_ += ',';
    newline(buffer_, options_, 2);
    std::visit(
        [&](const auto& r) {
          using T = std::decay_t<decltype(r)>;
          if constexpr (!std::is_same_v<T, Feed>) {
            json_codec::write_value(buffer_, r, options_, 2, stats_);
          }
        },
        record);
    if (!spool.rows.take(buffer_, 0)) return io_error(spool.rows.error());
    ++spool.count;
    return {};
  }

  Status finish() override {
    if (finished_) return io_error("finish() called twice");
    finished_ = true;
    static constexpr std::array<const char*, 6> names = {
        "articles", "organizations", "commissioners", "people", "legislation", "contacts"};
    std::string head = "{";
    newline(head, options_, 1);
    head += options_.pretty ? "\"pressroom_version\": " : "\"pressroom_version\":";
    json_codec::append_string(head, model_version);
    std::string feed;
    json_codec::write_value(feed, feed_, options_, 1, stats_);
    if (feed != "{}") {
      head += ',';
      newline(head, options_, 1);
      head += options_.pretty ? "\"feed\": " : "\"feed\":";
      head += feed;
    }
    out_.write(head.data(), static_cast<std::streamsize>(head.size()));
    std::string chunk;
    const detail::Drain drain = [this](std::string& text) {
      out_.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    };
    for (std::size_t t = 0; t < spools_.size(); ++t) {
      Spool& spool = spools_[t];
      if (spool.count == 0) continue;
      std::string open = ",";
      newline(open, options_, 1);
      open += '"';
      open += names[t];
      open += options_.pretty ? "\": [" : "\":[";
      out_.write(open.data(), static_cast<std::streamsize>(open.size()));
      if (!spool.rows.append_to(chunk, drain))
        return io_error(spool.rows.error().empty() ? "cannot read a temporary file"
                                                   : spool.rows.error());
      drain(chunk);
      std::string close;
      newline(close, options_, 1);
      close += ']';
      out_.write(close.data(), static_cast<std::streamsize>(close.size()));
    }
    std::string tail;
    newline(tail, options_, 0);
    tail += "}\n";
    out_.write(tail.data(), static_cast<std::streamsize>(tail.size()));
    out_.flush();
    std::vector<Error> warnings;
    add_write_warnings(warnings, stats_);
    for (Error& w : warnings) warn_once(std::move(w));
    if (!out_) return io_error("cannot write the output");
    return {};
  }

 private:
  struct Spool {
    detail::SpillBuffer rows;
    std::size_t count = 0;
  };
  static Status io_error(std::string message) {
    Error e;
    e.code = ErrorCode::io;
    e.format = "json";
    e.message = std::move(message);
    return Status(std::move(e));
  }

  std::ostream& out_;
  WriteOptions options_;
  Feed feed_;
  std::array<Spool, 6> spools_;
  std::string buffer_;
  json_codec::WriteStats stats_;
  bool finished_ = false;
};

int sniff(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::string_view t = detail::trim(head);
  if (t.empty() || t.front() != '{') return 0;
  const std::string_view first_kib = head.substr(0, 1024);
  // JSON Feed and other JSON formats start with '{' too: only a low score for them.
  if (first_kib.find("jsonfeed.org/version") != std::string_view::npos) return 5;
  if (first_kib.find("\"pressroom_version\"") != std::string_view::npos ||
      first_kib.find("\"articles\"") != std::string_view::npos) {
    return 90;
  }
  return 10;
}

// Reads canonical JSON from UTF-8 text.
Result<Document> read_utf8(std::string_view input, const ReadOptions& options) {
  detail::Diagnostics diag(options, "json", input);
  if (input.size() > options.limits.max_input_bytes) {
    diag.fail(ErrorCode::limit_exceeded, "input of " + std::to_string(input.size()) +
                                             " bytes exceeds the limit (max_input_bytes = " +
                                             std::to_string(options.limits.max_input_bytes) + ")");
  }
  Document doc;
  if (!diag.failed()) (void)json_codec::read_value(input, doc, diag, std::string());
  if (diag.failed()) {
    Result<Document> r(diag.error());
    r.warnings() = std::move(diag.warnings());
    return r;
  }
  Result<Document> r(std::move(doc));
  r.warnings() = std::move(diag.warnings());
  detail::apply_trust(r, options);
  return r;
}

}  // namespace
}  // namespace json_detail

PRESSROOM_ABI_BEGIN
namespace json {

Result<Document> read(std::string_view input, const ReadOptions& options) {
  // UTF-8 is the interchange encoding (RFC 8259); UTF-16 and UTF-32, with a BOM or told by the
  // zero bytes of the first characters, are converted to it first.
  return detail::guard_memory("json", "reading", [&]() -> Result<Document> {
    return detail::read_decoded(input, false, "json", options, [&options](std::string_view text) {
      return json_detail::read_utf8(text, options);
    });
  });
}

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  return detail::guard_memory("json", "writing", [&]() -> Result<std::string> {
    std::string out;
    out.reserve(4096);
    json_codec::WriteStats stats;
    json_codec::write_value(out, doc, options, 0, stats);
    out += '\n';
    std::vector<Error> warnings;
    json_detail::add_write_warnings(warnings, stats);
    Result<std::string> r(std::move(out));
    r.warnings() = std::move(warnings);
    return r;
  });
}

std::unique_ptr<RecordWriter> open_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<json_detail::SpoolWriter>(out, options);
}

Format format() {
  Format f;
  f.name = "json";
  f.description = "canonical Document JSON (lossless)";
  f.media_types = {"application/json"};
  f.extensions = {"json"};
  f.sniff = &json_detail::sniff;
  f.read = [](std::string_view input, const ReadOptions& options) { return read(input, options); };
  f.write = [](const Document& doc, const WriteOptions& options) { return write(doc, options); };
  f.open_writer = [](std::ostream& out, const WriteOptions& options) {
    return open_writer(out, options);
  };
  f.carries = Capabilities{true, true, true, true, true, true, true, true};
  return f;
}

}  // namespace json
PRESSROOM_ABI_END
}  // namespace pressroom
