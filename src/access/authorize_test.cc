// The access decision, table-driven: every kind of user × every operation ×
// every situation, with the expected answer written out here by hand.
#include "access/authorize.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace motcua::access {
namespace {

const std::string kA = "000.00.12.H29";  // the users' own agency
const std::string kB = "000.00.13.H29";  // another agency, which may delegate
const std::string kField = "bao_chi";
const std::string kProcedure = "1.004227";

Instant At(const char* t) {
  auto r = ParseDateTime(t);
  EXPECT_TRUE(r.ok()) << t;
  return r.ok() ? *r : 0;
}

const Instant kNow = At("2024-06-10T09:00:00+07:00");

User MakeUser(const std::string& login, std::vector<Role> roles, std::string agency = "") {
  return User{login, login, std::move(roles), std::move(agency)};
}

// The kinds of user, one row each.
const std::vector<std::pair<std::string, User>>& Users() {
  static const std::vector<std::pair<std::string, User>> kUsers = {
      {"applicant", MakeUser("citizen.a", {Role::kApplicant})},
      {"own_desk", MakeUser("desk.a", {Role::kDesk}, kA)},
      {"postal_desk", MakeUser("postal.a", {Role::kDesk})},
      {"specialist", MakeUser("spec.a", {Role::kSpecialist}, kA)},
      {"leader", MakeUser("leader.a", {Role::kLeader}, kA)},
      {"focal_point", MakeUser("focal.a", {Role::kFocalPoint}, kA)},
      {"center_supervisor", MakeUser("center.sup", {Role::kCenterSupervisor})},
      {"postal_supervisor", MakeUser("postal.sup", {Role::kPostalSupervisor})},
      {"admin", MakeUser("admin", {Role::kAdmin})},
  };
  return kUsers;
}

// The situations, one column each:
//  0 own        the dossier belongs to agency A (and, for the applicant, to them)
//  1 other      agency B's dossier (someone else's, for the applicant); no grant
//  2 delegated  agency B's dossier; B granted the user everything, primary
//  3 expired    ... the grant ended before now
//  4 revoked    ... the grant was revoked before now
//  5 not_yet    ... the grant starts after now
//  6 field      ... the grant covers another field only
//  7 procedure  ... the grant covers another procedure only
//  8 action     ... the grant lists every action but the one needed
//  9 backup     ... as delegated, but a backup grant
// Staff act for the dossier's agency; applicants act for nobody.
constexpr int kSituations = 10;

struct Situation {
  Request request;
  std::vector<Grant> grants;
};

Situation Make(int column, const User& user, Operation op) {
  Situation s;
  s.request.op = op;
  s.request.at = kNow;
  s.request.subject = {column == 0 ? kA : kB, kField, kProcedure,
                       column == 0 ? "citizen.a" : "citizen.z"};
  s.request.acting_for = user.HasRole(Role::kApplicant) ? "" : s.request.subject.agency_code;
  if (column < 2) return s;
  Grant g;
  g.id = 7;
  g.agency_code = kB;
  g.grantee_login = user.login;
  g.actions.assign(AllGrantActions().begin(), AllGrantActions().end());
  g.valid_from = At("2024-01-01T00:00:00+07:00");
  g.valid_to = At("2025-01-01T00:00:00+07:00");
  g.contract_reference = "HĐ 01/2024/BĐ-STTTT";
  switch (column) {
    case 3:
      g.valid_to = At("2024-06-01T00:00:00+07:00");
      break;
    case 4:
      g.revoked_at = At("2024-06-05T14:00:00+07:00");
      break;
    case 5:
      g.valid_from = At("2024-07-01T00:00:00+07:00");
      break;
    case 6:
      g.scope = {ScopeKind::kFields, {"dat_dai"}};
      break;
    case 7:
      g.scope = {ScopeKind::kProcedures, {"1.000001"}};
      break;
    case 8:
      if (auto needed = GrantActionFor(op)) std::erase(g.actions, *needed);
      break;
    case 9:
      g.tier = GrantTier::kBackup;
      break;
    default:
      break;
  }
  EXPECT_TRUE(ValidateGrant(g).ok());
  s.grants.push_back(g);
  return s;
}

// Letters: allowed as D own dossier, A own agency, G grant, C center role;
// denied as - role not permitted, N not own dossier, M acting_for mismatch,
// X no agency, O other agency, 0 no grant, E expired, R revoked, V not yet
// valid, F field out of scope, P procedure out of scope, L action not listed.
char Letter(const Decision& d) {
  switch (d.code) {
    case DecisionCode::kOwnDossier:
      return 'D';
    case DecisionCode::kOwnAgency:
      return 'A';
    case DecisionCode::kGrant:
      return 'G';
    case DecisionCode::kCenterRole:
      return 'C';
    case DecisionCode::kRoleNotPermitted:
      return '-';
    case DecisionCode::kNotOwnDossier:
      return 'N';
    case DecisionCode::kActingForMismatch:
      return 'M';
    case DecisionCode::kNoAgency:
      return 'X';
    case DecisionCode::kOtherAgency:
      return 'O';
    case DecisionCode::kNoGrant:
      return '0';
    case DecisionCode::kGrantNotYetValid:
      return 'V';
    case DecisionCode::kGrantExpired:
      return 'E';
    case DecisionCode::kGrantRevoked:
      return 'R';
    case DecisionCode::kGrantOutOfScopeField:
      return 'F';
    case DecisionCode::kGrantOutOfScopeProcedure:
      return 'P';
    case DecisionCode::kGrantActionNotListed:
      return 'L';
    case DecisionCode::kMissingFacts:
      return '?';
  }
  return '!';
}

// The expected answers. An operation not listed for a user is denied in
// every situation ("----------").
using Expectations = std::map<std::string, std::map<std::string, std::string>>;
const Expectations& Expected() {
  //                                  own other deleg exp rev notyet field proc action backup
  static const std::string kDesk = "A0GERVFPLG";
  static const std::string kPostal = "00GERVFPLG";
  static const std::string kOwn = "DNNNNNNNNN";
  static const std::string kStaff = "AOOOOOOOOO";
  static const std::string kAll = "CCCCCCCCCC";
  static const Expectations kExpected = {
      {"applicant",
       {{"submit", kOwn},
        {"resubmit", kOwn},
        {"resume", kOwn},
        {"withdraw", kOwn},
        {"rate", kOwn},
        {"ask_question", kOwn},
        {"read_dossier", kOwn}}},
      {"own_desk",
       {{"submit", kDesk},
        {"request_supplement", kDesk},
        {"resubmit", kDesk},
        {"refuse", kDesk},
        {"receive", kDesk},
        {"transfer", kDesk},
        {"resume", kDesk},
        {"return", kDesk},
        {"withdraw", kDesk},
        {"digitize", kDesk},
        {"sign", kDesk},
        {"ask_question", kDesk},
        {"guide", kDesk},
        // Reading needs a grant in force and in scope, whatever it lists.
        {"read_dossier", "A0GERVFPGG"}}},
      {"postal_desk",
       {{"submit", kPostal},
        {"request_supplement", kPostal},
        {"resubmit", kPostal},
        {"refuse", kPostal},
        {"receive", kPostal},
        {"transfer", kPostal},
        {"resume", kPostal},
        {"return", kPostal},
        {"withdraw", kPostal},
        {"digitize", kPostal},
        {"sign", kPostal},
        {"ask_question", kPostal},
        {"guide", kPostal},
        {"read_dossier", "00GERVFPGG"}}},
      {"specialist",
       {{"pause", kStaff},
        {"resolve", kStaff},
        {"answer_question", kStaff},
        {"digitize", kStaff},
        {"sign", kStaff},
        {"read_dossier", kStaff}}},
      {"leader",
       {{"pause", kStaff},
        {"resolve", kStaff},
        {"answer_question", kStaff},
        {"digitize", kStaff},
        {"sign", kStaff},
        {"read_dossier", kStaff},
        {"extend", kStaff},
        {"stop", kStaff},
        {"assign_handler", kStaff},
        {"read_reports", kStaff}}},
      {"focal_point", {{"read_dossier", kStaff}, {"read_reports", kStaff}}},
      {"center_supervisor",
       {{"read_dossier", kAll},
        {"read_reports", kAll},
        {"read_postal_work", kAll},
        {"manage_grants", kAll}}},
      {"postal_supervisor", {{"read_postal_work", kAll}}},
      {"admin",
       {{"manage_catalog", kAll},
        {"manage_users", kAll},
        {"manage_grants", kAll},
        {"manage_calendar", kAll}}},
  };
  return kExpected;
}

TEST(Authorize, EveryUserEveryOperationEverySituation) {
  int checked = 0;
  for (const auto& [kind, user] : Users()) {
    const auto& row = Expected().at(kind);
    for (const auto& [op_name, _] : row) {
      ASSERT_TRUE(ParseOperation(op_name).ok()) << "typo in the table: " << op_name;
    }
    for (Operation op : AllOperations()) {
      auto it = row.find(OperationName(op));
      const std::string expected = it == row.end() ? std::string(kSituations, '-') : it->second;
      ASSERT_EQ(expected.size(), size_t{kSituations});
      std::string got;
      for (int col = 0; col < kSituations; ++col) {
        Situation s = Make(col, user, op);
        Decision d = Authorize(user, s.grants, s.request);
        EXPECT_EQ(d.allowed, std::string("DAGC").find(Letter(d)) != std::string::npos);
        EXPECT_EQ(d.ToStatus().ok(), d.allowed);
        if (!d.allowed) {
          EXPECT_EQ(d.ToStatus().code(), Status::Code::kPermissionDenied);
        }
        EXPECT_FALSE(d.rule.empty());
        got.push_back(Letter(d));
        ++checked;
      }
      EXPECT_EQ(got, expected) << kind << " / " << OperationName(op);
    }
  }
  EXPECT_EQ(checked, 9 * 27 * kSituations);
}

Request DossierRequest(Operation op, const std::string& agency, const std::string& acting_for) {
  Request r;
  r.op = op;
  r.at = kNow;
  r.acting_for = acting_for;
  r.subject = {agency, kField, kProcedure, "citizen.a"};
  return r;
}

Grant ValidGrant(std::int64_t id, const std::string& login, GrantTier tier = GrantTier::kPrimary) {
  Grant g;
  g.id = id;
  g.agency_code = kB;
  g.grantee_login = login;
  g.actions = {GrantAction::kReceive, GrantAction::kTransfer};
  g.valid_from = At("2024-01-01T00:00:00+07:00");
  g.valid_to = At("2025-01-01T00:00:00+07:00");
  g.tier = tier;
  return g;
}

TEST(Authorize, ADeskOfficerMustActForTheDossiersAgency) {
  const User desk = MakeUser("desk.a", {Role::kDesk}, kA);
  Decision d = Authorize(desk, {}, DossierRequest(Operation::kReceive, kB, kA));
  EXPECT_EQ(d.code, DecisionCode::kActingForMismatch);
  d = Authorize(desk, {}, DossierRequest(Operation::kReceive, kA, ""));
  EXPECT_EQ(d.code, DecisionCode::kActingForMismatch);
  const User spec = MakeUser("spec.a", {Role::kSpecialist}, kA);
  d = Authorize(spec, {}, DossierRequest(Operation::kResolve, kA, ""));
  EXPECT_EQ(d.code, DecisionCode::kActingForMismatch);
  const User sup = MakeUser("center.sup", {Role::kCenterSupervisor});
  EXPECT_TRUE(Authorize(sup, {}, DossierRequest(Operation::kReadDossier, kA, "")).allowed);
  EXPECT_EQ(Authorize(sup, {}, DossierRequest(Operation::kReadDossier, kA, kB)).code,
            DecisionCode::kActingForMismatch);
}

TEST(Authorize, AnApplicantActsForNoAgencyAndOnlyOnTheirOwnDossier) {
  const User a = MakeUser("citizen.a", {Role::kApplicant});
  Decision d = Authorize(a, {}, DossierRequest(Operation::kWithdraw, kA, kA));
  EXPECT_EQ(d.code, DecisionCode::kActingForMismatch);
  Request r = DossierRequest(Operation::kWithdraw, kA, "");
  r.subject.applicant_login = "citizen.b";
  d = Authorize(a, {}, r);
  EXPECT_EQ(d.code, DecisionCode::kNotOwnDossier);
  EXPECT_EQ(d.rule, "applicant may act only on their own dossier");
  // A dossier submitted at a counter without an account is nobody's online.
  r.subject.applicant_login = "";
  EXPECT_EQ(Authorize(a, {}, r).code, DecisionCode::kNotOwnDossier);
  const User nameless = MakeUser("", {Role::kApplicant});
  EXPECT_EQ(Authorize(nameless, {}, r).code, DecisionCode::kNotOwnDossier);
}

TEST(Authorize, ReceiveOnBehalfOfAnAgencyWithAnExpiredGrantIsRefusedAndSaysWhen) {
  const User postal = MakeUser("postal.a", {Role::kDesk});
  Grant g = ValidGrant(12, "postal.a");
  g.valid_to = At("2024-01-01T00:00:00+07:00");
  g.valid_from = At("2023-01-01T00:00:00+07:00");
  Decision d =
      Authorize(postal, std::vector<Grant>{g}, DossierRequest(Operation::kReceive, kB, kB));
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "grant 12 expired at 2024-01-01T00:00:00+07:00");
  EXPECT_EQ(d.grant_id, 12);
  EXPECT_EQ(d.ToStatus().message(), "grant_expired: grant 12 expired at 2024-01-01T00:00:00+07:00");
}

