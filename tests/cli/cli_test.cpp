// SPDX-License-Identifier: MIT
// Tests of the `pressroom` command-line tool: they run the built binary (its path comes from
// the PRESSROOM_CLI compile definition) with fork/exec and check exit statuses, standard
// output, diagnostics and the files it leaves behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <pty.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_support.hpp"

namespace fs = std::filesystem;

namespace {

/// The tool under test: PRESSROOM_TEST_CLI when set (to run these tests against another build
/// of the tool), else the one built with the tests.
const char* cli_path() {
  const char* other = std::getenv("PRESSROOM_TEST_CLI");
  return other != nullptr && *other != '\0' ? other : PRESSROOM_CLI;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

/// A fresh directory, removed with its contents at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "pressroom-cli-XXXXXX").string();
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
  [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }
  /// The names of the entries, sorted.
  [[nodiscard]] std::vector<std::string> list() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  fs::path path_;
};

struct RunResult {
  int status = -1;  ///< exit status, -1 when killed by a signal
  int signal = 0;   ///< the signal that ended the process, 0 if none
  std::string out;
  std::string err;
  double seconds = 0;
};

std::vector<char*> make_argv(std::vector<std::string>& args, std::string* program = nullptr) {
  std::vector<char*> argv;
  static std::string default_program = cli_path();
  argv.push_back(program ? program->data() : default_program.data());
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return argv;
}

int decode_status(int wstatus, RunResult& r) {
  if (WIFEXITED(wstatus)) r.status = WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) r.signal = WTERMSIG(wstatus);
  return r.status;
}

