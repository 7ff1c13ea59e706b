"""The YouTube reader: the Data API's commentThreads.list, comments.list and videos.list answers, alone or together."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from translator.errors import InputError
from translator.models import Thread
from translator.readers import parse_threads, sniff_format
from translator.readers.youtube import read_youtube

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"
VIDEO = "q3Vx8TmR2aE"
CHANNEL = "UCk7Lz2Qm9X4pTnW8rYb3cVd"
WATCH = f"https://www.youtube.com/watch?v={VIDEO}"


def _comment(
    comment_id: str, handle: str, text: str, hour: int, parent: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A comment resource (`youtube#comment`) as the API gives one."""
    snippet: dict[str, Any] = {
        "channelId": CHANNEL,
        "videoId": VIDEO,
        "textDisplay": text.replace("\n", "<br>"),
        "textOriginal": text,
        "authorDisplayName": handle,
        "authorChannelUrl": f"http://www.youtube.com/{handle}",
        "authorChannelId": {"value": f"UC{handle.strip('@'):x<22}"[:24]},
        "canRate": True,
        "viewerRating": "none",
        "likeCount": hour,
        "publishedAt": f"2024-06-03T{hour:02d}:00:00Z",
        "updatedAt": f"2024-06-03T{hour:02d}:00:00Z",
    }
    if parent is not None:
        snippet["parentId"] = parent
    snippet.update(extra)
    return {"kind": "youtube#comment", "etag": "etag", "id": comment_id, "snippet": snippet}


def _thread(top: dict[str, Any], replies: list[dict[str, Any]], total: int) -> dict[str, Any]:
    return {
        "kind": "youtube#commentThread",
        "etag": "etag",
        "id": top["id"],
        "snippet": {
            "channelId": CHANNEL,
            "videoId": VIDEO,
            "topLevelComment": top,
            "canReply": True,
            "totalReplyCount": total,
            "isPublic": True,
        },
        "replies": {"comments": replies},
    }


def _threads(*items: dict[str, Any], token: str | None = None) -> dict[str, Any]:
    answer: dict[str, Any] = {"kind": "youtube#commentThreadListResponse", "etag": "etag", "items": list(items)}
    if token:
        answer["nextPageToken"] = token
    return answer


TOP = _comment("UgzTopAAAAAAAAAAAAAAAaABAg", "@ana", "Wo genau ist das?", 12)
REPLY = _comment("UgzTopAAAAAAAAAAAAAAAaABAg.9xReplyBBBBB", "@ben", "In Halle.", 13, TOP["id"])


def _shape(thread: Thread) -> list[tuple[str, str | None, str | None, list[str]]]:
    return [(post.id, post.author, post.parent, [block.text for block in post.blocks]) for post in thread.posts]


def test_the_video_is_the_article_and_its_comments_follow_in_time_order() -> None:
    text = (DATA / "youtube-comments.json").read_text(encoding="utf-8")
    assert sniff_format(text) == "youtube"
    reading = parse_threads(text)
    [thread] = reading.threads
    assert (thread.title, thread.url, thread.site, thread.source_format) == (
        "Hochwasser an der Saale: Was jetzt auf die Anwohner zukommt",
        WATCH,
        "YouTube",
        "youtube",
    )
    assert _shape(thread) == [
        (
            "article",
            "Lokalzeitung Halle",  # the channel
            None,
            [
                "Hochwasser an der Saale: Was jetzt auf die Anwohner zukommt",
                # The description, a line a block.
                "Die Pegel steigen seit Tagen. Wir waren mit der Feuerwehr unterwegs.",
                "00:00 Einleitung",
                "02:15 Am Deich",
                "Mehr dazu: https://zeitung.example/hochwasser",
            ],
        ),
        # textDisplay's HTML when there is no textOriginal: the link's text, a break, the bold words, entities.
        (
            "c1",
            "@pegelwatcher",
            None,
            ["Bei 2:15 sieht man den Deich gut.", "Wichtig: Der Pegel in Halle-Trotha liegt bei 6,80 m & steigt."],
        ),
        ("c2", "@anwohnerin_k", None, ["Bei uns im Keller steht das Wasser schon.", "Danke für den Bericht!"]),
        ("c3", "@deichgraf", "c2", ["Sandsäcke gibt es am Bauhof."]),  # the replies in time order too
        ("c4", "@LokalzeitungHalle", "c2", ["@anwohnerin_k Alles Gute! Meldet euch gern bei uns."]),
        ("c5", "@reisender_1987", None, ["Is there an English version of this report?"]),
    ]
    article, first, *_ = thread.posts
    assert article.votes is not None and article.votes.up == 512  # statistics, a string of digits
    assert str(article.date) == "2024-06-03 16:00:00"
    assert first.url == f"{WATCH}&lc=UgzR8kPq2LmN4vXw7Yt4AaABAg"
    assert first.votes is not None and first.votes.up == 54
    assert [post.role for post in thread.posts[1:]] == [None, None, None, "OP", None]  # the video's channel answering
    # The video counts 9 comments; 5 are here. The count says it all: no page warning besides.
    assert reading.warnings == (
        "4 further comments are not in this file (the video counts 9, the file holds 5: YouTube's API gives "
        "comments a page at a time, and a few replies of each): only the comments in the file are read",
    )


