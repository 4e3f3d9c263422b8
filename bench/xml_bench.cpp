// SPDX-License-Identifier: MIT
// Canonical XML against its floor, on the same Document (2,000 articles with their entities,
// built in code, deterministic): xml::write vs building a pugixml tree with the same elements
// and saving it; xml::read vs a bare pugixml parse of the same bytes and a walk of every node.
// The ratios are what DESIGN.md targets (at most 1.5x).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <pugixml.hpp>

#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"
#include "pressroom/xml.hpp"

namespace {

using namespace pressroom;  // NOLINT(google-build-using-namespace): benchmark program

std::string words(std::size_t seed, std::size_t count) {
  static const char* const vocabulary[] = {
      "migration", "training",  "commissioner", "slavery", "victims",    "report",
      "the",       "of",        "and",          "to",      "government", "organization",
      "support",   "frontline", "awareness",    "Geneva",  "2024",       "\u00e9t\u00e9",
      "<law>",     "R&D",       "\u2019s",      "people",  "council",    "directive"};
  constexpr std::size_t n = sizeof vocabulary / sizeof vocabulary[0];
  std::string out;
  std::size_t x = seed * 2654435761u + 12345;
  for (std::size_t i = 0; i < count; ++i) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    if (i != 0) out += ' ';
    out += vocabulary[(x >> 33) % n];
  }
  return out;
}

DateTime day(int i) {
  DateTime d;
  d.year = 2000 + i % 25;
  d.month = 1 + i % 12;
  d.day = 1 + i % 28;
  return d;
}

Document make_document() {
  Document doc;
  doc.feed.title = "Press releases";
  doc.feed.home_page_url = "https://example.org/";
  doc.feed.language = "en";
  for (int i = 0; i < 200; ++i) {
    Organization o;
    o.id = "org:" + std::to_string(i);
    o.name = words(i, 4);
    o.acronym = "ORG" + std::to_string(i);
    o.kind = static_cast<OrganizationKind>(1 + i % 12);
    o.description = words(i + 7, 20);
    o.founding_date = day(i);
    o.member_count = Quantity{175.0 + i, Comparator::gt, "member states", "over 175"};
    o.url = "https://example.org/org/" + std::to_string(i);
    doc.organizations.push_back(o);
  }
  for (int i = 0; i < 100; ++i) {
    Legislation l;
    l.id = "leg:" + std::to_string(i);
    l.title = words(i + 3, 5) + " Act " + std::to_string(1990 + i % 30);
    l.legislation_type = "act";
    l.year = 1990 + i % 30;
    l.number = std::to_string(i);
    l.date = day(i);
    l.identifiers = {{"legislation.gov.uk", "ukpga/2015/" + std::to_string(i)}};
    l.url = "https://www.legislation.gov.uk/id/ukpga/2015/" + std::to_string(i);
    doc.legislation.push_back(l);
  }
  for (int i = 0; i < 50; ++i) {
    Commissioner c;
    c.id = "person:c" + std::to_string(i);
    c.name.full = words(i + 11, 2);
    c.office.title = words(i + 5, 3) + " Commissioner";
    c.office.kind = OfficeKind::sole_office;
    c.office.established_by = {EntityRef{"leg:" + std::to_string(i), words(i, 3), {}, {}}};
    c.office.functions = {words(i + 1, 12), words(i + 2, 12)};
    doc.commissioners.push_back(c);
  }
  for (int i = 0; i < 200; ++i) {
    Contact k;
    k.id = "contact:" + std::to_string(i);
    k.name.full = words(i + 13, 2);
    k.organization_name = words(i, 2);
    k.emails = {Email{"press" + std::to_string(i) + "@example.org", {}, EmailKind::press}};
    k.phones = {PhoneNumber{"+44 (0)20 7811 " + std::to_string(1000 + i),
                            "+4420781" + std::to_string(11000 + i),
                            {},
                            PhoneKind::voice,
                            "GB",
                            {}}};
    doc.contacts.push_back(k);
  }
  for (int i = 0; i < 2000; ++i) {
    Article a;
    a.id = "art:" + std::to_string(i);
    a.url = "https://example.org/news/" + std::to_string(i);
    a.headline = words(i, 10);
    a.dateline = Dateline{"Geneva -", Location{"Geneva", {}, {}, {}, "CH", {}, {}}, {}, {}};
    a.date_published = day(i);
    a.language = "en";
    a.summary = words(i + 1, 30);
    for (int b = 0; b < 6; ++b) a.body.push_back(Block{BlockType::paragraph, words(i * 7 + b, 60)});
    a.publisher_id = "org:" + std::to_string(i % 200);
    a.organization_refs = {EntityRef{"org:" + std::to_string(i % 200), {}, {"publisher"}, {}},
                           EntityRef{"org:" + std::to_string((i + 1) % 200), {}, {"subject"}, {}}};
    a.legislation_refs = {EntityRef{"leg:" + std::to_string(i % 100), {}, {"cited"}, words(i, 4)}};
    a.contact_ids = {"contact:" + std::to_string(i % 200)};
    a.categories = {Category{"migration", {}, {}, CategoryKind::subject}};
    a.links = {Link{"https://example.org/related/" + std::to_string(i), "related", {}, {}, {}, {}}};
    doc.articles.push_back(a);
  }
  return doc;
}

