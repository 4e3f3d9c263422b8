// SPDX-License-Identifier: MIT
// Readers of RSS, Atom and JSON Feed on foreign and hostile input: mapping, encodings, URLs,
// sanitising, leniency and limits.
#include <gtest/gtest.h>

#include <string>

#include "formats/feed/feed.hpp"
#include "pressroom/atom.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/rss.hpp"

namespace {

using namespace pressroom;
namespace fd = pressroom::feed_detail;

const char* kRss = R"X(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="urn:other">
<channel xml:base="http://example.org/news/">
  <title>Example &amp; Co</title>
  <link>http://example.org/</link>
  <description>News</description>
  <language>fr</language>
  <copyright>(c) Example</copyright>
  <lastBuildDate>Thu, 01 Jan 2004 19:48:21 GMT</lastBuildDate>
  <generator>Gen 1.0</generator>
  <ttl>60</ttl>
  <image><url>logo.png</url><title>x</title><link>http://example.org/</link></image>
  <x:unknown>kept out</x:unknown>
  <item>
    <title>First</title>
    <link>item/1</link>
    <description>Short &lt;b&gt;summary&lt;/b&gt;</description>
    <content:encoded><![CDATA[<p onclick="evil()">Para <a href="javascript:alert(1)">one</a></p><script>alert(2)</script><p>Two <a href="/x">link</a></p>]]></content:encoded>
    <guid isPermaLink="false">tag:example.org,2004:1</guid>
    <pubDate>Thu, 01 Jan 04 19:48:21 EST</pubDate>
    <author>press@example.org (Press Office)</author>
    <dc:creator>Jane Doe</dc:creator>
    <category domain="http://example.org/tags">Migration</category>
    <enclosure url="http://example.org/a.mp3" length="1234" type="audio/mpeg"/>
    <comments>http://example.org/item/1#comments</comments>
  </item>
  <item>
    <title>Second</title>
    <guid>http://example.org/2</guid>
  </item>
</channel>
</rss>)X";

TEST(RssReader, MapsChannelAndItems) {
  const Result<Document> r = rss::read(kRss);
  ASSERT_TRUE(r) << to_string(r.error());
  for (const auto& w : r.warnings()) ADD_FAILURE() << to_string(w);
  const Document& d = *r;
  EXPECT_EQ(d.feed.title, "Example & Co");
  EXPECT_EQ(d.feed.home_page_url, "http://example.org/");
  EXPECT_EQ(d.feed.description, "News");
  EXPECT_EQ(d.feed.language, "fr");
  EXPECT_EQ(d.feed.rights, "(c) Example");
  EXPECT_EQ(to_string(*d.feed.updated), "2004-01-01T19:48:21Z");
  EXPECT_EQ(d.feed.generator.name, "Gen 1.0");
  EXPECT_EQ(d.feed.ttl_minutes, 60);
  EXPECT_EQ(d.feed.logo, "http://example.org/news/logo.png");
  ASSERT_EQ(d.articles.size(), 2u);
  const Article& a = d.articles[0];
  EXPECT_EQ(a.id, "tag:example.org,2004:1");
  EXPECT_EQ(a.url, "http://example.org/news/item/1");
  EXPECT_EQ(a.headline, "First");
  EXPECT_EQ(a.summary, "Short summary");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(a.body[0].text, "Para one");
  EXPECT_EQ(a.body[1].text, "Two link");
  EXPECT_EQ(a.body_html,
            "<p>Para <a>one</a></p><p>Two <a href=\"http://example.org/x\">link</a></p>");
  EXPECT_EQ(to_string(*a.date_published), "2004-01-01T19:48:21-05:00");
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0].name, "Press Office");
  EXPECT_EQ(a.authors[1].name, "Jane Doe");
  ASSERT_EQ(a.categories.size(), 1u);
  EXPECT_EQ(a.categories[0].scheme, "http://example.org/tags");
  ASSERT_EQ(a.media.size(), 1u);
  EXPECT_EQ(a.media[0].length_bytes, 1234u);
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].rel, "replies");
  EXPECT_EQ(d.articles[1].id, "http://example.org/2");
  EXPECT_EQ(d.articles[1].url, "http://example.org/2") << "a permalink guid is the url";
}

TEST(RssReader, KeepsRawHtmlOnRequest) {
  ReadOptions o;
  o.keep_raw_html = true;
  const Result<Document> r = rss::read(kRss, o);
  ASSERT_TRUE(r);
  EXPECT_NE(r->articles[0].body_html.find("<script>"), std::string::npos);
}

