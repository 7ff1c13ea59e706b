"""PO files for review: written and read back here, with the one rule of what an approved entry is.

One entry per block: msgctxt = block id, msgid = source, msgstr = translation. Every draft is `#, fuzzy`
(copied blocks too); an entry is approved when it is not fuzzy and has a translation (`is_approved`: the
review app, `apply` and `memory import` all ask it). The extracted comment carries the rest of the unit
(post, block kind, languages, origin, terms, QA issues, the machine text a person replaced), every field
escaped so that no text can forge a line or a field; `unit_from_entry` is the one reader of it. Every PO
file is read strictly (`po_syntax`): a malformed file is refused, never half read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import polib

from translator.display import date_text
from translator.errors import InputError
from translator.formats.po_syntax import PoDocument, PoEntry, read_po_strict
from translator.languages import file_language, language_name
from translator.models import (
    BLOCK_KINDS,
    LANG_SOURCES,
    QUOTE_EXTENTS,
    SOURCE_FORMATS,
    UNIT_ORIGINS,
    Block,
    BlockKind,
    Post,
    QaIssue,
    QuoteExtent,
    Thread,
    TranslatedThread,
    TranslationUnit,
    qa_code,
)

GENERATOR = "thread-translator"
# What polib.escape rewrites; most texts have none, and are then written as they are.
ESCAPED = re.compile(r'[\\\t\r\n\v\b\f"]')
DATE_TEXT = re.compile(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?")
"""A post's date as `date_text` writes it: the day, then the time unless it is midnight."""
MADE_BY_US = "give a PO file made by `translator translate`"

# The comment fields. Escaped in every one: the backslash, control characters (line breaks included),
# Unicode line separators and the bidi controls display.visible hides; the two noncharacters XML cannot hold
# (an XLIFF note is the same field); leading and trailing whitespace (tools strip it); and per field the
# separators of its line. Escapes are `\\`, `\xNN`, `\uNNNN`.
ALWAYS_ESCAPED = "\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff"
TOKEN_SEPARATORS = ",;:()·"
"""Ids and language codes also escape whitespace and these, so each is one word on its line."""
ESCAPE_SEQUENCE = re.compile(r"\\(\\|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})")
EMPTY_FIELD = '""'
UNKNOWN_AUTHOR = "unknown author"
SOMEONE = "someone"
NONE = "none"
REPLY_PREFIX = "reply to "
"""The comment line under the post line of a reply: `reply to c12`."""
COMMENT_PREFIXES = ("post ", REPLY_PREFIX, "block ", "language ", "terms: ", "qa ", "machine translation was: ")
LANGUAGE_LINE = re.compile(r"^language ([^\s,]+)(?: ([^\s,]+))?(?:, (\w+))? -> ([^\s;]+); origin (\w+)$")
BLOCK_LINE = re.compile(r"^block (\S+) \((\w+)\)((?:, .*)?)$")
CONTEXT = re.compile(r"^(article|c\d+)\.([a-z]+)\d*$")
KIND_OF_PREFIX: dict[str, BlockKind] = {
    "title": "title",
    "subtitle": "subtitle",
    "h": "heading",
    "p": "paragraph",
    "q": "quote",
    "src": "source",
    "source": "source",
    "ask": "question",
    "code": "code",
}


# ---------------------------------------------------------------------------------------- field escapes


def _escapes(separators: str, token: bool = False) -> re.Pattern[str]:
    spaces = r"\s" if token else ""
    return re.compile(f"[{ALWAYS_ESCAPED}{re.escape(separators)}{spaces}]|^\\s|\\s$")


TOKEN_ESCAPES = _escapes(TOKEN_SEPARATORS, token=True)
FIELD_ESCAPES = {separators: _escapes(separators) for separators in ("", ";", ",", "·")}


def _code(char: str) -> str:
    number = ord(char)
    if char == "\\":
        return "\\\\"
    return f"\\x{number:02x}" if number < 0x100 else f"\\u{number:04x}" if number < 0x10000 else f"\\U{number:08x}"


def escape_field(text: str, separators: str = "", token: bool = False, reserved: tuple[str, ...] = ()) -> str:
    """A text as one field of a comment or header line: readable, one line, and read back exactly by
    `unescape_field`. A field that would read as a marker (`""` for empty, or one of `reserved`) gets its
    first character escaped."""
    if not text:
        return EMPTY_FIELD
    pattern = TOKEN_ESCAPES if token else FIELD_ESCAPES.get(separators) or _escapes(separators)
    # Most fields need no escape: a search is cheaper than a substitution that changes nothing.
    escaped = pattern.sub(_coded, text) if pattern.search(text) else text
    return _code(escaped[0]) + escaped[1:] if escaped == EMPTY_FIELD or escaped in reserved else escaped