const Document& document() {
  static const Document doc = make_document();
  return doc;
}

const std::string& document_xml() {
  static const std::string xml = *xml::write(document());
  return xml;
}

// ------------------------------------------------------------- the pugixml baseline writer

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

template <class T>
void pugi_value(pugi::xml_node parent, const char* name, const T& v);

template <class M>
void pugi_field(pugi::xml_node parent, const char* name, const M& m) {
  if constexpr (IsOptional<M>::value) {
    if (m) pugi_value(parent, name, *m);
  } else if constexpr (IsVector<M>::value) {
    for (const auto& item : m) pugi_value(parent, name, item);
  } else if constexpr (std::is_same_v<M, Extensions>) {
    for (const auto& [k, v] : m) {
      pugi::xml_node e = parent.append_child(name);
      e.append_attribute("format") = k.c_str();
      e.text() = v.c_str();
    }
  } else if constexpr (std::is_same_v<M, std::string>) {
    if (!m.empty()) pugi_value(parent, name, m);
  } else if constexpr (std::is_enum_v<M>) {
    if (to_string(m) != "unspecified") pugi_value(parent, name, m);
  } else if constexpr (is_reflected_v<M> && !std::is_same_v<M, DateTime>) {
    if (!(m == M{})) pugi_value(parent, name, m);
  } else {
    pugi_value(parent, name, m);
  }
}

template <class T>
void pugi_value(pugi::xml_node parent, const char* name, const T& v) {
  pugi::xml_node e = parent.append_child(name);
  if constexpr (std::is_same_v<T, std::string>) {
    e.text() = v.c_str();
  } else if constexpr (std::is_same_v<T, DateTime>) {
    e.text() = to_string(v).c_str();
  } else if constexpr (std::is_enum_v<T>) {
    e.text() = std::string(to_string(v)).c_str();
  } else if constexpr (std::is_arithmetic_v<T>) {
    e.text() = v;
  } else if constexpr (std::is_same_v<T, Block>) {
    if (v.type != BlockType::paragraph) {
      e.append_attribute("type") = std::string(to_string(v.type)).c_str();
    }
    e.text() = v.text.c_str();
  } else {
    for_each_field(v, [&](const char* field, const auto& member) { pugi_field(e, field, member); });
  }
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

template <class T>
void pugi_table(pugi::xml_node root, const char* name, const std::vector<T>& records) {
  for (const T& r : records) pugi_value(root, name, r);
}

std::string pugi_write(const Document& doc) {
  pugi::xml_document tree;
  pugi::xml_node decl = tree.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  pugi::xml_node root = tree.append_child("pressroom");
  root.append_attribute("xmlns") = xml::namespace_uri;
  root.append_attribute("version") = doc.pressroom_version.c_str();
  if (!doc.feed.empty()) pugi_value(root, "feed", doc.feed);
  pugi_table(root, "article", doc.articles);
  pugi_table(root, "organization", doc.organizations);
  pugi_table(root, "commissioner", doc.commissioners);
  pugi_table(root, "person", doc.people);
  pugi_table(root, "legislation", doc.legislation);
  pugi_table(root, "contact", doc.contacts);
  StringWriter writer;
  tree.save(writer, "  ", pugi::format_default, pugi::encoding_utf8);
  return std::move(writer.out);
}

// ------------------------------------------------------------- benchmarks

void BM_XmlWrite(benchmark::State& state) {
  const Document& doc = document();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto out = xml::write(doc);
    bytes += out->size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_XmlWrite)->Unit(benchmark::kMillisecond);

void BM_PugixmlBuildAndSave(benchmark::State& state) {
  const Document& doc = document();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = pugi_write(doc);
    bytes += out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_PugixmlBuildAndSave)->Unit(benchmark::kMillisecond);

void BM_XmlRead(benchmark::State& state) {
  const std::string& input = document_xml();
  for (auto _ : state) {
    auto doc = xml::read(input);
    if (!doc || !doc.warnings().empty()) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_XmlRead)->Unit(benchmark::kMillisecond);

void BM_PugixmlParseAndWalk(benchmark::State& state) {
  const std::string& input = document_xml();
  for (auto _ : state) {
    pugi::xml_document tree;
    tree.load_buffer(input.data(), input.size(), pugi::parse_default, pugi::encoding_utf8);
    // Visit every node, reading its name and value.
    std::size_t total = 0;
    pugi::xml_node node = tree.first_child();
    while (node) {
      total += std::strlen(node.name()) + std::strlen(node.value());
      if (pugi::xml_node child = node.first_child()) {
        node = child;
        continue;
      }
      while (node && !node.next_sibling()) node = node.parent();
      if (node) node = node.next_sibling();
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_PugixmlParseAndWalk)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
