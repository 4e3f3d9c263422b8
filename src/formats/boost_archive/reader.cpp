// SPDX-License-Identifier: MIT
// The hardened reader of Boost archives. Boost 1.74 allocates strings and collections from the
// lengths it reads, accepts class versions newer than the program's, and throws from the XML
// archive's destructor when the closing tag is missing (DESIGN.md, "Known traps"). So:
// signatures and XML structure are checked before Boost reads; strings (text, binary) are
// read by the guard below, collections by the bridge, both after checking the bytes left;
// the bridge refuses unknown class versions; the XML archive is always destroyed with a
// well-formed tail to read; every exception becomes an Error here.
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/xml_archive_exception.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <cstring>
#include <functional>
#include <istream>
#include <locale>
#include <new>
#include <string>
#include <vector>

#include "detail/encoding.hpp"
#include "detail/text.hpp"
#include "detail/trust.hpp"
#include "formats/boost_archive/archive_io.hpp"
#include "pressroom/boost_archive.hpp"
#include "pressroom/bridge/boost_serialization.hpp"

namespace pressroom {
namespace boost_archive_detail {
namespace {

constexpr unsigned kFlags = boost::archive::no_codecvt;
// Boost 1.74 compares an XML end tag with the name it expects by reading the expected name (a
// string literal) at the tag's length: an end tag longer than that name reads past the literal.
// The comparison is off in the XML archive; check_xml_structure has already matched every end
// tag with its start tag, and values are read in their order, as text archives are.
constexpr unsigned kXmlFlags = kFlags | boost::archive::no_xml_tag_checking;

[[noreturn]] void fail(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  throw Exception(std::move(e));
}

// Checks every length and count against the bytes left in the input and the limits, and
// reads strings of text and binary archives itself (Boost would allocate first).
class Guard final : public boost_serialization::LoadGuard {
 public:
  Guard(MemoryBuf& buf, Kind kind, const ReadOptions& options, std::string_view input)
      : buf_(buf),
        kind_(kind),
        limits_(options.limits),
        on_progress_(options.on_progress),
        strict_(options.mode == Mode::strict),
        budget_(options, format_name(kind), input) {}

  void check_memory(std::uint64_t bytes) override {
    if (!budget_.charge(bytes)) fail(ErrorCode::limit_exceeded, budget_.error().message);
  }

  bool negative_ahead() override {
    if (kind_ == Kind::binary) return false;  // a binary archive holds no sign
    const char* p = buf_.cur();
    const char* const end = p + buf_.left();
    const auto skip_space = [&p, end] {
      while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) ++p;
    };
    skip_space();
    if (kind_ == Kind::xml) {
      // Before the element's start tag: the number follows it.
      if (p < end && *p == '<') {
        while (p < end && *p != '>') ++p;
        if (p < end) ++p;
      }
      skip_space();
    }
    return p < end && *p == '-';
  }

  void invalid_value(const std::string& message) override {
    if (strict_) fail(ErrorCode::invalid_value, message);
    Error w;
    w.code = ErrorCode::invalid_value;
    w.severity = Severity::warning;
    w.message = message;
    w.offset = buf_.offset();
    warnings_.push_back(std::move(w));
  }

  // The warnings of invalid_value(), each with its offset in the input.
  [[nodiscard]] std::vector<Error>& warnings() noexcept { return warnings_; }

  void check_count(std::uint64_t count, std::size_t min_primitives, bool records) override {
    if (records) {
      records_ = count > limits_.max_records ? count : records_ + count;
      if (records_ > limits_.max_records) {
        fail(ErrorCode::limit_exceeded,
             "more than max_records (" + std::to_string(limits_.max_records) + ") records");
      }
    }
    // Each primitive takes at least 1 byte in a text archive ("1-2" holds two numbers), 4 in
    // a binary one (the smallest is an int) and 7 in an XML one ("<a></a>").
    const std::size_t per_primitive = kind_ == Kind::text ? 1 : kind_ == Kind::binary ? 4 : 7;
    const std::size_t min_bytes = min_primitives * per_primitive;
    if (count > buf_.left() / min_bytes) {
      fail(ErrorCode::syntax, "collection count " + std::to_string(count) + " exceeds what the " +
                                  std::to_string(buf_.left()) + " bytes left can hold (" +
                                  std::to_string(min_bytes) + " or more per element)");
    }
  }

