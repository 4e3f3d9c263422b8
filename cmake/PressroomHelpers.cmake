# SPDX-License-Identifier: MIT
# pressroom_target_defaults(<target>): the project's warnings (and sanitizers) on its own
# targets only, never on a parent project's.
function(pressroom_target_defaults target)
  target_compile_options(${target} PRIVATE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wold-style-cast
      -Wnon-virtual-dtor -Woverloaded-virtual>
    $<$<AND:$<BOOL:${PRESSROOM_WERROR}>,$<CXX_COMPILER_ID:GNU,Clang>>:-Werror>)
  if(PRESSROOM_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${PRESSROOM_SANITIZE}
      -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${PRESSROOM_SANITIZE})
  endif()
  if(PRESSROOM_FUZZ_ENGINE STREQUAL "libfuzzer")  # coverage for libFuzzer, without its main
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()
