"""Read a Blogger export (Settings > Back up content, or Google Takeout): the whole blog as one Atom file.

Two shapes exist. The older marks each entry's kind with a category (`scheme` `.../g/2005#kind`, `term`
`.../blogger/2008/kind#post`, `#comment`, `#page`, `#settings`, `#template`); a comment names its post
with Atom threading (`thr:in-reply-to ref`, the post's id) and the comment it answers, when it answers
one, with a `related` link ending in that comment's number. Takeout's names the kind in
`<blogger:type>` (POST, PAGE, COMMENT), what a comment answers in `<blogger:parent>` (its post; a
comment there is read as the one it answers), and says what became of an entry in `<blogger:status>`
(LIVE, DRAFT, ...) or `<blogger:trashed>` (written, empty, on every entry: only a value, the date it was
trashed, marks one).

Each post and page is a thread, its comments under it in date order, nested where they answer another.
Settings, the template and trashed or deleted entries are no text to read; comments that are not live
(spam, pending) or whose post is not in the file are left out and counted. A comment whose text was
removed (Takeout's status EMPTIED, the API's name for it; the older exports' and comment feeds' mark
`gd:extendedProperty` `blogger.contentRemoved`, whatever the language of the line left in its place; Blogger's
"This comment has been removed by the author." left in its place, in the few languages whose wording is
known; no text at all) is a deleted comment: kept, empty, where a reply answers it.
Drafts (`app:draft` yes, status DRAFT) and scheduled posts are read, a warning naming them. A title
escaped once too often (`&amp;amp;`, `&lt;b&gt;`) is read as plain text. Ids are compared by their last
number (`tag:blogger.com,1999:blog-1.post-42` and `.../comments/default/42` name one entry).

An entry's address is its `alternate` link. Takeout's entries have none (an empty `<link/>`), only their path
on the blog (`<blogger:filename>/2024/05/name.html`), and its feed names the blog by id and title alone: a
post is given an address only where the file says where the blog is (the feed's own `alternate` link, or an
entry whose link ends in its filename), never a guessed host; drafts and scheduled posts, not on the blog,
get none. A comment without a link of its own is addressed as Blogger links one, on its post's page:
`POST?showComment=MILLISECONDS#cNUMBER` (the time it was published, its number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from translator.errors import InputError
from translator.models import Thread
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    child_element,
    comment_tree,
    discussion,
    iso_date,
    local_name,
    parse_xml,
)
from translator.readers.feed import plain_title
from translator.readers.markup import html_blocks, html_text, text_blocks

HINT = "give the .xml file Blogger's 'Back up content' or Google Takeout saved, whole"
# Where the kind of an entry is said: the category scheme of the older exports, Takeout's element.
KIND_SCHEME = "schemas.google.com/g/2005#kind"
KIND_TERM = re.compile(r"schemas\.google\.com/blogger/2008/kind#(\w+)")
# An export, told apart from a blog's own feed (which has neither): in the file's start or its entries.
EXPORT_MARK = re.compile(
    r"blogger/2008/kind#(?:settings|template|post|comment|page)\b|<[\w-]+:type>\s*(?:POST|COMMENT|PAGE)\b"
)
TEXT_KINDS = frozenset({"post", "page"})
GONE = frozenset({"deleted", "trashed", "soft_trashed", "removed"})
# A comment's text removed, the comment left (Blogger API's status for it; Takeout names statuses alike).
EMPTIED = "emptied"
# What Blogger shows in place of a comment's removed text (its feeds and exports carry the same line, in the
# blog's language). Only wording seen in Blogger's own output is listed: English; Dutch, a blog administrator's
# removal (a Blogger page in Dutch); Portuguese, the writer's (a Portuguese blog's comment as Blogger's API
# gives it). Where the file marks the removal itself (Takeout's status EMPTIED, CONTENT_REMOVED), the line's
# wording does not matter.
REMOVED_TEXT = re.compile(
    r"this (?:comment|post) has been removed by (?:the author|a blog administrator|the blog administrator)\.?"
    r"|deze reactie is verwijderd door een blogbeheerder\.?"
    r"|este comentário foi removido pelo autor\.?",
    re.IGNORECASE,
)
# The mark Blogger's comment entries (its comment feeds, the older exports) carry when a comment's text was
# removed, whatever the language of the line left in its place: `<gd:extendedProperty
# name='blogger.contentRemoved' value='true'/>` (Blogger's own comment script reads it to grey the line out).
CONTENT_REMOVED = "blogger.contentRemoved"
# What `blogger:trashed` holds on an entry that is not trashed (Takeout writes the element empty).
NOT_TRASHED = frozenset({"", "false", "no", "0"})
# Statuses of posts not (yet) on the blog, read all the same: what the warning calls them.
UNPUBLISHED = {"draft": "draft", "scheduled": "scheduled post"}
NAMED_AT_MOST = 5
LAST_NUMBER = re.compile(r"(?<!\d)(\d++)\D*$")
"""An id's last number; a run of digits is tried from its first digit only (linear in a long run)."""


