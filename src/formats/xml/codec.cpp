// SPDX-License-Identifier: MIT
// The element-per-field codec: templates over the reflection table, explicitly instantiated for
// the records and the value types the feed formats embed.
#include "formats/xml/codec.hpp"

#include "detail/dates.hpp"

#include "formats/xml/clean_text.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detail/inert_xml.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom::xml_codec {
namespace {

using detail::npos;

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};
template <class T, class = void>
struct HasExtensions : std::false_type {};
template <class T>
struct HasExtensions<T, std::void_t<decltype(std::declval<T&>().extensions)>> : std::true_type {};

// ------------------------------------------------------------------------------ escaping

// 0: copied as is; 1: needs a look (markup, control, non-ASCII). One table per context.
constexpr std::array<unsigned char, 256> make_class_table(bool attribute) {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool special =
        c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || (attribute && c == '"');
    const bool plain_ws = !attribute && (c == '\t' || c == '\n');
    t[static_cast<std::size_t>(c)] = (special && !plain_ws) ? 1 : 0;
  }
  return t;
}
constexpr std::array<unsigned char, 256> text_class = make_class_table(false);
constexpr std::array<unsigned char, 256> attribute_class = make_class_table(true);

// ------------------------------------------------------------------------------ writing

struct Writer {
  std::string& out;
  std::string_view prefix;
  bool pretty;
  std::size_t indent;
  std::size_t& stripped;

  void line(int level) {
    if (!pretty) return;
    out += '\n';
    out.append(static_cast<std::size_t>(level) * indent, ' ');
  }
  void open(std::string_view p, std::string_view name, int level) {
    line(level);
    out += '<';
    out += p;
    out += name;
  }
  void close(std::string_view p, std::string_view name) {
    out += "</";
    out += p;
    out += name;
    out += '>';
  }
  // `<name>text</name>`; `escape` = false for text known to need none (numbers, enum names).
  void text_element(std::string_view p, std::string_view name, int level, std::string_view text,
                    bool escape) {
    open(p, name, level);
    if (text.empty()) {
      out += "/>";
      return;
    }
    out += '>';
    if (escape) {
      append_escaped(out, text, false, stripped);
    } else {
      out += text;
    }
    close(p, name);
  }
};

template <class T>
void write_value(Writer& w, std::string_view p, std::string_view name, const T& v, int level);

// One field of a struct: applies the rules that omit absent fields.
template <class M>
void write_field(Writer& w, std::string_view name, const M& m, int level) {
  if constexpr (IsOptional<M>::value) {
    // An impossible date is left out (the writer counts them for its warning).
    if (m && !detail::is_invalid_date(m)) write_value(w, w.prefix, name, *m, level);
  } else if constexpr (IsVector<M>::value) {
    for (const auto& item : m) write_value(w, w.prefix, name, item, level);
  } else if constexpr (std::is_same_v<M, Extensions>) {
    for (const auto& [key, value] : m) {
      w.open(w.prefix, name, level);
      w.out += " format=\"";
      append_escaped(w.out, key, true, w.stripped);
      w.out += '"';
      if (value.empty()) {
        w.out += "/>";
      } else {
        w.out += '>';
        append_escaped(w.out, value, false, w.stripped);
        w.close(w.prefix, name);
      }
    }
  } else if constexpr (std::is_same_v<M, std::string>) {
    if (!m.empty()) write_value(w, w.prefix, name, m, level);
  } else if constexpr (std::is_enum_v<M>) {
    if (to_string(m) != "unspecified") write_value(w, w.prefix, name, m, level);
  } else if constexpr (is_reflected_v<M> && !std::is_same_v<M, DateTime>) {
    if (!(m == M{})) write_value(w, w.prefix, name, m, level);
  } else {
    write_value(w, w.prefix, name, m, level);
  }
}

