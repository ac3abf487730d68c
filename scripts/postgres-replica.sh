#!/usr/bin/env bash
# A PostgreSQL streaming standby of the local primary, for Rowflow's replica tests and for trying
# read/write routing by hand. Idempotent: run it as often as you like.
#
#   scripts/postgres-replica.sh ensure   # default: make the standby exist, run, stream and catch up
#   scripts/postgres-replica.sh status   # print whether it runs, streams, and how far it has replayed
#   scripts/postgres-replica.sh stop     # stop the standby only (the primary is never touched)
#   scripts/postgres-replica.sh start    # start an existing standby and wait until it streams
#
# `ensure` adds a `host replication all 127.0.0.1/32 trust` line to the primary's pg_hba.conf when
# it has no replication line, and reloads the primary (never restarts it); takes a base backup
# with `pg_basebackup -R` through a physical replication slot into the data directory; writes the
# standby's own postgresql.conf (port 5433) and pg_hba.conf; starts it with `pg_ctl`; and waits until
# it has replayed the primary's current WAL position. A data directory left by an earlier run is
# reused when the standby starts and streams from it, and recreated when it does not.
#
# Settings (environment): PG_VERSION (15), PRIMARY_HOST (127.0.0.1), PRIMARY_PORT (5432),
# REPLICA_PORT (5433), REPLICA_DATA (/var/lib/postgresql/$PG_VERSION/replica),
# REPLICA_SLOT (rowflow_replica). Run as root or as the postgres user.
set -euo pipefail

PG_VERSION=${PG_VERSION:-15}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/$PG_VERSION/bin}
PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA_DATA=${REPLICA_DATA:-/var/lib/postgresql/$PG_VERSION/replica}
REPLICA_SLOT=${REPLICA_SLOT:-rowflow_replica}

log() { echo "postgres-replica: $*" >&2; }

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"
  else sudo -u postgres "$@"
  fi
}

primary() { psql -X -q -At -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -c "$1"; }
replica() { psql -X -q -At -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -c "$1"; }

replica_up() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$REPLICA_PORT" >/dev/null 2>&1; }

streaming() {
  replica_up && [ "$(replica "select coalesce((select status from pg_stat_wal_receiver), 'none')" 2>/dev/null)" = streaming ]
}

# The primary accepts replication connections from 127.0.0.1 (adds the line and reloads if needed).
ensure_hba() {
  local hba
  hba=$(primary "show hba_file")
  if grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]' "$hba"; then return 0; fi
  log "adding a replication line to $hba and reloading the primary"
  printf '%s\n' "host    replication     all             127.0.0.1/32            trust" >>"$hba"
  primary "select pg_reload_conf()" >/dev/null
  sleep 1
}

# The standby's own configuration (Debian keeps the primary's in /etc, so a base backup has none).
write_config() {
  local setting value
  {
    echo "# Written by scripts/postgres-replica.sh: a hot standby of $PRIMARY_HOST:$PRIMARY_PORT"
    echo "port = $REPLICA_PORT"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '/var/run/postgresql'"
    echo "hot_standby = on"
    echo "hot_standby_feedback = on"
    echo "max_standby_streaming_delay = 30s"
    echo "wal_receiver_status_interval = 1s"
    echo "fsync = off"
    # A hot standby needs these at least as high as the primary's.
    for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions \
                   max_locks_per_transaction shared_buffers; do
      value=$(primary "show $setting")
      echo "$setting = '$value'"
    done
  } | as_postgres tee "$REPLICA_DATA/postgresql.conf" >/dev/null
  printf '%s\n' "local all all trust" "host all all 127.0.0.1/32 trust" "host replication all 127.0.0.1/32 trust" \
    | as_postgres tee "$REPLICA_DATA/pg_hba.conf" >/dev/null
  as_postgres touch "$REPLICA_DATA/pg_ident.conf"
}

start_standby() {
  replica_up && return 0
  as_postgres mkdir -p "$REPLICA_DATA/log"
  as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DATA" -l "$REPLICA_DATA/log/standby.log" -w -t 60 start >/dev/null
}

stop_standby() {
  if [ -f "$REPLICA_DATA/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$REPLICA_DATA" -m fast -w -t 60 stop >/dev/null || true
  fi
}

wait_streaming() {
  for _ in $(seq 1 "${1:-30}"); do
    if streaming; then return 0; fi
    sleep 1
  done
  return 1
}

# Waits until the standby has replayed what the primary has written now.
wait_replayed() {
  local target
  target=$(primary "select pg_current_wal_lsn()")
  if [ "$(replica "select pg_is_wal_replay_paused()")" = t ]; then
    log "replay was paused (a test interrupted?): resuming it"
    replica "select pg_wal_replay_resume()" >/dev/null
  fi
  for _ in $(seq 1 120); do
    if [ "$(replica "select coalesce(pg_last_wal_replay_lsn() >= '$target'::pg_lsn, false)")" = t ]; then return 0; fi
    sleep 0.5
  done
  log "the standby did not replay up to $target within 60 s"
  return 1
}

recreate() {
  log "creating the standby in $REPLICA_DATA from $PRIMARY_HOST:$PRIMARY_PORT"
  stop_standby
  rm -rf "$REPLICA_DATA"
  mkdir -p "$(dirname "$REPLICA_DATA")"
  chown postgres:postgres "$(dirname "$REPLICA_DATA")" 2>/dev/null || true
  if [ "$(primary "select count(*) from pg_replication_slots where slot_name = '$REPLICA_SLOT'")" != 0 ]; then
    primary "select pg_drop_replication_slot('$REPLICA_SLOT')" >/dev/null
  fi
  as_postgres "$PG_BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$REPLICA_DATA" \
    -R -X stream -C -S "$REPLICA_SLOT" --checkpoint=fast
  write_config
  start_standby
}

ensure() {
  ensure_hba
  if [ -f "$REPLICA_DATA/standby.signal" ]; then
    write_config
    if start_standby 2>/dev/null && wait_streaming 20; then
      wait_replayed
      log "standby on port $REPLICA_PORT streams (reused $REPLICA_DATA)"
      return 0
    fi
    log "the standby in $REPLICA_DATA does not stream: recreating it"
  fi
  recreate
  wait_streaming 60 || { log "the new standby does not stream; see $REPLICA_DATA/log/standby.log"; return 1; }
  wait_replayed
  log "standby on port $REPLICA_PORT streams"
}

status() {
  if ! replica_up; then echo "down"; return 1; fi
  replica "select 'recovery=' || pg_is_in_recovery() || ' receiver=' || coalesce((select status from pg_stat_wal_receiver), 'none')
           || ' replayed=' || coalesce(pg_last_wal_replay_lsn()::text, '-') || ' paused=' || pg_is_wal_replay_paused()"
}

case "${1:-ensure}" in
  ensure) ensure ;;
  status) status ;;
  stop) stop_standby ;;
  start) start_standby && wait_streaming 30 ;;
  *) echo "usage: $0 [ensure|status|stop|start]" >&2; exit 2 ;;
esac
