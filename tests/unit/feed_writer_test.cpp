// SPDX-License-Identifier: MIT
// Writers of RSS 2.0, Atom 1.0 and JSON Feed 1.1: the rules of MODEL.md section 8.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <sstream>

#include "formats/feed/feed.hpp"
#include "formats/feed/targets.hpp"
#include "pressroom/atom.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/rss.hpp"
#include "support/random_document.hpp"

namespace {

using namespace pressroom;
namespace fd = pressroom::feed_detail;

DateTime dt(const char* s) { return *parse_date_time(s); }

Document sample() {
  Document d;
  d.feed.title = "Press releases";
  d.feed.description = "News from the press office";
  d.feed.home_page_url = "https://example.org/";
  d.feed.feed_url = "https://example.org/feed.rss";
  d.feed.language = "en";
  d.feed.updated = dt("2024-03-12T10:00:00+01:00");
  Article a;
  a.id = "https://example.org/news/1";
  a.url = "https://example.org/news/1";
  a.headline = "First <release> & \"more\" ]]> end";
  a.date_published = dt("2024-03-12T09:30:00+01:00");
  a.body = {Block{BlockType::paragraph, "One."}, Block{BlockType::paragraph, "Two."}};
  a.authors = {EntityRef{{}, "Press Office", {}, {}}};
  a.categories = {Category{"migration", {}, "https://example.org/tags", CategoryKind::unspecified}};
  a.media = {Media{"https://example.org/a.mp3", "audio/mpeg", MediaRole::enclosure, 1234}};
  d.articles.push_back(a);
  Article b;
  b.id = "art:second";
  b.url = "https://example.org/news/2";
  b.headline = "Second";
  b.date_published = dt("2024-03-11");
  b.summary = "Summary of the second";
  b.body = {Block{BlockType::paragraph, "Body."}};
  d.articles.push_back(b);
  return d;
}

bool has_warning(const std::vector<Error>& ws, std::string_view needle) {
  for (const auto& w : ws)
    if (w.message.find(needle) != std::string::npos) return true;
  return false;
}

TEST(FeedDates, Rfc822HasFourDigitYearAndNumericOffset) {
  std::string s;
  EXPECT_EQ(fd::append_rfc822(s, dt("2024-03-12T09:30:00+01:00")), fd::DateOutcome::ok);
  EXPECT_EQ(s, "Tue, 12 Mar 2024 09:30:00 +0100");
  s.clear();
  EXPECT_EQ(fd::append_rfc822(s, dt("0999-01-01T00:00:00-05:30")), fd::DateOutcome::ok);
  EXPECT_EQ(s, "Tue, 01 Jan 0999 00:00:00 -0530");
  s.clear();
  EXPECT_EQ(fd::append_rfc822(s, dt("2024-03-12")), fd::DateOutcome::midnight);
  EXPECT_EQ(s, "Tue, 12 Mar 2024 00:00:00 +0000");
  s.clear();
  EXPECT_EQ(fd::append_rfc822(s, dt("2024-03")), fd::DateOutcome::too_coarse);
  EXPECT_EQ(s, "");
}

TEST(FeedDates, Rfc3339KeepsFractionAndOffset) {
  std::string s;
  EXPECT_EQ(fd::append_rfc3339(s, dt("2024-03-12T09:30:05.25-04:00")), fd::DateOutcome::ok);
  EXPECT_EQ(s, "2024-03-12T09:30:05.25-04:00");
  s.clear();
  EXPECT_EQ(fd::append_rfc3339(s, dt("2024-03-12T09:30")), fd::DateOutcome::no_offset);
  EXPECT_EQ(s, "2024-03-12T09:30:00Z");
}

TEST(FeedDates, ParsesRfc822AndItsCorruptions) {
  const auto p = [](const char* s) {
    const auto d = fd::parse_feed_date(s);
    return d ? to_string(*d) : std::string("none");
  };
  EXPECT_EQ(p("Thu, 01 Jan 2004 19:48:21 GMT"), "2004-01-01T19:48:21Z");
  EXPECT_EQ(p("Thu, 01 Jan 04 19:48:21 GMT"), "2004-01-01T19:48:21Z");
  EXPECT_EQ(p("01 Jan 2004 19:48 EST"), "2004-01-01T19:48-05:00");
  EXPECT_EQ(p("Thu,  1 Jan 2004   19:48:21 +0130"), "2004-01-01T19:48:21+01:30");
  EXPECT_EQ(p("Thursday, 01-Jan-2004 19:48:21 PDT"), "2004-01-01T19:48:21-07:00");
  EXPECT_EQ(p("Thu, 01 Jan 2004 19:48:21 Z"), "2004-01-01T19:48:21Z");
  EXPECT_EQ(p("Jan 1, 2004"), "2004-01-01");
  EXPECT_EQ(p("2003-12-31T10:14:55Z"), "2003-12-31T10:14:55Z");
  EXPECT_EQ(p("2003-12-31T10:14:55.5-08:00"), "2003-12-31T10:14:55.5-08:00");
  EXPECT_EQ(p("20031231T101455Z"), "2003-12-31T10:14:55Z");
  EXPECT_EQ(p("2003-12"), "2003-12");
  EXPECT_EQ(p("2003"), "2003");
  EXPECT_EQ(p("mar., 12 mars 2024 09:00:00 +0100"), "2024-03-12T09:00:00+01:00");
  bool impossible = false;
  EXPECT_FALSE(fd::parse_feed_date("Mon, 30 Feb 2004 10:00:00 GMT", nullptr, &impossible));
  EXPECT_TRUE(impossible);
  EXPECT_FALSE(fd::parse_feed_date("2004-02-30", nullptr, &impossible));
  EXPECT_TRUE(impossible);
  EXPECT_FALSE(fd::parse_feed_date("yesterday"));
}

TEST(RssWriter, FollowsTheRss2Rules) {
  const Result<std::string> out = rss::write(sample());
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node root = x.child("rss");
  EXPECT_STREQ(root.attribute("version").value(), "2.0");
  for (const char* ns : {"xmlns:atom", "xmlns:content", "xmlns:dc", "xmlns:pressroom"})
    EXPECT_TRUE(root.attribute(ns)) << ns;
  const pugi::xml_node ch = root.child("channel");
  EXPECT_STREQ(ch.child_value("title"), "Press releases");
  EXPECT_STREQ(ch.child_value("link"), "https://example.org/");
  EXPECT_STREQ(ch.child("atom:link").attribute("rel").value(), "self");
  EXPECT_STREQ(ch.child_value("lastBuildDate"), "Tue, 12 Mar 2024 10:00:00 +0100");
  const pugi::xml_node i1 = ch.child("item");
  const pugi::xml_node i2 = i1.next_sibling("item");
  EXPECT_STREQ(i1.child_value("title"), "First <release> & \"more\" ]]> end");
  EXPECT_STREQ(i1.child("guid").attribute("isPermaLink").value(), "true");
  EXPECT_STREQ(i2.child("guid").attribute("isPermaLink").value(), "false");
  EXPECT_STREQ(i1.child_value("pubDate"), "Tue, 12 Mar 2024 09:30:00 +0100");
  EXPECT_STREQ(i2.child_value("pubDate"), "Mon, 11 Mar 2024 00:00:00 +0000");
  EXPECT_STREQ(i1.child_value("dc:creator"), "Press Office");
  EXPECT_STREQ(i1.child("category").attribute("domain").value(), "https://example.org/tags");
  EXPECT_STREQ(i1.child("enclosure").attribute("length").value(), "1234");
  EXPECT_STREQ(i1.child_value("description"), "<p>One.</p><p>Two.</p>");
  EXPECT_STREQ(i2.child_value("description"), "Summary of the second");
  EXPECT_STREQ(i2.child_value("content:encoded"), "<p>Body.</p>");
  EXPECT_TRUE(i1.child("pressroom:article"));
  EXPECT_TRUE(has_warning(out.warnings(), "day-precision"));
  EXPECT_EQ(out->find("]]>"), std::string::npos) << "']]>' must be escaped";
}

TEST(RssWriter, DerivesRequiredElementsWithWarnings) {
  Document d;
  Article a;
  a.id = "x";
  d.articles.push_back(a);
  const Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  EXPECT_TRUE(has_warning(out.warnings(), "feed without title"));
  EXPECT_TRUE(has_warning(out.warnings(), "feed without description"));
  EXPECT_TRUE(has_warning(out.warnings(), "item without title or description"));
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  EXPECT_STREQ(x.child("rss").child("channel").child_value("title"), "Untitled");
  EXPECT_STREQ(x.child("rss").child("channel").child("item").child_value("title"), "x");
}

TEST(RssWriter, StripsControlCharactersWithAWarningAndKeepsNonAscii) {
  Document d = sample();
  d.articles[0].headline =
      "Bad\x01"
      "char \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80";
  const Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  EXPECT_TRUE(has_warning(out.warnings(), "XML 1.0 forbids"));
  EXPECT_EQ(out->find('\x01'), std::string::npos);
  EXPECT_NE(out->find("Badchar \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"),
            std::string::npos);
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->articles[0].headline, "Badchar \xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80");
}

