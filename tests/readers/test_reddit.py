"""The Reddit reader: the submission as the article, the comment tree, deleted comments, "more" stubs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, read_threads
from translator.readers.reddit import read_reddit

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "readers" / "reddit-thread.json"


def test_thread_fields() -> None:
    thread_file = read_threads(FIXTURE)
    [thread] = thread_file.threads
    assert thread.source_format == "reddit"
    assert (thread.title, thread.site) == ("Ein neuer Komet ist heute Nacht sichtbar", "r/Astronomy")
    assert thread.url == "https://www.reddit.com/r/Astronomy/comments/abc123/ein_neuer_komet/"
    assert thread.published is not None and thread.published.isoformat() == "2024-05-01T08:00:00"
    # The two stubs ("load more" with 42, "continue this thread" with 0) stand for the 43 comments missing
    # from num_comments (50) once the 7 present are counted.
    assert thread_file.warnings == (
        "43 further comments are not in this file (Reddit sent 2 'load more' stubs in their place): "
        "only the comments in the file are read",
        "1 deleted or removed comments without replies were left out",  # the [removed] one
    )


@pytest.mark.parametrize(
    ("post_id", "author", "parent", "deleted", "blocks"),
    [
        # The self text is the article, after the title; entities decoded.
        (
            "article",
            "sternwarte_nord",
            None,
            False,
            [
                ("title", "Ein neuer Komet ist heute Nacht sichtbar"),
                ("paragraph", "Heute nach Sonnenuntergang im Westen."),
                ("paragraph", "Ein Fernglas reicht & ein dunkler Ort."),
            ],
        ),
        ("c1", "mira_k", None, False, [("paragraph", "Gerade gesehen, unglaublich hell!")]),  # top level
        # A reply with a Markdown quote: a quote block (the author is not named in Reddit's markup).
        ("c2", "jonas_h", "c1", False, [("quote", "unglaublich hell"), ("paragraph", "Mit bloßem Auge?")]),
        ("c3", "mira_k", "c2", False, [("paragraph", "Ja, ganz ohne.")]),  # two levels down
        ("c4", None, None, True, []),  # [deleted] with a reply: kept, empty, author unknown
        # An author [deleted] whose text remains: the text is kept, the author is unknown.
        ("c5", None, "c4", False, [("paragraph", "Trotzdem danke für den Hinweis.")]),
        # [removed] without replies is left out; a code block keeps its lines.
        (
            "c6",
            "code_owl",
            None,
            False,
            [("paragraph", "Bahn berechnen:"), ("paragraph", "orbit = fit(obs)"), ("paragraph", "print(orbit.period)")],
        ),
    ],
)
def test_posts(
    post_id: str, author: str | None, parent: str | None, deleted: bool, blocks: list[tuple[str, str]]
) -> None:
    [thread] = read_threads(FIXTURE).threads
    post = {post.id: post for post in thread.posts}[post_id]
    assert (post.author, post.parent, post.deleted) == (author, parent, deleted)
    assert [(block.kind, block.text) for block in post.blocks] == blocks


def test_post_urls_votes_and_dates() -> None:
    [thread] = read_threads(FIXTURE).threads
    posts = {post.id: post for post in thread.posts}
    assert posts["c1"].url == "https://www.reddit.com/r/Astronomy/comments/abc123/ein_neuer_komet/c001/"
    assert posts["c5"].votes is not None and (posts["c5"].votes.up, posts["c5"].votes.down) == (0, 3)
    assert posts["c1"].date is not None and posts["c1"].date.isoformat() == "2024-05-01T08:30:00"
    assert len(thread.posts) == 7


def listing(*children: object) -> dict[str, object]:
    return {"kind": "Listing", "data": {"children": list(children)}}


def test_a_link_post_has_its_link_as_the_article() -> None:
    post = {"kind": "t3", "data": {"title": "Look", "is_self": False, "url": "https://example.org/a", "selftext": ""}}
    [thread] = read_reddit([listing(post), listing()]).threads
    assert [(b.kind, b.text) for b in thread.posts[0].blocks] == [
        ("title", "Look"),
        ("source", "https://example.org/a"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "Listing"}, "not a Reddit thread"),  # one listing, not a pair
        ([listing(), listing()], "not a Reddit thread"),  # no submission
        ([{"kind": "t3"}, listing()], "not a Reddit thread"),  # not listings
    ],
)
def test_other_shapes_are_refused(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_threads(json.dumps(data), "reddit")
