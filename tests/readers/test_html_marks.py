"""What a page is made of, read from its source (`html_marks.page_marks`)."""

from __future__ import annotations

import re

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.readers.html_furniture import ASIDE_NAMES, COMMENT_TITLE_NAMES, PAYWALL_NAMES, SCORE_NAMES, named_like
from translator.readers.html_marks import CLASS_ATTRIBUTE, ID_ATTRIBUTE, page_marks

# The patterns as they were first written (case ignored, a space first): the cheaper ones read lowercased text.
PLAIN_CLASS = re.compile(r"""\sclass\s*=\s*(?:["']([^"'<>]*)["']|([^\s"'<>]+))""", re.IGNORECASE)
PLAIN_ID = re.compile(r"""\sid\s*=\s*(?:["']([^"'<>]*)["']|([^\s"'<>]+))""", re.IGNORECASE)
ATTRIBUTE_PIECES = st.lists(
    st.sampled_from(
        [" ", "\n", "\t", "-", "data-", "class", "CLASS", "Id", "id", "=", " = ", '"', "'", "a B", ">", "<"]
    ),
    max_size=20,
)


def test_class_names_and_ids_in_any_case_and_quoting() -> None:
    source = (
        '<html><body><DIV CLASS="Comment-List Wide" ID="Comment-12"></DIV><p\nclass = bare id=note-3>x</p>'
        "<span data-class=\"nope\" data-id='nope-1' class='quoted two'>y</span></body></html>"
    )
    marks = page_marks(lxml.html.document_fromstring(source), source)
    assert marks.classes == {"comment-list", "wide", "bare", "quoted", "two"}
    assert marks.ids == {"comment-", "note-"}


@settings(max_examples=300, deadline=None)
@given(ATTRIBUTE_PIECES)
def test_the_cheaper_patterns_find_what_the_plain_ones_find(pieces: list[str]) -> None:
    source = "".join(pieces)
    for cheaper, plain in ((CLASS_ATTRIBUTE, PLAIN_CLASS), (ID_ATTRIBUTE, PLAIN_ID)):
        found = [tuple(value.lower() for value in values) for values in plain.findall(source)]
        assert cheaper.findall(source.lower()) == found


NAME_PIECES = ["Related", "posts", "most", "read", "pay", "wall", "Comments", "title", "RATING", "box", "7", "-", "_"]
NAMES = st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=4).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["div", "section", "h2", "span"]), NAMES, NAMES), max_size=6))
def test_the_marks_spare_only_searches_that_would_find_nothing(elements: list[tuple[str, str, str]]) -> None:
    source = "<html><body>" + "".join(f'<{tag} class="{name}" id="{ident}">x</{tag}>' for tag, name, ident in elements)
    source += "</body></html>"
    tree = lxml.html.document_fromstring(source)
    marks = page_marks(tree, source)
    for names in (ASIDE_NAMES, PAYWALL_NAMES, COMMENT_TITLE_NAMES, SCORE_NAMES):
        for class_only in (False, True):
            walked = named_like(tree, names, class_only=class_only)
            assert named_like(tree, names, class_only=class_only, marks=marks) == walked
            assert marks.may_name(names, class_only=class_only) or not walked


def test_tags_and_attributes_are_asked_of_the_tree_when_the_source_names_them() -> None:
    source = (
        '<html><body><DIV ItemScope itemtype="https://schema.org/Comment">x</DIV>'
        "<p>giscus-widget and data-pid are words here</p><Shreddit-Comment>y</Shreddit-Comment></body></html>"
    )
    marks = page_marks(lxml.html.document_fromstring(source), source)
    assert marks.has("attr:itemscope") and marks.has("tag:shreddit-comment")
    assert not marks.has("tag:giscus-widget") and not marks.has("attr:data-pid")  # named in text: no element
    assert not marks.has("attr:data-spot-im-class") and not marks.has("tag:vf-conversations")


def test_a_class_the_pattern_cannot_read_is_still_one_the_page_may_have() -> None:
    source = (
        '<html><body><div class="Comment-Author">x</div><div class="note {{ a > b }} fn">y</div>'
        "<p>comment-body, as a word</p></body></html>"
    )
    marks = page_marks(lxml.html.document_fromstring(source), source)
    assert "fn" not in marks.classes  # the pattern stops at the `>` a template left in the value
    assert marks.may_have_class("comment-author") and marks.may_have_class("fn")
    assert marks.may_have_class("comment-body")  # named in the text: kept, as it cannot be told apart cheaply
    assert not marks.may_have_class("comment-content")
