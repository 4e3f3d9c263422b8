// SPDX-License-Identifier: MIT
// E-mail addresses (de-obfuscated), phone numbers (libphonenumber), person names and the
// contact block of a release (rules.hpp). Hand-written linear scanners.
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cstring>

#include "detail/text.hpp"
#include "extract/rules.hpp"

namespace pressroom::extract_detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool local_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}
bool domain_char(char c) { return is_alnum(c) || c == '.' || c == '-'; }

// Length of an obfuscation marker at s[i] standing for `word` ("at" or "dot"): "[at]", "(at)",
// "{at}", " [ at ] ", also with the symbol itself ("[@]", "(.)"). 0 when none.
std::size_t marker_at(std::string_view s, std::size_t i, std::string_view word, char symbol) {
  std::size_t k = i;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k >= s.size() || (s[k] != '[' && s[k] != '(' && s[k] != '{' && s[k] != '<')) return 0;
  ++k;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k + word.size() <= s.size() && detail::iequals(s.substr(k, word.size()), word)) {
    k += word.size();
  } else if (k < s.size() && s[k] == symbol) {
    ++k;
  } else {
    return 0;
  }
  while (k < s.size() && s[k] == ' ') ++k;
  if (k >= s.size() || (s[k] != ']' && s[k] != ')' && s[k] != '}' && s[k] != '>')) return 0;
  ++k;
  while (k < s.size() && s[k] == ' ') ++k;
  return k - i;
}

}  // namespace

std::vector<EmailMatch> find_emails(std::string_view s) {
  // Normalise obfuscation into `n`, remembering where each byte of `n` came from.
  std::string n;
  std::vector<std::size_t> from;
  n.reserve(s.size());
  from.reserve(s.size() + 1);
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '[' || s[i] == '(' || s[i] == '{' || s[i] == '<') {
      if (std::size_t k = marker_at(s, i, "at", '@')) {
        n += '@';
        from.push_back(i);
        i += k;
        continue;
      }
      if (std::size_t k = marker_at(s, i, "dot", '.')) {
        n += '.';
        from.push_back(i);
        i += k;
        continue;
      }
    }
    n += s[i];
    from.push_back(i);
    ++i;
  }
  from.push_back(s.size());
  std::vector<EmailMatch> out;
  std::size_t floor = 0;
  for (std::size_t at = n.find('@'); at != std::string::npos; at = n.find('@', at + 1)) {
    std::size_t b = at;
    while (b > floor && local_char(n[b - 1])) --b;
    while (b < at && (n[b] == '.' || n[b] == '-' || n[b] == '\'')) ++b;
    std::size_t e = at + 1;
    while (e < n.size() && domain_char(n[e])) ++e;
    while (e > at + 1 && (n[e - 1] == '.' || n[e - 1] == '-')) --e;
    floor = e;
    if (b == at || e == at + 1) continue;
    const std::string_view domain = std::string_view(n).substr(at + 1, e - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot + 2 > domain.size()) continue;
    EmailMatch m;
    m.begin = from[b];
    m.end = from[e];
    // the end maps to the start of the next normalised byte; trim spaces of a marker
    while (m.end > m.begin && s[m.end - 1] == ' ') --m.end;
    m.email.address = n.substr(b, at + 1 - b) + lower(domain);
    const std::string raw(s.substr(m.begin, m.end - m.begin));
    if (raw != m.email.address) m.email.raw = raw;
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

// The label just before a phone number decides its kind.
PhoneKind label_kind(std::string_view before, bool& labelled) {
  const std::string l = lower(before);
  labelled = true;
  static constexpr const char* kMobile[] = {
      "mobile", "mob", "cell", "portable", "móvil", "movil", "celular", "handy", "m:", "m.", "gsm"};
  for (const char* k : kMobile)
    if (l.find(k) != std::string::npos) return PhoneKind::mobile;
  if (l.find("fax") != std::string::npos) return PhoneKind::fax;
  if (l.find("free") != std::string::npos) return PhoneKind::toll_free;
  if (l.find("sms") != std::string::npos || l.find("text") != std::string::npos)
    return PhoneKind::text;
  labelled = false;
  return PhoneKind::voice;
}

}  // namespace

