// SPDX-License-Identifier: MIT
#include "pressroom/error.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::syntax:
      return "syntax";
    case ErrorCode::not_this_format:
      return "not_this_format";
    case ErrorCode::missing_field:
      return "missing_field";
    case ErrorCode::invalid_value:
      return "invalid_value";
    case ErrorCode::unsupported:
      return "unsupported";
    case ErrorCode::limit_exceeded:
      return "limit_exceeded";
    case ErrorCode::io:
      return "io";
  }
  return "unknown";
}

std::string_view to_string(Severity severity) noexcept {
  return severity == Severity::warning ? "warning" : "error";
}

std::string to_string(const Error& error) {
  std::string out;
  if (error.line > 0) {
    out += std::to_string(error.line);
    out += ':';
    out += std::to_string(error.column);
    out += ": ";
  }
  out += to_string(error.severity);
  out += ": ";
  out += error.message;
  if (!error.path.empty()) {
    out += " (at ";
    out += error.path;
    out += ')';
  }
  out += " [";
  out += error.format.empty() ? std::string_view("pressroom") : std::string_view(error.format);
  out += '/';
  out += to_string(error.code);
  out += ']';
  return out;
}

Exception::Exception(Error error)
    : std::runtime_error(to_string(error)), error_(std::move(error)) {}

PRESSROOM_ABI_END
}  // namespace pressroom
