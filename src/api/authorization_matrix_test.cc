// The authorization matrix of issue 4 ("Proof"): every role × every dossier
// action the API exposes × every context a request can come from, sent over
// real HTTP to a real SQLite file, each cell checked against a table written
// out below by hand from DESIGN.md sections 2–4 (never computed by
// access::Authorize, which is what is under test).
//
// A cell is allowed: the request answers 2xx and the dossier moves on (one
// version more, the state of DESIGN.md section 4). A cell is refused: 403
// permission_denied naming the rule, and the dossier keeps its version and
// state (a refused submit creates nothing).
//
// The question routes (question_routes.cc: POST /dossiers/{code}/questions
// and POST /dossiers/{code}/questions/{id}/answer) are two more columns,
// ask_question and answer_question. A question does not change the dossier,
// so there an allowed cell answers 201/200 and the question (or its answer)
// is in the store, and a refused cell leaves no question (or the question
// unanswered); in both the dossier keeps its version.
//
// Every cell starts from a dossier in a state the action is allowed in, so
// that a wrong "allow" would succeed rather than hide behind a 409. Allowed
// cells get a fresh dossier each; refused cells share one per action, since a
// refusal changes nothing (and a wrong success is replaced before the next
// cell). The dossiers are built by replaying their history through the life
// cycle (import::Replay) and stored in one batch, which keeps the run short.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/api_testing.h"
#include "api/command_fields.h"
#include "dossier/action.h"
#include "dossier/state.h"
#include "import/record.h"
#include "import/replay.h"

