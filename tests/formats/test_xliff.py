"""XLIFF review files: the golden output, files valid against the OASIS 1.2 and 2.0 schemas, exact read-back,
the PO approval rule read from XLIFF states, a CAT tool's edits applied without loss, and bad files refused
by every reader."""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tests.conftest import FIXED_NOW
from tests.formats import cat_tool
from tests.formats.samples import one_reviewed_block, twin_blocks
from tests.formats.test_po import FIELD_CASES, hostile_thread
from tests.golden_files import assert_golden
from tests.special_files import fifo
from tests.strategies import any_text, any_translated, approved_only_when_translated
from translator.errors import InputError
from translator.formats.po import GENERATOR, apply_review, is_approved, read_po_review, render_po, reviewed_entries
from translator.formats.review import read_review_file, render_review
from translator.formats.xliff import (
    XLIFF_1,
    XLIFF_2,
    XliffFormat,
    block_id_of,
    is_xliff,
    read_xliff,
    render_xliff,
    xliff_id,
)
from translator.models import Block, Post, Thread, TranslatedThread, TranslationUnit, UnitOrigin, UnitStatus

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "xliff"
VERSIONS: tuple[XliffFormat, ...] = ("xliff", "xliff2")
ENDINGS = {"xliff": "xlf", "xliff2": "xliff2.xlf"}
VOLATILE = re.compile(r"(POT-Creation-Date|PO-Revision-Date): [^<]*")


def mask(text: str) -> str:
    return VOLATILE.sub(lambda found: f"{found.group(1)}: (masked)", text)


