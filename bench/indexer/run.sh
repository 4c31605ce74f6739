#!/usr/bin/env bash
# Indexer benchmark: (a) raw RabbitMQ rate, (b) raw Elasticsearch bulk rate, (c) the indexer's sustained rate from a
# pre-filled queue, (d) publish-to-searchable latency at a steady rate; all with the same events, in one run.
# Needs the infrastructure running (./lantian infra up). Uses its own queues (group indexer-bench, expiring when
# unused) and indices (prefix lantian-bench-), never the demo ones. The benchmark's indexer consumes only
# lantian.stationary, so that other services' traffic on the shared broker does not count against it.
# Usage: bench/indexer/run.sh [events-for-c, default 100000] [latency-seconds, default 30]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N=${1:-100000}
LATENCY_SECONDS=${2:-30}
RATE=1000
PORT=18088
QUEUE=lantian.stationary.indexer-bench
INDEX=lantian-bench-events-stationary
WORK=$ROOT/bench/indexer/target/run
mkdir -p "$WORK"
cd "$ROOT"

echo "== building"
mvn -q -B -pl services/indexer -am install -DskipTests
mvn -q -B -f bench/indexer/pom.xml package
CP="$ROOT/bench/indexer/target/indexer-bench-0.1.0.jar:$ROOT/bench/indexer/target/lib/*"
bench() { java -Xmx512m -cp "$CP" cn.lantian.bench.indexer.IndexerBenchmark "$@"; }

INDEXER_PID=
start_indexer() {
  java -Xmx512m -jar services/indexer/target/indexer.jar --server.port=$PORT \
    --spring.cloud.stream.bindings.index-in-0.group=indexer-bench \
    --spring.cloud.stream.bindings.index-in-0.destination=lantian.stationary \
    --spring.cloud.stream.rabbit.bindings.index-in-0.consumer.expires=1800000 \
    --spring.cloud.stream.rabbit.bindings.index-in-0.consumer.dlq-expires=1800000 \
    --lantian.indexer.index-prefix=lantian-bench- >"$WORK/indexer.log" 2>&1 &
  INDEXER_PID=$!
  for _ in $(seq 1 400); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then return; fi
    sleep 1
  done
  echo "indexer did not start (see $WORK/indexer.log)"; exit 1
}
stop_indexer() {
  if [ -n "$INDEXER_PID" ]; then kill "$INDEXER_PID" 2>/dev/null || true; wait "$INDEXER_PID" 2>/dev/null || true; fi
  INDEXER_PID=
}
trap stop_indexer EXIT
exec > >(tee "$WORK/bench.log") 2>&1

RUN=b$(date +%s)
echo "== (a) RabbitMQ PerfTest: quorum queue, persistent, confirms, manual acks, 20 s"
bench sample "$RUN" "$WORK/event.json"
SIZE=$(stat -c %s "$WORK/event.json")
java -Xmx512m -cp "$CP" com.rabbitmq.perf.PerfTest -h amqp://guest:guest@127.0.0.1:5672 \
  -u lantian.bench.perftest -qq -qa x-expires=60000 -ad false -f persistent -c 1000 -A 100 -q 1000 \
  -x 1 -y 1 -z 20 -B "$WORK/event.json" -i 5 >"$WORK/perftest.log" 2>&1
grep -E "sending rate avg|receiving rate avg" "$WORK/perftest.log" | sed "s/^/RESULT rabbitmq ($SIZE-byte events) /"

echo "== (c) indexer from a pre-filled queue of $N events"
bench prefill "$RUN" "$N" "$QUEUE"
start_indexer
bench drain "$RUN" "$N" "$INDEX"

echo "== (b) Elasticsearch bulk of the indexer's own documents"
bench bulk "$RUN" "$INDEX"

echo "== (d) publish-to-searchable at $RATE events/s for $LATENCY_SECONDS s"
bench latency "l$RUN" "$RATE" "$LATENCY_SECONDS" "$QUEUE" "$INDEX"
stop_indexer
