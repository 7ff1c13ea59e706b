"""Read what the Blogger API (v3) answers: posts and pages with their comments, as JSON.

Its resources name their kind: `blogger#post` (a post; `posts.get` with `maxComments` carries its comments
in `replies.items`), `blogger#page`, `blogger#comment`, the lists of each (`blogger#postList`,
`blogger#pageList`, `blogger#commentList`: `items`, and `nextPageToken` when there are more pages) and
`blogger#blog` (`blogs.get` with `maxPosts`: the blog's name, address and `posts.items`). A file holds one
of them, or several in one JSON array (a post and its comments: `[post, commentList]`).

Each post and page is a thread, its comments under it in date order, nested by `inReplyTo`. Statuses are
Blogger's (given to the blog's administrators only): a post in the bin (`SOFT_TRASHED`) is left out, a
draft or scheduled post read with a warning naming it; a comment `PENDING` or `SPAM` is left out and
counted, one `EMPTIED` (its text removed; also one holding only Blogger's line for that) is a deleted
comment, kept empty where a reply answers it. A post whose comments the file holds fewer of than
`replies.totalItems` counts says how many are missing; comments whose post is not in the file are read
under an article of no text, saying so. A comment's address is its post's page, as Blogger links it.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from translator.errors import InputError
from translator.models import Thread
from translator.readers.common import (
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    digits_count,
    discussion,
    iso_date,
    text_field,
)
from translator.readers.markup import html_blocks

KIND_PREFIX = "blogger#"
POST_KINDS = frozenset({"blogger#post", "blogger#page"})
LIST_KINDS = frozenset({"blogger#postList", "blogger#pageList"})
HINT = (
    "give the JSON the Blogger API answers for a post (posts.get, with maxComments for its comments), a "
    "list of posts or pages, a post's comments (comments.list), or a blog (blogs.get with maxPosts); several "
    "of them as one JSON array"
)
# Comment statuses not shown on the blog (the API gives statuses to the blog's administrators only).
HIDDEN = frozenset({"pending", "spam"})


def looks_like_blogger_api(data: Any) -> bool:
    """Whether parsed JSON is what the Blogger API answers: a resource, or an array of them, whose `kind`
    is Blogger's."""
    documents = data if isinstance(data, list) else [data]
    return bool(documents) and all(
        isinstance(document, dict) and str(document.get("kind", "")).startswith(KIND_PREFIX) for document in documents
    )