TEST(RssWriter, MonthPrecisionIsNotWrittenAsADate) {
  Document d = sample();
  d.articles[0].date_published = dt("2024-03");
  const Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  EXPECT_TRUE(has_warning(out.warnings(), "year or month precision"));
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  EXPECT_FALSE(x.child("rss").child("channel").child("item").child("pubDate"));
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->articles[0].date_published, dt("2024-03")) << "precision kept by the extension";
}

TEST(AtomWriter, FollowsRfc4287) {
  const Result<std::string> out = atom::write(sample());
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node f = x.child("feed");
  EXPECT_STREQ(f.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  EXPECT_STREQ(f.attribute("xmlns:pressroom").value(), "urn:pressroom:1");
  EXPECT_STREQ(f.attribute("xml:lang").value(), "en");
  EXPECT_STREQ(f.child_value("id"), "https://example.org/feed.rss");
  EXPECT_STREQ(f.child_value("updated"), "2024-03-12T10:00:00+01:00");
  const pugi::xml_node e1 = f.child("entry");
  const pugi::xml_node e2 = e1.next_sibling("entry");
  EXPECT_STREQ(e1.child_value("updated"), "2024-03-12T09:30:00+01:00");
  EXPECT_STREQ(e2.child_value("updated"), "2024-03-11T00:00:00Z");
  EXPECT_STREQ(e2.child_value("id"), "art:second");
  EXPECT_TRUE(e1.child("author").child("name"));
  EXPECT_TRUE(e2.child("author")) << "every entry gets an author when the feed has none";
  EXPECT_STREQ(e1.child("content").attribute("type").value(), "html");
  EXPECT_STREQ(e1.find_child_by_attribute("link", "rel", "enclosure").attribute("length").value(),
               "1234");
  EXPECT_STREQ(e1.child("category").attribute("scheme").value(), "https://example.org/tags");
}

TEST(AtomWriter, NonIriIdsBecomeUrns) {
  Document d = sample();
  d.articles[0].id = "my id/1";
  const Result<std::string> out = atom::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  EXPECT_STREQ(x.child("feed").child("entry").child_value("id"), "urn:pressroom:id:my%20id%2F1");
  EXPECT_TRUE(has_warning(out.warnings(), "not an IRI"));
}

TEST(JsonFeedWriter, FollowsJsonFeed11) {
  const Result<std::string> out = jsonfeed::write(sample());
  ASSERT_TRUE(out);
  const nlohmann::json j = nlohmann::json::parse(*out);
  EXPECT_EQ(j["version"], "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(j["title"], "Press releases");
  EXPECT_EQ(j["items"][0]["id"], "https://example.org/news/1");
  // The body blocks travel as HTML; the residual does not repeat them, nor the native members.
  EXPECT_EQ(j["items"][0]["content_html"], "<p>One.</p><p>Two.</p>");
  EXPECT_FALSE(j["items"][0].contains("content_text"));
  EXPECT_EQ(j["items"][0]["_pressroom"]["body"], "blocks");
  EXPECT_FALSE(j["items"][0]["_pressroom"]["article"].contains("body"));
  EXPECT_FALSE(j["items"][0]["_pressroom"]["article"].contains("headline"));
  EXPECT_EQ(j["items"][0]["date_published"], "2024-03-12T09:30:00+01:00");
  EXPECT_EQ(j["items"][0]["attachments"][0]["mime_type"], "audio/mpeg");
  EXPECT_EQ(j["items"][0]["tags"][0], "migration");
  EXPECT_TRUE(j["items"][0]["_pressroom"].contains("article"));
  EXPECT_TRUE(j["_pressroom"].contains("feed"));
}

TEST(FeedFormats, AreRegisteredAsLossless) {
  const Registry r = Registry::with_builtin_formats();
  for (const char* name : {"rss", "atom", "jsonfeed"}) {
    const Format* f = r.find(name);
    ASSERT_NE(f, nullptr) << name;
    EXPECT_TRUE(f->carries.lossless);
    EXPECT_TRUE(f->read && f->write && f->open_writer);
  }
  EXPECT_EQ(r.detect(*rss::write(sample()))->name, "rss");
  EXPECT_EQ(r.detect(*atom::write(sample()))->name, "atom");
  EXPECT_EQ(r.detect(*jsonfeed::write(sample()))->name, "jsonfeed");
}

TEST(FeedLint, ReportsWhatForeignReadersLose) {
  Document d = test::iom_document();
  const std::vector<Error> ws = rss::lint(d);
  EXPECT_TRUE(has_warning(ws, "organizations only in the pressroom extension"));
  EXPECT_TRUE(atom::lint(Document{}).size() >= 2);  // no title, no id/updated
}

TEST(RssWriter, AlwaysWritesAChannelLink) {
  // RSS 2.0 requires <link>: derived from the first article url, else a placeholder, with a
  // warning that lint reports too.
  Document d = sample();
  d.feed.home_page_url.clear();
  d.feed.feed_url.clear();
  Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  EXPECT_STREQ(x.child("rss").child("channel").child_value("link"), "https://example.org/news/1");
  EXPECT_TRUE(has_warning(out.warnings(), "feed without home_page_url"));
  Document bare;
  Article a;
  a.id = "art:x";
  a.headline = "X";
  bare.articles.push_back(a);
  out = rss::write(bare);
  ASSERT_TRUE(out);
  ASSERT_TRUE(x.load_string(out->c_str()));
  EXPECT_STREQ(x.child("rss").child("channel").child_value("link"), "urn:pressroom:feed");
  EXPECT_TRUE(has_warning(rss::lint(bare), "requires a channel link"));
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, bare);
}

TEST(RssWriter, WritesMediaRssForEveryMedia) {
  Document d = sample();
  Media img;
  img.url = "https://example.org/a.jpg";
  img.media_type = "image/jpeg";
  img.role = MediaRole::image;
  img.width = 800;
  img.height = 600;
  img.title = "A picture";
  img.caption = "Caption & more";
  img.credit = "Photo: IOM";
  d.articles[0].media.push_back(img);
  const Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  EXPECT_TRUE(x.child("rss").attribute("xmlns:media"));
  const pugi::xml_node item = x.child("rss").child("channel").child("item");
  EXPECT_EQ(std::distance(item.children("enclosure").begin(), item.children("enclosure").end()), 1);
  const pugi::xml_node m1 = item.child("media:content");
  const pugi::xml_node m2 = m1.next_sibling("media:content");
  EXPECT_STREQ(m1.attribute("url").value(), "https://example.org/a.mp3");
  EXPECT_STREQ(m1.attribute("fileSize").value(), "1234");
  EXPECT_STREQ(m2.attribute("width").value(), "800");
  EXPECT_STREQ(m2.attribute("pressroom:role").value(), "image");
  EXPECT_STREQ(m2.child_value("media:title"), "A picture");
  EXPECT_STREQ(m2.child_value("media:description"), "Caption & more");
  EXPECT_STREQ(m2.child_value("media:credit"), "Photo: IOM");
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, d);
}

