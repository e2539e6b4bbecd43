// `motcua calendar due --from TIME (--days N | --hours H) [--json]`: the due
// time of a dossier received at TIME with N working days (or H working hours)
// of processing time, on the working calendar built from the shipped holiday
// data (DESIGN.md section 5).
#include <charconv>
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "calendar/holidays.h"
#include "calendar/working_calendar.h"
#include "cli/command.h"
#include "datafiles/working_calendar_loader.h"

namespace motcua::cli {
namespace {

struct Options {
  std::string from;
  std::optional<std::string> days;
  std::optional<std::string> hours;
  bool json = false;
};

// A non-negative decimal number, the whole text ("3", "0.5", "1.25").
std::optional<double> ParseAmount(const std::string& text) {
  double v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v, std::chars_format::fixed);
  if (ec != std::errc() || ptr != end || !std::isfinite(v) || v < 0) return std::nullopt;
  return v;
}

// "Thứ Tư, 07/02/2024 16:00" (seconds only when not zero).
std::string Describe(Instant t) {
  static const char* const kWeekdays[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                          "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};
  const DayNumber day = LocalDayOf(t);
  const CivilDate d = CivilFromDays(day);
  const int s = LocalSecondOfDay(t);
  char buf[64];
  if (s % 60 == 0) {
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", d.day, d.month, d.year, s / 3600,
                  s / 60 % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d:%02d", d.day, d.month, d.year,
                  s / 3600, s / 60 % 60, s % 60);
  }
  return std::string(kWeekdays[WeekdayOf(day)]) + ", " + buf;
}

// The calendar range the command supports: the whole range of the holiday
// data. Loading and building it takes about 15 ms (measured with the
// ShippedWorkingCalendarTest.WholeSupportedRangeBuilds test), so there is no
// need for a narrower one.
constexpr int kFirstYear = calendar::kFirstHolidayYear;
constexpr int kLastYear = calendar::kLastHolidayYear;

Status OutsideCalendar(const std::string& what) {
  return Status::OutOfRange(what + " nằm ngoài lịch làm việc được hỗ trợ (năm " +
                            std::to_string(kFirstYear) + "–" + std::to_string(kLastYear) + ")");
}

int Run(const Options& o, const std::string& data_dir) {
  if (o.days.has_value() == o.hours.has_value()) {
    return ReportFailure(
        Status::InvalidArgument("cần đúng một trong hai tùy chọn: --days (số ngày làm việc) hoặc "
                                "--hours (số giờ làm việc)"));
  }
  const bool by_days = o.days.has_value();
  const std::string& amount_text = by_days ? *o.days : *o.hours;
  const std::optional<double> amount = ParseAmount(amount_text);
  if (!amount) {
    return ReportFailure(Status::InvalidArgument(
        std::string(by_days ? "số ngày" : "số giờ") + " không hợp lệ: \"" + amount_text +
        "\" (cần một số không âm, có thể có phần thập phân, ví dụ 3 hoặc 0.5)"));
  }
  const Result<Instant> from = ParseDateTime(o.from);
  if (!from.ok()) {
    return ReportFailure(
        Status::InvalidArgument("thời điểm tiếp nhận không hợp lệ: \"" + o.from +
                                "\" (cần dạng RFC 3339, ví dụ 2024-02-07T16:00:00+07:00)"));
  }

  Result<calendar::WorkingCalendar> cal = datafiles::LoadWorkingCalendar(
      data_dir, calendar::OfficeHours::Default(), kFirstYear, kLastYear);
  if (!cal.ok()) {
    return ReportFailure(cal.status().WithContext("không đọc được dữ liệu lịch làm việc"));
  }
  if (!cal->IsWorkingTime(*from).ok()) {
    return ReportFailure(OutsideCalendar("thời điểm tiếp nhận " + FormatDateTime(*from)));
  }
  const Result<Instant> start = cal->NextWorkingMoment(*from);
  if (!start.ok()) return ReportFailure(OutsideCalendar("thời điểm bắt đầu tính"));
  const Result<Instant> due =
      by_days ? cal->AddWorkingDays(*from, *amount) : cal->AddWorkingHours(*from, *amount);
  if (!due.ok()) {
    if (due.status().code() == Status::Code::kOutOfRange) {
      return ReportFailure(OutsideCalendar("hạn trả kết quả"));
    }
    return ReportFailure(due.status());
  }

  if (o.json) {
    nlohmann::ordered_json out;  // keeps the documented key order
    out["from"] = FormatDateTime(*from);
    out["start"] = FormatDateTime(*start);
    out["due"] = FormatDateTime(*due);
    std::cout << out.dump() << "\n";
  } else {
    std::string shown = amount_text;  // Vietnamese writes a decimal comma
    for (char& c : shown) c = c == '.' ? ',' : c;
    std::cout << "Tiếp nhận:           " << Describe(*from) << "\n"
              << "Thời hạn giải quyết: " << shown << (by_days ? " ngày làm việc" : " giờ làm việc")
              << "\n"
              << "Bắt đầu tính:        " << Describe(*start) << "\n"
              << "Hạn trả kết quả:     " << Describe(*due) << "\n";
  }
  return 0;
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "calendar", "Working time, holidays and the lunar calendar");
  CLI::App* cmd = group->add_subcommand(
      "due", "The due time of a dossier: TIME plus N working days or H working hours");
  auto o = std::make_shared<Options>();
  cmd->add_option("--from", o->from, "Reception time, RFC 3339 (local UTC+7 without offset)")
      ->required();
  cmd->add_option("--days", o->days, "Working days, >= 0, fractional allowed (e.g. 0.5)");
  cmd->add_option("--hours", o->hours, "Working hours, >= 0, fractional allowed");
  cmd->add_flag("--json", o->json, "Print {\"from\",\"start\",\"due\"} as JSON");
  cmd->callback([o, &state] { state.exit_code = Run(*o, state.data_dir); });
}

const RegisterCommand kRegister(320, Install);

}  // namespace
}  // namespace motcua::cli
