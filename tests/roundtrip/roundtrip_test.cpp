// SPDX-License-Identifier: MIT
// Round trips through every format of the builtin registry (STYLE.md section 8).
//
// Lossless formats (read + write + `carries.lossless`): for hand-made documents and 200 random
// ones, read(write(d)) == d, write(read(write(d))) == write(d) byte for byte, no warnings on
// either side, and the output reads in strict mode too. The chain JSON -> XML -> JSONL -> JSON
// gives d back. Every other format: converting a random document to and through it works,
// and a writer that loses something says so. New formats are picked up from the registry.
//
// PRESSROOM_TEST_SEED overrides the base seed; failures print the seed of the document.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/model/dump.hpp"
#include "pressroom/model/validate.hpp"
#include "pressroom/registry.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

namespace {
using namespace pressroom;

constexpr std::uint64_t kSeed = 20240312;
constexpr int kRandomDocs = 200;
constexpr int kMaxReportedFailures = 3;

const Registry& registry() {
  static const Registry r = Registry::with_builtin_formats();
  return r;
}

const Format& format(const std::string& name) {
  const Format* f = registry().find(name);
  if (f == nullptr) throw std::logic_error("no format " + name);
  return *f;
}

std::vector<std::string> formats_where(bool (*pred)(const Format&)) {
  std::vector<std::string> names;
  for (const Format& f : registry().formats()) {
    if (pred(f)) names.push_back(f.name);
  }
  return names;
}

bool lossless(const Format& f) { return f.read && f.write && f.carries.lossless; }
bool writable(const Format& f) { return static_cast<bool>(f.write); }

// GoogleTest parameter names: letters and digits only ("boost-xml" -> "boostxml").
std::string param_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s;
  for (const char c : info.param) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) s += c;
  }
  return s;
}

std::string lines_of(const std::vector<Error>& errors) {
  std::string s;
  for (const Error& e : errors) s += "\n    " + to_string(e);
  return s;
}

// The lines that differ between the dumps of two documents.
std::string dump_diff(const Document& expected, const Document& actual) {
  const std::string diff = test::line_diff(debug_dump(expected), debug_dump(actual));
  return diff.empty() ? "\n    (the dumps are equal: a difference debug_dump does not show)" : diff;
}

// pressroom's own encodings, whose writers have no reason to warn about anything. The feed
// standards (RSS, Atom, JSON Feed) are lossless through the pressroom namespace / `_pressroom`,
// but their writers still warn where the standard needs what a Document may lack (a channel
// title, an Atom `updated`): the Document survives, the warnings are about the output.
bool own_encoding(const Format& f) {
  return f.name == "json" || f.name == "jsonl" || f.name == "xml" || f.name.rfind("boost-", 0) == 0;
}

// Checks one lossless round trip; returns an empty string on success, else what went wrong.
std::string lossless_round_trip(const Format& f, const Document& d, bool check_strict = true) {
  const Result<std::string> w1 = f.write(d, WriteOptions{});
  if (!w1) return "write failed: " + to_string(w1.error());
  if (own_encoding(f) && !w1.warnings().empty()) return "write warned:" + lines_of(w1.warnings());
  const Result<Document> r = f.read(*w1, ReadOptions{});
  if (!r) return "read failed: " + to_string(r.error());
  if (*r != d) {
    return "read(write(d)) != d; - expected, + read back:" + dump_diff(d, *r) +
           (w1.warnings().empty() ? "" : "\n  the writer warned:" + lines_of(w1.warnings()));
  }
  if (!r.warnings().empty()) return "reading the writer's output warned:" + lines_of(r.warnings());
  const Result<std::string> w2 = f.write(*r, WriteOptions{});
  if (!w2) return "second write failed: " + to_string(w2.error());
  if (*w2 != *w1) return "write(read(write(d))) differs from write(d)";
  if (check_strict) {
    ReadOptions strict;
    strict.mode = Mode::strict;
    const Result<Document> s = f.read(*w1, strict);
    if (!s) return "strict read of the writer's output failed: " + to_string(s.error());
  }
  return {};
}

// 200 random documents through the canonical encodings, fewer through the others (the suite
// has to stay fast in Debug and sanitizer builds).
int random_docs_for(const Format& f) {
  return f.name == "json" || f.name == "jsonl" || f.name == "xml" ? kRandomDocs : 25;
}

