// SPDX-License-Identifier: MIT
#include "pressroom/registry.hpp"

#include <algorithm>
#include <optional>

#include "detail/encoding.hpp"
#include "detail/text.hpp"

namespace pressroom {
namespace {

// The better of `format`'s scores for the bytes of `head` and for `text`, the same head
// decoded from UTF-16 or UTF-32 (nothing when it is ASCII-compatible).
int sniff_decoded(const Format& format, std::string_view head,
                  const std::optional<std::string>& text) {
  if (!format.sniff) return 0;
  const int raw = format.sniff(head);
  return text ? std::max(raw, format.sniff(*text)) : raw;
}

}  // namespace

PRESSROOM_ABI_BEGIN

int sniff(const Format& format, std::string_view head) {
  return sniff_decoded(format, head, detail::decode_head(head));
}

void Registry::add(Format format) {
  for (Format& f : formats_) {
    if (f.name == format.name) {
      f = std::move(format);
      return;
    }
  }
  formats_.push_back(std::move(format));
}

const Format* Registry::find(std::string_view name) const noexcept {
  for (const Format& f : formats_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const Format* Registry::find_by_path(std::string_view path) const noexcept {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // The longest matching ending wins, so "a.tar.gz"-style endings beat "gz".
  const Format* best = nullptr;
  std::size_t best_len = 0;
  for (const Format& f : formats_) {
    for (const std::string& ext : f.extensions) {
      if (base.size() <= ext.size() + 1 || ext.size() <= best_len) continue;
      const std::string_view tail = base.substr(base.size() - ext.size());
      if (base[base.size() - ext.size() - 1] == '.' && detail::iequals(tail, ext)) {
        best = &f;
        best_len = ext.size();
      }
    }
  }
  return best;
}

const Format* Registry::detect(std::string_view head, std::string_view path) const {
  const Format* by_path = path.empty() ? nullptr : find_by_path(path);
  // Byte order before format: a UTF-16 or UTF-32 head is also sniffed as the text it holds.
  const std::optional<std::string> text = detail::decode_head(head);
  const Format* best = nullptr;
  int best_score = 0;
  for (const Format& f : formats_) {
    if (!f.read || !f.sniff) continue;
    int score = sniff_decoded(f, head, text);
    if (&f == by_path && score > 0) ++score;  // the file name breaks ties
    if (score > best_score) {
      best = &f;
      best_score = score;
    }
  }
  if (best) return best;
  return by_path && by_path->read ? by_path : nullptr;
}

Result<std::string> convert(const Registry& registry, std::string_view input, std::string_view from,
                            std::string_view to, const ReadOptions& read_options,
                            const WriteOptions& write_options) {
  return detail::guard_memory("convert", "converting", [&]() -> Result<std::string> {
    const auto fail = [](ErrorCode code, std::string message) {
      Error e;
      e.code = code;
      e.format = "convert";
      e.message = std::move(message);
      return Result<std::string>(std::move(e));
    };
    const Format* reader =
        from.empty() ? registry.detect(input.substr(0, 8192)) : registry.find(from);
    if (!reader) {
      return from.empty() ? fail(ErrorCode::not_this_format, "cannot tell the input's format")
                          : fail(ErrorCode::unsupported, "unknown format " + detail::quote(from));
    }
    if (!reader->read)
      return fail(ErrorCode::unsupported, "format '" + reader->name + "' cannot be read");
    const Format* writer = registry.find(to);
    if (!writer) return fail(ErrorCode::unsupported, "unknown format " + detail::quote(to));
    if (!writer->write)
      return fail(ErrorCode::unsupported, "format '" + writer->name + "' cannot be written");

    Result<Document> doc = reader->read(input, read_options);
    if (!doc) {
      Result<std::string> r(doc.error());
      r.warnings() = std::move(doc.warnings());
      return r;
    }
    Result<std::string> out = writer->write(*doc, write_options);
    std::vector<Error> warnings = std::move(doc.warnings());
    warnings.insert(warnings.end(), out.warnings().begin(), out.warnings().end());
    out.warnings() = std::move(warnings);
    return out;
  });
}

PRESSROOM_ABI_END
}  // namespace pressroom
