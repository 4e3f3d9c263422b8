// SPDX-License-Identifier: MIT
// Keeps Boost.Serialization archives compatible across releases. A program with its own Boost
// archives saves a Document with the header-only bridge (pressroom/bridge/boost_serialization.hpp)
// and pressroom's `boost-xml` format reads the result, and the other way round. An archive
// written by pressroom 0.1 still loads: every model type carries a class version, and fields
// added since then keep their defaults when an older archive is loaded.
//
//   boost_compat CURRENT.json OLD.boost.xml
#include <pressroom/boost_archive.hpp>
#include <pressroom/bridge/boost_serialization.hpp>
#include <pressroom/io.hpp>
#include <pressroom/json.hpp>

#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: boost_compat CURRENT.json OLD.boost.xml\n";
    return 2;
  }
  auto json = pressroom::read_file(argv[1]);
  auto current =
      json ? pressroom::json::read(*json) : pressroom::Result<pressroom::Document>(json.error());
  if (!current) {
    std::cerr << argv[1] << ": " << pressroom::to_string(current.error()) << '\n';
    return 1;
  }

  // [doc:bridge-save]
  // Your program's own archive: the bridge makes every model type serializable.
  std::ostringstream saved;
  {
    boost::archive::xml_oarchive archive(saved);
    archive << boost::serialization::make_nvp("document", *current);
  }  // the archive is complete when it is destroyed
  // [doc:bridge-save]

  // [doc:library-read]
  // pressroom reads it as the `boost-xml` format, with its hardened loader and limits.
  auto loaded = pressroom::boost_archive::read(saved.str(), pressroom::boost_archive::Kind::xml);
  if (!loaded) {
    std::cerr << pressroom::to_string(loaded.error()) << '\n';
    return 1;
  }
  std::cout << "saved with the bridge, read by pressroom: "
            << (*loaded == *current ? "same Document" : "DIFFERENT") << '\n';
  // [doc:library-read]

  // [doc:bridge-load]
  // The other way round: pressroom writes, your Boost archive loads.
  auto written = pressroom::boost_archive::write(*current, pressroom::boost_archive::Kind::xml);
  if (!written) {
    std::cerr << pressroom::to_string(written.error()) << '\n';
    return 1;
  }
  pressroom::Document back;
  {
    std::istringstream in(*written);
    boost::archive::xml_iarchive archive(in);
    archive >> boost::serialization::make_nvp("document", back);
  }
  std::cout << "written by pressroom, loaded with the bridge: "
            << (back == *current ? "same Document" : "DIFFERENT") << '\n';
  // [doc:bridge-load]

  // [doc:old-archive]
  // An archive of an earlier release: loaded through the class versions it carries.
  auto old_input = pressroom::read_file(argv[2]);
  auto old = old_input
                 ? pressroom::boost_archive::read(*old_input, pressroom::boost_archive::Kind::xml)
                 : pressroom::Result<pressroom::Document>(old_input.error());
  if (!old) {
    std::cerr << argv[2] << ": " << pressroom::to_string(old.error()) << '\n';
    return 1;
  }
  std::cout << "archive of pressroom 0.1: " << old->articles.size() << " article(s), "
            << (*old == *current ? "same Document" : "DIFFERENT") << '\n';
  // [doc:old-archive]
  return 0;
}
