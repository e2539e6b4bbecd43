// The demo year retells the 2023 pilot: the report over 2023 gives the
// published figures, the work is spread over agencies, procedures and months
// as a real year would be, and every step was one its actor may take.
#include "demo/year_2023.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "access/authorize.h"
#include "demo/pilot.h"
#include "dossier/deadline.h"
#include "import/import_testing.h"
#include "import/record_json.h"
#include "report/facts_table.h"
#include "report/report.h"

namespace motcua::demo {
namespace {

using dossier::Action;
using import::testing::Shipped;

struct Year {
  std::vector<import::ImportRecord> records;
  std::vector<import::ReplayedDossier> dossiers;
};

const Year& Demo() {
  static const Year year = [] {
    Year y;
    auto records = GenerateYear2023(Shipped());
    EXPECT_TRUE(records.ok()) << records.status().ToString();
    if (!records.ok()) return y;
    y.records = std::move(*records);
    for (const import::ImportRecord& r : y.records) {
      auto d = import::Replay(r, Shipped());
      EXPECT_TRUE(d.ok()) << d.status().ToString();
      if (d.ok()) y.dossiers.push_back(std::move(*d));
    }
    return y;
  }();
  return year;
}

// The report's view of a replayed dossier, read from its snapshot and events.
struct Facts {
  std::vector<Instant> at_reception, in_processing;
  std::string desk, acting_for;
  report::DossierRecord record;
};

Facts FactsOf(const import::ReplayedDossier& r) {
  Facts f;
  const dossier::Dossier& d = r.dossier;
  report::DossierRecord& rec = f.record;
  for (const dossier::Event& e : r.events) {
    if (e.action == Action::kReceive) {
      f.desk = e.actor;
      f.acting_for = e.on_behalf_of;
    }
    if (e.action == Action::kRequestSupplement) f.at_reception.push_back(e.at);
    if (e.action == Action::kExtend) rec.extended_at = e.at;
  }
  for (const dossier::Pause& p : d.pauses) f.in_processing.push_back(p.from);
  rec.code = d.code;
  rec.agency = d.agency_code;
  rec.field = d.field_code;
  rec.procedure = d.procedure_code;
  rec.desk_officer = f.desk;
  rec.acting_for = f.acting_for;
  rec.channel = report::Channel::kOnline;
  rec.submitted_at = d.submitted_at;
  rec.received_at = d.received_at;
  rec.due_at = dossier::ClassifyingDueAt(d);
  rec.completed_at = d.completed_at;
  if (d.outcome) {
    rec.outcome = *d.outcome == dossier::Outcome::kDenied ? report::Outcome::kDenied
                                                          : report::Outcome::kApproved;
  }
  rec.returned_at = d.returned_at;
  rec.supplements_at_reception = f.at_reception;
  rec.supplements_in_processing = f.in_processing;
  rec.rework = d.supplement_requests_in_processing > 0;
  rec.components_digitized = true;
  rec.result_digitized = !d.result_document.empty();
  if (d.rating) rec.rating = d.rating->stars;
  return f;
}

TEST(DemoYearTest, TheReportOver2023GivesThePilotsPublishedFigures) {
  const Year& y = Demo();
  ASSERT_EQ(y.dossiers.size(), 1700u);
  report::FactsTable table;
  for (const import::ReplayedDossier& d : y.dossiers) {
    Facts f = FactsOf(d);
    auto added = table.Add(f.record);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
  }
  const report::Report r =
      report::Compute(table.facts(), report::QueryForDates({2023, 1, 1}, {2023, 12, 31}));
  EXPECT_EQ(r.received.total, 1700);
  EXPECT_EQ(r.received.carried_over, 0);
  EXPECT_EQ(r.received.online, 1700);
  EXPECT_EQ(r.received.counter + r.received.postal, 0);
  EXPECT_EQ(r.resolved.total, 1668);
  EXPECT_EQ(r.resolved.early, 1479);
  EXPECT_EQ(r.resolved.on_time, 168);
  EXPECT_EQ(r.resolved.late, 21);
  EXPECT_EQ(r.open.total, 32);
  EXPECT_EQ(r.withdrawn + r.stopped + r.refused, 0);
  EXPECT_EQ(r.apologies, 13);
  EXPECT_GT(r.supplement_requests.at_reception, 30);
  EXPECT_GT(r.supplement_requests.in_processing, 20);
  EXPECT_GT(r.returned, 1500);
  EXPECT_GT(r.ratings, 400);
  EXPECT_TRUE(report::CheckIdentity(r).ok());
}

TEST(DemoYearTest, TheSameSeedGivesTheSameYearAndAnotherSeedAnother) {
  auto again = GenerateYear2023(Shipped());
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), Demo().records.size());
  for (size_t i = 0; i < again->size(); ++i) {
    ASSERT_EQ(import::FormatRecord((*again)[i]), import::FormatRecord(Demo().records[i])) << i;
  }
  auto other = GenerateYear2023(Shipped(), 7);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  EXPECT_NE(import::FormatRecord((*other)[100]), import::FormatRecord(Demo().records[100]));
}

