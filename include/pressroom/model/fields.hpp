// SPDX-License-Identifier: MIT
/// @file
/// Reflection of the model: every field of every record and value type, with its canonical
/// name (the snake_case key of canonical JSON and the element name of canonical XML), in the
/// order of MODEL.md. Serializers (JSON, XML, Boost archives, the `bridge/` headers), the
/// debug dump and the tests are written once over this table.
///
/// `pressroom::for_each_field(obj, f)` calls `f(name, member)` for every field of `obj`, a
/// model struct or a const one; `name` is a `const char*` with static storage.
/// `pressroom::Fields<T>::count` is the number of fields; `Fields<T>::name` the type's name.
#ifndef PRESSROOM_MODEL_FIELDS_HPP
#define PRESSROOM_MODEL_FIELDS_HPP

#include <cstddef>
#include <type_traits>

#include "pressroom/model/document.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// The field table of `T`; specialised for every model type (primary template undefined).
template <class T>
struct Fields;

/// True when `T` has a field table.
template <class T, class = void>
struct is_reflected : std::false_type {};
/// @cond
template <class T>
struct is_reflected<T, std::void_t<decltype(Fields<T>::count)>> : std::true_type {};
/// @endcond
/// True when `T` has a field table.
template <class T>
inline constexpr bool is_reflected_v = is_reflected<T>::value;

/// Calls `f(name, member)` for every field of `obj` in canonical order.
template <class T, class F>
void for_each_field(T& obj, F&& f) {
  Fields<std::remove_const_t<T>>::apply(obj, f);
}

/// Field table of `DateTime`.
template <>
struct Fields<DateTime> {
  static constexpr const char* name = "date_time";  ///< the type's name
  static constexpr std::size_t count = 9;           ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("year", o.year);
    f("month", o.month);
    f("day", o.day);
    f("hour", o.hour);
    f("minute", o.minute);
    f("second", o.second);
    f("nanosecond", o.nanosecond);
    f("utc_offset_minutes", o.utc_offset_minutes);
    f("zone", o.zone);
  }
};

/// Field table of `GeoPoint`.
template <>
struct Fields<GeoPoint> {
  static constexpr const char* name = "geo_point";  ///< the type's name
  static constexpr std::size_t count = 2;           ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("lat", o.lat);
    f("lon", o.lon);
  }
};

/// Field table of `Identifier`.
template <>
struct Fields<Identifier> {
  static constexpr const char* name = "identifier";  ///< the type's name
  static constexpr std::size_t count = 2;            ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("scheme", o.scheme);
    f("value", o.value);
  }
};

/// Field table of `Location`.
template <>
struct Fields<Location> {
  static constexpr const char* name = "location";  ///< the type's name
  static constexpr std::size_t count = 7;          ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("name", o.name);
    f("locality", o.locality);
    f("region", o.region);
    f("country", o.country);
    f("country_code", o.country_code);
    f("geo", o.geo);
    f("identifiers", o.identifiers);
  }
};

/// Field table of `Dateline`.
template <>
struct Fields<Dateline> {
  static constexpr const char* name = "dateline";  ///< the type's name
  static constexpr std::size_t count = 4;          ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("raw", o.raw);
    f("location", o.location);
    f("date", o.date);
    f("source_credit", o.source_credit);
  }
};

/// Field table of `Link`.
template <>
struct Fields<Link> {
  static constexpr const char* name = "link";  ///< the type's name
  static constexpr std::size_t count = 6;      ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("href", o.href);
    f("rel", o.rel);
    f("media_type", o.media_type);
    f("title", o.title);
    f("hreflang", o.hreflang);
    f("length_bytes", o.length_bytes);
  }
};

/// Field table of `TextInfo`.
template <>
struct Fields<TextInfo> {
  static constexpr const char* name = "text_info";  ///< the type's name
  static constexpr std::size_t count = 3;           ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("media_type", o.media_type);
    f("language", o.language);
    f("base", o.base);
  }
};

/// Field table of `Media`.
template <>
struct Fields<Media> {
  static constexpr const char* name = "media";  ///< the type's name
  static constexpr std::size_t count = 12;      ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("url", o.url);
    f("media_type", o.media_type);
    f("role", o.role);
    f("length_bytes", o.length_bytes);
    f("duration_seconds", o.duration_seconds);
    f("width", o.width);
    f("height", o.height);
    f("title", o.title);
    f("caption", o.caption);
    f("credit", o.credit);
    f("alt_text", o.alt_text);
    f("language", o.language);
  }
};

/// Field table of `Category`.
template <>
struct Fields<Category> {
  static constexpr const char* name = "category";  ///< the type's name
  static constexpr std::size_t count = 4;          ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("term", o.term);
    f("label", o.label);
    f("scheme", o.scheme);
    f("kind", o.kind);
  }
};

/// Field table of `Quantity`.
template <>
struct Fields<Quantity> {
  static constexpr const char* name = "quantity";  ///< the type's name
  static constexpr std::size_t count = 4;          ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("value", o.value);
    f("comparator", o.comparator);
    f("unit", o.unit);
    f("as_written", o.as_written);
  }
};

