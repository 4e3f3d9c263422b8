// SPDX-License-Identifier: MIT
// Content lines, escaping and the property-to-Contact mapping of the vCard module.
#include "formats/vcard/card.hpp"

#include <algorithm>
#include <type_traits>

#include "detail/url.hpp"
#include "formats/json/codec.hpp"

namespace pressroom::vcard_detail {

namespace {

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';  // '_' is not in the ABNF, but some writers use it
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = upper(c);
  return out;
}

// RFC 6868: ^n newline, ^^ caret, ^' double quote; other carets stand for themselves.
std::string caret_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '^' && i + 1 < s.size()) {
      const char n = s[i + 1];
      if (n == 'n' || n == 'N') {
        out += '\n';
        ++i;
        continue;
      }
      if (n == '^') {
        out += '^';
        ++i;
        continue;
      }
      if (n == '\'') {
        out += '"';
        ++i;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string caret_encode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '^') {
      out += "^^";
    } else if (c == '"') {
      out += "^'";
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      // CRLF: one newline
    } else if (c == '\n' || c == '\r') {
      out += "^n";
    } else {
      out += c;
    }
  }
  return out;
}

// Splits on unescaped `sep`; the pieces stay escaped.
std::vector<std::string_view> split_unescaped(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(s.substr(start));
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && detail::iequals(s.substr(0, prefix.size()), prefix);
}

// "+44 (0)20-7811 6053" -> "+442078116053" when the text is an international number with
// visual separators only (the national trunk prefix "(0)" dropped); empty otherwise.
std::string e164_of(std::string_view number) {
  number = detail::trim(number);
  if (number.empty() || number[0] != '+') return {};
  std::string digits = "+";
  for (std::size_t i = 1; i < number.size(); ++i) {
    const char c = number[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '(' && number.substr(i, 3) == "(0)") {
      i += 2;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
      return {};
    }
  }
  return digits.size() >= 4 && digits.size() <= 16 ? digits : std::string();
}

}  // namespace

std::vector<std::string> Property::param(std::string_view param_name) const {
  std::vector<std::string> out;
  for (const Param& p : params) {
    if (p.name == param_name) out.insert(out.end(), p.values.begin(), p.values.end());
  }
  return out;
}

bool Property::has_type(std::string_view type) const {
  for (const std::string& v : param("TYPE")) {
    for (std::string_view part : split_unescaped(v, ',')) {
      if (detail::iequals(detail::trim(part), type)) return true;
    }
  }
  return false;
}

bool parse_line(std::string_view line, Property& out, std::string& error, std::size_t& error_at) {
  out = Property{};
  out.line = std::string(line);
  std::size_t i = 0;
  auto read_name = [&]() {
    const std::size_t start = i;
    while (i < line.size() && is_name_char(line[i])) ++i;
    return line.substr(start, i - start);
  };
  std::string_view name = read_name();
  if (i < line.size() && line[i] == '.' && !name.empty()) {
    out.group = std::string(name);
    ++i;
    name = read_name();
  }
  if (name.empty()) {
    error = "expected a property name";
    error_at = i;
    return false;
  }
  out.name = to_upper(name);
  while (i < line.size() && line[i] == ';') {
    ++i;
    const std::size_t pstart = i;
    while (i < line.size() && is_name_char(line[i])) ++i;
    Param p;
    p.name = to_upper(line.substr(pstart, i - pstart));
    if (i < line.size() && line[i] == '=') {
      ++i;
      // One or more values separated by commas, each quoted or not.
      while (true) {
        if (i < line.size() && line[i] == '"') {
          const std::size_t close = line.find('"', i + 1);
          if (close == std::string_view::npos) {
            error = "unterminated quoted parameter value";
            error_at = i;
            return false;
          }
          p.values.push_back(caret_decode(line.substr(i + 1, close - i - 1)));
          i = close + 1;
        } else {
          const std::size_t start = i;
          while (i < line.size() && line[i] != ';' && line[i] != ':' && line[i] != ',') ++i;
          p.values.push_back(caret_decode(line.substr(start, i - start)));
        }
        if (i < line.size() && line[i] == ',') {
          ++i;
          continue;
        }
        break;
      }
    } else {
      // vCard 2.1: a bare value ("TEL;WORK;VOICE:") is a TYPE.
      if (p.name.empty()) {
        error = "expected a parameter name";
        error_at = i;
        return false;
      }
      p.values.push_back(p.name);
      p.name = "TYPE";
      out.bare_params = true;
    }
    out.params.push_back(std::move(p));
  }
  if (i >= line.size() || line[i] != ':') {
    error = i >= line.size() ? "expected ':' before the value" : "unexpected character in a name";
    error_at = i;
    return false;
  }
  out.value = std::string(line.substr(i + 1));
  return true;
}

