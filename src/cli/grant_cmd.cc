// `motcua grant add | revoke | list`: delegation grants (access/grant.h), by
// which an agency lets a user, typically a postal employee, do front-desk
// work on its behalf.
//
//   motcua grant add --agency CODE --to LOGIN --actions a,b,... --from DATE
//                    [--until DATE] [--backup]
//                    [--scope-fields X,Y | --scope-procedures X,Y]
//                    [--contract REF] [--json] [--db URL]
//   motcua grant revoke ID [--db URL]
//   motcua grant list [--agency CODE] [--to LOGIN] [--json] [--db URL]
//
// Dates are days in Vietnam time (UTC+7). A grant runs from 00:00 of --from
// to the end of --until, inclusive: "--until 2026-12-31" covers that whole
// day (stored as valid_to = 2027-01-01T00:00+07:00, exclusive). Without
// --until the grant is open-ended. (The end date is --until, not --to: --to
// names the grantee, as it does for `grant list`.)
//
// The agency must be in the catalog, the grantee a stored user, field codes
// fields of the agency and procedure codes procedures of the catalog; the
// grant must pass access::ValidateGrant. Nothing is written unless all of
// that holds. Each write is recorded in the audit log with request id "cli".
//
// Exit status: 0; 2 for bad input; 1 when the data or the database fails.

#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli_audit.h"
#include "cli/command.h"
#include "cli/db_option.h"
#include "datafiles/catalog_files.h"

namespace motcua::cli {
namespace {

// 00:00 Vietnam time of the day `text` (YYYY-MM-DD), plus `days`.
Result<Instant> DayStart(const std::string& text, const char* option, int days) {
  Result<CivilDate> d = ParseDate(text);
  if (!d.ok()) {
    return Status::InvalidArgument(std::string("ngày không hợp lệ cho ") + option + ": \"" + text +
                                   "\" (cần dạng YYYY-MM-DD)");
  }
  return LocalMidnight(DaysFromCivil(*d) + days);
}

std::string ActionsText(const access::Grant& g) {
  std::string out;
  for (const access::GrantAction a : g.actions) {
    if (!out.empty()) out += ",";
    out += access::GrantActionName(a);
  }
  return out;
}

std::string CodesText(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

// The inclusive last day of a grant that ends (exclusively) at `valid_to`.
std::string LastDay(Instant valid_to) { return FormatDate(LocalDayOf(valid_to - 1)); }

nlohmann::ordered_json GrantJson(const access::Grant& g) {
  nlohmann::ordered_json j;
  j["id"] = g.id;
  j["agency"] = g.agency_code;
  j["grantee"] = g.grantee_login;
  j["scope"] = {{"kind", access::ScopeKindName(g.scope.kind)}, {"codes", g.scope.codes}};
  j["actions"] = nlohmann::ordered_json::array();
  for (const access::GrantAction a : g.actions) j["actions"].push_back(access::GrantActionName(a));
  j["tier"] = access::GrantTierName(g.tier);
  j["from"] = FormatDate(LocalDayOf(g.valid_from));
  j["until"] = g.valid_to ? nlohmann::ordered_json(LastDay(*g.valid_to)) : nullptr;
  j["valid_from"] = FormatDateTime(g.valid_from);
  j["valid_to"] = g.valid_to ? nlohmann::ordered_json(FormatDateTime(*g.valid_to)) : nullptr;
  j["revoked_at"] = g.revoked_at ? nlohmann::ordered_json(FormatDateTime(*g.revoked_at)) : nullptr;
  j["contract"] = g.contract_reference;
  return j;
}

struct AddOptions {
  std::string db;
  std::string agency;
  std::string grantee;
  std::vector<std::string> actions;
  std::string from;
  std::string until;
  bool backup = false;
  std::vector<std::string> scope_fields;
  std::vector<std::string> scope_procedures;
  std::string contract;
  bool json = false;
};

Result<access::Grant> BuildGrant(const AddOptions& o, const catalog::Catalog& catalog) {
  access::Grant g;
  const catalog::Agency* agency = catalog.FindAgency(o.agency);
  if (agency == nullptr) {
    return Status::InvalidArgument("không có cơ quan mã " + o.agency + " trong danh mục");
  }
  g.agency_code = o.agency;
  g.grantee_login = o.grantee;
  for (const std::string& name : o.actions) {
    Result<access::GrantAction> a = access::ParseGrantAction(name);
    if (!a.ok()) {
      return Status::InvalidArgument("thao tác không hợp lệ \"" + name +
                                     "\" (guide, receive, request_supplement, refuse, digitize, "
                                     "sign, transfer, return)");
    }
    g.actions.push_back(*a);
  }
  MOTCUA_ASSIGN_OR_RETURN(g.valid_from, DayStart(o.from, "--from", 0));
  if (!o.until.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(g.valid_to, DayStart(o.until, "--until", 1));
    if (*g.valid_to <= g.valid_from) {
      return Status::InvalidArgument("ngày --until (" + o.until +
                                     ") không được trước ngày --from (" + o.from + ")");
    }
  }
  // A grant outside the agency's life could never be used (a grant over past
  // years, for imported history, is fine while the agency existed then).
  const DayNumber first_day = LocalDayOf(g.valid_from);
  if (agency->valid.to && first_day > *agency->valid.to) {
    return Status::InvalidArgument("cơ quan " + o.agency + " đã ngừng hoạt động sau ngày " +
                                   FormatDate(*agency->valid.to));
  }
  if (agency->valid.from && g.valid_to && LocalDayOf(*g.valid_to - 1) < *agency->valid.from) {
    return Status::InvalidArgument("cơ quan " + o.agency + " chỉ hoạt động từ ngày " +
                                   FormatDate(*agency->valid.from));
  }
  g.tier = o.backup ? access::GrantTier::kBackup : access::GrantTier::kPrimary;
  if (!o.scope_fields.empty()) {
    g.scope = {access::ScopeKind::kFields, o.scope_fields};
    for (const std::string& f : o.scope_fields) {
      if (catalog.FindField(o.agency, f) == nullptr) {
        return Status::InvalidArgument("cơ quan " + o.agency + " không có lĩnh vực mã " + f);
      }
    }
  } else if (!o.scope_procedures.empty()) {
    g.scope = {access::ScopeKind::kProcedures, o.scope_procedures};
    // Those the agency published, or handles on the first day (taken over
    // from a predecessor).
    const std::vector<const catalog::Procedure*> handled =
        catalog.ProceduresHandledBy(o.agency, first_day);
    for (const std::string& p : o.scope_procedures) {
      const std::vector<const catalog::Procedure*> versions = catalog.Versions(p);
      if (versions.empty()) {
        return Status::InvalidArgument("không có thủ tục mã " + p + " trong danh mục");
      }
      bool ours = false;
      for (const catalog::Procedure* v : versions) ours = ours || v->agency == o.agency;
      for (const catalog::Procedure* h : handled) ours = ours || h->code == p;
      if (!ours) {
        return Status::InvalidArgument("thủ tục mã " + p + " không thuộc cơ quan " + o.agency);
      }
    }
  }
  g.contract_reference = o.contract;
  if (Status v = access::ValidateGrant(g); !v.ok()) {
    return Status::InvalidArgument("ủy quyền không hợp lệ: " + v.message());
  }
  return g;
}

Status Add(const AddOptions& o, const CliState& state) {
  MOTCUA_ASSIGN_OR_RETURN(const catalog::Catalog catalog, datafiles::LoadCatalog(state.data_dir));
  MOTCUA_ASSIGN_OR_RETURN(const access::Grant grant, BuildGrant(o, catalog));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, OpenStore(o.db));
  if (Result<access::User> u = s->GetUser(o.grantee); !u.ok()) {
    if (u.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("không có người dùng " + o.grantee +
                              " (thêm bằng `motcua user add` trước)");
    }
    return u.status();
  }
  access::Grant created;
  MOTCUA_RETURN_IF_ERROR(s->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(created, tx.CreateGrant(grant));
    return AppendCliAudit(tx, "grant.create", std::to_string(created.id), created.agency_code,
                          GrantJson(created));
  }));
  if (o.json) {
    std::cout << GrantJson(created).dump() << "\n";
  } else {
    std::cout << created.id << "\n";
  }
  return Status::Ok();
}

