"""HTML to plain-text blocks: the one walker every reader uses, for post bodies and saved pages alike.

A Reddit comment, a Discourse post, a feed item, a comment of a saved page and the article trafilatura
found in it all become blocks here, so one set of rules decides what a block is: paragraphs, headings,
list items and table cells are blocks; quotes (`<blockquote>`, Discourse's `<aside class="quote">`, the
boxes forum engines draw) give quote blocks with their author where the markup names one; `<pre>` keeps
its lines, `code` blocks where it holds a program (`is_code`); `<br>` ends a line, and a line is a block.
What is not text (scripts, styles, forms to fill, hidden elements, share and vote widgets:
`html_text.is_skipped`) never reaches a block, and neither does any tag: a block is text, never markup.
`MarkupRules` holds the few choices that differ by source.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from translator.languages import known_code
from translator.models import BlockKind
from translator.readers.common import BlockSpec
from translator.readers.html_text import (
    BLOCK_TAGS,
    HEADING_TAGS,
    MARK_EVENTS,
    TEXT_EVENTS,
    clean_text,
    is_header_apart,
    is_quote,
    is_skipped,
    quote_author,
)
from translator.shortcodes import emoji_of

if TYPE_CHECKING:
    from lxml import etree
    from lxml.html import HtmlElement

# What makes text HTML: a tag (`<p`, `</`, `<!--`) or an entity; `a < b` and `Tom & Jerry` are plain text.
HTML_SIGN = re.compile(r"<[A-Za-z/!]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>\"']+)>", re.IGNORECASE)
"""An address between angle brackets, Markdown's autolink, in a post's HTML: text, never a tag."""
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
SOURCE_WHITESPACE = re.compile(r"\s+")
LINE_BREAK = "\n"
# A line that ends with one of these ends a sentence, a quotation or an item: the next line is new text.
SENTENCE_END = tuple(".!?:;…»\"”)'’*")
# The ellipsis or "more" marker a page shows between a cut summary and the rest: not a paragraph.
MARKER_ONLY = re.compile(r"^[\s.…·•|/\-–—»«]*$")
# Characters libxml2 refuses in text (it would stop or garble the parse): shown as U+FFFD instead.
UNPARSABLE = re.compile("[\x00\ufffe\uffff]")
# Classes that say a `<pre>` (or the box around it) shows a program: highlighters' and editors' names, whole
# words ("highlighted" is no highlighter) or a language prefix (`language-python`, `lang-js`, `brush: php`).
CODE_CLASS = re.compile(
    r"(?<![a-z])(?:(?:language|lang)-[a-z]|brush:|(?:code|codeblock|hljs|prettyprint|syntax|sourcecode|prism|"
    r"highlight|crayon|geshi)(?![a-z]))",
    re.IGNORECASE,
)

_parsers = threading.local()


@dataclass(frozen=True, slots=True)
class MarkupRules:
    """The choices that differ by source, on top of the common rules."""

    skip: Callable[[HtmlElement], bool] | None = None
    """Elements to leave out with their content (a site's widgets), besides the common ones."""
    marked_quotes: bool = False
    """Paragraphs that start with `>` are quotes (Hacker News has no quote markup; people type `>`)."""
    headings: bool = True
    """Headings are heading blocks; without, paragraphs (a page's comment: its `<h3>` is not the page's)."""
    join_wrapped_lines: bool = False
    """A line that stops mid-sentence and is followed by one in lower case is joined to it: saved pages
    hard-wrap text with `<br>`; the APIs' bodies are written by people, who start a line to start one."""
    code_indent: bool = True
    """The lines of `<pre>` keep their indentation; without, their whitespace collapses as elsewhere (a
    saved page's block is text to translate, its code rarely is)."""
    signature: re.Pattern[str] | None = None
    """Where the writer's signature starts in the text (phpBB 2 draws it inside the post, after a line of
    underscores): it and what follows are left out."""


POST_RULES = MarkupRules()
"""Post bodies from an API or a feed."""
PAGE_RULES = MarkupRules(join_wrapped_lines=True, code_indent=False)
"""The article of a saved page."""
PAGE_COMMENT_RULES = MarkupRules(headings=False, join_wrapped_lines=True, code_indent=False)
"""A comment (or a story's text) on a saved page."""


def html_blocks(markup: str, rules: MarkupRules = POST_RULES) -> list[BlockSpec]:
    """The blocks of an HTML fragment, in reading order, each one line of plain text; text with no tag
    and no entity is plain text (`text_blocks`). An address written between angle brackets, as Markdown
    writes one (`<https://example.org/a>`), is text: no HTML tag is named so, and a parser would drop it."""
    if HTML_SIGN.search(markup) is None:
        return text_blocks(markup, rules)
    return element_blocks(parse_fragment(AUTOLINK.sub(r"&lt;\1&gt;", markup)), rules)


def text_blocks(text: str, rules: MarkupRules = POST_RULES) -> list[BlockSpec]:
    """The blocks of text that is not HTML (a Markdown source, a feed's plain text): paragraphs split on
    blank lines, the lines of a paragraph joined; nothing in it is read as markup."""
    builder = _BlockBuilder(rules)
    for paragraph in BLANK_LINE.split(text):
        builder.add(paragraph)
        builder.flush()
    return builder.specs if rules.signature is None else _before_signature(builder.specs, rules.signature)


def _before_signature(specs: list[BlockSpec], signature: re.Pattern[str]) -> list[BlockSpec]:
    """The blocks before the writer's signature, the text of the block it starts in cut before it."""
    for n, (kind, text, author, extent) in enumerate(specs):
        if kind != "quote" and (found := signature.search(text)) is not None:
            kept = text[: found.start()].rstrip()
            return specs[:n] + ([(kind, kept, author, extent)] if kept else [])
    return specs


def line_blocks(text: str, rules: MarkupRules = POST_RULES) -> list[BlockSpec]:
    """The blocks of plain text whose every line break is the writer's (a post typed in an app, not
    Markdown): a line, a block; nothing in it is read as markup."""
    return [spec for line in text.splitlines() for spec in text_blocks(line, rules)]


def html_text(markup: str) -> str:
    """An HTML fragment as one line of plain text (titles, names): its blocks joined by spaces."""
    return " ".join(text for _, text, _, _ in html_blocks(markup))


def html_parser(**options: Any) -> etree.HTMLParser:
    """lxml.html's parser less its class lookup: that lookup is Python code run each time an element is first
    touched from Python (a tenth of reading a page), and it only tells form fields apart, which nothing here
    asks for. Every element is still an HtmlElement, a comment an HtmlComment."""
    from lxml import etree, html

    parser = etree.HTMLParser(**options)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=html.HtmlElement,
            comment=html.HtmlComment,
            pi=html.HtmlProcessingInstruction,
            entity=html.HtmlEntity,
        )
    )
    return parser


