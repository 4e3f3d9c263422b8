// SPDX-License-Identifier: MIT
// Deterministic random Documents for round-trip and property tests, and hand-made sample
// Documents (the IOM seed example of MODEL.md section 7, a Document with every field set).
//
// The generator uses its own PRNG (splitmix64) and never a std:: distribution, so a seed gives
// the same Document on every platform and standard library. Every generated Document is valid
// (`validate(doc)` is empty: ids unique, references resolve, required fields set, dates exist),
// its text is valid UTF-8 without characters XML 1.0 forbids (so lossless formats must give it
// back exactly), its doubles are finite and never -0.0, and over a few hundred seeds every field
// of every model type is set somewhere (tests/unit/model/random_document_test.cpp checks this).
#ifndef PRESSROOM_TESTS_SUPPORT_RANDOM_DOCUMENT_HPP
#define PRESSROOM_TESTS_SUPPORT_RANDOM_DOCUMENT_HPP

#include <cstddef>
#include <cstdint>
#include <string>

#include "pressroom/model/document.hpp"

namespace pressroom::test {

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and identical everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0. The modulo bias is irrelevant for tests.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  // Uniform in [lo, hi].
  long long between(long long lo, long long hi) {
    return lo + static_cast<long long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  // True with probability p.
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t state_;
};

struct RandomOptions {
  std::size_t max_articles = 6;  // articles: 0..max_articles
  std::size_t max_entities = 4;  // each entity table: 0..max_entities
  std::size_t min_records = 0;   // lower bound for the articles and every entity table
  std::size_t max_items = 3;     // vectors inside records: 1..max_items when present
  double fill = 0.6;             // probability that an optional field is set
  bool special_text = true;      // non-ASCII, markup characters, \t \n \r, edge spacing
  bool extensions = true;        // `extensions` maps (canonical JSON / XML fragments)
};

// A valid random Document; the same seed and options always give the same Document.
Document random_document(std::uint64_t seed, const RandomOptions& options = {});

// The base seed of the random suites: PRESSROOM_TEST_SEED (decimal or 0x-hex) when set,
// otherwise `fallback`.
std::uint64_t base_seed(std::uint64_t fallback = 20240312);

// The seed of document `index` derived from a base seed.
std::uint64_t derive_seed(std::uint64_t base, std::uint64_t index);

// The IOM press release of MODEL.md section 7 (what tests/data/json/iom.json holds).
Document iom_document();

// A valid Document in which every field of every type is set at least once (fill = 1).
Document full_document();

// Hostile mode, for writer property tests: rewrites about half the strings of `doc` (ids,
// texts, URLs, extension keys and values; not dates or pressroom_version) into mixes of
// control characters, NUL, "]]>", "<![CDATA[", "--" and "-->", lone surrogates and other
// invalid UTF-8 as raw bytes, U+FFFE, bidi marks, markup and script, quotes and backslashes,
// and now and then a long string (up to `max_long` bytes). The result is no longer valid
// (`validate` complains, the text is not UTF-8): writers must still emit well-formed output.
void make_hostile(Document& doc, std::uint64_t seed, std::size_t max_long = 20000);

}  // namespace pressroom::test

#endif  // PRESSROOM_TESTS_SUPPORT_RANDOM_DOCUMENT_HPP