class OfflineSchemas(etree.Resolver):  # type: ignore[misc]  # lxml has no type information: Resolver is Any
    """The W3C xml.xsd that the 1.2 schema imports by its URL, from the shipped copy: no network."""

    def resolve(self, url: str, public_id: str, context: object) -> Any:
        if url.endswith("/xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "informativeCopiesOf3rdPartySchemas/w3c/xml.xsd"), context)
        return None


@functools.cache
def schema(version: XliffFormat) -> Any:
    """The OASIS schema of a version; for 2.0 with its glossary module, so glossary entries are checked too."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(OfflineSchemas())
    if version == "xliff":
        return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd"), parser))
    both = (
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="{XLIFF_2}" schemaLocation="xliff_core_2.0.xsd"/>'
        '<xs:import namespace="urn:oasis:names:tc:xliff:glossary:2.0" schemaLocation="modules/glossary.xsd"/>'
        "</xs:schema>"
    )
    return etree.XMLSchema(etree.fromstring(both, parser, base_url=f"{SCHEMAS}/"))


def assert_valid(text: str, version: XliffFormat) -> None:
    checker = schema(version)
    assert checker.validate(etree.fromstring(text.encode("utf-8"))), checker.error_log


def write(folder: Path, translated: TranslatedThread, version: XliffFormat, name: str = "t") -> Path:
    path = folder / f"{name}.{ENDINGS[version]}"
    path.write_text(render_xliff(translated, version, now=FIXED_NOW), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ writing


@pytest.mark.parametrize("version", VERSIONS)
def test_xliff_golden(demo_translated: TranslatedThread, version: XliffFormat) -> None:
    assert_golden(f"demo-thread.en.{ENDINGS[version]}", mask(render_xliff(demo_translated, version)))


def test_the_dates_are_masked_in_the_golden(demo_translated: TranslatedThread) -> None:
    assert "POT-Creation-Date: 2025-01-01 00:00+0000" in render_xliff(demo_translated, "xliff", now=FIXED_NOW)


@pytest.mark.parametrize("version", VERSIONS)
def test_the_demo_is_valid_xliff(demo_translated: TranslatedThread, version: XliffFormat) -> None:
    assert_valid(render_xliff(demo_translated, version), version)


# (version, what is broken, a change that breaks a valid file): each must fail validation, or the schemas
# would not be checking what the other tests rely on.
BROKEN = [
    ("xliff", "a trans-unit without id", lambda root: root.find(f".//{{{XLIFF_1}}}trans-unit").attrib.pop("id")),
    ("xliff", "an unknown state", lambda root: root.find(f".//{{{XLIFF_1}}}target").set("state", "approved")),
    ("xliff2", "an unknown state", lambda root: root.find(f".//{{{XLIFF_2}}}segment").set("state", "approved")),
    ("xliff2", "a unit id that is no NMTOKEN", lambda root: root.find(f".//{{{XLIFF_2}}}unit").set("id", "a b")),
    (
        "xliff2",
        "a glossary entry without its term (the glossary module is checked)",
        lambda root: next(root.iter("{urn:oasis:names:tc:xliff:glossary:2.0}glossEntry")).clear(),
    ),
]


@pytest.mark.parametrize(("version", "what", "change"), BROKEN, ids=[f"{case[0]}: {case[1]}" for case in BROKEN])
def test_the_schemas_refuse_broken_files(
    demo_translated: TranslatedThread, version: XliffFormat, what: str, change: Any
) -> None:
    root = etree.fromstring(render_xliff(demo_translated, version).encode("utf-8"))
    change(root)
    assert not schema(version).validate(root), what


# (status, target, origin, 1.2 target state, 1.2 approved, 1.2 state-qualifier, 2.0 segment state)
STATE_CASES = [
    ("draft", "Hi", "machine", "needs-review-translation", None, "leveraged-mt", "initial"),  # a machine draft
    ("draft", "Hi", "memory", "needs-review-translation", None, "leveraged-tm", "initial"),  # from the memory
    ("draft", "Hi", "copied", "needs-review-translation", None, None, "initial"),  # copied: a draft too
    ("draft", "", "machine", "needs-translation", None, None, "initial"),  # nothing to review yet
    ("reviewed", "Hi", "human", "final", "yes", None, "final"),  # approved by a person
    ("reviewed", "Hi", "machine", "final", "yes", "leveraged-mt", "final"),  # machine text approved as is
]


@pytest.mark.parametrize(("status", "target", "origin", "state", "approved", "qualifier", "state2"), STATE_CASES)
def test_states_say_the_status(
    status: UnitStatus,
    target: str,
    origin: UnitOrigin,
    state: str,
    approved: str | None,
    qualifier: str | None,
    state2: str,
) -> None:
    block = Block("article.p1", "paragraph", "Bonjour.", lang="fr")
    unit = TranslationUnit(block, "article", "fr", "en", target, origin, status=status)
    thread = Thread("", None, (Post("article", "article", None, blocks=(block,)),), "text", lang="fr")
    translated = TranslatedThread(thread, "en", (unit,))
    one = etree.fromstring(render_xliff(translated, "xliff").encode("utf-8"))
    trans_unit, target_element = one.find(f".//{{{XLIFF_1}}}trans-unit"), one.find(f".//{{{XLIFF_1}}}target")
    assert (target_element.get("state"), trans_unit.get("approved")) == (state, approved)
    assert target_element.get("state-qualifier") == qualifier
    two = etree.fromstring(render_xliff(translated, "xliff2").encode("utf-8"))
    assert two.find(f".//{{{XLIFF_2}}}segment").get("state") == state2


@pytest.mark.parametrize("version", VERSIONS)
def test_units_name_their_blocks_and_languages(demo_translated: TranslatedThread, version: XliffFormat) -> None:
    tree = etree.fromstring(render_xliff(demo_translated, version).encode("utf-8"))
    ns = cat_tool.namespace(version)
    tag = "trans-unit" if version == "xliff" else "unit"
    assert [unit.get("id") for unit in tree.iter(f"{{{ns}}}{tag}")] == [u.block.id for u in demo_translated.units]
    languages = tree.find(f"{{{ns}}}file") if version == "xliff" else tree
    names = ("source-language", "target-language") if version == "xliff" else ("srcLang", "trgLang")
    assert [languages.get(name) for name in names] == ["fr", "en"]
    notes = [note.text for note in tree.iter(f"{{{ns}}}note") if GENERATOR in note.attrib.values()]
    assert "post c2 · orbit.watcher · 2025-03-12 11:02" in notes
    assert "language fr 1.00, detected -> en; origin machine" in notes


def test_glossary_terms_are_glossary_entries_in_2_0(demo_translated: TranslatedThread) -> None:
    tree = etree.fromstring(render_xliff(demo_translated, "xliff2").encode("utf-8"))
    glossary = "urn:oasis:names:tc:xliff:glossary:2.0"
    unit = next(u for u in tree.iter(f"{{{XLIFF_2}}}unit") if u.get("id") == "article.p7")
    entries = [(e.findtext(f"{{{glossary}}}term"), e.findtext(f"{{{glossary}}}translation")) for e in unit.iter()]
    assert [entry for entry in entries if entry[0]] == [("SpaceX", "SpaceX"), ("fusées Falcon 9", "Falcon 9 rockets")]


def test_glossary_terms_are_the_file_glossary_in_1_2(demo_translated: TranslatedThread) -> None:
    # 1.2 has no per-unit glossary: the header's <glossary> lists every term used, tab-separated.
    tree = etree.fromstring(render_xliff(demo_translated, "xliff").encode("utf-8"))
    listing = tree.find(f".//{{{XLIFF_1}}}header/{{{XLIFF_1}}}glossary/{{{XLIFF_1}}}internal-file")
    assert listing.get("form") == "text/tab-separated-values"
    assert listing.text.splitlines() == ["Ariane 6\tAriane 6", "SpaceX\tSpaceX", "fusées Falcon 9\tFalcon 9 rockets"]


# ------------------------------------------------------------------------------------------- read-back


@settings(max_examples=40, deadline=None)
@given(x=any_translated().map(approved_only_when_translated), version=st.sampled_from(VERSIONS))
def test_read_of_write_is_identity_with_the_source(
    tmp_path_factory: pytest.TempPathFactory, x: TranslatedThread, version: XliffFormat
) -> None:
    path = write(tmp_path_factory.mktemp("xliff"), x, version)
    if not x.units:
        with pytest.raises(InputError, match="holds no translation unit"):
            read_po_review(path, x.thread)
        return
    assert_valid(path.read_text(encoding="utf-8"), version)
    assert read_po_review(path, x.thread)[0] == x


@settings(max_examples=40, deadline=None)
@given(x=any_translated().map(approved_only_when_translated), version=st.sampled_from(VERSIONS))
def test_without_the_source_units_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, x: TranslatedThread, version: XliffFormat
) -> None:
    # The XLIFF file alone gives back every unit, as a PO file does: the notes are the PO comment's lines.
    if not x.units:
        return
    folder = tmp_path_factory.mktemp("xliff")
    first = write(folder, x, version)
    translated, header = read_po_review(first)
    assert translated.units == x.units
    assert (translated.models, translated.glossaries) == (x.models, x.glossaries)
    assert header["X-Source-Format"] == x.thread.source_format
    again = write(folder, translated, version, "again")  # writing what was read gives the same units again
    assert read_xliff(again).entries == read_xliff(first).entries


@pytest.mark.parametrize("version", VERSIONS)
def test_the_demo_reads_back_exactly(tmp_path: Path, demo_translated: TranslatedThread, version: XliffFormat) -> None:
    path = write(tmp_path, demo_translated, version)
    assert read_po_review(path, demo_translated.thread)[0] == demo_translated
    rebuilt = read_po_review(path)[0]
    assert rebuilt.units == demo_translated.units
    assert [(p.id, p.author, p.date) for p in rebuilt.thread.posts] == [
        (p.id, p.author, p.date) for p in demo_translated.thread.posts
    ]


@pytest.mark.parametrize(("what", "value"), FIELD_CASES, ids=[case[0] for case in FIELD_CASES])
@pytest.mark.parametrize("version", VERSIONS)
def test_no_field_forges_xliff_structure(tmp_path: Path, version: XliffFormat, what: str, value: str) -> None:
    x = hostile_thread(value)
    path = write(tmp_path, x, version)
    assert_valid(path.read_text(encoding="utf-8"), version)
    (entry,) = read_xliff(path).entries  # one block, one unit: nothing added
    assert entry.flags == ("fuzzy",), what
    assert len(entry.comment.split("\n")) == 6, what  # post, block, language, terms, qa, previous
    assert read_po_review(path, x.thread)[0] == x, what


# (a text, what it holds): each is written as XML can hold it and read back exactly.
TEXT_CASES = [
    ("\x1b[31mred\x1b[0m", "ANSI escapes: inline codes"),
    ("a\r\nb\rc", "carriage returns, which XML parsers turn into line feeds unless escaped"),
    ("  padded  ", "spaces at both ends"),
    ("<b>not markup</b> &amp; ]]>", "markup-looking text"),
    ("\x00\x08\x0b\x0c\ufffe\uffff", "characters XML cannot hold at all"),
    ("", "the empty text"),
]


@pytest.mark.parametrize(("text", "what"), TEXT_CASES, ids=[case[1] for case in TEXT_CASES])
@pytest.mark.parametrize("version", VERSIONS)
def test_text_is_data(tmp_path: Path, version: XliffFormat, text: str, what: str) -> None:
    block = Block("article.p1", "paragraph", text, lang="fr")
    thread = Thread("", None, (Post("article", "article", None, blocks=(block,)),), "text", lang="fr")
    x = TranslatedThread(thread, "en", (TranslationUnit(block, "article", "fr", "en", text, "machine"),))
    path = write(tmp_path, x, version)
    assert_valid(path.read_text(encoding="utf-8"), version)
    (entry,) = read_xliff(path).entries
    assert (entry.msgid, entry.msgstr) == (text, text), what


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_block_ids_survive_as_unit_ids(block_id: str) -> None:
    unit_id = xliff_id(block_id)
    assert re.fullmatch(r"[A-Za-z0-9._:-]+", unit_id)  # an NMTOKEN, as 2.0 requires
    assert "::" not in unit_id  # translate-toolkit reads `a::b` as unit a, segment b
    assert block_id_of(unit_id) == block_id


def test_readable_block_ids_are_written_as_they_are() -> None:
    assert [xliff_id(name) for name in ("article.p3", "c4.q1", "t1_abc-2")] == ["article.p3", "c4.q1", "t1_abc-2"]


# ------------------------------------------------------------------------------------------ approval rule

# (version, what a tool leaves, the target, approved?): XLIFF's word for "a person finished it" stands for
# PO's "not fuzzy", and the one rule (`is_approved`) decides.
APPROVAL_CASES: list[tuple[XliffFormat, dict[str, str], str, bool]] = [
    ("xliff", {"state": "final"}, "Hi", True),  # moved to final
    ("xliff", {"state": "signed-off"}, "Hi", True),  # signed off by a reviewer
    ("xliff", {"approved": "yes"}, "Hi", True),  # approved, state left as it was
    ("xliff", {"state": "final", "approved": "no"}, "Hi", False),  # final but explicitly not approved
    ("xliff", {"state": "translated"}, "Hi", False),  # translated, not yet reviewed
    ("xliff", {"state": "needs-review-translation"}, "Hi", False),  # as we wrote it
    ("xliff", {"state": "final"}, "", False),  # final but empty: nothing was approved
    ("xliff2", {"state": "final"}, "Hi", True),  # moved to final
    ("xliff2", {"state": "reviewed"}, "Hi", False),  # reviewed, not final
    ("xliff2", {"state": "translated"}, "Hi", False),  # translated, not yet reviewed
    ("xliff2", {"state": "initial"}, "Hi", False),  # as we wrote it
    ("xliff2", {"state": "final"}, "", False),  # final but empty
]


@pytest.mark.parametrize(("version", "marks", "target", "approved"), APPROVAL_CASES)
def test_the_approval_rule_reads_xliff_states(
    tmp_path: Path, version: XliffFormat, marks: dict[str, str], target: str, approved: bool
) -> None:
    block = Block("article.p1", "paragraph", "Bonjour.", lang="fr")
    thread = Thread("", None, (Post("article", "article", None, blocks=(block,)),), "text", lang="fr")
    unit = TranslationUnit(block, "article", "fr", "en", "", "machine")
    path = write(tmp_path, TranslatedThread(thread, "en", (unit,)), version)
    tree = cat_tool.load(path)
    element = cat_tool.units(tree, version)["article.p1"]
    cat_tool.set_target(element, target, version)
    for name, value in marks.items():
        if name == "state":
            cat_tool.set_state(element, value, version)
        else:
            element.set(name, value)  # approved="yes" on the 1.2 trans-unit
    cat_tool.save(tree, path)
    (entry,) = read_xliff(path).entries
    assert is_approved(entry) is approved
    assert read_po_review(path)[0].units[0].status == ("reviewed" if approved else "draft")
    assert bool(reviewed_entries(path)) is approved


@pytest.mark.parametrize(("states", "approved"), [(("final", "final"), True), (("final", "initial"), False)])
def test_a_unit_split_into_sentences_is_approved_when_every_sentence_is(
    tmp_path: Path, demo_translated: TranslatedThread, states: tuple[str, str], approved: bool
) -> None:
    path = write(tmp_path, demo_translated, "xliff2")
    tree = cat_tool.load(path)
    unit = cat_tool.units(tree, "xliff2")["c1.p1"]  # "Le lancement a été un succès."
    cat_tool.split_in_two(unit, source_at=12, target_at=16)
    for segment, state in zip(unit.iter(f"{{{XLIFF_2}}}segment"), states, strict=True):
        segment.set("state", state)
    cat_tool.save(tree, path)
    entry = next(entry for entry in read_xliff(path).entries if entry.msgctxt == "c1.p1")
    original = next(unit for unit in demo_translated.units if unit.block.id == "c1.p1")
    assert (entry.msgid, entry.msgstr) == (original.block.text, original.target)  # joined back, space included
    assert is_approved(entry) is approved


# --------------------------------------------------------------------------------------- a CAT tool's edits


@pytest.mark.parametrize("version", VERSIONS)
def test_a_file_edited_in_a_cat_tool_comes_back_without_loss(
    tmp_path: Path, demo_translated: TranslatedThread, version: XliffFormat
) -> None:
    path = write(tmp_path, demo_translated, version)
    tree = cat_tool.load(path)
    units = cat_tool.units(tree, version)
    cat_tool.set_target(units["article.p3"], "The head of the space agency hailed a major success.", version)
    cat_tool.set_state(units["article.p3"], "final", version)  # edited and approved
    cat_tool.set_state(units["article.p5"], "final", version)  # the machine text approved as it is
    cat_tool.set_target(units["c5.p2"], "The minister confirmed the date yesterday.", version)  # edited, not approved
    cat_tool.add_note(units["c6.p2"], "qa numbers: looks right to me", version)  # a note shaped like ours
    cat_tool.add_note(units["article.p3"], "Hailed, not welcomed.", version)
    cat_tool.reindent(tree.getroot())
    cat_tool.save(tree, path)
    assert_valid(path.read_text(encoding="utf-8"), version)

    before = {unit.block.id: unit for unit in demo_translated.units}
    for translated in (read_po_review(path)[0], apply_review(path, demo_translated.thread)):
        after = {unit.block.id: unit for unit in translated.units}
        assert after["article.p3"] == replace(
            before["article.p3"],
            target="The head of the space agency hailed a major success.",
            status="reviewed",
            note="Hailed, not welcomed.",
        )
        assert after["article.p5"] == replace(before["article.p5"], status="reviewed")
        assert after["c5.p2"] == replace(before["c5.p2"], target="The minister confirmed the date yesterday.")
        # a reviewer's note is kept as theirs, and is not read as one of ours: no QA issue appears
        assert after["c6.p2"] == replace(before["c6.p2"], note="qa numbers: looks right to me")
        changed = {"article.p3", "article.p5", "c5.p2", "c6.p2"}
        assert {k: v for k, v in after.items() if k not in changed} == {
            k: v for k, v in before.items() if k not in changed
        }
    imported = reviewed_entries(path)
    assert sorted(source for _, _, source, _ in imported) == [
        before["article.p3"].block.text,
        before["article.p5"].block.text,
    ]
    assert read_xliff(path).header["X-Models"] == "de-en: fake-1:de-en; fr-en: fake-1:fr-en"  # file notes padded too
    # saved again by the review app, the file still holds the reviewer's notes, as notes that are not ours
    review = read_review_file(path, demo_translated.thread)
    path.write_text(render_review(review, review.translated), encoding="utf-8")
    assert_valid(path.read_text(encoding="utf-8"), version)
    notes = {unit.block.id: unit.note for unit in read_po_review(path)[0].units if unit.note}
    assert notes == {"article.p3": "Hailed, not welcomed.", "c6.p2": "qa numbers: looks right to me"}


@pytest.mark.parametrize("version", VERSIONS)
def test_review_apply_and_memory_import_agree(tmp_path: Path, version: XliffFormat) -> None:
    post_blocks = [Block(f"article.p{n}", "paragraph", f"Phrase {n}.", lang="fr") for n in range(1, 5)]
    thread = Thread("", None, (Post("article", "article", "A", blocks=tuple(post_blocks)),), "text", lang="fr")
    p1, p2, p3, p4 = post_blocks
    units = (
        TranslationUnit(p1, "article", "fr", "en", "Sentence 1.", "machine"),  # machine draft
        TranslationUnit(p2, "article", "fr", "en", "Sentence 2.", "machine", status="reviewed"),  # approved as is
        TranslationUnit(p3, "article", "fr", "en", "Mine.", "human", status="reviewed", previous="Sentence 3."),
        TranslationUnit(p4, "article", "fr", "en", "", "machine", status="reviewed"),  # approved but empty
    )
    path = write(tmp_path, TranslatedThread(thread, "en", units), version)
    review = {unit.block.id: unit.status for unit in read_po_review(path)[0].units}
    applied = {unit.block.id: unit.status for unit in apply_review(path, thread).units}
    imported = {source for _, _, source, _ in reviewed_entries(path)}
    assert (
        review
        == applied
        == {
            "article.p1": "draft",
            "article.p2": "reviewed",
            "article.p3": "reviewed",
            "article.p4": "draft",
        }
    )
    assert imported == {"Phrase 2.", "Phrase 3."}


# ------------------------------------------------------------------------------------------------ bad files


def xliff_text(body: str, version: XliffFormat = "xliff") -> str:
    if version == "xliff":
        return (
            f'<xliff version="1.2" xmlns="{XLIFF_1}"><file original="t" source-language="fr" target-language="en" '
            f'datatype="plaintext"><body>{body}</body></file></xliff>'
        )
    return f'<xliff version="2.0" xmlns="{XLIFF_2}" srcLang="fr" trgLang="en"><file id="f1">{body}</file></xliff>'


UNIT_1 = '<trans-unit id="a.p1"><source>x</source><target state="final">y</target></trans-unit>'
UNIT_2 = '<unit id="a.p1"><segment state="final"><source>x</source><target>y</target></segment></unit>'

# (the file's name, its text, the error)
BAD_FILES = [
    (
        "broken.xlf",
        xliff_text("<trans-unit id='a.p1'><source>x</target></trans-unit>"),
        "broken.xlf:1: not well-formed XML",
    ),
    ("cut.xlf", xliff_text(UNIT_1)[:-20], "cut.xlf:1: not well-formed XML"),
    ("empty.xlf", xliff_text(""), "holds no translation unit"),
    ("empty2.xlf", xliff_text("", "xliff2"), "holds no translation unit"),
    ("twins.xlf", xliff_text(UNIT_1 + "\n" + UNIT_1), "twins.xlf:2: block id 'a.p1' is on two units (also at line 1)"),
    ("twins2.xlf", xliff_text(UNIT_2 + "\n" + UNIT_2, "xliff2"), "block id 'a.p1' is on two units"),
    ("html.xlf", "<html><body/></html>", "is not an XLIFF file (its root element is <html>)"),
    ("nolang.xlf", xliff_text(UNIT_1).replace(' target-language="en"', ""), "names no target language"),
    ("noid.xlf", xliff_text(UNIT_1.replace(' id="a.p1"', "")), "noid.xlf:1: a unit has no id"),
    ("nosource.xlf", xliff_text(UNIT_2.replace("<source>x</source>", ""), "xliff2"), "has no segment with a <source>"),
    # An external entity is never loaded: the file is refused as it stands.
    (
        "entity.xlf",
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>' + xliff_text(UNIT_1.replace(">y<", ">&e;<")),
        "entity.xlf:1: not well-formed XML: Entity 'e' not defined",
    ),
]


@pytest.mark.parametrize(("name", "text", "error"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_every_reader_refuses_a_bad_xliff_file(tmp_path: Path, name: str, text: str, error: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    thread = Thread("", None, (Post("a", "article", None, blocks=(Block("a.p1", "paragraph", "x"),)),), "text")
    for read in (lambda: read_po_review(path), lambda: apply_review(path, thread), lambda: reviewed_entries(path)):
        with pytest.raises(InputError, match=re.escape(error)):
            read()


BOMB = (
    '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {name} "{("&" + before + ";") * 16}">' for before, name in zip("abcdef", "bcdefg", strict=True)
    )
    + "]>"
)


def test_an_entity_bomb_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlf"
    path.write_text(BOMB + xliff_text(UNIT_1.replace(">y<", ">&g;<")), encoding="utf-8")
    with pytest.raises(InputError, match=r"bomb\.xlf:1: not well-formed XML"):
        read_xliff(path)


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a named pipe"):
        read_po_review(fifo(tmp_path / "pipe.xlf"))


def test_internal_entities_are_text(tmp_path: Path) -> None:
    path = tmp_path / "nbsp.xlf"
    doctype = '<!DOCTYPE xliff [<!ENTITY nbsp "&#160;">]>'
    path.write_text(doctype + xliff_text(UNIT_1.replace(">x<", ">x&nbsp;x<")), encoding="utf-8")
    assert read_xliff(path).entries[0].msgid == "x\xa0x"


def test_one_block_on_two_units_as_translate_writes_it_is_refused(tmp_path: Path) -> None:
    for version in VERSIONS:
        path = write(tmp_path, twin_blocks(), version)
        with pytest.raises(InputError, match=r"block id 'c1\.p1' is on two units"):
            read_po_review(path)


# (the file's name, its first bytes, XLIFF?)
SNIFF_CASES = [
    ("a.xlf", b"anything", True),  # the name says so
    ("a.XLIFF", b"", True),  # in any case
    ("a.po", b"<xliff/>", False),  # a .po file is PO whatever it holds (its reader says what is wrong)
    ("a.txt", b"\xef\xbb\xbf  \n<?xml version='1.0'?><xliff/>", True),  # XML after a BOM and blank lines
    ("a.txt", b'msgid ""\nmsgstr ""\n', False),  # PO text under another name
]


@pytest.mark.parametrize(("name", "data", "expected"), SNIFF_CASES)
def test_xliff_files_are_told_from_po_files(tmp_path: Path, name: str, data: bytes, expected: bool) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert is_xliff(path) is expected


def test_po_and_xliff_say_the_same(tmp_path: Path, demo_translated: TranslatedThread) -> None:
    # One thread, three files: every reader sees the same units in each.
    po = tmp_path / "t.po"
    po.write_text(render_po(demo_translated, now=FIXED_NOW), encoding="utf-8")
    files = [po, write(tmp_path, demo_translated, "xliff"), write(tmp_path, demo_translated, "xliff2")]
    read = [read_po_review(path) for path in files]
    assert read[0][0] == read[1][0] == read[2][0]
    kept = ("POT-Creation-Date", "Project-Id-Version", "X-Source-Language", "X-Source-Format", "Language")
    assert {key: read[0][1][key] for key in kept} == {key: read[1][1][key] for key in kept}


# (version, the attributes' edit, the (target, source) languages read; None: refused, naming the attribute)
XLIFF_LANGUAGES = [
    ("xliff", ('target-language="en"', 'target-language="en-GB"'), ("en", "fr")),  # a region
    ("xliff", ('source-language="fr"', 'source-language="zh-Hant-TW"'), ("en", "zt")),  # a script
    ("xliff2", ('srcLang="fr"', 'srcLang="pt_BR"'), ("en", "pt")),  # a POSIX locale, as some tools write
    ("xliff2", ('trgLang="en"', 'trgLang="no"'), ("nb", "fr")),  # Norwegian's other name
    ("xliff", ('source-language="fr"', 'source-language="klingon"'), None),  # a name, not a code
    ("xliff2", ('trgLang="en"', 'trgLang="xx-garbage"'), None),  # not a language
]


@pytest.mark.parametrize(("version", "edit", "languages"), XLIFF_LANGUAGES)
def test_file_languages_are_read_as_argos_codes(
    tmp_path: Path, version: XliffFormat, edit: tuple[str, str], languages: tuple[str, str] | None
) -> None:
    path = tmp_path / "one.xlf"
    text = render_xliff(one_reviewed_block(), version, now=FIXED_NOW)
    path.write_text(text.replace("language fr -&gt; en; ", "").replace(*edit), encoding="utf-8")
    if languages is None:
        attribute = edit[0].partition("=")[0]
        with pytest.raises(InputError, match=rf"one\.xlf:\d+: {attribute} on <\w+>: '.+' is not a language code"):
            read_review_file(path)
        return
    translated = read_review_file(path).translated
    assert (translated.target_lang, translated.units[0].source_lang) == languages


@pytest.mark.parametrize("version", VERSIONS)
def test_a_program_kept_as_written_is_not_for_translation(tmp_path: Path, version: XliffFormat) -> None:
    kept = Block("article.code1", "code", "    print('Bonjour')", lang="und")
    set_by_hand = Block("article.code2", "code", "# Bonjour", lang="fr", lang_source="manual")
    thread = Thread("", None, (Post("article", "article", None, blocks=(kept, set_by_hand)),), "html", lang="fr")
    units = (
        TranslationUnit(kept, "article", "und", "en", kept.text, "copied"),
        TranslationUnit(set_by_hand, "article", "fr", "en", "# Hello", "machine"),
    )
    text = render_xliff(TranslatedThread(thread, "en", units), version)
    assert_valid(text, version)
    tag = "trans-unit" if version == "xliff" else "unit"
    tree = etree.fromstring(text.encode("utf-8"))
    found = {unit.get("id"): unit.get("translate") for unit in tree.iter(f"{{{cat_tool.namespace(version)}}}{tag}")}
    assert found == {"article.code1": "no", "article.code2": None}
    # the kind and the indentation come back
    path = write(tmp_path, TranslatedThread(thread, "en", units), version)
    [back, _] = read_review_file(path).translated.units
    assert (back.block.kind, back.block.text, back.target) == ("code", "    print('Bonjour')", "    print('Bonjour')")
    # a CAT tool may leave out the target of a unit not for translation: it is the source as it is
    unit_tag = "trans-unit" if version == "xliff" else "unit"
    for unit in tree.iter(f"{{{cat_tool.namespace(version)}}}{unit_tag}"):
        if unit.get("translate") == "no":
            for target in list(unit.iter(f"{{{cat_tool.namespace(version)}}}target")):
                target.getparent().remove(target)
    path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="utf-8"))
    [back, other] = read_review_file(path).translated.units
    assert back.target == "    print('Bonjour')" and other.target == "# Hello"
