// SPDX-License-Identifier: MIT
// vCard reader: unfolds physical lines into content lines (keeping where each piece came from,
// for positions), groups them into cards by BEGIN/END, and maps each card to a Contact.
#include <map>
#include <set>
#include <utility>

#include "detail/encoding.hpp"
#include "detail/trust.hpp"
#include "formats/vcard/card.hpp"
#include "pressroom/vcard.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace vcard {

namespace {

using vcard_detail::Property;
using vcard_detail::Version;

// An unfolded content line and the input offsets of its pieces.
struct Line {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> pieces;  // (offset in text, offset in input)
  // The input offset of byte `at` of `text`.
  std::size_t input_offset(std::size_t at) const {
    std::size_t best = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i].first <= at) best = i;
    }
    return pieces[best].second + (at - pieces[best].first);
  }
};

class Reader {
 public:
  Reader(std::string_view input, const ReadOptions& options)
      : input_(input), diag_(options, "vcard", input) {}

  Result<Document> run() {
    const Limits& limits = diag_.options().limits;
    if (input_.size() > limits.max_input_bytes) {
      diag_.fail(ErrorCode::limit_exceeded, "input of " + std::to_string(input_.size()) +
                                                " bytes exceeds max_input_bytes (" +
                                                std::to_string(limits.max_input_bytes) + ")");
      return finish();
    }
    if (!unfold()) return finish();
    // UTF-8 is checked after unfolding: RFC 6350 section 3.2 asks readers to restore a
    // sequence that a careless writer folded in the middle. Invalid sequences become U+FFFD
    // (positions later on that line shift by the bytes the repair added).
    for (Line& l : lines_) {
      const std::size_t bad = detail::find_invalid_utf8(l.text);
      if (bad == detail::npos) continue;
      if (!diag_.warn(ErrorCode::invalid_value, "invalid UTF-8 replaced by U+FFFD",
                      l.input_offset(bad)))
        return finish();
      detail::repair_utf8(l.text);
    }
    if (detail::trim(input_).empty()) return finish();
    bool any_begin = false;
    for (const Line& l : lines_) {
      if (detail::iequals(detail::trim(l.text), "BEGIN:VCARD")) any_begin = true;
    }
    if (!any_begin) {
      diag_.fail(ErrorCode::not_this_format, "no BEGIN:VCARD: not a vCard", 0);
      return finish();
    }
    cards();
    return finish();
  }

 private:
  Result<Document> finish() {
    if (diag_.failed()) {
      Result<Document> r(diag_.error());
      r.warnings() = std::move(diag_.warnings());
      return r;
    }
    assign_ids();
    Result<Document> r(std::move(doc_));
    r.warnings() = std::move(diag_.warnings());
    return r;
  }

  // Splits the input into physical lines (CRLF, or LF leniently) and joins continuation lines
  // (starting with a space or a tab) to the line before, dropping the line break and that one
  // whitespace character (RFC 6350 section 3.2).
  bool unfold() {
    const std::size_t max_line = diag_.options().limits.max_string_bytes;
    std::size_t pos = 0;
    bool warned_lf = false;
    while (pos < input_.size()) {
      std::size_t eol = input_.find('\n', pos);
      const bool has_break = eol != std::string_view::npos;
      if (!has_break) eol = input_.size();
      std::size_t end = eol;
      if (end > pos && input_[end - 1] == '\r') {
        --end;
      } else if (has_break && !warned_lf) {
        warned_lf = true;
        if (!diag_.warn(ErrorCode::syntax, "line ends with LF, not CRLF", eol)) return false;
      }
      const std::string_view content = input_.substr(pos, end - pos);
      const bool continuation =
          !content.empty() && (content[0] == ' ' || content[0] == '\t') && !lines_.empty();
      if (continuation) {
        Line& l = lines_.back();
        l.pieces.emplace_back(l.text.size(), pos + 1);
        l.text.append(content.substr(1));
      } else {
        // A line, with its one piece on the heap (and the allocator's overhead).
        if (!diag_.charge(sizeof(Line) + 32, pos)) return false;
        Line l;
        l.text = std::string(content);
        l.pieces.emplace_back(0, pos);
        lines_.push_back(std::move(l));
      }
      if (lines_.back().text.size() > max_line) {
        diag_.fail(ErrorCode::limit_exceeded,
                   "a content line exceeds max_string_bytes (" + std::to_string(max_line) + ")",
                   lines_.back().pieces.front().second);
        return false;
      }
      pos = eol + 1;
    }
    return true;
  }

