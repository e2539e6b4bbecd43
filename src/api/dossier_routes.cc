// The dossiers themselves: submit (POST /dossiers), read one (GET
// /dossiers/{code}), list and search (GET /dossiers), and read the event
// history (GET /dossiers/{code}/events). Login required; every request is
// authorized on the server (actor.h).
//
// Submission by a logged-in user takes two forms:
//  - an applicant submits online for themselves: no on_behalf_of, channel
//    online (the default), the dossier is linked to their account;
//  - a desk officer enters a walk-in (counter) or posted (postal) dossier:
//    on_behalf_of names the agency that handles the procedure; the
//    applicant has no account link. An officer never enters "online".
// A citizen without an account submits through POST /public/dossiers.
//
// Lists (GET /dossiers) are newest first with a keyset cursor. Who sees
// what: an applicant (without a staff role) lists their own dossiers; a
// center supervisor any agency's, or all; agency staff and delegated desks
// the dossiers of the agency they act for (`agency`, defaulting to their
// own). A desk whose grant covers only some fields or procedures of the
// agency gets the rows its grant covers: a page may then hold fewer rows
// than `limit` while next_cursor still leads on. With q the store's search
// answers (code, phone or name words, diacritics optional), newest first,
// at most `limit`, without a cursor.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/actor.h"
#include "api/dossier_api.h"
#include "api/dossier_json.h"
#include "api/dossier_terms.h"
#include "api/dossier_writes.h"
#include "api/request_params.h"
#include "api/submission.h"
#include "http/json_reader.h"
#include "import/replay.h"

namespace motcua::api {
namespace {

using http::ApiError;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

Reply SubmitDossier(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const json body, ctx.JsonBody());
  http::ObjectReader r(body);
  MOTCUA_ASSIGN_OR_REPLY(SubmissionInput input, ReadSubmission(r, /*staff_fields=*/true));
  MOTCUA_ASSIGN_OR_REPLY(const std::optional<std::string> key, IdempotencyKeyHeader(ctx));
  MOTCUA_ASSIGN_OR_REPLY(const Actor actor, LoadActor(*deps.store, ctx));
  const auto snapshot = deps.domain->Current();

  const bool desk = !input.on_behalf_of.empty();
  const dossier::Channel channel =
      input.channel.value_or(desk ? dossier::Channel::kCounter : dossier::Channel::kOnline);
  if (desk && channel == dossier::Channel::kOnline) {
    return ApiError::Unprocessable(
        "invalid_value",
        "Hồ sơ trực tuyến do người nộp tự nộp; cán bộ một cửa nhập hồ sơ nộp "
        "trực tiếp (counter) hoặc qua bưu chính (postal).");
  }
  if (!desk && channel != dossier::Channel::kOnline) {
    return ApiError::Unprocessable(
        "invalid_value",
        "Người nộp tự nộp hồ sơ trực tuyến; hồ sơ nộp trực tiếp hay qua bưu chính do cán bộ một "
        "cửa nhập, với on_behalf_of.");
  }
  MOTCUA_ASSIGN_OR_REPLY(const PreparedSubmission prepared,
                         PrepareSubmission(snapshot->catalog, input, channel, ctx.now));
  dossier::Command cmd = prepared.command;
  cmd.actor = actor.user.login;
  cmd.on_behalf_of = input.on_behalf_of;
  if (!desk) cmd.applicant.login = actor.user.login;
  ctx.acting_for = input.on_behalf_of;

  access::SubjectFacts subject;
  subject.agency_code = prepared.terms.agency_code;
  subject.field_code = prepared.terms.field_code;
  subject.procedure_code = prepared.terms.code;
  subject.applicant_login = cmd.applicant.login;
  MOTCUA_ASSIGN_OR_REPLY(
      const access::Decision decision,
      Authorize(actor, access::Operation::kSubmit, input.on_behalf_of, subject, ctx.now));

