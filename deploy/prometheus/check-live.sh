#!/usr/bin/env bash
# Checks the Grafana dashboards and the alerting rules against a real Prometheus: starts the local stack
# (./mnemo up), Debian's prometheus scraping it with prometheus-local.yml's targets and rules, runs a tiny
# experiment (live/tiny-experiment.yaml), waits until it is done and scraped, then evaluates every dashboard query
# and every rule expression through the HTTP API (live/check_live.py) and fails on each one without series.
# Needs: the packaged services (./mvnw package -DskipTests), prometheus and python3-yaml; ports 9092, 8080-8083 and
# PROMETHEUS_PORT (default 39090) free. Stops what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${PROMETHEUS_PORT:-39090}
results=http://127.0.0.1:8080
work=$(mktemp -d)
prometheus_pid=
cleanup() {
    [ -n "$prometheus_pid" ] && kill "$prometheus_pid" 2>/dev/null || true
    ./mnemo down >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
command -v prometheus >/dev/null || { echo "prometheus not found (Debian: apt-get install prometheus)" >&2; exit 2; }

# The local config with a 2 s scrape and evaluation, so a short run leaves enough samples for rate() and increase().
sed -e 's/scrape_interval: 15s/scrape_interval: 2s/' -e 's/evaluation_interval: 30s/evaluation_interval: 2s/' \
    -e "s#- mnemo-rules.yaml#- $PWD/deploy/prometheus/mnemo-rules.yaml#" \
    deploy/prometheus/prometheus-local.yml > "$work/prometheus.yml"
./mnemo up
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address="127.0.0.1:$port" > "$work/prometheus.log" 2>&1 &
prometheus_pid=$!
since=$(date +%s)

id=$(./mnemo submit deploy/prometheus/live/tiny-experiment.yaml | grep -Eo '[0-9a-f]{8}-[0-9a-f-]{27}' | head -1)
echo "experiment $id submitted; waiting for it to complete"
for _ in $(seq 1 300); do
    status=$(curl -sf "$results/api/experiments/$id" 2>/dev/null \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' 2>/dev/null || true)
    case "$status" in
        completed) break ;;
        failed|rejected) echo "experiment $id ended $status" >&2; exit 1 ;;
    esac
    sleep 2
done
[ "$status" = completed ] || { echo "experiment $id did not complete in 10 minutes (status: $status)" >&2; exit 1; }
sleep 10   # a few more scrapes and rule evaluations after the last event
python3 deploy/prometheus/live/check_live.py --url "http://127.0.0.1:$port" --since "$since"
