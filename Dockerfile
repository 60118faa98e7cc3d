# syntax=docker/dockerfile:1.7
#
# One image for every process of the reader: the web app (default CMD), the import worker,
# the migration job and the Redis REST bridge differ only by command (docs/operations.md).
# A second target, `backup`, carries pg_dump and the AWS CLI for the nightly backup CronJob.
#
#   docker build -t whatsapp-reader .                                 # the app image
#   docker build --target backup -t whatsapp-reader-backup .          # the backup image
#
# Deno comes from the official denoland/deno `bin-<version>` image: a scratch image holding
# only the release binary, so no Node/npm toolchain is pulled into any stage. It is the same
# 2.9.6 binary that `npm install deno@2.9.6` gives developers and CI (tests/infra checks the
# version below equals the Deno running the tests).

ARG DENO_VERSION=2.9.6
ARG DEBIAN_RELEASE=trixie
ARG PG_MAJOR=17

FROM denoland/deno:bin-${DENO_VERSION} AS deno

# ---- build: dependencies cached from deno.json + deno.lock, then the sources --------------
FROM debian:${DEBIAN_RELEASE}-slim AS build
COPY --from=deno /deno /usr/local/bin/deno
ENV DENO_DIR=/deno-dir \
    DENO_NO_UPDATE_CHECK=1 \
    DENO_NO_PROMPT=1
WORKDIR /app
# This layer is rebuilt only when the dependency set changes. embedded-postgres' install
# script is not allowed: containers always get DATABASE_URL, so it is never started.
COPY deno.json deno.lock ./
RUN deno install --frozen
COPY . .
# Every entry point's module graph must resolve from the cache (fails the build, not a pod).
RUN deno install --frozen --entrypoint main.ts worker/main.ts lib/db/migrate_cli.ts \
      infra/redis_rest/main.ts
# Islands bundle (static/build/), when the project defines a `build` task.
RUN if grep -q '"build":' deno.json; then deno task build; fi

# ---- backup: pg_dump/pg_restore of the server's major version + AWS CLI -------------------
# Bookworm: Debian's awscli (v2) is not in trixie. The postgres image brings client tools of
# exactly PG_MAJOR, which must be >= the server's (RDS and compose run PG_MAJOR).
FROM postgres:${PG_MAJOR}-bookworm AS backup
RUN apt-get update \
 && apt-get install -y --no-install-recommends awscli \
 && rm -rf /var/lib/apt/lists/*
COPY --chmod=0755 infra/backup/backup.sh /usr/local/bin/backup.sh
COPY --chmod=0755 infra/backup/restore.sh /usr/local/bin/restore.sh
USER postgres
ENTRYPOINT []
CMD ["/usr/local/bin/backup.sh"]

# ---- app (the default target, last): web, worker, migrations, Redis REST bridge ----------
FROM debian:${DEBIAN_RELEASE}-slim AS app
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin app
COPY --from=deno /deno /usr/local/bin/deno
ENV DENO_DIR=/deno-dir \
    DENO_NO_UPDATE_CHECK=1 \
    DENO_NO_PROMPT=1
WORKDIR /app
# Code, node_modules and the Deno cache stay owned by root: the app user can read, not write,
# so the pods run with a read-only root filesystem.
COPY --from=build /deno-dir /deno-dir
COPY --from=build /app /app
# Part of every ETag: must change with each deployment and be the same on every replica. CI
# passes the commit (`--build-arg BUILD_ID=sha-…`); empty = a random id per process. Declared
# after the big layers, so a new commit does not rebuild them.
ARG BUILD_ID=""
ENV BUILD_ID=${BUILD_ID}
USER 10001:10001
# 8000 web (PORT), 9000 worker health/metrics (WORKER_PORT), 8079 Redis REST bridge.
EXPOSE 8000 9000 8079
# The web app's liveness; the worker and the bridge override it (compose) or use probes (k8s).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["deno", "eval", "const r = await fetch(`http://127.0.0.1:${Deno.env.get('PORT') || 8000}/health`, { signal: AbortSignal.timeout(4000) }); Deno.exit(r.ok ? 0 : 1)"]
CMD ["deno", "run", "-A", "--cached-only", "main.ts"]
