#include "access/role.h"

#include <algorithm>
#include <array>

namespace motcua::access {

namespace {
constexpr std::array kAllRoles = {
    Role::kApplicant,        Role::kDesk,       Role::kSpecialist,
    Role::kLeader,           Role::kFocalPoint, Role::kCenterSupervisor,
    Role::kPostalSupervisor, Role::kAdmin,
};
}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kApplicant:
      return "applicant";
    case Role::kDesk:
      return "desk";
    case Role::kSpecialist:
      return "specialist";
    case Role::kLeader:
      return "leader";
    case Role::kFocalPoint:
      return "focal_point";
    case Role::kCenterSupervisor:
      return "center_supervisor";
    case Role::kPostalSupervisor:
      return "postal_supervisor";
    case Role::kAdmin:
      return "admin";
  }
  return "unknown";
}

Result<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (name == RoleName(r)) return r;
  }
  return Status::InvalidArgument("unknown role \"" + std::string(name) + "\"");
}

std::span<const Role> AllRoles() { return kAllRoles; }

bool User::HasRole(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

}  // namespace motcua::access
