// SPDX-License-Identifier: MIT
// Writes an RSS 2.0 feed of two press releases to standard output, after checking with
// rss::lint() that nothing is missing. README's first library example.
// [doc:feed]
#include <pressroom/rss.hpp>

#include <iostream>

int main() {
  pressroom::Document doc;
  doc.feed.title = "Harbour Watch press releases";
  doc.feed.description = "Press releases of Harbour Watch";
  doc.feed.home_page_url = "https://harbour-watch.example/press/";

  pressroom::Article report;
  report.id = report.url = "https://harbour-watch.example/press/inspections";
  report.headline = "Harbour Watch publishes its inspection report";
  report.date_published = pressroom::parse_date_time("2024-03-12T09:30:00Z");
  doc.articles.push_back(report);

  pressroom::Article helpline;
  helpline.id = helpline.url = "https://harbour-watch.example/press/helpline";
  helpline.headline = "A 24-hour helpline for crew members";
  helpline.date_published = pressroom::parse_date_time("2024-04-02T10:00:00Z");
  doc.articles.push_back(helpline);

  for (const pressroom::Error& issue : pressroom::rss::lint(doc)) {
    std::cerr << pressroom::to_string(issue) << '\n';
  }
  const pressroom::Result<std::string> rss = pressroom::rss::write(doc);
  if (!rss) {
    std::cerr << pressroom::to_string(rss.error()) << '\n';
    return 1;
  }
  std::cout << *rss;
}
// [doc:feed]
