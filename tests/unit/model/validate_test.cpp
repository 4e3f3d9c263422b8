// SPDX-License-Identifier: MIT
// validate(): duplicate ids, dangling references of every kind, missing required fields and
// impossible dates, each reported once with its exact model path.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "pressroom/model/validate.hpp"
#include "support/random_document.hpp"

namespace {
using namespace pressroom;

std::string describe(const std::vector<Error>& errors) {
  std::string s;
  for (const Error& e : errors) s += "\n  " + to_string(e);
  return s;
}

TEST(Validate, IomDocumentIsValid) {
  const std::vector<Error> errors = validate(test::iom_document());
  EXPECT_TRUE(errors.empty()) << describe(errors);
}

TEST(Validate, EmptyDocumentIsValid) { EXPECT_TRUE(validate(Document{}).empty()); }

TEST(Validate, FullDocumentIsValid) {
  const std::vector<Error> errors = validate(test::full_document());
  EXPECT_TRUE(errors.empty()) << describe(errors);
}

struct Case {
  const char* name;
  std::function<void(Document&)> mutate;
  const char* path;
  ErrorCode code;
};

Link link(std::string href) {
  Link l;
  l.href = std::move(href);
  return l;
}
EntityRef ref(std::string id) {
  EntityRef r;
  r.id = std::move(id);
  return r;
}

const std::vector<Case>& cases() {
  using C = ErrorCode;
  static const std::vector<Case> all = {
      // Ids.
      {"missing article id", [](Document& d) { d.articles[0].id.clear(); }, "articles[0].id",
       C::missing_field},
      {"duplicate article id", [](Document& d) { d.articles.push_back(d.articles[0]); },
       "articles[1].id", C::invalid_value},
      {"duplicate organization id",
       [](Document& d) { d.organizations.push_back(d.organizations[2]); }, "organizations[4].id",
       C::invalid_value},
      {"commissioner and person share an id",
       [](Document& d) {
         Person p;
         p.id = "person:kevin-hyland";
         p.name.full = "Kevin Hyland";
         d.people.push_back(p);
       },
       "people[0].id", C::invalid_value},
      {"duplicate legislation id", [](Document& d) { d.legislation.push_back(d.legislation[0]); },
       "legislation[1].id", C::invalid_value},
      {"duplicate contact id", [](Document& d) { d.contacts.push_back(d.contacts[0]); },
       "contacts[1].id", C::invalid_value},
      {"missing organization id",
       [](Document& d) {
         Organization o;
         o.name = "Home Office";
         d.organizations.push_back(o);
       },
       "organizations[4].id", C::missing_field},
      // Dangling references.
      {"feed publisher", [](Document& d) { d.feed.publisher_id = "org:nobody"; },
       "feed.publisher_id", C::invalid_value},
      {"feed author", [](Document& d) { d.feed.authors = {ref("person:nobody")}; },
       "feed.authors[0].id", C::invalid_value},
      {"article publisher", [](Document& d) { d.articles[0].publisher_id = "org:nobody"; },
       "articles[0].publisher_id", C::invalid_value},
      {"article author", [](Document& d) { d.articles[0].authors = {ref("person:nobody")}; },
       "articles[0].authors[0].id", C::invalid_value},
      {"organization ref", [](Document& d) { d.articles[0].organization_refs[2].id = "org:x"; },
       "articles[0].organization_refs[2].id", C::invalid_value},
      {"organization ref to a person",
       [](Document& d) { d.articles[0].organization_refs[1].id = "person:kevin-hyland"; },
       "articles[0].organization_refs[1].id", C::invalid_value},
      {"commissioner ref", [](Document& d) { d.articles[0].commissioner_refs[0].id = "person:x"; },
       "articles[0].commissioner_refs[0].id", C::invalid_value},
      {"person ref", [](Document& d) { d.articles[0].person_refs = {ref("org:iom")}; },
       "articles[0].person_refs[0].id", C::invalid_value},
      {"legislation ref", [](Document& d) { d.articles[0].legislation_refs[0].id = "leg:x"; },
       "articles[0].legislation_refs[0].id", C::invalid_value},
      {"article contact id",
       [](Document& d) { d.articles[0].contact_ids.push_back("contact:nobody"); },
       "articles[0].contact_ids[1]", C::invalid_value},
      {"statement subject", [](Document& d) { d.articles[0].statements[1].subject_id = "org:x"; },
       "articles[0].statements[1].subject_id", C::invalid_value},
      {"statement paragraph index",
       [](Document& d) { d.articles[0].statements[0].paragraph_index = 9; },
       "articles[0].statements[0].paragraph_index", C::invalid_value},
      {"negative paragraph index",
       [](Document& d) { d.articles[0].statements[0].paragraph_index = -1; },
       "articles[0].statements[0].paragraph_index", C::invalid_value},
      {"organization parent", [](Document& d) { d.organizations[1].parent_id = "org:nobody"; },
       "organizations[1].parent_id", C::invalid_value},
      {"organization is its own parent",
       [](Document& d) { d.organizations[1].parent_id = "org:iom-uk"; },
       "organizations[1].parent_id", C::invalid_value},
      {"organization member_of", [](Document& d) { d.organizations[0].member_of[0].id = "org:un"; },
       "organizations[0].member_of[0].id", C::invalid_value},
      {"organization contact", [](Document& d) { d.organizations[0].contact_ids = {"contact:x"}; },
       "organizations[0].contact_ids[0]", C::invalid_value},
      {"office organization",
       [](Document& d) { d.commissioners[0].office.organization_id = "org:home-office"; },
       "commissioners[0].office.organization_id", C::invalid_value},
      {"office established_by",
       [](Document& d) { d.commissioners[0].office.established_by[0].id = "leg:x"; },
       "commissioners[0].office.established_by[0].id", C::invalid_value},
      {"commissioner contact", [](Document& d) { d.commissioners[0].contact_ids = {"contact:x"}; },
       "commissioners[0].contact_ids[0]", C::invalid_value},
      {"person organization",
       [](Document& d) {
         Person p;
         p.id = "person:x";
         p.name.full = "X";
         p.organization_id = "org:x";
         d.people.push_back(p);
       },
       "people[0].organization_id", C::invalid_value},
      {"person contact",
       [](Document& d) {
         Person p;
         p.id = "person:x";
         p.name.full = "X";
         p.contact_ids = {"contact:annie-morris", "contact:x"};
         d.people.push_back(p);
       },
       "people[0].contact_ids[1]", C::invalid_value},
      {"legislation passed_by", [](Document& d) { d.legislation[0].passed_by[0].id = "org:x"; },
       "legislation[0].passed_by[0].id", C::invalid_value},
      {"legislation responsible",
       [](Document& d) { d.legislation[0].responsible = {ref("org:x")}; },
       "legislation[0].responsible[0].id", C::invalid_value},
      {"legislation transposes", [](Document& d) { d.legislation[0].transposes = {ref("leg:x")}; },
       "legislation[0].transposes[0].id", C::invalid_value},
      {"legislation changes", [](Document& d) { d.legislation[0].changes = {ref("org:iom")}; },
       "legislation[0].changes[0].id", C::invalid_value},
      {"legislation part_of", [](Document& d) { d.legislation[0].part_of = {ref("leg:x")}; },
       "legislation[0].part_of[0].id", C::invalid_value},
      {"contact organization", [](Document& d) { d.contacts[0].organization_id = "org:x"; },
       "contacts[0].organization_id", C::invalid_value},
      // Required fields.
      {"headline", [](Document& d) { d.articles[0].headline.clear(); }, "articles[0].headline",
       C::missing_field},
      {"organization name", [](Document& d) { d.organizations[2].name.clear(); },
       "organizations[2].name", C::missing_field},
      {"office title", [](Document& d) { d.commissioners[0].office.title.clear(); },
       "commissioners[0].office.title", C::missing_field},
      {"legislation title", [](Document& d) { d.legislation[0].title.clear(); },
       "legislation[0].title", C::missing_field},
      {"person name",
       [](Document& d) {
         Person p;
         p.id = "person:x";
         d.people.push_back(p);
       },
       "people[0].name.full", C::missing_field},
      {"contact name",
       [](Document& d) {
         d.contacts[0].name = {};
         d.contacts[0].organization_name.clear();
       },
       "contacts[0].name", C::missing_field},
      {"entity ref without id or name",
       [](Document& d) { d.articles[0].organization_refs[3].id.clear(); },
       "articles[0].organization_refs[3]", C::missing_field},
      {"link href",
       [](Document& d) {
         d.articles[0].links = {link("https://x.org/"), link("")};
       },
       "articles[0].links[1].href", C::missing_field},
      {"contact url href", [](Document& d) { d.contacts[0].urls = {link("")}; },
       "contacts[0].urls[0].href", C::missing_field},
      {"article source href", [](Document& d) { d.articles[0].source = Link{}; },
       "articles[0].source.href", C::missing_field},
      {"media url", [](Document& d) { d.articles[0].media = {Media{}}; },
       "articles[0].media[0].url", C::missing_field},
      {"organization logo url", [](Document& d) { d.organizations[0].logo = Media{}; },
       "organizations[0].logo.url", C::missing_field},
      {"phone raw", [](Document& d) { d.contacts[0].phones[0].raw.clear(); },
       "contacts[0].phones[0].raw", C::missing_field},
      {"email address", [](Document& d) { d.contacts[0].emails[0].address.clear(); },
       "contacts[0].emails[0].address", C::missing_field},
      {"category term", [](Document& d) { d.feed.categories = {Category{}}; },
       "feed.categories[0].term", C::missing_field},
      {"location name", [](Document& d) { d.organizations[1].area_served[0].name.clear(); },
       "organizations[1].area_served[0].name", C::missing_field},
      {"dateline location name",
       [](Document& d) { d.articles[0].dateline->location->name.clear(); },
       "articles[0].dateline.location.name", C::missing_field},
      {"dateline raw", [](Document& d) { d.articles[0].dateline->raw.clear(); },
       "articles[0].dateline.raw", C::missing_field},
      // Impossible dates.
      {"30 February",
       [](Document& d) {
         d.articles[0].date_published = DateTime{2023, 2, 30};
       },
       "articles[0].date_published", C::invalid_value},
      {"29 February of a common year",
       [](Document& d) {
         d.legislation[0].date = DateTime{2015, 2, 29};
       },
       "legislation[0].date", C::invalid_value},
      {"month 13",
       [](Document& d) {
         d.organizations[0].founding_date = DateTime{1951, 13};
       },
       "organizations[0].founding_date", C::invalid_value},
      {"year 0", [](Document& d) { d.feed.updated = DateTime{0}; }, "feed.updated",
       C::invalid_value},
      {"hour 24",
       [](Document& d) {
         d.articles[0].date_modified = DateTime{2024, 3, 12, 24, 0};
       },
       "articles[0].date_modified", C::invalid_value},
      {"minute without hour",
       [](Document& d) {
         DateTime t{2024, 3, 12};
         t.minute = 5;
         d.commissioners[0].term.start = t;
       },
       "commissioners[0].term.start", C::invalid_value},
      {"offset without time",
       [](Document& d) {
         DateTime t{2024, 3, 12};
         t.utc_offset_minutes = 60;
         d.articles[0].embargoed_until = t;
       },
       "articles[0].embargoed_until", C::invalid_value},
      {"dateline date",
       [](Document& d) {
         d.articles[0].dateline->date = DateTime{2024, 4, 31};
       },
       "articles[0].dateline.date", C::invalid_value},
      {"statement since", [](Document& d) { d.articles[0].statements[1].since = DateTime{10000}; },
       "articles[0].statements[1].since", C::invalid_value},
      {"bad zone name",
       [](Document& d) {
         DateTime t{2024, 3, 12, 9, 30};
         t.zone = "Europe Zurich";
         d.legislation[0].date_in_force = t;
       },
       "legislation[0].date_in_force", C::invalid_value},
  };
  return all;
}

TEST(Validate, ReportsEachProblemOnceWithItsPath) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    Document d = test::iom_document();
    c.mutate(d);
    const std::vector<Error> errors = validate(d);
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    const Error& e = errors[0];
    EXPECT_EQ(e.path, c.path) << to_string(e);
    EXPECT_EQ(e.code, c.code) << to_string(e);
    EXPECT_EQ(e.format, "model");
    EXPECT_EQ(e.severity, Severity::error);
    EXPECT_EQ(e.line, 0u);
    EXPECT_FALSE(e.message.empty());
    EXPECT_NE(e.message.back(), '.') << "messages have no final period";
  }
}

