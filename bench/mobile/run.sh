#!/usr/bin/env bash
# Mobile benchmark: remote-sensing readings posted in batches to a mobile service started for the run, with the HJ 845
# validity conditions, the limits, the six-month judgement and the outbox on; prints readings/s and the delay from a
# batch being accepted to the exceedance events it caused arriving from RabbitMQ.
# Needs the infrastructure running (./lantian infra up) and the demo realm (user police-kashgar). Uses its own database
# (lantian_mobile_bench, created when missing; each run registers its own vehicles, so runs do not disturb each other)
# and its own RabbitMQ virtual host (lantian-mobile-bench, deleted at the end), so that no consumer of the platform sees
# the benchmark's events. BENCH_SERVICE_ARGS adds arguments to the service (e.g. --lantian.demo.enabled=true to measure
# on top of the demonstration data).
# Usage: bench/mobile/run.sh [vehicles, default 2000] [readings per vehicle, 30] [batch size, 5000] [senders, 2]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PORT=18082
DB=lantian_mobile_bench
VHOST=lantian-mobile-bench
WORK=$ROOT/bench/mobile/target
mkdir -p "$WORK"
cd "$ROOT"

echo "== building"
mvn -q -B -pl services/mobile,bench/mobile -am install -DskipTests -Dspotless.check.skip=true

if ! runuser -u postgres -- psql -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  runuser -u postgres -- psql -qc "create database $DB owner lantian"
fi
rabbitmqctl -q add_vhost "$VHOST" 2>/dev/null || true
rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*'

SERVICE_PID=
finish() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  rabbitmqctl -q delete_vhost "$VHOST" 2>/dev/null || true
}
trap finish EXIT
echo "== starting mobile on port $PORT with database $DB, virtual host $VHOST (launcher's JVM flags)"
STARTED=$(date +%s)
java -Xms64m -Xmx384m -XX:+UseSerialGC -jar services/mobile/target/mobile.jar --server.port=$PORT \
  --spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/$DB \
  --spring.flyway.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.rabbitmq.virtual-host=$VHOST \
  --lantian.eventing.source=/lantian/mobile-bench ${BENCH_SERVICE_ARGS:-} >"$WORK/mobile.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 300); do
  if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then break; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "mobile did not start (see $WORK/mobile.log)"; exit 1; }
echo "== mobile answered after $(( $(date +%s) - STARTED )) s"

mvn -q -B -f bench/mobile/pom.xml exec:java -Dvhost="$VHOST" \
  -Dexec.args="http://127.0.0.1:$PORT ${1:-2000} ${2:-30} ${3:-5000} ${4:-2}" | tee "$WORK/bench.log"
