"""The Reddit page dump reader (`reddit_dump`), old and redesign layouts, on dumps we wrote in the shape a browser
copies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.errors import InputError
from translator.models import Votes
from translator.readers import parse_threads, sniff_format
from translator.readers.reddit_dump import (
    looks_like_reddit_dump,
    looks_like_redesign_dump,
    read_reddit_dump,
    read_redesign_dump,
)

THREAD = """reddit.com
What's the best ferry timetable app? (self.harbourlife)
submitted 6 years ago by tidewatcher
I keep missing the late boat. Which app do you use?
35 comments
share
save
all 35 comments
sorted by: best
[–]harbourview 39 points 6 years ago (2 children)
The late ferry on Fridays is the best news this year.
permalink embed save report give award reply
[–]tidewatcher[S] 10 points 6 years ago
Agreed, the last one used to leave far too early.
permalink
embed
save
parent
report
give award
reply
[–]gullwing Islander 4 points 6 years ago*
Will the fares go up to pay for it?
It would be a shame.
permalink embed save parent report give award reply
[–]saltmarsh [score hidden] 2 hours ago
No, the council said they stay the same.
permalink embed save report reply
[–]grumpy_gull -3 points 6 years ago
Ferries are a waste of money.
permalink embed save report reply
load more comments (3 replies)
about
blog"""


def test_a_post_and_its_comments_read_flat_with_a_warning() -> None:
    # The title without where it links, the submitter and text; each comment's writer (a flair and the submitter's
    # [S] after the name left out), score and text without its buttons, one button a line or all on one.
    assert looks_like_reddit_dump(THREAD) and sniff_format(THREAD) == "forum"
    reading = parse_threads(THREAD, None)
    article, *comments = reading.threads[0].posts
    assert reading.threads[0].title == "What's the best ferry timetable app?"
    assert (article.author, [b.text for b in article.blocks][1:]) == (
        "tidewatcher",
        ["I keep missing the late boat. Which app do you use?"],
    )
    assert [(c.author, c.parent, c.date, c.votes, [b.text for b in c.blocks]) for c in comments] == [
        ("harbourview", None, None, Votes(39, 0), ["The late ferry on Fridays is the best news this year."]),
        ("tidewatcher", None, None, Votes(10, 0), ["Agreed, the last one used to leave far too early."]),
        ("gullwing", None, None, Votes(4, 0), ["Will the fares go up to pay for it?", "It would be a shame."]),
        ("saltmarsh", None, None, None, ["No, the council said they stay the same."]),
        ("grumpy_gull", None, None, Votes(0, 3), ["Ferries are a waste of money."]),
    ]
    # The submitter's mark ([S]) makes their comment the asker's.
    assert [c.role for c in comments] == [None, "OP", None, None, None]
    assert any("flat" in warning for warning in reading.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "[–]alone 3 points 1 hour ago\nOnly one comment.\npermalink embed save report reply",
        "[+]folded 2 points 1 day ago\n[–]other 1 point 2 days ago\nNo buttons under them at all.",
        "Ein Artikel.\nTeilen\nKommentare (3)",
    ],
)
def test_other_texts_are_no_reddit_dump(text: str) -> None:
    assert not looks_like_reddit_dump(text)


def test_a_dump_without_any_comment_is_one_input_error() -> None:
    with pytest.raises(InputError, match="Reddit"):
        read_reddit_dump("A title\nsubmitted 2 hours ago by someone\nNo comments yet.")


LINES = st.sampled_from(
    ["[–]alice 3 points 2 hours ago", "[+]bob[S] 1 point 1 day ago (1 child)", "permalink embed save report reply",
     "Some text.", "", "A title (self.sub)", "submitted 3 hours ago by carol", "all 3 comments", "reply",
     "[–]dave [score hidden] 5 minutes ago", "12 points (90% upvoted)", "load more comments (2 replies)"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=30))
def test_any_arrangement_of_its_lines_reads_or_is_refused_in_one_line(lines: list[str]) -> None:
    try:
        thread = read_reddit_dump("\n".join(lines)).threads[0]
    except InputError as error:
        assert "\n" not in error.message
        return
    assert thread.posts[0].kind == "article" and all(post.kind == "comment" for post in thread.posts[1:])


REDESIGN = """Press J to jump to the feed. Press question mark to learn the rest of the keyboard shortcuts
r/harbourlife
Log In
Sign Up
1.2k
Posted by
u/tidewatcher
3 years ago
Archived
What's the best ferry timetable app?
I keep missing the late boat.
Which app do you use?
35 comments
Share
Save
Sort by: best
level 1
harbourview
· 3 yr. ago
The late ferry on Fridays is the best news this year.
39
Reply
Share
Report
Save
Follow
level 2
tidewatcher
OP
Ferry fan
·
3 yr. ago
Agreed, the last one used to leave far too early.
10
Reply
level 3
gullwing
· 3 yr. ago · edited 3 yr. ago
Will the fares go up to pay for it?
It would be a shame.
4
Reply
Continue this thread
level 1
[deleted]
· 3 yr. ago
[removed]
Reply
level 2
saltmarsh
Score hidden · 2 hr. ago
No, the council said they stay the same.
Reply
2 more replies
level 1
grumpy_gull
-3 points · 3 years ago
Ferries are a waste of money.
7
Reply
level 1
spam_seller
· 3 yr. ago
[removed]
Reply
View entire discussion (35 comments)
More posts from the harbourlife community
Continue browsing in r/harbourlife"""


def test_a_redesign_copy_is_read_with_its_reply_tree() -> None:
    # The depths give each comment its parent; the writer's line, `OP`, a flair and the age's dot on lines of their
    # own, the score on the comment's line (which wins)
    # or alone under its text, a deleted comment, and what the page does not show (a branch continued elsewhere, replies
    # folded) said in a warning. The footer after the last comment is left out.
    assert looks_like_redesign_dump(REDESIGN) and not looks_like_reddit_dump(REDESIGN)
    assert sniff_format(REDESIGN) == "forum"
    reading = parse_threads(REDESIGN, None)
    article, *comments = reading.threads[0].posts
    assert reading.threads[0].title == "What's the best ferry timetable app?"
    assert (article.author, article.votes, [b.text for b in article.blocks][1:]) == (
        "tidewatcher",
        Votes(1200, 0),
        ["I keep missing the late boat.", "Which app do you use?"],
    )
    assert [(c.id, c.author, c.role, c.parent, c.deleted, c.votes) for c in comments] == [
        ("c1", "harbourview", None, None, False, Votes(39, 0)),
        ("c2", "tidewatcher", "OP", "c1", False, Votes(10, 0)),
        ("c3", "gullwing", None, "c2", False, Votes(4, 0)),
        ("c4", None, None, None, True, None),
        ("c5", "saltmarsh", None, "c4", False, None),
        ("c6", "grumpy_gull", None, None, False, Votes(0, 3)),
        ("c7", "spam_seller", None, None, True, None),  # removed by a moderator: its writer kept, no text
    ]
    assert [[b.text for b in c.blocks] for c in comments] == [
        ["The late ferry on Fridays is the best news this year."],
        ["Agreed, the last one used to leave far too early."],
        ["Will the fares go up to pay for it?", "It would be a shame."],
        [],
        ["No, the council said they stay the same."],
        ["Ferries are a waste of money."],
        [],
    ]
    assert reading.warnings == (
        "some replies are not in this copy of the Reddit page (1 behind 'Continue this thread', 2 folded):"
        " open them before copying, or read the thread's JSON",
    )


def test_a_2019_redesign_copy_with_the_score_and_asker_on_the_comments_line() -> None:
    text = "\n".join(
        [
            "124",
            "Posted byu/tidewatcher6 years ago",
            "A question about tides",
            "level 1",
            "39 points · 6 years ago",
            "The first answer.",
            "level 2",
            "Original Poster1 point · 6 years ago",
            "Thanks!",
            "level 4",  # a depth the copy skips: no parent to name
            "harbourview 2 points · 6 years ago",
            "Deep down.",
        ]
    )
    article, *comments = read_redesign_dump(text).threads[0].posts
    assert (article.author, article.votes) == ("tidewatcher", Votes(124, 0))
    assert [(c.author, c.role, c.parent, c.votes) for c in comments] == [
        (None, None, None, Votes(39, 0)),
        (None, "OP", "c1", Votes(1, 0)),
        ("harbourview", None, None, Votes(2, 0)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "level 1\nalice\n· 3 yr. ago\nOnly one comment.",
        "Reached level 1 in the game.\nlevel 2 came a day later.\nlevel 3: 2 hours ago",
        THREAD,
    ],
)
def test_other_texts_are_no_redesign_dump(text: str) -> None:
    assert not looks_like_redesign_dump(text)


def test_a_redesign_dump_without_any_comment_is_one_input_error() -> None:
    with pytest.raises(InputError, match="level 1"):
        read_redesign_dump("Posted by u/someone 2 hours ago\nA title\nlevel 1\nNo comments yet.")


REDESIGN_LINES = st.sampled_from(
    ["level 1", "level 2", "level 3", "alice", "bob OP", "· 3 yr. ago", "39 points · 6 years ago", "Some text.", "",
     "Original Poster1 point · 2 days ago", "Reply", "Continue this thread", "3 more replies", "42", "[deleted]",
     "[removed]", "Posted by u/carol 3 hours ago", "Archived", "12 comments", "View entire discussion (3 comments)"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(REDESIGN_LINES, max_size=30))
def test_any_arrangement_of_redesign_lines_reads_or_is_refused_in_one_line(lines: list[str]) -> None:
    try:
        thread = read_redesign_dump("\n".join(lines)).threads[0]
    except InputError as error:
        assert "\n" not in error.message
        return
    ids = {post.id for post in thread.posts}
    assert thread.posts[0].kind == "article" and all(post.kind == "comment" for post in thread.posts[1:])
    assert all(post.parent is None or post.parent in ids for post in thread.posts)