  bool load_string(std::string& out) override {
    if (kind_ == Kind::xml) return false;  // read by Boost's XML grammar, in proportion
    const char* p = buf_.cur();
    const char* const end = p + buf_.left();
    std::uint64_t length = 0;
    if (kind_ == Kind::text) {
      // As text_iarchive: decimal length after white space, one separator, the bytes.
      while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) ++p;
      if (p == end || *p < '0' || *p > '9') {
        buf_.set_cur(p);
        fail(ErrorCode::syntax,
             p == end ? "the archive ends where a string was expected"
                      : "expected a string length, found " + detail::quote(std::string_view(p, 1)));
      }
      for (; p < end && *p >= '0' && *p <= '9'; ++p) {
        if (length > (UINT64_MAX - 9) / 10) {
          buf_.set_cur(p);
          fail(ErrorCode::syntax, "string length out of range");
        }
        length = length * 10 + static_cast<std::uint64_t>(*p - '0');
      }
      if (p < end) ++p;  // the separator (Boost skips one character whatever it is)
    } else {
      std::size_t native = 0;
      if (static_cast<std::size_t>(end - p) < sizeof native) {
        fail(ErrorCode::syntax, "the archive ends where a string was expected");
      }
      std::memcpy(&native, p, sizeof native);
      p += sizeof native;
      length = native;
    }
    if (length > static_cast<std::uint64_t>(end - p)) {
      fail(ErrorCode::syntax, "string length " + std::to_string(length) + " exceeds the " +
                                  std::to_string(end - p) + " bytes left");
    }
    if (length > limits_.max_string_bytes) {
      fail(ErrorCode::limit_exceeded, "a string of " + std::to_string(length) +
                                          " bytes exceeds max_string_bytes (" +
                                          std::to_string(limits_.max_string_bytes) + ")");
    }
    out.assign(p, static_cast<std::size_t>(length));
    buf_.set_cur(p + length);
    progress();
    return true;
  }

  void check_string(const std::string& value) override {
    progress();
    if (value.size() > limits_.max_string_bytes) {
      fail(ErrorCode::limit_exceeded, "a string of " + std::to_string(value.size()) +
                                          " bytes exceeds max_string_bytes (" +
                                          std::to_string(limits_.max_string_bytes) + ")");
    }
  }

 private:
  MemoryBuf& buf_;
  Kind kind_;
  const Limits& limits_;
  const std::function<void(std::uint64_t)>& on_progress_;
  bool strict_;
  detail::Diagnostics budget_;  // the memory budget (Limits::max_memory_ratio)
  std::vector<Error> warnings_;
  std::uint64_t records_ = 0;
  std::size_t reported_ = 0;

