"""Read Facebook's "Download your information" export (JSON): its posts and its comments, the writer's own.

Its posts (`your_posts_1.json`, `your_posts__check_ins__photos_and_videos_1.json`: a list; a group's,
`group_posts_and_comments.json`: `{"group_posts_v2": [...]}`) are entries of a `timestamp`, `data` holding
the text (`{"post": ...}`), `attachments` (a shared link's `external_context.url`, a photo's
`media.description`) and a `title` that is Facebook's template ("Ana updated her status."), not the
writer's words. Each post with words or a link is a thread: its text the article, its link a source block,
dated by its `timestamp`; a post of only a photo or a reaction is counted and left out. Its comments
(`comments.json`: `{"comments_v2": [...]}`; in groups, `{"group_comments_v2": [...]}`) are the writer's
comments on posts the export does not hold (only a template title names whose: "Ana commented on Luis's
post."): they are one thread of flat comments, with their author and date. A Messenger conversation
(`messages/inbox/NAME/message_1.json`, Instagram's alike: `participants` and `messages`, newest first) is a
thread titled as the conversation, its messages flat comments by their senders in time order.

The export holds nobody else's comments under the writer's posts (Facebook gives a person only their own
words), so no post comes with its discussion: a warning says so. Its text is double-encoded (UTF-8
bytes written as `\\u00c3\\u00a9` escapes), which every JSON reader repairs (readers.decoding).
"""

from __future__ import annotations

from typing import Any

from translator.errors import InputError
from translator.models import Post, Thread
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    counted_noun,
    discussion,
    epoch_date,
    text_field,
    whole_number,
)
from translator.readers.markup import text_blocks

__all__ = ["looks_like_facebook", "read_entries", "read_facebook"]

HINT = (
    "give a file of a Facebook export, JSON or HTML: its posts (your_posts_1), comments (comments) or a Messenger "
    "conversation (message_1)"
)
POST_LISTS = ("group_posts_v2", "status_updates_v2", "posts_v2")
"""Keys under which an export's file lists posts (others are a bare list)."""
COMMENT_LISTS = ("comments_v2", "group_comments_v2", "comments")
"""Keys under which an export's file lists the writer's comments."""


def _is_entry(value: Any) -> bool:
    """Whether a JSON value is an entry of the export: a whole-number `timestamp` and `data` items (objects:
    `{"post": ...}`, `{"comment": {...}}`, `{"update_timestamp": ...}`), or attachments alone."""
    entry = as_dict(value)
    stamp = entry.get("timestamp")
    if isinstance(stamp, bool) or not isinstance(stamp, int):
        return False
    items = entry.get("data")
    if isinstance(items, list):  # other keys beside them are let be: the export adds kinds of data over time
        return all(isinstance(item, dict) for item in items) and (
            bool(items) or isinstance(entry.get("attachments"), list)
        )
    return items is None and isinstance(entry.get("attachments"), list)


def _is_message(value: Any) -> bool:
    """Whether a JSON value is a message of a Messenger (or Instagram) conversation: its sender and time."""
    message = as_dict(value)
    return "sender_name" in message and whole_number(message.get("timestamp_ms")) is not None


def _entries(data: Any) -> tuple[str, list[Any]] | None:
    """What a file of the export lists (`posts`, `comments` or `messages`) and its entries; None for other
    JSON."""
    holder = as_dict(data)
    messages = holder.get("messages")
    if isinstance(messages, list) and isinstance(holder.get("participants"), list):
        return ("messages", messages) if messages and all(map(_is_message, messages)) else None
    if isinstance(data, list):
        entries, kind = data, "posts"
    else:
        holder = as_dict(data)
        key = next((key for key in (*POST_LISTS, *COMMENT_LISTS) if isinstance(holder.get(key), list)), None)
        if key is None or len(holder) > 3:
            return None
        entries, kind = holder[key], "comments" if key in COMMENT_LISTS else "posts"
    if not entries or not all(_is_entry(entry) for entry in entries):
        return None
    said = [item for entry in entries for item in as_list(as_dict(entry).get("data"))]
    titled = all(text_field(as_dict(entry).get("title")) and "attachments" in entry for entry in entries)
    if not titled and not any("post" in item or "comment" in item for item in said):
        return None  # timestamps alone: nothing says it is Facebook's
    return kind, entries


