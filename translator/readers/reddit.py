"""Read a Reddit thread: the JSON of a comments page (`.../comments/ID.json`), a pair of Listings.

The first Listing holds the submission (`t3`): its title, and its self text or, for a link post, the
link, make the article (a crosspost with no text of its own has the text of the post it shares). The
second holds the comment tree (`t1`, replies nested in `replies`). A Listing of comments alone (a
comment's context, a saved part of a thread) is read too: its article is empty; a Listing of posts (a
subreddit's or a user's page), or of comments on several posts (a user's comments, an inbox, where a
comment may name its post only in its `context` address), is a thread per post. A Listing with no post
or comment (subreddits, private messages, nothing) is refused, saying what it holds. A comment whose body is
`[deleted]`, `[removed]` or `[ Removed by Reddit ]` is kept as a deleted post where someone replied to
it, so the tree stays whole; an author `[deleted]` is an unknown author. Reddit sends a page of the
comments and "more" stubs for the rest: they are counted and reported, never invented.

Archives of Reddit (Pushshift, Arctic Shift: JSON Lines or an array, or Pushshift's `{"data": [...]}`)
hold bare comments (`body`, `link_id`, `parent_id`) and submissions (`title`, `subreddit`): a thread
per submission, its comments in date order; comments whose submission is not there make a thread of
their own with an empty article.

Bodies come from `body_html`, which Reddit sends entity-escaped unless asked for `raw_json=1`; without
it, from the Markdown `body` (also escaped: `&gt;`), where lines starting with `>` are a quote.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from translator.errors import InputError
from translator.models import Thread
from translator.readers.common import (
    BlockSpec,
    CommentTree,
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    discussion,
    epoch_date,
    further_comments,
    net_votes,
    role_of,
    text_field,
    whole_number,
)
from translator.readers.markup import html_blocks, text_blocks

REDDIT = "https://www.reddit.com"
# `[deleted]`, `[removed]`, `[ Removed by Reddit ]`, `[removed by moderator]`: what Reddit leaves of a gone text.
GONE_BODY = re.compile(r"\[\s*(?:deleted|removed)(?:\s+by\s+[a-z ]{1,20})?\s*\]", re.IGNORECASE)
# What Reddit escapes in a Markdown body sent without raw_json=1.
MARKDOWN_ENTITIES = re.compile(r"&(lt|gt|amp);")
ENTITY_TEXT = {"lt": "<", "gt": ">", "amp": "&"}
QUOTE_MARK = re.compile(r"^\s{0,3}(?:>(?!!)\s?)+")  # `>!` opens a spoiler, not a quote
LIST_MARK = re.compile(r"^\s{0,3}(?:[*+-]|\d{1,9}[.)])\s+(?=\S)")
HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
CODE_LINE = re.compile(r"^(?: {4}|\t)")
FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
# Inline Markdown, removed to leave the text: links, emphasis, strike, spoilers, code, superscript, escapes.
INLINE_MARKUP = (  # spans bounded, so that a line of unclosed marks stays linear
    (re.compile(r"&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});"), lambda m: html.unescape(m.group())),
    (re.compile("\u200b"), ""),
    (re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"), r"\1"),
    (re.compile(r"(\*\*|__|~~)(?=\S)([^\n]{1,300}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=\S)([^_\n]{1,300}?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r">!([^\n]{1,300}?)!<"), r"\1"),
    (re.compile(r"`([^`\n]{1,300})`"), r"\1"),
    (re.compile(r"\^\(([^()\n]{0,300})\)"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~^|])"), r"\1"),
)
# The post in the address of a comment: `/r/NAME/comments/POST/slug/COMMENT/`.
POST_IN_ADDRESS = re.compile(r"/comments/([a-z0-9]{1,12})/", re.IGNORECASE)
# The warning of a thread's comment tree that deleted comments were left out (CommentTree.warnings).
DROPPED_COUNT = re.compile(r"([\d,]+) deleted or removed comments? without replies (?:was|were) left out")
HINT = "give the .json of a Reddit comments page (the URL of the thread with .json at the end)"


# What Reddit's other listings hold, by kind: no post or comment to read.
OTHER_KINDS = {
    "t2": "accounts",
    "t4": "private messages",
    "t5": "subreddits",
    "LabeledMulti": "multireddits",
    "UserList": "accounts",
    "modaction": "moderator actions",
    "LiveUpdate": "live thread updates",
}


def looks_like_reddit(data: Any) -> bool:
    """Whether parsed JSON is a Reddit comments page (two Listings, the first holding a submission), a
    Listing of comments alone or of posts (a subreddit's page), or an archive of bare items; or another of
    Reddit's listings (of subreddits, messages, or empty), which its reader refuses saying what it holds."""
    return (
        _submission_of(data) is not None
        or _comment_listing(data) is not None
        or _archived(data) is not None
        or _other_listing(data) is not None
    )


def _other_listing(data: Any) -> str | None:
    """What a Reddit listing holding no post or comment lists (`subreddits`, `nothing`); None for other JSON."""
    answer = as_dict(as_dict(data).get("json")) if isinstance(data, dict) and len(data) == 1 else {}
    if answer.get("errors") == [] and set(answer) <= {"errors", "data"}:  # an action's answer, no error
        things = as_dict(answer.get("data")).get("things", [] if "data" not in answer else None)
        data = {"kind": "Listing", "data": {"children": things}} if isinstance(things, list) else data
    items = data if isinstance(data, list) else [data]
    kinds = {str(as_dict(item).get("kind")) for item in items}
    if len(items) == 1 and kinds == {"Listing"}:
        kinds = {str(as_dict(child).get("kind")) for child in _children(items[0])}
        if not kinds:
            return "nothing"
    if not kinds or not kinds <= OTHER_KINDS.keys():
        return None
    return " and ".join(OTHER_KINDS[kind] for kind in sorted(kinds))


def _submission_of(data: Any) -> dict[str, Any] | None:
    """The submission of a comments page: two Listings, the first holding a `t3`."""
    if not (isinstance(data, list) and len(data) == 2):
        return None
    if not all(as_dict(listing).get("kind") == "Listing" for listing in data):
        return None
    return next(
        (as_dict(child.get("data")) for child in _children(data[0]) if as_dict(child).get("kind") == "t3"), None
    )


def _comment_listing(data: Any) -> dict[str, Any] | None:
    """A Listing holding comments and no submission (alone, or as the one item of an array), or the
    comments of an `/api/morechildren` answer (`{"json": {"data": {"things": [...]}}}`, flat, each
    naming its parent) as one."""
    things = as_dict(as_dict(as_dict(data).get("json")).get("data")).get("things")
    if isinstance(things, list):
        data = {"kind": "Listing", "data": {"children": things}}
    listing = as_dict(data[0] if isinstance(data, list) and len(data) == 1 else data)
    children = _children(listing)
    if listing.get("kind") != "Listing" or not any(as_dict(child).get("kind") in ("t1", "t3") for child in children):
        return None
    return listing


def read_reddit(data: Any) -> Reading:
    """The thread of a Reddit comments page; InputError when the JSON is not one."""
    submission = _submission_of(data)
    if submission is None:
        listing = _comment_listing(data)
        if listing is None and (archived := _archived(data)) is not None:
            return _read_archive(archived)
        if listing is None and (other := _other_listing(data)) is not None:
            raise InputError(f"this Reddit listing holds {other}, not a Reddit thread's post or comments", HINT)
        if listing is None:
            raise InputError("this JSON is not a Reddit thread (expected two Listings, the first with a post)", HINT)
        kinds = [str(as_dict(child).get("kind")) for child in _children(listing)]
        messages = kinds.count("t4")
        said = (
            "1 private message was left out: it answers"
            if messages == 1
            else f"{messages:,} private messages were left out: they answer"
        )
        notes = [f"{said} no post"] if messages else []
        things = [
            _with_post(as_dict(as_dict(child).get("data"))) if kind == "t1" else as_dict(as_dict(child).get("data"))
            for child, kind in zip(_children(listing), kinds, strict=True)
            if kind in ("t1", "t3")
        ]
        if "t3" not in kinds and len({thing.get("link_id") for thing in things if thing.get("link_id")}) < 2:
            reading = _read_comments_alone(listing)
            return Reading(reading.threads, (*reading.warnings, *notes))
        # A subreddit's or a user's page (`/r/NAME.json`, `/user/NAME.json`, its comments, an inbox): posts,
        # and comments on posts, a thread per post.
        # A `t3` is a post by its kind, whatever fields a trimmed or saved copy kept; a comment needs its post.
        items = [
            thing
            for thing, kind in zip(things, (kind for kind in kinds if kind in ("t1", "t3")), strict=True)
            if kind == "t3" or _is_archived_comment(thing)
        ]
        reading = _read_archive(items)
        if "t1" not in kinds:
            notes.insert(0, "this is a page of posts: their comments are not in this file")
        return Reading(reading.threads, (*notes, *reading.warnings))
    permalink = text_field(submission.get("permalink"))
    thread_url = REDDIT + permalink if permalink and permalink.startswith("/") else None
    comments, stubs, hidden, deeper = _comments(_children(data[1]), thread_url)
    tree = comment_tree(comments, article_key=text_field(submission.get("name")))
    title = _unescaped(text_field(submission.get("title")) or "")
    subreddit = text_field(submission.get("subreddit_name_prefixed")) or (
        f"r/{submission['subreddit']}" if text_field(submission.get("subreddit")) else None
    )
    thread = discussion(
        "reddit",
        title,
        _submission_body(submission),
        tree.posts,
        author=_author(submission),
        role=_role(submission),
        date=epoch_date(submission.get("created_utc")),
        votes=net_votes(submission.get("score")),
        url=thread_url,
        site=subreddit,
    )
    total = whole_number(submission.get("num_comments"))
    further = total - len(comments) if total is not None and total > len(comments) else hidden
    return Reading((thread,), (*_stub_warning(stubs, further, deeper), *tree.warnings))


def _with_post(thing: dict[str, Any]) -> dict[str, Any]:
    """A comment that names its post only in its address (an inbox's `context`, `/r/x/comments/ID/slug/CID/`),
    given the `link_id` other listings send; other things as they are."""
    if isinstance(thing.get("link_id"), str):
        return thing
    address = text_field(thing.get("permalink")) or text_field(thing.get("context")) or ""
    post = POST_IN_ADDRESS.search(address)
    return {**thing, "link_id": f"t3_{post[1]}" if post else ""}


def _read_comments_alone(listing: dict[str, Any]) -> Reading:
    """A Listing of comments without their submission: the thread's title and address from the comments
    when they name them (`link_title`, `permalink`), the article empty."""
    children = _children(listing)
    first = next(as_dict(child.get("data")) for child in children if as_dict(child).get("kind") == "t1")
    permalink = (text_field(first.get("permalink")) or text_field(first.get("context")) or "").partition("?")[0]
    comment_id = text_field(first.get("id"))
    thread_url = None
    if permalink.startswith("/") and comment_id and permalink.rstrip("/").endswith("/" + comment_id):
        thread_url = REDDIT + permalink.rstrip("/")[: -len(comment_id)]
    comments, stubs, hidden, deeper = _comments(children, thread_url)
    tree = comment_tree(comments, article_key=text_field(first.get("link_id")))
    thread = discussion(
        "reddit",
        _unescaped(text_field(first.get("link_title")) or ""),
        [],
        tree.posts,
        url=thread_url,
        site=text_field(first.get("subreddit_name_prefixed"))
        or (f"r/{first['subreddit']}" if text_field(first.get("subreddit")) else None),
    )
    missing = "the post these comments answer is not in this file: the article is empty"
    return Reading((thread,), (missing, *_stub_warning(stubs, hidden, deeper), *tree.warnings))


def _archived(data: Any) -> list[dict[str, Any]] | None:
    """The items of a Reddit archive: objects that are all bare comments or submissions."""
    items = data.get("data") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        return None
    if all(isinstance(item, dict) and (_is_archived_comment(item) or _is_archived_post(item)) for item in items):
        return items
    return None


def _is_archived_comment(item: dict[str, Any]) -> bool:
    return "body" in item and isinstance(item.get("link_id"), str) and "parent_id" in item


def _is_archived_post(item: dict[str, Any]) -> bool:
    return "title" in item and "subreddit" in item and ("selftext" in item or "url" in item) and "id" in item


def _read_archive(items: list[dict[str, Any]]) -> Reading:
    """The threads of an archive: one per submission (in file order), then one per submission missing
    from it whose comments are there; comments in date order."""
    posts: dict[str, dict[str, Any]] = {}
    comments: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        if _is_archived_comment(item):
            comments.setdefault(item["link_id"], []).append(item)
        else:
            posts.setdefault(text_field(item.get("name")) or f"t3_{item.get('id')}", item)
    threads: list[Thread] = []
    warnings: list[str] = []
    missing = dropped = 0
    for key in [*posts, *(key for key in comments if key not in posts)]:
        ordered = sorted(comments.get(key, []), key=lambda item: epoch_date(item.get("created_utc")) or datetime.min)
        replies = _listing_of("t1", ordered)
        reading = (
            read_reddit([_listing_of("t3", [{"name": key, **posts[key]}]), replies])
            if key in posts
            else _read_comments_alone(replies)
        )
        threads.extend(reading.threads)
        for warning in reading.warnings:  # each thread's count of deleted comments left out, summed
            left_out = DROPPED_COUNT.fullmatch(warning)
            dropped += int(left_out[1].replace(",", "")) if left_out else 0
            warnings.extend(() if left_out else (warning,))
        total = whole_number(posts.get(key, {}).get("num_comments"))
        if total is not None and total > len(ordered):  # an archive has no stubs: its post says how many
            missing += total - len(ordered)
    summary = further_comments(missing)
    dropped_warnings = CommentTree((), dropped).warnings
    return Reading(tuple(threads), tuple(dict.fromkeys([*summary, *warnings, *dropped_warnings])))


def _listing_of(kind: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Bare items wrapped as the API sends them: a Listing of `{kind, data}` children."""
    return {"kind": "Listing", "data": {"children": [{"kind": kind, "data": item} for item in items]}}


def _stub_warning(stubs: int, further: int, deeper: int = 0) -> tuple[str, ...]:
    """What the file's "load more" stubs leave out: the comments they count, and the replies under the
    chains a "continue this thread" stub ends (uncounted: Reddit says only that there are some)."""
    if not stubs:
        return ()
    said = further_comments(further, f" (Reddit sent {stubs:,} 'load more' stubs in their place)")
    if deeper:
        chains = "1 reply chain goes" if deeper == 1 else f"{deeper:,} reply chains go"
        said += (f"{chains} on deeper than this file ('continue this thread'): the replies further down are not in it",)
    return said


def _children(listing: Any) -> list[Any]:
    return as_list(as_dict(as_dict(listing).get("data")).get("children"))


def _comments(top_level: list[Any], thread_url: str | None) -> tuple[list[RawComment], int, int, int]:
    """Comments in page order (depth first, without recursion), with the count of "more" stubs, of the
    comments they stand for (their `count`, else the ids they list in `children`), and of the "continue
    this thread" stubs (`count` 0, no `children`: the replies under a chain deeper than the page)."""
    comments: list[RawComment] = []
    stubs = hidden = deeper = 0
    pending = list(reversed(top_level))
    while pending:
        child = as_dict(pending.pop())
        data = as_dict(child.get("data"))
        if child.get("kind") == "more":
            stubs += 1
            listed = len(as_list(data.get("children")))
            hidden += max(whole_number(data.get("count")) or 0, listed)
            deeper += 1 if not listed and not whole_number(data.get("count")) else 0
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
                role=_role(data),
                specs=_body(data.get("body_html"), body),
                date=epoch_date(data.get("created_utc")),
                votes=None if data.get("score_hidden") is True else net_votes(data.get("score")),
                url=f"{thread_url}{comment_id}/" if thread_url and comment_id else None,
                deleted=_gone(body),
            )
        )
        pending.extend(reversed(_children(data.get("replies"))))
    return comments, stubs, hidden, deeper


