// SPDX-License-Identifier: MIT
// The URL filter on its own, pressroom::sanitize over every URL and HTML field of the model,
// and the readers' trust policy: sanitised by default, left alone under ReadOptions::trusted.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "detail/url.hpp"
#include "pressroom/atom.hpp"
#include "pressroom/json.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/jsonl.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/rss.hpp"
#include "pressroom/sanitize.hpp"
#include "pressroom/vcard.hpp"
#include "pressroom/xml.hpp"
#include "support/random_document.hpp"

namespace pressroom {
namespace {

// ---- the URL filter -------------------------------------------------------------------

TEST(UrlFilter, AllowsExactlyTheListedSchemes) {
  const std::set<std::string> expected = {"http", "https", "mailto", "ftp",
                                          "tel",  "news",  "urn",    "tag"};
  std::set<std::string> listed;
  for (const std::string_view s : detail::allowed_url_schemes) listed.insert(std::string(s));
  EXPECT_EQ(listed, expected);
  // A scheme that runs script must never join the list.
  for (const char* bad : {"javascript", "vbscript", "data", "file", "blob", "livescript"}) {
    EXPECT_EQ(listed.count(bad), 0u) << bad;
  }
}

TEST(UrlFilter, AllowedSchemesAndRelativeReferences) {
  for (const char* url : {"http://example.org/",
                          "https://example.org/a?b=c#d",
                          "HTTPS://EXAMPLE.ORG/",
                          "mailto:press@example.org",
                          "ftp://ftp.example.org/f.txt",
                          "tel:+442078116053",
                          "news:comp.lang.c++",
                          "urn:uuid:0b9c6f4e-7f2e-4bd2-9a8a-6b1f1b0f9e3c",
                          "tag:example.org,2024:1",
                          "/press/2024",
                          "press/2024",
                          "../up",
                          "?page=2",
                          "#top",
                          "//cdn.example.org/x.png",
                          "a/b:c",
                          "",
                          "plain text",
                          ":no-scheme",
                          "https://example.org/?next=javascript:alert(1)"}) {
    EXPECT_TRUE(is_safe_url(url)) << url;
    EXPECT_TRUE(detail::is_safe_url(url)) << url;
  }
}

TEST(UrlFilter, RefusedSchemesAndBrowserTricks) {
  for (const char* url : {"javascript:alert(1)",
                          "JaVaScRiPt:alert(1)",
                          "vbscript:msgbox(1)",
                          "data:text/html;base64,PHNjcmlwdD4=",
                          "file:///etc/passwd",
                          "blob:https://example.org/uuid",
                          "xmpp:someone@example.org",
                          " javascript:alert(1)",
                          "\x01\x02javascript:alert(1)",
                          "java\tscript:alert(1)",
                          "java\nscript:alert(1)",
                          "java\rscript:alert(1)",
                          "jav\x7F"
                          "ascript:alert(1)",
                          "javascript&#58;alert(1)",
                          "javascript&#058alert(1)",
                          "javascript&#x3A;alert(1)",
                          "javascript&#X3a alert(1)",
                          "javascript&colon;alert(1)",
                          "javascript&COLON;alert(1)",
                          "&#106;avascript:alert(1)",
                          "&#x6A;avascript:alert(1)",
                          "jav&#x09;ascript:alert(1)",
                          "java&Tab;script:alert(1)",
                          "java&NewLine;script:alert(1)",
                          "https-javascript:alert(1)",
                          "averyveryverylongscheme:x"}) {
    EXPECT_FALSE(is_safe_url(url)) << url;
  }
}

// ---- sanitize -------------------------------------------------------------------------

constexpr const char* kBad = "javascript:alert(1)";

Link bad_link() { return Link{kBad, "related", {}, {}, {}, std::nullopt}; }

Media bad_media() {
  Media m;
  m.url = kBad;
  return m;
}

TextInfo bad_info() {
  TextInfo t;
  t.base = kBad;
  return t;
}

Feed bad_feed() {
  Feed f;
  f.title = "Hostile";
  f.home_page_url = kBad;
  f.feed_url = kBad;
  f.next_url = kBad;
  f.icon = kBad;
  f.logo = kBad;
  f.generator.uri = kBad;
  f.links = {bad_link(), Link{"https://example.org/ok", "related", {}, {}, {}, std::nullopt}};
  f.title_info = bad_info();
  f.description_info = bad_info();
  f.rights_info = bad_info();
  return f;
}

// A Document with an unsafe URL in every URL field of every record and value type, and
// script in its HTML; `count` receives the number of unsafe values put in.
Document hostile_document(std::size_t& count) {
  Document d;
  d.feed = bad_feed();
  count = 10;  // the feed's: 5 URL fields, the generator's, a link, 3 text infos
  Article a;
  a.id = "urn:x:1";
  a.headline = "Hello";
  a.url = kBad;
  a.body_html =
      "<p onclick=\"steal()\">Hello<script>alert(2)</script><img src=\"x\" onerror=\"alert(3)\" />"
      "<a href=\"javascript:alert(4)\">x</a><iframe src=\"https://evil.example/\"></iframe></p>";
  a.links = {bad_link()};
  a.media = {bad_media()};
  a.source = bad_link();
  a.source_feed = bad_feed();
  a.headline_info = bad_info();
  a.summary_info = bad_info();
  a.body_info = bad_info();
  count += 1 + 1 + 1 + 1 + 1 + 10 + 3;  // url, body_html, links, media, source, source_feed, infos
  d.articles.push_back(a);
  Organization o;
  o.id = "org:x";
  o.name = "X";
  o.url = kBad;
  o.logo = bad_media();
  o.same_as = {kBad, "https://www.wikidata.org/wiki/Q1", kBad};
  count += 4;
  d.organizations.push_back(o);
  Commissioner c;
  c.id = "person:c";
  c.name.full = "C";
  c.same_as = {kBad};
  count += 1;
  d.commissioners.push_back(c);
  Person p;
  p.id = "person:p";
  p.name.full = "P";
  p.url = kBad;
  p.same_as = {kBad};
  count += 2;
  d.people.push_back(p);
  Legislation l;
  l.id = "leg:x";
  l.title = "Act";
  l.url = kBad;
  count += 1;
  d.legislation.push_back(l);
  Contact k;
  k.id = "contact:k";
  k.urls = {bad_link(), Link{"https://example.org/contact", {}, {}, {}, {}, std::nullopt}};
  count += 1;
  d.contacts.push_back(k);
  return d;
}

TEST(Sanitize, EveryUrlFieldOfEveryRecordAndTheHtml) {
  std::size_t count = 0;
  Document d = hostile_document(count);
  const std::vector<Error> warnings = sanitize(d);
  EXPECT_EQ(warnings.size(), count);
  const std::string json = *json::write(d);
  EXPECT_EQ(json.find("javascript:"), std::string::npos) << json;
  EXPECT_EQ(json.find("<script"), std::string::npos) << json;
  EXPECT_EQ(json.find("onerror"), std::string::npos) << json;
  EXPECT_EQ(json.find("onclick"), std::string::npos) << json;
  EXPECT_EQ(json.find("<iframe"), std::string::npos) << json;
  // what is safe stays
  EXPECT_NE(json.find("https://example.org/ok"), std::string::npos);
  EXPECT_NE(json.find("https://example.org/contact"), std::string::npos);
  EXPECT_NE(json.find("Q1"), std::string::npos);
  EXPECT_NE(json.find("Hello"), std::string::npos);
  // links and media that lost their URL are gone as a whole; optional ones reset
  EXPECT_TRUE(d.articles[0].links.empty());
  EXPECT_TRUE(d.articles[0].media.empty());
  EXPECT_FALSE(d.articles[0].source);
  EXPECT_FALSE(d.organizations[0].logo);
  EXPECT_EQ(d.feed.links.size(), 1u);
  EXPECT_EQ(d.contacts[0].urls.size(), 1u);
  EXPECT_EQ(d.organizations[0].same_as.size(), 1u);
  // paths name the field
  std::set<std::string> paths;
  for (const Error& w : warnings) {
    EXPECT_EQ(w.severity, Severity::warning);
    EXPECT_EQ(w.format, "sanitize");
    paths.insert(w.path);
  }
  for (const char* path :
       {"feed.home_page_url", "feed.generator.uri", "feed.links[0].href", "feed.title_info.base",
        "articles[0].url", "articles[0].body_html", "articles[0].media[0].url",
        "articles[0].source.href", "articles[0].source_feed.icon", "organizations[0].logo.url",
        "organizations[0].same_as[2]", "people[0].url", "legislation[0].url",
        "contacts[0].urls[0].href", "commissioners[0].same_as[0]"}) {
    EXPECT_EQ(paths.count(path), 1u) << path;
  }
  // idempotent: a second pass finds nothing and changes nothing
  Document again = d;
  EXPECT_TRUE(sanitize(again).empty());
  EXPECT_EQ(again, d);
}

TEST(Sanitize, OptionsLeaveHtmlOrUrlsAlone) {
  std::size_t count = 0;
  const Document original = hostile_document(count);
  Document html_only = original;
  SanitizeOptions o;
  o.urls = false;
  (void)sanitize(html_only, o);
  EXPECT_EQ(html_only.articles[0].url, kBad);
  EXPECT_EQ(html_only.articles[0].body_html.find("<script"), std::string::npos);
  Document urls_only = original;
  o = SanitizeOptions{};
  o.html = false;
  (void)sanitize(urls_only, o);
  EXPECT_TRUE(urls_only.articles[0].url.empty());
  EXPECT_NE(urls_only.articles[0].body_html.find("<script"), std::string::npos);
}

TEST(Sanitize, StreamedRecordPaths) {
  Article a;
  a.id = "urn:x:1";
  a.url = kBad;
  Record r = a;
  const std::vector<Error> w = sanitize(r);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].path, "article.url");
  EXPECT_TRUE(std::get<Article>(r).url.empty());
}