template <class T>
void write_value(Writer& w, std::string_view p, std::string_view name, const T& v, int level) {
  if constexpr (std::is_same_v<T, std::string>) {
    w.text_element(p, name, level, v, true);
  } else if constexpr (std::is_same_v<T, DateTime>) {
    w.text_element(p, name, level, to_string(v), true);
  } else if constexpr (std::is_enum_v<T>) {
    // An out-of-range value has no name; nothing can be written for it.
    const std::string_view text = to_string(v);
    if (!text.empty()) w.text_element(p, name, level, text, false);
  } else if constexpr (std::is_same_v<T, double>) {
    w.text_element(p, name, level, detail::format_double(v), false);
  } else if constexpr (std::is_integral_v<T>) {
    std::array<char, 32> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v);
    w.text_element(p, name, level,
                   std::string_view(buf.data(), static_cast<std::size_t>(r.ptr - buf.data())),
                   false);
  } else if constexpr (std::is_same_v<T, Block>) {
    w.open(p, name, level);
    if (v.type != BlockType::paragraph) {
      w.out += " type=\"";
      w.out += to_string(v.type);
      w.out += '"';
    }
    if (v.text.empty()) {
      w.out += "/>";
    } else {
      w.out += '>';
      append_escaped(w.out, v.text, false, w.stripped);
      w.close(p, name);
    }
  } else {
    static_assert(is_reflected_v<T>, "no XML form for this type");
    w.open(p, name, level);
    w.out += '>';
    const std::size_t mark = w.out.size();
    for_each_field(v, [&](const char* field, const auto& member) {
      write_field(w, field, member, level + 1);
    });
    if (w.out.size() == mark) {
      w.out.pop_back();
      w.out += "/>";
    } else {
      w.line(level);
      w.close(p, name);
    }
  }
}

// ------------------------------------------------------------------------------ reading

enum class Outcome { ok, dropped, stop };

// The model path as a linked list on the stack, turned into a string only for a diagnostic.
struct PathSeg {
  const PathSeg* parent = nullptr;
  std::string_view name = {};
  std::size_t index = npos;
};

void append_path(std::string& out, const PathSeg* seg) {
  if (seg == nullptr) return;
  append_path(out, seg->parent);
  if (!out.empty() && !seg->name.empty()) out += '.';
  out += seg->name;
  if (seg->index != npos) {
    out += '[';
    out += std::to_string(seg->index);
    out += ']';
  }
}

std::string path_string(const PathSeg& seg) {
  std::string out;
  append_path(out, &seg);
  return out;
}

struct Reader {
  detail::Diagnostics& diag;
  std::string_view prefix;
  Extensions* extensions;
  std::size_t max_depth;
  std::size_t max_string;
  bool check_text;  // false when the whole input is known to be clean
  std::string scratch;
};

// Diagnostics compute line and column by a linear scan; past a few hundred warnings the
// position is left out so that a hostile input cannot make reading quadratic.
constexpr std::size_t positioned_warnings = 200;

bool warn(Reader& r, ErrorCode code, std::string message, const pugi::xml_node& node,
          const PathSeg& path) {
  const std::size_t offset =
      r.diag.warnings().size() < positioned_warnings ? node_offset(node) : npos;
  return r.diag.warn(code, std::move(message), offset, path_string(path));
}

// "<name>" for messages, the name cut to 40 bytes.
std::string tag(const pugi::xml_node& node) {
  std::string q = detail::quote(node.name());
  // quote() gives 'name'; show it as <name>.
  if (q.size() >= 2) {
    q.front() = '<';
    q.back() = '>';
  }
  return q;
}

