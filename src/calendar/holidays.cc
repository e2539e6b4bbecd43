// HolidayRules: statutory days, art. 111(3) substitutes, yearly notices.
#include "calendar/holidays.h"

#include <algorithm>

#include "calendar/holiday_parse.h"
#include "calendar/lunar.h"

namespace motcua::calendar {
namespace {

// The weekly rest days of the public sector: Saturday and Sunday (the
// 40-hour week since Decision 188/1999/QĐ-TTg). Art. 111(3) substitution is
// reckoned on this week whatever office hours a deployment configures.
bool IsWeeklyRestDay(DayNumber d) {
  const int w = WeekdayOf(d);
  return w == 0 || w == 6;
}

struct Window {
  DayNumber lo;
  DayNumber hi;  // inclusive
  bool Meets(DayNumber a, DayNumber b) const { return a <= hi && b >= lo; }
};

// Appends the days of `rule` whose block starts from an anchor in `anchor`
// and that fall in `window` and in the rule's effective window.
void AppendBlock(const StatutoryRule& rule, DayNumber anchor, const Window& window,
                 std::vector<Holiday>* out) {
  const DayNumber first = anchor - rule.days_before;
  for (DayNumber d = first; d < first + rule.days; ++d) {
    if (d < window.lo || d > window.hi) continue;
    if (d < rule.effective_from || d > rule.effective_to) continue;
    out->push_back(Holiday{d, rule.name, HolidayKind::kStatutory});
  }
}

// The statutory days of `rule` inside `window`.
Status AppendRuleDays(const StatutoryRule& rule, const Window& window, std::vector<Holiday>* out) {
  if (!rule.enabled || !window.Meets(rule.effective_from, rule.effective_to)) return Status::Ok();
  const int lo_year = CivilFromDays(window.lo).year;
  const int hi_year = CivilFromDays(window.hi).year;
  const int after = rule.days - rule.days_before - 1;
  if (rule.calendar == DateCalendar::kSolar) {
    for (int y = lo_year - 1; y <= hi_year + 1; ++y) {
      AppendBlock(rule, DaysFromCivil(CivilDate{y, rule.month, rule.day}), window, out);
    }
    return Status::Ok();
  }
  for (int y = lo_year - 1; y <= hi_year; ++y) {
    if (y < kFirstLunarYear || y > kLastLunarYear) continue;
    // Cheap bounds before the conversion: lunar new year falls between
    // 21 January and 20 February, and months have 29 or 30 days with at
    // most one leap month before month `rule.month`.
    const DayNumber earliest = DaysFromCivil(CivilDate{y, 1, 19}) + (rule.month - 1) * 29 +
                               (rule.day - 1) - rule.days_before;
    const DayNumber latest =
        DaysFromCivil(CivilDate{y, 2, 22}) + rule.month * 30 + (rule.day - 1) + after;
    if (!window.Meets(earliest, latest)) continue;
    Result<CivilDate> solar = LunarToSolar(LunarDate{y, rule.month, rule.day, false});
    if (!solar.ok()) {
      // Day 30 of a month that has 29 days this year: no holiday that year.
      if (solar.status().code() == Status::Code::kInvalidArgument) continue;
      if (solar.status().code() == Status::Code::kOutOfRange) continue;
      return solar.status().WithContext(rule.name);
    }
    AppendBlock(rule, DaysFromCivil(*solar), window, out);
  }
  return Status::Ok();
}

bool ByDate(const Holiday& a, const Holiday& b) { return a.date < b.date; }

}  // namespace

Result<HolidayRules> HolidayRules::Parse(std::string_view statutory_text, std::string_view name) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<StatutoryRule> rules,
                          internal::ParseStatutoryRules(statutory_text, name));
  HolidayRules out;
  out.rules_ = std::move(rules);
  return out;
}

