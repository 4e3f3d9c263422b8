// SPDX-License-Identifier: MIT
// pressroom::sanitize: one walk over the model (through its field table) that sanitises HTML
// fields and filters URL fields, and the trust policy every reader applies with it.
#include "pressroom/sanitize.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/text.hpp"
#include "detail/traits.hpp"
#include "detail/trust.hpp"
#include "detail/url.hpp"
#include "formats/feed/feed.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

bool is_safe_url(std::string_view url) noexcept { return detail::is_safe_url(url); }

namespace {

bool ends_with(std::string_view s, std::string_view tail) noexcept {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Fields holding one URL, by their canonical name.
bool is_url_field(std::string_view name) noexcept {
  return name == "url" || name == "href" || name == "uri" || name == "icon" || name == "logo" ||
         name == "base" || ends_with(name, "_url");
}

// Fields holding a list of URLs.
bool is_url_list(std::string_view name) noexcept {
  return name == "same_as" || ends_with(name, "_urls");
}

// Fields holding HTML.
bool is_html_field(std::string_view name) noexcept { return ends_with(name, "_html"); }

using detail::is_optional;
using detail::is_vector;

class Walker {
 public:
  Walker(const SanitizeOptions& options, std::vector<Error>& warnings)
      : options_(options), warnings_(warnings) {}

  // Walks a record or value; true when it lost the URL it exists for (a Link's href, a
  // Media's url) and must go as a whole.
  template <class T>
  bool walk(T& obj) {
    if constexpr (std::is_same_v<T, Link>) {
      const bool had = !obj.href.empty();
      walk_fields(obj);
      return had && obj.href.empty();
    } else if constexpr (std::is_same_v<T, Media>) {
      const bool had = !obj.url.empty();
      walk_fields(obj);
      return had && obj.url.empty();
    } else {
      walk_fields(obj);
      return false;
    }
  }

  // Walks `obj` under the path segment `name` (with `index` for an element of a list).
  template <class T>
  bool walk_at(T& obj, const char* name, std::size_t index = detail::npos) {
    path_.push_back(Segment{name, index});
    const bool drop = walk(obj);
    path_.pop_back();
    return drop;
  }

 private:
  struct Segment {
    const char* name;
    std::size_t index;
  };

  template <class T>
  void walk_fields(T& obj) {
    for_each_field(obj, [&](const char* name, auto& member) { field(name, member); });
  }

  void field(const char* name, std::string& value) {
    if (value.empty()) return;
    if (options_.urls && is_url_field(name)) {
      if (!detail::is_safe_url(value)) {
        warn(name, detail::npos, "unsafe URL " + detail::quote(value) + " removed");
        value.clear();
      }
    } else if (options_.html && is_html_field(name)) {
      feed_detail::HtmlResult h = feed_detail::process_html(value, {}, false);
      if (h.html != value) {
        if (h.removed) {
          warn(name, detail::npos, feed_detail::kUnsafeHtmlRemoved);
        }
        value = std::move(h.html);
      }
    }
  }

  void field(const char* name, std::vector<std::string>& values) {
    if (!options_.urls || !is_url_list(name)) return;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!values[i].empty() && !detail::is_safe_url(values[i])) {
        warn(name, i, "unsafe URL " + detail::quote(values[i]) + " removed");
        continue;
      }
      if (kept != i) values[kept] = std::move(values[i]);
      ++kept;
    }
    values.resize(kept);
  }

