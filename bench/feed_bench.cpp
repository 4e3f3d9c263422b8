// SPDX-License-Identifier: MIT
// Feed reading against its floor, on the benchmark corpus of shared/bench (gen_corpus.py):
// rss::read / atom::read (and read_stream, records without a Document) of the two 10,000-item
// feeds and of the 2,000 small mixed feeds, vs a
// bare pugixml parse of the same bytes and a walk of every node and attribute (the floor).
// Besides time, each benchmark reports two peaks while it processes one input at a time:
// `peak_MB`, of the heap (operator new and pugixml's allocations, counted here), and `rss_MB`,
// of resident memory above the level before the input (the process's high-water mark, reset
// through /proc/self/clear_refs; it also counts buffers the reader maps itself, which the heap
// count does not see). At the end the same-run ratios are printed; DESIGN.md targets at most
// 2x time and 1.5x peak memory.
//
// The corpus directory comes from the first non-benchmark argument or PRESSROOM_CORPUS
// (default /tmp/pressroom-corpus); without it the benchmarks are skipped.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <istream>
#include <map>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "pressroom/atom.hpp"
#include "pressroom/rss.hpp"

// ---- heap accounting: every operator new and pugixml allocation, by usable size ----
// operator new and delete below are malloc and free: GCC's pairing check cannot see that.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

namespace {

std::atomic<std::int64_t> g_live{0};
std::atomic<std::int64_t> g_peak{0};
// Counting is on only while peak_mb() runs, so that the timed loops allocate at full speed.
// Blocks freed while counting that were allocated before it only lower g_live; the peaks
// compare levels measured from the same start.
std::atomic<bool> g_counting{false};

void* counted_alloc(std::size_t n) {
  void* p = std::malloc(n == 0 ? 1 : n);
  if (!p || !g_counting.load(std::memory_order_relaxed)) return p;
  const auto size = static_cast<std::int64_t>(malloc_usable_size(p));
  const std::int64_t now = g_live.fetch_add(size) + size;
  std::int64_t peak = g_peak.load();
  while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
  }
  return p;
}

void counted_free(void* p) {
  if (!p) return;
  if (g_counting.load(std::memory_order_relaxed))
    g_live.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)));
  std::free(p);
}

}  // namespace