TEST(RssWriter, ThePressroomResidualHoldsOnlyWhatNativeElementsCannot) {
  const Document d = test::iom_document();
  const Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node own =
      x.child("rss").child("channel").child("item").child("pressroom:article");
  ASSERT_TRUE(own);
  for (const char* native : {"pressroom:id", "pressroom:headline", "pressroom:body",
                             "pressroom:body_html", "pressroom:url", "pressroom:language"})
    EXPECT_FALSE(own.child(native)) << native;
  EXPECT_TRUE(own.child("pressroom:dateline"));
  EXPECT_TRUE(own.child("pressroom:statements"));
  EXPECT_STREQ(own.attribute("body").value(), "blocks");
  // The headline and body appear once in the output, natively.
  const std::string& headline = d.articles[0].headline;
  const std::size_t first = out->find(headline);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(out->find(headline, first + 1), std::string::npos);
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, d);
}

TEST(RssWriter, ResidualTakesWhatNativeElementsWouldChange) {
  // Authors with ids, labelled categories, a minute-precision date: native elements are still
  // written for foreign readers, the residual gives pressroom the exact values.
  Document d = sample();
  Article& a = d.articles[0];
  a.authors = {EntityRef{"person:x", "X Y", {"author"}, {}}};
  a.categories[0].label = "Migration";
  a.date_published = dt("2024-03-12T09:30+01:00");
  a.body_html = "<p>Kept <b>as is</b></p>";
  const Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node item = x.child("rss").child("channel").child("item");
  EXPECT_STREQ(item.child_value("dc:creator"), "X Y");
  const pugi::xml_node own = item.child("pressroom:article");
  EXPECT_TRUE(own.child("pressroom:authors"));
  EXPECT_TRUE(own.child("pressroom:categories"));
  EXPECT_TRUE(own.child("pressroom:date_published"));
  EXPECT_FALSE(own.child("pressroom:body_html"));
  EXPECT_TRUE(own.child("pressroom:body"));  // blocks differ from what body_html gives
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, d);
}

