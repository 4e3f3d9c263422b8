// SPDX-License-Identifier: MIT
// Dates of feeds: RFC 822 for RSS, RFC 3339 for Atom and JSON Feed, and a lenient parser for
// what feeds in the wild write. No mktime/timegm: nothing is normalised.
#include <cstdio>

#include "formats/feed/feed.hpp"

namespace pressroom::feed_detail {

namespace {

constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

int weekday(int y, int m, int d) {
  const long long days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
}

void put2(std::string& out, int v) {
  out += static_cast<char>('0' + (v / 10) % 10);
  out += static_cast<char>('0' + v % 10);
}
void put4(std::string& out, int v) {
  put2(out, v / 100);
  put2(out, v % 100);
}

// Shared checks of both writers.
DateOutcome classify(const DateTime& dt) {
  if (!is_valid(dt)) return DateOutcome::invalid;
  if (!dt.day) return DateOutcome::too_coarse;
  if (!dt.hour) return DateOutcome::midnight;
  if (!dt.utc_offset_minutes) return DateOutcome::no_offset;
  return DateOutcome::ok;
}

// ---- parsing ----

struct Scanner {
  std::string_view s;
  std::size_t i = 0;
  bool eof() const { return i >= s.size(); }
  char peek() const { return i < s.size() ? s[i] : '\0'; }
  void skip_space() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }
  // Reads 1..max digits; returns the count.
  int number(int& v, int max = 9) {
    int n = 0;
    v = 0;
    while (i < s.size() && n < max && s[i] >= '0' && s[i] <= '9') {
      v = v * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    return n;
  }
  std::string_view word() {
    const std::size_t b = i;
    while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
                            static_cast<unsigned char>(s[i]) >= 0x80 || s[i] == '.'))
      ++i;
    return s.substr(b, i - b);
  }
};

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

// Month names in English and a few other languages feeds use (prefix match on 3 letters).
int month_from_name(std::string_view w) {
  const std::string l = lower(w);
  if (l.size() < 3) return 0;
  static const struct {
    const char* prefix;
    int month;
  } names[] = {{"jan", 1},  {"feb", 2},  {"fév", 2},  {"fev", 2},  {"mar", 3},  {"mär", 3},
               {"apr", 4},  {"avr", 4},  {"abr", 4},  {"may", 5},  {"mai", 5},  {"mag", 5},
               {"jun", 6},  {"jui", 6},  {"giu", 6},  {"jul", 7},  {"lug", 7},  {"aug", 8},
               {"aoû", 8},  {"aou", 8},  {"ago", 8},  {"sep", 9},  {"set", 9},  {"oct", 10},
               {"okt", 10}, {"ott", 10}, {"out", 10}, {"nov", 11}, {"dec", 12}, {"déc", 12},
               {"dez", 12}, {"dic", 12}, {"ene", 1},  {"gen", 1},  {"fer", 2},  {"feb", 2}};
  if (l.rfind("juil", 0) == 0) return 7;
  if (l.rfind("juin", 0) == 0) return 6;
  for (const auto& n : names) {
    const std::string_view p(n.prefix);
    if (l.compare(0, p.size(), p) == 0) return n.month;
  }
  return 0;
}

// Named zones of RFC 822 and a few common ones; military letters. Minutes east of UTC.
bool zone_from_name(std::string_view w, int& offset) {
  const std::string l = lower(w);
  static const struct {
    const char* name;
    int minutes;
  } zones[] = {{"gmt", 0},    {"ut", 0},     {"utc", 0},    {"z", 0},       {"est", -300},
               {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420},  {"mdt", -360},
               {"pst", -480}, {"pdt", -420}, {"bst", 60},   {"cet", 60},    {"cest", 120},
               {"met", 60},   {"mest", 120}, {"eet", 120},  {"eest", 180},  {"wet", 0},
               {"west", 60},  {"ist", 330},  {"jst", 540},  {"akst", -540}, {"akdt", -480},
               {"hst", -600}, {"aest", 600}, {"aedt", 660}, {"nzst", 720},  {"nzdt", 780}};
  for (const auto& z : zones) {
    if (l == z.name) {
      offset = z.minutes;
      return true;
    }
  }
  if (l.size() == 1 && l[0] >= 'a' && l[0] <= 'z' && l[0] != 'j') {
    // RFC 822 military zones; RFC 1123 notes their signs were specified backwards and
    // says to treat them as unknown, but the common reading of feeds keeps them.
    const char c = l[0];
    if (c <= 'i')
      offset = (c - 'a' + 1) * 60;
    else if (c <= 'm')
      offset = (c - 'a') * 60;
    else if (c <= 'y')
      offset = -(c - 'n' + 1) * 60;
    return true;
  }
  return false;
}

