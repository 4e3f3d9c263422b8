// SPDX-License-Identifier: MIT
// The HTML front end: libxml2's HTML parser (no network, recover mode, depth-limited by the
// parser), metadata from JSON-LD / OpenGraph / meta tags, and the page's text blocks in
// reading order without scripts, navigation, footers and link lists. The blocks then go
// through the text pipeline.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <memory>

#include "detail/text.hpp"
#include "extract/pipeline.hpp"
#include "extract/rules.hpp"

namespace pressroom::extract_detail {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool name_is(const xmlNode* n, const char* name) {
  return n->name && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
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

bool skipped(const xmlNode* n) {
  // Navigation is not skipped: menus are dropped by link density, and the blurbs of a mega
  // menu ("Who we are: ...") are mined for organization facts by the text pipeline.
  static constexpr const char* kSkip[] = {"script", "style", "noscript", "template", "svg",
                                          "footer", "aside", "form",     "iframe",   "button",
                                          "select", "head",  "object",   "canvas"};
  for (const char* s : kSkip)
    if (name_is(n, s)) return true;
  const std::string role = attr(n, "role");
  if (role == "contentinfo" || role == "search") return true;
  return attr(n, "aria-hidden") == "true";
}

bool is_block(const xmlNode* n) {
  static constexpr const char* kBlocks[] = {
      "p",          "h1",   "h2",      "h3",      "h4",         "h5",     "h6", "li",
      "blockquote", "div",  "section", "article", "main",       "header", "td", "th",
      "dd",         "dt",   "pre",     "address", "figcaption", "tr",     "ul", "ol",
      "table",      "body", "dl",      "figure",  "hr",         "br"};
  for (const char* b : kBlocks)
    if (name_is(n, b)) return true;
  return false;
}

// Text of a JSON string value after `"key"` (first occurrence), unescaped simply.
std::string json_value(std::string_view json, std::string_view key) {
  const std::string pat = "\"" + std::string(key) + "\"";
  const std::size_t at = json.find(pat);
  if (at == std::string_view::npos) return {};
  std::size_t i = at + pat.size();
  while (i < json.size() && (json[i] == ' ' || json[i] == ':' || json[i] == '\n')) ++i;
  if (i >= json.size() || json[i] != '"') return {};
  std::string out;
  for (++i; i < json.size() && json[i] != '"'; ++i) {
    if (json[i] == '\\' && i + 1 < json.size()) {
      ++i;
      if (json[i] == 'n')
        out += ' ';
      else if (json[i] != 'u')
        out += json[i];
      continue;
    }
    out += json[i];
  }
  return out;
}

std::optional<DateTime> date_of(const std::string& s) {
  if (s.size() >= 10) {
    if (auto d = parse_date_time(s)) return d;
    if (auto d = parse_date_time(s.substr(0, 10))) return d;
  }
  if (auto m = parse_date_prefix(s)) return m->date;
  return std::nullopt;
}

struct Walker {
  const xmlNode* main = nullptr;  // the main-content element, if any
  std::vector<std::string> blocks;
  std::vector<double> link_ratio;
  std::vector<int> region;  // 0 before the main content, 1 inside it, 2 after it
  std::string cur;
  std::size_t cur_link = 0;
  const xmlNode* owner = nullptr;  // the block element the current text belongs to
  bool passed_main = false;
  void flush() {
    std::string s = squeeze(cur);
    if (!s.empty()) {
      link_ratio.push_back(static_cast<double>(cur_link) / static_cast<double>(s.size()));
      int r = 1;
      if (main) r = (owner && inside(owner, main)) ? 1 : passed_main ? 2 : 0;
      region.push_back(r);
      blocks.push_back(std::move(s));
    }
    cur.clear();
    cur_link = 0;
  }
  static bool inside(const xmlNode* n, const xmlNode* ancestor) {
    for (; n; n = n->parent)
      if (n == ancestor) return true;
    return false;
  }
  // Iterative pre-order walk (no recursion: the tree may be deep).
  void walk(const xmlNode* root) {
    const xmlNode* n = root;
    int in_link = 0;
    while (n) {
      bool descend = false;
      if (n->type == XML_ELEMENT_NODE) {
        if (!skipped(n)) {
          if (is_block(n)) {
            flush();
            owner = n;
          }
          if (name_is(n, "a")) ++in_link;
          descend = n->children != nullptr;
          if (!descend) {
            if (name_is(n, "a")) --in_link;
            if (is_block(n)) flush();
          }
        }
      } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) {
          const char* t = reinterpret_cast<const char*>(n->content);
          const std::size_t len = std::strlen(t);
          cur.append(t, len);
          if (in_link) cur_link += len;
        }
      }
      if (descend) {
        n = n->children;
        continue;
      }
      // next sibling, or climb up closing elements
      while (n && n != root && !n->next) {
        n = n->parent;
        if (n && n->type == XML_ELEMENT_NODE) {
          if (name_is(n, "a")) --in_link;
          if (is_block(n)) {
            flush();
            owner = n->parent;
          }
          if (n == main) {
            flush();
            passed_main = true;
          }
        }
      }
      if (!n || n == root) break;
      if (n == main) {
        flush();
        passed_main = true;
      }
      n = n->next;
    }
    flush();
  }
};

