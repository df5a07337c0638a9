#!/usr/bin/env bash
# Paying an order as it is placed: a diner's checkout (POST /api/v1/payments/orders/{orderId}/checkout: a Stripe
# Checkout Session on the restaurant's account), measured with Gatling (open workload model) through the gateway and
# straight to payment-service; then Stripe's webhooks for the paid sessions, from the emulator to the kitchen
# (checkout.session.completed to ticket.fired): events handled per second and the time from payment to firing.
# See bench/README.md.
#
#   bench/payments/run.sh   start a fleet (./devstack), seed a tenant whose location takes payment as diners order and
#                           whose Stripe account takes payments, place orders and open their checkouts, pay some of
#                           them at the emulator, follow them to the kitchen, print the table
#
# Settings (environment): UROP_BENCH_RATE (checkouts/s, 50), UROP_BENCH_WARMUP (s, 90), UROP_BENCH_DURATION (s, 60),
# UROP_BENCH_TABLES (50), UROP_BENCH_TIP_PERCENT (10), UROP_BENCH_PAY_AFTER_MS (1000: the pause between the order's
# answer and its checkout), UROP_BENCH_CHECKOUT_RETRIES (5), UROP_BENCH_CHECKOUT_RETRY_MS (500),
# UROP_BENCH_WEBHOOKS (sessions paid, 500), UROP_BENCH_PAY_CLIENTS (4), UROP_BENCH_WEBHOOK_TIMEOUT (s, 300),
# UROP_BENCH_SCENARIOS (checkout,webhooks), UROP_BENCH_GATLING_HEAP (-Xmx384m), UROP_BENCH_WAIT_MINUTES (30: how long
# to wait for another fleet to finish).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/payments

rate=${UROP_BENCH_RATE:-50}
warmup=${UROP_BENCH_WARMUP:-90}
duration=${UROP_BENCH_DURATION:-60}
tables=${UROP_BENCH_TABLES:-50}
tip_percent=${UROP_BENCH_TIP_PERCENT:-10}
pay_after_ms=${UROP_BENCH_PAY_AFTER_MS:-1000}
checkout_retries=${UROP_BENCH_CHECKOUT_RETRIES:-5}
checkout_retry_ms=${UROP_BENCH_CHECKOUT_RETRY_MS:-500}
webhooks=${UROP_BENCH_WEBHOOKS:-500}
pay_clients=${UROP_BENCH_PAY_CLIENTS:-4}
webhook_timeout=${UROP_BENCH_WEBHOOK_TIMEOUT:-300}
scenarios=${UROP_BENCH_SCENARIOS:-checkout,webhooks}
heap=${UROP_BENCH_GATLING_HEAP:--Xmx384m}
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
gateway=
source bench/common/bench.sh

wants() { [[ ",$scenarios," == *",$1,"* ]]; }
count_ok() { [[ $2 =~ ^[1-9][0-9]*$ ]] && [ "$2" -le "$3" ] || die "$1 must be 1 to $3, not '$2'"; }
count_ok UROP_BENCH_TABLES "$tables" 1000
count_ok UROP_BENCH_WEBHOOKS "$webhooks" 100000
count_ok UROP_BENCH_PAY_CLIENTS "$pay_clients" 64
wants checkout || die "UROP_BENCH_SCENARIOS must include checkout: the webhook phase pays the sessions it opens"
uuid() { cat /proc/sys/kernel/random/uuid; }

# the benchmark's classes (CheckoutSimulation, WebhookRun, OneLineCart, Report; bench/orders' OrderMenu) and their
# classpath (Jackson, the Kafka client), before any fleet starts
log "compiling bench/payments"
./mvnw -q -f "$bench/pom.xml" test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$bench/target/classpath.txt" > "$results/build.log" 2>&1 \
  || { tail -n 40 "$results/build.log" >&2; die "bench/payments does not build (see $results/build.log)"; }
classpath=$bench/target/test-classes:$(cat "$bench/target/classpath.txt")
helper() { java -cp "$classpath" "$@"; }