def _author(data: dict[str, Any]) -> str | None:
    author = text_field(data.get("author"))
    return None if author is None or author == "[deleted]" else author


def _role(data: dict[str, Any]) -> str | None:
    """Who the writer is in the thread: `OP` (a comment of the post's writer), a moderator or admin speaking
    as such (`distinguished`), and their flair in the subreddit (`Wisconsin Badgers`)."""
    distinguished = text_field(data.get("distinguished"))
    flair = text_field(data.get("author_flair_text"))
    return role_of(
        "OP" if data.get("is_submitter") is True else None,
        distinguished if distinguished in ("moderator", "admin") else None,
        _unescaped(flair) if flair else None,
    )


def _gone(body: Any) -> bool:
    """Whether a body is what Reddit leaves of a deleted or removed text."""
    return isinstance(body, str) and GONE_BODY.fullmatch(body.strip()) is not None


def _body(rendered: Any, source: Any) -> list[BlockSpec]:
    """A body from Reddit's rendered HTML (entity-escaped, unless fetched with raw_json=1, when it is
    markup already and its entities are the text's own), else from its Markdown source."""
    if isinstance(rendered, str) and rendered.strip():
        escaped = rendered.lstrip().startswith("&lt;")
        return html_blocks(html.unescape(rendered) if escaped else rendered)
    return _markdown_blocks(source) if isinstance(source, str) else []


