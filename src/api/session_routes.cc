#include "api/session_routes.h"

#include <string>
#include <utility>
#include <vector>

#include "api/account_json.h"
#include "api/audit_trail.h"
#include "api/text_limits.h"
#include "http/credentials.h"
#include "http/json_reader.h"
#include "http/token.h"

namespace motcua::api {
namespace {

using http::ApiError;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

// The label of a session: the browser's User-Agent, cut to this length.
constexpr std::size_t kMaxUserAgentBytes = 200;

// The one answer to a wrong password and to an unknown login.
ApiError WrongCredentials() {
  ApiError e = ApiError::Unauthenticated("Tên đăng nhập hoặc mật khẩu không đúng.");
  e.code = "invalid_credentials";
  return e;
}

// Printable ASCII of the User-Agent header (it is only a hint for the user's
// list of sessions; bytes beyond ASCII are dropped rather than stored).
std::string UserAgentLabel(const RequestContext& ctx) {
  std::string out;
  for (char c : ctx.Header("user-agent").value_or("")) {
    if (c >= 0x20 && c < 0x7f) out.push_back(c);
    if (out.size() == kMaxUserAgentBytes) break;
  }
  return out;
}

// The hash of `login`'s password, nullopt when the user has none (or does not
// exist); the store's failure otherwise.
Result<std::optional<std::string>> StoredHash(store::Store& store, const std::string& login) {
  Result<std::string> hash = store.GetPasswordHash(login);
  if (hash.ok()) {
    if (hash->empty()) return std::optional<std::string>();
    return std::optional<std::string>(std::move(*hash));
  }
  if (hash.status().code() == Status::Code::kNotFound) return std::optional<std::string>();
  return hash.status();
}

Reply Login(const ApiDeps& deps, RequestContext& ctx) {
  MOTCUA_ASSIGN_OR_REPLY(const json body, ctx.JsonBody());
  http::ObjectReader r(body);
  const std::string login = r.String("login");
  const std::string password = r.String("password");
  r.Require(!login.empty(), "login", "Tên đăng nhập không được để trống.");
  // Checked before any lookup: an empty or oversized password is refused
  // by Verify at once, which would answer faster for a known login.
  r.Require(!password.empty(), "password", "Mật khẩu không được để trống.");
  if (auto error = r.Finish()) return *error;
  // Logins are short identifiers; anything longer is not one, and is refused
  // before the store is asked (text_limits.h).
  if (auto e = CheckLengths({{"/login", login, text_limits::kLogin},
                             {"/password", password, text_limits::kPassword}})) {
    return *e;
  }

  // Counted per login whether or not it exists, so the answer tells nothing
  // about which logins do.
  const auto attempt_time = std::chrono::steady_clock::now();
  const http::RateDecision attempt = deps.failed_logins->Acquire(login, attempt_time);
  if (!attempt.allowed) {
    ApiError e = ApiError::TooManyRequests(attempt.retry_after_seconds);
    e.code = "too_many_failed_logins";
    e.message = "Đã nhập sai mật khẩu quá nhiều lần cho tài khoản này; hãy thử lại sau " +
                std::to_string(attempt.retry_after_seconds) + " giây.";
    return e;
  }

  Result<access::User> user = deps.store->GetUser(login);
  std::optional<std::string> hash;
  if (user.ok()) {
    MOTCUA_ASSIGN_OR_REPLY(hash, StoredHash(*deps.store, login));
  } else if (user.status().code() != Status::Code::kNotFound) {
    return Reply::FromStatus(user.status());
  }
  if (!hash) {
    // Same time as a real verification: the answer does not tell whether
    // the login exists.
    deps.hasher->VerifyDummy(password);
    return WrongCredentials();
  }
  if (!deps.hasher->Verify(password, *hash)) return WrongCredentials();
  deps.failed_logins->Refund(login, attempt_time);
  if (user->disabled) {
    return ApiError::Forbidden("account_disabled",
                               "Tài khoản đã bị khoá; hãy liên hệ quản trị viên.", "user_disabled");
  }
  if (deps.hasher->NeedsRehash(*hash)) {
    // Parameters were raised since this hash was made (password.h). A failure
    // here costs nothing: the old hash still verifies.
    if (Result<std::string> fresh = deps.hasher->Hash(password); fresh.ok()) {
      (void)deps.store->SetPasswordHash(login, *fresh);
    }
  }

  const std::string token = http::NewToken(http::TokenKind::kSession);
  store::Credential credential;
  credential.kind = store::CredentialKind::kSession;
  credential.token_hash = http::TokenHash(token);
  credential.login = login;
  credential.label = UserAgentLabel(ctx);
  credential.created_by = login;
  credential.created_at = ctx.now;
  credential.expires_at = ctx.now + deps.cookie.max_age_seconds;
  store::Credential stored;
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(stored, tx.CreateCredential(credential));
    return WriteAudit(tx, ctx, "session.create", std::to_string(stored.id), nullptr, login);
  }));

  return Reply::Json(201, {{"token", token},
                           {"csrf_token", http::CsrfTokenFor(token)},
                           {"expires_at", InstantJson(stored.expires_at)},
                           {"user", UserJson(*user)}})
      .WithHeader("Set-Cookie", http::SessionCookie(token, deps.cookie));
}

