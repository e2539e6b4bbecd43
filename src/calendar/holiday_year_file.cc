// YYYY.json: one year's official notice, checked against the computed
// schedule of that year.
#include <algorithm>
#include <map>
#include <string>

#include "calendar/holiday_json.h"
#include "calendar/holiday_parse.h"

namespace motcua::calendar::internal {
namespace {

const char* const kWeekdayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                     "Thursday", "Friday", "Saturday"};

bool IsWeekend(DayNumber d) {
  const int w = WeekdayOf(d);
  return w == 0 || w == 6;
}

// The trailing "YYYY" of a name like "data/calendar/2024.json", or 0.
int YearOfFileName(std::string_view name) {
  if (name.size() < 9 || name.substr(name.size() - 5) != ".json") return 0;
  const std::string_view stem = name.substr(name.size() - 9, 4);
  if (name.size() > 9 && name[name.size() - 10] != '/') return 0;
  int y = 0;
  for (char c : stem) {
    if (c < '0' || c > '9') return 0;
    y = y * 10 + (c - '0');
  }
  return y;
}

// Dates seen so far in one file, with where they were listed, to report
// the first place of a duplicate.
class SeenDates {
 public:
  // Empty when new, else the path where `d` was listed before.
  std::string Add(DayNumber d, const std::string& path) {
    const auto [it, inserted] = seen_.emplace(d, path);
    return inserted ? std::string() : it->second;
  }

 private:
  std::map<DayNumber, std::string> seen_;
};

class YearFileReader {
 public:
  YearFileReader(const JsonDoc& doc, const ComputeYear& computed)
      : doc_(doc), computed_(computed) {}

  Result<YearNotice> Read() {
    const Json& root = doc_.root();
    MOTCUA_RETURN_IF_ERROR(doc_.CheckFields(
        root, "", {"year", "notice", "notes", "holidays", "drop", "working_saturdays"}));
    MOTCUA_ASSIGN_OR_RETURN(const Json* year, doc_.Member(root, "", "year", true));
    MOTCUA_ASSIGN_OR_RETURN(notice_.year,
                            doc_.Int(*year, "year", kFirstHolidayYear, kLastHolidayYear));
    const int named = YearOfFileName(doc_.name());
    if (named != 0 && named != notice_.year) {
      return doc_.ErrorAt("year", "is " + std::to_string(notice_.year) + " but the file is named " +
                                      std::to_string(named) + ".json");
    }
    notice_.file = doc_.name();
    MOTCUA_ASSIGN_OR_RETURN(const Json* text, doc_.Member(root, "", "notice", true));
    MOTCUA_ASSIGN_OR_RETURN(notice_.notice, doc_.String(*text, "notice", false));
    MOTCUA_RETURN_IF_ERROR(ReadNotes(root));

    MOTCUA_ASSIGN_OR_RETURN(YearSchedule computed, computed_(notice_.year));
    MOTCUA_RETURN_IF_ERROR(ReadHolidays(root));
    MOTCUA_RETURN_IF_ERROR(ReadDropped(root, computed));
    MOTCUA_RETURN_IF_ERROR(ReadWorkingDays(root, computed));
    std::sort(notice_.announced.begin(), notice_.announced.end(),
              [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
    std::sort(notice_.dropped.begin(), notice_.dropped.end());
    std::sort(notice_.working_weekend_days.begin(), notice_.working_weekend_days.end());
    return std::move(notice_);
  }

 private:
  Status ReadNotes(const Json& root) {
    MOTCUA_ASSIGN_OR_RETURN(const Json* notes, doc_.Member(root, "", "notes", false));
    if (notes == nullptr || notes->is_string()) return Status::Ok();
    if (!notes->is_array()) return doc_.ErrorAt("notes", "must be a string or an array of strings");
    for (size_t i = 0; i < notes->size(); ++i) {
      MOTCUA_RETURN_IF_ERROR(doc_.String((*notes)[i], JsonDoc::Index("notes", i), true).status());
    }
    return Status::Ok();
  }

  // A date of the file's year at `path`.
  Result<DayNumber> DateInYear(const Json& v, const std::string& path) {
    MOTCUA_ASSIGN_OR_RETURN(DayNumber d, doc_.Date(v, path));
    if (CivilFromDays(d).year != notice_.year) {
      return doc_.ErrorAt(path, FormatDate(d) + " is not in " + std::to_string(notice_.year));
    }
    return d;
  }

  Status AddOnce(DayNumber d, const std::string& path) {
    const std::string before = seen_.Add(d, path);
    if (before.empty()) return Status::Ok();
    return doc_.ErrorAt(path, FormatDate(d) + " is listed twice (also at " + before + ")");
  }

  Status ReadHolidays(const Json& root) {
    MOTCUA_ASSIGN_OR_RETURN(const Json* list, doc_.Member(root, "", "holidays", false));
    if (list == nullptr) return Status::Ok();
    MOTCUA_RETURN_IF_ERROR(doc_.RequireArray(*list, "holidays"));
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string path = JsonDoc::Index("holidays", i);
      const Json& entry = (*list)[i];
      MOTCUA_RETURN_IF_ERROR(doc_.RequireObject(entry, path));
      MOTCUA_RETURN_IF_ERROR(doc_.CheckFields(entry, path, {"date", "from", "to", "name", "note"}));
      MOTCUA_ASSIGN_OR_RETURN(const Json* name_v, doc_.Member(entry, path, "name", true));
      MOTCUA_ASSIGN_OR_RETURN(std::string name,
                              doc_.String(*name_v, JsonDoc::Child(path, "name"), false));
      MOTCUA_ASSIGN_OR_RETURN(const Json* note, doc_.Member(entry, path, "note", false));
      if (note != nullptr) {
        MOTCUA_RETURN_IF_ERROR(doc_.String(*note, JsonDoc::Child(path, "note"), true).status());
      }
      MOTCUA_ASSIGN_OR_RETURN(const Json* date, doc_.Member(entry, path, "date", false));
      MOTCUA_ASSIGN_OR_RETURN(const Json* from, doc_.Member(entry, path, "from", false));
      MOTCUA_ASSIGN_OR_RETURN(const Json* to, doc_.Member(entry, path, "to", false));
      DayNumber first = 0;
      DayNumber last = 0;
      std::string where;  // the path that duplicates are reported at
      if (date != nullptr) {
        if (from != nullptr || to != nullptr) {
          return doc_.ErrorAtKey(JsonDoc::Child(path, from != nullptr ? "from" : "to"),
                                 "an entry has either \"date\" or \"from\"/\"to\", not both");
        }
        where = JsonDoc::Child(path, "date");
        MOTCUA_ASSIGN_OR_RETURN(first, DateInYear(*date, where));
        last = first;
      } else {
        if (from == nullptr || to == nullptr) {
          return doc_.ErrorAt(path, "an entry needs \"date\", or both \"from\" and \"to\"");
        }
        where = JsonDoc::Child(path, "from");
        MOTCUA_ASSIGN_OR_RETURN(first, DateInYear(*from, where));
        MOTCUA_ASSIGN_OR_RETURN(last, DateInYear(*to, JsonDoc::Child(path, "to")));
        if (last < first) {
          return doc_.ErrorAt(JsonDoc::Child(path, "to"),
                              FormatDate(last) + " is before from " + FormatDate(first));
        }
        if (last - first >= 31) {
          return doc_.ErrorAt(JsonDoc::Child(path, "to"),
                              "a range of more than 31 days is surely a mistake");
        }
      }
      for (DayNumber d = first; d <= last; ++d) {
        MOTCUA_RETURN_IF_ERROR(AddOnce(d, where));
        notice_.announced.push_back(Holiday{d, name, HolidayKind::kAnnounced});
      }
    }
    return Status::Ok();
  }

  Status ReadDropped(const Json& root, const YearSchedule& computed) {
    MOTCUA_ASSIGN_OR_RETURN(const Json* list, doc_.Member(root, "", "drop", false));
    if (list == nullptr) return Status::Ok();
    MOTCUA_RETURN_IF_ERROR(doc_.RequireArray(*list, "drop"));
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string path = JsonDoc::Index("drop", i);
      MOTCUA_ASSIGN_OR_RETURN(DayNumber d, DateInYear((*list)[i], path));
      MOTCUA_RETURN_IF_ERROR(AddOnce(d, path));
      const bool computed_day = std::any_of(computed.holidays.begin(), computed.holidays.end(),
                                            [d](const Holiday& h) { return h.date == d; });
      if (!computed_day) {
        return doc_.ErrorAt(path, FormatDate(d) +
                                      " is not a statutory or substitute day computed for " +
                                      std::to_string(notice_.year) + "; there is nothing to drop");
      }
      notice_.dropped.push_back(d);
    }
    return Status::Ok();
  }

