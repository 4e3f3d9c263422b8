// SPDX-License-Identifier: MIT
/// @file
/// Boost.Serialization support for every model type, header-only: include it and
/// `ar << boost::serialization::make_nvp("document", doc)` works with any Boost archive
/// (text, XML, binary, or your own). The program that includes this header brings its own
/// Boost (1.74 or later); the pressroom library itself never exposes Boost types.
///
/// The encoding, which `pressroom::boost_archive` reads and writes (MODEL.md field order):
/// - every model struct is a Boost class with class information and a class version
///   (`BOOST_CLASS_VERSION`, starting at 1; version 0 is never written, so a 0 read back is
///   corruption, not "absent"); its fields are named values (`make_nvp`) in the order and
///   with the names of `pressroom::for_each_field` (model/fields.hpp); not tracked;
/// - `std::string`, `int`, `double`, `std::uint64_t` are Boost primitives;
/// - an enum is an `int`, range-checked on load;
/// - `std::optional<X>` is an element holding `present` (0 or 1) then `value` when 1 (Boost
///   1.74 has no `std::optional` support);
/// - `std::vector<X>` is an element holding `count` (`std::uint64_t`) then `count` values
///   named `item`; `Extensions` holds `count` then `key`/`value` pairs in key order.
///
/// Loading is defensive even without the hardened reader: a class version of 0 or newer
/// than this program's fails, as do out-of-range enums and presence flags, duplicate
/// extension keys and (text and XML archives cannot hold them) non-finite numbers on save.
/// Collections are grown element by element, never reserved from the count read. Boost's
/// own string loading still allocates the length it reads before checking the input: for
/// untrusted input use `pressroom::boost_archive::read`, which installs a `LoadGuard`.
///
/// Failures are reported by throwing `pressroom::Exception` (code `invalid_value`,
/// `unsupported` or `limit_exceeded`, format "boost") besides Boost's own
/// `boost::archive::archive_exception`.
#ifndef PRESSROOM_BRIDGE_BOOST_SERIALIZATION_HPP
#define PRESSROOM_BRIDGE_BOOST_SERIALIZATION_HPP

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/serialization/level.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "pressroom/error.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"

namespace boost {
namespace archive {
class binary_oarchive;
}  // namespace archive
}  // namespace boost

