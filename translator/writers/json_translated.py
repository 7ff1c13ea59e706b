"""The JSON form of a translated thread: the `inspect --json` schema plus a `translation` per block."""

from __future__ import annotations

import json
from typing import Any

from translator.models import TranslatedThread, TranslationUnit
from translator.writers.json_thread import thread_to_dict


def unit_to_dict(unit: TranslationUnit) -> dict[str, Any]:
    """The `translation` object of a block."""
    return {
        "text": unit.target,
        "source_lang": unit.source_lang,
        "origin": unit.origin,
        "status": unit.status,
        "qa": [{"code": issue.code, "message": issue.message} for issue in unit.issues],
        "terms": list(unit.terms),
        "previous": unit.previous,
    }


def translated_to_dict(translated: TranslatedThread) -> dict[str, Any]:
    """The translated thread as a JSON-ready dict."""
    document = thread_to_dict(translated.thread)
    document["target_lang"] = translated.target_lang
    document["models"] = list(translated.models)
    document["glossaries"] = list(translated.glossaries)
    units = {unit.block.id: unit for unit in translated.units}
    for post in document["posts"]:
        for block in post["blocks"]:
            unit = units.get(block["id"])
            block["translation"] = unit_to_dict(unit) if unit else None
    return document


def render_json(translated: TranslatedThread) -> str:
    """Pretty JSON text ending with a newline."""
    return json.dumps(translated_to_dict(translated), ensure_ascii=False, indent=2) + "\n"
