// A minimal HTTP/1.1 client over plain POSIX sockets, for the tests that
// talk to a real server on loopback. One request per connection
// (Connection: close); the whole response is read until the server closes.
//
// Test-only (header-only so it stays out of the library).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace motcua::http::testing {

struct HttpResponse {
  int status = 0;  // 0: no response (connection closed or failed)
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercased
  std::string body;

  std::optional<std::string> Header(const std::string& lowercase_name) const {
    for (const auto& [n, v] : headers) {
      if (n == lowercase_name) return v;
    }
    return std::nullopt;
  }
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
  std::string ErrorCode() const {
    const auto j = Json();
    if (j.is_object() && j.contains("error") && j["error"].contains("code")) {
      return j["error"]["code"].get<std::string>();
    }
    return "";
  }
};

// A connected socket to 127.0.0.1:port, or -1.
inline int ConnectLoopback(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  timeval tv{};
  tv.tv_sec = 20;
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline bool SendAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

inline HttpResponse ParseResponse(const std::string& raw) {
  HttpResponse r;
  const auto head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) return r;
  r.status = std::stoi(raw.substr(9, 3));
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < head_end) {
    const auto eol = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, eol - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers.emplace_back(std::move(name), std::move(value));
    }
    pos = eol + 2;
  }
  r.body = raw.substr(head_end + 4);
  return r;
}

// Reads exactly one response from a kept-alive connection (Content-Length
// framing, as the server always sends).
inline HttpResponse ReadOneResponse(int fd) {
  std::string in;
  char buf[4096];
  std::size_t need = std::string::npos;
  while (need == std::string::npos || in.size() < need) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<std::size_t>(n));
    const auto head_end = in.find("\r\n\r\n");
    if (need == std::string::npos && head_end != std::string::npos) {
      const HttpResponse head = ParseResponse(in.substr(0, head_end + 4));
      const auto length = head.Header("content-length");
      need = head_end + 4 + (length ? std::stoul(*length) : 0);
    }
  }
  return ParseResponse(in);
}

// Sends `raw` as is and reads until the server closes the connection.
inline HttpResponse SendRaw(std::uint16_t port, const std::string& raw) {
  const int fd = ConnectLoopback(port);
  if (fd < 0) return {};
  const bool sent = SendAll(fd, raw);
  (void)sent;  // a server that refuses early may close before all is sent: read anyway
  std::string in;
  char buf[16384];
  while (true) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    in.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return ParseResponse(in);
}

inline HttpResponse Request(std::uint16_t port, const std::string& method,
                            const std::string& target, const std::string& body = "",
                            std::vector<std::pair<std::string, std::string>> headers = {}) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  bool has_type = false;
  for (const auto& [n, v] : headers) {
    raw += n + ": " + v + "\r\n";
    has_type = has_type || n == "Content-Type";
  }
  if (!body.empty() && !has_type) raw += "Content-Type: application/json\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  raw += "\r\n" + body;
  return SendRaw(port, raw);
}

}  // namespace motcua::http::testing
