// SPDX-License-Identifier: MIT
// The HTML front end: libxml2's HTML parser (no network, recover mode) under pressroom's
// limits, metadata from JSON-LD / OpenGraph / meta tags, and the main content found by
// structure and text/link density (in the manner of readability and trafilatura):
//   1. elements are indexed in document order; navigation, footers, asides, banners and
//      elements whose class or id says "comment", "sidebar", "related", "share", "cookie",
//      "newsletter", "paywall"... are boilerplate (with their subtrees), unless they hold the
//      page's <h1> or <main> (a wrapper "has-sidebar" is not a sidebar);
//   2. the text is cut into blocks (paragraphs, headings, list items, cells) with their share
//      of link text;
//   3. every paragraph-like block of 25+ characters with little link text scores
//      1 + commas + length/100 (at most 3) for its parent, half for the grandparent and less
//      further up; an element's score is weighted by its class/id hints and tag and scaled by
//      1 - its link density; the best element is the content root;
//   4. the root shrinks to a child holding 80% of its good text (a hinted <main> around the
//      body), grows to an ancestor holding clearly more (galleries, bodies split by ads), and
//      takes in siblings holding prose or scoring well; prose next to a linked title in a
//      small box is a teaser of another page and counts for nothing;
//   5. the root's blocks, without boilerplate, link lists and short labels, follow the
//      headline (the <h1> that matches the metadata or comes before the content) and the lines
//      before the content (navigation blurbs are mined for organization facts).
// The lines then go through the text pipeline, told where the content starts.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>

#include "detail/text.hpp"
#include "detail/url.hpp"
#include "extract/pipeline.hpp"
#include "extract/rules.hpp"

namespace pressroom::extract_detail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool name_is(const xmlNode* n, const char* name) {
  return n->name && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

template <std::size_t N>
bool name_in(const xmlNode* n, const char* const (&names)[N]) {
  for (const char* s : names)
    if (name_is(n, s)) return true;
  return false;
}

std::string attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (!a->name || std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    std::string out;
    for (const xmlNode* c = a->children; c; c = c->next)
      if (c->content) out += reinterpret_cast<const char*>(c->content);
    return out;
  }
  return {};
}

bool has_attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) return true;
  return false;
}

// Elements whose content is never text of the page.
bool skipped(const xmlNode* n) {
  static constexpr const char* kSkip[] = {
      "script", "style",  "noscript", "template", "svg",    "iframe",     "button", "select",
      "head",   "object", "canvas",   "textarea", "input",  "option",     "embed",  "math",
      "video",  "audio",  "map",      "dialog",   "amp-ad", "amp-sidebar"};
  if (name_in(n, kSkip)) return true;
  if (has_attr(n, "hidden") || attr(n, "aria-hidden") == "true") return true;
  const std::string style = lower(attr(n, "style"));
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos)
    return true;
  return false;
}

bool is_block(const xmlNode* n) {
  static constexpr const char* kBlocks[] = {
      "p",       "h1",     "h2",   "h3",         "h4",      "h5",      "h6",
      "li",      "div",    "td",   "th",         "dd",      "dt",      "pre",
      "address", "tr",     "ul",   "ol",         "dl",      "table",   "body",
      "hr",      "br",     "main", "blockquote", "section", "article", "header",
      "footer",  "figure", "nav",  "aside",      "form",    "center",  "figcaption",
      "caption", "legend", "menu", "fieldset",   "details", "summary", "amp-img"};
  return name_in(n, kBlocks);
}

