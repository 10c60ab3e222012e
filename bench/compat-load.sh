#!/usr/bin/env bash
# An app's read of one person through the DingTalk-compatible API (POST /topapi/v2/user/get with
# DingTalk's token) against the same read on the native API (GET /api/v1/users/{id} with a bearer
# token), in the same run (bench/java/hk/lantau/bench/CompatApiSimulation.java).
#
#   bench/compat-load.sh
#
# Starts target/lantau.jar with the demo data (fresh data directory from mktemp -d, loopback
# port in 8300-8399, JVM flags from BENCH_JVM_FLAGS, none by default). Each repeat
# (BENCH_REPEATS, 3) signs the demo admin in, registers BENCH_APPS (4) apps that may read people
# with the highest limit, takes a token of each from /api/v1/oauth/token and from /gettoken, and
# runs two phases with BENCH_USERS (16) looping virtual users: BENCH_WARMUP_SECONDS (10) of
# warm-up, then BENCH_SECONDS (20) measured: native, then compat. The first repeat starts with
# BENCH_PREWARM_SECONDS (30) of unmeasured calls of each kind. The load generator runs on the
# same machine as the server and shares its cores.
# Prints requests/s, median and p95 latency and server CPU per request per phase and repeat, the
# medians over the repeats, and compat's throughput as a fraction of native's in the same repeat.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap bench_cleanup EXIT

repeats="${BENCH_REPEATS:-3}"
vusers="${BENCH_USERS:-16}"
apps="${BENCH_APPS:-4}"
warmup="${BENCH_WARMUP_SECONDS:-10}"
seconds="${BENCH_SECONDS:-20}"
prewarm="${BENCH_PREWARM_SECONDS:-30}"
store="${BENCH_RATE_LIMIT_STORE:-memory}"
admin="chankayan@demotrading.example"
simulation=hk.lantau.bench.CompatApiSimulation

bench_ensure_jar
work="$(bench_tmpdir)"
results="$BENCH_ROOT/target/bench/compat-load-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
bench_compile_simulations "$work"

port="$(bench_pick_port)"
base="http://127.0.0.1:$port"
flags="${BENCH_JVM_FLAGS:-} -Dlantau.rate-limit.token-requests-per-minute=100000000 -Dlantau.rate-limit.store=$store"
bench_log "machine: $(bench_machine)"
bench_log "starting the server with the demo data on $base (JVM flags: ${BENCH_JVM_FLAGS:-none}; rate-limit store: $store)"
bench_start_demo "$work" "$port" "$flags"
server_pid="$BENCH_SERVER_PID"

phases=(native compat)
for ((run = 1; run <= repeats; run++)); do
    bench_log "repeat $run of $repeats: ${vusers} users, ${apps} apps, ${warmup}s warm-up + ${seconds}s per phase (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    summary="$results/summary-$run.tsv"
    bench_gatling "$simulation" "$results" "$run" "$summary" "$server_pid" \
        -Dbench.baseUrl="$base" -Dbench.adminLogin="$admin" -Dbench.adminPassword="$BENCH_DEMO_PASSWORD" \
        -Dbench.totpSecretFile="$work/totp-secret" \
        -Dbench.apps="$apps" -Dbench.run="$run" -Dbench.users="$vusers" \
        -Dbench.warmUpSeconds="$warmup" -Dbench.seconds="$seconds" \
        -Dbench.prewarmSeconds="$( ((run == 1)) && echo "$prewarm" || echo 0)"
    bench_collect_summary "$summary" native "${phases[@]}"
done

if ! kill -0 "$server_pid" 2>/dev/null; then
    bench_log "the server died during the run"
    exit 1
fi
rss="$(bench_rss_mb "$server_pid")"

printf '\nPerson read, compatible against native: %s repeats, %s users, %s apps, %ss warm-up + %ss measured per phase, rate-limit store %s\n' \
    "$repeats" "$vusers" "$apps" "$warmup" "$seconds" "$store"
printf 'Machine: %s\n' "$(bench_machine)"
printf 'Server: JVM flags %s; RSS after the run %s MB. Gatling runs on the same cores.\n\n' \
    "${BENCH_JVM_FLAGS:-(defaults)}" "$rss"
bench_print_phases native "${phases[@]}"
printf '(medians over the repeats, range in brackets; latency figures are medians of each repeat'"'"'s median and p95)\n'
printf '\nGatling reports: %s\n' "${results#"$BENCH_ROOT"/}"
