// SPDX-License-Identifier: MIT
// One streaming pass over HTML content from feeds: sanitising with an allow-list and deriving
// plain-text blocks, without building a tree. The tokenizer is forgiving (unclosed tags,
// unquoted attributes, stray '<'); what it cannot understand becomes text.
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "detail/url.hpp"
#include "formats/feed/feed.hpp"

namespace pressroom::feed_detail {

namespace {

// A set of lower-case names (elements, attributes): buckets by length and first letter, so
// that a lookup compares with one or two names at most.
class NameSet {
 public:
  NameSet(std::initializer_list<std::string_view> names) {
    for (const std::string_view n : names) buckets_[bucket(n)].push_back(n);
  }
  bool has(std::string_view n) const {
    if (n.empty() || n.size() > 15) return false;
    for (const std::string_view c : buckets_[bucket(n)])
      if (std::char_traits<char>::compare(c.data(), n.data(), n.size()) == 0) return true;
    return false;
  }

 private:
  static std::size_t bucket(std::string_view n) {
    return (n.size() & 15u) * 32u + (static_cast<unsigned char>(n[0]) & 31u);
  }
  std::vector<std::string_view> buckets_[16 * 32];
};

// What the sanitiser and the block builder need to know of an element, found with one lookup.
enum ElementFlag : unsigned {
  kAllowed = 1u,  // kept by the sanitiser
  kDropped = 2u,  // dropped together with its content
  kVoid = 4u,     // has no content and no end tag
  kBlock = 8u,    // starts a block of text (`block` says which)
  kBreak = 16u,   // <br>: a line break in the block
  kCell = 32u,    // <td>, <th>: a space between cells
};

struct ElementInfo {
  unsigned flags = 0;
  BlockType block = BlockType::paragraph;
};

// Lower-case element names and what they are: buckets by length and first letter, so that a
// lookup compares with one or two names at most.
class ElementTable {
 public:
  ElementTable() {
    const auto add = [this](std::initializer_list<std::string_view> names, unsigned flags,
                            BlockType block = BlockType::paragraph) {
      for (const std::string_view n : names) {
        ElementInfo& e = slot(n);
        e.flags |= flags;
        if ((flags & kBlock) != 0u) e.block = block;
      }
    };
    add({"a",      "abbr",     "acronym",    "address", "article", "aside",   "b",     "bdi",
         "bdo",    "big",      "blockquote", "br",      "caption", "center",  "cite",  "code",
         "col",    "colgroup", "dd",         "del",     "details", "dfn",     "div",   "dl",
         "dt",     "em",       "figcaption", "figure",  "font",    "footer",  "h1",    "h2",
         "h3",     "h4",       "h5",         "h6",      "header",  "hr",      "i",     "img",
         "ins",    "kbd",      "li",         "mark",    "ol",      "p",       "pre",   "q",
         "rp",     "rt",       "ruby",       "s",       "samp",    "section", "small", "span",
         "strike", "strong",   "sub",        "summary", "sup",     "table",   "tbody", "td",
         "tfoot",  "th",       "thead",      "time",    "tr",      "tt",      "u",     "ul",
         "var",    "wbr"},
        kAllowed);
    add({"script",   "style",    "iframe", "object",   "embed", "applet", "noscript",
         "template", "frameset", "frame",  "noframes", "xml",   "math",   "svg",
         "head",     "title",    "select", "textarea", "form",  "button"},
        kDropped);
    add({"br", "hr", "img", "col", "wbr", "area", "input", "source", "meta", "link", "base",
         "param", "track", "embed"},
        kVoid);
    add({"h1", "h2", "h3", "h4", "h5", "h6"}, kBlock, BlockType::heading);
    add({"li", "dt", "dd"}, kBlock, BlockType::list_item);
    add({"blockquote"}, kBlock, BlockType::quote);
    add({"p",          "div",     "pre",     "table",  "tr",      "ul",      "ol",
         "dl",         "section", "article", "header", "footer",  "aside",   "figure",
         "figcaption", "address", "hr",      "center", "caption", "details", "summary"},
        kBlock, BlockType::paragraph);
    add({"br"}, kBreak);
    add({"td", "th"}, kCell);
  }
  ElementInfo find(std::string_view n) const {
    if (n.empty() || n.size() > 15) return {};
    for (const Entry& e : buckets_[bucket(n)])
      if (std::char_traits<char>::compare(e.name.data(), n.data(), n.size()) == 0) return e.info;
    return {};
  }