std::vector<PhoneMatch> find_phones(std::string_view s, std::string_view region) {
  using i18n::phonenumbers::PhoneNumberUtil;
  std::vector<PhoneMatch> out;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const bool start = (c == '+' && i + 1 < s.size() && is_digit(s[i + 1])) ||
                       (c == '(' && i + 1 < s.size() && is_digit(s[i + 1])) || is_digit(c);
    if (!start || (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '@' || s[i - 1] == '.'))) {
      ++i;
      continue;
    }
    std::size_t e = i;
    std::size_t digits = 0;
    std::size_t last_digit_end = i;
    while (e < s.size()) {
      const char d = s[e];
      if (is_digit(d)) {
        ++digits;
        ++e;
        last_digit_end = e;
        if (e < s.size() && s[e] == ')') last_digit_end = e + 1;
        continue;
      }
      if (d == '+' && e == i) {
        ++e;
        continue;
      }
      if ((d == ' ' || d == '-' || d == '.' || d == '(' || d == ')') && e + 1 < s.size() &&
          (is_digit(s[e + 1]) || s[e + 1] == '(' || (d == ')' && s[e + 1] == ' '))) {
        ++e;
        continue;
      }
      if (d == ')') {
        ++e;
        continue;
      }
      break;
    }
    if (digits < 7 || digits > 17) {
      i = std::max(e, i + 1);
      continue;
    }
    std::string raw(s.substr(i, last_digit_end - i));
    // a bracket closing what was never opened belongs to the text ("(Tel. 555 1234)")
    if (!raw.empty() && raw.back() == ')' && raw.find('(') == std::string::npos) raw.pop_back();
    PhoneMatch m;
    m.begin = i;
    m.end = i + raw.size();
    // extension: "ext. 12", "ext 12", "x12"
    {
      std::size_t k = m.end;
      while (k < s.size() && s[k] == ' ') ++k;
      std::string_view rest = s.substr(k);
      std::size_t skip = 0;
      if (istarts_with(rest, "ext."))
        skip = 4;
      else if (istarts_with(rest, "ext"))
        skip = 3;
      else if (istarts_with(rest, "x") && rest.size() > 1 && is_digit(rest[1]))
        skip = 1;
      if (skip) {
        std::size_t j = k + skip;
        while (j < s.size() && s[j] == ' ') ++j;
        const std::size_t ds = j;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j > ds) {
          m.phone.extension = std::string(s.substr(ds, j - ds));
          m.end = j;
        }
      }
    }
    // the label: up to 24 bytes back, within the same segment
    std::size_t lb = i;
    while (lb > 0 && i - lb < 24 && s[lb - 1] != ',' && s[lb - 1] != ';' && s[lb - 1] != '/' &&
           s[lb - 1] != '|')
      --lb;
    bool labelled = false;
    m.phone.kind = label_kind(s.substr(lb, i - lb), labelled);
    m.phone.raw = raw;
    try {
      i18n::phonenumbers::PhoneNumber number;
      const std::string reg = region.empty() ? std::string("ZZ") : std::string(region);
      if (util->Parse(raw, reg, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
          util->IsPossibleNumber(number)) {
        util->Format(number, PhoneNumberUtil::E164, &m.phone.e164);
        std::string code;
        util->GetRegionCodeForNumber(number, &code);
        if (code.empty() || code == "ZZ") code = raw[0] == '+' ? "" : std::string(region);
        m.phone.country_code = code;
        if (!labelled) {
          switch (util->GetNumberType(number)) {
            case PhoneNumberUtil::MOBILE:
              m.phone.kind = PhoneKind::mobile;
              break;
            case PhoneNumberUtil::TOLL_FREE:
              m.phone.kind = PhoneKind::toll_free;
              break;
            default:
              break;
          }
        }
      }
    } catch (...) {
      m.phone.e164.clear();
    }
    out.push_back(std::move(m));
    i = std::max(m.end, i + 1);
  }
  return out;
}

