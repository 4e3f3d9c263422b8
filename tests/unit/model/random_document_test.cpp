// SPDX-License-Identifier: MIT
// The random Document generator: deterministic, valid, XML-safe, and covering every field of
// every type (and every enumerator of every enum field) over 200 documents.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "detail/text.hpp"
#include "detail/traits.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"
#include "pressroom/model/validate.hpp"
#include "support/random_document.hpp"

namespace {
using namespace pressroom;

constexpr std::uint64_t kSeed = 20240312;
constexpr int kDocs = 200;

using detail::is_optional;
using detail::is_vector;

std::string join(const std::string& path, const char* name) {
  return path.empty() ? std::string(name) : path + "." + name;
}

// Every field path of type T (indices left out: "articles.statements.quantity.unit").
template <class T>
void schema(const std::string& path, std::set<std::string>& out) {
  T obj{};
  for_each_field(obj, [&](const char* name, auto& member) {
    using F = std::decay_t<decltype(member)>;
    const std::string p = join(path, name);
    out.insert(p);
    if constexpr (is_optional<F>::value || is_vector<F>::value) {
      using V = typename F::value_type;
      if constexpr (is_reflected_v<V>) schema<V>(p, out);
    } else if constexpr (is_reflected_v<F>) {
      schema<F>(p, out);
    }
  });
}

// What a walk over documents saw: paths that were set, enumerators per path, and problems.
struct Seen {
  std::set<std::string> set_paths;
  std::map<std::string, std::set<int>> enumerators;
  std::map<std::string, std::size_t> enum_sizes;
  std::vector<std::string> problems;
  std::vector<std::string> strings;
  std::vector<DateTime> dates;
};

template <class T>
void walk(const std::string& path, const T& obj, Seen& seen);

template <class F>
void value(const std::string& p, const F& f, Seen& seen) {
  if constexpr (std::is_same_v<F, std::string>) {
    if (!f.empty()) seen.set_paths.insert(p);
    if (detail::find_xml_forbidden(f) != detail::npos)
      seen.problems.push_back(p + ": invalid UTF-8 or a character XML forbids");
    seen.strings.push_back(f);
  } else if constexpr (std::is_same_v<F, Extensions>) {
    if (!f.empty()) seen.set_paths.insert(p);
    for (const auto& [k, v] : f) {
      value(p, k, seen);
      value(p, v, seen);
    }
  } else if constexpr (is_optional<F>::value) {
    if (f) {
      seen.set_paths.insert(p);
      value(p, *f, seen);
    }
  } else if constexpr (is_vector<F>::value) {
    if (!f.empty()) seen.set_paths.insert(p);
    for (const auto& e : f) {
      if constexpr (std::is_same_v<typename F::value_type, std::string>) {
        if (e.empty()) seen.problems.push_back(p + ": an empty string element");
      }
      value(p, e, seen);
    }
  } else if constexpr (is_reflected_v<F>) {
    if (!(f == F{})) seen.set_paths.insert(p);
    if constexpr (std::is_same_v<F, DateTime>) {
      seen.dates.push_back(f);
      if (!is_valid(f)) seen.problems.push_back(p + ": invalid date " + to_string(f));
    }
    walk(p, f, seen);
  } else if constexpr (std::is_enum_v<F>) {
    if (static_cast<int>(f) != 0) seen.set_paths.insert(p);
    seen.enumerators[p].insert(static_cast<int>(f));
    seen.enum_sizes[p] = EnumNames<F>::names.size();
  } else if constexpr (std::is_floating_point_v<F>) {
    if (f != 0) seen.set_paths.insert(p);
    if (!std::isfinite(f) || (f == 0 && std::signbit(f)))
      seen.problems.push_back(p + ": a double that does not round-trip");
  } else {
    if (f != 0) seen.set_paths.insert(p);
  }
}

template <class T>
void walk(const std::string& path, const T& obj, Seen& seen) {
  for_each_field(
      obj, [&](const char* name, const auto& member) { value(join(path, name), member, seen); });
}

Seen walk_random(std::uint64_t base, int n) {
  Seen seen;
  for (int i = 0; i < n; ++i) {
    walk("", test::random_document(test::derive_seed(base, static_cast<std::uint64_t>(i))), seen);
  }
  return seen;
}

TEST(RandomDocument, PrngIsSplitMix64) {
  // Reference values of splitmix64 seeded with 0 (as in Vigna's splitmix64.c).
  test::Rng rng(0);
  EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFull);
  EXPECT_EQ(rng.next(), 0x6E789E6AA1B965F4ull);
  EXPECT_EQ(rng.next(), 0x06C45D188009454Full);
}

TEST(RandomDocument, SameSeedSameDocument) {
  for (std::uint64_t seed : {0ull, 1ull, 42ull, 0xFFFFFFFFFFFFFFFFull}) {
    EXPECT_EQ(test::random_document(seed), test::random_document(seed)) << seed;
  }
  EXPECT_NE(test::random_document(1), test::random_document(2));
}

TEST(RandomDocument, EveryDocumentIsValid) {
  const std::uint64_t base = test::base_seed(kSeed);
  for (int i = 0; i < kDocs; ++i) {
    const std::uint64_t seed = test::derive_seed(base, static_cast<std::uint64_t>(i));
    const Document d = test::random_document(seed);
    const std::vector<Error> errors = validate(d);
    std::string text;
    for (const Error& e : errors) text += "\n  " + to_string(e);
    ASSERT_TRUE(errors.empty()) << "seed " << seed << " (PRESSROOM_TEST_SEED=" << base
                                << ", document " << i << ")" << text;
  }
}