def parse_fragment(markup: str) -> HtmlElement:
    """The `<body>` of an HTML fragment, parsed leniently (unclosed `<p>`, stray tags) by lxml."""
    from lxml import etree, html

    parser = getattr(_parsers, "parser", None)
    if parser is None:  # one per thread: an lxml parser is not shared between threads
        parser = _parsers.parser = html_parser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
    data = b"<html><body>" + UNPARSABLE.sub("\ufffd", markup).encode("utf-8", "replace") + b"</body></html>"
    root = etree.fromstring(data, parser)
    body = root.find("body") if root is not None else None
    return body if isinstance(body, html.HtmlElement) else html.Element("body")


def element_blocks(
    element: HtmlElement, rules: MarkupRules = PAGE_RULES, leave_out: frozenset[HtmlElement] = frozenset()
) -> list[BlockSpec]:
    """The blocks a reader sees in an element: one per paragraph, list item, heading or quoted paragraph.

    The element itself is the text's box, even a blockquote (XenForo 1 draws every post in one).
    `leave_out`: elements inside it that are not its text (a comment's header, its replies). The walk
    has no recursion: a hostile page nests deeply.
    """
    from lxml import etree

    builder = _BlockBuilder(rules)
    marks = QuotationMarks()
    in_words: set[HtmlElement] = set()  # the `<q>` whose opening mark was written
    left_out: set[HtmlElement] = set(leave_out)
    walker = etree.iterwalk(element, events=TEXT_EVENTS)
    for event, node in walker:
        tag = node.tag if isinstance(node.tag, str) else ""
        if event in MARK_EVENTS:
            builder.add(node.tail)  # a comment's or processing instruction's tail is text
        elif node is element:
            if event == "start":
                marks.enter(node)
            builder.add(node.text if event == "start" else None)
        elif event == "start":
            marks.enter(node)  # also for a subtree skipped: its end is still walked
            if (
                node in left_out
                or is_skipped(node)
                or (rules.skip is not None and rules.skip(node))
                or is_header_apart(node)
            ):
                walker.skip_subtree()
                continue
            if tag == "br":
                builder.line_break()
            elif tag == "img":
                builder.add(_emoji_text(node))
            elif (tag in BLOCK_TAGS or is_quote(node) or is_quote_apart(node)) and (
                header := builder.open(node, tag)
            ) is not None:
                left_out.add(header)
            elif tag == "q" and not builder.is_open(node):
                builder.add(marks.of(node)[0])  # words quoted in a sentence keep the marks a browser shows
                in_words.add(node)
            builder.add(node.text)
        else:
            if tag in BLOCK_TAGS or builder.is_open(node):
                builder.close(node)
            elif node in in_words:
                builder.add(marks.of(node)[1])
            marks.leave(node)
            builder.add(node.tail)
    builder.flush()
    return builder.specs if rules.signature is None else _before_signature(builder.specs, rules.signature)


