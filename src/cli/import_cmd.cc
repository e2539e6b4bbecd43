// `motcua import dossiers FILE.jsonl [--db URL] [--strict] [--json]`: historic
// dossiers (DESIGN.md section 9), each replayed through the life cycle and the
// working calendar and stored with its hash-chained events.
//
// The file is streamed line by line ("-" reads standard input), parsed and
// replayed on all but one core, and stored in batches of --batch dossiers,
// one durable transaction each (store::Store::ImportDossiers). A bad line is
// reported on stderr with its number and reason and imports nothing of its
// dossier; the rest goes on (--strict stops at the first). Dossiers already
// stored (the same file imported twice) are skipped. A progress bar is drawn
// on stderr when it is a terminal. The delegation grant a desk used is looked
// up among the grants stored (import::DeskGrantFor).
//
// Exit status: 0 when every line was imported or already present; 2 when
// some line was bad; 1 when the file or the database failed.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/command.h"
#include "cli/db_option.h"
#include "cli/store_import_sink.h"
#include "import/pipeline.h"

namespace motcua::cli {
namespace {

// Reads lines with getline(3): one buffer reused, so memory stays flat.
class FileLineSource : public import::LineSource {
 public:
  static Result<std::unique_ptr<FileLineSource>> Open(const std::string& path) {
    if (path == "-") return std::unique_ptr<FileLineSource>(new FileLineSource(stdin, false, -1));
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      return Status::NotFound("không mở được tệp " + path + ": " + std::strerror(errno));
    }
    std::int64_t size = -1;
    if (std::fseek(f, 0, SEEK_END) == 0) {
      size = std::ftell(f);
      std::rewind(f);
    }
    return std::unique_ptr<FileLineSource>(new FileLineSource(f, true, size));
  }
  ~FileLineSource() override {
    std::free(buffer_);
    if (owned_) std::fclose(file_);
  }

  Result<bool> Next(std::string* line) override {
    errno = 0;
    const ssize_t n = ::getline(&buffer_, &capacity_, file_);
    if (n < 0) {
      if (std::ferror(file_))
        return Status::IOError(std::string("lỗi đọc tệp: ") + std::strerror(errno));
      return false;
    }
    bytes_.fetch_add(n, std::memory_order_relaxed);
    lines_.fetch_add(1, std::memory_order_relaxed);
    std::size_t len = static_cast<std::size_t>(n);
    while (len > 0 && (buffer_[len - 1] == '\n' || buffer_[len - 1] == '\r')) --len;
    line->assign(buffer_, len);
    return true;
  }

  std::int64_t bytes_read() const { return bytes_.load(std::memory_order_relaxed); }
  std::int64_t lines_read() const { return lines_.load(std::memory_order_relaxed); }
  std::int64_t size() const { return size_; }

 private:
  FileLineSource(std::FILE* f, bool owned, std::int64_t size)
      : file_(f), owned_(owned), size_(size) {}
  std::FILE* file_;
  bool owned_;
  std::int64_t size_;
  char* buffer_ = nullptr;
  std::size_t capacity_ = 0;
  std::atomic<std::int64_t> bytes_{0};
  std::atomic<std::int64_t> lines_{0};
};

// Errors to stderr as they come; a progress bar when stderr is a terminal;
// the first errors kept for the JSON summary.
class Reporter : public import::ImportObserver {
 public:
  static constexpr std::size_t kKeptErrors = 1000;

  Reporter(const FileLineSource& source, bool tty)
      : source_(source), tty_(tty), start_(std::chrono::steady_clock::now()) {}

  void OnError(const import::LineError& e) override {
    ClearBar();
    std::cerr << "motcua: " << e.status.message() << "\n";
    if (kept_.size() < kKeptErrors) kept_.push_back(e);
  }

  void OnProgress(const import::ImportTotals& t) override {
    if (!tty_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const std::int64_t done = t.imported + t.already_present + t.failed;
    char line[160];
    if (source_.size() > 0) {
      // The reader runs ahead of the stored work by the chunks in flight:
      // count the bytes of the lines done, at the average line length.
      const double per_line = static_cast<double>(source_.bytes_read()) /
                              std::max<std::int64_t>(1, source_.lines_read());
      const double f = std::min(1.0, t.lines * per_line / source_.size());
      const int filled = static_cast<int>(f * 30);
      std::snprintf(line, sizeof line, "\r[%s%s] %3d%%  %lld hồ sơ  %.0f hồ sơ/giây  ",
                    std::string(filled, '#').c_str(), std::string(30 - filled, '.').c_str(),
                    static_cast<int>(f * 100), static_cast<long long>(done),
                    secs > 0 ? done / secs : 0.0);
    } else {
      std::snprintf(line, sizeof line, "\r%lld hồ sơ  %.0f hồ sơ/giây  ",
                    static_cast<long long>(done), secs > 0 ? done / secs : 0.0);
    }
    std::cerr << line << std::flush;
    drawn_ = true;
  }

  void ClearBar() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }

