"""The Stack Exchange page dump reader (`qa_dump`), on dumps we wrote in the shapes a browser copies."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.errors import InputError
from translator.models import Votes
from translator.readers import parse_threads, sniff_format
from translator.readers.qa_dump import looks_like_qa_dump, read_qa_dump

# Since 2021: a menu of three lines, the writer's name printed twice (the link and the hidden name) and the
# reputation run together, each comment's writer and date on lines of their own.
CURRENT = """Home Improvement
Questions
How do I stop a dripping kitchen tap?
Ask Question
Asked 3 years, 2 months ago
Modified 1 year ago
Viewed 12k times
14
3
The kitchen tap drips all night, even closed as hard as I can.
What part should I replace first?
plumbing faucet
Share
Improve this question
Follow
edited Mar 1, 2021 at 9:00
editor1
1,2021 gold badge44 silver badges
asked Feb 28, 2021 at 21:15
asker99asker99
3,92699 gold badges2727 silver badges
2
Is it the hot side or the cold side that drips?
– kettle
Mar 1, 2021 at 7:30
Add a comment |
2 Answers
Sorted by: Reset to default
9
Replace the washer in the valve.
Close the water first, then unscrew the handle.
Share
Improve this answer
Follow
answered Mar 1, 2021 at 8:02
plumblineplumbline
71044 silver badges1616 bronze badges
1
That was it, thank you!
– asker99
Mar 2, 2021 at 10:51
Mind the small washer at the bottom when you put it back.
– Moderator Jo ♦
3 hours ago
Add a comment |
-2
Buy a new tap.
Share
Improve this answer
Follow
answered Mar 2, 2021 at 12:00
quickfix
1
Add a comment |
Your Answer
Post Your Answer Discard
Not the answer you're looking for? Browse other questions tagged plumbing or ask your own question."""

# Before 2020: the menu on one line, years in two digits, a comment's writer and date after its text.
OLDER = """How do I stop a dripping kitchen tap?
up vote 14 down vote favorite
The kitchen tap drips all night, even closed as hard as I can.
share|improve this question
asked Feb 28 '16 at 21:15
asker99
3,926
Is it the hot side or the cold side that drips? – kettle Mar 1 '16 at 7:30
add a comment |
2 Answers
active oldest votes
up vote 9 down vote accepted
Replace the washer in the valve.
share|improve this answer
answered Mar 1 '16 at 8:02
plumbline
710
That was it, thank you! – asker99 Mar 2 '16 at 10:51
add a comment |
-2
Buy a new tap.
share|improve this answer
answered Mar 2 '16 at 12:00
quickfix
1
add a comment |
Your Answer"""


def test_a_question_its_answers_and_their_comments() -> None:
    # The question is the article (its asker, not its editor; its votes); each answer a comment with its votes;
    # a comment under an answer a reply to it; a relative date stays empty (the copy does not say when it was made).
    assert looks_like_qa_dump(CURRENT) and sniff_format(CURRENT) == "forum"
    thread = read_qa_dump(CURRENT).threads[0]
    article, *comments = thread.posts
    assert thread.title == "How do I stop a dripping kitchen tap?"
    assert (article.author, article.date, article.votes) == ("asker99", datetime(2021, 2, 28, 21, 15), Votes(14, 0))
    assert [block.text for block in article.blocks] == [
        "How do I stop a dripping kitchen tap?",
        "The kitchen tap drips all night, even closed as hard as I can.",
        "What part should I replace first?",
        "plumbing faucet",
    ]
    assert [(c.id, c.parent, c.author, c.date, c.votes) for c in comments] == [
        ("c1", None, "kettle", datetime(2021, 3, 1, 7, 30), Votes(2, 0)),
        ("c2", None, "plumbline", datetime(2021, 3, 1, 8, 2), Votes(9, 0)),
        ("c3", "c2", "asker99", datetime(2021, 3, 2, 10, 51), Votes(1, 0)),
        ("c4", "c2", "Moderator Jo", None, None),
        ("c5", None, "quickfix", datetime(2021, 3, 2, 12), Votes(0, 2)),
    ]
    assert [[block.text for block in c.blocks] for c in comments] == [
        ["Is it the hot side or the cold side that drips?"],
        ["Replace the washer in the valve.", "Close the water first, then unscrew the handle."],
        ["That was it, thank you!"],
        ["Mind the small washer at the bottom when you put it back."],
        ["Buy a new tap."],
    ]


