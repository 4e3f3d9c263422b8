// SPDX-License-Identifier: MIT
// Text helpers, the gazetteer, dates, datelines and the page-layout predicates of the
// extractor (rules.hpp). Hand-written scanners: every function is linear in its input.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "detail/text.hpp"
#include "extract/rules.hpp"

namespace pressroom::extract_detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Length of a Unicode space or dash at s[i] (NBSP, thin spaces...), 0 when none.
std::size_t unicode_space(std::string_view s, std::size_t i) {
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
      static_cast<unsigned char>(s[i + 1]) == 0xA0)
    return 2;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if ((c >= 0x80 && c <= 0x8A) || c == 0xAF) return 3;  // en/em/thin... spaces, NNBSP
  }
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE3 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;  // ideographic space
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF &&
      static_cast<unsigned char>(s[i + 1]) == 0xBB && static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return 3;  // BOM / ZWNBSP
  return 0;
}

// Length of a dash at s[i]: "-", "–", "—", "--"; 0 when none.
std::size_t dash_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x93 || c == 0x94 || c == 0x92 || c == 0x95) return 3;
  }
  return 0;
}

// Letters of a UTF-8 word: ASCII letters and any non-ASCII byte (accented letters, other
// scripts), plus inner hyphens and apostrophes.
bool word_byte(char c) { return is_alpha_ascii(c) || static_cast<unsigned char>(c) >= 0x80; }

struct MonthName {
  const char* name;
  int month;
};
// Month names and abbreviations: English, French, Spanish, German, Italian, Portuguese.
constexpr std::array<MonthName, 86> kMonths{{
    {"january", 1},    {"jan", 1},        {"february", 2},   {"feb", 2},       {"march", 3},
    {"mar", 3},        {"april", 4},      {"apr", 4},        {"may", 5},       {"june", 6},
    {"jun", 6},        {"july", 7},       {"jul", 7},        {"august", 8},    {"aug", 8},
    {"september", 9},  {"sept", 9},       {"sep", 9},        {"october", 10},  {"oct", 10},
    {"november", 11},  {"nov", 11},       {"december", 12},  {"dec", 12},      {"janvier", 1},
    {"février", 2},    {"fevrier", 2},    {"mars", 3},       {"avril", 4},     {"mai", 5},
    {"juin", 6},       {"juillet", 7},    {"août", 8},       {"aout", 8},      {"septembre", 9},
    {"octobre", 10},   {"novembre", 11},  {"décembre", 12},  {"decembre", 12}, {"enero", 1},
    {"febrero", 2},    {"marzo", 3},      {"abril", 4},      {"mayo", 5},      {"junio", 6},
    {"julio", 7},      {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"januar", 1},     {"jänner", 1},    {"februar", 2},
    {"märz", 3},       {"maerz", 3},      {"juni", 6},       {"juli", 7},      {"oktober", 10},
    {"dezember", 12},  {"gennaio", 1},    {"febbraio", 2},   {"aprile", 4},    {"maggio", 5},
    {"giugno", 6},     {"luglio", 7},     {"settembre", 9},  {"ottobre", 10},  {"dicembre", 12},
    {"janeiro", 1},    {"fevereiro", 2},  {"março", 3},      {"marco", 3},     {"maio", 5},
    {"junho", 6},      {"julho", 7},      {"setembro", 9},   {"outubro", 10},  {"novembro", 11},
    {"dezembro", 12},  {"okt", 10},       {"dez", 12},       {"mär", 3},       {"févr", 2},
    {"janv", 1},
}};

constexpr std::array<const char*, 45> kWeekdays{{
    "monday",  "tuesday", "wednesday", "thursday",  "friday",     "saturday", "sunday",  "mon",
    "tue",     "tues",    "wed",       "thu",       "thur",       "thurs",    "fri",     "sat",
    "sun",     "lundi",   "mardi",     "mercredi",  "jeudi",      "vendredi", "samedi",  "dimanche",
    "lunes",   "martes",  "miércoles", "miercoles", "jueves",     "viernes",  "sábado",  "sabado",
    "domingo", "montag",  "dienstag",  "mittwoch",  "donnerstag", "freitag",  "samstag", "sonntag",
    "lunedì",  "martedì", "mercoledì", "giovedì",   "venerdì",
}};

// Lower-cases ASCII and the Latin-1 capitals (UTF-8 C3 80..C3 9E) of `s`.
std::string fold_case(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    else if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

int month_from_word(std::string_view word) {
  const std::string w = fold_case(word);
  for (const auto& m : kMonths)
    if (w == m.name) return m.month;
  return 0;
}

bool is_weekday(std::string_view word) {
  const std::string w = fold_case(word);
  for (const char* d : kWeekdays)
    if (w == d) return true;
  return false;
}

// A small scanner over a string_view.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek(std::size_t k = 0) const { return i + k < s.size() ? s[i + k] : '\0'; }
  std::size_t spaces() {
    const std::size_t start = i;
    while (!done()) {
      if (is_space(s[i]))
        ++i;
      else if (const std::size_t n = unicode_space(s, i))
        i += n;
      else
        break;
    }
    return i - start;
  }
  std::string_view word() {  // letters (UTF-8 included)
    const std::size_t start = i;
    while (!done() && word_byte(s[i])) ++i;
    return s.substr(start, i - start);
  }
  std::string_view digits() {
    const std::size_t start = i;
    while (!done() && is_digit(s[i])) ++i;
    return s.substr(start, i - start);
  }
  bool take(char c) {
    if (peek() == c) {
      ++i;
      return true;
    }
    return false;
  }
  bool take_word(std::string_view w) {  // case-insensitive whole word
    if (s.size() - i < w.size() || !detail::iequals(s.substr(i, w.size()), w)) return false;
    if (i + w.size() < s.size() && word_byte(s[i + w.size()])) return false;
    i += w.size();
    return true;
  }
};

