// An imported dossier's history kept in one row (schema version 4,
// imported_history.h), on real SQLite files: read back with the live events
// written after it, in a database migrated from version 3 whose imported
// events are rows of `event`, tampered with byte by byte, and after a crash
// in the middle of an import.
#include "store/sqlite/imported_history.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/dossier_maker_testing.h"
#include "store/sqlite/migrate.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

// The request id of each event, in seq order, with the events themselves
// checked against ListEvents (both must come from the same rows).
std::vector<std::string> RequestIds(SqliteStore& store, const std::string& code) {
  auto recorded = store.ListEventsWithRequestIds(code);
  EXPECT_TRUE(recorded.ok()) << recorded.status().ToString();
  std::vector<std::string> ids;
  std::vector<dossier::Event> events;
  for (const RecordedEvent& r : *recorded) {
    ids.push_back(r.request_id);
    events.push_back(r.event);
  }
  EXPECT_EQ(events, *store.ListEvents(code));
  return ids;
}

class ImportedHistoryTest : public ::testing::Test {
 protected:
  std::string Path() const { return dir_.File("motcua.db"); }

  std::unique_ptr<SqliteStore> OpenStore() {
    auto store = SqliteStore::Open(Path());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Dossier `seq` of 4 March 2024: submitted, received, transferred to
  // spec.b (the transfer's payload names the handler).
  ImportedDossier Transferred(int seq) {
    char code[64];
    std::snprintf(code, sizeof code, "%s-240304-%04d", DossierMaker::kAgency, seq);
    const Instant at = LocalTime("2024-03-04T08:10");
    auto submit = maker_.Submit(code, "Trần Văn Bình", "0912000000", at);
    auto receive = maker_.Step(submit->dossier, dossier::Action::kReceive, at + 3600);
    auto transfer = maker_.Step(receive->dossier, dossier::Action::kTransfer, at + 7200);
    EXPECT_TRUE(transfer.ok());
    return {transfer->dossier, {submit->event, receive->event, transfer->event}, std::nullopt};
  }

  // Every chain of `store` through VerifyChain and the snapshot's head; the
  // first failure.
  static Status VerifyAll(Store& store) {
    return store.ForEachEventChain([](const EventChain& c) -> Status {
      MOTCUA_RETURN_IF_ERROR(c.unreadable);
      MOTCUA_RETURN_IF_ERROR(dossier::VerifyChain(c.events));
      if (c.events.empty() || c.events.back().hash != c.head_hash ||
          c.events.back().seq != c.version) {
        return Status::Corruption("dossier " + c.code + ": chain ends before its head");
      }
      return Status::Ok();
    });
  }

  static std::int64_t Count(SqliteStore& store, const std::string& sql) {
    std::int64_t n = -1;
    EXPECT_TRUE(store.database()
                    .writer()
                    .Write([&](Connection& conn) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(Statement s, conn.Prepare(sql));
                      MOTCUA_ASSIGN_OR_RETURN(const bool row, s.Step());
                      if (row) n = s.ColumnInt(0);
                      return Status::Ok();
                    })
                    .ok());
    return n;
  }

  TempDir dir_;
  DossierMaker maker_;
};

