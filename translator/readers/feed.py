"""Read a news feed: RSS 2.0, RSS 1.0 (RDF), Atom (through feedparser) or JSON Feed. Each item is a thread.

An item's title, link and date make the article; its fullest text becomes the paragraphs (HTML to
blocks, tracking pixels and scripts dropped): its content (`content:encoded`, Atom's `<content>`),
Yandex's `yandex:full-text` or `turbo:content`, its summary. A description escaped twice (`&lt;p&gt;`
left in the text), or a part of it (a paragraph that reads `<div><p>...</p></div>`), is unescaped once
more; a first heading repeating the title goes, and so does a link to read on ("Continue reading..."). A date feedparser
cannot read (`Пн, 01 янв 2024`) is read as printed. The feed's title is the site. A JSON Feed item's
`external_url` (what a linkblog's item is about) follows its text as a source block; its address is its `url`.

An item's text is the longest of those, HTML sent as plain text is read as HTML, RSS authors lose
their e-mail address, a FeedBurner item links to its article (`feedburner:origLink`), and a link given
as a path is made absolute against the feed's (Atom: against the feed's own address, its `self` link,
as feedparser resolves links and a relative `xml:base` when told the address). An item of Reddit's
feeds loses the line of Reddit's template under the post ("submitted by NAME to SUB [link] [N comments]"):
the name is its author, the count of comments is reported, and a link post's link is its text, as the
Reddit reader gives it; the
subreddit (`r/NAME`, the feed's category) is the site. A Reddit post's own feed (`.../comments/ID/SLUG/.rss`:
the post, then its comments) is one thread, its comments top-level (the feed does not say who answers
whom), a `[deleted]` or `[removed]` one left out and counted. A story of hnrss.org's feeds loses the
template under it ("Article URL", "Comments URL", "Points", "# Comments"): the article's address is a
source block, the points its votes, the count of comments reported.

A comment feed (WordPress's `/feed/` of a post, Blogger's comment feed, Discourse's posts feeds) is
different: its items are comments, linked to `PAGE#comment-12` or `/t/SLUG/ID/N` (or said, by Atom
threading, to answer a page). Its items become the comments of one thread per page, in date order, a
comment answering another (`thr:in-reply-to`, or WordPress's opening "In reply to <a href=#comment-12>")
nested under it; a Discourse topic's post 1 is its article (a site's posts feed, linking `#post_N`: a
thread per topic, titled by its items; its writers `@username Name` are their usernames). A Discourse
post is read without its feed's template ("@NAME wrote:", the post as a quote, "Read full topic") and
nested under the earlier post of its topic it quotes (`aside.quote` `data-post`) or else links to; a
topic's own feed (`/t/SLUG/ID.rss`: its latest posts) without post 1 takes the channel's description,
post 1's Markdown, as the article. hnrss.org's feeds of Hacker News comments (RSS, Atom, JSON Feed;
items `New comment by NAME in "STORY"`, linked to the comment alone) are a thread per story, its title
the article (one story's feed, `/item?id=N`, also its address), its comments top-level (the feed says
nothing of who answers whom). Other feeds hold no reader comments; when their items count comments
elsewhere (`slash:comments`, Atom threading's `thr:total` or `thr:count`), a warning says so.

A WordPress export (WXR: RSS with `wp:` elements) holds the site's posts and pages with their comments:
each post is a thread, its approved comments (`wp:comment`, not pingbacks) nested by `comment_parent`.
Attachments, menus and other site machinery, and trashed posts, are left out. A Blogger export (Atom
whose entries are of Blogger kinds: posts, pages, comments, settings) is read alike, by
translator.readers.blogger.
"""

from __future__ import annotations

import calendar
import html
import io
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
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
    iso_date,
    local_name,
    net_votes,
    parse_xml,
    text_field,
    whole_number,
    xml_bytes,
)
from translator.readers.markup import MarkupRules, html_blocks, html_text, text_blocks

