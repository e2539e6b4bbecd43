// The `motcua` command as an operator uses it: importing a file of historic
// dossiers (bad lines, --strict, importing twice), reports over the imported
// work, the audit of the hash chains before and after someone edits the
// database by hand, and the demo database of the 2023 pilot.
//
// Runs the built binary (MOTCUA_BIN) on temporary SQLite databases; tampers
// with the sqlite3 command-line tool (SQLITE3_BIN).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace {

using nlohmann::json;

using Output = motcua::testing::CliOutput;
using motcua::testing::ShellQuote;

class CliTest : public motcua::testing::CliHarness {
 protected:
  void SetUp() override {
    CliHarness::SetUp();
    db_ = "sqlite:" + dir_ + "/test.db";
  }

  std::string WriteFile(const std::string& name, const std::vector<std::string>& lines) {
    const std::string path = dir_ + "/" + name;
    std::ofstream f(path, std::ios::binary);
    for (const std::string& l : lines) f << l << "\n";
    return path;
  }

  json Report(const std::string& from, const std::string& to,
              const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"report", "--db", db_, "--from", from, "--to", to, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const Output o = Motcua(args);
    EXPECT_EQ(o.exit, 0) << o.err;
    return Json(o);
  }

  std::string Sqlite(const std::string& sql) {
    const Output o = Shell(ShellQuote(SQLITE3_BIN) + " " + ShellQuote(dir_ + "/test.db") + " " +
                           ShellQuote(sql));
    EXPECT_EQ(o.exit, 0) << o.err;
    return o.out;
  }

  std::string db_;
};

std::string Code(int seq) {
  char code[64];
  std::snprintf(code, sizeof code, "000.00.12.H29-230105-%04d", seq);
  return code;
}

// A Sở TT&TT dossier of 2.001737 (3 working days), received by a postal
// employee on Thursday 5 January 2023 at 09:00: due Tuesday 10 at 09:00.
// `resolve_at` empty: still being resolved.
std::string Line(int seq, const std::string& resolve_at = "2023-01-09T15:00:00+07:00") {
  std::string line =
      R"({"code":")" + Code(seq) +
      R"(","procedure":"2.001737","channel":"online",)"
      R"("applicant":{"name":"Nguyễn Văn A","phone":"0912345678"},)"
      R"("events":[{"action":"submit","at":"2023-01-05T08:10:00+07:00"},)"
      R"({"action":"receive","at":"2023-01-05T09:00:00+07:00","by":"postal.a","for":"000.00.12.H29"},)"
      R"({"action":"transfer","at":"2023-01-05T10:00:00+07:00","by":"postal.a","for":"000.00.12.H29"})";
  if (!resolve_at.empty()) {
    line +=
        R"(,{"action":"resolve","at":")" + resolve_at + R"(","by":"spec.b","outcome":"approved"})";
  }
  return line + "]}";
}

std::string BadDateLine(int seq) {
  std::string line = Line(seq);
  line.replace(line.find("2023-01-09T15:00:00"), 19, "2023-01-09T25:00:00");
  return line;
}