 private:
  struct Entry {
    std::string_view name;
    ElementInfo info;
  };
  ElementInfo& slot(std::string_view n) {
    std::vector<Entry>& b = buckets_[bucket(n)];
    for (Entry& e : b)
      if (e.name == n) return e.info;
    b.push_back(Entry{n, {}});
    return b.back().info;
  }
  static std::size_t bucket(std::string_view n) {
    return (n.size() & 15u) * 32u + (static_cast<unsigned char>(n[0]) & 31u);
  }
  std::vector<Entry> buckets_[16 * 32];
};

ElementInfo element_info(std::string_view n) {
  static const ElementTable table;
  return table.find(n);
}

bool allowed_attribute(std::string_view n) {
  static const NameSet names{
      "href",    "src",         "alt",         "title",    "width",   "height",  "lang",
      "dir",     "cite",        "datetime",    "colspan",  "rowspan", "align",   "valign",
      "border",  "cellpadding", "cellspacing", "summary",  "abbr",    "headers", "scope",
      "start",   "type",        "value",       "hreflang", "rel",     "span",    "nowrap",
      "char",    "charoff",     "color",       "face",     "size",    "clear",   "compact",
      "noshade", "reversed",    "xml:lang"};
  return names.has(n);
}

bool url_attribute(std::string_view n) {
  static const NameSet names{"href", "src", "cite", "longdesc", "action", "background", "poster"};
  return names.has(n);
}

struct NamedEntity {
  std::string_view name;
  std::uint32_t cp;
};

// HTML 4 named character references (Latin-1, symbols, Greek, special).
constexpr NamedEntity kEntities[] = {
    {"quot", 34},     {"amp", 38},      {"apos", 39},      {"lt", 60},        {"gt", 62},
    {"nbsp", 160},    {"iexcl", 161},   {"cent", 162},     {"pound", 163},    {"curren", 164},
    {"yen", 165},     {"brvbar", 166},  {"sect", 167},     {"uml", 168},      {"copy", 169},
    {"ordf", 170},    {"laquo", 171},   {"not", 172},      {"shy", 173},      {"reg", 174},
    {"macr", 175},    {"deg", 176},     {"plusmn", 177},   {"sup2", 178},     {"sup3", 179},
    {"acute", 180},   {"micro", 181},   {"para", 182},     {"middot", 183},   {"cedil", 184},
    {"sup1", 185},    {"ordm", 186},    {"raquo", 187},    {"frac14", 188},   {"frac12", 189},
    {"frac34", 190},  {"iquest", 191},  {"Agrave", 192},   {"Aacute", 193},   {"Acirc", 194},
    {"Atilde", 195},  {"Auml", 196},    {"Aring", 197},    {"AElig", 198},    {"Ccedil", 199},
    {"Egrave", 200},  {"Eacute", 201},  {"Ecirc", 202},    {"Euml", 203},     {"Igrave", 204},
    {"Iacute", 205},  {"Icirc", 206},   {"Iuml", 207},     {"ETH", 208},      {"Ntilde", 209},
    {"Ograve", 210},  {"Oacute", 211},  {"Ocirc", 212},    {"Otilde", 213},   {"Ouml", 214},
    {"times", 215},   {"Oslash", 216},  {"Ugrave", 217},   {"Uacute", 218},   {"Ucirc", 219},
    {"Uuml", 220},    {"Yacute", 221},  {"THORN", 222},    {"szlig", 223},    {"agrave", 224},
    {"aacute", 225},  {"acirc", 226},   {"atilde", 227},   {"auml", 228},     {"aring", 229},
    {"aelig", 230},   {"ccedil", 231},  {"egrave", 232},   {"eacute", 233},   {"ecirc", 234},
    {"euml", 235},    {"igrave", 236},  {"iacute", 237},   {"icirc", 238},    {"iuml", 239},
    {"eth", 240},     {"ntilde", 241},  {"ograve", 242},   {"oacute", 243},   {"ocirc", 244},
    {"otilde", 245},  {"ouml", 246},    {"divide", 247},   {"oslash", 248},   {"ugrave", 249},
    {"uacute", 250},  {"ucirc", 251},   {"uuml", 252},     {"yacute", 253},   {"thorn", 254},
    {"yuml", 255},    {"OElig", 338},   {"oelig", 339},    {"Scaron", 352},   {"scaron", 353},
    {"Yuml", 376},    {"fnof", 402},    {"circ", 710},     {"tilde", 732},    {"Alpha", 913},
    {"Beta", 914},    {"Gamma", 915},   {"Delta", 916},    {"Epsilon", 917},  {"Zeta", 918},
    {"Eta", 919},     {"Theta", 920},   {"Iota", 921},     {"Kappa", 922},    {"Lambda", 923},
    {"Mu", 924},      {"Nu", 925},      {"Xi", 926},       {"Omicron", 927},  {"Pi", 928},
    {"Rho", 929},     {"Sigma", 931},   {"Tau", 932},      {"Upsilon", 933},  {"Phi", 934},
    {"Chi", 935},     {"Psi", 936},     {"Omega", 937},    {"alpha", 945},    {"beta", 946},
    {"gamma", 947},   {"delta", 948},   {"epsilon", 949},  {"zeta", 950},     {"eta", 951},
    {"theta", 952},   {"iota", 953},    {"kappa", 954},    {"lambda", 955},   {"mu", 956},
    {"nu", 957},      {"xi", 958},      {"omicron", 959},  {"pi", 960},       {"rho", 961},
    {"sigmaf", 962},  {"sigma", 963},   {"tau", 964},      {"upsilon", 965},  {"phi", 966},
    {"chi", 967},     {"psi", 968},     {"omega", 969},    {"thetasym", 977}, {"upsih", 978},
    {"piv", 982},     {"ensp", 8194},   {"emsp", 8195},    {"thinsp", 8201},  {"zwnj", 8204},
    {"zwj", 8205},    {"lrm", 8206},    {"rlm", 8207},     {"ndash", 8211},   {"mdash", 8212},
    {"lsquo", 8216},  {"rsquo", 8217},  {"sbquo", 8218},   {"ldquo", 8220},   {"rdquo", 8221},
    {"bdquo", 8222},  {"dagger", 8224}, {"Dagger", 8225},  {"bull", 8226},    {"hellip", 8230},
    {"permil", 8240}, {"prime", 8242},  {"Prime", 8243},   {"lsaquo", 8249},  {"rsaquo", 8250},
    {"oline", 8254},  {"frasl", 8260},  {"euro", 8364},    {"image", 8465},   {"weierp", 8472},
    {"real", 8476},   {"trade", 8482},  {"alefsym", 8501}, {"larr", 8592},    {"uarr", 8593},
    {"rarr", 8594},   {"darr", 8595},   {"harr", 8596},    {"crarr", 8629},   {"lArr", 8656},
    {"uArr", 8657},   {"rArr", 8658},   {"dArr", 8659},    {"hArr", 8660},    {"forall", 8704},
    {"part", 8706},   {"exist", 8707},  {"empty", 8709},   {"nabla", 8711},   {"isin", 8712},
    {"notin", 8713},  {"ni", 8715},     {"prod", 8719},    {"sum", 8721},     {"minus", 8722},
    {"lowast", 8727}, {"radic", 8730},  {"prop", 8733},    {"infin", 8734},   {"ang", 8736},
    {"and", 8743},    {"or", 8744},     {"cap", 8745},     {"cup", 8746},     {"int", 8747},
    {"there4", 8756}, {"sim", 8764},    {"cong", 8773},    {"asymp", 8776},   {"ne", 8800},
    {"equiv", 8801},  {"le", 8804},     {"ge", 8805},      {"sub", 8834},     {"sup", 8835},
    {"nsub", 8836},   {"sube", 8838},   {"supe", 8839},    {"oplus", 8853},   {"otimes", 8855},
    {"perp", 8869},   {"sdot", 8901},   {"lceil", 8968},   {"rceil", 8969},   {"lfloor", 8970},
    {"rfloor", 8971}, {"lang", 9001},   {"rang", 9002},    {"loz", 9674},     {"spades", 9824},
    {"clubs", 9827},  {"hearts", 9829}, {"diams", 9830}};

// Decodes the reference at s[i] == '&'; returns its length (0 = not a reference).
std::size_t decode_reference(std::string_view s, std::size_t i, std::string& out) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    bool hex = false;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) {
      hex = true;
      ++j;
    }
    std::uint32_t cp = 0;
    const std::size_t start = j;
    while (j < s.size() && j - start < 8) {
      const char c = s[j];
      int v = -1;
      if (c >= '0' && c <= '9')
        v = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        v = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        v = c - 'A' + 10;
      if (v < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
      ++j;
    }
    if (j == start) return 0;
    if (j < s.size() && s[j] == ';') ++j;
    if (cp >= 0x80 && cp < 0xA0) {
      // Windows-1252 numeric references (&#146;) as browsers read them.
      static constexpr std::uint32_t c1[32] = {
          0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
          0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
          0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
      cp = c1[cp - 0x80];
    }
    if (!detail::is_xml_char(cp)) cp = 0xFFFD;
    detail::append_utf8(out, cp);
    return j - i;
  }
  std::size_t k = j;
  while (k < s.size() && k - j < 10 &&
         ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
          (s[k] >= '0' && s[k] <= '9')))
    ++k;
  if (k == j) return 0;
  const std::string_view name = s.substr(j, k - j);
  for (const auto& e : kEntities) {
    if (name == e.name) {
      detail::append_utf8(out, e.cp);
      if (k < s.size() && s[k] == ';') ++k;
      return k - i;
    }
  }
  return 0;
}

