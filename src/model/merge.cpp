// SPDX-License-Identifier: MIT
// Merging Documents: matching entities across inputs, folding them together and rewriting
// every reference to the surviving id. See include/pressroom/merge.hpp for the rules.
#include "pressroom/merge.hpp"

#include <cstdint>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "detail/text.hpp"
#include "detail/traits.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom::merge_detail {
namespace {

// --- normalisation ------------------------------------------------------------------------

// Lower-case ASCII base letters of U+00C0..U+017F; '?' marks the few that fold to two letters
// and ' ' the signs (multiplication, division).
constexpr std::string_view latin1_fold =
    "aaaaaa?c"
    "eeeeiiii"
    "dnooooo "
    "ouuuuy??"  // U+00C0..U+00DF
    "aaaaaa?c"
    "eeeeiiii"
    "dnooooo "
    "ouuuuy?y";  // U+00E0..U+00FF
constexpr std::string_view latin_ext_a_fold =
    "aaaaaacc"
    "ccccccdd"
    "ddeeeeee"
    "eeeegggg"  // U+0100..U+011F
    "gggghhhh"
    "iiiiiiii"
    "ii??jjkk"
    "klllllll"  // U+0120..U+013F
    "lllnnnnn"
    "nnnnoooo"
    "oo??rrrr"
    "rrssssss"  // U+0140..U+015F
    "sstttttt"
    "uuuuuuuu"
    "uuuuwwyy"
    "yzzzzzzs";  // U+0160..U+017F
static_assert(latin1_fold.size() == 0x40 && latin_ext_a_fold.size() == 0x80);

void append_folded(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c == '\'' || c == '.') {
      // "Bishop's" = "Bishops'" = "bishops", "U.N." = "UN"
    } else {
      out += ' ';
    }
    return;
  }
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return;  // typographic apostrophes
  if (cp >= 0xC0 && cp <= 0x17F) {
    const char c = cp < 0x100 ? latin1_fold[cp - 0xC0] : latin_ext_a_fold[cp - 0x100];
    if (c != '?') {
      out += c;
      return;
    }
    switch (cp) {
      case 0xC6:
      case 0xE6:
        out += "ae";
        return;
      case 0xDE:
      case 0xFE:
        out += "th";
        return;
      case 0xDF:
        out += "ss";
        return;
      case 0x132:
      case 0x133:
        out += "ij";
        return;
      default:  // 0x152, 0x153
        out += "oe";
        return;
    }
  }
  if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000) {
    out += ' ';  // no-break space, signs, general punctuation
    return;
  }
  detail::append_utf8(out, cp);
}

std::string normalize(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = detail::decode_utf8(name, i, cp);
    if (n == 0) {
      folded += ' ';
      ++i;
      continue;
    }
    append_folded(folded, cp);
    i += n;
  }
  std::string out;
  out.reserve(folded.size());
  for (const char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string lower_ascii(std::string_view s) {
  std::string out(detail::trim(s));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// An acronym for comparison: its ASCII letters and digits, upper case ("U.N." = "UN").
std::string acronym_key(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
    }
  }
  return out;
}

// True when `name` is written as an acronym: 2 to 12 letters and digits, no lower case, no
// space ("IOM", "U.N.").
bool looks_like_acronym(std::string_view name) {
  std::size_t upper = 0;
  for (const char c : detail::trim(name)) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (!((c >= '0' && c <= '9') || c == '.' || c == '&')) {
      return false;
    }
  }
  return upper >= 2 && upper <= 12;
}

// A URL for comparison: scheme and host in lower case, http = https, no "www.", no fragment,
// no trailing slash.
std::string url_key(std::string_view url) {
  url = detail::trim(url);
  const std::size_t hash = url.find('#');
  if (hash != std::string_view::npos) url = url.substr(0, hash);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  std::string out;
  std::size_t rest = 0;
  const std::size_t colon = url.find("://");
  if (colon != std::string_view::npos) {
    std::string scheme = lower_ascii(url.substr(0, colon));
    if (scheme == "http") scheme = "https";
    out = scheme + "://";
    rest = colon + 3;
  }
  std::size_t host_end = url.find('/', rest);
  if (host_end == std::string_view::npos) host_end = url.size();
  std::string host = lower_ascii(url.substr(rest, host_end - rest));
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  out += host;
  out.append(url.substr(host_end));
  return out;
}

// --- keys ---------------------------------------------------------------------------------

