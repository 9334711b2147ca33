#!/usr/bin/env python3
"""Mutation fuzzer for feedgen: hostile posts through `build`, `check` and `digest`.

Each round makes a small Jekyll site from real posts (the shared corpus by default), mutates some of
them (bytes and structure: front matter, Markdown, HTML, Liquid, file names), runs the real binary on it
and checks every run:

- it ends by itself within --run-seconds, is not killed by a signal, and exits 0 or 1;
- its peak resident memory stays under --max-rss-mb;
- what it publishes is bounded by the input (--max-amplification bytes out per byte in);
- every XML document it writes parses with libxml2 without recovery and with its default size limits
  (what feed readers do), every JSON document parses, and the digest is valid UTF-8;
- no URL it publishes (feed fields and item HTML) has a scheme that runs code (`javascript:`, `data:`
  other than an `<img src>` image, ...), and item HTML holds no element or attribute that runs, loads or
  swallows content (`<script>`, `<plaintext>`, `on*=`, `ping=`, `lowsrc=`, ...);
- the digest, written as a mail with hostile or ordinary `--from`, `--to`, `--list-unsubscribe` and
  `--lang` values, is refused with exit 64 or has no header those values smuggled in.

A round that breaks a rule is saved under --found (one JSON file per case, holding every file of the
site) and counted as failed. `--replay DIR` runs saved cases again: the regression cases under
Tests/Fuzz/cases must all pass. The last line is `N passed, N failed` (runs).

    python3 Tests/Fuzz/fuzz.py --binary .build/debug/feedgen --seconds 60 --seed 1
    python3 Tests/Fuzz/fuzz.py --binary .build/debug/feedgen --replay Tests/Fuzz/cases
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    from lxml import etree
except ImportError:  # pragma: no cover - the feed checker's requirements install lxml
    sys.exit("fuzz.py: missing Python package lxml: python3 -m pip install -r ../shared/feedcheck/requirements.txt")

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent.parent
DEFAULT_CORPUS = PACKAGE.parent / "shared" / "corpus" / "dair-ai"

# The site's own files copied into every round, when the corpus has them.
SITE_FILES = ["_config.yml", "_data/authors.yml", "_includes/video", "_includes/_image-with-caption.html"]


# --------------------------------------------------------------------------------------------------
# A site: relative path (bytes, so names need not be UTF-8) -> content (bytes).

Site = dict[bytes, bytes]


def load_seeds(corpus: Path) -> tuple[Site, list[tuple[bytes, bytes]]]:
    """The corpus's site files and its posts as (file name, bytes)."""
    base: Site = {}
    for name in SITE_FILES:
        path = corpus / name
        if path.is_file():
            base[name.encode()] = path.read_bytes()
    if b"_config.yml" not in base:
        base[b"_config.yml"] = b"title: Fuzz\nurl: https://fuzz.example.org\ntimezone: UTC\n"
    posts = []
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and "_posts" in path.parts:
            posts.append((os.fsencode(path.name), path.read_bytes()))
    if not posts:
        sys.exit(f"fuzz.py: no posts under {corpus}")
    return base, posts


# --------------------------------------------------------------------------------------------------
# Mutators. Each takes (rng, name, text) and returns (name, text); sizes stay under a few MB.


def split_front_matter(text: bytes) -> tuple[bytes, bytes]:
    """(front matter with its fences, body); ("", text) when there is none."""
    if text.startswith(b"---"):
        end = text.find(b"\n---", 3)
        if end >= 0:
            close = text.find(b"\n", end + 4)
            close = len(text) if close < 0 else close + 1
            return text[:close], text[close:]
    return b"", text


def insert_at_line(rng: random.Random, text: bytes, snippet: bytes) -> bytes:
    lines = text.split(b"\n")
    at = rng.randrange(len(lines) + 1)
    return b"\n".join(lines[:at] + [snippet] + lines[at:])


def m_flip_bytes(rng, name, text):
    data = bytearray(text)
    for _ in range(rng.randint(1, 20)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return name, bytes(data)


def m_insert_bytes(rng, name, text):
    junk = rng.choice([
        b"\x00", b"\xff\xfe", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xef\xbf\xbe", b"\xef\xbf\xbf",
        b"\x0b", b"\x01", b"\x1b[31m", b"\r", b"\xef\xbb\xbf", b"\xc2\x85", b"\xe2\x80\xae", b"\xf4\x90\x80\x80",
        bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))),
    ])
    at = rng.randrange(len(text) + 1)
    return name, text[:at] + junk * rng.randint(1, 8) + text[at:]


