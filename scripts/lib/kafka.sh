# shellcheck shell=bash
# Kafka 4 broker in KRaft mode (one node, broker + controller). The class path is resolved from
# Maven Central with infra/kafka/pom.xml; no Kafka tarball is involved.

readonly KAFKA_MAIN_CLASS=kafka.Kafka

kafka_home() { printf '%s\n' "$P2T_INSTALL_DIR/kafka-$P2T_KAFKA_VERSION"; }
kafka_conf_dir() { printf '%s\n' "$P2T_CONF_DIR/kafka"; }
kafka_data_dir() { printf '%s\n' "$P2T_DATA_DIR/kafka"; }
kafka_log_dir() { printf '%s\n' "$P2T_LOG_DIR/kafka"; }
kafka_pid_file() { printf '%s\n' "$P2T_RUN_DIR/kafka.pid"; }
kafka_log_files() { printf '%s\n' "$(kafka_log_dir)/server.log" "$(kafka_log_dir)/stdout.log"; }
kafka_endpoint() { printf '%s\n' "$P2T_KAFKA_BOOTSTRAP"; }
kafka_state_paths() { printf '%s\n' "$(kafka_conf_dir)" "$(kafka_data_dir)" "$(kafka_log_dir)" "$(kafka_pid_file)"; }

kafka_pid() {
  local pid
  pid=$(p2t_read_pid "$(kafka_pid_file)") && p2t_pid_is "$pid" "$KAFKA_MAIN_CLASS" && printf '%s\n' "$pid"
}

kafka_install() {
  local home
  home=$(kafka_home)
  [[ -f $home/.complete ]] && return 0
  [[ $P2T_KAFKA_VERSION == 4.* ]] || p2t_die "kafka: P2T_KAFKA_VERSION must be a 4.x release, got '$P2T_KAFKA_VERSION'"
  command -v mvn >/dev/null || p2t_die "kafka: Maven (mvn) is needed to fetch the broker jars"
  p2t_log "kafka: downloading Kafka $P2T_KAFKA_VERSION broker and tool jars from Maven Central (about 45 MB)"
  local start=$SECONDS staging=$home.partial
  rm -rf "$staging"
  mkdir -p "$staging"
  cp "$P2T_REPO_DIR/infra/kafka/pom.xml" "$staging/pom.xml"
  if ! mvn -B -q -f "$staging/pom.xml" -Dkafka.version="$P2T_KAFKA_VERSION" \
      -DoutputDirectory="$staging/libs" dependency:copy-dependencies >"$staging/maven.log" 2>&1; then
    tail -n 20 "$staging/maven.log" >&2
    p2t_die "kafka: resolving the Kafka $P2T_KAFKA_VERSION jars failed; see $staging/maven.log"
  fi
  touch "$staging/.complete"
  rm -rf "$home"
  mv "$staging" "$home"
  p2t_log "kafka: installed $(find "$home/libs" -name '*.jar' | wc -l) jars in $((SECONDS - start)) s"
}

