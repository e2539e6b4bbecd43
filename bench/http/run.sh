#!/usr/bin/env bash
# The HTTP benchmarks of docs/PERFORMANCE.md, all in one run on one machine:
#
#   1. nginx serving a static copy of one dossier's JSON (the baseline), then
#      `GET /api/v1/dossiers/{code}` with a session token: motcua should reach
#      at least 60% of nginx's requests per second;
#   2. one fsync'd SQLite commit per write (WAL, synchronous=FULL, one INSERT
#      per transaction, on the same disk), then the state-changing requests
#      over HTTP (create walk-in dossiers, receive them): with group commit
#      they should sustain at least 5 times that rate.
#
# Usage: bench/http/run.sh [BUILD_DIR]   (default build/release)
# Env:   MOTCUA_BENCH_SECONDS (10), MOTCUA_BENCH_CONNECTIONS (32),
#        MOTCUA_BENCH_WORKERS (serve --workers, 4), MOTCUA_BENCH_KEEP=1 keeps the work folder.
# Needs: wrk, nginx, curl, sqlite3, python3 (scripts/install-deps.sh installs them).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build/release}" && pwd)
motcua="$build/bin/motcua"
seconds=${MOTCUA_BENCH_SECONDS:-10}
connections=${MOTCUA_BENCH_CONNECTIONS:-32}
workers=${MOTCUA_BENCH_WORKERS:-4}
threads=2
export MOTCUA_BENCH_DIR="$here" MOTCUA_THREADS=$threads

[ -x "$motcua" ] || { echo "run.sh: $motcua not built" >&2; exit 2; }
for tool in wrk nginx curl sqlite3 python3; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] ||
    { echo "run.sh: $tool is missing (scripts/install-deps.sh)" >&2; exit 2; }
done

# On the build disk, not a RAM disk: the fsync figures must be real.
work=$(mktemp -d "$build/http-bench.XXXXXX")
serve_pid="" nginx_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  [ "${MOTCUA_BENCH_KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
# Prints "rps p50 p99 non2xx requests" from a wrk run's WRK_RESULT line.
wrk_figures() {
  python3 -c '
import re,sys
line=[l for l in sys.stdin if l.startswith("WRK_RESULT")][-1]
f=dict(kv.split("=") for kv in line.split()[1:])
ok=int(f["requests"])-int(f["non2xx"])-int(f["errors"])
print("%.0f %s %s %s %s" % (ok/float(f["seconds"]), f["p50_ms"], f["p99_ms"], int(f["non2xx"])+int(f["errors"]), f["requests"]))'
}
# CPU time of the server process so far, in clock ticks (user + system).
server_ticks() { awk '{print $14 + $15}' "/proc/$serve_pid/stat"; }
# Microseconds of server CPU per request: cpu_per_request TICKS_BEFORE TICKS_AFTER REQUESTS.
cpu_per_request() {
  python3 -c "import sys; print('%.0f' % (($2 - $1) * 1e6 / $(getconf CLK_TCK) / max($3, 1)))"
}

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== demo database (2023 pilot year, users, grants)"
"$motcua" demo --db "sqlite:$work/bench.db" --json >"$work/demo.json"
password=$(python3 -c 'import json,sys
print(next(u["password"] for u in json.load(open(sys.argv[1]))["users"] if u["login"] == "buudien.chinh"))' "$work/demo.json")

port=$(free_port)
"$motcua" serve --db "sqlite:$work/bench.db" --listen "127.0.0.1:$port" --workers "$workers" \
  2>"$work/serve.log" &
serve_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$base/healthz" >/dev/null || { echo "run.sh: serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

login=$(curl -sf -X POST "$base/api/v1/session" -H 'Content-Type: application/json' \
  -d "{\"login\":\"buudien.chinh\",\"password\":\"$password\"}")
export MOTCUA_TOKEN=$(echo "$login" | json_field '["token"]')
export MOTCUA_CODE=$(sqlite3 "$work/bench.db" "SELECT code FROM dossier WHERE state = 'returned' ORDER BY id LIMIT 1")

echo "== 1. GET /api/v1/dossiers/$MOTCUA_CODE against nginx static, ${seconds}s, $connections connections"
mkdir -p "$work/www" "$work/nginx"
curl -sf "$base/api/v1/dossiers/$MOTCUA_CODE" -H "Authorization: Bearer $MOTCUA_TOKEN" \
  >"$work/www/dossier.json"
# nginx's workers drop root for an unprivileged user: let them read the file.
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/dossier.json"
bytes=$(stat -c %s "$work/www/dossier.json")
nport=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes $(nproc);
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    location / { default_type application/json; add_header Cache-Control no-store; }
  }
}
CONF
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nport/dossier.json" >/dev/null && break; sleep 0.1; done

read -r nginx_rps nginx_p50 nginx_p99 nginx_bad _ < <(wrk -t$threads -c"$connections" -d"${seconds}s" \
  -s "$here/static.lua" "http://127.0.0.1:$nport/dossier.json" | wrk_figures)
