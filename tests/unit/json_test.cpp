// SPDX-License-Identifier: MIT
// The `json` and `jsonl` modules: round trips, the IOM golden, key order and omission, hostile
// inputs, streaming and the record writers.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "formats/json/codec.hpp"
#include "pressroom/json.hpp"
#include "pressroom/jsonl.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/registry.hpp"
#include "support/test_support.hpp"

namespace {
using namespace pressroom;

DateTime dt(const char* s) {
  auto d = parse_date_time(s);
  EXPECT_TRUE(d.has_value()) << s;
  return d.value_or(DateTime{});
}

Location full_location(const std::string& name) {
  Location l;
  l.name = name;
  l.locality = "Geneva";
  l.region = "Geneva canton";
  l.country = "Switzerland";
  l.country_code = "CH";
  l.geo = GeoPoint{46.2044, 6.1432};
  l.identifiers = {{"geonames", "2660646"}, {"wikidata", "Q71"}};
  return l;
}

EntityRef ref(const std::string& id, const std::string& name) {
  return EntityRef{id, name, {"subject", "mentioned"}, "as \"written\""};
}

Media full_media() {
  Media m;
  m.url = "https://example.org/a.jpg";
  m.media_type = "image/jpeg";
  m.role = MediaRole::image;
  m.length_bytes = 123456789012ull;
  m.duration_seconds = 12.25;
  m.width = 640;
  m.height = 480;
  m.title = "Title";
  m.caption = "Caption \xE2\x80\x93 with dash";
  m.credit = "Credit";
  m.alt_text = "Alt";
  m.language = "en";
  return m;
}

Link full_link() {
  return Link{"https://example.org/x", "related", "text/html", "A link", "fr", 42};
}

PersonName full_name() {
  return PersonName{"Dr Grace Wairimu Otieno MP", "Dr", "Grace", "Wairimu", "Otieno", "MP"};
}

// A Document with every field of every type set to a non-default value.
Document full_document() {
  Document doc;
  doc.pressroom_version = "1.0";
  Feed& f = doc.feed;
  f.id = "urn:feed";
  f.title = "Feed";
  f.description = "Line 1\nLine 2\t\"quoted\" \\ back";
  f.home_page_url = "https://example.org/";
  f.feed_url = "https://example.org/feed.json";
  f.next_url = "https://example.org/feed2.json";
  f.language = "en-GB";
  f.updated = dt("2024-03-12T09:30:00+01:00[Europe/Zurich]");
  f.publisher_id = "org:iom";
  f.authors = {ref("person:a", "A")};
  f.rights = "CC BY 4.0";
  f.generator = Generator{"pressroom", "0.1", "https://example.org/pressroom"};
  f.icon = "https://example.org/icon.png";
  f.logo = "https://example.org/logo.png";
  f.categories = {
      Category{"migration", "Migration", "https://example.org/tags", CategoryKind::subject}};
  f.ttl_minutes = 60;
  f.extensions = {{"json", "{\"x\":[1,2.5,\"s\",null,true]}"}, {"rss:cloud", "value"}};

  Article a;
  a.id = "art:one";
  a.kind = ArticleKind::statement;
  a.url = "https://example.org/one";
  a.headline = "Headline \xC3\xA9\xE2\x82\xAC";
  a.alternative_headline = "Alt headline";
  a.dateline = Dateline{"Geneva, 12 March 2024 \xE2\x80\x93", full_location("Geneva"),
                        dt("2024-03-12"), "PRNewswire"};
  a.date_published = dt("2024-03-12T09:30:00.123456789Z");
  a.date_modified = dt("2024-03-12T09:30");
  a.embargoed_until = dt("2024-03");
  a.language = "en";
  a.summary = "Summary";
  a.body = {Block{BlockType::paragraph, "First paragraph."}, Block{BlockType::heading, "Heading"},
            Block{BlockType::list_item, "Item"}, Block{BlockType::quote, "Quote"},
            Block{BlockType::paragraph, std::string("ctrl \x01\x1f end", 11)}};
  a.body_html = "<p>First paragraph.</p>";
  a.contact_note = "For further information...";
  a.authors = {ref("person:b", "B")};
  a.publisher_id = "org:iom";
  a.organization_refs = {ref("org:iom", "IOM")};
  a.commissioner_refs = {ref("person:kevin-hyland", "Kevin Hyland")};
  a.person_refs = {ref("person:b", "B")};
  a.legislation_refs = {ref("leg:ukpga-2015-30", "Modern Slavery Act 2015")};
  a.contact_ids = {"contact:annie-morris", "contact:other"};
  a.categories = {Category{"t", "T", "s", CategoryKind::genre}};
  a.media = {full_media()};
  a.links = {full_link()};
  Statement st;
  st.subject_id = "org:iom";
  st.predicate = "trained";
  st.object = "frontline professionals";
  st.quantity = Quantity{2000.5, Comparator::gt, "people", "over 2,000"};
  st.date = dt("2015");
  st.since = dt("2011");
  st.until = dt("2016-01-01T00:00:00-05:30");
  st.text = "Since 2011...";
  st.paragraph_index = 4;
  a.statements = {st};
  a.rights = "All rights reserved";
  a.source = full_link();
  a.extensions = {{"json", "{\"foo\":1}"}, {"other", "plain"}};
  doc.articles = {a};
  Article b;  // mostly empty, non-default kind only
  b.id = "art:two";
  b.kind = ArticleKind::news;
  doc.articles.push_back(b);

  Organization o;
  o.id = "org:iom";
  o.name = "International Organization for Migration";
  o.acronym = "IOM";
  o.alternate_names = {"OIM", "OIM (es)"};
  o.kind = OrganizationKind::intergovernmental;
  o.description = "Description";
  o.mission = "Mission";
  o.parent_id = "org:un";
  o.member_of = {EntityRef{"", "United Nations System", {}, ""}};
  o.founding_date = dt("1951");
  o.founding_location = full_location("Brussels");
  o.headquarters = full_location("Geneva");
  o.member_count = Quantity{175, Comparator::eq, "member states", "175 member states"};
  o.presence_country_count = Quantity{171, Comparator::approx, "countries", "171"};
  o.employee_count = Quantity{-0.5, Comparator::le, "", ""};
  o.area_served = {full_location("United Kingdom")};
  o.url = "https://www.iom.int";
  o.logo = full_media();
  o.identifiers = {{"ror", "04a"}};
  o.same_as = {"https://www.wikidata.org/wiki/Q133"};
  o.contact_ids = {"contact:annie-morris"};
  o.extensions = {{"k", "v"}};
  doc.organizations = {o};

  Commissioner c;
  c.id = "person:kevin-hyland";
  c.name = full_name();
  c.office.title = "Independent Anti-Slavery Commissioner";
  c.office.acronym = "IASC";
  c.office.kind = OfficeKind::sole_office;
  c.office.organization_id = "org:home-office";
  c.office.jurisdiction = full_location("United Kingdom");
  c.office.holder_ordinal = 1;
  c.office.reports_to = "Home Secretary";
  c.office.established_by = {ref("leg:ukpga-2015-30", "Modern Slavery Act 2015")};
  c.office.functions = {"f1", "f2"};
  c.term = Term{dt("2014-11-01"), dt("2018-05-31"), TermStatus::former};
  c.description = "Description";
  c.same_as = {"https://example.org/kh"};
  c.contact_ids = {"contact:x"};
  c.extensions = {{"json", "{\"a\":{\"b\":[]}}"}};
  doc.commissioners = {c};

  Person p;
  p.id = "person:b";
  p.name = full_name();
  p.job_title = "Spokesperson";
  p.organization_id = "org:iom";
  p.description = "D";
  p.same_as = {"https://example.org/b"};
  p.contact_ids = {"contact:y"};
  p.extensions = {{"json", "not json at all {"}};
  doc.people = {p};

  Legislation l;
  l.id = "leg:ukpga-2015-30";
  l.title = "Modern Slavery Act 2015";
  l.alternate_titles = {"MSA"};
  l.acronym = "MSA";
  l.legislation_type = "act";
  l.jurisdiction = full_location("United Kingdom");
  l.year = 2015;
  l.number = "30";
  l.date = dt("2015-03-26");
  l.date_in_force = dt("2015-07-31");
  l.legal_force = LegalForce::in_force;
  l.passed_by = {EntityRef{"", "Parliament of the United Kingdom", {}, ""}};
  l.responsible = {ref("org:home-office", "Home Office")};
  l.identifiers = {{"legislation.gov.uk", "ukpga/2015/30"}, {"citation", "2015 c. 30"}};
  l.url = "https://www.legislation.gov.uk/id/ukpga/2015/30";
  l.transposes = {ref("leg:eu-dir-2011-36", "Directive 2011/36/EU")};
  l.changes = {ref("leg:x", "X")};
  l.part_of = {ref("leg:y", "Y")};
  l.extensions = {{"json", "[1,2]"}};
  doc.legislation = {l};

  Contact k;
  k.id = "contact:annie-morris";
  k.kind = ContactKind::org;
  k.name = full_name();
  k.organization_id = "org:iom-uk";
  k.organization_name = "IOM UK";
  k.unit = "Media";
  k.job_title = "Officer";
  k.emails = {Email{"amorris@iom.int", "amorris [at] iom.int", EmailKind::press}};
  k.phones = {PhoneNumber{"+44 (0)207 811 6053", "+442078116053", "12", PhoneKind::mobile, "GB",
                          "out of hours"}};
  k.urls = {full_link()};
  k.im = {InstantMessaging{"Signal", "@annie"}};
  k.social = {"@IOM_UK"};
  k.address = PostalAddress{
      {"11 Belgrave Road", "Floor 2"}, "London", "England", "SW1V 1RB", "United Kingdom", "GB"};
  k.location = full_location("London");
  k.languages = {"en", "fr"};
  k.hours = "9-17";
  k.note = "Note";
  k.extensions = {{"json", "{}"}};
  doc.contacts = {k};
  doc.extensions = {{"json", "{\"top\":true}"}, {"note", "n"}};
  return doc;
}

std::string write_ok(const Document& doc, const WriteOptions& options = {}) {
  auto out = json::write(doc, options);
  EXPECT_TRUE(out.has_value());
  return out.value_or(std::string());
}

ReadOptions strict() {
  ReadOptions o;
  o.mode = Mode::strict;
  return o;
}

// --- round trips ------------------------------------------------------------------------------

TEST(JsonRoundTrip, FullDocumentPretty) {
  const Document doc = full_document();
  const std::string text = write_ok(doc);
  auto back = json::read(text);
  ASSERT_TRUE(back.has_value()) << to_string(back.error());
  EXPECT_TRUE(back.warnings().empty()) << to_string(back.warnings().front());
  EXPECT_TRUE(*back == doc);
  EXPECT_EQ(write_ok(*back), text);
  EXPECT_EQ(text.back(), '\n');
}

TEST(JsonRoundTrip, FullDocumentCompactAndStrict) {
  const Document doc = full_document();
  WriteOptions compact;
  compact.pretty = false;
  const std::string text = write_ok(doc, compact);
  EXPECT_EQ(text.find('\n'), text.size() - 1);
  auto back = json::read(text, strict());
  ASSERT_TRUE(back.has_value()) << to_string(back.error());
  EXPECT_TRUE(*back == doc);
  EXPECT_EQ(write_ok(*back, compact), text);
}

TEST(JsonRoundTrip, EveryReflectedValueTypeThroughTheCodec) {
  const Document doc = full_document();
  std::string out;
  std::size_t repaired = 0;
  json_codec::write_value(out, doc.contacts[0], WriteOptions{}, 0, repaired);
  ReadOptions options;
  detail::Diagnostics diag(options, "json", out);
  Contact back;
  ASSERT_TRUE(json_codec::read_value(out, back, diag, "contacts[0]"));
  EXPECT_TRUE(back == doc.contacts[0]);
  EXPECT_EQ(repaired, 0u);
}

TEST(JsonlRoundTrip, FullDocument) {
  const Document doc = full_document();
  ASSERT_FALSE(doc.extensions.empty());
  auto text = jsonl::write(doc);
  ASSERT_TRUE(text.has_value());
  EXPECT_TRUE(text.warnings().empty());
  EXPECT_EQ(text->substr(0, 19), "{\"type\":\"document\",");
  auto back = jsonl::read(*text, strict());
  ASSERT_TRUE(back.has_value()) << to_string(back.error());
  EXPECT_TRUE(*back == doc);
  EXPECT_EQ(jsonl::write(*back).value(), *text);
}

TEST(JsonlRoundTrip, StreamingSkipsTheDocumentLineWithAWarning) {
  const Document doc = full_document();
  std::istringstream in(jsonl::write(doc).value());
  Document streamed;
  const Status st = jsonl::read_stream(in, [&](Record&& r) {
    add_record(streamed, std::move(r));
    return Status();
  });
  ASSERT_TRUE(st.has_value()) << to_string(st.error());
  ASSERT_EQ(st.warnings().size(), 1u);
  EXPECT_EQ(st.warnings()[0].path, "extensions");
  EXPECT_EQ(st.warnings()[0].line, 1u);
  EXPECT_TRUE(streamed.extensions.empty());
  streamed.extensions = doc.extensions;
  EXPECT_TRUE(streamed == doc);
}

// --- golden: the IOM document of MODEL.md section 7 -----------------------------------------

std::string model_md_example() {
  std::ifstream in(std::string(PRESSROOM_SHARED_DIR) + "/MODEL.md");
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string md = ss.str();
  const auto section = md.find("## 7. Full example");
  if (section == std::string::npos) return {};
  const auto start = md.find("```json\n", section);
  const auto end = md.find("```", start + 8);
  if (start == std::string::npos || end == std::string::npos) return {};
  return md.substr(start + 8, end - start - 8);
}

TEST(JsonGolden, IomWritesBackByteIdentical) {
  const std::string golden_path = test::data_path("json/iom.json");
  const std::string golden = test::slurp(golden_path);
  if (std::getenv("PRESSROOM_UPDATE_GOLDEN") && !model_md_example().empty()) {
    auto doc = json::read(model_md_example());
    ASSERT_TRUE(doc.has_value());
    std::ofstream(golden_path, std::ios::binary) << write_ok(*doc);
    GTEST_SKIP() << "golden regenerated";
  }
  ASSERT_FALSE(golden.empty());
  auto doc = json::read(golden, strict());
  ASSERT_TRUE(doc.has_value()) << to_string(doc.error());
  EXPECT_TRUE(doc.warnings().empty());
  EXPECT_EQ(write_ok(*doc), golden);
  ASSERT_EQ(doc->articles.size(), 1u);
  const Article& a = doc->articles[0];
  EXPECT_EQ(a.body.size(), 9u);
  EXPECT_FALSE(a.date_published.has_value());
  ASSERT_TRUE(a.dateline.has_value());
  EXPECT_FALSE(a.dateline->date.has_value());
  ASSERT_EQ(a.statements.size(), 2u);
  EXPECT_EQ(a.statements[1].quantity->comparator, Comparator::gt);
  EXPECT_EQ(a.statements[1].since, dt("2011"));
  EXPECT_EQ(doc->organizations.size(), 4u);
  EXPECT_EQ(doc->legislation[0].date, dt("2015-03-26"));
  EXPECT_EQ(doc->contacts[0].phones[0].e164, "+442078116053");
  EXPECT_EQ(golden.find("null"), std::string::npos);
  EXPECT_EQ(golden.find("\"people\""), std::string::npos);  // empty table omitted
}

TEST(JsonGolden, ModelMdExampleWithNullsReadsToTheGolden) {
  const std::string example = model_md_example();
  if (example.empty()) GTEST_SKIP() << "../shared/MODEL.md not available";
  auto doc = json::read(example, strict());
  ASSERT_TRUE(doc.has_value()) << to_string(doc.error());
  EXPECT_EQ(write_ok(*doc), test::slurp(test::data_path("json/iom.json")));
}

TEST(JsonlGolden, IomAsLines) {
  const std::string path = test::data_path("jsonl/iom.jsonl");
  auto doc = json::read(test::slurp(test::data_path("json/iom.json")));
  ASSERT_TRUE(doc.has_value());
  const std::string lines = jsonl::write(*doc).value();
  if (std::getenv("PRESSROOM_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << lines;
    GTEST_SKIP() << "golden regenerated";
  }
  EXPECT_EQ(lines, test::slurp(path));
  auto back = jsonl::read(lines, strict());
  ASSERT_TRUE(back.has_value()) << to_string(back.error());
  EXPECT_TRUE(*back == *doc);
}

// --- writer -----------------------------------------------------------------------------------

TEST(JsonWriter, KeyOrderAndOmission) {
  Document doc;
  Article a;
  a.headline = "H";
  a.id = "art:x";
  a.body = {Block{BlockType::paragraph, "p"}, Block{BlockType::heading, "h"}};
  a.dateline = Dateline{};  // present but empty: written as {}
  doc.articles = {a};
  Contact c;
  c.id = "contact:c";
  doc.contacts = {c};
  Organization o;
  o.id = "org:o";
  o.member_count = Quantity{};
  doc.organizations = {o};
  WriteOptions compact;
  compact.pretty = false;
  EXPECT_EQ(write_ok(doc, compact),
            "{\"pressroom_version\":\"1.0\",\"articles\":[{\"id\":\"art:x\",\"kind\":"
            "\"press_release\",\"headline\":\"H\",\"dateline\":{},\"body\":[\"p\",{\"type\":"
            "\"heading\",\"text\":\"h\"}]}],\"organizations\":[{\"id\":\"org:o\",\"member_count\":"
            "{\"value\":0,\"comparator\":\"eq\"}}],\"contacts\":[{\"id\":\"contact:c\",\"kind\":"
            "\"individual\"}]}\n");
  Document empty;
  empty.pressroom_version.clear();
  EXPECT_EQ(write_ok(empty, compact), "{\"pressroom_version\":\"\"}\n");
  EXPECT_EQ(write_ok(Document{}), "{\n  \"pressroom_version\": \"1.0\"\n}\n");
}

TEST(JsonWriter, PrettyIndentOption) {
  Document doc;
  doc.feed.title = "T";
  WriteOptions four;
  four.indent = 4;
  EXPECT_EQ(write_ok(doc, four),
            "{\n    \"pressroom_version\": \"1.0\",\n    \"feed\": {\n        \"title\": \"T\"\n"
            "    }\n}\n");
}

TEST(JsonWriter, EscapesAndRepairsInvalidUtf8WithOneWarning) {
  Document doc;
  doc.feed.title = "a\"b\\c\n\t\r\b\f\x01\x7f \xC3\xA9";
  doc.feed.description = "bad \xFF here";
  doc.feed.rights = "also \xC0\xAF bad";
  auto out = json::write(doc);
  ASSERT_TRUE(out.has_value());
  EXPECT_NE(out->find("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\x7f \xC3\xA9\""), std::string::npos);
  EXPECT_NE(out->find("bad \xEF\xBF\xBD here"), std::string::npos);
  EXPECT_EQ(detail::find_invalid_utf8(*out), detail::npos);
  ASSERT_EQ(out.warnings().size(), 1u);
  EXPECT_NE(out.warnings()[0].message.find("U+FFFD"), std::string::npos);
  auto back = json::read(*out, strict());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->feed.title, doc.feed.title);
}

TEST(JsonWriter, NonFiniteNumbersWrittenAsZeroWithWarning) {
  Document doc;
  Organization o;
  o.id = "org:o";
  o.member_count = Quantity{std::numeric_limits<double>::quiet_NaN(), Comparator::eq, "", ""};
  o.headquarters = Location{};
  o.headquarters->geo = GeoPoint{std::numeric_limits<double>::infinity(), 1.5};
  doc.organizations = {o};
  auto out = json::write(doc);
  ASSERT_TRUE(out.has_value());
  EXPECT_NE(out->find("\"value\": 0,"), std::string::npos);
  EXPECT_NE(out->find("\"lat\": 0,"), std::string::npos);
  ASSERT_EQ(out.warnings().size(), 1u);
  EXPECT_TRUE(json::read(*out).has_value());
}

TEST(JsonWriter, ExtensionsJsonWrittenRawOnlyWhenValidObject) {
  Document doc;
  doc.extensions["json"] = "{\"a\":[1,{\"b\":null}]}";
  WriteOptions compact;
  compact.pretty = false;
  EXPECT_EQ(write_ok(doc, compact),
            "{\"pressroom_version\":\"1.0\",\"extensions\":{\"json\":{\"a\":[1,{\"b\":null}]}}}\n");
  doc.extensions["json"] = "{\"a\":";
  EXPECT_EQ(write_ok(doc, compact),
            "{\"pressroom_version\":\"1.0\",\"extensions\":{\"json\":\"{\\\"a\\\":\"}}\n");
  auto back = json::read(write_ok(doc, compact));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->extensions["json"], "{\"a\":");
}

