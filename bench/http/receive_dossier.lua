-- wrk: receive submitted dossiers at the desk (POST /api/v1/dossiers/{code}/receive),
dofile(os.getenv("MOTCUA_BENCH_DIR") .. "/report.lua")
-- each dossier once, version 1. Env: MOTCUA_TOKEN; MOTCUA_RECEIVE_FILE: lines
-- "CODE AGENCY", split between wrk's threads.
local token = os.getenv("MOTCUA_TOKEN")
local all = {}
for line in io.lines(os.getenv("MOTCUA_RECEIVE_FILE")) do
  local code, agency = string.match(line, "(%S+)%s+(%S+)")
  if code then table.insert(all, {code = code, agency = agency}) end
end
local thread_count = tonumber(os.getenv("MOTCUA_THREADS") or "2")
local next_thread = 0
local mine = {}
local index = 0

function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  for i = 1, #all do
    if (i - 1) % thread_count == thread_index then table.insert(mine, all[i]) end
  end
end

-- Each thread stops once it has sent each of its dossiers once, so that the
-- run's duration covers only real receives.
function response(status, headers, body)
  if index >= #mine then wrk.thread:stop() end
end

function request()
  index = index + 1
  local d = mine[((index - 1) % #mine) + 1]
  local body = string.format('{"version":1,"on_behalf_of":"%s"}', d.agency)
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  return wrk.format("POST", "/api/v1/dossiers/" .. d.code .. "/receive", headers, body)
end
