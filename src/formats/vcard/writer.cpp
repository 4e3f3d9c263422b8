// SPDX-License-Identifier: MIT
// vCard 4.0 writer: standard properties first; then what they could not carry, found by
// mapping those properties back to a Contact (the reader's own mapping) and comparing.
#include <set>
#include <type_traits>

#include "formats/json/codec.hpp"
#include "formats/vcard/card.hpp"
#include "pressroom/vcard.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN
namespace vcard {

namespace {

using vcard_detail::Param;
using vcard_detail::Property;

// Appends `line` folded at 75 octets (RFC 6350 section 3.2): continuation lines start with a
// space, and a fold never splits a UTF-8 sequence.
void append_folded(std::string& out, std::string_view line) {
  std::size_t limit = 75;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut anyway
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
}

class Card {
 public:
  // Adds a property as the reader will see it: the line is formatted, then parsed again (so
  // that quoting and caret encoding of parameters count in what the card carries).
  void add(std::string_view name, const std::vector<Param>& params, std::string_view value) {
    const std::string line = vcard_detail::format_line(name, params, value);
    Property p;
    std::string error;
    std::size_t at = 0;
    if (vcard_detail::parse_line(line, p, error, at)) props_.push_back(std::move(p));
  }
  void add_line(Property p) { props_.push_back(std::move(p)); }
  const std::vector<Property>& props() const { return props_; }

 private:
  std::vector<Property> props_;
};

bool is_global_number(std::string_view e164) {
  if (e164.size() < 2 || e164[0] != '+') return false;
  for (std::size_t i = 1; i < e164.size(); ++i) {
    if (e164[i] < '0' || e164[i] > '9') return false;
  }
  return true;
}

std::string scheme_of(std::string_view service) {
  std::string s;
  for (const char c : service) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      s += c;
    } else if (c >= 'A' && c <= 'Z') {
      s += static_cast<char>(c - 'A' + 'a');
    }
  }
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return "im";
  return s;
}

class Writer {
 public:
  explicit Writer(const WriteOptions& options) : options_(options) {}

  std::string run(const Document& doc) {
    for (Error& e : lint(doc)) warnings_.push_back(std::move(e));
    std::string out;
    for (std::size_t i = 0; i < doc.contacts.size(); ++i) contact(out, doc.contacts[i], i);
    if (detail::find_invalid_utf8(out) != detail::npos) {
      detail::repair_utf8(out);
      warn(ErrorCode::invalid_value, "invalid UTF-8 written as U+FFFD", {});
    }
    return out;
  }
  std::vector<Error>& warnings() { return warnings_; }

 private:
  void warn(ErrorCode code, const std::string& message, std::string path) {
    if (!seen_.insert(message).second) return;
    Error e;
    e.code = code;
    e.severity = Severity::warning;
    e.format = "vcard";
    e.path = std::move(path);
    e.message = message;
    warnings_.push_back(std::move(e));
  }