  const std::vector<import::LineError>& kept() const { return kept_; }

 private:
  const FileLineSource& source_;
  const bool tty_;
  const std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
  bool drawn_ = false;
  std::vector<import::LineError> kept_;
};

struct Options {
  std::string file;
  std::string db;
  bool strict = false;
  bool json = false;
  std::size_t batch = 1000;
  int workers = 0;  // 0: all cores but one
};

void Run(const Options& o, CliState& state) {
  Result<std::unique_ptr<DomainData>> data = LoadDomainData(state.data_dir);
  if (!data.ok()) {
    state.exit_code = ReportFailure(data.status());
    return;
  }
  Result<std::unique_ptr<FileLineSource>> source = FileLineSource::Open(o.file);
  if (!source.ok()) {
    state.exit_code = ReportFailure(source.status());
    return;
  }
  Result<std::unique_ptr<store::Store>> store = OpenStore(o.db);
  if (!store.ok()) {
    state.exit_code = ReportFailure(store.status());
    return;
  }
  Result<std::vector<access::Grant>> grants = (*store)->ListGrants(store::GrantFilter{});
  if (!grants.ok()) {
    state.exit_code = ReportFailure(grants.status());
    return;
  }

  StoreImportSink sink(**store, *grants);

  import::ImportOptions options;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.workers = o.workers > 0 ? o.workers : std::max(1, cores - 1);
  options.batch_size = std::max<std::size_t>(1, o.batch);
  options.strict = o.strict;
  Reporter reporter(**source, ::isatty(STDERR_FILENO) == 1);
  const auto start = std::chrono::steady_clock::now();
  const import::ReplayContext ctx{&(*data)->catalog, &(*data)->calendar};
  Result<import::ImportTotals> totals = import::RunImport(**source, ctx, sink, options, &reporter);
  reporter.ClearBar();
  if (!totals.ok()) {
    state.exit_code = ReportFailure(totals.status().WithContext("nhập hồ sơ bị dừng"));
    return;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const import::ImportTotals& t = *totals;
  if (o.json) {
    nlohmann::ordered_json out;
    out["file"] = o.file;
    out["lines"] = t.lines;
    out["imported"] = t.imported;
    out["already_present"] = t.already_present;
    out["failed"] = t.failed;
    out["stopped"] = t.stopped;
    out["errors"] = nlohmann::ordered_json::array();
    for (const import::LineError& e : reporter.kept()) {
      out["errors"].push_back(
          {{"line", e.line}, {"code", e.code}, {"message", e.status.message()}});
    }
    out["errors_truncated"] = static_cast<std::size_t>(t.failed) > reporter.kept().size();
    out["seconds"] = secs;
    out["per_second"] = secs > 0 ? (t.imported + t.already_present) / secs : 0.0;
    std::cout << out.dump() << "\n";
  } else {
    std::cout << "Đã nhập " << t.imported << " hồ sơ; " << t.already_present
              << " hồ sơ đã có, bỏ qua; " << t.failed << " dòng lỗi (" << t.lines
              << " dòng đã đọc, " << static_cast<long long>(secs * 1000) << " ms).\n";
    if (t.stopped) std::cout << "Dừng ở dòng lỗi đầu tiên (--strict).\n";
  }
  state.exit_code = t.failed > 0 ? 2 : 0;
}  // namespace

void Install(CLI::App& root, CliState& state) {
  CLI::App* group = GroupCommand(root, "import", "Import historic data");
  CLI::App* cmd = group->add_subcommand(
      "dossiers", "Import historic dossiers from a JSON Lines file (one dossier per line)");
  auto o = std::make_shared<Options>();
  cmd->add_option("FILE", o->file, "The .jsonl file, or - for standard input")->required();
  AddDbOption(cmd, &o->db);
  cmd->add_flag("--strict", o->strict, "Stop at the first bad line");
  cmd->add_flag("--json", o->json, "Print the summary as JSON");
  cmd->add_option("--batch", o->batch, "Dossiers per transaction")->capture_default_str();
  cmd->add_option("--workers", o->workers, "Parse and replay threads (0: all cores but one)")
      ->capture_default_str();
  cmd->callback([o, &state] { Run(*o, state); });
}

const RegisterCommand kRegister(400, Install);

}  // namespace
}  // namespace motcua::cli
