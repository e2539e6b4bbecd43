-- wrk: GET of nginx's static copy of the dossier JSON (the baseline).
dofile(os.getenv("MOTCUA_BENCH_DIR") .. "/report.lua")
