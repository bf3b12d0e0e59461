#!/bin/sh
# The image's entry point: bring the schema to head, then run the command (default
# `corroborate serve`). With several replicas, let one migration job do it and set
# CLAIMS_MIGRATE_ON_START=false on the replicas (see compose.yaml and docs/deploy.md).
set -eu

case "${CLAIMS_MIGRATE_ON_START:-true}" in
  true | 1 | yes) corroborate migrate ;;
  false | 0 | no) ;;
  *)
    echo "docker-entrypoint: CLAIMS_MIGRATE_ON_START must be true or false, not '${CLAIMS_MIGRATE_ON_START}'" >&2
    exit 64
    ;;
esac

exec "$@"
