// SPDX-License-Identifier: MIT
#include "pressroom/model/validate.hpp"

#include <string>
#include <unordered_set>

#include "detail/text.hpp"
#include "detail/traits.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

namespace {

using detail::is_optional;
using detail::is_vector;

class Checker {
 public:
  explicit Checker(const Document& doc) : doc_(doc) {
    for (const auto& o : doc.organizations) organizations_.insert(o.id);
    for (const auto& c : doc.commissioners) persons_.insert(c.id);
    for (const auto& p : doc.people) persons_.insert(p.id);
    for (const auto& l : doc.legislation) legislation_.insert(l.id);
    for (const auto& c : doc.contacts) contacts_.insert(c.id);
    all_ = organizations_;
    all_.insert(persons_.begin(), persons_.end());
    all_.insert(legislation_.begin(), legislation_.end());
    all_.insert(contacts_.begin(), contacts_.end());
  }

  std::vector<Error> run() {
    check_feed();
    unique_ids("articles", doc_.articles);
    unique_ids("organizations", doc_.organizations);
    unique_ids("legislation", doc_.legislation);
    unique_ids("contacts", doc_.contacts);
    {
      // Commissioners and people share the person: namespace.
      std::unordered_set<std::string> seen;
      for (std::size_t i = 0; i < doc_.commissioners.size(); ++i)
        unique_id(seen, "commissioners", i, doc_.commissioners[i].id);
      for (std::size_t i = 0; i < doc_.people.size(); ++i)
        unique_id(seen, "people", i, doc_.people[i].id);
    }
    for (std::size_t i = 0; i < doc_.articles.size(); ++i)
      check(at("articles", i), doc_.articles[i]);
    for (std::size_t i = 0; i < doc_.organizations.size(); ++i)
      check(at("organizations", i), doc_.organizations[i]);
    for (std::size_t i = 0; i < doc_.commissioners.size(); ++i)
      check(at("commissioners", i), doc_.commissioners[i]);
    for (std::size_t i = 0; i < doc_.people.size(); ++i) check(at("people", i), doc_.people[i]);
    for (std::size_t i = 0; i < doc_.legislation.size(); ++i)
      check(at("legislation", i), doc_.legislation[i]);
    for (std::size_t i = 0; i < doc_.contacts.size(); ++i)
      check(at("contacts", i), doc_.contacts[i]);
    return std::move(errors_);
  }

 private:
  static std::string at(const char* table, std::size_t i) {
    return std::string(table) + "[" + std::to_string(i) + "]";
  }

  void add(ErrorCode code, std::string path, std::string message) {
    Error e;
    e.code = code;
    e.format = "model";
    e.path = std::move(path);
    e.message = std::move(message);
    errors_.push_back(std::move(e));
  }

  template <class T>
  void unique_ids(const char* table, const std::vector<T>& rows) {
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) unique_id(seen, table, i, rows[i].id);
  }
  void unique_id(std::unordered_set<std::string>& seen, const char* table, std::size_t i,
                 const std::string& id) {
    const std::string path = at(table, i) + ".id";
    if (id.empty()) {
      add(ErrorCode::missing_field, path, "id is required");
    } else if (!seen.insert(id).second) {
      add(ErrorCode::invalid_value, path, "duplicate id " + detail::quote(id));
    }
  }

  void required(const std::string& path, const std::string& value, const char* what) {
    if (value.empty()) add(ErrorCode::missing_field, path, std::string(what) + " is required");
  }

  void ref(const std::string& path, const std::string& id,
           const std::unordered_set<std::string>& table, const char* what) {
    if (!id.empty() && table.count(id) == 0)
      add(ErrorCode::invalid_value, path,
          "dangling reference " + detail::quote(id) + ": no " + what + " has this id");
  }
  void refs(const std::string& path, const std::vector<std::string>& ids,
            const std::unordered_set<std::string>& table, const char* what) {
    for (std::size_t i = 0; i < ids.size(); ++i)
      ref(path + "[" + std::to_string(i) + "]", ids[i], table, what);
  }
  void entity_refs(const std::string& path, const std::vector<EntityRef>& rs,
                   const std::unordered_set<std::string>& table, const char* what) {
    for (std::size_t i = 0; i < rs.size(); ++i) {
      const std::string p = path + "[" + std::to_string(i) + "]";
      if (rs[i].id.empty() && rs[i].name.empty())
        add(ErrorCode::missing_field, p, "a reference needs an id or a name");
      ref(p + ".id", rs[i].id, table, what);
    }
  }