  WriteOptions options;
  if (key) options.idempotency_key = ScopedIdempotencyKey(ctx, *key);
  if (decision.code == access::DecisionCode::kGrant) options.desk_grant = decision.grant_id;
  options.request_id = ctx.request_id;
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier d,
                         WriteSubmission(*deps.store, prepared.terms, cmd, options));
  return Reply::Text(201, http::kJsonContentType, DossierJsonText(d, snapshot->catalog, ctx.now))
      .WithHeader("Location", "/api/v1/dossiers/" + d.code);
}

// Loads the dossier of the path and authorizes reading it.
http::ApiResult<dossier::Dossier> ReadableDossier(const ApiDeps& deps, RequestContext& ctx) {
  const http::ApiResult<Actor> actor = LoadActor(*deps.store, ctx);
  if (!actor.ok()) return actor.error();
  Result<dossier::Dossier> d = deps.store->GetDossier(ctx.PathParam("code"));
  if (!d.ok()) return ApiError::FromStatus(d.status());
  std::string acted_for;
  const auto decision =
      AuthorizeRead(*actor, OptionalQuery(ctx, "on_behalf_of"), FactsOf(*d), ctx.now, &acted_for);
  if (!decision.ok()) return decision.error();
  ctx.acting_for = acted_for;
  return std::move(d).value();
}

Reply GetDossier(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier d, ReadableDossier(deps, ctx));
  return Reply::Text(200, http::kJsonContentType,
                     DossierJsonText(d, deps.domain->Current()->catalog, ctx.now));
}

Reply ListEvents(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier d, ReadableDossier(deps, ctx));
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<store::RecordedEvent> events,
                         deps.store->ListEventsWithRequestIds(d.code));
  json out = json::array();
  for (const store::RecordedEvent& r : events) out.push_back(EventJson(r));
  return Reply::Json(200, {{"code", d.code}, {"events", std::move(out)}});
}

// Which dossiers a list may show, decided once per request.
struct ListScope {
  std::optional<std::string> agency;           // filter on it
  std::optional<std::string> applicant_login;  // an applicant's own dossiers
  // Set when the grant covers only part of the agency: rows are checked one by one.
  bool per_row = false;
  std::string acting_for;
};

bool IsApplicantOnly(const access::User& u) {
  return u.HasRole(access::Role::kApplicant) && !HasAgencyRole(u) &&
         !u.HasRole(access::Role::kCenterSupervisor);
}

http::ApiResult<ListScope> DecideScope(const Actor& actor, RequestContext& ctx) {
  ListScope scope;
  scope.agency = OptionalQuery(ctx, "agency");
  const access::User& u = actor.user;
  if (IsApplicantOnly(u)) {
    scope.applicant_login = u.login;
    return scope;
  }
  if (!scope.agency && u.HasRole(access::Role::kCenterSupervisor)) return scope;  // all agencies
  if (!scope.agency && !u.agency_code.empty()) scope.agency = u.agency_code;
  if (!scope.agency) {
    return ApiError::BadRequest("missing_parameter",
                                "Cần tham số \"agency\": cơ quan mà bạn làm việc thay mặt.");
  }
  access::SubjectFacts subject;
  subject.agency_code = *scope.agency;
  std::string acted_for;
  auto decision =
      AuthorizeRead(actor, OptionalQuery(ctx, "on_behalf_of"), subject, ctx.now, &acted_for);
  if (decision.ok()) {
    scope.acting_for = acted_for;
    return scope;
  }
  // A grant in force whose scope is some fields or procedures: the agency as
  // a whole is out of its scope, but some of its dossiers are in.
  if (decision.error().rule == "grant_out_of_scope_field" ||
      decision.error().rule == "grant_out_of_scope_procedure") {
    scope.per_row = true;
    scope.acting_for = *scope.agency;
    return scope;
  }
  return std::move(decision).error();
}

// Whether a row passes a per-row scope (see ListScope).
bool RowReadable(const Actor& actor, const ListScope& scope, const catalog::Catalog& catalog,
                 const store::DossierSummary& row, Instant now) {
  if (!scope.per_row) return true;
  access::SubjectFacts subject;
  subject.agency_code = row.agency_code;
  subject.procedure_code = row.procedure_code;
  const DayNumber day = LocalDayOf(row.submitted_at);
  if (const catalog::Procedure* p = catalog.ProcedureAt(row.procedure_code, day)) {
    if (auto terms = import::TermsFor(catalog, *p, day); terms.ok()) {
      subject.field_code = terms->field_code;
    }
  }
  return Authorize(actor, access::Operation::kReadDossier, scope.acting_for, subject, now).ok();
}