def test_a_signed_in_readers_copy_shows_edit_and_cite_in_the_menu() -> None:
    signed_in = CURRENT.replace("Share\nImprove this question\nFollow", "Share\nEdit\nFollow").replace(
        "Share\nImprove this answer\nFollow", "Share\nCite\nImprove this answer\nFollow"
    )
    assert looks_like_qa_dump(signed_in)
    reading = read_qa_dump(signed_in).threads[0]
    assert [(post.author, [b.text for b in post.blocks][:1]) for post in reading.posts[1:3]] == [
        ("kettle", ["Is it the hot side or the cold side that drips?"]),
        ("plumbline", ["Replace the washer in the valve."]),
    ]


def test_the_older_layout_with_its_menu_and_comments_on_one_line() -> None:
    thread = parse_threads(OLDER, "forum").threads[0]
    article, *comments = thread.posts
    assert (thread.title, article.author, article.date, article.votes) == (
        "How do I stop a dripping kitchen tap?",
        "asker99",
        datetime(2016, 2, 28, 21, 15),
        Votes(14, 0),
    )
    assert [block.text for block in article.blocks][1:] == [
        "The kitchen tap drips all night, even closed as hard as I can."
    ]
    assert [(c.parent, c.author, c.date, c.votes, [b.text for b in c.blocks]) for c in comments] == [
        (None, "kettle", datetime(2016, 3, 1, 7, 30), None, ["Is it the hot side or the cold side that drips?"]),
        (None, "plumbline", datetime(2016, 3, 1, 8, 2), Votes(9, 0), ["Replace the washer in the valve."]),
        ("c2", "asker99", datetime(2016, 3, 2, 10, 51), None, ["That was it, thank you!"]),
        (None, "quickfix", datetime(2016, 3, 2, 12), Votes(0, 2), ["Buy a new tap."]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Share\nImprove this answer\nFollow\nSome text\nShare\nFollow",  # menus, no signature
        "asked Feb 28, 2021 at 21:15\nanswered Mar 1, 2021 at 8:02\nNo menu at all.",
        "Ein Artikel.\nTeilen\nKommentare (3)",
    ],
)
def test_other_texts_are_no_stack_exchange_dump(text: str) -> None:
    assert not looks_like_qa_dump(text)


def test_a_dump_without_any_post_is_one_input_error() -> None:
    with pytest.raises(InputError, match="Stack Exchange"):
        read_qa_dump("Nothing to see here.\nasked Feb 28, 2021 at 21:15\nasker99")


LINES = st.sampled_from(
    ["Share", "Improve this answer", "Improve this question", "Follow", "asked Feb 28, 2021 at 21:15", "user1",
     "answered Mar 1, 2021 at 8:02", "edited Mar 1, 2021 at 9:00", "1,234", "5", "-2", "Some text.", "– kettle",
     "Mar 1, 2021 at 7:30", "Add a comment |", "2 Answers", "Ask Question", "Asked 3 years ago", "Your Answer",
     "A comment – name Mar 1 '16 at 7:30", "up vote 3 down vote", "share|improve this answer", "", "–"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=40))
def test_any_arrangement_of_its_lines_reads_or_is_refused_in_one_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        thread = read_qa_dump(text).threads[0]
    except InputError as error:
        assert "\n" not in error.message
        return
    assert thread.posts[0].kind == "article"
    assert all(post.parent in (None, *(p.id for p in thread.posts)) for post in thread.posts)
