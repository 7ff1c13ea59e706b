"""The Bluesky reader: getPostThread (and its V2), getPosts and feeds of the AT Protocol's app.bsky API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.errors import InputError
from translator.models import Thread
from translator.readers import parse_threads, read_threads, sniff_format
from translator.readers.bluesky import _linked_text, read_bluesky

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"
ROOT_DID = "did:plc:lokalzeitungbskysocialx"


def _did(name: str) -> str:
    return f"did:plc:{(name * 24)[:24]}"


def _uri(name: str, rkey: str) -> str:
    return (
        f"at://{ROOT_DID if name == 'lokalzeitung.bsky.social' else _did(name.split('.')[0])}/app.bsky.feed.post/{rkey}"
    )


ROOT_URI = _uri("lokalzeitung.bsky.social", "3kaaaaaaaaa2a")


def _view(handle: str, rkey: str, text: str, minute: int, parent: str | None = None, **extra: Any) -> dict[str, Any]:
    """A post view as the API gives one (`app.bsky.feed.defs#postView`), the fields a thread needs and some others."""
    uri = _uri(handle, rkey)
    record: dict[str, Any] = {
        "$type": "app.bsky.feed.post",
        "createdAt": f"2024-05-06T10:{minute:02d}:00.000Z",
        "langs": ["de"],
        "text": text,
    }
    if parent is not None:
        record["reply"] = {
            "parent": {"cid": "bafyreiparent", "uri": parent},
            "root": {"cid": "bafyreiroot", "uri": ROOT_URI},
        }
    view: dict[str, Any] = {
        "uri": uri,
        "cid": f"bafyrei{rkey}",
        "author": {"did": uri.split("/")[2], "handle": handle, "displayName": handle.split(".")[0].title()},
        "record": record,
        "replyCount": 0,
        "repostCount": 0,
        "likeCount": minute,
        "quoteCount": 0,
        "indexedAt": f"2024-05-06T10:{minute:02d}:01.000Z",
        "labels": [],
    }
    view.update(extra)
    return view


def _tv(view: dict[str, Any], replies: list[Any] | None = None, parent: Any = None) -> dict[str, Any]:
    item: dict[str, Any] = {"$type": "app.bsky.feed.defs#threadViewPost", "post": view}
    if parent is not None:
        item["parent"] = parent
    if replies is not None:
        item["replies"] = replies
    return item


ROOT = _view("lokalzeitung.bsky.social", "3kaaaaaaaaa2a", "Die Brücke wird gebaut.", 0, replyCount=1)
MIDDLE = _view("tom.bsky.social", "3kbbbbbbbbb2b", "Wann denn?", 5, ROOT_URI, replyCount=2)
FOCUS = _view("anna.bsky.social", "3kccccccccc2c", "Im Sommer.", 9, MIDDLE["uri"], replyCount=1)
UNDER = _view("lokalzeitung.bsky.social", "3kddddddddd2d", "Genau.", 12, FOCUS["uri"])


def _shape(thread: Thread) -> list[tuple[str, str | None, str | None, list[str]]]:
    return [(post.id, post.author, post.parent, [block.text for block in post.blocks]) for post in thread.posts]


def test_a_saved_thread_reads_its_root_as_the_article_and_its_replies_in_time_order() -> None:
    text = (DATA / "bluesky-thread.json").read_text(encoding="utf-8")
    assert sniff_format(text) == "bluesky"
    reading = parse_threads(text)
    [thread] = reading.threads
    root = "https://bsky.app/profile/lokalzeitung.bsky.social/post/3kt4p2ycrqs2a"
    assert (thread.title, thread.url, thread.site, thread.source_format) == ("", root, "bsky.app", "bluesky")
    link = "https://zeitung.example/2024/05/bruecke-saale-baubeginn"
    assert _shape(thread) == [
        (
            "article",
            "lokalzeitung.bsky.social",  # the handle, not the display name
            None,
            [
                "Die Stadt baut eine neue Brücke über die Saale. Baubeginn ist im Herbst.",  # a line, a block
                f"Mehr: {link}",  # the shortened link the text shows, given in full by its facet
                "Neue Saalebrücke: Baubeginn im Herbst",  # the link card's title and description
                "Nach Jahren der Planung beginnt im Herbst der Bau. Die Kosten liegen bei 48 Millionen Euro.",
                link,  # the card's address
            ],
        ),
        # In time order, whatever order the API ranked them in.
        (
            "c1",
            "anna.example.org",
            None,
            ["Endlich!", "Die alte ist seit Jahren marode.", "Die alte Brücke im Morgennebel"],
        ),
        ("c2", "tom-h.bsky.social", None, ["@lokalzeitung.bsky.social Wann soll sie fertig sein?"]),
        ("c3", "lokalzeitung.bsky.social", "c2", ["Laut Stadt im Sommer 2026."]),
        # A handle that no longer resolves: the DID names the writer.
        (
            "c4",
            "did:plc:ghostwriterghostwritergh",
            None,
            ["Genau das habe ich befürchtet.", "Brücken werden immer teurer als geplant."],
        ),
    ]
    article, photo, _, answer, quoting = thread.posts
    assert [block.kind for block in article.blocks] == ["paragraph"] * 4 + ["source"]
    assert article.votes is not None and (article.votes.up, article.votes.down) == (42, 0)  # likes
    assert (article.url, str(article.date)) == (root, "2024-05-06 07:30:00")
    assert photo.url == "https://bsky.app/profile/anna.example.org/post/3kt4p4lfjwo2d"
    assert (answer.role, photo.role) == ("OP", None)  # the root's writer answering
    assert (quoting.blocks[1].kind, quoting.blocks[1].quoted_author) == ("quote", "mia.bsky.social")
    assert quoting.url == "https://bsky.app/profile/did:plc:ghostwriterghostwritergh/post/3kt4pbwnw5s2e"
    assert reading.warnings == (
        "3 further comments are not in this file (Bluesky's counts of replies say so: getPostThread gives 6 levels "
        "of replies unless asked for more with depth, and a thread saved from a reply lacks its other branches): "
        "only the comments in the file are read",
        "1 deleted post and 1 post of a blocked account without replies were left out",
    )


def test_a_thread_saved_from_a_reply_still_opens_with_its_first_post() -> None:
    data = {"thread": _tv(FOCUS, [_tv(UNDER, [])], parent=_tv(MIDDLE, parent=_tv(ROOT)))}
    reading = read_bluesky(data)
    [thread] = reading.threads
    assert _shape(thread) == [
        ("article", "lokalzeitung.bsky.social", None, ["Die Brücke wird gebaut."]),
        ("c1", "tom.bsky.social", None, ["Wann denn?"]),
        ("c2", "anna.bsky.social", "c1", ["Im Sommer."]),
        ("c3", "lokalzeitung.bsky.social", "c2", ["Genau."]),
    ]
    focus = "https://bsky.app/profile/anna.bsky.social/post/3kccccccccc2c"
    assert reading.warnings == (
        f"this Bluesky thread was saved from a reply ({focus}), not from its first post: the first post is the "
        "article, the replies leading down to that reply are comments, and of the thread's other replies only that "
        "reply's own are in this file",
        # Tom's post counts 2 replies, one is here (the chain): 1 missing.
        "1 further comment is not in this file (Bluesky's counts of replies say so: getPostThread gives 6 levels of "
        "replies unless asked for more with depth, and a thread saved from a reply lacks its other branches): only "
        "the comments in the file are read",
    )


def test_a_thread_whose_first_post_is_not_shown_has_an_empty_article_at_its_address() -> None:
    # parentHeight stopped short of the root: the topmost parent answers a post not in the file.
    cut = read_bluesky({"thread": _tv(FOCUS, [], parent=_tv(MIDDLE))})
    article = cut.threads[0].posts[0]
    assert (article.blocks, article.deleted) == ((), False)
    assert cut.threads[0].url == "https://bsky.app/profile/did:plc:lokalzeitungbskysocialx/post/3kaaaaaaaaa2a"
    assert [(post.author, post.parent) for post in cut.threads[0].posts[1:]] == [
        ("tom.bsky.social", None),
        ("anna.bsky.social", "c1"),
    ]
    assert "the thread's first post is not in this file (getPostThread's parentHeight stopped short" in cut.warnings[0]
    # The root deleted: an empty, deleted article.
    gone = {"$type": "app.bsky.feed.defs#notFoundPost", "uri": ROOT_URI, "notFound": True}
    deleted = read_bluesky({"thread": _tv(MIDDLE, [], parent=gone)})
    assert deleted.threads[0].posts[0].deleted and not deleted.threads[0].posts[0].blocks
    assert deleted.warnings[0] == "the thread's first post was deleted: the article is empty"
    blocked = {"$type": "app.bsky.feed.defs#blockedPost", "uri": ROOT_URI, "blocked": True, "author": {"did": ROOT_DID}}
    [warning, *_] = read_bluesky({"thread": _tv(MIDDLE, [], parent=blocked)}).warnings
    assert warning == (
        "the thread's first post is by an account blocked by, or blocking, whoever saved the thread: "
        "the article is empty"
    )


def test_a_deleted_reply_with_replies_stays_empty_in_its_place() -> None:
    gone = {"$type": "app.bsky.feed.defs#notFoundPost", "uri": MIDDLE["uri"], "notFound": True}
    # A deleted post in the middle of the chain: kept, empty, so that the tree stays whole.
    gone_item = {**gone, "replies": []}
    reading = read_bluesky({"thread": _tv(FOCUS, [], parent={**gone_item, "parent": _tv(ROOT)})})
    posts = reading.threads[0].posts
    assert [(post.id, post.parent, post.deleted, post.blocks) for post in posts[1:]] == [
        ("c1", None, True, ()),
        ("c2", "c1", False, posts[2].blocks),
    ]
    assert posts[2].author == "anna.bsky.social"


def test_getpostthread_v2_reads_a_flat_list_by_depth() -> None:
    def item(view: dict[str, Any], depth: int, kind: str = "threadItemPost") -> dict[str, Any]:
        value: dict[str, Any] = {"$type": f"app.bsky.unspecced.defs#{kind}"}
        if kind == "threadItemPost":
            value.update(post=view, moreParents=False, moreReplies=0, opThread=False, hiddenByThreadgate=False)
        return {"uri": view["uri"], "depth": depth, "value": value}

    other = _view("mia.bsky.social", "3keeeeeeeee2e", "Und die Kosten?", 7, MIDDLE["uri"])
    hidden = _view("max.bsky.social", "3kfffffffff2f", "", 8, MIDDLE["uri"])
    data = {
        "thread": [
            item(ROOT, -1),
            item(MIDDLE, 0),  # the anchor
            item(FOCUS, 1),
            item(UNDER, 2),
            item(other, 1),
            item(hidden, 1, "threadItemNoUnauthenticated"),
        ],
        "hasOtherReplies": True,
    }
    text = json.dumps(data)
    assert sniff_format(text) == "bluesky"
    reading = parse_threads(text)
    assert _shape(reading.threads[0]) == [
        ("article", "lokalzeitung.bsky.social", None, ["Die Brücke wird gebaut."]),
        ("c1", "tom.bsky.social", None, ["Wann denn?"]),
        ("c2", "mia.bsky.social", "c1", ["Und die Kosten?"]),  # 10:07, before Anna's of 10:09
        ("c3", "anna.bsky.social", "c1", ["Im Sommer."]),
        ("c4", "lokalzeitung.bsky.social", "c3", ["Genau."]),
    ]
    assert reading.warnings == (
        "Bluesky says this thread has other replies (hidden by its writer, or by accounts the viewer muted): they "
        "are not in this file (app.bsky.unspecced.getPostThreadOtherV2 gives them)",
        "this Bluesky thread was saved from a reply (https://bsky.app/profile/tom.bsky.social/post/3kbbbbbbbbb2b), "
        "not from its first post: the first post is the article, the replies leading down to that reply are "
        "comments, and of the thread's other replies only that reply's own are in this file",
        "1 post shown only to logged-in readers without replies was left out",
    )


def test_getposts_of_one_thread_is_read_and_of_several_is_refused() -> None:
    reading = read_bluesky({"posts": [UNDER, FOCUS, ROOT, MIDDLE]})
    assert [post.author for post in reading.threads[0].posts] == [
        "lokalzeitung.bsky.social",
        "tom.bsky.social",
        "anna.bsky.social",
        "lokalzeitung.bsky.social",
    ]
    assert [post.parent for post in reading.threads[0].posts] == [None, None, "c1", "c2"]
    elsewhere = _view("ida.bsky.social", "3kggggggggg2g", "Anderes Thema.", 3)
    with pytest.raises(InputError, match=r"a Bluesky list of posts \(getPosts, searchPosts\) of 5 posts of 2 threads"):
        read_bluesky({"posts": [ROOT, MIDDLE, FOCUS, UNDER, elsewhere]})


def test_a_feed_is_read_when_of_one_thread_and_refused_otherwise() -> None:
    # An author's feed of their replies, each with the posts above it (`reply.root`, `reply.parent`).
    feed = {"feed": [{"post": FOCUS, "reply": {"root": ROOT, "parent": MIDDLE}}], "cursor": "2024-05-06T10:09:00Z"}
    text = json.dumps(feed)
    assert sniff_format(text) == "bluesky"
    assert [post.author for post in parse_threads(text).threads[0].posts] == [
        "lokalzeitung.bsky.social",
        "tom.bsky.social",
        "anna.bsky.social",
    ]
    timeline = {"feed": [{"post": ROOT}, {"post": _view("ida.bsky.social", "3kggggggggg2g", "Anderes.", 3)}]}
    with pytest.raises(InputError) as refused:
        parse_threads(json.dumps(timeline))
    assert refused.value.message == (
        "this is a Bluesky feed (getAuthorFeed, getTimeline...) of 2 posts of 2 threads, not one thread"
    )
    assert refused.value.hint is not None and "getPostThread" in refused.value.hint


LINK = "https://zeitung.example/2024/05/bruecke-saale-baubeginn"


def _facet(start: Any, end: Any, uri: str = LINK) -> dict[str, Any]:
    return {
        "$type": "app.bsky.richtext.facet",
        "index": {"byteStart": start, "byteEnd": end},
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": uri}],
    }


@pytest.mark.parametrize(
    ("text", "facets", "expected"),
    [
        # The app's shortened form (host, path cut, `...`): the full address in its place.
        ("Mehr: zeitung.example/2024/05/brue...", [_facet(6, 37)], f"Mehr: {LINK}"),
        # Characters of several bytes before the link: facets count UTF-8 bytes, not characters.
        ("Brücke 🌉 zeitung.example/2024/05/brue...", [_facet(13, 44)], f"Brücke 🌉 {LINK}"),
        # The address without its scheme only.
        ("siehe zeitung.example/a", [_facet(6, 23, "https://zeitung.example/a")], "siehe https://zeitung.example/a"),
        # Words that link somewhere stay words (the address is not shown, so not kept in the text).
        ("Lest den Artikel hier", [_facet(17, 21)], "Lest den Artikel hier"),
        # Out of range, inside a character (the `ü` is two bytes), reversed, not numbers: nothing changes.
        ("Mehr: zeitung.example/2024", [_facet(6, 400)], "Mehr: zeitung.example/2024"),
        ("Brücke zeitung.example/2024", [_facet(3, 27)], "Brücke zeitung.example/2024"),
        ("Mehr: zeitung.example/2024", [_facet(26, 6)], "Mehr: zeitung.example/2024"),
        ("Mehr: zeitung.example/2024", [_facet("6", None)], "Mehr: zeitung.example/2024"),
        # Overlapping facets: the first is applied, the other left.
        ("Mehr: zeitung.example/2024/05/brue...", [_facet(6, 37), _facet(10, 30)], f"Mehr: {LINK}"),
        # A link to another address than the one shown changes nothing.
        ("Mehr: andere.example/x", [_facet(6, 22)], "Mehr: andere.example/x"),
        # Facets of the wrong type.
        ("Mehr", "facets", "Mehr"),
        ("Mehr", [None, 3, {"index": []}], "Mehr"),
    ],
)
def test_shortened_links_are_given_in_full(text: str, facets: Any, expected: str) -> None:
    assert _linked_text(text, facets) == expected


@given(
    st.text(max_size=40),
    st.lists(st.tuples(st.integers(-3, 60), st.integers(-3, 60), st.sampled_from([LINK, "x", ""])), max_size=4),
)
def test_any_facets_on_any_text_give_text(text: str, spans: list[tuple[int, int, str]]) -> None:
    linked = _linked_text(text, [_facet(start, end, uri) for start, end, uri in spans])
    assert isinstance(linked, str)
    assert linked == text or LINK in linked


def test_media_and_quotes_beside_media_are_read() -> None:
    quoted = {
        "$type": "app.bsky.embed.record#viewRecord",
        "uri": "at://did:plc:miamiamiamiamiamiamiamiam/app.bsky.feed.post/3kq",
        "cid": "bafyreiq",
        "author": {"did": "did:plc:miamiamiamiamiamiamiamiam", "handle": "mia.bsky.social"},
        "value": {"$type": "app.bsky.feed.post", "text": "Zu teuer.", "createdAt": "2024-05-05T10:00:00Z"},
        "embeds": [
            {"$type": "app.bsky.embed.images#view", "images": [{"alt": "Ein Kostenplan", "thumb": "", "fullsize": ""}]}
        ],
        "indexedAt": "2024-05-05T10:00:01Z",
    }
    embed = {
        "$type": "app.bsky.embed.recordWithMedia#view",
        "record": {"$type": "app.bsky.embed.record#view", "record": quoted},
        "media": {
            "$type": "app.bsky.embed.video#view",
            "cid": "bafyreiv",
            "playlist": "https://video.example/p.m3u8",
            "alt": "Die Baustelle  im Zeitraffer",
        },
    }
    view = _view("lokalzeitung.bsky.social", "3kaaaaaaaaa2a", "Seht selbst:", 0, embed=embed)
    [thread] = read_bluesky({"thread": _tv(view, [])}).threads
    assert [(block.kind, block.text, block.quoted_author) for block in thread.posts[0].blocks] == [
        ("paragraph", "Seht selbst:", None),
        ("paragraph", "Die Baustelle im Zeitraffer", None),  # the video's alt text
        ("quote", "Zu teuer.", "mia.bsky.social"),
        ("quote", "Ein Kostenplan", "mia.bsky.social"),  # the quoted post's picture's alt text
    ]
    # A post quoting a post Bluesky does not show: no quote, one warning.
    detached = {
        "$type": "app.bsky.embed.record#view",
        "record": {"$type": "app.bsky.embed.record#viewDetached", "uri": quoted["uri"], "detached": True},
    }
    reading = read_bluesky({"thread": _tv({**view, "embed": detached}, [])})
    assert [block.text for block in reading.threads[0].posts[0].blocks] == ["Seht selbst:"]
    assert reading.warnings == (
        "1 post quotes a post Bluesky does not show (deleted, blocked, or detached by its writer): no quote is read",
    )
    # The record's own embed serves when the view has none (its images' alt text; a quote there is only a reference).
    bare = _view("lokalzeitung.bsky.social", "3kaaaaaaaaa2a", "Foto:", 0)
    bare["record"]["embed"] = {"$type": "app.bsky.embed.images", "images": [{"alt": "Der Fluss", "image": {}}]}
    [thread] = read_bluesky({"thread": _tv(bare, [])}).threads
    assert [block.text for block in thread.posts[0].blocks] == ["Foto:", "Der Fluss"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # The post asked for was deleted, or is by a blocked account: nothing to read.
        (
            {"thread": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": ROOT_URI, "notFound": True}},
            "the post this Bluesky thread was asked for is not in it (deleted)",
        ),
        (
            {"thread": {"$type": "app.bsky.feed.defs#blockedPost", "uri": ROOT_URI, "blocked": True, "author": {}}},
            "the post this Bluesky thread was asked for is not in it (by a blocked account)",
        ),
        # A V2 answer with no item.
        ({"thread": [], "hasOtherReplies": False}, "this Bluesky thread holds no post"),
        # Something else, read as Bluesky because --input-format said so.
        ({"kind": "youtube#commentThreadListResponse"}, "this JSON is not a Bluesky thread"),
        ([1, 2], "this JSON is not a Bluesky thread"),
    ],
)
def test_what_cannot_be_read_is_one_line(data: Any, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_threads(json.dumps(data), "bluesky")
    assert refused.value.message.startswith(message) and "\n" not in refused.value.message


@pytest.mark.parametrize(
    "damage",
    [
        # Each a field of the wrong type: read without it, never a traceback.
        {"replies": "none"},
        {"replies": [None, 3, {"post": "x"}]},
        {"post": {**ROOT, "record": {"text": 7, "createdAt": 1, "facets": {}}}},
        {"post": {**ROOT, "likeCount": "12", "replyCount": -4, "author": {"handle": None}}},
        {"post": {**ROOT, "embed": {"images": "x", "external": [], "record": 3, "media": None}}},
        {"parent": [ROOT], "threadContext": 3},
    ],
)
def test_wrong_types_are_read_around(damage: dict[str, Any]) -> None:
    thread = {**_tv(ROOT, [_tv(MIDDLE, [])]), **damage}
    reading = read_bluesky({"thread": thread})
    assert reading.threads[0].posts[0].kind == "article"


@pytest.mark.parametrize(
    "name",
    [
        "mastodon-statuses.json",
        "lemmy-post-comments.json",
        "mbin-entry-comments.json",
        "reddit-thread.json",
        "discourse-topic.json",
        "hn-algolia.json",
        "feed.json",
    ],
)
def test_other_json_is_not_taken_for_bluesky(name: str) -> None:
    assert sniff_format((DATA / name).read_text(encoding="utf-8")) != "bluesky"


def test_disqus_thread_data_is_not_taken_for_bluesky() -> None:
    # Disqus's frame holds `{"thread", "posts"}` too: not Bluesky's.
    frame = {"thread": {"id": "1", "title": "Brücke", "link": "https://zeitung.example/x"}, "posts": [{"id": "2"}]}
    assert sniff_format(json.dumps(frame)) != "bluesky"


def test_the_file_reads_from_disk_with_the_format_forced(tmp_path: Path) -> None:
    path = tmp_path / "thread.json"
    path.write_text(json.dumps({"thread": _tv(ROOT, [])}), encoding="utf-8")
    assert read_threads(path, "bluesky").thread.source_format == "bluesky"


def test_a_quote_in_a_quote_is_read_as_its_writers_quote() -> None:
    def record_view(handle: str, rkey: str, text: str, embeds: list[Any]) -> dict[str, Any]:
        return {
            "$type": "app.bsky.embed.record#viewRecord",
            "uri": _uri(handle, rkey),
            "cid": f"bafy{rkey}",
            "author": {"did": _did(handle), "handle": handle},
            "value": {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2024-05-05T10:00:00Z"},
            "embeds": embeds,
            "indexedAt": "2024-05-05T10:00:01Z",
        }

    first = record_view("ole.bsky.social", "3kq1", "Die Brücke kommt 2026.", [])
    second = record_view("mia.bsky.social", "3kq2", "Das glaube ich erst, wenn ich sie sehe.", [
        {"$type": "app.bsky.embed.record#view", "record": first}])  # fmt: skip
    embed = {"$type": "app.bsky.embed.record#view", "record": second}
    view = _view("lokalzeitung.bsky.social", "3kaaaaaaaaa2a", "Die Stimmung in der Stadt:", 0, embed=embed)
    [thread] = read_bluesky({"thread": _tv(view, [])}).threads
    assert [(block.kind, block.text, block.quoted_author) for block in thread.posts[0].blocks] == [
        ("paragraph", "Die Stimmung in der Stadt:", None),
        ("quote", "Das glaube ich erst, wenn ich sie sehe.", "mia.bsky.social"),
        ("quote", "Die Brücke kommt 2026.", "ole.bsky.social"),  # the post Mia quotes, credited to its writer
    ]
