// The motcua API: every store-backed route of /api/v1 (sessions, procedures,
// dossiers and their actions, questions, public lookup and submission,
// reports, administration), added to a route table that http::Server serves.
//
// Each group of routes lives in its own file (session_routes.cc,
// dossier_routes.cc, …) with a function Add…Routes(routes, schemas, deps);
// AddApiRoutes adds them all. Handlers follow one path: request → parse →
// domain decision (pure) → one store call → response, and never keep state
// of their own beyond what ApiDeps names.
//
// Thread-safety: the handlers run concurrently on the server's worker pool;
// everything in ApiDeps must be thread-safe and outlive the server.
#pragma once

#include <memory>

#include "api/domain_source.h"
#include "http/cookie.h"
#include "http/openapi.h"
#include "http/password.h"
#include "http/rate_limiter.h"
#include "http/route.h"
#include "store/store.h"
#include "util/status.h"

namespace motcua::api {

struct ApiDeps {
  store::Store* store = nullptr;                 // REQUIRES: non-null
  DomainSource* domain = nullptr;                // REQUIRES: non-null
  const http::PasswordHasher* hasher = nullptr;  // REQUIRES: non-null
  // The session cookie, as the server reads it (ServerOptions::cookie); its
  // max_age_seconds is also how long a login session lives.
  http::CookieOptions cookie;
  // Wrong passwords per login (session_routes.cc), on top of the server's
  // per-address "login" limit: guesses spread over many addresses against
  // one account are slowed down too. A sign-in that succeeds gives its
  // attempt back, so only failures count.
  std::shared_ptr<http::RateLimiter> failed_logins =
      std::make_shared<http::RateLimiter>(kFailedLoginsPerAccount);

  // Ten wrong passwords in a row, then one more try a minute (OWASP
  // Authentication Cheat Sheet: throttle per account, never lock for good).
  static constexpr http::RateLimit kFailedLoginsPerAccount{.burst = 10, .per_second = 1.0 / 60};
};

// Adds every API route and the schemas they name. InvalidArgument when the
// table refuses a route (a programming error, caught by the tests).
Status AddApiRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas, const ApiDeps& deps);

}  // namespace motcua::api
