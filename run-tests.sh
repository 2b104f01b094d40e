#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test on SQLite and on PostgreSQL. The
# PostgreSQL tests run against a throwaway server that this script starts on a loopback
# port and stops again, whatever happens. If that server cannot start, this fails: it
# never quietly skips the PostgreSQL half.
set -euo pipefail
cd "$(dirname "$0")"

./install-deps.sh test

jobs=$(nproc)
cmake --preset testing
cmake --build --preset testing --parallel "$jobs"

# --- a throwaway PostgreSQL -------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z $pg_bin ]]; then
    echo "run-tests: no PostgreSQL server binaries under /usr/lib/postgresql" >&2
    exit 1
fi
pg_dir=$(mktemp -d /tmp/gavel-pg.XXXXXX)
chmod 755 "$pg_dir"
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
    # initdb refuses to run as root; the server runs as the postgres user.
    chown postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
fi

stop_pg() {
    if [[ -f $pg_dir/data/postmaster.pid ]]; then
        "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
}
trap stop_pg EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=55432
while port_in_use "$port"; do
    port=$((port + 1))
done

"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 || {
    cat "$pg_dir/initdb.log" >&2
    echo "run-tests: initdb failed" >&2
    exit 1
}
# Durability is pointless for a throwaway server; turning it off makes the tests fast.
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
    start >/dev/null || {
    cat "$pg_dir/server.log" >&2
    echo "run-tests: the PostgreSQL test server did not start" >&2
    exit 1
}
echo "run-tests: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export GAVEL_TEST_PG="host=127.0.0.1 port=$port dbname=postgres user=postgres"
export GAVEL_REQUIRE_POSTGRES=1

# --- the tests ----------------------------------------------------------------------------
ctest --preset testing --parallel "$jobs" "$@"
