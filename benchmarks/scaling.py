"""Does the cost grow linearly with the input? Each stage's input is doubled five times and timed.

A stage is one row of STAGES: how to build its input at a given size (not timed) and what to time on
it. For each doubling the time ratio t(2n) / t(n) is printed; linear work gives about 2, quadratic
about 4. The goal is at most 2.3 per doubling for every stage (a stage's worst doubling decides).
Times are this process's CPU seconds, the best of a few runs for short ones: on a machine shared with
other work, wall time measures the neighbours as much as the stage (wall seconds are printed too).
Stages (every one the issue of linear cost names):
  forum      a forum page dump (the demo thread's article, then n comments, half of them quoting an
             earlier one) read: the quote extents are resolved across all comments;
  json       a JSON thread of n posts read (parsed, checked, made into a Thread);
  glossary   the shipped fr-en glossary on one paragraph of n characters (its sentences split before
             timing): its terms found, every sentence protected, translated by an echo and restored, the
             terms checked;
  detection  a JSON thread of n posts read and its languages detected (`translator inspect` without
             the printing), mixed French, German and English posts, short and long;
  inspect    `translator inspect` on a JSON thread of n posts, the command as a user runs it (reading,
             detection, the tree drawn to a terminal-less console), in this process;
  pipeline   a thread of n posts translated with the shipped glossary and an empty memory; the engine
             is an echo, so what is timed is our own work (planning, memory, glossary, QA), not the
             model's, which is linear by construction;
  html       a saved WordPress-shaped news page of n bytes (`readers.html_page`: its furniture, then more
             comments, each with its buttons, styled parts and headings) read: the page's XPath searches,
             whose unions libxml2 merges in time their results' sizes multiplied, are kept apart.
Also timed once: `translator inspect` and `translator inspect --json` on a 20,000-post JSON thread, end
to end in a process of their own (goal: under 10 s; wall and CPU seconds of the command).
Last line: one JSON object of the figures.
Run: .venv/bin/python benchmarks/scaling.py [--stage NAME ...] [--doublings 5]  (about ten minutes)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

GOAL = 2.3
# Runs shorter than this are repeated (best of REPEATS): short timings are the noisiest.
REPEAT_BELOW_SECONDS = 2.0
REPEATS = 3
INSPECT_POSTS = 20_000
INSPECT_GOAL_SECONDS = 10.0


@dataclass(frozen=True)
class Stage:
    """One thing whose cost should grow linearly with its input."""

    name: str
    """How the figures call it."""
    base: int
    """Input size at 1x, in the stage's own unit."""
    unit: str
    """What the size counts (posts, bytes...)."""
    prepare: Callable[[int, Path], object]
    """Build the input of a given size in a work folder (not timed)."""
    run: Callable[[Any], object]
    """The timed work on a prepared input."""


def _texts(count: int, seed: int) -> list[str]:
    """Texts of mixed languages and lengths, as comment threads have: French, German, English; a
    sentence or a few, sometimes only a couple of words."""
    from demo_grammar import generate

    rng = random.Random(seed)
    pools = {
        "fr": [example.source for example in generate("fr-en", 400, seed=seed)],
        "de": [example.source for example in generate("de-en", 200, seed=seed)],
        "en": [example.target for example in generate("fr-en", 200, seed=seed + 1)],
    }
    texts = []
    for _ in range(count):
        pool = pools[rng.choices(["fr", "de", "en"], weights=[6, 2, 2])[0]]
        shape = rng.random()
        if shape < 0.2:
            texts.append(" ".join(rng.choice(pool).split()[:3]))
        else:
            texts.append(" ".join(rng.sample(pool, rng.randint(1, 3))))
    return texts


def _thread(posts: int, seed: int = 7) -> Any:
    """A thread of `posts` comments (after an article), one or two blocks each."""
    from translator.models import Block, Post, Thread

    rng = random.Random(seed)
    texts = iter(_texts(posts * 2 + 2, seed))
    items = [Post("article", "article", "Ana", blocks=(Block("article.p1", "paragraph", next(texts)),))]
    for number in range(1, posts + 1):
        blocks = tuple(
            Block(f"c{number}.p{part}", "paragraph", next(texts)) for part in range(1, rng.randint(1, 2) + 1)
        )
        items.append(Post(f"c{number}", "comment", f"reader{number % 97}", blocks=blocks))
    return Thread("Un fil", None, tuple(items), "json")


