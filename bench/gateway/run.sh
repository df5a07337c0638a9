#!/usr/bin/env bash
# The gateway's cost per request: the same route bare (a Reactor Netty server answering the same bytes from memory),
# straight to the service, through a bare Reactor Netty proxy (the hop alone) and through the gateway; closed loop (wrk:
# saturation) and open model (Gatling: latency at a fixed rate); and where the gateway's and menu-service's CPU goes
# under that load (async-profiler). See bench/README.md.
#
#   bench/gateway/run.sh   start a fleet (./devstack), seed a tenant with the demo menu and a 300-dish menu at two
#                          locations, measure, profile, print the table
#
# Settings (environment): UROP_BENCH_THREADS (wrk threads, 2), UROP_BENCH_CONNECTIONS (50), UROP_BENCH_CLOSED_WARMUP
# (s, 60: the first wrk run through the gateway, not measured), UROP_BENCH_CLOSED_DURATION (s, 30 per target),
# UROP_BENCH_RATE (req/s, 1500), UROP_BENCH_WARMUP (s, 30), UROP_BENCH_DURATION (s, 60), UROP_BENCH_TARGET_P95_MS (50),
# UROP_BENCH_MENU_ITEMS (300: the open model's menu), UROP_BENCH_PHASES (closed,profile,open; also settings),
# UROP_BENCH_GATEWAY_SETTINGS (the settings phase's: ';' between settings, each JVM options and --name=value
# arguments, an empty one for the gateway as configured), UROP_BENCH_SETTING_RUNS (3), UROP_BENCH_SETTING_WARMUP (s, 90),
# UROP_BENCH_WAIT_MINUTES (30: how long to wait for another fleet to finish), UROP_BENCH_HOLD (s, 0: how long to keep
# the fleet, the bare server and the bare proxy up after the run, to look at them by hand; the URLs are in hold.env).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
bench=$root/bench/gateway

threads=${UROP_BENCH_THREADS:-2}
connections=${UROP_BENCH_CONNECTIONS:-50}
closed_warmup=${UROP_BENCH_CLOSED_WARMUP:-60}
closed_duration=${UROP_BENCH_CLOSED_DURATION:-30}
rate=${UROP_BENCH_RATE:-1500}
warmup=${UROP_BENCH_WARMUP:-30}
duration=${UROP_BENCH_DURATION:-60}
target_p95=${UROP_BENCH_TARGET_P95_MS:-50}
menu_items=${UROP_BENCH_MENU_ITEMS:-300}
phases=${UROP_BENCH_PHASES:-closed,profile,open}
heap=-Xmx384m
wait_minutes=${UROP_BENCH_WAIT_MINUTES:-30}
hold=${UROP_BENCH_HOLD:-0}
gateway_settings=${UROP_BENCH_GATEWAY_SETTINGS:-}
setting_runs=${UROP_BENCH_SETTING_RUNS:-3}
setting_warmup=${UROP_BENCH_SETTING_WARMUP:-90}
gateway=
source bench/common/bench.sh

wants() { [[ ",$phases," == *",$1,"* ]]; }

# wrk, the closed-loop load generator (C, cheap per request: it leaves the cores to what is measured), from Debian
if ! command -v wrk > /dev/null; then
  log "installing wrk (Debian package)"
  sudo_=; [ "$(id -u)" = 0 ] || sudo_=sudo
  { $sudo_ apt-get install -y -qq wrk || { $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq wrk; }; } \
    > "$results/apt.log" 2>&1 || die "could not install wrk (see $results/apt.log); install the Debian package wrk"
fi

# this benchmark's classes, and bench/menu's (MenuDocument, BareMenuServer), before any fleet starts
log "compiling bench/gateway and bench/menu"
for project in gateway menu; do
  ./mvnw -q -f "bench/$project/pom.xml" test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$root/bench/$project/target/classpath.txt" > "$results/build-$project.log" 2>&1 \
    || { tail -n 40 "$results/build-$project.log" >&2; die "bench/$project does not build (see $results/build-$project.log)"; }
done
menu_classpath=$root/bench/menu/target/test-classes:$(cat "$root/bench/menu/target/classpath.txt")

trap 'stop_bare; stop_fleet' EXIT

start_fleet menu-service
menu_service=$service
pid_of() { awk -v id="$1" '$1 == id && $2 ~ /^http/ { print $3; exit }' "$results/devstack.out"; }
gateway_pid=$(pid_of gateway)
menu_service_pid=$(pid_of menu-service)
[ -n "$gateway_pid" ] && [ -n "$menu_service_pid" ] || die "no gateway or menu-service pid in $results/devstack.out"

