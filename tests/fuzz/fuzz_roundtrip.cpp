// SPDX-License-Identifier: MIT
// Fuzz target: a Document read from canonical JSON, written to and read back from every format
// that reads and writes (fuzz_common.hpp, run_round_trip).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pressroom::fuzz::run_round_trip("fuzz_roundtrip",
                                  std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
