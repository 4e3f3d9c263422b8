// SPDX-License-Identifier: MIT
/// @file
/// `Result<T>`: a value or an `Error`, plus the warnings collected either way. Its API is a
/// subset of C++23's `std::expected`. `Status` is `Result<void>`.
#ifndef PRESSROOM_RESULT_HPP
#define PRESSROOM_RESULT_HPP

#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "pressroom/error.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// The outcome of reading, writing or converting: a `T` or an `Error`, and warnings.
///
/// A lenient read returns a value together with the repairs it made as warnings; a non-empty
/// `warnings()` is feedparser's "bozo" flag. `value()` on an error throws `pressroom::Exception`.
template <class T>
class Result {
 public:
  /// A successful result.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  /// A failed result; `error.severity` is set to `Severity::error`.
  Result(Error error) : error_(std::move(error)) {  // NOLINT(google-explicit-constructor)
    error_.severity = Severity::error;
  }

  /// True when a value is held.
  [[nodiscard]] bool has_value() const noexcept { return value_.has_value(); }
  /// Same as `has_value()`.
  explicit operator bool() const noexcept { return has_value(); }

  /// The value; throws `Exception` holding the error when there is none.
  T& value() & {
    check();
    return *value_;
  }
  /// @copydoc value()
  const T& value() const& {
    check();
    return *value_;
  }
  /// @copydoc value()
  T&& value() && {
    check();
    return std::move(*value_);
  }
  /// The value, or `fallback` when there is none.
  template <class U>
  T value_or(U&& fallback) const& {
    return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }

  /// The value; undefined when there is none.
  T& operator*() & noexcept { return *value_; }
  /// @copydoc operator*()
  const T& operator*() const& noexcept { return *value_; }
  /// @copydoc operator*()
  T&& operator*() && noexcept { return std::move(*value_); }
  /// Member access to the value; undefined when there is none.
  T* operator->() noexcept { return &*value_; }
  /// @copydoc operator->()
  const T* operator->() const noexcept { return &*value_; }

  /// The error; meaningful only when `has_value()` is false.
  [[nodiscard]] const Error& error() const& noexcept { return error_; }
  /// @copydoc error()
  Error& error() & noexcept { return error_; }

  /// Warnings collected while producing the result, in input order.
  [[nodiscard]] const std::vector<Error>& warnings() const noexcept { return warnings_; }
  /// @copydoc warnings() const
  std::vector<Error>& warnings() noexcept { return warnings_; }

 private:
  void check() const {
    if (!value_) throw Exception(error_);
  }
  std::optional<T> value_;
  Error error_;
  std::vector<Error> warnings_;
};

/// `Result` of an operation that produces no value.
template <>
class Result<void> {
 public:
  /// A successful result.
  Result() = default;
  /// A failed result; `error.severity` is set to `Severity::error`.
  Result(Error error) : ok_(false), error_(std::move(error)) {  // NOLINT
    error_.severity = Severity::error;
  }
  /// True on success.
  [[nodiscard]] bool has_value() const noexcept { return ok_; }
  /// Same as `has_value()`.
  explicit operator bool() const noexcept { return ok_; }
  /// Throws `Exception` on failure; does nothing on success.
  void value() const {
    if (!ok_) throw Exception(error_);
  }
  /// The error; meaningful only when `has_value()` is false.
  [[nodiscard]] const Error& error() const& noexcept { return error_; }
  /// @copydoc error()
  Error& error() & noexcept { return error_; }
  /// Warnings collected, in input order.
  [[nodiscard]] const std::vector<Error>& warnings() const noexcept { return warnings_; }
  /// @copydoc warnings() const
  std::vector<Error>& warnings() noexcept { return warnings_; }

 private:
  bool ok_ = true;
  Error error_;
  std::vector<Error> warnings_;
};

/// The result of an operation that produces no value.
using Status = Result<void>;

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_RESULT_HPP
