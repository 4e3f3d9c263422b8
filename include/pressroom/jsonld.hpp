// SPDX-License-Identifier: MIT
/// @file
/// `jsonld`: schema.org JSON-LD (https://schema.org, https://www.w3.org/TR/json-ld11/), write
/// only. One JSON object with `"@context": "https://schema.org"` and an `@graph` holding a node
/// per record: `NewsArticle` per article, `Organization` (or `NGO`, `GovernmentOrganization`,
/// `NewsMediaOrganization`, `EducationalOrganization`, `Corporation` by kind) per organization,
/// `Person` per commissioner and person, `Legislation` per act, `ContactPoint` per contact, and
/// a `CollectionPage` for feed metadata when the Document has any. Nodes refer to each other
/// with `{"@id": ...}` objects whose ids are in the same graph (MODEL.md section 8); references
/// to entities outside the Document are written inline by name.
///
/// Mapping (MODEL.md sections 4 and 5, schema.org column):
/// - article: `headline`, `alternativeHeadline`, `dateline`, `articleBody` (blocks joined by
///   blank lines), `abstract`, `datePublished`, `dateModified`, `inLanguage`, `url`, `genre`,
///   `author`, `publisher`, `about` (references with the `subject` role), `mentions` (every
///   other reference), `citation` (legislation with the `cited` role), `contentLocation` (the
///   dateline's place), `keywords`, `articleSection`, `image` / `associatedMedia`,
///   `copyrightNotice`, `isBasedOn` (the source link), `citation` (related links).
/// - organization: `name`, `alternateName` (acronym, other names), `description`,
///   `foundingDate`, `foundingLocation`, `location`, `parentOrganization`, `memberOf`,
///   `numberOfEmployees`, `areaServed`, `url`, `logo`, `identifier`, `sameAs`, `contactPoint`.
/// - commissioner: `Person` with `jobTitle` (office title), `hasOccupation` (an `Occupation`,
///   wrapped in a `Role` with `startDate`/`endDate` when the term has dates) and `worksFor` (an
///   `OrganizationRole` with `roleName`, `startDate`, `endDate` around the office's body).
/// - legislation: `name`, `alternateName`, `legislationIdentifier`, `identifier`,
///   `legislationDate`, `legislationType`, `legislationJurisdiction`, `legislationLegalForce`,
///   `legislationPassedBy`, `legislationResponsible`, `legislationTransposes`,
///   `legislationChanges`, `isPartOf`, `url`. These terms are in schema.org's pending area.
/// - contact: `ContactPoint` with `name`, `contactType` (the unit, else "press"), `email`,
///   `telephone` (E.164 when known, else as printed), `faxNumber`, `url`, `availableLanguage`,
///   `hoursAvailable`, `areaServed`, `description`; linked from the `contactPoint` of its
///   organization, of the publisher of the articles that list it, and of people.
///
/// What schema.org has no term for (statements, member and presence counts, an office's
/// `reports_to`/`established_by`/`functions`, `date_in_force`, embargoes, `body_html`,
/// extensions...) is left out with one warning per kind of loss.
///
/// JSON-LD is embedded in web pages as `<script type="application/ld+json">`: every `<`, `>`
/// and `&` in a string is written as `\u003c`, `\u003e`, `\u0026` (the same value for a JSON
/// parser), so that text such as `</script>` in a headline cannot end the script element.
#ifndef PRESSROOM_JSONLD_HPP
#define PRESSROOM_JSONLD_HPP

#include <string>

#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace jsonld {

/// The `@context` value written.
inline constexpr const char* context = "https://schema.org";

/// Options of the JSON-LD writer.
struct WriteOptions : pressroom::WriteOptions {
  /// Base IRI of node ids. Empty (the default): a record's `@id` is `urn:pressroom:` + its
  /// pressroom id (`urn:pressroom:org:iom`); otherwise `base_iri` + `#` + the id
  /// (`https://example.org/release#org:iom`). Characters not allowed in an IRI are
  /// percent-encoded. Articles whose id already is an `http(s):`, `urn:` or `tag:` IRI keep it.
  std::string base_iri = {};
  /// Write a commissioner's office as an `OrganizationRole` under `worksFor` (with `roleName`
  /// and the term's dates) when the office names its organization; false writes a plain
  /// `worksFor` reference (the office stays in `jobTitle` / `hasOccupation`).
  bool office_roles = true;
};

/// The `@id` of a record with pressroom id `id` under `options` (see `WriteOptions::base_iri`).
[[nodiscard]] PRESSROOM_EXPORT std::string node_id(const std::string& id,
                                                   const WriteOptions& options);

/// Writes `doc` as one JSON-LD document (UTF-8, a final newline). Never fails for a valid
/// Document; invalid UTF-8 is written as U+FFFD with a warning, references to ids that are not
/// in the Document are written by name (or dropped) with a warning, and each kind of field
/// schema.org cannot hold is reported once as a warning.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});

/// This module's registry entry (name "jsonld", write only, extension `jsonld`, media type
/// `application/ld+json`).
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace jsonld
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_JSONLD_HPP
