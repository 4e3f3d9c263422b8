// SPDX-License-Identifier: MIT
// read_file, write_file_atomic and AtomicOutput.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "pressroom/io.hpp"
#include "support/test_support.hpp"

namespace {
using namespace pressroom;
namespace fs = std::filesystem;

class FileIo : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "pressroom-io-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(FileIo, WritesAndReadsBackExactBytes) {
  const std::string data("line 1\r\nnul \0 byte\n\xC3\xA9\xFF", 23);
  const Status s = write_file_atomic(path("out.json"), data);
  ASSERT_TRUE(s) << to_string(s.error());
  const Result<std::string> r = read_file(path("out.json"));
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(*r, data);
  EXPECT_EQ(entries(), std::vector<std::string>{"out.json"}) << "a temporary file was left";
}

TEST_F(FileIo, ReplacesAnExistingFile) {
  ASSERT_TRUE(write_file_atomic(path("a.xml"), "a much longer first version\n"));
  ASSERT_TRUE(write_file_atomic(path("a.xml"), "v2"));
  EXPECT_EQ(test::slurp(path("a.xml")), "v2");
  EXPECT_EQ(entries(), std::vector<std::string>{"a.xml"});
}

TEST_F(FileIo, WritesAnEmptyFile) {
  ASSERT_TRUE(write_file_atomic(path("empty"), ""));
  const Result<std::string> r = read_file(path("empty"));
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "");
}

TEST_F(FileIo, NewFileGetsUmaskPermissionsNotMkstemps) {
  ASSERT_TRUE(write_file_atomic(path("p"), "x"));
  const fs::perms p = fs::status(path("p")).permissions();
  EXPECT_NE(p & fs::perms::owner_read, fs::perms::none);
  EXPECT_NE(p & fs::perms::owner_write, fs::perms::none);
  // mkstemp creates 0600; the writer widens to 0666 & ~umask, so others may read by default.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if ((mask & 0044) == 0) {
    EXPECT_NE(p & fs::perms::others_read, fs::perms::none);
  }
}

TEST_F(FileIo, FailsCleanlyInAMissingDirectory) {
  const std::string target = path("no/such/dir/out.json");
  const Status s = write_file_atomic(target, "data");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::io);
  EXPECT_EQ(s.error().severity, Severity::error);
  EXPECT_NE(s.error().message.find("out.json"), std::string::npos) << s.error().message;
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(entries().empty()) << "something was left in " << dir_;
}

TEST_F(FileIo, ReadOfAMissingFileIsAnIoError) {
  const Result<std::string> r = read_file(path("missing.json"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::io);
  EXPECT_NE(r.error().message.find("missing.json"), std::string::npos) << r.error().message;
}

TEST_F(FileIo, ReadOfADirectoryIsAnIoError) {
  const Result<std::string> r = read_file(dir_.string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::io);
}

TEST_F(FileIo, ReadOverTheLimitIsLimitExceeded) {
  ASSERT_TRUE(write_file_atomic(path("big"), std::string(100, 'x')));
  const Result<std::string> r = read_file(path("big"), 99);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::limit_exceeded);
  EXPECT_NE(r.error().message.find("99"), std::string::npos) << r.error().message;
  // Exactly at the limit is fine.
  const Result<std::string> ok = read_file(path("big"), 100);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->size(), 100u);
}

// --- what is not a regular file -----------------------------------------------------------

mode_t lmode(const std::string& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 ? st.st_mode : 0;
}

/// Reads a FIFO on a thread of its own while the test writes it. The read end is opened
/// before the writer comes (so that neither blocks in open), and reading stops once the
/// test says the writer is done and the FIFO is empty and closed: a writer that replaced
/// the FIFO instead of writing it leaves the reader with nothing, not hanging.
class FifoReader {
 public:
  explicit FifoReader(const std::string& path)
      : fd_(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)) {
    if (fd_ < 0) return;
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
    thread_ = std::thread([this] {
      char buf[8192];
      for (;;) {
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n > 0) {
          got_.append(buf, static_cast<std::size_t>(n));
        } else if (n == 0 && writer_done_) {
          break;  // the writer closed its end and the test saw it return
        } else if (n == 0 || errno == EINTR) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));  // no writer yet
        } else {
          break;
        }
      }
    });
  }
  ~FifoReader() { (void)done(); }
  [[nodiscard]] bool opened() const { return fd_ >= 0; }
  /// Everything read, once the writer has finished.
  std::string done() {
    writer_done_ = true;
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    return got_;
  }

 private:
  int fd_;
  std::atomic<bool> writer_done_{false};
  std::string got_;
  std::thread thread_;
};