t0=$(server_ticks)
read -r get_rps get_p50 get_p99 get_bad get_n < <(wrk -t$threads -c"$connections" -d"${seconds}s" \
  -s "$here/get_dossier.lua" "$base" | wrk_figures)
get_cpu=$(cpu_per_request "$t0" "$(server_ticks)" "$get_n")
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""

echo "== 2. one fsync'd SQLite commit per write, same disk"
sqlite3 "$work/fsync.db" "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
  CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT NOT NULL);" >/dev/null
commits=300
python3 -c "
for i in range($commits): print(\"INSERT INTO t(body) VALUES('dossier %d with a body of some length');\" % i)" \
  >"$work/inserts.sql"
start=$(date +%s.%N)
sqlite3 -cmd 'PRAGMA synchronous=FULL;' "$work/fsync.db" <"$work/inserts.sql"
end=$(date +%s.%N)
fsync_rate=$(python3 -c "print('%.0f' % ($commits / ($end - $start)))")

echo "== 3. state-changing requests, ${seconds}s each"
# Four agencies in force today that the postal desk acts for (9,999 codes per agency per day).
export MOTCUA_SUBMISSIONS="000.00.07.H29=9.004002=don-de-nghi,000.00.05.H29=2.001584=don-de-nghi,000.00.02.H29=1.012942=van-ban-bao-cao+du-thao-bao-cao+du-kien-nhan-su,000.00.06.H29=9.005001=don-de-nghi+giay-to-tuy-than"
export MOTCUA_SUBMISSIONS=${MOTCUA_BENCH_SUBMISSIONS:-$MOTCUA_SUBMISSIONS}
t0=$(server_ticks)
read -r create_rps create_p50 create_p99 create_bad create_n < <(wrk -t$threads -c"$connections" \
  -d"${seconds}s" -s "$here/create_dossier.lua" "$base" | wrk_figures)
create_cpu=$(cpu_per_request "$t0" "$(server_ticks)" "$create_n")
sqlite3 "$work/bench.db" "SELECT code || ' ' || agency FROM dossier WHERE state = 'submitted'
  AND submitted_at > strftime('%s','now','-1 hour')" >"$work/submitted.txt"
export MOTCUA_RECEIVE_FILE="$work/submitted.txt"
to_receive=$(wc -l <"$work/submitted.txt")
# wrk stops each thread once it has received each of its dossiers
# (receive_dossier.lua), but counts the whole -d duration in its rate: the
# rate is taken instead over the time the server spent answering them, from
# the first receive to the last in its access log (ts, when each answer was
# written). Runs before this fix divided by the whole duration and understated
# receives whenever the dossiers ran out early (docs/PERFORMANCE.md).
receive_seconds=$seconds
t0=$(server_ticks)
read -r _ receive_p50 receive_p99 receive_bad receive_n < <(wrk -t$threads \
  -c"$connections" -d"${receive_seconds}s" -s "$here/receive_dossier.lua" "$base" | wrk_figures)
receive_cpu=$(cpu_per_request "$t0" "$(server_ticks)" "$receive_n")
receive_rps=$(python3 - "$work/serve.log" <<'PY'
import json, sys
from datetime import datetime
times = []
for line in open(sys.argv[1], encoding="utf-8"):
    if '"route":"/api/v1/dossiers/{code}/receive"' not in line:
        continue
    entry = json.loads(line)
    if entry.get("status") == 200:
        times.append(datetime.fromisoformat(entry["ts"]).timestamp())
times.sort()
print("%.0f" % ((len(times) - 1) / (times[-1] - times[0])) if len(times) > 1 else 0)
PY
)

python3 - <<PY
nginx, get = $nginx_rps, $get_rps
fsync, create, receive = $fsync_rate, $create_rps, $receive_rps
print()
print("| run | requests/s | p50 ms | p99 ms | failed | server CPU µs/request | target |")
print("|---|---:|---:|---:|---:|---:|---|")
print("| nginx static $bytes-byte JSON | %d | $nginx_p50 | $nginx_p99 | $nginx_bad | | |" % nginx)
print("| GET /api/v1/dossiers/{code} (session) | %d | $get_p50 | $get_p99 | $get_bad | $get_cpu | >= 60%% of nginx: %.0f%% |" % (get, 100.0 * get / nginx))
print("| one fsync'd SQLite commit per write | %d | | | | | baseline |" % fsync)
print("| POST /api/v1/dossiers (walk-in submit) | %d | $create_p50 | $create_p99 | $create_bad | $create_cpu | >= 5x baseline: %.1fx |" % (create, create / fsync))
print("| POST /api/v1/dossiers/{code}/receive | %d | $receive_p50 | $receive_p99 | $receive_bad | $receive_cpu | >= 5x baseline: %.1fx |" % (receive, receive / fsync))
print()
print("wrk -t$threads -c$connections; serve --workers $workers; $to_receive dossiers submitted by the create run")
PY
