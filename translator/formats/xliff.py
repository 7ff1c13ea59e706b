"""XLIFF 1.2 and 2.0 review files for CAT tools: written through translate-toolkit, read back as PO entries.

One unit per block: its id is the block id, its source the block text, its target the translation, and its
state says whether a person approved it: a draft is `needs-review-translation` (1.2; `needs-translation`
when empty) or `initial` (2.0), an approved unit `final` (with `approved="yes"` in 1.2). Notes marked as ours
carry, one per line, the extracted comment a PO entry has (`po.unit_comments`: post, author, date, languages
and confidence, origin, glossary terms, QA issues); the file's notes carry the PO header fields. Glossary
terms are also XLIFF 2.0 glossary entries in each unit; 1.2 has no per-unit glossary, so its file header
holds a `<glossary>` listing every term used. Reading turns each unit into the `PoEntry` a PO file would
hold for it (a unit a person did not mark final is fuzzy), so `formats.po` rebuilds the units and applies
the one approval rule for review, `apply` and `memory import` alike. Text is data: characters XML cannot
hold are written as inline codes (2.0 `<cp hex>`, 1.2 `<x ctype="x-cp-HHHH">`) and read back exactly.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from translator.errors import InputError
from translator.files import read_input_bytes
from translator.formats.po import (
    GENERATOR,
    escape_field,
    note_lines,
    review_header,
    unescape_field,
    unit_comments,
)
from translator.formats.po_syntax import PoDocument, PoEntry, header_fields
from translator.languages import file_language, to_bcp47
from translator.models import TranslatedThread, TranslationUnit

if TYPE_CHECKING:
    from lxml import etree

XliffFormat = Literal["xliff", "xliff2"]
SUFFIXES = (".xlf", ".xliff")
XLIFF_1 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF_2 = "urn:oasis:names:tc:xliff:document:2.0"
GLOSSARY_2 = "urn:oasis:names:tc:xliff:glossary:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
VERSION_FIELD = "XLIFF-Version"
"""The header field a read XLIFF document gets with its version (`1.2` or `2.0`), for writing it back."""
FILE_FIELDS = (
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "X-Source-Format",
    "X-Models",
    "X-Glossaries",
)
"""Header fields written as file notes (the languages and title are attributes; the rest is PO-only)."""
FIX_XML = "fix the file (`xmllint --noout FILE` shows the same problems) or write it again"
POSITION = re.compile(r", line \d+, column \d+$")
"""lxml's message ends with the position our message starts with."""
MADE_BY_US = "give an XLIFF file made by `translator translate --format xliff` (or xliff2)"
MAX_FILE_BYTES = 50 * 1024 * 1024
"""As for thread files: a review file of one thread is a few MB at most."""

# Characters XML 1.0 cannot hold, even as references: written as inline codes.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
CODE_TYPE = re.compile(r"x-cp-([0-9A-Fa-f]{1,6})")
# Block ids in XLIFF: NMTOKEN-safe ASCII as is, any other character (and the escape's own `:`) as `:HHHHHH`.
ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
ID_ESCAPE = re.compile(r":([0-9a-f]{6})")
EMPTY_ID = ":"
# Inline elements whose content is text of the segment (the others stand for codes of an original format).
TEXT_CONTAINERS = frozenset({"g", "mrk", "pc"})
# Whether a person marked a unit done: 1.2 target states (or approved="yes"), 2.0 segment states.
DONE_STATES_1 = frozenset({"final", "signed-off"})
DONE_STATES_2 = frozenset({"final"})
# Where a unit's translation came from, as 1.2 says it (`state-qualifier`); the notes say it exactly.
PERSON = "translator"
"""Who a person's note is `from` in XLIFF 1.2 (the reader takes every note not marked as ours as theirs)."""
QUALIFIERS = {"machine": "leveraged-mt", "memory": "leveraged-tm"}


# ------------------------------------------------------------------------------------------- ids and text


def xliff_id(block_id: str) -> str:
    """A block id as a unit id valid in both versions (an NMTOKEN): readable ids stay as they are."""
    return ID_UNSAFE.sub(lambda found: f":{ord(found.group()):06x}", block_id) if block_id else EMPTY_ID


