// SPDX-License-Identifier: MIT
#include "pressroom/model/document.hpp"

#include <type_traits>

namespace pressroom {
PRESSROOM_ABI_BEGIN

void add_record(Document& doc, Record&& record) {
  std::visit(
      [&doc](auto&& r) {
        using T = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<T, Feed>) {
          doc.feed = std::move(r);
        } else if constexpr (std::is_same_v<T, Article>) {
          doc.articles.push_back(std::move(r));
        } else if constexpr (std::is_same_v<T, Organization>) {
          doc.organizations.push_back(std::move(r));
        } else if constexpr (std::is_same_v<T, Commissioner>) {
          doc.commissioners.push_back(std::move(r));
        } else if constexpr (std::is_same_v<T, Person>) {
          doc.people.push_back(std::move(r));
        } else if constexpr (std::is_same_v<T, Legislation>) {
          doc.legislation.push_back(std::move(r));
        } else {
          doc.contacts.push_back(std::move(r));
        }
      },
      std::move(record));
}

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& table, std::string_view id) {
  for (const T& row : table) {
    if (row.id == id) return &row;
  }
  return nullptr;
}
}  // namespace

const Organization* find_organization(const Document& doc, std::string_view id) {
  return find_by_id(doc.organizations, id);
}
const Commissioner* find_commissioner(const Document& doc, std::string_view id) {
  return find_by_id(doc.commissioners, id);
}
const Person* find_person(const Document& doc, std::string_view id) {
  return find_by_id(doc.people, id);
}
const Legislation* find_legislation(const Document& doc, std::string_view id) {
  return find_by_id(doc.legislation, id);
}
const Contact* find_contact(const Document& doc, std::string_view id) {
  return find_by_id(doc.contacts, id);
}

PRESSROOM_ABI_END
}  // namespace pressroom
