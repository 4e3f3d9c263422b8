// SPDX-License-Identifier: MIT
// Enum names, Result<T>, Error formatting, add_record and the find_* lookups.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

#include "pressroom/error.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/result.hpp"
#include "support/random_document.hpp"

namespace {
using namespace pressroom;

// ---- enums ----

template <class E>
void check_enum(E last) {
  SCOPED_TRACE(std::string(to_string(last)));
  constexpr auto& names = EnumNames<E>::names;
  // The last enumerator is the last name: the table covers the whole enum.
  EXPECT_EQ(static_cast<std::size_t>(last) + 1, names.size());
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const E e = static_cast<E>(i);
    EXPECT_EQ(to_string(e), names[i]);
    EXPECT_EQ(enum_from_string<E>(to_string(e)), e) << names[i];
    EXPECT_TRUE(seen.insert(names[i]).second) << "duplicate name " << names[i];
    for (const char c : names[i]) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << names[i];
    // Exact, case-sensitive match only.
    std::string upper(names[i]);
    upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
    EXPECT_FALSE(enum_from_string<E>(upper).has_value()) << upper;
    EXPECT_FALSE(enum_from_string<E>(std::string(names[i]) + " ").has_value());
  }
  EXPECT_EQ(to_string(static_cast<E>(names.size())), "");
  EXPECT_FALSE(enum_from_string<E>("").has_value());
  EXPECT_FALSE(enum_from_string<E>("no_such_value").has_value());
}

TEST(Enums, EveryEnumeratorRoundTrips) {
  check_enum(Precision::fraction);
  check_enum(MediaRole::other);
  check_enum(CategoryKind::other);
  check_enum(Comparator::approx);
  check_enum(BlockType::quote);
  check_enum(PhoneKind::other);
  check_enum(EmailKind::other);
  check_enum(OrganizationKind::other);
  check_enum(OfficeKind::other);
  check_enum(TermStatus::other);
  check_enum(LegalForce::other);
  check_enum(ContactKind::org);
  check_enum(ArticleKind::other);
}

TEST(Enums, NamesMatchModelMd) {
  EXPECT_EQ(to_string(ArticleKind::press_release), "press_release");
  EXPECT_EQ(to_string(ArticleKind::briefing_note), "briefing_note");
  EXPECT_EQ(to_string(OrganizationKind::national_human_rights_institution),
            "national_human_rights_institution");
  EXPECT_EQ(to_string(Comparator::gt), "gt");
  EXPECT_EQ(to_string(PhoneKind::toll_free), "toll_free");
  EXPECT_EQ(to_string(LegalForce::partially_in_force), "partially_in_force");
  EXPECT_EQ(enum_from_string<OfficeKind>("sole_office"), OfficeKind::sole_office);
  EXPECT_EQ(enum_from_string<BlockType>("list_item"), BlockType::list_item);
  static_assert(to_string(TermStatus::acting) == "acting");
  static_assert(*enum_from_string<ContactKind>("org") == ContactKind::org);
}

// ---- errors ----

Error sample_error() {
  Error e;
  e.code = ErrorCode::invalid_value;
  e.severity = Severity::warning;
  e.format = "rss";
  e.line = 12;
  e.column = 7;
  e.offset = 345;
  e.path = "articles[0].date_published";
  e.message = "bad date 'x'";
  return e;
}

TEST(Error, ToStringHasPositionSeverityMessagePathAndCode) {
  EXPECT_EQ(to_string(sample_error()),
            "12:7: warning: bad date 'x' (at articles[0].date_published) [rss/invalid_value]");
}

TEST(Error, ToStringOmitsUnknownPositionAndEmptyPath) {
  Error e;
  e.message = "unexpected end of input";
  EXPECT_EQ(to_string(e), "error: unexpected end of input [pressroom/syntax]");
  e.format = "json";
  e.line = 1;
  e.column = 1;
  EXPECT_EQ(to_string(e), "1:1: error: unexpected end of input [json/syntax]");
}

