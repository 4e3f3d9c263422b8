// SPDX-License-Identifier: MIT
// Encodings of inputs: BOM, XML declaration and first-bytes detection (XML 1.0 Appendix F),
// conversion to UTF-8 with glibc's iconv, and the Windows-1252 fallback for invalid UTF-8.
#include "detail/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "detail/text.hpp"
#include "formats/xml/codec.hpp"

namespace pressroom::detail {

namespace {

std::string lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

// Windows-1252 bytes 0x80..0x9F as code points (0 = undefined).
constexpr std::uint32_t kCp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string from_cp1252(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 4);
  for (const char ch : in) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      const std::uint32_t cp = kCp1252[c - 0x80];
      append_utf8(out, cp == 0 ? c : cp);
    } else {
      append_utf8(out, c);
    }
  }
  return out;
}

// Valid UTF-8 holding C1 controls (U+0080..U+009F) almost always means Windows-1252 bytes
// that were converted as Latin-1 ("demoronize"): map them to what they meant.
void demoronize(std::string& s) {
  if (s.find('\xC2') == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size()) {
      const auto n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n < 0xA0 && kCp1252[n - 0x80] != 0) {
        append_utf8(out, kCp1252[n - 0x80]);
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  s.swap(out);
}

// True when demoronize() would change `s`.
bool needs_demoronize(std::string_view s) {
  for (std::size_t i = s.find('\xC2'); i != std::string_view::npos; i = s.find('\xC2', i + 1)) {
    if (i + 1 >= s.size()) return false;
    const auto n = static_cast<unsigned char>(s[i + 1]);
    if (n >= 0x80 && n < 0xA0 && kCp1252[n - 0x80] != 0) return true;
  }
  return false;
}

// The value of encoding="..." in an XML declaration at the start of ASCII-compatible `s`,
// with the positions of the value; empty when there is none.
std::string declared_encoding(std::string_view s, std::size_t* vbegin = nullptr,
                              std::size_t* vend = nullptr) {
  if (s.substr(0, 5) != "<?xml") return {};
  const std::size_t end = s.find("?>");
  if (end == std::string_view::npos || end > 1024) return {};
  const std::string_view decl = s.substr(0, end);
  std::size_t p = decl.find("encoding");
  if (p == std::string_view::npos) return {};
  p += 8;
  while (p < decl.size() && (decl[p] == ' ' || decl[p] == '=' || decl[p] == '\t')) ++p;
  if (p >= decl.size() || (decl[p] != '"' && decl[p] != '\'')) return {};
  const char q = decl[p];
  const std::size_t e = decl.find(q, p + 1);
  if (e == std::string_view::npos) return {};
  if (vbegin) *vbegin = p + 1;
  if (vend) *vend = e;
  std::string name = lower(decl.substr(p + 1, e - p - 1));
  for (char& c : name)
    if (c == '_') c = '-';
  // Python codec aliases that feeds use.
  if (name == "utf16" || name == "u16") name = "utf-16";
  if (name == "utf32" || name == "u32") name = "utf-32";
  if (name == "utf8" || name == "u8") name = "utf-8";
  if (name == "utf-16-le") name = "utf-16le";
  if (name == "utf-16-be") name = "utf-16be";
  if (name == "utf-32-le") name = "utf-32le";
  if (name == "utf-32-be") name = "utf-32be";
  return name;
}

bool is_utf8_name(std::string_view e) { return e == "utf-8" || e == "utf8"; }

// A byte that an ASCII character the formats can start with (or blank space) leaves in one
// code unit of UTF-16 or UTF-32.
bool ascii_text_byte(unsigned b) noexcept {
  return b == '\t' || b == '\n' || b == '\r' || (b >= 0x20 && b < 0x7F);
}

}  // namespace

