-- wrk script for GET /actuator/health: prints the same summary lines as bench-scans.lua.
function done(summary, latency, requests)
  io.write(string.format("P50_MS %.2f\nP99_MS %.2f\nRPS %.1f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("NON200 %d\nSOCKET_ERRORS %d\n", summary.errors.status, summary.errors.connect
      + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