TEST_F(ImportedHistoryTest, AnImportedDossierThenLiveActionsReadBackInOrderAndVerify) {
  const ImportedDossier item = Transferred(1);
  const std::string& code = item.dossier.code;
  {
    auto store = OpenStore();
    ASSERT_TRUE(store->ImportDossiers(std::span(&item, 1)).ok());
    // The three imported events are one row, not three rows of `event`.
    EXPECT_EQ(Count(*store, "SELECT count(*) FROM imported_history"), 1);
    EXPECT_EQ(Count(*store, "SELECT count(*) FROM event"), 0);
    EXPECT_EQ(*store->ListEvents(code), item.events);

    auto resolve = maker_.Step(item.dossier, dossier::Action::kResolve, item.events[2].at + 3600);
    ASSERT_TRUE(resolve.ok());
    ASSERT_TRUE(store->ApplyTransition({3, *resolve, "", std::nullopt, "req-resolve"}).ok());
    auto ret = maker_.Step(resolve->dossier, dossier::Action::kReturn, resolve->event.at + 3600);
    ASSERT_TRUE(ret.ok());
    ASSERT_TRUE(store->ApplyTransition({4, *ret, "", std::nullopt, "req-return"}).ok());
    EXPECT_EQ(Count(*store, "SELECT count(*) FROM event"), 2);  // seq 4 and 5
  }
  auto store = OpenStore();  // read back from the file
  std::vector<dossier::Event> expected = item.events;
  auto events = store->ListEvents(code);
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 5u);
  EXPECT_TRUE(std::equal(expected.begin(), expected.end(), events->begin()));
  for (size_t i = 0; i < events->size(); ++i) EXPECT_EQ((*events)[i].seq, int(i) + 1);
  EXPECT_EQ((*events)[4].action, dossier::Action::kReturn);
  EXPECT_TRUE(dossier::VerifyChain(*events).ok());
  EXPECT_EQ(RequestIds(*store, code),
            (std::vector<std::string>{"", "", "", "req-resolve", "req-return"}));
  EXPECT_TRUE(VerifyAll(*store).ok()) << VerifyAll(*store).ToString();
  int chains = 0;
  ASSERT_TRUE(store
                  ->ForEachEventChain([&](const EventChain& c) {
                    ++chains;
                    EXPECT_TRUE(std::equal(c.events.begin(), c.events.end(), events->begin(),
                                           events->end()));
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(chains, 1);
}

TEST_F(ImportedHistoryTest, AVersion3DatabaseKeepsItsEventRowsAndStillReadsAndVerifies) {
  const ImportedDossier old_item = Transferred(1);
  {
    // What a version 3 program left: the schema up to 3 and an import
    // written as rows of `event` with an empty request id.
    auto conn = Connection::Open(Path(), ConnectionOptions{});
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(Migrate(**conn, StoreMigrations().first(3)).ok());
    auto rows = EncodeRows(old_item.dossier, old_item.events);
    ASSERT_TRUE(rows.ok());
    FactsRow facts;
    for (const auto& e : old_item.events) NoteEvent(e, std::nullopt, &facts);
    SetFromDossier(old_item.dossier, &facts);
    rows->SetFacts(facts);
    std::int64_t id = 0;
    ASSERT_TRUE(InsertDossier(**conn, old_item.dossier, *rows, &id).ok());
    ASSERT_TRUE(InsertEvents(**conn, id, old_item.events, *rows).ok());
    ASSERT_TRUE(AddToStateCount(**conn, dossier::StateName(old_item.dossier.state), 1).ok());
  }
  auto store = OpenStore();  // migrates to the latest version
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(Count(*store, "SELECT max(version) FROM schema_version"),
            static_cast<std::int64_t>(StoreMigrations().size()));
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM event"), 3);
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM imported_history"), 0);
  EXPECT_EQ(*store->ListEvents(old_item.dossier.code), old_item.events);
  EXPECT_TRUE(VerifyAll(*store).ok());

  // A new import beside it goes to imported_history; both keep verifying, and
  // the old dossier takes live actions as before.
  const ImportedDossier new_item = Transferred(2);
  ASSERT_TRUE(store->ImportDossiers(std::span(&new_item, 1)).ok());
  EXPECT_EQ(Count(*store, "SELECT count(*) FROM imported_history"), 1);
  auto resolve =
      maker_.Step(old_item.dossier, dossier::Action::kResolve, old_item.events[2].at + 60);
  ASSERT_TRUE(store->ApplyTransition({3, *resolve, "", std::nullopt, "req-1"}).ok());
  auto events = store->ListEvents(old_item.dossier.code);
  ASSERT_EQ(events->size(), 4u);
  EXPECT_EQ(events->back(), resolve->event);
  EXPECT_EQ(RequestIds(*store, old_item.dossier.code),
            (std::vector<std::string>{"", "", "", "req-1"}));
  EXPECT_EQ(*store->ListEvents(new_item.dossier.code), new_item.events);
  EXPECT_TRUE(VerifyAll(*store).ok()) << VerifyAll(*store).ToString();
}

TEST_F(ImportedHistoryTest, ChangingOneByteOfAnImportedEventNamesTheDossierAndTheEvent) {
  auto store = OpenStore();
  const std::vector<ImportedDossier> batch = {Transferred(1), Transferred(2)};
  ASSERT_TRUE(store->ImportDossiers(batch).ok());
  ASSERT_TRUE(VerifyAll(*store).ok());
  // Someone with file access rewrites to whom dossier 2 was transferred
  // (the payload of its event 3): "spec.b" becomes "spec.c".
  const std::string sql =
      "UPDATE imported_history SET events = CAST(replace(events, CAST('spec.b' AS BLOB), "
      "CAST('spec.c' AS BLOB)) AS BLOB) WHERE dossier_id = (SELECT id FROM dossier WHERE code = '" +
      batch[1].dossier.code + "')";
  ASSERT_TRUE(store->database()
                  .writer()
                  .Write([&](Connection& conn) { return conn.Exec(sql.c_str()); })
                  .ok());
  const Status broken = VerifyAll(*store);
  EXPECT_EQ(broken.code(), Status::Code::kCorruption);
  EXPECT_NE(broken.message().find("dossier " + batch[1].dossier.code + ": event 3"),
            std::string::npos)
      << broken.ToString();
  EXPECT_NE(store->ListEvents(batch[1].dossier.code)->at(2).payload.find("spec.c"),
            std::string::npos);
}

// Not only the payload: whatever byte of the stored history changes, either
// it no longer decodes, naming the dossier and an event, or the chain or the
// dossier's head hash no longer verifies.
TEST_F(ImportedHistoryTest, EveryByteOfTheHistoryIsCoveredByTheChain) {
  const ImportedDossier item = Transferred(1);
  auto rows = EncodeRows(item.dossier, item.events);
  ASSERT_TRUE(rows.ok());
  const std::string& blob = rows->history;
  ASSERT_FALSE(blob.empty());
  std::vector<dossier::Event> decoded;
  ASSERT_TRUE(DecodeImportedHistory(blob, item.dossier.code, &decoded).ok());
  EXPECT_EQ(decoded, item.events);

  for (size_t i = 0; i < blob.size(); ++i) {
    for (const unsigned char flip : {0x01, 0x80}) {
      std::string bad = blob;
      bad[i] = static_cast<char>(static_cast<unsigned char>(bad[i]) ^ flip);
      std::vector<dossier::Event> events;
      const Status s = DecodeImportedHistory(bad, item.dossier.code, &events);
      if (!s.ok()) {
        EXPECT_EQ(s.code(), Status::Code::kCorruption);
        EXPECT_NE(s.message().find("dossier " + item.dossier.code), std::string::npos);
        continue;
      }
      const bool verifies = dossier::VerifyChain(events).ok() && !events.empty() &&
                            events.back().hash == item.dossier.head_hash &&
                            events.back().seq == item.dossier.version;
      EXPECT_FALSE(verifies) << "byte " << i << " flipped with " << int(flip);
    }
  }
  // Cut after an event, the history is the shorter chain: only the head
  // hash shows the loss (as a deleted tail of `event` rows).
  std::vector<dossier::Event> first_two;
  std::string cut;
  ASSERT_TRUE(EncodeImportedHistory(std::span(item.events).first(2),
                                    std::span(rows->event_hashes).first(2), &cut));
  EXPECT_EQ(blob.compare(0, cut.size(), cut), 0);
  ASSERT_TRUE(DecodeImportedHistory(cut, item.dossier.code, &first_two).ok());
  EXPECT_EQ(first_two.size(), 2u);
  EXPECT_TRUE(dossier::VerifyChain(first_two).ok());
}

// A child process imports batches of 20 and reports each acknowledged batch
// on a pipe; the parent kills it with SIGKILL mid-stream. After reopening,
// every acknowledged batch is there with its whole history, and every stored
// dossier's chain verifies up to its head: a batch is stored whole or not at
// all.
TEST_F(ImportedHistoryTest, AnImportKilledMidStreamKeepsEveryAcknowledgedBatchWhole) {
  constexpr int kBatch = 20;
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    auto store = SqliteStore::Open(Path());
    if (!store.ok()) _exit(3);
    for (std::int32_t b = 0; b < 400; ++b) {
      std::vector<ImportedDossier> batch;
      for (int i = 1; i <= kBatch; ++i) batch.push_back(Transferred(b * kBatch + i));
      if (!(*store)->ImportDossiers(batch).ok()) _exit(4);
      if (write(fds[1], &b, sizeof b) != sizeof b) _exit(5);
    }
    _exit(0);
  }
  close(fds[1]);
  std::int32_t acked = -1, b = 0;
  while (acked < 3 && read(fds[0], &b, sizeof b) == sizeof b) acked = b;
  kill(child, SIGKILL);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  while (read(fds[0], &b, sizeof b) == sizeof b) acked = b;
  close(fds[0]);
  ASSERT_GE(acked, 3) << "the child stopped early: status " << wstatus;

  auto store = OpenStore();
  ASSERT_NE(store, nullptr);
  for (int seq = 1; seq <= (acked + 1) * kBatch; seq += 7) {
    const ImportedDossier item = Transferred(seq);
    auto events = store->ListEvents(item.dossier.code);
    ASSERT_TRUE(events.ok()) << "acknowledged dossier " << seq << ": "
                             << events.status().ToString();
    EXPECT_EQ(*events, item.events);
  }
  std::int64_t chains = 0;
  const Status verified = store->ForEachEventChain([&](const EventChain& c) -> Status {
    ++chains;
    MOTCUA_RETURN_IF_ERROR(dossier::VerifyChain(c.events));
    if (c.events.size() != 3 || c.events.back().hash != c.head_hash) {
      return Status::Corruption("dossier " + c.code + ": not whole");
    }
    return Status::Ok();
  });
  EXPECT_TRUE(verified.ok()) << verified.ToString();
  EXPECT_GE(chains, (acked + 1) * kBatch);
  EXPECT_EQ(chains % kBatch, 0) << "a batch is stored whole or not at all";
}

TEST_F(ImportedHistoryTest, EventsThatDoNotStartAtGenesisAreNotEncodedAsHistory) {
  const ImportedDossier item = Transferred(1);
  auto rows = EncodeRows(item.dossier, std::span(item.events).subspan(1));
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->history.empty());  // a live transition's single event
  std::string out = "x";
  EXPECT_FALSE(EncodeImportedHistory({}, {}, &out));
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace motcua::store::sqlite
