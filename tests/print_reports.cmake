# SPDX-License-Identifier: MIT
# Run by ctest after the tests (CTEST_CUSTOM_POST_TEST, see tests/CMakeLists.txt): prints the
# one-line reports that tests left in DIR (the feedparser conformance pass rate), so that a
# plain `ctest` run shows them under its summary.
#   cmake -DDIR=<build>/Testing/reports -P print_reports.cmake
file(GLOB reports "${DIR}/*.txt")
list(SORT reports)
foreach(report IN LISTS reports)
  file(READ "${report}" text)
  string(STRIP "${text}" text)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E echo "${text}")
endforeach()