TEST_F(CliTest, ImportReportsBadLinesByNumberImportsTheRestAndTwiceCreatesNothingNew) {
  const std::string file =
      WriteFile("history.jsonl", {Line(1), BadDateLine(2), Line(3),
                                  [] {
                                    std::string l = Line(4);
                                    l.replace(l.find("2.001737"), 8, "1.999999");
                                    return l;
                                  }(),
                                  Line(5)});
  Output o = Motcua({"import", "dossiers", file, "--db", db_, "--json"});
  EXPECT_EQ(o.exit, 2) << "bad lines are bad input";
  json j = Json(o);
  EXPECT_EQ(j["lines"], 5);
  EXPECT_EQ(j["imported"], 3);
  EXPECT_EQ(j["already_present"], 0);
  EXPECT_EQ(j["failed"], 2);
  ASSERT_EQ(j["errors"].size(), 2u);
  EXPECT_EQ(j["errors"][0]["line"], 2);
  EXPECT_EQ(j["errors"][0]["code"], Code(2));
  EXPECT_EQ(j["errors"][1]["line"], 4);
  EXPECT_NE(o.err.find("line 2: field 'events[3].at': bad date-time '2023-01-09T25:00:00"),
            std::string::npos)
      << o.err;
  EXPECT_NE(o.err.find("line 4: field 'procedure': the catalog has no version of procedure "
                       "1.999999"),
            std::string::npos)
      << o.err;
  EXPECT_EQ(
      Sqlite("SELECT count(*) FROM dossier WHERE code IN ('" + Code(2) + "','" + Code(4) + "');"),
      "0\n")
      << "a bad line imports nothing of its dossier";
  EXPECT_EQ(Report("2023-01-01", "2023-02-01")["received"]["total"], 3);

  o = Motcua({"import", "dossiers", file, "--db", db_, "--json"});
  j = Json(o);
  EXPECT_EQ(j["imported"], 0);
  EXPECT_EQ(j["already_present"], 3);
  EXPECT_EQ(j["failed"], 2);
  EXPECT_EQ(Sqlite("SELECT count(*) FROM dossier;"), "3\n");
  // One imported history row per dossier (schema version 4), 4 events each.
  EXPECT_EQ(Sqlite("SELECT count(*) FROM imported_history;"), "3\n");
  EXPECT_EQ(Json(Motcua({"audit", "verify", "--db", db_, "--json"}))["events"], 12);
  EXPECT_EQ(Report("2023-01-01", "2023-02-01")["received"]["total"], 3);

  // Without --json: a Vietnamese summary; a clean file exits 0.
  const std::string clean = WriteFile("clean.jsonl", {Line(6), "", Line(7)});
  o = Motcua({"import", "dossiers", clean, "--db", db_});
  EXPECT_EQ(o.exit, 0) << o.err;
  EXPECT_NE(o.out.find("Đã nhập 2 hồ sơ"), std::string::npos) << o.out;
}

TEST_F(CliTest, StrictImportStopsAtTheFirstBadLine) {
  const std::string file = WriteFile("history.jsonl", {Line(1), BadDateLine(2), Line(3)});
  const Output o = Motcua({"import", "dossiers", file, "--db", db_, "--strict", "--json"});
  EXPECT_EQ(o.exit, 2);
  const json j = Json(o);
  EXPECT_EQ(j["imported"], 1);
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["stopped"], true);
  EXPECT_EQ(j["lines"], 2);
  EXPECT_EQ(Sqlite("SELECT code FROM dossier;"), Code(1) + "\n");
}

TEST_F(CliTest, ImportOfAMissingFileOrDatabaseFolderFails) {
  Output o = Motcua({"import", "dossiers", dir_ + "/nope.jsonl", "--db", db_});
  EXPECT_EQ(o.exit, 2);
  EXPECT_NE(o.err.find("nope.jsonl"), std::string::npos);
  const std::string file = WriteFile("history.jsonl", {Line(1)});
  o = Motcua({"import", "dossiers", file, "--db", "sqlite:" + dir_ + "/no/such/dir/x.db"});
  EXPECT_NE(o.exit, 0);
  EXPECT_NE(o.err.find("không mở được cơ sở dữ liệu"), std::string::npos) << o.err;
}

