#!/usr/bin/env bash
# Webhook throughput and latency from commit to delivery (bench/java/hk/lantau/bench/WebhookBench.java).
#
#   bench/webhooks.sh
#
# Starts target/lantau.jar on a fresh H2 data directory (mktemp -d, loopback port in 8300-8399,
# JVM flags from BENCH_JVM_FLAGS, none by default) with a random operator password, then runs the
# bench client: it starts a receiver on 127.0.0.1, sets up an organisation, an app and a
# subscription to user.created through the API, warms up with one unmeasured import, and then
# BENCH_REPEATS (3) times imports BENCH_PEOPLE (3000) people in one CSV and waits until every
# event has arrived. Per repeat it prints events/s (people ÷ time from the commit to the last
# arrival), the median, p99 and max latency from the commit to each arrival, and, as the same-run
# baseline, the receiver's raw request rate with BENCH_SENDERS (32) senders for
# BENCH_BASELINE_SECONDS (5). Server, receiver and client share the machine's cores.
# The server and its data are removed on exit, also on failure (BENCH_KEEP=1 keeps them).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap bench_cleanup EXIT

people="${BENCH_PEOPLE:-3000}"
repeats="${BENCH_REPEATS:-3}"
baseline="${BENCH_BASELINE_SECONDS:-5}"
senders="${BENCH_SENDERS:-32}"

bench_ensure_jar
work="$(bench_tmpdir)"
bench_log "compiling the bench client"
(cd "$BENCH_ROOT" && ./mvnw -q -Pbench test-compile >"$work/compile.log" 2>&1) || {
    tail -n 40 "$work/compile.log" >&2
    exit 1
}

port="$(bench_pick_port)"
base="http://127.0.0.1:$port"
password="Bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
bench_log "machine: $(bench_machine)"
bench_log "starting the server on $base (JVM flags: ${BENCH_JVM_FLAGS:-none})"
bench_start "$work/data" "$port" "$work/console.log" false "$BENCH_JAR" \
    "${BENCH_JVM_FLAGS:-} -Dlantau.identity.operator-password=$password"
if ! healthy_ms="$(bench_wait_healthy "$port" "${BENCH_TIMEOUT_SECONDS:-180}")"; then
    tail -n 40 "$work/console.log" >&2
    exit 1
fi
bench_log "healthy after $healthy_ms ms; $repeats repeats of $people people"

(cd "$BENCH_ROOT" && ./mvnw -q -Pbench exec:java -Dexec.mainClass=hk.lantau.bench.WebhookBench \
    -Dexec.args="$base $password $people $repeats $baseline $senders") || {
    tail -n 40 "$work/console.log" >&2
    exit 1
}
bench_log "done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
