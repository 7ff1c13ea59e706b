"""PO files for review: written and read back here, with the one rule of what an approved entry is.

One entry per block, msgctxt = block id, msgid = source, msgstr = translation; drafts are `#, fuzzy`.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polib

from translator.display import visible
from translator.errors import InputError
from translator.languages import language_name
from translator.models import QaIssue, Thread, TranslatedThread, TranslationUnit

GENERATOR = "thread-translator"
# What polib.escape rewrites; most texts have none, and are then written as they are.
ESCAPED = re.compile(r'[\\\t\r\n\v\b\f"]')
LANGUAGE_COMMENT = re.compile(r"^language (\S+)", re.MULTILINE)


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


def unit_comment(unit: TranslationUnit, post_label: str) -> str:
    """The extracted comment of an entry: where the block is, its language, origin, terms and QA issues."""
    block = unit.block
    lines = [post_label, f"block {block.id} ({block.kind})"]
    if block.kind == "quote":
        lines[-1] += f", quoting {block.quoted_author or 'someone'}"
        if block.quote_extent:
            lines[-1] += f", extent {block.quote_extent}"
    confidence = f" {block.lang_confidence:.2f}" if block.lang_confidence is not None else ""
    source = f", {block.lang_source}" if block.lang_source else ""
    lines.append(f"language {unit.source_lang}{confidence}{source} -> {unit.target_lang}; origin {unit.origin}")
    if unit.terms:
        lines.append("terms: " + "; ".join(unit.terms))
    lines.extend(f"qa {issue.code}: {issue.message}" for issue in unit.issues)
    if unit.previous is not None:
        lines.append(f"machine translation was: {unit.previous}")
    return visible("\n".join(lines))


def post_labels(translated: TranslatedThread) -> dict[str, str]:
    """`post c4 · Jon Shannow · 2024-10-28 09:26` per post id."""
    labels = {}
    for post in translated.thread.posts:
        parts = [f"post {post.id}", post.author or "unknown author"]
        if post.date:
            parts.append(post.date.strftime("%Y-%m-%d %H:%M"))
        parts += [f"reply to {post.parent}"] if post.parent else []
        labels[post.id] = " · ".join(parts)
    return labels


def render_po(translated: TranslatedThread, now: datetime | None = None) -> str:
    """The PO text of a translated thread (valid for `msgfmt --check`)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M+0000")
    thread = translated.thread
    # Unwrapped: a one-word fix changes one line in a diff instead of reflowing the paragraph.
    po = polib.POFile(wrapwidth=0)
    po.header = visible(f"{thread.title or 'Untitled thread'}\nTranslated by {GENERATOR}; review the fuzzy entries.")
    po.metadata = {
        "Project-Id-Version": visible(thread.title or "thread")[:200],
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        "Last-Translator": f"{GENERATOR} (machine translation)",
        "Language-Team": f"{language_name(translated.target_lang)} reviewers",
        "Language": translated.target_lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": GENERATOR,
        "X-Source-Language": thread.lang or "und",
        "X-Source-Format": thread.source_format,
        "X-Models": "; ".join(translated.models) or "none",
        "X-Glossaries": "; ".join(translated.glossaries) or "none",
    }
    labels = post_labels(translated)
    for unit in translated.units:
        entry = ReviewEntry(
            msgctxt=unit.block.id,
            msgid=unit.block.text,
            msgstr=unit.target,
            comment=unit_comment(unit, labels.get(unit.post_id, unit.post_id)),
        )
        if unit.status == "draft" and unit.origin != "copied":
            entry.flags.append("fuzzy")
        po.append(entry)
    return str(po)


def read_po(path: Path) -> Any:
    """A PO file parsed by polib; raise InputError with the reason when it cannot be read."""
    import polib

    if not path.is_file():
        raise InputError(f"{path}: no such file", "check the path")
    try:
        return polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{path} is not a readable PO file: {error}", "check it with msgfmt --check") from None


def apply_review(po_path: Path, thread: Thread) -> TranslatedThread:
    """The thread translated as the reviewed PO says: approved entries (not fuzzy) are human translations,
    fuzzy ones stay machine drafts; blocks the PO lacks are left untranslated and flagged."""
    from translator.detect.detector import detect_languages

    po = read_po(po_path)
    entries = {entry.msgctxt: entry for entry in po if entry.msgctxt and not entry.obsolete}
    detected = thread if all(block.lang for _, block in thread.blocks()) else detect_languages(thread)
    texts = {block.id: block.text for _, block in detected.blocks()}
    same = sum(1 for block_id, entry in entries.items() if texts.get(block_id) == entry.msgid)
    # Ids repeat across threads (`article.p1`), so the texts must match too, for most entries at least.
    if entries and same * 2 < len(entries):
        raise InputError(
            f"{po_path} was not made from this thread: only {same} of {len(entries)} entries match a block",
            "give the thread the PO file was made from",
        )
    target = po.metadata.get("Language") or "und"
    units = []
    for post, block in detected.blocks():
        entry = entries.get(block.id)
        source_lang = block.lang or "und"
        if entry is None:
            issue = QaIssue("not-reviewed", f"{po_path.name} has no entry for this block")
            units.append(TranslationUnit(block, post.id, source_lang, target, "", "machine", issues=(issue,)))
            continue
        issues: tuple[QaIssue, ...] = ()
        if entry.msgid != block.text:
            issues = (QaIssue("source-changed", "the source text changed since the PO file was made"),)
        reviewed = "fuzzy" not in entry.flags and bool(entry.msgstr)
        units.append(
            TranslationUnit(
                block,
                post.id,
                source_lang,
                target,
                entry.msgstr,
                "human" if reviewed else "machine",
                status="reviewed" if reviewed else "draft",
                issues=issues,
            )
        )
    models = tuple(part.strip() for part in po.metadata.get("X-Models", "").split(";") if part.strip() != "none")
    return TranslatedThread(detected, target, tuple(units), models=tuple(m for m in models if m))


def reviewed_entries(po_path: Path) -> list[tuple[str, str, str, str]]:
    """(source language, target language, source, translation) of every approved entry of a PO file."""
    po = read_po(po_path)
    target = po.metadata.get("Language")
    default_source = po.metadata.get("X-Source-Language")
    if not target:
        raise InputError(f"{po_path} has no Language header", "set the target language in its header")
    found = []
    for entry in po:
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgstr or not entry.msgid:
            continue
        match = LANGUAGE_COMMENT.search(entry.comment or "")
        source = match.group(1) if match else default_source
        if source and source not in ("und", target):
            found.append((source, target, entry.msgid, entry.msgstr))
    return found
