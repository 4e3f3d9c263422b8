// SPDX-License-Identifier: MIT
// Pieces of the three feed modules' public entry points: the streaming record writer and the
// checks of lint().
#ifndef PRESSROOM_FORMATS_FEED_MODULE_HPP
#define PRESSROOM_FORMATS_FEED_MODULE_HPP

#include <cstdio>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "detail/spill.hpp"
#include "formats/feed/feed.hpp"
#include "formats/feed/xml_out.hpp"
#include "pressroom/io.hpp"

namespace pressroom::feed_detail {

// Whether an Emitter sets records aside in SpillBuffers and says why they were lost
// (`spill_error()`).
template <class E, class = void>
struct has_spill_error : std::false_type {};
template <class E>
struct has_spill_error<E, std::void_t<decltype(std::declval<const E&>().spill_error())>>
    : std::true_type {};

// A RecordWriter that streams the articles. The head is written when the first article
// arrives (so that it can derive what the feed lacks from that article), or once
// `held_records_max` records wait for one; each article is written and flushed as soon as it
// can be. What is kept in memory: the Feed record, the records that arrived before the head,
// and the names of the entities (EntityNames, what items show of the records they refer to).
// `Emitter` writes into the string it was constructed with and has `bool head(doc)` (false: the
// head cannot be written, `Emitter::head_error()` says why; the head writes the entity tables
// of `doc`), `item(names, article, late, late_feed)`, `tail(doc)` (the Feed record, the
// Document's version and extensions) and `warnings()`.
//
// Where entity records that arrive after the head go depends on `Emitter::tables_at_tail`:
// - true (RSS, JSON Feed): `record(r)` writes each one at once (RSS: a channel element before
//   the next item) or sets it aside in a SpillBuffer for the tail (JSON Feed); `late` is
//   always null.
// - false (Atom: RFC 4287 puts entries last): the last article is held back; records arriving
//   after the head are written inside the next article written (`late`: a Document with only
//   those records, the Feed only when `late_feed`), at the latest inside the last article at
//   finish(). With no article at all everything goes into the head.
// Called by an emitter's tail with the output string when it holds a chunk of a long tail:
// the streaming writer writes it out and clears it.
using Drain = detail::Drain;

template <class Emitter>
class StreamingFeedWriter final : public RecordWriter {
 public:
  // Records held before the head is written without an article (tables_at_tail emitters).
  static constexpr std::size_t held_records_max = 1024;

  StreamingFeedWriter(std::ostream& out, const WriteOptions& options)
      : out_(out), options_(options), emitter_(buffer_, options_) {}
  Status add(const Record& record) override {
    if (finished_) return detail::make_error(ErrorCode::io, "", "add() after finish()");
    if (const auto* a = std::get_if<Article>(&record)) {
      if (!head_) {
        doc_.articles.push_back(*a);  // lets the head derive what the feed lacks
        const bool ok = write_head();
        doc_.articles.clear();
        if (!ok) return fail();
      }
      if constexpr (Emitter::tables_at_tail) {
        emitter_.item(names_, *a, nullptr, false);
        return flush();
      } else {
        Status s = write_pending();
        pending_ = *a;
        return s;
      }
    }
    names_.add(record);
    if (!head_) {
      add_record(doc_, Record(record));
      if constexpr (Emitter::tables_at_tail) {
        if (++held_ >= held_records_max) {
          if (!write_head()) return fail();
          return flush();
        }
      }
      return {};
    }
    if (const auto* f = std::get_if<Feed>(&record)) {
      doc_.feed = *f;
      if constexpr (!Emitter::tables_at_tail) late_feed_ = true;
      return {};
    }
    if constexpr (Emitter::tables_at_tail) {
      emitter_.record(record);
      return flush();
    } else {
      add_record(late_, Record(record));
      return {};
    }
  }
  Status finish() override {
    if (finished_) return {};
    finished_ = true;
    if (!head_ && !write_head()) return fail();
    if constexpr (!Emitter::tables_at_tail) {
      Status s = write_pending();
      if (!s) return s;
    }
    const bool ok = emitter_.tail(doc_, [this](std::string&) { (void)flush(); });
    for (auto& w : emitter_.warnings()) warn_once(w);
    Status s = flush();
    if constexpr (has_spill_error<Emitter>::value) {
      if (s && !emitter_.spill_error().empty())
        return detail::make_error(ErrorCode::io, "", emitter_.spill_error());
    }
    if (s && !ok)
      return detail::make_error(ErrorCode::io, "", "cannot read back the records set aside");
    return s;
  }

 private:
  // Writes the head from what arrived so far, then drops the entity records (their names are
  // in names_).
  bool write_head() {
    if (!emitter_.head(doc_)) return false;
    head_ = true;
    doc_.organizations = {};
    doc_.commissioners = {};
    doc_.people = {};
    doc_.legislation = {};
    doc_.contacts = {};
    return true;
  }
  Status fail() {
    for (auto& w : emitter_.warnings()) warn_once(w);
    return Emitter::head_error();
  }
  Status write_pending() {
    if (!pending_) return {};
    const bool late = late_feed_ || !late_.organizations.empty() || !late_.commissioners.empty() ||
                      !late_.people.empty() || !late_.legislation.empty() ||
                      !late_.contacts.empty();
    if (late_feed_) late_.feed = doc_.feed;
    emitter_.item(names_, *pending_, late ? &late_ : nullptr, late_feed_);
    if (late) {
      late_ = Document{};
      late_feed_ = false;
    }
    pending_.reset();
    return flush();
  }
  Status flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    if (!out_) return detail::make_error(ErrorCode::io, "", "cannot write the output stream");
    return {};
  }
  std::ostream& out_;
  WriteOptions options_;
  std::string buffer_;
  Emitter emitter_;
  Document doc_;
  EntityNames names_;
  std::size_t held_ = 0;
  Document late_;
  bool late_feed_ = false;
  std::optional<Article> pending_;
  bool head_ = false;
  bool finished_ = false;
};

// Writes the whole of `doc` with the emitter the record writer streams with: the head, every
// article, the tail, into one string reserved with `reserve` bytes.
template <class Emitter>
Result<std::string> write_whole(const Document& doc, const WriteOptions& options,
                                std::size_t reserve, std::string_view format) {
  std::string out;
  out.reserve(reserve);
  Emitter e(out, options);
  (void)e.head(doc);
  const EntityNames names(doc);
  for (const auto& a : doc.articles) e.item(names, a, nullptr, false);
  if (!e.tail(doc, [](std::string&) {})) {
    if constexpr (has_spill_error<Emitter>::value) {
      if (!e.spill_error().empty())
        return detail::make_error(ErrorCode::io, format, e.spill_error());
    }
    return detail::make_error(ErrorCode::io, format, "cannot read back the records set aside");
  }
  Result<std::string> r(std::move(out));
  r.warnings() = std::move(e.warnings());
  return r;
}

// What foreign readers of RSS/Atom/JSON Feed do not get from `doc` (only pressroom reads the
// extension): one warning per kind, with the path of the first occurrence.
std::vector<Error> foreign_losses(const Document& doc, std::string_view format);

}  // namespace pressroom::feed_detail

#endif  // PRESSROOM_FORMATS_FEED_MODULE_HPP
