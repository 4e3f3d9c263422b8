// SPDX-License-Identifier: MIT
/// @file
/// Value types shared by every record of the model (MODEL.md section 4): dates with precision,
/// places, links, media, categories, identifiers, quantities, references, names, phones, e-mails
/// and postal addresses. All are plain aggregates: public fields, default member initializers,
/// `tie()` listing every field, and `==` / `!=` comparing field by field.
#ifndef PRESSROOM_MODEL_COMMON_HPP
#define PRESSROOM_MODEL_COMMON_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "pressroom/config.hpp"
#include "pressroom/export.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// How much of a date or time a source stated (MODEL.md 4.1). Ordered from coarse to fine.
enum class Precision { year, month, day, minute, second, fraction };

/// A calendar date, optionally with a time of day, a UTC offset and an IANA zone name.
///
/// Keeps exactly what the source stated: "2015" is year precision, "2024-03-12" day precision,
/// "2024-03-12T09:30:00+01:00" second precision with an offset. Equality is field-wise (no
/// normalisation to an instant), so a value read is written back unchanged. A time of day
/// needs `day`; `second` needs `minute`; `nanosecond` needs `second`. Use `is_valid()` to check
/// the calendar (30 February is invalid; nothing is ever normalised into the next month).
struct DateTime {
  int year = 0;                                ///< Common Era year, 1..9999 when valid
  std::optional<int> month = {};               ///< 1..12
  std::optional<int> day = {};                 ///< 1..31, within the month
  std::optional<int> hour = {};                ///< 0..23 (24 is not accepted)
  std::optional<int> minute = {};              ///< 0..59
  std::optional<int> second = {};              ///< 0..60 (60 for a leap second)
  std::optional<int> nanosecond = {};          ///< 0..999999999, the fraction of the second
  std::optional<int> utc_offset_minutes = {};  ///< -1439..1439; absent = local time, offset unknown
  std::string zone = {};                       ///< IANA zone name ("Europe/Zurich"), may be empty

  /// The finest part present.
  [[nodiscard]] Precision precision() const noexcept {
    if (nanosecond) return Precision::fraction;
    if (second) return Precision::second;
    if (minute || hour) return Precision::minute;
    if (day) return Precision::day;
    if (month) return Precision::month;
    return Precision::year;
  }
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(year, month, day, hour, minute, second, nanosecond, utc_offset_minutes, zone);
  }
  /// Field-wise equality.
  friend bool operator==(const DateTime& a, const DateTime& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const DateTime& a, const DateTime& b) { return !(a == b); }
};

/// True when every part present is in range, the parts form a prefix (no day without a month,
/// no minute without an hour...) and the day exists in that month of that year.
[[nodiscard]] PRESSROOM_EXPORT bool is_valid(const DateTime& dt) noexcept;

/// Parses the canonical forms of MODEL.md 4.1: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
/// `YYYY-MM-DDThh:mm[:ss[.f+]]` with an optional `Z`/`±hh:mm` and an optional `[Zone/Name]`
/// suffix (RFC 3339 / RFC 9557). Lower-case `t`/`z` and a space instead of `T` are accepted.
/// Returns nothing when the text is not one of those forms or names an impossible date.
[[nodiscard]] PRESSROOM_EXPORT std::optional<DateTime> parse_date_time(std::string_view text);

/// Formats in the canonical form of MODEL.md 4.1 (the inverse of `parse_date_time`): as many
/// parts as are present, fraction digits without trailing zeros, offset as `Z` or `±hh:mm`.
[[nodiscard]] PRESSROOM_EXPORT std::string to_string(const DateTime& dt);

/// A point on the WGS84 ellipsoid, in decimal degrees.
struct GeoPoint {
  double lat = 0;  ///< latitude, -90..90
  double lon = 0;  ///< longitude, -180..180
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(lat, lon); }
  /// Field-wise equality.
  friend bool operator==(const GeoPoint& a, const GeoPoint& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const GeoPoint& a, const GeoPoint& b) { return !(a == b); }
};

