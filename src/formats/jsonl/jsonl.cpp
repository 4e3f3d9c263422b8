// SPDX-License-Identifier: MIT
// The `jsonl` module: one canonical record per line, `"type"` first. Reading goes line by line
// through the JSON codec, so memory is bounded by the longest line.
#include "pressroom/jsonl.hpp"

#include <algorithm>
#include <array>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "detail/encoding.hpp"
#include "detail/text.hpp"
#include "detail/trust.hpp"
#include "formats/json/codec.hpp"

namespace pressroom {
namespace jsonl_detail {
namespace {

// Record type names, indexed like the alternatives of `Record`.
constexpr std::array<std::string_view, 7> type_names = {
    "feed", "article", "organization", "commissioner", "person", "legislation", "contact"};
// Document table of each record type (paths of diagnostics).
constexpr std::array<const char*, 7> table_names = {
    "feed", "articles", "organizations", "commissioners", "people", "legislation", "contacts"};

std::size_t type_index(std::string_view name) {
  for (std::size_t i = 0; i < type_names.size(); ++i) {
    if (type_names[i] == name) return i;
  }
  return detail::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The common case: the line starts with {"type":"<name>" (what our writer produces).
bool fast_type(std::string_view line, std::string_view& type) {
  std::size_t i = 0;
  auto skip = [&] {
    while (i < line.size() && is_space(line[i])) ++i;
  };
  auto expect = [&](std::string_view s) {
    if (line.substr(i, s.size()) != s) return false;
    i += s.size();
    return true;
  };
  skip();
  if (!expect("{")) return false;
  skip();
  if (!expect("\"type\"")) return false;
  skip();
  if (!expect(":")) return false;
  skip();
  if (!expect("\"")) return false;
  const std::size_t start = i;
  while (i < line.size() && line[i] != '"' && line[i] != '\\') ++i;
  if (i >= line.size() || line[i] != '"') return false;
  type = line.substr(start, i - start);
  return true;
}

// Finds the top-level "type" string wherever it is in the object (SAX, no DOM).
struct TypeFinder {
  std::size_t depth = 0;
  bool at_type = false;
  bool found = false;
  std::string type;
  bool scalar() {
    at_type = false;
    return true;
  }
  bool null() { return scalar(); }
  bool boolean(bool) { return scalar(); }
  bool number_integer(std::int64_t) { return scalar(); }
  bool number_unsigned(std::uint64_t) { return scalar(); }
  bool number_float(double, const std::string&) { return scalar(); }
  bool string(std::string& s) {
    if (at_type && !found) {
      type = s;
      found = true;
    }
    return scalar();
  }
  bool binary(nlohmann::json::binary_t&) { return scalar(); }
  bool start_object(std::size_t) {
    at_type = false;
    return ++depth < 64;  // only the top level matters; give up on deep values
  }
  bool start_array(std::size_t) { return start_object(0); }
  bool end_object() {
    --depth;
    return true;
  }
  bool end_array() { return end_object(); }
  bool key(std::string& k) {
    at_type = depth == 1 && k == "type";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception&) {
    return false;
  }
};

// Reads lines into records; shared by read() and read_stream().
class LineReader {
 public:
  // `document` receives the optional `document` line (Document-level fields); when null
  // (streaming), such a line is skipped with a warning.
  LineReader(const ReadOptions& options, const RecordSink& sink, Document* document = nullptr)
      : diag_(options, "jsonl", {}), sink_(sink), document_(document) {}

  // Handles one line (without its newline). False to stop (the error is in diag()).
  bool line(std::string_view text, std::size_t line_no, std::size_t offset) {
    if (line_no == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") {
      text.remove_prefix(3);
      offset += 3;
    }
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (detail::trim(text).empty()) return true;
    diag_.set_base(text, line_no - 1, offset);
    std::string_view type;
    std::string found_type;
    if (!fast_type(text, type)) {
      TypeFinder finder;
      try {
        (void)nlohmann::json::sax_parse(text.begin(), text.end(), &finder);
      } catch (const nlohmann::json::exception&) {
      }
      if (finder.found) {
        found_type = std::move(finder.type);
        type = found_type;
      } else {
        // No type: a broken line is reported by the codec; a valid one is skipped.
        detail::Diagnostics check(diag_.options(), "jsonl", text);
        check.set_base(text, line_no - 1, offset);
        Feed ignored;
        if (!json_codec::read_value(text, ignored, check, "") &&
            check.error().code != ErrorCode::invalid_value &&
            check.error().code != ErrorCode::unsupported) {
          diag_.fail(check.error().code, check.error().message, check.error().offset - offset);
          return false;
        }
        return diag_.warn(ErrorCode::missing_field, "line without a \"type\" key skipped", 0);
      }
    }
    if (type == "document") return document_line(text);
    const std::size_t index = type_index(type);
    if (index == detail::npos) {
      return diag_.warn(ErrorCode::unsupported,
                        "unknown record type " + detail::quote(type) + ", line skipped", 0);
    }
    if (index == 0) {
      if (seen_feed_ && !diag_.warn(ErrorCode::invalid_value,
                                    "a second feed line, the later one wins", 0, "feed")) {
        return false;
      }
      seen_feed_ = true;
    } else if (++records_ > diag_.options().limits.max_records) {
      diag_.fail(ErrorCode::limit_exceeded,
                 "more records than the limit (max_records = " +
                     std::to_string(diag_.options().limits.max_records) + ")",
                 0);
      return false;
    }
    std::string prefix = table_names[index];
    if (index > 0) {
      prefix += '[';
      prefix += std::to_string(counts_[index]++);
      prefix += ']';
    }
    switch (index) {
      case 0:
        return deliver<Feed>(text, prefix);
      case 1:
        return deliver<Article>(text, prefix);
      case 2:
        return deliver<Organization>(text, prefix);
      case 3:
        return deliver<Commissioner>(text, prefix);
      case 4:
        return deliver<Person>(text, prefix);
      case 5:
        return deliver<Legislation>(text, prefix);
      default:
        return deliver<Contact>(text, prefix);
    }
  }

  detail::Diagnostics& diag() { return diag_; }
  const Error& sink_error() const { return sink_error_; }
  bool sink_failed() const { return sink_failed_; }

 private:
  // The `document` line carries what belongs to no record: pressroom_version, extensions.
  bool document_line(std::string_view text) {
    if (!document_) {
      return diag_.warn(ErrorCode::unsupported,
                        "document line skipped: document-level extensions are not streamed", 0,
                        "extensions");
    }
    Document meta;
    if (!json_codec::read_value(text, meta, diag_, "", "type")) return false;
    document_->pressroom_version = std::move(meta.pressroom_version);
    document_->extensions = std::move(meta.extensions);
    return true;
  }

  template <class T>
  bool deliver(std::string_view text, const std::string& prefix) {
    // A stream hands each record on: its budget is that of its own line.
    if (!document_) diag_.allow_memory(text.size());
    if (!diag_.charge(sizeof(T), 0, prefix)) return false;
    T record;
    if (!json_codec::read_value(text, record, diag_, prefix, "type")) return false;
    Status st = sink_(Record(std::move(record)));
    if (!st) {
      sink_failed_ = true;
      sink_error_ = st.error();
      return false;
    }
    for (Error& w : st.warnings()) diag_.warnings().push_back(std::move(w));
    return true;
  }

  detail::Diagnostics diag_;
  const RecordSink& sink_;
  Document* document_ = nullptr;
  bool seen_feed_ = false;
  std::size_t records_ = 0;
  std::array<std::size_t, 7> counts_ = {};
  bool sink_failed_ = false;
  Error sink_error_;
};

Status finish_status(LineReader& reader, bool ok) {
  if (reader.sink_failed()) {
    Status st(reader.sink_error());
    st.warnings() = std::move(reader.diag().warnings());
    return st;
  }
  if (!ok || reader.diag().failed()) {
    Status st(reader.diag().error());
    st.warnings() = std::move(reader.diag().warnings());
    return st;
  }
  Status st;
  st.warnings() = std::move(reader.diag().warnings());
  return st;
}

// The error for an input whose first bytes show UTF-16 or UTF-32: JSON Lines is UTF-8 only,
// and a stream cannot be converted whole first.
std::optional<Error> wide_encoding_error(std::string_view head) {
  const detail::ByteOrder order = detail::sniff_byte_order(head);
  if (!order.wide()) return std::nullopt;
  Error e;
  e.code = ErrorCode::unsupported;
  e.format = "jsonl";
  e.line = 1;
  e.column = 1;
  e.offset = 0;
  e.message = "the input is " + std::string(order.encoding) +
              "; JSON Lines is UTF-8 only: convert it to UTF-8 (or read it as json)";
  return e;
}

Error limit_error(std::string message, std::size_t line, std::size_t offset) {
  Error e;
  e.code = ErrorCode::limit_exceeded;
  e.format = "jsonl";
  e.line = line;
  e.column = 1;
  e.offset = offset;
  e.message = std::move(message);
  return e;
}

template <class T>
void append_line(std::string& out, const T& record, std::string_view type,
                 json_codec::WriteStats& stats) {
  static const WriteOptions compact = [] {
    WriteOptions o;
    o.pretty = false;
    return o;
  }();
  out += "{\"type\":\"";
  out += type;
  out += '"';
  const std::size_t body = out.size();
  json_codec::write_value(out, record, compact, 0, stats);
  if (out.size() - body == 2) {  // "{}": nothing but the type
    out.resize(body);
    out += '}';
  } else {
    out[body] = ',';
  }
  out += '\n';
}

void append_record(std::string& out, const Record& record, json_codec::WriteStats& stats) {
  std::visit([&](const auto& r) { append_line(out, r, type_names[record.index()], stats); },
             record);
}

void add_write_warnings(std::vector<Error>& warnings, const json_codec::WriteStats& stats) {
  auto warning = [](std::string message) {
    Error e;
    e.code = ErrorCode::invalid_value;
    e.severity = Severity::warning;
    e.format = "jsonl";
    e.message = std::move(message);
    return e;
  };
  if (stats.repaired_utf8 > 0) {
    warnings.push_back(warning("invalid utf-8 in " + std::to_string(stats.repaired_utf8) +
                               " string(s) written as U+FFFD"));
  }
  if (stats.non_finite > 0) {
    warnings.push_back(
        warning(std::to_string(stats.non_finite) + " non-finite number(s) written as 0"));
  }
  if (stats.invalid_dates > 0) {
    warnings.push_back(warning(std::to_string(stats.invalid_dates) +
                               " invalid date(s) left out (no reader accepts them)"));
  }
}

class LineWriter : public RecordWriter {
 public:
  explicit LineWriter(std::ostream& out) : out_(out) {}
  Status add(const Record& record) override {
    line_.clear();
    append_record(line_, record, stats_);
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
    if (!out_) return io_error();
    return {};
  }
  Status finish() override {
    out_.flush();
    std::vector<Error> warnings;
    add_write_warnings(warnings, stats_);
    for (Error& w : warnings) warn_once(std::move(w));
    if (!out_) return io_error();
    return {};
  }

 private:
  static Status io_error() {
    Error e;
    e.code = ErrorCode::io;
    e.format = "jsonl";
    e.message = "cannot write the output";
    return Status(std::move(e));
  }
  std::ostream& out_;
  std::string line_;
  json_codec::WriteStats stats_;
};

int sniff(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::size_t nl = head.find('\n');
  std::string_view type;
  if (!fast_type(head.substr(0, nl), type) ||
      (type_index(type) == detail::npos && type != "document"))
    return 0;
  if (nl == std::string_view::npos) return 50;
  const std::string_view rest = detail::trim(head.substr(nl + 1));
  if (rest.empty()) return 50;
  return rest.front() == '{' ? 95 : 20;
}

}  // namespace

// The readers, before the caller's decision on trust is applied.
Status read_stream(std::istream& in, const RecordSink& sink, const ReadOptions& options);
Result<Document> read_document(std::string_view input, const ReadOptions& options);

}  // namespace jsonl_detail

PRESSROOM_ABI_BEGIN
namespace jsonl {

Status read_stream(std::istream& in, const RecordSink& sink, const ReadOptions& options) {
  return detail::guard_memory("jsonl", "reading", [&]() -> Status {
    detail::TrustedSink trusted(sink, options);
    return trusted.finish(jsonl_detail::read_stream(in, trusted.sink(), options));
  });
}

Result<Document> read(std::string_view input, const ReadOptions& options) {
  return detail::guard_memory("jsonl", "reading", [&]() -> Result<Document> {
    Result<Document> r = jsonl_detail::read_document(input, options);
    detail::apply_trust(r, options);
    return r;
  });
}

}  // namespace jsonl
PRESSROOM_ABI_END

namespace jsonl_detail {

Status read_stream(std::istream& in, const RecordSink& sink, const ReadOptions& options) {
  jsonl_detail::LineReader reader(options, sink);
  const std::size_t max_line = options.limits.max_string_bytes > (SIZE_MAX / 4)
                                   ? SIZE_MAX
                                   : 4 * options.limits.max_string_bytes;
  std::string chunk(64 * 1024, '\0');
  std::string line;
  std::size_t line_no = 1;
  std::size_t line_offset = 0;
  std::uint64_t total = 0;
  bool ok = true;
  bool too_long = false;
  while (ok) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    if (total == 0) {
      if (std::optional<Error> wide = jsonl_detail::wide_encoding_error(
              std::string_view(chunk.data(), std::min<std::size_t>(n, 4)))) {
        return Status(std::move(*wide));
      }
    }
    total += n;
    if (total > options.limits.max_input_bytes) {
      Status st(jsonl_detail::limit_error("input exceeds the limit (max_input_bytes = " +
                                              std::to_string(options.limits.max_input_bytes) + ")",
                                          line_no, line_offset));
      st.warnings() = std::move(reader.diag().warnings());
      return st;
    }
    std::size_t start = 0;
    while (ok) {
      const std::size_t nl = chunk.find('\n', start);
      if (nl == std::string::npos || nl >= n) {
        line.append(chunk, start, n - start);
        break;
      }
      std::string_view text;
      if (line.empty()) {
        text = std::string_view(chunk.data() + start, nl - start);
      } else {
        line.append(chunk, start, nl - start);
        text = line;
      }
      if (text.size() > max_line) {
        too_long = true;
        break;
      }
      ok = reader.line(text, line_no, line_offset);
      line_offset += text.size() + 1;
      ++line_no;
      line.clear();
      start = nl + 1;
    }
    if (line.size() > max_line) too_long = true;
    if (too_long) {
      Status st(jsonl_detail::limit_error("line longer than the limit (4 * max_string_bytes = " +
                                              std::to_string(max_line) + " bytes)",
                                          line_no, line_offset));
      st.warnings() = std::move(reader.diag().warnings());
      return st;
    }
    if (options.on_progress) options.on_progress(total);
  }
  if (ok && !line.empty()) ok = reader.line(line, line_no, line_offset);
  return jsonl_detail::finish_status(reader, ok);
}

Result<Document> read_document(std::string_view input, const ReadOptions& options) {
  Document doc;
  if (input.size() > options.limits.max_input_bytes) {
    return jsonl_detail::limit_error("input of " + std::to_string(input.size()) +
                                         " bytes exceeds the limit (max_input_bytes = " +
                                         std::to_string(options.limits.max_input_bytes) + ")",
                                     0, 0);
  }
  if (std::optional<Error> wide = jsonl_detail::wide_encoding_error(input.substr(0, 4))) {
    return std::move(*wide);
  }
  const RecordSink sink = [&doc](Record&& r) {
    add_record(doc, std::move(r));
    return Status();
  };
  jsonl_detail::LineReader reader(options, sink, &doc);
  reader.diag().allow_memory(input.size());
  std::size_t start = 0;
  std::size_t line_no = 1;
  bool ok = true;
  while (ok && start < input.size()) {
    std::size_t nl = input.find('\n', start);
    if (nl == std::string_view::npos) nl = input.size();
    ok = reader.line(input.substr(start, nl - start), line_no, start);
    start = nl + 1;
    ++line_no;
  }
  Status st = jsonl_detail::finish_status(reader, ok);
  if (!st) {
    Result<Document> r(st.error());
    r.warnings() = std::move(st.warnings());
    return r;
  }
  Result<Document> r(std::move(doc));
  r.warnings() = std::move(st.warnings());
  return r;
}

}  // namespace jsonl_detail

PRESSROOM_ABI_BEGIN
namespace jsonl {

Result<std::string> write(const Document& doc, const WriteOptions&) {
  return detail::guard_memory("jsonl", "writing", [&]() -> Result<std::string> {
    std::string out;
    out.reserve(4096);
    json_codec::WriteStats stats;
    if (!doc.extensions.empty() || doc.pressroom_version != model_version) {
      Document meta;
      meta.pressroom_version = doc.pressroom_version;
      meta.extensions = doc.extensions;
      jsonl_detail::append_line(out, meta, "document", stats);
    }
    if (!doc.feed.empty()) jsonl_detail::append_line(out, doc.feed, "feed", stats);
    for (const auto& r : doc.articles) jsonl_detail::append_line(out, r, "article", stats);
    for (const auto& r : doc.organizations)
      jsonl_detail::append_line(out, r, "organization", stats);
    for (const auto& r : doc.commissioners)
      jsonl_detail::append_line(out, r, "commissioner", stats);
    for (const auto& r : doc.people) jsonl_detail::append_line(out, r, "person", stats);
    for (const auto& r : doc.legislation) jsonl_detail::append_line(out, r, "legislation", stats);
    for (const auto& r : doc.contacts) jsonl_detail::append_line(out, r, "contact", stats);
    std::vector<Error> warnings;
    jsonl_detail::add_write_warnings(warnings, stats);
    Result<std::string> r(std::move(out));
    r.warnings() = std::move(warnings);
    return r;
  });
}

std::unique_ptr<RecordWriter> open_writer(std::ostream& out, const WriteOptions&) {
  return std::make_unique<jsonl_detail::LineWriter>(out);
}

Format format() {
  Format f;
  f.name = "jsonl";
  f.description = "JSON Lines, one canonical record per line (streaming, lossless)";
  f.media_types = {"application/jsonl", "application/x-ndjson"};
  f.extensions = {"jsonl", "ndjson"};
  f.sniff = &jsonl_detail::sniff;
  f.read = [](std::string_view input, const ReadOptions& options) { return read(input, options); };
  f.write = [](const Document& doc, const WriteOptions& options) { return write(doc, options); };
  f.read_stream = [](std::istream& in, const RecordSink& sink, const ReadOptions& options) {
    return read_stream(in, sink, options);
  };
  f.open_writer = [](std::ostream& out, const WriteOptions& options) {
    return open_writer(out, options);
  };
  f.carries = Capabilities{true, true, true, true, true, true, true, true};
  return f;
}

}  // namespace jsonl
PRESSROOM_ABI_END
}  // namespace pressroom