namespace motcua::api {
namespace {

using access::GrantAction;
using access::Role;
using dossier::Action;
using nlohmann::json;
using testing::At;
// The replay of historic dossiers builds the matrix's dossiers.
using HistoricDossier = ::motcua::import::ImportRecord;
using ReplayContext = ::motcua::import::ReplayContext;
auto ReplayHistory(const HistoricDossier& record, const ReplayContext& ctx) {
  return ::motcua::import::Replay(record, ctx);
}

constexpr char kAgencyA[] = "000.00.07.H29";  // Sở Khoa học và Công nghệ: every dossier's agency
constexpr char kAgencyB[] = "000.00.06.H29";  // Sở Giáo dục và Đào tạo: "another agency"
// The dossiers' procedure: field hoat-dong-khcn of agency A; don-de-nghi
// mandatory, giay-chung-nhan-cu conditional; 10 working days.
constexpr char kProcedure[] = "9.004001";
// Scopes that cover agency A's other work but not these dossiers.
constexpr char kOtherFieldOfA[] = "buu-chinh";
constexpr char kOtherProcedureOfA[] = "9.004002";
// The applicant who owns every dossier of the matrix.
constexpr char kOwner[] = "citizen";
constexpr char kDocumentHash[] = "3f2a9c0e5b7d41a8c6e2f0b9d8a7c6b5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9";

// ---------------------------------------------------------------------------
// The contexts a request comes from. The account of the cell's user:
//   own        staff of agency A, acting for A (the applicant: the dossier's
//              owner, acting for no agency);
//   other      staff of agency B, claiming to act for A (the applicant:
//              someone else's dossier, acting for no agency);
//   the rest   an account without an agency, acting for A, holding a grant of
//              A (DESIGN.md section 3):
//     delegated               primary, in force, whole agency, all 8 actions;
//     expired                 as delegated, but its window ended last week;
//     revoked                 as delegated, but revoked last week;
//     out_of_scope_field      in force, all actions, scope: another field of A;
//     out_of_scope_procedure  in force, all actions, scope: another procedure;
//     backup                  as delegated, but the backup tier (while the
//                             delegated desk's primary grant is in force);
//     unlisted                as delegated, but listing `receive` only.
// For the center's roles the account's agency plays no part.
const char* const kContexts[] = {
    "own",
    "other",
    "delegated",
    "expired",
    "revoked",
    "out_of_scope_field",
    "out_of_scope_procedure",
    "backup",
    "unlisted",
};

bool IsGrantContext(const std::string& context) { return context != "own" && context != "other"; }

// ---------------------------------------------------------------------------
// THE EXPECTED TABLE.
//
// What each role may do at all, from DESIGN.md section 4 ("by") and section 2:
//  - applicant: submit, resubmit, resume, withdraw (§4 "applicant / desk"),
//    rate (§2 "rates the service") — on their own dossiers, for no agency;
//    ask_question about their own dossier (§1: the question channel to the
//    agency; access/authorize.h);
//  - desk: submit (walk-in), request_supplement, resubmit, refuse, receive,
//    transfer, resume, return, withdraw (§4 "desk"), digitize and sign (§2
//    "digitizes, signs"; they are grant actions in §3); ask_question (§1: the
//    desk "could not learn each field deeply" and asks the agency's experts;
//    through a grant it needs the grant action guide, §2 "guides", §3);
//  - specialist: pause, resolve (§4 "agency", §2); digitize and sign (the
//    result document is the agency's: access/authorize.h); answer_question
//    (the agency's experts answer the desk, §1);
//  - leader: as a specialist, plus extend and stop (issued in the agency's
//    name: Decree 61/2018/NĐ-CP as carried into Decree 118/2025/NĐ-CP, see
//    access/authorize.h) and assign_handler;
//  - focal_point, center_supervisor, postal_supervisor, admin: read, report
//    and manage; they change no dossier (§2).
// An action outside its role's list is refused with role_not_permitted in
// every context.
struct RoleActions {
  const char* role;
  const char* actions;
};
const RoleActions kRoleActions[] = {
    {"applicant", "submit resubmit resume withdraw rate ask_question"},
    {"desk",
     "submit request_supplement resubmit refuse receive transfer resume return withdraw digitize "
     "sign ask_question"},
    {"specialist", "pause resolve digitize sign answer_question"},
    {"leader", "pause extend resolve stop digitize sign assign_handler answer_question"},
    {"focal_point", ""},
    {"center_supervisor", ""},
    {"postal_supervisor", ""},
    {"admin", ""},
};

// Per role × context: the actions allowed, and the rule that refuses the
// role's other actions there ("a|b": either rule is a right answer, where
// DESIGN.md gives two reasons and does not rank them).
//
// A grant serves a desk officer only (DESIGN.md §2: "a postal employee has
// desk with no agency of their own and acts only through delegation grants").
// Submit has no dossier yet: the applicant in "other" submits their own.
// Which grant action a desk operation needs (access/grant.h): submit,
// resubmit, resume and withdraw are the desk taking in the applicant's papers
// (receive); ask_question is guiding the applicant (guide); the others need
// the grant action of their own name.
struct Cell {
  const char* role;
  const char* context;
  const char* allowed;
  const char* refused_with;
};
const Cell kTable[] = {
    // clang-format off
    // role               context                   allowed                                     the role's other actions refused with
    {"applicant",         "own",                    "submit resubmit resume withdraw rate "
                                                    "ask_question",                             ""},
    {"applicant",         "other",                  "submit",                                   "not_own_dossier"},
    {"applicant",         "delegated",              "",                                         "acting_for_mismatch|not_own_dossier"},
    {"applicant",         "expired",                "",                                         "acting_for_mismatch|not_own_dossier"},
    {"applicant",         "revoked",                "",                                         "acting_for_mismatch|not_own_dossier"},
    {"applicant",         "out_of_scope_field",     "",                                         "acting_for_mismatch|not_own_dossier"},
    {"applicant",         "out_of_scope_procedure", "",                                         "acting_for_mismatch|not_own_dossier"},
    {"applicant",         "backup",                 "",                                         "acting_for_mismatch|not_own_dossier"},
    {"applicant",         "unlisted",               "",                                         "acting_for_mismatch|not_own_dossier"},

    {"desk",              "own",                    "submit request_supplement resubmit refuse receive transfer "
                                                    "resume return withdraw digitize sign "
                                                    "ask_question",                             ""},
    {"desk",              "other",                  "",                                         "no_grant"},
    {"desk",              "delegated",              "submit request_supplement resubmit refuse receive transfer "
                                                    "resume return withdraw digitize sign "
                                                    "ask_question",                             ""},
    {"desk",              "expired",                "",                                         "grant_expired"},
    {"desk",              "revoked",                "",                                         "grant_revoked"},
    {"desk",              "out_of_scope_field",     "",                                         "grant_out_of_scope_field"},
    {"desk",              "out_of_scope_procedure", "",                                         "grant_out_of_scope_procedure"},
    {"desk",              "backup",                 "submit request_supplement resubmit refuse receive transfer "
                                                    "resume return withdraw digitize sign "
                                                    "ask_question",                             ""},
    {"desk",              "unlisted",               "submit resubmit receive resume withdraw",  "grant_action_not_listed"},

    {"specialist",        "own",                    "pause resolve digitize sign answer_question", ""},
    {"specialist",        "other",                  "",                                         "other_agency"},
    {"specialist",        "delegated",              "",                                         "no_agency"},
    {"specialist",        "expired",                "",                                         "no_agency"},
    {"specialist",        "revoked",                "",                                         "no_agency"},
    {"specialist",        "out_of_scope_field",     "",                                         "no_agency"},
    {"specialist",        "out_of_scope_procedure", "",                                         "no_agency"},
    {"specialist",        "backup",                 "",                                         "no_agency"},
    {"specialist",        "unlisted",               "",                                         "no_agency"},

    {"leader",            "own",                    "pause extend resolve stop digitize sign assign_handler "
                                                    "answer_question",                          ""},
    {"leader",            "other",                  "",                                         "other_agency"},
    {"leader",            "delegated",              "",                                         "no_agency"},
    {"leader",            "expired",                "",                                         "no_agency"},
    {"leader",            "revoked",                "",                                         "no_agency"},
    {"leader",            "out_of_scope_field",     "",                                         "no_agency"},
    {"leader",            "out_of_scope_procedure", "",                                         "no_agency"},
    {"leader",            "backup",                 "",                                         "no_agency"},
    {"leader",            "unlisted",               "",                                         "no_agency"},

    {"focal_point",       "own",                    "", ""},
    {"focal_point",       "other",                  "", ""},
    {"focal_point",       "delegated",              "", ""},
    {"focal_point",       "expired",                "", ""},
    {"focal_point",       "revoked",                "", ""},
    {"focal_point",       "out_of_scope_field",     "", ""},
    {"focal_point",       "out_of_scope_procedure", "", ""},
    {"focal_point",       "backup",                 "", ""},
    {"focal_point",       "unlisted",               "", ""},

    {"center_supervisor", "own",                    "", ""},
    {"center_supervisor", "other",                  "", ""},
    {"center_supervisor", "delegated",              "", ""},
    {"center_supervisor", "expired",                "", ""},
    {"center_supervisor", "revoked",                "", ""},
    {"center_supervisor", "out_of_scope_field",     "", ""},
    {"center_supervisor", "out_of_scope_procedure", "", ""},
    {"center_supervisor", "backup",                 "", ""},
    {"center_supervisor", "unlisted",               "", ""},

    {"postal_supervisor", "own",                    "", ""},
    {"postal_supervisor", "other",                  "", ""},
    {"postal_supervisor", "delegated",              "", ""},
    {"postal_supervisor", "expired",                "", ""},
    {"postal_supervisor", "revoked",                "", ""},
    {"postal_supervisor", "out_of_scope_field",     "", ""},
    {"postal_supervisor", "out_of_scope_procedure", "", ""},
    {"postal_supervisor", "backup",                 "", ""},
    {"postal_supervisor", "unlisted",               "", ""},

    {"admin",             "own",                    "", ""},
    {"admin",             "other",                  "", ""},
    {"admin",             "delegated",              "", ""},
    {"admin",             "expired",                "", ""},
    {"admin",             "revoked",                "", ""},
    {"admin",             "out_of_scope_field",     "", ""},
    {"admin",             "out_of_scope_procedure", "", ""},
    {"admin",             "backup",                 "", ""},
    {"admin",             "unlisted",               "", ""},
    // clang-format on
};

// The actions of the matrix: submit (POST /api/v1/dossiers), every action
// with a route POST /api/v1/dossiers/{code}/<action>, in the order of
// DESIGN.md section 4, and the two question routes (kQuestionRoutes).
// TheMatrixCoversEveryActionTheApiExposes checks this list against the
// served OpenAPI document.
const char* const kMatrixActions[] = {
    "submit",
    "request_supplement",
    "resubmit",
    "refuse",
    "receive",
    "transfer",
    "pause",
    "resume",
    "extend",
    "resolve",
    "return",
    "withdraw",
    "stop",
    "digitize",
    "sign",
    "assign_handler",
    "rate",
    "ask_question",
    "answer_question",
};

// The question routes below /api/v1/dossiers/{code}/, by the action they do.
const std::map<std::string, std::string> kQuestionRoutes = {
    {"questions", "ask_question"},
    {"questions/{id}/answer", "answer_question"},
};

bool IsQuestion(Action a) { return a == Action::kAskQuestion || a == Action::kAnswerQuestion; }

// The state each action's dossier starts in (one DESIGN.md section 4 allows),
// and how the history reaches it.
enum class Start {
  kSubmitted,
  kSupplementRequested,
  kReceived,
  kReceivedDigitized,  // received, don-de-nghi digitized (sign needs a document)
  kInProgress,
  kPaused,
  kResolved,
  kReturned,
};

Start StartOf(Action a) {
  switch (a) {
    case Action::kRequestSupplement:
    case Action::kRefuse:
    case Action::kReceive:
      return Start::kSubmitted;
    case Action::kResubmit:
      return Start::kSupplementRequested;
    case Action::kTransfer:
    case Action::kWithdraw:
    case Action::kDigitize:
    // Questions serve guidance and handling: submitted … paused (action.h).
    case Action::kAskQuestion:
    case Action::kAnswerQuestion:
      return Start::kReceived;
    case Action::kSign:
      return Start::kReceivedDigitized;
    case Action::kPause:
    case Action::kExtend:
    case Action::kResolve:
    case Action::kStop:
    case Action::kAssignHandler:
      return Start::kInProgress;
    case Action::kResume:
      return Start::kPaused;
    case Action::kReturn:
      return Start::kResolved;
    case Action::kRate:
      return Start::kReturned;
    default:
      return Start::kSubmitted;
  }
}

// The action's body beyond version and on_behalf_of: valid for the dossier of
// StartOf(action), so that only the access decision can refuse it.
json FieldsOf(Action a) {
  switch (a) {
    case Action::kRequestSupplement:
    case Action::kPause:
      return {{"reason", "Thiếu bản gốc Giấy chứng nhận đã cấp"},
              {"missing_components", {"giay-chung-nhan-cu"}}};
    case Action::kResubmit:
    case Action::kResume:
      return {{"components", {{{"id", "giay-chung-nhan-cu"}}}}};
    case Action::kRefuse:
      return {{"reason", "Hồ sơ không thuộc thẩm quyền giải quyết"}};
    case Action::kExtend:
      return {{"reason", "Cần xác minh thêm tại cơ sở"},
              {"new_appointment", "2024-12-31T16:00:00+07:00"}};
    case Action::kResolve:
      return {{"outcome", "approved"}};
    case Action::kReturn:
      return {{"return_method", "counter"}};
    case Action::kWithdraw:
      return {{"reason", "Người nộp xin rút hồ sơ"}};
    case Action::kStop:
      return {{"reason", "Tổ chức đề nghị đã giải thể"}};
    case Action::kDigitize:
    case Action::kSign:
      return {{"component_id", "don-de-nghi"}, {"document_hash", kDocumentHash}};
    case Action::kAssignHandler:
      return {{"handler", "chuyenvien.a"}};
    case Action::kRate:
      return {{"stars", 5}, {"comment", "Nhanh, đúng hẹn"}};
    default:
      return json::object();
  }
}

std::vector<std::string> Words(std::string_view text, char sep) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    if (c == sep) {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

bool Lists(std::string_view list, const std::string& name) {
  const std::vector<std::string> words = Words(list, ' ');
  return std::find(words.begin(), words.end(), name) != words.end();
}

const char* ActionsOfRole(const std::string& role) {
  for (const RoleActions& r : kRoleActions) {
    if (role == r.role) return r.actions;
  }
  ADD_FAILURE() << "no role " << role << " in kRoleActions";
  return "";
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += (out.empty() ? "" : "|") + x;
  return out;
}

class AuthorizationMatrixTest : public testing::ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    // Thursday 9 May 2024: the dossiers' histories end by Wednesday 08:00.
    SetNow("2024-05-09T09:00:00+07:00");
    snapshot_ = testing::ShippedDomain();
  }

