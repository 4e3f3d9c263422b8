// SPDX-License-Identifier: MIT
// Converts archives between formats of the registry, streaming: records flow one at a time
// from a reader that streams (jsonl) to a record writer (jsonl and canonical XML write each
// record as it comes), so memory stays bounded by the largest record; an input that cannot
// stream is read whole, then handed on record by record. Several inputs are merged into one
// output; a record whose id an earlier input already had is skipped with a note on standard
// error (pressroom/merge.hpp merges entities that share identifiers or names instead).
//
//   convert_archive TO IN...     (e.g. convert_archive jsonl a.jsonl b.jsonl > merged.jsonl)
#include <pressroom/pressroom.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace {

// The id of any record; a Feed has none worth merging on.
std::string id_of(const pressroom::Record& record) {
  return std::visit(
      [](const auto& r) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(r)>, pressroom::Feed>) {
          return "";
        } else {
          return r.id;
        }
      },
      record);
}

// Hands every record of a Document held in memory to `sink`, in Document order.
pressroom::Status for_each_record(pressroom::Document&& doc, const pressroom::RecordSink& sink) {
  pressroom::Status status;
  if (!doc.feed.empty()) status = sink(std::move(doc.feed));
  auto all = [&status, &sink](auto& table) {
    for (auto& record : table) {
      if (status) status = sink(std::move(record));
    }
  };
  all(doc.articles);
  all(doc.organizations);
  all(doc.commissioners);
  all(doc.people);
  all(doc.legislation);
  all(doc.contacts);
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: convert_archive TO IN...\n";
    return 2;
  }
  const auto registry = pressroom::Registry::with_builtin_formats();
  const pressroom::Format* to = registry.find(argv[1]);
  if (to == nullptr || !to->open_writer) {
    std::cerr << argv[1] << ": not a format pressroom writes record by record\n";
    return 2;
  }

  // [doc:stream]
  std::unique_ptr<pressroom::RecordWriter> writer =
      to->open_writer(std::cout, pressroom::WriteOptions{});
  std::set<std::string> seen;  // ids already written: the first input wins
  bool feed_written = false;
  pressroom::Status status;
  for (int i = 2; i < argc && status; ++i) {
    const std::string path = argv[i];
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');  // the format is detected from the first bytes
    head.resize(static_cast<std::size_t>(in.read(head.data(), 4096).gcount()));
    in.clear();
    in.seekg(0);
    const pressroom::Format* from = registry.detect(head, path);
    if (from == nullptr || !in) {
      std::cerr << path << ": not an input pressroom reads\n";
      return 1;
    }
    // The sink receives each record as soon as it is read; returning an error stops reading.
    const pressroom::RecordSink sink = [&](pressroom::Record&& record) -> pressroom::Status {
      if (std::holds_alternative<pressroom::Feed>(record)) {
        if (feed_written) return {};  // one feed per output: the first input's
        feed_written = true;
      } else if (!seen.insert(id_of(record)).second) {
        std::cerr << path << ": skipped a second record " << id_of(record) << '\n';
        return {};
      }
      return writer->add(record);
    };
    if (from->read_stream) {  // record by record: memory bounded by the largest record
      status = from->read_stream(in, sink, pressroom::ReadOptions{});
    } else {  // the whole Document in memory, then its records one by one
      auto doc = from->read(std::string(std::istreambuf_iterator<char>(in), {}), {});
      for (const pressroom::Error& warning : doc.warnings()) {
        std::cerr << path << ": " << pressroom::to_string(warning) << '\n';
      }
      status = doc ? for_each_record(std::move(*doc), sink) : pressroom::Status(doc.error());
    }
  }
  if (status) status = writer->finish();
  for (const pressroom::Error& warning : writer->warnings()) {
    std::cerr << "warning: " << pressroom::to_string(warning) << '\n';
  }
  if (!status) {
    std::cerr << pressroom::to_string(status.error()) << '\n';
    return 1;  // the output is incomplete: discard it
  }
  // [doc:stream]
  return 0;
}
