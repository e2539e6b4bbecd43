// --listen HOST:PORT: where the server accepts connections.
//
// HOST is an IPv4 literal, an IPv6 literal in brackets ("[::1]:8080"), or
// "localhost" (127.0.0.1). Host names are refused rather than resolved: the
// address a server binds must not depend on DNS at start-up. PORT is 0..65535;
// 0 asks the system for a free port (tests).
//
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace motcua::http {

struct ListenAddress {
  std::string host;  // an IP literal, without brackets
  std::uint16_t port = 8080;
};

// InvalidArgument with the reason when `text` is not HOST:PORT.
Result<ListenAddress> ParseListenAddress(std::string_view text);

}  // namespace motcua::http