HINT = "give an RSS, Atom or JSON Feed file"
PRINTED_PUB_DATE = re.compile(
    r"^(?:[^\W\d_]+\.?,?\s+)?(?P<day>\d{1,2}\.?\s+[^\W\d_]+\.?\s+\d{4})\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?"
    r"(?:\s*(?:(?P<sign>[+-])(?P<zone_hours>\d{2}):?(?P<zone_minutes>\d{2})|GMT|UTC|UT|Z))?$"
)
"""An RSS date in the RFC 822 shape with the day and month named in another language (`Seg, 24 Set 2018
19:42:40 -0300`), which feedparser does not read."""
FEED_ROOTS = frozenset({"rss", "feed", "rdf", "channel"})
JSON_FEED_VERSION = "jsonfeed.org/version/"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
# HTML escaped twice: after the XML parser's unescaping, tags still read `&lt;p&gt;`.
ESCAPED_TAG = re.compile(r"&lt;/?(?:p|br|div|a|b|i|em|strong|span|img|ul|ol|li|blockquote|h[1-6])\b", re.IGNORECASE)
# An entity of HTML left in text said to be plain (`&amp;`, `&#8217;`).
HTML_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,7}|#x[0-9a-f]{1,6});", re.IGNORECASE)
# A block whose text is HTML itself: it opens with a tag or an HTML comment (and holds a closing tag).
ESCAPED_FRAGMENT = re.compile(r"<(?:!--|[a-z][a-z0-9]{0,9}[\s/>])", re.IGNORECASE)
# Markup in text said to be plain (Atom's default type, escaped HTML): a closing tag, `<br>` or `<p>`.
PLAIN_BUT_HTML = re.compile(
    r"</(?:p|div|a|b|i|em|strong|span|ul|ol|li|blockquote|h[1-6])>|<br\s*/?>|<p(?:\s[^<>]*)?>", re.IGNORECASE
)
# The fragment of a link to a comment on a page: WordPress `#comment-12`, Blogger `#c99`, others `#cmt-3`.
COMMENT_FRAGMENT = re.compile(r"(?:comments?|c|cmt|reply)[-_]?\d+", re.IGNORECASE)
# A post of a Discourse topic (`/t/SLUG/ID/N`), as its topic's and its site's posts feeds link them.
# A post of a Discourse topic, as its topic's feed links it (`/t/SLUG/ID/N`) or its site's posts feed
# (`/t/SLUG/ID#post_N`, `/t/SLUG/ID?page=2#post_N`).
DISCOURSE_POST_LINK = re.compile(
    r"(?P<topic>https?://[^#?\s]+/t/[^/#?\s]+/\d+)(?:/(?P<number>\d+)/?|/?(?:\?page=\d+)?#post_(?P<anchored>\d+))$"
)
# How a Discourse posts feed names a writer: `@username`, or `@username Full Name`.
# Discourse's template around a post in its feeds: "<p><a href=/u/NAME>@NAME</a> wrote:</p><blockquote>POST
# </blockquote><p><a href=POST>Read full topic</a></p>" ("wrote" in the site's language).
DISCOURSE_WRAPPER = re.compile(
    r"\A\s*<p>\s*<a\s[^>]{0,200}?href=[\"'][^\"'\s>]{0,300}/u/[^\"'\s>]{1,200}[\"'][^>]{0,200}>[^<]{1,80}</a>"
    r"[^<]{0,60}</p>\s*<blockquote>(?P<post>.*)</blockquote>\s*(?:<p>\s*<a\s[^>]{0,2000}>[^<]{0,80}</a>\s*</p>\s*)?\Z",
    re.DOTALL,
)
# A quote of another post in a Discourse post's HTML (`<aside class="quote" data-post="2" data-topic="42">`),
# and a link to a post of a topic (`/t/SLUG/42/2`): what a post answers, where the feed says nothing else.
DISCOURSE_QUOTE = re.compile(r"<aside\s[^>]{0,500}>", re.IGNORECASE)  # bounded: linear on unclosed tags
DISCOURSE_ATTRIBUTE = re.compile(r"\b(class|data-post|data-topic)\s*=\s*[\"']([^\"']{0,200})[\"']", re.IGNORECASE)
DISCOURSE_POST_HREF = re.compile(
    r"href=[\"'][^\"'#?\s>]{0,300}/t/[^/\"'#?\s>]{1,300}/(?P<topic>\d{1,12})/(?P<number>\d{1,9})/?[\"']"
)
DISCOURSE_CREATOR = re.compile(r"@(?P<username>[\w.-]{1,60})(?:\s.*)?", re.DOTALL)
# WordPress's pages of comments: `POST/comment-page-2/#comment-12`, `?p=5&cpage=2#comment-12`.
COMMENT_PAGE_PATH = re.compile(r"/comment-page-\d+/?$")
COMMENT_PAGE_QUERY = re.compile(r"(?<=[?&])cpage=\d+&?|[?&]cpage=\d+$")
# Blogger's query naming the comment a link shows (`?showComment=1704100000000`).
SHOW_COMMENT = re.compile(r"[?&]showComment=\d+")
# The link a comment opens with to the comment it answers (WordPress: "In reply to <a href=...>Name</a>.").
OPENING_LINK = re.compile(r"\A\s*(?:<p[^>]*>)?[^<]{0,80}<a\s[^>]*?href=[\"']([^\"']+)[\"']", re.IGNORECASE)
TITLE_SPACE = re.compile(r"\W+")
REPLY_LINE_CHARS = 80
# Matched whole against a stripped writer (`_addressed`, `_named`); possessive runs and a name ending in a letter keep
# them linear (a lazy name between two optional space runs was cubic: 4,000 spaces took a minute).
RSS_AUTHOR = re.compile(r"(?:mailto:)?[^\s@()<>]++@[^\s()<>]++\s*+\((?P<name>[^()]+)\)")
NAMED_ADDRESS = re.compile(r"(?P<name>[^<>@]*[^<>@\s])\s*+<(?:mailto:)?[^\s@<>]++@[^\s<>]++>")
# The name part of an address that stands for no writer: a mailer's, a platform's default.
NOBODY_ADDRESS = re.compile(r"(?:no|do[-_.]?not)[-_.]?reply|nobody|noemail|none|null|anonymous", re.IGNORECASE)
BARE_ADDRESS = re.compile(r"(?:mailto:)?[^\s@<>]++@[^\s@<>]++")
# Google News's items link to its redirector; their text is only headlines and publishers' names.
GOOGLE_NEWS_LINK = re.compile(r"\s*https?://news\.google\.com/", re.IGNORECASE)
# A podcast feed's writer of an episode, in Apple's namespace (whatever its prefix).
ITUNES_NAMESPACE = re.compile(r"itunes\.com/dtds/podcast", re.IGNORECASE)
WXR_NAMESPACE = re.compile(r"xmlns:[\w.-]+\s*=\s*[\"']https?://wordpress\.org/export/")
CONTENT_NAMESPACE = "{http://purl.org/rss/1.0/modules/content/}"
# WordPress post types that are site machinery, not text to read; and statuses of posts not there.
WXR_MACHINERY = frozenset(
    {"attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset", "oembed_cache"}
)
WXR_GONE = frozenset({"trash", "auto-draft", "inherit"})
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
TYPED_LINE_BREAK = re.compile(r"(?<=[^\s>])[ \t]*\n[ \t]*(?=[^\s<])")
"""A lone line break between two lines of text, which WordPress shows as one (`wpautop` writes `<br />`);
one beside a tag is markup's own."""
# hnrss.org's feeds of Hacker News comments: each item is titled so and links to the comment alone; a feed
# of one story's comments (`/item?id=N`) is titled `Hacker News: New comments on "STORY"` and links to it.
HNRSS_COMMENT_TITLE = re.compile(r'New comment by (?P<name>[\w-]{1,40}) in "(?P<story>.*)"', re.DOTALL)
HN_ITEM_LINK = re.compile(r"https?://news\.ycombinator\.com/item\?id=(?P<id>\d{1,12})")
# hnrss.org's template under a story (after a self post's text): "Article URL: ...", "Comments URL: ...",
# "Points: N", "# Comments: N" (always in English): lines of the feed, not the story's words.
HNRSS_ARTICLE_URL = re.compile(r"Article URL: (?P<url>\S+)")
HNRSS_COMMENTS_URL = re.compile(r"Comments URL: https?://news\.ycombinator\.com/item\?id=\d{1,12}")
HNRSS_POINTS = re.compile(r"Points: (?P<count>\d{1,9})")
HNRSS_COUNT = re.compile(r"# Comments: (?P<count>\d{1,9})")
HNRSS_ITEM_FEED = re.compile(r"https?://hnrss\.org/item\?(?:[^#\s]*&)?id=(?P<id>\d{1,12})(?:&|$)")
ONE_STORY_FEED = re.compile(r'\A(?:Hacker News: New comments on "|Hacker News - ")')
# Reddit's feeds: an item links to a post's comments page; its text ends with "submitted by <a>/u/NAME</a>
# to <a>/r/SUB</a> [link] [N comments]", a line of its template (never translated), not the post's words.
REDDIT_POST_LINK = re.compile(r"https?://(?:[\w-]+\.)?reddit\.com/r/[^/\s]+/comments/\w+", re.IGNORECASE)
# An entry of a Reddit feed: a post (`/comments/ID/SLUG/`) or one of its comments (`.../SLUG/COMMENT/`).
REDDIT_ENTRY_LINK = re.compile(
    r"https?://(?:[\w-]+\.)?reddit\.com/r/[^/\s]+/comments/(?P<post>\w+)(?:/[^/\s?#]*(?:/(?P<comment>\w+))?)?/?$",
    re.IGNORECASE,
)
REDDIT_SUBMITTER = re.compile(r"submitted\s+by(?:\s|&#32;)*<a\s[^>]*?href=[\"'][^\"']*/user/([\w-]{1,40})", re.I)
REDDIT_LINK = re.compile(r"<a\s[^>]*?href=[\"']([^\"']+)[\"'][^>]*>\s*\[link\]\s*</a>", re.IGNORECASE)
REDDIT_COUNT = re.compile(r">\s*\[(\d{1,9})\s+comments?\]\s*</a>", re.IGNORECASE)
REDDIT_TEMPLATE_LINES = (
    re.compile(r"submitted\s*by\s*\S{1,60}?\s*to\s*\S{1,60}", re.IGNORECASE),
    re.compile(r"\[link\] ?\[(?:\d{1,9} )?comments?\]", re.IGNORECASE),
)


def looks_like_json_feed(data: Any) -> bool:
    """Whether parsed JSON is a JSON Feed: its `version` names the spec (`https://jsonfeed.org/version/1.1`,
    also written with http), or, without a version, it has `items` and the feed's own addresses."""
    if not isinstance(data, dict):
        return False
    version = data.get("version")
    if isinstance(version, str) and JSON_FEED_VERSION in version:
        return True
    addressed = text_field(data.get("feed_url")) or text_field(data.get("home_page_url"))
    return version is None and addressed is not None and isinstance(data.get("items"), list)