TEST(Authorize, AProcedureOutsideTheGrantIsNamed) {
  const User postal = MakeUser("postal.a", {Role::kDesk});
  Grant g = ValidGrant(7, "postal.a");
  g.scope = {ScopeKind::kProcedures, {"1.000001", "1.000002"}};
  Decision d =
      Authorize(postal, std::vector<Grant>{g}, DossierRequest(Operation::kReceive, kB, kB));
  EXPECT_EQ(d.rule, "procedure 1.004227 is outside the scope of grant 7");
  g.scope.codes.push_back(kProcedure);
  EXPECT_TRUE(Authorize(postal, std::vector<Grant>{g}, DossierRequest(Operation::kReceive, kB, kB))
                  .allowed);
}

TEST(Authorize, GrantValidityBoundaries) {
  const User postal = MakeUser("postal.a", {Role::kDesk});
  Grant g = ValidGrant(3, "postal.a");
  g.revoked_at = At("2024-08-01T00:00:00+07:00");
  const std::vector<Grant> grants{g};
  auto at = [&](Instant t) {
    Request r = DossierRequest(Operation::kReceive, kB, kB);
    r.at = t;
    return Authorize(postal, grants, r);
  };
  EXPECT_EQ(at(g.valid_from - 1).code, DecisionCode::kGrantNotYetValid);
  EXPECT_TRUE(at(g.valid_from).allowed);
  EXPECT_TRUE(at(*g.revoked_at - 1).allowed);
  EXPECT_EQ(at(*g.revoked_at).code, DecisionCode::kGrantRevoked);
  g.revoked_at.reset();
  const std::vector<Grant> unrevoked{g};
  Request r = DossierRequest(Operation::kReceive, kB, kB);
  r.at = *g.valid_to - 1;
  EXPECT_TRUE(Authorize(postal, unrevoked, r).allowed);
  r.at = *g.valid_to;
  EXPECT_EQ(Authorize(postal, unrevoked, r).code, DecisionCode::kGrantExpired);
  g.valid_to.reset();  // open-ended contract
  r.at = At("2030-01-01T00:00:00+07:00");
  EXPECT_TRUE(Authorize(postal, std::vector<Grant>{g}, r).allowed);
}

