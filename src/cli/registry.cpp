// SPDX-License-Identifier: MIT
// The formats the tool knows: the core's, and the extractor's `text` and `html`.
//
// THE ONE PLACE where the extractor hooks in. When the build has `pressroom::extract`, it
// defines PRESSROOM_HAVE_EXTRACT and builds the module `pressroom-extract-formats.so` (see
// extract_plugin.cpp and CMakeLists.txt), which is loaded here on first need so that the
// start-up of conversions between core formats does not pay for the extractor's libraries.
#include <cstring>

#include "cli.hpp"

#if defined(PRESSROOM_HAVE_EXTRACT)
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#endif

namespace pressroom::cli {

namespace {

#if defined(PRESSROOM_HAVE_EXTRACT)
/// The directory of the running executable, with a final '/'.
std::string executable_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  std::string path(buf, static_cast<std::size_t>(n));
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

/// Loads the extractor module (beside the executable in a build tree, in the library
/// directory once installed) and adds its formats to `registry`.
bool load_extract_formats(Registry& registry) {
  const std::string dir = executable_dir();
  for (const std::string& path :
       {dir + PRESSROOM_EXTRACT_MODULE, dir + PRESSROOM_EXTRACT_MODULE_INSTALLED}) {
    void* module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) continue;
    using AddFormats = void (*)(Registry*);
    void* symbol = ::dlsym(module, "pressroom_cli_add_extract_formats");
    if (!symbol) continue;
    // The module stays loaded: the formats' functions live in it.
    AddFormats add = nullptr;
    static_assert(sizeof add == sizeof symbol, "function and object pointers differ");
    std::memcpy(&add, &symbol, sizeof add);
    add(&registry);
    return true;
  }
  return false;
}
#else
bool load_extract_formats(Registry&) { return false; }
#endif

bool has_extension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  return dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash);
}

}  // namespace

Catalog::Catalog() : core_(Registry::with_builtin_formats()) {}

bool Catalog::load_extract() {
  if (extract_state_ == 0) extract_state_ = load_extract_formats(extract_) ? 1 : -1;
  return extract_state_ > 0;
}

const Format* Catalog::find(std::string_view name) {
  if (const Format* f = core_.find(name)) return f;
  return load_extract() ? extract_.find(name) : nullptr;
}

const Format* Catalog::find_by_path(std::string_view path) {
  if (const Format* f = core_.find_by_path(path)) return f;
  return has_extension(path) && load_extract() ? extract_.find_by_path(path) : nullptr;
}

const Format* Catalog::find_archive_by_path(std::string_view path) const {
  return core_.find_by_path(path);
}

const Format* Catalog::detect(std::string_view head, std::string_view path) {
  const Format* core = core_.detect(head, path);
  // A name the extractor's formats claim (page.html, page.txt) lets them compete.
  const bool extract_name = !path.empty() && has_extension(path) && !core_.find_by_path(path) &&
                            load_extract() && extract_.find_by_path(path) != nullptr;
  if (core && !extract_name) return core;
  if (!load_extract()) return core;
  const Format* page = extract_.detect(head, path);
  if (!core || !page) return core ? core : page;
  return sniff(*page, head) >= sniff(*core, head) ? page : core;
}

const Format* Catalog::detect_page(std::string_view head, std::string_view path) {
  if (!load_extract()) return nullptr;
  const Format* f = extract_.detect(head, path);
  return f && f->name == "html" ? f : extract_.find("text");
}

std::vector<const Format*> Catalog::all() {
  std::vector<const Format*> formats;
  for (const Format& f : core_.formats()) formats.push_back(&f);
  if (load_extract()) {
    for (const Format& f : extract_.formats()) formats.push_back(&f);
  }
  return formats;
}

}  // namespace pressroom::cli