TEST(FeedRecordWriters, StreamItemByItem) {
  const Document d = sample();
  for (const auto& [name, open] :
       {std::pair{"rss", &rss::open_writer}, std::pair{"atom", &atom::open_writer},
        std::pair{"jsonfeed", &jsonfeed::open_writer}}) {
    SCOPED_TRACE(name);
    std::ostringstream os;
    auto w = open(os, WriteOptions{});
    ASSERT_TRUE(w->add(d.feed));
    ASSERT_TRUE(w->add(d.articles[0]));
    ASSERT_TRUE(w->add(d.articles[1]));
    // The first item is out before finish() (Atom holds back only the last one).
    EXPECT_NE(os.str().find("https://example.org/news/1"), std::string::npos);
    ASSERT_TRUE(w->finish());
  }
}

TEST(FeedRecordWriters, PlaceRecordsArrivingAfterTheArticles) {
  // Entities and the Feed record arriving after the articles: RSS and JSON Feed write them
  // after the items, Atom inside the last entry; all read back to the same Document.
  Document d = test::iom_document();
  d.articles.push_back(sample().articles[1]);
  const struct {
    const char* name;
    std::unique_ptr<RecordWriter> (*open)(std::ostream&, const WriteOptions&);
    Result<Document> (*read)(std::string_view, const ReadOptions&);
  } formats[] = {{"rss", &rss::open_writer, &rss::read},
                 {"atom", &atom::open_writer, &atom::read},
                 {"jsonfeed", &jsonfeed::open_writer, &jsonfeed::read}};
  for (const auto& f : formats) {
    SCOPED_TRACE(f.name);
    std::ostringstream os;
    auto w = f.open(os, WriteOptions{});
    for (const auto& a : d.articles) ASSERT_TRUE(w->add(a));
    ASSERT_TRUE(w->add(d.feed));
    for (const auto& o : d.organizations) ASSERT_TRUE(w->add(o));
    for (const auto& c : d.commissioners) ASSERT_TRUE(w->add(c));
    for (const auto& p : d.people) ASSERT_TRUE(w->add(p));
    for (const auto& l : d.legislation) ASSERT_TRUE(w->add(l));
    for (const auto& c : d.contacts) ASSERT_TRUE(w->add(c));
    ASSERT_TRUE(w->finish());
    const Result<Document> back = f.read(os.str(), ReadOptions{});
    ASSERT_TRUE(back) << to_string(back.error());
    EXPECT_EQ(*back, d) << os.str();
  }
}

