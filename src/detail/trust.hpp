// SPDX-License-Identifier: MIT
// How readers apply the caller's decision on trust (ReadOptions::trusted): every public read
// function and streaming reader ends in one of these, so that what a Document holds after a
// read in the default mode has passed pressroom::sanitize, whatever the input says about
// itself.
#ifndef PRESSROOM_DETAIL_TRUST_HPP
#define PRESSROOM_DETAIL_TRUST_HPP

#include <vector>

#include "pressroom/io.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/result.hpp"

namespace pressroom::detail {

// What a reader has already made safe itself, in the pass that read the input.
enum class Sanitised {
  nothing,  // the reader copies what it reads: HTML and URL fields are all checked after it
  html      // the feed readers: every HTML field they set went through the sanitiser in their
            // one pass over the markup (items claiming to be pressroom's own too), so only URL
            // fields are checked after them
};

// Unless `options.trusted`, sanitises the Document of a successful read and adds a warning per
// change (HTML fields are left alone under keep_raw_html or when `done` is html); in strict
// mode the first such warning becomes the error.
void apply_trust(Result<Document>& result, const ReadOptions& options,
                 Sanitised done = Sanitised::nothing);

// Sanitises each record a streaming reader hands on, the same way, before `sink` sees it.
class TrustedSink {
 public:
  TrustedSink(const RecordSink& sink, const ReadOptions& options,
              Sanitised done = Sanitised::nothing);
  // The sink to give the reader (it refers to this object, which must outlive the read).
  [[nodiscard]] const RecordSink& sink() const noexcept { return wrapped_; }
  // Adds the warnings collected to the reader's outcome and returns it.
  [[nodiscard]] Status finish(Status status);

 private:
  const ReadOptions& options_;
  bool html_;
  RecordSink wrapped_;
  std::vector<Error> warnings_;
};

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_TRUST_HPP