TEST(DemoYearTest, WorkIsSpreadOverAgenciesProceduresAndMonthsAsARealYear) {
  std::map<std::string, int> by_agency;
  std::set<std::string> procedures;
  int by_month[13] = {};
  int backup = 0;
  std::set<std::string> codes;
  for (const import::ReplayedDossier& r : Demo().dossiers) {
    const dossier::Dossier& d = r.dossier;
    ++by_agency[d.agency_code];
    procedures.insert(d.procedure_code);
    ASSERT_TRUE(codes.insert(d.code).second) << "duplicate code " << d.code;
    const Instant received = *d.received_at;
    ++by_month[CivilFromDays(LocalDayOf(received)).month];
    EXPECT_EQ(CivilFromDays(LocalDayOf(received)).year, 2023);
    EXPECT_TRUE(*import::testing::ShippedCalendar().IsWorkingTime(received))
        << d.code << " received outside office hours at " << FormatDateTime(received);
    EXPECT_FALSE(d.applicant.login.empty()) << "every pilot dossier was submitted online";
    for (const dossier::Event& e : r.events) {
      if (e.action == Action::kReceive && e.actor == kBackupPostal) ++backup;
      EXPECT_LT(e.at, LocalMidnight(DaysFromCivil({2024, 1, 1}))) << d.code;
    }
  }
  for (const PilotAgency& a : PilotAgencies()) EXPECT_EQ(by_agency[a.code], a.dossiers) << a.code;
  EXPECT_GE(procedures.size(), 25u);
  for (int m = 1; m <= 12; ++m) EXPECT_GE(by_month[m], 100) << "month " << m;
  EXPECT_LT(by_month[1], by_month[3]) << "Tết Quý Mão";
  EXPECT_LT(by_month[2], by_month[3]);
  EXPECT_GT(backup, 50);
  EXPECT_LT(backup, 250);
}

TEST(DemoYearTest, LateDossiersLeanToLandAndEnvironmentAndApologiesGoToLateOnes) {
  int late_tnmt = 0, apologies = 0;
  for (const import::ReplayedDossier& r : Demo().dossiers) {
    const dossier::Dossier& d = r.dossier;
    const auto c = dossier::ClassifyResolved(d);
    if (d.extended) {
      ++apologies;
      EXPECT_EQ(c, calendar::Completion::kLate) << d.code;
      EXPECT_GE(*d.extended_due_at, *d.completed_at) << "the new appointment was kept";
    }
    if (c == calendar::Completion::kLate && d.agency_code == "000.00.10.H29") ++late_tnmt;
  }
  EXPECT_EQ(apologies, 13);
  EXPECT_GE(late_tnmt, 4);
}

TEST(DemoYearTest, EveryStepIsOneItsActorMayTakeWithTheDemoUsersAndGrants) {
  const std::vector<access::User> users = DemoUsers();
  std::vector<access::Grant> grants = DemoGrants();
  for (size_t i = 0; i < grants.size(); ++i) grants[i].id = static_cast<std::int64_t>(i + 1);
  std::map<std::string, access::User> by_login;
  for (const access::User& u : users) by_login[u.login] = u;
  int checked = 0;
  for (const import::ReplayedDossier& r : Demo().dossiers) {
    const dossier::Dossier& d = r.dossier;
    for (const dossier::Event& e : r.events) {
      access::User user;
      if (auto it = by_login.find(e.actor); it != by_login.end()) {
        user = it->second;
      } else {
        ASSERT_EQ(e.actor, d.applicant.login) << d.code << " " << ActionName(e.action);
        user.login = e.actor;
        user.roles = {access::Role::kApplicant};
      }
      access::Request req;
      req.op = dossier::ToOperation(e.action);
      req.acting_for = e.on_behalf_of;
      req.subject = {d.agency_code, d.field_code, d.procedure_code, d.applicant.login};
      req.at = e.at;
      const access::Decision decision = access::Authorize(user, grants, req);
      ASSERT_TRUE(decision.allowed)
          << d.code << " " << ActionName(e.action) << " by " << e.actor << ": " << decision.rule;
      ++checked;
    }
  }
  EXPECT_GT(checked, 1700 * 6);
}

}  // namespace
}  // namespace motcua::demo
