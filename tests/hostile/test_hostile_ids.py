"""Hostile block ids and texts (line breaks, quotes, PO keywords, XML markup, terminal escapes, NUL, bidi
overrides) through every file a review goes through: the PO, XLIFF 1.2/2.0 and JSON a translation writes,
`apply` rebuilding the thread from them, and `memory import` storing their approved entries. Each one gives
back exactly what was written: no id is cut, merged or renamed, no text changed, no status lost; except
that a PO file, which cannot hold a NUL, has U+FFFD in its place (as the thread a reader gives has)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli.memory import reviewed_json_entries
from tests.conftest import FIXED_NOW
from tests.formats.samples import as_po_holds_it
from translator.display import INVISIBLE
from translator.formats.document import render_html, render_markdown
from translator.formats.json import dump_threads, read_translated_json, render_json
from translator.formats.po import apply_review, check_made_from, read_po_review, render_po, reviewed_entries
from translator.formats.xliff import render_xliff
from translator.memory.keys import text_key
from translator.memory.store import MemoryEntry, TranslationMemory
from translator.models import UNIT_STATUSES, Block, Post, Thread, TranslatedThread, TranslationUnit, UnitStatus
from translator.readers import parse_threads

FRAGMENTS = [
    "\n",  # a line break: a PO keyword could start on the next line
    "\r\n",  # a Windows line break
    "\r",  # a carriage return (overwrites a terminal line)
    '"',  # ends a PO string or an XML attribute
    "\\",  # a PO escape
    '\\n"',  # an escape that looks already escaped
    '\nmsgid "forged"\nmsgstr "x"\n',  # a PO entry of its own
    "#, fuzzy",  # a PO flag line
    "msgctxt ",  # a PO keyword
    "<b>",  # markup
    "&amp;",  # an entity already written
    "]]>",  # ends an XML CDATA section
    "<!--",  # opens an XML comment
    "\x1b[31m",  # an ANSI colour escape
    "\x1b]0;title\x07",  # an xterm title escape
    "\x00",  # NUL
    "\x7f",  # DEL
    "\x85",  # next line (C1)
    "\u2028",  # line separator
    "\u202e",  # right-to-left override
    "::",  # a unit/segment separator for translate-toolkit
    "%s",  # a format directive
    "{0}",  # a brace placeholder
    " ",  # a space (ids are not stripped)
    "\t",  # a tab
    "é",  # a letter outside ASCII
    "😀",  # outside the Basic Multilingual Plane (a surrogate pair in JSON)
    "article.p1",  # an ordinary id
]
hostile_text = (
    st.lists(
        st.sampled_from(FRAGMENTS) | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=3),
        min_size=1,
        max_size=6,
    )
    .map("".join)
    .filter(bool)
)
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def hostile_translated(draw: st.DrawFn) -> TranslatedThread:
    """A French thread (an article, a comment) whose block ids, texts and translations are hostile; ids are
    unique, approved units translated (an empty approved PO entry reads back as a draft, by the PO rule)."""
    ids = draw(st.lists(hostile_text, min_size=1, max_size=5, unique=True))
    posts: list[Post] = []
    units = []
    for number, block_id in enumerate(ids):
        post_id = "article" if number == 0 else "c1"
        block = Block(block_id, "paragraph", draw(hostile_text), lang="fr")
        target = draw(hostile_text)
        status: UnitStatus = draw(st.sampled_from(UNIT_STATUSES)) if target else "draft"
        units.append(TranslationUnit(block, post_id, "fr", "en", target, "machine", status=status))
        if not posts or posts[-1].id != post_id:
            posts.append(Post(post_id, "article" if number == 0 else "comment", None, blocks=()))
        posts[-1] = replace(posts[-1], blocks=(*posts[-1].blocks, block))
    thread = Thread("", None, tuple(posts), "json", lang="fr")
    return TranslatedThread(thread, "en", tuple(units))


def review_state(translated: TranslatedThread) -> list[tuple[str, str, str, str]]:
    """What a review file must give back: per block, its id, source, translation and status."""
    return [(unit.block.id, unit.block.text, unit.target, unit.status) for unit in translated.units]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


RENDERERS: dict[str, Callable[[TranslatedThread], str]] = {
    "t.po": lambda translated: render_po(translated, now=FIXED_NOW),
    "t.xlf": lambda translated: render_xliff(translated, "xliff", now=FIXED_NOW),
    "t.xliff2.xlf": lambda translated: render_xliff(translated, "xliff2", now=FIXED_NOW),
}


@EXAMPLES
@given(translated=hostile_translated(), name=st.sampled_from(sorted(RENDERERS)))
def test_po_and_xliff_give_back_every_id_and_text(
    tmp_path_factory: pytest.TempPathFactory, translated: TranslatedThread, name: str
) -> None:
    path = write(tmp_path_factory.mktemp("review"), name, RENDERERS[name](translated))
    # A PO string holds no NUL: the PO file has U+FFFD in its place, as the thread a reader gives has.
    expected = as_po_holds_it(translated) if name == "t.po" else translated
    alone, _ = read_po_review(path)  # the file alone: the thread rebuilt from its comments
    assert review_state(alone) == review_state(expected)
    with_source, _ = read_po_review(path, expected.thread)
    assert review_state(with_source) == review_state(expected)
    # `apply`: the thread rebuilt as the review says, rendered as pages with no control character in them.
    applied = apply_review(path, expected.thread)
    assert review_state(applied) == review_state(expected)
    for page in (render_markdown(applied), render_html(applied)):
        assert not INVISIBLE.search(page.replace("\n", "").replace("\t", ""))


@EXAMPLES
@given(translated=hostile_translated())
def test_translated_json_gives_back_every_id_and_text(
    tmp_path_factory: pytest.TempPathFactory, translated: TranslatedThread
) -> None:
    path = write(tmp_path_factory.mktemp("json"), "t.json", render_json(translated))
    read = read_translated_json(path)
    assert read == translated
    # `apply` of a JSON file checks it was made from the thread, then renders it as it is.
    check_made_from(path, {unit.block.id: unit.block.text for unit in read.units}, translated.thread)


@EXAMPLES
@given(translated=hostile_translated())
def test_the_thread_json_reads_back_with_nul_shown_as_a_replacement(translated: TranslatedThread) -> None:
    # `inspect --json` writes the thread; read again, it is the same thread, except that NUL (which no
    # review file or terminal takes) comes back as U+FFFD, said in one warning.
    reading = parse_threads(dump_threads([translated.thread]))
    [thread] = reading.threads
    expected = [
        (b.id.replace("\x00", "\ufffd"), b.text.replace("\x00", "\ufffd")) for _, b in translated.thread.blocks()
    ]
    assert [(b.id, b.text) for _, b in thread.blocks()] == expected
    has_nul = any("\x00" in text for _, b in translated.thread.blocks() for text in (b.id, b.text))
    assert len(reading.warnings) == (1 if has_nul else 0)


@EXAMPLES
@given(translated=hostile_translated(), name=st.sampled_from([*sorted(RENDERERS), "t.json"]))
def test_memory_import_stores_every_approved_entry_as_written(
    tmp_path_factory: pytest.TempPathFactory, translated: TranslatedThread, name: str
) -> None:
    folder = tmp_path_factory.mktemp("memory")
    render = RENDERERS.get(name, render_json)
    path = write(folder, name, render(translated))
    rows = reviewed_json_entries(path) if name == "t.json" else reviewed_entries(path)
    expected = as_po_holds_it(translated) if name == "t.po" else translated
    approved = [
        ("fr", "en", unit.block.text, unit.target)
        for unit in expected.units
        if unit.status == "reviewed" and unit.target and unit.block.text
    ]
    assert sorted(rows) == sorted(approved)
    # A source of only whitespace has nothing to look up by: the memory keeps no entry for it.
    kept = [source for _, _, source, _ in rows if source.strip()]
    memory = TranslationMemory(folder / "tm.sqlite")
    try:
        stored = memory.store(MemoryEntry("fr", "en", source, target, "human") for _, _, source, target in rows)
        found = memory.lookup(kept, "fr", "en", "", "")
    finally:
        memory.close()
    assert stored == len(kept)
    for source in kept:
        # One entry per source (by its key): the translation of one of the approved units with that source.
        assert found[source].target in {target for _, _, text, target in rows if text_key(text) == text_key(source)}