void* operator new(std::size_t n) {
  if (void* p = counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  if (void* p = counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

namespace {

using namespace pressroom;  // NOLINT(google-build-using-namespace): benchmark program

std::string g_corpus;

struct Input {
  std::string name;
  std::string bytes;
  bool atom = false;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Input> load_list(const std::string& list) {
  std::vector<Input> out;
  std::ifstream in(g_corpus + "/lists/" + list);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    Input i;
    i.name = line;
    i.bytes = slurp(line);
    const std::size_t dot = line.rfind('.');
    i.atom = dot != std::string::npos && (line.compare(dot, std::string::npos, ".atom") == 0 ||
                                          line.find("/atom-") != std::string::npos);
    out.push_back(std::move(i));
  }
  return out;
}

// The two 10,000-item feeds, and the 2,000 small ones.
const std::vector<Input>& big() {
  static const std::vector<Input> v = [] {
    std::vector<Input> out;
    for (const char* f : {"/sized/rss2-10000.xml", "/sized/atom-10000.xml"}) {
      Input i;
      i.name = g_corpus + f;
      i.bytes = slurp(i.name);
      i.atom = std::strstr(f, "atom") != nullptr;
      if (!i.bytes.empty()) out.push_back(std::move(i));
    }
    return out;
  }();
  return v;
}

const std::vector<Input>& small() {
  static const std::vector<Input> v = [] {
    std::vector<Input> out;
    std::ifstream probe(g_corpus + "/lists/mixed.txt");
    if (probe) return load_list("mixed.txt");
    for (int k = 0; k < 100000; ++k) {
      char name[64];
      bool found = false;
      for (const char* ext : {"rss", "atom", "rdf"}) {
        std::snprintf(name, sizeof name, "/mixed/feed-%04d.%s", k, ext);
        std::ifstream f(g_corpus + name, std::ios::binary);
        if (!f) continue;
        Input i;
        i.name = g_corpus + name;
        i.bytes = slurp(i.name);
        i.atom = std::strcmp(ext, "atom") == 0;
        out.push_back(std::move(i));
        found = true;
      }
      if (!found) break;
    }
    return out;
  }();
  return v;
}

std::size_t total_bytes(const std::vector<Input>& v) {
  std::size_t n = 0;
  for (const auto& i : v) n += i.bytes.size();
  return n;
}

// The floor: parse with pugixml and visit every node and attribute, reading names and values.
std::size_t floor_one(const std::string& bytes) {
  pugi::xml_document tree;
  tree.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  std::size_t total = 0;
  pugi::xml_node node = tree.first_child();
  while (node) {
    total += std::strlen(node.name()) + std::strlen(node.value());
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
      total += std::strlen(a.name()) + std::strlen(a.value());
    if (pugi::xml_node child = node.first_child()) {
      node = child;
      continue;
    }
    while (node && !node.next_sibling()) node = node.parent();
    if (node) node = node.next_sibling();
  }
  return total;
}

std::size_t read_one(const Input& in) {
  Result<Document> doc = in.atom ? atom::read(in.bytes) : rss::read(in.bytes);
  if (!doc) return 0;
  return doc->articles.size() + 1;
}

// A stream over bytes already in memory (no copy): read_stream reads it as it would a file.
class MemoryBuf : public std::streambuf {
 public:
  explicit MemoryBuf(const std::string& bytes) {
    char* p = const_cast<char*>(bytes.data());  // only read: the get area is never written
    setg(p, p, p + bytes.size());
  }
};

// Records one at a time (read_stream): what `pressroom stats` and `convert` do with a feed.
std::size_t stream_one(const Input& in) {
  MemoryBuf buf(in.bytes);
  std::istream is(&buf);
  std::size_t n = 0;
  const RecordSink sink = [&n](Record&&) -> Status {
    ++n;
    return {};
  };
  const Status st = in.atom ? atom::read_stream(is, sink) : rss::read_stream(is, sink);
  return st ? n + 1 : 0;
}

// Peak heap above the current level while `f` runs once on each input, one at a time.
template <class F>
double peak_mb(const std::vector<Input>& inputs, F f) {
  std::int64_t worst = 0;
  g_counting.store(true);
  for (const auto& in : inputs) {
    const std::int64_t base = g_live.load();
    g_peak.store(base);
    benchmark::DoNotOptimize(f(in));
    worst = std::max(worst, g_peak.load() - base);
  }
  g_counting.store(false);
  return static_cast<double>(worst) / 1e6;
}

// A value in kB from /proc/self/status ("VmRSS:", "VmHWM:"), or -1.
std::int64_t status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(key);
  while (std::getline(in, line))
    if (line.compare(0, n, key) == 0) return std::atoll(line.c_str() + n);
  return -1;
}

// Peak resident memory above the level before `f` runs once on each input, one at a time;
// 0 when the system cannot reset the high-water mark.
template <class F>
double peak_rss_mb(const std::vector<Input>& inputs, F f) {
  std::int64_t worst = 0;
  for (const auto& in : inputs) {
    malloc_trim(0);  // freed heap memory back to the system, so that the level is the live one
    {
      std::ofstream reset("/proc/self/clear_refs");
      reset << "5";
      if (!reset.flush()) return 0;
    }
    const std::int64_t base = status_kb("VmRSS:");
    benchmark::DoNotOptimize(f(in));
    const std::int64_t peak = status_kb("VmHWM:");
    if (base < 0 || peak < 0) return 0;
    worst = std::max(worst, peak - base);
  }
  return static_cast<double>(worst) / 1e3;
}

template <class F>
void run(benchmark::State& state, const std::vector<Input>& inputs, F f) {
  if (inputs.empty()) {
    state.SkipWithError("corpus not found (set PRESSROOM_CORPUS or pass the directory)");
    return;
  }
  for (auto _ : state) {
    std::size_t n = 0;
    for (const auto& in : inputs) n += f(in);
    if (n == 0) state.SkipWithError("nothing read");
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes(inputs)));
  state.counters["peak_MB"] = peak_mb(inputs, f);
  state.counters["rss_MB"] = peak_rss_mb(inputs, f);
}

const auto kFloor = [](const Input& in) { return floor_one(in.bytes); };
const auto kRead = [](const Input& in) { return read_one(in); };
const auto kStream = [](const Input& in) { return stream_one(in); };

void BM_BigPugixmlFloor(benchmark::State& state) { run(state, big(), kFloor); }
void BM_BigFeedRead(benchmark::State& state) { run(state, big(), kRead); }
void BM_BigFeedStream(benchmark::State& state) { run(state, big(), kStream); }
void BM_SmallPugixmlFloor(benchmark::State& state) { run(state, small(), kFloor); }
void BM_SmallFeedRead(benchmark::State& state) { run(state, small(), kRead); }
void BM_SmallFeedStream(benchmark::State& state) { run(state, small(), kStream); }

BENCHMARK(BM_BigPugixmlFloor)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BigFeedRead)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_BigFeedStream)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmallPugixmlFloor)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmallFeedRead)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SmallFeedStream)->Unit(benchmark::kMillisecond)->UseRealTime();

