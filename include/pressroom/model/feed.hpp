// SPDX-License-Identifier: MIT
/// @file
/// `Feed`: metadata of a feed or archive (MODEL.md 5.6), and `Generator`. Also the type of
/// `Article::source_feed`, the feed an entry was copied from.
#ifndef PRESSROOM_MODEL_FEED_HPP
#define PRESSROOM_MODEL_FEED_HPP

#include "pressroom/model/common.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// The program that generated a feed (RSS `generator`, Atom `generator`).
struct Generator {
  /// "pressroom"
  std::string name = {};
  /// the program's version
  std::string version = {};
  /// the program's home page
  std::string uri = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(name, version, uri); }
  /// Field-wise equality.
  friend bool operator==(const Generator& a, const Generator& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Generator& a, const Generator& b) { return !(a == b); }
};

/// Metadata of a feed or archive (RSS `channel`, Atom `feed`, JSON Feed top level).
struct Feed {
  /// stable id: Atom `id`, the feed URL else
  std::string id = {};
  /// the feed's title
  std::string title = {};
  /// RSS `description`, Atom `subtitle`
  std::string description = {};
  /// the web site the feed belongs to
  std::string home_page_url = {};
  /// where the feed itself lives (`rel="self"`)
  std::string feed_url = {};
  /// the next page of a paged feed or archive
  std::string next_url = {};
  std::string language = {};  ///< BCP 47
  /// last change of the feed
  std::optional<DateTime> updated = {};
  std::string publisher_id = {};  ///< id into Document::organizations
  /// authors of the feed as a whole
  std::vector<EntityRef> authors = {};
  /// copyright notice or usage terms
  std::string rights = {};
  /// the program that wrote the feed
  Generator generator = {};
  std::string icon = {};  ///< IRI of a small square image
  std::string logo = {};  ///< IRI of a larger image
  /// categories of the feed as a whole
  std::vector<Category> categories = {};
  std::optional<int> ttl_minutes = {};  ///< RSS `ttl`
  /// Links beyond the three URLs above, and those three again when the feed gave them a
  /// type, title, language or length (Atom `link`); writers skip an entry equal in href and
  /// rel to one of the URLs.
  std::vector<Link> links = {};
  std::optional<TextInfo> title_info = {};        ///< how the feed gave `title`
  std::optional<TextInfo> description_info = {};  ///< how the feed gave `description`
  std::optional<TextInfo> rights_info = {};       ///< how the feed gave `rights`
  std::string info = {};  ///< Atom 0.3 `info`: what the feed is, for a person opening it
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// True when no field is set.
  [[nodiscard]] bool empty() const { return *this == Feed{}; }
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(id, title, description, home_page_url, feed_url, next_url, language, updated,
                    publisher_id, authors, rights, generator, icon, logo, categories, ttl_minutes,
                    links, title_info, description_info, rights_info, info, extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Feed& a, const Feed& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Feed& a, const Feed& b) { return !(a == b); }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_FEED_HPP