TEST(Sanitize, IdempotentOnTheIomDocumentAndRandomDocuments) {
  Document iom = test::iom_document();
  EXPECT_TRUE(sanitize(iom).empty());
  EXPECT_EQ(iom, test::iom_document());
  const std::uint64_t base = test::base_seed();
  for (std::uint64_t i = 0; i < 200; ++i) {
    const Document original = test::random_document(test::derive_seed(base, i));
    Document d = original;
    const std::vector<Error> w = sanitize(d);
    EXPECT_TRUE(w.empty()) << "seed index " << i << ": " << to_string(w.front());
    EXPECT_EQ(d, original) << "seed index " << i;
  }
}

// The sanitiser's own output is a fixed point, for hostile HTML too.
TEST(Sanitize, HtmlOutputIsAFixedPoint) {
  for (const char* html :
       {"<p>a &amp; b &lt; c</p>", "<P CLASS=x>Hi<BR>there<img src=a.png alt='x'></P>",
        "<ul><li>one<li>two</ul><table><tr><td>1<td>2</table>",
        "<a href=\" javascript:alert(1)\">x</a><a href='https://e.org/?a=1&b=2'>y</a>",
        "<div><script>alert(1)</script><style>p{}</style><p>text</p></div>",
        "text &nbsp; &copy; &#x41; & stray", "<p>unclosed <b>bold <i>it</p>",
        "<svg onload=alert(1)><circle /></svg><math><mi>x</mi></math>",
        "<!-- comment --><p>after</p><![CDATA[x]]>"}) {
    Document d;
    Article a;
    a.id = "urn:x";
    a.headline = "h";
    a.body_html = html;
    d.articles.push_back(a);
    (void)sanitize(d);
    const Document once = d;
    EXPECT_TRUE(sanitize(d).empty()) << html;
    EXPECT_EQ(d, once) << html << " -> " << once.articles[0].body_html << " -> "
                       << d.articles[0].body_html;
  }
}

