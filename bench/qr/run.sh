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
# the fleet's JVMs run with the optimising compiler: a benchmark measures steady state
jvm_options=${UROP_DEVSTACK_JVM_OPTIONS:--XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=240m -XX:-UseSerialGC -XX:+UseG1GC -Xmx384m}
password=bench-password-123

results=$bench/results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$results"
export MAVEN_OPTS=${MAVEN_OPTS:--Xmx256m}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

[[ $tables =~ ^[1-9][0-9]*$ ]] && [ "$tables" -le 10000 ] || die "UROP_BENCH_TABLES must be 1 to 10000, not '$tables'"

# --- the fleet -------------------------------------------------------------------------------------------------

devstack_pid=
stop_all() {
  if [ -n "$devstack_pid" ] && kill -0 "$devstack_pid" 2>/dev/null; then
    log "stopping the fleet (pid $devstack_pid)"
    kill -TERM "$devstack_pid" 2>/dev/null || true
    wait "$devstack_pid" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# a fleet (./devstack or the end-to-end tests') or a test run: two fleets on a small machine distort each other
other_fleets() {
  pgrep -f 'io\.urop\.devstack|failsafe|surefire|devstack-[^ ]*-exec\.jar|spring\.profiles\.active=devstack' || true
}

start_fleet() {
  local waited=0
  while [ -n "$(other_fleets)" ]; do
    [ "$waited" -lt "$wait_minutes" ] || die "another fleet or test run is still running after $wait_minutes min"
    log "another fleet or test run is running (pids $(other_fleets | tr '\n' ' ')); waiting (${waited}/${wait_minutes} min)"
    sleep 60
    waited=$((waited + 1))
  done

  # started exactly as bench/auth and bench/menu start theirs: the gateway's budgets raised so that they do not
  # interfere with seeding (urop.gateway.rate-limits.per-client-ip.{login,signup}.limit and
  # urop.gateway.rate-limits.per-tenant.limit); the public scan path has no limit of its own
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_LOGIN_LIMIT=1000000
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_SIGNUP_LIMIT=1000000
  export UROP_GATEWAY_RATELIMITS_PERTENANT_LIMIT=100000000
  # devstack's JVMs stop at the C1 compiler to start fast, with a code cache and collector sized for it; a benchmark
  # measures steady state as a server runs: C2, the JVM's own code cache size (C2's code does not fit in 48 MB, and a
  # full cache evicts and recompiles for as long as the load lasts) and G1; ten such JVMs take longer to start
  # traces sampled as a production fleet samples them, not devstack's every request
  export UROP_TRACING_SAMPLING_PROBABILITY=${UROP_TRACING_SAMPLING_PROBABILITY:-0.1}
  export UROP_DEVSTACK_START_TIMEOUT=${UROP_DEVSTACK_START_TIMEOUT:-900}
  export UROP_DEVSTACK_JVM_OPTIONS=$jvm_options
  # its own home (extracted jars, logs), not a developer's .devstack/
  export UROP_DEVSTACK_HOME=$bench/target/devstack
  rm -rf "$UROP_DEVSTACK_HOME/logs"

  local out=$results/devstack.out
  log "starting the fleet with ./devstack (builds first if stale; output in $out)"
  ./devstack > "$out" 2>&1 &
  devstack_pid=$!
  local deadline=$((SECONDS + ${UROP_BENCH_START_TIMEOUT:-1500}))
  until grep -q 'Press Ctrl-C to stop.' "$out"; do
    if ! kill -0 "$devstack_pid" 2>/dev/null; then
      tail -n 40 "$out" >&2
      devstack_pid=
      die "the fleet did not start (see $out)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 40 "$out" >&2; die "the fleet was not up in time (see $out)"; }
    sleep 2
  done
  gateway=$(sed -n 's/^ *Gateway *\(http[^ ]*\).*/\1/p' "$out" | head -n 1)
  qr_service=$(awk '$1 == "qr-service" && $2 ~ /^http/ { print $2; exit }' "$out")
  [ -n "$gateway" ] && [ -n "$qr_service" ] || die "could not read the gateway and qr-service URLs from $out"
  log "fleet up: gateway $gateway, qr-service $qr_service (logs in $UROP_DEVSTACK_HOME/logs)"
}

# the benchmark's classes (Report), before any fleet starts
log "compiling bench/qr"
./mvnw -q -f "$bench/pom.xml" test-compile > "$results/build.log" 2>&1 \
  || { tail -n 40 "$results/build.log" >&2; die "bench/qr does not build (see $results/build.log)"; }

if [ -n "$gateway" ]; then
  log "using the running fleet at $gateway (its per-IP login/sign-up limits must be raised)"
  [ -n "$qr_service" ] || die "set UROP_BENCH_QR_SERVICE too (qr-service's own URL, from ./devstack's process table)"
else
  start_fleet
fi

# --- seed: one tenant, its owner, an area of numbered tables and each table's current code, through the gateway -

# the first "name": "value" in a JSON text (nothing if there is none; sed reads it all, so no SIGPIPE)
field() { { grep -o "\"$1\" *: *\"[^\"]*\"" || true; } | sed -n '1s/.*"\([^"]*\)"$/\1/p'; }
# every "name": "value" in a JSON text, one value a line
fields() { { grep -o "\"$1\" *: *\"[^\"]*\"" || true; } | sed 's/.*"\([^"]*\)"$/\1/'; }
# curl that prints the body, a newline and the status
call() { curl -sS -w '\n%{http_code}' "$@"; }
status_of() { printf '%s' "${1##*$'\n'}"; }
body_of() { printf '%s' "${1%$'\n'*}"; }

slug=bench-qr-$(printf '%x' "$(date +%s)")
email=owner@$slug.example
log "signing up tenant $slug"
response=$(call -H 'Content-Type: application/json' "$gateway/api/v1/signup" -d @- <<EOF
{"organisation":{"name":"Bench QR","slug":"$slug"},
 "location":{"name":"Bench","address":{"line1":"1 A St","postalCode":"1000","city":"Brussels","country":"BE"},
  "currency":"EUR","timeZone":"Europe/Brussels","taxRateBasisPoints":600,"pricesIncludeTax":true,
  "serviceChargeBasisPoints":0,"paymentMode":"EITHER"},
 "owner":{"name":"Bench Owner","email":"$email","password":"$password"}}
EOF
)
[ "$(status_of "$response")" = 201 ] || die "sign-up answered $(status_of "$response"): $(body_of "$response")"
tenant_id=$(body_of "$response" | field tenantId)
location_id=$(body_of "$response" | field locationId)
[ -n "$tenant_id" ] && [ -n "$location_id" ] || die "no tenantId or locationId in the sign-up answer: $(body_of "$response")"

for attempt in $(seq 1 10); do
  response=$(call -H 'Content-Type: application/json' -d "{\"email\":\"$email\",\"password\":\"$password\"}" \
    "$gateway/api/v1/auth/login")
  [ "$(status_of "$response")" = 200 ] && break
  sleep 2
done
[ "$(status_of "$response")" = 200 ] || die "the owner could not log in (last answer $(status_of "$response"): $(body_of "$response"))"
token=$(body_of "$response" | field accessToken)
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

log "running ScanSimulation (Gatling output in $results/scan.log)"
if ! ./mvnw -f "$bench/pom.xml" gatling:test -Dgatling.simulationClass=io.urop.bench.qr.ScanSimulation \
    -Dbench.resultsFolder="$results" -Dbench.heap="$heap" "${settings[@]}" > "$results/scan.log" 2>&1; then
  tail -n 40 "$results/scan.log" >&2
  die "ScanSimulation failed (see $results/scan.log)"
fi

echo
java -cp "$bench/target/test-classes" "${settings[@]}" io.urop.bench.qr.Report "$results" | tee "$results/summary.txt"