def _unescaped(text: str) -> str:
    """Text of Reddit's JSON with the three characters it escapes (`&lt;`, `&gt;`, `&amp;`) decoded: titles
    and Markdown are sent so unless fetched with raw_json=1 (where `&amp;` is rarer than `&` is here)."""
    return MARKDOWN_ENTITIES.sub(lambda match: ENTITY_TEXT[match.group(1)], text)


def markdown_blocks(source: str) -> list[BlockSpec]:
    """Markdown of Reddit's kind (Lemmy's too) as blocks: see `_markdown_blocks`."""
    return _markdown_blocks(source)


def _markdown_blocks(source: str) -> list[BlockSpec]:
    """Reddit Markdown as blocks (archives have no HTML): its three escaped characters decoded; quotes
    (`>`), headings, list items and code lines are blocks of their own; inline markup is removed; the
    lines of other paragraphs are joined."""
    specs: list[BlockSpec] = []
    for kind, paragraph in _markdown_paragraphs(_unescaped(source)):
        if kind == "code":
            specs.append(("code", paragraph, None, None))
        elif kind == "heading":
            specs.append(("heading", " ".join(_inline(paragraph).split()), None, None))
        else:
            for spec in text_blocks(_inline(paragraph)):
                specs.append(("quote", spec[1], None, "matched") if kind == "quote" else spec)
    return specs


