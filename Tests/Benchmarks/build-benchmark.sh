#!/usr/bin/env bash
# Times `feedgen build` (release) on synthetic content repositories made by ../shared/corpus/gen_corpus.py,
# against a reference measured in the same run: reading every post file once (`cat`), the I/O floor any
# feed generator pays. Prints wall seconds, peak memory and the ratio feedgen / reference.
#
#   bash Tests/Benchmarks/build-benchmark.sh [POSTS...]      (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("${@:-1000 10000}")
[ $# -gt 0 ] || sizes=(1000 10000)
swift build -c release --product feedgen >/dev/null
feedgen=$(swift build -c release --show-bin-path)/feedgen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }

printf '%8s  %-22s %8s %10s %8s\n' posts what seconds "peak KiB" ratio
for posts in "${sizes[@]}"; do
    site="$work/site-$posts"
    python3 ../shared/corpus/gen_corpus.py --posts "$posts" --out "$site" >/dev/null
    # Warm the page cache once so every run below reads from memory.
    find "$site" -type f -exec cat {} + >/dev/null
    read -r ref_s ref_kb < <(seconds sh -c "find '$site/_posts' -type f -exec cat {} + >/dev/null")
    rm -rf "$work/out"
    read -r cold_s cold_kb < <(seconds "$feedgen" build --site "$site" --out "$work/out")
    read -r warm_s warm_kb < <(seconds "$feedgen" build --site "$site" --out "$work/out")
    read -r all_s all_kb < <(seconds "$feedgen" build --site "$site" --out "$work/out-all" --limit 0)
    ratio() { python3 -c "print(f'{$1 / max($2, 0.01):.1f}x')"; }
    printf '%8s  %-22s %8s %10s %8s\n' "$posts" "read every post (ref)" "$ref_s" "$ref_kb" "1.0x"
    printf '%8s  %-22s %8s %10s %8s\n' "$posts" "build, first" "$cold_s" "$cold_kb" "$(ratio "$cold_s" "$ref_s")"
    printf '%8s  %-22s %8s %10s %8s\n' "$posts" "build, unchanged" "$warm_s" "$warm_kb" "$(ratio "$warm_s" "$ref_s")"
    printf '%8s  %-22s %8s %10s %8s\n' "$posts" "build --limit 0" "$all_s" "$all_kb" "$(ratio "$all_s" "$ref_s")"
done
