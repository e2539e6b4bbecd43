// Waiting for SIGTERM or SIGINT without a signal handler.
//
// BlockTerminationSignals() must run in the main thread before any other
// thread starts, so every thread inherits the mask and the signals stay
// pending until WaitForTerminationSignal() takes one with sigwait(). No code
// runs in signal context, so the shutdown that follows may lock, log and
// join like any other code.
#pragma once

namespace motcua::http {

void BlockTerminationSignals();
// Blocks until SIGTERM or SIGINT arrives; returns the signal number.
// REQUIRES: BlockTerminationSignals() ran first in this process.
int WaitForTerminationSignal();

}  // namespace motcua::http
