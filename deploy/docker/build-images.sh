#!/usr/bin/env bash
# Builds the images from each module's packaged output:
#   mnemo/data-service, mnemo/trainer-service, mnemo/eval-service   :<version>   (CPU libtorch from Maven)
#   mnemo/results-service:<version>      built with MNEMO_DB_KIND=postgresql (the database kind is fixed at build time)
#   mnemo/results-service:<version>-h2   the embedded H2 default, for deploy/k8s/overlays/local
#   mnemo/cli:<version>                  the mnemo command (the model-import Job runs it)
# and with --gpu also, for deploy/k8s/overlays/gpu-cluster:
#   mnemo/trainer-service:<version>-gpu, mnemo/eval-service:<version>-gpu   (Dockerfile.gpu: CUDA libtorch baked in;
#                                                                            the build downloads it, so needs network)
# Usage: deploy/docker/build-images.sh [--gpu] [version]   (DOCKER=podman to use podman; version defaults to 0.1.0)
# Modules packaged for another variant (results-service for PostgreSQL, trainer and eval without the CPU libtorch)
# are packaged again with the defaults at the end, so target/ is left as `./mnemo up` expects it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
gpu=false
if [ "${1:-}" = "--gpu" ]; then
  gpu=true
  shift
fi
version="${1:-0.1.0}"
docker="${DOCKER:-docker}"

image() { # image <dockerfile> <context> <tag>
  echo "building $3 from $2 with $1" >&2
  DOCKER_BUILDKIT=1 "$docker" build --platform linux/amd64 -f "deploy/docker/$1" -t "$3" "$2"
}

env -u MNEMO_DB_KIND ./mvnw -B -q -DskipTests install
for service in data-service trainer-service eval-service; do
  image Dockerfile.jvm "$service" "mnemo/$service:$version"
done
image Dockerfile.cli cli "mnemo/cli:$version"

MNEMO_DB_KIND=postgresql ./mvnw -B -q -DskipTests -pl results-service package
image Dockerfile.jvm results-service "mnemo/results-service:$version"

env -u MNEMO_DB_KIND ./mvnw -B -q -DskipTests -pl results-service package
image Dockerfile.jvm results-service "mnemo/results-service:$version-h2"

if [ "$gpu" = true ]; then
  ./mvnw -B -q -Dmnemo.gpu -DskipTests -pl trainer-service,eval-service -am package
  for service in trainer-service eval-service; do
    image Dockerfile.gpu "$service" "mnemo/$service:$version-gpu"
  done
  ./mvnw -B -q -DskipTests -pl trainer-service,eval-service -am package
fi
