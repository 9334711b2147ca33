#!/usr/bin/env bash
# Regenerates jekyll-feed-ids.tsv: the entry ids and links real jekyll-feed (Debian's ruby-jekyll-feed 0.17, with
# jekyll 4.3.1) writes in /feed.xml for a copy of ../shared/corpus/dair-ai, every post included
# (feed.posts_limit raised above the corpus's size). CompatibilityTests compares feedgen's `jekyll_feed:` ids
# with it, without needing Jekyll.
# Usage: Tests/FeedgenCLITests/Fixtures/make-jekyll-feed-ids.sh   (needs `jekyll` and `ruby-jekyll-feed`)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
site="$work/dair-ai"
cp -R "$root/../shared/corpus/dair-ai" "$site"
# Minimal layouts, so that posts naming `post`, `ar_post` or `default` render without the theme.
mkdir -p "$site/_layouts"
for name in default post ar_post; do printf '{{ content }}\n' >"$site/_layouts/$name.html"; done
# The corpus names plugins that are not installed (jekyll-sitemap, jemoji); they do not change ids.
printf '%s\n' 'plugins: [jekyll-feed]' 'timezone: UTC' 'feed:' '  posts_limit: 100000' >"$site/_config.fixture.yml"
jekyll build --quiet --source "$site" --destination "$site/_site" --config "$site/_config.yml,$site/_config.fixture.yml"
{
    printf '# %s, jekyll-feed %s; _config.fixture.yml = {plugins: [jekyll-feed], timezone: UTC, feed: {posts_limit: 100000}}; columns: entry id, alternate link, in feed.xml order; first line: the feed id\n' \
        "$(jekyll --version)" "$(dpkg-query -W -f '${Version}' ruby-jekyll-feed)"
    python3 - "$site/_site/feed.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
atom = "{http://www.w3.org/2005/Atom}"
feed = ET.parse(sys.argv[1]).getroot()
print(feed.find(atom + "id").text)
for entry in feed.findall(atom + "entry"):
    link = next(l.get("href") for l in entry.findall(atom + "link") if l.get("rel") == "alternate")
    print(entry.find(atom + "id").text + "\t" + link)
PY
} >"$here/jekyll-feed-ids.tsv"
