// SPDX-License-Identifier: MIT
// Canonical JSON reader: nlohmann's iterative SAX parser feeding a handler that maps events
// straight into the model through the reflection table (no DOM). A stack of frames knows
// which object, vector or map each event fills.
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"
#include "formats/json/codec.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom::json_codec {
namespace {

using detail::Diagnostics;
using detail::npos;

template <class T>
constexpr bool is_record_v = std::is_same_v<T, Article> || std::is_same_v<T, Organization> ||
                             std::is_same_v<T, Commissioner> || std::is_same_v<T, Person> ||
                             std::is_same_v<T, Legislation> || std::is_same_v<T, Contact>;

class Handler;

// What a member of some type accepts; a null entry means "wrong type". Each returns true when
// the value was stored, false when it was rejected (a warning or the error already issued).
struct ValueOps {
  const char* expected;
  bool (*on_string)(Handler&, void*, std::string&);
  bool (*on_integer)(Handler&, void*, std::int64_t);
  bool (*on_unsigned)(Handler&, void*, std::uint64_t);
  bool (*on_float)(Handler&, void*, double);
  bool (*on_start_object)(Handler&, void*);
  bool (*on_start_array)(Handler&, void*);
  void (*reset)(void*);
};

struct Slot {
  void* ptr = nullptr;
  const ValueOps* ops = nullptr;
  const char* name = nullptr;
};

struct StructOps {
  // Finds the member named `key`: fills `slot` and the field's index.
  bool (*find)(void* obj, std::string_view key, Slot& slot, unsigned& index);
  Extensions* (*extensions)(void* obj);  // null when the struct has none
};

struct ArrayOps {
  const ValueOps* element;
  void* (*emplace)(void* vec);
  void (*pop)(void* vec);
  bool records;  // elements are records of a Document table (counted against max_records)
  std::size_t element_size;  // sizeof an element (charged against the memory budget)
};

enum class FrameKind : unsigned char {
  object,
  array,
  extensions,
  skip,
  capture_object,
  capture_array
};

struct Frame {
  FrameKind kind = FrameKind::skip;
  void* target = nullptr;
  const StructOps* sops = nullptr;
  const ArrayOps* aops = nullptr;
  const char* key = nullptr;        // member name this frame was entered by (for paths)
  std::string* buffer = nullptr;    // capture frames: where the JSON text goes
  std::uint64_t seen = 0;           // object frames: fields already read (duplicates)
  std::size_t count = 0;            // array: elements in the vector; capture: items written
  std::string unknown;              // object frames: `"k":v,...` of unknown keys kept
  const char* raw_start = nullptr;  // extensions.json: where its object starts in the input
};

enum class PendingKind : unsigned char { none, slot, capture, ext_json, skip };

// Iterator over the input that lets the handler see how far the lexer has read (positions of
// warnings); nlohmann's parser copies its iterators, so the position lives in the handler.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char** cur = nullptr;
  const char* fixed = nullptr;
  const char* pos() const { return cur ? *cur : fixed; }
  reference operator*() const { return **cur; }
  CountingIterator& operator++() {
    ++*cur;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*cur;
    return old;
  }
  friend bool operator==(const CountingIterator& a, const CountingIterator& b) {
    return a.pos() == b.pos();
  }
  friend bool operator!=(const CountingIterator& a, const CountingIterator& b) {
    return a.pos() != b.pos();
  }
};

template <class M>
struct Ops;

// Where a lenient read replaced an invalid UTF-8 sequence by U+FFFD (3 bytes), so that
// positions in the repaired copy map back to the caller's input.
struct RepairMark {
  std::size_t repaired;  // offset of the U+FFFD in the repaired copy
  std::size_t original;  // offset of the invalid sequence in the input
  std::size_t length;    // its length in the input
};
using RepairMarks = std::vector<RepairMark>;

std::size_t to_original(std::size_t x, const RepairMarks& marks) {
  const RepairMark* last = nullptr;
  for (const RepairMark& m : marks) {
    if (m.repaired > x) break;
    last = &m;
  }
  if (!last) return x;
  if (x < last->repaired + 3) return last->original;
  return last->original + last->length + (x - last->repaired - 3);
}

// Copies `text` with each maximal invalid UTF-8 subsequence replaced by U+FFFD.
std::string repair_with_marks(std::string_view text, RepairMarks& marks) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t cp;
    const std::size_t n = detail::decode_utf8(text, i, cp);
    if (n > 0) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    const std::size_t start = i++;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    marks.push_back({out.size(), start, i - start});
    out += "\xEF\xBF\xBD";
  }
  return out;
}

