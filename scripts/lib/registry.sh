# shellcheck shell=bash
# Schema registry: Apicurio Registry 2.4 with its Confluent-compatible REST API (ccompat) at
# $P2T_REGISTRY_URL, built once from Maven Central with infra/registry/pom.xml (Apicurio publishes
# no runnable distribution there). Its storage is an H2 database file in the stack's data
# directory, so schemas and their ids survive a restart: the ids are in every Confluent-framed
# value on the topics (docs/subscribing.md).

readonly REGISTRY_RUNNER=schema-registry-1-runner.jar

registry_home() { printf '%s\n' "$P2T_INSTALL_DIR/registry"; }
registry_data_dir() { printf '%s\n' "$P2T_DATA_DIR/registry"; }
registry_log_dir() { printf '%s\n' "$P2T_LOG_DIR/registry"; }
registry_tmp_dir() { printf '%s\n' "$P2T_TMP_DIR/registry"; }
registry_pid_file() { printf '%s\n' "$P2T_RUN_DIR/registry.pid"; }
registry_log_files() { printf '%s\n' "$(registry_log_dir)/registry.log"; }
registry_endpoint() { printf '%s\n' "$P2T_REGISTRY_URL"; }
registry_state_paths() {
  printf '%s\n' "$(registry_data_dir)" "$(registry_log_dir)" "$(registry_tmp_dir)" "$(registry_pid_file)"
}

registry_pid() {
  local pid
  pid=$(p2t_read_pid "$(registry_pid_file)") && p2t_pid_is "$pid" "$REGISTRY_RUNNER" && printf '%s\n' "$pid"
}

# Builds the registry once per infra/registry/pom.xml: .complete holds the checksum of the pom it
# was built from (about 2 minutes and 150 MB of Maven Central downloads the first time).
registry_install() {
  local home pom_sum
  home=$(registry_home)
  pom_sum=$(sha256sum "$P2T_REPO_DIR/infra/registry/pom.xml" | cut -d' ' -f1)
  [[ -f $home/.complete && $(<"$home/.complete") == "$pom_sum" && -f $home/target/$REGISTRY_RUNNER ]] && return 0
  command -v mvn >/dev/null || p2t_die "registry: Maven (mvn) is needed to build Apicurio Registry"
  p2t_log "registry: building Apicurio Registry with Maven (infra/registry/pom.xml; about 2 minutes)"
  local start=$SECONDS staging=$home.partial
  rm -rf "$staging"
  mkdir -p "$staging"
  cp "$P2T_REPO_DIR/infra/registry/pom.xml" "$staging/pom.xml"
  if ! mvn -B -q -f "$staging/pom.xml" package -DskipTests \
      -Dquarkus.index-dependency.registry-app.group-id=io.apicurio \
      -Dquarkus.index-dependency.registry-app.artifact-id=apicurio-registry-app >"$staging/maven.log" 2>&1; then
    tail -n 20 "$staging/maven.log" >&2
    p2t_die "registry: building Apicurio Registry failed; see $staging/maven.log"
  fi
  [[ -f $staging/target/$REGISTRY_RUNNER ]] || p2t_die "registry: the build made no target/$REGISTRY_RUNNER; see $staging/maven.log"
  printf '%s\n' "$pom_sum" >"$staging/.complete"
  chmod -R a+rX "$staging"
  rm -rf "$home"
  mv "$staging" "$home"
  p2t_log "registry: built in $((SECONDS - start)) s"
}

registry_alive() { registry_pid >/dev/null; }

registry_healthy() {
  p2t_http_get "http://127.0.0.1:$P2T_REGISTRY_PORT/apis/ccompat/v7/subjects" >/dev/null 2>&1
}

registry_start() {
  p2t_require_free_port registry "$P2T_REGISTRY_PORT" P2T_REGISTRY_PORT
  [[ $P2T_REGISTRY_HEAP =~ ^[0-9]+[kmgKMG]$ ]] || p2t_die "P2T_REGISTRY_HEAP must look like 256m or 1g, got '$P2T_REGISTRY_HEAP'"
  local data logs tmp
  data=$(registry_data_dir) logs=$(registry_log_dir) tmp=$(registry_tmp_dir)
  mkdir -p "$data" "$logs" "$tmp"
  p2t_own "$data" "$logs" "$tmp"
  rm -f "$(registry_pid_file)"
  # REGISTRY_DATASOURCE_URL is Apicurio's setting for its (H2) database; a file keeps the schemas.
  p2t_spawn_service "$(registry_pid_file)" "$logs/registry.log" \
    env "REGISTRY_DATASOURCE_URL=jdbc:h2:file:$data/registry;DB_CLOSE_ON_EXIT=FALSE" \
    "$(p2t_java_home)/bin/java" "-Xmx$P2T_REGISTRY_HEAP" -Djava.io.tmpdir="$tmp" \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$P2T_REGISTRY_PORT" \
    -jar "$(registry_home)/target/$REGISTRY_RUNNER"
  p2t_wait_for_file "$(registry_pid_file)" || p2t_die "registry: did not start; see $logs/registry.log"
  p2t_wait_healthy registry "$logs/registry.log" registry_alive registry_healthy
}

registry_up() {
  local start=$SECONDS pid
  if pid=$(registry_pid); then
    p2t_wait_healthy registry "$(registry_log_dir)/registry.log" registry_alive registry_healthy
    p2t_log "registry: already running (pid $pid, $P2T_REGISTRY_URL)"
    return 0
  fi
  registry_install
  p2t_log "registry: starting (heap $P2T_REGISTRY_HEAP)"
  registry_start
  p2t_log "registry: started in $((SECONDS - start)) s (pid $(registry_pid), $P2T_REGISTRY_URL)"
}

registry_down() {
  local pid
  if ! pid=$(registry_pid); then
    rm -f "$(registry_pid_file)"
    p2t_log "registry: not running"
    return 0
  fi
  p2t_log "registry: stopping (pid $pid)"
  p2t_terminate registry "$pid" "$REGISTRY_RUNNER"
  rm -f "$(registry_pid_file)"
}