// ---- names ---------------------------------------------------------------------------------

namespace {

constexpr const char* kHonorifics[] = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "khun",
    "rev",
    "fr",
    "sra",
    "srta",
    "mme",
    "mlle",
    "m",
    "herr",
    "frau",
    "hon",
    "cllr",
    "judge",
    "justice",
    "dra",
    "señor",
    "señora",
    "don",
    "doña",
    "senator",
    "sen",
    "rep",
    "ambassador",
    "minister",
    "commissioner",
    "president",
    "chief",
    "inspector",
    "superintendent",
};
constexpr const char* kSuffixes[] = {"mp",  "msp", "mep", "td",  "obe", "mbe", "cbe", "kc", "qc",
                                     "phd", "jr",  "jr.", "sr.", "iii", "ii",  "ma",  "msc"};
constexpr const char* kParticles[] = {"ó",     "o",   "ní",  "nic", "mac", "mc",    "de",  "del",
                                      "della", "van", "von", "der", "den", "da",    "do",  "dos",
                                      "di",    "du",  "le",  "la",  "bin", "binti", "al",  "el",
                                      "ter",   "ten", "y",   "ui",  "uí",  "mhic",  "bint"};
// Capitalised words that are never part of a person's name.
constexpr const char* kNotNames[] = {
    "the",
    "for",
    "email",
    "e-mail",
    "tel",
    "phone",
    "media",
    "press",
    "contact",
    "contacts",
    "communications",
    "office",
    "department",
    "officer",
    "coordinator",
    "manager",
    "director",
    "head",
    "team",
    "unit",
    "information",
    "further",
    "please",
    "mobile",
    "fax",
    "line",
    "whatsapp",
    "national",
    "international",
    "organization",
    "organisation",
    "network",
    "coalition",
    "commission",
    "ministry",
    "government",
    "council",
    "association",
    "foundation",
    "centre",
    "center",
    "institute",
    "union",
    "agency",
    "police",
    "university",
    "church",
    "service",
    "services",
    "group",
    "trust",
    "society",
    "committee",
    "enquiries",
    "inquiries",
    "spokesperson",
    "general",
    "public",
    "rights",
    "human",
    "news",
    "and",
    "of",
    "in",
    "at",
    "act",
    "law",
    "report",
    "today",
    "on",
    "by",
    "with",
    "this",
    "that",
    "our",
    "we",
    "it",
    "united",
    "kingdom",
    "states",
    "nations",
    "secretary",
    "minister",
    "adviser",
    "advisor",
    "senior",
    "junior",
    "press-office",
    "website",
    "web",
    "twitter",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
};

bool in_list(std::string_view w, const char* const* list, std::size_t n) {
  const std::string l = lower(w);
  for (std::size_t k = 0; k < n; ++k)
    if (l == list[k]) return true;
  return false;
}
template <std::size_t N>
bool in_list(std::string_view w, const char* const (&list)[N]) {
  return in_list(w, list, N);
}

bool name_token_ok(std::string_view t) {
  if (t.empty()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const auto u = static_cast<unsigned char>(c);
    if (is_digit(c) || c == '@' || c == ':' || c == '/' || c == '(' || c == ')' || c == ',')
      return false;
    if (u >= 0xE0) {  // three-byte sequences: typographic apostrophe only
      if (t.substr(i, 3) != "\xE2\x80\x99") return false;
      i += 2;
    }
  }
  return true;
}

}  // namespace