Outcome unknown_element(Reader& r, const pugi::xml_node& node, const PathSeg& path,
                        std::size_t depth) {
  if (!check_depth(node, depth, r.diag)) return Outcome::stop;
  std::string message = "unknown element " + tag(node);
  message += r.extensions != nullptr ? ", kept in extensions[\"xml\"]" : ", dropped";
  if (!warn(r, ErrorCode::unsupported, std::move(message), node, path)) return Outcome::stop;
  if (r.extensions != nullptr) {
    // Kept self-contained and inert (detail/inert_xml.hpp): what executes, includes or fetches
    // is dropped with a warning.
    std::string one;
    detail::append_self_contained(one, node);
    detail::InertXml inert = detail::make_inert_xml(one);
    if (!inert.dropped.empty() &&
        !warn(r, ErrorCode::unsupported, detail::inert_warning(inert.dropped), node, path))
      return Outcome::stop;
    if (inert.fragment.empty()) return Outcome::ok;
    std::string& kept = (*r.extensions)["xml"];
    kept += inert.fragment;
    if (kept.size() > r.max_string) {
      r.diag.fail(ErrorCode::limit_exceeded,
                  "unknown elements kept exceed " + std::to_string(r.max_string) +
                      " bytes (limits.max_string_bytes)",
                  node_offset(node), path_string(path));
      return Outcome::stop;
    }
  }
  return Outcome::ok;
}

// Sixteen (or eight) bytes at a time while they are ASCII, one character at a time otherwise:
// the portable form of clean_text.
bool clean_text_portable(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t i = 0;
  constexpr std::uint64_t high = 0x8080808080808080ull;
  constexpr std::uint64_t space = 0x2020202020202020ull;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes at a time: a signed compare with 0x20 catches both control characters and
    // bytes >= 0x80 (negative as signed).
    if (n - i >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
      const __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                   _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
      const int mask = _mm_movemask_epi8(_mm_andnot_si128(ws, low));
      if (mask == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    if (n - i >= 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p + i, 8);
      // No byte >= 0x80 and none below 0x20 (the lowest such byte sets its high bit in w - space).
      if (((w | (w - space)) & high) == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(p[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
    } else if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') return false;
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF && i + 1 < n &&
               (static_cast<unsigned char>(p[i + 1]) & 0xC0) == 0x80) {
      i += 2;  // U+0080..U+07FF, all allowed
    } else if (c >= 0xE1 && c <= 0xEC && i + 2 < n &&
               (static_cast<unsigned char>(p[i + 1]) & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(p[i + 2]) & 0xC0) == 0x80) {
      i += 3;  // U+1000..U+CFFF, all allowed (no overlong forms, no surrogates)
    } else {
      std::uint32_t cp = 0;
      const std::size_t len = detail::decode_utf8(s, i, cp);
      if (len == 0 || !detail::is_xml_char(cp)) return false;
      i += len;
    }
  }
  return true;
}

}  // namespace

bool clean_text(std::string_view s) {
#if PRESSROOM_XML_HAVE_AVX2
  static const bool avx2 = __builtin_cpu_supports("avx2") != 0;
  if (avx2) return clean_text_avx2(s);
#endif
  return clean_text_portable(s);
}

namespace {

// Checks a value read from the tree: its size, and UTF-8 / XML 1.0 characters (pugixml passes
// invalid UTF-8 through and decodes references such as &#xD800; or &#1; without checking).
// Lenient: invalid UTF-8 becomes U+FFFD and forbidden characters are removed, with a warning.
// `known_clean`: the caller has already checked the characters.
Outcome check_text(Reader& r, std::string& text, const pugi::xml_node& node, const PathSeg& path,
                   bool known_clean = false) {
  if (text.size() > r.max_string) {
    r.diag.fail(ErrorCode::limit_exceeded,
                "text of " + tag(node) + " is " + std::to_string(text.size()) +
                    " bytes, over the limit of " + std::to_string(r.max_string) +
                    " (limits.max_string_bytes)",
                node_offset(node), path_string(path));
    return Outcome::stop;
  }
  if (known_clean || !r.check_text || clean_text(text)) return Outcome::ok;
  if (detail::find_invalid_utf8(text) != npos) {
    if (!warn(r, ErrorCode::invalid_value, "invalid UTF-8 in " + tag(node) + " replaced by U+FFFD",
              node, path)) {
      return Outcome::stop;
    }
    detail::repair_utf8(text);
    if (detail::find_xml_forbidden(text) == npos) return Outcome::ok;
  }
  if (!warn(r, ErrorCode::invalid_value, "characters XML 1.0 forbids in " + tag(node) + " removed",
            node, path)) {
    return Outcome::stop;
  }
  detail::strip_xml_forbidden(text);
  return Outcome::ok;
}

// The text of a value element, never trimmed: the embedded value plus its text and CDATA
// children. Child elements are unknown elements.
Outcome element_text(Reader& r, const pugi::xml_node& node, const PathSeg& path, std::size_t depth,
                     std::string& out) {
  pugi::xml_node child = node.first_child();
  if (!child) {
#if PRESSROOM_XML_HAVE_AVX2
    // The common case, text alone: measured and checked in one pass over the parsed buffer.
    static const bool avx2 = __builtin_cpu_supports("avx2") != 0;
    if (avx2 && r.check_text) {
      const char* value = node.value();
      bool clean = false;
      const std::size_t size = measure_clean_avx2(value, clean);
      out.assign(value, size);
      return check_text(r, out, node, path, clean);
    }
#endif
    out.assign(node.value());
  } else {
    out.assign(node.value());
    for (; child; child = child.next_sibling()) {
      const pugi::xml_node_type type = child.type();
      if (type == pugi::node_pcdata || type == pugi::node_cdata) {
        out += child.value();
      } else if (type == pugi::node_element) {
        if (unknown_element(r, child, path, depth + 1) == Outcome::stop) return Outcome::stop;
      }
    }
  }
  return check_text(r, out, node, path);
}

template <class N>
bool parse_number(std::string_view s, N& value) {
  s = detail::trim(s);
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (!s.empty() && s.front() == '-') return false;
  }
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), value);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

