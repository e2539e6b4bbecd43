// StoreSuite: the behaviour every storage engine must show, written once
// against the Store interface (store.h). An engine's test file includes this
// header and instantiates the suite with a StoreEnv that opens fresh stores
// of that engine:
//   INSTANTIATE_TEST_SUITE_P(Sqlite, StoreSuite, ::testing::Values(&MakeSqliteEnv));
// Test-only, header-only.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include "dossier/code.h"
#include "report/report.h"
#include "store/dossier_maker_testing.h"
#include "store/store.h"

namespace motcua::store {

// prefix + n. (Built with append: GCC 12 warns falsely about
// `"literal" + std::to_string(n)` under -Wrestrict.)
inline std::string Numbered(const char* prefix, int n) {
  return std::string(prefix).append(std::to_string(n));
}

// One empty database of an engine, opened (and reopened) on demand.
class StoreEnv {
 public:
  virtual ~StoreEnv() = default;
  virtual Result<std::unique_ptr<Store>> Open() = 0;
};
using StoreEnvFactory = std::unique_ptr<StoreEnv> (*)();

class StoreSuite : public ::testing::TestWithParam<StoreEnvFactory> {
 protected:
  void SetUp() override {
    env_ = GetParam()();
    auto store = env_->Open();
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  // Creates a dossier submitted at `at`; fails the test if it cannot.
  dossier::Dossier Create(const std::string& name, const std::string& phone, Instant at,
                          const std::string& key = "",
                          const std::string& agency = DossierMaker::kAgency) {
    NewDossier req;
    req.agency_code = agency;
    req.submitted_at = at;
    req.idempotency_key = key;
    req.build = [=, this](const std::string& code) { return maker_.Submit(code, name, phone, at); };
    auto d = store_->CreateDossier(req);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? *d : dossier::Dossier{};
  }

  // Applies `action` to the stored dossier; returns the stored result.
  Result<dossier::Dossier> Do(const dossier::Dossier& d, dossier::Action action, Instant at,
                              const std::string& key = "") {
    MOTCUA_ASSIGN_OR_RETURN(dossier::Transition t, maker_.Step(d, action, at));
    TransitionWrite w;
    w.expected_version = d.version;
    w.transition = std::move(t);
    w.idempotency_key = key;
    return store_->ApplyTransition(w);
  }

  std::vector<std::string> Codes(const std::vector<DossierSummary>& rows) {
    std::vector<std::string> codes;
    for (const auto& r : rows) codes.push_back(r.code);
    return codes;
  }

  DossierMaker maker_;
  std::unique_ptr<StoreEnv> env_;
  std::unique_ptr<Store> store_;
};

// ---- Codes and creation.

TEST_P(StoreSuite, SubmissionsGetTheAgencysNextCodeOfTheirLocalDay) {
  const Instant day1 = LocalTime("2024-03-04T08:10:00+07:00");
  EXPECT_EQ(Create("A", "0912345678", day1).code, "000.00.12.H29-240304-0001");
  EXPECT_EQ(Create("B", "0912345678", day1 + 60).code, "000.00.12.H29-240304-0002");
  // 23:30 UTC on the 4th is 06:30 on the 5th in Vietnam: a new local day.
  EXPECT_EQ(Create("C", "0912345678", LocalTime("2024-03-04T23:30:00Z")).code,
            "000.00.12.H29-240305-0001");
  EXPECT_EQ(Create("D", "0912345678", day1, "", "000.00.07.H29").code, "000.00.07.H29-240304-0001");
}

TEST_P(StoreSuite, ACreatedDossierReadsBackWithItsFirstEvent) {
  const dossier::Dossier d = Create("Nguyễn Văn A", "0912345678", LocalTime("2024-03-04T08:10"));
  auto got = store_->GetDossier(d.code);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->applicant.name, "Nguyễn Văn A");
  EXPECT_EQ(got->version, 1);
  EXPECT_EQ(got->head_hash, d.head_hash);
  EXPECT_EQ(got->components.size(), 1u);
  auto events = store_->ListEvents(d.code);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].action, dossier::Action::kSubmit);
  EXPECT_TRUE(dossier::VerifyChain(*events).ok());
  EXPECT_EQ(store_->GetDossier("000.00.12.H29-240304-0099").status().code(),
            Status::Code::kNotFound);
}

TEST_P(StoreSuite, AFailedBuildConsumesNoSequenceNumber) {
  const Instant at = LocalTime("2024-03-04T08:10");
  NewDossier req;
  req.agency_code = DossierMaker::kAgency;
  req.submitted_at = at;
  req.build = [](const std::string&) -> Result<dossier::Transition> {
    return Status::InvalidArgument("mandatory component missing");
  };
  EXPECT_EQ(store_->CreateDossier(req).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Create("A", "0912345678", at).code, "000.00.12.H29-240304-0001");
}

TEST_P(StoreSuite, ARetriedSubmissionGetsTheFirstAnswerAndCreatesNothing) {
  const Instant at = LocalTime("2024-03-04T08:10");
  const dossier::Dossier first = Create("A", "0912345678", at, "req-1");
  const dossier::Dossier retry = Create("A", "0912345678", at, "req-1");
  EXPECT_EQ(retry.code, first.code);
  EXPECT_EQ(retry.head_hash, first.head_hash);
  // No gap: the next new submission takes the very next number.
  EXPECT_EQ(Create("B", "0912345678", at, "req-2").code, "000.00.12.H29-240304-0002");
  auto page = store_->ListDossiers({}, "", 50);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->dossiers.size(), 2u);
}