def read_feed(text: str) -> Reading:
    """The items of an RSS or Atom feed, one thread each (a comment feed: one thread per page); InputError
    when there is no item to read."""
    import feedparser

    if WXR_NAMESPACE.search(text[:16384]):  # on the root, after WordPress's comment block
        return _read_wxr(text)
    from translator.readers.blogger import looks_like_blogger_export, read_blogger

    if looks_like_blogger_export(text) and (export := read_blogger(text)) is not None:
        return export

    try:
        parsed = feedparser.parse(io.BytesIO(xml_bytes(text)), sanitize_html=False, resolve_relative_uris=False)
    except (KeyError, IndexError, AttributeError, TypeError, ValueError) as error:
        # feedparser trips on some malformed feeds (a <link> where it expects none: KeyError 'links').
        raise InputError(f"this feed could not be read (feedparser failed: {error!r})", HINT) from None
    entries = [entry for entry in parsed.entries if isinstance(entry, dict)]
    if str(parsed.get("version", "")).startswith("atom"):
        _resolve_links(as_dict(parsed.feed), entries)
    problem = _problem(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    if not entries:
        reason = f": {problem}" if problem else ""
        raise InputError(f"no feed item found in this file{reason}", HINT)
    site = _feed_text(parsed.feed, "title")
    warnings = [f"this feed is not well-formed ({problem}): its items were read as far as possible"] if problem else []
    if (post_feed := _reddit_post_feed(entries, as_dict(parsed.feed))) is not None:
        return Reading(post_feed.threads, (*warnings, *post_feed.warnings))
    feed = as_dict(parsed.feed)
    rows = [(_feed_text(entry, "title"), text_field(entry.get("link")), entry) for entry in entries]
    own_links = [text_field(as_dict(link).get("href")) for link in as_list(feed.get("links"))]
    if (hn_comments := _hnrss_comments(rows, _feed_text(feed, "title"), own_links, _entry_body, _date)) is not None:
        return Reading(hn_comments.threads, (*warnings, *hn_comments.warnings))
    pages = [_page_of_comment(entry) for entry in entries]
    if all(pages):
        discourse = any(_discourse_post_number(text_field(entry.get("link"))) for entry in entries)
        raw = _raw_descriptions(text) if discourse else {}
        removed = _removed_entries(text)
        known = [page for page in pages if page]
        threads, dropped = _comment_threads(entries, known, as_dict(parsed.feed), raw, removed)
        warnings.extend(dropped)
        replies = [post for thread in threads for post in thread.posts if post.kind == "comment"]
        if discourse and replies:
            nested = sum(1 for post in replies if post.parent is not None)
            warnings.append(
                f"a Discourse feed does not say which post answers which: {nested:,} of {len(replies):,} posts are "
                "nested under the earlier post they quote or link to, the others are top-level (the topic's JSON, "
                "/t/ID.json, has every reply)"
            )
        untold = sum(1 for thread in threads if len(thread.posts[0].blocks) <= 1)  # a title at most
        if untold:
            pages_told = "the pages' own text is" if untold == len(threads) else f"the text of {untold:,} of them is"
            warnings.append(
                f"this is a feed of comments on {len(threads):,} page(s): {pages_told} not in it, only their comments"
            )
        return Reading(threads, tuple(warnings))
    warnings.extend(_counted_elsewhere([count for entry in entries if (count := _comments_elsewhere(entry))]))
    base = text_field(as_dict(parsed.feed).get("link"))
    # Atom: an entry without an author has the feed's (RFC 4287, 4.2.1); RSS says no such thing.
    authors = _author(as_dict(parsed.feed)) if str(parsed.get("version", "")).startswith("atom") else None
    site = _reddit_site(as_dict(parsed.feed), entries) or site
    items = [_entry_thread(entry, site, base, authors) for entry in entries]
    if aggregated := sum(1 for entry in entries if GOOGLE_NEWS_LINK.match(text_field(entry.get("link")) or "")):
        warnings.append(
            f"{aggregated:,} items of Google News give headlines only: their articles are on the sites named "
            "(each item's site), not in this feed"
        )
    items, undated = _dated(items, _date(as_dict(parsed.feed)))
    warnings.extend(undated)
    writers = _podcast_writers(text) if ":author>" in text and ITUNES_NAMESPACE.search(text) else None
    if writers is not None and len(writers) == len(items):
        items = [_written_by(thread, writer) for thread, writer in zip(items, writers, strict=True)]
    return _told(items, warnings)


def _resolve_links(feed: dict[str, Any], entries: list[dict[str, Any]]) -> None:
    """Make an Atom feed's relative links absolute, in place, as feedparser does when told the document's
    address: a relative link (with no `xml:base`, or a relative one) resolves against the document's own
    address, which the feed states as its `self` link (else its `alternate` one, when that is absolute).
    A feed whose own links are relative too stays as it is."""
    from urllib.parse import urljoin

    own = {
        str(link.get("rel", "alternate")): text_field(link.get("href"))
        for link in map(as_dict, as_list(feed.get("links")))
    }
    base = next((href.strip() for href in (own.get("self"), own.get("alternate")) if href and "://" in href), None)
    if base is None:
        return

    def resolve(holder: dict[str, Any], key: str) -> None:
        value = holder.get(key)
        if (
            isinstance(value, str)
            and value.strip()
            and "://" not in value
            and not value.strip().startswith(("mailto:", "tag:", "urn:"))
        ):
            holder[key] = urljoin(base, value.strip())

    for holder in (feed, *entries):
        resolve(holder, "link")
        for link in as_list(holder.get("links")):
            if isinstance(link, dict):
                resolve(link, "href")
        if isinstance(answered := holder.get("thr_in-reply-to"), dict):
            resolve(answered, "href")


def _podcast_writers(text: str) -> list[str | None] | None:
    """The writer of each item of a podcast feed, in order: its RSS `author` or `dc:creator` (its name, not
    its address), else its `itunes:author`, else the name part of an address given alone. feedparser
    folds these into one field, the last written winning, and garbles an address it reads after an iTunes
    name: the items are read again here. None when the feed cannot be parsed so (feedparser's reading
    then stands)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(xml_bytes(text), parser)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    writers: list[str | None] = []
    for item in root.iter("{*}item"):
        own = itunes = address_part = None
        for child in item:
            tag = child.tag if isinstance(child.tag, str) else ""
            value = " ".join((child.text or "").split())
            if not value or local_name(child) not in ("author", "creator"):
                continue
            if "itunes.com/dtds" in tag.lower():
                itunes = itunes or (_named(value) if BARE_ADDRESS.fullmatch(value) else value)
            elif BARE_ADDRESS.fullmatch(value):
                address_part = address_part or _named(value)
            elif own is None:
                own = _named(value)
        writers.append(own or itunes or address_part)  # a name beats an address's name part
    return writers


def _written_by(thread: Thread, writer: str | None) -> Thread:
    """A feed item's thread with its article's writer set (None leaves it as it was)."""
    if writer is None or thread.posts[0].author == writer:
        return thread
    from dataclasses import replace

    return replace(thread, posts=(replace(thread.posts[0], author=writer), *thread.posts[1:]))


def _reddit_site(feed: dict[str, Any], entries: list[dict[str, Any]]) -> str | None:
    """The subreddit of a Reddit feed (`r/NAME`, as the Reddit reader names its site), from the feed's
    category; None for other feeds (their title is their site)."""
    if not any(REDDIT_ENTRY_LINK.match((text_field(entry.get("link")) or "").strip()) for entry in entries):
        return None
    for tag in as_list(feed.get("tags")):
        label = text_field(as_dict(tag).get("label")) or ""
        if label.startswith("r/") and len(label) > 2:
            return label.strip()
    return None


def _reddit_post_feed(entries: list[dict[str, Any]], feed: dict[str, Any]) -> Reading | None:
    """The thread of a Reddit post's own feed (`/comments/ID/SLUG/.rss`: the post, then its comments, each
    linked to `/comments/ID/SLUG/COMMENT/`); None for other feeds. The feed says nothing of who answers
    whom: comments are top-level, in its order."""
    links = [REDDIT_ENTRY_LINK.match((text_field(entry.get("link")) or "").strip()) for entry in entries]
    if not all(links) or len({link["post"] for link in links if link}) != 1:
        return None
    opening = [entry for entry, link in zip(entries, links, strict=True) if link and not link["comment"]]
    comments = [entry for entry, link in zip(entries, links, strict=True) if link and link["comment"]]
    if not comments or len(opening) > 1:
        return None  # one post alone (a subreddit's feed of a single item): read as an item
    site = _reddit_site(feed, entries)
    if opening:
        article = _entry_thread(opening[0], site, None, None)
    else:
        title = (_feed_text(feed, "title") or "").rpartition(" : ")[0] or _feed_text(feed, "title") or ""
        article = discussion("feed", title, [], site=site, url=text_field(feed.get("link")))
    from translator.readers.reddit import GONE_BODY

    raw: list[RawComment] = []
    for entry in comments:
        specs = _entry_body(entry)
        gone = len(specs) == 1 and GONE_BODY.fullmatch(specs[0][1].strip()) is not None
        author = (_author(entry) or "").strip().removeprefix("/u/").removeprefix("u/")
        raw.append(
            RawComment(
                key=text_field(entry.get("id")) or text_field(entry.get("link")) or str(len(raw)),
                parent_key=None,
                author=None if author in ("", "[deleted]") else author,
                specs=specs,
                date=_date(entry),
                url=(text_field(entry.get("link")) or "").strip() or None,
                deleted=gone,
            )
        )
    tree = comment_tree(raw)
    thread = _with_comments(article, tree.posts)
    flat = "Reddit's feed of a post says nothing of who replies to whom: its comments are all top-level"
    missing = [] if opening else ["the post itself is not in this feed (a further page): the article is its title"]
    return Reading((thread,), (flat, *missing, *tree.warnings))


def _hnrss_comments(
    rows: Sequence[tuple[str | None, str | None, dict[str, Any]]],
    feed_title: str | None,
    feed_links: Sequence[str | None],
    body_of: Callable[[dict[str, Any]], list[BlockSpec]],
    date_of: Callable[[dict[str, Any]], datetime | None],
) -> Reading | None:
    """The threads of a feed of Hacker News comments as hnrss.org makes them, in RSS, Atom or JSON Feed
    (`/item?id=N`: one story's latest comments; `/newcomments`, `/threads?id=USER`: comments on any story),
    each item (its title, link, and the item itself, read by `body_of` and `date_of`) titled `New comment by
    NAME in "STORY"` and linked to the comment alone: a thread per story, its article the story's title (and
    address, when the feed is one story's: its link to the story, or its own address `hnrss.org/item?id=N`),
    its comments top-level (the feed says nothing of who answers whom); None for other feeds."""
    said = [HNRSS_COMMENT_TITLE.fullmatch(title or "") for title, _, _ in rows]
    links = [HN_ITEM_LINK.fullmatch((link or "").strip()) for _, link, _ in rows]
    if not rows or not all(said) or not all(links):
        return None
    by_story: dict[str, list[RawComment]] = {}
    for (_, _, item), title, link in zip(rows, said, links, strict=True):
        assert title is not None and link is not None
        comment = RawComment(
            key=link["id"],
            parent_key=None,
            author=title["name"],
            specs=body_of(item),
            date=date_of(item),
            url=link.group(),
        )
        by_story.setdefault(title["story"], []).append(comment)
    story_id = next(
        (
            found["id"]
            for link in feed_links
            if (found := HN_ITEM_LINK.fullmatch((link or "").strip()) or HNRSS_ITEM_FEED.match((link or "").strip()))
        ),
        None,
    )
    story_link = f"https://news.ycombinator.com/item?id={story_id}" if story_id else None
    single = len(by_story) == 1 and story_link is not None and ONE_STORY_FEED.search(feed_title or "")
    threads = []
    for story, comments in by_story.items():
        if all(comment.date is not None for comment in comments):
            comments.sort(key=lambda comment: comment.date or datetime.min)
        tree = comment_tree(comments)
        url = story_link if single else None
        threads.append(discussion("feed", story, [], tree.posts, url=url, site="Hacker News"))
    if single:
        told = (
            f"hnrss's feed of a Hacker News story's latest {len(rows):,} comments: the story's own text is not in "
            "it (the article is its title), and it says nothing of who replies to whom (its comments are top-level); "
            "save the story as JSON (hn.algolia.com/api/v1/items/ID) for the whole thread"
        )
    else:
        told = (
            f"this is hnrss's feed of {len(rows):,} Hacker News comments on {len(threads):,} "
            f"stor{'y' if len(threads) == 1 else 'ies'} (new comments, "
            "or one user's): read as a thread per story holding only these comments, top-level, under the story's "
            "title (the stories and the comments they answer are not in it)"
        )
    return Reading(tuple(threads), (told,))


def _with_comments(thread: Thread, comments: Sequence[Any]) -> Thread:
    """A thread with its article and these comments."""
    from dataclasses import replace

    return replace(thread, posts=(thread.posts[0], *comments))


def _counted_elsewhere(counted: list[int]) -> list[str]:
    """The warning that items count reader comments the feed does not hold (none when none count any)."""
    if not counted:
        return []
    return [
        f"{'1 item counts' if len(counted) == 1 else f'{len(counted):,} items count'} {sum(counted):,} reader "
        "comments that are not in this feed (each item's comment feed or page holds them): only the items are read"
    ]


def _told(items: list[Thread], warnings: Sequence[str]) -> Reading:
    """The threads of a feed's items that have a title or a text; the others left out with a warning,
    InputError when none has either."""
    told = tuple(thread for thread in items if thread.title or thread.posts[0].blocks)
    if not told:
        said = "item has" if len(items) == 1 else f"{len(items):,} items have"
        raise InputError(f"this feed's {said} no title and no text", HINT)
    untold = len(items) - len(told)
    said = f"{untold:,} item{' has' if untold == 1 else 's have'} no title and no text: left out"
    return Reading(told, (*warnings, *([said] if untold else [])))


def _comments_elsewhere(entry: dict[str, Any]) -> int | None:
    """How many comments an item says it has elsewhere: `slash:comments`, Atom threading's `thr:total` or
    its `replies` links' `thr:count` (the largest: Blogger gives one link to the page, one to the comment
    feed, each with the count), or Reddit's "[N comments]"."""
    said = whole_number(_text_of(entry.get("slash_comments")))
    if said is None:
        said = whole_number(_text_of(entry.get("thr_total")))
    if said is None:
        counts = [
            whole_number(_text_of(as_dict(link).get("count")))
            for link in as_list(entry.get("links"))
            if as_dict(link).get("rel") == "replies"
        ]
        said = max((count for count in counts if count is not None), default=None)
    if said is None and (reddit := _reddit_item(entry)) is not None:
        said = reddit[2]
    if said is None and any("Comments URL:" in raw for raw in _raw_texts(entry)):
        said = hnrss[2] if (hnrss := _hnrss_template(_entry_body(entry))) is not None else None
    return said


