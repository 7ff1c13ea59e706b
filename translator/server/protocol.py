"""LibreTranslate's wire rules: where parameters come from, how they are checked, how errors read.

A JSON body (`Content-Type: application/json`) is read as an object of parameters; anything else is read
as form fields (URL-encoded or multipart) over the query string, as LibreTranslate does (deep-translator
sends its parameters in the query string of a POST). Every problem is an `ApiError`: a status and one
line, answered as `{"error": "..."}` with LibreTranslate's wording where it has one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from translator.errors import DetectionError
from translator.formats.json import unpaired_surrogate
from translator.languages import from_libretranslate, language_name, to_libretranslate

TEXT_FORMATS = ("text", "html")
LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
# Patterns the OpenAPI document states as they are, matched here whole (re.fullmatch).
LANGUAGE_PATTERN = "^[A-Za-z]{2,3}([-_][A-Za-z]{2,4})?$"
"""What a language code looks like on the wire (`fr`, `FR`, `zh-Hans`, `pt_BR`)."""
AUTO_PATTERN = "^[Aa][Uu][Tt][Oo]$"
"""`auto`, in any case (LibreTranslate lower-cases codes)."""
WHOLE_NUMBER_PATTERN = "^-?[0-9]+$"


class ApiError(Exception):
    """A request the server answers with an error: HTTP status and a one-line message."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


def missing(name: str) -> ApiError:
    """LibreTranslate's answer to a missing parameter."""
    return ApiError(400, f"Invalid request: missing {name} parameter")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(int(declared), limit)
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large(size, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(size: int, limit: int) -> ApiError:
    """The answer to an oversized body."""
    return ApiError(413, f"Invalid request: body ({size} bytes or more) exceeds the limit ({limit} bytes)")


def is_json(request: Request) -> bool:
    """Whether the body is JSON by its content type (as Flask's `is_json`)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def parse_json(body: bytes) -> Any:
    """A JSON body; malformed JSON is a 400, and so is text no answer could encode (lone surrogates,
    which JSON's `\\ud800` escapes can make)."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise ApiError(400, "Invalid JSON format") from None
    if unpaired_surrogate(data) is not None:
        raise ApiError(400, "Invalid request: the JSON holds an unpaired surrogate (\\ud800-\\udfff)")
    return data


async def read_params(request: Request, body: bytes) -> dict[str, Any]:
    """The parameters of a LibreTranslate call: the JSON object, or the form fields over the query string."""
    if is_json(request):
        data = parse_json(body)
        if not isinstance(data, dict):
            raise ApiError(400, "Invalid JSON format")
        return data
    params: dict[str, Any] = {}
    for name, value in request.query_params.multi_items():
        params.setdefault(name, value)

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=0, max_fields=100)
    # A form field wins over a query parameter of the same name; the first of repeated fields counts.
    fields: dict[str, Any] = {}
    for name, field in form.multi_items():
        if isinstance(field, str):
            fields.setdefault(name, field)
    params.update(fields)
    return params


def optional_text(params: Mapping[str, Any], name: str) -> str | None:
    """A string parameter, None when absent or empty."""
    value = params.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ApiError(400, f"Invalid request: {name} parameter must be a string")
    return value


def required_text(params: Mapping[str, Any], name: str) -> str:
    """A string parameter that must be there."""
    value = optional_text(params, name)
    if value is None:
        raise missing(name)
    return value


def texts_param(params: Mapping[str, Any]) -> tuple[list[str], bool]:
    """`q`: one text or a list of texts; returns the texts and whether a list was given."""
    value = params.get("q")
    if value is None or value == "" or value == []:
        raise missing("q")
    if isinstance(value, str):
        return [value], False
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value, True
    raise ApiError(400, "Invalid request: q must be a string or a list of strings")


def language_param(params: Mapping[str, Any], name: str, allow_auto: bool) -> str | None:
    """`source`/`target` as an Argos code (None for `auto`); an unknown code is not supported (400)."""
    value = required_text(params, name)
    if allow_auto and re.fullmatch(AUTO_PATTERN, value):
        return None
    return language_code(value)


def language_code(value: str) -> str:
    """A client's language code (`zh-Hans`, `pt-BR`, `FR`: any case, as LibreTranslate) as an Argos code;
    only what LANGUAGE_PATTERN describes is taken (ASCII letters, no spaces around)."""
    if not re.fullmatch(LANGUAGE_PATTERN, value):
        raise ApiError(400, f"{value} is not supported")
    try:
        return from_libretranslate(value)
    except DetectionError:
        raise ApiError(400, f"{value} is not supported") from None


def format_param(params: Mapping[str, Any]) -> str:
    """`format`: `text` (default) or `html`."""
    value = optional_text(params, "format") or "text"
    if value not in TEXT_FORMATS:
        raise ApiError(400, f"{value} format is not supported")
    return value


def alternatives_param(params: Mapping[str, Any]) -> int:
    """`alternatives`: how many alternative translations are wanted (we give none, as LibreTranslate
    does for HTML); only checked."""
    value = params.get("alternatives", 0)
    if isinstance(value, str) and re.fullmatch(WHOLE_NUMBER_PATTERN, value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError(400, "Invalid request: alternatives parameter is not a number")
    return max(0, value)


def check_characters(count: int, limit: int) -> None:
    """LibreTranslate's answer to text over the character limit."""
    if limit and count > limit:
        raise ApiError(400, f"Invalid request: request ({count}) exceeds text limit ({limit})")


@dataclass(frozen=True, slots=True)
class PlainText:
    """`format=text`: each non-blank line is a paragraph; line breaks and outer whitespace are kept."""

    pieces: tuple[str, ...]
    """The text split into lines and the line breaks between them (odd indexes)."""

    @classmethod
    def parse(cls, text: str) -> PlainText:
        """Split a text into lines."""
        return cls(tuple(LINE_BREAK.split(text)))

    @property
    def paragraphs(self) -> list[str]:
        """The non-blank lines, stripped."""
        return [line.strip() for line in self.pieces[::2] if line.strip()]

    def render(self, translations: Sequence[str]) -> str:
        """The text with each paragraph replaced by its translation."""
        replacements = iter(translations)
        out = []
        for index, piece in enumerate(self.pieces):
            if index % 2 or not piece.strip():
                out.append(piece)
                continue
            start = len(piece) - len(piece.lstrip())
            end = len(piece.rstrip())
            out.append(piece[:start] + next(replacements) + piece[end:])
        return "".join(out)


def wire_language(code: str) -> str:
    """An Argos code as LibreTranslate names it on the wire."""
    return to_libretranslate(code)


def check_pair(targets: Mapping[str, frozenset[str]], source: str | None, target: str) -> None:
    """LibreTranslate's answers to a language or pair the models do not serve; `targets` lists, per source
    language, the languages it can be translated into (`source` None: detected per paragraph later)."""
    if not any(target in reachable for reachable in targets.values()):
        raise ApiError(400, f"{wire_language(target)} is not supported")
    if source is None or source == target:
        return
    if source not in targets:
        raise ApiError(400, f"{wire_language(source)} is not supported")
    if target not in targets[source]:
        raise ApiError(
            400,
            f"{language_name(target)} ({wire_language(target)}) is not available as a target language "
            f"from {language_name(source)} ({wire_language(source)})",
        )
