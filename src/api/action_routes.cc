// POST /api/v1/dossiers/{code}/<action>: one route per life-cycle action of
// DESIGN.md section 4 and per state-keeping action of dossier/action.h
// (digitize, sign, assign_handler, rate), derived from the action table
// (command_fields.h: RoutedActions), each with its own request schema, so
// the OpenAPI document lists exactly the actions that exist and the fields
// each one takes. Questions have their own routes (question_routes.cc).
//
// Body: {"version":N, "on_behalf_of":"AGENCY CODE", …the action's fields}.
// Order of checks: body (400) → the dossier (404) → who may do it for which
// agency (403 with the rule) → the catalog (422 for an unknown component) →
// dossier::Apply (409 stale version or wrong state, 422 invalid content) →
// one store write (409 when another write got there first). Answers 200
// with the dossier as stored.
#include <limits>
#include <nlohmann/json.hpp>

#include "api/actor.h"
#include "api/command_fields.h"
#include "api/dossier_api.h"
#include "api/dossier_json.h"
#include "api/dossier_terms.h"
#include "api/dossier_writes.h"
#include "api/request_params.h"
#include "http/json_reader.h"

namespace motcua::api {
namespace {

using dossier::Action;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

// The actions whose Apply needs the procedure's terms and the calendar.
bool NeedsTerms(Action a) { return a == Action::kReceive || a == Action::kResume; }

Reply DoAction(const ApiDeps& deps, Action action, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const json body, ctx.JsonBody());
  http::ObjectReader r(body);
  dossier::Command cmd;
  cmd.action = action;
  cmd.expected_version = r.Int("version", 1, std::numeric_limits<std::int64_t>::max());
  const std::string on_behalf_of = r.OptionalString("on_behalf_of").value_or("");
  const std::optional<http::ApiError> components_error = ReadActionFields(action, r, &cmd);
  if (auto e = r.Finish()) return *e;
  if (components_error) return *components_error;
  MOTCUA_ASSIGN_OR_REPLY(const std::optional<std::string> key, IdempotencyKeyHeader(ctx));

  MOTCUA_ASSIGN_OR_REPLY(const Actor actor, LoadActor(*deps.store, ctx));
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier current,
                         deps.store->GetDossier(ctx.PathParam("code")));
  ctx.acting_for = on_behalf_of;
  MOTCUA_ASSIGN_OR_REPLY(
      const access::Decision decision,
      Authorize(actor, dossier::ToOperation(action), on_behalf_of, FactsOf(current), ctx.now));

  const auto snapshot = deps.domain->Current();
  const bool names_components =
      !cmd.components.empty() || !cmd.missing_components.empty() || !cmd.component_id.empty();
  if (names_components) {
    MOTCUA_ASSIGN_OR_REPLY(const catalog::Procedure* p, ProcedureOf(snapshot->catalog, current));
    MOTCUA_REPLY_IF_ERROR(CheckComponentIds(*p, cmd));
  }
  std::optional<dossier::ProcedureTerms> terms;
  if (NeedsTerms(action)) {
    MOTCUA_ASSIGN_OR_REPLY(terms, TermsForDossier(snapshot->catalog, current));
  }
  const dossier::DeadlineContext deadline{terms ? &*terms : nullptr, &snapshot->calendar};

  cmd.actor = actor.user.login;
  cmd.on_behalf_of = on_behalf_of;
  cmd.at = ctx.now;
  WriteOptions options;
  if (key) options.idempotency_key = ScopedIdempotencyKey(ctx, *key);
  if (decision.code == access::DecisionCode::kGrant) options.desk_grant = decision.grant_id;
  options.request_id = ctx.request_id;
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier after,
                         WriteTransition(*deps.store, current, cmd, deadline, options));
  return Reply::Text(200, http::kJsonContentType,
                     DossierJsonText(after, snapshot->catalog, ctx.now));
}

// Who does it, per DESIGN.md section 4 and access/authorize.h.
const char* WhoMay(Action a) {
  switch (a) {
    case Action::kRequestSupplement:
    case Action::kRefuse:
    case Action::kReceive:
    case Action::kTransfer:
    case Action::kReturn:
      return "The desk: the agency's own officer, or a delegated desk whose grant lists it.";
    case Action::kResubmit:
    case Action::kResume:
    case Action::kWithdraw:
      return "The applicant on their own dossier, or the desk taking in their papers.";
    case Action::kPause:
    case Action::kResolve:
      return "The agency's specialist or leader.";
    case Action::kExtend:
    case Action::kStop:
    case Action::kAssignHandler:
      return "The agency's leader.";
    case Action::kDigitize:
    case Action::kSign:
      return "The desk, or the agency's specialist or leader.";
    case Action::kRate:
      return "The applicant, once the dossier is over for them.";
    default:
      return "";
  }
}

std::string StatesText(const dossier::ActionRule& rule) {
  std::string out;
  for (dossier::State s : rule.from) {
    if (!out.empty()) out += ", ";
    out += dossier::StateName(s);
  }
  return out;
}

std::string CamelCase(std::string_view snake) {
  std::string out;
  bool upper = true;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

}  // namespace

Status AddActionRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                       const ApiDeps& deps) {
  for (Action action : RoutedActions()) {
    const std::string name = dossier::ActionName(action);
    const std::string camel = CamelCase(name);
    const dossier::ActionRule& rule = dossier::RuleFor(action);
    const std::string schema = camel + "Request";
    schemas.Add(schema, ActionRequestSchema(action));

    http::RouteDoc doc;
    doc.operation_id = "dossier" + camel;
    doc.summary = "Dossier action: " + name;
    doc.description = std::string("Allowed in: ") + StatesText(rule) +
                      "; leads to: " + (rule.to ? dossier::StateName(*rule.to) : "the same state") +
                      ". " + WhoMay(action) +
                      " A stale version or another state answers 409 and changes nothing.";
    doc.tag = "actions";
    doc.params = {{.name = "Idempotency-Key",
                   .in = "header",
                   .description = "Optional: the same key on a retry returns the first answer."}};
    doc.request_schema = schema;
    doc.response_schema = "Dossier";
    doc.errors = {404, 409};
    MOTCUA_RETURN_IF_ERROR(routes.Add(MakeRoute(
        http::Method::kPost, "/api/v1/dossiers/{code}/" + name, http::Access::kUser, std::move(doc),
        [deps, action](RequestContext& ctx) { return DoAction(deps, action, ctx); })));
  }
  return Status::Ok();
}

}  // namespace motcua::api