int to_int(std::string_view d) {
  int v = 0;
  for (char c : d) v = v * 10 + (c - '0');
  return v;
}

std::optional<DateTime> make_date(int y, int m, int d) {
  DateTime dt;
  dt.year = y;
  dt.month = m;
  if (d > 0) dt.day = d;
  if (!is_valid(dt)) return std::nullopt;
  return dt;
}

// Skips "st", "nd", "rd", "th", "er", "º", "." after a day number.
void skip_ordinal_suffix(Cursor& c) {
  const std::size_t save = c.i;
  std::string_view w = c.word();
  if (w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "o" || w == "º" ||
      w == "°")
    return;
  c.i = save;
}

}  // namespace

// ---- text helpers ------------------------------------------------------------------------

std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto u = static_cast<unsigned char>(s[i]);
    if (u < 0x80 && u > 0x20) {  // fast path: visible ASCII
      if (space) out += ' ';
      space = false;
      out += s[i++];
      continue;
    }
    std::size_t n = 0;
    if (is_space(s[i]))
      n = 1;
    else if (u >= 0xC2)
      n = unicode_space(s, i);
    if (n) {
      space = !out.empty();
      i += n;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i++];
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      std::string line = squeeze(text.substr(start, i - start));
      if (!line.empty()) lines.push_back(std::move(line));
      start = i + 1;
    }
  }
  return lines;
}

std::string lower(std::string_view s) { return fold_case(s); }

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && detail::iequals(s.substr(0, prefix.size()), prefix);
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ')
      in = false;
    else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

std::string title_case_word(std::string_view word) {
  std::string out = fold_case(word);
  bool start = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    const auto u = static_cast<unsigned char>(c);
    if (start) {
      if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
      else if (u == 0xC3 && i + 1 < out.size()) {
        const auto d = static_cast<unsigned char>(out[i + 1]);
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7) out[i + 1] = static_cast<char>(d - 0x20);
      }
    }
    if (u >= 0x80 && (u & 0xC0) == 0x80) continue;  // continuation byte
    start = (c == '-' || c == ' ' || c == '\'' || c == '(');
  }
  return out;
}

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && s.size() > 1) {
    const auto d = static_cast<unsigned char>(s[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  if ((c == 0xC4 || c == 0xC5) && s.size() > 1)
    return (static_cast<unsigned char>(s[1]) & 1) == 0;  // Latin Extended-A: even = capital
  return false;
}

bool all_upper(std::string_view s) {
  bool letter = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
    if (static_cast<unsigned char>(c) == 0xC3 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x9F) return false;
      letter = true;
      ++i;
    }
  }
  return letter;
}

// ---- gazetteer -----------------------------------------------------------------------------