def _json_thread(posts: int, folder: Path) -> Path:
    from translator.formats.json import dump_thread

    path = folder / f"thread-{posts}.json"
    path.write_text(dump_thread(_thread(posts)), encoding="utf-8")
    return path


def _forum_dump(comments: int, folder: Path) -> object:
    """A forum page dump: the demo thread's page up to its first comment (site chrome, article), then
    `comments` comments with dates and votes, one to three lines each, half of them quoting a line of an
    earlier comment (so the reader resolves quote extents across the thread)."""
    from demo_grammar import generate

    rng = random.Random(comments)
    demo = (ROOT / "translator" / "data" / "demo-thread.txt").read_text(encoding="utf-8")
    head = demo[: demo.index("Avatar de ")]
    sentences = iter([example.source for example in generate("fr-en", comments * 3, seed=comments)])
    written: list[tuple[str, str]] = []
    parts = [head]
    for number in range(comments):
        author = f"lecteur{number % 211}"
        lines = [next(sentences) for _ in range(rng.randint(1, 3))]
        quote = []
        if written and rng.random() < 0.5:
            quoted_author, quoted_line = rng.choice(written[-50:])
            quote = [f"Citation Envoyé par {quoted_author} Voir le message", quoted_line]
        minute = number % (24 * 60)
        parts.append(
            "\n".join(
                [
                    f"Avatar de {author}",
                    "Membre actif https://www.developpez.com",
                    f"Le 12/03/2025 à {minute // 60}:{minute % 60:02}",
                    *quote,
                    *lines,
                    f"{rng.randint(0, 20)}  {rng.randint(0, 5)} ",
                ]
            )
            + "\n"
        )
        written.extend((author, line) for line in lines)
    path = folder / f"forum-{comments}.txt"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def _read(path: Any) -> object:
    from translator.readers import read_thread

    return read_thread(path).thread


