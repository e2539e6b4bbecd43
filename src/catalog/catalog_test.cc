#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include "catalog/catalog_json.h"
#include "catalog/test_fixture.h"

namespace motcua::catalog {
namespace {

DayNumber Day(int y, int m, int d) { return DaysFromCivil({y, m, d}); }

Agency MakeAgency(std::string code, std::string name, Validity valid = {},
                  std::optional<AgencySuccessor> successor = std::nullopt) {
  Agency a;
  a.code = std::move(code);
  a.name = std::move(name);
  a.valid = valid;
  a.successor = std::move(successor);
  return a;
}

Field MakeField(std::string agency, std::string code, std::string name) {
  Field f;
  f.agency = std::move(agency);
  f.code = std::move(code);
  f.name = std::move(name);
  return f;
}

Component MakeComponent(std::string id, std::string name) {
  Component c;
  c.id = std::move(id);
  c.name = std::move(name);
  return c;
}

Catalog Fixture() {
  Result<Catalog> c = ParseCatalog(testing::FixtureFiles());
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? *c : Catalog();
}

std::vector<std::string> Codes(const std::vector<const Procedure*>& ps) {
  std::vector<std::string> out;
  for (const Procedure* p : ps) out.push_back(p->code + "/v" + std::to_string(p->version));
  return out;
}

TEST(CatalogLookup, FindsAgenciesAndFieldsByCode) {
  Catalog c = Fixture();
  ASSERT_NE(c.FindAgency("000.00.01.H99"), nullptr);
  EXPECT_EQ(c.FindAgency("000.00.01.H99")->short_name, "Sở TT&TT");
  EXPECT_EQ(c.FindAgency("000.00.09.H99"), nullptr);
  EXPECT_EQ(c.Agencies().size(), 4u);
  EXPECT_EQ(c.Agencies().front().code, "000.00.00.H99");  // sorted
  ASSERT_NE(c.FindField("000.00.02.H99", "khcn"), nullptr);
  EXPECT_EQ(c.FindField("000.00.02.H99", "bao-chi"), nullptr);
  auto fields = c.FieldsOf("000.00.02.H99");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0]->code, "buu-chinh");
  EXPECT_EQ(fields[1]->code, "khcn");
}

TEST(CatalogLookup, DossierReceivedIn2021KeepsTheVersionInForceThen) {
  Catalog c = Fixture();
  const Procedure* old = c.ProcedureAt("1.009374", Day(2021, 6, 30));
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->version, 1);
  EXPECT_DOUBLE_EQ(old->processing_time.amount, 15);
  const Procedure* current = c.ProcedureAt("1.009374", Day(2021, 7, 1));
  ASSERT_NE(current, nullptr);
  EXPECT_EQ(current->version, 2);
  EXPECT_EQ(c.ProcedureAt("1.009374", Day(2030, 1, 1)), current);  // open end
  EXPECT_EQ(c.ProcedureAt("1.009374", Day(1990, 1, 1)), old);      // open start
  // A dossier stores (code, version) and gets the same terms back later.
  EXPECT_EQ(c.ProcedureVersion("1.009374", 1), old);
  EXPECT_EQ(c.ProcedureVersion("1.009374", 3), nullptr);
  EXPECT_EQ(c.ProcedureAt("1.999999", Day(2023, 1, 1)), nullptr);
  EXPECT_EQ(Codes(c.Versions("1.009374")),
            (std::vector<std::string>{"1.009374/v1", "1.009374/v2"}));
}

TEST(CatalogLookup, VersionGapHasNoProcedureInForce) {
  CatalogInput in;
  in.agencies.push_back(MakeAgency("000.00.01.H99", "Sở A"));
  in.fields.push_back(MakeField("000.00.01.H99", "f", "F"));
  Procedure p;
  p.code = "1.000001";
  p.name = "Thủ tục";
  p.agency = "000.00.01.H99";
  p.field = "f";
  p.processing_time.amount = 1;
  p.channels = {Channel::kCounter};
  p.components.push_back(MakeComponent("don", "Đơn"));
  p.valid.to = Day(2020, 12, 31);
  in.procedures.push_back(p);
  p.version = 2;
  p.valid = {Day(2022, 1, 1), std::nullopt};
  in.procedures.push_back(p);
  Result<Catalog> c = BuildCatalog(in);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->ProcedureAt("1.000001", Day(2021, 6, 1)), nullptr);
  EXPECT_EQ(c->ProcedureAt("1.000001", Day(2022, 1, 1))->version, 2);
  EXPECT_EQ(c->ProcedureAt("1.000001", Day(2020, 12, 31))->version, 1);
}