namespace {
struct PlaceRow {
  const char* name;  // lower case lookup key
  const char* canonical;
  const char* country;
  const char* code;
  bool city;
};
constexpr PlaceRow kPlaces[] = {
    {"united kingdom", "United Kingdom", "United Kingdom", "GB", false},
    {"uk", "United Kingdom", "United Kingdom", "GB", false},
    {"u.k.", "United Kingdom", "United Kingdom", "GB", false},
    {"great britain", "United Kingdom", "United Kingdom", "GB", false},
    {"britain", "United Kingdom", "United Kingdom", "GB", false},
    {"england", "England", "United Kingdom", "GB", false},
    {"scotland", "Scotland", "United Kingdom", "GB", false},
    {"wales", "Wales", "United Kingdom", "GB", false},
    {"northern ireland", "Northern Ireland", "United Kingdom", "GB", false},
    {"ireland", "Ireland", "Ireland", "IE", false},
    {"france", "France", "France", "FR", false},
    {"germany", "Germany", "Germany", "DE", false},
    {"deutschland", "Germany", "Germany", "DE", false},
    {"spain", "Spain", "Spain", "ES", false},
    {"españa", "Spain", "Spain", "ES", false},
    {"italy", "Italy", "Italy", "IT", false},
    {"portugal", "Portugal", "Portugal", "PT", false},
    {"belgium", "Belgium", "Belgium", "BE", false},
    {"netherlands", "Netherlands", "Netherlands", "NL", false},
    {"switzerland", "Switzerland", "Switzerland", "CH", false},
    {"suisse", "Switzerland", "Switzerland", "CH", false},
    {"austria", "Austria", "Austria", "AT", false},
    {"sweden", "Sweden", "Sweden", "SE", false},
    {"norway", "Norway", "Norway", "NO", false},
    {"denmark", "Denmark", "Denmark", "DK", false},
    {"finland", "Finland", "Finland", "FI", false},
    {"poland", "Poland", "Poland", "PL", false},
    {"greece", "Greece", "Greece", "GR", false},
    {"ukraine", "Ukraine", "Ukraine", "UA", false},
    {"turkey", "Turkey", "Turkey", "TR", false},
    {"united states", "United States", "United States", "US", false},
    {"usa", "United States", "United States", "US", false},
    {"u.s.", "United States", "United States", "US", false},
    {"canada", "Canada", "Canada", "CA", false},
    {"mexico", "Mexico", "Mexico", "MX", false},
    {"méxico", "Mexico", "Mexico", "MX", false},
    {"brazil", "Brazil", "Brazil", "BR", false},
    {"argentina", "Argentina", "Argentina", "AR", false},
    {"colombia", "Colombia", "Colombia", "CO", false},
    {"peru", "Peru", "Peru", "PE", false},
    {"chile", "Chile", "Chile", "CL", false},
    {"thailand", "Thailand", "Thailand", "TH", false},
    {"viet nam", "Viet Nam", "Viet Nam", "VN", false},
    {"vietnam", "Viet Nam", "Viet Nam", "VN", false},
    {"cambodia", "Cambodia", "Cambodia", "KH", false},
    {"myanmar", "Myanmar", "Myanmar", "MM", false},
    {"malaysia", "Malaysia", "Malaysia", "MY", false},
    {"indonesia", "Indonesia", "Indonesia", "ID", false},
    {"philippines", "Philippines", "Philippines", "PH", false},
    {"singapore", "Singapore", "Singapore", "SG", true},
    {"india", "India", "India", "IN", false},
    {"bangladesh", "Bangladesh", "Bangladesh", "BD", false},
    {"nepal", "Nepal", "Nepal", "NP", false},
    {"pakistan", "Pakistan", "Pakistan", "PK", false},
    {"china", "China", "China", "CN", false},
    {"japan", "Japan", "Japan", "JP", false},
    {"australia", "Australia", "Australia", "AU", false},
    {"new zealand", "New Zealand", "New Zealand", "NZ", false},
    {"kenya", "Kenya", "Kenya", "KE", false},
    {"nigeria", "Nigeria", "Nigeria", "NG", false},
    {"ghana", "Ghana", "Ghana", "GH", false},
    {"south africa", "South Africa", "South Africa", "ZA", false},
    {"uganda", "Uganda", "Uganda", "UG", false},
    {"ethiopia", "Ethiopia", "Ethiopia", "ET", false},
    {"egypt", "Egypt", "Egypt", "EG", false},
    {"morocco", "Morocco", "Morocco", "MA", false},
    {"senegal", "Senegal", "Senegal", "SN", false},
    {"jordan", "Jordan", "Jordan", "JO", false},
    {"lebanon", "Lebanon", "Lebanon", "LB", false},
    {"qatar", "Qatar", "Qatar", "QA", false},
    {"london", "London", "United Kingdom", "GB", true},
    {"edinburgh", "Edinburgh", "United Kingdom", "GB", true},
    {"glasgow", "Glasgow", "United Kingdom", "GB", true},
    {"cardiff", "Cardiff", "United Kingdom", "GB", true},
    {"belfast", "Belfast", "United Kingdom", "GB", true},
    {"manchester", "Manchester", "United Kingdom", "GB", true},
    {"birmingham", "Birmingham", "United Kingdom", "GB", true},
    {"dublin", "Dublin", "Ireland", "IE", true},
    {"cork", "Cork", "Ireland", "IE", true},
    {"galway", "Galway", "Ireland", "IE", true},
    {"paris", "Paris", "France", "FR", true},
    {"lyon", "Lyon", "France", "FR", true},
    {"marseille", "Marseille", "France", "FR", true},
    {"strasbourg", "Strasbourg", "France", "FR", true},
    {"berlin", "Berlin", "Germany", "DE", true},
    {"munich", "Munich", "Germany", "DE", true},
    {"münchen", "München", "Germany", "DE", true},
    {"hamburg", "Hamburg", "Germany", "DE", true},
    {"frankfurt", "Frankfurt", "Germany", "DE", true},
    {"köln", "Köln", "Germany", "DE", true},
    {"cologne", "Cologne", "Germany", "DE", true},
    {"madrid", "Madrid", "Spain", "ES", true},
    {"barcelona", "Barcelona", "Spain", "ES", true},
    {"sevilla", "Sevilla", "Spain", "ES", true},
    {"seville", "Seville", "Spain", "ES", true},
    {"rome", "Rome", "Italy", "IT", true},
    {"roma", "Roma", "Italy", "IT", true},
    {"milan", "Milan", "Italy", "IT", true},
    {"lisbon", "Lisbon", "Portugal", "PT", true},
    {"lisboa", "Lisboa", "Portugal", "PT", true},
    {"brussels", "Brussels", "Belgium", "BE", true},
    {"bruxelles", "Bruxelles", "Belgium", "BE", true},
    {"amsterdam", "Amsterdam", "Netherlands", "NL", true},
    {"the hague", "The Hague", "Netherlands", "NL", true},
    {"geneva", "Geneva", "Switzerland", "CH", true},
    {"genève", "Genève", "Switzerland", "CH", true},
    {"geneve", "Genève", "Switzerland", "CH", true},
    {"bern", "Bern", "Switzerland", "CH", true},
    {"zurich", "Zurich", "Switzerland", "CH", true},
    {"zürich", "Zürich", "Switzerland", "CH", true},
    {"vienna", "Vienna", "Austria", "AT", true},
    {"wien", "Wien", "Austria", "AT", true},
    {"stockholm", "Stockholm", "Sweden", "SE", true},
    {"oslo", "Oslo", "Norway", "NO", true},
    {"copenhagen", "Copenhagen", "Denmark", "DK", true},
    {"helsinki", "Helsinki", "Finland", "FI", true},
    {"warsaw", "Warsaw", "Poland", "PL", true},
    {"athens", "Athens", "Greece", "GR", true},
    {"kyiv", "Kyiv", "Ukraine", "UA", true},
    {"ankara", "Ankara", "Turkey", "TR", true},
    {"istanbul", "Istanbul", "Turkey", "TR", true},
    {"washington", "Washington", "United States", "US", true},
    {"washington, d.c.", "Washington, D.C.", "United States", "US", true},
    {"new york", "New York", "United States", "US", true},
    {"los angeles", "Los Angeles", "United States", "US", true},
    {"chicago", "Chicago", "United States", "US", true},
    {"san francisco", "San Francisco", "United States", "US", true},
    {"boston", "Boston", "United States", "US", true},
    {"ottawa", "Ottawa", "Canada", "CA", true},
    {"toronto", "Toronto", "Canada", "CA", true},
    {"montreal", "Montreal", "Canada", "CA", true},
    {"montréal", "Montréal", "Canada", "CA", true},
    {"mexico city", "Mexico City", "Mexico", "MX", true},
    {"ciudad de méxico", "Ciudad de México", "Mexico", "MX", true},
    {"bogotá", "Bogotá", "Colombia", "CO", true},
    {"bogota", "Bogotá", "Colombia", "CO", true},
    {"lima", "Lima", "Peru", "PE", true},
    {"buenos aires", "Buenos Aires", "Argentina", "AR", true},
    {"santiago", "Santiago", "Chile", "CL", true},
    {"são paulo", "São Paulo", "Brazil", "BR", true},
    {"brasília", "Brasília", "Brazil", "BR", true},
    {"bangkok", "Bangkok", "Thailand", "TH", true},
    {"chiang mai", "Chiang Mai", "Thailand", "TH", true},
    {"hanoi", "Hanoi", "Viet Nam", "VN", true},
    {"ho chi minh city", "Ho Chi Minh City", "Viet Nam", "VN", true},
    {"phnom penh", "Phnom Penh", "Cambodia", "KH", true},
    {"yangon", "Yangon", "Myanmar", "MM", true},
    {"kuala lumpur", "Kuala Lumpur", "Malaysia", "MY", true},
    {"jakarta", "Jakarta", "Indonesia", "ID", true},
    {"manila", "Manila", "Philippines", "PH", true},
    {"new delhi", "New Delhi", "India", "IN", true},
    {"delhi", "Delhi", "India", "IN", true},
    {"mumbai", "Mumbai", "India", "IN", true},
    {"dhaka", "Dhaka", "Bangladesh", "BD", true},
    {"kathmandu", "Kathmandu", "Nepal", "NP", true},
    {"islamabad", "Islamabad", "Pakistan", "PK", true},
    {"beijing", "Beijing", "China", "CN", true},
    {"hong kong", "Hong Kong", "China", "HK", true},
    {"tokyo", "Tokyo", "Japan", "JP", true},
    {"sydney", "Sydney", "Australia", "AU", true},
    {"canberra", "Canberra", "Australia", "AU", true},
    {"melbourne", "Melbourne", "Australia", "AU", true},
    {"wellington", "Wellington", "New Zealand", "NZ", true},
    {"nairobi", "Nairobi", "Kenya", "KE", true},
    {"mombasa", "Mombasa", "Kenya", "KE", true},
    {"lagos", "Lagos", "Nigeria", "NG", true},
    {"abuja", "Abuja", "Nigeria", "NG", true},
    {"accra", "Accra", "Ghana", "GH", true},
    {"johannesburg", "Johannesburg", "South Africa", "ZA", true},
    {"pretoria", "Pretoria", "South Africa", "ZA", true},
    {"cape town", "Cape Town", "South Africa", "ZA", true},
    {"kampala", "Kampala", "Uganda", "UG", true},
    {"addis ababa", "Addis Ababa", "Ethiopia", "ET", true},
    {"cairo", "Cairo", "Egypt", "EG", true},
    {"rabat", "Rabat", "Morocco", "MA", true},
    {"dakar", "Dakar", "Senegal", "SN", true},
    {"amman", "Amman", "Jordan", "JO", true},
    {"beirut", "Beirut", "Lebanon", "LB", true},
    {"doha", "Doha", "Qatar", "QA", true},
};

struct CountryWord {
  const char* word;
  const char* key;  // key into kPlaces
};
constexpr CountryWord kCountryWords[] = {
    {"uk", "united kingdom"},      {"british", "united kingdom"}, {"irish", "ireland"},
    {"french", "france"},          {"german", "germany"},         {"spanish", "spain"},
    {"thai", "thailand"},          {"kenyan", "kenya"},           {"us", "united states"},
    {"american", "united states"}, {"scottish", "scotland"},      {"welsh", "wales"},
    {"english", "england"},        {"australian", "australia"},   {"canadian", "canada"},
    {"italian", "italy"},          {"swiss", "switzerland"},      {"nigerian", "nigeria"},
};

struct Language {
  const char* name;
  const char* code;
};
constexpr Language kLanguages[] = {
    {"english", "en"},    {"thai", "th"},    {"french", "fr"},    {"spanish", "es"},
    {"german", "de"},     {"irish", "ga"},   {"italian", "it"},   {"portuguese", "pt"},
    {"arabic", "ar"},     {"chinese", "zh"}, {"mandarin", "zh"},  {"cantonese", "yue"},
    {"vietnamese", "vi"}, {"khmer", "km"},   {"burmese", "my"},   {"polish", "pl"},
    {"romanian", "ro"},   {"russian", "ru"}, {"ukrainian", "uk"}, {"swahili", "sw"},
    {"hindi", "hi"},      {"bengali", "bn"}, {"urdu", "ur"},      {"tagalog", "tl"},
    {"welsh", "cy"},      {"dutch", "nl"},   {"japanese", "ja"},  {"korean", "ko"},
    {"turkish", "tr"},    {"lao", "lo"},     {"nepali", "ne"},    {"malay", "ms"},
    {"indonesian", "id"},
};

Place to_place(const PlaceRow& r) { return Place{r.canonical, r.country, r.code, r.city}; }
}  // namespace

