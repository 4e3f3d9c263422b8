// SPDX-License-Identifier: MIT
#include "detail/url.hpp"

#include <cstddef>
#include <cstdint>

namespace pressroom::detail {
namespace {

constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

int hex_value(char c) noexcept {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool iequal_prefix(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// The character reference at the start of `s` (which starts with '&'): sets `cp` and returns
// its length, or returns 0 when `s` starts no reference. Only what matters to a scheme is
// decoded by name; numeric references are decoded whatever they stand for.
std::size_t char_reference(std::string_view s, std::uint32_t& cp) noexcept {
  if (s.size() >= 3 && s[1] == '#') {
    std::size_t i = 2;
    const bool hex = s[i] == 'x' || s[i] == 'X';
    if (hex) ++i;
    const std::size_t digits = i;
    std::uint32_t value = 0;
    while (i < s.size()) {
      const int d = hex ? hex_value(s[i]) : (is_digit(s[i]) ? s[i] - '0' : -1);
      if (d < 0) break;
      if (value < 0x110000) value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      ++i;
    }
    if (i == digits) return 0;
    if (i < s.size() && s[i] == ';') ++i;
    cp = value;
    return i;
  }
  struct Named {
    std::string_view name;
    std::uint32_t cp;
  };
  static constexpr Named names[] = {{"colon", ':'}, {"tab", '\t'}, {"newline", '\n'}};
  for (const Named& n : names) {
    if (iequal_prefix(s.substr(1), n.name)) {
      std::size_t len = 1 + n.name.size();
      if (len < s.size() && s[len] == ';') ++len;
      cp = n.cp;
      return len;
    }
  }
  return 0;
}

}  // namespace

bool is_safe_url(std::string_view url) noexcept {
  // The longest allowed scheme has 6 letters; a longer one cannot be allowed.
  char scheme[8];
  std::size_t len = 0;
  bool too_long = false;
  std::size_t i = 0;
  while (i < url.size()) {
    std::uint32_t cp = static_cast<unsigned char>(url[i]);
    std::size_t step = 1;
    if (url[i] == '&') {
      std::uint32_t decoded = 0;
      if (const std::size_t n = char_reference(url.substr(i), decoded)) {
        cp = decoded;
        step = n;
      }
    }
    i += step;
    if (cp <= 0x20 || cp == 0x7F) continue;
    if (cp == ':') {
      if (len == 0 && !too_long) return true;  // ":x" has no scheme: a relative path
      if (too_long) return false;
      const std::string_view s(scheme, len);
      for (const std::string_view allowed : allowed_url_schemes) {
        if (s == allowed) return true;
      }
      return false;
    }
    if (cp == '/' || cp == '?' || cp == '#') return true;
    if (len < sizeof scheme && cp < 0x80) {
      scheme[len++] = lower(static_cast<char>(cp));
    } else {
      too_long = true;
    }
  }
  return true;
}

}  // namespace pressroom::detail
