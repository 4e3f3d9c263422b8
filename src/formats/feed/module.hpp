// SPDX-License-Identifier: MIT
// Pieces of the three feed modules' public entry points: the buffering record writer and the
// checks of lint().
#ifndef PRESSROOM_FORMATS_FEED_MODULE_HPP
#define PRESSROOM_FORMATS_FEED_MODULE_HPP

#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "formats/feed/feed.hpp"
#include "pressroom/io.hpp"

namespace pressroom::feed_detail {

// A RecordWriter that gathers the records into a Document and writes it at finish(): a feed
// puts its entity tables in the head, before the items, so nothing can be written earlier.
class BufferedFeedWriter final : public RecordWriter {
 public:
  using WriteFn = Result<std::string> (*)(const Document&, const WriteOptions&);
  BufferedFeedWriter(std::ostream& out, const WriteOptions& options, WriteFn fn)
      : out_(out), options_(options), fn_(fn) {}
  Status add(const Record& record) override {
    if (finished_) return detail::make_error(ErrorCode::io, "", "add() after finish()");
    Record copy = record;
    add_record(doc_, std::move(copy));
    return {};
  }
  Status finish() override {
    if (finished_) return {};
    finished_ = true;
    Result<std::string> r = fn_(doc_, options_);
    for (auto& w : r.warnings()) warn_once(w);
    if (!r) return r.error();
    out_.write(r->data(), static_cast<std::streamsize>(r->size()));
    out_.flush();
    if (!out_) return detail::make_error(ErrorCode::io, "", "cannot write the output stream");
    return {};
  }

 private:
  std::ostream& out_;
  WriteOptions options_;
  WriteFn fn_;
  Document doc_;
  bool finished_ = false;
};

// A RecordWriter that streams the articles: the feed and entity records are kept (they are
// small next to the articles) and the head is written when the first article arrives, each
// article is written and flushed at once, and the entity tables go into the tail at finish().
// `Emitter` has head(doc), item(doc, article), tail(doc) and warnings(), writing into the
// string it was constructed with. A Feed record after the first article reaches the tail
// (the pressroom extension) but not the native head.
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
        emitter_.head(doc_);
        doc_.articles.clear();
        head_ = true;
      }
      emitter_.item(doc_, *a);
      return flush();
    }
    Record copy = record;
    add_record(doc_, std::move(copy));
    return {};
  }
  Status finish() override {
    if (finished_) return {};
    finished_ = true;
    if (!head_) emitter_.head(doc_);
    head_ = true;
    emitter_.tail(doc_);
    for (auto& w : emitter_.warnings()) warn_once(w);
    return flush();
  }

 private:
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
  bool head_ = false;
  bool finished_ = false;
};

// What foreign readers of RSS/Atom/JSON Feed do not get from `doc` (only pressroom reads the
// extension): one warning per kind, with the path of the first occurrence.
std::vector<Error> foreign_losses(const Document& doc, std::string_view format);

}  // namespace pressroom::feed_detail

#endif  // PRESSROOM_FORMATS_FEED_MODULE_HPP
