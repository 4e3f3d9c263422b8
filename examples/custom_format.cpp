// SPDX-License-Identifier: MIT
// Extends pressroom with a format of its own: `csv`, one article per line with its id, date,
// headline and URL, for a spreadsheet. The format is a `pressroom::Format` (a name, a sniffer,
// a reader, a writer and what survives a round trip) added to a `Registry`; from then on
// `convert()` and format detection treat it like the built-in formats.
//
//   custom_format DOCUMENT      (prints the Document as CSV, then a CSV read back as JSON)
#include <pressroom/pressroom.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace csv {

constexpr std::string_view header = "id,date_published,headline,url";

// A field quoted when it needs to be (RFC 4180).
std::string quote(const std::string& field) {
  if (field.find_first_of(",\"\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// The fields of one line; quoted fields may hold commas and doubled quotes (not newlines).
std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// [doc:write]
pressroom::Result<std::string> write(const pressroom::Document& doc,
                                     const pressroom::WriteOptions& /*options*/) {
  std::string out = std::string(header) + '\n';
  for (const pressroom::Article& a : doc.articles) {
    const std::string date = a.date_published ? pressroom::to_string(*a.date_published) : "";
    out += quote(a.id) + ',' + date + ',' + quote(a.headline) + ',' + quote(a.url) + '\n';
  }
  pressroom::Result<std::string> result(std::move(out));
  if (!doc.organizations.empty() || !doc.contacts.empty()) {  // say what is lost
    pressroom::Error lost;
    lost.severity = pressroom::Severity::warning;
    lost.code = pressroom::ErrorCode::unsupported;
    lost.format = "csv";
    lost.message = "only articles are written; the entity tables are dropped";
    result.warnings().push_back(lost);
  }
  return result;
}
// [doc:write]

// [doc:read]
pressroom::Result<pressroom::Document> read(std::string_view input,
                                            const pressroom::ReadOptions& options) {
  pressroom::Document doc;
  std::vector<pressroom::Error> warnings;
  std::size_t line_number = 0;
  while (!input.empty()) {
    const std::size_t end = input.find('\n');
    const std::string_view line = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
    if (++line_number == 1 || line.empty()) continue;  // the header line
    const std::vector<std::string> f = split(line);
    pressroom::Error issue;  // positions make diagnostics useful: line and column
    issue.format = "csv";
    issue.line = line_number;
    issue.column = 1;
    if (f.size() != 4) {
      issue.code = pressroom::ErrorCode::syntax;
      issue.message = "expected 4 fields, found " + std::to_string(f.size());
      return issue;
    }
    pressroom::Article a;
    a.id = f[0];
    a.headline = f[2];
    a.url = f[3];
    if (!f[1].empty()) {
      a.date_published = pressroom::parse_date_time(f[1]);
      if (!a.date_published) {  // a repair: lenient mode warns, strict mode fails
        issue.code = pressroom::ErrorCode::invalid_value;
        issue.column = f[0].size() + 2;
        issue.path = "articles[" + std::to_string(doc.articles.size()) + "].date_published";
        issue.message = "unreadable date '" + f[1] + "' dropped";
        if (options.mode == pressroom::Mode::strict) return issue;
        issue.severity = pressroom::Severity::warning;
        warnings.push_back(issue);
      }
    }
    doc.articles.push_back(std::move(a));
  }
  pressroom::Result<pressroom::Document> result(std::move(doc));
  result.warnings() = std::move(warnings);
  return result;
}
// [doc:read]

// [doc:format]
pressroom::Format format() {
  pressroom::Format f;
  f.name = "csv";
  f.description = "articles as comma-separated values: id, date, headline, URL";
  f.media_types = {"text/csv"};
  f.extensions = {"csv"};
  f.sniff = [](std::string_view head) { return head.substr(0, header.size()) == header ? 90 : 0; };
  f.read = read;
  f.write = write;
  f.carries.articles = true;  // only some article fields, so not lossless
  return f;
}
// [doc:format]

}  // namespace csv

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: custom_format DOCUMENT\n";
    return 2;
  }
  auto input = pressroom::read_file(argv[1]);
  if (!input) {
    std::cerr << argv[1] << ": " << pressroom::to_string(input.error()) << '\n';
    return 1;
  }

  // [doc:register]
  pressroom::Registry registry = pressroom::Registry::with_builtin_formats();
  registry.add(csv::format());
  auto table = pressroom::convert(registry, *input, "", "csv");  // detected, then CSV
  // [doc:register]
  if (!table) {
    std::cerr << pressroom::to_string(table.error()) << '\n';
    return 1;
  }
  std::cout << *table;
  for (const pressroom::Error& w : table.warnings()) std::cout << pressroom::to_string(w) << '\n';

  // A CSV is detected by its sniffer, read, and written as any other format.
  const std::string sheet =
      "id,date_published,headline,url\n"
      "art:a,2024-03-12,\"Harbours, inspected\",https://harbour-watch.example/a\n"
      "art:b,next week,Helpline opens,https://harbour-watch.example/b\n";
  pressroom::WriteOptions compact;
  compact.pretty = false;
  auto json = pressroom::convert(registry, sheet, "", "json", {}, compact);
  for (const pressroom::Error& w : json.warnings()) std::cout << pressroom::to_string(w) << '\n';
  if (json) std::cout << *json;
  return json ? 0 : 1;
}
