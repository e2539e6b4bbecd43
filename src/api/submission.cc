#include "api/submission.h"

#include <algorithm>

#include "api/command_fields.h"
#include "api/dossier_terms.h"
#include "api/text_limits.h"

namespace motcua::api {

using http::ApiError;
using nlohmann::json;

bool IsDialable(std::string_view phone) {
  int digits = 0;
  for (std::size_t i = 0; i < phone.size(); ++i) {
    const char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 9 && digits <= 15;
}

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsDotString(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') {
    return false;
  }
  char previous = 0;
  for (const char ch : local) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f) return false;
    if (std::string_view("\"(),:;<>@[\\]").find(ch) != std::string_view::npos) return false;
    if (ch == '.' && previous == '.') return false;
    previous = ch;
  }
  return true;
}

bool IsDomain(std::string_view domain) {
  int labels = 0;
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (const char ch : label) {
      const auto c = static_cast<unsigned char>(ch);
      if (!IsAsciiAlnum(c) && ch != '-' && c < 0x80) return false;
    }
    ++labels;
    start = dot + 1;
  }
  return labels >= 2;
}

}  // namespace

bool LooksLikeEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos) return false;
  return IsDotString(email.substr(0, at)) && IsDomain(email.substr(at + 1));
}

http::ApiResult<SubmissionInput> ReadSubmission(http::ObjectReader& r, bool staff_fields) {
  SubmissionInput in;
  in.procedure = r.String("procedure");
  if (staff_fields) {
    in.on_behalf_of = r.OptionalString("on_behalf_of").value_or("");
    if (const auto channel = r.OptionalString("channel")) {
      Result<dossier::Channel> c = dossier::ParseChannel(*channel);
      r.Require(c.ok(), "channel", "Kênh nộp phải là online, counter hoặc postal.");
      if (c.ok()) in.channel = *c;
    }
  }
  http::ObjectReader applicant = r.Object("applicant");
  in.applicant.name = applicant.String("name");
  in.applicant.phone = applicant.String("phone");
  // The phone opens the public lookup: it must be a number one can dial
  // (Vietnamese numbers have 10 digits; 9..15 leaves room for others).
  applicant.Require(in.applicant.phone.empty() || IsDialable(in.applicant.phone), "phone",
                    "Số điện thoại phải có từ 9 đến 15 chữ số, chỉ kèm dấu + ở đầu, khoảng "
                    "trắng, dấu chấm, gạch ngang hoặc ngoặc đơn.");
  in.applicant.id_number = applicant.OptionalString("id_number").value_or("");
  in.applicant.email = applicant.OptionalString("email").value_or("");
  applicant.Require(in.applicant.email.empty() || LooksLikeEmail(in.applicant.email), "email",
                    "Email phải có dạng ten@mien.vn.");
  std::optional<ApiError> components_error = ReadComponents(r, &in.components);
  if (auto e = r.Finish()) return *e;
  if (components_error) return *components_error;
  if (auto e =
          CheckLengths({{"/applicant/name", in.applicant.name, text_limits::kApplicantName},
                        {"/applicant/phone", in.applicant.phone, text_limits::kPhone},
                        {"/applicant/id_number", in.applicant.id_number, text_limits::kIdNumber},
                        {"/applicant/email", in.applicant.email, text_limits::kEmail}})) {
    return *e;
  }
  return in;
}

http::ApiResult<PreparedSubmission> PrepareSubmission(const catalog::Catalog& catalog,
                                                      const SubmissionInput& input,
                                                      dossier::Channel channel, Instant now) {
  Result<const catalog::Procedure*> p = ProcedureForSubmission(catalog, input.procedure, now);
  if (!p.ok()) return ApiError::FromStatus(p.status());
  const catalog::Procedure& procedure = **p;
  const bool offered =
      procedure.channels.empty() ||
      std::any_of(procedure.channels.begin(), procedure.channels.end(), [&](catalog::Channel c) {
        return catalog::ChannelName(c) == dossier::ChannelName(channel);
      });
  if (!offered) {
    ApiError e = ApiError::Unprocessable("channel_not_offered",
                                         "Thủ tục này không nhận hồ sơ qua kênh đã chọn.");
    e.detail = "procedure " + procedure.code + " is not offered through channel " +
               dossier::ChannelName(channel);
    return e;
  }
  Result<dossier::ProcedureTerms> terms = TermsForSubmission(catalog, procedure, now);
  if (!terms.ok()) return ApiError::FromStatus(terms.status());
  PreparedSubmission out;
  out.terms = std::move(terms).value();
  dossier::Command& cmd = out.command;
  cmd.action = dossier::Action::kSubmit;
  cmd.at = now;
  cmd.applicant = input.applicant;
  cmd.channel = channel;
  cmd.components = input.components;
  if (Status s = CheckComponentIds(procedure, cmd); !s.ok()) return ApiError::FromStatus(s);
  return out;
}

void AddSubmissionSchemas(http::SchemaRegistry& schemas) {
  const json properties = {
      {"procedure", {{"type", "string"}, {"description", "National procedure code."}}},
      {"applicant", {{"$ref", "#/components/schemas/ApplicantInput"}}},
      {"components",
       {{"type", "array"},
        {"items", {{"$ref", "#/components/schemas/ComponentInput"}}},
        {"description", "The components handed in now (more may follow at reception)."}}}};
  schemas.Add("PublicSubmitRequest", {{"type", "object"},
                                      {"additionalProperties", false},
                                      {"required", {"procedure", "applicant"}},
                                      {"properties", properties}});
  json staff = properties;
  staff["channel"] = {{"type", "string"},
                      {"enum", {"online", "counter", "postal"}},
                      {"description",
                       "online (the default, applicants only) or, for a desk, counter (the "
                       "default) or postal."}};
  staff["on_behalf_of"] = {
      {"type", "string"},
      {"description", "A desk: the agency that handles the procedure. Absent for applicants."}};
  schemas.Add("SubmitDossierRequest", {{"type", "object"},
                                       {"additionalProperties", false},
                                       {"required", {"procedure", "applicant"}},
                                       {"properties", std::move(staff)}});
}

}  // namespace motcua::api
