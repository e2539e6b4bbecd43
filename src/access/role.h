// Roles and users: who a person is to the system.
//
// The eight role names are fixed by DESIGN.md section 2 and are used verbatim
// in the API, the CLI and the store. A user may hold several roles. An
// agency's own staff (desk, specialist, leader, focal_point) carry the unit
// code of their agency; a postal employee holds `desk` with no agency and acts
// only through delegation grants (grant.h).
//
// Plain value types; no I/O; thread-compatible.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace motcua::access {

enum class Role {
  kApplicant,
  kDesk,
  kSpecialist,
  kLeader,
  kFocalPoint,
  kCenterSupervisor,
  kPostalSupervisor,
  kAdmin,
};

// "applicant", "desk", "specialist", "leader", "focal_point",
// "center_supervisor", "postal_supervisor", "admin".
const char* RoleName(Role role);
// InvalidArgument naming the text when it is not one of the names above.
Result<Role> ParseRole(std::string_view name);
// Every role, in declaration order.
std::span<const Role> AllRoles();

struct User {
  std::string login;         // unique, e.g. "postal.a"
  std::string display_name;  // Vietnamese, e.g. "Nguyễn Thị B"
  std::vector<Role> roles;
  std::string agency_code;  // the user's own agency; empty when none
  // A disabled user cannot log in, and its sessions and API tokens stop
  // authenticating; the account stays for the history that names it.
  bool disabled = false;

  bool HasRole(Role role) const;
};

}  // namespace motcua::access
