// SPDX-License-Identifier: MIT
// Helpers shared by the test suites.
#ifndef PRESSROOM_TESTS_SUPPORT_TEST_SUPPORT_HPP
#define PRESSROOM_TESTS_SUPPORT_TEST_SUPPORT_HPP

#include <cstddef>
#include <string>

namespace pressroom::test {

// Reads a file whole; fails the current test (and returns "") when it cannot.
std::string slurp(const std::string& path);

// Path of a file under tests/data.
std::string data_path(const std::string& relative);

// The lines that differ between two texts, as "- expected" / "+ actual" lines (a longest common
// subsequence diff without context), each on its own line indented by four spaces; at most
// `max_lines` lines, then a count of the rest. Empty when the texts have the same lines.
std::string line_diff(const std::string& expected, const std::string& actual,
                      std::size_t max_lines = 40);

}  // namespace pressroom::test

#endif  // PRESSROOM_TESTS_SUPPORT_TEST_SUPPORT_HPP
