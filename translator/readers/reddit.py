"""Read a Reddit thread: the JSON of a comments page (`.../comments/ID.json`), a pair of Listings.

The first Listing holds the submission (`t3`): its title, and its self text or, for a link post, the
link, make the article. The second holds the comment tree (`t1`, replies nested in `replies`). A comment
whose body is `[deleted]` or `[removed]` is kept as a deleted post where someone replied to it, so the
tree stays whole; an author `[deleted]` is an unknown author. Reddit sends a page of the comments and
"more" stubs for the rest: they are counted and reported, never invented.
"""

from __future__ import annotations

import html
from typing import Any

from translator.errors import InputError
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    discussion,
    epoch_date,
    further_comments,
    net_votes,
    text_field,
    whole_number,
)
from translator.readers.markup import html_blocks, text_blocks

REDDIT = "https://www.reddit.com"
GONE_BODIES = frozenset({"[deleted]", "[removed]"})
HINT = "give the .json of a Reddit comments page (the URL of the thread with .json at the end)"


def looks_like_reddit(data: Any) -> bool:
    """Whether parsed JSON is a Reddit comments page: two Listings, the first holding a submission."""
    return (
        isinstance(data, list)
        and len(data) == 2
        and all(as_dict(listing).get("kind") == "Listing" for listing in data)
        and any(as_dict(child).get("kind") == "t3" for child in _children(data[0]))
    )


def read_reddit(data: Any) -> Reading:
    """The thread of a Reddit comments page; InputError when the JSON is not one."""
    if not looks_like_reddit(data):
        raise InputError("this JSON is not a Reddit thread (expected two Listings, the first with a post)", HINT)
    submission = next(as_dict(child.get("data")) for child in _children(data[0]) if as_dict(child).get("kind") == "t3")
    permalink = text_field(submission.get("permalink"))
    thread_url = REDDIT + permalink if permalink and permalink.startswith("/") else None
    comments, stubs, hidden = _comments(_children(data[1]), thread_url)
    tree = comment_tree(comments, article_key=text_field(submission.get("name")))
    title = text_field(submission.get("title")) or ""
    subreddit = text_field(submission.get("subreddit_name_prefixed")) or (
        f"r/{submission['subreddit']}" if text_field(submission.get("subreddit")) else None
    )
    thread = discussion(
        "reddit",
        title,
        _submission_body(submission),
        tree.posts,
        author=_author(submission),
        date=epoch_date(submission.get("created_utc")),
        votes=net_votes(submission.get("score")),
        url=thread_url,
        site=subreddit,
    )
    total = whole_number(submission.get("num_comments"))
    further = total - len(comments) if total is not None and total > len(comments) else hidden
    stubs_sent = f" (Reddit sent {stubs:,} 'load more' stubs in their place)"
    return Reading((thread,), (*(further_comments(further, stubs_sent) if stubs else ()), *tree.warnings))


def _children(listing: Any) -> list[Any]:
    return as_list(as_dict(as_dict(listing).get("data")).get("children"))


def _comments(top_level: list[Any], thread_url: str | None) -> tuple[list[RawComment], int, int]:
    """Comments in page order (depth first, without recursion), with the count of "more" stubs and of
    the comments they stand for."""
    comments: list[RawComment] = []
    stubs = hidden = 0
    pending = list(reversed(top_level))
    while pending:
        child = as_dict(pending.pop())
        data = as_dict(child.get("data"))
        if child.get("kind") == "more":
            stubs += 1
            hidden += whole_number(data.get("count")) or 0
            continue
        if child.get("kind") != "t1":
            continue
        key = text_field(data.get("name")) or f"t1_{data.get('id')}"
        comment_id = text_field(data.get("id"))
        body = data.get("body")
        comments.append(
            RawComment(
                key=key,
                parent_key=text_field(data.get("parent_id")),
                author=_author(data),
                specs=_body(data.get("body_html"), body),
                date=epoch_date(data.get("created_utc")),
                votes=None if data.get("score_hidden") is True else net_votes(data.get("score")),
                url=f"{thread_url}{comment_id}/" if thread_url and comment_id else None,
                deleted=isinstance(body, str) and body.strip() in GONE_BODIES,
            )
        )
        pending.extend(reversed(_children(data.get("replies"))))
    return comments, stubs, hidden


def _author(data: dict[str, Any]) -> str | None:
    author = text_field(data.get("author"))
    return None if author is None or author == "[deleted]" else author


def _body(rendered: Any, source: Any) -> list[BlockSpec]:
    """A body from Reddit's rendered HTML (sent entity-escaped), else from its Markdown source as text."""
    if isinstance(rendered, str) and rendered.strip():
        return html_blocks(html.unescape(rendered))
    return text_blocks(source) if isinstance(source, str) else []


def _submission_body(submission: dict[str, Any]) -> list[BlockSpec]:
    """The self text of a text post, or the link of a link post."""
    selftext = submission.get("selftext")
    if isinstance(selftext, str) and selftext.strip() in GONE_BODIES:
        return []
    specs = _body(submission.get("selftext_html"), selftext)
    link = text_field(submission.get("url"))
    if not specs and submission.get("is_self") is not True and link:
        specs = [("source", link.strip(), None, None)]
    return specs
