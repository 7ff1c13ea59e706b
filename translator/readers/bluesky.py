"""Read the JSON of Bluesky threads (the AT Protocol's `app.bsky` API): a post with its replies.

What it reads: `app.bsky.feed.getPostThread` (`{"thread": threadViewPost}`: the post asked for, its chain of
`parent`s up to the thread's first post, its `replies` nested), or that `thread` object saved alone;
`app.bsky.unspecced.getPostThreadV2` (`{"thread": [items], "hasOtherReplies"}`: a flat list whose `depth`
places each item, negative above the post asked for); `app.bsky.feed.getPosts` (`{"posts": [post views]}`)
and a feed (`getAuthorFeed`, `getTimeline`: `{"feed": [{"post", "reply"}]}`) when their posts are of one
thread (each post names the first post of its thread in `record.reply.root`); several threads are refused,
saying so, as a Mastodon timeline is (a listing of posts is no discussion).

The thread's first post (its root) is the article, whichever post the thread was asked for: a thread saved
from a reply deep down holds the replies leading to it (each answering the one before) and that reply's own
replies, not the thread's other branches; a warning says so. A root the file lacks (beyond `parentHeight`),
deleted (`notFoundPost`) or hidden (`blockedPost`) leaves the article empty, its address still known from the
replies' `record.reply.root`, with a warning. The other posts are comments in time order, nested by what they
answer; deleted and blocked ones (and V2's posts shown only to logged-in readers) are kept, empty, only where a
shown reply answers them, and those left out are counted by kind.

A post: its writer is the author's `handle` (as Mastodon's `acct`; its `displayName` may change and be shared),
its `did` when the handle does not resolve (`handle.invalid`); its address the web app's
`https://bsky.app/profile/HANDLE/post/RKEY`; its date the `createdAt` of its record (else `indexedAt`); its
likes its votes; `OP` the role of the root's writer in the replies. Its text is plain text, each line a
block; where the text shows a link shortened (the app writes `zeitung.example/2024/05/brue...`), the full
address its link facet holds stands in its place (an address is kept, never translated). After the text: the
alt text of its images, video or gallery; a link card (`app.bsky.embed.external`: a news article's title and
description, its address a `source` block); a quoted post (`app.bsky.embed.record`, also beside media:
`recordWithMedia`) as quote blocks of its writer, and the post it quotes in turn as quote blocks of that one's.
`record.langs` is not read: the thread model has no place for a language a source declares (detection sets
every block's), so it is left to detection.

Replies a post counts (`replyCount`) beyond those in the file (`depth` stops at 6 levels by default; a
thread saved from a reply lacks its other branches) are counted in one warning; V2's `hasOtherReplies`
(replies the thread's writer hid, or by muted accounts) is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from translator.errors import InputError
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    counted_noun,
    discussion,
    further_comments,
    iso_date,
    net_votes,
    text_field,
    whole_number,
)
from translator.readers.markup import line_blocks, text_blocks

__all__ = ["looks_like_bluesky", "read_bluesky"]

WEB_APP = "https://bsky.app"
SITE = "bsky.app"
# A post's AT-URI: at://REPO (a DID or a handle)/app.bsky.feed.post/RKEY.
POST_URI = re.compile(r"\Aat://(?P<repo>[^/\s]{1,300})/app\.bsky\.feed\.post/(?P<rkey>[A-Za-z0-9._:~-]{1,512})\Z")
SCHEME = re.compile(r"\A[a-z][a-z0-9+.-]*://", re.IGNORECASE)
INVALID_HANDLE = "handle.invalid"
"""What the API gives as the handle of an account whose handle no longer resolves."""
THREAD_VIEW = "app.bsky.feed.defs#threadViewPost"
NOT_FOUND = "app.bsky.feed.defs#notFoundPost"
BLOCKED = "app.bsky.feed.defs#blockedPost"
HINT = (
    'give the JSON of one Bluesky thread: app.bsky.feed.getPostThread?uri=AT-URI ({"thread": ...}), '
    "app.bsky.unspecced.getPostThreadV2, or getPosts of one thread's posts"
)
SAVE_ONE = "save one post's thread: app.bsky.feed.getPostThread?uri=AT-URI of the post that opens it"

State = Literal["post", "deleted", "blocked", "hidden"]
V2_ITEMS: dict[str, State] = {
    "app.bsky.unspecced.defs#threadItemPost": "post",
    "app.bsky.unspecced.defs#threadItemNotFound": "deleted",
    "app.bsky.unspecced.defs#threadItemBlocked": "blocked",
    "app.bsky.unspecced.defs#threadItemNoUnauthenticated": "hidden",
}
"""What each kind of getPostThreadV2 item shows: a post, or why none."""
# How each kind of post not shown is counted when it is left out (nobody replied to it).
GONE_NOUNS: dict[State, str] = {
    "deleted": "deleted post",
    "blocked": "post of a blocked account",
    "hidden": "post shown only to logged-in readers",
}


@dataclass(frozen=True, slots=True)
class _Node:
    """One place of a thread as the file has it: a post, or a post the file does not show."""

    uri: str
    """The post's AT-URI."""
    view: dict[str, Any]
    """Its post view (`app.bsky.feed.defs#postView`); empty when it is not shown."""
    state: State
    """Shown, or why not: deleted (not found), blocked, shown only to logged-in readers."""
    parent: str | None
    """The AT-URI of the post it answers, as the file places it (else as its record says)."""


