// SPDX-License-Identifier: MIT
// The pressroom extension of RSS and Atom (writing side) and small helpers of both writers.
#include "formats/feed/xml_out.hpp"

#include <cctype>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <type_traits>
#include <variant>
#include <vector>

#include "detail/inert_xml.hpp"
#include "formats/xml/codec.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/model/fields.hpp"

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
void write_pressroom_head(XmlOut& x, const Document& doc, const Feed& feed) {
  write_pressroom_feed_head(x, doc, feed);
  write_pressroom_tables(x, doc);
}

void write_pressroom_feed_head(XmlOut& x, const Document& doc, const Feed& feed) {
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
  element(x, "pressroom:feed", feed);
}

void write_pressroom_feed(XmlOut& x, const Feed& feed) { element(x, "pressroom:feed", feed); }

void write_pressroom_tables(XmlOut& x, const Document& doc) {
  for (const auto& o : doc.organizations) element(x, "pressroom:organization", o);
  for (const auto& c : doc.commissioners) element(x, "pressroom:commissioner", c);
  for (const auto& p : doc.people) element(x, "pressroom:person", p);
  for (const auto& l : doc.legislation) element(x, "pressroom:legislation", l);
  for (const auto& c : doc.contacts) element(x, "pressroom:contact", c);
}

void write_pressroom_record(XmlOut& x, const Record& record) {
  if (const auto* o = std::get_if<Organization>(&record)) {
    element(x, "pressroom:organization", *o);
  } else if (const auto* c = std::get_if<Commissioner>(&record)) {
    element(x, "pressroom:commissioner", *c);
  } else if (const auto* p = std::get_if<Person>(&record)) {
    element(x, "pressroom:person", *p);
  } else if (const auto* l = std::get_if<Legislation>(&record)) {
    element(x, "pressroom:legislation", *l);
  } else if (const auto* k = std::get_if<Contact>(&record)) {
    element(x, "pressroom:contact", *k);
  }
}

std::size_t article_field(std::string_view name) {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> v;
    Article a;
    for_each_field(a, [&](const char* n, auto&) { v.emplace_back(n); });
    return v;
  }();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  return 63;  // not a field: a bit no field uses
}

namespace {

// Copies field `index` of `from` into the same field of `to`.
void copy_field(const Article& from, Article& to, std::size_t index) {
  std::size_t j = 0;
  for_each_field(to, [&](const char*, auto& dst) {
    if (j++ != index) return;
    std::size_t k = 0;
    for_each_field(from, [&](const char*, const auto& src) {
      if (k++ != index) return;
      using D = std::decay_t<decltype(dst)>;
      using S = std::decay_t<decltype(src)>;
      if constexpr (std::is_same_v<D, S>) dst = src;
    });
  });
}

}  // namespace

void write_own_article(XmlOut& x, const Article& a, const NativeFields& native, bool body_blocks,
                       std::string_view derived) {
  // The fields the residual needs: not native and not empty (one pass; most items need few).
  std::size_t needed[64];
  std::size_t count = 0;
  std::size_t index = 0;
  for_each_field(a, [&](const char*, const auto& m) {
    using M = std::decay_t<decltype(m)>;
    const std::size_t i = index++;
    if (!native.has(i) && !(m == M{}) && count < 64) needed[count++] = i;
  });
  Article r;
  for (std::size_t k = 0; k < count; ++k) copy_field(a, r, needed[k]);
  std::string attrs;
  if (body_blocks) attrs += " body=\"blocks\"";
  if (!derived.empty()) {
    attrs += " derived=\"";
    attrs += derived;
    attrs += '"';
  }
  if (r == Article{}) {
    // Nothing beyond the native elements (the kind is the default): the marker alone.
    x.newline();
    x.out() += "<pressroom:article";
    x.out() += attrs;
    x.out() += "/>";
    return;
  }
  const std::size_t start = x.out().size();
  element(x, "pressroom:article", r);
  if (attrs.empty()) return;
  static constexpr std::string_view tag = "<pressroom:article";
  const std::size_t at = x.out().find(tag, start);
  if (at != std::string::npos) x.out().insert(at + tag.size(), attrs);
}

