// Every kind of error in a catalog file is reported with the file, the line
// and column of the offending member, its path and what is wrong.
#include "catalog/catalog_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "catalog/test_fixture.h"

namespace motcua::catalog {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// `text` with the first `from` replaced by `to`.
std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture lacks: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// 1-based line of the `nth` (1-based) occurrence of `needle`.
int LineOf(const std::string& text, const std::string& needle, int nth = 1) {
  size_t at = std::string::npos;
  for (int i = 0; i < nth; ++i) at = text.find(needle, at == std::string::npos ? 0 : at + 1);
  EXPECT_NE(at, std::string::npos) << "no " << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
}

std::string Where(const std::string& file, int line) {
  return file + ":" + std::to_string(line) + ":";
}

std::string Error(const std::string& agencies, const std::string& procedures,
                  const std::string& science = testing::kScienceProceduresJson) {
  Result<Catalog> c = ParseCatalog({{"agencies.json", agencies},
                                    {"procedures-tttt.json", procedures},
                                    {"procedures-khcn.json", science}});
  EXPECT_FALSE(c.ok()) << "expected an error";
  if (c.ok()) return "";
  EXPECT_EQ(c.status().code(), Status::Code::kInvalidArgument);
  return c.status().message();
}

const std::string kA = testing::kAgenciesJson;
const std::string kP = testing::kProceduresJson;

TEST(CatalogFile, FixtureLoads) {
  Result<Catalog> c = ParseCatalog(testing::FixtureFiles());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->AllVersions().size(), 4u);
}

TEST(CatalogFileErrors, SyntaxErrorNamesLineAndCharacterColumn) {
  const std::string a = Replace(kA, "\"Ủy ban nhân dân tỉnh\"", "\"Ủy ban nhân dân tỉnh\",");
  const std::string msg = Error(a, kP);
  // The stray comma is only wrong once the '}' on the next line is read.
  EXPECT_THAT(msg, StartsWith("agencies.json:8:5: "));
  EXPECT_THAT(msg, HasSubstr("syntax error"));
}

TEST(CatalogFileErrors, SyntaxErrorColumnCountsVietnameseLettersOnce) {
  // The stray x is character 38 of the line; "Ủ", "â" and "ỉ" are 2 or 3 bytes
  // each in UTF-8, so its byte column would be 45.
  const std::string a = Replace(kA, "\"Ủy ban nhân dân tỉnh\"", "\"Ủy ban nhân dân tỉnh\" x");
  EXPECT_THAT(Error(a, kP), StartsWith("agencies.json:7:38: "));
}

TEST(CatalogFileErrors, UnknownFieldIsReportedAtItsKey) {
  const std::string a = Replace(kA, "\"short_name\"", "\"shortname\"");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "shortname")) + "7: "));
  EXPECT_THAT(msg, HasSubstr("agencies[1].shortname: unknown field \"shortname\""));
}

TEST(CatalogFileErrors, MissingFieldIsReportedAtItsObject) {
  const std::string a = Replace(kA, "\"name\": \"Sở Khoa học và Công nghệ\",\n", "");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg,
              StartsWith(Where("agencies.json", LineOf(a, "\"000.00.02.H99\",\n") - 1) + "5: "));
  EXPECT_THAT(msg, HasSubstr("agencies[2]: missing field \"name\""));
}

TEST(CatalogFileErrors, WrongTypeIsReportedAtTheValue) {
  const std::string p = Replace(kP, "\"version\": 2,", "\"version\": \"2\",");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg,
              StartsWith(Where("procedures-tttt.json", LineOf(p, "\"version\": \"2\"")) + "18: "));
  EXPECT_THAT(msg, HasSubstr("procedures[1].version: expected an integer, got a string"));
}

TEST(CatalogFileErrors, BadUnitCodeShape) {
  const std::string a = Replace(kA, "\"code\": \"000.00.03.H99\"", "\"code\": \"000.00.3.H99\"");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "000.00.3.H99")) + "15: "));
  EXPECT_THAT(msg, HasSubstr("agencies[3].code: bad unit code shape \"000.00.3.H99\""));
}

TEST(CatalogFileErrors, BadProcedureCodeShape) {
  const std::string p = Replace(kP, "\"9.000001\"", "\"9.00001\"");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "9.00001")) + "15: "));
  EXPECT_THAT(msg, HasSubstr("procedures[2].code: bad procedure code shape \"9.00001\""));
}

