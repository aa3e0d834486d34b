#!/usr/bin/env bash
# Builds the service images from each module's target/quarkus-app:
#   mnemo/data-service, mnemo/trainer-service, mnemo/eval-service   :<version>
#   mnemo/results-service:<version>      built with MNEMO_DB_KIND=postgresql (the database kind is fixed at build time)
#   mnemo/results-service:<version>-h2   the embedded H2 default, for deploy/k8s/overlays/local
# Usage: deploy/docker/build-images.sh [version]     (DOCKER=podman to use podman; version defaults to 0.1.0)
# results-service is packaged three times; the last package is the H2 default again, so target/ is left as
# `./mnemo up` expects it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
version="${1:-0.1.0}"
docker="${DOCKER:-docker}"
dockerfile=deploy/docker/Dockerfile.jvm

image() { # image <module> <tag>
  echo "building $2 from $1/target/quarkus-app" >&2
  DOCKER_BUILDKIT=1 "$docker" build --platform linux/amd64 -f "$dockerfile" -t "$2" "$1"
}

env -u MNEMO_DB_KIND ./mvnw -B -q -DskipTests install
for service in data-service trainer-service eval-service; do
  image "$service" "mnemo/$service:$version"
done

MNEMO_DB_KIND=postgresql ./mvnw -B -q -DskipTests -pl results-service package
image results-service "mnemo/results-service:$version"

env -u MNEMO_DB_KIND ./mvnw -B -q -DskipTests -pl results-service package
image results-service "mnemo/results-service:$version-h2"
