// SPDX-License-Identifier: MIT
// Unit tests of each extraction rule (src/extract/rules.hpp), on inputs other than the
// golden pages so that the rules are checked for what they say, not for one page.
#include <gtest/gtest.h>

#include "extract/pipeline.hpp"
#include "extract/rules.hpp"

namespace pressroom::extract_detail {
namespace {

std::string date_str(const std::optional<DateMatch>& m) { return m ? to_string(m->date) : "-"; }

TEST(ExtractDates, EnglishDayFirstAndMonthFirst) {
  EXPECT_EQ(date_str(parse_date_prefix("5 September 2022 (MLRC)")), "2022-09-05");
  EXPECT_EQ(date_str(parse_date_prefix("Tuesday 7 November 2023:")), "2023-11-07");
  EXPECT_EQ(date_str(parse_date_prefix("Tuesday, 7th Nov. 2023")), "2023-11-07");
  EXPECT_EQ(date_str(parse_date_prefix("September 5, 2022 /PRNewswire/")), "2022-09-05");
  EXPECT_EQ(date_str(parse_date_prefix("Sept. 5 2022")), "2022-09-05");
  EXPECT_EQ(date_str(parse_date_prefix("2024-03-12")), "2024-03-12");
  EXPECT_EQ(date_str(parse_date_prefix("12/03/2024")), "2024-03-12");
  EXPECT_EQ(date_str(parse_date_prefix("03/25/2024")), "2024-03-25");
}

TEST(ExtractDates, OtherLanguages) {
  EXPECT_EQ(date_str(parse_date_prefix("le 1er mars 2024")), "2024-03-01");
  EXPECT_EQ(date_str(parse_date_prefix("mardi 5 décembre 2023")), "2023-12-05");
  EXPECT_EQ(date_str(parse_date_prefix("5 de marzo de 2024")), "2024-03-05");
  EXPECT_EQ(date_str(parse_date_prefix("martes, 5 de marzo de 2024")), "2024-03-05");
  EXPECT_EQ(date_str(parse_date_prefix("5. März 2024")), "2024-03-05");
  EXPECT_EQ(date_str(parse_date_prefix("Dienstag, 5. März 2024")), "2024-03-05");
}

TEST(ExtractDates, RejectsImpossibleAndPartial) {
  EXPECT_FALSE(parse_date_prefix("30 February 2024"));
  EXPECT_FALSE(parse_date_prefix("March"));
  EXPECT_FALSE(parse_date_prefix("the 2030 Agenda"));
  EXPECT_EQ(date_str(parse_date_prefix("March 2024", true)), "2024-03");
}

TEST(ExtractDates, DateLines) {
  ASSERT_TRUE(parse_date_line("12 March 2024"));
  ASSERT_TRUE(parse_date_line("Published: 12 March 2024 | 10:30 GMT"));
  EXPECT_EQ(to_string(*parse_date_line("Published on 5 June 2021")), "2021-06-05");
  EXPECT_FALSE(parse_date_line("12 March 2024 was a day of action across the country"));
  EXPECT_FALSE(parse_date_line("Partnerships"));
}

TEST(ExtractDateline, PlaceDashForm) {
  auto m =
      parse_dateline("United Kingdom - The UK's first commissioner has endorsed the sessions.");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->dateline.raw, "United Kingdom -");
  EXPECT_EQ(m->dateline.location->name, "United Kingdom");
  EXPECT_EQ(m->dateline.location->country_code, "GB");
  EXPECT_FALSE(m->dateline.date);
  EXPECT_EQ(m->rest.substr(0, 12), "The UK's fir");
}

TEST(ExtractDateline, CityDateCredit) {
  auto m =
      parse_dateline("NAIROBI, 14 June 2024 (KHREC) – The commission today published its report.");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->dateline.raw, "NAIROBI, 14 June 2024 (KHREC) –");
  EXPECT_EQ(m->dateline.location->name, "Nairobi");
  EXPECT_EQ(m->dateline.location->country_code, "KE");
  EXPECT_EQ(to_string(*m->dateline.date), "2024-06-14");
  EXPECT_EQ(m->dateline.source_credit, "KHREC");
}

