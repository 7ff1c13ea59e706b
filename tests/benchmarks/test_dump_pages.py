"""Saved pages rendered to the text a browser's copy gives, and a dump's reading scored against the saved-page
reader's (the forum dump benchmark's pure parts, on small pages of our own)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from dump_pages import PageScore, dump_figures, render_text, text_agreement, writer_agreement

PAGE = """<?xml version="1.0" encoding="utf-8"?>
<html><head><title>Not shown</title><style>p { color: red }</style></head>
<body><h1>Ferry fares rise</h1><p>Fares rise by <b>ten</b> per cent.<br>From May.</p>
<script>var shown = false;</script><!-- a note --> after a note
<ul><li>Kim Lee</li><li>May 3, 2024 <a href="#">Reply</a></li></ul>
<div hidden>Hidden box</div><div style="display: none">Hidden too</div><div>Shown <span>inline</span></div>
<table><tr><td>One</td><td>Two</td></tr></table></body></html>"""


def test_render_text_puts_blocks_on_lines_and_leaves_out_what_is_not_shown() -> None:
    assert render_text(PAGE).splitlines() == [
        "Ferry fares rise",
        "Fares rise by ten per cent.",  # a line break ends a line
        "From May.",
        "after a note",  # the text after a script and an HTML comment stays
        "Kim Lee",
        "May 3, 2024 Reply",  # inline links run on
        "Shown inline",
        "One",
        "Two",
    ]


def test_render_text_breaks_lines_where_a_browser_does_not_where_the_source_does() -> None:
    page = """<html><body><div><small>Georg N.
    am
    10.4.2020</small></div><p>Alles
    bestens.</p><pre>line one
line two</pre></body></html>"""
    assert render_text(page).splitlines() == ["Georg N. am 10.4.2020", "Alles bestens.", "line one", "line two"]


def test_render_text_reads_boxes_as_deep_as_lxml_keeps() -> None:
    page = "<html><body>" + "<div>" * 250 + "Deep" + "</div>" * 250 + "</body></html>"
    assert render_text(page) == "Deep"


@pytest.mark.parametrize(
    ("reference", "dump", "expected"),
    [
        # the same writers, case and punctuation aside; a writer of several comments counts once
        (["Kim Lee", "Ana", "Ana"], ["kim lee", "Ana.", "Ana"], (2, 2, 3, 3)),
        # a writer missed, a comment with a name the reference lacks, one with no name
        (["Kim Lee", "Ana"], ["Kim Lee", "Reply", ""], (1, 2, 1, 3)),
        # no comments read
        (["Kim Lee"], [], (0, 1, 0, 0)),
    ],
)
def test_writer_agreement(reference: list[str], dump: list[str], expected: tuple[int, int, int, int]) -> None:
    assert writer_agreement(reference, dump) == expected


@pytest.mark.parametrize(
    ("dump", "expected"),
    [
        # each text with its writer; a quote before a reply's own words is looked past
        (
            [("Kim Lee", "I think so too, said the man."), ("Ana", "Kim Lee wrote: I think so. No, I do not agree.")],
            (2, 2),
        ),
        # each text given to the writer of the comment before: the writers agree, their texts do not
        ([("Kim Lee", "No, I do not agree at all."), ("Ana", "Something else entirely.")], (0, 2)),
        # a writer the reference lacks counts for neither; a text's opening words inside another word are no match
        ([("Bo", "I think so too, said the man."), ("Ana", "Ano, I do not agree at all.")], (0, 1)),
    ],
)
def test_text_agreement(dump: list[tuple[str, str]], expected: tuple[int, int]) -> None:
    reference = [("Kim Lee", "I think so too, said the man."), ("Ana", "No, I do not agree at all.")]
    assert text_agreement(reference, dump) == expected


def _score(file: str, reference: tuple[str, ...], taken: bool, dump: tuple[str, ...], seconds: float) -> PageScore:
    # each comment's text is its writer's name and a line of its own ("Kim says hello")
    return PageScore(
        file,
        reference,
        taken,
        dump,
        seconds,
        0.1,
        tuple(f"{name} says hello" for name in reference),
        tuple(f"{name} says hello" for name in dump),
    )


def test_dump_figures() -> None:
    scores = [
        _score("forum.html", ("Kim", "Ana"), True, ("Kim", "Ana", "Bo"), 0.2),  # taken, one comment too many
        _score("blog.html", ("Kim", "Ana", "Eve", "Lu"), False, (), 0.1),  # missed
        _score("news.html", (), True, ("Kim", "Ana"), 1.5),  # a false positive, and slow
        _score("story.html", ("Kim",), False, (), 0.1),  # one comment: not a page with comments
    ]
    assert dump_figures(scores) == {
        "pages": 4,
        "pages_with_comments": 2,
        "taken": 2,
        "taken_true": 1,
        "false_positives": 1,
        "taken_few_comments": 0,
        "recall": 0.5,
        "writers_found": 1.0,
        "comments_by_known_writers": round(2 / 3, 4),
        "texts_with_their_writer": 1.0,
        "comments_ratio": 1.5,
        "slow_pages": 1,
        "time_ratio": 4.75,
    }
    assert dump_figures([])["time_ratio"] is None
