// SPDX-License-Identifier: MIT
// Conversions between the text and HTML targets of the feed writers (see targets.hpp).
#include "formats/feed/targets.hpp"

#include "formats/feed/feed.hpp"

namespace pressroom::feed_detail {

void append_html_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* rep = nullptr;
    switch (text[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      default:
        continue;
    }
    out.append(text.data() + run, i - run);
    out += rep;
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

std::string_view for_target(const Target& target, std::string_view value, Markup from,
                            std::string& storage) {
  if (from == target.markup) return value;
  storage.clear();
  if (target.markup == Markup::html) {
    append_html_escaped(storage, value);
    return storage;
  }
  for (const Block& b : html_blocks(value)) {
    if (!storage.empty()) storage += ' ';
    storage += b.text;
  }
  return storage;
}

std::string from_target(const Target& target, std::string content, Markup to) {
  if (target.markup != Markup::html || to != Markup::text) return content;
  if (content.find('&') == std::string::npos) return content;
  static constexpr std::pair<std::string_view, char> escapes[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
  std::string out;
  out.reserve(content.size());
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '&') {
      bool decoded = false;
      for (const auto& [escape, c] : escapes) {
        if (content.compare(i, escape.size(), escape) == 0) {
          out += c;
          i += escape.size() - 1;
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += content[i];
  }
  return out;
}

}  // namespace pressroom::feed_detail
