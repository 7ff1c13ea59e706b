"""The JSON forms of a thread and of a translated thread: written and read back here, one schema.

A thread is what `translator inspect --json` prints and what the JSON reader takes; a translated thread
(`translate --format json`) adds a `translation` object per block. Later versions only add fields.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from translator.errors import InputError
from translator.languages import file_language
from translator.models import (
    BLOCK_KINDS,
    LANG_SOURCES,
    POST_KINDS,
    QUOTE_EXTENTS,
    SOURCE_FORMATS,
    UNIT_ORIGINS,
    UNIT_STATUSES,
    Block,
    Post,
    QaIssue,
    Thread,
    TranslatedThread,
    TranslationUnit,
    Votes,
    qa_code,
)

DATE_FORMAT = "%Y-%m-%dT%H:%M"
FIX_HINT = "fix the JSON or re-create it with `translator inspect --json`"
T = TypeVar("T")


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block in the JSON schema."""
    return {
        "id": block.id,
        "kind": block.kind,
        "text": block.text,
        "quoted_author": block.quoted_author,
        "quote_extent": block.quote_extent,
        "lang": block.lang,
        "lang_confidence": block.lang_confidence,
        "lang_source": block.lang_source,
    }


def post_to_dict(post: Post) -> dict[str, Any]:
    """One post in the JSON schema."""
    return {
        "id": post.id,
        "kind": post.kind,
        "author": post.author,
        "role": post.role,
        "date": post.date.strftime(DATE_FORMAT) if post.date else None,
        "votes": {"up": post.votes.up, "down": post.votes.down} if post.votes else None,
        "shares": post.shares,
        "lang": post.lang,
        "parent": post.parent,
        "url": post.url,
        "deleted": post.deleted,
        "blocks": [block_to_dict(block) for block in post.blocks],
    }


def thread_to_dict(thread: Thread) -> dict[str, Any]:
    """A thread in the JSON schema (stable field names; later versions only add fields)."""
    return {
        "source_format": thread.source_format,
        "title": thread.title,
        "subtitle": thread.subtitle,
        "lang": thread.lang,
        "url": thread.url,
        "site": thread.site,
        "published": thread.published.strftime(DATE_FORMAT) if thread.published else None,
        "posts": [post_to_dict(post) for post in thread.posts],
    }


def dump_thread(thread: Thread) -> str:
    """The thread as pretty, UTF-8-friendly JSON text ending with a newline."""
    return json.dumps(thread_to_dict(thread), ensure_ascii=False, indent=2) + "\n"


def dump_threads(threads: Sequence[Thread]) -> str:
    """The threads of a file as JSON: one thread object, or an array of them for a file of several
    (the JSON reader takes both)."""
    if len(threads) == 1:
        return dump_thread(threads[0])
    return json.dumps([thread_to_dict(thread) for thread in threads], ensure_ascii=False, indent=2) + "\n"


def read_json_thread(text: str) -> Thread:
    """Parse and validate a JSON thread; any schema error names the place it was found."""
    from translator.readers.common import load_json

    return thread_from_dict(load_json(text, FIX_HINT))


def threads_from_data(data: Any) -> tuple[Thread, ...] | None:
    """The threads of parsed JSON as `dump_threads` writes them: one thread object, or an array of them;
    None for JSON of another shape."""
    if isinstance(data, list) and data and all(isinstance(item, dict) and "posts" in item for item in data):
        return tuple(thread_from_dict(item) for item in data)
    if isinstance(data, dict) and "posts" in data:
        return (thread_from_dict(data),)
    return None


def thread_from_dict(data: Any) -> Thread:
    """A thread from its parsed JSON form, validated like `read_json_thread`."""
    document = _object(data, "the document")
    posts = _list(document, "posts", "the document")
    source_format = _optional(document, "source_format", str, "the document") or "json"
    published = _optional(document, "published", str, "the document")
    return Thread(
        title=_optional(document, "title", str, "the document") or "",
        subtitle=_optional(document, "subtitle", str, "the document"),
        posts=tuple(_post(item, n) for n, item in enumerate(posts, start=1)),
        source_format=_choice(source_format, SOURCE_FORMATS, "source_format", "the document"),
        lang=_language(document, "lang", "the document"),
        url=_optional(document, "url", str, "the document"),
        site=_optional(document, "site", str, "the document"),
        published=_date(published, "the document", "published") if published is not None else None,
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
        lang=_language(post, "lang", where),
        parent=_optional(post, "parent", str, where),
        url=_optional(post, "url", str, where),
        deleted=_flag(post, "deleted", where),
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
        lang=_language(block, "lang", where),
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


def _language(parent: dict[str, Any], key: str, where: str) -> str | None:
    """A language field as the Argos code (`pt_BR` is `pt`); InputError when it names no language."""
    value = _optional(parent, key, str, where)
    return file_language(value, f"{where}: {key!r}") if value is not None else None


def _count(parent: dict[str, Any], key: str, where: str) -> int:
    value = parent.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"{where}: {key!r} must be a whole number >= 0", FIX_HINT)
    return value


def _flag(parent: dict[str, Any], key: str, where: str) -> bool:
    value = parent.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InputError(f"{where}: {key!r} must be true or false", FIX_HINT)
    return value


def _choice(value: str, choices: tuple[T, ...], key: str, where: str) -> T:
    for choice in choices:
        if value == choice:
            return choice
    raise InputError(f"{where}: {key!r} is {value!r}, expected one of {', '.join(map(str, choices))}", FIX_HINT)