TEST(AtomWriter, EntriesComeLastAndLinksKeepTheirRoles) {
  Document d = sample();
  d.articles[0].links = {
      Link{"https://example.org/related", "related", "text/html", "More", {}, {}},
      Link{"https://example.org/other", "", {}, {}, {}, {}}};
  d.articles[0].source = Link{"https://wire.example/1", "via", {}, "Wire", {}, {}};
  const Result<std::string> out = atom::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node feed = x.child("feed");
  bool entry_seen = false;
  for (pugi::xml_node n = feed.first_child(); n; n = n.next_sibling()) {
    if (std::string_view(n.name()) == "entry")
      entry_seen = true;
    else
      EXPECT_FALSE(entry_seen) << n.name() << " after an entry (RFC 4287 schema order)";
  }
  int alternates = 0;
  for (pugi::xml_node l : feed.child("entry").children("link"))
    alternates += std::string_view(l.attribute("rel").value()) == "alternate";
  EXPECT_EQ(alternates, 1);
  const Result<Document> back = atom::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, d);
}

TEST(FeedWriters, KeepElementsOfForeignNamespaces) {
  // An element of a namespace no reader maps is kept in extensions["rss"] (or "atom") and
  // written back when writing the same format.
  const std::string rss_in =
      "<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
      "<channel><title>T</title><link>https://example.org/</link><description>D</description>"
      "<item><title>A</title><guid>https://example.org/a</guid>"
      "<itunes:duration>12:00</itunes:duration><ex:note xmlns:ex=\"urn:example\" n=\"1\">x<ex:b/>"
      "</ex:note></item></channel></rss>";
  const Result<Document> d = rss::read(rss_in);
  ASSERT_TRUE(d) << to_string(d.error());
  ASSERT_EQ(d->articles.size(), 1u);
  const auto it = d->articles[0].extensions.find("rss");
  ASSERT_NE(it, d->articles[0].extensions.end());
  EXPECT_EQ(it->second,
            "<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">12:00"
            "</itunes:duration><ex:note xmlns:ex=\"urn:example\" n=\"1\">x<ex:b/></ex:note>");
  const Result<std::string> out = rss::write(*d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node item = x.child("rss").child("channel").child("item");
  EXPECT_STREQ(item.child_value("itunes:duration"), "12:00");
  EXPECT_FALSE(item.child("pressroom:article").child("pressroom:extensions"));
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *d);
  // A fragment that is not well-formed, or of another format, travels in the residual.
  Document e = sample();
  e.articles[0].extensions["rss"] = "<not closed";
  e.articles[0].extensions["atom"] = "<ex:a xmlns:ex=\"urn:example\">1</ex:a>";
  for (const bool atom : {false, true}) {
    const Result<std::string> w = atom ? atom::write(e) : rss::write(e);
    ASSERT_TRUE(w);
    const Result<Document> r = atom ? atom::read(*w) : rss::read(*w);
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, e);
    EXPECT_EQ(w->find("<not closed"), std::string::npos);
  }
}

// ---- text and HTML targets (formats/feed/targets.hpp) -------------------------------------

constexpr const char* kLive = "<img src=x onerror=alert(1)>";
// The same as HTML text: what an HTML target must hold.
constexpr const char* kEscaped = "&lt;img src=x onerror=alert(1)&gt;";

