// NonBlockingScope: marks the current thread, for the scope's life, as one
// that must not wait for disk: an HTTP I/O thread trying to answer a request
// from memory (http/route.h, Execution::kMemoryFirst).
//
// Storage code calls RefuseToBlockHere() before anything that may wait for
// disk (taking a read connection, submitting a write); inside a scope it
// notes the refusal and answers true, and the caller returns an error at
// once. The scope's owner then sees refused() and runs the whole work again
// where waiting is allowed (a worker thread). So whatever a handler reads,
// an I/O thread never waits for disk: either everything came from memory,
// or the attempt is thrown away.
//
// Thread-compatible: a scope belongs to the thread that made it. A scope
// made inside another takes the refusals made while it lives; the outer one
// is current again after it.
#pragma once

namespace motcua {

class NonBlockingScope {
 public:
  NonBlockingScope() : outer_(current_) { current_ = this; }
  ~NonBlockingScope() { current_ = outer_; }
  NonBlockingScope(const NonBlockingScope&) = delete;
  NonBlockingScope& operator=(const NonBlockingScope&) = delete;

  // Whether something inside the scope would have waited for disk.
  bool refused() const { return refused_; }

 private:
  friend bool RefuseToBlockHere();
  static inline thread_local NonBlockingScope* current_ = nullptr;
  NonBlockingScope* const outer_;
  bool refused_ = false;
};

// True (and noted in the scope) when the current thread is inside a
// NonBlockingScope: the caller must not wait for disk and returns an error.
inline bool RefuseToBlockHere() {
  if (NonBlockingScope::current_ == nullptr) return false;
  NonBlockingScope::current_->refused_ = true;
  return true;
}

}  // namespace motcua