// --- reader: lenient and strict behaviour -------------------------------------------------

TEST(JsonReader, NullAndEmptyArraysMeanAbsent) {
  auto doc = json::read(
      R"({"pressroom_version":"1.0","feed":null,"articles":[{"id":"a","dateline":null,)"
      R"("body":[],"media":null,"date_published":null,"kind":null,"roles":null}],"people":[]})");
  ASSERT_TRUE(doc.has_value());
  ASSERT_EQ(doc->articles.size(), 1u);
  EXPECT_FALSE(doc->articles[0].dateline.has_value());
  EXPECT_TRUE(doc->articles[0].body.empty());
  EXPECT_EQ(doc->articles[0].kind, ArticleKind::press_release);
}

TEST(JsonReader, BlocksAsStringOrObject) {
  auto doc = json::read(
      R"({"articles":[{"id":"a","body":["p",{"type":"quote","text":"q"},{"text":"t"}]}]})");
  ASSERT_TRUE(doc.has_value());
  const auto& body = doc->articles[0].body;
  ASSERT_EQ(body.size(), 3u);
  EXPECT_EQ(body[0], (Block{BlockType::paragraph, "p"}));
  EXPECT_EQ(body[1], (Block{BlockType::quote, "q"}));
  EXPECT_EQ(body[2], (Block{BlockType::paragraph, "t"}));
}

