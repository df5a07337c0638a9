#!/usr/bin/env bash
# The public menu read (GET /api/v1/public/locations/{locationId}/menu), measured with Gatling (open workload
# model): warm cache through the gateway and direct, cold vs warm, and saturation throughput against a bare
# Reactor Netty server serving the same bytes. See bench/README.md.
#
#   bench/menu/run.sh                       start a fleet (./devstack), seed a 300-item menu served at the tenant's
#                                           location and, for the cold phase, at hundreds of extra ones; run all,
#                                           print the table
#   UROP_BENCH_GATEWAY=http://127.0.0.1:8080 UROP_BENCH_MENU_SERVICE=http://127.0.0.1:41234 bench/menu/run.sh
#                                           use a fleet that is already running (its sign-up/login limits raised)
#
# Settings (environment): UROP_BENCH_RATE (req/s, 300), UROP_BENCH_WARMUP (s, 90), UROP_BENCH_DURATION (s, 60),
# UROP_BENCH_TARGET_P95_MS (50), UROP_BENCH_COLD_RATE (req/s, 20), UROP_BENCH_COLD_WARMUP (s, 20),
# UROP_BENCH_COLD_DURATION (s, 60), UROP_BENCH_SATURATION_STEPS (req/s, 100,200,...,5000),
# UROP_BENCH_SATURATION_STEP_DURATION (s, 15), UROP_BENCH_SATURATION_WARMUP (s, 10),
# UROP_BENCH_SATURATION_P95_LIMIT_MS (100), UROP_BENCH_MENU_ITEMS (300), UROP_BENCH_SCENARIOS (warm,cold,saturation),
# UROP_BENCH_GATLING_HEAP (-Xmx384m), UROP_BENCH_WAIT_MINUTES (30: how long to wait for another fleet to finish).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/menu

rate=${UROP_BENCH_RATE:-300}
warmup=${UROP_BENCH_WARMUP:-90}
duration=${UROP_BENCH_DURATION:-60}
target_p95=${UROP_BENCH_TARGET_P95_MS:-50}
cold_rate=${UROP_BENCH_COLD_RATE:-20}
cold_warmup=${UROP_BENCH_COLD_WARMUP:-20}
cold_duration=${UROP_BENCH_COLD_DURATION:-60}
saturation_steps=${UROP_BENCH_SATURATION_STEPS:-100,200,300,400,600,800,1000,1500,2000,2500,3000,4000,5000}
saturation_step_duration=${UROP_BENCH_SATURATION_STEP_DURATION:-15}
saturation_warmup=${UROP_BENCH_SATURATION_WARMUP:-10}
saturation_p95_limit=${UROP_BENCH_SATURATION_P95_LIMIT_MS:-100}
menu_items=${UROP_BENCH_MENU_ITEMS:-300}
scenarios=${UROP_BENCH_SCENARIOS:-warm,cold,saturation}
heap=${UROP_BENCH_GATLING_HEAP:--Xmx384m}
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
gateway=${UROP_BENCH_GATEWAY:-}
menu_service=${UROP_BENCH_MENU_SERVICE:-}
source bench/common/bench.sh

wants() { [[ ",$scenarios," == *",$1,"* ]]; }

trap 'stop_bare; stop_fleet' EXIT

# the benchmark's classes (MenuDocument, BareMenuServer, Report) and its classpath, before any fleet starts
log "compiling bench/menu"
./mvnw -q -f "$bench/pom.xml" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$bench/target/classpath.txt" > "$results/build.log" 2>&1 \
  || { tail -n 40 "$results/build.log" >&2; die "bench/menu does not build (see $results/build.log)"; }

# the cold phase reads each of its locations once (and the warm phase again): rate x (warm-up + duration) and a
# margin, the same arithmetic ColdReadSimulation splits them with; asked before any fleet starts, to fail fast
cold_locations=0
if wants cold; then
  cold_locations=$(java -cp "$bench/target/test-classes" io.urop.bench.menu.ColdLocations "$cold_rate" "$cold_warmup" \
    "$cold_duration") || die "bad cold settings: UROP_BENCH_COLD_RATE=$cold_rate, UROP_BENCH_COLD_WARMUP=$cold_warmup, UROP_BENCH_COLD_DURATION=$cold_duration"
fi

if [ -n "$gateway" ]; then
  log "using the running fleet at $gateway (its per-IP login/sign-up limits must be raised)"
  if wants warm && [ -z "$menu_service" ]; then
    die "set UROP_BENCH_MENU_SERVICE too (menu-service's own URL, from ./devstack's process table)"
  fi
else
  start_fleet menu-service
  menu_service=$service
fi

# --- seed: one tenant, its owner, a published menu at its location (and at the cold phase's), through the gateway