using IdMap = std::unordered_map<std::string, std::string>;

// The id maps of one input: its local ids to the merged Document's ids.
struct InputMaps {
  IdMap org, person, leg, contact, article;
};

// What identifies an entity: strong keys (identifiers, IRIs, e-mail addresses) always match;
// weak ones (names, acronyms) only with MergeOptions' consent. `lookup` and `reg` differ so
// that kinds match when equal or when one is unspecified.
struct Keys {
  std::vector<std::string> strong;
  std::vector<std::string> lookup;
  std::vector<std::string> reg;
};

void add_identifiers(Keys& k, const std::vector<Identifier>& ids) {
  for (const Identifier& id : ids) {
    if (id.value.empty()) continue;
    k.strong.push_back("x:" + lower_ascii(id.scheme) + '\x1f' + lower_ascii(id.value));
  }
}

void add_urls(Keys& k, const std::vector<std::string>& iris) {
  for (const std::string& iri : iris) {
    if (!detail::trim(iri).empty()) k.strong.push_back("u:" + url_key(iri));
  }
}

void add_url(Keys& k, const std::string& url) {
  if (!detail::trim(url).empty()) k.strong.push_back("u:" + url_key(url));
}

// A name key qualified by a kind: registered under the kind and under "*", looked up under
// the kind and under "unspecified" (or under "*" when the entity's kind is unspecified).
void add_name(Keys& k, const std::string& norm, std::string_view kind, bool unspecified) {
  if (norm.empty()) return;
  const std::string base = "n:" + norm + '\x1f';
  k.reg.push_back(base + std::string(kind));
  k.reg.push_back(base + '*');
  if (unspecified) {
    k.lookup.push_back(base + '*');
  } else {
    k.lookup.push_back(base + std::string(kind));
    k.lookup.push_back(base + "unspecified");
  }
}

Keys keys_of(const Organization& o, const MergeOptions& opt, const InputMaps&) {
  Keys k;
  add_identifiers(k, o.identifiers);
  add_urls(k, o.same_as);
  add_url(k, o.url);
  const bool unspecified = o.kind == OrganizationKind::unspecified;
  const std::string kind(to_string(o.kind));
  if (opt.match_names) {
    add_name(k, normalize(o.name), kind, unspecified);
    for (const std::string& alt : o.alternate_names) add_name(k, normalize(alt), kind, unspecified);
  }
  if (opt.match_acronyms) {
    std::string acronym = acronym_key(o.acronym);
    if (acronym.empty() && looks_like_acronym(o.name)) acronym = acronym_key(o.name);
    if (!acronym.empty()) add_name(k, "a:" + acronym, kind, unspecified);
    if (looks_like_acronym(o.name) && acronym_key(o.name) != acronym) {
      add_name(k, "a:" + acronym_key(o.name), kind, unspecified);
    }
  }
  return k;
}

std::string person_name_key(const PersonName& name) {
  if (!name.full.empty()) return normalize(name.full);
  std::string parts = name.given + ' ' + name.additional + ' ' + name.family;
  return normalize(parts);
}

Keys keys_of(const Commissioner& c, const MergeOptions& opt, const InputMaps&) {
  Keys k;
  add_urls(k, c.same_as);
  if (opt.match_names) {
    const std::string name = person_name_key(c.name);
    if (!name.empty()) {
      add_name(k, name, "person", false);
    } else {  // only the office is named: "the Independent Anti-Slavery Commissioner"
      std::string where = c.office.jurisdiction ? c.office.jurisdiction->country_code : "";
      add_name(k, "office:" + normalize(c.office.title), lower_ascii(where), where.empty());
    }
  }
  return k;
}

Keys keys_of(const Person& p, const MergeOptions& opt, const InputMaps&) {
  Keys k;
  add_urls(k, p.same_as);
  add_url(k, p.url);
  for (const Email& e : p.emails) {
    if (!e.address.empty()) k.strong.push_back("e:" + lower_ascii(e.address));
  }
  if (opt.match_names) add_name(k, person_name_key(p.name), "person", false);
  return k;
}

Keys keys_of(const Legislation& l, const MergeOptions& opt, const InputMaps&) {
  Keys k;
  add_identifiers(k, l.identifiers);
  add_url(k, l.url);
  if (opt.match_names) {
    // Titles compare within a jurisdiction: "Data Protection Act 2018" is a UK and an Irish Act.
    const std::string where = l.jurisdiction ? lower_ascii(l.jurisdiction->country_code) : "";
    add_name(k, normalize(l.title), where, where.empty());
    for (const std::string& alt : l.alternate_titles) {
      add_name(k, normalize(alt), where, where.empty());
    }
  }
  return k;
}

