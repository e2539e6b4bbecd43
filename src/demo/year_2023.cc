#include "demo/year_2023.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "demo/applicants.h"
#include "demo/pilot.h"
#include "demo/random.h"
#include "dossier/code.h"
#include "dossier/deadline.h"
#include "dossier/event.h"

namespace motcua::demo {
namespace {

using dossier::Action;
using dossier::Command;

// Receipts per month of 2023. January and February are lower: Tết Quý Mão
// (22 January) closes the offices for a week and work is slow around it.
constexpr int kMonthly[12] = {120, 110, 160, 135, 150, 155, 150, 160, 135, 150, 150, 125};
constexpr int kApologies = 13;  // of the 21 late dossiers

const DayNumber kTet = DaysFromCivil({2023, 1, 22});
const Instant kYearStart = LocalMidnight(DaysFromCivil({2023, 1, 1}));
const Instant kYearEnd = LocalMidnight(DaysFromCivil({2024, 1, 1}));
// Late dossiers are due before this, so that they can be resolved in 2023.
const Instant kLateDueBefore = LocalMidnight(DaysFromCivil({2023, 12, 1}));

enum class Fate { kEarly, kOnTime, kLate, kOpen };

struct Plan {
  const PilotAgency* agency = nullptr;
  const catalog::Procedure* procedure = nullptr;
  std::string desk;  // the postal employee at the desk
  Instant submitted = 0;
  Instant first_look = 0;  // the desk's first look (request or receipt)
  Instant resubmitted = 0;
  Instant received = 0;
  bool supplement = false;
  import::ImportRecord record;
  Instant latest = 0;  // the time of the latest event so far
  Instant due = 0;     // the classifying due time after the replay
  Fate fate = Fate::kEarly;
  bool early_ok = false, on_time_ok = false, late_ok = false;
  std::int64_t early_seconds = 0;  // working time from latest + 10 min to the due date
  Instant on_time_from = 0;        // first working moment on the due date after latest + 10 min
};

// Receipts are spread over the backup employee's two leave weeks of the
// primary (a summer and an autumn week).
bool PrimaryOnLeave(DayNumber d) {
  return (d >= DaysFromCivil({2023, 7, 10}) && d <= DaysFromCivil({2023, 7, 14})) ||
         (d >= DaysFromCivil({2023, 10, 16}) && d <= DaysFromCivil({2023, 10, 20}));
}

double DayWeight(DayNumber d) {
  // Sunday .. Saturday; a worked Saturday (a swapped day) is quieter.
  constexpr double kWeekday[7] = {0, 1.25, 1.1, 1.0, 1.0, 0.85, 0.6};
  const double tet = std::abs(d - kTet) <= 10 ? 0.45 : 1.0;
  return kWeekday[WeekdayOf(d)] * tet;
}

Instant Minute(Instant t) { return t - (((t % 60) + 60) % 60); }

Command Cmd(Action a, Instant at, std::string actor, std::string for_agency = "") {
  Command c;
  c.action = a;
  c.at = at;
  c.actor = std::move(actor);
  c.on_behalf_of = std::move(for_agency);
  return c;
}

std::string Hash(const std::string& code, const std::string& what) {
  return dossier::Sha256Hex(code + "/" + what);
}

std::string ComponentName(const catalog::Procedure& p, const std::string& id) {
  const catalog::Component* c = p.FindComponent(id);
  return c != nullptr ? c->name : id;
}

template <typename T>
void Shuffle(std::vector<T>& v, Rng& rng) {
  for (std::size_t i = v.size(); i > 1; --i) {
    std::swap(v[i - 1],
              v[static_cast<std::size_t>(rng.Between(0, static_cast<std::int64_t>(i) - 1))]);
  }
}

// `n` distinct indices of `pool`, drawn by `weight` (all 1 when null).
std::vector<std::size_t> Draw(std::vector<std::size_t> pool, std::size_t n, Rng& rng,
                              const std::vector<double>* weight = nullptr) {
  std::vector<std::size_t> out;
  while (out.size() < n && !pool.empty()) {
    std::vector<double> w(pool.size(), 1.0);
    if (weight != nullptr) {
      for (std::size_t i = 0; i < pool.size(); ++i) w[i] = (*weight)[pool[i]];
    }
    const std::size_t k = rng.Weighted(w);
    out.push_back(pool[k]);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(k));
  }
  return out;
}

class Generator {
 public:
  Generator(const import::ReplayContext& ctx, std::uint64_t seed)
      : ctx_(ctx), cal_(*ctx.calendar), rng_(seed) {}

