// The audit of administrative writes: one AuditEntry per state-changing
// request of the session and admin routes, naming the user, the agency the
// user acted for and the request id, so that the access log line of the
// request and the audit entry can be joined (issue 4, "Safety").
//
// Written in the same store transaction as the change it records
// (Store::Atomically): a change is never stored without its entry, nor an
// entry without its change. Should either fail, nothing is written and the
// request answers with that failure. (catalog.reload changes no stored data:
// its entry is written once the new catalog is in use.)
//
// Thread-safe (the store is).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "http/request_context.h"
#include "store/store.h"
#include "util/status.h"

namespace motcua::api {

// REQUIRES: ctx.user is set, or `actor` names who acted (a login before it
// has a session).
Status WriteAudit(store::Store& store, const http::RequestContext& ctx, std::string action,
                  std::string target, const nlohmann::json& detail = nullptr,
                  std::string actor = "");

}  // namespace motcua::api
