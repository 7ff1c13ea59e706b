"""The OpenAPI description of the server, served at /openapi.json (and /spec, where LibreTranslate has it).

Written out by hand: it is the contract clients read, and the tests fuzz the server against it
(schemathesis), so a change of the endpoints that is not reflected here fails them. Language codes
are listed from the installed models when the server starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

ERROR = {"$ref": "#/components/schemas/Error"}
STRING_OR_STRINGS = {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


def _errors(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "Invalid request (missing or bad parameter, unsupported language or pair, text over the limit)",
        403: "Invalid API key",
        413: "Request body over the limit",
        429: "Too many requests for this key or client",
        500: "Translation failed",
    }
    return {
        str(status): {
            "description": reasons[status],
            "content": {"application/json": {"schema": ERROR}},
        }
        for status in statuses
    }


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _bodies(json_schema: dict[str, Any], form_schema: dict[str, Any]) -> dict[str, Any]:
    """A request body as JSON, URL-encoded form or multipart form, like LibreTranslate accepts."""
    return {
        "required": True,
        "content": {
            "application/json": {"schema": json_schema},
            "application/x-www-form-urlencoded": {"schema": form_schema},
            "multipart/form-data": {"schema": form_schema},
        },
    }


def openapi_document(sources: Sequence[str], targets: Sequence[str], version: str) -> dict[str, Any]:
    """The document for a server whose models translate from `sources` into `targets` (wire codes)."""
    source = {"type": "string", "enum": ["auto", *sources], "description": 'Source language, or "auto"'}
    target = {"type": "string", "enum": list(targets) or ["en"], "description": "Target language"}
    api_key = {"type": "string", "description": "API key (when the server requires keys)"}
    text_format = {"type": "string", "enum": ["text", "html"], "default": "text"}
    alternatives = {"type": "integer", "minimum": 0, "description": "Accepted; no alternatives are given"}
    translate_json = {
        "type": "object",
        "required": ["q", "source", "target"],
        "properties": {
            "q": STRING_OR_STRINGS,
            "source": source,
            "target": target,
            "format": text_format,
            "alternatives": alternatives,
            "api_key": api_key,
        },
    }
    translate_form = {
        "type": "object",
        "required": ["q", "source", "target"],
        "properties": {
            "q": {"type": "string"},
            "source": source,
            "target": target,
            "format": text_format,
            "api_key": api_key,
        },
    }
    detect_body = {"type": "object", "required": ["q"], "properties": {"q": {"type": "string"}, "api_key": api_key}}
    query = [
        {"name": "target", "in": "query", "required": True, "schema": target},
        {"name": "source", "in": "query", "required": False, "schema": source},
        {"name": "api_key", "in": "query", "required": False, "schema": api_key},
    ]
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "thread-translator",
            "version": version,
            "description": "LibreTranslate's API (translate, detect, languages) with glossaries, per-paragraph "
            "language detection and a translation memory, plus whole-thread translation.",
        },
        "paths": {
            "/translate": {
                "post": {
                    "summary": "Translate text or HTML",
                    "operationId": "translate",
                    "requestBody": _bodies(translate_json, translate_form),
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/Translation"}, "Translation"),
                        **_errors(400, 403, 413, 429, 500),
                    },
                }
            },
            "/detect": {
                "post": {
                    "summary": "Detect the language of a text",
                    "operationId": "detect",
                    "requestBody": _bodies(detect_body, detect_body),
                    "responses": {
                        "200": _json(
                            {"type": "array", "items": {"$ref": "#/components/schemas/DetectedLanguage"}},
                            "Languages found, the one covering most text first",
                        ),
                        **_errors(400, 403, 413, 429, 500),
                    },
                }
            },
            "/languages": {
                "get": {
                    "summary": "Languages the installed models translate",
                    "operationId": "languages",
                    "responses": {
                        "200": _json({"type": "array", "items": {"$ref": "#/components/schemas/Language"}}, "Languages")
                    },
                }
            },
            "/v1/threads/translate": {
                "post": {
                    "summary": "Translate a whole thread (thread-translator's JSON schema)",
                    "operationId": "translateThread",
                    "parameters": query,
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thread"}}},
                    },
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/TranslatedThread"}, "The translated thread"),
                        **_errors(400, 403, 413, 429, 500),
                    },
                }
            },
            "/frontend/settings": {
                "get": {
                    "summary": "LibreTranslate's front-end settings (character limit, whether keys are needed)",
                    "operationId": "frontendSettings",
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["charLimit", "apiKeys", "keyRequired"],
                                "properties": {
                                    "charLimit": {"type": "integer"},
                                    "apiKeys": {"type": "boolean"},
                                    "keyRequired": {"type": "boolean"},
                                },
                            },
                            "Settings",
                        )
                    },
                }
            },
            "/health": {
                "get": {
                    "summary": "Whether the server is up",
                    "operationId": "health",
                    "responses": {
                        "200": _json(
                            {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}},
                            "Up",
                        )
                    },
                }
            },
        },
        "components": {"schemas": _schemas()},
    }


def _schemas() -> dict[str, Any]:
    detected = {
        "type": "object",
        "required": ["confidence", "language"],
        "properties": {
            "confidence": {"type": "number", "minimum": 0, "maximum": 100},
            "language": {"type": "string"},
        },
    }
    term = {
        "type": "object",
        "required": ["source", "target"],
        "properties": {"source": {"type": "string"}, "target": {"type": "string"}},
    }
    terms = {"type": "array", "items": {"$ref": "#/components/schemas/GlossaryTerm"}}
    nullable_string = {"type": "string", "nullable": True}
    block = {
        "type": "object",
        "required": ["id", "kind", "text"],
        "properties": {
            "id": {"type": "string"},
            "kind": {
                "type": "string",
                "enum": ["title", "subtitle", "heading", "paragraph", "quote", "source", "question"],
            },
            "text": {"type": "string"},
            "lang": nullable_string,
        },
    }
    post = {
        "type": "object",
        "required": ["id", "kind", "blocks"],
        "properties": {
            "id": {"type": "string"},
            "kind": {"type": "string", "enum": ["article", "comment"]},
            "author": nullable_string,
            "blocks": {"type": "array", "items": block},
        },
    }
    return {
        "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
        "DetectedLanguage": detected,
        "GlossaryTerm": term,
        "Translation": {
            "type": "object",
            "required": ["translatedText", "glossary"],
            "properties": {
                "translatedText": STRING_OR_STRINGS,
                "detectedLanguage": {"oneOf": [detected, {"type": "array", "items": detected}]},
                "alternatives": {"type": "array"},
                "glossary": {
                    "description": "Glossary terms applied (per text when q is a list)",
                    # anyOf: an empty list is both a list of terms and a list of lists.
                    "anyOf": [terms, {"type": "array", "items": terms}],
                },
            },
        },
        "Language": {
            "type": "object",
            "required": ["code", "name", "targets"],
            "properties": {
                "code": {"type": "string"},
                "name": {"type": "string"},
                "targets": {"type": "array", "items": {"type": "string"}},
            },
        },
        "Thread": {
            "type": "object",
            "required": ["posts"],
            "properties": {"title": {"type": "string"}, "posts": {"type": "array", "items": post}},
        },
        "TranslatedThread": {
            "type": "object",
            "required": ["posts", "target_lang", "models", "glossaries"],
            "properties": {
                "target_lang": {"type": "string"},
                "models": {"type": "array", "items": {"type": "string"}},
                "glossaries": {"type": "array", "items": {"type": "string"}},
                "posts": {"type": "array", "items": {"type": "object"}},
            },
        },
    }
