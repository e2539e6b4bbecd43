// Questions about a dossier from the desk to the agency's experts (DESIGN.md
// section 1: the pilot's desk "could not learn each field deeply"; the
// question channel is the software's answer), with the time to answer
// measured in working time on the working calendar:
//
//   POST /api/v1/dossiers/{code}/questions              the desk asks
//   POST /api/v1/dossiers/{code}/questions/{id}/answer  the agency answers
//   GET  /api/v1/dossiers/{code}/questions              both read
//
// Asking is the ask_question operation (the desk, as the agency's officer or
// through a grant listing guide; the applicant on their own dossier),
// answering is answer_question (the agency's specialist or leader); both
// only in the states dossier/action.h allows them in (409 otherwise). A
// question is kept in the store's question table, one write each, and does
// not change the dossier (no event, no version).
//
// `working_seconds` is the working time from the question to its answer, or
// to now while it waits: what the agency's responsiveness is judged on.
#include <charconv>
#include <nlohmann/json.hpp>

#include "api/actor.h"
#include "api/dossier_api.h"
#include "api/dossier_json.h"
#include "api/request_params.h"
#include "api/text_limits.h"
#include "http/json_reader.h"

namespace motcua::api {
namespace {

using http::ApiError;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

json QuestionJson(const store::Question& q, const calendar::WorkingCalendar& cal, Instant now) {
  const Instant until = q.answered_at.value_or(std::max(now, q.asked_at));
  const Result<std::int64_t> working = cal.WorkingSecondsBetween(q.asked_at, until);
  return {{"id", q.id},
          {"dossier_code", q.dossier_code},
          {"agency_code", q.agency_code},
          {"asked_by", q.asked_by},
          {"text", q.text},
          {"asked_at", TimeJson(q.asked_at)},
          {"answered", q.answered_at.has_value()},
          {"answered_by", q.answered_by.empty() ? json(nullptr) : json(q.answered_by)},
          {"answer", q.answered_at ? json(q.answer) : json(nullptr)},
          {"answered_at", TimeJson(q.answered_at)},
          // Outside the calendar's years the figure is unknown, not zero.
          {"working_seconds", working.ok() ? json(*working) : json(nullptr)}};
}

// The body {"text", "on_behalf_of"?} of both writes.
struct QuestionInput {
  std::string text;
  std::string on_behalf_of;
};

http::ApiResult<QuestionInput> ReadInput(const RequestContext& ctx) {
  http::ApiResult<json> body = ctx.JsonBody();
  if (!body.ok()) return std::move(body).error();
  http::ObjectReader r(*body);
  QuestionInput in;
  in.text = r.String("text");
  in.on_behalf_of = r.OptionalString("on_behalf_of").value_or("");
  r.Require(!r.ok() || !in.text.empty(), "text", "Nội dung không được để trống.");
  if (auto e = r.Finish()) return *e;
  // A question fits on a page (text_limits.h).
  if (auto e = CheckLength("/text", in.text, text_limits::kQuestionText)) return *e;
  return in;
}

// The dossier of the path, after `op` is authorized on it for `acting_for`
// and allowed in its state.
http::ApiResult<dossier::Dossier> Authorized(const ApiDeps& deps, RequestContext& ctx,
                                             dossier::Action action,
                                             const std::string& acting_for) {
  const http::ApiResult<Actor> actor = LoadActor(*deps.store, ctx);
  if (!actor.ok()) return actor.error();
  Result<dossier::Dossier> d = deps.store->GetDossier(ctx.PathParam("code"));
  if (!d.ok()) return ApiError::FromStatus(d.status());
  ctx.acting_for = acting_for;
  const auto decision =
      Authorize(*actor, dossier::ToOperation(action), acting_for, FactsOf(*d), ctx.now);
  if (!decision.ok()) return decision.error();
  if (!dossier::IsAllowedIn(action, d->state)) {
    return ApiError::FromStatus(
        Status::FailedPrecondition(std::string("cannot ") + dossier::ActionName(action) +
                                   " on a dossier in state " + dossier::StateName(d->state)));
  }
  return std::move(d).value();
}

Reply Ask(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const QuestionInput in, ReadInput(ctx));
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier d,
                         Authorized(deps, ctx, dossier::Action::kAskQuestion, in.on_behalf_of));
  store::Question q;
  q.dossier_code = d.code;
  q.agency_code = d.agency_code;
  q.asked_by = ctx.user->login;
  q.text = in.text;
  q.asked_at = ctx.now;
  MOTCUA_ASSIGN_OR_REPLY(const store::Question asked, deps.store->AskQuestion(q));
  return Reply::Json(201, QuestionJson(asked, deps.domain->Current()->calendar, ctx.now));
}