template <class T>
Outcome read_value(Reader& r, const pugi::xml_node& node, T& out, const PathSeg& path,
                   std::size_t depth);

struct FieldEntry {
  const char* name;
  std::size_t name_size;
  std::size_t offset;
  Outcome (*read)(Reader&, const pugi::xml_node&, void*, const PathSeg&, std::size_t);
  bool repeatable;
};

template <class M>
Outcome read_field(Reader& r, const pugi::xml_node& node, void* member, const PathSeg& seg,
                   std::size_t depth);

// The fields of T with their offsets and readers, built once from the reflection table, so that
// each child element finds its field by name (starting where the previous one matched: in
// canonical order that is the next entry or the same one).
template <class T>
const std::vector<FieldEntry>& field_table() {
  static_assert(Fields<T>::count <= 64, "the duplicate check uses a 64-bit mask");
  static const std::vector<FieldEntry> table = [] {
    std::vector<FieldEntry> t;
    T probe{};
    const char* base = reinterpret_cast<const char*>(&probe);
    for_each_field(probe, [&](const char* name, auto& member) {
      using M = std::remove_reference_t<decltype(member)>;
      t.push_back(
          FieldEntry{name, std::strlen(name),
                     static_cast<std::size_t>(reinterpret_cast<const char*>(&member) - base),
                     &read_field<M>, IsVector<M>::value || std::is_same_v<M, Extensions>});
    });
    return t;
  }();
  return table;
}

