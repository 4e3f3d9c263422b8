// SPDX-License-Identifier: MIT
// boost-text, boost-xml, boost-binary: round trips, the compatibility fixtures of earlier
// releases (tests/data/compat), interoperability with plain Boost archives through the
// bridge, and hostile archives (DESIGN.md "Known traps"): truncations, forged counts and
// lengths, newer versions, wrong signatures, XML without its closing tag.
#include <gtest/gtest.h>

#include <atomic>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "detail/text.hpp"
#include "pressroom/boost_archive.hpp"
#include "pressroom/bridge/boost_serialization.hpp"
#include "pressroom/json.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/registry.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

// The largest single allocation since the last reset: a forged count or length must not
// turn into a big allocation (reserve() would not show in the resident set, so count here).
namespace {
std::atomic<std::size_t> g_largest_allocation{0};

void* counted_alloc(std::size_t size) {
  std::size_t seen = g_largest_allocation.load(std::memory_order_relaxed);
  while (size > seen && !g_largest_allocation.compare_exchange_weak(seen, size)) {
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return counted_alloc(size); }
void* operator new[](std::size_t size) { return counted_alloc(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

// A stand-in written under the name "document" with a class version this program does not
// know: Boost records no type names, so it reads as a Document of that version.
struct FutureDocument {
  template <class Archive>
  void serialize(Archive& /*ar*/, const unsigned int /*version*/) {}
};
BOOST_CLASS_VERSION(FutureDocument, 9)
struct VersionZeroDocument {
  template <class Archive>
  void serialize(Archive& /*ar*/, const unsigned int /*version*/) {}
};
BOOST_CLASS_VERSION(VersionZeroDocument, 0)

namespace pressroom {
namespace {

using boost_archive::Kind;
constexpr Kind kKinds[] = {Kind::text, Kind::xml, Kind::binary};
constexpr std::size_t kSmallAllocation = 64u << 20;  // what a small hostile input may cost

std::string kind_name(Kind kind) { return std::string(boost_archive::format_name(kind)); }

std::string must_write(const Document& doc, Kind kind) {
  auto out = boost_archive::write(doc, kind);
  EXPECT_TRUE(out.has_value()) << to_string(out.error());
  return out ? *out : std::string();
}

template <class T>
std::string plain_boost_write(const T& value) {
  std::ostringstream os;
  {
    boost::archive::text_oarchive oa(os);
    oa << boost::serialization::make_nvp("document", value);
  }
  return os.str();
}

// A Document whose one article has 13 contact ids "zz": the count and the lengths are easy
// to find in every kind of archive and to forge.
Document marked_document() {
  Document doc;
  Article a;
  a.id = "art:marked";
  a.headline = "Marked";
  a.contact_ids.assign(13, "zz");
  doc.articles.push_back(a);
  return doc;
}

bool little_endian_lp64() {
  const std::uint16_t one = 1;
  return sizeof(long) == 8 && *reinterpret_cast<const unsigned char*>(&one) == 1;
}

std::string native_size(std::size_t n) {
  return std::string(reinterpret_cast<char*>(&n), sizeof n);
}

// Replaces the first `from` in `s` by `to` (which must occur).
std::string forge(std::string s, const std::string& from, const std::string& to) {
  const std::size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << "cannot find what to forge";
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

// Reads `input` as `kind`, expecting an error with `code`; checks that no single allocation
// was out of proportion.
void expect_error(const std::string& input, Kind kind, ErrorCode code,
                  const std::string& message_part = {}, const ReadOptions& options = {}) {
  g_largest_allocation = 0;
  auto doc = boost_archive::read(input, kind, options);
  const std::size_t largest = g_largest_allocation;
  ASSERT_FALSE(doc.has_value()) << kind_name(kind);
  EXPECT_EQ(doc.error().code, code) << to_string(doc.error());
  EXPECT_EQ(doc.error().format, kind_name(kind));
  EXPECT_FALSE(doc.error().message.empty());
  if (!message_part.empty()) {
    EXPECT_NE(doc.error().message.find(message_part), std::string::npos) << to_string(doc.error());
  }
  EXPECT_LT(largest, kSmallAllocation) << to_string(doc.error());
}

class BoostArchiveKinds : public ::testing::TestWithParam<Kind> {};

INSTANTIATE_TEST_SUITE_P(AllKinds, BoostArchiveKinds, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<Kind>& param_info) {
                           switch (param_info.param) {
                             case Kind::text:
                               return std::string("Text");
                             case Kind::xml:
                               return std::string("Xml");
                             case Kind::binary:
                               return std::string("Binary");
                           }
                           return std::string("Unknown");
                         });

// ---------------------------------------------------------------------------- round trips

TEST_P(BoostArchiveKinds, RoundTripsHandMadeDocuments) {
  const Kind kind = GetParam();
  Document special;
  // XML 1.0 cannot hold U+0000: the XML archive strips it, with a warning (hostile tests).
  special.feed.title =
      (kind == Kind::xml ? std::string("nul inside") : std::string("nul\0inside", 10)) +
      " \t\r\n <tag> & \"quotes\" 'x' ]]>";
  special.feed.description = "  leading and trailing spaces  ";
  special.feed.ttl_minutes = std::numeric_limits<int>::min();
  special.feed.extensions = {{"json", "{\"a\": [1, 2]}"}, {"xml", "<x:y xmlns:x='u'/>"}};
  Organization org;
  org.id = "org:x";
  org.member_count = Quantity{1e-310, Comparator::approx, "", ""};
  org.headquarters = Location{};
  org.headquarters->geo = GeoPoint{-90, 180};
  special.organizations.push_back(org);
  Link link;
  link.href = "https://example.org/\xe2\x80\x99";
  link.length_bytes = std::numeric_limits<std::uint64_t>::max();
  Article article;
  article.id = "art:x";
  article.links.push_back(link);
  article.body = {{BlockType::quote, ""}, {BlockType::paragraph, "p"}};
  special.articles.push_back(article);

  for (const Document& doc : {Document{}, test::iom_document(), test::full_document(), special}) {
    const std::string archive = must_write(doc, kind);
    auto back = boost_archive::read(archive, kind);
    ASSERT_TRUE(back.has_value()) << to_string(back.error());
    EXPECT_TRUE(back.warnings().empty());
    EXPECT_EQ(*back, doc) << debug_dump(*back) << "\n----\n" << debug_dump(doc);
    EXPECT_EQ(must_write(*back, kind), archive);
  }
}

TEST_P(BoostArchiveKinds, RoundTripsRandomDocuments) {
  const Kind kind = GetParam();
  const std::uint64_t base = test::base_seed();
  for (std::uint64_t i = 0; i < 100; ++i) {
    const std::uint64_t seed = test::derive_seed(base, i);
    const Document doc = test::random_document(seed);
    const std::string archive = must_write(doc, kind);
    auto back = boost_archive::read(archive, kind);
    ASSERT_TRUE(back.has_value()) << "seed " << seed << ": " << to_string(back.error());
    ASSERT_EQ(*back, doc) << "seed " << seed << " (PRESSROOM_TEST_SEED=" << base << ")";
  }
}

TEST(BoostArchive, NonFiniteNumbersOnlyInBinary) {
  Document doc;
  Organization org;
  org.id = "org:x";
  org.member_count = Quantity{std::numeric_limits<double>::infinity(), Comparator::gt, "", ""};
  doc.organizations.push_back(org);
  for (Kind kind : {Kind::text, Kind::xml}) {
    auto out = boost_archive::write(doc, kind);
    ASSERT_FALSE(out.has_value());
    EXPECT_EQ(out.error().code, ErrorCode::invalid_value);
    EXPECT_EQ(out.error().format, kind_name(kind));
    EXPECT_NE(out.error().message.find("finite"), std::string::npos) << out.error().message;
  }
  auto back = boost_archive::read(must_write(doc, Kind::binary), Kind::binary);
  ASSERT_TRUE(back.has_value()) << to_string(back.error());
  EXPECT_EQ(*back, doc);
}

// ------------------------------------------------------------ the bridge and plain Boost

TEST(BoostArchiveBridge, PlainBoostArchivesInteroperate) {
  const Document doc = test::full_document();
  // Written by a program using only Boost and the bridge, read by the module...
  auto text = boost_archive::read(plain_boost_write(doc), Kind::text);
  ASSERT_TRUE(text.has_value()) << to_string(text.error());
  EXPECT_EQ(*text, doc);
  std::ostringstream xml_out;
  {
    boost::archive::xml_oarchive oa(xml_out);
    oa << boost::serialization::make_nvp("document", doc);
  }
  auto xml = boost_archive::read(xml_out.str(), Kind::xml);
  ASSERT_TRUE(xml.has_value()) << to_string(xml.error());
  EXPECT_EQ(*xml, doc);
  std::ostringstream bin_out;
  {
    boost::archive::binary_oarchive oa(bin_out);
    oa << doc;
  }
  auto bin = boost_archive::read(bin_out.str(), Kind::binary);
  ASSERT_TRUE(bin.has_value()) << to_string(bin.error());
  EXPECT_EQ(*bin, doc);
  // ...and the module's archives read by plain Boost.
  std::istringstream in(must_write(doc, Kind::xml));
  Document loaded;
  {
    boost::archive::xml_iarchive ia(in);
    ia >> boost::serialization::make_nvp("document", loaded);
  }
  EXPECT_EQ(loaded, doc);
}

TEST(BoostArchiveBridge, RefusesNewerClassVersionsWithoutTheModule) {
  std::istringstream in(plain_boost_write(FutureDocument{}));
  boost::archive::text_iarchive ia(in);
  Document doc;
  try {
    ia >> boost::serialization::make_nvp("document", doc);
    ADD_FAILURE() << "a class version newer than the program's was accepted";
  } catch (const Exception& e) {
    EXPECT_EQ(e.error().code, ErrorCode::unsupported);
    EXPECT_NE(e.error().message.find("'document' has version 9"), std::string::npos)
        << e.error().message;
  }
}

// ------------------------------------------------------------------- registry entries

TEST(BoostArchive, RegisteredAndDetected) {
  const Registry registry = Registry::with_builtin_formats();
  const Document doc = test::iom_document();
  for (Kind kind : kKinds) {
    const Format* f = registry.find(kind_name(kind));
    ASSERT_NE(f, nullptr) << kind_name(kind);
    EXPECT_TRUE(f->carries.lossless);
    const std::string archive = must_write(doc, kind);
    const Format* detected = registry.detect(std::string_view(archive).substr(0, 4096));
    ASSERT_NE(detected, nullptr) << kind_name(kind);
    EXPECT_EQ(detected->name, kind_name(kind));
    auto json = convert(registry, archive, "", "boost-text");
    ASSERT_TRUE(json.has_value()) << to_string(json.error());
    EXPECT_EQ(*json, must_write(doc, Kind::text));
  }
  const auto by_path = [&registry](const char* path) {
    const Format* f = registry.find_by_path(path);
    return f ? f->name : std::string("(none)");
  };
  EXPECT_EQ(by_path("old/archive.boost.txt"), "boost-text");
  EXPECT_EQ(by_path("archive.BOOST.XML"), "boost-xml");
  EXPECT_EQ(by_path("archive.boost.bin"), "boost-binary");
  EXPECT_EQ(boost_archive::sniff("{\"pressroom_version\": \"1.0\"}", Kind::text), 0);
  EXPECT_EQ(boost_archive::sniff("<?xml version=\"1.0\"?><feed/>", Kind::xml), 0);
  EXPECT_EQ(boost_archive::sniff("", Kind::binary), 0);
}

// ------------------------------------------------------------- compatibility fixtures

// Archives written by pressroom 0.1 must load in every later release, to the Document that
// release saw: `v0.1-<name>.json` is that Document in canonical JSON, written by 0.1 from the
// same archive (JSON reads the fields added since at their defaults). Regenerate only when
// adding the fixtures of a new release (PRESSROOM_UPDATE_GOLDEN=1 writes the current release's
// fixtures under `v<version>-`), never to make this pass.
TEST(BoostArchiveCompat, ArchivesOfEarlierReleasesLoad) {
  const char* endings[] = {"boost.txt", "boost.xml", "boost.bin"};
  if (std::getenv("PRESSROOM_UPDATE_GOLDEN") != nullptr) {
    const std::pair<const char*, Document> current[] = {{"iom", test::iom_document()},
                                                        {"full", test::full_document()}};
    for (const auto& [name, doc] : current) {
      const std::string stem =
          test::data_path("compat/v" + std::to_string(PRESSROOM_VERSION_MAJOR) + "." +
                          std::to_string(PRESSROOM_VERSION_MINOR) + "-" + name);
      for (std::size_t k = 0; k < 3; ++k) {
        std::ofstream(stem + "." + endings[k], std::ios::binary) << must_write(doc, kKinds[k]);
      }
      std::ofstream(stem + ".json", std::ios::binary) << *json::write(doc);
    }
  }
  // Every release's fixtures: add a release here when its fixtures are added.
  for (const std::string release : {"0.1", "0.2"}) {
    for (const char* name : {"iom", "full"}) {
      const std::string stem = test::data_path("compat/v" + release + "-" + name);
      const auto expected = json::read(test::slurp(stem + ".json"));
      ASSERT_TRUE(expected.has_value()) << to_string(expected.error());
      ASSERT_TRUE(expected.warnings().empty());
      for (std::size_t k = 0; k < 3; ++k) {
        const Kind kind = kKinds[k];
        if (kind == Kind::binary && !little_endian_lp64()) {
          continue;  // written on x86-64: binary archives load on the same architecture only
        }
        const std::string path = stem + "." + endings[k];
        auto doc = boost_archive::read(test::slurp(path), kind);
        ASSERT_TRUE(doc.has_value()) << path << ": " << to_string(doc.error());
        EXPECT_TRUE(doc.warnings().empty()) << path;
        EXPECT_EQ(debug_dump(*doc), debug_dump(*expected)) << path;
        EXPECT_EQ(*doc, *expected) << path;
      }
    }
  }
}

// -------------------------------------------------------------------- hostile input

TEST_P(BoostArchiveKinds, TruncatedArchivesFail) {
  const Kind kind = GetParam();
  const std::string archive = must_write(marked_document(), kind);
  for (std::size_t size = 0; size < archive.size(); size += 7) {
    const std::string prefix = archive.substr(0, size);
    auto doc = boost_archive::read(prefix, kind);
    if (detail::trim(prefix) == detail::trim(archive)) continue;  // only white space cut
    ASSERT_FALSE(doc.has_value()) << kind_name(kind) << " truncated to " << size;
    EXPECT_EQ(doc.error().format, kind_name(kind));
  }
}

TEST_P(BoostArchiveKinds, CorruptBytesNeverCrash) {
  // Every byte of a small archive overwritten with values that upset parsers: each read
  // ends with a Document or an error (the sanitizers watch the rest).
  const Kind kind = GetParam();
  const std::string archive = must_write(marked_document(), kind);
  // XML archives are long-winded: every third byte suffices there.
  const std::size_t stride = kind == Kind::xml ? 3 : 1;
  for (std::size_t i = 0; i < archive.size(); i += stride) {
    for (char c : {'\xff', '\x00', '9', '<', '\x7f'}) {
      std::string corrupt = archive;
      corrupt[i] = c;
      g_largest_allocation = 0;
      auto doc = boost_archive::read(corrupt, kind);
      EXPECT_LT(g_largest_allocation.load(), kSmallAllocation) << "byte " << i;
      if (!doc) {
        EXPECT_FALSE(doc.error().message.empty());
      }
    }
  }
}

TEST(BoostArchiveHostile, ForgedCollectionCountFailsWithoutAllocating) {
  const Document doc = marked_document();
  expect_error(forge(must_write(doc, Kind::text), " 13 2 zz", " 50000000 2 zz"), Kind::text,
               ErrorCode::syntax, "collection count 50000000");
  expect_error(forge(must_write(doc, Kind::xml), "<count>13</count>", "<count>50000000</count>"),
               Kind::xml, ErrorCode::syntax, "collection count 50000000");
  const std::uint64_t thirteen = 13;
  const std::uint64_t forged = 50000000;
  const std::string from =
      std::string(reinterpret_cast<const char*>(&thirteen), 8) + native_size(2) + "zz";
  const std::string to =
      std::string(reinterpret_cast<const char*>(&forged), 8) + native_size(2) + "zz";
  expect_error(forge(must_write(doc, Kind::binary), from, to), Kind::binary, ErrorCode::syntax,
               "collection count 50000000");
}

TEST(BoostArchiveHostile, ForgedStringLengthFailsWithoutAllocating) {
  const Document doc = marked_document();
  expect_error(forge(must_write(doc, Kind::text), " 2 zz", " 1500000000 zz"), Kind::text,
               ErrorCode::syntax, "string length 1500000000 exceeds");
  expect_error(
      forge(must_write(doc, Kind::binary), native_size(2) + "zz", native_size(1500000000) + "zz"),
      Kind::binary, ErrorCode::syntax, "string length 1500000000 exceeds");
  // The signature's own length, which Boost reads and allocates before anything else.
  expect_error("1500000000 serialization::archive 18", Kind::text, ErrorCode::not_this_format);
  expect_error(native_size(1500000000) + "serialization::archive", Kind::binary,
               ErrorCode::not_this_format);
}

TEST(BoostArchiveHostile, NegativeSizesFail) {
  const Document doc = marked_document();
  expect_error(forge(must_write(doc, Kind::text), " 13 2 zz", " -13 2 zz"), Kind::text,
               ErrorCode::syntax, "collection count");
  expect_error(forge(must_write(doc, Kind::text), " 2 zz", " -2 zz"), Kind::text, ErrorCode::syntax,
               "expected a string length");
  expect_error(forge(must_write(doc, Kind::xml), "<count>13</count>", "<count>-13</count>"),
               Kind::xml, ErrorCode::syntax);
  expect_error(forge(must_write(doc, Kind::binary), native_size(2) + "zz",
                     native_size(static_cast<std::size_t>(-2)) + "zz"),
               Kind::binary, ErrorCode::syntax, "exceeds");
}

TEST(BoostArchiveHostile, NewerOrZeroClassVersionsFail) {
  std::ostringstream xml_out;
  std::ostringstream bin_out;
  {
    boost::archive::xml_oarchive xa(xml_out);
    boost::archive::binary_oarchive ba(bin_out);
    const FutureDocument future;
    xa << boost::serialization::make_nvp("document", future);
    ba << future;
  }
  for (auto [input, kind] :
       {std::pair{plain_boost_write(FutureDocument{}), Kind::text},
        std::pair{xml_out.str(), Kind::xml}, std::pair{bin_out.str(), Kind::binary}}) {
    expect_error(input, kind, ErrorCode::unsupported,
                 "class 'document' has version 9 in the archive; this program reads versions 1 "
                 "to 1");
  }
  expect_error(plain_boost_write(VersionZeroDocument{}), Kind::text, ErrorCode::unsupported,
               "version 0");
  // A nested class, through the XML attribute.
  expect_error(forge(must_write(test::iom_document(), Kind::xml),
                     "<feed class_id=\"1\" tracking_level=\"0\" version=\"2\">",
                     "<feed class_id=\"1\" tracking_level=\"0\" version=\"3\">"),
               Kind::xml, ErrorCode::unsupported, "class 'feed' has version 3");
  // An archive of a newer Boost.Serialization library.
  expect_error(forge(must_write(Document{}, Kind::text), "archive 18 ", "archive 99 "), Kind::text,
               ErrorCode::unsupported, "newer Boost");
}

TEST(BoostArchiveHostile, WrongSignaturesFail) {
  const std::string text = must_write(Document{}, Kind::text);
  for (Kind kind : kKinds) {
    expect_error("", kind, ErrorCode::not_this_format);
    expect_error("{\"pressroom_version\": \"1.0\"}", kind, ErrorCode::not_this_format);
  }
  expect_error(forge(text, "22 serialization::archive", "22 serialization::archivX"), Kind::text,
               ErrorCode::not_this_format);
  expect_error(text, Kind::binary, ErrorCode::not_this_format);
  expect_error(text, Kind::xml, ErrorCode::not_this_format);
  expect_error(must_write(Document{}, Kind::xml), Kind::text, ErrorCode::not_this_format);
  expect_error(must_write(Document{}, Kind::binary), Kind::text, ErrorCode::not_this_format);
  expect_error("<?xml version=\"1.0\"?><rss><boost_serialization/></rss>", Kind::xml,
               ErrorCode::not_this_format, "root element");
}

TEST(BoostArchiveHostile, XmlWithoutClosingTagFailsWithoutTerminate) {
  const std::string archive = must_write(test::iom_document(), Kind::xml);
  const std::size_t close = archive.rfind("</boost_serialization>");
  ASSERT_NE(close, std::string::npos);
  // Boost alone would load this, then throw from the archive's destructor: terminate.
  expect_error(archive.substr(0, close), Kind::xml, ErrorCode::syntax,
               "closing tag </boost_serialization>");
  expect_error(archive.substr(0, close) + "</boost_serialization", Kind::xml, ErrorCode::syntax);
  expect_error(archive.substr(0, close) + "<extra/></boost_serialization>", Kind::xml,
               ErrorCode::syntax, "second element");
  expect_error(archive + "<more/>", Kind::xml, ErrorCode::syntax, "after the closing");
  expect_error(forge(archive, "</feed>", "</fed>"), Kind::xml, ErrorCode::syntax, "does not match");
  ReadOptions shallow;
  shallow.limits.max_depth = 4;
  expect_error(archive, Kind::xml, ErrorCode::limit_exceeded, "max_depth", shallow);
}

TEST(BoostArchiveHostile, OutOfRangeValuesFail) {
  const std::string archive = must_write(test::iom_document(), Kind::xml);
  expect_error(forge(archive, "<kind>0</kind>", "<kind>99</kind>"), Kind::xml,
               ErrorCode::invalid_value, "enum value 99 of 'kind' is out of range");
  expect_error(forge(archive, "<kind>0</kind>", "<kind>-1</kind>"), Kind::xml,
               ErrorCode::invalid_value, "out of range");
  expect_error(forge(archive, "<present>0</present>", "<present>7</present>"), Kind::xml,
               ErrorCode::invalid_value, "presence flag 7");
  Document twice;
  twice.extensions = {{"a", "1"}, {"b", "2"}};
  expect_error(forge(must_write(twice, Kind::text), " 1 b 1 2", " 1 a 1 2"), Kind::text,
               ErrorCode::invalid_value, "duplicate extension key");
}

TEST_P(BoostArchiveKinds, LimitsAreEnforced) {
  const Kind kind = GetParam();
  const std::string archive = must_write(test::iom_document(), kind);
  ReadOptions options;
  options.limits.max_records = 5;
  expect_error(archive, kind, ErrorCode::limit_exceeded, "max_records", options);
  options = {};
  options.limits.max_string_bytes = 64;
  expect_error(archive, kind, ErrorCode::limit_exceeded, "max_string_bytes", options);
  options = {};
  options.limits.max_input_bytes = 100;
  expect_error(archive, kind, ErrorCode::limit_exceeded, "max_input_bytes", options);
}

TEST(BoostArchiveHostile, BytesAfterTheArchive) {
  for (Kind kind : {Kind::text, Kind::binary}) {
    const std::string archive = must_write(test::iom_document(), kind) + "trailing";
    auto lenient = boost_archive::read(archive, kind);
    ASSERT_TRUE(lenient.has_value()) << to_string(lenient.error());
    ASSERT_EQ(lenient.warnings().size(), 1u);
    EXPECT_NE(lenient.warnings()[0].message.find("8 bytes after the end"), std::string::npos);
    ReadOptions strict;
    strict.mode = Mode::strict;
    expect_error(archive, kind, ErrorCode::syntax, "bytes after the end", strict);
  }
}

}  // namespace
}  // namespace pressroom