/// Runs the tool with `args`; standard input from `input` (a string) or from the file
/// `stdin_path` when given.
RunResult run(std::vector<std::string> args, const std::string& input = {},
              const std::string& stdin_path = {}, std::string program = {}) {
  TempDir io;
  const fs::path in_path = stdin_path.empty() ? io / "stdin" : fs::path(stdin_path);
  if (stdin_path.empty()) write_text(in_path, input);
  const fs::path out_path = io / "stdout";
  const fs::path err_path = io / "stderr";
  std::vector<char*> argv = make_argv(args, program.empty() ? nullptr : &program);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open(in_path.c_str(), O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  RunResult r;
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  decode_status(wstatus, r);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> result;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) result.push_back(line);
  return result;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// True when `line` is `NAME:LINE:COL: SEVERITY: message [format/code]`.
bool is_positioned_diagnostic(const std::string& line, const std::string& name,
                              const std::string& severity) {
  if (!starts_with(line, name + ":")) return false;
  std::string rest = line.substr(name.size() + 1);
  const std::size_t c1 = rest.find(':');
  if (c1 == std::string::npos || !all_digits(rest.substr(0, c1))) return false;
  rest = rest.substr(c1 + 1);
  const std::size_t c2 = rest.find(':');
  if (c2 == std::string::npos || !all_digits(rest.substr(0, c2))) return false;
  rest = rest.substr(c2 + 1);
  if (!starts_with(rest, " " + severity + ": ")) return false;
  const std::size_t open = rest.rfind(" [");
  return open != std::string::npos && rest.back() == ']' &&
         rest.find('/', open) != std::string::npos;
}

/// Names of the formats the tool lists (from `formats --json`).
const nlohmann::json& formats_json() {
  static const nlohmann::json formats = [] {
    const RunResult r = run({"formats", "--json"});
    return nlohmann::json::parse(r.out, nullptr, false);
  }();
  return formats;
}

bool has_format(const std::string& name) {
  const nlohmann::json& formats = formats_json();
  if (!formats.is_array()) return false;
  return std::any_of(formats.begin(), formats.end(),
                     [&](const nlohmann::json& f) { return f.value("name", "") == name; });
}

#define REQUIRE_FORMATS(...)                                                      \
  do {                                                                            \
    for (const char* name_ : {__VA_ARGS__}) {                                     \
      if (!has_format(name_)) GTEST_SKIP() << "format " << name_ << " not built"; \
    }                                                                             \
  } while (false)

std::string jsonl_articles(std::size_t first, std::size_t count) {
  std::string text;
  for (std::size_t i = first; i < first + count; ++i) {
    text += "{\"type\":\"article\",\"id\":\"art:" + std::to_string(i) +
            "\",\"headline\":\"Headline number " + std::to_string(i) + "\"}\n";
  }
  return text;
}

std::string archive_path() { return std::string(PRESSROOM_CLI_DATA) + "/archive.json"; }

/// Our own archive, normalised through the json writer.
std::string canonical_archive() {
  const RunResult r = run({"convert", "--from", "json", "--to", "json", archive_path()});
  EXPECT_EQ(r.status, 0) << r.err;
  return r.out;
}

/// The canonical JSON Documents the round trips start from: the IOM document (of the json
/// tests, or of the examples) when present, and our own archive.
std::vector<std::string> canonical_documents() {
  std::vector<std::string> docs;
  for (const std::string& path :
       {pressroom::test::data_path("json/iom.json"),
        std::string(PRESSROOM_SOURCE_DIR) + "/examples/data/iom-uk-modern-slavery.json"}) {
    if (fs::exists(path)) {
      docs.push_back(read_text(path));
      break;
    }
  }
  docs.push_back(canonical_archive());
  return docs;
}

// --- usage --------------------------------------------------------------------------------

TEST(CliUsage, HelpAndVersion) {
  RunResult r = run({"--help"});
  EXPECT_EQ(r.status, 0);
  for (const char* command : {"convert", "extract", "validate", "formats", "stats"}) {
    EXPECT_NE(r.out.find(command), std::string::npos) << command;
  }
  r = run({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(starts_with(r.out, "pressroom ")) << r.out;
  for (const char* command : {"convert", "extract", "validate", "formats", "stats"}) {
    r = run({command, "--help"});
    EXPECT_EQ(r.status, 0) << command;
    EXPECT_TRUE(starts_with(r.out, std::string("Usage: pressroom ") + command)) << r.out;
    EXPECT_EQ(r.err, "");
  }
  r = run({"help", "stats"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(starts_with(r.out, "Usage: pressroom stats")) << r.out;
}

TEST(CliUsage, UsageErrorsExitTwoWithAHint) {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"frobnicate"},
      {"--bogus"},
      {"convert", "--bogus", "x.json"},
      {"convert", "x.json"},          // no --to, no -o
      {"convert", "x.json", "--to"},  // missing value
      {"convert", "x.json", "--to", "no-such-format"},
      {"convert", "--from", "no-such-format", "--to", "json", "x.json"},
      {"convert", "x.json", "-o", "out.unknown-extension"},
      {"convert", "--strict=yes", "--to", "json", "x.json"},
      {"validate", "--as", "no-such-format", "x.json"},
      {"stats", "--bogus", "x.json"},
      {"formats", "extra"},
  };
  for (const auto& args : cases) {
    const RunResult r = run(args);
    std::string joined;
    for (const auto& a : args) joined += a + ' ';
    EXPECT_EQ(r.status, 2) << joined << "\n" << r.err;
    EXPECT_EQ(r.out, "") << joined;
    const auto err_lines = lines(r.err);
    ASSERT_EQ(err_lines.size(), 2u) << joined << "\n" << r.err;
    EXPECT_TRUE(starts_with(err_lines[0], "pressroom")) << err_lines[0];
    EXPECT_NE(err_lines[1].find("--help"), std::string::npos) << err_lines[1];
  }
}

TEST(CliUsage, ExtractWithoutTheExtractorIsAUsageError) {
  // A copy of the tool without the extractor's module beside it (or installed) has no extract.
  TempDir dir;
  const fs::path copy = dir / "pressroom";
  fs::copy_file(cli_path(), copy);
  RunResult r = run({"extract", "page.txt"}, {}, {}, copy.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("without the extractor"), std::string::npos) << r.err;
  EXPECT_EQ(lines(r.err).size(), 2u) << r.err;
  // Everything else works.
  r = run({"formats"}, {}, {}, copy.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("\ntext "), std::string::npos) << r.out;
}

TEST(CliUsage, ConversionsBetweenCoreFormatsDoNotLoadTheExtractor) {
  REQUIRE_FORMATS("json", "xml");
  // The dynamic loader lists every object it opens; LD_DEBUG is read by the child only.
  ::setenv("LD_DEBUG", "files", 1);
  const RunResult core = run({"convert", archive_path(), "--to", "xml"});
  const RunResult formats = run({"formats"});
  ::unsetenv("LD_DEBUG");
  EXPECT_EQ(core.status, 0);
  EXPECT_EQ(core.err.find("pressroom-extract-formats"), std::string::npos);
  EXPECT_EQ(core.err.find("libphonenumber"), std::string::npos);
  if (has_format("text")) {
    EXPECT_NE(formats.err.find("pressroom-extract-formats"), std::string::npos);
  }
}

TEST(CliUsage, MissingInputFileIsBadInput) {
  REQUIRE_FORMATS("json");
  const RunResult r = run({"convert", "--to", "json", "/nonexistent/input.json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(starts_with(r.err, "/nonexistent/input.json: error: cannot open")) << r.err;
  EXPECT_NE(r.err.find("[io/io]"), std::string::npos) << r.err;
}

TEST(CliExtract, ExtractsAPageWhenTheExtractorIsLinked) {
  if (!has_format("text") || !has_format("html")) GTEST_SKIP() << "no extractor";
  const std::string page =
      std::string(PRESSROOM_SOURCE_DIR) + "/examples/data/iom-uk-modern-slavery.txt";
  if (!fs::exists(page)) GTEST_SKIP() << "no example page";
  RunResult r = run({"extract", page});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(doc.is_object()) << r.out.substr(0, 200);
  ASSERT_EQ(doc["articles"].size(), 1u);
  EXPECT_FALSE(doc["articles"][0].value("headline", "").empty());
  // The same page from standard input, as text, into xml.
  r = run({"extract", "--from", "text", "--to", "xml", "-"}, read_text(page));
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("urn:pressroom:1"), std::string::npos);
  // Only text and html are extraction inputs.
  r = run({"extract", "--from", "json", page});
  EXPECT_EQ(r.status, 2);
}

// --- formats ------------------------------------------------------------------------------

TEST(CliFormats, TableListsTheCoreFormats) {
  REQUIRE_FORMATS("json", "jsonl", "xml");
  const RunResult r = run({"formats"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_TRUE(starts_with(rows[0], "name")) << rows[0];
  for (const char* header :
       {"reads", "writes", "streams", "lossless", "extensions", "description"}) {
    EXPECT_NE(rows[0].find(header), std::string::npos) << header;
  }
  for (const std::string name : {"json", "jsonl", "xml"}) {
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const std::string& line) {
      return starts_with(line, name + " ");
    });
    ASSERT_NE(row, rows.end()) << name;
    std::istringstream cells(*row);
    std::string n, reads, writes, streams, lossless;
    cells >> n >> reads >> writes >> streams >> lossless;
    EXPECT_EQ(reads, "yes") << *row;
    EXPECT_EQ(writes, "yes") << *row;
    EXPECT_EQ(lossless, "yes") << *row;
    if (name == "jsonl") {
      EXPECT_EQ(streams, "read,write") << *row;
    }
  }
}

TEST(CliFormats, JsonListsWhatEachFormatDoes) {
  REQUIRE_FORMATS("json", "jsonl", "xml");
  const nlohmann::json& formats = formats_json();
  for (const std::string name : {"json", "jsonl", "xml"}) {
    const auto f = std::find_if(formats.begin(), formats.end(),
                                [&](const nlohmann::json& x) { return x["name"] == name; });
    ASSERT_NE(f, formats.end()) << name;
    EXPECT_EQ((*f)["reads"], true) << name;
    EXPECT_EQ((*f)["writes"], true) << name;
    EXPECT_EQ((*f)["lossless"], true) << name;
    EXPECT_TRUE((*f)["extensions"].is_array()) << name;
    EXPECT_TRUE((*f)["description"].is_string()) << name;
  }
  const auto jsonl = std::find_if(formats.begin(), formats.end(),
                                  [](const nlohmann::json& x) { return x["name"] == "jsonl"; });
  EXPECT_EQ((*jsonl)["read_streams"], true);
  EXPECT_EQ((*jsonl)["write_streams"], true);
}

// --- conversion ---------------------------------------------------------------------------

TEST(CliConvert, JsonToXmlAndBackGivesTheSameBytes) {
  REQUIRE_FORMATS("json", "xml");
  TempDir dir;
  for (const std::string& original : canonical_documents()) {
    ASSERT_FALSE(original.empty());
    write_text(dir / "doc.json", original);
    const RunResult to_xml = run({"convert", (dir / "doc.json").string(), "--to", "xml"});
    ASSERT_EQ(to_xml.status, 0) << to_xml.err;
    EXPECT_EQ(to_xml.err, "");
    EXPECT_NE(to_xml.out.find("urn:pressroom:1"), std::string::npos);
    const RunResult back = run({"convert", "--from", "xml", "--to", "json", "-"}, to_xml.out);
    ASSERT_EQ(back.status, 0) << back.err;
    EXPECT_EQ(back.err, "");
    EXPECT_EQ(back.out, original);
    // With no input named, a piped standard input is read.
    const RunResult piped = run({"convert", "--from", "xml", "--to", "json"}, to_xml.out);
    ASSERT_EQ(piped.status, 0) << piped.err;
    EXPECT_EQ(piped.out, original);
  }
}

TEST(CliConvert, JsonToJsonlAndBackGivesTheSameBytes) {
  REQUIRE_FORMATS("json", "jsonl");
  TempDir dir;
  for (const std::string& original : canonical_documents()) {
    ASSERT_FALSE(original.empty());
    write_text(dir / "doc.json", original);
    const RunResult to_jsonl = run({"convert", (dir / "doc.json").string(), "--to", "jsonl"});
    ASSERT_EQ(to_jsonl.status, 0) << to_jsonl.err;
    EXPECT_EQ(to_jsonl.err, "");
    for (const std::string& line : lines(to_jsonl.out)) {
      EXPECT_TRUE(starts_with(line, "{\"type\":")) << line;
    }
    // Through a file, so that the streaming path (jsonl reader -> json record writer) is used.
    write_text(dir / "doc.jsonl", to_jsonl.out);
    const RunResult back = run({"convert", (dir / "doc.jsonl").string(), "--to", "json"});
    ASSERT_EQ(back.status, 0) << back.err;
    EXPECT_EQ(back.out, original);
    // From standard input, and into xml and back, streaming both ways.
    const RunResult back_stdin =
        run({"convert", "--from", "jsonl", "--to", "json", "-"}, to_jsonl.out);
    ASSERT_EQ(back_stdin.status, 0) << back_stdin.err;
    EXPECT_EQ(back_stdin.out, original);
    const RunResult xml = run({"convert", (dir / "doc.jsonl").string(), "--to", "xml"});
    ASSERT_EQ(xml.status, 0) << xml.err;
    const RunResult xml_back = run({"convert", "-", "--to", "json"}, xml.out);
    EXPECT_EQ(xml_back.out, original);
  }
}

TEST(CliConvert, DetectsTheInputFormatFromContent) {
  REQUIRE_FORMATS("json", "jsonl", "xml");
  TempDir dir;
  const std::string original = canonical_archive();
  const RunResult xml = run({"convert", archive_path(), "--to", "xml"});
  ASSERT_EQ(xml.status, 0) << xml.err;
  const RunResult jsonl = run({"convert", archive_path(), "--to", "jsonl"});
  ASSERT_EQ(jsonl.status, 0) << jsonl.err;
  // Misleading or missing extensions: the content decides.
  write_text(dir / "xml-content.json", xml.out);
  write_text(dir / "json-content", original);
  write_text(dir / "jsonl-content.dat", jsonl.out);
  for (const char* name : {"xml-content.json", "json-content", "jsonl-content.dat"}) {
    const RunResult r = run({"convert", (dir / name).string(), "--to", "json"});
    EXPECT_EQ(r.status, 0) << name << ": " << r.err;
    EXPECT_EQ(r.out, original) << name;
  }
  // From standard input too, without any name to go by.
  const RunResult r = run({"convert", "-", "--to", "json"}, xml.out);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, original);
}

TEST(CliConvert, OutputFormatFromTheOutputExtension) {
  REQUIRE_FORMATS("json", "xml");
  TempDir dir;
  const RunResult r = run({"convert", archive_path(), "-o", (dir / "out.xml").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const RunResult direct = run({"convert", archive_path(), "--to", "xml"});
  EXPECT_EQ(read_text(dir / "out.xml"), direct.out);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"out.xml"});
}

TEST(CliConvert, CompactOutputIsSmallerAndReadsBack) {
  REQUIRE_FORMATS("json");
  const RunResult pretty = run({"convert", archive_path(), "--to", "json"});
  const RunResult compact = run({"convert", archive_path(), "--to", "json", "--compact"});
  ASSERT_EQ(compact.status, 0) << compact.err;
  EXPECT_LT(compact.out.size(), pretty.out.size());
  const RunResult back = run({"convert", "-", "--from", "json", "--to", "json"}, compact.out);
  EXPECT_EQ(back.out, pretty.out);
}

TEST(CliConvert, MergesInputsKeepingTheFirstOfDuplicateIds) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  write_text(dir / "extra.json",
             "{\"pressroom_version\": \"1.0\", \"articles\": ["
             "{\"id\": \"art:annual-report\", \"headline\": \"A duplicate\"},"
             "{\"id\": \"art:new\", \"headline\": \"A new one\"}]}");
  const RunResult r =
      run({"convert", archive_path(), (dir / "extra.json").string(), "--to", "json", "--compact"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["articles"].size(), 3u);
  EXPECT_EQ(doc["articles"][1]["headline"],
            "Annual report: 2,000 people trained \u201cin the field\u201d");
  EXPECT_EQ(doc["articles"][2]["id"], "art:new");
  EXPECT_EQ(doc["organizations"].size(), 1u);
  const auto err_lines = lines(r.err);
  ASSERT_EQ(err_lines.size(), 1u) << r.err;
  EXPECT_TRUE(starts_with(err_lines[0], (dir / "extra.json").string() + ": warning: duplicate"))
      << err_lines[0];
  EXPECT_NE(err_lines[0].find("art:annual-report"), std::string::npos);
  // Under --strict the warning fails the run.
  const RunResult strict = run({"convert", archive_path(), (dir / "extra.json").string(), "--to",
                                "json", "--strict", "-o", (dir / "out.json").string()});
  EXPECT_EQ(strict.status, 1) << strict.err;
  EXPECT_FALSE(fs::exists(dir / "out.json"));
}

TEST(CliConvert, MergesSharedEntitiesAndRewritesReferences) {
  REQUIRE_FORMATS("json", "jsonl");
  TempDir dir;
  fs::create_directory(dir / "in");
  // The same organization under another id and spelling, found by its Wikidata id; the same
  // Act by its legislation.gov.uk id; an article repeated under another id but the same URL.
  write_text(dir / "in" / "a.json",
             "{\"pressroom_version\": \"1.0\","
             " \"articles\": [{\"id\": \"art:a\", \"headline\": \"A\", \"url\": "
             "\"https://example.org/a\", \"publisher_id\": \"org:iom\","
             " \"legislation_refs\": [{\"id\": \"leg:msa\", \"roles\": [\"cited\"]}]}],"
             " \"organizations\": [{\"id\": \"org:iom\", \"name\": \"International Organization "
             "for Migration\", \"acronym\": \"IOM\", \"identifiers\": [{\"scheme\": \"wikidata\", "
             "\"value\": \"Q206887\"}]}],"
             " \"legislation\": [{\"id\": \"leg:msa\", \"title\": \"Modern Slavery Act 2015\","
             " \"identifiers\": [{\"scheme\": \"legislation.gov.uk\", \"value\": "
             "\"ukpga/2015/30\"}]}]}");
  write_text(dir / "in" / "b.jsonl",
             "{\"type\":\"article\",\"id\":\"art:b\",\"headline\":\"B\",\"publisher_id\":"
             "\"org:un-migration\",\"organization_refs\":[{\"id\":\"org:un-migration\","
             "\"roles\":[\"subject\"]}],\"legislation_refs\":[{\"id\":\"leg:ukpga-2015-30\"}]}\n"
             "{\"type\":\"article\",\"id\":\"art:again\",\"headline\":\"A again\",\"url\":"
             "\"http://www.example.org/a/\"}\n"
             "{\"type\":\"organization\",\"id\":\"org:un-migration\",\"name\":\"UN Migration\","
             "\"url\":\"https://www.iom.int\",\"identifiers\":[{\"scheme\":\"wikidata\","
             "\"value\":\"Q206887\"}]}\n"
             "{\"type\":\"legislation\",\"id\":\"leg:ukpga-2015-30\",\"title\":\"Modern Slavery "
             "Act\",\"identifiers\":[{\"scheme\":\"legislation.gov.uk\",\"value\":"
             "\"ukpga/2015/30\"}]}\n"
             "{\"type\":\"contact\",\"id\":\"contact:press\",\"name\":{\"full\":\"Press Office\"},"
             "\"organization_id\":\"org:un-migration\"}\n");
  write_text(dir / "in" / ".hidden.json", "not read");
  write_text(dir / "in" / "notes.unknown-extension", "not read");
  const RunResult r =
      run({"convert", (dir / "in").string(), "--to", "json", "-o", (dir / "all.json").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto doc = nlohmann::json::parse(read_text(dir / "all.json"));
  ASSERT_EQ(doc["organizations"].size(), 1u) << doc.dump(1);
  EXPECT_EQ(doc["organizations"][0]["id"], "org:iom");
  EXPECT_EQ(doc["organizations"][0]["url"], "https://www.iom.int");  // filled from b
  ASSERT_EQ(doc["legislation"].size(), 1u);
  ASSERT_EQ(doc["articles"].size(), 2u);
  EXPECT_EQ(doc["articles"][1]["id"], "art:b");
  EXPECT_EQ(doc["articles"][1]["publisher_id"], "org:iom");
  EXPECT_EQ(doc["articles"][1]["organization_refs"][0]["id"], "org:iom");
  EXPECT_EQ(doc["articles"][1]["legislation_refs"][0]["id"], "leg:msa");
  EXPECT_EQ(doc["contacts"][0]["organization_id"], "org:iom");
  const auto err_lines = lines(r.err);
  ASSERT_EQ(err_lines.size(), 1u) << r.err;
  EXPECT_TRUE(starts_with(err_lines[0], (dir / "in" / "b.jsonl").string() + ": warning: "))
      << err_lines[0];
  EXPECT_NE(err_lines[0].find("art:again"), std::string::npos) << err_lines[0];
  // The merged archive validates: no dangling reference.
  const RunResult v = run({"validate", (dir / "all.json").string()});
  EXPECT_EQ(v.status, 0) << v.err;
  // An empty directory is an error.
  fs::create_directory(dir / "empty");
  const RunResult e = run({"convert", (dir / "empty").string(), "--to", "json"});
  EXPECT_EQ(e.status, 1);
  EXPECT_TRUE(starts_with(e.err, (dir / "empty").string() + ": error:")) << e.err;
}

TEST(CliConvert, SplitWritesOneOutputPerInput) {
  REQUIRE_FORMATS("json", "jsonl", "xml");
  TempDir dir;
  write_text(dir / "one.json", read_text(archive_path()));
  write_text(dir / "two.jsonl", jsonl_articles(0, 3));
  const RunResult r = run({"convert", "--split", (dir / "out").string(), "--to", "xml",
                           (dir / "one.json").string(), (dir / "two.jsonl").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir / "out")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"one.xml", "two.xml"}));
  // Each is what converting that input alone gives.
  EXPECT_EQ(read_text(dir / "out" / "one.xml"),
            run({"convert", (dir / "one.json").string(), "--to", "xml"}).out);
  EXPECT_EQ(read_text(dir / "out" / "two.xml"),
            run({"convert", (dir / "two.jsonl").string(), "--to", "xml"}).out);
  // Two inputs with one stem is a usage error, before anything is written.
  fs::create_directory(dir / "sub");
  write_text(dir / "sub" / "one.jsonl", jsonl_articles(0, 1));
  const RunResult clash = run({"convert", "--split", (dir / "out2").string(), "--to", "json",
                               (dir / "one.json").string(), (dir / "sub" / "one.jsonl").string()});
  EXPECT_EQ(clash.status, 2) << clash.err;
  EXPECT_FALSE(fs::exists(dir / "out2"));
  // -o and --split together are a usage error.
  EXPECT_EQ(run({"convert", "--split", "d", "-o", "f", "--to", "json", archive_path()}).status, 2);
  // A bad input fails alone: the others are written, its output keeps its old content.
  write_text(dir / "bad.json", "{\"pressroom_version\": ");
  write_text(dir / "out" / "bad.json", "OLD\n");
  const RunResult partly = run({"convert", "--split", (dir / "out").string(), "--to", "json",
                                (dir / "bad.json").string(), (dir / "two.jsonl").string()});
  EXPECT_EQ(partly.status, 1);
  EXPECT_EQ(read_text(dir / "out" / "bad.json"), "OLD\n");
  EXPECT_TRUE(fs::exists(dir / "out" / "two.json"));
}

// --- diagnostics and exit statuses --------------------------------------------------------

TEST(CliDiagnostics, WarningsCarryFileLineAndColumn) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  const fs::path input = dir / "unknown-key.json";
  write_text(input,
             "{\n  \"pressroom_version\": \"1.0\",\n  \"articles\": [\n"
             "    {\"id\": \"art:a\", \"headline\": \"A\", \"colour\": \"red\"}\n  ]\n}\n");
  const RunResult r = run({"convert", input.string(), "--to", "json"});
  EXPECT_EQ(r.status, 0) << r.err;
  const auto err_lines = lines(r.err);
  ASSERT_FALSE(err_lines.empty());
  EXPECT_TRUE(is_positioned_diagnostic(err_lines[0], input.string(), "warning")) << err_lines[0];
  EXPECT_NE(err_lines[0].find("[json/"), std::string::npos) << err_lines[0];
  EXPECT_FALSE(r.out.empty());

  // The same input on standard input is named <stdin>.
  const RunResult s = run({"convert", "-", "--to", "json"}, read_text(input));
  ASSERT_FALSE(lines(s.err).empty());
  EXPECT_TRUE(is_positioned_diagnostic(lines(s.err)[0], "<stdin>", "warning")) << s.err;

  // --strict turns the warning into an error and the exit status into 1.
  const RunResult strict = run({"convert", input.string(), "--to", "json", "--strict"});
  EXPECT_EQ(strict.status, 1) << strict.err;
  ASSERT_FALSE(lines(strict.err).empty());
  EXPECT_TRUE(is_positioned_diagnostic(lines(strict.err)[0], input.string(), "error"))
      << strict.err;
}

// Trust is the caller's decision: by default script and javascript: URLs are removed with a
// warning (an error under --strict); --trusted keeps the input as it is, in convert, stats and
// validate alike.
TEST(CliTrust, TrustedKeepsWhatTheDefaultRemoves) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  const fs::path input = dir / "hostile.json";
  write_text(input,
             "{\"articles\": [{\"id\": \"art:a\", \"headline\": \"A\", "
             "\"url\": \"javascript:alert(1)\", "
             "\"body_html\": \"<p>A<script>alert(2)</script></p>\"}]}\n");
  const RunResult plain = run({"convert", input.string(), "--to", "json"});
  EXPECT_EQ(plain.status, 0) << plain.err;
  EXPECT_EQ(plain.out.find("javascript:"), std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("<script"), std::string::npos) << plain.out;
  EXPECT_NE(plain.err.find("[sanitize/invalid_value]"), std::string::npos) << plain.err;
  const RunResult strict = run({"convert", input.string(), "--to", "json", "--strict"});
  EXPECT_EQ(strict.status, 1) << strict.err;
  const RunResult trusted = run({"convert", "--trusted", input.string(), "--to", "json"});
  EXPECT_EQ(trusted.status, 0) << trusted.err;
  EXPECT_NE(trusted.out.find("javascript:alert(1)"), std::string::npos) << trusted.out;
  EXPECT_NE(trusted.out.find("<script>"), std::string::npos) << trusted.out;
  EXPECT_EQ(trusted.err.find("sanitize"), std::string::npos) << trusted.err;
  for (const char* command : {"stats", "validate"}) {
    const RunResult r = run({command, "--trusted", "--strict", input.string()});
    EXPECT_EQ(r.status, 0) << command << ": " << r.err;
    const RunResult d = run({command, "--strict", input.string()});
    EXPECT_EQ(d.status, 1) << command << ": " << d.err;
  }
}

TEST(CliDiagnostics, BrokenInputExitsOneWithAPosition) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  const fs::path input = dir / "broken.json";
  write_text(input, "{\n  \"pressroom_version\": \"1.0\",\n  \"articles\": [\n    {\"id\": \n");
  const RunResult r = run({"convert", "--from", "json", input.string(), "--to", "xml"});
  EXPECT_EQ(r.status, 1);
  const auto err_lines = lines(r.err);
  ASSERT_FALSE(err_lines.empty());
  EXPECT_TRUE(is_positioned_diagnostic(err_lines.back(), input.string(), "error")) << r.err;
}