def looks_like_blogger_export(text: str) -> bool:
    """Whether an Atom document may be a Blogger export (confirmed by reading it: `read_blogger` answers
    None when no entry has a Blogger kind)."""
    return EXPORT_MARK.search(text) is not None


def read_blogger(text: str) -> Reading | None:
    """The posts and pages of a Blogger export, each with its comments; None when the document is no
    export (a blog's feed that marks kinds, a feed that mentions them); InputError when it has no post."""
    root = parse_xml(text, "Blogger export", HINT)
    entries = [(entry, _kind(entry)) for entry in root if local_name(entry) == "entry"]
    if not _is_export([entry for entry, _ in entries], {kind for _, kind in entries}):
        return None
    posts: dict[str, Any] = {}
    comments: list[tuple[RawComment, str | None, str | None]] = []  # with its post's and its parent's number
    stamps: dict[str, int | None] = {}  # when each comment was published, in milliseconds (its link says it)
    left_out = 0
    for entry, kind in entries:
        status = _status(entry)
        gone = status in GONE or _trashed(entry)
        if kind in TEXT_KINDS and not gone:
            posts.setdefault(_number(_text(entry, "id")) or str(len(posts)), entry)
        elif kind == "comment":
            if status not in (None, "live", EMPTIED) and not gone:
                left_out += 1  # spam, pending: not shown on the blog
                continue
            comments.append(_comment(entry, deleted=gone or status == EMPTIED or _removed(entry)))
            stamps[comments[-1][0].key] = milliseconds(_text(entry, "published"))
    base = _blog_address(root, [entry for entry, _ in entries])
    addresses = {number: _post_address(entry, base) for number, entry in posts.items()}
    by_number = {comment.key: (comment, post) for comment, post, _ in comments}
    by_post: dict[str, list[RawComment]] = {}
    orphans = 0
    for comment, post, parent in comments:
        if post not in posts and post in by_number:  # a parent that is a comment: the one answered
            post, parent = by_number[post or ""][1], post
        answered = by_number.get(parent or "")
        if post not in posts and answered is not None:
            post = answered[1]
        if post not in posts:
            orphans += 1
            continue
        comment.parent_key = parent if answered is not None and answered[1] == post else None
        comment.url = comment.url or comment_address(addresses[post or ""], comment.key, stamps.get(comment.key))
        by_post.setdefault(post or "", []).append(comment)
    if not posts:
        raise InputError("this Blogger export holds no post or page", HINT)
    site = plain_title(_text(root, "title") or "") or None
    threads: list[Thread] = []
    dropped = 0
    for number, entry in posts.items():
        tree = comment_tree(sorted(by_post.get(number, []), key=lambda comment: comment.date or datetime.min))
        dropped += tree.dropped_deleted
        threads.append(_thread(entry, tree.posts, site, addresses[number]))
    warnings = left_out_warnings(
        {
            "not live on the blog (spam, pending)": left_out,
            "on posts not in this export": orphans,
            "deleted or removed without replies": dropped,
        }
    )
    warnings.extend(_unpublished_warnings(list(posts.items())))
    return Reading(tuple(threads), tuple(warnings))


def left_out_warnings(counts: dict[str, int]) -> list[str]:
    """A warning per reason comments were left out (`1 comment on posts not in this export was left out`), for
    the reasons that left any out."""
    return [
        f"{count:,} comment{'' if count == 1 else 's'} {why} {'was' if count == 1 else 'were'} left out"
        for why, count in counts.items()
        if count
    ]


