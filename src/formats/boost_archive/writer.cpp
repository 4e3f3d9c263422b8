// SPDX-License-Identifier: MIT
// Writes a Document as a Boost archive through the bridge; Boost's exceptions and the
// bridge's refusals (non-finite numbers in text and XML) become Errors here.
#include <boost/archive/archive_exception.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <locale>
#include <new>
#include <ostream>

#include "detail/text.hpp"
#include "formats/boost_archive/archive_io.hpp"
#include "pressroom/boost_archive.hpp"
#include "pressroom/bridge/boost_serialization.hpp"

namespace pressroom {
namespace boost_archive_detail {
namespace {

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
  using namespace boost_archive_detail;
  std::string out;
  Error error;
  try {
    StringSink sink(out);
    std::ostream os(&sink);
    os.imbue(std::locale::classic());
    switch (kind) {
      case Kind::text:
        save<boost::archive::text_oarchive>(os, doc);
        break;
      case Kind::xml:
        save<boost::archive::xml_oarchive>(os, doc);
        break;
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
  return out;
}

}  // namespace boost_archive
PRESSROOM_ABI_END
}  // namespace pressroom
