// Replaying historic dossiers through the life cycle: the due time comes from
// the catalog and the calendar, never from the file, and a history the life
// cycle would not allow is refused with the event that breaks it.
#include "import/replay.h"

#include <gtest/gtest.h>

#include "dossier/deadline.h"
#include "import/import_testing.h"
#include "import/record_json.h"

namespace motcua::import {
namespace {

using testing::ExampleLine;
using testing::Shipped;

Instant T(const char* text) { return *ParseDateTime(text); }

Result<ReplayedDossier> ReplayText(const std::string& line) {
  Result<ImportRecord> r = ParseRecord(line);
  if (!r.ok()) return r.status();
  return Replay(*r, Shipped());
}

std::string Replace(std::string line, const std::string& from, const std::string& to) {
  const size_t at = line.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) line.replace(at, from.size(), to);
  return line;
}

TEST(ReplayTest, TheExampleIsReceivedWithAComputedDueTimeAndResolvedEarly) {
  Result<ReplayedDossier> r = ReplayText(ExampleLine());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const dossier::Dossier& d = r->dossier;
  EXPECT_EQ(d.state, dossier::State::kReturned);
  EXPECT_EQ(d.agency_code, "000.00.12.H29");
  EXPECT_EQ(d.field_code, "xuat-ban");
  EXPECT_EQ(d.procedure_version, 1);
  // 2.001737: 3 working days from Thursday 09:00 = Tuesday 09:00.
  EXPECT_EQ(d.due_at, T("2023-01-10T09:00:00+07:00"));
  EXPECT_EQ(d.completed_at, T("2023-01-09T15:00:00+07:00"));
  EXPECT_EQ(dossier::ClassifyResolved(d), calendar::Completion::kEarly);
  EXPECT_EQ(d.return_method, dossier::ReturnMethod::kCounter) << "no method: at the counter";
  ASSERT_EQ(r->events.size(), 5u);
  EXPECT_TRUE(dossier::VerifyChain(r->events).ok());
  EXPECT_EQ(d.head_hash, r->events.back().hash);
  EXPECT_EQ(d.version, 5);
  EXPECT_EQ(r->events[1].actor, "postal.a") << "historic actors need not be users";
  EXPECT_EQ(r->events[1].on_behalf_of, "000.00.12.H29");
}

TEST(ReplayTest, ComponentsOnPaperAreAssumedOnlyWhenTheRecordListsNone) {
  Result<ReplayedDossier> r = ReplayText(ExampleLine());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->dossier.components.size(), 2u);  // to-khai, giay-to-thay-doi
  EXPECT_EQ(r->dossier.components[0].id, "to-khai");
  EXPECT_TRUE(r->dossier.components[0].document_hash.empty());

  const std::string partial = Replace(ExampleLine(), R"("channel":"online",)",
                                      R"("channel":"online","components":["to-khai"],)");
  Result<ReplayedDossier> refused = ReplayText(partial);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "events[1] (receive): receive: mandatory components missing: giay-to-thay-doi");
}

TEST(ReplayTest, AHistoryTheLifeCycleForbidsNamesTheEvent) {
  // Resolved before it was transferred.
  std::string line = Replace(ExampleLine(), R"("action":"transfer")",
                             R"("action":"assign_handler","handler":"spec.b")");
  Result<ReplayedDossier> r = ReplayText(line);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "events[3] (resolve): cannot resolve a dossier in state received");
  // An event dated before the one before it.
  line = Replace(ExampleLine(), "2023-01-09T15:00:00", "2023-01-05T09:30:00");
  r = ReplayText(line);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("events[3] (resolve): resolve: dated"), std::string::npos)
      << r.status().message();
}