def _reddit_item(entry: dict[str, Any]) -> tuple[str | None, str | None, int | None] | None:
    """What the template of an item of Reddit's feeds says: the post's writer, the link a link post shares,
    the count of its comments; None for an item of another feed."""
    link = text_field(entry.get("link")) or ""
    if not REDDIT_POST_LINK.match(link.strip()):
        return None
    raw = " ".join(_raw_texts(entry))
    submitter = REDDIT_SUBMITTER.search(raw)
    if submitter is None:
        return None
    shared = REDDIT_LINK.search(raw)
    count = REDDIT_COUNT.search(raw)
    shared_link = html.unescape(shared[1]).strip() if shared else None
    if shared_link and REDDIT_POST_LINK.match(shared_link) and shared_link.rstrip("/") == link.strip().rstrip("/"):
        shared_link = None  # a text post's [link] is its own page
    return submitter[1], shared_link, int(count[1]) if count else None


def _raw_texts(entry: dict[str, Any]) -> list[str]:
    """The HTML an item carries, as feedparser gives it: its contents and its summary."""
    values = [as_dict(content).get("value") for content in as_list(entry.get("content"))]
    return [value for value in (*values, entry.get("summary")) if isinstance(value, str)]


def _text_of(value: Any) -> Any:
    """A feed value that should be a number, written as digits (`<slash:comments>12</slash:comments>`)."""
    return int(value.strip()) if isinstance(value, str) and value.strip().isdigit() and len(value) < 12 else value