Keys keys_of(const Contact& c, const MergeOptions& opt, const InputMaps& maps) {
  Keys k;
  for (const Email& e : c.emails) {
    if (!e.address.empty()) k.strong.push_back("e:" + lower_ascii(e.address));
  }
  if (opt.match_names) {
    // The same name at the same employer (the employer's id as merged).
    std::string employer = c.organization_id;
    const auto it = maps.org.find(employer);
    if (it != maps.org.end()) employer = it->second;
    if (employer.empty()) employer = normalize(c.organization_name);
    std::string name = person_name_key(c.name);
    if (name.empty()) name = "unit:" + normalize(c.unit);
    if (name != "unit:") add_name(k, name + '\x1f' + employer, "contact", false);
  }
  return k;
}

// --- conflicts ----------------------------------------------------------------------------

// True when `a` and `b` give different values for one identifier scheme.
bool identifiers_conflict(const std::vector<Identifier>& a, const std::vector<Identifier>& b) {
  for (const Identifier& x : a) {
    bool same_scheme = false;
    bool same_value = false;
    for (const Identifier& y : b) {
      if (lower_ascii(x.scheme) != lower_ascii(y.scheme)) continue;
      same_scheme = true;
      if (lower_ascii(x.value) == lower_ascii(y.value)) same_value = true;
    }
    if (same_scheme && !same_value) return true;
  }
  return false;
}

bool names_differ(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() && a != b;
}

// `conflicts(a, b)`: evidence that `a` and `b` are different entities. `by_id`: the match is
// by id only, so different names are evidence too.
bool conflicts(const Organization& a, const Organization& b, bool by_id) {
  if (identifiers_conflict(a.identifiers, b.identifiers)) return true;
  if (a.kind != OrganizationKind::unspecified && b.kind != OrganizationKind::unspecified &&
      a.kind != b.kind && by_id) {
    return true;
  }
  if (!by_id) return false;
  if (!names_differ(normalize(a.name), normalize(b.name))) return false;
  const auto acr = [](const Organization& o) {
    return o.acronym.empty() ? acronym_key(o.name) : acronym_key(o.acronym);
  };
  return acr(a) != acr(b);
}

bool conflicts(const Commissioner& a, const Commissioner& b, bool by_id) {
  if (!by_id) return false;
  return names_differ(person_name_key(a.name), person_name_key(b.name)) ||
         names_differ(normalize(a.office.title), normalize(b.office.title));
}

bool conflicts(const Person& a, const Person& b, bool by_id) {
  return by_id && names_differ(person_name_key(a.name), person_name_key(b.name));
}

bool conflicts(const Legislation& a, const Legislation& b, bool by_id) {
  if (identifiers_conflict(a.identifiers, b.identifiers)) return true;
  if (a.jurisdiction && b.jurisdiction &&
      names_differ(lower_ascii(a.jurisdiction->country_code),
                   lower_ascii(b.jurisdiction->country_code))) {
    return true;
  }
  return by_id && names_differ(normalize(a.title), normalize(b.title)) &&
         names_differ(acronym_key(a.acronym), acronym_key(b.acronym));
}

bool conflicts(const Contact& a, const Contact& b, bool by_id) {
  return by_id && names_differ(person_name_key(a.name), person_name_key(b.name));
}

// --- folding one record into another ------------------------------------------------------

using detail::is_optional;
using detail::is_vector;

// Fills what `into` lacks from `from`: empty strings, absent optionals, unspecified enums;
// unites lists; recurses into nested structs. `into`'s values win.
template <class T>
void fill(T& into, T& from) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (into.empty()) into = std::move(from);
  } else if constexpr (std::is_enum_v<T>) {
    if (to_string(into) == "unspecified") into = from;
  } else if constexpr (is_optional<T>::value) {
    if (!into && from) into = std::move(from);
  } else if constexpr (is_vector<T>::value) {
    for (auto& item : from) {
      bool present = false;
      for (const auto& have : into) {
        if (have == item) {
          present = true;
          break;
        }
      }
      if (!present) into.push_back(std::move(item));
    }
  } else if constexpr (std::is_same_v<T, Extensions>) {
    for (auto& entry : from) into.insert(std::move(entry));
  } else if constexpr (is_reflected_v<T> && !std::is_same_v<T, DateTime>) {
    std::vector<void*> members;
    members.reserve(Fields<T>::count);
    for_each_field(from, [&members](const char*, auto& m) { members.push_back(&m); });
    std::size_t i = 0;
    for_each_field(into, [&members, &i](const char*, auto& m) {
      using M = std::remove_reference_t<decltype(m)>;
      fill(m, *static_cast<M*>(members[i++]));
    });
  }
  // numbers: `into` wins
}

