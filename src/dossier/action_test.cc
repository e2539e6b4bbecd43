// The life-cycle table in action.cc, checked against DESIGN.md section 4
// written out again here by hand: if either drifts, this fails.
#include "dossier/action.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "access/operation.h"

namespace motcua::dossier {
namespace {

struct Row {
  std::set<std::string> from;
  std::string to;  // "" = same state
};

// DESIGN.md section 4, column "from" and "to"; the last six rows are the
// actions that keep the state, where action.h documents their states.
const std::map<std::string, Row>& DesignTable() {
  static const std::map<std::string, Row> kTable = {
      {"submit", {{}, "submitted"}},
      {"request_supplement", {{"submitted"}, "supplement_requested"}},
      {"resubmit", {{"supplement_requested"}, "submitted"}},
      {"refuse", {{"submitted", "supplement_requested"}, "refused"}},
      {"receive", {{"submitted"}, "received"}},
      {"transfer", {{"received"}, "in_progress"}},
      {"pause", {{"in_progress"}, "paused"}},
      {"resume", {{"paused"}, "in_progress"}},
      {"extend", {{"received", "in_progress", "paused"}, ""}},
      {"resolve", {{"in_progress"}, "resolved"}},
      {"return", {{"resolved"}, "returned"}},
      // "any state before resolved": the states a dossier passes through
      // before it can be resolved, less refused (which is final).
      {"withdraw",
       {{"submitted", "supplement_requested", "received", "in_progress", "paused"}, "withdrawn"}},
      {"stop", {{"in_progress", "paused"}, "stopped"}},
      {"digitize",
       {{"submitted", "supplement_requested", "received", "in_progress", "paused", "resolved"},
        ""}},
      {"sign",
       {{"submitted", "supplement_requested", "received", "in_progress", "paused", "resolved"},
        ""}},
      {"assign_handler", {{"received", "in_progress", "paused"}, ""}},
      {"ask_question",
       {{"submitted", "supplement_requested", "received", "in_progress", "paused"}, ""}},
      {"answer_question",
       {{"submitted", "supplement_requested", "received", "in_progress", "paused"}, ""}},
      {"rate", {{"refused", "returned"}, ""}},
  };
  return kTable;
}

TEST(LifeCycleTable, EveryActionOfTheDesignIsInTheTableWithTheSameStates) {
  ASSERT_EQ(AllActions().size(), DesignTable().size());
  for (Action a : AllActions()) {
    SCOPED_TRACE(ActionName(a));
    auto it = DesignTable().find(ActionName(a));
    ASSERT_NE(it, DesignTable().end());
    std::set<std::string> from;
    for (State s : RuleFor(a).from) from.insert(StateName(s));
    EXPECT_EQ(from, it->second.from);
    EXPECT_EQ(RuleFor(a).to ? StateName(*RuleFor(a).to) : "", it->second.to);
  }
}

TEST(LifeCycleTable, ActionsAllowedInEachStateAreDerivedFromTheTable) {
  for (State s : AllStates()) {
    SCOPED_TRACE(StateName(s));
    std::set<std::string> expected;
    for (const auto& [name, row] : DesignTable()) {
      if (row.from.count(StateName(s))) expected.insert(name);
    }
    std::set<std::string> got;
    for (Action a : ActionsAllowedIn(s)) got.insert(ActionName(a));
    EXPECT_EQ(got, expected);
  }
}

TEST(LifeCycleTable, FinalStatesAllowNoStateChange) {
  for (State s : {State::kRefused, State::kReturned, State::kWithdrawn, State::kStopped}) {
    for (Action a : ActionsAllowedIn(s)) {
      EXPECT_EQ(TargetState(a, s), s) << StateName(s) << " " << ActionName(a);
    }
    EXPECT_TRUE(IsFinal(s));
  }
}

TEST(LifeCycleTable, NamesRoundTripAndUnknownNamesAreRefused) {
  for (Action a : AllActions()) {
    auto parsed = ParseAction(ActionName(a));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, a);
  }
  for (State s : AllStates()) {
    auto parsed = ParseState(StateName(s));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(AllStates().size(), 10u);
  EXPECT_EQ(ParseAction("Receive").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ParseAction("in_progress").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ParseState("inprogress").status().code(), Status::Code::kInvalidArgument);
  EXPECT_STREQ(StateName(State::kInProgress), "in_progress");
  EXPECT_STREQ(ActionName(Action::kRequestSupplement), "request_supplement");
}

TEST(LifeCycleTable, EachActionMapsToTheAccessOperationOfTheSameName) {
  for (Action a : AllActions()) {
    EXPECT_STREQ(access::OperationName(ToOperation(a)), ActionName(a));
    EXPECT_TRUE(access::IsDossierOperation(ToOperation(a)));
  }
}

}  // namespace
}  // namespace motcua::dossier
