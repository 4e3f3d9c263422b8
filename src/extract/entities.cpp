// SPDX-License-Identifier: MIT
// Entity rules (rules.hpp): organizations and their facts, commissioners and their offices,
// legislation citations and the table of known acts. Scanners over space-separated tokens;
// every rule looks at a bounded window around its anchor word, so all are linear.
#include <re2/re2.h>

#include <algorithm>
#include <cstring>

#include "detail/text.hpp"
#include "extract/rules.hpp"

namespace pressroom::extract_detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

struct Tok {
  std::size_t b = 0, e = 0;  // raw extent in the text
  std::string core;          // without leading/trailing punctuation
  bool open_paren = false;   // starts with '('
  bool close_paren = false;  // ends with ')' (before trailing punctuation)
  bool stop_after = false;   // ends with , ; : . ! ? (a boundary after it)
  bool quote_before = false;
  bool possessive = false;  // ends with 's / ’s
  std::string base;         // core without the possessive ending
  std::string elided;       // "l'" of "l'Exploitation" (removed from core)
};

bool is_typo_apos(std::string_view s, std::size_t i) { return s.substr(i, 3) == "\xE2\x80\x99"; }

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> toks;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    std::size_t e = i;
    while (e < s.size() && s[e] != ' ') ++e;
    Tok t;
    t.b = i;
    t.e = e;
    std::string_view w = s.substr(i, e - i);
    // leading punctuation
    while (!w.empty()) {
      if (w[0] == '(') t.open_paren = true;
      if (w[0] == '"' || w[0] == '(' || w[0] == '[' || w[0] == '\'') {
        if (w[0] == '"' || w[0] == '\'') t.quote_before = true;
        w.remove_prefix(1);
      } else if (w.substr(0, 3) == "\xE2\x80\x9C" || w.substr(0, 3) == "\xE2\x80\x98") {
        t.quote_before = true;
        w.remove_prefix(3);
      } else {
        break;
      }
    }
    // trailing punctuation
    while (!w.empty()) {
      const char c = w.back();
      if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ']') {
        t.stop_after = true;
        w.remove_suffix(1);
      } else if (c == '.') {
        // keep dots of abbreviations ("B.E.", "D.C."): a dot after a single letter
        if (w.size() >= 2 && w[w.size() - 2] != '.' &&
            !(w.size() == 2 || (w.size() >= 3 && w[w.size() - 3] == '.'))) {
          t.stop_after = true;
          w.remove_suffix(1);
        } else {
          break;
        }
      } else if (c == ')') {
        t.close_paren = true;
        w.remove_suffix(1);
      } else if (w.size() >= 3 && (w.substr(w.size() - 3) == "\xE2\x80\x9D" ||
                                   w.substr(w.size() - 3) == "\xE2\x80\x9C")) {
        t.stop_after = true;
        w.remove_suffix(3);
      } else {
        break;
      }
    }
    t.core = std::string(w);
    // French/Italian elision: "l'Exploitation" reads as "Exploitation" after a connector
    if (t.core.size() > 3 &&
        (t.core[0] == 'l' || t.core[0] == 'd' || t.core[0] == 'L' || t.core[0] == 'D')) {
      std::size_t skip = 0;
      if (t.core[1] == '\'')
        skip = 2;
      else if (t.core.size() > 5 && is_typo_apos(t.core, 1))
        skip = 4;
      if (skip && starts_upper(t.core.substr(skip))) {
        t.elided = t.core.substr(0, skip);
        t.core = t.core.substr(skip);
      }
    }
    t.base = t.core;
    if (t.core.size() > 2 && t.core.substr(t.core.size() - 2) == "'s") {
      t.possessive = true;
      t.base = t.core.substr(0, t.core.size() - 2);
    } else if (t.core.size() > 4 && is_typo_apos(t.core, t.core.size() - 4) &&
               t.core.back() == 's') {
      t.possessive = true;
      t.base = t.core.substr(0, t.core.size() - 4);
    }
    toks.push_back(std::move(t));
    i = e;
  }
  return toks;
}

bool is_connector(std::string_view w) {
  static constexpr const char* kConn[] = {
      "of",   "for",    "and",    "on",   "in", "to",  "against", "de",  "des",
      "du",   "la",     "le",     "et",   "y",  "del", "für",     "und", "&",
      "sur",  "pour",   "contre", "dans", "en", "à",   "au",      "aux", "por",
      "para", "contra", "gegen",  "e",    "da", "di",  "do",      "dos", "das"};
  for (const char* c : kConn)
    if (w == c) return true;
  return false;
}

bool is_stop_cap(std::string_view w) {
  static constexpr const char* kStop[] = {
      "The",  "A",     "An",     "This",  "That",    "These",  "Our",       "Its", "His",
      "Her",  "Their", "Former", "New",   "As",      "In",     "On",        "At",  "By",
      "With", "From",  "Since",  "Under", "Through", "Today",  "Yesterday", "Mr",  "Ms",
      "Mrs",  "Dr",    "When",   "While", "After",   "Before", "For",       "If",  "And",
      "But",  "Both",  "Each",   "Every", "All",     "Les",    "La",        "Le",  "El",
      "Los",  "Las",   "Der",    "Die",   "Das",     "Une",    "Un",        "Una"};
  for (const char* c : kStop)
    if (w == c) return true;
  return false;
}

bool word_starts_upper(const Tok& t) { return starts_upper(t.core); }