TEST_P(StoreSuite, ConcurrentSubmissionsGetGapFreeUniqueCodes) {
  constexpr int kThreads = 6, kEach = 25;
  const Instant at = LocalTime("2024-03-04T09:00");
  std::vector<std::vector<std::string>> codes(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        NewDossier req;
        req.agency_code = DossierMaker::kAgency;
        req.submitted_at = at;
        // Every other request is retried once with the same key.
        req.idempotency_key = Numbered("t", t).append(Numbered("-", i));
        req.build = [&](const std::string& code) { return maker_.Submit(code, "X", "0", at); };
        auto d = store_->CreateDossier(req);
        ASSERT_TRUE(d.ok()) << d.status().ToString();
        if (i % 2 == 0) {
          auto again = store_->CreateDossier(req);
          ASSERT_TRUE(again.ok());
          EXPECT_EQ(again->code, d->code);
        }
        codes[t].push_back(d->code);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<int> sequences;
  for (const auto& list : codes) {
    for (const auto& code : list) {
      auto parsed = dossier::ParseDossierCode(code);
      ASSERT_TRUE(parsed.ok());
      EXPECT_TRUE(sequences.insert(parsed->sequence).second) << "duplicate " << code;
    }
  }
  ASSERT_EQ(sequences.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(*sequences.begin(), 1);
  EXPECT_EQ(*sequences.rbegin(), kThreads * kEach);  // so no gaps
}

// ---- Transitions.

TEST_P(StoreSuite, TransitionsAppendChainedEventsAndReplaceTheSnapshot) {
  dossier::Dossier d = Create("A", "0912345678", LocalTime("2024-03-04T08:10"));
  auto received = Do(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"));
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  auto transferred = Do(*received, dossier::Action::kTransfer, LocalTime("2024-03-04T10:00"));
  ASSERT_TRUE(transferred.ok()) << transferred.status().ToString();
  auto stored = store_->GetDossier(d.code);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->state, dossier::State::kInProgress);
  EXPECT_EQ(stored->version, 3);
  EXPECT_EQ(stored->due_at, received->due_at);
  auto events = store_->ListEvents(d.code);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[2].action, dossier::Action::kTransfer);
  EXPECT_TRUE(dossier::VerifyChain(*events).ok());
  EXPECT_EQ(events->back().hash, stored->head_hash);
}

TEST_P(StoreSuite, AStaleVersionIsAConflictAndChangesNothing) {
  const dossier::Dossier d = Create("A", "0912345678", LocalTime("2024-03-04T08:10"));
  // Two officers read version 1; one receives, the other then refuses.
  ASSERT_TRUE(Do(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00")).ok());
  auto late = Do(d, dossier::Action::kRefuse, LocalTime("2024-03-04T09:05"));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), Status::Code::kConflict) << late.status().ToString();
  auto stored = store_->GetDossier(d.code);
  EXPECT_EQ(stored->state, dossier::State::kReceived);
  EXPECT_EQ(stored->version, 2);
  EXPECT_EQ(store_->ListEvents(d.code)->size(), 2u);
  auto facts = store_->ReportFacts({DossierMaker::kAgency, 0, LocalTime("2025-01-01T00:00")});
  ASSERT_TRUE(facts.ok());
  ASSERT_EQ(facts->size(), 1u);
  EXPECT_FALSE(facts->facts()[0].refused_at().has_value());
}

TEST_P(StoreSuite, ATransitionOfAnUnknownDossierIsNotFound) {
  dossier::Dossier ghost = Create("A", "0", LocalTime("2024-03-04T08:10"));
  auto t = maker_.Step(ghost, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"));
  ASSERT_TRUE(t.ok());
  t->dossier.code = t->event.dossier_code = "000.00.12.H29-240304-0042";
  TransitionWrite w{1, *t, "", std::nullopt};
  EXPECT_EQ(store_->ApplyTransition(w).status().code(), Status::Code::kNotFound);
}

TEST_P(StoreSuite, AnEventWhoseHashDoesNotMatchItsContentIsRefused) {
  const dossier::Dossier d = Create("A", "0", LocalTime("2024-03-04T08:10"));
  auto t = maker_.Step(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"));
  ASSERT_TRUE(t.ok());
  t->event.actor = "someone.else";  // changed after hashing
  TransitionWrite w{d.version, *t, "", std::nullopt};
  EXPECT_EQ(store_->ApplyTransition(w).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->GetDossier(d.code)->version, 1);
}

TEST_P(StoreSuite, ARetriedTransitionGetsTheFirstAnswerAndAppendsOnce) {
  const dossier::Dossier d = Create("A", "0", LocalTime("2024-03-04T08:10"));
  auto first = Do(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"), "rcv-1");
  ASSERT_TRUE(first.ok());
  auto retry = Do(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"), "rcv-1");
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(retry->version, first->version);
  EXPECT_EQ(retry->head_hash, first->head_hash);
  EXPECT_EQ(store_->ListEvents(d.code)->size(), 2u);
}

TEST_P(StoreSuite, AnIdempotencyKeyReusedForAnotherRequestIsRefused) {
  const dossier::Dossier a = Create("A", "0", LocalTime("2024-03-04T08:10"), "k");
  const dossier::Dossier b = Create("B", "0", LocalTime("2024-03-04T08:20"));
  auto reuse = Do(b, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"), "k");
  EXPECT_EQ(reuse.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->GetDossier(b.code)->version, 1);
}

TEST_P(StoreSuite, ForgottenIdempotencyKeysMakeARetryANewRequest) {
  const Instant at = LocalTime("2024-03-04T08:10");
  Create("A", "0", at, "old");
  auto purged = store_->PurgeIdempotencyKeys(at + 1);
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(Create("A", "0", at, "old").code, "000.00.12.H29-240304-0002");
}

// ---- Lists and search.

TEST_P(StoreSuite, ListsPageNewestFirstWithACursorAndFilter) {
  const Instant start = LocalTime("2024-03-04T08:00");
  std::vector<std::string> created;
  for (int i = 0; i < 25; ++i) {
    dossier::Dossier d = Create(Numbered("P", i), "0", start + 600 * i);
    if (i % 5 == 0) {
      ASSERT_TRUE(Do(d, dossier::Action::kReceive, start + 600 * i + 60).ok());
    }
    created.push_back(d.code);
  }
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = store_->ListDossiers({}, cursor, 10);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const auto& s : page->dossiers) seen.push_back(s.code);
    cursor = page->next_cursor;
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  std::vector<std::string> newest_first(created.rbegin(), created.rend());
  EXPECT_EQ(seen, newest_first);

  DossierFilter received;
  received.states = {dossier::State::kReceived};
  auto page = store_->ListDossiers(received, "", 100);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->dossiers.size(), 5u);
  for (const auto& s : page->dossiers) EXPECT_EQ(s.state, dossier::State::kReceived);
  EXPECT_EQ(store_->ListDossiers({}, "garbage", 10).status().code(),
            Status::Code::kInvalidArgument);
}

TEST_P(StoreSuite, WorkQueuesAndHistoryListsBothFindTheirDossiers) {
  const Instant t0 = LocalTime("2024-03-04T08:00");
  dossier::Dossier done = Create("A", "0", t0);
  for (auto [action, offset] :
       std::vector<std::pair<dossier::Action, Instant>>{{dossier::Action::kReceive, 600},
                                                        {dossier::Action::kTransfer, 1200},
                                                        {dossier::Action::kResolve, 86400},
                                                        {dossier::Action::kReturn, 2 * 86400}}) {
    auto next = Do(done, action, t0 + offset);
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    done = *next;
  }
  dossier::Dossier working = Create("B", "0", t0 + 60);
  for (auto action : {dossier::Action::kReceive, dossier::Action::kTransfer}) {
    auto next = Do(working, action, t0 + 3600);
    ASSERT_TRUE(next.ok());
    working = *next;
  }
  Create("C", "0", t0 + 120);
  const auto list = [&](DossierFilter f) {
    auto page = store_->ListDossiers(f, "", 50);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? Codes(page->dossiers) : std::vector<std::string>{};
  };
  DossierFilter mine;
  mine.handler = "spec.b";
  EXPECT_EQ(list(mine), (std::vector<std::string>{working.code, done.code}));
  mine.states = {dossier::State::kInProgress, dossier::State::kPaused};
  EXPECT_EQ(list(mine), std::vector<std::string>{working.code});
  DossierFilter returned;
  returned.states = {dossier::State::kReturned};
  EXPECT_EQ(list(returned), std::vector<std::string>{done.code});
  DossierFilter overdue;
  overdue.states = {dossier::State::kReceived, dossier::State::kInProgress};
  overdue.due_before = LocalTime("2024-04-01T00:00");
  EXPECT_EQ(list(overdue), std::vector<std::string>{working.code});
  overdue.due_before = t0;
  EXPECT_TRUE(list(overdue).empty());
}

TEST_P(StoreSuite, SearchFindsApplicantsWithOrWithoutDiacritics) {
  const Instant at = LocalTime("2024-03-04T08:00");
  const std::string a = Create("Nguyễn Văn A", "0912345678", at).code;
  const std::string b = Create("Đặng Thị Bích", "+84 987 654 321", at + 60).code;
  Create("Nguyễn Văn Anh", "0900000000", at + 120);
  Create("Trần Văn Bình", "0911111111", at + 180, "", "000.00.07.H29");

  const auto search = [&](const std::string& text, std::vector<std::string> agencies = {}) {
    auto hits = store_->SearchDossiers({text, 20, std::move(agencies)});
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    return hits.ok() ? Codes(*hits) : std::vector<std::string>{};
  };
  EXPECT_EQ(search("nguyen van a"), std::vector<std::string>{a});
  EXPECT_EQ(search("Nguyễn Văn A"), std::vector<std::string>{a});
  EXPECT_EQ(search("NGUYEN  van   A"), std::vector<std::string>{a});
  EXPECT_EQ(search("van a"), std::vector<std::string>{a});          // a run of the name
  EXPECT_TRUE(search("a nguyen").empty());                          // not in this order
  EXPECT_EQ(search("dang thi bich"), std::vector<std::string>{b});  // đ -> d
  EXPECT_EQ(search("Đặng"), std::vector<std::string>{b});
  EXPECT_EQ(search("van").size(), 3u);
  EXPECT_EQ(search("van", {DossierMaker::kAgency}).size(), 2u);
  EXPECT_TRUE(search("nguyen van b").empty());
  EXPECT_EQ(search("0987654321"), std::vector<std::string>{b});  // stored as +84
  EXPECT_EQ(search("0912 345 678"), std::vector<std::string>{a});
  EXPECT_EQ(search(a), std::vector<std::string>{a});
  EXPECT_EQ(search("000.00.12.h29-240304").size(), 3u);  // code prefix, any case
  EXPECT_TRUE(search("\" OR 1=1 --").empty());
}

TEST_P(StoreSuite, SearchAfterANameCorrectionFindsOnlyTheNewName) {
  // Imported dossiers can replace a snapshot's applicant: the index follows.
  const dossier::Dossier d = Create("Lê Văn Tám", "0", LocalTime("2024-03-04T08:00"));
  auto t = maker_.Step(d, dossier::Action::kReceive, LocalTime("2024-03-04T09:00"));
  ASSERT_TRUE(t.ok());
  t->dossier.applicant.name = "Lê Văn Chín";
  TransitionWrite w{d.version, *t, "", std::nullopt};
  ASSERT_TRUE(store_->ApplyTransition(w).ok());
  EXPECT_TRUE(store_->SearchDossiers({"le van tam", 20, {}})->empty());
  EXPECT_EQ(store_->SearchDossiers({"le van chin", 20, {}})->size(), 1u);
}

// ---- Report facts.

TEST_P(StoreSuite, ReportFactsFollowEveryTransition) {
  const Instant t0 = LocalTime("2024-03-04T08:10");
  dossier::Dossier d = Create("A", "0", t0);
  Create("B", "0", t0 + 60);  // never received
  for (auto [action, at] : std::vector<std::pair<dossier::Action, const char*>>{
           {dossier::Action::kReceive, "2024-03-04T09:00"},
           {dossier::Action::kTransfer, "2024-03-04T10:00"},
           {dossier::Action::kResolve, "2024-03-06T15:00"},
           {dossier::Action::kReturn, "2024-03-07T08:00"}}) {
    auto next = Do(d, action, LocalTime(at));
    ASSERT_TRUE(next.ok()) << dossier::ActionName(action) << ": " << next.status().ToString();
    d = *next;
  }
  auto march = report::QueryForDates({2024, 3, 1}, {2024, 3, 31});
  auto facts = store_->ReportFacts({DossierMaker::kAgency, march.from, march.to});
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  EXPECT_EQ(facts->size(), 2u);
  march.slice = report::ResolveSlice(*facts, {DossierMaker::kAgency});
  const report::Report r = report::Compute(facts->facts(), march);
  EXPECT_EQ(r.received.fresh, 1);
  EXPECT_EQ(r.resolved.total, 1);
  EXPECT_EQ(r.resolved.early, 1);  // due 2024-03-11, resolved on the 6th
  EXPECT_EQ(r.returned, 1);
  EXPECT_TRUE(report::CheckIdentity(r).ok());

  // A later period: the returned dossier no longer counts; the open one does.
  auto april = store_->ReportFacts(
      {DossierMaker::kAgency, LocalTime("2024-04-01T00:00"), LocalTime("2024-05-01T00:00")});
  ASSERT_TRUE(april.ok());
  EXPECT_EQ(april->size(), 1u);
  // Another agency, and all agencies.
  EXPECT_EQ(store_->ReportFacts({"000.00.07.H29", march.from, march.to})->size(), 0u);
  EXPECT_EQ(store_->ReportFacts({std::nullopt, march.from, march.to})->size(), 2u);
  // A period before anything was submitted.
  EXPECT_EQ(store_->ReportFacts({std::nullopt, 0, t0})->size(), 0u);
}

TEST_P(StoreSuite, EachReportSeesTheWritesMadeBeforeIt) {
  const Instant t0 = LocalTime("2024-03-04T08:10");
  const auto march = report::QueryForDates({2024, 3, 1}, {2024, 3, 31});
  const auto resolved = [&] {
    auto facts = store_->ReportFacts({DossierMaker::kAgency, march.from, march.to});
    EXPECT_TRUE(facts.ok()) << facts.status().ToString();
    report::ReportQuery q = march;
    q.slice = report::ResolveSlice(*facts, {DossierMaker::kAgency});
    return report::Compute(facts->facts(), q).resolved.total;
  };
  dossier::Dossier d = Create("A", "0", t0);
  EXPECT_EQ(resolved(), 0);  // (an engine may now hold the agency's facts in memory)
  for (auto [action, at] : std::vector<std::pair<dossier::Action, const char*>>{
           {dossier::Action::kReceive, "2024-03-04T09:00"},
           {dossier::Action::kTransfer, "2024-03-04T10:00"},
           {dossier::Action::kResolve, "2024-03-06T15:00"}}) {
    auto next = Do(d, action, LocalTime(at));
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    d = *next;
  }
  EXPECT_EQ(resolved(), 1);
  Create("B", "0", t0 + 60);
  auto facts = store_->ReportFacts({DossierMaker::kAgency, march.from, march.to});
  ASSERT_TRUE(facts.ok());
  EXPECT_EQ(facts->size(), 2u);
  // A history import into the same agency is seen too.
  auto old = maker_.Submit(std::string(DossierMaker::kAgency) + "-240301-0001", "C", "0",
                           LocalTime("2024-03-01T08:00"));
  ASSERT_TRUE(old.ok());
  const std::vector<ImportedDossier> history = {{old->dossier, {old->event}, std::nullopt}};
  ASSERT_TRUE(store_->ImportDossiers(history).ok());
  EXPECT_EQ(store_->ReportFacts({DossierMaker::kAgency, march.from, march.to})->size(), 3u);
}

// ---- Import.

TEST_P(StoreSuite, ImportStoresWholeChainsAndMovesTheDaySequencePastThem) {
  const Instant at = LocalTime("2024-03-04T08:10");
  std::vector<ImportedDossier> batch;
  for (int seq : {3, 7}) {
    char code[64];
    snprintf(code, sizeof code, "%s-240304-%04d", DossierMaker::kAgency, seq);
    auto submit = maker_.Submit(code, "Phạm Văn Đồng", "0912000000", at);
    ASSERT_TRUE(submit.ok());
    auto receive = maker_.Step(submit->dossier, dossier::Action::kReceive, at + 3600);
    ASSERT_TRUE(receive.ok());
    batch.push_back({receive->dossier, {submit->event, receive->event}, std::nullopt});
  }
  auto summary = store_->ImportDossiers(batch);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->imported, 2);
  auto events = store_->ListEvents(batch[1].dossier.code);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(*events, batch[1].events);
  EXPECT_EQ(store_->SearchDossiers({"pham van dong", 20, {}})->size(), 2u);
  // Live codes continue after the highest imported one.
  EXPECT_EQ(Create("A", "0", at).code, "000.00.12.H29-240304-0008");
  // Importing the same file again changes nothing.
  auto again = store_->ImportDossiers(batch);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->imported, 0);
  EXPECT_EQ(again->already_present, 2);
}

TEST_P(StoreSuite, AnImportBatchWithABrokenChainWritesNothing) {
  const Instant at = LocalTime("2024-03-04T08:10");
  std::vector<ImportedDossier> batch;
  for (int seq : {1, 2}) {
    const std::string code =
        std::string(DossierMaker::kAgency) + "-240304-000" + std::to_string(seq);
    auto submit = maker_.Submit(code, "X", "0", at);
    ASSERT_TRUE(submit.ok());
    batch.push_back({submit->dossier, {submit->event}, std::nullopt});
  }
  batch[1].events[0].payload += " ";  // tampered
  EXPECT_EQ(store_->ImportDossiers(batch).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(store_->GetDossier(batch[0].dossier.code).status().code(), Status::Code::kNotFound);
}

TEST_P(StoreSuite, TheAuditWalkSeesEveryChainWhole) {
  dossier::Dossier a = Create("A", "0", LocalTime("2024-03-04T08:10"));
  Create("B", "0", LocalTime("2024-03-04T08:20"));
  ASSERT_TRUE(Do(a, dossier::Action::kReceive, LocalTime("2024-03-04T09:00")).ok());
  std::map<std::string, size_t> lengths;
  Status status = store_->ForEachEventChain([&](const EventChain& c) -> Status {
    lengths[c.code] = c.events.size();
    MOTCUA_RETURN_IF_ERROR(dossier::VerifyChain(c.events));
    if (c.events.back().hash != c.head_hash) return Status::Corruption("head");
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(lengths.size(), 2u);
  EXPECT_EQ(lengths[a.code], 2u);
  // The walk stops at the first error it is handed back.
  int calls = 0;
  EXPECT_EQ(store_
                ->ForEachEventChain([&](const EventChain&) {
                  ++calls;
                  return Status::Corruption("stop");
                })
                .code(),
            Status::Code::kCorruption);
  EXPECT_EQ(calls, 1);
}

// ---- Users and grants.

TEST_P(StoreSuite, UsersAreCreatedReplacedAndDeleted) {
  access::User u{"postal.a", "Nguyễn Thị Bưu", {access::Role::kDesk}, ""};
  ASSERT_TRUE(store_->PutUser(u).ok());
  ASSERT_TRUE(store_->SetPasswordHash("postal.a", "$argon2id$x").ok());
  u.roles.push_back(access::Role::kApplicant);
  u.display_name = "Nguyễn Thị Bưu Điện";
  ASSERT_TRUE(store_->PutUser(u).ok());
  auto got = store_->GetUser("postal.a");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->display_name, "Nguyễn Thị Bưu Điện");
  EXPECT_EQ(got->roles, u.roles);
  EXPECT_EQ(*store_->GetPasswordHash("postal.a"), "$argon2id$x");  // kept by PutUser
  ASSERT_TRUE(store_->PutUser({"admin", "Quản trị", {access::Role::kAdmin}, ""}).ok());
  EXPECT_EQ(store_->ListUsers()->size(), 2u);
  EXPECT_EQ(store_->ListUsers()->front().login, "admin");
  ASSERT_TRUE(store_->DeleteUser("postal.a").ok());
  EXPECT_EQ(store_->GetUser("postal.a").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->DeleteUser("postal.a").code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->SetPasswordHash("nobody", "h").code(), Status::Code::kNotFound);
}

TEST_P(StoreSuite, GrantsAreStoredWhole) {
  access::Grant g;
  g.agency_code = DossierMaker::kAgency;
  g.grantee_login = "postal.a";
  g.scope = {access::ScopeKind::kFields, {"bao_chi", "xuat_ban"}};
  g.actions = {access::GrantAction::kReceive, access::GrantAction::kSign};
  g.valid_from = LocalTime("2023-01-01T00:00");
  g.valid_to = LocalTime("2024-01-01T00:00");
  g.tier = access::GrantTier::kBackup;
  g.contract_reference = "HĐ 12/2023/HĐ-BĐ";
  auto created = store_->CreateGrant(g);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(created->id, 0);
  auto got = store_->GetGrant(created->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->scope.codes, g.scope.codes);
  EXPECT_EQ(got->actions, g.actions);
  EXPECT_EQ(got->valid_to, g.valid_to);
  EXPECT_EQ(got->tier, access::GrantTier::kBackup);
  EXPECT_EQ(got->contract_reference, g.contract_reference);
  EXPECT_FALSE(got->revoked_at.has_value());

  got->revoked_at = LocalTime("2023-06-01T00:00");
  ASSERT_TRUE(store_->UpdateGrant(*got).ok());
  EXPECT_EQ(store_->GetGrant(created->id)->revoked_at, got->revoked_at);
  EXPECT_EQ(store_->ListGrants({std::nullopt, "postal.a"})->size(), 1u);
  EXPECT_EQ(store_->ListGrants({"000.00.07.H29", std::nullopt})->size(), 0u);
  access::Grant bad = g;
  bad.actions.clear();
  EXPECT_EQ(store_->CreateGrant(bad).status().code(), Status::Code::kInvalidArgument);
  bad = g;
  bad.id = 999;
  EXPECT_EQ(store_->UpdateGrant(bad).code(), Status::Code::kNotFound);
}

TEST_P(StoreSuite, ADisabledUserStaysDisabledUntilPutBack) {
  access::User u{"desk.b", "Trần Văn Bàn", {access::Role::kDesk}, DossierMaker::kAgency};
  ASSERT_TRUE(store_->PutUser(u).ok());
  EXPECT_FALSE(store_->GetUser("desk.b")->disabled);
  u.disabled = true;
  ASSERT_TRUE(store_->PutUser(u).ok());
  EXPECT_TRUE(store_->GetUser("desk.b")->disabled);
  EXPECT_TRUE(store_->ListUsers()->front().disabled);
  u.disabled = false;
  ASSERT_TRUE(store_->PutUser(u).ok());
  EXPECT_FALSE(store_->GetUser("desk.b")->disabled);
}

// ---- Credentials.

// A token hash as http::TokenHash makes them: 64 lowercase hex digits.
inline std::string FakeTokenHash(char digit) { return std::string(64, digit); }

TEST_P(StoreSuite, ASessionIsFoundByItsTokenHashUntilItIsRevoked) {
  ASSERT_TRUE(store_->PutUser({"desk.a", "Lê Thị Hoa", {access::Role::kDesk}, ""}).ok());
  const Instant t0 = LocalTime("2024-03-04T08:00");
  Credential session;
  session.kind = CredentialKind::kSession;
  session.token_hash = FakeTokenHash('a');
  session.login = "desk.a";
  session.label = "Mozilla/5.0";
  session.created_by = "desk.a";
  session.created_at = t0;
  session.expires_at = t0 + 8 * 3600;
  auto created = store_->CreateCredential(session);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_GT(created->id, 0);

  auto found = store_->FindCredential(FakeTokenHash('a'));
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(*found, *created);
  EXPECT_TRUE(found->LiveAt(t0 + 60));
  EXPECT_FALSE(found->LiveAt(t0 + 8 * 3600));  // expired at expires_at
  EXPECT_EQ(store_->FindCredential(FakeTokenHash('b')).status().code(), Status::Code::kNotFound);

  // Logging out; a second revocation keeps the first time.
  ASSERT_TRUE(store_->RevokeCredential(created->id, t0 + 600).ok());
  ASSERT_TRUE(store_->RevokeCredential(created->id, t0 + 900).ok());
  found = store_->FindCredential(FakeTokenHash('a'));
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->revoked_at, t0 + 600);
  EXPECT_TRUE(found->LiveAt(t0 + 599));
  EXPECT_FALSE(found->LiveAt(t0 + 600));
  EXPECT_EQ(store_->RevokeCredential(created->id + 100, t0).code(), Status::Code::kNotFound);
}

TEST_P(StoreSuite, CredentialsAreRefusedForDuplicateTokensUnknownUsersAndBadHashes) {
  ASSERT_TRUE(store_->PutUser({"admin", "Quản trị", {access::Role::kAdmin}, ""}).ok());
  Credential token;
  token.kind = CredentialKind::kApiToken;
  token.token_hash = FakeTokenHash('1');
  token.login = "admin";
  token.label = "Cổng DVC quốc gia";
  token.created_by = "admin";
  token.created_at = LocalTime("2024-03-04T08:00");
  auto first = store_->CreateCredential(token);  // an API token may have no expiry
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->LiveAt(LocalTime("2030-01-01T00:00")));
  EXPECT_EQ(store_->CreateCredential(token).status().code(), Status::Code::kAlreadyExists);

  Credential other = token;
  other.token_hash = FakeTokenHash('2');
  other.login = "nobody";
  EXPECT_EQ(store_->CreateCredential(other).status().code(), Status::Code::kNotFound);
  other.login = "admin";
  other.token_hash = std::string(64, 'A');  // not as TokenHash spells it
  EXPECT_EQ(store_->CreateCredential(other).status().code(), Status::Code::kInvalidArgument);
  other.token_hash = "abc";
  EXPECT_EQ(store_->CreateCredential(other).status().code(), Status::Code::kInvalidArgument);
  other.token_hash = FakeTokenHash('3');
  other.kind = CredentialKind::kSession;  // a session without an expiry
  EXPECT_EQ(store_->CreateCredential(other).status().code(), Status::Code::kInvalidArgument);
  auto all = store_->ListCredentials(CredentialKind::kApiToken, "");
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);  // nothing of the refused ones was written
  EXPECT_EQ(all->front(), *first);
}

TEST_P(StoreSuite, CredentialsAreListedByKindAndLoginInCreationOrder) {
  for (const char* login : {"a.user", "b.user"}) {
    ASSERT_TRUE(store_->PutUser({login, "Người dùng", {access::Role::kDesk}, ""}).ok());
  }
  const Instant t0 = LocalTime("2024-03-04T08:00");
  const struct {
    CredentialKind kind;
    const char* login;
    char digit;
  } rows[] = {{CredentialKind::kSession, "b.user", '1'},
              {CredentialKind::kApiToken, "a.user", '2'},
              {CredentialKind::kSession, "a.user", '3'},
              {CredentialKind::kSession, "b.user", '4'}};
  std::vector<std::int64_t> ids;
  for (const auto& r : rows) {
    Credential c;
    c.kind = r.kind;
    c.token_hash = FakeTokenHash(r.digit);
    c.login = r.login;
    c.created_by = r.login;
    c.created_at = t0;
    c.expires_at = t0 + 3600;
    auto created = store_->CreateCredential(c);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    ids.push_back(created->id);
  }
  const auto ids_of = [&](CredentialKind kind, std::string_view login) {
    std::vector<std::int64_t> out;
    auto list = store_->ListCredentials(kind, login);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (list.ok()) {
      for (const Credential& c : *list) out.push_back(c.id);
    }
    return out;
  };
  EXPECT_EQ(ids_of(CredentialKind::kSession, ""), (std::vector{ids[0], ids[2], ids[3]}));
  EXPECT_EQ(ids_of(CredentialKind::kSession, "b.user"), (std::vector{ids[0], ids[3]}));
  EXPECT_EQ(ids_of(CredentialKind::kApiToken, "a.user"), (std::vector{ids[1]}));
  EXPECT_TRUE(ids_of(CredentialKind::kApiToken, "b.user").empty());

  // A deleted user's credentials go with it: a new "b.user" starts clean.
  ASSERT_TRUE(store_->DeleteUser("b.user").ok());
  EXPECT_TRUE(ids_of(CredentialKind::kSession, "b.user").empty());
  EXPECT_EQ(store_->FindCredential(FakeTokenHash('1')).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ids_of(CredentialKind::kSession, ""), (std::vector{ids[2]}));
}

// ---- Audit log.

TEST_P(StoreSuite, TheAuditLogListsNewestFirstInPages) {
  const Instant t0 = LocalTime("2024-03-04T08:00");
  for (int i = 1; i <= 5; ++i) {
    AuditEntry e;
    e.at = t0 + i;
    e.actor = "admin";
    e.acting_for = i % 2 ? DossierMaker::kAgency : "";
    e.request_id = Numbered("req-", i);
    e.action = "grant.create";
    e.target = std::to_string(i);
    e.detail = R"({"to":"postal.a"})";
    ASSERT_TRUE(store_->AppendAudit(e).ok());
  }
  auto page = store_->ListAudit(0, 2);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].request_id, "req-5");
  EXPECT_EQ((*page)[1].request_id, "req-4");
  EXPECT_GT((*page)[0].id, (*page)[1].id);
  EXPECT_EQ((*page)[0].at, t0 + 5);
  EXPECT_EQ((*page)[0].acting_for, DossierMaker::kAgency);
  EXPECT_EQ((*page)[0].detail, R"({"to":"postal.a"})");
  auto rest = store_->ListAudit(page->back().id, 1000);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 3u);
  EXPECT_EQ((*rest)[0].target, "3");
  EXPECT_EQ((*rest)[2].target, "1");
  EXPECT_EQ((*rest)[2].acting_for, DossierMaker::kAgency);
  EXPECT_TRUE(store_->ListAudit(rest->back().id, 10)->empty());

  EXPECT_EQ(store_->ListAudit(0, 0).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->ListAudit(0, 1001).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->AppendAudit(AuditEntry{}).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->ListAudit(0, 1000)->size(), 5u);
}