TEST(CatalogFileErrors, DuplicateAgencyCodeNamesBothPlaces) {
  const std::string a = Replace(kA, "\"code\": \"000.00.03.H99\"", "\"code\": \"000.00.02.H99\"");
  const std::string msg = Error(a, kP);
  const std::string second = Where("agencies.json", LineOf(a, "\"code\": \"000.00.02.H99\"", 2));
  const std::string first = Where("agencies.json", LineOf(a, "\"code\": \"000.00.02.H99\"", 1));
  EXPECT_THAT(msg, StartsWith(second + "15: agencies[3].code: duplicate agency code"));
  EXPECT_THAT(msg, HasSubstr("first defined at " + first + "15"));
}

TEST(CatalogFileErrors, DuplicateProcedureVersion) {
  const std::string p = Replace(kP, "\"version\": 2,", "\"version\": 1,");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "\"version\": 1,", 2))));
  EXPECT_THAT(msg, HasSubstr("procedures[1].version: duplicate version 1 of 1.009374"));
}

TEST(CatalogFileErrors, OverlappingVersions) {
  const std::string p =
      Replace(kP, "\"valid_from\": \"2021-07-01\"", "\"valid_from\": \"2021-06-30\"");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "2021-06-30", 2))));
  EXPECT_THAT(msg, HasSubstr("procedures[1].valid_from: version 2 of 1.009374 (2021-06-30..…) "
                             "overlaps version 1 (…..2021-06-30"));
}

TEST(CatalogFileErrors, ValidToBeforeValidFrom) {
  const std::string p = Replace(kP, "\"valid_from\": \"2021-07-01\",",
                                "\"valid_from\": \"2021-07-01\", \"valid_to\": \"2021-01-01\",");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[1].valid_to: valid_to 2021-01-01 is before "
                                      "valid_from 2021-07-01"));
}

TEST(CatalogFileErrors, UnknownAgencyOfAProceduresFile) {
  const std::string p =
      Replace(kP, "\"agency\": \"000.00.01.H99\"", "\"agency\": \"000.00.09.H99\"");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith("procedures-tttt.json:3:13: agency: unknown agency 000.00.09.H99"));
}

TEST(CatalogFileErrors, UnknownFieldOfAProcedure) {
  const std::string p = Replace(kP, "\"field\": \"buu-chinh\"", "\"field\": \"vien-thong\"");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "vien-thong")) + "16: "));
  EXPECT_THAT(msg,
              HasSubstr("procedures[2].field: unknown field vien-thong of agency 000.00.01.H99"));
}

TEST(CatalogFileErrors, UnknownParentAgency) {
  const std::string a =
      Replace(kA, "\"parent\": \"000.00.00.H99\"", "\"parent\": \"000.00.00.H98\"");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "H98"))));
  EXPECT_THAT(msg, HasSubstr("agencies[1].parent: unknown parent agency 000.00.00.H98"));
}

TEST(CatalogFileErrors, UnknownSuccessorOfAField) {
  const std::string a = Replace(kA, "{\"agency\": \"000.00.03.H99\", \"field\": \"bao-chi\"",
                                "{\"agency\": \"000.00.08.H99\", \"field\": \"bao-chi\"");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "000.00.08.H99")) + "34: "));
  EXPECT_THAT(msg, HasSubstr("agencies[1].fields[0].successor.agency: unknown successor agency "
                             "000.00.08.H99"));
}

TEST(CatalogFileErrors, UnknownSuccessorField) {
  const std::string a =
      Replace(kA, "\"field\": \"bao-chi\", \"from\"", "\"field\": \"bao\", \"from\"");
  EXPECT_THAT(Error(a, kP), HasSubstr("agencies[1].fields[0].successor.field: unknown successor "
                                      "field bao of agency 000.00.03.H99"));
}

TEST(CatalogFileErrors, AgencySuccessorCycle) {
  // Science and Technology ends in 2026 and hands back to Information and
  // Communications, which handed over to it in 2025.
  const std::string a = Replace(kA, "\"name\": \"Sở Khoa học và Công nghệ\",",
                                "\"name\": \"Sở Khoa học và Công nghệ\", \"valid_to\": "
                                "\"2026-12-31\", \"successor\": {\"agency\": \"000.00.01.H99\", "
                                "\"from\": \"2027-01-01\"},");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "\"successor\"")) + "20: "));
  EXPECT_THAT(msg, HasSubstr("agencies[1].successor: successor cycle"));
}