def read_blogger_api(data: Any) -> Reading:
    """The posts and pages of Blogger API answers, each with its comments; InputError when they hold neither."""
    from translator.readers.blogger import (
        UNPUBLISHED,
        comment_address,
        left_out_warnings,
        milliseconds,
        removed_line,
        said_unpublished,
    )

    documents = [as_dict(document) for document in (data if isinstance(data, list) else [data])]
    posts: dict[str, dict[str, Any]] = {}
    comments: list[dict[str, Any]] = []
    site: str | None = None
    further: list[str] = []
    for document in documents:
        kind = document.get("kind")
        if kind == "blogger#blog":
            site = text_field(document.get("name")) or site
            listed = as_dict(document.get("posts"))
            _add_posts(posts, comments, as_list(listed.get("items")))
            if text_field(listed.get("nextPageToken")):
                further.append("posts")
        elif kind in POST_KINDS:
            _add_posts(posts, comments, [document])
        elif kind in LIST_KINDS:
            _add_posts(posts, comments, as_list(document.get("items")))
            if text_field(document.get("nextPageToken")):
                further.append("posts" if kind == "blogger#postList" else "pages")
        elif kind == "blogger#commentList":
            comments.extend(as_dict(item) for item in as_list(document.get("items")))
            if text_field(document.get("nextPageToken")):
                further.append("comments")
        elif kind == "blogger#comment":
            comments.append(document)
    if not posts and not comments:
        kinds = ", ".join(dict.fromkeys(str(document.get("kind")) for document in documents))
        raise InputError(f"this Blogger API answer ({kinds}) holds no post, page or comment", HINT)
    hidden = 0
    by_post: dict[str, list[RawComment]] = {}
    held: Counter[str] = Counter()  # comments in the file per post, whatever became of them: none is missing
    for index, comment in enumerate(comments):
        post_id = _id(comment.get("post")) or ""
        held[post_id] += 1
        status = (text_field(comment.get("status")) or "").lower()
        if status in HIDDEN:
            hidden += 1
            continue
        post_url = text_field(posts.get(post_id, {}).get("url"))
        number = text_field(comment.get("id")) or f"unnumbered-{index}"  # one key each, as the tree needs
        specs = html_blocks(text_field(comment.get("content")) or "")
        by_post.setdefault(post_id, []).append(
            RawComment(
                key=number,
                parent_key=_id(comment.get("inReplyTo")),
                author=_author(comment),
                specs=specs,
                date=_date(comment),
                url=comment_address(post_url, number, milliseconds(text_field(comment.get("published")))),
                deleted=status == "emptied" or not specs or removed_line(specs),
            )
        )
    threads: list[Thread] = []
    warnings: list[str] = []
    dropped = 0
    missing = 0
    for post_id, post in posts.items():
        thread_comments = by_post.pop(post_id, [])
        tree = comment_tree(sorted(thread_comments, key=lambda comment: comment.date or datetime.min))
        dropped += tree.dropped_deleted
        missing += max(0, (digits_count(as_dict(post.get("replies")).get("totalItems")) or 0) - held[post_id])
        threads.append(
            discussion(
                "feed",
                _title(post),
                html_blocks(text_field(post.get("content")) or ""),
                tree.posts,
                author=_author(post),
                date=_date(post),
                url=text_field(post.get("url")),
                site=site,
            )
        )
    for post_id, thread_comments in by_post.items():  # comments whose post the file does not hold
        tree = comment_tree(sorted(thread_comments, key=lambda comment: comment.date or datetime.min))
        dropped += tree.dropped_deleted
        threads.append(discussion("feed", "", [], tree.posts, site=site))
        warnings.append(
            f"post {post_id or '(not named)'} itself is not in this file, only its comments: save it too "
            "(posts.get), and give both as one JSON array"
        )
    if missing:
        warnings.append(
            f"{missing:,} comment{'' if missing == 1 else 's'} the posts count {'is' if missing == 1 else 'are'} "
            "not in this file (save each post's comments with comments.list, every page of them)"
        )
    warnings.extend(f"further pages of {what} are not in this file (nextPageToken)" for what in dict.fromkeys(further))
    warnings.extend(
        left_out_warnings(
            {"not shown on the blog (pending, spam)": hidden, "deleted or removed without replies": dropped}
        )
    )
    unpublished = [
        (status, f'"{_title(post)}"' if _title(post) else f"untitled (post {post_id})")
        for post_id, post in posts.items()
        if (status := (text_field(post.get("status")) or "").lower()) in UNPUBLISHED
    ]
    warnings.extend(said_unpublished(unpublished))
    return Reading(tuple(threads), tuple(warnings))


def _add_posts(posts: dict[str, dict[str, Any]], comments: list[dict[str, Any]], items: list[Any]) -> None:
    """Posts or pages, and the comments they carry (`replies.items`), added; those in the bin left out."""
    for item in items:
        post = as_dict(item)
        if not post or (text_field(post.get("status")) or "").lower() == "soft_trashed":
            continue
        post_id = text_field(post.get("id")) or f"unnumbered-{len(posts)}"
        posts.setdefault(post_id, post)
        for reply in as_list(as_dict(post.get("replies")).get("items")):
            reply = as_dict(reply)
            if reply:  # a post's own comments name it, or are taken to
                comments.append({**reply, "post": reply.get("post") or {"id": post_id}})


def _id(value: Any) -> str | None:
    """The `id` of a reference object (`{"id": "42"}`)."""
    return text_field(as_dict(value).get("id"))


def _title(post: dict[str, Any]) -> str:
    from translator.readers.feed import plain_title

    return plain_title(text_field(post.get("title")) or "")


def _author(resource: dict[str, Any]) -> str | None:
    name = text_field(as_dict(resource.get("author")).get("displayName"))
    return " ".join(name.split()) if name else None


def _date(resource: dict[str, Any]) -> datetime | None:
    return iso_date(resource.get("published")) or iso_date(resource.get("updated"))
