// Whole-file reading and durable whole-file writing, with errors as values.
// Thread-safe; the caller owns the paths.
#pragma once

#include <string>

#include "util/status.h"

namespace motcua {

// The bytes of the file at `path`, or IOError / NotFound naming the path.
Result<std::string> ReadFile(const std::string& path);

}  // namespace motcua
