"""No input makes the web page reader raise anything but our input error (Hypothesis, bounded examples)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.errors import InputError
from translator.models import ThreadFile
from translator.readers.html import read_html, read_html_file

TAGS = ["p", "div", "li", "ul", "br", "blockquote", "cite", "time", "span", "a", "script", "style", "form", "article"]
CLASSES = [
    "comment", "comment-author", "fn", "username", "date", "comment-content", "children", "post", "hidden",
    "message--post", "bbWrapper", "commtext", "thing", "quote", "reply", "share", "indented", "wpd-comment",
]  # fmt: skip
ATTRIBUTES = st.sampled_from(
    [
        "",
        ' class="{}"',
        ' id="comment-{}"',
        ' datetime="{}"',
        ' style="display:none"',
        ' data-author="{}"',
        ' itemscope itemtype="http://schema.org/Comment"',
        ' itemprop="{}"',
        ' data-parent_id="{}"',
        ' indent="{}"',
        " hidden",
    ]
)
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
FILLERS = st.one_of(st.sampled_from(CLASSES), WORDS, st.integers(-5, 10**12).map(str))


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    """A fragment of plausible and implausible page markup: comment-like classes, dates, broken nesting."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attribute = draw(ATTRIBUTES).format(draw(FILLERS))
            closing = draw(st.sampled_from([f"</{tag}>", "", "</div>"]))
            parts.append(f"<{tag}{attribute}>{draw(markup(depth + 1))}{closing}")
        else:
            parts.append(draw(WORDS))
    return "".join(parts)


@st.composite
def pages(draw: st.DrawFn) -> str:
    head = draw(
        st.sampled_from(
            [
                "",
                '<meta charset="{}">',
                '<script type="application/ld+json">{}</script>',
                '<script type="text/json" id="disqus-threadData">{}</script>',
                "<title>{}</title>",
            ]
        )
    ).format(
        draw(st.one_of(WORDS, st.sampled_from(['{"@type": "Comment", "text": 3}', '{"response": {"posts": [1]}}'])))
    )
    return f"<!DOCTYPE html><html><head>{head}</head><body>{draw(markup())}</body></html>"


def read_or_refuse(run: object) -> None:
    try:
        result = run() if callable(run) else None
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert result is not None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_any_bytes(data: bytes) -> None:
    def run() -> ThreadFile:
        return read_html_file(data, "page.html")

    read_or_refuse(run)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2048))
def test_any_text(text: str) -> None:
    read_or_refuse(lambda: read_html(text, "page.html"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_page_like_markup(page: str) -> None:
    try:
        [thread] = read_html(page, "page.html").threads
    except InputError as error:
        assert "\n" not in str(error)
        return
    for _, block in thread.blocks():
        assert block.text and block.text == " ".join(block.text.split())  # one plain line per block
    ids = {post.id for post in thread.posts}
    assert all(post.parent is None or post.parent in ids for post in thread.posts)


def test_pathological_pages() -> None:
    deep = "<div class='comment'>" * 3000 + "<p>deep text</p>" + "</div>" * 3000
    for page in (
        f"<html><body>{deep}</body></html>",  # nesting far past the parser's usual limits
        '<html><head><script type="application/ld+json">'
        + "[" * 100_000
        + "</script></head><body><p>Text.</p></body></html>",
        '<html><head><script type="application/ld+json">{"commentCount": '
        + "9" * 6000
        + "}</script></head><body><p>T.</p></body></html>",
        "<html>\x00\x01\ud800<body><p>Control characters and a lone surrogate.</p></body></html>",
    ):
        read_or_refuse(lambda page=page: read_html(page, "page.html"))