/// Field table of `EntityRef`.
template <>
struct Fields<EntityRef> {
  static constexpr const char* name = "entity_ref";  ///< the type's name
  static constexpr std::size_t count = 4;            ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("name", o.name);
    f("roles", o.roles);
    f("as_written", o.as_written);
  }
};

/// Field table of `Block`.
template <>
struct Fields<Block> {
  static constexpr const char* name = "block";  ///< the type's name
  static constexpr std::size_t count = 2;       ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("type", o.type);
    f("text", o.text);
  }
};

/// Field table of `PersonName`.
template <>
struct Fields<PersonName> {
  static constexpr const char* name = "person_name";  ///< the type's name
  static constexpr std::size_t count = 6;             ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("full", o.full);
    f("honorific_prefix", o.honorific_prefix);
    f("given", o.given);
    f("additional", o.additional);
    f("family", o.family);
    f("honorific_suffix", o.honorific_suffix);
  }
};

/// Field table of `PhoneNumber`.
template <>
struct Fields<PhoneNumber> {
  static constexpr const char* name = "phone_number";  ///< the type's name
  static constexpr std::size_t count = 6;              ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("raw", o.raw);
    f("e164", o.e164);
    f("extension", o.extension);
    f("kind", o.kind);
    f("country_code", o.country_code);
    f("note", o.note);
  }
};

/// Field table of `Email`.
template <>
struct Fields<Email> {
  static constexpr const char* name = "email";  ///< the type's name
  static constexpr std::size_t count = 3;       ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("address", o.address);
    f("raw", o.raw);
    f("kind", o.kind);
  }
};

/// Field table of `PostalAddress`.
template <>
struct Fields<PostalAddress> {
  static constexpr const char* name = "postal_address";  ///< the type's name
  static constexpr std::size_t count = 6;                ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("lines", o.lines);
    f("locality", o.locality);
    f("region", o.region);
    f("postal_code", o.postal_code);
    f("country", o.country);
    f("country_code", o.country_code);
  }
};

/// Field table of `InstantMessaging`.
template <>
struct Fields<InstantMessaging> {
  static constexpr const char* name = "instant_messaging";  ///< the type's name
  static constexpr std::size_t count = 2;                   ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("service", o.service);
    f("handle", o.handle);
  }
};

/// Field table of `Organization`.
template <>
struct Fields<Organization> {
  static constexpr const char* name = "organization";  ///< the type's name
  static constexpr std::size_t count = 22;             ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("name", o.name);
    f("acronym", o.acronym);
    f("alternate_names", o.alternate_names);
    f("kind", o.kind);
    f("description", o.description);
    f("mission", o.mission);
    f("parent_id", o.parent_id);
    f("member_of", o.member_of);
    f("founding_date", o.founding_date);
    f("founding_location", o.founding_location);
    f("headquarters", o.headquarters);
    f("member_count", o.member_count);
    f("presence_country_count", o.presence_country_count);
    f("employee_count", o.employee_count);
    f("area_served", o.area_served);
    f("url", o.url);
    f("logo", o.logo);
    f("identifiers", o.identifiers);
    f("same_as", o.same_as);
    f("contact_ids", o.contact_ids);
    f("extensions", o.extensions);
  }
};

/// Field table of `Office`.
template <>
struct Fields<Office> {
  static constexpr const char* name = "office";  ///< the type's name
  static constexpr std::size_t count = 9;        ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("title", o.title);
    f("acronym", o.acronym);
    f("kind", o.kind);
    f("organization_id", o.organization_id);
    f("jurisdiction", o.jurisdiction);
    f("holder_ordinal", o.holder_ordinal);
    f("reports_to", o.reports_to);
    f("established_by", o.established_by);
    f("functions", o.functions);
  }
};

/// Field table of `Term`.
template <>
struct Fields<Term> {
  static constexpr const char* name = "term";  ///< the type's name
  static constexpr std::size_t count = 3;      ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("start", o.start);
    f("end", o.end);
    f("status", o.status);
  }
};

/// Field table of `Commissioner`.
template <>
struct Fields<Commissioner> {
  static constexpr const char* name = "commissioner";  ///< the type's name
  static constexpr std::size_t count = 8;              ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("name", o.name);
    f("office", o.office);
    f("term", o.term);
    f("description", o.description);
    f("same_as", o.same_as);
    f("contact_ids", o.contact_ids);
    f("extensions", o.extensions);
  }
};

/// Field table of `Person`.
template <>
struct Fields<Person> {
  static constexpr const char* name = "person";  ///< the type's name
  static constexpr std::size_t count = 10;       ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("name", o.name);
    f("job_title", o.job_title);
    f("organization_id", o.organization_id);
    f("description", o.description);
    f("same_as", o.same_as);
    f("contact_ids", o.contact_ids);
    f("url", o.url);
    f("emails", o.emails);
    f("extensions", o.extensions);
  }
};

