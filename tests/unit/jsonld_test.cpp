// SPDX-License-Identifier: MIT
// The jsonld writer: valid JSON, one @graph whose nodes have unique @ids, every {"@id": ...}
// reference resolving inside the graph, and the schema.org mapping of each record type.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>

#include "pressroom/jsonld.hpp"
#include "pressroom/registry.hpp"
#include "support/random_document.hpp"
#include "support/test_support.hpp"

namespace {
using namespace pressroom;
using Json = nlohmann::json;

// Collects the @id of every reference object ({"@id": x} alone) anywhere under `j`.
void collect_refs(const Json& j, std::vector<std::string>& refs) {
  if (j.is_object()) {
    if (j.size() == 1 && j.contains("@id")) refs.push_back(j["@id"].get<std::string>());
    for (const auto& [k, v] : j.items()) collect_refs(v, refs);
  } else if (j.is_array()) {
    for (const Json& v : j) collect_refs(v, refs);
  }
}

struct Graph {
  Json root;
  std::map<std::string, Json> nodes;  // by @id
};

// Parses the writer's output and checks the graph's invariants; returns it for more checks.
Graph checked_graph(const Document& d, const jsonld::WriteOptions& options = {}) {
  Graph g;
  const Result<std::string> w = jsonld::write(d, options);
  EXPECT_TRUE(w) << to_string(w.error());
  if (!w) return g;
  g.root = Json::parse(*w, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(g.root.is_discarded()) << "not JSON:\n" << *w;
  if (g.root.is_discarded()) return g;
  EXPECT_EQ(g.root.value("@context", ""), "https://schema.org");
  EXPECT_TRUE(g.root["@graph"].is_array());
  for (const Json& node : g.root["@graph"]) {
    EXPECT_TRUE(node.contains("@type")) << node.dump();
    EXPECT_TRUE(node.contains("@id")) << node.dump();
    const std::string id = node.value("@id", "");
    EXPECT_TRUE(g.nodes.emplace(id, node).second) << "duplicate @id " << id;
  }
  std::vector<std::string> refs;
  collect_refs(g.root["@graph"], refs);
  for (const std::string& r : refs) EXPECT_EQ(g.nodes.count(r), 1u) << "dangling @id " << r;
  return g;
}

TEST(JsonLd, IomDocumentGraph) {
  const Document d = test::iom_document();
  const Graph g = checked_graph(d);
  const Json& article = g.nodes.at(jsonld::node_id(d.articles[0].id, {}));
  EXPECT_EQ(article["@type"], "NewsArticle");
  EXPECT_EQ(article["headline"], d.articles[0].headline);
  EXPECT_EQ(article["genre"], "press release");
  EXPECT_EQ(article["publisher"]["@id"], "urn:pressroom:org:iom");
  EXPECT_TRUE(article.contains("articleBody"));
  // The act is mentioned and cited, by reference to a Legislation node.
  const std::string act = "urn:pressroom:leg:ukpga-2015-30";
  const Json& leg = g.nodes.at(act);
  EXPECT_EQ(leg["@type"], "Legislation");
  EXPECT_EQ(leg["name"], "Modern Slavery Act 2015");
  EXPECT_EQ(leg["legislationIdentifier"][0], "ukpga/2015/30");
  EXPECT_EQ(leg["legislationDate"], "2015-03-26");
  EXPECT_EQ(leg["legislationType"], "act");
  EXPECT_EQ(leg["legislationJurisdiction"]["name"], "United Kingdom");
  EXPECT_EQ(leg["legislationPassedBy"]["name"], "Parliament of the United Kingdom");
  auto refers = [&](const Json& v) {
    if (v.is_object()) return v.value("@id", "") == act;
    for (const Json& x : v)
      if (x.is_object() && x.value("@id", "") == act) return true;
    return false;
  };
  ASSERT_TRUE(article.contains("citation"));
  EXPECT_TRUE(refers(article["citation"]));
  // The commissioner: a Person with the office as jobTitle, Occupation and role.
  const Json& kevin = g.nodes.at("urn:pressroom:person:kevin-hyland");
  EXPECT_EQ(kevin["@type"], "Person");
  EXPECT_EQ(kevin["givenName"], "Kevin");
  EXPECT_EQ(kevin["jobTitle"], "Independent Anti-Slavery Commissioner");
  EXPECT_EQ(kevin["hasOccupation"]["@type"], "Occupation");
  // Organizations: acronym as alternateName, parent by reference, the contact point.
  const Json& iom = g.nodes.at("urn:pressroom:org:iom");
  EXPECT_EQ(iom["alternateName"], "IOM");
  EXPECT_EQ(iom["foundingDate"], "1951");
  EXPECT_EQ(iom["memberOf"]["name"], "United Nations System");
  const Json& iom_uk = g.nodes.at("urn:pressroom:org:iom-uk");
  EXPECT_EQ(iom_uk["parentOrganization"]["@id"], "urn:pressroom:org:iom");
  EXPECT_EQ(iom_uk["contactPoint"]["@id"], "urn:pressroom:contact:annie-morris");
  const Json& annie = g.nodes.at("urn:pressroom:contact:annie-morris");
  EXPECT_EQ(annie["@type"], "ContactPoint");
  EXPECT_EQ(annie["telephone"], "+442078116053");
  EXPECT_EQ(annie["email"], "amorris@iom.int");
}

TEST(JsonLd, OrganizationTypesRolesAndBaseIri) {
  Document d;
  Organization ngo;
  ngo.id = "org:a";
  ngo.name = "A";
  ngo.kind = OrganizationKind::ngo;
  Organization gov;
  gov.id = "org:b";
  gov.name = "B";
  gov.kind = OrganizationKind::legislature;
  d.organizations = {ngo, gov};
  Commissioner c;
  c.id = "person:c d";
  c.name.full = "C D";
  c.office.title = "Commissioner";
  c.office.organization_id = "org:b";
  c.term.start = parse_date_time("2020-01-01");
  d.commissioners = {c};
  jsonld::WriteOptions o;
  o.base_iri = "https://example.org/r";
  const Graph g = checked_graph(d, o);
  EXPECT_EQ(g.nodes.at("https://example.org/r#org:a")["@type"], "NGO");
  const Json& b = g.nodes.at("https://example.org/r#org:b");
  EXPECT_EQ(b["@type"], "GovernmentOrganization");
  EXPECT_EQ(b["additionalType"], "legislature");
  const Json& p = g.nodes.at("https://example.org/r#person:c%20d");
  EXPECT_EQ(p["worksFor"]["@type"], "OrganizationRole");
  EXPECT_EQ(p["worksFor"]["roleName"], "Commissioner");
  EXPECT_EQ(p["worksFor"]["startDate"], "2020-01-01");
  EXPECT_EQ(p["worksFor"]["worksFor"]["@id"], "https://example.org/r#org:b");
  EXPECT_EQ(p["hasOccupation"]["@type"], "Role");
  EXPECT_EQ(p["hasOccupation"]["hasOccupation"]["@type"], "Occupation");
  o.office_roles = false;
  const Graph plain = checked_graph(d, o);
  EXPECT_EQ(plain.nodes.at("https://example.org/r#person:c%20d")["worksFor"]["@id"],
            "https://example.org/r#org:b");
}

TEST(JsonLd, DanglingReferencesAreWrittenByNameAndWarned) {
  Document d = test::iom_document();
  d.articles[0].organization_refs.push_back({"org:nowhere", "Nowhere Trust", {"mentioned"}, ""});
  const Result<std::string> w = jsonld::write(d);
  ASSERT_TRUE(w);
  bool warned = false;
  for (const Error& e : w.warnings()) {
    warned = warned || e.path.find("organization_refs") != std::string::npos;
  }
  EXPECT_TRUE(warned);
  EXPECT_NE(w->find("\"Nowhere Trust\""), std::string::npos);
  checked_graph(d);
}

TEST(JsonLd, LossesAreWarnedOncePerKind) {
  const Result<std::string> w = jsonld::write(test::iom_document());
  ASSERT_TRUE(w);
  std::set<std::string> messages;
  for (const Error& e : w.warnings()) {
    EXPECT_EQ(e.severity, Severity::warning);
    EXPECT_TRUE(messages.insert(e.message).second) << "twice: " << e.message;
  }
  bool statements = false;
  for (const std::string& m : messages)
    statements = statements || m.find("statements") != std::string::npos;
  EXPECT_TRUE(statements);
}

TEST(JsonLd, InvalidUtf8IsReplacedAndOutputStaysJson) {
  Document d;
  Organization o;
  o.id = "org:x";
  o.name = "Bad \xFF name";
  d.organizations = {o};
  const Result<std::string> w = jsonld::write(d);
  ASSERT_TRUE(w);
  ASSERT_FALSE(w.warnings().empty());
  EXPECT_EQ(w.warnings().back().code, ErrorCode::invalid_value);
  checked_graph(d);
}

TEST(JsonLd, OutputCanSitInsideAnHtmlScriptElement) {
  // Text that would end a <script type="application/ld+json"> is written with \u escapes:
  // the same strings for a JSON parser, no markup for an HTML parser.
  Document doc;
  Article a;
  a.id = "art:1";
  a.headline = "</script><script>alert(1)</script> & <!-- ]]>";
  a.summary = "<img src=x onerror=alert(1)>";
  doc.articles.push_back(a);
  const Result<std::string> out = jsonld::write(doc);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->find_first_of("<>&"), std::string::npos) << *out;
  EXPECT_NE(out->find("\\u003c/script\\u003e"), std::string::npos);
  const Json j = Json::parse(*out);
  bool found = false;
  for (const auto& node : j["@graph"]) {
    if (node.value("headline", "") == a.headline) {
      found = true;
      EXPECT_EQ(node.value("abstract", ""), a.summary);
    }
  }
  EXPECT_TRUE(found);
}

TEST(JsonLd, RandomDocumentsGiveValidGraphs) {
  checked_graph(Document{});
  checked_graph(test::full_document());
  const std::uint64_t base = test::base_seed(20240312);
  for (int i = 0; i < 40; ++i) {
    const std::uint64_t seed = test::derive_seed(base, static_cast<std::uint64_t>(i));
    SCOPED_TRACE("seed " + std::to_string(seed));
    checked_graph(test::random_document(seed));
  }
}

TEST(JsonLd, RegisteredWriteOnly) {
  const Registry r = Registry::with_builtin_formats();
  const Format* f = r.find("jsonld");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(static_cast<bool>(f->write));
  EXPECT_FALSE(static_cast<bool>(f->read));
  EXPECT_EQ(r.find_by_path("out.jsonld"), f);
  const Result<std::string> out =
      convert(r, test::slurp(test::data_path("json/iom.json")), "json", "jsonld");
  ASSERT_TRUE(out) << to_string(out.error());
  EXPECT_NE(out->find("\"@context\": \"https://schema.org\""), std::string::npos);
}

}  // namespace