// "+0100", "-05:00", "+01", "+1"; returns false when not an offset.
bool numeric_offset(Scanner& sc, int& offset) {
  const char sign = sc.peek();
  if (sign != '+' && sign != '-') return false;
  ++sc.i;
  int h = 0, m = 0;
  const std::size_t start = sc.i;
  const int n = sc.number(h, 4);
  if (n == 0) return false;
  if (n == 4) {
    m = h % 100;
    h /= 100;
  } else if (n == 3) {
    m = h % 100;
    h /= 100;
  } else if (sc.peek() == ':') {
    ++sc.i;
    if (sc.number(m, 2) != 2) return false;
  }
  (void)start;
  if (h > 23 || m > 59) return false;
  offset = (h * 60 + m) * (sign == '-' ? -1 : 1);
  return true;
}

bool time_of_day(Scanner& sc, DateTime& d, bool& nonstandard) {
  int h = 0, m = 0, s = 0;
  const int nh = sc.number(h, 2);
  if (nh == 0 || sc.peek() != ':') return false;
  if (nh == 1) nonstandard = true;
  ++sc.i;
  if (sc.number(m, 2) != 2) return false;
  d.hour = h;
  d.minute = m;
  if (sc.peek() == ':') {
    ++sc.i;
    if (sc.number(s, 2) != 2) return false;
    d.second = s;
    if (sc.peek() == '.' || sc.peek() == ',') {
      ++sc.i;
      int ns = 0, digits = 0;
      while (!sc.eof() && sc.peek() >= '0' && sc.peek() <= '9') {
        if (digits < 9) {
          ns = ns * 10 + (sc.peek() - '0');
          ++digits;
        }
        ++sc.i;
      }
      if (digits == 0) return false;
      for (int k = digits; k < 9; ++k) ns *= 10;
      d.nanosecond = ns;
    }
  }
  return true;
}

int expand_year(int y, int ndigits, bool& nonstandard) {
  if (ndigits <= 2) {
    nonstandard = true;
    return y < 50 ? 2000 + y : 1900 + y;  // RFC 2822 §4.3
  }
  if (ndigits == 3) {
    nonstandard = true;
    return 1900 + y;
  }
  return y;
}