  void cards() {
    const Limits& limits = diag_.options().limits;
    std::vector<Property> props;
    std::size_t depth = 0;          // 1 inside a card, more inside nested BEGIN blocks
    std::size_t card_start = 0;     // offset of the current card's BEGIN
    std::vector<std::string> open;  // names of the open BEGIN blocks
    bool warned_outside = false, warned_nested = false;
    for (const Line& l : lines_) {
      if (detail::trim(l.text).empty()) continue;  // blank lines between cards
      const std::size_t offset = l.pieces.front().second;
      Property p;
      std::string error;
      std::size_t at = 0;
      if (!vcard_detail::parse_line(l.text, p, error, at)) {
        // Garbage input would give a warning per line: the first 100 are enough.
        if (++bad_lines_ <= 100 &&
            !diag_.warn(ErrorCode::syntax,
                        error + (bad_lines_ == 100 ? ": line ignored (and further ones silently)"
                                                   : ": line ignored"),
                        l.input_offset(at)))
          return;
        continue;
      }
      p.offset = offset;
      if (p.name == "BEGIN") {
        const std::string what = vcard_detail::unescape_text(p.value);
        if (depth == 0) {
          if (!detail::iequals(what, "VCARD")) {
            if (!diag_.warn(ErrorCode::unsupported,
                            "BEGIN:" + what + " is not a vCard: skipped to its END", offset))
              return;
          } else {
            card_start = offset;
            props.clear();
          }
        } else if (!warned_nested) {
          warned_nested = true;
          if (!diag_.warn(ErrorCode::unsupported,
                          "nested BEGIN:" + what + " (vCard 2.1 AGENT) skipped", offset))
            return;
        }
        ++depth;
        open.push_back(what);
        if (depth > limits.max_depth) {
          diag_.fail(ErrorCode::limit_exceeded,
                     "BEGIN nesting exceeds max_depth (" + std::to_string(limits.max_depth) + ")",
                     offset);
          return;
        }
        continue;
      }
      if (p.name == "END") {
        const std::string what = vcard_detail::unescape_text(p.value);
        if (depth == 0) {
          if (!diag_.warn(ErrorCode::syntax, "END:" + what + " without BEGIN ignored", offset))
            return;
          continue;
        }
        if (!detail::iequals(what, open.back())) {
          if (!diag_.warn(ErrorCode::syntax, "END:" + what + " closes BEGIN:" + open.back(),
                          offset))
            return;
        }
        // A mismatched END still closes the innermost block: a card ends with its block.
        const bool closes_card = depth == 1 && detail::iequals(open.back(), "VCARD");
        open.pop_back();
        --depth;
        if (closes_card) {
          if (!card(props, card_start)) return;
        }
        continue;
      }
      if (depth == 0) {
        if (!warned_outside) {
          warned_outside = true;
          if (!diag_.warn(ErrorCode::syntax, "property outside BEGIN:VCARD/END:VCARD ignored",
                          offset))
            return;
        }
        continue;
      }
      if (depth == 1 && !open.empty() && detail::iequals(open.front(), "VCARD")) {
        props.push_back(std::move(p));
      }
    }
    if (depth > 0) {
      if (!detail::iequals(open.front(), "VCARD")) return;
      if (!diag_.warn(ErrorCode::syntax, "card without END:VCARD: kept up to the end of input",
                      input_.size()))
        return;
      card(props, card_start);
    }
  }