def _coded(found: re.Match[str]) -> str:
    return _code(found.group())


def _unescape_one(found: re.Match[str]) -> str:
    sequence = found.group(1)
    if sequence == "\\":
        return "\\"
    number = int(sequence[1:], 16)
    return found.group() if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF else chr(number)


def unescape_field(text: str) -> str:
    """The text of a field written by `escape_field` (unknown escapes stay as written)."""
    return "" if text == EMPTY_FIELD else ESCAPE_SEQUENCE.sub(_unescape_one, text)


def _token(text: str) -> str:
    """An id or language code as one word."""
    return escape_field(text, token=True)


@functools.lru_cache(maxsize=256)
def _language(code: str) -> str:
    """A language code as one word (the same few come back on every entry)."""
    return _token(code)


def _named(text: str | None, none: str, separators: str) -> str:
    """A name that may be missing: `none` stands for None, so a name equal to it is escaped."""
    return none if text is None else escape_field(text, separators, reserved=(none,))


def _unnamed(text: str, none: str) -> str | None:
    return None if text == none else unescape_field(text)


def _list_field(items: tuple[str, ...]) -> str:
    return "; ".join(escape_field(item, ";", reserved=(NONE,)) for item in items) or NONE


def _list_from(text: str | None) -> tuple[str, ...]:
    return () if not text or text == NONE else tuple(unescape_field(item) for item in text.split("; "))


def _number(value: float) -> str:
    """Two decimals when they are exact (easy to read), else every digit (so the file reads back exactly)."""
    short = f"{value:.2f}"
    return short if float(short) == value else repr(value)


# ----------------------------------------------------------------------------------------------- writing


class ReviewEntry(polib.POEntry):  # type: ignore[misc]
    """A POEntry that writes the unwrapped entries of our review files without polib's per-field wrapping
    work (a rerun served from the memory spends much of its time here), byte for byte as polib writes
    them (a Hypothesis test compares the two); any other entry is written by polib itself."""

    def __unicode__(self, wrapwidth: int = 78) -> str:
        if (
            wrapwidth > 0
            or self.obsolete
            or self.tcomment
            or self.occurrences
            or self.msgid_plural
            or self.msgstr_plural
            or self.previous_msgctxt is not None
            or self.previous_msgid is not None
            or self.previous_msgid_plural is not None
        ):
            return str(super().__unicode__(wrapwidth))
        lines = [f"#. {line}" for line in self.comment.split("\n")] if self.comment else []
        if self.flags:
            lines.append("#, " + ", ".join(self.flags))
        if self.msgctxt is not None:
            lines += _po_field("msgctxt", self.msgctxt)
        lines += _po_field("msgid", self.msgid)
        lines += _po_field("msgstr", self.msgstr)
        lines.append("")
        return "\n".join(lines)


def _po_field(keyword: str, text: str) -> list[str]:
    """`keyword "text"`, or for text of several lines an empty first string and one string per line."""
    lines = text.splitlines(True)
    if len(lines) > 1:
        return [f'{keyword} ""', *(f'"{_escaped(line)}"' for line in lines)]
    return [f'{keyword} "{_escaped(text)}"']


def _escaped(text: str) -> str:
    return str(polib.escape(text)) if ESCAPED.search(text) else text


def post_label(post: Post) -> str:
    """`post c4 · Jon Shannow · 2024-10-28 09:26`: the first comment line of each entry of the post, and
    for a reply a second one, `reply to c12`."""
    author = _named(post.author, UNKNOWN_AUTHOR, "·")
    if DATE_TEXT.fullmatch(author):
        author = _code(author[0]) + author[1:]  # a name shaped like a date would read as the date
    parts = [f"post {_token(post.id)}", author]
    if post.date:
        parts.append(date_text(post.date))
    label = " · ".join(parts)
    return f"{label}\n{REPLY_PREFIX}{_token(post.parent)}" if post.parent else label