std::optional<Place> find_place(std::string_view name) {
  const std::string key = fold_case(squeeze(name));
  for (const auto& r : kPlaces)
    if (key == r.name) return to_place(r);
  return std::nullopt;
}

std::optional<Place> find_country_word(std::string_view word) {
  std::string key = fold_case(word);
  for (const auto& w : kCountryWords)
    if (key == w.word) return find_place(w.key);
  auto p = find_place(key);
  if (p && !p->city) return p;
  return std::nullopt;
}

std::string language_code(std::string_view name) {
  const std::string key = fold_case(name);
  for (const auto& l : kLanguages)
    if (key == l.name) return l.code;
  return {};
}

std::string detect_language(std::string_view text) {
  struct Marker {
    const char* word;
    int lang;
  };
  static constexpr Marker kMarkers[] = {
      {"the", 0}, {"and", 0}, {"of", 0},  {"to", 0},  {"with", 0}, {"is", 0},  {"le", 1},
      {"les", 1}, {"et", 1},  {"des", 1}, {"du", 1},  {"une", 1},  {"est", 1}, {"el", 2},
      {"los", 2}, {"y", 2},   {"las", 2}, {"del", 2}, {"una", 2},  {"por", 2}, {"der", 3},
      {"die", 3}, {"und", 3}, {"das", 3}, {"mit", 3}, {"ist", 3},  {"den", 3},
  };
  std::array<int, 4> score{};
  std::size_t i = 0;
  const std::size_t limit = std::min<std::size_t>(text.size(), 20000);
  while (i < limit) {
    while (i < limit && !is_alpha_ascii(text[i])) ++i;
    const std::size_t start = i;
    while (i < limit && word_byte(text[i])) ++i;
    if (i - start > 0 && i - start <= 4) {
      const std::string w = fold_case(text.substr(start, i - start));
      for (const auto& m : kMarkers)
        if (w == m.word) ++score[static_cast<std::size_t>(m.lang)];
    }
  }
  static constexpr const char* kCodes[] = {"en", "fr", "es", "de"};
  std::size_t best = 0;
  for (std::size_t k = 1; k < score.size(); ++k)
    if (score[k] > score[best]) best = k;
  return score[best] >= 3 ? kCodes[best] : "";
}