bool is_heading(const xmlNode* n) {
  static constexpr const char* kHeadings[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
  return name_in(n, kHeadings);
}

// Elements that hold a paragraph of their own (their text is not a label of a container).
bool is_text_element(const xmlNode* n) {
  static constexpr const char* kText[] = {
      "p",       "li", "td", "th", "dd", "dt", "pre", "blockquote", "figcaption",
      "caption", "h1", "h2", "h3", "h4", "h5", "h6",  "address"};
  return name_in(n, kText);
}

// Class and id words that mark boilerplate, and words that mark content.
constexpr const char* kNegative[] = {
    "comment",    "sidebar",     "related",  "share",      "sharing",    "social",
    "cookie",     "consent",     "gdpr",     "newsletter", "subscribe",  "signup",
    "sign-up",    "promo",       "sponsor",  "advert",     "breadcrumb", "crumbs",
    "pagination", "pager",       "footer",   "masthead",   "widget",     "popup",
    "modal",      "paywall",     "byline",   "author",     "recommend",  "read-more",
    "readmore",   "more-",       "-more",    "also",       "outbrain",   "taboola",
    "disqus",     "respond",     "replies",  "reply",      "navbar",     "nav-",
    "-nav",       "navigation",  "menu",     "skip",       "credit",     "donate",
    "toolbar",    "print",       "login",    "overlay",    "banner",     "ticker",
    "most-read",  "mostread",    "popular",  "trending",   "rating",     "feedback",
    "follow",     "subnav",      "metadata", "-meta",      "meta-",      "_meta",
    "hidden",     "tags",        "tag-",     "-tag",       "topics",     "onetrust",
    "partage",    "fil-ariane",  "migas",    "lesen-sie",  "a-lire",     "descargas",
    "download",   "support-box", "teaser",   "aside",      "secondary",  "supplement"};
constexpr const char* kNegativeWords[] = {"ad",   "ads", "adv",   "nav",  "tag",  "meta",
                                          "info", "cta", "tools", "tool", "date", "time"};
constexpr const char* kPositive[] = {
    "article", "content", "main",    "body",  "post",    "entry",  "story",   "text",
    "blog",    "prose",   "release", "corps", "cuerpo",  "inhalt", "contenu", "contenido",
    "texto",   "artikel", "news",    "node",  "gallery", "slide",  "caption"};

bool contains_any(const std::string& s, const char* const* words, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i)
    if (s.find(words[i]) != std::string::npos) return true;
  return false;
}

// -1 boilerplate words, +1 content words, 0 neither (both: the boilerplate word wins only for
// the strong words; "comment-content" is a comment, "main-sidebar-wrapper" is not decided).
int class_hint(const xmlNode* n) {
  const std::string s = lower(attr(n, "class") + " " + attr(n, "id"));
  if (s.size() <= 1) return 0;
  bool neg = contains_any(s, kNegative, std::size(kNegative));
  if (!neg) {
    // short words must be whole: "ad" in "ad-slot", not in "header" or "shadow"
    std::size_t i = 0;
    while (i < s.size() && !neg) {
      while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
      std::size_t j = i;
      while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
      const std::string w = s.substr(i, j - i);
      for (const char* k : kNegativeWords)
        if (w == k) neg = true;
      i = j;
    }
  }
  const bool pos = contains_any(s, kPositive, std::size(kPositive));
  if (neg && pos) {
    static constexpr const char* kStrong[] = {
        "comment", "cookie", "consent", "related", "share",  "sharing", "newsletter", "paywall",
        "sidebar", "promo",  "advert",  "respond", "author", "byline",  "subscribe",  "recommend"};
    return contains_any(s, kStrong, std::size(kStrong)) ? -1 : 0;
  }
  return neg ? -1 : pos ? 1 : 0;
}

struct Elem {
  const xmlNode* node = nullptr;
  std::size_t parent = kNone;
  std::size_t size = 1;             // elements in the subtree (pre-order interval)
  std::size_t block_owner = kNone;  // nearest block-level self or ancestor
  int hint = 0;
  bool boiler = false;       // boilerplate (or inside it)
  bool hard_boiler = false;  // nav/footer/aside/form/banner by tag or role (or inside one)
  bool in_link = false;
  bool key = false;  // holds the page's <h1> or <main>
  // text statistics of the subtree (bytes of squeezed block text)
  double chars = 0, links = 0, good = 0;
  double score = 0;
  bool scored = false;
};

