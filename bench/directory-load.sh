#!/usr/bin/env bash
# Throughput of directory reads under load, against the health endpoint as a baseline measured in
# the same run (bench/java/hk/lantau/bench/DirectoryReadSimulation.java).
#
#   bench/directory-load.sh
#
# Starts target/lantau.jar with the demo data (fresh data directory from mktemp -d, loopback
# port in 8300-8399, JVM flags from BENCH_JVM_FLAGS, none by default), signs in as the demo's
# staff user maktszhin (directory.read) with the password the server printed, and runs the
# Gatling simulation BENCH_REPEATS (3) times against that one server. Each repeat runs health,
# then user reads, then department member lists, each with BENCH_USERS (16) looping virtual
# users: BENCH_WARMUP_SECONDS (10) of warm-up, then BENCH_SECONDS (20) measured. The first
# repeat starts with BENCH_PREWARM_SECONDS (30) of all three requests in turn, unmeasured, so
# that the fresh server's JIT compiler has warmed up before the first figure is taken. The load
# generator runs on the same machine as the server and shares its cores.
# Prints requests/s, median and p95 latency per phase and repeat, the medians over the repeats,
# and each authenticated read's throughput as a fraction of health's in the same repeat.
# The server and its data are removed on exit, also on failure (BENCH_KEEP=1 keeps them); the
# Gatling reports stay in target/bench/.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap bench_cleanup EXIT

repeats="${BENCH_REPEATS:-3}"
vusers="${BENCH_USERS:-16}"
warmup="${BENCH_WARMUP_SECONDS:-10}"
seconds="${BENCH_SECONDS:-20}"
prewarm="${BENCH_PREWARM_SECONDS:-30}"
department="${BENCH_DEPARTMENT:-Sales}"
staff="maktszhin@demotrading.example"
simulation=hk.lantau.bench.DirectoryReadSimulation

bench_ensure_jar
work="$(bench_tmpdir)"
# Gatling's HTML reports and the per-phase summaries stay after the run.
results="$BENCH_ROOT/target/bench/directory-load-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
bench_compile_simulations "$work"

port="$(bench_pick_port)"
base="http://127.0.0.1:$port"
bench_log "machine: $(bench_machine)"
bench_log "starting the server with the demo data on $base (JVM flags: ${BENCH_JVM_FLAGS:-none})"
bench_start_demo "$work" "$port"
server_pid="$BENCH_SERVER_PID"
password="$BENCH_DEMO_PASSWORD"
token="$(jq -n --arg l "$staff" --arg p "$password" '{login: $l, password: $p}' \
    | curl -fsS --max-time 60 "$base/api/v1/auth/sessions" -H 'Content-Type: application/json' -d @- \
    | jq -r .token)"
auth=(-H "Authorization: Bearer $token")
user_ids="$(curl -fsS --max-time 30 "${auth[@]}" "$base/api/v1/users?limit=200" | jq -r '[.items[].userId] | join(",")')"
department_id="$(curl -fsS --max-time 30 "${auth[@]}" "$base/api/v1/departments" \
    | jq -r --arg d "$department" '[.. | objects | select((.name? // "") | startswith($d)) | .id] | first')"
if [[ -z "$user_ids" || -z "$department_id" || "$department_id" == null ]]; then
    bench_log "could not read the demo people or the department '$department'"
    exit 1
fi
members="$(curl -fsS --max-time 30 "${auth[@]}" "$base/api/v1/departments/$department_id/members" | jq '.items | length')"
bench_log "$(tr ',' '\n' <<<"$user_ids" | wc -l) people; department '$department' is $department_id with $members members"

phases=(health user members)
for ((run = 1; run <= repeats; run++)); do
    bench_log "repeat $run of $repeats: ${vusers} users, ${warmup}s warm-up + ${seconds}s per phase (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    summary="$results/summary-$run.tsv"
    bench_gatling "$simulation" "$results" "$run" "$summary" "$server_pid" \
        -Dbench.baseUrl="$base" -Dbench.token="$token" -Dbench.userIds="$user_ids" \
        -Dbench.departmentId="$department_id" -Dbench.users="$vusers" \
        -Dbench.warmUpSeconds="$warmup" -Dbench.seconds="$seconds" \
        -Dbench.prewarmSeconds="$( ((run == 1)) && echo "$prewarm" || echo 0)"
    bench_collect_summary "$summary" health user members
done

if ! kill -0 "$server_pid" 2>/dev/null; then
    bench_log "the server died during the run"
    exit 1
fi
rss="$(bench_rss_mb "$server_pid")"

printf '\nDirectory reads under load: %s repeats, %s users, %ss warm-up + %ss measured per phase\n' \
    "$repeats" "$vusers" "$warmup" "$seconds"
printf 'Machine: %s\n' "$(bench_machine)"
printf 'Server: JVM flags %s; RSS after the run %s MB. Gatling runs on the same cores.\n\n' \
    "${BENCH_JVM_FLAGS:-(defaults)}" "$rss"
bench_print_phases health "${phases[@]}"
printf '(medians over the repeats, range in brackets; latency figures are medians of each repeat'"'"'s median and p95)\n'
printf '\nAim: user reads at least 1/3 of health throughput. Gatling reports: %s\n' "${results#"$BENCH_ROOT"/}"
