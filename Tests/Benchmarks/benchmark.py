#!/usr/bin/env python3
"""The measuring half of Tests/Benchmarks/benchmark.sh (run that: it installs the tools and builds feedgen).

Every command of one size is run once per round, in turn, for --runs rounds; a command's figure is its median
wall time and its largest peak resident memory (the process and the children it waited for, from wait4).
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(command, cwd=None):
    """Wall seconds and peak resident KiB of one run of `command` (argv), output thrown away.

    The peak comes from GNU time, whose own few pages are what the command starts from: a child forked from
    Python would count Python's memory too (the kernel keeps the peak of the image it replaced at exec).
    """
    with tempfile.NamedTemporaryFile("r") as peak:
        started = time.monotonic()
        process = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak.name] + command, cwd=cwd,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.monotonic() - started
        if process.returncode != 0:
            errors = process.stderr.decode(errors="replace")
            raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{errors[-2000:]}")
        return seconds, int(peak.read().split()[-1])


def shell(script):
    return ["sh", "-c", script]


class Measure:
    """Commands of one size, run in turn; `prepare` runs before each run and is not timed."""

    def __init__(self):
        self.commands = []

    def add(self, key, command, prepare=None, cwd=None):
        self.commands.append((key, command, prepare, cwd))

    def run(self, rounds):
        times = {key: [] for key, *_ in self.commands}
        memory = {key: 0 for key, *_ in self.commands}
        for round in range(rounds):
            for key, command, prepare, cwd in self.commands:
                if prepare:
                    prepare()
                seconds, kib = run_once(command, cwd)
                times[key].append(seconds)
                memory[key] = max(memory[key], kib)
            print(f"  round {round + 1}/{rounds} done", file=sys.stderr)
        return {key: (statistics.median(values), max(values), memory[key]) for key, values in times.items()}


def front_matter_split(text):
    """(front matter, body) of a Jekyll post, the front matter without its --- lines."""
    match = re.match(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?\n?", text, re.S | re.M)
    if not match:
        return "", text
    return match.group(1), text[match.end():]


def make_hugo(site, hugo, limit):
    """A Hugo site of the same posts: date from the file name, unsafe HTML, one RSS feed of every post."""
    content = os.path.join(hugo, "content", "posts")
    os.makedirs(content, exist_ok=True)
    for index, name in enumerate(sorted(os.listdir(os.path.join(site, "_posts")))):
        with open(os.path.join(site, "_posts", name), encoding="utf-8", errors="replace") as file:
            front, body = front_matter_split(file.read())
        # Hugo takes the date and slug from a name such as 2020-01-31-slug.md (the :filename date handler).
        with open(os.path.join(content, f"{name[:10]}-post-{index}.md"), "w", encoding="utf-8") as file:
            file.write(f"---\n{front}---\n{body}")
    os.makedirs(os.path.join(hugo, "layouts"), exist_ok=True)
    with open(os.path.join(hugo, "layouts", "index.rss.xml"), "w") as file:
        file.write(
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{{ .Site.Title }}</title>'
            '<link>{{ .Permalink }}</link>{{ $pages := where .Site.RegularPages "Section" "posts" }}'
            '{{ $limit := .Site.Config.Services.RSS.Limit }}{{ if ge $limit 1 }}{{ $pages = first $limit $pages }}'
            '{{ end }}{{ range $pages }}<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link>'
            '<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate><guid>{{ .Permalink }}</guid>'
            "<description>{{ .Content | html }}</description></item>{{ end }}</channel></rss>\n")
    with open(os.path.join(hugo, "config.toml"), "w") as file:
        file.write(
            'baseURL = "https://dair.ai/"\ntitle = "DAIR.AI"\n'
            'disableKinds = ["taxonomy", "term", "section", "sitemap", "404", "robotsTXT"]\n'
            '[outputs]\nhome = ["RSS"]\n'
            f"[services.rss]\nlimit = {limit}\n"
            '[frontmatter]\ndate = [":filename", ":default"]\n'
            "[markup.goldmark.renderer]\nunsafe = true\n")


def make_bodies(site, bodies):
    """Every post's body, front matter removed, one file each, for cmark-gfm."""
    os.makedirs(bodies, exist_ok=True)
    for index, name in enumerate(sorted(os.listdir(os.path.join(site, "_posts")))):
        with open(os.path.join(site, "_posts", name), "rb") as file:
            _, body = front_matter_split(file.read().decode("utf-8", errors="replace"))
        with open(os.path.join(bodies, f"{index:06}.md"), "w", encoding="utf-8") as file:
            file.write(body)