TEST_F(FileIo, AFifoIsWrittenDirectlyAndStaysAFifo) {
  ASSERT_EQ(::mkfifo(path("out.json").c_str(), 0600), 0);
  FifoReader reader(path("out.json"));
  ASSERT_TRUE(reader.opened());
  // More than a pipe holds: the writer must stream to the reader.
  std::string data;
  for (int i = 0; data.size() < 300'000; ++i) data += "line " + std::to_string(i) + "\n";
  const Status s = write_file_atomic(path("out.json"), data);
  const std::string got = reader.done();
  ASSERT_TRUE(s) << to_string(s.error());
  EXPECT_TRUE(S_ISFIFO(lmode(path("out.json")))) << "the FIFO was replaced";
  EXPECT_EQ(got.size(), data.size());
  EXPECT_TRUE(got == data);
  EXPECT_EQ(entries(), std::vector<std::string>{"out.json"}) << "a temporary file was left";
}

TEST_F(FileIo, ASymlinkIsFollowedAndKept) {
  fs::create_directory(dir_ / "real");
  ASSERT_TRUE(write_file_atomic(path("real/target.json"), "OLD\n"));
  ASSERT_EQ(::chmod(path("real/target.json").c_str(), 0640), 0);
  fs::create_symlink("real/target.json", dir_ / "link.json");
  const Status s = write_file_atomic(path("link.json"), "new");
  ASSERT_TRUE(s) << to_string(s.error());
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json")) << "the link was replaced";
  EXPECT_EQ(fs::read_symlink(dir_ / "link.json"), fs::path("real/target.json"));
  EXPECT_EQ(test::slurp(path("real/target.json")), "new");
  // The replaced file's permission bits are kept.
  EXPECT_EQ(fs::status(path("real/target.json")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  // The temporary was made beside the target, and is gone.
  EXPECT_EQ(entries(), (std::vector<std::string>{"link.json", "real"}));
  std::vector<std::string> real;
  for (const auto& e : fs::directory_iterator(dir_ / "real"))
    real.push_back(e.path().filename().string());
  EXPECT_EQ(real, std::vector<std::string>{"target.json"});
  // A chain of links ending at nothing yet creates the file and keeps the links; an
  // absolute link is followed too.
  fs::create_symlink("real/new.json", dir_ / "dangling.json");
  fs::create_symlink("dangling.json", dir_ / "chain.json");
  fs::create_symlink(dir_ / "chain.json", dir_ / "absolute.json");
  ASSERT_TRUE(write_file_atomic(path("absolute.json"), "created"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "absolute.json"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "chain.json"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling.json"));
  EXPECT_EQ(test::slurp(path("real/new.json")), "created");
  // A loop is an error, and leaves the links alone.
  fs::create_symlink("loop-b", dir_ / "loop-a");
  fs::create_symlink("loop-a", dir_ / "loop-b");
  const Status loop = write_file_atomic(path("loop-a"), "x");
  ASSERT_FALSE(loop);
  EXPECT_NE(loop.error().message.find("too many levels of symbolic links"), std::string::npos)
      << loop.error().message;
  EXPECT_TRUE(fs::is_symlink(dir_ / "loop-a"));
}

TEST_F(FileIo, ALinkPlantedInAStickyDirectoryIsNotFollowed) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root, to give the link to another user";
  fs::create_directory(dir_ / "tmp");
  ASSERT_EQ(::chmod(path("tmp").c_str(), 01777), 0);
  ASSERT_TRUE(write_file_atomic(path("victim"), "OLD"));
  fs::create_symlink("../victim", dir_ / "tmp" / "out");
  ASSERT_EQ(::lchown(path("tmp/out").c_str(), 4242, 4242), 0);
  const Status s = write_file_atomic(path("tmp/out"), "new");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("not following a symbolic link"), std::string::npos)
      << s.error().message;
  EXPECT_EQ(test::slurp(path("victim")), "OLD");
  EXPECT_TRUE(fs::is_symlink(dir_ / "tmp" / "out"));
  // The same link owned by the directory's owner is followed.
  ASSERT_EQ(::lchown(path("tmp/out").c_str(), 0, 0), 0);
  ASSERT_TRUE(write_file_atomic(path("tmp/out"), "new"));
  EXPECT_EQ(test::slurp(path("victim")), "new");
}

TEST_F(FileIo, ADirectoryASocketAndALinkToADirectoryAreRefused) {
  fs::create_directory(dir_ / "a-directory");
  fs::create_directory_symlink("a-directory", dir_ / "link-to-directory");
  const std::string socket_path = path("a-socket");
  const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  ASSERT_LT(socket_path.size(), sizeof addr.sun_path);
  std::strcpy(addr.sun_path, socket_path.c_str());
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  for (const auto& [name, why] :
       std::vector<std::pair<std::string, std::string>>{{"a-directory", "is a directory"},
                                                        {"link-to-directory", "is a directory"},
                                                        {"a-socket", "is a socket"}}) {
    const Status s = write_file_atomic(path(name), "data");
    ASSERT_FALSE(s) << name;
    EXPECT_EQ(s.error().code, ErrorCode::io);
    EXPECT_EQ(s.error().message, "'" + path(name) + "': " + why +
                                     "; an output must be a regular file, a character device "
                                     "or a FIFO");
  }
  EXPECT_TRUE(fs::is_directory(dir_ / "a-directory"));
  EXPECT_TRUE(fs::is_empty(dir_ / "a-directory"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link-to-directory"));
  EXPECT_TRUE(S_ISSOCK(lmode(socket_path))) << "the socket was replaced";
  EXPECT_EQ(entries(), (std::vector<std::string>{"a-directory", "a-socket", "link-to-directory"}));
  ::close(sock);
}

TEST_F(FileIo, ACharacterDeviceIsWrittenDirectly) {
  if (::geteuid() != 0) {
    GTEST_SKIP() << "needs root, to make a device node (a FIFO takes the same path)";
  }
  // A null device of the test's own, never the system's: code that replaced it would
  // break /dev/null for the whole machine.
  ASSERT_EQ(::mknod(path("null").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  fs::create_symlink("null", dir_ / "link-to-null");
  for (const std::string name : {"null", "link-to-null"}) {
    const Status s = write_file_atomic(path(name), "discarded");
    ASSERT_TRUE(s) << name << ": " << to_string(s.error());
    struct stat st {};
    ASSERT_EQ(::stat(path("null").c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode)) << name << ": the device was replaced";
    EXPECT_EQ(st.st_rdev, makedev(1, 3));
    EXPECT_TRUE(fs::is_symlink(dir_ / "link-to-null"));
    EXPECT_EQ(entries(), (std::vector<std::string>{"link-to-null", "null"}));
  }
}

TEST_F(FileIo, AWriteErrorOnADeviceNamesThePathAndItsCause) {
  // A full device of the test's own when running as root, who could replace the system's
  // if the writer were wrong; other users cannot create files in /dev, so for them the
  // system's /dev/full is safe.
  std::string full = "/dev/full";
  if (::geteuid() == 0) {
    full = path("full");
    ASSERT_EQ(::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
  } else if (!fs::exists(full)) {
    GTEST_SKIP() << "no /dev/full";
  }
  struct stat before {};
  ASSERT_EQ(::stat(full.c_str(), &before), 0);
  ASSERT_TRUE(S_ISCHR(before.st_mode));
  const Status s = write_file_atomic(full, "data");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::io);
  EXPECT_EQ(s.error().message,
            "'" + full + "': cannot write: " + std::string(std::strerror(ENOSPC)));
  struct stat after {};
  ASSERT_EQ(::stat(full.c_str(), &after), 0);
  EXPECT_TRUE(S_ISCHR(after.st_mode)) << "the device was replaced";
  EXPECT_EQ(after.st_rdev, before.st_rdev);
}

// --- AtomicOutput ---------------------------------------------------------------------------

TEST_F(FileIo, AtomicOutputWritesATemporaryUntilCommitted) {
  ASSERT_TRUE(write_file_atomic(path("out"), "OLD"));
  Result<AtomicOutput> out = AtomicOutput::open(path("out"));
  ASSERT_TRUE(out) << to_string(out.error());
  EXPECT_FALSE(out->direct());
  EXPECT_EQ(out->target(), path("out"));
  const std::string temporary = out->temporary();
  EXPECT_EQ(temporary.rfind(path(".out.pressroom-"), 0), 0u) << temporary;
  EXPECT_TRUE(fs::is_regular_file(temporary));
  out->stream() << "new " << 42;
  EXPECT_EQ(test::slurp(path("out")), "OLD");
  ASSERT_TRUE(out->commit());
  EXPECT_EQ(test::slurp(path("out")), "new 42");
  EXPECT_EQ(out->temporary(), "");
  EXPECT_EQ(entries(), std::vector<std::string>{"out"});
}

TEST_F(FileIo, AtomicOutputDiscardedOrDestroyedLeavesTheTargetAlone) {
  ASSERT_TRUE(write_file_atomic(path("out"), "OLD"));
  {
    Result<AtomicOutput> out = AtomicOutput::open(path("out"));
    ASSERT_TRUE(out);
    out->stream() << "partial";
    out->discard();
    EXPECT_EQ(out->temporary(), "");
    EXPECT_EQ(entries(), std::vector<std::string>{"out"});
  }
  {
    Result<AtomicOutput> out = AtomicOutput::open(path("out"));
    ASSERT_TRUE(out);
    ASSERT_TRUE(out->write(std::string(200'000, 'x')));
    AtomicOutput moved = std::move(*out);
    EXPECT_EQ(entries().size(), 2u);
  }
  EXPECT_EQ(entries(), std::vector<std::string>{"out"});
  EXPECT_EQ(test::slurp(path("out")), "OLD");
}

TEST_F(FileIo, AtomicOutputHooksSeeTheTemporaryComeAndGo) {
  std::vector<std::string> calls;
  const auto hooks = [&calls] {
    AtomicOutputHooks h;
    h.before_create = [&calls] { calls.push_back("before"); };
    h.after_create = [&calls](const std::string& t) {
      calls.push_back(t.empty() ? "failed" : fs::exists(t) ? "created" : "missing");
    };
    h.after_remove = [&calls] { calls.push_back("removed"); };
    return h;
  };
  for (const bool commit : {true, false}) {
    calls.clear();
    Result<AtomicOutput> out = AtomicOutput::open(path("out"), hooks());
    ASSERT_TRUE(out);
    EXPECT_EQ(calls, (std::vector<std::string>{"before", "created"}));
    if (commit) {
      ASSERT_TRUE(out->commit());
    } else {
      out->discard();
    }
    EXPECT_EQ(calls, (std::vector<std::string>{"before", "created", "removed"}));
  }
  calls.clear();
  EXPECT_FALSE(AtomicOutput::open(path("missing/out"), hooks()));
  EXPECT_EQ(calls, (std::vector<std::string>{"before", "failed"}));
  // A FIFO has no temporary: no hook is called.
  calls.clear();
  ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
  FifoReader reader(path("fifo"));
  {
    Result<AtomicOutput> out = AtomicOutput::open(path("fifo"), hooks());
    ASSERT_TRUE(out);
    EXPECT_TRUE(out->direct());
    EXPECT_EQ(out->temporary(), "");
    ASSERT_TRUE(out->write("through"));
    ASSERT_TRUE(out->commit());
  }
  EXPECT_EQ(reader.done(), "through");
  EXPECT_TRUE(calls.empty());
}

TEST_F(FileIo, AtomicOutputLeavesTheUmaskAlone) {
  const mode_t mask = ::umask(027);
  ASSERT_TRUE(write_file_atomic(path("p"), "x"));
  EXPECT_EQ(::umask(mask), 027);
  EXPECT_EQ(lmode(path("p")) & 0777, 0640u);
}

}  // namespace