TEST(JsonReader, DuplicateKeysLastWinsLenientErrorStrict) {
  const std::string in = R"({"articles":[{"id":"a","body":["x","y"],"id":"b","body":["z"]}]})";
  auto doc = json::read(in);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->articles[0].id, "b");
  EXPECT_EQ(doc->articles[0].body.size(), 1u);
  ASSERT_EQ(doc.warnings().size(), 2u);
  EXPECT_EQ(doc.warnings()[0].path, "articles[0].id");
  EXPECT_EQ(doc.warnings()[0].line, 1u);
  EXPECT_GT(doc.warnings()[0].column, 20u);
  auto s = json::read(in, strict());
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message.find("duplicate key 'id'"), std::string::npos);
}

TEST(JsonReader, WrongValueTypesSkippedLenientErrorStrict) {
  const std::string in =
      "{\"articles\":[{\"id\":5,\"headline\":\"h\",\"body\":\"not an array\",\n"
      "\"contact_ids\":[\"c1\",7,{\"x\":1},\"c2\"],\"media\":[{\"width\":\"wide\","
      "\"height\":true,\"url\":\"u\"}],\"dateline\":[1,2]}]}";
  auto doc = json::read(in);
  ASSERT_TRUE(doc.has_value());
  const Article& a = doc->articles[0];
  EXPECT_TRUE(a.id.empty());
  EXPECT_EQ(a.headline, "h");
  EXPECT_TRUE(a.body.empty());
  EXPECT_EQ(a.contact_ids, (std::vector<std::string>{"c1", "c2"}));
  ASSERT_EQ(a.media.size(), 1u);
  EXPECT_EQ(a.media[0].url, "u");
  EXPECT_FALSE(a.media[0].width.has_value());
  EXPECT_FALSE(a.dateline.has_value());
  ASSERT_EQ(doc.warnings().size(), 7u);
  EXPECT_EQ(doc.warnings()[0].path, "articles[0].id");
  EXPECT_EQ(doc.warnings()[0].message, "expected a string, found a number");
  EXPECT_EQ(doc.warnings()[2].path, "articles[0].contact_ids[1]");
  EXPECT_EQ(doc.warnings()[2].line, 2u);
  EXPECT_EQ(doc.warnings()[4].path, "articles[0].media[0].width");
  auto s = json::read(in, strict());
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::invalid_value);
  EXPECT_EQ(s.error().path, "articles[0].id");
}

