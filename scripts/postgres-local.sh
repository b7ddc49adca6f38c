#!/usr/bin/env bash
# postgres-local.sh — a local PostgreSQL cluster that this script owns, in a directory of your choice.
#
# Usage: scripts/postgres-local.sh start|stop|status|url|env|createdb NAME...|dropdb NAME...|psql [ARGS]|destroy
#
#   start          install PostgreSQL from Debian's packages when missing (apt-get install postgresql, as root),
#                  create the cluster in $PG_LOCAL_DIR when it does not exist yet (initdb, the application's role
#                  and database), start it when it is not running, wait until it accepts connections, and print
#                  the JDBC URL on stdout (all other output goes to stderr). Idempotent.
#   stop           stop the cluster (fast shutdown); nothing happens when it is not running.
#   status         "running <JDBC URL>" (exit 0) or "stopped" (exit 3) or "absent" (exit 4).
#   url            print the JDBC URL, e.g. jdbc:postgresql://127.0.0.1:55432/disclosure_desk
#   env            print the settings the application reads, ready for eval:
#                    DISCLOSURE_DESK_DB_URL=... DISCLOSURE_DESK_DB_USER=... DISCLOSURE_DESK_DB_PASSWORD=...
#                  (eval "$(scripts/postgres-local.sh env)" exports them; also PG_LOCAL_PORT, PG_LOCAL_DB, ...)
#   createdb NAME...  create more databases owned by the application's role (no-op for those that exist),
#                  print their JDBC URLs, one a line. Same role and password as the main database.
#   dropdb NAME... drop these databases (those that exist), even with open connections.
#   psql [ARGS]    psql as the cluster's superuser over the cluster's private socket (e.g. psql -d disclosure_desk).
#   destroy        stop the cluster and delete $PG_LOCAL_DIR (only a directory this script created).
#
# Settings (environment variables; all optional):
#   PG_LOCAL_DIR       directory of the cluster (default ./data/postgres, relative to the current directory).
#                      Holds pgdata/ (the cluster, owned by the server's OS user, mode 0700; its log is
#                      pgdata/server.log and its Unix socket lives there too) and app.env (port, database, role,
#                      password; mode 0600).
#   PG_LOCAL_PORT      TCP port on 127.0.0.1 (default: the port the cluster already has, else the first free port
#                      from 55432 up). The server listens on 127.0.0.1 only.
#   PG_LOCAL_DB        database of the application (default disclosure_desk)
#   PG_LOCAL_USER      role of the application (default disclosure_desk; owns the database, no superuser)
#   PG_LOCAL_PASSWORD  its password (default: generated at creation, kept in app.env; never committed)
#   PG_LOCAL_FAST      1 = throwaway cluster for tests: fsync, synchronous_commit and full_page_writes off
#                      (a crash of the machine may lose the cluster; never for data you keep). Read at creation.
#   PG_LOCAL_BIN       directory of initdb/pg_ctl (default: newest /usr/lib/postgresql/*/bin)
#
# PostgreSQL refuses to run as root. Run as root, this script runs the server as the OS user "postgres" (created
# by Debian's package); when that user cannot reach PG_LOCAL_DIR (a checkout under /root, say), the cluster's data
# goes to /var/tmp/postgres-local-<hash>/pgdata and PG_LOCAL_DIR/pgdata links to it. Run as another user, the
# server runs as that user. The cluster is independent of Debian's own clusters (pg_lsclusters): after installing
# the package, a "main" cluster the installation started is stopped again.
#
# Authentication: TCP on 127.0.0.1 with a password (scram-sha-256) for everyone; the superuser (named after the
# server's OS user) only through the Unix socket inside pgdata/, which only that OS user (and root) can reach.
#
# Examples:
#   scripts/postgres-local.sh start                                   # ./data/postgres, prints the URL
#   PG_LOCAL_DIR=target/pg PG_LOCAL_FAST=1 scripts/postgres-local.sh start
#   eval "$(PG_LOCAL_DIR=target/pg scripts/postgres-local.sh env)"; echo "$DISCLOSURE_DESK_DB_URL"
#   PG_LOCAL_DIR=target/pg scripts/postgres-local.sh createdb bench_h1
#   PG_LOCAL_DIR=target/pg scripts/postgres-local.sh destroy
set -euo pipefail

DIR="$(realpath -m "${PG_LOCAL_DIR:-./data/postgres}")"
PGDATA_DIR="$DIR/pgdata"
# pgdata is a link when the server's OS user cannot reach $DIR (see init_cluster)
if [ -L "$PGDATA_DIR" ]; then
  PGDATA_DIR="$(readlink -f "$PGDATA_DIR")"
fi
STATE="$DIR/app.env"
MARKER="$DIR/.postgres-local"
DEFAULT_DB="disclosure_desk"
DEFAULT_USER="disclosure_desk"

log() { echo "postgres-local: $*" >&2; }
die() { echo "postgres-local: $*" >&2; exit 1; }

# --- the server's OS user -------------------------------------------------------------------------------------------
if [ "$(id -u)" = "0" ]; then
  SERVER_USER="postgres"