TEST(Validate, DanglingReferenceMessageNamesTheId) {
  Document d = test::iom_document();
  d.articles[0].publisher_id = "org:nobody";
  const std::vector<Error> errors = validate(d);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("'org:nobody'"), std::string::npos) << errors[0].message;
}

TEST(Validate, ReportsEveryProblemNotOnlyTheFirst) {
  Document d = test::iom_document();
  d.articles[0].headline.clear();
  d.articles[0].publisher_id = "org:nobody";
  d.contacts[0].organization_id = "org:nobody";
  d.legislation[0].date = DateTime{2015, 2, 30};
  EXPECT_EQ(validate(d).size(), 4u) << describe(validate(d));
}

TEST(Validate, AcceptsReferencesByNameOnly) {
  Document d = test::iom_document();
  EntityRef r;
  r.name = "Home Office";
  d.articles[0].organization_refs.push_back(r);
  EXPECT_TRUE(validate(d).empty()) << describe(validate(d));
}

TEST(Validate, AcceptsLeapDayAndLeapSecond) {
  Document d = test::iom_document();
  d.articles[0].date_published = parse_date_time("2016-12-31T23:59:60Z");
  d.legislation[0].date = DateTime{2024, 2, 29};
  EXPECT_TRUE(validate(d).empty()) << describe(validate(d));
}

}  // namespace
