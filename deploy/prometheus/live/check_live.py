#!/usr/bin/env python3
"""Evaluates every query of every Grafana dashboard and every rule of mnemo-rules.yaml through a live Prometheus'
HTTP API and fails on each query that returns no series. Run by check-live.sh, which starts the stack and
Prometheus; alone: check_live.py --url http://127.0.0.1:9090.

The rule for queries that have no series when nothing is wrong (docs/operations.md, "Checking the dashboards and
rules against a live Prometheus"):
- An alert's expression is empty while it does not fire. It is checked as its underlying expression: every operand
  of a top-level and/or/unless, with comparisons against a constant removed and absent(...) unwrapped, and with the
  outcome matcher removed where it selects only failure outcomes (failed, malformed), which a healthy run does not
  produce. Each operand must return series.
- A dashboard query must return series as written (a time-series panel's as a range query over the whole check,
  as Grafana runs it; a stat's at the end), except that the same failure-outcome matchers are dropped
  when it is empty (the panels that count skipped or failed records).
- Queries on kafka_consumergroup_lag need Strimzi's Kafka Exporter, which the local stack does not have: they are
  listed as skipped, never silently passed.
"""
import argparse
import json
import pathlib
import re
import sys
import time
import urllib.parse
import urllib.request

import yaml

HERE = pathlib.Path(__file__).resolve().parent
DASHBOARDS = HERE.parent.parent / "grafana" / "dashboards"
RULES = HERE.parent / "mnemo-rules.yaml"
NEEDS_EXPORTER = "kafka_consumergroup_lag"
# Grafana's variables, as the check evaluates them: every namespace and experiment, a one-hour range.
VARIABLES = {"$__rate_interval": "1m", "$__interval": "30s", "$__range": "1h", "$namespace": ".*",
             "$experiment": ".*"}
FAILURE_OUTCOME = re.compile(r',?\s*outcome=~?"(?:~?)(?:failed|malformed|failed\|malformed)"')
THRESHOLD = re.compile(r"\s*(?:==|!=|>=|<=|>|<)\s*-?[0-9.]+(?:e-?[0-9]+)?(?=\s*(?:\)|$|\band\b|\bor\b|\bunless\b))")


def query(url, expr, since=None):
    """An instant query now; with since (epoch seconds), a range query from then to now, as a time-series panel."""
    now = time.time()
    params = {"query": expr} if since is None else {"query": expr, "start": since, "end": now, "step": 2}
    path = "/api/v1/query" if since is None else "/api/v1/query_range"
    data = urllib.parse.urlencode(params).encode()
    with urllib.request.urlopen(url + path, data=data, timeout=30) as response:
        body = json.load(response)
    if body.get("status") != "success":
        raise RuntimeError(body.get("error", body))
    result = body["data"]["result"]
    return len(result) if isinstance(result, list) else 1


def expand(expr):
    for name, value in VARIABLES.items():
        expr = expr.replace(name, value)
    return expr


def top_level_operands(expr):
    """Splits at and/or/unless (with an optional on(...)/ignoring(...)) outside brackets."""
    parts, depth, start, i = [], 0, 0, 0
    tokens = re.compile(r"\b(and|or|unless)\b(\s+(?:on|ignoring)\s*\([^)]*\))?")
    while i < len(expr):
        c = expr[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0:
            m = tokens.match(expr, i)
            if m and (i == 0 or not (expr[i - 1].isalnum() or expr[i - 1] == "_")):
                parts.append(expr[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(expr[start:])
    return [p.strip() for p in parts if p.strip()]


def underlying(expr):
    operands = []
    for operand in top_level_operands(expr):
        operand = THRESHOLD.sub("", operand).strip()
        absent = re.fullmatch(r"absent\((.*)\)", operand, re.S)
        if absent:
            operand = THRESHOLD.sub("", absent.group(1)).strip()
        operands.append(FAILURE_OUTCOME.sub("", operand).replace("{, ", "{"))
    return operands


def dashboard_queries():
    for path in sorted(DASHBOARDS.glob("*.json")):
        board = json.loads(path.read_text())
        panels = list(board["panels"])
        for panel in panels:
            panels.extend(panel.get("panels", []))
            for target in panel.get("targets", []):
                yield (f"{board['uid']} / {panel['title']} / {target['refId']}", target["expr"],
                       target.get("range", False))
        for variable in board["templating"]["list"]:
            found = re.fullmatch(r"label_values\((.*), (\w+)\)", variable.get("query", "") or "")
            if found:
                yield f"{board['uid']} / variable {variable['name']}", found.group(1), False


def rules():
    for group in yaml.safe_load(RULES.read_text())["groups"]:
        for rule in group["rules"]:
            yield rule.get("alert") or rule.get("record"), rule["expr"], "alert" in rule


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:9090")
    parser.add_argument("--since", type=float, help="epoch seconds: time-series panels are range queries from then")
    args = parser.parse_args()
    url = args.url
    failures, skipped, checked = [], [], 0

    def check(name, expr, fallback, since=None):
        nonlocal checked
        expr = expand(expr)
        if NEEDS_EXPORTER in expr:
            skipped.append(name)
            return
        checked += 1
        try:
            if query(url, expr, since) > 0:
                return
            for alternative in fallback(expr):
                if query(url, alternative, since) == 0:
                    failures.append(f"{name}: no series for {alternative}")
                    return
            if not fallback(expr):
                failures.append(f"{name}: no series for {expr}")
        except Exception as e:  # a query Prometheus rejects is a failure too
            failures.append(f"{name}: {e}")

    for name, expr, ranged in dashboard_queries():
        check(name, expr, lambda e: [FAILURE_OUTCOME.sub("", e).replace("{, ", "{")] if FAILURE_OUTCOME.search(e)
              else [], args.since if ranged else None)
    for name, expr, alert in rules():
        check(f"rule {name}", expr, underlying if alert else (lambda e: []))

    for name in skipped:
        print(f"skipped (needs Strimzi's Kafka Exporter): {name}")
    for failure in failures:
        print(f"NO SERIES: {failure}", file=sys.stderr)
    print(f"{checked} queries checked, {len(failures)} without series, {len(skipped)} skipped")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
