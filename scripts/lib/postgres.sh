# shellcheck shell=bash
# PostgreSQL 15 from the Debian binaries, with its own data directory, run as the service user
# (PostgreSQL refuses root). The bootstrap superuser `postgres` is reachable through the private
# Unix socket only; applications log in over 127.0.0.1 as P2T_PG_USER with a password.

pg_data_dir() { printf '%s\n' "$P2T_DATA_DIR/postgres"; }
pg_log_dir() { printf '%s\n' "$P2T_LOG_DIR/postgres"; }
pg_socket_dir() { printf '%s\n' "$P2T_RUN_DIR/postgres"; }

postgres_log_files() { printf '%s\n' "$(pg_log_dir)/postgres.log"; }
postgres_endpoint() { printf '%s\n' "$P2T_PG_URL"; }
postgres_state_paths() { printf '%s\n' "$(pg_data_dir)" "$(pg_log_dir)" "$(pg_socket_dir)" "$P2T_CONF_DIR/postgres"; }

# Sets PG_BIN to the directory with the PostgreSQL server binaries, once.
pg_find_bin() {
  [[ -n ${PG_BIN:-} ]] && return 0
  local dir=$P2T_PG_BIN
  if [[ -z $dir ]]; then
    if [[ -x /usr/lib/postgresql/15/bin/postgres ]]; then
      dir=/usr/lib/postgresql/15/bin
    elif command -v pg_config >/dev/null; then
      dir=$(pg_config --bindir)
    fi
  fi
  local tool
  for tool in postgres initdb pg_ctl psql pg_isready; do
    [[ -x $dir/$tool ]] || p2t_die "postgres: no $tool in '${dir:-?}'; install the Debian PostgreSQL 15 server (apt-get install postgresql-15) or set P2T_PG_BIN to its bin directory"
  done
  PG_BIN=$dir
}

# The postmaster's pid, when it runs on our data directory.
postgres_pid() {
  local pid
  pid=$(p2t_read_pid "$(pg_data_dir)/postmaster.pid") && p2t_pid_is "$pid" "$(pg_data_dir)" && printf '%s\n' "$pid"
}

pg_init() {
  local data
  data=$(pg_data_dir)
  [[ -f $data/PG_VERSION ]] && return 0
  p2t_log "postgres: creating the database cluster in $data ($("$PG_BIN/postgres" --version))"
  rm -rf "$data"
  mkdir -p "$data" "$(pg_log_dir)"
  chmod 700 "$data"
  p2t_own "$data" "$(pg_log_dir)"
  p2t_as_service_logged "$(pg_log_dir)/initdb.log" \
    "$PG_BIN/initdb" --pgdata="$data" --username=postgres --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 --no-instructions \
    || p2t_die "postgres: initdb failed; see $(pg_log_dir)/initdb.log"
  printf "\ninclude 'patent2tech.conf'\n" >>"$data/postgresql.conf"
}

