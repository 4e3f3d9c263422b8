// SPDX-License-Identifier: MIT
#include "formats/boost_archive/archive_io.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace pressroom::boost_archive_detail {

namespace {

constexpr std::string_view kSignature = "serialization::archive";

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

Check failed(ErrorCode code, std::string message, std::size_t offset) {
  Check c;
  c.ok = false;
  c.code = code;
  c.message = std::move(message);
  c.offset = offset;
  return c;
}

}  // namespace

MemoryBuf::MemoryBuf(std::string_view data) {
  // The get area is never written through (no putback of other characters).
  char* begin = const_cast<char*>(data.data());
  setg(begin, begin, begin + data.size());
}

void MemoryBuf::set_cur(const char* p) noexcept { setg(eback(), const_cast<char*>(p), egptr()); }

void MemoryBuf::serve(std::string_view tail) noexcept {
  char* begin = const_cast<char*>(tail.data());
  setg(begin, begin, begin + tail.size());
}

std::streamsize MemoryBuf::xsgetn(char* s, std::streamsize n) {
  const std::size_t count = std::min(left(), static_cast<std::size_t>(n));
  if (count > 0) std::memcpy(s, gptr(), count);
  set_cur(gptr() + count);
  return static_cast<std::streamsize>(count);
}

StringSink::StringSink(std::string& out) : out_(out) { setp(buffer_, buffer_ + sizeof buffer_); }

StringSink::~StringSink() { flush_buffer(); }

