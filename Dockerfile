# Corroborate as a container image: wheels are built in one stage and installed into a virtual
# environment that a slim runtime stage copies, so no compiler, cache or source tree ships.
#
#   docker build -t corroborate .
#   docker run -p 8000:8000 -v corroborate-data:/data corroborate     # SQLite under /data
#   docker run -e CLAIMS_DATABASE_URL=postgresql+psycopg://... corroborate
#
# The entry point runs `corroborate migrate`, then `corroborate serve`; see docs/deploy.md.

FROM python:3.11-slim-bookworm AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

WORKDIR /src
# wheelhouse/ is empty in the repository. Where pip inside a build cannot reach the index (CI,
# air-gapped builders), fill it on the host first (`pip wheel -w wheelhouse . hatchling`) and the
# install below uses only those wheels.
COPY wheelhouse/ /wheelhouse/
COPY pyproject.toml README.md ./
COPY migrations/ migrations/
COPY app/ app/
COPY requirements/ requirements/

# pip compiles the bytecode as it installs: it ships in the image, so that a container (whose
# file system may be read-only) starts without compiling every module again.
RUN python3 -m venv /opt/corroborate \
    && if ls /wheelhouse/*.whl >/dev/null 2>&1; then \
           set -- --no-index --find-links /wheelhouse; \
       fi \
    && /opt/corroborate/bin/pip install --no-cache-dir "$@" /src \
    && /opt/corroborate/bin/pip install --no-cache-dir "$@" --no-deps --require-hashes \
        -r requirements/spacy-model.txt \
    && /opt/corroborate/bin/pip uninstall --yes pip setuptools


FROM python:3.11-slim-bookworm AS runtime

# A fixed, unprivileged uid/gid so volume ownership and Kubernetes' runAsNonRoot can rely on it.
RUN groupadd --gid 10001 corroborate \
    && useradd --uid 10001 --gid corroborate --home-dir /data --no-create-home --no-log-init \
        --shell /usr/sbin/nologin corroborate \
    && mkdir /data \
    && chown corroborate:corroborate /data

COPY --from=build /opt/corroborate /opt/corroborate
COPY deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint

# Only non-secret defaults: a database password belongs in CLAIMS_DATABASE_URL at run time.
ENV PATH=/opt/corroborate/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    CLAIMS_DATABASE_URL=sqlite:////data/corroborate.db \
    CLAIMS_HOST=0.0.0.0 \
    CLAIMS_PORT=8000

WORKDIR /data
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('CLAIMS_PORT', '8000') + '/healthz', timeout=2)"]

ENTRYPOINT ["docker-entrypoint"]
CMD ["corroborate", "serve"]
