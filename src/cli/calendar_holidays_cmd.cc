// `motcua calendar holidays --year Y [--json]`: the non-working holiday dates
// of a year (statutory, art. 111(3) substitutes and the days of the yearly
// notice) and the weekend days worked in exchange, from DATA_DIR/calendar.
//
// JSON: {"year":Y,"holidays":[{"date","name","kind"}],"working_saturdays":[…]},
// every holiday date (weekday or weekend) sorted. Bad year, year out of range
// or malformed data: message on stderr, exit 2.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "calendar/holidays.h"
#include "cli/command.h"
#include "datafiles/calendar_files.h"

namespace motcua::cli {
namespace {

const char* const kWeekdays[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                 "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};

const char* KindLabel(calendar::HolidayKind kind) {
  switch (kind) {
    case calendar::HolidayKind::kStatutory:
      return "theo luật";
    case calendar::HolidayKind::kSubstitute:
      return "nghỉ bù";
    case calendar::HolidayKind::kAnnounced:
      return "theo thông báo";
  }
  return "";
}

// `s` padded with spaces to `width` characters (UTF-8 aware).
std::string Pad(const std::string& s, size_t width) {
  size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

// dd/mm/yyyy, as dates are written in Vietnamese.
std::string VietnameseDate(DayNumber d) {
  const CivilDate c = CivilFromDays(d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", c.day, c.month, c.year);
  return buf;
}

// A year "YYYY" (digits only); 0 when it is not one.
int ParseYear(const std::string& text) {
  if (text.empty() || text.size() > 4) return 0;
  int y = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    y = y * 10 + (c - '0');
  }
  return y;
}

void PrintTable(const calendar::YearSchedule& s, const calendar::YearNotice* notice) {
  std::cout << "Ngày nghỉ lễ, Tết năm " << s.year << "\n";
  if (notice != nullptr) {
    std::cout << "Căn cứ: " << notice->notice << "\n";
  } else {
    std::cout << "Tính theo Bộ luật Lao động (chưa có thông báo lịch nghỉ của năm này).\n";
  }
  std::cout << "\n" << Pad("Ngày", 12) << Pad("Thứ", 10) << Pad("Loại", 16) << "Tên\n";
  for (const calendar::Holiday& h : s.holidays) {
    std::cout << Pad(VietnameseDate(h.date), 12) << Pad(kWeekdays[WeekdayOf(h.date)], 10)
              << Pad(KindLabel(h.kind), 16) << h.name << "\n";
  }
  std::cout << "Tổng cộng: " << s.holidays.size() << " ngày nghỉ lễ, Tết (kể cả ngày trùng "
            << "cuối tuần).\n";
  if (!s.working_weekend_days.empty()) {
    std::cout << "\nNgày nghỉ hằng tuần phải đi làm bù:\n";
    for (DayNumber d : s.working_weekend_days) {
      std::cout << Pad(VietnameseDate(d), 12) << kWeekdays[WeekdayOf(d)] << "\n";
    }
  }
}

void PrintJson(const calendar::YearSchedule& s) {
  // ordered_json keeps the documented key order.
  nlohmann::ordered_json out;
  out["year"] = s.year;
  out["holidays"] = nlohmann::ordered_json::array();
  for (const calendar::Holiday& h : s.holidays) {
    nlohmann::ordered_json item;
    item["date"] = FormatDate(h.date);
    item["name"] = h.name;
    item["kind"] = calendar::HolidayKindName(h.kind);
    out["holidays"].push_back(std::move(item));
  }
  out["working_saturdays"] = nlohmann::ordered_json::array();
  for (DayNumber d : s.working_weekend_days) out["working_saturdays"].push_back(FormatDate(d));
  std::cout << out.dump() << "\n";
}

void Run(const std::string& year_text, bool json, CliState& state) {
  const int year = ParseYear(year_text);
  if (year == 0) {
    state.exit_code = ReportFailure(
        Status::InvalidArgument("năm không hợp lệ: \"" + year_text + "\" (cần dạng YYYY)"));
    return;
  }
  if (year < calendar::kFirstHolidayYear || year > calendar::kLastHolidayYear) {
    state.exit_code = ReportFailure(
        Status::OutOfRange("năm " + std::to_string(year) + " nằm ngoài phạm vi hỗ trợ (" +
                           std::to_string(calendar::kFirstHolidayYear) + "–" +
                           std::to_string(calendar::kLastHolidayYear) + ")"));
    return;
  }
  Result<calendar::HolidayRules> rules = datafiles::LoadHolidayRules(state.data_dir);
  if (!rules.ok()) {
    state.exit_code = ReportFailure(rules.status().WithContext("không đọc được dữ liệu lịch nghỉ"));
    return;
  }
  Result<calendar::YearSchedule> schedule = rules->ForYear(year);
  if (!schedule.ok()) {
    state.exit_code = ReportFailure(schedule.status());
    return;
  }
  if (json) {
    PrintJson(*schedule);
  } else {
    PrintTable(*schedule, rules->NoticeFor(year));
  }
  state.exit_code = 0;
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "calendar", "Working time, holidays and the lunar calendar");
  CLI::App* cmd =
      group->add_subcommand("holidays", "The non-working holiday dates of a year (Vietnam)");
  auto year = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--year", *year, "The year, 1900..2199")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([year, json, &state] { Run(*year, *json, state); });
}

const RegisterCommand kRegister(310, Install);

}  // namespace
}  // namespace motcua::cli