def block_id_of(unit_id: str) -> str:
    """The block id a unit id written by `xliff_id` stands for (other ids are taken as they are)."""
    return "" if unit_id == EMPTY_ID else ID_ESCAPE.sub(_unescaped_id_char, unit_id)


def _unescaped_id_char(found: re.Match[str]) -> str:
    number = int(found.group(1), 16)
    return found.group() if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF else chr(number)


def _put_text(element: etree._Element, text: str, version: XliffFormat) -> None:
    """The element's content becomes the text, with an inline code for each character XML cannot hold."""
    from lxml import etree

    for child in list(element):
        element.remove(child)
    pieces = NOT_XML.split(text)
    element.text = pieces[0]
    namespace = XLIFF_1 if version == "xliff" else XLIFF_2
    for number, (char, piece) in enumerate(zip(NOT_XML.findall(text), pieces[1:], strict=True), start=1):
        if version == "xliff":
            code = etree.SubElement(element, f"{{{namespace}}}x", id=f"cp{number}", ctype=f"x-cp-{ord(char):04X}")
        else:
            code = etree.SubElement(element, f"{{{namespace}}}cp", hex=f"{ord(char):04X}")
        code.tail = piece


def _text(element: etree._Element | None) -> str:
    """The text of a source or target: our inline codes as their characters, the text inside markers and
    paired codes a CAT tool added, nothing of standalone codes of an original format."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            name = child.tag.rpartition("}")[2]
            if name == "cp":
                parts.append(_char(child.get("hex", "")))
            elif name == "x" and (found := CODE_TYPE.fullmatch(child.get("ctype", ""))):
                parts.append(_char(found.group(1)))
            elif name in TEXT_CONTAINERS:
                parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _char(hex_digits: str) -> str:
    try:
        number = int(hex_digits, 16)
    except ValueError:
        return ""
    return "" if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF else chr(number)


# ----------------------------------------------------------------------------------------------- writing


@functools.cache
def _stores() -> dict[XliffFormat, Any]:
    """translate-toolkit's store classes for each version (1.2 in its own namespace: the toolkit writes 1.1)."""
    from translate.storage.xliff import Xliff1File, Xliff1Unit
    from translate.storage.xliff2 import Xliff2File

    class Xliff12Unit(Xliff1Unit):
        namespace = XLIFF_1

    class Xliff12File(Xliff1File[Xliff12Unit]):
        UnitClass = Xliff12Unit
        namespace = XLIFF_1
        XMLskeleton = (
            f'<?xml version="1.0" ?><xliff version="1.2" xmlns="{XLIFF_1}">'
            '<file original="thread" source-language="und" datatype="plaintext"><body/></file></xliff>'
        )

    return {"xliff": Xliff12File, "xliff2": Xliff2File}


def render_xliff(
    translated: TranslatedThread,
    version: XliffFormat = "xliff",
    now: datetime | None = None,
    header: Mapping[str, str] | None = None,
) -> str:
    """The XLIFF text (1.2 for `xliff`, 2.0 for `xliff2`) of a translated thread; `header` fields replace
    ours as in `render_po` (a saved review keeps the file's creation date)."""
    fields = review_header(translated, now, header)
    source, target = (to_bcp47(unescape_field(fields[key])) for key in ("X-Source-Language", "Language"))
    store = _stores()[version](sourcelanguage=source, targetlanguage=target)
    file_notes = [f"{key}: {fields[key]}" for key in FILE_FIELDS]
    if version == "xliff":
        _file_header_1(store.body.getparent(), fields["Project-Id-Version"], file_notes, translated.units)
    else:
        file_element = store.body
        file_element.set("original", fields["Project-Id-Version"])
        file_element.insert(0, _notes_2(file_notes))
    for unit, comment in zip(translated.units, unit_comments(translated), strict=True):
        element = store.UnitClass("")
        store.addunit(element)
        element.setid(xliff_id(unit.block.id))
        _put_text(element.source_dom, unit.block.text, version)
        element.settarget("")
        if version == "xliff":
            _unit_1(element, unit, comment.split("\n"))
        else:
            _unit_2(element, unit, comment.split("\n"))
    output = io.BytesIO()
    store.serialize(output)
    return output.getvalue().decode("utf-8")


