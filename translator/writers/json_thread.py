"""The JSON form of a thread: the `inspect --json` schema, and the input of the JSON reader."""

from __future__ import annotations

import json
from typing import Any

from translator.models import Block, Post, Thread

DATE_FORMAT = "%Y-%m-%dT%H:%M"


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
        "blocks": [block_to_dict(block) for block in post.blocks],
    }


def thread_to_dict(thread: Thread) -> dict[str, Any]:
    """A thread in the JSON schema (stable field names; later versions only add fields)."""
    return {
        "source_format": thread.source_format,
        "title": thread.title,
        "subtitle": thread.subtitle,
        "lang": thread.lang,
        "posts": [post_to_dict(post) for post in thread.posts],
    }


def dump_thread(thread: Thread) -> str:
    """The thread as pretty, UTF-8-friendly JSON text ending with a newline."""
    return json.dumps(thread_to_dict(thread), ensure_ascii=False, indent=2) + "\n"