std::optional<PersonName> parse_person_name(std::string_view text) {
  std::string s = squeeze(text);
  while (!s.empty() && (s.back() == ',' || s.back() == '.' || s.back() == ';' || s.back() == ':'))
    s.pop_back();
  if (s.empty() || s.size() > 80) return std::nullopt;
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t e = s.find(' ', i);
    if (e == std::string::npos) e = s.size();
    tokens.emplace_back(s.substr(i, e - i));
    i = e + 1;
  }
  PersonName name;
  std::size_t b = 0;
  std::vector<std::string> prefix;
  while (b < tokens.size() && tokens.size() - b > 2) {
    std::string t = tokens[b];
    if (!t.empty() && t.back() == '.') t.pop_back();
    if (!in_list(t, kHonorifics) || !starts_upper(tokens[b])) break;
    prefix.push_back(tokens[b]);
    ++b;
  }
  std::size_t e = tokens.size();
  std::vector<std::string> suffix;
  while (e > b + 2 && in_list(tokens[e - 1], kSuffixes)) suffix.insert(suffix.begin(), tokens[--e]);
  if (e - b < 2 || e - b > 5) return std::nullopt;
  std::vector<std::string> parts;
  for (std::size_t k = b; k < e; ++k) {
    const std::string& t = tokens[k];
    if (!name_token_ok(t)) return std::nullopt;
    const bool particle = k > b && k + 1 < e && in_list(t, kParticles);
    if (!particle) {
      if (!starts_upper(t)) return std::nullopt;
      if (in_list(t, kNotNames)) return std::nullopt;
      if (all_upper(t) && t.size() <= 4 && t.find('.') == std::string::npos && t.size() > 1)
        return std::nullopt;  // an acronym such as MLRC
    }
    parts.push_back(all_upper(t) && t.size() > 1 ? title_case_word(t) : t);
  }
  std::string pre;
  for (const auto& p : prefix) pre += (pre.empty() ? "" : " ") + p;
  name.honorific_prefix = pre;
  if (!name.honorific_prefix.empty() && name.honorific_prefix.back() == '.' && prefix.size() == 1)
    name.honorific_prefix.pop_back();
  name.given = parts[0];
  std::size_t fam = parts.size() - 1;
  for (std::size_t k = 1; k + 1 < parts.size(); ++k)
    if (in_list(parts[k], kParticles)) {
      fam = k;
      break;
    }
  for (std::size_t k = 1; k < fam; ++k)
    name.additional += (name.additional.empty() ? "" : " ") + parts[k];
  for (std::size_t k = fam; k < parts.size(); ++k)
    name.family += (name.family.empty() ? "" : " ") + parts[k];
  std::string suf;
  for (const auto& x : suffix) suf += (suf.empty() ? "" : " ") + x;
  name.honorific_suffix = suf;
  std::string full = pre;
  for (const auto& p : parts) full += (full.empty() ? "" : " ") + p;
  if (!suf.empty()) full += " " + suf;
  name.full = full;
  return name;
}

// ---- the contact block -----------------------------------------------------------------------