void StringSink::flush_buffer() {
  out_.append(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(buffer_, buffer_ + sizeof buffer_);
}

StringSink::int_type StringSink::overflow(int_type c) {
  flush_buffer();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize StringSink::xsputn(const char* s, std::streamsize n) {
  const auto count = static_cast<std::size_t>(n);
  if (count <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, count);
    pbump(static_cast<int>(count));
  } else {
    flush_buffer();
    out_.append(s, count);
  }
  return n;
}

int StringSink::sync() {
  flush_buffer();
  return 0;
}

Check check_signature(std::string_view input, Kind kind) {
  switch (kind) {
    case Kind::text: {
      // Boost writes the signature's length, a space and the signature.
      constexpr std::string_view expected = "22 serialization::archive ";
      if (input.substr(0, expected.size()) != expected) {
        return failed(ErrorCode::not_this_format,
                      "not a Boost text archive: it does not start with "
                      "'22 serialization::archive'",
                      0);
      }
      return {};
    }
    case Kind::binary: {
      // The signature's length as a native std::size_t, then the signature.
      const std::size_t length = kSignature.size();
      char expected[sizeof(std::size_t) + kSignature.size()];
      std::memcpy(expected, &length, sizeof length);
      std::memcpy(expected + sizeof length, kSignature.data(), kSignature.size());
      if (input.substr(0, sizeof expected) != std::string_view(expected, sizeof expected)) {
        return failed(ErrorCode::not_this_format,
                      "not a Boost binary archive of this platform: no "
                      "'serialization::archive' signature at the start",
                      0);
      }
      return {};
    }
    case Kind::xml: {
      const std::size_t root = input.substr(0, 4096).find("<boost_serialization");
      if (input.substr(0, 5) != "<?xml" || root == std::string_view::npos) {
        return failed(ErrorCode::not_this_format,
                      "not a Boost XML archive: no <boost_serialization> element at the start", 0);
      }
      return {};
    }
  }
  return {};
}

Check check_xml_structure(std::string_view in, std::size_t max_depth) {
  constexpr std::string_view root_name = "boost_serialization";
  std::vector<std::string_view> open;  // names of the open elements
  std::size_t root_children = 0;
  bool root_closed = false;
  std::size_t i = 0;
  const std::size_t n = in.size();
  while (i < n) {
    const std::size_t lt = in.find('<', i);
    if (root_closed) {
      const std::size_t stop = std::min(lt, n);
      for (std::size_t k = i; k < stop; ++k) {
        if (!is_space(in[k])) {
          return failed(ErrorCode::syntax, "content after the closing </boost_serialization>", k);
        }
      }
    }
    if (lt == std::string_view::npos) break;
    if (root_closed) {
      return failed(ErrorCode::syntax, "markup after the closing </boost_serialization>", lt);
    }
    const std::string_view rest = in.substr(lt);
    if (rest.substr(0, 2) == "<?") {
      const std::size_t end = in.find("?>", lt + 2);
      if (end == std::string_view::npos) {
        return failed(ErrorCode::syntax, "unterminated processing instruction", lt);
      }
      i = end + 2;
      continue;
    }
    if (rest.substr(0, 4) == "<!--") {
      const std::size_t end = in.find("-->", lt + 4);
      if (end == std::string_view::npos) {
        return failed(ErrorCode::syntax, "unterminated comment", lt);
      }
      i = end + 3;
      continue;
    }
    if (rest.substr(0, 2) == "<!") {
      if (!open.empty()) return failed(ErrorCode::syntax, "declaration inside an element", lt);
      const std::size_t end = in.find('>', lt + 2);
      if (end == std::string_view::npos) {
        return failed(ErrorCode::syntax, "unterminated declaration", lt);
      }
      i = end + 1;
      continue;
    }
    const bool closing = rest.size() > 1 && rest[1] == '/';
    std::size_t p = lt + (closing ? 2 : 1);
    const std::size_t name_begin = p;
    while (p < n && !is_space(in[p]) && in[p] != '>' && in[p] != '/' && in[p] != '<' &&
           in[p] != '=' && in[p] != '"') {
      ++p;
    }
    const std::string_view name = in.substr(name_begin, p - name_begin);
    if (name.empty()) return failed(ErrorCode::syntax, "a tag without a name", lt);
    // Attributes: skip to the tag's end, outside quoted values.
    char quote = 0;
    while (p < n && (quote != 0 || (in[p] != '>' && in[p] != '<'))) {
      if (quote != 0) {
        if (in[p] == quote) quote = 0;
      } else if (in[p] == '"' || in[p] == '\'') {
        quote = in[p];
      }
      ++p;
    }
    if (p >= n) {
      return failed(ErrorCode::syntax,
                    "the archive ends inside the tag <" + std::string(name.substr(0, 40)) + ">",
                    lt);
    }
    if (in[p] == '<') return failed(ErrorCode::syntax, "'<' inside a tag", p);
    const bool self_closing = !closing && in[p - 1] == '/';
    if (closing) {
      if (open.empty() || open.back() != name) {
        return failed(ErrorCode::syntax,
                      "closing tag </" + std::string(name.substr(0, 40)) + "> does not match " +
                          (open.empty() ? std::string("any open element")
                                        : "<" + std::string(open.back().substr(0, 40)) + ">"),
                      lt);
      }
      open.pop_back();
      if (open.empty()) root_closed = true;
    } else {
      if (open.empty()) {
        if (name != root_name) {
          return failed(ErrorCode::not_this_format,
                        "the root element is <" + std::string(name.substr(0, 40)) +
                            ">, not <boost_serialization>",
                        lt);
        }
        if (root_closed || self_closing) {
          return failed(ErrorCode::syntax, "the archive holds no document", lt);
        }
      } else if (open.size() == 1 && ++root_children > 1) {
        return failed(ErrorCode::syntax, "a second element in <boost_serialization>", lt);
      }
      if (!self_closing) {
        if (open.size() >= max_depth) {
          return failed(ErrorCode::limit_exceeded,
                        "elements nest deeper than max_depth (" + std::to_string(max_depth) + ")",
                        lt);
        }
        open.push_back(name);
      }
    }
    i = p + 1;
  }
  if (!open.empty()) {
    return failed(
        ErrorCode::syntax,
        "the archive ends before the closing tag </" + std::string(open.back().substr(0, 40)) +
            ">" +
            (open.size() > 1 ? " (and " + std::to_string(open.size() - 1) + " more closing tags)"
                             : std::string()),
        n);
  }
  if (!root_closed) return failed(ErrorCode::syntax, "no <boost_serialization> element", n);
  if (root_children == 0) return failed(ErrorCode::syntax, "the archive holds no document", n);
  return {};
}

}  // namespace pressroom::boost_archive_detail
