"""The OpenAPI description of the server, served at /openapi.json (and /spec, where LibreTranslate has it).

Written out by hand: it is the contract clients read, and the tests fuzz the server against it
(schemathesis), so a change of the endpoints that is not reflected here fails them. Language codes
are listed from the installed models when the server starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from translator.models import BLOCK_KINDS, POST_KINDS
from translator.server.protocol import AUTO_PATTERN, LANGUAGE_PATTERN, WHOLE_NUMBER_PATTERN

ERROR_REASONS = {
    400: "Invalid request (missing or bad parameter, unsupported language or pair, text over the limit)",
    403: "Invalid API key",
    413: "Request body over the limit",
    429: "Too many requests for this key or client",
    500: "Translation failed",
}
STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
STRINGS = {"type": "array", "items": STRING}
STRING_OR_STRINGS = {"oneOf": [STRING, STRINGS]}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(required: Sequence[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": list(required), "properties": properties}


def _operation(operation_id: str, summary: str, answer: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """One operation: its 200 answer (JSON), LibreTranslate's error answers when it takes input."""
    responses = {"200": {"description": summary, "content": {"application/json": {"schema": answer}}}}
    if "requestBody" in extra:
        for status in (400, 403, 413, 429, 500):
            responses[str(status)] = {
                "description": ERROR_REASONS[status],
                "content": {"application/json": {"schema": _ref("Error")}},
            }
    return {"operationId": operation_id, "summary": summary, "responses": responses, **extra}


def _bodies(json_schema: dict[str, Any], form_schema: dict[str, Any]) -> dict[str, Any]:
    """A request body as JSON, URL-encoded form or multipart form, like LibreTranslate accepts."""
    media_types = {"application/x-www-form-urlencoded": form_schema, "multipart/form-data": form_schema}
    return {
        "required": True,
        "content": {
            media: {"schema": schema} for media, schema in {"application/json": json_schema, **media_types}.items()
        },
    }


