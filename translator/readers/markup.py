"""HTML inside a post (a Reddit comment, a Discourse post, a feed item) as plain-text blocks.

Every reader whose source holds post bodies as HTML turns them into blocks here, so one set of rules
decides what a block is: paragraphs, headings, list items and table cells are blocks; `<blockquote>`
and Discourse's `<aside class="quote" data-username>` give quote blocks with their author where the
markup names one; `<pre>` keeps its lines; `<br>` ends a block (a line of its own is a sentence of its
own to the translator). Entities are decoded by the parser; scripts, styles, forms, media and hidden
elements never reach a block, and neither does any tag: a block is text, never markup.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from translator.models import BlockKind
from translator.readers.common import BlockSpec

if TYPE_CHECKING:
    from lxml.etree import _Element

# What never holds reader-visible text of a post.
DROPPED_TAGS = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "head",
        "title",
        "svg",
        "math",
        "form",
        "button",
        "input",
        "select",
        "textarea",
        "iframe",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "map",
    }
)
# Elements whose start and end break the text into blocks.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "aside",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "caption",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "details",
        "summary",
        "main",
        "nav",
        "center",
        "hr",
        "br",
        "address",
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACES = re.compile(r"\s+")
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# Characters libxml2 refuses in text (it would stop or garble the parse): shown as U+FFFD instead.
UNPARSABLE = re.compile("[\x00\ufffe\uffff]")


_parsers = threading.local()


@dataclass(frozen=True, slots=True)
class MarkupRules:
    """Site-specific choices on top of the common rules."""

    skip: Callable[[_Element], bool] | None = None
    """Elements to leave out with their content (a site's widgets), besides the common ones."""
    marked_quotes: bool = False
    """Paragraphs that start with `>` are quotes (Hacker News has no quote markup; people type `>`)."""


@dataclass
class _Context:
    """Where the walk is: inside how many quotes (with their authors), inside `<pre>`, in a heading."""

    quote_authors: list[str | None] = field(default_factory=list)
    pre_depth: int = 0
    heading_depth: int = 0


def html_blocks(markup: str, rules: MarkupRules | None = None) -> list[BlockSpec]:
    """The blocks of an HTML fragment, in reading order, each one line of plain text."""
    if "<" not in markup and "&" not in markup:
        return _plain_blocks(markup, rules)
    return _walk(parse_fragment(markup), rules or MarkupRules())


def text_blocks(text: str, rules: MarkupRules | None = None) -> list[BlockSpec]:
    """The blocks of text that is not HTML (a Markdown source, a feed's plain text): paragraphs split on
    blank lines, the lines of a paragraph joined; nothing in it is read as markup."""
    return _plain_blocks(text, rules)


def html_text(markup: str) -> str:
    """An HTML fragment as one line of plain text (titles, names): its blocks joined by spaces."""
    return " ".join(text for _, text, _, _ in html_blocks(markup))


def parse_fragment(markup: str) -> _Element:
    """The `<body>` of an HTML fragment, parsed leniently (unclosed `<p>`, stray tags) by lxml."""
    from lxml import etree, html

    parser = getattr(_parsers, "parser", None)
    if parser is None:  # one per thread: an lxml parser is not shared between threads
        parser = _parsers.parser = html.HTMLParser(
            encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
        )
    data = b"<html><body>" + UNPARSABLE.sub("\ufffd", markup).encode("utf-8", "replace") + b"</body></html>"
    root = etree.fromstring(data, parser)
    body = root.find("body") if root is not None else None
    return body if body is not None else etree.Element("body")


def is_hidden(element: _Element) -> bool:
    """Whether an element is never shown: a dropped tag, `hidden`, `aria-hidden`, or an inline style
    that hides it."""
    tag = element.tag
    if not isinstance(tag, str) or tag.lower() in DROPPED_TAGS:
        return True
    if element.get("hidden") is not None or (element.get("aria-hidden") or "").lower() == "true":
        return True
    return bool(HIDDEN_STYLE.search(element.get("style") or ""))


def _walk(body: _Element, rules: MarkupRules) -> list[BlockSpec]:
    """Walk the tree without recursion (a hostile page nests deeply), gathering text into blocks."""
    from lxml import etree

    specs: list[BlockSpec] = []
    context = _Context()
    pieces: list[str] = []

    def flush() -> None:
        text = "".join(pieces)
        pieces.clear()
        _add_text(specs, text, context, rules)

    walker = etree.iterwalk(body, events=("start", "end"))
    skipped: _Element | None = None
    for event, element in walker:
        if element is body:
            if event == "start" and body.text:
                pieces.append(body.text)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if is_hidden(element) or _is_quote_header(element) or (rules.skip is not None and rules.skip(element)):
                walker.skip_subtree()
                skipped = element
                continue
            if tag in BLOCK_TAGS:
                flush()
                _enter(element, tag, context)
            elif tag == "img" and (alt := _emoji_text(element)):
                pieces.append(alt)
            if element.text:
                pieces.append(element.text)
            continue
        if element is skipped:
            skipped = None
        elif tag in BLOCK_TAGS:
            flush()
            _leave(element, tag, context)
        if element.tail:
            pieces.append(element.tail)
    flush()
    return specs


def _enter(element: _Element, tag: str, context: _Context) -> None:
    if tag == "blockquote" or _is_quote_aside(element, tag):
        author = element.get("data-username") or None
        inherited = context.quote_authors[-1] if context.quote_authors else None
        context.quote_authors.append(author or (inherited if tag == "blockquote" else None))
    elif tag == "pre":
        context.pre_depth += 1
    elif tag in HEADING_TAGS:
        context.heading_depth += 1


def _leave(element: _Element, tag: str, context: _Context) -> None:
    if (tag == "blockquote" or _is_quote_aside(element, tag)) and context.quote_authors:
        context.quote_authors.pop()
    elif tag == "pre":
        context.pre_depth = max(0, context.pre_depth - 1)
    elif tag in HEADING_TAGS:
        context.heading_depth = max(0, context.heading_depth - 1)


def _is_quote_aside(element: _Element, tag: str) -> bool:
    """Discourse's quote of another post: `<aside class="quote" data-username="...">`."""
    return tag == "aside" and "quote" in (element.get("class") or "").split()


def _is_quote_header(element: _Element) -> bool:
    """The avatar and `name:` line Discourse puts above a quote: its author is in the aside already."""
    parent = element.getparent()
    classes = (element.get("class") or "").split()
    return (
        parent is not None
        and _is_quote_aside(parent, str(parent.tag))
        and bool({"title", "quote-controls"} & set(classes))
    )


def _emoji_text(element: _Element) -> str:
    """An emoji drawn as an image keeps its text (`:smile:` or the character); other images are dropped."""
    classes = (element.get("class") or "").split()
    return (element.get("alt") or "") if "emoji" in classes else ""


def _add_text(specs: list[BlockSpec], text: str, context: _Context, rules: MarkupRules) -> None:
    """Append the blocks of gathered text: whitespace collapsed, or line by line inside `<pre>`."""
    lines = [line.rstrip() for line in text.splitlines()] if context.pre_depth else [SPACES.sub(" ", text).strip()]
    for line in lines:
        if not line.strip():
            continue
        kind: BlockKind = "heading" if context.heading_depth and not context.pre_depth else "paragraph"
        if context.quote_authors:
            specs.append(("quote", line, context.quote_authors[-1], "matched"))
        elif rules.marked_quotes and line.startswith(">") and line[1:].strip():
            specs.append(("quote", line[1:].strip(), None, "matched"))
        else:
            specs.append((kind, line, None, None))


def _plain_blocks(text: str, rules: MarkupRules | None) -> list[BlockSpec]:
    """Text with no markup at all: paragraphs separated by blank lines."""
    specs: list[BlockSpec] = []
    for paragraph in BLANK_LINE.split(text):
        _add_text(specs, paragraph, _Context(), rules or MarkupRules())
    return specs
