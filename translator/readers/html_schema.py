"""Comments a page states as data: schema.org `Comment`s in JSON-LD, and the thread data Disqus embeds.

JSON-LD comments hang under an article's `comment` property, replies under their parent's `comment`
(or point at it with `parentItem`). Their text may be plain or HTML; either becomes plain blocks.
The count a page claims (`commentCount`, a `CommentAction` counter, Disqus's post total) is kept, so
that a page whose other comments load by script can say so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from html import unescape
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from translator.models import Votes
from translator.readers.common import BlockSpec
from translator.readers.html_dates import machine_date, printed_date
from translator.readers.html_fields import FoundComments, RawComment
from translator.readers.html_items import path
from translator.readers.html_text import clean_text
from translator.readers.markup import PAGE_COMMENT_RULES, html_blocks

JSON_LD = path("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]")
DISQUS_DATA = path("//script[@id='disqus-threadData']")
DISQUS_POSTS = path("//li[has-class('post')][starts-with(@id, 'post-')] | //*[@id='post-list']")
SCRIPT_WRAPPER = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|/\*\s*<!\[CDATA\[\s*\*/)|(?:-->|//\s*\]\]>|/\*\s*\]\]>\s*\*/)\s*$"
)
MAX_DEPTH = 64
"""JSON-LD deeper than this is not read further (comments nest a few levels, not hundreds)."""


LETTER_ENTITY = re.compile(r"&(?:[A-Za-z]+\d*|#\d+|#[xX][0-9a-fA-F]+);")


def unescape_letters(tree: HtmlElement) -> None:
    """The page's JSON-LD with the letters a template escaped as HTML in it written as letters (`"name":
    "Redacci&oacute;n"`: JSON needs no entities, and nothing reads them back). Other entities (`&quot;`) stay,
    as they may stand for what JSON would have to escape."""
    for script in JSON_LD(tree):
        if isinstance(script, HtmlElement) and script.text and "&" in script.text:
            script.text = LETTER_ENTITY.sub(_letter, script.text)


def _letter(entity: re.Match[str]) -> str:
    letter = unescape(entity[0])
    return letter if len(letter) == 1 and letter.isalpha() else entity[0]


def json_documents(tree: HtmlElement, finder: etree.XPath = JSON_LD) -> Iterator[Any]:
    """The parsed JSON of the page's scripts the finder selects; malformed ones are skipped."""
    for script in finder(tree):
        if not isinstance(script, HtmlElement) or not script.text:
            continue
        try:
            yield json.loads(SCRIPT_WRAPPER.sub("", script.text))
        except (ValueError, RecursionError):
            continue  # a page's broken metadata is not the user's problem: the page is read without it


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", [])
    names = value if isinstance(value, list) else [value]
    return {str(name).rsplit("/", 1)[-1] for name in names}


def _walk(document: Any) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Every JSON object with the key of the Comment it hangs under (None outside comments), depth-first."""
    stack: list[tuple[Any, str | None, int]] = [(document, None, 0)]
    while stack:
        node, parent, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, list):
            stack.extend((child, parent, depth + 1) for child in reversed(node))
        elif isinstance(node, dict):
            yield node, parent
            key = _comment_key(node) if "Comment" in _types(node) else parent
            stack.extend((child, key, depth + 1) for child in reversed(list(node.values())))


def _comment_key(node: dict[str, Any]) -> str:
    return str(node.get("@id") or node.get("url") or f"ld-{id(node)}")


def stated_count(tree: HtmlElement) -> int | None:
    """The number of comments the page's JSON-LD says the article has, when it says."""
    best: int | None = None
    for document in json_documents(tree):
        for node, _ in _walk(document):
            counts = [node.get("commentCount")]
            if "InteractionCounter" in _types(node) and "Comment" in str(node.get("interactionType", "")):
                counts.append(node.get("userInteractionCount"))
            for count in counts:
                if isinstance(count, int | str) and str(count).isdigit() and int(count) > (best or 0):
                    best = int(count)
    return best


def json_ld_comments(tree: HtmlElement, lang: str | None) -> FoundComments | None:
    """schema.org Comments in the page's JSON-LD, in the order they are stated; None when there are none."""
    comments: list[RawComment] = []
    seen: set[str] = set()
    for document in json_documents(tree):
        for node, parent in _walk(document):
            if "Comment" not in _types(node) or (key := _comment_key(node)) in seen:
                continue
            seen.add(key)
            comments.append(_ld_comment(node, key, parent, lang))
    if not any(comment.blocks or comment.author for comment in comments):
        return None
    return FoundComments(tuple(comments), "json-ld", expected=stated_count(tree))


def _ld_comment(node: dict[str, Any], key: str, parent: str | None, lang: str | None) -> RawComment:
    referenced = node.get("parentItem")
    if isinstance(referenced, dict):
        referenced = referenced.get("@id") or referenced.get("url")
    return RawComment(
        key=key,
        parent_key=str(referenced) if isinstance(referenced, str) and referenced else parent,
        author=_name(node.get("author") or node.get("creator")),
        date=_date(node.get("dateCreated") or node.get("datePublished") or node.get("dateModified"), lang),
        blocks=tuple(text_blocks(node.get("text") or node.get("description") or "")),
        votes=_votes(node.get("upvoteCount"), node.get("downvoteCount")),
        url=node["url"] if isinstance(node.get("url"), str) else None,
    )


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
    return clean_text(value) or None if isinstance(value, str) else None


def _date(value: Any, lang: str | None) -> datetime | None:
    return (machine_date(value) or printed_date(value, lang)) if isinstance(value, str) else None


def _votes(up: Any, down: Any) -> Votes | None:
    def count(value: Any) -> int | None:
        return int(value) if isinstance(value, int | str) and str(value).isdigit() else None

    ups, downs = count(up), count(down)
    return Votes(ups or 0, downs or 0) if ups is not None or downs is not None else None


def text_blocks(text: Any) -> list[BlockSpec]:
    """A comment's stated text as blocks: HTML when it holds tags or entities, else paragraphs at blank lines."""
    return html_blocks(text, PAGE_COMMENT_RULES) if isinstance(text, str) else []


def disqus_comments(tree: HtmlElement, lang: str | None) -> FoundComments | None:
    """The posts Disqus embeds as JSON in its comment frame (`disqus-threadData`), with the thread's title."""
    for document in json_documents(tree, DISQUS_DATA):
        response = document.get("response") if isinstance(document, dict) else None
        if not isinstance(response, dict) or not isinstance(response.get("posts"), list):
            continue
        thread: dict[str, Any] = response["thread"] if isinstance(response.get("thread"), dict) else {}
        posts = [post for post in response["posts"] if isinstance(post, dict) and not post.get("isSpam")]
        comments = tuple(_disqus_post(post, lang) for post in posts)
        title = clean_text(str(thread.get("clean_title") or thread.get("title") or ""))
        article = RawComment(
            key="article",
            parent_key=None,
            author=None,
            date=None,
            blocks=(("title", title, None, None),) if title else (),
            url=thread.get("link") if isinstance(thread.get("link"), str) else None,
        )
        total = thread.get("posts")
        elements = tuple(e for e in DISQUS_POSTS(tree) if isinstance(e, HtmlElement))
        expected = total if isinstance(total, int) and total > len(response["posts"]) else None
        return FoundComments(comments, "disqus", article, elements, expected=expected)
    return None


def _disqus_post(post: dict[str, Any], lang: str | None) -> RawComment:
    author: dict[str, Any] = post["author"] if isinstance(post.get("author"), dict) else {}
    deleted = bool(post.get("isDeleted") or post.get("isDeletedByAuthor"))
    parent = post.get("parent")
    return RawComment(
        key=f"disqus-{post.get('id')}",
        parent_key=f"disqus-{parent}" if parent else None,
        author=_name(author) or (clean_text(str(author.get("username"))) if author.get("username") else None),
        date=_date(post.get("createdAt"), lang),
        blocks=() if deleted else tuple(text_blocks(post.get("message"))),
        votes=_votes(post.get("likes"), post.get("dislikes")),
        deleted=deleted,
    )