TEST(RssReader, ResolvesAgainstTheCallersBaseUrl) {
  ReadOptions o;
  o.base_url = "https://feeds.example.com/dir/feed.xml";
  const Result<Document> r =
      rss::read("<rss><channel><item><link>../a/b?c#d</link></item></channel></rss>", o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->articles[0].url, "https://feeds.example.com/a/b?c#d");
}

TEST(RssReader, ReadsRss10Rdf) {
  const char* in = R"X(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://example.org/"><title>T</title><link>http://example.org/</link>
    <description>D</description></channel>
  <item rdf:about="http://example.org/1"><title>One</title><link>http://example.org/1</link>
    <dc:date>2003-12-31T10:14:55Z</dc:date><dc:creator>Me</dc:creator></item>
</rdf:RDF>)X";
  fd::FeedVersion v{};
  const Result<Document> r = fd::read_xml_feed(in, ReadOptions{}, "rss", &v);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(fd::version_name(v), "rss10");
  EXPECT_EQ(r->feed.title, "T");
  ASSERT_EQ(r->articles.size(), 1u);
  EXPECT_EQ(r->articles[0].id, "http://example.org/1");
  EXPECT_EQ(to_string(*r->articles[0].date_published), "2003-12-31T10:14:55Z");
}

TEST(AtomReader, ReadsAtom10WithXhtmlAndNestedBase) {
  const char* in = R"X(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"
      xml:base="http://example.org/a/">
  <id>urn:x</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; feed</title>
  <updated>2005-07-31T12:29:29Z</updated>
  <link rel="self" href="feed.atom"/><link href="/"/>
  <author><name>Ann</name><email>ann@example.org</email></author>
  <entry xml:base="b/">
    <id>tag:example.org,2005:1</id><title>E</title><updated>2005-07-31T12:29:29Z</updated>
    <published>2005-07-30T10:00:00+02:00</published>
    <link rel="alternate" href="e.html"/><link rel="enclosure" href="x.mp3" type="audio/mpeg" length="9"/>
    <category term="t" scheme="http://s/" label="L"/>
    <summary>S</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <a href="c.html">there</a></p></div></content>
  </entry>
</feed>)X";
  const Result<Document> r = atom::read(in);
  ASSERT_TRUE(r) << to_string(r.error());
  for (const auto& w : r.warnings()) ADD_FAILURE() << to_string(w);
  const Document& d = *r;
  EXPECT_EQ(d.feed.id, "urn:x");
  EXPECT_EQ(d.feed.title, "A bold feed");
  EXPECT_EQ(d.feed.language, "en");
  EXPECT_EQ(d.feed.feed_url, "http://example.org/a/feed.atom");
  EXPECT_EQ(d.feed.home_page_url, "http://example.org/");
  ASSERT_EQ(d.feed.authors.size(), 1u);
  EXPECT_EQ(d.feed.authors[0].name, "Ann");
  const Article& a = d.articles.at(0);
  EXPECT_EQ(a.url, "http://example.org/a/b/e.html");
  EXPECT_EQ(a.media.at(0).url, "http://example.org/a/b/x.mp3");
  EXPECT_EQ(a.summary, "S");
  EXPECT_EQ(a.body.at(0).text, "Hi there");
  EXPECT_EQ(a.body_html, "<p>Hi <a href=\"http://example.org/a/b/c.html\">there</a></p>");
  EXPECT_EQ(to_string(*a.date_modified), "2005-07-31T12:29:29Z");
  EXPECT_EQ(to_string(*a.date_published), "2005-07-30T10:00:00+02:00");
  EXPECT_EQ(a.categories.at(0).label, "L");
}

TEST(FeedReader, ImpossibleDateIsAWarningAndNeverMoved) {
  const char* in =
      "<rss><channel><item><title>x</title>"
      "<pubDate>Mon, 30 Feb 2004 10:00:00 GMT</pubDate></item></channel></rss>";
  const Result<Document> r = rss::read(in);
  ASSERT_TRUE(r);
  ASSERT_EQ(r.warnings().size(), 1u);
  EXPECT_NE(r.warnings()[0].message.find("impossible date"), std::string::npos);
  EXPECT_EQ(r.warnings()[0].line, 1u);
  EXPECT_FALSE(r->articles[0].date_published);
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> s = rss::read(in, strict);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::invalid_value);
}

