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
#include "pressroom/model/legislation.hpp"
#include "pressroom/model/organization.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// The program that generated a feed (RSS `generator`, Atom `generator`).
struct Generator {
  std::string name = {};
  std::string version = {};
  std::string uri = {};
  auto tie() const { return std::tie(name, version, uri); }
  friend bool operator==(const Generator& a, const Generator& b) { return a.tie() == b.tie(); }
  friend bool operator!=(const Generator& a, const Generator& b) { return !(a == b); }
};

/// Metadata of a feed or archive (RSS `channel`, Atom `feed`, JSON Feed top level).
struct Feed {
  std::string id = {};
  std::string title = {};
  std::string description = {};
  std::string home_page_url = {};
  std::string feed_url = {};
  std::string next_url = {};
  std::string language = {};  ///< BCP 47
  std::optional<DateTime> updated = {};
  std::string publisher_id = {};  ///< id into Document::organizations
  std::vector<EntityRef> authors = {};
  std::string rights = {};
  Generator generator = {};
  std::string icon = {};  ///< IRI of a small square image
  std::string logo = {};  ///< IRI of a larger image
  std::vector<Category> categories = {};
  std::optional<int> ttl_minutes = {};  ///< RSS `ttl`
  Extensions extensions = {};
  /// True when no field is set.
  [[nodiscard]] bool empty() const { return *this == Feed{}; }
  auto tie() const {
    return std::tie(id, title, description, home_page_url, feed_url, next_url, language, updated,
                    publisher_id, authors, rights, generator, icon, logo, categories, ttl_minutes,
                    extensions);
  }
  friend bool operator==(const Feed& a, const Feed& b) { return a.tie() == b.tie(); }
  friend bool operator!=(const Feed& a, const Feed& b) { return !(a == b); }
};

/// The version of the model a Document was written with.
inline constexpr const char* model_version = "1.0";

/// A feed, an archive or one extracted page: feed metadata and the tables.
///
/// Articles refer to the entities by id; nothing is embedded twice. `validate()` checks ids.
struct Document {
  std::string pressroom_version = model_version;
  Feed feed = {};
  std::vector<Article> articles = {};
  std::vector<Organization> organizations = {};
  std::vector<Commissioner> commissioners = {};
  std::vector<Person> people = {};
  std::vector<Legislation> legislation = {};
  std::vector<Contact> contacts = {};
  Extensions extensions = {};
  auto tie() const {
    return std::tie(pressroom_version, feed, articles, organizations, commissioners, people,
                    legislation, contacts, extensions);
  }
  friend bool operator==(const Document& a, const Document& b) { return a.tie() == b.tie(); }
  friend bool operator!=(const Document& a, const Document& b) { return !(a == b); }
};

/// One row of a Document, for readers and writers that stream record by record.
using Record =
    std::variant<Feed, Article, Organization, Commissioner, Person, Legislation, Contact>;

/// Appends a record to the matching table of `doc` (a Feed replaces `doc.feed`).
PRESSROOM_EXPORT void add_record(Document& doc, Record&& record);

/// Lookups by id; null when absent. Linear in the table size.
[[nodiscard]] PRESSROOM_EXPORT const Organization* find_organization(const Document& doc,
                                                                     std::string_view id);
/// @copydoc find_organization
[[nodiscard]] PRESSROOM_EXPORT const Commissioner* find_commissioner(const Document& doc,
                                                                     std::string_view id);
/// @copydoc find_organization
[[nodiscard]] PRESSROOM_EXPORT const Person* find_person(const Document& doc, std::string_view id);
/// @copydoc find_organization
[[nodiscard]] PRESSROOM_EXPORT const Legislation* find_legislation(const Document& doc,
                                                                   std::string_view id);
/// @copydoc find_organization
[[nodiscard]] PRESSROOM_EXPORT const Contact* find_contact(const Document& doc,
                                                           std::string_view id);

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_DOCUMENT_HPP
