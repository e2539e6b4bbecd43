#include "import/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "import/record_json.h"

namespace motcua::import {
namespace {

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

struct Chunk {
  std::int64_t seq = 0;
  std::int64_t first_line = 0;  // line number of lines[0]
  std::vector<std::string> lines;
};

struct ChunkResult {
  std::int64_t lines = 0;
  std::int64_t good = 0;          // dossiers in `batch`
  SinkBatch batch;                // the good dossiers, prepared
  std::vector<LineError> errors;  // in line order
  Status prepare_failure;         // of the sink's Prepare
};

// Parses, replays and prepares one chunk (a worker's job). In strict mode the
// dossiers after the first bad line are dropped here: none of them is ever
// stored, so none is prepared.
ChunkResult Process(Chunk& chunk, const ReplayContext& ctx, ImportSink& sink, bool strict) {
  ChunkResult r;
  r.lines = static_cast<std::int64_t>(chunk.lines.size());
  r.batch.dossiers.reserve(chunk.lines.size());
  for (size_t i = 0; i < chunk.lines.size(); ++i) {
    const std::string& line = chunk.lines[i];
    if (IsBlank(line)) continue;
    const std::int64_t number = chunk.first_line + static_cast<std::int64_t>(i);
    std::string code;
    Result<ReplayedDossier> d = ReplayLine(line, number, ctx, &code);
    if (d.ok()) {
      r.batch.dossiers.push_back(std::move(*d));
    } else {
      r.errors.push_back(LineError{number, std::move(code), d.status()});
      if (strict) break;
    }
  }
  chunk.lines = {};
  r.good = static_cast<std::int64_t>(r.batch.dossiers.size());
  if (r.good > 0) r.prepare_failure = sink.Prepare(r.batch);
  return r;
}

// ImportSink over one function.
class FunctionSink : public ImportSink {
 public:
  explicit FunctionSink(const BatchSink& fn) : fn_(fn) {}
  Result<SinkCounts> Store(SinkBatch& batch) override { return fn_(batch.dossiers); }

 private:
  const BatchSink& fn_;
};

// The shared state of one RunImport; every member under `mu`.
struct Pipeline {
  std::mutex mu;
  std::condition_variable work_cv;   // work pushed, input done, or stop
  std::condition_variable done_cv;   // a chunk done, input done, or stop
  std::condition_variable space_cv;  // a chunk left the pipeline, or stop
  std::deque<Chunk> work;
  std::map<std::int64_t, ChunkResult> done;
  std::int64_t in_flight = 0;
  std::int64_t total_chunks = -1;  // known once the input is done
  bool stop = false;
  Status failure;

