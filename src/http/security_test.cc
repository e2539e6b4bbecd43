// Passwords, tokens, the session cookie, credentials and CSRF.
#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "http/cookie.h"
#include "http/credentials.h"
#include "http/password.h"
#include "http/token.h"

namespace motcua::http {
namespace {

// The cheapest argon2id libsodium allows, so the round-trip tests are fast;
// the server's parameters are exercised once in PasswordsUseTheServerParameters.
PasswordParams Cheap() { return {.opslimit = 1, .memlimit = 8192 * 1024, .max_concurrent = 2}; }

TEST(Password, AUserLogsInWithTheRightPasswordOnly) {
  PasswordHasher hasher(Cheap());
  auto hash = hasher.Hash("Bưu điện 2023!");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(hasher.Verify("Bưu điện 2023!", *hash));
  EXPECT_FALSE(hasher.Verify("Buu dien 2023!", *hash));
  EXPECT_FALSE(hasher.Verify("", *hash));
}

TEST(Password, TheSamePasswordHashesDifferentlyEachTime) {
  PasswordHasher hasher(Cheap());
  EXPECT_NE(*hasher.Hash("secret-1"), *hasher.Hash("secret-1"));  // random salt
}

TEST(Password, MalformedStoredHashesAreRefusedNotCrashed) {
  PasswordHasher hasher(Cheap());
  EXPECT_FALSE(hasher.Verify("x", ""));
  EXPECT_FALSE(hasher.Verify("x", "$argon2id$v=19$m=8,t=1,p=1$garbage"));
  EXPECT_FALSE(hasher.Verify("x", "$2y$10$abcdefghijklmnopqrstuv"));  // bcrypt: not ours
  EXPECT_FALSE(hasher.Verify("x", std::string(500, 'a')));
}

TEST(Password, AbsurdPasswordsAreRefused) {
  PasswordHasher hasher(Cheap());
  EXPECT_EQ(hasher.Hash("").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(hasher.Hash(std::string(kMaxPasswordBytes + 1, 'x')).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(Password, HashesWithOlderParametersAskForARehash) {
  PasswordHasher cheap(Cheap());
  PasswordParams stronger = Cheap();
  stronger.opslimit = 2;
  PasswordHasher strong(stronger);
  const std::string old_hash = *cheap.Hash("pw");
  EXPECT_TRUE(strong.Verify("pw", old_hash));  // old hashes still verify
  EXPECT_TRUE(strong.NeedsRehash(old_hash));
  EXPECT_FALSE(cheap.NeedsRehash(old_hash));
}

TEST(Password, PasswordsUseTheServerParameters) {
  PasswordHasher hasher;  // the defaults: t=3, 64 MiB
  const auto start = std::chrono::steady_clock::now();
  auto hash = hasher.Hash("mật khẩu của cán bộ");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(hash.ok());
  EXPECT_NE(hash->find("$m=65536,t=3,p=1$"), std::string::npos) << *hash;
  EXPECT_TRUE(hasher.Verify("mật khẩu của cán bộ", *hash));
  RecordProperty("argon2id_hash_seconds", std::to_string(seconds));
  std::printf("argon2id t=3 m=64MiB: %.3f s per hash\n", seconds);
}

TEST(Token, TokensAre32RandomBytesWithAKindPrefix) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string t = NewToken(TokenKind::kSession);
    EXPECT_EQ(t.size(), kTokenLength);
    EXPECT_EQ(t.substr(0, 4), "mcs_");
    EXPECT_EQ(ParseTokenKind(t), TokenKind::kSession);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_EQ(ParseTokenKind(NewToken(TokenKind::kApi)), TokenKind::kApi);
}

TEST(Token, MalformedTokensAreRecognizedBeforeAnyLookup) {
  const std::string good = NewToken(TokenKind::kSession);
  EXPECT_FALSE(ParseTokenKind(""));
  EXPECT_FALSE(ParseTokenKind(good.substr(1)));
  EXPECT_FALSE(ParseTokenKind("xxx_" + good.substr(4)));
  std::string bad = good;
  bad[10] = '=';
  EXPECT_FALSE(ParseTokenKind(bad));
}

TEST(Token, TheStoreKeepsOnlyTheSha256) {
  // FIPS 180-2 test vector.
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string t = NewToken(TokenKind::kApi);
  EXPECT_EQ(TokenHash(t).size(), 64u);
  EXPECT_EQ(TokenHash(t).find(t), std::string::npos);
}

TEST(Token, ConstantTimeEquality) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(Cookie, TheSessionCookieIsHttpOnlyAndStrict) {
  CookieOptions options;
  const std::string c = SessionCookie("mcs_x", options);
  EXPECT_EQ(c, "motcua_session=mcs_x; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict");
  options.secure = true;
  EXPECT_EQ(
      SessionCookie("mcs_x", options),
      "__Host-motcua_session=mcs_x; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure");
  EXPECT_EQ(ExpiredSessionCookie(options),
            "__Host-motcua_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure");
}

TEST(Cookie, TheSessionIsFoundAmongOtherCookies) {
  EXPECT_EQ(FindCookie("theme=dark; motcua_session=mcs_abc; lang=vi", "motcua_session"), "mcs_abc");
  EXPECT_EQ(FindCookie("motcua_session=\"q\"", "motcua_session"), "q");
  EXPECT_FALSE(FindCookie("xmotcua_session=a", "motcua_session"));
  EXPECT_FALSE(FindCookie("", "motcua_session"));
}

TEST(Credentials, ABearerTokenWinsOverTheCookie) {
  const std::string api = NewToken(TokenKind::kApi);
  const std::string session = NewToken(TokenKind::kSession);
  auto c = ExtractCredentials("Bearer " + api, "motcua_session=" + session, "motcua_session");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->source, CredentialSource::kBearer);
  EXPECT_EQ(c->token, api);
  EXPECT_EQ(c->kind, TokenKind::kApi);
  EXPECT_TRUE(ExtractCredentials("bearer " + api, std::nullopt, "motcua_session").ok());
}

TEST(Credentials, AMalformedAuthorizationHeaderIs401) {
  EXPECT_EQ(ExtractCredentials("Basic dXNlcjpwdw==", std::nullopt, "s").error().http_status, 401);
  EXPECT_EQ(ExtractCredentials("Bearer not-a-token", std::nullopt, "s").error().http_status, 401);
}

TEST(Credentials, AnApiTokenInACookieIsIgnored) {
  auto c = ExtractCredentials(std::nullopt, "s=" + NewToken(TokenKind::kApi), "s");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->source, CredentialSource::kNone);
}

TEST(Csrf, CookieWritesNeedTheTokenGivenAtLogin) {
  const std::string session = NewToken(TokenKind::kSession);
  Credentials cookie{CredentialSource::kCookie, session, TokenKind::kSession};
  const std::string csrf = CsrfTokenFor(session);
  EXPECT_FALSE(CheckCsrf("POST", cookie, csrf).has_value());
  EXPECT_EQ(CheckCsrf("POST", cookie, std::nullopt)->rule, "csrf_token_missing");
  EXPECT_EQ(CheckCsrf("DELETE", cookie, CsrfTokenFor(NewToken(TokenKind::kSession)))->rule,
            "csrf_token_mismatch");
  EXPECT_EQ(CheckCsrf("POST", cookie, csrf.substr(1))->http_status, 403);
  // Reads need none.
  EXPECT_FALSE(CheckCsrf("GET", cookie, std::nullopt).has_value());
}

TEST(Csrf, BearerRequestsAreExempt) {
  Credentials bearer{CredentialSource::kBearer, NewToken(TokenKind::kApi), TokenKind::kApi};
  EXPECT_FALSE(CheckCsrf("POST", bearer, std::nullopt).has_value());
}

TEST(Csrf, TheCsrfTokenIsNeitherTheSessionTokenNorItsStoredHash) {
  const std::string session = NewToken(TokenKind::kSession);
  const std::string csrf = CsrfTokenFor(session);
  EXPECT_EQ(csrf, CsrfTokenFor(session));  // derived, stable
  EXPECT_NE(csrf, session);
  EXPECT_NE(csrf, TokenHash(session));
  EXPECT_EQ(csrf.find(session.substr(4)), std::string::npos);
}

}  // namespace
}  // namespace motcua::http
