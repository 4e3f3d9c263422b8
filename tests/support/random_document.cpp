// SPDX-License-Identifier: MIT
#include "support/random_document.hpp"

#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

#include "detail/traits.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom::test {
namespace {

using detail::is_optional;
using detail::is_vector;

template <std::size_t N>
std::string_view pick(Rng& rng, const std::string_view (&pool)[N]) {
  return pool[rng.below(N)];
}

// Plain words, and words in other scripts; all NFC, all valid XML 1.0 characters.
constexpr std::string_view kAscii[] = {
    "commissioner", "trafficking", "slavery", "training", "awareness", "release", "migration",
    "IOM",          "Act",         "2015",    "report",   "frontline", "victims", "office",
    "UK",           "support",     "press",   "news",     "council",   "data"};
constexpr std::string_view kIntl[] = {
    "café",     "Zürich", "naïve",       "Ελληνικά", "Москва",  "東京",      "新闻稿",
    "보도자료", "مرحبا",  "שלום עולם",   "हिन्दी",    "ภาษาไทย", "Ñandú",     "Bergström",
    "😀",        "🎉🇬🇧",    "👩‍💻", "𝄞",        "€ 2,000", "½ – ¾ — …", "“quoted”"};
constexpr std::string_view kSpecial[] = {
    "<&>", "]]>",         "\"",   "'",  "&amp;", "<b>not a tag</b>", "\\", "a\tb",
    "\n",  "line\nbreak", "\r\n", "\r", "  ",    "<!-- x -->",       "%s", "{\"k\": 1}"};
constexpr std::string_view kLanguages[] = {"en", "fr", "de-CH", "zh-Hant-TW",
                                           "ar", "he", "th",    "pt-BR"};
constexpr std::string_view kCountries[] = {"GB", "FR", "US", "KE", "EU", "TH", "CH", "IE"};
constexpr std::string_view kMediaTypes[] = {"image/jpeg", "audio/mpeg", "application/pdf",
                                            "text/html",  "video/mp4",  "image/png"};
constexpr std::string_view kRels[] = {"alternate", "self",      "related", "enclosure",
                                      "via",       "canonical", "license", "replies"};
constexpr std::string_view kRoles[] = {"publisher", "subject",  "mentioned", "quoted",
                                       "cited",     "endorser", "author"};
constexpr std::string_view kLegTypes[] = {"act", "directive", "regulation",
                                          "loi", "decree",    "public_law"};
constexpr std::string_view kSchemes[] = {"legislation.gov.uk", "eli", "celex", "wikidata", "ror",
                                         "citation",           "uri"};
constexpr std::string_view kZones[] = {"Europe/Zurich",
                                       "America/New_York",
                                       "Asia/Kolkata",
                                       "Etc/GMT+5",
                                       "America/Argentina/Buenos_Aires",
                                       "UTC",
                                       "Africa/Nairobi"};
constexpr std::string_view kHosts[] = {"example.org", "www.iom.int", "legislation.gov.uk",
                                       "例え.jp", "news.example.com"};

bool leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(long long y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

class Maker {
 public:
  Maker(std::uint64_t seed, const RandomOptions& options) : rng_(seed), opt_(options) {}

  Document document() {
    Document doc;
    if (rng_.chance(0.8)) record(doc.feed);
    table(doc.articles, opt_.max_articles);
    table(doc.organizations, opt_.max_entities);
    table(doc.commissioners, opt_.max_entities);
    table(doc.people, opt_.max_entities);
    table(doc.legislation, opt_.max_entities);
    table(doc.contacts, opt_.max_entities);
    if (opt_.extensions && (opt_.fill >= 1 || rng_.chance(opt_.fill * 0.5)))
      doc.extensions = extensions();
    fix(doc);
    return doc;
  }

 private:
  // ---- generic filling over the reflection table ----

  template <class T>
  void table(std::vector<T>& rows, std::size_t max) {
    const std::size_t lo = opt_.min_records < max ? opt_.min_records : max;
    const std::size_t n = lo + rng_.below(max - lo + 1);
    rows.resize(n);
    for (T& row : rows) record(row);
  }

  template <class T>
  void record(T& r) {
    const std::string_view type = Fields<T>::name;
    for_each_field(r, [&](const char* name, auto& m) { field(type, name, m); });
  }

  template <class F>
  void field(std::string_view type, std::string_view name, F& m) {
    const bool want = required(type, name) || rng_.chance(opt_.fill);
    if constexpr (std::is_same_v<F, std::string>) {
      if (want) m = text_for(type, name);
    } else if constexpr (std::is_same_v<F, Extensions>) {
      if (opt_.extensions && (opt_.fill >= 1 || rng_.chance(opt_.fill * 0.5))) m = extensions();
    } else if constexpr (std::is_same_v<F, DateTime>) {
      m = date_time();
    } else if constexpr (is_reflected_v<F>) {
      record(m);
    } else if constexpr (is_optional<F>::value) {
      if (want) {
        typename F::value_type v{};
        element(type, name, v);
        m = std::move(v);
      }
    } else if constexpr (is_vector<F>::value) {
      if (want) {
        m.resize(1 + rng_.below(opt_.max_items));
        for (auto& v : m) element(type, name, v);
      }
    } else if constexpr (std::is_enum_v<F>) {
      if (want) m = static_cast<F>(rng_.below(EnumNames<F>::names.size()));
    } else {
      m = number<F>(name);
    }
  }

  // A value that is present (an engaged optional, a vector element): strings never empty.
  template <class V>
  void element(std::string_view type, std::string_view name, V& v) {
    if constexpr (std::is_same_v<V, std::string>) {
      v = text_for(type, name);
    } else if constexpr (std::is_same_v<V, DateTime>) {
      v = date_time();
    } else if constexpr (is_reflected_v<V>) {
      record(v);
    } else {
      v = number<V>(name);
    }
  }

  static bool required(std::string_view type, std::string_view name) {
    struct Req {
      std::string_view type, name;
    };
    static constexpr Req reqs[] = {
        {"article", "headline"},        {"organization", "name"}, {"office", "title"},
        {"legislation", "title"},       {"link", "href"},         {"media", "url"},
        {"phone_number", "raw"},        {"email", "address"},     {"category", "term"},
        {"location", "name"},           {"dateline", "raw"},      {"identifier", "scheme"},
        {"identifier", "value"},        {"person_name", "full"},  {"block", "text"},
        {"instant_messaging", "handle"}};
    for (const Req& r : reqs) {
      if (r.type == type && r.name == name) return true;
    }
    return false;
  }

  // ---- values ----

  template <class N>
  N number(std::string_view name) {
    if constexpr (std::is_same_v<N, double>) {
      return real(name);
    } else if constexpr (std::is_same_v<N, std::uint64_t>) {
      static constexpr std::uint64_t edges[] = {
          0, 1, 9007199254740993ull, std::numeric_limits<std::uint64_t>::max(), 4294967296ull};
      if (rng_.chance(0.25)) return edges[rng_.below(std::size(edges))];
      return rng_.next() >> (rng_.below(64));
    } else {
      static_assert(std::is_same_v<N, int>, "a numeric model type the generator does not know");
      if (name == "year") return static_cast<int>(rng_.between(1, 9999));
      if (rng_.chance(0.15)) {
        static constexpr int edges[] = {0, -1, INT_MAX, INT_MIN, 1};
        return edges[rng_.below(std::size(edges))];
      }
      return static_cast<int>(rng_.between(0, 5000));
    }
  }

  double real(std::string_view name) {
    if (name == "lat") return rng_.unit() * 180.0 - 90.0;
    if (name == "lon") return rng_.unit() * 360.0 - 180.0;
    switch (rng_.below(6)) {
      case 0:
        return static_cast<double>(rng_.between(0, 100000));
      case 1:
        return static_cast<double>(rng_.between(1, 1000)) / 10.0;  // 0.1-style decimals
      case 2: {
        static constexpr double edges[] = {0.1,
                                           1e300,
                                           -2.5,
                                           5e-324,
                                           1e21,
                                           123456789.123456789,
                                           std::numeric_limits<double>::max(),
                                           0.0,
                                           1.0 / 3.0};
        return edges[rng_.below(std::size(edges))];
      }
      case 3:
        return rng_.unit() * 1e6;
      default: {
        // Any finite bit pattern except -0.0 (any finite double survives to_chars/from_chars).
        for (;;) {
          const std::uint64_t bits = rng_.next();
          double d = 0;
          std::memcpy(&d, &bits, sizeof d);
          if (std::isfinite(d) && !(d == 0 && std::signbit(d))) return d;
        }
      }
    }
  }

  DateTime date_time() {
    DateTime d;
    d.year = rng_.chance(0.1) ? static_cast<int>(rng_.between(1, 999))
                              : static_cast<int>(rng_.between(1900, 2099));
    if (rng_.chance(0.03)) d.year = 9999;
    // year, month, day, minute, second, fraction; all parts when every field is to be set.
    const bool full = opt_.fill >= 1;
    const std::size_t precision = full ? 5 : rng_.below(6);
    if (precision >= 1) d.month = static_cast<int>(rng_.between(1, 12));
    if (precision >= 2) {
      d.day = static_cast<int>(rng_.between(1, days_in(d.year, *d.month)));
      if (*d.month == 2 && leap(d.year) && rng_.chance(0.2)) d.day = 29;
    }
    if (precision >= 3) {
      d.hour = static_cast<int>(rng_.between(0, 23));
      d.minute = static_cast<int>(rng_.between(0, 59));
    }
    if (precision >= 4) d.second = rng_.chance(0.05) ? 60 : static_cast<int>(rng_.between(0, 59));
    if (precision >= 5) {
      switch (rng_.below(4)) {
        case 0:
          d.nanosecond = 0;
          break;
        case 1:
          d.nanosecond = static_cast<int>(rng_.between(0, 999)) * 1000000;
          break;
        case 2:
          d.nanosecond = 999999999;
          break;
        default:
          d.nanosecond = static_cast<int>(rng_.between(0, 999999999));
      }
    }
    if (d.hour) {
      if (full || rng_.chance(0.6)) {
        static constexpr int offsets[] = {0, 60, -300, 330, 345, -1439, 1439, -30, 540};
        d.utc_offset_minutes = rng_.chance(0.8) ? offsets[rng_.below(std::size(offsets))]
                                                : static_cast<int>(rng_.between(-1439, 1439));
      }
      if (full || rng_.chance(0.3)) d.zone = std::string(pick(rng_, kZones));
    }
    return d;
  }

  std::string words(std::size_t n, bool special) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) s += rng_.chance(0.1) && special ? "  " : " ";
      const std::size_t k = special ? rng_.below(10) : 0;
      if (k < 5) {
        s += pick(rng_, kAscii);
      } else if (k < 8) {
        s += pick(rng_, kIntl);
      } else {
        s += pick(rng_, kSpecial);
      }
    }
    return s;
  }

  // Free text: a few words, sometimes with spaces or line breaks at the ends.
  std::string text() {
    const bool special = opt_.special_text;
    std::string s = words(1 + rng_.below(7), special);
    if (special) {
      switch (rng_.below(14)) {
        case 0:
          s = " " + s;
          break;
        case 1:
          s += " ";
          break;
        case 2:
          s = "\n" + s + "\n";
          break;
        case 3:
          s = "\t" + s + "  ";
          break;
        case 4:
          s = " ";
          break;  // whitespace only
        default:
          break;
      }
    }
    return s;
  }

  std::string slug() {
    std::string s(pick(rng_, kAscii));
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  }

  std::string url() {
    std::string u = rng_.chance(0.9) ? "https://" : "http://";
    u += pick(rng_, kHosts);
    u += "/" + slug() + "/" + std::to_string(rng_.below(100000));
    if (rng_.chance(0.3)) u += "?lang=en&id=" + std::to_string(rng_.below(1000));
    if (rng_.chance(0.1)) u += "#top";
    return u;
  }

  // HTML as pressroom's sanitiser writes it (readers sanitise HTML fields unless the caller
  // trusts the input, so only such HTML survives a round trip unchanged): block elements around
  // escaped text, a link with a safe URL, a void element closed. Built from one text() so that
  // the random stream, and every other field of a seed's Document, stays as it was.
  std::string html() {
    std::string t;
    for (const char c : text()) {
      if (c == '&') {
        t += "&amp;";
      } else if (c == '<') {
        t += "&lt;";
      } else if (c == '>') {
        t += "&gt;";
      } else {
        t += c;
      }
    }
    const std::string link =
        "<a href=\"https://example.org/p?a=1&amp;n=" + std::to_string(t.size()) + "\">" + t +
        "</a>";
    switch (t.size() % 4) {
      case 0:
        return "<p>" + t + "</p>";
      case 1:
        return "<p>" + t + " " + link + "</p>";
      case 2:
        return "<h2>" + t + "</h2><p>" + t + "<br />" + t + "</p>";
      default:
        return "<ul><li>" + t + "</li><li>" + link + "</li></ul>";
    }
  }

  std::string text_for(std::string_view type, std::string_view name) {
    if (name.size() > 5 && name.substr(name.size() - 5) == "_html") return html();
    if (name == "url" || name == "href" || name == "home_page_url" || name == "feed_url" ||
        name == "next_url" || name == "icon" || name == "uri" || name == "same_as" ||
        (name == "base" && type == "text_info") || (name == "logo" && type == "feed") ||
        (name == "scheme" && type == "category"))
      return url();
    if (name == "language" || name == "hreflang" || name == "languages")
      return std::string(pick(rng_, kLanguages));
    if (name == "country_code") return std::string(pick(rng_, kCountries));
    if (name == "media_type") return std::string(pick(rng_, kMediaTypes));
    if (name == "rel") return std::string(pick(rng_, kRels));
    if (name == "roles") return std::string(pick(rng_, kRoles));
    if (name == "legislation_type") return std::string(pick(rng_, kLegTypes));
    if (name == "scheme") return std::string(pick(rng_, kSchemes));
    if (name == "e164") return "+44" + std::to_string(2000000000 + rng_.below(999999999));
    if (name == "extension") return std::to_string(rng_.below(9999));
    if (name == "social") return "@" + slug() + std::to_string(rng_.below(100));
    if (name == "address") return slug() + "." + std::to_string(rng_.below(100)) + "@iom.int";
    if (name == "version" && type == "generator") return "1." + std::to_string(rng_.below(20));
    return text();
  }

  // Values each format's own reader would produce: JSON in nlohmann's compact form with sorted
  // keys; XML fragments with their own namespace.
  Extensions extensions() {
    Extensions e;
    if (rng_.chance(0.6)) {
      std::string j = "{\"_n\":" + std::to_string(rng_.below(1000));
      if (rng_.chance(0.5)) j += ",\"_s\":\"" + slug() + "\"";
      if (rng_.chance(0.3)) j += ",\"_z\":[1,true,null]";
      e["json"] = j + "}";
    }
    for (const char* key : {"xml", "rss", "atom"}) {
      if (rng_.chance(0.35)) {
        const std::string tag = slug();
        e[key] = "<ex:" + tag + " xmlns:ex=\"urn:example:ext\">" + slug() + "</ex:" + tag + ">";
      }
    }
    if (e.empty()) e["json"] = "{\"_n\":1}";
    return e;
  }

  // ---- referential integrity and required fields ----

  template <class T>
  static std::vector<std::string> ids(const std::vector<T>& rows) {
    std::vector<std::string> out;
    for (const T& r : rows) out.push_back(r.id);
    return out;
  }

  std::string any(const std::vector<std::string>& pool) {
    return pool.empty() ? std::string() : pool[rng_.below(pool.size())];
  }

  void ref(std::string& id, const std::vector<std::string>& pool) {
    if (!id.empty()) id = any(pool);
  }
  void refs(std::vector<std::string>& v, const std::vector<std::string>& pool) {
    for (std::string& id : v) id = any(pool);
    std::vector<std::string> kept;
    for (std::string& id : v) {
      if (!id.empty()) kept.push_back(std::move(id));
    }
    v = std::move(kept);
  }
  void entity_refs(std::vector<EntityRef>& v, const std::vector<std::string>& pool) {
    for (EntityRef& r : v) {
      r.id = rng_.chance(0.8) ? any(pool) : std::string();
      if (r.id.empty() && r.name.empty()) r.name = words(2, false);
    }
  }

  void fix(Document& doc) {
    for (std::size_t i = 0; i < doc.articles.size(); ++i) {
      doc.articles[i].id = rng_.chance(0.3) ? url() + "-" + std::to_string(i)
                                            : "art:" + slug() + "-" + std::to_string(i);
    }
    for (std::size_t i = 0; i < doc.organizations.size(); ++i)
      doc.organizations[i].id = "org:" + slug() + "-" + std::to_string(i);
    for (std::size_t i = 0; i < doc.commissioners.size(); ++i)
      doc.commissioners[i].id = "person:" + slug() + "-c" + std::to_string(i);
    for (std::size_t i = 0; i < doc.people.size(); ++i)
      doc.people[i].id = "person:" + slug() + "-p" + std::to_string(i);
    for (std::size_t i = 0; i < doc.legislation.size(); ++i)
      doc.legislation[i].id = "leg:" + slug() + "-" + std::to_string(i);
    for (std::size_t i = 0; i < doc.contacts.size(); ++i)
      doc.contacts[i].id = "contact:" + slug() + "-" + std::to_string(i);

    const std::vector<std::string> orgs = ids(doc.organizations);
    std::vector<std::string> persons = ids(doc.commissioners);
    for (const Person& p : doc.people) persons.push_back(p.id);
    const std::vector<std::string> legs = ids(doc.legislation);
    const std::vector<std::string> contacts = ids(doc.contacts);
    std::vector<std::string> all = orgs;
    all.insert(all.end(), persons.begin(), persons.end());
    all.insert(all.end(), legs.begin(), legs.end());
    all.insert(all.end(), contacts.begin(), contacts.end());

    ref(doc.feed.publisher_id, orgs);
    entity_refs(doc.feed.authors, all);
    for (Article& a : doc.articles) {
      ref(a.publisher_id, orgs);
      entity_refs(a.authors, all);
      if (a.source_feed) {
        ref(a.source_feed->publisher_id, orgs);
        entity_refs(a.source_feed->authors, all);
      }
      entity_refs(a.organization_refs, orgs);
      entity_refs(a.commissioner_refs, persons);
      entity_refs(a.person_refs, persons);
      entity_refs(a.legislation_refs, legs);
      refs(a.contact_ids, contacts);
      for (Statement& s : a.statements) {
        ref(s.subject_id, all);
        if (s.paragraph_index) {
          if (a.body.empty()) {
            s.paragraph_index.reset();
          } else {
            s.paragraph_index = static_cast<int>(rng_.below(a.body.size()));
          }
        }
      }
    }
    for (Organization& o : doc.organizations) {
      if (!o.parent_id.empty()) {
        o.parent_id = any(orgs);
        if (o.parent_id == o.id) o.parent_id.clear();
      }
      entity_refs(o.member_of, orgs);
      refs(o.contact_ids, contacts);
    }
    for (Commissioner& c : doc.commissioners) {
      ref(c.office.organization_id, orgs);
      entity_refs(c.office.established_by, legs);
      refs(c.contact_ids, contacts);
    }
    for (Person& p : doc.people) {
      ref(p.organization_id, orgs);
      refs(p.contact_ids, contacts);
    }
    for (Legislation& l : doc.legislation) {
      entity_refs(l.passed_by, orgs);
      entity_refs(l.responsible, orgs);
      entity_refs(l.transposes, legs);
      entity_refs(l.changes, legs);
      entity_refs(l.part_of, legs);
    }
    for (Contact& c : doc.contacts) ref(c.organization_id, orgs);
  }

  Rng rng_;
  const RandomOptions& opt_;
};

}  // namespace

