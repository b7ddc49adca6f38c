#!/usr/bin/env bash
# cluster.sh — two (or more) Disclosure Desk nodes on one PostgreSQL database, on one machine.
#
# Usage: scripts/cluster.sh start|stop|status
#        scripts/cluster.sh node start|stop|kill|restart NAME
#        scripts/cluster.sh url NAME
#
#   start        start PostgreSQL (scripts/postgres-local.sh, unless DISCLOSURE_DESK_DB_URL names a database),
#                then every node of CLUSTER_NODES at once, and wait until each answers HTTP. The nodes take turns
#                through their start (a PostgreSQL advisory lock), so on a new database the first one creates the
#                engine's schema, the application's tables and the demo data, and the others find them.
#                Prints "NAME URL" per node. Nodes already running are left alone.
#   stop         stop every node (SIGTERM, then SIGKILL after 60 s), then PostgreSQL if this script started it.
#   status       one line per node: NAME running|stopped URL PID; exit 0 when all run.
#   node start NAME     start one node and wait until it answers (a node that is already running is left alone)
#   node stop NAME      stop one node (SIGTERM; SIGKILL after 60 s)
#   node kill NAME      kill one node with SIGKILL (kill -9): no shutdown at all, as in a crash
#   node restart NAME   stop, then start
#   url NAME     the node's base URL, e.g. http://127.0.0.1:8081
#
# Settings (environment variables; all optional):
#   CLUSTER_DIR        directory of pid files and node logs (default ./data/cluster): NAME.pid, NAME.log
#   CLUSTER_NODES      "NAME:PORT ..." (default "a:8081 b:8082"); the node id (DISCLOSURE_DESK_NODE_ID, shown in the
#                      engine's job log as host name) is "node-NAME"
#   CLUSTER_PROFILES   Spring profiles (default "demo,postgres": demo users and demo subscriber data on PostgreSQL;
#                      "postgres" for the production setup, which needs DISCLOSURE_DESK_DISCLOSURE_ENCRYPTION_KEY and
#                      users of your own, see docs/postgresql.md)
#   CLUSTER_JAR        the packaged application (default target/disclosure-desk-*.jar; built with
#                      "mvn -B -q package -DskipTests" when missing; rebuild it yourself after changes)
#   CLUSTER_JAVA_OPTS  JVM options of each node (default: those of scripts/jvm.options)
#   CLUSTER_APP_ARGS   more arguments for every node, e.g. "--camunda.bpm.job-execution.lock-time-in-millis=10000"
#   CLUSTER_READY_PATH path that answers 200 once a node is up (default /transparency)
#   CLUSTER_START_TIMEOUT  seconds to wait for a node (default 300)
#   DISCLOSURE_DESK_DB_URL, DISCLOSURE_DESK_DB_USER, DISCLOSURE_DESK_DB_PASSWORD
#                      the database of all nodes; when DISCLOSURE_DESK_DB_URL is unset, a local cluster is started
#                      with scripts/postgres-local.sh (PG_LOCAL_DIR, default ./data/postgres) and its database used
#
# Every node runs the job executor; they share the work through the database (jobs are locked by one node at a
# time). See docs/cluster.md.
#
# Example:
#   scripts/cluster.sh start        # PostgreSQL in ./data/postgres, nodes on http://127.0.0.1:8081 and :8082
#   curl -s -u police-de:police-de http://127.0.0.1:8081/api/orders -H 'Content-Type: application/json' -d @order.json
#   scripts/cluster.sh node kill b  # crash node b; node a carries on
#   scripts/cluster.sh node start b
#   scripts/cluster.sh stop
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLUSTER_DIR="$(realpath -m "${CLUSTER_DIR:-./data/cluster}")"
CLUSTER_NODES="${CLUSTER_NODES:-a:8081 b:8082}"
CLUSTER_PROFILES="${CLUSTER_PROFILES:-demo,postgres}"
CLUSTER_JAVA_OPTS="${CLUSTER_JAVA_OPTS:-@$ROOT/scripts/jvm.options}"
CLUSTER_APP_ARGS="${CLUSTER_APP_ARGS:-}"
CLUSTER_READY_PATH="${CLUSTER_READY_PATH:-/transparency}"
CLUSTER_START_TIMEOUT="${CLUSTER_START_TIMEOUT:-300}"
DB_STATE="$CLUSTER_DIR/database.env"

log() { echo "cluster: $*" >&2; }
die() { echo "cluster: $*" >&2; exit 1; }

node_port() {
  local entry
  for entry in $CLUSTER_NODES; do
    if [ "${entry%%:*}" = "$1" ]; then
      echo "${entry#*:}"
      return
    fi
  done
  die "no node '$1' in CLUSTER_NODES ($CLUSTER_NODES)"
}

node_url() { echo "http://127.0.0.1:$(node_port "$1")"; }

node_pid() {
  local f="$CLUSTER_DIR/$1.pid" pid
  [ -f "$f" ] || return 1
  pid="$(cat "$f")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # the pid must still be our java process, not a recycled one
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Ddisclosure-desk.cluster-node=$1 " || return 1
  echo "$pid"
}

jar() {
  if [ -n "${CLUSTER_JAR:-}" ]; then
    [ -f "$CLUSTER_JAR" ] || die "CLUSTER_JAR $CLUSTER_JAR does not exist"
    realpath "$CLUSTER_JAR"
    return
  fi
  local j
  j="$(ls -t "$ROOT"/target/disclosure-desk-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1 || true)"
  if [ -z "$j" ]; then
    log "building the application (mvn -B -q package -DskipTests)"
    (cd "$ROOT" && mvn -B -q package -DskipTests >&2)
    j="$(ls -t "$ROOT"/target/disclosure-desk-*.jar | grep -v -- '-plain\.jar$' | head -1)"
  fi
  echo "$j"
}

