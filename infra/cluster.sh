# The cluster topology, sourced by ./lantian (which sets the single-node infrastructure's variables and the helpers
# say/fail/wait_for/alive/stop_pid):
#   up --cluster      a 3-node RabbitMQ cluster, a 3-node Elasticsearch cluster, the cluster's own PostgreSQL and two
#                     instances of every service behind two gateways that balance between them
#   down --cluster    stops exactly that; status shows each node and instance
# Everything runs beside the single-node infrastructure, never instead of it: own node names, ports (infra/cluster.env),
# data folders and pid files. Redis and Keycloak are the single-node ones (the gateways keep their own rate-limit keys).

# shellcheck source=infra/cluster.env
source "$ROOT/infra/cluster.env"
CLUSTER_STATE="$STATE/cluster"            # pid files and logs of the cluster's nodes and instances
CLUSTER_RUN="$CLUSTER_STATE/run"
CLUSTER_LOGS="$CLUSTER_STATE/logs"
CLUSTER_BASE="$ES_BASE/cluster"           # data folders, owned by the system users that run the nodes
read -r -a CLUSTER_RMQ_PORTS <<<"$CLUSTER_RABBITMQ_PORTS"
read -r -a CLUSTER_RMQ_DIST <<<"$CLUSTER_RABBITMQ_DIST_PORTS"
read -r -a CLUSTER_ES_PORTS <<<"$CLUSTER_ELASTICSEARCH_PORTS"
read -r -a CLUSTER_ES_TRANSPORT <<<"$CLUSTER_ELASTICSEARCH_TRANSPORT_PORTS"
read -r -a CLUSTER_OFFSETS <<<"$CLUSTER_INSTANCE_OFFSETS"

cluster_pid() { [ -f "$CLUSTER_RUN/$1.pid" ] && cat "$CLUSTER_RUN/$1.pid" || true; }
# The AMQP addresses of all three nodes, as Spring's spring.rabbitmq.addresses takes them.
cluster_amqp_addresses() { local p out=""; for p in "${CLUSTER_RMQ_PORTS[@]}"; do out+="${out:+,}127.0.0.1:$p"; done; echo "$out"; }

# ---------------------------------------------------------------- RabbitMQ: three nodes, one cluster

cluster_rmq_ctl() { # NODE-NUMBER ARGS...: rabbitmqctl against that node
  local n=$1; shift
  rabbitmqctl -q -n "lt$n@localhost" "$@"
}

# Starts a node in the background; cluster_rmq_await waits for it. A node of a stopped cluster waits at boot for the
# peers it last saw, so a whole cluster must be launched before any is awaited.
cluster_rmq_launch() { # NODE-NUMBER (1-3)
  local n=$1 dir="$CLUSTER_BASE/rabbitmq/lt$1"
  if cluster_rmq_ctl "$n" status >/dev/null 2>&1; then return; fi
  mkdir -p "$dir"
  # The machine's broker reads /etc/rabbitmq/rabbitmq.conf, whose listener would override the port: own config file.
  printf 'listeners.tcp.1 = 127.0.0.1:%s\nloopback_users = none\n' "${CLUSTER_RMQ_PORTS[$((n - 1))]}" >"$dir/node.conf"
  : >"$dir/enabled_plugins"
  chown -R rabbitmq "$CLUSTER_BASE/rabbitmq"
  say "starting RabbitMQ node lt$n@localhost on 127.0.0.1:${CLUSTER_RMQ_PORTS[$((n - 1))]}"
  runuser -u rabbitmq -- env RABBITMQ_NODENAME="lt$n@localhost" RABBITMQ_CONFIG_FILE="$dir/node.conf" \
    RABBITMQ_CONF_ENV_FILE=/dev/null RABBITMQ_DIST_PORT="${CLUSTER_RMQ_DIST[$((n - 1))]}" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/node.pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" ERL_EPMD_ADDRESS=127.0.0.1 \
    rabbitmq-server -detached >>"$CLUSTER_LOGS/rabbitmq-lt$n.log" 2>&1
}