def m_delete_span(rng, name, text):
    if len(text) < 2:
        return name, text
    a = rng.randrange(len(text))
    b = min(len(text), a + rng.randint(1, 2000))
    return name, text[:a] + text[b:]


def m_duplicate_span(rng, name, text):
    if not text:
        return name, text
    a = rng.randrange(len(text))
    b = min(len(text), a + rng.randint(1, 4000))
    return name, text[:b] + text[a:b] * rng.randint(1, 50) + text[b:]


def m_truncate(rng, name, text):
    return name, text[: rng.randrange(len(text) + 1)]


def m_line_endings(rng, name, text):
    return name, rng.choice([text.replace(b"\n", b"\r\n"), text.replace(b"\n", b"\r"), text.replace(b"\n", b"\n\r")])


def m_front_matter(rng, name, text):
    fm, body = split_front_matter(text)
    choice = rng.randrange(11)
    if choice == 0:  # never closed
        return name, fm.rstrip(b"\n").rsplit(b"\n---", 1)[0] + b"\n" + body
    if choice == 1:  # a long front matter that never closes
        return name, b"---\ntitle: u\n" + b"x" * rng.randint(1000, 2_000_000)
    if choice == 2:  # duplicate and odd keys
        return name, insert_at_line(rng, text, rng.choice([b"title: again", b"date: again", b"lang: xx", b"? [a, b]\n: c"]))
    snippets = [
        b"title: [1, 2, {a: b}]", b"title: !!binary aGVsbG8=", b"date: 2020-13-45", b"date: 99999-01-01",
        b"date: 1900-01-01 25:61:61 +9999", b"author: {name: x, web: 'javascript:alert(1)'}",
        b"author: [a, b, [c]]", b"tags: 123", b"tags: [[[[]]]]", b"excerpt: \"\x0bReview\x01\"",
        b"permalink: /../../../etc/passwd", b"permalink: \"/:title/:nonsense/\"", b"lang: ../../x",
        b"image: javascript:alert(1)", b"image: {path: 'data:text/html,<script>x</script>', thumb: 1}",
        b"title: \"Review\x0b of \x01 papers\"", b"title: &a [*a]",
        b"a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\n"
        b"d: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d]",
        b"published: maybe", b"categories: \"a b c\"", b"title: '" + b"\\" * 1000 + b"'",
        b"title: " + b"[" * rng.randint(10, 5000), b"title: " + b"{a: " * rng.randint(10, 3000),
    ]
    if not fm:
        return name, b"---\n" + rng.choice(snippets) + b"\n---\n" + body
    lines = fm.split(b"\n")
    at = rng.randint(1, max(1, len(lines) - 2))
    return name, b"\n".join(lines[:at] + [rng.choice(snippets)] + lines[at:]) + body


def m_markdown(rng, name, text):
    n = rng.randint(1, 1200)
    snippets = [
        b">" * n + b" deep",
        b"".join(b"  " * i + b"- item\n" for i in range(min(n, 400))),
        b"*" * n + b"x" + b"*" * n,
        b"[" * n + b"x" + b"](" * n,
        b"~~old~~ https://example.org/a ~~" * min(n, 200),
        b"| a | b |\n|---|---|\n" + b"| x | ~~y~~ https://example.org |\n" * min(n, 500),
        b"[a][r] " * rng.randint(100, 20000) + b"\n\n[r]: https://example.org/" + b"a" * rng.randint(10, 5000),
        b"```\n" + b"# not a heading\n" * min(n, 200),
        b"    code\n" * min(n, 300),
        b"$$" + b"x" * n + b"$$",
        b"{: .class #id}\n{::nomarkdown}<b>x</b>{:/}\n{:toc}",
        b"\\\\\n" * min(n, 500),
        b"#" * rng.randint(1, 10) + b" heading " + b"\xf0\x9f\x91\x8b_x_" * 10,
        b"![](javascript:alert(1)) [x](vbscript:msgbox) <https://example.org/\x00> [y](data:text/html;base64,AAAA)",
        b"**\xe6\xa0\x8f**\xe3\x80\x8cNLP\xe3\x80\x8d**" * min(n, 100),
    ]
    return name, insert_at_line(rng, text, rng.choice(snippets))