// One walk over the 200 documents (each ctest test is a process of its own: keep walks few).
TEST(RandomDocument, TextIsXmlSafeWithHardCasesAndDatesRoundTrip) {
  const std::uint64_t base = test::base_seed(kSeed);
  const Seen seen = walk_random(base, kDocs);
  for (const std::string& p : seen.problems) ADD_FAILURE() << p << " (base seed " << base << ")";

  const auto any = [&](auto pred) {
    for (const std::string& s : seen.strings) {
      if (pred(s)) return true;
    }
    return false;
  };
  const auto contains = [&](const char* needle) {
    return any([&](const std::string& s) { return s.find(needle) != std::string::npos; });
  };
  EXPECT_TRUE(any([](const std::string& s) { return !s.empty() && s.front() == ' '; }));
  EXPECT_TRUE(any([](const std::string& s) { return !s.empty() && s.back() == ' '; }));
  EXPECT_TRUE(any([](const std::string& s) { return s == " "; }));
  for (const char* needle : {"\n", "\r", "\t", "\"", "'", "<&>", "]]>", "é", "東京", "😀", "مرحبا",
                             "שלום", "&amp;", "\\", "  "}) {
    EXPECT_TRUE(contains(needle)) << debug_quote(needle);
  }

  std::set<Precision> precisions;
  bool offset_z = false, offset_neg = false, zone = false, leap_second = false, nanos = false;
  for (const DateTime& d : seen.dates) {
    const std::optional<DateTime> back = parse_date_time(to_string(d));
    ASSERT_TRUE(back.has_value()) << to_string(d);
    EXPECT_EQ(*back, d) << to_string(d);
    precisions.insert(d.precision());
    offset_z |= d.utc_offset_minutes == 0;
    offset_neg |= d.utc_offset_minutes.value_or(0) < 0;
    zone |= !d.zone.empty();
    leap_second |= d.second == 60;
    nanos |= d.nanosecond.value_or(0) % 1000 != 0;
  }
  EXPECT_EQ(precisions.size(), 6u);
  EXPECT_TRUE(offset_z && offset_neg && zone && leap_second && nanos);
}

TEST(RandomDocument, CoversEveryFieldOfEveryType) {
  std::set<std::string> all;
  schema<Document>("", all);
  ASSERT_GT(all.size(), 400u);
  const std::uint64_t base = test::base_seed(kSeed);
  const Seen seen = walk_random(base, kDocs);
  for (const std::string& p : all) {
    if (p == "pressroom_version") continue;  // always the model version
    EXPECT_EQ(seen.set_paths.count(p), 1u) << p << " is never set (base seed " << base << ")";
  }
  for (const auto& [path, values] : seen.enumerators) {
    EXPECT_EQ(values.size(), seen.enum_sizes.at(path))
        << path << ": not every enumerator occurs (base seed " << base << ")";
  }
}

TEST(RandomDocument, FullDocumentSetsEveryField) {
  std::set<std::string> all;
  schema<Document>("", all);
  Seen seen;
  const Document full = test::full_document();
  walk("", full, seen);
  for (const std::string& p : all) {
    if (p == "pressroom_version") continue;
    // Enums may draw their default enumerator; everything else must be set.
    if (seen.enumerators.count(p)) continue;
    EXPECT_EQ(seen.set_paths.count(p), 1u) << p;
  }
  EXPECT_TRUE(seen.problems.empty());
}

TEST(RandomDocument, OptionsBoundSizesAndExtensions) {
  test::RandomOptions o;
  o.extensions = false;
  o.min_records = 1;
  o.max_articles = 2;
  o.max_entities = 1;
  for (std::uint64_t seed = 0; seed < 30; ++seed) {
    const Document d = test::random_document(seed, o);
    EXPECT_TRUE(d.extensions.empty());
    EXPECT_TRUE(d.feed.extensions.empty());
    for (const Article& a : d.articles) EXPECT_TRUE(a.extensions.empty());
    EXPECT_GE(d.articles.size(), 1u);
    EXPECT_LE(d.articles.size(), 2u);
    EXPECT_EQ(d.organizations.size(), 1u);
    EXPECT_EQ(d.contacts.size(), 1u);
    EXPECT_TRUE(validate(d).empty()) << seed;
  }
}

TEST(RandomDocument, BaseSeedFromEnvironment) {
  // Only checks the parsing when the variable is not set by the caller.
  if (std::getenv("PRESSROOM_TEST_SEED") != nullptr) GTEST_SKIP() << "PRESSROOM_TEST_SEED is set";
  EXPECT_EQ(test::base_seed(5), 5u);
  ::setenv("PRESSROOM_TEST_SEED", "0x10", 1);
  EXPECT_EQ(test::base_seed(5), 16u);
  ::setenv("PRESSROOM_TEST_SEED", "123", 1);
  EXPECT_EQ(test::base_seed(5), 123u);
  ::setenv("PRESSROOM_TEST_SEED", "12x", 1);
  EXPECT_EQ(test::base_seed(5), 5u);
  ::unsetenv("PRESSROOM_TEST_SEED");
}

}  // namespace
