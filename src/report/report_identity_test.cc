// Property tests over thousands of random dossier histories and random
// periods and slices: the identity of DESIGN.md section 6, agreement with an
// independent reading of the rules, and consecutive periods chaining.
#include <gtest/gtest.h>

#include <array>
#include <deque>
#include <random>
#include <string>
#include <vector>

#include "report/breakdown.h"
#include "report/facts_table.h"
#include "report/facts_testing.h"
#include "report/report.h"

namespace motcua::report {
namespace {

constexpr std::array<std::string_view, 3> kAgencies = {"000.00.12.H29", "000.00.13.H29",
                                                       "000.00.14.H29"};
constexpr std::array<std::string_view, 3> kFields = {"F1", "F2", "F3"};
constexpr std::array<std::string_view, 4> kProcedures = {"1.004227", "1.004228", "2.000001",
                                                         "2.000002"};
constexpr std::array<std::string_view, 3> kOfficers = {"postal.a", "postal.b", "desk.x"};
constexpr std::array<std::string_view, 3> kGrants = {"", "G1", "G2"};

// One random history that follows the life cycle of DESIGN.md section 4.
struct History {
  std::string code;
  std::vector<Instant> desk_supplements;
  std::vector<Instant> pauses;
  DossierRecord record;
};

class HistoryGenerator {
 public:
  explicit HistoryGenerator(std::uint32_t seed) : rng_(seed) {}

  // Times fall in 2022..2023. A third of them land on a local midnight so
  // that they meet period bounds exactly; some steps are zero.
  Instant Snap(Instant t) {
    switch (Pick(3)) {
      case 0:
        return t;
      case 1:
        return (t + 3599) / 3600 * 3600;  // next whole hour
      default:
        return LocalMidnight(LocalDayOf(t - 1) + 1);  // next local midnight (or t)
    }
  }
  Instant Step(Instant t) {
    if (Pick(6) == 0) return t;
    return Snap(t + static_cast<Instant>(Pick(20 * kSecondsPerDay)));
  }
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Pick(100) < percent; }

  void Fill(History& h, int serial) {
    h.code = std::to_string(serial);
    DossierRecord& r = h.record;
    r = DossierRecord{};
    r.code = h.code;
    r.agency = kAgencies[Pick(3)];
    r.field = kFields[Pick(3)];
    r.procedure = kProcedures[Pick(4)];
    r.desk_officer = kOfficers[Pick(3)];
    r.delegation_grant = kGrants[Pick(3)];
    r.acting_for = r.delegation_grant.empty() ? std::string_view() : r.agency;
    r.channel = static_cast<Channel>(Pick(3));
    const Instant window = testing::At("2022-01-01T00:00");
    Instant t = Snap(window + Pick(700 * kSecondsPerDay));
    r.submitted_at = t;
    for (int n = Pick(3); n > 0; --n) h.desk_supplements.push_back(t = Step(t));
    r.supplements_at_reception = h.desk_supplements;

    const int fate = Pick(100);
    if (fate < 8) {
      r.refused_at = Step(t);
      return;
    }
    if (fate < 12) {
      r.withdrawn_at = Step(t);
      return;
    }
    if (fate < 15) return;  // still at the desk

    r.received_at = t = Step(t);
    r.due_at = Snap(t + 3600 + Pick(30 * kSecondsPerDay));
    r.components_digitized = Chance(60);
    for (int n = Pick(3); n > 0; --n) h.pauses.push_back(t = Step(t));
    r.supplements_in_processing = h.pauses;
    r.rework = !h.pauses.empty() && Chance(70);
    if (Chance(10)) r.extended_at = t = Step(t);

    const int end = Pick(100);
    if (end < 70) {
      r.completed_at = t = Step(t);
      r.outcome = Chance(10) ? Outcome::kDenied : Outcome::kApproved;
      r.result_digitized = Chance(50);
      if (Chance(80)) r.returned_at = Step(t);
      if (Chance(50)) r.rating = 1 + Pick(5);
    } else if (end < 75) {
      r.withdrawn_at = Step(t);
    } else if (end < 78) {
      r.stopped_at = Step(t);
    }
  }