def m_html(rng, name, text):
    n = rng.randint(1, 1500)
    snippets = [
        b"<div>" * n + b"deep" + b"</div>" * n,
        b"<div>" * n + b"\n\nafter\n",
        b"<script>alert(1)</script><style>x{}</style><iframe src=x></iframe>",
        b"<plaintext>rest of the page", b"<isindex prompt=x action=javascript:alert(1)>",
        b"<img src=x lowsrc=javascript:alert(1) dynsrc=javascript:alert(1) onerror=alert(1)>",
        b"<a href=\"java&#x09;script:alert(1)\" ping=\"https://evil.example\">x</a>",
        b"<svg><script>alert(1)</script><a xlink:href=javascript:alert(1)>x</a></svg>",
        b"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        b"&#0; &#xD800; &#x110000; &#65534; &bogus; &amp",
        b"<![CDATA[ ]]> <!-- --!> <? pi ?> <!DOCTYPE html>",
        b"<table><tr><td>" * min(n, 300),
        b"<img srcset=\"data:image/png;base64,AAAA, x.png 2x\" src=\"../../images/a.png\">",
        b"<form action=x><input formaction=javascript:alert(1)><button>x</button></form>",
        b"<base href=javascript:/><meta http-equiv=refresh content=0;url=javascript:alert(1)>",
        b"<p style=\"background:url(javascript:alert(1))\">x</p>",
    ]
    return name, insert_at_line(rng, text, rng.choice(snippets))


def m_liquid(rng, name, text):
    n = rng.randint(1, 500)
    snippets = [
        b"{% raw %} never closed {{ x }}", b"{{ site.", b"{{ site.url }}{{ site.baseurl }}" * n, b"{% endraw %}",
        b"{% include video id=\"x\" provider=\"youtube\" %}", b"{% include ../../../etc/passwd %}",
        b"{% include _image-with-caption.html url=\"javascript:alert(1)\" description=\"x\" %}",
        b"{% for i in (1..100000000) %}x{% endfor %}", b"{% if %}{% endif %}" * n, b"{% comment %}" * n,
        b"{{ " * n + b"}}" * n, b"{% highlight ruby %}\n# c\n{% endhighlight %}", b"{% assign x = 1 %}{{ x }}",
        b"{% capture c %}" * min(n, 100), b"{% post_url 2020-01-01-nope %}", b"{%- -%}{{- -}}",
    ]
    return name, insert_at_line(rng, text, rng.choice(snippets))


def m_file_name(rng, name, text):
    stem = name
    choices = [
        lambda: b"2020-02-01-.md", lambda: b"2020-02-01-x\n2020-02-02 error: forged.md",
        lambda: b"2020-02-01-\xff\xfe-invalid.md", lambda: b"2020-02-30-impossible.md",
        lambda: b"9999-01-01-far.md", lambda: b"0001-01-01-old.md", lambda: b"2020-02-01-" + b"a" * 240 + b".md",
        lambda: b"2020-02-01-\xe2\x80\xae\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a.md", lambda: b"2020-02-01-x.markdown",
        lambda: b"2020-02-01-x.MD", lambda: b"2020-02-01-x.md.md", lambda: b".2020-02-01-hidden.md",
        lambda: b"2020-02-01-a b#c[d]%e?f.md", lambda: b"not-a-post.md", lambda: stem + b"~",
    ]
    return rng.choice(choices)(), text


MUTATORS = [
    (m_flip_bytes, 2), (m_insert_bytes, 3), (m_delete_span, 1), (m_duplicate_span, 1), (m_truncate, 1),
    (m_line_endings, 1), (m_front_matter, 4), (m_markdown, 4), (m_html, 4), (m_liquid, 3), (m_file_name, 2),
]


def mutate(rng: random.Random, name: bytes, text: bytes) -> tuple[bytes, bytes, list[str]]:
    applied = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        mutator = rng.choices([m for m, _ in MUTATORS], weights=[w for _, w in MUTATORS])[0]
        name, text = mutator(rng, name, text)
        applied.append(mutator.__name__[2:])
    return name, text, applied


