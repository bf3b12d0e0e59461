#!/usr/bin/env bash
# Makes sure a Redis server is reachable for the rate-limit tests and prints
# `export CLAIMS_TEST_REDIS_URL=...` on stdout (logs go to stderr). In order it tries:
#   1. CLAIMS_TEST_REDIS_URL if already set;
#   2. the machine's server on 127.0.0.1:6379;
#   3. a throwaway redis-server (no persistence) on a free port, stopped when the machine
#      reboots or by `kill $(cat /tmp/corroborate-redis/pid)`.
# If none works it prints nothing: the Redis tests then skip, or fail when
# CLAIMS_TEST_REQUIRE_REDIS=1 (CI).
set -uo pipefail
log() { echo "ensure-redis: $*" >&2; }

reachable() {  # host port
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h "$1" -p "$2" ping 2>/dev/null)" = "PONG" ]
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

if [ -n "${CLAIMS_TEST_REDIS_URL:-}" ]; then
  log "using CLAIMS_TEST_REDIS_URL as given"
  echo "export CLAIMS_TEST_REDIS_URL='${CLAIMS_TEST_REDIS_URL}'"
  exit 0
fi

if reachable 127.0.0.1 6379; then
  log "Redis is running on 127.0.0.1:6379"
  echo "export CLAIMS_TEST_REDIS_URL='redis://127.0.0.1:6379/0'"
  exit 0
fi

dir=/tmp/corroborate-redis
if [ -f "${dir}/port" ] && reachable 127.0.0.1 "$(cat "${dir}/port")"; then
  echo "export CLAIMS_TEST_REDIS_URL='redis://127.0.0.1:$(cat "${dir}/port")/0'"
  exit 0
fi

if command -v redis-server >/dev/null 2>&1; then
  mkdir -p "${dir}"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  log "starting a throwaway redis-server on 127.0.0.1:${port}"
  redis-server --bind 127.0.0.1 --port "${port}" --save '' --appendonly no --daemonize yes \
    --pidfile "${dir}/pid" --logfile "${dir}/log" --dir "${dir}" >&2
  for _ in $(seq 1 30); do
    if reachable 127.0.0.1 "${port}"; then
      echo "${port}" > "${dir}/port"
      echo "export CLAIMS_TEST_REDIS_URL='redis://127.0.0.1:${port}/0'"
      exit 0
    fi
    sleep 0.2
  done
  log "redis-server did not start; see ${dir}/log"
fi

log "no Redis available (install the redis-server package to run the Redis tests)"
exit 0
