// SPDX-License-Identifier: MIT
// pressroom::merge and pressroom::Merger on hand-made Documents: entities matched by
// identifiers, URLs, names, acronyms and ids; references rewritten; articles deduplicated.
#include <gtest/gtest.h>

#include "pressroom/merge.hpp"
#include "pressroom/model/validate.hpp"

namespace pressroom {
namespace {

Organization org(std::string id, std::string name, std::string acronym = {}) {
  Organization o;
  o.id = std::move(id);
  o.name = std::move(name);
  o.acronym = std::move(acronym);
  return o;
}

Article article(std::string id, std::string publisher, std::string url = {}) {
  Article a;
  a.id = std::move(id);
  a.headline = "Headline of " + a.id;
  a.url = std::move(url);
  a.publisher_id = publisher;
  a.organization_refs.push_back({publisher, "", {"publisher"}, ""});
  return a;
}

TEST(Merge, NormalizeNameFoldsCaseSpaceDiacriticsAndPunctuation) {
  EXPECT_EQ(normalize_name("  Catholic Bishop’s  CONFÉRENCE "), "catholic bishops conference");
  EXPECT_EQ(normalize_name("Catholic Bishops' Conference"), "catholic bishops conference");
  EXPECT_EQ(normalize_name("Straße Œuvre Łódź"), "strasse oeuvre lodz");
  EXPECT_EQ(normalize_name("U.N."), "un");
  EXPECT_EQ(normalize_name(""), "");
}

TEST(Merge, SameIdentifierMergesAndRewritesReferences) {
  Document a;
  Organization iom = org("org:iom", "International Organization for Migration", "IOM");
  iom.identifiers.push_back({"wikidata", "Q206887"});
  a.organizations.push_back(iom);
  a.articles.push_back(article("art:1", "org:iom"));

  Document b;
  Organization other = org("org:migration-agency", "UN Migration Agency");
  other.identifiers.push_back({"Wikidata", "q206887"});
  other.description = "filled from the second input";
  other.same_as.push_back("https://ror.org/xyz");
  b.organizations.push_back(other);
  Contact c;
  c.id = "contact:press";
  c.name.full = "Press Office";
  c.organization_id = "org:migration-agency";
  b.contacts.push_back(c);
  b.articles.push_back(article("art:2", "org:migration-agency"));

  Result<Document> merged = merge({a, b});
  ASSERT_TRUE(merged);
  ASSERT_EQ(merged->organizations.size(), 1u);
  const Organization& m = merged->organizations[0];
  EXPECT_EQ(m.id, "org:iom");
  EXPECT_EQ(m.name, "International Organization for Migration");  // the first wins
  EXPECT_EQ(m.description, "filled from the second input");       // gaps are filled
  EXPECT_EQ(m.identifiers.size(), 2u);  // scheme spelled differently: both kept
  EXPECT_EQ(m.same_as, std::vector<std::string>{"https://ror.org/xyz"});
  ASSERT_EQ(merged->articles.size(), 2u);
  EXPECT_EQ(merged->articles[1].publisher_id, "org:iom");
  EXPECT_EQ(merged->articles[1].organization_refs[0].id, "org:iom");
  EXPECT_EQ(merged->contacts[0].organization_id, "org:iom");
  EXPECT_TRUE(merged.warnings().empty());
  EXPECT_TRUE(validate(*merged).empty());
}

TEST(Merge, NamesMatchIgnoringCaseSpacesAndDiacritics) {
  Document a;
  a.organizations.push_back(org("org:hrc", "Comisión  de Derechos Humanos"));
  Document b;
  b.organizations.push_back(org("org:cdh", "COMISION DE DERECHOS HUMANOS"));
  b.articles.push_back(article("art:b", "org:cdh"));
  Result<Document> merged = merge({a, b});
  ASSERT_EQ(merged->organizations.size(), 1u);
  EXPECT_EQ(merged->articles[0].publisher_id, "org:hrc");
}

TEST(Merge, DifferentKindsWithTheSameNameStaySeparate) {
  Document a;
  Organization x = org("org:x", "Northern Council");
  x.kind = OrganizationKind::ngo;
  a.organizations.push_back(x);
  Document b;
  Organization y = org("org:x", "Northern Council");
  y.kind = OrganizationKind::company;
  b.organizations.push_back(y);
  b.articles.push_back(article("art:b", "org:x"));
  Result<Document> merged = merge({a, b});
  ASSERT_EQ(merged->organizations.size(), 2u);
  EXPECT_EQ(merged->organizations[1].id, "org:x-2");  // id taken: renamed
  EXPECT_EQ(merged->articles[0].publisher_id, "org:x-2");
}

TEST(Merge, AcronymMatchesTheOrganizationItAbbreviates) {
  Document a;
  a.organizations.push_back(org("org:iom", "International Organization for Migration", "IOM"));
  Document b;
  b.organizations.push_back(org("org:1", "IOM"));
  b.articles.push_back(article("art:b", "org:1"));
  Result<Document> merged = merge({a, b});
  ASSERT_EQ(merged->organizations.size(), 1u);
  EXPECT_EQ(merged->articles[0].publisher_id, "org:iom");

  MergeOptions no_acronyms;
  no_acronyms.match_acronyms = false;
  no_acronyms.match_ids = false;
  Document b2;
  b2.organizations.push_back(org("org:1", "IOM"));
  Result<Document> separate = merge({a, b2}, no_acronyms);
  EXPECT_EQ(separate->organizations.size(), 2u);
}

TEST(Merge, ConflictingIdentifiersNeverMerge) {
  Document a;
  Organization x = org("org:acme", "Acme");
  x.identifiers.push_back({"ror", "111"});
  a.organizations.push_back(x);
  Document b;
  Organization y = org("org:acme", "Acme");
  y.identifiers.push_back({"ror", "222"});
  b.organizations.push_back(y);
  Result<Document> merged = merge({a, b});
  ASSERT_EQ(merged->organizations.size(), 2u);
  EXPECT_EQ(merged->organizations[1].id, "org:acme-2");
}

TEST(Merge, SameIdWithUnrelatedNamesIsRenamed) {
  Document a;
  a.organizations.push_back(org("org:a", "Alpha Trust"));
  Document b;
  b.organizations.push_back(org("org:a", "Beta Foundation"));
  b.articles.push_back(article("art:b", "org:a"));
  Result<Document> merged = merge({a, b});
  ASSERT_EQ(merged->organizations.size(), 2u);
  EXPECT_EQ(merged->articles[0].publisher_id, "org:a-2");
  Document c;
  c.organizations.push_back(org("org:a", "alpha  trust"));
  merged = merge({a, c});
  EXPECT_EQ(merged->organizations.size(), 1u);
}

TEST(Merge, LegislationCommissionersAndEveryReferenceKind) {
  Document a;
  Legislation msa;
  msa.id = "leg:ukpga-2015-30";
  msa.title = "Modern Slavery Act 2015";
  msa.identifiers.push_back({"legislation.gov.uk", "ukpga/2015/30"});
  a.legislation.push_back(msa);
  a.organizations.push_back(org("org:parliament", "Parliament of the United Kingdom"));

  Document b;
  Legislation same;
  same.id = "leg:msa";
  same.title = "The Modern Slavery Act";
  same.url = "https://www.legislation.gov.uk/ukpga/2015/30";
  same.identifiers.push_back({"legislation.gov.uk", "ukpga/2015/30"});
  same.passed_by.push_back({"org:uk-parliament", "UK Parliament", {}, ""});
  b.legislation.push_back(same);
  Organization parliament = org("org:uk-parliament", "parliament of the united kingdom");
  b.organizations.push_back(parliament);
  Commissioner k;
  k.id = "person:kevin-hyland";
  k.name.full = "Kevin Hyland";
  k.office.title = "Independent Anti-Slavery Commissioner";
  k.office.organization_id = "org:uk-parliament";
  k.office.established_by.push_back({"leg:msa", "Modern Slavery Act 2015", {}, ""});
  b.commissioners.push_back(k);
  Article art = article("art:b", "org:uk-parliament");
  art.legislation_refs.push_back({"leg:msa", "", {"cited"}, ""});
  art.legislation_refs.push_back({"leg:msa", "", {"subject"}, "the Act"});
  art.commissioner_refs.push_back({"person:kevin-hyland", "", {"quoted"}, ""});
  Statement s;
  s.subject_id = "leg:msa";
  s.predicate = "established";
  s.object = "org:uk-parliament";
  art.statements.push_back(s);
  b.articles.push_back(art);

  Merger merger;
  EXPECT_TRUE(merger.add(a).empty());
  EXPECT_TRUE(merger.add(b).empty());
  EXPECT_EQ(merger.stats().merged_entities, 2u);
  EXPECT_EQ(merger.stats().inputs, 2u);
  Result<Document> merged = merger.finish();
  ASSERT_EQ(merged->legislation.size(), 1u);
  ASSERT_EQ(merged->organizations.size(), 1u);
  const Legislation& l = merged->legislation[0];
  EXPECT_EQ(l.title, "Modern Slavery Act 2015");
  EXPECT_EQ(l.url, "https://www.legislation.gov.uk/ukpga/2015/30");
  ASSERT_EQ(l.passed_by.size(), 1u);
  EXPECT_EQ(l.passed_by[0].id, "org:parliament");
  const Commissioner& c = merged->commissioners.at(0);
  EXPECT_EQ(c.office.organization_id, "org:parliament");
  EXPECT_EQ(c.office.established_by.at(0).id, "leg:ukpga-2015-30");
  const Article& out = merged->articles.at(0);
  ASSERT_EQ(out.legislation_refs.size(), 1u);  // two refs to one Act folded into one
  EXPECT_EQ(out.legislation_refs[0].id, "leg:ukpga-2015-30");
  EXPECT_EQ(out.legislation_refs[0].roles, (std::vector<std::string>{"cited", "subject"}));
  EXPECT_EQ(out.statements[0].subject_id, "leg:ukpga-2015-30");
  EXPECT_EQ(out.statements[0].object, "org:parliament");
  EXPECT_TRUE(validate(*merged).empty());
}

TEST(Merge, DuplicateArticlesKeepTheFirstWithAWarning) {
  Document a;
  a.organizations.push_back(org("org:a", "Alpha"));
  a.articles.push_back(article("art:1", "org:a", "http://www.example.org/1/"));
  a.articles.push_back(article("art:2", "org:a", "https://example.org/2"));
  Document b;
  b.organizations.push_back(org("org:a", "Alpha"));
  Article again = article("https://example.org/1", "org:a", "https://example.org/1");
  again.headline = "dropped";
  b.articles.push_back(again);
  b.articles.push_back(article("art:2", "org:a", "https://example.org/other"));  // same id only
  b.articles.push_back(article("art:2", "org:a"));                               // same id
  Result<Document> merged = merge({a, b});
  ASSERT_EQ(merged->articles.size(), 3u);
  EXPECT_EQ(merged->articles[0].headline, "Headline of art:1");
  EXPECT_EQ(merged->articles[2].id, "art:2-2");
  ASSERT_EQ(merged.warnings().size(), 2u);
  EXPECT_EQ(merged.warnings()[0].severity, Severity::warning);
  EXPECT_EQ(merged.warnings()[0].format, "merge");
  EXPECT_EQ(merged.warnings()[0].path, "articles[0]");
  EXPECT_NE(merged.warnings()[0].message.find("same URL"), std::string::npos);
  EXPECT_NE(merged.warnings()[1].message.find("same id"), std::string::npos);
}

TEST(Merge, ContactsByEmailAndFeedFilled) {
  Document a;
  a.feed.title = "First";
  Contact c1;
  c1.id = "contact:a";
  c1.name.full = "Annie Morris";
  c1.emails.push_back({"amorris@iom.int", "", EmailKind::unspecified});
  a.contacts.push_back(c1);
  Document b;
  b.feed.title = "Second";
  b.feed.language = "en";
  Contact c2;
  c2.id = "contact:b";
  c2.emails.push_back({"AMorris@IOM.int", "", EmailKind::unspecified});
  c2.phones.push_back({});
  c2.phones[0].raw = "+44 20";
  b.contacts.push_back(c2);
  Person p;
  p.id = "person:x";
  p.name.full = "X";
  p.contact_ids = {"contact:b"};
  b.people.push_back(p);
  Result<Document> merged = merge({a, b});
  ASSERT_EQ(merged->contacts.size(), 1u);
  EXPECT_EQ(merged->contacts[0].phones.size(), 1u);
  EXPECT_EQ(merged->people.at(0).contact_ids, std::vector<std::string>{"contact:a"});
  EXPECT_EQ(merged->feed.title, "First");
  EXPECT_EQ(merged->feed.language, "en");
}

TEST(Merge, DuplicatesWithinOneInputAreMergedToo) {
  Document a;
  a.organizations.push_back(org("org:1", "Red Cross"));
  a.organizations.push_back(org("org:2", "RED  CROSS"));
  a.articles.push_back(article("art:1", "org:2"));
  Result<Document> merged = merge({a});
  ASSERT_EQ(merged->organizations.size(), 1u);
  EXPECT_EQ(merged->articles[0].publisher_id, "org:1");
}

TEST(Merge, NamesCanBeIgnored) {
  MergeOptions options;
  options.match_names = false;
  options.match_ids = false;
  Document a;
  a.organizations.push_back(org("org:1", "Red Cross"));
  Document b;
  b.organizations.push_back(org("org:1", "Red Cross"));
  EXPECT_EQ(merge({a, b}, options)->organizations.size(), 2u);
}

}  // namespace
}  // namespace pressroom
