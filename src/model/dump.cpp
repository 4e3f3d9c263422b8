// SPDX-License-Identifier: MIT
#include "pressroom/model/dump.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "detail/text.hpp"
#include "detail/traits.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

namespace {

using detail::is_optional;
using detail::is_vector;

// Code points that render as nothing or as a plain space: shown escaped so a diff shows them.
bool invisible(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || cp == 0x034F || cp == 0x061C || cp == 0x1680 ||
         cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF ||
         (cp >= 0xFFF9 && cp <= 0xFFFB);
}

void append_hex(std::string& out, const char* pattern, unsigned value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, pattern, value);
  out += buf;
}

std::string number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  return detail::format_double(v);
}

class Dumper {
 public:
  std::string out;

  // `show_empty`: the value exists (an engaged optional, a vector element), so it gets a `{}`
  // line when nothing in it is set; a plain member struct (`feed.generator`) does not.
  template <class T>
  void record(const std::string& path, const T& v, bool show_empty = false) {
    const std::size_t before = out.size();
    for_each_field(v, [&](const char* name, const auto& field) {
      member(path.empty() ? std::string(name) : path + "." + name, field);
    });
    if (out.size() == before && show_empty) line(path, "{}");
  }

 private:
  void line(const std::string& path, const std::string& value) {
    out += path;
    out += " = ";
    out += value;
    out += '\n';
  }

  template <class F>
  void member(const std::string& path, const F& f) {
    if constexpr (std::is_same_v<F, std::string>) {
      if (!f.empty()) line(path, debug_quote(f));
    } else if constexpr (std::is_same_v<F, DateTime>) {
      line(path, to_string(f));
    } else if constexpr (std::is_same_v<F, Extensions>) {
      for (const auto& [key, value] : f)
        line(path + "[" + debug_quote(key) + "]", debug_quote(value));
    } else if constexpr (is_reflected_v<F>) {
      record(path, f);
    } else if constexpr (is_optional<F>::value) {
      if (f) present(path, *f);
    } else if constexpr (is_vector<F>::value) {
      for (std::size_t i = 0; i < f.size(); ++i)
        present(path + "[" + std::to_string(i) + "]", f[i]);
    } else if constexpr (std::is_enum_v<F>) {
      if (static_cast<std::underlying_type_t<F>>(f) != 0) {
        const std::string_view name = to_string(f);
        line(path,
             name.empty() ? "?" + std::to_string(static_cast<long long>(f)) : std::string(name));
      }
    } else if constexpr (std::is_floating_point_v<F>) {
      line(path, number(f));
    } else {
      static_assert(std::is_integral_v<F>, "a model field of a type the dump does not know");
      line(path, std::to_string(f));
    }
  }

  // A value that is present even when it has nothing set (an engaged optional, an element).
  template <class F>
  void present(const std::string& path, const F& f) {
    if constexpr (std::is_same_v<F, std::string>) {
      line(path, debug_quote(f));
    } else if constexpr (is_reflected_v<F> && !std::is_same_v<F, DateTime>) {
      record(path, f, true);
    } else {
      member(path, f);
    }
  }
};

}  // namespace

std::string debug_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
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
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            append_hex(out, "\\x%02X", c);
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = detail::decode_utf8(text, i, cp);
    if (n == 0) {
      append_hex(out, "\\x%02X", c);
      ++i;
    } else {
      if (invisible(cp)) {
        append_hex(out, "\\u{%04X}", cp);
      } else {
        out.append(text.substr(i, n));
      }
      i += n;
    }
  }
  out += '"';
  return out;
}

std::string debug_dump(const Document& doc) {
  Dumper d;
  d.record("", doc);
  return std::move(d.out);
}

PRESSROOM_ABI_END
}  // namespace pressroom
