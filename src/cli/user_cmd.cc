// `motcua user add | list | disable`: the accounts of the people who use the
// system, managed by an administrator at the server's console (the first
// admin account can only be made this way).
//
//   motcua user add --login L --password-file F --role ROLE [--role ROLE2]
//                   [--agency CODE] [--name "Họ tên"] [--replace] [--db URL]
//   motcua user list [--json] [--db URL]
//   motcua user disable --login L [--db URL]
//
// The password is read from a file (one trailing newline dropped), never from
// the command line, where other users of the machine could read it in the
// process list; only its argon2id hash is stored (http/password.h). Each
// change is written to the audit log with request id "cli" and, as actor,
// "cli:" and the operating-system user who ran it.
//
// Exit status: 0; 2 for bad input (unknown role or agency, an empty password,
// an existing login without --replace, an unknown login); 1 when the data or
// the database fails.

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_audit.h"
#include "cli/command.h"
#include "cli/db_option.h"
#include "datafiles/catalog_files.h"
#include "http/password.h"
#include "util/file.h"

namespace motcua::cli {
namespace {

// Logins are typed at a login form and appear in events and audit rows:
// letters, digits and . _ - @ only, 1 to 64 of them.
Status CheckLogin(const std::string& login) {
  if (login.empty() || login.size() > 64) {
    return Status::InvalidArgument("tên đăng nhập phải dài từ 1 đến 64 ký tự");
  }
  for (const char c : login) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-' || c == '@';
    if (!ok) {
      return Status::InvalidArgument("tên đăng nhập \"" + login +
                                     "\" chỉ được gồm chữ cái không dấu, chữ số và . _ - @");
    }
  }
  return Status::Ok();
}

// The file's text without one trailing line break ("\n" or "\r\n"), which
// editors and `echo` add; anything else, spaces included, is the password.
Result<std::string> ReadPassword(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    return Status::InvalidArgument("không đọc được tệp mật khẩu " + path + ": " +
                                   text.status().message());
  }
  std::string password = std::move(*text);
  if (!password.empty() && password.back() == '\n') {
    password.pop_back();
    if (!password.empty() && password.back() == '\r') password.pop_back();
  }
  if (password.empty()) return Status::InvalidArgument("tệp mật khẩu " + path + " trống");
  if (password.size() > http::kMaxPasswordBytes) {
    return Status::InvalidArgument("mật khẩu dài quá " + std::to_string(http::kMaxPasswordBytes) +
                                   " byte");
  }
  return password;
}

std::string RolesText(const access::User& u) {
  std::string out;
  for (const access::Role r : u.roles) {
    if (!out.empty()) out += ",";
    out += access::RoleName(r);
  }
  return out;
}

// The number of characters of UTF-8 text (for the Vietnamese headers).
std::size_t Chars(const std::string& s) {
  std::size_t chars = 0;
  for (const unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return chars;
}

// `s` padded with spaces to `width` characters.
std::string Pad(const std::string& s, std::size_t width) {
  const std::size_t chars = Chars(s);
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

struct AddOptions {
  std::string db;
  std::string login;
  std::string password_file;
  std::vector<std::string> roles;
  std::string agency;
  std::string name;
  bool replace = false;
};

Status Add(const AddOptions& o, const CliState& state) {
  // Everything is checked before anything is written.
  MOTCUA_RETURN_IF_ERROR(CheckLogin(o.login));
  access::User user;
  user.login = o.login;
  user.display_name = o.name;
  for (const std::string& name : o.roles) {
    Result<access::Role> role = access::ParseRole(name);
    if (!role.ok()) {
      return Status::InvalidArgument("vai trò không hợp lệ \"" + name +
                                     "\" (admin, applicant, desk, specialist, leader, "
                                     "focal_point, center_supervisor, postal_supervisor)");
    }
    if (!user.HasRole(*role)) user.roles.push_back(*role);
  }
  if (user.roles.empty()) return Status::InvalidArgument("cần ít nhất một --role");
  if (!o.agency.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(const catalog::Catalog catalog, datafiles::LoadCatalog(state.data_dir));
    if (catalog.FindAgency(o.agency) == nullptr) {
      return Status::InvalidArgument("không có cơ quan mã " + o.agency + " trong danh mục");
    }
    user.agency_code = o.agency;
  }
  MOTCUA_ASSIGN_OR_RETURN(const std::string password, ReadPassword(o.password_file));
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, OpenStore(o.db));
  Result<access::User> existing = s->GetUser(o.login);
  if (existing.ok()) {
    if (!o.replace) {
      return Status::AlreadyExists("người dùng " + o.login +
                                   " đã có; dùng --replace để thay thế thông tin và mật khẩu");
    }
    user.disabled = existing->disabled;  // replacing does not re-enable
  } else if (existing.status().code() != Status::Code::kNotFound) {
    return existing.status();
  }
  const http::PasswordHasher hasher;
  MOTCUA_ASSIGN_OR_RETURN(const std::string hash, hasher.Hash(password));
  nlohmann::ordered_json detail;
  detail["roles"] = nlohmann::ordered_json::array();
  for (const access::Role r : user.roles) detail["roles"].push_back(access::RoleName(r));
  detail["agency"] = user.agency_code;
  detail["replaced"] = existing.ok();
  // The change and its audit entry: both or neither.
  MOTCUA_RETURN_IF_ERROR(s->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.PutUser(user));
    MOTCUA_RETURN_IF_ERROR(tx.SetPasswordHash(user.login, hash));
    return AppendCliAudit(tx, "user.put", user.login, "", detail);
  }));
  std::cout << (existing.ok() ? "Đã thay thế người dùng " : "Đã thêm người dùng ") << user.login
            << " (" << RolesText(user) << ").\n";
  return Status::Ok();
}

