// SPDX-License-Identifier: MIT
// The formats built into the core library, one line each.
#include "pressroom/atom.hpp"
#include "pressroom/boost_archive.hpp"
#include "pressroom/json.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/jsonl.hpp"
#include "pressroom/jsonld.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/rss.hpp"
#include "pressroom/vcard.hpp"
#include "pressroom/xml.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

Registry Registry::with_builtin_formats() {
  Registry r;
  r.add(xml::format());
  r.add(json::format());
  r.add(jsonl::format());
  r.add(rss::format());
  r.add(atom::format());
  r.add(jsonfeed::format());
  r.add(boost_archive::format(boost_archive::Kind::text));
  r.add(boost_archive::format(boost_archive::Kind::xml));
  r.add(boost_archive::format(boost_archive::Kind::binary));
  r.add(jsonld::format());
  r.add(vcard::format());
  return r;
}

PRESSROOM_ABI_END
}  // namespace pressroom