def _unpublished_warnings(posts: list[tuple[str, Any]]) -> list[str]:
    """What says that drafts and scheduled posts, not on the blog, were read, naming them (a few)."""
    return said_unpublished(
        [
            (_unpublished(entry), f'"{_title(entry)}"' if _title(entry) else f"untitled (post {number})")
            for number, entry in posts
        ]
    )


def said_unpublished(posts: Sequence[tuple[str | None, str]]) -> list[str]:
    """The warnings naming (a few of) the drafts and scheduled posts read: each post's status (`draft`,
    `scheduled`, other values ignored) and how to name it."""
    warnings = []
    for status, noun in UNPUBLISHED.items():
        named = [label for said, label in posts if said == status]
        if not named:
            continue
        shown = ", ".join(named[:NAMED_AT_MOST]) + (
            f" and {len(named) - NAMED_AT_MOST:,} more" if len(named) > NAMED_AT_MOST else ""
        )
        count = f"1 {noun} is" if len(named) == 1 else f"{len(named):,} {noun}s are"
        warnings.append(f"{count} read, not published on the blog: {shown}")
    return warnings


def _is_export(entries: list[Any], kinds: set[str | None]) -> bool:
    """Whether entries are a whole blog's: the older exports open with its settings and template (a blog's
    public feeds, which may mark their posts' or comments' kinds too, hold neither); Takeout's name every
    entry's kind in `blogger:type`."""
    if kinds & {"settings", "template"}:
        return True
    return any(local_name(child) == "type" and "blogger" in str(child.tag) for entry in entries for child in entry)


def _kind(entry: Any) -> str | None:
    """An entry's kind in lower case (`post`, `comment`, `settings`...), from either shape."""
    for child in entry:
        name = local_name(child)
        if name == "category" and KIND_SCHEME in (child.get("scheme") or ""):
            term = KIND_TERM.search(child.get("term") or "")
            if term:
                return term[1].lower()
        if name == "type" and "blogger" in (child.tag or "") and child.text and child.text.strip():
            return str(child.text).strip().lower()
    return None


def _status(entry: Any) -> str | None:
    """Takeout's status of an entry in lower case (`live`, `draft`, `deleted`); None when not said."""
    status = _text(entry, "status")
    return status.lower() if status else None


def _trashed(entry: Any) -> bool:
    """Whether `blogger:trashed` says the entry is in the bin: it holds a value (the date it was trashed,
    `true`); Takeout writes it empty on every entry that is not."""
    trashed = child_element(entry, "trashed")
    return trashed is not None and (trashed.text or "").strip().lower() not in NOT_TRASHED


def _unpublished(entry: Any) -> str | None:
    """`draft` or `scheduled` for a post not on the blog (Takeout's status; the older exports' `app:control`
    `app:draft` yes), else None."""
    status = _status(entry)
    if status in UNPUBLISHED:
        return status
    draft = child_element(child_element(entry, "control"), "draft")
    return "draft" if draft is not None and (draft.text or "").strip().lower() == "yes" else None


def _removed(entry: Any) -> bool:
    """Whether a comment's text is gone: marked so (`blogger.contentRemoved`), none left, or only the line
    Blogger shows in its place."""
    specs = _content(entry)
    return is_content_removed(entry) or not specs or removed_line(specs)


def is_content_removed(entry: Any) -> bool:
    """Whether an entry carries Blogger's mark of a comment whose text was removed."""
    return any(
        local_name(child) == "extendedProperty"
        and child.get("name") == CONTENT_REMOVED
        and (child.get("value") or "true").strip().lower() == "true"
        for child in entry
    )


def removed_line(specs: Sequence[BlockSpec]) -> bool:
    """Whether a comment's text is only the line Blogger leaves in place of a removed one."""
    return len(specs) == 1 and REMOVED_TEXT.fullmatch(specs[0][1].strip()) is not None


def _title(entry: Any) -> str:
    """An entry's title as plain text: HTML when it says so, else text that may be escaped once too often."""
    title = _text(entry, "title") or ""
    kind = (child_element(entry, "title").get("type") or "").lower() if title else ""
    return html_text(title) if kind in ("html", "xhtml") else plain_title(title)


def _thread(entry: Any, comments: tuple[Any, ...], site: str | None, url: str | None) -> Thread:
    title = _title(entry)
    return discussion(
        "feed",
        title,
        _content(entry),
        comments,
        author=_author(entry),
        date=_date(entry),
        url=url,
        site=site,
    )


