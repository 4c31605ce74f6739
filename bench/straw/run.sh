#!/usr/bin/env bash
# Straw benchmark: a FIRMS upload of 100,000 rows (default) to a straw service started for the run, timed until every
# fire-point-detected event of the import is published with the broker's confirm.
# Needs the infrastructure running (./lantian infra up) and the demo realm (user agri-prefecture). Uses its own
# database (lantian_straw_bench, created afresh each run) and its own RabbitMQ virtual host (lantian-straw-bench), so
# that no consumer of the platform sees the benchmark's events; the virtual host is deleted at the end.
# Usage: bench/straw/run.sh [rows, default 100000] [autumn year, default random 2000-2019] [runs, default 1]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ROWS=${1:-100000}
YEAR=${2:-}
RUNS=${3:-1}
PORT=18084
DB=lantian_straw_bench
VHOST=lantian-straw-bench
WORK=$ROOT/bench/straw/target
mkdir -p "$WORK"
cd "$ROOT"

echo "== building"
# A jar left by an earlier build keeps its nested platform jars when only a platform module changed: build it afresh.
rm -f services/straw/target/straw.jar services/straw/target/straw.jar.original
mvn -q -B -pl services/straw -am package -DskipTests
PG=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)

# A fresh database each run, so that every run measures the same work.
runuser -u postgres -- psql -qc "drop database if exists $DB"
runuser -u postgres -- psql -qc "create database $DB owner lantian"
rabbitmqctl -q add_vhost "$VHOST" 2>/dev/null || true
rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*'

SERVICE_PID=
finish() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  rabbitmqctl -q delete_vhost "$VHOST" 2>/dev/null || true
}
trap finish EXIT
echo "== starting straw on port $PORT with database $DB, virtual host $VHOST (launcher's JVM flags)"
java -Xms64m -Xmx384m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -jar services/straw/target/straw.jar --server.port=$PORT \
  --spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/$DB \
  --spring.flyway.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.rabbitmq.virtual-host=$VHOST \
  --lantian.eventing.source=/lantian/straw-bench ${BENCH_SERVICE_ARGS:-} >"$WORK/straw.log" 2>&1 &
SERVICE_PID=$!
# A loaded machine can take minutes to start a service.
for _ in $(seq 1 600); do
  if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then break; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "straw did not start (see $WORK/straw.log)"; exit 1; }

# The service's own CPU time (user + system, from /proc) over the import and the relay: unlike the wall time, it does not
# grow with the load that other processes put on the machine.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVICE_PID/stat"; }
: >"$WORK/bench.log"
# Each further run imports the next autumn into the same service: the first run includes the JIT's warm-up.
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS, load average before: $(cat /proc/loadavg)"
  CPU0=$(cpu)
  java -Xmx512m -cp "$PG" bench/straw/StrawBench.java "http://127.0.0.1:$PORT" "$DB" "$ROWS" \
    ${YEAR:+$((YEAR + run - 1))} | tee -a "$WORK/bench.log"
  CPU1=$(cpu)
  echo "== load average after: $(cat /proc/loadavg)"
  echo "== CPU time of the service during the run: $(awk -v a="$CPU0" -v b="$CPU1" 'BEGIN { printf "%.2f", b - a }') s"
done
# Where it went, by thread (names as the JVM gives them, numbers stripped; since the service started).
echo "== CPU time by thread since start (s):"
for t in /proc/"$SERVICE_PID"/task/*; do
  echo "$(sed 's/[0-9]*$//' "$t/comm") $(awk '{print $14 + $15}' "$t/stat")"
done | awk -v hz="$(getconf CLK_TCK)" '{ n = $NF; $NF = ""; s[$0] += n } END { for (k in s) if (s[k] / hz >= 0.1) printf "   %7.2f  %s\n", s[k] / hz, k }' | sort -rn | head -15
