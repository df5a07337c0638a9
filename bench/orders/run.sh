#!/usr/bin/env bash
# Taking orders (POST /api/v1/orders: a diner's mixed cart priced from the published menu, placed once per
# Idempotency-Key) and a kitchen station's open tickets (GET /api/v1/kitchen/tickets), measured with Gatling (open
# workload model) through the gateway and straight to order-service. See bench/README.md.
#
#   bench/orders/run.sh                     start a fleet (./devstack), seed a tenant with a menu and two locations
#                                           paid at the end (diners at 50 tables of one; 200 open orders at the other),
#                                           place orders, read the kitchen's station, print the table
#   UROP_BENCH_GATEWAY=http://127.0.0.1:8080 UROP_BENCH_ORDER_SERVICE=http://127.0.0.1:41234 bench/orders/run.sh
#                                           use a fleet that is already running (its sign-up/login limits raised; the
#                                           station query then reads with the owner's token: no KITCHEN member can
#                                           be invited without this script's SMTP server)
#
# Settings (environment): UROP_BENCH_RATE (orders/s, 100), UROP_BENCH_WARMUP (s, 90), UROP_BENCH_DURATION (s, 60),
# UROP_BENCH_TARGET_P95_MS (50), UROP_BENCH_TABLES (50), UROP_BENCH_KITCHEN_RATE (req/s, 20),
# UROP_BENCH_KITCHEN_TARGET_P95_MS (20), UROP_BENCH_KITCHEN_ORDERS (200), UROP_BENCH_KITCHEN_TABLES (20),
# UROP_BENCH_SCENARIOS (orders,kitchen), UROP_BENCH_GATLING_HEAP (-Xmx384m), UROP_BENCH_WAIT_MINUTES (30: how long to
# wait for another fleet to finish).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/orders

rate=${UROP_BENCH_RATE:-100}
warmup=${UROP_BENCH_WARMUP:-90}
duration=${UROP_BENCH_DURATION:-60}
target_p95=${UROP_BENCH_TARGET_P95_MS:-50}
tables=${UROP_BENCH_TABLES:-50}
kitchen_rate=${UROP_BENCH_KITCHEN_RATE:-20}
kitchen_target_p95=${UROP_BENCH_KITCHEN_TARGET_P95_MS:-20}
kitchen_orders=${UROP_BENCH_KITCHEN_ORDERS:-200}
kitchen_tables=${UROP_BENCH_KITCHEN_TABLES:-20}
scenarios=${UROP_BENCH_SCENARIOS:-orders,kitchen}
heap=${UROP_BENCH_GATLING_HEAP:--Xmx384m}
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
gateway=${UROP_BENCH_GATEWAY:-}
order_service=${UROP_BENCH_ORDER_SERVICE:-}
# the station the kitchen query reads (OrderMenu.KITCHEN): every seeded kitchen order has a line made there
station=kitchen
source bench/common/bench.sh

wants() { [[ ",$scenarios," == *",$1,"* ]]; }
count_ok() { [[ $2 =~ ^[1-9][0-9]*$ ]] && [ "$2" -le "$3" ] || die "$1 must be 1 to $3, not '$2'"; }
count_ok UROP_BENCH_TABLES "$tables" 1000
count_ok UROP_BENCH_KITCHEN_ORDERS "$kitchen_orders" 10000
count_ok UROP_BENCH_KITCHEN_TABLES "$kitchen_tables" 1000
uuid() { cat /proc/sys/kernel/random/uuid; }

# --- the SMTP server the fleet sends its emails to (the KITCHEN member's invitation) ----------------------------

catcher_pid=
stop_catcher() {
  if [ -n "$catcher_pid" ] && kill -0 "$catcher_pid" 2>/dev/null; then
    kill -TERM "$catcher_pid" 2>/dev/null || true
    wait "$catcher_pid" 2>/dev/null || true
  fi
}
trap 'stop_catcher; stop_fleet' EXIT

