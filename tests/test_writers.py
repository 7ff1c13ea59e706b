"""Output formats are contracts: PO, JSON, Markdown and HTML of the demo thread against golden files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import DEMO
from tests.fakes import FakeEngine
from tests.golden_files import assert_golden
from translator.formats.document import render_html, render_markdown
from translator.formats.json import render_json
from translator.formats.po import ReviewEntry, render_po
from translator.glossary import GlossaryStore
from translator.models import TranslatedThread
from translator.pipeline import PipelineOptions, translate_thread
from translator.readers import read_thread
from translator.readers.text import read_text

FIXED_TIME = datetime(2025, 1, 1, tzinfo=UTC)
VOLATILE_HEADERS = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


@pytest.fixture(scope="module")
def demo_translation() -> TranslatedThread:
    thread = read_thread(DEMO).thread
    return translate_thread(thread, PipelineOptions(target="en"), FakeEngine(), GlossaryStore().get)


def mask(text: str) -> str:
    return VOLATILE_HEADERS.sub(lambda m: f'"{m.group(1)}: (masked)\\n"', text)


def test_po_golden(demo_translation: TranslatedThread) -> None:
    assert_golden("demo-thread.en.po", mask(render_po(demo_translation)))


def test_po_dates_are_masked_in_the_golden(demo_translation: TranslatedThread) -> None:
    assert "2025-01-01 00:00+0000" in render_po(demo_translation, now=FIXED_TIME)


def test_json_golden(demo_translation: TranslatedThread) -> None:
    assert_golden("demo-thread.en.json", render_json(demo_translation))


@pytest.mark.parametrize("side_by_side", [False, True])
def test_markdown_golden(demo_translation: TranslatedThread, side_by_side: bool) -> None:
    name = "demo-thread.en.side-by-side.md" if side_by_side else "demo-thread.en.md"
    assert_golden(name, render_markdown(demo_translation, side_by_side))


@pytest.mark.parametrize("side_by_side", [False, True])
def test_html_golden(demo_translation: TranslatedThread, side_by_side: bool) -> None:
    name = "demo-thread.en.side-by-side.html" if side_by_side else "demo-thread.en.html"
    assert_golden(name, render_html(demo_translation, side_by_side))


def test_po_passes_msgfmt_check(demo_translation: TranslatedThread, tmp_path: Path) -> None:
    assert shutil.which("msgfmt"), "msgfmt (gettext) is needed: .ci/run installs it"
    path = tmp_path / "demo.po"
    path.write_text(render_po(demo_translation), encoding="utf-8")
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_po_entries_map_back_to_blocks(demo_translation: TranslatedThread) -> None:
    import polib

    po = polib.pofile(render_po(demo_translation))
    assert [entry.msgctxt for entry in po] == [unit.block.id for unit in demo_translation.units]
    flags = {entry.msgctxt: entry.flags for entry in po}
    assert flags["article.p1"] == ["fuzzy"]  # machine output is a draft
    assert flags["c2.p1"] == []  # copied English text needs no review
    assert po.metadata["Language"] == "en"
    entry = next(entry for entry in po if entry.msgctxt == "c2.q1")
    assert "quoting Marc Lefort, extent matched" in entry.comment
    assert "language fr" in entry.comment


def test_json_adds_a_translation_per_block(demo_translation: TranslatedThread) -> None:
    document = json.loads(render_json(demo_translation))
    block = document["posts"][0]["blocks"][2]
    assert set(block["translation"]) >= {"text", "origin", "status", "qa", "terms"}
    assert block["translation"]["origin"] == "machine"
    assert document["target_lang"] == "en"


HOSTILE = "Texte [bold]gras[/bold] <script>alert(1)</script> \x1b[31m *emph* # titre\n\n> citation"


def test_markup_in_thread_text_stays_text() -> None:
    translated = translate_thread(read_text(HOSTILE), PipelineOptions(target="en", source="fr"), FakeEngine())
    page = render_html(translated)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\x1b" not in page and "\\x1b" in page
    markdown = render_markdown(translated)
    assert "\\<script\\>" in markdown and "\\*emph\\*" in markdown and "\x1b" not in markdown
    import polib

    # A PO file is data, not a display: it keeps the text exactly, so a reviewed file maps back.
    entry = polib.pofile(render_po(translated))[0]
    assert entry.msgid == translated.units[0].block.text


entry_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@given(
    msgctxt=st.none() | entry_text,
    msgid=entry_text,
    msgstr=entry_text,
    comment=entry_text,
    fuzzy=st.booleans(),
    previous=st.none() | entry_text,
    wrapwidth=st.sampled_from([0, 0, 0, 78]),
)
def test_review_entries_render_as_polib_does(
    msgctxt: str | None, msgid: str, msgstr: str, comment: str, fuzzy: bool, previous: str | None, wrapwidth: int
) -> None:
    fields = {"msgctxt": msgctxt, "msgid": msgid, "msgstr": msgstr, "comment": comment, "previous_msgid": previous}
    ours, theirs = ReviewEntry(**fields), polib.POEntry(**fields)
    if fuzzy:
        ours.flags.append("fuzzy")
        theirs.flags.append("fuzzy")
    assert ours.__unicode__(wrapwidth) == theirs.__unicode__(wrapwidth)


def test_review_entries_read_back_through_polib(demo_translation: TranslatedThread) -> None:
    units = list(demo_translation.units)
    units[0] = replace(units[0], target='Line "one"\nline\ttwo\\ \x0bend\r\n')
    parsed = polib.pofile(render_po(replace(demo_translation, units=tuple(units))))
    assert parsed[0].msgstr == units[0].target
    assert [entry.msgid for entry in parsed] == [unit.block.text for unit in units]
