"""The fediverse reader: Mastodon statuses and contexts, Lemmy posts and comment lists (API JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, read_threads, sniff_format
from translator.readers.fediverse import read_fediverse

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"


def _status(number: int, acct: str, content: str, reply: int | None = None, spoiler: str = "") -> dict[str, Any]:
    """A status as Mastodon's API gives it (`/api/v1/statuses/ID`), the fields a thread needs and some others."""
    user, _, host = acct.partition("@")
    host = host or "sozial.example"
    status_id = f"1110000000000000{number:02d}"
    return {
        "id": status_id,
        "created_at": f"2024-01-02T10:{number:02d}:00.000Z",
        "in_reply_to_id": f"1110000000000000{reply:02d}" if reply else None,
        "in_reply_to_account_id": "42" if reply else None,
        "sensitive": bool(spoiler),
        "spoiler_text": spoiler,
        "visibility": "public",
        "language": "de",
        "uri": f"https://{host}/users/{user}/statuses/{status_id}",
        "url": f"https://{host}/@{user}/{status_id}",
        "replies_count": 1,
        "reblogs_count": 0,
        "favourites_count": number,
        "content": content,
        "reblog": None,
        "account": {"id": str(number), "username": user, "acct": acct, "display_name": user.title()},
        "media_attachments": [],
        "mentions": [],
        "tags": [],
        "emojis": [],
        "card": None,
        "poll": None,
    }


ROOT = _status(1, "lena", "<p>Die Stadt baut eine neue Brücke.</p>")
FOCUS = _status(
    2,
    "tom@andere.example",
    '<p><span class="h-card"><a href="https://sozial.example/@lena" class="u-url mention">@<span>lena</span></a>'
    "</span> Wann ist sie fertig?</p>",
    reply=1,
)
ANSWER = _status(3, "lena", "<p>Im Sommer, sagen sie.</p>", reply=2, spoiler="Baustelle")
DOUBT = _status(4, "mia", "<p>Das glaube ich nicht.</p><p>Nie.</p>", reply=3)


def _shape(thread: Any) -> list[tuple[str, str | None, str | None, list[str]]]:
    return [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in thread.posts]


def test_a_list_of_mastodon_statuses_is_a_thread_nested_by_what_they_answer() -> None:
    text = json.dumps([DOUBT, ROOT, ANSWER, FOCUS])  # any order: the first status is the one answering none
    assert sniff_format(text) == "fediverse"
    reading = parse_threads(text)
    [thread] = reading.threads
    assert (thread.url, thread.site, thread.source_format) == (
        "https://sozial.example/@lena/111000000000000001",
        "sozial.example",
        "fediverse",
    )
    assert _shape(thread) == [
        ("article", "lena", None, ["Die Stadt baut eine neue Brücke."]),
        ("c1", "tom@andere.example", None, ["@lena Wann ist sie fertig?"]),  # in time order
        ("c2", "lena", "c1", ["Baustelle", "Im Sommer, sagen sie."]),  # the content warning, then the text
        ("c3", "mia", "c2", ["Das glaube ich nicht.", "Nie."]),
    ]
    assert thread.posts[0].votes is not None and thread.posts[0].votes.up == 1  # favourites
    assert reading.warnings == ()


def test_a_mastodon_context_lacks_its_own_status_and_says_so() -> None:
    # /api/v1/statuses/ID/context of status 2: the post before it and those after, not status 2 itself.
    reading = parse_threads(json.dumps({"ancestors": [ROOT], "descendants": [ANSWER, DOUBT]}))
    [thread] = reading.threads
    assert _shape(thread) == [
        ("article", "lena", None, ["Die Stadt baut eine neue Brücke."]),
        ("c1", "lena", None, ["Baustelle", "Im Sommer, sagen sie."]),  # answers status 2: not here, top-level
        ("c2", "mia", "c1", ["Das glaube ich nicht.", "Nie."]),
    ]
    assert reading.warnings == (
        "a Mastodon context holds the posts before and after a post, not the post itself (111000000000000002): "
        "its replies are top-level; save /api/v1/statuses/ID too and give both in one JSON array: [status, context]",
    )
    # Given so, with the status: the whole thread, nothing missing.
    whole = parse_threads(json.dumps([FOCUS, {"ancestors": [ROOT], "descendants": [ANSWER, DOUBT]}]))
    assert [(p.author, p.parent) for p in whole.threads[0].posts] == [
        ("lena", None),
        ("tom@andere.example", None),
        ("lena", "c1"),
        ("mia", "c2"),
    ]
    assert whole.warnings == ()
    # The context of a thread's first post: no ancestors, so no article at all.
    [warning] = parse_threads(json.dumps({"ancestors": [], "descendants": [ANSWER]})).warnings
    assert "(111000000000000002): the article is empty and its replies are top-level" in warning


def _lemmy_post() -> dict[str, Any]:
    return {
        "id": 501,
        "name": "Neue Radwege in Leipzig",
        "url": "https://zeitung.example/radwege",
        "body": "Was haltet ihr davon?\n\n> Die Stadt plant **20 km**.",
        "creator_id": 7,
        "community_id": 3,
        "removed": False,
        "published": "2024-01-02T10:00:00.123456Z",
        "deleted": False,
        "ap_id": "https://lemmy.example/post/501",
        "local": True,
        "language_id": 39,
    }