Reply Answer(const ApiDeps& deps, RequestContext& ctx) {
  std::int64_t id = 0;
  const std::string_view text = ctx.PathParam("id");
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return ApiError::FromStatus(Status::NotFound("no question " + std::string(text)));
  }
  MOTCUA_ASSIGN_OR_REPLY(const QuestionInput in, ReadInput(ctx));
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier d,
                         Authorized(deps, ctx, dossier::Action::kAnswerQuestion, in.on_behalf_of));
  MOTCUA_ASSIGN_OR_REPLY(const store::Question q, deps.store->GetQuestion(id));
  if (q.dossier_code != d.code) {
    return ApiError::FromStatus(
        Status::NotFound("no question " + std::to_string(id) + " about dossier " + d.code));
  }
  MOTCUA_ASSIGN_OR_REPLY(const store::Question answered,
                         deps.store->AnswerQuestion(id, ctx.user->login, in.text, ctx.now));
  return Reply::Json(200, QuestionJson(answered, deps.domain->Current()->calendar, ctx.now));
}

Reply List(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const Actor actor, LoadActor(*deps.store, ctx));
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier d, deps.store->GetDossier(ctx.PathParam("code")));
  std::string acted_for;
  MOTCUA_ASSIGN_OR_REPLY(
      const access::Decision decision,
      AuthorizeRead(actor, OptionalQuery(ctx, "on_behalf_of"), FactsOf(d), ctx.now, &acted_for));
  (void)decision;
  ctx.acting_for = acted_for;
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<store::Question> questions,
                         deps.store->ListQuestions(d.code));
  const auto snapshot = deps.domain->Current();
  json out = json::array();
  for (const store::Question& q : questions) {
    out.push_back(QuestionJson(q, snapshot->calendar, ctx.now));
  }
  return Reply::Json(200, {{"code", d.code}, {"questions", std::move(out)}});
}

void AddSchemas(http::SchemaRegistry& schemas) {
  const json str = {{"type", "string"}};
  const json nullable = {{"type", {"string", "null"}}};
  const json time = {{"type", {"string", "null"}}, {"format", "date-time"}};
  schemas.Add(
      "QuestionRequest",
      {{"type", "object"},
       {"additionalProperties", false},
       {"required", {"text"}},
       {"properties",
        {{"text", MaxLength({{"type", "string"}, {"minLength", 1}}, text_limits::kQuestionText)},
         {"on_behalf_of",
          {{"type", "string"},
           {"description", "The dossier's agency, for its staff and delegated desks."}}}}}});
  json props = {{"id", {{"type", "integer"}}},
                {"dossier_code", str},
                {"agency_code", {{"type", "string"}, {"description", "The agency asked."}}},
                {"asked_by", str},
                {"text", str},
                {"asked_at", time},
                {"answered", {{"type", "boolean"}}},
                {"answered_by", nullable},
                {"answer", nullable},
                {"answered_at", time},
                {"working_seconds",
                 {{"type", {"integer", "null"}},
                  {"description",
                   "Working time from the question to its answer, or to now while it waits."}}}};
  json required = json::array();
  for (const auto& [key, value] : props.items()) required.push_back(key);
  schemas.Add("Question",
              {{"type", "object"}, {"required", std::move(required)}, {"properties", props}});
  schemas.Add("QuestionList",
              {{"type", "object"},
               {"required", {"code", "questions"}},
               {"properties",
                {{"code", str},
                 {"questions",
                  {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Question"}}}}}}}});
}

}  // namespace

Status AddQuestionRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                         const ApiDeps& deps) {
  AddSchemas(schemas);
  http::RouteDoc ask;
  ask.operation_id = "askQuestion";
  ask.summary = "Ask the dossier's agency a question";
  ask.description =
      "The desk (the agency's officer, or a delegated desk whose grant lists guide) or the "
      "applicant asks; the dossier must be live (submitted … paused).";
  ask.tag = "questions";
  ask.request_schema = "QuestionRequest";
  ask.success_status = 201;
  ask.response_schema = "Question";
  ask.errors = {404, 409};
  MOTCUA_RETURN_IF_ERROR(routes.Add(
      MakeRoute(http::Method::kPost, "/api/v1/dossiers/{code}/questions", http::Access::kUser,
                std::move(ask), [deps](RequestContext& ctx) { return Ask(deps, ctx); })));

  http::RouteDoc answer;
  answer.operation_id = "answerQuestion";
  answer.summary = "Answer a question about a dossier (the agency)";
  answer.description =
      "The agency's specialist or leader answers, once: a second answer is a 409 conflict.";
  answer.tag = "questions";
  answer.request_schema = "QuestionRequest";
  answer.response_schema = "Question";
  answer.errors = {404, 409};
  MOTCUA_RETURN_IF_ERROR(routes.Add(MakeRoute(
      http::Method::kPost, "/api/v1/dossiers/{code}/questions/{id}/answer", http::Access::kUser,
      std::move(answer), [deps](RequestContext& ctx) { return Answer(deps, ctx); })));

  http::RouteDoc list;
  list.operation_id = "listQuestions";
  list.summary = "The questions about a dossier, with their answers and working time";
  list.tag = "questions";
  list.params = {{.name = "on_behalf_of", .description = "As for GET /dossiers/{code}."}};
  list.response_schema = "QuestionList";
  list.errors = {404};
  return routes.Add(MakeRoute(http::Method::kGet, "/api/v1/dossiers/{code}/questions",
                              http::Access::kUser, std::move(list),
                              [deps](RequestContext& ctx) { return List(deps, ctx); }));
}

}  // namespace motcua::api