class LosslessRoundTrip : public ::testing::TestWithParam<std::string> {
 protected:
  const Format& fmt() const { return format(GetParam()); }
  void expect_round_trip(const Document& d, const std::string& what) {
    ASSERT_TRUE(validate(d).empty()) << what << " is not valid:" << lines_of(validate(d));
    const std::string problem = lossless_round_trip(fmt(), d);
    EXPECT_TRUE(problem.empty()) << GetParam() << ", " << what << ": " << problem;
  }
};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(LosslessRoundTrip);

TEST_P(LosslessRoundTrip, EmptyDocument) { expect_round_trip(Document{}, "the empty Document"); }

TEST_P(LosslessRoundTrip, IomDocument) {
  expect_round_trip(test::iom_document(), "the IOM document");
}

TEST_P(LosslessRoundTrip, DocumentWithEveryField) {
  expect_round_trip(test::full_document(), "the document with every field");
}

TEST_P(LosslessRoundTrip, FeedOnlyAndEntitiesOnly) {
  Document feed_only;
  feed_only.feed = test::full_document().feed;
  feed_only.feed.publisher_id.clear();
  feed_only.feed.authors.clear();
  expect_round_trip(feed_only, "a Document with only feed metadata");
  Document entities = test::iom_document();
  entities.articles.clear();
  expect_round_trip(entities, "the IOM document without its article");
}

TEST_P(LosslessRoundTrip, RandomDocuments) {
  const std::uint64_t base = test::base_seed(kSeed);
  int failures = 0;
  const int n = random_docs_for(fmt());
  for (int i = 0; i < n && failures < kMaxReportedFailures; ++i) {
    const std::uint64_t seed = test::derive_seed(base, static_cast<std::uint64_t>(i));
    const Document d = test::random_document(seed);
    const std::string problem = lossless_round_trip(fmt(), d, /*check_strict=*/false);
    if (!problem.empty()) {
      ++failures;
      ADD_FAILURE() << GetParam() << ": random document " << i << " (seed " << seed
                    << ", base seed PRESSROOM_TEST_SEED=" << base << "): " << problem;
    }
  }
}

TEST_P(LosslessRoundTrip, OutputIsRecognised) {
  const Format& f = fmt();
  if (!f.sniff) GTEST_SKIP() << "no sniffer";
  const Result<std::string> w = f.write(test::iom_document(), WriteOptions{});
  ASSERT_TRUE(w) << to_string(w.error());
  EXPECT_GT(f.sniff(std::string_view(*w).substr(0, 4096)), 0);
  const Format* detected = registry().detect(std::string_view(*w).substr(0, 8192));
  ASSERT_NE(detected, nullptr);
  EXPECT_EQ(detected->name, f.name);
}

INSTANTIATE_TEST_SUITE_P(Builtin, LosslessRoundTrip, ::testing::ValuesIn(formats_where(&lossless)),
                         param_name);

// ---- JSON -> XML -> JSONL -> JSON ----

TEST(RoundTripChain, JsonXmlJsonlJsonGivesTheDocumentBack) {
  for (const char* name : {"json", "xml", "jsonl"}) {
    if (registry().find(name) == nullptr || !lossless(*registry().find(name)))
      GTEST_SKIP() << "format " << name << " is not (yet) a lossless builtin";
  }
  const std::uint64_t base = test::base_seed(kSeed);
  std::vector<std::pair<std::string, Document>> docs = {
      {"the IOM document", test::iom_document()}, {"the full document", test::full_document()}};
  for (int i = 0; i < kRandomDocs; ++i) {
    const std::uint64_t seed = test::derive_seed(base, static_cast<std::uint64_t>(i));
    docs.emplace_back("random document (seed " + std::to_string(seed) + ")",
                      test::random_document(seed));
  }
  int failures = 0;
  for (const auto& [what, d] : docs) {
    const Result<std::string> json1 = format("json").write(d, {});
    ASSERT_TRUE(json1) << to_string(json1.error());
    std::string text = *json1;
    std::string from = "json";
    std::string problem;
    for (const char* to : {"xml", "jsonl", "json"}) {
      const Result<std::string> out = convert(registry(), text, from, to);
      if (!out) {
        problem = from + " -> " + to + " failed: " + to_string(out.error());
        break;
      }
      if (!out.warnings().empty()) {
        problem = from + " -> " + to + " warned:" + lines_of(out.warnings());
        break;
      }
      text = *out;
      from = to;
    }
    if (problem.empty() && text != *json1) {
      const Result<Document> back = format("json").read(text, {});
      problem = back
                    ? "the final JSON differs; - expected, + after the chain:" + dump_diff(d, *back)
                    : "the final JSON does not read: " + to_string(back.error());
    }
    if (!problem.empty()) {
      ADD_FAILURE() << what << " (base seed " << base << "): " << problem;
      if (++failures >= kMaxReportedFailures) break;
    }
  }
}

