#!/usr/bin/env bash
# Where a store's bytes go (issue 26): per table with its indexes, then the largest single objects,
# from SQLite's dbstat virtual table (page bytes, so free space inside pages counts to its owner).
#
# Usage: scripts/store-size.sh STORE.sqlite [TOP]      (TOP: how many objects to list, default 25)
# Needs: the sqlite3 shell (Debian's is built with dbstat).
set -euo pipefail
db=${1:?usage: scripts/store-size.sh STORE.sqlite [TOP]}
top=${2:-25}
[ -f "$db" ] || { echo "store-size: no such store: $db" >&2; exit 66; }
echo "store: $db ($(stat -c %s "$db") bytes; page size $(sqlite3 "$db" 'PRAGMA page_size;'), free pages $(sqlite3 "$db" 'PRAGMA freelist_count;'))"
echo
echo "per table, its indexes included (MB):"
sqlite3 -column -header "$db" "
  WITH sizes AS (SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name)
  SELECT m.tbl_name AS table_name,
         ROUND(SUM(CASE WHEN m.type = 'table' THEN s.bytes ELSE 0 END) / 1048576.0, 1) AS table_mb,
         ROUND(SUM(CASE WHEN m.type = 'index' THEN s.bytes ELSE 0 END) / 1048576.0, 1) AS indexes_mb,
         SUM(m.type = 'index') AS indexes,
         ROUND(SUM(s.bytes) / 1048576.0, 1) AS total_mb
  FROM sqlite_master AS m JOIN sizes AS s ON s.name = m.name
  GROUP BY m.tbl_name ORDER BY SUM(s.bytes) DESC LIMIT $top;"
echo
echo "largest objects (MB):"
sqlite3 -column -header "$db" "
  SELECT d.name AS object, m.type, ROUND(SUM(d.pgsize) / 1048576.0, 1) AS mb,
         ROUND(100.0 * SUM(d.pgsize) / (SELECT SUM(pgsize) FROM dbstat), 1) AS pct
  FROM dbstat AS d LEFT JOIN sqlite_master AS m ON m.name = d.name
  GROUP BY d.name ORDER BY SUM(d.pgsize) DESC LIMIT $top;"