// ---- A change and its audit entry, atomically.

TEST_P(StoreSuite, AChangeAndItsAuditEntryAreStoredBothOrNeither) {
  const access::User u{"postal.a", "Nguyễn Thị Bưu", {access::Role::kDesk}, ""};
  AuditEntry entry;
  entry.at = LocalTime("2024-03-04T08:10");
  entry.actor = "quantri";
  entry.request_id = "req-1";
  entry.action = "user.put";
  entry.target = u.login;

  // The audit entry is refused (no action): the user is not stored either.
  AuditEntry broken = entry;
  broken.action.clear();
  const Status refused = store_->Atomically([&](Store& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.PutUser(u));
    MOTCUA_RETURN_IF_ERROR(tx.SetPasswordHash(u.login, "$argon2id$x"));
    return tx.AppendAudit(broken);
  });
  EXPECT_EQ(refused.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->GetUser(u.login).status().code(), Status::Code::kNotFound);
  EXPECT_TRUE(store_->ListAudit(0, 10)->empty());

  // A grant for a user that the same write creates, and the entry naming it.
  access::Grant grant;
  grant.agency_code = DossierMaker::kAgency;
  grant.grantee_login = u.login;
  grant.actions = {access::GrantAction::kReceive};
  grant.valid_from = entry.at;
  std::int64_t grant_id = 0;
  ASSERT_TRUE(store_
                  ->Atomically([&](Store& tx) -> Status {
                    MOTCUA_RETURN_IF_ERROR(tx.PutUser(u));
                    MOTCUA_ASSIGN_OR_RETURN(const access::Grant g, tx.CreateGrant(grant));
                    grant_id = g.id;
                    AuditEntry e = entry;
                    e.action = "grant.create";
                    e.target = std::to_string(g.id);
                    return tx.AppendAudit(e);
                  })
                  .ok());
  EXPECT_TRUE(store_->GetUser(u.login).ok());
  EXPECT_TRUE(store_->GetGrant(grant_id).ok());
  const auto audit = store_->ListAudit(0, 10);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ(audit->front().target, std::to_string(grant_id));

  // A failure of the writes' own (here: a missing user) also keeps nothing.
  EXPECT_EQ(store_
                ->Atomically([&](Store& tx) -> Status {
                  MOTCUA_RETURN_IF_ERROR(tx.AppendAudit(entry));
                  return tx.SetPasswordHash("nobody", "h");
                })
                .code(),
            Status::Code::kNotFound);
  EXPECT_EQ(store_->ListAudit(0, 10)->size(), 1u);
}

