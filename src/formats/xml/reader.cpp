// SPDX-License-Identifier: MIT
// Canonical XML reader (pugixml, no DTD processing) and the module's registry entry.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "detail/encoding.hpp"
#include "detail/text.hpp"
#include "detail/trust.hpp"
#include "formats/xml/codec.hpp"
#include "pressroom/xml.hpp"

namespace pressroom::xml_detail {
namespace {

using detail::npos;

// Whitespace-only text is kept when it is an element's only child (`<name> </name>` is " "),
// indentation between elements is not; text is never trimmed; pcdata is embedded in its
// element (faster, less memory). parse_doctype only records that a DOCTYPE was there:
// pugixml never expands entities, and a DOCTYPE is refused below.
constexpr unsigned parse_flags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol |
                                 pugi::parse_wconv_attribute | pugi::parse_ws_pcdata_single |
                                 pugi::parse_embed_pcdata | pugi::parse_doctype;

// The character reference at s[i] ("&#65;", "&#x0;"): its length (0 when it is not one) and
// the code point it names (capped above U+10FFFF).
std::size_t character_reference(std::string_view s, std::size_t i, std::uint32_t& cp) {
  std::size_t j = i + 2;
  const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (hex) ++j;
  const std::size_t digits = j;
  cp = 0;
  for (; j < s.size(); ++j) {
    const char c = s[j];
    std::uint32_t d = 0;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      d = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      d = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      break;
    }
    cp = cp * (hex ? 16 : 10) + d;
    if (cp > 0x110000) cp = 0x110000;
  }
  if (j == digits || j >= s.size() || s[j] != ';') return 0;
  return j + 1 - i;
}

// The first character reference to U+0000 ("&#0;", "&#x00;") in `s` whose '#' is at or after
// `from`, or
// npos. pugixml ends a text at such a reference, silently losing the rest of the value. '#' is
// rare in press text, so memchr (vectorised by the C library) finds the candidates quickly.
std::size_t find_nul_reference(std::string_view s, std::size_t from) {
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* p = begin + std::min(from, s.size());
  while (p < end) {
    const void* hit = std::memchr(p, '#', static_cast<std::size_t>(end - p));
    if (hit == nullptr) break;
    const std::size_t i = static_cast<std::size_t>(static_cast<const char*>(hit) - begin);
    std::uint32_t cp = 0;
    if (i > 0 && s[i - 1] == '&' && character_reference(s, i - 1, cp) != 0 && cp == 0) {
      return i - 1;
    }
    p = begin + i + 1;
  }
  return npos;
}

Result<Document> failed(detail::Diagnostics& diag) {
  Result<Document> r(diag.error());
  r.warnings() = std::move(diag.warnings());
  return r;
}

Result<Document> failed(detail::Diagnostics& diag, ErrorCode code, std::string message,
                        std::size_t offset = npos) {
  diag.fail(code, std::move(message), offset);
  return failed(diag);
}

template <class T>
bool read_record(const pugi::xml_node& node, std::vector<T>& table, const char* table_name,
                 std::string_view prefix, detail::Diagnostics& diag) {
  std::string path = table_name;
  path += '[';
  path += std::to_string(table.size());
  path += ']';
  table.emplace_back();
  xml_codec::ReadContext context;
  context.depth = 2;
  return xml_codec::read_element(node, table.back(), prefix, diag, path, context);
}

Result<Document> read_document(std::string_view input, const ReadOptions& options) {
  detail::Diagnostics diag(options, "xml", input);
  if (input.size() > options.limits.max_input_bytes) {
    return failed(diag, ErrorCode::limit_exceeded,
                  "input of " + std::to_string(input.size()) + " bytes is over the limit of " +
                      std::to_string(options.limits.max_input_bytes) + " (limits.max_input_bytes)");
  }

  // UTF-16 and UTF-32 (by BOM or by the zero bytes of "<?xml") and a declared encoding other
  // than UTF-8 are converted to UTF-8 first, as the feed readers do; the repairs made and a
  // declaration the bytes contradict are warnings (errors when strict). Positions in later
  // diagnostics are in the converted text.
  detail::Decoded decoded;
  const std::string declared = detail::declared_xml_encoding(input);
  if (detail::sniff_byte_order(input).wide() ||
      (!declared.empty() && !detail::is_utf8_compatible(declared))) {
    decoded = detail::decode_input(input, true);
    for (std::string& problem : decoded.problems) {
      if (!diag.warn(ErrorCode::invalid_value, std::move(problem), 0)) return failed(diag);
    }
    input = decoded.utf8();
    diag.set_base(input, 0, 0);
  }

  // A character reference to U+0000 is illegal XML, and pugixml would end the text there:
  // strict refuses it, lenient removes it (columns after it on the same line shift in later
  // diagnostics). Every other text value is checked when it is read (UTF-8, characters XML 1.0
  // forbids, also when a reference names one), in the same pass that measures it.
  std::string cleaned;
  std::string_view text = input;
  if (const std::size_t first_nul = find_nul_reference(input, 0); first_nul != npos) {
    if (!diag.warn(ErrorCode::invalid_value,
                   "character reference to U+0000, which XML 1.0 forbids, removed", first_nul)) {
      return failed(diag);
    }
    std::size_t kept = 0;
    for (std::size_t pos = first_nul; pos != npos; pos = find_nul_reference(input, kept)) {
      std::uint32_t cp = 0;
      const std::size_t len = character_reference(input, pos, cp);
      cleaned.append(input.data() + kept, pos - kept);
      kept = pos + len;
    }
    cleaned.append(input.data() + kept, input.size() - kept);
    text = cleaned;
    diag.set_base(text, 0, 0);
  }
  // The tree's memory is counted before pugixml builds it.
  if (!diag.charge(detail::xml_tree_bytes(text))) return failed(diag);
  pugi::xml_document tree;
  const pugi::xml_parse_result parsed =
      tree.load_buffer(text.data(), text.size(), parse_flags, pugi::encoding_utf8);
  // Memory ran out: an error (guard_memory), never a partial document.
  if (parsed.status == pugi::status_out_of_memory) throw std::bad_alloc();
  const pugi::xml_node root = tree.document_element();
  if (!root) {
    return failed(diag, ErrorCode::syntax, std::string("no root element: ") + parsed.description(),
                  static_cast<std::size_t>(parsed.offset));
  }

  // The root must be <pressroom> in our namespace, by default or through a prefix.
  const std::string_view qname = root.name();
  const std::size_t colon = qname.find(':');
  const std::string_view root_prefix =
      colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
  const std::string_view local = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  if (local != "pressroom") {
    return failed(diag, ErrorCode::not_this_format,
                  "root element is " + detail::quote(qname) + ", not 'pressroom'",
                  xml_codec::node_offset(root));
  }
  const std::string xmlns =
      root_prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(root_prefix);
  const pugi::xml_attribute ns = root.attribute(xmlns.c_str());
  if (!ns || std::string_view(ns.value()) != xml::namespace_uri) {
    return failed(diag, ErrorCode::not_this_format,
                  "root element 'pressroom' is in namespace " +
                      detail::quote(ns ? ns.value() : "") + ", not '" + xml::namespace_uri + "'",
                  xml_codec::node_offset(root));
  }
  const std::string prefix = root_prefix.empty() ? std::string() : std::string(root_prefix) + ":";

  if (parsed.status != pugi::status_ok &&
      !diag.warn(
          ErrorCode::syntax,
          std::string("broken XML (") + parsed.description() + "): kept what was parsed before",
          static_cast<std::size_t>(parsed.offset))) {
    return failed(diag);
  }
  for (pugi::xml_node node = tree.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_doctype &&
        !diag.warn(ErrorCode::unsupported,
                   "DOCTYPE ignored: canonical XML has no DTD, and entities are never expanded",
                   xml_codec::node_offset(node))) {
      return failed(diag);
    }
  }