std::string join(std::string_view text, const std::vector<Tok>& toks, std::size_t from,
                 std::size_t to /* exclusive */) {
  if (from >= to) return {};
  // raw text from the first core to the last core
  std::size_t b = toks[from].b;
  while (b < toks[from].e && (text[b] == '(' || text[b] == '"')) ++b;
  if (!toks[from].elided.empty() && text.substr(b, toks[from].elided.size()) == toks[from].elided)
    b += toks[from].elided.size();
  if (toks[from].quote_before) {
    // skip the quote bytes
    const std::size_t at = text.find(toks[from].core, toks[from].b);
    if (at != std::string_view::npos && at < toks[from].e) b = at;
  }
  const std::size_t core_at = text.find(toks[to - 1].core, toks[to - 1].b);
  std::size_t e =
      core_at == std::string_view::npos ? toks[to - 1].e : core_at + toks[to - 1].core.size();
  return squeeze(text.substr(b, e - b));
}

// Initial capitals of a name, with those of hyphenated parts: "Anti-Slavery" -> "AS".
std::string initials(const std::vector<Tok>& toks, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) {
    const std::string& w = toks[k].core;
    if (is_connector(w)) continue;
    bool start = true;
    for (char c : w) {
      if (start && is_upper_ascii(c)) out += c;
      start = (c == '-');
    }
  }
  return out;
}

bool subsequence(std::string_view needle, std::string_view hay) {
  std::size_t j = 0;
  for (char c : hay)
    if (j < needle.size() && c == needle[j]) ++j;
  return j == needle.size();
}

bool is_office_word(std::string_view w) {
  return w == "Commissioner" || w == "Ombudsman" || w == "Ombudsperson" || w == "Rapporteur" ||
         w == "Commissioners" || w == "Commissaire" || w == "Comisionado" || w == "Comisionada" ||
         w == "Beauftragte" || w == "Beauftragter";
}

struct OrgWord {
  const char* word;
  OrganizationKind kind;
};
constexpr OrgWord kOrgWords[] = {
    {"Church", OrganizationKind::religious},
    {"Diocese", OrganizationKind::religious},
    {"Conference", OrganizationKind::other},
    {"Council", OrganizationKind::other},
    {"Coalition", OrganizationKind::ngo},
    {"Network", OrganizationKind::ngo},
    {"Organization", OrganizationKind::other},
    {"Organisation", OrganizationKind::other},
    {"Association", OrganizationKind::ngo},
    {"Foundation", OrganizationKind::ngo},
    {"Ministry", OrganizationKind::government_body},
    {"Department", OrganizationKind::government_body},
    {"Agency", OrganizationKind::government_body},
    {"Union", OrganizationKind::other},
    {"Society", OrganizationKind::ngo},
    {"Institute", OrganizationKind::other},
    {"Trust", OrganizationKind::ngo},
    {"Alliance", OrganizationKind::ngo},
    {"Federation", OrganizationKind::other},
    {"Commission", OrganizationKind::government_body},
    {"Police", OrganizationKind::government_body},
    {"University", OrganizationKind::academic},
    {"Parliament", OrganizationKind::legislature},
    {"Congress", OrganizationKind::legislature},
    {"Centre", OrganizationKind::other},
    {"Center", OrganizationKind::other},
    {"Fund", OrganizationKind::other},
    {"Programme", OrganizationKind::other},
    {"Office", OrganizationKind::government_body},
    {"Service", OrganizationKind::government_body},
    {"Charity", OrganizationKind::ngo},
    {"Mission", OrganizationKind::other},
};

struct KnownOrg {
  const char* name;
  const char* acronym;
  OrganizationKind kind;
  const char* country;  // area served
};
constexpr KnownOrg kKnownOrgs[] = {
    {"An Garda Síochána", "", OrganizationKind::government_body, "ireland"},
    {"Home Office", "", OrganizationKind::government_body, "united kingdom"},
    {"European Commission", "", OrganizationKind::eu_institution, ""},
    {"European Parliament", "", OrganizationKind::eu_institution, ""},
    {"Council of Europe", "", OrganizationKind::intergovernmental, ""},
    {"Europol", "", OrganizationKind::eu_agency, ""},
    {"Interpol", "", OrganizationKind::intergovernmental, ""},
    {"United Nations", "UN", OrganizationKind::intergovernmental, ""},
    {"UNHCR", "UNHCR", OrganizationKind::un_agency, ""},
    {"UNICEF", "UNICEF", OrganizationKind::un_agency, ""},
    {"National Crime Agency", "NCA", OrganizationKind::government_body, "united kingdom"},
    {"Police Scotland", "", OrganizationKind::government_body, "scotland"},
    {"Metropolitan Police", "", OrganizationKind::government_body, "united kingdom"},
};

OrganizationKind kind_from_name(std::string_view name, std::string_view context) {
  const std::string lc = lower(context);
  if (lc.find("inter-governmental") != std::string::npos ||
      lc.find("intergovernmental") != std::string::npos)
    return OrganizationKind::intergovernmental;
  if (name.find("Human Rights Commission") != std::string_view::npos)
    return OrganizationKind::national_human_rights_institution;
  OrganizationKind k = OrganizationKind::unspecified;
  for (const auto& w : kOrgWords) {
    const std::size_t at = name.find(w.word);
    if (at == std::string_view::npos) continue;
    const std::size_t end = at + std::strlen(w.word);
    if (end < name.size() && name[end] != ' ' && name[end] != '\xE2') continue;
    k = w.kind;
  }
  if (name.find("Bishop") != std::string_view::npos) k = OrganizationKind::religious;
  if (k == OrganizationKind::other) k = OrganizationKind::unspecified;
  return k;
}