TEST(CliDiagnostics, UnrecognisedContentExitsOne) {
  REQUIRE_FORMATS("json");
  const RunResult r = run({"convert", "-", "--to", "json"}, std::string("\x01\x02\xff\xfe\0zz", 7));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("<stdin>: error: cannot tell the input's format"), std::string::npos)
      << r.err;
}

TEST(CliDiagnostics, DeepNestingHitsTheDepthLimitQuickly) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  const fs::path input = dir / "deep.json";
  const std::size_t depth = 1'000'000;
  const std::string arrays = std::string(depth, '[') + std::string(depth, ']');
  // Nested arrays inside a Document, under a key the reader must keep or skip.
  write_text(input, "{\"pressroom_version\": \"1.0\", \"x\": " + arrays + "}");
  RunResult r = run({"convert", "--from", "json", input.string(), "--to", "json"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.signal, 0);
  ASSERT_FALSE(lines(r.err).empty());
  const std::string last = lines(r.err).back();
  EXPECT_TRUE(is_positioned_diagnostic(last, input.string(), "error")) << last;
  EXPECT_NE(last.find("depth"), std::string::npos) << last;
  EXPECT_NE(last.find("[json/limit_exceeded]"), std::string::npos) << last;
  EXPECT_LT(r.seconds, 1.0);
  EXPECT_EQ(r.out, "");
  // The bare arrays fail as fast, at the depth limit too.
  write_text(input, arrays);
  r = run({"convert", "--from", "json", input.string(), "--to", "json"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("[json/limit_exceeded]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("max_depth"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 1.0);
}

// --- atomic output ------------------------------------------------------------------------

TEST(CliOutput, FailedConversionLeavesTheOldFileAndNoTemporary) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  write_text(dir / "out.json", "OLD\n");
  write_text(dir / "bad.json", "{\"pressroom_version\": \"1.0\", \"articles\": [");
  const RunResult r = run({"convert", "--from", "json", (dir / "bad.json").string(), "-o",
                           (dir / "out.json").string()});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(read_text(dir / "out.json"), "OLD\n");
  EXPECT_EQ(dir.list(), (std::vector<std::string>{"bad.json", "out.json"}));
  // A missing input fails the same way.
  const RunResult missing = run({"convert", (dir / "missing.json").string(), "--to", "json", "-o",
                                 (dir / "out.json").string()});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(read_text(dir / "out.json"), "OLD\n");
  EXPECT_EQ(dir.list(), (std::vector<std::string>{"bad.json", "out.json"}));
}

TEST(CliOutput, SuccessfulConversionReplacesTheFile) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  write_text(dir / "out.json", "OLD\n");
  const RunResult r = run({"convert", archive_path(), "-o", (dir / "out.json").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(read_text(dir / "out.json"), canonical_archive());
  EXPECT_EQ(dir.list(), std::vector<std::string>{"out.json"});
}

TEST(CliOutput, UnwritableOutputDirectoryIsBadInput) {
  REQUIRE_FORMATS("json");
  const RunResult r =
      run({"convert", archive_path(), "--to", "json", "-o", "/nonexistent-dir/out.json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(starts_with(r.err, "/nonexistent-dir/out.json: error:")) << r.err;
}

TEST(CliOutput, SignalDuringConversionLeavesNoTemporary) {
  REQUIRE_FORMATS("json", "jsonl");
  for (const int sig : {SIGINT, SIGTERM}) {
    TempDir dir;
    write_text(dir / "out.json", "OLD\n");
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    std::vector<std::string> args = {
        "convert", "--from", "jsonl", "--to", "json", "-o", (dir / "out.json").string(), "-"};
    std::vector<char*> argv = make_argv(args);
    const std::string err_path =
        (dir.path().parent_path() / (dir.path().filename().string() + ".stderr")).string();
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::dup2(pipe_fds[0], 0);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(pipe_fds[0]);
    // Feed part of a big archive, then stall with the pipe still open.
    const std::string chunk = jsonl_articles(0, 2000);
    ASSERT_EQ(::write(pipe_fds[1], chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
    // Wait until the temporary output exists, so that the signal has something to clean up.
    bool temp_seen = false;
    for (int i = 0; i < 500 && !temp_seen; ++i) {
      temp_seen = dir.list().size() > 1;
      if (!temp_seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(temp_seen);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ::kill(pid, sig);
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    ::close(pipe_fds[1]);
    RunResult r;
    decode_status(wstatus, r);
    EXPECT_EQ(r.signal, sig) << "status " << r.status << ": " << read_text(err_path);
    EXPECT_EQ(dir.list(), std::vector<std::string>{"out.json"});
    EXPECT_EQ(read_text(dir / "out.json"), "OLD\n");
    std::remove(err_path.c_str());
  }
}

TEST(CliOutput, SignalDuringSplitKeepsFinishedOutputsAndTheOldFile) {
  REQUIRE_FORMATS("json", "jsonl");
  TempDir dir;
  write_text(dir / "first.jsonl", jsonl_articles(0, 10));
  ASSERT_EQ(::mkfifo((dir / "second.jsonl").c_str(), 0600), 0);
  fs::create_directory(dir / "out");
  write_text(dir / "out" / "second.json", "OLD\n");
  std::vector<std::string> args = {"convert",
                                   "--split",
                                   (dir / "out").string(),
                                   "--to",
                                   "json",
                                   (dir / "first.jsonl").string(),
                                   (dir / "second.jsonl").string()};
  std::vector<char*> argv = make_argv(args);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int err = ::open("/dev/null", O_WRONLY);
    ::dup2(err, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  // The tool reads the second input from a FIFO: feed part of it, then stall.
  const int fifo = ::open((dir / "second.jsonl").c_str(), O_WRONLY);
  ASSERT_GE(fifo, 0);
  const std::string chunk = jsonl_articles(100, 2000);
  ASSERT_EQ(::write(fifo, chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
  TempDir& out_dir = dir;
  const auto temp_exists = [&out_dir] {
    for (const auto& entry : fs::directory_iterator(out_dir / "out")) {
      if (entry.path().filename().string().rfind(".second.json.pressroom-", 0) == 0) return true;
    }
    return false;
  };
  bool temp_seen = false;
  for (int i = 0; i < 500 && !temp_seen; ++i) {
    temp_seen = temp_exists();
    if (!temp_seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(temp_seen);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(pid, SIGINT);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  ::close(fifo);
  RunResult r;
  decode_status(wstatus, r);
  EXPECT_EQ(r.signal, SIGINT) << "status " << r.status;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir / "out")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  // The finished output is complete; the interrupted one keeps its old content; no temporary.
  EXPECT_EQ(names, (std::vector<std::string>{"first.json", "second.json"}));
  EXPECT_EQ(read_text(dir / "out" / "second.json"), "OLD\n");
  EXPECT_EQ(nlohmann::json::parse(read_text(dir / "out" / "first.json"))["articles"].size(), 10u);
}

TEST(CliOutput, SignalDuringAMergeLeavesTheOldFile) {
  REQUIRE_FORMATS("json", "jsonl");
  TempDir dir;
  write_text(dir / "first.jsonl", jsonl_articles(0, 10));
  ASSERT_EQ(::mkfifo((dir / "second.jsonl").c_str(), 0600), 0);
  write_text(dir / "all.json", "OLD\n");
  std::vector<std::string> args = {"convert",
                                   "--to",
                                   "json",
                                   "-o",
                                   (dir / "all.json").string(),
                                   (dir / "first.jsonl").string(),
                                   (dir / "second.jsonl").string()};
  std::vector<char*> argv = make_argv(args);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int err = ::open("/dev/null", O_WRONLY);
    ::dup2(err, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  const int fifo = ::open((dir / "second.jsonl").c_str(), O_WRONLY);
  ASSERT_GE(fifo, 0);
  const std::string chunk = jsonl_articles(100, 2000);
  ASSERT_EQ(::write(fifo, chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::kill(pid, SIGTERM);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  ::close(fifo);
  RunResult r;
  decode_status(wstatus, r);
  EXPECT_EQ(r.signal, SIGTERM) << "status " << r.status;
  EXPECT_EQ(dir.list(), (std::vector<std::string>{"all.json", "first.jsonl", "second.jsonl"}));
  EXPECT_EQ(read_text(dir / "all.json"), "OLD\n");
}

// --- streaming memory ---------------------------------------------------------------------

/// A jsonl archive of `articles` press releases with bodies of about 2 KB, and the entities
/// they name.
void write_archive(const fs::path& path, std::size_t articles) {
  std::ofstream out(path, std::ios::binary);
  out << "{\"type\":\"feed\",\"title\":\"Generated\",\"home_page_url\":\"https://example.org/\"}\n";
  std::string paragraph;
  for (int i = 0; i < 40; ++i) paragraph += "Words of a press release body, " + std::to_string(i);
  for (std::size_t i = 0; i < articles; ++i) {
    const std::string org = "org:o" + std::to_string(i / 50);
    if (i % 50 == 0) {
      out << "{\"type\":\"organization\",\"id\":\"" << org << "\",\"name\":\"Organization "
          << i / 50 << "\",\"identifiers\":[{\"scheme\":\"wikidata\",\"value\":\"Q" << i
          << "\"}]}\n";
    }
    out << "{\"type\":\"article\",\"id\":\"art:" << i << "\",\"headline\":\"Release " << i
        << "\",\"url\":\"https://example.org/" << i << "\",\"publisher_id\":\"" << org
        << "\",\"body\":[\"" << paragraph << "\",\"" << paragraph << "\"]}\n";
  }
}

/// Runs the tool with `args` (output to /dev/null) and returns its peak resident set in KB.
long peak_rss_kb(std::vector<std::string> args, int& status) {
  std::vector<char*> argv = make_argv(args);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int wstatus = 0;
  struct rusage usage {};
  ::wait4(pid, &wstatus, 0, &usage);
  status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  return usage.ru_maxrss;
}

TEST(CliStreaming, JsonlToJsonXmlAndRssInBoundedMemory) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer keeps freed memory in quarantine";
#endif
  REQUIRE_FORMATS("jsonl", "json", "xml", "rss");
  TempDir dir;
  write_archive(dir / "small.jsonl", 100);  // about 0.2 MB
  write_archive(dir / "big.jsonl", 2'000);  // about 4 MB
  ASSERT_GT(fs::file_size(dir / "big.jsonl"), std::uintmax_t{3} << 20);
  for (const char* to : {"json", "xml", "rss"}) {
    int status = -1;
    const long small = peak_rss_kb(
        {"convert", (dir / "small.jsonl").string(), "--to", to, "-o", (dir / "s.out").string()},
        status);
    ASSERT_EQ(status, 0) << to;
    const long big = peak_rss_kb(
        {"convert", (dir / "big.jsonl").string(), "--to", to, "-o", (dir / "b.out").string()},
        status);
    ASSERT_EQ(status, 0) << to;
    // 20 times the input adds less than 4 MB: nothing grows with the archive (reading it
    // whole would add 3 to 4 times its 4 MB).
    EXPECT_LT(big - small, 4 * 1024) << to << ": " << small << " KB -> " << big << " KB";
    std::printf("  %s: peak RSS %ld KB (small input), %ld KB (4 MB input)\n", to, small, big);
  }
}

// --- stats and validate -------------------------------------------------------------------

TEST(CliStats, JsonCountsRecordsSummedOverInputs) {
  REQUIRE_FORMATS("json", "jsonl");
  TempDir dir;
  RunResult r = run({"stats", "--json", archive_path()});
  ASSERT_EQ(r.status, 0) << r.err;
  auto stats = nlohmann::json::parse(r.out);
  EXPECT_EQ(stats["articles"], 2);
  EXPECT_EQ(stats["organizations"], 1);
  EXPECT_EQ(stats["commissioners"], 1);
  EXPECT_EQ(stats["people"], 0);
  EXPECT_EQ(stats["legislation"], 1);
  EXPECT_EQ(stats["contacts"], 1);
  EXPECT_EQ(stats["feeds"], 1);
  EXPECT_EQ(stats["warnings"], 0);

  // A streaming input and the json one, summed.
  write_text(dir / "many.jsonl", jsonl_articles(0, 500));
  r = run({"stats", "--json", archive_path(), (dir / "many.jsonl").string()});
  ASSERT_EQ(r.status, 0) << r.err;
  stats = nlohmann::json::parse(r.out);
  EXPECT_EQ(stats["articles"], 502);
  EXPECT_EQ(stats["organizations"], 1);
  EXPECT_EQ(stats["inputs"], 2);

  // The table form names the same counts.
  r = run({"stats", archive_path()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("articles"), std::string::npos);
  EXPECT_NE(r.out.find("contacts"), std::string::npos);
}

TEST(CliValidate, ReportsModelErrors) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  RunResult r = run({"validate", archive_path()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, archive_path() + ": ok\n");
  write_text(dir / "dangling.json",
             "{\"pressroom_version\": \"1.0\", \"articles\": ["
             "{\"id\": \"art:a\", \"headline\": \"A\", \"publisher_id\": \"org:missing\"}]}");
  r = run({"validate", (dir / "dangling.json").string()});
  EXPECT_EQ(r.status, 1) << r.err;
  const auto err_lines = lines(r.err);
  ASSERT_FALSE(err_lines.empty());
  EXPECT_TRUE(starts_with(err_lines[0], (dir / "dangling.json").string() + ": error: "))
      << err_lines[0];
  EXPECT_NE(r.err.find("articles[0].publisher_id"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[model/"), std::string::npos) << r.err;
  // --as checks writing to a format as well.
  r = run({"validate", "--as", "xml", archive_path()});
  EXPECT_EQ(r.status, 0) << r.err;
}

// --- progress -----------------------------------------------------------------------------

/// An archive of 6,000 articles just over the 4 MB from which progress shows.
void write_big_jsonl(const fs::path& path) {
  std::ofstream big(path, std::ios::binary);
  const std::string padding(700, 'x');
  for (std::size_t i = 0; i < 6000; ++i) {
    big << "{\"type\":\"article\",\"id\":\"art:" << i << "\",\"headline\":\"" << padding << "\"}\n";
  }
}

TEST(CliProgress, ShownOnATerminalForBigInputs) {
  REQUIRE_FORMATS("jsonl");
  TempDir dir;
  write_big_jsonl(dir / "big.jsonl");
  ASSERT_GT(fs::file_size(dir / "big.jsonl"), std::uintmax_t{4} << 20);
  int master = -1;
  int slave = -1;
  ASSERT_EQ(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
  std::vector<std::string> args = {"convert", (dir / "big.jsonl").string(), "--to", "jsonl",
                                   "-o",      (dir / "out.jsonl").string()};
  std::vector<char*> argv = make_argv(args);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(master);
    ::dup2(slave, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(slave);
  std::string seen;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(master, buf, sizeof buf);
    if (n > 0) {
      seen.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has closed the terminal
    }
  }
  ::close(master);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  RunResult r;
  decode_status(wstatus, r);
  EXPECT_EQ(r.status, 0) << seen;
  EXPECT_EQ(lines(read_text(dir / "out.jsonl")).size(), 6'000u);
  // Either the run was too fast for a redraw, or the line shows MB and is cleared at the end.
  if (!seen.empty()) {
    EXPECT_NE(seen.find(" MB"), std::string::npos) << seen;
    EXPECT_EQ(seen.front(), '\r');
    EXPECT_EQ(seen.back(), '\r');
  }
}

TEST(CliProgress, NotShownWhenStderrIsAFile) {
  REQUIRE_FORMATS("jsonl");
  TempDir dir;
  write_big_jsonl(dir / "big.jsonl");
  const RunResult r = run({"convert", (dir / "big.jsonl").string(), "--to", "jsonl", "-o",
                           (dir / "out.jsonl").string()});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

TEST(CliProgress, ForcedWithTheProgressOptionAndClearedAtTheEnd) {
  REQUIRE_FORMATS("jsonl");
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "slow.jsonl").c_str(), 0600), 0);
  std::vector<std::string> args = {"convert", "--progress", (dir / "slow.jsonl").string(), "--to",
                                   "jsonl",   "-o",         (dir / "out.jsonl").string()};
  std::vector<char*> argv = make_argv(args);
  const std::string err_path = (dir / "stderr").string();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(err, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  // Half, a pause longer than the redraw interval, the rest.
  const int fifo = ::open((dir / "slow.jsonl").c_str(), O_WRONLY);
  ASSERT_GE(fifo, 0);
  for (int part = 0; part < 2; ++part) {
    const std::string chunk = jsonl_articles(static_cast<std::size_t>(part) * 3000, 3000);
    ASSERT_EQ(::write(fifo, chunk.data(), chunk.size()), static_cast<ssize_t>(chunk.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  ::close(fifo);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  RunResult r;
  decode_status(wstatus, r);
  EXPECT_EQ(r.status, 0);
  const std::string seen = read_text(err_path);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front(), '\r');
  EXPECT_EQ(seen.back(), '\r');  // cleared
  EXPECT_NE(seen.find(" MB"), std::string::npos) << seen;
  EXPECT_NE(seen.find(" records"), std::string::npos) << seen;
  // --no-progress wins when given last.
  const RunResult quiet = run({"convert", "--progress", "--no-progress", archive_path(), "--to",
                               "json", "-o", (dir / "q.json").string()});
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.err, "");
}

// --- output targets, write errors, signals ---------------------------------------------------

/// Runs the tool with `args`: standard input from /dev/null, standard output and error to
/// files of a temporary directory; `child` runs in the child just before exec (to point
/// standard output elsewhere, set limits or signal dispositions).
RunResult run_child(std::vector<std::string> args, const std::function<void()>& child) {
  TempDir io;
  const fs::path out_path = io / "stdout";
  const fs::path err_path = io / "stderr";
  std::vector<char*> argv = make_argv(args);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    rlimit no_core{};
    ::setrlimit(RLIMIT_CORE, &no_core);
    if (child) child();
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  RunResult r;
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  decode_status(wstatus, r);
  r.out = read_text(out_path);
  r.err = read_text(err_path);
  return r;
}

/// Reads a FIFO from before the tool opens it until the tool has ended (see done()).
class FifoReader {
 public:
  explicit FifoReader(const fs::path& fifo)
      : fd_(::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)) {
    thread_ = std::thread([this] {
      char buf[65536];
      for (;;) {
        const ssize_t n = fd_ < 0 ? -1 : ::read(fd_, buf, sizeof buf);
        if (n > 0) {
          data_.append(buf, static_cast<std::size_t>(n));
          continue;
        }
        if (done_) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
  }
  FifoReader(const FifoReader&) = delete;
  FifoReader& operator=(const FifoReader&) = delete;
  ~FifoReader() {
    if (thread_.joinable()) done();
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] bool opened() const { return fd_ >= 0; }
  /// Call when the writer has ended: drains what is left and returns all that was read.
  std::string done() {
    done_ = true;
    thread_.join();
    return data_;
  }

 private:
  int fd_;
  std::atomic<bool> done_{false};
  std::string data_;
  std::thread thread_;
};

bool is_fifo_node(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

TEST(CliOutputTarget, AFifoIsWrittenDirectlyAndStaysAFifo) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "out.json").c_str(), 0600), 0);
  FifoReader reader(dir / "out.json");
  ASSERT_TRUE(reader.opened());
  const RunResult r = run({"convert", archive_path(), "-o", (dir / "out.json").string()});
  const std::string got = reader.done();
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(is_fifo_node(dir / "out.json")) << "the FIFO was replaced";
  EXPECT_EQ(got, canonical_archive());
  EXPECT_EQ(dir.list(), std::vector<std::string>{"out.json"});  // no temporary
  // --split writes into a FIFO that stands where an output goes the same way.
  fs::create_directory(dir / "split");
  ASSERT_EQ(::mkfifo((dir / "split" / "archive.json").c_str(), 0600), 0);
  FifoReader split_reader(dir / "split" / "archive.json");
  const RunResult s =
      run({"convert", "--split", (dir / "split").string(), "--to", "json", archive_path()});
  EXPECT_EQ(split_reader.done(), canonical_archive());
  EXPECT_EQ(s.status, 0) << s.err;
  EXPECT_TRUE(is_fifo_node(dir / "split" / "archive.json"));
}

TEST(CliOutputTarget, ACharacterDeviceIsWrittenDirectly) {
  REQUIRE_FORMATS("json");
  if (::geteuid() != 0) {
    // Without root, /dev/null cannot be replaced anyway; a FIFO takes the same path (see
    // AFifoIsWrittenDirectlyAndStaysAFifo).
    GTEST_SKIP() << "needs root: a device node of its own, and /dev/null";
  }
  // A null device of the test's own first, then the system's.
  TempDir dir;
  ASSERT_EQ(::mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  for (const fs::path& device : {dir / "null", fs::path("/dev/null")}) {
    const RunResult r = run({"convert", archive_path(), "--to", "json", "-o", device.string()});
    EXPECT_EQ(r.status, 0) << device << ": " << r.err;
    struct stat st {};
    ASSERT_EQ(::lstat(device.c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << device << " was replaced";
    EXPECT_EQ(st.st_rdev, makedev(1, 3)) << device;
    for (const auto& entry : fs::directory_iterator(device.parent_path())) {
      EXPECT_EQ(entry.path().filename().string().find(".pressroom-"), std::string::npos)
          << entry.path();
    }
  }
  EXPECT_EQ(dir.list(), std::vector<std::string>{"null"});
}

TEST(CliOutputTarget, ASymlinkIsWrittenThroughAndKept) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  fs::create_directory(dir / "real");
  write_text(dir / "real" / "target.json", "OLD\n");
  ::chmod((dir / "real" / "target.json").c_str(), 0640);
  fs::create_symlink("real/target.json", dir / "link.json");
  const RunResult r = run({"convert", archive_path(), "-o", (dir / "link.json").string()});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir / "link.json")) << "the link was replaced";
  EXPECT_EQ(fs::read_symlink(dir / "link.json"), fs::path("real/target.json"));
  EXPECT_EQ(read_text(dir / "real" / "target.json"), canonical_archive());
  EXPECT_EQ(fs::status(dir / "real" / "target.json").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  // The temporary was made beside the target, and is gone.
  EXPECT_EQ(dir.list(), (std::vector<std::string>{"link.json", "real"}));
  std::vector<std::string> real;
  for (const auto& e : fs::directory_iterator(dir / "real")) {
    real.push_back(e.path().filename().string());
  }
  EXPECT_EQ(real, std::vector<std::string>{"target.json"});
  // A link to a file not there yet creates the file and keeps the link; so does a chain.
  fs::create_symlink("real/new.json", dir / "dangling.json");
  fs::create_symlink("dangling.json", dir / "chain.json");
  const RunResult d = run({"convert", archive_path(), "-o", (dir / "chain.json").string()});
  EXPECT_EQ(d.status, 0) << d.err;
  EXPECT_TRUE(fs::is_symlink(dir / "chain.json"));
  EXPECT_TRUE(fs::is_symlink(dir / "dangling.json"));
  EXPECT_EQ(read_text(dir / "real" / "new.json"), canonical_archive());
  // A failed conversion leaves the target as it was.
  write_text(dir / "bad.json", "{\"pressroom_version\": \"1.0\", \"articles\": [");
  const RunResult bad = run({"convert", "--from", "json", "--to", "json",
                             (dir / "bad.json").string(), "-o", (dir / "link.json").string()});
  EXPECT_EQ(bad.status, 1);
  EXPECT_TRUE(fs::is_symlink(dir / "link.json"));
  EXPECT_EQ(read_text(dir / "real" / "target.json"), canonical_archive());
  // --split follows a link that stands where an output goes.
  fs::create_directory(dir / "split");
  fs::create_symlink("../real/split-target.json", dir / "split" / "archive.json");
  const RunResult s =
      run({"convert", "--split", (dir / "split").string(), "--to", "json", archive_path()});
  EXPECT_EQ(s.status, 0) << s.err;
  EXPECT_TRUE(fs::is_symlink(dir / "split" / "archive.json"));
  EXPECT_EQ(read_text(dir / "real" / "split-target.json"), canonical_archive());
}

TEST(CliOutputTarget, ALinkPlantedInAStickyDirectoryIsNotFollowed) {
  REQUIRE_FORMATS("json");
  if (::geteuid() != 0) GTEST_SKIP() << "needs root, to give the link to another user";
  TempDir dir;
  fs::create_directory(dir / "tmp");
  ASSERT_EQ(::chmod((dir / "tmp").c_str(), 01777), 0);
  write_text(dir / "victim.json", "OLD\n");
  fs::create_symlink("../victim.json", dir / "tmp" / "out.json");
  ASSERT_EQ(::lchown((dir / "tmp" / "out.json").c_str(), 4242, 4242), 0);
  const RunResult r =
      run({"convert", archive_path(), "--to", "json", "-o", (dir / "tmp" / "out.json").string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not following a symbolic link"), std::string::npos) << r.err;
  EXPECT_EQ(read_text(dir / "victim.json"), "OLD\n");
  EXPECT_TRUE(fs::is_symlink(dir / "tmp" / "out.json"));
  // The same link owned by the directory's owner is followed.
  ASSERT_EQ(::lchown((dir / "tmp" / "out.json").c_str(), 0, 0), 0);
  const RunResult ok =
      run({"convert", archive_path(), "--to", "json", "-o", (dir / "tmp" / "out.json").string()});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_EQ(read_text(dir / "victim.json"), canonical_archive());
}

TEST(CliOutputTarget, OtherFilesThatAreNotRegularAreRefused) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  fs::create_directory(dir / "a-directory");
  fs::create_directory_symlink("a-directory", dir / "link-to-directory");
  // A socket.
  const fs::path socket_path = dir / "a-socket";
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.string().size(), sizeof addr.sun_path);
  std::strcpy(addr.sun_path, socket_path.c_str());
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  for (const auto& [name, why] :
       std::vector<std::pair<std::string, std::string>>{{"a-directory", "is a directory"},
                                                        {"link-to-directory", "is a directory"},
                                                        {"a-socket", "is a socket"}}) {
    const std::string target = (dir / name).string();
    const RunResult r = run({"convert", archive_path(), "--to", "json", "-o", target});
    EXPECT_EQ(r.status, 1) << name;
    EXPECT_TRUE(starts_with(r.err, target + ": error: " + why)) << r.err;
    EXPECT_NE(r.err.find("an output must be a regular file, a character device or a FIFO"),
              std::string::npos)
        << r.err;
  }
  struct stat st {};
  ASSERT_EQ(::lstat(socket_path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode)) << "the socket was replaced";
  EXPECT_TRUE(fs::is_symlink(dir / "link-to-directory"));
  EXPECT_EQ(dir.list(), (std::vector<std::string>{"a-directory", "a-socket", "link-to-directory"}));
  ::close(sock);
}

/// Every command that writes to standard output, with what it needs; `jsonl` is a jsonl
/// archive for the streaming conversions.
std::vector<std::vector<std::string>> printing_commands(const std::string& jsonl) {
  std::vector<std::vector<std::string>> commands = {{"convert", "--to", "json", archive_path()},
                                                    {"convert", "--to", "xml", archive_path()},
                                                    {"convert", "--to", "json", jsonl},
                                                    {"convert", "--to", "jsonl", jsonl},
                                                    {"convert", "--to", "xml", jsonl},
                                                    {"convert", "--to", "rss", jsonl},
                                                    {"validate", archive_path()},
                                                    {"stats", archive_path()},
                                                    {"stats", "--json", archive_path()},
                                                    {"formats"},
                                                    {"formats", "--json"},
                                                    {"--help"},
                                                    {"help"},
                                                    {"help", "convert"},
                                                    {"--version"}};
  for (const char* command : {"convert", "extract", "validate", "formats", "stats"}) {
    commands.push_back({command, "--help"});
  }
  if (has_format("text")) {
    commands.push_back({"extract", "--from", "text", archive_path()});
  }
  return commands;
}

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

TEST(CliWriteErrors, AFullStandardOutputFailsEveryCommand) {
  REQUIRE_FORMATS("json");
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  TempDir dir;
  write_text(dir / "in.jsonl", jsonl_articles(0, 100));
  for (const std::vector<std::string>& command : printing_commands((dir / "in.jsonl").string())) {
    const RunResult r = run_child(command, [] {
      const int full = ::open("/dev/full", O_WRONLY);
      ::dup2(full, 1);
    });
    EXPECT_EQ(r.status, 1) << joined(command) << ": " << r.err;
    EXPECT_NE(r.err.find("No space left on device"), std::string::npos)
        << joined(command) << ": " << r.err;
  }
}

TEST(CliWriteErrors, AClosedPipeIsAWriteErrorNotADeathBySigpipe) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  write_text(dir / "in.jsonl", jsonl_articles(0, 100));
  for (const std::vector<std::string>& command : printing_commands((dir / "in.jsonl").string())) {
    const RunResult r = run_child(command, [] {
      int fds[2];
      if (::pipe(fds) != 0) ::_exit(126);
      ::dup2(fds[1], 1);
      ::close(fds[0]);  // nobody reads: the first write fails with EPIPE
      ::close(fds[1]);
    });
    EXPECT_EQ(r.signal, 0) << joined(command);
    EXPECT_EQ(r.status, 1) << joined(command) << ": " << r.err;
    EXPECT_NE(r.err.find("Broken pipe"), std::string::npos) << joined(command) << ": " << r.err;
  }
}

TEST(CliWriteErrors, AWriteErrorOnAnOutputFileNamesItsCause) {
  REQUIRE_FORMATS("json");
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const RunResult r = run({"convert", archive_path(), "--to", "json", "-o", "/dev/full"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(starts_with(r.err, "/dev/full: error: cannot write: No space left on device"))
      << r.err;
  struct stat st {};
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

/// Starts `convert --from jsonl --to json -o DIR/out.json -` reading a pipe, feeds it part of
/// an archive and waits until the temporary output exists. Returns the pid; `feed` is the
/// pipe's write end.
pid_t start_stalled_conversion(const TempDir& dir, int& feed, const std::function<void()>& child) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return -1;
  std::vector<std::string> args = {
      "convert", "--from", "jsonl", "--to", "json", "-o", (dir / "out.json").string(), "-"};
  std::vector<char*> argv = make_argv(args);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipe_fds[0], 0);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    rlimit no_core{};
    ::setrlimit(RLIMIT_CORE, &no_core);
    if (child) child();
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[0]);
  feed = pipe_fds[1];
  const std::string chunk = jsonl_articles(0, 2000);
  if (::write(feed, chunk.data(), chunk.size()) != static_cast<ssize_t>(chunk.size())) return pid;
  for (int i = 0; i < 500 && dir.list().size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return pid;
}

TEST(CliSignals, SigquitAndSighupLeaveNoTemporary) {
  REQUIRE_FORMATS("json", "jsonl");
  for (const int sig : {SIGQUIT, SIGHUP}) {
    TempDir dir;
    write_text(dir / "out.json", "OLD\n");
    int feed = -1;
    const pid_t pid = start_stalled_conversion(dir, feed, nullptr);
    ASSERT_GT(pid, 0);
    EXPECT_EQ(dir.list().size(), 2u) << "no temporary to clean up";
    ::kill(pid, sig);
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    ::close(feed);
    RunResult r;
    decode_status(wstatus, r);
    EXPECT_EQ(r.signal, sig) << "status " << r.status;
    EXPECT_EQ(dir.list(), std::vector<std::string>{"out.json"}) << "signal " << sig;
    EXPECT_EQ(read_text(dir / "out.json"), "OLD\n");
  }
}

TEST(CliSignals, SigpipeIsIgnoredAndLeavesNoTemporary) {
  REQUIRE_FORMATS("json", "jsonl");
  TempDir dir;
  write_text(dir / "out.json", "OLD\n");
  int feed = -1;
  const pid_t pid = start_stalled_conversion(dir, feed, nullptr);
  ASSERT_GT(pid, 0);
  ::kill(pid, SIGPIPE);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::close(feed);  // the input ends: the conversion finishes
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  RunResult r;
  decode_status(wstatus, r);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"out.json"});
  EXPECT_EQ(nlohmann::json::parse(read_text(dir / "out.json"))["articles"].size(), 2000u);
}

TEST(CliSignals, GoingOverTheFileSizeLimitLeavesNoTemporary) {
  REQUIRE_FORMATS("json", "jsonl");
  TempDir dir;
  write_text(dir / "in.jsonl", jsonl_articles(0, 5000));
  for (const bool ignored : {false, true}) {
    write_text(dir / "out.json", "OLD\n");
    const RunResult r = run_child(
        {"convert", (dir / "in.jsonl").string(), "--to", "json", "-o", (dir / "out.json").string()},
        [ignored] {
          rlimit fsize{};
          fsize.rlim_cur = fsize.rlim_max = 100'000;  // the output is ~500 KB
          ::setrlimit(RLIMIT_FSIZE, &fsize);
          std::signal(SIGXFSZ, ignored ? SIG_IGN : SIG_DFL);
        });
    if (ignored) {
      EXPECT_EQ(r.signal, 0);
      EXPECT_EQ(r.status, 1);
      EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
    } else {
      EXPECT_EQ(r.signal, SIGXFSZ) << "status " << r.status << ": " << r.err;
    }
    EXPECT_EQ(dir.list(), (std::vector<std::string>{"in.jsonl", "out.json"}))
        << (ignored ? "SIGXFSZ ignored" : "SIGXFSZ default");
    EXPECT_EQ(read_text(dir / "out.json"), "OLD\n");
  }
}

// --- escaped diagnostics -------------------------------------------------------------------

TEST(CliDiagnostics, ControlCharactersInNamesAndValuesAreEscaped) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  // A name that would print a forged diagnostic line of its own and colour the terminal, with
  // a C1 control (CSI) and a byte that is not UTF-8.
  const std::string name = "bad\nforged.json:1:1: error: forged\x1b[31m\xc2\x9b\xff.json";
  write_text(dir / name, "{\"pressroom_version\": \"1.0\", \"articles\": [{\"id\": \"a\x01\"}");
  const std::string escaped =
      (dir / "bad").string() + "\\nforged.json:1:1: error: forged\\x1b[31m\\u009b\\xff.json";
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"validate", (dir / name).string()},
        std::vector<std::string>{"convert", "--progress", "--to", "json", (dir / name).string()},
        std::vector<std::string>{"stats", (dir / name).string()},
        std::vector<std::string>{"convert", "--from", "nope\x1b]0;title\x07",
                                 (dir / name).string()},
        std::vector<std::string>{"convert", "--to", "json", "-o", (dir / name).string() + "/x",
                                 archive_path()}}) {
    const RunResult r = run(command);
    EXPECT_NE(r.status, 0) << joined(command);
    for (const std::string* text : {&r.err, &r.out}) {
      for (const char c : *text) {
        const auto u = static_cast<unsigned char>(c);
        EXPECT_FALSE((u < 0x20 && c != '\n' && c != '\r') || u == 0x7f || u == 0xff)
            << joined(command) << ": raw byte " << static_cast<int>(u) << " in " << *text;
      }
      EXPECT_EQ(text->find("\xc2\x9b"), std::string::npos) << *text;
    }
    for (const std::string& line : lines(r.err)) {
      EXPECT_FALSE(starts_with(line, "forged.json")) << "forged line: " << line;
    }
    if (command[0] != "convert" || command[1] == "--progress") {
      EXPECT_NE(r.err.find(escaped), std::string::npos) << joined(command) << ": " << r.err;
    }
  }
  // validate's summary on standard output too.
  const RunResult v = run({"validate", (dir / name).string()});
  EXPECT_TRUE(starts_with(v.out, escaped + ": ")) << v.out;
}

// --- error paths -----------------------------------------------------------------------------

TEST(CliDiagnostics, ErrorsNameTheMemberThatIsWrong) {
  REQUIRE_FORMATS("json");
  TempDir dir;
  const auto document = [](const std::string& media) {
    return "{\"pressroom_version\": \"1.0\", \"articles\": [{\"id\": \"a\", \"headline\": "
           "\"h\", \"media\": [" +
           media + "]}]}";
  };
  struct Row {
    std::string media;  // the media array's contents
    std::string path;   // where the diagnostic must point
  };
  const std::vector<Row> rows = {
      // a number the lexer refuses (out of double's range)
      {R"({"url": "https://x.test/a", "length_bytes": 1e400})",
       "articles[0].media[0].length_bytes"},
      {R"({"url": "https://x.test/a", "duration_seconds": -1e999})",
       "articles[0].media[0].duration_seconds"},
      // numbers out of the member's range
      {R"({"url": "https://x.test/a", "width": 99999999999})", "articles[0].media[0].width"},
      {R"({"url": "https://x.test/a", "length_bytes": -5})", "articles[0].media[0].length_bytes"},
      // a value of the wrong type
      {R"({"url": "https://x.test/a", "height": "tall"})", "articles[0].media[0].height"},
      {R"({"url": "https://x.test/a", "title": 5})", "articles[0].media[0].title"},
      // in the second element, after a whole first one
      {R"({"url": "https://x.test/a"}, {"url": "https://x.test/b", "length_bytes": 1e400})",
       "articles[0].media[1].length_bytes"},
  };
  for (const Row& row : rows) {
    write_text(dir / "in.json", document(row.media));
    const RunResult r = run({"validate", "--from", "json", (dir / "in.json").string()});
    EXPECT_NE(r.err.find("(at " + row.path + ")"), std::string::npos) << row.media << "\n" << r.err;
  }
  // An element of an array of strings that the lexer refuses.
  write_text(dir / "in.json",
             "{\"pressroom_version\": \"1.0\", \"articles\": [{\"id\": \"a\", \"headline\": "
             "\"h\", \"contact_ids\": [\"x\", 1e400]}]}");
  const RunResult r = run({"validate", "--from", "json", (dir / "in.json").string()});
  EXPECT_NE(r.err.find("(at articles[0].contact_ids[1])"), std::string::npos) << r.err;
}

}  // namespace
