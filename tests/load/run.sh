#!/usr/bin/env bash
# Load harness: starts the release server on a fresh database loaded with `juara demo` and
# measures, in one run, what an announcement day and a judging day hit:
#   - with wrk (installed with apt-get when missing): a static file (the ceiling), the login
#     page (a template, no query), the public winners page, the presentation schedule and the
#     results list;
#   - score saves by $JUDGES concurrent judges through the API (`juara-load-saves`,
#     tests/load/saves): each judge has its own token and sheet (`juara demo-judges`) and
#     saves it in a loop with the version the previous save returned. Afterwards the versions
#     in the database are added up: every acknowledged save must be there (0 lost saves).
# Prints requests/s, p50/p99 and errors per route, the ratios to the static route, and the
# server's peak memory (VmHWM).
#
#   bash tests/load/run.sh                 # SQLite under a temporary directory
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/juara_load bash tests/load/run.sh
#   CONNECTIONS=64 DURATION=20 JUDGES=256 bash tests/load/run.sh
#   JUARA_BIN=target/release/juara SAVES_BIN=target/release/juara-load-saves bash tests/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10}"
DURATION="${DURATION%s}"
THREADS="${THREADS:-1}"
JUDGES="${JUDGES:-256}"
PORT="${PORT:-18777}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
RELEASE="${CARGO_TARGET_DIR:-target}/release"
BIN="${JUARA_BIN:-$RELEASE/juara}"
SAVES="${SAVES_BIN:-$RELEASE/juara-load-saves}"
if [ -z "${JUARA_BIN:-}" ] || [ -z "${SAVES_BIN:-}" ]; then
  cargo build --release --quiet -p juara -p juara-load-saves
fi

DATA="$(mktemp -d /tmp/juara-load-XXXXXX)"
SERVER=""
trap '[ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; }; rm -rf "$DATA"' EXIT
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_URL="sqlite://$DATA/juara.db?mode=rwc"
  BACKEND=SQLite
else
  # A PostgreSQL database of its own, dropped and created afresh.
  BACKEND=PostgreSQL
  NAME="${DATABASE_URL##*/}"
  ADMIN_URL="${DATABASE_URL%/*}/postgres"
  psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $NAME" -c "CREATE DATABASE $NAME" 2>&1 | grep -v NOTICE || true
  # A release build on PostgreSQL insists on a secret key shared by the instances.
  export ROCKET_SECRET_KEY="${ROCKET_SECRET_KEY:-$(openssl rand -base64 32)}"
fi
export JUARA_DATA_DIR="$DATA" JUARA_UPLOAD_DIR="$DATA/uploads"
export JUARA_ADMIN_PASSWORD="Beban-Uji-Pengumuman-2026!" ROCKET_PORT="$PORT" ROCKET_LOG_LEVEL=critical
DEMO="$("$BIN" demo)"
ID="$(sed -n 's|^public winners page: /results/\([0-9a-f-]*\)$|\1|p' <<<"$DEMO")"
JUDGING="$(sed -n 's|^still in judging.*/admin/competitions/\([0-9a-f-]*\)/judging$|\1|p' <<<"$DEMO")"
# Start-up lines (registry check) go to stdout too: keep the JSON lines only.
"$BIN" demo-judges --competition "$JUDGING" --judges "$JUDGES" | grep "^{" >"$DATA/judges.jsonl"

"$BIN" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "the server did not start:" >&2; cat "$DATA/server.log" >&2; exit 1; }

# wrk on one route: prints "req/s", reports the line on stderr; any non-2xx answer fails.
measure() {
  local out rps p50 p99
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$1")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  if grep -qE "Non-2xx|Socket errors" <<<"$out"; then
    echo "$1 answered errors:" >&2; echo "$out" >&2; exit 1
  fi
  printf '%-44s %10s req/s   p50 %-8s p99 %-8s errors 0\n' "$1" "$rps" "$p50" "$p99" >&2
  echo "$rps"
}

# The versions of the load judges' sheets, added up, read from the database itself.
saved_in_db() {
  local sql="SELECT COALESCE(SUM(s.version), 0) FROM score_sheet s JOIN \"user\" u ON u.id = s.judge_id WHERE u.username LIKE 'beban-%'"
  if [ "$BACKEND" = PostgreSQL ]; then
    psql -tA "$DATABASE_URL" -c "$sql"
  else
    python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$DATA/juara.db" "$sql"
  fi
}

echo "== $BACKEND, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; $JUDGES judges saving; release build" >&2
STATIC="$(measure /static/css/app.css)"
LOGIN="$(measure /login)"
WINNERS="$(measure "/results/$ID")"
PRESENTATIONS="$(measure /presentations)"
measure /results >/dev/null

if ! read -r N REQUESTS SAVES_RPS P50 P99 ERRORS ACKED < <("$SAVES" "http://127.0.0.1:$PORT" "$DATA/judges.jsonl" "$DURATION" 2>"$DATA/saves.log"); then
  echo "the score-save load printed nothing:" >&2; tail -20 "$DATA/saves.log" >&2; exit 1
fi
IN_DB="$(saved_in_db)"
LOST=$((ACKED - IN_DB))
printf '%-44s %10s req/s   p50 %-8s p99 %-8s errors %s\n' "PUT /api/v1/judge/sheets/<id> ×$N judges" "$SAVES_RPS" "${P50}ms" "${P99}ms" "$ERRORS" >&2
echo "saves acknowledged: $ACKED, versions in the database: $IN_DB, lost saves: $LOST" >&2
if [ "$ERRORS" -gt 0 ]; then echo "first save errors:" >&2; sort "$DATA/saves.log" | uniq -c | sort -rn | head -5 >&2; fi
awk -v s="$STATIC" -v l="$LOGIN" -v w="$WINNERS" -v p="$PRESENTATIONS" -v j="$SAVES_RPS" 'BEGIN {
  printf "ratios to the static route: /login %.2f, winners page %.2f, /presentations %.2f, score saves %.2f\n", l / s, w / s, p / s, j / s
  printf "winners page / login page: %.2f\n", w / l }' >&2
echo "peak server memory: $(awk '/VmHWM/ {print $2, $3}' "/proc/$SERVER/status")" >&2