  Document doc;
  if (const pugi::xml_attribute version = root.attribute("version")) {
    doc.pressroom_version = version.value();
    if (detail::find_xml_forbidden(doc.pressroom_version) != npos) {
      detail::repair_utf8(doc.pressroom_version);
      detail::strip_xml_forbidden(doc.pressroom_version);
    }
  } else if (!diag.warn(ErrorCode::missing_field,
                        "root element without a version attribute, '1.0' assumed",
                        xml_codec::node_offset(root))) {
    return failed(diag);
  }

  // Reserve the tables (one cheap pass over the root's children) so they never reallocate.
  {
    std::size_t counts[6] = {};
    static constexpr std::string_view names[6] = {"article", "organization", "commissioner",
                                                  "person",  "legislation",  "contact"};
    for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
      std::string_view name = node.name();
      if (name.size() <= prefix.size()) continue;
      name.remove_prefix(prefix.size());
      for (std::size_t i = 0; i < 6; ++i) {
        if (name == names[i]) {
          ++counts[i];
          break;
        }
      }
    }
    if (!diag.charge(counts[0] * sizeof(Article) + counts[1] * sizeof(Organization) +
                         counts[2] * sizeof(Commissioner) + counts[3] * sizeof(Person) +
                         counts[4] * sizeof(Legislation) + counts[5] * sizeof(Contact),
                     xml_codec::node_offset(root)))
      return failed(diag);
    const std::size_t cap = options.limits.max_records;
    doc.articles.reserve(std::min(counts[0], cap));
    doc.organizations.reserve(std::min(counts[1], cap));
    doc.commissioners.reserve(std::min(counts[2], cap));
    doc.people.reserve(std::min(counts[3], cap));
    doc.legislation.reserve(std::min(counts[4], cap));
    doc.contacts.reserve(std::min(counts[5], cap));
  }

  const Limits& limits = options.limits;
  std::size_t records = 0;
  bool have_feed = false;
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    std::string_view name = node.name();
    const bool ours = prefix.empty() ? name.find(':') == std::string_view::npos
                                     : name.substr(0, prefix.size()) == prefix;
    if (ours) name.remove_prefix(prefix.size());
    if (ours && name != "extensions" && ++records > limits.max_records) {
      return failed(
          diag, ErrorCode::limit_exceeded,
          "more than " + std::to_string(limits.max_records) + " records (limits.max_records)",
          xml_codec::node_offset(node));
    }
    bool ok = true;
    if (!ours) {
      ok = xml_codec::keep_unknown(node, &doc.extensions, diag, {}, 2);
    } else if (name == "article") {
      ok = read_record(node, doc.articles, "articles", prefix, diag);
    } else if (name == "organization") {
      ok = read_record(node, doc.organizations, "organizations", prefix, diag);
    } else if (name == "commissioner") {
      ok = read_record(node, doc.commissioners, "commissioners", prefix, diag);
    } else if (name == "person") {
      ok = read_record(node, doc.people, "people", prefix, diag);
    } else if (name == "legislation") {
      ok = read_record(node, doc.legislation, "legislation", prefix, diag);
    } else if (name == "contact") {
      ok = read_record(node, doc.contacts, "contacts", prefix, diag);
    } else if (name == "feed") {
      if (have_feed) {
        ok = diag.warn(ErrorCode::invalid_value, "repeated <feed>, merged into the first",
                       xml_codec::node_offset(node), "feed");
      }
      have_feed = true;
      xml_codec::ReadContext context;
      context.depth = 2;
      ok = ok && xml_codec::read_element(node, doc.feed, prefix, diag, "feed", context);
    } else if (name == "extensions") {
      ok = xml_codec::read_extension(node, doc.extensions, diag, "extensions");
    } else {
      ok = xml_codec::keep_unknown(node, &doc.extensions, diag, {}, 2);
    }
    if (!ok) return failed(diag);
  }
  Result<Document> result(std::move(doc));
  result.warnings() = std::move(diag.warnings());
  return result;
}

