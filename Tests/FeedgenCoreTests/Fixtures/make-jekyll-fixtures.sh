#!/usr/bin/env bash
# Regenerates the Jekyll fixtures of FeedgenCoreTests by running real Jekyll (Debian's jekyll 4.3.1):
#   jekyll-urls.tsv         every post of a copy of ../shared/corpus/dair-ai: path, post.url, post.date
#   jekyll-styles.tsv       a small made-up site built once per permalink style, with front-matter
#                           permalink/categories/slug/date and a baseurl
#   jekyll-functions.json   Jekyll's own slugify, escape_path, sanitize_url and parse_date on chosen inputs
#   ../../FeedgenCLITests/Fixtures/multilingual/jekyll-pages.tsv
#                           where Jekyll (with jekyll-polyglot or jekyll-multiple-languages-plugin for the sites
#                           that name them) publishes every post of the multilingual test sites beside it
# Usage: Tests/FeedgenCoreTests/Fixtures/make-jekyll-fixtures.sh   (from anywhere; needs `jekyll`,
# `ruby-jekyll-polyglot` and `ruby-jekyll-multiple-languages`)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="$root/../shared/corpus/dair-ai"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="$(jekyll --version)"

# The Liquid page that prints one line per post: source path, post.url, post.date, relative_url.
write_list_page() {
    printf '%s\n' '---' 'layout: null' '---' \
        '{% for post in site.posts %}{{ post.relative_path }}	{{ post.url }}	{{ post.date | date: "%Y-%m-%d %H:%M:%S %z" }}	{{ post.url | relative_url }}' \
        '{% endfor %}' >"$1"
}

# Minimal layouts, so that posts naming `post`, `ar_post` or `default` render without the theme.
write_layouts() {
    mkdir -p "$1/_layouts"
    for name in default post ar_post; do printf '{{ content }}\n' >"$1/_layouts/$name.html"; done
}

# 1. The real corpus, with its own permalink `/:categories/:title/`.
site="$work/dair-ai"
cp -R "$corpus" "$site"
write_layouts "$site"
write_list_page "$site/fixture-urls.txt"
# The corpus names plugins that are not installed (jekyll-sitemap, jemoji); they do not change post URLs.
printf '%s\n' 'plugins: []' 'timezone: UTC' >"$site/_config.fixture.yml"
command=(jekyll build --safe --quiet --source "$site" --destination "$site/_site" --config "$site/_config.yml,$site/_config.fixture.yml")
"${command[@]}"
{
    printf '# %s; %s (paths relative to the copy); timezone UTC; columns: relative_path, post.url, post.date, relative_url\n' \
        "$version" "jekyll build --safe --config _config.yml,_config.fixture.yml with _config.fixture.yml = {plugins: [], timezone: UTC}"
    grep -v '^[[:space:]]*$' "$site/_site/fixture-urls.txt" | LC_ALL=C sort
} >"$here/jekyll-urls.tsv"

# 2. A small site, built once per permalink setting, in America/New_York with a baseurl.
site="$work/styles"
mkdir -p "$site/_posts" "$site/es/_posts" "$site/News/Deep/_posts"
write_layouts "$site"
write_list_page "$site/fixture-urls.txt"
post() { # post <path> [front matter lines...]
    local path="$site/$1"; shift
    { printf -- '---\n'; printf '%s\n' "$@"; printf -- '---\nBody.\n'; } >"$path"
}
post '_posts/2020-03-16-Hello World.md' 'title: Hello'
post '_posts/2020-4-6-TL;DR_DistillBERT.md'
post '_posts/2020-03-09-NLP_Newsletter_#1_[FR].Md'
post '_posts/2020-03-16-NLP_Newsletter_NLP_7[ZH].md.md'
post '_posts/2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md'
post '_posts/2020-02-29-NLP简报（Issue#5）：The_Annotated_GPT-2、CodeBERT.md'
post '_posts/2020-03-26-NLP_Research_Highlights_—_Issue_#1.md'
post '_posts/2020-06-06-trailing..md'
post '_posts/2019-12-30-iso-week.md'
post '_posts/2020-12-31-leap-day-366.md'
post '_posts/2020-01-05-fm-permalink-template.md' 'permalink: /custom/:categories/:year/:i_month/:i_day/:title:output_ext'
post '_posts/2020-01-06-fm-permalink-fixed.md' 'permalink: /fixed/Path With Space/'
post '_posts/2020-01-07-fm-permalink-style-name.md' 'permalink: pretty'
post '_posts/2020-01-08-fm-slug.md' 'slug: Custom Slug! (v2)' 'title: Another Title'
post '_posts/2020-01-09-fm-categories-list.md' 'categories: [Foo, "Bar Baz", foo, C#]'
post '_posts/2020-01-10-fm-categories-string.md' 'categories: Alpha  beta,gamma Alpha'
post '_posts/2020-01-11-fm-category.md' 'category: Solo Cat' 'categories: [first]'
post '_posts/2020-01-12-fm-date-offset.md' 'date: 2020-01-12 23:30:00 -0800'
post '_posts/2020-01-13-fm-date-quoted.md' 'date: "2020-01-13 23:30"'
post '_posts/2020-01-14-fm-date-yaml-utc.md' 'date: 2020-01-14 02:30:00'
post '_posts/2020-01-15-fm-date-z.md' 'date: 2020-01-15T03:00:00Z'
post 'es/_posts/2020-02-02-hola.md' 'categories: [es, News]'
post 'News/Deep/_posts/2020-02-03-deep.md'