def _problem(error: Any) -> str:
    """feedparser's complaint about a feed, as one short phrase (`line 2: no element found`)."""
    if hasattr(error, "getLineNumber") and hasattr(error, "getMessage"):
        return f"line {error.getLineNumber()}: {error.getMessage()}"
    return str(error)


def _dated(items: list[Thread], feed_date: datetime | None) -> tuple[list[Thread], tuple[str, ...]]:
    """Items without a date of their own dated by the feed's (RSS `pubDate` or `lastBuildDate`, Atom
    `updated`: when the feed was last published, so no later than the item), with a warning saying so;
    as they are when the feed has no date either."""
    undated = [index for index, thread in enumerate(items) if thread.published is None]
    if not undated or feed_date is None:
        return items, ()
    from dataclasses import replace

    for index in undated:
        thread = items[index]
        items[index] = replace(
            thread, published=feed_date, posts=(replace(thread.posts[0], date=feed_date), *thread.posts[1:])
        )
    said = "1 item has" if len(undated) == 1 else f"{len(undated):,} items have"
    when = feed_date.strftime("%Y-%m-%d %H:%M")
    its = "its" if len(undated) == 1 else "their"
    return items, (f"{said} no date of {its} own: dated by the feed's ({when}), when the feed was published",)


def _entry_thread(entry: dict[str, Any], site: str | None, base: str | None, feed_author: str | None) -> Thread:
    title = _feed_text(entry, "title") or ""
    # FeedBurner's feeds link through its redirector and name the article in `feedburner:origLink`.
    link = text_field(entry.get("feedburner_origlink")) or text_field(entry.get("link"))
    specs = _without_title(_entry_body(entry), title)
    # RSS's <source>: the site an aggregator took the item from (Google News: the publisher), whose name
    # such feeds also add to the title ("Headline - Publisher").
    if source := _feed_text(entry.get("source"), "title"):
        site = source
        title = title.removesuffix(f" - {source}").strip() or title
    if link and GOOGLE_NEWS_LINK.match(link.strip()):
        specs = []  # links to the story and to other sites' coverage of it, each with its publisher
    url = _absolute(link.strip(), base) if link else None
    author = _author(entry) or feed_author
    if (reddit := _reddit_item(entry)) is not None:
        specs = [spec for spec in specs if not any(line.fullmatch(spec[1]) for line in REDDIT_TEMPLATE_LINES)]
        author = reddit[0]
        if not specs and reddit[1]:
            specs = [("source", reddit[1], None, None)]  # a link post: its link, as the Reddit reader gives it
    votes = None
    if (hnrss := _hnrss_template(specs)) is not None:
        specs, votes = hnrss[0], net_votes(hnrss[1])
    return discussion("feed", title, specs, author=author, date=_date(entry), votes=votes, url=url, site=site)


def _hnrss_template(specs: list[BlockSpec]) -> tuple[list[BlockSpec], int | None, int | None] | None:
    """A story of hnrss.org's feeds without the template under it: its blocks (the article's address as a
    source block, as the HN reader gives a link story's), its points and its count of comments; None for
    blocks without the template (its "Comments URL: https://news.ycombinator.com/item?id=N" line)."""
    if not any(spec[0] == "paragraph" and HNRSS_COMMENTS_URL.fullmatch(spec[1].strip()) for spec in specs):
        return None
    kept: list[BlockSpec] = []
    points = count = None
    for spec in specs:
        text = spec[1].strip()
        if spec[0] != "paragraph":
            kept.append(spec)
        elif article := HNRSS_ARTICLE_URL.fullmatch(text):
            kept.append(("source", article["url"], None, None))
        elif said := HNRSS_POINTS.fullmatch(text):
            points = int(said["count"])
        elif said := HNRSS_COUNT.fullmatch(text):
            count = int(said["count"])
        elif not HNRSS_COMMENTS_URL.fullmatch(text):
            kept.append(spec)
    return kept, points, count


def _absolute(link: str, base: str | None) -> str:
    """An item's link made absolute against the feed's own (RSS items may give a path, `/2024/a.html`)."""
    if "://" in link or not base or "://" not in base:
        return link
    from urllib.parse import urljoin

    return urljoin(base.strip(), link)


def _date(entry: dict[str, Any]) -> datetime | None:
    """When an item was published (else updated); a date feedparser could not read (a month in Russian,
    an odd order) is read as printed."""
    # dict.get: feedparser's own get maps a missing date to the other one, with a deprecation warning.
    moment = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if moment:
        return epoch_date(calendar.timegm(moment))
    printed = text_field(dict.get(entry, "published")) or text_field(dict.get(entry, "updated"))
    if printed is None:
        return None
    from translator.readers.html_dates import printed_date

    if (shaped := PRINTED_PUB_DATE.match(" ".join(printed.split()))) is None:
        return printed_date(printed, None)
    # The day alone goes to dateparser: its offset would be dropped (a wall-clock time taken as UTC, hours
    # off), and days repeat across items, so each is looked up once (a lookup in every language is slow).
    day = printed_date(shaped["day"], None)
    if day is None or int(shaped["hour"]) > 23 or int(shaped["minute"]) > 59:
        return None
    moment = day + timedelta(hours=int(shaped["hour"]), minutes=int(shaped["minute"]))
    if shaped["sign"]:
        offset = timedelta(hours=int(shaped["zone_hours"]), minutes=int(shaped["zone_minutes"]))
        moment -= offset if shaped["sign"] == "+" else -offset
    return moment


def _entry_body(entry: dict[str, Any], rules: MarkupRules | None = None) -> list[BlockSpec]:
    """The fullest text an item gives, the longest of: its contents (Atom content by `src` is elsewhere
    and empty here), Yandex's full text or Turbo page, its summary; on a tie, in that order, HTML before
    plain text. (feedparser keeps the first of `description` and `itunes:summary` as the summary and the
    other as content: either may be the fuller.)"""
    contents = [as_dict(content) for content in as_list(entry.get("content"))]
    candidates = [(content.get("value"), content.get("type")) for content in contents]
    candidates.sort(key=lambda candidate: candidate[1] not in HTML_TYPES)
    candidates.append((entry.get("yandex_full-text"), "text/plain"))
    candidates.append((entry.get("turbo_content"), "text/html"))
    summary = as_dict(entry.get("summary_detail"))
    candidates.append((summary.get("value", entry.get("summary")), summary.get("type", "text/html")))
    best: list[BlockSpec] = []
    for value, kind in candidates:
        specs = _body(value, kind, rules or ITEM_RULES)
        if sum(len(spec[1]) for spec in specs) > sum(len(spec[1]) for spec in best):
            best = specs
    return best


