# shellcheck shell=bash
# Elasticsearch 8.19 from the integ-test zip on Maven Central (no bundled JDK, security module
# present but switched off), run as the service user because Elasticsearch refuses root.

readonly ES_MAIN_CLASS=org.elasticsearch.bootstrap.Elasticsearch
readonly ES_CLUSTER_NAME=patent2tech

es_home() { printf '%s\n' "$P2T_INSTALL_DIR/elasticsearch-$P2T_ES_VERSION"; }
es_conf_dir() { printf '%s\n' "$P2T_CONF_DIR/elasticsearch"; }
es_data_dir() { printf '%s\n' "$P2T_DATA_DIR/elasticsearch"; }
es_log_dir() { printf '%s\n' "$P2T_LOG_DIR/elasticsearch"; }
es_tmp_dir() { printf '%s\n' "$P2T_TMP_DIR/elasticsearch"; }
es_pid_file() { printf '%s\n' "$P2T_RUN_DIR/elasticsearch.pid"; }

elasticsearch_log_files() { printf '%s\n' "$(es_log_dir)/$ES_CLUSTER_NAME.log" "$(es_log_dir)/console.log"; }
elasticsearch_endpoint() { printf '%s\n' "$P2T_ES_URL"; }
elasticsearch_state_paths() {
  printf '%s\n' "$(es_conf_dir)" "$(es_data_dir)" "$(es_log_dir)" "$(es_tmp_dir)" "$(es_pid_file)"
}

elasticsearch_pid() {
  local pid
  pid=$(p2t_read_pid "$(es_pid_file)") && p2t_pid_is "$pid" "$ES_MAIN_CLASS" && printf '%s\n' "$pid"
}

es_install() {
  local home
  home=$(es_home)
  [[ -x $home/bin/elasticsearch ]] && return 0
  local name=elasticsearch-$P2T_ES_VERSION
  local url=$P2T_MAVEN_REPO_URL/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$P2T_ES_VERSION/$name.zip
  local archive=$P2T_DOWNLOAD_DIR/$name.zip
  p2t_fetch_verified elasticsearch "$url" "$archive"
  p2t_log "elasticsearch: unpacking $archive"
  local staging=$P2T_INSTALL_DIR/.$name.partial
  rm -rf "$staging"
  p2t_unzip "$archive" "$staging" || p2t_die "elasticsearch: could not unpack $archive"
  [[ -d $staging/$name/bin ]] || p2t_die "elasticsearch: $archive does not contain $name/bin"
  chmod -R a+rX "$staging/$name"
  chmod a+x "$staging/$name"/bin/*
  mv "$staging/$name" "$home"
  rm -rf "$staging"
}

es_configure() {
  local home conf data logs tmp
  home=$(es_home) conf=$(es_conf_dir) data=$(es_data_dir) logs=$(es_log_dir) tmp=$(es_tmp_dir)
  [[ $P2T_ES_HEAP =~ ^[0-9]+[kmgKMG]$ ]] || p2t_die "P2T_ES_HEAP must look like 512m or 2g, got '$P2T_ES_HEAP'"
  mkdir -p "$conf/jvm.options.d" "$data" "$logs" "$tmp"
  # The distribution's own JVM options and logging layout, refreshed so a version change takes effect.
  cp "$home/config/jvm.options" "$home/config/log4j2.properties" "$conf/"
  # shellcheck disable=SC2034 # read by p2t_render
  local ES_DATA_DIR=$data ES_LOG_DIR=$logs
  p2t_render "$P2T_REPO_DIR/infra/elasticsearch/elasticsearch.yml.in" "$conf/elasticsearch.yml" \
    ES_DATA_DIR ES_LOG_DIR P2T_ES_PORT
  p2t_render "$P2T_REPO_DIR/infra/elasticsearch/heap.options.in" "$conf/jvm.options.d/heap.options" P2T_ES_HEAP
  # Elasticsearch creates its keystore in the config directory on first start.
  p2t_own "$conf" "$conf"/* "$conf/jvm.options.d"/* "$data" "$logs" "$tmp"
}

elasticsearch_alive() { elasticsearch_pid >/dev/null; }

elasticsearch_healthy() {
  p2t_http_get "http://127.0.0.1:$P2T_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null \
    | grep -q "\"cluster_name\":\"$ES_CLUSTER_NAME\""
}

es_start() {
  p2t_require_free_port elasticsearch "$P2T_ES_PORT" P2T_ES_PORT
  local logs
  logs=$(es_log_dir)
  rm -f "$(es_pid_file)"
  # -d returns once the node has started (or failed to); its own output goes to console.log.
  p2t_as_service_logged "$logs/console.log" \
    env "ES_JAVA_HOME=$(p2t_java_home)" "ES_PATH_CONF=$(es_conf_dir)" "ES_TMPDIR=$(es_tmp_dir)" \
    setsid -w "$(es_home)/bin/elasticsearch" -d -p "$(es_pid_file)" \
    || p2t_die "elasticsearch: failed to start; see $logs/console.log and $logs/$ES_CLUSTER_NAME.log"
  p2t_wait_healthy elasticsearch "$logs/$ES_CLUSTER_NAME.log" elasticsearch_alive elasticsearch_healthy
}

elasticsearch_up() {
  local start=$SECONDS pid
  if pid=$(elasticsearch_pid); then
    p2t_wait_healthy elasticsearch "$(es_log_dir)/$ES_CLUSTER_NAME.log" elasticsearch_alive elasticsearch_healthy
    p2t_log "elasticsearch: already running (pid $pid, $P2T_ES_URL)"
    return 0
  fi
  es_install
  es_configure
  p2t_log "elasticsearch: starting (heap $P2T_ES_HEAP)"
  es_start
  p2t_log "elasticsearch: started in $((SECONDS - start)) s (pid $(elasticsearch_pid), $P2T_ES_URL)"
}

elasticsearch_down() {
  local pid
  if ! pid=$(elasticsearch_pid); then
    rm -f "$(es_pid_file)"
    p2t_log "elasticsearch: not running"
    return 0
  fi
  p2t_log "elasticsearch: stopping (pid $pid)"
  p2t_terminate elasticsearch "$pid" "$ES_MAIN_CLASS"
  rm -f "$(es_pid_file)"
}