pg_configure() {
  local data socket
  data=$(pg_data_dir) socket=$(pg_socket_dir)
  # A Unix socket path longer than 107 bytes cannot be bound.
  local socket_file=$socket/.s.PGSQL.$P2T_PG_PORT
  ((${#socket_file} <= 107)) || p2t_die "postgres: socket path $socket_file is too long; choose a shorter P2T_STACK_DIR"
  mkdir -p "$socket" "$(pg_log_dir)"
  chmod 700 "$socket"
  # shellcheck disable=SC2034 # read by p2t_render
  local PG_SOCKET_DIR=$socket PG_TLS_DIR=$P2T_CONF_DIR/postgres/tls
  p2t_make_tls "$PG_TLS_DIR" postgres
  # the server refuses a key that others may read; it runs as the service user
  p2t_own "$P2T_CONF_DIR/postgres" "$PG_TLS_DIR" "$PG_TLS_DIR"/*
  p2t_render "$P2T_REPO_DIR/infra/postgres/conf/postgresql.conf.in" "$data/patent2tech.conf" P2T_PG_PORT PG_SOCKET_DIR \
    PG_TLS_DIR
  cp "$P2T_REPO_DIR/infra/postgres/conf/pg_hba.conf" "$data/pg_hba.conf"
  chmod 600 "$data/patent2tech.conf" "$data/pg_hba.conf"
  p2t_own "$data/patent2tech.conf" "$data/pg_hba.conf" "$socket" "$(pg_log_dir)"
}

pg_admin_psql() {
  p2t_as_service "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$(pg_socket_dir)" -p "$P2T_PG_PORT" -U postgres -d postgres "$@"
}

# Creates the application role and database when missing and (re)sets the role's password, so the
# configured P2T_PG_PASSWORD is always the one that works. Values travel as psql variables, quoted
# by psql (:'...' literals, :"..." identifiers), never spliced into SQL by the shell.
pg_ensure_database() {
  pg_admin_psql -v user="$P2T_PG_USER" -v password="$P2T_PG_PASSWORD" -v db="$P2T_PG_DB" <<'SQL' \
    || p2t_die "postgres: could not create role $P2T_PG_USER / database $P2T_PG_DB; see $(pg_log_dir)/postgres.log"
SELECT format('CREATE ROLE %I LOGIN', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" WITH LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

postgres_alive() { postgres_pid >/dev/null; }

# Health as an application sees it: TCP on 127.0.0.1, password authentication, a query.
postgres_healthy() {
  pg_find_bin
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$P2T_PG_PORT" -t 5 || return 1
  [[ $(PGPASSWORD=$P2T_PG_PASSWORD PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -tA -w \
    -h 127.0.0.1 -p "$P2T_PG_PORT" -U "$P2T_PG_USER" -d "$P2T_PG_DB" -c 'select 1' 2>/dev/null) == 1 ]]
}

pg_start() {
  p2t_require_free_port postgres "$P2T_PG_PORT" P2T_PG_PORT
  local log_file
  log_file=$(pg_log_dir)/postgres.log
  p2t_as_service setsid -w "$PG_BIN/pg_ctl" --pgdata="$(pg_data_dir)" --log="$log_file" \
    --wait --timeout="$P2T_START_TIMEOUT" --silent start </dev/null >/dev/null 2>&1 \
    || p2t_die "postgres: failed to start; see $log_file"
}

postgres_up() {
  local start=$SECONDS pid
  pg_find_bin
  if pid=$(postgres_pid); then
    pg_ensure_database
    p2t_wait_healthy postgres "$(pg_log_dir)/postgres.log" postgres_alive postgres_healthy
    p2t_log "postgres: already running (pid $pid, $P2T_PG_URL)"
    return 0
  fi
  pg_init
  pg_configure
  p2t_log "postgres: starting"
  pg_start
  pg_ensure_database
  p2t_wait_healthy postgres "$(pg_log_dir)/postgres.log" postgres_alive postgres_healthy
  p2t_log "postgres: started in $((SECONDS - start)) s (pid $(postgres_pid), $P2T_PG_URL)"
}

# pg_ctl's fast shutdown (SIGINT) rolls back open sessions; SIGTERM would be a "smart" shutdown
# that waits for every client, e.g. a job's connection pool, to leave. Escalates to an immediate
# shutdown (SIGQUIT), then SIGKILL.
postgres_down() {
  local pid
  if ! pid=$(postgres_pid); then
    p2t_log "postgres: not running"
    return 0
  fi
  p2t_log "postgres: stopping (pid $pid)"
  pg_find_bin
  local start=$SECONDS
  if p2t_as_service "$PG_BIN/pg_ctl" --pgdata="$(pg_data_dir)" --mode=fast --wait \
      --timeout="$P2T_STOP_TIMEOUT" --silent stop >/dev/null 2>&1; then
    p2t_log "postgres: stopped in $((SECONDS - start)) s"
  else
    p2t_log "postgres: fast shutdown did not finish in ${P2T_STOP_TIMEOUT} s, requesting an immediate one"
    p2t_terminate postgres "$pid" "$(pg_data_dir)" QUIT
  fi
}
