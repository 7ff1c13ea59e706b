"""Patterns of the saved-page reader on long runs (spaces, numbers): each run is tried once, not once per
character of it. The bounds are generous: these are checks of shape, not benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from translator.models import Votes
from translator.readers.forum_dump import without_buttons
from translator.readers.html_article import without_dangling
from translator.readers.html_byline import clean_byline, split_writers, writers_only
from translator.readers.html_fields import clean_author
from translator.readers.html_items import _numbers_only, _votes

RUN = 200_000


@pytest.mark.parametrize(
    ("read", "text", "expected"),
    [
        (clean_author, "Anna" + " " * RUN + "Muster", "Anna Muster"),  # was quadratic: 6 s at 4,000
        (clean_author, "Anna" + " " * RUN + "3 days ago", "Anna"),
        (clean_author, " " * RUN + "Anna", "Anna"),
        (_numbers_only, "1 " * RUN + "x", False),  # was quadratic: a line of numbers ending in a word
        (_numbers_only, "1 " * RUN, True),
        (_votes, " " * RUN + "- 12", Votes(up=0, down=12)),
        (_votes, " " * RUN + "x", None),
        (clean_byline, "Anna" + " " * RUN + "Muster", "Anna Muster"),  # was quadratic: a date word's \s+ per space
        (split_writers, "Anna" + " " * RUN + "Muster", "Anna Muster"),
        (without_dangling, "Ferry fares" + " " * RUN + "rise", "Ferry fares rise"),  # a title's separator
        (clean_author, "Anna" + " -" * RUN + " am 3. Mai 2020", "Anna"),  # was cubic: 2 s at 2,000
        (clean_author, "Anna" + " -" * RUN + " 3 days ago", "Anna"),
        (without_buttons, "3. Mai 2020" + " Reply" * RUN, "3. Mai 2020" + " Reply" * RUN),  # too long for a date's
    ],
    ids=[
        "author-name",
        "author-then-date",
        "author-after-spaces",
        "numbers-then-word",
        "numbers",
        "signed-votes",
        "no-votes",
        "byline",
        "writers-in-text",
        "title",
        "author-then-date-words",
        "author-then-separators-then-words-date",
        "buttons",
    ],
)
def test_long_runs_are_read_in_linear_time(read: Callable[[str], Any], text: str, expected: Any) -> None:
    started = time.perf_counter()
    assert read(text) == expected
    assert time.perf_counter() - started < 10


def test_a_byline_of_a_long_space_run_is_read_in_linear_time() -> None:
    started = time.perf_counter()
    assert writers_only("Eva Muster" + " " * RUN + "x", []) == "Eva Muster x"  # was quadratic
    assert time.perf_counter() - started < 10
