// SPDX-License-Identifier: MIT
/// @file
/// `Commissioner` (a person holding a public office) and `Person` (any other named person),
/// MODEL.md 5.3. Both share the `person:` id namespace.
#ifndef PRESSROOM_MODEL_COMMISSIONER_HPP
#define PRESSROOM_MODEL_COMMISSIONER_HPP

#include "pressroom/model/common.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// How many people hold an office at once.
enum class OfficeKind { unspecified, sole_office, commission_member, other };

/// A public office ("Independent Anti-Slavery Commissioner"); W3C ORG's `org:Post`.
struct Office {
  std::string title = {};    ///< "Independent Anti-Slavery Commissioner"; required
  std::string acronym = {};  ///< "IASC"
  /// a sole office or a seat on a commission
  OfficeKind kind = OfficeKind::unspecified;
  std::string organization_id = {};            ///< body the office belongs to
  std::optional<Location> jurisdiction = {};   ///< United Kingdom, EU, Kenya
  std::optional<int> holder_ordinal = {};      ///< 1 for "the first ..."
  std::string reports_to = {};                 ///< "Home Secretary" (`org:reportsTo`)
  std::vector<EntityRef> established_by = {};  ///< the legislation that created the office
  std::vector<std::string> functions = {};     ///< statutory functions as stated
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(title, acronym, kind, organization_id, jurisdiction, holder_ordinal, reports_to,
                    established_by, functions);
  }
  /// Field-wise equality.
  friend bool operator==(const Office& a, const Office& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Office& a, const Office& b) { return !(a == b); }
};

/// Where a holder stands in their term of office.
enum class TermStatus { unspecified, current, former, designate, acting, interim, other };

/// A term of office.
struct Term {
  /// first day in office
  std::optional<DateTime> start = {};
  /// last day in office; absent while the term runs
  std::optional<DateTime> end = {};
  /// current, former, designate, acting...
  TermStatus status = TermStatus::unspecified;
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(start, end, status); }
  /// Field-wise equality.
  friend bool operator==(const Term& a, const Term& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Term& a, const Term& b) { return !(a == b); }
};

/// A person holding a public office titled commissioner (or similar).
struct Commissioner {
  std::string id = {};   ///< `person:<slug>`; required, unique among commissioners and people
  PersonName name = {};  ///< the holder; empty when only the office is named
  Office office = {};    ///< `office.title` is required
  /// the current or last known term of office
  Term term = {};
  /// one descriptive sentence
  std::string description = {};
  /// IRIs of the same person elsewhere (Wikidata...)
  std::vector<std::string> same_as = {};
  std::vector<std::string> contact_ids = {};  ///< ids into Document::contacts
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(id, name, office, term, description, same_as, contact_ids, extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Commissioner& a, const Commissioner& b) {
    return a.tie() == b.tie();
  }
  /// Field-wise inequality.
  friend bool operator!=(const Commissioner& a, const Commissioner& b) { return !(a == b); }
};

/// Any other named person: spokespeople, executives, people quoted.
struct Person {
  std::string id = {};  ///< `person:<slug>`; required, unique among commissioners and people
  /// the name as printed, with its parts when known
  PersonName name = {};
  /// "Head of Communications"
  std::string job_title = {};
  std::string organization_id = {};  ///< employer, an id into Document::organizations
  /// one descriptive sentence
  std::string description = {};
  /// IRIs of the same person elsewhere (Wikidata...)
  std::vector<std::string> same_as = {};
  /// ids into Document::contacts
  std::vector<std::string> contact_ids = {};
  std::string url = {};            ///< home page (Atom author `uri`, JSON Feed author `url`)
  std::vector<Email> emails = {};  ///< e-mail addresses given with a byline (Atom `email`)
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(id, name, job_title, organization_id, description, same_as, contact_ids, url,
                    emails, extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Person& a, const Person& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Person& a, const Person& b) { return !(a == b); }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_COMMISSIONER_HPP