namespace pressroom {
/// Boost.Serialization support: the load guard interface and the implementation helpers.
namespace boost_serialization {

/// Checks a hardened loader performs while Boost loads a Document; installed on an input
/// archive with `install_guard`. Every member may throw (`pressroom::Exception` preferred) to
/// stop the load. Without a guard the bridge loads with Boost's own behaviour.
class LoadGuard {
 public:
  LoadGuard() = default;
  LoadGuard(const LoadGuard&) = delete;             ///< not copyable
  LoadGuard& operator=(const LoadGuard&) = delete;  ///< not copyable
  virtual ~LoadGuard() = default;
  /// Called before a collection of `count` elements is loaded; each element holds at least
  /// `min_primitives` Boost primitives. `records` is true for the Document's record tables
  /// (articles, organizations, commissioners, people, legislation, contacts).
  virtual void check_count(std::uint64_t count, std::size_t min_primitives, bool records) = 0;
  /// Loads the next string itself and returns true, or returns false to let Boost load it
  /// (the string is then passed to `check_string`).
  virtual bool load_string(std::string& out) = 0;
  /// Called with each string Boost loaded.
  virtual void check_string(const std::string& value) = 0;
  /// Called before a collection's elements are made, with the memory they take (`count` times
  /// the element's size); may throw to refuse an input that would build too much.
  virtual void check_memory(std::uint64_t bytes) { (void)bytes; }
  /// Called before Boost loads an unsigned integer: true when the archive holds a negative
  /// number there, which Boost would wrap around (`-1` as 18446744073709551615). The value
  /// is then passed to `invalid_value` and dropped.
  virtual bool negative_ahead() { return false; }
  /// Called with a loaded value the model forbids (an impossible date, a negative number for
  /// an unsigned field); `message` says which. Throws to stop the load, or returns to have the
  /// value dropped (a lenient reader records a warning).
  virtual void invalid_value(const std::string& message) { (void)message; }
};

/// The archive helper holding the installed guard (Boost's `get_helper` mechanism).
struct GuardSlot {
  LoadGuard* guard = nullptr;  ///< not owned; null = no guard
};

/// @cond
namespace detail {
// Its address identifies the helper among an archive's helpers.
inline char guard_key = 0;
}  // namespace detail
/// @endcond

/// Installs `guard` (not owned; must outlive the loading) on the input archive `ar`.
template <class Archive>
void install_guard(Archive& ar, LoadGuard* guard) {
  ar.template get_helper<GuardSlot>(static_cast<void*>(&detail::guard_key)).guard = guard;
}

/// The guard installed on `ar`, or null.
template <class Archive>
LoadGuard* guard_of(Archive& ar) {
  return ar.template get_helper<GuardSlot>(static_cast<void*>(&detail::guard_key)).guard;
}

/// @cond
namespace detail {

[[noreturn]] inline void fail(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.format = "boost";
  e.message = std::move(message);
  throw Exception(std::move(e));
}

// Element wrappers: Boost serializes them without class information (object_serializable),
// which gives `std::optional`, `std::vector` and `Extensions` members their own XML element.
template <class T>
struct OptionalRef {
  std::optional<T>* p;
};
template <class T>
struct VectorRef {
  std::vector<T>* p;
};
struct ExtensionsRef {
  Extensions* p;
};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
inline constexpr bool is_record_v = std::is_same_v<T, Article> || std::is_same_v<T, Organization> ||
                                    std::is_same_v<T, Commissioner> || std::is_same_v<T, Person> ||
                                    std::is_same_v<T, Legislation> || std::is_same_v<T, Contact>;

// A lower bound of the primitives a value of type M holds in an archive: one for a scalar,
// a string, a presence flag or a count; the sum of its fields for a struct.
template <class M>
std::size_t min_primitives() {
  if constexpr (is_reflected_v<M>) {
    static const std::size_t total = [] {
      M probe{};
      std::size_t n = 0;
      for_each_field(probe, [&n](const char*, auto& member) {
        n += min_primitives<std::decay_t<decltype(member)>>();
      });
      return n;
    }();
    return total;
  } else {
    return 1;
  }
}

template <class T>
void check_version(unsigned int version) {
  constexpr unsigned int current = boost::serialization::version<T>::value;
  if (version == 0 || version > current) {
    fail(ErrorCode::unsupported,
         std::string("class '") + Fields<T>::name + "' has version " + std::to_string(version) +
             " in the archive; this program reads versions 1 to " + std::to_string(current));
  }
}

template <class Archive>
void load_string(Archive& ar, const char* name, std::string& s) {
  LoadGuard* guard = guard_of(ar);
  if (guard && guard->load_string(s)) return;
  ar >> boost::serialization::make_nvp(name, s);
  if (guard) guard->check_string(s);
}

template <class Archive, class M>
void field(Archive& ar, const char* name, M& m) {
  using boost::serialization::make_nvp;
  constexpr bool saving = Archive::is_saving::value;
  if constexpr (std::is_same_v<M, std::string>) {
    if constexpr (saving) {
      ar << make_nvp(name, m);
    } else {
      load_string(ar, name, m);
    }
  } else if constexpr (std::is_enum_v<M>) {
    if constexpr (saving) {
      const int v = static_cast<int>(m);
      ar << make_nvp(name, v);
    } else {
      int v = 0;
      ar >> make_nvp(name, v);
      if (v < 0 || static_cast<std::size_t>(v) >= EnumNames<M>::names.size()) {
        fail(ErrorCode::invalid_value,
             std::string("enum value ") + std::to_string(v) + " of '" + name + "' is out of range");
      }
      m = static_cast<M>(v);
    }
  } else if constexpr (std::is_floating_point_v<M>) {
    if constexpr (saving) {
      if (!std::isfinite(m) && !std::is_same_v<Archive, boost::archive::binary_oarchive>) {
        fail(ErrorCode::invalid_value, std::string("'") + name +
                                           "' is not a finite number, which only binary "
                                           "archives can hold");
      }
    }
    ar& make_nvp(name, m);
  } else if constexpr (std::is_arithmetic_v<M>) {
    static_assert(!std::is_same_v<M, bool>, "the model has no bool fields");
    ar& make_nvp(name, m);
  } else if constexpr (is_optional<M>::value) {
    OptionalRef<typename M::value_type> ref{&m};
    ar& make_nvp(name, ref);
  } else if constexpr (is_vector<M>::value) {
    VectorRef<typename M::value_type> ref{&m};
    ar& make_nvp(name, ref);
  } else if constexpr (std::is_same_v<M, Extensions>) {
    ExtensionsRef ref{&m};
    ar& make_nvp(name, ref);
  } else {
    static_assert(is_reflected_v<M>, "a model member type the bridge does not know");
    ar& make_nvp(name, m);
  }
}

// The class version that added the field `name` of `T` (1 = there from the start). An
// archive of an older version does not hold it, and loading leaves it at its default.
template <class T>
unsigned int field_added_in(const char* name) {
  const std::string_view n(name);
  if constexpr (std::is_same_v<T, Person>) {
    if (n == "url" || n == "emails") return 2;
  } else if constexpr (std::is_same_v<T, Feed>) {
    if (n == "links" || n == "title_info" || n == "description_info" || n == "rights_info" ||
        n == "info")
      return 2;
  } else if constexpr (std::is_same_v<T, Article>) {
    if (n == "source_feed" || n == "headline_info" || n == "summary_info" || n == "body_info")
      return 2;
  }
  return 1;
}

template <class Archive, class T>
void serialize_object(Archive& ar, T& obj, unsigned int version) {
  if constexpr (Archive::is_loading::value) {
    check_version<T>(version);
    for_each_field(obj, [&ar, version](const char* name, auto& member) {
      if (field_added_in<T>(name) <= version) field(ar, name, member);
    });
  } else {
    for_each_field(obj, [&ar](const char* name, auto& member) { field(ar, name, member); });
  }
}

template <class Archive, class T>
void serialize(Archive& ar, OptionalRef<T>& ref, const unsigned int /*version*/) {
  using boost::serialization::make_nvp;
  if constexpr (Archive::is_saving::value) {
    // An impossible date is left out: no reader would accept it.
    bool valid = true;
    if constexpr (std::is_same_v<T, DateTime>) valid = !ref.p->has_value() || is_valid(**ref.p);
    const int present = ref.p->has_value() && valid ? 1 : 0;
    ar << make_nvp("present", present);
    if (present) field(ar, "value", **ref.p);
  } else {
    int present = 0;
    ar >> make_nvp("present", present);
    if (present == 0) {
      ref.p->reset();
      return;
    }
    if (present != 1) {
      fail(ErrorCode::invalid_value,
           "presence flag " + std::to_string(present) + " is neither 0 nor 1");
    }
    LoadGuard* guard = guard_of(ar);
    if constexpr (std::is_unsigned_v<T>) {
      const bool negative = guard != nullptr && guard->negative_ahead();
      field(ar, "value", ref.p->emplace());
      if (negative) {
        ref.p->reset();
        guard->invalid_value("expected a non-negative integer, found a negative one: dropped");
      }
    } else if constexpr (std::is_same_v<T, DateTime>) {
      field(ar, "value", ref.p->emplace());
      if (guard != nullptr && !is_valid(**ref.p)) {
        const std::string text = to_string(**ref.p);
        ref.p->reset();
        guard->invalid_value("invalid date '" + text + "' dropped");
      }
    } else {
      field(ar, "value", ref.p->emplace());
    }
  }
}

template <class Archive, class T>
void serialize(Archive& ar, VectorRef<T>& ref, const unsigned int /*version*/) {
  using boost::serialization::make_nvp;
  std::vector<T>& v = *ref.p;
  if constexpr (Archive::is_saving::value) {
    const std::uint64_t count = v.size();
    ar << make_nvp("count", count);
    for (T& item : v) field(ar, "item", item);
  } else {
    std::uint64_t count = 0;
    ar >> make_nvp("count", count);
    if (LoadGuard* guard = guard_of(ar)) {
      guard->check_count(count, min_primitives<T>(), is_record_v<T>);
      // check_count bounded `count` by the bytes left, so this product cannot overflow.
      guard->check_memory(count * sizeof(T));
    }
    // Never reserve from a count read from the input: grow as elements actually arrive.
    v.clear();
    for (std::uint64_t i = 0; i < count; ++i) field(ar, "item", v.emplace_back());
  }
}

template <class Archive>
void serialize(Archive& ar, ExtensionsRef& ref, const unsigned int /*version*/) {
  using boost::serialization::make_nvp;
  Extensions& m = *ref.p;
  if constexpr (Archive::is_saving::value) {
    const std::uint64_t count = m.size();
    ar << make_nvp("count", count);
    for (const auto& entry : m) {
      ar << make_nvp("key", entry.first);
      ar << make_nvp("value", entry.second);
    }
  } else {
    std::uint64_t count = 0;
    ar >> make_nvp("count", count);
    if (LoadGuard* guard = guard_of(ar)) {
      guard->check_count(count, 2, false);
      // A map node with its two strings.
      guard->check_memory(count * (2 * sizeof(std::string) + 48));
    }
    m.clear();
    for (std::uint64_t i = 0; i < count; ++i) {
      std::string key;
      std::string value;
      load_string(ar, "key", key);
      load_string(ar, "value", value);
      if (!m.emplace(std::move(key), std::move(value)).second) {
        fail(ErrorCode::invalid_value, "duplicate extension key");
      }
    }
  }
}

}  // namespace detail
/// @endcond

}  // namespace boost_serialization

PRESSROOM_ABI_BEGIN

/// Declares the Boost.Serialization entry point of one model type (found by ADL).
#define PRESSROOM_BOOST_SERIALIZE(T)                                              \
  /** Boost.Serialization entry point of `T`: its fields as named values. */      \
  template <class Archive>                                                        \
  void serialize(Archive& ar, T& obj, const unsigned int version) {               \
    ::pressroom::boost_serialization::detail::serialize_object(ar, obj, version); \
  }

PRESSROOM_BOOST_SERIALIZE(DateTime)
PRESSROOM_BOOST_SERIALIZE(GeoPoint)
PRESSROOM_BOOST_SERIALIZE(Identifier)
PRESSROOM_BOOST_SERIALIZE(Location)
PRESSROOM_BOOST_SERIALIZE(Dateline)
PRESSROOM_BOOST_SERIALIZE(Link)
PRESSROOM_BOOST_SERIALIZE(TextInfo)
PRESSROOM_BOOST_SERIALIZE(Media)
PRESSROOM_BOOST_SERIALIZE(Category)
PRESSROOM_BOOST_SERIALIZE(Quantity)
PRESSROOM_BOOST_SERIALIZE(EntityRef)
PRESSROOM_BOOST_SERIALIZE(Block)
PRESSROOM_BOOST_SERIALIZE(PersonName)
PRESSROOM_BOOST_SERIALIZE(PhoneNumber)
PRESSROOM_BOOST_SERIALIZE(Email)
PRESSROOM_BOOST_SERIALIZE(PostalAddress)
PRESSROOM_BOOST_SERIALIZE(InstantMessaging)
PRESSROOM_BOOST_SERIALIZE(Organization)
PRESSROOM_BOOST_SERIALIZE(Office)
PRESSROOM_BOOST_SERIALIZE(Term)
PRESSROOM_BOOST_SERIALIZE(Commissioner)
PRESSROOM_BOOST_SERIALIZE(Person)
PRESSROOM_BOOST_SERIALIZE(Legislation)
PRESSROOM_BOOST_SERIALIZE(Contact)
PRESSROOM_BOOST_SERIALIZE(Statement)
PRESSROOM_BOOST_SERIALIZE(Article)
PRESSROOM_BOOST_SERIALIZE(Generator)
PRESSROOM_BOOST_SERIALIZE(Feed)
PRESSROOM_BOOST_SERIALIZE(Document)

#undef PRESSROOM_BOOST_SERIALIZE

PRESSROOM_ABI_END
}  // namespace pressroom

