// SPDX-License-Identifier: MIT
// Dates a writer leaves out: a DateTime built in code may be impossible (30 February, month
// 13), and no reader accepts its text, so writers skip it and warn with this count.
#ifndef PRESSROOM_DETAIL_DATES_HPP
#define PRESSROOM_DETAIL_DATES_HPP

#include <cstddef>
#include <optional>
#include <type_traits>
#include <vector>

#include "pressroom/model/common.hpp"
#include "pressroom/model/fields.hpp"

namespace pressroom::detail {

template <class T>
struct is_optional_date : std::false_type {};
template <>
struct is_optional_date<std::optional<DateTime>> : std::true_type {};
template <class T>
struct optional_of {
  using type = void;
};
template <class T>
struct optional_of<std::optional<T>> {
  using type = T;
};
template <class T>
struct vector_of {
  using type = void;
};
template <class T, class A>
struct vector_of<std::vector<T, A>> {
  using type = T;
};

// Whether `m` is an optional date holding a date is_valid() refuses.
template <class M>
bool is_invalid_date(const M& m) noexcept {
  if constexpr (is_optional_date<M>::value) {
    return m.has_value() && !is_valid(*m);
  } else {
    (void)m;
    return false;
  }
}

// The dates in `value` (a record, a Document, any model value) that is_valid() refuses.
template <class T>
std::size_t count_invalid_dates(const T& value) {
  if constexpr (std::is_same_v<T, DateTime>) {
    return is_valid(value) ? 0 : 1;
  } else if constexpr (is_reflected_v<T>) {
    std::size_t n = 0;
    for_each_field(value, [&n](const char*, const auto& member) {
      using M = std::decay_t<decltype(member)>;
      if constexpr (is_optional_date<M>::value) {
        n += is_invalid_date(member) ? 1 : 0;
      } else if constexpr (is_reflected_v<typename optional_of<M>::type>) {
        if (member) n += count_invalid_dates(*member);
      } else if constexpr (is_reflected_v<typename vector_of<M>::type>) {
        for (const auto& item : member) n += count_invalid_dates(item);
      } else if constexpr (is_reflected_v<M>) {
        n += count_invalid_dates(member);
      }
    });
    return n;
  } else {
    return 0;
  }
}

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_DATES_HPP
