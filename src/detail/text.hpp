// SPDX-License-Identifier: MIT
// Text helpers shared by every module: positions, UTF-8 checks and repair, XML 1.0 character
// rules, quoting values for messages, slugs, number formatting, and the collector of warnings
// that implements lenient and strict modes.
#ifndef PRESSROOM_DETAIL_TEXT_HPP
#define PRESSROOM_DETAIL_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/error.hpp"
#include "pressroom/options.hpp"

namespace pressroom::detail {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct Position {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, bytes
};

// Line and column of byte `offset` in `input` (offset clamped to the input's size). Linear:
// call it on the error path only.
Position locate(std::string_view input, std::size_t offset);

// An Error with its position computed from `offset` in `input` (npos = unknown position).
Error make_error(ErrorCode code, std::string_view format, std::string message,
                 std::string_view input = {}, std::size_t offset = npos, std::string path = {});

// Decodes one UTF-8 sequence at s[i]; returns its length (1..4) and sets `cp`, or returns 0
// for an invalid, overlong, surrogate or truncated sequence.
std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t& cp) noexcept;
// Appends the UTF-8 encoding of `cp` (which must be a scalar value).
void append_utf8(std::string& out, std::uint32_t cp);
// Offset of the first invalid UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view s) noexcept;
// Replaces each maximal invalid subsequence by U+FFFD; returns the number of replacements.
std::size_t repair_utf8(std::string& s);

// Whether `cp` may appear in an XML 1.0 document (production [2] Char).
// U+0080..U+009F (C1 controls). Writers escape them (&#x85; or \u0085) so that their bytes
// never look like Windows-1252 text misread as Latin-1, which feed readers repair (and
// pressroom's feed readers do).
constexpr bool is_c1_control(std::uint32_t cp) noexcept { return cp >= 0x80 && cp <= 0x9F; }
// Appends the XML character reference of `cp` ("&#x85;").
inline void append_char_reference(std::string& out, std::uint32_t cp) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out += "&#x";
  if (cp >= 0x10) out += hex[(cp >> 4) & 0xF];
  out += hex[cp & 0xF];
  out += ';';
}

constexpr bool is_xml_char(std::uint32_t cp) noexcept {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}
// Offset of the first character XML 1.0 forbids in valid UTF-8 `s` (invalid UTF-8 counts as
// forbidden), or npos.
std::size_t find_xml_forbidden(std::string_view s) noexcept;
// Removes the characters XML 1.0 forbids (and invalid UTF-8); returns how many were removed.
std::size_t strip_xml_forbidden(std::string& s);

// Memory a pugixml tree of the XML text `s` takes (nodes and attributes, not the text they
// point into), estimated by one scan before the parse builds it: per element an element node
// and a text node, per attribute its struct, per CDATA section a node. Comments, processing
// instructions and the DOCTYPE make no node.
std::uint64_t xml_tree_bytes(std::string_view s) noexcept;

// A value quoted for a message: '...' around it, cut to 40 bytes (on a UTF-8 boundary) with
// "..." when longer, control characters shown as \xNN.
std::string quote(std::string_view value);

// Lower-case ASCII slug with hyphens: "Modern Slavery Act 2015" -> "modern-slavery-act-2015".
// Latin letters with diacritics lose them; other characters separate words.
std::string slugify(std::string_view text);

// Shortest decimal form that reads back to the same double ("2000", "0.1", "1e+300").
std::string format_double(double value);

// ASCII-only case-insensitive comparison.
bool iequals(std::string_view a, std::string_view b) noexcept;
// Removes ASCII whitespace at both ends.
std::string_view trim(std::string_view s) noexcept;

// The error of a public entry point that ran out of memory (std::bad_alloc, or a
// std::length_error from a container asked for more than it can hold): limit_exceeded,
// "out of memory while <doing>".
Error out_of_memory(std::string_view format, std::string_view doing);