cluster_rmq_await() { # NODE-NUMBER
  local n=$1
  wait_for "RabbitMQ node lt$n" 300 port_open "${CLUSTER_RMQ_PORTS[$((n - 1))]}"
  cluster_rmq_ctl "$n" await_startup >/dev/null 2>&1 || true
  cp "$CLUSTER_BASE/rabbitmq/lt$n/node.pid" "$CLUSTER_RUN/rabbitmq-lt$n.pid"
}

cluster_rmq_start() { cluster_rmq_launch "$1"; cluster_rmq_await "$1"; }  # NODE-NUMBER

cluster_rabbitmq_up() {
  local n
  for n in 1 2 3; do cluster_rmq_launch "$n"; done
  for n in 1 2 3; do cluster_rmq_await "$n"; done
  for n in 2 3; do
    if ! cluster_rmq_ctl 1 cluster_status 2>/dev/null | grep -q "lt$n@localhost"; then
      say "joining lt$n@localhost to the cluster of lt1@localhost"
      cluster_rmq_ctl "$n" stop_app >/dev/null
      cluster_rmq_ctl "$n" reset >/dev/null
      cluster_rmq_ctl "$n" join_cluster lt1@localhost >/dev/null
      cluster_rmq_ctl "$n" start_app >/dev/null
    fi
  done
  # The exchanges, once: definitions are cluster-wide. Quorum queues declared later get a member on every node
  # (their initial group size is the cluster's size).
  if [ ! -f "$CLUSTER_BASE/rabbitmq/definitions.imported" ]; then
    local definitions
    definitions=$(mktemp /tmp/lantian-definitions.XXXXXX)
    cp "$ROOT/infra/rabbitmq/definitions.json" "$definitions"
    chmod 644 "$definitions"
    cluster_rmq_ctl 1 import_definitions "$definitions" >/dev/null
    rm -f "$definitions"
    touch "$CLUSTER_BASE/rabbitmq/definitions.imported"
  fi
}

cluster_rmq_stop() { # NODE-NUMBER
  if cluster_rmq_ctl "$1" status >/dev/null 2>&1; then
    say "stopping RabbitMQ node lt$1@localhost"
    cluster_rmq_ctl "$1" stop >/dev/null 2>&1 || true
  fi
  rm -f "$CLUSTER_RUN/rabbitmq-lt$1.pid"
}

# ---------------------------------------------------------------- Elasticsearch: three nodes, one replica per shard

cluster_es_curl() { # NODE-NUMBER PATH [curl args]
  local n=$1 path=$2; shift 2
  curl -fs -u "$ES_ADMIN_USER:$ES_ADMIN_PASSWORD" "$@" "http://127.0.0.1:${CLUSTER_ES_PORTS[$((n - 1))]}$path"
}