Status HolidayRules::AddYearFile(std::string_view text, std::string_view name) {
  MOTCUA_ASSIGN_OR_RETURN(YearNotice notice, internal::ParseYearFile(text, name, [this](int year) {
                            return ComputedForYear(year);
                          }));
  if (const YearNotice* before = NoticeFor(notice.year)) {
    return Status::AlreadyExists(std::string(name) + ": the year " + std::to_string(notice.year) +
                                 " already has a file (" + before->file + ")");
  }
  const int year = notice.year;
  notices_.emplace(year, std::move(notice));
  return Status::Ok();
}

const YearNotice* HolidayRules::NoticeFor(int year) const {
  const auto it = notices_.find(year);
  return it == notices_.end() ? nullptr : &it->second;
}

Result<YearSchedule> HolidayRules::ComputedForYear(int year) const {
  if (year < kFirstHolidayYear || year > kLastHolidayYear) {
    return Status::OutOfRange("the year " + std::to_string(year) + " is outside " +
                              std::to_string(kFirstHolidayYear) + ".." +
                              std::to_string(kLastHolidayYear));
  }
  // Statutory days from December of the year before, so that a holiday on
  // the last weekend of that year hands its substitute on into this one.
  const Window window{DaysFromCivil(CivilDate{year - 1, 12, 1}),
                      DaysFromCivil(CivilDate{year, 12, 31})};
  std::vector<Holiday> statutory;
  statutory.reserve(16);
  for (const StatutoryRule& rule : rules_) {
    MOTCUA_RETURN_IF_ERROR(AppendRuleDays(rule, window, &statutory));
  }
  std::stable_sort(statutory.begin(), statutory.end(), ByDate);
  // Two rules on one date (say Hùng Kings' day on 30 April) make one
  // holiday; the law grants no extra day for the overlap.
  std::vector<Holiday> merged;
  merged.reserve(statutory.size());
  for (Holiday& h : statutory) {
    if (!merged.empty() && merged.back().date == h.date) {
      if (merged.back().name != h.name) merged.back().name += "; " + h.name;
      continue;
    }
    merged.push_back(std::move(h));
  }

  // Art. 111(3) (2019; art. 115(3) in 2012, art. 73 in 1994): a holiday on
  // a weekly rest day is taken on the next working day. Walking in date
  // order, each takes the first weekday after it that is neither a holiday
  // nor taken by an earlier substitute.
  std::vector<DayNumber> taken;
  taken.reserve(merged.size() * 2);
  for (const Holiday& h : merged) taken.push_back(h.date);
  const auto is_taken = [&taken](DayNumber d) {
    return std::find(taken.begin(), taken.end(), d) != taken.end();
  };
  YearSchedule out;
  out.year = year;
  const DayNumber jan1 = DaysFromCivil(CivilDate{year, 1, 1});
  for (const Holiday& h : merged) {
    if (h.date >= jan1) out.holidays.push_back(h);
    if (!IsWeeklyRestDay(h.date)) continue;
    DayNumber d = h.date + 1;
    while (IsWeeklyRestDay(d) || is_taken(d)) ++d;
    taken.push_back(d);
    if (d >= jan1 && d <= window.hi) {
      out.holidays.push_back(Holiday{d, "Nghỉ bù " + h.name, HolidayKind::kSubstitute});
    }
  }
  std::sort(out.holidays.begin(), out.holidays.end(), ByDate);
  return out;
}

Result<YearSchedule> HolidayRules::ForYear(int year) const {
  MOTCUA_ASSIGN_OR_RETURN(YearSchedule out, ComputedForYear(year));
  const YearNotice* notice = NoticeFor(year);
  if (notice == nullptr) return out;
  const auto listed = [](const auto& list, DayNumber d) {
    return std::find(list.begin(), list.end(), d) != list.end();
  };
  std::erase_if(out.holidays, [&](const Holiday& h) {
    return listed(notice->dropped, h.date) ||
           std::any_of(notice->announced.begin(), notice->announced.end(),
                       [&h](const Holiday& a) { return a.date == h.date; });
  });
  out.holidays.insert(out.holidays.end(), notice->announced.begin(), notice->announced.end());
  std::sort(out.holidays.begin(), out.holidays.end(), ByDate);
  out.working_weekend_days = notice->working_weekend_days;
  return out;
}

}  // namespace motcua::calendar