  // Maps one card; false when reading must stop.
  bool card(const std::vector<Property>& props, std::size_t offset) {
    if (++records_ > diag_.options().limits.max_records) {
      diag_.fail(ErrorCode::limit_exceeded,
                 "more than max_records (" + std::to_string(diag_.options().limits.max_records) +
                     ") cards",
                 offset);
      return false;
    }
    if (!diag_.charge(sizeof(Contact), offset)) return false;
    Version version = Version::v4;
    const Property* v = nullptr;
    for (const Property& p : props) {
      if (p.name == "VERSION") {
        v = &p;
        break;
      }
    }
    if (v == nullptr) {
      if (!diag_.warn(ErrorCode::missing_field, "card without VERSION: read as 4.0", offset))
        return false;
    } else {
      const std::string text(detail::trim(v->value));
      if (text == "3.0") {
        version = Version::v3;
      } else if (text == "2.1") {
        version = Version::v21;
      } else if (text != "4.0") {
        if (!diag_.warn(ErrorCode::unsupported, "VERSION " + detail::quote(text) + ": read as 4.0",
                        v->offset))
          return false;
      }
      if (version != Version::v4 &&
          !diag_.warn(ErrorCode::unsupported,
                      "vCard " + text + ": read as 4.0 with repairs (RFC 6350 section 7)",
                      v->offset))
        return false;
    }
    bool has_fn = false;
    for (const Property& p : props) has_fn = has_fn || p.name == "FN";
    if (!has_fn && !diag_.warn(ErrorCode::missing_field, "card without FN", offset)) return false;
    Contact c;
    if (!vcard_detail::to_contact(props, version, diag_, c)) return false;
    if (c.name.full.empty() && !c.name.empty() && !has_fn) {
      // FN is required; without it, the name is built from the N components.
      std::string full;
      for (const std::string* part : {&c.name.honorific_prefix, &c.name.given, &c.name.additional,
                                      &c.name.family, &c.name.honorific_suffix}) {
        if (part->empty()) continue;
        if (!full.empty()) full += ' ';
        full += *part;
      }
      c.name.full = full;
    }
    doc_.contacts.push_back(std::move(c));
    return true;
  }

  // Cards without UID get `contact:` + the slug of their name (else organization, unit);
  // duplicates get -2, -3...
  void assign_ids() {
    std::set<std::string> used;
    std::map<std::string, std::size_t> next_suffix;
    for (const Contact& c : doc_.contacts) {
      if (!c.id.empty()) used.insert(c.id);
    }
    for (Contact& c : doc_.contacts) {
      if (!c.id.empty()) continue;
      std::string base = detail::slugify(c.name.full);
      if (base.empty()) base = detail::slugify(c.organization_name + " " + c.unit);
      if (base.empty()) base = "card";
      std::string id = "contact:" + base;
      // Counting on from the last suffix given to this base keeps many cards of one name
      // linear.
      std::size_t& n = next_suffix[base];
      if (n < 2) n = 2;
      while (used.count(id) != 0) id = "contact:" + base + "-" + std::to_string(n++);
      used.insert(id);
      c.id = std::move(id);
    }
  }

  std::string_view input_;
  detail::Diagnostics diag_;
  std::vector<Line> lines_;
  std::size_t records_ = 0;
  std::size_t bad_lines_ = 0;
  Document doc_;
};

}  // namespace

Result<Document> read(std::string_view input, const ReadOptions& options) {
  // vCard 4.0 is UTF-8; cards saved in UTF-16 or UTF-32 (older vCards often are) are converted.
  return detail::guard_memory("vcard", "reading", [&]() -> Result<Document> {
    Result<Document> r =
        detail::read_decoded(input, false, "vcard", options, [&options](std::string_view text) {
          Reader reader(text, options);
          return reader.run();
        });
    detail::apply_trust(r, options);
    return r;
  });
}

}  // namespace vcard
PRESSROOM_ABI_END
}  // namespace pressroom