TEST_P(StoreSuite, DossierWritesAreRefusedInsideAnAtomicAccountWrite) {
  const Instant at = LocalTime("2024-03-04T08:10");
  NewDossier req;
  req.agency_code = DossierMaker::kAgency;
  req.submitted_at = at;
  req.build = [&](const std::string& code) { return maker_.Submit(code, "A", "0", at); };
  const Status s = store_->Atomically([&](Store& tx) { return tx.CreateDossier(req).status(); });
  EXPECT_EQ(s.code(), Status::Code::kFailedPrecondition) << s.ToString();
  const Result<DossierCounts> counts = store_->CountDossiers(at);
  ASSERT_TRUE(counts.ok());
  std::int64_t stored = 0;
  for (const auto& [state, n] : counts->by_state) stored += n;
  EXPECT_EQ(stored, 0);
}

// ---- Request ids of events.

TEST_P(StoreSuite, EachEventKeepsTheRequestIdThatWroteIt) {
  const Instant at = LocalTime("2024-03-04T08:10");
  NewDossier req;
  req.agency_code = DossierMaker::kAgency;
  req.submitted_at = at;
  req.request_id = "req-submit";
  req.build = [&](const std::string& code) { return maker_.Submit(code, "A", "0", at); };
  auto d = store_->CreateDossier(req);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  auto t = maker_.Step(*d, dossier::Action::kReceive, at + 600);
  ASSERT_TRUE(t.ok());
  TransitionWrite w;
  w.expected_version = d->version;
  w.transition = *t;
  w.request_id = "req-receive";
  ASSERT_TRUE(store_->ApplyTransition(w).ok());
  auto recorded = store_->ListEventsWithRequestIds(d->code);
  ASSERT_TRUE(recorded.ok()) << recorded.status().ToString();
  ASSERT_EQ(recorded->size(), 2u);
  EXPECT_EQ((*recorded)[0].request_id, "req-submit");
  EXPECT_EQ((*recorded)[1].request_id, "req-receive");
  // The request id is beside the chain, not in it; the events are ListEvents'.
  auto events = store_->ListEvents(d->code);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(dossier::VerifyChain(*events).ok());
  EXPECT_EQ((*recorded)[0].event, (*events)[0]);
  EXPECT_EQ((*recorded)[1].event, (*events)[1]);

  // Imported history was written by no request.
  auto old = maker_.Submit(std::string(DossierMaker::kAgency) + "-240301-0001", "C", "0",
                           LocalTime("2024-03-01T08:00"));
  ASSERT_TRUE(old.ok());
  const std::vector<ImportedDossier> history = {{old->dossier, {old->event}, std::nullopt}};
  ASSERT_TRUE(store_->ImportDossiers(history).ok());
  recorded = store_->ListEventsWithRequestIds(old->dossier.code);
  ASSERT_TRUE(recorded.ok()) << recorded.status().ToString();
  ASSERT_EQ(recorded->size(), 1u);
  EXPECT_EQ((*recorded)[0].request_id, "");
  EXPECT_EQ(store_->ListEventsWithRequestIds("000.00.12.H29-240304-0099").status().code(),
            Status::Code::kNotFound);
}