class Handler {
 public:
  Handler(Diagnostics& diag, std::string_view input, void* root, const StructOps* root_ops,
          const std::string& prefix, std::string_view ignored_key,
          const RepairMarks* marks = nullptr)
      : diag_(diag),
        marks_(marks),
        limits_(diag.options().limits),
        begin_(input.data()),
        cursor_(input.data()),
        root_(root),
        root_ops_(root_ops),
        prefix_(prefix),
        ignored_key_(ignored_key) {}

  bool parse(std::string_view input) {
    CountingIterator first{&cursor_, nullptr};
    CountingIterator last{nullptr, input.data() + input.size()};
    try {
      const bool ok = nlohmann::json::sax_parse(first, last, this);
      if (!ok && !diag_.failed()) {
        diag_.fail(ErrorCode::syntax, "invalid json", offset());
      }
      if (ok && root_is_array_ && !diag_.failed()) {
        diag_.fail(ErrorCode::syntax, "expected a json object at the top level, found an array", 0,
                   prefix_);
      }
    } catch (const nlohmann::json::exception& e) {
      diag_.fail(ErrorCode::syntax, clean_message(e.what()), offset());
    } catch (const std::length_error&) {
      diag_.fail(ErrorCode::limit_exceeded, "value too large", offset());
    }
    return !diag_.failed();
  }

