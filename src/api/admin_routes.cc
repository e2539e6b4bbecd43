#include "api/admin_routes.h"

#include <charconv>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "access/authorize.h"
#include "api/account_json.h"
#include "api/audit_trail.h"
#include "api/text_limits.h"
#include "http/json_reader.h"
#include "http/token.h"

namespace motcua::api {
namespace {

using http::ApiError;
using http::Reply;
using http::RequestContext;
using nlohmann::json;

// NIST SP 800-63B section 5.1.1.2: memorized secrets of at least 8
// characters; the upper bound is the hasher's (text_limits::kPassword).
constexpr std::size_t kMinPasswordBytes = 8;
constexpr int kDefaultAuditPage = 100;
constexpr int kMaxAuditPage = 1000;

// ---- Access.

// nullopt when the domain's access decision allows `op` to the user.
std::optional<ApiError> Refuse(const RequestContext& ctx, access::Operation op) {
  access::Request request;
  request.op = op;
  request.at = ctx.now;
  const access::Decision d = access::Authorize(*ctx.user, {}, request);
  if (d.allowed) return std::nullopt;
  ApiError e =
      ApiError::Forbidden("permission_denied", "Bạn không có quyền quản trị chức năng này.",
                          access::DecisionCodeName(d.code));
  e.detail = d.rule;
  return e;
}

// ---- Small parsers.

// Logins as the API creates them: lowercase ASCII letters and digits with
// '.', '_', '-' and '@' inside, at most 64; the shape of "postal.a" and of an
// e-mail address, never two spellings of one name.
bool IsValidLogin(std::string_view login) {
  if (login.empty() || login.size() > text_limits::kLogin.max) return false;
  for (std::size_t i = 0; i < login.size(); ++i) {
    const char c = login[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-' && c != '@'))) return false;
  }
  return true;
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

ApiError NoSuch(std::string what) {
  ApiError e = ApiError::FromStatus(Status::NotFound(what));
  return e;
}

// "YYYY-MM-DD" (a whole day in Vietnam time: its start, or with `day_end`
// the start of the next day) or an RFC 3339 date-time (that instant).
Result<Instant> ParseWhen(std::string_view text, bool day_end) {
  if (text.size() == 10) {
    MOTCUA_ASSIGN_OR_RETURN(const CivilDate d, ParseDate(text));
    return LocalMidnight(DaysFromCivil(d) + (day_end ? 1 : 0));
  }
  return ParseDateTime(text);
}

// An optional integer query parameter in [min, max]; 400 malformed_query.
http::ApiResult<std::optional<std::int64_t>> QueryInt(const RequestContext& ctx,
                                                      std::string_view name, std::int64_t min,
                                                      std::int64_t max) {
  const auto text = ctx.Query(name);
  if (!text) return std::optional<std::int64_t>();
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < min || v > max) {
    return ApiError::BadRequest("malformed_query",
                                "Tham số \"" + std::string(name) + "\" phải là số nguyên từ " +
                                    std::to_string(min) + " đến " + std::to_string(max) + ".");
  }
  return std::optional<std::int64_t>(v);
}

// ---- Users.

Reply ListUsers(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<access::User> users, deps.store->ListUsers());
  json out = json::array();
  for (const access::User& u : users) out.push_back(UserJson(u));
  return Reply::Json(200, {{"users", std::move(out)}});
}

Reply GetUser(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  MOTCUA_ASSIGN_OR_REPLY(const access::User user,
                         deps.store->GetUser(std::string(ctx.PathParam("login"))));
  return Reply::Json(200, UserJson(user));
}

// Ends every live login session of `login` (a disabled user is out at once,
// and stays out if enabled again later; a password set by an administrator
// shuts out whoever knew the old one) but the one this request came with:
// an administrator acting on their own account is not logged out by it.
// Returns how many were ended.
Result<int> EndSessions(store::Store& store, const RequestContext& ctx, const std::string& login) {
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<store::Credential> sessions,
                          store.ListCredentials(store::CredentialKind::kSession, login));
  const std::string own = http::TokenHash(ctx.credentials.token);
  int ended = 0;
  for (const store::Credential& c : sessions) {
    if (!c.LiveAt(ctx.now) || c.token_hash == own) continue;
    MOTCUA_RETURN_IF_ERROR(store.RevokeCredential(c.id, ctx.now));
    ++ended;
  }
  return ended;
}

// An administrator may not lock themselves out: the last way back in would
// be the command line on the server.
std::optional<ApiError> SelfLockout(const RequestContext& ctx, const access::User& next) {
  if (next.login != ctx.user->login) return std::nullopt;
  if (!next.disabled && next.HasRole(access::Role::kAdmin)) return std::nullopt;
  return ApiError::Unprocessable(
      "self_lockout", "Không thể tự khoá tài khoản hoặc tự bỏ vai trò quản trị của chính mình.");
}

Reply PutUser(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  const std::string login(ctx.PathParam("login"));
  MOTCUA_ASSIGN_OR_REPLY(const json body, ctx.JsonBody());
  http::ObjectReader r(body);
  access::User user;
  user.login = login;
  user.display_name = r.String("display_name");
  const std::vector<std::string> role_names = r.StringArray("roles");
  user.agency_code = r.OptionalString("agency").value_or("");
  const std::optional<std::string> password = r.OptionalString("password");
  user.disabled = r.OptionalBool("disabled").value_or(false);
  r.Require(!user.display_name.empty(), "display_name", "Họ tên không được để trống.");
  r.Require(!role_names.empty(), "roles", "Người dùng cần ít nhất một vai trò.");
  for (const std::string& name : role_names) {
    Result<access::Role> role = access::ParseRole(name);
    r.Require(role.ok(), "roles", "Vai trò không có: \"" + name + "\".");
    if (role.ok() && !user.HasRole(*role)) user.roles.push_back(*role);
  }
  if (password) {
    r.Require(password->size() >= kMinPasswordBytes, "password", "Mật khẩu cần ít nhất 8 byte.");
  }
  if (auto error = r.Finish()) return *error;
  if (auto e = CheckLengths({{"/display_name", user.display_name, text_limits::kDisplayName},
                             {"/password", password.value_or(""), text_limits::kPassword}})) {
    return *e;
  }
  if (!IsValidLogin(login)) {
    return ApiError::Unprocessable(
        "invalid_login",
        "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và . _ - @ (tối đa 64 ký tự).");
  }
  const auto domain = deps.domain->Current();
  if (!user.agency_code.empty() && domain->catalog.FindAgency(user.agency_code) == nullptr) {
    return ApiError::Unprocessable("unknown_agency",
                                   "Không có cơ quan mã \"" + user.agency_code + "\".");
  }
  // Agency staff act for their own agency (access/authorize.h); without one
  // every request of theirs would be refused.
  for (access::Role role :
       {access::Role::kSpecialist, access::Role::kLeader, access::Role::kFocalPoint}) {
    if (user.HasRole(role) && user.agency_code.empty()) {
      return ApiError::Unprocessable("agency_required",
                                     std::string("Vai trò ") + access::RoleName(role) +
                                         " cần cơ quan của người dùng (agency).");
    }
  }
  if (auto e = SelfLockout(ctx, user)) return *e;

  Result<access::User> existing = deps.store->GetUser(login);
  if (!existing.ok() && existing.status().code() != Status::Code::kNotFound) {
    return Reply::FromStatus(existing.status());
  }
  const bool created = !existing.ok();
  if (created && !password) {
    return ApiError::Unprocessable("password_required", "Người dùng mới cần mật khẩu.");
  }
  std::string hash;
  if (password) {
    // argon2id on this worker thread (password.h: never on an I/O thread).
    MOTCUA_ASSIGN_OR_REPLY(hash, deps.hasher->Hash(*password));
  }
  json detail = UserJson(user);
  detail["created"] = created;
  detail["password_set"] = password.has_value();
  // The change and its audit entry: both or neither.
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.PutUser(user));
    if (password) MOTCUA_RETURN_IF_ERROR(tx.SetPasswordHash(login, hash));
    if (user.disabled || (password && !created)) {
      MOTCUA_ASSIGN_OR_RETURN(const int ended, EndSessions(tx, ctx, login));
      detail["sessions_ended"] = ended;
    }
    return WriteAudit(tx, ctx, "user.put", login, detail);
  }));
  return Reply::Json(200, UserJson(user));
}