cluster_es_start() { # NODE-NUMBER
  local n=$1 dir="$CLUSTER_BASE/es-$1" seeds="" i
  if alive "$(cluster_pid "elasticsearch-$n")"; then return; fi
  for i in "${CLUSTER_ES_TRANSPORT[@]}"; do seeds+="${seeds:+,}127.0.0.1:$i"; done
  mkdir -p "$dir/data" "$dir/logs"
  # Each node its own configuration folder (a copy of the distribution's, with this checkout's file-realm users).
  if [ ! -f "$dir/config/elasticsearch.yml" ]; then cp -r "$ES_HOME/config" "$dir/"; fi
  cp "$ROOT/infra/elasticsearch/roles.yml" "$dir/config/roles.yml"
  chown -R "$ES_USER" "$dir"
  local users=(runuser -u "$ES_USER" -- env ES_JAVA_HOME="$JAVA17_HOME" ES_PATH_CONF="$dir/config" "$ES_HOME/bin/elasticsearch-users")
  "${users[@]}" userdel "$ES_ADMIN_USER" >/dev/null 2>&1 || true
  "${users[@]}" useradd "$ES_ADMIN_USER" -p "$ES_ADMIN_PASSWORD" -r superuser >>"$CLUSTER_LOGS/elasticsearch-$n.log" 2>&1
  "${users[@]}" userdel "$ES_INDEXER_USER" >/dev/null 2>&1 || true
  "${users[@]}" useradd "$ES_INDEXER_USER" -p "$ES_INDEXER_PASSWORD" -r lantian_indexer >>"$CLUSTER_LOGS/elasticsearch-$n.log" 2>&1
  say "starting Elasticsearch node es-$n on 127.0.0.1:${CLUSTER_ES_PORTS[$((n - 1))]}"
  rm -f "$dir/es.pid"
  runuser -u "$ES_USER" -- env ES_JAVA_HOME="$JAVA17_HOME" ES_PATH_CONF="$dir/config" \
    ES_JAVA_OPTS="-Xms$CLUSTER_ELASTICSEARCH_HEAP -Xmx$CLUSTER_ELASTICSEARCH_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$dir/es.pid" -Ecluster.name=lantian-cluster -Enode.name="es-$n" \
    -Ediscovery.seed_hosts="$seeds" -Ecluster.initial_master_nodes=es-1,es-2,es-3 \
    -Expack.security.enabled=true -Expack.security.http.ssl.enabled=false -Expack.security.transport.ssl.enabled=false \
    -Ehttp.host=127.0.0.1 -Ehttp.port="${CLUSTER_ES_PORTS[$((n - 1))]}" \
    -Etransport.host=127.0.0.1 -Etransport.port="${CLUSTER_ES_TRANSPORT[$((n - 1))]}" \
    -Epath.data="$dir/data" -Epath.logs="$dir/logs" \
    -Ecluster.routing.allocation.disk.threshold_enabled=false >>"$CLUSTER_LOGS/elasticsearch-$n.log" 2>&1
  cp "$dir/es.pid" "$CLUSTER_RUN/elasticsearch-$n.pid"
}

cluster_elasticsearch_up() {
  local n
  for n in 1 2 3; do cluster_es_start "$n"; done
  wait_for "Elasticsearch cluster" 300 cluster_es_curl 1 "/_cluster/health?wait_for_nodes=3&wait_for_status=yellow&timeout=1s"
}

cluster_es_stop() { # NODE-NUMBER
  stop_pid "elasticsearch node es-$1" "$(cluster_pid "elasticsearch-$1")"
  rm -f "$CLUSTER_RUN/elasticsearch-$1.pid"
}

# ---------------------------------------------------------------- PostgreSQL: the cluster's own server

CLUSTER_PG_BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)/bin"
cluster_pg_ctl() { runuser -u postgres -- "$CLUSTER_PG_BIN/pg_ctl" -D "$CLUSTER_BASE/postgres/data" "$@"; }
cluster_pg_ready() { pg_isready -q -h 127.0.0.1 -p "$CLUSTER_POSTGRES_PORT"; }

cluster_postgres_up() {
  local dir="$CLUSTER_BASE/postgres"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    say "creating the cluster's PostgreSQL in $dir"
    mkdir -p "$dir"
    chown postgres "$dir"
    runuser -u postgres -- "$CLUSTER_PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=peer \
      --auth-host=scram-sha-256 >>"$CLUSTER_LOGS/postgres.log" 2>&1
  fi
  if ! cluster_pg_ready; then
    say "starting the cluster's PostgreSQL on 127.0.0.1:$CLUSTER_POSTGRES_PORT"
    cluster_pg_ctl -l "$dir/postgres.log" -w -t 60 \
      -o "-p $CLUSTER_POSTGRES_PORT -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300" start >/dev/null
  fi
  local psql=(runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -h "$dir" -p "$CLUSTER_POSTGRES_PORT" -d postgres)
  if [ "$("${psql[@]}" -tAc "select 1 from pg_roles where rolname='$POSTGRES_USER'")" != 1 ]; then
    "${psql[@]}" -c "create role $POSTGRES_USER login createdb password '$POSTGRES_PASSWORD'"
  fi
  local db
  for db in $(services | awk '$4 != "-" {split($4, d, ","); print d[1]}'); do
    if [ "$("${psql[@]}" -tAc "select 1 from pg_database where datname='$db'")" != 1 ]; then
      "${psql[@]}" -c "create database $db owner $POSTGRES_USER"
    fi
  done
}

