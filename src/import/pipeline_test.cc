// Importing a file of historic dossiers: bad lines are reported by number and
// import nothing of their dossier, the rest goes on (or stops, with --strict),
// in file order, whatever the number of workers.
#include "import/pipeline.h"

#include <gtest/gtest.h>

#include <mutex>

#include "import/import_testing.h"

namespace motcua::import {
namespace {

using testing::ExampleLine;
using testing::Shipped;

class VectorSource : public LineSource {
 public:
  explicit VectorSource(std::vector<std::string> lines) : lines_(std::move(lines)) {}
  Result<bool> Next(std::string* line) override {
    if (next_ >= lines_.size()) return false;
    *line = lines_[next_++];
    return true;
  }

 private:
  std::vector<std::string> lines_;
  size_t next_ = 0;
};

struct Collect {
  std::vector<std::string> codes;
  std::vector<size_t> batch_sizes;
  BatchSink Sink() {
    return [this](std::vector<ReplayedDossier>& batch) -> Result<SinkCounts> {
      batch_sizes.push_back(batch.size());
      for (const ReplayedDossier& d : batch) codes.push_back(d.dossier.code);
      return SinkCounts{static_cast<std::int64_t>(batch.size()), 0};
    };
  }
};

struct Errors : ImportObserver {
  std::vector<LineError> errors;
  int progress_calls = 0;
  void OnError(const LineError& e) override { errors.push_back(e); }
  void OnProgress(const ImportTotals&) override { ++progress_calls; }
};

std::string Code(int seq) {
  char code[64];
  std::snprintf(code, sizeof code, "000.00.12.H29-230105-%04d", seq);
  return code;
}

std::string BadDate(int seq) {
  std::string line = ExampleLine(seq);
  line.replace(line.find("2023-01-09T15:00:00"), 19, "2023-01-09T25:00:00");
  return line;
}

TEST(ImportPipelineTest, BadLinesAreReportedByNumberAndTheRestIsImported) {
  VectorSource source(
      {ExampleLine(1), BadDate(2), "", ExampleLine(3), "{not json", ExampleLine(4)});
  Collect sink;
  Errors observer;
  Result<ImportTotals> t = RunImport(source, Shipped(), sink.Sink(), ImportOptions{}, &observer);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->lines, 6);
  EXPECT_EQ(t->imported, 3);
  EXPECT_EQ(t->failed, 2);
  EXPECT_FALSE(t->stopped);
  EXPECT_EQ(sink.codes, (std::vector<std::string>{Code(1), Code(3), Code(4)}));
  ASSERT_EQ(observer.errors.size(), 2u);
  EXPECT_EQ(observer.errors[0].line, 2);
  EXPECT_EQ(observer.errors[0].code, Code(2));
  EXPECT_EQ(observer.errors[0].status.message().rfind(
                "line 2: field 'events[3].at': bad date-time '2023-01-09T25:00:00", 0),
            0u)
      << observer.errors[0].status.message();
  EXPECT_EQ(observer.errors[1].line, 5);
  EXPECT_EQ(observer.errors[1].code, "");
  EXPECT_EQ(observer.errors[1].status.message().rfind("line 5: not JSON", 0), 0u);
}

TEST(ImportPipelineTest, ALineThatParsesButDoesNotReplayIsReportedWithItsCode) {
  std::string unknown = ExampleLine(2);
  unknown.replace(unknown.find("\"procedure\":\"") + 13, 8, "1.999999");
  VectorSource source({ExampleLine(1), unknown, ExampleLine(3)});
  Collect sink;
  Errors observer;
  Result<ImportTotals> t = RunImport(source, Shipped(), sink.Sink(), ImportOptions{}, &observer);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(sink.codes, (std::vector<std::string>{Code(1), Code(3)}));
  ASSERT_EQ(observer.errors.size(), 1u);
  EXPECT_EQ(observer.errors[0].line, 2);
  EXPECT_EQ(observer.errors[0].code, Code(2));
  EXPECT_EQ(observer.errors[0].status.message().rfind(
                "line 2: field 'procedure': the catalog has no version of procedure 1.999999", 0),
            0u)
      << observer.errors[0].status.message();
}

TEST(ImportPipelineTest, StrictStopsAtTheFirstBadLineAfterImportingWhatCameBefore) {
  std::vector<std::string> lines;
  for (int i = 1; i <= 25; ++i) lines.push_back(i == 12 || i == 20 ? BadDate(i) : ExampleLine(i));
  VectorSource source(lines);
  Collect sink;
  Errors observer;
  ImportOptions options;
  options.strict = true;
  options.batch_size = 5;
  options.workers = 3;
  Result<ImportTotals> t = RunImport(source, Shipped(), sink.Sink(), options, &observer);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->stopped);
  EXPECT_EQ(t->imported, 11);
  EXPECT_EQ(t->failed, 1);
  EXPECT_EQ(t->lines, 12);
  ASSERT_EQ(sink.codes.size(), 11u);
  EXPECT_EQ(sink.codes.back(), Code(11));
  ASSERT_EQ(observer.errors.size(), 1u);
  EXPECT_EQ(observer.errors[0].line, 12);
}

TEST(ImportPipelineTest, ManyWorkersKeepFileOrderAndBatchSize) {
  std::vector<std::string> lines;
  for (int i = 1; i <= 103; ++i) lines.push_back(ExampleLine(i));
  for (int workers : {1, 2, 4}) {
    VectorSource source(lines);
    Collect sink;
    Errors observer;
    ImportOptions options;
    options.workers = workers;
    options.batch_size = 10;
    Result<ImportTotals> t = RunImport(source, Shipped(), sink.Sink(), options, &observer);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->imported, 103);
    ASSERT_EQ(sink.codes.size(), 103u);
    for (int i = 0; i < 103; ++i) EXPECT_EQ(sink.codes[i], Code(i + 1)) << workers;
    EXPECT_EQ(sink.batch_sizes.size(), 11u);
    EXPECT_EQ(sink.batch_sizes.back(), 3u);
    EXPECT_EQ(observer.progress_calls, 11);
  }
}

TEST(ImportPipelineTest, AFailingSinkStopsTheImportAndIsReturned) {
  std::vector<std::string> lines;
  for (int i = 1; i <= 50; ++i) lines.push_back(ExampleLine(i));
  VectorSource source(lines);
  int calls = 0;
  BatchSink sink = [&](std::vector<ReplayedDossier>&) -> Result<SinkCounts> {
    if (++calls == 2) return Status::IOError("disk full");
    return SinkCounts{10, 0};
  };
  ImportOptions options;
  options.batch_size = 10;
  Result<ImportTotals> t = RunImport(source, Shipped(), sink, options);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kIOError);
  EXPECT_EQ(calls, 2);
}

TEST(ImportPipelineTest, AFailingSourceStopsTheImport) {
  struct Broken : LineSource {
    int n = 0;
    Result<bool> Next(std::string* line) override {
      if (++n > 3) return Status::IOError("read failed");
      *line = ExampleLine(n);
      return true;
    }
  } source;
  Collect sink;
  Result<ImportTotals> t = RunImport(source, Shipped(), sink.Sink(), ImportOptions{});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "read failed");
}

}  // namespace
}  // namespace motcua::import
