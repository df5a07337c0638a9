#!/usr/bin/env bash
# Gateway overhead and logins per second, measured with Gatling (open workload model). See bench/README.md.
#
#   bench/auth/run.sh                       start a fleet (./devstack), seed it, run both, print the table
#   UROP_BENCH_GATEWAY=http://127.0.0.1:8080 UROP_BENCH_TENANT_SERVICE=http://127.0.0.1:41234 bench/auth/run.sh
#                                           use a fleet that is already running (its rate limits must be raised)
#
# Settings (environment): UROP_BENCH_RATE (req/s, 100), UROP_BENCH_WARMUP (s, 90), UROP_BENCH_DURATION (s, 60),
# UROP_BENCH_LOGIN_STEPS (req/s, 5,10,20,40), UROP_BENCH_LOGIN_STEP_DURATION (s, 20), UROP_BENCH_LOGIN_WARMUP
# (s, 10), UROP_BENCH_LOGIN_P95_LIMIT_MS (1000), UROP_BENCH_ACCOUNTS (50), UROP_BENCH_SCENARIOS (overhead,login),
# UROP_BENCH_GATLING_HEAP (-Xmx384m), UROP_BENCH_WAIT_MINUTES (30: how long to wait for another fleet to finish).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/auth

rate=${UROP_BENCH_RATE:-100}
warmup=${UROP_BENCH_WARMUP:-90}
duration=${UROP_BENCH_DURATION:-60}
login_steps=${UROP_BENCH_LOGIN_STEPS:-5,10,20,40}
login_step_duration=${UROP_BENCH_LOGIN_STEP_DURATION:-20}
login_warmup=${UROP_BENCH_LOGIN_WARMUP:-10}
login_p95_limit=${UROP_BENCH_LOGIN_P95_LIMIT_MS:-1000}
account_count=${UROP_BENCH_ACCOUNTS:-50}
scenarios=${UROP_BENCH_SCENARIOS:-overhead,login}
heap=${UROP_BENCH_GATLING_HEAP:--Xmx384m}
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
gateway=${UROP_BENCH_GATEWAY:-}
tenant_service=${UROP_BENCH_TENANT_SERVICE:-}
password=bench-password-123

results=$bench/results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$results"
export MAVEN_OPTS=${MAVEN_OPTS:--Xmx256m}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }
wants() { [[ ",$scenarios," == *",$1,"* ]]; }

# --- the fleet -----------------------------------------------------------------------------------------------

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

start_fleet() {
  local waited=0
  while [ -n "$(other_fleets)" ]; do
    [ "$waited" -lt "$wait_minutes" ] || die "another fleet or test run is still running after $wait_minutes min"
    log "another fleet or test run is running (pids $(other_fleets | tr '\n' ' ')); waiting (${waited}/${wait_minutes} min)"
    sleep 60
    waited=$((waited + 1))
  done

  # raise the gateway's budgets so that they do not interfere (Spring relaxed binding of
  # urop.gateway.rate-limits.per-client-ip.{login,signup}.limit and urop.gateway.rate-limits.per-tenant.limit)
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_LOGIN_LIMIT=1000000
  export UROP_GATEWAY_RATELIMITS_PERCLIENTIP_SIGNUP_LIMIT=1000000
  export UROP_GATEWAY_RATELIMITS_PERTENANT_LIMIT=100000000
  # devstack's JVMs stop at the C1 compiler to start fast, with a code cache and collector sized for it; a benchmark
  # measures steady state as a server runs: C2, the JVM's own code cache size (C2's code does not fit in 48 MB, and a
  # full cache evicts and recompiles for as long as the load lasts) and G1; ten such JVMs take longer to start
  # traces sampled as a production fleet samples them, not devstack's every request
  export UROP_TRACING_SAMPLING_PROBABILITY=${UROP_TRACING_SAMPLING_PROBABILITY:-0.1}
  export UROP_DEVSTACK_START_TIMEOUT=${UROP_DEVSTACK_START_TIMEOUT:-900}
  export UROP_DEVSTACK_JVM_OPTIONS=${UROP_DEVSTACK_JVM_OPTIONS:--XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=240m -XX:-UseSerialGC -XX:+UseG1GC -Xmx384m}
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
  tenant_service=$(awk '$1 == "tenant-service" && $2 ~ /^http/ { print $2; exit }' "$out")
  [ -n "$gateway" ] && [ -n "$tenant_service" ] || die "could not read the gateway and tenant-service URLs from $out"
  log "fleet up: gateway $gateway, tenant-service $tenant_service (logs in $UROP_DEVSTACK_HOME/logs)"
}

