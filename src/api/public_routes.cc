// The citizen's side without an account:
//
//  - GET /api/v1/public/dossiers/{code}?phone=…: where a dossier stands. The
//    code alone is not a secret (it is printed on the receipt and its
//    sequence is predictable), so the applicant's phone number must match
//    too. A wrong phone and an unknown code get the same 404 with the same
//    body, so codes cannot be probed; the answer holds the state, the due
//    time and appointment and what is missing, nothing personal
//    (dossier_json.h: PublicDossierJson).
//  - POST /api/v1/public/dossiers: a citizen submits online (channel
//    online), honouring Idempotency-Key; the answer is the public view.
//
// Both share the "public_lookup" rate limit per client address (30 at once,
// then 30 a minute): one budget for the unauthenticated doors.
#include <nlohmann/json.hpp>

#include "api/dossier_api.h"
#include "api/dossier_json.h"
#include "api/dossier_writes.h"
#include "api/request_params.h"
#include "api/submission.h"
#include "dossier/code.h"
#include "http/json_reader.h"

namespace motcua::api {
namespace {

using http::ApiError;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

// The digits of a Vietnamese phone number, with the country code +84 (or
// 84 before nine or ten more digits) read as the leading 0.
std::string NormalizePhone(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  const bool international = !text.empty() && text.find('+') != std::string_view::npos;
  if (digits.rfind("84", 0) == 0 && (international || digits.size() >= 11)) {
    digits = "0" + digits.substr(2);
  }
  return digits;
}

bool SamePhone(std::string_view a, std::string_view b) {
  const std::string x = NormalizePhone(a);
  const std::string y = NormalizePhone(b);
  return !x.empty() && x == y;
}

ApiError NotFound() {
  ApiError e = ApiError::FromStatus(Status::NotFound("no dossier with this code and phone"));
  e.message = "Không tìm thấy hồ sơ có mã và số điện thoại này.";
  return e;
}

Reply Lookup(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const std::string phone, RequiredQuery(ctx, "phone"));
  const std::string_view code = ctx.PathParam("code");
  if (!dossier::ParseDossierCode(code).ok()) return NotFound();
  Result<dossier::Dossier> d = deps.store->GetDossier(code);
  if (!d.ok()) {
    if (d.status().code() == Status::Code::kNotFound) return NotFound();
    return Reply::FromStatus(d.status());
  }
  if (!SamePhone(d->applicant.phone, phone)) return NotFound();
  return Reply::Json(200, PublicDossierJson(*d, deps.domain->Current()->catalog));
}

Reply Submit(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const json body, ctx.JsonBody());
  http::ObjectReader r(body);
  MOTCUA_ASSIGN_OR_REPLY(const SubmissionInput input, ReadSubmission(r, /*staff_fields=*/false));
  MOTCUA_ASSIGN_OR_REPLY(const std::optional<std::string> key, IdempotencyKeyHeader(ctx));
  const auto snapshot = deps.domain->Current();
  MOTCUA_ASSIGN_OR_REPLY(
      const PreparedSubmission prepared,
      PrepareSubmission(snapshot->catalog, input, dossier::Channel::kOnline, ctx.now));
  WriteOptions options;
  if (key) options.idempotency_key = ScopedIdempotencyKey(ctx, *key);
  options.request_id = ctx.request_id;
  // An anonymous submission: no actor, no agency acted for (event.h).
  MOTCUA_ASSIGN_OR_REPLY(const dossier::Dossier d,
                         WriteSubmission(*deps.store, prepared.terms, prepared.command, options));
  return Reply::Json(201, PublicDossierJson(d, snapshot->catalog));
}

}  // namespace

Status AddPublicRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                       const ApiDeps& deps) {
  (void)schemas;  // PublicDossier and PublicSubmitRequest come with the dossier routes
  http::RouteDoc lookup;
  lookup.operation_id = "publicDossierLookup";
  lookup.summary = "Where a dossier stands, by its code and the applicant's phone";
  lookup.description =
      "No login. The same 404 answers an unknown code and a wrong phone. Shows the state, "
      "due time, appointment and missing components only.";
  lookup.tag = "public";
  lookup.params = {{.name = "phone",
                    .required = true,
                    .description = "The applicant's phone as given at submission (+84 reads "
                                   "as 0; spaces and dots are ignored)."}};
  lookup.response_schema = "PublicDossier";
  lookup.errors = {404};
  http::Route lookup_route =
      MakeRoute(http::Method::kGet, "/api/v1/public/dossiers/{code}", http::Access::kPublic,
                std::move(lookup), [deps](RequestContext& ctx) { return Lookup(deps, ctx); });
  lookup_route.rate_limit = "public_lookup";
  MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(lookup_route)));

  http::RouteDoc submit;
  submit.operation_id = "publicSubmitDossier";
  submit.summary = "Submit a dossier online without an account";
  submit.description =
      "No login; channel online. Keep the code and the phone to look the dossier up. A retry "
      "with the same Idempotency-Key returns the first answer and creates nothing.";
  submit.tag = "public";
  submit.params = {{.name = "Idempotency-Key",
                    .in = "header",
                    .description = "A fresh random key per intended submission, the same on "
                                   "each retry."}};
  submit.request_schema = "PublicSubmitRequest";
  submit.success_status = 201;
  submit.response_schema = "PublicDossier";
  submit.errors = {409};
  http::Route submit_route =
      MakeRoute(http::Method::kPost, "/api/v1/public/dossiers", http::Access::kPublic,
                std::move(submit), [deps](RequestContext& ctx) { return Submit(deps, ctx); });
  submit_route.rate_limit = "public_lookup";
  return routes.Add(std::move(submit_route));
}

}  // namespace motcua::api