template <class T>
Outcome read_struct(Reader& r, const pugi::xml_node& node, T& out, const PathSeg& path,
                    std::size_t depth) {
  const std::vector<FieldEntry>& table = field_table<T>();
  const std::size_t n = table.size();
  std::size_t cursor = 0;
  std::uint64_t seen = 0;
  char* base = reinterpret_cast<char*>(&out);
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (depth + 1 > r.max_depth) {
      r.diag.fail(
          ErrorCode::limit_exceeded,
          "elements nest deeper than " + std::to_string(r.max_depth) + " levels (limits.max_depth)",
          node_offset(child), path_string(path));
      return Outcome::stop;
    }
    // Names compared in place (no strlen): a prefixed name must start with the prefix; a
    // name with a foreign prefix matches no field, since field names have no colon.
    const char* local = child.name();
    std::size_t found = n;
    if (r.prefix.empty() || std::strncmp(local, r.prefix.data(), r.prefix.size()) == 0) {
      local += r.prefix.size();
      for (std::size_t k = 0; k < n; ++k) {
        std::size_t i = cursor + k;
        if (i >= n) i -= n;
        if (table[i].name[0] == local[0] && std::strcmp(table[i].name, local) == 0) {
          found = i;
          break;
        }
      }
    }
    if (found == n) {
      if (unknown_element(r, child, path, depth + 1) == Outcome::stop) return Outcome::stop;
      continue;
    }
    const FieldEntry& field = table[found];
    PathSeg seg{&path, std::string_view(field.name, field.name_size), npos};
    if (!field.repeatable) {
      const std::uint64_t bit = std::uint64_t{1} << found;
      if ((seen & bit) != 0 &&
          !warn(r, ErrorCode::invalid_value, "repeated element " + tag(child) + ", the last kept",
                child, seg)) {
        return Outcome::stop;
      }
      seen |= bit;
    }
    if (field.read(r, child, base + field.offset, seg, depth + 1) == Outcome::stop) {
      return Outcome::stop;
    }
    cursor = found;
  }
  return Outcome::ok;
}

Outcome read_extension_entry(Reader& r, const pugi::xml_node& node, Extensions& map,
                             const PathSeg& path, std::size_t depth) {
  const pugi::xml_attribute format = node.attribute("format");
  if (!format) {
    return warn(r, ErrorCode::missing_field, tag(node) + " without a format attribute, dropped",
                node, path)
               ? Outcome::dropped
               : Outcome::stop;
  }
  std::string key = format.value();
  if (check_text(r, key, node, path) == Outcome::stop) return Outcome::stop;
  std::string value;
  if (element_text(r, node, path, depth, value) == Outcome::stop) return Outcome::stop;
  const auto [it, inserted] = map.try_emplace(std::move(key));
  if (inserted) {
    it->second = std::move(value);
  } else {
    it->second += value;
  }
  return Outcome::ok;
}

template <class M>
Outcome read_field(Reader& r, const pugi::xml_node& node, void* member, const PathSeg& seg,
                   std::size_t depth) {
  M& m = *static_cast<M*>(member);
  if constexpr (IsOptional<M>::value) {
    typename M::value_type value{};
    const Outcome o = read_value(r, node, value, seg, depth);
    if (o == Outcome::ok) m = std::move(value);
    return o;
  } else if constexpr (IsVector<M>::value) {
    const PathSeg item{seg.parent, seg.name, m.size()};
    if (!r.diag.charge(sizeof(typename M::value_type), node_offset(node))) return Outcome::stop;
    m.emplace_back();
    const Outcome o = read_value(r, node, m.back(), item, depth);
    if (o == Outcome::dropped) m.pop_back();
    return o;
  } else if constexpr (std::is_same_v<M, Extensions>) {
    return read_extension_entry(r, node, m, seg, depth);
  } else {
    return read_value(r, node, m, seg, depth);
  }
}

template <class E>
Outcome read_enum(Reader& r, const pugi::xml_node& node, E& out, const PathSeg& path,
                  std::string_view text) {
  if (const auto value = enum_from_string<E>(detail::trim(text))) {
    out = *value;
    return Outcome::ok;
  }
  const auto other = enum_from_string<E>("other");
  std::string message = "unknown value " + detail::quote(text) + " in " + tag(node);
  message += other ? ", read as 'other'" : ", dropped";
  if (!warn(r, ErrorCode::invalid_value, std::move(message), node, path)) return Outcome::stop;
  if (other) {
    out = *other;
    return Outcome::ok;
  }
  return Outcome::dropped;
}

