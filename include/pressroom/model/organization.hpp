// SPDX-License-Identifier: MIT
/// @file
/// `Organization`: an NGO, government body, UN agency, company... (MODEL.md 5.1).
#ifndef PRESSROOM_MODEL_ORGANIZATION_HPP
#define PRESSROOM_MODEL_ORGANIZATION_HPP

#include "pressroom/model/common.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// What kind of body an organization is.
enum class OrganizationKind {
  unspecified,
  ngo,
  government_body,
  legislature,
  intergovernmental,
  un_agency,
  eu_institution,
  eu_agency,
  national_human_rights_institution,
  company,
  media,
  academic,
  religious,
  other
};

/// An organization that publishes releases or is named in them.
struct Organization {
  std::string id = {};                            ///< `org:<slug>`; required, unique
  std::string name = {};                          ///< as stated; required
  std::string acronym = {};                       ///< "IOM"
  std::vector<std::string> alternate_names = {};  ///< other printed names
  /// NGO, government body, UN agency...
  OrganizationKind kind = OrganizationKind::unspecified;
  std::string description = {};           ///< one descriptive sentence
  std::string mission = {};               ///< stated aim
  std::string parent_id = {};             ///< id of the organization this one is part of
  std::vector<EntityRef> member_of = {};  ///< "part of the United Nations System"
  /// as precise as stated: "1951"
  std::optional<DateTime> founding_date = {};
  /// where it was founded
  std::optional<Location> founding_location = {};
  /// seat or head office
  std::optional<Location> headquarters = {};
  std::optional<Quantity> member_count = {};            ///< 175 member states
  std::optional<Quantity> presence_country_count = {};  ///< a presence in 171 countries
  /// staff as stated: "over 20,000"
  std::optional<Quantity> employee_count = {};
  /// countries or regions it works in
  std::vector<Location> area_served = {};
  std::string url = {};  ///< home page
  /// logo image
  std::optional<Media> logo = {};
  std::vector<Identifier> identifiers = {};   ///< ROR, Wikidata, registry numbers
  std::vector<std::string> same_as = {};      ///< IRIs of the same organization elsewhere
  std::vector<std::string> contact_ids = {};  ///< ids into Document::contacts
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(id, name, acronym, alternate_names, kind, description, mission, parent_id,
                    member_of, founding_date, founding_location, headquarters, member_count,
                    presence_country_count, employee_count, area_served, url, logo, identifiers,
                    same_as, contact_ids, extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Organization& a, const Organization& b) {
    return a.tie() == b.tie();
  }
  /// Field-wise inequality.
  friend bool operator!=(const Organization& a, const Organization& b) { return !(a == b); }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_ORGANIZATION_HPP
