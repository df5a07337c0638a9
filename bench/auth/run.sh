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
source bench/common/bench.sh

wants() { [[ ",$scenarios," == *",$1,"* ]]; }

if [ -n "$gateway" ]; then
  log "using the running fleet at $gateway (its per-IP login/sign-up and per-tenant limits must be raised)"
  if wants overhead && [ -z "$tenant_service" ]; then
    die "set UROP_BENCH_TENANT_SERVICE too (tenant-service's own URL, from ./devstack's process table)"
  fi
else
  start_fleet tenant-service
  tenant_service=$service
fi

# --- seed: one tenant (and owner) per account, through the gateway ------------------------------------------

tag=$(printf '%x' "$(date +%s)")
accounts=$results/accounts.txt
: > "$accounts"
tenant_id=
log "signing up $account_count tenants (one owner account each)"
for i in $(seq 1 "$account_count"); do
  slug=bench-$tag-$i
  response=$(sign_up "Bench $i" "$slug")
  status=$(status_of "$response")
  if [ "$status" = 429 ]; then
    die "sign-up answered 429: the gateway's per-IP sign-up limit is not raised (UROP_GATEWAY_RATELIMITS_PERCLIENTIP_SIGNUP_LIMIT)"
  fi
  [ "$status" = 201 ] || die "sign-up $i answered $status: $(body_of "$response")"
  [ -n "$tenant_id" ] || tenant_id=$(body_of "$response" | field tenantId)
  echo "owner@$slug.example" >> "$accounts"
done
[ -n "$tenant_id" ] || die "no tenantId in the sign-up answer"

# --- Gatling ---------------------------------------------------------------------------------------------------

settings=(
  -Dbench.gateway="$gateway" -Dbench.tenantService="$tenant_service" -Dbench.tenantId="$tenant_id"
  -Dbench.rate="$rate" -Dbench.warmup="$warmup" -Dbench.duration="$duration"
  -Dbench.login.steps="$login_steps" -Dbench.login.stepDuration="$login_step_duration"
  -Dbench.login.warmup="$login_warmup" -Dbench.login.p95LimitMs="$login_p95_limit"
  -Dbench.accounts="$accounts" -Dbench.accountCount="$account_count" -Dbench.password="$password"
)

if wants overhead; then
  # access tokens live 15 minutes: log in right before the run that uses one
  token=$(access_token "owner@bench-$tag-1.example")
  gatling io.urop.bench.GatewayOverheadSimulation overhead -Dbench.token="$token"
fi
if wants login; then
  gatling io.urop.bench.LoginRateSimulation login
fi

echo
java -cp "$bench/target/test-classes" "${settings[@]}" io.urop.bench.Report "$results" | tee "$results/summary.txt"
