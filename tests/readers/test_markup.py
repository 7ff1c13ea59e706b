"""HTML inside a post as plain-text blocks: what becomes a block, what never does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.readers.common import BlockSpec
from translator.readers.markup import MarkupRules, html_blocks, html_text

P = "paragraph"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Hacker News style: the first paragraph has no <p>, later ones are never closed; entities decoded.
        (
            "First line<p>Second &#x27;one&#x27; &amp; &quot;more&quot;<p>Third",
            [(P, "First line", None, None), (P, "Second 'one' & \"more\"", None, None), (P, "Third", None, None)],
        ),
        # <pre><code> keeps its lines and their indentation, one block per non-blank line.
        (
            "<p>Try:<pre><code>def f():\n    return 1\n\n</code></pre>",
            [(P, "Try:", None, None), (P, "def f():", None, None), (P, "    return 1", None, None)],
        ),
        # A blockquote gives quote blocks; with no author named, the author is unknown.
        (
            "<blockquote><p>quoted one</p><p>quoted two</p></blockquote><p>my answer</p>",
            [
                ("quote", "quoted one", None, "matched"),
                ("quote", "quoted two", None, "matched"),
                (P, "my answer", None, None),
            ],
        ),
        # Discourse's quote aside names its author; its avatar/title line is not quoted text.
        (
            '<aside class="quote no-group" data-username="ana" data-post="2"><div class="title">'
            '<div class="quote-controls"></div><img class="avatar" src="a.png"> ana:</div>'
            "<blockquote><p>She said this.</p></blockquote></aside><p>Reply.</p>",
            [("quote", "She said this.", "ana", "matched"), (P, "Reply.", None, None)],
        ),
        # A blockquote nested in a named quote keeps the author.
        (
            '<aside class="quote" data-username="ana"><blockquote><blockquote>deep</blockquote></blockquote></aside>',
            [("quote", "deep", "ana", "matched")],
        ),
        # Lists: one block per item; scripts, styles and hidden elements never reach a block.
        (
            "<ul><li>one<script>alert(1)</script></li><li>two<style>li{}</style></li></ul>"
            '<p hidden>gone</p><p style="display: none">gone</p><p aria-hidden="true">gone</p><p>kept</p>',
            [(P, "one", None, None), (P, "two", None, None), (P, "kept", None, None)],
        ),
        # Headings are headings; <br> ends a block; whitespace collapses.
        (
            "<h2>Title  here</h2><p>line one<br>line\n   two</p>",
            [("heading", "Title here", None, None), (P, "line one", None, None), (P, "line two", None, None)],
        ),
        # Images are dropped, an emoji image keeps its text; link text stays, the address does not.
        (
            '<p><img src="x.png" alt="photo"><a href="https://x.org/a">the link</a> '
            '<img class="emoji" alt=":tada:" src="e.png"></p>',
            [(P, "the link :tada:", None, None)],
        ),
        # Markup-looking text (escaped in the source) is text, shown as it was written.
        ("<p>use &lt;b&gt; here</p>", [(P, "use <b> here", None, None)]),
        # Plain text (no markup): paragraphs split on blank lines, lines joined.
        ("one\ntwo\n\nthree", [(P, "one two", None, None), (P, "three", None, None)]),
        # Forms and their buttons are not text of the post.
        ("<form><label>Name</label><input value='x'><button>Send</button></form><p>ok</p>", [(P, "ok", None, None)]),
        # Empty and whitespace-only input gives no blocks.
        ("  <p> </p> ", []),
    ],
)
def test_html_blocks(markup: str, expected: list[BlockSpec]) -> None:
    assert html_blocks(markup) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Hacker News: a paragraph typed with a leading `>` quotes the parent.
        ("&gt; you said<p>I disagree", [("quote", "you said", None, "matched"), (P, "I disagree", None, None)]),
        # A lone `>` is not a quote of anything.
        ("&gt;<p>ok", [(P, ">", None, None), (P, "ok", None, None)]),
    ],
)
def test_marked_quotes_rule(markup: str, expected: list[BlockSpec]) -> None:
    assert html_blocks(markup, MarkupRules(marked_quotes=True)) == expected


def test_site_rule_skips_widgets() -> None:
    rules = MarkupRules(skip=lambda element: "meta" in (element.get("class") or "").split())
    markup = '<div class="lightbox"><img src="a.png"><div class="meta">image 1024×768 80 KB</div></div><p>Text</p>'
    assert html_blocks(markup, rules) == [(P, "Text", None, None)]


def test_deep_nesting_is_no_error() -> None:
    assert html_blocks("<div>" * 50_000 + "x" + "</div>" * 50_000) is not None


def test_html_text_is_one_line() -> None:
    assert html_text("<p>A &amp; B</p><p>C</p>") == "A & B C"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&;#=\"' \n\tabpdivrecsqut0x")) | st.characters(), max_size=200))
def test_no_block_holds_markup_or_breaks(markup: str) -> None:
    """Any text at all gives one-line blocks, and no tag survives as a tag."""
    for kind, text, _, _ in html_blocks(markup):
        assert "\n" not in text and text.strip()
        assert kind in ("paragraph", "heading", "quote")