def _is_post_view(value: Any) -> bool:
    """Whether a JSON value is a post view: an AT-URI of a post, its author and its record."""
    view = as_dict(value)
    uri = view.get("uri")
    return (
        isinstance(uri, str)
        and uri.startswith("at://")
        and isinstance(view.get("author"), dict)
        and isinstance(view.get("record"), dict)
    )


def _is_thread_item(value: Any) -> bool:
    """Whether a JSON value is an entry of getPostThread's tree: a thread view post, a post not found or
    blocked (by its `$type`, or by its shape when a tool dropped the types)."""
    item = as_dict(value)
    kind = item.get("$type")
    if isinstance(kind, str):
        return kind in (THREAD_VIEW, NOT_FOUND, BLOCKED)
    uri = item.get("uri")
    gone = (
        isinstance(uri, str)
        and uri.startswith("at://")
        and (item.get("notFound") is True or item.get("blocked") is True)
    )
    return gone or _is_post_view(item.get("post"))


def _is_v2_item(value: Any) -> bool:
    item = as_dict(value)
    uri = item.get("uri")
    return isinstance(uri, str) and uri.startswith("at://") and "depth" in item and isinstance(item.get("value"), dict)


def _listed(data: Any) -> tuple[str, list[Any]] | None:
    """The posts of a getPosts answer (`posts`) or of a feed (`feed`, each item's `post`), with which it is;
    None for other JSON."""
    holder = as_dict(data)
    posts, feed = holder.get("posts"), holder.get("feed")
    if isinstance(posts, list) and posts and all(_is_post_view(post) for post in posts):
        return "posts", posts
    if isinstance(feed, list) and feed and all(_is_post_view(as_dict(item).get("post")) for item in feed):
        return "feed", feed
    return None


def looks_like_bluesky(data: Any) -> bool:
    """Whether parsed JSON is a Bluesky thread (getPostThread, its V2, the thread object alone), a getPosts
    answer or a feed (read when of one thread, else refused), or one post view."""
    holder = as_dict(data)
    thread = holder.get("thread")
    if _is_thread_item(thread) or (_is_thread_item(data) and "$type" in holder):
        return True
    if isinstance(thread, list) and "hasOtherReplies" in holder:
        return True
    if isinstance(thread, list) and thread and all(_is_v2_item(item) for item in thread):
        return True
    return _listed(data) is not None or (_is_post_view(data) and "cid" in holder)


def read_bluesky(data: Any) -> Reading:
    """The thread of a Bluesky answer; InputError for another shape, or for a listing of several threads."""
    if not looks_like_bluesky(data):
        raise InputError("this JSON is not a Bluesky thread", HINT)
    holder = as_dict(data)
    thread = holder.get("thread")
    warnings: list[str] = []
    focus: str | None = None
    if isinstance(thread, list):
        nodes, focus = _v2_nodes(thread)
        if holder.get("hasOtherReplies") is True:
            warnings.append(
                "Bluesky says this thread has other replies (hidden by its writer, or by accounts the viewer "
                "muted): they are not in this file (app.bsky.unspecced.getPostThreadOtherV2 gives them)"
            )
    elif (listed := _listed(data)) is not None:
        nodes = _listed_nodes(*listed)
    elif _is_post_view(data):
        nodes = [_node(data, None)]
    else:
        nodes, focus = _tree_nodes(thread if isinstance(thread, dict) else data)
    if not nodes:
        raise InputError("this Bluesky thread holds no post", HINT)
    if focus is not None and all(node.uri != focus or node.state != "post" for node in nodes):
        state = next((node.state for node in nodes if node.uri == focus), "deleted")
        why = {"blocked": "by a blocked account", "hidden": "shown only to logged-in readers"}.get(state, "deleted")
        raise InputError(f"the post this Bluesky thread was asked for is not in it ({why}): no text to read", HINT)
    return _reading(nodes, focus, warnings)


