# SPDX-License-Identifier: MIT
# Install rules (PRESSROOM_INSTALL): headers, libraries, the CLI, share/pressroom, the CMake
# package (lib/cmake/pressroom) and the pkg-config file (lib/pkgconfig/pressroom.pc).
#
# Shared and static builds install into one prefix side by side: each kind exports its
# targets to its own file, pressroom-<shared|static>-targets.cmake, and pressroomConfig.cmake
# picks one (shared unless PRESSROOM_USE_STATIC_LIBS). Included by the top-level CMakeLists
# after every target exists, so optional targets are detected with if(TARGET ...).
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

get_target_property(_pressroom_type pressroom TYPE)
if(_pressroom_type STREQUAL "SHARED_LIBRARY")
  set(PRESSROOM_LIBRARY_KIND shared)
else()
  set(PRESSROOM_LIBRARY_KIND static)
endif()
set(PRESSROOM_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/pressroom"
  CACHE STRING "Where pressroomConfig.cmake is installed, relative to the prefix")
mark_as_advanced(PRESSROOM_INSTALL_CMAKEDIR)

# Headers: the source tree's and the two generated ones (export.hpp, config.hpp).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/pressroom"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT pressroom_development
  FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_BINARY_DIR}/include/pressroom/export.hpp"
  "${PROJECT_BINARY_DIR}/include/pressroom/config.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/pressroom" COMPONENT pressroom_development)

# Libraries: the core, and the extractor when it is part of the build.
set(_pressroom_libraries pressroom)
if(TARGET pressroom_extract)
  list(APPEND _pressroom_libraries pressroom_extract)
  set_target_properties(pressroom_extract PROPERTIES EXPORT_NAME extract)
endif()
install(TARGETS ${_pressroom_libraries} EXPORT pressroom-targets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT pressroom_runtime
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT pressroom_runtime
    NAMELINK_COMPONENT pressroom_development
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT pressroom_development
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

if(TARGET pressroom_cli)
  install(TARGETS pressroom_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    COMPONENT pressroom_runtime)
  # With shared libraries, the installed tool (and the extractor module it loads from
  # <libdir>/pressroom) find them relative to themselves, wherever the prefix is.
  if(PRESSROOM_LIBRARY_KIND STREQUAL "shared" AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}"
     AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}")
    file(RELATIVE_PATH _pressroom_rel "/prefix/${CMAKE_INSTALL_BINDIR}"
      "/prefix/${CMAKE_INSTALL_LIBDIR}")
    set_property(TARGET pressroom_cli APPEND PROPERTY INSTALL_RPATH "$ORIGIN/${_pressroom_rel}")
    if(TARGET pressroom_cli_extract)
      set_property(TARGET pressroom_cli_extract APPEND PROPERTY INSTALL_RPATH "$ORIGIN/..")
    endif()
  endif()
endif()

# Data: the XML Schema of canonical XML and whatever else ships in share/pressroom.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/share/pressroom/"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/pressroom" COMPONENT pressroom_runtime)

# CMake package. A static library's private dependencies become link dependencies of its
# users, so only the static kind needs find_dependency() in the config.
install(EXPORT pressroom-targets NAMESPACE pressroom::
  FILE "pressroom-${PRESSROOM_LIBRARY_KIND}-targets.cmake"
  DESTINATION "${PRESSROOM_INSTALL_CMAKEDIR}" COMPONENT pressroom_development)

# find_dependency() lines for the extractor's private dependencies (static kind only). The
# extractor's CMakeLists may set the global property PRESSROOM_EXTRACT_DEPENDENCIES to the
# exact lines; otherwise they are derived from the imported targets it links.
set(PRESSROOM_EXTRACT_DEPENDENCIES "")
if(TARGET pressroom_extract)
  get_property(_pressroom_extract_deps GLOBAL PROPERTY PRESSROOM_EXTRACT_DEPENDENCIES)
  if(_pressroom_extract_deps)
    string(REPLACE ";" "\n" PRESSROOM_EXTRACT_DEPENDENCIES "${_pressroom_extract_deps}")
  else()
    get_target_property(_pressroom_extract_links pressroom_extract LINK_LIBRARIES)
    if("LibXml2::LibXml2" IN_LIST _pressroom_extract_links)
      string(APPEND PRESSROOM_EXTRACT_DEPENDENCIES "      find_dependency(LibXml2)\n")
    endif()
    if("re2::re2" IN_LIST _pressroom_extract_links)
      string(APPEND PRESSROOM_EXTRACT_DEPENDENCIES "      find_dependency(re2)\n")
    endif()
    # An imported target of pkg_check_modules(<PREFIX> IMPORTED_TARGET <module>): recreate
    # it the same way; the module name is the prefix's last word in lower case (RE2 -> re2).
    foreach(_link IN LISTS _pressroom_extract_links)
      if(_link MATCHES "^PkgConfig::(.+)$")
        set(_prefix "${CMAKE_MATCH_1}")
        string(REGEX REPLACE "^.*_" "" _module "${_prefix}")
        string(TOLOWER "${_module}" _module)
        string(APPEND PRESSROOM_EXTRACT_DEPENDENCIES "      find_dependency(PkgConfig)\n"
          "      pkg_check_modules(${_prefix} REQUIRED QUIET IMPORTED_TARGET ${_module})\n")
      endif()
    endforeach()
  endif()
endif()

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/pressroomConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cmake/pressroomConfig.cmake"
  INSTALL_DESTINATION "${PRESSROOM_INSTALL_CMAKEDIR}")
# 0.x: a minor release may break the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/cmake/pressroomConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/cmake/pressroomConfig.cmake"
  "${PROJECT_BINARY_DIR}/cmake/pressroomConfigVersion.cmake"
  DESTINATION "${PRESSROOM_INSTALL_CMAKEDIR}" COMPONENT pressroom_development)

# pkg-config. One file serves both kinds: `-lpressroom` finds the shared library when it is
# installed, the archive otherwise; `pkg-config --static` adds what the archive needs.
# PRESSROOM_STATIC_DEFINE is not needed in Cflags: with GCC and Clang on ELF the export
# macros only set default visibility, which is harmless in users of the archive.
# The prefix is found from the .pc file's own place (pkg-config's ${pcfiledir}), so a tree
# installed with `cmake --install build --prefix DIR` or moved elsewhere still works.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(PRESSROOM_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _pressroom_pc_up "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
  string(REGEX REPLACE "/$" "" _pressroom_pc_up "${_pressroom_pc_up}")
  set(PRESSROOM_PC_PREFIX "\${pcfiledir}/${_pressroom_pc_up}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(PRESSROOM_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
else()
  set(PRESSROOM_PC_LIBDIR "\${exec_prefix}/${CMAKE_INSTALL_LIBDIR}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(PRESSROOM_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(PRESSROOM_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/pressroom.pc.in"
  "${PROJECT_BINARY_DIR}/pkgconfig/pressroom.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/pkgconfig/pressroom.pc"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT pressroom_development)
if(TARGET pressroom_extract)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/pressroom-extract.pc.in"
    "${PROJECT_BINARY_DIR}/pkgconfig/pressroom-extract.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/pkgconfig/pressroom-extract.pc"
    DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT pressroom_development)
endif()
