-- wrk script of the consent-service benchmark.
-- With BODIES set, each request POSTs one line of that file (one JSON document per line), picked at random;
-- without it, wrk sends its plain request. Either way, done() prints one parsable line of results.
local bodies = nil

function init(args)
  local file = os.getenv("BODIES")
  if file ~= nil and file ~= "" then
    bodies = {}
    for line in io.lines(file) do
      bodies[#bodies + 1] = line
    end
  end
  local address = tostring({}):match("0x(%x+)") or "1"
  math.randomseed(os.time() + tonumber(address, 16) % 100000)
end

function request()
  if bodies == nil then
    return wrk.format(nil, nil, nil, nil)
  end
  return wrk.format("POST", nil, nil, bodies[math.random(#bodies)])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout + summary.errors.status
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d errors=%d non2xx=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), errors, summary.errors.status))
end
