// SPDX-License-Identifier: MIT
#include "pressroom/error.hpp"

#include "detail/text.hpp"

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

std::string printable(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = c < 0x80 ? 1 : detail::decode_utf8(text, i, cp);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x80 || n == 0) {  // other C0, DEL, or a byte that starts no UTF-8 sequence
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else if (detail::is_c1_control(cp)) {
      out += "\\u00";
      out += hex[cp >> 4];
      out += hex[cp & 0xF];
    } else {
      out.append(text.data() + i, n);
      i += n;
      continue;
    }
    i += n == 0 ? 1 : n;
  }
  return out;
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
  out += printable(error.message);
  if (!error.path.empty()) {
    out += " (at ";
    out += printable(error.path);
    out += ')';
  }
  out += " [";
  out += error.format.empty() ? std::string("pressroom") : printable(error.format);
  out += '/';
  out += to_string(error.code);
  out += ']';
  return out;
}

Exception::Exception(Error error)
    : std::runtime_error(to_string(error)), error_(std::move(error)) {}

PRESSROOM_ABI_END
}  // namespace pressroom