Reply SetDisabled(const ApiDeps& deps, RequestContext& ctx, bool disabled) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  MOTCUA_ASSIGN_OR_REPLY(access::User user,
                         deps.store->GetUser(std::string(ctx.PathParam("login"))));
  if (user.disabled == disabled) return Reply::Json(200, UserJson(user));
  user.disabled = disabled;
  if (auto e = SelfLockout(ctx, user)) return *e;
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.PutUser(user));
    if (disabled) MOTCUA_RETURN_IF_ERROR(EndSessions(tx, ctx, user.login).status());
    return WriteAudit(tx, ctx, disabled ? "user.disable" : "user.enable", user.login);
  }));
  return Reply::Json(200, UserJson(user));
}

// ---- A user's login sessions (a lost phone, a shared desk computer left
// signed in, an officer who moved on).

Reply ListSessions(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  const std::string login(ctx.PathParam("login"));
  MOTCUA_ASSIGN_OR_REPLY(const access::User user, deps.store->GetUser(login));
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<store::Credential> sessions,
                         deps.store->ListCredentials(store::CredentialKind::kSession, user.login));
  const bool all = ctx.Query("all").value_or("") == "true";
  json out = json::array();
  // Newest first; ended and expired ones only when asked for (?all=true).
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
    if (all || it->LiveAt(ctx.now)) out.push_back(SessionJson(*it, ctx.now));
  }
  return Reply::Json(200, {{"sessions", std::move(out)}});
}