# a test suite runs its modules one after the other, and the moment between two of them looks like the end of the run:
# the machine must be free of other fleets and test runs for a minute (three looks, 20 s apart) before this fleet starts
since=$SECONDS
quiet=0
while [ "$quiet" -lt 3 ]; do
  if [ -n "$(other_fleets)" ]; then
    quiet=0
    [ $((SECONDS - since)) -lt $((wait_minutes * 60)) ] \
      || die "another fleet or test run is still running after $wait_minutes min"
    log "another fleet or test run is running (pids $(other_fleets | tr '\n' ' ')); waiting ($(((SECONDS - since) / 60))/${wait_minutes} min)"
    sleep 60
  else
    quiet=$((quiet + 1))
    [ "$quiet" -ge 3 ] || sleep 20
  fi
done
start_fleet payment-service
payment_service=$service
devstack_out=$results/devstack.out
order_service=$(awk '$1 == "order-service" && $2 ~ /^http/ { print $2; exit }' "$devstack_out")
stripe=$(sed -n 's/^ *Stripe *\(http[^ ]*\).*/\1/p' "$devstack_out" | head -n 1)
kafka=$(sed -n 's/^ *Kafka *\([^ ]*\).*/\1/p' "$devstack_out" | head -n 1)
[ -n "$order_service" ] && [ -n "$stripe" ] && [ -n "$kafka" ] \
  || die "could not read order-service's URL, the Stripe emulator's or Kafka's from $devstack_out"
log "order-service $order_service, Stripe emulator $stripe, Kafka $kafka"

# --- seed: a tenant paid as diners order, a published menu, its Stripe account onboarded, diners at tables ---------

sign_up_owner "Bench Payments" bench-payments
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

# the sign-up's location body (bench/common/bench.sh), paid as diners order: tenant-service's PAY_WHEN_ORDERING, which
# order-service knows as PAY_FIRST; a diner's order there waits in PENDING_PAYMENT until it is paid online
set_payment_mode PAY_WHEN_ORDERING

publish_one_line_menu

# the restaurant's Stripe account: created with the first onboarding link (payment-service learns of the tenant from
# tenant.created a moment after the sign-up), onboarded at the emulator, then taking payments once payment-service has
# handled the emulator's account.updated
log "creating the restaurant's Stripe account (POST /api/v1/payments/account/onboarding-links)"
deadline=$((SECONDS + 60))
while :; do
  response=$(call -X POST "${auth[@]}" "$gateway/api/v1/payments/account/onboarding-links")
  [[ $(status_of "$response") =~ ^(404|409|502|503|504)$ ]] && [ "$SECONDS" -lt "$deadline" ] || break
  sleep 2
done
[[ $(status_of "$response") =~ ^20[01]$ ]] \
  || die "the onboarding link answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
response=$(call "${auth[@]}" "$gateway/api/v1/payments/account")
[ "$(status_of "$response")" = 200 ] || die "GET /api/v1/payments/account answered $(status_of "$response"): $(body_of "$response")"
stripe_account=$(body_of "$response" | field stripeAccountId)
[ -n "$stripe_account" ] || die "no stripeAccountId in GET /api/v1/payments/account: $(body_of "$response")"
response=$(call -X POST "$stripe/_emulator/accounts/$stripe_account/onboard")
[ "$(status_of "$response")" = 200 ] || die "onboarding $stripe_account at the emulator answered $(status_of "$response"): $(body_of "$response")"
log "onboarded Stripe account $stripe_account; waiting until payment-service says it takes payments"
deadline=$((SECONDS + 120))
until body_of "$response" | grep -q '"takesPayments" *: *true'; do
  [ "$SECONDS" -lt "$deadline" ] \
    || die "GET /api/v1/payments/account does not say takesPayments 120 s after onboarding: $(body_of "$response")"
  sleep 2
  response=$(call "${auth[@]}" "$gateway/api/v1/payments/account")
done
body_of "$response" > "$results/account.json"

log "seating a diner at each of $tables tables at location $location_id"
seat_diners "$location_id" "$tables" diners Bench
diner=$(sed -n 2p "$results/diners.csv")

# place <base URL> <diner token>: one order of the cart, printed as call prints it
place() {
  call -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" \
    --data-binary @"$results/cart.json" "$1/api/v1/orders"
}

