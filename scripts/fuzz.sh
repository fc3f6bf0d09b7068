#!/usr/bin/env bash
# Run bantin's fuzz targets (fuzz/, cargo-fuzz) one after another, each for
# a set time, at the lowest CPU priority, with a seed corpus from
# tests/fixtures. Not part of CI: run it by hand on a quiet machine.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Targets: frontmatter markdown import legacy (default: all). Needs a
# nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Environment: FUZZ_SANITIZER (default address; `none` runs about twice as
# fast), FUZZ_ARGS (more libFuzzer options).
# Prints a summary (runs, CPU time, execs, crashes) and exits 1 when a
# target found a crash; its input is under fuzz/artifacts/TARGET/.
set -euo pipefail

secs=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(frontmatter markdown import legacy)
fi
case $secs in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/fuzz"
fixtures="$root/tests/fixtures"
sanitizer=${FUZZ_SANITIZER:-address}
run=(nice -n 19 cargo +nightly fuzz)
flags=(-O --sanitizer "$sanitizer")

cd "$fuzz"
"${run[@]}" build "${flags[@]}"
bin="$fuzz/target/$(rustc +nightly -vV | sed -n 's/^host: //p')/release"

# Copy the files a target starts from into its corpus, once each.
seed() {
    local target=$1 corpus="$fuzz/corpus/$1" file name
    mkdir -p "$corpus"
    while IFS= read -r -d '' file; do
        name="seed-$(echo "${file#"$fixtures"/}" | tr '/ ' '__')"
        [ -e "$corpus/$name" ] || cp "$file" "$corpus/$name"
    done < <(case $target in
        frontmatter | markdown) find "$fixtures" -name '*.md' -print0 ;;
        import | legacy) find "$fixtures/import" "$fixtures/full/content" -type f \
            \( -name '*.txt' -o -name '*.unicode' -o -name '*.md' \) -print0 ;;
        esac
        # What a target once found (tests/fuzz_regressions.rs runs these).
        [ -d "$fixtures/fuzz/$target" ] && find "$fixtures/fuzz/$target" -type f -print0)
}

summary=()
crashed=0
for target in "${targets[@]}"; do
    seed "$target"
    artifacts="$fuzz/artifacts/$target"
    mkdir -p "$artifacts" "$fuzz/logs"
    before=$(find "$artifacts" -type f | wc -l)
    log="$fuzz/logs/$target.log"
    start=$(date +%s)
    TIMEFORMAT='%U %S'
    status=0
    # The binary itself, not `cargo fuzz run`: what is timed is fuzzing
    # only, never a rebuild.
    { time nice -n 19 "$bin/$target" "$fuzz/corpus/$target" \
        -artifact_prefix="$artifacts/" \
        -max_total_time="$secs" -dict="$fuzz/dict/$target.dict" \
        -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 ${FUZZ_ARGS:-} \
        >"$log" 2>&1; } 2>"$log.time" || status=$?
    read -r user sys <"$log.time"
    cpu=$(echo "$user + $sys" | bc)
    wall=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    corpus=$(find "$fuzz/corpus/$target" -type f | wc -l)
    found=$(($(find "$artifacts" -type f | wc -l) - before))
    if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
        crashed=1
        grep -m1 -A3 "panicked at\|ERROR: " "$log" >&2 || true
    fi
    summary+=("$(printf '%-12s %6ss wall %9ss CPU %12s execs %6s corpus %3s crashes' \
        "$target" "$wall" "$cpu" "${execs:-?}" "$corpus" "$found")")
done

echo
echo "fuzzing summary (logs in fuzz/logs/, crash inputs in fuzz/artifacts/):"
printf '%s\n' "${summary[@]}"
exit "$crashed"
