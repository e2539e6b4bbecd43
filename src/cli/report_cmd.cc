// `motcua report --from DATE --to DATE [--agency CODE] [--field CODE]
// [--procedure CODE] [--officer LOGIN] [--channel C] [--grant ID]
// [--contract-cost VND] [--format json|csv] [--json] [--db URL]`: the
// reception and resolution report of DESIGN.md section 6.
//
// Dates are local (UTC+7) days; the period is [00:00 of --from, 00:00 of
// --to): --to is exclusive, so the year 2023 is --from 2023-01-01 --to
// 2024-01-01. The facts come from the store (Store::ReportFacts, narrowed to
// the agency when one is given) and are counted by report::Compute. Without
// --json or --format, a short Vietnamese summary is printed.
//
// Exit status: 0, or 2 for bad dates or options, 1 when the database fails.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/command.h"
#include "cli/db_option.h"
#include "report/report.h"
#include "report/report_csv.h"
#include "report/report_json.h"

namespace motcua::cli {
namespace {

struct Options {
  std::string from, to, db;
  std::optional<std::string> agency, field, procedure, officer, channel, grant;
  std::optional<std::int64_t> contract_cost;
  std::string format;  // "", "json" or "csv"
  bool json = false;
  bool vietnamese_headers = false;
};

Result<Instant> Midnight(const std::string& text, const char* option) {
  Result<CivilDate> d = ParseDate(text);
  if (!d.ok()) {
    return Status::InvalidArgument(std::string(option) + ": ngày không hợp lệ \"" + text +
                                   "\" (cần dạng YYYY-MM-DD)");
  }
  return LocalMidnight(DaysFromCivil(*d));
}

std::string Dmy(Instant t) {
  const CivilDate d = CivilFromDays(LocalDayOf(t));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::string Percent(const std::optional<double>& v) {
  if (!v) return "—";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", *v * 100);
  return buf;
}

void PrintText(const report::Report& r) {
  std::cout << "Báo cáo tình hình tiếp nhận và giải quyết hồ sơ từ " << Dmy(r.from) << " đến hết "
            << Dmy(r.to - 1) << "\n\n";
  std::cout << "Tiếp nhận: " << r.received.total << " (kỳ trước chuyển sang "
            << r.received.carried_over << "; mới " << r.received.fresh << ": trực tuyến "
            << r.received.online << ", trực tiếp " << r.received.counter << ", bưu chính "
            << r.received.postal << ")\n";
  std::cout << "Đã giải quyết: " << r.resolved.total << " (trước hạn " << r.resolved.early
            << ", đúng hạn " << r.resolved.on_time << ", quá hạn " << r.resolved.late << ")\n";
  std::cout << "Đang giải quyết: " << r.open.total << " (trong hạn " << r.open.within_deadline
            << ", quá hạn " << r.open.overdue << ")\n";
  std::cout << "Đã trả kết quả: " << r.returned << "; từ chối tiếp nhận: " << r.refused
            << "; rút hồ sơ: " << r.withdrawn << "; dừng xử lý: " << r.stopped << "\n";
  std::cout << "Yêu cầu bổ sung: khi tiếp nhận " << r.supplement_requests.at_reception
            << ", khi xử lý " << r.supplement_requests.in_processing
            << "; văn bản xin lỗi, hẹn lại: " << r.apologies << "\n";
  std::cout << "Tỷ lệ đúng hạn: " << Percent(r.indicators.on_time_rate)
            << "; tỷ lệ trực tuyến: " << Percent(r.indicators.online_share)
            << "; tỷ lệ phải bổ sung khi xử lý: " << Percent(r.indicators.rework_rate) << "\n";
}

void Run(const Options& o, CliState& state) {
  std::string format = o.json ? "json" : o.format;
  if (!format.empty() && format != "json" && format != "csv") {
    state.exit_code = ReportFailure(Status::InvalidArgument(
        "--format: \"" + format + "\" chưa được hỗ trợ ở dòng lệnh (json hoặc csv)"));
    return;
  }
  Result<Instant> from = Midnight(o.from, "--from");
  Result<Instant> to = Midnight(o.to, "--to");
  if (!from.ok() || !to.ok()) {
    state.exit_code = ReportFailure(from.ok() ? to.status() : from.status());
    return;
  }
  if (*from > *to) {
    state.exit_code =
        ReportFailure(Status::InvalidArgument("--to phải không sớm hơn --from (--to không tính)"));
    return;
  }
  report::SliceNames names;
  names.agency = o.agency;
  names.field = o.field;
  names.procedure = o.procedure;
  names.officer = o.officer;
  names.grant = o.grant;
  if (o.channel) {
    names.channel = report::ParseChannel(*o.channel);
    if (!names.channel) {
      state.exit_code = ReportFailure(Status::InvalidArgument("--channel: \"" + *o.channel +
                                                              "\" (online, counter hoặc postal)"));
      return;
    }
  }
  Result<std::unique_ptr<store::Store>> store = OpenStore(o.db);
  if (!store.ok()) {
    state.exit_code = ReportFailure(store.status());
    return;
  }
  store::FactsQuery fq;
  fq.agency_code = o.agency;
  fq.from = *from;
  fq.to = *to;
  Result<report::FactsTable> table = (*store)->ReportFacts(fq);
  if (!table.ok()) {
    state.exit_code = ReportFailure(table.status());
    return;
  }
  report::ReportQuery query;
  query.from = *from;
  query.to = *to;
  query.slice = report::ResolveSlice(*table, names);
  query.contract_cost_vnd = o.contract_cost;
  const report::Report r = report::Compute(table->facts(), query);
  if (format == "json") {
    std::cout << report::ToJson(r).dump() << "\n";
  } else if (format == "csv") {
    report::CsvOptions csv;
    csv.vietnamese_labels = o.vietnamese_headers;
    csv.utf8_bom = o.vietnamese_headers;
    std::cout << report::ToCsv(r, csv);
  } else {
    PrintText(r);
  }
  state.exit_code = 0;
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* cmd = root.add_subcommand(
      "report", "Reception and resolution report of a period [--from, --to), --to exclusive");
  auto o = std::make_shared<Options>();
  cmd->add_option("--from", o->from, "First day, YYYY-MM-DD (local time)")->required();
  cmd->add_option("--to", o->to, "Day after the last, YYYY-MM-DD (exclusive)")->required();
  cmd->add_option("--agency", o->agency, "Agency unit code");
  cmd->add_option("--field", o->field, "Field code");
  cmd->add_option("--procedure", o->procedure, "National procedure code");
  cmd->add_option("--officer", o->officer, "Login of the desk officer who received");
  cmd->add_option("--channel", o->channel, "online, counter or postal");
  cmd->add_option("--grant", o->grant, "Delegation grant id used at the desk");
  cmd->add_option("--contract-cost", o->contract_cost,
                  "Cost of the delegation contract over the period, VND");
  cmd->add_option("--format", o->format, "json or csv");
  cmd->add_flag("--json", o->json, "Print JSON (same as --format json)");
  cmd->add_flag("--vietnamese-headers", o->vietnamese_headers,
                "CSV with Vietnamese column labels and a UTF-8 byte-order mark");
  AddDbOption(cmd, &o->db);
  cmd->callback([o, &state] { Run(*o, state); });
}

const RegisterCommand kRegister(500, Install);

}  // namespace
}  // namespace motcua::cli