QUOTE_OPENS_AFTER = tuple('.!?:…»"”。！？：」')
"""What the text before a `<q>` ends with when the quotation does not continue its sentence ("He wrote:")."""
QUOTE_ENDS = tuple('.!?…»"”。！？」')
"""What a `<q>` that is a sentence of its own ends with."""


QUOTATION_MARKS: dict[str, tuple[str, str, str, str]] = {
    "en": ("“", "”", "‘", "’"), "de": ("„", "“", "‚", "‘"), "cs": ("„", "“", "‚", "‘"), "sk": ("„", "“", "‚", "‘"),
    "pl": ("„", "”", "«", "»"), "ro": ("„", "”", "«", "»"), "hu": ("„", "”", "»", "«"), "nl": ("“", "”", "‘", "’"),
    "fr": ("« ", " »", "“", "”"), "es": ("«", "»", "“", "”"), "ca": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"), "pt": ("“", "”", "‘", "’"), "ru": ("«", "»", "„", "“"), "uk": ("«", "»", "„", "“"),
    "nb": ("«", "»", "‘", "’"), "da": ("“", "”", "‘", "’"), "sv": ("”", "”", "’", "’"), "fi": ("”", "”", "’", "’"),
    "tr": ("“", "”", "‘", "’"), "el": ("«", "»", "“", "”"), "ja": ("「", "」", "『", "』"), "zh": ("“", "”", "‘", "’"),
    "zt": ("「", "」", "『", "』"), "ko": ("“", "”", "‘", "’"), "ar": ("”", "“", "’", "‘"), "he": ("”", "”", "’", "’"),
}  # fmt: skip
"""The quotation marks a browser draws around an inline `<q>`, by the language the page (or an element around
the quotation) declares: outer marks, then those of a quotation inside one (CLDR's delimiters)."""