// --- rewriting references -----------------------------------------------------------------

struct Rewriter {
  const InputMaps& maps;
  std::size_t& count;

  void id(std::string& value, const IdMap& map) const {
    if (value.empty()) return;
    const auto it = map.find(value);
    if (it != map.end() && it->second != value) {
      value = it->second;
      ++count;
    }
  }
  void ids(std::vector<std::string>& values, const IdMap& map) const {
    for (std::string& v : values) id(v, map);
    std::unordered_set<std::string> seen;
    std::vector<std::string> out;
    for (std::string& v : values) {
      if (v.empty() || seen.insert(v).second) out.push_back(std::move(v));
    }
    values = std::move(out);
  }
  // Any kind of entity: people, organizations, legislation, contacts.
  void any(std::string& value) const {
    for (const IdMap* map : {&maps.person, &maps.org, &maps.leg, &maps.contact}) {
      if (map->count(value)) {
        id(value, *map);
        return;
      }
    }
  }
  // Rewrites the ids of `refs`, then folds refs that now name the same entity into one.
  void refs(std::vector<EntityRef>& refs, const IdMap* map) const {
    for (EntityRef& r : refs) {
      if (map) {
        id(r.id, *map);
      } else {
        any(r.id);
      }
    }
    std::vector<EntityRef> out;
    std::unordered_map<std::string, std::size_t> at;
    for (EntityRef& r : refs) {
      if (!r.id.empty()) {
        const auto found = at.find(r.id);
        if (found != at.end()) {
          fill(out[found->second], r);
          continue;
        }
        at.emplace(r.id, out.size());
      }
      out.push_back(std::move(r));
    }
    refs = std::move(out);
  }

  void feed(Feed& f) const {
    id(f.publisher_id, maps.org);
    refs(f.authors, nullptr);
  }
  void operator()(Organization& o) const {
    id(o.parent_id, maps.org);
    refs(o.member_of, &maps.org);
    ids(o.contact_ids, maps.contact);
  }
  void operator()(Commissioner& c) const {
    id(c.office.organization_id, maps.org);
    refs(c.office.established_by, &maps.leg);
    ids(c.contact_ids, maps.contact);
  }
  void operator()(Person& p) const {
    id(p.organization_id, maps.org);
    ids(p.contact_ids, maps.contact);
  }
  void operator()(Legislation& l) const {
    refs(l.passed_by, &maps.org);
    refs(l.responsible, &maps.org);
    refs(l.transposes, &maps.leg);
    refs(l.changes, &maps.leg);
    refs(l.part_of, &maps.leg);
  }
  void operator()(Contact& c) const { id(c.organization_id, maps.org); }
  void operator()(Article& a) const {
    refs(a.authors, nullptr);
    id(a.publisher_id, maps.org);
    refs(a.organization_refs, &maps.org);
    refs(a.commissioner_refs, &maps.person);
    refs(a.person_refs, &maps.person);
    refs(a.legislation_refs, &maps.leg);
    ids(a.contact_ids, maps.contact);
    for (Statement& s : a.statements) {
      any(s.subject_id);
      any(s.object);
    }
    if (a.source_feed) feed(*a.source_feed);
  }
};

// --- one table of the merged Document -----------------------------------------------------

template <class T>
struct Table {
  std::unordered_map<std::string, std::size_t> by_id;   // id -> row
  std::unordered_map<std::string, std::size_t> by_key;  // key -> row
};

}  // namespace
}  // namespace pressroom::merge_detail