// Appends `text` to `out` with its character references decoded.
void decode_entities_into(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(text.data() + i, amp - i);
    const std::size_t n = decode_reference(text, amp, out);
    if (n == 0) out += '&';
    i = amp + (n == 0 ? 1 : n);
  }
  out.append(text.data() + i, text.size() - i);
}

void to_lower(std::string& s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

// The position of the first '<', '>' or '&' in `t` from `i` on, or t.size(). Sixteen bytes at a
// time where SSE2 is there (every x86-64 processor).
std::size_t find_markup(std::string_view t, std::size_t i) {
#if defined(__SSE2__)
  const __m128i lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'), amp = _mm_set1_epi8('&');
  while (i + 16 <= t.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, gt)),
                                     _mm_cmpeq_epi8(v, amp));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i < t.size() && t[i] != '<' && t[i] != '>' && t[i] != '&') ++i;
  return i;
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

class Processor {
 public:
  // `keep_raw`: the markup is not rewritten; `want_html`: the result's html is set (false:
  // only the blocks are wanted).
  Processor(std::string_view in, std::string_view base, bool keep_raw, bool want_html = true)
      : in_(in), base_(base), keep_raw_(keep_raw || !want_html), want_html_(want_html) {}

  HtmlResult run() {
    if (!keep_raw_) r_.html.reserve(in_.size() + in_.size() / 8);
    current_.reserve(256);
    std::size_t i = 0;
    while (i < in_.size()) i = in_[i] == '<' ? tag(i) : text(i);
    flush();
    if (keep_raw_ && want_html_) r_.html = std::string(in_);
    return std::move(r_);
  }