Reply EndUserSessions(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  MOTCUA_ASSIGN_OR_REPLY(const access::User user,
                         deps.store->GetUser(std::string(ctx.PathParam("login"))));
  int ended = 0;
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(ended, EndSessions(tx, ctx, user.login));
    return WriteAudit(tx, ctx, "user.end_sessions", user.login, {{"sessions_ended", ended}});
  }));
  return Reply::Json(200, {{"sessions_ended", ended}});
}

// ---- Delegation grants.

Reply ListGrants(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageGrants)) return *e;
  store::GrantFilter filter;
  if (auto a = ctx.Query("agency"); a && !a->empty()) filter.agency_code = std::string(*a);
  if (auto g = ctx.Query("grantee"); g && !g->empty()) filter.grantee_login = std::string(*g);
  std::optional<bool> in_force;
  if (auto f = ctx.Query("in_force")) {
    if (*f != "true" && *f != "false") {
      return ApiError::BadRequest("malformed_query",
                                  "Tham số \"in_force\" phải là true hoặc false.");
    }
    in_force = *f == "true";
  }
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<access::Grant> grants, deps.store->ListGrants(filter));
  const auto domain = deps.domain->Current();
  json out = json::array();
  for (const access::Grant& g : grants) {
    if (in_force && g.InForceAt(ctx.now) != *in_force) continue;
    out.push_back(GrantJson(g, ctx.now, &domain->catalog));
  }
  return Reply::Json(200, {{"grants", std::move(out)}});
}

Reply GetGrant(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageGrants)) return *e;
  const auto id = ParseId(ctx.PathParam("id"));
  if (!id) return NoSuch("no grant " + std::string(ctx.PathParam("id")));
  MOTCUA_ASSIGN_OR_REPLY(const access::Grant grant, deps.store->GetGrant(*id));
  return Reply::Json(200, GrantJson(grant, ctx.now, &deps.domain->Current()->catalog));
}

