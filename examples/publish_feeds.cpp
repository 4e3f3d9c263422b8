// SPDX-License-Identifier: MIT
// Builds a press office's Document in code (feed metadata, the publishing organization, two
// releases), lints it for RSS 2.0, Atom 1.0 and JSON Feed 1.1, and publishes each feed unless
// its lint finds something missing. Without an argument the feeds go to standard output; with a
// directory they are written there atomically (feed.rss, feed.atom, feed.json).
//
//   publish_feeds [DIR]
#include <pressroom/atom.hpp>
#include <pressroom/io.hpp>
#include <pressroom/jsonfeed.hpp>
#include <pressroom/rss.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace {

// [doc:build-document]
pressroom::Document press_office() {
  pressroom::Document doc;

  pressroom::Organization ngo;
  ngo.id = "org:harbour-watch";
  ngo.name = "Harbour Watch";
  ngo.url = "https://harbour-watch.example/";
  doc.organizations.push_back(ngo);

  doc.feed.title = "Harbour Watch press releases";
  doc.feed.description = "Press releases of Harbour Watch, the seafarers' welfare charity";
  doc.feed.home_page_url = "https://harbour-watch.example/press/";
  doc.feed.id = "https://harbour-watch.example/press/";
  doc.feed.language = "en";
  doc.feed.updated = pressroom::parse_date_time("2024-04-02T10:00:00Z");
  doc.feed.publisher_id = ngo.id;

  pressroom::Article report;
  report.id = "https://harbour-watch.example/press/2024-inspections";
  report.url = report.id;
  report.headline = "Harbour Watch publishes its 2024 inspection report";
  report.summary = "Inspectors visited 40 harbours and spoke with 1,200 crew members.";
  report.date_published = pressroom::parse_date_time("2024-03-12T09:30:00Z");
  report.body.push_back({pressroom::BlockType::paragraph, report.summary});
  report.authors.push_back({ngo.id, ngo.name, {"publisher"}, ""});
  report.publisher_id = ngo.id;
  doc.articles.push_back(report);

  pressroom::Article helpline;
  helpline.id = "https://harbour-watch.example/press/helpline";
  helpline.url = helpline.id;
  helpline.headline = "A 24-hour helpline for crew members in distress";
  helpline.summary = "Crew members can now call the helpline in 12 languages.";
  helpline.date_published = pressroom::parse_date_time("2024-04-02T10:00:00Z");
  helpline.body.push_back({pressroom::BlockType::paragraph, helpline.summary});
  helpline.authors.push_back({ngo.id, ngo.name, {"publisher"}, ""});
  helpline.publisher_id = ngo.id;
  doc.articles.push_back(helpline);
  return doc;
}
// [doc:build-document]

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : "";
  const pressroom::Document doc = press_office();

  // [doc:lint-and-write]
  struct Target {
    const char* file;
    std::vector<pressroom::Error> (*lint)(const pressroom::Document&);
    pressroom::Result<std::string> (*write)(const pressroom::Document&,
                                            const pressroom::WriteOptions&);
  };
  const Target targets[] = {{"feed.rss", pressroom::rss::lint, pressroom::rss::write},
                            {"feed.atom", pressroom::atom::lint, pressroom::atom::write},
                            {"feed.json", pressroom::jsonfeed::lint, pressroom::jsonfeed::write}};
  int status = 0;
  for (const Target& target : targets) {
    // Lint first. A missing field would make a poor feed: fix the Document before publishing.
    // `unsupported` marks what only pressroom's own extension carries (foreign readers do not
    // see it): worth knowing, not a reason to hold the feed back.
    bool publishable = true;
    for (const pressroom::Error& issue : target.lint(doc)) {
      std::cout << target.file << ": " << pressroom::to_string(issue) << '\n';
      if (issue.code != pressroom::ErrorCode::unsupported) publishable = false;
    }
    if (!publishable) {
      status = 1;
      continue;
    }
    pressroom::Document copy = doc;  // each feed names its own address as rel="self"
    copy.feed.feed_url = "https://harbour-watch.example/press/" + std::string(target.file);
    const pressroom::Result<std::string> feed = target.write(copy, pressroom::WriteOptions{});
    for (const pressroom::Error& warning : feed.warnings()) {
      std::cout << target.file << ": " << pressroom::to_string(warning) << '\n';
    }
    if (!feed) {
      std::cout << target.file << ": " << pressroom::to_string(feed.error()) << '\n';
      status = 1;
      continue;
    }
    if (dir.empty()) {
      std::cout << "==> " << target.file << " <==\n" << *feed << '\n';
    } else if (const pressroom::Status written =
                   pressroom::write_file_atomic(dir + "/" + target.file, *feed);
               !written) {
      std::cout << target.file << ": " << pressroom::to_string(written.error()) << '\n';
      status = 1;
    }
  }
  // [doc:lint-and-write]
  return status;
}