Document random_document(std::uint64_t seed, const RandomOptions& options) {
  return Maker(seed, options).document();
}

std::uint64_t base_seed(std::uint64_t fallback) {
  const char* env = std::getenv("PRESSROOM_TEST_SEED");
  if (env == nullptr || *env == '\0') return fallback;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(env, &end, 0);
  return end != nullptr && *end == '\0' ? static_cast<std::uint64_t>(v) : fallback;
}

std::uint64_t derive_seed(std::uint64_t base, std::uint64_t index) {
  Rng r(base ^ (index * 0xD1B54A32D192ED03ull));
  return r.next();
}

namespace {
Location place(std::string name, std::string country_code) {
  Location l;
  l.name = std::move(name);
  l.country_code = std::move(country_code);
  return l;
}
EntityRef entity(std::string id, std::vector<std::string> roles, std::string name = {},
                 std::string as_written = {}) {
  EntityRef r;
  r.id = std::move(id);
  r.name = std::move(name);
  r.roles = std::move(roles);
  r.as_written = std::move(as_written);
  return r;
}
EntityRef named(std::string name) {
  EntityRef r;
  r.name = std::move(name);
  return r;
}
Quantity quantity(double value, Comparator comparator, std::string unit, std::string as_written) {
  Quantity q;
  q.value = value;
  q.comparator = comparator;
  q.unit = std::move(unit);
  q.as_written = std::move(as_written);
  return q;
}
PersonName person_name(std::string full, std::string given, std::string family) {
  PersonName n;
  n.full = std::move(full);
  n.given = std::move(given);
  n.family = std::move(family);
  return n;
}
Organization organization(std::string id, std::string name, OrganizationKind kind) {
  Organization o;
  o.id = std::move(id);
  o.name = std::move(name);
  o.kind = kind;
  return o;
}
}  // namespace