TEST(FeedReader, BrokenXmlKeepsWhatCameBefore) {
  const char* in = "<rss><channel><title>T</title><item><title>A</title></item><item><title>B";
  const Result<Document> r = rss::read(in);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r.warnings().empty());
  EXPECT_EQ(r->feed.title, "T");
  EXPECT_GE(r->articles.size(), 1u);
  ReadOptions strict;
  strict.mode = Mode::strict;
  EXPECT_FALSE(rss::read(in, strict));
}

TEST(FeedReader, DecodesEncodings) {
  // ISO-8859-1 declared, Latin-1 bytes.
  const std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>"
      "<rss><channel><title>caf\xE9</title></channel></rss>";
  const Result<Document> a = rss::read(latin1);
  ASSERT_TRUE(a);
  EXPECT_TRUE(a.warnings().empty());
  EXPECT_EQ(a->feed.title, "caf\xC3\xA9");
  // UTF-16LE with BOM.
  std::string u16 = "\xFF\xFE";
  for (const char c : std::string("<rss><channel><title>hi</title></channel></rss>")) {
    u16 += c;
    u16 += '\0';
  }
  const Result<Document> b = rss::read(u16);
  ASSERT_TRUE(b) << to_string(b.error());
  EXPECT_EQ(b->feed.title, "hi");
  // Undeclared bytes that are not UTF-8: Windows-1252 with a warning.
  const Result<Document> c = rss::read("<rss><channel><title>don\x92t</title></channel></rss>");
  ASSERT_TRUE(c);
  EXPECT_FALSE(c.warnings().empty());
  EXPECT_EQ(c->feed.title, "don\xE2\x80\x99t");
}

TEST(FeedReader, RefusesHostileInput) {
  // Deep nesting: limit_exceeded, no crash.
  std::string deep = "<rss><channel><item><description>";
  for (int i = 0; i < 5000; ++i) deep += "<a>";
  deep += "</description></item></channel></rss>";
  const Result<Document> r = rss::read(deep);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded);
  // Entity bomb and external entity: nothing is expanded or fetched.
  const char* bomb = R"X(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&b;&x;</title></channel></rss>)X";
  const Result<Document> b = rss::read(bomb);
  if (b) {
    EXPECT_EQ(b->feed.title.find("root:"), std::string::npos);
    EXPECT_LT(b->feed.title.size(), 100u);
  }
  // Size limit.
  ReadOptions small;
  small.limits.max_input_bytes = 10;
  EXPECT_EQ(rss::read(kRss, small).error().code, ErrorCode::limit_exceeded);
  // Not a feed.
  EXPECT_EQ(rss::read("<html><body/></html>").error().code, ErrorCode::not_this_format);
  EXPECT_FALSE(rss::read(""));
}

TEST(HtmlSanitizer, RemovesDangerousMarkupInOnePass) {
  const fd::HtmlResult h = fd::process_html(
      "<div style=\"background:url(x)\"><h1>Title</h1><iframe src=x>in</iframe>"
      "<img src=\"data:image/png;base64,xx\" onerror=\"e()\" alt=\"a\">"
      "<a href=\" JaVa&#x09;script:alert(1)\">x</a><ul><li>one</li><li>two &amp; three</li></ul>"
      "<blockquote>q</blockquote><object><embed src=x></object><style>p{}</style>end</div>",
      "http://b/", false);
  EXPECT_EQ(h.html.find("iframe"), std::string::npos);
  EXPECT_EQ(h.html.find("style"), std::string::npos);
  EXPECT_EQ(h.html.find("onerror"), std::string::npos);
  EXPECT_EQ(h.html.find("data:"), std::string::npos);
  EXPECT_EQ(h.html.find("script"), std::string::npos);
  EXPECT_EQ(h.html.find("object"), std::string::npos);
  EXPECT_TRUE(h.removed);
  ASSERT_EQ(h.blocks.size(), 6u);
  EXPECT_EQ(h.blocks[0].type, BlockType::heading);
  EXPECT_EQ(h.blocks[1].text, "x");
  EXPECT_EQ(h.blocks[2].type, BlockType::list_item);
  EXPECT_EQ(h.blocks[3].text, "two & three");
  EXPECT_EQ(h.blocks[4].type, BlockType::quote);
  EXPECT_EQ(h.blocks[5].text, "end");
}

