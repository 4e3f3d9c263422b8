// SPDX-License-Identifier: MIT
// XML output escaping, writer diagnostics, URL resolution and block rendering for the feeds.
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detail/url.hpp"
#include "formats/feed/feed.hpp"

namespace pressroom::feed_detail {

std::size_t append_xml(std::string& out, std::string_view text, bool attr) {
  std::size_t dropped = 0;
  std::size_t run = 0;  // start of the pending run of plain bytes
  const auto flush = [&](std::size_t i) {
    if (i > run) out.append(text.data() + run, i - run);
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::uint32_t cp = 0;
      const std::size_t n = detail::decode_utf8(text, i, cp);
      if (n != 0 && detail::is_c1_control(cp)) {
        flush(i);
        detail::append_char_reference(out, cp);
        i += n;
        run = i;
        continue;
      }
      if (n == 0 || !detail::is_xml_char(cp)) {
        flush(i);
        ++dropped;
        i += n == 0 ? 1 : n;
        run = i;
        continue;
      }
      i += n;
      continue;
    }
    const char* rep = nullptr;
    switch (c) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '\r':
        rep = "&#13;";
        break;
      case '"':
        if (attr) rep = "&quot;";
        break;
      case '\t':
        if (attr) rep = "&#9;";
        break;
      case '\n':
        if (attr) rep = "&#10;";
        break;
      default:
        if (c < 0x20) {
          flush(i);
          ++dropped;
          run = ++i;
          continue;
        }
    }
    if (rep) {
      flush(i);
      out += rep;
      run = i + 1;
    }
    ++i;
  }
  flush(text.size());
  return dropped;
}

void WriteDiagnostics::warn(ErrorCode code, std::string message, std::string path) {
  for (const auto& w : warnings_)
    if (w.code == code && w.message == message) return;
  Error e;
  e.code = code;
  e.severity = Severity::warning;
  e.format = format_;
  e.path = std::move(path);
  e.message = std::move(message);
  warnings_.push_back(std::move(e));
}

bool has_scheme(std::string_view s) noexcept {
  if (s.empty()) return false;
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(s[0])) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return true;
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

namespace {

struct Uri {
  std::string scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

Uri split(std::string_view s) {
  Uri u;
  if (has_scheme(s)) {
    const std::size_t c = s.find(':');
    u.scheme = std::string(s.substr(0, c));
    s.remove_prefix(c + 1);
  }
  const std::size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    u.has_fragment = true;
    u.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  const std::size_t q = s.find('?');
  if (q != std::string_view::npos) {
    u.has_query = true;
    u.query = std::string(s.substr(q + 1));
    s = s.substr(0, q);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    u.has_authority = true;
    s.remove_prefix(2);
    const std::size_t slash = s.find('/');
    u.authority = std::string(s.substr(0, slash));
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  u.path = std::string(s);
  return u;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string in) {
  std::string out;
  while (!in.empty()) {
    if (in.rfind("../", 0) == 0) {
      in.erase(0, 3);
    } else if (in.rfind("./", 0) == 0) {
      in.erase(0, 2);
    } else if (in.rfind("/./", 0) == 0) {
      in.erase(0, 2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.rfind("/../", 0) == 0 || in == "/..") {
      in = in.size() == 3 ? std::string("/") : in.substr(3);
      const std::size_t last = out.rfind('/');
      out.erase(last == std::string::npos ? 0 : last);
    } else if (in == "." || in == "..") {
      in.clear();
    } else {
      const std::size_t next = in.find('/', 1);
      out += in.substr(0, next);
      in.erase(0, next == std::string::npos ? in.size() : next);
    }
  }
  return out;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view ref) {
  const std::string_view r = detail::trim(ref);
  if (!detail::is_safe_url(r)) return {};  // never kept as a link, whatever the field
  if (base.empty() || !has_scheme(base) || has_scheme(r)) return std::string(r);
  const Uri b = split(base);
  const Uri u = split(r);
  Uri t;
  t.scheme = b.scheme;
  if (u.has_authority) {
    t.has_authority = true;
    t.authority = u.authority;
    t.path = remove_dot_segments(u.path);
    t.has_query = u.has_query;
    t.query = u.query;
  } else {
    t.has_authority = b.has_authority;
    t.authority = b.authority;
    if (u.path.empty()) {
      t.path = b.path;
      t.has_query = u.has_query || b.has_query;
      t.query = u.has_query ? u.query : b.query;
    } else {
      if (u.path[0] == '/') {
        t.path = remove_dot_segments(u.path);
      } else {
        std::string merged;
        if (b.has_authority && b.path.empty()) {
          merged = "/" + u.path;
        } else {
          const std::size_t last = b.path.rfind('/');
          merged =
              (last == std::string::npos ? std::string() : b.path.substr(0, last + 1)) + u.path;
        }
        t.path = remove_dot_segments(merged);
      }
      t.has_query = u.has_query;
      t.query = u.query;
    }
  }
  t.has_fragment = u.has_fragment;
  t.fragment = u.fragment;
  std::string out = t.scheme + ":";
  if (t.has_authority) out += "//" + t.authority;
  out += t.path;
  if (t.has_query) out += "?" + t.query;
  if (t.has_fragment) out += "#" + t.fragment;
  return out;
}

namespace {

// 0x80 in each byte of `w` that equals `c` (exact, no false positives).
inline std::uint64_t bytes_equal(std::uint64_t w, unsigned char c) {
  constexpr std::uint64_t low7 = ~std::uint64_t{0} / 255 * 0x7F;
  const std::uint64_t x = w ^ (~std::uint64_t{0} / 255 * c);
  return ~(((x & low7) + low7) | x | low7);
}

}  // namespace

namespace {

// Collapses text[0, n) into out (which may be text itself: the output never overtakes the
// input); returns the length written.
std::size_t collapse_into(char* out, const char* text, std::size_t n) {
  // Eight bytes at a time are copied as they are while they hold no control character or
  // tab/newline (bytes below 0x20) and no space that follows a space (or starts the output).
  char* const begin = out;
  char* o = begin;
  const char* p = text;
  const char* const end = p + n;
  bool space = false;  // a space is pending (written before the next other character)
  constexpr std::uint64_t ones = ~std::uint64_t{0} / 255;
  while (p < end) {
#if defined(__SSE2__)
    if (!space && o != begin && end - p >= 16) {
      // The same test on sixteen bytes: no byte below 0x20, no two spaces in a row, no space
      // last.
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const int controls =
          _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v));
      const int spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
      if (controls == 0 && (spaces & (spaces >> 1)) == 0 && (spaces & 0x8000) == 0) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
        o += 16;
        p += 16;
        continue;
      }
    }
#endif
    if (!space && o != begin && end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      const std::uint64_t spaces = bytes_equal(w, ' ');
      // Below 0x20 (the SWAR "has less than" test), two spaces in a row, or a space last.
      const bool plain = ((w - ones * 0x20) & ~w & (ones * 0x80)) == 0 &&
                         (spaces & (spaces >> 8)) == 0 && (spaces >> 56) == 0;
      if (plain) {
        std::memmove(o, p, 8);
        o += 8;
        p += 8;
        continue;
      }
    }
    const char c = *p++;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = o != begin;
    } else {
      if (space) *o++ = ' ';
      space = false;
      *o++ = c;
    }
  }
  return static_cast<std::size_t>(o - begin);
}

}  // namespace

