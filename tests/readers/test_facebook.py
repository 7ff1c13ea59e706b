"""The Facebook export reader: a thread per post, the writer's comments as one flat thread, its
double-encoded text repaired."""

from __future__ import annotations

import json
from typing import Any

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, sniff_format


def _mojibake(text: str) -> str:
    """Text as Facebook's export writes it: its UTF-8 bytes each a character (then escaped by json.dumps)."""
    return text.encode("utf-8").decode("latin-1")


def _post(stamp: int, text: str | None, title: str = "Ana Gómez updated her status.", **more: Any) -> dict[str, Any]:
    """An entry of your_posts_1.json: when, the text (if any) beside its update time, attachments, a title."""
    data: list[dict[str, Any]] = [{"post": _mojibake(text)}] if text is not None else []
    return {"timestamp": stamp, "data": [*data, {"update_timestamp": stamp + 60}], "title": _mojibake(title), **more}


def _link(url: str) -> list[dict[str, Any]]:
    return [{"data": [{"external_context": {"url": url}}]}]


POSTS = [
    _post(1704190000, "Café con leche en Málaga.\n\n¿Quién se apunta mañana?"),
    _post(1704100000, "Mirad esto", attachments=_link("https://periodico.example/noticia")),
    _post(1704000000, None, "Ana Gómez added a new photo.",
          attachments=[{"data": [{"media": {"uri": "posts/media/1.jpg", "creation_timestamp": 1704000000}}]}]),
]  # fmt: skip


def test_an_export_of_posts_is_a_thread_per_post_its_text_repaired() -> None:
    text = json.dumps(POSTS)  # ASCII: "\u00c3\u00a9" escapes, as Facebook writes them
    assert "\\u00c3\\u00a9" in text and sniff_format(text) == "facebook"
    reading = parse_threads(text)
    assert [(t.source_format, t.published.isoformat() if t.published else None) for t in reading.threads] == [
        ("facebook", "2024-01-02T10:06:00"),
        ("facebook", "2024-01-01T09:06:00"),
    ]
    assert [[(b.kind, b.text) for b in t.posts[0].blocks] for t in reading.threads] == [
        [("paragraph", "Café con leche en Málaga."), ("paragraph", "¿Quién se apunta mañana?")],
        [("paragraph", "Mirad esto"), ("source", "https://periodico.example/noticia")],
    ]
    assert reading.warnings[0].startswith("this file was double-encoded")
    assert reading.warnings[1:] == (
        "this is a Facebook export of 2 of your posts, a thread for each: Facebook's export holds nobody's "
        "comments under them",
        "1 post without words or a link (a photo, a check-in) was left out",
    )


def test_an_export_of_comments_is_one_thread_of_flat_comments() -> None:
    def comment(stamp: int, text: str, title: str) -> dict[str, Any]:
        said = {"timestamp": stamp, "comment": _mojibake(text), "author": _mojibake("Ana Gómez")}
        return {"timestamp": stamp, "data": [{"comment": said}], "title": _mojibake(title)}

    sticker = {"timestamp": 1704000500, "attachments": [{"data": [{"media": {"uri": "stickers/1.png"}}]}],
               "data": [{"comment": {"timestamp": 1704000500, "comment": "", "author": "Ana Gómez"}}],
               "title": "Ana Gómez replied to Luis's comment."}  # fmt: skip
    export = {
        "comments_v2": [
            comment(1704200000, "¡Qué envidia!", "Ana Gómez commented on Luis Pérez's post."),
            sticker,
            comment(1704000000, "Enhorabuena", "Ana Gómez commented on Marta's photo."),
        ]
    }
    reading = parse_threads(json.dumps(export))
    [thread] = reading.threads
    assert [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in thread.posts] == [
        ("article", None, None, []),
        ("c1", "Ana Gómez", None, ["Enhorabuena"]),
        ("c2", "Ana Gómez", None, ["¡Qué envidia!"]),
    ]
    assert reading.warnings[1:] == (
        "this is a Facebook export of 2 of your comments, each on a post the export does not hold: read as one "
        "thread of flat comments",
        "1 comment without words (a sticker, a photo) was left out",
    )


