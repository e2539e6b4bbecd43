// `motcua calendar lunar --date YYYY-MM-DD [--json]`: the Vietnamese lunar date
// of a solar date, in words or as JSON.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "calendar/lunar.h"
#include "cli/command.h"

namespace motcua::cli {
namespace {

// The sexagenary (can chi) name of a lunar year: heavenly stem then earthly
// branch, e.g. 2023 -> "Quý Mão". Year 4 (and so 1984, 2044) is Giáp Tý.
std::string CanChiYearName(int year) {
  static const char* const kStems[] = {"Giáp", "Ất",   "Bính", "Đinh", "Mậu",
                                       "Kỷ",   "Canh", "Tân",  "Nhâm", "Quý"};
  static const char* const kBranches[] = {"Tý",  "Sửu", "Dần",  "Mão", "Thìn", "Tỵ",
                                          "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};
  const int stem = ((year - 4) % 10 + 10) % 10;
  const int branch = ((year - 4) % 12 + 12) % 12;
  return std::string(kStems[stem]) + " " + kBranches[branch];
}

void Run(const std::string& date_text, bool json, CliState& state) {
  Result<CivilDate> solar = ParseDate(date_text);
  if (!solar.ok()) {
    state.exit_code = ReportFailure(Status::InvalidArgument(
        "ngày không hợp lệ: \"" + date_text + "\" (cần một ngày có thật, dạng YYYY-MM-DD)"));
    return;
  }
  Result<calendar::LunarDate> lunar = calendar::SolarToLunar(*solar);
  if (!lunar.ok()) {
    if (lunar.status().code() == Status::Code::kOutOfRange) {
      state.exit_code = ReportFailure(Status::OutOfRange(
          "ngày " + FormatDate(*solar) + " nằm ngoài phạm vi âm lịch được hỗ trợ (năm âm lịch " +
          std::to_string(calendar::kFirstLunarYear) + "–" +
          std::to_string(calendar::kLastLunarYear) + ")"));
    } else {
      state.exit_code = ReportFailure(lunar.status());
    }
    return;
  }
  const calendar::LunarDate& l = *lunar;
  if (json) {
    // ordered_json keeps the documented key order.
    nlohmann::ordered_json out;
    out["solar"] = FormatDate(*solar);
    out["lunar"] = {{"year", l.year}, {"month", l.month}, {"day", l.day}, {"leap", l.leap}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << "Ngày " << FormatDate(*solar) << " dương lịch là ngày " << l.day << " tháng "
              << l.month << (l.leap ? " nhuận" : "") << " năm " << CanChiYearName(l.year) << " ("
              << l.year << ") âm lịch\n";
  }
  state.exit_code = 0;
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "calendar", "Working time, holidays and the lunar calendar");
  CLI::App* cmd = group->add_subcommand("lunar", "The Vietnamese lunar date of a solar date");
  auto date = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--date", *date, "Solar date, YYYY-MM-DD")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([date, json, &state] { Run(*date, *json, state); });
}

const RegisterCommand kRegister(300, Install);

}  // namespace
}  // namespace motcua::cli
