"""Measures how fast thread files are read (`read_thread`), per input format, and peak memory on a big page.

Each format is one entry in FORMATS: a generator of a file of about the wanted size (our own words,
shaped like the real thing) and the library floor it is compared with in the same run. For saved web
pages (goal: at least 20 pages/s on one core for 200 KB pages) the floor is trafilatura alone on the
same page: the ratio shows what finding comments one by one costs on top of it; for the other formats it
is the parser they start from (json.loads, lxml, feedparser). Every format but saved pages, plain text and
Facebook's export (a Messenger page in its HTML form, written here in its shape) is generated from our own
fixtures (tests/data/readers/, the demo forum dump), grown to a size like the real samples'
(../shared/samples/web, also timed where there are some). A "page" is one file, of one
thread or several (a feed, a Disqus export). Rates are pages per second of CPU time of this process (one
core), the best of three passes, so that other work on the machine skews them as little as it can; wall
rates are printed too. Peak memory is read in a child process on a 5 MB file of each format.
Run: .venv/bin/python benchmarks/readers.py [--pages 40] [--size-kb 200] [--big-mb 5] [--only html reddit]
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = [
    "river", "bridge", "council", "budget", "station", "winter", "harbour", "library", "market", "tram", "cyclists",
    "weekend", "festival", "report", "question", "answer", "neighbours", "evening", "morning", "forecast", "museum",
    "engineers", "archive", "street", "village", "school", "minister", "project", "tunnel", "platform", "season",
    "ticket", "price", "delay", "weather", "garden", "ferry", "workshop", "lecture",
]  # fmt: skip
SAMPLES = REPO.parent / "shared" / "samples" / "web"
FIXTURES = REPO / "tests" / "data" / "readers"
DEMO_DUMP = REPO / "translator" / "data" / "demo-thread.txt"
DISQUS = "http://disqus.com"
DISQUS_INTERNALS = "http://disqus.com/disqus-internals"


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(2, 5)))


def html_page(size: int, seed: int, comments: int = 40) -> bytes:
    """A WordPress-shaped news page of about `size` bytes, in the proportions of the real samples (about 200 KB
    with a few dozen comments): mostly furniture (scripts, styles, menus, icons, teasers), an article of a dozen
    paragraphs, threaded comments. A bigger size adds comments once the furniture is there."""
    rng = random.Random(seed)
    title = sentence(rng, 7)[:-1]
    menu = "".join(f'<li class="menu-item"><a href="/s{n}">{rng.choice(WORDS)}</a></li>' for n in range(60))
    icon = '<svg class="icon" viewBox="0 0 24 24"><path d="M12 2 L2 7 L12 12 L22 7 Z M2 17 L12 22 L22 17"/></svg>'
    parts = [
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Bench</title>'
        '<meta property="og:site_name" content="The Daily Bench"><meta name="author" content="Ada Reed">'
        '<meta property="article:published_time" content="2024-03-01T08:00:00+00:00">'
        f"<style>{'.card{{margin:0 auto;padding:4px}}' * 400}</style>"
        f"<script>window.config = {json.dumps({f'k{n}': rng.choice(WORDS) * 3 for n in range(600)})};</script>"
        f'</head><body><header><nav class="main-nav"><ul>{menu}</ul></nav></header><main><article><h1>{title}</h1>',
        "".join(f"<p>{paragraph(rng)}</p>" for _ in range(12)) + f"</article>{icon * 20}",
        '<div id="comments"><ol class="comment-list">',
    ]
    for number in range(1, comments + 1):
        replies = "".join(comment(rng, number * 100 + n, "") for n in range(rng.randint(0, 2)))
        parts.append(comment(rng, number, f'<ol class="children">{replies}</ol>' if replies else ""))
    parts.append('</ol><div id="respond"><form><textarea></textarea></form></div></div></main>')
    teaser = '<div class="teaser"><a href="/t{n}">{icon}<h3>{t}</h3><span class="date">1 March 2024</span></a></div>'
    number = 0
    while sum(map(len, parts)) < size - 2000:
        number += 1
        if number > 400:  # the furniture is there: a bigger page gets more comments
            parts.insert(-1, comment(rng, 10_000 + number, ""))
        else:
            parts.append(teaser.format(n=number, icon=icon, t=sentence(rng, 8)))
    parts.append('<footer><ul class="links">' + menu + "</ul></footer></body></html>")
    return "".join(parts).encode()


def comment(rng: random.Random, number: int, children: str) -> str:
    return (
        f'<li id="comment-{number}" class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{rng.choice(WORDS).title()} {number}</b></div>'
        f'<div class="comment-metadata"><time datetime="2024-03-{1 + number % 27:02d}T10:{number % 60:02d}:00">'
        f'</time></div></footer><div class="comment-content"><p>{paragraph(rng)}</p></div>'
        f'<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div></article>{children}</li>'
    )


def text_thread(size: int, seed: int) -> bytes:
    """A plain text thread of about `size` bytes: a titled article and comments between `---` lines."""
    rng = random.Random(seed)
    parts = [f"# {sentence(rng, 6)}\n\n" + "\n\n".join(paragraph(rng) for _ in range(8))]
    while sum(map(len, parts)) < size:
        parts.append("\n\n---\n\n" + paragraph(rng))
    return "".join(parts).encode()


def forum_dump(size: int, seed: int) -> bytes:
    """A forum page dump of about `size` bytes: the demo thread's page (login chrome, article, byline, votes)
    and comments in its shape (`Avatar de NAME`, role, date, body lines, votes), some quoting an earlier one."""
    rng = random.Random(seed)
    page = DEMO_DUMP.read_text(encoding="utf-8")
    parts = [page[: page.index("Avatar de ")]]
    said: list[tuple[str, str]] = []
    while sum(map(len, parts)) < size:
        number = len(said) + 1
        author = f"{rng.choice(WORDS).title()} {number}"
        lines = [sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(1, 4))]
        if said and rng.random() < 0.2:
            quoted_author, quoted = rng.choice(said)
            lines.insert(0, f"Citation Envoyé par {quoted_author} Voir le message\n{quoted}")
        day, minute = 1 + number % 27, number % 60
        parts.append(
            f"Avatar de {author}\nMembre du Club https://forum.example\nLe {day:02d}/03/2025 à 10:{minute:02d}\n"
            + "\n".join(lines)
            + f"\n{rng.randint(0, 40)}  {rng.randint(0, 9)} \n"
        )
        said.append((author, lines[-1]))
    return "".join(parts).encode()


def post_html(rng: random.Random, quote: str | None = None) -> str:
    """A post body as the APIs give it: paragraphs, now and then a quote or an inline link."""
    paragraphs = [f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        paragraphs.insert(1, f'<p>See <a href="https://example.org/{rng.randint(1, 999)}">{sentence(rng, 3)}</a></p>')
    return (quote or "") + "".join(paragraphs)


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def reply_tree(size: int, make: Callable[[int, Any], Any]) -> list[Any]:
    """Top-level comments, each with its replies, until about `size` bytes are made: `make(depth, parent)`
    gives a comment with the replies it made by calling itself."""
    made, comments = 0, []
    while made < size:
        comment = make(0, None)
        comments.append(comment)
        made += len(json.dumps(comment))
    return comments


def reddit_thread(size: int, seed: int) -> bytes:
    """A Reddit comments page of about `size` bytes: the fixture's submission and a comment tree made of copies
    of its first comment (body and escaped `body_html`, replies nested in Listings as Reddit nests them)."""
    rng = random.Random(seed)
    pages = fixture("reddit-thread.json")
    template = pages[1]["data"]["children"][0]["data"]
    counter = iter(range(1, 10**9))

    def make(depth: int, parent: Any) -> Any:
        number = next(counter)
        body = paragraph(rng)
        data = {
            **template,
            "id": f"g{number}",
            "name": f"t1_g{number}",
            "parent_id": parent or template["link_id"],
            "author": f"{rng.choice(WORDS)}_{number}",
            "body": body,
            "body_html": html.escape(f'<div class="md">{post_html(rng)}</div>', quote=False),
            "score": rng.randint(-5, 900),
            "depth": depth,
            "created_utc": 1714552200.0 + number * 60,
        }
        replies = [make(depth + 1, data["name"]) for _ in range(rng.choice((0, 0, 1, 2)) if depth < 5 else 0)]
        data["replies"] = {"kind": "Listing", "data": {"children": replies}} if replies else ""
        return {"kind": "t1", "data": data}

    pages[1]["data"]["children"] = reply_tree(size, make)
    return json.dumps(pages).encode()


def hn_thread(size: int, seed: int) -> bytes:
    """A Hacker News discussion of about `size` bytes in the Algolia `items/ID` form: the fixture's story and
    nested copies of its first comment (HN's comment HTML: unclosed `<p>`, entities, typed `>` quotes)."""
    rng = random.Random(seed)
    story = fixture("hn-algolia.json")
    template = {key: value for key, value in story["children"][0].items() if key != "children"}
    counter = iter(range(10_000, 10**9))

    def make(depth: int, parent: Any) -> Any:
        number = next(counter)
        texts = [html.escape(paragraph(rng)) for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.2:
            texts.insert(0, "&gt; " + html.escape(sentence(rng, 8)))
        item = {
            **template,
            "id": number,
            "author": f"{rng.choice(WORDS)}{number}",
            "text": "<p>".join(texts),
            "parent_id": parent or story["id"],
            "created_at_i": story["created_at_i"] + number,
        }
        item["children"] = [make(depth + 1, number) for _ in range(rng.choice((0, 0, 1, 2)) if depth < 6 else 0)]
        return item

    story["children"] = reply_tree(size, make)
    return json.dumps(story).encode()


def discourse_topic(size: int, seed: int) -> bytes:
    """A Discourse topic JSON of about `size` bytes: the fixture's topic with posts made from its second post
    (cooked HTML, now and then a quote aside of an earlier post, `reply_to_post_number`)."""
    rng = random.Random(seed)
    topic = fixture("discourse-topic.json")
    posts = topic["post_stream"]["posts"]
    template = posts[1]
    posts[:] = posts[:1]
    made = len(json.dumps(topic))
    while made < size:
        number = len(posts) + 1
        earlier = rng.randint(1, number - 1)
        quote = None
        if number > 2 and rng.random() < 0.25:
            quote = (
                f'<aside class="quote no-group" data-username="user{earlier}" data-post="{earlier}" data-topic="1">'
                f'<div class="title"><div class="quote-controls"></div> user{earlier}:</div>'
                f"<blockquote><p>{sentence(rng, 10)}</p></blockquote></aside>"
            )
        post = {
            **template,
            "id": 90_000 + number,
            "username": f"user{number}",
            "post_number": number,
            "cooked": post_html(rng, quote),
            "reply_to_post_number": earlier if rng.random() < 0.5 else None,
        }
        posts.append(post)
        made += len(json.dumps(post))
    return json.dumps(topic).encode()


def disqus_export(size: int, seed: int) -> bytes:
    """A Disqus XML export of about `size` bytes: threads and posts copied from the fixture's first `<thread>`
    and second `<post>` (which has a `<parent>`), a dozen posts per thread, replies to earlier ones."""
    from lxml import etree

    rng = random.Random(seed)
    root = etree.parse(str(FIXTURES / "disqus-export.xml")).getroot()

    def tag(name: str) -> str:
        return f"{{{DISQUS}}}{name}"

    internal = f"{{{DISQUS_INTERNALS}}}id"
    thread_template = root.find(tag("thread"))
    post_template = root.findall(tag("post"))[1]
    for child in [*root.findall(tag("thread")), *root.findall(tag("post"))]:
        root.remove(child)
    made, thread_number, post_number = 0, 0, 0
    while made < size:
        thread_number += 1
        thread = copy.deepcopy(thread_template)
        thread.set(internal, str(thread_number))
        thread.find(tag("title")).text = sentence(rng, 7)
        thread.find(tag("link")).text = f"https://carnet.example/{thread_number}/"
        root.append(thread)
        made += len(etree.tostring(thread))
        first = post_number + 1
        for _ in range(rng.randint(4, 20)):
            post_number += 1
            post = copy.deepcopy(post_template)
            post.set(internal, str(post_number))
            post.find(tag("message")).text = etree.CDATA(post_html(rng))
            post.find(tag("author")).find(tag("name")).text = f"{rng.choice(WORDS).title()} {post_number}"
            post.find(tag("thread")).set(internal, str(thread_number))
            post.find(tag("parent")).set(internal, str(rng.randint(first, post_number)))
            if post_number == first:
                post.remove(post.find(tag("parent")))
            root.append(post)
            made += len(etree.tostring(post))
    export: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return export


def rss_feed(size: int, seed: int) -> bytes:
    """An RSS 2.0 feed of about `size` bytes: items copied from the fixture's first one (title, link, author,
    date, HTML description with furniture to drop)."""
    from lxml import etree

    rng = random.Random(seed)
    root = etree.parse(str(FIXTURES / "feed.rss")).getroot()
    channel = root.find("channel")
    items = channel.findall("item")
    template = items[0]
    for item in items:
        channel.remove(item)
    made, number = 0, 0
    while made < size:
        number += 1
        item = copy.deepcopy(template)
        item.find("title").text = sentence(rng, 8)
        item.find("link").text = f"https://quotidien.example/sciences/2024/04/item-{number}.html"
        item.find("description").text = etree.CDATA(post_html(rng) + '<img src="https://pixel.example/t.gif">')
        channel.append(item)
        made += len(etree.tostring(item))
    feed: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return feed


def facebook_conversation(size: int, seed: int) -> bytes:
    """A Messenger conversation as Facebook's export writes it in HTML (the layout in use since 2024): a page
    of about `size` bytes, one box per message, newest first, each with its sender and printed date."""
    rng = random.Random(seed)
    senders = [f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}" for _ in range(3)]
    boxes, made, number = [], 0, 0
    moment = 1_700_000_000
    while made < size:
        number += 1
        moment -= rng.randint(30, 3600)
        printed = time.strftime("%b %d, %Y %I:%M:%S %p", time.gmtime(moment))
        box = (
            f'<div class="_a6-g"><div class="_2ph_ _a6-h _a6-i">{rng.choice(senders)}</div>'
            f'<div class="_2ph_ _a6-p"><div><div></div><div>{html.escape(sentence(rng, rng.randint(3, 25)))}</div>'
            f'</div></div><div class="_3-94 _a6-o"><div class="_a72d">{printed}</div></div></div>'
        )
        boxes.append(box)
        made += len(box)
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8" /><title>Harbour friends</title></head>'
        '<body class="_5vb_ _2yq _a7o5"><div class="_li"><div class="_a705"><header class="_as-_ _a70a">'
        '<div class="_a70d"><h1>Harbour friends</h1></div></header><main class="_a706" role="main">'
        + "".join(boxes)
        + "</main></div></div></body></html>"
    )
    return page.encode("utf-8")


def json_thread(size: int, seed: int) -> bytes:
    """Our own thread JSON (what `inspect --json` writes) of about `size` bytes: a generated Reddit thread read
    and written back, so it has the tree, authors, dates and votes of a real discussion."""
    from translator.formats.json import dump_thread
    from translator.readers import parse_threads

    def written(reddit_size: int) -> bytes:
        [thread] = parse_threads(reddit_thread(reddit_size, seed).decode(), "reddit").threads
        return dump_thread(thread).encode()

    # Our schema spells out every field of every block: its size is measured once, then aimed at.
    sized = written(size)
    return written(int(size * size / len(sized)))


def trafilatura_floor(data: bytes) -> None:
    import trafilatura

    trafilatura.bare_extraction(data, with_metadata=True, fast=True)


def json_floor(data: bytes) -> None:
    json.loads(data)


def xml_floor(data: bytes) -> None:
    from lxml import etree

    etree.fromstring(data)


def html_floor(data: bytes) -> None:
    from lxml import html as lxml_html

    lxml_html.document_fromstring(data)


def feedparser_floor(data: bytes) -> None:
    import feedparser

    feedparser.parse(data)


def no_floor(data: bytes) -> None:
    data.decode("utf-8")


@dataclass(frozen=True)
class FormatCase:
    """One input format in the benchmark."""

    generate: Callable[[int, int], bytes]
    """A file of about the given size from the given seed."""
    suffix: str
    """File name ending, as users have them."""
    floor: Callable[[bytes], None]
    """The library work the reader cannot avoid, timed on the same files for the ratio."""
    size_kb: int
    """A realistic file size for the format (the real samples in ../shared/samples are the guide)."""
    goal_pages_per_s: float | None = None
    """The rate to reach, when the issue sets one."""


FORMATS = {
    "html": FormatCase(html_page, ".html", trafilatura_floor, 200, goal_pages_per_s=20),
    "text": FormatCase(text_thread, ".txt", no_floor, 200),
    "forum": FormatCase(forum_dump, ".txt", no_floor, 25),  # the real developpez.com dump: 22 KB
    "json": FormatCase(json_thread, ".json", json_floor, 300),
    "reddit": FormatCase(reddit_thread, ".json", json_floor, 340),  # the real samples: 330 and 360 KB
    "hn": FormatCase(hn_thread, ".json", json_floor, 200),
    "discourse": FormatCase(discourse_topic, ".json", json_floor, 100),  # the real posts.json: 100 KB
    "disqus": FormatCase(disqus_export, ".xml", xml_floor, 1000),  # a site's export: many threads
    "feed": FormatCase(rss_feed, ".rss", feedparser_floor, 150),  # the real Atom sample: 150 KB
    "facebook": FormatCase(facebook_conversation, ".html", html_floor, 300),  # a Messenger page (message_1.html)
}


ROUNDS = 3
"""Passes over the files; the best one is kept, as timeit does: slower passes measure other work on the machine."""


def rates(paths: list[Path], work: Callable[[Path], object]) -> tuple[float, float]:
    """(pages per CPU second, pages per wall second), each the best of ROUNDS passes over the files."""
    best_cpu, best_wall = 0.0, 0.0
    for _ in range(ROUNDS):
        cpu, wall = time.process_time(), time.perf_counter()
        for path in paths:
            work(path)
        best_cpu = max(best_cpu, len(paths) / (time.process_time() - cpu))
        best_wall = max(best_wall, len(paths) / (time.perf_counter() - wall))
    return best_cpu, best_wall


def measure(name: str, case: FormatCase, folder: Path, pages: int, size: int) -> dict[str, object]:
    from translator.readers import read_threads

    paths = []
    for seed in range(pages):
        path = folder / f"{name}-{seed}{case.suffix}"
        path.write_bytes(case.generate(size, seed))
        paths.append(path)
    first = read_threads(paths[0])  # imports and caches warm, as in a batch
    cpu_rate, wall_rate = rates(paths, read_threads)
    floor_cpu, _ = rates(paths, lambda path: case.floor(path.read_bytes()))
    figures: dict[str, object] = {
        "page_kb": round(sum(p.stat().st_size for p in paths) / len(paths) / 1024),
        "threads_per_page": len(first.threads),
        "posts_per_page": sum(len(thread.posts) for thread in first.threads),
        "pages_per_s": round(cpu_rate, 1),
        "wall_pages_per_s": round(wall_rate, 1),
        "floor_pages_per_s": round(floor_cpu, 1),
        "ratio_to_floor": round(floor_cpu / cpu_rate, 2),
    }
    if case.goal_pages_per_s is not None:
        figures["goal_pages_per_s"] = case.goal_pages_per_s
        figures["goal_met"] = cpu_rate >= case.goal_pages_per_s
    return figures


SAMPLE_PATTERNS = {
    "html": ("html_*",),
    "reddit": ("reddit_*",),
    "discourse": ("discourse_*",),
    "feed": ("atom_*", "rss_*"),
}
"""The real files in ../shared/samples/web of each format, by name."""


def sample_rate(name: str) -> float | None:
    """Pages per CPU second over the real files of a format in ../shared/samples/web, when there are some."""
    from translator.readers import read_threads

    patterns = SAMPLE_PATTERNS.get(name, ()) if SAMPLES.is_dir() else ()
    paths = sorted(path for pattern in patterns for path in SAMPLES.glob(pattern))
    if not paths:
        return None
    for path in paths:
        read_threads(path)
    return round(rates(paths, read_threads)[0], 1)


PEAK_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from translator.readers import read_threads

def status_kb(field):
    line = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith(field))
    return int(line.split()[1])