Reply ListDossiers(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const std::int64_t limit, IntQuery(ctx, "limit", 50, 1, 200));
  MOTCUA_ASSIGN_OR_REPLY(const bool overdue, BoolQuery(ctx, "overdue", false));
  std::vector<dossier::State> states;
  if (const auto text = OptionalQuery(ctx, "state")) {
    MOTCUA_ASSIGN_OR_REPLY(const dossier::State s, dossier::ParseState(*text));
    states.push_back(s);
  }
  const std::optional<std::string> q = OptionalQuery(ctx, "q");
  const std::optional<std::string> cursor = OptionalQuery(ctx, "cursor");
  if (q && cursor) {
    return ApiError::BadRequest("malformed_query",
                                "Tìm kiếm (q) trả về một trang duy nhất, không dùng cursor.");
  }
  MOTCUA_ASSIGN_OR_REPLY(const Actor actor, LoadActor(*deps.store, ctx));
  MOTCUA_ASSIGN_OR_REPLY(const ListScope scope, DecideScope(actor, ctx));
  ctx.acting_for = scope.acting_for;
  const auto snapshot = deps.domain->Current();

  // Overdue: open after receipt with the classifying due time passed (the
  // same rule as the motcua_dossiers_open_overdue gauge).
  if (overdue) {
    std::vector<dossier::State> open;
    for (dossier::State s : dossier::AllStates()) {
      const bool wanted =
          states.empty() || std::find(states.begin(), states.end(), s) != states.end();
      if (dossier::IsOpenAfterReceipt(s) && wanted) open.push_back(s);
    }
    if (open.empty())
      return Reply::Json(200, {{"dossiers", json::array()}, {"next_cursor", nullptr}});
    states = std::move(open);
  }
  const auto keep = [&](const store::DossierSummary& row) {
    if (!states.empty() && std::find(states.begin(), states.end(), row.state) == states.end()) {
      return false;
    }
    if (overdue && !(row.due_at && *row.due_at < ctx.now)) return false;
    return RowReadable(actor, scope, snapshot->catalog, row, ctx.now);
  };

  json rows = json::array();
  if (q) {
    if (scope.applicant_login) {
      return ApiError::Unprocessable("invalid_value",
                                     "Người nộp xem danh sách hồ sơ của mình, không dùng q.");
    }
    store::SearchQuery query;
    query.text = *q;
    query.limit = static_cast<int>(limit);
    if (scope.agency) query.agency_codes.push_back(*scope.agency);
    MOTCUA_ASSIGN_OR_REPLY(const auto found, deps.store->SearchDossiers(query));
    for (const store::DossierSummary& row : found) {
      if (keep(row)) rows.push_back(SummaryJson(row));
    }
    return Reply::Json(200, {{"dossiers", std::move(rows)}, {"next_cursor", nullptr}});
  }
  store::DossierFilter filter;
  filter.agency_code = scope.agency;
  filter.applicant_login = scope.applicant_login;
  filter.states = states;
  if (overdue) filter.due_before = ctx.now;
  MOTCUA_ASSIGN_OR_REPLY(
      const store::DossierPage page,
      deps.store->ListDossiers(filter, cursor.value_or(""), static_cast<int>(limit)));
  for (const store::DossierSummary& row : page.dossiers) {
    if (keep(row)) rows.push_back(SummaryJson(row));
  }
  return Reply::Json(
      200, {{"dossiers", std::move(rows)},
            {"next_cursor", page.next_cursor.empty() ? json(nullptr) : json(page.next_cursor)}});
}

}  // namespace