def _comment(entry: Any, *, deleted: bool) -> tuple[RawComment, str | None, str | None]:
    """A comment, the number of its post and that of the comment it answers (when it answers one)."""
    post = parent = None
    for child in entry:
        name = local_name(child)
        if name == "in-reply-to":  # Atom threading: the post (some tools name the comment answered)
            post = _number(child.get("ref")) or _number(child.get("href"))
        elif name == "parent" and child.text:  # Takeout
            post = _number(child.text)
        elif name == "inReplyTo" and child.text:
            parent = _number(child.text)
        elif name == "link" and child.get("rel") == "related":  # the comment answered, in the older shape
            parent = _number(child.get("href"))
    comment = RawComment(
        key=_number(_text(entry, "id")) or f"unnumbered-{id(entry)}",
        parent_key=None,
        author=_author(entry),
        specs=_content(entry),
        date=_date(entry),
        url=_page_link(entry),
        deleted=deleted,
    )
    return comment, post, parent


def _content(entry: Any) -> list[Any]:
    content = child_element(entry, "content")
    if content is None or not (content.text or "").strip():
        return []
    kind = (content.get("type") or "").lower()
    return text_blocks(content.text) if kind == "text" else html_blocks(content.text)


def _author(entry: Any) -> str | None:
    return _text(child_element(entry, "author"), "name")


def _date(entry: Any) -> datetime | None:
    return iso_date(_text(entry, "published")) or iso_date(_text(entry, "updated"))


def _page_link(entry: Any) -> str | None:
    """The address an entry is shown at on the blog (its `alternate` link)."""
    for child in entry:
        if local_name(child) == "link" and child.get("rel") == "alternate" and (child.get("href") or "").strip():
            return str(child.get("href")).strip()
    return None


def _blog_address(root: Any, entries: list[Any]) -> str | None:
    """Where the blog is (`https://name.blogspot.com`), as the file says it: the feed's own `alternate` link
    (the older exports, a blog's feeds), else the part of an entry's link before its `blogger:filename`;
    None when nothing says it (Takeout's feed names the blog by its id and title only)."""
    own = urlsplit(_page_link(root) or "")
    if own.scheme in ("http", "https") and own.netloc:
        return f"{own.scheme}://{own.netloc}"
    for entry in entries:
        link, filename = urlsplit(_page_link(entry) or ""), _filename(entry)
        if link.scheme in ("http", "https") and link.netloc and filename and link.path == filename:
            return f"{link.scheme}://{link.netloc}"
    return None


def _post_address(entry: Any, base: str | None) -> str | None:
    """A post's or page's address: its `alternate` link, else the blog's address joined with its
    `blogger:filename` (Takeout's), when the post is on the blog and the file says where the blog is."""
    if link := _page_link(entry):
        return link
    filename = _filename(entry)
    return f"{base}{filename}" if base and filename and _unpublished(entry) is None else None


def comment_address(post: str | None, number: str, published: int | None) -> str | None:
    """A comment's address on its post's page, as Blogger links it: `?showComment=` the time it was
    published (in milliseconds: which page of comments holds it), `#c` its number."""
    if post is None or not number.isdigit():
        return None
    page = post.partition("#")[0]
    if published is not None:
        page += f"{'&' if '?' in page else '?'}showComment={published}"
    return f"{page}#c{number}"


def _filename(entry: Any) -> str | None:
    """An entry's path on the blog (Takeout's `blogger:filename`: `/2024/05/name.html`, `/p/about.html`)."""
    filename = _text(entry, "filename")
    return filename if filename and filename.startswith("/") and " " not in filename else None


def milliseconds(value: str | None) -> int | None:
    """An ISO 8601 time (`2024-03-01T10:00:00.123Z`) as milliseconds since 1970; None without an offset."""
    try:
        moment = datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return int(moment.timestamp()) * 1000 + moment.microsecond // 1000


def _number(value: str | None) -> str | None:
    """The last number of a Blogger id or address, which names an entry whatever the form."""
    found = LAST_NUMBER.search(value or "")
    return found[1] if found else None


def _text(element: Any, name: str) -> str | None:
    child = child_element(element, name)
    text = child.text if child is not None else None
    return " ".join(text.split()) or None if isinstance(text, str) else None
