// SPDX-License-Identifier: MIT
// The vcard module: writer layout (CRLF, folding, escaping), contacts surviving a round trip,
// the reader's leniency (vCard 3.0 and 2.1, parameters, groups), limits and hostile input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detail/text.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/vcard.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

namespace {
using namespace pressroom;

std::vector<std::string> physical_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t eol = s.find("\r\n", pos);
    if (eol == std::string::npos) {
      lines.push_back(s.substr(pos));
      break;
    }
    lines.push_back(s.substr(pos, eol - pos));
    pos = eol + 2;
  }
  return lines;
}

// Undoes folding (CRLF followed by a space).
std::string unfolded(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

// The contacts-only part of a document (what a vCard file carries).
Document contacts_of(const Document& d) {
  Document c;
  c.contacts = d.contacts;
  return c;
}

Contact sample_contact() {
  Contact c;
  c.id = "contact:annika-bergstrom-lewis";
  c.name.full = "Annika Bergström-Lewis";
  c.name.given = "Annika";
  c.name.family = "Bergström-Lewis";
  c.name.honorific_prefix = "Dr";
  c.organization_name = "Nordic Rights Council; Sweden";
  c.unit = "Press office, Stockholm";
  c.job_title = "Head of Media Relations";
  Email e;
  e.address = "press@example.org";
  e.kind = EmailKind::work;
  c.emails = {e};
  PhoneNumber p;
  p.raw = "+46 8 123 456 78 ext. 12";
  p.e164 = "+46812345678";
  p.extension = "12";
  p.kind = PhoneKind::voice;
  PhoneNumber m;
  m.raw = "+46701234567";
  m.e164 = "+46701234567";
  m.kind = PhoneKind::mobile;
  c.phones = {p, m};
  Link url;
  url.href = "https://example.org/press?lang=sv,en";
  c.urls = {url};
  InstantMessaging im;
  im.service = "Signal";
  im.handle = "+46701234567";
  c.im = {im};
  c.social = {"@NordicRights"};
  PostalAddress a;
  a.lines = {"Drottninggatan 1", "Box 12, floor 3"};
  a.locality = "Stockholm";
  a.postal_code = "111 51";
  a.country = "Sweden";
  c.address = a;
  c.languages = {"sv", "en"};
  c.note = "Answers within the day;\nweekends: see the website, \\ or call.";
  return c;
}

TEST(VcardWriter, UsesCrlfAndFoldsAt75OctetsOnCharacterBoundaries) {
  Document d;
  Contact c = sample_contact();
  c.note = std::string(40, 'x') + "ééééééééééééééééééééééééééééééééééééééééé€€€€€€€€€€€€€€€€€€€" +
           std::string(200, 'y');
  d.contacts = {c};
  const Result<std::string> w = vcard::write(d);
  ASSERT_TRUE(w) << to_string(w.error());
  EXPECT_TRUE(w.warnings().empty());
  ASSERT_GE(w->size(), 2u);
  EXPECT_EQ(w->substr(w->size() - 2), "\r\n");
  // No bare LF: every '\n' follows a '\r'.
  for (std::size_t i = 0; i < w->size(); ++i) {
    if ((*w)[i] == '\n') {
      EXPECT_EQ((*w)[i - 1], '\r') << "at " << i;
    }
  }
  std::size_t folds = 0;
  for (const std::string& line : physical_lines(*w)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_EQ(detail::find_invalid_utf8(line), detail::npos) << "fold split a character: " << line;
    if (!line.empty() && line[0] == ' ') ++folds;
  }
  EXPECT_GE(folds, 4u);
  const Result<Document> r = vcard::read(*w);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_TRUE(r.warnings().empty());
  EXPECT_EQ(*r, d) << test::line_diff(debug_dump(d), debug_dump(*r));
}

TEST(VcardWriter, EscapesTextAndWritesStandardProperties) {
  Document d;
  d.contacts = {sample_contact()};
  const Result<std::string> w = vcard::write(d);
  ASSERT_TRUE(w) << to_string(w.error());
  const std::string s = unfolded(*w);
  EXPECT_EQ(s.rfind("BEGIN:VCARD\r\nVERSION:4.0\r\n", 0), 0u) << s;
  EXPECT_NE(s.find("\r\nKIND:individual\r\n"), std::string::npos) << s;
  EXPECT_NE(s.find("\r\nFN:Annika Bergström-Lewis\r\n"), std::string::npos) << s;
  EXPECT_NE(s.find("\r\nN:Bergström-Lewis;Annika;;Dr;\r\n"), std::string::npos) << s;
  EXPECT_NE(s.find("\r\nORG:Nordic Rights Council\\; Sweden;Press office\\, Stockholm\r\n"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("\r\nEMAIL;TYPE=work:press@example.org\r\n"), std::string::npos) << s;
  EXPECT_NE(s.find("TEL;VALUE=uri;TYPE=work,voice;X-PRESSROOM-RAW=+46 8 123 456 78 ext. 12:"
                   "tel:+46812345678;ext=12"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("\r\nTEL;VALUE=uri;TYPE=work,cell:tel:+46701234567\r\n"), std::string::npos)
      << s;
  EXPECT_NE(s.find("\r\nURL:https://example.org/press?lang=sv,en\r\n"), std::string::npos) << s;
  EXPECT_NE(s.find("\r\nIMPP;X-SERVICE-TYPE=Signal:signal:+46701234567\r\n"), std::string::npos)
      << s;
  EXPECT_NE(s.find("\r\nSOCIALPROFILE;VALUE=text:@NordicRights\r\n"), std::string::npos) << s;
  EXPECT_NE(s.find("\r\nADR:;;Drottninggatan 1,Box 12\\, floor 3;Stockholm;;111 51;Sweden\r\n"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("\r\nLANG:sv\r\nLANG:en\r\n"), std::string::npos) << s;
  EXPECT_NE(
      s.find("\r\nNOTE:Answers within the day\\;\\nweekends: see the website\\, \\\\ or call.\r\n"),
      std::string::npos)
      << s;
  EXPECT_NE(s.find("\r\nUID:urn:pressroom:contact:annika-bergstrom-lewis\r\n"), std::string::npos)
      << s;
  // Everything had a standard place: no residual.
  EXPECT_EQ(s.find("X-PRESSROOM-CONTACT"), std::string::npos) << s;
  const Result<Document> r = vcard::read(s);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_TRUE(r.warnings().empty());
  EXPECT_EQ(*r, d) << test::line_diff(debug_dump(d), debug_dump(*r));
}

TEST(VcardWriter, OfficeContactGetsDerivedFnAndKindOrg) {
  Document d;
  Contact c;
  c.id = "contact:iom-uk-press";
  c.kind = ContactKind::org;
  c.organization_name = "IOM UK";
  c.unit = "Press office";
  d.contacts = {c};
  const Result<std::string> w = vcard::write(d);
  ASSERT_TRUE(w);
  EXPECT_NE(w->find("\r\nKIND:org\r\nFN;X-PRESSROOM-DERIVED=TRUE:Press office\r\n"),
            std::string::npos)
      << *w;
  const Result<Document> r = vcard::read(*w);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, d) << test::line_diff(debug_dump(d), debug_dump(*r));
}

TEST(VcardRoundTrip, ContactsSurviveAndOtherTablesAreWarnedAbout) {
  std::vector<std::pair<std::string, Document>> docs = {{"iom", test::iom_document()},
                                                        {"full", test::full_document()}};
  const std::uint64_t base = test::base_seed(20240312);
  for (int i = 0; i < 60; ++i) {
    const std::uint64_t seed = test::derive_seed(base, static_cast<std::uint64_t>(i));
    docs.emplace_back("random seed " + std::to_string(seed), test::random_document(seed));
  }
  for (const auto& [what, d] : docs) {
    SCOPED_TRACE(what);
    const Result<std::string> w = vcard::write(d);
    ASSERT_TRUE(w) << to_string(w.error());
    const Result<Document> r = vcard::read(*w);
    ASSERT_TRUE(r) << to_string(r.error());
    EXPECT_TRUE(r.warnings().empty()) << to_string(r.warnings().front());
    EXPECT_EQ(r->contacts, d.contacts)
        << test::line_diff(debug_dump(contacts_of(d)), debug_dump(*r));
    // Losses are warned about exactly when the document holds more than contacts.
    const bool more = contacts_of(d) != d;
    EXPECT_EQ(!vcard::lint(d).empty(), more);
    if (more) {
      EXPECT_FALSE(w.warnings().empty());
    }
    // Writing what was read gives the same bytes.
    const Result<std::string> again = vcard::write(*r);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, *w);
  }
}

TEST(VcardRoundTrip, IomContactKeepsThePrintedPhoneAndTheEmployerIdInParameters) {
  const Result<std::string> w = vcard::write(test::iom_document());
  ASSERT_TRUE(w);
  const std::string s = unfolded(*w);
  EXPECT_NE(s.find("\r\nORG;X-PRESSROOM-ID=\"org:iom-uk\":IOM UK\r\n"), std::string::npos) << *w;
  EXPECT_NE(s.find("TEL;VALUE=uri;TYPE=work,voice;X-PRESSROOM-RAW=+44 (0)207 811 6053;"
                   "X-PRESSROOM-COUNTRY=GB:tel:+442078116053\r\n"),
            std::string::npos)
      << *w;
  // Every field had a property or a parameter: no residual.
  EXPECT_EQ(s.find("X-PRESSROOM-CONTACT"), std::string::npos) << *w;
  bool articles = false;
  for (const Error& e : w.warnings()) articles = articles || e.path == "articles";
  EXPECT_TRUE(articles);
}

TEST(VcardWriter, WithoutExtensionsWritesStandardPropertiesOnlyAndWarns) {
  vcard::WriteOptions o;
  o.extensions = false;
  const Result<std::string> w = vcard::write(contacts_of(test::iom_document()), o);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->find("X-PRESSROOM"), std::string::npos) << *w;
  ASSERT_FALSE(w.warnings().empty());
  EXPECT_EQ(w.warnings().front().path, "contacts[0]");
  const Result<Document> r = vcard::read(*w);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].phones[0].raw, "+442078116053");
  EXPECT_EQ(r->contacts[0].phones[0].e164, "+442078116053");
}

