// Reading and preparing a submission, shared by the logged-in route (POST
// /api/v1/dossiers) and the public one (POST /api/v1/public/dossiers):
// the body's fields, the procedure version in force today, its terms, and
// the checks the catalog can make before the store assigns a code (the
// procedure accepts the channel; every component id exists).
//
// Body: {"procedure":"1.004227", "applicant":{"name","phone","id_number"?,
// "email"?}, "components":[{"id","document_hash"?}]?} plus, on the
// logged-in route only, "channel"? and "on_behalf_of"?.
//
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "dossier/terms.h"
#include "http/api_error.h"
#include "http/json_reader.h"
#include "http/openapi.h"
#include "util/civil_time.h"

namespace motcua::api {

struct SubmissionInput {
  std::string procedure;
  std::optional<dossier::Channel> channel;
  std::string on_behalf_of;
  dossier::Applicant applicant;  // login not read from the body
  std::vector<dossier::Component> components;
};

// A phone number one can dial, as people type it: 9..15 digits (Vietnamese
// numbers have 10), with spaces, dots, dashes and brackets between them and
// "+" only in front ("+84 (0) 912-345-678"). The public lookup is opened
// with it, so letters are refused.
bool IsDialable(std::string_view phone);

// The shape of an address mail can be sent to: local@domain with one "@",
// a local part of 1..64 bytes without spaces, brackets, quotes, commas,
// semicolons, colons or a leading, trailing or doubled dot (RFC 5321
// section 4.1.2's dot-string, which covers what citizens type; quoted local
// parts are not taken), and a domain of two or more dot-separated labels of
// letters, digits and inner hyphens (non-ASCII letters allowed for
// internationalized domains). It does not tell whether the mailbox exists.
bool LooksLikeEmail(std::string_view email);

// `staff_fields`: whether "channel" and "on_behalf_of" may appear.
http::ApiResult<SubmissionInput> ReadSubmission(http::ObjectReader& r, bool staff_fields);

struct PreparedSubmission {
  dossier::ProcedureTerms terms;
  dossier::Command command;  // submit at `now`; actor, on_behalf_of, code not set
};

// 422 for a procedure not in force today, one that does not accept
// `channel`, or a component id it does not have.
http::ApiResult<PreparedSubmission> PrepareSubmission(const catalog::Catalog& catalog,
                                                      const SubmissionInput& input,
                                                      dossier::Channel channel, Instant now);

// SubmitDossierRequest and PublicSubmitRequest.
void AddSubmissionSchemas(http::SchemaRegistry& schemas);

}  // namespace motcua::api