def test_comment_threads_alone_have_the_videos_address_as_article_and_say_what_is_missing() -> None:
    reading = read_youtube(_threads(_thread(TOP, [REPLY], total=3), token="NEXT"))
    [thread] = reading.threads
    assert _shape(thread) == [
        ("article", None, None, [WATCH]),
        ("c1", "@ana", None, ["Wo genau ist das?"]),
        ("c2", "@ben", "c1", ["In Halle."]),
    ]
    assert thread.posts[0].blocks[0].kind == "source" and thread.url == WATCH
    assert reading.warnings == (
        "these YouTube comments are not with their video's answer: the article is only the video's address, without "
        f"its title and description (save videos.list?id={VIDEO}&part=snippet,statistics too, and give both in one "
        "JSON array)",
        "2 further comments are not in this file (their comments count more replies than it holds: "
        "commentThreads.list gives a few replies of each comment, comments.list?parentId=ID gives them all): "
        "only the comments in the file are read",
        "this is one page of YouTube comments: further pages (nextPageToken) are not in this file, only the "
        "comments in the file are read",
    )


def test_comments_list_gives_the_rest_of_the_replies() -> None:
    more = _comment("UgzTopAAAAAAAAAAAAAAAaABAg.9xReplyCCCCC", "@cem", "Am Deich.", 14, TOP["id"])
    listed = [json.loads(json.dumps(reply)) for reply in (REPLY, more)]  # copies: REPLY serves other tests
    for reply in listed:
        reply["snippet"].pop("videoId", None)  # comments.list names no video
    replies = {"kind": "youtube#commentListResponse", "etag": "etag", "items": listed}
    # Alone: no video is named anywhere.
    alone = read_youtube(replies)
    assert [(post.author, post.parent) for post in alone.threads[0].posts] == [
        (None, None),
        ("@ben", None),
        ("@cem", None),
    ]
    assert alone.threads[0].url is None
    assert alone.warnings[0].startswith("these YouTube comments name no video (comments.list gives replies without it)")
    # With the thread page: the replies merge (one is in both), under their comment, all of it counted.
    both = parse_threads(json.dumps([_threads(_thread(TOP, [REPLY], total=2)), replies]))
    assert _shape(both.threads[0])[1:] == [
        ("c1", "@ana", None, ["Wo genau ist das?"]),
        ("c2", "@ben", "c1", ["In Halle."]),
        ("c3", "@cem", "c1", ["Am Deich."]),
    ]
    assert both.threads[0].posts[3].url == f"{WATCH}&lc=UgzTopAAAAAAAAAAAAAAAaABAg.9xReplyCCCCC"  # the thread's video
    assert not any("further comment" in warning for warning in both.warnings)


def test_a_video_alone_is_an_article_saying_its_comments_are_missing() -> None:
    video = json.loads((DATA / "youtube-comments.json").read_text(encoding="utf-8"))[0]
    reading = read_youtube(video)
    assert [post.kind for post in reading.threads[0].posts] == ["article"]
    assert reading.warnings == (
        f"this YouTube video holds none of its 9 comments: save commentThreads.list?videoId={VIDEO}"
        "&part=snippet,replies too, and give both in one JSON array",
    )


def test_comments_not_published_are_kept_only_where_answered_and_counted() -> None:
    held = _comment("UgzHeldAAAAAAAAAAAAAAaABAg", "@spam", "Kauft hier!", 9, moderationStatus="heldForReview")
    rejected = _comment("UgzRejAAAAAAAAAAAAAAAaABAg", "@troll", "Unsinn.", 10, moderationStatus="rejected")
    answer = _comment("UgzRejAAAAAAAAAAAAAAAaABAg.9xAnswerDDDD", "@ana", "Nein.", 11, rejected["id"])
    reading = read_youtube(_threads(_thread(held, [], 0), _thread(rejected, [answer], 1), _thread(TOP, [], 0)))
    posts = reading.threads[0].posts
    assert [(post.author, post.deleted, len(post.blocks)) for post in posts[1:]] == [
        ("@troll", True, 0),  # answered: kept, empty
        ("@ana", False, 1),
        ("@ana", False, 1),
    ]
    assert reading.warnings[-1] == (
        "1 comment not published (held for review, likely spam or rejected) without replies was left out"
    )