sign_up_owner "Bench Menu" bench-menu
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

# menu-service learns of the location from tenant-service's event, a moment after the sign-up: 404 until then
log "creating a menu at location $location_id"
deadline=$((SECONDS + 60))
while :; do
  response=$(call "${auth[@]}" -d "{\"name\":\"Bench\",\"currency\":\"EUR\",\"locationIds\":[\"$location_id\"]}" \
    "$gateway/api/v1/menus")
  [ "$(status_of "$response")" = 404 ] && [ "$SECONDS" -lt "$deadline" ] || break
  sleep 2
done
[ "$(status_of "$response")" = 201 ] || die "creating the menu answered $(status_of "$response"): $(body_of "$response")"
menu_id=$(body_of "$response" | field id)
[ -n "$menu_id" ] || die "no id in the new menu: $(body_of "$response")"

# the cold phase's locations: more of the tenant's, each with a Redis hash of its own in menu-service's cache, so the
# first read of each one misses. The same body as the sign-up's location, but for the name.
locations_url=$gateway/api/v1/tenants/$tenant_id/locations
cold_file=$results/cold-locations.txt
: > "$cold_file"
location_body() {
  printf '{"name":"%s","address":{"line1":"1 A St","postalCode":"1000","city":"Brussels","country":"BE"},' "$1"
  printf '"currency":"EUR","timeZone":"Europe/Brussels","taxRateBasisPoints":600,"pricesIncludeTax":true,'
  printf '"serviceChargeBasisPoints":0,"paymentMode":"EITHER"}'
}
# POST /api/v1/tenants/{tenantId}/locations for locations $1 to $2: one curl for all of them (one keep-alive
# connection, no process per request), reading a curl config from stdin; prints "<status> <Location header>" a line
location_requests() {
  local body n
  body=$(location_body "Bench cold @N@")
  body=${body//\"/\\\"}
  for n in $(seq "$1" "$2"); do
    [ "$n" = "$1" ] || echo next
    printf 'url = "%s"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' \
      "$locations_url" "$token"
    printf 'data-raw = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%header{location}\\n"\n' "${body//@N@/$n}"
  done | curl -sS -K - 2>> "$results/cold-locations.curl.err" || true
}
# opens $1 locations, listing their ids in $cold_file; answers that say "later" (429, 502 to 504, no connection)
# are retried in the next batch, any other failure stops the run
open_locations() {
  local want=$1 have=0 sent=0 failures=0 started=$SECONDS batch before code where id retry probe
  while [ "$have" -lt "$want" ]; do
    batch=$((want - have < 250 ? want - have : 250))
    before=$have
    retry=
    while read -r code where; do
      [ -n "$code" ] || continue
      id=${where%$'\r'}
      id=${id##*/}
      if [ "$code" = 201 ] && [[ $id =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]; then
        echo "$id" >> "$cold_file"
        have=$((have + 1))
      elif [ "$code" = 201 ]; then
        die "a new location came without its id in the Location header ('$where')"
      elif [[ $code =~ ^(000|429|502|503|504)$ ]]; then
        retry="$retry $code"
      else
        probe=$(call "${auth[@]}" --data-binary "$(location_body 'Bench cold probe')" "$locations_url")
        die "opening a location answered $code (again now: $(status_of "$probe"): $(body_of "$probe" | head -c 2000))"
      fi
    done < <(location_requests $((sent + 1)) $((sent + batch)))
    sent=$((sent + batch))
    log "opened $have of $want locations ($((SECONDS - started)) s)"
    if [ $((have - before)) -lt "$batch" ]; then
      failures=$((failures + 1))
      retry=$(printf '%s\n' $retry | sort | uniq -c | awk '$2 != "" { printf " %s x %s", $2, $1 }')
      [ "$failures" -le 20 ] || die "opening locations keeps failing (answers:${retry:- none}; see $results/cold-locations.curl.err)"
      log "$((batch - have + before)) of them were not opened (answers:${retry:- none}), retrying in 2 s"
      sleep 2
    fi
  done
}
if [ "$cold_locations" -gt 0 ]; then
  log "opening $cold_locations more locations of the tenant for the cold phase"
  open_locations "$cold_locations"
fi

log "writing a $menu_items-item draft"
java -cp "$bench/target/test-classes" io.urop.bench.menu.MenuDocument "$results/menu-draft.json" "$menu_items"
response=$(call -X PUT "${auth[@]}" --data-binary @"$results/menu-draft.json" "$gateway/api/v1/menus/$menu_id/draft")
[ "$(status_of "$response")" = 200 ] || die "saving the draft answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"

# serve the menu at all of them in one call, then publish (assigning a location drops its cached menu; publishing
# last drops them all once more, so nothing is cached at the cold locations when the cold phase starts).
# menu-service answers 404 until it has learned every new location from tenant-service's events; the call sets
# exactly these locations, so repeating it (after a gateway timeout, say) is harmless
if [ "$cold_locations" -gt 0 ]; then
  { printf '{"locationIds":["%s"' "$location_id"; printf ',"%s"' $(cat "$cold_file"); printf ']}\n'; } \
    > "$results/menu-locations.json"
  log "serving menu $menu_id at all $((cold_locations + 1)) locations"
  deadline=$((SECONDS + 60))
  while :; do
    response=$(call -X PUT "${auth[@]}" --data-binary @"$results/menu-locations.json" \
      "$gateway/api/v1/menus/$menu_id/locations")
    [[ $(status_of "$response") =~ ^(404|502|503|504)$ ]] && [ "$SECONDS" -lt "$deadline" ] || break
    sleep 2
  done
  [ "$(status_of "$response")" = 200 ] \
    || die "serving the menu at the locations answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
fi

log "publishing the menu"
response=$(call -X POST "${auth[@]}" "$gateway/api/v1/menus/$menu_id/versions")
[ "$(status_of "$response")" = 201 ] || die "publishing answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"

# the menu diners get (this read also caches it): what the bare server will serve, byte for byte
path=/api/v1/public/locations/$location_id/menu
code=$(curl -sS -D "$results/menu.headers" -o "$results/menu.json" -w '%{http_code}' "$gateway$path")
[ "$code" = 200 ] || die "the public menu answered $code through the gateway"
items=$(grep -o '"preModifiersAllowed"' "$results/menu.json" | wc -l)
bytes=$(wc -c < "$results/menu.json")
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\([^[:space:]]*\).*/\1/p' "$results/menu.headers")
[ "$items" -eq "$menu_items" ] || die "the public menu has $items items, not $menu_items (see $results/menu.json)"
# what a phone gets (it takes gzip), byte for byte: what the bare server serves
code=$(curl -sS -H 'Accept-Encoding: gzip' -D "$results/menu.gz.headers" -o "$results/menu.json.gz" -w '%{http_code}' \
  "$gateway$path")
[ "$code" = 200 ] || die "the gzip public menu answered $code through the gateway"
gzip_bytes=$(wc -c < "$results/menu.json.gz")
gzip_etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\([^[:space:]]*\).*/\1/p' "$results/menu.gz.headers")
if [ -n "$menu_service" ]; then
  code=$(curl -sS -o /dev/null -w '%{http_code}' "$menu_service$path")
  [ "$code" = 200 ] || die "the public menu answered $code straight from menu-service"
fi
log "published: menu $menu_id, $items items, $bytes bytes of JSON ($gzip_bytes gzip-compressed), ETag $etag"
printf 'tenant %s %s\nowner %s\nlocation %s\nmenu %s\nitems %s\nbytes %s\ncold-locations %s (%s)\n' "$slug" "$tenant_id" \
  "$email" "$location_id" "$menu_id" "$items" "$bytes" "$cold_locations" "$cold_file" > "$results/seed.txt"

# --- Gatling ---------------------------------------------------------------------------------------------------

settings=(
  -Dbench.gateway="$gateway" -Dbench.menuService="$menu_service" -Dbench.locationId="$location_id"
  -Dbench.rate="$rate" -Dbench.warmup="$warmup" -Dbench.duration="$duration" -Dbench.targetP95Ms="$target_p95"
  -Dbench.cold.rate="$cold_rate" -Dbench.cold.warmup="$cold_warmup" -Dbench.cold.duration="$cold_duration"
  -Dbench.saturation.steps="$saturation_steps" -Dbench.saturation.stepDuration="$saturation_step_duration"
  -Dbench.saturation.warmup="$saturation_warmup" -Dbench.saturation.p95LimitMs="$saturation_p95_limit"
  -Dbench.menuItems="$items" -Dbench.menuBytes="$bytes"
  -Dbench.cold.locations="$cold_file" -Dbench.cold.locationCount="$cold_locations"
)

if wants warm; then
  gatling io.urop.bench.menu.WarmReadSimulation warm
fi
if wants cold; then
  gatling io.urop.bench.menu.ColdReadSimulation cold
fi
if wants saturation; then
  gatling io.urop.bench.menu.SaturationSimulation saturation-gateway -Dbench.target=gateway
  start_bare "$bench/target/test-classes:$(cat "$bench/target/classpath.txt")" "$results/menu.json.gz" "$gzip_etag"
  gatling io.urop.bench.menu.SaturationSimulation saturation-bare -Dbench.target=bare -Dbench.bare="$bare"
  stop_bare
fi

echo
java -cp "$bench/target/test-classes" "${settings[@]}" io.urop.bench.menu.Report "$results" | tee "$results/summary.txt"
