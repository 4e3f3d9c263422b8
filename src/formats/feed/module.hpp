// SPDX-License-Identifier: MIT
// Pieces of the three feed modules' public entry points: the streaming record writer and the
// checks of lint().
#ifndef PRESSROOM_FORMATS_FEED_MODULE_HPP
#define PRESSROOM_FORMATS_FEED_MODULE_HPP

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "formats/feed/feed.hpp"
#include "pressroom/io.hpp"

namespace pressroom::feed_detail {

// A RecordWriter that streams the articles. The feed and entity records are kept (they are
// small next to the articles); the head is written when the first article arrives (so that it
// can derive what the feed lacks from that article) and each article is written and flushed
// as soon as it can be. `Emitter` writes into the string it was constructed with and has
// `bool head(doc)` (false: the head cannot be written, `Emitter::head_error()` says why),
// `item(doc, article, late, late_feed)`, `tail(doc)` and `warnings()`.
//
// Where the feed and entity tables go depends on `Emitter::tables_at_tail`:
// - true (RSS, JSON Feed): the format allows them after the items, so `tail(doc)` writes them
//   at finish(); `late` is always null.
// - false (Atom: RFC 4287 puts entries last): the head holds what arrived before the first
//   article. The last article is held back; records arriving after the head are written
//   inside the next article written (`late`: a Document with only those records, the Feed
//   only when `late_feed`), at the latest inside the last article at finish(). With no
//   article at all everything goes into the head.
template <class Emitter>
class StreamingFeedWriter final : public RecordWriter {
 public:
  StreamingFeedWriter(std::ostream& out, const WriteOptions& options)
      : out_(out), options_(options), emitter_(buffer_, options_) {}
  Status add(const Record& record) override {
    if (finished_) return detail::make_error(ErrorCode::io, "", "add() after finish()");
    if (const auto* a = std::get_if<Article>(&record)) {
      if (!head_) {
        doc_.articles.push_back(*a);  // lets the head derive what the feed lacks
        const bool ok = emitter_.head(doc_);
        doc_.articles.clear();
        if (!ok) return fail();
        head_ = true;
      }
      if constexpr (Emitter::tables_at_tail) {
        emitter_.item(doc_, *a, nullptr, false);
        return flush();
      } else {
        Status s = write_pending();
        pending_ = *a;
        return s;
      }
    }
    Record copy = record;
    if constexpr (!Emitter::tables_at_tail) {
      if (head_) {
        if (std::holds_alternative<Feed>(copy)) late_feed_ = true;
        add_record(late_, Record(copy));
      }
    }
    add_record(doc_, std::move(copy));
    return {};
  }
  Status finish() override {
    if (finished_) return {};
    finished_ = true;
    if (!head_ && !emitter_.head(doc_)) return fail();
    head_ = true;
    if constexpr (!Emitter::tables_at_tail) {
      Status s = write_pending();
      if (!s) return s;
    }
    emitter_.tail(doc_);
    for (auto& w : emitter_.warnings()) warn_once(w);
    return flush();
  }

 private:
  Status fail() {
    for (auto& w : emitter_.warnings()) warn_once(w);
    return Emitter::head_error();
  }
  Status write_pending() {
    if (!pending_) return {};
    const bool late = late_feed_ || !late_.organizations.empty() || !late_.commissioners.empty() ||
                      !late_.people.empty() || !late_.legislation.empty() ||
                      !late_.contacts.empty();
    emitter_.item(doc_, *pending_, late ? &late_ : nullptr, late_feed_);
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
  Document late_;
  bool late_feed_ = false;
  std::optional<Article> pending_;
  bool head_ = false;
  bool finished_ = false;
};

// What foreign readers of RSS/Atom/JSON Feed do not get from `doc` (only pressroom reads the
// extension): one warning per kind, with the path of the first occurrence.
std::vector<Error> foreign_losses(const Document& doc, std::string_view format);

}  // namespace pressroom::feed_detail

#endif  // PRESSROOM_FORMATS_FEED_MODULE_HPP
