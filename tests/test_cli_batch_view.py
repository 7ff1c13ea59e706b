"""What `translate` and `batch` say when they are done (cli/batch_view.py)."""

from __future__ import annotations

import pytest

from cli.batch_view import stats_line
from translator.stats import TranslationStats


@pytest.mark.parametrize(
    ("stats", "line"),
    [
        # One of each: singular nouns ("1 sentences" read as a slip).
        (
            TranslationStats(blocks=1, sentences=1, translated=1, issues={"numbers": 1}),
            "1 block (0 copied), 1 sentence: 1 translated, 0 from memory; 1 QA issue to review",
        ),
        # None and several: plural.
        (
            TranslationStats(blocks=3, copied=3),
            "3 blocks (3 copied), 0 sentences: 0 translated, 0 from memory; 0 QA issues to review",
        ),
    ],
)
def test_the_stats_line_counts_in_words(stats: TranslationStats, line: str) -> None:
    assert stats_line(stats) == line


@pytest.mark.parametrize(
    ("number", "noun", "words"),
    [(0, "entry", "0 entries"), (1, "entry", "1 entry"), (2, "whole translated thread", "2 whole translated threads")],
)
def test_counted(number: int, noun: str, words: str) -> None:
    from cli.options import counted

    assert counted(number, noun) == words
