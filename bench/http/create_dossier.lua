-- wrk: submit walk-in dossiers at the desk (POST /api/v1/dossiers), each with
dofile(os.getenv("MOTCUA_BENCH_DIR") .. "/report.lua")
-- its own Idempotency-Key, rotating over the agencies the desk officer acts
-- for (a code sequence holds 9,999 dossiers per agency per day).
-- Env: MOTCUA_TOKEN; MOTCUA_SUBMISSIONS = "AGENCY=PROCEDURE=COMPONENT+COMPONENT,…"
-- (every mandatory component, so that the dossier can then be received).
local token = os.getenv("MOTCUA_TOKEN")
local targets = {}
for item in string.gmatch(os.getenv("MOTCUA_SUBMISSIONS"), "[^,]+") do
  local agency, procedure, component = string.match(item, "([^=]+)=([^=]+)=([^=]+)")
  local ids = {}
  for id in string.gmatch(component, "[^+]+") do table.insert(ids, '{"id":"' .. id .. '"}') end
  table.insert(targets, {agency = agency, procedure = procedure, components = table.concat(ids, ",")})
end
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  local t = targets[(counter % #targets) + 1]
  local body = string.format(
    '{"procedure":"%s","channel":"counter","on_behalf_of":"%s",' ..
    '"applicant":{"name":"Nguyễn Văn Bình","phone":"0912345678"},' ..
    '"components":[%s]}', t.procedure, t.agency, t.components)
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), thread_id, counter),
  }
  return wrk.format("POST", "/api/v1/dossiers", headers, body)
end