  // --- nlohmann SAX interface -------------------------------------------------------------
  bool null() {
    return value_event(
        [&](const ValueOps* ops, void* p, bool in_array) {
          if (in_array) return false;  // null in an array: the element is absent
          ops->reset(p);
          return true;
        },
        [](std::string& buf) { buf += "null"; });
  }
  bool boolean(bool v) {
    return value_event([&](const ValueOps* ops, void*,
                           bool) { return wrong_type(ops->expected, v ? "'true'" : "'false'"); },
                       [v](std::string& buf) { buf += v ? "true" : "false"; });
  }
  bool number_integer(std::int64_t v) {
    return value_event(
        [&](const ValueOps* ops, void* p, bool) {
          if (!ops->on_integer) return wrong_type(ops->expected, "a number");
          return ops->on_integer(*this, p, v);
        },
        [v](std::string& buf) { append_number(buf, v); });
  }
  bool number_unsigned(std::uint64_t v) {
    return value_event(
        [&](const ValueOps* ops, void* p, bool) {
          if (!ops->on_unsigned) return wrong_type(ops->expected, "a number");
          return ops->on_unsigned(*this, p, v);
        },
        [v](std::string& buf) { append_number(buf, v); });
  }
  bool number_float(double v, const std::string& lexeme) {
    return value_event(
        [&](const ValueOps* ops, void* p, bool) {
          if (!ops->on_float) return wrong_type(ops->expected, "a number");
          return ops->on_float(*this, p, v);
        },
        [&lexeme](std::string& buf) { buf += lexeme; });
  }
  bool string(std::string& s) {
    if (s.size() > limits_.max_string_bytes) return string_limit(s.size());
    return value_event(
        [&](const ValueOps* ops, void* p, bool) {
          if (!ops->on_string) return wrong_type(ops->expected, "a string");
          return ops->on_string(*this, p, s);
        },
        [&s](std::string& buf) { append_string(buf, s); }, &s);
  }
  bool binary(nlohmann::json::binary_t&) { return true; }  // never produced by the JSON lexer
  bool start_object(std::size_t) { return start_container(true); }
  bool start_array(std::size_t) { return start_container(false); }
  bool end_object() { return end_container(); }
  bool end_array() { return end_container(); }
  bool key(std::string& k);
  bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception& e) {
    const ErrorCode code = e.id == 406 ? ErrorCode::invalid_value : ErrorCode::syntax;
    std::string path = current_path();
    if (e.id == 406 && depth_ > 0 && frames_[depth_ - 1].kind == FrameKind::array) {
      // A number out of range is a value the lexer refused before any event: in an array it
      // is the element after the last one read.
      Frame& f = frames_[depth_ - 1];
      ++f.count;
      path = path_of(depth_, nullptr);
      --f.count;
    }
    diag_.fail(code, clean_message(e.what()), original(position > 0 ? position - 1 : 0), path);
    return false;
  }

  // --- used by the member operations ------------------------------------------------------
  // Reports a repaired or rejected value at the current member; false in strict mode.
  bool issue(ErrorCode code, std::string message) {
    return diag_.warn(code, std::move(message), offset(), current_path());
  }
  // Rejects the value at hand (always returns false; the caller skips it).
  bool reject(ErrorCode code, std::string message) {
    (void)issue(code, std::move(message));
    return false;
  }
  bool wrong_type(const char* expected, const char* found) {
    return reject(ErrorCode::invalid_value,
                  std::string("expected ") + expected + ", found " + found);
  }
  void push_object(void* target, const StructOps* sops) {
    Frame& f = push(FrameKind::object);
    f.target = target;
    f.sops = sops;
  }
  void push_array(void* target, const ArrayOps* aops) {
    Frame& f = push(FrameKind::array);
    f.target = target;
    f.aops = aops;
  }
  void push_extensions(void* target) {
    Frame& f = push(FrameKind::extensions);
    f.target = target;
  }

 private:
  template <class V>
  static void append_number(std::string& buf, V v) {
    char tmp[24];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf.append(tmp, res.ptr);
  }

  static std::string clean_message(const char* what) {
    std::string_view m(what);
    if (auto p = m.find("] "); p != std::string_view::npos) m.remove_prefix(p + 2);
    if (m.substr(0, 15) == "parse error at ") {
      if (auto p = m.find(": "); p != std::string_view::npos) m.remove_prefix(p + 2);
    }
    std::string out(m);
    // The quoted input ("number overflow parsing '1000...'", "last read: '...'") is cut short:
    // a 400-digit number or a long string is no message.
    const std::size_t open = out.find('\'');
    const std::size_t close = out.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      out = out.substr(0, open) + detail::quote(out.substr(open + 1, close - open - 1)) +
            out.substr(close + 1);
    }
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] + 32);
    return out;
  }

  std::size_t offset() const {
    const auto read = static_cast<std::size_t>(cursor_ - begin_);
    return original(read > 0 ? read - 1 : 0);
  }
  std::size_t original(std::size_t repaired) const {
    return marks_ ? to_original(repaired, *marks_) : repaired;
  }

  Frame& push(FrameKind kind) {
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& f = frames_[depth_++];
    f.kind = kind;
    f.target = nullptr;
    f.sops = nullptr;
    f.aops = nullptr;
    f.key = entering_key_;
    f.buffer = nullptr;
    f.seen = 0;
    f.count = 0;
    f.unknown.clear();
    f.raw_start = nullptr;
    return f;
  }

  // The model path of frames [0, upto) followed by `last`.
  std::string path_of(std::size_t upto, const char* last) const {
    std::string p = prefix_;
    for (std::size_t i = 0; i < upto; ++i) {
      const Frame& f = frames_[i];
      if (f.kind == FrameKind::capture_object || f.kind == FrameKind::capture_array ||
          f.kind == FrameKind::skip) {
        break;
      }
      if (f.key) {
        if (!p.empty()) p += '.';
        p += f.key;
      }
      if (f.kind == FrameKind::array && f.count > 0 && i + 1 < upto) {
        p += '[';
        p += std::to_string(f.count - 1);
        p += ']';
      }
    }
    if (last) {
      if (!p.empty()) p += '.';
      p += last;
    } else if (upto > 0 && frames_[upto - 1].kind == FrameKind::array) {
      p += '[';
      p += std::to_string(frames_[upto - 1].count > 0 ? frames_[upto - 1].count - 1 : 0);
      p += ']';
    }
    return p;
  }
  std::string current_path() const { return path_of(depth_, slot_name_); }

  bool string_limit(std::size_t size) {
    diag_.fail(ErrorCode::limit_exceeded,
               "string of " + std::to_string(size) +
                   " bytes exceeds the limit (max_string_bytes = " +
                   std::to_string(limits_.max_string_bytes) + ")",
               offset(), current_path());
    return false;
  }

  bool root_not_object() {
    diag_.fail(ErrorCode::syntax, "expected a json object at the top level", offset(), prefix_);
    return false;
  }

  // Delivers a scalar to wherever the next value goes: `on_slot(ops, ptr, in_array)` for a
  // model member, `on_capture(buffer)` when it is copied as JSON text.
  template <class S, class C>
  bool value_event(S&& on_slot, C&& on_capture, std::string* string_value = nullptr) {
    if (depth_ == 0) return root_not_object();
    Frame& f = frames_[depth_ - 1];
    switch (f.kind) {
      case FrameKind::skip:
        return true;
      case FrameKind::capture_object:
        on_capture(*f.buffer);
        return true;
      case FrameKind::capture_array:
        if (f.count++ > 0) *f.buffer += ',';
        on_capture(*f.buffer);
        return true;
      case FrameKind::array: {
        if (!add_element(f)) return false;
        slot_name_ = nullptr;
        const bool ok = on_slot(f.aops->element, f.aops->emplace(f.target), true);
        if (!ok) {
          f.aops->pop(f.target);
          --f.count;
        }
        return !diag_.failed();
      }
      case FrameKind::object:
      case FrameKind::extensions: {
        const PendingKind kind = pending_;
        pending_ = PendingKind::none;
        switch (kind) {
          case PendingKind::slot:
            slot_name_ = slot_.name;
            (void)on_slot(slot_.ops, slot_.ptr, false);
            return !diag_.failed();
          case PendingKind::capture:
            on_capture(*capture_);
            return true;
          case PendingKind::ext_json:
            // A string under extensions.json is kept as the string itself.
            if (string_value) {
              *capture_ = *string_value;
            } else {
              on_capture(*capture_);
            }
            return true;
          default:
            return true;
        }
      }
    }
    return true;
  }

  bool add_element(Frame& f) {
    ++f.count;
    if (f.aops->records && ++records_ > limits_.max_records) {
      diag_.fail(
          ErrorCode::limit_exceeded,
          "more records than the limit (max_records = " + std::to_string(limits_.max_records) + ")",
          offset(), current_path());
      return false;
    }
    return diag_.charge(f.aops->element_size, offset(), current_path());
  }

  bool start_container(bool is_object) {
    if (depth_ >= limits_.max_depth) {
      diag_.fail(ErrorCode::limit_exceeded,
                 "nesting deeper than the depth limit (max_depth = " +
                     std::to_string(limits_.max_depth) + ")",
                 offset());
      return false;
    }
    if (depth_ == 0) {
      if (!is_object && !root_started_) {
        // Walk a top-level array to its end (under the depth limit), then refuse it.
        root_started_ = true;
        root_is_array_ = true;
        push(FrameKind::skip);
        return true;
      }
      if (!is_object || root_started_) return root_not_object();
      root_started_ = true;
      entering_key_ = nullptr;
      push_object(root_, root_ops_);
      return true;
    }
    Frame& f = frames_[depth_ - 1];
    switch (f.kind) {
      case FrameKind::skip:
        entering_key_ = nullptr;
        push(FrameKind::skip);
        return true;
      case FrameKind::capture_array:
        if (f.count++ > 0) *f.buffer += ',';
        [[fallthrough]];
      case FrameKind::capture_object:
        return push_capture(f.buffer, is_object);
      case FrameKind::array: {
        if (!add_element(f)) return false;
        slot_name_ = nullptr;
        entering_key_ = nullptr;
        const ValueOps* ops = f.aops->element;
        void* target = f.target;
        const ArrayOps* aops = f.aops;
        void* element = aops->emplace(target);
        auto fn = is_object ? ops->on_start_object : ops->on_start_array;
        const bool ok = fn ? fn(*this, element)
                           : wrong_type(ops->expected, is_object ? "an object" : "an array");
        if (!ok) {
          aops->pop(target);
          --frames_[depth_ - 1].count;
          if (diag_.failed()) return false;
          entering_key_ = nullptr;
          push(FrameKind::skip);
        }
        return true;
      }
      case FrameKind::object:
      case FrameKind::extensions: {
        const PendingKind kind = pending_;
        pending_ = PendingKind::none;
        switch (kind) {
          case PendingKind::slot: {
            slot_name_ = slot_.name;
            entering_key_ = slot_.name;
            const ValueOps* ops = slot_.ops;
            auto fn = is_object ? ops->on_start_object : ops->on_start_array;
            const bool ok = fn ? fn(*this, slot_.ptr)
                               : wrong_type(ops->expected, is_object ? "an object" : "an array");
            if (!ok) {
              if (diag_.failed()) return false;
              entering_key_ = nullptr;
              push(FrameKind::skip);
            }
            return true;
          }
          case PendingKind::capture:
            return push_capture(capture_, is_object);
          case PendingKind::ext_json:
            // Kept as the input's own text (see end_container), so that it reads back the
            // same whatever its spacing, escapes or number forms.
            if (!push_capture(capture_, is_object)) return false;
            frames_[depth_ - 1].raw_start = cursor_ - 1;
            return true;
          default:
            entering_key_ = nullptr;
            push(FrameKind::skip);
            return true;
        }
      }
    }
    return true;
  }

  bool push_capture(std::string* buffer, bool is_object) {
    *buffer += is_object ? '{' : '[';
    entering_key_ = nullptr;
    Frame& f = push(is_object ? FrameKind::capture_object : FrameKind::capture_array);
    f.buffer = buffer;
    return true;
  }

  bool end_container() {
    if (depth_ == 0) return true;
    Frame& f = frames_[depth_ - 1];
    switch (f.kind) {
      case FrameKind::capture_object:
      case FrameKind::capture_array:
        if (f.raw_start != nullptr &&
            *f.raw_start == (f.kind == FrameKind::capture_object ? '{' : '[') &&
            cursor_ > f.raw_start &&
            cursor_[-1] == (f.kind == FrameKind::capture_object ? '}' : ']')) {
          f.buffer->assign(f.raw_start, cursor_);
        } else {
          *f.buffer += f.kind == FrameKind::capture_object ? '}' : ']';
        }
        f.raw_start = nullptr;
        break;
      case FrameKind::object:
        if (!f.unknown.empty()) merge_unknown(f);
        break;
      default:
        break;
    }
    --depth_;
    pending_ = PendingKind::none;
    slot_name_ = nullptr;  // what follows belongs to the enclosing container
    return !diag_.failed();
  }

  // Adds the unknown keys kept while reading an object to its extensions["json"] object.
  void merge_unknown(Frame& f) {
    Extensions* ext = f.sops->extensions(f.target);
    std::string& json = (*ext)["json"];
    const std::string_view t = detail::trim(json);
    if (t.empty() || t == "{}") {
      json = "{" + f.unknown + "}";
    } else if (t.front() == '{' && t.back() == '}') {
      std::string merged(t.substr(0, t.size() - 1));
      merged += ',';
      merged += f.unknown;
      merged += '}';
      json = std::move(merged);
    } else {
      (void)diag_.warn(ErrorCode::unsupported,
                       "unknown keys dropped: extensions.json is not an object", offset(),
                       path_of(depth_, nullptr));
    }
  }

  Diagnostics& diag_;
  const RepairMarks* marks_ = nullptr;
  bool root_is_array_ = false;
  const Limits& limits_;
  const char* begin_;
  const char* cursor_;
  void* root_;
  const StructOps* root_ops_;
  const std::string& prefix_;
  std::string_view ignored_key_;
  std::deque<Frame> frames_;
  std::size_t depth_ = 0;
  bool root_started_ = false;
  std::size_t records_ = 0;
  PendingKind pending_ = PendingKind::none;
  Slot slot_;
  std::string* capture_ = nullptr;
  const char* slot_name_ = nullptr;     // member whose value is being read (paths)
  const char* entering_key_ = nullptr;  // key of the frame about to be pushed
  std::string key_;                     // the last key read (paths, extensions)
};