// ---- Questions.

TEST_P(StoreSuite, AQuestionIsAskedAndAnsweredOnce) {
  const dossier::Dossier d = Create("A", "0", LocalTime("2024-03-04T08:10"));
  const Instant t0 = LocalTime("2024-03-04T09:00");
  Question q;
  q.dossier_code = d.code;
  q.agency_code = "000.00.07.H29";
  q.asked_by = "desk.a";
  q.text = "Giấy phép cũ còn hiệu lực không?";
  q.asked_at = t0;
  q.answer = "ignored";  // an answer comes only through AnswerQuestion
  auto asked = store_->AskQuestion(q);
  ASSERT_TRUE(asked.ok()) << asked.status().ToString();
  EXPECT_GT(asked->id, 0);
  EXPECT_TRUE(asked->answer.empty());
  EXPECT_FALSE(asked->answered_at.has_value());
  auto got = store_->GetQuestion(asked->id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, *asked);

  auto answered = store_->AnswerQuestion(asked->id, "spec.b", "Còn hiệu lực đến 2025.", t0 + 3600);
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_EQ(answered->answered_by, "spec.b");
  EXPECT_EQ(answered->answer, "Còn hiệu lực đến 2025.");
  EXPECT_EQ(answered->answered_at, t0 + 3600);
  EXPECT_EQ(answered->text, q.text);
  EXPECT_EQ(*store_->GetQuestion(asked->id), *answered);

  // A second answer is a conflict and changes nothing.
  EXPECT_EQ(store_->AnswerQuestion(asked->id, "spec.c", "Hết hạn.", t0 + 7200).status().code(),
            Status::Code::kConflict);
  EXPECT_EQ(*store_->GetQuestion(asked->id), *answered);
  EXPECT_EQ(store_->AnswerQuestion(asked->id + 100, "spec.c", "x", t0).status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(store_->GetQuestion(asked->id + 100).status().code(), Status::Code::kNotFound);
}

TEST_P(StoreSuite, QuestionsAreListedPerDossierAndNeedOne) {
  const dossier::Dossier a = Create("A", "0", LocalTime("2024-03-04T08:10"));
  const dossier::Dossier b = Create("B", "0", LocalTime("2024-03-04T08:20"));
  std::vector<std::int64_t> ids;
  for (const auto* d : {&a, &b, &a}) {
    Question q;
    q.dossier_code = d->code;
    q.agency_code = DossierMaker::kAgency;
    q.asked_by = "desk.a";
    q.text = "Câu hỏi " + d->code;
    q.asked_at = LocalTime("2024-03-04T09:00");
    auto asked = store_->AskQuestion(q);
    ASSERT_TRUE(asked.ok()) << asked.status().ToString();
    ids.push_back(asked->id);
  }
  auto of_a = store_->ListQuestions(a.code);
  ASSERT_TRUE(of_a.ok()) << of_a.status().ToString();
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[0].id, ids[0]);
  EXPECT_EQ((*of_a)[1].id, ids[2]);
  EXPECT_EQ((*of_a)[1].dossier_code, a.code);
  EXPECT_EQ(store_->ListQuestions(b.code)->size(), 1u);

  Question orphan;
  orphan.dossier_code = "000.00.12.H29-240304-0099";
  orphan.text = "?";
  EXPECT_EQ(store_->AskQuestion(orphan).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->ListQuestions(orphan.dossier_code).status().code(), Status::Code::kNotFound);
  orphan.dossier_code = a.code;
  orphan.text.clear();
  EXPECT_EQ(store_->AskQuestion(orphan).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->ListQuestions(a.code)->size(), 2u);
}

