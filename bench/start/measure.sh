#!/usr/bin/env bash
# Newcomer start (issue 15 item 6, docs/benchmarks.md): clones the repository's committed HEAD into a
# temporary folder, runs the README's first command there (`dotnet run --project src/ParIndex.Web`,
# with `-- --urls` only to pick a free port), follows its output and polls the URL it prints.
# Reports the seconds from the start of the command to: the app's first line (restore + build
# done), the database ready (migrations + demo seed), the URL printed, and the first page answered.
# Usage: bench/start/measure.sh [--keep]   Environment: PARINDEX_START_PORT (default 55644).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${PARINDEX_START_PORT:-55644}"
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1
[ $# -gt 0 ] && [ "$1" != "--keep" ] && { echo "unknown argument: $1" >&2; exit 2; }

WORK="$(mktemp -d /tmp/parindex-start.XXXXXX)"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill -- "-$APP_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && wait "$APP_PID" 2>/dev/null || true
  [ "$KEEP" = 1 ] && echo "kept: $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
git clone -q "$ROOT" "$WORK/ParIndex"
LOG="$WORK/run.log"
cd "$WORK/ParIndex"
START=$(date +%s.%N)
# Each line of the command's output with the seconds since the start; its own process group so
# that the whole tree (dotnet run and the app) is stopped afterwards.
setsid bash -c "dotnet run --project src/ParIndex.Web -- --urls http://127.0.0.1:$PORT 2>&1 | while IFS= read -r line; do printf '%s %s\n' \"\$(echo \"\$(date +%s.%N) - $START\" | bc)\" \"\$line\"; done >'$LOG'" &
APP_PID=$!

# The first time a line matching $1 appeared (seconds), waiting up to $2 seconds.
first_line() {
  local pattern="$1" limit="$2" waited=0 found
  while [ "$waited" -lt "$limit" ]; do
    found="$(grep -m1 -E "$pattern" "$LOG" 2>/dev/null | cut -d' ' -f1 || true)"
    [ -n "$found" ] && { echo "$found"; return 0; }
    kill -0 "$APP_PID" 2>/dev/null || { echo "the command ended early; its output:" >&2; cat "$LOG" >&2; exit 1; }
    sleep 1; waited=$((waited + 1))
  done
  echo "no line matching '$pattern' after ${limit} s; output so far:" >&2; cat "$LOG" >&2; exit 1
}

APP_UP="$(first_line 'database: ' 1800)"
READY="$(first_line 'database: .*ready' 1800)"
URL_AT="$(first_line 'is running at' 600)"
URL="$(grep -A1 'is running at' "$LOG" | tail -n 1 | grep -oE 'http://[^ ]+' | head -n 1)"
[ -n "$URL" ] || { echo "no URL printed" >&2; cat "$LOG" >&2; exit 1; }
until curl -sf -o /dev/null "$URL/"; do
  kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped; its output:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.2
done
PAGE="$(echo "$(date +%s.%N) - $START" | bc)"

echo "Machine: $(nproc) cores; load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
echo "| Step | Seconds from the command |"
echo "|---|---:|"
printf '| restore + build done (first line of the app) | %.1f |\n' "$APP_UP"
printf '| database ready (migrations + demo seed: %.1f s) | %.1f |\n' "$(echo "$READY - $APP_UP" | bc)" "$READY"
printf '| URL printed | %.1f |\n' "$URL_AT"
printf '| first page answered (%s/) | %.1f |\n' "$URL" "$PAGE"
echo
echo "Progress lines printed by the command:"
grep -E 'database: |demo data: ' "$LOG" | sed 's/^/    /'