TEST(VcardReader, ReadsVcard3WithWarningsAndRefusesItInStrictMode) {
  const std::string input =
      "BEGIN:VCARD\r\n"
      "VERSION:3.0\r\n"
      "N:Morris;Annie;;;\r\n"
      "FN:Annie Morris\r\n"
      "ORG:IOM UK;Communications\r\n"
      "TEL;TYPE=WORK,VOICE:+44 (0)207 811 6053\r\n"
      "TEL;TYPE=CELL:07700 900123\r\n"
      "EMAIL;TYPE=INTERNET,WORK:amorris@iom.int\r\n"
      "END:VCARD\r\n";
  const Result<Document> r = vcard::read(input);
  ASSERT_TRUE(r) << to_string(r.error());
  ASSERT_EQ(r->contacts.size(), 1u);
  const Contact& c = r->contacts[0];
  EXPECT_EQ(c.id, "contact:annie-morris");
  EXPECT_EQ(c.name.full, "Annie Morris");
  EXPECT_EQ(c.name.family, "Morris");
  EXPECT_EQ(c.organization_name, "IOM UK");
  EXPECT_EQ(c.unit, "Communications");
  ASSERT_EQ(c.phones.size(), 2u);
  EXPECT_EQ(c.phones[0].raw, "+44 (0)207 811 6053");
  EXPECT_EQ(c.phones[0].e164, "+442078116053");
  EXPECT_EQ(c.phones[0].kind, PhoneKind::voice);
  EXPECT_EQ(c.phones[1].raw, "07700 900123");
  EXPECT_EQ(c.phones[1].e164, "");
  EXPECT_EQ(c.phones[1].kind, PhoneKind::mobile);
  ASSERT_EQ(c.emails.size(), 1u);
  EXPECT_EQ(c.emails[0].kind, EmailKind::work);
  ASSERT_EQ(r.warnings().size(), 1u);
  EXPECT_EQ(r.warnings()[0].code, ErrorCode::unsupported);
  EXPECT_EQ(r.warnings()[0].line, 2u);
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> s = vcard::read(input, strict);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().line, 2u);
  EXPECT_EQ(s.error().column, 1u);
}