void add_org(std::vector<OrgFacts>& out, Organization org, bool blurb, bool body, bool lead) {
  for (auto& f : out) {
    const bool same = (!org.acronym.empty() && (f.org.acronym == org.acronym)) ||
                      detail::iequals(f.org.name, org.name) ||
                      (!org.acronym.empty() && detail::iequals(f.org.name, org.acronym)) ||
                      (!f.org.acronym.empty() && detail::iequals(org.name, f.org.acronym));
    if (!same) continue;
    if (f.org.acronym.empty()) f.org.acronym = org.acronym;
    if ((f.org.name == f.org.acronym || f.org.name.empty()) && !org.name.empty())
      f.org.name = org.name;
    if (f.org.kind == OrganizationKind::unspecified) f.org.kind = org.kind;
    if (f.org.parent_id.empty()) f.org.parent_id = org.parent_id;
    if (f.org.area_served.empty()) f.org.area_served = org.area_served;
    f.in_body = f.in_body || body;
    f.in_lead = f.in_lead || lead;
    f.in_header = f.in_header || blurb;
    return;
  }
  OrgFacts f;
  f.org = std::move(org);
  f.in_body = body;
  f.in_lead = lead;
  f.in_header = blurb;
  out.push_back(std::move(f));
}

}  // namespace

// ---- organizations -------------------------------------------------------------------------

void find_organizations(std::string_view text, bool is_blurb, bool is_body, bool is_lead,
                        std::vector<OrgFacts>& out) {
  const std::vector<Tok> toks = tokenize(text);
  // 1. "Full Name (ACR)"
  for (std::size_t k = 1; k < toks.size(); ++k) {
    const Tok& t = toks[k];
    if (!t.open_paren || !t.close_paren) continue;
    const std::string& acr = t.core;
    if (acr.size() < 2 || acr.size() > 10 || !all_upper(acr)) continue;
    bool ok = true;
    for (char c : acr)
      if (!(is_upper_ascii(c) || is_digit(c) || c == '&' || c == '-')) ok = false;
    if (!ok || toks[k - 1].stop_after) continue;
    // back over capitalised words and connectors
    std::size_t b = k;
    while (b > 0 && k - b < 10) {
      const Tok& p = toks[b - 1];
      if (b < k && p.stop_after) break;
      if (p.possessive) break;
      if (is_stop_cap(p.core) && b < k) break;
      if (!(word_starts_upper(p) || is_connector(p.core))) break;
      --b;
      if (p.open_paren) break;
    }
    while (b < k && (is_connector(toks[b].core) || is_stop_cap(toks[b].core))) ++b;
    if (b >= k) continue;
    // trim words at the front until the initials start with the acronym's first letter
    while (b < k && !initials(toks, b, k).empty() && initials(toks, b, k)[0] != acr[0]) ++b;
    if (b >= k) continue;
    const std::string ini = initials(toks, b, k);
    if (!subsequence(acr, ini) && !(acr.size() <= ini.size() + 1 && subsequence(ini, acr)))
      continue;
    if (is_office_word(toks[k - 1].core)) continue;  // "(IASC)" of a commissioner
    Organization org;
    org.name = join(text, toks, b, k);
    org.acronym = acr;
    // the kind from the words around the mention only (bounded: linear over many mentions)
    const std::size_t from = toks[b].b > 200 ? toks[b].b - 200 : 0;
    org.kind = kind_from_name(org.name, text.substr(from, 600));
    if (org.name.size() < 4) continue;
    add_org(out, std::move(org), is_blurb, is_body, is_lead);
  }
  // 2. Sub-units of a known organization: "IOM UK", "UNHCR Kenya".
  for (std::size_t k = 0; k + 1 < toks.size(); ++k) {
    const Tok& t = toks[k];
    if (t.stop_after || t.possessive) continue;
    const Tok& n = toks[k + 1];
    auto parent = std::find_if(out.begin(), out.end(), [&](const OrgFacts& f) {
      return !f.org.acronym.empty() && f.org.acronym == t.core;
    });
    if (parent == out.end()) continue;
    auto place = find_country_word(n.base);
    if (!place || !starts_upper(n.base)) continue;
    Organization org;
    org.name = t.core + " " + n.base;
    org.parent_id = "acronym:" + parent->org.acronym;  // resolved to an id later
    org.kind = parent->org.kind;
    Location loc;
    loc.name = place->name;
    loc.country_code = place->country_code;
    org.area_served.push_back(loc);
    add_org(out, std::move(org), is_blurb, is_body, is_lead);
  }
  // 3. Known organizations and capitalised names with an organization word.
  for (const auto& ko : kKnownOrgs) {
    const std::size_t at = text.find(ko.name);
    if (at == std::string_view::npos) continue;
    const std::size_t end = at + std::strlen(ko.name);
    if (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) continue;
    // "United Nations System" is not "United Nations"
    if (end + 1 < text.size() && text[end] == ' ' && starts_upper(text.substr(end + 1))) continue;
    if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) continue;
    Organization org;
    org.name = ko.name;
    org.acronym = ko.acronym;
    org.kind = ko.kind;
    if (*ko.country) {
      if (auto p = find_place(ko.country)) {
        Location loc;
        loc.name = p->name;
        loc.country_code = p->country_code;
        org.area_served.push_back(loc);
      }
    }
    add_org(out, std::move(org), is_blurb, is_body, is_lead);
  }
  if (is_body) {
    std::size_t k = 0;
    while (k < toks.size()) {
      if (!word_starts_upper(toks[k]) || is_stop_cap(toks[k].core) || toks[k].open_paren) {
        ++k;
        continue;
      }
      std::size_t e = k;
      bool has_org_word = false;
      while (e < toks.size() && e - k < 9) {
        const Tok& t = toks[e];
        if (e > k && t.open_paren) break;
        if (!(word_starts_upper(t) || (e > k && is_connector(t.core)))) break;
        if (e > k && is_stop_cap(t.core)) break;
        for (const auto& w : kOrgWords)
          if (t.base == w.word) has_org_word = true;
        ++e;
        if (t.stop_after) break;
      }
      std::size_t last = e;
      while (last > k && is_connector(toks[last - 1].core)) --last;
      if (has_org_word && last - k >= 2) {
        std::string name = join(text, toks, k, last);
        if (toks[last - 1].possessive)
          name = name.substr(
              0, name.size() - (toks[last - 1].core.size() - toks[last - 1].base.size()));
        bool skip = name.find(" Act") != std::string::npos || is_office_word(toks[last - 1].base);
        for (std::size_t j = k; j < last; ++j)
          if (is_office_word(toks[j].base) || toks[j].base == "Act") skip = true;
        if (!skip) {
          Organization org;
          org.name = name;
          org.kind = kind_from_name(name, "");
          add_org(out, std::move(org), is_blurb, is_body, is_lead);
        }
      }
      k = std::max(e, k + 1);
    }
  }
}

