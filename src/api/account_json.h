// The JSON of accounts and administration: users, delegation grants, API
// tokens and audit entries as the session and admin routes answer them, and
// their OpenAPI schemas (registered once, named by both route groups).
//
// Instants are RFC 3339 in Vietnam time ("2024-05-02T09:15:02+07:00"), absent
// ones are null. Nothing secret is ever rendered: no password hash, no token
// hash; an API token's secret appears only in the answer that created it.
//
// Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "access/grant.h"
#include "access/role.h"
#include "catalog/catalog.h"
#include "http/openapi.h"
#include "store/store.h"
#include "util/civil_time.h"

namespace motcua::api {

nlohmann::json InstantJson(std::optional<Instant> t);

// {"login","display_name","roles":[…],"agency":code|null,"disabled"}
nlohmann::json UserJson(const access::User& user);
// {"id","agency","agency_name"?,"grantee","scope":{"kind","codes"},"actions",
//  "valid_from","valid_to","revoked_at","tier","contract_reference","in_force"}
// `catalog` (may be null) adds the agency's name.
nlohmann::json GrantJson(const access::Grant& grant, Instant now,
                         const catalog::Catalog* catalog = nullptr);
// {"id","login","label","created_by","created_at","expires_at","revoked_at","live"}
nlohmann::json ApiTokenJson(const store::Credential& credential, Instant now);
// {"id","label","created_at","expires_at","revoked_at","live"}: a login
// session, without its token; the label is the browser's User-Agent.
nlohmann::json SessionJson(const store::Credential& credential, Instant now);
// {"id","at","actor","acting_for","request_id","action","target","detail"}
nlohmann::json AuditJson(const store::AuditEntry& entry);

// Registers "User", "Grant", "ApiToken", "LoginSession" and "AuditEntry" (the row schemas the
// route groups build on) unless "User" is registered already, so each group
// may call it.
void AddAccountSchemas(http::SchemaRegistry& schemas);

}  // namespace motcua::api
