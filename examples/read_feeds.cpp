// SPDX-License-Identifier: MIT
// Reads a feed found in the wild, whatever its format (RSS, Atom or JSON Feed, detected from
// the content), first leniently: every repair is a warning with its position and the model
// path it concerns, and the articles that could be read are listed. Then strictly: the first
// issue is the error and nothing is returned. Last, record by record, as a program reading a
// big feed would.
//
//   read_feeds FEED [BASE_URL]
#include <pressroom/pressroom.hpp>

#include <fstream>
#include <iostream>
#include <string>
#include <variant>

namespace {

// [doc:print-diagnostic]
// "FILE:LINE:COL: warning: message (at path) [format/code]", as compilers print them.
void print(const std::string& path, const pressroom::Error& e) {
  std::cout << path << (e.line > 0 ? ":" : ": ") << pressroom::to_string(e) << '\n';
}
// [doc:print-diagnostic]

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: read_feeds FEED [BASE_URL]\n";
    return 2;
  }
  const std::string path = argv[1];
  auto input = pressroom::read_file(path);
  if (!input) {
    print(path, input.error());
    return 1;
  }

  // [doc:read-lenient]
  const auto registry = pressroom::Registry::with_builtin_formats();
  const pressroom::Format* format = registry.detect(*input, path);
  if (format == nullptr || !format->read) {
    std::cout << path << ": not a feed pressroom reads\n";
    return 1;
  }
  pressroom::ReadOptions options;             // lenient: repair what can be repaired, and say so
  if (argc == 3) options.base_url = argv[2];  // resolves relative links such as "/news/a"
  const pressroom::Result<pressroom::Document> doc = format->read(*input, options);
  for (const pressroom::Error& warning : doc.warnings()) print(path, warning);
  if (!doc) {
    print(path, doc.error());
    return 1;
  }
  // [doc:read-lenient]

  std::cout << format->name << ": \"" << doc->feed.title << "\", " << doc->articles.size()
            << " article(s), " << doc.warnings().size() << " warning(s)\n";
  for (const pressroom::Article& article : doc->articles) {
    const std::string date =
        article.date_published ? pressroom::to_string(*article.date_published) : "undated";
    std::cout << "  " << date << "  " << article.headline << "\n    " << article.url << '\n';
  }

  // [doc:read-strict]
  options.mode = pressroom::Mode::strict;  // the first issue is the error
  const pressroom::Result<pressroom::Document> strict = format->read(*input, options);
  if (!strict) {
    std::cout << "strict: ";
    print(path, strict.error());
  }
  // [doc:read-strict]

  // [doc:read-stream]
  if (format->read_stream) {  // rss, atom, jsonl: one record at a time, no Document held
    std::ifstream file(path, std::ios::binary);
    std::size_t articles = 0, others = 0;
    const pressroom::Status streamed = format->read_stream(
        file,
        [&](pressroom::Record&& record) -> pressroom::Status {
          if (std::holds_alternative<pressroom::Article>(record))
            ++articles;  // index it, store it...: it is dropped once this returns
          else
            ++others;  // the Feed first, then entity records as they come
          return {};   // an error here stops reading
        },
        pressroom::ReadOptions{});
    std::cout << "streamed: " << articles << " article(s), " << others << " other record(s), "
              << streamed.warnings().size() << " warning(s)\n";
  }
  // [doc:read-stream]
  return 0;
}
