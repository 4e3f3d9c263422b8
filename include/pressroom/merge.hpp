// SPDX-License-Identifier: MIT
/// @file
/// Merging Documents: many feeds, archives or extracted pages into one archive, with the
/// entities they share (the same press office, commissioner or Act) merged into one record and
/// every reference rewritten to the surviving id.
///
/// Ids are local to their Document (MODEL.md section 3), so two entities are the same when:
/// - they share an identifier (`identifiers[]` scheme and value, e.g. wikidata, ror, eli,
///   legislation.gov.uk), a `same_as` IRI, a home page `url`, or a contact's e-mail address;
/// - or they have the same normalised name (case, spacing, punctuation and diacritics ignored)
///   and a compatible kind (equal, or one unspecified); for legislation the title and the
///   jurisdiction; for contacts the name and the (merged) employer;
/// - or, for organizations, the same acronym ("IOM"), or one's name is the other's acronym;
/// - or they have the same id, unless that is contradicted (different identifiers of one
///   scheme, or different names that no acronym explains).
/// Two entities with different values for the same identifier scheme are never merged.
///
/// The first record seen survives: its fields win, empty fields are filled from the later
/// record, lists are united (identifiers, same_as, alternate names, phones...). A record that
/// matches nothing keeps its id, renamed `id-2`, `id-3`... when the id is already taken.
/// Articles are not merged: a later article with the id or URL of an earlier one is dropped
/// with a warning. The first non-empty feed is kept (empty fields filled from later ones).
#ifndef PRESSROOM_MERGE_HPP
#define PRESSROOM_MERGE_HPP

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pressroom/config.hpp"
#include "pressroom/error.hpp"
#include "pressroom/export.hpp"
#include "pressroom/model/document.hpp"
#include "pressroom/result.hpp"

namespace pressroom {
PRESSROOM_ABI_BEGIN

/// What counts as "the same entity" when merging. Shared identifiers, `same_as` IRIs, URLs and
/// e-mail addresses always do.
struct MergeOptions {
  /// Entities with the same id (not contradicted by identifiers or names) are the same.
  bool match_ids = true;
  /// Entities with the same normalised name and a compatible kind are the same.
  bool match_names = true;
  /// Organizations with the same acronym, or whose name is the other's acronym, are the same.
  bool match_acronyms = true;
};

/// Counts of what a merge did.
struct MergeStats {
  std::size_t inputs = 0;            ///< documents added
  std::size_t merged_entities = 0;   ///< entities folded into an earlier one
  std::size_t renamed_ids = 0;       ///< entities kept under a new id (collision)
  std::size_t dropped_articles = 0;  ///< duplicate articles dropped
  std::size_t rewritten_refs = 0;    ///< references changed to a surviving id
};

/// Merges Documents one at a time, so that inputs can be read, merged and freed one after the
/// other (memory: the merged result plus one input).
///
/// ```
/// pressroom::Merger merger;
/// for (auto& path : paths) merger.add(read(path));
/// pressroom::Result<pressroom::Document> all = merger.finish();
/// ```
class PRESSROOM_EXPORT Merger {
 public:
  /// A merger with `options`.
  explicit Merger(MergeOptions options = {});
  Merger(const Merger&) = delete;
  Merger& operator=(const Merger&) = delete;
  /// Moves the merger.
  Merger(Merger&&) noexcept;
  /// Moves the merger.
  Merger& operator=(Merger&&) noexcept;
  ~Merger();

  /// Adds one Document (whose ids are local to it). Returns the warnings this input caused
  /// (duplicate articles dropped, ids renamed); they are also kept for `finish()`.
  std::vector<Error> add(Document document);
  /// The merged Document so far (valid until the next `add` or `finish`).
  [[nodiscard]] const Document& document() const noexcept;
  /// What was merged so far.
  [[nodiscard]] const MergeStats& stats() const noexcept;
  /// Returns the merged Document with every warning; the merger is then empty.
  [[nodiscard]] Result<Document> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Merges `documents` in order into one (see the file comment for the rules). Never fails;
/// the warnings list dropped duplicates and renamed ids.
[[nodiscard]] PRESSROOM_EXPORT Result<Document> merge(std::vector<Document> documents,
                                                      const MergeOptions& options = {});

/// The form of `name` used to compare names: lower case, diacritics removed (Latin letters),
/// punctuation as space, runs of spaces as one, trimmed. "  Bishop’s  CONFÉRENCE " and
/// "bishop s conference" compare equal.
[[nodiscard]] PRESSROOM_EXPORT std::string normalize_name(std::string_view name);

PRESSROOM_ABI_END
}  // namespace pressroom

#endif  // PRESSROOM_MERGE_HPP