TEST(Authorize, ABackupWorksAloneAndThePrimaryIsPreferredWhenBothAreValid) {
  const User postal = MakeUser("postal.b", {Role::kDesk});
  Grant backup = ValidGrant(5, "postal.b", GrantTier::kBackup);
  Grant primary = ValidGrant(9, "postal.b", GrantTier::kPrimary);
  Request r = DossierRequest(Operation::kTransfer, kB, kB);
  Decision d = Authorize(postal, std::vector<Grant>{backup}, r);
  ASSERT_TRUE(d.allowed);
  EXPECT_EQ(d.grant_tier, GrantTier::kBackup);
  EXPECT_EQ(d.grant_id, 5);
  d = Authorize(postal, std::vector<Grant>{backup, primary}, r);
  ASSERT_TRUE(d.allowed);
  EXPECT_EQ(d.grant_id, 9);
  EXPECT_EQ(d.grant_tier, GrantTier::kPrimary);
  EXPECT_NE(d.rule.find("grant 9 (primary)"), std::string::npos) << d.rule;
}

TEST(Authorize, AValidGrantWinsOverAnExpiredOneAndTheClosestDenialIsReported) {
  const User postal = MakeUser("postal.a", {Role::kDesk});
  Grant old = ValidGrant(1, "postal.a");
  old.valid_to = At("2024-02-01T00:00:00+07:00");
  Grant current = ValidGrant(2, "postal.a");
  Request r = DossierRequest(Operation::kReceive, kB, kB);
  Decision d = Authorize(postal, std::vector<Grant>{old, current}, r);
  ASSERT_TRUE(d.allowed);
  EXPECT_EQ(d.grant_id, 2);
  // Refuse is listed by neither: the grant in force (2) is the one reported.
  r.op = Operation::kRefuse;
  d = Authorize(postal, std::vector<Grant>{old, current}, r);
  EXPECT_EQ(d.code, DecisionCode::kGrantActionNotListed);
  EXPECT_EQ(d.grant_id, 2);
  EXPECT_EQ(d.rule, "grant 2 does not list refuse, needed to refuse");
}

