#!/usr/bin/env bash
# The server's cost of one page, measured from outside (docs/benchmarks.md, "Self-assessment page
# cost"): signs in, warms the page up, then requests it one at a time for N seconds and prints the
# process's CPU milliseconds per request (/proc), the bytes it allocated per request
# (dotnet-counters, dotnet.gc.heap.total_allocated) and the page's size. Numbers that do not depend
# on how busy the machine is, except CPU time (compare builds back to back, in the same minutes).
# Usage: bench/load/page-cost.sh --url http://127.0.0.1:PORT --pid PID [--path /assessments/ID]
#        [--seconds 15] [--user editor.national] [--password …]
# Needs dotnet-counters (dotnet tool install --tool-path DIR dotnet-counters); DOTNET_COUNTERS=path/to/it.
# Without --path: the user's first draft assessment (/api/assessments).
set -euo pipefail
URL=""; PID=""; PAGE=""; SECONDS_PER=15; USER_NAME=editor.national; PASSWORD='ParIndex@2023'
while [ $# -gt 0 ]; do
  case "$1" in
    --url) URL="$2"; shift 2 ;;
    --pid) PID="$2"; shift 2 ;;
    --path) PAGE="$2"; shift 2 ;;
    --seconds) SECONDS_PER="$2"; shift 2 ;;
    --user) USER_NAME="$2"; shift 2 ;;
    --password) PASSWORD="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$URL" ] && [ -n "$PID" ] || { echo "usage: $0 --url URL --pid PID [--path PATH] [--seconds N]" >&2; exit 2; }
[ -r "/proc/$PID/stat" ] || { echo "no process $PID" >&2; exit 2; }
COUNTERS="${DOTNET_COUNTERS:-dotnet-counters}"
command -v "$COUNTERS" >/dev/null 2>&1 || { echo "dotnet-counters not found (set DOTNET_COUNTERS)" >&2; exit 2; }

WORK="$(mktemp -d /tmp/parindex-page-cost.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
JAR="$WORK/cookies"
token=$(curl -sf -c "$JAR" -b "$JAR" "$URL/login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//' | head -n 1)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "_handler=login" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.UserName=$USER_NAME" \
  --data-urlencode "Input.Password=$PASSWORD" "$URL/login")
[ "$status" = 302 ] || { echo "login of $USER_NAME failed: $status" >&2; exit 1; }
if [ -z "$PAGE" ]; then
  id=$(curl -sf -b "$JAR" "$URL/api/assessments" | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin) if a["status"]=="Draft"][0])')
  PAGE="/assessments/$id"
fi

# Warm-up: tiered compilation settles after some hundred requests of each method.
for _ in $(seq 1 200); do curl -s -b "$JAR" -o /dev/null "$URL$PAGE"; done
"$COUNTERS" collect -p "$PID" --counters 'System.Runtime[dotnet.gc.heap.total_allocated]' --format csv -o "$WORK/counters.csv" \
  --refresh-interval 1 --duration "00:00:$(printf %02d $((SECONDS_PER + 4)))" </dev/null >/dev/null 2>&1 &
counters=$!
sleep 2
cpu0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
n=0; bytes=0; end=$(( $(date +%s) + SECONDS_PER ))
while [ "$(date +%s)" -lt "$end" ]; do
  bytes=$(curl -s -b "$JAR" -o /dev/null -w '%{size_download}' "$URL$PAGE"); n=$((n + 1))
done
cpu1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
wait "$counters"
allocated=$(grep total_allocated "$WORK/counters.csv" | awk -F, '{s += $NF} END {print s + 0}')
python3 - "$PAGE" "$n" "$cpu0" "$cpu1" "$(getconf CLK_TCK)" "$allocated" "$bytes" <<'EOF'
import sys
page, n, cpu0, cpu1, tick, allocated, size = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), sys.argv[7]
load = open('/proc/loadavg').read().split()[0]
print(f"{page}: {n} requests, CPU {(cpu1 - cpu0) * 1000 / tick / n:.2f} ms/request, allocated {allocated / 1024 / n:.0f} KB/request, HTML {size} bytes, load average {load}")
EOF
