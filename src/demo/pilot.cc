#include "demo/pilot.h"

#include "util/civil_time.h"

namespace motcua::demo {
namespace {

constexpr PilotAgency kAgencies[] = {
    {"000.00.12.H29", "tttt", "Sở Thông tin và Truyền thông", 330, 1},
    {"000.00.02.H29", "noivu", "Sở Nội vụ", 150, 2},
    {"000.00.05.H29", "vhttdl", "Sở Văn hóa, Thể thao và Du lịch", 270, 1},
    {"000.00.07.H29", "khcn", "Sở Khoa học và Công nghệ", 190, 1},
    {"000.00.06.H29", "gddt", "Sở Giáo dục và Đào tạo", 520, 1},
    {"000.00.10.H29", "tnmt", "Sở Tài nguyên và Môi trường", 240, 4},
};
static_assert(330 + 150 + 270 + 190 + 520 + 240 == kPilot2023.received);

// Display names of the agency staff, by agency then role (specialist,
// leader, focal point).
constexpr const char* kStaff[][3] = {
    {"Lê Minh Tuấn", "Phạm Văn Hùng", "Trần Thị Thu Hà"},
    {"Nguyễn Thị Lan", "Đỗ Quốc Bảo", "Vũ Thị Hạnh"},
    {"Hoàng Văn Nam", "Bùi Thị Ngọc Mai", "Phan Thanh Sơn"},
    {"Đặng Thị Quỳnh", "Ngô Đức Thắng", "Dương Thị Yến"},
    {"Võ Thị Kim Oanh", "Huỳnh Văn Phúc", "Lý Thị Thanh Tâm"},
    {"Trịnh Văn Long", "Hồ Sỹ Quang", "Mai Thị Hương"},
};

access::User Make(std::string login, std::string name, std::vector<access::Role> roles,
                  std::string agency = "") {
  access::User u;
  u.login = std::move(login);
  u.display_name = std::move(name);
  u.roles = std::move(roles);
  u.agency_code = std::move(agency);
  return u;
}

}  // namespace

std::span<const PilotAgency> PilotAgencies() { return kAgencies; }

std::string SpecialistOf(const PilotAgency& a) { return std::string("chuyenvien.") + a.slug; }
std::string LeaderOf(const PilotAgency& a) { return std::string("lanhdao.") + a.slug; }
std::string FocalPointOf(const PilotAgency& a) { return std::string("daumoi.") + a.slug; }
std::string AgencyDeskLogin() { return "motcua.gddt"; }

std::vector<access::User> DemoUsers() {
  using access::Role;
  std::vector<access::User> users;
  users.push_back(Make(kPrimaryPostal, "Nguyễn Thị Thanh Hoa (Bưu điện tỉnh)", {Role::kDesk}));
  users.push_back(Make(kBackupPostal, "Trần Văn Đức (Bưu điện tỉnh)", {Role::kDesk}));
  for (size_t i = 0; i < std::size(kAgencies); ++i) {
    const PilotAgency& a = kAgencies[i];
    users.push_back(Make(SpecialistOf(a), kStaff[i][0], {Role::kSpecialist}, a.code));
    users.push_back(Make(LeaderOf(a), kStaff[i][1], {Role::kLeader}, a.code));
    users.push_back(Make(FocalPointOf(a), kStaff[i][2], {Role::kFocalPoint}, a.code));
  }
  users.push_back(Make(AgencyDeskLogin(), "Lưu Thị Bích Ngọc", {Role::kDesk}, "000.00.06.H29"));
  users.push_back(Make("giamsat.trungtam", "Đinh Công Minh", {Role::kCenterSupervisor}));
  users.push_back(Make("giamsat.buudien", "Tạ Thị Phương", {Role::kPostalSupervisor}));
  users.push_back(Make("quantri", "Quản trị hệ thống", {Role::kAdmin}));
  users.push_back(Make(kDemoApplicant, "Nguyễn Văn An", {Role::kApplicant}));
  return users;
}

std::vector<access::Grant> DemoGrants() {
  const Instant from = LocalMidnight(DaysFromCivil({2023, 1, 1}));
  const Instant to = LocalMidnight(DaysFromCivil({2028, 1, 1}));  // through 2027-12-31
  std::vector<access::Grant> grants;
  for (const PilotAgency& a : kAgencies) {
    for (const access::GrantTier tier : {access::GrantTier::kPrimary, access::GrantTier::kBackup}) {
      access::Grant g;
      g.agency_code = a.code;
      g.grantee_login = tier == access::GrantTier::kPrimary ? kPrimaryPostal : kBackupPostal;
      g.scope.kind = access::ScopeKind::kAgency;
      const auto all = access::AllGrantActions();
      g.actions.assign(all.begin(), all.end());
      g.valid_from = from;
      g.valid_to = to;
      g.tier = tier;
      g.contract_reference = std::string("HĐ 01/2023/HĐ-BĐT-") + a.slug;
      grants.push_back(std::move(g));
    }
  }
  return grants;
}

}  // namespace motcua::demo
