// The applicant's contact fields as citizens and desk officers type them.
#include "api/submission.h"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

TEST(Dialable, PhonesAsPeopleTypeThemAreTaken) {
  for (const char* phone :
       {"0912345678", "091 234 5678", "0912.345.678", "0912-345-678", "+84912345678",
        "+84 (0) 912-345-678", "(028) 3829 1234", "123456789", "123456789012345"}) {
    EXPECT_TRUE(IsDialable(phone)) << phone;
  }
}

TEST(Dialable, LettersStrayPlusSignsAndWrongLengthsAreRefused) {
  for (const char* phone :
       {"", "abc", "abc0912345678", "0912345678x", "09123456780123456", "12345678", "0912+345678",
        "++84912345678", "0912_345_678", "0912345678\n", "０９１２３４５６７８"}) {
    EXPECT_FALSE(IsDialable(phone)) << phone;
  }
}

TEST(Email, AddressesCitizensUseAreTaken) {
  for (const char* email :
       {"nguyen.van.an@gmail.com", "an_nguyen+hoso@example.com.vn", "a@b.vn", "x-y@sub.do-main.org",
        "hoso@ubnd.quangninh.gov.vn", "ABC@EXAMPLE.COM", "thu@bưuđiện.vn"}) {
    EXPECT_TRUE(LooksLikeEmail(email)) << email;
  }
}

TEST(Email, WhatMailCannotBeSentToIsRefused) {
  for (const char* email : {"",
                            "khong-phai-email",
                            "@gmail.com",
                            "an@",
                            "an@localhost",
                            "an@@gmail.com",
                            "an@gmail..com",
                            "an@.gmail.com",
                            "an@gmail.com.",
                            "an@-gmail.com",
                            "an@gmail-.com",
                            ".an@gmail.com",
                            "an.@gmail.com",
                            "an..binh@gmail.com",
                            "an binh@gmail.com",
                            "an@gmail com",
                            "an<b>@gmail.com",
                            "\"an\"@gmail.com",
                            "an,binh@gmail.com",
                            "an@gmail.com\n",
                            "an@gm_ail.com",
                            "a@b@c.vn"}) {
    EXPECT_FALSE(LooksLikeEmail(email)) << email;
  }
  EXPECT_TRUE(LooksLikeEmail(std::string(64, 'a') + "@b.vn"));
  EXPECT_FALSE(LooksLikeEmail(std::string(65, 'a') + "@b.vn"));
}

}  // namespace
}  // namespace motcua::api