TEST(ExtractDateline, DateInBracketsAndWire) {
  auto g = parse_dateline("GENEVA (12 March 2024) — The agency called on states to act now.");
  ASSERT_TRUE(g);
  EXPECT_EQ(to_string(*g->dateline.date), "2024-03-12");
  EXPECT_EQ(g->dateline.location->country_code, "CH");
  auto w =
      parse_dateline("NEW YORK, March 5, 2024 /PRNewswire/ -- Acme Corp today announced results.");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->dateline.source_credit, "PRNewswire");
  EXPECT_EQ(w->dateline.location->name, "New York");
  auto f = parse_dateline("PARIS, le 5 mars 2024 – L'association a présenté son rapport annuel.");
  ASSERT_TRUE(f);
  EXPECT_EQ(to_string(*f->dateline.date), "2024-03-05");
  auto d =
      parse_dateline("BERLIN, 5. März 2024 – Die Koalition hat heute ihren Bericht vorgestellt.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->dateline.location->country_code, "DE");
}

TEST(ExtractDateline, NotADateline) {
  EXPECT_FALSE(parse_dateline("Note: the figures below are provisional and may change later."));
  EXPECT_FALSE(parse_dateline("The coalition said that workers rarely speak freely - at all."));
  EXPECT_FALSE(parse_dateline("- Data and Research"));
}

TEST(ExtractLayout, UnglueLabel) {
  auto g = unglue_label(
      "WHO WE AREThe International Organization for Migration (IOM) is part of the UN.");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->first, "WHO WE ARE");
  EXPECT_EQ(g->second.substr(0, 7), "The Int");
  auto h = unglue_label(
      "Our WorkAs the leading organization, IOM plays a key role in many areas of work.");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->first, "Our Work");
  EXPECT_FALSE(unglue_label("The McDonald family visited the IOM office in London last year."));
}

TEST(ExtractLayout, NoiseEndMarksIntros) {
  for (const char* s : {"-", "***", "Share", "Print this page", "EN | ไทย", "© 2024 LAEN",
                        "We use cookies to improve your experience", "Home > News > 2024"})
    EXPECT_TRUE(is_noise_line(s)) << s;
  EXPECT_FALSE(is_noise_line("The guide is available in 14 languages."));
  for (const char* s : {"###", "# # #", "Ends", "-ENDS-", "- 30 -", "END"})
    EXPECT_TRUE(is_end_mark(s)) << s;
  EXPECT_FALSE(is_end_mark("Ending exploitation"));
  for (const char* s : {"For further information, please contact Jo", "Media contacts:",
                        "Press contact", "Contact presse :", "Pressekontakt", "Contacto de prensa"})
    EXPECT_TRUE(is_contact_intro(s)) << s;
  EXPECT_FALSE(is_contact_intro("Contacts between the two agencies improved."));
  EXPECT_FALSE(is_contact_intro("Press Officer"));
  EXPECT_TRUE(is_about_heading("About the Coalition"));
  EXPECT_TRUE(is_about_heading("Notes to editors"));
  EXPECT_FALSE(is_about_heading("About 200 people attended the launch in Dublin last week."));
}

TEST(ExtractEmails, PlainAndObfuscated) {
  auto a = find_emails("Email: amorris@iom.int, Tel. +44");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].email.address, "amorris@iom.int");
  EXPECT_TRUE(a[0].email.raw.empty());
  auto b = find_emails("write to press [at] example (dot) org.uk today");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].email.address, "press@example.org.uk");
  EXPECT_EQ(b[0].email.raw, "press [at] example (dot) org.uk");
  auto c = find_emails("info(at)Example.ORG");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].email.address, "info@example.org");
  EXPECT_TRUE(find_emails("LINE: @mlrc-media").empty());
  EXPECT_TRUE(find_emails("Annie Morris at IOM UK").empty());
}

