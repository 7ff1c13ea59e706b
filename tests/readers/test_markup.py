"""HTML to plain-text blocks, for post bodies and saved pages: what becomes a block, what never does."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from translator.readers.common import BlockSpec
from translator.readers.html_text import visible_text
from translator.readers.markup import (
    PAGE_COMMENT_RULES,
    PAGE_RULES,
    MarkupRules,
    element_blocks,
    html_blocks,
    html_parser,
    html_text,
    parse_fragment,
)

P = "paragraph"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Hacker News style: the first paragraph has no <p>, later ones are never closed; entities decoded.
        (
            "First line<p>Second &#x27;one&#x27; &amp; &quot;more&quot;<p>Third",
            [(P, "First line", None, None), (P, "Second 'one' & \"more\"", None, None), (P, "Third", None, None)],
        ),
        # <pre><code> keeps its lines and their indentation, one code block per non-blank line.
        (
            "<p>Try:<pre><code>def f():\n    return 1\n\n</code></pre>",
            [(P, "Try:", None, None), ("code", "def f():", None, None), ("code", "    return 1", None, None)],
        ),
        # A program quoted is still a program (kept as written, no author); a line of it that starts with
        # `>` is no quote, even where people type `>` to quote.
        (
            "<blockquote><p>Alice wrote</p><pre><code>&gt; ls\n  x = [1]</code></pre></blockquote>",
            [
                ("quote", "Alice wrote", None, "matched"),
                ("code", "> ls", None, None),
                ("code", "  x = [1]", None, None),
            ],
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
        # Images are dropped, an emoji image keeps its text, its character for a shortcode (Discourse); link text
        # stays, the address does not.
        (
            '<p><img src="x.png" alt="photo"><a href="https://x.org/a">the link</a> '
            '<img class="emoji" alt=":tada:" src="e.png"></p>',
            [(P, "the link 🎉", None, None)],
        ),
        # A site's own emoji, or a name no table knows, keeps its shortcode (the link guard protects it).
        (
            '<p>Yes <img class="emoji emoji-custom" alt=":parrot:" src="/uploads/p.gif"> '
            '<img class="emoji" title=":discourse:" src="d.png"></p>',
            [(P, "Yes :parrot: :discourse:", None, None)],
        ),
        # Markup-looking text (escaped in the source) is text, shown as it was written.
        ("<p>use &lt;b&gt; here</p>", [(P, "use <b> here", None, None)]),
        # Plain text (no markup): paragraphs split on blank lines, lines joined.
        ("one\ntwo\n\nthree", [(P, "one two", None, None), (P, "three", None, None)]),
        # Forms and their buttons are not text of the post.
        ("<form><label>Name</label><input value='x'><button>Send</button></form><p>ok</p>", [(P, "ok", None, None)]),
        # Empty and whitespace-only input gives no blocks.
        ("  <p> </p> ", []),
        # Discourse's quote of a topic (no data-username) has no author: its header is the topic's title.
        (
            '<aside class="quote" data-post="1" data-topic="7"><div class="title"><a href="/t/7">A topic</a></div>'
            "<blockquote>Its first post.</blockquote></aside>",
            [("quote", "Its first post.", None, "matched")],
        ),
        # The quote boxes forum engines draw are quotes in a post body too, with their author.
        (
            "<div class='bbCodeQuote' data-author='Bob'><p>Q</p></div><p>A</p>",
            [("quote", "Q", "Bob", "matched"), (P, "A", None, None)],
        ),
        # A marker alone (an ellipsis, a dash) is no paragraph; screen-reader-only text is not shown.
        (
            "<p>Summary.</p><p> … </p><p>—</p><p>End<span class='sr-only'> (opens a new tab)</span></p>",
            [(P, "Summary.", None, None), (P, "End", None, None)],
        ),
        # Text with neither tag nor entity is plain text: a `<` or a `&` alone does not make it HTML.
        ("Tom & Jerry\n\na < b", [(P, "Tom & Jerry", None, None), (P, "a < b", None, None)]),
        # An address between angle brackets (Markdown's autolink) is text, not a tag to drop.
        (
            "<p>See <https://example.org/a?b=1&amp;c=2> or <MAILTO:ed@example.org>.</p>",
            [(P, "See <https://example.org/a?b=1&c=2> or <MAILTO:ed@example.org>.", None, None)],
        ),
        ("Docs at <https://example.org/docs>", [(P, "Docs at <https://example.org/docs>", None, None)]),
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


def page_blocks(markup: str) -> list[tuple[str, str, str | None]]:
    """The blocks of a saved page's element, as the page reader reads its article."""
    specs: list[BlockSpec] = element_blocks(parse_fragment(markup), PAGE_RULES)
    return [(kind, text, author) for kind, text, author, _ in specs]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # Paragraphs, whitespace of the source collapsed, inline markup dropped.
        (
            "<p>One\n  <b>bold</b>   word.</p><p>Two.</p>",
            [("paragraph", "One bold word.", None), ("paragraph", "Two.", None)],
        ),
        # A <br> after a finished sentence starts a new block; one mid-sentence is a wrap.
        (
            "Line one.<br>Line two<br>continues here.",
            [("paragraph", "Line one.", None), ("paragraph", "Line two continues here.", None)],
        ),
        # List items and headings are blocks of their own.
        (
            "<h3>Head</h3><ul><li>a</li><li>b</li></ul>",
            [("heading", "Head", None), ("paragraph", "a", None), ("paragraph", "b", None)],
        ),
        # Scripts, styles, forms with fields, buttons, hidden and screen-reader-only text never reach a block.
        (
            "<p>Kept.</p><script>var x = 1;</script><style>p{}</style><form><textarea></textarea></form>"
            "<button>Send</button><p hidden>h1</p><p aria-hidden='true'>h2</p><p style='display: none'>h3</p>"
            "<span class='screen-reader-text'>h4</span><template><p>h5</p></template>",
            [("paragraph", "Kept.", None)],
        ),
        # Share and vote widgets, reply links and "Click to expand..." controls are dropped.
        (
            "<p>Text.</p><div class='share-buttons'><a>Facebook</a></div><div class='vote'>12</div>"
            "<a class='comment-reply-link'>Reply</a>"
            "<div class='bbCodeBlock-expandLink'><a>Click to expand...</a></div>",
            [("paragraph", "Text.", None)],
        ),
        # A bookmark button ("В избранное") is no text.
        (
            "<p>Text.</p><div class='favorite_marker'><p class='favorite_marker__title'>В избранное</p></div>",
            [("paragraph", "Text.", None)],
        ),
        # A box that merely has "expand" in its class holds text: kept.
        (
            "<div class='expanding-formatter-summary'><p>Short.</p></div><span class='ellipsis'>…</span>",
            [("paragraph", "Short.", None)],
        ),
        # Quotes: the cite header names the author and stays out of the text.
        (
            "<blockquote><cite>Ann wrote: ↑</cite>Quoted.</blockquote>Reply.",
            [("quote", "Quoted.", "Ann"), ("paragraph", "Reply.", None)],
        ),
        # Quote author from data attributes, nested quote boxes keep it.
        (
            "<div class='bbCodeQuote' data-author='Bob'><blockquote><div class='quote'>Q</div></blockquote></div>",
            [("quote", "Q", "Bob")],
        ),
        # A blockquote named for a post's own text is not a quote (vBulletin, XenForo 1).
        ("<blockquote class='postcontent restore'>Own text.</blockquote>", [("paragraph", "Own text.", None)]),
        # Text is data: entities decode to characters, never back to markup.
        ("<p>&lt;b&gt;not bold&lt;/b&gt; [x] &amp;</p>", [("paragraph", "<b>not bold</b> [x] &", None)]),
        # A bare <pre> is preformatted text: its lines, each a block, whitespace collapsed as in any block of a
        # page; a <pre> holding <code>, or with a highlighter's class (on it or its box), is a program, its
        # indentation kept.
        ("<pre>def f():\n    return  1\n</pre>", [("paragraph", "def f():", None), ("paragraph", "return 1", None)]),
        (
            "<pre><code>def f():\n    return  1\n</code></pre>",
            [("code", "def f():", None), ("code", "    return  1", None)],
        ),
        ("<div class='highlight'><pre>a  = 1</pre></div>", [("code", "a  = 1", None)]),
        (
            "<pre class='hljs language-js'>\tx()</pre><pre class='poem'>Un  vers</pre>",
            [("code", "\tx()", None), ("paragraph", "Un vers", None)],
        ),
        # a featured comment's box is no highlighter: its <pre> stays text
        ("<div class='highlighted-comment'><pre>Un  vers</pre></div>", [("paragraph", "Un vers", None)]),
        # An emoji drawn as an image keeps its character (WordPress comments).
        ('<p>Merci <img class="emoji" alt="🙂" src="e.svg"></p>', [("paragraph", "Merci 🙂", None)]),
    ],
)
def test_page_rules(markup: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert page_blocks(markup) == expected


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        # an inline quotation on its own line (between line breaks) is a quote, in its place (it was a paragraph)
        (
            "First line.<br><q>Quoted words.</q><br>My answer.",
            [("paragraph", "First line.", None), ("quote", "Quoted words.", None), ("paragraph", "My answer.", None)],
        ),
        # between paragraphs
        (
            "<p>Intro.</p><q>Quoted words.</q><p>My answer.</p>",
            [("paragraph", "Intro.", None), ("quote", "Quoted words.", None), ("paragraph", "My answer.", None)],
        ),
        # a sentence of its own in the middle of the flow, after "wrote:" (it was run into the lines around it)
        (
            "He wrote: <q>We lose twenty minutes.</q> I agree.",
            [
                ("paragraph", "He wrote:", None),
                ("quote", "We lose twenty minutes.", None),
                ("paragraph", "I agree.", None),
            ],
        ),
        (
            "好主意。<q>我们每天早上都要等。</q>我同意。",
            [("paragraph", "好主意。", None), ("quote", "我们每天早上都要等。", None), ("paragraph", "我同意。", None)],
        ),
        # words quoted inside a sentence stay in it, between the marks a browser shows (they were lost)
        ("<p>He said <q>no way</q> and left.</p>", [("paragraph", "He said “no way” and left.", None)]),
        ("<p>He said <q>no way.</q> and left.</p>", [("paragraph", "He said “no way.” and left.", None)]),
        # in the language declared around them, the inner pair inside another quotation
        ('<p lang="de-AT">Er sagte <q>nie</q> dazu.</p>', [("paragraph", "Er sagte „nie“ dazu.", None)]),
        ('<p lang="fr">Il a dit <q>jamais</q> hier.</p>', [("paragraph", "Il a dit « jamais » hier.", None)]),
        (
            "<p>She said <q>he wrote <q>never</q> twice</q> and left.</p>",
            [("paragraph", "She said “he wrote ‘never’ twice” and left.", None)],
        ),
        ('<p lang="xx-bogus">A <q>b</q> c.</p>', [("paragraph", "A “b” c.", None)]),  # no language: English marks
        # the language declared further out; a hidden quotation gets no closing mark of its own
        (
            '<div lang="de"><p>Er sagte <q>nie</q> dazu <q hidden>x</q>und ging.</p></div>',
            [("paragraph", "Er sagte „nie“ dazu und ging.", None)],
        ),
        # a blockquote in the middle of a paragraph (the parser closes the paragraph there): in order
        (
            "<p>Before.<blockquote>Quoted.</blockquote>After.</p>",
            [("paragraph", "Before.", None), ("quote", "Quoted.", None), ("paragraph", "After.", None)],
        ),
    ],
)
def test_a_quotation_in_the_flow_is_a_quote_in_its_place(
    markup: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert page_blocks(markup) == expected


def test_text_after_a_comment_mark_is_text() -> None:
    # A saved page keeps its comment marks (`<!--noindex-->` means something), and React draws every text
    # between two: "<!-- react-text: 7 -->Hi<!-- /react-text -->". "Hi" is the first mark's tail.
    element = lxml.html.fromstring(
        "<div><div><!-- react-text: 7 -->Comment text.<!-- /react-text --></div><p>One <!-- x -->two.</p></div>"
    )
    assert element_blocks(element, PAGE_RULES) == [
        ("paragraph", "Comment text.", None, None),
        ("paragraph", "One two.", None, None),
    ]
    assert visible_text(element) == "Comment text. One two."


def test_page_comment_of_broken_or_hostile_markup() -> None:
    # Unclosed tags are closed; a NUL (which lxml cannot hold) shows as U+FFFD, as in every post body.
    assert html_blocks("<p>unclosed <b>bold<p>second\x00\x0b", PAGE_COMMENT_RULES) == [
        ("paragraph", "unclosed bold", None, None),
        ("paragraph", "second\ufffd", None, None),
    ]
    assert html_blocks("", PAGE_COMMENT_RULES) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&;#=\"' \n\tabpdivrecsqut0x")) | st.characters(), max_size=200))
def test_no_block_holds_markup_or_breaks(markup: str) -> None:
    """Any text at all gives one-line blocks, and no tag survives as a tag."""
    for kind, text, _, _ in html_blocks(markup):
        assert "\n" not in text and text.strip()
        assert kind in ("paragraph", "heading", "quote")


def test_html_parser_gives_lxml_html_classes_to_every_node() -> None:
    # the lookup in C replaces lxml.html's: form fields too are plain HtmlElements, comments HtmlComments
    form = b"<form><input name=q><select><option>a</option></select></form>"
    markup = b"<html><body><!-- note -->" + form + b"<p>x</p></body></html>"
    root = etree.fromstring(markup, html_parser())
    nodes = list(root.iter())
    assert {type(node) for node in nodes if isinstance(node.tag, str)} == {lxml.html.HtmlElement}
    assert [type(node) for node in nodes if not isinstance(node.tag, str)] == [lxml.html.HtmlComment]
    root.find(".//form").drop_tree()
    assert root.find("body").text_content() == "x"
