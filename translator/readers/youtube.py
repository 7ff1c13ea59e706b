"""Read the JSON of YouTube's Data API (v3) about a video's comments: its comment threads, replies and the video.

What it reads: a `commentThreads.list` answer (`youtube#commentThreadListResponse`: each item a top-level
comment, `snippet.topLevelComment`, with some of its replies, `replies.comments`), a `comments.list` answer
(`youtube#commentListResponse`: the replies of one comment, `parentId=ID`), a `videos.list` answer
(`youtube#videoListResponse`), or several of them in one JSON array (`[videos, commentThreads, comments...]`,
as the fediverse reader takes `[status, context]`; pages of one list merge). A saved watch page is another
input, read by the HTML reader (readers.html_engines).

The video is the article: its title the thread's title, its description the text (a line, a block), its
channel the writer, its likes its votes, `https://www.youtube.com/watch?v=ID` its address. Without the
video's own answer the article is only that address (a `source` block), with a warning saying what to save.
Comments are in time order (the API sorts by time, newest first, or by relevance), replies under their
top-level comment (YouTube nests one level: a reply to a reply names its writer with `@`); the writer is
`authorDisplayName` (an `@handle` since 2024), the date `publishedAt`, likes the votes, the address the
watch page's `&lc=ID`. A comment's text is `textOriginal` (the plain text as typed) when given, else
`textDisplay`, HTML (`<br>`, `<a>`, `<b>`) read as every comment's HTML is (readers.markup). Comments a
moderator has not published (`moderationStatus` held for review, likely spam, rejected: only their channel's
owner sees them) are kept, empty, only where a reply answers them, and counted. Comments of several videos (a
channel's, `allThreadsRelatedToChannelId`) make a thread per video.

What the file lacks is counted in one warning: the video's `commentCount` beyond the comments in the file,
else each comment's `totalReplyCount` beyond its replies in the file (commentThreads.list gives a few of
them; comments.list gives them all); a further page (`nextPageToken`) is reported when no count says so. An
error answer (comments turned off, quota spent) is refused, quoting it; another kind of answer (a search, a
playlist) is refused, saying what it is.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from translator.errors import InputError
from translator.models import Thread, Votes
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    counted_noun,
    digits_count,
    discussion,
    further_comments,
    iso_date,
    net_votes,
    text_field,
    whole_number,
)
from translator.readers.markup import HTML_SIGN, html_blocks, line_blocks

__all__ = ["looks_like_youtube", "read_youtube"]

WATCH = "https://www.youtube.com/watch?v="
SITE = "YouTube"
LIST_KINDS = frozenset(
    {
        "youtube#commentThreadListResponse",
        "youtube#commentListResponse",
        "youtube#videoListResponse",
    }
)
ITEM_KINDS = frozenset({"youtube#commentThread", "youtube#comment", "youtube#video"})
UNPUBLISHED = frozenset({"heldForReview", "likelySpam", "rejected"})
"""A comment's `moderationStatus` when it is not shown to viewers."""
HINT = (
    "give the JSON of YouTube's Data API: commentThreads.list?videoId=ID (with part=snippet,replies), "
    "comments.list?parentId=ID, and videos.list?id=ID for the video, alone or in one JSON array"
)


def _is_thread_list(value: Any) -> bool:
    """Whether a JSON value is a commentThreads.list answer saved without its `kind`: items of top-level comments."""
    items = as_dict(value).get("items")
    return (
        isinstance(items, list)
        and bool(items)
        and all("topLevelComment" in as_dict(as_dict(item).get("snippet")) for item in items)
    )


def _youtube_kind(value: Any) -> str | None:
    """The `kind` of one of YouTube's API answers or resources (`youtube#commentThreadListResponse`), or
    `youtube#commentThreadListResponse` for such an answer saved without it; None for other JSON."""
    holder = as_dict(value)
    kind = holder.get("kind")
    if isinstance(kind, str) and kind.startswith("youtube#") and len(kind) < 80:
        return kind
    return "youtube#commentThreadListResponse" if _is_thread_list(holder) else None


def _answers(data: Any) -> list[dict[str, Any]] | None:
    """The answers (or resources) a file holds, one or an array of them; None unless all are YouTube's."""
    parts = data if isinstance(data, list) else [data]
    if not parts or not all(_youtube_kind(part) is not None for part in parts):
        return None
    return [as_dict(part) for part in parts]


def _api_error(data: Any) -> str | None:
    """What an error answer of YouTube's API says (`403: The video ... has disabled comments.`): Google's
    `{"error": {"code", "message", "errors": [{"domain": "youtube.…", "reason"}]}}`; None for other JSON."""
    holder = as_dict(data)
    error = as_dict(holder.get("error"))
    errors = [as_dict(item) for item in as_list(error.get("errors"))]
    domains = [text_field(item.get("domain")) or "" for item in errors]
    if len(holder) != 1 or not any(domain.startswith("youtube") for domain in domains):
        return None
    said = [str(part) for part in (error.get("code"), text_field(error.get("message"))) if part is not None]
    reason = next((text_field(item.get("reason")) for item in errors if text_field(item.get("reason"))), None)
    return (": ".join(said) + (f" ({reason})" if reason else ""))[:240]


