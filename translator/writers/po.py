"""PO files for review: one entry per block, msgctxt = block id, machine output marked fuzzy."""

from __future__ import annotations

from datetime import UTC, datetime

from translator.display import visible
from translator.languages import language_name
from translator.models import TranslatedThread, TranslationUnit

GENERATOR = "thread-translator"


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
    return "\n".join(visible(line) for line in lines)


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
    import polib

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
        entry = polib.POEntry(
            msgctxt=unit.block.id,
            msgid=unit.block.text,
            msgstr=unit.target,
            comment=unit_comment(unit, labels.get(unit.post_id, unit.post_id)),
        )
        if unit.status == "draft" and unit.origin != "copied":
            entry.flags.append("fuzzy")
        po.append(entry)
    return str(po)
