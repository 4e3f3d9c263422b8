// SPDX-License-Identifier: MIT
// The extractor's rules (private): each one small, named and tested on its own in
// tests/extract/rules_test.cpp. The text pipeline (text.cpp) chains them:
//   split_lines -> unglue_label -> find dateline paragraph (parse_dateline) -> headline
//   -> body until end mark / contact intro / "About" heading -> contact block
//   -> entities (organizations, commissioners, legislation) -> contacts -> ids and references.
// Patterns use RE2 or hand-written scanners, never std::regex.
#ifndef PRESSROOM_EXTRACT_RULES_HPP
#define PRESSROOM_EXTRACT_RULES_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/model/document.hpp"

namespace pressroom::extract_detail {

// ---- text helpers -------------------------------------------------------------------------

// Lines of the page, trimmed (ASCII and Unicode spaces), empty ones dropped.
std::vector<std::string> split_lines(std::string_view text);
// Collapses whitespace runs (including NBSP) to one space and trims.
std::string squeeze(std::string_view s);
// ASCII lower case.
std::string lower(std::string_view s);
// True when `s` starts with `prefix`, ASCII case-insensitively.
bool istarts_with(std::string_view s, std::string_view prefix);
// Number of words (runs separated by spaces).
std::size_t word_count(std::string_view s);
// "BANGKOK" -> "Bangkok", "BERGSTRÖM-LEWIS" -> "Bergström-Lewis" (Latin letters; others kept).
std::string title_case_word(std::string_view word);
// Whether the UTF-8 string starts with an upper-case letter (ASCII or Latin-1/Latin Extended-A).
bool starts_upper(std::string_view s);
// Whether every letter of `s` is upper case and it has at least one letter.
bool all_upper(std::string_view s);

// ---- places, languages ---------------------------------------------------------------------

struct Place {
  std::string name;          // canonical English name ("United Kingdom", "Bangkok")
  std::string country;       // country name
  std::string country_code;  // ISO 3166-1 alpha-2
  bool city = false;
};
// Looks a place name up in the built-in gazetteer (countries, their usual short forms and
// adjectives are not places; major cities), case-insensitively.
std::optional<Place> find_place(std::string_view name);
// A country from a possessive or adjective: "UK" (in "UK's"), "Thailand", "Irish", "British".
std::optional<Place> find_country_word(std::string_view word);
// BCP 47 code of a language name ("Thai" -> "th"), empty when unknown.
std::string language_code(std::string_view name);
// Guesses the language of prose from function words: "en", "fr", "es", "de" or "".
std::string detect_language(std::string_view text);

// ---- dates ---------------------------------------------------------------------------------

struct DateMatch {
  DateTime date;
  std::size_t length = 0;  // bytes consumed from the start of the input
};
// Parses a date at the start of `s`: "5 September 2022", "Tuesday 7 November 2023",
// "September 5, 2022", "Sept. 5 2022", "5th Sept 2022", "2024-03-12", "12/03/2024" (day
// first), "5 mars 2024", "le 1er mars 2024", "5 de marzo de 2024", "5. März 2024",
// weekdays in English, French, Spanish, German. Day precision (month precision for
// "March 2024" when `allow_month` is set).
std::optional<DateMatch> parse_date_prefix(std::string_view s, bool allow_month = false);
// A whole line that is only a date (optionally "Published: ...", "Date: ..."), else nothing.
std::optional<DateTime> parse_date_line(std::string_view line);

// ---- dateline ------------------------------------------------------------------------------

struct DatelineMatch {
  Dateline dateline;
  std::string rest;  // the paragraph without its dateline
};
// Splits a dateline off the start of a paragraph: "United Kingdom - ", "BANGKOK, 5 September
// 2022 (MLRC) –", "GENEVA (12 March 2024) —", "DUBLIN, Tuesday 7 November 2023:",
// "NEW YORK, March 5, 2024 /PRNewswire/ --", "PARIS, le 5 mars 2024 –".
std::optional<DatelineMatch> parse_dateline(std::string_view paragraph);

// ---- page layout ---------------------------------------------------------------------------

// "WHO WE AREThe International..." -> {"WHO WE ARE", "The International..."}; nothing when the
// line does not start with a short label glued to a sentence.
std::optional<std::pair<std::string, std::string>> unglue_label(std::string_view line);
// Lines that are never content: separators ("-", "***"), "Share", "Print", "Tweet", cookie
// notices, copyright lines, "Back to top", breadcrumbs of "|"...
bool is_noise_line(std::string_view line);
// End-of-release marks: "###", "# # #", "Ends", "-ENDS-", "- 30 -", "END".
bool is_end_mark(std::string_view line);
// Lines that open the contact block: "For further information...", "Media contacts:",
// "Press contact", "Contact:", "Contact presse", "Pressekontakt", "Contacto de prensa"...
bool is_contact_intro(std::string_view line);
// "Notes to editors", "About IOM", "About the Coalition", "WHO WE ARE": headings of the
// boilerplate that follows a release. Returns the label.
bool is_about_heading(std::string_view line);
// A line that reads like prose (a body paragraph): enough words, ends like a sentence.
bool looks_like_paragraph(std::string_view line);
// Whether the line holds an e-mail address (plain or obfuscated) or a phone number.
bool has_contact_data(std::string_view line);

// ---- e-mails and phones --------------------------------------------------------------------

struct Found {
  std::size_t begin = 0;
  std::size_t end = 0;
};
struct EmailMatch : Found {
  Email email;
};
// E-mail addresses in `s`, de-obfuscated ("name [at] example (dot) org", "name(at)example.org");
// `raw` is set when the printed form differs; domain lower-cased.
std::vector<EmailMatch> find_emails(std::string_view s);

struct PhoneMatch : Found {
  PhoneNumber phone;
};
// Phone numbers in `s` as printed, with a kind from the label before them ("Tel.", "Mobile",
// "Fax"), E.164 and region through libphonenumber; national numbers use `region`.
std::vector<PhoneMatch> find_phones(std::string_view s, std::string_view region);

// ---- names ---------------------------------------------------------------------------------

// A person's name from printed words: honorific prefix ("Khun", "Dr"), given, family (with
// particles "Ó", "van", "de"), capitals normalised. Nothing when it does not look like a name.
std::optional<PersonName> parse_person_name(std::string_view text);

// ---- entities ------------------------------------------------------------------------------

// Everything the rules find, before ids and references are assigned.
struct Context {
  std::string country_code;  // from the dateline
  std::string country;       // its name
  std::string language;
};

struct OrgFacts {
  Organization org;
  bool in_body = false;
  bool in_lead = false;    // named in the first body paragraph
  bool in_header = false;  // named in the page's header or blurb (publisher candidate)
};
// Organizations named "Full Name (ACR)" and known sub-units ("IOM UK"), and capitalised names
// with an organization word ("Church of England"), with the facts stated near them.
void find_organizations(std::string_view text, bool is_blurb, bool is_body, bool is_lead,
                        std::vector<OrgFacts>& out);
// Facts of an "About"/"WHO WE ARE" blurb for `org`: member_of, founding year ("since 1951"),
// member count, presence count, intergovernmental kind.
void mine_org_facts(std::string_view sentence, bool is_blurb, Organization& org);

struct OfficeMention {
  Commissioner commissioner;
  std::string possessive;  // "UK" in "The UK's first ..."
};
// Commissioners: "<Title> Commissioner [(ACR)], Name," / "<Title> Commissioner Name" /
// "Name, the <Title> Commissioner"; with ordinal and jurisdiction hints.
std::vector<OfficeMention> find_commissioners(std::string_view text);
// Office facts from a paragraph about the office: reports_to, established_by (the title of
// the law), functions.
void mine_office_facts(std::string_view paragraph, Office& office, std::string& law_title);

struct LegislationMention {
  Legislation leg;
  std::string as_written;
  std::string possessive;  // "Thailand" in "Thailand's ... Act"
};
// Citations: "<Title> Act [of] YYYY", "... Act B.E. 2551 (2008)", "Directive 2011/36/EU",
// "Regulation (EU) 2016/679", "Public Law 106-386", "Loi n° 2013-711 du 5 août 2013",
// "Ley Orgánica 1/2015", with "(No. 8 of 2008)" numbers.
std::vector<LegislationMention> find_legislation(std::string_view text);
// Adds what the citation form and the table of known acts give: identifiers, url, number,
// date, passed_by, jurisdiction.
void enrich_legislation(Legislation& leg, const Context& ctx);

// People quoted or named with a role: "said Jane Roe, director of the alliance",
// "Jane Roe, head of policy at X, said". `job_title` as printed.
std::vector<Person> find_people(std::string_view text);

// Parses the contact block (as printed, lines joined by '\n') into contacts.
std::vector<Contact> parse_contacts(std::string_view block, std::string_view region);

}  // namespace pressroom::extract_detail

#endif  // PRESSROOM_EXTRACT_RULES_HPP