ByteOrder sniff_byte_order(std::string_view head) noexcept {
  const auto b = [&](std::size_t i) {
    return i < head.size() ? static_cast<unsigned char>(head[i]) : 0x100u;
  };
  if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return {"utf-8", 3};
  if (b(0) == 0xFF && b(1) == 0xFE && b(2) == 0 && b(3) == 0) return {"utf-32le", 4};
  if (b(0) == 0 && b(1) == 0 && b(2) == 0xFE && b(3) == 0xFF) return {"utf-32be", 4};
  if (b(0) == 0xFF && b(1) == 0xFE) return {"utf-16le", 2};
  if (b(0) == 0xFE && b(1) == 0xFF) return {"utf-16be", 2};
  // No BOM: the first character is ASCII ('<', '{', a blank), so its code unit holds one
  // non-zero byte, placed by the byte order.
  if (b(0) == 0 && b(1) == 0 && b(2) == 0 && ascii_text_byte(b(3))) return {"utf-32be", 0};
  if (ascii_text_byte(b(0)) && b(1) == 0 && b(2) == 0 && b(3) == 0) return {"utf-32le", 0};
  if (b(0) == 0 && ascii_text_byte(b(1)) && (b(2) == 0 || b(2) == 0x100u)) {
    return {"utf-16be", 0};
  }
  if (ascii_text_byte(b(0)) && b(1) == 0 && (b(3) == 0 || b(2) == 0x100u)) {
    return {"utf-16le", 0};
  }
  if (b(0) == 0x4C && b(1) == 0x6F && b(2) == 0xA7 && b(3) == 0x94) return {"cp037", 0};
  return {};
}

bool is_utf8_compatible(std::string_view encoding) noexcept {
  return is_utf8_name(encoding) || encoding == "us-ascii" || encoding == "ascii";
}

std::string declared_xml_encoding(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return declared_encoding(text);
}

namespace {

// Converts with iconv; invalid or truncated sequences fail unless `skip_unit` > 0, in which
// case that many bytes are skipped (and counted in `skipped`) and the conversion goes on.
std::optional<std::string> convert(std::string_view input, const std::string& charset,
                                   std::size_t skip_unit, std::size_t* skipped) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(input.size() * 2 + 16);
  std::vector<char> in(input.begin(), input.end());
  char* inp = in.data();
  std::size_t inleft = in.size();
  std::size_t done = 0;
  bool ok = true;
  while (inleft > 0) {
    char* outp = out.data() + done;
    std::size_t outleft = out.size() - done;
    const std::size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
    done = static_cast<std::size_t>(outp - out.data());
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      if (skip_unit == 0) {
        ok = false;  // EILSEQ or EINVAL: invalid or truncated input
        break;
      }
      const std::size_t n = std::min(inleft, skip_unit);
      inp += n;
      inleft -= n;
      if (skipped) ++*skipped;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(done);
  return out;
}

}  // namespace

std::optional<std::string> to_utf8(std::string_view input, const std::string& charset) {
  return convert(input, charset, 0, nullptr);
}

std::optional<std::string> decode_head(std::string_view head) {
  const ByteOrder order = sniff_byte_order(head);
  if (!order.wide()) return std::nullopt;
  std::string_view body = head.substr(order.bom);
  const std::size_t unit = order.encoding.rfind("utf-32", 0) == 0   ? 4
                           : order.encoding.rfind("utf-16", 0) == 0 ? 2
                                                                    : 1;
  body = body.substr(0, body.size() - body.size() % unit);
  std::size_t skipped = 0;
  return convert(body, std::string(order.encoding), unit, &skipped).value_or(std::string());
}