styles=(date pretty ordinal none weekdate '/:categories/:title/' \
    '/:year/:month/:day/:hour/:minute/:second/:i_month-:i_day-:short_year/:y_day/:slug/:name/:title:output_ext' \
    '/:collection/:path/:slugified_categories/:w_year-W:week-:w_day/:short_day/:long_day/:short_month/:long_month/:month_:day_:title.html')
{
    printf '# %s; jekyll build --safe --config _config.yml (one build per permalink below; timezone America/New_York, baseurl /blog); columns: permalink, relative_path, post.url, post.date, relative_url\n' "$version"
    for style in "${styles[@]}"; do
        printf '%s\n' 'timezone: America/New_York' 'baseurl: /blog' "permalink: '$style'" >"$site/_config.yml"
        rm -rf "$site/_site"
        jekyll build --safe --quiet --source "$site" --destination "$site/_site" --config "$site/_config.yml"
        grep -v '^[[:space:]]*$' "$site/_site/fixture-urls.txt" | LC_ALL=C sort | sed "s|^|$style	|"
    done
} >"$here/jekyll-styles.tsv"
# 3. Jekyll's functions themselves, called from Ruby with Jekyll loaded.
ruby "$here/jekyll-functions.rb" >"$here/jekyll-functions.json"

# 4. The multilingual test sites: every page a post is published as, with the language it was built for.
multilingual="$root/Tests/FeedgenCLITests/Fixtures/multilingual"
{
    printf '# %s, jekyll-polyglot %s, jekyll-multiple-languages-plugin %s; jekyll build --config _config.yml,_config.fixture.yml (a layout printing the source; parallel_localization: false); columns: site, output page, relative_path, the language built (polyglot active_lang, else the plugin'"'"'s lang), the post'"'"'s lang (else default_lang)\n' \
        "$version" "$(dpkg-query -W -f '${Version}' ruby-jekyll-polyglot)" \
        "$(dpkg-query -W -f '${Version}' ruby-jekyll-multiple-languages)"
    for name in folders polyglot multiple-languages; do
        site="$work/multilingual-$name"
        cp -R "$multilingual/$name" "$site"
        mkdir -p "$site/_layouts"
        printf 'SOURCE\t{{ page.relative_path }}\t%s\t{{ page.lang | default: site.default_lang }}\n' \
            '{% if site.active_lang %}{{ site.active_lang }}{% elsif site.languages %}{{ site.lang }}{% endif %}' \
            >"$site/_layouts/default.html"
        printf '%s\n' 'defaults: [{scope: {path: ""}, values: {layout: default}}]' 'parallel_localization: false' \
            >"$site/_config.fixture.yml"
        # jekyll-multiple-languages-plugin prints what it builds even with --quiet: not into the fixture.
        jekyll build --quiet --source "$site" --destination "$site/_site" \
            --config "$site/_config.yml,$site/_config.fixture.yml" >&2
        (cd "$site/_site" && grep -r '^SOURCE' --include=index.html . | LC_ALL=C sort |
            sed -e "s|^\./\(.*\)index\.html:SOURCE|$name\t/\1|")
    done
} >"$multilingual/jekyll-pages.tsv"
echo "wrote jekyll-urls.tsv, jekyll-styles.tsv, jekyll-functions.json in $here and jekyll-pages.tsv in $multilingual"
