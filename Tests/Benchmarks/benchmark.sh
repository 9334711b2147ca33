#!/usr/bin/env bash
# The speed benchmark of issue 18, in one command: feedgen beside Hugo, Jekyll and the floors any feed
# generator pays, every ratio taken against a reference measured in the same run.
#
#   bash Tests/Benchmarks/benchmark.sh [--sizes 1000,10000] [--runs 5] [--results FILE]
#
# For every size it makes a content repository with ../shared/corpus/gen_corpus.py and measures, with the
# commands run in turn (round-robin, so a load that comes and goes hits them all alike), the median wall time
# and the peak resident memory of:
#   feedgen build (default limit, no previous output), feedgen build --limit 0, feedgen build with nothing
#   changed, feedgen digest of the newest post's ISO week;
#   Hugo on a converted copy of the same posts (date from the file name, unsafe HTML, an RSS feed of the
#   whole content, [services.rss] limit = 20 and limit = -1);
#   Jekyll with jekyll-feed (at 1,000 posts only: it takes minutes beyond);
#   the floors: `cat` of every post, `stat` of every post, and cmark-gfm over every body (front matter
#   removed), 100 files per process, one process at a time (one core).
# Then `feedgen watch` on a git copy of the repository: 20 new posts written one at a time, each timed from
# its file's close until the all-languages JSON feed lists it (median and worst).
# Missing tools (hugo, cmark-gfm, jekyll, ruby-jekyll-feed, GNU time for peak memory) are installed from Debian
# with apt-get.
# Prints one table and writes it, with the machine it ran on, to Tests/Benchmarks/results.md (or --results).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

sizes=1000,10000
runs=5
results=Tests/Benchmarks/results.md
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --results) results=$2; shift 2 ;;
        -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "benchmark.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
    esac
done

missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
command -v jekyll >/dev/null || missing+=(jekyll)
[ -x /usr/bin/time ] || missing+=(time)
[ -d /usr/share/rubygems-integration/all/gems ] && ls /usr/share/rubygems-integration/all/gems | grep -q '^jekyll-feed-' \
    || missing+=(ruby-jekyll-feed)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing from Debian: ${missing[*]}" >&2
    sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

echo "building feedgen (release)" >&2
swift build -c release --product feedgen >&2
feedgen=$(swift build -c release --show-bin-path)/feedgen

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/Tests/Benchmarks/benchmark.py" --feedgen "$feedgen" --sizes "$sizes" --runs "$runs" \
    --results "$results" --work "$work" --generator "$root/../shared/corpus/gen_corpus.py"