// ---- dates ---------------------------------------------------------------------------------

std::optional<DateMatch> parse_date_prefix(std::string_view s, bool allow_month) {
  Cursor c{s};
  // Optional weekday ("Tuesday", "Tue.", "mardi", "Dienstag,") and article ("le", "el", "den").
  {
    const std::size_t save = c.i;
    const std::string_view w = c.word();
    if (!w.empty() && is_weekday(w)) {
      c.take('.');
      c.take(',');
      c.spaces();
    } else {
      c.i = save;
    }
    const std::size_t save2 = c.i;
    if (c.take_word("le") || c.take_word("el") || c.take_word("den") || c.take_word("the")) {
      if (!c.spaces()) c.i = save2;
    }
  }
  const std::size_t start = c.i;
  if (is_digit(c.peek())) {
    const std::string_view d1 = c.digits();
    if (d1.size() == 4 && c.peek() == '-') {  // ISO 2024-03-12
      c.take('-');
      const std::string_view mm = c.digits();
      if (mm.size() != 2 || !c.take('-')) return std::nullopt;
      const std::string_view dd = c.digits();
      if (dd.size() != 2) return std::nullopt;
      auto dt = make_date(to_int(d1), to_int(mm), to_int(dd));
      if (!dt) return std::nullopt;
      return DateMatch{*dt, c.i};
    }
    if (d1.size() > 2) return std::nullopt;
    // Numeric day-first: 12/03/2024, 12.03.2024, 12-03-2024.
    if ((c.peek() == '/' || c.peek() == '.' || c.peek() == '-') && is_digit(c.peek(1))) {
      const char sep = c.peek();
      c.take(sep);
      const std::string_view mm = c.digits();
      if (mm.empty() || mm.size() > 2 || !c.take(sep)) return std::nullopt;
      const std::string_view yy = c.digits();
      if (yy.size() != 4) return std::nullopt;
      int day = to_int(d1), month = to_int(mm);
      if (month > 12 && day <= 12) std::swap(day, month);  // 03/25/2024: month first
      auto dt = make_date(to_int(yy), month, day);
      if (!dt) return std::nullopt;
      return DateMatch{*dt, c.i};
    }
    skip_ordinal_suffix(c);
    c.take('.');  // German "5. März"
    c.spaces();
    {
      const std::size_t save = c.i;
      if (!(c.take_word("de") && c.spaces())) c.i = save;  // "5 de marzo"
      const std::size_t save2 = c.i;
      if (!(c.take_word("of") && c.spaces())) c.i = save2;  // "5th of March"
    }
    const std::string_view mw = c.word();
    const int month = month_from_word(mw);
    if (!month) return std::nullopt;
    c.take('.');
    c.take(',');
    c.spaces();
    {
      const std::size_t save = c.i;
      if (!(c.take_word("de") && c.spaces())) c.i = save;  // "de 2024"
    }
    const std::string_view yy = c.digits();
    if (yy.size() != 4) return std::nullopt;
    auto dt = make_date(to_int(yy), month, to_int(d1));
    if (!dt) return std::nullopt;
    return DateMatch{*dt, c.i};
  }
  // Month first: "September 5, 2022", "Sept. 5 2022", "March 2024".
  const std::string_view mw = c.word();
  const int month = month_from_word(mw);
  if (!month || c.i == start) return std::nullopt;
  c.take('.');
  c.spaces();
  const std::string_view d1 = c.digits();
  if (d1.size() == 4 && allow_month) {
    auto dt = make_date(to_int(d1), month, 0);
    if (!dt) return std::nullopt;
    return DateMatch{*dt, c.i};
  }
  if (d1.empty() || d1.size() > 2) return std::nullopt;
  skip_ordinal_suffix(c);
  c.take(',');
  c.spaces();
  const std::string_view yy = c.digits();
  if (yy.size() != 4) return std::nullopt;
  auto dt = make_date(to_int(yy), month, to_int(d1));
  if (!dt) return std::nullopt;
  return DateMatch{*dt, c.i};
}