/// Field table of `Legislation`.
template <>
struct Fields<Legislation> {
  static constexpr const char* name = "legislation";  ///< the type's name
  static constexpr std::size_t count = 19;            ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("title", o.title);
    f("alternate_titles", o.alternate_titles);
    f("acronym", o.acronym);
    f("legislation_type", o.legislation_type);
    f("jurisdiction", o.jurisdiction);
    f("year", o.year);
    f("number", o.number);
    f("date", o.date);
    f("date_in_force", o.date_in_force);
    f("legal_force", o.legal_force);
    f("passed_by", o.passed_by);
    f("responsible", o.responsible);
    f("identifiers", o.identifiers);
    f("url", o.url);
    f("transposes", o.transposes);
    f("changes", o.changes);
    f("part_of", o.part_of);
    f("extensions", o.extensions);
  }
};

/// Field table of `Contact`.
template <>
struct Fields<Contact> {
  static constexpr const char* name = "contact";  ///< the type's name
  static constexpr std::size_t count = 18;        ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("kind", o.kind);
    f("name", o.name);
    f("organization_id", o.organization_id);
    f("organization_name", o.organization_name);
    f("unit", o.unit);
    f("job_title", o.job_title);
    f("emails", o.emails);
    f("phones", o.phones);
    f("urls", o.urls);
    f("im", o.im);
    f("social", o.social);
    f("address", o.address);
    f("location", o.location);
    f("languages", o.languages);
    f("hours", o.hours);
    f("note", o.note);
    f("extensions", o.extensions);
  }
};

/// Field table of `Statement`.
template <>
struct Fields<Statement> {
  static constexpr const char* name = "statement";  ///< the type's name
  static constexpr std::size_t count = 9;           ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("subject_id", o.subject_id);
    f("predicate", o.predicate);
    f("object", o.object);
    f("quantity", o.quantity);
    f("date", o.date);
    f("since", o.since);
    f("until", o.until);
    f("text", o.text);
    f("paragraph_index", o.paragraph_index);
  }
};

/// Field table of `Generator`.
template <>
struct Fields<Generator> {
  static constexpr const char* name = "generator";  ///< the type's name
  static constexpr std::size_t count = 3;           ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("name", o.name);
    f("version", o.version);
    f("uri", o.uri);
  }
};

/// Field table of `Feed`.
template <>
struct Fields<Feed> {
  static constexpr const char* name = "feed";  ///< the type's name
  static constexpr std::size_t count = 22;     ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("title", o.title);
    f("description", o.description);
    f("home_page_url", o.home_page_url);
    f("feed_url", o.feed_url);
    f("next_url", o.next_url);
    f("language", o.language);
    f("updated", o.updated);
    f("publisher_id", o.publisher_id);
    f("authors", o.authors);
    f("rights", o.rights);
    f("generator", o.generator);
    f("icon", o.icon);
    f("logo", o.logo);
    f("categories", o.categories);
    f("ttl_minutes", o.ttl_minutes);
    f("links", o.links);
    f("title_info", o.title_info);
    f("description_info", o.description_info);
    f("rights_info", o.rights_info);
    f("info", o.info);
    f("extensions", o.extensions);
  }
};

/// Field table of `Article`.
template <>
struct Fields<Article> {
  static constexpr const char* name = "article";  ///< the type's name
  static constexpr std::size_t count = 32;        ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("id", o.id);
    f("kind", o.kind);
    f("url", o.url);
    f("headline", o.headline);
    f("alternative_headline", o.alternative_headline);
    f("dateline", o.dateline);
    f("date_published", o.date_published);
    f("date_modified", o.date_modified);
    f("embargoed_until", o.embargoed_until);
    f("language", o.language);
    f("summary", o.summary);
    f("body", o.body);
    f("body_html", o.body_html);
    f("contact_note", o.contact_note);
    f("authors", o.authors);
    f("publisher_id", o.publisher_id);
    f("organization_refs", o.organization_refs);
    f("commissioner_refs", o.commissioner_refs);
    f("person_refs", o.person_refs);
    f("legislation_refs", o.legislation_refs);
    f("contact_ids", o.contact_ids);
    f("categories", o.categories);
    f("media", o.media);
    f("links", o.links);
    f("statements", o.statements);
    f("rights", o.rights);
    f("source", o.source);
    f("source_feed", o.source_feed);
    f("headline_info", o.headline_info);
    f("summary_info", o.summary_info);
    f("body_info", o.body_info);
    f("extensions", o.extensions);
  }
};

/// Field table of `Document`.
template <>
struct Fields<Document> {
  static constexpr const char* name = "document";  ///< the type's name
  static constexpr std::size_t count = 9;          ///< number of fields
  /// Calls `f(name, member)` for each field of `o`.
  template <class T, class F>
  static void apply(T& o, F& f) {
    f("pressroom_version", o.pressroom_version);
    f("feed", o.feed);
    f("articles", o.articles);
    f("organizations", o.organizations);
    f("commissioners", o.commissioners);
    f("people", o.people);
    f("legislation", o.legislation);
    f("contacts", o.contacts);
    f("extensions", o.extensions);
  }
};

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_FIELDS_HPP