  Result<std::vector<import::ImportRecord>> Run() {
    MOTCUA_RETURN_IF_ERROR(PlanReceipts());
    std::stable_sort(plans_.begin(), plans_.end(),
                     [](const Plan& a, const Plan& b) { return a.submitted < b.submitted; });
    std::map<std::pair<std::string, DayNumber>, int> sequences;
    for (Plan& p : plans_) {
      const int seq = ++sequences[{p.agency->code, LocalDayOf(p.submitted)}];
      MOTCUA_ASSIGN_OR_RETURN(p.record.code,
                              dossier::MakeDossierCode(p.agency->code, p.submitted, seq));
      MOTCUA_RETURN_IF_ERROR(BuildReception(p));
      MOTCUA_RETURN_IF_ERROR(MaybePause(p));
      MOTCUA_RETURN_IF_ERROR(ReplayPrefix(p));
    }
    MOTCUA_RETURN_IF_ERROR(AssignFates());
    for (Plan& p : plans_) MOTCUA_RETURN_IF_ERROR(Finish(p));
    return Check();
  }

 private:
  Instant RandomTimeIn(DayNumber day) {
    const auto& sessions = cal_.office_hours().sessions;
    std::vector<double> w;
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      // Mornings are busier than afternoons at a center's desks.
      w.push_back((sessions[i].end - sessions[i].start) * (i == 0 ? 1.3 : 1.0));
    }
    const calendar::OfficeSession& s = sessions[rng_.Weighted(w)];
    const std::int64_t minute = rng_.Between(s.start / 60, (s.end - 1800) / 60);
    return LocalMidnight(day) + minute * 60;
  }

  Status PlanReceipts() {
    std::vector<const PilotAgency*> agencies;
    for (const PilotAgency& a : PilotAgencies()) {
      if (ctx_.catalog->FindAgency(a.code) == nullptr) {
        return Status::Internal(std::string("the catalog has no pilot agency ") + a.code);
      }
      agencies.insert(agencies.end(), static_cast<std::size_t>(a.dossiers), &a);
    }
    Shuffle(agencies, rng_);
    std::size_t next = 0;
    for (int month = 1; month <= 12; ++month) {
      std::vector<DayNumber> days;
      std::vector<double> weights;
      for (DayNumber d = DaysFromCivil({2023, month, 1});
           d <= DaysFromCivil({2023, month, DaysInMonth(2023, month)}); ++d) {
        MOTCUA_ASSIGN_OR_RETURN(const bool working, cal_.IsWorkingDay(d));
        if (!working) continue;
        days.push_back(d);
        weights.push_back(DayWeight(d) > 0 ? DayWeight(d) : 0.6);
      }
      for (int k = 0; k < kMonthly[month - 1]; ++k) {
        Plan p;
        p.agency = agencies[next++];
        const DayNumber day = days[rng_.Weighted(weights)];
        MOTCUA_RETURN_IF_ERROR(PickProcedure(p, day));
        p.desk = PrimaryOnLeave(day) || rng_.Chance(0.07) ? kBackupPostal : kPrimaryPostal;
        p.first_look = RandomTimeIn(day);
        p.submitted = std::max(kYearStart + 8 * 3600 + rng_.Between(0, 600) * 60,
                               p.first_look - rng_.Between(20, 40 * 60) * 60);
        p.supplement = day <= DaysFromCivil({2023, 12, 8}) && rng_.Chance(0.05);
        if (p.supplement) {
          p.resubmitted = p.first_look + rng_.Between(24 * 60, 3 * 24 * 60) * 60;
          MOTCUA_ASSIGN_OR_RETURN(
              const Instant at, cal_.NextWorkingMoment(p.resubmitted + rng_.Between(30, 180) * 60));
          p.received = Minute(at);
        } else {
          p.received = p.first_look;
        }
        plans_.push_back(std::move(p));
      }
    }
    return Status::Ok();
  }

