// The JSON fields of dossier commands: one table per action says which
// fields its request body carries and which are required, and both the
// reading of a body into a dossier::Command and the body's JSON Schema in the
// OpenAPI document are derived from it, so the document and the parser
// cannot drift (STYLE.md rule 8).
//
// Every action body also carries "version" (the dossier version the client
// saw) and may carry "on_behalf_of" (the agency the request acts for); the
// route reads those. Components are [{"id":…, "document_hash":…}]; times are
// RFC 3339 ("2024-05-02T09:15:00+07:00").
//
// Presence and JSON types are checked here (400); content rules the life
// cycle owns (a reason that is empty, a second extension…) are left to
// dossier::Apply (422), except values that must parse (a time, an outcome, a
// return method, stars 1..5), which are 422 here.
//
// Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dossier/action.h"
#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "http/api_error.h"
#include "http/json_reader.h"

namespace motcua::api {

// The actions that have a route POST /api/v1/dossiers/{code}/<action>:
// every action of dossier/action.h except submit (POST /dossiers) and the
// question actions (the /questions routes), in the order of AllActions().
std::vector<dossier::Action> RoutedActions();

// Reads the fields of `action` (not version/on_behalf_of) from `r` into
// `cmd`. Errors are recorded in `r` or, for the components array and for a
// text over its limit (422 field_too_long, text_limits.h), returned: the
// caller reports them after r.Finish(), so a malformed body is 400 first.
// missing_components takes at most 100 ids, as components does.
std::optional<http::ApiError> ReadActionFields(dossier::Action action, http::ObjectReader& r,
                                               dossier::Command* cmd);

// Reads "components" (optional) as [{"id", "document_hash"?}].
std::optional<http::ApiError> ReadComponents(http::ObjectReader& r,
                                             std::vector<dossier::Component>* out);

// The JSON Schema of the body of POST /api/v1/dossiers/{code}/<action>.
nlohmann::json ActionRequestSchema(dossier::Action action);
// The schema of one component handed in.
nlohmann::json ComponentInputSchema();

}  // namespace motcua::api
