"""Read a Disqus export: the XML a site's owner gets from Disqus (Admin > Community > Export).

The export lists every page of the site (`<thread dsq:id>`: link, title, date) and then every comment
(`<post>`, pointing to its page with `<thread dsq:id>` and to the comment it answers with `<parent
dsq:id>`). Each page with comments becomes a thread: its title as the article, its comments as the
reply tree, in the order they were written (an export lists them in no useful order). Spam is left out
(replies to it move up); deleted comments stay, empty, only where a kept comment replies to them; pages
without comments are left out. Comments on a deleted page are left out and counted in a warning;
comments on a page the export does not list make a thread of their own, without a title.
A title escaped twice (WordPress sends `Don&#8217;t`, the export escapes the `&`) is unescaped.

The JSON of Disqus's API (`threads/listPosts`, `posts/list`: what a comment widget loads, saved from a
browser) is read too: `{"code": 0, "response": [posts]}`, each post naming its `thread` and `parent`;
a thread per page, likes and dislikes as votes; `cursor.hasNext` says more pages of comments exist.
So is the thread data of Disqus's comment frame (`{"thread": {...}, "posts": [...]}` as its response).
Comments waiting for a moderator (`isApproved` false) are left out and counted; a page named by id
only (the API asked without `related=thread`) gets no title, with a warning.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from translator.errors import InputError
from translator.models import Post, Thread, Votes
from translator.readers.common import (
    RawComment,
    Reading,
    as_dict,
    child_element,
    comment_tree,
    discussion,
    iso_date,
    local_name,
    parse_xml,
    text_field,
    whole_number,
)
from translator.readers.markup import html_blocks, text_blocks

HINT = "give the XML file of a Disqus export, unzipped, or the JSON of Disqus's API (threads/listPosts)"
MORE_PAGES = (
    "further comments are not in this file (Disqus has more pages of them): only the comments in the file are read"
)
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def read_disqus(text: str) -> Reading:
    """The threads of a Disqus export; InputError when the XML is broken or is not a Disqus export."""
    root = parse_xml(text, "Disqus export", HINT)
    if local_name(root) != "disqus":
        raise InputError(f"this XML is not a Disqus export (its root is <{local_name(root)}>)", HINT)
    pages: dict[str, Any] = {}
    deleted_pages: set[str] = set()
    comments: dict[str, list[RawComment]] = {}
    for number, element in enumerate(root):
        name = local_name(element)
        if name == "thread" and (key := _dsq_id(element)):
            if _flag(element, "isDeleted") is True:
                deleted_pages.add(key)
            else:
                pages.setdefault(key, element)
        elif name == "post":
            page = _dsq_id(child_element(element, "thread"))
            if page:
                comments.setdefault(page, []).append(_comment(element, number))
    unlisted = [key for key in comments if key not in pages and key not in deleted_pages]
    merged = _merge_same_pages(pages, comments)
    threads = []
    empty = dropped = 0
    for key in [*pages, *unlisted]:
        tree = comment_tree(_in_date_order(comments.get(key, [])))
        dropped += tree.dropped_deleted
        if not tree.posts:
            empty += 1
            continue
        threads.append(_page_thread(pages.get(key), tree.posts))
    if not threads:
        raise InputError("this Disqus export holds no comment on any page", HINT)
    warnings = [f"{empty:,} pages of this export have no comments: left out"] if empty else []
    if dropped:
        warnings.append(f"{dropped:,} deleted comments without replies were left out")
    on_deleted = sum(len(comments.get(key, [])) for key in deleted_pages - pages.keys())
    if on_deleted:
        warnings.append(f"{on_deleted:,} comments on deleted pages were left out")
    if merged:
        warnings.append(f"{merged:,} pages listed twice (one address, several Disqus threads) were read as one")
    if unlisted:
        warnings.append(
            f"{len(unlisted):,} pages with comments are not described in this export: their threads have no title"
        )
    return Reading(tuple(threads), tuple(warnings))


def _merge_same_pages(pages: dict[str, Any], comments: dict[str, list[RawComment]]) -> int:
    """Join the Disqus threads of one page (Disqus opens a new one when the address changes from http to
    https, gains `www.` or a trailing slash): the first keeps the comments of all, the others go. In
    place; returns how many went."""
    first_of: dict[str, str] = {}
    duplicates = []
    for key, page in pages.items():
        address = _address(_text(page, "link"))
        if address is None:
            continue
        first = first_of.setdefault(address, key)
        if first != key:
            comments.setdefault(first, []).extend(comments.pop(key, []))
            duplicates.append(key)
    for key in duplicates:
        del pages[key]
    return len(duplicates)


def _address(link: str | None) -> str | None:
    """A page's address without what does not change the page: scheme, `www.`, trailing slash, fragment."""
    if not link or "://" not in link:
        return None
    rest = link.strip().partition("://")[2].partition("#")[0].rstrip("/")
    return rest.removeprefix("www.").lower() or None


def _page_thread(page: Any, posts: tuple[Post, ...]) -> Thread:
    """The thread of one page (None: a page the export does not describe) with its comments."""
    title = _text(page, "title") or ""
    if ENTITY.search(title):
        title = " ".join(html.unescape(title).split())
    link = (_text(page, "link") or "").strip() or None
    body = html_blocks(_text(page, "message") or "")
    published = iso_date(_text(page, "createdAt"))
    return discussion("disqus", title, body, posts, date=published, url=link, site=_text(page, "forum"))


def _in_date_order(comments: list[RawComment]) -> list[RawComment]:
    """Comments by date (stable: undated ones keep their place relative to each other at the start)."""
    return sorted(comments, key=lambda comment: comment.date or datetime.min)


