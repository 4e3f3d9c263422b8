// SPDX-License-Identifier: MIT
// The extractor's formats as a module the tool loads only when it needs them (the `extract`
// command, `formats`, `--from text|html`, or an input no core format claims). Linking the
// extractor into the tool itself would load libphonenumber, protobuf and ICU at every start,
// about 4 ms of the 5 ms DESIGN.md allows the tool's start-up.
#include "pressroom/extract.hpp"

/// Adds the extractor's `text` and `html` formats to `registry`. Looked up with dlsym().
extern "C" __attribute__((visibility("default"))) void pressroom_cli_add_extract_formats(
    pressroom::Registry* registry) {
  pressroom::extract::register_formats(*registry);
}