TEST(ExtractPhones, RawE164AndKind) {
  auto p = find_phones("Tel. +44 (0)207 811 6053.", "");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].phone.raw, "+44 (0)207 811 6053");
  EXPECT_EQ(p[0].phone.e164, "+442078116053");
  EXPECT_EQ(p[0].phone.country_code, "GB");
  auto q = find_phones("+353 (0)1 555 0148 / 087 555 0192", "IE");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].phone.raw, "087 555 0192");
  EXPECT_EQ(q[1].phone.e164, "+353875550192");
  EXPECT_EQ(q[1].phone.kind, PhoneKind::mobile);
  auto f = find_phones("Fax: 0141 496 0817 ext. 12", "GB");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].phone.kind, PhoneKind::fax);
  EXPECT_EQ(f[0].phone.extension, "12");
  EXPECT_EQ(f[0].phone.e164, "+441414960817");
  EXPECT_TRUE(find_phones("over 2,000 people in 2015", "GB").empty());
}

TEST(ExtractNames, PartsAndHonorifics) {
  auto k = parse_person_name("Khun Somchai Rattanakul");
  ASSERT_TRUE(k);
  EXPECT_EQ(k->honorific_prefix, "Khun");
  EXPECT_EQ(k->given, "Somchai");
  EXPECT_EQ(k->family, "Rattanakul");
  auto n = parse_person_name("Niamh Ó Súilleabháin");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->family, "Ó Súilleabháin");
  auto c = parse_person_name("Annika BERGSTRÖM-LEWIS");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->full, "Annika Bergström-Lewis");
  auto m = parse_person_name("Grace Wairimu Otieno");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->additional, "Wairimu");
  EXPECT_FALSE(parse_person_name("LAEN Communications"));
  EXPECT_FALSE(parse_person_name("Communications Coordinator"));
  EXPECT_FALSE(parse_person_name("MLRC"));
}

TEST(ExtractOrganizations, AcronymFormAndFacts) {
  std::vector<OrgFacts> orgs;
  find_organizations(
      "The Kenya Human Rights and Equality Commission (KHREC) was established in 2011 and has "
      "offices in 12 countries.",
      false, true, true, orgs);
  ASSERT_EQ(orgs.size(), 1u);
  EXPECT_EQ(orgs[0].org.name, "Kenya Human Rights and Equality Commission");
  EXPECT_EQ(orgs[0].org.acronym, "KHREC");
  mine_org_facts("The Kenya Human Rights and Equality Commission (KHREC) was established in 2011",
                 false, orgs[0].org);
  ASSERT_TRUE(orgs[0].org.founding_date);
  EXPECT_EQ(orgs[0].org.founding_date->year, 2011);
  Organization o;
  mine_org_facts(
      "A network founded in 1998, with 58 member organisations and a presence in 30 "
      "countries, part of the European Anti-Poverty Network",
      true, o);
  ASSERT_TRUE(o.member_count);
  EXPECT_EQ(o.member_count->value, 58);
  ASSERT_TRUE(o.presence_country_count);
  EXPECT_EQ(o.presence_country_count->value, 30);
  ASSERT_EQ(o.member_of.size(), 1u);
  EXPECT_EQ(o.member_of[0].name, "European Anti-Poverty Network");
}

TEST(ExtractOrganizations, SubUnitAndNamedBodies) {
  std::vector<OrgFacts> orgs;
  find_organizations("The Refugee Action Network (RAN) opened its office.", false, true, true,
                     orgs);
  find_organizations("RAN Scotland will run the sessions with the Church of Scotland.", false, true,
                     false, orgs);
  ASSERT_GE(orgs.size(), 3u);
  EXPECT_EQ(orgs[1].org.name, "RAN Scotland");
  EXPECT_EQ(orgs[1].org.parent_id, "acronym:RAN");
  EXPECT_EQ(orgs[2].org.name, "Church of Scotland");
  EXPECT_EQ(orgs[2].org.kind, OrganizationKind::religious);
}