def make_site(rng: random.Random, base: Site, posts: list[tuple[bytes, bytes]]) -> tuple[Site, list[str]]:
    site = dict(base)
    chosen = rng.sample(posts, k=min(len(posts), rng.randint(1, 4)))
    applied: list[str] = []
    for index, (name, text) in enumerate(chosen):
        if index == 0 or rng.random() < 0.3:
            name, text, how = mutate(rng, name, text)
            applied += how
        folder = rng.choice([b"_posts/", b"posts/_posts/", b"fr/_posts/"])
        site[folder + name] = text
    if rng.random() < 0.05:
        config = site[b"_config.yml"]
        site[b"_config.yml"] = insert_at_line(rng, config, rng.choice([
            b"timezone: Mars/Olympus", b"url: javascript:alert(1)", b"baseurl: \"/../\"",
            b"permalink: /:nonsense/:title", b"exclude: [_posts]", b"title: [",
        ]))
        applied.append("config")
    return site, applied


# Digest mail options: (arguments, whether feedgen must refuse them with exit 64).
GOOD_FROM = ["news@fuzz.example.org", "Fuzz Letter <news@fuzz.example.org>", "\u00c9quipe \u00d1 <n@fuzz.example.org>",
             "\"Doe, Jane\" <jane.doe+x@fuzz.example.org>"]
BAD_FROM = ["news@fuzz.example.org\nBcc: victim@evil.example", "news@fuzz.example.org\r\nX-Evil: 1",
            "Name <a@b.example>\nBcc: v@evil.example", "news@fuzz.example.org>, <victim@evil.example",
            "a@b.example\u0085Bcc: v@evil.example", "no-at-sign", "a@b..example", ""]
GOOD_UNSUBSCRIBE = ["mailto:leave@fuzz.example.org", "https://fuzz.example.org/leave?x=1"]
BAD_UNSUBSCRIBE = ["https://x.example/>\nBcc: v@evil.example", "javascript:alert(1)", "mailto:a@b> , <https://evil"]
GOOD_LANG = ["en", "fr", "pt-BR", "zh-Hant"]
BAD_LANG = ["../../x", "en\nBcc: v@evil.example", "en/../../../tmp", "e n"]
INJECTED_HEADERS = ("bcc:", "x-evil:")


def digest_mail_options(rng: random.Random) -> tuple[list[str], bool]:
    """Mail options for the digest run, and whether at least one of them must be refused."""
    bad = False

    def pick(good: list[str], hostile: list[str]) -> str:
        nonlocal bad
        if rng.random() < 0.3:
            bad = True
            return rng.choice(hostile)
        return rng.choice(good)

    arguments = ["--send-empty", "--format", "email", "--from", pick(GOOD_FROM, BAD_FROM), "--to", pick(GOOD_FROM, BAD_FROM)]
    if rng.random() < 0.5:
        arguments += ["--list-unsubscribe", pick(GOOD_UNSUBSCRIBE, BAD_UNSUBSCRIBE)]
    if rng.random() < 0.5:
        arguments += ["--lang", pick(GOOD_LANG, BAD_LANG)]
    return arguments, bad


def mail_problems(message: bytes) -> list[str]:
    header = message.split(b"\n\n", 1)[0].decode("utf-8", "replace")
    return [f"the digest mail has a smuggled header: {line[:60]!r}" for line in header.split("\n")
            if line.lower().startswith(INJECTED_HEADERS)]


# --------------------------------------------------------------------------------------------------
# Running the binary and judging a run.


@dataclass
class Limits:
    seconds: float
    rss_mb: int
    amplification: int


@dataclass
class Run:
    command: str
    status: int | None = None
    signal: int | None = None
    seconds: float = 0.0
    rss_mb: float = 0.0
    timed_out: bool = False
    problems: list[str] = field(default_factory=list)


def write_site(root: Path, site: Site) -> int:
    """Writes the site under root; returns the bytes of input."""
    total = 0
    for relative, content in site.items():
        path = Path(os.fsdecode(os.path.join(os.fsencode(root), relative)))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        total += len(content)
    return total


