# shellcheck shell=bash
# shellcheck disable=SC2034 # configuration variables are read by the files that source this one
# Shared helpers of scripts/stack: configuration, the service user, directories, processes,
# downloads. Sourced, never executed; expects P2T_REPO_DIR to point at the repository root.

# Bash 5.2 gives '&' in a ${var//pattern/replacement} a special meaning; templates must not.
shopt -u patsub_replacement 2>/dev/null || true

readonly P2T_SERVICES=(kafka elasticsearch postgres flink registry prometheus)
readonly P2T_STACK_MARKER=.patent2tech-stack

p2t_log() {
  printf 'stack: %s\n' "$*" >&2
}

p2t_die() {
  printf 'stack: error: %s\n' "$*" >&2
  exit 1
}

p2t_is_root() {
  [[ ${EUID:-$(id -u)} -eq 0 ]]
}

# Sets each variable of infra/stack.defaults that the environment leaves unset or empty.
p2t_load_defaults() {
  local file=$P2T_REPO_DIR/infra/stack.defaults line name
  [[ -r $file ]] || p2t_die "$file not found"
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    [[ $line =~ ^(P2T_[A-Z0-9_]+)=(.*)$ ]] || p2t_die "$file: not a NAME=value line: '$line'"
    name=${BASH_REMATCH[1]}
    [[ -n ${!name:-} ]] || printf -v "$name" '%s' "${BASH_REMATCH[2]}"
  done <"$file"
}

