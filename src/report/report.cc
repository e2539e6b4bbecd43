// Computing a report: one pass over the facts (see report.h for the rules).
#include "report/report.h"

#include <string>

#include "calendar/working_calendar.h"

namespace motcua::report {
namespace {

std::optional<std::uint32_t> IdOf(const Dictionary& dict, const std::optional<std::string>& name) {
  if (!name) return std::nullopt;
  return dict.Find(*name).value_or(kNoMatch);
}

std::int64_t CountIn(std::span<const Instant> times, Instant from, Instant to) {
  std::int64_t n = 0;
  for (Instant t : times) n += (t >= from && t < to) ? 1 : 0;
  return n;
}

std::optional<double> Ratio(std::int64_t num, std::int64_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

Slice ResolveSlice(const FactsTable& table, const SliceNames& names) {
  Slice s;
  s.agency = IdOf(table.agencies(), names.agency);
  s.field = IdOf(table.fields(), names.field);
  s.procedure = IdOf(table.procedures(), names.procedure);
  s.officer = IdOf(table.officers(), names.officer);
  s.grant = IdOf(table.grants(), names.grant);
  s.channel = names.channel;
  return s;
}

ReportQuery QueryForDates(CivilDate first, CivilDate last) {
  ReportQuery q;
  q.from = LocalMidnight(DaysFromCivil(first));
  q.to = LocalMidnight(DaysFromCivil(last) + 1);
  return q;
}

Report Compute(std::span<const DossierFacts> facts, const ReportQuery& query) {
  Report r;
  r.from = query.from;
  r.to = query.to;
  r.contract_cost_vnd = query.contract_cost_vnd;
  for (const DossierFacts& f : facts) {
    if (query.slice.Matches(f)) Accumulate(f, r);
  }
  Finish(r);
  return r;
}

void Accumulate(const DossierFacts& f, Report& r) {
  const Instant from = r.from;
  const Instant to = r.to;
  const auto in_period = [from, to](Instant t) { return t >= from && t < to; };

  // Events of the period, whether or not the dossier was ever received.
  const Ending ending = f.ending();
  const Instant ended = f.ended_or_never();
  if (f.supplements_at_reception().size() + f.supplements_in_processing().size() > 0) {
    r.supplement_requests.at_reception += CountIn(f.supplements_at_reception(), from, to);
    r.supplement_requests.in_processing += CountIn(f.supplements_in_processing(), from, to);
  }
  r.apologies += in_period(f.extended_or_never()) ? 1 : 0;
  r.returned += in_period(f.returned_or_never()) ? 1 : 0;
  if (ending == Ending::kRefused) {
    r.refused += in_period(ended) ? 1 : 0;
    return;  // a refused dossier was never received
  }
  if (!f.is_received()) {
    if (ending == Ending::kWithdrawn && in_period(ended)) ++r.withdrawn_before_receipt;
    return;
  }

  // The received flow. An ending is never before receipt (FactsTable checks),
  // but clamp anyway so that the identity cannot break on bad facts.
  const Instant received = f.received_or_never();
  const Instant end = ended < received ? received : ended;
  if (received >= to || end < from) return;  // not yet received, or done before the period

  if (received < from) {
    ++r.received.carried_over;
  } else {
    ++r.received.fresh;
    switch (f.channel()) {
      case Channel::kOnline:
        ++r.received.online;
        break;
      case Channel::kCounter:
        ++r.received.counter;
        break;
      case Channel::kPostal:
        ++r.received.postal;
        break;
    }
    r.components_digitized += f.components_digitized() ? 1 : 0;
    r.rework += f.rework() ? 1 : 0;
  }

  if (end >= to) {  // open at `to`, including an ending at `to` itself
    if (calendar::ClassifyOpen(to, f.due_or_never()) == calendar::Standing::kOverdue) {
      ++r.open.overdue;
    } else {
      ++r.open.within_deadline;
    }
    return;
  }
  switch (ending) {
    case Ending::kResolved: {
      switch (calendar::ClassifyCompletion(end, f.due_or_never())) {
        case calendar::Completion::kEarly:
          ++r.resolved.early;
          break;
        case calendar::Completion::kOnTime:
          ++r.resolved.on_time;
          break;
        case calendar::Completion::kLate:
          ++r.resolved.late;
          break;
      }
      ++(f.outcome() == Outcome::kDenied ? r.resolved.denied : r.resolved.approved);
      r.result_digitized += f.result_digitized() ? 1 : 0;
      if (auto rating = f.rating()) {
        ++r.ratings;
        r.rating_sum += *rating;
        r.ratings_good += *rating >= 4 ? 1 : 0;
      }
      break;
    }
    case Ending::kWithdrawn:
      ++r.withdrawn;
      break;
    case Ending::kStopped:
      ++r.stopped;
      break;
    case Ending::kNone:     // end < to < kNever: cannot happen
    case Ending::kRefused:  // returned above
      break;
  }
}

void Finish(Report& r) {
  r.received.total = r.received.carried_over + r.received.fresh;
  r.resolved.total = r.resolved.early + r.resolved.on_time + r.resolved.late;
  r.open.total = r.open.within_deadline + r.open.overdue;

  Indicators& x = r.indicators;
  x.on_time_rate = Ratio(r.resolved.early + r.resolved.on_time, r.resolved.total);
  x.online_share = Ratio(r.received.online, r.received.fresh);
  x.digitization_rate = Ratio(r.components_digitized, r.received.fresh);
  x.result_digitization_rate = Ratio(r.result_digitized, r.resolved.total);
  x.satisfaction = Ratio(r.rating_sum, r.ratings);
  x.satisfaction_good_share = Ratio(r.ratings_good, r.ratings);
  x.rework_rate = Ratio(r.rework, r.received.fresh);
  x.cost_per_dossier =
      r.contract_cost_vnd ? Ratio(*r.contract_cost_vnd, r.received.fresh) : std::nullopt;
}

Status CheckIdentity(const Report& r) {
  const auto expect = [](std::int64_t lhs, std::int64_t rhs, const char* what) {
    if (lhs == rhs) return Status::Ok();
    return Status::Internal(std::string(what) + ": " + std::to_string(lhs) +
                            " != " + std::to_string(rhs));
  };
  MOTCUA_RETURN_IF_ERROR(expect(r.received.total,
                                r.resolved.total + r.open.total + r.withdrawn + r.stopped,
                                "received != resolved + open + withdrawn + stopped"));
  MOTCUA_RETURN_IF_ERROR(expect(r.received.total, r.received.carried_over + r.received.fresh,
                                "received != carried over + new"));
  MOTCUA_RETURN_IF_ERROR(expect(r.received.fresh,
                                r.received.online + r.received.counter + r.received.postal,
                                "new != online + counter + postal"));
  MOTCUA_RETURN_IF_ERROR(expect(r.resolved.total,
                                r.resolved.early + r.resolved.on_time + r.resolved.late,
                                "resolved != early + on time + late"));
  MOTCUA_RETURN_IF_ERROR(expect(r.resolved.total, r.resolved.approved + r.resolved.denied,
                                "resolved != approved + denied"));
  MOTCUA_RETURN_IF_ERROR(expect(r.open.total, r.open.within_deadline + r.open.overdue,
                                "open != within deadline + overdue"));
  return Status::Ok();
}

}  // namespace motcua::report
