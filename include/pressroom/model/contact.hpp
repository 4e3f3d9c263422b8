// SPDX-License-Identifier: MIT
/// @file
/// `Contact`: a media contact printed with a release, a person or an office (MODEL.md 5.5).
#ifndef PRESSROOM_MODEL_CONTACT_HPP
#define PRESSROOM_MODEL_CONTACT_HPP

#include "pressroom/model/common.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// Whether a contact is a person or an office (vCard `KIND`).
enum class ContactKind { individual, org };

/// A press contact: who to call or write to about a release.
///
/// At least one of `name`, `organization_name` and `unit` is required.
struct Contact {
  std::string id = {};  ///< `contact:<slug>`; required, unique
  /// a named individual or an organization (a desk, an office)
  ContactKind kind = ContactKind::individual;
  /// the person to contact, if named
  PersonName name = {};
  std::string organization_id = {};    ///< employer, an id into Document::organizations
  std::string organization_name = {};  ///< as printed ("IOM UK")
  std::string unit = {};               ///< "Communications Department"
  /// "Media Relations Officer"
  std::string job_title = {};
  /// in printed order
  std::vector<Email> emails = {};
  std::vector<PhoneNumber> phones = {};  ///< in printed order
  /// web pages: press room, contact form
  std::vector<Link> urls = {};
  /// instant-messaging handles
  std::vector<InstantMessaging> im = {};
  std::vector<std::string> social = {};  ///< "@KHREC_Kenya"
  /// postal address
  std::optional<PostalAddress> address = {};
  /// where the contact is based
  std::optional<Location> location = {};
  std::vector<std::string> languages = {};  ///< BCP 47
  /// availability as printed: "Mon-Fri 9:00-17:00"
  std::string hours = {};
  /// anything else printed with the contact
  std::string note = {};
  /// input a reader did not understand, kept for round trips
  Extensions extensions = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(id, kind, name, organization_id, organization_name, unit, job_title, emails,
                    phones, urls, im, social, address, location, languages, hours, note,
                    extensions);
  }
  /// Field-wise equality.
  friend bool operator==(const Contact& a, const Contact& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Contact& a, const Contact& b) { return !(a == b); }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_CONTACT_HPP
