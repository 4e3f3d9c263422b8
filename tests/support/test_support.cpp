// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <vector>

namespace pressroom::test {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot open " << path;
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string data_path(const std::string& relative) {
  return std::string(PRESSROOM_TEST_DATA_DIR) + "/" + relative;
}

std::string line_diff(const std::string& expected, const std::string& actual,
                      std::size_t max_lines) {
  const auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  const std::vector<std::string> a = split(expected);
  const std::vector<std::string> b = split(actual);
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  std::size_t shown = 0;
  const auto emit = [&](char sign, const std::string& line) {
    if (++shown <= max_lines) out += std::string("\n    ") + sign + " " + line;
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ++i;
      ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      emit('-', a[i++]);
    } else {
      emit('+', b[j++]);
    }
  }
  if (shown > max_lines) out += "\n    ... " + std::to_string(shown - max_lines) + " more lines";
  return out;
}

}  // namespace pressroom::test