cluster_postgres_down() {
  if cluster_pg_ready; then say "stopping the cluster's PostgreSQL"; cluster_pg_ctl -m fast stop >/dev/null || true; fi
}

# ---------------------------------------------------------------- two instances of every service

cluster_port() { echo $(($1 + CLUSTER_OFFSETS[$2 - 1])); }  # BASE-PORT INSTANCE
cluster_service_port() { cluster_port "$(services | awk -v s="$1" '$1 == s {print $2}')" "$2"; }  # NAME INSTANCE

# The gateway's routes point at lb://<service>; the static instance list replaces a discovery server.
cluster_gateway_json() {
  local name port module db i sep="" json='{"lantian":{"services":{'
  while read -r name port module db; do
    json+="$sep\"$name\":\"lb://$name\""; sep=,
  done < <(services | grep -v '^gateway ')
  json+='}},"spring":{"cloud":{"discovery":{"client":{"simple":{"instances":{'
  sep=""
  while read -r name port module db; do
    json+="$sep\"$name\":["; sep=,
    for i in 1 2; do json+="$([ "$i" = 2 ] && echo ,){\"uri\":\"http://127.0.0.1:$(cluster_port "$port" "$i")\"}"; done
    json+="]"
  done < <(services | grep -v '^gateway ')
  # A GET that meets a dead instance (refused connection, 5xx) is tried again, on the next instance in turn.
  json+='}}}},"gateway":{"server":{"webflux":{"default-filters":[{"name":"Retry","args":{"retries":"2"}}]}}}}}}'
  echo "$json"
}

# What an instance needs beyond the single-node settings, as environment variables for Spring's relaxed binding.
cluster_service_env() { # NAME INSTANCE DATABASE
  local name=$1 i=$2 db=$3
  # CLUSTER_AMQP_OVERRIDE: other addresses for this start (the fault suite's delaying proxy).
  echo "SPRING_RABBITMQ_ADDRESSES=${CLUSTER_AMQP_OVERRIDE:-$(cluster_amqp_addresses)}" "SPRING_RABBITMQ_ADDRESS_SHUFFLE_MODE=random"
  if [ "$db" != - ]; then
    db=${db%%,*}
    echo "SPRING_R2DBC_URL=r2dbc:postgresql://127.0.0.1:$CLUSTER_POSTGRES_PORT/$db" \
      "SPRING_FLYWAY_URL=jdbc:postgresql://127.0.0.1:$CLUSTER_POSTGRES_PORT/$db"
  fi
  # Demo data is loaded once, by the first instance; the second starts on what the first wrote.
  echo "LANTIAN_DEMO_ENABLED=$([ "$i" = 1 ] && echo true || echo false)"
  case "$name" in
    indexer)
      local k=0 p
      for p in "${CLUSTER_ES_PORTS[@]}"; do echo "LANTIAN_INDEXER_ELASTICSEARCH_$k=http://127.0.0.1:$p"; k=$((k + 1)); done
      echo "LANTIAN_INDEXER_REPLICAS=$CLUSTER_ELASTICSEARCH_REPLICAS" ;;
    gateway)
      echo "LANTIAN_GATEWAY_RATELIMIT_KEYPREFIX=$CLUSTER_RATE_KEY_PREFIX" ;;
    portal)
      local up
      for up in air-quality stationary enforcement dust straw greening; do
        echo "LANTIAN_PORTAL_UPSTREAM_$(echo "${up//-/}" | tr 'a-z' 'A-Z')=http://127.0.0.1:$(cluster_service_port "$up" "$i")"
      done ;;
    dust)
      echo "LANTIAN_DUST_AIRQUALITYURL=http://127.0.0.1:$(cluster_service_port air-quality "$i")" ;;
  esac
}