# --- seed: a tenant, the demo menu at its first location, a big menu at a second one -----------------------------

sign_up_owner "Bench Gateway" bench-gateway
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

log "opening a second location"
response=$(call -D "$results/location.headers" "${auth[@]}" "$gateway/api/v1/tenants/$tenant_id/locations" -d \
  '{"name":"Bench big","address":{"line1":"1 A St","postalCode":"1000","city":"Brussels","country":"BE"},
    "currency":"EUR","timeZone":"Europe/Brussels","taxRateBasisPoints":600,"pricesIncludeTax":true,
    "serviceChargeBasisPoints":0,"paymentMode":"EITHER"}')
[ "$(status_of "$response")" = 201 ] || die "opening a location answered $(status_of "$response"): $(body_of "$response")"
big_location=$(body_of "$response" | field id)

log "publishing the demo menu at location $location_id"
publish_menu "$location_id" platform/devstack/src/main/resources/demo-menu.json
log "publishing a $menu_items-dish menu at location $big_location"
java -cp "$menu_classpath" io.urop.bench.menu.MenuDocument "$results/big-menu-draft.json" "$menu_items"
publish_menu "$big_location" "$results/big-menu-draft.json"

# the menus as a phone gets them (gzip), which also caches them; the demo's is what the bare server serves
menu_path=/api/v1/public/locations/$location_id/menu
big_menu_path=/api/v1/public/locations/$big_location/menu
auth_path=/api/v1/menus
for path in "$menu_path" "$big_menu_path"; do
  for base in "$gateway" "$menu_service"; do
    code=$(curl -sS -H 'Accept-Encoding: gzip' -o /dev/null -w '%{http_code}' "$base$path")
    [ "$code" = 200 ] || die "GET $base$path answered $code"
  done
done
code=$(curl -sS -H 'Accept-Encoding: gzip' -D "$results/menu.headers" -o "$results/menu.json.gz" -w '%{http_code}' \
  "$gateway$menu_path")
[ "$code" = 200 ] || die "the demo menu answered $code"
menu_bytes=$(wc -c < "$results/menu.json.gz")
big_menu_bytes=$(curl -sS -H 'Accept-Encoding: gzip' "$gateway$big_menu_path" | wc -c)
etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: *\([^[:space:]]*\).*/\1/p' "$results/menu.headers")
log "menus published: the demo's ($menu_bytes B gzip) at $menu_path, $menu_items dishes ($big_menu_bytes B gzip) at $big_menu_path"

start_bare "$menu_classpath" "$results/menu.json.gz" "$etag"

# the bare proxy in front of menu-service: what the hop alone costs, the least any gateway can
java $jvm_options -cp "$menu_classpath" io.urop.bench.menu.BareProxy "$menu_service" > "$results/proxy.out" 2>&1 &
proxy_pid=$!
restarted_gateway=
trap 'kill "$proxy_pid" $restarted_gateway 2>/dev/null || true; stop_bare; stop_fleet' EXIT
await_listening "$proxy_pid" "$results/proxy.out" "the bare proxy"
proxy=$listening
log "bare proxy up at $proxy (pid $proxy_pid), in front of menu-service"

# --- closed loop -------------------------------------------------------------------------------------------------

