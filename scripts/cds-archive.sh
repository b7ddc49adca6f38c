#!/usr/bin/env bash
# Class data sharing (CDS) for a faster start of the application (docs/operations.md, docs/performance.md).
#
#   scripts/cds-archive.sh [JAR] [DIR]      # defaults: target/disclosure-desk-0.1.0-SNAPSHOT.jar, target/app
#
# Extracts the packaged jar into DIR (DIR/disclosure-desk.jar and DIR/lib/, Spring Boot's "tools" jar mode), then
# starts the application once for training: on a throwaway in-memory H2 database, until its context is refreshed
# (-Dspring.context.exit=onRefresh), recording every class it loaded into DIR/app.jsa. Start it from DIR with the
# same JVM and the same options:
#
#   cd DIR && java @../../scripts/jvm.options -XX:SharedArchiveFile=app.jsa -jar disclosure-desk.jar
#
# JVM options of the training start: JAVA_OPTS (default: those of scripts/jvm.options). Rebuild the archive
# for every new jar and every new JVM: a stale archive is refused by the JVM with a warning (the application then
# starts without it, as before).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${1:-target/disclosure-desk-0.1.0-SNAPSHOT.jar}"
DIR="${2:-target/app}"
JAVA_OPTS="${JAVA_OPTS:-@$(pwd)/scripts/jvm.options}"

[ -f "$JAR" ] || { echo "cds-archive: $JAR not found (mvn -B package -DskipTests first)" >&2; exit 1; }
rm -rf "$DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" --application-filename disclosure-desk.jar >/dev/null
cd "$DIR"
# shellcheck disable=SC2086
SPRING_PROFILES_ACTIVE=demo SPRING_DATASOURCE_URL="jdbc:h2:mem:cds-training;DB_CLOSE_DELAY=-1" \
  java $JAVA_OPTS -XX:ArchiveClassesAtExit=app.jsa -Xlog:cds=error -Dspring.context.exit=onRefresh \
  -jar disclosure-desk.jar --server.port=0 --disclosure-desk.demo.subscribers.accounts=0 > cds-training.log 2>&1 \
  || { echo "cds-archive: the training start failed, see $DIR/cds-training.log" >&2; exit 1; }
[ -f app.jsa ] || { echo "cds-archive: no archive written, see $DIR/cds-training.log" >&2; exit 1; }
echo "cds-archive: $DIR/app.jsa ($(du -m app.jsa | cut -f1) MB); start with: cd $DIR && java $JAVA_OPTS -XX:SharedArchiveFile=app.jsa -jar disclosure-desk.jar" >&2
