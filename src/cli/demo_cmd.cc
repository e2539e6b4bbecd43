// `motcua demo [--db URL] [--seed N] [--json]`: fills a database for a
// demonstration: demo users for every role with fresh random passwords
// (printed once; only their argon2id hashes are stored), the delegation
// grants of the primary and backup postal employees over the six pilot
// agencies, and the 2023 pilot year of history (demo/year_2023.h), imported
// through the same replay as `motcua import dossiers`. The report over 2023
// then shows the pilot's published figures.
//
// Running it again on the same database keeps the dossiers and grants (the
// import skips codes it has; a grant of the same agency, grantee, tier and
// start is reused) and gives the users new passwords.
//
// Exit status: 0, or 1 when the data or the database fails.
#include <sodium.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "cli/db_option.h"
#include "demo/pilot.h"
#include "demo/year_2023.h"
#include "http/crypto_init.h"
#include "http/password.h"

namespace motcua::cli {
namespace {

// 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I):
// about 70 bits, read out loud or typed from a printout without mistakes.
std::string RandomPassword() {
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 12; ++i) {
    out.push_back(kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)]);
  }
  return out;
}

std::string RolesText(const access::User& u) {
  std::string out;
  for (access::Role r : u.roles) {
    if (!out.empty()) out += ",";
    out += access::RoleName(r);
  }
  return out;
}

// `s` padded with spaces to `width` characters (UTF-8 aware, for the
// Vietnamese headers).
std::string Pad(const std::string& s, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

struct Credentials {
  access::User user;
  std::string password;
  std::string hash;
  Status status;
};

// Hashing is the slow part (argon2id, 64 MiB each): two at a time.
Status HashAll(std::vector<Credentials>& creds) {
  const http::PasswordHasher hasher;
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < creds.size(); i += 2) {
        Result<std::string> h = hasher.Hash(creds[i].password);
        if (h.ok()) {
          creds[i].hash = std::move(*h);
        } else {
          creds[i].status = h.status();
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const Credentials& c : creds) MOTCUA_RETURN_IF_ERROR(c.status);
  return Status::Ok();
}

Result<std::vector<access::Grant>> StoreGrants(store::Store& s) {
  std::vector<access::Grant> stored;
  for (const access::Grant& g : demo::DemoGrants()) {
    store::GrantFilter filter;
    filter.agency_code = g.agency_code;
    filter.grantee_login = g.grantee_login;
    MOTCUA_ASSIGN_OR_RETURN(const std::vector<access::Grant> existing, s.ListGrants(filter));
    const access::Grant* same = nullptr;
    for (const access::Grant& e : existing) {
      if (e.tier == g.tier && e.valid_from == g.valid_from && !e.revoked_at) same = &e;
    }
    if (same != nullptr) {
      stored.push_back(*same);
    } else {
      MOTCUA_ASSIGN_OR_RETURN(access::Grant created, s.CreateGrant(g));
      stored.push_back(std::move(created));
    }
  }
  return stored;
}

Result<store::ImportSummary> StoreYear(store::Store& s, const DomainData& data,
                                       std::span<const access::Grant> grants, std::uint64_t seed) {
  const import::ReplayContext ctx{&data.catalog, &data.calendar};
  MOTCUA_ASSIGN_OR_RETURN(std::vector<import::ImportRecord> records,
                          demo::GenerateYear2023(ctx, seed));
  store::ImportSummary total;
  std::vector<store::ImportedDossier> batch;
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    MOTCUA_ASSIGN_OR_RETURN(const store::ImportSummary got, s.ImportDossiers(batch));
    total.imported += got.imported;
    total.already_present += got.already_present;
    batch.clear();
    return Status::Ok();
  };
  for (const import::ImportRecord& r : records) {
    MOTCUA_ASSIGN_OR_RETURN(import::ReplayedDossier d, import::Replay(r, ctx));
    store::ImportedDossier item;
    item.desk_grant = import::DeskGrantFor(d, grants);
    item.dossier = std::move(d.dossier);
    item.events = std::move(d.events);
    batch.push_back(std::move(item));
    if (batch.size() == 500) MOTCUA_RETURN_IF_ERROR(flush());
  }
  MOTCUA_RETURN_IF_ERROR(flush());
  return total;
}

