// SPDX-License-Identifier: MIT
/// @file
/// Checks of the rules real input breaks and constructors therefore do not enforce.
#ifndef PRESSROOM_MODEL_VALIDATE_HPP
#define PRESSROOM_MODEL_VALIDATE_HPP

#include <vector>

#include "pressroom/error.hpp"
#include "pressroom/model/document.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// Checks a Document: ids present and unique per namespace (commissioners and people share
/// `person:`), references that resolve (`publisher_id`, `*_refs[].id`, `contact_ids`,
/// `parent_id`, `organization_id`, `established_by[].id`...), required fields (article
/// headline, organization name, office title, legislation title, a contact's name or
/// organization or unit, link and media URLs, phone `raw`, e-mail `address`), and dates that
/// exist. Returns one `Error` per problem, `format` "model", `path` naming the field
/// ("articles[2].publisher_id"); empty when the Document is valid.
[[nodiscard]] PRESSROOM_EXPORT std::vector<Error> validate(const Document& doc);

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_VALIDATE_HPP
