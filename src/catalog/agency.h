// Agency (cơ quan) and Field (lĩnh vực): who handles procedures, and how that
// responsibility passes on when agencies are reorganized.
//
// Since 2025 provincial departments have been merged (Decree 45/2025/NĐ-CP):
// the Department of Information and Communications ended, its press and
// publishing fields going to Culture, Sports and Tourism and the rest to
// Science and Technology. So an agency has a validity window and may name a
// successor that takes over on a date; a single field may also name its own
// successor (another agency's field) that takes over on a date. Catalog
// resolves these chains (Catalog::SuccessorAt, Catalog::ResponsibleAt).
//
// Plain value types; a Catalog owns them and hands out const pointers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/validity.h"
#include "util/civil_time.h"

namespace motcua::catalog {

// The agency that takes over another's work from `from` on.
struct AgencySuccessor {
  std::string agency;  // unit code
  DayNumber from = 0;  // first day the successor is responsible
};

// The field of another agency that takes over a field's work from `from` on.
struct FieldSuccessor {
  std::string agency;  // unit code
  std::string field;   // field code within that agency
  DayNumber from = 0;
};

struct Agency {
  std::string code;        // national unit code "DDD.DD.DD.HDD", unique
  std::string name;        // Vietnamese, e.g. "Sở Thông tin và Truyền thông"
  std::string short_name;  // e.g. "Sở TT&TT"
  std::string parent;      // unit code of the parent agency; empty for a root
  Validity valid;
  // Present only when the agency ended (valid.to set) and another carries on.
  std::optional<AgencySuccessor> successor;
  bool sample = false;  // details not verified against the national list
  std::string note;     // what is unverified, and sources

  bool InForceAt(DayNumber day) const { return valid.Contains(day); }
};

struct Field {
  std::string agency;  // unit code of the agency it belongs to
  std::string code;    // slug, unique within the agency, e.g. "bao-chi"
  std::string name;    // Vietnamese, e.g. "Báo chí"
  std::optional<FieldSuccessor> successor;
};

}  // namespace motcua::catalog