  // The account of `role` in `context` (created with its grant on first use)
  // and its session token.
  std::string TokenFor(const std::string& role, const std::string& context) {
    const std::string key = role + "/" + context;
    if (auto it = tokens_.find(key); it != tokens_.end()) return it->second;
    const Role r = access::ParseRole(role).value();
    const bool applicant = r == Role::kApplicant;
    std::string login = role + "." + context;
    std::string agency;
    if (context == "own") {
      if (applicant) {
        login = kOwner;
      } else {
        agency = kAgencyA;
      }
    } else if (context == "other" && !applicant) {
      agency = kAgencyB;
    }
    const std::string token = Login(login, {r}, agency);
    if (IsGrantContext(context)) GiveGrant(login, context);
    tokens_[key] = token;
    return token;
  }

  // The grant of agency A that `context` describes, to `login`.
  void GiveGrant(const std::string& login, const std::string& context) {
    access::Grant g;
    g.agency_code = kAgencyA;
    g.grantee_login = login;
    g.actions.assign(access::AllGrantActions().begin(), access::AllGrantActions().end());
    g.valid_from = At("2024-01-01T00:00:00+07:00");
    g.contract_reference = "HĐ 12/2024/HĐ-BĐ";
    if (context == "expired") g.valid_to = At("2024-05-01T00:00:00+07:00");
    if (context == "out_of_scope_field") {
      g.scope = {access::ScopeKind::kFields, {kOtherFieldOfA}};
    }
    if (context == "out_of_scope_procedure") {
      g.scope = {access::ScopeKind::kProcedures, {kOtherProcedureOfA}};
    }
    if (context == "backup") g.tier = access::GrantTier::kBackup;
    if (context == "unlisted") g.actions = {GrantAction::kReceive};
    auto created = db().CreateGrant(g);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    if (context == "revoked") {
      // Revoked last week, as an administrator would (grant revoke).
      access::Grant revoked = *created;
      revoked.revoked_at = At("2024-05-02T10:00:00+07:00");
      ASSERT_TRUE(db().UpdateGrant(revoked).ok());
    }
    if (context == "backup") {
      // The primary desk's grant is in force at the same time.
      TokenFor("desk", "delegated");
    }
  }