# load <seconds> <output file> <url> [header...]: wrk with the run's threads and connections, asking as a phone does
load() {
  local seconds=$1 out=$2 url=$3 header args=()
  shift 3
  for header in "$@"; do args+=(-H "$header"); done
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency -H 'Accept: application/json' \
    -H 'Accept-Encoding: gzip' "${args[@]}" "$url" > "$out" 2>&1 || { cat "$out" >&2; die "wrk failed on $url"; }
}
bearer() { echo "Authorization: Bearer $(access_token "$email")"; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# measure <route> <target> <url> [header...]: a closed-loop run (wrk-<route>-<target>.txt) and the CPU time, user and
# system, that the process in front (the gateway, or the bare proxy on its own runs) and menu-service spent meanwhile
# (cpu-<route>-<target>.txt, in clock ticks): what each costs per request, which other processes' noise moves far less
# than the throughput
measure() {
  local route=$1 target=$2 url=$3 front_pid=$gateway_pid front_ticks menu_service_ticks
  shift 3
  [ "$target" != proxy ] || front_pid=$proxy_pid
  front_ticks=$(ticks "$front_pid")
  menu_service_ticks=$(ticks "$menu_service_pid")
  load "$closed_duration" "$results/wrk-$route-$target.txt" "$url" "$@"
  printf 'ticks-per-second %s\nfront %s\nmenu-service %s\n' "$(getconf CLK_TCK)" \
    $(($(ticks "$front_pid") - front_ticks)) $(($(ticks "$menu_service_pid") - menu_service_ticks)) \
    > "$results/cpu-$route-$target.txt"
}

if wants closed; then
  log "warming up: $closed_warmup s through the gateway, shorter runs of the rest (C2 compiles the request paths)"
  load "$closed_warmup" "$results/warmup-menu-gateway.txt" "$gateway$menu_path"
  load $((closed_warmup / 2)) "$results/warmup-auth-gateway.txt" "$gateway$auth_path" "$(bearer)"
  load 15 "$results/warmup-menu-direct.txt" "$menu_service$menu_path"
  load 15 "$results/warmup-auth-direct.txt" "$menu_service$auth_path" "$(bearer)"
  load 10 "$results/warmup-menu-bare.txt" "$bare$menu_path"
  load 15 "$results/warmup-menu-proxy.txt" "$proxy$menu_path"
  for target in bare direct proxy gateway; do
    case $target in bare) base=$bare ;; direct) base=$menu_service ;; proxy) base=$proxy ;; gateway) base=$gateway ;; esac
    log "public menu, $target: $closed_duration s"
    measure menu "$target" "$base$menu_path"
  done
  for target in direct proxy gateway; do
    case $target in direct) base=$menu_service ;; proxy) base=$proxy ;; gateway) base=$gateway ;; esac
    log "authenticated GET, $target: $closed_duration s"
    measure auth "$target" "$base$auth_path" "$(bearer)"
  done
fi

# --- profiles: the same loads again, each with one process sampled by async-profiler ------------------------------

# async-profiler's native library, out of its Maven Central jar (on bench/gateway's classpath), in `profiler`
profiler_library() {
  local jar arch
  jar=$(tr ':' '\n' < "$bench/target/classpath.txt" | grep '/async-profiler-[^/]*\.jar$' | head -n 1)
  [ -n "$jar" ] || die "async-profiler is not on bench/gateway's classpath"
  case $(uname -m) in aarch64|arm64) arch=linux-arm64 ;; *) arch=linux-x64 ;; esac
  unzip -o -q "$jar" "$arch/libasyncProfiler.so" -d "$bench/target/async-profiler"
  profiler=$bench/target/async-profiler/$arch/libasyncProfiler.so
}

# profile <name> <pid> <url> [header...]: CPU samples of that process (every millisecond of CPU time, stacks as deep as
# they go: a request's reactive stack in the gateway runs 300 frames and more) for the closed loop's duration, written
# as a JFR recording and summarised in profile-<name>.txt. JFR's own sampler cut the gateway to a third of its
# throughput while it recorded; async-profiler costs it some 15 %.
profile() {
  local name=$1 pid=$2 url=$3 recording
  recording=$results/profile-$name.jfr
  shift 3
  log "profiling $name: $closed_duration s"
  # jcmd reads name=value pairs itself: the profiler's options go quoted, as one value
  jcmd "$pid" JVMTI.agent_load "$profiler" "\"start,event=cpu,interval=1ms,jstackdepth=2048,file=$recording,jfr\"" \
    > "$results/jcmd-$name.log" 2>&1 && grep -q 'return code: 0' "$results/jcmd-$name.log" \
    || die "async-profiler did not start (see $results/jcmd-$name.log)"
  load "$closed_duration" "$results/wrk-profile-$name.txt" "$url" "$@"
  jcmd "$pid" JVMTI.agent_load "$profiler" "\"stop,file=$recording,jfr\"" >> "$results/jcmd-$name.log" 2>&1 \
    || die "async-profiler did not stop (see $results/jcmd-$name.log)"
  java -cp "$bench/target/test-classes" io.urop.bench.gateway.ProfileSummary "$recording" > "$results/profile-$name.txt"
}
if wants profile; then
  profiler_library
  profile gateway-menu "$gateway_pid" "$gateway$menu_path"
  profile gateway-auth "$gateway_pid" "$gateway$auth_path" "$(bearer)"
  profile menu-service-menu "$menu_service_pid" "$menu_service$menu_path"
fi

