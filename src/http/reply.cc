#include "http/reply.h"

namespace motcua::http {

Reply Reply::Json(int status, const nlohmann::json& body) {
  Reply r;
  r.status = status;
  // `replace`: text that came from storage is UTF-8 already; should a bad
  // byte slip in, answer with U+FFFD rather than fail the whole response.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Reply Reply::Text(int status, std::string content_type, std::string body) {
  Reply r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Reply Reply::Error(ApiError error) {
  Reply r;
  r.status = error.http_status;
  r.body = error.Body();
  r.headers = std::move(error.headers);
  if (error.retry_after_seconds) {
    r.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_seconds));
  }
  r.error_code = std::move(error.code);
  r.log_detail = std::move(error.log_detail);
  return r;
}

Reply Reply::FromStatus(const Status& status) { return Error(ApiError::FromStatus(status)); }

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

}  // namespace motcua::http