  // The history of a dossier of kProcedure up to `start`, owned by kOwner.
  HistoricDossier RecordFor(Start start, int seq) {
    HistoricDossier rec;
    char code[64];
    std::snprintf(code, sizeof code, "%s-240506-%04d", kAgencyA, seq);
    rec.code = code;
    rec.procedure = kProcedure;
    rec.channel = dossier::Channel::kOnline;
    rec.applicant.name = "Nguyễn Văn An";
    rec.applicant.phone = "0912345678";
    rec.applicant.login = kOwner;
    rec.components = {{"don-de-nghi", ""}};
    rec.components_given = true;
    const auto step = [&rec](Action a, const char* at, const char* by) -> dossier::Command& {
      dossier::Command c;
      c.action = a;
      c.at = At(at);
      c.actor = by;
      if (a != Action::kSubmit) c.on_behalf_of = kAgencyA;
      rec.events.push_back(std::move(c));
      return rec.events.back();
    };
    step(Action::kSubmit, "2024-05-06T08:00:00+07:00", "");
    if (start == Start::kSubmitted) return rec;
    if (start == Start::kSupplementRequested) {
      dossier::Command& c = step(Action::kRequestSupplement, "2024-05-06T09:00:00+07:00", "mc.a");
      c.reason = "Thiếu bản gốc Giấy chứng nhận đã cấp";
      c.missing_components = {"giay-chung-nhan-cu"};
      return rec;
    }
    step(Action::kReceive, "2024-05-06T09:00:00+07:00", "mc.a");
    if (start == Start::kReceived) return rec;
    if (start == Start::kReceivedDigitized) {
      dossier::Command& c = step(Action::kDigitize, "2024-05-06T09:10:00+07:00", "mc.a");
      c.component_id = "don-de-nghi";
      c.document_hash = kDocumentHash;
      return rec;
    }
    step(Action::kTransfer, "2024-05-06T10:00:00+07:00", "mc.a");
    if (start == Start::kInProgress) return rec;
    if (start == Start::kPaused) {
      dossier::Command& c = step(Action::kPause, "2024-05-07T10:00:00+07:00", "cv.a");
      c.reason = "Thiếu bản gốc Giấy chứng nhận đã cấp";
      c.missing_components = {"giay-chung-nhan-cu"};
      return rec;
    }
    step(Action::kResolve, "2024-05-07T15:00:00+07:00", "cv.a").outcome =
        dossier::Outcome::kApproved;
    if (start == Start::kResolved) return rec;
    step(Action::kReturn, "2024-05-08T08:00:00+07:00", "mc.a").return_method =
        dossier::ReturnMethod::kCounter;
    return rec;
  }

