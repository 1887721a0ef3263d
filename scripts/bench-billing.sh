#!/usr/bin/env bash
# Benchmark of the CS AI billing close (issue 13): closes one month of N usage records of one
# organization and prints its time and peak memory beside a plain sqlite3 scan of the same records
# (`SELECT count(*), sum(...)` over the company and period), in the same run. The ratio is the dry
# run's (everything but the writes), read from the billing rollups the loader keeps; `rebuild_s` is
# what keeping them costs (`tally rollups rebuild`: every load of usage pays it), `records_s` the
# same dry run with --no-rollups (every record read), `written_s` the real close (it writes one
# ledger item per record), `rerun_s` closing it again (nothing written), `late_load_s` a load of
# 1,000 late records of three days into the store afterwards (`tally load`: the rollups are refreshed for the
# days it touched).
#
# Usage: scripts/bench-billing.sh [N ...]        (default: 500000 5000000)
# Needs: a release build (swift build -c release), the sqlite3 shell, GNU time (/usr/bin/time), bc.
set -euo pipefail
cd "$(dirname "$0")/.."
tally=.build/release/tally
[ -x "$tally" ] || { echo "build first: swift build -c release" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(500000 5000000)
printf '%-10s %10s %10s %8s %13s %10s %10s %10s %10s %12s %6s\n' records sqlite3_s close_s ratio close_peak_mb \
  rebuild_s records_s written_s rerun_s late_load_s load
for count in "${counts[@]}"; do
  db="$work/bench-$count.sqlite"
  "$tally" migrate up --db "$db" > /dev/null 2>&1
  sqlite3 "$db" <<SQL
INSERT INTO organizations (id, name, slug, updatedAt) VALUES ('org', 'Org', 'org', '2026-01-01T00:00:00.000Z');
INSERT INTO clients (id, organizationId, name, slug, updatedAt) VALUES ('cl', 'org', 'C', 'c', '2026-01-01T00:00:00.000Z');
INSERT INTO companies (id, clientId, name, slug, timezone, currency, updatedAt)
  VALUES ('co', 'cl', 'Co', 'co', 'America/New_York', 'USD', '2026-01-01T00:00:00.000Z');
INSERT INTO tally_cs_ai_price_tiers (id, organizationId, effectiveFrom, currency, minimumMonthlyFeeMinor, usageType, meter,
  pricingUnitBase, perRecordIncrementSeconds, includedUnits, tierMode, tierIndex, upToUnits, unitPriceMicros)
VALUES ('t0', 'org', '2025-01-01T00:00:00.000Z', 'USD', 2500, 'VOICE_CALL', 'CALL_SECONDS', 60, 6, 100, 'GRADUATED', 0, 5000, 45000000),
       ('t1', 'org', '2025-01-01T00:00:00.000Z', 'USD', 2500, 'VOICE_CALL', 'CALL_SECONDS', 60, 6, 100, 'GRADUATED', 1, NULL, 40000000),
       ('m0', 'org', '2025-01-01T00:00:00.000Z', 'USD', 2500, 'CHAT_SESSION', 'MESSAGE_COUNT', 1, 1, 500, 'VOLUME', 0, NULL, 3000000);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO cs_ai_usage (id, companyId, clientId, usageType, tier, channel, durationSeconds, messageCount, occurredAt)
SELECT printf('u%09d', i), 'co', 'cl', CASE WHEN i % 3 = 0 THEN 'CHAT_SESSION' ELSE 'VOICE_CALL' END, 'AI_REP', 'x',
  CASE WHEN i % 3 = 0 THEN NULL ELSE 30 + i % 900 END, CASE WHEN i % 3 = 0 THEN i % 40 ELSE 0 END,
  strftime('%Y-%m-%dT%H:%M:%fZ', '2026-03-01T05:00:00', '+' || (i * 2592000 / $count) || ' seconds')
FROM n;
SQL
  # The rows above came in through the sqlite3 shell, so the billing rollups are stale: rebuild
  # them as a load would.
  /usr/bin/time -f '%e %M' -o "$work/time" "$tally" rollups rebuild --db "$db" > /dev/null 2>&1
  read -r rebuild _ < "$work/time"
  start=$(date +%s.%N)
  sqlite3 "$db" "SELECT count(*), sum(durationSeconds), sum(messageCount) FROM cs_ai_usage
    WHERE companyId = 'co' AND occurredAt >= '2026-03-01T05:00:00.000Z' AND occurredAt < '2026-04-01T04:00:00.000Z';" > /dev/null
  scan=$(echo "$(date +%s.%N) - $start" | bc)
  /usr/bin/time -f '%e %M' -o "$work/time" "$tally" billing close --db "$db" --period 2026-03 \
    --as-of 2026-04-05T00:00:00Z --company co --dry-run --format csv > /dev/null 2>&1
  read -r close rss < "$work/time"
  /usr/bin/time -f '%e %M' -o "$work/time" "$tally" billing close --db "$db" --period 2026-03 \
    --as-of 2026-04-05T00:00:00Z --company co --dry-run --no-rollups --format csv > /dev/null 2>&1
  read -r records _ < "$work/time"
  # The same close for real (it writes the summary row and one ledger item per record), then again
  # with unchanged inputs (a re-run: nothing written).
  /usr/bin/time -f '%e %M' -o "$work/time" "$tally" billing close --db "$db" --period 2026-03 \
    --as-of 2026-04-05T00:00:00Z --company co --format csv > /dev/null 2>&1
  read -r written _ < "$work/time"
  /usr/bin/time -f '%e %M' -o "$work/time" "$tally" billing close --db "$db" --period 2026-03 \
    --as-of 2026-04-05T00:00:00Z --company co --format csv > /dev/null 2>&1
  read -r rerun _ < "$work/time"
  mkdir -p "$work/late-$count"
  { echo 'id,companyId,clientId,usageType,tier,channel,durationSeconds,messageCount,occurredAt'
    for i in $(seq 1 1000); do
      printf 'late%05d,co,cl,VOICE_CALL,AI_REP,x,%d,0,2026-03-%02dT12:00:00.000Z\n' "$i" $((30 + i % 600)) $((14 + i % 3))
    done; } > "$work/late-$count/cs_ai_usage.csv"
  /usr/bin/time -f '%e %M' -o "$work/time" "$tally" load --db "$db" "$work/late-$count" > /dev/null 2> "$work/late.err" \
    || { cat "$work/late.err" >&2; exit 1; }
  read -r late _ < "$work/time"
  printf '%-10s %10.2f %10.2f %8.2f %13.1f %10.2f %10.2f %10.2f %10.2f %12.2f %6s\n' "$count" "$scan" "$close" \
    "$(echo "$close / $scan" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$rebuild" "$records" "$written" "$rerun" \
    "$late" "$(cut -d' ' -f1 /proc/loadavg)"
done