TEST(ReplayTest, UnknownProceduresAgenciesAndMismatchedCodesAreRefused) {
  Result<ReplayedDossier> r = ReplayText(Replace(ExampleLine(), "2.001737", "1.999999"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "field 'procedure': the catalog has no version of procedure 1.999999 in force on "
            "2023-01-05");
  // Sở Nội vụ's 1.012942 comes into force on 2024-11-26.
  r = ReplayText(Replace(ExampleLine(), "2.001737", "1.012942"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no version of procedure 1.012942 in force on 2023-01-05"),
            std::string::npos);
  r = ReplayText(Replace(ExampleLine(), R"("for":"000.00.12.H29")", R"("for":"000.00.99.H29")"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "field 'events[1].for': unknown agency '000.00.99.H29'");
  // A Sở GD&ĐT procedure under a Sở TT&TT code.
  r = ReplayText(Replace(ExampleLine(), "2.001737", "9.005001"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("is not of agency 000.00.06.H29"), std::string::npos)
      << r.status().message();
  r = ReplayText(Replace(ExampleLine(), R"("channel":"online",)", R"("procedure_version":3,)"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "field 'procedure_version': the catalog has no version 3 of procedure 2.001737");
}

TEST(ReplayTest, APauseMovesTheDueTimeUnderTheRestartPolicy) {
  // Paused Friday 6 January 10:00, resumed Monday 9 January 08:00: 2.001737
  // restarts its 3 days from the resume, so due Thursday 12 at 08:00.
  const std::string line = Replace(
      ExampleLine(), R"({"action":"resolve")",
      R"({"action":"pause","at":"2023-01-06T10:00:00+07:00","by":"spec.b","for":"000.00.12.H29","reason":"Thiếu bản sao","missing_components":["to-khai"]},)"
      R"({"action":"resume","at":"2023-01-09T08:00:00+07:00","by":"postal.a","components":["to-khai"]},)"
      R"({"action":"resolve")");
  Result<ReplayedDossier> r =
      ReplayText(Replace(Replace(line, "2023-01-09T15:00:00", "2023-01-12T08:00:00"),
                         "2023-01-10T08", "2023-01-13T08"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->dossier.original_due_at, T("2023-01-10T09:00:00+07:00"));
  EXPECT_EQ(r->dossier.due_at, T("2023-01-12T08:00:00+07:00"));
  EXPECT_EQ(dossier::ClassifyResolved(r->dossier), calendar::Completion::kOnTime);
  EXPECT_EQ(r->dossier.supplement_requests_in_processing, 1);
}

TEST(ReplayTest, TermsFollowTheSuccessorAgencyAfterTheMerger) {
  const catalog::Procedure* p = testing::ShippedCatalog().ProcedureAt("2.001737", 0);
  ASSERT_NE(p, nullptr);
  Result<dossier::ProcedureTerms> before =
      TermsFor(testing::ShippedCatalog(), *p, DaysFromCivil({2023, 1, 5}));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->agency_code, "000.00.12.H29");
  EXPECT_EQ(before->mandatory_component_ids,
            (std::vector<std::string>{"to-khai", "giay-to-thay-doi"}));
  Result<dossier::ProcedureTerms> after =
      TermsFor(testing::ShippedCatalog(), *p, DaysFromCivil({2025, 6, 2}));
  ASSERT_TRUE(after.ok());
  EXPECT_NE(after->agency_code, "000.00.12.H29") << "Sở TT&TT ended on 2025-02-28";
}

access::Grant PostalGrant(std::int64_t id, const char* from, const char* to) {
  access::Grant g;
  g.id = id;
  g.agency_code = "000.00.12.H29";
  g.grantee_login = "postal.a";
  g.actions = {access::GrantAction::kReceive, access::GrantAction::kTransfer};
  g.valid_from = T(from);
  g.valid_to = T(to);
  return g;
}

TEST(ReplayTest, TheDeskGrantIsTheOneInForceWhenThePostalEmployeeReceived) {
  Result<ReplayedDossier> r = ReplayText(ExampleLine());
  ASSERT_TRUE(r.ok());
  const std::vector<access::Grant> grants = {
      PostalGrant(1, "2022-01-01T00:00:00+07:00", "2023-01-01T00:00:00+07:00"),
      PostalGrant(2, "2023-01-01T00:00:00+07:00", "2024-01-01T00:00:00+07:00")};
  EXPECT_EQ(DeskGrantFor(*r, grants), 2);
  EXPECT_EQ(DeskGrantFor(*r, std::span(grants).first(1)), std::nullopt) << "expired grant";
  std::vector<access::Grant> other = grants;
  other[1].grantee_login = "postal.b";
  EXPECT_EQ(DeskGrantFor(*r, other), std::nullopt) << "another employee's grant";
}

}  // namespace
}  // namespace motcua::import
