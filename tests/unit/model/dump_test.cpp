// SPDX-License-Identifier: MIT
// debug_dump: one `path = value` line per set field, stable and escaped.
#include <gtest/gtest.h>

#include <string>

#include "pressroom/model/dump.hpp"
#include "support/random_document.hpp"

namespace {
using namespace pressroom;

TEST(DebugDump, EmptyDocumentIsOneLine) {
  EXPECT_EQ(debug_dump(Document{}), "pressroom_version = \"1.0\"\n");
}

TEST(DebugDump, SmallDocumentExactly) {
  Document d;
  d.feed.title = "News";
  d.feed.ttl_minutes = 60;
  d.feed.generator.name = "pressroom";
  Article a;
  a.id = "art:a";
  a.kind = ArticleKind::news;
  a.headline = " Two\nlines ";
  a.date_published = parse_date_time("2024-03-12T09:30:00.5+01:00[Europe/Zurich]");
  Block b;
  b.text = "First";
  Block h;
  h.type = BlockType::heading;
  h.text = "Title";
  a.body = {b, h};
  a.dateline = Dateline{};  // present but empty
  Quantity q;
  q.value = 0.1;
  q.comparator = Comparator::approx;
  Statement s;
  s.quantity = q;
  s.paragraph_index = 0;
  a.statements = {s, Statement{}};
  a.extensions["json"] = "{\"_x\":1}";
  a.contact_ids = {"contact:k"};
  d.articles.push_back(a);
  Organization o;
  o.id = "org:o";
  o.name = "O";
  o.member_count = Quantity{};
  Location l;
  l.name = "Geneva";
  l.geo = GeoPoint{46.2, 6.15};
  o.headquarters = l;
  d.organizations.push_back(o);
  Contact k;
  k.id = "contact:k";
  k.kind = ContactKind::org;  // not the default: written
  k.unit = "press";
  PhoneNumber p;
  p.raw = "+41 22";
  p.kind = PhoneKind::voice;  // the default: omitted
  k.phones = {p};
  d.contacts.push_back(k);

  EXPECT_EQ(debug_dump(d),
            "pressroom_version = \"1.0\"\n"
            "feed.title = \"News\"\n"
            "feed.generator.name = \"pressroom\"\n"
            "feed.ttl_minutes = 60\n"
            "articles[0].id = \"art:a\"\n"
            "articles[0].kind = news\n"
            "articles[0].headline = \" Two\\nlines \"\n"
            "articles[0].dateline = {}\n"
            "articles[0].date_published = 2024-03-12T09:30:00.5+01:00[Europe/Zurich]\n"
            "articles[0].body[0].text = \"First\"\n"
            "articles[0].body[1].type = heading\n"
            "articles[0].body[1].text = \"Title\"\n"
            "articles[0].contact_ids[0] = \"contact:k\"\n"
            "articles[0].statements[0].quantity.value = 0.1\n"
            "articles[0].statements[0].quantity.comparator = approx\n"
            "articles[0].statements[0].paragraph_index = 0\n"
            "articles[0].statements[1] = {}\n"
            "articles[0].extensions[\"json\"] = \"{\\\"_x\\\":1}\"\n"
            "organizations[0].id = \"org:o\"\n"
            "organizations[0].name = \"O\"\n"
            "organizations[0].headquarters.name = \"Geneva\"\n"
            "organizations[0].headquarters.geo.lat = 46.2\n"
            "organizations[0].headquarters.geo.lon = 6.15\n"
            "organizations[0].member_count.value = 0\n"
            "contacts[0].id = \"contact:k\"\n"
            "contacts[0].kind = org\n"
            "contacts[0].unit = \"press\"\n"
            "contacts[0].phones[0].raw = \"+41 22\"\n");
}

TEST(DebugDump, IomDocumentHasReadableLines) {
  const std::string dump = debug_dump(test::iom_document());
  for (const char* line : {
           "articles[0].headline = \"UK Commissioner Endorses IOM Training to Combat Modern "
           "Slavery\"\n",
           "articles[0].dateline.location.country_code = \"GB\"\n",
           "articles[0].body[0].text = \"The UK’s first Independent",
           "articles[0].organization_refs[0].roles[1] = \"subject\"\n",
           "articles[0].statements[1].quantity.value = 2000\n",
           "articles[0].statements[1].quantity.comparator = gt\n",
           "articles[0].statements[1].since = 2011\n",
           "organizations[0].kind = intergovernmental\n",
           "organizations[0].founding_date = 1951\n",
           "commissioners[0].office.holder_ordinal = 1\n",
           "legislation[0].date = 2015-03-26\n",
           "contacts[0].phones[0].e164 = \"+442078116053\"\n",
       }) {
    EXPECT_NE(dump.find(line), std::string::npos) << line;
  }
  // No line for what is not set: no dates on the page, no people.
  EXPECT_EQ(dump.find("date_published"), std::string::npos);
  EXPECT_EQ(dump.find("\npeople["), std::string::npos);
  EXPECT_EQ(dump.find("articles[0].kind"), std::string::npos) << "press_release is the default";
}

TEST(DebugDump, QuotesAndEscapes) {
  EXPECT_EQ(debug_quote(""), "\"\"");
  EXPECT_EQ(debug_quote("plain"), "\"plain\"");
  EXPECT_EQ(debug_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(debug_quote("\n\r\t"), "\"\\n\\r\\t\"");
  EXPECT_EQ(debug_quote(std::string("\0\x01\x1F\x7F", 4)), "\"\\x00\\x01\\x1F\\x7F\"");
  EXPECT_EQ(debug_quote("  x "), "\"  x \"");
  // Visible non-ASCII stays as is.
  EXPECT_EQ(debug_quote("café 東京 😀 مرحبا <&> ]]>"), "\"café 東京 😀 مرحبا <&> ]]>\"");
  // Invisible or confusable code points are shown.
  EXPECT_EQ(debug_quote("a\u00A0b"), "\"a\\u{00A0}b\"");
  EXPECT_EQ(debug_quote("\u2028\u2029\uFEFF\u200B\u202E"),
            "\"\\u{2028}\\u{2029}\\u{FEFF}\\u{200B}\\u{202E}\"");
  EXPECT_EQ(debug_quote("\xC2\x85"), "\"\\u{0085}\"");
  // Invalid UTF-8 bytes.
  EXPECT_EQ(debug_quote("\xFF\xC3("), "\"\\xFF\\xC3(\"");
}

TEST(DebugDump, NumbersAreShortestRoundTrip) {
  Document d;
  Organization o;
  Quantity q;
  q.value = 1e300;
  o.member_count = q;
  q.value = -2.5;
  o.employee_count = q;
  q.value = 1.0 / 3.0;
  o.presence_country_count = q;
  d.organizations.push_back(o);
  Article a;
  Media m;
  m.length_bytes = 18446744073709551615ull;
  m.duration_seconds = 5e-324;
  m.width = -2147483647 - 1;
  a.media.push_back(m);
  d.articles.push_back(a);
  const std::string dump = debug_dump(d);
  EXPECT_NE(dump.find("organizations[0].member_count.value = 1e+300\n"), std::string::npos);
  EXPECT_NE(dump.find("organizations[0].employee_count.value = -2.5\n"), std::string::npos);
  EXPECT_NE(dump.find("organizations[0].presence_country_count.value = 0.3333333333333333\n"),
            std::string::npos);
  EXPECT_NE(dump.find("articles[0].media[0].length_bytes = 18446744073709551615\n"),
            std::string::npos);
  EXPECT_NE(dump.find("articles[0].media[0].duration_seconds = 5e-324\n"), std::string::npos);
  EXPECT_NE(dump.find("articles[0].media[0].width = -2147483648\n"), std::string::npos);
}

TEST(DebugDump, ExtensionsKeysAreQuoted) {
  Document d;
  d.extensions["xml"] = "<x:a xmlns:x=\"urn:x\"/>";
  d.extensions["a b"] = "";
  EXPECT_EQ(debug_dump(d),
            "pressroom_version = \"1.0\"\n"
            "extensions[\"a b\"] = \"\"\n"
            "extensions[\"xml\"] = \"<x:a xmlns:x=\\\"urn:x\\\"/>\"\n");
}

TEST(DebugDump, EmptyStringElementsStayVisible) {
  Document d;
  Article a;
  a.contact_ids = {""};
  d.articles.push_back(a);
  EXPECT_EQ(debug_dump(d), "pressroom_version = \"1.0\"\narticles[0].contact_ids[0] = \"\"\n");
}

TEST(DebugDump, DiffersWheneverDocumentsDiffer) {
  // The dump is a faithful view: distinct documents give distinct dumps.
  const Document base = test::random_document(11);
  for (std::uint64_t seed = 12; seed < 40; ++seed) {
    const Document other = test::random_document(seed);
    EXPECT_EQ(base == other, debug_dump(base) == debug_dump(other)) << seed;
  }
  Document changed = test::full_document();
  const std::string full = debug_dump(changed);
  changed.articles[0].kind =
      changed.articles[0].kind == ArticleKind::news ? ArticleKind::other : ArticleKind::news;
  EXPECT_NE(debug_dump(changed), full);
}

}  // namespace
