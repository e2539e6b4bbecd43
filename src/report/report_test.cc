// Hand-built dossier histories with the numbers a report must give.
#include "report/report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/facts_table.h"
#include "report/facts_testing.h"

namespace motcua::report {
namespace {

using testing::At;
using testing::ReceivedRecord;

// "D<i>". Built by appending: GCC 12 gives a false -Wrestrict on
// `"literal" + std::to_string(i)` at -O3 (GCC bug 105329).
std::string Code(int i) {
  std::string code = "D";
  code += std::to_string(i);
  return code;
}

// March 2023, the usual monthly period.
ReportQuery March() { return QueryForDates({2023, 3, 1}, {2023, 3, 31}); }

class ReportTest : public ::testing::Test {
 protected:
  void Add(const DossierRecord& r) { ASSERT_TRUE(table_.Add(r).ok()) << r.code; }
  Report Run(const ReportQuery& q) {
    Report r = Compute(table_.facts(), q);
    EXPECT_TRUE(CheckIdentity(r).ok()) << CheckIdentity(r).ToString();
    return r;
  }
  FactsTable table_;
};

TEST_F(ReportTest, QueryForDatesRunsFromLocalMidnightToTheDayAfter) {
  const ReportQuery q = March();
  EXPECT_EQ(q.from, At("2023-03-01T00:00:00+07:00"));
  EXPECT_EQ(q.to, At("2023-04-01T00:00:00+07:00"));
}

TEST_F(ReportTest, DossierReceivedBeforeThePeriodAndResolvedInItIsCarriedOverAndResolved) {
  DossierRecord r = ReceivedRecord("D1", At("2023-02-27T09:00"), At("2023-03-06T09:00"));
  r.completed_at = At("2023-03-03T10:00");
  r.outcome = Outcome::kApproved;
  Add(r);
  const Report rep = Run(March());
  EXPECT_EQ(rep.received.total, 1);
  EXPECT_EQ(rep.received.carried_over, 1);
  EXPECT_EQ(rep.received.fresh, 0);
  EXPECT_EQ(rep.resolved.total, 1);
  EXPECT_EQ(rep.resolved.early, 1);
  EXPECT_EQ(rep.open.total, 0);
}

TEST_F(ReportTest, DossierReceivedAndStillOpenIsNewAndOpenWithinDeadline) {
  Add(ReceivedRecord("D1", At("2023-03-28T09:00"), At("2023-04-04T09:00")));
  const Report rep = Run(March());
  EXPECT_EQ(rep.received.fresh, 1);
  EXPECT_EQ(rep.received.online, 1);
  EXPECT_EQ(rep.open.total, 1);
  EXPECT_EQ(rep.open.within_deadline, 1);
  EXPECT_EQ(rep.open.overdue, 0);
}

TEST_F(ReportTest, OpenDossierPastItsDueTimeAtTheEndOfThePeriodIsOverdue) {
  Add(ReceivedRecord("D1", At("2023-03-10T09:00"), At("2023-03-15T09:00")));
  // Resolved in April: at the end of March it was open and overdue.
  DossierRecord late = ReceivedRecord("D2", At("2023-03-10T09:00"), At("2023-03-15T09:00"));
  late.completed_at = At("2023-04-03T09:00");
  late.outcome = Outcome::kApproved;
  Add(late);
  const Report rep = Run(March());
  EXPECT_EQ(rep.open.total, 2);
  EXPECT_EQ(rep.open.overdue, 2);
  EXPECT_EQ(rep.resolved.total, 0);

  const Report april = Run(QueryForDates({2023, 4, 1}, {2023, 4, 30}));
  EXPECT_EQ(april.received.carried_over, 2);
  EXPECT_EQ(april.resolved.late, 1);
  EXPECT_EQ(april.open.overdue, 1);
}

TEST_F(ReportTest, OpenExactlyAtTheDueTimeIsStillWithinDeadline) {
  // ClassifyOpen: within deadline if T <= due_at (DESIGN.md section 5).
  Add(ReceivedRecord("D1", At("2023-03-27T09:00"), At("2023-04-01T00:00")));
  const Report rep = Run(March());
  EXPECT_EQ(rep.open.within_deadline, 1);
}

TEST_F(ReportTest, ResolvedExactlyAtTheDueTimeIsOnTimeAndOneSecondLaterIsLate) {
  const Instant due = At("2023-03-16T17:00");
  DossierRecord at_due = ReceivedRecord("D1", At("2023-03-10T09:00"), due);
  at_due.completed_at = due;
  at_due.outcome = Outcome::kApproved;
  Add(at_due);
  DossierRecord after = ReceivedRecord("D2", At("2023-03-10T09:00"), due);
  after.completed_at = due + 1;
  after.outcome = Outcome::kApproved;
  Add(after);
  const Report rep = Run(March());
  EXPECT_EQ(rep.resolved.on_time, 1);
  EXPECT_EQ(rep.resolved.late, 1);
  EXPECT_EQ(rep.resolved.early, 0);
}

TEST_F(ReportTest, EarlyIsDecidedByTheLocalDateNotTheHour) {
  const Instant due = At("2023-03-16T09:00");
  // The evening before the due date: early.
  DossierRecord eve = ReceivedRecord("D1", At("2023-03-10T09:00"), due);
  eve.completed_at = At("2023-03-15T23:59:59");
  eve.outcome = Outcome::kApproved;
  Add(eve);
  // The due date itself, hours before the due time: on time, not early.
  DossierRecord morning = ReceivedRecord("D2", At("2023-03-10T09:00"), due);
  morning.completed_at = At("2023-03-16T00:00");
  morning.outcome = Outcome::kApproved;
  Add(morning);
  const Report rep = Run(March());
  EXPECT_EQ(rep.resolved.early, 1);
  EXPECT_EQ(rep.resolved.on_time, 1);
}

TEST_F(ReportTest, DeniedResultsCountAsResolved) {
  DossierRecord r = ReceivedRecord("D1", At("2023-03-10T09:00"), At("2023-03-16T09:00"));
  r.completed_at = At("2023-03-14T09:00");
  r.outcome = Outcome::kDenied;
  Add(r);
  const Report rep = Run(March());
  EXPECT_EQ(rep.resolved.total, 1);
  EXPECT_EQ(rep.resolved.denied, 1);
  EXPECT_EQ(rep.resolved.approved, 0);
}

TEST_F(ReportTest, WithdrawnAfterReceiptBalancesTheIdentity) {
  DossierRecord r = ReceivedRecord("D1", At("2023-03-10T09:00"), At("2023-03-16T09:00"));
  r.withdrawn_at = At("2023-03-13T09:00");
  Add(r);
  DossierRecord s = ReceivedRecord("D2", At("2023-03-10T09:00"), At("2023-03-16T09:00"));
  s.stopped_at = At("2023-03-14T09:00");
  Add(s);
  const Report rep = Run(March());
  EXPECT_EQ(rep.received.total, 2);
  EXPECT_EQ(rep.withdrawn, 1);
  EXPECT_EQ(rep.stopped, 1);
  EXPECT_EQ(rep.resolved.total + rep.open.total, 0);
  EXPECT_EQ(rep.withdrawn_before_receipt, 0);
}

TEST_F(ReportTest, RefusedAndWithdrawnBeforeReceiptAreNeverReceived) {
  DossierRecord refused;
  refused.code = "D1";
  refused.agency = "A";
  refused.submitted_at = At("2023-03-02T08:00");
  refused.supplements_at_reception = {};
  refused.refused_at = At("2023-03-02T10:00");
  Add(refused);
  DossierRecord withdrawn;
  withdrawn.code = "D2";
  withdrawn.agency = "A";
  withdrawn.submitted_at = At("2023-03-02T08:00");
  withdrawn.withdrawn_at = At("2023-03-03T10:00");
  Add(withdrawn);
  DossierRecord waiting;  // still at the desk at the end of the period
  waiting.code = "D3";
  waiting.agency = "A";
  waiting.submitted_at = At("2023-03-31T16:00");
  Add(waiting);
  const Report rep = Run(March());
  EXPECT_EQ(rep.received.total, 0);
  EXPECT_EQ(rep.refused, 1);
  EXPECT_EQ(rep.withdrawn, 0);
  EXPECT_EQ(rep.withdrawn_before_receipt, 1);
  EXPECT_EQ(rep.open.total, 0);
}

TEST_F(ReportTest, DossierResolvedBeforeThePeriodIsNotCountedAtAll) {
  DossierRecord r = ReceivedRecord("D1", At("2023-02-10T09:00"), At("2023-02-16T09:00"));
  r.completed_at = At("2023-02-14T09:00");
  r.outcome = Outcome::kApproved;
  r.returned_at = At("2023-03-01T08:00");  // but its result was handed over in March
  Add(r);
  const Report rep = Run(March());
  EXPECT_EQ(rep.received.total, 0);
  EXPECT_EQ(rep.resolved.total, 0);
  EXPECT_EQ(rep.returned, 1);
}

TEST_F(ReportTest, EndingAtTheBoundsBelongsToThePeriodThatStartsThere) {
  const ReportQuery q = March();
  // Resolved at 00:00 on 1 March: carried over into March and resolved in it.
  DossierRecord at_from = ReceivedRecord("D1", At("2023-02-27T09:00"), At("2023-03-02T09:00"));
  at_from.completed_at = q.from;
  at_from.outcome = Outcome::kApproved;
  Add(at_from);
  // Resolved at 00:00 on 1 April: still open at the end of March.
  DossierRecord at_to = ReceivedRecord("D2", At("2023-03-27T09:00"), At("2023-04-03T09:00"));
  at_to.completed_at = q.to;
  at_to.outcome = Outcome::kApproved;
  Add(at_to);
  // Received at 00:00 on 1 April: not in March.
  Add(ReceivedRecord("D3", q.to, At("2023-04-05T09:00")));
  const Report rep = Run(q);
  EXPECT_EQ(rep.received.carried_over, 1);
  EXPECT_EQ(rep.received.fresh, 1);
  EXPECT_EQ(rep.resolved.total, 1);
  EXPECT_EQ(rep.open.total, 1);
  const Report feb = Run(QueryForDates({2023, 2, 1}, {2023, 2, 28}));
  EXPECT_EQ(feb.open.total, 1);  // D1 was open at the end of February
}

TEST_F(ReportTest, NewDossiersSplitByChannel) {
  const Channel channels[] = {Channel::kOnline, Channel::kOnline, Channel::kCounter,
                              Channel::kPostal, Channel::kPostal, Channel::kPostal};
  std::vector<std::string> codes;
  for (int i = 0; i < 6; ++i) codes.push_back(Code(i));
  for (int i = 0; i < 6; ++i) {
    DossierRecord r = ReceivedRecord(codes[i], At("2023-03-10T09:00"), At("2023-03-20T09:00"));
    r.channel = channels[i];
    Add(r);
  }
  const Report rep = Run(March());
  EXPECT_EQ(rep.received.online, 2);
  EXPECT_EQ(rep.received.counter, 1);
  EXPECT_EQ(rep.received.postal, 3);
  EXPECT_DOUBLE_EQ(*rep.indicators.online_share, 2.0 / 6.0);

  ReportQuery postal = March();
  postal.slice.channel = Channel::kPostal;
  EXPECT_EQ(Run(postal).received.total, 3);
}

TEST_F(ReportTest, SlicesFilterByEveryDimensionAndCombine) {
  const auto add = [&](std::string_view code, std::string_view agency, std::string_view field,
                       std::string_view procedure, std::string_view officer,
                       std::string_view grant) {
    DossierRecord r = ReceivedRecord(code, At("2023-03-10T09:00"), At("2023-03-20T09:00"));
    r.agency = agency;
    r.field = field;
    r.procedure = procedure;
    r.desk_officer = officer;
    r.delegation_grant = grant;
    r.acting_for = grant.empty() ? "" : agency;
    Add(r);
  };
  add("D1", "000.00.12.H29", "F1", "1.004227", "postal.a", "G1");
  add("D2", "000.00.12.H29", "F1", "1.004228", "postal.a", "G1");
  add("D3", "000.00.12.H29", "F2", "1.004229", "desk.x", "");
  add("D4", "000.00.13.H29", "F3", "2.000001", "postal.a", "G2");

  const auto count = [&](SliceNames names) {
    ReportQuery q = March();
    q.slice = ResolveSlice(table_, names);
    return Run(q).received.total;
  };
  EXPECT_EQ(count({}), 4);
  EXPECT_EQ(count({.agency = "000.00.12.H29"}), 3);
  EXPECT_EQ(count({.field = "F1"}), 2);
  EXPECT_EQ(count({.procedure = "1.004229"}), 1);
  EXPECT_EQ(count({.officer = "postal.a"}), 3);
  EXPECT_EQ(count({.grant = "G1"}), 2);
  EXPECT_EQ(count({.agency = "000.00.12.H29", .officer = "postal.a"}), 2);
  EXPECT_EQ(count({.agency = "000.00.13.H29", .grant = "G1"}), 0);
  // An agency with no dossiers yet gives zeros, not an error.
  EXPECT_EQ(count({.agency = "000.00.99.H29"}), 0);
  EXPECT_EQ(table_.facts()[0].acting_for(), table_.facts()[0].agency());
  EXPECT_EQ(table_.facts()[2].acting_for(), Dictionary::kNone);
}

TEST_F(ReportTest, CountsEventsOfThePeriod) {
  const Instant supp_at_desk[] = {At("2023-02-27T08:00"), At("2023-03-01T08:00")};
  const Instant pauses[] = {At("2023-03-06T09:00"), At("2023-04-02T09:00")};
  DossierRecord r = ReceivedRecord("D1", At("2023-03-02T09:00"), At("2023-03-20T09:00"));
  r.submitted_at = At("2023-02-26T08:00");
  r.supplements_at_reception = supp_at_desk;
  r.supplements_in_processing = pauses;
  r.rework = true;
  r.extended_at = At("2023-03-18T09:00");
  Add(r);
  const Report rep = Run(March());
  EXPECT_EQ(rep.supplement_requests.at_reception, 1);
  EXPECT_EQ(rep.supplement_requests.in_processing, 1);
  EXPECT_EQ(rep.apologies, 1);
  EXPECT_EQ(rep.rework, 1);
  EXPECT_DOUBLE_EQ(*rep.indicators.rework_rate, 1.0);
}

TEST_F(ReportTest, IndicatorsAreUndefinedWithoutDossiers) {
  ReportQuery q = March();
  q.contract_cost_vnd = 1'000'000;
  const Report rep = Run(q);
  EXPECT_FALSE(rep.indicators.on_time_rate.has_value());
  EXPECT_FALSE(rep.indicators.online_share.has_value());
  EXPECT_FALSE(rep.indicators.satisfaction.has_value());
  EXPECT_FALSE(rep.indicators.cost_per_dossier.has_value());
}

TEST_F(ReportTest, SatisfactionAndDigitizationOfResolvedDossiers) {
  const int ratings[] = {5, 4, 2, 0};  // 0: not rated
  std::vector<std::string> codes = {"D1", "D2", "D3", "D4"};
  for (int i = 0; i < 4; ++i) {
    DossierRecord r = ReceivedRecord(codes[i], At("2023-03-10T09:00"), At("2023-03-20T09:00"));
    r.completed_at = At("2023-03-14T09:00");
    r.outcome = Outcome::kApproved;
    r.components_digitized = i < 3;
    r.result_digitized = i < 1;
    if (ratings[i] > 0) r.rating = ratings[i];
    Add(r);
  }
  const Report rep = Run(March());
  EXPECT_EQ(rep.ratings, 3);
  EXPECT_DOUBLE_EQ(*rep.indicators.satisfaction, 11.0 / 3.0);
  EXPECT_DOUBLE_EQ(*rep.indicators.satisfaction_good_share, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*rep.indicators.digitization_rate, 0.75);
  EXPECT_DOUBLE_EQ(*rep.indicators.result_digitization_rate, 0.25);
}

// The published review of the 2023 pilot (DESIGN.md section 1): 1,700
// dossiers received online by the postal employee; 1,668 resolved (1,479
// before the deadline, 168 on it, 21 late); 32 still being resolved at year
// end; the pilot cost 189,247,828 VND.
TEST_F(ReportTest, ThePilotYearReproducesItsPublishedFigures) {
  // The six departments of the pilot.
  const std::string_view kPilotAgencies[] = {"000.00.10.H29", "000.00.11.H29", "000.00.12.H29",
                                             "000.00.13.H29", "000.00.14.H29", "000.00.15.H29"};
  table_.Reserve(1700);
  std::vector<std::string> codes;
  for (int i = 0; i < 1700; ++i) codes.push_back(Code(i));
  const Instant received = At("2023-06-05T09:00");
  const Instant due = At("2023-06-12T09:00");
  for (int i = 0; i < 1700; ++i) {
    DossierRecord r = ReceivedRecord(codes[i], received, due);
    r.agency = kPilotAgencies[i % 6];
    r.desk_officer = "postal.a";
    r.delegation_grant = "pilot-2023";
    if (i < 1479) {
      r.completed_at = At("2023-06-09T15:00");
    } else if (i < 1479 + 168) {
      r.completed_at = At("2023-06-12T08:00");
    } else if (i < 1668) {
      r.completed_at = At("2023-06-14T08:00");
    }
    if (r.completed_at) r.outcome = Outcome::kApproved;
    if (i >= 1668) r.due_at = At("2024-01-05T17:00");
    Add(r);
  }
  ReportQuery q = QueryForDates({2023, 1, 1}, {2023, 12, 31});
  q.slice = ResolveSlice(table_, {.grant = "pilot-2023"});
  q.contract_cost_vnd = 189'247'828;
  const Report rep = Run(q);
  EXPECT_EQ(rep.received.total, 1700);
  EXPECT_EQ(rep.received.online, 1700);
  EXPECT_EQ(rep.resolved.total, 1668);
  EXPECT_EQ(rep.resolved.early, 1479);
  EXPECT_EQ(rep.resolved.on_time, 168);
  EXPECT_EQ(rep.resolved.late, 21);
  EXPECT_EQ(rep.open.total, 32);
  EXPECT_NEAR(*rep.indicators.on_time_rate, 1647.0 / 1668.0, 1e-12);
  EXPECT_NEAR(*rep.indicators.cost_per_dossier, 111'322.25, 0.01);  // 189,247,828 / 1,700
}

}  // namespace
}  // namespace motcua::report
