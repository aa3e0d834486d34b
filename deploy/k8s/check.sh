#!/usr/bin/env bash
# Checks deploy/ without a cluster:
#   1. every YAML file parses (PyYAML) and every JSON file parses (json);
#   2. the generated files are up to date (prometheus/prometheusrule.yaml, grafana/dashboards/*.json);
#   3. with kustomize or kubectl: `kustomize build` of the base and both overlays (which include prometheus/ and
#      grafana/), the Kafka security of the overlays (kafka-security.py) and check_rendered.py on all three (GPU
#      settings, the model root, the import Job);
#   4. with promtool: the rules, their unit tests, prometheus-local.yml, and every dashboard query as PromQL.
# Steps 3 and 4 are skipped, with a note, when the tool is missing, unless --require-tools is given (CI).
# Exit status non-zero on the first failure.
set -euo pipefail

require_tools=false
if [ "${1:-}" = "--require-tools" ]; then
  require_tools=true
fi
missing() { # missing <what>: skip a step, or fail under --require-tools
  if [ "$require_tools" = true ]; then
    echo "  $1 is not installed, and --require-tools was given" >&2
    exit 1
  fi
  echo "  skipped: $1 is not installed"
}

deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$deploy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
if [ -z "$python" ]; then
  echo "check.sh: needs a python3 with PyYAML (Debian: apt-get install python3-yaml)" >&2
  exit 1
fi

echo "== parse YAML and JSON"
"$python" - <<'PY'
import json, pathlib, sys, yaml
failed = False
count = 0
for path in sorted(pathlib.Path(".").rglob("*")):
    if path.suffix in (".yaml", ".yml"):
        try:
            list(yaml.safe_load_all(path.read_text()))
        except yaml.YAMLError as e:
            print(f"  {path}: {e}"); failed = True
        count += 1
    elif path.suffix == ".json":
        try:
            json.loads(path.read_text())
        except ValueError as e:
            print(f"  {path}: {e}"); failed = True
        count += 1
print(f"  {count} files")
sys.exit(1 if failed else 0)
PY

echo "== generated files are up to date"
"$python" prometheus/generate.py --check
"$python" grafana/dashboards.py --check
echo "  prometheus/prometheusrule.yaml, grafana/dashboards/*.json"

echo "== kustomize build"
if command -v kustomize >/dev/null 2>&1; then
  build=(kustomize build)
elif command -v kubectl >/dev/null 2>&1; then
  build=(kubectl kustomize)
else
  build=()
  missing "kustomize (or kubectl)"
fi
if [ ${#build[@]} -gt 0 ]; then
  for kustomization in k8s/base k8s/overlays/local k8s/overlays/gpu-cluster; do
    rendered="$work/$(basename "$kustomization").yaml"
    if ! "${build[@]}" "$kustomization" > "$rendered"; then
      echo "  ${build[*]} $kustomization failed (kustomize v4 or newer is needed: kubectl 1.21+)" >&2
      exit 1
    fi
    echo "  $kustomization: $(grep -c '^kind:' "$rendered") objects"
    if [ "$kustomization" != k8s/base ]; then
      "$python" k8s/kafka-security.py "$rendered"
    fi
  done
  "$python" k8s/check_rendered.py "$work"
fi

echo "== promtool"
if command -v promtool >/dev/null 2>&1; then
  promtool check rules prometheus/mnemo-rules.yaml >/dev/null
  promtool check config prometheus/prometheus-local.yml >/dev/null
  promtool test rules prometheus/tests/mnemo-rules.test.yaml >/dev/null
  echo "  rules, unit tests and prometheus-local.yml pass"
  # Every dashboard query, with Grafana's variables filled in, as a recording rule that promtool parses.
  queries="$work/dashboard-queries.yaml"
  "$python" - "$queries" <<'PY'
import json, pathlib, sys, yaml
rules = []
for path in sorted(pathlib.Path("grafana/dashboards").glob("*.json")):
    for panel in json.loads(path.read_text())["panels"]:
        for target in panel.get("targets", []):
            expr = (target["expr"].replace("$__rate_interval", "2m").replace("$__range", "6h")
                    .replace("$namespace", ".*"))
            rules.append({"record": f"dashboard:{path.stem.replace('-', '_')}:{panel['id']}{target['refId']}",
                          "expr": expr})
pathlib.Path(sys.argv[1]).write_text(yaml.safe_dump({"groups": [{"name": "dashboards", "rules": rules}]}))
print(f"  {len(rules)} dashboard queries")
PY
  promtool check rules "$queries" >/dev/null
  echo "  dashboard queries parse"
else
  missing "promtool (Debian: apt-get install prometheus)"
fi

echo "deploy/ checks passed"
