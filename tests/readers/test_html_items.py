"""The XPath searches of the saved-page reader (`html_items.path`): written to find the same as they read, faster."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from translator.readers.html_items import (
    REGEX_NAMESPACE,
    FieldPaths,
    classes_needed,
    descendant_steps,
    parents_of,
    path,
)


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


IDS_AND_CLASSES = st.sampled_from(["", ' id="n1"', ' class="c"', ' id="n2" class="c"'])


@st.composite
def nested(draw: st.DrawFn, attributes: st.SearchStrategy[str] = IDS_AND_CLASSES, depth: int = 0) -> str:
    """Boxes in boxes, three levels deep at most, each with one of the attributes' choices."""
    tag = draw(TAGS)
    children = draw(st.lists(nested(attributes, depth + 1), max_size=0 if depth >= 3 else 3))
    return f"<{tag}{draw(attributes)}>x{''.join(children)}</{tag}>"


@settings(max_examples=150, deadline=None)
@given(st.lists(nested(), min_size=1, max_size=4))
def test_written_out_searches_find_what_the_written_ones_find(boxes: list[str]) -> None:
    tree = lxml.html.document_fromstring("<html><body>" + "".join(boxes) + "</body></html>")
    for expression in EXPRESSIONS:
        assert path(expression)(tree) == etree.XPath(expression, namespaces=REGEX_NAMESPACE)(tree), expression


@pytest.mark.parametrize(
    ("expression", "needed"),
    [
        (".//*[has-class('comment-author')]//*[has-class('fn')]", {"comment-author", "fn"}),
        ("self::*[has-class('Deleted')]", {"deleted"}),  # lowercased, as the page's marks are
        # what a function is given may be missing: `not(...)` holds then, `count(...)` is 0
        (".//*[has-class('body')][not(.//*[has-class('author')])]", {"body"}),
        ("//x[count(.//*[has-class('a')]) = 0]", set()),
        ("//x[string-length(.//*[has-class('a')]) = 0]", set()),
        # either side of an `or` or a union may do without the other's class
        ("//div[has-class('thing')][has-class('comment') or @data-type='comment']", set()),
        (".//a | .//*[has-class('x')]", set()),
        ("//*[@data-x='or'][has-class('q')]", {"q"}),  # an `or` in a string is text
        (".//time[@datetime]", set()),
    ],
)
def test_a_search_needs_the_classes_it_tests_outside_functions_or_alternatives(
    expression: str, needed: set[str]
) -> None:
    assert classes_needed(expression) == needed
    assert path(expression).needs == needed


NEEDING = [
    ".//*[has-class('a')]",
    "//div[has-class('a')]//*[has-class('b')]",
    "//*[has-class('a')][not(.//*[has-class('b')])]",
    "//*[has-class('a') or has-class('b')]",
    "//*[count(.//*[has-class('b')]) = 0]",
    "//p | //*[has-class('c')]",
    "//*[.//*[has-class('b')] != 'x']",
    "//*[has-class('c')]/ancestor::*[has-class('a')]",
]
CLASSES = st.sampled_from(["", ' class="a"', ' class="b x"', ' class="c"', ' class="a b"'])


@settings(max_examples=150, deadline=None)
@given(st.lists(nested(CLASSES), min_size=1, max_size=4))
def test_a_search_whose_needed_class_the_page_lacks_finds_nothing(boxes: list[str]) -> None:
    tree = lxml.html.document_fromstring("<html><body>" + "".join(boxes) + "</body></html>")
    present = {name for element in tree.iter() for name in element.get("class", "").split()}
    for expression in NEEDING:
        search = path(expression)
        if not search.needs <= present:
            assert search(tree) == [], expression


def test_field_lookups_needing_a_class_the_page_cannot_have_are_left_out() -> None:
    def by_hand(item: etree._Element) -> list[object]:
        return []

    fields = FieldPaths(
        author=(path(".//*[has-class('fn')]"), path(".//*[has-class('comment-author')]"), by_hand),
        body=(path(".//*[has-class('comment-content')]"), path("self::dt/following-sibling::*[1][self::dd]")),
    )
    kept = fields.for_page(frozenset({"comment-author", "comment-content"}))
    assert kept.author == (fields.author[1], by_hand)
    assert kept.body == fields.body
    assert kept.rules == fields.rules


def _flat_comments(*bodies: str) -> list[lxml.html.HtmlElement]:
    page = lxml.html.fromstring(
        "<html><body><div id='list'>"
        + "".join(f"<div class='msg' id='m{n}'><b>writer {n}</b>{body}</div>" for n, body in enumerate(bodies))
        + "</div></body></html>"
    )
    return [element for element in page.iter("div") if element.get("class") == "msg"]


QUESTION = "Where will the new stadium be built, behind the school?"


def test_a_reply_answers_the_comment_its_parent_box_quotes() -> None:
    quoting = f"<div class='hc__parent'><div class='hc__parent__nick'>writer 2</div>{QUESTION[:40]}…</div>Behind it."
    assert parents_of(_flat_comments("First!", quoting, QUESTION)) == [None, 2, None]


@pytest.mark.parametrize(
    "bodies",
    [
        # two comments start as the box does: which one it answers is unknown
        (QUESTION, f"<div class='hc__parent'>{QUESTION}</div>Behind it.", QUESTION),
        # a start too short to tell one comment from another
        ("Agreed.", "<div class='hc__parent'>Agreed.</div>Me too.", "Agreed."),
        # a box of another name (a `parent` wrapper alone says nothing of a quote)
        (QUESTION, f"<div class='parent'>{QUESTION}</div>Behind it."),
    ],
)
def test_a_parent_box_names_no_parent_unless_one_comment_starts_as_it_shows(bodies: tuple[str, ...]) -> None:
    assert parents_of(_flat_comments(*bodies)) == [None] * len(bodies)


def test_a_comment_answers_the_comment_its_anchor_link_names_not_its_own_permalink() -> None:
    comments = _flat_comments(
        "<a href='#m0'>#</a> First.",  # its own permalink
        "<a href='https://example.org/story?cid=0#m0'>in reply to writer 0</a> Second.",
        "<a href='#comments'>top</a> Third.",  # an anchor that is no comment's
    )
    assert parents_of(comments) == [None, 0, None]