TEST(JsonReader, NumbersIntoIntegerFields) {
  auto doc = json::read(
      R"({"legislation":[{"id":"a","year":2015.0},{"id":"b","year":99999999999},)"
      R"({"id":"c","year":-3000000000},{"id":"d","year":1.5},{"id":"e","year":18446744073709551615}],)"
      R"("articles":[{"media":[{"length_bytes":18446744073709551615,"width":-1},{"length_bytes":-1}]}]})");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->legislation[0].year, 2015);
  EXPECT_FALSE(doc->legislation[1].year.has_value());
  EXPECT_FALSE(doc->legislation[2].year.has_value());
  EXPECT_FALSE(doc->legislation[3].year.has_value());
  EXPECT_FALSE(doc->legislation[4].year.has_value());
  EXPECT_EQ(doc->articles[0].media[0].length_bytes, 18446744073709551615ull);
  EXPECT_EQ(doc->articles[0].media[0].width, -1);
  EXPECT_FALSE(doc->articles[0].media[1].length_bytes.has_value());
  EXPECT_EQ(doc.warnings().size(), 5u);
  EXPECT_EQ(doc.warnings()[0].path, "legislation[1].year");
  EXPECT_EQ(doc.warnings()[0].code, ErrorCode::invalid_value);
}

TEST(JsonReader, UnknownEnumNames) {
  const std::string in =
      R"({"articles":[{"id":"a","kind":"blog","statements":[{"quantity":{"value":1,"comparator":"many"}}]}],)"
      R"("organizations":[{"id":"o","kind":"club"}]})";
  auto doc = json::read(in);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->articles[0].kind, ArticleKind::other);
  EXPECT_EQ(doc->articles[0].statements[0].quantity->comparator, Comparator::eq);
  EXPECT_EQ(doc->organizations[0].kind, OrganizationKind::other);
  ASSERT_EQ(doc.warnings().size(), 3u);
  EXPECT_EQ(doc.warnings()[0].path, "articles[0].kind");
  EXPECT_EQ(doc.warnings()[1].path, "articles[0].statements[0].quantity.comparator");
  auto s = json::read(in, strict());
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message.find("'blog'"), std::string::npos);
}