def _file_header_1(
    file_element: etree._Element, title: str, notes: list[str], units: tuple[TranslationUnit, ...]
) -> None:
    """A 1.2 `<file>`'s title, tool and header: the tool, the fields as notes, and the glossary terms used
    (1.2 has no per-unit glossary: a tab-separated internal file lists them for the whole file)."""
    from lxml import etree

    file_element.set("original", title)
    file_element.set("tool-id", GENERATOR)
    header = etree.Element(f"{{{XLIFF_1}}}header")
    terms = dict.fromkeys(term for unit in units for term in unit.applied_terms)
    if terms:
        glossary = etree.SubElement(header, f"{{{XLIFF_1}}}glossary")
        listing = etree.SubElement(glossary, f"{{{XLIFF_1}}}internal-file", form="text/tab-separated-values")
        listing.text = "".join(f"{escape_field(term.source)}\t{escape_field(term.target or '')}\n" for term in terms)
    for line in notes:
        etree.SubElement(header, f"{{{XLIFF_1}}}note", {"from": GENERATOR}).text = line
    etree.SubElement(header, f"{{{XLIFF_1}}}tool", {"tool-id": GENERATOR, "tool-name": GENERATOR})
    file_element.insert(0, header)


def is_kept_code(unit: TranslationUnit) -> bool:
    """A line of a program copied as written: CAT tools are told not to translate it (`translate="no"`)."""
    return unit.block.kind == "code" and unit.origin == "copied"


def _unit_1(element: Any, unit: TranslationUnit, notes: list[str]) -> None:
    """A 1.2 trans-unit's target, state and notes."""
    target = element.get_target_dom()
    _put_text(target, unit.target, "xliff")
    for name in ("state", "state-qualifier"):
        target.attrib.pop(name, None)
    trans_unit = element.xmlelement
    trans_unit.attrib.pop("approved", None)
    if unit.status == "reviewed":
        trans_unit.set("approved", "yes")
        target.set("state", "final")
    else:
        target.set("state", "needs-review-translation" if unit.target else "needs-translation")
    if unit.origin in QUALIFIERS and unit.target:
        target.set("state-qualifier", QUALIFIERS[unit.origin])
    if is_kept_code(unit):
        trans_unit.set("translate", "no")
    for line in notes:
        element.addnote(line, origin=GENERATOR)
    if unit.note:  # a person's note, as a CAT tool writes one: not marked as ours
        element.addnote("\n".join(note_lines(unit.note)), origin=PERSON)


def _unit_2(element: Any, unit: TranslationUnit, notes: list[str]) -> None:
    """A 2.0 unit's target, segment state, notes and glossary entries (modules first, then notes)."""
    from lxml import etree

    _put_text(element.get_target_dom(), unit.target, "xliff2")
    segment, unit_element = element.xmlelement, element.getunitelement()
    segment.set("state", "final" if unit.status == "reviewed" else "initial")
    # translate-toolkit puts xml:space on the segment, where the 2.0 schema does not allow it: the unit holds it.
    segment.attrib.pop(XML_SPACE, None)
    unit_element.set(XML_SPACE, "preserve")
    if is_kept_code(unit):
        unit_element.set("translate", "no")
    notes_element = _notes_2(notes)
    if unit.note:  # a person's note, as a CAT tool writes one: no category of ours
        etree.SubElement(notes_element, f"{{{XLIFF_2}}}note").text = "\n".join(note_lines(unit.note))
    unit_element.insert(0, notes_element)
    if unit.terms:
        glossary = etree.Element(f"{{{GLOSSARY_2}}}glossary", nsmap={"gls": GLOSSARY_2})
        for term in unit.applied_terms:
            entry = etree.SubElement(glossary, f"{{{GLOSSARY_2}}}glossEntry")
            etree.SubElement(entry, f"{{{GLOSSARY_2}}}term", source=GENERATOR).text = escape_field(term.source)
            if term.target is not None:
                etree.SubElement(entry, f"{{{GLOSSARY_2}}}translation").text = escape_field(term.target)
        unit_element.insert(0, glossary)


