// SPDX-License-Identifier: MIT
// Writes a Document as a Boost archive through the bridge; Boost's exceptions and the
// bridge's refusals (non-finite numbers in text and XML) become Errors here.
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <locale>
#include <new>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "detail/dates.hpp"
#include "detail/text.hpp"
#include "formats/boost_archive/archive_io.hpp"
#include "pressroom/boost_archive.hpp"
#include "pressroom/bridge/boost_serialization.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom {
namespace boost_archive_detail {
namespace {

// Strings of an XML archive lose the characters XML 1.0 forbids (and invalid UTF-8): Boost
// writes them as they are, which no XML parser (Boost's own included) reads back.
void strip(std::string& s, std::size_t& removed) { removed += detail::strip_xml_forbidden(s); }
void strip(Extensions& m, std::size_t& removed);
template <class T>
void strip(std::optional<T>& o, std::size_t& removed);
template <class T>
void strip(std::vector<T>& v, std::size_t& removed);
template <class T>
void strip(T& value, std::size_t& removed) {
  if constexpr (is_reflected_v<T>) {
    for_each_field(value, [&removed](const char*, auto& member) { strip(member, removed); });
  }
}
template <class T>
void strip(std::optional<T>& o, std::size_t& removed) {
  if (o) strip(*o, removed);
}
template <class T>
void strip(std::vector<T>& v, std::size_t& removed) {
  for (auto& x : v) strip(x, removed);
}
void strip(Extensions& m, std::size_t& removed) {
  Extensions clean;
  for (const auto& [key, value] : m) {
    std::string k = key;
    std::string v = value;
    removed += detail::strip_xml_forbidden(k) + detail::strip_xml_forbidden(v);
    clean.emplace(std::move(k), std::move(v));
  }
  m = std::move(clean);
}

template <class Archive>
void save(std::ostream& os, const Document& doc) {
  // The archive's destructor writes the XML closing tag: it must run before the flush.
  Archive oa(os, boost::archive::no_codecvt);
  oa << boost::serialization::make_nvp("document", doc);
}

}  // namespace
}  // namespace boost_archive_detail

PRESSROOM_ABI_BEGIN
namespace boost_archive {

Result<std::string> write(const Document& doc, Kind kind, const WriteOptions& /*options*/) {
  return detail::guard_memory(format_name(kind), "writing", [&]() -> Result<std::string> {
    using namespace boost_archive_detail;
    std::string out;
    Error error;
    std::size_t removed = 0;
    try {
      StringSink sink(out);
      std::ostream os(&sink);
      os.imbue(std::locale::classic());
      switch (kind) {
        case Kind::text:
          save<boost::archive::text_oarchive>(os, doc);
          break;
        case Kind::xml: {
          Document clean = doc;
          strip(clean, removed);
          save<boost::archive::xml_oarchive>(os, clean);
          break;
        }
        case Kind::binary:
          save<boost::archive::binary_oarchive>(os, doc);
          break;
      }
      os.flush();
      if (!os) {
        return detail::make_error(ErrorCode::io, format_name(kind), "could not write the archive");
      }
    } catch (const Exception& e) {
      error = e.error();
    } catch (const boost::archive::archive_exception& e) {
      error.code = ErrorCode::invalid_value;
      error.message = std::string("Boost could not write the archive: ") + e.what();
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& e) {
      error.code = ErrorCode::invalid_value;
      error.message = std::string("could not write the archive: ") + e.what();
    }
    if (!error.message.empty()) {
      error.format = std::string(format_name(kind));
      return error;
    }
    Result<std::string> result(std::move(out));
    if (const std::size_t bad = detail::count_invalid_dates(doc); bad != 0) {
      Error w = detail::make_error(
          ErrorCode::invalid_value, format_name(kind),
          std::to_string(bad) + " invalid date(s) left out (no reader accepts them)");
      w.severity = Severity::warning;
      result.warnings().push_back(std::move(w));
    }
    if (removed > 0) {
      Error w = detail::make_error(ErrorCode::invalid_value, format_name(kind),
                                   std::to_string(removed) +
                                       " characters that XML 1.0 forbids (or invalid UTF-8) were "
                                       "left out");
      w.severity = Severity::warning;
      result.warnings().push_back(std::move(w));
    }
    return result;
  });
}

}  // namespace boost_archive
PRESSROOM_ABI_END
}  // namespace pressroom