def run_binary(binary: str, arguments: list[str], limits: Limits, stdout_path: Path,
               allowed: tuple[int, ...] = (0, 1)) -> Run:
    run = Run(command=arguments[0])
    started = time.monotonic()
    stderr_path = stdout_path.with_suffix(".err")
    with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr_file:
        process = subprocess.Popen(
            [binary, *arguments], stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr_file,
            start_new_session=True, env={**os.environ, "LANG": "C.UTF-8"})
        deadline = started + limits.seconds
        while True:
            pid, wait_status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                run.timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                pid, wait_status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.005)
        process.returncode = 0  # reaped by wait4 above, so Popen must not wait for it again
    run.seconds = time.monotonic() - started
    run.rss_mb = usage.ru_maxrss / 1024
    if os.WIFSIGNALED(wait_status):
        run.signal = os.WTERMSIG(wait_status)
    else:
        run.status = os.WEXITSTATUS(wait_status)
    stderr = stderr_path.read_bytes()
    if run.timed_out:
        run.problems.append(f"did not finish within {limits.seconds:g} s")
    elif run.signal is not None:
        run.problems.append(f"killed by signal {run.signal}: {stderr[-300:]!r}")
    elif run.status not in allowed:
        run.problems.append(f"exit status {run.status}: {stderr[-300:]!r}")
    if b"Fatal error" in stderr:
        run.problems.append(f"Swift runtime error: {stderr[-300:]!r}")
    if run.rss_mb > limits.rss_mb:
        run.problems.append(f"peak memory {run.rss_mb:.0f} MB over {limits.rss_mb} MB")
    return run


XML_PARSER_OPTIONS = dict(recover=False, huge_tree=False, resolve_entities=False, no_network=True, load_dtd=False)

UNSAFE_SCHEMES = {"javascript", "vbscript", "livescript", "mocha", "data"}
URL_ATTRIBUTES = {"href", "src", "poster", "cite", "action", "background", "longdesc", "data", "usemap",
                  "{http://www.w3.org/1999/xlink}href", "xlink:href", "formaction", "lowsrc", "dynsrc", "ping"}
FORBIDDEN_ELEMENTS = {"script", "style", "iframe", "object", "embed", "applet", "param", "form", "input", "button",
                      "select", "textarea", "meta", "link", "base", "frame", "frameset", "noscript", "template",
                      "svg", "math", "plaintext", "isindex", "xmp"}
