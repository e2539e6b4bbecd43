// Request ids: one per request, echoed in X-Request-Id, written in the access
// log and in the audit of every state-changing request.
//
// An incoming X-Request-Id (from a proxy or a client that wants to correlate)
// is kept when it is 1..64 characters of [A-Za-z0-9._:-]; anything else is
// replaced, so a header cannot inject text into logs. Generated ids are 32
// lowercase hex digits: 8 random bytes drawn once per thread, then that
// thread's request counter (unique, not secret: an id grants nothing).
//
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

bool IsValidRequestId(std::string_view id);
std::string NewRequestId();
// The incoming id when valid, else a new one.
std::string RequestIdFor(std::optional<std::string_view> incoming);

}  // namespace motcua::http
