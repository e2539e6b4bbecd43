#include "dossier/code.h"

#include <gtest/gtest.h>

namespace motcua::dossier {
namespace {

TEST(DossierCode, TheFirstDossierOfADayGetsSequenceOne) {
  auto code = FormatDossierCode({"000.00.12.H29", CivilDate{2023, 11, 16}, 1});
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  EXPECT_EQ(*code, "000.00.12.H29-231116-0001");
}

TEST(DossierCode, TheDateIsTheLocalDayOfSubmission) {
  // 2023-11-16T23:30:00Z is already 17 November in Vietnam (UTC+7).
  auto t = ParseDateTime("2023-11-16T23:30:00Z");
  ASSERT_TRUE(t.ok());
  auto code = MakeDossierCode("000.00.12.H29", *t, 42);
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(*code, "000.00.12.H29-231117-0042");
}

TEST(DossierCode, ParsesWhatItFormats) {
  for (int seq : {1, 9, 10, 999, 1000, 9999}) {
    DossierCode c{"000.00.12.H29", CivilDate{2024, 2, 29}, seq};
    auto text = FormatDossierCode(c);
    ASSERT_TRUE(text.ok());
    auto back = ParseDossierCode(*text);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, c);
  }
}

TEST(DossierCode, ASequenceBeyond9999IsRefused) {
  EXPECT_EQ(FormatDossierCode({"000.00.12.H29", CivilDate{2023, 1, 5}, 10000}).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(FormatDossierCode({"000.00.12.H29", CivilDate{2023, 1, 5}, 0}).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(DossierCode, MalformedCodesAreRefused) {
  for (const char* bad : {
           "",
           "000.00.12.H29",
           "000.00.12.H29-231116",
           "000.00.12.H29-231116-001",    // three-digit sequence
           "000.00.12.H29-231116-00001",  // five-digit sequence
           "000.00.12.H29-231116-0000",   // sequence 0
           "000.00.12.H29-230229-0001",   // 2023 is not a leap year
           "000.00.12.H29-231316-0001",   // month 13
           "000.00.12.H29_231116_0001",
           "000.00.12.H29-2311a6-0001",
           "-231116-0001",             // no agency
           "000..12.H29-231116-0001",  // empty segment
           ".000.00.12.H29-231116-0001",
           "000.00.12.H-29-231116-0001",  // a dash inside the agency
           "000.00.12.H29 -231116-0001",
           "000.00.12.H29-231116-0001 ",
       }) {
    EXPECT_FALSE(ParseDossierCode(bad).ok()) << bad;
  }
}

TEST(DossierCode, LeapDayAndOtherAgencyShapesParse) {
  auto c = ParseDossierCode("H29.54-240229-0007");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->agency_code, "H29.54");
  EXPECT_EQ(c->date, (CivilDate{2024, 2, 29}));
  EXPECT_EQ(c->sequence, 7);
}

}  // namespace
}  // namespace motcua::dossier