Status List(const std::string& db, bool json) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, OpenStore(db));
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<access::User> users, s->ListUsers());
  if (json) {
    nlohmann::ordered_json out;
    out["users"] = nlohmann::ordered_json::array();
    for (const access::User& u : users) {
      nlohmann::ordered_json j;
      j["login"] = u.login;
      j["display_name"] = u.display_name;
      j["roles"] = nlohmann::ordered_json::array();
      for (const access::Role r : u.roles) j["roles"].push_back(access::RoleName(r));
      j["agency"] = u.agency_code;
      j["disabled"] = u.disabled;
      out["users"].push_back(std::move(j));
    }
    std::cout << out.dump() << "\n";
    return Status::Ok();
  }
  if (users.empty()) {
    std::cout << "Chưa có người dùng nào.\n";
    return Status::Ok();
  }
  // Columns as wide as their widest cell, plus two spaces.
  std::vector<std::vector<std::string>> rows = {
      {"Tên đăng nhập", "Vai trò", "Cơ quan", "Trạng thái", "Họ tên"}};
  for (const access::User& u : users) {
    rows.push_back({u.login, RolesText(u), u.agency_code, u.disabled ? "đã khóa" : "hoạt động",
                    u.display_name});
  }
  std::vector<std::size_t> widths(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Chars(row[i]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i + 1 < row.size(); ++i) line += Pad(row[i], widths[i] + 2);
    std::cout << line << row.back() << "\n";
  }
  return Status::Ok();
}

Status Disable(const std::string& db, const std::string& login) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, OpenStore(db));
  Result<access::User> user = s->GetUser(login);
  if (!user.ok()) {
    if (user.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("không có người dùng " + login);
    }
    return user.status();
  }
  if (user->disabled) {
    std::cout << "Người dùng " << login << " đã bị khóa từ trước.\n";
    return Status::Ok();
  }
  user->disabled = true;
  MOTCUA_RETURN_IF_ERROR(s->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.PutUser(*user));
    return AppendCliAudit(tx, "user.disable", login, "", nlohmann::ordered_json::object());
  }));
  std::cout << "Đã khóa người dùng " << login
            << ": không đăng nhập được nữa, phiên và khóa API của người này hết hiệu lực.\n";
  return Status::Ok();
}

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "user", "User accounts");

  CLI::App* add = group->add_subcommand(
      "add", "Add a user (or replace one with --replace) with a password read from a file");
  auto a = std::make_shared<AddOptions>();
  AddDbOption(add, &a->db);
  add->add_option("--login", a->login, "Login name (letters, digits, . _ - @)")->required();
  add->add_option("--password-file", a->password_file,
                  "File holding the password (one trailing newline is ignored)")
      ->required();
  add->add_option("--role", a->roles,
                  "Role, repeatable or comma-separated: admin, applicant, desk, specialist, "
                  "leader, focal_point, center_supervisor, postal_supervisor")
      ->required()
      ->delimiter(',');
  add->add_option("--agency", a->agency, "Code of the user's own agency (from the catalog)");
  add->add_option("--name", a->name, "Display name, e.g. \"Nguyễn Thị B\"");
  add->add_flag("--replace", a->replace,
                "Replace an existing user's roles, agency, name and password (a disabled user "
                "stays disabled)");
  add->callback([a, &state] {
    const Status s = Add(*a, state);
    state.exit_code = s.ok() ? 0 : ReportFailure(s);
  });

  CLI::App* list = group->add_subcommand("list", "List users (never their passwords)");
  auto list_db = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  AddDbOption(list, list_db.get());
  list->add_flag("--json", *json,
                 "Print JSON: {\"users\":[{login, display_name, roles, agency, "
                 "disabled}]}");
  list->callback([list_db, json, &state] {
    const Status s = List(*list_db, *json);
    state.exit_code = s.ok() ? 0 : ReportFailure(s);
  });

  CLI::App* disable = group->add_subcommand(
      "disable", "Disable a user: no more logins, and its sessions and API tokens stop working");
  auto disable_db = std::make_shared<std::string>();
  auto login = std::make_shared<std::string>();
  AddDbOption(disable, disable_db.get());
  disable->add_option("--login", *login, "Login name")->required();
  disable->callback([disable_db, login, &state] {
    const Status s = Disable(*disable_db, *login);
    state.exit_code = s.ok() ? 0 : ReportFailure(s);
  });
}

const RegisterCommand kRegister(800, Install);

}  // namespace
}  // namespace motcua::cli
