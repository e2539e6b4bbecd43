// An importer that checks and encodes its batches on its own threads
// (Store::PrepareImport) and hands them to the store in file order
// (ImportPrepared): the same outcome as ImportDossiers, batch by batch.
#include <gtest/gtest.h>

#include <thread>

#include "store/dossier_maker_testing.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

class ImportPreparedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("motcua.db"));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  // Dossier `seq` of 4 March 2024, submitted and received.
  ImportedDossier Received(int seq, const std::string& name) {
    char code[64];
    std::snprintf(code, sizeof code, "%s-240304-%04d", DossierMaker::kAgency, seq);
    const Instant at = LocalTime("2024-03-04T08:10");
    auto submit = maker_.Submit(code, name, "0912000000", at);
    EXPECT_TRUE(submit.ok());
    auto receive = maker_.Step(submit->dossier, dossier::Action::kReceive, at + 3600);
    EXPECT_TRUE(receive.ok());
    return {receive->dossier, {submit->event, receive->event}, std::nullopt};
  }

  TempDir dir_;
  DossierMaker maker_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(ImportPreparedTest, BatchesPreparedOnOtherThreadsAreStoredWholeAndSearchable) {
  std::vector<std::vector<ImportedDossier>> batches(2);
  for (int seq = 1; seq <= 6; ++seq)
    batches[seq <= 3 ? 0 : 1].push_back(Received(seq, "Lê Thị Hoa"));
  std::vector<Result<std::unique_ptr<PreparedImport>>> prepared;
  for (int i = 0; i < 2; ++i) prepared.emplace_back(Status::Internal("not run"));
  {
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
      threads.emplace_back([&, i] { prepared[i] = store_->PrepareImport(batches[i]); });
    }
    for (auto& t : threads) t.join();
  }
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(prepared[i].ok()) << prepared[i].status().ToString();
    EXPECT_EQ((*prepared[i])->size(), 3u);
    auto summary = store_->ImportPrepared(**prepared[i]);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->imported, 3);
    EXPECT_EQ(summary->already_present, 0);
  }
  auto events = store_->ListEvents(batches[1][2].dossier.code);
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(*events, batches[1][2].events);
  EXPECT_EQ(store_->SearchDossiers({"le thi hoa", 20, {}})->size(), 6u);
  auto facts = store_->ReportFacts(
      {DossierMaker::kAgency, LocalTime("2024-03-01T00:00"), LocalTime("2024-04-01T00:00")});
  ASSERT_TRUE(facts.ok());
  EXPECT_EQ(facts->size(), 6u);
  // Live codes continue after the highest imported one.
  NewDossier req;
  req.agency_code = DossierMaker::kAgency;
  req.submitted_at = LocalTime("2024-03-04T09:00");
  req.build = [&](const std::string& code) {
    return maker_.Submit(code, "B", "0", req.submitted_at);
  };
  EXPECT_EQ(store_->CreateDossier(req)->code, "000.00.12.H29-240304-0007");
  // The same prepared batch written again creates nothing.
  auto again = store_->ImportPrepared(**prepared[0]);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->imported, 0);
  EXPECT_EQ(again->already_present, 3);
}

TEST_F(ImportPreparedTest, ABrokenChainIsRefusedWhenPreparedAndNothingIsWritten) {
  std::vector<ImportedDossier> batch = {Received(1, "A"), Received(2, "B")};
  batch[1].events[1].actor = "someone.else";  // tampered after hashing
  auto prepared = store_->PrepareImport(batch);
  EXPECT_EQ(prepared.status().code(), Status::Code::kCorruption) << prepared.status().ToString();
  EXPECT_EQ(store_->GetDossier(batch[0].dossier.code).status().code(), Status::Code::kNotFound);
  // ImportDossiers says the same of the same batch.
  EXPECT_EQ(store_->ImportDossiers(batch).status().ToString(), prepared.status().ToString());
}

TEST_F(ImportPreparedTest, ABatchPreparedByAnotherStoreIsRefused) {
  TempDir other_dir;
  auto other = SqliteStore::Open(other_dir.File("other.db"));
  ASSERT_TRUE(other.ok());
  auto prepared = (*other)->PrepareImport({Received(1, "A")});
  ASSERT_TRUE(prepared.ok());
  EXPECT_EQ(store_->ImportPrepared(**prepared).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->GetDossier("000.00.12.H29-240304-0001").status().code(),
            Status::Code::kNotFound);
}

}  // namespace
}  // namespace motcua::store::sqlite