// --- member operations, one table per member type -------------------------------------------

template <class M>
void reset_value(void* p) {
  *static_cast<M*>(p) = M{};
}

template <class S>
struct StructTable {
  static constexpr bool has_extensions =
      std::is_same_v<S, Document> || std::is_same_v<S, Feed> || is_record_v<S>;
  static bool find(void* obj, std::string_view key, Slot& slot, unsigned& index) {
    if (key.empty()) return false;
    S& s = *static_cast<S*>(obj);
    bool found = false;
    unsigned i = 0;
    for_each_field(s, [&](const char* name, auto& member) {
      if (!found && name[0] == key[0] && key == name) {
        using M = std::remove_reference_t<decltype(member)>;
        slot.ptr = &member;
        slot.ops = &Ops<M>::table;
        slot.name = name;
        index = i;
        found = true;
      }
      ++i;
    });
    return found;
  }
  static Extensions* extensions(void* obj) {
    if constexpr (has_extensions) {
      return &static_cast<S*>(obj)->extensions;
    } else {
      (void)obj;
      return nullptr;
    }
  }
  static constexpr StructOps table = {&find, has_extensions ? &extensions : nullptr};
};

template <class X>
struct ArrayTable {
  static void* emplace(void* vec) {
    auto& v = *static_cast<std::vector<X>*>(vec);
    v.emplace_back();
    return &v.back();
  }
  static void pop(void* vec) { static_cast<std::vector<X>*>(vec)->pop_back(); }
  static constexpr ArrayOps table = {&Ops<X>::table, &emplace, &pop, is_record_v<X>, sizeof(X)};
};

