// SPDX-License-Identifier: MIT
// Reads a Document in any format the registry knows, detected from its content (the file
// name decides a tie), and lists its articles: date, headline and publisher.
//
//   list_articles examples/data/iom-uk-modern-slavery.json
#include <pressroom/pressroom.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: list_articles FILE\n";
    return 2;
  }
  const std::string path = argv[1];
  // Diagnostics as "FILE:LINE:COL: warning: ..." (the position only when known).
  auto print = [&path](const pressroom::Error& e) {
    std::cerr << path << (e.line > 0 ? ":" : ": ") << pressroom::to_string(e) << '\n';
  };

  auto input = pressroom::read_file(path);
  if (!input) {
    print(input.error());
    return 1;
  }
  const auto registry = pressroom::Registry::with_builtin_formats();
  const pressroom::Format* format = registry.detect(*input, path);
  if (format == nullptr || !format->read) {
    std::cerr << path << ": not a format pressroom reads\n";
    return 1;
  }

  auto doc = format->read(*input, pressroom::ReadOptions{});
  for (const auto& warning : doc.warnings()) print(warning);
  if (!doc) {
    print(doc.error());
    return 1;
  }

  std::cout << path << ": " << format->name << ", " << doc->articles.size() << " article(s)\n";
  for (const auto& article : doc->articles) {
    const std::string date =
        article.date_published ? pressroom::to_string(*article.date_published) : "undated";
    const pressroom::Organization* publisher =
        pressroom::find_organization(*doc, article.publisher_id);
    std::cout << date << "  " << article.headline;
    if (publisher != nullptr) std::cout << "  (" << publisher->name << ')';
    std::cout << '\n';
  }
  return 0;
}
