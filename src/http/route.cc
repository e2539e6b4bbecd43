#include "http/route.h"

#include <algorithm>
#include <set>

namespace motcua::http {
namespace {

bool IsLiteralChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

bool IsParamNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::vector<std::string_view> Segments(std::string_view pattern) {
  std::vector<std::string_view> out;
  pattern.remove_prefix(1);
  while (true) {
    const auto slash = pattern.find('/');
    out.push_back(pattern.substr(0, slash));
    if (slash == std::string_view::npos) break;
    pattern.remove_prefix(slash + 1);
  }
  return out;
}

bool IsParam(std::string_view segment) { return segment.size() > 2 && segment.front() == '{'; }

// "/a/{x}/b" → "/a/{}/b": two patterns of one shape match the same paths.
std::string Shape(std::string_view pattern) {
  std::string out;
  for (const auto seg : Segments(pattern)) {
    out += '/';
    if (IsParam(seg)) {
      out += "{}";
    } else {
      out.append(seg);
    }
  }
  return out;
}

// 0 for a literal segment, 1 for a parameter: sorting on this puts literals first.
std::vector<int> Specificity(std::string_view pattern) {
  std::vector<int> out;
  for (const auto seg : Segments(pattern)) out.push_back(IsParam(seg) ? 1 : 0);
  return out;
}

}  // namespace

const char* MethodName(Method m) {
  switch (m) {
    case Method::kGet:
      return "GET";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
  }
  return "GET";
}

std::optional<Method> ParseMethod(std::string_view name) {
  for (Method m : {Method::kGet, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete}) {
    if (name == MethodName(m)) return m;
  }
  return std::nullopt;
}

Result<std::vector<std::string>> PatternParams(std::string_view pattern) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("route pattern \"" + std::string(pattern) + "\": " + why);
  };
  if (pattern.empty() || pattern.front() != '/') return bad("must start with '/'");
  if (pattern == "/") return std::vector<std::string>{};
  std::vector<std::string> params;
  for (const auto seg : Segments(pattern)) {
    if (seg.empty()) return bad("empty segment");
    if (seg.front() == '{') {
      if (seg.size() < 3 || seg.back() != '}') return bad("a parameter is a whole segment {name}");
      const auto name = seg.substr(1, seg.size() - 2);
      if (!std::all_of(name.begin(), name.end(), IsParamNameChar)) {
        return bad("parameter names are [A-Za-z0-9_]");
      }
      if (std::find(params.begin(), params.end(), name) != params.end()) {
        return bad("parameter {" + std::string(name) + "} twice");
      }
      params.emplace_back(name);
    } else if (!std::all_of(seg.begin(), seg.end(), IsLiteralChar)) {
      return bad("literal segments are [A-Za-z0-9._-]");
    }
  }
  return params;
}

Status RouteTable::Add(Route route) {
  MOTCUA_RETURN_IF_ERROR(PatternParams(route.pattern).status());
  const std::string what = std::string(MethodName(route.method)) + " " + route.pattern;
  if (!route.handler) return Status::InvalidArgument(what + ": no handler");
  if (route.doc.operation_id.empty() || route.doc.summary.empty()) {
    return Status::InvalidArgument(what +
                                   ": the OpenAPI document needs an operation id and a summary");
  }
  const std::string shape = Shape(route.pattern);
  for (const Route& r : routes_) {
    if (r.method == route.method && Shape(r.pattern) == shape) {
      return Status::InvalidArgument(what + ": same method and shape as " + r.pattern);
    }
    if (r.doc.operation_id == route.doc.operation_id) {
      return Status::InvalidArgument(what + ": operation id " + r.doc.operation_id +
                                     " already used by " + r.pattern);
    }
  }
  routes_.push_back(std::move(route));
  return Status::Ok();
}

std::vector<const Route*> RouteTable::MatchOrder() const {
  std::vector<const Route*> out;
  for (const Route& r : routes_) out.push_back(&r);
  std::stable_sort(out.begin(), out.end(), [](const Route* a, const Route* b) {
    return Specificity(a->pattern) < Specificity(b->pattern);
  });
  return out;
}

std::vector<std::string> RouteTable::Patterns() const {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Route* r : MatchOrder()) {
    if (seen.insert(r->pattern).second) out.push_back(r->pattern);
  }
  return out;
}

std::string RouteTable::AllowedMethods(std::string_view pattern) const {
  std::string out;
  for (Method m : {Method::kGet, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete}) {
    for (const Route& r : routes_) {
      if (r.pattern == pattern && r.method == m) {
        if (!out.empty()) out += ", ";
        out += MethodName(m);
      }
    }
  }
  return out;
}

}  // namespace motcua::http
