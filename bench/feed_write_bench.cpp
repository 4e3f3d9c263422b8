// SPDX-License-Identifier: MIT
// Writing RSS 2.0 and Atom 1.0 against their floor (DESIGN.md: at most 1.0x), on the 10,000
// items of the benchmark corpus's export data (../shared/bench/gen_corpus.py writes
// `export/items-10000.json`; the corpus directory is argv[1] after the benchmark flags, else
// $PRESSROOM_CORPUS, else /tmp/pressroom-corpus).
//
// The floor, measured in the same run: build a pugixml tree holding the same feed (the same
// elements, attributes and text as pressroom's output, copied node by node from a parse of that
// output made before timing) and save it to a string, indented like pressroom's default
// output (`Floor*Pretty`) or compact (`Floor*Compact`, against pressroom with pretty = false).
// The ratios are printed at the end.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "pressroom/atom.hpp"
#include "pressroom/rss.hpp"

namespace {

using namespace pressroom;  // NOLINT(google-build-using-namespace): benchmark program

std::string g_corpus = "/tmp/pressroom-corpus";

DateTime from_unix(long long t) {
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm, written out here).
  long long days = t / 86400;
  long long secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long doe = days - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  DateTime dt;
  dt.year = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  dt.month = static_cast<int>(m);
  dt.day = static_cast<int>(d);
  dt.hour = static_cast<int>(secs / 3600);
  dt.minute = static_cast<int>(secs / 60 % 60);
  dt.second = static_cast<int>(secs % 60);
  dt.utc_offset_minutes = 0;
  return dt;
}

const Document& corpus_document() {
  static const Document doc = [] {
    Document d;
    const std::string path = g_corpus + "/export/items-10000.json";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "cannot read " << path
                << " (run /usr/bin/python3 ../shared/bench/gen_corpus.py --out " << g_corpus
                << ")\n";
      std::exit(2);
    }
    const nlohmann::json j = nlohmann::json::parse(in);
    d.feed.title = j.value("title", "");
    d.feed.home_page_url = j.value("link", "");
    d.feed.description = j.value("description", "");
    d.feed.feed_url = j.value("self", "");
    d.feed.language = j.value("language", "");
    for (const auto& it : j.at("items")) {
      Article a;
      a.id = it.value("guid", "");
      a.url = it.value("link", "");
      a.headline = it.value("title", "");
      const std::string author = it.value("author", "");
      if (!author.empty()) a.authors.push_back(EntityRef{{}, author, {}, {}});
      const std::string category = it.value("category", "");
      if (!category.empty())
        a.categories.push_back(Category{category, {}, {}, CategoryKind::unspecified});
      a.date_published = from_unix(it.value("published", 0LL));
      a.summary = it.value("summary", "");
      a.body_html = it.value("content", "");
      const std::string enc = it.value("enclosure_url", "");
      if (!enc.empty()) {
        Media m;
        m.url = enc;
        m.media_type = it.value("enclosure_type", "");
        m.role = MediaRole::enclosure;
        m.length_bytes = it.value("enclosure_length", 0ULL);
        a.media.push_back(std::move(m));
      }
      d.articles.push_back(std::move(a));
    }
    return d;
  }();
  return doc;
}

WriteOptions options(bool pretty) {
  WriteOptions o;
  o.pretty = pretty;
  return o;
}

// pressroom's output parsed once: the content of the floor's tree.
const pugi::xml_document& parsed(bool atom) {
  static std::map<bool, pugi::xml_document> cache;
  auto it = cache.find(atom);
  if (it != cache.end()) return it->second;
  const std::string out = atom ? *atom::write(corpus_document(), options(false))
                               : *rss::write(corpus_document(), options(false));
  pugi::xml_document& x = cache[atom];
  if (!x.load_buffer(out.data(), out.size())) std::exit(3);
  return x;
}