TEST_F(CliTest, TheReportCountsEarlyOnTimeLateAndOpenDossiersWithTheDocumentedShape) {
  const std::string file =
      WriteFile("history.jsonl", {Line(1, "2023-01-09T15:00:00+07:00"),  // early
                                  Line(2, "2023-01-10T08:30:00+07:00"),  // on time
                                  Line(3, "2023-01-10T10:00:00+07:00"),  // late
                                  Line(4, "")});                         // open
  ASSERT_EQ(Motcua({"import", "dossiers", file, "--db", db_}).exit, 0);
  const json r = Report("2023-01-01", "2023-02-01");
  EXPECT_EQ(r["from"], "2023-01-01");
  EXPECT_EQ(r["to"], "2023-02-01");
  for (const char* k : {"total", "carried_over", "online", "counter", "postal"}) {
    EXPECT_TRUE(r["received"].contains(k)) << k;
  }
  for (const char* k : {"returned", "refused", "withdrawn", "stopped", "apologies", "indicators"}) {
    EXPECT_TRUE(r.contains(k)) << k;
  }
  EXPECT_TRUE(r["supplement_requests"].contains("at_reception"));
  EXPECT_TRUE(r["supplement_requests"].contains("in_processing"));
  EXPECT_EQ(r["received"]["total"], 4);
  EXPECT_EQ(r["received"]["online"], 4);
  EXPECT_EQ(r["received"]["carried_over"], 0);
  EXPECT_EQ(r["resolved"]["total"], 3);
  EXPECT_EQ(r["resolved"]["early"], 1);
  EXPECT_EQ(r["resolved"]["on_time"], 1);
  EXPECT_EQ(r["resolved"]["late"], 1);
  EXPECT_EQ(r["open"]["total"], 1);
  EXPECT_EQ(r["open"]["overdue"], 1) << "due 10 January, open on 1 February";
  EXPECT_DOUBLE_EQ(r["indicators"]["on_time_rate"].get<double>(), 2.0 / 3.0);

  // --to is exclusive: a period ending on 10 January sees the open dossier
  // within its deadline and nothing resolved on the 10th.
  const json before = Report("2023-01-01", "2023-01-10");
  EXPECT_EQ(before["resolved"]["total"], 1);
  EXPECT_EQ(before["open"]["within_deadline"], 3);
  // Carried over into February.
  EXPECT_EQ(Report("2023-02-01", "2023-03-01")["received"]["carried_over"], 1);
  // Slices.
  EXPECT_EQ(Report("2023-01-01", "2023-02-01", {"--agency", "000.00.12.H29"})["received"]["total"],
            4);
  EXPECT_EQ(Report("2023-01-01", "2023-02-01", {"--agency", "000.00.06.H29"})["received"]["total"],
            0);
  EXPECT_EQ(Report("2023-01-01", "2023-02-01", {"--procedure", "2.001737"})["resolved"]["late"], 1);
  EXPECT_EQ(Report("2023-01-01", "2023-02-01", {"--officer", "postal.a"})["received"]["total"], 4);
  EXPECT_EQ(Report("2023-01-01", "2023-02-01", {"--field", "bao-chi"})["received"]["total"], 0);

  Output csv = Motcua(
      {"report", "--db", db_, "--from", "2023-01-01", "--to", "2023-02-01", "--format", "csv"});
  EXPECT_EQ(csv.exit, 0);
  EXPECT_EQ(csv.out.rfind("from,to,", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find("\r\n2023-01-01,2023-02-01,4,"), std::string::npos) << csv.out;

  Output bad = Motcua({"report", "--db", db_, "--from", "2023-13-01", "--to", "2023-02-01"});
  EXPECT_EQ(bad.exit, 2);
  EXPECT_NE(bad.err.find("--from"), std::string::npos);
  bad = Motcua({"report", "--db", db_, "--from", "2023-02-01", "--to", "2023-01-01"});
  EXPECT_EQ(bad.exit, 2);
}

// SQL that rewrites who transferred dossier `code`: one byte of event 3
// inside its imported history (the action, then the actor, each after a
// one-byte length: store/sqlite/imported_history.h).
std::string RewriteTransferActorSql(const std::string& code) {
  return "UPDATE imported_history SET events = CAST(replace(events, 'transfer' || char(8) || "
         "'postal.a', 'transfer' || char(8) || 'postal.b') AS BLOB) WHERE dossier_id = "
         "(SELECT id FROM dossier WHERE code = '" +
         code + "');";
}

TEST_F(CliTest, AuditVerifyPassesOnACleanDatabaseAndNamesTheFirstTamperedEvent) {
  const std::string file = WriteFile("history.jsonl", {Line(1), Line(2), Line(3)});
  ASSERT_EQ(Motcua({"import", "dossiers", file, "--db", db_}).exit, 0);
  Output o = Motcua({"audit", "verify", "--db", db_, "--json"});
  EXPECT_EQ(o.exit, 0) << o.err;
  json j = Json(o);
  EXPECT_EQ(j["chains"], 3);
  EXPECT_EQ(j["events"], 12);
  EXPECT_EQ(j["broken"], 0);
  EXPECT_TRUE(j["first_broken"].is_null());

  // Someone rewrites who transferred dossier 2.
  Sqlite(RewriteTransferActorSql(Code(2)));
  o = Motcua({"audit", "verify", "--db", db_, "--json"});
  EXPECT_EQ(o.exit, 1);
  j = Json(o);
  EXPECT_EQ(j["broken"], 1);
  EXPECT_EQ(j["first_broken"]["dossier"], Code(2));
  EXPECT_EQ(j["first_broken"]["event"], 3);
  EXPECT_NE(o.err.find("hồ sơ " + Code(2) + ", sự kiện 3"), std::string::npos) << o.err;

  o = Motcua({"audit", "verify", "--db", db_});
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.out.find("1 chuỗi bị hỏng"), std::string::npos) << o.out;
}