TEST(Error, PrintableEscapesControlsAndInvalidUtf8) {
  EXPECT_EQ(printable("plain text, \xC3\xA9t\xC3\xA9 \xE2\x82\xAC"),
            "plain text, \xC3\xA9t\xC3\xA9 \xE2\x82\xAC");
  EXPECT_EQ(printable("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(printable(std::string_view("\x1b[31m\x07\x7f\0x", 9)), "\\x1b[31m\\x07\\x7f\\x00x");
  EXPECT_EQ(printable("\xC2\x9B\xC2\x85"), "\\u009b\\u0085");  // C1 controls
  EXPECT_EQ(printable("\xFF\xC3(\xED\xA0\x80"), "\\xff\\xc3(\\xed\\xa0\\x80");
}

TEST(Error, ToStringEscapesMessagePathAndFormat) {
  Error e;
  e.format = "x\ny";
  e.message = "bad name 'a\nfile.json:1:1: error: forged'";
  e.path = "extensions.k\x1b]0;t\x07";
  EXPECT_EQ(to_string(e),
            "error: bad name 'a\\nfile.json:1:1: error: forged' (at extensions.k\\x1b]0;t\\x07) "
            "[x\\ny/syntax]");
}

TEST(Error, CodeAndSeverityNames) {
  EXPECT_EQ(to_string(ErrorCode::syntax), "syntax");
  EXPECT_EQ(to_string(ErrorCode::not_this_format), "not_this_format");
  EXPECT_EQ(to_string(ErrorCode::missing_field), "missing_field");
  EXPECT_EQ(to_string(ErrorCode::invalid_value), "invalid_value");
  EXPECT_EQ(to_string(ErrorCode::unsupported), "unsupported");
  EXPECT_EQ(to_string(ErrorCode::limit_exceeded), "limit_exceeded");
  EXPECT_EQ(to_string(ErrorCode::io), "io");
  EXPECT_EQ(to_string(Severity::warning), "warning");
  EXPECT_EQ(to_string(Severity::error), "error");
}

TEST(Error, ExceptionCarriesTheErrorAndItsText) {
  const Exception ex(sample_error());
  EXPECT_EQ(ex.error(), sample_error());
  EXPECT_EQ(std::string(ex.what()), to_string(sample_error()));
}

TEST(Error, EqualityComparesEveryField) {
  const Error a = sample_error();
  Error b = a;
  EXPECT_EQ(a, b);
  b.offset = 0;
  EXPECT_NE(a, b);
  b = a;
  b.path.clear();
  EXPECT_NE(a, b);
}

// ---- Result ----

TEST(Result, HoldsAValue) {
  Result<std::string> r(std::string("text"));
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(static_cast<bool>(r));
  EXPECT_EQ(r.value(), "text");
  EXPECT_EQ(*r, "text");
  EXPECT_EQ(r->size(), 4u);
  EXPECT_EQ(r.value_or("other"), "text");
  EXPECT_TRUE(r.warnings().empty());
  r.value() += "!";
  EXPECT_EQ(*r, "text!");
  const std::string moved = std::move(r).value();
  EXPECT_EQ(moved, "text!");
}

TEST(Result, HoldsAnErrorAndThrowsOnValue) {
  Result<int> r(sample_error());
  ASSERT_FALSE(r.has_value());
  EXPECT_FALSE(static_cast<bool>(r));
  // An error is always an error, whatever severity it was built with.
  EXPECT_EQ(r.error().severity, Severity::error);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_value);
  EXPECT_EQ(r.value_or(5), 5);
  try {
    (void)r.value();
    ADD_FAILURE() << "value() did not throw";
  } catch (const Exception& ex) {
    EXPECT_EQ(ex.error(), r.error());
    EXPECT_EQ(std::string(ex.what()),
              "12:7: error: bad date 'x' (at articles[0].date_published) [rss/invalid_value]");
  }
  const Result<int>& cr = r;
  EXPECT_THROW((void)cr.value(), Exception);
  EXPECT_THROW((void)std::move(r).value(), Exception);
}

TEST(Result, CarriesWarningsEitherWay) {
  Result<int> ok(3);
  ok.warnings().push_back(sample_error());
  ASSERT_EQ(ok.warnings().size(), 1u);
  EXPECT_EQ(ok.warnings()[0].severity, Severity::warning);
  EXPECT_EQ(ok.value(), 3);

  Result<int> bad(Error{});
  bad.warnings().push_back(sample_error());
  bad.warnings().push_back(sample_error());
  EXPECT_EQ(bad.warnings().size(), 2u);
}

TEST(Result, StatusIsResultOfVoid) {
  Status ok;
  EXPECT_TRUE(ok.has_value());
  EXPECT_NO_THROW(ok.value());
  Status bad(sample_error());
  EXPECT_FALSE(bad);
  EXPECT_EQ(bad.error().severity, Severity::error);
  EXPECT_THROW(bad.value(), Exception);
  bad.warnings().push_back(sample_error());
  EXPECT_EQ(bad.warnings().size(), 1u);
}

// ---- records ----

TEST(Document, AddRecordAppendsToTheRightTable) {
  Document d;
  Feed f;
  f.title = "News";
  add_record(d, f);
  Article a;
  a.id = "art:a";
  add_record(d, a);
  Organization o;
  o.id = "org:o";
  add_record(d, o);
  Commissioner c;
  c.id = "person:c";
  add_record(d, c);
  Person p;
  p.id = "person:p";
  add_record(d, p);
  Legislation l;
  l.id = "leg:l";
  add_record(d, l);
  Contact k;
  k.id = "contact:k";
  add_record(d, k);
  a.id = "art:b";
  add_record(d, a);

  EXPECT_EQ(d.feed.title, "News");
  ASSERT_EQ(d.articles.size(), 2u);
  EXPECT_EQ(d.articles[0].id, "art:a");
  EXPECT_EQ(d.articles[1].id, "art:b");
  ASSERT_EQ(d.organizations.size(), 1u);
  ASSERT_EQ(d.commissioners.size(), 1u);
  ASSERT_EQ(d.people.size(), 1u);
  ASSERT_EQ(d.legislation.size(), 1u);
  ASSERT_EQ(d.contacts.size(), 1u);
  EXPECT_EQ(d.contacts[0].id, "contact:k");

  // A second feed record replaces the first.
  Feed g;
  g.id = "urn:feed";
  add_record(d, g);
  EXPECT_EQ(d.feed, g);
}

TEST(Document, AddRecordsRebuildsADocument) {
  const Document src = test::iom_document();
  Document d;
  for (const Article& a : src.articles) add_record(d, a);
  for (const Organization& o : src.organizations) add_record(d, o);
  for (const Commissioner& c : src.commissioners) add_record(d, c);
  for (const Person& p : src.people) add_record(d, p);
  for (const Legislation& l : src.legislation) add_record(d, l);
  for (const Contact& c : src.contacts) add_record(d, c);
  EXPECT_EQ(d, src);
}

TEST(Document, FindByIdInEachTable) {
  const Document d = test::iom_document();
  const Organization* o = find_organization(d, "org:iom-uk");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o, &d.organizations[1]);
  EXPECT_EQ(o->name, "IOM UK");
  ASSERT_NE(find_commissioner(d, "person:kevin-hyland"), nullptr);
  EXPECT_EQ(find_commissioner(d, "person:kevin-hyland")->office.acronym, "IASC");
  ASSERT_NE(find_legislation(d, "leg:ukpga-2015-30"), nullptr);
  EXPECT_EQ(find_legislation(d, "leg:ukpga-2015-30")->year, 2015);
  ASSERT_NE(find_contact(d, "contact:annie-morris"), nullptr);

  // Each lookup searches its own table only.
  EXPECT_EQ(find_person(d, "person:kevin-hyland"), nullptr);
  EXPECT_EQ(find_organization(d, "person:kevin-hyland"), nullptr);
  EXPECT_EQ(find_contact(d, "org:iom"), nullptr);
  EXPECT_EQ(find_organization(d, ""), nullptr);
  EXPECT_EQ(find_organization(d, "org:IOM"), nullptr);
  EXPECT_EQ(find_organization(d, "org:io"), nullptr);

  Document e = d;
  Person p;
  p.id = "person:annie";
  p.name.full = "Annie";
  e.people.push_back(p);
  ASSERT_NE(find_person(e, "person:annie"), nullptr);
  EXPECT_EQ(find_person(e, "person:annie")->name.full, "Annie");
}

TEST(Document, DefaultsAndEquality) {
  Document d;
  EXPECT_EQ(d.pressroom_version, "1.0");
  EXPECT_TRUE(d.feed.empty());
  EXPECT_EQ(d, Document{});
  d.feed.ttl_minutes = 0;
  EXPECT_FALSE(d.feed.empty());
  EXPECT_NE(d, Document{});
  const Document iom = test::iom_document();
  Document changed = iom;
  changed.contacts[0].phones[0].kind = PhoneKind::mobile;
  EXPECT_NE(changed, iom);
}

}  // namespace