template <>
struct Ops<std::string> {
  static bool on_string(Handler&, void* p, std::string& s) {
    *static_cast<std::string*>(p) = s;
    return true;
  }
  static constexpr ValueOps table = {"a string", &on_string, nullptr, nullptr,
                                     nullptr,    nullptr,    nullptr, &reset_value<std::string>};
};

template <>
struct Ops<int> {
  static bool store(Handler& h, void* p, long double v, bool integral) {
    if (!integral)
      return h.reject(ErrorCode::invalid_value, "expected an integer, found a fraction");
    if (v < static_cast<long double>(INT_MIN) || v > static_cast<long double>(INT_MAX)) {
      return h.reject(ErrorCode::invalid_value, "integer out of range");
    }
    *static_cast<int*>(p) = static_cast<int>(v);
    return true;
  }
  static bool on_integer(Handler& h, void* p, std::int64_t v) {
    if (v < INT_MIN || v > INT_MAX)
      return h.reject(ErrorCode::invalid_value, "integer out of range");
    *static_cast<int*>(p) = static_cast<int>(v);
    return true;
  }
  static bool on_unsigned(Handler& h, void* p, std::uint64_t v) {
    if (v > static_cast<std::uint64_t>(INT_MAX)) {
      return h.reject(ErrorCode::invalid_value, "integer out of range");
    }
    *static_cast<int*>(p) = static_cast<int>(v);
    return true;
  }
  static bool on_float(Handler& h, void* p, double v) { return store(h, p, v, std::floor(v) == v); }
  static constexpr ValueOps table = {"an integer", nullptr, &on_integer, &on_unsigned,
                                     &on_float,    nullptr, nullptr,     &reset_value<int>};
};

