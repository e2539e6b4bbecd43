// `motcua user add | list | disable` and `motcua grant add | revoke | list`,
// run as an administrator runs them at the server's console: accounts and
// delegation grants land in the database (and in its audit log), and bad
// input is answered with a Vietnamese message, exit status 2 and nothing
// written.
#include <fstream>

#include "cli/cli_harness.h"

namespace motcua::testing {
namespace {

using nlohmann::json;

// Agencies of data/catalog: Sở Khoa học và Công nghệ and Sở Văn hóa, Thể
// thao và Du lịch (both in force), and Sở Thông tin và Truyền thông of the
// pilot, dissolved after 2025-02-28.
constexpr char kAgency[] = "000.00.07.H29";
constexpr char kOtherAgency[] = "000.00.05.H29";
constexpr char kDissolvedAgency[] = "000.00.12.H29";

class AccountCli : public CliHarness {
 protected:
  void SetUp() override {
    CliHarness::SetUp();
    db_ = "sqlite:" + dir_ + "/motcua.db";
  }

  // Writes `text` to a file of the test folder and returns its path.
  std::string File(const std::string& name, const std::string& text) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  CliOutput AddUser(const std::string& login, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"user",
                                     "add",
                                     "--db",
                                     db_,
                                     "--login",
                                     login,
                                     "--password-file",
                                     File("pw-" + login, "mật khẩu tốt 123\n"),
                                     "--role",
                                     "desk"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Motcua(args);
  }

  json Users() {
    const CliOutput o = Motcua({"user", "list", "--db", db_, "--json"});
    EXPECT_EQ(o.exit, 0) << o.err;
    return Json(o)["users"];
  }

  json Grants(const std::vector<std::string>& filter = {}) {
    std::vector<std::string> args = {"grant", "list", "--db", db_, "--json"};
    args.insert(args.end(), filter.begin(), filter.end());
    const CliOutput o = Motcua(args);
    EXPECT_EQ(o.exit, 0) << o.err;
    return Json(o)["grants"];
  }

  // The audit log rows as "action target request_id", oldest first.
  std::vector<std::string> AuditRows() {
    const CliOutput o = Shell(std::string(SQLITE3_BIN) + " " + ShellQuote(dir_ + "/motcua.db") +
                              " \"SELECT action || ' ' || target || ' ' || request_id FROM "
                              "audit_log ORDER BY id\"");
    EXPECT_EQ(o.exit, 0) << o.err;
    std::vector<std::string> rows;
    std::istringstream in(o.out);
    for (std::string line; std::getline(in, line);) rows.push_back(line);
    return rows;
  }

  std::string db_;
};

TEST_F(AccountCli, AnAddedUserIsListedWithItsRolesButNeverItsPassword) {
  const CliOutput added =
      AddUser("desk.a", {"--role", "specialist", "--agency", kAgency, "--name", "Nguyễn Thị Bàn"});
  ASSERT_EQ(added.exit, 0) << added.err;
  EXPECT_NE(added.out.find("Đã thêm người dùng desk.a"), std::string::npos) << added.out;

  const json users = Users();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0], json({{"login", "desk.a"},
                            {"display_name", "Nguyễn Thị Bàn"},
                            {"roles", {"desk", "specialist"}},
                            {"agency", kAgency},
                            {"disabled", false}}));
  // Only the argon2id hash is stored, of the password without its newline.
  const CliOutput hash = Shell(std::string(SQLITE3_BIN) + " " + ShellQuote(dir_ + "/motcua.db") +
                               " \"SELECT password_hash FROM app_user\"");
  ASSERT_EQ(hash.exit, 0) << hash.err;
  EXPECT_EQ(hash.out.rfind("$argon2id$", 0), 0u) << hash.out;
  EXPECT_EQ(hash.out.find("mật khẩu"), std::string::npos);

