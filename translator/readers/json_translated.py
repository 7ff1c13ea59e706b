"""Read a translated thread back from its JSON form (what `translator translate --format json` writes)."""

from __future__ import annotations

from typing import Any

from translator.models import UNIT_ORIGINS, QaIssue, TranslatedThread, TranslationUnit, UnitOrigin
from translator.readers.json_thread import thread_from_dict


def translated_from_dict(document: dict[str, Any]) -> TranslatedThread:
    """The translated thread of a parsed JSON document; a block without a `translation` gets an empty
    machine draft, so every block has its unit. Raise InputError when the thread part is invalid."""
    thread = thread_from_dict(document)
    target = document.get("target_lang") or "und"
    translations = {
        (post.get("id"), block.get("id")): block.get("translation") or {}
        for post in document.get("posts", [])
        for block in post.get("blocks", [])
    }
    units = []
    for post, block in thread.blocks():
        data: dict[str, Any] = translations.get((post.id, block.id)) or {}
        origin: UnitOrigin = next((known for known in UNIT_ORIGINS if known == data.get("origin")), "machine")
        units.append(
            TranslationUnit(
                block,
                post.id,
                data.get("source_lang") or block.lang or "und",
                target,
                data.get("text") or "",
                origin,
                status="reviewed" if data.get("status") == "reviewed" else "draft",
                terms=tuple(data.get("terms") or ()),
                issues=tuple(QaIssue(q.get("code", "?"), q.get("message", "")) for q in data.get("qa") or ()),
                previous=data.get("previous"),
            )
        )
    return TranslatedThread(
        thread,
        target,
        tuple(units),
        models=tuple(document.get("models") or ()),
        glossaries=tuple(document.get("glossaries") or ()),
    )