def _without_title(specs: list[BlockSpec], title: str) -> list[BlockSpec]:
    """The body without a first heading or paragraph that only repeats the title (Turbo pages and many
    `content:encoded` open with the headline)."""
    if specs and title and specs[0][0] in ("heading", "paragraph") and _same_words(specs[0][1], title):
        return specs[1:]
    return specs


def _same_words(first: str, second: str) -> bool:
    return TITLE_SPACE.sub(" ", first).strip().casefold() == TITLE_SPACE.sub(" ", second).strip().casefold()


def _author(entry: dict[str, Any]) -> str | None:
    """The writer's name, without an e-mail address (which is no name): RSS writes `ed@site (Name)` or
    `Name <ed@site>`, read here (feedparser splits them wrong when the domain ends longer than four
    letters); Atom's author has a name element."""
    written = text_field(entry.get("author"))
    if written and "@" in written and _addressed(written):
        return _named(written)
    return text_field(as_dict(entry.get("author_detail")).get("name")) or written


def _addressed(written: str) -> bool:
    """Whether a writer is written with an e-mail address (`ed@site (Name)`, `Name <ed@site>`, `ed@site`)."""
    return any(form.fullmatch(written.strip()) for form in (RSS_AUTHOR, NAMED_ADDRESS, BARE_ADDRESS))


def _named(written: str) -> str | None:
    """A writer as written in a feed, without an e-mail address: the name beside it; for an address alone,
    its name part (`ed.muster@zeitung.example` is `ed.muster`: how the writer is known on the site, whose
    domain is the site itself; the whole address would be carried into every review file and translation
    memory, which need no way to mail anyone), None for one that names nobody (`noreply@...`)."""
    stripped = written.strip()
    named = RSS_AUTHOR.fullmatch(stripped) or NAMED_ADDRESS.fullmatch(stripped)
    if named:
        return " ".join(named["name"].split())
    if not BARE_ADDRESS.fullmatch(stripped):
        return written
    local = written.strip().removeprefix("mailto:").partition("@")[0]
    return None if NOBODY_ADDRESS.fullmatch(local) else local


def _feed_text(item: Any, key: str) -> str | None:
    """A text field of feedparser's result, markup removed when the feed sent it as HTML, or as plain text
    that holds HTML all the same (`<b>x</b>`: an Atom 0.3 title, base64-encoded)."""
    detail = as_dict(as_dict(item).get(f"{key}_detail"))
    value = as_dict(item).get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    markup = detail.get("type") in HTML_TYPES or PLAIN_BUT_HTML.search(value) is not None  # as in bodies
    return (html_text(value) if markup else " ".join(value.split())) or None


def _read_more(element: Any) -> bool:
    """A link to the rest of the article ("Continue reading...", "Weiterlesen"): the site's, not its text."""
    from translator.readers.html_generic import READ_MORE

    if element.tag != "a":
        return False
    more_link = "more-link" in (element.get("class") or "").split()  # WordPress: "Read the rest of this entry"
    return more_link or READ_MORE.match(" ".join(element.text_content().split())) is not None


ITEM_RULES = MarkupRules(skip=_read_more)
"""An item's HTML: a post's, without the link to read on."""


def _discourse_furniture(element: Any) -> bool:
    from translator.readers.discourse import RULES

    return _read_more(element) or (RULES.skip is not None and RULES.skip(element))


DISCOURSE_RULES = MarkupRules(skip=_discourse_furniture)
"""A Discourse post's HTML, as its JSON is read (without link previews, image captions and poll counters),
and without the feed's link to read on."""


def _body(value: Any, kind: Any, rules: MarkupRules = ITEM_RULES) -> list[BlockSpec]:
    if not isinstance(value, str):
        return []
    if kind not in HTML_TYPES and not PLAIN_BUT_HTML.search(value):
        return text_blocks(value)
    if "<" not in value and ESCAPED_TAG.search(value):
        value = html.unescape(value)  # escaped twice: `&lt;p&gt;` would be shown as a tag
    specs = []
    for spec in html_blocks(value, rules):  # a part escaped twice among markup (Reddit's feeds: a post)
        markup = spec[0] != "code" and ESCAPED_FRAGMENT.match(spec[1]) and PLAIN_BUT_HTML.search(spec[1])
        specs.extend(html_blocks(spec[1], rules) if markup else [spec])
    return specs


def _page_of_comment(entry: dict[str, Any]) -> str | None:
    """The page an item is a comment on: its link's page when the link points to a comment on it
    (`PAGE#comment-12`, Blogger's `PAGE?showComment=...#c99`), else the page Atom threading says it
    answers; None for an item that is no comment."""
    link = (text_field(entry.get("link")) or "").strip()
    page, _, fragment = link.partition("#")
    if page and COMMENT_FRAGMENT.fullmatch(fragment):
        # One page, however its comments are paged: `POST/comment-page-2/` is `POST/`.
        return COMMENT_PAGE_QUERY.sub("", COMMENT_PAGE_PATH.sub("/", SHOW_COMMENT.sub("", page)))
    if topic := DISCOURSE_POST_LINK.match(link):  # a Discourse topic's or site's posts feed: /t/SLUG/ID/N
        return topic["topic"]
    answered = text_field(as_dict(entry.get("thr_in-reply-to")).get("href"))
    return answered.strip() if answered else None


def _comment_threads(
    entries: list[dict[str, Any]],
    pages: list[str],
    feed: dict[str, Any],
    raw: dict[str, str],
    removed: frozenset[str] = frozenset(),
) -> tuple[tuple[Thread, ...], tuple[str, ...]]:
    """One thread per page of a comment feed, its comments in date order, and the warning counting the
    removed comments left out; a Discourse topic's first post, when the feed holds it, is the article (else,
    in a topic's own feed, the channel's description: the first post's Markdown, as Discourse writes it
    there). `raw` is each Discourse item's HTML as written, by link (feedparser drops the attributes that say
    which post a quote is from); `removed`, the ids of the items Blogger marks as removed."""
    by_page: dict[str, list[dict[str, Any]]] = {}
    for entry, page in zip(entries, pages, strict=True):
        by_page.setdefault(page, []).append(entry)
    single = len(by_page) == 1
    threads = []
    dropped = 0
    for page, items in by_page.items():
        read = [_feed_comment(entry, page, raw, removed) for entry in items]
        comments = [comment for comment, _ in read]
        names = {name: comment.key for comment in comments for name in (comment.key, comment.url) if name}
        for comment in comments:  # a Discourse post is named `TOPIC/N` by what answers it, whatever its link
            if number := _discourse_post_number(comment.url):
                names.setdefault(f"{page}/{number}", comment.key)
        for comment, by_opening in read:  # a parent named by its link or its id: the key of that comment
            comment.parent_key = names.get(comment.parent_key or "")
            if by_opening and comment.parent_key and comment.specs and len(comment.specs[0][1]) <= REPLY_LINE_CHARS:
                comment.specs = comment.specs[1:]  # WordPress's "In reply to NAME.": the nesting says it now
        if all(comment.date is not None for comment in comments):
            comments.sort(key=lambda comment: comment.date or datetime.min)
        opening = next((comment for comment in comments if _discourse_post_number(comment.url) == "1"), None)
        tree = comment_tree(
            [comment for comment in comments if comment is not opening], opening.key if opening else None
        )
        title = (_feed_text(feed, "title") or "") if single else ""
        if not single and _discourse_post_number(text_field(items[0].get("link"))):  # a site's posts feed:
            title = _feed_text(items[0], "title") or ""  # each item is titled with its topic
        body, author, date = (opening.specs, opening.author, opening.date) if opening else ([], None, None)
        if opening is None and single and _discourse_post_number(text_field(items[0].get("link"))):
            body = _discourse_first_post(feed, page, raw.get(CHANNEL_DESCRIPTION))
        threads.append(discussion("feed", title, body, tree.posts, author=author, date=date, url=page))
        dropped += tree.dropped_deleted
    return tuple(threads), CommentTree((), dropped).warnings