TEST(Authorize, SomeoneElsesGrantOrAGrantOfAnotherAgencyDoesNotHelp) {
  const User postal = MakeUser("postal.a", {Role::kDesk});
  Grant theirs = ValidGrant(1, "postal.z");
  Grant other_agency = ValidGrant(2, "postal.a");
  other_agency.agency_code = "000.00.14.H29";
  Decision d = Authorize(postal, std::vector<Grant>{theirs, other_agency},
                         DossierRequest(Operation::kReceive, kB, kB));
  EXPECT_EQ(d.code, DecisionCode::kNoGrant);
  // Acting for the grant's agency on B's dossier is a mismatch, not a loophole.
  d = Authorize(postal, std::vector<Grant>{other_agency},
                DossierRequest(Operation::kReceive, kB, "000.00.14.H29"));
  EXPECT_EQ(d.code, DecisionCode::kActingForMismatch);
}

TEST(Authorize, AGrantIsUsedOnlyThroughTheDeskRole) {
  const User spec = MakeUser("spec.a", {Role::kSpecialist}, kA);
  Grant g = ValidGrant(1, "spec.a");
  Decision d = Authorize(spec, std::vector<Grant>{g}, DossierRequest(Operation::kReceive, kB, kB));
  EXPECT_EQ(d.code, DecisionCode::kRoleNotPermitted);
}

