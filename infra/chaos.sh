# The fault suite against the cluster (./lantian up --cluster first), sourced by ./lantian after infra/cluster.sh:
#   chaos [--quick] [CASE...]
# Each case publishes a run of CEMS exceedance events into lantian.stationary (the chaos module's load generator, an
# at-least-once publisher with confirms) while a fault is injected, then waits until every event has its enforcement
# case (the owner's table) and its document in the joint index, and prints one row: sent, in the owner's table, in the
# joint index, lost, duplicated (a case opened twice, or a second case-opened event), time from the end of the fault
# to full recovery. Every row must show 0 lost and 0 duplicated.

CHAOS_EVENTS="${LANTIAN_CHAOS_EVENTS:-2000}"     # events per case
CHAOS_RATE="${LANTIAN_CHAOS_RATE:-100}"          # events per second while the fault happens
CHAOS_DEADLINE="${LANTIAN_CHAOS_DEADLINE:-300}"  # seconds after the fault ends for every event to arrive
CHAOS_DOWNTIME="${LANTIAN_CHAOS_DOWNTIME:-20}"   # how long a killed node or instance stays down
# The cases, in order of the machinery they need; --quick runs those that restart no infrastructure.
CHAOS_CASES=(poison replay-twice instance-killed enforcement-killed rabbitmq-node-killed broker-restart
  es-node-killed es-down-60s postgres-restart delay-and-loss)
# Case 9's proxy between enforcement-2 and RabbitMQ node lt1: its port, delay (ms) and share of segments lost.
CHAOS_PROXY_PORT="${LANTIAN_CHAOS_PROXY_PORT:-25690}"
CHAOS_PROXY_DELAY_MS=200
CHAOS_PROXY_LOSS=0.05
CHAOS_QUICK=(poison replay-twice instance-killed enforcement-killed)

chaos_java() {
  local jar="$ROOT/chaos/target/chaos-0.1.0.jar"
  env CHAOS_AMQP_PORTS="$CLUSTER_RABBITMQ_PORTS" CHAOS_ELASTICSEARCH_PORTS="$CLUSTER_ELASTICSEARCH_PORTS" \
    CHAOS_POSTGRES_PORT="$CLUSTER_POSTGRES_PORT" CHAOS_ELASTICSEARCH_USER="$ES_ADMIN_USER" \
    CHAOS_ELASTICSEARCH_PASSWORD="$ES_ADMIN_PASSWORD" \
    "$JAVA17_HOME/bin/java" -Xmx128m -XX:+UseSerialGC -cp "$jar:$ROOT/chaos/target/lib/*" cn.lantian.chaos.ChaosSuite "$@"
}

now_ms() { date +%s%3N; }

# Messages waiting in a queue, summed over the cluster (0 if it does not exist yet).
chaos_queue_depth() { cluster_rmq_ctl 1 list_queues name messages 2>/dev/null | awk -v q="$1" '$1 == q {print $2}' | head -1; }

