"""Open and write review files (PO or translated JSON) as a TranslatedThread, with or without the source thread.

A PO file written by `translator translate` carries the thread's structure in its extracted comments
(post label, block kind, language line, terms, QA issues, the replaced machine text); this module reads
them back so a PO file can be reviewed without its source thread. Given the thread, its posts and blocks
(authors, roles, votes) replace the reconstructed ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from translator.errors import InputError
from translator.models import (
    BLOCK_KINDS,
    LANG_SOURCES,
    SOURCE_FORMATS,
    UNIT_ORIGINS,
    Block,
    Post,
    QaIssue,
    Thread,
    TranslatedThread,
    TranslationUnit,
    qa_code,
)

FileFormat = Literal["po", "json"]

POST_LINE = re.compile(r"^post (\S+)(?: · (.*?))?(?: · (\d{4}-\d\d-\d\d \d\d:\d\d))?$")
BLOCK_LINE = re.compile(r"^block (\S+) \((\w+)\)(?:, quoting (.*?))?(?:, extent (\w+))?$")
LANGUAGE_LINE = re.compile(r"^language (\S+)(?: ([\d.]+))?(?:, (\w+))? -> (\S+); origin (\w+)$")
COMMENT_PREFIXES = ("post ", "block ", "language ", "terms: ", "qa ", "machine translation was: ")
CONTEXT = re.compile(r"^(article|c\d+)\.([a-z]+)\d*$")
KIND_OF_PREFIX = {
    "title": "title",
    "subtitle": "subtitle",
    "h": "heading",
    "p": "paragraph",
    "q": "quote",
    "src": "source",
    "source": "source",
    "ask": "question",
}


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
    """PO header fields worth keeping (empty for JSON)."""


def file_format(path: Path) -> FileFormat:
    """`json` for a .json file, else `po`."""
    return "json" if path.suffix.lower() == ".json" else "po"


def comment_lines(comment: str) -> list[str]:
    """The logical lines of an extracted comment: a line not starting with a known prefix continues the one
    before (polib wraps comments at 78 columns)."""
    lines: list[str] = []
    for line in (comment or "").split("\n"):
        if lines and not line.startswith(COMMENT_PREFIXES):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return lines


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        return None


def unit_from_entry(entry: Any, target_lang: str, default_source: str) -> tuple[TranslationUnit, dict[str, Any]]:
    """One unit from a PO entry, and what its comment says about its post (id, author, date)."""
    block_id = entry.msgctxt or f"entry{entry.linenum}"
    context = CONTEXT.match(block_id)
    post_id = context.group(1) if context else block_id.split(".")[0]
    kind: Any = KIND_OF_PREFIX.get(context.group(2), "paragraph") if context else "paragraph"
    post: dict[str, Any] = {"id": post_id, "author": None, "date": None}
    quoted = extent = lang_source = None
    confidence: float | None = None
    source_lang, origin = default_source, "machine"
    terms: list[str] = []
    issues: list[QaIssue] = []
    previous = None
    for line in comment_lines(entry.comment):
        if match := POST_LINE.match(line):
            post = {"id": match.group(1), "author": match.group(2), "date": _date(match.group(3))}
            if post["author"] == "unknown author":
                post["author"] = None
        elif match := BLOCK_LINE.match(line):
            kind = match.group(2) if match.group(2) in BLOCK_KINDS else kind
            quoted = match.group(3) if match.group(3) not in (None, "someone") else None
            extent = match.group(4) if match.group(4) in ("matched", "guessed") else None
        elif match := LANGUAGE_LINE.match(line):
            source_lang = match.group(1)
            confidence = float(match.group(2)) if match.group(2) else None
            lang_source = match.group(3) if match.group(3) in LANG_SOURCES else None
            origin = match.group(5) if match.group(5) in UNIT_ORIGINS else "machine"
        elif line.startswith("terms: "):
            terms = [term.strip() for term in line[len("terms: ") :].split(";") if term.strip()]
        elif line.startswith("qa ") and ":" in line:
            code, _, message = line[3:].partition(":")
            if (known := qa_code(code.strip())) is not None:
                issues.append(QaIssue(known, message.strip()))
        elif line.startswith("machine translation was: "):
            previous = line[len("machine translation was: ") :]
    reviewed = "fuzzy" not in entry.flags and (bool(entry.msgstr) or not entry.msgid)
    if origin == "copied" and "fuzzy" not in entry.flags:
        reviewed = False
    if "fuzzy" not in entry.flags and origin in ("machine", "memory") and entry.msgstr:
        origin = "human"
    block = Block(
        block_id,
        kind,
        entry.msgid,
        quoted_author=quoted,
        quote_extent=extent,  # type: ignore[arg-type]
        lang=source_lang,
        lang_confidence=confidence,
        lang_source=lang_source,  # type: ignore[arg-type]
    )
    unit = TranslationUnit(
        block,
        post["id"],
        source_lang,
        target_lang,
        entry.msgstr,
        origin,  # type: ignore[arg-type]
        status="reviewed" if reviewed else "draft",
        terms=tuple(terms),
        issues=tuple(issues),
        previous=previous,
    )
    return unit, post


def read_po_review(path: Path, source: Thread | None = None) -> ReviewFile:
    """A PO review file as a translated thread; the source thread, when given, supplies posts and blocks."""
    from translator.formats.po import read_po

    po = read_po(path)
    target = po.metadata.get("Language") or "und"
    default_source = po.metadata.get("X-Source-Language") or "und"
    units: list[TranslationUnit] = []
    posts: dict[str, dict[str, Any]] = {}
    blocks: dict[str, list[Block]] = {}
    for entry in po:
        if entry.obsolete or (not entry.msgctxt and not entry.msgid):
            continue
        unit, post = unit_from_entry(entry, target, default_source)
        units.append(unit)
        posts.setdefault(post["id"], post)
        blocks.setdefault(post["id"], []).append(unit.block)
    if source is not None:
        known = {block.id: (post, block) for post, block in source.blocks()}
        units = [
            replace(
                unit, block=replace(known[unit.block.id][1], lang=unit.source_lang), post_id=known[unit.block.id][0].id
            )
            if unit.block.id in known and known[unit.block.id][1].text == unit.block.text
            else unit
            for unit in units
        ]
        thread = source
    else:
        title = next((unit.block.text for unit in units if unit.block.kind == "title"), "")
        subtitle = next((unit.block.text for unit in units if unit.block.kind == "subtitle"), None)
        fmt = po.metadata.get("X-Source-Format", "text")
        thread = Thread(
            title,
            subtitle,
            tuple(
                Post(
                    post["id"],
                    "article" if post["id"] == "article" else "comment",
                    post["author"],
                    date=post["date"],
                    blocks=tuple(blocks[post["id"]]),
                )
                for post in posts.values()
            ),
            next((known for known in SOURCE_FORMATS if known == fmt), "text"),
            lang=default_source if default_source != "und" else None,
        )
    models = tuple(
        part.strip() for part in po.metadata.get("X-Models", "").split(";") if part.strip() not in ("", "none")
    )
    glossaries = tuple(
        part.strip() for part in po.metadata.get("X-Glossaries", "").split(";") if part.strip() not in ("", "none")
    )
    translated = TranslatedThread(thread, target, tuple(units), models=models, glossaries=glossaries)
    return ReviewFile(path, "po", translated, dict(po.metadata))


def read_json_review(path: Path) -> ReviewFile:
    """A translated JSON file (from `translator translate --format json`) as a translated thread."""
    from translator.formats.json import translated_from_dict

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"{path} is not a readable JSON file: {error}", "check the file") from None
    if not isinstance(document, dict):
        raise InputError(f"{path} is not a translated thread (not a JSON object)", "check the file")
    return ReviewFile(path, "json", translated_from_dict(document), {})


def read_review_file(path: Path, source: Thread | None = None) -> ReviewFile:
    """A PO or JSON review file."""
    if not path.is_file():
        raise InputError(f"{path}: no such file", "check the path")
    review = read_json_review(path) if file_format(path) == "json" else read_po_review(path, source)
    if not review.translated.units:
        raise InputError(f"{path} holds no entry to review", "give a PO or JSON file made by `translator translate`")
    return review


def render_review(review: ReviewFile, translated: TranslatedThread) -> str:
    """The text of the review file with the given units (PO keeps its creation date and header extras)."""
    if review.format == "json":
        from translator.formats.json import render_json

        return render_json(translated)
    import polib

    from translator.formats.po import render_po

    text = render_po(translated)
    po = polib.pofile(text, wrapwidth=0)
    for key in ("POT-Creation-Date", "Project-Id-Version", "X-Source-Language", "X-Source-Format"):
        if key in review.header:
            po.metadata[key] = review.header[key]
    po.metadata["Last-Translator"] = "thread-translator review"
    return str(po)
