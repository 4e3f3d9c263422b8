// SPDX-License-Identifier: MIT
// Merging several inputs into one Document. Kept in one function so that a smarter merge of
// entities (same organization under two ids, facts from both) can replace it.
#include <unordered_set>

#include "cli.hpp"

namespace pressroom::cli {

namespace {

template <class T>
void append_table(std::vector<T>& into, std::vector<T>&& from, const char* kind,
                  std::vector<Error>& warnings) {
  std::unordered_set<std::string> ids;
  ids.reserve(into.size() + from.size());
  for (const T& record : into) {
    if (!record.id.empty()) ids.insert(record.id);
  }
  for (T& record : from) {
    if (!record.id.empty() && !ids.insert(record.id).second) {
      Error w = cli_error(ErrorCode::invalid_value, std::string("duplicate ") + kind + " id '" +
                                                        record.id + "'; keeping the first");
      w.severity = Severity::warning;
      warnings.push_back(std::move(w));
      continue;
    }
    into.push_back(std::move(record));
  }
}

}  // namespace

void merge_documents(Document& into, Document&& from, std::vector<Error>& warnings) {
  if (into.feed.empty()) into.feed = std::move(from.feed);
  append_table(into.articles, std::move(from.articles), "article", warnings);
  append_table(into.organizations, std::move(from.organizations), "organization", warnings);
  append_table(into.commissioners, std::move(from.commissioners), "commissioner", warnings);
  append_table(into.people, std::move(from.people), "person", warnings);
  append_table(into.legislation, std::move(from.legislation), "legislation", warnings);
  append_table(into.contacts, std::move(from.contacts), "contact", warnings);
  for (auto& entry : from.extensions) into.extensions.insert(std::move(entry));
}

}  // namespace pressroom::cli
