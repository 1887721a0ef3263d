#!/usr/bin/env bash
# Benchmark of the pull from PostgreSQL (issue 24): on a scale-S source in a throwaway PostgreSQL 15
# cluster, times (paired, alternating) today's path — `psql \copy` of every mirrored table to CSV
# files, then `tally load` of those files — against `tally load postgresql://…`, with peak memory.
# Also times the ways a client can stream the biggest table (COPY csv, COPY text, COPY binary, a
# cursor fetching 10,000 rows at a time) into /dev/null with psql, to show what the stream costs.
#
# Usage: scripts/bench-pull.sh [SCALE] [REPEATS]      (defaults: 10, 3)
#        TALLY_BENCH_EXPORTS=DIR scripts/bench-pull.sh 100 1   (reuse `tally sample --scale 100` output)
# Needs: a release build (swift build -c release), PostgreSQL 15 (postgresql-15), GNU time, bc.
set -euo pipefail
cd "$(dirname "$0")/.."
tally=$PWD/.build/release/tally
bin=${TALLY_PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$tally" ] || { echo "build first: swift build -c release" >&2; exit 66; }
[ -x "$bin/initdb" ] || { echo "install PostgreSQL 15: apt-get install postgresql-15" >&2; exit 66; }
scale=${1:-10}
repeats=${2:-3}
work=$(mktemp -d)
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_server "$bin/initdb" -D "$work/data" -A trust -U tally --no-sync -E UTF8 --locale=C > /dev/null
as_server "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null
trap 'as_server "$bin/pg_ctl" -D "$work/data" -m fast -w stop > /dev/null; rm -rf "$work"' EXIT
psql="$bin/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $port -U tally"
url="postgresql://tally@127.0.0.1:$port/shop"

echo "date $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${TALLY_BENCH_EXPORTS:-}" ]; then
  ln -s "$(cd "$TALLY_BENCH_EXPORTS" && pwd)" "$work/exports"
else
  mkdir -p "$work/exports" && chmod 777 "$work/exports"
  "$tally" sample --out "$work/exports" --scale "$scale" > /dev/null
fi
$psql -d postgres -c "CREATE DATABASE shop"
"$tally" migrate up --db "$work/ddl.sqlite" > /dev/null 2>&1
# Foreign keys left out: the files load in name order, and volume is what this measures. Indexes
# are built after the rows (COPY of 10M clicks into 13 live indexes took over 25 minutes).
"$tally" schema dump --db "$work/ddl.sqlite" --dialect postgresql | grep -v 'FOREIGN KEY' > "$work/ddl.sql"
grep -E -v '^CREATE (UNIQUE )?INDEX' "$work/ddl.sql" | $psql -d shop
# The source: CSV files as they are, NDJSON through jsonb (a benchmark needs production-shaped
# volumes, not the loader's offset handling, which the tests check).
for file in "$work"/exports/*.csv "$work"/exports/*.csv.gz "$work"/exports/*.ndjson; do
  [ -f "$file" ] || continue
  name=$(basename "$file"); table=${name%%.*}
  case "$name" in
    *.ndjson)
      $psql -d shop -c "CREATE TEMP TABLE s (j jsonb)" \
        -c "\\copy s FROM '$file' WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')" \
        -c "DO \$\$ DECLARE c text; v text; BEGIN
              SELECT string_agg(quote_ident(k), ', '), string_agg('r.' || quote_ident(k), ', ') INTO c, v
                FROM (SELECT DISTINCT jsonb_object_keys(j) AS k FROM s) keys;
              EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM s, jsonb_populate_record(NULL::%I, s.j) r',
                '$table', c, v, '$table');
            END \$\$" ;;
    *.gz)
      gzip -dc "$file" > "$work/plain.csv"
      header=$(head -1 "$work/plain.csv" | sed 's/\([^,]*\)/"\1"/g')
      $psql -d shop -c "\\copy \"$table\"($header) FROM '$work/plain.csv' WITH (FORMAT csv, HEADER)" ;;
    *)
      header=$(head -1 "$file" | sed 's/\([^,]*\)/"\1"/g')
      $psql -d shop -c "\\copy \"$table\"($header) FROM '$file' WITH (FORMAT csv, HEADER)" ;;
  esac
done
{ echo "SET maintenance_work_mem = '256MB';"; grep -E '^CREATE (UNIQUE )?INDEX' "$work/ddl.sql"; } | $psql -d shop
$psql -d shop -c "VACUUM ANALYZE" > /dev/null
tables=$($psql -d shop -t -A -c "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND relkind = 'r' ORDER BY relname")
echo "scale $scale source: $($psql -d shop -t -A -c "SELECT pg_size_pretty(pg_database_size('shop'))"), clicks $($psql -d shop -t -A -c 'SELECT count(*) FROM affiliate_clicks')"

timed() { # label, command...: prints seconds and peak MB
  local label=$1 start end
  shift
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  printf '%-34s %8.2f s %8.1f MB\n' "$label" "$(echo "$end - $start" | bc)" "$(echo "$(cat "$work/rss") / 1024" | bc -l)"
}
export_then_load() {
  rm -rf "$work/out" "$work/files.sqlite"; mkdir -p "$work/out"
  for t in $tables; do $psql -d shop -c "\\copy \"$t\" TO '$work/out/$t.csv' WITH (FORMAT csv, HEADER)"; done
  "$tally" load "$work/out" --db "$work/files.sqlite" --quiet
}
export -f export_then_load
export work tables psql tally
for run in $(seq "$repeats"); do
  timed "export (psql \\copy) then load" bash -c export_then_load
  rm -f "$work/pulled.sqlite"
  timed "tally load postgresql://" "$tally" load "$url" --db "$work/pulled.sqlite" --quiet
done
echo "streaming affiliate_clicks to /dev/null (psql, the same libpq):"
for form in "COPY affiliate_clicks TO STDOUT WITH (FORMAT csv)" "COPY affiliate_clicks TO STDOUT" \
  "COPY affiliate_clicks TO STDOUT WITH (FORMAT binary)"; do
  timed "  ${form#COPY affiliate_clicks TO STDOUT}" $psql -d shop -c "$form"
done
timed "  cursor, FETCH_COUNT 10000" $psql -d shop -v FETCH_COUNT=10000 -A -t -c "SELECT * FROM affiliate_clicks"
