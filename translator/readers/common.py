"""Helpers every reader shares: line cleaning and readable block ids."""

from __future__ import annotations

from collections import Counter

from translator.models import Block, BlockKind, QuoteExtent

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