def _comment_view(
    number: int, path: str, name: str, content: str, minute: int, deleted: bool = False
) -> dict[str, Any]:
    """One of Lemmy's comment views (`/api/v3/comment/list`): the comment, its writer, its post, its counts."""
    return {
        "comment": {
            "id": number,
            "creator_id": number,
            "post_id": 501,
            "content": content,
            "removed": False,
            "published": f"2024-01-02T10:{minute:02d}:00.5",  # before 0.19: no zone, UTC
            "deleted": deleted,
            "ap_id": f"https://lemmy.example/comment/{number}",
            "local": True,
            "path": path,
            "distinguished": False,
        },
        "creator": {"id": number, "name": name, "actor_id": f"https://lemmy.example/u/{name}"},
        "post": _lemmy_post(),
        "community": {"id": 3, "name": "leipzig", "title": "Leipzig"},
        "counts": {"comment_id": number, "score": 3, "upvotes": 3, "downvotes": 0, "child_count": 0},
        "my_vote": None,
    }


# Sorted "hot", as the API sends them: a reply may come before what it answers.
COMMENTS = [
    _comment_view(904, "0.904", "eva", "Zu wenig.", 11),
    _comment_view(903, "0.901.902.903", "jan", "Ja, *wirklich*.", 9),
    _comment_view(901, "0.901", "ute", "Endlich!", 5),
    _comment_view(902, "0.901.902", "max", "", 7, deleted=True),  # deleted, answered: kept empty
    _comment_view(905, "0.905", "kai", "", 12, deleted=True),  # deleted, unanswered: left out
]
POST_VIEW = {
    "post": _lemmy_post(),
    "creator": {"id": 7, "name": "lena"},
    "community": {"id": 3, "name": "leipzig"},
    "counts": {"post_id": 501, "comments": 3, "score": 17},  # Lemmy counts neither deleted nor removed comments
}


def test_a_lemmy_post_with_its_comments_is_a_thread_nested_by_path() -> None:
    reading = parse_threads(json.dumps({"post_view": POST_VIEW, "comments": COMMENTS}))
    [thread] = reading.threads
    assert (thread.title, thread.url, thread.site) == (
        "Neue Radwege in Leipzig",
        "https://lemmy.example/post/501",
        "lemmy.example",
    )
    assert _shape(thread) == [
        (
            "article",
            "lena",
            None,
            [
                "Neue Radwege in Leipzig",
                "Was haltet ihr davon?",
                "Die Stadt plant 20 km.",
                "https://zeitung.example/radwege",
            ],
        ),
        ("c1", "ute", None, ["Endlich!"]),
        ("c2", "max", "c1", []),  # deleted, kept (empty) for its reply
        ("c3", "jan", "c2", ["Ja, wirklich."]),
        ("c4", "eva", None, ["Zu wenig."]),
    ]
    assert [p.date.minute for p in thread.posts[1:] if p.date] == [5, 7, 9, 11]  # Lemmy's dates are UTC, zone or not
    assert reading.warnings == ("1 deleted or removed comment without replies was left out",)


def test_a_lemmy_post_alone_and_comments_alone_say_what_they_lack() -> None:
    post = parse_threads(json.dumps({"post_view": POST_VIEW, "moderators": [], "cross_posts": []}))
    assert [len(t.posts) for t in post.threads] == [1]
    assert post.warnings == (
        "this Lemmy post holds none of its 3 comments: save /api/v3/comment/list?post_id=ID too, and give both "
        'in one object ({"post_view": ..., "comments": [...]})',
    )
    comments = parse_threads(json.dumps({"comments": COMMENTS}))
    [thread] = comments.threads
    assert thread.title == "Neue Radwege in Leipzig" and thread.posts[0].author is None
    assert comments.warnings == (
        "1 deleted or removed comment without replies was left out",
        "these Lemmy comments name their post but not its writer (the post's own answer has it)",
    )


@pytest.mark.parametrize(
    "data",
    [
        {"ancestors": [], "descendants": []},  # a post nobody answered, that answers none
        {"comments": [{"comment": {"id": 1}}]},  # not a comment view
    ],
)
def test_fediverse_shapes_without_a_thread_are_refused_in_one_line(data: Any) -> None:
    with pytest.raises(InputError) as raised:
        read_fediverse(data)
    assert "\n" not in raised.value.message


def _mbin_comment(number: int, name: str, body: str | None, minute: int, **more: Any) -> dict[str, Any]:
    """A comment as Mbin's API gives it (`/api/entry/ID/comments`), replies nested in `children`."""
    return {
        "commentId": number,
        "user": {"userId": number, "username": name},
        "magazine": {"magazineId": 3, "name": "leipzig"},
        "entryId": 77,
        "parentId": more.get("parent"),
        "rootId": more.get("root"),
        "image": None,
        "body": body,
        "lang": "de",
        "isAdult": False,
        "uv": 2,
        "dv": 1,
        "favourites": 0,
        "visibility": more.get("visibility", "visible"),
        "apId": f"https://mbin.example/m/leipzig/t/77/-/comment/{number}",
        "createdAt": f"2024-01-02T10:{minute:02d}:00+00:00",
        "childCount": len(more.get("children", [])),
        "children": more.get("children", []),
    }