  // Stores `count[a]` new dossiers ready for each action a, in one write;
  // their codes by action.
  std::map<Action, std::vector<std::string>> Prepare(const std::map<Action, int>& count) {
    std::vector<store::ImportedDossier> batch;
    std::map<Action, std::vector<std::string>> codes;
    const ReplayContext ctx{&snapshot_->catalog, &snapshot_->calendar};
    for (const auto& [action, n] : count) {
      for (int i = 0; i < n; ++i) {
        auto replayed = ReplayHistory(RecordFor(StartOf(action), ++next_seq_), ctx);
        EXPECT_TRUE(replayed.ok()) << replayed.status().ToString();
        if (!replayed.ok()) return {};
        codes[action].push_back(replayed->dossier.code);
        batch.push_back({std::move(replayed->dossier), std::move(replayed->events), std::nullopt});
      }
    }
    auto stored = db().ImportDossiers(batch);
    EXPECT_TRUE(stored.ok()) << stored.status().ToString();
    EXPECT_EQ(stored.ok() ? stored->imported : 0, static_cast<std::int64_t>(batch.size()));
    return codes;
  }

  std::int64_t DossierCount() {
    auto counts = db().CountDossiers(Now());
    EXPECT_TRUE(counts.ok());
    std::int64_t n = 0;
    if (counts.ok()) {
      for (const auto& [state, k] : counts->by_state) n += k;
    }
    return n;
  }