TEST(JsonReader, InvalidDatesDroppedLenientErrorStrict) {
  const std::string in = R"({"articles":[{"id":"a","date_published":"2024-02-30","body":["x"]}]})";
  auto doc = json::read(in);
  ASSERT_TRUE(doc.has_value());
  EXPECT_FALSE(doc->articles[0].date_published.has_value());
  EXPECT_EQ(doc->articles[0].body.size(), 1u);
  ASSERT_EQ(doc.warnings().size(), 1u);
  EXPECT_EQ(doc.warnings()[0].path, "articles[0].date_published");
  EXPECT_FALSE(json::read(in, strict()).has_value());
}

TEST(JsonReader, UnknownKeysKeptInExtensionsAndWrittenBack) {
  const std::string in =
      R"({"pressroom_version":"1.0","zzz":1,"articles":[{"id":"a","foo":{"x":[1,2.50,"s\n",null,true]},)"
      R"("dateline":{"raw":"r","location":{"name":"n","bar":false}},"media":[{"url":"u","baz":-7}]}],)"
      R"("feed":{"title":"t","qux":"v"}})";
  auto doc = json::read(in);
  ASSERT_TRUE(doc.has_value()) << to_string(doc.error());
  EXPECT_EQ(doc->extensions["json"], "{\"zzz\":1}");
  EXPECT_EQ(doc->articles[0].extensions["json"],
            "{\"foo\":{\"x\":[1,2.50,\"s\\n\",null,true]},\"dateline.location.bar\":false,"
            "\"media[0].baz\":-7}");
  EXPECT_EQ(doc->feed.extensions["json"], "{\"qux\":\"v\"}");
  EXPECT_EQ(doc.warnings().size(), 5u);
  EXPECT_EQ(doc.warnings()[1].path, "articles[0].foo");
  // Written back under extensions.json, read back the same, written the same.
  const std::string text = write_ok(*doc);
  EXPECT_NE(text.find("\"json\": {\"foo\":{\"x\":[1,2.50,\"s\\n\",null,true]}"), std::string::npos);
  auto again = json::read(text, strict());
  ASSERT_TRUE(again.has_value()) << to_string(again.error());
  EXPECT_TRUE(*again == *doc);
  EXPECT_EQ(write_ok(*again), text);
  // Strict: the first unknown key is the error.
  auto s = json::read(in, strict());
  ASSERT_FALSE(s.has_value());
  EXPECT_NE(s.error().message.find("unknown key 'zzz'"), std::string::npos);
}