TEST(ExtractCommissioners, TitleNameOrdinalAcronym) {
  auto a = find_commissioners(
      "Scotland's first Independent Trafficking Commissioner (ITC), Moira Campbell-Reid, said.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].commissioner.office.title, "Independent Trafficking Commissioner");
  EXPECT_EQ(a[0].commissioner.office.acronym, "ITC");
  EXPECT_EQ(a[0].commissioner.office.holder_ordinal, 1);
  EXPECT_EQ(a[0].commissioner.name.full, "Moira Campbell-Reid");
  EXPECT_EQ(a[0].possessive, "Scotland");
  auto b = find_commissioners("Lena Fischer, the European Commissioner for Home Affairs, spoke.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].commissioner.office.title, "European Commissioner for Home Affairs");
  EXPECT_EQ(b[0].commissioner.name.full, "Lena Fischer");
  EXPECT_EQ(b[0].commissioner.office.kind, OfficeKind::commission_member);
  EXPECT_TRUE(find_commissioners("the Commissioner said it was important.").empty());
}

TEST(ExtractCommissioners, OfficeFacts) {
  Office o;
  std::string law;
  mine_office_facts(
      "Reporting to the Minister for Justice, the office was created under the "
      "Children Act 2004, and its functions are to promote the rights of children "
      "and to review services.",
      o, law);
  EXPECT_EQ(o.reports_to, "Minister for Justice");
  EXPECT_EQ(law, "Children Act 2004");
  ASSERT_EQ(o.functions.size(), 2u);
  EXPECT_EQ(o.functions[1], "review services");
}

TEST(ExtractLegislation, CitationForms) {
  auto l = find_legislation(
      "Under the Human Trafficking and Exploitation (Scotland) Act 2015 and Directive 2011/36/EU, "
      "as well as Public Law 106-386 and the Trafficking Victims Protection Act of 2000.");
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l[0].leg.title, "Human Trafficking and Exploitation (Scotland) Act 2015");
  EXPECT_EQ(l[0].leg.year, 2015);
  EXPECT_EQ(l[1].leg.title, "Trafficking Victims Protection Act of 2000");
  Context ctx;
  for (auto& m : l) enrich_legislation(m.leg, ctx);
  EXPECT_EQ(l[0].leg.identifiers[0].value, "asp/2015/12");
  EXPECT_EQ(l[0].leg.jurisdiction->name, "Scotland");
  EXPECT_EQ(l[2].leg.title, "Directive 2011/36/EU");
  EXPECT_EQ(l[2].leg.number, "2011/36");
  EXPECT_EQ(l[2].leg.url, "http://data.europa.eu/eli/dir/2011/36/oj");
  EXPECT_EQ(l[2].leg.identifiers[1].value, "32011L0036");
  EXPECT_EQ(l[3].leg.number, "106-386");
  EXPECT_EQ(l[3].leg.legislation_type, "public_law");
}

TEST(ExtractLegislation, BuddhistEraFrenchAndIrish) {
  auto t = find_legislation("Thailand's Anti-Trafficking in Persons Act B.E. 2551 (2008) applies.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].leg.year, 2008);
  EXPECT_EQ(t[0].possessive, "Thailand");
  auto f = find_legislation("La loi n° 2013-711 du 5 août 2013 transpose la directive.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].leg.number, "2013-711");
  EXPECT_EQ(to_string(*f[0].leg.date), "2013-08-05");
  auto i = find_legislation(
      "the Criminal Justice (Theft and Fraud Offences) Act 2001 (No. 50 of 2001) ");
  ASSERT_EQ(i.size(), 1u);
  EXPECT_EQ(i[0].leg.number, "50 of 2001");
  Context ie{"IE", "Ireland", "en"};
  enrich_legislation(i[0].leg, ie);
  EXPECT_EQ(i[0].leg.identifiers[0].value,
            "http://www.irishstatutebook.ie/eli/2001/act/50/enacted/en/html");
}

TEST(ExtractContacts, BlockWithSeveralContacts) {
  auto c = parse_contacts(
      "Media contacts:\nJo Bloggs, Press Officer, RAN – Tel: 0141 496 0817, jo [at] ran.org.uk\n"
      "Out of hours: 07700 900123\nFrench-language enquiries: +33 1 23 45 67 89",
      "GB");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].name.full, "Jo Bloggs");
  EXPECT_EQ(c[0].job_title, "Press Officer");
  EXPECT_EQ(c[0].organization_name, "RAN");
  EXPECT_EQ(c[0].emails[0].address, "jo@ran.org.uk");
  ASSERT_EQ(c[0].phones.size(), 2u);
  EXPECT_EQ(c[0].phones[0].e164, "+441414960817");
  EXPECT_EQ(c[0].phones[1].note, "Out of hours");
  EXPECT_EQ(c[1].kind, ContactKind::org);
  EXPECT_EQ(c[1].languages, std::vector<std::string>{"fr"});
  EXPECT_EQ(c[1].phones[0].e164, "+33123456789");
}

TEST(ExtractLayoutTest, HeadlineBodyContact) {
  const std::vector<std::string> lines = {
      "Home",
      "News",
      "Charity welcomes new law on supply chains",
      "14 May 2024",
      "LONDON - The charity welcomed the new law, which requires companies to report on their "
      "supply chains every year.",
      "The law applies to firms with a turnover above a threshold set by ministers.",
      "Share",
      "###",
      "Notes to editors",
      "About the charity: it was founded in 1990.",
      "Press office: press@charity.org.uk",
      "Privacy policy"};
  Layout lay = analyse_layout(lines);
  ASSERT_TRUE(lay.found);
  EXPECT_EQ(lay.headline, "Charity welcomes new law on supply chains");
  ASSERT_TRUE(lay.date_line);
  EXPECT_EQ(to_string(*lay.date_line), "2024-05-14");
  ASSERT_EQ(lay.body.size(), 2u);
  ASSERT_EQ(lay.contact_lines.size(), 1u);
  EXPECT_EQ(lay.contact_lines[0], "Press office: press@charity.org.uk");
  ASSERT_EQ(lay.blurbs.size(), 1u);
}

TEST(ExtractLayoutTest, TrailingContactLinesWithoutIntro) {
  const std::vector<std::string> lines = {
      "New figures show rise in labour exploitation referrals",
      "Published: 3 April 2024",
      "The Anti-Exploitation Centre (AEC) has published new figures showing that referrals rose "
      "by a third in 2023.",
      "The figures were sent to the commissioner, who reports to the Home Secretary every year.",
      "Annie Lowe",
      "Press Officer",
      "T: 020 7946 0321",
      "E: press@aec.example.org.uk",
      "Share this page"};
  Layout lay = analyse_layout(lines);
  EXPECT_EQ(lay.headline, "New figures show rise in labour exploitation referrals");
  ASSERT_EQ(lay.body.size(), 2u);
  ASSERT_EQ(lay.contact_lines.size(), 4u);
  EXPECT_EQ(lay.contact_lines[0], "Annie Lowe");
  auto c = parse_contacts(
      "Annie Lowe\nPress Officer\nT: 020 7946 0321\nE: press@aec.example.org.uk", "GB");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].job_title, "Press Officer");
  EXPECT_EQ(c[0].phones[0].e164, "+442079460321");
}

}  // namespace
}  // namespace pressroom::extract_detail