template <class T>
Outcome read_value(Reader& r, const pugi::xml_node& node, T& out, const PathSeg& path,
                   std::size_t depth) {
  if constexpr (std::is_same_v<T, std::string>) {
    return element_text(r, node, path, depth, out);
  } else if constexpr (std::is_same_v<T, Block>) {
    if (const pugi::xml_attribute type = node.attribute("type")) {
      if (const auto value = enum_from_string<BlockType>(detail::trim(type.value()))) {
        out.type = *value;
      } else if (!warn(
                     r, ErrorCode::invalid_value,
                     "unknown block type " + detail::quote(type.value()) + ", read as 'paragraph'",
                     node, path)) {
        return Outcome::stop;
      }
    }
    return element_text(r, node, path, depth, out.text);
  } else if constexpr (std::is_same_v<T, DateTime> || std::is_enum_v<T> ||
                       std::is_arithmetic_v<T>) {
    std::string& text = r.scratch;
    if (element_text(r, node, path, depth, text) == Outcome::stop) return Outcome::stop;
    if constexpr (std::is_same_v<T, DateTime>) {
      if (auto value = parse_date_time(detail::trim(text))) {
        out = std::move(*value);
        return Outcome::ok;
      }
      return warn(r, ErrorCode::invalid_value,
                  "bad date " + detail::quote(text) + " in " + tag(node) + ", dropped", node, path)
                 ? Outcome::dropped
                 : Outcome::stop;
    } else if constexpr (std::is_enum_v<T>) {
      return read_enum(r, node, out, path, text);
    } else {
      T value{};
      if (parse_number(text, value)) {
        out = value;
        return Outcome::ok;
      }
      return warn(r, ErrorCode::invalid_value,
                  "bad number " + detail::quote(text) + " in " + tag(node) + ", dropped", node,
                  path)
                 ? Outcome::dropped
                 : Outcome::stop;
    }
  } else {
    static_assert(is_reflected_v<T>, "no XML form for this type");
    return read_struct(r, node, out, path, depth);
  }
}

pugi::xml_node first_element(pugi::xml_node node) {
  while (node && node.type() != pugi::node_element) node = node.next_sibling();
  return node;
}

struct StringWriter : pugi::xml_writer {
  explicit StringWriter(std::string& s) : out(s) {}
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
  std::string& out;
};

}  // namespace

void append_escaped(std::string& out, std::string_view text, bool attribute,
                    std::size_t& stripped) {
  const std::array<unsigned char, 256>& cls = attribute ? attribute_class : text_class;
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (cls[c] == 0) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::uint32_t cp = 0;
      const std::size_t len = detail::decode_utf8(text, i, cp);
      if (len != 0 && detail::is_xml_char(cp) && !detail::is_c1_control(cp)) {
        i += len;
        continue;
      }
      out.append(p + run, i - run);
      if (len != 0 && detail::is_c1_control(cp)) {
        detail::append_char_reference(out, cp);
        i += len;
        run = i;
        continue;
      }
      ++stripped;
      i += len != 0 ? len : 1;
      run = i;
      continue;
    }
    const char* replacement = nullptr;
    switch (c) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        replacement = "&quot;";
        break;
      case '\r':
        replacement = "&#13;";
        break;
      case '\n':
        replacement = "&#10;";
        break;
      case '\t':
        replacement = "&#9;";
        break;
      default:
        break;
    }
    out.append(p + run, i - run);
    if (replacement != nullptr) {
      out += replacement;
    } else {
      ++stripped;
    }
    ++i;
    run = i;
  }
  out.append(p + run, n - run);
}

void append_escaped(std::string& out, std::string_view text, bool attribute) {
  std::size_t stripped = 0;
  append_escaped(out, text, attribute, stripped);
}

std::size_t node_offset(const pugi::xml_node& node) {
  const std::ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return npos;
  // offset_debug() points at an element's name; the diagnostic points at its '<'.
  return static_cast<std::size_t>(offset > 0 && node.type() == pugi::node_element ? offset - 1
                                                                                  : offset);
}