std::string_view article_html(const Article& a, bool& from_blocks, std::string& storage) {
  from_blocks = a.body_html.empty();
  if (!from_blocks) return a.body_html;
  const bool dateline = a.dateline && !a.dateline->raw.empty();
  if (!dateline && a.contact_note.empty()) return storage = blocks_to_html(a.body);
  std::vector<Block> blocks = a.body;
  if (dateline) {
    if (!blocks.empty() && blocks.front().type == BlockType::paragraph) {
      blocks.front().text = a.dateline->raw + " " + blocks.front().text;
    } else {
      blocks.insert(blocks.begin(), Block{BlockType::paragraph, a.dateline->raw});
    }
  }
  if (!a.contact_note.empty()) blocks.push_back(Block{BlockType::paragraph, a.contact_note});
  return storage = blocks_to_html(blocks);
}

namespace {

bool starts(std::string_view s, std::size_t i, std::string_view what) {
  return s.compare(i, what.size(), what) == 0;
}

// Decodes the text of one block up to "</tag>" (the escapes append_xml writes).
bool block_text(std::string_view html, std::size_t& i, std::string_view close, std::string& out) {
  const std::size_t end = html.find(close, i);
  if (end == std::string_view::npos) return false;
  const std::string_view t = html.substr(i, end - i);
  out.reserve(t.size());
  for (std::size_t k = 0; k < t.size(); ++k) {
    const char c = t[k];
    if (c == '<') return false;
    if (c != '&') {
      out += c;
      continue;
    }
    if (starts(t, k, "&amp;")) {
      out += '&';
      k += 4;
    } else if (starts(t, k, "&lt;")) {
      out += '<';
      k += 3;
    } else if (starts(t, k, "&gt;")) {
      out += '>';
      k += 3;
    } else if (starts(t, k, "&#13;")) {
      out += '\r';
      k += 4;
    } else if (starts(t, k, "&quot;")) {
      out += '"';
      k += 5;
    } else if (starts(t, k, "&#x")) {
      // A C1 control as append_xml writes it (&#x85;).
      std::uint32_t cp = 0;
      std::size_t j = k + 3;
      for (; j < t.size() && j < k + 5 && std::isxdigit(static_cast<unsigned char>(t[j])); ++j)
        cp = cp * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(t[j]))
                                                      ? t[j] - '0'
                                                      : (t[j] | 0x20) - 'a' + 10);
      if (j == k + 3 || j >= t.size() || t[j] != ';' || !detail::is_c1_control(cp)) return false;
      detail::append_utf8(out, cp);
      k = j;
    } else {
      return false;
    }
  }
  i = end + close.size();
  return true;
}

}  // namespace

bool article_blocks_from_html(std::string_view html, Article& a) {
  std::vector<Block> blocks;
  bool in_list = false;
  std::size_t i = 0;
  while (i < html.size()) {
    if (starts(html, i, "<ul>") && !in_list) {
      in_list = true;
      i += 4;
      continue;
    }
    if (starts(html, i, "</ul>") && in_list) {
      in_list = false;
      i += 5;
      continue;
    }
    Block b;
    std::string_view close;
    if (in_list) {
      if (!starts(html, i, "<li>")) return false;
      b.type = BlockType::list_item;
      i += 4;
      close = "</li>";
    } else if (starts(html, i, "<p>")) {
      i += 3;
      close = "</p>";
    } else if (starts(html, i, "<h2>")) {
      b.type = BlockType::heading;
      i += 4;
      close = "</h2>";
    } else if (starts(html, i, "<blockquote>")) {
      b.type = BlockType::quote;
      i += 12;
      close = "</blockquote>";
    } else {
      return false;
    }
    if (!block_text(html, i, close, b.text)) return false;
    blocks.push_back(std::move(b));
  }
  if (in_list) return false;
  if (!a.contact_note.empty()) {
    if (blocks.empty() || blocks.back().type != BlockType::paragraph ||
        blocks.back().text != a.contact_note)
      return false;
    blocks.pop_back();
  }
  if (a.dateline && !a.dateline->raw.empty()) {
    const std::string& raw = a.dateline->raw;
    if (blocks.empty() || blocks.front().type != BlockType::paragraph) return false;
    std::string& first = blocks.front().text;
    if (first == raw) {
      blocks.erase(blocks.begin());
    } else if (first.size() > raw.size() && first.compare(0, raw.size(), raw) == 0 &&
               first[raw.size()] == ' ') {
      first.erase(0, raw.size() + 1);
    } else {
      return false;
    }
  }
  a.body = std::move(blocks);
  return true;
}