// Keeps every run's time and peak, to print the ratios at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      // With repetitions, the median; else the run itself.
      const bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      if (r.run_type != Run::RT_Iteration && !median) continue;
      Figures& e = results_[r.run_name.str()];
      if (e.from_median && !median) continue;
      e.from_median = median;
      e.time = r.GetAdjustedRealTime();
      const auto heap = r.counters.find("peak_MB");
      if (heap != r.counters.end()) e.heap = heap->second.value;
      const auto rss = r.counters.find("rss_MB");
      if (rss != r.counters.end()) e.rss = rss->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    ratio("big feeds (2 x 10,000 items), read", "BM_BigFeedRead/real_time",
          "BM_BigPugixmlFloor/real_time");
    ratio("big feeds (2 x 10,000 items), read_stream", "BM_BigFeedStream/real_time",
          "BM_BigPugixmlFloor/real_time");
    ratio("2,000 small feeds, read", "BM_SmallFeedRead/real_time",
          "BM_SmallPugixmlFloor/real_time");
    ratio("2,000 small feeds, read_stream", "BM_SmallFeedStream/real_time",
          "BM_SmallPugixmlFloor/real_time");
  }

 private:
  struct Figures {
    double time = 0;
    double heap = 0;
    double rss = 0;
    bool from_median = false;
  };
  void ratio(const char* what, const std::string& read, const std::string& floor) {
    const auto r = results_.find(read);
    const auto f = results_.find(floor);
    if (r == results_.end() || f == results_.end() || f->second.time <= 0) return;
    const auto over = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    std::printf(
        "%s: time %.2fx the floor (target <= 2); peak heap %.2fx, peak resident %.2fx (target "
        "<= 1.5)\n",
        what, over(r->second.time, f->second.time), over(r->second.heap, f->second.heap),
        over(r->second.rss, f->second.rss));
  }
  std::map<std::string, Figures> results_;
};

}  // namespace

int main(int argc, char** argv) {
  pugi::set_memory_management_functions(counted_alloc, counted_free);
  benchmark::Initialize(&argc, argv);
  const char* env = std::getenv("PRESSROOM_CORPUS");
  g_corpus = argc > 1 ? argv[1] : env && *env ? env : "/tmp/pressroom-corpus";
  if (big().empty() && small().empty()) {
    std::printf("feed_bench: no corpus at %s (run shared/bench/gen_corpus.py); skipped\n",
                g_corpus.c_str());
    return 0;
  }
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
