// Reports as CSV (RFC 4180), rendered from the field table of report_fields.h.
#include "report/report_csv.h"

#include <cstdio>
#include <initializer_list>
#include <string>
#include <vector>

#include "report/report_fields.h"

namespace motcua::report {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

void AppendRow(std::string& out, std::initializer_list<std::string_view> head,
               const std::vector<std::string>& tail) {
  bool first = true;
  for (std::string_view f : head) {
    if (!first) out += ',';
    out += CsvField(f);
    first = false;
  }
  for (const std::string& f : tail) {
    if (!first) out += ',';
    out += CsvField(f);
    first = false;
  }
  out += "\r\n";  // RFC 4180, section 2.1
}

std::vector<std::string> HeaderCells(const CsvOptions& options) {
  std::vector<std::string> cells;
  for (const ReportField& f : ReportFields()) {
    cells.emplace_back(options.vietnamese_labels ? f.label_vi : f.column);
  }
  return cells;
}

std::vector<std::string> ValueCells(const Report& report) {
  std::vector<std::string> cells;
  for (const ReportField& f : ReportFields()) {
    if (f.count) {
      cells.push_back(std::to_string(f.count(report)));
    } else if (f.ratio) {
      const std::optional<double> v = f.ratio(report);
      char buf[64] = "";
      if (v) std::snprintf(buf, sizeof buf, "%.4f", *v);
      cells.emplace_back(buf);
    } else {
      const std::optional<std::int64_t> v = f.amount(report);
      cells.push_back(v ? std::to_string(*v) : std::string());
    }
  }
  return cells;
}

const char* FromLabel(const CsvOptions& o) { return o.vietnamese_labels ? "Từ ngày" : "from"; }
// `to` is exclusive; the Vietnamese label says so ("đến trước ngày").
const char* ToLabel(const CsvOptions& o) { return o.vietnamese_labels ? "Đến trước ngày" : "to"; }

}  // namespace

namespace {

// "-12", "3.5": a number, which a spreadsheet may read as one.
bool IsPlainNumber(std::string_view text) {
  std::size_t i = text.starts_with('-') ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      digits = true;
    } else if (text[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

// A cell a spreadsheet would run as a formula (CSV injection, OWASP): text
// that begins with = + - @, a tab or a carriage return.
bool LooksLikeFormula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos &&
         !IsPlainNumber(text);
}

}  // namespace

std::string CsvField(std::string_view text) {
  // A leading apostrophe makes spreadsheets show the text as it is.
  const std::string guarded = LooksLikeFormula(text) ? "'" + std::string(text) : std::string(text);
  if (guarded.find_first_of(",\"\r\n") == std::string::npos) return guarded;
  std::string out = "\"";
  for (char c : guarded) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string ToCsv(const Report& report, const CsvOptions& options) {
  std::string out(options.utf8_bom ? kBom : "");
  AppendRow(out, {FromLabel(options), ToLabel(options)}, HeaderCells(options));
  AppendRow(out, {FormatBound(report.from), FormatBound(report.to)}, ValueCells(report));
  return out;
}

std::string ToCsv(const Breakdown& breakdown, const FactsTable& table, const CsvOptions& options) {
  std::string out(options.utf8_bom ? kBom : "");
  AppendRow(out, {GroupByName(breakdown.by), FromLabel(options), ToLabel(options)},
            HeaderCells(options));
  for (const BreakdownRow& row : breakdown.rows) {
    AppendRow(out,
              {GroupLabel(breakdown.by, row.key, table), FormatBound(row.report.from),
               FormatBound(row.report.to)},
              ValueCells(row.report));
  }
  return out;
}

std::string ToCsv(std::span<const DeadlineAlert> alerts, std::span<const DossierFacts> facts,
                  const FactsTable& table, const CsvOptions& options) {
  std::string out(options.utf8_bom ? kBom : "");
  if (options.vietnamese_labels) {
    AppendRow(out,
              {"Mã hồ sơ", "Cơ quan", "Thủ tục", "Cán bộ tiếp nhận", "Ngày tiếp nhận",
               "Hạn giải quyết", "Tình trạng"},
              {});
  } else {
    AppendRow(out, {"code", "agency", "procedure", "officer", "received_at", "due_at", "status"},
              {});
  }
  for (const DeadlineAlert& a : alerts) {
    const DossierFacts& f = facts[a.index];
    const char* status = options.vietnamese_labels ? (a.overdue ? "Quá hạn" : "Sắp đến hạn")
                                                   : (a.overdue ? "overdue" : "at_risk");
    AppendRow(out,
              {table.code(f), table.agencies().Name(f.agency()),
               table.procedures().Name(f.procedure()), table.officers().Name(f.officer()),
               FormatDateTime(f.received_or_never()), FormatDateTime(a.due_at), status},
              {});
  }
  return out;
}

}  // namespace motcua::report
