// SPDX-License-Identifier: MIT
// read_file and write_file_atomic.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
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

}  // namespace
