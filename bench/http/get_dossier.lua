-- wrk: GET one dossier with a bearer session token (env MOTCUA_TOKEN, MOTCUA_CODE).
dofile(os.getenv("MOTCUA_BENCH_DIR") .. "/report.lua")
local token = os.getenv("MOTCUA_TOKEN")
local code = os.getenv("MOTCUA_CODE")
wrk.method = "GET"
wrk.path = "/api/v1/dossiers/" .. code
wrk.headers["Authorization"] = "Bearer " .. token
