# What every bench/*/run.sh shares, sourced after it has set `bench` (its own folder) and `wait_minutes`: logging, the
# results folder of this run, a fleet started with ./devstack as a server runs it (and stopped on exit), and the
# curl helpers that seed it through the gateway. Run from the checkout's root.

results=$bench/results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$results"
export MAVEN_OPTS=${MAVEN_OPTS:--Xmx256m}
password=bench-password-123
# devstack's JVMs stop at the C1 compiler to start fast, with a code cache and collector sized for it; a benchmark
# measures steady state as a server runs: C2, the JVM's own code cache size (C2's code does not fit in 48 MB, and a
# full cache evicts and recompiles for as long as the load lasts) and G1
jvm_options=${UROP_DEVSTACK_JVM_OPTIONS:--XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=240m -XX:-UseSerialGC -XX:+UseG1GC -Xmx384m}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

# --- the fleet -------------------------------------------------------------------------------------------------

devstack_pid=
stop_fleet() {
  if [ -n "$devstack_pid" ] && kill -0 "$devstack_pid" 2>/dev/null; then
    log "stopping the fleet (pid $devstack_pid)"
    kill -TERM "$devstack_pid" 2>/dev/null || true
    wait "$devstack_pid" 2>/dev/null || true
  fi
}
trap stop_fleet EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# a fleet (./devstack or the end-to-end tests') or a test run: two fleets on a small machine distort each other
other_fleets() {
  pgrep -f 'io\.urop\.devstack|failsafe|surefire|devstack-[^ ]*-exec\.jar|spring\.profiles\.active=devstack' || true
}

# start_fleet <service-id>: starts the fleet once no other runs, and sets `gateway` and `service` (that service's own
# URL, for the direct path)
start_fleet() {
  local id=$1 waited=0
  while [ -n "$(other_fleets)" ]; do
    [ "$waited" -lt "$wait_minutes" ] || die "another fleet or test run is still running after $wait_minutes min"
    log "another fleet or test run is running (pids $(other_fleets | tr '\n' ' ')); waiting (${waited}/${wait_minutes} min)"
    sleep 60
    waited=$((waited + 1))
  done

  # the gateway's budgets raised so that they refuse nothing of one load generator's address and do not slow seeding
  # (Spring relaxed binding of urop.gateway.rate-limits.per-client-ip.{login,signup,scan,public-menu,sockets,apps}.limit,
  # urop.gateway.rate-limits.per-tenant.limit and per-diner.{table-session,token}-limit): they are still counted
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_LOGIN_LIMIT=1000000
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_SIGNUP_LIMIT=1000000
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_SCAN_LIMIT=100000000
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_PUBLICMENU_LIMIT=100000000
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_SOCKETS_LIMIT=100000000
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_APPS_LIMIT=100000000
  export UROP_GATEWAY_RATELIMITS_PERTENANT_LIMIT=100000000
  export UROP_GATEWAY_RATELIMITS_PERDINER_TABLESESSIONLIMIT=100000000
  export UROP_GATEWAY_RATELIMITS_PERDINER_TOKENLIMIT=100000000
  # the scan bench's phones carry no cookie: each scan is a new guest at one of its tables
  export UROP_QR_SCAN_MAXGUESTSPERTABLE=100000000
  # traces sampled as a production fleet samples them, not devstack's every request; ten C2 JVMs start slower
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
  service=$(awk -v id="$id" '$1 == id && $2 ~ /^http/ { print $2; exit }' "$out")
  [ -n "$gateway" ] && [ -n "$service" ] || die "could not read the gateway and $id URLs from $out"
  log "fleet up: gateway $gateway, $id $service (logs in $UROP_DEVSTACK_HOME/logs)"
}

# --- Gatling ---------------------------------------------------------------------------------------------------

# gatling <simulation class> <log name> [-D...]: runs one simulation of this bench, with its `settings` and `heap`
gatling() {
  local simulation=$1 name=$2
  shift 2
  log "running ${simulation##*.} (Gatling output in $results/$name.log)"
  if ! ./mvnw -f "$bench/pom.xml" gatling:test -Dgatling.simulationClass="$simulation" \
      -Dbench.resultsFolder="$results" -Dbench.heap="$heap" "${settings[@]}" "$@" > "$results/$name.log" 2>&1; then
    tail -n 40 "$results/$name.log" >&2
    die "${simulation##*.} failed (see $results/$name.log)"
  fi
}

# --- the bare server: a menu's gzip bytes answered from memory by Reactor Netty (bench/menu's BareMenuServer) -----

bare_pid=
stop_bare() {
  if [ -n "$bare_pid" ] && kill -0 "$bare_pid" 2>/dev/null; then
    kill -TERM "$bare_pid" 2>/dev/null || true
    wait "$bare_pid" 2>/dev/null || true
  fi
}

