# SPDX-License-Identifier: MIT
# Builds and runs examples/consumer against pressroom in one of four ways (cmake -P script):
#   MODE=find_package   install BUILD_DIR into a staging prefix, find_package() it; also
#                       README's feed example, validated by the installed tool
#   MODE=pkg_config     install BUILD_DIR into a staging prefix, compile with pkg-config flags
#   MODE=subdirectory   add_subdirectory() of SOURCE_DIR, checking that no test target leaks
#                       (compiles only the consumer's source unless FULL)
#   MODE=side_by_side   install OTHER_BUILD_DIR and BUILD_DIR (one shared, one static) into one
#                       prefix; find_package() picks shared, PRESSROOM_USE_STATIC_LIBS static
# Inputs (-D): MODE SOURCE_DIR BUILD_DIR WORK_DIR CXX KIND [OTHER_BUILD_DIR SANITIZE LAUNCHER
# CONFIG FULL].
cmake_minimum_required(VERSION 3.25)

foreach(var MODE SOURCE_DIR BUILD_DIR WORK_DIR CXX KIND)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "consumer_test.cmake: -D${var}= is required")
  endif()
endforeach()

set(consumer_src "${SOURCE_DIR}/examples/consumer")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# Flags for the consumer: a sanitized pressroom needs a sanitized program to load it.
set(extra_flags "")
if(SANITIZE)
  set(extra_flags "-fsanitize=${SANITIZE}")
endif()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(run_output "${out}${err}" PARENT_SCOPE)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}\n${err}")
  endif()
endfunction()

function(install_into build prefix)
  set(args "")
  if(CONFIG)
    set(args --config "${CONFIG}")
  endif()
  run("${CMAKE_COMMAND}" --install "${build}" --prefix "${prefix}" ${args})
  foreach(f "include/pressroom/pressroom.hpp" "include/pressroom/export.hpp"
      "include/pressroom/config.hpp")
    if(NOT EXISTS "${prefix}/${f}")
      message(FATAL_ERROR "install of ${build} lacks ${f}")
    endif()
  endforeach()
  file(GLOB_RECURSE configs "${prefix}/*/pressroomConfig.cmake")
  file(GLOB_RECURSE versions "${prefix}/*/pressroomConfigVersion.cmake")
  file(GLOB_RECURSE pcs "${prefix}/*/pkgconfig/pressroom.pc")
  if(NOT configs OR NOT versions OR NOT pcs)
    message(FATAL_ERROR "install of ${build} lacks pressroomConfig, its version file or pressroom.pc")
  endif()
endfunction()

# Configures and builds the consumer; extra arguments go to the configure step.
function(build_consumer dir)
  set(args -S "${consumer_src}" -B "${dir}" "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DCMAKE_CXX_FLAGS=${extra_flags}" "-DCMAKE_EXE_LINKER_FLAGS=${extra_flags}")
  if(LAUNCHER)
    list(APPEND args "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
  endif()
  run("${CMAKE_COMMAND}" ${args} ${ARGN})
  set(configure_output "${run_output}" PARENT_SCOPE)
  include(ProcessorCount)
  ProcessorCount(jobs)
  if(jobs EQUAL 0)
    set(jobs 2)
  endif()
  run("${CMAKE_COMMAND}" --build "${dir}" -j ${jobs})
endfunction()

# Runs the consumer and checks that it wrote the Document as JSON.
function(check_consumer exe)
  run("${exe}")
  if(NOT run_output MATCHES "\"headline\": *\"pressroom links\"" OR
     NOT run_output MATCHES "\"id\": *\"art:consumer\"")
    message(FATAL_ERROR "unexpected output of ${exe}:\n${run_output}")
  endif()
endfunction()

# Runs README's first example, the consumer's `feed`: an RSS feed of two press releases that
# the installed tool, when there is one, must validate as RSS without a warning.
function(check_feed exe prefix)
  execute_process(COMMAND "${exe}" RESULT_VARIABLE rc OUTPUT_FILE "${WORK_DIR}/feed.rss"
    ERROR_VARIABLE err)
  file(READ "${WORK_DIR}/feed.rss" feed)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "" OR NOT feed MATCHES "<rss[^>]*version=\"2.0\"" OR
     NOT feed MATCHES "inspection report" OR NOT feed MATCHES "helpline")
    message(FATAL_ERROR "README's feed example failed (${rc}):\n${err}\n${feed}")
  endif()
  if(EXISTS "${prefix}/bin/pressroom")
    run("${prefix}/bin/pressroom" validate --strict --as rss "${WORK_DIR}/feed.rss")
    if(NOT run_output MATCHES "feed.rss: ok")
      message(FATAL_ERROR "the installed pressroom does not validate the feed:\n${run_output}")
    endif()
  endif()
endfunction()