  Card standard(const Contact& c) {
    Card card;
    const bool x = options_.extensions;
    card.add("KIND", {}, c.kind == ContactKind::org ? "org" : "individual");
    if (!c.name.full.empty()) {
      card.add("FN", {}, vcard_detail::escape_text(c.name.full));
    } else {
      // FN is required (RFC 6350 section 6.2.1): the name parts, else the unit or organization.
      std::string fn;
      for (const std::string* part : {&c.name.honorific_prefix, &c.name.given, &c.name.additional,
                                      &c.name.family, &c.name.honorific_suffix}) {
        if (part->empty()) continue;
        if (!fn.empty()) fn += ' ';
        fn += *part;
      }
      if (fn.empty()) fn = c.unit.empty() ? c.organization_name : c.unit;
      std::vector<Param> params;
      if (x) params.push_back({std::string(vcard_detail::derived_param), {"TRUE"}});
      card.add("FN", std::move(params), vcard_detail::escape_text(fn));
    }
    const PersonName& n = c.name;
    if (!n.family.empty() || !n.given.empty() || !n.additional.empty() ||
        !n.honorific_prefix.empty() || !n.honorific_suffix.empty()) {
      using vcard_detail::escape_text;
      card.add("N", {},
               escape_text(n.family) + ";" + escape_text(n.given) + ";" +
                   escape_text(n.additional) + ";" + escape_text(n.honorific_prefix) + ";" +
                   escape_text(n.honorific_suffix));
    }
    if (!c.organization_name.empty() || !c.unit.empty()) {
      std::string org = vcard_detail::escape_text(c.organization_name);
      if (!c.unit.empty()) org += ";" + vcard_detail::escape_text(c.unit);
      std::vector<Param> params;
      if (x && !c.organization_id.empty()) {
        params.push_back({std::string(vcard_detail::id_param), {c.organization_id}});
      }
      card.add("ORG", params, org);
    }
    if (!c.job_title.empty()) card.add("TITLE", {}, vcard_detail::escape_text(c.job_title));
    for (const Email& e : c.emails) {
      std::vector<Param> params;
      if (e.kind == EmailKind::work) params.push_back({"TYPE", {"work"}});
      card.add("EMAIL", std::move(params), vcard_detail::escape_text(e.address));
    }
    for (const PhoneNumber& p : c.phones) phone(card, p);
    for (const Link& l : c.urls) {
      std::vector<Param> params;
      if (!l.media_type.empty()) params.push_back({"MEDIATYPE", {l.media_type}});
      card.add("URL", std::move(params), uri(l.href));
    }
    for (const InstantMessaging& im : c.im) {
      std::vector<Param> params;
      if (!im.service.empty()) params.push_back({"X-SERVICE-TYPE", {im.service}});
      card.add("IMPP", std::move(params),
               scheme_of(im.service) + ":" + vcard_detail::percent_encode(im.handle));
    }
    for (const std::string& s : c.social) {
      card.add("SOCIALPROFILE", {{"VALUE", {"text"}}}, vcard_detail::escape_text(s));
    }
    if (c.address) {
      const PostalAddress& a = *c.address;
      using vcard_detail::escape_text;
      std::string street;
      for (const std::string& line : a.lines) {
        if (!street.empty()) street += ',';
        street += escape_text(line);
      }
      card.add("ADR", {},
               ";;" + street + ";" + escape_text(a.locality) + ";" + escape_text(a.region) + ";" +
                   escape_text(a.postal_code) + ";" + escape_text(a.country));
    }
    for (const std::string& l : c.languages) card.add("LANG", {}, vcard_detail::escape_text(l));
    if (!c.note.empty()) card.add("NOTE", {}, vcard_detail::escape_text(c.note));
    if (!c.id.empty()) card.add("UID", {}, "urn:pressroom:" + vcard_detail::percent_encode(c.id));
    // Lines kept by the reader are written back as they were, if they still parse as
    // properties the mapping does not handle (anything else would change the card's meaning).
    const auto kept = c.extensions.find("vcard");
    if (kept != c.extensions.end()) {
      std::string_view rest = kept->second;
      while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        Property p;
        std::string error;
        std::size_t at = 0;
        if (vcard_detail::parse_line(line, p, error, at) && !vcard_detail::is_mapped(p.name) &&
            line.find('\r') == std::string_view::npos) {
          card.add_line(std::move(p));
        }
      }
    }
    return card;
  }

  // URIs are written as they are, except for characters a content line cannot hold.
  static std::string uri(std::string_view s) {
    std::string out;
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c < 0x20 || c == 0x7F) {
        static const char* hex = "0123456789ABCDEF";
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out += ch;
      }
    }
    return out;
  }

  void phone(Card& card, const PhoneNumber& p) {
    std::vector<std::string> types = {"work"};
    switch (p.kind) {
      case PhoneKind::mobile:
        types.push_back("cell");
        break;
      case PhoneKind::fax:
        types.push_back("fax");
        break;
      case PhoneKind::text:
        types.push_back("text");
        break;
      case PhoneKind::voice:
        types.push_back("voice");
        break;
      default:
        break;
    }
    std::vector<Param> params;
    if (is_global_number(p.e164)) {
      params.push_back({"VALUE", {"uri"}});
      params.push_back({"TYPE", types});
      if (options_.extensions && p.raw != p.e164) {
        params.push_back({std::string(vcard_detail::raw_param), {p.raw}});
      }
      if (options_.extensions && !p.country_code.empty()) {
        params.push_back({std::string(vcard_detail::country_param), {p.country_code}});
      }
      if (options_.extensions && !p.note.empty()) {
        params.push_back({std::string(vcard_detail::note_param), {p.note}});
      }
      std::string value = "tel:" + p.e164;
      if (!p.extension.empty()) value += ";ext=" + vcard_detail::percent_encode(p.extension);
      card.add("TEL", std::move(params), std::move(value));
    } else {
      params.push_back({"VALUE", {"text"}});
      params.push_back({"TYPE", types});
      card.add("TEL", std::move(params), vcard_detail::escape_text(p.raw));
    }
  }

  void contact(std::string& out, const Contact& c, std::size_t index) {
    const std::string path = "contacts[" + std::to_string(index) + "]";
    Card card = standard(c);
    // What the standard properties give back, through the reader's own mapping.
    ReadOptions quiet;
    detail::Diagnostics diag(quiet, "vcard", {});
    Contact native;
    vcard_detail::to_contact(card.props(), vcard_detail::Version::v4, diag, native);
    Contact residual;
    residual.kind = c.kind;
    bool any = false;
    std::string lost;
    vcard_detail::for_each_residual_member([&](auto member) {
      using M = std::decay_t<decltype(c.*member)>;
      if (c.*member == native.*member) return;
      if (c.*member == M{}) {
        // An empty field the card cannot leave empty (an id derived from the name).
        lost = "an empty field of a contact (id or name) cannot be written: the reader derives it";
        return;
      }
      residual.*member = c.*member;
      any = true;
    });
    if (c.id.empty()) warn(ErrorCode::missing_field, "contact without id", path + ".id");
    if (!lost.empty() && !c.id.empty()) warn(ErrorCode::unsupported, lost, path);
    if (any && !options_.extensions) {
      warn(ErrorCode::unsupported,
           "contact fields without a standard vCard property (organization_id, hours, location, "
           "phone notes...) dropped: extensions are off",
           path);
    }
    out += "BEGIN:VCARD\r\nVERSION:4.0\r\n";
    for (const Property& p : card.props()) append_folded(out, p.line);
    if (any && options_.extensions) {
      std::string json;
      WriteOptions compact;
      compact.pretty = false;
      std::size_t repaired = 0;
      json_codec::write_value(json, residual, compact, 0, repaired);
      append_folded(
          out, std::string(vcard_detail::residual_name) + ":" + vcard_detail::escape_text(json));
    }
    out += "END:VCARD\r\n";
  }

  const WriteOptions& options_;
  std::set<std::string> seen_;
  std::vector<Error> warnings_;
};