Reply WhoAmI(const ApiDeps& deps, RequestContext& ctx) {
  const access::User& user = *ctx.user;
  MOTCUA_ASSIGN_OR_REPLY(const store::Credential credential,
                         deps.store->FindCredential(http::TokenHash(ctx.credentials.token)));
  store::GrantFilter filter;
  filter.grantee_login = user.login;
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<access::Grant> grants, deps.store->ListGrants(filter));
  const auto domain = deps.domain->Current();

  json out;
  out["user"] = UserJson(user);
  const catalog::Agency* agency =
      user.agency_code.empty() ? nullptr : domain->catalog.FindAgency(user.agency_code);
  out["agency"] =
      agency == nullptr ? json(nullptr) : json{{"code", agency->code}, {"name", agency->name}};
  out["grants"] = json::array();
  for (const access::Grant& g : grants) {
    if (g.InForceAt(ctx.now)) out["grants"].push_back(GrantJson(g, ctx.now, &domain->catalog));
  }
  out["credential"] = {
      {"kind", store::CredentialKindName(credential.kind)},
      {"via", ctx.credentials.source == http::CredentialSource::kCookie ? "cookie" : "bearer"},
      {"expires_at", InstantJson(credential.expires_at)}};
  if (credential.kind == store::CredentialKind::kSession) {
    out["csrf_token"] = http::CsrfTokenFor(ctx.credentials.token);
  }
  return Reply::Json(200, out);
}

Reply Logout(const ApiDeps& deps, RequestContext& ctx) {
  if (ctx.credentials.kind != http::TokenKind::kSession) {
    return ApiError::Unprocessable(
        "not_a_session",
        "Mã truy cập API không đăng xuất được; quản trị viên thu hồi mã này khi cần.");
  }
  MOTCUA_ASSIGN_OR_REPLY(const store::Credential credential,
                         deps.store->FindCredential(http::TokenHash(ctx.credentials.token)));
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.RevokeCredential(credential.id, ctx.now));
    return WriteAudit(tx, ctx, "session.end", std::to_string(credential.id));
  }));
  return Reply::Text(204, "", "").WithHeader("Set-Cookie", http::ExpiredSessionCookie(deps.cookie));
}

json Ref(const char* name) { return {{"$ref", std::string("#/components/schemas/") + name}}; }

