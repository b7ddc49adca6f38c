#!/usr/bin/env bash
# run-postgres.sh — Disclosure Desk on PostgreSQL, in one command.
#
# Usage: scripts/run-postgres.sh [--demo]
#
# 1. PostgreSQL: installed from Debian's packages when missing (apt-get install postgresql, needs root), a cluster of
#    its own in ./data/postgres (scripts/postgres-local.sh: port 55432 or the next free one, on 127.0.0.1 only),
#    with the role disclosure_desk and its database; the password is generated once and kept in
#    ./data/postgres/app.env (mode 0600; ./data is ignored by git).
# 2. Secrets of the application, from the environment or generated once into ./data/run-postgres.env (mode 0600):
#    DISCLOSURE_DESK_DISCLOSURE_ENCRYPTION_KEY (AES-256 key of the disclosure packages) and, without --demo, the
#    first administrator CAMUNDA_BPM_ADMINUSER_ID (default admin) / CAMUNDA_BPM_ADMINUSER_PASSWORD, created by the
#    engine on the first start only (sign in, then create the staff and intake accounts in Camunda Admin).
# 3. The application in the foreground (mvn spring-boot:run, JVM options of scripts/jvm.options) on http://localhost:${PORT:-8080}, profile
#    "postgres": no demo users, no demo data. With --demo: profiles "demo,postgres" on the separate database
#    disclosure_desk_demo, with the demo users (user = password) and demo subscriber data of the embedded default.
#
# Ctrl-C stops the application, then PostgreSQL (KEEP_POSTGRES=1 leaves it running: scripts/postgres-local.sh stop).
# Settings: PORT (HTTP port, default 8080), PG_LOCAL_DIR, PG_LOCAL_PORT (see scripts/postgres-local.sh),
# DISCLOSURE_DESK_NODE_ID. Two nodes on one database: scripts/cluster.sh. Details: docs/postgresql.md.
set -euo pipefail

cd "$(dirname "$0")/.."
DEMO=0
case "${1:-}" in
  --demo) DEMO=1 ;;
  "") ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

export PG_LOCAL_DIR="${PG_LOCAL_DIR:-./data/postgres}"
scripts/postgres-local.sh start >/dev/null
eval "$(scripts/postgres-local.sh env)"
if [ "$DEMO" = 1 ]; then
  DISCLOSURE_DESK_DB_URL="$(scripts/postgres-local.sh createdb disclosure_desk_demo)"
  export DISCLOSURE_DESK_DB_URL
  PROFILES="demo,postgres"
else
  PROFILES="postgres"
fi

SECRETS="./data/run-postgres.env"
if [ "$DEMO" = 0 ]; then
  if [ ! -f "$SECRETS" ]; then
    mkdir -p ./data
    (umask 077
     {
       echo "DISCLOSURE_DESK_DISCLOSURE_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)"
       echo "CAMUNDA_BPM_ADMINUSER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
     } > "$SECRETS")
    echo "run-postgres: generated the encryption key and the first administrator's password into $SECRETS" >&2
  fi
  # values given in the environment win over the file
  while read -r line; do
    name="${line%%=*}"
    [ -n "$name" ] && [ "$name" != "$line" ] || continue
    if [ -z "${!name:-}" ]; then
      export "$name=${line#*=}"
    fi
  done < "$SECRETS"
  export CAMUNDA_BPM_ADMINUSER_ID="${CAMUNDA_BPM_ADMINUSER_ID:-admin}"
  echo "run-postgres: administrator $CAMUNDA_BPM_ADMINUSER_ID, password in $SECRETS (created on the first start only)" >&2
fi

stop_postgres() {
  if [ "${KEEP_POSTGRES:-0}" != "1" ]; then
    scripts/postgres-local.sh stop
  fi
}
trap stop_postgres EXIT

echo "run-postgres: profiles $PROFILES, database $DISCLOSURE_DESK_DB_URL, http://localhost:${PORT:-8080}" >&2
mvn -B -q spring-boot:run -Dspring-boot.run.profiles="$PROFILES" \
    -Dspring-boot.run.jvmArguments="@$(pwd)/scripts/jvm.options"
