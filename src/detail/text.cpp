// SPDX-License-Identifier: MIT
#include "detail/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace pressroom::detail {

Position locate(std::string_view input, std::size_t offset) {
  if (offset > input.size()) offset = input.size();
  Position p{1, 1};
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (input[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  }
  p.column = offset - line_start + 1;
  return p;
}

Error make_error(ErrorCode code, std::string_view format, std::string message,
                 std::string_view input, std::size_t offset, std::string path) {
  Error e;
  e.code = code;
  e.format = std::string(format);
  e.message = std::move(message);
  e.path = std::move(path);
  if (offset != npos) {
    const Position p = locate(input, offset);
    e.line = p.line;
    e.column = p.column;
    e.offset = offset;
  }
  return e;
}

std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t& cp) noexcept {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t len;
  std::uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char t = b(i + k);
    if ((t & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (t & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII, eight bytes at a time would need alignment care; bytes suffice.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::uint32_t cp;
    const std::size_t n = decode_utf8(s, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return npos;
}

std::size_t repair_utf8(std::string& s) {
  std::size_t first = find_invalid_utf8(s);
  if (first == npos) return 0;
  std::string out(s, 0, first);
  std::size_t count = 0;
  std::size_t i = first;
  while (i < s.size()) {
    std::uint32_t cp;
    const std::size_t n = decode_utf8(s, i, cp);
    if (n > 0) {
      out.append(s, i, n);
      i += n;
      continue;
    }
    // Skip the maximal invalid subsequence: a lead byte and the continuation bytes after it.
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    out += "\xEF\xBF\xBD";
    ++count;
  }
  s = std::move(out);
  return count;
}

std::size_t find_xml_forbidden(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    std::uint32_t cp;
    const std::size_t n = decode_utf8(s, i, cp);
    if (n == 0 || !is_xml_char(cp)) return i;
    i += n;
  }
  return npos;
}

std::size_t strip_xml_forbidden(std::string& s) {
  std::size_t first = find_xml_forbidden(s);
  if (first == npos) return 0;
  std::string out(s, 0, first);
  std::size_t removed = 0;
  for (std::size_t i = first; i < s.size();) {
    std::uint32_t cp;
    const std::size_t n = decode_utf8(s, i, cp);
    if (n == 0) {
      ++removed;
      ++i;
      continue;
    }
    if (is_xml_char(cp)) {
      out.append(s, i, n);
    } else {
      ++removed;
    }
    i += n;
  }
  s = std::move(out);
  return removed;
}

std::string quote(std::string_view value) {
  constexpr std::size_t max = 40;
  std::string out = "'";
  std::size_t i = 0;
  bool cut = false;
  while (i < value.size()) {
    if (out.size() - 1 >= max) {
      cut = true;
      break;
    }
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c < 0x20 || c == 0x7F) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
      ++i;
      continue;
    }
    std::uint32_t cp;
    std::size_t n = decode_utf8(value, i, cp);
    if (n == 0) {
      out += "\\x";
      static constexpr char hex[] = "0123456789abcdef";
      out += hex[c >> 4];
      out += hex[c & 0xF];
      ++i;
      continue;
    }
    out.append(value, i, n);
    i += n;
  }
  if (cut) out += "...";
  out += '\'';
  return out;
}

namespace {
// Base letter of common Latin-1 Supplement and Latin Extended-A letters, for slugs.
char fold_latin(std::uint32_t cp) {
  static constexpr std::string_view latin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    static constexpr std::string_view ext =  // U+0100..U+017F, two per letter mostly
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllllll"
        "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    return ext[cp - 0x100];
  }
  return 0;
}
}  // namespace

std::string slugify(std::string_view text) {
  std::string out;
  bool pending_hyphen = false;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp;
    std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) {
      n = 1;
      cp = 0;
    }
    i += n;
    char c = 0;
    if (cp < 0x80) {
      const char a = static_cast<char>(cp);
      if (a >= 'A' && a <= 'Z')
        c = static_cast<char>(a - 'A' + 'a');
      else if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
        c = a;
      else if (a == '\'')
        continue;  // "Bishop's" -> "bishops"
    } else if (cp == 0x2019) {
      continue;  // typographic apostrophe
    } else {
      c = fold_latin(cp);
      if (c == '_') c = 0;
    }
    if (c == 0) {
      pending_hyphen = !out.empty();
      continue;
    }
    if (pending_hyphen) out += '-';
    pending_hyphen = false;
    out += c;
  }
  return out;
}

std::string format_double(double value) {
  if (!std::isfinite(value)) return "0";
  std::array<char, 32> buf{};
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
  if (ec != std::errc{}) return "0";
  return std::string(buf.data(), end);
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) noexcept {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool Diagnostics::index_lines() {
  lines_.clear();
  indexed_ = false;
  const std::size_t n = input_.size();
  if (n >= (std::size_t{1} << 32)) return false;
  const std::size_t most = n / 32 + 16;
  lines_.reserve(std::min<std::size_t>(most, n / 64 + 16));
  const char* const base = input_.data();
  const char* p = base;
  const char* const end = base + n;
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) break;
    if (lines_.size() == most) {
      lines_.clear();
      lines_.shrink_to_fit();
      return false;
    }
    p = static_cast<const char*>(nl);
    lines_.push_back(static_cast<std::uint32_t>(p - base));
    ++p;
  }
  indexed_ = true;
  return true;
}