std::optional<DateTime> parse_date_line(std::string_view line) {
  std::string_view s = detail::trim(line);
  static constexpr const char* kPrefixes[] = {
      "published on",
      "published:",
      "published",
      "posted on",
      "posted:",
      "date:",
      "dated",
      "updated:",
      "release date:",
      "publié le",
      "publicado el",
      "veröffentlicht am",
      "for immediate release",
  };
  for (const char* p : kPrefixes) {
    if (istarts_with(s, p)) {
      s = detail::trim(s.substr(std::strlen(p)));
      while (!s.empty() && (s[0] == ':' || s[0] == '-' || s[0] == ','))
        s = detail::trim(s.substr(1));
      break;
    }
  }
  if (s.empty() || s.size() > 80) return std::nullopt;
  auto m = parse_date_prefix(s, true);
  if (!m) return std::nullopt;
  // The rest may only be a time of day or a zone ("| 10:00 GMT", "- 14h30").
  for (char ch : s.substr(m->length)) {
    if (is_digit(ch) || ch == ' ' || ch == ':' || ch == '|' || ch == '-' || ch == ',' ||
        ch == '.' || ch == '(' || ch == ')' || ch == '+' || ch == 'h')
      continue;
    if (ch >= 'A' && ch <= 'Z') continue;  // GMT, CET, AM
    if (ch == 'a' || ch == 'm' || ch == 'p') continue;
    return std::nullopt;
  }
  return m->date;
}

// ---- dateline ------------------------------------------------------------------------------

namespace {

bool place_word_ok(std::string_view w) {
  static constexpr const char* kConnectors[] = {"of",  "de", "la",  "del",  "upon", "am", "an",
                                                "der", "du", "des", "d.c.", "on",   "el"};
  if (w.empty()) return false;
  for (char ch : w)
    if (is_digit(ch)) return false;
  if (starts_upper(w)) return true;
  for (const char* k : kConnectors)
    if (lower(w) == k) return true;
  return false;
}

// Checks that `place` is a plausible place: 1..5 words, capitalised.
bool plausible_place(std::string_view place) {
  if (place.empty() || place.size() > 48 || !starts_upper(place)) return false;
  std::size_t words = 0;
  std::size_t i = 0;
  while (i < place.size()) {
    std::size_t j = place.find(' ', i);
    if (j == std::string_view::npos) j = place.size();
    if (!place_word_ok(place.substr(i, j - i))) return false;
    ++words;
    i = j + 1;
  }
  return words >= 1 && words <= 5;
}

// The separator after the place/date: "-", "–", "—", "--", ":", ".-", "—". Returns its length
// (with the spaces before it) or 0.
std::size_t separator_at(std::string_view s, std::size_t i, bool& is_colon) {
  std::size_t k = i;
  while (k < s.size() && s[k] == ' ') ++k;
  is_colon = false;
  if (k < s.size() && s[k] == ':') {
    is_colon = true;
    return k + 1 - i;
  }
  if (k + 1 < s.size() && s[k] == '.' && s[k + 1] == '-') return k + 2 - i;
  if (const std::size_t d = dash_at(s, k)) {
    // a dash needs a space (or the end) after it: "United Kingdom - The"
    if (k + d < s.size() && s[k + d] != ' ') return 0;
    return k + d - i;
  }
  return 0;
}

}  // namespace

