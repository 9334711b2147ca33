#!/usr/bin/env bash
# Does `feedgen build` start slower than an earlier feedgen? Builds this checkout and BASE (a commit; by default
# b9cc42f, the last one before the watcher moved to swift-service-lifecycle, swift-subprocess and the metrics)
# in release mode, then times both binaries with hyperfine in the same run (5 warm-ups, then 60 runs of one and
# 60 of the other; run it on a quiet machine) on the example site
# in feeds/ (a build of a few posts with nothing changed, which is mostly the program's start): median wall
# time of each and their ratio. Exits 1 when this checkout's median is more than 5% above BASE's.
#
#   bash Tests/Benchmarks/start-benchmark.sh [BASE]
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:-b9cc42f}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# BASE is checked out and built in .build-start-base (ignored by git), kept for the next run.
keep=$PWD/.build-start-base
if [ -d "$keep/source" ]; then
    git -C "$keep/source" checkout --quiet --detach "$base"
else
    git worktree add --detach --quiet "$keep/source" "$base"
fi
(cd "$keep/source" && swift build -c release --product feedgen --scratch-path "$keep/build" >/dev/null)
swift build -c release --product feedgen >/dev/null
current=$(swift build -c release --show-bin-path)/feedgen
previous=$keep/build/release/feedgen

site=feeds/example
"$current" build --site "$site" --out "$work/out-current" >/dev/null
"$previous" build --site "$site" --out "$work/out-previous" >/dev/null
hyperfine --style basic --warmup 5 --runs 60 --export-json "$work/times.json" \
    -n "base $base" "$previous build --site $site --out $work/out-previous" \
    -n "this checkout" "$current build --site $site --out $work/out-current"

python3 - "$work/times.json" "$base" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
previous, current = (r["median"] for r in results)
ratio = current / previous
print(f"median: base {sys.argv[2]} {previous * 1000:.1f} ms, this checkout {current * 1000:.1f} ms, "
      f"ratio {ratio:.3f} (at most 1.050)")
sys.exit(0 if ratio <= 1.05 else 1)
EOF