TEST(JsonReader, UnknownKeysMergeWithExistingExtensions) {
  auto doc =
      json::read(R"({"articles":[{"id":"a","foo":1,"extensions":{"json":{"bar":2},"x":"y"}}]})");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->articles[0].extensions["json"], "{\"bar\":2,\"foo\":1}");
  EXPECT_EQ(doc->articles[0].extensions["x"], "y");
}

TEST(JsonReader, UnknownKeyWithoutExtensionsIsDroppedWithWarning) {
  ReadOptions options;
  std::string text = R"({"name":"n","extra":{"a":1}})";
  detail::Diagnostics diag(options, "json", text);
  Location loc;
  ASSERT_TRUE(json_codec::read_value(text, loc, diag, "x"));
  EXPECT_EQ(loc.name, "n");
  ASSERT_EQ(diag.warnings().size(), 1u);
  EXPECT_EQ(diag.warnings()[0].message, "unknown key 'extra' dropped");
  EXPECT_EQ(diag.warnings()[0].path, "x.extra");
}

// --- hostile inputs ----------------------------------------------------------------------------

TEST(JsonHostile, MillionDeepNestingFailsFastAtTheDepthLimit) {
  for (const std::string prefix : {"", "{\"articles\":"}) {
    std::string in = prefix + std::string(1000000, '[');
    const auto start = std::chrono::steady_clock::now();
    auto doc = json::read(in);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(doc.has_value());
    // The depth limit is hit before the top level is found not to be an object.
    EXPECT_EQ(doc.error().code, ErrorCode::limit_exceeded);
    EXPECT_NE(doc.error().message.find("max_depth = 256"), std::string::npos);
    // 256 containers fit (the prefix's object is one of them); the next `[` is refused.
    EXPECT_EQ(doc.error().column, prefix.empty() ? 257u : prefix.size() + 256u);
    EXPECT_LT(elapsed, std::chrono::seconds(2));
  }
  auto shallow_array = json::read("[[1], [2]]");
  ASSERT_FALSE(shallow_array.has_value());
  EXPECT_EQ(shallow_array.error().code, ErrorCode::syntax);
  EXPECT_EQ(shallow_array.error().message,
            "expected a json object at the top level, found an array");
  EXPECT_EQ(shallow_array.error().column, 1u);
  std::string objects;
  for (int i = 0; i < 1000000; ++i) objects += "{\"a\":";
  auto doc = json::read(objects);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::limit_exceeded);
  ReadOptions shallow;
  shallow.limits.max_depth = 3;
  auto three = json::read(R"({"articles":[{"dateline":{}}]})", shallow);
  ASSERT_FALSE(three.has_value());
  EXPECT_EQ(three.error().code, ErrorCode::limit_exceeded);
  EXPECT_TRUE(json::read(R"({"articles":[{"dateline":null}]})", shallow).has_value());
}

TEST(JsonHostile, TruncatedInputAndTrailingGarbage) {
  auto t = json::read("{\n  \"articles\": [\n    {\"id\": \"a\"");
  ASSERT_FALSE(t.has_value());
  EXPECT_EQ(t.error().code, ErrorCode::syntax);
  EXPECT_EQ(t.error().format, "json");
  EXPECT_EQ(t.error().line, 3u);
  EXPECT_GT(t.error().column, 0u);
  EXPECT_NE(t.error().message.find("unexpected end of input"), std::string::npos);
  EXPECT_TRUE(std::islower(static_cast<unsigned char>(t.error().message[0])));
  auto g = json::read("{}\n}x");
  ASSERT_FALSE(g.has_value());
  EXPECT_EQ(g.error().line, 2u);
  EXPECT_EQ(g.error().column, 1u);
  for (const char* bad : {"", "   ", "[]", "\"s\"", "nul", "{\"a\" 1}", "{,}"}) {
    auto r = json::read(bad);
    EXPECT_FALSE(r.has_value()) << bad;
  }
}

TEST(JsonHostile, InvalidUtf8RepairedLenientErrorStrict) {
  const std::string in =
      "{\"articles\":[{\"id\":\"a\xFF\xFE"
      "b\",\"headline\":\"ok\"}]}";
  auto doc = json::read(in);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->articles[0].id,
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");
  ASSERT_EQ(doc.warnings().size(), 1u);
  EXPECT_EQ(doc.warnings()[0].offset, 21u);
  EXPECT_EQ(doc.warnings()[0].column, 22u);
  EXPECT_NE(doc.warnings()[0].message.find("byte 21"), std::string::npos);
  auto s = json::read(in, strict());
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().column, 22u);
}

TEST(JsonHostile, LoneSurrogateEscapes) {
  for (const char* in : {R"({"articles":[{"id":"\ud800"}]})", R"({"articles":[{"id":"\udc00x"}]})",
                         R"({"x\ud800":1})"}) {
    auto doc = json::read(in);
    ASSERT_FALSE(doc.has_value()) << in;
    EXPECT_EQ(doc.error().code, ErrorCode::syntax);
    EXPECT_EQ(doc.error().line, 1u);
    EXPECT_GT(doc.error().column, 1u);
    EXPECT_NE(doc.error().message.find("surrogate"), std::string::npos) << doc.error().message;
  }
  auto pair = json::read(R"({"articles":[{"id":"\ud83d\ude00"}]})");
  ASSERT_TRUE(pair.has_value());
  EXPECT_EQ(pair->articles[0].id, "\xF0\x9F\x98\x80");
}

