#!/usr/bin/env bash
# The event stream: connections held, and fan-out into a 1,000-member group
# (bench/java/hk/lantau/bench/StreamBench.java).
#
#   bench/stream.sh
#
# Starts target/lantau.jar on a fresh H2 data directory (mktemp -d, loopback port in 8300-8399,
# JVM flags from BENCH_JVM_FLAGS, none by default) with a random operator password and Tomcat
# allowed BENCH_CONNECTIONS + 1000 connections, raises the open-file limit to 65536 for the server
# and the client, and runs the bench client against it:
# 1. connections: BENCH_CONNECTIONS (10000) streams of BENCH_PEOPLE (100) people held at once;
#    prints how many were held, and the server's heap after a full GC and its RSS per connection
#    against the same server idle just before.
# 2. fanout: a group of BENCH_MEMBERS (1000, the largest group) people, all connected; BENCH_SENDERS
#    (2) threads post into it for BENCH_SECONDS (20); prints deliveries/s and the median, p99 and
#    max from the start of each POST to each member's arrival, against the same senders posting
#    one-to-one messages to one connected person in the same run.
# Server and client share the machine's cores. The server and its data are removed on exit, also
# on failure (BENCH_KEEP=1 keeps them).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap bench_cleanup EXIT

connections="${BENCH_CONNECTIONS:-10000}"
people="${BENCH_PEOPLE:-100}"
members="${BENCH_MEMBERS:-1000}"
seconds="${BENCH_SECONDS:-20}"
senders="${BENCH_SENDERS:-2}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

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
bench_log "machine: $(bench_machine); open files $(ulimit -n)"
bench_log "starting the server on $base (JVM flags: ${BENCH_JVM_FLAGS:-none})"
bench_start "$work/data" "$port" "$work/console.log" false "$BENCH_JAR" \
    "${BENCH_JVM_FLAGS:-} -Dlantau.identity.operator-password=$password \
    -Dserver.tomcat.max-connections=$((connections + 1000)) -Dserver.tomcat.accept-count=1000"
if ! healthy_ms="$(bench_wait_healthy "$port" "${BENCH_TIMEOUT_SECONDS:-180}")"; then
    tail -n 40 "$work/console.log" >&2
    exit 1
fi
bench_log "healthy after $healthy_ms ms"

bench_log "$connections streams of $people people; then a group of $members, $senders senders for $seconds s"
(cd "$BENCH_ROOT" && ./mvnw -q -Pbench exec:java -Dexec.mainClass=hk.lantau.bench.StreamBench \
    -Dexec.args="$base $password $BENCH_SERVER_PID $connections $people $members $seconds $senders") || {
    tail -n 40 "$work/console.log" >&2
    exit 1
}
bench_log "done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