void mine_org_facts(std::string_view sentence, bool is_blurb, Organization& org) {
  // member_of: "part of the United Nations System", "member of the X"
  static const RE2 kPartOf(
      R"((?:is |are |as )?(?:a |an )?(?:part|member) of the ((?:[A-Z][\w'’-]*)(?: (?:of |and |for )?[A-Z][\w'’-]*){0,6}))");
  static const RE2 kSince(R"(\b(?:since|depuis|desde|seit) ((?:1[5-9]|20)\d\d)\b)");
  static const RE2 kFounded(
      R"(\b(?:founded|established|set up|created|formed|launched|fondée?|fundada|fundado|gegründet) (?:in )?((?:1[5-9]|20)\d\d)\b)");
  static const RE2 kMembers(
      R"(\b((?:over |more than |some |about |around )?(\d[\d,]*) ((?:member states|Member States|member countries|member organi[sz]ations|members|Estados miembros|États membres|Mitgliedstaaten))))");
  static const RE2 kPresence(
      R"(\b((?:a )?(?:presence|offices|operations|programmes|programs|work(?:s|ing)?) in (?:over |more than |some |about )?(\d[\d,]*) countries))");
  std::string_view in = sentence;
  std::string a, b;
  if (org.member_of.empty() && RE2::PartialMatch(in, kPartOf, &a)) {
    EntityRef r;
    r.name = a;
    org.member_of.push_back(r);
  }
  if (!org.founding_date) {
    if (RE2::PartialMatch(in, kFounded, &a) || (is_blurb && RE2::PartialMatch(in, kSince, &a))) {
      DateTime dt;
      dt.year = std::atoi(a.c_str());
      org.founding_date = dt;
    }
  }
  std::string written, number, unit;
  auto to_number = [](const std::string& s) {
    double v = 0;
    for (char c : s)
      if (is_digit(c)) v = v * 10 + (c - '0');
    return v;
  };
  auto comparator = [](const std::string& w) {
    if (w.rfind("over", 0) == 0 || w.rfind("more than", 0) == 0) return Comparator::gt;
    if (w.rfind("some", 0) == 0 || w.rfind("about", 0) == 0 || w.rfind("around", 0) == 0)
      return Comparator::approx;
    return Comparator::eq;
  };
  if (!org.member_count && RE2::PartialMatch(in, kMembers, &written, &number, &unit)) {
    Quantity q;
    q.value = to_number(number);
    q.unit = lower(unit);
    q.as_written = written;
    q.comparator = comparator(written);
    org.member_count = q;
  }
  if (!org.presence_country_count && RE2::PartialMatch(in, kPresence, &written, &number)) {
    Quantity q;
    q.value = to_number(number);
    q.unit = "countries";
    q.as_written = written;
    q.comparator = comparator(written.substr(written.find(" in ") + 4));
    org.presence_country_count = q;
  }
  const std::string lc = lower(sentence);
  if (org.kind == OrganizationKind::unspecified || org.kind == OrganizationKind::other) {
    if (lc.find("inter-governmental organi") != std::string::npos ||
        lc.find("intergovernmental organi") != std::string::npos)
      org.kind = OrganizationKind::intergovernmental;
  }
  if (is_blurb && org.mission.empty()) {
    std::string m;
    static const RE2 kMission(R"(\bpromoting (?:since \d{4} )?([^,.;]+))");
    if (RE2::PartialMatch(in, kMission, &m)) org.mission = m;
  }
}

// ---- commissioners -----------------------------------------------------------------------------

namespace {
int ordinal_value(std::string_view w) {
  static constexpr const char* kOrd[] = {"first", "second",  "third",  "fourth", "fifth",
                                         "sixth", "seventh", "eighth", "ninth",  "tenth"};
  const std::string l = lower(w);
  for (std::size_t i = 0; i < 10; ++i)
    if (l == kOrd[i]) return static_cast<int>(i) + 1;
  if (l.size() >= 3 && is_digit(l[0])) {
    const std::string suf = l.substr(l.size() - 2);
    if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") return std::atoi(l.c_str());
  }
  return 0;
}

// Capitalised name tokens starting at k (stops at a lower-case word or punctuation).
std::optional<PersonName> name_at(std::string_view text, const std::vector<Tok>& toks,
                                  std::size_t k, std::size_t& end) {
  std::size_t e = k;
  while (e < toks.size() && e - k < 5) {
    const Tok& t = toks[e];
    if (!starts_upper(t.core) && !(e > k && (t.core == "Ó" || t.core == "de" || t.core == "van" ||
                                             t.core == "von" || t.core == "Ní")))
      break;
    if (t.open_paren) break;
    ++e;
    if (t.stop_after || t.possessive) break;
  }
  for (std::size_t len = e - k; len >= 2; --len) {
    if (auto n = parse_person_name(join(text, toks, k, k + len))) {
      end = k + len;
      return n;
    }
  }
  return std::nullopt;
}
}  // namespace