def make_jekyll(site, jekyll):
    shutil.copytree(site, jekyll)
    with open(os.path.join(jekyll, "_bench.yml"), "w") as file:
        file.write("plugins: [jekyll-feed]\nfeed:\n  posts_limit: 20\n")


def newest_week(site):
    newest = max(name[:10] for name in os.listdir(os.path.join(site, "_posts")))
    year, week, _ = datetime.date.fromisoformat(newest).isocalendar()
    return f"{year}-W{week:02}", newest


def watcher(feedgen, site, work, posts=20):
    """Latencies (seconds) of `posts` new posts written one at a time, from close to the JSON feed listing it."""
    import json

    repo, out = os.path.join(work, "watch-site"), os.path.join(work, "watch-out")
    shutil.copytree(site, repo)
    git = ["git", "-C", repo, "-c", "user.name=Bench", "-c", "user.email=bench@example.org"]
    for command in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "-m", "content"]):
        subprocess.run(git + command, check=True)

    def first_title():
        try:
            with open(os.path.join(out, "feed.json"), encoding="utf-8") as file:
                items = json.load(file)["items"]
            return items[0]["title"] if items else None
        except (OSError, ValueError, KeyError):
            return None

    def wait_for(title, started, timeout):
        while first_title() != title:
            if time.monotonic() - started > timeout:
                raise SystemExit(f"watcher: {title!r} not published after {timeout} s")
            time.sleep(0.0005)
        return time.monotonic() - started

    log = open(os.path.join(work, "watch.log"), "w")
    daemon = subprocess.Popen([feedgen, "watch", "--site", repo, "--out", out], stdout=subprocess.DEVNULL, stderr=log)
    latencies = []
    try:
        started = time.monotonic()
        while first_title() is None:
            if time.monotonic() - started > 900 or daemon.poll() is not None:
                raise SystemExit("watcher: the first build never appeared (see its log)")
            time.sleep(0.01)
        today = datetime.date.today().isoformat()
        for index in range(posts):
            title = f"Benchmark post {index}"
            path = os.path.join(repo, "_posts", f"{today}-benchmark-post-{index:03}.md")
            with open(path, "w", encoding="utf-8") as file:
                file.write(f'---\ntitle: "{title}"\ntags: [nlp_newsletter]\n---\n{title}, with *emphasis*.\n')
            latencies.append(wait_for(title, time.monotonic(), 30))
            time.sleep(0.3)  # lone changes, not a burst
    finally:
        daemon.terminate()
        daemon.wait(timeout=60)
        log.close()
    return latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feedgen", required=True)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--results", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--generator", required=True)
    arguments = parser.parse_args()
    feedgen, work = arguments.feedgen, arguments.work

    rows = []  # (posts, what, median s, worst s, peak MiB, reference, ratio text, target text)

    def row(posts, what, result, reference=None, ratio=None, target=""):
        median, worst, kib = result
        rows.append((posts, what, median, worst, kib / 1024, reference or "", ratio or "", target))

    for posts in [int(size) for size in arguments.sizes.split(",")]:
        print(f"{posts} posts: preparing", file=sys.stderr)
        base = os.path.join(work, str(posts))
        site = os.path.join(base, "site")
        subprocess.run([sys.executable, arguments.generator, "--posts", str(posts), "--out", site], check=True,
                       stdout=subprocess.DEVNULL)
        make_bodies(site, os.path.join(base, "bodies"))
        make_hugo(site, os.path.join(base, "hugo20"), 20)
        make_hugo(site, os.path.join(base, "hugo-all"), -1)
        with_jekyll = posts <= 1000
        if with_jekyll:
            make_jekyll(site, os.path.join(base, "jekyll"))
        # Warm the page cache: every run below reads from memory.
        subprocess.run(shell(f"find '{base}' -type f -exec cat {{}} + >/dev/null"), check=True)
        out, out_all, out_same = (os.path.join(base, name) for name in ("out", "out-all", "out-same"))
        week, newest = newest_week(site)
        run_once([feedgen, "build", "--site", site, "--out", out_same])

        measure = Measure()
        measure.add("cat", shell(f"find '{site}/_posts' -type f -exec cat {{}} + >/dev/null"))
        measure.add("stat", shell(f"find '{site}/_posts' -type f -exec stat -c '%s %Y %i' {{}} + >/dev/null"))
        measure.add("cmark", shell(f"find '{base}/bodies' -type f -print0 | xargs -0 -n 100 cmark-gfm --unsafe "
                                   "-e table -e strikethrough -e autolink -e tagfilter >/dev/null"))
        measure.add("default", [feedgen, "build", "--site", site, "--out", out],
                    prepare=lambda: shutil.rmtree(out, ignore_errors=True))
        measure.add("all", [feedgen, "build", "--site", site, "--out", out_all, "--limit", "0"],
                    prepare=lambda: shutil.rmtree(out_all, ignore_errors=True))
        measure.add("same", [feedgen, "build", "--site", site, "--out", out_same])
        measure.add("digest", [feedgen, "digest", "--site", site, "--week", week, "--now", f"{newest}T23:00:00Z"])
        for name in ("hugo20", "hugo-all"):
            folder = os.path.join(base, name)
            measure.add(name, ["hugo", "--quiet", "--source", folder, "--destination", os.path.join(folder, "public")],
                        prepare=lambda folder=folder: shutil.rmtree(os.path.join(folder, "public"), ignore_errors=True))
        if with_jekyll:
            folder = os.path.join(base, "jekyll")
            measure.add("jekyll", ["jekyll", "build", "--quiet", "--source", folder, "--destination",
                                   os.path.join(folder, "_site"), "--config",
                                   f"{folder}/_config.yml,{folder}/_bench.yml"],
                        prepare=lambda folder=folder: shutil.rmtree(os.path.join(folder, "_site"), ignore_errors=True))
        print(f"{posts} posts: measuring, {arguments.runs} rounds", file=sys.stderr)
        result = measure.run(arguments.runs)

        def times(key, reference):
            return f"{result[key][0] / result[reference][0]:.2f}x"

        def faster(key, reference):
            ratio = result[reference][0] / result[key][0]
            return f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"

        row(posts, "cat every post", result["cat"])
        row(posts, "stat every post", result["stat"])
        row(posts, "cmark-gfm, 100 bodies/process", result["cmark"])
        row(posts, "hugo, rss limit 20", result["hugo20"])
        row(posts, "hugo, rss limit -1", result["hugo-all"])
        if with_jekyll:
            row(posts, "jekyll + jekyll-feed", result["jekyll"])
        row(posts, "feedgen build", result["default"], "hugo, limit 20", faster("default", "hugo20"),
            ">= 100x faster")
        row(posts, "feedgen build (vs cat)", result["default"], "cat", times("default", "cat"))
        if with_jekyll:
            row(posts, "feedgen build (vs jekyll)", result["default"], "jekyll", faster("default", "jekyll"))
        row(posts, "feedgen build, unchanged", result["same"], "stat", times("same", "stat"), "<= 2x")
        row(posts, "feedgen build --limit 0", result["all"], "cmark-gfm", times("all", "cmark"),
            "<= 1.5x, <= 400 MiB")
        row(posts, "feedgen --limit 0 (vs hugo)", result["all"], "hugo, limit -1", times("all", "hugo-all"))
        row(posts, f"feedgen digest {week}", result["digest"], "", "", "<= 200 ms")

        print(f"{posts} posts: watcher, 20 new posts", file=sys.stderr)
        latencies = watcher(feedgen, site, base)
        rows.append((posts, "feedgen watch, new post", statistics.median(latencies), max(latencies), 0.0, "", "",
                     "median <= 50 ms, worst <= 200 ms"))

    header = f"{'posts':>6}  {'what':<30} {'median s':>9} {'worst s':>8} {'peak MiB':>9}  {'reference':<15} " \
             f"{'ratio':<13} target"
    lines = [header]
    for posts, what, median, worst, mib, reference, ratio, target in rows:
        memory = f"{mib:9.1f}" if mib else f"{'':9}"
        lines.append(f"{posts:>6}  {what:<30} {median:9.3f} {worst:8.3f} {memory}  {reference:<15} {ratio:<13} "
                     f"{target}".rstrip())
    table = "\n".join(lines)
    print(table)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    with open(arguments.results, "w") as file:
        file.write(
            f"# feedgen speed, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC\n\n"
            f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
            f"commit {commit}; `Tests/Benchmarks/benchmark.sh --sizes {arguments.sizes} --runs {arguments.runs}` "
            f"(load average {os.getloadavg()[0]:.1f} at the end).\n\n```\n{table}\n```\n")
    print(f"written to {arguments.results}", file=sys.stderr)


if __name__ == "__main__":
    main()
