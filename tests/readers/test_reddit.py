"""The Reddit reader: the submission as the article, the comment tree, deleted comments, "more" stubs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.errors import InputError
from translator.models import Post
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
        "1 reply chain goes on deeper than this file ('continue this thread'): the replies further down are not in it",
        "1 deleted or removed comment without replies was left out",  # the [removed] one
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
            [("paragraph", "Bahn berechnen:"), ("code", "orbit = fit(obs)"), ("code", "print(orbit.period)")],
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


def comment(key: str, body: str, parent: str = "t3_p1", **fields: object) -> dict[str, object]:
    data = {"id": key, "name": f"t1_{key}", "parent_id": parent, "author": f"user_{key}", "body": body}
    return {"kind": "t1", "data": {**data, **fields}}


def submission(**fields: object) -> dict[str, object]:
    return {"kind": "t3", "data": {"name": "t3_p1", "title": "Frage", "is_self": True, "selftext": "", **fields}}


def blocks_of(post: Post) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in post.blocks]


@pytest.mark.parametrize(
    ("body", "body_html", "blocks"),
    [
        # Without raw_json=1 Reddit escapes the Markdown: `&gt;` lines are a quote, `&amp;` is `&`.
        (
            "&gt; Der Zug fährt\n&gt; um acht.\n\nNein &amp; nie.",
            None,
            [("quote", "Der Zug fährt um acht."), ("paragraph", "Nein & nie.")],
        ),
        # A quote mark without a space, nested marks, and a line break inside a paragraph.
        (">>alt\n\nerste\nzweite", None, [("quote", "alt"), ("paragraph", "erste zweite")]),
        # raw_json=1: body_html is markup already; an entity in it is text the person typed.
        ("x", '<div class="md"><p>Schreib &lt;b&gt; für fett</p></div>', [("paragraph", "Schreib <b> für fett")]),
        # The default: body_html escaped once more.
        ("x", "&lt;div class=&quot;md&quot;&gt;&lt;p&gt;A &amp;amp; B&lt;/p&gt;&lt;/div&gt;", [("paragraph", "A & B")]),
    ],
)
def test_bodies(body: str, body_html: str | None, blocks: list[tuple[str, str]]) -> None:
    data = [listing(submission()), listing(comment("k1", body, body_html=body_html))]
    [thread] = read_reddit(data).threads
    assert blocks_of(thread.posts[1]) == blocks


@pytest.mark.parametrize("body", ["[deleted]", "[removed]", "[ Removed by Reddit ]", "[removed by moderator]"])
def test_what_reddit_leaves_of_a_gone_comment_is_no_text(body: str) -> None:
    data = [listing(submission()), listing(comment("k1", body), comment("k2", "Antwort", parent="t1_k1"))]
    [thread] = read_reddit(data).threads
    assert [(post.id, post.deleted, blocks_of(post)) for post in thread.posts[1:]] == [
        ("c1", True, []),
        ("c2", False, [("paragraph", "Antwort")]),
    ]


def test_a_crosspost_has_the_text_of_the_post_it_shares() -> None:
    shared = {"selftext": "Der Originaltext.", "url": "https://www.reddit.com/r/b/comments/o1/x/"}
    post = submission(title="Q&amp;A", is_self=False, url="/r/b/comments/o1/x/", crosspost_parent_list=[shared])
    [thread] = read_reddit([listing(post), listing()]).threads
    assert blocks_of(thread.posts[0]) == [("title", "Q&A"), ("paragraph", "Der Originaltext.")]
    # A crosspost of a link post: the shared link, made absolute when Reddit gives it as a path.
    linked = submission(is_self=False, url="/r/b/comments/o2/y/", crosspost_parent_list=[{"selftext": ""}])
    [thread] = read_reddit([listing(linked), listing()]).threads
    assert blocks_of(thread.posts[0]) == [("title", "Frage"), ("source", "https://www.reddit.com/r/b/comments/o2/y/")]


def test_a_listing_of_comments_alone_is_read_with_an_empty_article() -> None:
    permalink = "/r/b/comments/p1/frage/k1/"
    first = comment("k1", "Oben", link_title="Frage &amp; Antwort", link_id="t3_p1", permalink=permalink)
    reply = comment("k2", "Unten", parent="t1_k1")
    for data in (listing(first, reply), [listing(first, reply)]):
        reading = parse_threads(json.dumps(data))
        [thread] = reading.threads
        assert (thread.source_format, thread.title) == ("reddit", "Frage & Antwort")
        assert thread.url == "https://www.reddit.com/r/b/comments/p1/frage/"
        assert [(post.id, post.parent) for post in thread.posts] == [("article", None), ("c1", None), ("c2", "c1")]
        assert reading.warnings == ("the post these comments answer is not in this file: the article is empty",)


ARCHIVE = [
    {
        "id": "p1",
        "title": "Wie &amp; warum?",
        "selftext": "Frage",
        "subreddit": "de",
        "author": "op",
        "created_utc": 1700000000,
    },
    # Listed before the comment it answers (a dump's order is not the thread's): dates put it after.
    {
        "id": "k2",
        "body": "Zweite",
        "link_id": "t3_p1",
        "parent_id": "t1_k1",
        "author": "b",
        "created_utc": "1700000200",
    },
    {"id": "k1", "body": "Erste", "link_id": "t3_p1", "parent_id": "t3_p1", "author": "a", "created_utc": 1700000100},
    # A comment on a submission the dump lacks.
    {
        "id": "k9",
        "body": "Woanders",
        "link_id": "t3_zz",
        "parent_id": "t3_zz",
        "subreddit": "de",
        "created_utc": 1700000100,
    },
]


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(json.dumps(item) for item in ARCHIVE),  # JSON Lines (Pushshift, Arctic Shift dumps)
        json.dumps({"data": ARCHIVE}),  # Pushshift's API answer
        json.dumps(ARCHIVE),  # an array
    ],
)
def test_archives_of_bare_comments_and_submissions(text: str) -> None:
    reading = parse_threads(text)
    found = [
        (t.source_format, t.title, t.site, [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in t.posts])
        for t in reading.threads
    ]
    assert found == [
        (
            "reddit",
            "Wie & warum?",
            "r/de",
            [
                ("article", "op", None, ["Wie & warum?", "Frage"]),
                ("c1", "a", None, ["Erste"]),
                ("c2", "b", "c1", ["Zweite"]),
            ],
        ),
        ("reddit", "", "r/de", [("article", None, None, []), ("c1", None, None, ["Woanders"])]),
    ]
    assert reading.warnings == ("the post these comments answer is not in this file: the article is empty",)


def test_json_lines_of_another_kind_are_refused_with_the_json_error() -> None:
    with pytest.raises(InputError, match="this JSON is not a thread"):
        parse_threads('{"a": 1}\n{"b": 2}\n')
    with pytest.raises(InputError, match=r"invalid JSON at line 2"):
        parse_threads('{"a": 1}\n{"b": \n')


def test_gallery_captions_and_poll_options_are_text_of_the_post() -> None:
    gallery = {"items": [{"media_id": "m1", "caption": "Der Hafen &amp; die Stadt"}, {"media_id": "m2"}]}
    poll = {"options": [{"id": "1", "text": "Ja"}, {"id": "2", "text": "Nein"}], "total_vote_count": 4}
    post = submission(selftext="Was meint ihr?", gallery_data=gallery, poll_data=poll)
    [thread] = read_reddit([listing(post), listing()]).threads
    assert blocks_of(thread.posts[0])[1:] == [
        ("paragraph", "Was meint ihr?"),
        ("paragraph", "Der Hafen & die Stadt"),
        ("paragraph", "Ja"),
        ("paragraph", "Nein"),
    ]


def test_a_morechildren_answer_is_read_as_comments_alone() -> None:
    things = [comment("k1", "Oben", link_id="t3_p1"), comment("k2", "Unten", parent="t1_k1")]
    reading = parse_threads(json.dumps({"json": {"errors": [], "data": {"things": things}}}))
    [thread] = reading.threads
    assert [(post.id, post.parent) for post in thread.posts] == [("article", None), ("c1", None), ("c2", "c1")]


def test_the_markdown_of_an_archived_comment_is_text_without_markup() -> None:
    body = "\n".join(
        [
            "# Kurz gesagt",
            "",
            "Ein **fetter** und *kursiver* Satz mit [Link](https://x.example) und snake_case.",
            "Die Zeile geht weiter. &amp;#x200B;",
            "",
            "* eins",
            "* zwei mit `code`",
            "",
            "&gt; Zitat",
            "",
            "    print(1)",
            "",
            ">!Spoiler!< und ~~weg~~",
        ]
    )
    archive = [{"id": "k1", "body": body, "link_id": "t3_p1", "parent_id": "t3_p1"}]
    [thread] = parse_threads(json.dumps(archive)).threads
    assert blocks_of(thread.posts[1]) == [
        ("heading", "Kurz gesagt"),
        ("paragraph", "Ein fetter und kursiver Satz mit Link und snake_case. Die Zeile geht weiter."),
        ("paragraph", "eins"),  # each list item a block
        ("paragraph", "zwei mit code"),
        ("quote", "Zitat"),
        ("code", "    print(1)"),  # code keeps its indentation
        ("paragraph", "Spoiler und weg"),
    ]


def test_a_subreddit_page_is_a_thread_per_post() -> None:
    first = submission(id="p1", name="t3_p1", title="Erster", selftext="Text eins", subreddit="de")
    second = submission(id="p2", name="t3_p2", title="Zweiter", selftext="Text zwei", subreddit="de")
    reading = parse_threads(json.dumps(listing(first, second)))
    assert [(t.title, [b.text for b in t.posts[0].blocks]) for t in reading.threads] == [
        ("Erster", ["Erster", "Text eins"]),
        ("Zweiter", ["Zweiter", "Text zwei"]),
    ]
    assert reading.warnings == ("this is a page of posts: their comments are not in this file",)


def test_an_archive_missing_comments_of_its_posts_says_so() -> None:
    post = {"id": "p1", "title": "T", "selftext": "x", "subreddit": "de", "num_comments": 5}
    reply = {"id": "k1", "body": "Eins", "link_id": "t3_p1", "parent_id": "t3_p1"}
    reading = parse_threads("\n".join(json.dumps(item) for item in (post, reply)))
    assert reading.warnings == ("4 further comments are not in this file: only the comments in the file are read",)


def test_comments_on_several_posts_are_a_thread_per_post() -> None:
    # A user's comments page (`/user/NAME/comments.json`): newest first, each naming its post.
    on_one = comment("k1", "Spät", link_id="t3_p1", link_title="Erste Frage", created_utc=1700000300)
    on_two = comment("k2", "Mitte", link_id="t3_p2", link_title="Zweite Frage", created_utc=1700000200)
    earlier = comment("k3", "Früh", link_id="t3_p1", link_title="Erste Frage", created_utc=1700000100)
    # An inbox names the post only in the comment's context; its private messages (t4) answer no post.
    inbox = comment("k4", "Danke", context="/r/de/comments/p3/dritte/k4/?context=3", link_title="Dritte")
    message = {"kind": "t4", "data": {"id": "m1", "body": "Hallo", "author": "x", "parent_id": None}}
    reading = parse_threads(json.dumps(listing(on_one, on_two, earlier, inbox, message)))
    assert [(t.title, [p.blocks[0].text for p in t.posts[1:]]) for t in reading.threads] == [
        ("Erste Frage", ["Früh", "Spät"]),  # in date order
        ("Zweite Frage", ["Mitte"]),
        ("Dritte", ["Danke"]),
    ]
    assert reading.threads[2].url == "https://www.reddit.com/r/de/comments/p3/dritte/"
    assert reading.warnings == (
        "1 private message was left out: it answers no post",
        "the post these comments answer is not in this file: the article is empty",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # `/subreddits/popular.json`, an inbox of private messages, an empty page, `/api/multi/mine`
        (listing({"kind": "t5", "data": {"display_name": "de"}}), "listing holds subreddits, not a Reddit thread"),
        (listing({"kind": "t4", "data": {"body": "Hallo"}}), "listing holds private messages, not a"),
        (listing(), "this Reddit listing holds nothing, not a Reddit thread"),
        ([{"kind": "LabeledMulti", "data": {"name": "m"}}], "listing holds multireddits, not a Reddit thread"),
        ({"kind": "UserList", "data": {"children": [{"name": "a"}]}}, "listing holds accounts, not a Reddit"),
        (listing({"kind": "modaction", "data": {}}), "listing holds moderator actions, not a Reddit thread"),
        # an action's answer without error: nothing, or no comment (an empty `morechildren`)
        ({"json": {"errors": []}}, "this Reddit listing holds nothing, not a Reddit thread"),
        ({"json": {"errors": [], "data": {"things": []}}}, "this Reddit listing holds nothing, not a"),
        # Reddit's answers of an error: a bad address, a refused action
        ({"message": "Not Found", "error": 404}, "a web API's error answer \\(404: Not Found\\), not a thread"),
        ({"json": {"errors": [["NO_USER", "no such user", "to"]]}}, "error answer \\(NO_USER: no such user\\)"),
        ({}, "this JSON is empty \\(\\{\\}\\), not a thread"),
    ],
)
def test_reddit_answers_that_hold_no_thread_say_what_they_hold(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_threads(json.dumps(data))


def test_the_link_of_a_link_post_has_its_ampersands_unescaped() -> None:
    # Without raw_json=1 Reddit escapes `&` in the link too.
    post = submission(is_self=False, url="https://example.org/a?x=1&amp;y=2")
    [thread] = read_reddit([listing(post), listing()]).threads
    assert blocks_of(thread.posts[0])[1] == ("source", "https://example.org/a?x=1&y=2")


def test_deleted_comments_left_out_of_several_threads_are_counted_together() -> None:
    # `/api/info` or a user's page: gone comments on different posts, each the only comment of its thread.
    gone = [comment(f"k{n}", "[deleted]", link_id=f"t3_p{n}", parent=f"t3_p{n}") for n in range(3)]
    kept = comment("k9", "Bleibt", link_id="t3_p9", parent="t3_p9")
    reading = parse_threads(json.dumps(listing(*gone, kept)))
    assert "3 deleted or removed comments without replies were left out" in reading.warnings


def test_more_stubs_count_the_ids_they_list_and_say_when_a_chain_goes_deeper() -> None:
    # Without num_comments (a `morechildren` merge, an old archive), a "load more" stub with count 0 still
    # lists the ids it stands for, and "continue this thread" (id "_", no children) ends a deeper chain.
    deeper = {"kind": "more", "data": {"count": 0, "name": "t1__", "id": "_", "parent_id": "t1_b", "depth": 10,
                                       "children": []}}  # fmt: skip
    load = {"kind": "more", "data": {"count": 0, "name": "t1_m", "id": "m", "parent_id": "t3_p1", "depth": 0,
                                     "children": ["x1", "x2", "x3"]}}  # fmt: skip
    reply = comment("b", "Antwort", "t1_a", replies=listing(deeper))
    reading = read_reddit([listing(submission()), listing(comment("a", "Erster", replies=listing(reply)), load)])
    assert [p.id for p in reading.threads[0].posts] == ["article", "c1", "c2"]
    assert reading.warnings == (
        "3 further comments are not in this file (Reddit sent 2 'load more' stubs in their place): only the "
        "comments in the file are read",
        "1 reply chain goes on deeper than this file ('continue this thread'): the replies further down are not in it",
    )


def test_a_listing_of_one_post_is_its_thread_whatever_fields_it_kept() -> None:
    # A page of posts cut down to one, without the `subreddit` an archive's post is known by: a `t3` is a post.
    post = {"kind": "t3", "data": {"id": "p1", "title": "Frage", "selftext": "Text", "author": "ana"}}
    reading = parse_threads(json.dumps(listing(post)))
    [thread] = reading.threads
    assert (thread.title, [post.id for post in thread.posts]) == ("Frage", ["article"])
    assert blocks_of(thread.posts[0]) == [("title", "Frage"), ("paragraph", "Text")]
    assert thread.posts[0].author == "ana"