std::optional<DatelineMatch> parse_dateline(std::string_view p) {
  if (p.size() < 10) return std::nullopt;
  // 1. The place: up to the first ',', ' (', ':', '/' or a spaced dash, within 60 bytes.
  std::size_t i = 0;
  std::size_t place_end = std::string_view::npos;
  const std::size_t limit = std::min<std::size_t>(p.size(), 60);
  for (; i < limit; ++i) {
    const char ch = p[i];
    if (ch == ',' || ch == ':' || ch == '/' || (ch == '(' && i > 0 && p[i - 1] == ' ')) {
      place_end = i;
      break;
    }
    if (ch == ' ' && dash_at(p, i + 1) && i + 1 + dash_at(p, i + 1) < p.size() &&
        p[i + 1 + dash_at(p, i + 1)] == ' ') {
      place_end = i;
      break;
    }
  }
  if (place_end == std::string_view::npos) return std::nullopt;
  std::string_view place = detail::trim(p.substr(0, place_end));
  // "Washington, D.C., ..." and "GENEVA, Switzerland, ..." take a second place part.
  i = place_end;
  std::optional<DateTime> date;
  std::string credit;
  auto try_date = [&](std::size_t at) -> bool {
    std::size_t k = at;
    while (k < p.size() && p[k] == ' ') ++k;
    auto m = parse_date_prefix(p.substr(k));
    if (!m) return false;
    date = m->date;
    i = k + m->length;
    return true;
  };
  if (p[i] == ',') {
    if (!try_date(i + 1)) {
      // second place part
      std::size_t k = i + 1;
      while (k < p.size() && p[k] == ' ') ++k;
      std::size_t e = k;
      while (e < p.size() && e < k + 30 && p[e] != ',' && p[e] != ':' && p[e] != '(' &&
             !(p[e] == ' ' && dash_at(p, e + 1)))
        ++e;
      const std::string_view second = detail::trim(p.substr(k, e - k));
      if (e < p.size() && plausible_place(second) &&
          (find_place(second) || all_upper(second) || second == "D.C.")) {
        place = detail::trim(p.substr(0, e));
        i = e;
        if (i < p.size() && p[i] == ',') try_date(i + 1);
      }
    }
  }
  if (!plausible_place(place)) return std::nullopt;
  // 2. "(12 March 2024)" or "(CREDIT)" or "/PRNewswire/".
  for (int round = 0; round < 2; ++round) {
    std::size_t k = i;
    while (k < p.size() && p[k] == ' ') ++k;
    if (k < p.size() && p[k] == '(') {
      const std::size_t close = p.find(')', k);
      if (close == std::string_view::npos || close - k > 40) break;
      const std::string_view inner = detail::trim(p.substr(k + 1, close - k - 1));
      auto m = parse_date_prefix(inner);
      if (m && m->length == inner.size() && !date)
        date = m->date;
      else if (credit.empty() && !inner.empty() && word_count(inner) <= 4)
        credit = std::string(inner);
      else
        break;
      i = close + 1;
    } else if (k < p.size() && p[k] == '/' && round == 0 && date) {
      const std::size_t close = p.find('/', k + 1);
      if (close == std::string_view::npos || close - k > 40) break;
      credit = std::string(detail::trim(p.substr(k + 1, close - k - 1)));
      i = close + 1;
    } else {
      break;
    }
  }
  // 3. The separator and the rest.
  bool colon = false;
  const std::size_t sep = separator_at(p, i, colon);
  if (!sep) return std::nullopt;
  const std::size_t rest_at = i + sep;
  std::string_view rest = detail::trim(p.substr(rest_at));
  while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  if (rest.size() < 20) return std::nullopt;
  auto known = find_place(place);
  if (!date && !known && !all_upper(place)) return std::nullopt;
  if (colon && !date) return std::nullopt;  // "Note: ..." is not a dateline
  DatelineMatch out;
  out.dateline.raw = squeeze(p.substr(0, rest_at));
  Location loc;
  std::string name;
  if (all_upper(place)) {
    std::size_t k = 0;
    while (k < place.size()) {
      std::size_t e = place.find(' ', k);
      if (e == std::string_view::npos) e = place.size();
      const std::string_view w = place.substr(k, e - k);
      if (!name.empty()) name += ' ';
      name += (w == "D.C." || w == "D.C") ? std::string(w) : title_case_word(w);
      k = e + 1;
    }
  } else {
    name = std::string(place);
  }
  loc.name = name;
  if (!known) {
    // "GENEVA, Switzerland": look the first part up
    const std::size_t comma = place.find(',');
    if (comma != std::string_view::npos) known = find_place(place.substr(0, comma));
  }
  if (known) {
    loc.country_code = known->country_code;
    if (known->city) {
      loc.locality = name;
      loc.country = known->country;
    }
  }
  out.dateline.location = loc;
  out.dateline.date = date;
  out.dateline.source_credit = credit;
  out.rest = std::string(rest);
  return out;
}

// ---- layout predicates -----------------------------------------------------------------------

std::optional<std::pair<std::string, std::string>> unglue_label(std::string_view line) {
  // Look for a letter followed by an upper-case letter then a lower-case one within the first
  // 40 bytes, where the part before is a short label (1..4 words).
  const std::size_t limit = std::min<std::size_t>(line.size(), 40);
  for (std::size_t i = 1; i + 1 < limit; ++i) {
    const char a = line[i - 1], b = line[i], c = line[i + 1];
    if (!is_alpha_ascii(a) || !(b >= 'A' && b <= 'Z') || !(c >= 'a' && c <= 'z')) continue;
    const std::string_view label = line.substr(0, i);
    const std::string_view rest = line.substr(i);
    if (word_count(label) > 4 || rest.size() < 40 || word_count(rest) < 6) return std::nullopt;
    // "WHO WE AREThe": all caps label; "Our WorkAs": a title-case label ending in lower case.
    const bool caps_label = all_upper(label);
    const bool lower_end = a >= 'a' && a <= 'z';
    if (!caps_label && !lower_end) continue;
    if (!caps_label) {
      // "McDonald", "MacLeod", "DeSantis": a short last word is a name prefix, not a label
      const std::size_t sp = label.rfind(' ');
      const std::string_view last = sp == std::string_view::npos ? label : label.substr(sp + 1);
      if (last.size() <= 3) continue;
    }
    if (caps_label && i >= 2 && !(line[i - 2] >= 'A' && line[i - 2] <= 'Z')) continue;
    return std::make_pair(std::string(label), std::string(rest));
  }
  return std::nullopt;
}

bool is_noise_line(std::string_view line) {
  const std::string_view s = detail::trim(line);
  if (s.empty()) return true;
  bool any_alnum = false;
  for (char ch : s)
    if (is_alpha_ascii(ch) || is_digit(ch) || static_cast<unsigned char>(ch) >= 0x80)
      any_alnum = true;
  if (!any_alnum) return true;  // "-", "***", "|"
  if (s.size() <= 3 && dash_at(s, 0)) return true;
  const std::string l = lower(s);
  static constexpr const char* kExact[] = {
      "share",
      "share this",
      "share this page",
      "share on facebook",
      "share on twitter",
      "share on linkedin",
      "print",
      "print this page",
      "tweet",
      "email",
      "e-mail",
      "facebook",
      "twitter",
      "linkedin",
      "instagram",
      "youtube",
      "whatsapp",
      "back to top",
      "top",
      "read more",
      "more",
      "menu",
      "search",
      "skip to content",
      "skip to main content",
      "related",
      "related news",
      "related articles",
      "subscribe",
      "download",
      "download pdf",
      "home",
      "previous",
      "next",
      "close",
      "accept",
      "accept all",
      "reject all",
      "cookie settings",
      "follow us",
      "newsletter",
      "sign up",
      "x",
      "copy link",
      "partager",
      "imprimer",
      "compartir",
      "teilen",
      "drucken",
      "leer más",
      "lire la suite",
      "en savoir plus",
      "mehr",
      "weiterlesen",
  };
  for (const char* e : kExact)
    if (l == e) return true;
  static constexpr const char* kContains[] = {
      "cookie",           "all rights reserved",  "privacy policy",
      "terms of use",     "terms and conditions", "©",
      "copyright ",       "javascript",           "sign up to our newsletter",
      "subscribe to our",
  };
  if (s.size() < 300)
    for (const char* c : kContains)
      if (l.find(c) != std::string::npos) return true;
  if (s.rfind("SOURCE ", 0) == 0 && word_count(s) <= 8) return true;  // wire trailer
  if (istarts_with(l, "tags:") || istarts_with(l, "photo:") || istarts_with(l, "image:") ||
      istarts_with(l, "photo credit") || istarts_with(l, "image credit") ||
      istarts_with(l, "you are here") || istarts_with(l, "share:"))
    return true;
  // Breadcrumbs and language switchers: "Home > News > ...", "EN | FR".
  if (s.size() < 120 &&
      (s.find(" > ") != std::string_view::npos || s.find(" | ") != std::string_view::npos ||
       s.find(" » ") != std::string_view::npos) &&
      word_count(s) < 12 && s.back() != '.')
    return true;
  return false;
}

