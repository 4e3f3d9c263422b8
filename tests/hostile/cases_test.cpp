// SPDX-License-Identifier: MIT
// The hostile-input suite: every tests/hostile/cases/<name>.expect names its input (the file
// <name>.<ext> beside it) and states what must happen when the built `pressroom` tool reads it:
//
//   # what the case attacks and what must happen (free text, kept for people)
//   run: convert --from xml --to json    arguments; the input's path is appended
//   exit: 1                              the exit status
//   stderr: [xml/limit_exceeded]         substrings the diagnostics must hold (each line one)
//   stderr-lacks: ...                    substrings they must not hold
//   stdout: ...  / stdout-lacks: ...     the same for the output
//   valid: xml | json | jsonl            the output must pass an independent parser
//
// Every run must end within 2 s of CPU time and 256 MB (RLIMIT_AS and peak RSS; the sanitized
// build has no address-space limit and looser bounds, see `Bounds`), never die on a signal,
// write valid UTF-8 when it succeeds, and never name /etc/passwd's first line. A second run
// under strace (when installed) checks that no file but the input and the system's libraries
// and locale data was opened. Cases are listed when ctest runs, so a new case needs no rebuild.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "detail/text.hpp"

namespace fs = std::filesystem;

namespace {

struct Bounds {
  double cpu_seconds;
  double wall_seconds;  // the process is killed after this
  std::size_t rss_bytes;
  bool address_limit;
};

Bounds bounds() {
#if PRESSROOM_HOSTILE_SANITIZED
  // ASan reserves terabytes of shadow memory (no RLIMIT_AS) and runs several times slower.
  return {10.0, 30.0, std::size_t{768} << 20, false};
#else
  return {2.0, 10.0, std::size_t{256} << 20, true};
#endif
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  std::string name;
  fs::path input;
  std::string text;  // the .expect file
  std::vector<std::string> args;
  int exit = 0;
  std::vector<std::string> stderr_has, stderr_lacks, stdout_has, stdout_lacks;
  std::string valid;
};

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  std::string w;
  while (in >> w) v.push_back(w);
  return v;
}

Case load_case(const fs::path& expect) {
  Case c;
  c.name = expect.stem().string();
  c.text = read_text(expect);
  for (const auto& e : fs::directory_iterator(expect.parent_path())) {
    const std::string f = e.path().filename().string();
    if (f.rfind(c.name + ".", 0) == 0 && e.path().extension() != ".expect" &&
        f.find('.', c.name.size() + 1) == std::string::npos)
      c.input = e.path();
  }
  std::istringstream in(c.text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(0, colon);
    std::string value = line.substr(colon + 1);
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    if (key == "run") c.args = split_words(value);
    if (key == "exit") c.exit = std::atoi(value.c_str());
    if (key == "stderr") c.stderr_has.push_back(value);
    if (key == "stderr-lacks") c.stderr_lacks.push_back(value);
    if (key == "stdout") c.stdout_has.push_back(value);
    if (key == "stdout-lacks") c.stdout_lacks.push_back(value);
    if (key == "valid") c.valid = value;
  }
  return c;
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(PRESSROOM_HOSTILE_CASES, ec))
    if (e.path().extension() == ".expect") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "pressroom-hostile-XXXXXX").string();
    if (::mkdtemp(templ.data()) == nullptr) std::abort();
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

struct Outcome {
  int status = -1;
  int signal = 0;
  bool timed_out = false;
  double cpu = 0;
  double wall = 0;
  std::size_t max_rss = 0;
  std::string out, err;
};