TEST(VcardReader, UnfoldsParsesParametersGroupsAndEscapes) {
  const std::string input =
      "BEGIN:VCARD\r\n"
      "VERSION:4.0\r\n"
      "FN:Grace Wairimu\r\n"
      "  Otieno\r\n"
      "item1.EMAIL;TYPE=\"work,pref\";PREF=1:grace@example.org\r\n"
      "TEL;VALUE=uri;TYPE=work;TYPE=fax;X-PRESSROOM-RAW=\"say ^'hi^' ^^ at: 1, 2\":tel:+254-20-\r\n"
      "\t123-4567\r\n"
      "NOTE:caf\xC3\r\n"
      " \xA9 \\N line two\\, \\; and \\\\\r\n"
      "X-CUSTOM;X-A=\"a;b:c\":kept as it is\r\n"
      "END:VCARD\r\n";
  const Result<Document> r = vcard::read(input);
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_TRUE(r.warnings().empty()) << to_string(r.warnings().front());
  ASSERT_EQ(r->contacts.size(), 1u);
  const Contact& c = r->contacts[0];
  EXPECT_EQ(c.name.full, "Grace Wairimu Otieno");
  ASSERT_EQ(c.emails.size(), 1u);
  EXPECT_EQ(c.emails[0].address, "grace@example.org");
  EXPECT_EQ(c.emails[0].kind, EmailKind::work);
  ASSERT_EQ(c.phones.size(), 1u);
  EXPECT_EQ(c.phones[0].kind, PhoneKind::fax);
  EXPECT_EQ(c.phones[0].e164, "+254201234567");
  EXPECT_EQ(c.phones[0].raw, "say \"hi\" ^ at: 1, 2");
  EXPECT_EQ(c.note, "caf\xC3\xA9 \n line two, ; and \\");
  EXPECT_EQ(c.extensions.at("vcard"), "X-CUSTOM;X-A=\"a;b:c\":kept as it is");
  // The unknown property is written back as it was.
  const Result<std::string> w = vcard::write(*r);
  ASSERT_TRUE(w);
  EXPECT_NE(w->find("\r\nX-CUSTOM;X-A=\"a;b:c\":kept as it is\r\n"), std::string::npos) << *w;
}

