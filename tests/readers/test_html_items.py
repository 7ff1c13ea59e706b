"""The XPath searches of the saved-page reader (`html_items.path`): written to find the same as they read, faster."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from translator.readers.html_items import REGEX_NAMESPACE, descendant_steps, path


@pytest.mark.parametrize(
    ("expression", "written"),
    [
        ("//li[@id]", "/descendant::li[@id]"),
        (".//*[@class]//a", "./descendant::*[@class]/descendant::a"),
        ("boolean(//name)", "boolean(/descendant::name)"),
        ("//@id", "//@id"),  # an attribute step stays
        (".//p[3]", ".//p[3]"),  # by position: the third `p` of its box, not of all
        ("//x[last()]", "//x[last()]"),
        ("//x[position() < 3]", "//x[position() < 3]"),
        ("not(.//p[3] or .//h1)", "not(.//p[3] or ./descendant::h1)"),
        ("//a[@href='//x']", "/descendant::a[@href='//x']"),  # in a string, `//` is text
        ("//x[.//y[1]]", "/descendant::x[.//y[1]]"),  # the position is the inner step's
        ("(//a | //b)[1]", "(/descendant::a | /descendant::b)[1]"),
        ("//text()", "/descendant::text()"),
    ],
)
def test_descendant_steps_are_written_out_unless_a_predicate_picks_by_position(expression: str, written: str) -> None:
    assert descendant_steps(expression) == written


EXPRESSIONS = [
    "//li[@id]",
    "//*[@class='c'][.//p]",
    ".//li[1]",
    "//div[p][2]",
    "//li//p",
    "//li[.//li[@id]]",
    "//*[re:test(@id, '^n\\d$')]",
    "count(//li[@class])",
]
TAGS = st.sampled_from(["li", "div", "p", "ul"])


@st.composite
def nested(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(TAGS)
    attributes = draw(st.sampled_from(["", ' id="n1"', ' class="c"', ' id="n2" class="c"']))
    children = draw(st.lists(nested(depth + 1), max_size=0 if depth >= 3 else 3))
    return f"<{tag}{attributes}>x{''.join(children)}</{tag}>"


@settings(max_examples=150, deadline=None)
@given(st.lists(nested(), min_size=1, max_size=4))
def test_written_out_searches_find_what_the_written_ones_find(boxes: list[str]) -> None:
    tree = lxml.html.document_fromstring("<html><body>" + "".join(boxes) + "</body></html>")
    for expression in EXPRESSIONS:
        assert path(expression)(tree) == etree.XPath(expression, namespaces=REGEX_NAMESPACE)(tree), expression