namespace {

constexpr const char* kFieldLabels[] = {
    "tel",     "tel.",      "tél",      "tél.",    "telephone",   "téléphone", "teléfono",
    "telefon", "telefono",  "phone",    "ph",      "t",           "m",         "e",
    "f",       "w",         "email",    "e-mail",  "mail",        "courriel",  "correo",
    "mobile",  "mob",       "cell",     "móvil",   "handy",       "portable",  "fax",
    "web",     "website",   "www",      "twitter", "x",           "line",      "whatsapp",
    "signal",  "wechat",    "telegram", "skype",   "name",        "contact",   "address",
    "adresse", "dirección", "office",   "direct",  "switchboard",
};
constexpr const char* kTitleWords[] = {
    "officer",      "coordinator", "co-ordinator", "manager",      "director",    "head",
    "spokesperson", "spokesman",   "spokeswoman",  "adviser",      "advisor",     "specialist",
    "assistant",    "lead",        "executive",    "chief",        "secretary",   "editor",
    "consultant",   "associate",   "analyst",      "chargé",       "chargée",     "responsable",
    "attaché",      "attachée",    "portavoz",     "sprecher",     "sprecherin",  "referent",
    "referentin",   "campaigner",  "researcher",   "chair",        "chairperson", "president",
    "founder",      "co-founder",  "ceo",          "coordinadora", "coordinador", "directora",
    "directeur",    "directrice",  "leiter",       "leiterin",     "strategist",
};
constexpr const char* kUnitWords[] = {
    "communications", "communication", "press",        "media",       "department",
    "unit",           "team",          "office",       "relations",   "service",
    "services",       "desk",          "bureau",       "presse",      "prensa",
    "comunicación",   "kommunikation", "pressestelle", "secretariat",
};
constexpr const char* kImServices[] = {"LINE",     "WhatsApp", "Signal", "WeChat",
                                       "Telegram", "Skype",    "Viber",  "Threema"};

bool has_word(std::string_view text, const char* const* list, std::size_t n) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '.' || text[i] == ',')) ++i;
    std::size_t e = i;
    while (e < text.size() && text[e] != ' ' && text[e] != ',') ++e;
    if (e > i && in_list(text.substr(i, e - i), list, n)) return true;
    i = e;
  }
  return false;
}
template <std::size_t N>
bool has_word(std::string_view text, const char* const (&list)[N]) {
  return has_word(text, list, N);
}

// Removes a leading "For further information, please contact", "Media contacts:" etc.
std::string strip_intro(std::string_view line) {
  if (!is_contact_intro(line)) return std::string(line);
  const std::string l = lower(line);
  const std::size_t colon = line.find(':');
  std::size_t cut = std::string::npos;
  for (const char* w : {"contacter", "contactar", "contact", "kontaktieren", "kontakt"}) {
    const std::size_t at = l.find(w);
    if (at != std::string::npos && at < 80) {
      cut = at + std::strlen(w);
      // "contacts", "contacto"
      while (cut < l.size() && l[cut] >= 'a' && l[cut] <= 'z') ++cut;
      break;
    }
  }
  if (colon != std::string::npos && colon < 40) {
    // "Media contacts:", "Contact presse :", "For further information contact: ..." (a colon
    // early in the line ends the intro), but not the colon of "..., Email: x" further on
    cut = colon + 1;
  }
  if (cut == std::string::npos) {
    // "For further information, ..." without "contact": drop up to the first comma
    const std::size_t comma = line.find(',');
    cut = (comma != std::string::npos && comma < 60) ? comma + 1 : line.size();
  }
  std::string_view rest = line.substr(std::min(cut, line.size()));
  while (!rest.empty() && (rest[0] == ':' || rest[0] == ',' || rest[0] == ' ' || rest[0] == '-'))
    rest.remove_prefix(1);
  return std::string(rest);
}

// Removes field labels and punctuation around a residue segment.
std::string clean_segment(std::string_view seg) {
  std::string s = squeeze(seg);
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == ',' || s.back() == '.' || s.back() == ':' ||
            s.back() == ';' || s.back() == '-' || s.back() == '(' || s.back() == ')')) {
      s.pop_back();
      changed = true;
    }
    while (!s.empty() && (s[0] == ' ' || s[0] == ',' || s[0] == ':' || s[0] == ';' || s[0] == '-' ||
                          s[0] == '(' || s[0] == ')' || s[0] == '.')) {
      s.erase(0, 1);
      changed = true;
    }
    // a trailing field label: "..., Email", "Tel"
    const std::size_t sp = s.rfind(' ');
    const std::string last = sp == std::string::npos ? s : s.substr(sp + 1);
    std::string bare = last;
    while (!bare.empty() && (bare.back() == '.' || bare.back() == ':')) bare.pop_back();
    if (!bare.empty() && in_list(bare, kFieldLabels)) {
      s = sp == std::string::npos ? std::string() : s.substr(0, sp);
      changed = true;
    }
  }
  return s;
}