@dataclass
class QuotationMarks:
    """The marks a browser shows around words quoted with `<q>`, kept track of along a walk of the tree (one
    step per element: a hostile page nests thousands deep): the language declared around a quotation (English
    marks where none is), the inner pair for a `<q>` inside another."""

    languages: list[tuple[HtmlElement, str]] = field(default_factory=list)
    """The elements open on the walk that declare a language, innermost last, with its code."""
    quotations: int = 0
    """How many `<q>` the walk is inside."""

    def enter(self, node: HtmlElement) -> None:
        if (declared := node.get("lang")) is not None:
            self.languages.append((node, known_code(declared) or "en"))
        if node.tag == "q":
            self.quotations += 1

    def leave(self, node: HtmlElement) -> None:
        if node.tag == "q":
            self.quotations -= 1
        if self.languages and self.languages[-1][0] is node:
            self.languages.pop()

    def of(self, node: HtmlElement) -> tuple[str, str]:
        """The marks around `node`, a `<q>` the walk has entered."""
        code = self.languages[-1][1] if self.languages else "en"
        outer_open, outer_close, inner_open, inner_close = QUOTATION_MARKS.get(code, QUOTATION_MARKS["en"])
        return (inner_open, inner_close) if self.quotations % 2 == 0 else (outer_open, outer_close)


def quote_in_words(tree: HtmlElement) -> None:
    """Turn each `<q>` of words quoted in a sentence (not a quote apart: `is_quote_apart`) into the text a browser
    shows (its words between quotation marks, in a `<span>`), for extractors that do not know the element. A page
    without one is not walked (the walk tracks every element's language and nesting of quotes)."""
    from lxml import etree

    if next(tree.iter("q"), None) is None:
        return
    marks = QuotationMarks()
    quoted: list[tuple[HtmlElement, tuple[str, str]]] = []
    for event, node in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            marks.enter(node)
            if node.tag == "q" and not is_quote_apart(node):
                quoted.append((node, marks.of(node)))
        else:
            marks.leave(node)
    for node, (opening, closing) in quoted:
        node.text = opening + (node.text or "")
        children = list(node)
        if children:
            children[-1].tail = (children[-1].tail or "") + closing
        else:
            node.text += closing
        node.tag = "span"


def is_quote_apart(node: HtmlElement) -> bool:
    """Whether an inline quotation (`<q>`) is a quote of its own, not words in a sentence: it stands on its own
    line (nothing before it since the last line break or block, or a sentence ended there: "He wrote:"), and
    it ends a sentence itself or nothing follows it on its line. "He said <q>no</q> and left" is a sentence."""
    if node.tag != "q":
        return False
    previous = node.getprevious()
    parent = node.getparent()
    if previous is None:
        before = parent.text if parent is not None else None
    elif previous.tag == "br" or previous.tag in BLOCK_TAGS:
        before = previous.tail
    else:
        before = previous.tail if (previous.tail or "").strip() else previous.text_content()
    if (before := (before or "").strip()) and not before.endswith(QUOTE_OPENS_AFTER):
        return False
    following = node.getnext()
    after = (node.tail or "").strip()
    ends_line = not after and (following is None or following.tag == "br" or following.tag in BLOCK_TAGS)
    return ends_line or clean_text(node.text_content()).endswith(QUOTE_ENDS)


def _emoji_text(element: HtmlElement) -> str:
    """An emoji drawn as an image keeps its text: the character, also for a shortcode alt (Discourse's
    `:+1:` is 👍); a site's own emoji (`emoji-custom`) or an unknown name keeps its shortcode, which the
    engine's link guard protects. Other images are dropped."""
    classes = (element.get("class") or "").split()
    if "emoji" not in classes:
        return ""
    alt = element.get("alt") or element.get("title") or ""
    return alt if "emoji-custom" in classes else emoji_of(alt) or alt


def is_code(pre: HtmlElement) -> bool:
    """Whether a `<pre>` shows a program (its lines are `code` blocks): it holds `<code>`, or it or the box
    around it has a highlighter's class. A bare `<pre>` is preformatted text (a poem, a mail's body)."""
    if pre.find(".//code") is not None:
        return True
    parent = pre.getparent()
    boxes = (pre, parent) if parent is not None else (pre,)
    return any(CODE_CLASS.search(box.get("class") or "") for box in boxes)