MBIN_ENTRY = {
    "entryId": 77,
    "magazine": {"magazineId": 3, "name": "leipzig"},
    "user": {"userId": 5, "username": "lena"},
    "domain": {"name": "zeitung.example"},
    "title": "Neue Radwege",
    "url": "https://zeitung.example/radwege",
    "body": "Was haltet ihr davon?",
    "lang": "de",
    "uv": 9,
    "dv": 0,
    "numComments": 3,
    "createdAt": "2024-01-02T10:00:00+00:00",
    "apId": "https://mbin.example/m/leipzig/t/77",
    "visibility": "visible",
}
MBIN_COMMENTS = {
    "items": [
        _mbin_comment(
            81,
            "ute",
            "Endlich!",
            5,
            children=[
                _mbin_comment(
                    82,
                    "max",
                    None,
                    7,
                    parent=81,
                    root=81,
                    visibility="soft_deleted",
                    children=[
                        _mbin_comment(83, "jan", "Ja, *wirklich*.", 9, parent=82, root=81),
                    ],
                ),
            ],
        ),
        _mbin_comment(84, "eva", "Zu wenig.", 6),
    ],
    "pagination": {"count": 2, "currentPage": 1, "maxPage": 1, "perPage": 25},
}


def test_an_mbin_entry_with_its_comments_is_a_thread() -> None:
    text = json.dumps({"entry": MBIN_ENTRY, **MBIN_COMMENTS})
    assert sniff_format(text) == "fediverse"
    reading = parse_threads(text)
    [thread] = reading.threads
    assert (thread.title, thread.url, thread.site) == (
        "Neue Radwege",
        "https://mbin.example/m/leipzig/t/77",
        "mbin.example",
    )
    assert _shape(thread) == [
        ("article", "lena", None, ["Neue Radwege", "Was haltet ihr davon?", "https://zeitung.example/radwege"]),
        ("c1", "ute", None, ["Endlich!"]),
        ("c2", "eva", None, ["Zu wenig."]),  # in time order
        ("c3", "max", "c1", []),  # no longer visible: kept, empty, for its reply
        ("c4", "jan", "c3", ["Ja, wirklich."]),
    ]
    assert thread.posts[1].votes is not None and (thread.posts[1].votes.up, thread.posts[1].votes.down) == (2, 1)
    assert reading.warnings == ()
    # The comments alone: the article is empty, and a further page is reported.
    alone = parse_threads(json.dumps({**MBIN_COMMENTS, "pagination": {"currentPage": 1, "maxPage": 3}}))
    assert [len(t.posts) for t in alone.threads] == [5]
    assert alone.warnings == (
        "these Mbin comments are not with their entry: the article is empty (save /api/entry/ID too)",
        "these comments are one page of 3 (/api/entry/ID/comments?p=N): only it is read",
    )


@pytest.mark.parametrize(
    ("user", "author"),
    [
        # Mbin names a user of another instance `@name@server`, its handle in `apId`, its actor in `apProfileId`.
        (
            {
                "username": "@karl@feddit.example",
                "apId": "karl@feddit.example",
                "apProfileId": "https://feddit.example/u/karl",
            },
            "karl@feddit.example",
        ),
        ({"username": "@karl@feddit.example"}, "karl@feddit.example"),  # the username alone says it
        ({"username": "karl", "apId": "karl@feddit.example"}, "karl@feddit.example"),  # the handle alone
        # No handle: a profile on another host than the entry's names the server; on its own host, none.
        ({"username": "karl", "apProfileId": "https://feddit.example/u/karl"}, "karl@feddit.example"),
        ({"username": "karl", "apProfileId": "https://mbin.example/u/karl"}, "karl"),
        ({"username": "karl", "apId": None, "apProfileId": None}, "karl"),  # a local user: name alone
    ],
)
def test_an_mbin_writer_of_another_instance_is_name_at_server_as_lemmys(user: dict[str, Any], author: str) -> None:
    comment = {**_mbin_comment(81, "ute", "Endlich!", 5), "user": {"userId": 81, **user}}
    entry = {**MBIN_ENTRY, "user": {"userId": 5, **user}}
    [thread] = parse_threads(json.dumps({"entry": entry, "items": [comment]})).threads
    [alone] = parse_threads(json.dumps({"items": [comment]})).threads  # the comment's own address says the host
    assert [p.author for p in (*thread.posts, *alone.posts[1:])] == [author, author, author]


def test_a_saved_mbin_entry_names_its_writers_as_lemmys() -> None:
    # /api/entry/77 and /api/entry/77/comments in one object; eva writes from a Lemmy instance.
    [thread] = read_threads(DATA / "mbin-entry-comments.json").threads
    assert [p.author for p in thread.posts] == ["lena", "ute", "eva@lemmy.example.org", "max", "jan"]


