# shellcheck shell=bash
# Standalone Flink session cluster: one JobManager and one TaskManager, each a plain JVM started
# the way Flink's bin/jobmanager.sh and bin/taskmanager.sh start them. Flink's binary distribution
# is not on Maven Central, so the class path is resolved module by module from infra/flink/pom.xml.

readonly FLINK_JM_MAIN_CLASS=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
readonly FLINK_TM_MAIN_CLASS=org.apache.flink.runtime.taskexecutor.TaskManagerRunner
readonly FLINK_BASH_UTILS_CLASS=org.apache.flink.runtime.util.bash.BashJavaUtils

# What Flink's default config.yaml puts in env.java.opts.all for Java 17: the JDK internals that
# Flink's serializers and its RPC system reach into.
readonly FLINK_JAVA17_OPTS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
  --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

flink_home() { printf '%s\n' "$P2T_INSTALL_DIR/flink-$P2T_FLINK_VERSION"; }
flink_conf_dir() { printf '%s\n' "$P2T_CONF_DIR/flink"; }
flink_data_dir() { printf '%s\n' "$P2T_DATA_DIR/flink"; }
flink_log_dir() { printf '%s\n' "$P2T_LOG_DIR/flink"; }
flink_tmp_dir() { printf '%s\n' "$P2T_TMP_DIR/flink"; }
flink_jm_pid_file() { printf '%s\n' "$P2T_RUN_DIR/flink-jobmanager.pid"; }
flink_tm_pid_file() { printf '%s\n' "$P2T_RUN_DIR/flink-taskmanager.pid"; }

flink_log_files() {
  local logs
  logs=$(flink_log_dir)
  printf '%s\n' "$logs/jobmanager.log" "$logs/taskmanager.log" "$logs/jobmanager.out" "$logs/taskmanager.out"
}
flink_endpoint() { printf '%s\n' "$P2T_FLINK_URL"; }
flink_state_paths() {
  printf '%s\n' "$(flink_conf_dir)" "$(flink_data_dir)" "$(flink_log_dir)" "$(flink_tmp_dir)" \
    "$(flink_jm_pid_file)" "$(flink_tm_pid_file)"
}

# The JobManager's pid: it stands for the cluster in `status`.
flink_pid() {
  local pid
  pid=$(p2t_read_pid "$(flink_jm_pid_file)") && p2t_pid_is "$pid" "$FLINK_JM_MAIN_CLASS" && printf '%s\n' "$pid"
}

flink_tm_pid() {
  local pid
  pid=$(p2t_read_pid "$(flink_tm_pid_file)") && p2t_pid_is "$pid" "$FLINK_TM_MAIN_CLASS" && printf '%s\n' "$pid"
}

# Installs the class path once per version and whenever infra/flink/pom.xml changes: .complete
# holds the checksum of the pom it was resolved from.
flink_install() {
  local home pom_sum
  home=$(flink_home)
  pom_sum=$(sha256sum "$P2T_REPO_DIR/infra/flink/pom.xml" | cut -d' ' -f1)
  [[ -f $home/.complete && $(<"$home/.complete") == "$pom_sum" ]] && return 0
  [[ $P2T_FLINK_VERSION == 1.20.* ]] || p2t_die "flink: P2T_FLINK_VERSION must be a 1.20.x release (the jobs are built for 1.20), got '$P2T_FLINK_VERSION'"
  command -v mvn >/dev/null || p2t_die "flink: Maven (mvn) is needed to fetch the Flink jars"
  p2t_log "flink: resolving the Flink $P2T_FLINK_VERSION runtime jars with Maven (about 70 MB from Maven Central when not cached)"
  local start=$SECONDS staging=$home.partial
  rm -rf "$staging"
  mkdir -p "$staging/plugins"
  cp "$P2T_REPO_DIR/infra/flink/pom.xml" "$staging/pom.xml"
  # lib/ is the class path; plugins/ the Prometheus metrics reporter (execution "plugins" of the pom)
  if ! mvn -B -q -f "$staging/pom.xml" -Dflink.version="$P2T_FLINK_VERSION" \
      -DoutputDirectory="$staging/lib" -Dflink.plugins.dir="$staging/plugins" \
      dependency:copy-dependencies dependency:copy@plugins >"$staging/maven.log" 2>&1; then
    tail -n 20 "$staging/maven.log" >&2
    p2t_die "flink: resolving the Flink $P2T_FLINK_VERSION jars failed; see $staging/maven.log"
  fi
  printf '%s\n' "$pom_sum" >"$staging/.complete"
  rm -rf "$home"
  mv "$staging" "$home"
  p2t_log "flink: installed $(find "$home/lib" -name '*.jar' | wc -l) jars in $((SECONDS - start)) s"
}