// ---- readers: sanitised by default, as given under `trusted` --------------------------

constexpr const char* kOwnRss =
    "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:pressroom=\"urn:pressroom:1\" "
    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>"
    "<link>https://example.org/</link><description>d</description><item><title>Hello</title>"
    "<link>javascript:alert(1)</link><guid isPermaLink=\"false\">urn:x:1</guid>"
    "<content:encoded>&lt;p&gt;Hi&lt;script&gt;alert(2)&lt;/script&gt;&lt;/p&gt;"
    "</content:encoded><pressroom:article/></item></channel></rss>";

constexpr const char* kOwnAtom =
    "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
    "xmlns:pressroom=\"urn:pressroom:1\"><id>urn:f</id><title>T</title>"
    "<updated>2024-01-01T00:00:00Z</updated><entry><id>urn:x:1</id><title>Hello</title>"
    "<updated>2024-01-01T00:00:00Z</updated><link rel=\"alternate\" href=\"javascript:alert(1)\"/>"
    "<content type=\"html\">&lt;p&gt;Hi&lt;script&gt;alert(2)&lt;/script&gt;&lt;/p&gt;</content>"
    "<pressroom:article/></entry></feed>";

constexpr const char* kOwnJsonFeed =
    R"j({"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"urn:x:1",)j"
    R"j("url":"javascript:alert(1)","title":"Hello","content_html":)j"
    R"j("<p>Hi<script>alert(2)</script></p>","_pressroom":{"article":{}}}]})j";