# order-service learns of the location's payment mode (tenant.location-changed), the menu (menu.published) and that
# the restaurant takes payments online (payment.merchant-account-changed) a moment after each changes: until then it
# answers 404 or 409, or places the order COUNTER_FIRST (the diner would pay at the counter; that order is withdrawn).
# Polled with throwaway orders until one is PENDING_PAYMENT and PAY_FIRST; prints that order's id.
first_order() {
  local settlement id
  deadline=$((SECONDS + 120))
  while :; do
    response=$(place "$@")
    if [ "$(status_of "$response")" = 201 ]; then
      settlement=$(body_of "$response" | field settlement)
      id=$(body_of "$response" | field id)
      if [ "$settlement" = PAY_FIRST ] && [ "$(body_of "$response" | field state)" = PENDING_PAYMENT ]; then
        echo "$id"
        return
      fi
      call -X POST -H "Authorization: Bearer $2" "$1/api/v1/orders/$id/cancellation" > /dev/null
    elif [[ ! $(status_of "$response") =~ ^(404|409|502|503|504)$ ]]; then
      die "a first order at $1 answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
    fi
    [ "$SECONDS" -lt "$deadline" ] \
      || die "no order was PAY_FIRST at $1 within 120 s (last answer $(status_of "$response"): $(body_of "$response" | head -c 2000))"
    sleep 2
  done
}

# first_checkout <base URL> <diner token> <order id>: its checkout, polled while payment-service answers 404 (it has not
# learned the order yet); prints the answer's url
first_checkout() {
  deadline=$((SECONDS + 60))
  while :; do
    response=$(call -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "{\"tipPercent\": $tip_percent}" \
      "$1/api/v1/payments/orders/$3/checkout")
    [ "$(status_of "$response")" = 404 ] && [ "$SECONDS" -lt "$deadline" ] || break
    sleep 1
  done
  [ "$(status_of "$response")" = 200 ] && body_of "$response" | field url | grep -q . \
    || die "the checkout of order $3 at $1 answered $(status_of "$response"): $(body_of "$response" | head -c 2000)"
  body_of "$response" | field url
}

log "placing a first order (until order-service knows the location, its menu and that it takes payments online)"
order=$(first_order "$gateway" "$diner")
url=$(first_checkout "$gateway" "$diner" "$order")
log "order $order is PENDING_PAYMENT, PAY_FIRST; its checkout through the gateway: $url"
order=$(first_order "$order_service" "$diner")
url=$(first_checkout "$payment_service" "$diner" "$order")
log "and straight to order-service and payment-service: order $order, checkout $url"

printf 'tenant %s %s\nowner %s\nlocation %s (PAY_WHEN_ORDERING)\nmenu %s\ncart %s\nstripe-account %s\ntables %s\n' \
  "$slug" "$tenant_id" "$email" "$location_id" "$menu_id" "$cart_item" "$stripe_account" "$tables" > "$results/seed.txt"

# --- Gatling: checkout creation ------------------------------------------------------------------------------------

settings=(
  -Dbench.gateway="$gateway" -Dbench.orderService="$order_service" -Dbench.paymentService="$payment_service"
  -Dbench.diners="$results/diners.csv" -Dbench.cart="$results/cart.json" -Dbench.cartItem="$cart_item"
  -Dbench.checkoutsFile="$results/checkouts.csv" -Dbench.tables="$tables" -Dbench.rate="$rate"
  -Dbench.warmup="$warmup" -Dbench.duration="$duration" -Dbench.tipPercent="$tip_percent"
  -Dbench.payAfterMs="$pay_after_ms" -Dbench.checkoutRetries="$checkout_retries"
  -Dbench.checkoutRetryMs="$checkout_retry_ms" -Dbench.scenarios="$scenarios"
)
gatling io.urop.bench.payments.CheckoutSimulation checkout

# --- the webhooks to the kitchen -----------------------------------------------------------------------------------

if wants webhooks; then
  log "paying $webhooks checkout sessions at the emulator and following them to the kitchen (output in $results/webhooks.log)"
  java -cp "$classpath" "${settings[@]}" -Dbench.stripe="$stripe" -Dbench.kafka="$kafka" \
      -Dbench.resultsFolder="$results" -Dbench.webhooks="$webhooks" -Dbench.payClients="$pay_clients" \
      -Dbench.webhookTimeout="$webhook_timeout" io.urop.bench.payments.WebhookRun > "$results/webhooks.log" 2>&1 \
    || { tail -n 40 "$results/webhooks.log" >&2; die "the webhook phase failed (see $results/webhooks.log)"; }
fi

echo
status=0
java -cp "$classpath" "${settings[@]}" io.urop.bench.payments.Report "$results" | tee "$results/summary.txt" \
  || status=$?
[ "$status" = 0 ] || die "a check failed: see the table above ($results/summary.txt)"