void fill_empty_fields(Article& residual, Article&& native) {
  std::size_t i = 0;
  for_each_field(residual, [&](const char*, auto& dst) {
    using D = std::decay_t<decltype(dst)>;
    const std::size_t index = i++;
    if (!(dst == D{})) return;
    std::size_t k = 0;
    for_each_field(native, [&](const char*, auto& src) {
      if (k++ != index) return;
      if constexpr (std::is_same_v<D, std::decay_t<decltype(src)>>) dst = std::move(src);
    });
  });
}

void append_foreign(std::string& out, const pugi::xml_node& n, std::string_view uri) {
  detail::append_self_contained(out, n, uri);
}

namespace {

template <class T>
const T& inert_foreign(const T& record, std::string_view key, T& storage, WriteDiagnostics& diag,
                       const std::string& path) {
  const auto it = record.extensions.find(std::string(key));
  if (it == record.extensions.end()) return record;
  detail::InertXml inert = detail::make_inert_xml(it->second);
  // A fragment that is not well-formed is never written as markup (foreign_fragment_ok).
  if (!inert.well_formed || inert.dropped.empty()) return record;
  diag.warn(ErrorCode::unsupported, detail::inert_warning(inert.dropped), path + ".extensions");
  storage = record;
  if (inert.fragment.empty())
    storage.extensions.erase(std::string(key));
  else
    storage.extensions[std::string(key)] = std::move(inert.fragment);
  return storage;
}

}  // namespace

const Article& with_inert_foreign(const Article& record, std::string_view key, Article& storage,
                                  WriteDiagnostics& diag, const std::string& path) {
  return inert_foreign(record, key, storage, diag, path);
}

const Feed& with_inert_foreign(const Feed& record, std::string_view key, Feed& storage,
                               WriteDiagnostics& diag, const std::string& path) {
  return inert_foreign(record, key, storage, diag, path);
}

bool foreign_fragment_ok(std::string_view fragment) {
  if (fragment.empty()) return false;
  pugi::xml_document d;
  if (!d.load_buffer(fragment.data(), fragment.size(), pugi::parse_default | pugi::parse_fragment,
                     pugi::encoding_utf8))
    return false;
  std::string again;
  for (pugi::xml_node c = d.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) return false;
    const std::string_view name = c.name();
    const std::size_t colon = name.find(':');
    const std::string decl =
        colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
    const pugi::xml_attribute a = c.attribute(decl.c_str());
    if (!a || *a.value() == 0 || known_feed_namespace(a.value())) return false;
    append_foreign(again, c, a.value());
  }
  return again == fragment;
}

DateTime without_leap_second(const DateTime& dt) {
  DateTime d = dt;
  if (d.second && *d.second == 60) d.second = 59;
  return d;
}

bool date_survives(std::string_view text, const DateTime& dt) {
  if (text.empty()) return false;
  const std::optional<DateTime> back = parse_feed_date(text);
  return back && *back == dt;
}

