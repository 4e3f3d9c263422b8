// SPDX-License-Identifier: MIT
// What every fuzz target does with its input (STYLE.md section 8, "Fuzz"): read it as one
// format in lenient and strict mode with small limits (and with tiny ones, to reach the limit
// paths; streaming too where the format streams), then write the lenient result to every
// writable format and read each output back. Beyond crashes, leaks and undefined behaviour it
// checks these properties and aborts (a finding) when one breaks:
//   - no exception leaves the library (std::bad_alloc aside: libFuzzer reports memory);
//   - a format reads what its own writer wrote;
//   - pressroom's own encodings (json, jsonl, xml, boost-*) are lossless: for a Document that
//     validate() accepts, read(write(d)) == d unless the writer warned about a loss;
//   - trust (trust_check.hpp): after a default-mode read, no writer's output holds live markup,
//     an unsafe URL or an executable foreign element;
//   - memory (heap_watch.hpp, under AddressSanitizer): the peak heap of the default-mode read
//     stays within 1.5 times the budget the limits state (max_memory_ratio x input +
//     max_memory_base_bytes), plus twice the input (the reader's own copies of it).
#ifndef PRESSROOM_TESTS_FUZZ_FUZZ_COMMON_HPP
#define PRESSROOM_TESTS_FUZZ_FUZZ_COMMON_HPP

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "heap_watch.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/model/validate.hpp"
#include "pressroom/registry.hpp"
#include "trust_check.hpp"
#ifdef PRESSROOM_FUZZ_WITH_EXTRACT
#include "pressroom/extract.hpp"
#endif

namespace pressroom::fuzz {

inline const Registry& registry() {
  static const Registry r = [] {
    Registry reg = Registry::with_builtin_formats();
#ifdef PRESSROOM_FUZZ_WITH_EXTRACT
    extract::register_formats(reg);
#endif
    return reg;
  }();
  return r;
}

[[noreturn]] inline void finding(std::string_view target, const std::string& what) {
  std::fprintf(stderr, "\n==== pressroom fuzz finding in %.*s: %s\n",
               static_cast<int>(target.size()), target.data(), what.c_str());
  std::abort();
}

// Small enough that a fuzzer's inputs reach them, big enough for the seed corpora.
inline ReadOptions small_options(Mode mode) {
  ReadOptions o;
  o.mode = mode;
  o.limits.max_input_bytes = 1u << 20;
  o.limits.max_depth = 48;
  o.limits.max_records = 2000;
  o.limits.max_string_bytes = 256u << 10;
  return o;
}

inline ReadOptions tiny_options() {
  ReadOptions o = small_options(Mode::lenient);
  o.limits.max_input_bytes = 2048;
  o.limits.max_depth = 4;
  o.limits.max_records = 2;
  o.limits.max_string_bytes = 24;
  return o;
}

inline bool own_encoding(const Format& f) {
  return f.name == "json" || f.name == "jsonl" || f.name == "xml" || f.name.rfind("boost-", 0) == 0;
}

inline std::string cut(const std::string& s, std::size_t n = 3000) {
  return s.size() <= n ? s : s.substr(0, n) + "\n...";
}

// The lines of `b` that are not at the same place in `a` (enough to point at the field).
inline std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream x(a), y(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ha = static_cast<bool>(std::getline(x, la));
    const bool hb = static_cast<bool>(std::getline(y, lb));
    if (!ha && !hb) return "(dumps equal)";
    if (la != lb || ha != hb) {
      return "line " + std::to_string(line) + ":\n  - " + (ha ? la : "(end)") + "\n  + " +
             (hb ? lb : "(end)");
    }
  }
}

// Writes `d` as `out`, reads it back, checks the properties above.
inline void write_and_read_back(std::string_view target, const Format& out, const Document& d,
                                bool valid) {
  const Result<std::string> w = out.write(d, WriteOptions{});
  if (!w) return;  // refusing to write (a non-finite number...) is allowed
  check_output(out, *w, small_options(Mode::lenient),
               [&](const std::string& what) { finding(target, what); });
  if (!out.read) return;
  const Result<Document> r = out.read(*w, small_options(Mode::lenient));
  if (!r) {
    if (r.error().code == ErrorCode::limit_exceeded) return;  // output grew past a limit
    finding(target, out.name + " cannot read its own output: " + to_string(r.error()) +
                        "\n--- output:\n" + cut(*w));
  }
  if (valid && own_encoding(out) && w.warnings().empty() && *r != d && d == d) {
    finding(target, out.name + " lost data without a warning (read(write(d)) != d): " +
                        first_difference(debug_dump(d), debug_dump(*r)));
  }
}

