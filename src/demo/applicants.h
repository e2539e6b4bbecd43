// Applicants of the demo year: Vietnamese people with plausible names,
// mobile numbers and citizen identity (CCCD) numbers, and the organizations
// that file the agencies' procedures for organizations.
//
// Pure; thread-compatible (draws from the caller's Rng).
#pragma once

#include "demo/random.h"
#include "dossier/dossier.h"

namespace motcua::demo {

// A citizen. Their login is the CCCD number, as on the national public
// service portal, since every pilot dossier was submitted online.
dossier::Applicant RandomCitizen(Rng& rng);
// An organization (an association, a publisher, an institute) represented by
// a citizen; the login is the representative's.
dossier::Applicant RandomOrganization(Rng& rng);

}  // namespace motcua::demo
