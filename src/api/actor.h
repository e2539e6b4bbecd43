// Actor: who is making a request and which delegation grants they hold, and
// the one place the API asks access::Authorize whether they may do what they
// ask (DESIGN.md section 3: "the check is done on the server for every
// request").
//
// A handler loads the Actor of an authenticated request (the user comes from
// the authenticator, the grants from the store, read fresh on every request
// so a revocation takes effect at once), then calls Authorize for the
// operation with the facts of the dossier or procedure concerned and the
// agency the request acts for. A refusal is a 403 whose `rule` is the
// decision's code (grant_expired, acting_for_mismatch, …) and whose `detail`
// is the decision's English reason. The handler sets ctx.acting_for to the
// agency it acted for, so the access log says "X, on behalf of agency A".
//
// Thread-compatible values; the functions are thread-safe when the store is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/authorize.h"
#include "access/grant.h"
#include "access/role.h"
#include "dossier/dossier.h"
#include "http/api_error.h"
#include "http/request_context.h"
#include "store/store.h"
#include "util/civil_time.h"

namespace motcua::api {

struct Actor {
  access::User user;
  // Every grant to this user, in force or not; read only for users holding
  // the desk role, the only one that acts through grants.
  std::vector<access::Grant> grants;
};

// The authenticated user of `ctx` with their grants: those the
// authenticator handed over (ctx.grants), else read from the store.
// REQUIRES: ctx.user set (a route with Access::kUser). 503/500 when the
// store fails.
http::ApiResult<Actor> LoadActor(store::Store& store, const http::RequestContext& ctx);

// The facts Authorize needs about a dossier.
access::SubjectFacts FactsOf(const dossier::Dossier& d);

// Allowed: the decision (its grant_id names the grant a desk used). Refused:
// 403 permission_denied with the rule.
http::ApiResult<access::Decision> Authorize(const Actor& actor, access::Operation op,
                                            const std::string& acting_for,
                                            const access::SubjectFacts& subject, Instant at);

// Reading a dossier (kReadDossier). With `on_behalf_of` given, the read acts
// for that agency. Without it the server picks: first as the user themselves
// (an applicant, a supervisor), then on behalf of the dossier's own agency
// (agency staff and delegated desks may read only for the dossier's agency
// anyway). The decision that allowed, or the refusal most useful to the user:
// the one on behalf of the agency for staff, the personal one for others.
// On success `acted_for` is the agency the read was made for ("" for none).
http::ApiResult<access::Decision> AuthorizeRead(const Actor& actor,
                                                const std::optional<std::string>& on_behalf_of,
                                                const access::SubjectFacts& subject, Instant at,
                                                std::string* acted_for);

// Whether the user holds a role that works for an agency (desk, specialist,
// leader, focal_point), as opposed to an applicant or the center's roles.
bool HasAgencyRole(const access::User& user);

}  // namespace motcua::api