flink_render_config() {
  local data tmp
  data=$(flink_data_dir) tmp=$(flink_tmp_dir)
  # shellcheck disable=SC2034 # read by p2t_render
  local FLINK_DATA_DIR=$data FLINK_TMP_DIR=$tmp
  p2t_render "$P2T_REPO_DIR/infra/flink/config.yaml.in" "$1" \
    P2T_FLINK_PORT P2T_FLINK_RPC_PORT P2T_FLINK_JM_MEMORY P2T_FLINK_TM_MEMORY P2T_FLINK_SLOTS \
    P2T_FLINK_JM_METRICS_PORT FLINK_DATA_DIR FLINK_TMP_DIR
}

flink_configure() {
  local memory
  for memory in P2T_FLINK_JM_MEMORY P2T_FLINK_TM_MEMORY; do
    [[ ${!memory} =~ ^[0-9]+[kmgKMG]$ ]] || p2t_die "$memory must look like 1600m or 2g, got '${!memory}'"
  done
  [[ $P2T_FLINK_SLOTS =~ ^[1-9][0-9]*$ ]] || p2t_die "P2T_FLINK_SLOTS must be a positive number, got '$P2T_FLINK_SLOTS'"
  local conf data logs tmp
  conf=$(flink_conf_dir) data=$(flink_data_dir) logs=$(flink_log_dir) tmp=$(flink_tmp_dir)
  mkdir -p "$conf" "$data" "$logs" "$tmp"
  flink_render_config "$conf/config.yaml"
  cp "$P2T_REPO_DIR/infra/flink/log4j2-cluster.properties" "$conf/log4j.properties"
  p2t_own "$conf" "$conf"/* "$data" "$logs" "$tmp"
}

# Sets the arrays PREFIX_JVM_ARGS and PREFIX_DYNAMIC_ARGS for a process the way Flink's scripts do:
# BashJavaUtils derives the heap, direct memory and metaspace limits and every memory pool from
# config.yaml (COMMAND is GET_JM_RESOURCE_PARAMS or GET_TM_RESOURCE_PARAMS); the TaskManager
# refuses to start without them. Also where a memory size too small for Flink is rejected.
flink_resource_params() {
  local command=$1 prefix=$2 output results
  output=$("$(p2t_java_home)/bin/java" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData \
    -cp "$(flink_home)/lib/*" "$FLINK_BASH_UTILS_CLASS" "$command" --configDir "$(flink_conf_dir)" 2>&1) \
    || p2t_die "flink: $command failed: $(grep -m 2 Exception <<<"$output" || printf '%s' "$output")"
  results=$(sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p' <<<"$output")
  [[ $(wc -l <<<"$results") -eq 2 ]] || p2t_die "flink: unexpected $command output: $output"
  read -r -a "${prefix}_JVM_ARGS" <<<"$(head -n 1 <<<"$results")"
  read -r -a "${prefix}_DYNAMIC_ARGS" <<<"$(tail -n 1 <<<"$results")"
}

# Starts one Flink process as the service user: NAME (jobmanager or taskmanager) names its log
# files, PREFIX the arrays flink_resource_params filled for it.
flink_spawn() {
  local name=$1 pid_file=$2 main_class=$3 prefix=$4
  shift 4
  local -n jvm_args=${prefix}_JVM_ARGS dynamic_args=${prefix}_DYNAMIC_ARGS
  local conf logs
  conf=$(flink_conf_dir) logs=$(flink_log_dir)
  rm -f "$pid_file"
  # FLINK_CONF_DIR and FLINK_PLUGINS_DIR are what Flink code that loads the configuration or the
  # plugins by itself looks for; the distribution's scripts export them too.
  p2t_spawn_service "$pid_file" "$logs/$name.out" \
    env FLINK_CONF_DIR="$conf" FLINK_PLUGINS_DIR="$(flink_home)/plugins" \
    "$(p2t_java_home)/bin/java" "${jvm_args[@]}" -XX:+IgnoreUnrecognizedVMOptions "${FLINK_JAVA17_OPTS[@]}" \
    -Djava.io.tmpdir="$(flink_tmp_dir)" -Dlog.file="$logs/$name.log" \
    -Dlog4j.configuration="file:$conf/log4j.properties" -Dlog4j.configurationFile="file:$conf/log4j.properties" \
    -cp "$(flink_home)/lib/*" "$main_class" --configDir "$conf" "$@" "${dynamic_args[@]}"
  p2t_wait_for_file "$pid_file" || p2t_die "flink: the $name did not start; see $logs/$name.out"
}

flink_start_jobmanager() {
  flink_spawn jobmanager "$(flink_jm_pid_file)" "$FLINK_JM_MAIN_CLASS" FLINK_JM --executionMode cluster
}

# config.yaml gives the Prometheus reporter the JobManager's port; the TaskManager, on the same
# host, overrides it with its own (a dynamic property, as the -D options of Flink's scripts).
flink_start_taskmanager() {
  flink_spawn taskmanager "$(flink_tm_pid_file)" "$FLINK_TM_MAIN_CLASS" FLINK_TM \
    -Dmetrics.reporter.prom.port="$P2T_FLINK_TM_METRICS_PORT"
}

# A running cluster keeps the configuration it started with; says so when infra/flink or the
# settings changed since (for example the Prometheus reporter added to an older stack).
flink_warn_stale_config() {
  local rendered
  rendered=$(mktemp) || return 0
  flink_render_config "$rendered"
  if ! cmp -s "$rendered" "$(flink_conf_dir)/config.yaml" \
      || [[ ! -f $(flink_home)/.complete \
        || $(<"$(flink_home)/.complete") != "$(sha256sum "$P2T_REPO_DIR/infra/flink/pom.xml" | cut -d' ' -f1)" ]]; then
    p2t_log "flink: runs with an older configuration or class path than infra/flink describes (e.g. without the Prometheus reporter); to apply it: scripts/stack down flink && scripts/stack up flink"
  fi
  rm -f "$rendered"
}

flink_alive() { flink_pid >/dev/null && flink_tm_pid >/dev/null; }

# Healthy: the TaskManager process lives, the REST API answers and a TaskManager has registered.
flink_healthy() {
  local overview registered
  flink_tm_pid >/dev/null || return 1
  overview=$(p2t_http_get "http://127.0.0.1:$P2T_FLINK_PORT/overview" 2>/dev/null) || return 1
  registered=$(sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p' <<<"$overview")
  [[ -n $registered ]] && ((registered >= 1))
}

flink_wait_healthy() {
  local logs
  logs=$(flink_log_dir)
  p2t_wait_healthy flink "$logs/jobmanager.log and $logs/taskmanager.log" flink_alive flink_healthy
}

# Stops the TaskManager if it runs; 0 when it did.
flink_stop_taskmanager() {
  local pid
  if ! pid=$(flink_tm_pid); then
    rm -f "$(flink_tm_pid_file)"
    return 1
  fi
  p2t_log "flink: stopping the TaskManager (pid $pid)"
  p2t_terminate flink "$pid" "$FLINK_TM_MAIN_CLASS"
  rm -f "$(flink_tm_pid_file)"
}

flink_up() {
  local start=$SECONDS pid
  if pid=$(flink_pid); then
    if ! flink_tm_pid >/dev/null; then
      # Same configuration as the running JobManager: conf/ is only rendered for a full start.
      p2t_log "flink: the JobManager (pid $pid) runs without its TaskManager; starting the TaskManager"
      flink_resource_params GET_TM_RESOURCE_PARAMS FLINK_TM
      flink_start_taskmanager
    fi
    flink_wait_healthy
    flink_warn_stale_config
    p2t_log "flink: already running (JobManager pid $pid, TaskManager pid $(flink_tm_pid), $P2T_FLINK_URL)"
    return 0
  fi
  # A TaskManager whose JobManager died would register with the new one under the old
  # configuration; both start afresh.
  flink_stop_taskmanager || true
  p2t_require_free_port flink "$P2T_FLINK_PORT" P2T_FLINK_PORT
  p2t_require_free_port flink "$P2T_FLINK_RPC_PORT" P2T_FLINK_RPC_PORT
  p2t_require_free_port flink "$P2T_FLINK_JM_METRICS_PORT" P2T_FLINK_JM_METRICS_PORT
  p2t_require_free_port flink "$P2T_FLINK_TM_METRICS_PORT" P2T_FLINK_TM_METRICS_PORT
  flink_install
  flink_configure
  # Both processes' memory settings are checked before either starts.
  flink_resource_params GET_JM_RESOURCE_PARAMS FLINK_JM
  flink_resource_params GET_TM_RESOURCE_PARAMS FLINK_TM
  p2t_log "flink: starting (JobManager $P2T_FLINK_JM_MEMORY, TaskManager $P2T_FLINK_TM_MEMORY with $P2T_FLINK_SLOTS slots)"
  flink_start_jobmanager
  # The TaskManager retries its registration until the JobManager is up, so both start at once.
  flink_start_taskmanager
  flink_wait_healthy
  p2t_log "flink: started in $((SECONDS - start)) s (JobManager pid $(flink_pid), TaskManager pid $(flink_tm_pid), web UI and REST API $P2T_FLINK_URL)"
}

flink_down() {
  local pid stopped=false
  # The TaskManager first, so that it does not keep trying to reach a JobManager that is gone.
  flink_stop_taskmanager && stopped=true
  if pid=$(flink_pid); then
    p2t_log "flink: stopping the JobManager (pid $pid)"
    p2t_terminate flink "$pid" "$FLINK_JM_MAIN_CLASS"
    stopped=true
  fi
  rm -f "$(flink_jm_pid_file)"
  $stopped || p2t_log "flink: not running"
}
