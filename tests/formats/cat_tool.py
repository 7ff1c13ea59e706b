"""What a CAT tool does to an XLIFF file we wrote, done with lxml: targets changed, states moved, notes
added, a unit split into sentences, the whole file re-indented (and note text padded)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from translator.formats.xliff import XLIFF_1, XLIFF_2, XliffFormat, block_id_of

# Elements holding only elements: a tool may re-indent inside them (never inside a source, target or note).
STRUCTURE = frozenset(
    {"xliff", "file", "header", "body", "group", "trans-unit", "unit", "notes", "segment", "ignorable", "glossary"}
)


def namespace(version: XliffFormat) -> str:
    return XLIFF_1 if version == "xliff" else XLIFF_2


def load(path: Path) -> Any:
    return etree.parse(str(path))


def units(tree: Any, version: XliffFormat) -> dict[str, Any]:
    """The unit elements by block id."""
    tag = "trans-unit" if version == "xliff" else "unit"
    return {block_id_of(unit.get("id")): unit for unit in tree.getroot().iter(f"{{{namespace(version)}}}{tag}")}


def set_target(unit: Any, text: str, version: XliffFormat) -> None:
    """The translator types a new target (the segment's only one)."""
    target = unit.find(f".//{{{namespace(version)}}}target")
    for child in list(target):
        target.remove(child)
    target.text = text


def set_state(unit: Any, state: str, version: XliffFormat) -> None:
    """The tool moves the state (1.2: on the target; 2.0: on every segment)."""
    if version == "xliff":
        unit.find(f"{{{XLIFF_1}}}target").set("state", state)
    else:
        for segment in unit.iter(f"{{{XLIFF_2}}}segment"):
            segment.set("state", state)


def add_note(unit: Any, text: str, version: XliffFormat) -> None:
    """A reviewer's own note (marked as theirs, as tools do)."""
    if version == "xliff":
        unit.append(etree.Element(f"{{{XLIFF_1}}}note", {"from": "reviewer"}))
        unit[-1].text = text
    else:
        notes = unit.find(f"{{{XLIFF_2}}}notes")
        etree.SubElement(notes, f"{{{XLIFF_2}}}note", category="reviewer").text = text


def split_in_two(unit: Any, source_at: int, target_at: int) -> None:
    """A 2.0 tool segments a unit into two sentences with the space between them ignorable."""
    segment = unit.find(f"{{{XLIFF_2}}}segment")
    source, target = segment.find(f"{{{XLIFF_2}}}source"), segment.find(f"{{{XLIFF_2}}}target")
    source_text, target_text = source.text or "", target.text or ""
    source.text, target.text = source_text[:source_at], target_text[:target_at]
    ignorable = etree.Element(f"{{{XLIFF_2}}}ignorable")
    etree.SubElement(ignorable, f"{{{XLIFF_2}}}source").text = " "
    second = etree.Element(f"{{{XLIFF_2}}}segment", state=segment.get("state", "initial"))
    etree.SubElement(second, f"{{{XLIFF_2}}}source").text = source_text[source_at + 1 :]
    etree.SubElement(second, f"{{{XLIFF_2}}}target").text = target_text[target_at + 1 :]
    segment.addnext(ignorable)
    ignorable.addnext(second)


def reindent(element: Any, depth: int = 0) -> None:
    """Tabs instead of our spaces between structural elements, and our notes' text padded."""
    name = etree.QName(element).localname
    if name == "note" and element.text:
        element.text = f"\n{chr(9) * (depth + 1)}{element.text}\n{chr(9) * depth}"
    if name not in STRUCTURE or not len(element):
        return
    element.text = "\n" + "\t" * (depth + 1)
    for child in element:
        reindent(child, depth + 1)
        child.tail = "\n" + "\t" * (depth + 1)
    element[-1].tail = "\n" + "\t" * depth


def save(tree: Any, path: Path) -> None:
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
