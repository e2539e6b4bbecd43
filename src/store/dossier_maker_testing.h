// DossierMaker: builds real dossiers and transitions for store tests by
// running the pure life cycle (dossier::Apply) with a fixed calendar
// (2023-2026, office hours by default, no holidays) and one procedure.
// Test-only, header-only; thread-compatible.
#pragma once

#include <string>

#include "calendar/working_calendar.h"
#include "dossier/event.h"
#include "dossier/lifecycle.h"
#include "dossier/terms.h"
#include "util/civil_time.h"

namespace motcua::store {

inline Instant LocalTime(const char* text) {
  Result<Instant> t = ParseDateTime(text);
  return t.ok() ? *t : 0;
}

class DossierMaker {
 public:
  static constexpr char kAgency[] = "000.00.12.H29";

  DossierMaker() : cal_(Calendar()) {
    terms_.code = "1.004227";
    terms_.version = 1;
    terms_.agency_code = kAgency;
    terms_.field_code = "bao_chi";
    terms_.processing_time = {5, catalog::TimeUnit::kWorkingDays, catalog::PausePolicy::kPause};
    terms_.mandatory_component_ids = {"don"};
  }

  // The procedure as handled by `agency` (the one of the code or dossier).
  dossier::ProcedureTerms TermsFor(const std::string& agency) const {
    dossier::ProcedureTerms terms = terms_;
    terms.agency_code = agency;
    return terms;
  }

  // The submission of a dossier with `code` (the store's build function).
  Result<dossier::Transition> Submit(const std::string& code, const std::string& name,
                                     const std::string& phone, Instant at) const {
    dossier::Command c;
    c.action = dossier::Action::kSubmit;
    c.at = at;
    c.actor = "citizen.a";
    c.code = code;
    c.applicant = {name, phone, "", "", "citizen.a"};
    c.channel = dossier::Channel::kOnline;
    c.components = {{"don", dossier::Sha256Hex(code)}};
    const std::string agency = code.substr(0, code.find('-'));
    const dossier::ProcedureTerms terms = TermsFor(agency);
    return dossier::Apply(nullptr, c, {&terms, &cal_});
  }

  // `action` on `d` at `at` by the desk (acting for the agency), with the
  // fields the action needs.
  Result<dossier::Transition> Step(const dossier::Dossier& d, dossier::Action action,
                                   Instant at) const {
    dossier::Command c;
    c.action = action;
    c.expected_version = d.version;
    c.actor = "desk.a";
    c.on_behalf_of = d.agency_code;
    c.at = at;
    switch (action) {
      case dossier::Action::kRequestSupplement:
      case dossier::Action::kPause:
        c.reason = "Thiếu bản sao giấy phép";
        c.missing_components = {"giay_phep"};
        break;
      case dossier::Action::kResubmit:
      case dossier::Action::kResume:
        for (const std::string& id : d.requested_components) {
          c.components.push_back({id, dossier::Sha256Hex(id)});
        }
        break;
      case dossier::Action::kRefuse:
      case dossier::Action::kWithdraw:
      case dossier::Action::kStop:
        c.reason = "Lý do";
        break;
      case dossier::Action::kTransfer:
        c.handler = "spec.b";
        break;
      case dossier::Action::kExtend:
        c.reason = "Cần xác minh thêm";
        c.new_appointment = *d.AppointmentAt() + 3 * 86400;
        break;
      case dossier::Action::kResolve:
        c.outcome = dossier::Outcome::kApproved;
        c.result_document = dossier::Sha256Hex("giấy phép");
        break;
      case dossier::Action::kReturn:
        c.return_method = dossier::ReturnMethod::kCounter;
        break;
      default:
        break;
    }
    const dossier::ProcedureTerms terms = TermsFor(d.agency_code);
    return dossier::Apply(&d, c, {&terms, &cal_});
  }

 private:
  static calendar::WorkingCalendar Calendar() {
    std::vector<calendar::YearSchedule> years;
    for (int y = 2023; y <= 2026; ++y) {
      calendar::YearSchedule s;
      s.year = y;
      years.push_back(s);
    }
    return calendar::WorkingCalendar::Build(calendar::OfficeHours::Default(), years).value();
  }

  calendar::WorkingCalendar cal_;
  dossier::ProcedureTerms terms_;
};

}  // namespace motcua::store