TEST(CatalogSuccession, DissolvedAgencyPassesToItsSuccessor) {
  Catalog c = Fixture();
  EXPECT_EQ(c.SuccessorAt("000.00.01.H99", Day(2025, 2, 28))->code, "000.00.01.H99");
  EXPECT_EQ(c.SuccessorAt("000.00.01.H99", Day(2025, 3, 1))->code, "000.00.02.H99");
  EXPECT_EQ(c.SuccessorAt("000.00.02.H99", Day(2025, 3, 1))->code, "000.00.02.H99");
  EXPECT_EQ(c.SuccessorAt("000.00.77.H99", Day(2025, 3, 1)), nullptr);
}

TEST(CatalogSuccession, AgencyMergedTwiceResolvesToTheLastSuccessor) {
  CatalogInput in;
  in.agencies.push_back(MakeAgency("000.00.01.H99", "Sở A", {Day(2008, 1, 1), Day(2019, 12, 31)},
                                   AgencySuccessor{"000.00.02.H99", Day(2020, 1, 1)}));
  in.agencies.push_back(MakeAgency("000.00.02.H99", "Sở B", {std::nullopt, Day(2025, 2, 28)},
                                   AgencySuccessor{"000.00.03.H99", Day(2025, 3, 1)}));
  in.agencies.push_back(MakeAgency("000.00.03.H99", "Sở C", {Day(2025, 3, 1), std::nullopt}));
  Result<Catalog> c = BuildCatalog(in);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->SuccessorAt("000.00.01.H99", Day(2007, 12, 31)), nullptr);  // before A began
  EXPECT_EQ(c->SuccessorAt("000.00.01.H99", Day(2019, 12, 31))->code, "000.00.01.H99");
  EXPECT_EQ(c->SuccessorAt("000.00.01.H99", Day(2020, 1, 1))->code, "000.00.02.H99");
  EXPECT_EQ(c->SuccessorAt("000.00.01.H99", Day(2025, 3, 1))->code, "000.00.03.H99");
  EXPECT_EQ(c->SuccessorAt("000.00.02.H99", Day(2026, 1, 1))->code, "000.00.03.H99");
  EXPECT_EQ(c->SuccessorAt("000.00.03.H99", Day(2025, 2, 28)), nullptr);  // C not yet
  EXPECT_EQ(c->AgenciesInForceAt(Day(2021, 1, 1)).size(), 1u);
}

TEST(CatalogSuccession, AgencyEndedWithoutSuccessorHasNobody) {
  CatalogInput in;
  in.agencies.push_back(MakeAgency("000.00.01.H99", "Sở A", {std::nullopt, Day(2019, 12, 31)}));
  Result<Catalog> c = BuildCatalog(in);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->SuccessorAt("000.00.01.H99", Day(2020, 1, 1)), nullptr);
}

TEST(CatalogSuccession, PressFieldGoesToCultureTheRestToScience) {
  Catalog c = Fixture();
  Responsibility r = c.ResponsibleAt("000.00.01.H99", "bao-chi", Day(2024, 6, 1));
  EXPECT_EQ(r.agency->code, "000.00.01.H99");
  r = c.ResponsibleAt("000.00.01.H99", "bao-chi", Day(2025, 3, 1));
  ASSERT_NE(r.agency, nullptr);
  EXPECT_EQ(r.agency->code, "000.00.03.H99");
  EXPECT_EQ(r.field->code, "bao-chi");
  r = c.ResponsibleAt("000.00.01.H99", "buu-chinh", Day(2025, 3, 1));
  ASSERT_NE(r.agency, nullptr);
  EXPECT_EQ(r.agency->code, "000.00.02.H99");
  EXPECT_EQ(r.field->code, "buu-chinh");
  EXPECT_EQ(c.ResponsibleAt("000.00.01.H99", "nope", Day(2025, 3, 1)).agency, nullptr);
}

TEST(CatalogSuccession, ProceduresFollowTheirFieldToTheNewAgency) {
  Catalog c = Fixture();
  const DayNumber before = Day(2024, 6, 1);
  const DayNumber after = Day(2025, 6, 1);
  EXPECT_EQ(Codes(c.ProceduresHandledBy("000.00.01.H99", before)),
            (std::vector<std::string>{"1.009374/v2", "9.000001/v1"}));
  EXPECT_TRUE(c.ProceduresHandledBy("000.00.01.H99", after).empty());
  EXPECT_EQ(Codes(c.ProceduresHandledBy("000.00.03.H99", after)),
            (std::vector<std::string>{"1.009374/v2"}));
  EXPECT_TRUE(c.ProceduresHandledBy("000.00.03.H99", before).empty());
  EXPECT_EQ(Codes(c.ProceduresHandledBy("000.00.02.H99", after)),
            (std::vector<std::string>{"1.014393/v1", "9.000001/v1"}));
  EXPECT_EQ(Codes(c.ProceduresHandledBy("000.00.02.H99", "buu-chinh", after)),
            (std::vector<std::string>{"9.000001/v1"}));
  EXPECT_EQ(Codes(c.ProceduresHandledBy("000.00.02.H99", "khcn", after)),
            (std::vector<std::string>{"1.014393/v1"}));
  const Procedure* press = c.ProcedureAt("1.009374", after);
  EXPECT_EQ(c.ResponsibleFor(*press, after).agency->code, "000.00.03.H99");
  EXPECT_EQ(press->agency, "000.00.01.H99");  // the version keeps its publisher
}