Document iom_document() {
  Document doc;
  Article a;
  a.id = "art:uk-commissioner-endorses-iom-training";
  a.kind = ArticleKind::press_release;
  a.headline = "UK Commissioner Endorses IOM Training to Combat Modern Slavery";
  a.dateline = Dateline{};
  a.dateline->raw = "United Kingdom -";
  a.dateline->location = place("United Kingdom", "GB");
  a.language = "en";
  for (const char* p :
       {"The UK’s first Independent Anti-Slavery Commissioner (IASC), Kevin Hyland, has "
        "endorsed IOM UK’s CPD-accredited Introduction to Human Trafficking and Modern Slavery "
        "awareness raising sessions, aimed at equipping frontline practitioners with the "
        "knowledge and tools needed to identify and protect victims of trafficking and "
        "slavery.",
        "Reporting directly to the Home Secretary, the role of the IASC was established in the "
        "Modern Slavery Act 2015, the newest legislative provision to strengthen the protective "
        "and preventative measures to combat the crime of trafficking and slavery.",
        "The functions of the Commissioner are to encourage good practice in the prevention, "
        "detection, investigation and prosecution of slavery and trafficking offences and to "
        "encourage good practice in the identification of the victims of those offences.",
        "As part of the IASC’s efforts to expand focused, coordinated and effective actions to "
        "combat slavery, training was identified as a key requirement to advance understanding "
        "of trafficking and slavery and in turn improve identification of, and assistance to, "
        "victims.",
        "Since 2011, IOM has provided training and awareness sessions on human trafficking and "
        "modern slavery to over 2,000 frontline professions from bodies including local "
        "authorities, police, health services, immigration services, the Catholic Bishop’s "
        "Conference of England and Wales, the Church of England and diverse charities.",
        "The sessions seek to build their capacity in understanding the complexity of the "
        "crime, identify the specific, and often hidden, vulnerabilities of its victims and "
        "take appropriate action within the existing safeguarding frameworks.",
        "Through his endorsement of the training sessions, the Commissioner notes that the "
        "content clearly addresses the key aspects of the issue of human trafficking and "
        "modern slavery: from the international legal framework and the global picture of "
        "trafficking, to the UK’s national response, and support services available to "
        "victims detected within the country.",
        "He further noted that by using case studies, discussion and group work, the course "
        "actively engages learners and is an important step towards building awareness and "
        "understanding among people who may come across victims of trafficking and slavery in "
        "their work – particularly those who support vulnerable adults and children.",
        "With the IASC endorsement of the awareness raising sessions, IOM UK is looking to "
        "further engage with, and deliver training to, key public authority and third sector "
        "organisations to improve understanding of the crimes of trafficking and slavery, and "
        "to protect the victims."}) {
    Block b;
    b.text = p;
    a.body.push_back(std::move(b));
  }
  a.contact_note =
      "For further information, please contact Annie Morris at IOM UK, Email: amorris@iom.int, "
      "Tel. +44 (0)207 811 6053.";
  a.publisher_id = "org:iom";
  a.organization_refs = {entity("org:iom", {"publisher", "subject"}),
                         entity("org:iom-uk", {"subject"}),
                         entity("org:catholic-bishops-conference-ew", {"mentioned"}),
                         entity("org:church-of-england", {"mentioned"})};
  a.commissioner_refs = {entity("person:kevin-hyland", {"subject", "endorser"})};
  a.legislation_refs = {entity("leg:ukpga-2015-30", {"cited"}, {}, "Modern Slavery Act 2015")};
  a.contact_ids = {"contact:annie-morris"};
  Statement s1;
  s1.subject_id = "person:kevin-hyland";
  s1.predicate = "endorsed";
  s1.object =
      "IOM UK’s CPD-accredited Introduction to Human Trafficking and Modern Slavery awareness "
      "raising sessions";
  s1.paragraph_index = 0;
  Statement s2;
  s2.subject_id = "org:iom";
  s2.predicate = "trained";
  s2.object = "frontline professionals";
  s2.quantity = quantity(2000, Comparator::gt, "frontline professionals", "over 2,000");
  s2.since = parse_date_time("2011");
  s2.text = a.body[4].text;
  s2.paragraph_index = 4;
  a.statements = {s1, s2};
  doc.articles.push_back(std::move(a));

  Organization iom = organization("org:iom", "International Organization for Migration",
                                  OrganizationKind::intergovernmental);
  iom.acronym = "IOM";
  iom.description =
      "The leading inter-governmental organization promoting humane and orderly migration for "
      "the benefit of all.";
  iom.mission = "humane and orderly migration for the benefit of all";
  iom.member_of = {named("United Nations System")};
  iom.founding_date = parse_date_time("1951");
  iom.member_count = quantity(175, Comparator::eq, "member states", "175 member states");
  iom.presence_country_count =
      quantity(171, Comparator::eq, "countries", "a presence in 171 countries");
  Organization iom_uk = organization("org:iom-uk", "IOM UK", OrganizationKind::intergovernmental);
  iom_uk.parent_id = "org:iom";
  iom_uk.area_served = {place("United Kingdom", "GB")};
  doc.organizations = {
      iom, iom_uk,
      organization("org:catholic-bishops-conference-ew",
                   "Catholic Bishop’s Conference of England and Wales",
                   OrganizationKind::religious),
      organization("org:church-of-england", "Church of England", OrganizationKind::religious)};

  Commissioner c;
  c.id = "person:kevin-hyland";
  c.name = person_name("Kevin Hyland", "Kevin", "Hyland");
  c.office.title = "Independent Anti-Slavery Commissioner";
  c.office.acronym = "IASC";
  c.office.kind = OfficeKind::sole_office;
  c.office.jurisdiction = place("United Kingdom", "GB");
  c.office.holder_ordinal = 1;
  c.office.reports_to = "Home Secretary";
  c.office.established_by = {entity("leg:ukpga-2015-30", {}, "Modern Slavery Act 2015")};
  c.office.functions = {
      "encourage good practice in the prevention, detection, investigation and prosecution of "
      "slavery and trafficking offences",
      "encourage good practice in the identification of the victims of those offences"};
  doc.commissioners.push_back(std::move(c));

  Legislation l;
  l.id = "leg:ukpga-2015-30";
  l.title = "Modern Slavery Act 2015";
  l.legislation_type = "act";
  l.jurisdiction = place("United Kingdom", "GB");
  l.year = 2015;
  l.number = "30";
  l.date = parse_date_time("2015-03-26");
  l.passed_by = {named("Parliament of the United Kingdom")};
  Identifier id1;
  id1.scheme = "legislation.gov.uk";
  id1.value = "ukpga/2015/30";
  Identifier id2;
  id2.scheme = "citation";
  id2.value = "2015 c. 30";
  l.identifiers = {id1, id2};
  l.url = "https://www.legislation.gov.uk/id/ukpga/2015/30";
  doc.legislation.push_back(std::move(l));

  Contact k;
  k.id = "contact:annie-morris";
  k.kind = ContactKind::individual;
  k.name = person_name("Annie Morris", "Annie", "Morris");
  k.organization_id = "org:iom-uk";
  k.organization_name = "IOM UK";
  Email e;
  e.address = "amorris@iom.int";
  k.emails = {e};
  PhoneNumber ph;
  ph.raw = "+44 (0)207 811 6053";
  ph.e164 = "+442078116053";
  ph.kind = PhoneKind::voice;
  ph.country_code = "GB";
  k.phones = {ph};
  doc.contacts.push_back(std::move(k));
  return doc;
}