FORBIDDEN_ATTRIBUTES = {"formaction", "srcdoc", "ping", "lowsrc", "dynsrc"}


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads: tab and newlines removed, leading controls and spaces skipped."""
    text = "".join(c for c in value if c not in "\t\n\r").lstrip("".join(chr(i) for i in range(0x21)))
    head = text.split(":", 1)
    if len(head) < 2 or not head[0] or not head[0][0].isascii() or not head[0][0].isalpha():
        return None
    if not all(c.isascii() and (c.isalnum() or c in "+-.") for c in head[0]):
        return None
    return head[0].lower()


def unsafe_url(value: str, data_image_ok: bool = False) -> bool:
    scheme = url_scheme(value)
    if scheme not in UNSAFE_SCHEMES:
        return False
    if scheme == "data" and data_image_ok:
        return not value.split(":", 1)[1].lower().lstrip().startswith("image/")
    return True


def srcset_urls(value: str) -> list[str]:
    """The candidate URLs of a srcset as HTML's "parse a srcset attribute" reads them: a URL is a run of
    non-space characters (commas inside it included, trailing ones dropped), its descriptors run to the next
    comma outside parentheses."""
    urls, i, n = [], 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while i < n:
                if value[i] == "(":
                    depth += 1
                elif value[i] == ")":
                    depth = max(0, depth - 1)
                elif value[i] == "," and depth == 0:
                    i += 1
                    break
                i += 1
        if url:
            urls.append(url)
    return urls


def html_problems(html: str) -> list[str]:
    """What item HTML must not hold: active or content-swallowing markup, unsafe URLs."""
    from lxml import html as lxml_html
    problems = []
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - an unparsable fragment is not a safety finding
        return problems
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in FORBIDDEN_ELEMENTS:
            problems.append(f"item HTML holds <{tag}>")
        for name, value in element.attrib.items():
            lower = name.lower()
            if lower.startswith("on") or lower in FORBIDDEN_ATTRIBUTES:
                problems.append(f"item HTML holds <{tag} {lower}=>")
            elif lower in URL_ATTRIBUTES and unsafe_url(value, data_image_ok=(tag == "img" and lower == "src")):
                problems.append(f"item HTML holds <{tag} {lower}={value[:40]!r}>")
            elif lower == "srcset" and any(unsafe_url(url, True) for url in srcset_urls(value)):
                problems.append(f"item HTML holds <{tag} srcset={value[:40]!r}>")
    return problems


def json_feed_problems(feed: dict) -> list[str]:
    problems = []

    def check_url(where: str, value) -> None:
        if isinstance(value, str) and unsafe_url(value):
            problems.append(f"{where} is {value[:40]!r}")

    for key in ("home_page_url", "feed_url", "icon", "favicon"):
        check_url(key, feed.get(key))
    for author in feed.get("authors", []) or []:
        check_url("authors[].url", author.get("url"))
        check_url("authors[].avatar", author.get("avatar"))
    for item in feed.get("items", []) or []:
        for key in ("url", "external_url", "image", "banner_image"):
            check_url(f"items[].{key}", item.get(key))
        for author in item.get("authors", []) or []:
            check_url("items[].authors[].url", author.get("url"))
            check_url("items[].authors[].avatar", author.get("avatar"))
        for attachment in item.get("attachments", []) or []:
            check_url("items[].attachments[].url", attachment.get("url"))
        if isinstance(item.get("content_html"), str):
            problems += html_problems(item["content_html"])
    return sorted(set(problems))


def xml_url_problems(tree) -> list[str]:
    problems = set()
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        local = element.tag.rsplit("}", 1)[-1]
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] in ("href", "url", "src") and unsafe_url(value):
                problems.add(f"<{local} {name}> is {value[:40]!r}")
        if local in ("uri", "link", "url", "icon", "logo", "comments") and element.text and unsafe_url(element.text):
            problems.add(f"<{local}> is {element.text[:40]!r}")
    return sorted(problems)


def check_outputs(out: Path, input_bytes: int, limits: Limits) -> list[str]:
    problems = []
    total = 0
    if not out.exists():
        return problems
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        name = path.name
        try:
            if name.endswith((".xml", ".opml", ".xsl")):
                tree = etree.parse(str(path), etree.XMLParser(**XML_PARSER_OPTIONS))
                problems += [f"{path.relative_to(out)}: {p}" for p in xml_url_problems(tree)]
            elif name.endswith(".json"):
                document = json.loads(path.read_bytes())
                if isinstance(document, dict):
                    problems += [f"{path.relative_to(out)}: {p}" for p in json_feed_problems(document)]
        except Exception as error:  # noqa: BLE001 - any parse failure is the finding
            problems.append(f"{path.relative_to(out)} does not parse: {str(error)[:200]}")
    if total > limits.amplification * max(input_bytes, 1) + 1_000_000:
        problems.append(f"published {total} bytes for {input_bytes} bytes of input")
    return problems


def judge(binary: str, site: Site, limits: Limits, work: Path, mail: tuple[list[str], bool]) -> list[Run]:
    """Runs build, check and digest on the site; returns every run with its problems."""
    if work.exists():
        shutil.rmtree(work)
    root = work / "site"
    root.mkdir(parents=True)
    input_bytes = write_site(root, site)
    out = work / "out"
    runs = []
    build = run_binary(binary, ["build", "--site", str(root), "--out", str(out), "--limit", "0"], limits,
                       work / "build.out")
    build.problems += check_outputs(out, input_bytes, limits)
    runs.append(build)
    runs.append(run_binary(binary, ["check", "--site", str(root)], limits, work / "check.out"))
    mail_arguments, refused = mail
    digest = run_binary(binary, ["digest", "--site", str(root), "--since", "1990-01-01", "--until", "2100-01-01",
                                 "--width", "60", "--now", "2026-12-01T00:00:00Z", *mail_arguments], limits,
                        work / "digest.out", allowed=(64,) if refused else (0, 1))
    message = (work / "digest.out").read_bytes()
    try:
        message.decode("utf-8")
    except UnicodeDecodeError as error:
        digest.problems.append(f"digest is not UTF-8: {error}")
    digest.problems += mail_problems(message)
    runs.append(digest)
    return runs


# --------------------------------------------------------------------------------------------------
# Saved cases.


def save_case(found: Path, site: Site, base: Site, runs: list[Run], applied: list[str], seed: int,
              mail: tuple[list[str], bool]) -> Path:
    files = {}
    for relative, content in sorted(site.items()):
        if base.get(relative) == content:
            continue  # the corpus's own site files are added back on replay
        entry = {"path_b64": base64.b64encode(relative).decode()}
        try:
            entry["path"] = relative.decode("utf-8")
        except UnicodeDecodeError:
            pass
        try:
            entry["text"] = content.decode("utf-8")
        except UnicodeDecodeError:
            entry["bytes_b64"] = base64.b64encode(content).decode()
        files[entry["path_b64"]] = entry
    problems = [f"{run.command}: {problem}" for run in runs for problem in run.problems]
    case = {"seed": seed, "mutations": applied, "problems": problems, "files": list(files.values()),
            "digest_mail": {"arguments": mail[0], "refused": mail[1]}}
    digest = hashlib.sha256(json.dumps(case["files"], sort_keys=True).encode()).hexdigest()[:12]
    found.mkdir(parents=True, exist_ok=True)
    path = found / f"{digest}.json"
    path.write_text(json.dumps(case, indent=1, ensure_ascii=False) + "\n")
    return path


def load_case(path: Path, base: Site) -> tuple[Site, tuple[list[str], bool]]:
    """The site of a saved case, and its digest mail options (none in cases saved before they existed)."""
    case = json.loads(path.read_text())
    site = dict(base)
    for entry in case["files"]:
        relative = (base64.b64decode(entry["path_b64"]) if "path_b64" in entry else entry["path"].encode())
        site[relative] = entry["text"].encode() if "text" in entry else base64.b64decode(entry["bytes_b64"])
    mail = case.get("digest_mail", {"arguments": [], "refused": False})
    return site, (mail["arguments"], mail["refused"])


# --------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=str(PACKAGE / ".build" / "debug" / "feedgen"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seconds", type=float, default=60, help="how long to fuzz (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--found", type=Path, default=None, help="where failing cases are saved (default: a temp dir)")
    parser.add_argument("--replay", type=Path, default=None, help="run the saved cases of this folder instead")
    parser.add_argument("--run-seconds", type=float, default=20, help="limit per run of the binary")
    parser.add_argument("--max-rss-mb", type=int, default=1024)
    parser.add_argument("--max-amplification", type=int, default=400,
                        help="bytes published per byte of input, at most (6 documents carry each item)")
    options = parser.parse_args()

    limits = Limits(options.run_seconds, options.max_rss_mb, options.max_amplification)
    base, posts = load_seeds(options.corpus)
    scratch = Path(tempfile.mkdtemp(prefix="feedgen-fuzz-"))
    found = options.found or scratch / "found"
    passed = failed = rounds = 0
    worst_seconds = worst_rss = 0.0
    try:
        if options.replay:
            cases = sorted(options.replay.glob("*.json"))
            jobs = [(path.name, *load_case(path, base), []) for path in cases]
        else:
            jobs = None
        rng = random.Random(options.seed)
        stop_at = time.monotonic() + options.seconds
        index = 0
        while True:
            if jobs is not None:
                if index >= len(jobs):
                    break
                label, site, mail, applied = jobs[index]
            else:
                if time.monotonic() >= stop_at:
                    break
                site, applied = make_site(rng, base, posts)
                mail = digest_mail_options(rng)
                label = f"round {index}"
            index += 1
            rounds += 1
            runs = judge(options.binary, site, limits, scratch / "work", mail)
            for run in runs:
                worst_seconds = max(worst_seconds, run.seconds)
                worst_rss = max(worst_rss, run.rss_mb)
            bad = [run for run in runs if run.problems]
            passed += len(runs) - len(bad)
            failed += len(bad)
            if bad:
                saved = save_case(found, site, base, runs, applied, options.seed, mail) if jobs is None else None
                for run in bad:
                    for problem in run.problems:
                        print(f"{label} ({', '.join(applied) or 'saved case'}) {run.command}: {problem}", flush=True)
                if saved:
                    print(f"  saved as {saved}", flush=True)
        print(f"{rounds} rounds, seed {options.seed}; slowest run {worst_seconds:.2f} s, "
              f"largest peak memory {worst_rss:.0f} MB")
        if failed and jobs is None:
            print(f"failing cases saved in {found}")
        print(f"{passed} passed, {failed} failed")
    finally:
        if options.found is not None or not failed:
            shutil.rmtree(scratch / "work", ignore_errors=True)
        if not failed:
            shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
