// SPDX-License-Identifier: MIT
// Helpers shared by the test suites.
#ifndef PRESSROOM_TESTS_SUPPORT_TEST_SUPPORT_HPP
#define PRESSROOM_TESTS_SUPPORT_TEST_SUPPORT_HPP

#include <string>

namespace pressroom::test {

// Reads a file whole; fails the current test (and returns "") when it cannot.
std::string slurp(const std::string& path);

// Path of a file under tests/data.
std::string data_path(const std::string& relative);

}  // namespace pressroom::test

#endif  // PRESSROOM_TESTS_SUPPORT_TEST_SUPPORT_HPP