TEST(CatalogFileErrors, FieldAndMergerSuccessorsThatLoop) {
  // A's field f moves to B in 2025; B merges back into A in 2026: from 2026
  // the work of A/f would go round A -> B -> A forever.
  const std::string agencies = R"({
  "kind": "agencies",
  "agencies": [
    {"code": "000.00.01.H99", "name": "Sở A",
     "fields": [
       {"code": "f", "name": "F",
        "successor": {"agency": "000.00.02.H99", "field": "f", "from": "2025-01-01"}}
     ]},
    {"code": "000.00.02.H99", "name": "Sở B", "valid_to": "2025-12-31",
     "successor": {"agency": "000.00.01.H99", "from": "2026-01-01"},
     "fields": [{"code": "f", "name": "F"}]}
  ]
})";
  Result<Catalog> c = ParseCatalog({{"agencies.json", agencies}});
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(),
              StartsWith("agencies.json:7:22: agencies[0].fields[0].successor: "
                         "successor cycle on 2026-01-01"));
}

TEST(CatalogFileErrors, SuccessorNotYetInForce) {
  const std::string a =
      Replace(kA, "\"name\": \"Sở Khoa học và Công nghệ\",",
              "\"name\": \"Sở Khoa học và Công nghệ\", \"valid_from\": \"2025-06-01\",");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, HasSubstr("agencies[1].successor.from: successor 000.00.02.H99 is not in force "
                             "on 2025-03-01"));
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "\"from\": \"2025-03-01\""))));
}

TEST(CatalogFileErrors, SuccessorBeforeTheAgencyEnds) {
  const std::string a = Replace(kA, "\"valid_to\": \"2025-02-28\"", "\"valid_to\": \"2025-03-01\"");
  EXPECT_THAT(Error(a, kP), HasSubstr("agencies[1].successor.from: successor takes over on "
                                      "2025-03-01, not after valid_to 2025-03-01"));
}

TEST(CatalogFileErrors, MergedAgencyFieldWithoutAHome) {
  // Science and Technology no longer declares the postal field that
  // Information and Communications hands over to it.
  const std::string a = Replace(kA,
                                ",\n        {\"code\": \"buu-chinh\", \"name\": \"Bưu chính\"}\n   "
                                "   ]\n    },\n    {\n      \"code\": \"000.00.03.H99\"",
                                "\n      ]\n    },\n    {\n      \"code\": \"000.00.03.H99\"");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "\"buu-chinh\"")) + "9: "));
  EXPECT_THAT(msg, HasSubstr("agencies[1].fields[1]: field buu-chinh has no home when "
                             "000.00.02.H99 takes over 000.00.01.H99 on 2025-03-01"));
}

TEST(CatalogFileErrors, NonPositiveProcessingTime) {
  std::string p = Replace(kP, "\"days\": 20", "\"days\": 0");
  std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "\"days\": 0")) + "35: "));
  EXPECT_THAT(msg, HasSubstr("procedures[1].processing_time.days: processing time must be "
                             "positive, got 0"));
  p = Replace(kP, "\"hours\": 40", "\"hours\": -1.5");
  msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "-1.5"))));
  EXPECT_THAT(msg,
              HasSubstr("procedures[2].processing_time.hours: processing time must be positive, "
                        "got -1.5"));
}

TEST(CatalogFileErrors, ProcessingTimeNeedsExactlyOneUnit) {
  const std::string p = Replace(kP, "{\"days\": 20,", "{\"days\": 20, \"hours\": 3,");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[1].processing_time: give exactly one of \"days\" "
                                      "and \"hours\""));
  const std::string q = Replace(kP, "\"pause\": \"pause\"", "\"pause\": \"stop\"");
  EXPECT_THAT(Error(kA, q), HasSubstr("procedures[2].processing_time.pause: unknown pause policy "
                                      "\"stop\""));
}

TEST(CatalogFileErrors, ComponentWithoutName) {
  const std::string p = Replace(kP, "\"name\": \"Đơn đề nghị\", \"form\": \"electronic\"",
                                "\"name\": \"\", \"form\": \"electronic\"");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "\"name\": \"\"")) + "31: "));
  EXPECT_THAT(msg, HasSubstr("procedures[2].components[0].name: component without name"));
}