else
  SERVER_USER="$(id -un)"
fi

as_server() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u "$SERVER_USER" -- "$@"
  else
    "$@"
  fi
}

# --- binaries ---------------------------------------------------------------------------------------------------------
find_bin() {
  if [ -n "${PG_LOCAL_BIN:-}" ]; then
    echo "$PG_LOCAL_BIN"
    return
  fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then
    echo "$d"
  elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

install_postgres() {
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    die "PostgreSQL is not installed and this script can only install it as root with apt-get (apt-get install postgresql)"
  fi
  log "installing PostgreSQL from Debian's packages (apt-get install postgresql)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  # the package may have created and started its own "main" cluster: this script does not use it
  if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1, $2}' | while read -r v c; do
      log "stopping the cluster $v/$c that the installation started"
      pg_ctlcluster "$v" "$c" stop >&2 || true
    done
  fi
}

BIN="$(find_bin)"
need_bin() {
  if [ -z "$BIN" ]; then
    install_postgres
    BIN="$(find_bin)"
    [ -n "$BIN" ] || die "PostgreSQL binaries not found after installing"
  fi
}

# --- state ------------------------------------------------------------------------------------------------------------
load_state() {
  if [ -f "$STATE" ]; then
    # shellcheck disable=SC1090
    . "$STATE"
  fi
  PORT="${PG_LOCAL_PORT_OVERRIDE:-${PORT:-}}"
}

save_state() {
  umask 077
  cat > "$STATE" <<EOF
PORT=$PORT
DB=$DB
USERNAME=$USERNAME
PASSWORD=$PASSWORD
EOF
  chmod 600 "$STATE"
}

# saved values win over defaults; explicit environment variables win over saved values
PG_LOCAL_PORT_OVERRIDE="${PG_LOCAL_PORT:-}"
PORT=""; DB=""; USERNAME=""; PASSWORD=""
load_state
DB="${PG_LOCAL_DB:-${DB:-$DEFAULT_DB}}"
USERNAME="${PG_LOCAL_USER:-${USERNAME:-$DEFAULT_USER}}"
PASSWORD="${PG_LOCAL_PASSWORD:-${PASSWORD:-}}"

port_busy() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

free_port() {
  local p=55432
  while port_busy "$p"; do
    p=$((p + 1))
    [ "$p" -lt 56432 ] || die "no free port between 55432 and 56431"
  done
  echo "$p"
}

socket_dir() {
  # a Unix socket path is at most 107 bytes; a deep directory gets its socket under /tmp instead
  if [ "${#PGDATA_DIR}" -le 80 ]; then
    echo "$PGDATA_DIR"
  else
    echo "/tmp/pg-local-$(printf '%s' "$PGDATA_DIR" | md5sum | cut -c1-12)"
  fi
}

jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$PORT/${1:-$DB}"; }

running() {
  [ -n "$BIN" ] && [ -f "$PGDATA_DIR/PG_VERSION" ] && as_server "$BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

superuser_psql() {
  as_server "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(socket_dir)" -p "$PORT" -U "$SERVER_USER" "$@"
}

sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }

check_name() {
  [[ "$1" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "'$1' is not a plain lower-case SQL name"
}

# --- commands ---------------------------------------------------------------------------------------------------------
init_cluster() {
  check_name "$DB"
  check_name "$USERNAME"
  if [ -n "$(ls -A "$DIR" | grep -v '^\.lock$' || true)" ] && [ ! -f "$MARKER" ]; then
    die "$DIR is not empty and was not created by this script; choose another PG_LOCAL_DIR"
  fi
  if [ "$(id -u)" = "0" ]; then
    id "$SERVER_USER" >/dev/null 2>&1 || die "OS user $SERVER_USER missing (Debian's postgresql package creates it)"
    # the server's user must reach its data through the parent directories; when it cannot (a checkout under
    # /root, say), the data lives in /var/tmp and $DIR/pgdata links to it
    if ! runuser -u "$SERVER_USER" -- test -x "$DIR"; then
      local elsewhere
      elsewhere="/var/tmp/postgres-local-$(printf '%s' "$DIR" | md5sum | cut -c1-12)"
      log "the OS user $SERVER_USER cannot reach $DIR: the cluster's data goes to $elsewhere"
      rm -rf "$elsewhere"
      mkdir -p "$elsewhere/pgdata"
      chmod 700 "$elsewhere"
      chown "$SERVER_USER" "$elsewhere"
      ln -sfn "$elsewhere/pgdata" "$DIR/pgdata"
      PGDATA_DIR="$elsewhere/pgdata"
    fi
  fi
  [ -n "$PASSWORD" ] || PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
  [ -n "$PORT" ] || PORT="$(free_port)"
  log "creating a cluster in $PGDATA_DIR (port $PORT, database $DB, role $USERNAME)"
  mkdir -p "$PGDATA_DIR"
  chmod 700 "$PGDATA_DIR"
  if [ "$(id -u)" = "0" ]; then chown "$SERVER_USER" "$PGDATA_DIR"; fi
  : > "$MARKER"
  as_server "$BIN/initdb" -D "$PGDATA_DIR" -U "$SERVER_USER" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  local fast=""
  if [ "${PG_LOCAL_FAST:-0}" = "1" ]; then
    fast=$'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'
  fi
  as_server tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null <<EOF

# --- postgres-local.sh ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$(socket_dir)'
unix_socket_permissions = 0700
max_connections = 200
$fast
EOF
  save_state
  start_server
  superuser_psql -d postgres <<EOF
CREATE ROLE $USERNAME LOGIN PASSWORD $(sql_literal "$PASSWORD");
CREATE DATABASE $DB OWNER $USERNAME;
EOF
  log "cluster ready"
}

start_server() {
  local sd
  sd="$(socket_dir)"
  if [ "$sd" != "$PGDATA_DIR" ]; then
    mkdir -p "$sd"
    chmod 700 "$sd"
    if [ "$(id -u)" = "0" ]; then chown "$SERVER_USER" "$sd"; fi
  fi
  local attempt
  for attempt in 1 2 3 4 5; do
    # the server outlives this script: it must not inherit its lock or any other open file but stdin/out/err
    if ( for fd in /proc/$BASHPID/fd/*; do
           fd="${fd##*/}"
           if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-"; fi
         done
         exec < /dev/null
         as_server "$BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 -o "-p $PORT" start >/dev/null ); then
      return 0
    fi
    # another process took the port between the check and the start (builds running side by side): next port
    if [ -z "$PG_LOCAL_PORT_OVERRIDE" ] && tail -20 "$PGDATA_DIR/server.log" | grep -q "could not bind\|could not create any TCP/IP sockets"; then
      PORT="$(free_port)"
      log "port taken meanwhile; trying port $PORT"
      as_server sed -i "s/^port = .*/port = $PORT/" "$PGDATA_DIR/postgresql.conf"
      save_state
      continue
    fi
    break
  done
  tail -20 "$PGDATA_DIR/server.log" >&2 || true
  die "the server did not start (log: $PGDATA_DIR/server.log)"
}

cmd_start() {
  need_bin
  mkdir -p "$DIR"
  exec 9>"$DIR/.lock"
  flock 9
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    init_cluster
  elif ! running; then
    if [ -z "$PORT" ] || { [ -z "$PG_LOCAL_PORT_OVERRIDE" ] && port_busy "$PORT"; }; then
      PORT="$(free_port)"
      log "using port $PORT"
    fi
    as_server sed -i "s/^port = .*/port = $PORT/" "$PGDATA_DIR/postgresql.conf"
    save_state
    log "starting the cluster in $PGDATA_DIR on port $PORT"
    start_server
  fi
  jdbc_url
}

cmd_stop() {
  if running; then
    log "stopping the cluster in $PGDATA_DIR"
    as_server "$BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
  fi
}

require_running() {
  running || die "the cluster in $PGDATA_DIR is not running (scripts/postgres-local.sh start)"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status)
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then echo "absent"; exit 4; fi
    if running; then echo "running $(jdbc_url)"; else echo "stopped"; exit 3; fi ;;
  url)
    [ -n "$PORT" ] || die "no cluster in $DIR (scripts/postgres-local.sh start)"
    jdbc_url ;;
  env)
    [ -n "$PORT" ] || die "no cluster in $DIR (scripts/postgres-local.sh start)"
    printf 'export DISCLOSURE_DESK_DB_URL=%q\n' "$(jdbc_url)"
    printf 'export DISCLOSURE_DESK_DB_USER=%q\n' "$USERNAME"
    printf 'export DISCLOSURE_DESK_DB_PASSWORD=%q\n' "$PASSWORD"
    printf 'export PG_LOCAL_PORT=%q PG_LOCAL_DB=%q PG_LOCAL_USER=%q\n' "$PORT" "$DB" "$USERNAME" ;;
  createdb)
    shift; [ "$#" -gt 0 ] || die "createdb NAME..."
    require_running
    for name in "$@"; do
      check_name "$name"
      if [ -z "$(superuser_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
        superuser_psql -d postgres -c "CREATE DATABASE $name OWNER $USERNAME" >/dev/null
      fi
      jdbc_url "$name"
    done ;;
  dropdb)
    shift; [ "$#" -gt 0 ] || die "dropdb NAME..."
    require_running
    for name in "$@"; do
      check_name "$name"
      superuser_psql -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
    done ;;
  psql)
    shift; require_running
    superuser_psql "$@" ;;
  destroy)
    [ -d "$DIR" ] || exit 0
    [ -f "$MARKER" ] || die "$DIR was not created by this script; not deleting it"
    cmd_stop
    sd="$(socket_dir)"
    if [ "$sd" != "$PGDATA_DIR" ]; then rm -rf "$sd"; fi
    if [ -L "$DIR/pgdata" ]; then rm -rf "$(dirname "$PGDATA_DIR")"; fi
    rm -rf "$DIR"
    log "deleted $DIR" ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
