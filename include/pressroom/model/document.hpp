// SPDX-License-Identifier: MIT
/// @file
/// `Document`: what every reader returns and every writer takes (MODEL.md 5.6): feed metadata
/// and the tables of articles and entities. Also `Record`, one row of any table, for streaming.
#ifndef PRESSROOM_MODEL_DOCUMENT_HPP
#define PRESSROOM_MODEL_DOCUMENT_HPP

#include <variant>

#include "pressroom/model/article.hpp"
#include "pressroom/model/commissioner.hpp"
#include "pressroom/model/common.hpp"
#include "pressroom/model/contact.hpp"
#include "pressroom/model/feed.hpp"
#include "pressroom/model/legislation.hpp"
#include "pressroom/model/organization.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// The version of the model a Document was written with.
inline constexpr const char* model_version = "1.0";

/// A feed, an archive or one extracted page: feed metadata and the tables.
///
/// Articles refer to the entities by id; nothing is embedded twice. `validate()` checks ids.
struct Document {
  /// model version the Document was written with
  std::string pressroom_version = model_version;
  /// feed metadata; empty for an archive or a page
  Feed feed = {};
  /// the articles, in input order
  std::vector<Article> articles = {};
  /// organizations, referenced by id
  std::vector<Organization> organizations = {};
  /// commissioners, referenced by id
  std::vector<Commissioner> commissioners = {};
  /// other people, referenced by id
  std::vector<Person> people = {};
  /// legislation, referenced by id
  std::vector<Legislation> legislation = {};
  /// press contacts, referenced by id
  std::vector<Contact> contacts = {};
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(pressroom_version, feed, articles, organizations, commissioners, people,
                    legislation, contacts, extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Document& a, const Document& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Document& a, const Document& b) { return !(a == b); }
};

/// One row of a Document, for readers and writers that stream record by record.
using Record =
    std::variant<Feed, Article, Organization, Commissioner, Person, Legislation, Contact>;

/// Appends a record to the matching table of `doc` (a Feed replaces `doc.feed`).
PRESSROOM_EXPORT void add_record(Document& doc, Record&& record);

/// The organization with id `id` in `doc`, or null. Linear in the table size.
[[nodiscard]] PRESSROOM_EXPORT const Organization* find_organization(const Document& doc,
                                                                     std::string_view id);
/// The commissioner with id `id` in `doc`, or null. Linear in the table size.
[[nodiscard]] PRESSROOM_EXPORT const Commissioner* find_commissioner(const Document& doc,
                                                                     std::string_view id);
/// The person with id `id` in `doc`, or null. Linear in the table size.
[[nodiscard]] PRESSROOM_EXPORT const Person* find_person(const Document& doc, std::string_view id);
/// The piece of legislation with id `id` in `doc`, or null. Linear in the table size.
[[nodiscard]] PRESSROOM_EXPORT const Legislation* find_legislation(const Document& doc,
                                                                   std::string_view id);
/// The contact with id `id` in `doc`, or null. Linear in the table size.
[[nodiscard]] PRESSROOM_EXPORT const Contact* find_contact(const Document& doc,
                                                           std::string_view id);

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_DOCUMENT_HPP
