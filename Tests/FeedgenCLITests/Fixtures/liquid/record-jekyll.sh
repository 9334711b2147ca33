#!/bin/sh
# Records what real Jekyll (Debian's jekyll 4.3.1, liquid 5.4.0, rouge 3.30.0) makes of each post of site/:
# the posts have no layout, so each page is the post's content. LiquidSiteTests compares its visible text
# with feedgen's items. Run from this folder after changing the site, and read the diff.
set -eu
out=$(mktemp -d)
jekyll build -q -s site -d "$out"
rm -rf jekyll && mkdir jekyll
(cd "$out" && find . -name '*.html' | sort) | while read -r page; do
    cp "$out/$page" "jekyll/$(echo "${page#./}" | tr / _)"
done
rm -rf "$out"