if(MODE STREQUAL "find_package")
  set(prefix "${WORK_DIR}/prefix")
  install_into("${BUILD_DIR}" "${prefix}")
  build_consumer("${WORK_DIR}/consumer" "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
  if(NOT configure_output MATCHES "pressroom library kind: ${KIND}")
    message(FATAL_ERROR "find_package did not pick the ${KIND} library:\n${configure_output}")
  endif()
  check_consumer("${WORK_DIR}/consumer/consumer")
  check_feed("${WORK_DIR}/consumer/feed" "${prefix}")

elseif(MODE STREQUAL "pkg_config")
  find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
  set(prefix "${WORK_DIR}/prefix")
  install_into("${BUILD_DIR}" "${prefix}")
  file(GLOB_RECURSE pc "${prefix}/*/pkgconfig/pressroom.pc")
  get_filename_component(pcdir "${pc}" DIRECTORY)
  set(ENV{PKG_CONFIG_PATH} "${pcdir}")
  set(static_flag "")
  if(KIND STREQUAL "static")
    set(static_flag --static)
  endif()
  run("${PKG_CONFIG}" --cflags --libs ${static_flag} pressroom)
  string(STRIP "${run_output}" flags)
  separate_arguments(flags UNIX_COMMAND "${flags}")
  if(NOT "-I${prefix}/include" IN_LIST flags AND NOT flags MATCHES "-I[^;]*/include")
    message(FATAL_ERROR "pkg-config gave no include directory: ${flags}")
  endif()
  run("${PKG_CONFIG}" --variable=libdir pressroom)
  string(STRIP "${run_output}" libdir)
  separate_arguments(sanitize_flags UNIX_COMMAND "${extra_flags}")
  run("${CXX}" -std=c++17 ${sanitize_flags} "${consumer_src}/main.cpp" -o "${WORK_DIR}/consumer"
    ${flags} "-Wl,-rpath,${libdir}")
  check_consumer("${WORK_DIR}/consumer")

elseif(MODE STREQUAL "subdirectory")
  # Configure, check that nothing leaks, and compile the consumer's source with the usage
  # requirements of pressroom::pressroom (include paths, generated headers, definitions).
  # Building all of pressroom again takes minutes on a small machine, so the link and run
  # happen only with FULL (CI's sanitizer build), then without a build type: unoptimised,
  # the fastest to compile.
  set(dir "${WORK_DIR}/consumer")
  set(args -G "Unix Makefiles" -S "${consumer_src}" -B "${dir}" "-DCMAKE_CXX_COMPILER=${CXX}"
    "-DPRESSROOM_SOURCE_DIR=${SOURCE_DIR}")
  if(LAUNCHER)
    list(APPEND args "-DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER}")
  endif()
  run("${CMAKE_COMMAND}" ${args})
  file(GLOB_RECURSE ctest_files "${dir}/*/CTestTestfile.cmake")
  if(ctest_files)
    message(FATAL_ERROR "pressroom as a subproject added tests: ${ctest_files}")
  endif()
  run("${CMAKE_COMMAND}" --build "${dir}" --target help)
  string(REGEX MATCHALL "\\.\\.\\. [A-Za-z0-9_.-]+" targets "${run_output}")
  foreach(t IN LISTS targets)
    string(REPLACE "... " "" t "${t}")
    if(t MATCHES "test|gtest|gmock|bench|fuzz|example|pressroom_cli|^install$")
      message(FATAL_ERROR "pressroom as a subproject leaked target '${t}'")
    endif()
  endforeach()
  if(FULL)
    include(ProcessorCount)
    ProcessorCount(jobs)
    run("${CMAKE_COMMAND}" --build "${dir}" --target consumer -j ${jobs})
    check_consumer("${dir}/consumer")
  else()
    run("${CMAKE_COMMAND}" --build "${dir}" --target main.cpp.o)
  endif()

elseif(MODE STREQUAL "side_by_side")
  if(NOT OTHER_BUILD_DIR)
    message(FATAL_ERROR "side_by_side needs -DOTHER_BUILD_DIR=")
  endif()
  set(prefix "${WORK_DIR}/prefix")
  install_into("${OTHER_BUILD_DIR}" "${prefix}")
  install_into("${BUILD_DIR}" "${prefix}")
  foreach(k shared static)
    file(GLOB_RECURSE f "${prefix}/*/pressroom-${k}-targets.cmake")
    if(NOT f)
      message(FATAL_ERROR "no ${k} targets in ${prefix}: both builds must differ in kind")
    endif()
  endforeach()
  build_consumer("${WORK_DIR}/consumer-shared" "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
  if(NOT configure_output MATCHES "pressroom library kind: shared")
    message(FATAL_ERROR "the shared library was not preferred:\n${configure_output}")
  endif()
  check_consumer("${WORK_DIR}/consumer-shared/consumer")
  build_consumer("${WORK_DIR}/consumer-static" "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON -DPRESSROOM_USE_STATIC_LIBS=ON)
  if(NOT configure_output MATCHES "pressroom library kind: static")
    message(FATAL_ERROR "PRESSROOM_USE_STATIC_LIBS did not select the archive:\n${configure_output}")
  endif()
  check_consumer("${WORK_DIR}/consumer-static/consumer")

else()
  message(FATAL_ERROR "unknown MODE '${MODE}'")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
message(STATUS "consumer via ${MODE}: ok")
