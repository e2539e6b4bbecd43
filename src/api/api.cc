#include "api/api.h"

namespace motcua::api {

Status AddApiRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas, const ApiDeps& deps) {
  (void)routes;
  (void)schemas;
  (void)deps;
  // Each route group adds itself here: MOTCUA_RETURN_IF_ERROR(Add…Routes(routes, schemas, deps));
  return Status::Ok();
}

}  // namespace motcua::api