TEST(VcardReader, IdsFromUidElseFromTheNameWithoutCollisions) {
  const std::string input =
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Press Office\r\nUID:urn:uuid:f81d4fae-7dec-11d0\r\n"
      "END:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Press Office\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Press Office\r\nEND:VCARD\r\n";
  const Result<Document> r = vcard::read(input);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->contacts.size(), 3u);
  EXPECT_EQ(r->contacts[0].id, "urn:uuid:f81d4fae-7dec-11d0");
  EXPECT_EQ(r->contacts[1].id, "contact:press-office");
  EXPECT_EQ(r->contacts[2].id, "contact:press-office-2");
}

TEST(VcardReader, LegacyBareParametersAndLfLineEndings) {
  const std::string input =
      "BEGIN:VCARD\nVERSION:2.1\nFN:A\nTEL;WORK;VOICE:+1 202 555 0100\nEND:VCARD\n";
  const Result<Document> r = vcard::read(input);
  ASSERT_TRUE(r) << to_string(r.error());
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].phones.at(0).e164, "+12025550100");
  ASSERT_EQ(r.warnings().size(), 2u);  // LF endings, version 2.1
  EXPECT_EQ(r.warnings()[0].code, ErrorCode::syntax);
  EXPECT_EQ(r.warnings()[0].line, 1u);
}

TEST(VcardHostile, TruncatedCardIsKeptLenientlyAndRefusedStrictly) {
  const std::string input = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cut Off\r\nEMAIL:a@b.c";
  const Result<Document> r = vcard::read(input);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].emails.at(0).address, "a@b.c");
  ASSERT_EQ(r.warnings().size(), 1u);
  EXPECT_EQ(r.warnings()[0].line, 4u);
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> s = vcard::read(input, strict);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::syntax);
  EXPECT_EQ(s.error().line, 4u);
  EXPECT_EQ(s.error().column, 12u);
}

TEST(VcardHostile, NotAVcardEmptyInputAndStrayLines) {
  const Result<Document> other = vcard::read("{\"pressroom_version\": \"1.0\"}");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::not_this_format);
  const Result<Document> empty = vcard::read("\r\n  \r\n");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->contacts.empty());
  const Result<Document> stray =
      vcard::read("hello\r\nBEGIN:VCARD\r\nFN:X\r\nno colon here\r\nEND:VCARD\r\nEND:VCARD\r\n");
  ASSERT_TRUE(stray);
  ASSERT_EQ(stray->contacts.size(), 1u);
  // "hello", "no colon here", no VERSION (found when the card ends), END without BEGIN.
  ASSERT_EQ(stray.warnings().size(), 4u);
  EXPECT_EQ(stray.warnings()[0].line, 1u);
  EXPECT_EQ(stray.warnings()[1].line, 4u);
  EXPECT_EQ(stray.warnings()[1].column, 3u);  // "no" then ' ' is not a name character
  EXPECT_EQ(stray.warnings()[2].line, 2u);
  EXPECT_EQ(stray.warnings()[3].line, 6u);
}