struct Block {
  std::string text;
  std::size_t owner = kNone;
  bool boiler = false;
  bool hard_boiler = false;
  double link_ratio = 0;
  std::size_t words = 0;
  bool teaser = false;  // the summary of a link in a small card (related stories)
};

class Page {
 public:
  std::vector<Elem> elems;
  std::vector<Block> blocks;

  // Pass 1: index the elements in document order (node->_private = index + 1).
  void index(xmlNode* root) {
    xmlNode* n = root;
    std::size_t parent = kNone;
    while (n) {
      bool descend = false;
      if (n->type == XML_ELEMENT_NODE && !skipped(n)) {
        Elem e;
        e.node = n;
        e.parent = parent;
        const std::size_t me = elems.size();
        const Elem* p = parent == kNone ? nullptr : &elems[parent];
        e.hint = class_hint(n);
        e.block_owner = is_block(n) ? me : p ? p->block_owner : kNone;
        e.in_link = name_is(n, "a") || (p && p->in_link);
        const std::string role = attr(n, "role");
        static constexpr const char* kBoilerTags[] = {"nav", "footer", "aside", "form", "menu"};
        const bool hard = name_in(n, kBoilerTags) || role == "navigation" ||
                          role == "contentinfo" || role == "complementary" || role == "search" ||
                          role == "banner" || role == "dialog" || role == "alertdialog" ||
                          role == "menu" || role == "menubar";
        e.hard_boiler = hard;  // own, for now; inherited below
        n->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(me + 1));
        elems.push_back(e);
        if (name_is(n, "h1") || name_is(n, "main") || role == "main") {
          for (std::size_t a = me; a != kNone && !elems[a].key; a = elems[a].parent)
            elems[a].key = true;
        }
        if (n->children) {
          descend = true;
          parent = me;
        }
      } else if (n->type == XML_ELEMENT_NODE) {
        n->_private = nullptr;
      }
      if (descend) {
        n = n->children;
        continue;
      }
      while (n && n != root && !n->next) {
        n = n->parent;
        if (n && n->type == XML_ELEMENT_NODE && n->_private) parent = elems[id(n)].parent;
      }
      if (!n || n == root) break;
      n = n->next;
    }
    // Boilerplate does not apply to the elements holding the <h1> or <main> (a <form> around
    // the whole page, a wrapper "has-sidebar"); their descendants are judged on their own.
    for (std::size_t i = 0; i < elems.size(); ++i) {
      Elem& e = elems[i];
      const Elem* p = e.parent == kNone ? nullptr : &elems[e.parent];
      e.hard_boiler = (e.hard_boiler && !e.key) || (p && p->hard_boiler);
      e.boiler = e.hard_boiler || (e.hint < 0 && !e.key) || (p && p->boiler);
    }
    for (std::size_t i = elems.size(); i-- > 0;)
      if (elems[i].parent != kNone) elems[elems[i].parent].size += elems[i].size;
  }

  static std::size_t id(const xmlNode* n) {
    return static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(n->_private)) - 1;
  }

  // Pass 2: the text blocks in reading order.
  void collect(const xmlNode* root) {
    const xmlNode* n = root;
    while (n) {
      bool descend = false;
      if (n->type == XML_ELEMENT_NODE) {
        if (n->_private) {
          if (is_block(n)) flush();
          descend = n->children != nullptr;
          if (!descend && is_block(n)) flush();
        }
      } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content &&
                 n->parent && n->parent->type == XML_ELEMENT_NODE && n->parent->_private) {
        const Elem& e = elems[id(n->parent)];
        if (!cur_.empty() && (e.boiler != cur_boiler_ || e.block_owner != cur_owner_)) flush();
        cur_boiler_ = e.boiler;
        cur_hard_ = e.hard_boiler;
        cur_owner_ = e.block_owner;
        const char* t = reinterpret_cast<const char*>(n->content);
        const std::size_t len = std::strlen(t);
        cur_.append(t, len);
        if (e.in_link) cur_link_ += len;
      }
      if (descend) {
        n = n->children;
        continue;
      }
      while (n && n != root && !n->next) {
        n = n->parent;
        if (n && n->type == XML_ELEMENT_NODE && n->_private && is_block(n)) flush();
      }
      if (!n || n == root) break;
      n = n->next;
    }
    flush();
  }

 private:
  std::string cur_;
  std::size_t cur_link_ = 0;
  bool cur_boiler_ = false, cur_hard_ = false;
  std::size_t cur_owner_ = kNone;

  void flush() {
    if (cur_.empty()) return;
    Block b;
    b.text = squeeze(cur_);
    if (!b.text.empty() && cur_owner_ != kNone) {
      b.owner = cur_owner_;
      b.boiler = cur_boiler_;
      b.hard_boiler = cur_hard_;
      b.link_ratio =
          std::min(1.0, static_cast<double>(cur_link_) / static_cast<double>(cur_.size()));
      b.words = word_count(b.text);
      blocks.push_back(std::move(b));
    }
    cur_.clear();
    cur_link_ = 0;
  }
};

