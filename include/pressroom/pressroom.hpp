// SPDX-License-Identifier: MIT
/// @file
/// Everything of the core library: the model, errors, options, files and streams, the
/// registry and the built-in formats.
#ifndef PRESSROOM_PRESSROOM_HPP
#define PRESSROOM_PRESSROOM_HPP

#include "pressroom/atom.hpp"
#include "pressroom/boost_archive.hpp"
#include "pressroom/config.hpp"
#include "pressroom/error.hpp"
#include "pressroom/io.hpp"
#include "pressroom/json.hpp"
#include "pressroom/jsonfeed.hpp"
#include "pressroom/jsonl.hpp"
#include "pressroom/jsonld.hpp"
#include "pressroom/merge.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/model/dump.hpp"
#include "pressroom/model/enums.hpp"
#include "pressroom/model/fields.hpp"
#include "pressroom/model/validate.hpp"
#include "pressroom/options.hpp"
#include "pressroom/registry.hpp"
#include "pressroom/result.hpp"
#include "pressroom/rss.hpp"
#include "pressroom/sanitize.hpp"
#include "pressroom/vcard.hpp"
#include "pressroom/xml.hpp"

#endif  // PRESSROOM_PRESSROOM_HPP
