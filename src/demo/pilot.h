// The 2023 pilot that the demo database retells (DESIGN.md section 1): its
// six agencies, its published figures, and the people and delegation grants
// of a demo installation (one primary and one backup postal employee acting
// for the six agencies, and a user for every role).
//
// Plain data and pure functions; thread-safe. Passwords are not here: the
// CLI makes them at random and stores only their hashes.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "access/grant.h"
#include "access/role.h"

namespace motcua::demo {

// The published review of the 2023 pilot.
struct PilotFigures {
  int received = 1700;  // all online
  int resolved = 1668;
  int early = 1479;
  int on_time = 168;
  int late = 21;
  int open = 32;  // still being resolved at year end
};
inline constexpr PilotFigures kPilot2023{};

struct PilotAgency {
  const char* code;  // the agency's unit code in the default catalog
  const char* slug;  // for demo logins, e.g. "tttt"
  const char* name;
  // Dossiers of 2023. The review gives only the total; the split follows the
  // usual weight of each department's procedures at a provincial center
  // (diploma copies and press and publishing notices are the bulk).
  int dossiers;
  // Relative chance of a late dossier: the review names land and environment
  // as the fields the single postal employee knew least (DESIGN.md section 1).
  int late_weight;
};

// The six departments of the pilot, as they were in 2023.
std::span<const PilotAgency> PilotAgencies();

inline constexpr char kPrimaryPostal[] = "buudien.chinh";
inline constexpr char kBackupPostal[] = "buudien.phu";
inline constexpr char kDemoApplicant[] = "congdan";

// Logins of an agency's staff in the demo: "chuyenvien.<slug>",
// "lanhdao.<slug>", "daumoi.<slug>".
std::string SpecialistOf(const PilotAgency& a);
std::string LeaderOf(const PilotAgency& a);
std::string FocalPointOf(const PilotAgency& a);
// The one agency with a desk officer of its own in the demo ("motcua.gddt").
std::string AgencyDeskLogin();

// Users for every role: the two postal employees (desk, no agency), per
// agency a specialist, a leader and a focal point, one agency desk officer,
// the center and postal supervisors, an administrator and an applicant.
std::vector<access::User> DemoUsers();

// For each pilot agency, a primary grant to kPrimaryPostal and a backup grant
// to kBackupPostal: whole agency, every desk action, valid from 2023-01-01
// to 2027-12-31 inclusive. Ids are 0 (the store assigns them).
std::vector<access::Grant> DemoGrants();

}  // namespace motcua::demo
