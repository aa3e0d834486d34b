#!/usr/bin/env bash
# Takes docs/screenshots/report.png: starts the local stack (./mnemo up), submits
# docs/examples/three-methods-three-seeds.yaml (naive, REMIX and replay x seeds 0, 1, 2 on the tiny model), waits
# for it to end by polling results-service's REST API, photographs its report page with Debian's headless Chromium
# and stops the stack (./mnemo down), also on failure or Ctrl-C.
#
#   docs/screenshots/take-report-screenshot.sh [OUT.png]     (default docs/screenshots/report.png)
#
# It lives beside the picture it makes: it is a docs tool, not part of the CLI or of a deployment.
# Needs: chromium (apt-get install -y chromium), curl, python3, and the jars (built with
# `./mvnw -q package -DskipTests` when missing; build results-service without MNEMO_DB_KIND, for the embedded DB).
# Environment: MNEMO_SCREENSHOT_TIMEOUT (seconds to wait for the experiment, default 3600), MNEMO_CHROMIUM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

spec=docs/examples/three-methods-three-seeds.yaml
out="${1:-docs/screenshots/report.png}"
width=1400
timeout_s="${MNEMO_SCREENSHOT_TIMEOUT:-3600}"
chromium="${MNEMO_CHROMIUM:-chromium}"
started=$(date +%s)
say() { echo "[$(( $(date +%s) - started ))s] $*"; }

command -v "$chromium" >/dev/null || { echo "needs Chromium: apt-get install -y chromium (or set MNEMO_CHROMIUM)" >&2; exit 2; }
command -v curl >/dev/null && command -v python3 >/dev/null || { echo "needs curl and python3" >&2; exit 2; }

for artifact in cli/target/mnemo-cli.jar local-broker/target/local-broker.jar \
    {results,data,trainer,eval}-service/target/quarkus-app/quarkus-run.jar; do
  if [ ! -f "$artifact" ]; then
    say "building the jars (./mvnw -q package -DskipTests)"
    ./mvnw -q -B package -DskipTests
    break
  fi
done

# `./mnemo up` listens on fixed ports: refuse rather than talk to somebody else's stack.
for port in 9092 9093 8080 8081 8082 8083; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (another local stack? ./mnemo status, ./mnemo down): ./mnemo up needs it" >&2
    exit 3
  fi
done

say "starting the local stack (./mnemo up)"
trap 'say "stopping the local stack (./mnemo down)"; ./mnemo down >/dev/null 2>&1 || ./mnemo down || true' EXIT
up_log=$(mktemp)
./mnemo up | tee "$up_log"
url=$(awk '$1 == "results-service" && $2 ~ /^http/ {print $2; exit}' "$up_log")
rm -f "$up_log"
[ -n "$url" ] || { echo "./mnemo up did not print results-service's URL" >&2; exit 1; }

id=$(./mnemo submit "$spec" | tail -n 1)
say "submitted $spec as experiment $id"

# Poll until the experiment ends; a line every 30 s with the runs by status.
status=""
last_line=0
while :; do
  lineage=$(curl -fsS "$url/api/experiments/$id" 2>/dev/null || true)
  if [ -n "$lineage" ]; then
    read -r status summary < <(python3 -c '
import collections, json, sys
e = json.load(sys.stdin)
runs = collections.Counter(r["status"] for r in e.get("runs", []))
print(e["status"], ", ".join(f"{n} {s}" for s, n in sorted(runs.items())) or "no runs yet")' <<<"$lineage")
    case "$status" in completed|failed|cancelled|rejected) break ;; esac
  else
    summary="no answer from $url yet"
  fi
  if [ $(( $(date +%s) - last_line )) -ge 30 ]; then
    say "experiment ${status:-?}: $summary"
    last_line=$(date +%s)
  fi
  if [ $(( $(date +%s) - started )) -gt "$timeout_s" ]; then
    echo "the experiment did not end within $timeout_s s (MNEMO_SCREENSHOT_TIMEOUT)" >&2
    exit 1
  fi
  sleep 5
done
say "experiment $status: $summary"
./mnemo results "$id" || true   # the table, for the log; exits non-zero when runs failed

# Draw the page once to learn its height (report.js writes it to <body data-report-height>), then photograph it
# whole at that height. Virtual time lets the fetches and ECharts finish before the picture is taken.
browse() {
  profile=$(mktemp -d)
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$profile" --virtual-time-budget=20000 "$@" 2>/dev/null
  rm -rf "$profile"
}
page="$url/experiments/$id"
dom=$(browse --window-size="$width,1000" --dump-dom "$page")
grep -q 'data-report-state="ready"' <<<"$dom" || { echo "the report page did not draw: $page" >&2; exit 1; }
height=$(grep -o 'data-report-height="[0-9]*"' <<<"$dom" | grep -o '[0-9]\+')
mkdir -p "$(dirname "$out")"
browse --window-size="$width,$((height + 16))" --screenshot="$(realpath -m "$out")" "$page"
[ -s "$out" ] || { echo "chromium wrote no screenshot" >&2; exit 1; }
say "wrote $out ($width x $((height + 16)) px) of $page"