std::size_t escape_xml(std::string& out, std::string_view text, bool attr) {
  // The rules of append_xml (feed.hpp), with runs of plain ASCII skipped sixteen bytes at a
  // time: only bytes below 0x20, from 0x80 (UTF-8, validated), & < > and, in attributes, "
  // need a look.
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t dropped = 0;
  std::size_t run = 0;  // start of the pending run of bytes copied as they are
  std::size_t i = 0;
  const auto emit = [&](const char* rep) {
    out.append(p + run, i - run);
    out += rep;
    run = i + 1;
  };
  while (i < n) {
#if defined(__SSE2__)
    if (n - i >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // A signed compare with 0x20 catches control characters and bytes >= 0x80 together.
      __m128i hit = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
      if (attr) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
      if (mask == 0) {
        i += 16;
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctz(mask));
    }
#endif
    const auto c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80) {
      std::uint32_t cp = 0;
      const std::size_t len = detail::decode_utf8(text, i, cp);
      if (len != 0 && detail::is_c1_control(cp)) {
        out.append(p + run, i - run);
        detail::append_char_reference(out, cp);
        i += len;
        run = i;
        continue;
      }
      if (len == 0 || !detail::is_xml_char(cp)) {
        out.append(p + run, i - run);
        ++dropped;
        i += len == 0 ? 1 : len;
        run = i;
        continue;
      }
      i += len;
      continue;
    }
    switch (c) {
      case '&':
        emit("&amp;");
        break;
      case '<':
        emit("&lt;");
        break;
      case '>':
        emit("&gt;");
        break;
      case '\r':
        emit("&#13;");
        break;
      case '"':
        if (attr) emit("&quot;");
        break;
      case '\t':
        if (attr) emit("&#9;");
        break;
      case '\n':
        if (attr) emit("&#10;");
        break;
      default:
        if (c < 0x20) {
          out.append(p + run, i - run);
          ++dropped;
          run = i + 1;
        }
        break;
    }
    ++i;
  }
  out.append(p + run, n - run);
  return dropped;
}

std::size_t estimate_feed_size(const Document& doc) {
  std::size_t n = 4096;
  for (const Article& a : doc.articles) {
    n += 1024 + a.headline.size() + a.summary.size() + a.body_html.size() + a.url.size() * 2 +
         a.id.size();
    for (const Block& b : a.body) n += b.text.size() + 16;
  }
  return n + n / 8;
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

EntityNames::EntityNames(const Document& doc) {
  for (const auto& o : doc.organizations) add(o.id, 0, o.name);
  for (const auto& p : doc.people) add(p.id, 1, p.name.full);
  for (const auto& c : doc.commissioners) add(c.id, 2, c.name.full);
}

void EntityNames::add(const Record& record) {
  if (const auto* o = std::get_if<Organization>(&record)) {
    add(o->id, 0, o->name);
  } else if (const auto* p = std::get_if<Person>(&record)) {
    add(p->id, 1, p->name.full);
  } else if (const auto* c = std::get_if<Commissioner>(&record)) {
    add(c->id, 2, c->name.full);
  }
}

void EntityNames::add(const std::string& id, int rank, const std::string& name) {
  if (id.empty()) return;
  const auto [it, added] = names_.try_emplace(id, Entry{rank, name});
  if (!added && rank < it->second.rank) it->second = Entry{rank, name};
}

std::string EntityNames::organization(std::string_view id) const {
  if (id.empty()) return {};
  const auto it = names_.find(std::string(id));
  return it != names_.end() && it->second.rank == 0 ? it->second.name : std::string();
}

std::string EntityNames::ref_name(const EntityRef& ref) const {
  if (!ref.name.empty()) return ref.name;
  if (!ref.id.empty()) {
    const auto it = names_.find(ref.id);
    if (it != names_.end()) return it->second.name;
  }
  return ref.id;
}

void warn_stripped(const XmlOut& x, WriteDiagnostics& diag) {
  if (x.stripped() > 0)
    diag.warn(ErrorCode::invalid_value,
              std::to_string(x.stripped()) +
                  " characters that XML 1.0 forbids (or invalid UTF-8) were left out");
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
