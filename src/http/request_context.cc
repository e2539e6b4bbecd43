#include "http/request_context.h"

#include <cassert>

namespace motcua::http {

std::string_view RequestContext::PathParam(std::string_view name) const {
  for (const auto& [n, v] : path_params) {
    if (n == name) return v;
  }
  assert(false && "path parameter not declared by the route");
  return {};
}

std::optional<std::string_view> RequestContext::Query(std::string_view name) const {
  return FindParam(query, name);
}

std::optional<std::string_view> RequestContext::Header(std::string_view lowercase_name) const {
  for (const auto& [n, v] : headers) {
    if (n == lowercase_name) return std::string_view(v);
  }
  return std::nullopt;
}

ApiResult<nlohmann::json> RequestContext::JsonBody() const {
  return ParseJsonObject(Header("content-type").value_or(""), body, body_limits);
}

}  // namespace motcua::http