  Status PickProcedure(Plan& p, DayNumber day) {
    const std::vector<const catalog::Procedure*> procedures =
        ctx_.catalog->ProceduresHandledBy(p.agency->code, day);
    if (procedures.empty()) {
      return Status::Internal(std::string("no procedure of ") + p.agency->code + " in 2023");
    }
    // Short procedures (copies, notices) are filed far more often than long
    // licensing ones.
    std::vector<double> w;
    for (const catalog::Procedure* proc : procedures) {
      const catalog::ProcessingTime& t = proc->processing_time;
      const double days = t.unit == catalog::TimeUnit::kWorkingDays ? t.amount : t.amount / 7.5;
      w.push_back(1.0 / (1.0 + days / 5.0));
    }
    p.procedure = procedures[rng_.Weighted(w)];
    return Status::Ok();
  }

  Status BuildReception(Plan& p) {
    import::ImportRecord& r = p.record;
    const std::string& code = r.code;
    const std::string agency = p.agency->code;
    const std::string slug = p.agency->slug;
    r.procedure = p.procedure->code;
    r.channel = dossier::Channel::kOnline;
    if (rng_.Chance(0.005)) {
      r.applicant =
          dossier::Applicant{"Nguyễn Văn An", "0912345678", "001085012345", "", kDemoApplicant};
    } else if ((slug == "noivu" || slug == "khcn") && rng_.Chance(0.6)) {
      r.applicant = RandomOrganization(rng_);
    } else {
      r.applicant = RandomCitizen(rng_);
    }
    std::vector<std::string> mandatory;
    for (const catalog::Component& c : p.procedure->components) {
      if (c.mandatory) mandatory.push_back(c.id);
      if (c.mandatory || rng_.Chance(0.2)) r.components.push_back({c.id, Hash(code, c.id)});
    }
    r.components_given = true;
    std::string missing;
    // A supplement is asked for only where something else was handed in.
    if (p.supplement && mandatory.size() >= 2) {
      missing = mandatory[static_cast<std::size_t>(
          rng_.Between(0, static_cast<std::int64_t>(mandatory.size()) - 1))];
      std::erase_if(r.components, [&](const dossier::Component& c) { return c.id == missing; });
    }
    if (r.components.empty()) return Status::Internal("procedure without components");

    r.events.push_back(Cmd(Action::kSubmit, p.submitted, r.applicant.login));
    if (!missing.empty()) {
      Command ask = Cmd(Action::kRequestSupplement, p.first_look, p.desk, agency);
      ask.reason = "Thiếu thành phần hồ sơ bắt buộc: " + ComponentName(*p.procedure, missing);
      ask.missing_components = {missing};
      r.events.push_back(std::move(ask));
      Command again = Cmd(Action::kResubmit, p.resubmitted, r.applicant.login);
      again.components = {{missing, Hash(code, missing + "/bo-sung")}};
      r.events.push_back(std::move(again));
    }
    r.events.push_back(Cmd(Action::kReceive, p.received, p.desk, agency));
    // The desk signs the digitized application with the agency's signature
    // (the pilot handed each agency's signature to the post office).
    Command sign = Cmd(Action::kSign, p.received + 120, p.desk, agency);
    sign.component_id = r.components.front().id;
    sign.document_hash = r.components.front().document_hash;
    r.events.push_back(std::move(sign));
    MOTCUA_ASSIGN_OR_RETURN(const Instant transfer_at,
                            cal_.NextWorkingMoment(p.received + rng_.Between(5, 45) * 60));
    Command transfer =
        Cmd(Action::kTransfer, std::max(transfer_at, p.received + 180), p.desk, agency);
    transfer.handler = SpecialistOf(*p.agency);
    p.latest = transfer.at;
    r.events.push_back(std::move(transfer));
    return Status::Ok();
  }

