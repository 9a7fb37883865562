#!/usr/bin/env bash
# API fuzzing: schemathesis (from PyPI, in a venv under target/) reads /api/v1/openapi.json
# from a server loaded with `juara demo` and sends generated requests to every operation with
# the demo accounts' tokens (`juara create-token`). It fails on any server error (5xx), any
# answer that breaks the document's schema, status or content type.
#
#   bash tests/api_fuzz/run.sh                       # SQLite, the debug binary
#   MAX_TIME=60 bash tests/api_fuzz/run.sh           # a shorter run (seconds)
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/juara_fuzz bash tests/api_fuzz/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${PORT:-18778}"
MAX_TIME="${MAX_TIME:-180}"
VENV="${SCHEMATHESIS_VENV:-target/schemathesis-venv}"
if [ ! -x "$VENV/bin/schemathesis" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'schemathesis==4.32.5'
fi
BIN="${JUARA_BIN:-target/debug/juara}"
[ -n "${JUARA_BIN:-}" ] || cargo build --quiet -p juara --bin juara

DATA="$(mktemp -d /tmp/juara-fuzz-XXXXXX)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
SERVER=""
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="sqlite://$DATA/juara.db?mode=rwc"
else
  NAME="${DATABASE_URL##*/}"
  ADMIN_URL="${DATABASE_URL%/*}/postgres"
  psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $NAME" -c "CREATE DATABASE $NAME" 2>&1 | grep -v NOTICE || true
fi
export JUARA_DATA_DIR="$DATA" JUARA_UPLOAD_DIR="$DATA/uploads"
export JUARA_ADMIN_PASSWORD="Uji-Fuzz-Api-2026!" ROCKET_PORT="$PORT" ROCKET_LOG_LEVEL=critical
"$BIN" demo >"$DATA/demo.txt"
token() { "$BIN" create-token --username "$1" --name schemathesis | tail -n 1; }
ADMIN_TOKEN="$(token demo-panitia)"
VILLAGE_TOKEN="$(token demo-desa)"
JUDGE_TOKEN="$(token demo-juri-1)"

"$BIN" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "the server did not start:" >&2; cat "$DATA/server.log" >&2; exit 1; }

# One pass per role, so village and judge operations are reached past their role checks:
# the committee everywhere (most of the time), the village on its nominations and files, the
# judge on its sheets.
fuzz() {
  local token="$1" seconds="$2"
  shift 2
  "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-time "$seconds" --workers 1 --request-timeout 20 --no-color "$@" \
    || { echo "== server log (last lines)" >&2; tail -40 "$DATA/server.log" >&2; exit 1; }
}
fuzz "$ADMIN_TOKEN" "$MAX_TIME"
fuzz "$VILLAGE_TOKEN" "$((MAX_TIME / 4))" --include-path-regex '^/api/v1/(nominations|files|competitions$)'
fuzz "$JUDGE_TOKEN" "$((MAX_TIME / 4))" --include-path-regex '^/api/v1/judge/'
