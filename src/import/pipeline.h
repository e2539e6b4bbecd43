// The import pipeline: lines in, replayed dossiers out in batches, with each
// bad line reported by its number and reason and the rest going on.
//
//   caller's thread: reads lines from a LineSource into chunks of
//                    `batch_size` lines;
//   `workers` threads: parse (record_json.h) and replay (replay.h) a chunk,
//                    then let the sink prepare its good dossiers
//                    (ImportSink::Prepare: the store's checks and encoding,
//                    which need no order);
//   one ordered thread: hands each prepared chunk, in file order, to the
//                    sink (ImportSink::Store: typically one store
//                    transaction per call).
// So everything but the store's write runs on the workers, in parallel with
// the write of the chunks before. At most `workers + 2` chunks are in flight,
// so memory stays flat however long the file (a chunk of 1,000 lines holds a
// few megabytes).
//
// A bad line imports nothing of its dossier (it is never handed to the sink)
// and the others go on; with `strict`, the import stops at the first bad
// line: the good dossiers before it are handed on (re-running the fixed file
// skips them, since the store skips codes it has), none after it. A sink
// failure (of Prepare or Store) stops the import and is returned; the chunks
// before the failing one are stored, none after it.
//
// The module does no I/O itself: the caller supplies the lines (a file, a
// generator) and the sink (a store). Thread-safety: RunImport blocks the
// caller; the source is read only from the caller's thread; Prepare is
// called from the workers, concurrently; Store and the observer are called
// from the ordered thread only, one call at a time.
#pragma once

#include <any>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "import/replay.h"
#include "util/status.h"

namespace motcua::import {

class LineSource {
 public:
  virtual ~LineSource() = default;
  // Sets `*line` to the next line without its end-of-line and returns true;
  // false at the end. An error (e.g. a read failure) stops the import.
  virtual Result<bool> Next(std::string* line) = 0;
};

// What the sink did with a batch.
struct SinkCounts {
  std::int64_t imported = 0;
  std::int64_t already_present = 0;
};

// The good dossiers of one chunk, in file order, on their way to the sink.
struct SinkBatch {
  std::vector<ReplayedDossier> dossiers;
  // The sink's own, set by its Prepare (e.g. a store::PreparedImport).
  std::any prepared;
};

class ImportSink {
 public:
  virtual ~ImportSink() = default;
  // On a worker thread, concurrently with other chunks' Prepare and with
  // Store, chunks in any order: work on the batch that needs no order. An
  // error stops the import once the chunks before this one are stored.
  // May move from batch.dossiers.
  virtual Status Prepare(SinkBatch& batch) {
    (void)batch;
    return Status::Ok();
  }
  // On the ordered thread, in file order, after Prepare of the same batch.
  // REQUIRES: stores the whole batch or nothing (an error).
  virtual Result<SinkCounts> Store(SinkBatch& batch) = 0;
};

// A sink that is one function, called as ImportSink::Store.
// REQUIRES: stores the whole batch or nothing (an error). The batch may be
// moved from.
using BatchSink = std::function<Result<SinkCounts>(std::vector<ReplayedDossier>& batch)>;

struct ImportOptions {
  int workers = 1;                // parse+replay+prepare threads, >= 1
  std::size_t batch_size = 1000;  // lines per chunk and at most dossiers per sink call, >= 1
  bool strict = false;
};

struct LineError {
  std::int64_t line = 0;  // 1-based
  std::string code;       // the dossier code when the line got that far; else empty
  Status status;          // InvalidArgument "line N: <reason>"
};

struct ImportTotals {
  std::int64_t lines = 0;  // lines read, blank ones included
  std::int64_t imported = 0;
  std::int64_t already_present = 0;
  std::int64_t failed = 0;
  bool stopped = false;  // strict mode met a bad line
};

class ImportObserver {
 public:
  virtual ~ImportObserver() = default;
  virtual void OnError(const LineError& error) { (void)error; }
  // After each batch is stored.
  virtual void OnProgress(const ImportTotals& totals) { (void)totals; }
};

// Parses and replays one line (blank lines are not dossiers: they are
// skipped by RunImport, not given here). The message is prefixed "line N: ".
Result<ReplayedDossier> ReplayLine(std::string_view line, std::int64_t line_number,
                                   const ReplayContext& ctx, std::string* code);

// Runs the pipeline to the end of `source`. Returns the totals (also when
// lines failed: that is in totals.failed); a non-ok Status only when the
// source or the sink failed.
Result<ImportTotals> RunImport(LineSource& source, const ReplayContext& ctx, ImportSink& sink,
                               const ImportOptions& options, ImportObserver* observer = nullptr);
Result<ImportTotals> RunImport(LineSource& source, const ReplayContext& ctx, const BatchSink& sink,
                               const ImportOptions& options, ImportObserver* observer = nullptr);

}  // namespace motcua::import
