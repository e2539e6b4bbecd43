// statutory.json: the holidays of the Labour Code with their effective dates.
#include <string>

#include "calendar/holiday_json.h"
#include "calendar/holiday_parse.h"

namespace motcua::calendar::internal {
namespace {

// Reads {"month": M, "day": D} of a solar or lunar date rule.
Status ReadMonthDay(const JsonDoc& doc, const Json& v, const std::string& path,
                    DateCalendar calendar, StatutoryRule* rule) {
  MOTCUA_RETURN_IF_ERROR(doc.RequireObject(v, path));
  MOTCUA_RETURN_IF_ERROR(doc.CheckFields(v, path, {"month", "day"}));
  MOTCUA_ASSIGN_OR_RETURN(const Json* month, doc.Member(v, path, "month", true));
  MOTCUA_ASSIGN_OR_RETURN(const Json* day, doc.Member(v, path, "day", true));
  MOTCUA_ASSIGN_OR_RETURN(rule->month, doc.Int(*month, JsonDoc::Child(path, "month"), 1, 12));
  const std::string day_path = JsonDoc::Child(path, "day");
  if (calendar == DateCalendar::kLunar) {
    // A lunar month has 29 or 30 days; a rule on the 30th yields nothing in
    // a year whose month is short (LunarToSolar says InvalidArgument).
    MOTCUA_ASSIGN_OR_RETURN(rule->day, doc.Int(*day, day_path, 1, 30));
  } else {
    // 29 February is refused: a holiday must occur every year.
    MOTCUA_ASSIGN_OR_RETURN(rule->day, doc.Int(*day, day_path, 1, DaysInMonth(2001, rule->month)));
  }
  rule->calendar = calendar;
  return Status::Ok();
}

Result<StatutoryRule> ReadRule(const JsonDoc& doc, const Json& v, const std::string& path) {
  MOTCUA_RETURN_IF_ERROR(doc.RequireObject(v, path));
  MOTCUA_RETURN_IF_ERROR(
      doc.CheckFields(v, path,
                      {"name", "solar", "lunar", "days", "days_before", "effective_from",
                       "effective_to", "enabled", "source", "note"}));
  StatutoryRule rule;
  MOTCUA_ASSIGN_OR_RETURN(const Json* name, doc.Member(v, path, "name", true));
  MOTCUA_ASSIGN_OR_RETURN(rule.name, doc.String(*name, JsonDoc::Child(path, "name"), false));

  MOTCUA_ASSIGN_OR_RETURN(const Json* solar, doc.Member(v, path, "solar", false));
  MOTCUA_ASSIGN_OR_RETURN(const Json* lunar, doc.Member(v, path, "lunar", false));
  if ((solar == nullptr) == (lunar == nullptr)) {
    if (solar != nullptr) {
      return doc.ErrorAtKey(JsonDoc::Child(path, "lunar"),
                            "a rule has either \"solar\" or \"lunar\", not both");
    }
    return doc.ErrorAt(path, "a rule needs a date: \"solar\" or \"lunar\" {\"month\", \"day\"}");
  }
  if (solar != nullptr) {
    MOTCUA_RETURN_IF_ERROR(
        ReadMonthDay(doc, *solar, JsonDoc::Child(path, "solar"), DateCalendar::kSolar, &rule));
  } else {
    MOTCUA_RETURN_IF_ERROR(
        ReadMonthDay(doc, *lunar, JsonDoc::Child(path, "lunar"), DateCalendar::kLunar, &rule));
  }

  MOTCUA_ASSIGN_OR_RETURN(const Json* days, doc.Member(v, path, "days", false));
  if (days != nullptr) {
    MOTCUA_ASSIGN_OR_RETURN(rule.days, doc.Int(*days, JsonDoc::Child(path, "days"), 1, 10));
  }
  MOTCUA_ASSIGN_OR_RETURN(const Json* before, doc.Member(v, path, "days_before", false));
  if (before != nullptr) {
    MOTCUA_ASSIGN_OR_RETURN(
        rule.days_before, doc.Int(*before, JsonDoc::Child(path, "days_before"), 0, rule.days - 1));
  }

  MOTCUA_ASSIGN_OR_RETURN(const Json* from, doc.Member(v, path, "effective_from", true));
  MOTCUA_ASSIGN_OR_RETURN(rule.effective_from,
                          doc.Date(*from, JsonDoc::Child(path, "effective_from")));
  MOTCUA_ASSIGN_OR_RETURN(const Json* to, doc.Member(v, path, "effective_to", false));
  rule.effective_to = StatutoryRule::kNoEnd;
  if (to != nullptr) {
    const std::string to_path = JsonDoc::Child(path, "effective_to");
    MOTCUA_ASSIGN_OR_RETURN(rule.effective_to, doc.Date(*to, to_path));
    if (rule.effective_to < rule.effective_from) {
      return doc.ErrorAt(to_path, "ends before effective_from " + FormatDate(rule.effective_from));
    }
  }

  MOTCUA_ASSIGN_OR_RETURN(const Json* enabled, doc.Member(v, path, "enabled", false));
  if (enabled != nullptr) {
    MOTCUA_ASSIGN_OR_RETURN(rule.enabled, doc.Bool(*enabled, JsonDoc::Child(path, "enabled")));
  }
  MOTCUA_ASSIGN_OR_RETURN(const Json* source, doc.Member(v, path, "source", false));
  if (source != nullptr) {
    MOTCUA_ASSIGN_OR_RETURN(rule.source, doc.String(*source, JsonDoc::Child(path, "source"), true));
  }
  MOTCUA_ASSIGN_OR_RETURN(const Json* note, doc.Member(v, path, "note", false));
  if (note != nullptr) {
    MOTCUA_RETURN_IF_ERROR(doc.String(*note, JsonDoc::Child(path, "note"), true).status());
  }
  return rule;
}

}  // namespace

Result<std::vector<StatutoryRule>> ParseStatutoryRules(std::string_view text,
                                                       std::string_view name) {
  MOTCUA_ASSIGN_OR_RETURN(JsonDoc doc, JsonDoc::Parse(text, name));
  const Json& root = doc.root();
  MOTCUA_RETURN_IF_ERROR(doc.CheckFields(root, "", {"description", "rules"}));
  MOTCUA_ASSIGN_OR_RETURN(const Json* description, doc.Member(root, "", "description", false));
  if (description != nullptr) {
    MOTCUA_RETURN_IF_ERROR(doc.String(*description, "description", true).status());
  }
  MOTCUA_ASSIGN_OR_RETURN(const Json* rules, doc.Member(root, "", "rules", true));
  MOTCUA_RETURN_IF_ERROR(doc.RequireArray(*rules, "rules"));
  if (rules->empty()) return doc.ErrorAt("rules", "must list at least one rule");
  std::vector<StatutoryRule> out;
  out.reserve(rules->size());
  for (size_t i = 0; i < rules->size(); ++i) {
    MOTCUA_ASSIGN_OR_RETURN(StatutoryRule rule,
                            ReadRule(doc, (*rules)[i], JsonDoc::Index("rules", i)));
    out.push_back(std::move(rule));
  }
  return out;
}

}  // namespace motcua::calendar::internal
