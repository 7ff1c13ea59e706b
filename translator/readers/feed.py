"""Read a news feed: RSS, Atom (through feedparser) or JSON Feed. Each item is a thread of its own.

An item's title, link and date make the article; its full content when the feed gives it, else its
summary, becomes the paragraphs (HTML to blocks, tracking pixels and scripts dropped). The feed's title
is the site. Feeds carry no reader comments, so each thread is an article alone.
"""

from __future__ import annotations

import calendar
import io
from typing import Any

from translator.errors import InputError
from translator.models import Thread
from translator.readers.common import (
    BlockSpec,
    Reading,
    as_dict,
    as_list,
    discussion,
    epoch_date,
    iso_date,
    text_field,
    xml_bytes,
)
from translator.readers.markup import html_blocks, html_text, text_blocks

HINT = "give an RSS, Atom or JSON Feed file"
FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
JSON_FEED_VERSION = "https://jsonfeed.org/version/"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def looks_like_json_feed(data: Any) -> bool:
    """Whether parsed JSON is a JSON Feed (its `version` names the spec)."""
    return isinstance(data, dict) and str(data.get("version", "")).startswith(JSON_FEED_VERSION)


def read_feed(text: str) -> Reading:
    """The items of an RSS or Atom feed, one thread each; InputError when there is no item to read."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(xml_bytes(text)), sanitize_html=True, resolve_relative_uris=False)
    entries = [entry for entry in parsed.entries if isinstance(entry, dict)]
    problem = _problem(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if not entries:
        reason = f": {problem}" if problem else ""
        raise InputError(f"no feed item found in this file{reason}", HINT)
    site = _feed_text(parsed.feed, "title")
    threads = tuple(_entry_thread(entry, site) for entry in entries)
    warnings = (f"this feed is not well-formed ({problem}): its items were read as far as possible",) if problem else ()
    return Reading(threads, warnings)


def _problem(error: Any) -> str:
    """feedparser's complaint about a feed, as one short phrase (`line 2: no element found`)."""
    if hasattr(error, "getLineNumber") and hasattr(error, "getMessage"):
        return f"line {error.getLineNumber()}: {error.getMessage()}"
    return str(error)


def _entry_thread(entry: dict[str, Any], site: str | None) -> Thread:
    title = _feed_text(entry, "title") or ""
    link = text_field(entry.get("link"))
    # dict.get: feedparser's own get maps a missing date to the other one, with a deprecation warning.
    moment = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    date = epoch_date(calendar.timegm(moment)) if moment else None
    content = as_list(entry.get("content"))
    body = as_dict(content[0]) if content else as_dict(entry.get("summary_detail"))
    value = body.get("value") if body else entry.get("summary")
    specs = _body(value, body.get("type") if body else "text/html")
    return discussion(
        "feed", title, specs, author=_author(entry), date=date, url=link.strip() if link else None, site=site
    )


def _author(entry: dict[str, Any]) -> str | None:
    """The writer's name (Atom's author element also holds an e-mail address, which is no name)."""
    return text_field(as_dict(entry.get("author_detail")).get("name")) or text_field(entry.get("author"))


def _feed_text(item: Any, key: str) -> str | None:
    """A text field of feedparser's result, markup removed when the feed sent it as HTML."""
    detail = as_dict(as_dict(item).get(f"{key}_detail"))
    value = as_dict(item).get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    return (html_text(value) if detail.get("type") in HTML_TYPES else " ".join(value.split())) or None


def _body(value: Any, kind: Any) -> list[BlockSpec]:
    if not isinstance(value, str):
        return []
    return html_blocks(value) if kind in HTML_TYPES else text_blocks(value)


def read_json_feed(data: Any) -> Reading:
    """The items of a JSON Feed (1.0 or 1.1), one thread each; InputError when it has none."""
    if not looks_like_json_feed(data):
        raise InputError("this JSON is not a JSON Feed (no jsonfeed.org version)", HINT)
    site = text_field(data.get("title"))
    threads = []
    for item in as_list(data.get("items")):
        item = as_dict(item)
        if not item:
            continue
        html = text_field(item.get("content_html"))
        specs = html_blocks(html) if html else text_blocks(text_field(item.get("content_text")) or "")
        if not specs and (summary := text_field(item.get("summary"))):
            specs = text_blocks(summary)
        authors = [as_dict(author) for author in as_list(item.get("authors"))] or [as_dict(item.get("author"))]
        title = text_field(item.get("title")) or ""
        date = iso_date(item.get("date_published")) or iso_date(item.get("date_modified"))
        link = text_field(item.get("url")) or text_field(item.get("external_url"))
        author = next((name for entry in authors if (name := text_field(entry.get("name")))), None)
        threads.append(discussion("feed", title, specs, author=author, date=date, url=link, site=site))
    if not threads:
        raise InputError("this JSON Feed has no item", HINT)
    return Reading(tuple(threads))