if [ -n "$gateway" ]; then
  log "using the running fleet at $gateway (its per-IP login/sign-up and per-tenant limits must be raised)"
  if wants overhead && [ -z "$tenant_service" ]; then
    die "set UROP_BENCH_TENANT_SERVICE too (tenant-service's own URL, from ./devstack's process table)"
  fi
else
  start_fleet
fi

# --- seed: one tenant (and owner) per account, through the gateway ------------------------------------------

field() { sed -n "s/.*\"$1\" *: *\"\([^\"]*\)\".*/\1/p"; }

tag=$(printf '%x' "$(date +%s)")
accounts=$results/accounts.txt
: > "$accounts"
tenant_id=
log "signing up $account_count tenants (one owner account each)"
for i in $(seq 1 "$account_count"); do
  slug=bench-$tag-$i
  email=owner@$slug.example
  body=$(cat <<EOF
{"organisation":{"name":"Bench $i","slug":"$slug"},
 "location":{"name":"Bench","address":{"line1":"1 A St","postalCode":"1000","city":"Brussels","country":"BE"},
  "currency":"EUR","timeZone":"Europe/Brussels","taxRateBasisPoints":600,"pricesIncludeTax":true,
  "serviceChargeBasisPoints":0,"paymentMode":"EITHER"},
 "owner":{"name":"Bench Owner","email":"$email","password":"$password"}}
EOF
)
  response=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' -d "$body" "$gateway/api/v1/signup")
  status=${response##*$'\n'}
  if [ "$status" = 429 ]; then
    die "sign-up answered 429: the gateway's per-IP sign-up limit is not raised (UROP_GATEWAY_RATELIMITS_PERCLIENTIP_SIGNUP_LIMIT)"
  fi
  [ "$status" = 201 ] || die "sign-up $i answered $status: ${response%$'\n'*}"
  [ -n "$tenant_id" ] || tenant_id=$(printf '%s' "${response%$'\n'*}" | field tenantId)
  echo "$email" >> "$accounts"
done
[ -n "$tenant_id" ] || die "no tenantId in the sign-up answer"

login_token() {
  local attempt response status
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    response=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' \
      -d "{\"email\":\"owner@bench-$tag-1.example\",\"password\":\"$password\"}" "$gateway/api/v1/auth/login")
    status=${response##*$'\n'}
    if [ "$status" = 200 ]; then
      printf '%s' "${response%$'\n'*}" | field accessToken
      return
    fi
    sleep 2
  done
  die "the first owner could not log in (last answer $status: ${response%$'\n'*})"
}

# --- Gatling ---------------------------------------------------------------------------------------------------

settings=(
  -Dbench.gateway="$gateway" -Dbench.tenantService="$tenant_service" -Dbench.tenantId="$tenant_id"
  -Dbench.rate="$rate" -Dbench.warmup="$warmup" -Dbench.duration="$duration"
  -Dbench.login.steps="$login_steps" -Dbench.login.stepDuration="$login_step_duration"
  -Dbench.login.warmup="$login_warmup" -Dbench.login.p95LimitMs="$login_p95_limit"
  -Dbench.accounts="$accounts" -Dbench.accountCount="$account_count" -Dbench.password="$password"
)

gatling() {
  local simulation=$1 name=$2
  shift 2
  log "running $simulation (Gatling output in $results/$name.log)"
  if ! ./mvnw -f "$bench/pom.xml" gatling:test -Dgatling.simulationClass="io.urop.bench.$simulation" \
      -Dbench.resultsFolder="$results" -Dbench.heap="$heap" "${settings[@]}" "$@" > "$results/$name.log" 2>&1; then
    tail -n 40 "$results/$name.log" >&2
    die "$simulation failed (see $results/$name.log)"
  fi
}

if wants overhead; then
  # access tokens live 15 minutes: log in right before the run that uses one
  token=$(login_token)
  gatling GatewayOverheadSimulation overhead -Dbench.token="$token"
fi
if wants login; then
  gatling LoginRateSimulation login
fi

echo
java -cp "$bench/target/test-classes" "${settings[@]}" io.urop.bench.Report "$results" | tee "$results/summary.txt"
