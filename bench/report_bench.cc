// Report computation over a million dossier facts (the scale of a large
// province over five years): the target is a report for one agency and one
// year in at most 100 ms, single-threaded.
//
//   cmake --build build/release --target report_bench
//   build/release/bin/report_bench
#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "report/breakdown.h"
#include "report/deadline_alerts.h"
#include "report/facts_table.h"
#include "report/report.h"

namespace motcua::report {
namespace {

constexpr int kDossiers = 1'000'000;
constexpr int kAgencies = 30;

// Builds prefix + number by appending: GCC 12 gives a false -Wrestrict on
// `"literal" + std::to_string(i)` at -O3 (GCC bug 105329).
std::string Numbered(std::string prefix, int i) {
  prefix += std::to_string(i);
  return prefix;
}

std::string AgencyCode(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "000.00.%02d.H29", 10 + i);
  return buf;
}

// 1M dossiers submitted 2021..2025 in 30 agencies, 20 fields, 1,500
// procedures, 300 desk officers, a tenth through delegation grants; the mix
// of endings of a working center (most resolved, a few refused, withdrawn,
// stopped, the recent ones open).
const FactsTable& Table() {
  static const FactsTable* table = [] {
    auto* t = new FactsTable;
    t->Reserve(kDossiers);
    std::mt19937 rng(2023);
    const auto pick = [&rng](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    std::vector<std::string> agencies, fields, procedures, officers;
    for (int i = 0; i < kAgencies; ++i) agencies.push_back(AgencyCode(i));
    for (int i = 0; i < 20; ++i) fields.push_back(Numbered("F", i));
    for (int i = 0; i < 1500; ++i) procedures.push_back(Numbered("1.00", 4000 + i));
    for (int i = 0; i < 300; ++i) officers.push_back(Numbered("officer.", i));
    const Instant start = LocalMidnight(DaysFromCivil({2021, 1, 1}));
    const Instant span = LocalMidnight(DaysFromCivil({2026, 1, 1})) - start;
    std::string code;
    for (int i = 0; i < kDossiers; ++i) {
      const int agency = pick(kAgencies);
      const Instant submitted = start + static_cast<Instant>(rng() % span);
      code = agencies[agency];
      code += '-';
      code += std::to_string(i);
      std::array<Instant, 1> desk = {submitted + 3600};
      std::array<Instant, 1> pause = {0};
      DossierRecord r;
      r.code = code;
      r.agency = agencies[agency];
      r.field = fields[pick(20)];
      r.procedure = procedures[pick(1500)];
      r.desk_officer = officers[pick(300)];
      r.delegation_grant = pick(10) == 0 ? "grant-1" : "";
      r.channel = static_cast<Channel>(pick(3));
      r.submitted_at = submitted;
      const bool asked = pick(10) == 0;
      if (asked) r.supplements_at_reception = desk;
      const int fate = pick(100);
      if (fate < 3) {
        r.refused_at = submitted + 7200;
      } else if (fate < 5) {
        r.withdrawn_at = submitted + 7200;
      } else {
        const Instant received = submitted + 7200;
        r.received_at = received;
        r.due_at = received + (1 + pick(20)) * kSecondsPerDay;
        r.components_digitized = pick(10) < 8;
        if (pick(20) == 0) {
          pause[0] = received + 3600;
          r.supplements_in_processing = pause;
          r.rework = true;
        }
        const Instant done = received + 3600 + pick(25 * kSecondsPerDay);
        if (done < LocalMidnight(DaysFromCivil({2025, 12, 1})) && fate < 97) {
          r.completed_at = done;
          r.outcome = pick(20) == 0 ? Outcome::kDenied : Outcome::kApproved;
          r.result_digitized = pick(2) == 0;
          if (pick(2) == 0) r.rating = 1 + pick(5);
          r.returned_at = done + kSecondsPerDay;
        } else if (fate >= 99) {
          r.stopped_at = done;
        }
      }
      if (auto added = t->Add(r); !added.ok()) {
        std::fprintf(stderr, "%s\n", added.status().ToString().c_str());
        std::abort();
      }
    }
    return t;
  }();
  return *table;
}

ReportQuery Year2023(bool one_agency) {
  ReportQuery q = QueryForDates({2023, 1, 1}, {2023, 12, 31});
  if (one_agency) q.slice = ResolveSlice(Table(), {.agency = AgencyCode(7)});
  return q;
}

void Counters(benchmark::State& state) {
  const FactsTable& t = Table();
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.size()));
  state.counters["sizeof_facts"] = sizeof(DossierFacts);
  state.counters["bytes_per_dossier"] =
      static_cast<double>(t.MemoryUsage()) / static_cast<double>(t.size());
}

void BM_ComputeOneAgencyOneYear(benchmark::State& state) {
  const FactsTable& t = Table();
  const ReportQuery q = Year2023(true);
  for (auto _ : state) {
    Report r = Compute(t.facts(), q);
    benchmark::DoNotOptimize(r);
  }
  const Report r = Compute(t.facts(), q);
  state.counters["received"] = static_cast<double>(r.received.total);
  Counters(state);
}
BENCHMARK(BM_ComputeOneAgencyOneYear)->Unit(benchmark::kMillisecond);

void BM_ComputeAllAgenciesOneYear(benchmark::State& state) {
  const FactsTable& t = Table();
  const ReportQuery q = Year2023(false);
  for (auto _ : state) {
    Report r = Compute(t.facts(), q);
    benchmark::DoNotOptimize(r);
  }
  state.counters["received"] = static_cast<double>(Compute(t.facts(), q).received.total);
  Counters(state);
}
BENCHMARK(BM_ComputeAllAgenciesOneYear)->Unit(benchmark::kMillisecond);

void BM_BreakdownByAgencyOneYear(benchmark::State& state) {
  const FactsTable& t = Table();
  const ReportQuery q = Year2023(false);
  for (auto _ : state) {
    Breakdown b = ComputeBreakdown(t.facts(), q, GroupBy::kAgency);
    benchmark::DoNotOptimize(b);
  }
  Counters(state);
}
BENCHMARK(BM_BreakdownByAgencyOneYear)->Unit(benchmark::kMillisecond);

void BM_BreakdownByMonthOneAgency(benchmark::State& state) {
  const FactsTable& t = Table();
  const ReportQuery q = Year2023(true);
  for (auto _ : state) {
    Breakdown b = ComputeBreakdown(t.facts(), q, GroupBy::kMonth);
    benchmark::DoNotOptimize(b);
  }
  Counters(state);
}
BENCHMARK(BM_BreakdownByMonthOneAgency)->Unit(benchmark::kMillisecond);

void BM_DeadlineAlertsOneAgencyOneMonth(benchmark::State& state) {
  const FactsTable& t = Table();
  ReportQuery q = QueryForDates({2025, 11, 1}, {2025, 11, 30});
  q.slice = ResolveSlice(t, {.agency = AgencyCode(7)});
  for (auto _ : state) {
    auto alerts = ListDeadlineAlerts(t.facts(), q);
    benchmark::DoNotOptimize(alerts);
  }
  state.counters["alerts"] = static_cast<double>(ListDeadlineAlerts(t.facts(), q).size());
  Counters(state);
}
BENCHMARK(BM_DeadlineAlertsOneAgencyOneMonth)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace motcua::report

BENCHMARK_MAIN();
