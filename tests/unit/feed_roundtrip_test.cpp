// SPDX-License-Identifier: MIT
// The three feed formats carry a whole Document through their pressroom extension:
// read(write(d)) == d for hand-made and random Documents, and writing again gives the same
// bytes.
#include <gtest/gtest.h>

#include <sstream>

#include "pressroom/atom.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/rss.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

namespace {

using namespace pressroom;

struct FeedFormat {
  const char* name;
  Result<std::string> (*write)(const Document&, const WriteOptions&);
  Result<Document> (*read)(std::string_view, const ReadOptions&);
};

const FeedFormat kFormats[] = {
    {"rss", &rss::write, &rss::read},
    {"atom", &atom::write, &atom::read},
    {"jsonfeed", &jsonfeed::write, &jsonfeed::read},
};

void expect_round_trip(const FeedFormat& f, const Document& doc, const WriteOptions& wo,
                       const std::string& what) {
  SCOPED_TRACE(std::string(f.name) + " " + what);
  const Result<std::string> out = f.write(doc, wo);
  ASSERT_TRUE(out) << to_string(out.error());
  const Result<Document> back = f.read(*out, ReadOptions{});
  ASSERT_TRUE(back) << to_string(back.error()) << "\n" << *out;
  for (const auto& w : back.warnings()) ADD_FAILURE() << "read warning: " << to_string(w);
  if (*back != doc) {
    ADD_FAILURE() << "read(write(d)) != d; - expected, + read back:"
                  << test::line_diff(debug_dump(doc), debug_dump(*back));
    return;
  }
  const Result<std::string> again = f.write(*back, wo);
  ASSERT_TRUE(again);
  EXPECT_EQ(*out, *again);
}

TEST(FeedRoundTrip, EmptyDocument) {
  for (const auto& f : kFormats) expect_round_trip(f, Document{}, WriteOptions{}, "empty");
}

TEST(FeedRoundTrip, IomDocument) {
  const Document doc = test::iom_document();
  for (const auto& f : kFormats) expect_round_trip(f, doc, WriteOptions{}, "iom");
}

TEST(FeedRoundTrip, FullDocument) {
  const Document doc = test::full_document();
  for (const auto& f : kFormats) {
    expect_round_trip(f, doc, WriteOptions{}, "full pretty");
    WriteOptions compact;
    compact.pretty = false;
    expect_round_trip(f, doc, compact, "full compact");
  }
}

// Unknown JSON keys kept in extensions["json"] come back as the same text: key order and
// repeated keys included (JSON Feed carries that text as a string).
TEST(FeedRoundTrip, UnknownJsonKeysKeepTheirText) {
  Document doc;
  doc.feed.title = "t";
  doc.feed.extensions["json"] = R"({"zz":{"b":1,"a":2},"":[{"":"","":""}]})";
  Article a;
  a.id = "a1";
  a.headline = "h";
  a.extensions["json"] = R"({"y":1,"x":{"k":2,"k":3}})";
  doc.articles.push_back(a);
  for (const auto& f : kFormats) expect_round_trip(f, doc, WriteOptions{}, "unknown keys");
}

// C1 controls (U+0080..U+009F) are written as references (XML) or \u escapes (JSON): as raw
// bytes the readers would take them for Windows-1252 text misread as Latin-1 and repair them.
TEST(FeedRoundTrip, C1ControlsAreNotRepairedAway) {
  Document doc;
  doc.feed.title = "t\xC2\x9A";
  doc.feed.home_page_url = "https://example.org/";
  doc.feed.description = "d\xC2\x80\xC2\x9F";
  Article a;
  a.id = "a1";
  a.headline = "h\xC2\x85 \xC2\x93quoted\xC2\x94";
  a.url = "https://example.org/a1";
  doc.articles.push_back(a);
  for (const auto& f : kFormats) {
    const Result<std::string> out = f.write(doc, WriteOptions{});
    ASSERT_TRUE(out);
    EXPECT_EQ(out->find("\xC2\x9A"), std::string::npos) << f.name;
    const Result<Document> back = f.read(*out, ReadOptions{});
    ASSERT_TRUE(back) << f.name;
    EXPECT_EQ(back->feed.title, doc.feed.title) << f.name;
    EXPECT_EQ(back->articles.at(0).headline, a.headline) << f.name;
  }
}

// Body blocks travel as block HTML: a C1 control in a block, the dateline or the contact note
// comes back (as &#x85;), and JSON Feed keeps blocks its HTML cannot give back (a character XML
// forbids) in the residual.
TEST(FeedRoundTrip, BodyBlocksWithControlCharacters) {
  Document doc;
  doc.feed.title = "t";
  doc.feed.home_page_url = "https://example.org/";
  Article a;
  a.id = "a1";
  a.headline = "h";
  a.url = "https://example.org/a1";
  a.dateline = Dateline{"BERLIN\xC2\x85 -", {}, {}};
  a.body = {Block{BlockType::paragraph, "one\xC2\x85two"}, Block{BlockType::paragraph, "three"}};
  a.contact_note = "Contact\xC2\x9F us.";
  doc.articles.push_back(a);
  for (const auto& f : kFormats) expect_round_trip(f, doc, WriteOptions{}, "C1 in blocks");
  Document forbidden = doc;
  forbidden.articles[0].body[1].text = "th\x01ree";
  expect_round_trip(kFormats[2], forbidden, WriteOptions{}, "forbidden character in a block");
}

// Items of a foreign namespace are read as items (by their local name), and not kept again as
// foreign channel elements: a round trip does not multiply them.
TEST(FeedRoundTrip, ForeignNamespaceItemsAreNotKeptTwice) {
  const std::string in =
      "<rss version=\"2.0\"><channel><title>t</title><link>http://example.org/</link>"
      "<description>d</description><x:item xmlns:x=\"urn:x\"><title>one</title></x:item>"
      "<item><title>two</title></item></channel></rss>";
  const Result<Document> first = rss::read(in);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->articles.size(), 2u);
  EXPECT_EQ(first->feed.extensions.count("rss"), 0u);
  const Result<Document> again = rss::read(rss::write(*first).value());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->articles.size(), 2u);
}

