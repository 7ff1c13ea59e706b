"""Measures how fast thread files are read (`read_thread`), per input format, and peak memory on a big page.

Each format is one entry in FORMATS: a generator of a file of about the wanted size (our own words,
shaped like the real thing) and the library floor it is compared with in the same run. For saved web
pages (goal: at least 20 pages/s on one core for 200 KB pages) the floor is trafilatura alone on the
same page: the ratio shows what finding comments one by one costs on top of it. Rates are pages per
second of CPU time of this process (one core), the best of three passes, so that other work on the
machine skews them as little as it can; wall rates are printed too. Peak memory is read in a child
process on a 5 MB page.
Run: .venv/bin/python benchmarks/readers.py [--pages 40] [--size-kb 200] [--big-mb 5]
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

WORDS = [
    "river", "bridge", "council", "budget", "station", "winter", "harbour", "library", "market", "tram", "cyclists",
    "weekend", "festival", "report", "question", "answer", "neighbours", "evening", "morning", "forecast", "museum",
    "engineers", "archive", "street", "village", "school", "minister", "project", "tunnel", "platform", "season",
    "ticket", "price", "delay", "weather", "garden", "ferry", "workshop", "lecture",
]  # fmt: skip
SAMPLES = REPO.parent / "shared" / "samples" / "web"


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


def trafilatura_floor(data: bytes) -> None:
    import trafilatura

    trafilatura.bare_extraction(data, with_metadata=True, fast=True)


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
    goal_pages_per_s: float | None = None
    """The rate to reach, when the issue sets one."""


FORMATS = {
    "html": FormatCase(html_page, ".html", trafilatura_floor, goal_pages_per_s=20),
    "text": FormatCase(text_thread, ".txt", no_floor),
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
    from translator.readers import read_thread

    paths = []
    for seed in range(pages):
        path = folder / f"{name}-{seed}{case.suffix}"
        path.write_bytes(case.generate(size, seed))
        paths.append(path)
    read_thread(paths[0])  # imports and caches warm, as in a batch
    cpu_rate, wall_rate = rates(paths, read_thread)
    floor_cpu, _ = rates(paths, lambda path: case.floor(path.read_bytes()))
    figures: dict[str, object] = {
        "page_kb": round(sum(p.stat().st_size for p in paths) / len(paths) / 1024),
        "pages_per_s": round(cpu_rate, 1),
        "wall_pages_per_s": round(wall_rate, 1),
        "floor_pages_per_s": round(floor_cpu, 1),
        "ratio_to_floor": round(floor_cpu / cpu_rate, 2),
    }
    if case.goal_pages_per_s is not None:
        figures["goal_pages_per_s"] = case.goal_pages_per_s
        figures["goal_met"] = cpu_rate >= case.goal_pages_per_s
    return figures


def sample_rate() -> float | None:
    """Pages per CPU second over the real saved pages in ../shared/samples/web, when they are there."""
    from translator.readers import read_thread

    paths = sorted(SAMPLES.glob("html_*")) if SAMPLES.is_dir() else []
    if not paths:
        return None
    for path in paths:
        read_thread(path)
    return round(rates(paths, read_thread)[0], 1)


PEAK_CHILD = """
import resource, sys
sys.path.insert(0, {repo!r})
from translator.readers import read_thread
read_thread({small!r})
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
read_thread({big!r})
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) / 1024)
"""


def peak_memory_mb(folder: Path, big_mb: float) -> float:
    """Growth of peak resident memory, in MB, while one page of `big_mb` MB is read (child process)."""
    small, big = folder / "small.html", folder / "big.html"
    small.write_bytes(html_page(50_000, 1))
    big.write_bytes(html_page(int(big_mb * 1024 * 1024), 2))
    code = PEAK_CHILD.format(repo=str(REPO), small=str(small), big=str(big))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(float(done.stdout.strip().splitlines()[-1]), 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--size-kb", type=int, default=200)
    parser.add_argument("--big-mb", type=float, default=5)
    args = parser.parse_args()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, case in FORMATS.items():
            results[name] = measure(name, case, folder, args.pages, args.size_kb * 1024)
            print(f"{name}: {results[name]}")
        samples = sample_rate()
        print(f"html, real sample pages: {samples} pages/s")
        peak = peak_memory_mb(folder, args.big_mb)
        print(f"html, peak memory growth reading a {args.big_mb:g} MB page: {peak} MB")
    html = results["html"]
    assert isinstance(html, dict)
    html["samples_pages_per_s"] = samples
    html[f"peak_mb_{args.big_mb:g}mb_page"] = peak
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
