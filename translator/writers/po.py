"""PO files for review: one entry per block, msgctxt = block id, machine output marked fuzzy."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import polib

from translator.display import visible
from translator.languages import language_name
from translator.models import TranslatedThread, TranslationUnit

GENERATOR = "thread-translator"
# What polib.escape rewrites; most texts have none, and are then written as they are.
ESCAPED = re.compile(r'[\\\t\r\n\v\b\f"]')


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
