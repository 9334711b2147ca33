#!/usr/bin/env python3
"""Compares, post by post, what real Jekyll (kramdown) and feedgen render for ../shared/corpus/dair-ai.

Jekyll (Debian's jekyll 4.3.1) builds a copy of the corpus with stub layouts holding only
`{{ content }}`, `plugins: []` (jekyll-sitemap and jemoji are not installed) and `--safe`; feedgen builds
the same corpus with `--limit 0`, and each post's `content_html` is read from the JSON Feed of all
languages, matched by URL. Both HTML fragments are parsed with lxml.html and compared on what a reader
gets: the visible text (whitespace collapsed, curly quotes made straight), the link targets (`a href`,
Jekyll's resolved against the post URL) and the image sources (`img src`, resolved the same way).

Prints a per-post report and writes, next to this script:
  jekyll-comparison.tsv  path, text similarity (difflib ratio), links and images missing from feedgen
                         and extra in feedgen (counts)
  jekyll-links.tsv       path, post URL, kind (link or image), target: every absolute link target and
                         image source of Jekyll's output, which CorpusTests checks feedgen keeps

Usage: Tests/FeedgenRenderTests/Fixtures/compare-with-jekyll.py [--feedgen PATH] [--verbose]
(PATH defaults to .build/debug/feedgen; build it first with `swift build`.)
"""