  template <class T>
  void field(const char* name, T& value) {
    if constexpr (is_optional<T>::value) {
      using V = typename T::value_type;
      if constexpr (is_reflected_v<V> && !std::is_same_v<V, DateTime>) {
        if (value && walk_at(*value, name)) value.reset();
      }
    } else if constexpr (is_vector<T>::value) {
      using V = typename T::value_type;
      if constexpr (is_reflected_v<V>) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < value.size(); ++i) {
          if (walk_at(value[i], name, i)) continue;
          if (kept != i) value[kept] = std::move(value[i]);
          ++kept;
        }
        value.resize(kept);
      }
    } else if constexpr (is_reflected_v<T> && !std::is_same_v<T, DateTime>) {
      (void)walk_at(value, name);
    }
  }

  void warn(const char* name, std::size_t index, std::string message) {
    std::string path;
    for (const Segment& s : path_) {
      if (!path.empty()) path += '.';
      path += s.name;
      if (s.index != detail::npos) path += '[' + std::to_string(s.index) + ']';
    }
    if (!path.empty()) path += '.';
    path += name;
    if (index != detail::npos) path += '[' + std::to_string(index) + ']';
    Error e;
    e.code = ErrorCode::invalid_value;
    e.severity = Severity::warning;
    e.format = "sanitize";
    e.path = std::move(path);
    e.message = std::move(message);
    warnings_.push_back(std::move(e));
  }

  const SanitizeOptions& options_;
  std::vector<Error>& warnings_;
  std::vector<Segment> path_;
};

// The table name of a record type, as paths of a streamed record start.
template <class T>
const char* record_name() {
  return Fields<T>::name;
}

}  // namespace

std::vector<Error> sanitize(Document& doc, const SanitizeOptions& options) {
  std::vector<Error> warnings;
  Walker(options, warnings).walk(doc);
  return warnings;
}

std::vector<Error> sanitize(Record& record, const SanitizeOptions& options) {
  std::vector<Error> warnings;
  Walker walker(options, warnings);
  std::visit(
      [&walker](auto& r) {
        using T = std::decay_t<decltype(r)>;
        (void)walker.walk_at(r, record_name<T>());
      },
      record);
  return warnings;
}

PRESSROOM_ABI_END

namespace detail {
namespace {

SanitizeOptions policy(const ReadOptions& options, Sanitised done) {
  SanitizeOptions s;
  s.html = !options.keep_raw_html && done == Sanitised::nothing;
  return s;
}

// Appends `more` to `to`, keeping at most Diagnostics::max_warnings (and one that says so).
void add_warnings(std::vector<Error>& to, std::vector<Error>&& more) {
  for (Error& e : more) {
    if (to.size() > Diagnostics::max_warnings) return;
    if (to.size() == Diagnostics::max_warnings) {
      Error last;
      last.code = ErrorCode::limit_exceeded;
      last.severity = Severity::warning;
      last.format = "sanitize";
      last.message = "more than " + std::to_string(Diagnostics::max_warnings) +
                     " warnings; the others are not reported";
      to.push_back(std::move(last));
      return;
    }
    to.push_back(std::move(e));
  }
}

Error as_error(Error e) {
  e.severity = Severity::error;
  return e;
}

}  // namespace

void apply_trust(Result<Document>& result, const ReadOptions& options, Sanitised done) {
  if (options.trusted || !result) return;
  std::vector<Error> found = sanitize(*result, policy(options, done));
  if (found.empty()) return;
  if (options.mode == Mode::strict) {
    std::vector<Error> warnings = std::move(result.warnings());
    result = Result<Document>(as_error(std::move(found.front())));
    result.warnings() = std::move(warnings);
    return;
  }
  add_warnings(result.warnings(), std::move(found));
}

TrustedSink::TrustedSink(const RecordSink& sink, const ReadOptions& options, Sanitised done)
    : options_(options), html_(policy(options, done).html) {
  if (options.trusted) {
    wrapped_ = sink;
    return;
  }
  wrapped_ = [this, &sink](Record&& record) -> Status {
    SanitizeOptions s;
    s.html = html_;
    std::vector<Error> found = sanitize(record, s);
    if (!found.empty()) {
      if (options_.mode == Mode::strict) return Status(as_error(std::move(found.front())));
      add_warnings(warnings_, std::move(found));
    }
    return sink(std::move(record));
  };
}

Status TrustedSink::finish(Status status) {
  if (warnings_.empty()) return status;
  add_warnings(status.warnings(), std::move(warnings_));
  warnings_.clear();
  return status;
}

}  // namespace detail
}  // namespace pressroom
