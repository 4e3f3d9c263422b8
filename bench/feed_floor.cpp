// SPDX-License-Identifier: MIT
// The floor of `pressroom stats` on feeds: read each file named on the command line, parse it
// with pugixml and visit every node and attribute, reading names and values; print the number
// of elements. bench/feed_stats.sh times it against `pressroom stats --json` on the same files.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include <pugixml.hpp>

int main(int argc, char** argv) {
  std::size_t elements = 0, total = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "feed_floor: cannot read %s\n", argv[i]);
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    pugi::xml_document tree;
    if (!tree.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8)) {
      std::fprintf(stderr, "feed_floor: %s is not well-formed\n", argv[i]);
      return 1;
    }
    pugi::xml_node node = tree.first_child();
    while (node) {
      if (node.type() == pugi::node_element) ++elements;
      total += std::strlen(node.name()) + std::strlen(node.value());
      for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
        total += std::strlen(a.name()) + std::strlen(a.value());
      if (pugi::xml_node child = node.first_child()) {
        node = child;
        continue;
      }
      while (node && !node.next_sibling()) node = node.parent();
      if (node) node = node.next_sibling();
    }
  }
  std::printf("{\"elements\": %zu, \"characters\": %zu}\n", elements, total);
  return 0;
}
