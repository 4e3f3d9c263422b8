// SPDX-License-Identifier: MIT
/// @file
/// The one error type of pressroom, used for errors and warnings alike, and the exception that
/// `Result::value()` throws on failure.
#ifndef PRESSROOM_ERROR_HPP
#define PRESSROOM_ERROR_HPP

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pressroom/config.hpp"
#include "pressroom/export.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// What went wrong, in categories a program can act on.
enum class ErrorCode {
  syntax,           ///< the input is not well-formed in its format
  not_this_format,  ///< the input is some other format
  missing_field,    ///< a required field is absent
  invalid_value,    ///< a value is present but wrong (a bad date, an unknown enum name)
  unsupported,      ///< valid input using something pressroom does not handle
  limit_exceeded,   ///< a ReadOptions limit was hit (size, depth, records, string length)
  io                ///< a file could not be read or written
};

/// Whether a diagnostic stopped the operation.
enum class Severity { warning, error };

/// A diagnostic: where in the input (or in the model) and what.
///
/// Positions are 1-based lines and columns in bytes of the UTF-8 input; 0 means unknown.
struct Error {
  /// what kind of problem
  ErrorCode code = ErrorCode::syntax;
  /// whether it stopped the operation
  Severity severity = Severity::error;
  std::string format = {};   ///< module that noticed: "rss", "json", "model"...
  std::size_t line = 0;      ///< 1-based; 0 = position unknown
  std::size_t column = 0;    ///< 1-based, in bytes of the UTF-8 input
  std::size_t offset = 0;    ///< bytes from the start of the input
  std::string path = {};     ///< model location, e.g. "articles[3].date_published"
  std::string message = {};  ///< lower case, no final period, no position
  /// Field-wise equality.
  friend bool operator==(const Error& a, const Error& b) {
    return a.code == b.code && a.severity == b.severity && a.format == b.format &&
           a.line == b.line && a.column == b.column && a.offset == b.offset && a.path == b.path &&
           a.message == b.message;
  }
  /// Field-wise inequality.
  friend bool operator!=(const Error& a, const Error& b) { return !(a == b); }
};

/// The name of a code as diagnostics print it: "syntax", "limit_exceeded"...
[[nodiscard]] PRESSROOM_EXPORT std::string_view to_string(ErrorCode code) noexcept;
/// "warning" or "error".
[[nodiscard]] PRESSROOM_EXPORT std::string_view to_string(Severity severity) noexcept;

/// `text` safe to print on one line of a terminal: control characters (C0, DEL and the C1
/// controls U+0080..U+009F) and bytes that are not UTF-8 are escaped, as `\n`, `\r`, `\t`,
/// `\x1b` (C0, DEL and invalid bytes) and `\u0085` (C1); everything else is kept as it is.
/// A name or value quoted from the input can then neither start a line of its own nor send
/// the terminal a command.
[[nodiscard]] PRESSROOM_EXPORT std::string printable(std::string_view text);

/// Formats a diagnostic as `LINE:COL: SEVERITY: MESSAGE (at PATH) [FORMAT/CODE]`; the position
/// is left out when unknown. Prefix a file name to get the CLI's `FILE:LINE:COL: ...` form.
/// The message, path and format go through printable(), so the result is one line.
[[nodiscard]] PRESSROOM_EXPORT std::string to_string(const Error& error);

/// Thrown by `Result::value()` when the result holds an error.
class PRESSROOM_EXPORT Exception : public std::runtime_error {
 public:
  /// Wraps `error`; `what()` is `to_string(error)`.
  explicit Exception(Error error);
  /// The diagnostic.
  [[nodiscard]] const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_ERROR_HPP