# start_bare <classpath> <gzip file> <etag>: starts it in the fleet's JVM options on a free port and sets `bare` (its
# URL); a script that starts one stops it on exit with `trap 'stop_bare; stop_fleet' EXIT`
start_bare() {
  java $jvm_options -cp "$1" io.urop.bench.menu.BareMenuServer "$2" "$3" > "$results/bare.out" 2>&1 &
  bare_pid=$!
  await_listening "$bare_pid" "$results/bare.out" "the bare server"
  bare=$listening
  log "bare server up at $bare (pid $bare_pid)"
}

# await_listening <pid> <output file> <what>: waits (a minute at most) until a helper process started in the background
# prints "listening on <address>", and sets `listening` to that address
await_listening() {
  local pid=$1 out=$2 what=$3 deadline=$((SECONDS + 60))
  until grep -qs '^listening on ' "$out"; do
    kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; die "$what did not start"; }
    [ "$SECONDS" -lt "$deadline" ] || die "$what did not start in time (see $out)"
    sleep 1
  done
  listening=$(sed -n 's/^listening on //p' "$out")
}

# --- seeding through the gateway ---------------------------------------------------------------------------------

# the first "name": "value" in a JSON text (nothing if there is none; sed reads it all, so no SIGPIPE)
field() { { grep -o "\"$1\" *: *\"[^\"]*\"" || true; } | sed -n '1s/.*"\([^"]*\)"$/\1/p'; }
# every "name": "value" in a JSON text, one value a line
fields() { { grep -o "\"$1\" *: *\"[^\"]*\"" || true; } | sed 's/.*"\([^"]*\)"$/\1/'; }
# curl that prints the body, a newline and the status
call() { curl -sS -w '\n%{http_code}' "$@"; }
status_of() { printf '%s' "${1##*$'\n'}"; }
body_of() { printf '%s' "${1%$'\n'*}"; }

# sign_up <organisation name> <slug>: a new tenant whose owner is owner@<slug>.example; prints the answer as call does
sign_up() {
  call -H 'Content-Type: application/json' "$gateway/api/v1/signup" -d @- <<EOF
{"organisation":{"name":"$1","slug":"$2"},
 "location":{"name":"Bench","address":{"line1":"1 A St","postalCode":"1000","city":"Brussels","country":"BE"},
  "currency":"EUR","timeZone":"Europe/Brussels","taxRateBasisPoints":600,"pricesIncludeTax":true,
  "serviceChargeBasisPoints":0,"paymentMode":"EITHER"},
 "owner":{"name":"Bench Owner","email":"owner@$2.example","password":"$password"}}
EOF
}

# access_token <email>: the owner's access token, once auth-service knows the account (a moment after the sign-up)
access_token() {
  local attempt response
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    response=$(call -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$password\"}" \
      "$gateway/api/v1/auth/login")
    if [ "$(status_of "$response")" = 200 ]; then
      body_of "$response" | field accessToken
      return
    fi
    sleep 2
  done
  die "$1 could not log in (last answer $(status_of "$response"): $(body_of "$response"))"
}

# sign_up_owner <organisation name> <slug prefix>: one tenant and its owner, signed in; sets slug, email, tenant_id,
# location_id (its first location) and token
sign_up_owner() {
  local response
  slug=$2-$(printf '%x' "$(date +%s)")
  email=owner@$slug.example
  log "signing up tenant $slug"
  response=$(sign_up "$1" "$slug")
  [ "$(status_of "$response")" = 201 ] || die "sign-up answered $(status_of "$response"): $(body_of "$response")"
  tenant_id=$(body_of "$response" | field tenantId)
  location_id=$(body_of "$response" | field locationId)
  [ -n "$tenant_id" ] && [ -n "$location_id" ] || die "no tenantId or locationId in the sign-up answer: $(body_of "$response")"
  token=$(access_token "$email")
}