def _comment(post: Any, number: int) -> RawComment:
    author = child_element(post, "author")
    return RawComment(
        key=_dsq_id(post) or f"unnumbered-{number}",
        parent_key=_dsq_id(child_element(post, "parent")),
        author=(_text(author, "name") or _text(author, "username")) if author is not None else None,
        specs=html_blocks(_text(post, "message") or ""),
        date=iso_date(_text(post, "createdAt")),
        deleted=_flag(post, "isDeleted") is True,
        skipped=_flag(post, "isSpam") is True,
    )


def _text(element: Any, name: str) -> str | None:
    child = child_element(element, name)
    text = child.text if child is not None else None
    return text.strip() or None if isinstance(text, str) else None


def _flag(element: Any, name: str) -> bool | None:
    text = _text(element, name)
    return None if text is None else text.lower() == "true"


def _dsq_id(element: Any) -> str | None:
    """The `dsq:id` attribute (in Disqus's internal namespace, whatever its prefix)."""
    if element is None:
        return None
    for attribute, value in element.attrib.items():
        if attribute.rpartition("}")[2] == "id" and value.strip():
            return str(value.strip())
    return None


def looks_like_disqus_api(data: Any) -> bool:
    """Whether parsed JSON is an answer of Disqus's API listing posts: `code` 0 and a `response` of
    posts (objects with a message, an author and a thread), or of a page and its posts (the thread data
    Disqus's comment frame holds: `{"thread": {...}, "posts": [...]}`); or its answer of an error
    (`code` other than 0, the `response` saying what went wrong), which its reader refuses saying so."""
    answer = as_dict(data)
    code, response = answer.get("code"), answer.get("response")
    if isinstance(code, int) and code != 0 and isinstance(response, str) and set(answer) <= {"code", "response"}:
        return True
    posts = as_dict(response).get("posts") if isinstance(response, dict) else response
    return (
        code == 0
        and isinstance(posts, list)
        and any(isinstance(post, dict) and "message" in post and "thread" in post for post in posts)
    )


def read_disqus_api(data: Any) -> Reading:
    """The threads of a Disqus API answer, one per page its posts are on."""
    if not looks_like_disqus_api(data):
        raise InputError("this JSON is not an answer of Disqus's API (no code 0 with a response of posts)", HINT)
    if data["code"] != 0:
        said = " ".join(str(data["response"]).split())[:200]
        raise InputError(f"this is Disqus's API answering an error (code {data['code']}: {said}), not comments", HINT)
    response = data["response"]
    framed = as_dict(response.get("thread")) if isinstance(response, dict) else {}
    posts = response["posts"] if isinstance(response, dict) else response
    pages: dict[str, dict[str, Any]] = {}
    comments: dict[str, list[RawComment]] = {}
    pending = 0
    for post in (post for post in posts if isinstance(post, dict)):
        if post.get("isApproved") is False and post.get("isDeleted") is not True and post.get("isSpam") is not True:
            pending += 1  # waiting for a moderator: not shown on the page
            continue
        thread = post.get("thread")
        page = as_dict(thread)  # expanded with `related=thread`, else its id
        key = str(page.get("id") if page else thread)
        if not page and str(framed.get("id")) == key:
            page = framed  # the thread data of a comment frame describes the page once, beside its posts
        if page or key not in pages:
            pages[key] = page or pages.get(key, {})
        author = as_dict(post.get("author"))
        likes, dislikes = whole_number(post.get("likes")), whole_number(post.get("dislikes"))
        comments.setdefault(key, []).append(
            RawComment(
                key=str(post.get("id")),
                parent_key=str(post["parent"]) if post.get("parent") is not None else None,
                author=text_field(author.get("name")) or text_field(author.get("username")),
                specs=_api_message(post),
                date=iso_date(post.get("createdAt")),
                votes=Votes(up=likes or 0, down=dislikes or 0) if likes is not None or dislikes is not None else None,
                deleted=post.get("isDeleted") is True,
                skipped=post.get("isSpam") is True,
            )
        )
    threads, dropped = [], 0
    for key, page in pages.items():
        tree = comment_tree(_in_date_order(comments[key]))
        dropped += tree.dropped_deleted
        title = text_field(page.get("clean_title")) or text_field(page.get("title")) or ""
        link = text_field(page.get("link"))
        threads.append(discussion("disqus", title, [], tree.posts, url=link, site=text_field(page.get("forum"))))
    if not threads:
        raise InputError("this answer of Disqus's API holds no comment shown on a page", HINT)
    more = as_dict(data.get("cursor")).get("hasNext") is True
    warnings = [MORE_PAGES] if more else []
    if dropped:
        warnings.append(f"{dropped:,} deleted comments without replies were left out")
    if pending:
        said = (
            "1 comment waiting for a moderator (not shown on the page) was"
            if pending == 1
            else (f"{pending:,} comments waiting for a moderator (not shown on the page) were")
        )
        warnings.append(f"{said} left out")
    undescribed = sum(1 for page in pages.values() if not page)
    if undescribed:
        which = "the page these comments are on is" if len(pages) == 1 else f"{undescribed:,} pages are"
        warnings.append(
            f"{which} named by id only (ask the API with related=thread for its title and address): no title"
        )
    return Reading(tuple(threads), tuple(warnings))


def _api_message(post: dict[str, Any]) -> list[Any]:
    """A post's text: its HTML `message`, else the `raw_message` it was typed as (plain text)."""
    if isinstance(post.get("message"), str) and post["message"].strip():
        return html_blocks(post["message"])
    raw = post.get("raw_message")
    return text_blocks(raw) if isinstance(raw, str) else []