# --- settings: the gateway restarted with each setting in turn, on the same warm fleet -----------------------------

# restart_gateway <label> [JVM option or --name=value argument...]: the gateway stopped and started again with its own
# command line and environment (read from /proc) and these added; back once the public menu answers through it
gateway_command=()
gateway_environment=()
restart_gateway() {
  local label=$1 options=() arguments=() word jar_at=0 i
  shift
  for word in "$@"; do
    case $word in --*) arguments+=("$word") ;; *) options+=("$word") ;; esac
  done
  if [ ${#gateway_command[@]} -eq 0 ]; then
    # the class-data archive is devstack's to write, once
    mapfile -t gateway_command < <(tr '\0' '\n' < "/proc/$gateway_pid/cmdline" \
      | grep -v '^-XX:ArchiveClassesAtExit=')
    mapfile -t gateway_environment < <(tr '\0' '\n' < "/proc/$gateway_pid/environ")
  fi
  for i in "${!gateway_command[@]}"; do
    if [ "${gateway_command[$i]}" = -jar ]; then jar_at=$i; break; fi
  done
  kill "$gateway_pid"
  while kill -0 "$gateway_pid" 2>/dev/null; do sleep 0.5; done
  env -i "${gateway_environment[@]}" "${gateway_command[@]:0:$jar_at}" "${options[@]}" \
    "${gateway_command[@]:$jar_at}" "${arguments[@]}" > "$results/gateway-$label.log" 2>&1 &
  gateway_pid=$!
  restarted_gateway=$gateway_pid
  for i in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$gateway$menu_path")" != 200 ] || return 0
    kill -0 "$gateway_pid" 2>/dev/null || break
    sleep 1
  done
  die "the gateway did not answer again with setting $label (see $results/gateway-$label.log)"
}

if wants settings; then
  IFS=';' read -r -a setting_list <<< "$gateway_settings"
  [ ${#setting_list[@]} -gt 0 ] || setting_list=("")
  : > "$results/settings.txt"
  for n in "${!setting_list[@]}"; do
    setting=${setting_list[$n]}
    label=setting-$((n + 1))
    log "$label (${setting:-the gateway as configured}): restarted, $setting_warmup s warm-up," \
      "$setting_runs runs of $closed_duration s"
    # word splitting on purpose: a setting is options and arguments separated by spaces
    # shellcheck disable=SC2086
    restart_gateway "$label" $setting
    load "$setting_warmup" "$results/warmup-$label.txt" "$gateway$menu_path"
    for run in $(seq 1 "$setting_runs"); do
      measure menu "$label-$run" "$gateway$menu_path"
    done
    printf '%s\t%s\n' "$label" "${setting:-(as configured)}" >> "$results/settings.txt"
  done
fi

# --- open model --------------------------------------------------------------------------------------------------

settings=(
  -Dbench.gateway="$gateway" -Dbench.direct="$menu_service" -Dbench.path="$big_menu_path" -Dbench.rate="$rate"
  -Dbench.warmup="$warmup" -Dbench.duration="$duration" -Dbench.targetP95Ms="$target_p95"
  -Dbench.threads="$threads" -Dbench.connections="$connections" -Dbench.closedDuration="$closed_duration"
  -Dbench.menuBytes="$menu_bytes" -Dbench.menuPath="$menu_path" -Dbench.authPath="$auth_path"
  -Dbench.bigMenuItems="$menu_items" -Dbench.bigMenuBytes="$big_menu_bytes"
)
if wants open; then
  stop_bare
  gatling io.urop.bench.gateway.FixedRateSimulation open
fi

echo
java -cp "$bench/target/test-classes" "${settings[@]}" io.urop.bench.gateway.Report "$results" | tee "$results/summary.txt"
for summary in "$results"/profile-*.txt; do
  [ -f "$summary" ] || continue
  echo
  head -n 30 "$summary"
done

if [ "$hold" -gt 0 ]; then
  printf 'gateway=%s\nmenu_service=%s\nbare=%s\nproxy=%s\ngateway_pid=%s\nmenu_service_pid=%s\nmenu_path=%s\nbig_menu_path=%s\nauth_path=%s\nemail=%s\n' \
    "$gateway" "$menu_service" "$bare" "$proxy" "$gateway_pid" "$menu_service_pid" "$menu_path" "$big_menu_path" "$auth_path" \
    "$email" > "$results/hold.env"
  log "holding the fleet for $hold s (URLs in $results/hold.env)"
  sleep "$hold"
fi
