// JSON renderings of dossiers for the API, and the schemas that describe
// them in the OpenAPI document (registered by AddDossierSchemas; each
// rendering and its schema sit side by side in dossier_json.cc).
//
// Times are RFC 3339 in Vietnam time ("2024-05-02T09:15:00+07:00"); absent
// times are null. Names of procedures, agencies and components come from the
// catalog snapshot of the request and are null when it does not know them.
//
// Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>

#include "catalog/catalog.h"
#include "dossier/dossier.h"
#include "dossier/event.h"
#include "http/openapi.h"
#include "store/records.h"
#include "util/civil_time.h"

namespace motcua::api {

// The whole dossier as staff and its applicant see it, with its standing at
// `now` (within_deadline / overdue while open after receipt), its
// classification once resolved, and the actions its state allows.
// DossierJsonText is that JSON as text, written directly (the routes answer
// it); DossierJson parses it back, for callers that need an object.
std::string DossierJsonText(const dossier::Dossier& d, const catalog::Catalog& catalog,
                            Instant now);
nlohmann::json DossierJson(const dossier::Dossier& d, const catalog::Catalog& catalog, Instant now);

// A row of a list or a search.
nlohmann::json SummaryJson(const store::DossierSummary& s);

// One event with the request that wrote it (store::RecordedEvent): its id
// is empty, and shown as null, for events the API did not write.
nlohmann::json EventJson(const store::RecordedEvent& r);

// What anyone holding the code and the applicant's phone may see: the state,
// the due time and appointment, and what is missing. Nothing personal: no
// name, phone, identity number, address, documents, handler or reasons.
nlohmann::json PublicDossierJson(const dossier::Dossier& d, const catalog::Catalog& catalog);

// The Vietnamese label of a state, for people ("Đang giải quyết").
const char* StateLabel(dossier::State s);

// "2024-05-02T09:15:00+07:00", or null.
nlohmann::json TimeJson(std::optional<Instant> t);

// Dossier, DossierSummary, DossierPage, Event, EventList, PublicDossier,
// ComponentInput, ApplicantInput.
void AddDossierSchemas(http::SchemaRegistry& schemas);

}  // namespace motcua::api