TEST_F(CliTest, AuditVerifyCatchesARemovedTailOfEvents) {
  const std::string file = WriteFile("history.jsonl", {Line(1), Line(2)});
  ASSERT_EQ(Motcua({"import", "dossiers", file, "--db", db_}).exit, 0);
  // The remaining chain (events 1..3) still links up; only the snapshot,
  // which records version 4 and the hash of event 4, shows the loss. (The
  // history is cut before event 4's record, which starts with its action
  // after a one-byte length: store/sqlite/imported_history.h.)
  Sqlite(
      "UPDATE imported_history SET events = substr(events, 1, "
      "instr(events, CAST(char(7) || 'resolve' AS BLOB)) - 1) WHERE dossier_id = "
      "(SELECT id FROM dossier WHERE code = '" +
      Code(2) + "');");
  const Output o = Motcua({"audit", "verify", "--db", db_, "--json"});
  EXPECT_EQ(o.exit, 1);
  const json j = Json(o);
  EXPECT_EQ(j["broken"], 1);
  EXPECT_EQ(j["first_broken"]["dossier"], Code(2));
  EXPECT_NE(j["first_broken"]["reason"].get<std::string>().find("does not point at its last event"),
            std::string::npos)
      << j.dump();
}

// A history whose bytes no longer decode is a broken chain like any other:
// the audit names it and goes on with the dossiers after it.
TEST_F(CliTest, AuditVerifyReportsAnUndecodableHistoryAndChecksTheRest) {
  const std::string file = WriteFile("history.jsonl", {Line(1), Line(2), Line(3)});
  ASSERT_EQ(Motcua({"import", "dossiers", file, "--db", db_}).exit, 0);
  Sqlite(
      "UPDATE imported_history SET events = X'00FF' WHERE dossier_id = "
      "(SELECT id FROM dossier WHERE code = '" +
      Code(1) + "');");
  Sqlite(RewriteTransferActorSql(Code(3)));
  const Output o = Motcua({"audit", "verify", "--db", db_, "--json"});
  EXPECT_EQ(o.exit, 1) << o.err;
  const json j = Json(o);
  EXPECT_EQ(j["chains"], 3) << "the walk did not stop at the first dossier";
  EXPECT_EQ(j["events"], 8) << "dossiers 2 and 3 were read whole";
  EXPECT_EQ(j["broken"], 2);
  EXPECT_EQ(j["first_broken"]["dossier"], Code(1));
  EXPECT_NE(j["first_broken"]["reason"].get<std::string>().find(Code(1)), std::string::npos)
      << j.dump();
}