// Builds `to` as a copy of `from`, node by node, as a writer using pugixml's DOM would.
void build(const pugi::xml_node& from, pugi::xml_node to) {
  for (pugi::xml_node c = from.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) {
      pugi::xml_node e = to.append_child(c.name());
      for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute())
        e.append_attribute(a.name()).set_value(a.value());
      build(c, e);
    } else if (c.type() == pugi::node_pcdata) {
      to.append_child(pugi::node_pcdata).set_value(c.value());
    }
  }
}

struct StringWriter final : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

void run_pressroom(benchmark::State& state, bool atom, bool pretty) {
  const Document& d = corpus_document();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const Result<std::string> out =
        atom ? atom::write(d, options(pretty)) : rss::write(d, options(pretty));
    bytes = out->size();
    benchmark::DoNotOptimize(out->data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}

void run_floor(benchmark::State& state, bool atom, bool pretty) {
  const pugi::xml_document& src = parsed(atom);
  std::size_t bytes = 0;
  for (auto _ : state) {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
    build(src, doc);
    StringWriter w;
    doc.save(w, "  ", pretty ? pugi::format_indent : pugi::format_raw, pugi::encoding_utf8);
    bytes = w.out.size();
    benchmark::DoNotOptimize(w.out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}

void RssWritePretty(benchmark::State& s) { run_pressroom(s, false, true); }
void FloorRssPretty(benchmark::State& s) { run_floor(s, false, true); }
void RssWriteCompact(benchmark::State& s) { run_pressroom(s, false, false); }
void FloorRssCompact(benchmark::State& s) { run_floor(s, false, false); }
void AtomWritePretty(benchmark::State& s) { run_pressroom(s, true, true); }
void FloorAtomPretty(benchmark::State& s) { run_floor(s, true, true); }
void AtomWriteCompact(benchmark::State& s) { run_pressroom(s, true, false); }
void FloorAtomCompact(benchmark::State& s) { run_floor(s, true, false); }

BENCHMARK(RssWritePretty)->Unit(benchmark::kMillisecond);
BENCHMARK(FloorRssPretty)->Unit(benchmark::kMillisecond);
BENCHMARK(RssWriteCompact)->Unit(benchmark::kMillisecond);
BENCHMARK(FloorRssCompact)->Unit(benchmark::kMillisecond);
BENCHMARK(AtomWritePretty)->Unit(benchmark::kMillisecond);
BENCHMARK(FloorAtomPretty)->Unit(benchmark::kMillisecond);
BENCHMARK(AtomWriteCompact)->Unit(benchmark::kMillisecond);
BENCHMARK(FloorAtomCompact)->Unit(benchmark::kMillisecond);

// Collects the CPU time per iteration of every run (steadier than wall time on a loaded
// machine; both are single-threaded) and prints the ratios at the end.
class RatioReporter final : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      // One run, or the median of repetitions (--benchmark_repetitions=N).
      if (r.run_type == Run::RT_Iteration && r.iterations > 0 && r.repetitions <= 1)
        times_[r.run_name.function_name] = r.GetAdjustedCPUTime();
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median")
        times_[r.run_name.function_name] = r.GetAdjustedCPUTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    const std::pair<const char*, const char*> pairs[] = {{"RssWritePretty", "FloorRssPretty"},
                                                         {"RssWriteCompact", "FloorRssCompact"},
                                                         {"AtomWritePretty", "FloorAtomPretty"},
                                                         {"AtomWriteCompact", "FloorAtomCompact"}};
    for (const auto& [mine, floor] : pairs) {
      const auto a = times_.find(mine);
      const auto b = times_.find(floor);
      if (a == times_.end() || b == times_.end() || b->second <= 0) continue;
      std::printf("ratio (CPU time) %-18s / %-18s = %.2fx (target <= 1.0x)\n", mine, floor,
                  a->second / b->second);
    }
  }

 private:
  std::map<std::string, double> times_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1) {
    g_corpus = argv[1];
  } else if (const char* env = std::getenv("PRESSROOM_CORPUS")) {
    g_corpus = env;
  }
  const Document& d = corpus_document();
  std::printf("corpus: %zu items; rss %zu bytes, atom %zu bytes (pretty)\n", d.articles.size(),
              rss::write(d)->size(), atom::write(d)->size());
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
