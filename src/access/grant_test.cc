#include "access/grant.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "access/role.h"

namespace motcua::access {
namespace {

Grant Good() {
  Grant g;
  g.id = 1;
  g.agency_code = "000.00.12.H29";
  g.grantee_login = "postal.a";
  g.actions = {GrantAction::kGuide, GrantAction::kReceive};
  g.valid_from = 1000;
  g.valid_to = 2000;
  return g;
}

TEST(Grant, ACenterSupervisorCannotStoreAMalformedGrant) {
  EXPECT_TRUE(ValidateGrant(Good()).ok());
  std::vector<std::pair<const char*, std::function<void(Grant&)>>> bad = {
      {"no agency", [](Grant& g) { g.agency_code.clear(); }},
      {"no grantee", [](Grant& g) { g.grantee_login.clear(); }},
      {"no action", [](Grant& g) { g.actions.clear(); }},
      {"listed twice", [](Grant& g) { g.actions.push_back(GrantAction::kGuide); }},
      {"not after", [](Grant& g) { g.valid_to = g.valid_from; }},
      {"lists no codes", [](Grant& g) { g.scope.codes = {"x"}; }},
      {"at least one code", [](Grant& g) { g.scope.kind = ScopeKind::kFields; }},
      {"empty code",
       [](Grant& g) {
         g.scope = {ScopeKind::kProcedures, {""}};
       }},
  };
  for (const auto& [why, spoil] : bad) {
    Grant g = Good();
    spoil(g);
    Status s = ValidateGrant(g);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << why;
    EXPECT_NE(s.message().find(why), std::string::npos) << s.message();
  }
}

TEST(Grant, InForceIsHalfOpenAndEndsAtRevocation) {
  Grant g = Good();
  EXPECT_FALSE(g.InForceAt(999));
  EXPECT_TRUE(g.InForceAt(1000));
  EXPECT_TRUE(g.InForceAt(1999));
  EXPECT_FALSE(g.InForceAt(2000));
  g.revoked_at = 1500;
  EXPECT_TRUE(g.InForceAt(1499));
  EXPECT_FALSE(g.InForceAt(1500));
}

TEST(Grant, ScopeCoversTheWholeAgencyItsFieldsOrItsProcedures) {
  Grant g = Good();
  EXPECT_TRUE(g.Covers("any", "any"));
  g.scope = {ScopeKind::kFields, {"bao_chi", "xuat_ban"}};
  EXPECT_TRUE(g.Covers("xuat_ban", "1.000001"));
  EXPECT_FALSE(g.Covers("dat_dai", "1.000001"));
  g.scope = {ScopeKind::kProcedures, {"1.004227"}};
  EXPECT_TRUE(g.Covers("dat_dai", "1.004227"));
  EXPECT_FALSE(g.Covers("bao_chi", "1.004228"));
}

TEST(Grant, EachDeskOperationNeedsTheDocumentedGrantAction) {
  const std::map<Operation, std::optional<GrantAction>> expected = {
      {Operation::kSubmit, GrantAction::kReceive},
      {Operation::kResubmit, GrantAction::kReceive},
      {Operation::kResume, GrantAction::kReceive},
      {Operation::kWithdraw, GrantAction::kReceive},
      {Operation::kReceive, GrantAction::kReceive},
      {Operation::kRequestSupplement, GrantAction::kRequestSupplement},
      {Operation::kRefuse, GrantAction::kRefuse},
      {Operation::kTransfer, GrantAction::kTransfer},
      {Operation::kReturn, GrantAction::kReturn},
      {Operation::kDigitize, GrantAction::kDigitize},
      {Operation::kSign, GrantAction::kSign},
      {Operation::kGuide, GrantAction::kGuide},
      {Operation::kAskQuestion, GrantAction::kGuide},
  };
  for (Operation op : AllOperations()) {
    auto it = expected.find(op);
    EXPECT_EQ(GrantActionFor(op), it == expected.end() ? std::nullopt : it->second)
        << OperationName(op);
  }
}

TEST(Names, RolesOperationsAndGrantWordsRoundTrip) {
  for (Role r : AllRoles()) EXPECT_EQ(*ParseRole(RoleName(r)), r);
  for (Operation op : AllOperations()) EXPECT_EQ(*ParseOperation(OperationName(op)), op);
  for (GrantAction a : AllGrantActions()) EXPECT_EQ(*ParseGrantAction(GrantActionName(a)), a);
  EXPECT_EQ(AllRoles().size(), 8u);
  EXPECT_EQ(AllGrantActions().size(), 8u);
  EXPECT_EQ(*ParseScopeKind("procedures"), ScopeKind::kProcedures);
  EXPECT_EQ(*ParseGrantTier("backup"), GrantTier::kBackup);
  EXPECT_FALSE(ParseRole("Desk").ok());
  EXPECT_FALSE(ParseRole("supervisor").ok());
  EXPECT_FALSE(ParseOperation("approve").ok());
  EXPECT_FALSE(ParseGrantAction("resolve").ok());
  EXPECT_FALSE(ParseGrantTier("secondary").ok());
  EXPECT_STREQ(RoleName(Role::kCenterSupervisor), "center_supervisor");
}

}  // namespace
}  // namespace motcua::access
