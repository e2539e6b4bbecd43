// `motcua catalog procedures [--agency CODE] [--date YYYY-MM-DD] [--json]`:
// the procedure versions in force at a date (today by default), with the
// agency and field that handle them at that date after reorganizations.
// `motcua catalog check [--json]`: validates the catalog folder; exit 2 with
// the file, line and column of the first problem.
#include <cmath>
#include <ctime>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "catalog/catalog.h"
#include "cli/command.h"
#include "datafiles/catalog_files.h"

namespace motcua::cli {
namespace {

using catalog::Catalog;
using catalog::Procedure;

struct ProceduresOptions {
  std::string agency;
  std::string date;
  bool json = false;
};

// A whole number prints as an integer ("20", not "20.0").
nlohmann::json Amount(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

// "0,5": Vietnamese writes the decimal separator as a comma.
std::string VietnameseNumber(double v) {
  std::ostringstream out;
  out << v;
  std::string s = out.str();
  for (char& c : s) {
    if (c == '.') c = ',';
  }
  return s;
}

std::string DateVi(DayNumber day) {
  const CivilDate d = CivilFromDays(day);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

// The agency and field that handle `p` at `day`; the publishing agency and
// field when nobody does any more.
std::pair<std::string, std::string> Handler(const Catalog& c, const Procedure& p, DayNumber day) {
  const catalog::Responsibility r = c.ResponsibleFor(p, day);
  if (r.agency == nullptr || r.field == nullptr) return {p.agency, p.field};
  return {r.agency->code, r.field->code};
}

nlohmann::json ProcedureJson(const Catalog& c, const Procedure& p, DayNumber day) {
  const auto [agency, field] = Handler(c, p, day);
  nlohmann::json out = {{"code", p.code},   {"version", p.version}, {"name", p.name},
                        {"agency", agency}, {"field", field},       {"sample", p.sample}};
  const bool hours = p.processing_time.unit == catalog::TimeUnit::kWorkingHours;
  out[hours ? "hours" : "days"] = Amount(p.processing_time.amount);
  nlohmann::json components = nlohmann::json::array();
  for (const catalog::Component& comp : p.components) {
    nlohmann::json j = {{"id", comp.id},
                        {"name", comp.name},
                        {"form", catalog::DocumentFormName(comp.form)},
                        {"count", comp.count},
                        {"mandatory", comp.mandatory}};
    if (!comp.mandatory) j["condition"] = comp.condition;
    components.push_back(std::move(j));
  }
  out["components"] = std::move(components);
  return out;
}

void PrintText(const Catalog& c, const std::vector<const Procedure*>& procedures, DayNumber day) {
  std::cout << "Danh mục thủ tục hành chính có hiệu lực ngày " << DateVi(day) << ": "
            << procedures.size() << " thủ tục\n";
  // Grouped by the agency that handles them at `day`, in code order.
  std::map<std::string, std::vector<const Procedure*>> by_agency;
  for (const Procedure* p : procedures) by_agency[Handler(c, *p, day).first].push_back(p);
  for (const auto& [agency_code, list] : by_agency) {
    const catalog::Agency* agency = c.FindAgency(agency_code);
    std::cout << "\n" << (agency ? agency->name : agency_code) << " (" << agency_code << ")\n";
    for (const Procedure* p : list) {
      const catalog::Field* field = c.FindField(agency_code, Handler(c, *p, day).second);
      const bool hours = p->processing_time.unit == catalog::TimeUnit::kWorkingHours;
      std::cout << "  " << p->code << "  " << p->name << "\n"
                << "            Lĩnh vực: " << (field ? field->name : p->field)
                << " · Thời hạn: " << VietnameseNumber(p->processing_time.amount)
                << (hours ? " giờ làm việc" : " ngày làm việc");
      if (p->sample) std::cout << " · Dữ liệu mẫu, chưa kiểm chứng đầy đủ";
      std::cout << "\n            Thành phần hồ sơ:\n";
      for (const catalog::Component& comp : p->components) {
        std::cout << "              - " << comp.name << " ("
                  << catalog::DocumentFormLabel(comp.form) << ", " << comp.count << " bản)";
        if (!comp.mandatory) std::cout << " — " << comp.condition;
        std::cout << "\n";
      }
    }
  }
}

int RunProcedures(const CliState& state, const ProceduresOptions& opt) {
  DayNumber day = LocalDayOf(static_cast<Instant>(std::time(nullptr)));
  if (!opt.date.empty()) {
    Result<CivilDate> date = ParseDate(opt.date);
    if (!date.ok()) return ReportFailure(date.status());
    day = DaysFromCivil(*date);
  }
  Result<Catalog> c = datafiles::LoadCatalog(state.data_dir);
  if (!c.ok()) return ReportFailure(c.status());
  std::vector<const Procedure*> procedures;
  if (opt.agency.empty()) {
    procedures = c->ProceduresAt(day);
  } else {
    if (c->FindAgency(opt.agency) == nullptr) {
      return ReportFailure(Status::NotFound("không có cơ quan mã " + opt.agency));
    }
    procedures = c->ProceduresHandledBy(opt.agency, day);
  }
  if (opt.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const Procedure* p : procedures) out.push_back(ProcedureJson(*c, *p, day));
    std::cout << out.dump(2) << "\n";
  } else {
    PrintText(*c, procedures, day);
  }
  return 0;
}

int RunCheck(const CliState& state, bool json) {
  Result<Catalog> c = datafiles::LoadCatalog(state.data_dir);
  if (!c.ok()) {
    if (json) {
      std::cout << nlohmann::json{{"ok", false}, {"error", c.status().message()}}.dump(2) << "\n";
      return ExitCodeFor(c.status());
    }
    return ReportFailure(c.status());
  }
  size_t codes = 0;
  const auto& versions = c->AllVersions();
  for (size_t i = 0; i < versions.size(); ++i) {
    if (i == 0 || versions[i].code != versions[i - 1].code) ++codes;
  }
  if (json) {
    std::cout << nlohmann::json{{"ok", true},
                                {"agencies", c->Agencies().size()},
                                {"procedures", codes},
                                {"versions", versions.size()}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "Danh mục hợp lệ: " << c->Agencies().size() << " cơ quan, " << codes
              << " thủ tục, " << versions.size() << " phiên bản.\n";
  }
  return 0;
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "catalog", "Agencies and procedures of the catalog");

  auto opt = std::make_shared<ProceduresOptions>();
  CLI::App* procedures =
      group->add_subcommand("procedures", "List the procedure versions in force at a date");
  procedures->add_option("--agency", opt->agency,
                         "Only procedures this agency handles (unit code, e.g. 000.00.12.H29)");
  procedures->add_option("--date", opt->date, "Date YYYY-MM-DD (default: today, UTC+7)");
  procedures->add_flag("--json", opt->json, "Print JSON");
  procedures->callback([&state, opt] { state.exit_code = RunProcedures(state, *opt); });

  auto check_json = std::make_shared<bool>(false);
  CLI::App* check = group->add_subcommand("check", "Validate the catalog files of the data folder");
  check->add_flag("--json", *check_json, "Print JSON");
  check->callback([&state, check_json] { state.exit_code = RunCheck(state, *check_json); });
}

const RegisterCommand kRegister(300, Install);

}  // namespace
}  // namespace motcua::cli
