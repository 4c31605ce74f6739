#!/usr/bin/env bash
# Portal benchmark: starts a stand-in for air-quality and the portal (launcher's JVM flags) on spare loopback
# ports, measures, prints the figures, stops both. Needs RabbitMQ at 127.0.0.1:5672 (./lantian infra up).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=bench/portal/target
mkdir -p "$OUT"
STUB_PORT=${STUB_PORT:-18086}
PORTAL_PORT=${PORTAL_PORT:-18090}
STATIONS=${STATIONS:-30}

[ -f portal/target/portal.jar ] || mvn -q -B -pl portal -am package -DskipTests
mvn -q -B -f portal/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/classpath.txt" >/dev/null
CP=$(cat "$OUT/classpath.txt")

cleanup() {
  [ -n "${PORTAL_PID:-}" ] && kill "$PORTAL_PID" 2>/dev/null || true
  [ -n "${STUB_PID:-}" ] && kill "$STUB_PID" 2>/dev/null || true
}
trap cleanup EXIT

java -Xmx128m -cp "$CP" bench/portal/PortalBench.java stub "$STUB_PORT" "$STATIONS" >"$OUT/stub.log" 2>&1 &
STUB_PID=$!
# The launcher's flags, a consumer group of its own (removed afterwards) in the tests' virtual host (so the event the
# benchmark publishes never reaches a running platform), upstreams at the stand-in, and room for the fan-out's
# thousands of streams from this one address.
java -Xms64m -Xmx384m -XX:+UseSerialGC -jar portal/target/portal.jar \
  --server.port="$PORTAL_PORT" --server.address=127.0.0.1 \
  --spring.rabbitmq.virtual-host=lantian-test --lantian.portal.live.max-streams-per-address=100000 \
  --spring.cloud.stream.bindings.airQualityEvents-in-0.group=portal-bench \
  --lantian.portal.upstream.air-quality="http://127.0.0.1:$STUB_PORT" \
  --lantian.portal.upstream.stationary="http://127.0.0.1:$STUB_PORT" \
  --lantian.portal.upstream.enforcement="http://127.0.0.1:$STUB_PORT" >"$OUT/portal.log" 2>&1 &
PORTAL_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORTAL_PORT/actuator/health" >/dev/null && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORTAL_PORT/actuator/health" >/dev/null || { tail -40 "$OUT/portal.log"; exit 1; }

java -Xmx512m -cp "$CP" bench/portal/PortalBench.java run "http://127.0.0.1:$PORTAL_PORT" | tee "$OUT/result.txt"
echo "portal RSS after the run: $(ps -o rss= -p "$PORTAL_PID" | awk '{printf "%d MB", $1/1024}')" | tee -a "$OUT/result.txt"
java -cp "$CP" bench/portal/DeleteQueue.java lantian.air-quality.portal-bench lantian.air-quality.portal-bench.dlq
