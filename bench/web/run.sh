#!/usr/bin/env bash
# The diner app's first render on a throttled phone: a new phone (nothing cached) scans a table's code on Lighthouse's
# mobile profile (150 ms round trips, 1.6 Mbit/s, the CPU four times slower), then opens the page again; how long until
# the menu is on screen, from the scan. Playwright drives the system's Chromium. See bench/README.md.
#
#   bench/web/run.sh                  start a fleet (./devstack), seed a tenant with the demo menu and a room of tables,
#                                     scan them from new phones, print the table
#   UROP_BENCH_GATEWAY=http://127.0.0.1:8080 bench/web/run.sh
#                                     use a fleet that is already running (its sign-up/login limits raised)
#
# Settings (environment): UROP_BENCH_RUNS (20), UROP_BENCH_WARMUP (5 phones first, not counted),
# UROP_BENCH_SERVER_WARMUP (2000 scans without a browser before them), UROP_BENCH_CPU_SLOWDOWN (4), UROP_BENCH_TARGET_MS (1500),
# UROP_CHROMIUM (/usr/bin/chromium), UROP_BENCH_WAIT_MINUTES (30: how long to wait for another fleet to finish).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/web

runs=${UROP_BENCH_RUNS:-20}
warmup=${UROP_BENCH_WARMUP:-5}
server_warmup=${UROP_BENCH_SERVER_WARMUP:-2000}
cpu_slowdown=${UROP_BENCH_CPU_SLOWDOWN:-4}
target_ms=${UROP_BENCH_TARGET_MS:-1500}
chromium=${UROP_CHROMIUM:-/usr/bin/chromium}
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
gateway=${UROP_BENCH_GATEWAY:-}
source bench/common/bench.sh

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "UROP_BENCH_RUNS must be a positive number, not '$runs'"
[[ $warmup =~ ^[0-9]+$ ]] || die "UROP_BENCH_WARMUP must be a number, not '$warmup'"
[[ $server_warmup =~ ^[0-9]+$ ]] || die "UROP_BENCH_SERVER_WARMUP must be a number, not '$server_warmup'"
[ -x "$chromium" ] || die "no Chromium at $chromium (apt-get install chromium, or set UROP_CHROMIUM)"

log "compiling bench/web"
./mvnw -q -f "$bench/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$bench/target/classpath.txt" \
  > "$results/build.log" 2>&1 || { tail -n 40 "$results/build.log" >&2; die "bench/web does not build (see $results/build.log)"; }

if [ -n "$gateway" ]; then
  log "using the running fleet at $gateway (its per-IP login/sign-up limits must be raised)"
else
  start_fleet web-apps
fi

sign_up_owner "Bench Web" bench-web
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
log "publishing the demo menu at location $location_id"
publish_menu "$location_id" platform/devstack/src/main/resources/demo-menu.json
log "seating a room of $runs tables"
seat_diners "$location_id" "$runs" phones "Table"

log "scanning from $runs new phones (CPU ${cpu_slowdown}x slower, 150 ms round trips, 1.6 Mbit/s)"
java -cp "$bench/target/classes:$(cat "$bench/target/classpath.txt")" -Dbench.codes="$results/phones-codes.json" \
  -Dbench.runs="$runs" -Dbench.warmup="$warmup" -Dbench.serverWarmup="$server_warmup" -Dbench.cpuSlowdown="$cpu_slowdown" -Dbench.chromium="$chromium" \
  io.urop.bench.web.FirstRender | tee "$results/report.txt"
p95=$(awk '/^menu on screen, new phone/ { print $(NF-1) }' "$results/report.txt")
log "menu on screen for a new phone: p95 ${p95} ms (target ${target_ms} ms); results in $results"