/// @cond
// The element wrappers carry no class information and are never tracked.
namespace boost {
namespace serialization {
#define PRESSROOM_BOOST_WRAPPER_TRAITS(TEMPLATE_HEAD, T)     \
  TEMPLATE_HEAD struct implementation_level_impl<const T> {  \
    typedef mpl::integral_c_tag tag;                         \
    typedef mpl::int_<object_serializable> type;             \
    BOOST_STATIC_CONSTANT(int, value = object_serializable); \
  };                                                         \
  TEMPLATE_HEAD struct tracking_level<T> {                   \
    typedef mpl::integral_c_tag tag;                         \
    typedef mpl::int_<track_never> type;                     \
    BOOST_STATIC_CONSTANT(int, value = track_never);         \
  };
PRESSROOM_BOOST_WRAPPER_TRAITS(template <class T>,
                               ::pressroom::boost_serialization::detail::OptionalRef<T>)
PRESSROOM_BOOST_WRAPPER_TRAITS(template <class T>,
                               ::pressroom::boost_serialization::detail::VectorRef<T>)
PRESSROOM_BOOST_WRAPPER_TRAITS(template <>, ::pressroom::boost_serialization::detail::ExtensionsRef)
#undef PRESSROOM_BOOST_WRAPPER_TRAITS
}  // namespace serialization
}  // namespace boost
/// @endcond

