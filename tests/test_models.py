"""The thread model's reading order of a nested discussion; the record of an applied glossary term."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.models import TERM_ARROW, AppliedTerm, Post, Thread


def post(post_id: str, parent: str | None = None) -> Post:
    return Post(id=post_id, kind="article" if post_id == "article" else "comment", author=None, parent=parent)


@pytest.mark.parametrize(
    ("posts", "expected"),
    [
        # Flat comments (a forum page): file order, all at the top.
        ([post("article"), post("c1"), post("c2")], [("article", 0), ("c1", 0), ("c2", 0)]),
        # Replies follow the post they answer, one level deeper, in their own order.
        (
            [post("article"), post("c1"), post("c2"), post("c3", "c1"), post("c4", "c3"), post("c5", "c1")],
            [("article", 0), ("c1", 0), ("c3", 1), ("c4", 2), ("c5", 1), ("c2", 0)],
        ),
        # A reply listed before its parent is still read under it.
        ([post("c2", "c1"), post("c1")], [("c1", 0), ("c2", 1)]),
        # A parent not in the thread: the reply is read at the top.
        ([post("c1", "gone")], [("c1", 0)]),
        # A loop of parents (a damaged JSON file): every post is read once.
        ([post("c1", "c2"), post("c2", "c1"), post("c3", "c3")], [("c1", 0), ("c2", 1), ("c3", 0)]),
        # Two posts with one id (a damaged JSON file): both are kept.
        ([post("c1"), post("c1")], [("c1", 0), ("c1", 0)]),
    ],
)
def test_threaded(posts: list[Post], expected: list[tuple[str, int]]) -> None:
    thread = Thread(title="", subtitle=None, posts=tuple(posts), source_format="json")
    assert [(p.id, depth) for p, depth in thread.threaded()] == expected


def test_threaded_follows_a_long_chain_without_recursion() -> None:
    chain = [post("c0")] + [post(f"c{n}", f"c{n - 1}") for n in range(1, 50_000)]
    ordered = Thread(title="", subtitle=None, posts=tuple(chain), source_format="json").threaded()
    assert ordered[-1][1] == 49_999


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Poutine -> Putin", AppliedTerm("Poutine", "Putin")),  # as the pipeline records a term
        ("SpaceX -> SpaceX", AppliedTerm("SpaceX", "SpaceX")),  # a term kept as it is
        ("a -> b -> c", AppliedTerm("a", "b -> c")),  # the first arrow splits
        ("no arrow", AppliedTerm("no arrow", None)),  # a record written otherwise is a source alone
        ("a->b", AppliedTerm("a->b", None)),  # the arrow is spaced
    ],
)
def test_applied_term_parse(text: str, term: AppliedTerm) -> None:
    assert AppliedTerm.parse(text) == term
    assert term.text == text


@settings(max_examples=100, deadline=None)
@given(st.text().filter(lambda text: TERM_ARROW not in text), st.text() | st.none())
def test_applied_term_round_trip(source: str, target: str | None) -> None:
    term = AppliedTerm(source, target)
    assert AppliedTerm.parse(term.text) == term
