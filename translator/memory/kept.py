"""The compact form of a translated thread kept whole in the translation memory.

A rerun rebuilds every kept thread it serves, so this form is made to decode fast: positional JSON
arrays, compressed, read without the schema checks that user JSON gets. We wrote it; zlib's checksum
catches a damaged entry, and any shape it does not expect raises ValueError, TypeError or zlib.error,
which the caller treats as "not kept".
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from translator.models import (
    Block,
    Post,
    QaCode,
    QaIssue,
    Thread,
    TranslatedThread,
    TranslationUnit,
    Votes,
    qa_code,
)

FORMAT = 3
"""Bump when the arrays below change; entries of another format are not read."""


@dataclass(frozen=True, slots=True)
class KeptThread:
    """A translated thread as the memory keeps it, with what a rerun reports about it."""

    translated: TranslatedThread
    """The translated thread, exactly as first made."""
    warnings: tuple[str, ...] = ()
    """The warnings of its reading and translation."""
    sentences: int = 0
    """The sentences it took to translate (a rerun reports them all as from the memory)."""


def encode_kept(kept: KeptThread) -> bytes:
    """The kept form of a translated thread; ValueError when its units do not follow its blocks one to
    one (the invariant of TranslatedThread), so nothing inexact is kept."""
    translated = kept.translated
    units = iter(translated.units)
    posts = []
    for post in translated.thread.posts:
        blocks = []
        for block in post.blocks:
            unit = next(units, None)
            if (
                unit is None
                or unit.post_id != post.id
                or unit.target_lang != translated.target_lang
                or (unit.block is not block and unit.block != block)
            ):
                raise ValueError(f"unit out of step with block {block.id!r}")
            blocks.append(
                [
                    block.id,
                    block.kind,
                    block.text,
                    block.quoted_author,
                    block.quote_extent,
                    block.lang,
                    block.lang_confidence,
                    block.lang_source,
                    unit.source_lang,
                    unit.target,
                    unit.origin,
                    unit.status,
                    list(unit.terms),
                    [[issue.code, issue.message] for issue in unit.issues],
                    unit.previous,
                ]
            )
        votes = [post.votes.up, post.votes.down] if post.votes else None
        date = post.date.isoformat() if post.date else None
        posts.append(
            [
                post.id,
                post.kind,
                post.author,
                post.role,
                date,
                votes,
                post.shares,
                post.lang,
                blocks,
                post.parent,
                post.url,
                post.deleted,
            ]
        )
    if next(units, None) is not None:
        raise ValueError("more units than blocks")
    thread = translated.thread
    document = [
        FORMAT,
        [
            thread.title,
            thread.subtitle,
            thread.source_format,
            thread.lang,
            thread.url,
            thread.site,
            thread.published.isoformat() if thread.published else None,
        ],
        [translated.target_lang, list(translated.models), list(translated.glossaries), kept.sentences],
        list(kept.warnings),
        posts,
    ]
    return zlib.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def decode_kept(payload: bytes) -> KeptThread:
    """The kept thread of a kept form, exactly as encoded; ValueError, TypeError or zlib.error when the
    payload is damaged or of another format."""
    version, thread_fields, translation_fields, warnings, post_rows = json.loads(zlib.decompress(payload))
    if version != FORMAT:
        raise ValueError(f"kept thread format {version!r}")
    title, subtitle, source_format, thread_lang, url, site, published = thread_fields
    target, models, glossaries, sentences = translation_fields
    if not isinstance(sentences, int):
        raise TypeError("sentences must be a count")
    posts = []
    units = []
    for post_id, kind, author, role, date, votes, shares, post_lang, block_rows, parent, post_url, deleted in post_rows:
        blocks = []
        for row in block_rows:
            source_lang, text, origin, status, terms, issues, previous = row[8:]
            block = Block(*row[:8])
            blocks.append(block)
            units.append(
                TranslationUnit(
                    block,
                    post_id,
                    source_lang,
                    target,
                    text,
                    origin,
                    status,
                    tuple(terms),
                    tuple(QaIssue(_known_code(code), message) for code, message in issues),
                    previous,
                )
            )
        posts.append(
            Post(
                post_id,
                kind,
                author,
                role,
                datetime.fromisoformat(date) if date is not None else None,
                Votes(*votes) if votes is not None else None,
                shares,
                tuple(blocks),
                post_lang,
                parent,
                post_url,
                bool(deleted),
            )
        )
    thread = Thread(
        title,
        subtitle,
        tuple(posts),
        source_format,
        thread_lang,
        url,
        site,
        datetime.fromisoformat(published) if published is not None else None,
    )
    translated = TranslatedThread(thread, target, tuple(units), tuple(models), tuple(glossaries))
    return KeptThread(translated, tuple(_strings(warnings)), sentences)


def _known_code(text: str) -> QaCode:
    code = qa_code(text)
    if code is None:
        raise ValueError(f"unknown QA code {text!r}")
    return code


def _strings(values: Any) -> list[str]:
    if not all(isinstance(value, str) for value in values):
        raise TypeError("warnings must be strings")
    return list(values)
