// SPDX-License-Identifier: MIT
/// @file
/// Names of the model's enumerators, as canonical JSON and XML write them (lower snake_case),
/// and the reverse lookup. `to_string(ArticleKind::press_release)` is `"press_release"`;
/// `enum_from_string<ArticleKind>("news")` is `ArticleKind::news`.
#ifndef PRESSROOM_MODEL_ENUMS_HPP
#define PRESSROOM_MODEL_ENUMS_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "pressroom/model/document.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// The names of the enumerators of `E`, indexed by value; specialised for every model enum.
template <class E>
struct EnumNames;

/// Names of `Precision`.
template <>
struct EnumNames<Precision> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 6> names = {"year",   "month",  "day",
                                                            "minute", "second", "fraction"};
};

/// Names of `MediaRole`.
template <>
struct EnumNames<MediaRole> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 7> names = {
      "unspecified", "enclosure", "image", "thumbnail", "banner", "attachment", "other"};
};

/// Names of `CategoryKind`.
template <>
struct EnumNames<CategoryKind> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 7> names = {
      "unspecified", "subject", "keyword", "section", "genre", "region", "other"};
};

/// Names of `Comparator`.
template <>
struct EnumNames<Comparator> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 6> names = {"eq", "gt", "ge", "lt", "le", "approx"};
};

/// Names of `BlockType`.
template <>
struct EnumNames<BlockType> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 4> names = {"paragraph", "heading", "list_item",
                                                            "quote"};
};

/// Names of `PhoneKind`.
template <>
struct EnumNames<PhoneKind> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 6> names = {"voice",     "mobile", "fax",
                                                            "toll_free", "text",   "other"};
};

/// Names of `EmailKind`.
template <>
struct EnumNames<EmailKind> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 5> names = {"unspecified", "work", "press",
                                                            "general", "other"};
};

/// Names of `OrganizationKind`.
template <>
struct EnumNames<OrganizationKind> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 14> names = {"unspecified",
                                                             "ngo",
                                                             "government_body",
                                                             "legislature",
                                                             "intergovernmental",
                                                             "un_agency",
                                                             "eu_institution",
                                                             "eu_agency",
                                                             "national_human_rights_institution",
                                                             "company",
                                                             "media",
                                                             "academic",
                                                             "religious",
                                                             "other"};
};

/// Names of `OfficeKind`.
template <>
struct EnumNames<OfficeKind> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 4> names = {"unspecified", "sole_office",
                                                            "commission_member", "other"};
};

/// Names of `TermStatus`.
template <>
struct EnumNames<TermStatus> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 7> names = {
      "unspecified", "current", "former", "designate", "acting", "interim", "other"};
};

/// Names of `LegalForce`.
template <>
struct EnumNames<LegalForce> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 5> names = {
      "unspecified", "in_force", "partially_in_force", "not_in_force", "other"};
};

/// Names of `ContactKind`.
template <>
struct EnumNames<ContactKind> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 2> names = {"individual", "org"};
};

/// Names of `ArticleKind`.
template <>
struct EnumNames<ArticleKind> {
  /// Indexed by the enumerator's value.
  static constexpr std::array<std::string_view, 7> names = {
      "press_release", "news", "statement", "briefing_note", "feature", "speech", "other"};
};

/// The canonical name of an enumerator (lower snake_case); empty for a value out of range.
template <class E, class = decltype(EnumNames<E>::names)>
constexpr std::string_view to_string(E value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  return i < EnumNames<E>::names.size() ? EnumNames<E>::names[i] : std::string_view{};
}

/// The enumerator named `name` (exact, case-sensitive match); nothing when unknown.
template <class E, class = decltype(EnumNames<E>::names)>
constexpr std::optional<E> enum_from_string(std::string_view name) noexcept {
  for (std::size_t i = 0; i < EnumNames<E>::names.size(); ++i) {
    if (EnumNames<E>::names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_ENUMS_HPP