bool check_depth(const pugi::xml_node& node, std::size_t depth, detail::Diagnostics& diag) {
  const std::size_t max = diag.options().limits.max_depth;
  const auto fail = [&](const pugi::xml_node& at) {
    diag.fail(ErrorCode::limit_exceeded,
              "elements nest deeper than " + std::to_string(max) + " levels (limits.max_depth)",
              node_offset(at));
    return false;
  };
  if (depth > max) return fail(node);
  // Iterative walk: a hostile input nests 100,000 elements, and nothing here may recurse.
  pugi::xml_node current = node;
  std::size_t d = depth;
  for (;;) {
    if (const pugi::xml_node child = first_element(current.first_child())) {
      current = child;
      if (++d > max) return fail(current);
      continue;
    }
    for (;;) {
      if (current == node) return true;
      if (const pugi::xml_node sibling = first_element(current.next_sibling())) {
        current = sibling;
        break;
      }
      current = current.parent();
      --d;
    }
  }
}

void append_fragment(std::string& out, const pugi::xml_node& node) {
  std::string fragment;
  StringWriter writer(fragment);
  node.print(writer, "", pugi::format_raw, pugi::encoding_utf8);
  detail::repair_utf8(fragment);
  out += fragment;
}

bool keep_unknown(const pugi::xml_node& node, Extensions* extensions, detail::Diagnostics& diag,
                  const std::string& path, std::size_t depth) {
  const Limits& limits = diag.options().limits;
  Reader r{diag, {}, extensions, limits.max_depth, limits.max_string_bytes, true, {}};
  const PathSeg seg{nullptr, path, npos};
  return unknown_element(r, node, seg, depth) != Outcome::stop;
}

void write_extensions(std::string& out, std::string_view name, const Extensions& map,
                      const WriteOptions& options, int level, std::size_t& stripped) {
  Writer w{out,
           {},
           options.pretty,
           static_cast<std::size_t>(options.indent < 0 ? 0 : options.indent),
           stripped};
  write_field(w, name, map, level);
}

bool read_extension(const pugi::xml_node& node, Extensions& map, detail::Diagnostics& diag,
                    const std::string& path) {
  const Limits& limits = diag.options().limits;
  Reader r{diag, {}, nullptr, limits.max_depth, limits.max_string_bytes, true, {}};
  const PathSeg seg{nullptr, path, npos};
  return read_extension_entry(r, node, map, seg, 2) != Outcome::stop;
}

template <class T>
void write_element(std::string& out, std::string_view qualified_name, const T& value,
                   std::string_view prefix, const WriteOptions& options, int level,
                   std::size_t& stripped) {
  Writer w{out, prefix, options.pretty,
           static_cast<std::size_t>(options.indent < 0 ? 0 : options.indent), stripped};
  write_value(w, {}, qualified_name, value, level);
}

template <class T>
bool read_element(const pugi::xml_node& node, T& out, std::string_view prefix,
                  detail::Diagnostics& diag, const std::string& path, const ReadContext& context) {
  const Limits& limits = diag.options().limits;
  Reader r{diag,
           prefix,
           context.extensions,
           limits.max_depth,
           limits.max_string_bytes,
           !context.input_clean,
           {}};
  if constexpr (HasExtensions<T>::value) r.extensions = &out.extensions;
  const PathSeg seg{nullptr, path, npos};
  return read_value(r, node, out, seg, context.depth) != Outcome::stop;
}

template <class T>
bool read_element(const pugi::xml_node& node, T& out, std::string_view prefix,
                  detail::Diagnostics& diag, const std::string& path) {
  return read_element(node, out, prefix, diag, path, ReadContext{});
}

#define PRESSROOM_XML_CODEC_INSTANTIATE(T)                                                         \
  template void write_element<T>(std::string&, std::string_view, const T&, std::string_view,       \
                                 const WriteOptions&, int, std::size_t&);                          \
  template bool read_element<T>(const pugi::xml_node&, T&, std::string_view, detail::Diagnostics&, \
                                const std::string&);                                               \
  template bool read_element<T>(const pugi::xml_node&, T&, std::string_view, detail::Diagnostics&, \
                                const std::string&, const ReadContext&);
PRESSROOM_XML_CODEC_TYPES(PRESSROOM_XML_CODEC_INSTANTIATE)
#undef PRESSROOM_XML_CODEC_INSTANTIATE

}  // namespace pressroom::xml_codec
