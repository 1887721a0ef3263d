#!/usr/bin/env bash
# Renders an HTML page of tally's in headless Chromium (issue 15): checks that it loads without a
# console message or a network request, that every SVG has a non-zero rendered size, that no SVG
# text falls outside its SVG and no number table beside a chart is cut at 1280 px (issue 25), and
# writes a screenshot.
#
# Usage: scripts/browser-check.sh PAGE.html [SCREENSHOT.png] [HEIGHT]
# Exit:  0 rendered and checked; 1 a check failed (what failed is printed); 66 no such page;
#        69 no chromium on PATH (.ci/run installs Debian's chromium).
# The page itself carries no script: a copy with a probe script appended measures the SVGs.
set -euo pipefail
page=${1:?usage: scripts/browser-check.sh PAGE.html [SCREENSHOT.png] [HEIGHT]}
shot=${2:-}
height=${3:-2400}
[ -f "$page" ] || { echo "browser-check: no such page: $page" >&2; exit 66; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "browser-check: chromium is not installed" >&2; exit 69; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every host resolves to nothing: a request for anything outside the page fails and is logged.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
  --host-resolver-rules="MAP * ~NOTFOUND" --enable-logging=stderr --v=0 --user-data-dir="$work/profile")
probe="$work/probe.html"
# The probe runs at the load event (after every fetch has finished or failed), in a 1280 px wide
# window, and prints each SVG's rendered size, every resource the page fetched or points at for
# fetching (there must be none), every SVG text drawn outside its SVG (a legend past the viewBox),
# and every number table beside a chart that is cut at its right edge (it must go under the chart).
sed 's#</body>#<script>window.addEventListener("load", function () { var fetched = performance.getEntriesByType("resource").map(function (e) { return e.name; }).concat([...document.querySelectorAll("[src], link[href], object[data]")].map(function (e) { return e.getAttribute("src") || e.getAttribute("href") || e.getAttribute("data"); })); var outside = []; [...document.querySelectorAll("svg")].forEach(function (s) { var b = s.getBoundingClientRect(); [...s.querySelectorAll("text")].forEach(function (t) { var r = t.getBoundingClientRect(); if (r.width > 0 \&\& (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1)) { outside.push(JSON.stringify(t.textContent.trim())); } }); }); var cut = [...document.querySelectorAll(".numbers, .numbers .table")].filter(function (e) { return e.scrollWidth > e.clientWidth + 1; }).map(function (e) { var h = e.closest("figure"); var c = h \&\& h.querySelector("figcaption"); return JSON.stringify(c ? c.textContent.slice(0, 40) : "?"); }); document.body.insertAdjacentHTML("beforeend", "<pre id=\\"probe\\">" + [...document.querySelectorAll("svg")].map(function (s) { var r = s.getBoundingClientRect(); return Math.round(r.width) + "x" + Math.round(r.height); }).join(" ") + "</pre><pre id=\\"fetched\\">" + fetched.join(" ") + "</pre><pre id=\\"outside\\">" + outside.join(" ") + "</pre><pre id=\\"cut\\">" + cut.join(" ") + "</pre>"); });</script></body>#' \
  "$page" > "$probe"
timeout 120 "$browser" "${flags[@]}" --window-size=1280,"$height" --virtual-time-budget=5000 --dump-dom "file://$probe" \
  > "$work/dom.html" 2> "$work/probe.log" || true
timeout 120 "$browser" "${flags[@]}" --window-size=1280,"$height" --screenshot="${shot:-$work/shot.png}" \
  "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" > /dev/null 2> "$work/page.log" || true
failed=0
sizes=$(sed -n 's#.*<pre id="probe">\([^<]*\)</pre>.*#\1#p' "$work/dom.html")
count=$( (grep -o '<svg' "$page" || true) | wc -l)
rendered=$(echo "$sizes" | wc -w)
if [ "$rendered" -ne "$count" ]; then
  echo "browser-check: $count SVG element(s) in the page, $rendered measured" >&2
  failed=1
fi
for size in $sizes; do
  case $size in 0x* | *x0) echo "browser-check: an SVG rendered at $size" >&2; failed=1 ;; esac
done
fetched=$(sed -n 's#.*<pre id="fetched">\([^<]*\)</pre>.*#\1#p' "$work/dom.html")
if [ -n "$fetched" ]; then
  echo "browser-check: the page requested: $fetched" >&2
  failed=1
fi
if grep -h 'CONSOLE\|net::ERR' "$work/page.log" "$work/probe.log" >&2; then
  echo "browser-check: the page logged the console or network messages above" >&2
  failed=1
fi
outside=$(sed -n 's#.*<pre id="outside">\([^<]*\)</pre>.*#\1#p' "$work/dom.html")
if [ -n "$outside" ]; then
  echo "browser-check: SVG text drawn outside its SVG: $outside" >&2
  failed=1
fi
cut=$(sed -n 's#.*<pre id="cut">\([^<]*\)</pre>.*#\1#p' "$work/dom.html")
if [ -n "$cut" ]; then
  echo "browser-check: a number table is cut at the right edge at 1280 px (figure: $cut)" >&2
  failed=1
fi
[ -s "${shot:-$work/shot.png}" ] || { echo "browser-check: no screenshot was written" >&2; failed=1; }
[ "$failed" -eq 0 ] || exit 1
echo "browser-check: $page: $count SVG(s), all with a size ($sizes); no console or network message"