  // About one dossier in thirty goes back for a component after the desk
  // accepted it: the rework the pilot's review worried about.
  Status MaybePause(Plan& p) {
    if (p.received >= LocalMidnight(DaysFromCivil({2023, 11, 15})) || !rng_.Chance(0.035)) {
      return Status::Ok();
    }
    MOTCUA_ASSIGN_OR_RETURN(const std::int64_t secs,
                            dossier::ProcessingSeconds(p.procedure->processing_time, cal_));
    const double f = 0.15 + 0.35 * rng_.Unit();
    MOTCUA_ASSIGN_OR_RETURN(
        const Instant pause_at,
        cal_.AddWorkingSeconds(p.latest + 600, static_cast<std::int64_t>(secs * f) / 60 * 60));
    MOTCUA_ASSIGN_OR_RETURN(const Instant resume_at,
                            cal_.AddWorkingSeconds(pause_at, rng_.Between(2 * 450, 6 * 450) * 60));
    if (resume_at >= LocalMidnight(DaysFromCivil({2023, 12, 10}))) return Status::Ok();
    const PilotAgency& a = *p.agency;
    std::vector<std::string> mandatory;
    for (const catalog::Component& c : p.procedure->components) {
      if (c.mandatory) mandatory.push_back(c.id);
    }
    const std::string id = mandatory[static_cast<std::size_t>(
        rng_.Between(0, static_cast<std::int64_t>(mandatory.size()) - 1))];
    Command pause = Cmd(Action::kPause, Minute(pause_at), SpecialistOf(a), a.code);
    pause.reason = "Cần bổ sung, làm rõ: " + ComponentName(*p.procedure, id);
    pause.missing_components = {id};
    Command resume = Cmd(Action::kResume, Minute(resume_at), p.desk, a.code);
    resume.components = {{id, Hash(p.record.code, id + "/bo-sung-xu-ly")}};
    p.latest = resume.at;
    p.record.events.push_back(std::move(pause));
    p.record.events.push_back(std::move(resume));
    return Status::Ok();
  }

  Status ReplayPrefix(Plan& p) {
    Result<import::ReplayedDossier> d = import::Replay(p.record, ctx_);
    if (!d.ok()) return Status::Internal(p.record.code + ": " + d.status().message());
    const std::optional<Instant> due = dossier::ClassifyingDueAt(d->dossier);
    if (!due) return Status::Internal(p.record.code + ": no due time after receipt");
    p.due = *due;
    p.latest = d->dossier.updated_at;
    return Status::Ok();
  }

  Status Feasibility(Plan& p) {
    const Instant a = p.latest + 600;
    const DayNumber due_day = LocalDayOf(p.due);
    const Instant early_end = std::min(LocalMidnight(due_day), kYearEnd);
    p.early_seconds = 0;
    if (a < early_end) {
      MOTCUA_ASSIGN_OR_RETURN(p.early_seconds, cal_.WorkingSecondsBetween(a, early_end));
    }
    p.early_ok = p.early_seconds >= 600;
    MOTCUA_ASSIGN_OR_RETURN(p.on_time_from,
                            cal_.NextWorkingMoment(std::max(a, LocalMidnight(due_day))));
    p.on_time_ok = p.due < kYearEnd && p.on_time_from <= p.due;
    p.late_ok = p.due < kLateDueBefore;
    return Status::Ok();
  }

