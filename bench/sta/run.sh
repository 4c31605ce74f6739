#!/usr/bin/env bash
# SensorThings benchmark (issue #20): a month of one station's observations with $top=1000, asked at a steady rate
# straight from air-quality and through the gateway, with three years of hourly data of 20 stations in the database.
# Needs the infrastructure (./lantian infra up): PostgreSQL, RabbitMQ, Redis. Settings (environment): RATE (100/s),
# DURATION (30 s per round and path), ROUNDS (2), WARMUP (20 s), SERVICE_PORT (18586), GATEWAY_PORT (18580),
# SKIP_BUILD (set: use the jars already built), RELOAD (set: load the three years again), CONFORMANCE (set: afterwards
# run OGC's test suite, level 1, against the gateway's SensorThings root over the same three years), SKIP_LOAD (set:
# no load, e.g. for the conformance run alone).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/sta"
OUT="$HERE/target"
RATE=${RATE:-100}; DURATION=${DURATION:-30}; ROUNDS=${ROUNDS:-2}; WARMUP=${WARMUP:-20}
SERVICE_PORT=${SERVICE_PORT:-18586}; GATEWAY_PORT=${GATEWAY_PORT:-18580}
JAVA=${JAVA:-java}
DB=lantian_air_quality_bench
SECRETS=${LANTIAN_SECRETS:-$ROOT/.lantian/secrets.env}
secret() { local v=""; if [ -f "$SECRETS" ]; then v=$(sed -n "s/^$1=//p" "$SECRETS" | tail -1); fi; echo "${v:-$2}"; }
PGUSER_=$(secret POSTGRES_USER lantian); PGPASS_=$(secret POSTGRES_PASSWORD lantian)
psql_() { PGPASSWORD="$PGPASS_" psql -h 127.0.0.1 -U "$PGUSER_" -v ON_ERROR_STOP=1 -qAt "$@"; }

mkdir -p "$OUT"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building air-quality and the gateway"
  mvn -q -B -f "$ROOT/pom.xml" -pl services/air-quality,gateway -am package -DskipTests -Dbench.skip
fi
# The benchmark's own database: a running platform's data stays as it was.
if [ -z "$(psql_ -d postgres -c "select 1 from pg_database where datname = '$DB'")" ]; then
  psql_ -d postgres -c "create database $DB owner $PGUSER_"
fi

PIDS=()
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap stop EXIT
JVM_FLAGS=(-Xms64m -Xmx384m -XX:+UseSerialGC)

# air-quality on the benchmark database (Flyway migrates it), outbox relay off, observation feed not consumed.
"$JAVA" "${JVM_FLAGS[@]}" -jar "$ROOT/services/air-quality/target/air-quality.jar" --server.port="$SERVICE_PORT" \
  --spring.r2dbc.url="r2dbc:postgresql://127.0.0.1:5432/$DB" --spring.flyway.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --spring.r2dbc.username="$PGUSER_" --spring.r2dbc.password="$PGPASS_" \
  --spring.flyway.user="$PGUSER_" --spring.flyway.password="$PGPASS_" \
  --lantian.eventing.relay.enabled=false --spring.rabbitmq.virtual-host=lantian-test \
  --spring.cloud.stream.bindings.observationBatches-in-0.consumer.auto-startup=false \
  --spring.cloud.stream.bindings.observationBatches-in-0.group=air-quality-bench \
  >"$OUT/air-quality.log" 2>&1 &
PIDS+=($!)
# The gateway as shipped, its air-quality route pointed at the benchmark's service (audit and rate counters kept
# apart from a running platform's, as bench/gateway does).
"$JAVA" "${JVM_FLAGS[@]}" -jar "$ROOT/gateway/target/gateway.jar" --server.port="$GATEWAY_PORT" \
  --lantian.services.air-quality="http://127.0.0.1:$SERVICE_PORT" \
  --spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/lantian_gateway_test \
  --spring.flyway.url=jdbc:postgresql://127.0.0.1:5432/lantian_gateway_test \
  --spring.rabbitmq.virtual-host=lantian-test --lantian.gateway.rate-limit.key-prefix="lantian:rate:bench:" \
  --spring.data.redis.port="$(secret REDIS_PORT 6379)" --spring.data.redis.password="$(secret REDIS_PASSWORD '')" \
  --lantian.gateway.rate-limit.public-requests=100000000 \
  --lantian.gateway.rate-limit.user-requests=100000000 >"$OUT/gateway.log" 2>&1 &
