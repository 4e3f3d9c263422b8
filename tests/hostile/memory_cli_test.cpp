// SPDX-License-Identifier: MIT
// The tool against inputs whose records or elements cost far more memory than their bytes,
// generated here (a few MiB each, too big to keep in the repository): each run must end with
// exit status 1 and a limit_exceeded diagnostic, within the bounds of the hostile cases (256 MB
// of address space, 2 s of CPU), never on a signal.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

std::string repeat(const std::string& unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s += unit;
  return s;
}

struct Run {
  int status = -1;
  int signal = 0;
  double cpu = 0;
  std::size_t max_rss = 0;
  std::string err;
};

class Dir {
 public:
  Dir() {
    char templ[] = "/tmp/pressroom-memory-cli-XXXXXX";
    if (::mkdtemp(templ) == nullptr) std::abort();
    path_ = templ;
  }
  ~Dir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  Dir(const Dir&) = delete;
  Dir& operator=(const Dir&) = delete;
  std::string file(const std::string& name, const std::string& text) const {
    const std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs the tool with `args`, standard input from `input` (a path), under the hostile bounds.
Run run(const std::vector<std::string>& args, const std::string& input, const Dir& dir) {
  const std::string err = dir.path() + "/stderr";
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = ::open(input.c_str(), O_RDONLY);
    const int out = ::open("/dev/null", O_WRONLY);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || e < 0) ::_exit(127);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(e, 2);
    rlimit as{};
    as.rlim_cur = as.rlim_max = std::size_t{256} << 20;
    ::setrlimit(RLIMIT_AS, &as);
    rlimit cpu{};
    cpu.rlim_cur = 3;
    cpu.rlim_max = 4;
    ::setrlimit(RLIMIT_CPU, &cpu);
    std::vector<char*> argv{const_cast<char*>(PRESSROOM_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  Run r;
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  if (WIFEXITED(status)) r.status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.max_rss = static_cast<std::size_t>(usage.ru_maxrss) * 1024;
  std::ifstream f(err);
  std::ostringstream s;
  s << f.rdbuf();
  r.err = s.str();
  return r;
}

void expect_refused(const Run& r, const std::string& diagnostic) {
  EXPECT_EQ(r.signal, 0) << r.err;
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_LE(r.cpu, 2.0);
  EXPECT_LE(r.max_rss, std::size_t{256} << 20);
  EXPECT_NE(r.err.find(diagnostic), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
}

TEST(MemoryShapes, JsonEmptyRecords) {
  if (PRESSROOM_HOSTILE_SANITIZED) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Dir d;
  const std::string in = d.file("a.json", "{\"articles\":[" + repeat("{},", 3u << 20) + "{}]}");
  expect_refused(run({"convert", "--from", "json", "--to", "json", in}, "/dev/null", d),
                 "[json/limit_exceeded]");
}

TEST(MemoryShapes, JsonFeedTinyItems) {
  if (PRESSROOM_HOSTILE_SANITIZED) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Dir d;
  const std::string in = d.file(
      "a.json", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[" +
                    repeat("{},", 16u << 20) + "{}]}");
  expect_refused(run({"convert", "--from", "jsonfeed", "--to", "json", in}, "/dev/null", d),
                 "[jsonfeed/limit_exceeded]");
}

TEST(MemoryShapes, RssEmptyElements) {
  if (PRESSROOM_HOSTILE_SANITIZED) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Dir d;
  const std::string in = d.file("a.rss", "<rss version=\"2.0\"><channel><title>t</title>" +
                                             repeat("<a/>", 16u << 20) + "</channel></rss>");
  expect_refused(run({"convert", "--from", "rss", "--to", "json", in}, "/dev/null", d),
                 "[rss/limit_exceeded]");
}

TEST(MemoryShapes, RssEmptyItems) {
  if (PRESSROOM_HOSTILE_SANITIZED) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Dir d;
  const std::string in =
      d.file("a.rss", "<rss version=\"2.0\"><channel><title>t</title>" +
                          repeat("<item><title>a</title></item>", 16u << 20) + "</channel></rss>");
  // validate reads the whole Document (convert streams the items, each handed on alone).
  expect_refused(run({"validate", "--from", "rss", in}, "/dev/null", d), "[rss/limit_exceeded]");
}

TEST(MemoryShapes, XmlEmptyRecords) {
  if (PRESSROOM_HOSTILE_SANITIZED) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Dir d;
  const std::string in = d.file("a.xml", "<pressroom xmlns=\"urn:pressroom:1\" version=\"1.0\">" +
                                             repeat("<article/>", 16u << 20) + "</pressroom>");
  expect_refused(run({"convert", "--from", "xml", "--to", "json", in}, "/dev/null", d),
                 "[xml/limit_exceeded]");
}

TEST(MemoryShapes, JsonlEmptyRecords) {
  if (PRESSROOM_HOSTILE_SANITIZED) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Dir d;
  const std::string in = d.file("a.jsonl", repeat("{\"type\":\"article\"}\n", 3u << 20));
  // validate reads the whole Document.
  expect_refused(run({"validate", "--from", "jsonl", in}, "/dev/null", d),
                 "[jsonl/limit_exceeded]");
}

TEST(MemoryShapes, EndlessStandardInput) {
  if (PRESSROOM_HOSTILE_SANITIZED) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  Dir d;
  // Streamed (RSS) and read whole (JSON): both stop with an error, never on a signal.
  expect_refused(run({"convert", "--from", "rss", "--to", "json", "-"}, "/dev/zero", d),
                 "limit_exceeded]");
  expect_refused(run({"convert", "--from", "json", "--to", "json", "-"}, "/dev/zero", d),
                 "limit_exceeded]");
}

}  // namespace