Reply CreateGrant(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageGrants)) return *e;
  MOTCUA_ASSIGN_OR_REPLY(const json body, ctx.JsonBody());
  http::ObjectReader r(body);
  access::Grant grant;
  grant.agency_code = r.String("agency");
  grant.grantee_login = r.String("grantee");
  const std::vector<std::string> action_names = r.StringArray("actions");
  const std::string from_text = r.String("valid_from");
  const std::optional<std::string> to_text = r.OptionalString("valid_to");
  const std::string tier_text = r.OptionalString("tier").value_or("primary");
  grant.contract_reference = r.OptionalString("contract_reference").value_or("");
  std::string scope_kind = "agency";
  std::vector<std::string> scope_codes;
  if (std::optional<http::ObjectReader> scope = r.OptionalObject("scope")) {
    scope_kind = scope->String("kind");
    if (scope->Raw("codes") != nullptr) scope_codes = scope->StringArray("codes");
  }
  for (const std::string& name : action_names) {
    Result<access::GrantAction> a = access::ParseGrantAction(name);
    r.Require(a.ok(), "actions", "Thao tác ủy quyền không có: \"" + name + "\".");
    if (a.ok()) grant.actions.push_back(*a);
  }
  const Result<Instant> from = ParseWhen(from_text, /*day_end=*/false);
  r.Require(from.ok(), "valid_from",
            "Ngày bắt đầu phải có dạng YYYY-MM-DD hoặc ngày giờ RFC 3339.");
  std::optional<Result<Instant>> to;
  if (to_text) {
    to = ParseWhen(*to_text, /*day_end=*/true);
    r.Require(to->ok(), "valid_to",
              "Ngày kết thúc phải có dạng YYYY-MM-DD hoặc ngày giờ RFC 3339.");
  }
  const Result<access::GrantTier> tier = access::ParseGrantTier(tier_text);
  r.Require(tier.ok(), "tier", "Bậc ủy quyền là primary hoặc backup.");
  const Result<access::ScopeKind> kind = access::ParseScopeKind(scope_kind);
  r.Require(kind.ok(), "scope", "Phạm vi là agency, fields hoặc procedures.");
  if (auto error = r.Finish()) return *error;
  if (auto e = CheckLengths(
          {{"/grantee", grant.grantee_login, text_limits::kLogin},
           {"/contract_reference", grant.contract_reference, text_limits::kContractReference}})) {
    return *e;
  }
  grant.valid_from = *from;
  if (to) grant.valid_to = **to;
  grant.tier = *tier;
  grant.scope = {*kind, scope_codes};

  const auto domain = deps.domain->Current();
  if (domain->catalog.FindAgency(grant.agency_code) == nullptr) {
    return ApiError::Unprocessable("unknown_agency",
                                   "Không có cơ quan mã \"" + grant.agency_code + "\".");
  }
  for (const std::string& code : grant.scope.codes) {
    const bool known = grant.scope.kind == access::ScopeKind::kFields
                           ? domain->catalog.FindField(grant.agency_code, code) != nullptr
                           : !domain->catalog.Versions(code).empty();
    if (!known) {
      return ApiError::Unprocessable(
          "unknown_scope_code",
          "Phạm vi ủy quyền có mã không có trong danh mục: \"" + code + "\".");
    }
  }
  Result<access::User> grantee = deps.store->GetUser(grant.grantee_login);
  if (!grantee.ok()) {
    if (grantee.status().code() != Status::Code::kNotFound) {
      return Reply::FromStatus(grantee.status());
    }
    return ApiError::Unprocessable("unknown_user",
                                   "Không có người dùng \"" + grant.grantee_login + "\".");
  }
  // A grant delegates desk work; it would allow nothing to anyone else
  // (access/authorize.h).
  if (!grantee->HasRole(access::Role::kDesk)) {
    return ApiError::Unprocessable("grantee_not_desk",
                                   "Người được ủy quyền phải có vai trò desk (một cửa).");
  }
  json rendered;
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(const access::Grant stored, tx.CreateGrant(grant));
    rendered = GrantJson(stored, ctx.now, &domain->catalog);
    return WriteAudit(tx, ctx, "grant.create", std::to_string(stored.id), rendered);
  }));
  return Reply::Json(201, rendered);
}