std::vector<OfficeMention> find_commissioners(std::string_view text) {
  std::vector<OfficeMention> out;
  const std::vector<Tok> toks = tokenize(text);
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (!is_office_word(toks[k].base)) continue;
    // back over the title's words
    std::size_t b = k;
    std::string possessive;
    while (b > 0 && k - b < 7) {
      const Tok& p = toks[b - 1];
      if (p.stop_after || p.close_paren) break;
      if (p.possessive) {
        if (auto c = find_country_word(p.base)) {
          possessive = p.base;
          break;
        }
      }
      if (!starts_upper(p.core) || is_stop_cap(p.core)) break;
      --b;
    }
    // forward: "for Human Rights", "for England"
    std::size_t e = k + 1;
    if (!toks[k].stop_after && !toks[k].possessive && e + 1 < toks.size() &&
        (toks[e].core == "for" || toks[e].core == "of") && starts_upper(toks[e + 1].core)) {
      std::size_t f = e + 1;
      while (f < toks.size() && f - e < 6 &&
             (starts_upper(toks[f].core) ||
              (toks[f].core == "and" && f + 1 < toks.size() && starts_upper(toks[f + 1].core)))) {
        ++f;
        if (toks[f - 1].stop_after || toks[f - 1].possessive || toks[f - 1].close_paren) break;
      }
      // a name right after ("Commissioner for Human Rights Dunja Mijatović") is not the title
      e = f;
    }
    OfficeMention m;
    Office& office = m.commissioner.office;
    office.title = join(text, toks, b, e);
    if (toks[e - 1].possessive) continue;
    // ordinal before the title
    if (b > 0) {
      if (const int ord = ordinal_value(toks[b - 1].core)) office.holder_ordinal = ord;
      if (b > 1 && !office.holder_ordinal && toks[b - 1].possessive) {
        if (find_country_word(toks[b - 1].base)) possessive = toks[b - 1].base;
      }
      if (office.holder_ordinal && b > 1 && toks[b - 2].possessive &&
          find_country_word(toks[b - 2].base))
        possessive = toks[b - 2].base;
    }
    m.possessive = possessive;
    std::size_t after = e;
    if (after < toks.size() && toks[after].open_paren && toks[after].close_paren &&
        all_upper(toks[after].core) && toks[after].core.size() <= 8) {
      office.acronym = toks[after].core;
      ++after;
    }
    // the holder: after the title ("..., Kevin Hyland," / "Commissioner Anong Srisuk")
    std::size_t end = 0;
    if (after < toks.size() && !toks[e - 1].possessive) {
      if (auto n = name_at(text, toks, after, end)) m.commissioner.name = *n;
    }
    // or before it: "Kevin Hyland, the Independent Anti-Slavery Commissioner"
    if (m.commissioner.name.empty() && b >= 2) {
      std::size_t nb = b;
      if (toks[nb - 1].core == "the" || toks[nb - 1].core == "The") --nb;
      if (nb >= 2 && toks[nb - 1].stop_after) {
        const std::size_t last = nb;
        std::size_t first = last;
        while (first > 0 && last - first < 4 && starts_upper(toks[first - 1].core) &&
               (first == last || !toks[first - 1].stop_after))
          --first;
        std::size_t ignored = 0;
        for (std::size_t s = first; s + 2 <= last; ++s) {
          if (auto n = name_at(text, toks, s, ignored); n && ignored == last) {
            m.commissioner.name = *n;
            break;
          }
        }
      }
    }
    if (office.title == toks[k].base && m.commissioner.name.empty())
      continue;  // "the Commissioner"
    if (office.title == toks[k].base && !m.commissioner.name.empty()) {
      // "Commissioner Anong" is a later mention; a bare title with a full name is still one
    }
    const std::string tl = lower(office.title);
    office.kind = (tl.find("human rights commissioner") != std::string::npos ||
                   tl.find("european commissioner") != std::string::npos ||
                   tl.find("member") != std::string::npos)
                      ? OfficeKind::commission_member
                      : OfficeKind::sole_office;
    out.push_back(std::move(m));
  }
  return out;
}

void mine_office_facts(std::string_view paragraph, Office& office, std::string& law_title) {
  static const RE2 kReports(
      R"(\b[Rr]eport(?:s|ing|ed)? (?:directly )?to (?:the )?((?:[A-Z][\w'’-]*)(?: (?:of |for |and |the )*[A-Z][\w'’-]*){0,5}))");
  static const RE2 kEstablished(
      R"(\b(?:established|created|set up|introduced|instituted|provided for) (?:in|by|under) (?:the )?([^,.;]+))");
  static const RE2 kFunctions(
      R"((?i)\b(?:functions|role|duties|mandate)\b[^.]{0,80}?\b(?:are|is|include|includes) to ([^.]+))");
  std::string a;
  if (office.reports_to.empty() && RE2::PartialMatch(paragraph, kReports, &a))
    office.reports_to = a;
  if (law_title.empty() && RE2::PartialMatch(paragraph, kEstablished, &a)) law_title = a;
  if (office.functions.empty() && RE2::PartialMatch(paragraph, kFunctions, &a)) {
    // split "A and to B", "A, to B"
    std::string rest = a;
    std::vector<std::string> parts;
    for (;;) {
      std::size_t cut = std::string::npos, skip = 0;
      for (const char* sep : {", and to ", " and to ", "; to ", ", to "}) {
        const std::size_t at = rest.find(sep);
        if (at != std::string::npos && at < cut) {
          cut = at;
          skip = std::strlen(sep);
        }
      }
      if (cut == std::string::npos) break;
      parts.push_back(rest.substr(0, cut));
      rest = rest.substr(cut + skip);
    }
    parts.push_back(rest);
    for (auto& p : parts) {
      std::string s = squeeze(p);
      if (!s.empty()) office.functions.push_back(s);
    }
  }
}

// ---- people ----------------------------------------------------------------------------------