def unit_comment(unit: TranslationUnit, label: str) -> str:
    """The extracted comment of an entry: where the block is, its languages, origin, terms and QA issues."""
    block = unit.block
    lines = [label, f"block {_token(block.id)} ({block.kind})"]
    if block.quoted_author is not None or block.kind == "quote":
        lines[-1] += f", quoting {_named(block.quoted_author, SOMEONE, ',')}"
    if block.quote_extent:
        lines[-1] += f", extent {block.quote_extent}"
    if block.lang != unit.source_lang:
        lines[-1] += f", language {_named(block.lang, NONE, TOKEN_SEPARATORS + ' ')}"
    confidence = f" {_number(block.lang_confidence)}" if block.lang_confidence is not None else ""
    source = f", {block.lang_source}" if block.lang_source else ""
    languages = f"{_language(unit.source_lang)}{confidence}{source} -> {_language(unit.target_lang)}"
    lines.append(f"language {languages}; origin {unit.origin}")
    if unit.terms:
        lines.append("terms: " + "; ".join(escape_field(term, ";") for term in unit.terms))
    lines.extend(f"qa {_token(issue.code)}: {escape_field(issue.message)}" for issue in unit.issues)
    if unit.previous is not None:
        lines.append(f"machine translation was: {escape_field(unit.previous)}")
    return "\n".join(lines)


def note_lines(note: str) -> list[str]:
    """A person's note as the lines of a translator comment or an XLIFF note, each escaped (a control
    character or a line's edge spaces survive tools that strip them); `note_text` reads them back."""
    return [escape_field(line) for line in note.split("\n")] if note else []


def note_text(lines: str) -> str:
    """The note that `note_lines` wrote, or a note a person or a CAT tool wrote (one per line)."""
    return "\n".join(unescape_field(line) for line in lines.split("\n")) if lines else ""