Document full_document() {
  RandomOptions o;
  o.fill = 1.0;
  o.max_articles = 2;
  o.max_entities = 2;
  o.min_records = 2;
  o.max_items = 2;
  Document d = random_document(7, o);
  // Fields the integrity pass may clear: set them on purpose.
  d.organizations[1].parent_id = d.organizations[0].id;
  return d;
}

}  // namespace pressroom::test

// ---- hostile mode ---------------------------------------------------------------------------

namespace pressroom::test {
namespace {

// Pieces a hostile string is made of (raw bytes: some are not UTF-8 on purpose).
// clang-format off
const std::string_view kHostilePieces[] = {
    "]]>", "<![CDATA[", "--", "-->", "<!--", "<?xml version=\"1.0\"?>", "</headline>", "<x/>",
    "&amp;", "&#0;", "&lt;", "&", "<", ">", "\"", "'", "\\", "\\u0000", "\\ud800",
    std::string_view("\0", 1), std::string_view("a\0b", 3), "\x01", "\x08", "\x0B", "\x0C",
    "\x1B", "\x1F", "\x7F", "\xC2\x85", "\xED\xA0\x80", "\xED\xBF\xBF",
    "\xED\xA0\xBD\xED\xB8\x80", "\xFF", "\xFE", "\xC0\xAF", "\xE0\x80\xAF", "\xE2\x82",
    "\x80", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xEF\xBF\xBE", "\xEF\xBF\xBF",
    "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x80\x8F", "\xE2\x80\xA8", "\xEF\xBB\xBF",
    "\xF0\x9F\x98\x80", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "javascript:alert(1)", "\r\n", "\r", "\t", "  ", "\n\n", "%s%n", "${x}", "{{x}}"};
// clang-format on

std::string hostile_string(Rng& rng, std::size_t max_long) {
  std::string s;
  const std::size_t n = 1 + rng.below(6);
  for (std::size_t i = 0; i < n; ++i) {
    s += kHostilePieces[rng.below(std::size(kHostilePieces))];
    if (rng.chance(0.3)) s += "text";
  }
  if (rng.chance(0.03)) {
    const std::size_t len = 1000 + rng.below(max_long > 1000 ? max_long - 1000 : 1);
    while (s.size() < len)
      s += rng.chance(0.9) ? std::string_view("long ") : std::string_view("]]>\x01");
  }
  return s;
}

struct Hostile {
  Rng& rng;
  std::size_t max_long;

