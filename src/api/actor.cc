#include "api/actor.h"

#include <utility>

namespace motcua::api {

using http::ApiError;
using http::ApiResult;

ApiResult<Actor> LoadActor(store::Store& store, const http::RequestContext& ctx) {
  if (!ctx.user) return ApiError::Unauthenticated("Cần đăng nhập.");
  Actor actor;
  actor.user = *ctx.user;
  // Only a desk officer acts through grants (access/authorize.h): for every
  // other role the read would be wasted on each request.
  if (!actor.user.HasRole(access::Role::kDesk)) return actor;
  // Read by the authenticator with the user, checked against the store's
  // accounts generation at this request (store_authenticator.h): no read
  // here, and a revocation by anyone is already seen.
  if (ctx.grants) {
    actor.grants = *ctx.grants;
    return actor;
  }
  store::GrantFilter filter;
  filter.grantee_login = actor.user.login;
  Result<std::vector<access::Grant>> grants = store.ListGrants(filter);
  if (!grants.ok()) return ApiError::FromStatus(grants.status());
  actor.grants = std::move(*grants);
  return actor;
}

access::SubjectFacts FactsOf(const dossier::Dossier& d) {
  access::SubjectFacts f;
  f.agency_code = d.agency_code;
  f.field_code = d.field_code;
  f.procedure_code = d.procedure_code;
  f.applicant_login = d.applicant.login;
  return f;
}

namespace {

access::Decision Decide(const Actor& actor, access::Operation op, const std::string& acting_for,
                        const access::SubjectFacts& subject, Instant at) {
  access::Request request;
  request.op = op;
  request.acting_for = acting_for;
  request.subject = subject;
  request.at = at;
  return access::Authorize(actor.user, actor.grants, request);
}

ApiError Refusal(const access::Decision& d) { return ApiError::FromStatus(d.ToStatus()); }

}  // namespace

ApiResult<access::Decision> Authorize(const Actor& actor, access::Operation op,
                                      const std::string& acting_for,
                                      const access::SubjectFacts& subject, Instant at) {
  access::Decision d = Decide(actor, op, acting_for, subject, at);
  if (!d.allowed) return Refusal(d);
  return d;
}

bool HasAgencyRole(const access::User& user) {
  using access::Role;
  return user.HasRole(Role::kDesk) || user.HasRole(Role::kSpecialist) ||
         user.HasRole(Role::kLeader) || user.HasRole(Role::kFocalPoint);
}

ApiResult<access::Decision> AuthorizeRead(const Actor& actor,
                                          const std::optional<std::string>& on_behalf_of,
                                          const access::SubjectFacts& subject, Instant at,
                                          std::string* acted_for) {
  const access::Operation op = access::Operation::kReadDossier;
  if (on_behalf_of) {
    access::Decision d = Decide(actor, op, *on_behalf_of, subject, at);
    if (!d.allowed) return Refusal(d);
    *acted_for = *on_behalf_of;
    return d;
  }
  access::Decision personal = Decide(actor, op, "", subject, at);
  if (personal.allowed) {
    acted_for->clear();
    return personal;
  }
  access::Decision for_agency = Decide(actor, op, subject.agency_code, subject, at);
  if (for_agency.allowed) {
    *acted_for = subject.agency_code;
    return for_agency;
  }
  return Refusal(HasAgencyRole(actor.user) ? for_agency : personal);
}

}  // namespace motcua::api
