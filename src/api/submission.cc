#include "api/submission.h"

#include <algorithm>

#include "api/command_fields.h"
#include "api/dossier_terms.h"
#include "api/text_limits.h"

namespace motcua::api {

using http::ApiError;
using nlohmann::json;

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
  const auto digits = std::count_if(in.applicant.phone.begin(), in.applicant.phone.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
  applicant.Require(in.applicant.phone.empty() || (digits >= 9 && digits <= 15), "phone",
                    "Số điện thoại phải có từ 9 đến 15 chữ số.");
  in.applicant.id_number = applicant.OptionalString("id_number").value_or("");
  in.applicant.email = applicant.OptionalString("email").value_or("");
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
