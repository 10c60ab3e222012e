#!/usr/bin/env bash
# Cold start to healthy, and idle memory, of target/lantau.jar.
#
#   bench/startup.sh
#
# Compares JVM configurations (BENCH_CONFIGS, all three by default), measured in turn within each
# run so that every run sees about the same load on a shared machine:
#   default    java -jar target/lantau.jar, the JVM sizing itself from the machine;
#   small      the flags in BENCH_SMALL_FLAGS (default below: 256 MB heap, serial GC, C1 only,
#              512 KB thread stacks);
#   small-cds  the same flags, run from the extracted jar with a class data sharing archive
#              recorded once by a training start (Spring Boot's recipe);
#   custom     the flags in BENCH_JVM_FLAGS;
#   custom-cds those flags with the extracted jar and an archive of their own.
# For each configuration, each of BENCH_RUNS (5) runs starts the server three times, one after
# another, on a loopback port:
#   empty    a fresh data directory (mktemp -d), no demo data;
#   demo     a fresh data directory with LANTAU_DEMO=true (loads ~30 people), then sits idle for
#            BENCH_IDLE_SECONDS (20) before its resident memory (VmRSS) is read;
#   restart  the demo's data directory again: warm data, cold JVM.
# Time to healthy runs from just before `java` is started to the first 200 UP from
# /actuator/health, polled every 50 ms. CPU is the user+system time the server process had used
# by then (all its threads), which a busy shared machine distorts less than the wall clock.
# Prints medians and ranges. Servers and data directories are removed on exit, also on failure
# (BENCH_KEEP=1 keeps the data directories and console logs).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap bench_cleanup EXIT

runs="${BENCH_RUNS:-5}"
idle="${BENCH_IDLE_SECONDS:-20}"
timeout="${BENCH_TIMEOUT_SECONDS:-180}"
small_flags="${BENCH_SMALL_FLAGS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
read -r -a configs <<<"${BENCH_CONFIGS:-default small small-cds}"
variants=(empty demo restart)

bench_ensure_jar
declare -A jar flags
for config in "${configs[@]}"; do
    case "${config%-cds}" in
        default) base_flags='' ;;
        small) base_flags="$small_flags" ;;
        custom) base_flags="${BENCH_JVM_FLAGS:-}" ;;
        *)
            bench_log "unknown configuration '$config' (default, small, custom, each also with -cds)"
            exit 1
            ;;
    esac
    if [[ "$config" == *-cds ]]; then
        read -r -a training_flags <<<"$base_flags"
        bench_prepare_cds "${training_flags[@]}"
        jar[$config]="$BENCH_CDS_JAR"
        flags[$config]="${base_flags:+$base_flags }$BENCH_CDS_FLAG"
    else
        jar[$config]="$BENCH_JAR"
        flags[$config]="$base_flags"
    fi
done
port="$(bench_pick_port)"
bench_log "machine: $(bench_machine)"
bench_log "configurations: ${configs[*]}; port $port; $runs runs; demo idles ${idle}s"

declare -A ms cpu rss

# measure CONFIG VARIANT DATA_DIR DEMO IDLE_SECONDS
measure() {
    local config="$1" variant="$2" dir="$3" demo="$4" wait_s="$5" console elapsed used resident
    console="$dir/console-$config-$variant.log"
    bench_start "$dir" "$port" "$console" "$demo" "${jar[$config]}" "${flags[$config]}"
    if ! elapsed="$(bench_wait_healthy "$port" "$timeout")"; then
        tail -n 40 "$console" >&2
        return 1
    fi
    used="$(bench_cpu_ms "$BENCH_SERVER_PID")"
    if [[ "$variant" == demo ]] && ! grep -q 'Demo admin: .*password: ' "$console"; then
        bench_log "the demo start printed no demo admin password"
        return 1
    fi
    if ((wait_s > 0)); then
        sleep "$wait_s"
    fi
    resident="$(bench_rss_mb "$BENCH_SERVER_PID")"
    bench_stop "$BENCH_SERVER_PID"
    ms[$config.$variant]+="$elapsed "
    cpu[$config.$variant]+="$used "
    rss[$config.$variant]+="$resident "
    bench_log "$(printf '%-10s %-8s healthy after %6d ms, CPU %6d ms, RSS %4d MB%s' "$config" "$variant" \
        "$elapsed" "$used" "$resident" "$( ((wait_s > 0)) && printf ' (after %ss idle)' "$wait_s")")"
}

for ((run = 1; run <= runs; run++)); do
    for config in "${configs[@]}"; do
        bench_log "run $run of $runs, $config (load average $(cut -d' ' -f1-3 /proc/loadavg))"
        empty_dir="$(bench_tmpdir)"
        measure "$config" empty "$empty_dir" false 0
        demo_dir="$(bench_tmpdir)"
        measure "$config" demo "$demo_dir" true "$idle"
        measure "$config" restart "$demo_dir" true 0
        if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
            rm -rf -- "$empty_dir" "$demo_dir"
        fi
    done
done

seconds() {
    printf '%.1f' "$(bc -l <<<"$1 / 1000")"
}

printf '\nStartup to healthy, %s runs (medians, range in brackets)\n' "$runs"
printf 'Machine: %s\n' "$(bench_machine)"
for config in "${configs[@]}"; do
    printf '  %-10s %s\n' "$config" "${flags[$config]:-(no JVM flags)}$([[ "$config" == *-cds ]] \
        && printf ', extracted jar')"
done
printf '\n%-10s | %-8s | %-21s | %-21s | %s\n' config variant 'to healthy, s' 'CPU until healthy, s' 'RSS, MB'
printf '%-10s-|-%-8s-|-%-21s-|-%-21s-|-%s\n' ---------- -------- --------------------- --------------------- \
    ------------------------------
for config in "${configs[@]}"; do
    for variant in "${variants[@]}"; do
        read -r -a m <<<"${ms[$config.$variant]}"
        read -r -a c <<<"${cpu[$config.$variant]}"
        read -r -a r <<<"${rss[$config.$variant]}"
        if [[ "$variant" == demo ]]; then note=" after ${idle}s idle"; else note=' at healthy'; fi
        printf '%-10s | %-8s | %5s (%5s - %5s) | %5s (%5s - %5s) | %4s (%s - %s)%s\n' "$config" "$variant" \
            "$(seconds "$(bench_median "${m[@]}")")" "$(seconds "$(bench_min "${m[@]}")")" \
            "$(seconds "$(bench_max "${m[@]}")")" \
            "$(seconds "$(bench_median "${c[@]}")")" "$(seconds "$(bench_min "${c[@]}")")" \
            "$(seconds "$(bench_max "${c[@]}")")" \
            "$(bench_median "${r[@]}")" "$(bench_min "${r[@]}")" "$(bench_max "${r[@]}")" "$note"
    done
done
printf '\nAims: healthy in under 8 s; idle RSS under 400 MB.\n'
