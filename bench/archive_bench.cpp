// SPDX-License-Identifier: MIT
// Boost archives against canonical JSON on the same Document: load (read) and save (write)
// throughput of boost-text, boost-xml and boost-binary, each reported as a ratio to
// json::read / json::write measured in the same run (ratio > 1 = slower than JSON). Ratios use
// CPU time, which a busy machine disturbs less than wall time.
//
// The Document is tests/support's random_document with a fixed seed: about 2,000 articles
// with their entity tables, every kind of field filled.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "pressroom/boost_archive.hpp"
#include "pressroom/json.hpp"
#include "support/random_document.hpp"

namespace {

using pressroom::Document;
using pressroom::boost_archive::Kind;

// Codec 0 is JSON (the baseline), 1..3 the archive kinds.
constexpr const char* kCodecNames[] = {"json", "boost-text", "boost-xml", "boost-binary"};
constexpr Kind kKinds[] = {Kind::text, Kind::text, Kind::xml, Kind::binary};

const Document& document() {
  static const Document doc = [] {
    pressroom::test::RandomOptions options;
    options.max_articles = 2000;
    options.min_records = 300;
    options.max_entities = 400;
    return pressroom::test::random_document(20240312, options);
  }();
  return doc;
}

pressroom::Result<std::string> write(int codec) {
  if (codec == 0) return pressroom::json::write(document());
  return pressroom::boost_archive::write(document(), kKinds[codec]);
}

const std::string& encoded(int codec) {
  static std::map<int, std::string> cache;
  auto it = cache.find(codec);
  if (it == cache.end()) it = cache.emplace(codec, write(codec).value()).first;
  return it->second;
}

void Load(benchmark::State& state) {
  const int codec = static_cast<int>(state.range(0));
  const std::string& input = encoded(codec);
  for (auto _ : state) {
    auto doc = codec == 0 ? pressroom::json::read(input)
                          : pressroom::boost_archive::read(input, kKinds[codec]);
    if (!doc) state.SkipWithError("read failed");
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * input.size()));
  state.SetLabel(kCodecNames[codec]);
}

void Save(benchmark::State& state) {
  const int codec = static_cast<int>(state.range(0));
  const std::size_t size = encoded(codec).size();
  for (auto _ : state) {
    auto out = write(codec);
    if (!out) state.SkipWithError("write failed");
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  state.SetLabel(kCodecNames[codec]);
}

// Prints the usual table, then each archive kind's time as a ratio to JSON's.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Iteration && !run.error_occurred) {
        times_[run.benchmark_name()] = run.GetAdjustedCPUTime();
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\nratio to canonical JSON in this run (CPU time; > 1 = slower than JSON)\n");
    for (const char* op : {"Load", "Save"}) {
      const std::string base = std::string(op) + "/0";
      if (times_.count(base) == 0) continue;
      for (int codec = 1; codec <= 3; ++codec) {
        const std::string name = std::string(op) + "/" + std::to_string(codec);
        if (times_.count(name) == 0) continue;
        std::printf("  %s %-13s %5.2fx  (%zu bytes vs %zu)\n", op, kCodecNames[codec],
                    times_[name] / times_[base], encoded(codec).size(), encoded(0).size());
      }
    }
  }

 private:
  std::map<std::string, double> times_;
};

}  // namespace

BENCHMARK(Load)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(Save)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
