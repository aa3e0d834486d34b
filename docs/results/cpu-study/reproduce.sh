#!/usr/bin/env bash
# Reproduces docs/results/cpu-study.md from a clone: the English corpus, the pretrained base, then the study on a
# private local stack, its comparison (with each method's difference to naive) and logit lens written to
# docs/results/cpu-study/study.json and study-passages.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
./mnemo corpus
[ -f .mnemo/models/small-english/config.json ] || ./mnemo pretrain --name small-english --steps 2500
./mnemo run docs/results/cpu-study/study.yaml docs/results/cpu-study/study-passages.yaml --out docs/results/cpu-study
