// SPDX-License-Identifier: MIT
// The formats built into the core library, one line each.
#include "pressroom/registry.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

Registry Registry::with_builtin_formats() {
  Registry r;
  return r;
}

PRESSROOM_ABI_END
}  // namespace pressroom
