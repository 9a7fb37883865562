#!/usr/bin/env bash
# Load harness: starts the release server on a fresh database loaded with `juara demo` and
# measures the pages an announcement day hits with wrk (installed with apt-get when missing):
# the login page (a template and no query, the ceiling), the public winners page, the
# presentation schedule and the results list. Prints one line per route (requests/s, p99) and
# the winners page's throughput as a share of /login's.
#
#   bash tests/load/run.sh                 # SQLite under a temporary directory
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/juara_load bash tests/load/run.sh
#   CONNECTIONS=64 DURATION=20s bash tests/load/run.sh
#   JUARA_BIN=target/release/juara bash tests/load/run.sh   # a binary already built
set -euo pipefail
cd "$(dirname "$0")/../.."

CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-1}"
PORT="${PORT:-18777}"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
BIN="${JUARA_BIN:-target/release/juara}"
[ -n "${JUARA_BIN:-}" ] || cargo build --release --quiet -p juara

DATA="$(mktemp -d /tmp/juara-load-XXXXXX)"
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
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

"$BIN" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "the server did not start:" >&2; cat "$DATA/server.log" >&2; exit 1; }

measure() {
  local out rps p99
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$1")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$1 answered errors:" >&2; echo "$out" >&2; exit 1
  fi
  printf '%-44s %10s req/s   p99 %s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}

echo "== $BACKEND, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, release build" >&2
LOGIN="$(measure /login)"
WINNERS="$(measure "/results/$ID")"
measure /presentations >/dev/null
measure /results >/dev/null
awk -v w="$WINNERS" -v l="$LOGIN" 'BEGIN { printf "winners page / login page: %.2f\n", w / l }' >&2
echo "peak server memory: $(awk '/VmHWM/ {print $2, $3}' "/proc/$SERVER/status")" >&2