def markdown_inline(text: str) -> str:
    """A line of Markdown with its inline markup removed, its words kept: a link's or image's text, not
    its address; emphasis, strikethrough, code and spoiler marks gone; escapes resolved."""
    return _inline(text)


def _inline(text: str) -> str:
    for pattern, replacement in INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    return text


def _markdown_paragraphs(text: str) -> list[tuple[str, str]]:
    """Runs of lines, each `text`, `quote` (the marks removed), `heading` or `code` (one line each, as
    written); a blank line, a list item or a heading starts a new run."""
    runs: list[tuple[str, list[str]]] = []
    fenced = fresh = False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced, fresh = not fenced, True
            continue
        mark = QUOTE_MARK.match(line)
        content = line[mark.end() :] if mark else line
        if fenced or (CODE_LINE.match(line) and (fresh or not runs or runs[-1][0] == "code")):
            if line.strip():
                runs.append(("code", [line.rstrip()]))
            continue
        if not content.strip():
            fresh = True
            continue
        kind = "quote" if mark else "heading" if HEADING_MARK.match(content) else "text"
        item = LIST_MARK.match(content)
        content = content[item.end() :] if item else HEADING_MARK.sub("", content)
        if fresh or item or kind == "heading" or not runs or runs[-1][0] != kind:
            runs.append((kind, []))
        runs[-1][1].append(content)
        fresh = kind == "heading"
    return [(kind, "\n".join(lines)) for kind, lines in runs if lines]


