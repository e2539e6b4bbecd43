#include "catalog/codes.h"

#include <gtest/gtest.h>

namespace motcua::catalog {
namespace {

TEST(UnitCode, AcceptsTheNationalShape) {
  EXPECT_TRUE(IsUnitCode("000.00.12.H29"));
  EXPECT_TRUE(IsUnitCode("000.00.00.H13"));
}

TEST(UnitCode, RejectsNearMisses) {
  EXPECT_FALSE(IsUnitCode(""));
  EXPECT_FALSE(IsUnitCode("000.00.12.H2"));    // province part too short
  EXPECT_FALSE(IsUnitCode("000.00.12.H290"));  // too long
  EXPECT_FALSE(IsUnitCode("000.00.1.H29"));    // unit part too short
  EXPECT_FALSE(IsUnitCode("000.00.12.G29"));   // ministries use G, not provinces
  EXPECT_FALSE(IsUnitCode("000-00-12-H29"));
  EXPECT_FALSE(IsUnitCode("38.98.H29"));  // a short portal code, not a unit code
  EXPECT_FALSE(IsUnitCode("000.00.1A.H29"));
}

TEST(ProcedureCode, AcceptsOneDigitDotSixDigits) {
  EXPECT_TRUE(IsProcedureCode("1.004227"));
  EXPECT_TRUE(IsProcedureCode("2.001584"));
  EXPECT_TRUE(IsProcedureCode("9.000001"));
}

TEST(ProcedureCode, RejectsPortalAndLegacyCodes) {
  EXPECT_FALSE(IsProcedureCode("1.009374.000.00.00.H13"));  // portal code with unit suffix
  EXPECT_FALSE(IsProcedureCode("1.014393.H38"));
  EXPECT_FALSE(IsProcedureCode("T-BDI-037832-TT"));
  EXPECT_FALSE(IsProcedureCode("1.00422"));
  EXPECT_FALSE(IsProcedureCode("1,004227"));
  EXPECT_FALSE(IsProcedureCode("11.04227"));
}

TEST(Slug, AcceptsLowercaseWordsWithHyphens) {
  EXPECT_TRUE(IsSlug("bao-chi"));
  EXPECT_TRUE(IsSlug("mau-01"));
  EXPECT_FALSE(IsSlug(""));
  EXPECT_FALSE(IsSlug("-bao"));
  EXPECT_FALSE(IsSlug("Bao-chi"));
  EXPECT_FALSE(IsSlug("báo-chí"));
  EXPECT_FALSE(IsSlug("bao chi"));
  EXPECT_FALSE(IsSlug(std::string(65, 'a')));
  EXPECT_TRUE(IsSlug(std::string(64, 'a')));
}

}  // namespace
}  // namespace motcua::catalog