def _paragraph(size: int, folder: Path) -> object:
    """One paragraph of `size` characters: the demo thread's and the real sample's text (where it is)
    repeated; its sentences; the shipped fr-en glossary (loaded once; none of this is timed)."""
    from translator.glossary import GlossaryStore
    from translator.segment import split_sentences

    texts = [(ROOT / "translator" / "data" / "demo-thread.txt").read_text(encoding="utf-8")]
    sample = ROOT.parent / "shared" / "samples" / "developpez-musk-putin-thread.txt"
    if sample.is_file():
        texts.append(sample.read_text(encoding="utf-8"))
    base = " ".join(" ".join(texts).split())
    paragraph = ((base + " ") * (size // len(base) + 1))[:size]
    return paragraph, split_sentences(paragraph, "fr"), GlossaryStore().get("fr", "en")


def _glossary_stage(prepared: Any) -> object:
    from translator.glossary import check_terms, translate_with_glossary

    paragraph, sentences, glossary = prepared
    glossary.find_terms(paragraph)
    results = translate_with_glossary(sentences, "fr", "en", EchoEngine(), glossary)
    return check_terms(paragraph, " ".join(result.text for result in results), glossary)


def _inspect(path: Any) -> object:
    """`translator inspect` in this process, its tree drawn to nowhere (no terminal: plain text, 80
    columns, as when the output goes to a file)."""
    from cli.main import main

    with contextlib.redirect_stdout(io.StringIO()):
        return main(["inspect", str(path), "--languages", "fr,de,en"])


_DETECTOR: list[Any] = []


def _detector() -> Any:
    """One detector for every size (its profiles load once, as in a long-lived process)."""
    if not _DETECTOR:
        from translator.detect.detector import LanguageDetector

        _DETECTOR.append(LanguageDetector(("fr", "de", "en")))
    return _DETECTOR[0]


def _read_and_detect(path: Any) -> object:
    from translator.detect.detector import detect_languages
    from translator.readers import read_thread

    return detect_languages(read_thread(path).thread, _detector())


class EchoEngine:
    """An engine that answers at once (`EN: ` + the sentence): the pipeline's own cost is what is timed."""

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        return [f"EN: {sentence}" for sentence in sentences]

    def model_id(self, source: str, target: str) -> str:
        return f"echo:{source}-{target}"


def _detected_thread(posts: int, folder: Path) -> object:
    """A detected thread and an empty memory of its own (each run starts cold)."""
    from translator.memory.lookup import MemoryLookup
    from translator.memory.store import TranslationMemory

    thread = _read_and_detect(_json_thread(posts, folder))
    memory = Path(tempfile.mkstemp(prefix=f"tm-{posts}-", suffix=".sqlite", dir=folder)[1])
    memory.unlink()
    return thread, MemoryLookup(TranslationMemory(memory))


def _translate(prepared: Any) -> object:
    from translator.glossary import GlossaryStore
    from translator.pipeline import PipelineOptions, translate_threads

    thread, memory = prepared
    return translate_threads([thread], PipelineOptions(target="en"), EchoEngine(), GlossaryStore().get, memory)


def _saved_page(size: int, folder: Path) -> bytes:
    from readers import html_page

    return html_page(size, seed=3)


def _read_saved_page(page: bytes) -> object:
    from translator.readers.html import read_html_file

    return read_html_file(page, "page.html")


STAGES = [
    Stage("forum", 1000, "posts", _forum_dump, _read),
    Stage("json", 1250, "posts", _json_thread, _read),
    Stage("glossary", 64_000, "chars", _paragraph, _glossary_stage),
    Stage("detection", 625, "posts", _json_thread, _read_and_detect),
    Stage("inspect", 625, "posts", _json_thread, _inspect),
    Stage("pipeline", 250, "posts", _detected_thread, _translate),
    Stage("html", 400_000, "bytes", _saved_page, _read_saved_page),
]


def measure(stage: Stage, doublings: int, folder: Path) -> dict[str, object]:
    """Time a stage at base x 1, 2, 4... and the ratio of each doubling."""
    work = folder / stage.name
    work.mkdir()
    stage.run(stage.prepare(max(1, stage.base // 8), work))  # warm up: imports, profiles, glossary
    sizes, seconds, walls = [], [], []
    for step in range(doublings + 1):
        size = stage.base * 2**step
        runs: list[tuple[float, float]] = []
        while not runs or (len(runs) < REPEATS and min(runs)[0] < REPEAT_BELOW_SECONDS):
            prepared = stage.prepare(size, work)
            cpu, wall = time.process_time(), time.perf_counter()
            stage.run(prepared)
            runs.append((time.process_time() - cpu, time.perf_counter() - wall))
        best = min(runs)
        sizes.append(size)
        seconds.append(best[0])
        walls.append(best[1])
        print(f"{stage.name:10} {size:8} {stage.unit:6} {best[0]:8.2f} s CPU {best[1]:8.2f} s wall", flush=True)
    ratios = [round(after / before, 2) for before, after in itertools.pairwise(seconds)]
    return {
        "sizes": sizes,
        "cpu_seconds": [round(value, 3) for value in seconds],
        "wall_seconds": [round(value, 3) for value in walls],
        "ratios": ratios,
        "worst_ratio": max(ratios),
        "linear": max(ratios) <= GOAL,
    }


def inspect_seconds(path: Path, *options: str) -> tuple[float, float]:
    """Wall and CPU seconds of `translator inspect` on a big JSON thread, as a user runs it (output
    thrown away)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "cli", "inspect", str(path), "--languages", "fr,de,en", *options],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stage", action="append", choices=[stage.name for stage in STAGES], help="only these")
    parser.add_argument("--doublings", type=int, default=5, help="times each input is doubled")
    parser.add_argument("--no-inspect", action="store_true", help="skip the end-to-end inspect timing")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-scaling-"))
    figures: dict[str, object] = {"goal_ratio": GOAL}
    for stage in STAGES:
        if args.stage is None or stage.name in args.stage:
            figures[stage.name] = measure(stage, args.doublings, folder)
    if not args.no_inspect:
        path = _json_thread(INSPECT_POSTS, folder)
        for options, name in (((), "inspect"), (("--json",), "inspect_json")):
            wall, cpu = inspect_seconds(path, *options)
            print(
                f"translator inspect {' '.join(options)}, {INSPECT_POSTS} posts: {wall:.1f} s wall, {cpu:.1f} s CPU "
                f"(goal: under {INSPECT_GOAL_SECONDS:.0f} s)"
            )
            figures[f"{name}_{INSPECT_POSTS}_posts_wall_seconds"] = round(wall, 2)
            figures[f"{name}_{INSPECT_POSTS}_posts_cpu_seconds"] = round(cpu, 2)
    for name, result in figures.items():
        if isinstance(result, dict):
            verdict = "linear" if result["linear"] else "NOT linear"
            print(f"{name:10} ratio per doubling {result['ratios']}: worst {result['worst_ratio']} ({verdict})")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
