// The shipped default catalog (data/catalog) loads and meets the promises of
// docs/catalog-format.md; folder errors name the file and line.
#include "datafiles/catalog_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "catalog/codes.h"

namespace motcua::datafiles {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

DayNumber Day(int y, int m, int d) { return DaysFromCivil({y, m, d}); }

// The six pilot departments of 2023 (DESIGN.md section 1), by illustrative code.
const std::map<std::string, std::string> kPilotAgencies = {
    {"000.00.12.H29", "Sở Thông tin và Truyền thông"},
    {"000.00.02.H29", "Sở Nội vụ"},
    {"000.00.05.H29", "Sở Văn hóa, Thể thao và Du lịch"},
    {"000.00.07.H29", "Sở Khoa học và Công nghệ"},
    {"000.00.06.H29", "Sở Giáo dục và Đào tạo"},
    {"000.00.10.H29", "Sở Tài nguyên và Môi trường"},
};

catalog::Catalog Shipped() {
  Result<catalog::Catalog> c = LoadCatalog(MOTCUA_DATA_DIR);
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? *c : catalog::Catalog();
}

TEST(ShippedCatalog, HasTheSixPilotAgenciesInForceIn2023) {
  catalog::Catalog c = Shipped();
  for (const auto& [code, name] : kPilotAgencies) {
    const catalog::Agency* a = c.FindAgency(code);
    ASSERT_NE(a, nullptr) << code;
    EXPECT_EQ(a->name, name);
    EXPECT_TRUE(a->InForceAt(Day(2023, 1, 1))) << name;
    EXPECT_TRUE(a->InForceAt(Day(2023, 12, 31))) << name;
  }
}

TEST(ShippedCatalog, EveryPilotAgencyHasAtLeastFiveProcedures) {
  catalog::Catalog c = Shipped();
  std::map<std::string, int> published;
  for (const catalog::Procedure& p : c.AllVersions()) ++published[p.agency];
  for (const auto& [code, name] : kPilotAgencies) {
    EXPECT_GE(published[code], 5) << name;
  }
}

TEST(ShippedCatalog, EveryProcedureIsCompleteAndWellFormed) {
  catalog::Catalog c = Shipped();
  std::set<std::pair<std::string, int>> seen;
  for (const catalog::Procedure& p : c.AllVersions()) {
    SCOPED_TRACE(p.code);
    EXPECT_TRUE(catalog::IsProcedureCode(p.code));
    EXPECT_TRUE(seen.insert({p.code, p.version}).second) << "duplicate";
    EXPECT_FALSE(p.components.empty());
    EXPECT_FALSE(p.guidance.empty());
    EXPECT_FALSE(p.common_mistakes.empty());
    EXPECT_FALSE(p.source.empty());
    EXPECT_GT(p.processing_time.amount, 0);
    // A placeholder code (9.xxxxxx) must be flagged as unverified.
    if (p.code[0] == '9') {
      EXPECT_TRUE(p.sample);
      EXPECT_THAT(p.unverified, ::testing::Contains("code"));
    }
    // Invented editorial text is flagged (docs/catalog-format.md).
    EXPECT_THAT(p.unverified, ::testing::Contains("guidance"));
  }
  std::set<std::string> agency_codes;
  for (const catalog::Agency& a : c.Agencies()) {
    EXPECT_TRUE(catalog::IsUnitCode(a.code)) << a.code;
    EXPECT_TRUE(agency_codes.insert(a.code).second) << a.code;
    EXPECT_TRUE(a.sample) << a.code << ": unit codes are illustrative";
  }
}

TEST(ShippedCatalog, DepartmentsReorganizedOnFirstMarch2025) {
  catalog::Catalog c = Shipped();
  const DayNumber before = Day(2025, 2, 28);
  const DayNumber after = Day(2025, 3, 1);
  // Information and Communications -> Science and Technology.
  EXPECT_EQ(c.SuccessorAt("000.00.12.H29", before)->code, "000.00.12.H29");
  EXPECT_EQ(c.SuccessorAt("000.00.12.H29", after)->code, "000.00.07.H29");
  // ... except the press and publishing fields -> Culture, Sports and Tourism.
  EXPECT_EQ(c.ResponsibleAt("000.00.12.H29", "bao-chi", after).agency->code, "000.00.05.H29");
  EXPECT_EQ(c.ResponsibleAt("000.00.12.H29", "xuat-ban", after).agency->code, "000.00.05.H29");
  EXPECT_EQ(c.ResponsibleAt("000.00.12.H29", "buu-chinh", after).agency->code, "000.00.07.H29");
  // Natural Resources and Environment -> Agriculture and Environment.
  const catalog::Agency* agri = c.SuccessorAt("000.00.10.H29", after);
  ASSERT_NE(agri, nullptr);
  EXPECT_EQ(agri->name, "Sở Nông nghiệp và Môi trường");
  EXPECT_FALSE(agri->InForceAt(before));

  // The press licence is handled by Culture from then on.
  const catalog::Procedure* press = c.ProcedureAt("1.009374", after);
  ASSERT_NE(press, nullptr);
  EXPECT_EQ(c.ResponsibleFor(*press, after).agency->code, "000.00.05.H29");
  EXPECT_EQ(c.ResponsibleFor(*press, before).agency->code, "000.00.12.H29");
  EXPECT_TRUE(c.ProceduresHandledBy("000.00.12.H29", after).empty());
  EXPECT_GE(c.ProceduresHandledBy("000.00.21.H29", after).size(), 5u);
  EXPECT_TRUE(c.ProceduresHandledBy("000.00.10.H29", after).empty());
}

TEST(ShippedCatalog, SearchWithoutDiacritics) {
  catalog::Catalog c = Shipped();
  auto hits = c.Search("chuyen truong", Day(2024, 9, 1));
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front()->code, "2.002478");
  EXPECT_EQ(hits.front()->processing_time.unit, catalog::TimeUnit::kWorkingHours);
  EXPECT_FALSE(c.Search("giay phep xuat ban ban tin", Day(2024, 9, 1)).empty());
}

class CatalogFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua_catalog_files_test_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "catalog");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "catalog" / name) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(CatalogFolder, MissingFolderIsNotFound) {
  Result<catalog::Catalog> c = LoadCatalog((dir_ / "nowhere").string());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kNotFound);
}

TEST_F(CatalogFolder, EmptyFolderIsNotFound) {
  Write("readme.txt", "not json");
  Result<catalog::Catalog> c = LoadCatalog(dir_.string());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kNotFound);
  EXPECT_THAT(c.status().message(), HasSubstr("no catalog files"));
}

TEST_F(CatalogFolder, ErrorNamesThePathAndLine) {
  Write("a.json", "{\"kind\": \"agencies\", \"agencies\": []}");
  Write("b.json",
        "{\n  \"kind\": \"agencies\",\n  \"agencies\": [{\"code\": \"x\", \"name\": \"Sở\"}]\n}");
  Result<catalog::Catalog> c = LoadCatalog(dir_.string());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(c.status().message(),
              StartsWith((dir_ / "catalog" / "b.json").string() + ":3:25: agencies[0].code: bad "
                                                                  "unit code shape"));
}

TEST_F(CatalogFolder, FilesAreReadInNameOrderAndNonJsonIgnored) {
  // The procedures file comes before the agencies file it needs: references
  // are resolved after every file is read, so order does not matter.
  Write("0-procedures.json", R"({"kind": "procedures", "agency": "000.00.01.H99", "procedures": [
    {"code": "1.000001", "version": 1, "name": "Thủ tục", "field": "f",
     "processing_time": {"days": 1, "pause": "pause"}, "fees": [], "result": "Kết quả",
     "channels": ["counter"], "components": [{"id": "don", "name": "Đơn", "form": "original",
     "mandatory": true}]}]})");
  Write("1-agencies.json", R"({"kind": "agencies", "agencies": [
    {"code": "000.00.01.H99", "name": "Sở A", "fields": [{"code": "f", "name": "F"}]}]})");
  Write("notes.md", "# not a catalog file");
  Result<catalog::Catalog> c = LoadCatalog(dir_.string());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_NE(c->ProcedureVersion("1.000001", 1), nullptr);
}

}  // namespace
}  // namespace motcua::datafiles
