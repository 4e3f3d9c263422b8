// SPDX-License-Identifier: MIT
// Canonical JSON writer: one template over the reflection table, appending to a string.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"
#include "detail/traits.hpp"
#include "formats/json/codec.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom::json_codec {
namespace {

using detail::is_optional;
using detail::is_vector;

// Bytes that cannot be copied as they are: control characters, quote, backslash, and the
// start of a multi-byte sequence (checked for validity).
struct EscapeTable {
  bool special[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) special[c] = true;
    special[static_cast<unsigned char>('"')] = true;
    special[static_cast<unsigned char>('\\')] = true;
    for (int c = 0x80; c < 0x100; ++c) special[c] = true;
  }
};
constexpr EscapeTable escape_table{};

template <class M>
bool is_absent(const M& m);

template <class T>
bool all_absent(const T& obj) {
  bool absent = true;
  for_each_field(obj, [&](const char*, const auto& m) {
    if (absent && !is_absent(m)) absent = false;
  });
  return absent;
}

// The rule of MODEL.md section 6: empty strings, vectors and maps, nullopt and `unspecified`
// enumerators are absent and omitted; numbers are always present.
template <class M>
bool is_absent(const M& m) {
  if constexpr (std::is_same_v<M, std::string> || is_vector<M>::value ||
                std::is_same_v<M, Extensions>) {
    return m.empty();
  } else if constexpr (is_optional<M>::value) {
    return !m.has_value();
  } else if constexpr (std::is_enum_v<M>) {
    return to_string(m) == "unspecified";
  } else if constexpr (std::is_same_v<M, DateTime>) {
    return false;
  } else if constexpr (is_reflected_v<M>) {
    return all_absent(m);
  } else {
    return false;
  }
}

class Writer {
 public:
  Writer(std::string& out, const WriteOptions& options, WriteStats& stats,
         ExtensionJson extension_json = ExtensionJson::as_object)
      : out_(out),
        pretty_(options.pretty),
        indent_(options.indent < 0 ? 0 : options.indent),
        extension_json_(extension_json),
        stats_(stats) {}

  void newline(int level) {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(level) * static_cast<std::size_t>(indent_), ' ');
  }

  void key(const char* name, int level, bool& first) {
    if (!first) out_ += ',';
    first = false;
    newline(level);
    out_ += '"';
    out_ += name;
    out_ += pretty_ ? "\": " : "\":";
  }

  template <class T>
  void object(const T& obj, int level) {
    out_ += '{';
    bool first = true;
    for_each_field(obj, [&](const char* name, const auto& m) {
      if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::optional<DateTime>>) {
        if (m && !is_valid(*m)) {
          ++stats_.invalid_dates;
          return;
        }
      }
      if constexpr (std::is_same_v<T, Document>) {
        // pressroom_version is always written, even when empty.
        if (std::strcmp(name, "pressroom_version") != 0 && is_absent(m)) return;
      } else {
        if (is_absent(m)) return;
      }
      key(name, level + 1, first);
      value(m, level + 1);
    });
    if (!first) newline(level);
    out_ += '}';
  }

  template <class M>
  void value(const M& m, int level) {
    if constexpr (std::is_same_v<M, std::string>) {
      append_string(out_, m, stats_.repaired_utf8);
    } else if constexpr (std::is_same_v<M, int> || std::is_same_v<M, std::uint64_t>) {
      char buf[24];
      auto res = std::to_chars(buf, buf + sizeof buf, m);
      out_.append(buf, res.ptr);
    } else if constexpr (std::is_same_v<M, double>) {
      if (!std::isfinite(m)) {
        ++stats_.non_finite;
        out_ += '0';
      } else {
        out_ += detail::format_double(m);
      }
    } else if constexpr (std::is_enum_v<M>) {
      out_ += '"';
      out_ += to_string(m);
      out_ += '"';
    } else if constexpr (std::is_same_v<M, DateTime>) {
      append_string(out_, to_string(m), stats_.repaired_utf8);
    } else if constexpr (std::is_same_v<M, Block>) {
      if (m.type == BlockType::paragraph) {
        append_string(out_, m.text, stats_.repaired_utf8);
      } else {
        object(m, level);
      }
    } else if constexpr (is_optional<M>::value) {
      value(*m, level);
    } else if constexpr (is_vector<M>::value) {
      out_ += '[';
      bool first = true;
      for (const auto& element : m) {
        if (!first) out_ += ',';
        first = false;
        newline(level + 1);
        value(element, level + 1);
      }
      if (!first) newline(level);
      out_ += ']';
    } else if constexpr (std::is_same_v<M, Extensions>) {
      extensions(m, level);
    } else {
      static_assert(is_reflected_v<M>, "a model member type the JSON writer does not know");
      object(m, level);
    }
  }

  void extensions(const Extensions& ext, int level) {
    out_ += '{';
    bool first = true;
    for (const auto& [k, v] : ext) {
      if (!first) out_ += ',';
      first = false;
      newline(level + 1);
      append_string(out_, k, stats_.repaired_utf8);
      out_ += pretty_ ? ": " : ":";
      // "json" holds the JSON text of the unknown keys read: written back as JSON when it is
      // an object, as a string otherwise (so that it never makes the output invalid).
      if (k == "json" && extension_json_ == ExtensionJson::as_object && is_raw_object(v)) {
        out_ += detail::trim(v);
      } else {
        append_string(out_, v, stats_.repaired_utf8);
      }
    }
    if (!first) newline(level);
    out_ += '}';
  }

 private:
  static bool is_raw_object(const std::string& v) {
    const std::string_view t = detail::trim(v);
    return !t.empty() && t.front() == '{' && is_valid_json(t);
  }

  std::string& out_;
  bool pretty_;
  int indent_;
  ExtensionJson extension_json_;
  WriteStats& stats_;
};

