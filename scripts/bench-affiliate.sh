#!/usr/bin/env bash
# Benchmark of the affiliate reports (issue 12): generates `tally sample --scale S` exports, loads
# them, and prints each report's time and peak memory beside a full scan of affiliate_clicks by the
# sqlite3 shell in the same run.
#
# Usage: scripts/bench-affiliate.sh [SCALE ...]      (default: 10)
# Needs: a release build (swift build -c release), the sqlite3 shell, GNU time (/usr/bin/time), bc.
set -euo pipefail
cd "$(dirname "$0")/.."
tally=.build/release/tally
[ -x "$tally" ] || { echo "build first: swift build -c release" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(10)
printf '%-6s %-28s %10s %10s %8s %10s %6s\n' scale work seconds scan_s ratio peak_mb load
for scale in "${scales[@]}"; do
  "$tally" sample --out "$work/s$scale" --scale "$scale" > /dev/null
  db="$work/s$scale.sqlite"
  start=$(date +%s.%N)
  "$tally" load "$work/s$scale" --db "$db" --quiet > /dev/null 2>&1 || true
  echo "scale $scale: load (with every rollup, the affiliate click rollup included) $(echo "$(date +%s.%N) - $start" | bc) s"
  # A load of 1,000 more clicks: the affiliate click rollup is rebuilt whole (docs/AFFILIATE.md).
  mkdir -p "$work/late$scale"
  gzip -dc "$work/s$scale/affiliate_clicks.csv.gz" 2> /dev/null | head -1001 | sed '2,$s/^clk_/late_/; 2,$s/,idem_[0-9]*,/,,/' \
    > "$work/late$scale/affiliate_clicks.csv" || true
  start=$(date +%s.%N)
  "$tally" load "$work/late$scale" --db "$db" --quiet > /dev/null 2>&1 || true
  echo "scale $scale: load of 1,000 late clicks $(echo "$(date +%s.%N) - $start" | bc) s"
  start=$(date +%s.%N)
  sqlite3 "$db" 'SELECT count(*), sum(length("userAgent")), max("clickedAt") FROM "affiliate_clicks";' > /dev/null
  scan=$(echo "$(date +%s.%N) - $start" | bc)
  for args in "affiliate" "affiliate --model last-click" "affiliate --model linear" "affiliate --model time-decay" \
    "affiliate-credits --model position-based" "affiliate-fraud" "affiliate --no-rollups" \
    "affiliate --model linear --no-rollups"; do
    /usr/bin/time -f '%e %M' -o "$work/time" "$tally" report $args --db "$db" --format csv > /dev/null 2>&1
    read -r seconds rss < "$work/time"
    printf '%-6s %-28s %10.2f %10.2f %8.2f %10.1f %6s\n' "$scale" "$args" "$seconds" "$scan" \
      "$(echo "$seconds / $scan" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