void split_segments(std::string_view residue, std::vector<std::string>& out) {
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    std::string seg = clean_segment(residue.substr(start, end - start));
    if (!seg.empty()) out.push_back(std::move(seg));
  };
  for (std::size_t i = 0; i < residue.size(); ++i) {
    const char c = residue[i];
    if (c == ',' || c == ';' || c == '|' || c == '/' || c == '\t') {
      flush(i);
      start = i + 1;
    } else if (c == ' ' && i + 2 < residue.size()) {
      // spaced dashes " - ", " – ", " — "
      std::size_t d = 0;
      if (residue[i + 1] == '-')
        d = 1;
      else if (i + 3 < residue.size() && static_cast<unsigned char>(residue[i + 1]) == 0xE2 &&
               static_cast<unsigned char>(residue[i + 2]) == 0x80 &&
               (static_cast<unsigned char>(residue[i + 3]) == 0x93 ||
                static_cast<unsigned char>(residue[i + 3]) == 0x94))
        d = 3;
      if (d && i + 1 + d < residue.size() && residue[i + 1 + d] == ' ') {
        flush(i);
        start = i + 1 + d;
        i += d;
      }
    }
  }
  flush(residue.size());
}

bool contact_has_data(const Contact& c) {
  return !c.emails.empty() || !c.phones.empty() || !c.im.empty() || !c.social.empty() ||
         !c.urls.empty();
}

}  // namespace

