// SPDX-License-Identifier: MIT
// Encodings sniffed before formats, through the tool: the hostile cases' UTF-16, UTF-32 and
// ISO-8859-1 inputs (tests/hostile/cases/encoding-*) converted by file name and from standard
// input, where no file name can hint at the format.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the tool with `args`, standard input from the file `stdin_path`.
Outcome run(std::vector<std::string> args, const fs::path& stdin_path) {
  std::string templ = (fs::temp_directory_path() / "pressroom-enc-XXXXXX").string();
  if (::mkdtemp(templ.data()) == nullptr) return {};
  const fs::path dir = templ;
  std::vector<char*> argv;
  std::string program = PRESSROOM_CLI;
  argv.push_back(program.data());
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open(stdin_path.c_str(), O_RDONLY);
    const int out = ::open((dir / "out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open((dir / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  Outcome r;
  if (WIFEXITED(wstatus)) r.status = WEXITSTATUS(wstatus);
  r.out = read_file(dir / "out");
  r.err = read_file(dir / "err");
  std::error_code ec;
  fs::remove_all(dir, ec);
  return r;
}

struct Case {
  const char* input;                  // in tests/hostile/cases
  std::vector<const char*> expected;  // what the JSON output must hold
};

class EncodingInput : public ::testing::TestWithParam<Case> {};

TEST_P(EncodingInput, ConvertsByFileNameAndFromStandardInput) {
  const Case& c = GetParam();
  const fs::path input = fs::path(PRESSROOM_HOSTILE_CASES) / c.input;
  ASSERT_TRUE(fs::exists(input)) << input;
  const Outcome by_name = run({"convert", "--to", "json", input.string()}, "/dev/null");
  const Outcome piped = run({"convert", "--to", "json", "-"}, input);
  for (const Outcome* r : {&by_name, &piped}) {
    SCOPED_TRACE(r == &by_name ? "by file name" : "from standard input");
    EXPECT_EQ(r->status, 0) << r->err;
    for (const char* s : c.expected) EXPECT_NE(r->out.find(s), std::string::npos) << r->out;
    EXPECT_EQ(r->out.find("\xEF\xBF\xBD"), std::string::npos) << "U+FFFD in\n" << r->out;
  }
}

const char kCafe[] = "Caf\xC3\xA9";

INSTANTIATE_TEST_SUITE_P(
    Cli, EncodingInput,
    ::testing::Values(
        Case{"encoding-rss-utf16le-bom.xml", {"Caf\xC3\xA9 des sources", "R\xC3\xA9sum\xC3\xA9"}},
        Case{"encoding-rss-utf16be-nobom.xml", {"Caf\xC3\xA9 des sources", "R\xC3\xA9sum\xC3\xA9"}},
        Case{"encoding-rss-utf32le-bom.xml", {"Caf\xC3\xA9 des sources", "R\xC3\xA9sum\xC3\xA9"}},
        Case{"encoding-rss-utf32be-nobom.xml", {"Caf\xC3\xA9 des sources", "R\xC3\xA9sum\xC3\xA9"}},
        Case{"encoding-xml-latin1.xml", {"Caf\xC3\xA9 ouvert \xC3\xA0 No\xC3\xABl"}},
        Case{"encoding-xml-utf16-declared-utf8.xml", {kCafe}},
        Case{"encoding-json-utf16-bom.json", {"Caf\xC3\xA9 \xC3\xA9t\xC3\xA9 \xE2\x82\xAC"}}));

TEST(EncodingInput, JsonLinesInUtf16IsRefusedNamingTheEncodingFromStandardInput) {
  const Outcome r = run({"convert", "--to", "json", "-"},
                        fs::path(PRESSROOM_HOSTILE_CASES) / "encoding-jsonl-utf16-bom.jsonl");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("utf-16le; JSON Lines is UTF-8 only"), std::string::npos) << r.err;
}

}  // namespace