std::vector<Person> find_people(std::string_view text) {
  std::vector<Person> out;
  const std::vector<Tok> toks = tokenize(text);
  auto is_say = [](const std::string& w) {
    return w == "said" || w == "says" || w == "added" || w == "explained" || w == "stated" ||
           w == "noted" || w == "commented";
  };
  // the role after "Name,": words up to the next boundary (at most 12)
  auto role_from = [&](std::size_t k) -> std::string {
    std::size_t e = k;
    while (e < toks.size() && e - k < 12) {
      ++e;
      if (toks[e - 1].stop_after) break;
    }
    if (e == k) return {};
    std::string r = join(text, toks, k, e);
    return r;
  };
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (!is_say(toks[k].core)) continue;
    // "said Jane Roe, director of the alliance."
    std::size_t end = 0;
    if (k + 2 < toks.size()) {
      if (auto n = name_at(text, toks, k + 1, end)) {
        if (is_office_word(toks[k + 1].core)) continue;
        Person p;
        p.name = *n;
        if (toks[end - 1].stop_after && text[toks[end - 1].e - 1] == ',' && end < toks.size())
          p.job_title = role_from(end);
        out.push_back(std::move(p));
        continue;
      }
    }
    // "Jane Roe, director of the alliance, said"
    if (k >= 3 && toks[k - 1].stop_after) {
      std::size_t b = k - 1;
      while (b > 0 && k - b < 12 && !toks[b - 1].stop_after) --b;
      // toks[b-1] ends with ',' and is the end of the name
      if (b >= 2) {
        std::size_t nb = b - 1;
        while (nb > 0 && b - nb < 4 && !toks[nb - 1].stop_after && starts_upper(toks[nb - 1].core))
          --nb;
        for (std::size_t s = nb; s + 2 <= b; ++s) {
          if (auto n = name_at(text, toks, s, end); n && end == b) {
            Person p;
            p.name = *n;
            p.job_title = join(text, toks, b, k);
            out.push_back(std::move(p));
            break;
          }
        }
      }
    }
  }
  for (auto& p : out) {
    while (!p.job_title.empty() && (p.job_title.back() == ',' || p.job_title.back() == '.'))
      p.job_title.pop_back();
  }
  return out;
}

// ---- legislation -------------------------------------------------------------------------------

