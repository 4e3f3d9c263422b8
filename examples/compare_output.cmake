# SPDX-License-Identifier: MIT
cmake_minimum_required(VERSION 3.25)
# Runs PROGRAM with ARGS (a ;-list) and compares its standard output with the file EXPECTED;
# anything on its standard error (a warning) fails too.
# PRESSROOM_UPDATE_GOLDEN=1 in the environment rewrites EXPECTED instead.
execute_process(COMMAND "${PROGRAM}" ${ARGS} RESULT_VARIABLE rc OUTPUT_FILE "${ACTUAL}"
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}\n${err}")
endif()
# The example data is canonical: reading or writing it must not warn.
if(NOT err STREQUAL "")
  message(FATAL_ERROR "${PROGRAM} printed diagnostics:\n${err}")
endif()
if("$ENV{PRESSROOM_UPDATE_GOLDEN}" STREQUAL "1")
  configure_file("${ACTUAL}" "${EXPECTED}" COPYONLY)
  message(STATUS "updated ${EXPECTED}")
  return()
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${EXPECTED}" "${ACTUAL}"
  RESULT_VARIABLE different)
if(different)
  file(READ "${EXPECTED}" expected)
  file(READ "${ACTUAL}" actual)
  message(FATAL_ERROR "output differs from ${EXPECTED}\n--- expected\n${expected}\n--- actual\n${actual}")
endif()