Document text_with_markup() {
  Document d;
  d.feed.title = std::string("Feed ") + kLive;
  d.feed.description = std::string("About ") + kLive;
  d.feed.home_page_url = "https://example.org/";
  d.feed.rights = std::string("Rights ") + kLive;
  Article a;
  a.id = a.url = "https://example.org/a";
  a.headline = std::string("Head ") + kLive;
  a.summary = std::string("Sum ") + kLive + " &amp; &lt; &#39; \"q\" 'a'";
  a.body_html = "<p>Body <b>bold</b></p>";
  a.rights = std::string("Item rights ") + kLive;
  a.authors = {EntityRef{{}, std::string("Ann ") + kLive, {}, {}}};
  a.date_published = dt("2024-03-12T09:30:00Z");
  d.articles.push_back(a);
  Article b;  // no summary: the HTML body goes to the description
  b.id = b.url = "https://example.org/b";
  b.headline = "B";
  b.body = {Block{BlockType::paragraph, std::string("Para ") + kLive}};
  b.date_published = dt("2024-03-12T09:30:00Z");
  d.articles.push_back(b);
  return d;
}

TEST(FeedTargets, TextIsEscapedForHtmlTargetsAndBackExactly) {
  std::string storage;
  const std::string text = std::string(kLive) + " & &amp; &lt; &#39; \"q\" 'a' &quot;";
  const std::string_view html =
      fd::for_target(fd::rss_targets::item_description, text, fd::model_text, storage);
  EXPECT_EQ(html,
            "&lt;img src=x onerror=alert(1)&gt; &amp; &amp;amp; &amp;lt; &amp;#39; \"q\" 'a' "
            "&amp;quot;");
  EXPECT_EQ(fd::from_target(fd::rss_targets::item_description, std::string(html), fd::model_text),
            text);
  // HTML into an HTML target and text into a text target are left as they are.
  EXPECT_EQ(fd::for_target(fd::rss_targets::content_encoded, "<p>x</p>", fd::model_html, storage),
            "<p>x</p>");
  EXPECT_EQ(fd::for_target(fd::atom_targets::summary, kLive, fd::model_text, storage), kLive);
  // HTML into a text target: its text.
  EXPECT_EQ(fd::for_target(fd::atom_targets::summary, "<p>a &amp; b</p><p>c</p>", fd::model_html,
                           storage),
            "a & b c");
}

TEST(FeedTargets, EveryHtmlTargetIsOneReadersRender) {
  // The table says which targets hold HTML; these and only these.
  EXPECT_EQ(fd::rss_targets::channel_description.markup, fd::Markup::html);
  EXPECT_EQ(fd::rss_targets::item_description.markup, fd::Markup::html);
  EXPECT_EQ(fd::rss_targets::content_encoded.markup, fd::Markup::html);
  EXPECT_EQ(fd::atom_targets::content.markup, fd::Markup::html);
  EXPECT_EQ(fd::atom_targets::content.type, "html");
  EXPECT_EQ(fd::jsonfeed_targets::content_html.markup, fd::Markup::html);
  for (const fd::Target* t :
       {&fd::rss_targets::channel_title, &fd::rss_targets::item_title, &fd::rss_targets::creator,
        &fd::rss_targets::category, &fd::rss_targets::rights, &fd::rss_targets::source,
        &fd::atom_targets::title, &fd::atom_targets::subtitle, &fd::atom_targets::summary,
        &fd::atom_targets::rights, &fd::jsonfeed_targets::title, &fd::jsonfeed_targets::summary,
        &fd::jsonfeed_targets::description, &fd::jsonfeed_targets::content_text})
    EXPECT_EQ(t->markup, fd::Markup::text) << t->name;
}

TEST(FeedWriters, RssEscapesTextForItsHtmlElements) {
  const Document d = text_with_markup();
  const Result<std::string> out = rss::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node channel = x.child("rss").child("channel");
  // HTML targets: the text HTML-escaped (one level more than XML's).
  EXPECT_EQ(std::string(channel.child_value("description")), std::string("About ") + kEscaped);
  const pugi::xml_node item = channel.child("item");
  EXPECT_EQ(std::string(item.child_value("description")).rfind(std::string("Sum ") + kEscaped, 0),
            0u);
  EXPECT_STREQ(item.child_value("content:encoded"), "<p>Body <b>bold</b></p>");
  // The second item has no summary: its description is the HTML body, blocks escaped once.
  const pugi::xml_node second = item.next_sibling("item");
  EXPECT_EQ(std::string(second.child_value("description")),
            std::string("<p>Para ") + kEscaped + "</p>");
  // Text targets: the text itself.
  EXPECT_EQ(std::string(channel.child_value("title")), std::string("Feed ") + kLive);
  EXPECT_EQ(std::string(channel.child_value("copyright")), std::string("Rights ") + kLive);
  EXPECT_EQ(std::string(item.child_value("title")), std::string("Head ") + kLive);
  EXPECT_EQ(std::string(item.child_value("dc:creator")), std::string("Ann ") + kLive);
  EXPECT_EQ(std::string(item.child_value("dc:rights")), std::string("Item rights ") + kLive);
  // No live element anywhere: every '<img' of the output is escaped.
  EXPECT_EQ(out->find("<img"), std::string::npos);
  EXPECT_EQ(out->find("&lt;img src=x onerror=alert(1)&gt;</description>"), std::string::npos);
  // pressroom reads its own feed back exactly.
  const Result<Document> back = rss::read(*out);
  ASSERT_TRUE(back) << to_string(back.error());
  EXPECT_EQ(*back, d);
}