  // ReadOptions::on_progress with the bytes read, after each further MiB.
  void progress() {
    if (!on_progress_) return;
    const std::size_t offset = buf_.offset();
    if (offset - reported_ < (std::size_t{1} << 20)) return;
    reported_ = offset;
    on_progress_(offset);
  }
};

// What a Boost exception means, for the message.
Error from_boost(const boost::archive::archive_exception& e) {
  Error err;
  err.code = ErrorCode::syntax;
  const std::string what = e.what();
  if (dynamic_cast<const boost::archive::xml_archive_exception*>(&e) != nullptr) {
    err.message = "malformed XML archive: " + what;
    return err;
  }
  using boost::archive::archive_exception;
  switch (e.code) {
    case archive_exception::invalid_signature:
      err.code = ErrorCode::not_this_format;
      err.message = "not a Boost archive (invalid signature)";
      break;
    case archive_exception::unsupported_version:
      err.code = ErrorCode::unsupported;
      err.message =
          "the archive was written by a newer Boost.Serialization library than this "
          "program's (library version " +
          std::to_string(boost::archive::BOOST_ARCHIVE_VERSION()) + ")";
      break;
    case archive_exception::unsupported_class_version:
      err.code = ErrorCode::unsupported;
      err.message = "a class version newer than this program's: " + what;
      break;
    case archive_exception::incompatible_native_format:
      err.code = ErrorCode::unsupported;
      err.message = "a binary archive of another platform: " + what;
      break;
    case archive_exception::input_stream_error:
      err.message = "truncated or corrupt archive (Boost: " + what + ")";
      break;
    default:
      err.message = "corrupt archive (Boost: " + what + ")";
      break;
  }
  return err;
}

// Binary input has no lines: the position is the byte offset alone.
Error binary_error(ErrorCode code, std::string_view format, std::string message,
                   std::size_t offset) {
  Error e;
  e.code = code;
  e.format = std::string(format);
  e.message = std::move(message);
  e.offset = offset;
  return e;
}

template <class Archive>
void load(std::istream& is, Guard& guard, Document& doc) {
  Archive ia(is, kFlags);
  boost_serialization::install_guard(ia, &guard);
  ia >> boost::serialization::make_nvp("document", doc);
}

// Reads an archive of `kind` from `input` (UTF-8 for text and XML archives).
Result<Document> read_utf8(std::string_view input, Kind kind, const ReadOptions& options) {
  const std::string_view name = format_name(kind);
  if (input.size() > options.limits.max_input_bytes) {
    return detail::make_error(ErrorCode::limit_exceeded, name,
                              "the input's " + std::to_string(input.size()) +
                                  " bytes exceed max_input_bytes (" +
                                  std::to_string(options.limits.max_input_bytes) + ")");
  }
  Check check = check_signature(input, kind);
  if (check.ok && kind == Kind::xml) check = check_xml_structure(input, options.limits.max_depth);
  if (!check.ok) {
    return detail::make_error(check.code, name, std::move(check.message), input, check.offset);
  }

  MemoryBuf buf(input);
  std::istream is(&buf);
  is.imbue(std::locale::classic());
  Guard guard(buf, kind, options, input);
  Document doc;
  Error error;
  bool failed = false;
  std::size_t end_offset = 0;
  try {
    switch (kind) {
      case Kind::text:
        load<boost::archive::text_iarchive>(is, guard, doc);
        break;
      case Kind::binary:
        load<boost::archive::binary_iarchive>(is, guard, doc);
        break;
      case Kind::xml: {
        boost::archive::xml_iarchive ia(is, kXmlFlags);
        boost_serialization::install_guard(ia, &guard);
        ia >> boost::serialization::make_nvp("document", doc);
        // The destructor parses the closing tag and throws (inside a destructor: terminate)
        // when it is missing. The structure check saw it; serve it from static storage so
        // that no input whatever can make the destructor throw.
        is.clear();
        buf.serve("\n</boost_serialization>\n");
        break;
      }
    }
    end_offset = buf.offset();
  } catch (const Exception& e) {
    failed = true;
    error = e.error();
  } catch (const boost::archive::archive_exception& e) {
    failed = true;
    error = from_boost(e);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    failed = true;
    error.code = ErrorCode::syntax;
    error.message = std::string("corrupt archive: ") + e.what();
  }
  if (failed) {
    const std::size_t offset = buf.offset();
    if (kind == Kind::binary) {
      return binary_error(error.code, name, std::move(error.message), offset);
    }
    return detail::make_error(error.code, name, std::move(error.message), input, offset);
  }

  if (options.on_progress) options.on_progress(input.size());
  Result<Document> result(std::move(doc));
  for (Error& w : guard.warnings()) {
    Error e = kind == Kind::binary
                  ? binary_error(w.code, name, std::move(w.message), w.offset)
                  : detail::make_error(w.code, name, std::move(w.message), input, w.offset);
    e.severity = Severity::warning;
    result.warnings().push_back(std::move(e));
  }
  if (kind != Kind::xml) {
    std::size_t extra = input.size() - end_offset;
    if (kind == Kind::text) {
      const std::string_view rest = detail::trim(input.substr(end_offset));
      extra = rest.size();
    }
    if (extra > 0) {
      std::string message = std::to_string(extra) + " bytes after the end of the archive";
      Error e =
          kind == Kind::text
              ? detail::make_error(ErrorCode::syntax, name, std::move(message), input, end_offset)
              : binary_error(ErrorCode::syntax, name, std::move(message), end_offset);
      if (options.mode == Mode::strict) return e;
      e.severity = Severity::warning;
      e.message += " ignored";
      result.warnings().push_back(std::move(e));
    }
  }
  detail::apply_trust(result, options);
  return result;
}

}  // namespace
}  // namespace boost_archive_detail

PRESSROOM_ABI_BEGIN
namespace boost_archive {

Result<Document> read(std::string_view input, Kind kind, const ReadOptions& options) {
  return detail::guard_memory(format_name(kind), "reading", [&]() -> Result<Document> {
    // Text and XML archives in UTF-16 or UTF-32 are converted to UTF-8 first.
    if (kind == Kind::binary) return boost_archive_detail::read_utf8(input, kind, options);
    return detail::read_decoded(input, kind == Kind::xml, format_name(kind), options,
                                [kind, &options](std::string_view text) {
                                  return boost_archive_detail::read_utf8(text, kind, options);
                                });
  });
}

}  // namespace boost_archive
PRESSROOM_ABI_END
}  // namespace pressroom
