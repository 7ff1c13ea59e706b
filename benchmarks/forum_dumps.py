"""Tallies how well forum dumps are told and read: saved web pages, rendered to the text a browser's select-all +
copy gives, sniffed and read as that text, against the saved-page reader's reading of the same pages.

Pages: every `*.htm` and `*.html` file under the folders given (e.g. trafilatura's test pages, its `tests`
folder: `cache/` and `eval/`), read where they lie. Per page: the page's text (see `dump_pages.render_text`) is
sniffed (`sniff_format`) and read by the reader it is taken for (the forum reader for a dump), and the page
itself is read by the saved-page reader (`read_html_file`): the reference, a page with comments where it finds
two or more. Counted:
- pages, and pages with comments;
- dumps taken: true (the reference finds comments), false positives (it finds none), and those where it finds
  only one;
- recall: the share of pages with comments whose text is taken for a dump;
- for the dumps taken that are true: writers found (the share of the reference's comment writers, each counted
  once, that are among the dump's comment writers), comments by known writers (the share of the dump's comments
  whose writer is among the reference's), texts with their writer (the share of those whose text opens as one of
  that writer's comments in the reference: a dump read with each text under the next writer fails it), and the
  ratio of the dump's comments to the reference's;
- slow pages: those whose text takes over a second to sniff and read;
- time ratio: the CPU time to sniff and read the texts, against reading the same texts as plain text (the
  baseline, measured in the same run).
Run: .venv/bin/python benchmarks/forum_dumps.py DIR... [--jsonl per-page.jsonl] [--list]
Pages missed (with comments, not taken) and dumps taken that disagree are printed with `--list`. The last line
printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dump_pages import (  # noqa: E402
    MIN_COMMENTS,
    SLOW_SECONDS,
    PageScore,
    dump_figures,
    render_text,
    text_agreement,
    writer_agreement,
)

from translator.errors import TranslatorError  # noqa: E402
from translator.models import Thread  # noqa: E402
from translator.readers import sniff_format  # noqa: E402
from translator.readers.forum import read_forum  # noqa: E402
from translator.readers.html import read_html_file  # noqa: E402
from translator.readers.html_bytes import decode_page  # noqa: E402
from translator.readers.text import read_text  # noqa: E402

T = TypeVar("T")


def timed(call: Callable[[], T]) -> tuple[T, float]:
    started = time.process_time()
    result = call()
    return result, time.process_time() - started


def comment_writers(thread: Thread | None) -> tuple[str, ...]:
    if thread is None:
        return ()
    return tuple(post.author or "" for post in thread.posts if post.kind == "comment")


def comment_texts(thread: Thread | None) -> tuple[str, ...]:
    if thread is None:
        return ()
    return tuple(" ".join(block.text for block in post.blocks) for post in thread.posts if post.kind == "comment")


def read_dump(text: str) -> tuple[bool, Thread | None]:
    """Whether the text is taken for a dump, and its reading (None where it reads as nothing)."""
    taken = sniff_format(text) == "forum"
    try:
        reading = read_forum(text) if taken else read_text(text)
    except TranslatorError:
        return taken, None
    return taken, reading.threads[0]


def score(page: Path) -> PageScore | None:
    data = page.read_bytes()
    try:
        reference = read_html_file(data, page.name).threads[0]
        text = render_text(decode_page(data, page.name)[0])
    except (TranslatorError, ValueError):  # not a page (lxml's ValueError: an empty document)
        return None
    (taken, thread), seconds = timed(lambda: read_dump(text))
    baseline_seconds = timed(lambda: _plain(text))[1]
    writers, texts = (comment_writers(thread), comment_texts(thread)) if taken else ((), ())
    return PageScore(
        page.name,
        comment_writers(reference),
        taken,
        writers,
        seconds,
        baseline_seconds,
        comment_texts(reference),
        texts,
    )


def _plain(text: str) -> None:
    with contextlib.suppress(TranslatorError):
        read_text(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", type=Path, nargs="+", help="folders of saved pages (searched below too)")
    parser.add_argument("--jsonl", type=Path, help="write one line per page here")
    parser.add_argument("--list", action="store_true", help="list pages missed and dumps that disagree")
    args = parser.parse_args()
    started = time.process_time()
    pages = sorted({page for folder in args.folders for glob in ("*.htm", "*.html") for page in folder.rglob(glob)})
    scores = [scored for page in pages if (scored := score(page)) is not None]
    figures = dump_figures(scores)
    for page in scores:
        with_comments = len(page.reference_writers) >= MIN_COMMENTS
        if page.taken and not page.reference_writers:
            print("false positive:", page.file, len(page.dump_writers), "comments")
        elif args.list and with_comments and not page.taken:
            print("missed:", page.file, len(page.reference_writers), "comments")
        elif args.list and page.taken and with_comments:
            found, wanted, agreeing, read = writer_agreement(page.reference_writers, page.dump_writers)
            right, known = text_agreement(
                list(zip(page.reference_writers, page.reference_texts, strict=True)),
                list(zip(page.dump_writers, page.dump_texts, strict=True)),
            )
            if found < wanted or agreeing < read or right < known:
                print(f"taken: {page.file} writers {found}/{wanted}, comments {agreeing}/{read} of"
                      f" {len(page.reference_writers)}, texts with their writer {right}/{known}")  # fmt: skip
        if page.seconds > SLOW_SECONDS:
            print(f"slow: {page.file} {page.seconds:.2f} s")
    print(
        f"{figures['pages']} pages, {figures['pages_with_comments']} with comments; taken for dumps:"
        f" {figures['taken']} ({figures['taken_true']} with comments, {figures['false_positives']} false positives);"
        f" recall {figures['recall']}; writers found {figures['writers_found']}, comments by known writers"
        f" {figures['comments_by_known_writers']}, texts with their writer {figures['texts_with_their_writer']},"
        f" comments ratio {figures['comments_ratio']};"
        f" {figures['slow_pages']} slow; time {figures['time_ratio']}x the plain-text reader's"
    )
    if args.jsonl:
        args.jsonl.write_text("".join(json.dumps(asdict(page), ensure_ascii=False) + "\n" for page in scores))
    figures["cpu_s"] = round(time.process_time() - started, 1)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