template <>
struct Ops<std::uint64_t> {
  static bool on_integer(Handler& h, void* p, std::int64_t v) {
    if (v < 0) return h.reject(ErrorCode::invalid_value, "expected a non-negative integer");
    *static_cast<std::uint64_t*>(p) = static_cast<std::uint64_t>(v);
    return true;
  }
  static bool on_unsigned(Handler&, void* p, std::uint64_t v) {
    *static_cast<std::uint64_t*>(p) = v;
    return true;
  }
  static bool on_float(Handler& h, void* p, double v) {
    if (std::floor(v) != v || v < 0 || v >= 18446744073709551616.0) {
      return h.reject(ErrorCode::invalid_value, "expected a non-negative integer");
    }
    *static_cast<std::uint64_t*>(p) = static_cast<std::uint64_t>(v);
    return true;
  }
  static constexpr ValueOps table = {
      "an integer", nullptr, &on_integer, &on_unsigned,
      &on_float,    nullptr, nullptr,     &reset_value<std::uint64_t>};
};

template <>
struct Ops<double> {
  static bool on_integer(Handler&, void* p, std::int64_t v) {
    *static_cast<double*>(p) = static_cast<double>(v);
    return true;
  }
  static bool on_unsigned(Handler&, void* p, std::uint64_t v) {
    *static_cast<double*>(p) = static_cast<double>(v);
    return true;
  }
  static bool on_float(Handler&, void* p, double v) {
    *static_cast<double*>(p) = v;
    return true;
  }
  static constexpr ValueOps table = {"a number", nullptr, &on_integer, &on_unsigned,
                                     &on_float,  nullptr, nullptr,     &reset_value<double>};
};

template <>
struct Ops<DateTime> {
  static bool on_string(Handler& h, void* p, std::string& s) {
    auto dt = parse_date_time(s);
    if (!dt)
      return h.reject(ErrorCode::invalid_value, "invalid date " + detail::quote(s) + " dropped");
    *static_cast<DateTime*>(p) = std::move(*dt);
    return true;
  }
  static constexpr ValueOps table = {"a date string", &on_string, nullptr, nullptr,
                                     nullptr,         nullptr,    nullptr, &reset_value<DateTime>};
};

template <>
struct Ops<Block> {
  static bool on_string(Handler&, void* p, std::string& s) {
    auto& b = *static_cast<Block*>(p);
    b.type = BlockType::paragraph;
    b.text = s;
    return true;
  }
  static bool on_start_object(Handler& h, void* p) {
    h.push_object(p, &StructTable<Block>::table);
    return true;
  }
  static constexpr ValueOps table = {"a string or a block object",
                                     &on_string,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     &on_start_object,
                                     nullptr,
                                     &reset_value<Block>};
};

template <>
struct Ops<Extensions> {
  static bool on_start_object(Handler& h, void* p) {
    h.push_extensions(p);
    return true;
  }
  static constexpr ValueOps table = {
      "an object", nullptr,          nullptr, nullptr,
      nullptr,     &on_start_object, nullptr, &reset_value<Extensions>};
};

template <class X>
struct Ops<std::vector<X>> {
  static bool on_start_array(Handler& h, void* p) {
    h.push_array(p, &ArrayTable<X>::table);
    return true;
  }
  static constexpr ValueOps table = {
      "an array", nullptr, nullptr,         nullptr,
      nullptr,    nullptr, &on_start_array, &reset_value<std::vector<X>>};
};

template <class X>
struct Ops<std::optional<X>> {
  using Opt = std::optional<X>;
  // Engages the optional, hands the value to X's operation, and disengages it again when the
  // value was rejected. (Null-checked at run time: UBSan builds do not fold the comparison of
  // function pointers in constant expressions.)
  template <class Fn, class... Args>
  static bool forward(Fn fn, const char* found, Handler& h, void* p, Args&&... args) {
    if (!fn) return h.wrong_type(Ops<X>::table.expected, found);
    auto& opt = *static_cast<Opt*>(p);
    const bool ok = fn(h, &opt.emplace(), std::forward<Args>(args)...);
    if (!ok) opt.reset();
    return ok;
  }
  static bool on_string(Handler& h, void* p, std::string& s) {
    return forward(Ops<X>::table.on_string, "a string", h, p, s);
  }
  static bool on_integer(Handler& h, void* p, std::int64_t v) {
    return forward(Ops<X>::table.on_integer, "a number", h, p, v);
  }
  static bool on_unsigned(Handler& h, void* p, std::uint64_t v) {
    return forward(Ops<X>::table.on_unsigned, "a number", h, p, v);
  }
  static bool on_float(Handler& h, void* p, double v) {
    return forward(Ops<X>::table.on_float, "a number", h, p, v);
  }
  static bool on_start_object(Handler& h, void* p) {
    return forward(Ops<X>::table.on_start_object, "an object", h, p);
  }
  static bool on_start_array(Handler& h, void* p) {
    return forward(Ops<X>::table.on_start_array, "an array", h, p);
  }
  static constexpr ValueOps table = {Ops<X>::table.expected, &on_string,       &on_integer,
                                     &on_unsigned,           &on_float,        &on_start_object,
                                     &on_start_array,        &reset_value<Opt>};
};