std::string collapse_space(std::string_view text) {
  std::string out(text.size(), '\0');
  out.resize(collapse_into(out.data(), text.data(), text.size()));
  return out;
}

std::string collapse_space(std::string&& text) {
  text.resize(collapse_into(text.data(), text.data(), text.size()));
  return std::move(text);
}

std::string collapse_space(const std::string& text) {
  return collapse_space(std::string_view(text));
}

std::vector<Block> text_blocks(std::string_view text) {
  std::vector<Block> blocks;
  std::size_t i = 0;
  while (i < text.size()) {
    // A paragraph ends at a blank line.
    std::size_t end = i;
    std::size_t next = text.size();
    while (end < text.size()) {
      if (text[end] == '\n') {
        std::size_t k = end + 1;
        while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
        if (k < text.size() && text[k] == '\n') {
          next = k + 1;
          break;
        }
      }
      ++end;
    }
    std::string p = collapse_space(text.substr(i, end - i));
    if (!p.empty()) blocks.push_back(Block{BlockType::paragraph, std::move(p)});
    i = end >= text.size() ? text.size() : next;
  }
  return blocks;
}

std::string blocks_to_html(const std::vector<Block>& blocks) {
  std::string out;
  bool in_list = false;
  for (const Block& b : blocks) {
    if (b.type == BlockType::list_item && !in_list) {
      out += "<ul>";
      in_list = true;
    } else if (b.type != BlockType::list_item && in_list) {
      out += "</ul>";
      in_list = false;
    }
    const char* tag = "p";
    switch (b.type) {
      case BlockType::heading:
        tag = "h2";
        break;
      case BlockType::list_item:
        tag = "li";
        break;
      case BlockType::quote:
        tag = "blockquote";
        break;
      case BlockType::paragraph:
        break;
    }
    out += '<';
    out += tag;
    out += '>';
    append_xml(out, b.text);
    out += "</";
    out += tag;
    out += '>';
  }
  if (in_list) out += "</ul>";
  return out;
}

std::string blocks_to_text(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out += "\n\n";
    out += b.text;
  }
  return out;
}

}  // namespace pressroom::feed_detail
