#!/usr/bin/env bash
# Enforcement benchmark: a burst of 10,000 CEMS exceedance events, 10 % of them delivered twice, published to
# lantian.stationary while the enforcement service runs; measures how long until exactly 10,000 cases exist and each
# case's case-opened event has reached the broker, then checks for 3 s that nothing more follows.
# Needs the infrastructure running (./lantian infra up). Uses its own database (lantian_enforcement_bench, created if
# missing) and queues (group enforcement-bench, expiring when unused) in RabbitMQ's test virtual host lantian-test, so
# neither its events nor the cases' events reach a running platform.
# Usage: bench/enforcement/run.sh [events, default 10000] [duplicate share, default 0.1] [deadline s, default 10]
#        [warm-up events, default 3000: an unmeasured first burst]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
EVENTS=${1:-10000}
DUPLICATES=${2:-0.1}
DEADLINE=${3:-10}
WARMUP=${4:-3000}
PORT=18087
DB=lantian_enforcement_bench
WORK=$ROOT/bench/enforcement/target/run
mkdir -p "$WORK"
cd "$ROOT"

echo "== building"
mvn -q -B -pl services/enforcement -am package -DskipTests
mvn -q -B -f bench/enforcement/pom.xml package
CP="$ROOT/bench/enforcement/target/enforcement-bench-0.1.0.jar:$ROOT/bench/enforcement/target/lib/*"
bench() { java -Xmx256m -cp "$CP" cn.lantian.bench.enforcement.EnforcementBenchmark "$@"; }

bench prepare "$DB"
SERVICE_PID=
stop_service() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  SERVICE_PID=
}
trap stop_service EXIT
echo "== starting enforcement on port $PORT with database $DB"
java -Xmx512m -jar services/enforcement/target/enforcement.jar --server.port=$PORT \
  --spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/$DB \
  --spring.flyway.url=jdbc:postgresql://127.0.0.1:5432/$DB \
  --spring.rabbitmq.virtual-host=lantian-test \
  --spring.cloud.stream.bindings.findings-in-0.group=enforcement-bench \
  --spring.cloud.stream.rabbit.bindings.findings-in-0.consumer.expires=1800000 \
  --spring.cloud.stream.rabbit.bindings.findings-in-0.consumer.dlq-expires=1800000 \
  --lantian.eventing.source=/lantian/enforcement-bench --lantian.eventing.relay.poll-interval=20ms >"$WORK/enforcement.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then break; fi
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "enforcement did not start (see $WORK/enforcement.log)"; exit 1; }

echo "== burst"
bench burst "$DB" "$EVENTS" "$DUPLICATES" "$DEADLINE" "$WARMUP" | tee "$WORK/bench.log"
