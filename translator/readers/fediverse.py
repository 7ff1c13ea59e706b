"""Read the JSON of fediverse threads: Mastodon's statuses and their context, Lemmy's posts and comments.

Mastodon (and the servers that speak its API: Pleroma, Akkoma, GoToSocial...): a status
(`/api/v1/statuses/ID`), a list of statuses, or a status's context (`/api/v1/statuses/ID/context`:
`{"ancestors": [...], "descendants": [...]}`, which holds what comes before and after the status but not
the status itself; a JSON array of the status and its context gives both). The first status of the
thread (no `in_reply_to_id` among them) is the article, the others its replies in time order, nested by
`in_reply_to_id`; a content warning (`spoiler_text`) is read before the text; the writer is the
account's `acct`, favourites are votes. A context lacks its own status: replies to it go to the top, with
a warning naming it and what to save.

Lemmy: a post (`/api/v3/post?id=N`: `{"post_view": ...}`), its comments (`/api/v3/comment/list?post_id=N`:
`{"comments": [...]}`, each naming its post), or both in one object. A post is the article (its `name`
the title, its Markdown `body` the text, its `url` a source block), the comments in time order (the API
sorts them by "hot") nested by their `path`
(`0.12.34`: 34 answers 12), deleted and removed ones kept only where a kept one answers them. Comments on
several posts (a user's comments) make a thread per post. A post alone, and comments alone, say in a
warning what the file lacks; a user's page (`/api/v3/user`: their comments and posts) is read for its
comments, a thread per post, saying so. A list of posts (`/api/v3/post/list`: a community's page) is no thread and is
refused, saying so. Lemmy 0.20+ (API v4, `/api/v4/...`) reads the same: its pages hold their views in `items`
(a further page, `next_page`, is reported), counts sit in the post or comment itself, dates are
`published_at`, a slim comment view names its post by `post_id` only, and a person's content (posts and
comments in one page) is read as a user's page. Writers' roles: `OP` (the post's writer), `admin`,
`moderator`; a writer from another instance is `name@server` (as Mastodon's `acct`), and a writer is named
by that handle only, never by the `display_name` they chose (as Mastodon's `acct` stands for its
`display_name`, Discourse's `username` for its `name`: a handle is one writer's, a display name may change
and be shared). Votes are Lemmy's
upvotes and downvotes, each kept (its net score only when they are not given). A deleted or removed post
keeps its title only; one Lemmy purged (its title and text overwritten with `*Permanently Deleted*`) is an
empty, deleted article, and a comment so overwritten a deleted comment. A post whose comments the file holds
fewer of than the post counts (one page of a paginated fetch) says how many are missing: the count is in the
post's own answer, and in v4 also in the post each comment view carries (a comment page saved alone); v3's
comment views and v4's slim ones carry no count, and a user's page holds only their comments: nothing to
compare there.

Mbin and /kbin: an entry (`/api/entry/ID`: title, Markdown body, link) and its comments
(`/api/entry/ID/comments`: `{"items": [...], "pagination": ...}`, replies nested in `children`, or
pointing to their `parentId`), alone or as `{"entry": ..., "items": [...]}`; comments no longer visible
(their `visibility` not `visible`) are kept only where a visible one answers them. A writer from another
instance is `name@server`, as Lemmy's (Mbin's own `username` for one is `@name@server`). A Mastodon timeline
(statuses of several threads) is refused, saying so.

ActivityPub: an object a server gives other servers (a post's address fetched as `application/activity+json`:
a `Note`, Lemmy's `Page`, an `Article`) is one post: read as the article (its `name`, its HTML `content`,
its writer the last part of `attributedTo`), with a warning that its replies are only addresses there; a
collection (an outbox, a replies page) is refused, saying so.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from translator.errors import InputError
from translator.models import Thread, Votes
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    discussion,
    further_comments,
    iso_date,
    net_votes,
    role_of,
    text_field,
    whole_number,
)
from translator.readers.markup import html_blocks

__all__ = ["looks_like_fediverse", "read_fediverse"]

# What Lemmy writes over the title, text and comments of a writer who deleted their account, and over
# deleted content a month on (its DELETED_REPLACEMENT_TEXT).
PERMANENTLY_DELETED = "*Permanently Deleted*"
# A fence of Lemmy's spoiler container: `::: spoiler TITLE` opens it, `:::` closes it.
LEMMY_CONTAINER = re.compile(r"^[ \t]{0,3}:::[ \t]*(?:spoiler\b[ \t]*(?P<title>[^\n]{0,300}))?[ \t]*$", re.MULTILINE)
# The "RE: address" paragraph Mastodon writes before a quote post's text for servers that show no quotes.
# Misskey and its kin write it as a `<span>`.
QUOTE_FALLBACK = re.compile(r"<(p|span)\s+class=\"quote-inline\"[^>]{0,200}>.{0,3000}?</\1>", re.IGNORECASE | re.DOTALL)
HINT = (
    "give a Mastodon status, list of statuses or context (/api/v1/statuses/ID/context), "
    "or a Lemmy post (/api/v3/post?id=N) or its comments (/api/v3/comment/list?post_id=N)"
)


def _is_status(value: Any) -> bool:
    """Whether a JSON value is a Mastodon status: an id, its HTML content, its account (with `acct`)."""
    status = as_dict(value)
    return (
        "id" in status
        and isinstance(status.get("content"), str)
        and "acct" in as_dict(status.get("account"))
        and "in_reply_to_id" in status
    )


def _is_context(data: Any) -> bool:
    context = as_dict(data)
    lists = [as_list(context.get(key)) for key in ("ancestors", "descendants")]
    return (
        set(context) >= {"ancestors", "descendants"}
        and all(isinstance(context.get(key), list) for key in ("ancestors", "descendants"))
        and all(_is_status(status) for statuses in lists for status in statuses)
    )


def _is_comment_view(value: Any) -> bool:
    """Whether a JSON value is one of Lemmy's comment views: its comment (with a `path`), creator and post
    (v4's slim view, `/api/v4/comment/list/slim`, names its post by `post_id` only)."""
    view = as_dict(value)
    comment = as_dict(view.get("comment"))
    return "path" in comment and ("name" in as_dict(view.get("post")) or "post_id" in comment)


def _is_post_view(value: Any) -> bool:
    """Whether a JSON value is one of Lemmy's post views: its post (a title and its address) and creator."""
    post = as_dict(as_dict(value).get("post"))
    return "name" in post and "ap_id" in post


def _lemmy_v4(data: Any) -> dict[str, Any] | None:
    """A Lemmy 0.20+ (API v4) answer in the shape of v3's: its pages (`/api/v4/comment/list`,
    `/api/v4/post/list`, a person's content) hold their views in `items` (with `next_page`), where v3
    named them `comments` or `posts`; a person's content mixes posts and comments (each tagged by
    `type_`). One comment (`/api/v3/comment?id=N`, v4 alike: `{"comment_view": ...}`) reads as a list of one.
    None for other JSON (Mbin's pages hold `items` too)."""
    holder = as_dict(data)
    if _is_comment_view(holder.get("comment_view")) and "comments" not in holder:  # one comment (`/comment?id=N`)
        return {
            **{key: value for key, value in holder.items() if key != "comment_view"},
            "comments": [holder["comment_view"]],
        }
    items = holder.get("items")
    if not isinstance(items, list) or not items or "comments" in holder or "posts" in holder:
        return None
    comments = [item for item in items if _is_comment_view(item)]
    posts = [item for item in items if not _is_comment_view(item) and _is_post_view(item)]
    if len(comments) + len(posts) != len(items):
        return None
    shaped = {key: value for key, value in holder.items() if key != "items"}
    if comments:
        shaped["comments"] = comments
    if posts:
        shaped["posts"] = posts
    if comments and posts:  # a person's content: read for its comments, as v3's user page
        shaped.setdefault("person_view", {"person": {"name": _person_of(comments)}})
    return shaped


def _person_of(comments: list[Any]) -> str:
    """The writer of a person's comments (all theirs), or `this person` when they do not agree."""
    names = {text_field(as_dict(as_dict(view).get("creator")).get("name")) for view in comments}
    return (next(iter(names)) or "this person") if len(names) == 1 else "this person"


def _is_mbin_entry(value: Any) -> bool:
    entry = as_dict(value)
    return "entryId" in entry and "title" in entry and "magazine" in entry


def _is_mbin_comment(value: Any) -> bool:
    comment = as_dict(value)
    return "commentId" in comment and "entryId" in comment


def _mbin_shape(data: Any) -> bool:
    holder = as_dict(data)
    items = holder.get("items")
    comments = isinstance(items, list) and bool(items) and all(_is_mbin_comment(item) for item in items)
    return _is_mbin_entry(data) or comments or (_is_mbin_entry(holder.get("entry")) and isinstance(items, list))


def _lemmy_post_list(data: Any) -> int | None:
    """How many posts a Lemmy post list (`/api/v3/post/list`: `{"posts": [post views]}`) holds; None for
    other JSON."""
    holder = _lemmy_v4(data) or as_dict(data)
    posts = holder.get("posts")
    if not isinstance(posts, list) or not posts or "comments" in holder:  # a user's page has both
        return None
    return len(posts) if all("ap_id" in as_dict(as_dict(view).get("post")) for view in posts) else None


AP_POSTS = frozenset({"Note", "Page", "Article", "Question"})
AP_COLLECTIONS = frozenset({"Collection", "OrderedCollection", "CollectionPage", "OrderedCollectionPage"})


def _activitypub(data: Any) -> str | None:
    """The type of an ActivityPub object (`Note`, `OrderedCollection`): JSON whose `@context` names the
    ActivityStreams vocabulary; None for other JSON."""
    holder = as_dict(data)
    context = holder.get("@context")
    named = [context] if isinstance(context, str) else [item for item in as_list(context) if isinstance(item, str)]
    kind = holder.get("type")
    if not any("www.w3.org/ns/activitystreams" in name for name in named) or not isinstance(kind, str):
        return None
    return kind[:40]


def looks_like_fediverse(data: Any) -> bool:
    """Whether parsed JSON is a Mastodon status, list of statuses or context, a Lemmy post or comments (or
    a list of posts, refused), an Mbin entry or its comments."""
    if _mbin_shape(data) or _lemmy_post_list(data) is not None or _activitypub(data) is not None:
        return True
    data = _lemmy_v4(data) or data
    if isinstance(data, list):  # statuses, and contexts beside them (a status saved with its context)
        return bool(data) and all(_is_status(item) or _is_context(item) for item in data)
    if _is_status(data) or _is_context(data):
        return True
    holder = as_dict(data)
    comments = holder.get("comments")
    if _is_post_view(holder.get("post_view")):
        return True
    return isinstance(comments, list) and bool(comments) and all(_is_comment_view(view) for view in comments)


def read_fediverse(data: Any) -> Reading:
    """The thread(s) of a Mastodon or Lemmy JSON answer; InputError for another shape."""
    if not looks_like_fediverse(data):
        raise InputError("this JSON is not a Mastodon or Lemmy thread", HINT)
    if (kind := _activitypub(data)) is not None:
        return _activitypub_post(data, kind)
    if _mbin_shape(data):
        return _mbin(data)
    if (listed := _lemmy_post_list(data)) is not None:
        raise InputError(
            f"this is a Lemmy list of {listed:,} posts (a community's or the front page), not a thread",
            "save one post (/api/v3/post?id=N) and its comments (/api/v3/comment/list?post_id=N)",
        )
    if isinstance(data, list) or _is_status(data) or _is_context(data):
        return _mastodon(data)
    return _lemmy(_lemmy_v4(data) or data)


def _mastodon(data: Any) -> Reading:
    """A Mastodon thread: its first status the article, the rest nested by what they answer."""
    context = not isinstance(data, list) and not _is_status(data)
    statuses: list[dict[str, Any]] = []
    for item in [data] if not isinstance(data, list) else data:
        if _is_status(item):
            statuses.append(item)
        else:
            statuses.extend([*as_list(item.get("ancestors")), *as_list(item.get("descendants"))])
    unique = list({str(status.get("id")): status for status in statuses}.values())
    dates = [iso_date(status.get("created_at")) for status in unique]
    if all(dates):  # a list saved in any order (newest first, as timelines are): read in time order
        unique = [status for _, status in sorted(zip(dates, unique, strict=True), key=lambda pair: pair[0] or 0)]
    ids = {str(status.get("id")) for status in unique}
    roots = [status for status in unique if str(status.get("in_reply_to_id")) not in ids]
    if sum(1 for status in roots if status.get("in_reply_to_id") is None) > 1:
        raise InputError(
            f"this is a Mastodon timeline ({len(unique):,} statuses of several threads), not one thread",
            "save one status (/api/v1/statuses/ID) and its context (/api/v1/statuses/ID/context) in one JSON array",
        )
    if not unique:
        raise InputError("this Mastodon context holds no status (the post has no replies and answers none)", HINT)
    opening = roots[0] if not context or as_list(data.get("ancestors")) else None
    comments = [_status_comment(status) for status in unique if status is not opening]
    tree = comment_tree(comments, str(opening.get("id")) if opening else None)
    warnings: list[str] = []
    missing = sorted({str(status.get("in_reply_to_id")) for status in roots if status.get("in_reply_to_id")})
    if context:
        focus = next((status_id for status_id in missing if opening is None or status_id != opening.get("id")), None)
        said = f" ({focus})" if focus else ""
        warnings.append(
            f"a Mastodon context holds the posts before and after a post, not the post itself{said}: "
            f"{'the article is empty and ' if opening is None else ''}its replies are top-level; save "
            "/api/v1/statuses/ID too and give both in one JSON array: [status, context]"
        )
    elif len(roots) > 1:
        warnings.append(f"{len(roots) - 1:,} statuses answer posts not in this file: they are top-level")
    if opening is None:
        thread = discussion("fediverse", "", [], tree.posts, site=_host(comments[0].url if comments else None))
    else:
        url = text_field(opening.get("url")) or text_field(opening.get("uri"))
        thread = discussion(
            "fediverse",
            "",
            _status_blocks(opening),
            tree.posts,
            author=_acct(opening),
            date=iso_date(opening.get("created_at")),
            votes=net_votes(opening.get("favourites_count")),
            url=url,
            site=_host(url),
        )
    return Reading((thread,), (*warnings, *tree.warnings))


def _status_comment(status: dict[str, Any]) -> RawComment:
    parent = status.get("in_reply_to_id")
    return RawComment(
        key=str(status.get("id")),
        parent_key=str(parent) if parent is not None else None,
        author=_acct(status),
        specs=_status_blocks(status),
        date=iso_date(status.get("created_at")),
        votes=net_votes(status.get("favourites_count")),
        url=text_field(status.get("url")) or text_field(status.get("uri")),
    )


def _status_blocks(status: dict[str, Any]) -> list[BlockSpec]:
    """A status's text: its content warning (`spoiler_text`), then its HTML content; a boost's, its original's.
    A quote post's quoted status (Mastodon 4.4+: `quote.quoted_status`; Akkoma and Fedibird: `quote`, the
    status itself) follows as quote blocks of its writer, and the "RE: address" line Mastodon writes into
    the content for servers that show no quotes (`<p class="quote-inline">`) goes: the quote says it. The
    descriptions of its media and its poll's options follow the text."""
    status = as_dict(status.get("reblog")) or status
    warning = text_field(status.get("spoiler_text"))
    specs: list[BlockSpec] = [("paragraph", " ".join(warning.split()), None, None)] if warning else []
    content = text_field(status.get("content")) or ""
    quoted = _quoted_status(status)
    quote: list[BlockSpec] = []
    if quoted is not None:
        content = QUOTE_FALLBACK.sub("", content)
        said = [text for kind, text, _, _ in _status_blocks({**quoted, "quote": None}) if kind != "source"]
        quote = [("quote", text, _acct(quoted), "matched") for text in said]
    return [*specs, *html_blocks(content), *_attached_texts(status), *quote]


def _attached_texts(status: dict[str, Any]) -> list[BlockSpec]:
    """Words a status carries besides its content: its pictures' and videos' descriptions (alt text) and
    its poll's options."""
    media = [text_field(as_dict(item).get("description")) for item in as_list(status.get("media_attachments"))]
    options = [
        text_field(as_dict(option).get("title")) for option in as_list(as_dict(status.get("poll")).get("options"))
    ]
    return [("paragraph", " ".join(text.split()), None, None) for text in (*media, *options) if text]


def _quoted_status(status: dict[str, Any]) -> dict[str, Any] | None:
    """The status a quote post quotes, when the file holds it (a quote whose `state` is not `accepted`,
    or Mastodon's shallow quote naming only `quoted_status_id`, holds none)."""
    quote = as_dict(status.get("quote"))
    quoted = as_dict(quote.get("quoted_status")) if "quoted_status" in quote else quote
    return quoted if _is_status(quoted) or (quoted and "content" in quoted and "account" in quoted) else None


def _acct(status: dict[str, Any]) -> str | None:
    """How a status's writer is known across servers: `name` on its own server, `name@server` elsewhere."""
    return text_field(as_dict(status.get("account")).get("acct"))


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url and "://" in url else None


def _lemmy(data: dict[str, Any]) -> Reading:
    """A Lemmy post and/or its comments: a thread per post. v3 and v4 (0.20+) alike: v4 moved the counts
    (`counts.score`) into the post and comment themselves (`score`) and renamed `published` to
    `published_at`."""
    post_view = as_dict(data.get("post_view"))
    views = [as_dict(view) for view in as_list(data.get("comments"))]
    posts: dict[str, dict[str, Any]] = {}
    writers: dict[str, dict[str, Any]] = {}
    if post := as_dict(post_view.get("post")):
        posts[str(post.get("id"))] = post
        writers[str(post.get("id"))] = post_view
    by_post: dict[str, list[RawComment]] = {key: [] for key in posts}
    for view in views:
        post = as_dict(view.get("post"))
        key = str(post.get("id") if post else as_dict(view.get("comment")).get("post_id"))
        posts.setdefault(key, post)
        by_post.setdefault(key, []).append(_lemmy_comment(view, posts[key]))
    threads: list[Thread] = []
    warnings: list[str] = []
    paged = False
    person = text_field(as_dict(as_dict(data.get("person_view")).get("person")).get("name"))
    for key, post in posts.items():
        comments = by_post[key]
        if all(comment.date is not None for comment in comments):  # the API sorts by "hot": read in time order
            comments.sort(key=lambda comment: comment.date or datetime.min)
        tree = comment_tree(comments)
        url = text_field(post.get("ap_id"))
        title = text_field(post.get("name")) or ""
        purged = PERMANENTLY_DELETED in (title.strip(), (text_field(post.get("body")) or "").strip())
        gone = purged or post.get("deleted") is True or post.get("removed") is True
        title = "" if title.strip() == PERMANENTLY_DELETED else title
        body = [] if gone else _lemmy_markdown(text_field(post.get("body")) or "")
        if (link := text_field(post.get("url"))) and not gone:
            body.append(("source", link.strip(), None, None))
        writer = writers.get(key, {})
        thread = discussion(
            "fediverse",
            title,
            body,
            tree.posts,
            author=_lemmy_writer(as_dict(writer.get("creator")), _host(url)),
            role=_lemmy_role(writer),
            date=iso_date(post.get("published", post.get("published_at"))),
            votes=_lemmy_votes(writer, post) if writer else None,
            url=url,
            site=_host(url),
        )
        if not thread.posts[0].blocks:  # nothing of the post is left: a deleted article, as a comment would be
            thread = replace(thread, posts=(replace(thread.posts[0], deleted=True), *thread.posts[1:]))
        threads.append(thread)
        if purged:
            over, rest = ("its text", "has its title only") if title else ("its title and text", "is empty")
            warnings.append(
                f"the Lemmy post was permanently deleted (Lemmy wrote {PERMANENTLY_DELETED} over {over}): "
                f"the article {rest}"
            )
        elif gone:
            warnings.append("the Lemmy post itself was deleted or removed: the article has its title only")
        warnings.extend(tree.warnings)
        # The post's count of its comments: in its own answer; else (v4) in the post each comment view carries,
        # unless the comments are one person's (a user's page holds theirs only). A v3 comment view's post and
        # a v4 slim view count nothing: there is nothing to compare with.
        counted = (
            whole_number(_lemmy_count(writer, post, "comments") if writer else post.get("comments"))
            if comments and (writer or not person)
            else None
        )
        shown = sum(1 for comment in comments if not comment.deleted)  # Lemmy counts neither deleted nor removed
        if counted is not None and counted > shown:
            paged = True
            detail = (
                f" (the post counts {counted:,}, the file holds {shown:,}: Lemmy's API gives them a page at a time)"
            )
            warnings.extend(further_comments(counted - shown, detail))
    if not views:
        said = _lemmy_count(post_view, as_dict(post_view.get("post")), "comments")
        count = f" of its {said:,} comments" if isinstance(said, int) and said > 0 else " of its comments"
        warnings.append(
            f"this Lemmy post holds none{count}: save /api/v3/comment/list?post_id=ID too, "
            'and give both in one object ({"post_view": ..., "comments": [...]})'
        )
    elif person:
        # A user's page (/api/v3/user?username=NAME): their comments, each with the post it is on.
        left = len(as_list(data.get("posts")))
        posts_left = f"; their {left:,} post{'s are' if left > 1 else ' is'} left out" if left else ""
        read = (
            "comments are read as a thread per post they are"
            if len(views) > 1
            else "comment is read as a thread of the post it is"
        )
        warnings.append(
            f"this is Lemmy user {person}'s page: their {len(views):,} {read} on, without the rest of each "
            f"thread{posts_left}"
        )
    elif not post_view:
        warnings.append(
            "these Lemmy comments name their post but not its writer (the post's own answer has it)"
            if all(text_field(post.get("name")) for post in posts.values())
            else "these Lemmy comments name their post by its number only, not its title or writer "
            "(the post's own answer, /api/v4/post?id=N, has them)"
        )
    if text_field(data.get("next_page")) and views and not paged:  # a count of what is missing says it already
        warnings.append(
            "this is one page of Lemmy comments: further pages (next_page) are not in this file, "
            "only the comments in the file are read"
        )
    return Reading(tuple(threads), tuple(warnings))


def _lemmy_votes(view: dict[str, Any], item: dict[str, Any]) -> Votes | None:
    """A post's or comment's votes as Lemmy counts them, for (`upvotes`) and against (`downvotes`) each kept;
    its net `score` when they are not both given."""
    up, down = (whole_number(_lemmy_count(view, item, name)) for name in ("upvotes", "downvotes"))
    if up is not None and down is not None:
        return Votes(up=up, down=down)
    return net_votes(_lemmy_count(view, item, "score"))


def _lemmy_writer(person: dict[str, Any], home: str | None) -> str | None:
    """A writer as Lemmy names one across instances: `name` on the instance the file came from (the person
    is `local` there), `name@server` from another (the host of its `actor_id`, v4's `ap_id`). Without
    `local`, a writer on the post's own instance (`home`) is named alone. Their `display_name` is not used
    (the handle is the writer, as Mastodon's `acct` is)."""
    name = text_field(person.get("name"))
    host = _host(text_field(person.get("actor_id")) or text_field(person.get("ap_id")))
    if name is None or host is None:
        return name
    local = person.get("local")
    elsewhere = local is False if isinstance(local, bool) else home is not None and host != home
    return f"{name}@{host}" if elsewhere else name


def _lemmy_count(view: dict[str, Any], item: dict[str, Any], name: str) -> Any:
    """A count of a post or comment: in its view's `counts` (API v3), else in the item itself (v4)."""
    counts = as_dict(view.get("counts"))
    return counts[name] if name in counts else item.get(name)


def _lemmy_role(view: dict[str, Any], post_writer: Any = None) -> str | None:
    """The writer's role a post or comment view gives: `OP` on a comment by the post's writer, `admin`,
    `moderator` (of the community)."""
    comment = as_dict(view.get("comment"))
    op = post_writer is not None and comment.get("creator_id") == post_writer
    return role_of(
        "OP" if op else None,
        "admin" if view.get("creator_is_admin") is True else None,
        "moderator" if view.get("creator_is_moderator") is True else None,
    )


def _lemmy_comment(view: dict[str, Any], post: dict[str, Any]) -> RawComment:
    """A comment of a post (which names its writer, and its instance, when the file holds it)."""
    comment = as_dict(view.get("comment"))
    path = str(comment.get("path") or "").split(".")
    content = text_field(comment.get("content")) or ""
    gone = bool(comment.get("deleted")) or bool(comment.get("removed")) or content.strip() == PERMANENTLY_DELETED
    return RawComment(
        key=str(comment.get("id")),
        parent_key=path[-2] if len(path) > 2 else None,  # "0.12.34": 34 answers 12; "0.12": top-level
        author=_lemmy_writer(as_dict(view.get("creator")), _host(text_field(post.get("ap_id")))),
        role=_lemmy_role(view, post.get("creator_id")),
        specs=[] if gone else _lemmy_markdown(content),
        date=iso_date(comment.get("published", comment.get("published_at"))),
        votes=_lemmy_votes(view, comment),
        url=text_field(comment.get("ap_id")),
        deleted=gone,
    )


def _lemmy_markdown(source: str) -> list[BlockSpec]:
    """Lemmy's Markdown as blocks (Reddit's kind, see reddit.markdown_blocks); its spoiler containers
    (`::: spoiler TITLE` ... `:::`) lose their fences: the title and the hidden text are paragraphs."""
    from translator.readers.reddit import markdown_blocks

    if ":::" in source:
        source = LEMMY_CONTAINER.sub(lambda match: f"\n{match['title'] or ''}\n", source)
    return markdown_blocks(source)


def _mbin(data: dict[str, Any]) -> Reading:
    """An Mbin entry and/or its comments: the entry the article, the comments nested by `children` or
    `parentId`, in time order."""
    entry = as_dict(data.get("entry")) if "entry" in data else data if _is_mbin_entry(data) else {}
    items = [as_dict(item) for item in as_list(data.get("items"))]
    home = _host(text_field(entry.get("apId")) or next((text_field(item.get("apId")) for item in items), None))
    comments: list[RawComment] = []
    stack: list[tuple[Any, str | None]] = [(item, None) for item in reversed(as_list(data.get("items")))]
    while stack:  # iterative: reply chains may be deep
        item, parent = stack.pop()
        comment = as_dict(item)
        if not comment:
            continue
        key = str(comment.get("commentId"))
        gone = str(comment.get("visibility") or "visible") != "visible"
        answered = comment.get("parentId")
        comments.append(
            RawComment(
                key=key,
                parent_key=parent or (str(answered) if answered is not None else None),
                author=_mbin_writer(as_dict(comment.get("user")), home),
                specs=[] if gone else _lemmy_markdown(text_field(comment.get("body")) or ""),
                date=iso_date(comment.get("createdAt")),
                votes=_up_down(comment),
                url=text_field(comment.get("apId")),
                deleted=gone,
            )
        )
        stack.extend((child, key) for child in reversed(as_list(comment.get("children"))))
    if all(comment.date is not None for comment in comments):
        comments.sort(key=lambda comment: comment.date or datetime.min)
    tree = comment_tree(comments)
    url = text_field(entry.get("apId")) or (comments[0].url if comments else None)
    body = _lemmy_markdown(text_field(entry.get("body")) or "")
    if link := text_field(entry.get("url")):
        body.append(("source", link.strip(), None, None))
    thread = discussion(
        "fediverse",
        text_field(entry.get("title")) or "",
        body,
        tree.posts,
        author=_mbin_writer(as_dict(entry.get("user")), home),
        date=iso_date(entry.get("createdAt")),
        votes=_up_down(entry),
        url=text_field(entry.get("apId")),
        site=_host(url),
    )
    warnings = list(tree.warnings)
    if not entry:
        warnings.append("these Mbin comments are not with their entry: the article is empty (save /api/entry/ID too)")
    elif not isinstance(data.get("items"), list):
        said = whole_number(entry.get("numComments"))
        count = f" of its {said:,} comments" if said else " of its comments"
        warnings.append(f"this Mbin entry holds none{count}: save /api/entry/ID/comments too")
    pages = whole_number(as_dict(data.get("pagination")).get("maxPage"))
    if pages and pages > 1:
        warnings.append(f"these comments are one page of {pages:,} (/api/entry/ID/comments?p=N): only it is read")
    return Reading((thread,), tuple(warnings))


def _mbin_writer(user: dict[str, Any], home: str | None) -> str | None:
    """A writer as Lemmy's are named: `name` on the instance the file came from, `name@server` from another.
    Mbin (as /kbin did) names a user of another instance `@name@server` (its `username`), with `apId`
    `name@server` and `apProfileId` the actor's address; a local user has neither. Without either form, a
    profile on another host than the entry's (`home`) names the server."""
    name = text_field(user.get("username"))
    if name is None:
        return None
    if name.startswith("@") and "@" in name[1:]:
        return name[1:]
    handle = (text_field(user.get("apId")) or "").lstrip("@")
    if "://" not in handle and "@" in handle:
        return handle
    host = _host(text_field(user.get("apProfileId")))
    return f"{name}@{host}" if host and home and host != home else name


def _up_down(item: dict[str, Any]) -> Votes | None:
    up, down = whole_number(item.get("uv")), whole_number(item.get("dv"))
    return Votes(up=up or 0, down=down or 0) if up is not None or down is not None else None


def _activitypub_post(data: dict[str, Any], kind: str) -> Reading:
    """One ActivityPub post as a thread of its own; InputError for a collection or another kind of object."""
    save = "save the thread from the server's API: Mastodon /api/v1/statuses/ID/context, Lemmy /api/v3/comment/list"
    if kind in AP_COLLECTIONS:
        count = whole_number(data.get("totalItems"))
        said = f" of {count:,} items" if count is not None else ""
        raise InputError(f"this is an ActivityPub {kind}{said} (an outbox or a page of replies), not a thread", save)
    if kind not in AP_POSTS:
        raise InputError(f"this is an ActivityPub {kind} (a fediverse server's object), not a post or a thread", save)
    source = as_dict(data.get("source"))
    content = text_field(data.get("content"))
    body = html_blocks(content) if content else _lemmy_markdown(text_field(source.get("content")) or "")
    if warning := text_field(data.get("summary")) if kind == "Note" else None:
        body = [("paragraph", " ".join(warning.split()), None, None), *body]  # Mastodon's content warning
    url = _ap_address(data.get("url")) or text_field(data.get("id"))
    thread = discussion(
        "fediverse",
        text_field(data.get("name")) or "",
        body,
        author=_ap_writer(data.get("attributedTo")),
        date=iso_date(data.get("published")),
        url=url,
        site=_host(url),
    )
    replies = whole_number(as_dict(data.get("replies")).get("totalItems"))
    said = f" (it counts {replies:,})" if replies else ""
    return Reading(
        (thread,),
        (f"this ActivityPub {kind} is one post: its replies{said} are only addresses in it; to read them, {save}",),
    )


def _ap_address(value: Any) -> str | None:
    """An object's address: a string, a link object's `href`, or the first of a list of them."""
    for item in [value, *as_list(value)] if not isinstance(value, str) else [value]:
        if isinstance(item, str) and "://" in item:
            return item.strip()
        if href := text_field(as_dict(item).get("href")):
            return href.strip()
    return None


def _ap_writer(value: Any) -> str | None:
    """A post's writer as its `attributedTo` names it: an actor's address (`https://server/users/NAME`),
    an actor object, or a list of them (Lemmy: the writer, then the community); its last path part."""
    for item in as_list(value) if isinstance(value, list) else [value]:
        actor = as_dict(item)
        if actor and actor.get("type") == "Group":
            continue  # a community, not a writer
        address = item if isinstance(item, str) else text_field(actor.get("id"))
        if name := text_field(actor.get("preferredUsername")):
            return name
        if address and "://" in address:
            return address.rstrip("/").rpartition("/")[2] or None
    return None