Status AddDossierRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                        const ApiDeps& deps) {
  AddDossierSchemas(schemas);
  AddSubmissionSchemas(schemas);
  const http::ParamDoc on_behalf_of{
      .name = "on_behalf_of",
      .description =
          "The agency the read acts for; by default the server tries the user "
          "themselves, then the dossier's own agency."};

  http::RouteDoc submit;
  submit.operation_id = "submitDossier";
  submit.summary = "Submit a dossier (applicant online, or desk walk-in)";
  submit.description =
      "An applicant submits online for themselves (no on_behalf_of). A desk officer enters a "
      "walk-in or posted dossier with on_behalf_of = the agency that handles the procedure, "
      "as its own officer or through a delegation grant listing receive. The procedure "
      "version in force today applies. A retry with the same Idempotency-Key returns the "
      "first answer and creates nothing.";
  submit.tag = "dossiers";
  submit.params = {{.name = "Idempotency-Key",
                    .in = "header",
                    .description = "A fresh random key per intended submission (1..128 "
                                   "printable ASCII), the same on each retry."}};
  submit.request_schema = "SubmitDossierRequest";
  submit.success_status = 201;
  submit.response_schema = "Dossier";
  submit.errors = {404, 409};
  MOTCUA_RETURN_IF_ERROR(routes.Add(
      MakeRoute(http::Method::kPost, "/api/v1/dossiers", http::Access::kUser, std::move(submit),
                [deps](RequestContext& ctx) { return SubmitDossier(deps, ctx); })));

  http::RouteDoc list;
  list.operation_id = "listDossiers";
  list.summary = "List or search dossiers, newest first";
  list.description =
      "Applicants see their own dossiers; center supervisors any agency's; agency staff and "
      "delegated desks those of the agency they act for (agency, by default their own). A desk "
      "whose grant covers only some fields or procedures sees those rows only, so a page may "
      "be shorter than limit while next_cursor leads on. overdue=true keeps dossiers open "
      "after receipt (received, in_progress, paused) whose classifying due time has passed; "
      "false does not filter. q searches codes, phone numbers and applicant names "
      "(diacritics optional) and answers one page without a cursor.";
  list.tag = "dossiers";
  list.params = {
      {.name = "state", .description = "One state name (submitted, received, …)."},
      {.name = "agency", .description = "Agency unit code."},
      {.name = "q", .description = "Code or its prefix, phone, or name words."},
      {.name = "overdue", .type = "boolean", .description = "true: overdue open dossiers only."},
      {.name = "cursor", .description = "next_cursor of the previous page."},
      {.name = "limit", .type = "integer", .description = "1..200, default 50."},
      on_behalf_of};
  list.response_schema = "DossierPage";
  list.errors = {422};
  MOTCUA_RETURN_IF_ERROR(routes.Add(
      MakeRoute(http::Method::kGet, "/api/v1/dossiers", http::Access::kUser, std::move(list),
                [deps](RequestContext& ctx) { return ListDossiers(deps, ctx); })));

  http::RouteDoc get;
  get.operation_id = "getDossier";
  get.summary = "One dossier, with its deadlines and the actions its state allows";
  get.tag = "dossiers";
  get.params = {on_behalf_of};
  get.response_schema = "Dossier";
  get.errors = {404};
  http::Route get_route =
      MakeRoute(http::Method::kGet, "/api/v1/dossiers/{code}", http::Access::kUser, std::move(get),
                [deps](RequestContext& ctx) { return GetDossier(deps, ctx); });
  // A dossier read again while nothing was committed comes from the store's
  // memory (store/sqlite/stamped_cache.h): answered on the I/O thread.
  get_route.execution = http::Execution::kMemoryFirst;
  MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(get_route)));

  http::RouteDoc events;
  events.operation_id = "listDossierEvents";
  events.summary = "A dossier's events, hash-chained, oldest first";
  events.tag = "dossiers";
  events.params = {on_behalf_of};
  events.response_schema = "EventList";
  events.errors = {404};
  return routes.Add(MakeRoute(http::Method::kGet, "/api/v1/dossiers/{code}/events",
                              http::Access::kUser, std::move(events),
                              [deps](RequestContext& ctx) { return ListEvents(deps, ctx); }));
}

}  // namespace motcua::api
