"""How fast the review app opens a 5,000-block file and moves between blocks.

Baselines, measured in the same run: for opening, polib parsing the same PO file (the least any PO tool
does); for moving, the same moves in a 50-block file (moving must not get slower with the file's size).
Each move also searches a translation memory (5,000 machine + 500 human entries) for alternatives.
A move is timed twice: the key handler alone, and the key through Pilot up to the next frame. Then long
comments: the key that moves onto a 200 KB paragraph, and onto 5,000 short lines, up to the next frame,
against the same key onto a one-line block of the same file. The last line is JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from translator.formats.po import render_po
from translator.models import Block, Post, Thread, TranslatedThread, TranslationUnit

BLOCKS = 5000
MOVES = 200


def make_po(folder: Path, size: int = BLOCKS) -> Path:
    posts, units = [], []
    for number in range(size // 5):
        post_id = "article" if number == 0 else f"c{number}"
        blocks = tuple(
            Block(
                f"{post_id}.p{i + 1}",
                "paragraph",
                f"Le lancement numéro {number * 5 + i} a eu lieu mardi à Kourou.",
                lang="fr",
            )
            for i in range(5)
        )
        posts.append(Post(post_id, "article" if number == 0 else "comment", f"author {number}", blocks=blocks))
        units += [
            TranslationUnit(b, post_id, "fr", "en", f"Launch number {number * 5 + i} took place on Tuesday.", "machine")
            for i, b in enumerate(blocks)
        ]
    thread = Thread("Bench", None, tuple(posts), "text", lang="fr")
    path = folder / f"bench{size}.po"
    path.write_text(render_po(TranslatedThread(thread, "en", tuple(units))), encoding="utf-8")
    return path


def make_memory(folder: Path, size: int = BLOCKS) -> Path:
    """A translation memory knowing every block (machine), every tenth reviewed (human): each move looks it up."""
    from translator.memory.store import MemoryEntry, TranslationMemory

    path = folder / f"memory{size}.sqlite"
    entries = []
    for number in range(size):
        source = f"Le lancement numéro {number} a eu lieu mardi à Kourou."
        entries.append(MemoryEntry("fr", "en", source, f"Launch {number} happened on Tuesday.", "machine", "m"))
        if number % 10 == 0:
            entries.append(MemoryEntry("fr", "en", source, f"Launch {number} took place on Tuesday.", "human"))
    TranslationMemory(path).store(entries)
    return path


async def drive(path: Path, memory: Path) -> tuple[float, float, float]:
    from tui.app import ReviewApp

    started = time.perf_counter()
    app = ReviewApp(path, autosave_seconds=0, journal=False, memory_path=memory)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(MOVES):
            app.action_move(1)
        handler = (time.perf_counter() - started) / MOVES
        await pilot.pause()
        started = time.perf_counter()
        for _ in range(MOVES // 4):
            await pilot.press("j")
        await pilot.pause()
        per_key = (time.perf_counter() - started) / (MOVES // 4)
    return opened, handler, per_key


def make_long_po(folder: Path) -> Path:
    """A short block, a 200 KB paragraph, a short block, 5,000 short lines, a short block."""
    sentence = "Le troisième essai du moteur a duré quatre minutes à Kourou. "
    texts = [
        "Un court article.",
        sentence * (200_000 // len(sentence)),
        "Une courte réponse.",
        "\n".join(f"ligne {number} : le moteur tourne toujours" for number in range(5000)),
        "Une autre réponse.",
    ]
    posts, units = [], []
    for number, text in enumerate(texts):
        post_id = "article" if number == 0 else f"c{number}"
        block = Block(f"{post_id}.p1", "paragraph", text, lang="fr")
        posts.append(Post(post_id, "article" if number == 0 else "comment", "ana", blocks=(block,)))
        units.append(TranslationUnit(block, post_id, "fr", "en", text.replace("le moteur", "the engine"), "machine"))
    path = folder / "long.po"
    thread = Thread("Long", None, tuple(posts), "text", lang="fr")
    path.write_text(render_po(TranslatedThread(thread, "en", tuple(units))), encoding="utf-8")
    return path


async def drive_long(path: Path) -> dict[str, float]:
    """Seconds from `j` to the next frame onto each block of the long file (the best of three visits)."""
    from tui.app import ReviewApp

    app = ReviewApp(path, autosave_seconds=0, journal=False)
    best: dict[str, float] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        for _ in range(3):
            app.go("article.p1")
            await pilot.pause()
            for _ in range(4):
                started = time.perf_counter()
                await pilot.press("j")
                await pilot.pause()
                took = time.perf_counter() - started
                best[str(app.current)] = min(took, best.get(str(app.current), took))
    return best


def main() -> None:
    import polib

    with tempfile.TemporaryDirectory() as folder:
        path = make_po(Path(folder))
        started = time.perf_counter()
        polib.pofile(str(path), wrapwidth=78)
        baseline = time.perf_counter() - started
        import tui.app  # noqa: F401  (import time is not part of opening a file)

        opened, handler, per_key = asyncio.run(drive(path, make_memory(Path(folder))))
        _, small_handler, small_key = asyncio.run(drive(make_po(Path(folder), 50), make_memory(Path(folder), 50)))
        long = asyncio.run(drive_long(make_long_po(Path(folder))))
    print(f"polib parse of {BLOCKS} entries (baseline): {baseline * 1000:.0f} ms")
    print(f"open in the app, first screen: {opened * 1000:.0f} ms ({opened / baseline:.1f}x baseline)")
    print(
        f"move handler: {handler * 1000:.2f} ms ({handler / small_handler:.1f}x the 50-block file); "
        f"key to frame: {per_key * 1000:.1f} ms ({per_key / small_key:.1f}x the 50-block file)"
    )
    short = long["c2.p1"]
    print(
        f"key to frame onto a 200 KB comment: {long['c1.p1'] * 1000:.0f} ms ({long['c1.p1'] / short:.1f}x a "
        f"one-line block); onto 5,000 lines: {long['c3.p1'] * 1000:.0f} ms ({long['c3.p1'] / short:.1f}x)"
    )
    result = {
        "blocks": BLOCKS,
        "polib_ms": round(baseline * 1000, 1),
        "open_ms": round(opened * 1000, 1),
        "open_ratio": round(opened / baseline, 2),
        "move_handler_ms": round(handler * 1000, 3),
        "move_handler_ratio": round(handler / small_handler, 2),
        "key_to_frame_ms": round(per_key * 1000, 1),
        "key_to_frame_ratio": round(per_key / small_key, 2),
        "long_200kb_ms": round(long["c1.p1"] * 1000, 1),
        "long_200kb_ratio": round(long["c1.p1"] / short, 2),
        "long_5000_lines_ms": round(long["c3.p1"] * 1000, 1),
        "long_5000_lines_ratio": round(long["c3.p1"] / short, 2),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
