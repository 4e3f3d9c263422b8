// SPDX-License-Identifier: MIT
// Canonical XML writer: the string is built directly (no DOM), whole or record by record.
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "detail/dates.hpp"
#include "detail/text.hpp"
#include "formats/xml/codec.hpp"
#include "pressroom/xml.hpp"

namespace pressroom::xml_detail {
namespace {

constexpr std::string_view declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

void open_root(std::string& out, std::string_view version, std::size_t& stripped) {
  out += declaration;
  out += "<pressroom xmlns=\"";
  out += xml::namespace_uri;
  out += "\" version=\"";
  xml_codec::append_escaped(out, version, true, stripped);
  out += "\">";
}

void close_root(std::string& out, const WriteOptions& options) {
  if (options.pretty) out += '\n';
  out += "</pressroom>\n";
}

// The element name of a record at the root.
template <class T>
constexpr std::string_view record_name() {
  if constexpr (std::is_same_v<T, Feed>) return "feed";
  if constexpr (std::is_same_v<T, Article>) return "article";
  if constexpr (std::is_same_v<T, Organization>) return "organization";
  if constexpr (std::is_same_v<T, Commissioner>) return "commissioner";
  if constexpr (std::is_same_v<T, Person>) return "person";
  if constexpr (std::is_same_v<T, Legislation>) return "legislation";
  if constexpr (std::is_same_v<T, Contact>) return "contact";
  return {};
}

Error stripped_warning(std::size_t stripped) {
  Error e = detail::make_error(ErrorCode::invalid_value, "xml",
                               "removed " + std::to_string(stripped) +
                                   " characters that XML 1.0 forbids (control characters or "
                                   "invalid UTF-8)");
  e.severity = Severity::warning;
  return e;
}

Error invalid_dates_warning(std::size_t count) {
  Error e = detail::make_error(
      ErrorCode::invalid_value, "xml",
      std::to_string(count) + " invalid date(s) left out (no reader accepts them)");
  e.severity = Severity::warning;
  return e;
}

template <class T>
void write_table(std::string& out, const std::vector<T>& records, const WriteOptions& options,
                 std::size_t& stripped) {
  for (const T& record : records) {
    xml_codec::write_element(out, record_name<T>(), record, {}, options, 1, stripped);
  }
}

class XmlRecordWriter final : public RecordWriter {
 public:
  XmlRecordWriter(std::ostream& out, const WriteOptions& options) : out_(out), options_(options) {}

  Status add(const Record& record) override {
    if (finished_) return failure("add() after finish()");
    start();
    std::visit(
        [&](const auto& r) {
          using T = std::decay_t<decltype(r)>;
          if constexpr (std::is_same_v<T, Feed>) {
            if (records_) {
              Error e = detail::make_error(ErrorCode::unsupported, "xml",
                                           "feed written after records: the output does not "
                                           "follow pressroom.xsd (give the feed first)");
              e.severity = Severity::warning;
              warn_once(std::move(e));
            }
          } else {
            records_ = true;
          }
          invalid_dates_ += detail::count_invalid_dates(r);
          xml_codec::write_element(buffer_, record_name<T>(), r, {}, options_, 1, stripped_);
        },
        record);
    if (buffer_.size() >= (std::size_t{1} << 16)) return flush();
    return {};
  }

  Status finish() override {
    if (finished_) return failure("finish() called twice");
    start();
    finished_ = true;
    close_root(buffer_, options_);
    if (stripped_ != 0) warn_once(stripped_warning(stripped_));
    if (invalid_dates_ != 0) warn_once(invalid_dates_warning(invalid_dates_));
    Status s = flush();
    if (s) out_.flush();
    if (!out_) return failure("cannot write the output stream");
    return s;
  }

 private:
  void start() {
    if (started_) return;
    started_ = true;
    open_root(buffer_, model_version, stripped_);
  }
  Status flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (!out_) return failure("cannot write the output stream");
    return {};
  }
  static Status failure(std::string message) {
    return Status(detail::make_error(ErrorCode::io, "xml", std::move(message)));
  }

  std::ostream& out_;
  WriteOptions options_;
  std::string buffer_;
  std::size_t stripped_ = 0;
  std::size_t invalid_dates_ = 0;
  bool started_ = false;
  bool records_ = false;
  bool finished_ = false;
};

}  // namespace
}  // namespace pressroom::xml_detail

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace xml {

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  return detail::guard_memory("xml", "writing", [&]() -> Result<std::string> {
    using namespace xml_detail;  // NOLINT(google-build-using-namespace): own module's helpers
    std::string out;
    out.reserve(4096);
    std::size_t stripped = 0;
    open_root(out, doc.pressroom_version, stripped);
    if (!doc.feed.empty())
      xml_codec::write_element(out, "feed", doc.feed, {}, options, 1, stripped);
    write_table(out, doc.articles, options, stripped);
    write_table(out, doc.organizations, options, stripped);
    write_table(out, doc.commissioners, options, stripped);
    write_table(out, doc.people, options, stripped);
    write_table(out, doc.legislation, options, stripped);
    write_table(out, doc.contacts, options, stripped);
    xml_codec::write_extensions(out, "extensions", doc.extensions, options, 1, stripped);
    close_root(out, options);
    Result<std::string> result(std::move(out));
    if (stripped != 0) result.warnings().push_back(stripped_warning(stripped));
    if (const std::size_t bad = detail::count_invalid_dates(doc); bad != 0)
      result.warnings().push_back(invalid_dates_warning(bad));
    return result;
  });
}

std::unique_ptr<RecordWriter> open_writer(std::ostream& out, const WriteOptions& options) {
  return std::make_unique<xml_detail::XmlRecordWriter>(out, options);
}

}  // namespace xml
PRESSROOM_ABI_END
}  // namespace pressroom
