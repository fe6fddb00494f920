#!/usr/bin/env bash
# Runs every test suite of ParIndex: unit, integration (SQLite and a throwaway PostgreSQL
# cluster) and browser tests. Sets up what it needs, then prints one line:
#   N passed, N failed, N skipped
# Usage: scripts/test-all.sh [extra dotnet test arguments, e.g. --filter ...]
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[test-all] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
APT_UPDATED=0
# Cleanups run at exit, in order (the PostgreSQL cluster, the S3 server).
EXIT_HOOKS=()
on_exit() { EXIT_HOOKS+=("$1"); }
run_exit_hooks() { for hook in "${EXIT_HOOKS[@]}"; do "$hook"; done; }
trap run_exit_hooks EXIT
apt_install() {
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq >/dev/null 2>&1 || true; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# --- Chromium for the browser tests (Debian's package; never a downloaded browser) -------------
if [ -z "${PARINDEX_SKIP_BROWSER:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  log "installing chromium (apt-get)…"
  apt_install chromium || log "chromium could not be installed: browser tests will fail"
fi
export PARINDEX_CHROMIUM="${PARINDEX_CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}"

# --- Document tests: PDF pages to PNG (poppler), docx to PDF (LibreOffice, no GUI) -----------------
# Liberation Serif 2 stands in for Times New Roman (same metrics, every Vietnamese letter; the
# older fonts-liberation lacks letters such as Ể and Ự) when LibreOffice lays out the docx.
if ! command -v pdftoppm >/dev/null 2>&1; then
  log "installing poppler-utils (apt-get)…"
  apt_install poppler-utils || log "poppler-utils could not be installed: document image tests will fail"
fi
if ! command -v soffice >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/liberation2 ]; then
  log "installing libreoffice-writer-nogui and fonts-liberation2 (apt-get)…"
  apt_install --no-install-recommends libreoffice-writer-nogui fonts-liberation2 \
    || log "LibreOffice could not be installed: the docx rendering test will fail"
fi

# --- A throwaway PostgreSQL cluster on a private port --------------------------------------------
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "${PARINDEX_TEST_POSTGRES:-}" ]; then
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    log "installing postgresql (apt-get)…"
    apt_install postgresql || true
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
  PG_PORT="${PARINDEX_PG_PORT:-55432}"
  PG_DIR="$(mktemp -d /tmp/parindex-pg.XXXXXX)"
  PG_RUN=(env)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
    chown postgres "$PG_DIR"; PG_RUN=(runuser -u postgres --)
  fi
  chmod 700 "$PG_DIR"
  stop_pg() {
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  }
  on_exit stop_pg
  log "starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT"
  if "${PG_RUN[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
     && "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/server.log" \
          -o "-k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
    export PARINDEX_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
  else
    log "PostgreSQL did not start:"; cat "$PG_DIR"/*.log >&2 || true
    log "PostgreSQL tests will fail"
    export PARINDEX_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Timeout=3"
  fi
fi

# The client tools of that server, for the pg_dump/pg_restore test of docs/operations.md.
export PARINDEX_PG_BIN="${PARINDEX_PG_BIN:-$PG_BIN}"

# --- An S3-protocol server (the s3rver npm package) on a private port, for the S3 evidence store ---
# Installed from tests/tools/package-lock.json into tests/tools/node_modules (ignored by git).
if [ -z "${PARINDEX_TEST_S3:-}" ]; then
  TOOLS="$ROOT/tests/tools"
  if ! command -v npm >/dev/null 2>&1; then
    log "installing nodejs and npm (apt-get)…"
    apt_install nodejs npm || log "npm could not be installed: S3 tests will fail"
  fi
  if [ ! -x "$TOOLS/node_modules/.bin/s3rver" ] || [ ! -f "$TOOLS/node_modules/axe-core/axe.min.js" ]; then
    log "installing s3rver and axe-core (npm ci)…"
    (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || log "s3rver could not be installed: S3 tests will fail"
  fi
  S3_PORT="${PARINDEX_S3_PORT:-55433}"
  S3_DIR="$(mktemp -d /tmp/parindex-s3.XXXXXX)"
  "$TOOLS/node_modules/.bin/s3rver" -d "$S3_DIR/data" -a 127.0.0.1 -p "$S3_PORT" --silent >"$S3_DIR/s3rver.log" 2>&1 &
  S3_PID=$!
  stop_s3() { kill "$S3_PID" 2>/dev/null || true; wait "$S3_PID" 2>/dev/null || true; rm -rf "$S3_DIR"; }
  on_exit stop_s3
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null && break
    sleep 0.2
  done
  log "S3 server (s3rver) on 127.0.0.1:$S3_PORT"
  # Set even when the server did not start: the S3 tests then fail instead of skipping.
  export PARINDEX_TEST_S3="http://127.0.0.1:$S3_PORT"
fi

# --- Build once, test every project ---------------------------------------------------------------
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
BUILD_FAILED=0
log "building…"
if ! dotnet build ParIndex.slnx -c Release -nologo -v q; then BUILD_FAILED=1; fi

TEST_EXIT=0
if [ "$BUILD_FAILED" = 0 ]; then
  # One run per test project, each with its own result file (so none overwrites another).
  for proj in tests/*/*.csproj; do
    name="$(basename "$proj" .csproj)"
    log "testing $name"
    dotnet test "$proj" -c Release --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
      --results-directory "$RESULTS" "$@" || TEST_EXIT=$?
  done
fi

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# A build error or a crashed test host fails the run even when no test reported a failure.
if [ "$BUILD_FAILED" = 1 ] || { [ "$TEST_EXIT" != 0 ] && [ "$failed" = 0 ]; }; then
  failed=$((failed + 1)); log "build or test host failed (exit $TEST_EXIT) — counted as a failure"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