// Enums and reflected structs.
template <class M>
struct Ops {
  static bool on_string(Handler& h, void* p, std::string& s) {
    if constexpr (std::is_enum_v<M>) {
      if (auto e = enum_from_string<M>(s)) {
        *static_cast<M*>(p) = *e;
        return true;
      }
      // Leniency: an unknown name becomes `other` when the enum has it, else the default.
      const auto fallback = enum_from_string<M>("other");
      if (!h.issue(ErrorCode::invalid_value, "unknown value " + detail::quote(s) +
                                                 (fallback ? ", read as 'other'" : ", ignored"))) {
        return false;
      }
      *static_cast<M*>(p) = fallback ? *fallback : M{};
      return true;
    } else {
      (void)h, (void)p, (void)s;
      return false;
    }
  }
  static bool on_start_object(Handler& h, void* p) {
    if constexpr (is_reflected_v<M>) {
      h.push_object(p, &StructTable<M>::table);
      return true;
    } else {
      (void)h, (void)p;
      return false;
    }
  }
  static constexpr ValueOps table = {std::is_enum_v<M> ? "a name" : "an object",
                                     std::is_enum_v<M> ? &on_string : nullptr,
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     is_reflected_v<M> ? &on_start_object : nullptr,
                                     nullptr,
                                     &reset_value<M>};
};

bool Handler::key(std::string& k) {
  if (k.size() > limits_.max_string_bytes) return string_limit(k.size());
  Frame& f = frames_[depth_ - 1];
  switch (f.kind) {
    case FrameKind::skip:
      return true;
    case FrameKind::capture_object:
      if (f.count++ > 0) *f.buffer += ',';
      append_string(*f.buffer, k);
      *f.buffer += ':';
      return true;
    case FrameKind::extensions: {
      auto* ext = static_cast<Extensions*>(f.target);
      key_ = k;
      slot_name_ = key_.c_str();
      auto it = ext->find(k);
      if (it != ext->end()) {
        if (!diag_.warn(ErrorCode::invalid_value, "duplicate key " + detail::quote(k), offset(),
                        path_of(depth_, key_.c_str()))) {
          return false;
        }
        it->second.clear();
      } else {
        it = ext->emplace(k, std::string()).first;
      }
      if (k == "json") {
        pending_ = PendingKind::ext_json;
        capture_ = &it->second;
      } else {
        pending_ = PendingKind::slot;
        slot_ = Slot{&it->second, &Ops<std::string>::table, key_.c_str()};
      }
      return true;
    }
    case FrameKind::object: {
      // From here until its value has been read, diagnostics are about this member (also
      // those of the lexer, which come before any value event).
      key_ = k;
      slot_name_ = key_.c_str();
      if (depth_ == 1 && !ignored_key_.empty() && k == ignored_key_) {
        pending_ = PendingKind::skip;
        return true;
      }
      unsigned index = 0;
      if (f.sops->find(f.target, k, slot_, index)) {
        slot_name_ = slot_.name;
        const std::uint64_t bit = std::uint64_t{1} << (index & 63u);
        if (f.seen & bit) {
          if (!diag_.warn(ErrorCode::invalid_value,
                          "duplicate key " + detail::quote(k) + ", the last value wins", offset(),
                          path_of(depth_, slot_.name))) {
            return false;
          }
          slot_.ops->reset(slot_.ptr);
        }
        f.seen |= bit;
        pending_ = PendingKind::slot;
        return true;
      }
      // Unknown key: kept under extensions.json of the nearest record that has extensions.
      std::size_t owner = depth_;
      while (owner > 0) {
        const Frame& o = frames_[owner - 1];
        if (o.kind == FrameKind::object && o.sops->extensions) break;
        --owner;
      }
      const std::string path = path_of(depth_, nullptr);
      if (owner == 0) {
        if (!diag_.warn(ErrorCode::unsupported, "unknown key " + detail::quote(k) + " dropped",
                        offset(), path.empty() ? k : path + "." + k)) {
          return false;
        }
        pending_ = PendingKind::skip;
        return true;
      }
      if (!diag_.warn(ErrorCode::unsupported,
                      "unknown key " + detail::quote(k) + " kept in extensions.json", offset(),
                      path.empty() ? k : path + "." + k)) {
        return false;
      }
      // The key is relative to its owner: "dateline.location.foo" for nested objects.
      std::string relative;
      for (std::size_t i = owner; i < depth_; ++i) {
        const Frame& g = frames_[i];
        if (g.key) {
          if (!relative.empty()) relative += '.';
          relative += g.key;
        }
        if (g.kind == FrameKind::array && g.count > 0) {
          relative += '[';
          relative += std::to_string(g.count - 1);
          relative += ']';
        }
      }
      if (!relative.empty()) relative += '.';
      relative += k;
      Frame& o = frames_[owner - 1];
      if (!o.unknown.empty()) o.unknown += ',';
      append_string(o.unknown, relative);
      o.unknown += ':';
      pending_ = PendingKind::capture;
      capture_ = &o.unknown;
      return true;
    }
    default:
      return true;
  }
}