TEST(FeedWriters, AtomSaysWhatEachTextConstructHolds) {
  const Document d = text_with_markup();
  const Result<std::string> out = atom::write(d);
  ASSERT_TRUE(out);
  pugi::xml_document x;
  ASSERT_TRUE(x.load_string(out->c_str()));
  const pugi::xml_node feed = x.child("feed");
  EXPECT_STREQ(feed.child("subtitle").attribute("type").value(), "text");
  EXPECT_EQ(std::string(feed.child_value("subtitle")), std::string("About ") + kLive);
  EXPECT_STREQ(feed.child("title").attribute("type").value(), "text");
  EXPECT_STREQ(feed.child("rights").attribute("type").value(), "text");
  const pugi::xml_node entry = feed.child("entry");
  EXPECT_STREQ(entry.child("title").attribute("type").value(), "text");
  EXPECT_STREQ(entry.child("summary").attribute("type").value(), "text");
  EXPECT_EQ(std::string(entry.child_value("summary")).rfind(std::string("Sum ") + kLive, 0), 0u);
  EXPECT_STREQ(entry.child("content").attribute("type").value(), "html");
  EXPECT_STREQ(entry.child_value("content"), "<p>Body <b>bold</b></p>");
  const pugi::xml_node second = entry.next_sibling("entry");
  EXPECT_EQ(std::string(second.child_value("content")),
            std::string("<p>Para ") + kEscaped + "</p>");
  EXPECT_EQ(out->find("<img"), std::string::npos);
  const Result<Document> back = atom::read(*out);
  ASSERT_TRUE(back) << to_string(back.error());
  EXPECT_EQ(*back, d);
}

TEST(FeedWriters, JsonFeedKeepsTextMembersTextAndHtmlMembersHtml) {
  const Document d = text_with_markup();
  const Result<std::string> out = jsonfeed::write(d);
  ASSERT_TRUE(out);
  const nlohmann::json j = nlohmann::json::parse(*out);
  EXPECT_EQ(j["description"], std::string("About ") + kLive);
  EXPECT_EQ(j["title"], std::string("Feed ") + kLive);
  const auto& item = j["items"][0];
  EXPECT_EQ(item["title"], std::string("Head ") + kLive);
  EXPECT_EQ(item["summary"].get<std::string>().rfind(std::string("Sum ") + kLive, 0), 0u);
  EXPECT_EQ(item["content_html"], "<p>Body <b>bold</b></p>");
  EXPECT_EQ(j["items"][1]["content_html"], std::string("<p>Para ") + kEscaped + "</p>");
  const Result<Document> back = jsonfeed::read(*out);
  ASSERT_TRUE(back) << to_string(back.error());
  EXPECT_EQ(*back, d);
}

TEST(FeedWriters, RecordWritersEscapeAsTheWholeWriters) {
  const Document d = text_with_markup();
  for (const char* name : {"rss", "atom", "jsonfeed"}) {
    SCOPED_TRACE(name);
    const Registry registry = Registry::with_builtin_formats();
    const Format* f = registry.find(name);
    ASSERT_NE(f, nullptr);
    ASSERT_TRUE(f->open_writer);
    std::ostringstream s;
    auto w = f->open_writer(s, WriteOptions{});
    ASSERT_TRUE(w->add(Record(d.feed)));
    for (const auto& a : d.articles) ASSERT_TRUE(w->add(Record(a)));
    ASSERT_TRUE(w->finish());
    const std::string out = s.str();
    // (JSON Feed's text members hold the text itself.)
    if (std::string_view(name) != "jsonfeed") {
      EXPECT_EQ(out.find("<img"), std::string::npos);
    }
    EXPECT_EQ(out.find(std::string("<p>Para ") + kLive), std::string::npos);
    const Result<Document> back = f->read(out, ReadOptions{});
    ASSERT_TRUE(back) << to_string(back.error());
    EXPECT_EQ(*back, d);
  }
  // RSS: the summary in the description, HTML-escaped inside the XML escapes.
  std::ostringstream s;
  auto w = rss::open_writer(s, WriteOptions{});
  ASSERT_TRUE(w->add(Record(d.feed)));
  ASSERT_TRUE(w->add(Record(d.articles[0])));
  ASSERT_TRUE(w->finish());
  EXPECT_NE(s.str().find("<description>Sum &amp;lt;img src=x onerror=alert(1)&amp;gt;"),
            std::string::npos);
}

