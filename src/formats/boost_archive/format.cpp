// SPDX-License-Identifier: MIT
// Names, sniffers and registry entries of the three archive kinds.
#include "formats/boost_archive/archive_io.hpp"
#include "pressroom/boost_archive.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace boost_archive {

std::string_view format_name(Kind kind) noexcept {
  switch (kind) {
    case Kind::text:
      return "boost-text";
    case Kind::xml:
      return "boost-xml";
    case Kind::binary:
      return "boost-binary";
  }
  return "boost";
}

int sniff(std::string_view head, Kind kind) noexcept {
  try {
    return boost_archive_detail::check_signature(head, kind).ok ? 100 : 0;
  } catch (...) {  // std::bad_alloc building a message: not ours either way
    return 0;
  }
}

Format format(Kind kind) {
  Format f;
  f.name = std::string(format_name(kind));
  switch (kind) {
    case Kind::text:
      f.description = "Boost.Serialization text archive of a Document (portable)";
      f.extensions = {"boost.txt"};
      break;
    case Kind::xml:
      f.description = "Boost.Serialization XML archive of a Document (portable)";
      f.extensions = {"boost.xml"};
      break;
    case Kind::binary:
      f.description =
          "Boost.Serialization binary archive of a Document (same architecture and Boost only)";
      f.extensions = {"boost.bin"};
      break;
  }
  f.sniff = [kind](std::string_view head) { return sniff(head, kind); };
  f.read = [kind](std::string_view input, const ReadOptions& options) {
    return read(input, kind, options);
  };
  f.write = [kind](const Document& doc, const WriteOptions& options) {
    return write(doc, kind, options);
  };
  f.carries.feed = true;
  f.carries.articles = true;
  f.carries.organizations = true;
  f.carries.commissioners = true;
  f.carries.people = true;
  f.carries.legislation = true;
  f.carries.contacts = true;
  f.carries.lossless = true;
  return f;
}

}  // namespace boost_archive
PRESSROOM_ABI_END
}  // namespace pressroom
