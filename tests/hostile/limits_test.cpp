// SPDX-License-Identifier: MIT
// Every reader enforces the four Limits (input bytes, nesting depth, records, string bytes) in
// lenient and in strict mode: one row per reader and limit, each run in both modes, must fail
// with `limit_exceeded`. The same input read with the default limits must succeed, so each row
// shows that the limit (and nothing else) refused it.
//
// Where a format has no nesting the row says so (boost-text and boost-binary hold a fixed
// structure whose depth is bounded by the model; plain text has no nesting at all).
#include <gtest/gtest.h>

#include <cctype>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "pressroom/pressroom.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"
#ifdef PRESSROOM_TEST_HAVE_EXTRACT
#include "pressroom/extract.hpp"
#endif

namespace pressroom {
namespace {

enum class Limit { input_bytes, depth, records, string_bytes };

const char* name_of(Limit l) {
  switch (l) {
    case Limit::input_bytes:
      return "InputBytes";
    case Limit::depth:
      return "Depth";
    case Limit::records:
      return "Records";
    case Limit::string_bytes:
      return "StringBytes";
  }
  return "";
}

const Registry& registry() {
  static const Registry r = [] {
    Registry reg = Registry::with_builtin_formats();
#ifdef PRESSROOM_TEST_HAVE_EXTRACT
    extract::register_formats(reg);
#endif
    return reg;
  }();
  return r;
}

constexpr std::size_t kSmallDepth = 24;
constexpr std::size_t kDeep = 60;  // nesting injected for the depth rows
constexpr std::size_t kSmallRecords = 3;
constexpr std::size_t kSmallString = 200;

// A Document with 6 articles (plus the IOM tables) and one headline of 1000 bytes.
Document sample(bool long_headline) {
  Document d = test::iom_document();
  const Article first = d.articles.at(0);
  for (int i = 1; i < 6; ++i) {
    Article a = first;
    a.id = "art:copy-" + std::to_string(i);
    a.url = "https://example.org/news/" + std::to_string(i);
    a.headline = "Copy " + std::to_string(i);
    d.articles.push_back(a);
  }
  if (long_headline) d.articles[1].headline = std::string(1000, 'h');
  return d;
}

std::string written(const std::string& format, const Document& d) {
  const Format* f = registry().find(format);
  if (f == nullptr || !f->write) return {};
  Result<std::string> r = f->write(d, WriteOptions{});
  return r ? std::move(r).value() : std::string{};
}

// `inner` inserted right after the end of the first start tag of `xml` (the root element).
std::string into_root(std::string xml, const std::string& inner) {
  std::size_t lt = 0;
  while ((lt = xml.find('<', lt)) != std::string::npos) {
    if (lt + 1 < xml.size() && (std::isalpha(static_cast<unsigned char>(xml[lt + 1])) != 0)) break;
    ++lt;
  }
  const std::size_t gt = xml.find('>', lt);
  xml.insert(gt + 1, inner);
  return xml;
}

// `member` inserted as the first member of the first JSON object in `json`.
std::string into_object(std::string json, const std::string& member) {
  json.insert(json.find('{') + 1, member + ",");
  return json;
}

std::string nested_xml(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += "<x>";
  for (std::size_t i = 0; i < n; ++i) s += "</x>";
  return s;
}

// A deep value where the format keeps unknown JSON: under "extensions" (so that strict mode
// has nothing else to complain about).
std::string nested_json(std::size_t n) {
  return "\"extensions\":{\"x_deep\":" + std::string(n, '[') + std::string(n, ']') + "}";
}

std::string extract_page(const char* name) {
  return test::slurp(std::string(PRESSROOM_TEST_DATA_DIR) + "/extract/" + name);
}

// The input of one row and the limits that must refuse it (the other limits stay default).
struct Row {
  std::string format;
  Limit limit;
  std::function<std::string()> input;  // empty function: the limit cannot apply (see `why`)
  std::string why = {};
  bool baseline = true;  // whether the input reads with the default limits
  // Strict mode stops at the first issue; where the injected nesting is itself an issue met
  // before the limit (JSON extensions hold strings), only lenient mode can show the limit.
  bool strict_too = true;
  std::size_t max_depth = kSmallDepth;  // for the depth rows
  std::string tag = {};                 // tells rows of one format and limit apart
};

void PrintTo(const Row& row, std::ostream* os) {
  *os << row.format << " " << name_of(row.limit) << row.tag;
}

std::vector<Row> rows() {
  std::vector<Row> v;
  const auto plain = [](std::string fmt) { return [fmt] { return written(fmt, sample(false)); }; };
  const auto longer = [](std::string fmt) { return [fmt] { return written(fmt, sample(true)); }; };
  for (const char* fmt : {"xml", "rss", "atom", "boost-xml"}) {
    v.push_back({fmt, Limit::input_bytes, plain(fmt)});
    // A Boost XML archive allows no unknown element: without the limit it is a syntax error.
    Row deep{fmt, Limit::depth,
             [fmt] { return into_root(written(fmt, sample(false)), nested_xml(kDeep)); }};
    deep.baseline = std::string(fmt) != "boost-xml";
    v.push_back(deep);
    v.push_back({fmt, Limit::records, plain(fmt)});
    v.push_back({fmt, Limit::string_bytes, longer(fmt)});
  }
  for (const char* fmt : {"json", "jsonl", "jsonfeed"}) {
    v.push_back({fmt, Limit::input_bytes, plain(fmt)});
    // A deep value under "extensions" (JSON Feed: an underscore key). In json and jsonl an
    // extension holds a string, so strict mode stops at the array before the limit.
    Row deep{fmt, Limit::depth,
             [fmt] { return into_object(written(fmt, sample(false)), nested_json(kDeep)); }};
    deep.strict_too = std::string(fmt) == "jsonfeed";
    v.push_back(deep);
    // The structure of an ordinary document is deeper than 3 levels: both modes.
    Row structure{fmt, Limit::depth, plain(fmt)};
    structure.max_depth = 3;
    structure.tag = "OfStructure";
    v.push_back(structure);
    v.push_back({fmt, Limit::records, plain(fmt)});
    v.push_back({fmt, Limit::string_bytes, longer(fmt)});
  }
  for (const char* fmt : {"boost-text", "boost-binary"}) {
    v.push_back({fmt, Limit::input_bytes, plain(fmt)});
    v.push_back({fmt, Limit::depth, {}, "the archive's structure is fixed by the model"});
    v.push_back({fmt, Limit::records, plain(fmt)});
    v.push_back({fmt, Limit::string_bytes, longer(fmt)});
  }
  // vCard carries the contacts: six of them, one with a name of 1000 bytes; the depth row
  // nests cards (BEGIN inside a card: a vCard 2.1 AGENT, skipped with a warning) deeper than
  // the limit.
  const auto cards = [](bool long_name) {
    return [long_name] {
      Document d = sample(false);
      const Contact first = d.contacts.at(0);
      for (int i = 1; i < 6; ++i) {
        Contact c = first;
        c.id = "contact:copy-" + std::to_string(i);
        c.name.full = "Copy " + std::to_string(i);
        d.contacts.push_back(c);
      }
      if (long_name) d.contacts[1].name.full = std::string(1000, 'n');
      return written("vcard", d);
    };
  };
  v.push_back({"vcard", Limit::input_bytes, cards(false)});
  Row nested{"vcard", Limit::depth, [cards] {
               std::string s = cards(false)();
               std::string deep;
               for (std::size_t i = 0; i < kDeep; ++i) deep += "BEGIN:VCARD\r\nVERSION:4.0\r\n";
               for (std::size_t i = 0; i < kDeep; ++i) deep += "FN:Nested\r\nEND:VCARD\r\n";
               return deep + s;
             }};
  nested.strict_too = false;  // strict mode stops at the first nested card, before the limit
  v.push_back(nested);
  v.push_back({"vcard", Limit::records, cards(false)});
  v.push_back({"vcard", Limit::string_bytes, cards(true)});
  // jsonld is written only: it has no reader to limit.
#ifdef PRESSROOM_TEST_HAVE_EXTRACT
  const auto txt = [] { return extract_page("eu-commissioner-directive/input.txt"); };
  const auto html = [] { return extract_page("iom-uk-modern-slavery-html/input.html"); };
  v.push_back({"text", Limit::input_bytes, txt});
  v.push_back({"text", Limit::depth, {}, "plain text has no nesting"});
  v.push_back({"text", Limit::records, txt});
  v.push_back({"text", Limit::string_bytes, txt});
  v.push_back({"html", Limit::input_bytes, html});
  v.push_back({"html", Limit::depth, [] {
                 std::string s = extract_page("iom-uk-modern-slavery-html/input.html");
                 const std::size_t body = s.find("<body>") + 6;
                 std::string deep;
                 for (std::size_t i = 0; i < kDeep; ++i) deep += "<div>";
                 deep += "<p>Deep.</p>";
                 for (std::size_t i = 0; i < kDeep; ++i) deep += "</div>";
                 s.insert(body, deep);
                 return s;
               }});
  v.push_back({"html", Limit::records, html});
  v.push_back({"html", Limit::string_bytes, html});
#endif
  return v;
}

ReadOptions options_for(const Row& row, std::size_t input_size, Mode mode) {
  ReadOptions o;
  o.mode = mode;
  switch (row.limit) {
    case Limit::input_bytes:
      o.limits.max_input_bytes = input_size - 1;
      break;
    case Limit::depth:
      o.limits.max_depth = row.max_depth;
      break;
    case Limit::records:
      o.limits.max_records = kSmallRecords;
      break;
    case Limit::string_bytes:
      o.limits.max_string_bytes = kSmallString;
      break;
  }
  return o;
}

class LimitsTest : public ::testing::TestWithParam<Row> {};

TEST_P(LimitsTest, RefusedInLenientAndStrictMode) {
  const Row& row = GetParam();
  if (!row.input) GTEST_SKIP() << row.format << ": max_depth does not apply: " << row.why;
  const Format* f = registry().find(row.format);
  ASSERT_NE(f, nullptr) << row.format;
  ASSERT_TRUE(f->read);
  const std::string input = row.input();
  ASSERT_FALSE(input.empty());

  // With the default limits the same input reads (lenient), so the limit is what refuses it.
  if (row.baseline) {
    ReadOptions defaults;
    Result<Document> ok = f->read(input, defaults);
    ASSERT_TRUE(ok) << row.format << " " << name_of(row.limit)
                    << ": baseline failed: " << to_string(ok.error());
  }
  for (Mode mode : {Mode::lenient, Mode::strict}) {
    if (mode == Mode::strict && !row.strict_too) continue;
    SCOPED_TRACE(mode == Mode::lenient ? "lenient" : "strict");
    const ReadOptions o = options_for(row, input.size(), mode);
    Result<Document> r = f->read(input, o);
    ASSERT_FALSE(r) << row.format << " accepted the input despite " << name_of(row.limit);
    EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded) << to_string(r.error());
    EXPECT_EQ(r.error().severity, Severity::error);
    EXPECT_FALSE(r.error().message.empty());
    // The streaming reader, where the format has one, enforces the same limits.
    if (f->read_stream) {
      std::istringstream in(input);
      const RecordSink sink = [](Record&&) { return Status{}; };
      Status st = f->read_stream(in, sink, o);
      ASSERT_FALSE(st) << row.format << " streamed the input despite " << name_of(row.limit);
      EXPECT_EQ(st.error().code, ErrorCode::limit_exceeded) << to_string(st.error());
    }
  }
}

std::string row_name(const ::testing::TestParamInfo<Row>& info) {
  std::string n;
  bool up = true;
  for (char c : info.param.format) {
    if (c == '-') {
      up = true;
      continue;
    }
    n += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return n + name_of(info.param.limit) + info.param.tag;
}

INSTANTIATE_TEST_SUITE_P(EveryReader, LimitsTest, ::testing::ValuesIn(rows()), row_name);

// The documented defaults (README "Limits and security defaults").
TEST(LimitsDefaults, AreTheDocumentedOnes) {
  const Limits l;
  EXPECT_EQ(l.max_input_bytes, std::uint64_t{4} << 30);
  EXPECT_EQ(l.max_depth, 256u);
  EXPECT_EQ(l.max_records, 10'000'000u);
  EXPECT_EQ(l.max_string_bytes, std::size_t{16} << 20);
}

}  // namespace
}  // namespace pressroom