def _discourse_post_number(link: str | None) -> str | None:
    """The number of the Discourse post a link points to (`/t/SLUG/ID/N`, `#post_N`); None for other links."""
    post = DISCOURSE_POST_LINK.match(link or "")
    return (post["number"] or post["anchored"]) if post else None


def _feed_comment(
    entry: dict[str, Any], page: str, raw_html: dict[str, str], removed: frozenset[str] = frozenset()
) -> tuple[RawComment, bool]:
    """A comment of a comment feed, and whether its parent comes from its opening link; its parent is
    the comment its Atom threading or its opening link names, or for a Discourse post the post it quotes
    or links to (matched by link or id: a parent not in the feed makes a top-level comment). A comment
    whose text was removed (Blogger's mark, in `removed`, or only the line Blogger leaves in its place) is
    a deleted one, kept empty where a reply answers it."""
    link = (text_field(entry.get("link")) or "").strip()
    answered = as_dict(entry.get("thr_in-reply-to"))
    raw = next((as_dict(content).get("value") for content in as_list(entry.get("content"))), None)
    raw = raw if isinstance(raw, str) else entry.get("summary")
    opening = OPENING_LINK.match(raw) if isinstance(raw, str) else None
    parent = text_field(answered.get("ref")) or (html.unescape(opening.group(1)).strip() if opening else None)
    if parent and parent.startswith("#"):
        parent = page + parent
    author = _author(entry)
    number = _discourse_post_number(link)
    specs = _entry_body(entry, DISCOURSE_RULES if number else None)
    if number:
        if author and (creator := DISCOURSE_CREATOR.fullmatch(author)):
            author = creator["username"]
        if isinstance(raw, str) and (wrapped := DISCOURSE_WRAPPER.match(raw)):
            specs = _body(wrapped["post"], "text/html", DISCOURSE_RULES)  # not "@NAME wrote:" and a quote of it all
        shown = _discourse_answered(raw_html.get(link, ""), page, int(number))
        # Not its opening link: the template's link to the writer's profile.
        parent, opening = text_field(answered.get("ref")) or shown, None
    from translator.readers.blogger import removed_line

    key = text_field(entry.get("id")) or link
    comment = RawComment(
        key=key,
        parent_key=parent,
        author=author,
        specs=specs,
        date=_date(entry),
        url=link or None,
        deleted=key in removed or removed_line(specs),
    )
    return comment, opening is not None and not text_field(answered.get("ref"))


def _removed_entries(text: str) -> frozenset[str]:
    """The ids of the entries Blogger marks as removed (`gd:extendedProperty` `blogger.contentRemoved`, which
    feedparser loses among an entry's other such properties); read only in a feed that holds the mark."""
    from translator.readers.blogger import CONTENT_REMOVED, is_content_removed

    if CONTENT_REMOVED not in text:
        return frozenset()
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(xml_bytes(text), parser)
    except etree.XMLSyntaxError:
        return frozenset()
    if root is None:
        return frozenset()
    return frozenset(
        (entry_id.text or "").strip()
        for entry in root.iter("{*}entry")
        if is_content_removed(entry) and (entry_id := entry.find("{*}id")) is not None and entry_id.text
    )


CHANNEL_DESCRIPTION = ""
"""The key of the channel's own description among `_raw_descriptions` (no item's link is empty)."""


