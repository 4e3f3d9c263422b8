// SPDX-License-Identifier: MIT
// Canonical JSON against nlohmann-json on the same Document (about 2,000 articles with their
// entities, built in code, deterministic): json::read vs nlohmann::json::parse of the same
// bytes (DOM), json::write vs dump() of that DOM, pretty and compact. DESIGN.md targets at
// most 1.5x nlohmann's own parse and dump.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "pressroom/json.hpp"

namespace {

using namespace pressroom;  // NOLINT(google-build-using-namespace): benchmark program

// A small deterministic generator (64-bit LCG).
struct Rng {
  std::uint64_t x;
  std::uint64_t next() {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return x >> 29;
  }
  std::string text(std::size_t n) {
    static const char* const words[] = {
        "press",  "release", "commissioner", "trafficking", "modern",       "slavery",
        "report", "victims", "training",     "the",         "of",           "and",
        "Geneva", "Zürich",  "“quoted”",     "IOM’s",       "organisation", "law",
        "1,000",  "a\tb",    "council",      "directive",   "\"x\"",        "frontline"};
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += words[next() % (sizeof words / sizeof words[0])];
    }
    return out;
  }
};

DateTime date(Rng& r) {
  DateTime d;
  d.year = 1990 + static_cast<int>(r.next() % 35);
  d.month = 1 + static_cast<int>(r.next() % 12);
  d.day = 1 + static_cast<int>(r.next() % 28);
  if (r.next() % 2) {
    d.hour = static_cast<int>(r.next() % 24);
    d.minute = static_cast<int>(r.next() % 60);
    d.second = 0;
    d.utc_offset_minutes = 60;
  }
  return d;
}

Document make_document() {
  Rng r{42};
  Document doc;
  doc.feed.title = "Press releases";
  doc.feed.home_page_url = "https://example.org/";
  doc.feed.language = "en";
  for (int i = 0; i < 300; ++i) {
    Organization o;
    o.id = "org:o" + std::to_string(i);
    o.name = r.text(4);
    o.acronym = "O" + std::to_string(i);
    o.kind = OrganizationKind::ngo;
    o.description = r.text(20);
    o.founding_date = date(r);
    o.member_count = Quantity{static_cast<double>(r.next() % 1000), Comparator::gt, "members",
                              "over " + std::to_string(i)};
    o.area_served = {Location{r.text(2), "", "", "", "GB", GeoPoint{51.5, -0.12}, {}}};
    o.identifiers = {{"wikidata", "Q" + std::to_string(i)}};
    doc.organizations.push_back(o);
  }
  for (int i = 0; i < 100; ++i) {
    Commissioner c;
    c.id = "person:c" + std::to_string(i);
    c.name.full = r.text(2);
    c.office.title = r.text(4);
    c.office.kind = OfficeKind::sole_office;
    c.office.holder_ordinal = i % 5 + 1;
    c.office.established_by = {EntityRef{"leg:l" + std::to_string(i), r.text(3), {}, ""}};
    c.office.functions = {r.text(12), r.text(10)};
    c.term.start = date(r);
    doc.commissioners.push_back(c);
  }
  for (int i = 0; i < 100; ++i) {
    Legislation l;
    l.id = "leg:l" + std::to_string(i);
    l.title = r.text(4);
    l.legislation_type = "act";
    l.year = 2000 + i % 20;
    l.number = std::to_string(i);
    l.date = date(r);
    l.identifiers = {{"citation", r.text(2)},
                     {"eli", "https://example.org/eli/" + std::to_string(i)}};
    doc.legislation.push_back(l);
  }
  for (int i = 0; i < 200; ++i) {
    Contact c;
    c.id = "contact:k" + std::to_string(i);
    c.name.full = r.text(2);
    c.organization_id = "org:o" + std::to_string(i % 300);
    c.emails = {Email{"k" + std::to_string(i) + "@example.org", "", EmailKind::press}};
    c.phones = {PhoneNumber{"+44 (0)20 7946 " + std::to_string(1000 + i),
                            "+44207946" + std::to_string(1000 + i), "", PhoneKind::voice, "GB",
                            ""}};
    doc.contacts.push_back(c);
  }
  for (int i = 0; i < 2000; ++i) {
    Article a;
    a.id = "art:a" + std::to_string(i);
    a.url = "https://example.org/news/" + std::to_string(i);
    a.headline = r.text(9);
    a.dateline = Dateline{"Geneva, " + std::to_string(i) + " -", Location{"Geneva"}, {}, ""};
    a.date_published = date(r);
    a.language = "en";
    a.summary = r.text(25);
    for (int p = 0; p < 6; ++p) a.body.push_back(Block{BlockType::paragraph, r.text(45)});
    a.body.push_back(Block{BlockType::heading, r.text(5)});
    a.publisher_id = "org:o" + std::to_string(i % 300);
    a.organization_refs = {
        EntityRef{a.publisher_id, "", {"publisher", "subject"}, ""},
        EntityRef{"org:o" + std::to_string((i * 7) % 300), "", {"mentioned"}, ""}};
    a.commissioner_refs = {EntityRef{"person:c" + std::to_string(i % 100), "", {"quoted"}, ""}};
    a.legislation_refs = {EntityRef{"leg:l" + std::to_string(i % 100), "", {"cited"}, r.text(3)}};
    a.contact_ids = {"contact:k" + std::to_string(i % 200)};
    a.categories = {Category{"migration", "", "", CategoryKind::subject}};
    Statement s;
    s.subject_id = a.publisher_id;
    s.predicate = "trained";
    s.quantity = Quantity{2000, Comparator::gt, "people", "over 2,000"};
    s.paragraph_index = 1;
    a.statements = {s};
    doc.articles.push_back(std::move(a));
  }
  return doc;
}

const Document& document() {
  static const Document doc = make_document();
  return doc;
}
const std::string& pretty_text() {
  static const std::string text = json::write(document()).value();
  return text;
}

void ReadPressroom(benchmark::State& state) {
  const std::string& text = pretty_text();
  for (auto _ : state) {
    auto doc = json::read(text);
    if (!doc) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void ReadNlohmannParse(benchmark::State& state) {
  const std::string& text = pretty_text();
  for (auto _ : state) {
    auto dom = nlohmann::json::parse(text);
    benchmark::DoNotOptimize(dom);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void WritePressroom(benchmark::State& state) {
  WriteOptions options;
  options.pretty = state.range(0) != 0;
  for (auto _ : state) {
    auto out = json::write(document(), options);
    benchmark::DoNotOptimize(out);
  }
}

void WriteNlohmannDump(benchmark::State& state) {
  const auto dom = nlohmann::json::parse(pretty_text());
  const int indent = state.range(0) != 0 ? 2 : -1;
  for (auto _ : state) {
    auto out = dom.dump(indent);
    benchmark::DoNotOptimize(out);
  }
}

}  // namespace

BENCHMARK(ReadPressroom)->Unit(benchmark::kMillisecond);
BENCHMARK(ReadNlohmannParse)->Unit(benchmark::kMillisecond);
BENCHMARK(WritePressroom)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(WriteNlohmannDump)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