constexpr const char* kJson =
    R"j({"articles":[{"id":"urn:x:1","headline":"Hello","url":"javascript:alert(1)",)j"
    R"j("body_html":"<p>Hi<script>alert(2)</script></p>"}]})j";

void expect_sanitised(const Result<Document>& r, const std::string& what) {
  ASSERT_TRUE(r) << what << ": " << to_string(r.error());
  ASSERT_EQ(r->articles.size(), 1u) << what;
  const Article& a = r->articles[0];
  EXPECT_TRUE(a.url.empty()) << what << ": " << a.url;
  EXPECT_EQ(a.body_html.find("<script"), std::string::npos) << what << ": " << a.body_html;
  bool warned = false;
  for (const Error& w : r.warnings()) warned = warned || w.format == "sanitize";
  EXPECT_TRUE(warned) << what;
}

void expect_kept(const Result<Document>& r, const std::string& what) {
  ASSERT_TRUE(r) << what << ": " << to_string(r.error());
  ASSERT_EQ(r->articles.size(), 1u) << what;
  const Article& a = r->articles[0];
  EXPECT_EQ(a.url, kBad) << what;
  EXPECT_NE(a.body_html.find("<script>alert(2)</script>"), std::string::npos)
      << what << ": " << a.body_html;
}

TEST(Trust, OwnItemsAndCanonicalJsonAreSanitisedUnlessTrusted) {
  ReadOptions trusted;
  trusted.trusted = true;
  expect_sanitised(rss::read(kOwnRss), "rss");
  expect_kept(rss::read(kOwnRss, trusted), "rss, trusted");
  expect_sanitised(atom::read(kOwnAtom), "atom");
  expect_kept(atom::read(kOwnAtom, trusted), "atom, trusted");
  expect_sanitised(jsonfeed::read(kOwnJsonFeed), "jsonfeed");
  expect_kept(jsonfeed::read(kOwnJsonFeed, trusted), "jsonfeed, trusted");
  expect_sanitised(json::read(kJson), "json");
  expect_kept(json::read(kJson, trusted), "json, trusted");
  // canonical XML and the archives: write the hostile Document trusted, read it back
  Document hostile = *json::read(kJson, trusted);
  const Registry registry = Registry::with_builtin_formats();
  for (const Format& f : registry.formats()) {
    if (!f.read || !f.write || !f.carries.lossless) continue;
    const Result<std::string> w = f.write(hostile, WriteOptions{});
    ASSERT_TRUE(w) << f.name;
    expect_sanitised(f.read(*w, ReadOptions{}), f.name);
    expect_kept(f.read(*w, trusted), f.name + ", trusted");
  }
}