 private:
  // Text between tags, in one pass: escaped into the HTML (< > and a bare & escaped, complete
  // references kept as written) and decoded into the current block.
  // The text from in_[i] to the next tag, in one pass: escaped into the HTML (> and a bare &
  // escaped, complete references kept as written) and decoded into the current block. Returns
  // the position of the tag's '<' (or the end).
  std::size_t text(std::size_t i) {
    if (skip_depth_ > 0) {
      const std::size_t lt = in_.find('<', i);
      return lt == std::string_view::npos ? in_.size() : lt;
    }
    const bool html = !keep_raw_;
    for (;;) {
      const std::size_t j = find_markup(in_, i);
      if (html) r_.html.append(in_.data() + i, j - i);
      current_.append(in_.data() + i, j - i);
      if (j == in_.size() || in_[j] == '<') return j;
      if (in_[j] == '>') {
        if (html) r_.html += "&gt;";
        current_ += '>';
        i = j + 1;
        continue;
      }
      const std::size_t n = decode_reference(in_, j, current_);
      if (n == 0) {
        if (html) r_.html += "&amp;";
        current_ += '&';
        i = j + 1;
        continue;
      }
      if (html) {
        if (in_[j + n - 1] == ';') {
          r_.html.append(in_.data() + j, n);  // a complete reference stays as written
        } else {
          r_.html += "&amp;";  // "&amp" without ';': the name is text (letters and digits)
          r_.html.append(in_.data() + j + 1, n - 1);
        }
      }
      i = j + n;
    }
  }

