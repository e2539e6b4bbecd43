#!/usr/bin/env bash
# Builds motcua from nothing, fills the embedded SQLite database
# motcua-demo.db with demo data (the default catalog, a user for every role with
# printed passwords (log in with POST /api/v1/session), delegation grants for the postal staff and the 2023 pilot
# year; filling it again adds nothing), prints the 2023 report and starts the
# server on it. Environment: MOTCUA_DB (default sqlite:motcua-demo.db),
# MOTCUA_LISTEN (default 127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target motcua
bin=build/release/bin/motcua
db="${MOTCUA_DB:-sqlite:motcua-demo.db}"
listen="${MOTCUA_LISTEN:-127.0.0.1:8080}"

"$bin" demo --db "$db"
"$bin" report --db "$db" --from 2023-01-01 --to 2024-01-01
cat <<EOF
motcua: serving $db on http://$listen (Ctrl-C stops it)
Thử API với một người dùng ở bảng trên (quantri: quản trị; buudien.chinh: một cửa), ví dụ:
  curl -s -X POST http://$listen/api/v1/session -H 'Content-Type: application/json' \\
       -d '{"login":"quantri","password":"<mật khẩu ở trên>"}'
  curl -s http://$listen/api/v1/session -H 'Authorization: Bearer <token>'
  curl -s http://$listen/api/v1/admin/users -H 'Authorization: Bearer <token>'
Thêm người dùng: $bin user add --db $db --login L --password-file F --role desk [--agency MÃ]
Tài liệu API: http://$listen/api/v1/openapi.json
EOF
exec "$bin" serve --db "$db" --listen "$listen"