def looks_like_youtube(data: Any) -> bool:
    """Whether parsed JSON is one or several answers of YouTube's Data API (or its resources), or its error."""
    return _answers(data) is not None or _api_error(data) is not None


def read_youtube(data: Any) -> Reading:
    """The thread(s) of YouTube API answers about a video's comments: a thread per video."""
    if (error := _api_error(data)) is not None:
        raise InputError(f"this is YouTube's API answering an error ({error}), not comments", HINT)
    answers = _answers(data)
    if answers is None:
        raise InputError("this JSON is not an answer of YouTube's Data API", HINT)
    videos: dict[str, dict[str, Any]] = {}
    threads: list[dict[str, Any]] = []
    comments: list[dict[str, Any]] = []
    paged = False
    for answer in answers:
        kind = _youtube_kind(answer)
        items = [as_dict(item) for item in as_list(answer.get("items"))] if kind in LIST_KINDS else [answer]
        if kind not in LIST_KINDS and kind not in ITEM_KINDS:
            raise InputError(f"this is a YouTube API answer of another kind ({kind}), not a video's comments", HINT)
        paged = paged or text_field(answer.get("nextPageToken")) is not None
        for item in items:
            snippet = as_dict(item.get("snippet"))
            if item.get("kind") == "youtube#video" and (video_id := text_field(item.get("id"))):
                videos.setdefault(video_id, item)
            elif "topLevelComment" in snippet:
                threads.append(item)
            elif "textDisplay" in snippet or "textOriginal" in snippet:
                comments.append(item)
    return _reading(videos, threads, comments, paged)


def _reading(
    videos: dict[str, dict[str, Any]], threads: list[dict[str, Any]], comments: list[dict[str, Any]], paged: bool
) -> Reading:
    """A thread per video of the comments and videos the answers hold."""
    entries = _entries(threads, comments)
    replies_counted = {
        text_field(as_dict(as_dict(thread.get("snippet")).get("topLevelComment")).get("id")) or "": total
        for thread in threads
        if (total := whole_number(as_dict(thread.get("snippet")).get("totalReplyCount"))) is not None
    }
    video_of = {key: named for key, named, _, _ in entries if named is not None}
    known = list(dict.fromkeys([*videos, *video_of.values()]))
    by_video: dict[str | None, list[RawComment]] = {}
    for key, named, parent, resource in entries:
        # A reply from comments.list names no video: its parent's, else the file's only one.
        settled = named or video_of.get(parent or "") or (known[0] if len(known) == 1 else None)
        by_video.setdefault(settled, []).append(_comment(key, settled, parent, resource))
    if not videos and not by_video:
        raise InputError("these YouTube answers hold no comment and no video (comments off, or none yet)", HINT)
    warnings: list[str] = []
    page_counted = False
    out: list[Thread] = []
    for video_id in dict.fromkeys([*videos, *by_video]):
        raw = by_video.get(video_id, [])
        if all(comment.date is not None for comment in raw):  # the API sorts newest first, or by relevance
            raw.sort(key=lambda comment: comment.date or datetime.min)
        tree = comment_tree(raw)
        video = videos.get(video_id or "")
        out.append(_thread(video_id, video, tree.posts))
        counted = digits_count(as_dict(video.get("statistics")).get("commentCount")) if video else None
        if video is None:
            warnings.append(_without_video(video_id))
        elif not raw:
            said = f" of its {counted:,} comments" if counted else " of its comments"
            warnings.append(
                f"this YouTube video holds none{said}: save commentThreads.list?videoId={video_id}"
                "&part=snippet,replies too, and give both in one JSON array"
            )
        shown = sum(1 for comment in raw if not comment.deleted)
        if counted is not None and raw and counted > shown:
            page_counted = True
            detail = (
                f" (the video counts {counted:,}, the file holds {shown:,}: YouTube's API gives comments a page at "
                "a time, and a few replies of each)"
            )
            warnings.extend(further_comments(counted - shown, detail))
        else:
            replies = Counter(comment.parent_key for comment in raw if comment.parent_key is not None)
            missing = sum(
                max(replies_counted[comment.key] - replies[comment.key], 0)
                for comment in raw
                if comment.key in replies_counted
            )
            detail = (
                " (their comments count more replies than it holds: commentThreads.list gives a few replies of "
                "each comment, comments.list?parentId=ID gives them all)"
            )
            warnings.extend(further_comments(missing, detail))
        if gone := tree.dropped_deleted:
            warnings.append(
                f"{counted_noun(gone, 'comment')} not published (held for review, likely spam or rejected) without "
                f"replies {'was' if gone == 1 else 'were'} left out"
            )
    if paged and not page_counted:
        warnings.append(
            "this is one page of YouTube comments: further pages (nextPageToken) are not in this file, "
            "only the comments in the file are read"
        )
    return Reading(tuple(out), tuple(warnings))