  const CliOutput table = Motcua({"user", "list", "--db", db_});
  ASSERT_EQ(table.exit, 0) << table.err;
  EXPECT_NE(table.out.find("Tên đăng nhập"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("desk.a"), std::string::npos);
  EXPECT_NE(table.out.find("hoạt động"), std::string::npos);
  EXPECT_EQ(table.out.find("argon2"), std::string::npos);
  EXPECT_EQ(AuditRows(), std::vector<std::string>{"user.put desk.a cli"});
  // The operating-system account that ran the command stands as the actor.
  const CliOutput actor = Shell(std::string(SQLITE3_BIN) + " " + ShellQuote(dir_ + "/motcua.db") +
                                " \"SELECT actor FROM audit_log\"");
  EXPECT_EQ(actor.out.rfind("cli:", 0), 0u) << actor.out;
  EXPECT_GT(actor.out.size(), std::string("cli:\n").size()) << actor.out;
}

TEST_F(AccountCli, AnExistingLoginIsRefusedUnlessReplaced) {
  ASSERT_EQ(AddUser("desk.a").exit, 0);
  const CliOutput again = AddUser("desk.a", {"--role", "admin"});
  EXPECT_EQ(again.exit, 2);
  EXPECT_NE(again.err.find("đã có"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("--replace"), std::string::npos) << again.err;
  EXPECT_EQ(Users()[0]["roles"], json({"desk"}));  // unchanged

  const CliOutput replaced = AddUser("desk.a", {"--role", "admin", "--replace"});
  ASSERT_EQ(replaced.exit, 0) << replaced.err;
  EXPECT_EQ(Users()[0]["roles"], json({"desk", "admin"}));
  EXPECT_EQ(AuditRows().size(), 2u);
}

TEST_F(AccountCli, BadUserInputIsRefusedAndNothingIsWritten) {
  const std::string empty = File("empty", "\n");
  const std::string good = File("good", "s3cret");
  const struct {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--login", "x.y", "--password-file", empty, "--role", "desk"}, "trống"},
      {{"--login", "x.y", "--password-file", dir_ + "/missing", "--role", "desk"},
       "không đọc được tệp mật khẩu"},
      {{"--login", "x.y", "--password-file", good, "--role", "boss"}, "vai trò không hợp lệ"},
      {{"--login", "x.y", "--password-file", good, "--role", "desk", "--agency", "999.99.99.H99"},
       "không có cơ quan"},
      {{"--login", "Nguyễn", "--password-file", good, "--role", "desk"}, "tên đăng nhập"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"user", "add", "--db", db_};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliOutput o = Motcua(args);
    EXPECT_EQ(o.exit, 2) << c.message << ": " << o.err;
    EXPECT_NE(o.err.find(c.message), std::string::npos) << o.err;
  }
  EXPECT_TRUE(Users().empty());
  EXPECT_TRUE(AuditRows().empty());
}

TEST_F(AccountCli, ADisabledUserIsListedAsLocked) {
  ASSERT_EQ(AddUser("desk.a").exit, 0);
  const CliOutput o = Motcua({"user", "disable", "--db", db_, "--login", "desk.a"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_NE(o.out.find("Đã khóa người dùng desk.a"), std::string::npos) << o.out;
  EXPECT_EQ(Users()[0]["disabled"], true);
  EXPECT_NE(Motcua({"user", "list", "--db", db_}).out.find("đã khóa"), std::string::npos);
  // Replacing the account does not quietly re-enable it.
  ASSERT_EQ(AddUser("desk.a", {"--replace"}).exit, 0);
  EXPECT_EQ(Users()[0]["disabled"], true);

  const CliOutput unknown = Motcua({"user", "disable", "--db", db_, "--login", "nobody"});
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_NE(unknown.err.find("không có người dùng nobody"), std::string::npos) << unknown.err;
  EXPECT_EQ(AuditRows(), (std::vector<std::string>{"user.put desk.a cli", "user.disable desk.a cli",
                                                   "user.put desk.a cli"}));
}

TEST_F(AccountCli, AGrantIsAddedListedAndRevoked) {
  ASSERT_EQ(AddUser("postal.a").exit, 0);
  const CliOutput added =
      Motcua({"grant", "add", "--db", db_, "--agency", kAgency, "--to", "postal.a", "--actions",
              "receive,return,guide", "--from", "2026-01-01", "--until", "2026-12-31", "--contract",
              "HĐ 12/2025/HĐ-BĐ"});
  ASSERT_EQ(added.exit, 0) << added.err;
  const std::string id = added.out.substr(0, added.out.find('\n'));
  ASSERT_FALSE(id.empty());
  EXPECT_GT(std::stoll(id), 0) << added.out;

  json grants = Grants();
  ASSERT_EQ(grants.size(), 1u);
  const json& g = grants[0];
  EXPECT_EQ(g["id"], std::stoll(id));
  EXPECT_EQ(g["agency"], kAgency);
  EXPECT_EQ(g["grantee"], "postal.a");
  EXPECT_EQ(g["actions"], json({"receive", "return", "guide"}));
  EXPECT_EQ(g["scope"], json({{"kind", "agency"}, {"codes", json::array()}}));
  EXPECT_EQ(g["tier"], "primary");
  // The last day is covered whole: the grant ends at the next midnight.
  EXPECT_EQ(g["from"], "2026-01-01");
  EXPECT_EQ(g["until"], "2026-12-31");
  EXPECT_EQ(g["valid_from"], "2026-01-01T00:00:00+07:00");
  EXPECT_EQ(g["valid_to"], "2027-01-01T00:00:00+07:00");
  EXPECT_EQ(g["revoked_at"], nullptr);
  EXPECT_EQ(g["contract"], "HĐ 12/2025/HĐ-BĐ");

  // A backup grant of one field of another agency, open-ended, as JSON.
  const CliOutput backup = Motcua({"grant", "add", "--db", db_, "--agency", kOtherAgency, "--to",
                                   "postal.a", "--actions", "receive", "--from", "2026-01-01",
                                   "--backup", "--scope-fields", "bao-chi", "--json"});
  ASSERT_EQ(backup.exit, 0) << backup.err;
  const json second = Json(backup);
  EXPECT_EQ(second["tier"], "backup");
  EXPECT_EQ(second["until"], nullptr);
  EXPECT_EQ(second["valid_to"], nullptr);
  EXPECT_EQ(second["scope"], json({{"kind", "fields"}, {"codes", {"bao-chi"}}}));
  EXPECT_EQ(second["agency"], kOtherAgency);

  EXPECT_EQ(Grants({"--agency", kAgency}).size(), 1u);
  EXPECT_EQ(Grants({"--to", "postal.a"}).size(), 2u);
  EXPECT_TRUE(Grants({"--to", "someone.else"}).empty());

  const CliOutput revoked = Motcua({"grant", "revoke", "--db", db_, id});
  ASSERT_EQ(revoked.exit, 0) << revoked.err;
  EXPECT_NE(revoked.out.find("Đã thu hồi ủy quyền " + id), std::string::npos) << revoked.out;
  const json after = Grants({"--agency", kAgency})[0];
  ASSERT_TRUE(after["revoked_at"].is_string()) << after.dump();
  // Revoking again keeps the first revocation.
  const CliOutput again = Motcua({"grant", "revoke", "--db", db_, id});
  EXPECT_EQ(again.exit, 0) << again.err;
  EXPECT_NE(again.out.find("đã bị thu hồi"), std::string::npos) << again.out;
  EXPECT_EQ(Grants({"--agency", kAgency})[0]["revoked_at"], after["revoked_at"]);

  const CliOutput table = Motcua({"grant", "list", "--db", db_});
  ASSERT_EQ(table.exit, 0) << table.err;
  EXPECT_NE(table.out.find("thu hồi"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("dự phòng"), std::string::npos) << table.out;

  const CliOutput missing = Motcua({"grant", "revoke", "--db", db_, "999"});
  EXPECT_EQ(missing.exit, 2);
  EXPECT_NE(missing.err.find("không có ủy quyền số 999"), std::string::npos) << missing.err;

  const std::vector<std::string> audit = AuditRows();
  ASSERT_EQ(audit.size(), 4u);  // user.put, two grant.create, one grant.revoke
  EXPECT_EQ(audit[1], "grant.create " + id + " cli");
  EXPECT_EQ(audit[3], "grant.revoke " + id + " cli");
}

TEST_F(AccountCli, ProcedureScopesTakeTheAgencysOwnAndInheritedProcedures) {
  ASSERT_EQ(AddUser("postal.a").exit, 0);
  // 9.004001 is the agency's own; 9.002002 (postal) came from the dissolved
  // Sở Thông tin và Truyền thông on 2025-03-01.
  const CliOutput o = Motcua({"grant", "add", "--db", db_, "--agency", kAgency, "--to", "postal.a",
                              "--actions", "receive,sign", "--from", "2026-01-01",
                              "--scope-procedures", "9.004001,9.002002", "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  EXPECT_EQ(Json(o)["scope"], json({{"kind", "procedures"}, {"codes", {"9.004001", "9.002002"}}}));
  // The dissolved agency can still get a grant over the years it existed
  // (for imported history).
  const CliOutput historic =
      Motcua({"grant", "add", "--db", db_, "--agency", kDissolvedAgency, "--to", "postal.a",
              "--actions", "receive", "--from", "2023-01-01", "--until", "2023-12-31"});
  EXPECT_EQ(historic.exit, 0) << historic.err;
  EXPECT_EQ(Grants().size(), 2u);
}

TEST_F(AccountCli, BadGrantInputIsRefusedAndNothingIsWritten) {
  ASSERT_EQ(AddUser("postal.a").exit, 0);
  const struct {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--agency", "999.99.99.H99", "--to", "postal.a", "--actions", "receive", "--from",
        "2026-01-01"},
       "không có cơ quan mã 999.99.99.H99"},
      {{"--agency", kAgency, "--to", "nobody", "--actions", "receive", "--from", "2026-01-01"},
       "không có người dùng nobody"},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive,approve", "--from",
        "2026-01-01"},
       "thao tác không hợp lệ \"approve\""},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive,receive", "--from",
        "2026-01-01"},
       "ủy quyền không hợp lệ"},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive", "--from", "2026-02-30"},
       "ngày không hợp lệ cho --from"},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive", "--from", "01/02/2026"},
       "ngày không hợp lệ cho --from"},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive", "--from", "2026-03-01",
        "--until", "2026-02-28"},
       "không được trước"},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive", "--from", "2026-03-01",
        "--scope-procedures", "9.999999"},
       "không có thủ tục mã 9.999999"},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive", "--from", "2026-03-01",
        "--scope-procedures", "9.005001"},
       "thủ tục mã 9.005001 không thuộc cơ quan 000.00.07.H29"},
      {{"--agency", kAgency, "--to", "postal.a", "--actions", "receive", "--from", "2026-03-01",
        "--scope-fields", "bao-chi"},
       "cơ quan 000.00.07.H29 không có lĩnh vực mã bao-chi"},
      {{"--agency", kDissolvedAgency, "--to", "postal.a", "--actions", "receive", "--from",
        "2026-01-01"},
       "đã ngừng hoạt động sau ngày 2025-02-28"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"grant", "add", "--db", db_};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const CliOutput o = Motcua(args);
    EXPECT_EQ(o.exit, 2) << c.message << ": " << o.err;
    EXPECT_NE(o.err.find(c.message), std::string::npos) << o.err;
  }
  // Both scopes at once is a usage error.
  const CliOutput both =
      Motcua({"grant", "add", "--db", db_, "--agency", kAgency, "--to", "postal.a", "--actions",
              "receive", "--from", "2026-03-01", "--scope-fields", "a", "--scope-procedures", "b"});
  EXPECT_EQ(both.exit, 2);
  EXPECT_TRUE(Grants().empty());
  EXPECT_EQ(AuditRows(), std::vector<std::string>{"user.put postal.a cli"});
}

}  // namespace
}  // namespace motcua::testing
