// SPDX-License-Identifier: MIT
/// @file
/// `vcard`: vCard 4.0 (RFC 6350) reading and writing of a Document's contacts, one card per
/// Contact (MODEL.md section 5.5, vCard column).
///
/// Mapping: `id` = `UID` (`urn:pressroom:` + the id, percent-encoded), `kind` = `KIND`
/// (`individual` / `org`), `name` = `FN` + `N` (family; given; additional; prefix; suffix),
/// `organization_name` and `unit` = `ORG` (organization; unit), `job_title` = `TITLE`,
/// `emails` = `EMAIL` (`TYPE=work` for work addresses), `phones` = `TEL;VALUE=uri` with a
/// `tel:` URI from `e164` and `;ext=` from `extension` (`TYPE=work` plus `voice`, `cell`, `fax`
/// or `text`; a number without E.164 form is written `VALUE=text` as printed), `urls` = `URL`
/// (`MEDIATYPE`), `im` = `IMPP` (a `<service>:<handle>` URI with Apple's `X-SERVICE-TYPE`
/// parameter naming the service), `social` = `SOCIALPROFILE;VALUE=text` (RFC 9554), `address`
/// = `ADR` (street lines as the street component's list), `languages` = `LANG`, `note` =
/// `NOTE`. `FN` is required: a contact without a person's name gets the unit or organization
/// name with the parameter `X-PRESSROOM-DERIVED=TRUE` (so that it is not read back as a name).
/// Parameters keep what the standard has no parameter for: a phone's printed form when it
/// differs from the URI (`X-PRESSROOM-RAW`), its region (`X-PRESSROOM-COUNTRY`) and note
/// (`X-PRESSROOM-NOTE`), and the employer's id on `ORG` (`X-PRESSROOM-ID`).
///
/// Everything else of a contact (`hours`, `location`, a number without E.164 form together with
/// an extension, e-mail kinds other than work, an address's country code, extensions...) goes into
/// one `X-PRESSROOM-CONTACT` property holding the canonical JSON of just the fields the standard
/// properties cannot carry; pressroom applies it after the standard properties, other readers
/// ignore it (RFC 6350 section 6.10). So `read(write(doc)).contacts == doc.contacts`.
/// A vCard file has no place for anything but contacts: articles (and their links to contacts),
/// organizations, commissioners, people, legislation and feed metadata are dropped with one
/// warning per table; `lint()` lists those losses without writing.
///
/// Reading accepts vCard 4.0 and, leniently, 3.0 and 2.1 (`TYPE=WORK,VOICE`, `TEL` values that
/// are not URIs, bare parameters such as `TEL;WORK:`), each repair a warning (the first one the
/// error in strict mode). Lines are unfolded (CRLF or LF followed by a space or tab), groups
/// (`item1.EMAIL`) ignored, parameter values unquoted and RFC 6868 caret-decoded, values
/// unescaped (`\\`, `\,`, `\;`, `\n`). Properties the model has no place for (`PHOTO`, `BDAY`,
/// `REV`, `ROLE`, other `X-` names...) are kept as unfolded content lines in
/// `extensions["vcard"]` (one per line) and written back as they were. A card without `UID` gets
/// `contact:` + the slug of its name. Limits: `max_input_bytes`, `max_string_bytes` (one
/// unfolded line), `max_records` (cards) and `max_depth` (nested `BEGIN`) fail with
/// `limit_exceeded`. Errors and warnings carry the line and column of the property.
#ifndef PRESSROOM_VCARD_HPP
#define PRESSROOM_VCARD_HPP

#include <string>
#include <string_view>
#include <vector>

#include "pressroom/model/document.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace vcard {

/// Options of the vCard writer (`pretty` and `indent` of the base have no effect).
struct WriteOptions : pressroom::WriteOptions {
  /// Write `X-PRESSROOM-CONTACT`, `X-PRESSROOM-RAW` and `X-PRESSROOM-DERIVED` so that pressroom
  /// reads its cards back to the same contacts. False writes standard properties only and warns
  /// once per kind of contact field lost.
  bool extensions = true;
};

/// Reads vCards (4.0; 3.0 and 2.1 leniently) into a Document holding only `contacts`.
/// Empty input (or only blank lines) gives an empty Document; input with no `BEGIN:VCARD` fails
/// with `not_this_format`. `input` is not kept after the call.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> read(std::string_view input,
                                                     const ReadOptions& options = {});

/// Writes one vCard 4.0 per contact of `doc`: CRLF line endings, lines folded at 75 octets
/// (never inside a UTF-8 sequence), values escaped per property. Everything but the contacts is
/// dropped with a warning (see `lint`). Invalid UTF-8 is written as U+FFFD with a warning.
[[nodiscard]] PRESSROOM_EXPORT Result<std::string> write(const Document& doc,
                                                         const WriteOptions& options = {});

/// What writing `doc` as vCard loses: one warning per non-empty table or field kind that a vCard
/// file cannot carry (articles and their contact links, organizations, commissioners, people,
/// legislation, feed metadata, document extensions), with its model path. Empty when the
/// Document holds only contacts.
[[nodiscard]] PRESSROOM_EXPORT std::vector<Error> lint(const Document& doc);

/// This module's registry entry (name "vcard", extensions `vcf` and `vcard`, media type
/// `text/vcard`; reads and writes; carries the contacts table).
[[nodiscard]] PRESSROOM_EXPORT Format format();

}  // namespace vcard
PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_VCARD_HPP