def _entries(
    threads: list[dict[str, Any]], comments: list[dict[str, Any]]
) -> list[tuple[str, str | None, str | None, dict[str, Any]]]:
    """Every comment of the answers once (pages may overlap: the first is kept): its id, its video (when
    named), the id of the comment it answers, and the resource."""
    entries: list[tuple[str, str | None, str | None, dict[str, Any]]] = []
    for thread in threads:
        snippet = as_dict(thread.get("snippet"))
        top = as_dict(snippet.get("topLevelComment"))
        top_id = text_field(top.get("id")) or text_field(thread.get("id"))
        if top_id is None:
            continue
        video = text_field(snippet.get("videoId")) or text_field(as_dict(top.get("snippet")).get("videoId"))
        entries.append((top_id, video, None, top))
        for item in as_list(as_dict(thread.get("replies")).get("comments")):
            reply = as_dict(item)
            if reply_id := text_field(reply.get("id")):
                named = text_field(as_dict(reply.get("snippet")).get("videoId"))
                entries.append((reply_id, named or video, top_id, reply))
    for comment in comments:
        snippet = as_dict(comment.get("snippet"))
        if comment_id := text_field(comment.get("id")):
            entries.append(
                (comment_id, text_field(snippet.get("videoId")), text_field(snippet.get("parentId")), comment)
            )
    first: dict[str, tuple[str, str | None, str | None, dict[str, Any]]] = {}
    for entry in entries:
        first.setdefault(entry[0], entry)
    return list(first.values())


def _thread(video_id: str | None, video: dict[str, Any] | None, comments: tuple[Any, ...]) -> Thread:
    """The thread of a video: the video the article (its address alone when the file lacks it)."""
    url = f"{WATCH}{video_id}" if video_id else None
    if video is None:
        return discussion("youtube", "", [("source", url, None, None)] if url else [], comments, url=url, site=SITE)
    snippet = as_dict(video.get("snippet"))
    localized = as_dict(snippet.get("localized"))
    title = text_field(snippet.get("title")) or text_field(localized.get("title")) or ""
    description = text_field(snippet.get("description")) or text_field(localized.get("description")) or ""
    likes = digits_count(as_dict(video.get("statistics")).get("likeCount"))
    return discussion(
        "youtube",
        " ".join(title.split()),
        line_blocks(description),
        comments,
        author=text_field(snippet.get("channelTitle")),
        date=iso_date(snippet.get("publishedAt")),
        votes=Votes(up=likes, down=0) if likes is not None else None,
        url=url,
        site=SITE,
    )


def _without_video(video_id: str | None) -> str:
    """The warning for comments whose video's own answer is not in the file."""
    if video_id is None:
        return (
            "these YouTube comments name no video (comments.list gives replies without it): the article is empty; "
            "save commentThreads.list?videoId=ID or videos.list?id=ID with them, in one JSON array"
        )
    return (
        "these YouTube comments are not with their video's answer: the article is only the video's address, without "
        f"its title and description (save videos.list?id={video_id}&part=snippet,statistics too, and give both in "
        "one JSON array)"
    )


def _comment(key: str, video_id: str | None, parent: str | None, resource: dict[str, Any]) -> RawComment:
    """One comment resource (`youtube#comment`)."""
    snippet = as_dict(resource.get("snippet"))
    writer = text_field(as_dict(snippet.get("authorChannelId")).get("value"))
    channel = text_field(snippet.get("channelId"))
    status = snippet.get("moderationStatus")
    unpublished = isinstance(status, str) and status in UNPUBLISHED
    return RawComment(
        key=key,
        parent_key=parent,
        author=text_field(snippet.get("authorDisplayName")),
        role="OP" if writer is not None and writer == channel else None,  # the video's channel answering
        specs=[] if unpublished else _text(snippet),
        date=iso_date(snippet.get("publishedAt")),
        votes=net_votes(whole_number(snippet.get("likeCount"))),
        url=f"{WATCH}{video_id}&lc={key}" if video_id else None,
        deleted=unpublished,
    )


def _text(snippet: dict[str, Any]) -> list[BlockSpec]:
    """A comment's text: `textOriginal` as typed (a line, a block), else `textDisplay`, HTML unless asked for
    as plain text (`textFormat=plainText`)."""
    original = text_field(snippet.get("textOriginal"))
    if original is not None:
        return line_blocks(original)
    shown = text_field(snippet.get("textDisplay")) or ""
    return html_blocks(shown) if HTML_SIGN.search(shown) else line_blocks(shown)
