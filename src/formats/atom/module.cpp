// SPDX-License-Identifier: MIT
// The `atom` module's entry points: reading (shared XML feed reader), the record writer, lint
// and the registry entry.
#include "formats/feed/module.hpp"
#include "detail/trust.hpp"
#include "pressroom/atom.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace atom {

Result<Document> read(std::string_view input, const ReadOptions& options) {
  return detail::guard_memory("atom", "reading", [&]() -> Result<Document> {
    Result<Document> r = feed_detail::read_xml_feed(input, options, "atom");
    detail::apply_trust(r, options, detail::Sanitised::html);
    return r;
  });
}

Status read_stream(std::istream& in, const RecordSink& sink, const ReadOptions& options) {
  return detail::guard_memory("atom", "reading", [&]() -> Status {
    detail::TrustedSink trusted(sink, options, detail::Sanitised::html);
    return trusted.finish(feed_detail::read_xml_feed_stream(in, trusted.sink(), options, "atom"));
  });
}

std::vector<Error> lint(const Document& doc) {
  std::vector<Error> out = write(doc, WriteOptions{}).warnings();
  for (auto& e : feed_detail::foreign_losses(doc, "atom")) {
    bool seen = false;
    for (const auto& o : out) seen = seen || (o.message == e.message && o.code == e.code);
    if (!seen) out.push_back(std::move(e));
  }
  return out;
}

Format format() {
  Format f;
  f.name = "atom";
  f.description =
      "Atom 0.3 and 1.0 (read), Atom 1.0 (write), lossless with the pressroom namespace";
  f.media_types = {"application/atom+xml"};
  f.extensions = {"atom"};
  f.sniff = [](std::string_view head) { return feed_detail::sniff_atom(head); };
  f.read = [](std::string_view input, const ReadOptions& o) { return read(input, o); };
  f.write = [](const Document& doc, const WriteOptions& o) { return write(doc, o); };
  f.read_stream = [](std::istream& in, const RecordSink& sink, const ReadOptions& o) {
    return read_stream(in, sink, o);
  };
  f.open_writer = [](std::ostream& out, const WriteOptions& o) { return open_writer(out, o); };
  f.carries = Capabilities{true, true, true, true, true, true, true, true};
  return f;
}

}  // namespace atom
PRESSROOM_ABI_END
}  // namespace pressroom