// ---- every format, lossless or not ----

class AnyFormat : public ::testing::TestWithParam<std::string> {};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(AnyFormat);

constexpr int kConvertDocs = 10;

// Writes hand-made and random documents; reads them back when the format reads; a loss
// (read(write(d)) != d) must come with a warning from the writer ("writers never drop silently").
TEST_P(AnyFormat, WritesReadsBackAndWarnsAboutLosses) {
  const Format& f = format(GetParam());
  const std::uint64_t base = test::base_seed(kSeed);
  int failures = 0;
  std::vector<std::pair<std::string, Document>> docs = {
      {"the empty Document", Document{}},
      {"the IOM document", test::iom_document()},
      {"the full document", test::full_document()}};
  for (int i = 0; i < kConvertDocs; ++i) {
    const std::uint64_t seed = test::derive_seed(base, static_cast<std::uint64_t>(i));
    docs.emplace_back("random document (seed " + std::to_string(seed) + ")",
                      test::random_document(seed));
  }
  for (const auto& [what, d] : docs) {
    if (failures >= kMaxReportedFailures) break;
    const Result<std::string> w = f.write(d, WriteOptions{});
    if (!w) {
      ++failures;
      ADD_FAILURE() << GetParam() << ", " << what << " (base seed " << base
                    << "): write failed: " << to_string(w.error());
      continue;
    }
    if (!f.read) continue;
    const Result<Document> r = f.read(*w, ReadOptions{});
    if (!r) {
      ++failures;
      ADD_FAILURE() << GetParam() << ", " << what
                    << ": cannot read its own output: " << to_string(r.error());
      continue;
    }
    if (*r != d && w.warnings().empty()) {
      ++failures;
      ADD_FAILURE() << GetParam() << ", " << what
                    << ": the writer lost data without a warning; - written, + read back:"
                    << dump_diff(d, *r);
    }
    const Result<std::string> again = f.write(*r, WriteOptions{});
    if (!again) {
      ++failures;
      ADD_FAILURE() << GetParam() << ", " << what
                    << ": cannot write what it read back: " << to_string(again.error());
    }
  }
}

// Through this format into every writable format: no errors.
TEST_P(AnyFormat, ConvertsIntoEveryOtherFormat) {
  const Format& f = format(GetParam());
  if (!f.read) GTEST_SKIP() << "write-only format";
  const std::uint64_t base = test::base_seed(kSeed);
  int failures = 0;
  for (int i = 0; i < 3 && failures < kMaxReportedFailures; ++i) {
    const std::uint64_t seed = test::derive_seed(base, static_cast<std::uint64_t>(i));
    const Result<std::string> w = f.write(test::random_document(seed), WriteOptions{});
    if (!w) continue;  // reported by WritesReadsBackAndWarnsAboutLosses
    for (const std::string& to : formats_where(&writable)) {
      const Result<std::string> out = convert(registry(), *w, f.name, to);
      if (!out) {
        ++failures;
        ADD_FAILURE() << f.name << " -> " << to << ", random document (seed " << seed
                      << "): " << to_string(out.error());
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Builtin, AnyFormat, ::testing::ValuesIn(formats_where(&writable)),
                         param_name);

// ---- the IOM sample file ----

TEST(SampleDocuments, IomJsonFileIsTheModelDocument) {
  if (registry().find("json") == nullptr) GTEST_SKIP() << "no json format";
  const std::string path = test::data_path("json/iom.json");
  if (!std::ifstream(path)) GTEST_SKIP() << path << " is not there";
  const Result<Document> d = format("json").read(test::slurp(path), ReadOptions{});
  ASSERT_TRUE(d) << to_string(d.error());
  EXPECT_TRUE(d.warnings().empty()) << lines_of(d.warnings());
  EXPECT_EQ(*d, test::iom_document()) << dump_diff(test::iom_document(), *d);
}

}  // namespace