def _raw_descriptions(text: str) -> dict[str, str]:
    """Each RSS item's description as written, by the item's link, and the channel's under
    CHANNEL_DESCRIPTION (empty when the feed cannot be parsed)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(xml_bytes(text), parser)
    except etree.XMLSyntaxError:
        return {}
    found: dict[str, str] = {}
    channel = next(root.iter("{*}channel", "channel"), None) if root is not None else None
    for child in channel if channel is not None else ():
        if local_name(child) == "description" and child.text:
            found[CHANNEL_DESCRIPTION] = child.text
            break
    for item in root.iter("{*}item", "item") if root is not None else ():
        link = next((" ".join((child.text or "").split()) for child in item if local_name(child) == "link"), "")
        described = next((child.text for child in item if local_name(child) == "description"), None)
        if link and described:
            found.setdefault(link, described)
    return found


def _discourse_answered(raw: str, topic: str, number: int) -> str | None:
    """The link of the post a Discourse post answers, as its HTML shows it: the first post of its topic it
    quotes (`<aside class="quote" data-post="2">`, the topic unsaid or this one), else the first it links to;
    only an earlier post (a later one is no answer's parent). None when it shows none."""
    topic_id = topic.rstrip("/").rpartition("/")[2]
    for aside in DISCOURSE_QUOTE.finditer(raw):
        attributes = {name.lower(): value for name, value in DISCOURSE_ATTRIBUTE.findall(aside.group())}
        quoted = int(attributes["data-post"]) if attributes.get("data-post", "").isdigit() else 0
        this_topic = attributes.get("data-topic", topic_id) == topic_id
        if "quote" in attributes.get("class", "").split() and this_topic and 0 < quoted < number:
            return f"{topic}/{quoted}"
    for href in DISCOURSE_POST_HREF.finditer(raw):
        if href["topic"] == topic_id and 0 < int(href["number"]) < number:
            return f"{topic}/{int(href['number'])}"
    return None


def _discourse_first_post(feed: dict[str, Any], page: str, written: str | None) -> list[BlockSpec]:
    """A Discourse topic's first post from its feed's channel, whose description is that post's Markdown
    (the topic's own feed, `/t/SLUG/ID.rss`, lists only its latest posts); nothing for another channel.
    The description as written (`written`) is read, not feedparser's, whose HTML sanitizer takes
    Markdown's autolinks (`<https://...>`) for tags and drops them."""
    own = any(text_field(as_dict(link).get("href")) == f"{page}.rss" for link in as_list(feed.get("links")))
    markdown = written if written and written.strip() else feed.get("subtitle")
    if not own or not isinstance(markdown, str) or not markdown.strip():
        return []
    from translator.readers.discourse import markdown_blocks

    return markdown_blocks(markdown)


def read_json_feed(data: Any) -> Reading:
    """The items of a JSON Feed (1.0 or 1.1), one thread each, written by the item's authors, else the
    feed's; InputError when it has none."""
    from translator.readers.blogger_api import looks_like_blogger_api, read_blogger_api

    if looks_like_blogger_api(data):  # the Blogger API's posts and comments: a blog's, as its exports are
        return read_blogger_api(data)
    if not looks_like_json_feed(data):
        raise InputError("this JSON is not a JSON Feed (no jsonfeed.org version)", HINT)
    site = text_field(data.get("title"))
    items = [as_dict(item) for item in as_list(data.get("items"))]
    rows = [(_json_feed_title(item.get("title")), text_field(item.get("url")), item) for item in items]
    links = [text_field(data.get("home_page_url")), text_field(data.get("feed_url"))]
    if (hn_comments := _hnrss_comments(rows, site, links, _json_feed_body, _json_feed_item_date)) is not None:
        return hn_comments
    feed_author = _json_feed_author(data)  # an item without authors has the feed's (both versions say so)
    threads = []
    counted: list[int] = []
    for item in as_list(data.get("items")):
        item = as_dict(item)
        if not item:
            continue
        specs = _json_feed_body(item)
        title = _json_feed_title(item.get("title"))
        date = _json_feed_item_date(item)
        link = text_field(item.get("url"))
        author = _json_feed_author(item) or feed_author
        specs = _without_title(specs, title)
        home = text_field(data.get("home_page_url"))
        url = _absolute(link.strip(), home) if link else None
        votes = None
        if (hnrss := _hnrss_template(specs)) is not None:  # hnrss.org's JSON Feed of stories
            specs, votes = hnrss[0], net_votes(hnrss[1])
            counted.append(hnrss[2] or 0)
        elif external := text_field(item.get("external_url")):  # hnrss's is its comments page: no source
            specs = _with_source(specs, _absolute(external.strip(), home), url)
        threads.append(discussion("feed", title, specs, author=author, date=date, votes=votes, url=url, site=site))
    if not threads:
        raise InputError("this JSON Feed has no item", HINT)
    return _told(threads, _counted_elsewhere([count for count in counted if count]))


def _with_source(specs: list[BlockSpec], source: str, url: str | None) -> list[BlockSpec]:
    """An item's text followed by the address of what it is about (JSON Feed's `external_url`: the article a
    linkblog's item links to), as a source block, the way a link post's link is read; the same text when that
    address is the item's own or already one of its source blocks."""
    if source == url or any(kind == "source" and text == source for kind, text, _, _ in specs):
        return specs
    return [*specs, ("source", source, None, None)]


def _json_feed_body(item: dict[str, Any]) -> list[BlockSpec]:
    """A JSON Feed item's text: its HTML content, else its plain text, else its summary."""
    markup = text_field(item.get("content_html"))
    specs = _body(markup, "text/html") if markup else text_blocks(text_field(item.get("content_text")) or "")
    if not specs and (summary := text_field(item.get("summary"))):
        specs = text_blocks(summary)
    return specs


def _json_feed_item_date(item: dict[str, Any]) -> datetime | None:
    return _json_feed_date(item.get("date_published")) or _json_feed_date(item.get("date_modified"))


def _json_feed_author(holder: dict[str, Any]) -> str | None:
    """The writers of a JSON Feed item or feed: 1.1's `authors` list, else 1.0's `author` object, their
    names joined (`Ute, Jan`); an author is an object with a name (one with only a `url` or an `avatar`
    names nobody), though some feeds write the name alone."""
    entries = as_list(holder.get("authors")) or [holder.get("author")]
    written = [name for entry in entries if (name := text_field(as_dict(entry).get("name", entry)))]
    names = [" ".join(name.split()) for name in map(_named, written) if name]
    return ", ".join(dict.fromkeys(names)) or None


def _json_feed_title(value: Any) -> str:
    """An item's title: plain text by the spec, but written by some with HTML or its entities (`&amp;`)."""
    return plain_title(text_field(value) or "")


def plain_title(title: str) -> str:
    """A title said to be plain text that still holds HTML or its entities (escaped once too often: `&amp;`,
    `<b>x</b>` left after the parser's unescaping) read as plain text once; as it is otherwise (`a < b`,
    `Tom & Jerry` stay)."""
    return html_text(title) if PLAIN_BUT_HTML.search(title) or HTML_ENTITY.search(title) else title


def _json_feed_date(value: Any) -> datetime | None:
    """An RFC 3339 date, as the spec asks; else the date as printed (feeds also send RFC 822 dates)."""
    if not isinstance(value, str) or not value.strip():
        return None
    from translator.readers.html_dates import printed_date

    return iso_date(value) or printed_date(value, None)


def _read_wxr(text: str) -> Reading:
    """The posts and pages of a WordPress export, each with its approved comments."""
    root = parse_xml(text, "WordPress export", HINT)
    channel = next((child for child in root if local_name(child) == "channel"), root)
    site = _wxr_text(channel, "title")
    # A post names its writer by login (`dc:creator`); the site shows the writer's display name.
    shown_names = {
        login: shown
        for writer in channel
        if local_name(writer) == "author"
        and (login := _wxr_text(writer, "author_login"))
        and (shown := _wxr_text(writer, "author_display_name"))
    }
    threads = []
    left_out = 0
    for item in (child for child in channel if local_name(child) == "item"):
        kind, status = _wxr_text(item, "post_type") or "post", _wxr_text(item, "status") or ""
        if kind in WXR_MACHINERY or kind.startswith("wp_") or status in WXR_GONE:
            continue
        comments = [_wxr_comment(element) for element in item if local_name(element) == "comment"]
        kept = [comment for comment in comments if comment is not None]
        left_out += len(comments) - len(kept)
        tree = comment_tree(kept)
        title = html_text(_wxr_text(item, "title") or "")  # HTML, as WordPress shows a title (`<em>`, `&amp;`)
        body = _without_title(_autop_blocks(_wxr_text(item, CONTENT_NAMESPACE + "encoded") or ""), title)
        date = iso_date((_wxr_text(item, "post_date_gmt") or "") + "+00:00") or _pub_date(_wxr_text(item, "pubDate"))
        login = _wxr_text(item, "creator")
        author = shown_names.get(login, login) if login else None
        link = _wxr_text(item, "link")
        threads.append(discussion("feed", title, body, tree.posts, author=author, date=date, url=link, site=site))
    if not threads:
        raise InputError("this WordPress export holds no post or page", HINT)
    warnings = [f"{left_out:,} comments not approved (spam, pending, trashed) or pingbacks were left out"]
    return Reading(tuple(threads), tuple(warnings) if left_out else ())


def _wxr_comment(element: Any) -> RawComment | None:
    """An approved reader comment of a WordPress export; None for spam, pending, trashed, pingbacks."""
    if _wxr_text(element, "comment_approved") != "1" or _wxr_text(element, "comment_type") in ("pingback", "trackback"):
        return None
    parent = _wxr_text(element, "comment_parent")
    return RawComment(
        key=_wxr_text(element, "comment_id") or str(id(element)),
        parent_key=parent if parent and parent != "0" else None,
        author=_wxr_text(element, "comment_author"),
        specs=_autop_blocks(_wxr_text(element, "comment_content") or ""),
        date=iso_date((_wxr_text(element, "comment_date_gmt") or "") + "+00:00")
        or iso_date(_wxr_text(element, "comment_date")),
    )


def _wxr_text(element: Any, name: str) -> str | None:
    """The text of a child element, by local name (`post_type`, in whichever `wp:` version) or by its
    full `{namespace}name` tag; None when absent or blank."""
    for child in element:
        if (child.tag == name if name.startswith("{") else local_name(child) == name) and child.text:
            return child.text.strip() or None
    return None


def _pub_date(value: str | None) -> datetime | None:
    from email.utils import parsedate_to_datetime

    try:
        return iso_date(parsedate_to_datetime(value).isoformat()) if value else None
    except (TypeError, ValueError):
        return None


def _autop_blocks(text: str) -> list[BlockSpec]:
    """WordPress text: HTML where a blank line also ends a paragraph and a lone line break breaks the line
    (its editor's `wpautop`; code in `<pre>` keeps its own)."""
    chunks = PARAGRAPH_BREAK.split(text)
    return [spec for chunk in chunks for spec in html_blocks(chunk if "<pre" in chunk else _line_breaks(chunk))]


def _line_breaks(chunk: str) -> str:
    return TYPED_LINE_BREAK.sub("<br>\n", chunk) if "\n" in chunk else chunk