  Status ReadWorkingDays(const Json& root, const YearSchedule& computed) {
    MOTCUA_ASSIGN_OR_RETURN(const Json* list, doc_.Member(root, "", "working_saturdays", false));
    if (list == nullptr) return Status::Ok();
    MOTCUA_RETURN_IF_ERROR(doc_.RequireArray(*list, "working_saturdays"));
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string path = JsonDoc::Index("working_saturdays", i);
      MOTCUA_ASSIGN_OR_RETURN(DayNumber d, DateInYear((*list)[i], path));
      if (!IsWeekend(d)) {
        return doc_.ErrorAt(
            path, FormatDate(d) + " is a " + kWeekdayNames[WeekdayOf(d)] + ", not a weekend day");
      }
      const std::string before = seen_working_.Add(d, path);
      if (!before.empty()) {
        return doc_.ErrorAt(path, FormatDate(d) + " is listed twice (also at " + before + ")");
      }
      const auto announced = std::find_if(notice_.announced.begin(), notice_.announced.end(),
                                          [d](const Holiday& h) { return h.date == d; });
      if (announced != notice_.announced.end()) {
        return doc_.ErrorAt(
            path, FormatDate(d) + " is also announced as a holiday (" + announced->name + ")");
      }
      const bool dropped =
          std::find(notice_.dropped.begin(), notice_.dropped.end(), d) != notice_.dropped.end();
      const auto hit = std::find_if(computed.holidays.begin(), computed.holidays.end(),
                                    [d](const Holiday& h) { return h.date == d; });
      if (hit != computed.holidays.end() && !dropped) {
        return doc_.ErrorAt(path, FormatDate(d) + " is a holiday (" + hit->name +
                                      "); drop it first to make it a working day");
      }
      notice_.working_weekend_days.push_back(d);
    }
    return Status::Ok();
  }

  const JsonDoc& doc_;
  const ComputeYear& computed_;
  YearNotice notice_;
  SeenDates seen_;          // announced and dropped dates
  SeenDates seen_working_;  // worked weekend days
};

}  // namespace

Result<YearNotice> ParseYearFile(std::string_view text, std::string_view name,
                                 const ComputeYear& computed) {
  MOTCUA_ASSIGN_OR_RETURN(JsonDoc doc, JsonDoc::Parse(text, name));
  return YearFileReader(doc, computed).Read();
}

}  // namespace motcua::calendar::internal