@pytest.mark.parametrize(
    ("data", "said"),
    [
        # A home timeline: statuses of several threads.
        ([ROOT, _status(5, "ole", "<p>Anderes Thema.</p>")], "this is a Mastodon timeline (2 statuses of several"),
        # /api/v3/post/list: a community's page of posts.
        ({"posts": [POST_VIEW, POST_VIEW]}, "this is a Lemmy list of 2 posts (a community's or the front page)"),
    ],
)
def test_lists_of_threads_are_refused_saying_what_they_are(data: Any, said: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_threads(json.dumps(data))
    assert raised.value.message.startswith(said)
    assert raised.value.hint


AS = "https://www.w3.org/ns/activitystreams"


def test_an_activitypub_post_is_one_post_and_says_its_replies_are_elsewhere() -> None:
    # A status's address fetched as application/activity+json: a Note with a content warning (summary).
    note = {
        "@context": [AS, {"sensitive": "as:sensitive"}],
        "id": "https://sozial.example/users/lena/statuses/111000000000000001",
        "type": "Note",
        "summary": "Baustelle",
        "inReplyTo": None,
        "published": "2024-01-02T10:01:00Z",
        "url": "https://sozial.example/@lena/111000000000000001",
        "attributedTo": "https://sozial.example/users/lena",
        "to": [f"{AS}#Public"],
        "content": "<p>Die Stadt baut eine neue Brücke.</p>",
        "replies": {"id": "https://sozial.example/users/lena/statuses/111000000000000001/replies", "type": "Collection",
                    "totalItems": 4, "first": {"type": "CollectionPage", "items": []}},
    }  # fmt: skip
    reading = parse_threads(json.dumps(note))
    [thread] = reading.threads
    assert _shape(thread) == [("article", "lena", None, ["Baustelle", "Die Stadt baut eine neue Brücke."])]
    assert thread.url == "https://sozial.example/@lena/111000000000000001"
    [warning] = reading.warnings
    assert warning.startswith("this ActivityPub Note is one post: its replies (it counts 4) are only addresses")
    # Lemmy's Page: a title, Markdown as its source, attributedTo naming the writer (a community is a Group).
    page = {
        "@context": [AS, "https://w3id.org/security/v1"],
        "type": "Page",
        "id": "https://lemmy.example/post/501",
        "attributedTo": [{"type": "Person", "id": "https://lemmy.example/u/lena"},
                         {"type": "Group", "id": "https://lemmy.example/c/leipzig"}],
        "name": "Neue Radwege in Leipzig",
        "content": "",
        "source": {"content": "Was haltet ihr davon?", "mediaType": "text/markdown"},
        "published": "2024-01-02T10:00:00Z",
    }  # fmt: skip
    [lemmy] = parse_threads(json.dumps(page)).threads
    assert _shape(lemmy) == [("article", "lena", None, ["Neue Radwege in Leipzig", "Was haltet ihr davon?"])]


def test_an_activitypub_collection_is_refused_saying_what_it_is() -> None:
    outbox = {"@context": AS, "id": "https://sozial.example/users/lena/outbox", "type": "OrderedCollection",
              "totalItems": 210, "first": "https://sozial.example/users/lena/outbox?page=true"}  # fmt: skip
    with pytest.raises(InputError) as raised:
        parse_threads(json.dumps(outbox))
    assert raised.value.message == (
        "this is an ActivityPub OrderedCollection of 210 items (an outbox or a page of replies), not a thread"
    )


def test_a_lemmy_users_page_is_read_for_its_comments_saying_so() -> None:
    # /api/v3/user?username=max: the user, their comments (each with its post) and their posts.
    page = {
        "person_view": {"person": {"id": 8, "name": "max"}, "counts": {"post_count": 1, "comment_count": 2}},
        "comments": COMMENTS[:2],
        "posts": [POST_VIEW],
        "moderates": [],
    }
    reading = parse_threads(json.dumps(page))
    [thread] = reading.threads
    assert [p.author for p in thread.posts[1:]] == ["jan", "eva"]  # in time order; what jan answers is not here
    assert reading.warnings[-1] == (
        "this is Lemmy user max's page: their 2 comments are read as a thread per post they are on, without the "
        "rest of each thread; their 1 post is left out"
    )


def _v4_person(number: int, name: str) -> dict[str, Any]:
    """A person as Lemmy 0.20+ (API v4) gives it: `published_at`, its own counts."""
    return {"id": number, "name": name, "display_name": None, "published_at": "2023-06-01T08:00:00Z",
            "ap_id": f"https://lemmy.example/u/{name}", "local": True, "deleted": False, "bot_account": False,
            "instance_id": 1, "post_count": 2, "comment_count": 9}  # fmt: skip


def _v4_post() -> dict[str, Any]:
    """A post as API v4 gives it: its counts in the post itself, `published_at` for `published`."""
    post = {key: value for key, value in _lemmy_post().items() if key != "published"}
    return {**post, "published_at": "2024-01-02T10:00:00.123456Z", "comments": 3, "score": 17, "upvotes": 18,
            "downvotes": 1, "newest_comment_time_at": "2024-01-02T10:12:00Z", "federation_pending": False}  # fmt: skip


def _v4_comment_view(number: int, path: str, writer: int, name: str, content: str, minute: int, **flags: Any) -> Any:
    """One of API v4's comment views: the comment with its own counts, its creator, post and community, the
    creator's standing (`creator_is_moderator`...) and the reader's actions (none here)."""
    return {
        "comment": {"id": number, "creator_id": writer, "post_id": 501, "content": content,
                    "removed": flags.get("removed", False), "deleted": flags.get("deleted", False),
                    "published_at": f"2024-01-02T10:{minute:02d}:00.5Z", "updated_at": None,
                    "ap_id": f"https://lemmy.example/comment/{number}", "local": True, "path": path,
                    "distinguished": False, "language_id": 39, "score": 3, "upvotes": 4, "downvotes": 1,
                    "child_count": 0, "report_count": 0, "unresolved_report_count": 0,
                    "federation_pending": False, "locked": False},
        "creator": _v4_person(writer, name),
        "post": _v4_post(),
        "community": {"id": 3, "name": "leipzig", "title": "Leipzig"},
        "community_actions": None, "comment_actions": None, "person_actions": None,
        "creator_is_admin": flags.get("admin", False), "tags": {"tags": []}, "can_mod": False,
        "creator_banned": False, "creator_is_moderator": flags.get("moderator", False),
        "creator_banned_from_community": False,
    }  # fmt: skip


V4_COMMENTS = [
    _v4_comment_view(904, "0.904", 14, "eva", "Zu wenig.", 11, moderator=True),
    _v4_comment_view(903, "0.901.902.903", 7, "lena", "Ja, *wirklich*.", 9),  # the post's writer: OP
    _v4_comment_view(901, "0.901", 11, "ute", "Endlich!", 5),
    _v4_comment_view(902, "0.901.902", 12, "max", "", 7, removed=True),  # removed, answered: kept empty
    _v4_comment_view(905, "0.905", 15, "kai", "", 12, deleted=True),  # deleted, unanswered: left out
]
V4_POST_VIEW = {
    "post": _v4_post(),
    "creator": _v4_person(7, "lena"),
    "community": {"id": 3, "name": "leipzig"},
    "creator_is_admin": False, "tags": {"tags": []}, "can_mod": False, "creator_banned": False,
    "creator_is_moderator": False, "creator_banned_from_community": False,
}  # fmt: skip


def _roles(thread: Any) -> list[tuple[str | None, str | None, bool, tuple[int, int] | None]]:
    return [(p.author, p.role, p.deleted, (p.votes.up, p.votes.down) if p.votes else None) for p in thread.posts]


def test_lemmy_api_v4_reads_as_v3() -> None:
    # /api/v4/post?id=501 and /api/v4/comment/list?post_id=501 (a page: `items`, `next_page`) in one object.
    reading = parse_threads(json.dumps({"post_view": V4_POST_VIEW, "community_view": {}, "cross_posts": [],
                                        "comments": V4_COMMENTS}))  # fmt: skip
    [thread] = reading.threads
    assert _shape(thread)[1:] == [
        ("c1", "ute", None, ["Endlich!"]),
        ("c2", "max", "c1", []),
        ("c3", "lena", "c2", ["Ja, wirklich."]),
        ("c4", "eva", None, ["Zu wenig."]),
    ]
    assert _roles(thread) == [  # upvotes and downvotes, each kept (scores 17 and 3)
        ("lena", None, False, (18, 1)),
        ("ute", None, False, (4, 1)),
        ("max", None, True, (4, 1)),
        ("lena", "OP", False, (4, 1)),
        ("eva", "moderator", False, (4, 1)),
    ]
    assert thread.published is not None and thread.published.isoformat() == "2024-01-02T10:00:00"
    assert [p.date.minute for p in thread.posts[1:] if p.date] == [5, 7, 9, 11]
    assert reading.warnings == ("1 deleted or removed comment without replies was left out",)
    # The comment page alone, as v4 gives it, and the same with the post beside it under `items`.
    page = {"items": V4_COMMENTS, "next_page": "Y29tbWVudDo5MDU", "prev_page": None}
    alone = parse_threads(json.dumps(page))
    assert sniff_format(json.dumps(page)) == "fediverse"
    assert _shape(alone.threads[0])[1:] == _shape(thread)[1:]
    assert alone.warnings == (
        "1 deleted or removed comment without replies was left out",
        "these Lemmy comments name their post but not its writer (the post's own answer has it)",
        "this is one page of Lemmy comments: further pages (next_page) are not in this file, only the comments in "
        "the file are read",
    )
    both = parse_threads(json.dumps({"post_view": V4_POST_VIEW, **page}))
    assert both.threads == reading.threads


def test_lemmy_api_v4_post_alone_says_how_many_comments_it_lacks() -> None:
    reading = parse_threads(json.dumps({"post_view": V4_POST_VIEW, "community_view": {}, "cross_posts": []}))
    assert reading.warnings[0].startswith("this Lemmy post holds none of its 3 comments")


def test_lemmy_api_v4_slim_comments_name_their_post_by_number() -> None:
    # /api/v4/comment/list/slim: no post, no community in each view.
    slim = [{key: value for key, value in view.items() if key not in ("post", "community")} for view in V4_COMMENTS]
    reading = parse_threads(json.dumps({"items": slim, "next_page": None}))
    [thread] = reading.threads
    assert (thread.title, [p.author for p in thread.posts[1:]]) == ("", ["ute", "max", "lena", "eva"])
    assert reading.warnings[-1].startswith("these Lemmy comments name their post by its number only")


def test_lemmy_api_v4_lists_and_person_content() -> None:
    # /api/v4/post/list: a page of post views under `items`.
    with pytest.raises(InputError, match="this is a Lemmy list of 2 posts"):
        parse_threads(json.dumps({"items": [V4_POST_VIEW, V4_POST_VIEW], "next_page": "x"}))
    # /api/v4/person/content: one person's posts and comments, each tagged by `type_`.
    mine = [view for view in V4_COMMENTS if view["creator"]["name"] == "lena"]
    content = {"items": [{**V4_POST_VIEW, "type_": "post"}, *({**view, "type_": "comment"} for view in mine)]}
    reading = parse_threads(json.dumps(content))
    assert [p.author for p in reading.threads[0].posts[1:]] == ["lena"]
    assert reading.warnings[-1].startswith(
        "this is Lemmy user lena's page: their 1 comment is read as a thread of the post it is on"
    )


def test_a_deleted_lemmy_post_keeps_its_title_only() -> None:
    post_view = {**V4_POST_VIEW, "post": {**_v4_post(), "deleted": True, "body": "", "url": None}}
    reading = parse_threads(json.dumps({"post_view": post_view, "comments": V4_COMMENTS[:1]}))
    assert _shape(reading.threads[0])[0] == ("article", "lena", None, ["Neue Radwege in Leipzig"])
    assert "the Lemmy post itself was deleted or removed" in reading.warnings[0]


def test_a_mastodon_quote_post_holds_the_quoted_status_as_a_quote() -> None:
    # Mastodon 4.4+: `quote` holds the quoted status (state accepted), and the content opens with the
    # "RE: address" line written for servers that show no quotes; a shallow quote names only an id.
    quoted = _status(7, "ute@andere.example", "<p>Die Brücke kostet das Doppelte.</p>", spoiler="Geld")
    fallback = (
        '<p class="quote-inline">RE: <a href="https://andere.example/@ute/111000000000000007">'
        "andere.example/@ute/111000000000000007</a></p>"
    )
    quoting = {
        **_status(1, "lena", f"{fallback}<p>Das wundert niemanden.</p>"),
        "quote": {"state": "accepted", "quoted_status": quoted},
    }
    [thread] = parse_threads(json.dumps(quoting)).threads
    assert [(b.kind, b.text, b.quoted_author) for b in thread.posts[0].blocks] == [
        ("paragraph", "Das wundert niemanden.", None),
        ("quote", "Geld", "ute@andere.example"),
        ("quote", "Die Brücke kostet das Doppelte.", "ute@andere.example"),
    ]
    # Akkoma and Fedibird: `quote` is the status itself; a `<span>` fallback (Misskey's kin) goes too.
    content = '<p>Na ja.<span class="quote-inline"><br>RE: <a href="https://andere.example/n/7">…</a></span></p>'
    [akkoma] = parse_threads(json.dumps({**_status(1, "lena", content), "quote": quoted})).threads
    assert [(b.kind, b.text) for b in akkoma.posts[0].blocks] == [
        ("paragraph", "Na ja."),
        ("quote", "Geld"),
        ("quote", "Die Brücke kostet das Doppelte."),
    ]
    # A shallow quote, or one no longer shown: the text alone, its RE: line kept (the only trace).
    shallow = {**quoting, "quote": {"state": "deleted", "quoted_status_id": None}}
    [alone] = parse_threads(json.dumps(shallow)).threads
    assert [b.text for b in alone.posts[0].blocks] == [
        "RE: andere.example/@ute/111000000000000007",
        "Das wundert niemanden.",
    ]


def test_a_statuss_media_descriptions_and_poll_options_are_its_words() -> None:
    # A picture's description (alt text) and a poll's options are the writer's words: read after the text.
    status = {
        **_status(1, "lena", "<p>Welche Farbe für die Brücke?</p>"),
        "media_attachments": [{"id": "9", "type": "image", "url": "https://sozial.example/m/9.png",
                               "description": "Entwurf der Brücke  in Blau", "blurhash": "x"}],
        "poll": {"id": "3", "expired": False, "multiple": False, "votes_count": 12,
                 "options": [{"title": "Blau", "votes_count": 7}, {"title": "Grün", "votes_count": 5}]},
    }  # fmt: skip
    [thread] = parse_threads(json.dumps(status)).threads
    assert [b.text for b in thread.posts[0].blocks] == [
        "Welche Farbe für die Brücke?",
        "Entwurf der Brücke in Blau",
        "Blau",
        "Grün",
    ]


def test_one_lemmy_comment_is_read_as_its_posts_comment() -> None:
    # /api/v3/comment?id=N (and v4's): the comment view alone, with the ids of those it notifies.
    reading = parse_threads(json.dumps({"comment_view": COMMENTS[2], "recipient_ids": []}))
    [thread] = reading.threads
    assert thread.title == "Neue Radwege in Leipzig"  # the post the view holds, its body too
    assert _shape(thread)[1:] == [("c1", "ute", None, ["Endlich!"])]
    assert reading.warnings == (
        "these Lemmy comments name their post but not its writer (the post's own answer has it)",
    )


def test_lemmy_spoilers_lose_their_fences() -> None:
    body = "Das Ende:\n\n::: spoiler Achtung, Spoiler\nDer Gärtner war es.\n:::\n\nGut, oder?"
    view = {**POST_VIEW, "post": {**_lemmy_post(), "body": body, "url": None}}
    [thread] = parse_threads(json.dumps({"post_view": view, "comments": COMMENTS[:1]})).threads
    assert [b.text for b in thread.posts[0].blocks][1:] == [
        "Das Ende:",
        "Achtung, Spoiler",
        "Der Gärtner war es.",
        "Gut, oder?",
    ]


def test_a_lemmy_0_19_page_keeps_votes_both_ways_and_names_writers_of_other_instances() -> None:
    # /api/v3/post?id=1200 and the first page of /api/v3/comment/list?post_id=1200&limit=6 in one object, as
    # Lemmy 0.19 answers them (GetPostResponse, GetCommentsResponse).
    reading = read_threads(DATA / "lemmy-0.19-page.json")
    [thread] = reading.threads
    assert (thread.title, thread.url, thread.site) == (
        "Straßenbahn bis zum Flughafen?",
        "https://lemmy.example/post/1200",
        "lemmy.example",
    )
    found = [
        (p.id, p.author, p.role, p.parent, p.deleted, (p.votes.up, p.votes.down) if p.votes else None,
         [b.text for b in p.blocks][-1:])
        for p in thread.posts
    ]  # fmt: skip
    assert found == [
        ("article", "hanna", "moderator", None, False, (31, 4), ["https://nachrichten.example/tram-flughafen"]),
        ("c1", "greta", None, None, False, (12, 2), ["Endlich! Der Bus braucht eine Stunde."]),  # score 10
        # Overwritten with Lemmy's placeholder: no text to translate, kept for the reply it holds.
        ("c2", "ehemalig", None, None, True, (0, 0), []),
        # Writers of other instances (`local` false) by name@server, as Mastodon's acct names them.
        ("c3", "karl@feddit.example", None, "c1", False, (5, 0), ["Bei uns hat das zehn Jahre gedauert."]),
        ("c4", "sofie@lemmy.example.dk", None, "c2", False, (4, 0), ["Hier in Aarhus fährt sie schon."]),
        ("c5", "hanna", "OP, moderator", "c1", False, (3, 1), ["Laut Stadtrat sind es eher acht."]),
    ]
    assert reading.warnings == (
        "1 deleted or removed comment without replies was left out",  # tom's, removed
        # The post counts 9 comments; the page holds 4 of them (deleted and removed ones Lemmy does not count).
        "5 further comments are not in this file (the post counts 9, the file holds 4: Lemmy's API gives them a "
        "page at a time): only the comments in the file are read",
    )


@pytest.mark.parametrize(
    ("creator", "author"),
    [
        ({"name": "karl", "actor_id": "https://feddit.example/u/karl", "local": False}, "karl@feddit.example"),
        # `local` is said of the instance that answered: a writer on it is named alone, wherever the post is.
        ({"name": "karl", "actor_id": "https://feddit.example/u/karl", "local": True}, "karl"),
        # No `local` (an older or trimmed answer): elsewhere than the post's instance is another instance.
        ({"name": "karl", "actor_id": "https://feddit.example/u/karl"}, "karl@feddit.example"),
        ({"name": "karl", "actor_id": "https://lemmy.example/u/karl"}, "karl"),
        ({"name": "karl"}, "karl"),  # no address: nothing to name the server by
        ({"name": "karl", "ap_id": "https://feddit.example/u/karl", "local": False}, "karl@feddit.example"),  # v4
        # The handle is the writer, not the display name they chose (as Mastodon's acct, Discourse's username).
        (
            {"name": "karl", "display_name": "Karl M.", "actor_id": "https://feddit.example/u/karl", "local": False},
            "karl@feddit.example",
        ),
        ({"name": "karl", "display_name": "Karl M.", "local": True}, "karl"),
    ],
)
def test_a_lemmy_writer_of_another_instance_is_name_at_server(creator: dict[str, Any], author: str) -> None:
    view = {**POST_VIEW, "creator": {"id": 7, **creator}}
    comment = {**COMMENTS[2], "creator": {"id": 8, **creator}}
    [thread] = parse_threads(json.dumps({"post_view": view, "comments": [comment]})).threads
    assert [p.author for p in thread.posts] == [author, author]


@pytest.mark.parametrize(
    ("counts", "votes"),
    [
        ({"score": 7, "upvotes": 9, "downvotes": 2}, (9, 2)),  # both kept, not netted
        ({"score": 0, "upvotes": 5, "downvotes": 5}, (5, 5)),  # a disputed comment is not an ignored one
        ({"score": -3}, (0, 3)),  # only the net score: as other platforms' scores are read
        ({"score": 4, "upvotes": 4}, (4, 0)),  # one of the two missing: the score
    ],
)
def test_lemmy_votes_for_and_against_are_kept_apart(counts: dict[str, int], votes: tuple[int, int]) -> None:
    comment = {**COMMENTS[2], "counts": {"comment_id": 901, "child_count": 0, **counts}}
    [thread] = parse_threads(json.dumps({"post_view": POST_VIEW, "comments": [comment]})).threads
    [read] = [p.votes for p in thread.posts[1:]]
    assert read is not None and (read.up, read.down) == votes


@pytest.mark.parametrize(
    ("counted", "warned"),
    [
        (3, None),  # all the live comments: nothing missing
        (2, None),  # fewer than the file holds (a count out of date): nothing missing either
        (4, "1 further comment is not in this file (the post counts 4, the file holds 3: "),
        (40, "37 further comments are not in this file (the post counts 40, the file holds 3: "),
    ],
)
def test_a_page_of_a_lemmy_posts_comments_says_how_many_are_missing(counted: int, warned: str | None) -> None:
    view = {**POST_VIEW, "counts": {**POST_VIEW["counts"], "comments": counted}}
    reading = parse_threads(json.dumps({"post_view": view, "comments": COMMENTS}))
    paged = [warning for warning in reading.warnings if "further comment" in warning]
    assert paged == ([] if warned is None else [f"{warned}Lemmy's API gives them a page at a time): only the "
                                                 "comments in the file are read"])  # fmt: skip
    # API v4: the count in the post itself; a page's `next_page` is then not said twice.
    v4 = {"post_view": {**V4_POST_VIEW, "post": {**_v4_post(), "comments": counted}}, "items": V4_COMMENTS,
          "next_page": "Y29tbWVudDo5MDU"}  # fmt: skip
    warnings = parse_threads(json.dumps(v4)).warnings
    assert sum("further comment" in warning or "next_page" in warning for warning in warnings) == 1
    assert any(warning.startswith(warned) for warning in warnings) if warned else "next_page" in warnings[-1]


@pytest.mark.parametrize("counted", [3, 10])
def test_a_v4_page_of_comments_saved_alone_says_how_many_its_post_counts_and_it_lacks(counted: int) -> None:
    # /api/v4/comment/list?post_id=501 alone: each comment view carries its post, with the post's count in it.
    views = [{**view, "post": {**view["post"], "comments": counted}} for view in V4_COMMENTS]
    warnings = parse_threads(json.dumps({"items": views, "next_page": "Y29tbWVudDo5MDU"})).warnings
    further = [warning for warning in warnings if "further comment" in warning or "next_page" in warning]
    assert further == (
        [  # the count says what is missing, and the page's `next_page` is not said twice
            "7 further comments are not in this file (the post counts 10, the file holds 3: Lemmy's API gives them "
            "a page at a time): only the comments in the file are read"
        ]
        if counted == 10
        else [  # all the live comments are here: only the further page is said
            "this is one page of Lemmy comments: further pages (next_page) are not in this file, only the comments "
            "in the file are read"
        ]
    )


# API v4's slim comment views (`/api/v4/comment/list/slim`): no post, no community.
V4_SLIM = [{key: value for key, value in view.items() if key not in ("post", "community")} for view in V4_COMMENTS]
# A person's content (`/api/v4/person/content`): lena's post and comments, the post counting 40 comments.
V4_PERSON = [{**V4_POST_VIEW, "type_": "post"}] + [
    {**view, "type_": "comment", "post": {**view["post"], "comments": 40}}
    for view in V4_COMMENTS
    if view["creator"]["name"] == "lena"
]


@pytest.mark.parametrize(
    "data",
    [
        # API v3: a comment view's post carries no count (its counts are the comment's own): nothing to compare
        # with, so nothing is said missing, however many comments the post has.
        {"comments": COMMENTS},
        {"items": V4_SLIM, "next_page": None},  # v4's slim views carry no post at all
        # A person's content holds their comments only: their posts' counts are not the file's to reach.
        {"items": V4_PERSON},
    ],
)
def test_comments_without_their_posts_count_say_nothing_is_missing(data: dict[str, Any]) -> None:
    assert not [warning for warning in parse_threads(json.dumps(data)).warnings if "further comment" in warning]


def test_a_permanently_deleted_lemmy_post_is_an_empty_deleted_article() -> None:
    # Lemmy overwrites a purged writer's posts (and deleted ones a month on): title and text, its link gone.
    purged = {**_lemmy_post(), "name": "*Permanently Deleted*", "body": "*Permanently Deleted*", "url": None,
              "deleted": True}  # fmt: skip
    reading = parse_threads(json.dumps({"post_view": {**POST_VIEW, "post": purged}, "comments": COMMENTS}))
    [thread] = reading.threads
    article = thread.posts[0]
    assert (thread.title, article.blocks, article.deleted) == ("", (), True)
    assert [p.author for p in thread.posts[1:]] == ["ute", "max", "jan", "eva"]  # the comments stay
    assert reading.warnings[0] == (
        "the Lemmy post was permanently deleted (Lemmy wrote *Permanently Deleted* over its title and text): "
        "the article is empty"
    )
    # The placeholder without the deleted flag (a copy federated before the flag): the same.
    unflagged = {**purged, "deleted": False, "url": "https://zeitung.example/radwege"}
    [thread] = parse_threads(json.dumps({"post_view": {**POST_VIEW, "post": unflagged}})).threads
    assert (thread.title, thread.posts[0].blocks, thread.posts[0].deleted) == ("", (), True)
    # Only the text overwritten: the title stays, as for a deleted post.
    bodyless = {**_lemmy_post(), "body": "*Permanently Deleted*"}
    reading = parse_threads(json.dumps({"post_view": {**POST_VIEW, "post": bodyless}, "comments": COMMENTS}))
    assert [b.text for b in reading.threads[0].posts[0].blocks] == ["Neue Radwege in Leipzig"]
    assert reading.threads[0].posts[0].deleted is False
    assert reading.warnings[0] == (
        "the Lemmy post was permanently deleted (Lemmy wrote *Permanently Deleted* over its text): "
        "the article has its title only"
    )


def test_a_lemmy_comment_overwritten_as_permanently_deleted_is_a_deleted_comment() -> None:
    # Not flagged deleted (as a remote copy may be): its placeholder is still no text of its writer.
    purged = _comment_view(901, "0.901", "ute", "*Permanently Deleted*", 5)
    reply = _comment_view(906, "0.901.906", "jan", "Wieso?", 6)
    reading = parse_threads(json.dumps({"post_view": POST_VIEW, "comments": [purged, reply, COMMENTS[0]]}))
    assert [(p.author, p.parent, p.deleted, [b.text for b in p.blocks]) for p in reading.threads[0].posts[1:]] == [
        ("ute", None, True, []),  # kept for the reply it holds
        ("jan", "c1", False, ["Wieso?"]),
        ("eva", None, False, ["Zu wenig."]),
    ]
    # Without the reply it is left out, and counted as deleted comments are.
    alone = parse_threads(json.dumps({"post_view": POST_VIEW, "comments": [purged, COMMENTS[0]]}))
    assert [p.author for p in alone.threads[0].posts[1:]] == ["eva"]
    assert alone.warnings[0] == "1 deleted or removed comment without replies was left out"
