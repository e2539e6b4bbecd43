#include "api/account_json.h"

#include <string>

namespace motcua::api {

using nlohmann::json;

namespace {

json Str() { return {{"type", "string"}}; }
json NullableStr() { return {{"type", {"string", "null"}}}; }
json DateTimeOrNull() { return {{"type", {"string", "null"}}, {"format", "date-time"}}; }
json DateTime() { return {{"type", "string"}, {"format", "date-time"}}; }
json StrArray() { return {{"type", "array"}, {"items", Str()}}; }
json Int() { return {{"type", "integer"}}; }
json Bool() { return {{"type", "boolean"}}; }

json Enum(std::vector<std::string> values) { return {{"type", "string"}, {"enum", values}}; }

// A listed credential (SessionJson, ApiTokenJson): an API token also names
// its user and its creator.
json CredentialSchema(const char* description, bool with_owner) {
  json required = json::array();
  json properties = json::object();
  const auto add = [&](const char* name, json schema) {
    required.push_back(name);
    properties[name] = std::move(schema);
  };
  add("id", Int());
  if (with_owner) add("login", Str());
  add("label", Str());
  if (with_owner) add("created_by", Str());
  add("created_at", DateTime());
  add("expires_at", DateTimeOrNull());
  add("revoked_at", DateTimeOrNull());
  add("live", Bool());
  return {{"type", "object"},
          {"description", description},
          {"required", std::move(required)},
          {"properties", std::move(properties)}};
}

}  // namespace

json InstantJson(std::optional<Instant> t) {
  if (!t) return nullptr;
  return FormatDateTime(*t);
}

json UserJson(const access::User& user) {
  json roles = json::array();
  for (access::Role r : user.roles) roles.push_back(access::RoleName(r));
  return {{"login", user.login},
          {"display_name", user.display_name},
          {"roles", std::move(roles)},
          {"agency", user.agency_code.empty() ? json(nullptr) : json(user.agency_code)},
          {"disabled", user.disabled}};
}

json GrantJson(const access::Grant& grant, Instant now, const catalog::Catalog* catalog) {
  json actions = json::array();
  for (access::GrantAction a : grant.actions) actions.push_back(access::GrantActionName(a));
  json out = {{"id", grant.id}, {"agency", grant.agency_code}};
  if (catalog != nullptr) {
    const catalog::Agency* agency = catalog->FindAgency(grant.agency_code);
    out["agency_name"] = agency != nullptr ? json(agency->name) : json(nullptr);
  }
  out["grantee"] = grant.grantee_login;
  out["scope"] = {{"kind", access::ScopeKindName(grant.scope.kind)}, {"codes", grant.scope.codes}};
  out["actions"] = std::move(actions);
  out["valid_from"] = FormatDateTime(grant.valid_from);
  out["valid_to"] = InstantJson(grant.valid_to);
  out["revoked_at"] = InstantJson(grant.revoked_at);
  out["tier"] = access::GrantTierName(grant.tier);
  out["contract_reference"] = grant.contract_reference;
  out["in_force"] = grant.InForceAt(now);
  return out;
}

json SessionJson(const store::Credential& c, Instant now) {
  return {{"id", c.id},
          {"label", c.label},
          {"created_at", FormatDateTime(c.created_at)},
          {"expires_at", InstantJson(c.expires_at)},
          {"revoked_at", InstantJson(c.revoked_at)},
          {"live", c.LiveAt(now)}};
}

json ApiTokenJson(const store::Credential& c, Instant now) {
  json out = SessionJson(c, now);
  out["login"] = c.login;
  out["created_by"] = c.created_by;
  return out;
}

json AuditJson(const store::AuditEntry& e) {
  json detail = nullptr;
  if (!e.detail.empty()) {
    detail = json::parse(e.detail, nullptr, /*allow_exceptions=*/false);
    if (detail.is_discarded()) detail = e.detail;  // written by hand: show it as text
  }
  return {{"id", e.id},
          {"at", FormatDateTime(e.at)},
          {"actor", e.actor},
          {"acting_for", e.acting_for.empty() ? json(nullptr) : json(e.acting_for)},
          {"request_id", e.request_id},
          {"action", e.action},
          {"target", e.target},
          {"detail", std::move(detail)}};
}

void AddAccountSchemas(http::SchemaRegistry& schemas) {
  if (schemas.Has("User")) return;
  std::vector<std::string> roles;
  for (access::Role r : access::AllRoles()) roles.push_back(access::RoleName(r));
  std::vector<std::string> actions;
  for (access::GrantAction a : access::AllGrantActions())
    actions.push_back(access::GrantActionName(a));

  schemas.Add("User", {{"type", "object"},
                       {"required", {"login", "display_name", "roles", "agency", "disabled"}},
                       {"properties",
                        {{"login", Str()},
                         {"display_name", Str()},
                         {"roles", {{"type", "array"}, {"items", Enum(roles)}}},
                         {"agency", NullableStr()},
                         {"disabled", Bool()}}}});
  schemas.Add("Grant",
              {{"type", "object"},
               {"description",
                "A delegation grant: the agency lets the grantee do the listed desk actions on its "
                "behalf, within the scope, from valid_from (inclusive) to valid_to (exclusive)."},
               {"required",
                {"id", "agency", "grantee", "scope", "actions", "valid_from", "valid_to",
                 "revoked_at", "tier", "contract_reference", "in_force"}},
               {"properties",
                {{"id", Int()},
                 {"agency", Str()},
                 {"agency_name", NullableStr()},
                 {"grantee", Str()},
                 {"scope",
                  {{"type", "object"},
                   {"required", {"kind", "codes"}},
                   {"properties",
                    {{"kind", Enum({"agency", "fields", "procedures"})}, {"codes", StrArray()}}}}},
                 {"actions", {{"type", "array"}, {"items", Enum(actions)}}},
                 {"valid_from", DateTime()},
                 {"valid_to", DateTimeOrNull()},
                 {"revoked_at", DateTimeOrNull()},
                 {"tier", Enum({"primary", "backup"})},
                 {"contract_reference", Str()},
                 {"in_force", Bool()}}}});
  schemas.Add("ApiToken",
              CredentialSchema("An API token without its secret (shown only at creation).",
                               /*with_owner=*/true));
  schemas.Add("LoginSession", CredentialSchema("A login session without its token; label is "
                                               "the browser's User-Agent.",
                                               /*with_owner=*/false));
  schemas.Add("AuditEntry",
              {{"type", "object"},
               {"required",
                {"id", "at", "actor", "acting_for", "request_id", "action", "target", "detail"}},
               {"properties",
                {{"id", Int()},
                 {"at", DateTime()},
                 {"actor", Str()},
                 {"acting_for", NullableStr()},
                 {"request_id", Str()},
                 {"action", Str()},
                 {"target", Str()},
                 {"detail", {{"description", "Compact JSON of what changed, or null."}}}}}});
}

}  // namespace motcua::api
