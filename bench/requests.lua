-- wrk script of the Tessera benchmark harness (bench/load.ts writes the request file).
-- Sends pre-built HTTP requests read from a file: in turn forever ("cycle"), or each at most
-- once ("once", for one-time codes), stopping after `limit` answers. Prints one JSON line.
-- Arguments: FILE MODE LIMIT

local SEPARATOR = "\n--wrk-request--\n"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  mode = args[2]
  limit = tonumber(args[3])
  list = {}
  position = 1
  handed = 0
  answered = 0
  ok = 0

  local file = assert(io.open(args[1], "rb"))
  local data = file:read("*a")
  file:close()
  local start = 1
  while true do
    local from, to = string.find(data, SEPARATOR, start, true)
    if not from then break end
    table.insert(list, string.sub(data, start, from - 1))
    start = to + 1
  end
  listed = #list
end

function request()
  local chosen = list[position]
  handed = handed + 1
  if mode == "cycle" then
    position = position % #list + 1
  else
    -- Past the end the last request is repeated: a replay the server must refuse.
    position = math.min(position + 1, #list)
  end
  return chosen
end

function response(status, headers, body)
  answered = answered + 1
  if status >= 200 and status < 300 then ok = ok + 1 end
  if limit > 0 and answered == limit then
    -- wrk itself would sleep out its duration; the harness ends it (SIGINT) on this line.
    io.write("limit reached\n")
    io.flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total_ok, total_handed = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_handed = total_handed + math.min(thread:get("handed"), thread:get("listed"))
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"ok":%d,"socketErrors":%d,"timeouts":%d,' ..
      '"p50Us":%d,"p99Us":%d,"handedOut":%d}\n',
    summary.requests, summary.duration, total_ok,
    errors.connect + errors.read + errors.write, errors.timeout,
    latency:percentile(50), latency:percentile(99), total_handed))
end
