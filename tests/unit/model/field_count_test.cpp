// SPDX-License-Identifier: MIT
// Every reflected type: the aggregate's number of fields (counted with the C++17
// brace-initialisation trick) == the size of tie() == Fields<T>::count, and the field table
// visits exactly the members tie() lists, in the same order, with unique snake_case names. A
// field added to a struct but forgotten in tie() or in model/fields.hpp fails the build.
#include <gtest/gtest.h>

#include <cstddef>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "pressroom/model/fields.hpp"

namespace {
using namespace pressroom;

// Converts to any member type; only used in unevaluated contexts.
struct AnyField {
  template <class T>
  operator T&() const&& noexcept;  // NOLINT(google-explicit-constructor)
};

template <class T, std::size_t... I>
constexpr auto brace_ok(std::index_sequence<I...>, int)
    -> decltype(T{(static_cast<void>(I), AnyField{})...}, true) {
  return true;
}
template <class T, std::size_t... I>
constexpr bool brace_ok(std::index_sequence<I...>, long) {
  return false;
}

// The largest N for which T{f1, ..., fN} compiles: the number of fields of aggregate T.
template <class T, std::size_t N = 0>
constexpr std::size_t arity() {
  if constexpr (N > 64) {
    return 0;
  } else if constexpr (brace_ok<T>(std::make_index_sequence<N + 1>{}, 0)) {
    return arity<T, N + 1>();
  } else {
    return N;
  }
}

template <class T>
constexpr std::size_t tie_size = std::tuple_size_v<decltype(std::declval<const T&>().tie())>;

template <class T>
constexpr bool counts_agree() {
  static_assert(std::is_aggregate_v<T>, "model types are aggregates");
  static_assert(arity<T>() == tie_size<T>, "a field is missing from tie()");
  static_assert(Fields<T>::count == tie_size<T>, "Fields<T>::count disagrees with tie()");
  return true;
}

template <class... T>
struct TypeList {};
using Reflected =
    TypeList<DateTime, GeoPoint, Identifier, Location, Dateline, Link, TextInfo, Media, Category,
             Quantity, EntityRef, Block, PersonName, PhoneNumber, Email, PostalAddress,
             InstantMessaging, Organization, Office, Term, Commissioner, Person, Legislation,
             Contact, Statement, Article, Generator, Feed, Document>;

template <class... T>
constexpr bool all_agree(TypeList<T...>) {
  return (counts_agree<T>() && ...);
}
static_assert(all_agree(Reflected{}));

// Addresses of the members tie() lists, in order.
template <class T, std::size_t... I>
std::vector<const void*> tie_addresses(const T& obj, std::index_sequence<I...>) {
  const auto t = obj.tie();
  return {static_cast<const void*>(&std::get<I>(t))...};
}

bool snake_case(const std::string& s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

template <class T>
void check_table() {
  SCOPED_TRACE(Fields<T>::name);
  EXPECT_EQ(arity<T>(), Fields<T>::count);
  EXPECT_EQ(tie_size<T>, Fields<T>::count);
  const T obj{};
  std::vector<const void*> visited;
  std::set<std::string> names;
  for_each_field(obj, [&](const char* name, const auto& member) {
    visited.push_back(static_cast<const void*>(&member));
    EXPECT_TRUE(snake_case(name)) << name;
    EXPECT_TRUE(names.insert(name).second) << "duplicate field name " << name;
  });
  EXPECT_EQ(visited, tie_addresses(obj, std::make_index_sequence<tie_size<T>>{}))
      << "the field table and tie() list different members or a different order";
  EXPECT_TRUE(snake_case(Fields<T>::name));
}

template <class... T>
void check_all(TypeList<T...>) {
  (check_table<T>(), ...);
}

TEST(FieldCount, ArityTieAndTableAgree) { check_all(Reflected{}); }

TEST(FieldCount, ArityTrickCountsNestedAggregatesOnce) {
  struct Inner {
    int a = 0;
    int b = 0;
  };
  struct Outer {
    Inner inner = {};
    std::string s = {};
    std::vector<int> v = {};
  };
  static_assert(arity<Inner>() == 2);
  static_assert(arity<Outer>() == 3);
  SUCCEED();
}

}  // namespace
