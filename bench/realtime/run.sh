#!/usr/bin/env bash
# Pushes to the kitchen: with 1,000 sockets open at /ws over two notification-service instances (kitchen tablets on
# the menu's stations, diners' phones on their table sessions), the time from an order's 201 to its ticket on each
# kitchen socket of its station, while orders arrive at a fixed rate; through the gateway, then straight to the
# services. See bench/README.md.
#
#   bench/realtime/run.sh   start a fleet (./devstack, notification-service twice), seed a tenant paid at the end with
#                           the brasserie menu and diners at tables, open the sockets, place orders, print the table
#
# Settings (environment): UROP_BENCH_SOCKETS (1000), UROP_BENCH_KITCHEN_SOCKETS (10), UROP_BENCH_RATE (orders/s, 50),
# UROP_BENCH_WARMUP (s, 480: a first phase through the gateway that measures nothing, climbing to the full rate over its
# first half), UROP_BENCH_SETTLE (s, 15: each measured phase's first seconds, on its new sockets, not measured),
# UROP_BENCH_DURATION (s, 60), UROP_BENCH_TABLES (250: four phones a table), UROP_BENCH_PHASES (gateway,direct; also
# sockets: only the sockets through the gateway, orders: only the orders), UROP_BENCH_TARGET_P95_MS (150),
# UROP_BENCH_WAIT_MINUTES (30: how long to wait for another fleet to finish).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/realtime

sockets=${UROP_BENCH_SOCKETS:-1000}
kitchen_sockets=${UROP_BENCH_KITCHEN_SOCKETS:-10}
rate=${UROP_BENCH_RATE:-50}
warmup=${UROP_BENCH_WARMUP:-480}
settle=${UROP_BENCH_SETTLE:-15}
duration=${UROP_BENCH_DURATION:-60}
tables=${UROP_BENCH_TABLES:-250}
phases=${UROP_BENCH_PHASES:-gateway,direct}
target_p95=${UROP_BENCH_TARGET_P95_MS:-150}
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
gateway=
source bench/common/bench.sh

count_ok() { [[ $2 =~ ^[1-9][0-9]*$ ]] && [ "$2" -le "$3" ] || die "$1 must be 1 to $3, not '$2'"; }
count_ok UROP_BENCH_SOCKETS "$sockets" 20000
count_ok UROP_BENCH_KITCHEN_SOCKETS "$kitchen_sockets" "$sockets"
count_ok UROP_BENCH_TABLES "$tables" 1000
uuid() { cat /proc/sys/kernel/random/uuid; }

# the harness (SocketRun), and bench/payments' helpers (bench/orders' OrderMenu, OneLineCart), before any fleet starts
log "compiling bench/realtime and bench/payments"
for project in realtime payments; do
  ./mvnw -q -f "bench/$project/pom.xml" test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$root/bench/$project/target/classpath.txt" > "$results/build-$project.log" 2>&1 \
    || { tail -n 40 "$results/build-$project.log" >&2; die "bench/$project does not build (see $results/build-$project.log)"; }
done
classpath=$bench/target/test-classes:$(cat "$bench/target/classpath.txt")
helpers=$root/bench/payments/target/test-classes:$(cat "$root/bench/payments/target/classpath.txt")
helper() { java -cp "$helpers" "$@"; }

export UROP_DEVSTACK_INSTANCES=notification-service=2
start_fleet order-service
order_service=$service
devstack_out=$results/devstack.out
notification_services=$(awk '$1 ~ /^notification-service(-[0-9]+)?$/ && $2 ~ /^http/ { print $2 }' "$devstack_out" \
  | paste -sd, -)
[ "$(printf '%s' "$notification_services" | tr ',' '\n' | grep -c .)" -ge 2 ] \
  || die "not two notification-service instances in $devstack_out"
log "notification-service instances: $notification_services"

# --- seed: a tenant paid at the end, the brasserie menu, diners at tables -------------------------------------------

sign_up_owner "Bench Realtime" bench-realtime
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
set_payment_mode PAY_AT_THE_END

publish_one_line_menu

log "seating a diner at each of $tables tables at location $location_id"
seat_diners "$location_id" "$tables" diners Bench
diner=$(sed -n 2p "$results/diners.csv")

# order-service learns of the location's payment mode and the menu a moment after each changes: until then it answers
# 404 or 409, or takes the order paid first; polled with throwaway orders until one goes on the tab
log "placing a first order (until order-service knows the location and its menu)"
deadline=$((SECONDS + 120))
while :; do
  response=$(call -H "Authorization: Bearer $diner" -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" \
    --data-binary @"$results/cart.json" "$gateway/api/v1/orders")
  if [ "$(status_of "$response")" = 201 ] && [ "$(body_of "$response" | field settlement)" = ON_TAB ]; then
    break
  fi
  [ "$SECONDS" -lt "$deadline" ] \
    || die "no order went on the tab within 120 s (last answer $(status_of "$response"): $(body_of "$response" | head -c 2000))"
  sleep 2
done
log "order $(body_of "$response" | field id) is on the tab"

printf 'tenant %s %s\nlocation %s (PAY_AT_THE_END)\nmenu %s\ncart %s\ntables %s\nnotification-service %s\n' \
  "$slug" "$tenant_id" "$location_id" "$menu_id" "$cart_item" "$tables" "$notification_services" > "$results/seed.txt"

# --- the sockets and the orders ------------------------------------------------------------------------------------

log "opening $sockets sockets and ordering at $rate/s (output in $results/realtime.log; the processes' CPU every 10 s in $results/top.log)"
top -b -d 10 -w 200 > "$results/top.log" 2>&1 &
top_pid=$!
trap 'kill "$top_pid" 2>/dev/null || true; stop_fleet' EXIT
java -Xmx512m -cp "$classpath" -Dbench.gateway="$gateway" -Dbench.orderService="$order_service" \
    -Dbench.notificationServices="$notification_services" -Dbench.owner="$token" -Dbench.location="$location_id" \
    -Dbench.diners="$results/diners.csv" -Dbench.cart="$results/cart.json" -Dbench.sockets="$sockets" \
    -Dbench.kitchenSockets="$kitchen_sockets" -Dbench.rate="$rate" -Dbench.warmup="$warmup" -Dbench.settle="$settle" \
    -Dbench.duration="$duration" -Dbench.phases="$phases" -Dbench.resultsFolder="$results" \
    io.urop.bench.realtime.SocketRun \
    2> "$results/realtime.log" | tee "$results/summary.txt" \
  || { tail -n 40 "$results/realtime.log" >&2; die "the socket run failed (see $results/realtime.log)"; }

kill "$top_pid" 2>/dev/null || true
p95=$(awk '$1 == "gateway" { print $6 }' "$results/summary.txt")
lost=$(awk 'NR > 1 { lost += $9 + $10 } END { print lost + 0 }' "$results/summary.txt")
echo
echo "target: gateway p95 under $target_p95 ms from an order's 201 to its ticket on a kitchen socket: $p95 ms"
[ "$lost" = 0 ] || die "$lost pushes were lost or sent twice"
awk -v p="$p95" -v t="$target_p95" 'BEGIN { exit !(p < t) }' || die "the target was missed"