def openapi_document(sources: Sequence[str], targets: Sequence[str], version: str) -> dict[str, Any]:
    """The document for a server whose models translate from `sources` into `targets` (wire codes)."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "thread-translator",
            "version": version,
            "description": "LibreTranslate's API (translate, detect, languages) with glossaries, per-paragraph "
            "language detection and a translation memory, plus whole-thread translation.",
        },
        "paths": {**_translation_paths(sources, targets), **_service_paths()},
        "components": {"schemas": {**_answer_schemas(), **_thread_schemas()}},
    }


def _language(codes: Sequence[str], description: str) -> dict[str, Any]:
    """A language parameter: the installed codes, or anything shaped like a code (any case, as LibreTranslate
    reads them; a well-shaped code no model serves is answered `... is not supported`)."""
    shapes = [{"type": "string", "pattern": pattern} for pattern in (LANGUAGE_PATTERN, AUTO_PATTERN)]
    return {"anyOf": [{"type": "string", "enum": list(codes)}, *shapes], "description": description}


def _translation_paths(sources: Sequence[str], targets: Sequence[str]) -> dict[str, Any]:
    source = _language(["auto", *sources], f'Source language, or "auto" (installed: {", ".join(sources)})')
    target = _language(list(targets) or ["en"], f"Target language (installed: {', '.join(targets)})")
    api_key = {"type": "string", "description": "API key (when the server requires keys)"}
    # LibreTranslate takes an empty format as text, and so do we.
    text_format = {"type": "string", "enum": ["text", "html", ""], "default": "text"}
    alternatives = {
        "anyOf": [{"type": "integer"}, {"type": "string", "pattern": WHOLE_NUMBER_PATTERN}],
        "description": "Accepted (below 0 as 0); no alternatives are given",
    }
    common = {"source": source, "target": target, "format": text_format, "api_key": api_key}
    translate_json = _object(["q", "source", "target"], q=STRING_OR_STRINGS, alternatives=alternatives, **common)
    translate_form = _object(["q", "source", "target"], q=STRING, **common)
    detect_json = _object(["q"], q=STRING_OR_STRINGS, api_key=api_key)
    detect_form = _object(["q"], q=STRING, api_key=api_key)
    query = [
        {"name": "target", "in": "query", "required": True, "schema": target},
        # Optional here: absent or empty, each block's language is detected.
        {"name": "source", "in": "query", "required": False, "schema": _language(["auto", "", *sources], "")},
        {"name": "api_key", "in": "query", "required": False, "schema": api_key},
    ]
    thread_body = {"required": True, "content": {"application/json": {"schema": _ref("Thread")}}}
    return {
        "/translate": {
            "post": _operation(
                "translate",
                "Translate text or HTML",
                _ref("Translation"),
                requestBody=_bodies(translate_json, translate_form),
            )
        },
        "/detect": {
            "post": _operation(
                "detect",
                "Languages of a text, the one covering most of it first",
                {"type": "array", "items": _ref("DetectedLanguage")},
                requestBody=_bodies(detect_json, detect_form),
            )
        },
        "/v1/threads/translate": {
            "post": _operation(
                "translateThread",
                "Translate a whole thread (thread-translator's JSON schema)",
                _ref("TranslatedThread"),
                parameters=query,
                requestBody=thread_body,
            )
        },
    }


def _service_paths() -> dict[str, Any]:
    settings = _object(
        ["charLimit", "apiKeys", "keyRequired"],
        charLimit={"type": "integer"},
        apiKeys={"type": "boolean"},
        keyRequired={"type": "boolean"},
    )
    return {
        "/languages": {
            "get": _operation(
                "languages", "Languages the installed models translate", {"type": "array", "items": _ref("Language")}
            )
        },
        "/frontend/settings": {
            "get": _operation("frontendSettings", "LibreTranslate's front-end settings (limits, keys)", settings)
        },
        "/health": {"get": _operation("health", "Whether the server is up", _object(["status"], status=STRING))},
    }


def _answer_schemas() -> dict[str, Any]:
    detected = _object(
        ["confidence", "language"], confidence={"type": "number", "minimum": 0, "maximum": 100}, language=STRING
    )
    terms = {"type": "array", "items": _ref("GlossaryTerm")}
    translation = _object(
        ["translatedText", "glossary"],
        translatedText=STRING_OR_STRINGS,
        detectedLanguage={"oneOf": [detected, {"type": "array", "items": detected}]},
        alternatives={"type": "array"},
        # anyOf: an empty list is both a list of terms and a list of lists.
        glossary={
            "description": "Glossary terms applied (per text when q is a list)",
            "anyOf": [terms, {"type": "array", "items": terms}],
        },
    )
    return {
        "Error": _object(["error"], error=STRING),
        "DetectedLanguage": detected,
        "GlossaryTerm": _object(["source", "target"], source=STRING, target=STRING),
        "Translation": translation,
        "Language": _object(["code", "name", "targets"], code=STRING, name=STRING, targets=STRINGS),
    }


def _thread_schemas() -> dict[str, Any]:
    block = _object(
        ["id", "kind", "text"],
        id=STRING,
        kind={"type": "string", "enum": list(BLOCK_KINDS)},
        text=STRING,
        lang=NULLABLE_STRING,
    )
    post = _object(
        ["id", "kind", "blocks"],
        id=STRING,
        kind={"type": "string", "enum": list(POST_KINDS)},
        author=NULLABLE_STRING,
        blocks={"type": "array", "items": block},
    )
    return {
        "Thread": _object(["posts"], title=NULLABLE_STRING, posts={"type": "array", "items": post}),
        "TranslatedThread": _object(
            ["posts", "target_lang", "models", "glossaries"],
            target_lang=STRING,
            models=STRINGS,
            glossaries=STRINGS,
            posts={"type": "array", "items": {"type": "object"}},
        ),
    }
