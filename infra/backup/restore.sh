#!/usr/bin/env bash
# Loads a backup made by backup.sh into an EMPTY database; refuses a database that has any
# table, view, sequence, function or schema of its own (docs/operations.md "Restore").
#
#   restore.sh --list                  list the backups under BACKUP_S3_URI, oldest first
#   restore.sh --latest                restore the newest backup under BACKUP_S3_URI
#   restore.sh s3://bucket/key.dump    restore that object
#   restore.sh ./file.dump             restore a local file
#
#   RESTORE_DATABASE_URL  the empty target database (required; deliberately not DATABASE_URL)
#   BACKUP_S3_URI         s3://bucket/prefix, for --list and --latest
#
# The whole restore runs in one transaction: it lands completely or not at all.
set -Eeuo pipefail

log() {
  printf '{"time":"%s","level":"%s","msg":"%s"%s}\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" "${3:+,$3}" >&2
}

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

list_backups() {
  : "${BACKUP_S3_URI:?BACKUP_S3_URI is required for --list and --latest (s3://bucket/prefix)}"
  local bucket="${BACKUP_S3_URI#s3://}"
  bucket="${bucket%%/*}"
  # Keys embed the UTC time (YYYY/MM/DD/…-YYYYMMDDTHHMMSSZ.dump): name order is time order.
  aws s3 ls --recursive "${BACKUP_S3_URI%/}/" |
    awk '{ print $4 }' | grep '\.dump$' | sort | sed "s|^|s3://${bucket}/|"
}

[ $# -eq 1 ] || usage
case "$1" in
  --list)
    list_backups
    exit 0
    ;;
  --latest)
    source="$(list_backups | tail -n 1)"
    if [ -z "$source" ]; then
      log error "no backup found under ${BACKUP_S3_URI}"
      exit 1
    fi
    ;;
  -h | --help) usage ;;
  -*) usage ;;
  *) source="$1" ;;
esac

: "${RESTORE_DATABASE_URL:?RESTORE_DATABASE_URL is required: the EMPTY database to restore into}"

psql_value() {
  psql --no-psqlrc --quiet --tuples-only --no-align -v ON_ERROR_STOP=1 \
    --dbname="$RESTORE_DATABASE_URL" --command="$1"
}

# Objects of its own in the target: relations, functions and schemas beyond the defaults.
objects=$(psql_value "
  select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname not in ('pg_catalog', 'information_schema')
             and n.nspname !~ '^pg_(toast|temp)')
       + (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname not in ('pg_catalog', 'information_schema')
             and n.nspname !~ '^pg_(toast|temp)')
       + (select count(*) from pg_namespace
           where nspname not in ('public', 'pg_catalog', 'information_schema')
             and nspname !~ '^pg_(toast|temp)')")
if [ "$objects" != "0" ]; then
  log error "refusing to restore: the target database is not empty" \
    "\"objects\":${objects},\"source\":\"${source}\""
  exit 3
fi

log info "restore started" "\"source\":\"${source}\""
started=$(date +%s)
restore=(pg_restore --no-owner --no-privileges --exit-on-error --single-transaction
  --dbname="$RESTORE_DATABASE_URL")
case "$source" in
  s3://*) aws s3 cp --only-show-errors "$source" - | "${restore[@]}" ;;
  *)
    if [ ! -f "$source" ]; then
      log error "no such backup file: ${source}"
      exit 1
    fi
    "${restore[@]}" "$source"
    ;;
esac

# What landed: the number of tables and the latest migration (when the app's table exists).
tables=$(psql_value "select count(*) from pg_tables where schemaname = 'public'")
migration=$(psql_value "select coalesce(max(migration_id)::text, 'none') from migrations" \
  2>/dev/null || echo none)
log info "restore done" \
  "\"source\":\"${source}\",\"tables\":${tables},\"migration\":\"${migration}\",\"seconds\":$(($(date +%s) - started))"