cluster_start_instance() { # NAME BASE-PORT MODULE DATABASES INSTANCE
  local name=$1 module=$3 db=$4 i=$5 port pid jar="$ROOT/$3/target/$1.jar" id="$1-$5"
  port=$(cluster_port "$2" "$i")
  pid=$(cluster_pid "$id")
  if alive "$pid"; then return; fi
  [ -f "$jar" ] || fail "$jar is missing: build first"
  if port_open "$port"; then fail "port $port, where $id belongs, is taken by another process: stop it first"; fi
  say "starting $id on 127.0.0.1:$port"
  local -a settings flags
  # One word per setting: both helpers print several lines.
  read -r -a settings <<<"$({ service_env "$name"; cluster_service_env "$name" "$i" "$db"; } | tr '\n' ' ')"
  mapfile -t flags < <(jvm_flags "$module")
  # Small heaps: twenty instances share the machine. A module whose jvm.options sizes the heap keeps its own.
  if [ ! -f "$ROOT/$module/jvm.options" ]; then flags+=("-Xmx$CLUSTER_SERVICE_HEAP"); fi
  local json=()
  case "$name" in
    gateway) json=("SPRING_APPLICATION_JSON=$(cluster_gateway_json)") ;;
    # Live pages: every portal instance needs every event, so each has its own queues (group portal-1, portal-2).
    portal) json=("SPRING_APPLICATION_JSON={\"spring\":{\"cloud\":{\"stream\":{\"bindings\":{\"airQualityEvents-in-0\":{\"group\":\"portal-$i\"},\"alertMeasures-in-0\":{\"group\":\"portal-$i\"}}}}}}") ;;
  esac
  env "${settings[@]}" "${json[@]}" SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1 \
    nohup "$JAVA17_HOME/bin/java" "${flags[@]}" -jar "$jar" >"$CLUSTER_LOGS/$id.log" 2>&1 </dev/null &
  echo $! >"$CLUSTER_RUN/$id.pid"
}

cluster_instance_healthy() { # ID PORT
  if ! alive "$(cluster_pid "$1")"; then
    tail -n 30 "$CLUSTER_LOGS/$1.log" >&2
    fail "$1 stopped during start-up (log: $CLUSTER_LOGS/$1.log)"
  fi
  curl -fs "http://127.0.0.1:$2/actuator/health" >/dev/null
}

# The services the cluster runs: all of infra/services.txt, or those LANTIAN_CLUSTER_ONLY names (space-separated; e.g.
# "enforcement indexer", all that ./lantian chaos needs, on a machine too busy for twenty instances).
cluster_services() {
  if [ -z "${LANTIAN_CLUSTER_ONLY:-}" ]; then services; return; fi
  services | awk -v only=" $LANTIAN_CLUSTER_ONLY " 'index(only, " " $1 " ") > 0'
}

cluster_services_up() {
  local name port module db i
  # First instances first (they load the demo data and run the migrations), then the second ones.
  for i in 1 2; do
    while read -r name port module db; do cluster_start_instance "$name" "$port" "$module" "$db" "$i"; done < <(cluster_services)
    while read -r name port module db; do
      wait_for "$name-$i" "${LANTIAN_READY_TIMEOUT:-600}" cluster_instance_healthy "$name-$i" "$(cluster_port "$port" "$i")"
    done < <(cluster_services)
  done
}

cluster_services_down() {
  local name port module db i
  for i in 2 1; do
    while read -r name port module db; do
      stop_pid "$name-$i" "$(cluster_pid "$name-$i")"; rm -f "$CLUSTER_RUN/$name-$i.pid"
    done < <(services)
  done
}

# ---------------------------------------------------------------- the commands

cluster_up() { # [--no-build] [--infra-only]
  local arg no_build="" infra_only=""
  for arg in "$@"; do
    case "$arg" in
      --no-build) no_build=1 ;;
      --infra-only) infra_only=1 ;;
      --no-feeds) ;;  # the cluster never starts the feeds: ./lantian chaos publishes its own load
      *) fail "unknown option for up --cluster: $arg (usage: ./lantian up --cluster [--no-build] [--infra-only])" ;;
    esac
  done
  mkdir -p "$CLUSTER_RUN" "$CLUSTER_LOGS" "$CLUSTER_BASE"
  ensure_tools
  ensure_secrets
  ensure_redis
  ensure_keycloak
  # The distribution the single-node Elasticsearch runs from serves the cluster's nodes too.
  fetch_artifact "$ELASTICSEARCH_ARTIFACT:$ELASTICSEARCH_VERSION:zip" "elasticsearch-$ELASTICSEARCH_VERSION.zip"
  id -u "$ES_USER" >/dev/null 2>&1 || useradd --system --create-home --home-dir "$ES_BASE/home" "$ES_USER"
  if [ ! -x "$ES_HOME/bin/elasticsearch" ]; then unzip -q -o "$CACHE/elasticsearch-$ELASTICSEARCH_VERSION.zip" -d "$ES_BASE"; fi
  if ! command -v rabbitmq-server >/dev/null; then apt_install rabbitmq-server; fi
  if ! command -v pg_isready >/dev/null; then apt_install postgresql; fi
  cluster_postgres_up
  cluster_rabbitmq_up
  cluster_elasticsearch_up
  if [ -n "$infra_only" ]; then cluster_status; return; fi
  [ -n "$no_build" ] || build
  cluster_services_up
  cluster_print_urls
}