  void flush() {
    std::string s = collapse_space(current_);
    // Non-breaking spaces alone are not content.
    if (!s.empty() && s != "\xC2\xA0") r_.blocks.push_back(Block{type_, std::move(s)});
    current_.clear();
  }

  // Parses the markup at in_[lt] == '<'; returns the position after it.
  std::size_t tag(std::size_t lt) {
    const bool bang = lt + 1 < in_.size() && in_[lt + 1] == '!';
    if (bang && in_.compare(lt, 4, "<!--") == 0) {
      const std::size_t e = in_.find("-->", lt + 4);
      if (!keep_raw_) r_.removed = true;
      return e == std::string_view::npos ? in_.size() : e + 3;
    }
    if (bang && in_.compare(lt, 9, "<![CDATA[") == 0) {
      const std::size_t e = in_.find("]]>", lt + 9);
      const std::size_t end = e == std::string_view::npos ? in_.size() : e;
      const std::string_view t = in_.substr(lt + 9, end - lt - 9);
      if (!keep_raw_ && skip_depth_ == 0) {
        for (const char c : t) {
          if (c == '<')
            r_.html += "&lt;";
          else if (c == '>')
            r_.html += "&gt;";
          else if (c == '&')
            r_.html += "&amp;";
          else
            r_.html += c;
        }
      }
      if (skip_depth_ == 0) current_.append(t.data(), t.size());
      return e == std::string_view::npos ? in_.size() : e + 3;
    }
    std::size_t i = lt + 1;
    const bool closing = i < in_.size() && in_[i] == '/';
    if (closing) ++i;
    if (i < in_.size() && (in_[i] == '!' || in_[i] == '?')) {
      const std::size_t e = in_.find('>', i);
      if (!keep_raw_) r_.removed = true;
      return e == std::string_view::npos ? in_.size() : e + 1;
    }
    const std::size_t ns = i;
    while (i < in_.size() && name_char(in_[i])) ++i;
    if (i == ns) {
      // A stray '<': text.
      if (skip_depth_ == 0) {
        if (!keep_raw_) r_.html += "&lt;";
        current_ += '<';
      }
      return lt + 1;
    }
    // Namespaced XHTML elements (<xhtml:p>) are read by their local name.
    std::string_view qname = in_.substr(ns, i - ns);
    const std::size_t colon = qname.find(':');
    if (colon != std::string_view::npos) qname.remove_prefix(colon + 1);
    name_.assign(qname.data(), qname.size());
    to_lower(name_);
    const std::string& name = name_;
    // Attributes.
    attr_count_ = 0;
    bool self_closing = false;
    while (i < in_.size() && in_[i] != '>') {
      if (in_[i] == '/') {
        self_closing = true;
        ++i;
        continue;
      }
      if (space(in_[i])) {
        ++i;
        continue;
      }
      const std::size_t an = i;
      while (i < in_.size() && !space(in_[i]) && in_[i] != '=' && in_[i] != '>' &&
             !(in_[i] == '/' && i + 1 < in_.size() && in_[i + 1] == '>'))
        ++i;
      if (i == an) {
        ++i;
        continue;
      }
      if (attr_count_ == attrs_.size()) attrs_.emplace_back();
      auto& [aname, value] = attrs_[attr_count_++];
      aname.assign(in_.data() + an, i - an);
      to_lower(aname);
      value.clear();
      while (i < in_.size() && space(in_[i])) ++i;
      if (i < in_.size() && in_[i] == '=') {
        ++i;
        while (i < in_.size() && space(in_[i])) ++i;
        if (i < in_.size() && (in_[i] == '"' || in_[i] == '\'')) {
          const char q = in_[i];
          const std::size_t e = in_.find(q, i + 1);
          const std::size_t end = e == std::string_view::npos ? in_.size() : e;
          decode_entities_into(in_.substr(i + 1, end - i - 1), value);
          i = e == std::string_view::npos ? in_.size() : e + 1;
        } else {
          const std::size_t vs = i;
          while (i < in_.size() && !space(in_[i]) && in_[i] != '>') ++i;
          decode_entities_into(in_.substr(vs, i - vs), value);
        }
      }
    }
    const std::size_t after = i < in_.size() ? i + 1 : in_.size();
    if (skip_depth_ > 0) {
      if (name == skip_name_) {
        if (closing)
          --skip_depth_;
        else if (!self_closing)
          ++skip_depth_;
      }
      return after;
    }
    const ElementInfo info = element_info(name);
    const bool is_void = (info.flags & kVoid) != 0u;
    if ((info.flags & kDropped) != 0u) {
      if (!keep_raw_) r_.removed = true;
      if (!closing && !self_closing && !is_void) {
        skip_name_ = name;
        skip_depth_ = 1;
      }
      return after;
    }
    if ((info.flags & kBreak) != 0u) {
      current_ += '\n';
    } else if ((info.flags & kBlock) != 0u) {
      flush();
      type_ = closing ? BlockType::paragraph : info.block;
    } else if ((info.flags & kCell) != 0u) {
      current_ += ' ';
    }
    if (keep_raw_) return after;
    if ((info.flags & kAllowed) == 0u) {
      r_.removed = true;
      return after;
    }
    if (closing) {
      if (!is_void) {
        r_.html += "</";
        r_.html += name;
        r_.html += '>';
      }
      return after;
    }
    r_.html += '<';
    r_.html += name;
    for (std::size_t k = 0; k < attr_count_; ++k) {
      auto& [an, av] = attrs_[k];
      if (!allowed_attribute(an)) {
        r_.removed = true;
        continue;
      }
      if (url_attribute(an)) {
        if (!detail::is_safe_url(av)) {
          r_.removed = true;
          continue;
        }
        av = resolve_url(base_, av);
      }
      r_.html += ' ';
      r_.html += an;
      r_.html += "=\"";
      (void)append_xml(r_.html, av, true);
      r_.html += '"';
    }
    r_.html += is_void ? " />" : ">";
    if (self_closing && !is_void) {
      r_.html += "</";
      r_.html += name;
      r_.html += '>';
    }
    return after;
  }

