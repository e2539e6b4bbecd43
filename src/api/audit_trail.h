// The audit of administrative writes: one AuditEntry per state-changing
// request of the session and admin routes, naming the user, the agency the
// user acted for and the request id, so that the access log line of the
// request and the audit entry can be joined (issue 4, "Safety").
//
// Written after the change it records has been stored: an audit entry never
// describes a change that did not happen. Should the audit write fail, the
// request answers with that failure (503), so a client never gets a success
// that is missing from the audit.
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
