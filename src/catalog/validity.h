// Validity: the window of dates in which an agency or a procedure version is in
// force. Both ends are inclusive local (UTC+7) calendar days; an absent end is
// open. Plain value type.
#pragma once

#include <optional>

#include "util/civil_time.h"

namespace motcua::catalog {

struct Validity {
  std::optional<DayNumber> from;  // first day in force; none = since ever
  std::optional<DayNumber> to;    // last day in force; none = until further notice

  bool Contains(DayNumber day) const { return (!from || *from <= day) && (!to || day <= *to); }
  // True when some day lies in both windows.
  bool Overlaps(const Validity& other) const {
    const bool this_ends_before = to && other.from && *to < *other.from;
    const bool other_ends_before = other.to && from && *other.to < *from;
    return !this_ends_before && !other_ends_before;
  }
};

}  // namespace motcua::catalog