Error loss(std::string message, std::string path) {
  Error e;
  e.code = ErrorCode::unsupported;
  e.severity = Severity::warning;
  e.format = "vcard";
  e.path = std::move(path);
  e.message = std::move(message);
  return e;
}

}  // namespace

std::vector<Error> lint(const Document& doc) {
  std::vector<Error> out;
  if (!doc.feed.empty())
    out.push_back(loss("vCard has no place for feed metadata: dropped", "feed"));
  if (!doc.articles.empty()) {
    bool linked = false;
    for (const Article& a : doc.articles) linked = linked || !a.contact_ids.empty();
    out.push_back(loss(linked ? "vCard has no place for articles (nor for which article lists "
                                "which contact): dropped"
                              : "vCard has no place for articles: dropped",
                       "articles"));
  }
  if (!doc.organizations.empty())
    out.push_back(loss("vCard has no place for organizations (only a contact's ORG name): dropped",
                       "organizations"));
  if (!doc.commissioners.empty())
    out.push_back(loss("vCard has no place for commissioners: dropped", "commissioners"));
  if (!doc.people.empty()) out.push_back(loss("vCard has no place for people: dropped", "people"));
  if (!doc.legislation.empty())
    out.push_back(loss("vCard has no place for legislation: dropped", "legislation"));
  if (!doc.extensions.empty())
    out.push_back(loss("vCard has no place for document extensions: dropped", "extensions"));
  if (doc.pressroom_version != model_version)
    out.push_back(loss("vCard has no place for pressroom_version: dropped", "pressroom_version"));
  return out;
}

Result<std::string> write(const Document& doc, const WriteOptions& options) {
  return detail::guard_memory("vcard", "writing", [&]() -> Result<std::string> {
    Writer w(options);
    std::string out = w.run(doc);
    Result<std::string> r(std::move(out));
    r.warnings() = std::move(w.warnings());
    return r;
  });
}

}  // namespace vcard
PRESSROOM_ABI_END
}  // namespace pressroom
