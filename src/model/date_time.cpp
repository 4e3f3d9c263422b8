// SPDX-License-Identifier: MIT
#include <cstdio>

#include "pressroom/model/common.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Reads exactly `n` digits at s[i]; advances i.
bool digits(std::string_view s, std::size_t& i, int n, int& out) {
  if (i + static_cast<std::size_t>(n) > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    const char c = s[i + static_cast<std::size_t>(k)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  i += static_cast<std::size_t>(n);
  out = v;
  return true;
}
}  // namespace

bool is_valid(const DateTime& d) noexcept {
  if (d.year < 1 || d.year > 9999) return false;
  if (d.day && !d.month) return false;
  if (d.hour && !d.day) return false;
  if (d.minute && !d.hour) return false;
  if (d.hour && !d.minute) return false;
  if (d.second && !d.minute) return false;
  if (d.nanosecond && !d.second) return false;
  if (d.month && (*d.month < 1 || *d.month > 12)) return false;
  if (d.day && (*d.day < 1 || *d.day > days_in_month(d.year, *d.month))) return false;
  if (d.hour && (*d.hour < 0 || *d.hour > 23)) return false;
  if (d.minute && (*d.minute < 0 || *d.minute > 59)) return false;
  if (d.second && (*d.second < 0 || *d.second > 60)) return false;
  if (d.nanosecond && (*d.nanosecond < 0 || *d.nanosecond > 999'999'999)) return false;
  if (d.utc_offset_minutes && (*d.utc_offset_minutes < -1439 || *d.utc_offset_minutes > 1439))
    return false;
  if ((d.utc_offset_minutes || !d.zone.empty()) && !d.hour) return false;
  for (const char c : d.zone) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '_' || c == '-' || c == '+';
    if (!ok) return false;
  }
  return true;
}

std::optional<DateTime> parse_date_time(std::string_view s) {
  DateTime d;
  std::size_t i = 0;
  int v = 0;
  if (!digits(s, i, 4, d.year)) return std::nullopt;
  if (i < s.size() && s[i] == '-') {
    ++i;
    if (!digits(s, i, 2, v)) return std::nullopt;
    d.month = v;
    if (i < s.size() && s[i] == '-') {
      ++i;
      if (!digits(s, i, 2, v)) return std::nullopt;
      d.day = v;
      if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        ++i;
        if (!digits(s, i, 2, v)) return std::nullopt;
        d.hour = v;
        if (i >= s.size() || s[i] != ':') return std::nullopt;
        ++i;
        if (!digits(s, i, 2, v)) return std::nullopt;
        d.minute = v;
        if (i < s.size() && s[i] == ':') {
          ++i;
          if (!digits(s, i, 2, v)) return std::nullopt;
          d.second = v;
          if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            int ns = 0, n = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
              if (n < 9) ns = ns * 10 + (s[i] - '0');
              ++n;
              ++i;
            }
            if (n == 0) return std::nullopt;
            for (int k = n; k < 9; ++k) ns *= 10;
            d.nanosecond = ns;
          }
        }
        if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
          ++i;
          d.utc_offset_minutes = 0;
        } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
          const int sign = s[i] == '-' ? -1 : 1;
          ++i;
          int hh = 0, mm = 0;
          if (!digits(s, i, 2, hh)) return std::nullopt;
          if (i < s.size() && s[i] == ':') ++i;
          if (!digits(s, i, 2, mm)) return std::nullopt;
          if (mm > 59) return std::nullopt;
          d.utc_offset_minutes = sign * (hh * 60 + mm);
        }
        if (i < s.size() && s[i] == '[') {
          const std::size_t close = s.find(']', i);
          if (close == std::string_view::npos || close == i + 1) return std::nullopt;
          d.zone = std::string(s.substr(i + 1, close - i - 1));
          i = close + 1;
        }
      }
    }
  }
  if (i != s.size() || !is_valid(d)) return std::nullopt;
  return d;
}

std::string to_string(const DateTime& d) {
  char buf[64];
  std::string out;
  std::snprintf(buf, sizeof buf, "%04d", d.year);
  out += buf;
  if (!d.month) return out;
  std::snprintf(buf, sizeof buf, "-%02d", *d.month);
  out += buf;
  if (!d.day) return out;
  std::snprintf(buf, sizeof buf, "-%02d", *d.day);
  out += buf;
  if (!d.hour) return out;
  std::snprintf(buf, sizeof buf, "T%02d:%02d", *d.hour, d.minute.value_or(0));
  out += buf;
  if (d.second) {
    std::snprintf(buf, sizeof buf, ":%02d", *d.second);
    out += buf;
    if (d.nanosecond) {
      std::snprintf(buf, sizeof buf, ".%09d", *d.nanosecond);
      std::string frac = buf;
      while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
      out += frac;
    }
  }
  if (d.utc_offset_minutes) {
    const int off = *d.utc_offset_minutes;
    if (off == 0) {
      out += 'Z';
    } else {
      // In long long: the offset of a Document built in code may be any int, INT_MIN included.
      const long long a = off < 0 ? -static_cast<long long>(off) : off;
      std::snprintf(buf, sizeof buf, "%c%02lld:%02lld", off < 0 ? '-' : '+', a / 60, a % 60);
      out += buf;
    }
  }
  if (!d.zone.empty()) {
    out += '[';
    out += d.zone;
    out += ']';
  }
  return out;
}

PRESSROOM_ABI_END
}  // namespace pressroom
