"""What a page is made of, read from its source (`html_marks.page_marks`)."""

from __future__ import annotations

import re

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.readers.html_furniture import ASIDE_NAMES, COMMENT_TITLE_NAMES, PAYWALL_NAMES, SCORE_NAMES, named_like
from translator.readers.html_marks import CLASS_ATTRIBUTE, ID_ATTRIBUTE, page_marks

# The patterns as they were first written (case ignored, a space first): the cheaper ones read lowercased text.
PLAIN_CLASS = re.compile(r"""[\s/]class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
PLAIN_ID = re.compile(r"""[\s/]id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
SOURCE_PIECES = [" ", "\n", "\t", "-", "data-", "class", "CLASS", "Id", "id", "=", " = ", '"', "'", "a B", ">", "<"]
ATTRIBUTE_PIECES = st.lists(st.sampled_from([*SOURCE_PIECES, "/", "&#32;"]), max_size=20)


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


ATTRIBUTE_NAMES = st.sampled_from(["class", "CLASS", "id", "data-class", "title", "x-id", "hidden"])
# Values hold no `=`: one holding another attribute's text and an opening quote (`id=" class="`) would hide the
# attribute after it from the pattern, a shape no page writes.
VALUE_TEXT = st.lists(st.sampled_from(["a", "B", " ", "\n", "class", "<", ">", "&#32;", "&amp;", "{{", "}}", "-"]))
ATTRIBUTE = st.tuples(
    ATTRIBUTE_NAMES, st.sampled_from(["=", " = ", "\n=\t"]), st.sampled_from(['"', "'", ""]), VALUE_TEXT.map("".join)
).map(
    lambda attribute: (
        f"{attribute[0]}{attribute[1]}{attribute[2]}{attribute[3].replace(attribute[2], '')}{attribute[2]}"
        if attribute[2]
        else f"{attribute[0]}{attribute[1]}{''.join(attribute[3].split()).replace('>', '') or 'v'}"
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([" ", "\n", "\t ", ""]), ATTRIBUTE), max_size=5))
def test_every_class_the_parser_reads_is_among_the_marks(attributes: list[tuple[str, str]]) -> None:
    # no space between attributes only after a quoted one (`id="x"class="y"`), as the parser takes it
    written = "".join(
        (space or (" " if not attributes[n - 1][1].endswith(("'", '"')) or n == 0 else "")) + attribute
        for n, (space, attribute) in enumerate(attributes)
    )
    source = f"<html><body><div{written}>x</div></body></html>"
    tree = lxml.html.document_fromstring(source)
    parsed = {name.lower() for element in tree.iter() for name in (element.get("class") or "").split()}
    assert parsed <= page_marks(tree, source).classes


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


def test_class_names_are_read_as_the_parser_reads_the_attribute() -> None:
    source = (
        '<html><body><div class="note {{ a > b }} fn">y</div><p id="x"class=\'packed it\'>z</p>'
        '<span class="one&#32;two">w</span></body></html>'
    )
    tree = lxml.html.document_fromstring(source)
    marks = page_marks(tree, source)
    parsed = {name.lower() for element in tree.iter() for name in (element.get("class") or "").split()}
    assert parsed <= marks.classes
    assert {"fn", "packed", "it", "one", "two"} <= marks.classes
