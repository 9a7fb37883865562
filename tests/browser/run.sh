#!/usr/bin/env bash
# The browser journeys (tests/browser): Playwright for Python driving Debian's Chromium (no
# browser download) against a real server on a fresh SQLite database loaded by `juara demo`.
# Screenshots land in target/browser/. Extra arguments go to pytest (e.g. -k judge).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null; then
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
VENV="${JUARA_BROWSER_VENV:-target/browser-venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q -r tests/browser/requirements.txt
cargo build --quiet
"$VENV/bin/python" -m pytest -q -p no:cacheprovider tests/browser "$@"
