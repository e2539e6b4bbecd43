// Internal to catalog/: the data and indexes behind a Catalog, built by
// BuildCatalog (catalog_build.cc) and read by the lookups (catalog.cc).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/catalog.h"

namespace motcua::catalog {

struct Catalog::Impl {
  // The owned items. Never resized after the indexes below are built, since
  // the indexes hold string_views into them.
  std::vector<Agency> agencies;       // sorted by code
  std::vector<Field> fields;          // sorted by (agency, code)
  std::vector<Procedure> procedures;  // sorted by (code, version)
  std::vector<std::string> folded;    // FoldVietnamese(name + " " + code), by procedure

  std::unordered_map<std::string_view, size_t> agency_index;
  // code -> indexes into `procedures` of its versions, by validity start
  // (open start first); windows are disjoint, so a binary search finds the
  // version in force at a date.
  std::unordered_map<std::string_view, std::vector<size_t>> versions_by_date;
  // agency -> indexes of the versions it published.
  std::unordered_map<std::string_view, std::vector<size_t>> published_by;
  // agency -> agencies whose work may pass to it directly (it is their
  // successor, or the successor of one of their fields).
  std::unordered_map<std::string_view, std::vector<std::string_view>> predecessors;

  // Outcome of following successors from (agency, field) at a day.
  enum class Resolution { kFound, kNobody, kCycle };
  Resolution Resolve(const Agency* agency, const Field* field, DayNumber day,
                     Responsibility* out) const;
  const Agency* FindAgency(std::string_view code) const;
  const Field* FindField(std::string_view agency, std::string_view field) const;
  const Procedure* VersionAt(std::string_view code, DayNumber day) const;
};

}  // namespace motcua::catalog
