#include "store/search_fold.h"

#include <gtest/gtest.h>

namespace motcua::store {
namespace {

TEST(SearchFold, ApplicantNameWithTonesFoldsToPlainLowercase) {
  EXPECT_EQ(FoldForSearch("Nguyễn Văn A"), "nguyen van a");
  EXPECT_EQ(FoldForSearch("Trần Thị Thu Hương"), "tran thi thu huong");
  EXPECT_EQ(FoldForSearch("Lê Ngọc Ánh"), "le ngoc anh");
  EXPECT_EQ(FoldForSearch("Phạm Quỳnh Như"), "pham quynh nhu");
  EXPECT_EQ(FoldForSearch("Ưng Hoàng Phúc"), "ung hoang phuc");
}

TEST(SearchFold, DWithStrokeFoldsToD) {
  // unicode61 remove_diacritics 2 keeps đ as is: the reason folding exists.
  EXPECT_EQ(FoldForSearch("Đặng Đình Đức"), "dang dinh duc");
  EXPECT_EQ(FoldForSearch("đ"), "d");
  EXPECT_EQ(FoldForSearch("Ð"), "d");  // U+00D0, typed by mistake for Đ
}

TEST(SearchFold, EveryVietnameseVowelWithEveryToneFolds) {
  const char* rows[][2] = {
      {"aàáảãạăằắẳẵặâầấẩẫậ", "aaaaaaaaaaaaaaaaaa"},
      {"AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "aaaaaaaaaaaaaaaaaa"},
      {"eèéẻẽẹêềếểễệ", "eeeeeeeeeeee"},
      {"EÈÉẺẼẸÊỀẾỂỄỆ", "eeeeeeeeeeee"},
      {"iìíỉĩịIÌÍỈĨỊ", "iiiiiiiiiiii"},
      {"oòóỏõọôồốổỗộơờớởỡợ", "oooooooooooooooooo"},
      {"OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "oooooooooooooooooo"},
      {"uùúủũụưừứửữự", "uuuuuuuuuuuu"},
      {"UÙÚỦŨỤƯỪỨỬỮỰ", "uuuuuuuuuuuu"},
      {"yỳýỷỹỵYỲÝỶỸỴ", "yyyyyyyyyyyy"},
  };
  for (const auto& row : rows) EXPECT_EQ(FoldForSearch(row[0]), row[1]) << row[0];
}

TEST(SearchFold, DecomposedInputFoldsLikePrecomposed) {
  // "Nguyễn" typed as NFD: e + circumflex (U+0302) + tilde (U+0303).
  EXPECT_EQ(FoldForSearch("Nguye\xCC\x82\xCC\x83n"), "nguyen");
}

TEST(SearchFold, DigitsAndPunctuationPassThrough) {
  EXPECT_EQ(FoldForSearch("0912 345-678"), "0912 345-678");
  EXPECT_EQ(FoldForSearch("000.00.12.H29-231116-0001"), "000.00.12.h29-231116-0001");
}

TEST(SearchFold, OtherScriptsPassThroughAndBrokenBytesBecomeSpaces) {
  EXPECT_EQ(FoldForSearch("Ω漢"), "Ω漢");
  EXPECT_EQ(FoldForSearch("a\xFF"
                          "b"),
            "a b");
  EXPECT_EQ(FoldForSearch("a\xC3"), "a ");          // truncated sequence
  EXPECT_EQ(FoldForSearch("\xC0\xAF"), "  ");       // overlong '/'
  EXPECT_EQ(FoldForSearch("\xED\xA0\x80"), "   ");  // a surrogate
}

TEST(SearchFold, SearchWordsSplitOnAnythingButLettersAndDigits) {
  EXPECT_EQ(SearchWords("  Trần-Thị  Bé, 0912345678 "),
            (std::vector<std::string>{"tran", "thi", "be", "0912345678"}));
  EXPECT_TRUE(SearchWords(" \"*() ").empty());
  EXPECT_EQ(SearchWords("NGUYỄN văn a"), SearchWords("nguyen van a"));
}

}  // namespace
}  // namespace motcua::store

namespace motcua::store {
namespace {

TEST(SearchKeys, PhoneNumbersInAnyCommonFormGiveOneKey) {
  EXPECT_EQ(PhoneSearchKey("0912345678"), "0912345678");
  EXPECT_EQ(PhoneSearchKey("+84 912 345 678"), "0912345678");
  EXPECT_EQ(PhoneSearchKey("84912345678"), "0912345678");
  EXPECT_EQ(PhoneSearchKey("0912.345.678"), "0912345678");
  EXPECT_EQ(PhoneSearchKey("(028) 3829 1234"), "02838291234");
  EXPECT_EQ(PhoneSearchKey("không có"), "");
}

TEST(SearchKeys, ANameIsIndexedByItsWordsAndItsAdjacentPairs) {
  EXPECT_EQ(SearchText("  Nguyễn   Văn-Đức "), "nguyen van duc nguyen_van van_duc");
  EXPECT_EQ(SearchText("Lan"), "lan");
  EXPECT_EQ(SearchText(""), "");
}

TEST(SearchKeys, ANameQueryAsksForTheTypedPairsOrTheOneWord) {
  EXPECT_EQ(NameQueryTerms("Nguyễn Văn A"), (std::vector<std::string>{"nguyen_van", "van_a"}));
  EXPECT_EQ(NameQueryTerms("van a"), (std::vector<std::string>{"van_a"}));
  EXPECT_EQ(NameQueryTerms(" Đặng "), (std::vector<std::string>{"dang"}));
  EXPECT_TRUE(NameQueryTerms("--").empty());
}

TEST(SearchKeys, ATextIsReadAsCodePhoneOrName) {
  EXPECT_EQ(ClassifySearch("000.00.12.H29-231116-0001"), SearchKind::kCode);
  EXPECT_EQ(ClassifySearch(" 000.00.12.H29-231116 "), SearchKind::kCode);
  EXPECT_EQ(ClassifySearch("0912345678"), SearchKind::kPhone);
  EXPECT_EQ(ClassifySearch("+84 912 345 678"), SearchKind::kPhone);
  EXPECT_EQ(ClassifySearch("0912-345-678"), SearchKind::kPhone);
  EXPECT_EQ(ClassifySearch("nguyen van a"), SearchKind::kName);
  EXPECT_EQ(ClassifySearch("Nguyễn Văn A"), SearchKind::kName);
  EXPECT_EQ(ClassifySearch("12345"), SearchKind::kName);  // too short for a phone
  EXPECT_EQ(ClassifySearch("Trần-Thị Bé"), SearchKind::kName);
}

}  // namespace
}  // namespace motcua::store
