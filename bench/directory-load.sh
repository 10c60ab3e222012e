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
# users: BENCH_WARMUP_SECONDS (10) of warm-up, then BENCH_SECONDS (20) measured. The load
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
department="${BENCH_DEPARTMENT:-Sales}"
staff="maktszhin@demotrading.example"
simulation=hk.lantau.bench.DirectoryReadSimulation

bench_ensure_jar
work="$(bench_tmpdir)"
# Gatling's HTML reports and the per-phase summaries stay after the run.
results="$BENCH_ROOT/target/bench/directory-load-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
bench_log "compiling the simulation"
(cd "$BENCH_ROOT" && ./mvnw -q -Pbench test-compile >"$work/compile.log" 2>&1) || {
    tail -n 40 "$work/compile.log" >&2
    exit 1
}

port="$(bench_pick_port)"
base="http://127.0.0.1:$port"
bench_log "machine: $(bench_machine)"
bench_log "starting the server with the demo data on $base (JVM flags: ${BENCH_JVM_FLAGS:-none})"
bench_start "$work/data" "$port" "$work/console.log" true
server_pid="$BENCH_SERVER_PID"
if ! healthy_ms="$(bench_wait_healthy "$port" "${BENCH_TIMEOUT_SECONDS:-180}")"; then
    tail -n 40 "$work/console.log" >&2
    exit 1
fi
bench_log "healthy after $healthy_ms ms"

password="$(sed -n 's/.*Demo admin: .*password: \([^ ]*\).*/\1/p' "$work/console.log" | head -n 1)"
if [[ -z "$password" ]]; then
    bench_log "the server printed no demo password"
    exit 1
fi
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

declare -A rps p50 p95 ratio cost busy
phases=(health user members)
for ((run = 1; run <= repeats; run++)); do
    bench_log "repeat $run of $repeats: ${vusers} users, ${warmup}s warm-up + ${seconds}s per phase (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    summary="$results/summary-$run.tsv"
    (cd "$BENCH_ROOT" && ./mvnw -q -Pbench gatling:test \
        -Dgatling.simulationClass="$simulation" -Dgatling.resultsFolder="$results/gatling-$run" \
        -Dbench.summaryFile="$summary" -Dbench.serverPid="$server_pid" -Dbench.clockTicks="$(getconf CLK_TCK)" \
        -Dbench.baseUrl="$base" -Dbench.token="$token" -Dbench.userIds="$user_ids" \
        -Dbench.departmentId="$department_id" -Dbench.users="$vusers" \
        -Dbench.warmUpSeconds="$warmup" -Dbench.seconds="$seconds" >"$results/gatling-$run.log" 2>&1) || {
        tail -n 60 "$results/gatling-$run.log" >&2
        exit 1
    }
    if [[ ! -s "$summary" ]]; then
        bench_log "the simulation wrote no $summary"
        exit 1
    fi
    while IFS=$'\t' read -r name count ko window r m p cpu_per_request cores; do
        if [[ "$ko" != 0 ]]; then
            bench_log "$name: $ko failed requests"
            exit 1
        fi
        rps[$name]+="$r "
        p50[$name]+="$m "
        p95[$name]+="$p "
        cost[$name]+="$cpu_per_request "
        busy[$name]+="$cores "
        bench_log "$(printf '  %-8s %8.1f req/s  median %4d ms  p95 %4d ms  server CPU %s ms/request, %s cores busy  (%d requests in %.1f s)' \
            "$name" "$r" "$m" "$p" "$cpu_per_request" "$cores" "$count" "$window")"
    done <"$summary"
    for name in user members; do
        read -r -a h <<<"${rps[health]}"
        read -r -a x <<<"${rps[$name]}"
        ratio[$name]+="$(bc -l <<<"${x[run - 1]} / ${h[run - 1]}") "
    done
done

if ! kill -0 "$server_pid" 2>/dev/null; then
    bench_log "the server died during the run"
    exit 1
fi
rss="$(bench_rss_mb "$server_pid")"

median_of() {
    local -a v
    read -r -a v <<<"$1"
    printf '%s\n' "${v[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

printf '\nDirectory reads under load: %s repeats, %s users, %ss warm-up + %ss measured per phase\n' \
    "$repeats" "$vusers" "$warmup" "$seconds"
printf 'Machine: %s\n' "$(bench_machine)"
printf 'Server: JVM flags %s; RSS after the run %s MB. Gatling runs on the same cores.\n\n' \
    "${BENCH_JVM_FLAGS:-(defaults)}" "$rss"
range_of() {
    local -a v
    read -r -a v <<<"$1"
    printf "%${2}s (%s-%s)" "$(printf "%.${3}f" "$(median_of "$1")")" \
        "$(printf "%.${3}f" "$(printf '%s\n' "${v[@]}" | sort -g | head -n 1)")" \
        "$(printf "%.${3}f" "$(printf '%s\n' "${v[@]}" | sort -g | tail -n 1)")"
}

printf '%-8s | %-22s | %-6s | %-6s | %-21s | %-11s | %s\n' phase 'req/s' 'median' 'p95' \
    'server CPU ms/request' 'cores busy' 'throughput vs health'
printf '%-8s-|-%-22s-|-%-6s-|-%-6s-|-%-21s-|-%-11s-|-%s\n' -------- ---------------------- ------ ------ \
    --------------------- ----------- ----------------------
for name in "${phases[@]}"; do
    if [[ "$name" == health ]]; then
        rel='1 (baseline)'
    else
        rel="$(range_of "${ratio[$name]}" 4 2)"
    fi
    printf '%-8s | %-22s | %3s ms | %3s ms | %-21s | %-11s | %s\n' "$name" "$(range_of "${rps[$name]}" 6 0)" \
        "$(median_of "${p50[$name]}")" "$(median_of "${p95[$name]}")" "$(range_of "${cost[$name]}" 5 2)" \
        "$(median_of "${busy[$name]}")" "$rel"
done
printf '(medians over the repeats, range in brackets; latency figures are medians of each repeat'"'"'s median and p95)\n'
printf '\nAim: user reads at least 1/3 of health throughput. Gatling reports: %s\n' "${results#"$BENCH_ROOT"/}"