kafka_configure() {
  local conf data logs
  conf=$(kafka_conf_dir) data=$(kafka_data_dir) logs=$(kafka_log_dir)
  mkdir -p "$conf" "$data" "$logs"
  # shellcheck disable=SC2034 # read by p2t_render
  local KAFKA_DATA_DIR=$data KAFKA_TLS_DIR=$conf/tls
  kafka_make_tls "$KAFKA_TLS_DIR"
  p2t_render "$P2T_REPO_DIR/infra/kafka/server.properties.in" "$conf/server.properties" \
    P2T_KAFKA_PORT P2T_KAFKA_CONTROLLER_PORT P2T_KAFKA_SECURE_PORT KAFKA_DATA_DIR KAFKA_TLS_DIR
  cp "$P2T_REPO_DIR/infra/kafka/log4j2.yaml" "$P2T_REPO_DIR/infra/kafka/tools-log4j2.yaml" "$conf/"
  # Bounds every tool call, so that a broker that is down fails `status` in seconds, not minutes.
  printf '%s\n' request.timeout.ms=10000 default.api.timeout.ms=20000 >"$conf/tools-client.properties"
  p2t_own "$conf" "$conf"/* "$conf"/tls/* "$data" "$logs"
}

# The SECURE listener's certificate (p2t_make_tls: the stack's CA for Kafka, a key and certificate
# for localhost and 127.0.0.1), with key and certificate in one file, key first, as Kafka's PEM key
# store reads it.
kafka_make_tls() {
  local dir=$1
  p2t_make_tls "$dir" kafka
  if [[ ! -s $dir/broker.pem || $dir/server.crt -nt $dir/broker.pem ]]; then
    cat "$dir/server.key" "$dir/server.crt" >"$dir/broker.pem.tmp"
    chmod 600 "$dir/broker.pem.tmp"
    mv "$dir/broker.pem.tmp" "$dir/broker.pem"
  fi
}

# Creates (or resets) the SCRAM-SHA-512 user of the SECURE listener through the PLAINTEXT one. In
# KRaft the credentials live in the cluster metadata, so this works on a storage formatted before
# the listener existed, as well as on a new one.
kafka_ensure_scram_user() {
  kafka_tool kafka.admin.ConfigCommand --bootstrap-server "127.0.0.1:$P2T_KAFKA_PORT" \
    --command-config "$(kafka_conf_dir)/tools-client.properties" \
    --alter --entity-type users --entity-name "$P2T_KAFKA_SCRAM_USER" \
    --add-config "SCRAM-SHA-512=[iterations=4096,password=$P2T_KAFKA_SCRAM_PASSWORD]" >/dev/null \
    || p2t_die "kafka: could not create the SCRAM user $P2T_KAFKA_SCRAM_USER; see $(kafka_log_dir)/server.log"
}

# Runs a Kafka command-line tool (a short-lived JVM tuned for start-up time) as the calling user.
kafka_tool() {
  "$(p2t_java_home)/bin/java" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData \
    -Dlog4j2.configurationFile="$(kafka_conf_dir)/tools-log4j2.yaml" \
    -cp "$(kafka_home)/libs/*" "$@"
}

# A Kafka Uuid in its text form: 16 random bytes, URL-safe base64 without padding. Like
# Uuid.randomUuid(), never one that starts with '-', which command lines would take for an option.
kafka_random_uuid() {
  local uuid
  until uuid=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='); [[ $uuid != -* ]]; do :; done
  printf '%s\n' "$uuid"
}

kafka_format_storage() {
  local data
  data=$(kafka_data_dir)
  [[ -f $data/meta.properties ]] && return 0
  local cluster_id
  cluster_id=$(kafka_random_uuid)
  p2t_log "kafka: formatting storage $data (cluster id $cluster_id)"
  p2t_as_service_logged "$(kafka_log_dir)/stdout.log" "$(p2t_java_home)/bin/java" -Xmx256m -XX:-UsePerfData \
    -Dlog4j2.configurationFile="$(kafka_conf_dir)/tools-log4j2.yaml" -cp "$(kafka_home)/libs/*" \
    kafka.tools.StorageTool format --cluster-id "$cluster_id" \
    --config "$(kafka_conf_dir)/server.properties" --ignore-formatted \
    || p2t_die "kafka: formatting $data failed; see $(kafka_log_dir)/stdout.log"
}

kafka_alive() { kafka_pid >/dev/null; }
kafka_listening() { p2t_port_in_use "$P2T_KAFKA_PORT"; }

kafka_list_topics() {
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$P2T_KAFKA_PORT" \
    --command-config "$(kafka_conf_dir)/tools-client.properties" --list
}

kafka_healthy() {
  kafka_listening && kafka_list_topics >/dev/null 2>&1
}

kafka_start() {
  p2t_require_free_port kafka "$P2T_KAFKA_PORT" P2T_KAFKA_PORT
  p2t_require_free_port kafka "$P2T_KAFKA_CONTROLLER_PORT" P2T_KAFKA_CONTROLLER_PORT
  p2t_require_free_port kafka "$P2T_KAFKA_SECURE_PORT" P2T_KAFKA_SECURE_PORT
  kafka_format_storage
  local conf logs pid_file
  conf=$(kafka_conf_dir) logs=$(kafka_log_dir) pid_file=$(kafka_pid_file)
  rm -f "$pid_file"
  p2t_spawn_service "$pid_file" "$logs/stdout.log" \
    "$(p2t_java_home)/bin/java" -Xms"$P2T_KAFKA_HEAP" -Xmx"$P2T_KAFKA_HEAP" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true -Djava.io.tmpdir="$P2T_TMP_DIR" \
    -Dkafka.logs.dir="$logs" -Dlog4j2.configurationFile="$conf/log4j2.yaml" \
    -cp "$(kafka_home)/libs/*" "$KAFKA_MAIN_CLASS" "$conf/server.properties"
  p2t_wait_for_file "$pid_file" || p2t_die "kafka: the broker did not start; see $logs/stdout.log"
  p2t_wait_healthy kafka "$logs/server.log and $logs/stdout.log" kafka_alive kafka_listening
}

# Creates a topic with its partitions and settings (key=value topic configs) from topics.txt.
kafka_create_topic() {
  local name=$1 partitions=$2 config
  shift 2
  local configs=()
  for config in "$@"; do
    configs+=(--config "$config")
  done
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$P2T_KAFKA_PORT" \
    --command-config "$(kafka_conf_dir)/tools-client.properties" \
    --create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1 \
    "${configs[@]}" >/dev/null
}

# Sets retention.ms of an existing topic to what topics.txt declares (the one setting that is
# brought in line on existing topics; see topics.txt).
kafka_align_retention() {
  local name=$1 retention=$2
  kafka_tool kafka.admin.ConfigCommand --bootstrap-server "127.0.0.1:$P2T_KAFKA_PORT" \
    --command-config "$(kafka_conf_dir)/tools-client.properties" \
    --alter --entity-type topics --entity-name "$name" --add-config "retention.ms=$retention" >/dev/null
}

# "topic key=value" per topic-level setting of every topic (what differs from the broker's
# defaults), from one tool JVM.
kafka_topic_settings() {
  kafka_tool kafka.admin.ConfigCommand --bootstrap-server "127.0.0.1:$P2T_KAFKA_PORT" \
    --command-config "$(kafka_conf_dir)/tools-client.properties" --describe --entity-type topics \
    | awk '/^Dynamic configs for topic / { topic = $5; next } topic != "" && /^  [a-z0-9.]+=/ { print topic, $1 }'
}

# Creates the missing topics of infra/kafka/topics.txt with their partitions and settings; of the
# existing ones, sets retention.ms where it differs and reports a different cleanup.policy.
kafka_ensure_topics() {
  local existing settings name partitions configs_line config key value current
  existing=$(kafka_list_topics) || p2t_die "kafka: cannot list topics on 127.0.0.1:$P2T_KAFKA_PORT; see $(kafka_log_dir)/server.log"
  settings=$(kafka_topic_settings) || p2t_die "kafka: cannot describe the topics' settings on 127.0.0.1:$P2T_KAFKA_PORT"
  local -A running=()
  while read -r name partitions configs_line; do
    [[ -z $name || $name == \#* ]] && continue
    [[ $partitions =~ ^[1-9][0-9]*$ ]] || p2t_die "kafka: topics.txt: '$name' needs a partition count"
    local configs=() columns=()
    read -r -a columns <<<"$configs_line"
    for config in "${columns[@]}"; do
      [[ $config =~ ^[a-z0-9.]+=[^=]+$ ]] || p2t_die "kafka: topics.txt: '$name': '$config' is not a topic config (key=value)"
      # the values' encoding is the writers' business (connectors' Topics), not a Kafka setting
      if [[ $config == encoding=* ]]; then
        [[ $config =~ ^encoding=(single-object|confluent)$ ]] \
          || p2t_die "kafka: topics.txt: '$name': '$config': encoding is single-object or confluent"
        continue
      fi
      configs+=("$config")
    done
    configs_line=${configs[*]}
    if ! grep -qxF -- "$name" <<<"$existing"; then
      kafka_create_topic "$name" "$partitions" "${configs[@]}" &
      running[$!]="create topic $name, $partitions partition(s)${configs_line:+, ${configs[*]}}"
      continue
    fi
    for config in "${configs[@]}"; do
      key=${config%%=*} value=${config#*=}
      current=$(awk -v topic="$name" -v key="$key" '$1 == topic && index($2, key "=") == 1 { print substr($2, length(key) + 2) }' <<<"$settings")
      # a setting not listed is the broker's default; the broker's cleanup.policy is delete
      [[ -z $current && $key == cleanup.policy ]] && current=delete
      [[ $current == "$value" ]] && continue
      if [[ $key == retention.ms ]]; then
        kafka_align_retention "$name" "$value" &
        running[$!]="set retention.ms=$value of topic $name"
      else
        p2t_log "kafka: topic $name has $key=${current:-the broker default}, topics.txt declares $value; left as it is (docs/subscribing.md)"
      fi
    done
  done <"$P2T_REPO_DIR/infra/kafka/topics.txt"
  local pid failed=false
  for pid in "${!running[@]}"; do
    if wait "$pid"; then
      p2t_log "kafka: ${running[$pid]}: done"
    else
      p2t_log "kafka: ${running[$pid]}: failed"
      failed=true
    fi
  done
  $failed && p2t_die "kafka: topic creation or configuration failed; see $(kafka_log_dir)/server.log"
  return 0
}

kafka_up() {
  local start=$SECONDS pid
  if pid=$(kafka_pid); then
    p2t_wait_healthy kafka "$(kafka_log_dir)/server.log" kafka_alive kafka_listening
    kafka_ensure_topics
    kafka_ensure_scram_user
    p2t_log "kafka: already running (pid $pid, $P2T_KAFKA_BOOTSTRAP)"
    return 0
  fi
  kafka_install
  kafka_configure
  p2t_log "kafka: starting"
  kafka_start
  kafka_ensure_topics
  kafka_ensure_scram_user
  p2t_log "kafka: started in $((SECONDS - start)) s (pid $(kafka_pid), $P2T_KAFKA_BOOTSTRAP)"
}

kafka_down() {
  local pid
  if ! pid=$(kafka_pid); then
    rm -f "$(kafka_pid_file)"
    p2t_log "kafka: not running"
    return 0
  fi
  p2t_log "kafka: stopping (pid $pid)"
  p2t_terminate kafka "$pid" "$KAFKA_MAIN_CLASS"
  rm -f "$(kafka_pid_file)"
}
