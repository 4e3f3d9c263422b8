// SPDX-License-Identifier: MIT
// Encodings before formats: byte order sniffing (every BOM; UTF-16 and UTF-32 without one, told
// by the zero bytes of "<?xml" and of "{"), format detection on the decoded text, and the
// readers converting UTF-16, UTF-32 and declared encodings to UTF-8.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "detail/encoding.hpp"
#include "pressroom/boost_archive.hpp"
#include "pressroom/json.hpp"
#include "pressroom/jsonl.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/rss.hpp"
#include "pressroom/xml.hpp"

namespace {

using pressroom::detail::sniff_byte_order;

// `ascii` (ASCII only) encoded as `encoding`, with its BOM when `bom`.
std::string encode(std::string_view ascii, std::string_view encoding, bool bom) {
  std::string out;
  const bool le = encoding.substr(encoding.size() - 2) == "le";
  const std::size_t unit = encoding.rfind("utf-32", 0) == 0 ? 4 : 2;
  const auto put = [&](unsigned cp) {
    for (std::size_t i = 0; i < unit; ++i) {
      const std::size_t shift = 8 * (le ? i : unit - 1 - i);
      out += static_cast<char>((cp >> shift) & 0xFF);
    }
  };
  if (bom) put(0xFEFF);
  for (const char c : ascii) put(static_cast<unsigned char>(c));
  return out;
}

// Latin-1 text (code points below 256) encoded as `encoding`.
std::string encode_latin1(std::string_view latin1, std::string_view encoding, bool bom) {
  return encode(latin1, encoding, bom);
}

TEST(ByteOrder, EveryBom) {
  EXPECT_EQ(sniff_byte_order("\xEF\xBB\xBF<a/>").encoding, "utf-8");
  EXPECT_EQ(sniff_byte_order("\xEF\xBB\xBF<a/>").bom, 3u);
  EXPECT_FALSE(sniff_byte_order("\xEF\xBB\xBF<a/>").wide());
  for (const char* enc : {"utf-16le", "utf-16be", "utf-32le", "utf-32be"}) {
    SCOPED_TRACE(enc);
    const std::string head = encode("<?xml", enc, true);
    const pressroom::detail::ByteOrder order = sniff_byte_order(head);
    EXPECT_EQ(order.encoding, enc);
    EXPECT_EQ(order.bom, std::string_view(enc).rfind("utf-32", 0) == 0 ? 4u : 2u);
    EXPECT_TRUE(order.wide());
  }
}

TEST(ByteOrder, WithoutBomFromTheFirstCharacters) {
  for (const char* enc : {"utf-16le", "utf-16be", "utf-32le", "utf-32be"}) {
    for (const char* text : {"<?xml version=\"1.0\"?>", "{\"a\":1}", " \n{}", "<rss/>"}) {
      SCOPED_TRACE(std::string(enc) + " " + text);
      const pressroom::detail::ByteOrder order = sniff_byte_order(encode(text, enc, false));
      EXPECT_EQ(order.encoding, enc);
      EXPECT_EQ(order.bom, 0u);
    }
  }
  EXPECT_EQ(sniff_byte_order("\x4C\x6F\xA7\x94").encoding, "cp037");  // EBCDIC "<?xm"
}

TEST(ByteOrder, AsciiCompatibleAndBinaryInputsAreNotWide) {
  EXPECT_EQ(sniff_byte_order("<?xml version=\"1.0\"?>").encoding, "");
  EXPECT_EQ(sniff_byte_order("{\"a\":1}").encoding, "");
  EXPECT_EQ(sniff_byte_order("").encoding, "");
  EXPECT_EQ(sniff_byte_order("{").encoding, "");
  // A binary archive starts with a length whose high bytes are zero: not text.
  EXPECT_FALSE(sniff_byte_order(std::string("\x16\0\0\0\0\0\0\0serialization", 21)).wide());
}

TEST(ByteOrder, DecodeHeadGivesTheTextWithoutBomAndDropsAHalfUnit) {
  std::string head = encode("<rss version=\"2.0\">", "utf-16le", true);
  head += 'x';  // half a code unit: the head was cut there
  EXPECT_EQ(pressroom::detail::decode_head(head).value_or("?"), "<rss version=\"2.0\">");
  EXPECT_EQ(pressroom::detail::decode_head(encode("{}", "utf-32be", false)).value_or("?"), "{}");
  EXPECT_FALSE(pressroom::detail::decode_head("<rss/>").has_value());
}

TEST(DeclaredEncoding, ReadFromTheXmlDeclaration) {
  using pressroom::detail::declared_xml_encoding;
  EXPECT_EQ(declared_xml_encoding("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"),
            "iso-8859-1");
  EXPECT_EQ(declared_xml_encoding("\xEF\xBB\xBF<?xml version='1.0' encoding='UTF8'?><a/>"),
            "utf-8");
  EXPECT_EQ(declared_xml_encoding("<?xml version=\"1.0\"?><a/>"), "");
  EXPECT_TRUE(pressroom::detail::is_utf8_compatible("us-ascii"));
  EXPECT_FALSE(pressroom::detail::is_utf8_compatible("windows-1252"));
}

TEST(DecodeInput, DeclaredEncodingsAndContradictions) {
  const pressroom::detail::Decoded latin1 = pressroom::detail::decode_input(
      "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\xE9</a>", true);
  EXPECT_EQ(latin1.utf8(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>\xC3\xA9</a>");
  EXPECT_TRUE(latin1.problems.empty());
  const pressroom::detail::Decoded mismatch = pressroom::detail::decode_input(
      encode("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>", "utf-16be", false), true);
  ASSERT_EQ(mismatch.problems.size(), 1u);
  EXPECT_NE(mismatch.problems[0].find("utf-16be"), std::string::npos) << mismatch.problems[0];
  const pressroom::detail::Decoded json =
      pressroom::detail::decode_input(encode("{\"a\":\"b\"}", "utf-32le", false), false);
  EXPECT_EQ(json.utf8(), "{\"a\":\"b\"}");
  EXPECT_EQ(json.encoding, "utf-32le");
}

const char kRss[] =
    "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<rss version=\"2.0\"><channel><title>News"
    "</title><link>https://example.org/</link><description>d</description><item><title>Caf\xE9"
    "</title><link>https://example.org/a</link></item></channel></rss>\n";
const char kAtom[] =
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:x</id><title>T</title>"
    "<updated>2024-01-01T00:00:00Z</updated></feed>";
const char kXml[] =
    "<?xml version=\"1.0\"?>\n<pressroom xmlns=\"urn:pressroom:1\" version=\"1.0\">"
    "<article><headline>Caf\xE9</headline></article></pressroom>\n";
const char kJson[] = "{\"pressroom_version\":\"1.0\",\"articles\":[{\"headline\":\"Caf\xE9\"}]}";
const char kJsonFeed[] =
    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Caf\xE9\",\"items\":[]}";
const char kJsonl[] = "{\"type\":\"article\",\"headline\":\"x\"}\n{\"type\":\"article\"}\n";

TEST(Detect, WideInputsAreDetectedAsTheTextTheyHold) {
  const pressroom::Registry registry = pressroom::Registry::with_builtin_formats();
  const std::pair<const char*, const char*> cases[] = {{kRss, "rss"},           {kAtom, "atom"},
                                                       {kXml, "xml"},           {kJson, "json"},
                                                       {kJsonFeed, "jsonfeed"}, {kJsonl, "jsonl"}};
  for (const auto& [text, name] : cases) {
    for (const char* enc : {"utf-16le", "utf-16be", "utf-32le", "utf-32be"}) {
      for (const bool bom : {true, false}) {
        SCOPED_TRACE(std::string(name) + " " + enc + (bom ? " with BOM" : ""));
        const std::string input = encode_latin1(text, enc, bom);
        const pressroom::Format* f = registry.detect(input);
        ASSERT_NE(f, nullptr);
        EXPECT_EQ(f->name, name);
        // A file name claiming another format does not win over the content.
        const pressroom::Format* named = registry.detect(input, "input.xml");
        ASSERT_NE(named, nullptr);
        EXPECT_EQ(named->name, name);
      }
    }
  }
}

TEST(Detect, BinaryArchivesAreStillRecognised) {
  const pressroom::Registry registry = pressroom::Registry::with_builtin_formats();
  const pressroom::Result<std::string> archive = pressroom::boost_archive::write(
      pressroom::Document{}, pressroom::boost_archive::Kind::binary);
  ASSERT_TRUE(archive);
  const pressroom::Format* f = registry.detect(*archive);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "boost-binary");
}

TEST(Readers, ReadUtf16AndUtf32) {
  for (const char* enc : {"utf-16le", "utf-16be", "utf-32le", "utf-32be"}) {
    for (const bool bom : {true, false}) {
      SCOPED_TRACE(std::string(enc) + (bom ? " with BOM" : ""));
      const auto xml = pressroom::xml::read(encode_latin1(kXml, enc, bom));
      ASSERT_TRUE(xml) << xml.error().message;
      ASSERT_EQ(xml->articles.size(), 1u);
      EXPECT_EQ(xml->articles[0].headline, "Caf\xC3\xA9");
      const auto json = pressroom::json::read(encode_latin1(kJson, enc, bom));
      ASSERT_TRUE(json) << json.error().message;
      ASSERT_EQ(json->articles.size(), 1u);
      EXPECT_EQ(json->articles[0].headline, "Caf\xC3\xA9");
      const auto rss = pressroom::rss::read(encode_latin1(kRss, enc, bom));
      ASSERT_TRUE(rss) << rss.error().message;
      ASSERT_EQ(rss->articles.size(), 1u);
      EXPECT_EQ(rss->articles[0].headline, "Caf\xC3\xA9");
    }
  }
}

TEST(Readers, CanonicalXmlHonoursItsDeclaredEncoding) {
  const std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
      "<pressroom xmlns=\"urn:pressroom:1\" version=\"1.0\"><article><headline>Caf\xE9"
      "</headline></article></pressroom>\n";
  const auto doc = pressroom::xml::read(latin1);
  ASSERT_TRUE(doc) << doc.error().message;
  ASSERT_EQ(doc->articles.size(), 1u);
  EXPECT_EQ(doc->articles[0].headline, "Caf\xC3\xA9");
  EXPECT_TRUE(doc.warnings().empty());
  std::string koi8 = latin1;
  koi8.replace(koi8.find("ISO-8859-1"), 10, "KOI8-R");
  koi8.replace(koi8.find('\xE9'), 1, "\xC1");  // KOI8-R 0xC1 is U+0430
  const auto cyrillic = pressroom::xml::read(koi8);
  ASSERT_TRUE(cyrillic) << cyrillic.error().message;
  EXPECT_EQ(cyrillic->articles[0].headline, "Caf\xD0\xB0");
}

TEST(Readers, CanonicalXmlWithoutADeclarationIsReadAsUtf8) {
  // Invalid UTF-8 in undeclared canonical XML is repaired value by value (U+FFFD), not taken
  // for Windows-1252 as a whole.
  const auto doc = pressroom::xml::read(
      "<pressroom xmlns=\"urn:pressroom:1\" version=\"1.0\"><article><headline>\xC3\xA9 \xFF"
      "</headline></article></pressroom>");
  ASSERT_TRUE(doc) << doc.error().message;
  ASSERT_EQ(doc->articles.size(), 1u);
  EXPECT_EQ(doc->articles[0].headline, "\xC3\xA9 \xEF\xBF\xBD");
}

TEST(Readers, AContradictedDeclarationIsAWarningAndStrictRefusesIt) {
  const std::string input = encode(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><pressroom xmlns=\"urn:pressroom:1\" "
      "version=\"1.0\"/>",
      "utf-16le", false);
  const auto lenient = pressroom::xml::read(input);
  ASSERT_TRUE(lenient) << lenient.error().message;
  ASSERT_EQ(lenient.warnings().size(), 1u);
  EXPECT_NE(lenient.warnings()[0].message.find("utf-16le"), std::string::npos);
  pressroom::ReadOptions strict;
  strict.mode = pressroom::Mode::strict;
  const auto refused = pressroom::xml::read(input, strict);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("declaration says utf-8"), std::string::npos);
}

TEST(Readers, JsonLinesRefusesWideEncodingsNamingThem) {
  const auto r = pressroom::jsonl::read(encode(kJsonl, "utf-16le", true));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, pressroom::ErrorCode::unsupported);
  EXPECT_NE(r.error().message.find("utf-16le"), std::string::npos) << r.error().message;
}

TEST(Readers, ConvertDetectsAndReadsAUtf16Feed) {
  const pressroom::Registry registry = pressroom::Registry::with_builtin_formats();
  const auto out = pressroom::convert(registry, encode_latin1(kRss, "utf-16be", false), "", "json");
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_NE(out->find("Caf\xC3\xA9"), std::string::npos) << *out;
}

}  // namespace