def test_comments_of_several_videos_make_a_thread_each() -> None:
    other = _comment("UgzOtherAAAAAAAAAAAAAaABAg", "@dora", "Anderes Video.", 8, videoId="Zz9Yy8Xx7Ww")
    other_thread = {**_thread(other, [], 0), "snippet": {"videoId": "Zz9Yy8Xx7Ww", "topLevelComment": other}}
    reading = read_youtube(_threads(_thread(TOP, [], 0), other_thread))
    assert [thread.url for thread in reading.threads] == [WATCH, "https://www.youtube.com/watch?v=Zz9Yy8Xx7Ww"]
    assert [len(thread.posts) for thread in reading.threads] == [2, 2]


def test_plain_text_display_keeps_its_lines() -> None:
    # textFormat=plainText, and no textOriginal: textDisplay is text, each line a block, `<` no tag.
    top = _comment("UgzPlainAAAAAAAAAAAAAaABAg", "@ana", "", 12, textDisplay="Erste Zeile\nZweite: 3 < 5")
    top["snippet"].pop("textOriginal")
    [thread] = read_youtube(_threads(_thread(top, [], 0))).threads
    assert [block.text for block in thread.posts[1].blocks] == ["Erste Zeile", "Zweite: 3 < 5"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Comments turned off: the API's error answer, quoted.
        (
            {
                "error": {
                    "code": 403,
                    "message": "The video identified by the videoId parameter has disabled comments.",
                    "errors": [
                        {"message": "disabled", "domain": "youtube.commentThread", "reason": "commentsDisabled"}
                    ],
                }
            },
            "this is YouTube's API answering an error (403: The video identified by the videoId parameter has "
            "disabled comments. (commentsDisabled)), not comments",
        ),
        # Another of the API's answers: a search.
        (
            {"kind": "youtube#searchListResponse", "items": [{"kind": "youtube#searchResult"}]},
            "this is a YouTube API answer of another kind (youtube#searchListResponse), not a video's comments",
        ),
        # Nothing in it.
        (_threads(), "these YouTube answers hold no comment and no video (comments off, or none yet)"),
        (
            {"kind": "youtube#videoListResponse", "items": []},
            "these YouTube answers hold no comment and no video (comments off, or none yet)",
        ),
        # Something else, read as YouTube because --input-format said so.
        ({"thread": {}}, "this JSON is not an answer of YouTube's Data API"),
    ],
)
def test_what_cannot_be_read_is_one_line(data: Any, message: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_threads(json.dumps(data), "youtube")
    assert refused.value.message == message


@pytest.mark.parametrize(
    "damage",
    [
        # Each a field of the wrong type: read without it, never a traceback.
        {"items": [None, 3, "x", {"snippet": {"topLevelComment": "x"}}]},
        {"items": [{"snippet": {"topLevelComment": {"id": 5, "snippet": []}}, "replies": {"comments": "x"}}]},
        {"items": [_thread({**TOP, "snippet": {"textOriginal": 3, "likeCount": "7", "publishedAt": []}}, [None], 2)]},  # type: ignore[list-item]
        {"items": [{**_thread(TOP, [], "many")}], "nextPageToken": 4},  # type: ignore[arg-type]
    ],
)
def test_wrong_types_are_read_around_or_refused(damage: dict[str, Any]) -> None:
    try:
        reading = read_youtube({**_threads(), **damage})
    except InputError as error:
        assert "\n" not in error.message
    else:
        assert reading.threads[0].posts[0].kind == "article"


@pytest.mark.parametrize(
    "name",
    ["bluesky-thread.json", "mastodon-statuses.json", "reddit-thread.json", "discourse-topic.json", "feed.json"],
)
def test_other_json_is_not_taken_for_youtube(name: str) -> None:
    assert sniff_format((DATA / name).read_text(encoding="utf-8")) != "youtube"


def test_other_google_errors_are_not_taken_for_youtube() -> None:
    error = {
        "error": {
            "code": 400,
            "message": "API key not valid.",
            "errors": [{"domain": "global", "reason": "badRequest"}],
        }
    }
    assert sniff_format(json.dumps(error)) == "json"
