"""The Hacker News page dump reader (`hn_dump`), on dumps we wrote in the shape a browser copies."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.errors import InputError
from translator.models import Votes
from translator.readers import parse_threads, sniff_format
from translator.readers.hn_dump import looks_like_hn_dump, read_hn_dump

SHOW = """Hacker News new | past | comments | ask | show | jobs | submit	login
Show HN: A tiny tide table for the command line (example.com)
120 points by tidewatcher 3 hours ago | hide | past | favorite | 4 comments

harbourview 2 hours ago | next [–]
This is great, I have wanted this for years.
Does it work for the Baltic?
reply

tidewatcher 2 hours ago | parent | next [–]
The Baltic barely has tides, so it prints a very flat line there.
reply

gullwing 1 hour ago | prev | next [–]
Any plans for a JSON output?
reply

saltmarsh 45 minutes ago | root | parent | next [–]
Seconding this, JSON would make it easy to script.
reply

Guidelines | FAQ | Lists | API | Security | Legal | Apply to YC | Contact
Search:"""

# An older Ask HN item: its own text under the title's line, dates instead of ages, a flagged comment.
ASK = """Ask HN: How do you keep notes on paper and on screen?
88 points by inkpot on March 3, 2019 | hide | past | favorite | 3 comments
I write on paper at meetings and type everything else. How do you keep both in one place?

ferrule on March 3, 2019 | next [–]
I photograph the pages every evening and file them next to the typed notes.
reply

quillsy on March 4, 2019 [flagged] | prev | next [-]
Paper is obsolete.
reply

nibsmith on March 5, 2019 | prev [–]
A notebook with numbered pages and an index at the back, and a search for the rest.
reply"""


def test_a_story_and_its_comments_read_flat_with_a_warning() -> None:
    # The title without its site, the submitter and points; each comment its writer and text without "reply"; the
    # page's menu and footer left out; ages stay undated (the copy does not say when it was made).
    assert looks_like_hn_dump(SHOW) and sniff_format(SHOW) == "forum"
    reading = parse_threads(SHOW, None)
    thread = reading.threads[0]
    article, *comments = thread.posts
    assert thread.title == "Show HN: A tiny tide table for the command line"
    assert (article.author, article.votes, [b.text for b in article.blocks]) == (
        "tidewatcher",
        Votes(120, 0),
        ["Show HN: A tiny tide table for the command line"],
    )
    assert [(c.author, c.parent, c.date, [b.text for b in c.blocks]) for c in comments] == [
        ("harbourview", None, None, ["This is great, I have wanted this for years.", "Does it work for the Baltic?"]),
        ("tidewatcher", None, None, ["The Baltic barely has tides, so it prints a very flat line there."]),
        ("gullwing", None, None, ["Any plans for a JSON output?"]),
        ("saltmarsh", None, None, ["Seconding this, JSON would make it easy to script."]),
    ]
    assert any("flat" in warning for warning in reading.warnings)


def test_an_older_ask_item_with_its_text_and_dates() -> None:
    thread = read_hn_dump(ASK).threads[0]
    article, *comments = thread.posts
    assert (article.author, article.date) == ("inkpot", datetime(2019, 3, 3))
    assert [b.text for b in article.blocks][1:] == [
        "I write on paper at meetings and type everything else. How do you keep both in one place?"
    ]
    assert [(c.author, c.date) for c in comments] == [
        ("ferrule", datetime(2019, 3, 3)),
        ("quillsy", datetime(2019, 3, 4)),
        ("nibsmith", datetime(2019, 3, 5)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "alice 2 hours ago | next [–]\nOne comment only.\nreply",  # one comment: too little to go by
        "Meeting notes\nbob 3 days ago | parent\nNo reply lines here.\ncarol 1 day ago | next\nNor here.",
        "Ein Artikel.\nTeilen\nKommentare (3)",
    ],
)
def test_other_texts_are_no_hacker_news_dump(text: str) -> None:
    assert not looks_like_hn_dump(text)


def test_a_dump_without_any_comment_is_one_input_error() -> None:
    with pytest.raises(InputError, match="Hacker News"):
        read_hn_dump("Show HN: Nothing\n1 point by someone 1 hour ago | hide")


LINES = st.sampled_from(
    ["alice 2 hours ago | next [–]", "bob on March 3, 2019 | parent | next [–]", "reply", "Some text.", "",
     "12 points by carol 3 hours ago | hide | past", "Show HN: A thing (example.com)", "Guidelines | FAQ", "Search:",
     "dave 1 hour ago [flagged] | prev [-]"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=30))
def test_any_arrangement_of_its_lines_reads_or_is_refused_in_one_line(lines: list[str]) -> None:
    try:
        thread = read_hn_dump("\n".join(lines)).threads[0]
    except InputError as error:
        assert "\n" not in error.message
        return
    assert thread.posts[0].kind == "article" and all(post.kind == "comment" for post in thread.posts[1:])
