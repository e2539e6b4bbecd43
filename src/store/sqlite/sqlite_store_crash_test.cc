// Crash safety of whole store writes: a child process creates dossiers and
// moves them on (each write touches the dossier row, its events, its search
// entry, its report facts, the day sequence and an idempotency record) and
// reports every acknowledged write on a pipe; the parent kills it with
// SIGKILL mid-stream. After reopening, every acknowledged write is there, and
// every stored dossier is whole: as many chained events as its version, its
// head hash at the end of the chain, one search entry, one facts row, and no
// gap in the codes.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <thread>
#include <vector>

#include "dossier/code.h"
#include "store/dossier_maker_testing.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/temp_dir_testing.h"

namespace motcua::store::sqlite {
namespace {

// An acknowledged write: the dossier's sequence number and version.
struct Ack {
  std::int32_t sequence;
  std::int32_t version;
};

[[noreturn]] void WriteUntilKilled(const std::string& path, int ack_fd) {
  auto store = SqliteStore::Open(path);
  if (!store.ok()) _exit(3);
  const DossierMaker maker;
  const Instant at = LocalTime("2024-03-04T08:00");
  std::atomic<int> next_key{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      while (true) {
        NewDossier req;
        req.agency_code = DossierMaker::kAgency;
        req.submitted_at = at;
        req.idempotency_key = std::to_string(next_key++);
        req.build = [&](const std::string& code) {
          return maker.Submit(code, "Nguyễn Văn A", "0912345678", at);
        };
        auto d = (*store)->CreateDossier(req);
        if (!d.ok()) _exit(4);
        const int sequence = dossier::ParseDossierCode(d->code)->sequence;
        Ack ack{sequence, 1};
        if (write(ack_fd, &ack, sizeof ack) != sizeof ack) _exit(5);
        auto t = maker.Step(*d, dossier::Action::kReceive, at + 600);
        if (!t.ok()) _exit(6);
        if (!(*store)->ApplyTransition({1, *t, "", std::nullopt}).ok()) _exit(7);
        ack.version = 2;
        if (write(ack_fd, &ack, sizeof ack) != sizeof ack) _exit(5);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  _exit(0);
}

std::int64_t Count(Connection& conn, const char* sql) {
  auto s = conn.Prepare(sql);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  auto row = s->Step();
  EXPECT_TRUE(row.ok() && *row);
  return s->ColumnInt(0);
}

TEST(StoreCrashSafety, KilledServerKeepsAcknowledgedWritesAndNoHalfDossier) {
  TempDir dir;
  const std::string path = dir.File("crash.db");
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    WriteUntilKilled(path, fds[1]);
  }
  close(fds[1]);
  std::map<int, int> acked;  // sequence -> highest acknowledged version
  Ack ack;
  size_t acks = 0;
  while (acks < 400 && read(fds[0], &ack, sizeof ack) == sizeof ack) {
    acked[ack.sequence] = std::max(acked[ack.sequence], ack.version);
    ++acks;
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "child exited with " << WEXITSTATUS(wstatus);
  while (read(fds[0], &ack, sizeof ack) == sizeof ack) {
    acked[ack.sequence] = std::max(acked[ack.sequence], ack.version);
  }
  close(fds[0]);

  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (const auto& [sequence, version] : acked) {
    auto code =
        dossier::MakeDossierCode(DossierMaker::kAgency, LocalTime("2024-03-04T08:00"), sequence);
    auto d = (*store)->GetDossier(*code);
    ASSERT_TRUE(d.ok()) << "acknowledged dossier " << *code << " lost";
    EXPECT_GE(d->version, version) << *code;
  }
  std::int64_t dossiers = 0;
  Status walk = (*store)->ForEachEventChain([&](const EventChain& c) -> Status {
    ++dossiers;
    MOTCUA_RETURN_IF_ERROR(dossier::VerifyChain(c.events));
    if (static_cast<std::int64_t>(c.events.size()) != c.version ||
        c.events.back().hash != c.head_hash) {
      return Status::Corruption("dossier " + c.code + " is half written");
    }
    return Status::Ok();
  });
  EXPECT_TRUE(walk.ok()) << walk.ToString();
  ASSERT_GE(dossiers, static_cast<std::int64_t>(acked.size()));

  auto lease = (*store)->database().readers().Acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_EQ(Count(**lease, "SELECT count(*) FROM report_fact"), dossiers);
  EXPECT_EQ(Count(**lease, "SELECT count(*) FROM dossier_search('nguyen')"), dossiers);
  // Codes 0001..N with no gap, and the day sequence at N.
  EXPECT_EQ(Count(**lease, "SELECT max(substr(code, -4)) + 0 FROM dossier"), dossiers);
  EXPECT_EQ(Count(**lease, "SELECT last FROM day_sequence"), dossiers);
  EXPECT_EQ(Count(**lease, "SELECT count(*) FROM idempotency"), dossiers);
  auto check = (**lease).Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(*check->Step());
  EXPECT_EQ(check->ColumnText(0), "ok");
}

}  // namespace
}  // namespace motcua::store::sqlite