# The database of the nodes: given by the environment, or the local cluster of scripts/postgres-local.sh.
database() {
  mkdir -p "$CLUSTER_DIR"
  if [ -n "${DISCLOSURE_DESK_DB_URL:-}" ]; then
    : "${DISCLOSURE_DESK_DB_USER:?DISCLOSURE_DESK_DB_USER is needed with DISCLOSURE_DESK_DB_URL}"
    : "${DISCLOSURE_DESK_DB_PASSWORD:?DISCLOSURE_DESK_DB_PASSWORD is needed with DISCLOSURE_DESK_DB_URL}"
    if [ ! -f "$DB_STATE" ]; then
      echo "LOCAL_PG=" > "$DB_STATE"
    fi
    return
  fi
  "$ROOT/scripts/postgres-local.sh" start >/dev/null
  eval "$("$ROOT/scripts/postgres-local.sh" env)"
  echo "LOCAL_PG=$(realpath -m "${PG_LOCAL_DIR:-./data/postgres}")" > "$DB_STATE"
}

wait_ready() {
  local name="$1" pid="$2" url deadline
  url="$(node_url "$name")$CLUSTER_READY_PATH"
  deadline=$((SECONDS + CLUSTER_START_TIMEOUT))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -30 "$CLUSTER_DIR/$name.log" >&2 || true
      die "node $name exited while starting (log: $CLUSTER_DIR/$name.log)"
    fi
    if curl -sf -o /dev/null --max-time 5 "$url"; then
      return 0
    fi
    sleep 1
  done
  die "node $name did not answer $url within ${CLUSTER_START_TIMEOUT} s (log: $CLUSTER_DIR/$name.log)"
}

# Launches a node in the background (a node that is already running is left alone); prints its pid.
node_launch() {
  local name="$1" port pid jarfile
  port="$(node_port "$name")"
  if pid="$(node_pid "$name")"; then
    log "node $name is running (pid $pid)"
    echo "$pid"
    return 0
  fi
  if [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then
    die "port $port of node $name is taken by another process"
  fi
  jarfile="$(jar)"
  mkdir -p "$CLUSTER_DIR"
  log "starting node $name on port $port ($CLUSTER_PROFILES; log $CLUSTER_DIR/$name.log)"
  # shellcheck disable=SC2086
  ( for fd in /proc/$BASHPID/fd/*; do
      fd="${fd##*/}"
      if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-"; fi
    done
    cd "$CLUSTER_DIR"
    trap '' HUP   # like nohup: the node outlives the terminal that started it
    DISCLOSURE_DESK_NODE_ID="node-$name" exec java $CLUSTER_JAVA_OPTS "-Ddisclosure-desk.cluster-node=$name" \
      -jar "$jarfile" --spring.profiles.active="$CLUSTER_PROFILES" --server.port="$port" $CLUSTER_APP_ARGS \
      < /dev/null >> "$CLUSTER_DIR/$name.log" 2>&1 ) &
  pid=$!
  echo "$pid" > "$CLUSTER_DIR/$name.pid"
  echo "$pid"
}

node_start() {
  local name="$1" pid
  pid="$(node_launch "$name")"
  wait_ready "$name" "$pid"
  log "node $name is up: $(node_url "$name") (pid $pid)"
}

node_stop() {
  local name="$1" pid i
  pid="$(node_pid "$name")" || { rm -f "$CLUSTER_DIR/$name.pid"; return 0; }
  log "stopping node $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "node $name did not stop within 60 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$CLUSTER_DIR/$name.pid"
}

node_kill() {
  local name="$1" pid
  pid="$(node_pid "$name")" || die "node $name is not running"
  log "kill -9 node $name (pid $pid)"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$CLUSTER_DIR/$name.pid"
}

all_names() {
  local entry
  for entry in $CLUSTER_NODES; do echo "${entry%%:*}"; done
}

case "${1:-}" in
  start)
    database
    # all at once: the nodes take turns through the engine's start (a database lock, docs/cluster.md)
    pids=()
    for name in $(all_names); do
      pids+=("$(node_launch "$name")")
    done
    i=0
    for name in $(all_names); do
      wait_ready "$name" "${pids[$i]}"
      log "node $name is up: $(node_url "$name") (pid ${pids[$i]})"
      echo "$name $(node_url "$name")"
      i=$((i + 1))
    done ;;
  stop)
    for name in $(all_names); do node_stop "$name"; done
    if [ -f "$DB_STATE" ]; then
      LOCAL_PG=""
      # shellcheck disable=SC1090
      . "$DB_STATE"
      if [ -n "$LOCAL_PG" ]; then
        PG_LOCAL_DIR="$LOCAL_PG" "$ROOT/scripts/postgres-local.sh" stop
      fi
      rm -f "$DB_STATE"
    fi ;;
  status)
    all=0
    for name in $(all_names); do
      if pid="$(node_pid "$name")"; then
        echo "$name running $(node_url "$name") $pid"
      else
        echo "$name stopped $(node_url "$name")"
        all=3
      fi
    done
    exit "$all" ;;
  node)
    name="${3:?node start|stop|kill|restart NAME}"
    node_port "$name" >/dev/null
    case "${2:-}" in
      start) database; node_start "$name" ;;
      stop) node_stop "$name" ;;
      kill) node_kill "$name" ;;
      restart) node_stop "$name"; database; node_start "$name" ;;
      *) die "node start|stop|kill|restart NAME" ;;
    esac ;;
  url) node_url "${2:?url NAME}" ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