Status Fill(const std::string& db, std::uint64_t seed, bool json, CliState& state) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<DomainData> data, LoadDomainData(state.data_dir));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, OpenStore(db));
  http::EnsureSodium();

  std::vector<Credentials> creds;
  for (access::User& u : demo::DemoUsers())
    creds.push_back({std::move(u), RandomPassword(), "", {}});
  MOTCUA_RETURN_IF_ERROR(HashAll(creds));
  for (const Credentials& c : creds) {
    MOTCUA_RETURN_IF_ERROR(s->PutUser(c.user));
    MOTCUA_RETURN_IF_ERROR(s->SetPasswordHash(c.user.login, c.hash));
  }
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<access::Grant> grants, StoreGrants(*s));
  MOTCUA_ASSIGN_OR_RETURN(const store::ImportSummary year, StoreYear(*s, *data, grants, seed));

  if (json) {
    nlohmann::ordered_json out;
    out["db"] = db;
    out["users"] = nlohmann::ordered_json::array();
    for (const Credentials& c : creds) {
      nlohmann::ordered_json u;
      u["login"] = c.user.login;
      u["display_name"] = c.user.display_name;
      u["roles"] = nlohmann::ordered_json::array();
      for (access::Role r : c.user.roles) u["roles"].push_back(access::RoleName(r));
      u["agency"] = c.user.agency_code;
      u["password"] = c.password;
      out["users"].push_back(std::move(u));
    }
    out["grants"] = nlohmann::ordered_json::array();
    for (const access::Grant& g : grants) {
      out["grants"].push_back({{"id", g.id},
                               {"agency", g.agency_code},
                               {"grantee", g.grantee_login},
                               {"tier", access::GrantTierName(g.tier)}});
    }
    out["dossiers"] = {{"imported", year.imported}, {"already_present", year.already_present}};
    std::cout << out.dump() << "\n";
    return Status::Ok();
  }
  std::cout << "Cơ sở dữ liệu demo: " << db << "\n\n";
  std::cout << "Người dùng (mật khẩu chỉ in một lần, hãy lưu lại):\n";
  std::cout << "  " << Pad("Tên đăng nhập", 19) << Pad("Mật khẩu", 14) << Pad("Vai trò", 19)
            << Pad("Cơ quan", 15) << "Họ tên\n";
  for (const Credentials& c : creds) {
    std::cout << "  " << Pad(c.user.login, 19) << Pad(c.password, 14) << Pad(RolesText(c.user), 19)
              << Pad(c.user.agency_code, 15) << c.user.display_name << "\n";
  }
  std::cout << "\nỦy quyền cho nhân viên bưu điện: " << grants.size() << " ("
            << demo::kPrimaryPostal << " chính, " << demo::kBackupPostal
            << " dự phòng, 6 sở, 2023-01-01 đến 2027-12-31)\n";
  std::cout << "Hồ sơ năm 2023: đã nhập " << year.imported << ", đã có " << year.already_present
            << ".\n";
  std::cout << "Xem báo cáo: motcua report --db " << db << " --from 2023-01-01 --to 2024-01-01\n";
  return Status::Ok();
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* cmd = root.add_subcommand(
      "demo", "Fill a database with demo users, delegation grants and the 2023 pilot year");
  auto db = std::make_shared<std::string>();
  auto seed = std::make_shared<std::uint64_t>(demo::kDefaultSeed);
  auto json = std::make_shared<bool>(false);
  AddDbOption(cmd, db.get());
  cmd->add_option("--seed", *seed, "Seed of the generated history")->capture_default_str();
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([db, seed, json, &state] {
    const Status s = Fill(*db, *seed, *json, state);
    state.exit_code = s.ok() ? 0 : ReportFailure(s);
  });
}

const RegisterCommand kRegister(700, Install);

}  // namespace
}  // namespace motcua::cli