  std::string_view in_;
  std::string_view base_;
  bool keep_raw_;
  bool want_html_;
  HtmlResult r_;
  std::string name_;  // the tag being read, lower case (reused)
  std::string current_;
  BlockType type_ = BlockType::paragraph;
  std::string skip_name_;
  std::size_t skip_depth_ = 0;
  // The attributes of the tag being read: the first attr_count_ entries (reused, so that
  // their strings keep their memory from tag to tag).
  std::vector<std::pair<std::string, std::string>> attrs_;
  std::size_t attr_count_ = 0;
};

}  // namespace

std::string decode_html_entities(std::string_view text) {
  std::string out;
  decode_entities_into(text, out);
  return out;
}

HtmlResult process_html(std::string_view html, std::string_view base, bool keep_raw) {
  return Processor(html, base, keep_raw).run();
}

bool sanitise_own_html(std::string& html, const ReadOptions& options) {
  if (options.trusted || options.keep_raw_html || html.empty()) return false;
  HtmlResult h = process_html(html, {}, false);
  if (h.html == html) return false;
  html = std::move(h.html);
  return h.removed;
}

std::vector<Block> html_blocks(std::string_view html) {
  return Processor(html, {}, true, false).run().blocks;
}

}  // namespace pressroom::feed_detail