std::vector<LegislationMention> find_legislation(std::string_view text) {
  std::vector<LegislationMention> out;
  const std::vector<Tok> toks = tokenize(text);
  auto year_of = [](std::string_view w) -> int {
    if (w.size() != 4) return 0;
    for (char c : w)
      if (!is_digit(c)) return 0;
    const int y = std::atoi(std::string(w).c_str());
    return (y >= 1200 && y <= 2200) ? y : 0;
  };
  for (std::size_t k = 1; k < toks.size(); ++k) {
    if (toks[k].base != "Act" && toks[k].core != "Act") continue;
    // back over the title
    std::size_t b = k;
    std::string possessive;
    int depth = 0;  // inside "( ... )" going backwards
    while (b > 0 && k - b < 14) {
      const Tok& p = toks[b - 1];
      if (p.stop_after && depth == 0) break;
      if (p.close_paren) ++depth;
      if (depth == 0 && p.possessive) {
        if (find_country_word(p.base)) possessive = p.base;
        break;
      }
      if (depth == 0 && (p.core == "the" || p.core == "The" || is_stop_cap(p.core))) break;
      if (depth == 0 && !(starts_upper(p.core) || is_connector(p.core))) break;
      if (p.open_paren) {
        if (depth == 0) break;
        --depth;
      }
      --b;
    }
    while (b < k && is_connector(toks[b].core)) ++b;
    if (b >= k || depth != 0) continue;
    // forward: year, "of 2000", ", 2010", "B.E. 2551 (2008)", "(No. 8 of 2008)"
    LegislationMention m;
    Legislation& leg = m.leg;
    std::size_t e = k + 1;
    int year = 0;
    if (!toks[k].stop_after && e < toks.size()) {
      if (toks[e].core == "of" && e + 1 < toks.size() && year_of(toks[e + 1].core)) {
        year = year_of(toks[e + 1].core);
        e += 2;
      } else if (year_of(toks[e].core) && !toks[e].open_paren) {
        year = year_of(toks[e].core);
        ++e;
      } else if ((toks[e].core == "B.E." || toks[e].core == "BE") && e + 1 < toks.size() &&
                 toks[e + 1].core.size() == 4 && std::atoi(toks[e + 1].core.c_str()) > 2400) {
        const int be = std::atoi(toks[e + 1].core.c_str());
        year = be - 543;
        e += 2;
        if (!toks[e - 1].stop_after && e < toks.size() && toks[e].open_paren &&
            toks[e].close_paren && year_of(toks[e].core) == year)
          ++e;
        leg.alternate_titles.push_back(join(text, toks, b, k + 3));
        leg.alternate_titles.push_back(join(text, toks, b, k + 1) + " " + std::to_string(year));
      }
    } else if (toks[k].stop_after && e < toks.size() && text[toks[k].e - 1] == ',' &&
               year_of(toks[e].core)) {
      year = year_of(toks[e].core);  // "Act, 2010"
      ++e;
    }
    leg.title = join(text, toks, b, e);
    if (toks[e - 1].close_paren && !toks[e - 1].open_paren) leg.title += ")";
    if (toks[e - 1].open_paren && toks[e - 1].close_paren) leg.title += ")";
    if (year) leg.year = year;
    leg.legislation_type = "act";
    // "(No. 8 of 2008)", "No. 8 of 2010"
    if (e + 3 < toks.size() &&
        (toks[e].core == "No." || toks[e].core == "No" || toks[e].core == "Number") &&
        toks[e + 2].core == "of" && year_of(toks[e + 3].core)) {
      leg.number = toks[e + 1].core + " of " + toks[e + 3].core;
      if (!year) leg.year = year_of(toks[e + 3].core);
    }
    if (word_count(leg.title) < 2) continue;
    m.as_written = leg.title;
    m.possessive = possessive;
    out.push_back(std::move(m));
  }
  // EU acts: "Directive 2011/36/EU", "Directive (EU) 2017/541", "Regulation (EU) 2016/679".
  static const RE2 kEu(
      R"(\b((?:Council |Commission )?([Dd]irective|[Rr]egulation|[Dd]ecision)(?: \((EU|EC|UE|CE|EU, Euratom)\))? (?:No )?(\d{2,4})/(\d{1,4})(?:/(EU|EC|EEC|CE|UE))?)\b)");
  {
    re2::StringPiece in(text.data(), text.size());
    std::string whole, kind, paren, a, b, suffix;
    while (RE2::FindAndConsume(&in, kEu, &whole, &kind, &paren, &a, &b, &suffix)) {
      if (paren.empty() && suffix.empty()) continue;
      LegislationMention m;
      Legislation& leg = m.leg;
      int year = 0;
      std::string num;
      if (!paren.empty()) {  // new style: (EU) YYYY/N
        year = std::atoi(a.c_str());
        num = b;
      } else {  // old style: YYYY/N/EU or YY/N/EC
        year = std::atoi(a.c_str());
        num = b;
        if (a.size() == 2) year += year >= 50 ? 1900 : 2000;
      }
      if (year < 1950 || year > 2200) continue;
      leg.title = whole;
      leg.year = year;
      leg.number = std::to_string(year) + "/" + num;
      const std::string k = lower(kind);
      leg.legislation_type = k == "directive"    ? "directive"
                             : k == "regulation" ? "regulation"
                                                 : "decision";
      Location j;
      j.name = "European Union";
      j.country_code = "EU";
      leg.jurisdiction = j;
      m.as_written = whole;
      out.push_back(std::move(m));
    }
  }
  // US public laws: "Public Law 106-386", "Pub. L. 106-386", "P.L. 106-386".
  static const RE2 kPl(R"(\b((?:Public Law|Pub\. ?L\.|P\.L\.)(?: No\.)? (\d{2,3})-(\d{1,4})))");
  {
    re2::StringPiece in(text.data(), text.size());
    std::string whole, congress, n;
    while (RE2::FindAndConsume(&in, kPl, &whole, &congress, &n)) {
      LegislationMention m;
      m.leg.title = whole;
      m.leg.number = congress + "-" + n;
      m.leg.legislation_type = "public_law";
      Location j;
      j.name = "United States";
      j.country_code = "US";
      m.leg.jurisdiction = j;
      m.as_written = whole;
      out.push_back(std::move(m));
    }
  }
  // French laws: "loi n° 2013-711 du 5 août 2013"; Spanish: "Ley Orgánica 10/1995".
  static const RE2 kLoi(
      R"((?i)\b(loi (?:organique )?n\s?[°o]\s?(\d{2,4})-(\d{1,5})(?: du ([^,;.()]{6,30}\d{4}))?))");
  {
    re2::StringPiece in(text.data(), text.size());
    std::string whole, y, n, date;
    while (RE2::FindAndConsume(&in, kLoi, &whole, &y, &n, &date)) {
      LegislationMention m;
      m.leg.title = whole;
      m.leg.title[0] = 'L';
      m.leg.number = y + "-" + n;
      int year = std::atoi(y.c_str());
      if (y.size() == 2) year += year >= 50 ? 1900 : 2000;
      m.leg.year = year;
      m.leg.legislation_type = "loi";
      if (!date.empty())
        if (auto d = parse_date_prefix(date)) m.leg.date = d->date;
      Location j;
      j.name = "France";
      j.country_code = "FR";
      m.leg.jurisdiction = j;
      m.as_written = m.leg.title;
      out.push_back(std::move(m));
    }
  }
  static const RE2 kLey(R"(\b(Ley (?:Orgánica |Organica )?(\d{1,3})/(\d{4}))\b)");
  {
    re2::StringPiece in(text.data(), text.size());
    std::string whole, n, y;
    while (RE2::FindAndConsume(&in, kLey, &whole, &n, &y)) {
      LegislationMention m;
      m.leg.title = whole;
      m.leg.number = n + "/" + y;
      m.leg.year = std::atoi(y.c_str());
      m.leg.legislation_type = "ley";
      Location j;
      j.name = "Spain";
      j.country_code = "ES";
      m.leg.jurisdiction = j;
      m.as_written = whole;
      out.push_back(std::move(m));
    }
  }
  return out;
}

namespace {
struct KnownAct {
  const char* title;         // lower case, straight apostrophes
  const char* jurisdiction;  // gazetteer key
  const char* scheme;        // "ukpga", "asp", "nia", "ie", "ke", "th", "us"
  int year;
  const char* number;
  const char* date;
  const char* passed_by;
};
constexpr KnownAct kKnownActs[] = {
    {"modern slavery act 2015", "united kingdom", "ukpga", 2015, "30", "2015-03-26",
     "Parliament of the United Kingdom"},
    {"children act 2004", "united kingdom", "ukpga", 2004, "31", "2004-11-15",
     "Parliament of the United Kingdom"},
    {"human rights act 1998", "united kingdom", "ukpga", 1998, "42", "1998-11-09",
     "Parliament of the United Kingdom"},
    {"equality act 2010", "united kingdom", "ukpga", 2010, "15", "2010-04-08",
     "Parliament of the United Kingdom"},
    {"immigration act 2016", "united kingdom", "ukpga", 2016, "19", "2016-05-12",
     "Parliament of the United Kingdom"},
    {"nationality and borders act 2022", "united kingdom", "ukpga", 2022, "36", "2022-04-28",
     "Parliament of the United Kingdom"},
    {"illegal migration act 2023", "united kingdom", "ukpga", 2023, "37", "2023-07-20",
     "Parliament of the United Kingdom"},
    {"human trafficking and exploitation (scotland) act 2015", "scotland", "asp", 2015, "12",
     "2015-11-04", "Scottish Parliament"},
    {"human trafficking and exploitation (criminal justice and support for victims) act "
     "(northern ireland) 2015",
     "northern ireland", "nia", 2015, "2", "", "Northern Ireland Assembly"},
    {"criminal law (human trafficking) act 2008", "ireland", "ie", 2008, "8", "", "Oireachtas"},
    {"criminal law (human trafficking) (amendment) act 2013", "ireland", "ie", 2013, "24", "",
     "Oireachtas"},
    {"counter-trafficking in persons act, 2010", "kenya", "ke", 2010, "8", "",
     "Parliament of Kenya"},
    {"counter-trafficking in persons act 2010", "kenya", "ke", 2010, "8", "",
     "Parliament of Kenya"},
    {"trafficking victims protection act of 2000", "united states", "us", 2000, "106-386",
     "2000-10-28", "United States Congress"},
    {"trafficking victims protection act 2000", "united states", "us", 2000, "106-386",
     "2000-10-28", "United States Congress"},
};

std::string normalise_title(std::string_view t) {
  std::string s = lower(squeeze(t));
  for (std::size_t at; (at = s.find("\xE2\x80\x99")) != std::string::npos;) s.replace(at, 3, "'");
  return s;
}
}  // namespace

