// SPDX-License-Identifier: MIT
// A main for the fuzz targets when there is no libFuzzer (g++ builds): runs
// LLVMFuzzerTestOneInput on every file named on the command line or found in the directories
// named there (not recursive, in name order), as ctest's `fuzz` tests do with the seed corpus
// and the regressions of each target. A directory that does not exist is skipped (a target may
// have no regressions yet); the run fails when no input at all was found.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool run_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot open %s\n", path.string().c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.string().c_str(), bytes.size());
  // A copy of exactly `size` bytes, so that a sanitizer sees reads past the end.
  std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::size_t inputs = 0;
  bool ok = true;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg(argv[i]);
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(arg)) {
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.' &&
            entry.path().filename() != "README.md") {
          files.push_back(entry.path());
        }
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        ok = run_file(file) && ok;
        ++inputs;
      }
    } else if (fs::exists(arg, ec)) {
      ok = run_file(arg) && ok;
      ++inputs;
    } else {
      std::fprintf(stderr, "replay: %s does not exist: skipped\n", argv[i]);
    }
  }
  std::fprintf(stderr, "replay: %zu inputs\n", inputs);
  return ok && inputs > 0 ? 0 : 1;
}
