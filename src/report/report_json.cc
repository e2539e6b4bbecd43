// Reports as JSON, rendered from the field table of report_fields.h.
#include "report/report_json.h"

#include <string>

#include "report/report_fields.h"

namespace motcua::report {

nlohmann::json ToJson(const Report& report) {
  nlohmann::json j = nlohmann::json::object();
  j["from"] = FormatBound(report.from);
  j["to"] = FormatBound(report.to);
  for (const ReportField& field : ReportFields()) {
    nlohmann::json& slot = field.group ? j[field.group][field.key] : j[field.key];
    if (field.count) {
      slot = field.count(report);
    } else if (field.ratio) {
      const std::optional<double> v = field.ratio(report);
      slot = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    } else {
      const std::optional<std::int64_t> v = field.amount(report);
      slot = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    }
  }
  return j;
}

nlohmann::json ToJson(const Breakdown& breakdown, const FactsTable& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (const BreakdownRow& row : breakdown.rows) {
    nlohmann::json r = ToJson(row.report);
    r["group"] = GroupLabel(breakdown.by, row.key, table);
    rows.push_back(std::move(r));
  }
  return {{"by", GroupByName(breakdown.by)},
          {"from", FormatBound(breakdown.from)},
          {"to", FormatBound(breakdown.to)},
          {"rows", std::move(rows)}};
}

nlohmann::json ToJson(std::span<const DeadlineAlert> alerts, std::span<const DossierFacts> facts,
                      const FactsTable& table) {
  nlohmann::json list = nlohmann::json::array();
  for (const DeadlineAlert& a : alerts) {
    const DossierFacts& f = facts[a.index];
    list.push_back({{"code", std::string(table.code(f))},
                    {"agency", std::string(table.agencies().Name(f.agency()))},
                    {"procedure", std::string(table.procedures().Name(f.procedure()))},
                    {"officer", std::string(table.officers().Name(f.officer()))},
                    {"received_at", FormatDateTime(f.received_or_never())},
                    {"due_at", FormatDateTime(a.due_at)},
                    {"status", a.overdue ? "overdue" : "at_risk"}});
  }
  return list;
}

}  // namespace motcua::report