def _submission_body(submission: dict[str, Any]) -> list[BlockSpec]:
    """The self text of a text post, or the link of a link post; a crosspost without text of its own
    has the text (or link) of the post it shares."""
    selftext = submission.get("selftext")
    if _gone(selftext):
        return []
    specs = _body(submission.get("selftext_html"), selftext)
    shared = as_dict(next(iter(as_list(submission.get("crosspost_parent_list"))), None))
    if not specs and shared and not _gone(shared.get("selftext")):
        specs = _body(shared.get("selftext_html"), shared.get("selftext"))
        submission = shared if specs or text_field(shared.get("url")) else submission
    link = text_field(submission.get("url"))
    if not specs and submission.get("is_self") is not True and link:
        link = _unescaped(link.strip())  # `&amp;` between a query's fields, unless fetched with raw_json=1
        specs = [("source", REDDIT + link if link.startswith("/") else link, None, None)]
    return specs + _attached_texts(submission)


def _attached_texts(submission: dict[str, Any]) -> list[BlockSpec]:
    """Text a post carries besides its body: the captions of a gallery's pictures, a poll's options."""
    gallery = as_list(as_dict(submission.get("gallery_data")).get("items"))
    options = as_list(as_dict(submission.get("poll_data")).get("options"))
    texts = [text_field(as_dict(item).get("caption")) for item in gallery]
    texts += [text_field(as_dict(option).get("text")) for option in options]
    return [("paragraph", " ".join(_unescaped(text).split()), None, None) for text in texts if text]
