#!/usr/bin/env bash
# Reproduces the recorded CPU search of docs/results/cpu-study.md from a clone: the English corpus, the two
# pretrained bases (short and long), then every s*.yaml of this folder on a private local stack, each one's
# comparison and logit lens written beside its spec as s*.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
./mnemo corpus
[ -f .mnemo/models/small-english-short/config.json ] || ./mnemo pretrain --name small-english-short --steps 300
[ -f .mnemo/models/small-english/config.json ] || ./mnemo pretrain --name small-english --steps 2500
./mnemo run docs/results/cpu-search/s*.yaml --out docs/results/cpu-search