bool ends_sentence(std::string_view s) {
  if (s.empty()) return false;
  const char last = s.back();
  if (last == '.' || last == '!' || last == '?' || last == ')' || last == '"' || last == ':' ||
      last == ';')
    return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" ||  // ”
                           s.substr(s.size() - 3) == "\xE2\x80\xA6" ||  // …
                           s.substr(s.size() - 2) == "\xC2\xBB");       // »
}

bool has_letter(std::string_view s) {
  for (char ch : s)
    if (std::isalpha(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80)
      return true;
  return false;
}

std::size_t commas(std::string_view s) {
  std::size_t c = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == ',') {
      ++c;
    } else if (b >= 0xD8 && b != 0xE2) {
      // full-width and ideographic commas (U+FF0C, U+3001), Arabic comma (U+060C)
      const std::string_view rest = s.substr(i, 3);
      if (rest == "\xEF\xBC\x8C" || rest == "\xE3\x80\x81" || rest.substr(0, 2) == "\xD8\x8C") ++c;
    }
  }
  return c;
}

int tag_weight(const xmlNode* n) {
  static constexpr const char* kPlus5[] = {"div", "article", "main", "section"};
  static constexpr const char* kPlus3[] = {"pre", "td", "blockquote"};
  static constexpr const char* kMinus3[] = {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"};
  static constexpr const char* kMinus5[] = {"h1", "h2", "h3", "h4", "h5", "h6", "th"};
  if (name_in(n, kPlus5)) return 5;
  if (name_in(n, kPlus3)) return 3;
  if (name_in(n, kMinus3)) return -3;
  if (name_in(n, kMinus5)) return -5;
  return 0;
}

struct Content {
  std::vector<std::size_t> roots;  // element indices, in document order
  bool inside(const Page& p, std::size_t e) const {
    for (std::size_t r : roots)
      if (e >= r && e < r + p.elems[r].size) return true;
    return false;
  }
};

// Steps 3 and 4: the content roots.
Content find_content(Page& p) {
  auto& E = p.elems;
  // the block-level element around a block's own element (the card, the body container)
  auto container = [&](std::size_t owner) {
    const std::size_t up = E[owner].parent;
    return up == kNone ? owner : E[up].block_owner == kNone ? up : E[up].block_owner;
  };
  // statistics of the subtrees (boilerplate left out), and the links of the containers
  std::vector<bool> has_link_line(E.size(), false);
  for (const Block& b : p.blocks) {
    if (b.boiler) continue;
    Elem& o = E[b.owner];
    const double len = static_cast<double>(b.text.size());
    o.chars += len;
    o.links += len * b.link_ratio;
    if (b.link_ratio > 0.5 && b.text.size() >= 15) has_link_line[container(b.owner)] = true;
  }
  for (std::size_t i = E.size(); i-- > 0;) {
    if (E[i].parent == kNone) continue;
    E[E[i].parent].chars += E[i].chars;
    E[E[i].parent].links += E[i].links;
  }
  // teasers: prose in a small container that also holds a linked title
  for (Block& b : p.blocks) {
    const std::size_t c = container(b.owner);
    b.teaser = b.link_ratio < 0.5 && has_link_line[c] && E[c].chars < 500;
  }
  for (const Block& b : p.blocks)
    if (!b.boiler && !b.teaser && b.link_ratio < 0.5)
      E[b.owner].good += static_cast<double>(b.text.size()) * (1.0 - b.link_ratio);
  for (std::size_t i = E.size(); i-- > 0;)
    if (E[i].parent != kNone) E[E[i].parent].good += E[i].good;
  auto density = [&](std::size_t i) { return E[i].chars > 0 ? E[i].links / E[i].chars : 0.0; };
  // paragraph scores for the ancestors
  for (const Block& b : p.blocks) {
    if (b.boiler || b.teaser || b.text.size() < 25 || b.link_ratio >= 0.5 ||
        is_heading(E[b.owner].node))
      continue;
    double s = 1.0 + static_cast<double>(commas(b.text)) +
               std::min(3.0, static_cast<double>(b.text.size()) / 100.0);
    if (name_is(E[b.owner].node, "li")) s *= 0.5;
    std::size_t a = E[b.owner].parent;
    for (int level = 0; level < 5 && a != kNone; ++level, a = E[a].parent) {
      if (E[a].boiler) break;
      if (!E[a].scored) {
        E[a].scored = true;
        E[a].score = 25.0 * E[a].hint + tag_weight(E[a].node);
      }
      E[a].score += level == 0 ? s : level == 1 ? s / 2.0 : s / (3.0 * level);
    }
  }
  std::size_t top = kNone;
  double best = 0;
  auto final_score = [&](std::size_t i) { return E[i].score * (1.0 - density(i)); };
  for (std::size_t i = 0; i < E.size(); ++i) {
    if (!E[i].scored) continue;
    const double f = final_score(i);
    if (top == kNone || f > best) {
      top = i;
      best = f;
    }
  }
  Content c;
  if (top == kNone) {
    // no paragraph at all: the <main> or <article>, else everything
    for (std::size_t i = 0; i < E.size() && top == kNone; ++i)
      if (name_is(E[i].node, "main") || name_is(E[i].node, "article") ||
          attr(E[i].node, "role") == "main")
        top = i;
    c.roots.push_back(top == kNone ? 0 : top);
    return c;
  }
  // shrink to the child holding most (80%) of the good text: a <main> or "main-wrapper"
  // whose hint outscores the body container below it
  for (bool shrunk = true; shrunk;) {
    shrunk = false;
    for (std::size_t k = top + 1; k < top + E[top].size; k += E[k].size) {
      if (E[k].boiler || is_text_element(E[k].node) || E[k].good <= 0 ||
          E[k].good < 0.8 * E[top].good)
        continue;
      top = k;
      shrunk = true;
      break;
    }
  }
  // grow while an ancestor up to three levels up holds clearly more good text (a gallery's
  // captions, a body split around an advertisement)
  for (bool grown = true; grown;) {
    grown = false;
    std::size_t up = E[top].parent;
    for (int level = 0; level < 3 && up != kNone; ++level, up = E[up].parent) {
      if (E[up].boiler || density(up) > 0.5) break;
      if (E[up].good >= 1.25 * E[top].good) {
        top = up;
        grown = true;
        break;
      }
    }
  }
  // siblings holding prose with few links (an introduction before an advertisement, a second
  // body part), or scoring well themselves (as readability does)
  const double top_score = E[top].scored ? final_score(top) : 0.0;
  const std::size_t parent = E[top].parent;
  if (parent == kNone) {
    c.roots.push_back(top);
    return c;
  }
  const std::size_t end = parent + E[parent].size;
  std::vector<bool> prose_in(E.size(), false);
  for (const Block& b : p.blocks)
    if (!b.boiler && !b.teaser && b.text.size() >= 80 && b.link_ratio < 0.25 &&
        ends_sentence(b.text))
      prose_in[b.owner] = true;
  for (std::size_t s = parent + 1; s < end; s += E[s].size) {
    if (s == top) {
      c.roots.push_back(s);
      continue;
    }
    if (E[s].boiler || density(s) > 0.3) continue;
    if (E[s].scored && final_score(s) >= std::max(10.0, 0.2 * top_score)) {
      c.roots.push_back(s);
      continue;
    }
    if (density(s) > 0.15 || E[s].good < 0.1 * E[top].good) continue;
    bool prose = false;
    for (std::size_t k = s; k < s + E[s].size && !prose; ++k) prose = prose_in[k];
    if (prose) c.roots.push_back(s);
  }
  return c;
}

// Text of a JSON string value after `"key"` (first occurrence from `from`), unescaped simply.
std::string json_value(std::string_view json, std::string_view key, std::size_t from = 0) {
  const std::string pat = "\"" + std::string(key) + "\"";
  const std::size_t at = json.find(pat, from);
  if (at == std::string_view::npos) return {};
  std::size_t i = at + pat.size();
  while (i < json.size() && (json[i] == ' ' || json[i] == ':' || json[i] == '\n' ||
                             json[i] == '\t' || json[i] == '\r'))
    ++i;
  if (i >= json.size() || json[i] != '"') return {};
  std::string out;
  for (++i; i < json.size() && json[i] != '"'; ++i) {
    if (json[i] == '\\' && i + 1 < json.size()) {
      ++i;
      if (json[i] == 'n' || json[i] == 't' || json[i] == 'r')
        out += ' ';
      else if (json[i] != 'u')
        out += json[i];
      continue;
    }
    out += json[i];
  }
  return out;
}

// The author of JSON-LD: "author": "Name", {"name": "Name"} or [{"name": "Name"}, ...].
std::string json_author(std::string_view json) {
  const std::size_t at = json.find("\"author\"");
  if (at == std::string_view::npos) return {};
  std::string direct = json_value(json, "author", at);
  if (!direct.empty()) return direct;
  const std::size_t name = json.find("\"name\"", at);
  if (name == std::string_view::npos || name > at + 200) return {};
  return json_value(json, "name", at);
}

std::optional<DateTime> date_of(const std::string& s) {
  if (s.size() >= 10) {
    if (auto d = parse_date_time(s)) return d;
    if (auto d = parse_date_time(s.substr(0, 10))) return d;
  }
  if (auto m = parse_date_prefix(s)) return m->date;
  return std::nullopt;
}

std::string language_of(const std::string& tag) {
  if (tag.empty()) return {};
  return lower(tag.substr(0, tag.find_first_of("-_")));
}

// Reads the page's metadata; URLs only when the URL filter allows them (or `trusted`).
void read_meta(const xmlNode* root, PageMeta& meta, bool trusted) {
  const auto usable = [trusted](const std::string& url) {
    return trusted || detail::is_safe_url(url);
  };
  const xmlNode* n = root;
  std::string og_title, title, og_locale, ld_language, ld_author;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      if (name_is(n, "html")) {
        const std::string lang = attr(n, "lang").empty() ? attr(n, "xml:lang") : attr(n, "lang");
        meta.language = language_of(lang);
      } else if (name_is(n, "meta")) {
        const std::string prop =
            lower(attr(n, "property").empty() ? attr(n, "name") : attr(n, "property"));
        const std::string content = attr(n, "content");
        if (prop == "og:title" || prop == "twitter:title") {
          if (og_title.empty()) og_title = content;
        } else if (prop == "article:published_time" || prop == "date" || prop == "dc.date" ||
                   prop == "dc.date.issued" || prop == "dcterms.date" ||
                   prop == "citation_publication_date" || prop == "publish-date" ||
                   prop == "pubdate" || prop == "og:published_time" ||
                   prop == "govuk:first-published-at" || prop == "sailthru.date" ||
                   prop == "parsely-pub-date") {
          if (!meta.date) meta.date = date_of(content);
        } else if (prop == "author" || prop == "article:author" || prop == "dc.creator" ||
                   prop == "parsely-author") {
          // article:author is often a profile URL
          if (meta.author.empty() && content.find("://") == std::string::npos)
            meta.author = content;
        } else if (prop == "og:url") {
          if (usable(content)) meta.url = content;
        } else if (prop == "og:locale") {
          og_locale = content;
        } else if (lower(attr(n, "http-equiv")) == "content-language" && og_locale.empty()) {
          og_locale = content;
        }
      } else if (name_is(n, "title")) {
        if (n->children && n->children->content && title.empty())
          title = squeeze(reinterpret_cast<const char*>(n->children->content));
      } else if (name_is(n, "script") && lower(attr(n, "type")) == "application/ld+json") {
        std::string json;
        for (const xmlNode* c = n->children; c; c = c->next)
          if (c->content) json += reinterpret_cast<const char*>(c->content);
        if (json.size() > (1u << 20)) json.resize(1u << 20);
        const std::string h = json_value(json, "headline");
        if (!h.empty() && meta.headline.empty()) meta.headline = squeeze(h);
        const std::string d = json_value(json, "datePublished");
        if (!d.empty() && !meta.date) meta.date = date_of(d);
        const std::string l = json_value(json, "inLanguage");
        if (!l.empty() && ld_language.empty()) ld_language = language_of(l);
        if (ld_author.empty()) ld_author = squeeze(json_author(json));
      } else if (name_is(n, "link") && attr(n, "rel") == "canonical" && meta.url.empty()) {
        const std::string href = attr(n, "href");
        if (usable(href)) meta.url = href;
      }
      if (n->children && !name_is(n, "script") && !name_is(n, "style")) {
        n = n->children;
        continue;
      }
    }
    while (n && n != root && !n->next) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
  if (meta.headline.empty()) meta.headline = squeeze(!og_title.empty() ? og_title : title);
  if (meta.language.empty())
    meta.language = !ld_language.empty() ? ld_language : language_of(og_locale);
  if (meta.author.empty()) meta.author = ld_author;
}