namespace pressroom {
PRESSROOM_ABI_BEGIN

using namespace merge_detail;  // NOLINT(google-build-using-namespace)

std::string normalize_name(std::string_view name) { return merge_detail::normalize(name); }

struct Merger::Impl {
  MergeOptions options;
  MergeStats stats;
  Document doc;
  std::vector<Error> warnings;
  Table<Organization> orgs;
  Table<Commissioner> commissioners;
  Table<Person> people;
  Table<Legislation> legislation;
  Table<Contact> contacts;
  std::unordered_map<std::string, std::size_t> article_ids;
  std::unordered_map<std::string, std::size_t> article_urls;
  bool have_feed = false;

  // True when `id` names a record of the kind of `table` (people and commissioners share).
  template <class T>
  bool taken(const Table<T>& table, const std::string& id) const {
    if constexpr (std::is_same_v<T, Commissioner> || std::is_same_v<T, Person>) {
      return commissioners.by_id.count(id) > 0 || people.by_id.count(id) > 0;
    } else {
      return table.by_id.count(id) > 0;
    }
  }

  // The merged row that `record` is the same entity as, or npos.
  template <class T>
  std::size_t find(Table<T>& table, const std::vector<T>& rows, const T& record,
                   const Keys& keys) const {
    for (const std::string& key : keys.strong) {
      const auto it = table.by_key.find(key);
      if (it != table.by_key.end() && !conflicts(rows[it->second], record, false)) {
        return it->second;
      }
    }
    if (options.match_ids && !record.id.empty()) {
      const auto it = table.by_id.find(record.id);
      if (it != table.by_id.end() && !conflicts(rows[it->second], record, true)) {
        return it->second;
      }
    }
    for (const std::string& key : keys.lookup) {
      const auto it = table.by_key.find(key);
      if (it != table.by_key.end() && !conflicts(rows[it->second], record, false)) {
        return it->second;
      }
    }
    return detail::npos;
  }

  template <class T>
  static void index(Table<T>& table, const Keys& keys, std::size_t row) {
    for (const std::string& key : keys.strong) table.by_key.emplace(key, row);
    for (const std::string& key : keys.reg) table.by_key.emplace(key, row);
  }

  // Places every record of `incoming`: a new row (under a free id) or, when it matches a
  // row, a pending fold into that row (done after the references are rewritten).
  template <class T>
  void place(Table<T>& table, std::vector<T>& rows, std::vector<T>& incoming, IdMap& map,
             const InputMaps& maps, std::vector<std::pair<std::size_t, T>>& pending,
             std::size_t& first_new) {
    first_new = rows.size();
    for (T& record : incoming) {
      const Keys keys = keys_of(record, options, maps);
      const std::size_t row = find(table, rows, record, keys);
      if (row != detail::npos) {
        if (!record.id.empty()) map[record.id] = rows[row].id;
        index(table, keys, row);
        ++stats.merged_entities;
        pending.emplace_back(row, std::move(record));
        continue;
      }
      const std::string local = record.id;
      if (!record.id.empty() && taken(table, record.id)) {
        int n = 2;
        while (taken(table, local + '-' + std::to_string(n))) ++n;
        record.id = local + '-' + std::to_string(n);
        ++stats.renamed_ids;
      }
      if (!local.empty()) map[local] = record.id;
      const std::size_t at = rows.size();
      if (!record.id.empty()) table.by_id.emplace(record.id, at);
      index(table, keys, at);
      rows.push_back(std::move(record));
    }
    incoming.clear();
  }

  template <class T>
  void settle(Table<T>& table, std::vector<T>& rows, std::size_t first_new,
              std::vector<std::pair<std::size_t, T>>& pending, const Rewriter& rewrite) {
    // The row's references are merged ids already: no input's map applies to them.
    static const InputMaps no_maps;
    for (std::size_t i = first_new; i < rows.size(); ++i) rewrite(rows[i]);
    for (auto& [row, record] : pending) {
      rewrite(record);
      record.id = rows[row].id;
      fill(rows[row], record);
      index(table, keys_of(rows[row], options, no_maps), row);
    }
  }

  Error warning(std::string message, std::string path) const {
    Error e;
    e.code = ErrorCode::invalid_value;
    e.severity = Severity::warning;
    e.format = "merge";
    e.message = std::move(message);
    e.path = std::move(path);
    return e;
  }