// Confidence that `head` is canonical XML: the root element, found within the first KiB after
// a BOM, the XML declaration, comments and a DOCTYPE, is `pressroom` (any prefix) and its start
// tag names our namespace.
int sniff(std::string_view head) {
  head = head.substr(0, 1024);
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  for (;;) {
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
      ++i;
    }
    if (head.compare(i, 4, "<!--") == 0) {
      const std::size_t end = head.find("-->", i + 4);
      if (end == std::string_view::npos) return 0;
      i = end + 3;
    } else if (head.compare(i, 2, "<?") == 0) {
      const std::size_t end = head.find("?>", i + 2);
      if (end == std::string_view::npos) return 0;
      i = end + 2;
    } else if (head.compare(i, 2, "<!") == 0) {
      const std::size_t end = head.find('>', i + 2);
      if (end == std::string_view::npos) return 0;
      i = end + 1;
    } else {
      break;
    }
  }
  if (i >= head.size() || head[i] != '<') return 0;
  std::size_t end = i + 1;
  while (end < head.size() && head[end] != ' ' && head[end] != '\t' && head[end] != '\n' &&
         head[end] != '\r' && head[end] != '>' && head[end] != '/') {
    ++end;
  }
  std::string_view name = head.substr(i + 1, end - i - 1);
  if (const std::size_t colon = name.find(':'); colon != std::string_view::npos) {
    name.remove_prefix(colon + 1);
  }
  if (name != "pressroom") return 0;
  const std::size_t close = head.find('>', end);
  const std::string_view start_tag =
      head.substr(i, close == std::string_view::npos ? head.size() - i : close - i);
  return start_tag.find(xml::namespace_uri) != std::string_view::npos ? 100 : 0;
}

}  // namespace
}  // namespace pressroom::xml_detail

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace xml {

Result<Document> read(std::string_view input, const ReadOptions& options) {
  return detail::guard_memory("xml", "reading", [&]() -> Result<Document> {
    Result<Document> r = xml_detail::read_document(input, options);
    detail::apply_trust(r, options);
    return r;
  });
}

Format format() {
  Format f;
  f.name = "xml";
  f.description = "pressroom canonical XML (namespace urn:pressroom:1), lossless";
  f.media_types = {"application/vnd.pressroom+xml", "application/xml"};
  f.extensions = {"pressroom.xml", "xml"};
  f.sniff = [](std::string_view head) { return xml_detail::sniff(head); };
  f.read = [](std::string_view input, const ReadOptions& options) { return read(input, options); };
  f.write = [](const Document& doc, const WriteOptions& options) { return write(doc, options); };
  f.open_writer = [](std::ostream& out, const WriteOptions& options) {
    return open_writer(out, options);
  };
  f.carries = Capabilities{true, true, true, true, true, true, true, true};
  return f;
}

}  // namespace xml
PRESSROOM_ABI_END
}  // namespace pressroom
