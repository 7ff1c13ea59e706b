"""Review files: a PO, XLIFF or translated JSON file opened as a translated thread, and written back in its format.

The review app reads and saves through here; each format's own module owns its rules (`formats.po`,
`formats.xliff`, `formats.json`), so a file reads the same in the app as in `apply` or `memory import`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from translator.errors import InputError
from translator.models import Thread, TranslatedThread

FileFormat = Literal["po", "json", "xliff", "xliff2"]
KEPT_HEADER_FIELDS = ("POT-Creation-Date", "Project-Id-Version", "X-Source-Language", "X-Source-Format")
"""Header fields a saved review keeps from the file as opened (an XLIFF file carries the same fields)."""


@dataclass(frozen=True, slots=True)
class ReviewFile:
    """A review file as read: its translated thread and how to write it back."""

    path: Path
    """Where it lives."""
    format: FileFormat
    """`po`, `json`, `xliff` (1.2) or `xliff2` (2.0)."""
    translated: TranslatedThread
    """The thread with one unit per entry."""
    header: dict[str, str]
    """PO header fields, or those an XLIFF file carries (empty for JSON)."""


def file_format(path: Path) -> FileFormat:
    """`json` for a .json file, `xliff` for an XLIFF file (its version is read with it), else `po`."""
    from translator.formats.xliff import is_xliff

    return "json" if path.suffix.lower() == ".json" else "xliff" if is_xliff(path) else "po"


def read_review_file(path: Path, source: Thread | None = None) -> ReviewFile:
    """A PO, XLIFF or translated JSON review file; InputError when it cannot be read, names a block twice, or
    holds nothing to review. The source thread, when given, supplies a PO or XLIFF file's posts and blocks."""
    from translator.files import open_input_file

    with open_input_file(path):  # a missing path, a folder, a FIFO or a device: one line that says which
        pass
    found = file_format(path)
    if found == "json":
        from translator.formats.json import read_translated_json

        review = ReviewFile(path, "json", read_translated_json(path), {})
    else:
        from translator.formats.po import read_po_review
        from translator.formats.xliff import VERSION_FIELD

        # `formats.po` reads an XLIFF file as the entries it stands for (`formats.xliff.read_xliff`).
        try:
            translated, header = read_po_review(path, source)
        except InputError:
            thread = _thread_format(path) if found == "po" else None
            if thread is None:
                raise
            raise InputError(
                f"{path} is not a PO, XLIFF or translated JSON file: it reads as a thread in the {thread} format",
                NOT_REVIEW_FILE_HINT,
            ) from None
        if found == "xliff" and header.get(VERSION_FIELD, "").startswith("2"):
            found = "xliff2"
        review = ReviewFile(path, found, translated, header)
    if not review.translated.units:
        raise InputError(
            f"{path} holds no entry to review", "give a PO, XLIFF or JSON file made by `translator translate`"
        )
    return review


NOT_REVIEW_FILE_HINT = (
    "translate the thread first, e.g. `translator translate THREAD -o THREAD.po`, and give the file it writes"
)
SNIFFED_BYTES = 65536


def _thread_format(path: Path) -> str | None:
    """The thread format a file the PO reader refused reads as (`forum`, `text`, `html`...): the user gave the
    thread where its review file belongs; None when it starts as a PO file does (a damaged one: the PO
    reader's error, with its line, says more) or cannot be read."""
    from translator.readers import PO_FILE, sniff_format

    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFFED_BYTES).decode("utf-8", "replace")
    except OSError:
        return None
    if not head.strip() or PO_FILE.match(head):
        return None
    return sniff_format(head)


def render_review(review: ReviewFile, translated: TranslatedThread) -> str:
    """The text of the review file with the given units, in its format and XLIFF version (a PO or XLIFF file
    keeps its creation date and source header fields)."""
    if review.format == "json":
        from translator.formats.json import render_json

        return render_json(translated)
    header = {key: review.header[key] for key in KEPT_HEADER_FIELDS if key in review.header}
    header["Last-Translator"] = "thread-translator review"
    if review.format in ("xliff", "xliff2"):
        from translator.formats.xliff import render_xliff

        return render_xliff(translated, "xliff2" if review.format == "xliff2" else "xliff", header=header)
    from translator.formats.po import render_po

    return render_po(translated, header=header)


def thread_made_from(path: Path, threads: Sequence[Thread], source_name: str) -> Thread:
    """The thread of a source file that a review file was made from: in a file of several (a feed, an
    export: `translate` wrote a review file per thread), the one most of its entries match by block id and
    source text; InputError when none does (block ids such as `article.p1` repeat across threads)."""
    if len(threads) == 1:
        return threads[0]
    sources = {unit.block.id: unit.block.text for unit in read_review_file(path).translated.units}

    def matching(thread: Thread) -> int:
        texts = {block.id: block.text for _, block in thread.blocks()}
        return sum(1 for block_id, text in sources.items() if texts.get(block_id) == text)

    scores = [matching(thread) for thread in threads]
    best = max(range(len(threads)), key=scores.__getitem__)
    if not sources or scores[best] * 2 < len(sources):
        raise InputError(
            f"{path} was made from none of the {len(threads)} threads of {source_name}",
            "give the thread file the review file was made from",
        )
    return threads[best]
