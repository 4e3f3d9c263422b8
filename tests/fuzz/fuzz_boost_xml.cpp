// SPDX-License-Identifier: MIT
// Fuzz target: the boost-xml reader, then every writer and reader on its result (fuzz_common.hpp).
#include "fuzz_common.hpp"

PRESSROOM_FUZZ_TARGET(fuzz_boost_xml, "boost-xml")