// Runs one input through the format named `name`.
inline void run(std::string_view target, std::string_view name, std::string_view input) {
  const Format* f = registry().find(name);
  if (f == nullptr || !f->read) finding(target, "no readable format " + std::string(name));
  try {
    const Result<Document> strict = f->read(input, small_options(Mode::strict));
    const Result<Document> tiny = f->read(input, tiny_options());
    (void)strict;
    (void)tiny;
    if (f->read_stream) {
      for (const Mode mode : {Mode::lenient, Mode::strict}) {
        std::istringstream in{std::string(input)};
        std::size_t records = 0;
        const Status s = f->read_stream(
            in,
            [&records](Record&&) -> Status {
              ++records;
              return {};
            },
            small_options(mode));
        (void)s;
      }
    }
    const bool watch = heap::available();
    const long long heap_base = watch ? heap::start() : 0;
    const Result<Document> lenient = f->read(input, small_options(Mode::lenient));
    if (watch) {
      const Limits limits = small_options(Mode::lenient).limits;
      const double bound =
          1.5 * (static_cast<double>(limits.max_memory_ratio) * static_cast<double>(input.size()) +
                 static_cast<double>(limits.max_memory_base_bytes)) +
          2.0 * static_cast<double>(input.size());
      const long long used = heap::peak_since(heap_base);
      if (static_cast<double>(used) > bound) {
        finding(target, "reading " + std::to_string(input.size()) + " bytes took " +
                            std::to_string(used) + " bytes of heap, past the stated bound of " +
                            std::to_string(static_cast<long long>(bound)));
      }
    }
    if (!lenient) return;
    const Document& d = *lenient;
    check_clean_document(d, f->name + " read in the default mode",
                         [&](const std::string& what) { finding(target, what); });
    const bool valid = validate(d).empty();
    for (const Format& out : registry().formats()) {
      if (out.write) write_and_read_back(target, out, d, valid);
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    finding(target, std::string("exception escaped: ") + e.what());
  }
}

// The round-trip target: the input, read as canonical JSON, written to every format that
// reads and writes and read back: read(write(d)) == d for a valid Document unless the writer
// warned (every builtin format is lossless, the feed standards through their pressroom
// extensions), and write(read(write(d))) == write(d) byte for byte.
inline void run_round_trip(std::string_view target, std::string_view input) {
  const Format* json = registry().find("json");
  if (json == nullptr) finding(target, "no json format");
  try {
    const Result<Document> doc = json->read(input, small_options(Mode::lenient));
    if (!doc || !validate(*doc).empty() || !(*doc == *doc)) return;
    const Document& d = *doc;
    for (const Format& f : registry().formats()) {
      if (!f.read || !f.write || !f.carries.lossless) continue;
      const Result<std::string> w1 = f.write(d, WriteOptions{});
      if (!w1) continue;
      check_output(f, *w1, small_options(Mode::lenient),
                   [&](const std::string& what) { finding(target, what); });
      const Result<Document> r = f.read(*w1, small_options(Mode::lenient));
      if (!r) {
        if (r.error().code == ErrorCode::limit_exceeded) continue;
        finding(target, f.name + " cannot read its own output: " + to_string(r.error()) +
                            "\n--- output:\n" + cut(*w1));
      }
      if (!w1.warnings().empty()) continue;
      if (*r != d) {
        finding(target, f.name + " lost data without a warning (read(write(d)) != d): " +
                            first_difference(debug_dump(d), debug_dump(*r)));
      }
      const Result<std::string> w2 = f.write(*r, WriteOptions{});
      if (!w2 || *w2 != *w1) finding(target, f.name + ": write(read(write(d))) != write(d)");
    }
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    finding(target, std::string("exception escaped: ") + e.what());
  }
}

}  // namespace pressroom::fuzz

// One fuzz target per format: `PRESSROOM_FUZZ_TARGET(rss, "rss")`.
#define PRESSROOM_FUZZ_TARGET(target, format_name)                                     \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {  \
    pressroom::fuzz::run(#target, format_name,                                         \
                         std::string_view(reinterpret_cast<const char*>(data), size)); \
    return 0;                                                                          \
  }

#endif  // PRESSROOM_TESTS_FUZZ_FUZZ_COMMON_HPP
