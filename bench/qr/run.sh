#!/usr/bin/env bash
# The table scan (GET /q/{token}: the code checked, the table session joined, the diner token minted, 303 to the
# customer app), measured with Gatling (open workload model) through the gateway and straight to qr-service.
# See bench/README.md.
#
#   bench/qr/run.sh                         start a fleet (./devstack), seed a tenant with 100 tables, read their
#                                           codes, scan them at random, print the table
#   UROP_BENCH_GATEWAY=http://127.0.0.1:8080 UROP_BENCH_QR_SERVICE=http://127.0.0.1:41234 bench/qr/run.sh
#                                           use a fleet that is already running (its sign-up/login limits raised)
#
# Settings (environment): UROP_BENCH_RATE (scans/s, 200), UROP_BENCH_WARMUP (s, 90), UROP_BENCH_DURATION (s, 60),
# UROP_BENCH_TARGET_P95_MS (30), UROP_BENCH_TABLES (100), UROP_BENCH_GATLING_HEAP (-Xmx384m),
# UROP_BENCH_WAIT_MINUTES (30: how long to wait for another fleet to finish).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/qr

rate=${UROP_BENCH_RATE:-200}
warmup=${UROP_BENCH_WARMUP:-90}
duration=${UROP_BENCH_DURATION:-60}
target_p95=${UROP_BENCH_TARGET_P95_MS:-30}
tables=${UROP_BENCH_TABLES:-100}
heap=${UROP_BENCH_GATLING_HEAP:--Xmx384m}
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
gateway=${UROP_BENCH_GATEWAY:-}
qr_service=${UROP_BENCH_QR_SERVICE:-}
source bench/common/bench.sh

[[ $tables =~ ^[1-9][0-9]*$ ]] && [ "$tables" -le 10000 ] || die "UROP_BENCH_TABLES must be 1 to 10000, not '$tables'"

# the benchmark's classes (Report), before any fleet starts
log "compiling bench/qr"
./mvnw -q -f "$bench/pom.xml" test-compile > "$results/build.log" 2>&1 \
  || { tail -n 40 "$results/build.log" >&2; die "bench/qr does not build (see $results/build.log)"; }

if [ -n "$gateway" ]; then
  log "using the running fleet at $gateway (its per-IP login/sign-up limits must be raised)"
  [ -n "$qr_service" ] || die "set UROP_BENCH_QR_SERVICE too (qr-service's own URL, from ./devstack's process table)"
else
  start_fleet qr-service
  qr_service=$service
fi

# --- seed: one tenant, its owner, an area of numbered tables and each table's current code, through the gateway -

sign_up_owner "Bench QR" bench-qr
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

# qr-service learns of the location from tenant-service's event, a moment after the sign-up: 404 until then
log "creating an area at location $location_id"
deadline=$((SECONDS + 60))
while :; do
  response=$(call "${auth[@]}" -d "{\"locationId\":\"$location_id\",\"name\":\"Bench room\"}" "$gateway/api/v1/areas")
  [ "$(status_of "$response")" = 404 ] && [ "$SECONDS" -lt "$deadline" ] || break
  sleep 2
done
[ "$(status_of "$response")" = 201 ] || die "creating the area answered $(status_of "$response"): $(body_of "$response")"
area_id=$(body_of "$response" | field id)

# "Bench 1" to "Bench <tables>", in numbered runs of at most 200 (what one bulk creation takes)
log "creating $tables tables"
table_ids=$results/tables.txt
: > "$table_ids"
for from in $(seq 1 200 "$tables"); do
  to=$((from + 199 < tables ? from + 199 : tables))
  response=$(call "${auth[@]}" "$gateway/api/v1/tables/bulk" -d \
    "{\"locationId\":\"$location_id\",\"areaId\":\"$area_id\",\"namePattern\":\"Bench {n}\",\"from\":$from,\"to\":$to,\"seats\":4}")
  [ "$(status_of "$response")" = 201 ] || die "creating tables $from to $to answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
  body_of "$response" | fields id >> "$table_ids"
done
[ "$(wc -l < "$table_ids")" -eq "$tables" ] || die "$(wc -l < "$table_ids") table ids, not $tables (see $table_ids)"

# each table's current code (GET /api/v1/tables/{tableId}/qr-code), in one curl (one keep-alive connection): the
# scans pick one of them at random
log "reading the tables' codes"
codes=$results/codes.csv
first=
while read -r id; do
  [ -z "$first" ] || echo next
  first=no
  printf 'url = "%s/api/v1/tables/%s/qr-code"\nheader = "Authorization: Bearer %s"\nwrite-out = "\\n"\n' \
    "$gateway" "$id" "$token"
done < "$table_ids" | curl -sS -K - > "$results/codes.json" 2> "$results/codes.curl.err" || true
{ echo token; fields token < "$results/codes.json"; } > "$codes"
[ "$(($(wc -l < "$codes") - 1))" -eq "$tables" ] \
  || die "$(($(wc -l < "$codes") - 1)) codes read, not $tables (see $results/codes.json and codes.curl.err)"
scan_url=$(field scanUrl < "$results/codes.json")

# one scan each way, by hand: a 303 to the customer app, with the session and the diner's token
sample=$(sed -n 2p "$codes")
for base in "$gateway" "$qr_service"; do
  answer=$(curl -sS -o /dev/null -w '%{http_code} %header{location}' "$base/q/$sample")
  [ "${answer%% *}" = 303 ] && [[ ${answer#* } == *session=*'#token='* ]] \
    || die "a scan at $base answered '$answer', not a 303 to the customer app"
done
log "seeded: $tables tables, e.g. $scan_url"
printf 'tenant %s %s\nowner %s\nlocation %s\narea %s\ntables %s (%s)\ncodes %s\n' "$slug" "$tenant_id" "$email" \
  "$location_id" "$area_id" "$tables" "$table_ids" "$codes" > "$results/seed.txt"

# --- Gatling ---------------------------------------------------------------------------------------------------

settings=(
  -Dbench.gateway="$gateway" -Dbench.qrService="$qr_service" -Dbench.codes="$codes" -Dbench.tables="$tables"
  -Dbench.rate="$rate" -Dbench.warmup="$warmup" -Dbench.duration="$duration" -Dbench.targetP95Ms="$target_p95"
)

gatling io.urop.bench.qr.ScanSimulation scan

echo
java -cp "$bench/target/test-classes" "${settings[@]}" io.urop.bench.qr.Report "$results" | tee "$results/summary.txt"
