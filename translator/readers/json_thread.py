"""Read a thread saved in our JSON schema (what `translator inspect --json` prints)."""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any, TypeVar

from translator.errors import InputError
from translator.models import (
    BLOCK_KINDS,
    LANG_SOURCES,
    POST_KINDS,
    QUOTE_EXTENTS,
    SOURCE_FORMATS,
    Block,
    Post,
    Thread,
    Votes,
)
from translator.writers.json_thread import DATE_FORMAT

T = TypeVar("T")
FIX_HINT = "fix the JSON or re-create it with `translator inspect --json`"


def read_json_thread(text: str) -> Thread:
    """Parse and validate a JSON thread; any schema error names the place it was found."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}", FIX_HINT) from None
    return thread_from_dict(data)


def thread_from_dict(data: Any) -> Thread:
    """A thread from its parsed JSON form, validated like `read_json_thread`."""
    document = _object(data, "the document")
    posts = _list(document, "posts", "the document")
    source_format = _optional(document, "source_format", str, "the document") or "json"
    return Thread(
        title=_optional(document, "title", str, "the document") or "",
        subtitle=_optional(document, "subtitle", str, "the document"),
        posts=tuple(_post(item, n) for n, item in enumerate(posts, start=1)),
        source_format=_choice(source_format, SOURCE_FORMATS, "source_format", "the document"),
        lang=_optional(document, "lang", str, "the document"),
    )


def _post(item: Any, number: int) -> Post:
    where = f"post {number}"
    post = _object(item, where)
    post_id = _required(post, "id", str, where)
    where = f"post {post_id!r}"
    votes_data = post.get("votes")
    votes = None
    if votes_data is not None:
        votes_object = _object(votes_data, f"{where} votes")
        votes = Votes(_count(votes_object, "up", where), _count(votes_object, "down", where))
    date_text = _optional(post, "date", str, where)
    shares = post.get("shares")
    if shares is not None:
        shares = _count(post, "shares", where)
    return Post(
        id=post_id,
        kind=_choice(_required(post, "kind", str, where), POST_KINDS, "kind", where),
        author=_optional(post, "author", str, where),
        role=_optional(post, "role", str, where),
        date=_date(date_text, where) if date_text is not None else None,
        votes=votes,
        shares=shares,
        blocks=tuple(_block(b, where, n) for n, b in enumerate(_list(post, "blocks", where), start=1)),
        lang=_optional(post, "lang", str, where),
    )


def _block(item: Any, post_where: str, number: int) -> Block:
    where = f"{post_where} block {number}"
    block = _object(item, where)
    extent = _optional(block, "quote_extent", str, where)
    lang_source = _optional(block, "lang_source", str, where)
    confidence = block.get("lang_confidence")
    if confidence is not None and (
        isinstance(confidence, bool)
        or not isinstance(confidence, int | float)
        or not math.isfinite(confidence)
        or not 0 <= confidence <= 1
    ):
        raise InputError(f"{where}: 'lang_confidence' must be a number from 0 to 1", FIX_HINT)
    return Block(
        id=_required(block, "id", str, where),
        kind=_choice(_required(block, "kind", str, where), BLOCK_KINDS, "kind", where),
        text=_required(block, "text", str, where),
        quoted_author=_optional(block, "quoted_author", str, where),
        quote_extent=_choice(extent, QUOTE_EXTENTS, "quote_extent", where) if extent is not None else None,
        lang=_optional(block, "lang", str, where),
        lang_confidence=float(confidence) if confidence is not None else None,
        lang_source=_choice(lang_source, LANG_SOURCES, "lang_source", where) if lang_source is not None else None,
    )


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"{where} must be a JSON object", FIX_HINT)
    return value


def _list(parent: dict[str, Any], key: str, where: str) -> list[Any]:
    value = parent.get(key)
    if not isinstance(value, list):
        raise InputError(f"{where}: {key!r} must be a list", FIX_HINT)
    return value


def _required(parent: dict[str, Any], key: str, kind: type[T], where: str) -> T:
    value = parent.get(key)
    if not isinstance(value, kind):
        raise InputError(f"{where}: {key!r} is missing or not a {kind.__name__}", FIX_HINT)
    return value


def _optional(parent: dict[str, Any], key: str, kind: type[T], where: str) -> T | None:
    value = parent.get(key)
    if value is not None and not isinstance(value, kind):
        raise InputError(f"{where}: {key!r} must be a {kind.__name__} or null", FIX_HINT)
    return value


def _count(parent: dict[str, Any], key: str, where: str) -> int:
    value = parent.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"{where}: {key!r} must be a whole number >= 0", FIX_HINT)
    return value


def _choice(value: str, choices: tuple[T, ...], key: str, where: str) -> T:
    for choice in choices:
        if value == choice:
            return choice
    raise InputError(f"{where}: {key!r} is {value!r}, expected one of {', '.join(map(str, choices))}", FIX_HINT)


def _date(text: str, where: str) -> datetime:
    try:
        return datetime.strptime(text, DATE_FORMAT)
    except ValueError:
        raise InputError(f"{where}: 'date' is {text!r}, expected YYYY-MM-DDTHH:MM", FIX_HINT) from None
