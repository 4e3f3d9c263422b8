// SPDX-License-Identifier: MIT
// The vcard registry entry and its sniffer.
#include "detail/text.hpp"
#include "pressroom/vcard.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace vcard {

namespace {

// 100 when the input opens with BEGIN:VCARD (after a BOM and blank space), 60 when the head
// holds it elsewhere (a comment or a stray line before the first card), else 0.
int sniff(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::string_view t = detail::trim(head);
  constexpr std::string_view begin = "BEGIN:VCARD";
  if (t.size() >= begin.size() && detail::iequals(t.substr(0, begin.size()), begin)) return 100;
  for (std::size_t i = 0; i + begin.size() <= head.size(); ++i) {
    if ((i == 0 || head[i - 1] == '\n') && detail::iequals(head.substr(i, begin.size()), begin))
      return 60;
  }
  return 0;
}

}  // namespace

Format format() {
  Format f;
  f.name = "vcard";
  f.description = "vCard 4.0 (RFC 6350; 3.0 read leniently): the contacts, one card each";
  f.media_types = {"text/vcard"};
  f.extensions = {"vcf", "vcard"};
  f.sniff = [](std::string_view head) { return sniff(head); };
  f.read = [](std::string_view input, const ReadOptions& o) { return read(input, o); };
  f.write = [](const Document& doc, const pressroom::WriteOptions& o) {
    WriteOptions options;
    static_cast<pressroom::WriteOptions&>(options) = o;
    return write(doc, options);
  };
  f.carries.contacts = true;
  return f;
}

}  // namespace vcard
PRESSROOM_ABI_END
}  // namespace pressroom
