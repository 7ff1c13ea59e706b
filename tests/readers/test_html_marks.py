"""What a page is made of, read from its source (`html_marks.page_marks`)."""

from __future__ import annotations

import re

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

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
