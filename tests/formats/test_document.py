"""Markdown and HTML documents: golden files, and thread text that stays text whatever it holds."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import datetime
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from tests.fakes import FakeEngine
from tests.formats.samples import replies
from tests.golden_files import assert_golden
from translator.formats.document import render_html, render_markdown
from translator.formats.po import render_po
from translator.models import BLOCK_KINDS, Block, Post, Thread, TranslatedThread, TranslationUnit, Votes
from translator.pipeline import PipelineOptions, translate_thread
from translator.readers.text import read_text


@pytest.mark.parametrize("side_by_side", [False, True])
def test_markdown_golden(demo_translated: TranslatedThread, side_by_side: bool) -> None:
    name = "demo-thread.en.side-by-side.md" if side_by_side else "demo-thread.en.md"
    assert_golden(name, render_markdown(demo_translated, side_by_side))


@pytest.mark.parametrize("side_by_side", [False, True])
def test_html_golden(demo_translated: TranslatedThread, side_by_side: bool) -> None:
    name = "demo-thread.en.side-by-side.html" if side_by_side else "demo-thread.en.html"
    assert_golden(name, render_html(demo_translated, side_by_side))


HOSTILE = "Texte [bold]gras[/bold] <script>alert(1)</script> \x1b[31m *emph* # titre\n\n> citation"


def test_markup_in_thread_text_stays_text() -> None:
    translated = translate_thread(
        read_text(HOSTILE).threads[0], PipelineOptions(target="en", source="fr"), FakeEngine()
    )
    page = render_html(translated)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "\x1b" not in page and "\\x1b" in page
    markdown = render_markdown(translated)
    assert "\\<script\\>" in markdown and "\\*emph\\*" in markdown and "\x1b" not in markdown
    import polib

    # A PO file is data, not a display: it keeps the text exactly, so a reviewed file maps back.
    entry = polib.pofile(render_po(translated))[0]
    assert entry.msgid == translated.units[0].block.text


FORGERY = (
    "x\n# forged heading\n\n> forged quote\n\n---\n| a | b |\n|---|---|\n1. item\n    code\n<div>\n***\n"
    "=\x1b[2J\r\u2028\x85"
)
"""Every way a line break could end what a field is in and start something else, with control characters."""


def thread_with(field: str, value: str) -> TranslatedThread:
    """A small thread (article, a comment with a quote, every block kind) with `value` in one field."""
    texts = {name: value if name == field else "x" for name in ("text", "target", "author", "role", "quoted", "title")}
    kinds = BLOCK_KINDS
    block_id = value if field == "block_id" else "article"
    article_blocks = tuple(
        Block(f"{block_id}.b{n}", kind, texts["text"], quoted_author=texts["quoted"], lang="fr")
        for n, kind in enumerate(kinds)
    )
    reply = Block(f"{block_id}.q1", "quote", texts["text"], quoted_author=texts["quoted"], lang="fr")
    article = Post("article", "article", texts["author"], role=texts["role"], blocks=article_blocks)
    comment = Post(
        value if field == "post_id" else "c1",
        "comment",
        texts["author"],
        role=texts["role"],
        date=datetime(2024, 1, 2, 3, 4),
        votes=Votes(1, 2),
        blocks=(reply,),
        url=value if field == "url" else None,
    )
    site = value if field == "site" else None
    thread = Thread(texts["title"], None, (article, comment), "json", lang="fr", url=site, site=site)
    units = tuple(
        TranslationUnit(block, post.id, "fr", "en", texts["target"], "machine") for post, block in thread.blocks()
    )
    return TranslatedThread(thread, "en", units)


FIELDS = [
    "text",  # the source text of every block kind (side by side shows it)
    "target",  # the translation of every block kind
    "author",  # the post heading
    "role",  # the post heading, in brackets
    "quoted",  # the "Someone:" line above a quote
    "title",  # the thread title (the HTML <title> comes from the first translation)
    "site",  # the thread's site and url (not shown today; must stay harmless if they are)
    "url",  # a post's permalink
    "block_id",  # a block's id (HTML: the data-block attribute)
    "post_id",  # a post's id (HTML: the section's id attribute)
]


def markdown_structure(text: str) -> tuple[list[tuple[str, str]], Counter[str]]:
    """The blocks of a Markdown text, and the inline markup in them (plain text and line breaks aside)."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks = [(token.type, token.tag) for token in tokens]
    inline = Counter(
        child.type
        for token in tokens
        for child in token.children or ()
        if child.type not in ("text", "softbreak", "hardbreak")
    )
    return blocks, inline