/// An identifier in a named scheme (MODEL.md 4.4): `uri`, `eli`, `legislation.gov.uk`, `celex`,
/// `akn`, `us-public-law`, `citation`, `wikidata`, `ror`, `isni`...
struct Identifier {
  std::string scheme = {};  ///< the scheme's name, lower case
  std::string value = {};   ///< the identifier as the scheme writes it ("ukpga/2015/30")
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(scheme, value); }
  /// Field-wise equality.
  friend bool operator==(const Identifier& a, const Identifier& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Identifier& a, const Identifier& b) { return !(a == b); }
};

/// A place as printed, with what is known of it (MODEL.md 4.2).
struct Location {
  std::string name = {};          ///< the place as printed ("Geneva", "United Kingdom"); required
  std::string locality = {};      ///< city or town
  std::string region = {};        ///< state, province, nation of the UK
  std::string country = {};       ///< country name
  std::string country_code = {};  ///< ISO 3166-1 alpha-2, `EU` for the Union
  /// coordinates, when known
  std::optional<GeoPoint> geo = {};
  std::vector<Identifier> identifiers = {};  ///< GeoNames, Wikidata...
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(name, locality, region, country, country_code, geo, identifiers);
  }
  /// Field-wise equality.
  friend bool operator==(const Location& a, const Location& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Location& a, const Location& b) { return !(a == b); }
};

/// The place-and-date prefix of a release's first paragraph ("Geneva, 12 March 2024 –").
struct Dateline {
  std::string raw = {};                   ///< as printed, separator included, trimmed; required
  std::optional<Location> location = {};  ///< the place part
  std::optional<DateTime> date = {};      ///< the date part, if printed
  std::string source_credit = {};         ///< wire or agency credit ("PRNewswire", "(MLRC)")
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(raw, location, date, source_credit); }
  /// Field-wise equality.
  friend bool operator==(const Dateline& a, const Dateline& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Dateline& a, const Dateline& b) { return !(a == b); }
};

/// A typed link (MODEL.md 4.3; Atom `link`, RFC 4287 §4.2.7).
struct Link {
  std::string href = {};  ///< target IRI; required
  std::string rel = {};   ///< `alternate` when empty; `self`, `related`, `enclosure`, `via`...
  std::string media_type = {};  ///< e.g. `text/html`
  /// human-readable title of the target
  std::string title = {};
  /// language of the target, BCP 47
  std::string hreflang = {};
  /// size of the target in bytes
  std::optional<std::uint64_t> length_bytes = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(href, rel, media_type, title, hreflang, length_bytes); }
  /// Field-wise equality.
  friend bool operator==(const Link& a, const Link& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Link& a, const Link& b) { return !(a == b); }
};

/// How a feed gave one text construct (an Atom `title`, `subtitle`, `rights`, `summary` or
/// `content`; ROME's `SyndContent` without the value, which lives in the plain field next to it).
/// Readers set it for Atom text constructs; empty members mean "not stated".
struct TextInfo {
  std::string media_type = {};  ///< `text/plain`, `text/html`, `application/xhtml+xml`...
  std::string language = {};    ///< BCP 47 `xml:lang` in scope, when it differs from the record's
  std::string base = {};        ///< `xml:base` in scope (resolved), when the feed declared one
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(media_type, language, base); }
  /// Field-wise equality.
  friend bool operator==(const TextInfo& a, const TextInfo& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const TextInfo& a, const TextInfo& b) { return !(a == b); }
};

/// What a media object is for.
enum class MediaRole { unspecified, enclosure, image, thumbnail, banner, attachment, other };