def _node(view: dict[str, Any], parent: str | None, state: State = "post") -> _Node:
    """A post view as a node; its parent, when the file does not place it, is the one its record answers."""
    answered = text_field(as_dict(as_dict(as_dict(view.get("record")).get("reply")).get("parent")).get("uri"))
    return _Node(str(view.get("uri")), view if state == "post" else {}, state, parent or answered)


def _tree_nodes(top: Any) -> tuple[list[_Node], str | None]:
    """The nodes of getPostThread's tree: the chain of parents above the post asked for, then that post and its
    replies, depth first (iteratively: chains may be long); and the AT-URI of the post asked for."""
    chain: list[dict[str, Any]] = []
    item: Any = top
    while _is_thread_item(item) and len(chain) < 100_000:
        chain.append(item)
        item = item.get("parent")
    chain.reverse()
    nodes: list[_Node] = []
    stack: list[tuple[Any, str | None]] = []
    above: str | None = None
    for entry in chain:
        stack.append((entry, above))
        placed = _tree_node(entry, None)
        above = placed.uri if placed is not None else above
        while stack:
            current, answered = stack.pop()
            node = _tree_node(current, answered)
            if node is None:
                continue
            nodes.append(node)
            replies = [reply for reply in as_list(current.get("replies")) if _is_thread_item(reply)]
            stack.extend((reply, node.uri) for reply in reversed(replies))
    focus = _tree_node(chain[-1], None) if chain else None
    return _unique(nodes), focus.uri if focus else None


def _tree_node(item: dict[str, Any], parent: str | None) -> _Node | None:
    """One entry of getPostThread's tree as a node (None for one that names no post)."""
    if _is_post_view(item.get("post")):
        return _node(item["post"], parent)
    uri = text_field(item.get("uri"))
    if uri is None or not uri.startswith("at://"):
        return None
    blocked = item.get("blocked") is True or item.get("$type") == BLOCKED
    return _Node(uri, {}, "blocked" if blocked else "deleted", parent)


def _v2_nodes(items: list[Any]) -> tuple[list[_Node], str | None]:
    """The nodes of getPostThreadV2's flat list: an item answers the nearest item before it one level up (the
    list runs depth first), else the post its record names; and the AT-URI of the anchor (depth 0)."""
    nodes: list[_Node] = []
    last_at: dict[int, str] = {}
    focus: str | None = None
    for entry in items:
        item = as_dict(entry)
        uri, depth, value = text_field(item.get("uri")), item.get("depth"), as_dict(item.get("value"))
        kind = value.get("$type")
        state = V2_ITEMS.get(kind, "post") if isinstance(kind, str) else "post"
        if uri is None or not uri.startswith("at://") or (state == "post" and not _is_post_view(value.get("post"))):
            continue
        level = depth if isinstance(depth, int) and not isinstance(depth, bool) else None
        parent = last_at.get(level - 1) if level is not None else None
        node = _node(value["post"], parent) if state == "post" else _Node(uri, {}, state, parent)
        nodes.append(replace(node, uri=uri))
        if level is not None:
            last_at[level] = uri
            focus = uri if level == 0 and focus is None else focus
    return _unique(nodes), focus


def _listed_nodes(kind: str, items: list[Any]) -> list[_Node]:
    """The nodes of a getPosts answer or a feed (with the posts each feed item's `reply` shows above it), when
    they are of one thread; InputError when they are of several."""
    views: list[dict[str, Any]] = []
    for item in items:
        if kind == "posts":
            views.append(item)
            continue
        reply = as_dict(as_dict(item).get("reply"))
        views.extend(as_dict(view) for view in (reply.get("root"), reply.get("parent")) if _is_post_view(view))
        views.append(item["post"])
    nodes = _unique([_node(view, None) for view in views])
    roots = {_root_of(node) for node in nodes}
    if len(roots) > 1:
        what = "feed (getAuthorFeed, getTimeline...)" if kind == "feed" else "list of posts (getPosts, searchPosts)"
        raise InputError(
            f"this is a Bluesky {what} of {counted_noun(len(nodes), 'post')} of {len(roots):,} threads, not one thread",
            SAVE_ONE,
        )
    return nodes