  std::vector<Error> add(Document in) {
    std::vector<Error> out;
    ++stats.inputs;
    InputMaps maps;
    std::vector<std::pair<std::size_t, Organization>> p_org;
    std::vector<std::pair<std::size_t, Legislation>> p_leg;
    std::vector<std::pair<std::size_t, Commissioner>> p_com;
    std::vector<std::pair<std::size_t, Person>> p_per;
    std::vector<std::pair<std::size_t, Contact>> p_con;
    std::size_t f_org = 0, f_leg = 0, f_com = 0, f_per = 0, f_con = 0;
    // Organizations first: contacts are matched by their (merged) employer.
    place(orgs, doc.organizations, in.organizations, maps.org, maps, p_org, f_org);
    place(legislation, doc.legislation, in.legislation, maps.leg, maps, p_leg, f_leg);
    place(commissioners, doc.commissioners, in.commissioners, maps.person, maps, p_com, f_com);
    place(people, doc.people, in.people, maps.person, maps, p_per, f_per);
    place(contacts, doc.contacts, in.contacts, maps.contact, maps, p_con, f_con);

    const Rewriter rewrite{maps, stats.rewritten_refs};
    settle(orgs, doc.organizations, f_org, p_org, rewrite);
    settle(legislation, doc.legislation, f_leg, p_leg, rewrite);
    settle(commissioners, doc.commissioners, f_com, p_com, rewrite);
    settle(people, doc.people, f_per, p_per, rewrite);
    settle(contacts, doc.contacts, f_con, p_con, rewrite);

    std::size_t index_in_input = 0;
    for (Article& a : in.articles) {
      const std::string path = "articles[" + std::to_string(index_in_input++) + "]";
      rewrite(a);
      const std::string url = a.url.empty() ? std::string() : url_key(a.url);
      std::size_t dup = detail::npos;
      const char* why = "";
      if (!a.id.empty()) {
        const auto it = article_ids.find(a.id);
        if (it != article_ids.end()) {
          const Article& kept = doc.articles[it->second];
          if (url.empty() || kept.url.empty() || url_key(kept.url) == url) {
            dup = it->second;
            why = "id";
          }
        }
      }
      if (dup == detail::npos && !url.empty()) {
        const auto it = article_urls.find(url);
        if (it != article_urls.end()) {
          dup = it->second;
          why = "URL";
        }
      }
      if (dup != detail::npos) {
        const std::string& kept = doc.articles[dup].id;
        out.push_back(warning("duplicate article " + detail::quote(a.id) + " (same " + why +
                                  " as " + detail::quote(kept) + "); keeping the first",
                              path));
        if (!a.id.empty()) maps.article[a.id] = kept;
        ++stats.dropped_articles;
        continue;
      }
      if (!a.id.empty() && article_ids.count(a.id)) {
        const std::string local = a.id;
        int n = 2;
        while (article_ids.count(local + '-' + std::to_string(n))) ++n;
        a.id = local + '-' + std::to_string(n);
        maps.article[local] = a.id;
        ++stats.renamed_ids;
      }
      const std::size_t at = doc.articles.size();
      if (!a.id.empty()) article_ids.emplace(a.id, at);
      if (!url.empty()) article_urls.emplace(url, at);
      doc.articles.push_back(std::move(a));
    }

    if (!in.feed.empty()) {
      rewrite.feed(in.feed);
      if (!have_feed) {
        doc.feed = std::move(in.feed);
        have_feed = true;
      } else {
        fill(doc.feed, in.feed);
      }
    }
    for (auto& entry : in.extensions) doc.extensions.insert(std::move(entry));
    warnings.insert(warnings.end(), out.begin(), out.end());
    return out;
  }
};

Merger::Merger(MergeOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
Merger::Merger(Merger&&) noexcept = default;
Merger& Merger::operator=(Merger&&) noexcept = default;
Merger::~Merger() = default;

std::vector<Error> Merger::add(Document document) { return impl_->add(std::move(document)); }

const Document& Merger::document() const noexcept { return impl_->doc; }

const MergeStats& Merger::stats() const noexcept { return impl_->stats; }

Result<Document> Merger::finish() {
  Result<Document> result(std::move(impl_->doc));
  result.warnings() = std::move(impl_->warnings);
  const MergeOptions options = impl_->options;
  impl_ = std::make_unique<Impl>();
  impl_->options = options;
  return result;
}

Result<Document> merge(std::vector<Document> documents, const MergeOptions& options) {
  return detail::guard_memory("merge", "merging", [&]() -> Result<Document> {
    Merger merger(options);
    for (Document& d : documents) (void)merger.add(std::move(d));
    return merger.finish();
  });
}

PRESSROOM_ABI_END
}  // namespace pressroom
