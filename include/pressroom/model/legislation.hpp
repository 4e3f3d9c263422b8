// SPDX-License-Identifier: MIT
/// @file
/// `Legislation`: an act, directive, loi, public law... (MODEL.md 5.4; ELI ontology).
#ifndef PRESSROOM_MODEL_LEGISLATION_HPP
#define PRESSROOM_MODEL_LEGISLATION_HPP

#include "pressroom/model/common.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// Whether a law is in force (schema.org `legislationLegalForce`, `eli:in_force`).
enum class LegalForce { unspecified, in_force, partially_in_force, not_in_force, other };

/// A piece of legislation cited by a release.
struct Legislation {
  std::string id = {};     ///< `leg:<slug>`; required, unique
  std::string title = {};  ///< short title as cited ("Modern Slavery Act 2015"); required
  /// long title, other names it is cited by
  std::vector<std::string> alternate_titles = {};
  std::string acronym = {};           ///< "TVPA"
  std::string legislation_type = {};  ///< `act`, `directive`, `regulation`, `loi`, `public_law`...
  /// where it applies
  std::optional<Location> jurisdiction = {};
  std::optional<int> year = {};       ///< Common Era year
  std::string number = {};            ///< chapter or serial number as written: "30", "2011/36"
  std::optional<DateTime> date = {};  ///< assent, signature or adoption
  /// when it came or comes into force
  std::optional<DateTime> date_in_force = {};
  /// in force, partially in force, not in force
  LegalForce legal_force = LegalForce::unspecified;
  std::vector<EntityRef> passed_by = {};     ///< legislature
  std::vector<EntityRef> responsible = {};   ///< ministry responsible
  std::vector<Identifier> identifiers = {};  ///< legislation.gov.uk, eli, celex, citation...
  std::string url = {};                      ///< preferred resolvable identifier URI
  /// EU directives this law transposes
  std::vector<EntityRef> transposes = {};
  /// laws this one amends
  std::vector<EntityRef> changes = {};
  /// the larger act or code this belongs to
  std::vector<EntityRef> part_of = {};
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(id, title, alternate_titles, acronym, legislation_type, jurisdiction, year,
                    number, date, date_in_force, legal_force, passed_by, responsible, identifiers,
                    url, transposes, changes, part_of, extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Legislation& a, const Legislation& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Legislation& a, const Legislation& b) { return !(a == b); }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_LEGISLATION_HPP
