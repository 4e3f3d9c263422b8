// SPDX-License-Identifier: MIT
// Writers never emit invalid output: random Documents full of hostile strings (see
// `test::make_hostile`) are written in every writable format; each output must pass an
// independent parser (xmllint for the XML formats, Python's json module for the JSON ones, one
// call over all files of a kind) and read back through pressroom's own reader with the same
// number of articles.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "detail/text.hpp"
#include "pressroom/pressroom.hpp"
#include "support/random_document.hpp"

namespace fs = std::filesystem;

namespace pressroom {
namespace {

constexpr std::size_t kDocuments = 30;

// How each writable format's output is checked by an outside parser.
enum class Checker { xml, json, jsonl, none };

Checker checker_of(const std::string& format) {
  if (format == "xml" || format == "rss" || format == "atom" || format == "boost-xml")
    return Checker::xml;
  if (format == "json" || format == "jsonfeed") return Checker::json;
  if (format == "jsonl") return Checker::jsonl;
  return Checker::none;  // boost-text, boost-binary: read back only
}

// Runs `command` with the shell; its exit status, and its output in `out`.
int run_shell(const std::string& command, std::string& out) {
  out.clear();
  FILE* p = ::popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return -1;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) {
    if (out.size() < 20000) out.append(buf, n);
  }
  const int rc = ::pclose(p);
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "pressroom-writers-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) std::abort();
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The Python check of JSON outputs: strict UTF-8, no NaN or Infinity, no lone surrogate
// escapes; one file per argument (JSON Lines when the name ends in .jsonl).
constexpr const char* kPythonCheck = R"PY(
import json, sys
def bad_constant(name):
    raise ValueError("non-standard constant " + name)
def walk(v):
    if isinstance(v, str):
        v.encode("utf-8")  # raises on a lone surrogate
    elif isinstance(v, dict):
        for k, x in v.items():
            walk(k); walk(x)
    elif isinstance(v, list):
        for x in v:
            walk(x)
failed = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8", errors="strict") as f:
            text = f.read()
        docs = [l for l in text.split("\n") if l] if path.endswith(".jsonl") else [text]
        for d in docs:
            walk(json.loads(d, parse_constant=bad_constant))
    except Exception as e:
        failed += 1
        print(path + ": " + type(e).__name__ + ": " + str(e)[:300])
sys.exit(1 if failed else 0)
)PY";

TEST(HostileWriters, OutputPassesIndependentParsersAndReadsBack) {
  const Registry registry = Registry::with_builtin_formats();
  TempDir dir;
  std::vector<std::string> xml_files, json_files;
  std::map<std::string, std::size_t> written, write_failed;
  const std::uint64_t base = test::base_seed();
  for (std::size_t i = 0; i < kDocuments; ++i) {
    const std::uint64_t seed = test::derive_seed(base, i);
    Document doc = test::random_document(seed);
    test::make_hostile(doc, seed);
    for (const Format& f : registry.formats()) {
      if (!f.write) continue;
      SCOPED_TRACE(f.name + " seed " + std::to_string(seed));
      Result<std::string> out = f.write(doc, WriteOptions{});
      if (!out) {
        // Refusing a Document is allowed (never a partial or broken output); say which.
        ++write_failed[f.name];
        EXPECT_NE(out.error().code, ErrorCode::syntax) << to_string(out.error());
        continue;
      }
      ++written[f.name];
      const Checker c = checker_of(f.name);
      if (c != Checker::none) {
        EXPECT_EQ(detail::find_invalid_utf8(*out), detail::npos) << "output is not UTF-8";
      }
      const std::string ext = c == Checker::xml ? ".xml" : c == Checker::jsonl ? ".jsonl" : ".json";
      const fs::path file = dir.path() / (f.name + "-" + std::to_string(i) + ext);
      if (c != Checker::none) {
        std::ofstream(file, std::ios::binary) << *out;
        (c == Checker::xml ? xml_files : json_files).push_back(file.string());
      }
      // Reads back (lenient) with every article.
      if (f.read) {
        Result<Document> back = f.read(*out, ReadOptions{});
        ASSERT_TRUE(back) << "does not read back: " << to_string(back.error());
        if (f.carries.articles) {
          EXPECT_EQ(back->articles.size(), doc.articles.size());
        }
        if (f.carries.lossless) {
          EXPECT_EQ(back->organizations.size(), doc.organizations.size());
          EXPECT_EQ(back->people.size(), doc.people.size());
          EXPECT_EQ(back->contacts.size(), doc.contacts.size());
        }
      }
    }
  }
  for (const auto& [name, n] : write_failed)
    std::cout << "[   INFO   ] " << name << " refused " << n << " of " << kDocuments
              << " hostile Documents\n";
  for (const char* name : {"xml", "json", "jsonl", "rss", "atom", "jsonfeed", "boost-xml"}) {
    if (registry.find(name) != nullptr) {
      EXPECT_GT(written[name], kDocuments / 2) << name << " refused most hostile Documents";
    }
  }

  std::string out;
  if (std::string(PRESSROOM_XMLLINT).empty()) {
    std::cout << "[ SKIPPED  ] xmllint not found: XML outputs not checked\n";
  } else if (!xml_files.empty()) {
    std::string cmd = std::string(PRESSROOM_XMLLINT) + " --noout --nonet";
    for (const auto& f : xml_files) cmd += " '" + f + "'";
    EXPECT_EQ(run_shell(cmd, out), 0) << "xmllint refuses:\n" << out;
  }
  if (std::string(PRESSROOM_PYTHON3).empty()) {
    std::cout << "[ SKIPPED  ] python3 not found: JSON outputs not checked\n";
  } else if (!json_files.empty()) {
    const fs::path script = dir.path() / "check.py";
    std::ofstream(script) << kPythonCheck;
    std::string cmd = std::string(PRESSROOM_PYTHON3) + " '" + script.string() + "'";
    for (const auto& f : json_files) cmd += " '" + f + "'";
    EXPECT_EQ(run_shell(cmd, out), 0) << "Python's json refuses:\n" << out;
  }
}

}  // namespace
}  // namespace pressroom
