#include "api/audit_trail.h"

#include <utility>

namespace motcua::api {

Status WriteAudit(store::Store& store, const http::RequestContext& ctx, std::string action,
                  std::string target, const nlohmann::json& detail, std::string actor) {
  store::AuditEntry e;
  e.at = ctx.now;
  e.actor = !actor.empty() ? std::move(actor) : ctx.user ? ctx.user->login : std::string();
  e.acting_for = ctx.acting_for;
  e.request_id = ctx.request_id;
  e.action = std::move(action);
  e.target = std::move(target);
  if (!detail.is_null()) {
    e.detail = detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return store.AppendAudit(e);
}

}  // namespace motcua::api
