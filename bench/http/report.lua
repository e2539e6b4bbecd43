-- wrk: prints one machine-readable line at the end of a run, read by run.sh:
-- WRK_RESULT requests=N seconds=S non2xx=N errors=N p50_ms=X p99_ms=Y
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.3f non2xx=%d errors=%d p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.duration / 1e6, e.status,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
