// SPDX-License-Identifier: MIT
// A small XML emitter writing straight into a string (no DOM), shared by the RSS and Atom
// writers, and the pieces of the pressroom extension they both write.
#ifndef PRESSROOM_FORMATS_FEED_XML_OUT_HPP
#define PRESSROOM_FORMATS_FEED_XML_OUT_HPP

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "formats/feed/feed.hpp"
#include "pressroom/options.hpp"

namespace pressroom::feed_detail {

class XmlOut {
 public:
  XmlOut(std::string& out, const WriteOptions& options) : out_(out), options_(options) {}

  using Attr = std::pair<std::string_view, std::string_view>;

  // <name a="v"...> on its own line; attributes with empty values are left out.
  void open(std::string_view name, std::initializer_list<Attr> attrs = {}) {
    start(name, attrs);
    out_ += '>';
    ++level_;
  }
  void close(std::string_view name) {
    --level_;
    newline();
    out_ += "</";
    out_ += name;
    out_ += '>';
  }
  // <name a="v"/>.
  void empty(std::string_view name, std::initializer_list<Attr> attrs) {
    start(name, attrs);
    out_ += "/>";
  }
  // <name a="v">text</name>; nothing when `text` is empty and `always` is false.
  void element(std::string_view name, std::string_view text, std::initializer_list<Attr> attrs = {},
               bool always = false) {
    if (text.empty() && !always) return;
    start(name, attrs);
    out_ += '>';
    stripped_ += append_xml(out_, text);
    out_ += "</";
    out_ += name;
    out_ += '>';
  }
  // Raw markup already escaped, on its own line.
  void raw_line(std::string_view markup) {
    newline();
    out_ += markup;
  }
  void newline() {
    if (!options_.pretty) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(level_ * options_.indent), ' ');
  }

  std::string& out() noexcept { return out_; }
  int level() const noexcept { return level_; }
  std::size_t stripped() const noexcept { return stripped_; }
  void add_stripped(std::size_t n) noexcept { stripped_ += n; }
  const WriteOptions& options() const noexcept { return options_; }

 private:
  void start(std::string_view name, std::initializer_list<Attr> attrs) {
    newline();
    out_ += '<';
    out_ += name;
    for (const auto& a : attrs) {
      if (a.second.empty()) continue;
      out_ += ' ';
      out_ += a.first;
      out_ += "=\"";
      stripped_ += append_xml(out_, a.second, true);
      out_ += '"';
    }
  }

  std::string& out_;
  const WriteOptions& options_;
  int level_ = 0;
  std::size_t stripped_ = 0;
};

// Writes the pressroom extension of a feed's head (version, extensions, the Feed record and
// the entity tables) as children of the current element, and of one article.
void write_pressroom_head(XmlOut& x, const Document& doc);
void write_pressroom_article(XmlOut& x, const Article& article);

// The publisher of a feed: the organization of feed.publisher_id, else of the first article's
// publisher_id; null when there is none. Writers derive a missing title or link from it.
const Organization* feed_publisher(const Document& doc);
// The organization's name for `id`, or "".
std::string organization_name(const Document& doc, std::string_view id);
// The display name of a reference: its name, else the name of the entity it points to, else
// its id.
std::string ref_name(const Document& doc, const EntityRef& ref);

// Warns about a date the writer could not write as it is.
void warn_date(WriteDiagnostics& diag, DateOutcome outcome, const std::string& path);

}  // namespace pressroom::feed_detail

#endif  // PRESSROOM_FORMATS_FEED_XML_OUT_HPP