TEST(JsonHostile, NumberOutOfRange) {
  auto doc = json::read("{\"articles\":[{\"statements\":[{\"quantity\":\n{\"value\":1e400}}]}]}");
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().line, 2u);
  EXPECT_GT(doc.error().column, 9u);
  EXPECT_NE(doc.error().message.find("1e400"), std::string::npos);
  EXPECT_FALSE(json::read("{\"x\":-1e400}").has_value());
}

TEST(JsonHostile, FiftyMegabyteString) {
  std::string in = "{\"articles\":[{\"id\":\"";
  in.append(50u << 20, 'x');
  in += "\"}]}";
  auto doc = json::read(in);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::limit_exceeded);
  EXPECT_NE(doc.error().message.find("max_string_bytes"), std::string::npos);
  EXPECT_EQ(doc.error().offset, 19u);  // the opening quote
  EXPECT_EQ(doc.error().line, 1u);
}

TEST(JsonHostile, RecordAndInputLimits) {
  ReadOptions options;
  options.limits.max_records = 2;
  auto doc = json::read(R"({"articles":[{},{}],"contacts":[{}]})", options);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::limit_exceeded);
  EXPECT_NE(doc.error().message.find("max_records"), std::string::npos);
  options.limits.max_records = 3;
  EXPECT_TRUE(json::read(R"({"articles":[{},{}],"contacts":[{}]})", options).has_value());
  options.limits.max_input_bytes = 10;
  auto big = json::read(R"({"articles":[{},{}]})", options);
  ASSERT_FALSE(big.has_value());
  EXPECT_EQ(big.error().code, ErrorCode::limit_exceeded);
}

TEST(JsonHostile, WeirdButValidInputsNeverCrash) {
  for (const char* in :
       {R"({"articles":[[],[[]],{}],"feed":[],"extensions":{"json":[[[1]]],"a":{"b":1}}})",
        R"({"articles":[{"body":[1,[2],{"type":"nope","text":3}]}]})",
        R"({"extensions":{"json":"plain","json":{"x":1}}})", R"({"":1,"articles":{"a":1}})",
        "\xEF\xBB\xBF{}"}) {
    auto doc = json::read(in);
    EXPECT_TRUE(doc.has_value()) << in;
    if (doc) {
      EXPECT_TRUE(json::read(write_ok(*doc)).has_value()) << in;
    }
  }
}

// --- record writers --------------------------------------------------------------------------

TEST(JsonRecordWriter, SameBytesAsWriteFromRecordsInAnyOrder) {
  const Document doc = full_document();
  for (bool pretty : {true, false}) {
    WriteOptions options;
    options.pretty = pretty;
    Document plain = doc;
    plain.extensions.clear();  // records carry no document extensions
    std::ostringstream out;
    auto writer = json::open_writer(out, options);
    // Interleaved: contacts and people before articles, the feed last.
    ASSERT_TRUE(writer->add(plain.contacts[0]));
    ASSERT_TRUE(writer->add(plain.articles[0]));
    ASSERT_TRUE(writer->add(plain.people[0]));
    ASSERT_TRUE(writer->add(plain.legislation[0]));
    ASSERT_TRUE(writer->add(plain.organizations[0]));
    ASSERT_TRUE(writer->add(plain.articles[1]));
    ASSERT_TRUE(writer->add(plain.commissioners[0]));
    ASSERT_TRUE(writer->add(plain.feed));
    ASSERT_TRUE(writer->finish());
    EXPECT_EQ(out.str(), write_ok(plain, options));
  }
  std::ostringstream empty;
  auto writer = json::open_writer(empty);
  ASSERT_TRUE(writer->finish());
  EXPECT_EQ(empty.str(), write_ok(Document{}));
}

TEST(JsonlRecordWriter, OneLinePerRecord) {
  Document doc = full_document();
  doc.extensions.clear();
  std::ostringstream out;
  auto writer = jsonl::open_writer(out);
  ASSERT_TRUE(writer->add(doc.feed));
  for (const auto& r : doc.articles) ASSERT_TRUE(writer->add(r));
  for (const auto& r : doc.organizations) ASSERT_TRUE(writer->add(r));
  for (const auto& r : doc.commissioners) ASSERT_TRUE(writer->add(r));
  for (const auto& r : doc.people) ASSERT_TRUE(writer->add(r));
  for (const auto& r : doc.legislation) ASSERT_TRUE(writer->add(r));
  for (const auto& r : doc.contacts) ASSERT_TRUE(writer->add(r));
  ASSERT_TRUE(writer->finish());
  EXPECT_EQ(out.str(), jsonl::write(doc).value());
}

// --- jsonl reading ---------------------------------------------------------------------------

TEST(JsonlReader, StreamsWithRealLineNumbers) {
  const std::string in =
      "{\"type\":\"feed\",\"title\":\"F\"}\n"
      "\n"
      "{\"type\":\"article\",\"id\":\"a1\",\"kind\":\"blog\"}\r\n"
      "   \n"
      "{\"id\":\"o1\",\"type\":\"organization\"}\n"
      "{\"type\":\"widget\",\"id\":\"w\"}\n"
      "{\"id\":\"nothing\"}\n"
      "{\"type\":\"contact\",\"id\":\"c1\"}";
  std::vector<Record> records;
  std::uint64_t progress = 0;
  ReadOptions options;
  options.on_progress = [&](std::uint64_t n) { progress = n; };
  std::istringstream stream(in);
  Status st = jsonl::read_stream(
      stream,
      [&](Record&& r) {
        records.push_back(std::move(r));
        return Status();
      },
      options);
  ASSERT_TRUE(st) << to_string(st.error());
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(std::get<Article>(records[1]).kind, ArticleKind::other);
  EXPECT_EQ(std::get<Organization>(records[2]).id, "o1");
  EXPECT_EQ(std::get<Contact>(records[3]).id, "c1");
  ASSERT_EQ(st.warnings().size(), 3u);
  EXPECT_EQ(st.warnings()[0].line, 3u);
  EXPECT_EQ(st.warnings()[0].path, "articles[0].kind");
  EXPECT_EQ(st.warnings()[0].format, "jsonl");
  EXPECT_EQ(st.warnings()[1].line, 6u);
  EXPECT_EQ(st.warnings()[2].line, 7u);
  EXPECT_EQ(progress, in.size());

  std::istringstream strict_stream(in);
  Status s = jsonl::read_stream(
      strict_stream, [](Record&&) { return Status(); }, strict());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().line, 3u);
}

