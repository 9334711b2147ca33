#!/bin/sh
# Records where real Jekyll (Debian's jekyll 4.3.1) publishes each document of site/ (posts and collections), with
# the date it gives each and whether it wrote the page. CollectionFeedTests compares feedgen's item links and
# dates with these. Run from this folder after changing the site, and read the diff of jekyll-documents.tsv.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R site "$work/site"
printf '%s\n' '---' 'layout: null' 'permalink: /documents.txt' '---' \
    '{% for c in site.collections %}{% for d in c.docs %}{{ c.label }}	{{ d.relative_path }}	{{ d.url }}	{% if d.date == site.time %}BUILD-TIME{% else %}{{ d.date | date: "%Y-%m-%d %H:%M:%S %z" }}{% endif %}	{{ c.output }}' \
    '{% endfor %}{% endfor %}' >"$work/site/documents.txt"
jekyll build -q -s "$work/site" -d "$work/out"
{
    printf '# %s; columns: collection, relative_path, url, date, output, written (a document dated neither by its\n' "$(jekyll --version)"
    printf '# name nor its front matter is dated at the build, site.time: BUILD-TIME; written: Jekyll wrote its page)\n'
    grep -v '^[[:space:]]*$' "$work/out/documents.txt" | LC_ALL=C sort | while IFS='	' read -r label path url date output; do
        page="$work/out$url"
        case "$url" in */) page="${page}index.html" ;; esac
        if [ -f "$page" ]; then written=yes; else written=no; fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$path" "$url" "$date" "$output" "$written"
    done
} >jekyll-documents.tsv
