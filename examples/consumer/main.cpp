// SPDX-License-Identifier: MIT
// Builds a one-article Document and writes it as canonical JSON to standard output.
#include <pressroom/json.hpp>
#include <pressroom/model/document.hpp>

#include <iostream>

int main() {
  pressroom::Document doc;
  pressroom::Article article;
  article.id = "art:consumer";
  article.headline = "pressroom links";
  article.body.push_back({pressroom::BlockType::paragraph, "Found and linked."});
  doc.articles.push_back(article);

  auto json = pressroom::json::write(doc);
  for (const auto& warning : json.warnings()) std::cerr << pressroom::to_string(warning) << '\n';
  if (!json) {
    std::cerr << pressroom::to_string(json.error()) << '\n';
    return 1;
  }
  std::cout << *json;
  return 0;
}