// ---- Counts for /metrics.

TEST_P(StoreSuite, DossierCountsFollowEveryWrite) {
  const auto count_of = [](const DossierCounts& c, dossier::State s) {
    for (const auto& [state, n] : c.by_state) {
      if (state == s) return n;
    }
    return std::int64_t{-1};
  };
  auto empty = store_->CountDossiers(LocalTime("2024-03-04T08:00"));
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  ASSERT_EQ(empty->by_state.size(), dossier::AllStates().size());
  for (size_t i = 0; i < empty->by_state.size(); ++i) {
    EXPECT_EQ(empty->by_state[i].first, dossier::AllStates()[i]);  // enum order
    EXPECT_EQ(empty->by_state[i].second, 0);
  }
  EXPECT_EQ(empty->open_overdue, 0);

  // Monday 2024-03-04; five working days end on Monday the 11th.
  const Instant t0 = LocalTime("2024-03-04T08:10");
  dossier::Dossier a = Create("A", "0", t0);
  dossier::Dossier b = Create("B", "0", t0 + 60);
  dossier::Dossier c = Create("C", "0", t0 + 120);
  Create("D", "0", t0 + 180);
  for (auto [d, action, at] : std::vector<std::tuple<dossier::Dossier*, dossier::Action, Instant>>{
           {&a, dossier::Action::kReceive, t0 + 3600},
           {&b, dossier::Action::kReceive, t0 + 3600},
           {&b, dossier::Action::kTransfer, t0 + 3700},
           {&b, dossier::Action::kResolve, t0 + 7200},
           {&c, dossier::Action::kRefuse, t0 + 3600}}) {
    auto next = Do(*d, action, at);
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    *d = *next;
  }
  auto history = maker_.Submit(std::string(DossierMaker::kAgency) + "-240301-0001", "E", "0",
                               LocalTime("2024-03-01T08:00"));
  ASSERT_TRUE(history.ok());
  ASSERT_TRUE(store_->ImportDossiers({{{history->dossier, {history->event}, std::nullopt}}}).ok());

  auto counts = store_->CountDossiers(t0 + 3600 * 2);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(count_of(*counts, dossier::State::kSubmitted), 2);  // D and the imported one
  EXPECT_EQ(count_of(*counts, dossier::State::kReceived), 1);
  EXPECT_EQ(count_of(*counts, dossier::State::kResolved), 1);
  EXPECT_EQ(count_of(*counts, dossier::State::kRefused), 1);
  EXPECT_EQ(count_of(*counts, dossier::State::kInProgress), 0);
  EXPECT_EQ(counts->open_overdue, 0);

  // Past its due time the received dossier is overdue; the resolved and
  // refused ones never count, and submitted ones have no due time before
  // receipt.
  DossierFilter received;
  received.states = {dossier::State::kReceived};
  auto page = store_->ListDossiers(received, "", 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->dossiers.size(), 1u);
  ASSERT_TRUE(page->dossiers[0].due_at.has_value());
  const Instant due = *page->dossiers[0].due_at;
  EXPECT_EQ(store_->CountDossiers(due)->open_overdue, 0);
  counts = store_->CountDossiers(due + 1);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->open_overdue, 1);
  EXPECT_EQ(store_->CountDossiers(LocalTime("2025-01-01T00:00"))->open_overdue, 1);
  // Importing the same history again adds nothing.
  ASSERT_TRUE(store_->ImportDossiers({{{history->dossier, {history->event}, std::nullopt}}}).ok());
  counts = store_->CountDossiers(due + 1);
  ASSERT_TRUE(counts.ok());
  std::int64_t total = 0;
  for (const auto& [state, n] : counts->by_state) total += n;
  EXPECT_EQ(total, 5);
  EXPECT_EQ(count_of(*counts, dossier::State::kSubmitted), 2);
}

// ---- Reopening.

TEST_P(StoreSuite, EverythingWrittenIsThereAfterReopening) {
  const dossier::Dossier d = Create("Nguyễn Văn A", "0", LocalTime("2024-03-04T08:10"));
  store_.reset();
  auto reopened = env_->Open();
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(reopened).value();
  EXPECT_EQ(store_->GetDossier(d.code)->head_hash, d.head_hash);
  EXPECT_EQ(store_->SearchDossiers({"nguyen van a", 20, {}})->size(), 1u);
  EXPECT_EQ(Create("B", "0", LocalTime("2024-03-04T08:20")).code, "000.00.12.H29-240304-0002");
}

}  // namespace motcua::store
