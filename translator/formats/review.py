"""Review files: a PO or translated JSON file opened as a translated thread, and written back in its format.

The review app reads and saves through here; each format's own module owns its rules (`formats.po`,
`formats.json`), so a file reads the same in the app as in `apply` or `memory import`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from translator.errors import InputError
from translator.models import Thread, TranslatedThread

FileFormat = Literal["po", "json"]
KEPT_HEADER_FIELDS = ("POT-Creation-Date", "Project-Id-Version", "X-Source-Language", "X-Source-Format")
"""PO header fields a saved review keeps from the file as opened."""


@dataclass(frozen=True, slots=True)
class ReviewFile:
    """A review file as read: its translated thread and how to write it back."""

    path: Path
    """Where it lives."""
    format: FileFormat
    """`po` or `json`."""
    translated: TranslatedThread
    """The thread with one unit per entry."""
    header: dict[str, str]
    """PO header fields (empty for JSON)."""


def file_format(path: Path) -> FileFormat:
    """`json` for a .json file, else `po`."""
    return "json" if path.suffix.lower() == ".json" else "po"


def read_review_file(path: Path, source: Thread | None = None) -> ReviewFile:
    """A PO or translated JSON review file; InputError when it cannot be read, names a block twice, or
    holds nothing to review. The source thread, when given, supplies a PO file's posts and blocks."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", "check the path")
    if file_format(path) == "json":
        from translator.formats.json import read_translated_json

        review = ReviewFile(path, "json", read_translated_json(path), {})
    else:
        from translator.formats.po import read_po_review

        translated, header = read_po_review(path, source)
        review = ReviewFile(path, "po", translated, header)
    if not review.translated.units:
        raise InputError(f"{path} holds no entry to review", "give a PO or JSON file made by `translator translate`")
    return review


def render_review(review: ReviewFile, translated: TranslatedThread) -> str:
    """The text of the review file with the given units (a PO file keeps its creation date and source
    header fields)."""
    if review.format == "json":
        from translator.formats.json import render_json

        return render_json(translated)
    from translator.formats.po import render_po

    header = {key: review.header[key] for key in KEPT_HEADER_FIELDS if key in review.header}
    return render_po(translated, header={**header, "Last-Translator": "thread-translator review"})