def test_a_groups_posts_are_read_as_posts() -> None:
    # A group's posts, under a key; a kind of data the export added later beside the text is let be.
    post = {**POSTS[0], "data": [*POSTS[0]["data"], {"reaction_summary": {"count": 3}}]}
    reading = parse_threads(json.dumps({"group_posts_v2": [post]}))
    assert reading.threads[0].posts[0].blocks[0].text == "Café con leche en Málaga."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        # Photos only: nothing to translate, said in one line.
        ([POSTS[2]], "this Facebook export of posts holds no words to read: its post holds no words and no link"),
        # Comments of stickers only, a conversation of photos only: the same, said of what the file lists.
        (
            {
                "comments_v2": [{"timestamp": 5, "data": [{"comment": {"timestamp": 5, "comment": "", "author": "A"}}]}]
                * 2
            },
            "this Facebook export of comments holds no words to read: its 2 comments hold none",
        ),
        (
            {"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 5000, "photos": []}]},
            "this Messenger conversation holds no words to read: its message holds none",
        ),
        # Timestamps without a post or comment: not Facebook's, another JSON.
        ([{"timestamp": 1, "data": [{"update_timestamp": 2}]}], "not a thread in any format we read"),
    ],
)
def test_exports_without_words_are_refused_in_one_line(data: Any, message: str) -> None:
    with pytest.raises(InputError, match=message) as raised:
        parse_threads(json.dumps(data))
    assert "\n" not in raised.value.message


def test_a_messenger_conversation_is_one_thread_of_its_messages() -> None:
    # messages/inbox/NAME/message_1.json: newest first, text double-encoded like the rest of the export.
    def message(ms: int, sender: str, content: str | None = None, **more: Any) -> dict[str, Any]:
        said = {"content": _mojibake(content)} if content is not None else {}
        return {"sender_name": _mojibake(sender), "timestamp_ms": ms, **said, **more}

    conversation = {
        "participants": [{"name": _mojibake("Ana Gómez")}, {"name": "Luis"}],
        "messages": [
            message(1704000300000, "Luis", "¡Hasta mañana!"),
            message(1704000200000, "Ana Gómez", photos=[{"uri": "messages/photos/1.jpg"}]),
            message(1704000100000, "Ana Gómez", "¿Vienes al café?", reactions=[{"reaction": "👍", "actor": "Luis"}]),
        ],
        "title": _mojibake("Luis Pérez"),
        "is_still_participant": True,
        "thread_path": "inbox/luisperez_123",
    }
    reading = parse_threads(json.dumps(conversation))
    [thread] = reading.threads
    assert thread.title == "Luis Pérez"
    assert [(p.id, p.author, [b.text for b in p.blocks]) for p in thread.posts[1:]] == [
        ("c1", "Ana Gómez", ["¿Vienes al café?"]),
        ("c2", "Luis", ["¡Hasta mañana!"]),
    ]
    assert reading.warnings[1:] == (
        "this is a Messenger conversation of 2 messages: read as one thread of flat comments (replies are not "
        "linked in the export)",
        "1 message without words (a photo, a sticker, a call) was left out",
    )


def test_messages_of_the_same_minute_keep_their_order() -> None:
    # Dates are kept to the minute; the file lists messages newest first, so quick replies within one minute
    # must be put in time order by their milliseconds, not left in the file's (reversed) order.
    conversation = {
        "participants": [{"name": "Ana"}, {"name": "Luis"}],
        "messages": [
            {"sender_name": "Ana", "timestamp_ms": 1704000050000, "content": "third"},
            {"sender_name": "Luis", "timestamp_ms": 1704000020000, "content": "second"},
            {"sender_name": "Ana", "timestamp_ms": 1704000010000, "content": "first"},
        ],
        "title": "Luis",
    }
    [thread] = parse_threads(json.dumps(conversation)).threads
    assert [p.blocks[0].text for p in thread.posts[1:]] == ["first", "second", "third"]