  Status AssignFates() {
    const PilotFigures& f = kPilot2023;
    std::vector<std::size_t> order(plans_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    // The dossiers whose due times come last are those still open at year end.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return plans_[a].due > plans_[b].due; });
    for (int i = 0; i < f.open; ++i) plans_[order[i]].fate = Fate::kOpen;

    std::vector<std::size_t> forced, late_pool;
    std::vector<double> late_weight(plans_.size(), 0);
    for (std::size_t i = 0; i < plans_.size(); ++i) {
      Plan& p = plans_[i];
      if (p.fate == Fate::kOpen) continue;
      MOTCUA_RETURN_IF_ERROR(Feasibility(p));
      if (!p.early_ok) {
        if (!p.on_time_ok) return Status::Internal(p.record.code + ": neither early nor on time");
        p.fate = Fate::kOnTime;
        forced.push_back(i);
      } else if (p.late_ok) {
        late_pool.push_back(i);
        late_weight[i] = p.agency->late_weight;
      }
    }
    if (static_cast<int>(forced.size()) > f.on_time) {
      return Status::Internal("too many dossiers can only be on time");
    }
    const std::vector<std::size_t> late = Draw(late_pool, f.late, rng_, &late_weight);
    if (static_cast<int>(late.size()) != f.late) return Status::Internal("too few can be late");
    for (std::size_t i : late) plans_[i].fate = Fate::kLate;
    std::vector<std::size_t> on_time_pool;
    for (std::size_t i = 0; i < plans_.size(); ++i) {
      if (plans_[i].fate == Fate::kEarly && plans_[i].on_time_ok) on_time_pool.push_back(i);
    }
    const std::size_t more = static_cast<std::size_t>(f.on_time) - forced.size();
    const std::vector<std::size_t> on_time = Draw(on_time_pool, more, rng_);
    if (on_time.size() != more) return Status::Internal("too few can be on time");
    for (std::size_t i : on_time) plans_[i].fate = Fate::kOnTime;
    for (std::size_t i : Draw(late, kApologies, rng_)) apology_.push_back(plans_[i].record.code);
    return Status::Ok();
  }

  Status Finish(Plan& p) {
    import::ImportRecord& r = p.record;
    const PilotAgency& a = *p.agency;
    if (p.fate == Fate::kOpen) return FinishOpen(p);
    Instant resolve_at = 0;
    std::optional<std::size_t> extension;
    switch (p.fate) {
      case Fate::kEarly: {
        // Most dossiers are done well before the due date.
        const double u = 0.1 + 0.9 * rng_.Unit();
        const std::int64_t s = static_cast<std::int64_t>(u * (p.early_seconds - 60)) / 60 * 60;
        MOTCUA_ASSIGN_OR_RETURN(resolve_at, cal_.AddWorkingSeconds(p.latest + 600, s));
        break;
      }
      case Fate::kOnTime: {
        MOTCUA_ASSIGN_OR_RETURN(const std::int64_t w,
                                cal_.WorkingSecondsBetween(p.on_time_from, p.due));
        const std::int64_t s = static_cast<std::int64_t>(rng_.Unit() * w) / 60 * 60;
        MOTCUA_ASSIGN_OR_RETURN(resolve_at, cal_.AddWorkingSeconds(p.on_time_from, s));
        break;
      }
      case Fate::kLate: {
        Instant base = std::max(p.due + 60, p.latest + 600);
        if (std::find(apology_.begin(), apology_.end(), r.code) != apology_.end()) {
          // The apology letter goes out before the due time when it can.
          Instant at = p.latest + 600;
          if (at < p.due) {
            MOTCUA_ASSIGN_OR_RETURN(const std::int64_t span, cal_.WorkingSecondsBetween(at, p.due));
            const std::int64_t s =
                static_cast<std::int64_t>(span * (0.5 + 0.4 * rng_.Unit())) / 60 * 60;
            MOTCUA_ASSIGN_OR_RETURN(at, cal_.AddWorkingSeconds(at, s));
          }
          Command extend = Cmd(Action::kExtend, Minute(at), LeaderOf(a), a.code);
          extend.reason = "Hồ sơ cần xác minh thêm với cơ quan liên quan; " + std::string(a.name) +
                          " xin lỗi ông/bà và hẹn lại thời gian trả kết quả.";
          extension = r.events.size();
          r.events.push_back(std::move(extend));
          base = std::max(base, Minute(at) + 600);
        }
        MOTCUA_ASSIGN_OR_RETURN(resolve_at,
                                cal_.AddWorkingSeconds(base, rng_.Between(60, 6 * 450) * 60));
        break;
      }
      case Fate::kOpen:
        break;
    }
    resolve_at = Minute(resolve_at);
    if (resolve_at >= kYearEnd) return Status::Internal(r.code + ": resolved after 2023");
    if (extension) {
      MOTCUA_ASSIGN_OR_RETURN(
          const Instant appointment,
          cal_.AddWorkingDays(resolve_at, static_cast<double>(rng_.Between(1, 3))));
      r.events[*extension].new_appointment = Minute(appointment);
    }
    Command resolve =
        Cmd(Action::kResolve, resolve_at, rng_.Chance(0.2) ? LeaderOf(a) : SpecialistOf(a), a.code);
    resolve.outcome = rng_.Chance(0.03) ? dossier::Outcome::kDenied : dossier::Outcome::kApproved;
    resolve.result_document = Hash(r.code, "ket-qua");
    r.events.push_back(resolve);

    MOTCUA_ASSIGN_OR_RETURN(
        const Instant returned,
        cal_.AddWorkingSeconds(resolve_at + 600, rng_.Between(60, 4 * 450) * 60));
    if (Minute(returned) + 60 >= kYearEnd) return Status::Ok();  // handed over in 2024
    Command sign = Cmd(Action::kSign, Minute(returned), p.desk, a.code);
    sign.component_id = dossier::kResultComponentId;
    sign.document_hash = resolve.result_document;
    r.events.push_back(std::move(sign));
    Command ret = Cmd(Action::kReturn, Minute(returned) + 60, p.desk, a.code);
    if (rng_.Chance(0.25)) {
      ret.return_method = dossier::ReturnMethod::kPostal;
      ret.tracking_number = "EB" + std::to_string(rng_.Between(100000000, 999999999)) + "VN";
    } else {
      ret.return_method = dossier::ReturnMethod::kCounter;
    }
    r.events.push_back(std::move(ret));
    const Instant rated = Minute(returned) + rng_.Between(120, 3 * 24 * 60) * 60;
    if (rng_.Chance(0.45) && rated < kYearEnd) {
      Command rate = Cmd(Action::kRate, rated, r.applicant.login);
      constexpr double kStars[] = {1, 3, 8, 28, 60};  // 1..5 stars
      rate.stars = static_cast<int>(rng_.Weighted(kStars)) + 1;
      if (rate.stars <= 3) rate.comment = "Thời gian giải quyết còn lâu.";
      if (rate.stars == 5 && rng_.Chance(0.3))
        rate.comment = "Nhân viên bưu điện hướng dẫn tận tình.";
      r.events.push_back(std::move(rate));
    }
    return Status::Ok();
  }

  // Some of the dossiers open at year end wait for the applicant's supplement.
  Status FinishOpen(Plan& p) {
    if (!rng_.Chance(0.15)) return Status::Ok();
    const Instant a = p.latest + 600;
    const Instant until = std::min(p.due, kYearEnd - 2 * kSecondsPerDay);
    if (a >= until) return Status::Ok();
    MOTCUA_ASSIGN_OR_RETURN(const std::int64_t w, cal_.WorkingSecondsBetween(a, until));
    if (w < 3600) return Status::Ok();
    MOTCUA_ASSIGN_OR_RETURN(const Instant at, cal_.AddWorkingSeconds(a, w / 2 / 60 * 60));
    const catalog::Component* c = nullptr;
    for (const catalog::Component& x : p.procedure->components) {
      if (x.mandatory) c = &x;
    }
    if (c == nullptr) return Status::Ok();
    Command pause = Cmd(Action::kPause, Minute(at), SpecialistOf(*p.agency), p.agency->code);
    pause.reason = "Cần bổ sung, làm rõ: " + c->name;
    pause.missing_components = {c->id};
    p.record.events.push_back(std::move(pause));
    return Status::Ok();
  }

  // Replays every record and counts the categories the report will see.
  Result<std::vector<import::ImportRecord>> Check() {
    const PilotFigures& f = kPilot2023;
    int early = 0, on_time = 0, late = 0, open = 0;
    std::vector<import::ImportRecord> out;
    out.reserve(plans_.size());
    for (Plan& p : plans_) {
      Result<import::ReplayedDossier> d = import::Replay(p.record, ctx_);
      if (!d.ok()) return Status::Internal(p.record.code + ": " + d.status().message());
      const std::optional<calendar::Completion> c = dossier::ClassifyResolved(d->dossier);
      if (!c || *d->dossier.completed_at >= kYearEnd) {
        ++open;
      } else if (*c == calendar::Completion::kEarly) {
        ++early;
      } else if (*c == calendar::Completion::kOnTime) {
        ++on_time;
      } else {
        ++late;
      }
      out.push_back(std::move(p.record));
    }
    if (early != f.early || on_time != f.on_time || late != f.late || open != f.open) {
      return Status::Internal("demo year came out " + std::to_string(early) + " early, " +
                              std::to_string(on_time) + " on time, " + std::to_string(late) +
                              " late, " + std::to_string(open) + " open");
    }
    return out;
  }

  const import::ReplayContext& ctx_;
  const calendar::WorkingCalendar& cal_;
  Rng rng_;
  std::vector<Plan> plans_;
  std::vector<std::string> apology_;  // codes of the late dossiers with an apology
};

}  // namespace

Result<std::vector<import::ImportRecord>> GenerateYear2023(const import::ReplayContext& ctx,
                                                           std::uint64_t seed) {
  return Generator(ctx, seed).Run();
}

}  // namespace motcua::demo
