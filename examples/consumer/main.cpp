// SPDX-License-Identifier: MIT
// Builds a one-article Document and writes it as canonical JSON to standard output.
#include <pressroom/json.hpp>
#include <pressroom/model/document.hpp>

#include <iostream>

// [doc:version-check]
#include <pressroom/config.hpp>
static_assert(PRESSROOM_VERSION_MAJOR == 0 && PRESSROOM_VERSION_MINOR >= 1,
              "needs pressroom 0.1 or a later 0.x release");
// [doc:version-check]

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