/// An image, enclosure or attachment (MODEL.md 4.3; RSS `enclosure`, JSON Feed `attachments`).
struct Media {
  std::string url = {};         ///< required
  std::string media_type = {};  ///< `image/jpeg`, `audio/mpeg`...
  /// what the object is for: enclosure, image, thumbnail...
  MediaRole role = MediaRole::unspecified;
  /// size in bytes
  std::optional<std::uint64_t> length_bytes = {};
  /// playing time of audio or video
  std::optional<double> duration_seconds = {};
  std::optional<int> width = {};   ///< pixels
  std::optional<int> height = {};  ///< pixels
  /// title of the object
  std::string title = {};
  /// caption as printed
  std::string caption = {};
  /// photographer or rights holder
  std::string credit = {};
  /// text alternative for people who cannot see the image
  std::string alt_text = {};
  std::string language = {};  ///< BCP 47
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(url, media_type, role, length_bytes, duration_seconds, width, height, title,
                    caption, credit, alt_text, language);
  }
  /// Field-wise equality.
  friend bool operator==(const Media& a, const Media& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Media& a, const Media& b) { return !(a == b); }
};

/// What kind of term a category is.
enum class CategoryKind { unspecified, subject, keyword, section, genre, region, other };

/// A tag, section, subject or genre (RSS `category`, Atom `category`, JSON Feed `tags`).
struct Category {
  std::string term = {};    ///< machine value or the printed tag; required
  std::string label = {};   ///< human-readable label
  std::string scheme = {};  ///< vocabulary IRI (RSS `domain`, Atom `scheme`)
  /// subject, keyword, section, genre, region...
  CategoryKind kind = CategoryKind::unspecified;
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(term, label, scheme, kind); }
  /// Field-wise equality.
  friend bool operator==(const Category& a, const Category& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Category& a, const Category& b) { return !(a == b); }
};

/// How a stated number relates to the true one ("over 2,000" is `gt`).
enum class Comparator { eq, gt, ge, lt, le, approx };

/// A count stated in text: "175 member states", "over 2,000 frontline professionals".
struct Quantity {
  /// the number: 2000 for "over 2,000"
  double value = 0;
  /// how the number relates to the true one
  Comparator comparator = Comparator::eq;
  std::string unit = {};        ///< "member states"
  std::string as_written = {};  ///< "over 2,000"
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(value, comparator, unit, as_written); }
  /// Field-wise equality.
  friend bool operator==(const Quantity& a, const Quantity& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Quantity& a, const Quantity& b) { return !(a == b); }
};

/// A reference to an entity (MODEL.md section 3): by `id` when the target is in the same
/// Document, by `name` always (the only content when the target is not an entity of it).
struct EntityRef {
  /// id of the target in the same Document; empty when it is not there
  std::string id = {};
  /// the target's name; required
  std::string name = {};
  std::vector<std::string> roles = {};  ///< `publisher`, `subject`, `quoted`, `cited`...
  std::string as_written = {};          ///< the mention as printed
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(id, name, roles, as_written); }
  /// Field-wise equality.
  friend bool operator==(const EntityRef& a, const EntityRef& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const EntityRef& a, const EntityRef& b) { return !(a == b); }
};

/// The role of one body block.
enum class BlockType { paragraph, heading, list_item, quote };

/// One block of an article's body: plain text, no markup. Canonical JSON writes a paragraph
/// as a bare string and other types as `{"type": ..., "text": ...}`.
struct Block {
  /// paragraph, heading, list item or quote
  BlockType type = BlockType::paragraph;
  /// the block's plain text
  std::string text = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(type, text); }
  /// Field-wise equality.
  friend bool operator==(const Block& a, const Block& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Block& a, const Block& b) { return !(a == b); }
};