Reply RevokeGrant(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageGrants)) return *e;
  const auto id = ParseId(ctx.PathParam("id"));
  if (!id) return NoSuch("no grant " + std::string(ctx.PathParam("id")));
  MOTCUA_ASSIGN_OR_REPLY(access::Grant grant, deps.store->GetGrant(*id));
  const auto domain = deps.domain->Current();
  // The first revocation stays: the audit and the reports judge by it.
  if (grant.revoked_at) return Reply::Json(200, GrantJson(grant, ctx.now, &domain->catalog));
  grant.revoked_at = ctx.now;
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.UpdateGrant(grant));
    return WriteAudit(tx, ctx, "grant.revoke", std::to_string(grant.id),
                      {{"agency", grant.agency_code}, {"grantee", grant.grantee_login}});
  }));
  return Reply::Json(200, GrantJson(grant, ctx.now, &domain->catalog));
}

// ---- API tokens.

Reply ListTokens(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  const std::string login(ctx.Query("login").value_or(""));
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<store::Credential> tokens,
                         deps.store->ListCredentials(store::CredentialKind::kApiToken, login));
  json out = json::array();
  for (const store::Credential& c : tokens) out.push_back(ApiTokenJson(c, ctx.now));
  return Reply::Json(200, {{"api_tokens", std::move(out)}});
}

Reply CreateToken(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  MOTCUA_ASSIGN_OR_REPLY(const json body, ctx.JsonBody());
  http::ObjectReader r(body);
  store::Credential c;
  c.kind = store::CredentialKind::kApiToken;
  c.login = r.String("login");
  c.label = r.String("label");
  const std::optional<std::string> expires_text = r.OptionalString("expires_at");
  r.Require(!c.label.empty(), "label", "Nhãn (hệ thống dùng mã) không được để trống.");
  std::optional<Result<Instant>> expires;
  if (expires_text) {
    expires = ParseDateTime(*expires_text);
    r.Require(expires->ok() && **expires > ctx.now, "expires_at",
              "Hạn dùng phải là ngày giờ RFC 3339 trong tương lai.");
  }
  if (auto error = r.Finish()) return *error;
  if (auto e = CheckLengths({{"/login", c.login, text_limits::kLogin},
                             {"/label", c.label, text_limits::kTokenLabel}})) {
    return *e;
  }
  if (expires) c.expires_at = **expires;

  Result<access::User> user = deps.store->GetUser(c.login);
  if (!user.ok()) {
    if (user.status().code() != Status::Code::kNotFound) return Reply::FromStatus(user.status());
    return ApiError::Unprocessable("unknown_user", "Không có người dùng \"" + c.login + "\".");
  }
  const std::string token = http::NewToken(http::TokenKind::kApi);
  c.token_hash = http::TokenHash(token);
  c.created_by = ctx.user->login;
  c.created_at = ctx.now;
  store::Credential stored;
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(stored, tx.CreateCredential(c));
    return WriteAudit(tx, ctx, "credential.create", std::to_string(stored.id),
                      {{"kind", "api_token"}, {"login", stored.login}, {"label", stored.label}});
  }));
  return Reply::Json(201, {{"token", token}, {"api_token", ApiTokenJson(stored, ctx.now)}});
}

Reply RevokeToken(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageUsers)) return *e;
  const auto id = ParseId(ctx.PathParam("id"));
  if (!id) return NoSuch("no API token " + std::string(ctx.PathParam("id")));
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<store::Credential> tokens,
                         deps.store->ListCredentials(store::CredentialKind::kApiToken, ""));
  const store::Credential* found = nullptr;
  for (const store::Credential& c : tokens) {
    if (c.id == *id) found = &c;
  }
  // Sessions are not API tokens: this route does not reach them.
  if (found == nullptr) return NoSuch("no API token " + std::to_string(*id));
  store::Credential token = *found;
  if (token.revoked_at) return Reply::Json(200, ApiTokenJson(token, ctx.now));
  MOTCUA_REPLY_IF_ERROR(deps.store->Atomically([&](store::Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.RevokeCredential(token.id, ctx.now));
    return WriteAudit(tx, ctx, "credential.revoke", std::to_string(token.id),
                      {{"kind", "api_token"}, {"login", token.login}});
  }));
  token.revoked_at = ctx.now;
  return Reply::Json(200, ApiTokenJson(token, ctx.now));
}

// ---- Catalog and audit.

