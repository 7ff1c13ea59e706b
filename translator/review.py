"""Bring reviewed PO files back: rebuild a translated thread from them, and feed the memory."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from translator.errors import InputError
from translator.models import QaIssue, Thread, TranslatedThread, TranslationUnit

LANGUAGE_COMMENT = re.compile(r"^language (\S+)", re.MULTILINE)


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
    from translator.detect import detect_languages

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