Decoded decode_input(std::string_view input, bool xml) {
  Decoded d;
  const ByteOrder order = sniff_byte_order(input);
  const std::string bom_encoding(order.encoding);
  const std::size_t bom = order.bom;
  const std::string_view body = input.substr(bom);
  if (bom_encoding.empty() || bom_encoding == "utf-8") {
    // The common case, valid UTF-8 that needs no repair: the input is the text, not copied.
    const std::string declared = xml ? declared_encoding(body) : std::string();
    // clean_text (vectorised) also proves the UTF-8 valid; only a text it refuses is searched
    // for invalid UTF-8.
    const bool clean = xml_codec::clean_text(body);
    if ((declared.empty() || is_utf8_name(declared)) && !needs_demoronize(body) &&
        (clean || find_invalid_utf8(body) == npos)) {
      d.clean = clean;
      d.declared = declared;
      d.encoding = "utf-8";
      d.converted = bom > 0;
      d.borrowed = true;
      d.input = body;
      return d;
    }
  }
  std::string text;
  if (!bom_encoding.empty() && bom_encoding != "utf-8") {
    if (auto t = to_utf8(body, bom_encoding)) {
      text = std::move(*t);
    } else {
      // Invalid sequences: skip them code unit by code unit.
      const std::size_t unit = bom_encoding.rfind("utf-32", 0) == 0 ? 4 : 2;
      std::size_t skipped = 0;
      text = convert(body, bom_encoding, unit, &skipped).value_or(std::string());
      d.problems.push_back("input is not valid " + bom_encoding + ": bytes were dropped");
    }
    d.converted = true;
    d.encoding = bom_encoding;
  } else {
    text = std::string(body);
    d.converted = bom > 0;
  }
  std::size_t vb = 0, ve = 0;
  d.declared = xml ? declared_encoding(text, &vb, &ve) : std::string();
  if (d.encoding.empty()) {
    // ASCII-compatible bytes: the BOM (UTF-8) or the declaration decides.
    std::string enc = bom_encoding.empty() ? d.declared : bom_encoding;
    if (!bom_encoding.empty() && !d.declared.empty() && !is_utf8_name(d.declared)) {
      d.problems.push_back("the byte order mark says utf-8 but the declaration says " + d.declared);
    }
    if (enc.empty() || is_utf8_name(enc)) {
      d.encoding = "utf-8";
      if (find_invalid_utf8(text) != npos) {
        d.problems.push_back("input is not valid utf-8: read as windows-1252");
        text = from_cp1252(text);
        d.encoding = "windows-1252";
        d.converted = true;
      }
    } else if (enc == "us-ascii" || enc == "ascii") {
      d.encoding = enc;
      if (find_invalid_utf8(text) != npos) {
        d.problems.push_back("input declared " + enc + " has 8-bit bytes: read as windows-1252");
        text = from_cp1252(text);
        d.converted = true;
      }
    } else {
      // ISO-8859-1 is read as its superset Windows-1252, as browsers and feedparser do.
      const bool latin1 = enc == "iso-8859-1" || enc == "latin-1" || enc == "latin1" ||
                          enc == "iso8859-1" || enc == "windows-1252" || enc == "cp1252";
      std::optional<std::string> t;
      if (latin1) {
        t = from_cp1252(text);
      } else {
        t = to_utf8(text, enc);
      }
      if (t) {
        text = std::move(*t);
        d.encoding = enc;
        d.converted = true;
      } else {
        iconv_t cd = iconv_open("UTF-8", enc.c_str());
        const bool known = cd != reinterpret_cast<iconv_t>(-1);
        if (known) iconv_close(cd);
        if (find_invalid_utf8(text) == npos) {
          d.problems.push_back(known ? "input is not valid " + enc + ": read as utf-8"
                                     : "unknown encoding " + quote(enc) + ": read as utf-8");
          d.encoding = "utf-8";
        } else {
          d.problems.push_back(known ? "input is not valid " + enc + ": read as windows-1252"
                                     : "unknown encoding " + quote(enc) + ": read as windows-1252");
          text = from_cp1252(text);
          d.encoding = "windows-1252";
          d.converted = true;
        }
      }
    }
  } else if (!d.declared.empty() && d.declared != d.encoding &&
             !(d.declared == "utf-16" && d.encoding.rfind("utf-16", 0) == 0) &&
             !(d.declared == "utf-32" && d.encoding.rfind("utf-32", 0) == 0) &&
             !(d.declared == "ucs-2" || d.declared == "iso-10646-ucs-2")) {
    d.problems.push_back("the bytes are " + d.encoding + " but the declaration says " + d.declared);
  }
  demoronize(text);
  // pugixml would transcode again by the declaration: make it say UTF-8.
  if (xml && !d.declared.empty() && !is_utf8_name(d.declared)) {
    std::size_t b2 = 0, e2 = 0;
    declared_encoding(text, &b2, &e2);
    if (e2 > b2) text.replace(b2, e2 - b2, "UTF-8");
    d.converted = true;
  }
  d.text = std::move(text);
  return d;
}

void add_decoding_problems(Result<Document>& result, std::vector<std::string> problems,
                           std::string_view format, const ReadOptions& options) {
  if (problems.empty()) return;
  if (options.mode == Mode::strict) {
    Result<Document> failed(make_error(ErrorCode::invalid_value, format, std::move(problems[0])));
    failed.warnings() = std::move(result.warnings());
    result = std::move(failed);
    return;
  }
  std::vector<Error> warnings;
  for (std::string& problem : problems) {
    Error e = make_error(ErrorCode::invalid_value, format, std::move(problem));
    e.severity = Severity::warning;
    warnings.push_back(std::move(e));
  }
  warnings.insert(warnings.end(), std::make_move_iterator(result.warnings().begin()),
                  std::make_move_iterator(result.warnings().end()));
  result.warnings() = std::move(warnings);
}

}  // namespace pressroom::detail
