// SPDX-License-Identifier: MIT
// Test helper: runs the extractor on a page and prints the canonical JSON Document.
// usage: extract_dump [--html] [--region CC] INPUT [OUTPUT]
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "pressroom/extract.hpp"
#include "pressroom/json.hpp"

int main(int argc, char** argv) {
  bool html = false;
  pressroom::extract::Options options;
  const char* in = nullptr;
  const char* out = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--html") == 0)
      html = true;
    else if (std::strcmp(argv[i], "--region") == 0 && i + 1 < argc)
      options.default_region = argv[++i];
    else if (!in)
      in = argv[i];
    else
      out = argv[i];
  }
  if (!in) {
    std::cerr << "usage: extract_dump [--html] [--region CC] INPUT [OUTPUT]\n";
    return 2;
  }
  std::ifstream f(in, std::ios::binary);
  if (!f) {
    std::cerr << in << ": cannot open\n";
    return 2;
  }
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  auto doc = html ? pressroom::extract::from_html(text, options)
                  : pressroom::extract::from_text(text, options);
  for (const auto& w : doc.warnings()) std::cerr << in << ": " << pressroom::to_string(w) << "\n";
  if (!doc) {
    std::cerr << in << ": " << pressroom::to_string(doc.error()) << "\n";
    return 1;
  }
  auto json = pressroom::json::write(*doc);
  if (!json) {
    std::cerr << in << ": " << pressroom::to_string(json.error()) << "\n";
    return 1;
  }
  if (out) {
    std::ofstream o(out, std::ios::binary);
    o << *json << "\n";
    return o ? 0 : 1;
  }
  std::cout << *json << "\n";
  return 0;
}