  // Walks every field; checks dates, links, media, phones and e-mails wherever they occur.
  template <class T>
  void values(const std::string& path, const T& v) {
    if constexpr (std::is_same_v<T, DateTime>) {
      if (!is_valid(v))
        add(ErrorCode::invalid_value, path, "impossible date " + detail::quote(to_string(v)));
    } else if constexpr (std::is_same_v<T, Link>) {
      required(path + ".href", v.href, "href");
    } else if constexpr (std::is_same_v<T, Media>) {
      required(path + ".url", v.url, "url");
    } else if constexpr (std::is_same_v<T, PhoneNumber>) {
      required(path + ".raw", v.raw, "raw");
    } else if constexpr (std::is_same_v<T, Email>) {
      required(path + ".address", v.address, "address");
    } else if constexpr (std::is_same_v<T, Category>) {
      required(path + ".term", v.term, "term");
    } else if constexpr (std::is_same_v<T, Location>) {
      required(path + ".name", v.name, "name");
    } else if constexpr (std::is_same_v<T, Dateline>) {
      required(path + ".raw", v.raw, "raw");
      if (v.date) values(path + ".date", *v.date);
      if (v.location) values(path + ".location", *v.location);
    }
    if constexpr (is_reflected_v<T> && !std::is_same_v<T, DateTime> &&
                  !std::is_same_v<T, Dateline>) {
      for_each_field(
          v, [&](const char* name, const auto& field) { member(path + "." + name, field); });
    }
  }
  template <class F>
  void member(const std::string& path, const F& f) {
    if constexpr (is_reflected_v<F>) {
      values(path, f);
    } else if constexpr (is_optional<F>::value) {
      if (f) member(path, *f);
    } else if constexpr (is_vector<F>::value) {
      for (std::size_t i = 0; i < f.size(); ++i) member(path + "[" + std::to_string(i) + "]", f[i]);
    }
  }

  void check_feed() {
    ref("feed.publisher_id", doc_.feed.publisher_id, organizations_, "organization");
    entity_refs("feed.authors", doc_.feed.authors, all_, "entity");
    values("feed", doc_.feed);
  }

  void check(const std::string& p, const Article& a) {
    required(p + ".headline", a.headline, "headline");
    ref(p + ".publisher_id", a.publisher_id, organizations_, "organization");
    entity_refs(p + ".authors", a.authors, all_, "entity");
    entity_refs(p + ".organization_refs", a.organization_refs, organizations_, "organization");
    entity_refs(p + ".commissioner_refs", a.commissioner_refs, persons_, "commissioner");
    entity_refs(p + ".person_refs", a.person_refs, persons_, "person");
    entity_refs(p + ".legislation_refs", a.legislation_refs, legislation_, "legislation");
    refs(p + ".contact_ids", a.contact_ids, contacts_, "contact");
    for (std::size_t i = 0; i < a.statements.size(); ++i) {
      const Statement& s = a.statements[i];
      const std::string sp = p + ".statements[" + std::to_string(i) + "]";
      ref(sp + ".subject_id", s.subject_id, all_, "entity");
      if (s.paragraph_index &&
          (*s.paragraph_index < 0 || static_cast<std::size_t>(*s.paragraph_index) >= a.body.size()))
        add(ErrorCode::invalid_value, sp + ".paragraph_index",
            "paragraph index " + std::to_string(*s.paragraph_index) + " is outside the body");
    }
    values(p, a);
  }
  void check(const std::string& p, const Organization& o) {
    required(p + ".name", o.name, "name");
    ref(p + ".parent_id", o.parent_id, organizations_, "organization");
    if (!o.parent_id.empty() && o.parent_id == o.id)
      add(ErrorCode::invalid_value, p + ".parent_id", "an organization cannot be its own parent");
    entity_refs(p + ".member_of", o.member_of, organizations_, "organization");
    refs(p + ".contact_ids", o.contact_ids, contacts_, "contact");
    values(p, o);
  }
  void check(const std::string& p, const Commissioner& c) {
    required(p + ".office.title", c.office.title, "office title");
    ref(p + ".office.organization_id", c.office.organization_id, organizations_, "organization");
    entity_refs(p + ".office.established_by", c.office.established_by, legislation_, "legislation");
    refs(p + ".contact_ids", c.contact_ids, contacts_, "contact");
    values(p, c);
  }
  void check(const std::string& p, const Person& x) {
    if (x.name.full.empty()) add(ErrorCode::missing_field, p + ".name.full", "name is required");
    ref(p + ".organization_id", x.organization_id, organizations_, "organization");
    refs(p + ".contact_ids", x.contact_ids, contacts_, "contact");
    values(p, x);
  }
  void check(const std::string& p, const Legislation& l) {
    required(p + ".title", l.title, "title");
    entity_refs(p + ".passed_by", l.passed_by, organizations_, "organization");
    entity_refs(p + ".responsible", l.responsible, organizations_, "organization");
    entity_refs(p + ".transposes", l.transposes, legislation_, "legislation");
    entity_refs(p + ".changes", l.changes, legislation_, "legislation");
    entity_refs(p + ".part_of", l.part_of, legislation_, "legislation");
    values(p, l);
  }
  void check(const std::string& p, const Contact& c) {
    if (c.name.full.empty() && c.organization_name.empty() && c.unit.empty())
      add(ErrorCode::missing_field, p + ".name",
          "a contact needs a name, an organization name or a unit");
    ref(p + ".organization_id", c.organization_id, organizations_, "organization");
    values(p, c);
  }

  const Document& doc_;
  std::unordered_set<std::string> organizations_, persons_, legislation_, contacts_, all_;
  std::vector<Error> errors_;
};

}  // namespace

std::vector<Error> validate(const Document& doc) { return Checker(doc).run(); }

PRESSROOM_ABI_END
}  // namespace pressroom