TEST(VcardHostile, BadUtf8IsRepairedLenientlyAndLocatedStrictly) {
  const std::string input = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bad \xFF\xFE name\r\nEND:VCARD\r\n";
  const Result<Document> r = vcard::read(input);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->contacts.at(0).name.full, "Bad \xEF\xBF\xBD\xEF\xBF\xBD name");
  ASSERT_EQ(r.warnings().size(), 1u);
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> s = vcard::read(input, strict);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().line, 3u);
  EXPECT_EQ(s.error().column, 8u);
}

TEST(VcardHostile, LimitsFailInBothModes) {
  ReadOptions o;
  o.limits.max_string_bytes = 100;
  const std::string huge = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:" + std::string(1000, 'a') + "\r\n" +
                           " " + std::string(1000, 'b') + "\r\nEND:VCARD\r\n";
  const Result<Document> r = vcard::read(huge, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(r.error().line, 3u);

  ReadOptions small;
  small.limits.max_input_bytes = 10;
  const Result<Document> big = vcard::read(huge, small);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::limit_exceeded);

  ReadOptions few;
  few.limits.max_records = 2;
  std::string three;
  for (int i = 0; i < 3; ++i) three += "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nEND:VCARD\r\n";
  const Result<Document> many = vcard::read(three, few);
  ASSERT_FALSE(many);
  EXPECT_EQ(many.error().code, ErrorCode::limit_exceeded);
  EXPECT_EQ(many.error().line, 9u);

  ReadOptions shallow;
  shallow.limits.max_depth = 3;
  std::string nested = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\n";
  for (int i = 0; i < 5; ++i) nested += "BEGIN:VCARD\r\n";
  const Result<Document> deep = vcard::read(nested, shallow);
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().code, ErrorCode::limit_exceeded);
}

TEST(VcardHostile, NestedAgentCardIsSkipped) {
  const std::string input =
      "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\n"
      "FN:Assistant\r\nEND:VCARD\r\nEMAIL:boss@example.org\r\nEND:VCARD\r\n";
  const Result<Document> r = vcard::read(input);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].name.full, "Boss");
  EXPECT_EQ(r->contacts[0].emails.at(0).address, "boss@example.org");
}

// Every seventh prefix of a valid file and 400 random byte mutations of it: never a crash, and a
// lenient result that writes and reads again.
TEST(VcardHostile, PrefixesAndMutationsNeverCrash) {
  Document d;
  d.contacts = {sample_contact()};
  d.contacts.push_back(test::iom_document().contacts[0]);
  const std::string valid = vcard::write(d).value();
  ReadOptions strict;
  strict.mode = Mode::strict;
  auto check = [&](const std::string& input) {
    const Result<Document> r = vcard::read(input);
    (void)vcard::read(input, strict);
    if (r) {
      const Result<std::string> w = vcard::write(*r);
      ASSERT_TRUE(w);
      EXPECT_TRUE(vcard::read(*w)) << "cannot read back: " << *w;
    }
  };
  for (std::size_t n = 0; n <= valid.size(); n += 7) check(valid.substr(0, n));
  test::Rng rng(20240312);
  const char specials[] = {'\r', '\n', ' ', '\t', ';',  ':',    ',',   '"',
                           '\\', '=',  '^', '.',  '\0', '\xFF', '\xC3'};
  for (int i = 0; i < 400; ++i) {
    std::string m = valid;
    const int edits = 1 + static_cast<int>(rng.below(4));
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng.below(m.size());
      switch (rng.below(3)) {
        case 0:
          m[at] = specials[rng.below(sizeof specials)];
          break;
        case 1:
          m.erase(at, 1 + rng.below(8));
          break;
        default:
          m.insert(at, 1, specials[rng.below(sizeof specials)]);
      }
    }
    check(m);
  }
}

TEST(VcardRegistry, IsRegisteredAndSniffed) {
  const Registry registry = Registry::with_builtin_formats();
  const Format* f = registry.find("vcard");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->read && f->write);
  EXPECT_TRUE(f->carries.contacts);
  EXPECT_FALSE(f->carries.articles);
  EXPECT_EQ(registry.find_by_path("press.vcf"), f);
  const std::string w = vcard::write(test::iom_document()).value();
  const Format* detected = registry.detect(w);
  ASSERT_NE(detected, nullptr);
  EXPECT_EQ(detected->name, "vcard");
  EXPECT_EQ(f->sniff("{\"a\": 1}"), 0);
}

}  // namespace