  // Checks every cell of `role`'s rows against the server.
  void RunRole(const std::string& role) {
    std::vector<const Cell*> rows;
    for (const Cell& c : kTable) {
      if (role == c.role) rows.push_back(&c);
    }
    ASSERT_EQ(rows.size(), std::size(kContexts)) << role;
    const char* can = ActionsOfRole(role);

    // One fresh dossier per allowed cell, one shared per action for refusals.
    std::map<Action, int> needed;
    for (const char* name : kMatrixActions) {
      const Action a = dossier::ParseAction(name).value();
      if (a == Action::kSubmit) continue;
      needed[a] = 1;
      for (const Cell* c : rows) needed[a] += Lists(c->allowed, name) ? 1 : 0;
    }
    std::map<Action, std::vector<std::string>> codes = Prepare(needed);
    for (auto& [a, list] : codes) {
      ASSERT_EQ(list.size(), static_cast<size_t>(needed[a]));
      shared_[a] = list.back();
      list.pop_back();
      fresh_[a] = std::move(list);
    }

    int cells = 0;
    for (const Cell* c : rows) {
      for (const char* name : kMatrixActions) {
        const bool allow = Lists(c->allowed, name);
        std::set<std::string> rules;
        if (!allow) {
          if (!Lists(can, name)) {
            rules = {"role_not_permitted"};
          } else {
            for (const std::string& r : Words(c->refused_with, '|')) rules.insert(r);
          }
          EXPECT_FALSE(rules.empty()) << "the table gives no refusal rule for " << role << " / "
                                      << c->context << " / " << name;
        }
        RunCell(role, c->context, dossier::ParseAction(name).value(), allow, rules);
        ++cells;
      }
    }
    EXPECT_EQ(cells, static_cast<int>(std::size(kContexts) * std::size(kMatrixActions)));
  }

  void RunCell(const std::string& role, const std::string& context, Action action, bool allow,
               const std::set<std::string>& rules) {
    const std::string cell = role + " / " + context + " / " + dossier::ActionName(action) +
                             (allow ? " (allowed)" : " (refused: " + Join(rules) + ")");
    SCOPED_TRACE(cell);
    const std::string token = TokenFor(role, context);
    const bool for_nobody = role == "applicant" && !IsGrantContext(context);
    const std::string on_behalf_of = for_nobody ? "" : kAgencyA;

    if (action == Action::kSubmit) {
      json body = {{"procedure", kProcedure},
                   {"applicant", {{"name", "Phạm Thị Dung"}, {"phone", "0987654321"}}},
                   {"components", {{{"id", "don-de-nghi"}}}}};
      if (!on_behalf_of.empty()) body["on_behalf_of"] = on_behalf_of;
      const std::int64_t before = DossierCount();
      const auto r = Post(token, "/api/v1/dossiers", body);
      if (allow) {
        EXPECT_EQ(r.status, 201) << r.body;
        EXPECT_EQ(r.Json().value("state", ""), "submitted") << r.body;
        EXPECT_EQ(DossierCount(), before + 1);
      } else {
        ExpectRefused(r, rules);
        EXPECT_EQ(DossierCount(), before) << "a refused submit created a dossier";
      }
      return;
    }

    std::string code;
    if (allow) {
      auto& pool = fresh_[action];
      ASSERT_FALSE(pool.empty()) << "no fresh dossier left";
      code = pool.back();
      pool.pop_back();
    } else {
      code = shared_[action];
    }
    auto before = db().GetDossier(code);
    ASSERT_TRUE(before.ok()) << before.status().ToString();
    ASSERT_TRUE(dossier::IsAllowedIn(action, before->state))
        << code << " is " << dossier::StateName(before->state);

    if (IsQuestion(action)) {
      RunQuestionCell(token, code, action, on_behalf_of, allow, rules, *before);
      return;
    }

    json body = FieldsOf(action);
    body["version"] = before->version;
    if (!on_behalf_of.empty()) body["on_behalf_of"] = on_behalf_of;
    const auto r =
        Post(token, "/api/v1/dossiers/" + code + "/" + dossier::ActionName(action), body);
    auto after = db().GetDossier(code);
    ASSERT_TRUE(after.ok()) << after.status().ToString();
    if (allow) {
      EXPECT_EQ(r.status, 200) << r.body;
      EXPECT_EQ(after->version, before->version + 1);
      EXPECT_STREQ(dossier::StateName(after->state),
                   dossier::StateName(dossier::TargetState(action, before->state)));
      EXPECT_EQ(r.Json().value("version", std::int64_t{0}), after->version) << r.body;
      return;
    }
    ExpectRefused(r, rules);
    EXPECT_EQ(after->version, before->version) << "a refused action changed the dossier";
    EXPECT_STREQ(dossier::StateName(after->state), dossier::StateName(before->state));
    if (after->version != before->version) {
      // Keep the next cells honest: they get a dossier in the right state.
      shared_[action] = Prepare({{action, 1}})[action].front();
    }
  }

