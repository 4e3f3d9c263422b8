// SPDX-License-Identifier: MIT
// vCard internals shared by the reader and the writer: content lines (RFC 6350 section 3.3),
// value escaping (3.4), parameter values (RFC 6868), and the mapping of one card's properties
// to a Contact (the writer runs it on its own properties to find what they cannot carry).
#ifndef PRESSROOM_FORMATS_VCARD_CARD_HPP
#define PRESSROOM_FORMATS_VCARD_CARD_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detail/text.hpp"
#include "pressroom/model/contact.hpp"

namespace pressroom::vcard_detail {

// One parameter; the name upper-case, the values unquoted and caret-decoded.
struct Param {
  std::string name;
  std::vector<std::string> values;
};

// One content line after unfolding.
struct Property {
  std::string group;          // "item1" of "item1.EMAIL"; empty when none
  std::string name;           // upper-case
  std::vector<Param> params;  // in input order; a name may repeat
  std::string value;          // as written: still escaped
  std::string line;           // the whole unfolded line (kept in extensions["vcard"])
  std::size_t offset = 0;     // input offset of the line's first byte
  bool bare_params = false;   // had vCard 2.1 parameters without a name (TEL;WORK:...)

  // The values of every parameter named `name` (upper-case), in order.
  std::vector<std::string> param(std::string_view name) const;
  // Whether a TYPE value equals `type` (ASCII case-insensitive); values are split on commas.
  bool has_type(std::string_view type) const;
};

// Parses one unfolded line. On a syntax error returns false with `error` and the offset in
// `line` where it was noticed.
bool parse_line(std::string_view line, Property& out, std::string& error, std::size_t& error_at);

// Escapes a text value or component: backslash, comma, semicolon, newline (CRLF and CR too).
std::string escape_text(std::string_view s);
// Undoes escape_text; `\N` is a newline too, other escaped characters stand for themselves.
std::string unescape_text(std::string_view s);
// Splits a structured value on unescaped semicolons, each component on unescaped commas, and
// unescapes every value.
std::vector<std::vector<std::string>> split_structured(std::string_view raw);
// Splits on unescaped commas and unescapes.
std::vector<std::string> split_list(std::string_view raw);

// Percent-encoding for URI values (RFC 3986 unreserved and a few safe delimiters kept).
std::string percent_encode(std::string_view s);
std::string percent_decode(std::string_view s);

// A property written by pressroom: `params` as (name, values); values are quoted and
// caret-encoded when needed. Returns the unfolded content line without a line break.
std::string format_line(std::string_view name, const std::vector<Param>& params,
                        std::string_view value);

// Names the card mapping handles (upper-case); other properties go to extensions["vcard"].
bool is_mapped(std::string_view name);

// The property name of the JSON residual and the parameters pressroom writes.
inline constexpr std::string_view residual_name = "X-PRESSROOM-CONTACT";
inline constexpr std::string_view derived_param = "X-PRESSROOM-DERIVED";
inline constexpr std::string_view raw_param = "X-PRESSROOM-RAW";
inline constexpr std::string_view country_param = "X-PRESSROOM-COUNTRY";
inline constexpr std::string_view note_param = "X-PRESSROOM-NOTE";
inline constexpr std::string_view id_param = "X-PRESSROOM-ID";

// Calls `f(&Contact::member)` for every member of Contact but `kind` (which `KIND` always
// carries): the writer's residual and the reader's merge of it walk the same list.
template <class F>
void for_each_residual_member(F&& f) {
  f(&Contact::id);
  f(&Contact::name);
  f(&Contact::organization_id);
  f(&Contact::organization_name);
  f(&Contact::unit);
  f(&Contact::job_title);
  f(&Contact::emails);
  f(&Contact::phones);
  f(&Contact::urls);
  f(&Contact::im);
  f(&Contact::social);
  f(&Contact::address);
  f(&Contact::location);
  f(&Contact::languages);
  f(&Contact::hours);
  f(&Contact::note);
  f(&Contact::extensions);
}

// The card's vCard version as read from VERSION.
enum class Version { v4, v3, v21 };

// Maps the properties of one card to `out` (id left empty when the card has no UID).
// Warnings go through `diag` at the property's offset; returns false when strict mode stopped.
bool to_contact(const std::vector<Property>& props, Version version, detail::Diagnostics& diag,
                Contact& out);

}  // namespace pressroom::vcard_detail

#endif  // PRESSROOM_FORMATS_VCARD_CARD_HPP
