"""The old Reddit page dump reader (`reddit_dump`), on dumps we wrote in the shape a browser copies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.errors import InputError
from translator.models import Votes
from translator.readers import parse_threads, sniff_format
from translator.readers.reddit_dump import looks_like_reddit_dump, read_reddit_dump

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