@pytest.mark.parametrize("side_by_side", [False, True])
@pytest.mark.parametrize("field", FIELDS)
def test_no_field_forges_markdown(field: str, side_by_side: bool) -> None:
    plain = render_markdown(thread_with(field, "x"), side_by_side)
    hostile = render_markdown(thread_with(field, FORGERY), side_by_side)
    assert markdown_structure(hostile) == markdown_structure(plain)
    assert "\x1b" not in hostile and "\x85" not in hostile and "\r" not in hostile


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))


def html_structure(page: str) -> list[tuple[str, tuple[str, ...]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


HTML_FORGERY = FORGERY + '<script>alert(1)</script>"><b onmouseover="x">'


@pytest.mark.parametrize("side_by_side", [False, True])
@pytest.mark.parametrize("field", FIELDS)
def test_no_field_forges_html(field: str, side_by_side: bool) -> None:
    plain = render_html(thread_with(field, "x"), side_by_side)
    hostile = render_html(thread_with(field, HTML_FORGERY), side_by_side)
    assert html_structure(hostile) == html_structure(plain)
    assert "\x1b" not in hostile


def test_a_line_break_in_a_paragraph_is_kept_as_a_hard_break() -> None:
    translated = thread_with("target", "first line\nsecond line")
    body = render_markdown(replace(translated, units=translated.units[3:4]))
    assert "first line\\\nsecond line" in body


def test_markdown_nests_replies() -> None:
    headings = [line for line in render_markdown(replies()).splitlines() if line.startswith("#")]
    assert headings[1:] == [
        "### camille · 2024-01-10 09:15",
        "#### yanis · 2024-01-10 10:30 · +2 -0 · reply to camille",
        "##### lea · 2024-01-10 12:00 · reply to yanis",
        "###### yanis · 2024-01-10 12:30 · reply to lea",
        "### anonyme · 2024-01-10 13:00 · deleted",
        "#### camille · 2024-01-10 15:00 · reply to anonyme",
    ]


def test_html_nests_reply_sections() -> None:
    page = render_html(replies())
    flow = [ident or "/" for ident, _ in re.findall(r'<section class="post \w+" id="(\w+)">|(</section>)', page)]
    assert flow == ["article", "/", "c1", "c2", "c3", "c4", "/", "/", "/", "/", "c5", "c6", "/", "/"]
    assert "reply to camille" in page


def test_a_program_is_one_block_shown_as_written() -> None:
    lines = ["def f():", "    return '```'", "x = `y`"]
    blocks = (
        Block("article.p1", "paragraph", "Voici :"),
        *(Block(f"article.code{n}", "code", text) for n, text in enumerate(lines, start=1)),
        Block("article.p2", "paragraph", "Fin."),
    )
    thread = Thread("", None, (Post("article", "article", None, blocks=blocks),), "html")
    units = tuple(
        TranslationUnit(
            block, "article", "fr", "en", f"EN {block.text}" if block.kind != "code" else block.text, "machine"
        )
        for block in blocks
    )
    translated = TranslatedThread(thread, "en", units)
    markdown = render_markdown(translated)
    # one fenced block, its fence longer than any run of backticks inside, so no line closes it
    assert "EN Voici :\n\n````\ndef f():\n    return '```'\nx = `y`\n````\n\nEN Fin." in markdown
    tokens = [token for token in MarkdownIt().parse(markdown) if token.type == "fence"]
    assert [token.content for token in tokens] == ["\n".join(lines) + "\n"]
    page = render_html(translated)
    assert '<pre class="code" data-block="article.code2"><code>    return &#x27;```&#x27;</code></pre>' in page