TEST(Trust, StreamingReadersSanitiseEachRecord) {
  ReadOptions trusted;
  trusted.trusted = true;
  const std::string jsonl = *jsonl::write(*json::read(kJson, trusted));
  for (const bool trust : {false, true}) {
    std::vector<Article> got;
    const RecordSink sink = [&got](Record&& r) {
      if (auto* a = std::get_if<Article>(&r)) got.push_back(*a);
      return Status();
    };
    ReadOptions o;
    o.trusted = trust;
    {
      std::istringstream in(jsonl);
      const Status st = jsonl::read_stream(in, sink, o);
      ASSERT_TRUE(st) << to_string(st.error());
    }
    {
      std::istringstream in(kOwnRss);
      const Status st = rss::read_stream(in, sink, o);
      ASSERT_TRUE(st) << to_string(st.error());
    }
    {
      std::istringstream in(kOwnAtom);
      const Status st = atom::read_stream(in, sink, o);
      ASSERT_TRUE(st) << to_string(st.error());
    }
    ASSERT_EQ(got.size(), 3u);
    for (const Article& a : got) {
      EXPECT_EQ(a.url.empty(), !trust);
      EXPECT_EQ(a.body_html.find("<script") == std::string::npos, !trust) << a.body_html;
    }
  }
}

TEST(Trust, StrictModeMakesTheFirstRemovalTheError) {
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> r = json::read(kJson, strict);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::invalid_value);
  EXPECT_EQ(r.error().format, "sanitize");
}

TEST(Trust, KeepRawHtmlStillFiltersUrls) {
  ReadOptions raw;
  raw.keep_raw_html = true;
  const Result<Document> r = json::read(kJson, raw);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->articles[0].url.empty());
  EXPECT_NE(r->articles[0].body_html.find("<script"), std::string::npos);
}

TEST(Trust, VcardUrl) {
  const std::string card =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Press office\r\nURL:javascript:alert(1)\r\n"
      "URL:https://example.org/press\r\nEND:VCARD\r\n";
  const Result<Document> r = vcard::read(card);
  ASSERT_TRUE(r) << to_string(r.error());
  ASSERT_EQ(r->contacts.size(), 1u);
  ASSERT_EQ(r->contacts[0].urls.size(), 1u);
  EXPECT_EQ(r->contacts[0].urls[0].href, "https://example.org/press");
  ReadOptions trusted;
  trusted.trusted = true;
  const Result<Document> t = vcard::read(card, trusted);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->contacts[0].urls.size(), 2u);
}

// ---- writers never make a link of an unsafe id ---------------------------------------
// (URL fields of a Document built in code are written as they are; sanitize() it first.)

TEST(Writers, UnsafeIdIsNoPermalink) {
  Document d;
  d.feed.title = "T";
  d.feed.id = kBad;
  Article a;
  a.id = a.url = kBad;
  a.headline = "Hello";
  d.articles.push_back(a);
  const std::string r = *rss::write(d);
  EXPECT_EQ(r.find("isPermaLink=\"true\""), std::string::npos) << r;
  // and a safe one still is a permalink
  d.articles[0].id = d.articles[0].url = "https://example.org/a";
  EXPECT_NE(rss::write(d)->find("isPermaLink=\"true\""), std::string::npos);
}

}  // namespace
}  // namespace pressroom
