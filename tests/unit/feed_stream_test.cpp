// SPDX-License-Identifier: MIT
// rss::read_stream and atom::read_stream hand on the records read() gives, one at a time and in
// an order record writers can place (the Feed first), with the same warnings; a sink error
// stops them; the Document's own data, which belongs to no record, is skipped with a warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <variant>

#include "pressroom/atom.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/rss.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

namespace {

using namespace pressroom;

struct StreamFormat {
  const char* name;
  Result<std::string> (*write)(const Document&, const WriteOptions&);
  Result<Document> (*read)(std::string_view, const ReadOptions&);
  Status (*read_stream)(std::istream&, const RecordSink&, const ReadOptions&);
};

const StreamFormat kFormats[] = {
    {"rss", &rss::write, &rss::read, &rss::read_stream},
    {"atom", &atom::write, &atom::read, &atom::read_stream},
};

struct Streamed {
  Status status;
  Document doc;                    // the records, added in the order they came
  std::vector<std::size_t> kinds;  // Record::index() of each record
};

Streamed stream(const StreamFormat& f, const std::string& input, const ReadOptions& options = {}) {
  Streamed s;
  std::istringstream in(input);
  s.status = f.read_stream(
      in,
      [&s](Record&& r) -> Status {
        s.kinds.push_back(r.index());
        add_record(s.doc, std::move(r));
        return {};
      },
      options);
  return s;
}

std::vector<std::string> messages(const std::vector<Error>& warnings) {
  std::vector<std::string> out;
  for (const Error& w : warnings) out.push_back(to_string(w));
  return out;
}

// Streaming `input` gives the Document read() gives (less its own pressroom_version and
// extensions), the same warnings, and the Feed record first.
void expect_same_as_read(const StreamFormat& f, const std::string& input, const std::string& what) {
  SCOPED_TRACE(std::string(f.name) + " " + what);
  const Result<Document> whole = f.read(input, ReadOptions{});
  const Streamed s = stream(f, input);
  ASSERT_EQ(static_cast<bool>(whole), static_cast<bool>(s.status));
  if (!whole) {
    EXPECT_EQ(to_string(whole.error()), to_string(s.status.error()));
    return;
  }
  Document expected = *whole;
  std::vector<std::string> expected_warnings = messages(whole.warnings());
  const bool document_level =
      !expected.extensions.empty() || expected.pressroom_version != model_version;
  expected.extensions.clear();
  expected.pressroom_version = model_version;
  if (s.doc != expected) {
    ADD_FAILURE() << "streamed records != read(); - read, + streamed:"
                  << test::line_diff(debug_dump(expected), debug_dump(s.doc));
  }
  std::vector<std::string> got = messages(s.status.warnings());
  if (document_level) {
    ASSERT_FALSE(s.status.warnings().empty());
    std::size_t found = 0;
    for (const Error& w : s.status.warnings())
      if (w.code == ErrorCode::unsupported && w.path == "extensions") ++found;
    EXPECT_EQ(found, 1u) << "one warning for the Document's own data";
    got.erase(std::remove_if(got.begin(), got.end(),
                             [](const std::string& m) {
                               return m.find("document-level") != std::string::npos;
                             }),
              got.end());
  }
  EXPECT_EQ(expected_warnings, got);
  if (!expected.feed.empty()) {
    ASSERT_FALSE(s.kinds.empty());
    EXPECT_EQ(s.kinds.front(), 0u) << "the Feed record comes first";
  }
  std::size_t articles = 0;
  for (const std::size_t k : s.kinds) articles += k == 1 ? 1 : 0;
  EXPECT_EQ(articles, expected.articles.size());
}

TEST(FeedStream, WrittenDocumentsStreamAsTheyRead) {
  std::vector<std::pair<std::string, Document>> docs = {
      {"empty", Document{}}, {"iom", test::iom_document()}, {"full", test::full_document()}};
  const std::uint64_t base = test::base_seed();
  for (std::uint64_t i = 0; i < 10; ++i) {
    const std::uint64_t seed = test::derive_seed(base, i);
    docs.emplace_back("seed " + std::to_string(seed), test::random_document(seed));
  }
  for (const auto& [what, doc] : docs) {
    for (const auto& f : kFormats) {
      const Result<std::string> out = f.write(doc, WriteOptions{});
      ASSERT_TRUE(out) << to_string(out.error());
      expect_same_as_read(f, *out, what);
      if (HasFailure()) return;
    }
  }
}

// Past 1 MiB the input buffer is its own mapping, grown by remapping: a 3 MB feed read through
// it gives what read() gives.
TEST(FeedStream, BigInputsStreamAsTheyRead) {
  const Document iom = test::iom_document();
  Document doc = iom;
  doc.articles.clear();
  for (int i = 0; i < 500; ++i) {
    Article a = iom.articles.front();
    a.id = "art:" + std::to_string(i);
    a.url = "https://example.org/press/" + std::to_string(i);
    doc.articles.push_back(std::move(a));
  }
  for (const auto& f : kFormats) {
    const Result<std::string> out = f.write(doc, WriteOptions{});
    ASSERT_TRUE(out);
    ASSERT_GT(out->size(), std::size_t{3} << 20) << f.name;
    expect_same_as_read(f, *out, "big");
  }
}

TEST(FeedStream, FeedsFromElsewhereStreamAsTheyRead) {
  for (const char* file : {"rss/rss20-full.xml", "rss/rss10-rdf.xml", "rss/lenient-repairs.xml",
                           "rss/written-iom-0.2.xml", "atom/atom10-full.xml", "atom/atom03.xml"}) {
    const std::string input = test::slurp(test::data_path(file));
    for (const auto& f : kFormats) expect_same_as_read(f, input, file);
  }
}

TEST(FeedStream, BrokenAndRefusedInputsGiveTheSameDiagnostics) {
  for (const std::string& input :
       {std::string("<rss version=\"2.0\"><channel><title>T</title><item><title>A</title></item>"
                    "<item><title>B</title>"),
        std::string("<html><body>not a feed</body></html>"), std::string("")}) {
    for (const auto& f : kFormats) expect_same_as_read(f, input, input.substr(0, 30));
  }
}

// The stream parses its own copy of the input in place, which changes its bytes (terminators,
// line ends, decoded references, attribute values): warnings keep the lines and columns of the
// input as it was.
TEST(FeedStream, PositionsSurviveTheInPlaceParse) {
  std::string feed =
      "<?xml version=\"1.0\"?>\r\n<rss\r\n version=\"2.0\"\r\n xmlns:x=\"urn:x\">\r\n"
      "<channel\n><title\n>T&#10;&#10;itle</title>\r\n"
      "<item><title a=\"multi\nline\r\nvalue\">One&amp;&#10;two</title>\r\n"
      "<pubDate>Mon, 30 Feb 2004 10:00:00 GMT</pubDate></item>\r\n"
      "<item\n><title>Two</title><pubDate>not a date</pubDate><ttl>x</ttl>\n"
      "<description>bell &#x7; here</description></item>\n"
      "<item><title>Cut";
  for (const auto& f : kFormats) {
    const Result<Document> whole = f.read(feed, ReadOptions{});
    ASSERT_TRUE(whole) << f.name;
    ASSERT_GE(whole.warnings().size(), 3u) << f.name;
    std::size_t late = 0;
    for (const Error& w : whole.warnings()) late += w.line >= 9 ? 1 : 0;
    EXPECT_GE(late, 2u) << f.name << ": warnings on the last lines";
    expect_same_as_read(f, feed, "crlf");
  }
}

// pressroom's Atom record writer puts a Feed record that arrives after the first article inside
// an entry, where read() takes it: the stream hands that one on, first.
TEST(FeedStream, LateFeedRecordComesFirst) {
  const Document iom = test::iom_document();
  Feed late = iom.feed;
  late.title = "Late Feed";
  for (const auto& f : kFormats) {
    std::ostringstream os;
    const auto open = std::string_view(f.name) == "rss" ? &rss::open_writer : &atom::open_writer;
    const std::unique_ptr<RecordWriter> w = open(os, WriteOptions{});
    ASSERT_TRUE(w->add(iom.articles.front()));
    ASSERT_TRUE(w->add(late));
    ASSERT_TRUE(w->finish());
    expect_same_as_read(f, os.str(), "late feed");
    const Streamed s = stream(f, os.str());
    ASSERT_FALSE(s.kinds.empty()) << f.name;
    EXPECT_EQ(s.kinds.front(), 0u) << f.name;
    EXPECT_EQ(s.doc.feed.title, "Late Feed") << f.name;
  }
}

TEST(FeedStream, DocumentLevelDataIsWarnedAboutAndStrictRefusesIt) {
  Document doc = test::iom_document();
  doc.extensions["json"] = R"({"x":1})";
  for (const auto& f : kFormats) {
    const Result<std::string> out = f.write(doc, WriteOptions{});
    ASSERT_TRUE(out);
    expect_same_as_read(f, *out, "extensions");
    ReadOptions strict;
    strict.mode = Mode::strict;
    const Streamed s = stream(f, *out, strict);
    ASSERT_FALSE(s.status) << f.name;
    EXPECT_EQ(s.status.error().code, ErrorCode::unsupported) << f.name;
  }
}

TEST(FeedStream, SinkErrorStopsReading) {
  const Document doc = test::iom_document();
  Document three = doc;
  three.articles = {doc.articles.front(), doc.articles.front(), doc.articles.front()};
  three.articles[1].id = "second";
  three.articles[2].id = "third";
  for (const auto& f : kFormats) {
    const Result<std::string> out = f.write(three, WriteOptions{});
    ASSERT_TRUE(out);
    std::istringstream in(*out);
    std::size_t articles = 0;
    const Status st = f.read_stream(
        in,
        [&articles](Record&& r) -> Status {
          if (r.index() != 1) return {};
          if (++articles == 2) {
            Error e;
            e.code = ErrorCode::io;
            e.message = "disk full";
            return Status(e);
          }
          return {};
        },
        ReadOptions{});
    ASSERT_FALSE(st) << f.name;
    EXPECT_EQ(st.error().message, "disk full") << f.name;
    EXPECT_EQ(articles, 2u) << f.name << ": no record after the sink's error";
  }
}

TEST(FeedStream, InputLimitHolds) {
  const Result<std::string> out = rss::write(test::iom_document(), WriteOptions{});
  ASSERT_TRUE(out);
  ReadOptions options;
  options.limits.max_input_bytes = out->size() - 1;
  for (const auto& f : kFormats) {
    const Streamed s = stream(f, *out, options);
    ASSERT_FALSE(s.status) << f.name;
    EXPECT_EQ(s.status.error().code, ErrorCode::limit_exceeded) << f.name;
    EXPECT_TRUE(s.kinds.empty()) << f.name << ": nothing handed on";
  }
}

}  // namespace