void escape_into(std::string& out, std::string_view s, std::size_t& repaired_utf8) {
  const std::size_t start = out.size();
  out += '"';
  const char* data = s.data();
  const std::size_t n = s.size();
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (!escape_table.special[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      std::uint32_t cp = 0;
      const std::size_t len = detail::decode_utf8(s, i, cp);
      if (len == 0) {
        // Invalid UTF-8 in the model: never emit invalid JSON; repair a copy and start over.
        out.resize(start);
        std::string copy(s);
        detail::repair_utf8(copy);
        ++repaired_utf8;
        std::size_t ignored = 0;
        escape_into(out, copy, ignored);
        return;
      }
      if (detail::is_c1_control(cp)) {
        // \u0085: see is_c1_control.
        static constexpr char hex[] = "0123456789abcdef";
        out.append(data + run, i - run);
        out += "\\u00";
        out += hex[cp >> 4];
        out += hex[cp & 0xF];
        i += len;
        run = i;
        continue;
      }
      i += len;
      continue;
    }
    out.append(data + run, i - run);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(esc, 6);
      }
    }
    ++i;
    run = i;
  }
  out.append(data + run, n - run);
  out += '"';
}

}  // namespace

void append_string(std::string& out, std::string_view s, std::size_t& repaired_utf8) {
  escape_into(out, s, repaired_utf8);
}

void append_string(std::string& out, std::string_view s) {
  std::size_t ignored = 0;
  escape_into(out, s, ignored);
}

bool is_valid_json(std::string_view text) {
  try {
    return nlohmann::json::accept(text.begin(), text.end());
  } catch (...) {
    return false;
  }
}

template <class T>
void write_value(std::string& out, const T& value, const WriteOptions& options, int level,
                 WriteStats& stats) {
  Writer w(out, options, stats);
  w.value(value, level);
}

template <class T>
void write_value(std::string& out, const T& value, const WriteOptions& options, int level,
                 std::size_t& repaired_utf8, ExtensionJson extension_json) {
  WriteStats stats;
  Writer w(out, options, stats, extension_json);
  w.value(value, level);
  repaired_utf8 += stats.repaired_utf8;
}

#define PRESSROOM_JSON_WRITE_INSTANTIATE(T)                                                    \
  template void write_value<T>(std::string&, const T&, const WriteOptions&, int, WriteStats&); \
  template void write_value<T>(std::string&, const T&, const WriteOptions&, int, std::size_t&, \
                               ExtensionJson);

PRESSROOM_JSON_WRITE_INSTANTIATE(Document)
PRESSROOM_JSON_WRITE_INSTANTIATE(Feed)
PRESSROOM_JSON_WRITE_INSTANTIATE(Article)
PRESSROOM_JSON_WRITE_INSTANTIATE(Organization)
PRESSROOM_JSON_WRITE_INSTANTIATE(Commissioner)
PRESSROOM_JSON_WRITE_INSTANTIATE(Person)
PRESSROOM_JSON_WRITE_INSTANTIATE(Legislation)
PRESSROOM_JSON_WRITE_INSTANTIATE(Contact)
PRESSROOM_JSON_WRITE_INSTANTIATE(Location)
PRESSROOM_JSON_WRITE_INSTANTIATE(Dateline)
PRESSROOM_JSON_WRITE_INSTANTIATE(Link)
PRESSROOM_JSON_WRITE_INSTANTIATE(Media)
PRESSROOM_JSON_WRITE_INSTANTIATE(Category)
PRESSROOM_JSON_WRITE_INSTANTIATE(Quantity)
PRESSROOM_JSON_WRITE_INSTANTIATE(EntityRef)
PRESSROOM_JSON_WRITE_INSTANTIATE(PersonName)
PRESSROOM_JSON_WRITE_INSTANTIATE(PhoneNumber)
PRESSROOM_JSON_WRITE_INSTANTIATE(Email)
PRESSROOM_JSON_WRITE_INSTANTIATE(PostalAddress)
PRESSROOM_JSON_WRITE_INSTANTIATE(InstantMessaging)
PRESSROOM_JSON_WRITE_INSTANTIATE(Identifier)
PRESSROOM_JSON_WRITE_INSTANTIATE(Statement)
PRESSROOM_JSON_WRITE_INSTANTIATE(Office)
PRESSROOM_JSON_WRITE_INSTANTIATE(Term)
PRESSROOM_JSON_WRITE_INSTANTIATE(Generator)

#undef PRESSROOM_JSON_WRITE_INSTANTIATE

}  // namespace pressroom::json_codec