TEST(FeedRoundTrip, RandomDocuments) {
  const std::uint64_t base = test::base_seed();
  for (std::uint64_t i = 0; i < 25; ++i) {
    const std::uint64_t seed = test::derive_seed(base, i);
    const Document doc = test::random_document(seed);
    for (const auto& f : kFormats) {
      expect_round_trip(f, doc, WriteOptions{}, "seed " + std::to_string(seed));
      if (HasFailure()) return;
    }
  }
}

TEST(FeedRoundTrip, RecordWriterMatchesWrite) {
  const Document doc = test::iom_document();
  for (const auto& [name, open] :
       {std::pair{"rss", &rss::open_writer}, std::pair{"atom", &atom::open_writer},
        std::pair{"jsonfeed", &jsonfeed::open_writer}}) {
    std::ostringstream os;
    auto w = open(os, WriteOptions{});
    ASSERT_TRUE(w->add(doc.feed));
    for (const auto& o : doc.organizations) ASSERT_TRUE(w->add(o));
    for (const auto& c : doc.commissioners) ASSERT_TRUE(w->add(c));
    for (const auto& p : doc.people) ASSERT_TRUE(w->add(p));
    for (const auto& l : doc.legislation) ASSERT_TRUE(w->add(l));
    for (const auto& c : doc.contacts) ASSERT_TRUE(w->add(c));
    for (const auto& a : doc.articles) ASSERT_TRUE(w->add(a));
    ASSERT_TRUE(w->finish());
    const FeedFormat* f = nullptr;
    for (const auto& k : kFormats)
      if (std::string_view(k.name) == name) f = &k;
    EXPECT_EQ(os.str(), *f->write(doc, WriteOptions{})) << name;
  }
}

// Entity records arriving between articles (as in a jsonl archive) are written as they come
// (RSS: channel elements between items; JSON Feed: set aside, past 1 MB in a temporary file;
// Atom: inside the next entry) and read back in their order; more than a thousand records
// before the first article make the head go out without one.
TEST(FeedRoundTrip, RecordWriterInterleavedEntities) {
  Document doc;
  doc.feed.title = "Interleaved";
  doc.feed.home_page_url = "https://example.org/";
  std::vector<Record> records{doc.feed};
  const std::string padding(700, 'x');
  for (int i = 0; i < 3000; ++i) {
    Organization o;
    o.id = "org:" + std::to_string(i);
    o.name = "Organization " + std::to_string(i);
    o.description = padding;
    doc.organizations.push_back(o);
    records.emplace_back(o);
    if (i % 3 == 0) {
      Person p;
      p.id = "person:" + std::to_string(i);
      p.name.full = "Person " + std::to_string(i);
      doc.people.push_back(p);
      records.emplace_back(p);
    }
    if (i >= 1500 && i % 100 == 0) {
      Article a;
      a.id = "art:" + std::to_string(i);
      a.headline = "Release " + std::to_string(i);
      a.url = "https://example.org/" + std::to_string(i);
      a.publisher_id = o.id;
      a.authors.push_back(EntityRef{"person:" + std::to_string(i / 3 * 3), {}, {}, {}});
      doc.articles.push_back(a);
      records.emplace_back(a);
    }
  }
  for (const auto& [name, open] :
       {std::pair{"rss", &rss::open_writer}, std::pair{"atom", &atom::open_writer},
        std::pair{"jsonfeed", &jsonfeed::open_writer}}) {
    SCOPED_TRACE(name);
    std::ostringstream os;
    auto w = open(os, WriteOptions{});
    for (const auto& r : records) ASSERT_TRUE(w->add(r));
    ASSERT_TRUE(w->finish());
    const FeedFormat* f = nullptr;
    for (const auto& k : kFormats)
      if (std::string_view(k.name) == name) f = &k;
    const Result<Document> back = f->read(os.str(), ReadOptions{});
    ASSERT_TRUE(back) << to_string(back.error());
    if (*back != doc)
      ADD_FAILURE() << test::line_diff(debug_dump(doc), debug_dump(*back)).substr(0, 4000);
    // Items show the names of the entities they refer to, even those written long before (the
    // author element, not the entity record, which names the person too).
    const std::string author = std::string_view(name) == "rss"    ? "<dc:creator>Person 1500<"
                               : std::string_view(name) == "atom" ? "<name>Person 1500</name>"
                                                                  : "\"name\": \"Person 1500\"";
    EXPECT_NE(os.str().find(author), std::string::npos) << author;
  }
}

}  // namespace