read_threads({small!r})
Path("/proc/self/clear_refs").write_text("5")  # the peak starts again from here
before = status_kb("VmRSS:")
read_threads({big!r})
print((status_kb("VmHWM:") - before) / 1024)
"""
"""Peak memory is the process's own high-water mark (VmHWM, reset after the small file), not ru_maxrss:
a child's ru_maxrss starts at its parent's size (kept across fork and exec), which hid the growth."""


def peak_memory_mb(name: str, case: FormatCase, folder: Path, big_mb: float) -> float:
    """Growth of peak resident memory, in MB, while one file of `big_mb` MB is read (child process, after a
    small one of the same format has loaded the libraries)."""
    small, big = folder / f"small-{name}{case.suffix}", folder / f"big-{name}{case.suffix}"
    small.write_bytes(case.generate(50_000, 1))
    big.write_bytes(case.generate(int(big_mb * 1024 * 1024), 2))
    code = PEAK_CHILD.format(repo=str(REPO), small=str(small), big=str(big))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(float(done.stdout.strip().splitlines()[-1]), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=40, help="files per format (default: 40)")
    parser.add_argument("--size-kb", type=int, default=200, help="size of the saved pages (html; default: 200)")
    parser.add_argument("--big-mb", type=float, default=5, help="size of the file read for peak memory (default: 5)")
    parser.add_argument("--only", nargs="+", choices=FORMATS, help="measure these formats only")
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, case in FORMATS.items():
            if args.only and name not in args.only:
                continue
            size = args.size_kb if name == "html" else case.size_kb
            figures = measure(name, case, folder, args.pages, size * 1024)
            if (samples := sample_rate(name)) is not None:
                figures["samples_pages_per_s"] = samples
            figures[f"peak_mb_{args.big_mb:g}mb_file"] = peak_memory_mb(name, case, folder, args.big_mb)
            results[name] = figures
            print(f"{name}: {figures}", flush=True)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
