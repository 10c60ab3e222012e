# Shared helpers for the benchmark scripts in bench/. Source it; do not run it.
#
# Servers started here listen on 127.0.0.1 only, on a port in 8300-8399 (BENCH_PORT to choose),
# with a data directory made by mktemp -d, and are stopped by bench_cleanup (install it with
# `trap bench_cleanup EXIT`), also when a benchmark fails half-way.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAR="${BENCH_JAR:-$BENCH_ROOT/target/lantau.jar}"
BENCH_PIDS=()
BENCH_TMP_DIRS=()

bench_log() {
    printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

# Builds target/lantau.jar when it is missing (BENCH_REBUILD=1 to build it anyway).
bench_ensure_jar() {
    if [[ ! -f "$BENCH_JAR" || "${BENCH_REBUILD:-0}" == 1 ]]; then
        bench_log "building $BENCH_JAR"
        (cd "$BENCH_ROOT" && ./mvnw -q -DskipTests package)
    fi
}

# bench_prepare_cds FLAGS...
# Spring Boot's documented recipe for a faster start: extracts the jar (java -Djarmode=tools ...
# extract) into a temp directory and records a class data sharing archive with a training start
# that stops once the context is refreshed (-Dspring.context.exit=onRefresh, a throw-away data
# directory), using the JVM flags given (the archive is only used with compatible flags). Sets
# BENCH_CDS_JAR (the extracted jar) and BENCH_CDS_FLAG (-XX:SharedArchiveFile=...).
bench_prepare_cds() {
    local dir
    dir="$(bench_tmpdir)"
    bench_log "CDS: extracting the jar and recording the archive"
    java -Djarmode=tools -jar "$BENCH_JAR" extract --destination "$dir/app" >"$dir/extract.log" 2>&1
    LANTAU_DATA_DIR="$dir/training-data" PORT=0 \
        java "$@" -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh \
        -jar "$dir/app/lantau.jar" --server.address=127.0.0.1 >"$dir/training.log" 2>&1 || {
        tail -n 40 "$dir/training.log" >&2
        return 1
    }
    BENCH_CDS_JAR="$dir/app/lantau.jar"
    BENCH_CDS_FLAG="-XX:SharedArchiveFile=$dir/app.jsa"
}

bench_tmpdir() {
    local dir
    dir="$(mktemp -d "${TMPDIR:-/tmp}/lantau-bench.XXXXXX")"
    BENCH_TMP_DIRS+=("$dir")
    printf '%s\n' "$dir"
}

bench_port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The first free port from BENCH_PORT (default 8300) up to 8399.
bench_pick_port() {
    local port
    for ((port = ${BENCH_PORT:-8300}; port <= 8399; port++)); do
        if bench_port_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    bench_log "no free port in ${BENCH_PORT:-8300}-8399"
    return 1
}

# bench_start DATA_DIR PORT CONSOLE_LOG DEMO(true|false) [JAR [JVM_FLAGS]]
# Starts the jar (default BENCH_JAR) in the background with the JVM flags given (default
# BENCH_JVM_FLAGS, none when unset) and sets BENCH_SERVER_PID and BENCH_START_NS (the wall clock
# just before the process was started).
bench_start() {
    local data_dir="$1" port="$2" console="$3" demo="$4" jar="${5:-$BENCH_JAR}" flag_text="${6-${BENCH_JVM_FLAGS:-}}"
    local -a flags=()
    if [[ -n "$flag_text" ]]; then
        read -r -a flags <<<"$flag_text"
    fi
    BENCH_START_NS="$(date +%s%N)"
    LANTAU_DATA_DIR="$data_dir" LANTAU_DEMO="$demo" PORT="$port" \
        LANTAU_BASE_URL="http://127.0.0.1:$port" \
        java "${flags[@]}" -jar "$jar" --server.address=127.0.0.1 >"$console" 2>&1 &
    BENCH_SERVER_PID=$!
    BENCH_PIDS+=("$BENCH_SERVER_PID")
}

# bench_wait_healthy PORT TIMEOUT_SECONDS
# Polls /actuator/health every 50 ms until it answers 200 with status UP; prints the milliseconds
# since BENCH_START_NS. Fails when the server exits or the timeout passes.
bench_wait_healthy() {
    local port="$1" timeout_s="$2" body deadline now
    deadline=$(($(date +%s) + timeout_s))
    while :; do
        if body="$(curl -fsS --max-time 1 "http://127.0.0.1:$port/actuator/health" 2>/dev/null)" \
            && [[ "$body" == *'"status":"UP"'* ]]; then
            now="$(date +%s%N)"
            printf '%s\n' $(((now - BENCH_START_NS) / 1000000))
            return 0
        fi
        if ! kill -0 "$BENCH_SERVER_PID" 2>/dev/null; then
            bench_log "the server exited before it became healthy"
            return 1
        fi
        if (($(date +%s) >= deadline)); then
            bench_log "the server did not become healthy within ${timeout_s}s"
            return 1
        fi
        sleep 0.05
    done
}

# Resident memory of a process in MB, 10^6 bytes (VmRSS from /proc/PID/status, which counts KiB).
bench_rss_mb() {
    awk '/^VmRSS:/ { printf "%d\n", $2 * 1024 / 1000000 }' "/proc/$1/status"
}

# CPU time (user + system, all threads) a process has used so far, in milliseconds.
bench_cpu_ms() {
    local ticks
    ticks="$(getconf CLK_TCK)"
    # Fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses.
    sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$ticks" '{ printf "%d\n", ($12 + $13) * 1000 / hz }'
}

# Stops a server started by bench_start: SIGTERM (graceful shutdown), SIGKILL after 30 s.
bench_stop() {
    local pid="$1" i
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        bench_log "server $pid did not stop within 30 s; killing it"
        kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
    local status=$? pid dir
    for pid in "${BENCH_PIDS[@]}"; do
        bench_stop "$pid"
    done
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
        ((${#BENCH_TMP_DIRS[@]} == 0)) || bench_log "kept: ${BENCH_TMP_DIRS[*]}"
    else
        for dir in "${BENCH_TMP_DIRS[@]}"; do
            rm -rf -- "$dir"
        done
    fi
    return "$status"
}

# Median of numbers given as arguments (the lower middle one for an even count).
bench_median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

bench_min() {
    printf '%s\n' "$@" | sort -n | head -n 1
}

bench_max() {
    printf '%s\n' "$@" | sort -n | tail -n 1
}

# bench_range "VALUES" WIDTH DECIMALS
# The median of space-separated numbers, right-aligned in WIDTH, with their range in brackets.
bench_range() {
    local -a v
    read -r -a v <<<"$1"
    printf "%${2}s (%s-%s)" "$(printf "%.${3}f" "$(bench_median "${v[@]}")")" \
        "$(printf "%.${3}f" "$(bench_min "${v[@]}")")" "$(printf "%.${3}f" "$(bench_max "${v[@]}")")"
}

# One line describing the machine, for the results.
bench_machine() {
    local cpu mem java
    cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    mem="$(free -h | awk '/^Mem:/ { print $2 }')"
    java="$(java -version 2>&1 | head -n 1)"
    printf '%s cores (%s), %s RAM, %s, load average %s\n' "$(nproc)" "$cpu" "$mem" "$java" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# Per-phase figures of a Gatling load run, one value per repeat, space-separated, by phase:
# requests/s, median and p95 ms, server CPU ms per request, cores busy, and throughput as a
# fraction of the baseline phase's in the same repeat.
declare -A BENCH_RPS BENCH_P50 BENCH_P95 BENCH_COST BENCH_BUSY BENCH_RATIO

# bench_collect_summary SUMMARY_FILE BASELINE PHASE...
# Reads one repeat's summary (tab-separated lines of PhaseRecorder.writeSummary), logs it, fails
# on failed requests, and adds each PHASE's throughput relative to BASELINE's.
bench_collect_summary() {
    local summary="$1" baseline="$2" name count ko window r m p cpu_per_request cores
    shift 2
    while IFS=$'\t' read -r name count ko window r m p cpu_per_request cores; do
        if [[ "$ko" != 0 ]]; then
            bench_log "$name: $ko failed requests"
            exit 1
        fi
        BENCH_RPS[$name]+="$r "
        BENCH_P50[$name]+="$m "
        BENCH_P95[$name]+="$p "
        BENCH_COST[$name]+="$cpu_per_request "
        BENCH_BUSY[$name]+="$cores "
        bench_log "$(printf '  %-8s %8.1f req/s  median %4d ms  p95 %4d ms  server CPU %s ms/request, %s cores busy  (%d requests in %.1f s)' \
            "$name" "$r" "$m" "$p" "$cpu_per_request" "$cores" "$count" "$window")"
    done <"$summary"
    local -a h x
    for name in "$@"; do
        [[ "$name" == "$baseline" ]] && continue
        read -r -a h <<<"${BENCH_RPS[$baseline]}"
        read -r -a x <<<"${BENCH_RPS[$name]}"
        BENCH_RATIO[$name]+="$(bc -l <<<"${x[${#x[@]} - 1]} / ${h[${#h[@]} - 1]}") "
    done
}

# bench_print_phases BASELINE PHASE...
# The table of medians over the repeats (range in brackets), one row per phase.
bench_print_phases() {
    local baseline="$1" name rel
    shift
    printf '%-8s | %-22s | %-6s | %-6s | %-21s | %-11s | %s\n' phase 'req/s' 'median' 'p95' \
        'server CPU ms/request' 'cores busy' "throughput vs $baseline"
    printf '%-8s-|-%-22s-|-%-6s-|-%-6s-|-%-21s-|-%-11s-|-%s\n' -------- ---------------------- ------ ------ \
        --------------------- ----------- ----------------------
    for name in "$@"; do
        if [[ "$name" == "$baseline" ]]; then
            rel='1 (baseline)'
        else
            rel="$(bench_range "${BENCH_RATIO[$name]}" 4 2)"
        fi
        printf '%-8s | %-22s | %3s ms | %3s ms | %-21s | %-11s | %s\n' "$name" \
            "$(bench_range "${BENCH_RPS[$name]}" 6 0)" "$(bench_median ${BENCH_P50[$name]})" \
            "$(bench_median ${BENCH_P95[$name]})" "$(bench_range "${BENCH_COST[$name]}" 5 2)" \
            "$(bench_median ${BENCH_BUSY[$name]})" "$rel"
    done
}

# Compiles the Gatling simulations (bench/java) into target/test-classes; WORK is a temp directory for the log.
bench_compile_simulations() {
    bench_log "compiling the simulation"
    (cd "$BENCH_ROOT" && ./mvnw -q -Pbench test-compile >"$1/compile.log" 2>&1) || {
        tail -n 40 "$1/compile.log" >&2
        exit 1
    }
}

# bench_start_demo WORK PORT [JVM_FLAGS]
# Starts the jar with the demo data in WORK/data on PORT and waits until it is healthy; sets
# BENCH_SERVER_PID and BENCH_DEMO_PASSWORD (the demo admin's, as the server printed it).
bench_start_demo() {
    local work="$1" port="$2" healthy_ms
    bench_start "$work/data" "$port" "$work/console.log" true "$BENCH_JAR" "${3-${BENCH_JVM_FLAGS:-}}"
    if ! healthy_ms="$(bench_wait_healthy "$port" "${BENCH_TIMEOUT_SECONDS:-180}")"; then
        tail -n 40 "$work/console.log" >&2
        exit 1
    fi
    bench_log "healthy after $healthy_ms ms"
    BENCH_DEMO_PASSWORD="$(sed -n 's/.*Demo admin: .*password: \([^ ]*\).*/\1/p' "$work/console.log" | head -n 1)"
    if [[ -z "$BENCH_DEMO_PASSWORD" ]]; then
        bench_log "the server printed no demo password"
        exit 1
    fi
}

# bench_gatling SIMULATION RESULTS_DIR RUN SUMMARY_FILE SERVER_PID -Dbench.x=... ...
# Runs one repeat of a simulation; its log and HTML report stay in RESULTS_DIR.
bench_gatling() {
    local simulation="$1" results="$2" run="$3" summary="$4" pid="$5"
    shift 5
    (cd "$BENCH_ROOT" && ./mvnw -q -Pbench gatling:test \
        -Dgatling.simulationClass="$simulation" -Dgatling.resultsFolder="$results/gatling-$run" \
        -Dbench.summaryFile="$summary" -Dbench.serverPid="$pid" -Dbench.clockTicks="$(getconf CLK_TCK)" \
        "$@" >"$results/gatling-$run.log" 2>&1) || {
        tail -n 60 "$results/gatling-$run.log" >&2
        exit 1
    }
    if [[ ! -s "$summary" ]]; then
        bench_log "the simulation wrote no $summary"
        exit 1
    fi
}