  void Stop(Status s) {
    std::lock_guard<std::mutex> lock(mu);
    if (failure.ok()) failure = std::move(s);
    stop = true;
    work_cv.notify_all();
    done_cv.notify_all();
    space_cv.notify_all();
  }
};

}  // namespace

Result<ReplayedDossier> ReplayLine(std::string_view line, std::int64_t line_number,
                                   const ReplayContext& ctx, std::string* code) {
  const auto prefix = [&] { return "line " + std::to_string(line_number) + ": "; };
  Result<ImportRecord> record = ParseRecord(line);
  if (!record.ok()) {
    if (code != nullptr) *code = CodeOfLine(line);
    return Status::InvalidArgument(prefix() + record.status().message());
  }
  Result<ReplayedDossier> replayed = Replay(std::move(*record), ctx);
  if (!replayed.ok()) {
    // Replay takes the commands and the applicant, never the code; copied
    // only for a bad line (a good one would pay an allocation for nothing).
    if (code != nullptr) *code = record->code;
    return Status(replayed.status().code(), prefix() + replayed.status().message());
  }
  return replayed;
}

Result<ImportTotals> RunImport(LineSource& source, const ReplayContext& ctx, const BatchSink& sink,
                               const ImportOptions& options, ImportObserver* observer) {
  FunctionSink adapter(sink);
  return RunImport(source, ctx, adapter, options, observer);
}

Result<ImportTotals> RunImport(LineSource& source, const ReplayContext& ctx, ImportSink& sink,
                               const ImportOptions& options, ImportObserver* observer) {
  const int workers = std::max(1, options.workers);
  const std::size_t batch_size = std::max<std::size_t>(1, options.batch_size);
  const std::int64_t max_in_flight = workers + 2;
  Pipeline p;
  ImportTotals totals;  // the writer's only

  auto worker = [&] {
    while (true) {
      Chunk chunk;
      {
        std::unique_lock<std::mutex> lock(p.mu);
        p.work_cv.wait(lock, [&] { return p.stop || !p.work.empty() || p.total_chunks >= 0; });
        if (p.stop || p.work.empty()) return;
        chunk = std::move(p.work.front());
        p.work.pop_front();
      }
      ChunkResult result = Process(chunk, ctx, sink, options.strict);
      std::lock_guard<std::mutex> lock(p.mu);
      p.done.emplace(chunk.seq, std::move(result));
      p.done_cv.notify_all();
    }
  };

  auto writer = [&] {
    for (std::int64_t next = 0;; ++next) {
      ChunkResult r;
      {
        std::unique_lock<std::mutex> lock(p.mu);
        p.done_cv.wait(lock, [&] {
          return p.stop || p.done.count(next) > 0 ||
                 (p.total_chunks >= 0 && next >= p.total_chunks);
        });
        if (p.stop || p.done.count(next) == 0) return;
        auto it = p.done.find(next);
        r = std::move(it->second);
        p.done.erase(it);
      }
      // In strict mode the worker kept only what came before the first bad
      // line, and that is the last of the import.
      const bool stop_here = options.strict && !r.errors.empty();
      if (!r.prepare_failure.ok()) {
        p.Stop(r.prepare_failure);
        return;
      }
      if (r.good > 0) {
        Result<SinkCounts> counts = sink.Store(r.batch);
        if (!counts.ok()) {
          p.Stop(counts.status());
          return;
        }
        totals.imported += counts->imported;
        totals.already_present += counts->already_present;
      }
      totals.lines += r.lines;
      totals.failed += static_cast<std::int64_t>(r.errors.size());
      if (observer != nullptr) {
        for (const LineError& e : r.errors) observer->OnError(e);
      }
      if (stop_here) {
        totals.lines = r.errors.front().line;
        totals.stopped = true;
        if (observer != nullptr) observer->OnProgress(totals);
        p.Stop(Status::Ok());
        return;
      }
      if (observer != nullptr) observer->OnProgress(totals);
      std::lock_guard<std::mutex> lock(p.mu);
      --p.in_flight;
      p.space_cv.notify_all();
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(workers + 1);
  for (int i = 0; i < workers; ++i) threads.emplace_back(worker);
  threads.emplace_back(writer);

  std::int64_t seq = 0;
  std::int64_t line_number = 0;
  bool more = true;
  while (more) {
    Chunk chunk;
    chunk.first_line = line_number + 1;
    chunk.lines.reserve(batch_size);
    while (chunk.lines.size() < batch_size) {
      std::string line;
      Result<bool> got = source.Next(&line);
      if (!got.ok()) {
        p.Stop(got.status());
        more = false;
        break;
      }
      if (!*got) {
        more = false;
        break;
      }
      ++line_number;
      chunk.lines.push_back(std::move(line));
    }
    if (chunk.lines.empty()) break;
    std::unique_lock<std::mutex> lock(p.mu);
    p.space_cv.wait(lock, [&] { return p.stop || p.in_flight < max_in_flight; });
    if (p.stop) break;
    chunk.seq = seq++;
    ++p.in_flight;
    p.work.push_back(std::move(chunk));
    p.work_cv.notify_one();
  }
  {
    std::lock_guard<std::mutex> lock(p.mu);
    p.total_chunks = seq;
    p.work_cv.notify_all();
    p.done_cv.notify_all();
  }
  for (std::thread& t : threads) t.join();
  if (!p.failure.ok()) return p.failure;
  return totals;
}

}  // namespace motcua::import