def looks_like_facebook(data: Any) -> bool:
    """Whether parsed JSON is a file of Facebook's "Download your information" export: a list of posts, or
    an object listing comments (`comments_v2`) or a group's posts (`group_posts_v2`)."""
    return _entries(data) is not None


def read_facebook(data: Any) -> Reading:
    """The threads of a Facebook export's file: a thread per post, or one thread of the writer's comments;
    InputError for other JSON, or an export with no words."""
    found = _entries(data)
    if found is None:
        raise InputError("this JSON is not a file of Facebook's export (its posts or comments)", HINT)
    kind, entries = found
    return read_entries(kind, entries, text_field(as_dict(data).get("title")) or "")


def read_entries(kind: str, entries: list[Any], title: str = "") -> Reading:
    """The threads of a file's entries in the JSON form's shapes: `posts` (a thread each), `comments` (one
    thread) or `messages` (one thread titled `title`). The HTML form's reader (readers.facebook_html) hands
    its entries here in these shapes, so that both forms of the export read alike."""
    if kind == "messages":
        return _conversation(title, entries)
    return _posts(entries) if kind == "posts" else _comments(entries)


def _texts(entry: dict[str, Any], field: str) -> list[str]:
    """The texts an entry's `data` holds under `field` (`post`; a comment's `comment.comment`)."""
    texts = []
    for item in as_list(entry.get("data")):
        value = as_dict(item).get(field)
        value = as_dict(value).get("comment") if field == "comment" else value
        if text := text_field(value):
            texts.append(text)
    return texts


def _attachments(entry: dict[str, Any], said: str) -> tuple[list[str], list[str]]:
    """An entry's attachments: the links it shares (`external_context.url`), and the captions of its
    photos and videos (`media.description`) that the post's text does not already say."""
    links: list[str] = []
    captions: list[str] = []
    for attachment in as_list(entry.get("attachments")):
        for item in as_list(as_dict(attachment).get("data")):
            item = as_dict(item)
            if (link := text_field(as_dict(item.get("external_context")).get("url"))) and link not in links:
                links.append(link.strip())
            caption = text_field(as_dict(item.get("media")).get("description"))
            if caption and caption.strip() not in said and caption not in captions:
                captions.append(caption)
    return links, captions


def _posts(entries: list[Any]) -> Reading:
    """A thread per post with words or a link, in the file's order (newest first, as Facebook writes it)."""
    threads: list[Thread] = []
    empty = 0
    for entry in entries:
        entry = as_dict(entry)
        texts = _texts(entry, "post")
        links, captions = _attachments(entry, "\n".join(texts))
        body: list[BlockSpec] = [spec for text in (*texts, *captions) for spec in text_blocks(text)]
        body += [("source", link, None, None) for link in links]
        if not body:
            empty += 1
            continue
        threads.append(discussion("facebook", "", body, date=epoch_date(entry.get("timestamp"))))
    if not threads:
        said = "its post holds" if len(entries) == 1 else f"its {len(entries):,} posts hold"
        raise InputError(f"this Facebook export of posts holds no words to read: {said} no words and no link", HINT)
    warnings = [
        f"this is a Facebook export of {len(threads):,} of your posts, a thread for each: Facebook's export holds "
        "nobody's comments under them"
    ]
    if empty:
        warnings.append(
            f"{counted_noun(empty, 'post')} without words or a link (a photo, a check-in) {_were(empty)} left out"
        )
    return Reading(tuple(threads), tuple(warnings))


