// Breakdowns by group and by month, and the overdue / at-risk list of the
// monthly report to an agency's focal point.
#include "report/breakdown.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/deadline_alerts.h"
#include "report/facts_table.h"
#include "report/facts_testing.h"

namespace motcua::report {
namespace {

using testing::At;
using testing::ReceivedRecord;

class BreakdownTest : public ::testing::Test {
 protected:
  // Agency "A": D1 resolved in March, D2 open; agency "B": D3 open and
  // overdue, D4 received in April; agency "C": D5 resolved in January.
  void SetUp() override {
    DossierRecord d1 = ReceivedRecord("D1", At("2023-02-20T09:00"), At("2023-03-03T09:00"));
    d1.completed_at = At("2023-03-02T09:00");
    d1.outcome = Outcome::kApproved;
    Add(d1);
    Add(ReceivedRecord("D2", At("2023-03-20T09:00"), At("2023-04-12T09:00")));
    DossierRecord d3 = ReceivedRecord("D3", At("2023-03-01T09:00"), At("2023-03-10T09:00"));
    d3.agency = "B";
    d3.desk_officer = "postal.a";
    d3.delegation_grant = "G1";
    Add(d3);
    DossierRecord d4 = ReceivedRecord("D4", At("2023-04-03T09:00"), At("2023-04-10T09:00"));
    d4.agency = "B";
    Add(d4);
    DossierRecord d5 = ReceivedRecord("D5", At("2023-01-03T09:00"), At("2023-01-10T09:00"));
    d5.agency = "C";
    d5.completed_at = At("2023-01-05T09:00");
    d5.outcome = Outcome::kApproved;
    Add(d5);
  }
  void Add(const DossierRecord& r) { ASSERT_TRUE(table_.Add(r).ok()) << r.code; }
  std::string Label(const Breakdown& b, std::size_t i) {
    return GroupLabel(b.by, b.rows[i].key, table_);
  }
  FactsTable table_;
};

TEST_F(BreakdownTest, ByAgencyGivesOneRowPerAgencyWithSomethingToCount) {
  const ReportQuery march = QueryForDates({2023, 3, 1}, {2023, 3, 31});
  const Breakdown b = ComputeBreakdown(table_.facts(), march, GroupBy::kAgency);
  ASSERT_EQ(b.rows.size(), 2u);  // C has nothing in March
  EXPECT_EQ(Label(b, 0), "A");
  EXPECT_EQ(b.rows[0].report.received.total, 2);
  EXPECT_EQ(b.rows[0].report.resolved.total, 1);
  EXPECT_EQ(b.rows[0].report.open.within_deadline, 1);
  EXPECT_EQ(Label(b, 1), "B");
  EXPECT_EQ(b.rows[1].report.received.total, 1);
  EXPECT_EQ(b.rows[1].report.open.overdue, 1);
  for (const BreakdownRow& row : b.rows) EXPECT_TRUE(CheckIdentity(row.report).ok());
}

TEST_F(BreakdownTest, RowsAreTheReportsOfTheirGroupsAndAddUpToTheWhole) {
  const ReportQuery year = QueryForDates({2023, 1, 1}, {2023, 12, 31});
  const Report whole = Compute(table_.facts(), year);
  for (GroupBy by : {GroupBy::kAgency, GroupBy::kField, GroupBy::kProcedure, GroupBy::kOfficer,
                     GroupBy::kGrant, GroupBy::kChannel}) {
    SCOPED_TRACE(GroupByName(by));
    const Breakdown b = ComputeBreakdown(table_.facts(), year, by);
    std::int64_t received = 0, resolved = 0, open = 0;
    for (const BreakdownRow& row : b.rows) {
      received += row.report.received.total;
      resolved += row.report.resolved.total;
      open += row.report.open.total;
    }
    EXPECT_EQ(received, whole.received.total);
    EXPECT_EQ(resolved, whole.resolved.total);
    EXPECT_EQ(open, whole.open.total);
  }
  const Breakdown by_grant = ComputeBreakdown(table_.facts(), year, GroupBy::kGrant);
  ASSERT_EQ(by_grant.rows.size(), 2u);
  EXPECT_EQ(Label(by_grant, 0), "");  // own staff, no grant
  EXPECT_EQ(Label(by_grant, 1), "G1");
  EXPECT_EQ(by_grant.rows[1].report.received.total, 1);
}

TEST_F(BreakdownTest, ABreakdownKeepsTheQuerySlice) {
  ReportQuery year = QueryForDates({2023, 1, 1}, {2023, 12, 31});
  year.slice = ResolveSlice(table_, {.officer = "postal.a"});
  const Breakdown b = ComputeBreakdown(table_.facts(), year, GroupBy::kAgency);
  ASSERT_EQ(b.rows.size(), 1u);
  EXPECT_EQ(Label(b, 0), "B");
  EXPECT_EQ(b.rows[0].report.received.total, 1);
}

TEST_F(BreakdownTest, ByMonthGivesEveryMonthAndChainsOpenToCarriedOver) {
  const ReportQuery q = QueryForDates({2023, 1, 15}, {2023, 4, 30});
  const Breakdown b = ComputeBreakdown(table_.facts(), q, GroupBy::kMonth);
  ASSERT_EQ(b.rows.size(), 4u);
  EXPECT_EQ(Label(b, 0), "2023-01");
  EXPECT_EQ(Label(b, 3), "2023-04");
  EXPECT_EQ(b.rows[0].report.from, q.from);  // the first month starts with the period
  EXPECT_EQ(b.rows[1].report.from, At("2023-02-01T00:00"));
  EXPECT_EQ(b.rows[3].report.to, q.to);
  EXPECT_EQ(b.rows[0].report.received.total, 0);  // D5 ended before 15 January
  EXPECT_EQ(b.rows[1].report.received.fresh, 1);  // D1
  EXPECT_EQ(b.rows[2].report.received.fresh, 2);  // D2, D3
  EXPECT_EQ(b.rows[3].report.received.fresh, 1);  // D4
  for (std::size_t i = 0; i + 1 < b.rows.size(); ++i) {
    EXPECT_EQ(b.rows[i].report.open.total, b.rows[i + 1].report.received.carried_over) << i;
  }
}

TEST_F(BreakdownTest, MonthlyListOfOverdueAndAtRiskDossiers) {
  const DossierRecord soon =
      ReceivedRecord("D6", At("2023-03-25T09:00"), At("2023-04-02T09:00"));  // within 2 days
  Add(soon);
  const DossierRecord exactly =
      ReceivedRecord("D7", At("2023-03-25T09:00"), At("2023-04-03T00:00"));  // 2 days exactly
  Add(exactly);
  const ReportQuery march = QueryForDates({2023, 3, 1}, {2023, 3, 31});
  const std::vector<DeadlineAlert> alerts = ListDeadlineAlerts(table_.facts(), march);
  ASSERT_EQ(alerts.size(), 3u);
  EXPECT_EQ(table_.code(table_.facts()[alerts[0].index]), "D3");
  EXPECT_TRUE(alerts[0].overdue);
  EXPECT_EQ(table_.code(table_.facts()[alerts[1].index]), "D6");
  EXPECT_FALSE(alerts[1].overdue);
  EXPECT_EQ(table_.code(table_.facts()[alerts[2].index]), "D7");
  // D2 is due on 12 April: neither overdue nor at risk at the end of March.

  ReportQuery agency_a = march;
  agency_a.slice = ResolveSlice(table_, {.agency = "A"});
  const std::vector<DeadlineAlert> for_a = ListDeadlineAlerts(table_.facts(), agency_a);
  EXPECT_EQ(for_a.size(), 2u);  // D6, D7; D3 belongs to B
  EXPECT_EQ(ListDeadlineAlerts(table_.facts(), agency_a, 0).size(), 0u);
}

TEST(GroupBy, NamesRoundTrip) {
  for (GroupBy by : {GroupBy::kAgency, GroupBy::kField, GroupBy::kProcedure, GroupBy::kOfficer,
                     GroupBy::kGrant, GroupBy::kChannel, GroupBy::kMonth}) {
    EXPECT_EQ(ParseGroupBy(GroupByName(by)), by);
  }
  EXPECT_FALSE(ParseGroupBy("year").has_value());
}

}  // namespace
}  // namespace motcua::report