def _notes_2(lines: list[str]) -> etree._Element:
    from lxml import etree

    notes = etree.Element(f"{{{XLIFF_2}}}notes")
    for line in lines:
        etree.SubElement(notes, f"{{{XLIFF_2}}}note", category=GENERATOR).text = line
    return notes


# ----------------------------------------------------------------------------------------------- reading


def is_xliff(path: Path) -> bool:
    """Whether a review file is XLIFF: by its name, else by its first character (`<`: a PO or JSON file
    never starts so)."""
    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        return True
    if suffix in (".po", ".pot", ".json") or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            start = handle.read(64)
    except OSError:
        return False
    return start.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<")


def read_xliff(path: Path) -> PoDocument:
    """An XLIFF 1.2 or 2.0 file as the PO document it stands for: one entry per unit (msgctxt the block id,
    msgid the source, msgstr the target, fuzzy unless a person marked it final, our notes as the extracted
    comment, other notes as the translator comment) and the header fields its file says. InputError, with
    nothing read, for malformed XML, a file that is not XLIFF, names no target language, has no unit, or
    names one block twice."""
    from lxml import etree

    data = read_input_bytes(path, MAX_FILE_BYTES, "a review file of one thread is a few MB")
    # Internal entities are text (libxml2 bounds their expansion); external ones are never loaded.
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        problem = POSITION.sub("", str(error.msg or "cannot parse it"))
        raise InputError(f"{path}:{error.lineno}: not well-formed XML: {problem}", FIX_XML) from None
    name = etree.QName(root)
    namespace = name.namespace or ""
    if name.localname != "xliff" or not namespace.startswith("urn:oasis:names:tc:xliff:document:"):
        raise InputError(f"{path} is not an XLIFF file (its root element is <{name.localname}>)", MADE_BY_US)
    version: XliffFormat = "xliff2" if namespace.endswith((":2.0", ":2.1", ":2.2")) else "xliff"
    header = _file_fields(root, namespace, version, path)
    if not header.get("Language"):
        where = "target-language on <file>" if version == "xliff" else "trgLang on <xliff>"
        raise InputError(f"{path} names no target language ({where})", "set it to the language translated into")
    entries: dict[str, PoEntry] = {}
    read_unit = _entry_1 if version == "xliff" else _entry_2
    for element in root.iter(f"{{{namespace}}}{'trans-unit' if version == 'xliff' else 'unit'}"):
        entry = read_unit(element, namespace, path)
        block_id = entry.msgctxt or ""
        if block_id in entries:
            raise InputError(
                f"{path}:{entry.line}: block id {block_id!r} is on two units (also at line {entries[block_id].line})",
                "each block must have one unit: give every block of the thread its own id, then translate again",
            )
        entries[block_id] = entry
    if not entries:
        raise InputError(f"{path} holds no translation unit (an empty XLIFF file)", MADE_BY_US)
    return PoDocument(str(path), header, tuple(entries.values()))


def _file_fields(root: etree._Element, namespace: str, version: XliffFormat, path: Path) -> dict[str, str]:
    """The header fields of the first `<file>`: languages (as Argos codes; InputError for one that names no
    language, such as `source-language="klingon"`), title and our file notes."""
    file_element = root.find(f"{{{namespace}}}file")
    if version == "xliff":
        languages = root if file_element is None else file_element
        source, target = languages.get("source-language"), languages.get("target-language")
        names = ("source-language", "target-language")
        notes_parent = None if file_element is None else file_element.find(f"{{{namespace}}}header")
        notes = _our_notes(notes_parent, namespace, "from")
    else:
        languages = root
        source, target = root.get("srcLang"), root.get("trgLang")
        names = ("srcLang", "trgLang")
        notes_parent = None if file_element is None else file_element.find(f"{{{namespace}}}notes")
        notes = _our_notes(notes_parent, namespace, "category")
    fields = header_fields("\n".join(notes))
    fields[VERSION_FIELD] = "1.2" if version == "xliff" else "2.0"
    element = str(languages.tag).rpartition("}")[2]
    where = f"{path}:{languages.sourceline}: {{}} on <{element}>"
    fields["X-Source-Language"] = file_language(source or "und", where.format(names[0]))
    if target:
        fields["Language"] = file_language(target, where.format(names[1]))
    if file_element is not None and file_element.get("original"):
        fields["Project-Id-Version"] = str(file_element.get("original"))
    return fields


