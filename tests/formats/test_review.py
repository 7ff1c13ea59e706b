"""Review files: a PO, XLIFF or JSON file opened as a translated thread, refused when a review could go wrong, and
written back in its own format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DEMO, FIXED_NOW
from tests.formats.samples import twin_blocks
from translator.errors import InputError
from translator.formats.json import render_json
from translator.formats.po import comment_lines, render_po
from translator.formats.po_syntax import parse_po
from translator.formats.review import read_review_file, render_review
from translator.formats.xliff import VERSION_FIELD, XliffFormat, read_xliff, render_xliff
from translator.models import TranslatedThread
from translator.readers import read_thread


def test_po_without_source_rebuilds_the_thread(demo_po: Path, demo_translated: TranslatedThread) -> None:
    rebuilt = read_review_file(demo_po).translated
    assert rebuilt.units == demo_translated.units
    assert [p.id for p in rebuilt.thread.posts] == [p.id for p in demo_translated.thread.posts]
    authors = {p.id: p.author for p in demo_translated.thread.posts}
    assert {p.id: p.author for p in rebuilt.thread.posts} == authors


def test_po_with_source_uses_the_thread(demo_po: Path) -> None:
    thread = read_thread(DEMO).thread
    review = read_review_file(demo_po, thread)
    assert review.translated.thread is thread


def test_json_review_file(demo_json: Path, demo_translated: TranslatedThread) -> None:
    assert read_review_file(demo_json).translated == demo_translated


def test_wrapped_comment_lines_are_joined() -> None:
    # Tools that wrap comments cut a long line; a line without a known prefix continues the one before.
    assert comment_lines("qa no-model: no model for de->en (install\none)\nterms: a -> b") == [
        "qa no-model: no model for de->en (install one)",
        "terms: a -> b",
    ]


# (file name, its text, the error)
REFUSED = [
    # A PO file with no entry.
    ("empty.po", 'msgid ""\nmsgstr ""\n"Language: en\\n"\n', "holds no entry"),
    # A JSON thread with no block.
    ("empty.json", json.dumps({"posts": []}), "holds no entry to review"),
    # Two PO entries for one block.
    ("twins.po", render_po(twin_blocks(), now=FIXED_NOW), "block id 'c1.p1' is on two entries"),
    # Two JSON blocks with one id.
    ("twins.json", render_json(twin_blocks()), "the block id 'c1.p1' is used twice"),
    # A malformed PO file.
    ("bad.po", 'msgid "a\nmsgstr "b"\n', "bad.po:1: the string has no closing"),
]


@pytest.mark.parametrize(("name", "text", "error"), REFUSED, ids=[case[0] for case in REFUSED])
def test_files_a_review_would_get_wrong_are_refused(tmp_path: Path, name: str, text: str, error: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=error):
        read_review_file(path)


def test_a_saved_po_keeps_its_creation_date_and_source_fields(demo_po: Path) -> None:
    review = read_review_file(demo_po)
    saved = parse_po(render_review(review, review.translated), "saved")
    assert saved.header["POT-Creation-Date"] == "2025-01-01 00:00+0000"
    assert saved.header["X-Source-Format"] == review.header["X-Source-Format"]
    assert saved.header["Last-Translator"] == "thread-translator review"
    assert saved.entries == parse_po(demo_po.read_text(encoding="utf-8"), "opened").entries


@pytest.mark.parametrize(("version", "name"), [("xliff", "demo.xlf"), ("xliff2", "demo.xliff2.xlf")])
def test_an_xliff_review_is_saved_in_its_own_version(
    tmp_path: Path, demo_translated: TranslatedThread, version: XliffFormat, name: str
) -> None:
    path = tmp_path / name
    path.write_text(render_xliff(demo_translated, version, now=FIXED_NOW), encoding="utf-8")
    review = read_review_file(path)
    assert (review.format, review.translated.units) == (version, demo_translated.units)
    saved = tmp_path / f"saved.{name}"
    saved.write_text(render_review(review, review.translated), encoding="utf-8")
    again = read_xliff(saved)
    assert again.header[VERSION_FIELD] == ("1.2" if version == "xliff" else "2.0")
    assert again.header["POT-Creation-Date"] == "2025-01-01 00:00+0000"  # the creation date is kept
    assert again.header["Last-Translator"] == "thread-translator review"
    assert again.entries == read_xliff(path).entries