def _unique(nodes: list[_Node]) -> list[_Node]:
    """Nodes without repeats: a post the file holds twice is read once, in its first place (shown, if it is
    shown in either)."""
    found: dict[str, _Node] = {}
    for node in nodes:
        known = found.get(node.uri)
        if known is None:
            found[node.uri] = node
        elif known.state != "post" and node.state == "post":
            found[node.uri] = replace(node, parent=known.parent or node.parent)
    return list(found.values())


def _root_of(node: _Node) -> str:
    """The AT-URI of the first post of a node's thread, as its record names it (a post answering none is one)."""
    record = as_dict(node.view.get("record"))
    return text_field(as_dict(as_dict(record.get("reply")).get("root")).get("uri")) or node.uri


def _reading(nodes: list[_Node], focus: str | None, warnings: list[str]) -> Reading:
    """The thread of a Bluesky file's nodes: its first post the article, the others comments in time order."""
    shown = [node for node in nodes if node.state == "post"]
    named = Counter(_root_of(node) for node in shown if _root_of(node) != node.uri)
    answering_none = [node for node in shown if _root_of(node) == node.uri]
    root = named.most_common(1)[0][0] if named else (answering_none or nodes)[0].uri
    article = next((node for node in nodes if node.uri == root), None)
    root_writer = as_dict(article.view.get("author")).get("did") if article else None
    dated = _in_time_order([node for node in nodes if node is not article])
    comments = [_comment(node, root_writer) for node in dated]
    tree = comment_tree(comments, root)
    quotes_gone = sum(_quote_gone(node.view) for node in nodes)
    if article is not None and article.state == "post":
        view = article.view
        url = _web_address(article.uri, view)
        thread = discussion(
            "bluesky",
            "",
            _post_blocks(view),
            tree.posts,
            author=_writer(view),
            date=_date(view),
            votes=net_votes(view.get("likeCount")),
            url=url,
            site=SITE,
        )
    else:
        thread = discussion("bluesky", "", [], tree.posts, url=_web_address(root, {}), site=SITE)
        thread = replace(thread, posts=(replace(thread.posts[0], deleted=article is not None), *thread.posts[1:]))
        warnings.append(_root_missing(article))
    if focus is not None and focus != root:
        warnings.append(
            f"this Bluesky thread was saved from a reply ({_web_address(focus, _view_of(nodes, focus))}), not from "
            "its first post: the first post is the article, the replies leading down to that reply are comments, and "
            "of the thread's other replies only that reply's own are in this file"
        )
    warnings.extend(_not_loaded(nodes))
    warnings.extend(_left_out(nodes, tree.dropped_keys))
    if quotes_gone:
        said = "1 post quotes a post" if quotes_gone == 1 else f"{quotes_gone:,} posts quote a post"
        warnings.append(f"{said} Bluesky does not show (deleted, blocked, or detached by its writer): no quote is read")
    return Reading((thread,), tuple(warnings))


def _view_of(nodes: list[_Node], uri: str) -> dict[str, Any]:
    return next((node.view for node in nodes if node.uri == uri), {})


def _root_missing(article: _Node | None) -> str:
    """The warning for a thread whose first post is not shown."""
    if article is None:
        return (
            "the thread's first post is not in this file (getPostThread's parentHeight stopped short of it): "
            "the article is empty and the replies to it, or to posts not here, are top-level"
        )
    why = {
        "blocked": "is by an account blocked by, or blocking, whoever saved the thread",
        "hidden": "is shown only to logged-in readers",
    }.get(article.state, "was deleted")
    return f"the thread's first post {why}: the article is empty"


def _in_time_order(nodes: list[_Node]) -> list[_Node]:
    """Nodes by date (the API ranks replies its own way); a post not shown takes the date of its earliest
    reply in the file, so it stays before its replies. The file's order when a shown post is undated."""
    dates: dict[str, datetime | None] = {node.uri: _date(node.view) for node in nodes}
    if any(dates[node.uri] is None for node in nodes if node.state == "post"):
        return nodes
    unshown = {node.uri for node in nodes if node.state != "post"}
    for node in reversed(nodes):  # replies follow what they answer (depth first): theirs are settled first
        own = dates[node.uri]
        if own is not None and node.parent is not None and node.parent in unshown:
            earlier = dates[node.parent]
            dates[node.parent] = own if earlier is None else min(own, earlier)
    return sorted(nodes, key=lambda node: dates[node.uri] or datetime.max)


