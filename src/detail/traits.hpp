// SPDX-License-Identifier: MIT
// Type traits of the walks over the model (fields.hpp): which members are optional values and
// which are lists. Shared by the serializers, validate, merge, sanitize and the debug dump.
#ifndef PRESSROOM_DETAIL_TRAITS_HPP
#define PRESSROOM_DETAIL_TRAITS_HPP

#include <optional>
#include <type_traits>
#include <vector>

namespace pressroom::detail {

// True for std::optional<T>.
template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

// True for std::vector<T, A>.
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

}  // namespace pressroom::detail

#endif  // PRESSROOM_DETAIL_TRAITS_HPP