cluster_down() {
  cluster_services_down
  local n
  for n in 3 2 1; do cluster_es_stop "$n"; done
  for n in 3 2 1; do cluster_rmq_stop "$n"; done
  cluster_postgres_down
}

# Whether any part of the cluster was started from this checkout.
cluster_started() { compgen -G "$CLUSTER_RUN/*.pid" >/dev/null || cluster_pg_ready 2>/dev/null; }

cluster_status() {
  printf '%-16s %-8s %s\n' NAME STATE DETAIL
  row() { printf '%-16s %-8s %s\n' "$1" "$2" "$3"; }
  cluster_pg_ready && row cluster-postgres up ":$CLUSTER_POSTGRES_PORT" || row cluster-postgres down ":$CLUSTER_POSTGRES_PORT"
  local n members
  for n in 1 2 3; do
    if cluster_rmq_ctl "$n" status >/dev/null 2>&1; then
      members=$(cluster_rmq_ctl "$n" eval 'length(rabbit_nodes:all_running()).' 2>/dev/null || echo '?')
      row "rabbitmq-lt$n" up ":${CLUSTER_RMQ_PORTS[$((n - 1))]} node lt$n@localhost, $members of 3 nodes running"
    else
      row "rabbitmq-lt$n" down ":${CLUSTER_RMQ_PORTS[$((n - 1))]}"
    fi
  done
  local health
  for n in 1 2 3; do
    health=$(cluster_es_curl "$n" "/_cluster/health?filter_path=status,number_of_nodes" 2>/dev/null || true)
    if [ -n "$health" ]; then
      row "elasticsearch-$n" up ":${CLUSTER_ES_PORTS[$((n - 1))]} pid $(cluster_pid "elasticsearch-$n") $health"
    else
      row "elasticsearch-$n" down ":${CLUSTER_ES_PORTS[$((n - 1))]}"
    fi
  done
  local name port module db i pid p
  while read -r name port module db; do
    for i in 1 2; do
      pid=$(cluster_pid "$name-$i"); p=$(cluster_port "$port" "$i")
      if alive "$pid" && curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$p/actuator/health"; then
        row "$name-$i" up ":$p pid $pid"
      elif alive "$pid"; then row "$name-$i" starting ":$p pid $pid"
      else row "$name-$i" down ":$p"; fi
    done
  done < <(services)
}

cluster_print_urls() {
  cat <<EOF

Lantian 蓝天 runs as a cluster.
  Gateways                   http://127.0.0.1:$(cluster_service_port gateway 1)/  http://127.0.0.1:$(cluster_service_port gateway 2)/
  RabbitMQ nodes             amqp://$RABBITMQ_USER:$RABBITMQ_PASSWORD@$(cluster_amqp_addresses)
  Elasticsearch nodes        $(printf 'http://127.0.0.1:%s/ ' "${CLUSTER_ES_PORTS[@]}")($ES_ADMIN_USER)
  PostgreSQL                 127.0.0.1:$CLUSTER_POSTGRES_PORT
  Keycloak, Redis            the single-node ones (:$KEYCLOAK_PORT, :$REDIS_ACTIVE_PORT)
./lantian status shows every node and instance; ./lantian chaos runs the fault suite; ./lantian down --cluster stops it.
EOF
}
