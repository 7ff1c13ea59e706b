"""Helpers every reader shares: line cleaning, readable block ids, dates out of matched text, comment posts."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from translator.models import Block, BlockKind, Post, QuoteExtent, Votes

BlockSpec = tuple[BlockKind, str, str | None, QuoteExtent | None]
"""kind, text, quoted author, quote extent: a block before it has an id."""


def clean(line: str) -> str:
    """A line with its surrounding whitespace (no-break spaces included) removed."""
    return line.strip().strip("\u00a0\u202f\ufeff").strip()


BLOCK_ID_PREFIX: dict[BlockKind, str] = {
    "title": "title",
    "subtitle": "subtitle",
    "heading": "h",
    "paragraph": "p",
    "quote": "q",
    "source": "src",
    "question": "ask",
}


def number_blocks(post_id: str, specs: list[BlockSpec]) -> tuple[Block, ...]:
    """Blocks with readable ids: `article.title`, `article.p3`, `c4.q1`, counted per kind within a post."""
    counts: Counter[str] = Counter()
    blocks = []
    for kind, text, quoted_author, extent in specs:
        prefix = BLOCK_ID_PREFIX[kind]
        counts[prefix] += 1
        suffix = prefix if kind in ("title", "subtitle") and counts[prefix] == 1 else f"{prefix}{counts[prefix]}"
        blocks.append(
            Block(
                id=f"{post_id}.{suffix}",
                kind=kind,
                text=text,
                quoted_author=quoted_author,
                quote_extent=extent,
            )
        )
    return tuple(blocks)


def date_of(match: re.Match[str]) -> datetime | None:
    """The datetime a regex match names in its `year`, `month`, `day` and optional `hour`, `minute` groups;
    None for an impossible date (31 February)."""
    try:
        return datetime(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
        )
    except ValueError:
        return None


def comment_post(
    number: int,
    specs: list[BlockSpec],
    *,
    author: str | None,
    role: str | None = None,
    date: datetime | None = None,
    votes: Votes | None = None,
    parent: str | None = None,
    url: str | None = None,
    deleted: bool = False,
) -> Post:
    """Comment number `number` as post `cNUMBER`, its blocks numbered under that id."""
    post_id = f"c{number}"
    return Post(
        id=post_id,
        kind="comment",
        author=author,
        role=role,
        date=date,
        votes=votes,
        blocks=number_blocks(post_id, specs),
        parent=parent,
        url=url,
        deleted=deleted,
    )