// ---- foreign elements come back inert --------------------------------------------------

TEST(FeedWriters, ForeignElementsOfADocumentBuiltInCodeAreWrittenInert) {
  Document d = sample();
  const std::string hostile =
      "<ex:a xmlns:ex=\"urn:x\" onclick=\"alert(1)\">kept</ex:a>"
      "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\"/>"
      "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\" onload=\"alert(2)\"><svg:script>"
      "alert(3)</svg:script></svg:svg>";
  const std::string item_hostile = hostile + "<ex:b xmlns:ex=\"urn:x\" onmouseover=\"x()\"/>";
  d.feed.extensions["rss"] = hostile;
  d.feed.extensions["atom"] = hostile;
  d.articles[0].extensions["rss"] = item_hostile;
  d.articles[0].extensions["atom"] = item_hostile;
  for (const bool atom : {false, true}) {
    SCOPED_TRACE(atom ? "atom" : "rss");
    const Result<std::string> out = atom ? atom::write(d) : rss::write(d);
    ASSERT_TRUE(out);
    const std::string key = atom ? "atom" : "rss";
    // The format's own fragments go out as markup, without what is live, and with a warning;
    // the other format's travel in the residual as escaped text, inert in XML.
    EXPECT_EQ(out->find("<xi:include"), std::string::npos);
    EXPECT_EQ(out->find("<svg:"), std::string::npos);
    EXPECT_EQ(out->find("<ex:a xmlns:ex=\"urn:x\" onclick"), std::string::npos);
    EXPECT_EQ(out->find("onmouseover=\"x()\"/>"), std::string::npos);
    EXPECT_NE(out->find("<ex:a xmlns:ex=\"urn:x\">kept</ex:a>"), std::string::npos);
    EXPECT_NE(out->find("<ex:b xmlns:ex=\"urn:x\"/>"), std::string::npos);
    EXPECT_TRUE(has_warning(out.warnings(), "foreign markup dropped: attribute onclick of <ex:a>"));
    bool feed_warned = false, item_warned = false;
    for (const auto& w : out.warnings()) {
      feed_warned = feed_warned || w.path == "feed.extensions";
      item_warned = item_warned || w.path == "articles[0].extensions";
    }
    EXPECT_TRUE(feed_warned);
    EXPECT_TRUE(item_warned);
    // What pressroom reads back is the inert Document.
    const Result<Document> back = atom ? atom::read(*out) : rss::read(*out);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->feed.extensions.at(key), "<ex:a xmlns:ex=\"urn:x\">kept</ex:a>");
    EXPECT_EQ(back->articles[0].extensions.at(key),
              "<ex:a xmlns:ex=\"urn:x\">kept</ex:a><ex:b xmlns:ex=\"urn:x\"/>");
  }
}

TEST(FeedReaders, KeepForeignElementsInertAndSayWhatWasDropped) {
  const std::string in =
      "<?xml-stylesheet type=\"text/xsl\" href=\"https://e.example/x.xsl\"?>"
      "<rss version=\"2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" "
      "xmlns:svg=\"http://www.w3.org/2000/svg\" xmlns:ex=\"urn:x\" "
      "xmlns:gml=\"http://www.opengis.net/gml\">"
      "<channel><title>T</title><link>https://example.org/</link><description>D</description>"
      "<xi:include href=\"/etc/passwd\" parse=\"text\"/>"
      "<item><title>A</title><guid>https://example.org/a</guid>"
      "<svg:svg onload=\"alert(1)\"><svg:script>alert(2)</svg:script></svg:svg>"
      "<ex:where><gml:pos>45 7</gml:pos><ex:script>alert(3)</ex:script></ex:where>"
      "</item></channel></rss>";
  const Result<Document> d = rss::read(in);
  ASSERT_TRUE(d) << to_string(d.error());
  EXPECT_EQ(d->feed.extensions.count("rss"), 0u);
  ASSERT_EQ(d->articles.size(), 1u);
  EXPECT_EQ(d->articles[0].extensions.at("rss"),
            "<ex:where xmlns:ex=\"urn:x\" xmlns:gml=\"http://www.opengis.net/gml\"><gml:pos>45 7"
            "</gml:pos></ex:where>");
  EXPECT_TRUE(has_warning(d.warnings(), "foreign markup dropped: element <xi:include> (XInclude)"));
  EXPECT_TRUE(has_warning(d.warnings(), "foreign markup dropped: element <svg:svg> (SVG)"));
  EXPECT_TRUE(has_warning(d.warnings(), "element <ex:script> (live in HTML or SVG)"));
  // Strict mode: the first drop is the error.
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> s = rss::read(in, strict);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("foreign markup dropped"), std::string::npos);
}

}  // namespace
