#!/usr/bin/env bash
# Gateway benchmark: latency of an authenticated GET straight to a service and through the gateway, at a steady rate,
# in one run. Needs the infrastructure (./lantian infra up): Keycloak, PostgreSQL, RabbitMQ, Redis.
# Settings (environment): RATE (500/s), DURATION (30 s per round and target), ROUNDS (2), WARMUP (30 s),
# SERVICE_PORT (18481), GATEWAY_PORT (18480), SKIP_BUILD (set: use the jars already built).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/gateway"
OUT="$HERE/target"
RATE=${RATE:-500}; DURATION=${DURATION:-30}; ROUNDS=${ROUNDS:-2}; WARMUP=${WARMUP:-30}
SERVICE_PORT=${SERVICE_PORT:-18481}; GATEWAY_PORT=${GATEWAY_PORT:-18480}
JAVA=${JAVA:-java}

mkdir -p "$OUT"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building the gateway and the benchmark service"
  mvn -q -B -f "$ROOT/pom.xml" -pl gateway,bench/gateway -am package -DskipTests
fi

PIDS=()
# Stops what this script started, by process id; a JVM still starting up may ignore SIGTERM, so it gets SIGKILL after 20 s.
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop EXIT
# Redis's port and password as the launcher generated them (none when another party's Redis is used).
SECRETS=${LANTIAN_SECRETS:-$ROOT/.lantian/secrets.env}
secret() { local v=""; if [ -f "$SECRETS" ]; then v=$(sed -n "s/^$1=//p" "$SECRETS" | tail -1); fi; echo "${v:-$2}"; }
# Both JVMs get the launcher's flags, as every service runs in the platform.
JVM_FLAGS=(-Xms64m -Xmx384m -XX:+UseSerialGC)

"$JAVA" "${JVM_FLAGS[@]}" -jar "$HERE/target/gateway-bench-service.jar" --server.port="$SERVICE_PORT" \
  >"$OUT/service.log" 2>&1 &
PIDS+=($!)
# The gateway as shipped (access log, audit filter, Redis rate limit, body guard), with its stationary route pointed
# at the benchmark service and a user limit above the benchmark's own rate. It leaves a running platform alone: audit
# records go to the tests' database and RabbitMQ virtual host, rate counters under a key prefix of their own.
"$JAVA" "${JVM_FLAGS[@]}" -jar "$ROOT/gateway/target/gateway.jar" --server.port="$GATEWAY_PORT" \
  --lantian.services.stationary="http://127.0.0.1:$SERVICE_PORT" \
  --spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/lantian_gateway_test \
  --spring.flyway.url=jdbc:postgresql://127.0.0.1:5432/lantian_gateway_test \
  --spring.rabbitmq.virtual-host=lantian-test --lantian.gateway.rate-limit.key-prefix="lantian:rate:bench:" \
  --spring.data.redis.port="$(secret REDIS_PORT 6379)" --spring.data.redis.password="$(secret REDIS_PASSWORD '')" \
  --lantian.gateway.rate-limit.user-requests=100000000 >"$OUT/gateway.log" 2>&1 &
PIDS+=($!)

wait_for() {
  local deadline=$((SECONDS + 300))
  until curl -sf -o /dev/null "$1"; do
    ((SECONDS < deadline)) || { echo "$1 did not answer within 300 s (logs in $OUT)"; exit 1; }
    sleep 1
  done
}
# The service answers 401 without a token, which is enough to know it is up.
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health"
until [ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$SERVICE_PORT/api/stationary/v1/bench")" = 401 ]; do
  sleep 1
done

TOKEN=$(curl -sf -d grant_type=password -d client_id=lantian-cli -d username=eco-kashgar -d password=lantian-demo \
  http://127.0.0.1:8180/realms/kashgar/protocol/openid-connect/token | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx256m "$HERE/LoadGenerator.java" "$RATE" "$DURATION" "$ROUNDS" "$WARMUP" "$TOKEN" \
  direct="http://127.0.0.1:$SERVICE_PORT/api/stationary/v1/bench" \
  gateway="http://127.0.0.1:$GATEWAY_PORT/api/stationary/v1/bench" | tee "$OUT/result.txt"
