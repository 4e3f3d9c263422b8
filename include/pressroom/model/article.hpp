// SPDX-License-Identifier: MIT
/// @file
/// `Article`: a news item or press release (MODEL.md 5.2), and `Statement`, a fact derived
/// from it (MODEL.md 5.7).
#ifndef PRESSROOM_MODEL_ARTICLE_HPP
#define PRESSROOM_MODEL_ARTICLE_HPP

#include "pressroom/model/common.hpp"
#include "pressroom/model/feed.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// What kind of item an article is.
enum class ArticleKind { press_release, news, statement, briefing_note, feature, speech, other };

/// A fact stated by an article: subject, predicate, object, with a quantity and a time frame.
struct Statement {
  std::string subject_id = {};  ///< who the fact is about (an entity id)
  std::string predicate = {};   ///< `trained`, `endorsed`, `has_members`...
  std::string object = {};      ///< what: text or an entity id
  /// the number stated, with its comparator and unit
  std::optional<Quantity> quantity = {};
  /// when the fact held or happened
  std::optional<DateTime> date = {};
  /// start of the period the fact covers
  std::optional<DateTime> since = {};
  /// end of the period the fact covers
  std::optional<DateTime> until = {};
  std::string text = {};                    ///< the source sentence
  std::optional<int> paragraph_index = {};  ///< 0-based index into Article::body
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(subject_id, predicate, object, quantity, date, since, until, text,
                    paragraph_index);
  }
  /// Field-wise equality.
  friend bool operator==(const Statement& a, const Statement& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Statement& a, const Statement& b) { return !(a == b); }
};

/// One news item or press release, as published by an organization.
///
/// Entities it names live in the Document's tables and are referenced by id.
struct Article {
  std::string id = {};  ///< stable id: guid, atom:id, URL, else `art:<slug>`; required, unique
  /// press release (the default), news, statement...
  ArticleKind kind = ArticleKind::press_release;
  std::string url = {};       ///< canonical web address
  std::string headline = {};  ///< main headline (feeds call it title); required
  /// subtitle or secondary headline
  std::string alternative_headline = {};
  std::optional<Dateline> dateline = {};        ///< removed from the first body block
  std::optional<DateTime> date_published = {};  ///< as precise as the source said
  /// last update, as precise as the source said
  std::optional<DateTime> date_modified = {};
  /// not to be published before this instant
  std::optional<DateTime> embargoed_until = {};
  std::string language = {};            ///< BCP 47
  std::string summary = {};             ///< standfirst or abstract
  std::vector<Block> body = {};         ///< plain-text blocks in reading order
  std::string body_html = {};           ///< sanitised HTML when the source had markup
  std::string contact_note = {};        ///< the contact paragraph as printed
  std::vector<EntityRef> authors = {};  ///< byline: people, organizations, teams
  std::string publisher_id = {};        ///< id into Document::organizations
  /// organizations the article names
  std::vector<EntityRef> organization_refs = {};
  /// commissioners the article names
  std::vector<EntityRef> commissioner_refs = {};
  /// other people the article names or quotes
  std::vector<EntityRef> person_refs = {};
  /// legislation the article cites
  std::vector<EntityRef> legislation_refs = {};
  std::vector<std::string> contact_ids = {};  ///< ids into Document::contacts
  /// tags, sections, subjects
  std::vector<Category> categories = {};
  /// images, enclosures, attachments
  std::vector<Media> media = {};
  /// Other links; also the `url` link again when the feed gave it a type, title, language
  /// or length (writers skip an entry equal in href to `url` with rel `alternate` or empty).
  std::vector<Link> links = {};
  /// facts derived from the text
  std::vector<Statement> statements = {};
  std::string rights = {};          ///< copyright notice or usage terms
  std::optional<Link> source = {};  ///< where the item came from
  /// The metadata of the feed the item was copied from (Atom `source`; ROME's
  /// `SyndEntry.getSource()`). Its authors refer to Document::people like the article's.
  std::optional<Feed> source_feed = {};
  std::optional<TextInfo> headline_info = {};  ///< how the feed gave `headline`
  std::optional<TextInfo> summary_info = {};   ///< how the feed gave `summary`
  std::optional<TextInfo> body_info = {};      ///< how the feed gave the body (Atom `content`)
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(id, kind, url, headline, alternative_headline, dateline, date_published,
                    date_modified, embargoed_until, language, summary, body, body_html,
                    contact_note, authors, publisher_id, organization_refs, commissioner_refs,
                    person_refs, legislation_refs, contact_ids, categories, media, links,
                    statements, rights, source, source_feed, headline_info, summary_info, body_info,
                    extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Article& a, const Article& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Article& a, const Article& b) { return !(a == b); }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_ARTICLE_HPP