// The deepest nesting of elements under `root` (root = 1), without recursion.
std::size_t tree_depth(const xmlNode* root) {
  std::size_t depth = 1;
  std::size_t deepest = 1;
  const xmlNode* n = root;
  while (n) {
    if (n->children) {
      n = n->children;
      deepest = std::max(deepest, ++depth);
      continue;
    }
    while (n != root && !n->next) {
      n = n->parent;
      --depth;
    }
    if (n == root) break;
    n = n->next;
  }
  return deepest;
}

// Normalised for comparing a heading with the metadata headline.
std::string fold(std::string_view s) {
  std::string out;
  for (char c : lower(s))
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      out += c;
  return out;
}

}  // namespace

Result<std::vector<std::string>> html_blocks(std::string_view html, const extract::Options& options,
                                             PageMeta& meta) {
  if (html.size() > static_cast<std::size_t>(INT32_MAX))
    return detail::make_error(ErrorCode::limit_exceeded, "html", "page too large");
  // No network, no error output, recover from broken markup. XML_PARSE_HUGE lifts libxml2's
  // own caps (256 levels, 10 MB text nodes), which would cut a page silently; pressroom's
  // limits are checked instead: the input size before parsing, limits.max_depth on the tree
  // here (every walk below is iterative), limits.max_string_bytes on every block (extract.cpp).
  const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT |
                    XML_PARSE_HUGE;  // the HTML parser honours it too
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", flags));
  if (!doc) return detail::make_error(ErrorCode::syntax, "html", "not parseable as HTML");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return detail::make_error(ErrorCode::syntax, "html", "the page has no elements");
  if (tree_depth(root) > options.limits.max_depth)
    return detail::make_error(ErrorCode::limit_exceeded, "html",
                              "elements nest deeper than " +
                                  std::to_string(options.limits.max_depth) +
                                  " levels (limits.max_depth)");
  read_meta(root, meta, options.trusted);

  Page page;
  page.index(root);
  if (page.elems.empty()) return std::vector<std::string>{};
  page.collect(root);
  const Content content = find_content(page);
  const auto& E = page.elems;
  const auto& B = page.blocks;

  // the blocks of the content, in reading order
  std::vector<std::size_t> body;
  for (std::size_t i = 0; i < B.size(); ++i)
    if (content.inside(page, B[i].owner)) body.push_back(i);
  const std::size_t first_body = body.empty() ? B.size() : body.front();

  // the headline element: the <h1> that matches the metadata, else the last one before the
  // content, else the first one in it
  std::size_t head = kNone;
  {
    const std::string want = fold(meta.headline);
    std::size_t before = kNone, in = kNone, match = kNone;
    for (std::size_t i = 0; i < B.size(); ++i) {
      const Elem& o = E[B[i].owner];
      if (!name_is(o.node, "h1") || B[i].hard_boiler || B[i].link_ratio > 0.5) continue;
      const std::string f = fold(B[i].text);
      if (match == kNone && !f.empty() && !want.empty() &&
          (f == want || (f.size() >= 20 && want.find(f) != std::string::npos)))
        match = i;
      if (i < first_body) before = i;
      if (i >= first_body && in == kNone && content.inside(page, B[i].owner)) in = i;
    }
    head = match != kNone ? match : before != kNone ? before : in;
    // no <h1>: a title line at the top of the content that the metadata repeats
    if (head == kNone && want.size() >= 20) {
      for (std::size_t k = 0; k < body.size() && k < 6; ++k) {
        const Block& b = B[body[k]];
        const std::string f = fold(b.text);
        if (b.words <= 25 && f.size() >= 20 && want.find(f) != std::string::npos) {
          head = body[k];
          break;
        }
      }
    }
  }

  std::vector<std::string> out;
  // lines before the content: navigation blurbs and the site's name (link lists dropped)
  for (std::size_t i = 0; i < first_body; ++i) {
    const Block& b = B[i];
    if (i == head) continue;
    if (b.link_ratio > 0.6 && b.words < 30) continue;
    out.push_back(b.text);
  }
  if (head != kNone) {
    meta.headline_line = out.size();
    out.push_back(B[head].text);
  }
  meta.content_begin = out.size();
  bool prose_seen = false;
  for (std::size_t i : body) {
    const Block& b = B[i];
    if (i == head || b.boiler || b.teaser) continue;
    if (b.link_ratio > 0.5 && b.words < 30) continue;
    // times and counters ("15:42", "3/12"): no letter at all, outside tables
    if (!has_letter(b.text) && !name_is(E[b.owner].node, "td") && !name_is(E[b.owner].node, "th"))
      continue;
    // after the first paragraph, short labels of containers: credits, counters,
    // "Advertisement" (before it, the title and byline of pages without <h1>)
    const xmlNode* owner = E[b.owner].node;
    if (prose_seen && !is_text_element(owner) && b.words <= 6 && !ends_sentence(b.text)) continue;
    if (b.text.size() >= 80 && ends_sentence(b.text)) prose_seen = true;
    out.push_back(b.text);
  }
  return out;
}

}  // namespace pressroom::extract_detail
