// SPDX-License-Identifier: MIT
/// @file
/// Options shared by every reader and writer. Format-specific knobs live in structs deriving
/// from these (`rss::WriteOptions : pressroom::WriteOptions`).
#ifndef PRESSROOM_OPTIONS_HPP
#define PRESSROOM_OPTIONS_HPP

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "pressroom/config.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// How readers treat input that breaks its format's rules.
enum class Mode {
  lenient,  ///< repair what can be repaired, report each repair as a warning (the default)
  strict    ///< the first issue that would be a warning is the error
};

/// Bounds every reader enforces, in both modes; exceeding one fails with
/// `ErrorCode::limit_exceeded`. The defaults accept any real archive and refuse bombs.
struct Limits {
  std::uint64_t max_input_bytes = std::uint64_t{4} << 30;  ///< whole input (4 GiB)
  std::size_t max_depth = 256;               ///< nesting of JSON values or XML elements
  std::size_t max_records = 10'000'000;      ///< records of all kinds in one input
  std::size_t max_string_bytes = 16u << 20;  ///< one string value or text node (16 MiB)
  /// Memory a read may build, per byte of input: the records it makes (`sizeof` each, and of
  /// each value inside them) and the trees some readers parse into (XML elements, JSON Feed
  /// values) are counted against `max_memory_ratio * input bytes + max_memory_base_bytes`.
  /// A record takes a few KiB before its strings (an `Article` about 2.9 KiB), so the default
  /// accepts records of 45 input bytes or more on average (real feeds and archives have
  /// hundreds), while an input of empty records (3 bytes of `{}` make an `Article`) is refused
  /// instead of exhausting memory.
  std::size_t max_memory_ratio = 64;
  /// Memory any input may build, whatever its size (see `max_memory_ratio`): 16 MiB.
  std::uint64_t max_memory_base_bytes = std::uint64_t{16} << 20;
};

/// Options of every reader.
struct ReadOptions {
  /// lenient (repair and warn, the default) or strict
  Mode mode = Mode::lenient;
  /// size bounds, enforced in both modes
  Limits limits = {};
  /// Base URL against which relative links are resolved (after `xml:base`); empty = none.
  std::string base_url = {};
  /// Keep HTML fields (`body_html`) as the input gave them instead of sanitising them; URL
  /// fields are still filtered. Unsafe to display. `trusted` implies it.
  bool keep_raw_html = false;
  /// The caller trusts the input: nothing is sanitised or filtered (neither HTML nor URL
  /// fields), and items pressroom's feed writers marked as their own are read exactly as
  /// written. False (the default) makes every reader pass what it read through
  /// `pressroom::sanitize` (pressroom/sanitize.hpp), whatever the input says about itself.
  bool trusted = false;
  /// Called now and then with the number of input bytes consumed so far (streaming readers).
  std::function<void(std::uint64_t bytes_read)> on_progress = {};
};

/// Options of every writer.
struct WriteOptions {
  /// Indent nested structures (JSON, XML) for reading by people; false writes compact output.
  bool pretty = true;
  /// Spaces per nesting level when `pretty`.
  int indent = 2;
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_OPTIONS_HPP