def _our_notes(parent: etree._Element | None, namespace: str, mark: str) -> list[str]:
    """The text of the notes we wrote under an element (marked with our name), each stripped: a tool that
    re-indents may pad them."""
    if parent is None:
        return []
    notes = parent.iterchildren(f"{{{namespace}}}note")
    return [(note.text or "").strip() for note in notes if note.get(mark) == GENERATOR]


def _their_notes(parent: etree._Element | None, namespace: str, mark: str) -> str:
    if parent is None:
        return ""
    notes = parent.iterchildren(f"{{{namespace}}}note")
    return "\n".join((note.text or "").strip() for note in notes if note.get(mark) != GENERATOR)


def _unit_id(element: etree._Element, path: Path) -> str:
    unit_id = element.get("id")
    if unit_id is None:
        raise InputError(f"{path}:{element.sourceline}: a unit has no id", "give every unit the id of its block")
    return block_id_of(unit_id)


def _entry_1(element: etree._Element, namespace: str, path: Path) -> PoEntry:
    """The entry of a 1.2 trans-unit: done when approved="yes", or when its target's state is final or
    signed-off and it is not explicitly approved="no"."""
    block_id = _unit_id(element, path)
    source = element.find(f"{{{namespace}}}source")
    if source is None:
        raise InputError(f"{path}:{element.sourceline}: unit {block_id!r} has no <source>", MADE_BY_US)
    target = element.find(f"{{{namespace}}}target")
    state = target.get("state") if target is not None else None
    approved = element.get("approved")
    done = approved == "yes" or (approved != "no" and state in DONE_STATES_1)
    # A unit not for translation whose target a CAT tool left out is the source as it is (a program's line).
    kept = target is None and element.get("translate") == "no"
    return PoEntry(
        _text(source),
        _text(source) if kept else _text(target),
        msgctxt=block_id,
        flags=() if done else ("fuzzy",),
        comment="\n".join(_our_notes(element, namespace, "from")),
        translator_comment=_their_notes(element, namespace, "from"),
        line=element.sourceline or 0,
    )


def _entry_2(element: etree._Element, namespace: str, path: Path) -> PoEntry:
    """The entry of a 2.0 unit, its segments and ignorables joined (a CAT tool may split a unit into
    sentences): done when every segment is final."""
    block_id = _unit_id(element, path)
    parts = [child for child in element if child.tag in (f"{{{namespace}}}segment", f"{{{namespace}}}ignorable")]
    sources = [part.find(f"{{{namespace}}}source") for part in parts]
    segments = [part for part in parts if part.tag == f"{{{namespace}}}segment"]
    if not segments or any(source is None for source in sources):
        raise InputError(f"{path}:{element.sourceline}: unit {block_id!r} has no segment with a <source>", MADE_BY_US)
    targets = [part.find(f"{{{namespace}}}target") for part in parts]
    translated = any(target is not None for part, target in zip(parts, targets, strict=True) if part in segments)
    # An ignorable without a target keeps its source (whitespace between sentences, in practice).
    target_text = "".join(
        _text(target) if target is not None or part in segments else _text(source)
        for part, source, target in zip(parts, sources, targets, strict=True)
    )
    if not translated:  # no target; or, for a unit not for translation, the source as it is (as in 1.2)
        target_text = "".join(_text(source) for source in sources) if element.get("translate") == "no" else ""
    notes = element.find(f"{{{namespace}}}notes")
    return PoEntry(
        "".join(_text(source) for source in sources),
        target_text,
        msgctxt=block_id,
        flags=() if all(segment.get("state") in DONE_STATES_2 for segment in segments) else ("fuzzy",),
        comment="\n".join(_our_notes(notes, namespace, "category")),
        translator_comment=_their_notes(notes, namespace, "category"),
        line=element.sourceline or 0,
    )