// Runs `body` (which returns a Result) and turns an allocation failure into out_of_memory():
// every public function that returns a Result runs its work through it, so that no input
// ends the process with std::bad_alloc.
template <class Body>
auto guard_memory(std::string_view format, std::string_view doing, Body&& body)
    -> decltype(body()) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
  } catch (const std::length_error&) {
  }
  // Outside the handlers: what the failed work held is released by now.
  return out_of_memory(format, doing);
}

// Collects warnings for a reader and applies its mode: in lenient mode `warn()` records the
// warning and returns true (go on, repaired); in strict mode it turns the first one into the
// error and returns false (stop). Limits always fail: `fail()` records the error.
class Diagnostics {
 public:
  Diagnostics(const ReadOptions& options, std::string_view format, std::string_view input)
      : options_(options), format_(format), input_(input) {
    allow_memory(input.size());
  }

  [[nodiscard]] bool warn(ErrorCode code, std::string message, std::size_t offset = npos,
                          std::string path = {});
  void fail(ErrorCode code, std::string message, std::size_t offset = npos, std::string path = {});

  [[nodiscard]] bool failed() const noexcept { return failed_; }
  [[nodiscard]] const Error& error() const noexcept { return error_; }
  [[nodiscard]] std::vector<Error>& warnings() noexcept { return warnings_; }
  [[nodiscard]] const ReadOptions& options() const noexcept { return options_; }
  [[nodiscard]] bool strict() const noexcept { return options_.mode == Mode::strict; }
  [[nodiscard]] std::string_view format() const noexcept { return format_; }
  [[nodiscard]] std::string_view input() const noexcept { return input_; }
  // Line numbers in diagnostics are shifted by this (streaming readers parse line by line).
  void set_base(std::string_view input, std::size_t line_base, std::size_t offset_base) {
    input_ = input;
    line_base_ = line_base;
    offset_base_ = offset_base;
    memo_ = Memo{};
    lines_.clear();
    indexed_ = false;
  }
  // Indexes the lines of the input, so that positions stay right once its bytes change (an
  // in-place XML parse writes into them). False, with no index, when the index would be large
  // (more than one line per 32 bytes on average, or an input of 4 GiB or more): the input must
  // then stay as it is.
  [[nodiscard]] bool index_lines();

  // The memory budget of a read (Limits::max_memory_ratio and max_memory_base_bytes): what
  // it builds for an input of `input_bytes` bytes; starts the count of bytes charged anew.
  // The constructor allows for its input; readers that see their input a piece at a time
  // call it again (a streaming reader, for each record it hands on).
  void allow_memory(std::uint64_t input_bytes) noexcept;
  // Counts `bytes` of memory about to be built; past the budget fails with limit_exceeded
  // (at `offset`, `path`) and returns false.
  [[nodiscard]] bool charge(std::uint64_t bytes, std::size_t offset = npos, std::string path = {});
  // Bytes charged since the last allow_memory().
  [[nodiscard]] std::uint64_t charged() const noexcept { return charged_; }

  // Warnings kept at most; past it one warning says so and the others are dropped (a hostile
  // input could otherwise make memory grow with a warning per element).
  static constexpr std::size_t max_warnings = 10000;

 private:
  Error make(ErrorCode code, std::string message, std::size_t offset, std::string path);
  // Line and column of `offset`, counting on from the last position asked for when it is not
  // further on: warnings come in input order, so locating them all stays linear.
  Position locate(std::size_t offset);
  struct Memo {
    std::size_t offset = 0;
    std::size_t line = 1;
    std::size_t line_start = 0;
  };
  const ReadOptions& options_;
  std::string_view format_;
  std::string_view input_;
  std::size_t line_base_ = 0;
  std::size_t offset_base_ = 0;
  Memo memo_;
  std::vector<std::uint32_t> lines_;  // offsets of the input's line feeds, when indexed_
  bool indexed_ = false;
  bool failed_ = false;
  std::uint64_t memory_input_ = 0;  // input bytes the budget allows for
  std::uint64_t memory_allowed_ = 0;
  std::uint64_t charged_ = 0;
  Error error_;
  std::vector<Error> warnings_;
};

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_TEXT_HPP