// Offset of the first string token whose encoded form is longer than `limit`, or npos. Checked
// before parsing so that a huge string fails fast instead of being lexed first; outside strings
// JSON has no quotes, so tracking quotes and escapes finds every string token.
std::size_t find_long_string(std::string_view s, std::size_t limit) {
  const char* p = s.data();
  const char* const end = p + s.size();
  if (s.size() <= limit) return npos;
  while (p < end) {
    const auto* open =
        static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
    if (!open) return npos;
    const char* q = open + 1;
    while (q < end && *q != '"') {
      if (*q == '\\') ++q;
      ++q;
    }
    if (static_cast<std::size_t>(q - open - 1) > limit)
      return static_cast<std::size_t>(open - s.data());
    p = q + 1;
  }
  return npos;
}

}  // namespace

template <class T>
bool read_value(std::string_view text, T& out, detail::Diagnostics& diag,
                const std::string& path_prefix, std::string_view ignored_key) {
  if (diag.failed()) return false;
  std::string repaired;
  RepairMarks marks;
  if (const std::size_t bad = detail::find_invalid_utf8(text); bad != npos) {
    // Leniency: parse a copy repaired to U+FFFD; positions are mapped back to the input.
    if (!diag.warn(ErrorCode::invalid_value,
                   "invalid utf-8 at byte " + std::to_string(bad) + ", repaired to U+FFFD", bad,
                   path_prefix)) {
      return false;
    }
    repaired = repair_with_marks(text, marks);
    text = repaired;
  }
  const std::size_t max_string = diag.options().limits.max_string_bytes;
  if (const std::size_t at = find_long_string(text, max_string); at != npos) {
    diag.fail(
        ErrorCode::limit_exceeded,
        "string longer than the limit (max_string_bytes = " + std::to_string(max_string) + ")",
        to_original(at, marks), path_prefix);
    return false;
  }
  Handler handler(diag, text, &out, &StructTable<T>::table, path_prefix, ignored_key,
                  marks.empty() ? nullptr : &marks);
  return handler.parse(text);
}

#define PRESSROOM_JSON_READ_INSTANTIATE(T)                                                    \
  template bool read_value<T>(std::string_view, T&, detail::Diagnostics&, const std::string&, \
                              std::string_view);

PRESSROOM_JSON_READ_INSTANTIATE(Document)
PRESSROOM_JSON_READ_INSTANTIATE(Feed)
PRESSROOM_JSON_READ_INSTANTIATE(Article)
PRESSROOM_JSON_READ_INSTANTIATE(Organization)
PRESSROOM_JSON_READ_INSTANTIATE(Commissioner)
PRESSROOM_JSON_READ_INSTANTIATE(Person)
PRESSROOM_JSON_READ_INSTANTIATE(Legislation)
PRESSROOM_JSON_READ_INSTANTIATE(Contact)
PRESSROOM_JSON_READ_INSTANTIATE(Location)
PRESSROOM_JSON_READ_INSTANTIATE(Dateline)
PRESSROOM_JSON_READ_INSTANTIATE(Link)
PRESSROOM_JSON_READ_INSTANTIATE(Media)
PRESSROOM_JSON_READ_INSTANTIATE(Category)
PRESSROOM_JSON_READ_INSTANTIATE(Quantity)
PRESSROOM_JSON_READ_INSTANTIATE(EntityRef)
PRESSROOM_JSON_READ_INSTANTIATE(PersonName)
PRESSROOM_JSON_READ_INSTANTIATE(PhoneNumber)
PRESSROOM_JSON_READ_INSTANTIATE(Email)
PRESSROOM_JSON_READ_INSTANTIATE(PostalAddress)
PRESSROOM_JSON_READ_INSTANTIATE(InstantMessaging)
PRESSROOM_JSON_READ_INSTANTIATE(Identifier)
PRESSROOM_JSON_READ_INSTANTIATE(Statement)
PRESSROOM_JSON_READ_INSTANTIATE(Office)
PRESSROOM_JSON_READ_INSTANTIATE(Term)
PRESSROOM_JSON_READ_INSTANTIATE(Generator)

#undef PRESSROOM_JSON_READ_INSTANTIATE

}  // namespace pressroom::json_codec