// Runs `argv` with standard output and error in files of `dir`, under the bounds.
Outcome run(const std::vector<std::string>& argv, const TempDir& dir, bool limit_address) {
  const Bounds b = bounds();
  const fs::path out = dir / "stdout";
  const fs::path err = dir / "stderr";
  Outcome r;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) return r;
  if (pid == 0) {
    ::setpgid(0, 0);
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int n = ::open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || n < 0) ::_exit(127);
    ::dup2(n, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    rlimit cpu{};
    cpu.rlim_cur = static_cast<rlim_t>(b.cpu_seconds) + 1;
    cpu.rlim_max = cpu.rlim_cur + 1;
    ::setrlimit(RLIMIT_CPU, &cpu);
    if (limit_address) {
      rlimit as{};
      as.rlim_cur = as.rlim_max = b.rss_bytes;
      ::setrlimit(RLIMIT_AS, &as);
    }
    // No leak report under ptrace (LeakSanitizer cannot run traced); a small quarantine keeps
    // the peak RSS meaningful.
    ::setenv("ASAN_OPTIONS", "detect_leaks=0:quarantine_size_mb=16", 1);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  for (;;) {
    const pid_t w = ::wait4(pid, &status, WNOHANG, &usage);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) break;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > b.wall_seconds && !r.timed_out) {
      r.timed_out = true;
      ::kill(-pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.max_rss = static_cast<std::size_t>(usage.ru_maxrss) * 1024;
  if (WIFEXITED(status)) r.status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = read_text(out);
  r.err = read_text(err);
  return r;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// Files any run may open: the dynamic loader's, libraries, locale and time-zone data, the
// process's own /proc and /dev entries, and the tool's directory (the extractor's module).
bool allowed_path(const std::string& p, const std::string& input, const std::string& tool_dir) {
  if (p == input) return true;
  for (const char* prefix :
       {"/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/", "/etc/ld.so.",
        "/proc/self/", "/proc/thread-self/", "/sys/devices/system/cpu/", "/dev/",
        "/usr/share/locale/", "/usr/share/zoneinfo/", "/etc/localtime", "/usr/share/icu/"})
    if (starts_with(p, prefix)) return true;
  return starts_with(p, tool_dir + "/");
}

// The paths of open/openat/openat2/creat calls in an strace log.
std::vector<std::string> opened_paths(const std::string& log) {
  std::vector<std::string> paths;
  std::istringstream in(log);
  std::string line;
  while (std::getline(in, line)) {
    std::size_t call = std::string::npos;
    for (const char* name : {"openat2(", "openat(", "open(", "creat("}) {
      call = line.find(name);
      if (call != std::string::npos) break;
    }
    if (call == std::string::npos) continue;
    const std::size_t q = line.find('"', call);
    if (q == std::string::npos) continue;
    const std::size_t e = line.find('"', q + 1);
    if (e == std::string::npos) continue;
    paths.push_back(line.substr(q + 1, e - q - 1));
  }
  return paths;
}

// Runs `command` through the shell; its exit status.
int shell(const std::string& command) {
  const int rc = std::system(command.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

class HostileCase : public ::testing::TestWithParam<std::string> {};

TEST_P(HostileCase, BehavesAsStated) {
  const Case c = load_case(fs::path(PRESSROOM_HOSTILE_CASES) / (GetParam() + ".expect"));
  ASSERT_FALSE(c.input.empty()) << "no input file for " << c.name;
  ASSERT_FALSE(c.args.empty()) << c.name << ".expect has no run: line";
  SCOPED_TRACE(c.name + ": " + c.input.string());
  const Bounds b = bounds();
  TempDir dir;
  const std::string input = fs::absolute(c.input).lexically_normal().string();
  std::vector<std::string> argv{PRESSROOM_CLI};
  argv.insert(argv.end(), c.args.begin(), c.args.end());
  argv.push_back(input);

  const Outcome r = run(argv, dir, b.address_limit);
  EXPECT_FALSE(r.timed_out) << "killed after " << b.wall_seconds << " s";
  EXPECT_EQ(r.signal, 0) << "ended by signal " << r.signal << "\n" << r.err;
  EXPECT_LE(r.cpu, b.cpu_seconds) << "CPU time";
  EXPECT_LE(r.max_rss, b.rss_bytes) << "peak RSS";
  EXPECT_EQ(r.status, c.exit) << "stderr:\n" << r.err;
  // Sanitized builds: undefined behaviour is reported and execution goes on.
  EXPECT_EQ(r.err.find("runtime error:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Sanitizer"), std::string::npos) << r.err;
  for (const auto& s : c.stderr_has)
    EXPECT_NE(r.err.find(s), std::string::npos) << "stderr lacks '" << s << "':\n" << r.err;
  for (const auto& s : c.stderr_lacks)
    EXPECT_EQ(r.err.find(s), std::string::npos) << "stderr holds '" << s << "':\n" << r.err;
  for (const auto& s : c.stdout_has)
    EXPECT_NE(r.out.find(s), std::string::npos) << "stdout lacks '" << s << "'";
  for (const auto& s : c.stdout_lacks)
    EXPECT_EQ(r.out.find(s), std::string::npos) << "stdout holds '" << s << "'";
  // Nothing of a local file ever reaches the output or the diagnostics.
  for (const char* secret : {"root:x:0:0", "root:*:0:0", "/bin/bash", "/usr/sbin/nologin"}) {
    EXPECT_EQ(r.out.find(secret), std::string::npos) << "output holds '" << secret << "'";
    EXPECT_EQ(r.err.find(secret), std::string::npos) << "stderr holds '" << secret << "'";
  }
  if (r.status == 0) {
    EXPECT_EQ(pressroom::detail::find_invalid_utf8(r.out), pressroom::detail::npos)
        << "the output is not valid UTF-8";
  }
  if (!c.valid.empty() && r.status == 0) {
    const fs::path out = dir / "stdout";
    if (c.valid == "xml") {
      if (std::string(PRESSROOM_XMLLINT).empty()) {
        std::cout << "[ SKIPPED  ] no xmllint: well-formedness not checked\n";
      } else {
        EXPECT_EQ(
            shell(std::string(PRESSROOM_XMLLINT) + " --noout --nonet '" + out.string() + "' 2>&1"),
            0)
            << "xmllint refuses the output";
      }
    } else if ((c.valid == "json" || c.valid == "jsonl") &&
               std::string(PRESSROOM_PYTHON3).empty()) {
      std::cout << "[ SKIPPED  ] no python3: JSON output not checked\n";
    } else if (c.valid == "json" || c.valid == "jsonl") {
      const std::string py =
          c.valid == "json"
              ? "import json,sys; json.load(open(sys.argv[1], encoding='utf-8'))"
              : "import json,sys\nfor l in open(sys.argv[1], encoding='utf-8'):\n json.loads(l)";
      EXPECT_EQ(
          shell(std::string(PRESSROOM_PYTHON3) + " -c \"" + py + "\" '" + out.string() + "' 2>&1"),
          0)
          << "Python's json refuses the output";
    } else {
      ADD_FAILURE() << "unknown valid: " << c.valid;
    }
  }

  // Which files the tool opened.
  if (std::string(PRESSROOM_STRACE).empty()) {
    std::cout << "[ SKIPPED  ] strace not installed: files opened not checked\n";
    return;
  }
  const fs::path log = dir / "strace.log";
  std::vector<std::string> traced{
      PRESSROOM_STRACE, "-f", "-qq", "-e", "trace=open,openat,openat2,creat", "-o", log.string()};
  traced.insert(traced.end(), argv.begin(), argv.end());
  const Outcome t = run(traced, dir, false);
  if (t.status != c.exit && t.err.find("ptrace") != std::string::npos) {
    std::cout << "[ SKIPPED  ] strace cannot trace here: files opened not checked\n";
    return;
  }
  EXPECT_EQ(t.status, c.exit) << "under strace:\n" << t.err;
  const std::string tool_dir = fs::path(PRESSROOM_CLI).parent_path().string();
  for (const auto& p : opened_paths(read_text(log)))
    EXPECT_TRUE(allowed_path(p, input, tool_dir)) << "opened " << p;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n;
  bool up = true;
  for (char ch : info.param) {
    if (std::isalnum(static_cast<unsigned char>(ch)) == 0) {
      up = true;
      continue;
    }
    n += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch))) : ch;
    up = false;
  }
  return n;
}

INSTANTIATE_TEST_SUITE_P(Cases, HostileCase, ::testing::ValuesIn(case_names()), test_name);

}  // namespace
