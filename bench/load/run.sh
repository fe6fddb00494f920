#!/usr/bin/env bash
# The load harness of issue 15 (docs/benchmarks.md). Builds the app, starts a throwaway PostgreSQL
# cluster (fsync on, as in production), fills it with `parindex demo national`, starts the web app,
# and runs the load test: rounds at 1, 10 and 50 clients of the public ranking, the score card, the
# self-assessment page, the assessment API and the autosave, each round beside /health and
# pgbench -S/-N on the same cluster; prints a Markdown table with ratios and the load average.
# Usage: bench/load/run.sh [--units 11000] [--rounds 3] [--seconds 5] [--clients 1,10,50] [--no-build]
# Environment: PARINDEX_PG_PORT (default 55480), PARINDEX_WEB_PORT (default 55481), PARINDEX_LOAD_WEB_LOG
# (a file to keep the web app's log in).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
UNITS=11000; ROUNDS=3; SECONDS_PER=5; CLIENTS=1,10,50; BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --units) UNITS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --seconds) SECONDS_PER="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
log() { printf '[load] %s\n' "$*" >&2; }
PG_PORT="${PARINDEX_PG_PORT:-55480}"
WEB_PORT="${PARINDEX_WEB_PORT:-55481}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 2; }

if [ "$BUILD" = 1 ]; then
  log "building (Release)…"
  dotnet build src/ParIndex.Cli -c Release -nologo -v q >/dev/null
  dotnet build src/ParIndex.Web -c Release -nologo -v q >/dev/null
  dotnet build bench/load/ParIndex.LoadTest -c Release -nologo -v q >/dev/null
fi

PG_DIR="$(mktemp -d /tmp/parindex-load-pg.XXXXXX)"
PG_RUN=(env)
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
  chown postgres "$PG_DIR"; PG_RUN=(runuser -u postgres --)
fi
chmod 700 "$PG_DIR"
WEB_PID=""
cleanup() {
  [ -n "$WEB_PID" ] && kill "$WEB_PID" 2>/dev/null && wait "$WEB_PID" 2>/dev/null || true
  # PARINDEX_LOAD_WEB_LOG=file keeps the web app's log (e.g. with EF command timings switched on).
  [ -n "${PARINDEX_LOAD_WEB_LOG:-}" ] && [ -f "$PG_DIR/web.log" ] && cp "$PG_DIR/web.log" "$PARINDEX_LOAD_WEB_LOG" || true
  "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
log "starting PostgreSQL on 127.0.0.1:$PG_PORT (fsync on)"
"${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1
"${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/server.log" \
  -o "-k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB" start >/dev/null
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q)
"${PSQL[@]}" -c "CREATE DATABASE parindex" -c "CREATE DATABASE pgbench"
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=parindex"

log "parindex demo national --units $UNITS --years 2"
START=$(date +%s)
dotnet src/ParIndex.Cli/bin/Release/net10.0/parindex.dll demo national --units "$UNITS" --years 2 --provider Postgres --connection "$CONNECTION" >&2
log "dataset built in $(( $(date +%s) - START )) s"
"$PG_BIN/pgbench" -i -q -s 10 -h 127.0.0.1 -p "$PG_PORT" -U postgres pgbench >/dev/null 2>&1
"${PSQL[@]}" -d parindex -c "VACUUM ANALYZE"

log "starting the web app on 127.0.0.1:$WEB_PORT"
(cd src/ParIndex.Web && Database__Provider=Postgres ConnectionStrings__ParIndex="$CONNECTION" ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$WEB_PORT" RateLimits__LoginPerMinute=100000 \
  exec dotnet bin/Release/net10.0/ParIndex.Web.dll >"$PG_DIR/web.log" 2>&1) &
WEB_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$WEB_PORT/health" >/dev/null && break; sleep 1; done

log "load test: clients $CLIENTS, $ROUNDS rounds, $SECONDS_PER s per scenario"
echo "Machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{print int($2/1048576)}') GB; PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'); $UNITS units; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet bench/load/ParIndex.LoadTest/bin/Release/net10.0/ParIndex.LoadTest.dll --url "http://127.0.0.1:$WEB_PORT" \
  --clients "$CLIENTS" --rounds "$ROUNDS" --seconds "$SECONDS_PER" --pgbench "-h 127.0.0.1 -p $PG_PORT -U postgres pgbench"