// The element holding the main content: the first <article> or <main>, else none.
const xmlNode* find_main(const xmlNode* root, const xmlNode** h1) {
  const xmlNode* found = nullptr;
  const xmlNode* n = root;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      if (!found && (name_is(n, "article") || name_is(n, "main") || attr(n, "role") == "main"))
        found = n;
      if (!*h1 && name_is(n, "h1")) *h1 = n;
      if (n->children && !skipped(n)) {
        n = n->children;
        continue;
      }
    }
    while (n && n != root && !n->next) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
  return found;
}

void read_meta(const xmlNode* root, PageMeta& meta) {
  const xmlNode* n = root;
  std::string og_title, title;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      if (name_is(n, "html")) {
        std::string lang = attr(n, "lang");
        if (!lang.empty()) meta.language = lower(lang.substr(0, lang.find_first_of("-_")));
      } else if (name_is(n, "meta")) {
        const std::string prop =
            attr(n, "property").empty() ? attr(n, "name") : attr(n, "property");
        const std::string content = attr(n, "content");
        if (prop == "og:title" || prop == "twitter:title") {
          if (og_title.empty()) og_title = content;
        } else if (prop == "article:published_time" || prop == "date" || prop == "dc.date" ||
                   prop == "DC.date" || prop == "citation_publication_date") {
          if (!meta.date) meta.date = date_of(content);
        } else if (prop == "author" || prop == "article:author") {
          if (meta.author.empty()) meta.author = content;
        } else if (prop == "og:url") {
          meta.url = content;
        }
      } else if (name_is(n, "title")) {
        if (n->children && n->children->content)
          title = squeeze(reinterpret_cast<const char*>(n->children->content));
      } else if (name_is(n, "script") && attr(n, "type") == "application/ld+json") {
        std::string json;
        for (const xmlNode* c = n->children; c; c = c->next)
          if (c->content) json += reinterpret_cast<const char*>(c->content);
        const std::string h = json_value(json, "headline");
        if (!h.empty() && meta.headline.empty()) meta.headline = h;
        const std::string d = json_value(json, "datePublished");
        if (!d.empty() && !meta.date) meta.date = date_of(d);
        const std::string l = json_value(json, "inLanguage");
        if (!l.empty() && meta.language.empty()) meta.language = lower(l.substr(0, l.find('-')));
      } else if (name_is(n, "link") && attr(n, "rel") == "canonical" && meta.url.empty()) {
        meta.url = attr(n, "href");
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
  if (meta.headline.empty()) meta.headline = !og_title.empty() ? og_title : title;
}

}  // namespace

Result<std::vector<std::string>> html_blocks(std::string_view html, const extract::Options& options,
                                             PageMeta& meta) {
  (void)options;
  if (html.size() > static_cast<std::size_t>(INT32_MAX))
    return detail::make_error(ErrorCode::limit_exceeded, "html", "page too large");
  // No network, no error output, recover from broken markup; the parser's own depth limit
  // (256 without HTML_PARSE_HUGE) bounds nesting.
  const int flags = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                    HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", flags));
  if (!doc) return detail::make_error(ErrorCode::syntax, "html", "not parseable as HTML");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return detail::make_error(ErrorCode::syntax, "html", "the page has no elements");
  read_meta(root, meta);
  const xmlNode* h1 = nullptr;
  Walker w;
  w.main = find_main(root, &h1);
  w.walk(root);
  std::vector<std::string> out;
  // Link lists (menus, related links) have most of their text in links.
  // Blocks after the main content (related links, footers) are dropped.
  for (std::size_t i = 0; i < w.blocks.size(); ++i) {
    if (w.region[i] == 2) continue;
    if (w.link_ratio[i] > 0.6 && word_count(w.blocks[i]) < 30) continue;
    out.push_back(std::move(w.blocks[i]));
  }
  return out;
}

}  // namespace pressroom::extract_detail