// The example line of DESIGN.md section 9, verbatim, imports into the default
// catalog and counts in the report as resolved early.
TEST_F(CliTest, TheDesignDocumentsExampleLineImports) {
  const std::string file = WriteFile(
      "example.jsonl",
      {R"({"code":"000.00.12.H29-230105-0001","procedure":"1.004227","channel":"online",)"
       R"( "applicant":{"name":"Nguyễn Văn A","phone":"0912345678"},)"
       R"( "events":[{"action":"submit","at":"2023-01-05T08:10:00+07:00"},)"
       R"({"action":"receive","at":"2023-01-05T09:00:00+07:00","by":"postal.a","for":"000.00.12.H29"},)"
       R"({"action":"transfer","at":"2023-01-05T10:00:00+07:00","by":"postal.a","for":"000.00.12.H29"},)"
       R"({"action":"resolve","at":"2023-01-09T15:00:00+07:00","by":"spec.b","outcome":"approved"},)"
       R"({"action":"return","at":"2023-01-10T08:00:00+07:00","by":"postal.a","for":"000.00.12.H29"}]})"});
  const Output o = Motcua({"import", "dossiers", file, "--db", db_, "--strict"});
  ASSERT_EQ(o.exit, 0) << o.err;
  const json r = Report("2023-01-01", "2023-02-01", {"--agency", "000.00.12.H29"});
  EXPECT_EQ(r["received"]["total"], 1);
  EXPECT_EQ(r["resolved"]["early"], 1) << "10 working days from 5 January; resolved on the 9th";
  EXPECT_EQ(r["returned"], 1);
  EXPECT_EQ(Motcua({"audit", "verify", "--db", db_}).exit, 0);
}

TEST_F(CliTest, TheDemoDatabaseShowsThePilotsPublishedFiguresAndVerifies) {
  Output o = Motcua({"demo", "--db", db_, "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  json j = Json(o);
  EXPECT_EQ(j["dossiers"]["imported"], 1700);
  EXPECT_EQ(j["grants"].size(), 12u);
  std::set<std::string> roles;
  for (const json& u : j["users"]) {
    EXPECT_GE(u["password"].get<std::string>().size(), 12u);
    for (const json& r : u["roles"]) roles.insert(r.get<std::string>());
  }
  EXPECT_EQ(roles,
            (std::set<std::string>{"applicant", "desk", "specialist", "leader", "focal_point",
                                   "center_supervisor", "postal_supervisor", "admin"}));
  EXPECT_EQ(Sqlite("SELECT substr(password_hash, 1, 10) FROM app_user WHERE login = "
                   "'buudien.chinh';"),
            "$argon2id$\n");
  EXPECT_EQ(Sqlite("SELECT count(*) FROM app_user WHERE password_hash LIKE '%" +
                   j["users"][0]["password"].get<std::string>() + "%';"),
            "0\n")
      << "no password is stored in clear";

  const json r = Report("2023-01-01", "2024-01-01");
  EXPECT_EQ(r["received"]["total"], 1700);
  EXPECT_EQ(r["received"]["online"], 1700);
  EXPECT_EQ(r["received"]["carried_over"], 0);
  EXPECT_EQ(r["resolved"]["total"], 1668);
  EXPECT_EQ(r["resolved"]["early"], 1479);
  EXPECT_EQ(r["resolved"]["on_time"], 168);
  EXPECT_EQ(r["resolved"]["late"], 21);
  EXPECT_EQ(r["open"]["total"], 32);
  EXPECT_GT(Report("2023-01-01", "2024-01-01", {"--officer", "buudien.phu"})["received"]["total"],
            0)
      << "the backup postal employee received some";
  EXPECT_GT(Report("2023-01-01", "2024-01-01", {"--agency", "000.00.10.H29"})["resolved"]["late"],
            0);

  o = Motcua({"audit", "verify", "--db", db_, "--json"});
  EXPECT_EQ(o.exit, 0) << o.err;
  EXPECT_EQ(Json(o)["chains"], 1700);

  // Again: nothing duplicated.
  o = Motcua({"demo", "--db", db_, "--json"});
  ASSERT_EQ(o.exit, 0) << o.err;
  j = Json(o);
  EXPECT_EQ(j["dossiers"]["imported"], 0);
  EXPECT_EQ(j["dossiers"]["already_present"], 1700);
  EXPECT_EQ(Sqlite("SELECT count(*) FROM delegation_grant;"), "12\n");
}

}  // namespace
