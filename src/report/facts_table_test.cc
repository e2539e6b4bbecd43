// Adding dossier records to a facts table: what is kept, and what is refused.
#include "report/facts_table.h"

#include <gtest/gtest.h>

#include "report/facts_testing.h"

namespace motcua::report {
namespace {

using testing::At;
using testing::ReceivedRecord;

TEST(Dictionary, InternsEachNameOnceWithNoneAsZero) {
  Dictionary d;
  EXPECT_EQ(d.Intern(""), Dictionary::kNone);
  const std::uint32_t a = d.Intern("000.00.12.H29");
  const std::uint32_t b = d.Intern("000.00.13.H29");
  EXPECT_EQ(a, 1u);
  EXPECT_EQ(b, 2u);
  EXPECT_EQ(d.Intern(std::string("000.00.12.H29")), a);
  EXPECT_EQ(d.Name(b), "000.00.13.H29");
  EXPECT_EQ(d.Find("000.00.13.H29"), b);
  EXPECT_FALSE(d.Find("000.00.99.H29").has_value());
  EXPECT_EQ(d.size(), 3u);
}

TEST(Dictionary, NamesSurviveGrowthAndMoves) {
  Dictionary d;
  d.Intern("x");  // short enough for the small-string buffer
  const std::string_view x = d.Name(1);
  for (int i = 0; i < 10000; ++i) d.Intern(std::to_string(i));
  Dictionary moved = std::move(d);
  EXPECT_EQ(x, "x");
  EXPECT_EQ(moved.Find("x"), 1u);
  EXPECT_EQ(moved.Find("9999"), 10001u);
}

TEST(FactsTable, KeepsEveryFactOfAResolvedAndReturnedDossier) {
  const Instant desk[] = {At("2023-03-01T08:30")};
  const Instant pauses[] = {At("2023-03-03T09:00"), At("2023-03-06T09:00")};
  DossierRecord r =
      ReceivedRecord("000.00.12.H29-230302-0001", At("2023-03-02T09:00"), At("2023-03-09T09:00"));
  r.submitted_at = At("2023-03-01T08:00");
  r.acting_for = "A";
  r.delegation_grant = "G-7";
  r.channel = Channel::kPostal;
  r.supplements_at_reception = desk;
  r.supplements_in_processing = pauses;
  r.extended_at = At("2023-03-08T09:00");
  r.completed_at = At("2023-03-10T10:00");
  r.outcome = Outcome::kDenied;
  r.returned_at = At("2023-03-11T08:00");
  r.rework = true;
  r.result_digitized = true;
  r.rating = 4;

  FactsTable table;
  auto index = table.Add(r);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  const DossierFacts& f = table.facts()[*index];
  EXPECT_EQ(table.code(f), "000.00.12.H29-230302-0001");
  EXPECT_EQ(table.agencies().Name(f.agency()), "A");
  EXPECT_EQ(f.acting_for(), f.agency());
  EXPECT_EQ(table.fields().Name(f.field()), "F");
  EXPECT_EQ(table.procedures().Name(f.procedure()), "P");
  EXPECT_EQ(table.officers().Name(f.officer()), "desk.a");
  EXPECT_EQ(table.grants().Name(f.grant()), "G-7");
  EXPECT_EQ(f.channel(), Channel::kPostal);
  EXPECT_EQ(f.submitted_at(), At("2023-03-01T08:00"));
  EXPECT_EQ(f.received_at(), At("2023-03-02T09:00"));
  EXPECT_EQ(f.due_at(), At("2023-03-09T09:00"));
  EXPECT_EQ(f.ending(), Ending::kResolved);
  EXPECT_EQ(f.completed_at(), At("2023-03-10T10:00"));
  EXPECT_EQ(f.outcome(), Outcome::kDenied);
  EXPECT_FALSE(f.withdrawn_at().has_value());
  EXPECT_FALSE(f.refused_at().has_value());
  EXPECT_FALSE(f.stopped_at().has_value());
  EXPECT_EQ(f.returned_at(), At("2023-03-11T08:00"));
  EXPECT_EQ(f.extended_at(), At("2023-03-08T09:00"));
  ASSERT_EQ(f.supplements_at_reception().size(), 1u);
  EXPECT_EQ(f.supplements_at_reception()[0], desk[0]);
  ASSERT_EQ(f.supplements_in_processing().size(), 2u);
  EXPECT_EQ(f.supplements_in_processing()[1], pauses[1]);
  EXPECT_TRUE(f.rework());
  EXPECT_FALSE(f.components_digitized());
  EXPECT_TRUE(f.result_digitized());
  EXPECT_EQ(f.rating(), 4);
}

TEST(FactsTable, AnOpenDossierHasNoEndingAndTheLastRepresentableSecondFits) {
  FactsTable table;
  const Instant last = 4294967294;  // 2106-02-07T06:28:14Z
  DossierRecord r = ReceivedRecord("D1", At("2023-03-02T09:00"), last);
  ASSERT_TRUE(table.Add(r).ok());
  const DossierFacts& f = table.facts()[0];
  EXPECT_EQ(f.ending(), Ending::kNone);
  EXPECT_FALSE(f.ended_at().has_value());
  EXPECT_EQ(f.ended_or_never(), kNever);
  EXPECT_EQ(f.due_at(), last);
  EXPECT_FALSE(f.rating().has_value());
  EXPECT_EQ(f.grant(), Dictionary::kNone);
}

TEST(FactsTable, CodesAndSupplementTimesStayPutAsTheTableGrows) {
  FactsTable table;
  std::vector<std::string> codes;
  for (int i = 0; i < 20000; ++i) codes.push_back(std::to_string(i));
  std::vector<Instant> desk(100, At("2023-03-01T08:00"));
  for (int i = 0; i < 20000; ++i) {
    DossierRecord r = ReceivedRecord(codes[i], At("2023-03-02T09:00"), At("2023-03-09T09:00"));
    r.submitted_at = At("2023-03-01T08:00");
    r.supplements_at_reception = std::span<const Instant>(desk).first(i % 100);
    ASSERT_TRUE(table.Add(r).ok());
  }
  const Instant* first = table.facts()[99].supplements_at_reception().data();
  for (int i = 0; i < 20000; ++i) {
    const DossierFacts& f = table.facts()[i];
    ASSERT_EQ(table.code(f), codes[i]);
    ASSERT_EQ(f.supplements_at_reception().size(), static_cast<std::size_t>(i % 100));
  }
  EXPECT_EQ(first, table.facts()[99].supplements_at_reception().data());
  EXPECT_GE(table.MemoryUsage(), 20000 * sizeof(DossierFacts));
}

// Each record breaks one rule of the life cycle (DESIGN.md section 4).
TEST(FactsTable, RefusesRecordsThatBreakTheLifeCycleAndAddsNothing) {
  const Instant t0 = At("2023-03-02T09:00");
  const Instant t1 = At("2023-03-09T09:00");
  const Instant before_1970[] = {-1};
  const Instant too_many[256] = {};
  struct Case {
    const char* why;
    DossierRecord record;
  };
  std::vector<Case> cases;
  const auto add = [&](const char* why, auto mutate) {
    DossierRecord r = ReceivedRecord("D", t0, t1);
    mutate(r);
    cases.push_back({why, r});
  };
  add("no code", [](DossierRecord& r) { r.code = ""; });
  add("received without due", [](DossierRecord& r) { r.due_at.reset(); });
  add("due without receipt", [](DossierRecord& r) { r.received_at.reset(); });
  add("refused after receipt", [&](DossierRecord& r) { r.refused_at = t1; });
  add("two endings", [&](DossierRecord& r) {
    r.withdrawn_at = t1;
    r.stopped_at = t1;
  });
  add("resolved without outcome", [&](DossierRecord& r) { r.completed_at = t1; });
  add("outcome without resolve", [](DossierRecord& r) { r.outcome = Outcome::kApproved; });
  add("resolved without receipt", [&](DossierRecord& r) {
    r.received_at.reset();
    r.due_at.reset();
    r.completed_at = t1;
    r.outcome = Outcome::kApproved;
  });
  add("stopped without receipt", [&](DossierRecord& r) {
    r.received_at.reset();
    r.due_at.reset();
    r.stopped_at = t1;
  });
  add("returned without result", [&](DossierRecord& r) { r.returned_at = t1; });
  add("returned before resolved", [&](DossierRecord& r) {
    r.completed_at = t1;
    r.outcome = Outcome::kApproved;
    r.returned_at = t1 - 1;
  });
  add("received before submitted", [&](DossierRecord& r) { r.submitted_at = t0 + 1; });
  add("due before received", [&](DossierRecord& r) { r.due_at = t0 - 1; });
  add("resolved before received", [&](DossierRecord& r) {
    r.completed_at = t0 - 1;
    r.outcome = Outcome::kApproved;
  });
  add("pause after the ending", [&](DossierRecord& r) {
    static const Instant late_pause[] = {At("2023-03-20T09:00")};
    r.withdrawn_at = t1;
    r.supplements_in_processing = late_pause;
  });
  add("desk supplement after receipt", [&](DossierRecord& r) {
    static const Instant after[] = {At("2023-03-03T09:00")};
    r.supplements_at_reception = after;
  });
  add("rework without receipt", [](DossierRecord& r) {
    r.received_at.reset();
    r.due_at.reset();
    r.rework = true;
  });
  add("rating 6", [](DossierRecord& r) { r.rating = 6; });
  add("rating 0", [](DossierRecord& r) { r.rating = 0; });
  add("before 1970", [&](DossierRecord& r) {
    r.submitted_at = -1;
    r.supplements_at_reception = before_1970;
  });
  add("after 2106", [](DossierRecord& r) { r.due_at = Instant{1} << 32; });
  add("256 desk supplements", [&](DossierRecord& r) {
    r.submitted_at = 0;
    r.supplements_at_reception = too_many;
  });

  FactsTable table;
  for (const Case& c : cases) {
    auto added = table.Add(c.record);
    EXPECT_FALSE(added.ok()) << c.why;
    if (!added.ok()) {
      EXPECT_EQ(added.status().code(), Status::Code::kInvalidArgument) << c.why;
    }
  }
  EXPECT_EQ(table.size(), 0u);
  // The untouched record is fine.
  EXPECT_TRUE(table.Add(ReceivedRecord("D", t0, t1)).ok());
}

}  // namespace
}  // namespace motcua::report
