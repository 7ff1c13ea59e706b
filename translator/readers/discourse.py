"""Read a Discourse topic: `/t/ID.json` (the topic with the first page of its posts) or `/t/ID/posts.json`.

Post 1 is the article; the others are comments, each replying to `reply_to_post_number` (a reply to a
post not in the file, or to post 1, is top-level). Posts are HTML ("cooked"): a quote of another post,
`<aside class="quote" data-username>`, becomes quote blocks with that author. Moderator notices and
small actions ("closed this topic"), and posts holding only images, are left out; their replies move
up to their parent. A deleted post stays, empty, where someone replied to it.
"""

from __future__ import annotations

import re
from typing import Any

from translator.errors import InputError
from translator.models import Votes
from translator.readers.common import (
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    discussion,
    iso_date,
    text_field,
    whole_number,
)
from translator.readers.markup import MarkupRules, html_blocks, html_text

HINT = "give the JSON of a Discourse topic (/t/ID.json) or of its posts (/t/ID/posts.json)"
# post_type: 1 regular, 2 moderator action, 3 small action ("closed this topic"), 4 whisper.
NOTICE_TYPES = frozenset({2, 3})
LIKE_ACTION = 2
SLUG_SEPARATORS = re.compile(r"[-_]+")


def _widget(element: Any) -> bool:
    """Image widgets and link previews: the file name and size under a picture, a onebox of another site."""
    classes = set((element.get("class") or "").split())
    return bool({"meta", "onebox"} & classes)


RULES = MarkupRules(skip=_widget)


def looks_like_discourse(data: Any) -> bool:
    """Whether parsed JSON is a Discourse topic or its posts: an object with `post_stream.posts`."""
    return isinstance(data, dict) and isinstance(as_dict(data.get("post_stream")).get("posts"), list)


def read_discourse(data: Any) -> Reading:
    """The topic of a Discourse JSON answer; InputError when the JSON is not one."""
    if not looks_like_discourse(data):
        raise InputError("this JSON is not a Discourse topic (no post_stream.posts)", HINT)
    posts = [post for post in data["post_stream"]["posts"] if isinstance(post, dict)]
    opening = next((post for post in posts if post.get("post_number") == 1), None)
    comments = [_comment(post) for post in posts if post is not opening]
    tree = comment_tree(comments, article_key="1")
    title = _title(data, posts)
    opening_post = opening or {}
    cooked = opening_post.get("cooked")
    thread = discussion(
        "discourse",
        title,
        html_blocks(cooked, RULES) if isinstance(cooked, str) else [],
        tree.posts,
        author=text_field(opening_post.get("username")),
        date=iso_date(opening_post.get("created_at", data.get("created_at"))),
        votes=_likes(opening_post),
    )
    warnings = []
    total = whole_number(data.get("posts_count")) or max(
        (whole_number(p.get("posts_count")) or 0 for p in posts), default=0
    )
    if total > len(posts):
        warnings.append(
            f"{total - len(posts):,} further posts of this topic are not in this file (it holds {len(posts)} of "
            f"{total}): only the posts in the file are read"
        )
    if opening is None:
        warnings.append("the topic's first post is not in this file: the article has its title only")
    return Reading((thread,), (*warnings, *tree.warnings))


def _comment(post: dict[str, Any]) -> RawComment:
    cooked = post.get("cooked")
    specs = html_blocks(cooked, RULES) if isinstance(cooked, str) else []
    deleted = post.get("deleted_at") is not None or post.get("user_deleted") is True
    reply_to = whole_number(post.get("reply_to_post_number"))
    return RawComment(
        key=str(post.get("post_number")),
        parent_key=str(reply_to) if reply_to is not None else None,
        author=text_field(post.get("username")),
        specs=specs,
        date=iso_date(post.get("created_at")),
        votes=_likes(post),
        deleted=deleted,
        skipped=whole_number(post.get("post_type")) in NOTICE_TYPES or (not specs and not deleted),
    )


def _likes(post: dict[str, Any]) -> Votes | None:
    """The likes of a post, from its `actions_summary`, as votes for."""
    for action in as_list(post.get("actions_summary")):
        action = as_dict(action)
        if action.get("id") == LIKE_ACTION and (count := whole_number(action.get("count"))) is not None:
            return Votes(up=count, down=0)
    return None


def _title(data: dict[str, Any], posts: list[dict[str, Any]]) -> str:
    """The topic title; posts.json has none, only the slug, which is the title in lower case and dashes."""
    title = text_field(data.get("title")) or (
        html_text(data["fancy_title"]) if text_field(data.get("fancy_title")) else None
    )
    if title:
        return title
    slug = text_field(data.get("slug")) or next(
        (text_field(p.get("topic_slug")) for p in posts if p.get("topic_slug")), None
    )
    words = SLUG_SEPARATORS.sub(" ", slug or "").strip()
    return words[:1].upper() + words[1:]