// RFC 822 family: [Day[,]] DD Mon YYYY [hh:mm[:ss]] [zone]; also "Mon DD, YYYY" and
// asctime "Day Mon DD hh:mm:ss YYYY".
std::optional<DateTime> parse_rfc822(std::string_view text, bool& nonstandard, bool& impossible) {
  Scanner sc{text};
  DateTime d;
  sc.skip_space();
  // Optional day name in any language: a word followed by a comma or space.
  std::size_t save = sc.i;
  std::string_view w = sc.word();
  int month = 0;
  int day = 0;
  int year = 0;
  int year_digits = 0;
  if (!w.empty()) {
    month = month_from_name(w);
    if (month != 0 && w.size() <= 9 && sc.peek() != ',') {
      // "Mon DD, YYYY" or asctime: the word was a month, unless it is a day name like "Mar"
      // followed by a comma (handled below).
    } else {
      month = 0;
      if (sc.peek() == ',' || sc.peek() == '.') ++sc.i;
      sc.skip_space();
      save = sc.i;
      w = sc.word();
      month = w.empty() ? 0 : month_from_name(w);
      if (month == 0) sc.i = save;
    }
  }
  if (month != 0) {
    // Month first: "Jan 01 2004", "Jan 1, 2004 10:00", asctime "Jan  1 10:00:00 2004".
    nonstandard = true;
    sc.skip_space();
    if (sc.number(day, 2) == 0) return std::nullopt;
    if (sc.peek() == ',') ++sc.i;
    sc.skip_space();
    const std::size_t t = sc.i;
    DateTime tmp;
    if (time_of_day(sc, tmp, nonstandard)) {
      sc.skip_space();
      year_digits = sc.number(year, 4);
      if (year_digits == 0) return std::nullopt;
      d.hour = tmp.hour;
      d.minute = tmp.minute;
      d.second = tmp.second;
      d.nanosecond = tmp.nanosecond;
    } else {
      sc.i = t;
      year_digits = sc.number(year, 4);
      if (year_digits == 0) return std::nullopt;
    }
  } else {
    sc.skip_space();
    if (sc.number(day, 2) == 0) return std::nullopt;
    // Separators seen in the wild: space, '-', '/'.
    if (sc.peek() == '-' || sc.peek() == '/') {
      nonstandard = true;
      ++sc.i;
    }
    sc.skip_space();
    w = sc.word();
    month = month_from_name(w);
    if (month == 0) return std::nullopt;
    if (sc.peek() == '-' || sc.peek() == '/' || sc.peek() == ',') {
      nonstandard = true;
      ++sc.i;
    }
    sc.skip_space();
    year_digits = sc.number(year, 4);
    if (year_digits == 0) return std::nullopt;
  }
  d.year = expand_year(year, year_digits, nonstandard);
  d.month = month;
  d.day = day;
  sc.skip_space();
  if (!d.hour && !sc.eof()) {
    const std::size_t t = sc.i;
    if (!time_of_day(sc, d, nonstandard)) {
      sc.i = t;
    } else if (!d.second) {
      nonstandard = true;  // RFC 822 allows hh:mm; feedparser reads it as :00 too
    }
  }
  sc.skip_space();
  if (d.hour) {
    int offset = 0;
    if (sc.eof()) {
      nonstandard = true;  // no zone: RFC 822 requires one; read as UTC like feedparser
      d.utc_offset_minutes = 0;
    } else if (numeric_offset(sc, offset)) {
      d.utc_offset_minutes = offset;
    } else {
      const std::string_view z = sc.word();
      if (z.empty() || !zone_from_name(z, offset)) {
        nonstandard = true;
        offset = 0;
      }
      d.utc_offset_minutes = offset;
      // "GMT+0100" style.
      int extra = 0;
      if (numeric_offset(sc, extra)) d.utc_offset_minutes = extra;
    }
    sc.skip_space();
    if (!sc.eof()) {
      if (sc.peek() == '(') {
        sc.i = sc.s.size();  // comment, e.g. "(PST)"
      } else {
        nonstandard = true;
      }
    }
  } else if (!sc.eof()) {
    nonstandard = true;
  }
  if (d.month && d.day &&
      (*d.day < 1 || *d.month < 1 || *d.month > 12 || *d.day > days_in_month(d.year, *d.month))) {
    impossible = true;
    return std::nullopt;
  }
  if (!is_valid(d)) {
    impossible = true;
    return std::nullopt;
  }
  return d;
}

// ISO 8601 / W3C-DTF / RFC 3339 and variants: YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD,
// [T or space]hh[:mm[:ss[.f]]] (basic hhmmss too), Z / ±hh[:mm] / ±hhmm.
std::optional<DateTime> parse_iso(std::string_view text, bool& nonstandard, bool& impossible) {
  Scanner sc{text};
  sc.skip_space();
  DateTime d;
  int v = 0;
  const int ny = sc.number(v, 8);
  if (ny == 8) {  // basic form YYYYMMDD
    d.year = v / 10000;
    d.month = (v / 100) % 100;
    d.day = v % 100;
    nonstandard = true;
  } else if (ny == 4 || ny == 2) {
    d.year = ny == 2 ? expand_year(v, 2, nonstandard) : v;
    if (sc.peek() == '-') {
      ++sc.i;
      int m = 0;
      const int nm = sc.number(m, 3);
      if (nm == 3) {  // ordinal date YYYY-DDD
        nonstandard = true;
        int doy = m;
        int mo = 1;
        while (mo <= 12 && doy > days_in_month(d.year, mo)) doy -= days_in_month(d.year, mo++);
        if (mo > 12 || doy < 1) {
          impossible = true;
          return std::nullopt;
        }
        d.month = mo;
        d.day = doy;
      } else if (nm >= 1) {
        if (nm == 1) nonstandard = true;
        d.month = m;
        if (sc.peek() == '-') {
          ++sc.i;
          int dd = 0;
          const int nd = sc.number(dd, 2);
          if (nd == 0) return std::nullopt;
          if (nd == 1) nonstandard = true;
          d.day = dd;
        }
      } else {
        return std::nullopt;
      }
    } else if (ny == 2) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (d.day && (sc.peek() == 'T' || sc.peek() == 't' || sc.peek() == ' ')) {
    const std::size_t t = sc.i;
    ++sc.i;
    sc.skip_space();
    int h = 0;
    const std::size_t hs = sc.i;
    const int nh = sc.number(h, 6);
    if (nh == 4 || nh == 6) {  // basic hhmm[ss]
      nonstandard = true;
      if (nh == 6) {
        d.second = h % 100;
        h /= 100;
      }
      d.minute = h % 100;
      d.hour = h / 100;
    } else if (nh == 2 || nh == 1) {
      sc.i = hs;
      if (!time_of_day(sc, d, nonstandard)) {
        sc.i = hs;
        sc.number(h, 2);
        d.hour = h;  // hour only
        d.minute = 0;
        nonstandard = true;
      }
    } else {
      sc.i = t;
    }
    if (d.hour) {
      sc.skip_space();
      int offset = 0;
      if (sc.peek() == 'Z' || sc.peek() == 'z') {
        ++sc.i;
        d.utc_offset_minutes = 0;
      } else if (numeric_offset(sc, offset)) {
        d.utc_offset_minutes = offset;
      } else if (!sc.eof()) {
        const std::size_t zs = sc.i;
        const std::string_view zw = sc.word();
        if (!zw.empty() && zone_from_name(zw, offset)) {
          nonstandard = true;
          d.utc_offset_minutes = offset;
        } else {
          sc.i = zs;
        }
      } else {
        nonstandard = true;  // W3C-DTF requires a zone with a time; feedparser assumes UTC
        d.utc_offset_minutes = 0;
      }
    }
  }
  sc.skip_space();
  if (!sc.eof()) return std::nullopt;
  if (!is_valid(d)) {
    impossible = true;
    return std::nullopt;
  }
  return d;
}

}  // namespace

