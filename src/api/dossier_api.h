// The dossier-facing route groups of /api/v1 (api.h adds them all):
//
//   procedure_routes.cc  GET /procedures, /procedures/{code}          public
//   dossier_routes.cc    POST/GET /dossiers, GET /dossiers/{code},
//                        GET /dossiers/{code}/events                  login
//   action_routes.cc     POST /dossiers/{code}/<action>, one route per
//                        life-cycle action (command_fields.h)         login
//   question_routes.cc   /dossiers/{code}/questions…                  login
//   public_routes.cc     GET /public/dossiers/{code}?phone=,
//                        POST /public/dossiers                        public
//   report_routes.cc     GET /reports                                 login
//
// Every group registers its routes once, with their documentation, and the
// schemas they name. Handlers decide authorization on the server for every
// request (actor.h) and write through dossier_writes.h.
//
// Thread-safety: see api.h.
#pragma once

#include <string>
#include <utility>

#include "api/api.h"
#include "http/openapi.h"
#include "http/route.h"
#include "util/status.h"

namespace motcua::api {

Status AddProcedureRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                          const ApiDeps& deps);
Status AddDossierRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                        const ApiDeps& deps);
Status AddActionRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                       const ApiDeps& deps);
Status AddQuestionRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                         const ApiDeps& deps);
Status AddPublicRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                       const ApiDeps& deps);
Status AddReportRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                       const ApiDeps& deps);

// A worker-run route (every route here reads the store or the catalog).
inline http::Route MakeRoute(http::Method method, std::string pattern, http::Access access,
                             http::RouteDoc doc, http::Handler handler) {
  http::Route r;
  r.method = method;
  r.pattern = std::move(pattern);
  r.access = access;
  r.doc = std::move(doc);
  r.handler = std::move(handler);
  return r;
}

}  // namespace motcua::api
