# shellcheck shell=bash
# Prometheus server scraping the Flink cluster's metrics reporters (one port per process) and
# evaluating infra/prometheus/alerts.yml. The binaries come from Debian's prometheus package,
# fetched with `apt-get download` (apt checks it against the signed package lists) and unpacked
# with dpkg-deb into the install directory: nothing is installed system-wide, no daemon of the
# package's own is started.

prometheus_home() { printf '%s\n' "$P2T_INSTALL_DIR/prometheus"; }
prometheus_bin() { printf '%s\n' "$(prometheus_home)/usr/bin/$1"; }
prometheus_conf_dir() { printf '%s\n' "$P2T_CONF_DIR/prometheus"; }
prometheus_data_dir() { printf '%s\n' "$P2T_DATA_DIR/prometheus"; }
prometheus_log_dir() { printf '%s\n' "$P2T_LOG_DIR/prometheus"; }
prometheus_pid_file() { printf '%s\n' "$P2T_RUN_DIR/prometheus.pid"; }
prometheus_log_files() { printf '%s\n' "$(prometheus_log_dir)/prometheus.log"; }
prometheus_endpoint() { printf '%s\n' "$P2T_PROMETHEUS_URL"; }
prometheus_state_paths() {
  printf '%s\n' "$(prometheus_conf_dir)" "$(prometheus_data_dir)" "$(prometheus_log_dir)" "$(prometheus_pid_file)"
}

# The marker is this stack's configuration file: another stack's Prometheus is not ours.
prometheus_pid() {
  local pid
  pid=$(p2t_read_pid "$(prometheus_pid_file)") \
    && p2t_pid_is "$pid" "--config.file=$(prometheus_conf_dir)/prometheus.yml" && printf '%s\n' "$pid"
}

prometheus_install() {
  local home
  home=$(prometheus_home)
  [[ -f $home/.complete ]] && return 0
  command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null \
    || p2t_die "prometheus: apt-get and dpkg-deb are needed to fetch Debian's prometheus package"
  if ! apt-cache show prometheus >/dev/null 2>&1; then
    p2t_is_root || p2t_die "prometheus: apt knows no 'prometheus' package; run 'apt-get update' as root first"
    p2t_log "prometheus: apt-get update (no package lists yet)"
    apt-get update -qq >/dev/null || p2t_die "prometheus: apt-get update failed"
  fi
  local start=$SECONDS staging=$home.partial deb
  rm -rf "$staging"
  mkdir -p "$staging/deb"
  p2t_log "prometheus: downloading Debian's prometheus package (about 20 MB)"
  # apt-get download writes into the working directory; as root its sandbox user must reach it.
  p2t_is_root && chmod 777 "$staging/deb"
  (cd "$staging/deb" && apt-get download -q prometheus >"$staging/apt.log" 2>&1) \
    || p2t_die "prometheus: apt-get download prometheus failed; see $staging/apt.log"
  deb=$(find "$staging/deb" -name 'prometheus_*.deb' -print -quit)
  [[ -n $deb ]] || p2t_die "prometheus: no package file after apt-get download; see $staging/apt.log"
  dpkg-deb -x "$deb" "$staging" || p2t_die "prometheus: cannot unpack $deb"
  [[ -x $staging/usr/bin/prometheus && -x $staging/usr/bin/promtool ]] \
    || p2t_die "prometheus: $deb holds no usr/bin/prometheus and usr/bin/promtool"
  basename "$deb" >"$staging/.complete"
  rm -rf "$staging/deb" "$home"
  mv "$staging" "$home"
  p2t_log "prometheus: installed $(<"$home/.complete") in $((SECONDS - start)) s"
}

# prometheus.yml from its template, alerts.yml as it is; promtool checks both (and so the alert
# rules' expressions) before the server sees them.
prometheus_configure() {
  [[ $P2T_PROMETHEUS_RETENTION =~ ^[0-9]+(ms|s|m|h|d|w|y)$ ]] \
    || p2t_die "P2T_PROMETHEUS_RETENTION must look like 15d or 12h, got '$P2T_PROMETHEUS_RETENTION'"
  local conf data logs
  conf=$(prometheus_conf_dir) data=$(prometheus_data_dir) logs=$(prometheus_log_dir)
  mkdir -p "$conf" "$data" "$logs"
  p2t_render "$P2T_REPO_DIR/infra/prometheus/prometheus.yml.in" "$conf/prometheus.yml" \
    P2T_PROMETHEUS_INTERVAL P2T_FLINK_JM_METRICS_PORT P2T_FLINK_TM_METRICS_PORT
  cp "$P2T_REPO_DIR/infra/prometheus/alerts.yml" "$conf/alerts.yml"
  local output
  output=$("$(prometheus_bin promtool)" check config "$conf/prometheus.yml" 2>&1) \
    || p2t_die "prometheus: promtool rejects the configuration: $output"
  p2t_own "$conf" "$conf"/* "$data" "$logs"
}

prometheus_alive() { prometheus_pid >/dev/null; }
prometheus_healthy() { p2t_http_get "http://127.0.0.1:$P2T_PROMETHEUS_PORT/-/ready" >/dev/null 2>&1; }

prometheus_up() {
  local start=$SECONDS pid
  if pid=$(prometheus_pid); then
    p2t_wait_healthy prometheus "$(prometheus_log_dir)/prometheus.log" prometheus_alive prometheus_healthy
    # Unlike Flink, Prometheus rereads its configuration on SIGHUP: changed alert rules or scrape
    # settings apply without a restart (the new files passed promtool first).
    prometheus_configure
    kill -HUP "$pid" || p2t_die "prometheus: cannot signal pid $pid to reload its configuration"
    p2t_log "prometheus: already running (pid $pid, $P2T_PROMETHEUS_URL); configuration reloaded"
    return 0
  fi
  p2t_require_free_port prometheus "$P2T_PROMETHEUS_PORT" P2T_PROMETHEUS_PORT
  prometheus_install
  prometheus_configure
  p2t_log "prometheus: starting"
  local conf logs pid_file
  conf=$(prometheus_conf_dir) logs=$(prometheus_log_dir) pid_file=$(prometheus_pid_file)
  rm -f "$pid_file"
  p2t_spawn_service "$pid_file" "$logs/prometheus.log" \
    "$(prometheus_bin prometheus)" --config.file="$conf/prometheus.yml" \
    --storage.tsdb.path="$(prometheus_data_dir)" --storage.tsdb.retention.time="$P2T_PROMETHEUS_RETENTION" \
    --web.listen-address="127.0.0.1:$P2T_PROMETHEUS_PORT"
  p2t_wait_for_file "$pid_file" || p2t_die "prometheus: did not start; see $logs/prometheus.log"
  p2t_wait_healthy prometheus "$logs/prometheus.log" prometheus_alive prometheus_healthy
  p2t_log "prometheus: started in $((SECONDS - start)) s (pid $(prometheus_pid), $P2T_PROMETHEUS_URL)"
}

prometheus_down() {
  local pid
  if ! pid=$(prometheus_pid); then
    rm -f "$(prometheus_pid_file)"
    p2t_log "prometheus: not running"
    return 0
  fi
  p2t_log "prometheus: stopping (pid $pid)"
  p2t_terminate prometheus "$pid" "--config.file=$(prometheus_conf_dir)/prometheus.yml"
  rm -f "$(prometheus_pid_file)"
}