void AddSchemas(http::SchemaRegistry& schemas) {
  AddAccountSchemas(schemas);
  schemas.Add("LoginRequest",
              {{"type", "object"},
               {"required", {"login", "password"}},
               {"additionalProperties", false},
               {"properties",
                {{"login", MaxLength({{"type", "string"}, {"minLength", 1}}, text_limits::kLogin)},
                 {"password",
                  MaxLength({{"type", "string"}, {"minLength", 1}}, text_limits::kPassword)}}}});
  schemas.Add("SessionCreated",
              {{"type", "object"},
               {"required", {"token", "csrf_token", "expires_at", "user"}},
               {"properties",
                {{"token",
                  {{"type", "string"},
                   {"description",
                    "The session token (\"mcs_…\"): Authorization: Bearer, or the cookie."}}},
                 {"csrf_token",
                  {{"type", "string"},
                   {"description", "Send as X-CSRF-Token on cookie-authenticated writes."}}},
                 {"expires_at", {{"type", "string"}, {"format", "date-time"}}},
                 {"user", Ref("User")}}}});
  schemas.Add(
      "Session",
      {{"type", "object"},
       {"required", {"user", "agency", "grants", "credential"}},
       {"properties",
        {{"user", Ref("User")},
         {"agency",
          {{"type", {"object", "null"}},
           {"properties", {{"code", {{"type", "string"}}}, {"name", {{"type", "string"}}}}}}},
         {"grants",
          {{"type", "array"},
           {"description", "The delegation grants to this user in force now."},
           {"items", Ref("Grant")}}},
         {"credential",
          {{"type", "object"},
           {"properties",
            {{"kind", {{"type", "string"}, {"enum", {"session", "api_token"}}}},
             {"via", {{"type", "string"}, {"enum", {"cookie", "bearer"}}}},
             {"expires_at", {{"type", {"string", "null"}}, {"format", "date-time"}}}}}}},
         {"csrf_token", {{"type", "string"}, {"description", "Present for a login session."}}}}}});
}

http::Route MakeRoute(http::Method method, std::string op, std::string summary, http::Access access,
                      std::function<Reply(RequestContext&)> handler) {
  http::Route r;
  r.method = method;
  r.pattern = "/api/v1/session";
  r.doc.operation_id = std::move(op);
  r.doc.summary = std::move(summary);
  r.doc.tag = "session";
  r.access = access;
  r.execution = http::Execution::kWorker;
  r.handler = std::move(handler);
  return r;
}

}  // namespace

Status AddSessionRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                        const ApiDeps& deps) {
  AddSchemas(schemas);

  http::Route login =
      MakeRoute(http::Method::kPost, "createSession", "Đăng nhập", http::Access::kPublic,
                [deps](RequestContext& ctx) { return Login(deps, ctx); });
  login.doc.description =
      "Checks the password (argon2id) and opens a session: the answer carries the token and "
      "the CSRF token, and sets the HttpOnly, SameSite=Strict session cookie. A wrong password "
      "and an unknown login get the same 401 invalid_credentials; a disabled account with the "
      "right password gets 403 account_disabled. Rate-limited per client address (429 "
      "rate_limited) and, for wrong passwords, per login (429 too_many_failed_logins: ten in a "
      "row, then one a minute).";
  login.doc.request_schema = "LoginRequest";
  login.doc.success_status = 201;
  login.doc.response_schema = "SessionCreated";
  login.doc.errors = {401, 403, 422, 429};
  login.rate_limit = "login";
  MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(login)));

  http::Route who =
      MakeRoute(http::Method::kGet, "getSession", "Phiên đăng nhập hiện tại", http::Access::kUser,
                [deps](RequestContext& ctx) { return WhoAmI(deps, ctx); });
  who.doc.description =
      "The user of the token, their agency, the delegation grants to them in force now, and "
      "for a login session its expiry and CSRF token (a reloaded page needs it again).";
  who.doc.response_schema = "Session";
  MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(who)));

  http::Route logout =
      MakeRoute(http::Method::kDelete, "deleteSession", "Đăng xuất", http::Access::kUser,
                [deps](RequestContext& ctx) { return Logout(deps, ctx); });
  logout.doc.description =
      "Ends the login session (its token stops working at once) and expires the cookie. API "
      "tokens are revoked by an administrator instead (422 not_a_session).";
  logout.doc.success_status = 204;
  logout.doc.response_content_type = "";
  logout.doc.errors = {422};
  MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(logout)));
  return Status::Ok();
}

}  // namespace motcua::api