TEST(CatalogSearch, FindsNamesWithoutDiacritics) {
  Catalog c = Fixture();
  const DayNumber day = Day(2024, 1, 1);
  EXPECT_EQ(Codes(c.Search("cap giay phep", day)),
            (std::vector<std::string>{"1.009374/v2", "9.000001/v1"}));
  EXPECT_EQ(Codes(c.Search("CẤP GIẤY PHÉP bưu chính", day)),
            (std::vector<std::string>{"9.000001/v1"}));
  EXPECT_EQ(Codes(c.Search("dia phuong", day)), (std::vector<std::string>{"1.009374/v2"}));
  EXPECT_EQ(Codes(c.Search("địa phương", day)), (std::vector<std::string>{"1.009374/v2"}));
  // "đ" and "d" are the same letter for search.
  EXPECT_EQ(Codes(c.Search("đia phuong", day)), (std::vector<std::string>{"1.009374/v2"}));
  EXPECT_EQ(Codes(c.Search("1.014393", day)), (std::vector<std::string>{"1.014393/v1"}));
  EXPECT_TRUE(c.Search("   ", day).empty());
  EXPECT_TRUE(c.Search("giay phep lai xe", day).empty());
  // Only the version in force is found: in 2020 the name had no "(địa phương)".
  EXPECT_TRUE(c.Search("dia phuong", Day(2020, 1, 1)).empty());
}

TEST(CatalogSearch, WholePhraseRanksBeforeScatteredWords) {
  CatalogInput in;
  in.agencies.push_back(MakeAgency("000.00.01.H99", "Sở A"));
  in.fields.push_back(MakeField("000.00.01.H99", "in", "In"));
  Procedure p;
  p.agency = "000.00.01.H99";
  p.field = "in";
  p.processing_time.amount = 5;
  p.channels = {Channel::kCounter};
  p.components.push_back(MakeComponent("don", "Đơn"));
  p.code = "1.000001";
  p.name = "Cấp lại giấy phép hoạt động in";
  in.procedures.push_back(p);
  p.code = "1.000002";
  p.name = "Cấp giấy phép hoạt động in";
  in.procedures.push_back(p);
  Result<Catalog> c = BuildCatalog(in);
  ASSERT_TRUE(c.ok()) << c.status().message();
  // Both names hold "cap" and "giay"; only 1.000002 holds "cap giay".
  EXPECT_EQ(Codes(c->Search("Cấp giấy", Day(2024, 1, 1))),
            (std::vector<std::string>{"1.000002/v1", "1.000001/v1"}));
  EXPECT_EQ(Codes(c->Search("giay phep", Day(2024, 1, 1))),
            (std::vector<std::string>{"1.000001/v1", "1.000002/v1"}));
}

TEST(CatalogLookup, CopiesShareTheSameData) {
  Catalog c = Fixture();
  const Procedure* p = c.ProcedureVersion("1.014393", 1);
  Catalog copy = c;
  c = Catalog();
  EXPECT_EQ(copy.ProcedureVersion("1.014393", 1), p);
  EXPECT_EQ(p->name, "Công nhận trung tâm nghiên cứu và phát triển");
  EXPECT_TRUE(c.Agencies().empty());
}

TEST(CatalogLookup, FixtureComponentsAreRead) {
  Catalog c = Fixture();
  const Procedure* p = c.ProcedureVersion("1.009374", 2);
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->components.size(), 2u);
  const Component* proxy = p->FindComponent("uy-quyen");
  ASSERT_NE(proxy, nullptr);
  EXPECT_FALSE(proxy->mandatory);
  EXPECT_EQ(proxy->form, DocumentForm::kCertifiedCopy);
  EXPECT_EQ(proxy->condition, "Nếu người nộp không phải người đứng đầu cơ quan");
  EXPECT_EQ(p->components[0].template_file, "mau-01.docx");
  EXPECT_EQ(p->processing_time.pause_policy, PausePolicy::kRestart);
  EXPECT_EQ(p->channels.size(), 3u);
  EXPECT_TRUE(p->sample);
  EXPECT_EQ(p->unverified, (std::vector<std::string>{"fees", "guidance"}));
  const Procedure* hours = c.ProcedureVersion("9.000001", 1);
  EXPECT_EQ(hours->processing_time.unit, TimeUnit::kWorkingHours);
  EXPECT_DOUBLE_EQ(hours->processing_time.amount, 40);
  EXPECT_DOUBLE_EQ(c.ProcedureVersion("1.014393", 1)->processing_time.amount, 0.5);
}

}  // namespace
}  // namespace motcua::catalog