TEST(JsonlReader, SyntaxErrorsCarryTheInputLine) {
  const std::string in =
      "{\"type\":\"article\",\"id\":\"a1\"}\n{\"type\":\"article\",\"id\":\"a2\"}\n"
      "{\"type\":\"article\",\"id\":\"a3\",\"headline\":\n{\"type\":\"article\"}\n";
  auto doc = jsonl::read(in);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().line, 3u);
  EXPECT_EQ(doc.error().format, "jsonl");
  std::istringstream stream(in);
  std::size_t delivered = 0;
  Status st = jsonl::read_stream(stream, [&](Record&&) {
    ++delivered;
    return Status();
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().line, 3u);
  EXPECT_EQ(delivered, 2u);
  auto no_type = jsonl::read("{\"id\":\"x\",\n");
  ASSERT_FALSE(no_type.has_value());
  EXPECT_EQ(no_type.error().code, ErrorCode::syntax);
}

TEST(JsonlReader, SecondFeedLineLaterWins) {
  const std::string in =
      "{\"type\":\"feed\",\"title\":\"A\"}\n{\"type\":\"feed\",\"title\":\"B\"}\n";
  auto doc = jsonl::read(in);
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->feed.title, "B");
  ASSERT_EQ(doc.warnings().size(), 1u);
  EXPECT_EQ(doc.warnings()[0].line, 2u);
  EXPECT_FALSE(jsonl::read(in, strict()).has_value());
}

TEST(JsonlReader, Limits) {
  ReadOptions options;
  options.limits.max_records = 2;
  auto doc = jsonl::read("{\"type\":\"article\"}\n{\"type\":\"person\"}\n{\"type\":\"contact\"}\n",
                         options);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(doc.error().line, 3u);

  ReadOptions small;
  small.limits.max_string_bytes = 1000;
  std::string in = "{\"type\":\"article\",\"id\":\"a\"}\n{\"type\":\"article\",\"id\":\"";
  in.append(200000, 'x');
  in += "\"}\n";
  std::istringstream stream(in);
  Status st = jsonl::read_stream(
      stream, [](Record&&) { return Status(); }, small);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(st.error().line, 2u);

  std::istringstream deep("{\"type\":\"article\",\"body\":" + std::string(100000, '[') + "\n");
  Status d = jsonl::read_stream(deep, [](Record&&) { return Status(); });
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::limit_exceeded);
}

TEST(JsonlReader, SinkErrorStopsReading) {
  std::istringstream stream("{\"type\":\"article\"}\n{\"type\":\"article\"}\n");
  int calls = 0;
  Status st = jsonl::read_stream(stream, [&](Record&&) {
    ++calls;
    Error e;
    e.code = ErrorCode::io;
    e.message = "stop";
    return Status(e);
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().message, "stop");
  EXPECT_EQ(calls, 1);
}

// --- registry ------------------------------------------------------------------------------

TEST(JsonFormats, RegistryEntriesAndSniffing) {
  const Registry registry = Registry::with_builtin_formats();
  const Format* json = registry.find("json");
  const Format* jsonl = registry.find("jsonl");
  ASSERT_NE(json, nullptr);
  ASSERT_NE(jsonl, nullptr);
  EXPECT_TRUE(json->carries.lossless);
  EXPECT_TRUE(jsonl->read_stream != nullptr);
  EXPECT_TRUE(json->open_writer != nullptr);
  const std::string doc = write_ok(full_document());
  const std::string lines = jsonl::write(full_document()).value();
  EXPECT_GE(json->sniff(doc), 80);
  EXPECT_EQ(jsonl->sniff(doc), 0);
  EXPECT_GE(jsonl->sniff(lines), 90);
  EXPECT_LT(json->sniff(lines), jsonl->sniff(lines));
  EXPECT_LE(json->sniff(R"({"version": "https://jsonfeed.org/version/1.1", "items": []})"), 10);
  EXPECT_EQ(json->sniff("<rss/>"), 0);
  EXPECT_EQ(registry.detect(doc), json);
  EXPECT_EQ(registry.detect(lines), jsonl);
  EXPECT_EQ(registry.find_by_path("a.ndjson"), jsonl);
}

}  // namespace

namespace {

// extensions["json"] holds the JSON text as the input wrote it (spacing, escapes, number
// forms), so that writing it out and reading it again gives the same text.
TEST(JsonExtensions, JsonTextIsKeptAsWritten) {
  const std::string text = R"({ "b" : 1.0E2 , "a":"\u0041", "c":[1, 2 ,{"d":null}] })";
  const std::string input = R"({"feed":{"title":"t","extensions":{"json":)" + text + "}}}";
  const auto doc = pressroom::json::read(input);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->feed.extensions.at("json"), text);
  for (const bool pretty : {true, false}) {
    pressroom::WriteOptions wo;
    wo.pretty = pretty;
    const auto again = pressroom::json::read(pressroom::json::write(*doc, wo).value());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->feed.extensions.at("json"), text);
  }
}

}  // namespace