  // A period of whole local days, sometimes with odd bounds, sometimes empty.
  ReportQuery Period() {
    const DayNumber first = LocalDayOf(testing::At("2021-12-01T00:00")) + Pick(800);
    ReportQuery q;
    q.from = LocalMidnight(first);
    q.to = LocalMidnight(first + Pick(400));
    if (Chance(10)) q.from += Pick(kSecondsPerDay);
    if (Chance(10)) q.to += Pick(kSecondsPerDay);
    if (q.to < q.from) q.to = q.from;
    return q;
  }

  SliceNames Slice() {
    SliceNames s;
    if (Chance(30)) s.agency = std::string(Chance(5) ? "unknown" : kAgencies[Pick(3)]);
    if (Chance(20)) s.field = std::string(kFields[Pick(3)]);
    if (Chance(20)) s.procedure = std::string(kProcedures[Pick(4)]);
    if (Chance(20)) s.officer = std::string(kOfficers[Pick(3)]);
    if (Chance(20)) s.grant = std::string(kGrants[1 + Pick(2)]);
    if (Chance(20)) s.channel = static_cast<Channel>(Pick(3));
    return s;
  }

 private:
  std::mt19937 rng_;
};

bool InSlice(const DossierRecord& r, const SliceNames& s) {
  return (!s.agency || r.agency == *s.agency) && (!s.field || r.field == *s.field) &&
         (!s.procedure || r.procedure == *s.procedure) &&
         (!s.officer || r.desk_officer == *s.officer) &&
         (!s.grant || r.delegation_grant == *s.grant) && (!s.channel || r.channel == *s.channel);
}

// The rules of DESIGN.md sections 5 and 6 read literally, dossier by dossier,
// from the unpacked records: an independent second opinion on Compute.
Report Oracle(const std::deque<History>& histories, const ReportQuery& q, const SliceNames& s) {
  Report e;
  const auto in = [&](const std::optional<Instant>& t) { return t && *t >= q.from && *t < q.to; };
  for (const History& h : histories) {
    const DossierRecord& r = h.record;
    if (!InSlice(r, s)) continue;
    std::optional<Instant> ended = r.completed_at;
    for (const auto& t : {r.refused_at, r.withdrawn_at, r.stopped_at}) {
      if (t) ended = t;
    }
    // Open at T: received before T and not ended before T.
    const auto open_at = [&](Instant t) {
      return r.received_at && *r.received_at < t && !(ended && *ended < t);
    };
    if (r.received_at && *r.received_at < q.from && open_at(q.from)) ++e.received.carried_over;
    if (in(r.received_at)) {
      ++e.received.fresh;
      ++(r.channel == Channel::kOnline    ? e.received.online
         : r.channel == Channel::kCounter ? e.received.counter
                                          : e.received.postal);
    }
    if (in(r.completed_at)) {
      ++e.resolved.total;
      const Instant c = *r.completed_at, due = *r.due_at;
      // Section 5: late if after the due time; early if on an earlier local date.
      ++(c > due                           ? e.resolved.late
         : LocalDayOf(c) < LocalDayOf(due) ? e.resolved.early
                                           : e.resolved.on_time);
    }
    if (open_at(q.to)) {
      ++e.open.total;
      ++(q.to <= *r.due_at ? e.open.within_deadline : e.open.overdue);
    }
    if (in(r.withdrawn_at)) ++(r.received_at ? e.withdrawn : e.withdrawn_before_receipt);
    if (in(r.stopped_at)) ++e.stopped;
    if (in(r.refused_at)) ++e.refused;
    if (in(r.returned_at)) ++e.returned;
    if (in(r.extended_at)) ++e.apologies;
    for (Instant t : h.desk_supplements) e.supplement_requests.at_reception += in(t) ? 1 : 0;
    for (Instant t : h.pauses) e.supplement_requests.in_processing += in(t) ? 1 : 0;
  }
  e.received.total = e.received.carried_over + e.received.fresh;
  return e;
}

void ExpectSameCounts(const Report& got, const Report& want) {
  EXPECT_EQ(got.received.total, want.received.total);
  EXPECT_EQ(got.received.carried_over, want.received.carried_over);
  EXPECT_EQ(got.received.fresh, want.received.fresh);
  EXPECT_EQ(got.received.online, want.received.online);
  EXPECT_EQ(got.received.counter, want.received.counter);
  EXPECT_EQ(got.received.postal, want.received.postal);
  EXPECT_EQ(got.resolved.total, want.resolved.total);
  EXPECT_EQ(got.resolved.early, want.resolved.early);
  EXPECT_EQ(got.resolved.on_time, want.resolved.on_time);
  EXPECT_EQ(got.resolved.late, want.resolved.late);
  EXPECT_EQ(got.open.total, want.open.total);
  EXPECT_EQ(got.open.within_deadline, want.open.within_deadline);
  EXPECT_EQ(got.open.overdue, want.open.overdue);
  EXPECT_EQ(got.withdrawn, want.withdrawn);
  EXPECT_EQ(got.withdrawn_before_receipt, want.withdrawn_before_receipt);
  EXPECT_EQ(got.stopped, want.stopped);
  EXPECT_EQ(got.refused, want.refused);
  EXPECT_EQ(got.returned, want.returned);
  EXPECT_EQ(got.apologies, want.apologies);
  EXPECT_EQ(got.supplement_requests.at_reception, want.supplement_requests.at_reception);
  EXPECT_EQ(got.supplement_requests.in_processing, want.supplement_requests.in_processing);
}

struct World {
  std::deque<History> histories;  // a deque: records hold views into their History
  FactsTable table;
};

void Generate(HistoryGenerator& gen, int n, World& w) {
  for (int i = 0; i < n; ++i) {
    History& h = w.histories.emplace_back();
    gen.Fill(h, i);
    auto added = w.table.Add(h.record);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
}

TEST(ReportProperty, IdentityHoldsAndCountsMatchTheRulesForRandomHistoriesPeriodsAndSlices) {
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    SCOPED_TRACE(seed);
    HistoryGenerator gen(seed);
    World w;
    Generate(gen, 3000, w);
    for (int k = 0; k < 100; ++k) {
      ReportQuery q = gen.Period();
      const SliceNames names = gen.Slice();
      q.slice = ResolveSlice(w.table, names);
      const Report got = Compute(w.table.facts(), q);
      const Status identity = CheckIdentity(got);
      ASSERT_TRUE(identity.ok()) << identity.ToString();
      ExpectSameCounts(got, Oracle(w.histories, q, names));
      if (HasFailure()) return;
    }
  }
}

TEST(ReportProperty, ConsecutivePeriodsChain) {
  HistoryGenerator gen(42);
  World w;
  Generate(gen, 5000, w);
  for (int k = 0; k < 300; ++k) {
    ReportQuery a = gen.Period();
    const Instant mid = a.from + (a.to - a.from) / (1 + gen.Pick(3));
    ReportQuery first = a, second = a;
    first.to = mid;
    second.from = mid;
    const Report whole = Compute(w.table.facts(), a);
    const Report r1 = Compute(w.table.facts(), first);
    const Report r2 = Compute(w.table.facts(), second);
    // What is open at the end of one period is carried over into the next.
    ASSERT_EQ(r1.open.total, r2.received.carried_over);
    ASSERT_EQ(whole.received.carried_over, r1.received.carried_over);
    ASSERT_EQ(whole.received.fresh, r1.received.fresh + r2.received.fresh);
    ASSERT_EQ(whole.resolved.total, r1.resolved.total + r2.resolved.total);
    ASSERT_EQ(whole.resolved.late, r1.resolved.late + r2.resolved.late);
    ASSERT_EQ(whole.withdrawn, r1.withdrawn + r2.withdrawn);
    ASSERT_EQ(whole.stopped, r1.stopped + r2.stopped);
    ASSERT_EQ(whole.refused, r1.refused + r2.refused);
    ASSERT_EQ(whole.open.total, r2.open.total);
    ASSERT_EQ(whole.open.overdue, r2.open.overdue);
  }
}

TEST(ReportProperty, ChannelSlicesPartitionTheWhole) {
  HistoryGenerator gen(7);
  World w;
  Generate(gen, 3000, w);
  for (int k = 0; k < 100; ++k) {
    ReportQuery q = gen.Period();
    const Report whole = Compute(w.table.facts(), q);
    std::int64_t received = 0, resolved = 0, open = 0;
    for (Channel c : {Channel::kOnline, Channel::kCounter, Channel::kPostal}) {
      q.slice.channel = c;
      const Report part = Compute(w.table.facts(), q);
      received += part.received.total;
      resolved += part.resolved.total;
      open += part.open.total;
    }
    ASSERT_EQ(received, whole.received.total);
    ASSERT_EQ(resolved, whole.resolved.total);
    ASSERT_EQ(open, whole.open.total);
  }
}

TEST(ReportProperty, MonthRowsAreTheReportsOfTheirMonths) {
  HistoryGenerator gen(11);
  World w;
  Generate(gen, 3000, w);
  for (int k = 0; k < 30; ++k) {
    ReportQuery q = gen.Period();
    q.slice = ResolveSlice(w.table, gen.Slice());
    const Breakdown b = ComputeBreakdown(w.table.facts(), q, GroupBy::kMonth);
    ASSERT_EQ(q.from < q.to, !b.rows.empty());
    for (const BreakdownRow& row : b.rows) {
      ReportQuery month = q;
      month.from = row.report.from;
      month.to = row.report.to;
      ExpectSameCounts(row.report, Compute(w.table.facts(), month));
      if (HasFailure()) return;
    }
  }
}

TEST(ReportProperty, GroupRowsAddUpToTheWhole) {
  HistoryGenerator gen(12);
  World w;
  Generate(gen, 3000, w);
  for (int k = 0; k < 30; ++k) {
    ReportQuery q = gen.Period();
    q.slice = ResolveSlice(w.table, gen.Slice());
    const Report whole = Compute(w.table.facts(), q);
    for (GroupBy by : {GroupBy::kAgency, GroupBy::kField, GroupBy::kProcedure, GroupBy::kOfficer,
                       GroupBy::kGrant, GroupBy::kChannel}) {
      Report sum;
      for (const BreakdownRow& row : ComputeBreakdown(w.table.facts(), q, by).rows) {
        ASSERT_TRUE(CheckIdentity(row.report).ok());
        sum.received.total += row.report.received.total;
        sum.received.carried_over += row.report.received.carried_over;
        sum.received.fresh += row.report.received.fresh;
        sum.received.online += row.report.received.online;
        sum.received.counter += row.report.received.counter;
        sum.received.postal += row.report.received.postal;
        sum.resolved.total += row.report.resolved.total;
        sum.resolved.early += row.report.resolved.early;
        sum.resolved.on_time += row.report.resolved.on_time;
        sum.resolved.late += row.report.resolved.late;
        sum.open.total += row.report.open.total;
        sum.open.within_deadline += row.report.open.within_deadline;
        sum.open.overdue += row.report.open.overdue;
        sum.withdrawn += row.report.withdrawn;
        sum.withdrawn_before_receipt += row.report.withdrawn_before_receipt;
        sum.stopped += row.report.stopped;
        sum.refused += row.report.refused;
        sum.returned += row.report.returned;
        sum.apologies += row.report.apologies;
        sum.supplement_requests.at_reception += row.report.supplement_requests.at_reception;
        sum.supplement_requests.in_processing += row.report.supplement_requests.in_processing;
      }
      SCOPED_TRACE(GroupByName(by));
      ExpectSameCounts(sum, whole);
      if (HasFailure()) return;
    }
  }
}

TEST(ReportProperty, CheckIdentityCatchesAReportThatDoesNotAddUp) {
  HistoryGenerator gen(3);
  World w;
  Generate(gen, 500, w);
  Report r = Compute(w.table.facts(), QueryForDates({2022, 1, 1}, {2023, 12, 31}));
  ASSERT_TRUE(CheckIdentity(r).ok());
  ASSERT_GT(r.received.total, 0);
  Report bad = r;
  ++bad.withdrawn;  // a withdrawal the received side does not know about
  EXPECT_EQ(CheckIdentity(bad).code(), Status::Code::kInternal);
  bad = r;
  ++bad.received.online;
  EXPECT_FALSE(CheckIdentity(bad).ok());
  bad = r;
  ++bad.open.overdue;
  EXPECT_FALSE(CheckIdentity(bad).ok());
}

}  // namespace
}  // namespace motcua::report