/// A person's name as printed, with its parts when known (vCard `N`, schema.org Person).
struct PersonName {
  std::string full = {};  ///< the name as printed, spacing fixed; required when a name exists
  std::string honorific_prefix = {};  ///< "Dr", "Dame"
  /// given (first) name
  std::string given = {};
  std::string additional = {};  ///< middle names
  /// family name
  std::string family = {};
  std::string honorific_suffix = {};  ///< "MP", "OBE"
  /// True when no part is set.
  [[nodiscard]] bool empty() const noexcept {
    return full.empty() && honorific_prefix.empty() && given.empty() && additional.empty() &&
           family.empty() && honorific_suffix.empty();
  }
  /// Every field, in declaration order, for comparisons.
  auto tie() const {
    return std::tie(full, honorific_prefix, given, additional, family, honorific_suffix);
  }
  /// Field-wise equality.
  friend bool operator==(const PersonName& a, const PersonName& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const PersonName& a, const PersonName& b) { return !(a == b); }
};

/// What a telephone number reaches.
enum class PhoneKind { voice, mobile, fax, toll_free, text, other };

/// A telephone number as printed and, when it could be parsed, in E.164.
struct PhoneNumber {
  std::string raw = {};        ///< as printed: "+44 (0)207 811 6053"; required
  std::string e164 = {};       ///< "+442078116053"
  std::string extension = {};  ///< "12" from "ext. 12"
  /// voice, mobile, fax...
  PhoneKind kind = PhoneKind::voice;
  std::string country_code = {};  ///< ISO region used to parse a national form ("GB")
  std::string note = {};          ///< "out of hours"
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(raw, e164, extension, kind, country_code, note); }
  /// Field-wise equality.
  friend bool operator==(const PhoneNumber& a, const PhoneNumber& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const PhoneNumber& a, const PhoneNumber& b) { return !(a == b); }
};

/// What an e-mail address is for.
enum class EmailKind { unspecified, work, press, general, other };

/// An e-mail address, de-obfuscated, with the printed form when it differed.
struct Email {
  std::string address = {};  ///< "media@example.org"; required
  std::string raw = {};      ///< "media [at] example.org" when printed that way
  /// what the address is for
  EmailKind kind = EmailKind::unspecified;
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(address, raw, kind); }
  /// Field-wise equality.
  friend bool operator==(const Email& a, const Email& b) { return a.tie() == b.tie(); }
  /// Field-wise inequality.
  friend bool operator!=(const Email& a, const Email& b) { return !(a == b); }
};

/// A postal address (vCard `ADR`, schema.org PostalAddress).
struct PostalAddress {
  std::vector<std::string> lines = {};  ///< street lines
  /// city or town
  std::string locality = {};
  /// state, province, county
  std::string region = {};
  /// post code or ZIP code
  std::string postal_code = {};
  /// country name as printed
  std::string country = {};
  std::string country_code = {};  ///< ISO 3166-1 alpha-2
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(lines, locality, region, postal_code, country, country_code); }
  /// Field-wise equality.
  friend bool operator==(const PostalAddress& a, const PostalAddress& b) {
    return a.tie() == b.tie();
  }
  /// Field-wise inequality.
  friend bool operator!=(const PostalAddress& a, const PostalAddress& b) { return !(a == b); }
};

/// An instant-messaging handle (vCard `IMPP`).
struct InstantMessaging {
  std::string service = {};  ///< "LINE", "WhatsApp", "Signal"
  /// the user name or number on that service
  std::string handle = {};
  /// Every field, in declaration order, for comparisons.
  auto tie() const { return std::tie(service, handle); }
  /// Field-wise equality.
  friend bool operator==(const InstantMessaging& a, const InstantMessaging& b) {
    return a.tie() == b.tie();
  }
  /// Field-wise inequality.
  friend bool operator!=(const InstantMessaging& a, const InstantMessaging& b) { return !(a == b); }
};

/// Input a reader did not understand, kept for round trips, keyed by the format that kept it.
///
/// Each value is in that format's own syntax: JSON text under `"json"`, an XML fragment under
/// `"xml"`, `"rss"`, `"atom"`. Canonical JSON writes the `"json"` entry as the JSON value itself
/// and the others as strings.
using Extensions = std::map<std::string, std::string>;

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MODEL_COMMON_HPP
