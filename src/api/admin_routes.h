// Administration over HTTP (issue 4, "Administration"), all under
// /api/v1/admin and all requiring a login:
//
//   users      GET  /users, GET|PUT /users/{login}, POST /users/{login}/disable|enable
//   grants     GET  /grants?agency=&grantee=&in_force=, GET /grants/{id},
//              POST /grants, POST /grants/{id}/revoke
//   API tokens GET  /tokens?login=, POST /tokens (the token is shown once),
//              POST /tokens/{id}/revoke
//   catalog    POST /catalog/reload
//   audit      GET  /audit?before=&limit=
//
// Who may: the access decision of the domain (access::Authorize) with
// manage_users (users and API tokens), manage_grants (grants: admin and
// center_supervisor) and manage_catalog; the audit is the administrator's
// only. A refusal is 403 permission_denied naming the rule.
//
// Every state-changing request writes one audit entry (audit_trail.h) after
// its change: user.put, user.disable, user.enable, grant.create,
// grant.revoke, credential.create, credential.revoke, catalog.reload. A
// request that changes nothing (revoking what is already revoked) writes
// none. A catalog that does not load is 422 catalog_invalid with the file,
// line and column, and the catalog in use stays.
//
// Dates in grant requests: "YYYY-MM-DD" is a whole day in Vietnam time, so
// valid_from "2024-01-01" starts at 00:00 that day and valid_to "2024-12-31"
// is the last day in force (the contract's wording); an RFC 3339 date-time is
// the exact instant (valid_to exclusive).
//
// Thread-safety: see api.h.
#pragma once

#include "api/api.h"

namespace motcua::api {

Status AddAdminRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas, const ApiDeps& deps);

}  // namespace motcua::api
