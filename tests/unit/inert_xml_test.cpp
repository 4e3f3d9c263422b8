// SPDX-License-Identifier: MIT
// The inert filter for foreign XML (detail/inert_xml.hpp) on its own: what it drops, what it
// keeps byte for byte, and the self-contained fragments the feed readers store.
#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>

#include "detail/inert_xml.hpp"

namespace {

using pressroom::detail::append_self_contained;
using pressroom::detail::InertXml;
using pressroom::detail::make_inert_xml;

bool mentions(const InertXml& r, std::string_view what) {
  for (const auto& d : r.dropped)
    if (d.find(what) != std::string::npos) return true;
  return false;
}

TEST(InertXml, KeepsHarmlessFragmentsByteForByte) {
  for (const std::string f :
       {"<itunes:duration xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">12:00"
        "</itunes:duration>",
        "<ex:note xmlns:ex=\"urn:example\" n=\"1\">x<ex:b/></ex:note>",
        "<ex:a xmlns:ex=\"urn:x\" href=\"https://example.org/a?b=1&amp;c=2\" src=\"/rel/img.png\" "
        "kind=\"x\"><![CDATA[a < b]]> &amp; text</ex:a>",
        "<a xmlns=\"urn:y\"><b>t</b></a><ex:c xmlns:ex=\"urn:x\" url=\"mailto:a@example.org\"/>",
        "plain text, not markup", ""}) {
    const InertXml r = make_inert_xml(f);
    EXPECT_TRUE(r.well_formed) << f;
    EXPECT_TRUE(r.dropped.empty()) << f << ": " << (r.dropped.empty() ? "" : r.dropped[0]);
    EXPECT_EQ(r.fragment, f);
  }
}

TEST(InertXml, DropsElementsOfLiveNamespaces) {
  const struct {
    const char* fragment;
    const char* what;
  } cases[] = {
      {"<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" "
       "parse=\"text\"/>",
       "XInclude"},
      {"<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><svg:script>"
       "alert(2)</svg:script></svg:svg>",
       "SVG"},
      {"<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"/>",
       "XSLT"},
      {"<h:div xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:p>x</h:p></h:div>", "XHTML"},
      {"<html xmlns=\"http://www.w3.org/1999/xhtml\"><body onload=\"x()\"/></html>", "XHTML"},
      {"<m:math xmlns:m=\"http://www.w3.org/1998/Math/MathML\"><m:mi>x</m:mi></m:math>", "MathML"},
      {"<ev:listener xmlns:ev=\"http://www.w3.org/2001/xml-events\" event=\"load\"/>",
       "XML Events"},
  };
  for (const auto& c : cases) {
    const InertXml r = make_inert_xml(c.fragment);
    EXPECT_TRUE(r.well_formed);
    EXPECT_EQ(r.fragment, "") << c.fragment;
    ASSERT_EQ(r.dropped.size(), 1u) << c.fragment;
    EXPECT_TRUE(mentions(r, c.what)) << r.dropped[0];
  }
}

TEST(InertXml, DropsLiveElementsNestedInForeignOnes) {
  const InertXml r = make_inert_xml(
      "<ex:a xmlns:ex=\"urn:x\" xmlns:svg=\"http://www.w3.org/2000/svg\" "
      "xmlns:h=\"http://www.w3.org/1999/xhtml\">keep<ex:script>alert(1)</ex:script>"
      "<ex:b><svg:svg onload=\"alert(2)\"/><h:script>alert(3)</h:script><SCRIPT>4</SCRIPT>"
      "<ex:IFrame src=\"https://e.example/\"/></ex:b><ex:c>also kept</ex:c></ex:a>");
  EXPECT_EQ(r.fragment, "<ex:a xmlns:ex=\"urn:x\">keep<ex:b/><ex:c>also kept</ex:c></ex:a>");
  EXPECT_EQ(r.dropped.size(), 5u);
  EXPECT_TRUE(mentions(r, "<ex:script> (live in HTML or SVG)"));
  EXPECT_TRUE(mentions(r, "<svg:svg> (SVG)"));
  EXPECT_TRUE(mentions(r, "<h:script> (XHTML)"));
}

TEST(InertXml, DropsExecutableAndFetchingAttributes) {
  const InertXml r = make_inert_xml(
      "<ex:a xmlns:ex=\"urn:x\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      "xmlns:ev=\"http://www.w3.org/2001/xml-events\" onclick=\"a()\" ONLOAD=\"b()\" "
      "ex:onmouseover=\"c()\" style=\"background:url(https://e.example/)\" "
      "xlink:href=\"javascript:alert(1)\" href=\" JaVa&#x09;Script:alert(2)\" "
      "src=\"data:text/html,&lt;script&gt;\" xml:base=\"file:///etc/\" ev:event=\"load\" "
      "url=\"vbscript:x\" keep=\"1\" link=\"https://ok.example/\" "
      "action=\"https://ok.example/post\"/>");
  EXPECT_EQ(r.fragment,
            "<ex:a xmlns:ex=\"urn:x\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" keep=\"1\" "
            "link=\"https://ok.example/\" action=\"https://ok.example/post\"/>");
  EXPECT_EQ(r.dropped.size(), 10u);
  EXPECT_TRUE(mentions(r, "attribute onclick of <ex:a> (event handler)"));
  EXPECT_TRUE(mentions(r, "attribute xlink:href of <ex:a> (URL scheme"));
  EXPECT_TRUE(mentions(r, "attribute ev:event of <ex:a> (XML Events)"));
}

TEST(InertXml, DropsProcessingInstructionsDoctypesAndComments) {
  const InertXml r = make_inert_xml(
      "<?xml-stylesheet type=\"text/xsl\" href=\"https://e.example/x.xsl\"?>"
      "<ex:a xmlns:ex=\"urn:x\"><?php system('id'); ?><!-- note -->t</ex:a>");
  EXPECT_EQ(r.fragment, "<ex:a xmlns:ex=\"urn:x\">t</ex:a>");
  EXPECT_EQ(r.dropped.size(), 2u);
  EXPECT_TRUE(mentions(r, "processing instruction <?xml-stylesheet?>"));
  EXPECT_TRUE(mentions(r, "processing instruction <?php?>"));
}

TEST(InertXml, DropsElementsWhosePrefixIsUndeclared) {
  // Their namespace cannot be checked (and the markup would not be namespace-well-formed).
  const InertXml r =
      make_inert_xml("<ex:a xmlns:ex=\"urn:x\"><svg:svg onload=\"x()\"/>t</ex:a><q:b/>");
  EXPECT_EQ(r.fragment, "<ex:a xmlns:ex=\"urn:x\">t</ex:a>");
  EXPECT_EQ(r.dropped.size(), 2u);
  EXPECT_TRUE(mentions(r, "<svg:svg> (undeclared namespace prefix)"));
}

TEST(InertXml, RedeclaredPrefixesAreResolvedInScope) {
  // The same prefix bound to a harmless namespace, then to SVG on a child, then back.
  const InertXml r = make_inert_xml(
      "<p:a xmlns:p=\"urn:x\"><p:b xmlns:p=\"http://www.w3.org/2000/svg\"/><p:c/></p:a>");
  EXPECT_EQ(r.fragment, "<p:a xmlns:p=\"urn:x\"><p:c/></p:a>");
  // A default namespace of XHTML makes unprefixed children XHTML.
  const InertXml d = make_inert_xml(
      "<ex:a xmlns:ex=\"urn:x\" xmlns=\"http://www.w3.org/1999/xhtml\"><b/>"
      "<c xmlns=\"urn:y\"/></ex:a>");
  EXPECT_EQ(d.fragment, "<ex:a xmlns:ex=\"urn:x\"><c xmlns=\"urn:y\"/></ex:a>");
}

TEST(InertXml, GivesBackWhatIsNotWellFormedUnchanged) {
  for (const std::string f : {"<not closed", "<a><b></a>", "<x:y>undeclared prefix</x:z>"}) {
    const InertXml r = make_inert_xml(f);
    EXPECT_FALSE(r.well_formed) << f;
    EXPECT_EQ(r.fragment, f);
  }
}

TEST(InertXml, WalksDeepFragmentsWithoutRecursion) {
  std::string f = "<ex:a xmlns:ex=\"urn:x\">";
  for (int i = 0; i < 200000; ++i) f += "<ex:b>";
  f += "<ex:script/>";
  for (int i = 0; i < 200000; ++i) f += "</ex:b>";
  f += "</ex:a>";
  const InertXml r = make_inert_xml(f);
  EXPECT_TRUE(r.well_formed);
  EXPECT_EQ(r.dropped.size(), 1u);
  EXPECT_EQ(r.fragment.find("script"), std::string::npos);
}

TEST(InertXml, NamesThatAreNotQNamesAreDropped) {
  // pugixml takes `x:` and `a:b:c` for names; namespace-aware readers refuse them.
  const InertXml r = make_inert_xml(
      "<ex:a xmlns:ex=\"urn:e\"><x: xmlns:x=\"urn:x\">t</x:><ex:b ex:c:d=\"1\" "
      "keep=\"2\"/></ex:a>");
  EXPECT_TRUE(r.well_formed);
  EXPECT_EQ(r.fragment.find("x:>"), std::string::npos) << r.fragment;
  EXPECT_EQ(r.fragment.find("ex:c:d"), std::string::npos) << r.fragment;
  EXPECT_NE(r.fragment.find("keep=\"2\""), std::string::npos) << r.fragment;
  EXPECT_EQ(r.dropped.size(), 2u);
}

TEST(InertXml, UrlAttributesGoThroughTheOneUrlFilter) {
  const InertXml r = make_inert_xml(
      "<ex:a xmlns:ex=\"urn:e\" href=\"https://example.org/\"><ex:b src=\"java&#9;script:x\"/>"
      "<ex:c url=\"magnet:?xt=urn:btih:0\"/><ex:d uri=\"/relative?x=javascript:1\"/></ex:a>");
  EXPECT_NE(r.fragment.find("https://example.org/"), std::string::npos) << r.fragment;
  EXPECT_NE(r.fragment.find("/relative?x=javascript:1"), std::string::npos) << r.fragment;
  EXPECT_EQ(r.fragment.find("script:x"), std::string::npos) << r.fragment;
  EXPECT_EQ(r.fragment.find("magnet:"), std::string::npos) << r.fragment;
  EXPECT_EQ(r.dropped.size(), 2u);
}

TEST(InertXml, SelfContainedFragmentsDeclareThePrefixesTheyUse) {
  pugi::xml_document d;
  ASSERT_TRUE(d.load_string(
      "<rss xmlns:georss=\"http://www.georss.org/georss\" xmlns:gml=\"http://www.opengis.net/gml\">"
      "<item><georss:where><gml:Point gml:id=\"p\"><gml:pos>45 7</gml:pos></gml:Point>"
      "</georss:where><ex xmlns=\"urn:e\">t</ex></item></rss>"));
  const pugi::xml_node item = d.child("rss").child("item");
  std::string out;
  append_self_contained(out, item.first_child());
  EXPECT_EQ(out,
            "<georss:where xmlns:georss=\"http://www.georss.org/georss\" "
            "xmlns:gml=\"http://www.opengis.net/gml\"><gml:Point gml:id=\"p\"><gml:pos>45 7"
            "</gml:pos></gml:Point></georss:where>");
  out.clear();
  append_self_contained(out, item.last_child(), "urn:e");
  EXPECT_EQ(out, "<ex xmlns=\"urn:e\">t</ex>");
}

}  // namespace