TEST(JsonFeedReader, ReadsAForeignFeed) {
  const char* in = R"X({"version": "https://jsonfeed.org/version/1", "title": "JF",
    "home_page_url": "https://example.org/", "feed_url": "https://example.org/feed.json",
    "author": {"name": "Old style"},
    "items": [{"id": 7, "url": "/p/1", "title": "One", "content_html": "<p>Hi<script>x</script></p>",
               "date_published": "2020-01-02T03:04:05+01:00", "tags": ["a", "b"],
               "attachments": [{"url": "a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 5}]}]})X";
  const Result<Document> r = jsonfeed::read(in);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->feed.title, "JF");
  ASSERT_EQ(r->feed.authors.size(), 1u);
  const Article& a = r->articles.at(0);
  EXPECT_EQ(a.id, "7");
  EXPECT_EQ(r.warnings().size(), 1u) << "numeric id";
  EXPECT_EQ(a.url, "https://example.org/p/1");
  EXPECT_EQ(a.body_html, "<p>Hi</p>");
  EXPECT_EQ(a.body.at(0).text, "Hi");
  EXPECT_EQ(a.categories.size(), 2u);
  EXPECT_EQ(a.media.at(0).url, "https://example.org/a.mp3");
  EXPECT_EQ(a.media.at(0).length_bytes, 5u);
}

TEST(JsonFeedReader, ChecksDepthBeforeBuildingATree) {
  std::string deep = R"({"version":"https://jsonfeed.org/version/1.1","title":"x","items":[)";
  for (int i = 0; i < 100000; ++i) deep += '[';
  const Result<Document> r = jsonfeed::read(deep);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(jsonfeed::read("{\"title\": 1e400}").error().code, ErrorCode::syntax);
  EXPECT_EQ(jsonfeed::read("[1,2]").error().code, ErrorCode::not_this_format);
  const Result<Document> bad = jsonfeed::read(
      "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"caf\xE9\",\"items\":[]}");
  ASSERT_TRUE(bad);
  EXPECT_FALSE(bad.warnings().empty());
}

}  // namespace

namespace {

// The definition collapse_space implements eight bytes at a time: runs of space characters
// become one space, none at either end.
std::string collapse_reference(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

TEST(FeedText, CollapseSpaceMatchesItsDefinition) {
  const std::string alphabet = std::string("ab \t\n\r\f\x01\x1f\x7f") + "\xC3\xA9" + "  ";
  std::uint64_t state = 0x9E3779B97F4A7C15u;
  const auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const std::size_t n = next() % 40;
    for (std::size_t k = 0; k < n; ++k) s += alphabet[next() % alphabet.size()];
    ASSERT_EQ(pressroom::feed_detail::collapse_space(s), collapse_reference(s)) << '"' << s << '"';
    // In place, on a temporary.
    ASSERT_EQ(pressroom::feed_detail::collapse_space(std::string(s)), collapse_reference(s));
  }
  for (const char* s : {"", " ", "a", " a ", "abcdefgh ijklmnop", "abcdefg  hijklmnop",
                        "abcdefgh\tijklmnop", "abcdefghijklmno ", " abcdefghijklmnop q"})
    EXPECT_EQ(pressroom::feed_detail::collapse_space(s), collapse_reference(s)) << s;
}

}  // namespace

namespace {

using namespace pressroom;

// An unusable xml:base leaves the parent's base in force (with one warning); a ttl that is
// not a number of minutes is dropped with a warning, and refused in strict mode.
TEST(RssReader, UnusableBaseAndBadTtlAreWarnedAbout) {
  const std::string feed =
      "<rss version=\"2.0\"><channel xml:base=\"http://example.org/news/\"><title>t</title>"
      "<link>http://example.org/</link><description>d</description><ttl>-5</ttl>"
      "<item xml:base=\"javascript:alert(1)\"><title>x</title><link>a/b</link></item>"
      "</channel></rss>";
  const Result<Document> r = rss::read(feed);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_FALSE(r->feed.ttl_minutes.has_value());
  ASSERT_EQ(r->articles.size(), 1u);
  EXPECT_EQ(r->articles[0].url, "http://example.org/news/a/b");
  std::string all;
  for (const auto& w : r.warnings()) all += to_string(w) + "\n";
  EXPECT_NE(all.find("ttl '-5'"), std::string::npos) << all;
  EXPECT_NE(all.find("xml:base 'javascript:alert(1)' ignored"), std::string::npos) << all;
  ReadOptions strict;
  strict.mode = Mode::strict;
  EXPECT_FALSE(rss::read(feed, strict));
}

// Items and entries are read by their local name; a prefix nobody declared on them is still
// warned about (and refused in strict mode), where it stands.
TEST(FeedReaders, UndeclaredPrefixOnItemsIsWarnedAbout) {
  const std::string rss_in =
      "<rss version=\"2.0\"><channel><title>T</title><link>http://e.x/</link>"
      "<description>d</description>\n<x:item><title>a</title></x:item></channel></rss>";
  const std::string atom_in =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><id>urn:t</id>\n"
      "<z:entry><title>a</title><id>urn:a</id></z:entry></feed>";
  ReadOptions strict;
  strict.mode = Mode::strict;
  for (const auto& [input, read] :
       {std::pair{rss_in, &rss::read}, std::pair{atom_in, &atom::read}}) {
    const Result<Document> r = read(input, ReadOptions{});
    ASSERT_TRUE(r) << to_string(r.error());
    EXPECT_EQ(r->articles.size(), 1u);
    ASSERT_EQ(r.warnings().size(), 1u) << input;
    EXPECT_EQ(r.warnings()[0].line, 2u);
    EXPECT_EQ(r.warnings()[0].column, 1u);
    EXPECT_NE(r.warnings()[0].message.find("undeclared namespace prefix"), std::string::npos);
    EXPECT_FALSE(read(input, strict)) << input;
  }
}

}  // namespace

namespace {

using namespace pressroom;

// Channel-level elements of namespaces no reader maps are kept in feed.extensions and written
// back by the writer of the same format, where foreign readers find them again.
TEST(FeedReaders, KeepChannelLevelForeignElements) {
  const std::string rss_in =
      "<rss version=\"2.0\" xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">"
      "<channel><title>t</title><link>http://example.org/</link><description>d</description>"
      "<sy:updatePeriod>hourly</sy:updatePeriod><item><title>x</title></item></channel></rss>";
  const Result<Document> r = rss::read(rss_in);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->feed.extensions.at("rss"),
            "<sy:updatePeriod xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">hourly"
            "</sy:updatePeriod>");
  const std::string out = rss::write(*r).value();
  const std::size_t kept = out.find(
      "<sy:updatePeriod xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">hourly"
      "</sy:updatePeriod>");
  ASSERT_NE(kept, std::string::npos) << out;
  EXPECT_LT(kept, out.find("<item>"));
  const Result<Document> back = rss::read(out);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->feed.extensions, r->feed.extensions);

  const std::string atom_in =
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:x=\"urn:example:x\"><title>t</title>"
      "<id>urn:x</id><updated>2024-01-01T00:00:00Z</updated><x:flag a=\"1\"/></feed>";
  const Result<Document> a = atom::read(atom_in);
  ASSERT_TRUE(a) << to_string(a.error());
  EXPECT_EQ(a->feed.extensions.at("atom"), "<x:flag xmlns:x=\"urn:example:x\" a=\"1\"/>");
  const std::string atom_out = atom::write(*a).value();
  EXPECT_NE(atom_out.find("<x:flag xmlns:x=\"urn:example:x\" a=\"1\"/>"), std::string::npos);
}

}  // namespace

namespace {

// Text between tags: < > and a bare & escaped in the HTML, complete references kept as
// written, an unterminated one escaped; the block text has every reference decoded.
TEST(FeedHtml, EscapesAndDecodesTextInOnePass) {
  const pressroom::feed_detail::HtmlResult h =
      pressroom::feed_detail::process_html("<p>a < b & c &amp d &lt; e &#39 f > g</p>", {}, false);
  EXPECT_EQ(h.html, "<p>a &lt; b &amp; c &amp;amp d &lt; e &amp;#39 f &gt; g</p>");
  ASSERT_EQ(h.blocks.size(), 1u);
  EXPECT_EQ(h.blocks[0].text, "a < b & c & d < e ' f > g");
  const pressroom::feed_detail::HtmlResult raw =
      pressroom::feed_detail::process_html("<p>x &amp; <b>y</b></p>", {}, true);
  EXPECT_EQ(raw.html, "<p>x &amp; <b>y</b></p>");
  EXPECT_EQ(raw.blocks.at(0).text, "x & y");
  EXPECT_EQ(pressroom::feed_detail::html_blocks("<p>x &amp; <b>y</b></p>").at(0).text, "x & y");
}

}  // namespace