def _comment(node: _Node, root_writer: Any) -> RawComment:
    view = node.view
    writer = as_dict(view.get("author")).get("did")
    return RawComment(
        key=node.uri,
        parent_key=node.parent,
        author=_writer(view),
        role="OP" if root_writer is not None and writer == root_writer else None,
        specs=_post_blocks(view) if node.state == "post" else [],
        date=_date(view),
        votes=net_votes(view.get("likeCount")),
        url=_web_address(node.uri, view) if node.state == "post" else None,
        deleted=node.state != "post",
    )


def _not_loaded(nodes: list[_Node]) -> tuple[str, ...]:
    """The warning counting the replies posts count (`replyCount`) beyond those the file holds."""
    children = Counter(node.parent for node in nodes if node.parent is not None)
    missing = 0
    for node in nodes:
        counted = whole_number(node.view.get("replyCount"))
        if counted is not None and counted > children[node.uri]:
            missing += counted - children[node.uri]
    detail = (
        " (Bluesky's counts of replies say so: getPostThread gives 6 levels of replies unless asked for more with "
        "depth, and a thread saved from a reply lacks its other branches)"
    )
    return further_comments(missing, detail)


def _left_out(nodes: list[_Node], keys: tuple[str, ...]) -> tuple[str, ...]:
    """The warning counting the posts not shown that were left out (nobody replied to them), by kind."""
    states = {node.uri: node.state for node in nodes}
    counts = Counter(states.get(key, "deleted") for key in keys)
    parts = [counted_noun(counts[state], noun) for state, noun in GONE_NOUNS.items() if counts[state]]
    if not parts:
        return ()
    said = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return (f"{said} without replies {'was' if len(keys) == 1 else 'were'} left out",)


def _writer(view: dict[str, Any]) -> str | None:
    """A post's writer: their handle (`name.bsky.social`), their DID when the handle does not resolve."""
    author = as_dict(view.get("author"))
    handle = text_field(author.get("handle"))
    if handle is not None and handle.strip() != INVALID_HANDLE:
        return handle.strip()
    return text_field(author.get("did"))


def _web_address(uri: str, view: dict[str, Any]) -> str | None:
    """A post's address in the web app, `https://bsky.app/profile/HANDLE/post/RKEY` (the DID in place of a
    handle that does not resolve); None for an AT-URI that names no post."""
    match = POST_URI.match(uri.strip())
    if match is None:
        return None
    author = as_dict(view.get("author"))
    handle = text_field(author.get("handle"))
    profile = handle.strip() if handle and handle.strip() != INVALID_HANDLE and " " not in handle.strip() else None
    return f"{WEB_APP}/profile/{profile or match['repo']}/post/{match['rkey']}"


def _date(view: dict[str, Any]) -> datetime | None:
    """When a post was written: its record's `createdAt` (the writer's app says), else when Bluesky indexed it."""
    return iso_date(as_dict(view.get("record")).get("createdAt")) or iso_date(view.get("indexedAt"))


def _post_blocks(view: dict[str, Any]) -> list[BlockSpec]:
    """A post's blocks: its text (each line a block, shortened links given in full), then what it embeds."""
    record = as_dict(view.get("record"))
    embed = as_dict(view.get("embed")) or as_dict(record.get("embed"))  # the view's, else the record's own
    quoted = _quoted(embed)
    quote: list[BlockSpec] = []
    if quoted is not None:
        inner = as_dict(next(iter(as_list(quoted.get("embeds"))), None))
        said = _text_blocks(as_dict(quoted.get("value"))) + _embedded(inner, False)
        quote = [("quote", text, _writer(quoted), "matched") for _, text, _, _ in said]
        if (quoted_there := _quoted(inner)) is not None:  # a quote in the quote (the API shows one level more)
            said = _text_blocks(as_dict(quoted_there.get("value")))
            quote += [("quote", text, _writer(quoted_there), "matched") for _, text, _, _ in said]
    return [*_text_blocks(record), *_embedded(embed, True), *quote]


