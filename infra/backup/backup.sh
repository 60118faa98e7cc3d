#!/usr/bin/env bash
# Logical backup of the reader's database to S3 (the nightly CronJob runs it; so can you).
#
#   DATABASE_URL          postgres://user:password@host:5432/db (required)
#   BACKUP_S3_URI         s3://bucket/prefix (required)
#   BACKUP_SSE            server-side encryption to request (AES256 or aws:kms); default: the
#                         bucket's default encryption (aws:kms in infra/terraform)
#   BACKUP_EXPECTED_SIZE  size hint in bytes for dumps over ~50 GB (multipart part size)
#
# Streams `pg_dump --format=custom` to s3://bucket/prefix/YYYY/MM/DD/whatsapp-reader-<UTC>.dump
# through a `.partial` object that is renamed only after pg_dump and the upload both succeeded,
# so a listed .dump is always complete. AWS credentials come from the usual chain (IRSA in
# Kubernetes). Logs are JSON lines on stderr. Restore with restore.sh.
set -Eeuo pipefail

log() {
  printf '{"time":"%s","level":"%s","msg":"%s"%s}\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" "${3:+,$3}" >&2
}

: "${DATABASE_URL:?DATABASE_URL is required (postgres://user:password@host:5432/db)}"
: "${BACKUP_S3_URI:?BACKUP_S3_URI is required (s3://bucket/prefix)}"
case "$BACKUP_S3_URI" in
  s3://?*) ;;
  *)
    log error "BACKUP_S3_URI: expected s3://bucket/prefix, got '$BACKUP_S3_URI'"
    exit 2
    ;;
esac

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
key="${BACKUP_S3_URI%/}/$(date -u +%Y/%m/%d)/whatsapp-reader-${stamp}.dump"
partial="${key}.partial"

upload_options=(--only-show-errors)
if [ -n "${BACKUP_SSE:-}" ]; then
  upload_options+=(--sse "$BACKUP_SSE")
fi
expected=()
if [ -n "${BACKUP_EXPECTED_SIZE:-}" ]; then
  expected=(--expected-size "$BACKUP_EXPECTED_SIZE")
fi

on_error() {
  log error "backup failed" "\"object\":\"$key\""
  aws s3 rm --only-show-errors "$partial" >/dev/null 2>&1 || true
}
trap on_error ERR

started=$(date +%s)
log info "backup started" "\"object\":\"$key\""
pg_dump --format=custom --no-owner --no-privileges --lock-wait-timeout=5min \
  --dbname="$DATABASE_URL" |
  aws s3 cp "${upload_options[@]}" "${expected[@]}" - "$partial"
# A dump of 8 MB or more is renamed by a multipart copy: the CLI's default --copy-props would
# read the .partial's tags (s3:GetObjectTagging, not granted to the backup role) and fail.
aws s3 mv "${upload_options[@]}" --copy-props none "$partial" "$key"

size=$(aws s3 ls "$key" | awk 'NR == 1 { print $3 }')
log info "backup done" \
  "\"object\":\"$key\",\"bytes\":${size:-0},\"seconds\":$(($(date +%s) - started))"
