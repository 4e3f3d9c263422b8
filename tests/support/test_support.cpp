// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

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

}  // namespace pressroom::test