std::string escape_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ',':
        out += "\\,";
        break;
      case ';':
        out += "\\;";
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string unescape_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[++i];
      out += (n == 'n' || n == 'N') ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::vector<std::string>> split_structured(std::string_view raw) {
  std::vector<std::vector<std::string>> out;
  for (std::string_view component : split_unescaped(raw, ';')) {
    std::vector<std::string> values;
    for (std::string_view v : split_unescaped(component, ',')) values.push_back(unescape_text(v));
    out.push_back(std::move(values));
  }
  return out;
}

std::vector<std::string> split_list(std::string_view raw) {
  std::vector<std::string> out;
  for (std::string_view v : split_unescaped(raw, ',')) out.push_back(unescape_text(v));
  return out;
}

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~!$&'()*+=:@/").find(ch) != std::string_view::npos;
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  auto hexval = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hexval(s[i + 1]);
      const int lo = hexval(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string format_line(std::string_view name, const std::vector<Param>& params,
                        std::string_view value) {
  std::string out(name);
  for (const Param& p : params) {
    out += ';';
    out += p.name;
    out += '=';
    bool first = true;
    for (const std::string& v : p.values) {
      if (!first) out += ',';
      first = false;
      const bool quote = v.find_first_of(",;:\"\r\n^") != std::string::npos || v.empty();
      if (quote) {
        out += '"';
        out += caret_encode(v);
        out += '"';
      } else {
        out += v;
      }
    }
  }
  out += ':';
  out += value;
  return out;
}

bool is_mapped(std::string_view name) {
  static constexpr std::string_view names[] = {
      "BEGIN", "END",   "VERSION", "FN",  "N",          "KIND",          "ORG",
      "TITLE", "EMAIL", "TEL",     "URL", "IMPP",       "SOCIALPROFILE", "X-SOCIALPROFILE",
      "ADR",   "LANG",  "NOTE",    "UID", residual_name};
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

bool to_contact(const std::vector<Property>& props, Version version, detail::Diagnostics& diag,
                Contact& out) {
  const bool legacy = version != Version::v4;
  bool have_fn = false, have_n = false, have_kind = false, have_org = false, have_title = false,
       have_adr = false, have_uid = false;
  const Property* residual = nullptr;
  std::vector<std::string> notes;
  std::vector<std::string> kept;  // lines for extensions["vcard"]
  auto keep = [&kept](const Property& p) { kept.push_back(p.line); };

  for (const Property& p : props) {
    const std::string& n = p.name;
    if (p.bare_params && !legacy) {
      if (!diag.warn(ErrorCode::syntax, "parameter without a name (vCard 2.1 style)", p.offset))
        return false;
    }
    if (n == "FN") {
      if (have_fn) {
        keep(p);
        continue;
      }
      have_fn = true;
      bool derived = false;
      for (const std::string& v : p.param(std::string(derived_param))) {
        if (detail::iequals(v, "TRUE")) derived = true;
      }
      if (!derived) out.name.full = unescape_text(p.value);
    } else if (n == "N") {
      if (have_n) {
        keep(p);
        continue;
      }
      have_n = true;
      const auto parts = split_structured(p.value);
      auto part = [&parts](std::size_t i) {
        return i < parts.size() ? join(parts[i], " ") : std::string();
      };
      out.name.family = part(0);
      out.name.given = part(1);
      out.name.additional = part(2);
      out.name.honorific_prefix = part(3);
      out.name.honorific_suffix = part(4);
    } else if (n == "KIND") {
      if (have_kind) {
        keep(p);
        continue;
      }
      have_kind = true;
      const std::string v = unescape_text(p.value);
      if (detail::iequals(v, "individual")) {
        out.kind = ContactKind::individual;
      } else if (detail::iequals(v, "org")) {
        out.kind = ContactKind::org;
      } else {
        keep(p);
        if (!diag.warn(ErrorCode::invalid_value,
                       "KIND " + detail::quote(v) + " has no Contact kind: read as individual",
                       p.offset))
          return false;
      }
    } else if (n == "ORG") {
      if (have_org) {
        keep(p);
        continue;
      }
      have_org = true;
      const auto parts = split_structured(p.value);
      if (!parts.empty()) out.organization_name = join(parts[0], ",");
      std::vector<std::string> units;
      for (std::size_t i = 1; i < parts.size(); ++i) units.push_back(join(parts[i], ","));
      out.unit = join(units, ", ");
      const std::vector<std::string> id = p.param(std::string(id_param));
      if (!id.empty()) out.organization_id = id.front();
    } else if (n == "TITLE") {
      if (have_title) {
        keep(p);
        continue;
      }
      have_title = true;
      out.job_title = unescape_text(p.value);
    } else if (n == "EMAIL") {
      Email e;
      e.address = unescape_text(p.value);
      if (istarts_with(e.address, "mailto:")) e.address = e.address.substr(7);
      if (p.has_type("work")) e.kind = EmailKind::work;
      if (e.address.empty()) {
        if (!diag.warn(ErrorCode::missing_field, "empty EMAIL ignored", p.offset)) return false;
        continue;
      }
      out.emails.push_back(std::move(e));
    } else if (n == "TEL") {
      PhoneNumber t;
      const std::vector<std::string> value_type = p.param("VALUE");
      const bool text = !value_type.empty() && detail::iequals(value_type.front(), "text");
      std::string value = text ? unescape_text(p.value) : p.value;
      if (!text && istarts_with(value, "tel:")) {
        const std::string_view uri = std::string_view(value).substr(4);
        const std::size_t semi = uri.find(';');
        const std::string number = percent_decode(uri.substr(0, semi));
        t.raw = number;
        t.e164 = e164_of(number);
        if (semi != std::string_view::npos) {
          for (std::string_view par : split_unescaped(uri.substr(semi + 1), ';')) {
            if (istarts_with(par, "ext=")) t.extension = percent_decode(par.substr(4));
          }
        }
      } else {
        if (!text) {
          value = unescape_text(value);
          if (!legacy && !diag.warn(ErrorCode::invalid_value,
                                    "TEL value is not a tel: URI: read as printed", p.offset))
            return false;
          t.e164 = e164_of(value);
        }
        t.raw = value;
      }
      const std::vector<std::string> raw = p.param(std::string(raw_param));
      if (!raw.empty()) t.raw = raw.front();
      const std::vector<std::string> country = p.param(std::string(country_param));
      if (!country.empty()) t.country_code = country.front();
      const std::vector<std::string> note = p.param(std::string(note_param));
      if (!note.empty()) t.note = note.front();
      if (p.has_type("cell")) {
        t.kind = PhoneKind::mobile;
      } else if (p.has_type("fax")) {
        t.kind = PhoneKind::fax;
      } else if (p.has_type("text") || p.has_type("textphone")) {
        t.kind = PhoneKind::text;
      } else if (p.has_type("pager") || p.has_type("video")) {
        t.kind = PhoneKind::other;
      }
      if (t.raw.empty()) {
        if (!diag.warn(ErrorCode::missing_field, "empty TEL ignored", p.offset)) return false;
        continue;
      }
      out.phones.push_back(std::move(t));
    } else if (n == "URL") {
      Link l;
      l.href = p.value;
      const std::vector<std::string> mt = p.param("MEDIATYPE");
      if (!mt.empty()) l.media_type = mt.front();
      if (!l.href.empty() && !diag.options().trusted && !detail::is_safe_url(l.href)) {
        if (!diag.warn(ErrorCode::invalid_value, "unsafe URL " + detail::quote(l.href) + " removed",
                       p.offset))
          return false;
        continue;
      }
      if (!l.href.empty()) out.urls.push_back(std::move(l));
    } else if (n == "IMPP") {
      InstantMessaging im;
      const std::string v = p.value;
      const std::size_t colon = v.find(':');
      const std::vector<std::string> service = p.param("X-SERVICE-TYPE");
      if (colon != std::string::npos) {
        im.service = v.substr(0, colon);
        im.handle = percent_decode(std::string_view(v).substr(colon + 1));
        if (im.service == "im") im.service.clear();
      } else {
        im.handle = v;
      }
      if (!service.empty()) im.service = service.front();
      if (!im.handle.empty() || !im.service.empty()) out.im.push_back(std::move(im));
    } else if (n == "SOCIALPROFILE" || n == "X-SOCIALPROFILE") {
      std::string v = unescape_text(p.value);
      if (!v.empty()) out.social.push_back(std::move(v));
    } else if (n == "ADR") {
      if (have_adr) {
        keep(p);
        continue;
      }
      have_adr = true;
      const auto parts = split_structured(p.value);
      PostalAddress a;
      for (std::size_t i = 0; i < 3 && i < parts.size(); ++i) {
        for (const std::string& line : parts[i]) {
          if (!line.empty()) a.lines.push_back(line);
        }
      }
      auto part = [&parts](std::size_t i) {
        return i < parts.size() ? join(parts[i], ", ") : std::string();
      };
      a.locality = part(3);
      a.region = part(4);
      a.postal_code = part(5);
      a.country = part(6);
      if (a != PostalAddress{}) out.address = std::move(a);
    } else if (n == "LANG") {
      std::string v = unescape_text(p.value);
      if (!v.empty()) out.languages.push_back(std::move(v));
    } else if (n == "NOTE") {
      notes.push_back(unescape_text(p.value));
    } else if (n == "UID") {
      if (have_uid) {
        keep(p);
        continue;
      }
      have_uid = true;
      const std::string v(detail::trim(p.value));
      out.id = istarts_with(v, "urn:pressroom:") ? percent_decode(std::string_view(v).substr(14))
                                                 : unescape_text(v);
    } else if (n == residual_name) {
      residual = &p;
    } else if (n != "VERSION" && n != "BEGIN" && n != "END") {
      keep(p);
    }
  }
  if (!notes.empty()) {
    std::string joined;
    for (const std::string& note : notes) {
      if (!joined.empty()) joined += '\n';
      joined += note;
    }
    out.note = std::move(joined);
  }
  if (!kept.empty()) {
    std::string lines;
    for (const std::string& l : kept) {
      if (!lines.empty()) lines += '\n';
      lines += l;
    }
    out.extensions["vcard"] = std::move(lines);
  }
  if (residual != nullptr) {
    // The fields the standard properties could not carry, as canonical JSON; read in a
    // diagnostics of its own (its offsets are in the JSON text), reported at the property.
    const std::string json = unescape_text(residual->value);
    ReadOptions options = diag.options();
    detail::Diagnostics inner(options, "vcard", json);
    Contact extra;
    const bool ok = json_codec::read_value(json, extra, inner, "");
    for (const Error& w : inner.warnings()) {
      if (!diag.warn(w.code, std::string(residual_name) + ": " + w.message, residual->offset))
        return false;
    }
    if (!ok) {
      const Error& e = inner.error();
      if (e.code == ErrorCode::limit_exceeded) {
        diag.fail(e.code, std::string(residual_name) + ": " + e.message, residual->offset);
        return false;
      }
      if (!diag.warn(e.code, std::string(residual_name) + " ignored: " + e.message,
                     residual->offset))
        return false;
    } else {
      // Fields present in the residual replace what the standard properties gave.
      for_each_residual_member([&out, &extra](auto member) {
        using M = std::decay_t<decltype(out.*member)>;
        if (!(extra.*member == M{})) out.*member = std::move(extra.*member);
      });
    }
  }
  return true;
}

}  // namespace pressroom::vcard_detail
