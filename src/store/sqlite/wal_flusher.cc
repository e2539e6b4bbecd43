#include "store/sqlite/wal_flusher.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace motcua::store::sqlite {
namespace {

Status Errno(const std::string& what, const std::string& path) {
  return Status::IOError("sqlite: " + what + " " + path + ": " + std::strerror(errno));
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

WalFlusher::WalFlusher(std::string wal_path) : path_(std::move(wal_path)) {}

WalFlusher::~WalFlusher() {
  if (fd_ >= 0) ::close(fd_);
}

Status WalFlusher::Reopen() {
  const int fd = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open the WAL", path_);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const Status status = Errno("cannot stat the WAL", path_);
    ::close(fd);
    return status;
  }
  // The WAL's entry in its folder must be durable too (SQLite's own first
  // sync of a new WAL does the same, unixSync's directory sync).
  const std::string folder = FolderOf(path_);
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0 || ::fsync(dir) != 0) {
    const Status status = Errno("cannot flush the folder", folder);
    if (dir >= 0) ::close(dir);
    ::close(fd);
    return status;
  }
  ::close(dir);
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
  dev_ = st.st_dev;
  ino_ = st.st_ino;
  return Status::Ok();
}

Status WalFlusher::Flush() {
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) return Errno("cannot stat the WAL", path_);
  if (fd_ < 0 || st.st_dev != dev_ || st.st_ino != ino_) MOTCUA_RETURN_IF_ERROR(Reopen());
  if (::fdatasync(fd_) != 0) return Errno("cannot flush the WAL", path_);
  return Status::Ok();
}

}  // namespace motcua::store::sqlite