DateOutcome append_rfc822(std::string& out, const DateTime& dt) {
  const DateOutcome o = classify(dt);
  if (o == DateOutcome::invalid || o == DateOutcome::too_coarse) return o;
  out += kDays[weekday(dt.year, *dt.month, *dt.day)];
  out += ", ";
  put2(out, *dt.day);
  out += ' ';
  out += kMonths[*dt.month - 1];
  out += ' ';
  put4(out, dt.year);
  out += ' ';
  put2(out, dt.hour.value_or(0));
  out += ':';
  put2(out, dt.minute.value_or(0));
  out += ':';
  put2(out, dt.second.value_or(0));
  const int off = dt.utc_offset_minutes.value_or(0);
  out += off < 0 ? " -" : " +";
  const int a = off < 0 ? -off : off;
  put2(out, a / 60);
  put2(out, a % 60);
  return o;
}

DateOutcome append_rfc3339(std::string& out, const DateTime& dt) {
  const DateOutcome o = classify(dt);
  if (o == DateOutcome::invalid || o == DateOutcome::too_coarse) return o;
  put4(out, dt.year);
  out += '-';
  put2(out, *dt.month);
  out += '-';
  put2(out, *dt.day);
  out += 'T';
  put2(out, dt.hour.value_or(0));
  out += ':';
  put2(out, dt.minute.value_or(0));
  out += ':';
  put2(out, dt.second.value_or(0));
  if (dt.nanosecond) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%09d", *dt.nanosecond);
    std::string frac(buf);
    while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
    out += frac;
  }
  const int off = dt.utc_offset_minutes.value_or(0);
  if (off == 0) {
    out += 'Z';
  } else {
    out += off < 0 ? '-' : '+';
    const int a = off < 0 ? -off : off;
    put2(out, a / 60);
    out += ':';
    put2(out, a % 60);
  }
  return o;
}

std::optional<DateTime> parse_feed_date(std::string_view text, bool* nonstandard,
                                        bool* impossible) {
  bool ns = false;
  bool imp = false;
  const std::string_view t = detail::trim(text);
  std::optional<DateTime> r;
  if (!t.empty()) {
    if (auto canonical = parse_date_time(t)) {
      r = canonical;
    } else if (t[0] >= '0' && t[0] <= '9') {
      r = parse_iso(t, ns, imp);
      if (!r && !imp) {
        ns = false;
        r = parse_rfc822(t, ns, imp);
      }
    } else {
      r = parse_rfc822(t, ns, imp);
    }
  }
  if (nonstandard) *nonstandard = ns;
  if (impossible) *impossible = imp;
  return r;
}

long long to_unix_seconds(const DateTime& dt) {
  const long long days = days_from_civil(dt.year, static_cast<unsigned>(dt.month.value_or(1)),
                                         static_cast<unsigned>(dt.day.value_or(1)));
  return days * 86400 + dt.hour.value_or(0) * 3600LL + dt.minute.value_or(0) * 60LL +
         dt.second.value_or(0) - dt.utc_offset_minutes.value_or(0) * 60LL;
}

}  // namespace pressroom::feed_detail
