#!/usr/bin/env bash
# Indexer benchmark: (a) raw RabbitMQ rate, (b) raw Elasticsearch bulk rate, (c) the indexer's sustained rate from a
# pre-filled queue, (d) publish-to-searchable latency at a steady rate; all with the same events, in one run.
# Needs the infrastructure running (./lantian infra up). Uses its own queues (group indexer-bench, expiring when
# unused) and indices (prefix lantian-bench-), never the demo ones. The benchmark's indexer consumes only
# lantian.stationary, so that other services' traffic on the shared broker does not count against it.
# Usage: bench/indexer/run.sh [events-for-c, default 100000] [latency-seconds, default 30] [warm-up events, default 150000]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N=${1:-100000}
LATENCY_SECONDS=${2:-30}
WARMUP=${3:-150000}
RATE=1000
PORT=18088
QUEUE=lantian.stationary.indexer-bench
INDEX=lantian-bench-events-stationary
WORK=$ROOT/bench/indexer/target/run
mkdir -p "$WORK"
cd "$ROOT"

echo "== building"
mvn -q -B -pl services/indexer,bench/indexer -am package -DskipTests
CP="$ROOT/bench/indexer/target/indexer-bench-0.1.0.jar:$ROOT/bench/indexer/target/lib/*"
bench() { java -Xmx512m -cp "$CP" cn.lantian.bench.indexer.IndexerBenchmark "$@"; }

INDEXER_PID=
start_indexer() {
  # The launcher's JVM flags with the service's own (services/indexer/jvm.options), as it runs in the platform.
  local -a flags=(-Xms64m -Xmx384m -XX:+UseSerialGC)
  mapfile -t -O 3 flags < <(grep -v '^\s*#' services/indexer/jvm.options | grep -v '^\s*$')
  echo "indexer JVM flags: ${flags[*]}"
  java "${flags[@]}" -jar services/indexer/target/indexer.jar --server.port=$PORT \
    --spring.cloud.stream.bindings.index-in-0.group=indexer-bench \
    --spring.cloud.stream.bindings.index-in-0.destination=lantian.stationary \
    --spring.cloud.stream.rabbit.bindings.index-in-0.consumer.expires=1800000 \
    --spring.cloud.stream.rabbit.bindings.index-in-0.consumer.dlq-expires=1800000 \
    --lantian.indexer.index-prefix=lantian-bench- \
    --management.endpoints.web.exposure.include=health,bindings >"$WORK/indexer.log" 2>&1 &
  INDEXER_PID=$!
  for _ in $(seq 1 400); do
    if curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then return; fi
    sleep 1
  done
  echo "indexer did not start (see $WORK/indexer.log)"; exit 1
}
# Pauses or resumes the indexer's consumer, so that a queue can be pre-filled while the warm service waits. The
# actuator wants a token like every other non-public endpoint: the prefecture coordinator's.
consumer() {
  local token
  token=$(curl -sf -d grant_type=password -d client_id=lantian-cli -d username=coordinator -d password=lantian-demo \
    http://127.0.0.1:8180/realms/kashgar/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"state\":\"$1\"}" \
    "http://127.0.0.1:$PORT/actuator/bindings/index-in-0" >/dev/null
}
stop_indexer() {
  if [ -n "$INDEXER_PID" ]; then kill "$INDEXER_PID" 2>/dev/null || true; wait "$INDEXER_PID" 2>/dev/null || true; fi
  INDEXER_PID=
}
trap stop_indexer EXIT
exec > >(tee "$WORK/bench.log") 2>&1

RUN=b$(date +%s)
echo "== (c) indexer from a pre-filled queue of $N events, after an unmeasured warm-up of $WARMUP"
# Every run starts from empty indices: a bench index grown by earlier runs makes Elasticsearch merge ever larger
# segments, and the figures of two runs would not compare.
for index in $(curl -sf "http://127.0.0.1:9200/_cat/indices/lantian-bench-*?h=index"); do
  curl -sf -X DELETE "http://127.0.0.1:9200/$index" >/dev/null
done
start_indexer
# A service runs for days: its JIT is warm. Without this, compiling the hot path takes a large share of the two
# cores during the measured drain (the compiler threads used more CPU than the consumers in a cold run).
if [ "$WARMUP" -gt 0 ]; then
  bench prefill "w$RUN" "$WARMUP" "$QUEUE" >/dev/null
  bench drain "w$RUN" "$WARMUP" "$INDEX" | sed 's/^RESULT/warm-up/'
fi
consumer STOPPED
bench prefill "$RUN" "$N" "$QUEUE"
consumer STARTED
bench drain "$RUN" "$N" "$INDEX"

echo "== (b) Elasticsearch bulk of the indexer's own documents"
bench bulk "$RUN" "$INDEX"

# (a) runs after (c) and (b): right after 20 s at full speed the broker still writes and compacts the quorum
# queue's log for a while, which took CPU from the indexer's drain when (a) ran first.
echo "== (a) RabbitMQ PerfTest: quorum queue, persistent, confirms, manual acks, 20 s"
bench sample "$RUN" "$WORK/event.json"
SIZE=$(stat -c %s "$WORK/event.json")
java -Xmx512m -cp "$CP" com.rabbitmq.perf.PerfTest -h amqp://guest:guest@127.0.0.1:5672 \
  -u lantian.bench.perftest -qq -qa x-expires=60000 -ad false -f persistent -c 1000 -A 100 -q 1000 \
  -x 1 -y 1 -z 20 -B "$WORK/event.json" -i 5 >"$WORK/perftest.log" 2>&1
grep -E "sending rate avg|receiving rate avg" "$WORK/perftest.log" | sed "s/^/RESULT rabbitmq ($SIZE-byte events) /"

echo "== (d) publish-to-searchable at $RATE events/s for $LATENCY_SECONDS s"
bench latency "l$RUN" "$RATE" "$LATENCY_SECONDS" "$QUEUE" "$INDEX"
stop_indexer
