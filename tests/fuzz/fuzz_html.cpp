// SPDX-License-Identifier: MIT
// Fuzz target: the html reader, then every writer and reader on its result (fuzz_common.hpp).
#include "fuzz_common.hpp"

PRESSROOM_FUZZ_TARGET(fuzz_html, "html")