@dataclass
class _Open:
    """A block element the walk is inside that decides the kind of its text."""

    element: HtmlElement
    """The element."""
    kind: BlockKind | None
    """`quote`, `heading` or `code` (a `<pre>` showing a program); None for another `<pre>`. A `<pre>` keeps
    its lines as they are."""
    author: str | None = None
    """For a quote, who is quoted."""
    pre: bool = False
    """Whether it is a `<pre>`."""


@dataclass
class _BlockBuilder:
    """Collects text pieces and cuts them into blocks at block boundaries."""

    rules: MarkupRules
    """The source's choices."""
    specs: list[BlockSpec] = field(default_factory=list)
    """The blocks so far."""
    pieces: list[str] = field(default_factory=list)
    """Text of the block being gathered."""
    context: list[_Open] = field(default_factory=list)
    """The quotes, headings and `<pre>` the walk is inside, innermost last."""
    pre_depth: int = 0
    """How many `<pre>` the walk is inside."""

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text if self.pre_depth else SOURCE_WHITESPACE.sub(" ", text))

    def line_break(self) -> None:
        self.pieces.append(LINE_BREAK)

    def is_open(self, node: HtmlElement) -> bool:
        return bool(self.context) and self.context[-1].element is node

    def open(self, node: HtmlElement, tag: str) -> HtmlElement | None:
        """Start a block element; returns a quote header to leave out, if any."""
        self.flush()
        if is_quote(node) or is_quote_apart(node):
            author, header = quote_author(node)
            outer = next((entry.author for entry in reversed(self.context) if entry.kind == "quote"), None)
            self.context.append(_Open(node, "quote", author or outer))
            return header
        if tag == "pre":
            self.pre_depth += 1
            self.context.append(_Open(node, "code" if is_code(node) else None, pre=True))
        elif tag in HEADING_TAGS and self.rules.headings and not self._quoted():
            self.context.append(_Open(node, "heading"))
        return None

    def close(self, node: HtmlElement) -> None:
        self.flush()
        if self.is_open(node) and self.context.pop().pre:
            self.pre_depth -= 1

    def flush(self) -> None:
        joined = "".join(self.pieces)
        self.pieces = []
        if not joined or joined.isspace():
            return
        code = any(entry.kind == "code" for entry in self.context)
        quoted = self._quoted() and not code  # a program quoted is still a program: kept as written
        kind: BlockKind = "code" if code else "quote" if quoted else "heading" if self._heading() else "paragraph"
        quoting = (entry.author for entry in reversed(self.context) if entry.kind == "quote")
        author = None if code else next(quoting, None)
        lines = self._code_lines(joined, code) if self.pre_depth else self._lines(joined)
        for text in lines:
            if MARKER_ONLY.match(text):
                continue
            if not quoted and not code and self.rules.marked_quotes and text.startswith(">") and text[1:].strip():
                self.specs.append(("quote", text[1:].strip(), None, "matched"))
            else:
                self.specs.append((kind, text, author, "matched" if kind == "quote" else None))

    def _quoted(self) -> bool:
        return any(entry.kind == "quote" for entry in self.context)

    def _heading(self) -> bool:
        return not self.pre_depth and any(entry.kind == "heading" for entry in self.context)

    def _code_lines(self, text: str, code: bool) -> list[str]:
        """The lines of a `<pre>`, each a block: indented as written (always for a program), or with
        whitespace collapsed."""
        if code or self.rules.code_indent:
            return [line.rstrip() for line in text.splitlines()]
        return [clean_text(line) for line in text.splitlines()]

    def _lines(self, text: str) -> list[str]:
        """Text cut at line breaks (`<br>`), each line a block; with `join_wrapped_lines`, a line that wraps
        mid-sentence is joined back (it stops without an end mark and the next starts in lower case)."""
        lines: list[str] = []
        for raw in text.split(LINE_BREAK):
            line = clean_text(raw)
            if not line:
                continue
            wrapped = self.rules.join_wrapped_lines and lines and not lines[-1].endswith(SENTENCE_END)
            if wrapped and line[0].islower():
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        return lines