Status Revoke(const std::string& db, std::int64_t id) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, OpenStore(db));
  Result<access::Grant> g = s->GetGrant(id);
  if (!g.ok()) {
    if (g.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("không có ủy quyền số " + std::to_string(id));
    }
    return g.status();
  }
  if (g->revoked_at) {
    // The first revocation stands: decisions made before it were valid.
    std::cout << "Ủy quyền " << id << " đã bị thu hồi từ " << FormatDateTime(*g->revoked_at)
              << ".\n";
    return Status::Ok();
  }
  g->revoked_at = std::time(nullptr);
  MOTCUA_RETURN_IF_ERROR(s->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.UpdateGrant(*g));
    return AppendCliAudit(tx, "grant.revoke", std::to_string(id), g->agency_code,
                          {{"revoked_at", FormatDateTime(*g->revoked_at)}});
  }));
  std::cout << "Đã thu hồi ủy quyền " << id << " lúc " << FormatDateTime(*g->revoked_at) << ".\n";
  return Status::Ok();
}

// `s` padded with spaces to `width` characters (UTF-8 aware).
std::string Pad(const std::string& s, std::size_t width) {
  std::size_t chars = 0;
  for (const unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

Status List(const std::string& db, const std::string& agency, const std::string& grantee,
            bool json) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, OpenStore(db));
  store::GrantFilter filter;
  if (!agency.empty()) filter.agency_code = agency;
  if (!grantee.empty()) filter.grantee_login = grantee;
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<access::Grant> grants, s->ListGrants(filter));
  if (json) {
    nlohmann::ordered_json out;
    out["grants"] = nlohmann::ordered_json::array();
    for (const access::Grant& g : grants) out["grants"].push_back(GrantJson(g));
    std::cout << out.dump() << "\n";
    return Status::Ok();
  }
  if (grants.empty()) {
    std::cout << "Không có ủy quyền nào.\n";
    return Status::Ok();
  }
  std::cout << Pad("Số", 6) << Pad("Cơ quan", 15) << Pad("Người nhận", 14) << Pad("Loại", 9)
            << Pad("Từ ngày", 12) << Pad("Đến hết ngày", 14) << Pad("Trạng thái", 22)
            << "Thao tác; phạm vi\n";
  const Instant now = std::time(nullptr);
  for (const access::Grant& g : grants) {
    std::string status = "còn hiệu lực";
    if (g.revoked_at && *g.revoked_at <= now) {
      status = "thu hồi " + FormatDate(LocalDayOf(*g.revoked_at));
    } else if (!g.InForceAt(now)) {
      status = now < g.valid_from ? "chưa bắt đầu" : "đã hết hạn";
    }
    std::string scope = "cả cơ quan";
    if (g.scope.kind == access::ScopeKind::kFields) scope = "lĩnh vực " + CodesText(g.scope.codes);
    if (g.scope.kind == access::ScopeKind::kProcedures) {
      scope = "thủ tục " + CodesText(g.scope.codes);
    }
    std::cout << Pad(std::to_string(g.id), 6) << Pad(g.agency_code, 15) << Pad(g.grantee_login, 14)
              << Pad(g.tier == access::GrantTier::kBackup ? "dự phòng" : "chính", 9)
              << Pad(FormatDate(LocalDayOf(g.valid_from)), 12)
              << Pad(g.valid_to ? LastDay(*g.valid_to) : "không hạn", 14) << Pad(status, 22)
              << ActionsText(g) << "; " << scope << "\n";
  }
  return Status::Ok();
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "grant", "Delegation grants to desk staff");

  CLI::App* add = group->add_subcommand("add", "Grant a user desk work on behalf of an agency");
  auto a = std::make_shared<AddOptions>();
  AddDbOption(add, &a->db);
  add->add_option("--agency", a->agency, "Code of the delegating agency (from the catalog)")
      ->required();
  add->add_option("--to", a->grantee, "Login of the grantee (a stored user)")->required();
  add->add_option("--actions", a->actions,
                  "Comma-separated: guide, receive, request_supplement, refuse, digitize, sign, "
                  "transfer, return")
      ->required()
      ->delimiter(',');
  add->add_option("--from", a->from, "First day, YYYY-MM-DD (from 00:00 Vietnam time)")->required();
  add->add_option("--until", a->until,
                  "Last day, YYYY-MM-DD, inclusive: the grant covers that whole day (ends at "
                  "00:00 Vietnam time of the next day). Absent: open-ended");
  add->add_flag("--backup", a->backup, "The grantee is the backup desk (default: primary)");
  CLI::Option* fields = add->add_option("--scope-fields", a->scope_fields,
                                        "Only these fields of the agency (comma-separated codes)")
                            ->delimiter(',');
  CLI::Option* procedures =
      add->add_option("--scope-procedures", a->scope_procedures,
                      "Only these procedures (comma-separated codes); default: the whole agency")
          ->delimiter(',');
  fields->excludes(procedures);
  add->add_option("--contract", a->contract, "Reference of the delegation contract");
  add->add_flag("--json", a->json, "Print the stored grant as JSON instead of its id");
  add->callback([a, &state] {
    const Status s = Add(*a, state);
    state.exit_code = s.ok() ? 0 : ReportFailure(s);
  });

  CLI::App* revoke =
      group->add_subcommand("revoke", "Revoke a grant now (an earlier revocation stands)");
  auto revoke_db = std::make_shared<std::string>();
  auto id = std::make_shared<std::int64_t>(0);
  AddDbOption(revoke, revoke_db.get());
  revoke->add_option("id", *id, "The grant's id")->required();
  revoke->callback([revoke_db, id, &state] {
    const Status s = Revoke(*revoke_db, *id);
    state.exit_code = s.ok() ? 0 : ReportFailure(s);
  });

  CLI::App* list = group->add_subcommand("list", "List grants, oldest first");
  auto list_db = std::make_shared<std::string>();
  auto agency = std::make_shared<std::string>();
  auto grantee = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  AddDbOption(list, list_db.get());
  list->add_option("--agency", *agency, "Only grants of this agency");
  list->add_option("--to", *grantee, "Only grants to this login");
  list->add_flag("--json", *json, "Print JSON: {\"grants\":[...]}");
  list->callback([list_db, agency, grantee, json, &state] {
    const Status s = List(*list_db, *agency, *grantee, *json);
    state.exit_code = s.ok() ? 0 : ReportFailure(s);
  });
}

const RegisterCommand kRegister(810, Install);

}  // namespace
}  // namespace motcua::cli