Position Diagnostics::locate(std::size_t offset) {
  if (offset > input_.size()) offset = input_.size();
  if (indexed_) {
    // The line feeds before `offset` give the line; the last of them, where it starts.
    const auto k = static_cast<std::size_t>(
        std::lower_bound(lines_.begin(), lines_.end(), static_cast<std::uint32_t>(offset)) -
        lines_.begin());
    const std::size_t line_start = k == 0 ? 0 : std::size_t{lines_[k - 1]} + 1;
    return Position{k + 1, offset - line_start + 1};
  }
  if (offset < memo_.offset) memo_ = Memo{};
  const char* const base = input_.data();
  const char* p = base + memo_.offset;
  const char* const end = base + offset;
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    ++memo_.line;
    memo_.line_start = static_cast<std::size_t>(p - base);
  }
  memo_.offset = offset;
  return Position{memo_.line, offset - memo_.line_start + 1};
}

Error Diagnostics::make(ErrorCode code, std::string message, std::size_t offset, std::string path) {
  Error e = make_error(code, format_, std::move(message), {}, npos, std::move(path));
  if (offset != npos) {
    const Position p = locate(offset);
    e.line = p.line;
    e.column = p.column;
    e.offset = offset;
    e.line += line_base_;
    e.offset += offset_base_;
  }
  return e;
}

bool Diagnostics::warn(ErrorCode code, std::string message, std::size_t offset, std::string path) {
  if (failed_) return false;
  Error e = make(code, std::move(message), offset, std::move(path));
  if (strict()) {
    e.severity = Severity::error;
    error_ = std::move(e);
    failed_ = true;
    return false;
  }
  e.severity = Severity::warning;
  if (warnings_.size() < max_warnings) {
    warnings_.push_back(std::move(e));
  } else if (warnings_.size() == max_warnings) {
    Error more =
        make(ErrorCode::limit_exceeded,
             "more than " + std::to_string(max_warnings) + " warnings: the others are not reported",
             npos, {});
    more.severity = Severity::warning;
    warnings_.push_back(std::move(more));
  }
  return true;
}

std::uint64_t xml_tree_bytes(std::string_view s) noexcept {
  // pugixml 1.13 on 64-bit: a node is 64 bytes, an attribute 40, allocated in pages whose
  // headers and slack add about a quarter.
  constexpr std::uint64_t node = 80;
  constexpr std::uint64_t attribute = 48;
  std::uint64_t bytes = 4096;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const void* lt = std::memchr(p, '<', static_cast<std::size_t>(end - p));
    if (lt == nullptr) break;
    p = static_cast<const char*>(lt) + 1;
    if (p >= end) break;
    if (*p == '/' || *p == '?') continue;
    if (*p == '!') {
      const std::string_view rest(p, static_cast<std::size_t>(end - p));
      const char* close = nullptr;
      if (rest.compare(0, 8, "![CDATA[") == 0) {
        bytes += node;
        const std::size_t e = rest.find("]]>");
        close = e == std::string_view::npos ? end : p + e;
      } else if (rest.compare(0, 3, "!--") == 0) {
        const std::size_t e = rest.find("-->");
        close = e == std::string_view::npos ? end : p + e;
      }
      if (close != nullptr) p = close;
      continue;
    }
    bytes += 2 * node;
    // Attributes: an '=' inside the tag, outside quoted values.
    char quote = 0;
    for (; p < end; ++p) {
      const char c = *p;
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '=') {
        bytes += attribute;
      } else if (c == '>' || c == '<') {
        break;
      }
    }
  }
  return bytes;
}

Error out_of_memory(std::string_view format, std::string_view doing) {
  Error e;
  e.code = ErrorCode::limit_exceeded;
  e.format = std::string(format);
  e.message = "out of memory while ";
  e.message += doing;
  return e;
}

void Diagnostics::allow_memory(std::uint64_t input_bytes) noexcept {
  const Limits& limits = options_.limits;
  const std::uint64_t ratio = limits.max_memory_ratio;
  const std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t scaled =
      ratio != 0 && input_bytes > most / ratio ? most : input_bytes * ratio;
  memory_input_ = input_bytes;
  memory_allowed_ =
      scaled > most - limits.max_memory_base_bytes ? most : scaled + limits.max_memory_base_bytes;
  charged_ = 0;
}

bool Diagnostics::charge(std::uint64_t bytes, std::size_t offset, std::string path) {
  charged_ = bytes > memory_allowed_ - std::min(charged_, memory_allowed_) ? memory_allowed_ + 1
                                                                           : charged_ + bytes;
  if (charged_ <= memory_allowed_) return true;
  if (failed_) return false;
  const Limits& limits = options_.limits;
  fail(ErrorCode::limit_exceeded,
       "what this input builds would take more than " + std::to_string(memory_allowed_) +
           " bytes of memory for " + std::to_string(memory_input_) +
           " bytes of input (limits.max_memory_ratio = " + std::to_string(limits.max_memory_ratio) +
           ", limits.max_memory_base_bytes = " + std::to_string(limits.max_memory_base_bytes) +
           "): too many records or elements for its size",
       offset, std::move(path));
  return false;
}

void Diagnostics::fail(ErrorCode code, std::string message, std::size_t offset, std::string path) {
  if (failed_) return;
  error_ = make(code, std::move(message), offset, std::move(path));
  error_.severity = Severity::error;
  failed_ = true;
}

}  // namespace pressroom::detail