def _comments(entries: list[Any]) -> Reading:
    """The writer's comments as one thread, flat, in time order: the posts they answer are not in the export."""
    comments: list[RawComment] = []
    for number, entry in enumerate(_oldest_first(entries, "timestamp")):
        item = next((as_dict(as_dict(i).get("comment")) for i in as_list(entry.get("data")) if "comment" in i), {})
        texts = _texts(entry, "comment")
        links, _ = _attachments(entry, "")
        specs: list[BlockSpec] = [spec for text in texts for spec in text_blocks(text)]
        specs += [("source", link, None, None) for link in links]
        comments.append(
            RawComment(
                key=str(number),
                parent_key=None,
                author=text_field(item.get("author")),
                specs=specs,
                date=epoch_date(item.get("timestamp", entry.get("timestamp"))),
                skipped=not specs,  # a sticker or a photo alone
            )
        )
    posts, left = _flat(comments, "this Facebook export of comments", "comment")
    warnings = [
        f"this is a Facebook export of {len(posts):,} of your comments, each on a post the export does not "
        "hold: read as one thread of flat comments"
    ]
    if left:
        warnings.append(f"{counted_noun(left, 'comment')} without words (a sticker, a photo) {_were(left)} left out")
    return Reading((discussion("facebook", "", [], posts),), tuple(warnings))


def _flat(comments: list[RawComment], what: str, noun: str) -> tuple[tuple[Post, ...], int]:
    """Comments as a flat list of posts in time order, and how many were left out for holding no words;
    refused when none holds any (`what` names the file, `noun` what it lists)."""
    comments.sort(key=lambda comment: comment.date.timestamp() if comment.date else 0)
    posts = comment_tree(comments).posts
    if not posts:
        said = f"its {noun} holds" if len(comments) == 1 else f"its {len(comments):,} {noun}s hold"
        raise InputError(f"{what} holds no words to read: {said} none", HINT)
    return posts, len(comments) - len(posts)


def _were(count: int) -> str:
    return "was" if count == 1 else "were"


def _oldest_first(entries: list[Any], field: str) -> list[dict[str, Any]]:
    """The export's entries (objects) in time order by their whole-number `field`, to the second or the
    millisecond: the file lists them newest first, and entries of the same minute (a chat's quick replies)
    must not come out reversed once dates are kept to the minute. Entries without a time stay where they are."""
    ordered = [as_dict(entry) for entry in reversed(entries)]
    if all(whole_number(entry.get(field)) is not None for entry in ordered):
        ordered.sort(key=lambda entry: whole_number(entry.get(field)) or 0)
    return ordered


def _conversation(title: str, messages: list[Any]) -> Reading:
    """A Messenger (or Instagram) conversation, `messages/inbox/NAME/message_1.json`: its messages as flat
    comments in time order (the file lists them newest first), each by its sender; its title the thread's.
    A message without words (a photo, a sticker, a call, an unsent message) is counted and left out."""
    comments = [
        RawComment(
            key=str(number),
            parent_key=None,
            author=text_field(message.get("sender_name")),
            specs=text_blocks(text) if (text := text_field(message.get("content"))) else [],
            date=None if (stamp := whole_number(message.get("timestamp_ms"))) is None else epoch_date(stamp // 1000),
            skipped=not text_field(message.get("content")) or message.get("is_unsent") is True,
        )
        for number, message in enumerate(_oldest_first(messages, "timestamp_ms"))
    ]
    posts, left = _flat(comments, "this Messenger conversation", "message")
    warnings = [
        f"this is a Messenger conversation of {counted_noun(len(posts), 'message')}: read as one thread of flat "
        "comments (replies are not linked in the export)"
    ]
    if left:
        warnings.append(
            f"{counted_noun(left, 'message')} without words (a photo, a sticker, a call) {_were(left)} left out"
        )
    return Reading((discussion("facebook", title, [], posts),), tuple(warnings))