  // A cell of the question routes on `code` (in a state that allows
  // questions). Asking: an allowed cell stores the question as sent; a
  // refused one stores none. Answering a question the desk asked: an allowed
  // cell stores the answer; a refused one leaves the question unanswered.
  // Either way the dossier keeps its version (a question is no event).
  void RunQuestionCell(const std::string& token, const std::string& code, Action action,
                       const std::string& on_behalf_of, bool allow,
                       const std::set<std::string>& rules, const dossier::Dossier& before) {
    const std::string path = "/api/v1/dossiers/" + code + "/questions";
    json body;
    if (!on_behalf_of.empty()) body["on_behalf_of"] = on_behalf_of;
    if (action == Action::kAskQuestion) {
      const std::string text = "Giấy chứng nhận cũ bị mất thì có cần xác nhận của công an không?";
      body["text"] = text;
      auto asked_before = db().ListQuestions(code);
      ASSERT_TRUE(asked_before.ok()) << asked_before.status().ToString();
      const auto r = Post(token, path, body);
      auto asked = db().ListQuestions(code);
      ASSERT_TRUE(asked.ok()) << asked.status().ToString();
      if (allow) {
        EXPECT_EQ(r.status, 201) << r.body;
        ASSERT_EQ(asked->size(), asked_before->size() + 1) << "no question was stored";
        EXPECT_EQ(asked->back().text, text);
        EXPECT_EQ(asked->back().agency_code, kAgencyA);
      } else {
        ExpectRefused(r, rules);
        EXPECT_EQ(asked->size(), asked_before->size()) << "a refused question was stored";
      }
    } else {
      store::Question q;
      q.dossier_code = code;
      q.agency_code = kAgencyA;
      q.asked_by = "mc.a";
      q.text = "Đơn đề nghị có cần chứng thực chữ ký không?";
      q.asked_at = Now() - 3600;
      auto waiting = db().AskQuestion(q);
      ASSERT_TRUE(waiting.ok()) << waiting.status().ToString();
      const std::string text = "Không cần chứng thực; ký và ghi rõ họ tên là đủ.";
      body["text"] = text;
      const auto r = Post(token, path + "/" + std::to_string(waiting->id) + "/answer", body);
      auto stored = db().GetQuestion(waiting->id);
      ASSERT_TRUE(stored.ok()) << stored.status().ToString();
      if (allow) {
        EXPECT_EQ(r.status, 200) << r.body;
        EXPECT_TRUE(stored->answered_at.has_value()) << "no answer was stored";
        EXPECT_EQ(stored->answer, text);
      } else {
        ExpectRefused(r, rules);
        EXPECT_FALSE(stored->answered_at.has_value()) << "a refused answer was stored";
        EXPECT_EQ(stored->answer, "");
      }
    }
    auto after = db().GetDossier(code);
    ASSERT_TRUE(after.ok()) << after.status().ToString();
    EXPECT_EQ(after->version, before.version) << "a question changed the dossier";
  }