TEST(Authorize, AUserWithSeveralRolesMayDoWhatAnyOfThemAllows) {
  const User both = MakeUser("both.a", {Role::kDesk, Role::kSpecialist}, kA);
  EXPECT_TRUE(Authorize(both, {}, DossierRequest(Operation::kReceive, kA, kA)).allowed);
  EXPECT_TRUE(Authorize(both, {}, DossierRequest(Operation::kResolve, kA, kA)).allowed);
  EXPECT_FALSE(Authorize(both, {}, DossierRequest(Operation::kExtend, kA, kA)).allowed);
  const User nobody = MakeUser("nobody", {});
  Decision d = Authorize(nobody, {}, DossierRequest(Operation::kReadDossier, kA, kA));
  EXPECT_EQ(d.code, DecisionCode::kRoleNotPermitted);
  EXPECT_EQ(d.rule, "nobody holds no role");
}

TEST(Authorize, AgencyStaffWithoutAnAgencyAreRefused) {
  const User spec = MakeUser("spec.x", {Role::kSpecialist});
  EXPECT_EQ(Authorize(spec, {}, DossierRequest(Operation::kPause, kA, kA)).code,
            DecisionCode::kNoAgency);
}

TEST(Authorize, ADossierOperationWithoutTheDossiersAgencyIsRefused) {
  const User sup = MakeUser("center.sup", {Role::kCenterSupervisor});
  EXPECT_EQ(Authorize(sup, {}, DossierRequest(Operation::kReadDossier, "", "")).code,
            DecisionCode::kMissingFacts);
  // The whole center's reports need no agency.
  Request r;
  r.op = Operation::kReadReports;
  EXPECT_TRUE(Authorize(sup, {}, r).allowed);
  const User leader = MakeUser("leader.a", {Role::kLeader}, kA);
  EXPECT_EQ(Authorize(leader, {}, r).code, DecisionCode::kOtherAgency);
}

}  // namespace
}  // namespace motcua::access