def _date(text: str, where: str, key: str = "date") -> datetime:
    try:
        return datetime.strptime(text, DATE_FORMAT)
    except ValueError:
        raise InputError(f"{where}: {key!r} is {text!r}, expected YYYY-MM-DDTHH:MM", FIX_HINT) from None


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
        "note": unit.note,
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


def translated_from_dict(document: Any) -> TranslatedThread:
    """The translated thread of a parsed JSON document, validated like a thread (`where: what is wrong`);
    a block without a `translation` gets an empty machine draft, so every block has its unit. Two blocks
    with one id are refused: a review could not tell them apart."""
    thread = thread_from_dict(document)
    target = _language(document, "target_lang", "the document") or "und"
    owners: dict[str, str] = {}
    units = []
    for post_data, post in zip(document["posts"], thread.posts, strict=True):
        for block_data, block in zip(post_data["blocks"], post.blocks, strict=True):
            where = f"post {post.id!r} block {block.id!r}"
            if block.id in owners:
                raise InputError(
                    f"{where}: the block id {block.id!r} is used twice (also in post {owners[block.id]!r})",
                    "give every block its own id, then translate again",
                )
            owners[block.id] = post.id
            units.append(_unit(block_data.get("translation"), post, block, target, where))
    return TranslatedThread(
        thread,
        target,
        tuple(units),
        models=_strings(document, "models", "the document"),
        glossaries=_strings(document, "glossaries", "the document"),
    )


def _unit(value: Any, post: Post, block: Block, target: str, where: str) -> TranslationUnit:
    """The unit of a block's `translation` object (None: an empty machine draft)."""
    if value is None:
        return TranslationUnit(block, post.id, block.lang or "und", target, "", "machine")
    where = f"{where} translation"
    item = _object(value, where)
    source_lang = _language(item, "source_lang", where)
    origin = _optional(item, "origin", str, where)
    status = _optional(item, "status", str, where)
    issues = _optional(item, "qa", list, where) or []
    return TranslationUnit(
        block,
        post.id,
        source_lang if source_lang is not None else block.lang or "und",
        target,
        _optional(item, "text", str, where) or "",
        _choice(origin, UNIT_ORIGINS, "origin", where) if origin is not None else "machine",
        status=_choice(status, UNIT_STATUSES, "status", where) if status is not None else "draft",
        terms=_strings(item, "terms", where),
        issues=tuple(
            issue
            for number, value in enumerate(issues, start=1)
            if (issue := _issue(value, f"{where} qa {number}")) is not None
        ),
        previous=_optional(item, "previous", str, where),
        note=_optional(item, "note", str, where) or "",
    )


def _issue(value: Any, where: str) -> QaIssue | None:
    """A QA finding as written; None for a code we do not know (dropped: QA runs again on what is reviewed)."""
    issue = _object(value, where)
    code = qa_code(_required(issue, "code", str, where))
    message = _required(issue, "message", str, where)
    return QaIssue(code, message) if code is not None else None


def _strings(parent: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = _optional(parent, key, list, where) or []
    if not all(isinstance(value, str) for value in values):
        raise InputError(f"{where}: {key!r} must be a list of strings", FIX_HINT)
    return tuple(values)


UNPAIRED_SURROGATE = re.compile("[\ud800-\udfff]")
"""What is left of an escape such as `\\ud800` that JSON decoding could not pair (a pair is one character)."""


def unpaired_surrogate(document: Any) -> str | None:
    """The first unpaired surrogate in the strings of parsed JSON (keys included); None when there is none."""
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if (found := UNPAIRED_SURROGATE.search(value)) is not None:
                return found.group()
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return None


def _untranslated_thread(document: Any) -> bool:
    """Whether parsed JSON is a thread as `inspect --json` writes it, never translated: no `target_lang`, and no
    block with a `translation` (every translated file has both); a file without blocks holds no entry to review."""
    if not isinstance(document, dict) or "target_lang" in document or not isinstance(document.get("posts"), list):
        return False
    blocks = [
        block
        for post in document["posts"]
        if isinstance(post, dict) and isinstance(post.get("blocks"), list)
        for block in post["blocks"]
    ]
    return bool(blocks) and not any(isinstance(block, dict) and "translation" in block for block in blocks)


def read_translated_json(path: Path) -> TranslatedThread:
    """A translated JSON file (`translator translate --format json`) read back; InputError naming the file
    and the place when it is not one."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: bytes that are not UTF-8 at byte {error.start}", "save it as UTF-8") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}", "check the path") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}: invalid JSON: {error.msg}", FIX_HINT) from None
    except (ValueError, RecursionError) as error:
        raise InputError(f"{path}: unreadable JSON: {error}", FIX_HINT) from None
    if (surrogate := unpaired_surrogate(document)) is not None:
        # An escape such as \ud800 alone decodes to no character: no UTF-8 output, memory or terminal takes it.
        escape = f"\\u{ord(surrogate):04x}"
        at = text.lower().find(escape)
        line = f" at line {text.count(chr(10), 0, at) + 1}" if at >= 0 else ""
        raise InputError(
            f"{path}: the JSON holds an unpaired surrogate ({escape}){line}, which is no character",
            "the file was damaged or edited by a faulty tool: fix or remove that escape, or translate the thread again",
        )
    if _untranslated_thread(document):
        raise InputError(
            f"{path} is a thread, not a translated file: it has no target language and no translation",
            "translate it first, e.g. `translator translate THREAD -o THREAD.en.json`, and give the file it writes",
        )
    try:
        return translated_from_dict(document)
    except InputError as error:
        raise InputError(f"{path}: {error.message}", error.hint) from None
