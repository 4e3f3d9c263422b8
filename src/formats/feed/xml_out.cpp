// SPDX-License-Identifier: MIT
// The pressroom extension of RSS and Atom (writing side) and small helpers of both writers.
#include "formats/feed/xml_out.hpp"

#include "formats/xml/codec.hpp"
#include "pressroom/model/document.hpp"

namespace pressroom::feed_detail {

namespace {

template <class T>
void element(XmlOut& x, std::string_view name, const T& value) {
  std::size_t stripped = 0;
  xml_codec::write_element(x.out(), name, value, "pressroom:", x.options(), x.level(), stripped);
  x.add_stripped(stripped);
}

}  // namespace

// The head: the Document's version (when not the default) and extensions, the Feed record
// (always, even empty: its presence tells the reader to take the feed metadata from it and not
// from the native elements, which hold derived values), then the tables.
void write_pressroom_head(XmlOut& x, const Document& doc) {
  if (doc.pressroom_version != model_version) {
    x.newline();
    x.out() += "<pressroom:pressroom_version>";
    x.add_stripped(append_xml(x.out(), doc.pressroom_version));
    x.out() += "</pressroom:pressroom_version>";
  }
  for (const auto& [key, value] : doc.extensions) {
    x.newline();
    x.out() += "<pressroom:extensions format=\"";
    x.add_stripped(append_xml(x.out(), key, true));
    x.out() += "\">";
    x.add_stripped(append_xml(x.out(), value));
    x.out() += "</pressroom:extensions>";
  }
  element(x, "pressroom:feed", doc.feed);
  for (const auto& o : doc.organizations) element(x, "pressroom:organization", o);
  for (const auto& c : doc.commissioners) element(x, "pressroom:commissioner", c);
  for (const auto& p : doc.people) element(x, "pressroom:person", p);
  for (const auto& l : doc.legislation) element(x, "pressroom:legislation", l);
  for (const auto& c : doc.contacts) element(x, "pressroom:contact", c);
}

void write_pressroom_article(XmlOut& x, const Article& article) {
  element(x, "pressroom:article", article);
}

const Organization* feed_publisher(const Document& doc) {
  if (!doc.feed.publisher_id.empty())
    if (const Organization* o = find_organization(doc, doc.feed.publisher_id)) return o;
  for (const auto& a : doc.articles) {
    if (a.publisher_id.empty()) continue;
    if (const Organization* o = find_organization(doc, a.publisher_id)) return o;
  }
  return nullptr;
}

std::string organization_name(const Document& doc, std::string_view id) {
  if (id.empty()) return {};
  if (const Organization* o = find_organization(doc, id)) return o->name;
  return {};
}

std::string ref_name(const Document& doc, const EntityRef& ref) {
  if (!ref.name.empty()) return ref.name;
  if (!ref.id.empty()) {
    if (const Organization* o = find_organization(doc, ref.id)) return o->name;
    if (const Person* p = find_person(doc, ref.id)) return p->name.full;
    if (const Commissioner* c = find_commissioner(doc, ref.id)) return c->name.full;
  }
  return ref.id;
}

void warn_date(WriteDiagnostics& diag, DateOutcome outcome, const std::string& path) {
  switch (outcome) {
    case DateOutcome::ok:
      break;
    case DateOutcome::midnight:
      diag.warn(ErrorCode::invalid_value,
                "day-precision date written as 00:00:00 UTC (precision kept in the pressroom "
                "extension)",
                path);
      break;
    case DateOutcome::no_offset:
      diag.warn(ErrorCode::invalid_value, "local time without UTC offset written as UTC", path);
      break;
    case DateOutcome::too_coarse:
      diag.warn(ErrorCode::unsupported,
                "year or month precision date not written as a date (kept in the pressroom "
                "extension)",
                path);
      break;
    case DateOutcome::invalid:
      diag.warn(ErrorCode::invalid_value, "invalid date not written", path);
      break;
  }
}

}  // namespace pressroom::feed_detail