# seat_diners <location> <tables> <name> <area>: an area of tables "<area> 1" to "<area> <tables>" at the location, each
# table's code scanned once through the gateway (a phone joining its table session); each diner's access token a line
# of $results/<name>.csv (the tables' ids in <name>-tables.txt, their codes in <name>-codes.json, the scans' answers in
# <name>-scans.txt). Uses the caller's $gateway, $token (the owner's), $auth and $results.
seat_diners() {
  local location=$1 count=$2 name=$3 room=$4 area from to id first
  deadline=$((SECONDS + 60))
  while :; do
    response=$(call "${auth[@]}" -d "{\"locationId\":\"$location\",\"name\":\"$room\"}" "$gateway/api/v1/areas")
    [ "$(status_of "$response")" = 404 ] && [ "$SECONDS" -lt "$deadline" ] || break
    sleep 2
  done
  [ "$(status_of "$response")" = 201 ] || die "creating an area answered $(status_of "$response"): $(body_of "$response")"
  area=$(body_of "$response" | field id)
  : > "$results/$name-tables.txt"
  for from in $(seq 1 200 "$count"); do
    to=$((from + 199 < count ? from + 199 : count))
    response=$(call "${auth[@]}" "$gateway/api/v1/tables/bulk" -d \
      "{\"locationId\":\"$location\",\"areaId\":\"$area\",\"namePattern\":\"$room {n}\",\"from\":$from,\"to\":$to,\"seats\":4}")
    [ "$(status_of "$response")" = 201 ] || die "creating tables answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
    body_of "$response" | fields id >> "$results/$name-tables.txt"
  done
  first=
  while read -r id; do
    [ -z "$first" ] || echo next
    first=no
    printf 'url = "%s/api/v1/tables/%s/qr-code"\nheader = "Authorization: Bearer %s"\nwrite-out = "\\n"\n' \
      "$gateway" "$id" "$token"
  done < "$results/$name-tables.txt" | curl -sS -K - > "$results/$name-codes.json" 2>> "$results/curl.err" || true
  first=
  fields token < "$results/$name-codes.json" | while read -r code; do
    [ -z "$first" ] || echo next
    first=no
    printf 'url = "%s/q/%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code} %%header{location}\\n"\n' "$gateway" "$code"
  done | curl -sS -K - > "$results/$name-scans.txt" 2>> "$results/curl.err" || true
  { echo token; sed -n 's/^303 .*#token=\([^&]*\).*/\1/p' "$results/$name-scans.txt"; } > "$results/$name.csv"
  [ "$(($(wc -l < "$results/$name.csv") - 1))" -eq "$count" ] \
    || die "$(($(wc -l < "$results/$name.csv") - 1)) of $count diners seated (see $results/$name-scans.txt and curl.err)"
}

# set_payment_mode <PAY_AT_THE_END|PAY_WHEN_ORDERING|EITHER>: the sign-up's location (sign_up's body) paid that way.
# Uses the caller's $gateway, $auth, $tenant_id and $location_id.
set_payment_mode() {
  local body response
  log "making location $location_id paid $1"
  body='{"name":"Bench","address":{"line1":"1 A St","postalCode":"1000","city":"Brussels","country":"BE"},'
  body+='"currency":"EUR","timeZone":"Europe/Brussels","taxRateBasisPoints":600,"pricesIncludeTax":true,'
  body+="\"serviceChargeBasisPoints\":0,\"paymentMode\":\"$1\",\"openingHours\":[],\"firstOrderApproval\":false}"
  response=$(call -X PUT "${auth[@]}" --data-binary "$body" "$gateway/api/v1/tenants/$tenant_id/locations/$location_id")
  [ "$(status_of "$response")" = 200 ] || die "changing the location answered $(status_of "$response"): $(body_of "$response")"
}

# publish_menu <location> <draft file>: a menu served at that location, its draft saved and published; sets menu_id.
# Uses the caller's $gateway and $auth. menu-service learns of a location a moment after it opens: 404 until then.
publish_menu() {
  local response deadline
  deadline=$((SECONDS + 60))
  while :; do
    response=$(call "${auth[@]}" -d "{\"name\":\"Bench\",\"currency\":\"EUR\",\"locationIds\":[\"$1\"]}" \
      "$gateway/api/v1/menus")
    [ "$(status_of "$response")" = 404 ] && [ "$SECONDS" -lt "$deadline" ] || break
    sleep 2
  done
  [ "$(status_of "$response")" = 201 ] || die "creating the menu answered $(status_of "$response"): $(body_of "$response")"
  menu_id=$(body_of "$response" | field id)
  response=$(call -X PUT "${auth[@]}" --data-binary @"$2" "$gateway/api/v1/menus/$menu_id/draft")
  [ "$(status_of "$response")" = 200 ] \
    || die "saving the draft answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
  response=$(call -X POST "${auth[@]}" "$gateway/api/v1/menus/$menu_id/versions")
  [ "$(status_of "$response")" = 201 ] \
    || die "publishing answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
}

# publish_one_line_menu: bench/orders' menu (OrderMenu) published at $location_id (publish_menu), and the cart every
# order of the run is (OneLineCart: one line of the first item that asks for no choice, so each order is one kitchen
# ticket) in $results/cart.json; sets menu_id and cart_item. Uses the caller's $gateway, $auth, $results and `helper`
# (java with a classpath holding both classes).
publish_one_line_menu() {
  local code
  log "creating a menu at location $location_id"
  helper io.urop.bench.orders.OrderMenu "$results/menu-draft.json"
  publish_menu "$location_id" "$results/menu-draft.json"
  code=$(curl -sS -o "$results/menu.json" -w '%{http_code}' "$gateway/api/v1/public/locations/$location_id/menu")
  [ "$code" = 200 ] || die "the public menu answered $code through the gateway"
  cart_item=$(helper io.urop.bench.payments.OneLineCart "$results/menu.json" "$results/cart.json")
  log "published menu $menu_id; every order is one $cart_item ($results/cart.json)"
}
