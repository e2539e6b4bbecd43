#include "api/api.h"

#include "api/admin_routes.h"
#include "api/dossier_api.h"
#include "api/session_routes.h"

namespace motcua::api {

Status AddApiRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas, const ApiDeps& deps) {
  // Each route group adds itself here: MOTCUA_RETURN_IF_ERROR(Add…Routes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddProcedureRoutes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddDossierRoutes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddActionRoutes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddPublicRoutes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddReportRoutes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddQuestionRoutes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddSessionRoutes(routes, schemas, deps));
  MOTCUA_RETURN_IF_ERROR(AddAdminRoutes(routes, schemas, deps));
  return Status::Ok();
}

}  // namespace motcua::api
