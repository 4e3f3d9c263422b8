// SPDX-License-Identifier: MIT
// Fuzz target: the boost-text reader, then every writer and reader on its result (fuzz_common.hpp).
#include "fuzz_common.hpp"

PRESSROOM_FUZZ_TARGET(fuzz_boost_text, "boost-text")
