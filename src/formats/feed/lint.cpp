// SPDX-License-Identifier: MIT
// lint(): what a Document lacks for a feed format or what foreign readers would not get.
#include "formats/feed/module.hpp"

namespace pressroom::feed_detail {

std::vector<Error> foreign_losses(const Document& doc, std::string_view format) {
  WriteDiagnostics diag(format);
  const auto lost = [&](const std::string& what, const std::string& path) {
    diag.warn(ErrorCode::unsupported,
              what + " only in the pressroom extension (foreign readers do not see it)", path);
  };
  if (!doc.organizations.empty()) lost("organizations", "organizations");
  if (!doc.commissioners.empty()) lost("commissioners", "commissioners");
  if (!doc.people.empty()) lost("people", "people");
  if (!doc.legislation.empty()) lost("legislation", "legislation");
  if (!doc.contacts.empty()) lost("contacts", "contacts");
  const bool rss = format == "rss";
  for (std::size_t i = 0; i < doc.articles.size(); ++i) {
    const Article& a = doc.articles[i];
    const std::string p = "articles[" + std::to_string(i) + "]";
    if (a.headline.empty())
      diag.warn(ErrorCode::missing_field, "article without headline", p + ".headline");
    if (a.id.empty()) diag.warn(ErrorCode::missing_field, "article without id", p + ".id");
    if (!a.statements.empty()) lost("statements", p + ".statements");
    if (!a.organization_refs.empty() || !a.commissioner_refs.empty() || !a.person_refs.empty() ||
        !a.legislation_refs.empty() || !a.contact_ids.empty())
      lost("entity references", p);
    if (!a.alternative_headline.empty()) lost("alternative_headline", p + ".alternative_headline");
    if (a.embargoed_until) lost("embargoed_until", p + ".embargoed_until");
    if (rss && a.media.size() > 1)
      diag.warn(ErrorCode::unsupported,
                "media beyond the first: Media RSS only (readers without it see one enclosure)",
                p + ".media");
    if (!a.extensions.empty()) lost("extensions", p + ".extensions");
    for (const auto* d : {&a.date_published, &a.date_modified}) {
      if (*d && (*d)->precision() < Precision::day)
        diag.warn(ErrorCode::unsupported, "year or month precision date has no native form", p);
    }
  }
  return std::move(diag.warnings());
}

}  // namespace pressroom::feed_detail
