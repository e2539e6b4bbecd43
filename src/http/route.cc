#include "http/route.h"

#include <algorithm>
#include <set>

#include "http/query.h"

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

RouteMatcher::RouteMatcher(const RouteTable& table) {
  for (const std::string& pattern : table.Patterns()) {
    Pattern& p = patterns_.emplace_back();
    p.pattern = pattern;
    for (const auto seg : Segments(pattern)) {
      Segment& s = p.segments.emplace_back();
      s.param = IsParam(seg);
      if (s.param) {
        p.param_names.emplace_back(seg.substr(1, seg.size() - 2));
      } else {
        s.literal = std::string(seg);
      }
    }
    for (const Route& r : table.routes()) {
      if (r.pattern == pattern) p.routes.push_back(&r);
    }
    p.allow = table.AllowedMethods(pattern);
  }
}

bool RouteMatcher::Fits(const Pattern& p, std::string_view path) {
  std::size_t pos = 1;
  for (std::size_t i = 0; i < p.segments.size(); ++i) {
    if (pos > path.size()) return false;
    const std::size_t slash = path.find('/', pos);
    const bool last = slash == std::string_view::npos;
    if (last != (i + 1 == p.segments.size())) return false;
    const std::string_view piece = path.substr(pos, last ? std::string_view::npos : slash - pos);
    const Segment& seg = p.segments[i];
    if (seg.param) {
      if (piece.empty()) return false;
    } else if (piece.find('%') == std::string_view::npos) {
      if (piece != seg.literal) return false;
    } else {
      const std::optional<std::string> decoded = PercentDecode(piece, /*plus_is_space=*/false);
      if (!decoded || *decoded != seg.literal) return false;
    }
    pos = last ? path.size() + 1 : slash + 1;
  }
  return true;
}

RouteMatch RouteMatcher::Match(std::string_view method, std::string_view path) const {
  RouteMatch m;
  if (path.empty() || path.front() != '/') return m;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') continue;
    auto hex = [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    };
    if (i + 2 >= path.size() || !hex(path[i + 1]) || !hex(path[i + 2])) {
      m.kind = RouteMatch::Kind::kMalformedPath;
      return m;
    }
  }
  const Pattern* first_fit = nullptr;
  for (const Pattern& p : patterns_) {
    if (!Fits(p, path)) continue;
    if (first_fit == nullptr) first_fit = &p;
    for (const Route* r : p.routes) {
      if (method != MethodName(r->method)) continue;
      m.kind = RouteMatch::Kind::kRoute;
      m.route = r;
      m.pattern = &p.pattern;
      m.param_names = &p.param_names;
      m.params.reserve(p.param_names.size());
      std::size_t pos = 1;
      for (const Segment& seg : p.segments) {
        const std::size_t slash = std::min(path.find('/', pos), path.size());
        if (seg.param) m.params.push_back(path.substr(pos, slash - pos));
        pos = slash + 1;
      }
      return m;
    }
  }
  if (first_fit != nullptr) {
    m.kind = RouteMatch::Kind::kMethodNotAllowed;
    m.pattern = &first_fit->pattern;
    m.allow = &first_fit->allow;
  }
  return m;
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
