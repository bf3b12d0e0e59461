-- wrk script: mixed reads and writes against Corroborate (bench/load/run.sh sets it up).
-- 80% reads (claim list, a claim's detail, an outlet's claims, article list), 20% writes
-- (a new claim; unique text per request, so every write must answer 201).
-- Any answer other than 200/201 counts as an error; the summary prints them by status.
local key = os.getenv("LOAD_WRITE_KEY")
local counter = 0
-- thread_id is a global: setup() sets it in each thread (a local would hide it).
local statuses = {}
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

local reads = {
  "/v1/claims?limit=50",
  "/v1/claims/1",
  "/v1/claims?sort=-first_reported_at&limit=20",
  "/v1/outlets/reuters/claims",
  "/v1/articles?limit=20",
}

function request()
  counter = counter + 1
  if counter % 5 == 0 then
    local body = string.format(
      '{"text": "Load test claim %d-%d holds.", "claimant": "Load"}', thread_id, counter)
    return wrk.format("POST", "/v1/claims", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. key,
    }, body)
  end
  return wrk.format("GET", reads[(counter % #reads) + 1])
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    statuses[status] = (statuses[status] or 0) + 1
    -- Threads can only hand back plain values: keep a "status=count ..." string.
    local parts = {}
    for s, n in pairs(statuses) do table.insert(parts, s .. "=" .. n) end
    bad = table.concat(parts, " ")
  end
end

function done(summary, latency, requests)
  local errors = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("bad") or ""
    for status, n in string.gmatch(s, "(%d+)=(%d+)") do
      status = tonumber(status)
      errors[status] = (errors[status] or 0) + tonumber(n)
    end
  end
  local total = 0
  for status, n in pairs(errors) do
    io.write(string.format("non-2xx %d: %d\n", status, n))
    total = total + n
  end
  io.write(string.format(
    "SUMMARY requests=%d duration_s=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f " ..
    "max_ms=%.2f bad_status=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, total,
    summary.errors.connect + summary.errors.read + summary.errors.write +
      summary.errors.timeout + summary.errors.status - total))
end
