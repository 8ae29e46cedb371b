-- wrk script for POST /api/v1/scans: each request is a new scan (unique scanId) of a random seeded pass,
-- in a random direction, so the mix exercises acceptances and anti-passback refusals.
-- Tokens come from the file named by the TOKENS environment variable (one compact JWS per line).
local tokens = {}
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("TOKENS") or "target/bench/tokens.txt", "r"))
  for line in file:lines() do
    if #line > 0 then table.insert(tokens, line) end
  end
  file:close()
  math.randomseed(os.time() * 1000 + tid)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("DEVICE_TOKEN") or "demo-checkpoint-device-token")
  run = os.getenv("RUN_ID") or tostring(os.time())
  answered = 0
  failed = 0
end

function request()
  counter = counter + 1
  local token = tokens[math.random(#tokens)]
  local direction = (math.random(2) == 1) and "ENTRY" or "EXIT"
  local body = string.format('{"scanId":"b%s-%d-%d","token":"%s","direction":"%s","lane":"bench"}',
      run, tid, counter, token, direction)
  return wrk.format(nil, "/api/v1/scans", nil, body)
end

function response(status, headers, body)
  if status == 200 then answered = answered + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("answered")
    bad = bad + t:get("failed")
  end
  io.write(string.format("ANSWERED %d\nNON200 %d\n", ok, bad))
  io.write(string.format("P50_MS %.2f\nP99_MS %.2f\nRPS %.1f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("SOCKET_ERRORS %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
