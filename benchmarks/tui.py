"""How fast the review app opens a 5,000-block file and moves between blocks.

Baselines, measured in the same run: for opening, polib parsing the same PO file (the least any PO tool
does); for moving, the same moves in a 50-block file (moving must not get slower with the file's size).
Each move also searches a translation memory (5,000 machine + 500 human entries) for alternatives.
A move is timed twice: the key handler alone, and the key through Pilot up to the next frame. The last
line is JSON.
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
    print(f"polib parse of {BLOCKS} entries (baseline): {baseline * 1000:.0f} ms")
    print(f"open in the app, first screen: {opened * 1000:.0f} ms ({opened / baseline:.1f}x baseline)")
    print(
        f"move handler: {handler * 1000:.2f} ms ({handler / small_handler:.1f}x the 50-block file); "
        f"key to frame: {per_key * 1000:.1f} ms ({per_key / small_key:.1f}x the 50-block file)"
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
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