PIDS+=($!)

wait_for() {
  local deadline=$((SECONDS + 600))
  until curl -sf -o /dev/null "$1"; do
    ((SECONDS < deadline)) || { echo "$1 did not answer within 600 s (logs in $OUT)"; exit 1; }
    sleep 2
  done
}
wait_for "http://127.0.0.1:$SERVICE_PORT/actuator/health"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health"

# Three years of hours up to the current one for 20 stations (all pollutants and the AQI), written once.
if [ -n "${RELOAD:-}" ] || [ "$(psql_ -d "$DB" -c "select count(*) from observation")" -lt 500000 ]; then
  echo "loading three years of hourly data for 20 stations"
  psql_ -d "$DB" -f "$HERE/three-years.sql"
fi
THING=$(psql_ -d "$DB" -c "select id from sta_thing where station_id = 'BENCH07'")
FROM=$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m-%dT00:00:00Z)
TO=$(date -u -d "$(date -u +%Y-%m-01)" +%Y-%m-%dT00:00:00Z)
QUERY="Observations?\$filter=phenomenonTime%20ge%20$FROM%20and%20phenomenonTime%20lt%20$TO%20and%20Datastream/Thing/id%20eq%20$THING&\$top=1000"
curl -sf "http://127.0.0.1:$GATEWAY_PORT/api/public/sta/v1.1/$QUERY" -o "$OUT/sample.json"
echo "sample answer: $(wc -c <"$OUT/sample.json") bytes, $(grep -o '"@iot.id"' "$OUT/sample.json" | wc -l) observations"

if [ -z "${SKIP_LOAD:-}" ]; then
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # bench/gateway's open-loop generator; '-' sends no token (the API is public).
  "$JAVA" -Xmx256m "$ROOT/bench/gateway/LoadGenerator.java" "$RATE" "$DURATION" "$ROUNDS" "$WARMUP" - \
    direct="http://127.0.0.1:$SERVICE_PORT/api/public/sta/v1.1/$QUERY" \
    gateway="http://127.0.0.1:$GATEWAY_PORT/api/public/sta/v1.1/$QUERY" | tee "$OUT/result.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

if [ -n "${CONFORMANCE:-}" ]; then
  # OGC's ets-sta10 through the gateway, as the air-quality conformance test runs it against the service alone.
  ETS="$ROOT/services/air-quality/target/ets/ets-sta10-aio.jar"
  [ -f "$ETS" ] || mvn -q -B -f "$ROOT/pom.xml" dependency:copy -Dartifact=org.opengis.cite:ets-sta10:1.5:jar:aio \
    -DoutputDirectory="$ROOT/services/air-quality/target/ets" -Dmdep.stripClassifier=false
  [ -f "$ETS" ] || ETS=$(ls "$ROOT"/services/air-quality/target/ets/ets-sta10-*.jar | head -1)
  RUN="$OUT/ets"; rm -rf "$RUN"; mkdir -p "$RUN"
  cat >"$RUN/props.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<properties version="1.0">
  <entry key="iut">http://127.0.0.1:$GATEWAY_PORT/api/public/sta/v1.1</entry>
  <entry key="ics">1</entry>
</properties>
XML
  "$JAVA" -Xmx256m -Duser.home="$RUN" -jar "$ETS" "$RUN/props.xml" >"$RUN/suite.log" 2>&1
  RESULTS=$(find "$RUN" -name testng-results.xml | head -1)
  # the level's methods only (the suite's exit code and totals do not tell failures)
  python3 - "$RESULTS" <<'PY'
import sys, xml.etree.ElementTree as ET
for test in ET.parse(sys.argv[1]).getroot().iter('test'):
    if test.get('name') != 'Conformance Level 1':
        continue
    counts = {}
    for m in test.iter('test-method'):
        if m.get('is-config') == 'true' and m.get('status') == 'PASS':
            continue
        counts[m.get('status')] = counts.get(m.get('status'), 0) + 1
        if m.get('status') != 'PASS':
            print('  ', m.get('status'), m.get('name'))
    print('OGC ets-sta10 level 1 through the gateway:', counts)
PY
fi