/// Declares the class version (1 = the model of pressroom 0.1) of a model type, untracked.
/// Version 2 of Person (url, emails), Feed (links, title_info, description_info, rights_info,
/// info) and Article (source_feed, headline_info, summary_info, body_info) added fields; an
/// archive of version 1 still loads, with those fields at their defaults.
#define PRESSROOM_BOOST_CLASS(T, VERSION) \
  BOOST_CLASS_VERSION(T, VERSION)         \
  BOOST_CLASS_TRACKING(T, boost::serialization::track_never)

PRESSROOM_BOOST_CLASS(pressroom::DateTime, 1)
PRESSROOM_BOOST_CLASS(pressroom::GeoPoint, 1)
PRESSROOM_BOOST_CLASS(pressroom::Identifier, 1)
PRESSROOM_BOOST_CLASS(pressroom::Location, 1)
PRESSROOM_BOOST_CLASS(pressroom::Dateline, 1)
PRESSROOM_BOOST_CLASS(pressroom::Link, 1)
PRESSROOM_BOOST_CLASS(pressroom::TextInfo, 1)
PRESSROOM_BOOST_CLASS(pressroom::Media, 1)
PRESSROOM_BOOST_CLASS(pressroom::Category, 1)
PRESSROOM_BOOST_CLASS(pressroom::Quantity, 1)
PRESSROOM_BOOST_CLASS(pressroom::EntityRef, 1)
PRESSROOM_BOOST_CLASS(pressroom::Block, 1)
PRESSROOM_BOOST_CLASS(pressroom::PersonName, 1)
PRESSROOM_BOOST_CLASS(pressroom::PhoneNumber, 1)
PRESSROOM_BOOST_CLASS(pressroom::Email, 1)
PRESSROOM_BOOST_CLASS(pressroom::PostalAddress, 1)
PRESSROOM_BOOST_CLASS(pressroom::InstantMessaging, 1)
PRESSROOM_BOOST_CLASS(pressroom::Organization, 1)
PRESSROOM_BOOST_CLASS(pressroom::Office, 1)
PRESSROOM_BOOST_CLASS(pressroom::Term, 1)
PRESSROOM_BOOST_CLASS(pressroom::Commissioner, 1)
PRESSROOM_BOOST_CLASS(pressroom::Person, 2)
PRESSROOM_BOOST_CLASS(pressroom::Legislation, 1)
PRESSROOM_BOOST_CLASS(pressroom::Contact, 1)
PRESSROOM_BOOST_CLASS(pressroom::Statement, 1)
PRESSROOM_BOOST_CLASS(pressroom::Article, 2)
PRESSROOM_BOOST_CLASS(pressroom::Generator, 1)
PRESSROOM_BOOST_CLASS(pressroom::Feed, 2)
PRESSROOM_BOOST_CLASS(pressroom::Document, 1)

#endif  // PRESSROOM_BRIDGE_BOOST_SERIALIZATION_HPP
