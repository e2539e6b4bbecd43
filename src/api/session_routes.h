// Login sessions (issue 4, "Routes" and "Safety"):
//
//   POST   /api/v1/session  {login,password}  → 201 {token, csrf_token, expires_at, user}
//                                              and Set-Cookie: the session cookie
//   GET    /api/v1/session  → who am I: the user, roles, own agency, the
//                             delegation grants in force now, and (for a
//                             session) its expiry and CSRF token
//   DELETE /api/v1/session  → 204, the session ends and the cookie expires
//
// The password is checked with argon2id on a worker; an unknown login spends
// the time of one verification too (PasswordHasher::VerifyDummy) and gets
// the same 401 body as a wrong password, so neither the answer nor its
// timing tells which logins exist. A disabled user with the right password
// gets 403 account_disabled (only someone who knows the password learns it).
// The token is random (http::NewToken) and stored hashed; a session lives
// ApiDeps::cookie.max_age_seconds (8 hours: a working day) and ends at logout.
// The login route is rate-limited per client ("login": 10 at once, then 10 a
// minute). Every login and logout is in the audit (session.create,
// session.end).
//
// The token works both as the HttpOnly cookie (browsers; writes then need
// X-CSRF-Token = csrf_token, see http/credentials.h) and as
// "Authorization: Bearer" (scripts). A page reloaded in the browser gets the
// CSRF token again from GET /api/v1/session: SameSite=Strict and the absence
// of CORS keep other sites from reading that answer.
//
// Thread-safety: see api.h.
#pragma once

#include "api/api.h"

namespace motcua::api {

Status AddSessionRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                        const ApiDeps& deps);

}  // namespace motcua::api
