// SPDX-License-Identifier: MIT
// Stream buffers over memory for Boost archives, and the checks the hardened reader runs
// before Boost sees the input (signatures, the structure of XML archives).
#ifndef PRESSROOM_FORMATS_BOOST_ARCHIVE_ARCHIVE_IO_HPP
#define PRESSROOM_FORMATS_BOOST_ARCHIVE_ARCHIVE_IO_HPP

#include <cstddef>
#include <streambuf>
#include <string>
#include <string_view>

#include "pressroom/boost_archive.hpp"
#include "pressroom/error.hpp"
#include "pressroom/options.hpp"

namespace pressroom::boost_archive_detail {

using boost_archive::Kind;

// Reads from memory without copying it. Knows how many bytes are left, which the load guards
// compare lengths and counts against, and lets them consume bytes directly.
class MemoryBuf : public std::streambuf {
 public:
  explicit MemoryBuf(std::string_view data);
  [[nodiscard]] const char* cur() const noexcept { return gptr(); }
  [[nodiscard]] std::size_t left() const noexcept {
    return static_cast<std::size_t>(egptr() - gptr());
  }
  [[nodiscard]] std::size_t offset() const noexcept {
    return static_cast<std::size_t>(gptr() - eback());
  }
  // Moves the read position to `p`, which must lie in the buffer.
  void set_cur(const char* p) noexcept;
  // From now on serves `tail` (static storage) instead of the rest of the input.
  void serve(std::string_view tail) noexcept;

 protected:
  std::streamsize xsgetn(char* s, std::streamsize n) override;
};

// Appends everything written to a std::string, through a small buffer.
class StringSink : public std::streambuf {
 public:
  explicit StringSink(std::string& out);
  StringSink(const StringSink&) = delete;
  StringSink& operator=(const StringSink&) = delete;
  ~StringSink() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void flush_buffer();
  std::string& out_;
  char buffer_[8192];
};

// The outcome of a check: `ok` or an error code, a message and the offset it applies to.
struct Check {
  bool ok = true;
  ErrorCode code = ErrorCode::syntax;
  std::string message = {};
  std::size_t offset = 0;
};

// Whether `input` starts with the signature Boost writes for `kind`, checked before Boost
// reads it (Boost allocates the signature's length as read: a forged length is a trap).
Check check_signature(std::string_view input, Kind kind);

// Checks that an XML archive is one balanced tree with root `boost_serialization` holding
// one element, closed, with nothing but white space after it, and no deeper than
// `max_depth`. Text between tags is not inspected (Boost's reader decides on it).
Check check_xml_structure(std::string_view input, std::size_t max_depth);

}  // namespace pressroom::boost_archive_detail

#endif  // PRESSROOM_FORMATS_BOOST_ARCHIVE_ARCHIVE_IO_HPP
