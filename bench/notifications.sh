#!/usr/bin/env bash
# Work notification delivery to a whole organisation (bench/java/hk/lantau/bench/NotificationBench.java).
#
#   bench/notifications.sh
#
# Starts target/lantau.jar on a fresh H2 data directory (mktemp -d, loopback port in 8300-8399,
# JVM flags from BENCH_JVM_FLAGS, none by default) with a random operator password, then runs the
# bench client: it sets up an organisation, imports BENCH_PEOPLE (5000) people in one CSV (the
# same-run baseline: people written per second by the import) and an app with notification.send,
# warms up with one unmeasured send to everyone, and then BENCH_REPEATS (3) times sends a new
# text to everyone and polls the task every 50 ms until it is done. Per repeat it prints the
# answer time of the send, the time from the answer to status 2, recipients per second, and the
# percents seen on the way. The server and its data are removed on exit, also on failure
# (BENCH_KEEP=1 keeps them).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap bench_cleanup EXIT

people="${BENCH_PEOPLE:-5000}"
repeats="${BENCH_REPEATS:-3}"

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
bench_log "healthy after $healthy_ms ms; $repeats repeats to $people people"

(cd "$BENCH_ROOT" && ./mvnw -q -Pbench exec:java -Dexec.mainClass=hk.lantau.bench.NotificationBench \
    -Dexec.args="$base $password $people $repeats") || {
    tail -n 40 "$work/console.log" >&2
    exit 1
}
bench_log "done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
