// SPDX-License-Identifier: MIT
// Extracts a press release from the text of its web page (pressroom::extract, library target
// pressroom::extract): the article with its headline, dateline and body, and the
// organizations, commissioners, laws and contacts the page names. Prints a summary; `pressroom
// extract PAGE --to json` prints the whole Document.
//
//   extract_page PAGE.txt|PAGE.html
#include <pressroom/extract.hpp>
#include <pressroom/io.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: extract_page PAGE.txt|PAGE.html\n";
    return 2;
  }
  const std::string path = argv[1];
  auto page = pressroom::read_file(path);
  if (!page) {
    std::cerr << path << ": " << pressroom::to_string(page.error()) << '\n';
    return 1;
  }

  // [doc:extract]
  pressroom::extract::Options options;
  options.default_region = "GB";  // for phone numbers printed in national form
  const bool html = path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0;
  const pressroom::Result<pressroom::Document> doc =
      html ? pressroom::extract::from_html(*page, options)
           : pressroom::extract::from_text(*page, options);
  for (const pressroom::Error& warning : doc.warnings()) {
    std::cerr << path << ": " << pressroom::to_string(warning) << '\n';
  }
  if (!doc) {
    std::cerr << path << ": " << pressroom::to_string(doc.error()) << '\n';
    return 1;
  }
  const pressroom::Article& article = doc->articles.front();  // one page, one article
  // [doc:extract]

  // [doc:summary]
  std::cout << "headline:  " << article.headline << '\n';
  if (article.dateline) std::cout << "dateline:  " << article.dateline->raw << '\n';
  if (article.date_published) {
    std::cout << "published: " << pressroom::to_string(*article.date_published) << '\n';
  }
  std::cout << "body:      " << article.body.size() << " block(s)\n";
  for (const pressroom::Organization& org : doc->organizations) {
    std::cout << "organization: " << org.name << " [" << org.id << "]\n";
  }
  for (const pressroom::Commissioner& c : doc->commissioners) {
    std::cout << "commissioner: " << c.name.full << ", " << c.office.title << '\n';
  }
  for (const pressroom::Legislation& law : doc->legislation) {
    std::cout << "legislation:  " << law.title << '\n';
  }
  for (const pressroom::Contact& contact : doc->contacts) {
    std::cout << "contact:      " << contact.name.full;
    for (const pressroom::Email& email : contact.emails) std::cout << ' ' << email.address;
    for (const pressroom::PhoneNumber& phone : contact.phones) std::cout << ' ' << phone.e164;
    std::cout << '\n';
  }
  // [doc:summary]
  return 0;
}