TEST(CatalogFileErrors, ProcedureWithoutComponents) {
  const std::string p =
      Replace(kP,
              "[\n        {\"id\": \"don\", \"name\": \"Đơn đề nghị\", \"form\": \"electronic\", "
              "\"mandatory\": true}\n      ]",
              "[]");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[2].components: procedure without components"));
}

TEST(CatalogFileErrors, ConditionalComponentNeedsItsCondition) {
  const std::string p = Replace(kP,
                                "\"mandatory\": false,\n         \"condition\": \"Nếu người nộp "
                                "không phải người đứng đầu cơ quan\"",
                                "\"mandatory\": false");
  const std::string msg = Error(kA, p);
  EXPECT_THAT(msg, StartsWith(Where("procedures-tttt.json", LineOf(p, "uy-quyen")) + "9: "));
  EXPECT_THAT(msg, HasSubstr("procedures[1].components[1]: conditional component uy-quyen without "
                             "a condition"));
}

TEST(CatalogFileErrors, MandatoryComponentWithACondition) {
  const std::string p = Replace(kP, "\"mandatory\": false,", "\"mandatory\": true,");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[1].components[1].condition: mandatory component "
                                      "uy-quyen with a condition"));
}

TEST(CatalogFileErrors, DuplicateComponentId) {
  const std::string p = Replace(kP, "\"id\": \"uy-quyen\"", "\"id\": \"to-khai\"");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[1].components[1].id: duplicate component id "
                                      "to-khai"));
}

TEST(CatalogFileErrors, UnknownFormChannelAndKind) {
  EXPECT_THAT(Error(kA, Replace(kP, "\"form\": \"electronic\"", "\"form\": \"scan\"")),
              HasSubstr("procedures[2].components[0].form: unknown form \"scan\""));
  EXPECT_THAT(Error(kA, Replace(kP, "[\"online\"]", "[\"email\"]")),
              HasSubstr("procedures[2].channels[0]: unknown channel \"email\""));
  EXPECT_THAT(Error(kA, Replace(kP, "[\"online\"]", "[\"online\", \"online\"]")),
              HasSubstr("procedures[2].channels[1]: duplicate channel online"));
  EXPECT_THAT(Error(kA, Replace(kP, "\"kind\": \"procedures\"", "\"kind\": \"procedure\"")),
              StartsWith("procedures-tttt.json:2:11: kind: unknown kind \"procedure\""));
}

TEST(CatalogFileErrors, BadDate) {
  const std::string a = Replace(kA, "\"2025-02-28\"", "\"2025-02-30\"");
  const std::string msg = Error(a, kP);
  EXPECT_THAT(msg, StartsWith(Where("agencies.json", LineOf(a, "2025-02-30")) + "19: "));
  EXPECT_THAT(msg, HasSubstr("agencies[1].valid_to: bad date '2025-02-30'"));
}

TEST(CatalogFileErrors, SampleFlagMustAgreeWithUnverifiedParts) {
  std::string p = Replace(kP, "\"sample\": true,", "\"sample\": false,");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[1].sample: \"unverified\" names a legal part, so "
                                      "\"sample\" must be true"));
  p = Replace(kP, "[\"fees\", \"guidance\"]", "[\"guidance\"]");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[1].sample: sample procedure without an "
                                      "unverified legal part"));
  p = Replace(kP, "[\"fees\", \"guidance\"]", "[\"fees\", \"colour\"]");
  EXPECT_THAT(Error(kA, p), HasSubstr("procedures[1].unverified[1]: unknown part \"colour\""));
}

TEST(CatalogFileErrors, NegativeFeeAndZeroCount) {
  EXPECT_THAT(Error(kA, Replace(kP, "\"amount\": 0", "\"amount\": -5")),
              HasSubstr("procedures[1].fees[0].amount: fee must not be negative"));
  EXPECT_THAT(Error(kA, Replace(kP, "\"count\": 1,", "\"count\": 0,")),
              HasSubstr("procedures[1].components[0].count: count must be 1 or more, got 0"));
}

TEST(CatalogFileErrors, TopLevelMustBeAnObjectWithAKind) {
  Result<Catalog> c = ParseCatalog({{"x.json", "[1, 2]"}});
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(), StartsWith("x.json:1:1: (top level): expected an object"));
  c = ParseCatalog({{"y.json", "{\n  \"agencies\": []\n}"}});
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(), StartsWith("y.json:1:1: (top level): missing field \"kind\""));
}

}  // namespace
}  // namespace motcua::catalog
