// Bearer secrets: session tokens and API tokens.
//
// A token is a prefix naming its kind and 32 random bytes (libsodium
// randombytes_buf, a CSPRNG) in unpadded base64url: "mcs_" + 43 characters
// for a session, "mca_" + 43 for an API token created by an administrator for
// an integration. The prefix lets the server look in the right table and
// lets secret scanners recognize a leaked token.
//
// The store keeps only TokenHash(token), the lowercase hex SHA-256 of the
// whole token: a copy of the database does not let anyone log in. 256 random
// bits need no salt or slow hash (nobody can enumerate them), which is why a
// plain SHA-256 is right here and argon2id is kept for passwords.
//
// Pure except for the randomness; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

enum class TokenKind { kSession, kApi };

inline constexpr std::size_t kTokenRandomBytes = 32;
inline constexpr std::size_t kTokenLength = 4 + 43;  // prefix + base64url(32 bytes)

std::string NewToken(TokenKind kind);

// The kind of a well-formed token (right prefix, length and alphabet), or
// nullopt: malformed tokens are refused before any lookup.
std::optional<TokenKind> ParseTokenKind(std::string_view token);

// Lowercase hex SHA-256 of the token's bytes: what the store keeps.
std::string TokenHash(std::string_view token);

// Unpadded base64url (RFC 4648 section 5).
std::string Base64Url(const unsigned char* bytes, std::size_t n);

// Comparison in time independent of where the inputs differ (equal lengths
// compared in full; different lengths are unequal at once, lengths are not
// secret here).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace motcua::http
