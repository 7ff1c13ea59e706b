"""The Hacker News reader: Algolia, the official Firebase API and HNPWA, to the same thread shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, read_threads

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"


@pytest.mark.parametrize(
    ("name", "title", "posts", "warnings"),
    [
        # Algolia: the whole tree; a deleted comment with a reply stays, a deleted leaf goes; HTML with
        # entities, unclosed <p>, a `>` quote and a <pre> block.
        (
            "hn-algolia.json",
            "Show HN: A tiny offline translator for comment threads",
            [
                ("article", "lagrange", None, False, ["title", "source"]),
                ("c1", "ferrite", None, False, ["paragraph", "paragraph"]),
                ("c2", "lagrange", "c1", False, ["quote", "paragraph", "code", "code"]),
                ("c3", None, None, True, []),
                ("c4", "quark", "c3", False, ["paragraph"]),
            ],
            ("1 deleted or removed comment without replies was left out",),
        ),
        # Firebase: items linked by parent and kids; a deleted leaf goes.
        (
            "hn-firebase.json",
            "Ask HN: How do you read forums in other languages?",
            [
                ("article", "vega", None, False, ["title", "paragraph", "paragraph"]),
                ("c1", "orion", None, False, ["paragraph"]),
                ("c2", "vega", "c1", False, ["paragraph"]),
            ],
            ("1 deleted or removed comment without replies was left out",),
        ),
        # HNPWA: nested comments; a dead comment goes; comments_count says two are missing.
        (
            "hn-hnpwa.json",
            "Offline language detection is harder than it looks",
            [
                ("article", "lyra", None, False, ["title", "source"]),
                ("c1", "draco", None, False, ["paragraph"]),
                ("c2", "lyra", "c1", False, ["paragraph"]),
            ],
            (
                "2 further comments are not in this file: only the comments in the file are read",
                "1 deleted or removed comment without replies was left out",
            ),
        ),
    ],
)
def test_each_api(
    name: str, title: str, posts: list[tuple[str, str | None, str | None, bool, list[str]]], warnings: tuple[str, ...]
) -> None:
    thread_file = read_threads(DATA / name)
    [thread] = thread_file.threads
    assert (thread.source_format, thread.title, thread.site) == ("hn", title, "Hacker News")
    assert thread.url is not None and thread.url.startswith("https://news.ycombinator.com/item?id=")
    shape = [(p.id, p.author, p.parent, p.deleted, [b.kind for b in p.blocks]) for p in thread.posts]
    assert shape == posts
    assert thread_file.warnings == warnings


def test_comment_html_becomes_plain_text() -> None:
    [thread] = read_threads(DATA / "hn-algolia.json").threads
    texts = {block.id: block.text for _, block in thread.blocks()}
    assert texts["c1.p1"] == "Nice work. Does it keep quotes/replies apart?"  # &#x2F;
    assert texts["c1.p2"] == "I tried it on a long thread & it held up."  # unclosed <p>, &amp;
    assert texts["c2.q1"] == "Does it keep quotes apart?"  # `&gt; ` quote
    assert (texts["c2.code1"], texts["c2.code2"]) == ("  c4.q1  quote", "  c4.p1  reply")  # <pre><code> lines
    assert texts["article.src1"] == "https://example.org/tiny-translator"


def test_a_single_firebase_story_says_its_comments_are_missing() -> None:
    story = {"id": 1, "type": "story", "by": "a", "time": 1, "title": "T", "kids": [2, 3], "descendants": 2}
    reading = parse_threads(json.dumps(story))
    assert [post.id for post in reading.threads[0].posts] == ["article"]
    assert reading.warnings == ("2 further comments are not in this file: only the comments in the file are read",)


def test_firebase_loops_and_expanded_kids() -> None:
    """Expanded kids (objects instead of ids) are read; an item listing its own ancestor is read once."""
    items = [
        {
            "id": 1,
            "type": "story",
            "by": "a",
            "title": "T",
            "kids": [{"id": 2, "type": "comment", "by": "b", "text": "x", "kids": [1]}],
        },
    ]
    [thread] = parse_threads(json.dumps(items)).threads
    assert [(p.id, p.author, p.parent) for p in thread.posts] == [("article", "a", None), ("c1", "b", None)]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": 1, "title": "no type, no children"}, "not a Hacker News item"),  # unknown shape
        ([{"id": 1, "type": "story"}, "x"], "not a Hacker News item"),  # an array with a non-item
        ({"children": [], "author": "a"}, "not a Hacker News item"),  # no id
    ],
)
def test_other_shapes_are_refused(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_threads(json.dumps(data), "hn")


@pytest.mark.parametrize(
    "items",
    [
        # The official API: the options listed in `parts`, their items after (or before) the poll.
        [
            {"id": 21, "type": "pollopt", "by": "ana", "poll": 20, "text": "Nein", "time": 1704103200},
            {"id": 20, "type": "poll", "by": "ana", "title": "Umfrage", "text": "Welche?", "parts": [22, 21]},
            {"id": 22, "type": "pollopt", "by": "ana", "poll": 20, "text": "Ja", "time": 1704103200},
            {"id": 23, "type": "comment", "by": "ben", "parent": 20, "text": "Ja natürlich", "time": 1704103300},
        ],
        # Algolia: the options nested in `options`, the comments in `children`.
        {
            "id": 20,
            "type": "poll",
            "author": "ana",
            "title": "Umfrage",
            "text": "Welche?",
            "created_at_i": 1704103200,
            "options": [{"id": 22, "type": "pollopt", "text": "Ja"}, {"id": 21, "type": "pollopt", "text": "Nein"}],
            "children": [{"id": 23, "type": "comment", "author": "ben", "text": "Ja natürlich", "children": []}],
        },
    ],
)
def test_poll_options_are_the_article_not_comments(items: object) -> None:
    [thread] = parse_threads(json.dumps(items)).threads
    assert [(p.id, [b.text for b in p.blocks]) for p in thread.posts] == [
        ("article", ["Umfrage", "Welche?", "Ja", "Nein"]),
        ("c1", ["Ja natürlich"]),
    ]


def test_algolia_search_hits_are_a_thread_per_story() -> None:
    def hit(key: int, parent: int, text: str, when: int) -> dict[str, object]:
        return {
            "objectID": str(key),
            "author": f"u{key}",
            "comment_text": text,
            "created_at_i": when,
            "parent_id": parent,
            "story_id": 100,
            "story_title": "Show HN: Werkzeug",
            "story_url": "https://werkzeug.example",
        }

    search = {
        # The reply is listed first (search order is not the thread's); its parent comes by date.
        "hits": [hit(102, 101, "Genau.", 1700000300), hit(101, 100, "<p>Gut &amp; schnell<p>&gt; Zitat", 1700000200)],
        "nbHits": 5,
    }
    reading = parse_threads(json.dumps(search))
    [thread] = reading.threads
    assert (thread.source_format, thread.title, thread.url) == (
        "hn",
        "Show HN: Werkzeug",
        "https://news.ycombinator.com/item?id=100",
    )
    assert [(p.id, p.author, p.parent, [(b.kind, b.text) for b in p.blocks]) for p in thread.posts[1:]] == [
        ("c1", "u101", None, [("paragraph", "Gut & schnell"), ("quote", "Zitat")]),
        ("c2", "u102", "c1", [("paragraph", "Genau.")]),
    ]
    assert reading.warnings == (
        "3 further comments are not in this file (further pages of the search): only the comments in the file are read",
        # A search of comments (tags=comment,story_100) does not hold the story's own hit.
        "the story's own hit is not in this file (a search of comments): the article is the title and link its "
        "comments name, without its text, writer, date or points",
    )


def test_a_search_says_what_its_hits_lack() -> None:
    # A search by author finds replies whose parents it does not hold; a search asked for some attributes
    # only (attributesToRetrieve) gives hits without comment_text.
    story = {"objectID": "100", "title": "Frage", "author": "op", "created_at_i": 1, "_tags": ["story"]}
    reply = {
        "objectID": "7",
        "comment_text": "Antwort",
        "story_id": 100,
        "parent_id": 5,
        "author": "u",
        "_tags": ["comment"],
    }
    bare = {"objectID": "8", "story_id": 100, "parent_id": 100, "author": "v", "_tags": ["comment"]}
    reading = parse_threads(json.dumps({"hits": [story, reply, bare]}))
    [thread] = reading.threads
    assert [(p.author, p.parent) for p in thread.posts[1:]] == [("u", None), ("v", None)]
    assert reading.warnings == (
        "1 comment answers a comment not in this file: read as answering the story",
        "1 comment hit has no comment_text (the search left it out): read without text",
    )


def test_search_hits_with_damaged_ids_are_read() -> None:
    hits = [{"objectID": "7", "comment_text": "Hallo", "story_id": [1], "parent_id": {"a": 1}, "author": "u"}]
    [thread] = parse_threads(json.dumps({"hits": hits})).threads
    assert [[b.text for b in p.blocks] for p in thread.posts[1:]] == [["Hallo"]]


def test_a_comment_saved_with_its_replies_says_so() -> None:
    item = {
        "id": 5,
        "type": "comment",
        "author": "ana",
        "text": "Oben",
        "story_id": 1,
        "children": [{"id": 6, "type": "comment", "author": "ben", "text": "Unten", "children": []}],
    }
    reading = parse_threads(json.dumps(item))
    [thread] = reading.threads
    assert [[b.text for b in p.blocks] for p in thread.posts] == [["Oben"], ["Unten"]]
    assert reading.warnings[0].startswith("this file holds a comment and its replies")


def test_a_search_of_stories_is_a_thread_per_story() -> None:
    # Algolia's story hits carry `comment_text: null` (older answers) or none; each counts its comments.
    def story(key: int, title: str, **fields: object) -> dict[str, object]:
        hit = {"objectID": str(key), "title": title, "author": f"u{key}", "created_at_i": 1700000000 + key}
        return {**hit, "comment_text": None, "story_id": None, "_tags": ["story", f"story_{key}"], **fields}

    search = {"hits": [story(1, "Ein Werkzeug", num_comments=4), story(2, "Frage an alle", story_text="<p>Wer?")]}
    reading = parse_threads(json.dumps(search))
    found = [(t.title, t.posts[0].author, [b.text for b in t.posts[0].blocks[1:]]) for t in reading.threads]
    assert found == [("Ein Werkzeug", "u1", []), ("Frage an alle", "u2", ["Wer?"])]
    assert reading.warnings == ("4 further comments are not in this file: only the comments in the file are read",)


@pytest.mark.parametrize(
    "items",
    [
        # HNPWA's news.json: a page of stories, their comments elsewhere
        [
            {"id": 1, "title": "Eins", "user": "a", "time": 1700000000, "comments_count": 2, "type": "link"},
            {"id": 2, "title": "Zwei", "user": "b", "time": 1700000100, "comments_count": 1, "type": "ask"},
        ],
        # official items of a front page, saved together with some of their replies
        [
            {"id": 1, "type": "story", "title": "Eins", "by": "a", "time": 1700000000, "kids": [3], "descendants": 2},
            {"id": 2, "type": "story", "title": "Zwei", "by": "b", "time": 1700000100, "descendants": 1},
            {"id": 3, "type": "comment", "by": "c", "parent": 1, "time": 1700000200, "text": "Antwort"},
        ],
    ],
)
def test_a_list_of_several_stories_is_a_thread_per_story(items: list[dict[str, object]]) -> None:
    reading = parse_threads(json.dumps(items))
    assert [(t.title, t.posts[0].author) for t in reading.threads] == [("Eins", "a"), ("Zwei", "b")]
    comments = [[p.author for p in t.posts[1:]] for t in reading.threads]
    assert comments in ([[], []], [["c"], []])
    missing = 3 - sum(map(len, comments))  # the stories count 3 comments in all
    assert reading.warnings == (
        f"{missing} further comments are not in this file: only the comments in the file are read",
    )


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        # An old item's typed paragraphs: a blank line ends one; a lone line break is a space, as HN showed it.
        (
            "First &amp; foremost.\n\nSecond one,\nstill <i>second</i>.",
            [("paragraph", "First & foremost."), ("paragraph", "Second one, still second.")],
        ),
        # A line typed as a quote is its own paragraph, escaped or not.
        (
            "I disagree.\n&gt; you said this\nBut why?",
            [("paragraph", "I disagree."), ("quote", "you said this But why?")],
        ),
        # Tagged text is read as tagged: its line breaks are no paragraphs.
        ("<p>One\n\ntwo</p><p>Three", [("paragraph", "One two"), ("paragraph", "Three")]),
    ],
)
def test_old_items_with_typed_paragraphs_are_split(text: str, blocks: list[tuple[str, str]]) -> None:
    story = {"id": 1, "type": "story", "author": "pg", "title": "T", "created_at_i": 1172000000, "children": []}
    comment = {"id": 2, "type": "comment", "author": "sama", "text": text, "children": [], "parent_id": 1}
    [thread] = parse_threads(json.dumps({**story, "children": [comment]})).threads
    assert [(b.kind, b.text) for b in thread.posts[1].blocks] == blocks


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        # Line breaks and a tab written as escapes (Algolia keeps some old items so): whitespace, as HN showed them.
        (
            r"\tWe tried it.\nIt works.<p>Next point,\nsame paragraph.",
            [("paragraph", "We tried it. It works."), ("paragraph", "Next point, same paragraph.")],
        ),
        # In an old item of typed paragraphs, an escaped blank line ends a paragraph as a real one does.
        (r"One thing.\n\nAnother thing.", [("paragraph", "One thing."), ("paragraph", "Another thing.")]),
        # A programmer's escape stays: beside a quotation mark (bare or an entity), or in code.
        (
            r"End lines with &quot;\n&quot; or '\r'.<p><code>split(x\ny)</code>",
            [("paragraph", "End lines with \"\\n\" or '\\r'."), ("paragraph", "split(x\\ny)")],
        ),
        # Text with other backslashes holds no escapes: a Windows path.
        (r"Saved in C:\Users\nina\tools.", [("paragraph", "Saved in C:\\Users\\nina\\tools.")]),
    ],
)
def test_escaped_line_breaks_in_an_items_text_are_whitespace(text: str, blocks: list[tuple[str, str]]) -> None:
    story = {"id": 1, "type": "story", "author": "pg", "title": "T", "created_at_i": 1172000000, "children": []}
    comment = {"id": 2, "type": "comment", "author": "sama", "text": text, "children": [], "parent_id": 1}
    [thread] = parse_threads(json.dumps({**story, "children": [comment]})).threads
    assert [(b.kind, b.text) for b in thread.posts[1].blocks] == blocks


@pytest.mark.parametrize(
    ("profile", "said"),
    [
        # The official API's /v0/user/NAME.json: its submissions as ids.
        (
            {"id": "ada", "created": 1173923446, "karma": 2937, "about": "Ich schreibe.", "submitted": [3, 2, 1]},
            "(ada: karma 2,937, 3 submissions listed by id)",
        ),
        # Algolia's /api/v1/users/NAME.
        (
            {"username": "ada", "karma": 12000, "about": "", "submission_count": 40, "created_at_i": 1173923446},
            "(ada: karma 12,000)",
        ),
        # HNPWA's user.
        ({"id": "ada", "created_time": 1173923446, "karma": 5, "avg": None}, "(ada: karma 5)"),
    ],
)
def test_a_user_profile_is_refused_saying_what_it_is(profile: dict[str, object], said: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_threads(json.dumps(profile))
    assert caught.value.message == f"this is a Hacker News user's profile {said}, not a thread"
    assert caught.value.hint is not None and "save an item instead" in caught.value.hint


def test_official_items_saved_with_their_nulls_are_read() -> None:
    # A script saving item/ID.json for each id of `kids` gets `null` for an item the API no longer gives:
    # the list was refused whole; now the null is a missing comment.
    story = {"by": "ann", "descendants": 2, "id": 1, "kids": [2, 3], "score": 5, "time": 1700000000,
             "title": "Story", "type": "story", "url": "https://news.example/a"}  # fmt: skip
    reply = {"by": "bob", "id": 2, "parent": 1, "text": "Hello", "time": 1700000100, "type": "comment"}
    reading = parse_threads(json.dumps([story, reply, None]))
    assert [(p.id, p.author) for p in reading.threads[0].posts] == [("article", "ann"), ("c1", "bob")]
    assert reading.warnings == ("1 further comment is not in this file: only the comments in the file are read",)


def test_comments_whose_text_says_they_are_gone_are_deleted() -> None:
    # Algolia's children keep a deleted comment as nulls; copies of HN pages (and HNPWA) keep the
    # "[flagged]", "[dead]" or "[deleted]" printed in its place: no words, kept only where answered.
    def child(number: int, author: str | None, text: str | None, *children: object) -> dict[str, object]:
        return {"id": number, "created_at_i": 1700000000 + number, "author": author, "text": text,
                "parent_id": 1, "story_id": 1, "type": "comment", "children": list(children)}  # fmt: skip

    story = {"id": 1, "created_at_i": 1700000000, "author": "ann", "title": "Story", "text": None,
             "type": "story", "children": [
                 None,  # an item Algolia no longer has: a missing comment
                 child(2, None, None, child(3, "cid", "<p>Reply")),
                 child(4, "dan", "[flagged]", child(5, "eve", "Answer")),
                 child(6, "fay", "<p>[dead]</p>"),
                 child(7, "gus", "[deleted]")]}  # fmt: skip
    reading = parse_threads(json.dumps(story))
    assert [(p.id, p.author, p.parent, p.deleted, [b.text for b in p.blocks]) for p in reading.threads[0].posts] == [
        ("article", "ann", None, False, ["Story"]),
        ("c1", None, None, True, []),
        ("c2", "cid", "c1", False, ["Reply"]),
        ("c3", "dan", None, True, []),
        ("c4", "eve", "c3", False, ["Answer"]),
    ]
    assert reading.warnings == (
        "1 further comment is not in this file: only the comments in the file are read",
        "2 deleted or removed comments without replies were left out",
    )
