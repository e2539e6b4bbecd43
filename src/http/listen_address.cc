#include "http/listen_address.h"

#include <arpa/inet.h>

#include <charconv>

namespace motcua::http {

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("--listen \"" + std::string(text) + "\": " + why);
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return bad("expected HOST:PORT");
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);

  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return bad("the port must be a number 0..65535");
  }

  ListenAddress out;
  out.port = static_cast<std::uint16_t>(port);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    const std::string v6(host.substr(1, host.size() - 2));
    in6_addr a6;
    if (inet_pton(AF_INET6, v6.c_str(), &a6) != 1) return bad("not an IPv6 address");
    out.host = v6;
    return out;
  }
  if (host == "localhost") {
    out.host = "127.0.0.1";
    return out;
  }
  const std::string v4(host);
  in_addr a4;
  if (inet_pton(AF_INET, v4.c_str(), &a4) != 1) {
    return bad("HOST must be an IPv4 address, [IPv6] or localhost");
  }
  out.host = v4;
  return out;
}

}  // namespace motcua::http
