// Reports per group and per month.
#include "report/breakdown.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace motcua::report {
namespace {

std::uint32_t KeyOf(const DossierFacts& f, GroupBy by) {
  switch (by) {
    case GroupBy::kAgency:
      return f.agency();
    case GroupBy::kField:
      return f.field();
    case GroupBy::kProcedure:
      return f.procedure();
    case GroupBy::kOfficer:
      return f.officer();
    case GroupBy::kGrant:
      return f.grant();
    case GroupBy::kChannel:
      return static_cast<std::uint32_t>(f.channel());
    case GroupBy::kMonth:
      break;
  }
  return 0;
}

bool IsEmpty(const Report& r) {
  return r.received.total == 0 && r.returned == 0 && r.refused == 0 &&
         r.withdrawn_before_receipt == 0 && r.supplement_requests.at_reception == 0 &&
         r.supplement_requests.in_processing == 0 && r.apologies == 0;
}

// The last moment anything happens to a dossier: its ending, or the return
// of its result; kNever while it is open. FactsTable guarantees every other
// time lies between submitted_at and this.
Instant LastEventAt(const DossierFacts& f) {
  const Instant ended = f.ended_or_never();
  const Instant returned = f.returned_or_never();
  return returned != kNever && returned > ended ? returned : ended;
}

Breakdown ByMonth(std::span<const DossierFacts> all, const ReportQuery& query) {
  Breakdown b;
  b.by = GroupBy::kMonth;
  b.from = query.from;
  b.to = query.to;
  if (query.from >= query.to) return b;

  // One pass keeps the dossiers of the slice whose life meets the period, so
  // that the per-month passes run over them only (a year of one agency out
  // of a million dossiers: 9 ms instead of 130 ms).
  std::vector<DossierFacts> relevant;
  for (const DossierFacts& f : all) {
    if (query.slice.Matches(f) && f.submitted_at() < query.to && LastEventAt(f) >= query.from) {
      relevant.push_back(f);
    }
  }
  const std::span<const DossierFacts> facts = relevant;
  CivilDate month = CivilFromDays(LocalDayOf(query.from));
  month.day = 1;
  for (;;) {
    const DayNumber first = DaysFromCivil(month);
    month = month.month == 12 ? CivilDate{month.year + 1, 1, 1}
                              : CivilDate{month.year, month.month + 1, 1};
    const Instant start = LocalMidnight(first);
    const Instant end = LocalMidnight(DaysFromCivil(month));
    ReportQuery q = query;
    q.from = std::max(query.from, start);
    q.to = std::min(query.to, end);
    q.slice = Slice{};  // applied above
    // A contract cost belongs to the whole period; it is not split by month.
    q.contract_cost_vnd.reset();
    b.rows.push_back({static_cast<std::uint32_t>(first), Compute(facts, q)});
    if (end >= query.to) break;
  }
  return b;
}

}  // namespace

const char* GroupByName(GroupBy by) {
  switch (by) {
    case GroupBy::kAgency:
      return "agency";
    case GroupBy::kField:
      return "field";
    case GroupBy::kProcedure:
      return "procedure";
    case GroupBy::kOfficer:
      return "officer";
    case GroupBy::kGrant:
      return "grant";
    case GroupBy::kChannel:
      return "channel";
    case GroupBy::kMonth:
      return "month";
  }
  return "unknown";
}

std::optional<GroupBy> ParseGroupBy(std::string_view name) {
  for (GroupBy by : {GroupBy::kAgency, GroupBy::kField, GroupBy::kProcedure, GroupBy::kOfficer,
                     GroupBy::kGrant, GroupBy::kChannel, GroupBy::kMonth}) {
    if (name == GroupByName(by)) return by;
  }
  return std::nullopt;
}

Breakdown ComputeBreakdown(std::span<const DossierFacts> facts, const ReportQuery& query,
                           GroupBy by) {
  if (by == GroupBy::kMonth) return ByMonth(facts, query);

  // Route each fact of the slice to its group's report through the same
  // Accumulate that Compute uses, so that a row is by construction the report
  // of its group.
  Report blank;
  blank.from = query.from;
  blank.to = query.to;  // no contract cost: a contract's cost is not split between groups
  std::vector<Report> reports;
  std::unordered_map<std::uint32_t, std::size_t> index;
  std::uint32_t last_key = 0;
  Report* last = nullptr;  // consecutive facts often share a group
  for (const DossierFacts& f : facts) {
    if (!query.slice.Matches(f)) continue;
    const std::uint32_t key = KeyOf(f, by);
    if (last == nullptr || key != last_key) {
      auto [it, added] = index.try_emplace(key, reports.size());
      if (added) reports.push_back(blank);
      last = &reports[it->second];
      last_key = key;
    }
    Accumulate(f, *last);
  }

  Breakdown b;
  b.by = by;
  b.from = query.from;
  b.to = query.to;
  std::vector<std::pair<std::uint32_t, std::size_t>> order(index.begin(), index.end());
  std::sort(order.begin(), order.end());
  for (const auto& [key, i] : order) {
    Finish(reports[i]);
    if (!IsEmpty(reports[i])) b.rows.push_back({key, std::move(reports[i])});
  }
  return b;
}

std::string GroupLabel(GroupBy by, std::uint32_t key, const FactsTable& table) {
  const auto name = [key](const Dictionary& d) {
    return key < d.size() ? std::string(d.Name(key)) : std::string();
  };
  switch (by) {
    case GroupBy::kAgency:
      return name(table.agencies());
    case GroupBy::kField:
      return name(table.fields());
    case GroupBy::kProcedure:
      return name(table.procedures());
    case GroupBy::kOfficer:
      return name(table.officers());
    case GroupBy::kGrant:
      return name(table.grants());
    case GroupBy::kChannel:
      return ChannelName(static_cast<Channel>(key));
    case GroupBy::kMonth: {
      const CivilDate d = CivilFromDays(static_cast<DayNumber>(key));
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      return buf;
    }
  }
  return {};
}

}  // namespace motcua::report