def _text_blocks(record: dict[str, Any]) -> list[BlockSpec]:
    """A record's text as blocks, a block a line (a post's line break is the writer's)."""
    return line_blocks(_linked_text(text_field(record.get("text")) or "", record.get("facets")))


def _linked_text(text: str, facets: Any) -> str:
    """A post's text with each link it shows shortened (`zeitung.example/2024/05/brue...`) replaced by the full
    address its link facet holds. Facets index UTF-8 bytes; one that does not fall on characters of the text,
    overlaps another, or covers words rather than a shortened address, changes nothing."""
    if not text or not isinstance(facets, list):
        return text
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # an unpaired surrogate (a JSON escape such as \ud800): facets cannot be placed
        return text
    spans: list[tuple[int, int, str]] = []
    for facet in facets:
        index = as_dict(as_dict(facet).get("index"))
        start, end = whole_number(index.get("byteStart")), whole_number(index.get("byteEnd"))
        link = next(
            (
                uri.strip()
                for feature in as_list(as_dict(facet).get("features"))
                if (uri := text_field(as_dict(feature).get("uri"))) is not None
            ),
            None,
        )
        if start is not None and end is not None and start < end <= len(data) and link is not None:
            spans.append((start, end, link))
    parts: list[bytes] = []
    position = 0
    for start, end, link in sorted(spans):
        if start < position:
            continue
        try:
            shown = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not _shortened(shown, link):
            continue
        parts += [data[position:start], link.encode("utf-8")]
        position = end
    if not parts:
        return text
    return b"".join([*parts, data[position:]]).decode("utf-8", "replace")


def _shortened(shown: str, link: str) -> bool:
    """Whether text shows a link's address cut short: the address without its scheme (and `www.`), possibly
    cut and ended with `...` (as the app writes a long one)."""
    shown = shown.strip()
    if shown == link or any(char.isspace() for char in shown) or any(char.isspace() for char in link):
        return False
    cut = re.sub(r"(?:\.\.\.|…)\Z", "", shown)
    bare_shown, bare_link = _bare_address(cut), _bare_address(link)
    return len(bare_shown) > 3 and "." in bare_shown and bare_link.startswith(bare_shown)


def _bare_address(address: str) -> str:
    """An address without its scheme and `www.`, lower case (to compare a shown one with a full one)."""
    bare = SCHEME.sub("", address.strip()).lower()
    return bare.removeprefix("www.")


def _embedded(embed: dict[str, Any], with_source: bool) -> list[BlockSpec]:
    """What a post embeds besides a quoted post: the alt text of its images, video or gallery; a link card's
    title and description (and its address, as a source block, when `with_source`)."""
    media = as_dict(embed.get("media")) if "media" in embed else embed  # recordWithMedia: beside a quote
    pictures = [*as_list(media.get("images")), *as_list(media.get("items"))]
    alts = [text_field(as_dict(picture).get("alt")) for picture in pictures]
    if "playlist" in media or "video" in media:
        alts.append(text_field(media.get("alt")))
    specs: list[BlockSpec] = [("paragraph", " ".join(alt.split()), None, None) for alt in alts if alt]
    card = as_dict(media.get("external"))
    for field in ("title", "description"):
        if said := text_field(card.get(field)):
            specs.extend(text_blocks(said))
    if with_source and (address := text_field(card.get("uri"))):
        specs.append(("source", address.strip(), None, None))
    return specs


def _quoted(embed: dict[str, Any]) -> dict[str, Any] | None:
    """The post a post quotes, as the view shows it (`app.bsky.embed.record#viewRecord`: its `value` the
    record, its `embeds`); None when it quotes none or the file does not show it."""
    record = as_dict(embed.get("record"))
    if "value" not in record and "record" in record:  # recordWithMedia#view: {record: {record: viewRecord}}
        record = as_dict(record.get("record"))
    value = record.get("value")
    return record if isinstance(value, dict) and isinstance(record.get("author"), dict) else None


def _quote_gone(view: dict[str, Any]) -> bool:
    """Whether a post quotes a post the view does not show (not found, blocked, detached by its writer)."""
    record = as_dict(as_dict(view.get("embed")).get("record"))
    if "notFound" not in record and "blocked" not in record and "detached" not in record and "record" in record:
        record = as_dict(record.get("record"))
    return any(record.get(flag) is True for flag in ("notFound", "blocked", "detached"))