  void operator()(std::string& s) {
    if (rng.chance(0.5))
      s = rng.chance(0.5) ? hostile_string(rng, max_long) : s + hostile_string(rng, max_long);
  }
  void operator()(Extensions& m) {
    Extensions out;
    for (auto& [k, v] : m) {
      std::string key = k;
      std::string value = v;
      if (rng.chance(0.3)) key += hostile_string(rng, 64);
      (*this)(value);
      out.emplace(std::move(key), std::move(value));
    }
    if (rng.chance(0.2)) out.emplace(hostile_string(rng, 64), hostile_string(rng, max_long));
    m = std::move(out);
  }
  void operator()(DateTime&) {}
  template <class T>
  void operator()(std::optional<T>& o) {
    if (o) (*this)(*o);
  }
  template <class T>
  void operator()(std::vector<T>& v) {
    for (auto& x : v) (*this)(x);
  }
  template <class T>
  void operator()(T& value) {
    if constexpr (is_reflected_v<T>) {
      for_each_field(value, [this](const char* name, auto& member) {
        if (std::string_view(name) != "pressroom_version") (*this)(member);
      });
    }
  }
};

}  // namespace

void make_hostile(Document& doc, std::uint64_t seed, std::size_t max_long) {
  Rng rng(seed ^ 0x686F7374696C65ull);
  Hostile h{rng, max_long};
  h(doc);
}

}  // namespace pressroom::test
