#include "demo/applicants.h"

#include <cstdio>
#include <string>

namespace motcua::demo {
namespace {

// The most common family names (about nine in ten Vietnamese carry one).
constexpr const char* kFamily[] = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                   "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                   "Hồ",     "Ngô",  "Dương", "Lý"};
constexpr const char* kMiddleMale[] = {"Văn",  "Hữu",   "Đức",  "Minh",
                                       "Quốc", "Thành", "Công", "Xuân"};
constexpr const char* kMiddleFemale[] = {"Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hoài", "Kim", "Mỹ"};
constexpr const char* kGivenMale[] = {"An",    "Bình", "Cường", "Dũng",  "Hải",  "Hiếu",  "Hùng",
                                      "Khánh", "Long", "Nam",   "Phong", "Phúc", "Quang", "Sơn",
                                      "Tuấn",  "Việt", "Thắng", "Trung", "Tùng", "Vinh"};
constexpr const char* kGivenFemale[] = {"Anh", "Châu", "Dung",  "Hà",   "Hạnh", "Hoa",   "Huyền",
                                        "Lan", "Linh", "Mai",   "Nga",  "Ngân", "Nhung", "Quỳnh",
                                        "Tâm", "Thảo", "Trang", "Uyên", "Vân",  "Yến"};
constexpr const char* kOrganizations[] = {"Hội Khuyến học tỉnh",
                                          "Hội Cựu giáo chức tỉnh",
                                          "Hội Nhà báo tỉnh",
                                          "Hội Văn học nghệ thuật tỉnh",
                                          "Công ty TNHH In Hồng Phát",
                                          "Công ty CP Sách và Thiết bị trường học",
                                          "Nhà in Báo tỉnh",
                                          "Viện Nghiên cứu Phát triển nông thôn",
                                          "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
                                          "Công ty TNHH Nước sạch Sông Hồng",
                                          "Hợp tác xã Nông nghiệp Thành Công",
                                          "Câu lạc bộ Thư pháp tỉnh"};
// Mobile prefixes of the three large networks.
constexpr const char* kMobilePrefixes[] = {"090", "091", "093", "094", "096", "097", "098",
                                           "086", "088", "032", "035", "038", "070", "077"};

template <typename T, std::size_t N>
const T& Any(Rng& rng, const T (&items)[N]) {
  return items[static_cast<std::size_t>(rng.Between(0, N - 1))];
}

std::string Digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + rng.Between(0, 9)));
  return s;
}

}  // namespace

dossier::Applicant RandomCitizen(Rng& rng) {
  const bool female = rng.Chance(0.5);
  dossier::Applicant a;
  a.name = std::string(Any(rng, kFamily)) + " " +
           (female ? Any(rng, kMiddleFemale) : Any(rng, kMiddleMale)) + " " +
           (female ? Any(rng, kGivenFemale) : Any(rng, kGivenMale));
  a.phone = std::string(Any(rng, kMobilePrefixes)) + Digits(rng, 7);
  // CCCD: 3-digit province of birth, a digit for sex and century (born
  // 1900-1999: 0 male, 1 female; 2000-2099: 2, 3), 2-digit year, 6 digits.
  const int year = static_cast<int>(rng.Between(1955, 2005));
  char cccd[16];
  std::snprintf(cccd, sizeof cccd, "0%02d%d%02d", static_cast<int>(rng.Between(1, 96)),
                (year >= 2000 ? 2 : 0) + (female ? 1 : 0), year % 100);
  a.id_number = std::string(cccd) + Digits(rng, 6);
  a.login = a.id_number;
  return a;
}

dossier::Applicant RandomOrganization(Rng& rng) {
  dossier::Applicant representative = RandomCitizen(rng);
  dossier::Applicant a = representative;
  a.name = Any(rng, kOrganizations);
  return a;
}

}  // namespace motcua::demo