std::vector<Contact> parse_contacts(std::string_view block, std::string_view region) {
  std::vector<Contact> out;
  Contact cur;
  bool cur_open = false;
  auto push = [&]() {
    if (cur_open && (contact_has_data(cur) || !cur.name.full.empty())) {
      if (cur.name.empty() && cur.kind == ContactKind::individual) cur.kind = ContactKind::org;
      out.push_back(std::move(cur));
    }
    cur = Contact{};
    cur_open = false;
  };
  std::size_t start = 0;
  while (start <= block.size()) {
    std::size_t nl = block.find('\n', start);
    if (nl == std::string_view::npos) nl = block.size();
    std::string line = strip_intro(detail::trim(block.substr(start, nl - start)));
    start = nl + 1;
    if (line.empty()) continue;
    // "Label: numbers" lines that open an office contact ("Thai-language enquiries: +66 ...").
    std::string label;
    {
      const std::size_t colon = line.find(':');
      if (colon != std::string::npos && colon > 0 && colon < 60) {
        const std::string cand = squeeze(line.substr(0, colon));
        std::string bare = cand;
        if (word_count(cand) <= 5 && !in_list(bare, kFieldLabels) && !parse_person_name(cand) &&
            cand.find('@') == std::string::npos && has_contact_data(line.substr(colon + 1)) &&
            !has_word(cand, kFieldLabels)) {
          label = cand;
          line = line.substr(colon + 1);
        }
      }
    }
    Contact found;
    std::string residue = line;
    auto blank = [&](std::size_t b, std::size_t e) {
      for (std::size_t k = b; k < e && k < residue.size(); ++k) residue[k] = ',';
    };
    for (auto& m : find_emails(line)) {
      blank(m.begin, m.end);
      found.emails.push_back(std::move(m.email));
    }
    // instant messaging: "LINE: @handle", "WhatsApp: +66 ..."
    for (const char* svc : kImServices) {
      const std::size_t len = std::strlen(svc);
      std::size_t at = 0;
      while ((at = line.find(svc, at)) != std::string::npos) {
        std::size_t k = at + len;
        if (k < line.size() && line[k] == ':') {
          ++k;
          while (k < line.size() && line[k] == ' ') ++k;
          std::size_t e = k;
          while (e < line.size() && line[e] != ',' && line[e] != ';' && line[e] != ' ') ++e;
          if (e > k) {
            InstantMessaging im;
            im.service = svc;
            im.handle = line.substr(k, e - k);
            found.im.push_back(im);
            blank(at, e);
          }
        }
        at = k;
      }
    }
    // social handles: "Twitter: @x", "@x" alone
    for (std::size_t k = 0; k < residue.size(); ++k) {
      if (residue[k] == '@' &&
          (k == 0 || residue[k - 1] == ' ' || residue[k - 1] == ',' || residue[k - 1] == ':')) {
        std::size_t e = k + 1;
        while (e < residue.size() && (is_alnum(residue[e]) || residue[e] == '_')) ++e;
        if (e > k + 1) {
          found.social.push_back(residue.substr(k, e - k));
          blank(k, e);
        }
      }
    }
    const std::string no_mail = residue;
    for (auto& m : find_phones(no_mail, region)) {
      blank(m.begin, m.end);
      found.phones.push_back(std::move(m.phone));
    }
    // " at " joins a person and an organization: "Annie Morris at IOM UK".
    std::vector<std::string> segs;
    std::vector<std::string> orgs;
    {
      std::vector<std::string> raw_segs;
      split_segments(residue, raw_segs);
      for (auto& seg : raw_segs) {
        const std::size_t at = seg.find(" at ");
        if (at != std::string::npos) {
          segs.push_back(clean_segment(seg.substr(0, at)));
          orgs.push_back(clean_segment(seg.substr(at + 4)));
        } else {
          segs.push_back(seg);
        }
      }
    }
    for (const auto& seg : segs) {
      if (seg.empty()) continue;
      if (found.name.empty()) {
        if (auto n = parse_person_name(seg)) {
          found.name = *n;
          continue;
        }
      }
      if (found.job_title.empty() && has_word(seg, kTitleWords)) {
        found.job_title = seg;
      } else if (found.unit.empty() && has_word(seg, kUnitWords)) {
        found.unit = seg;
      } else if (found.organization_name.empty() && word_count(seg) <= 8 && starts_upper(seg)) {
        found.organization_name = seg;
      }
    }
    for (const auto& o : orgs)
      if (found.organization_name.empty() && !o.empty()) found.organization_name = o;

    const bool has_data = contact_has_data(found);
    if (!label.empty()) {
      const std::string l = lower(label);
      if (l.find("hour") != std::string::npos || l.find("urgent") != std::string::npos ||
          l.find("on-call") != std::string::npos || l.find("on call") != std::string::npos) {
        for (auto& p : found.phones) p.note = label;
      } else {
        push();
        cur_open = true;
        cur.kind = found.name.empty() ? ContactKind::org : ContactKind::individual;
        cur.note = label;
        // "Thai-language enquiries", "Enquiries in French"
        std::size_t i = 0;
        while (i < label.size()) {
          std::size_t e = i;
          while (e < label.size() && label[e] != ' ' && label[e] != '-') ++e;
          const std::string code = language_code(label.substr(i, e - i));
          if (!code.empty() &&
              (l.find("language") != std::string::npos || l.find("enquir") != std::string::npos ||
               l.find("inquir") != std::string::npos || l.find("speak") != std::string::npos))
            cur.languages.push_back(code);
          i = e + 1;
        }
      }
    } else if (!found.name.empty() && cur_open && !cur.name.empty()) {
      push();
    }
    if (!has_data && found.name.empty() && found.job_title.empty() && found.unit.empty() &&
        found.organization_name.empty())
      continue;
    cur_open = true;
    if (cur.name.empty() && !found.name.empty()) {
      cur.name = found.name;
      cur.kind = ContactKind::individual;
    }
    if (cur.job_title.empty()) cur.job_title = found.job_title;
    if (cur.unit.empty()) cur.unit = found.unit;
    if (cur.organization_name.empty()) cur.organization_name = found.organization_name;
    for (auto& x : found.emails) cur.emails.push_back(std::move(x));
    for (auto& x : found.phones) cur.phones.push_back(std::move(x));
    for (auto& x : found.im) cur.im.push_back(std::move(x));
    for (auto& x : found.social) cur.social.push_back(std::move(x));
  }
  push();
  return out;
}

}  // namespace pressroom::extract_detail