def review_header(
    translated: TranslatedThread, now: datetime | None = None, header: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The header fields of a review file (the PO header; an XLIFF file's languages and file notes carry the
    same fields); `header` fields replace ours (a saved review keeps the file's creation date)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M+0000")
    thread = translated.thread
    fields = {
        "Project-Id-Version": escape_field(thread.title or "thread")[:200],
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        "Last-Translator": f"{GENERATOR} (machine translation)",
        "Language-Team": f"{escape_field(language_name(translated.target_lang))} reviewers",
        "Language": _token(translated.target_lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
        "X-Source-Language": _token(thread.lang or "und"),
        "X-Source-Format": thread.source_format,
        "X-Models": _list_field(translated.models),
        "X-Glossaries": _list_field(translated.glossaries),
    }
    for key, value in (header or {}).items():
        fields[key] = value.replace("\n", " ")  # a line break would start a forged header field
    return fields


def unit_comments(translated: TranslatedThread) -> list[str]:
    """The extracted comment of every unit, in order (each post's label made once)."""
    labels = {post.id: post_label(post) for post in translated.thread.posts}
    return [unit_comment(unit, labels.get(unit.post_id) or f"post {_token(unit.post_id)}") for unit in translated.units]


def _holdable(text: str) -> str:
    """Text a PO string can hold: a NUL (which gettext cuts a string at, and our reader refuses) as U+FFFD,
    as every reader shows one (translated JSON may hold one a reader never saw)."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def _holdable_unit(unit: TranslationUnit) -> TranslationUnit:
    """The unit as its PO entry holds it: its block's id and text and its translation without NUL, so that
    the entry and its comment (`block ID`) name the same block."""
    block = unit.block
    held = (_holdable(block.id), _holdable(block.text), _holdable(unit.target))
    if held == (block.id, block.text, unit.target):
        return unit
    return replace(unit, block=replace(block, id=held[0], text=held[1]), target=held[2])


def render_po(
    translated: TranslatedThread, now: datetime | None = None, header: Mapping[str, str] | None = None
) -> str:
    """The PO text of a translated thread (valid for `msgfmt --check`); `header` fields replace ours
    (a saved review keeps the file's creation date). A NUL in a block or a translation, which no PO string
    holds, is written as U+FFFD."""
    # Unwrapped: a one-word fix changes one line in a diff instead of reflowing the paragraph.
    po = polib.POFile(wrapwidth=0)
    title = escape_field(translated.thread.title or "Untitled thread")
    po.header = f"{title}\nTranslated by {GENERATOR}; review the fuzzy entries."
    po.metadata = review_header(translated, now, header)
    translated = replace(translated, units=tuple(_holdable_unit(unit) for unit in translated.units))
    for unit, comment in zip(translated.units, unit_comments(translated), strict=True):
        entry = ReviewEntry(msgctxt=unit.block.id, msgid=unit.block.text, msgstr=unit.target, comment=comment)
        entry.tcomment = "\n".join(note_lines(unit.note))
        if unit.status == "draft":
            entry.flags.append("fuzzy")
        po.append(entry)
    return str(po)


# ----------------------------------------------------------------------------------------------- reading


def is_approved(entry: PoEntry) -> bool:
    """The one approval rule: a person approved the entry (it is not `#, fuzzy`) and it has a translation.
    The writer marks every draft fuzzy; the review app, `apply` and `memory import` all ask this."""
    return "fuzzy" not in entry.flags and entry.msgstr != ""


@dataclass(frozen=True, slots=True)
class EntryPost:
    """What an entry's comment says about the post of its block."""

    id: str
    """The post id."""
    author: str | None = None
    """Its author, when known."""
    date: datetime | None = None
    """When it was posted, to the minute."""
    parent: str | None = None
    """The post it replies to (its `reply to c12` line)."""


def comment_lines(comment: str) -> list[str]:
    """The logical lines of an extracted comment: a line not starting with a known prefix continues the one
    before (tools that wrap comments cut long lines at spaces)."""
    lines: list[str] = []
    for line in (comment or "").split("\n"):
        if lines and not line.startswith(COMMENT_PREFIXES):
            lines[-1] += " " + line
        else:
            lines.append(line)
    return lines


def entry_block_id(entry: PoEntry) -> str:
    """The block id of an entry: its msgctxt (an entry without one is named after its line)."""
    return entry.msgctxt if entry.msgctxt is not None else f"entry{entry.line}"


def _date(text: str) -> datetime:
    """The date `date_text` wrote: with its time, or the day alone (midnight)."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M" if " " in text else "%Y-%m-%d")


def _post_line(line: str) -> EntryPost:
    parts = line.removeprefix("post ").split(" · ")
    date = _date(parts.pop()) if len(parts) > 1 and DATE_TEXT.fullmatch(parts[-1]) else None
    author = _unnamed(" · ".join(parts[1:]), UNKNOWN_AUTHOR) if len(parts) > 1 else None
    return EntryPost(unescape_field(parts[0]), author, date)


def _block_line(
    match: re.Match[str], kind: BlockKind, lang: str | None
) -> tuple[BlockKind, str | None, QuoteExtent | None, str | None]:
    """What a `block ID (kind), quoting A, extent E, language L` line says: kind, quoted author, quote
    extent and (when the block's differs from the unit's) language."""
    fields: list[str] = []
    for part in match.group(3).split(", ")[1:]:
        if fields and not part.startswith(("quoting ", "extent ", "language ")):
            fields[-1] += ", " + part  # written before commas were escaped
        else:
            fields.append(part)
    found = dict(part.partition(" ")[::2] for part in fields)
    return (
        next((known for known in BLOCK_KINDS if known == match.group(2)), kind),
        _unnamed(found["quoting"], SOMEONE) if "quoting" in found else None,
        next((known for known in QUOTE_EXTENTS if known == found.get("extent")), None),
        _unnamed(found["language"], NONE) if "language" in found else lang,
    )


def unit_from_entry(
    entry: PoEntry, target_lang: str, default_source: str, name: str
) -> tuple[TranslationUnit, EntryPost]:
    """The unit an entry stands for, read back from what `render_po` wrote (msgctxt, comment, flags), and
    what the comment says about its post. Missing comment lines leave defaults: a paragraph of the post its
    id names, in `default_source`, machine-made. A language code that names no language is an InputError
    on the entry's line of the file `name`."""
    where = f"{name}:{entry.line}"
    block_id = entry_block_id(entry)
    context = CONTEXT.match(block_id)
    post = EntryPost(context.group(1) if context else block_id.split(".")[0])
    kind = KIND_OF_PREFIX.get(context.group(2), "paragraph") if context else "paragraph"
    block_match: re.Match[str] | None = None
    source_lang, target, origin = default_source, target_lang, "machine"
    confidence: float | None = None
    lang_source = None
    terms: tuple[str, ...] = ()
    issues: list[QaIssue] = []
    previous = None
    for line in comment_lines(entry.comment):
        if line.startswith("post "):
            post = _post_line(line)
        elif line.startswith(REPLY_PREFIX):
            post = replace(post, parent=unescape_field(line.removeprefix(REPLY_PREFIX)))
        elif found := BLOCK_LINE.match(line):
            block_match = found
        elif found := LANGUAGE_LINE.match(line):
            source_lang = file_language(unescape_field(found.group(1)), f"{where}: the source language")
            target = file_language(unescape_field(found.group(4)), f"{where}: the target language")
            confidence = _confidence(found.group(2))
            lang_source = next((known for known in LANG_SOURCES if known == found.group(3)), None)
            origin = found.group(5)
        elif line.startswith("terms: "):
            terms = tuple(unescape_field(term) for term in line.removeprefix("terms: ").split("; "))
        elif line.startswith("qa ") and ":" in line:
            code, _, message = line[3:].partition(":")
            if (known := qa_code(unescape_field(code))) is not None:
                issues.append(QaIssue(known, unescape_field(message.removeprefix(" "))))
        elif line.startswith("machine translation was: "):
            previous = unescape_field(line.removeprefix("machine translation was: "))
    quoted: str | None = None
    extent: QuoteExtent | None = None
    lang: str | None = source_lang
    if block_match is not None:
        kind, quoted, extent, lang = _block_line(block_match, kind, lang)
        if lang is not None and lang != source_lang:
            lang = file_language(lang, f"{where}: the block's language")
    block = Block(block_id, kind, entry.msgid, quoted, extent, lang, confidence, lang_source)
    unit = TranslationUnit(
        block,
        post.id,
        source_lang,
        target,
        entry.msgstr,
        next((known for known in UNIT_ORIGINS if known == origin), "machine"),
        status="reviewed" if is_approved(entry) else "draft",
        terms=terms,
        issues=tuple(issues),
        previous=previous,
        note=note_text(entry.translator_comment),
    )
    return unit, post


def _confidence(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def read_po_entries(path: Path) -> tuple[PoDocument, tuple[PoEntry, ...]]:
    """A PO file read strictly, with its entries in use (not obsolete, not plural); InputError when the
    file has none (an empty PO file is an error for review, apply and memory import). An XLIFF file is read
    as the entries a PO file would hold for it (`formats.xliff`), so every reader below serves both."""
    from translator.formats.xliff import is_xliff, read_xliff

    document = read_xliff(path) if is_xliff(path) else read_po_strict(path)
    entries = tuple(entry for entry in document.entries if not entry.obsolete and entry.msgid_plural is None)
    if not entries:
        raise InputError(f"{path} holds no entry (an empty PO file)", MADE_BY_US)
    return document, entries


def entries_by_block(document: PoDocument, entries: tuple[PoEntry, ...]) -> dict[str, PoEntry]:
    """The entries by block id; InputError when two entries name the same block (a review would not know
    which one the block is)."""
    found: dict[str, PoEntry] = {}
    for entry in entries:
        block_id = entry_block_id(entry)
        if block_id in found:
            raise InputError(
                f"{document.name}:{entry.line}: block id {block_id!r} is on two entries (also at line "
                f"{found[block_id].line})",
                "each block must have one entry: give every block of the thread its own id, then translate again",
            )
        found[block_id] = entry
    return found


def _header_languages(document: PoDocument) -> tuple[str, str]:
    """The target language and the default source language the header names ("und" when it does not), as
    Argos codes (`pt_BR` is `pt`, `no` is `nb`); InputError on the header's line for one that names no
    language (`Language: xx-garbage`)."""
    where = f"{document.name}:{document.header_line}" if document.header_line else document.name
    target, source = (
        file_language(unescape_field(document.header.get(field) or "und"), f"{where}: the header's {field}")
        for field in ("Language", "X-Source-Language")
    )
    return target, source


def _placed(unit: TranslationUnit, post: Post, block: Block) -> TranslationUnit:
    """The unit on the given thread's block (its languages as the PO file says)."""
    ours = unit.block
    placed = replace(block, lang=ours.lang, lang_confidence=ours.lang_confidence, lang_source=ours.lang_source)
    return replace(unit, block=placed, post_id=post.id)


def check_made_from(path: Path, sources: dict[str, str], thread: Thread) -> None:
    """InputError unless most entries (block id: source text) match a block of the thread: ids repeat across
    threads (`article.p1`), so the texts must match too, for most entries at least."""
    texts = {block.id: block.text for _, block in thread.blocks()}
    same = sum(1 for block_id, text in sources.items() if texts.get(block_id) == text)
    if same * 2 < len(sources):
        raise InputError(
            f"{path} was not made from this thread: only {same} of {len(sources)} entries match a block",
            "give the thread the review file was made from",
        )


def read_po_review(path: Path, source: Thread | None = None) -> tuple[TranslatedThread, dict[str, str]]:
    """A PO review file as a translated thread, one unit per entry, and its header fields. Without the
    source thread the thread is rebuilt from the comments; with it, its posts and blocks are used."""
    document, entries = read_po_entries(path)
    target, default_source = _header_languages(document)
    units: list[TranslationUnit] = []
    posts: dict[str, EntryPost] = {}
    for entry in entries_by_block(document, entries).values():
        unit, post = unit_from_entry(entry, target, default_source, document.name)
        units.append(unit)
        posts.setdefault(post.id, post)
    if source is not None:
        check_made_from(path, {unit.block.id: unit.block.text for unit in units}, source)
        known = {block.id: (post, block) for post, block in source.blocks()}
        units = [
            _placed(unit, *known[unit.block.id])
            if unit.block.id in known and known[unit.block.id][1].text == unit.block.text
            else unit
            for unit in units
        ]
        thread = source
    else:
        thread = _rebuilt_thread(units, posts, document.header, default_source)
    translated = TranslatedThread(
        thread,
        target,
        tuple(units),
        models=_list_from(document.header.get("X-Models")),
        glossaries=_list_from(document.header.get("X-Glossaries")),
    )
    return translated, document.header


def _rebuilt_thread(
    units: list[TranslationUnit], posts: dict[str, EntryPost], header: dict[str, str], default_source: str
) -> Thread:
    blocks: dict[str, list[Block]] = {}
    for unit in units:
        blocks.setdefault(unit.post_id, []).append(unit.block)
    source_format = header.get("X-Source-Format", "text")
    return Thread(
        next((unit.block.text for unit in units if unit.block.kind == "title"), ""),
        next((unit.block.text for unit in units if unit.block.kind == "subtitle"), None),
        tuple(
            Post(
                post_id,
                "article" if post_id == "article" else "comment",
                posts[post_id].author if post_id in posts else None,
                date=posts[post_id].date if post_id in posts else None,
                blocks=tuple(post_blocks),
                parent=posts[post_id].parent if post_id in posts else None,
            )
            for post_id, post_blocks in blocks.items()
        ),
        next((known for known in SOURCE_FORMATS if known == source_format), "text"),
        lang=default_source if default_source != "und" else None,
    )


def apply_review(po_path: Path, thread: Thread) -> TranslatedThread:
    """The thread translated as the reviewed PO says: approved entries are reviewed, the others stay
    drafts, each with the origin, terms and QA issues its comment records; blocks the PO lacks are left
    untranslated and flagged."""
    from translator.detect.detector import detect_languages

    document, entries = read_po_entries(po_path)
    by_block = entries_by_block(document, entries)
    detected = thread if all(block.lang for _, block in thread.blocks()) else detect_languages(thread)
    check_made_from(po_path, {block_id: entry.msgid for block_id, entry in by_block.items()}, detected)
    target, _ = _header_languages(document)
    units = []
    for post, block in detected.blocks():
        entry = by_block.get(block.id)
        if entry is None:
            issue = QaIssue("not-reviewed", f"{po_path.name} has no entry for this block")
            units.append(TranslationUnit(block, post.id, block.lang or "und", target, "", "machine", issues=(issue,)))
            continue
        unit, _ = unit_from_entry(entry, target, block.lang or "und", document.name)
        if entry.msgid != block.text:
            changed = QaIssue("source-changed", "the source text changed since the PO file was made")
            unit = replace(unit, issues=(*unit.issues, changed))
        units.append(_placed(unit, post, block))
    return TranslatedThread(
        detected,
        target,
        tuple(units),
        models=_list_from(document.header.get("X-Models")),
        glossaries=_list_from(document.header.get("X-Glossaries")),
    )


def reviewed_entries(po_path: Path) -> list[tuple[str, str, str, str]]:
    """(source language, target language, source, translation) of every approved entry of a PO file."""
    document, entries = read_po_entries(po_path)
    target, default_source = _header_languages(document)
    if target == "und":
        raise InputError(f"{po_path} has no Language header", "set the target language in its header")
    found = []
    for entry in entries:
        if not is_approved(entry) or not entry.msgid:
            continue
        unit, _ = unit_from_entry(entry, target, default_source, document.name)
        if unit.source_lang not in ("und", unit.target_lang):
            found.append((unit.source_lang, unit.target_lang, entry.msgid, entry.msgstr))
    return found
