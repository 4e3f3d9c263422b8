// SPDX-License-Identifier: MIT
// Builds a Document in code (an organization, a press contact and a release that refers to
// both by id) and writes it to standard output as canonical JSON, then as canonical XML.
#include <pressroom/json.hpp>
#include <pressroom/model/document.hpp>
#include <pressroom/xml.hpp>

#include <iostream>
#include <string>

namespace {

// Prints a writer's warnings to stderr and its output to stdout; false on failure.
bool print(const char* what, const pressroom::Result<std::string>& out) {
  for (const auto& warning : out.warnings()) {
    std::cerr << what << ": " << pressroom::to_string(warning) << '\n';
  }
  if (!out) {
    std::cerr << what << ": " << pressroom::to_string(out.error()) << '\n';
    return false;
  }
  std::cout << *out;
  return true;
}

}  // namespace

int main() {
  pressroom::Document doc;

  pressroom::Organization ngo;
  ngo.id = "org:harbour-watch";
  ngo.name = "Harbour Watch";
  ngo.kind = pressroom::OrganizationKind::ngo;
  ngo.founding_date = pressroom::parse_date_time("1998");
  doc.organizations.push_back(ngo);

  pressroom::Contact press;
  press.id = "contact:press-office";
  press.kind = pressroom::ContactKind::org;
  press.organization_id = ngo.id;
  press.unit = "Press office";
  press.emails.push_back({"press@harbour-watch.example", "", pressroom::EmailKind::press});
  pressroom::PhoneNumber phone;
  phone.raw = "+44 20 7946 0000";  // as printed
  phone.e164 = "+442079460000";
  press.phones.push_back(phone);
  doc.contacts.push_back(press);

  pressroom::Article release;
  release.id = "art:harbour-inspections-2024";
  release.headline = "Harbour Watch publishes its 2024 inspection report";
  release.date_published = pressroom::parse_date_time("2024-03-12");
  release.language = "en";
  release.body.push_back({pressroom::BlockType::paragraph,
                          "Inspectors visited 40 harbours and spoke with 1,200 crew members."});
  release.publisher_id = ngo.id;
  release.contact_ids.push_back(press.id);
  doc.articles.push_back(release);

  if (!print("json", pressroom::json::write(doc))) return 1;
  if (!print("xml", pressroom::xml::write(doc))) return 1;
  return 0;
}
