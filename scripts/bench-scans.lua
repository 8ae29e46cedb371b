-- wrk script for POST /api/v1/scans: each request is a new scan (unique scanId). Thread t of T (THREADS, default 2)
-- owns the seeded passes t, t+T, t+2T, ... and goes round them in turn; the direction alternates per round
-- (ENTRY, EXIT, ENTRY, ...), so each pass is scanned in and out and nearly every scan is accepted (a refusal
-- only when the pass's previous scan of this thread is still in flight, i.e. fewer owned passes than connections).
-- Tokens come from the file named by the TOKENS environment variable (one compact JWS per line).
-- PACE_MS > 0: each connection waits that long after every answer (wrk's delay()): a paced, not saturating, load.
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
  local nthreads = tonumber(os.getenv("THREADS") or "2")
  local i = 0
  for line in file:lines() do
    if #line > 0 then
      if i % nthreads == tid - 1 then table.insert(tokens, line) end
      i = i + 1
    end
  end
  file:close()
  if i < nthreads then -- one hot pass: every thread scans it
    tokens = {}
    for line in io.lines(os.getenv("TOKENS") or "target/bench/tokens.txt") do
      if #line > 0 then table.insert(tokens, line) end
    end
  end
  assert(#tokens > 0, "no tokens for thread " .. tid)
  math.randomseed(os.time() * 1000 + tid)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("DEVICE_TOKEN") or "demo-checkpoint-device-token")
  run = os.getenv("RUN_ID") or tostring(os.time())
  answered = 0
  accepted = 0
  failed = 0
end

local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then function delay() return pace end end

function request()
  counter = counter + 1
  local index = (counter - 1) % #tokens + 1
  local token = tokens[index]
  local direction = (math.floor((counter - 1) / #tokens) % 2 == 0) and "ENTRY" or "EXIT"
  local body = string.format('{"scanId":"b%s-%d-%d","token":"%s","direction":"%s","lane":"bench"}',
      run, tid, counter, token, direction)
  return wrk.format(nil, "/api/v1/scans", nil, body)
end

function response(status, headers, body)
  if status == 200 then
    answered = answered + 1
    if string.find(body, '"decision":"ACCEPTED"', 1, true) then accepted = accepted + 1 end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local ok, acc, bad = 0, 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("answered")
    acc = acc + t:get("accepted")
    bad = bad + t:get("failed")
  end
  io.write(string.format("ANSWERED %d\nACCEPTED %d\nNON200 %d\n", ok, acc, bad))
  io.write(string.format("P50_MS %.2f\nP99_MS %.2f\nRPS %.1f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("SOCKET_ERRORS %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
