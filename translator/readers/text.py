"""Read plain text or Markdown: blank-line paragraphs, `#` headings, `>` quotes, `---` between posts.

The first post is the article; each thematic break (`---`, `***` or `___` on its own line) starts a
comment. A leading `# ` heading of the article is the title. A backslash before a leading `#`, `>` or
`\\` keeps it literal, which is how `dump_text` writes such text.
"""

from __future__ import annotations

import re

from translator.errors import InputError
from translator.models import Block, BlockKind, Post, Thread
from translator.readers.common import BlockSpec, Reading, number_blocks

POST_BREAK = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
ESCAPABLE = ("#", ">", "\\")


def read_text(text: str) -> Reading:
    """Parse plain text or Markdown into its one thread; raise InputError when there is no text at all."""
    chunks: list[list[str]] = [[]]
    for line in text.splitlines():
        if POST_BREAK.match(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    posts: list[Post] = []
    for chunk in chunks:
        is_article = not posts
        post_id = "article" if is_article else f"c{len(posts)}"
        specs = _block_specs(chunk, allow_title=is_article)
        if not specs and not is_article:
            continue
        posts.append(
            Post(
                id=post_id,
                kind="article" if is_article else "comment",
                author=None,
                blocks=number_blocks(post_id, specs),
            )
        )
    if not any(post.blocks for post in posts):
        raise InputError("no text found in this file", "give a file with at least one paragraph")
    title = next((b.text for b in posts[0].blocks if b.kind == "title"), "")
    return Reading((Thread(title=title, subtitle=None, posts=tuple(posts), source_format="text"),))


def _block_specs(lines: list[str], allow_title: bool) -> list[BlockSpec]:
    specs: list[BlockSpec] = []
    paragraph: list[str] = []
    paragraph_kind: BlockKind = "paragraph"

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            specs.append((paragraph_kind, " ".join(paragraph), None, None))
        paragraph = []

    for raw in lines:
        line = raw.strip()
        quote = QUOTE.match(raw)
        heading = HEADING.match(line)
        if not line:
            flush()
        elif heading:
            flush()
            kind: BlockKind = "title" if allow_title and not specs and len(heading[1]) == 1 else "heading"
            if heading[2]:
                specs.append((kind, _unescape(heading[2]), None, None))
        elif quote:
            if paragraph_kind != "quote":
                flush()
                paragraph_kind = "quote"
            if quote[1].strip():
                paragraph.append(_unescape(quote[1].strip()))
            else:
                flush()
        else:
            if paragraph_kind != "paragraph":
                flush()
                paragraph_kind = "paragraph"
            paragraph.append(_unescape(line))
    flush()
    return specs


def _unescape(text: str) -> str:
    escaped = text.startswith("\\") and (text[1:].startswith(ESCAPABLE) or POST_BREAK.match(text[1:]))
    return text[1:] if escaped else text


def _escape(text: str) -> str:
    return "\\" + text if text.startswith(ESCAPABLE) or POST_BREAK.match(text) else text


def dump_text(thread: Thread) -> str:
    """The thread as Markdown that `read_text` reads back to the same thread."""
    parts: list[str] = []
    for index, post in enumerate(thread.posts):
        if index:
            parts.append("---")
        parts.extend(_dump_block(block) for block in post.blocks)
    return "\n\n".join(parts) + "\n"


def _dump_block(block: Block) -> str:
    if block.kind == "title":
        return f"# {_escape(block.text)}"
    if block.kind == "heading":
        return f"## {_escape(block.text)}"
    if block.kind == "quote":
        return f"> {_escape(block.text)}"
    return _escape(block.text)