void enrich_legislation(Legislation& leg, const Context& ctx) {
  const std::string key = normalise_title(leg.title);
  const KnownAct* known = nullptr;
  for (const auto& a : kKnownActs)
    if (key == a.title) known = &a;
  auto set_jurisdiction = [&](std::string_view place_key) {
    if (leg.jurisdiction) return;
    if (auto p = find_place(place_key)) {
      Location j;
      j.name = p->city ? p->country : p->name;
      j.country_code = p->country_code;
      leg.jurisdiction = j;
    }
  };
  if (known) {
    set_jurisdiction(known->jurisdiction);
    if (!leg.year) leg.year = known->year;
    if (*known->date && !leg.date) leg.date = parse_date_time(known->date);
    if (leg.passed_by.empty()) {
      EntityRef r;
      r.name = known->passed_by;
      leg.passed_by.push_back(r);
    }
    const std::string scheme = known->scheme;
    const std::string y = std::to_string(known->year);
    if (scheme == "ukpga" || scheme == "asp" || scheme == "nia") {
      leg.number = known->number;
      const std::string path = scheme + "/" + y + "/" + known->number;
      leg.identifiers.push_back({"legislation.gov.uk", path});
      leg.identifiers.push_back({"citation", y +
                                                 (scheme == "ukpga" ? " c. "
                                                  : scheme == "asp" ? " asp "
                                                                    : " c. ") +
                                                 known->number});
      leg.url = "https://www.legislation.gov.uk/id/" + path;
    } else if (scheme == "ie" && leg.number.empty()) {
      leg.number = std::string(known->number) + " of " + y;
    } else if (scheme == "ke") {
      leg.number = std::string(known->number) + " of " + y;
      leg.identifiers.push_back({"akn", "/akn/ke/act/" + y + "/" + known->number});
    } else if (scheme == "us") {
      leg.identifiers.push_back({"us-public-law", known->number});
    }
  }
  // the jurisdiction from the citation itself
  if (!leg.jurisdiction) {
    if (leg.title.find("(Scotland)") != std::string::npos)
      set_jurisdiction("scotland");
    else if (leg.title.find("(Northern Ireland)") != std::string::npos)
      set_jurisdiction("northern ireland");
    else if (leg.title.find("B.E.") != std::string::npos)
      set_jurisdiction("thailand");
  }
  if (!leg.jurisdiction && !ctx.country_code.empty()) {
    Location j;
    j.name = ctx.country;
    j.country_code = ctx.country_code;
    leg.jurisdiction = j;
  }
  const std::string cc = leg.jurisdiction ? leg.jurisdiction->country_code : std::string();
  // Irish acts with a number: ELI of the Irish Statute Book.
  if (cc == "IE" && leg.legislation_type == "act" && !leg.number.empty() && leg.year) {
    const std::string n = leg.number.substr(0, leg.number.find(' '));
    const std::string y = std::to_string(*leg.year);
    leg.identifiers.push_back(
        {"eli", "http://www.irishstatutebook.ie/eli/" + y + "/act/" + n + "/enacted/en/html"});
    leg.identifiers.push_back({"citation", "No. " + n + " of " + y});
    if (leg.url.empty())
      leg.url = "http://www.irishstatutebook.ie/eli/" + y + "/act/" + n + "/enacted/en/html";
  }
  if (cc == "EU" && !leg.number.empty() && leg.year) {
    const std::string n = leg.number.substr(leg.number.find('/') + 1);
    const std::string y = std::to_string(*leg.year);
    const std::string t = leg.legislation_type == "directive"    ? "dir"
                          : leg.legislation_type == "regulation" ? "reg"
                                                                 : "dec";
    const char letter = leg.legislation_type == "directive"    ? 'L'
                        : leg.legislation_type == "regulation" ? 'R'
                                                               : 'D';
    leg.identifiers.push_back(
        {"eli", "http://data.europa.eu/eli/" + t + "/" + y + "/" + n + "/oj"});
    std::string padded = n;
    while (padded.size() < 4) padded.insert(padded.begin(), '0');
    leg.identifiers.push_back({"celex", "3" + y + letter + padded});
    leg.url = "http://data.europa.eu/eli/" + t + "/" + y + "/" + n + "/oj";
  }
  if (leg.legislation_type == "public_law" && !leg.number.empty()) {
    bool has = false;
    for (const auto& id : leg.identifiers) has = has || id.scheme == "us-public-law";
    if (!has) leg.identifiers.push_back({"us-public-law", leg.number});
  }
}

}  // namespace pressroom::extract_detail