chaos_kill_instance() { # ID: kill -9, as a crash
  local pid; pid=$(cluster_pid "$1")
  say "killing $1 (pid $pid) with SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

chaos_restart_instance() { # NAME INSTANCE
  local name=$1 i=$2 port module db
  read -r _ port module db < <(services | awk -v s="$name" '$1 == s')
  cluster_start_instance "$name" "$port" "$module" "$db" "$i"
  wait_for "$name-$i" "${LANTIAN_READY_TIMEOUT:-600}" cluster_instance_healthy "$name-$i" "$(cluster_port "$port" "$i")"
}

chaos_kill_rmq_node() { # NODE-NUMBER
  local pid; pid=$(cat "$CLUSTER_BASE/rabbitmq/lt$1/node.pid" 2>/dev/null || true)
  say "killing RabbitMQ node lt$1@localhost (pid $pid) with SIGKILL"
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
  wait_for "lt$1 to stop" 60 bash -c "! (exec 3<>/dev/tcp/127.0.0.1/${CLUSTER_RMQ_PORTS[$(($1 - 1))]}) 2>/dev/null"
}

# One case: start the load, inject the fault a few seconds in (FAULT is a function that returns when the fault has
# ended, i.e. the part is back), wait for the load to finish, then settle and print the row.
chaos_case() { # LABEL FAULT [poison-every] [load mode]
  local label=$1 fault=$2 poison=${3:-0} run load_pid fault_end row status=0
  run="$(date +%H%M%S)$RANDOM"
  chaos_java load "$run" "$CHAOS_EVENTS" "$CHAOS_RATE" "$poison" "${CHAOS_LOAD_MODE:-once}" >"$CLUSTER_LOGS/chaos-$run.log" 2>&1 &
  load_pid=$!
  sleep 5  # the fault lands mid-stream, not before the first event
  "$fault"
  fault_end=$(now_ms)
  wait "$load_pid" || { tail -5 "$CLUSTER_LOGS/chaos-$run.log" >&2; fail "the load generator of $label failed"; }
  # The fault may end before the last event is even sent: recovery counts from whichever comes later.
  if [ "$(now_ms)" -gt "$fault_end" ] && [ "$fault" = chaos_no_fault ]; then fault_end=$(now_ms); fi
  row=$(chaos_java settle "$label" "$run" "$CHAOS_EVENTS" "$fault_end" "$CHAOS_DEADLINE") || status=1
  echo "$row" | tee -a "$CHAOS_TABLE"
  return $status
}

chaos_no_fault() { :; }

# 5: poison messages among the valid ones (one in 100): each consumer dead-letters them with their reason.
chaos_poison() {
  local before_e before_i after_e after_i status=0
  before_e=$(chaos_queue_depth lantian.stationary.enforcement.dlq); before_i=$(chaos_queue_depth lantian.stationary.indexer.dlq)
  chaos_case "5 poison message among valid ones" chaos_no_fault 100 || status=1
  after_e=$(chaos_queue_depth lantian.stationary.enforcement.dlq); after_i=$(chaos_queue_depth lantian.stationary.indexer.dlq)
  local expected=$((CHAOS_EVENTS / 100))
  say "dead-lettered: enforcement $(( ${after_e:-0} - ${before_e:-0} )), indexer $(( ${after_i:-0} - ${before_i:-0} )) of $expected poison messages"
  local reason
  reason=$(chaos_dlq_reason lantian.stationary.indexer.dlq)
  say "a dead letter's reason (x-lantian-reason): ${reason:-none found}"
  [ $(( ${after_e:-0} - ${before_e:-0} )) -ge "$expected" ] && [ $(( ${after_i:-0} - ${before_i:-0} )) -ge "$expected" ] || status=1
  return $status
}

# The x-lantian-reason header of the newest dead letter in a queue (read back with requeue, so it stays).
chaos_dlq_reason() {
  chaos_java dlq-reason "$1" 2>/dev/null || true
}

# 6: every event published twice, in shuffled order: one case and one document each.
chaos_replay_twice() { CHAOS_LOAD_MODE=twice chaos_case "6 every event twice, shuffled" chaos_no_fault; }

# 3: an instance of the service whose outbox relay publishes (enforcement's case-opened events) killed mid-relay.
chaos_fault_relay_kill() { chaos_kill_instance enforcement-1; sleep "$CHAOS_DOWNTIME"; chaos_restart_instance enforcement 1; }
chaos_instance_killed() { chaos_case "3 instance killed (publish vs. outbox mark)" chaos_fault_relay_kill; }

# 4: an enforcement instance killed while it consumes (between its commit and its ack, for the batches in flight).
chaos_fault_consumer_kill() { chaos_kill_instance enforcement-2; sleep "$CHAOS_DOWNTIME"; chaos_restart_instance enforcement 2; }
chaos_enforcement_killed() { chaos_case "4 enforcement killed (commit vs. ack)" chaos_fault_consumer_kill; }

# 1a: one RabbitMQ node killed mid-stream, back after the downtime.
chaos_fault_rmq_node() { chaos_kill_rmq_node 2; sleep "$CHAOS_DOWNTIME"; cluster_rmq_start 2; }
chaos_rabbitmq_node_killed() { chaos_case "1 RabbitMQ node killed" chaos_fault_rmq_node; }

# 1b: the whole broker restarted (all three nodes stopped, then started together).
chaos_fault_broker_restart() {
  local n
  for n in 3 2 1; do cluster_rmq_stop "$n"; done
  for n in 1 2 3; do cluster_rmq_launch "$n"; done
  for n in 1 2 3; do cluster_rmq_await "$n"; done
}
chaos_broker_restart() { chaos_case "1 whole broker restarted" chaos_fault_broker_restart; }

# 2a: one Elasticsearch node killed during bulk indexing, back after the downtime.
chaos_fault_es_node() {
  local pid; pid=$(cluster_pid elasticsearch-2)
  say "killing Elasticsearch node es-2 (pid $pid) with SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep "$CHAOS_DOWNTIME"
  cluster_es_start 2
  wait_for "Elasticsearch cluster" 300 cluster_es_curl 1 "/_cluster/health?wait_for_nodes=3&timeout=1s"
}
chaos_es_node_killed() { chaos_case "2 Elasticsearch node killed" chaos_fault_es_node; }

# 2b: the whole Elasticsearch cluster down for 60 s.
chaos_fault_es_down() {
  local n
  for n in 3 2 1; do cluster_es_stop "$n"; done
  sleep 60
  cluster_elasticsearch_up
}
chaos_es_down_60s() { chaos_case "2 Elasticsearch cluster down 60 s" chaos_fault_es_down; }

# 8: the cluster's PostgreSQL restarted under write load.
chaos_fault_pg_restart() {
  say "restarting the cluster's PostgreSQL"
  cluster_pg_ctl -m fast -w -t 120 restart \
    -o "-p $CLUSTER_POSTGRES_PORT -c listen_addresses=127.0.0.1 -k $CLUSTER_BASE/postgres -c max_connections=300" >/dev/null
}
chaos_postgres_restart() { chaos_case "8 PostgreSQL restarted under write load" chaos_fault_pg_restart; }

# 9: 200 ms of delay and 5 % loss between an enforcement instance and the broker: enforcement-2 restarted to reach
# RabbitMQ only through a delaying proxy (chaos module DelayProxy), which stays for the whole case; afterwards the
# instance is restarted as before.
chaos_delay_and_loss() {
  local proxy_pid status=0 rmq_port=${CLUSTER_RMQ_PORTS[0]}
  chaos_java proxy "$CHAOS_PROXY_PORT" "$rmq_port" "$CHAOS_PROXY_DELAY_MS" "$CHAOS_PROXY_LOSS" \
    >"$CLUSTER_LOGS/chaos-proxy.log" 2>&1 &
  proxy_pid=$!
  stop_pid enforcement-2 "$(cluster_pid enforcement-2)"
  CLUSTER_AMQP_OVERRIDE="127.0.0.1:$CHAOS_PROXY_PORT" chaos_restart_instance enforcement 2
  chaos_case "9 delay 200 ms, loss 5 % to the broker" chaos_no_fault || status=1
  stop_pid enforcement-2 "$(cluster_pid enforcement-2)"
  kill "$proxy_pid" 2>/dev/null || true
  chaos_restart_instance enforcement 2
  return $status
}

chaos() {
  local arg quick="" cases=()
  for arg in "$@"; do
    case "$arg" in
      --quick) quick=1 ;;
      *) cases+=("$arg") ;;
    esac
  done
  if ((${#cases[@]} == 0)); then
    if [ -n "$quick" ]; then cases=("${CHAOS_QUICK[@]}"); else cases=("${CHAOS_CASES[@]}"); fi
  fi
  ensure_tools
  ensure_secrets
  local name port module db i
  while read -r name port module db; do
    for i in 1 2; do
      curl -fs -o /dev/null --max-time 10 "http://127.0.0.1:$(cluster_port "$port" "$i")/actuator/health" \
        || fail "the fault suite needs the cluster: $name-$i does not answer (./lantian up --cluster)"
    done
  done < <(services | grep -E '^(enforcement|indexer) ')
  [ -f "$ROOT/chaos/target/chaos-0.1.0.jar" ] || (cd "$ROOT" && mvn -q -B -pl chaos -am package -DskipTests >"$CLUSTER_LOGS/chaos-build.log" 2>&1) \
    || fail "could not build the chaos module (see $CLUSTER_LOGS/chaos-build.log)"
  CHAOS_TABLE="$CLUSTER_LOGS/chaos-$(date +%Y%m%d-%H%M%S).txt"
  chaos_java header | tee "$CHAOS_TABLE"
  local c failed=0
  for c in "${cases[@]}"; do
    case " ${CHAOS_CASES[*]} " in *" $c "*) ;; *) fail "unknown case $c (cases: ${CHAOS_CASES[*]})" ;; esac
    "chaos_${c//-/_}" || failed=$((failed + 1))
  done
  echo
  say "fault suite: ${#cases[@]} cases, $failed failed; table in $CHAOS_TABLE"
  cat "$CHAOS_TABLE"
  ((failed == 0))
}
