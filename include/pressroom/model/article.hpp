// SPDX-License-Identifier: MIT
/// @file
/// `Article`: a news item or press release (MODEL.md 5.2), and `Statement`, a fact derived
/// from it (MODEL.md 5.7).
#ifndef PRESSROOM_MODEL_ARTICLE_HPP
#define PRESSROOM_MODEL_ARTICLE_HPP

#include "pressroom/model/common.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// What kind of item an article is.
enum class ArticleKind { press_release, news, statement, briefing_note, feature, speech, other };

/// A fact stated by an article: subject, predicate, object, with a quantity and a time frame.
struct Statement {
  std::string subject_id = {};  ///< who the fact is about (an entity id)
  std::string predicate = {};   ///< `trained`, `endorsed`, `has_members`...
  std::string object = {};      ///< what: text or an entity id
  std::optional<Quantity> quantity = {};
  std::optional<DateTime> date = {};
  std::optional<DateTime> since = {};
  std::optional<DateTime> until = {};
  std::string text = {};                    ///< the source sentence
  std::optional<int> paragraph_index = {};  ///< 0-based index into Article::body
  auto tie() const {
    return std::tie(subject_id, predicate, object, quantity, date, since, until, text,
                    paragraph_index);
  }
  friend bool operator==(const Statement& a, const Statement& b) { return a.tie() == b.tie(); }
  friend bool operator!=(const Statement& a, const Statement& b) { return !(a == b); }
};

/// One news item or press release, as published by an organization.
///
/// Entities it names live in the Document's tables and are referenced by id.
struct Article {
  std::string id = {};  ///< stable id: guid, atom:id, URL, else `art:<slug>`; required, unique
  ArticleKind kind = ArticleKind::press_release;
  std::string url = {};       ///< canonical web address
  std::string headline = {};  ///< main headline (feeds call it title); required
  std::string alternative_headline = {};
  std::optional<Dateline> dateline = {};        ///< removed from the first body block
  std::optional<DateTime> date_published = {};  ///< as precise as the source said
  std::optional<DateTime> date_modified = {};
  std::optional<DateTime> embargoed_until = {};
  std::string language = {};            ///< BCP 47
  std::string summary = {};             ///< standfirst or abstract
  std::vector<Block> body = {};         ///< plain-text blocks in reading order
  std::string body_html = {};           ///< sanitised HTML when the source had markup
  std::string contact_note = {};        ///< the contact paragraph as printed
  std::vector<EntityRef> authors = {};  ///< byline: people, organizations, teams
  std::string publisher_id = {};        ///< id into Document::organizations
  std::vector<EntityRef> organization_refs = {};
  std::vector<EntityRef> commissioner_refs = {};
  std::vector<EntityRef> person_refs = {};
  std::vector<EntityRef> legislation_refs = {};
  std::vector<std::string> contact_ids = {};  ///< ids into Document::contacts
  std::vector<Category> categories = {};
  std::vector<Media> media = {};
  std::vector<Link> links = {};
  std::vector<Statement> statements = {};
  std::string rights = {};          ///< copyright notice or usage terms
  std::optional<Link> source = {};  ///< where the item came from
  Extensions extensions = {};
  auto tie() const {
    return std::tie(id, kind, url, headline, alternative_headline, dateline, date_published,
                    date_modified, embargoed_until, language, summary, body, body_html,
                    contact_note, authors, publisher_id, organization_refs, commissioner_refs,
                    person_refs, legislation_refs, contact_ids, categories, media, links,
                    statements, rights, source, extensions);
  }
  friend bool operator==(const Article& a, const Article& b) { return a.tie() == b.tie(); }
  friend bool operator!=(const Article& a, const Article& b) { return !(a == b); }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_ARTICLE_HPP