Reply ReloadCatalog(const ApiDeps& deps, RequestContext& ctx) {
  if (auto e = Refuse(ctx, access::Operation::kManageCatalog)) return *e;
  const Status reloaded = deps.domain->Reload();
  if (!reloaded.ok()) {
    ApiError e = ApiError::Unprocessable(
        "catalog_invalid", "Không nạp được danh mục; danh mục đang dùng được giữ nguyên.");
    e.detail = reloaded.message();
    return e;
  }
  const auto domain = deps.domain->Current();
  const json counts = {{"agencies", domain->catalog.Agencies().size()},
                       {"procedure_versions", domain->catalog.AllVersions().size()}};
  MOTCUA_REPLY_IF_ERROR(WriteAudit(*deps.store, ctx, "catalog.reload", "catalog", counts));
  return Reply::Json(200, counts);
}

Reply ListAudit(const ApiDeps& deps, RequestContext& ctx) {
  if (!ctx.user->HasRole(access::Role::kAdmin)) {
    return ApiError::Forbidden("permission_denied", "Chỉ quản trị viên xem được nhật ký quản trị.",
                               access::DecisionCodeName(access::DecisionCode::kRoleNotPermitted));
  }
  MOTCUA_ASSIGN_OR_REPLY(const auto before,
                         QueryInt(ctx, "before", 1, std::numeric_limits<std::int64_t>::max()));
  MOTCUA_ASSIGN_OR_REPLY(const auto limit, QueryInt(ctx, "limit", 1, kMaxAuditPage));
  const int page = static_cast<int>(limit.value_or(kDefaultAuditPage));
  MOTCUA_ASSIGN_OR_REPLY(const std::vector<store::AuditEntry> entries,
                         deps.store->ListAudit(before.value_or(0), page));
  json out = json::array();
  for (const store::AuditEntry& e : entries) out.push_back(AuditJson(e));
  const json next = static_cast<int>(entries.size()) == page && !entries.empty()
                        ? json(entries.back().id)
                        : json(nullptr);
  return Reply::Json(200, {{"entries", std::move(out)}, {"next_before", next}});
}

// ---- Registration.

json Ref(const char* name) { return {{"$ref", std::string("#/components/schemas/") + name}}; }
json ListOf(const char* key, const char* item) {
  return {{"type", "object"},
          {"required", {key}},
          {"properties", {{key, {{"type", "array"}, {"items", Ref(item)}}}}}};
}

