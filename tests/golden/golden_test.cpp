// SPDX-License-Identifier: MIT
// Golden cases (STYLE.md section 8): every file tests/data/<fmt>/<case>.<ext> that has a
// <case>.<ext>.expected beside it is read with format <fmt> (the directory's name, looked up in
// the builtin registry) in lenient mode, and this text is compared with the .expected file:
//
//   <debug_dump(doc)>            or, when even the lenient read fails:  # error
//                                                                       line:column code message
//   # warnings
//   line:column code             (one line per lenient-mode warning, in order)
//   # strict
//   ok                           or the strict-mode error: line:column code message
//
// Positions are 1-based, 0:0 when unknown. The cases are found when the test program starts
// (ctest discovers them before each run), one test per case, named Golden.<fmt>/<case>_<ext>
// with every character other than a letter, a digit or '/' replaced by '_'.
// PRESSROOM_UPDATE_GOLDEN=1 rewrites the .expected files instead of comparing: review that
// diff like code. To add a case, create the input and an empty .expected, then update.
//
// Write-only formats (jsonld): each case is a canonical JSON Document <case>.json, and the
// .expected file holds what the format writes from it, then "# warnings" with one
// "path code message" line per writer warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "pressroom/io.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/registry.hpp"
#include "support/test_support.hpp"

namespace {
using namespace pressroom;
namespace fs = std::filesystem;

const Registry& registry() {
  static const Registry r = Registry::with_builtin_formats();
  return r;
}

std::string position(const Error& e) {
  return std::to_string(e.line) + ":" + std::to_string(e.column);
}

std::string error_line(const Error& e) {
  return position(e) + " " + std::string(to_string(e.code)) + " " + e.message;
}

// The text a case's .expected file holds.
std::string golden_text(const Format& f, const std::string& input) {
  std::string out;
  const Result<Document> lenient = f.read(input, ReadOptions{});
  if (lenient) {
    out += debug_dump(*lenient);
  } else {
    out += "# error\n" + error_line(lenient.error()) + "\n";
  }
  out += "# warnings\n";
  for (const Error& w : lenient.warnings()) {
    out += position(w) + " " + std::string(to_string(w.code)) + "\n";
  }
  ReadOptions strict;
  strict.mode = Mode::strict;
  const Result<Document> s = f.read(input, strict);
  out += "# strict\n" + (s ? std::string("ok") : error_line(s.error())) + "\n";
  return out;
}

// The text a write-only format's .expected file holds: `input` is canonical JSON.
std::string writer_golden_text(const Format& f, const std::string& input) {
  const Format* json = registry().find("json");
  if (json == nullptr) return "# error\nno json format\n";
  const Result<Document> doc = json->read(input, ReadOptions{});
  if (!doc) return "# error\n" + error_line(doc.error()) + "\n";
  const Result<std::string> out = f.write(*doc, WriteOptions{});
  std::string text = out ? *out : "# error\n" + error_line(out.error()) + "\n";
  text += "# warnings\n";
  for (const Error& w : out.warnings()) {
    text += w.path + " " + std::string(to_string(w.code)) + " " + w.message + "\n";
  }
  return text;
}

bool updating() {
  const char* v = std::getenv("PRESSROOM_UPDATE_GOLDEN");
  return v != nullptr && *v != '\0' && std::string(v) != "0";
}

class GoldenCase : public ::testing::Test {
 public:
  GoldenCase(std::string format, fs::path input)
      : format_(std::move(format)), input_(std::move(input)) {}

  void TestBody() override {
    const Format* f = registry().find(format_);
    ASSERT_NE(f, nullptr);
    ASSERT_TRUE(f->read || f->write) << format_ << " can be neither read nor written";
    const Result<std::string> input = read_file(input_.string());
    ASSERT_TRUE(input) << to_string(input.error());
    const std::string actual = f->read ? golden_text(*f, *input) : writer_golden_text(*f, *input);
    const std::string expected_path = input_.string() + ".expected";
    if (updating()) {
      const Status s = write_file_atomic(expected_path, actual);
      ASSERT_TRUE(s) << to_string(s.error());
      return;
    }
    const std::string expected = test::slurp(expected_path);
    EXPECT_TRUE(expected == actual)
        << input_.string() << " read as " << format_ << " gives another result than "
        << expected_path << " (- expected, + actual; PRESSROOM_UPDATE_GOLDEN=1 regenerates):"
        << test::line_diff(expected, actual, 60);
  }

 private:
  std::string format_;
  fs::path input_;
};

struct Case {
  std::string format;
  fs::path input;
};

// Every <dir>/<case>.<ext> with a .expected beside it, where <dir> names a readable format
// (or a write-only one, whose cases are .json files).
std::vector<Case> find_cases() {
  std::vector<Case> cases;
  std::error_code ec;
  const fs::path root(PRESSROOM_TEST_DATA_DIR);
  for (const auto& dir : fs::directory_iterator(root, ec)) {
    if (!dir.is_directory()) continue;
    const std::string name = dir.path().filename().string();
    const Format* f = registry().find(name);
    if (f == nullptr || (!f->read && !f->write)) continue;
    for (const auto& file : fs::directory_iterator(dir.path(), ec)) {
      const fs::path& p = file.path();
      if (!file.is_regular_file() || p.extension() == ".expected") continue;
      if (!f->read && p.extension() != ".json") continue;
      if (fs::exists(p.string() + ".expected")) cases.push_back({name, p});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return a.format != b.format ? a.format < b.format : a.input < b.input;
  });
  return cases;
}

// Registers one test per case while the program starts (before main), like TEST does.
[[maybe_unused]] const bool registered = [] {
  for (const Case& c : find_cases()) {
    // GoogleTest filters split at '-' (negative patterns): keep letters, digits and '_'.
    std::string name = c.format + "/" + c.input.filename().string();
    for (char& ch : name) {
      const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                        (ch >= '0' && ch <= '9') || ch == '/';
      if (!keep) ch = '_';
    }
    ::testing::RegisterTest(
        "Golden", name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
        [c]() -> ::testing::Test* { return new GoldenCase(c.format, c.input); });
  }
  return true;
}();

// The runner's own rules, independent of the data files.
TEST(GoldenRunner, FindsCasesOnlyBesideExpectedFiles) {
  for (const Case& c : find_cases()) {
    EXPECT_TRUE(fs::exists(c.input.string() + ".expected")) << c.input;
    EXPECT_NE(registry().find(c.format), nullptr);
  }
}

TEST(GoldenRunner, TextHasTheThreeSections) {
  const Format* json = registry().find("json");
  if (json == nullptr) GTEST_SKIP() << "no json format";
  const std::string ok = golden_text(*json, "{\"pressroom_version\": \"1.0\"}");
  EXPECT_EQ(ok, "pressroom_version = \"1.0\"\n# warnings\n# strict\nok\n");
  const std::string bad = golden_text(*json, "{");
  EXPECT_EQ(bad.rfind("# error\n1:", 0), 0u) << bad;
  EXPECT_NE(bad.find("\n# warnings\n# strict\n1:"), std::string::npos) << bad;
}

}  // namespace