  static void ExpectRefused(const testing::HttpResponse& r, const std::set<std::string>& rules) {
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_EQ(r.ErrorCode(), "permission_denied") << r.body;
    const json j = r.Json();
    const std::string rule =
        j.is_object() && j.contains("error") ? j["error"].value("rule", "") : std::string();
    EXPECT_TRUE(rules.count(rule) == 1)
        << "rule \"" << rule << "\", expected " << Join(rules) << ": " << r.body;
  }

  std::shared_ptr<const DomainSource::Snapshot> snapshot_;
  std::map<std::string, std::string> tokens_;
  std::map<Action, std::vector<std::string>> fresh_;
  std::map<Action, std::string> shared_;
  int next_seq_ = 0;
};

TEST(AuthorizationMatrixTableTest, HasOneRowPerRoleAndContextNamingKnownActions) {
  for (Role role : access::AllRoles()) {
    for (const char* context : kContexts) {
      int rows = 0;
      for (const Cell& c : kTable) {
        if (c.role == std::string(access::RoleName(role)) && c.context == std::string(context)) {
          ++rows;
          for (const std::string& a : Words(c.allowed, ' ')) {
            EXPECT_TRUE(dossier::ParseAction(a).ok()) << a;
            // Nobody is allowed what their role may never do.
            EXPECT_TRUE(Lists(ActionsOfRole(c.role), a)) << c.role << " " << a;
          }
        }
      }
      EXPECT_EQ(rows, 1) << access::RoleName(role) << " / " << context;
    }
  }
  EXPECT_EQ(std::size(kTable), access::AllRoles().size() * std::size(kContexts));
  for (const RoleActions& r : kRoleActions) {
    for (const std::string& a : Words(r.actions, ' ')) {
      EXPECT_TRUE(
          Lists("submit request_supplement resubmit refuse receive transfer pause resume "
                "extend resolve return withdraw stop digitize sign assign_handler rate "
                "ask_question answer_question",
                a))
          << a;
    }
  }
}

TEST_F(AuthorizationMatrixTest, TheMatrixCoversEveryActionTheApiExposes) {
  const auto r = Get("", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const json paths = r.Json()["paths"];
  std::set<std::string> exposed = {"submit"};  // POST /api/v1/dossiers
  ASSERT_TRUE(paths["/api/v1/dossiers"].contains("post"));
  const std::string prefix = "/api/v1/dossiers/{code}/";
  for (const auto& [path, ops] : paths.items()) {
    if (path.rfind(prefix, 0) != 0 || !ops.contains("post")) continue;
    const std::string rest = path.substr(prefix.size());
    if (dossier::ParseAction(rest).ok()) exposed.insert(rest);
    if (auto q = kQuestionRoutes.find(rest); q != kQuestionRoutes.end()) exposed.insert(q->second);
  }
  const std::set<std::string> matrix(std::begin(kMatrixActions), std::end(kMatrixActions));
  EXPECT_EQ(exposed, matrix);
  // And every routed action is in the matrix (the list the routes come from),
  // as is every action of the domain: submit, the routed ones, the questions.
  for (Action a : RoutedActions()) EXPECT_EQ(matrix.count(dossier::ActionName(a)), 1u);
  for (Action a : dossier::AllActions()) {
    EXPECT_EQ(matrix.count(dossier::ActionName(a)), 1u) << dossier::ActionName(a);
  }
}

TEST_F(AuthorizationMatrixTest, AnApplicantActsOnlyOnTheirOwnDossiersAndForNoAgency) {
  RunRole("applicant");
}

TEST_F(AuthorizationMatrixTest, ADeskActsForItsAgencyOrThroughALiveGrantInScopeListingTheAction) {
  RunRole("desk");
}

TEST_F(AuthorizationMatrixTest, ASpecialistPausesAndResolvesForTheirOwnAgencyOnly) {
  RunRole("specialist");
}

TEST_F(AuthorizationMatrixTest, ALeaderAlsoExtendsStopsAndAssignsForTheirOwnAgencyOnly) {
  RunRole("leader");
}

// The roles that read, report and manage (DESIGN.md section 2): one test, as
// every cell of theirs is the same refusal.
TEST_F(AuthorizationMatrixTest, NoFocalPointSupervisorOrAdministratorChangesADossier) {
  for (const char* role : {"focal_point", "center_supervisor", "postal_supervisor", "admin"}) {
    RunRole(role);
  }
}

}  // namespace
}  // namespace motcua::api