# One help line per variable of infra/stack.defaults: the comment line above it, and its default.
p2t_describe_defaults() {
  local file=$P2T_REPO_DIR/infra/stack.defaults line help=
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line%$'\r'}
    if [[ $line =~ ^#\ (.*)$ ]]; then
      help=${BASH_REMATCH[1]}
    elif [[ $line =~ ^(P2T_[A-Z0-9_]+)=(.*)$ ]]; then
      if [[ -n ${BASH_REMATCH[2]} ]]; then
        printf '  %-27s %s [%s]\n' "${BASH_REMATCH[1]}" "$help" "${BASH_REMATCH[2]}"
      else # an empty default: the help says what that means
        printf '  %-27s %s\n' "${BASH_REMATCH[1]}" "$help"
      fi
      help=
    else
      help=
    fi
  done <"$file"
}

# Every setting has a default (infra/stack.defaults, also read by the jobs); the environment
# overrides it. Client-side settings (what the jobs read) are derived from the server-side ones so
# that `scripts/stack env` always describes this stack.
p2t_load_config() {
  if p2t_is_root; then
    : "${P2T_STACK_DIR:=/var/lib/patent2tech}"
    : "${P2T_SERVICE_USER:=patent2tech}"
    [[ $P2T_SERVICE_USER != root ]] || p2t_die "P2T_SERVICE_USER must not be root: Elasticsearch and PostgreSQL refuse it"
  else
    : "${P2T_STACK_DIR:=${XDG_DATA_HOME:-$HOME/.local/share}/patent2tech}"
    # Without root there is nobody else to run as.
    P2T_SERVICE_USER=$(id -un)
  fi
  [[ $P2T_STACK_DIR == /* ]] || p2t_die "P2T_STACK_DIR must be an absolute path, got '$P2T_STACK_DIR'"
  [[ $P2T_STACK_DIR != / ]] || p2t_die "P2T_STACK_DIR must not be /"
  P2T_STACK_DIR=${P2T_STACK_DIR%/}
  # The path ends up unquoted in Java, YAML and PostgreSQL configuration files.
  [[ $P2T_STACK_DIR =~ ^[A-Za-z0-9._/+-]+$ ]] \
    || p2t_die "P2T_STACK_DIR may contain only letters, digits and . _ / + -, got '$P2T_STACK_DIR'"

  p2t_load_defaults

  local port
  for port in P2T_KAFKA_PORT P2T_KAFKA_CONTROLLER_PORT P2T_KAFKA_SECURE_PORT P2T_ES_PORT P2T_PG_PORT P2T_FLINK_PORT \
    P2T_FLINK_RPC_PORT P2T_FLINK_JM_METRICS_PORT P2T_FLINK_TM_METRICS_PORT P2T_PROMETHEUS_PORT P2T_REGISTRY_PORT; do
    if ! [[ ${!port} =~ ^[0-9]+$ ]] || ((${!port} < 1 || ${!port} > 65535)); then
      p2t_die "$port must be a TCP port number, got '${!port}'"
    fi
  done
  local seconds
  for seconds in P2T_START_TIMEOUT P2T_STOP_TIMEOUT P2T_PROMETHEUS_INTERVAL; do
    [[ ${!seconds} =~ ^[0-9]+$ ]] || p2t_die "$seconds must be a number of seconds, got '${!seconds}'"
  done
  [[ $P2T_KAFKA_PORT != "$P2T_KAFKA_CONTROLLER_PORT" ]] \
    || p2t_die "P2T_KAFKA_PORT and P2T_KAFKA_CONTROLLER_PORT must differ"
  [[ $P2T_KAFKA_SECURE_PORT != "$P2T_KAFKA_PORT" && $P2T_KAFKA_SECURE_PORT != "$P2T_KAFKA_CONTROLLER_PORT" ]] \
    || p2t_die "P2T_KAFKA_SECURE_PORT must differ from P2T_KAFKA_PORT and P2T_KAFKA_CONTROLLER_PORT"
  [[ $P2T_KAFKA_SCRAM_USER =~ ^[A-Za-z0-9._-]+$ && $P2T_KAFKA_SCRAM_PASSWORD =~ ^[A-Za-z0-9._-]+$ ]] \
    || p2t_die "P2T_KAFKA_SCRAM_USER and P2T_KAFKA_SCRAM_PASSWORD may contain only letters, digits and . _ -"
  [[ $P2T_FLINK_PORT != "$P2T_FLINK_RPC_PORT" ]] \
    || p2t_die "P2T_FLINK_PORT and P2T_FLINK_RPC_PORT must differ"
  [[ $P2T_FLINK_JM_METRICS_PORT != "$P2T_FLINK_TM_METRICS_PORT" ]] \
    || p2t_die "P2T_FLINK_JM_METRICS_PORT and P2T_FLINK_TM_METRICS_PORT must differ"

  P2T_KAFKA_BOOTSTRAP="localhost:$P2T_KAFKA_PORT"
  # The SASL_SSL listener (scripts/lib/kafka.sh): where it is and the CA that signed its certificate.
  P2T_KAFKA_SECURE_BOOTSTRAP="localhost:$P2T_KAFKA_SECURE_PORT"
  P2T_KAFKA_CA_FILE="$P2T_STACK_DIR/conf/kafka/tls/ca.pem"
  # PostgreSQL accepts TLS too (scripts/lib/postgres.sh): the CA for sslmode=verify-full.
  P2T_PG_CA_FILE="$P2T_STACK_DIR/conf/postgres/tls/ca.pem"
  P2T_ES_URL="http://localhost:$P2T_ES_PORT"
  P2T_PG_URL="jdbc:postgresql://localhost:$P2T_PG_PORT/$P2T_PG_DB"
  P2T_FLINK_URL="http://localhost:$P2T_FLINK_PORT"
  P2T_PROMETHEUS_URL="http://localhost:$P2T_PROMETHEUS_PORT"
  # The schema registry's Confluent-compatible API (what the jobs' registry.url and subscribers use).
  P2T_REGISTRY_URL="http://localhost:$P2T_REGISTRY_PORT/apis/ccompat/v7"

  P2T_INSTALL_DIR=$P2T_STACK_DIR/install
  P2T_DOWNLOAD_DIR=$P2T_STACK_DIR/downloads
  P2T_CONF_DIR=$P2T_STACK_DIR/conf
  P2T_DATA_DIR=$P2T_STACK_DIR/data
  P2T_LOG_DIR=$P2T_STACK_DIR/logs
  P2T_RUN_DIR=$P2T_STACK_DIR/run
  P2T_TMP_DIR=$P2T_STACK_DIR/tmp
}

# The variables `scripts/stack env` prints, server side first, then what clients read.
p2t_config_names() {
  printf '%s\n' P2T_STACK_DIR P2T_SERVICE_USER \
    P2T_KAFKA_VERSION P2T_KAFKA_PORT P2T_KAFKA_CONTROLLER_PORT P2T_KAFKA_SECURE_PORT P2T_KAFKA_HEAP \
    P2T_ES_VERSION P2T_ES_PORT P2T_ES_HEAP \
    P2T_PG_PORT P2T_PG_BIN \
    P2T_FLINK_VERSION P2T_FLINK_PORT P2T_FLINK_RPC_PORT P2T_FLINK_JM_METRICS_PORT P2T_FLINK_TM_METRICS_PORT \
    P2T_FLINK_JM_MEMORY P2T_FLINK_TM_MEMORY P2T_FLINK_SLOTS \
    P2T_REGISTRY_PORT P2T_REGISTRY_HEAP \
    P2T_PROMETHEUS_PORT P2T_PROMETHEUS_RETENTION P2T_PROMETHEUS_INTERVAL \
    P2T_JAVA_HOME P2T_MAVEN_REPO_URL P2T_START_TIMEOUT P2T_STOP_TIMEOUT \
    P2T_KAFKA_BOOTSTRAP P2T_KAFKA_SECURE_BOOTSTRAP P2T_KAFKA_CA_FILE P2T_KAFKA_SCRAM_USER P2T_KAFKA_SCRAM_PASSWORD \
    P2T_ES_URL P2T_PG_URL P2T_PG_USER P2T_PG_PASSWORD P2T_PG_DB P2T_PG_CA_FILE P2T_FLINK_URL P2T_REGISTRY_URL \
    P2T_PROMETHEUS_URL
}

# Elasticsearch and PostgreSQL refuse to run as root, so root runs the whole stack as a
# dedicated system user; a normal user runs it as themself.
p2t_ensure_service_user() {
  p2t_is_root || return 0
  id -u "$P2T_SERVICE_USER" >/dev/null 2>&1 && return 0
  command -v useradd >/dev/null || p2t_die "useradd not found; create the user '$P2T_SERVICE_USER' by hand"
  local shell=/usr/sbin/nologin
  [[ -x $shell ]] || shell=/bin/false
  p2t_log "creating system user $P2T_SERVICE_USER"
  useradd --system --user-group --no-create-home --home-dir "$P2T_STACK_DIR" \
    --shell "$shell" --comment "Patent2Tech local stack" "$P2T_SERVICE_USER" \
    || p2t_die "could not create the system user $P2T_SERVICE_USER"
}

# Hands paths created by the invoking user to the service user (no-op without root). Only the
# paths themselves: what the services write below them is theirs already.
p2t_own() {
  p2t_is_root || return 0
  chown "$P2T_SERVICE_USER:$(id -gn "$P2T_SERVICE_USER")" "$@"
}

# Replaces the current (sub)shell with a command run as the service user, from the stack directory
# (PostgreSQL refuses to start from a working directory it cannot read), with a small fixed
# environment; leading NAME=VALUE arguments add to it. The stack lock (fd 9) is closed so that a
# long-running service does not hold it.
p2t_exec_as_service() {
  local path=/usr/local/bin:/usr/bin:/bin java_home
  java_home=$(p2t_java_home 2>/dev/null) && path=$java_home/bin:$path
  local base_env=(
    "PATH=$path"
    "HOME=$P2T_STACK_DIR"
    "USER=$P2T_SERVICE_USER"
    "LOGNAME=$P2T_SERVICE_USER"
    "LANG=C.UTF-8"
    "TMPDIR=$P2T_TMP_DIR"
  )
  exec 9>&-
  cd "$P2T_STACK_DIR" || exit 1
  if p2t_is_root; then
    exec setpriv --reuid="$P2T_SERVICE_USER" --regid="$(id -g "$P2T_SERVICE_USER")" --init-groups \
      env -i "${base_env[@]}" "$@"
  fi
  exec env -i "${base_env[@]}" "$@"
}

p2t_as_service() {
  (p2t_exec_as_service "$@")
}

# Runs a command as the service user with its output appended to a log file the service user
# opens itself, so that the service can append to the same file later.
p2t_as_service_logged() {
  local log_file=$1
  shift
  # shellcheck disable=SC2016 # expanded by the service's shell
  p2t_as_service sh -c 'log_file=$1; shift; exec "$@" >>"$log_file" 2>&1 </dev/null' p2t-run "$log_file" "$@"
}

# Starts a long-running command as the service user in its own session, so that neither the end of
# this script nor a Ctrl-C in the terminal reaches it; the process records its own pid.
p2t_spawn_service() {
  local pid_file=$1 log_file=$2
  shift 2
  # The background subshell execs, so no shell of this script lingers as the service's parent.
  # shellcheck disable=SC2016 # expanded by the service's shell
  (p2t_exec_as_service setsid sh -c 'pid_file=$1 log_file=$2; shift 2
    echo $$ >"$pid_file" && exec "$@" >>"$log_file" 2>&1 </dev/null' p2t-launch "$pid_file" "$log_file" "$@") \
    </dev/null >/dev/null 2>&1 &
}

# Creates the stack directory, or checks that an existing one is ours: reset deletes only inside a
# directory that carries the marker file.
p2t_init_stack_dir() {
  mkdir -p "$P2T_STACK_DIR" || p2t_die "cannot create $P2T_STACK_DIR"
  if [[ ! -f $P2T_STACK_DIR/$P2T_STACK_MARKER ]]; then
    [[ -z $(find "$P2T_STACK_DIR" -mindepth 1 -maxdepth 1 ! -name .lock -print -quit) ]] \
      || p2t_die "$P2T_STACK_DIR exists and is not a Patent2Tech stack directory; choose another P2T_STACK_DIR"
    echo "Patent2Tech local stack; managed by scripts/stack" >"$P2T_STACK_DIR/$P2T_STACK_MARKER"
  fi
  chmod 755 "$P2T_STACK_DIR"
}

p2t_prepare_dirs() {
  mkdir -p "$P2T_INSTALL_DIR" "$P2T_DOWNLOAD_DIR"
  local dir
  for dir in "$P2T_CONF_DIR" "$P2T_DATA_DIR" "$P2T_LOG_DIR" "$P2T_RUN_DIR" "$P2T_TMP_DIR"; do
    mkdir -p "$dir"
    p2t_own "$dir"
  done
  p2t_service_can_write "$P2T_DATA_DIR" \
    || p2t_die "the service user $P2T_SERVICE_USER cannot reach $P2T_DATA_DIR; put P2T_STACK_DIR where it can (not under /root)"
}

p2t_service_can_write() {
  p2t_as_service test -w "$1" 2>/dev/null
}

# Serializes concurrent invocations on one stack directory.
p2t_lock() {
  { exec 9>>"$P2T_STACK_DIR/.lock"; } 2>/dev/null \
    || p2t_die "cannot write $P2T_STACK_DIR/.lock; run as the user who started this stack"
  if ! flock -n 9; then
    p2t_log "waiting for another scripts/stack on $P2T_STACK_DIR to finish"
    flock -w "$((P2T_START_TIMEOUT * 3))" 9 || p2t_die "timed out waiting for the lock on $P2T_STACK_DIR/.lock"
  fi
}

# Replaces @NAME@ with the value of the shell variable NAME for each NAME given.
p2t_render() {
  local template=$1 target=$2
  shift 2
  [[ -r $template ]] || p2t_die "template $template not found"
  local content name
  content=$(<"$template")
  for name in "$@"; do
    content=${content//"@$name@"/"${!name}"}
  done
  if [[ $content =~ @[A-Z0-9_]+@ ]]; then
    p2t_die "template $template: no value for ${BASH_REMATCH[0]}"
  fi
  printf '%s\n' "$content" >"$target"
}

# A CA of this stack alone and a server key and certificate for localhost and 127.0.0.1 signed by
# it, as PEM files in DIR: ca.pem (what clients trust), ca.key, server.crt and server.key
# (unencrypted PKCS#8, mode 600). Made once: a stack that has them keeps them, so clients that
# copied ca.pem go on trusting the server. NAME goes into the CA's common name.
p2t_make_tls() {
  local dir=$1 name=$2
  [[ -s $dir/ca.pem && -s $dir/server.crt && -s $dir/server.key ]] && return 0
  command -v openssl >/dev/null || p2t_die "$name: openssl is needed to make the TLS certificates"
  p2t_log "$name: making a CA and a server certificate in $dir"
  mkdir -p "$dir"
  local work
  work=$(mktemp -d "$dir/.make.XXXXXX")
  (
    cd "$work" || exit 1
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Patent2Tech local stack $name CA" \
      -keyout ca.key -out ca.pem &&
      openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout req.key -out server.csr &&
      printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >ext.cnf &&
      openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
        -extfile ext.cnf -out server.crt &&
      openssl pkcs8 -topk8 -nocrypt -in req.key -out server.key
  ) >"$work/openssl.log" 2>&1 || p2t_die "$name: making the certificates failed; see $work/openssl.log"
  chmod 600 "$work/server.key" "$work/ca.key"
  mv "$work/ca.key" "$work/ca.pem" "$work/server.crt" "$work/server.key" "$dir/"
  rm -rf "$work"
}

p2t_java_home() {
  local home=${P2T_JAVA_HOME:-${JAVA_HOME:-}}
  if [[ -z $home ]]; then
    local java
    java=$(command -v java) || p2t_die "java not found; install a JDK 17+ or set P2T_JAVA_HOME"
    home=$(dirname "$(dirname "$(readlink -f "$java")")")
  fi
  [[ -x $home/bin/java ]] || p2t_die "no java at $home/bin/java; set P2T_JAVA_HOME to a JDK 17+"
  printf '%s\n' "$home"
}

p2t_check_java() {
  p2t_java_home >/dev/null
  local java version major
  java=$(p2t_java_home)/bin/java
  version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  major=${version%%.*}
  if ! [[ $major =~ ^[0-9]+$ ]] || ((major < 17)); then
    p2t_die "$java is Java ${version:-unknown}; Kafka 4 and Elasticsearch 8.19 need Java 17 or newer"
  fi
}

# 0 when the pid is alive and its command line contains the marker (guards against pid reuse).
p2t_pid_is() {
  local pid=$1 marker=$2
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker"
}

p2t_read_pid() {
  local file=$1
  [[ -r $file ]] || return 1
  local pid=
  # Elasticsearch writes its pid file without a trailing newline.
  read -r pid <"$file" || [[ -n $pid ]] || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  printf '%s\n' "$pid"
}

# Sends SIGTERM (or the given signal), waits up to P2T_STOP_TIMEOUT, then sends SIGKILL.
p2t_terminate() {
  local name=$1 pid=$2 marker=$3 signal=${4:-TERM}
  local start=$SECONDS
  kill -"$signal" "$pid" 2>/dev/null || true
  while p2t_pid_is "$pid" "$marker"; do
    if ((SECONDS - start >= P2T_STOP_TIMEOUT)); then
      p2t_log "$name: still running after ${P2T_STOP_TIMEOUT} s, sending SIGKILL to $pid"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      p2t_pid_is "$pid" "$marker" && p2t_die "$name: could not stop pid $pid"
      break
    fi
    sleep 1
  done
  p2t_log "$name: stopped in $((SECONDS - start)) s"
}

# Waits briefly for the pid file a just-spawned process writes.
p2t_wait_for_file() {
  local file=$1 tries=100
  until [[ -s $file ]]; do
    ((tries-- > 0)) || return 1
    sleep 0.1
  done
}

p2t_port_in_use() {
  (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

p2t_require_free_port() {
  local name=$1 port=$2 variable=$3
  if p2t_port_in_use "$port"; then
    p2t_die "$name: port $port is already taken by another process; stop it or set $variable"
  fi
}

# Polls a check until it passes; fails early when the process died, or after P2T_START_TIMEOUT.
p2t_wait_healthy() {
  local name=$1 log_file=$2 alive_check=$3 health_check=$4
  local start=$SECONDS
  until "$health_check"; do
    "$alive_check" || p2t_die "$name: exited during start-up; see $log_file"
    ((SECONDS - start < P2T_START_TIMEOUT)) \
      || p2t_die "$name: not healthy after ${P2T_START_TIMEOUT} s (P2T_START_TIMEOUT); see $log_file"
    sleep 1
  done
}

p2t_http_get() {
  local url=$1
  if command -v curl >/dev/null; then
    curl -fsS --max-time 30 "$url"
  elif command -v wget >/dev/null; then
    wget -q -T 30 -O - "$url"
  else
    p2t_die "neither curl nor wget is installed"
  fi
}

p2t_download() {
  local url=$1 target=$2
  local tty_progress=()
  if command -v curl >/dev/null; then
    [[ -t 2 ]] && tty_progress=(--progress-bar) || tty_progress=(-sS)
    curl -fL --retry 3 --connect-timeout 30 "${tty_progress[@]}" -o "$target" "$url"
  elif command -v wget >/dev/null; then
    [[ -t 2 ]] && tty_progress=(--show-progress)
    wget -q "${tty_progress[@]}" -t 3 -T 30 -O "$target" "$url"
  else
    p2t_die "neither curl nor wget is installed; cannot download $url"
  fi
}

# Downloads a Maven Central artifact into the download cache once, with the checksum published
# next to it (SHA-512 when there is one, SHA-1 otherwise), and verifies the cached file against it.
p2t_fetch_verified() {
  local name=$1 url=$2 target=$3
  local algorithm
  if [[ ! -f $target ]]; then
    p2t_log "$name: downloading $url"
    local start=$SECONDS
    rm -f "$target".sha512 "$target".sha1
    for algorithm in sha512 sha1; do
      p2t_http_get "$url.$algorithm" >"$target.$algorithm.part" 2>/dev/null \
        && mv "$target.$algorithm.part" "$target.$algorithm" && break
      rm -f "$target.$algorithm.part"
    done
    p2t_download "$url" "$target.part" || p2t_die "$name: download of $url failed"
    mv "$target.part" "$target"
    p2t_log "$name: downloaded $(($(stat -c %s "$target") / 1048576)) MiB in $((SECONDS - start)) s"
  fi
  for algorithm in sha512 sha1; do
    [[ -f $target.$algorithm ]] || continue
    local expected actual
    expected=$(awk '{ print $1; exit }' "$target.$algorithm")
    actual=$("${algorithm}sum" "$target" | cut -d' ' -f1)
    if [[ ${expected,,} != "$actual" ]]; then
      rm -f "$target" "$target.$algorithm"
      p2t_die "$name: $algorithm checksum mismatch for $target (removed; run again to re-download)"
    fi
    p2t_log "$name: $algorithm checksum verified"
    return 0
  done
  p2t_die "$name: no published checksum for $url; remove $target and try again"
}

p2t_unzip() {
  local archive=$1 target=$2
  mkdir -p "$target"
  if command -v unzip >/dev/null; then
    unzip -q "$archive" -d "$target"
  else
    (cd "$target" && "$(p2t_java_home)/bin/jar" xf "$archive")
  fi
}