void AddSchemas(http::SchemaRegistry& schemas) {
  AddAccountSchemas(schemas);
  std::vector<std::string> roles;
  for (access::Role r : access::AllRoles()) roles.push_back(access::RoleName(r));
  std::vector<std::string> actions;
  for (access::GrantAction a : access::AllGrantActions()) {
    actions.push_back(access::GrantActionName(a));
  }
  const json day_or_time = {
      {"type", "string"},
      {"description",
       "YYYY-MM-DD (a whole day, Vietnam time) or an RFC 3339 date-time (that instant)."}};
  schemas.Add("UserList", ListOf("users", "User"));
  schemas.Add(
      "UserPut",
      {{"type", "object"},
       {"required", {"display_name", "roles"}},
       {"additionalProperties", false},
       {"properties",
        {{"display_name",
          MaxLength({{"type", "string"}, {"minLength", 1}}, text_limits::kDisplayName)},
         {"roles",
          {{"type", "array"}, {"minItems", 1}, {"items", {{"type", "string"}, {"enum", roles}}}}},
         {"agency", {{"type", "string"}, {"description", "The user's own agency (unit code)."}}},
         {"password",
          {{"type", "string"},
           {"minLength", 8},
           {"maxLength", text_limits::kPassword.max},
           {"description", "Required for a new user; absent: the password stays."}}},
         {"disabled", {{"type", "boolean"}, {"default", false}}}}}});
  schemas.Add("GrantList", ListOf("grants", "Grant"));
  schemas.Add(
      "GrantCreate",
      {{"type", "object"},
       {"required", {"agency", "grantee", "actions", "valid_from"}},
       {"additionalProperties", false},
       {"properties",
        {{"agency", {{"type", "string"}}},
         {"grantee", {{"type", "string"}, {"description", "A user with the desk role."}}},
         {"actions",
          {{"type", "array"}, {"minItems", 1}, {"items", {{"type", "string"}, {"enum", actions}}}}},
         {"scope",
          {{"type", "object"},
           {"required", {"kind"}},
           {"additionalProperties", false},
           {"properties",
            {{"kind", {{"type", "string"}, {"enum", {"agency", "fields", "procedures"}}}},
             {"codes", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}}},
         {"valid_from", day_or_time},
         {"valid_to",
          {{"type", "string"},
           {"description",
            "YYYY-MM-DD: the last day in force; a date-time: the first instant no longer in "
            "force. Absent: open-ended."}}},
         {"tier", {{"type", "string"}, {"enum", {"primary", "backup"}}, {"default", "primary"}}},
         {"contract_reference",
          MaxLength({{"type", "string"}}, text_limits::kContractReference)}}}});
  schemas.Add("ApiTokenList", ListOf("api_tokens", "ApiToken"));
  schemas.Add("SessionList", ListOf("sessions", "LoginSession"));
  schemas.Add("SessionsEnded",
              {{"type", "object"},
               {"required", {"sessions_ended"}},
               {"properties", {{"sessions_ended", {{"type", "integer"}, {"minimum", 0}}}}}});
  schemas.Add(
      "ApiTokenCreate",
      {{"type", "object"},
       {"required", {"login", "label"}},
       {"additionalProperties", false},
       {"properties",
        {{"login", {{"type", "string"}, {"description", "The user the token acts as."}}},
         {"label", MaxLength({{"type", "string"}, {"description", "The integration it serves."}},
                             text_limits::kTokenLabel)},
         {"expires_at", {{"type", "string"}, {"format", "date-time"}}}}}});
  schemas.Add(
      "ApiTokenCreated",
      {{"type", "object"},
       {"required", {"token", "api_token"}},
       {"properties",
        {{"token",
          {{"type", "string"}, {"description", "The secret (\"mca_…\"), shown this once only."}}},
         {"api_token", Ref("ApiToken")}}}});
  schemas.Add(
      "CatalogReloaded",
      {{"type", "object"},
       {"required", {"agencies", "procedure_versions"}},
       {"properties",
        {{"agencies", {{"type", "integer"}}}, {"procedure_versions", {{"type", "integer"}}}}}});
  schemas.Add("AuditPage",
              {{"type", "object"},
               {"required", {"entries", "next_before"}},
               {"properties",
                {{"entries", {{"type", "array"}, {"items", Ref("AuditEntry")}}},
                 {"next_before",
                  {{"type", {"integer", "null"}},
                   {"description", "Pass as ?before= for the next (older) page."}}}}}});
}

using AdminHandler = Reply (*)(const ApiDeps&, RequestContext&);

struct Spec {
  http::Method method;
  const char* pattern;  // below /api/v1/admin
  const char* op;
  const char* summary;
  AdminHandler handler;
  const char* request_schema = "";
  const char* response_schema = "";
  int success_status = 200;
  std::vector<int> errors = {};
  std::vector<http::ParamDoc> params = {};
};

}  // namespace

Status AddAdminRoutes(http::RouteTable& routes, http::SchemaRegistry& schemas,
                      const ApiDeps& deps) {
  AddSchemas(schemas);
  using M = http::Method;
  const std::vector<Spec> specs = {
      {M::kGet, "/users", "listUsers", "Danh sách người dùng", &ListUsers, "", "UserList"},
      {M::kGet, "/users/{login}", "getUser", "Một người dùng", &GetUser, "", "User", 200, {404}},
      {M::kPut,
       "/users/{login}",
       "putUser",
       "Tạo hoặc thay người dùng",
       &PutUser,
       "UserPut",
       "User",
       200,
       {422}},
      {M::kPost,
       "/users/{login}/disable",
       "disableUser",
       "Khoá người dùng (các phiên đang mở kết thúc)",
       [](const ApiDeps& d, RequestContext& c) { return SetDisabled(d, c, true); },
       "",
       "User",
       200,
       {404, 422}},
      {M::kPost,
       "/users/{login}/enable",
       "enableUser",
       "Mở khoá người dùng",
       [](const ApiDeps& d, RequestContext& c) { return SetDisabled(d, c, false); },
       "",
       "User",
       200,
       {404}},
      {M::kGet,
       "/users/{login}/sessions",
       "listUserSessions",
       "Các phiên đăng nhập của người dùng (mới nhất trước)",
       &ListSessions,
       "",
       "SessionList",
       200,
       {404},
       {{.name = "all",
         .type = "boolean",
         .description = "Also the ended and expired sessions (true); default: the live ones."}}},
      {M::kPost,
       "/users/{login}/sessions/end",
       "endUserSessions",
       "Kết thúc mọi phiên đăng nhập của người dùng (trừ phiên đang dùng)",
       &EndUserSessions,
       "",
       "SessionsEnded",
       200,
       {404}},
      {M::kGet,
       "/grants",
       "listGrants",
       "Danh sách ủy quyền",
       &ListGrants,
       "",
       "GrantList",
       200,
       {},
       {{.name = "agency", .description = "The delegating agency (unit code)."},
        {.name = "grantee", .description = "The grantee's login."},
        {.name = "in_force",
         .type = "boolean",
         .description = "Only grants in force now (true) or not (false)."}}},
      {M::kGet, "/grants/{id}", "getGrant", "Một ủy quyền", &GetGrant, "", "Grant", 200, {404}},
      {M::kPost,
       "/grants",
       "createGrant",
       "Tạo ủy quyền",
       &CreateGrant,
       "GrantCreate",
       "Grant",
       201,
       {422}},
      {M::kPost,
       "/grants/{id}/revoke",
       "revokeGrant",
       "Thu hồi ủy quyền (từ bây giờ)",
       &RevokeGrant,
       "",
       "Grant",
       200,
       {404}},
      {M::kGet,
       "/tokens",
       "listApiTokens",
       "Danh sách mã truy cập API (không có mã bí mật)",
       &ListTokens,
       "",
       "ApiTokenList",
       200,
       {},
       {{.name = "login", .description = "Only the tokens of this user."}}},
      {M::kPost,
       "/tokens",
       "createApiToken",
       "Tạo mã truy cập API (mã chỉ hiện một lần)",
       &CreateToken,
       "ApiTokenCreate",
       "ApiTokenCreated",
       201,
       {422}},
      {M::kPost,
       "/tokens/{id}/revoke",
       "revokeApiToken",
       "Thu hồi mã truy cập API",
       &RevokeToken,
       "",
       "ApiToken",
       200,
       {404}},
      {M::kPost,
       "/catalog/reload",
       "reloadCatalog",
       "Nạp lại danh mục và lịch làm việc từ thư mục dữ liệu",
       &ReloadCatalog,
       "",
       "CatalogReloaded",
       200,
       {422}},
      {M::kGet,
       "/audit",
       "listAudit",
       "Nhật ký quản trị (mới nhất trước)",
       &ListAudit,
       "",
       "AuditPage",
       200,
       {},
       {{.name = "before",
         .type = "integer",
         .description = "Only entries with a smaller id (the next_before of the previous page)."},
        {.name = "limit", .type = "integer", .description = "1..1000, default 100."}}},
  };
  for (const Spec& s : specs) {
    http::Route r;
    r.method = s.method;
    r.pattern = std::string("/api/v1/admin") + s.pattern;
    r.doc.operation_id = s.op;
    r.doc.summary = s.summary;
    r.doc.tag = "admin";
    r.doc.params = s.params;
    r.doc.request_schema = s.request_schema;
    r.doc.response_schema = s.response_schema;
    r.doc.success_status = s.success_status;
    r.doc.errors = s.errors;
    r.access = http::Access::kUser;
    r.execution = http::Execution::kWorker;
    r.handler = [deps, h = s.handler](RequestContext& ctx) { return h(deps, ctx); };
    MOTCUA_RETURN_IF_ERROR(routes.Add(std::move(r)));
  }
  return Status::Ok();
}

}  // namespace motcua::api