import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import lxml.html

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
CORPUS = os.path.abspath(os.path.join(ROOT, "..", "shared", "corpus", "dair-ai"))
SITE_URL = "https://dair.ai"
LAYOUTS = ["default", "post", "ar_post", "project"]
LIST_PAGE = (
    "---\nlayout: null\n---\n"
    "{% for post in site.posts %}{{ post.relative_path }}\t{{ post.url }}\n{% endfor %}\n"
)
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def run_jekyll(work):
    """Builds a copy of the corpus with Jekyll; returns {relative_path: (url, content_html)}."""
    site = os.path.join(work, "site")
    shutil.copytree(CORPUS, site)
    os.makedirs(os.path.join(site, "_layouts"), exist_ok=True)
    for name in LAYOUTS:
        with open(os.path.join(site, "_layouts", name + ".html"), "w") as f:
            f.write("{{ content }}\n")
    with open(os.path.join(site, "fixture-urls.txt"), "w") as f:
        f.write(LIST_PAGE)
    with open(os.path.join(site, "_config.fixture.yml"), "w") as f:
        f.write("plugins: []\ntimezone: UTC\n")
    out = os.path.join(site, "_site")
    subprocess.run(
        ["jekyll", "build", "--safe", "--quiet", "--source", site, "--destination", out,
         "--config", f"{site}/_config.yml,{site}/_config.fixture.yml"],
        check=True)
    posts = {}
    with open(os.path.join(out, "fixture-urls.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            path, url = line.rstrip("\n").split("\t")
            file = os.path.join(out, urllib.parse.unquote(url).lstrip("/"))
            if url.endswith("/"):
                file = os.path.join(file, "index.html")
            with open(file, encoding="utf-8") as page:
                posts[path] = (url, page.read())
    return posts


def run_feedgen(work, feedgen):
    """Builds the corpus with feedgen; returns {absolute item URL: content_html}."""
    out = os.path.join(work, "feeds")
    subprocess.run([feedgen, "build", "--site", CORPUS, "--out", out, "--limit", "0"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "feed.json"), encoding="utf-8") as f:
        feed = json.load(f)
    return {item["url"]: item.get("content_html", "") for item in feed["items"]}


def same_url(url):
    """The form two URLs are compared in: percent-decoded, so `%20` and a space agree."""
    return urllib.parse.unquote(url)


def resolve(base, url):
    """url made absolute against base; an absolute URL is kept as written (urljoin drops an empty `?`)."""
    url = url.strip()
    return same_url(url if urllib.parse.urlsplit(url).scheme else urllib.parse.urljoin(base, url))


def reader_view(html, base):
    """Visible text, link targets and image sources of an HTML fragment, URLs resolved against base."""
    if not html.strip():
        return "", [], []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    text = " ".join(root.text_content().split()).translate(QUOTES)
    links = [resolve(base, a.get("href"))
             for a in root.xpath("//a[@href]")]
    images = [resolve(base, i.get("src"))
              for i in root.xpath("//img[@src]")]
    return text, links, images


def difference(expected, actual):
    """Items of `expected` missing from `actual` and items of `actual` not in `expected` (as sets)."""
    return sorted(set(expected) - set(actual)), sorted(set(actual) - set(expected))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feedgen", default=os.path.join(ROOT, ".build", "debug", "feedgen"))
    parser.add_argument("--verbose", action="store_true", help="print text differences too")
    parser.add_argument("--dump", help="a folder to write both HTML files of every post into")
    args = parser.parse_args()
    work = tempfile.mkdtemp()
    try:
        jekyll = run_jekyll(work)
        feedgen = {same_url(url): html for url, html in run_feedgen(work, args.feedgen).items()}
    finally:
        shutil.rmtree(work)
    rows, fixture = [], []
    for path in sorted(jekyll):
        url, jekyll_html = jekyll[path]
        base = SITE_URL + url
        if same_url(base) not in feedgen:
            print(f"{path}: not in feedgen's feed ({base})")
            continue
        if args.dump:
            os.makedirs(args.dump, exist_ok=True)
            name = os.path.join(args.dump, os.path.basename(path))
            for suffix, html in ((".jekyll.html", jekyll_html), (".feedgen.html", feedgen[same_url(base)])):
                with open(name + suffix, "w", encoding="utf-8") as f:
                    f.write(html)
        j_text, j_links, j_images = reader_view(jekyll_html, base)
        f_text, f_links, f_images = reader_view(feedgen[same_url(base)], base)
        ratio = difflib.SequenceMatcher(None, j_text, f_text, autojunk=False).ratio()
        missing_links, extra_links = difference(j_links, f_links)
        missing_images, extra_images = difference(j_images, f_images)
        rows.append((path, ratio, missing_links, extra_links, missing_images, extra_images))
        for kind, targets in (("link", j_links), ("image", j_images)):
            for target in sorted(set(targets)):
                fixture.append(f"{path}\t{url}\t{kind}\t{target}")
        print(f"{ratio:.3f} {path}  links -{len(missing_links)} +{len(extra_links)}"
              f"  images -{len(missing_images)} +{len(extra_images)}")
        for sign, items in (("- link", missing_links), ("+ link", extra_links),
                            ("- image", missing_images), ("+ image", extra_images)):
            for item in items:
                print(f"      {sign} {item}")
        if args.verbose and ratio < 1:
            words = difflib.ndiff(j_text.split(" "), f_text.split(" "))
            changed = [w for w in words if w[:1] in "-+"]
            print("      text: " + " ".join(changed)[:2000])
    version = subprocess.run(["jekyll", "--version"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(HERE, "jekyll-comparison.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# {version} (stub layouts, plugins: [], --safe) vs feedgen; written by compare-with-jekyll.py;"
                " columns: path, text similarity, links missing, links extra, images missing, images extra\n")
        for path, ratio, ml, el, mi, ei in rows:
            f.write(f"{path}\t{ratio:.3f}\t{len(ml)}\t{len(el)}\t{len(mi)}\t{len(ei)}\n")
    with open(os.path.join(HERE, "jekyll-links.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# {version}: link targets and image sources of each post, resolved against {SITE_URL} + post.url,"
                " percent-decoded; written by compare-with-jekyll.py; columns: path, post.url, kind, target\n")
        f.write("".join(line + "\n" for line in fixture))
    print(f"{len(rows)} posts compared; mean text similarity "
          f"{sum(r[1] for r in rows) / max(len(rows), 1):.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