bool is_end_mark(std::string_view line) {
  std::string core;
  for (char ch : line)
    if (ch != ' ' && ch != '-' && ch != '*' && ch != '=' && ch != '_' && ch != '.' && ch != '[' &&
        ch != ']' && ch != '(' && ch != ')')
      core += ch;
  // en/em dashes
  std::string k;
  for (std::size_t i = 0; i < core.size();) {
    if (const std::size_t d = dash_at(core, i); d >= 3) {
      i += d;
      continue;
    }
    k += core[i++];
  }
  const std::string l = lower(k);
  return l == "###" || l == "##" || l == "#" || l == "ends" || l == "end" || l == "30" ||
         l == "endofpressrelease" || l == "endofrelease" || l == "fin" || l == "finfin" ||
         l == "ende" || l == "xxx" || l == "+++";
}

bool is_contact_intro(std::string_view line) {
  const std::string l = lower(detail::trim(line));
  static constexpr const char* kPrefixes[] = {
      "for further information",
      "for more information",
      "for further details",
      "for more details",
      "for media enquiries",
      "for media inquiries",
      "for press enquiries",
      "for press inquiries",
      "for interviews",
      "for interview requests",
      "media contact",
      "media contacts",
      "press contact",
      "press contacts",
      "media enquiries",
      "media inquiries",
      "press enquiries",
      "press inquiries",
      "press office",
      "media relations",
      "contact:",
      "contacts:",
      "contact us:",
      "contact information",
      "contact details",
      "contact presse",
      "contacts presse",
      "contact médias",
      "relations presse",
      "contacto de prensa",
      "contactos de prensa",
      "contacto:",
      "contactos:",
      "prensa:",
      "pressekontakt",
      "kontakt:",
      "medienkontakt",
      "pour plus d'informations",
      "pour plus d’informations",
      "para más información",
      "para mayor información",
      "weitere informationen",
  };
  for (const char* p : kPrefixes) {
    const std::size_t n = std::strlen(p);
    if (l.rfind(p, 0) != 0) continue;
    // a whole word: "Press office" opens a block, "Press Officer" is a job title
    if (l.size() > n && p[n - 1] != ':' && p[n - 1] != ' ' &&
        ((l[n] >= 'a' && l[n] <= 'z') || static_cast<unsigned char>(l[n]) >= 0x80))
      continue;
    return true;
  }
  return false;
}

bool is_about_heading(std::string_view line) {
  const std::string_view s = detail::trim(line);
  if (s.size() > 80 || word_count(s) > 8) return false;
  const std::string l = lower(s);
  if (l.rfind("about ", 0) == 0 || l.rfind("à propos", 0) == 0 || l.rfind("a propos", 0) == 0 ||
      l.rfind("acerca de", 0) == 0 || l.rfind("sobre ", 0) == 0 || l.rfind("über ", 0) == 0) {
    if (s.back() != '.') return true;
    // "About Helios Storage Inc.", "About Acme Co.": the period of an abbreviation
    const std::size_t sp = s.rfind(' ');
    const std::string_view last = sp == std::string_view::npos ? s : s.substr(sp + 1);
    return last.size() <= 5 && starts_upper(last) && last.find('.') == last.size() - 1;
  }
  return l == "who we are" || l == "background" || l.rfind("notes to editors", 0) == 0 ||
         l.rfind("notes for editors", 0) == 0 || l.rfind("note to editors", 0) == 0 ||
         l.rfind("editor's note", 0) == 0 || l.rfind("editor’s note", 0) == 0 ||
         l.rfind("note aux rédactions", 0) == 0 || l.rfind("nota para editores", 0) == 0 ||
         l == "qui sommes-nous" || l == "quiénes somos";
}

bool looks_like_paragraph(std::string_view line) {
  const std::string_view s = detail::trim(line);
  if (word_count(s) < 12) return false;
  const char last = s.back();
  return last == '.' || last == '!' || last == '?' || last == ')' || last == '"' ||
         (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||  // ”
                            s.substr(s.size() - 3) == "\xE2\x80\xA6" ||  // …
                            s.substr(s.size() - 2) == "\xC2\xBB"));      // »
}

bool has_contact_data(std::string_view line) {
  if (!find_emails(line).empty()) return true;
  // a phone-like run: 7+ digits with only spaces, dots, dashes, brackets, '+' between
  std::size_t digits = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (is_digit(ch)) {
      if (++digits >= 7) return true;
    } else if (!(ch == ' ' || ch == '-' || ch == '.' || ch == '(' || ch == ')' || ch == '+')) {
      digits = 0;
    }
  }
  return false;
}

}  // namespace pressroom::extract_detail
