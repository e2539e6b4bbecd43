#include "catalog/fold.h"

#include <gtest/gtest.h>

namespace motcua::catalog {
namespace {

TEST(FoldVietnamese, DropsTonesAndLowercases) {
  EXPECT_EQ(FoldVietnamese("Cấp Giấy phép"), "cap giay phep");
  EXPECT_EQ(FoldVietnamese("Thủ tục hành chính"), "thu tuc hanh chinh");
  EXPECT_EQ(FoldVietnamese("CHUYỂN TRƯỜNG"), "chuyen truong");
}

TEST(FoldVietnamese, FoldsDStrokeToD) {
  EXPECT_EQ(FoldVietnamese("Đăng ký"), "dang ky");
  EXPECT_EQ(FoldVietnamese("đăng ký"), FoldVietnamese("dang ky"));
  EXPECT_EQ(FoldVietnamese("Điều lệ quỹ"), "dieu le quy");
}

TEST(FoldVietnamese, FoldsEveryVowelWithEveryMark) {
  EXPECT_EQ(FoldVietnamese("àáảãạăằắẳẵặâầấẩẫậ"), std::string(17, 'a'));
  EXPECT_EQ(FoldVietnamese("ÈÉẺẼẸÊỀẾỂỄỆ"), std::string(11, 'e'));
  EXPECT_EQ(FoldVietnamese("ìíỉĩị"), "iiiii");
  EXPECT_EQ(FoldVietnamese("òóỏõọôồốổỗộơờớởỡợ"), std::string(17, 'o'));
  EXPECT_EQ(FoldVietnamese("ÙÚỦŨỤƯỪỨỬỮỰ"), std::string(11, 'u'));
  EXPECT_EQ(FoldVietnamese("ỳýỷỹỵ"), "yyyyy");
}

TEST(FoldVietnamese, DecomposedTextFoldsLikePrecomposed) {
  // "Cấp" written as C, a, combining circumflex (U+0302), combining acute (U+0301), p.
  EXPECT_EQ(FoldVietnamese("Ca\xCC\x82\xCC\x81p"), "cap");
  // "ở" as o, combining horn (U+031B), combining hook above (U+0309).
  EXPECT_EQ(FoldVietnamese("o\xCC\x9B\xCC\x89"), "o");
}

TEST(FoldVietnamese, KeepsOtherCharactersAndBadBytes) {
  EXPECT_EQ(FoldVietnamese("m³/ngày đêm"), "m³/ngay dem");
  EXPECT_EQ(FoldVietnamese("1.004227"), "1.004227");
  EXPECT_EQ(FoldVietnamese(std::string("a\xFF"
                                       "b")),
            std::string("a\xFF"
                        "b"));
  EXPECT_EQ(FoldVietnamese(std::string("\xE1\xBA")), std::string("\xE1\xBA"));  // truncated
  EXPECT_EQ(FoldVietnamese(""), "");
}

}  // namespace
}  // namespace motcua::catalog