# MailCatcher on a free port, each message it receives a file in $results/mail; devstack then starts no SMTP server of
# its own and points notification-service at this one (UROP_SMTP_HOST, UROP_SMTP_PORT)
start_catcher() {
  java -cp "$bench/target/test-classes" io.urop.bench.orders.MailCatcher "$results/mail" > "$results/mail.out" 2>&1 &
  catcher_pid=$!
  local address
  await_listening "$catcher_pid" "$results/mail.out" "the SMTP server"
  address=$listening
  export UROP_SMTP_HOST=${address%:*} UROP_SMTP_PORT=${address##*:}
  log "SMTP server for the fleet's emails at $address (pid $catcher_pid)"
}

# the benchmark's classes (OrderMenu, Carts, MailCatcher, TicketCount, Report), before any fleet starts
log "compiling bench/orders"
./mvnw -q -f "$bench/pom.xml" test-compile > "$results/build.log" 2>&1 \
  || { tail -n 40 "$results/build.log" >&2; die "bench/orders does not build (see $results/build.log)"; }
helper() { java -cp "$bench/target/test-classes" "io.urop.bench.orders.$1" "${@:2}"; }

if [ -n "$gateway" ]; then
  log "using the running fleet at $gateway (its per-IP login/sign-up limits must be raised)"
  [ -n "$order_service" ] || die "set UROP_BENCH_ORDER_SERVICE too (order-service's own URL, from ./devstack's process table)"
else
  start_catcher
  start_fleet order-service
  order_service=$service
fi

# --- seed: one tenant, its owner, two locations paid at the end, a published menu, diners seated at tables --------

sign_up_owner "Bench Orders" bench-orders
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
locations_url=$gateway/api/v1/tenants/$tenant_id/locations

# the sign-up's location body (bench/common/bench.sh), paid at the end: tenant-service's PAY_AT_THE_END, which
# order-service knows as PAY_AT_TABLE; a diner's order there goes on the table's tab and to the kitchen at once
location_body() {
  printf '{"name":"%s","address":{"line1":"1 A St","postalCode":"1000","city":"Brussels","country":"BE"},' "$1"
  printf '"currency":"EUR","timeZone":"Europe/Brussels","taxRateBasisPoints":600,"pricesIncludeTax":true,'
  printf '"serviceChargeBasisPoints":0,"paymentMode":"PAY_AT_THE_END","openingHours":[],"firstOrderApproval":false}'
}
log "making location $location_id paid at the end (PAY_AT_THE_END)"
response=$(call -X PUT "${auth[@]}" --data-binary "$(location_body Bench)" "$locations_url/$location_id")
[ "$(status_of "$response")" = 200 ] || die "changing the location answered $(status_of "$response"): $(body_of "$response")"

# the station query reads a location of its own, so that the orders placed by the order-creation phases (tens of
# thousands, each with its tickets) do not pile up at the station it reads
kitchen_location=
if wants kitchen; then
  response=$(call "${auth[@]}" --data-binary "$(location_body 'Bench kitchen')" "$locations_url")
  [ "$(status_of "$response")" = 201 ] || die "opening the kitchen's location answered $(status_of "$response"): $(body_of "$response")"
  kitchen_location=$(body_of "$response" | field id)
  log "opened location $kitchen_location for the station query, paid at the end"
fi

# menu-service learns of the locations from tenant-service's events, a moment after they open: 404 until then
log "creating a menu at location $location_id${kitchen_location:+ and $kitchen_location}"
menu_locations="\"$location_id\"${kitchen_location:+,\"$kitchen_location\"}"
deadline=$((SECONDS + 60))
while :; do
  response=$(call "${auth[@]}" -d "{\"name\":\"Bench\",\"currency\":\"EUR\",\"locationIds\":[$menu_locations]}" \
    "$gateway/api/v1/menus")
  [ "$(status_of "$response")" = 404 ] && [ "$SECONDS" -lt "$deadline" ] || break
  sleep 2
done
[ "$(status_of "$response")" = 201 ] || die "creating the menu answered $(status_of "$response"): $(body_of "$response")"
menu_id=$(body_of "$response" | field id)
helper OrderMenu "$results/menu-draft.json"
response=$(call -X PUT "${auth[@]}" --data-binary @"$results/menu-draft.json" "$gateway/api/v1/menus/$menu_id/draft")
[ "$(status_of "$response")" = 200 ] || die "saving the draft answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
response=$(call -X POST "${auth[@]}" "$gateway/api/v1/menus/$menu_id/versions")
[ "$(status_of "$response")" = 201 ] || die "publishing answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"

# what diners see, and what the carts are built from (Carts)
code=$(curl -sS -o "$results/menu.json" -w '%{http_code}' "$gateway/api/v1/public/locations/$location_id/menu")
[ "$code" = 200 ] || die "the public menu answered $code through the gateway"
menu_items=$(grep -o '"preModifiersAllowed"' "$results/menu.json" | wc -l)
log "published menu $menu_id: $menu_items items"

log "seating a diner at each of $tables tables at location $location_id"
seat_diners "$location_id" "$tables" diners Bench

# place <base URL> <diner token> <body>: one order, printed as call prints it
place() {
  call -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" \
    --data-binary "$3" "$1/api/v1/orders"
}

# first_order <base URL> <diner token> <body>: order-service learns of the location (and that it is paid at the end)
# from tenant.location-changed and of the menu from menu.published, a moment after they change: until then it
# answers 404 (no such location), 409 (no menu yet) or places the order PENDING_PAYMENT (the location's mode it knew
# before, whose diners pay first by default; that order is withdrawn). Polled until an order is PLACED.
first_order() {
  local state id
  deadline=$((SECONDS + 120))
  while :; do
    response=$(place "$@")
    if [ "$(status_of "$response")" = 201 ]; then
      state=$(body_of "$response" | field state)
      [ "$state" = PLACED ] && return
      id=$(body_of "$response" | field id)
      call -X POST -H "Authorization: Bearer $2" "$1/api/v1/orders/$id/cancellation" > /dev/null
    elif [[ ! $(status_of "$response") =~ ^(404|409|502|503|504)$ ]]; then
      die "a first order at $1 answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
    fi
    [ "$SECONDS" -lt "$deadline" ] \
      || die "no order was PLACED at $1 within 120 s (last answer $(status_of "$response"): $(body_of "$response" | head -c 2000))"
    sleep 2
  done
}

helper Carts "$results/menu.json" 2 "$results/sample-carts.txt"
diner=$(sed -n 2p "$results/diners.csv")
log "placing a first order at location $location_id (until order-service knows the location and its menu)"
first_order "$gateway" "$diner" "$(sed -n 1p "$results/sample-carts.txt")"
# and one straight to order-service, which verifies the same token itself
response=$(place "$order_service" "$diner" "$(sed -n 2p "$results/sample-carts.txt")")
[ "$(status_of "$response")" = 201 ] && [ "$(body_of "$response" | field state)" = PLACED ] \
  || die "an order straight to order-service answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
log "orders are PLACED through the gateway and straight to order-service"

# --- the station query: a KITCHEN member, the orders whose tickets it reads ----------------------------------------

kitchen_skipped=
kitchen_role=KITCHEN
kitchen_tickets=0
kitchen_bytes=0
kitchen_email=
# kitchen_token: the KITCHEN member's access token (or, without this script's SMTP server, the owner's)
kitchen_token() {
  if [ -n "$kitchen_email" ]; then
    access_token "$kitchen_email"
  else
    access_token "$email"
  fi
}
# the station's answer, straight from order-service, in $results/tickets.json; prints the status
read_station() {
  curl -sS -o "$results/tickets.json" -w '%{http_code}' -H "Authorization: Bearer $1" \
    "$order_service/api/v1/kitchen/tickets?locationId=$kitchen_location&station=$station"
}

if wants kitchen; then
  # a KITCHEN member limited to the kitchen's location: invited by the owner, the invitation's link read from the email
  # the fleet sent to this script's SMTP server, accepted with a name and password, then signed in
  if [ -n "$catcher_pid" ]; then
    kitchen_email=kitchen@$slug.example
    log "inviting $kitchen_email as KITCHEN at location $kitchen_location"
    response=$(call "${auth[@]}" -d "{\"email\":\"$kitchen_email\",\"role\":\"KITCHEN\",\"locationIds\":[\"$kitchen_location\"]}" \
      "$gateway/api/v1/tenants/$tenant_id/invitations")
    [ "$(status_of "$response")" = 201 ] || die "inviting answered $(status_of "$response"): $(body_of "$response")"
    deadline=$((SECONDS + 60))
    link=
    until [ -n "$link" ]; do
      # quoted-printable soft line breaks undone, then the first link of the email to that address
      link=$(grep -l -i "^To:.*$kitchen_email" "$results"/mail/*.eml 2>/dev/null | head -n 1 \
        | xargs -r sed -e ':a' -e '/=\r\?$/{N;s/=\r\?\n//;ba}' -e 's/=3D/=/g' | grep -o 'https\?://[^[:space:]]*' | head -n 1 || true)
      [ -n "$link" ] || [ "$SECONDS" -lt "$deadline" ] || die "no invitation email to $kitchen_email within 60 s (see $results/mail)"
      [ -n "$link" ] || sleep 1
    done
    response=$(call -H 'Content-Type: application/json' -d "{\"name\":\"Bench Kitchen\",\"password\":\"$password\"}" \
      "$gateway/api/v1/invitations/${link##*/}/acceptance")
    [ "$(status_of "$response")" = 201 ] || die "accepting the invitation answered $(status_of "$response"): $(body_of "$response")"
  else
    kitchen_role=OWNER
    log "no SMTP server of this script (a running fleet): the station query reads with the owner's token"
  fi
  station_token=$(kitchen_token)

  code=$(read_station "$station_token")
  if [ "$code" = 404 ]; then
    kitchen_skipped="GET /api/v1/kitchen/tickets answered 404 straight from order-service: the endpoint is not there yet"
    log "SKIPPING the station query: $kitchen_skipped ($(head -c 300 "$results/tickets.json"))"
  elif [ "$code" != 200 ]; then
    die "the station query answered $code straight from order-service: $(head -c 2000 "$results/tickets.json")"
  else
    log "seating a diner at each of $kitchen_tables tables at location $kitchen_location"
    seat_diners "$kitchen_location" "$kitchen_tables" kitchen-diners Kitchen
    helper Carts "$results/menu.json" "$kitchen_orders" "$results/kitchen-carts.txt" "$results/menu-draft.json" "$station"
    first_order "$gateway" "$(sed -n 2p "$results/kitchen-diners.csv")" "$(sed -n 1p "$results/kitchen-carts.txt")"
    # the others in one curl (one keep-alive connection), the diners taking turns
    log "placing $kitchen_orders orders at location $kitchen_location, each with a line made at station $station"
    mapfile -t kitchen_diners < <(tail -n +2 "$results/kitchen-diners.csv")
    n=0
    tail -n +2 "$results/kitchen-carts.txt" | while IFS= read -r cart; do
      [ "$n" = 0 ] || echo next
      n=$((n + 1))
      diner=${kitchen_diners[$((n % kitchen_tables))]}
      printf 'url = "%s/api/v1/orders"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\n' \
        "$gateway" "$diner"
      printf 'header = "Idempotency-Key: %s"\ndata-raw = "%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' \
        "$(uuid)" "${cart//\"/\\\"}"
    done | curl -sS -K - > "$results/kitchen-orders.txt" 2>> "$results/curl.err" || true
    placed=$(($(grep -c '^201$' "$results/kitchen-orders.txt" || true) + 1))
    [ "$placed" -eq "$kitchen_orders" ] \
      || die "$placed of $kitchen_orders kitchen orders placed (answers: $(sort "$results/kitchen-orders.txt" | uniq -c | tr -s ' \n' ' '))"
    # each order is fired to the kitchen as it is placed (its tickets opened in the same transaction); polled anyway, so
    # that a kitchen fed by events later still finds every ticket listed before it is measured
    deadline=$((SECONDS + 60))
    while :; do
      code=$(read_station "$station_token")
      [ "$code" = 200 ] || die "the station query answered $code: $(head -c 2000 "$results/tickets.json")"
      kitchen_tickets=$(helper TicketCount "$results/tickets.json")
      [ "$kitchen_tickets" -lt "$kitchen_orders" ] && [ "$SECONDS" -lt "$deadline" ] || break
      sleep 2
    done
    [ "$kitchen_tickets" -ge "$kitchen_orders" ] \
      || log "WARNING: station $station lists $kitchen_tickets tickets, not $kitchen_orders, 60 s after the orders were placed (see $results/tickets.json)"
    kitchen_bytes=$(wc -c < "$results/tickets.json")
    log "station $station at location $kitchen_location lists $kitchen_tickets open tickets ($kitchen_bytes bytes of JSON)"
  fi
fi

printf 'tenant %s %s\nowner %s\nlocation %s (orders)\nkitchen-location %s (station %s, %s open tickets)\nmenu %s (%s items)\ntables %s\nkitchen %s\n' \
  "$slug" "$tenant_id" "$email" "$location_id" "${kitchen_location:-none}" "$station" "$kitchen_tickets" "$menu_id" \
  "$menu_items" "$tables" "${kitchen_skipped:-$kitchen_role ${kitchen_email:-$email}}" > "$results/seed.txt"

# --- Gatling ---------------------------------------------------------------------------------------------------

settings=(
  -Dbench.gateway="$gateway" -Dbench.orderService="$order_service"
  -Dbench.diners="$results/diners.csv" -Dbench.menu="$results/menu.json" -Dbench.tables="$tables"
  -Dbench.menuItems="$menu_items" -Dbench.rate="$rate" -Dbench.warmup="$warmup" -Dbench.duration="$duration"
  -Dbench.targetP95Ms="$target_p95"
  -Dbench.kitchen.locationId="$kitchen_location" -Dbench.kitchen.station="$station"
  -Dbench.kitchen.tokenFile="$results/kitchen-token.txt" -Dbench.kitchen.rate="$kitchen_rate"
  -Dbench.kitchen.targetP95Ms="$kitchen_target_p95" -Dbench.kitchen.orders="$kitchen_orders"
  -Dbench.kitchen.tickets="$kitchen_tickets" -Dbench.kitchen.bytes="$kitchen_bytes" -Dbench.kitchen.role="$kitchen_role"
  -Dbench.kitchen.skipped="$kitchen_skipped"
)

if wants orders; then
  gatling io.urop.bench.orders.OrderSimulation orders
fi
if wants kitchen && [ -z "$kitchen_skipped" ]; then
  # a fresh access token (they live 15 minutes): the order phases took a while
  kitchen_token > "$results/kitchen-token.txt"
  gatling io.urop.bench.orders.KitchenSimulation kitchen
fi

echo
java -cp "$bench/target/test-classes" "${settings[@]}" io.urop.bench.orders.Report "$results" | tee "$results/summary.txt"
