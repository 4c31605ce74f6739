#!/usr/bin/env bash
# Feeds benchmark: the live agency feeds at SPEED times real time (default 100) for HOURS hours of simulated time
# (default 1: 36 s of real time at 100x) against the running platform, printing the depth of every queue of the
# platform's virtual host over time and whether any backlog grows.
# Needs the platform up with its history loaded and no feed of its own running: ./lantian up --no-feeds.
# Usage: bench/feeds/run.sh [speed, default 100] [simulated hours, default 1]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SPEED=${1:-100}
HOURS=${2:-1}
INTERVAL=${BENCH_INTERVAL:-3}
WORK=$ROOT/bench/feeds/target
mkdir -p "$WORK"
cd "$ROOT"
# shellcheck disable=SC1091
. infra/versions.env
JAR=feeds/target/feeds.jar
[ -f "$JAR" ] || mvn -q -B -pl feeds -am package -DskipTests -Dbench.skip
if ./lantian status 2>/dev/null | grep -Eq '^\s*feeds\s+up'; then
  echo "the platform runs its own feeds: start it with ./lantian up --no-feeds for this benchmark" >&2
  exit 2
fi

depths() { # "queue messages" lines of the platform's virtual host
  timeout 30 rabbitmqctl -q list_queues -p / name messages --no-table-headers 2>/dev/null | awk '$1 ~ /^lantian\./ {print $1, $2}'
}

FEEDS_PID=
finish() { if [ -n "$FEEDS_PID" ]; then kill "$FEEDS_PID" 2>/dev/null || true; wait "$FEEDS_PID" 2>/dev/null || true; fi; }
trap finish EXIT

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== starting the feeds at ${SPEED}x (log: $WORK/feeds.log)"
env LANTIAN_FEEDS_SPEED="$SPEED" \
  LANTIAN_FEEDS_AMQP_URI="amqp://$RABBITMQ_USER:$RABBITMQ_PASSWORD@127.0.0.1:$RABBITMQ_PORT/%2F" \
  LANTIAN_FEEDS_TOKEN_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/kashgar/protocol/openid-connect/token" \
  java -Xms32m -Xmx256m -XX:+UseSerialGC -jar "$JAR" >"$WORK/feeds.log" 2>&1 &
FEEDS_PID=$!

# The catch-up first (nothing or little is missing on a platform that is up to date), then the measured hours.
for _ in $(seq 1 200); do
  grep -q 'publishing each new hour' "$WORK/feeds.log" && break
  kill -0 "$FEEDS_PID" 2>/dev/null || { tail -20 "$WORK/feeds.log"; echo "the feeds stopped" >&2; exit 1; }
  sleep 3
done
grep -E 'caught up|not caught up' "$WORK/feeds.log" | sed 's/^/   /'
REAL=$(awk -v h="$HOURS" -v s="$SPEED" 'BEGIN {printf "%d", h * 3600 / s + 0.5}')
# After the last simulated hour, time for its messages to drain before the last sample.
DRAIN=${BENCH_DRAIN:-30}
echo "== measuring ${HOURS} simulated hour(s): ${REAL} s of real time, then ${DRAIN} s to drain; samples every ${INTERVAL} s"
START=$(date +%s)
: >"$WORK/depths.txt"
while :; do
  NOW=$(date +%s)
  T=$((NOW - START))
  depths | awk -v t="$T" '{print t, $1, $2}' >>"$WORK/depths.txt"
  LAST=$(awk -v t="$T" '$1 == t {s += $3} END {print s + 0}' "$WORK/depths.txt")
  echo "   t=${T}s  messages waiting in all queues: $LAST  load $(cut -d' ' -f1 /proc/loadavg)"
  [ "$T" -ge $((REAL + DRAIN)) ] && break
  sleep "$INTERVAL"
done
HOURLY=$(grep -c ': hour .* rows)' "$WORK/feeds.log" || true)
echo "== hourly publications (all feeds): $HOURLY"
grep ': hour ' "$WORK/feeds.log" | sed 's/^.* - /   /' | tail -20

echo "== queue depths over time (queues that held any message)"
awk -v real="$REAL" '
  { t[$1] = 1; d[$2, $1] = $3; if ($3 > max[$2]) max[$2] = $3; q[$2] = 1; last[$2] = $3; lastT = $1 }
  END {
    n = 0; for (name in q) if (max[name] > 0) names[++n] = name
    if (n == 0) { print "   every queue stayed empty at every sample" }
    growing = 0
    for (i = 1; i <= n; i++) {
      name = names[i]; line = ""; c1 = 0; s1 = 0; c3 = 0; s3 = 0
      for (s in t) {
        if (s + 0 <= real / 3) { c1++; s1 += d[name, s] }
        if (s + 0 >= real * 2 / 3 && s + 0 <= real) { c3++; s3 += d[name, s] }
      }
      m1 = c1 ? s1 / c1 : 0; m3 = c3 ? s3 / c3 : 0
      verdict = (last[name] > 100 || (m3 > 2 * m1 + 100)) ? "GROWING" : "ok"
      if (verdict != "ok") growing++
      printf "   %-60s max %7d  mean first third %8.1f  mean last third %8.1f  at the end %6d  %s\n", name, max[name], m1, m3, last[name], verdict
    }
    printf "== backlog: %s\n", growing ? growing " queue(s) growing" : "no queue growing"
  }' "$WORK/depths.txt"
echo "== per-sample depths: $WORK/depths.txt (seconds, queue, messages)"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
