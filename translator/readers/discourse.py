"""Read a Discourse topic: `/t/ID.json` (the topic with the first page of its posts), `/t/ID/posts.json`,
a site's latest posts (`/posts.json`: posts of several topics, a thread for each), or the Markdown of a
whole topic (`/raw/ID`: `name | date UTC | #N` over each post, a line of dashes between posts; its
`[quote="name, post:1"]` are quotes of that author; it says nothing of who replies to whom).

Post 1 is the article; the others are comments in `post_number` order (whatever order the file lists
them in), each replying to `reply_to_post_number` (a reply to a post not in the file, or to post 1, is
top-level). Posts are HTML ("cooked"): a quote of another post,
`<aside class="quote" data-username>`, becomes quote blocks with that author. Moderator notices and
small actions ("closed this topic"), whispers (staff-only posts, in a staff member's download: not for a
public translation) are left out, not as comments: their replies move up to their parent. A post holding
only a picture or a link preview (a video) stays, its link as its text.
A deleted post (`deleted_at`, or `user_deleted` with its "(post deleted by author)" text) and a hidden one
(`hidden`: flagged by the community; `cooked_hidden` when the file's downloader may not see it, its `cooked`
then a notice, or empty; a staff member's download holds the text) stay, empty and marked deleted, where
someone replied to them; the others are left out, counted by kind in a warning.
Emoji, drawn as images in cooked HTML and written as shortcodes in raw Markdown (`:+1:`), are their
characters (translator.shortcodes); a site's own keeps its shortcode, which the engine's link guard protects.
"""

from __future__ import annotations

import html
import re
from typing import Any

from translator.errors import InputError
from translator.models import Thread, Votes
from translator.readers.common import (
    BlockSpec,
    RawComment,
    Reading,
    as_dict,
    as_list,
    comment_tree,
    counted_noun,
    discussion,
    iso_date,
    role_of,
    text_field,
    whole_number,
)
from translator.readers.markup import MarkupRules, html_blocks, html_text
from translator.shortcodes import with_emoji

HINT = "give the JSON of a Discourse topic (/t/ID.json), of its posts (/t/ID/posts.json) or of /posts.json"
# post_type: 1 regular, 2 moderator action, 3 small action ("closed this topic"), 4 whisper. A small action
# also names what was done in its `action_code` ("closed.enabled", "split_topic").
NOTICE_TYPES = frozenset({2, 3})
WHISPER = 4
# What Discourse writes in place of a post its writer deleted or withdrew ("(post withdrawn by author, will
# be automatically deleted in 24 hours unless flagged)") and of a flagged post a visitor may not see: read
# as the flags say where a file lost them (English only: a site in another language keeps its flags).
PLACEHOLDER = re.compile(
    r"\((?:post|topic) (?:deleted|withdrawn) by (?:the )?author\b[^()]{0,200}\)"
    r"|This post was flagged by the community and is temporarily hidden\.?"
    r"|Your post was flagged by the community\b[^<]{0,200}",
    re.IGNORECASE,
)
LIKE_ACTION = 2
SLUG_SEPARATORS = re.compile(r"[-_]+")
# Not the poster's words: an image's file name and size, a link preview, a poll's vote count and buttons.
WIDGET_CLASSES = frozenset({"meta", "onebox", "poll-info", "poll-buttons", "quote-controls"})
RAW_HEADER = re.compile(
    r"^(?P<name>[^|\n]{1,80}?) \| (?P<date>\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?) UTC \| #(?P<number>\d+)[ \t]*$",
    re.MULTILINE,
)
RAW_SEPARATOR = re.compile(r"^-{20,}\s*$")
RAW_QUOTE_START = re.compile(r"^\[quote(?:=\"?(?P<name>[^,\"\]]*)[^\]]*)?\]\s*(?P<rest>.*)$", re.IGNORECASE)
RAW_QUOTE_END = re.compile(r"\[/quote\]\s*$", re.IGNORECASE)
MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\n]{0,2000}\)")  # bounded: linear on unclosed marks
MARKDOWN_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)>")
# HTML written into Markdown (`<b>`, `<br>`, `<details>`, `<kbd>`): the tags go, their words stay.
INLINE_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]{0,30}(?:\s[^<>]{0,500})?/?>")
MARKDOWN_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_LIST_ITEM = re.compile(r"^(?:[*+-]|\d{1,9}[.)])\s+(?=\S)")


def _widget(element: Any) -> bool:
    """Image widgets, link previews and poll counters (WIDGET_CLASSES)."""
    classes = set((element.get("class") or "").split())
    return bool(WIDGET_CLASSES & classes)


RULES = MarkupRules(skip=_widget)
# What a post of only a picture or a link preview shows: the preview's source, else its first link.
SHOWN_LINK = re.compile(
    r"data-onebox-src=\"(?P<link>[^\"]{1,2000})\"|<a\s[^>]*?href=\"(?P<shown>[^\"#]{1,2000})\"", re.IGNORECASE
)


def looks_like_discourse(data: Any) -> bool:
    """Whether parsed JSON is a Discourse topic or its posts (an object with `post_stream.posts`), a
    site's latest posts (`latest_posts`, each with its topic's id and its HTML), one post (read as
    those are), or a list of topics."""
    if not isinstance(data, dict):
        return False
    if isinstance(as_dict(data.get("post_stream")).get("posts"), list):
        return True
    if isinstance(as_dict(data.get("topic_list")).get("topics"), list):
        return True  # a list of topics (`/latest.json`, a category's): refused by the reader, saying so
    if _single_post(data):
        return True
    latest = data.get("latest_posts")
    return isinstance(latest, list) and any(isinstance(post, dict) and "topic_id" in post for post in latest)


def _single_post(data: dict[str, Any]) -> bool:
    """Whether JSON is one post (`/posts/ID.json`): its HTML, its number and its topic's id."""
    return isinstance(data.get("cooked"), str) and "topic_id" in data and "post_number" in data


def read_discourse(data: Any) -> Reading:
    """The topic of a Discourse JSON answer (the topics of latest posts); InputError when it is none."""
    if not looks_like_discourse(data):
        raise InputError("this JSON is not a Discourse topic (no post_stream.posts)", HINT)
    topics = as_dict(data.get("topic_list")).get("topics")
    if isinstance(topics, list) and not isinstance(as_dict(data.get("post_stream")).get("posts"), list):
        raise InputError(
            f"this is a Discourse list of topics ({len(topics):,}: their titles, not their posts), not a topic", HINT
        )
    if not isinstance(as_dict(data.get("post_stream")).get("posts"), list):
        return _latest_posts([data] if _single_post(data) else data["latest_posts"])
    stream = data["post_stream"]
    posts = [post for post in stream["posts"] if isinstance(post, dict)]
    listed = len(as_list(stream.get("stream")))
    total = whole_number(data.get("posts_count")) or max(
        (whole_number(p.get("posts_count")) or 0 for p in posts), default=listed
    )
    return _topic(posts, _title(data, posts), max(total, listed), data.get("created_at"))


def _latest_posts(latest: list[Any]) -> Reading:
    """The posts of `/posts.json`, a thread per topic (in the order topics first appear), posts in topic
    order: only a few posts of each topic are there, so each warns of the others."""
    by_topic: dict[Any, list[dict[str, Any]]] = {}
    for post in latest:
        if isinstance(post, dict):
            topic = post.get("topic_id")
            by_topic.setdefault(topic if isinstance(topic, int | str) else None, []).append(post)
    if not by_topic:
        raise InputError("this Discourse JSON holds no post", HINT)
    threads: list[Thread] = []
    warnings: list[str] = []
    for posts in by_topic.values():
        title = text_field(posts[0].get("topic_title")) or _title({}, posts)
        total = max(whole_number(post.get("post_number")) or 0 for post in posts)
        reading = _topic(posts, title, total, None)
        threads.extend(reading.threads)
        warnings.extend(f"{title}: {warning}" if title else warning for warning in reading.warnings)
    return Reading(tuple(threads), tuple(warnings))


def _topic(posts: list[dict[str, Any]], title: str, total: int, created: Any) -> Reading:
    """A topic from its posts in the file: post 1 the article, the others its comments in the topic's
    order (by `post_number`, whatever order the file lists them in: an answer to `post_ids[]`, a merge of
    pages, a tool's export sorted by likes); `total` is how many posts the topic has (more than the file
    holds: a warning)."""
    posts = _in_topic_order(posts)
    opening = next((post for post in posts if post.get("post_number") == 1), None)
    comments = [_comment(post) for post in posts if post is not opening]
    tree = comment_tree(comments, article_key="1")
    opening_post = opening or {}
    cooked = opening_post.get("cooked")
    opening_gone = _gone(opening_post) if opening else None
    thread = discussion(
        "discourse",
        title,
        html_blocks(cooked, RULES) if isinstance(cooked, str) and opening_gone is None else [],
        tree.posts,
        author=text_field(opening_post.get("username")),
        role=_role(opening_post),
        date=iso_date(opening_post.get("created_at", created)),
        votes=_likes(opening_post),
    )
    warnings = []
    if total > len(posts):
        further = total - len(posts)
        warnings.append(
            f"{counted_noun(further, 'further post')} of this topic {'is' if further == 1 else 'are'} not in this file "
            f"(it holds {len(posts)} of {total}): only the posts in the file are read"
        )
    if opening is None:
        warnings.append("the topic's first post is not in this file: the article has its title only")
    elif opening_gone is not None:
        why = "hidden (flagged by the community)" if opening_gone == "hidden" else "deleted"
        warnings.append(f"the topic's first post is {why}: the article has its title only")
    whispers = sum(1 for post in posts if whole_number(post.get("post_type")) == WHISPER)
    if whispers:
        warnings.append(
            f"{counted_noun(whispers, 'whisper')} (posts only the forum's staff sees) "
            f"{'was' if whispers == 1 else 'were'} left out"
        )
    return Reading((thread,), (*warnings, *_dropped(posts, tree.dropped_keys)))


def _gone(post: dict[str, Any]) -> str | None:
    """Why a post's words are not to be read: `hidden` (flagged by the community, `hidden`/`cooked_hidden`),
    `deleted` (by staff, `deleted_at`, or by its writer, `user_deleted`), else None. Discourse's placeholder
    text alone says so too, where a tool kept `cooked` and dropped the flags."""
    if post.get("hidden") is True or post.get("cooked_hidden") is True:
        return "hidden"
    if post.get("deleted_at") is not None or post.get("user_deleted") is True:
        return "deleted"
    cooked = post.get("cooked")
    if isinstance(cooked, str) and len(cooked) < 600 and (text := html_text(cooked).strip()):
        placeholder = PLACEHOLDER.fullmatch(text)
        if placeholder:
            return "deleted" if placeholder.group().startswith("(") else "hidden"
    return None


def _dropped(posts: list[dict[str, Any]], keys: tuple[str, ...]) -> tuple[str, ...]:
    """The warning counting the hidden and deleted posts left out (nobody replied to them), by kind."""
    reasons = {str(post.get("post_number")): _gone(post) for post in posts}
    hidden = sum(1 for key in keys if reasons.get(key) == "hidden")
    deleted = len(keys) - hidden
    parts = [f"{counted_noun(hidden, 'hidden post')} (flagged by the community)"] if hidden else []
    parts += [counted_noun(deleted, "deleted post")] if deleted else []
    if not parts:
        return ()
    return (f"{' and '.join(parts)} without replies {'was' if len(keys) == 1 else 'were'} left out",)


def _in_topic_order(posts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Posts by `post_number` (a reply always has a higher one than the post it answers); posts without
    a number keep their place in the file, after the numbered ones."""
    numbered = [post for post in posts if whole_number(post.get("post_number")) is not None]
    numbered.sort(key=lambda post: whole_number(post.get("post_number")) or 0)
    return numbered + [post for post in posts if whole_number(post.get("post_number")) is None]


def _comment(post: dict[str, Any]) -> RawComment:
    cooked = post.get("cooked")
    specs = html_blocks(cooked, RULES) if isinstance(cooked, str) else []
    notice = whole_number(post.get("post_type")) in NOTICE_TYPES | {WHISPER} or text_field(post.get("action_code"))
    deleted = not notice and _gone(post) is not None
    shown = SHOWN_LINK.search(cooked) if isinstance(cooked, str) and not specs and not deleted else None
    if shown:  # a picture or a link preview alone: the post is there, its link is its text
        specs = [("source", html.unescape(shown["link"] or shown["shown"]).strip(), None, None)]
    reply_to = whole_number(post.get("reply_to_post_number"))
    return RawComment(
        key=str(post.get("post_number")),
        parent_key=str(reply_to) if reply_to is not None else None,
        author=text_field(post.get("username")),
        role=_role(post),
        specs=specs,
        date=iso_date(post.get("created_at")),
        votes=_likes(post),
        deleted=deleted,
        skipped=bool(notice) or (not specs and not deleted),
    )


def _role(post: dict[str, Any]) -> str | None:
    """The writer's title on the forum (`user_title`: `Regular`, `Team member`), and `admin` or `moderator`
    when they are one."""
    rank = "admin" if post.get("admin") is True else "moderator" if post.get("moderator") is True else None
    return role_of(text_field(post.get("user_title")), rank)


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


def looks_like_discourse_raw(text: str) -> bool:
    """Whether text is Discourse's Markdown of a topic: it opens with a post's header (`#1`, or a later
    post on a further page, `/raw/ID?page=2`)."""
    return RAW_HEADER.match(text.lstrip()[:200].partition("\n")[0]) is not None


def read_discourse_raw(text: str) -> Reading:
    """The topic of Discourse's `/raw/ID` text, its posts in order and all top-level (the text does not
    say what answers what); InputError when it has no post header."""
    headers = list(RAW_HEADER.finditer(text))
    if not headers:
        raise InputError("this text is not Discourse's /raw/ of a topic (no 'name | date UTC | #1' line)", HINT)
    posts = []
    for index, header in enumerate(headers):
        end = headers[index + 1].start() if index + 1 < len(headers) else len(text)
        lines = [line for line in text[header.end() : end].splitlines() if not RAW_SEPARATOR.match(line)]
        post: dict[str, Any] = {"post_number": int(header["number"]), "username": header["name"].strip()}
        posts.append((post, iso_date(header["date"].replace(" ", "T") + "+00:00"), _raw_blocks(lines)))
    opening = next((entry for entry in posts if entry[0]["post_number"] == 1), None)
    comments = [
        RawComment(
            key=str(post["post_number"]),
            parent_key=None,
            author=post["username"],
            specs=specs,
            date=date,
            deleted=_placeholder(specs),  # "(post deleted by author)": flat, so nobody replies to it here
        )
        for post, date, specs in posts
        if opening is None or post is not opening[0]
    ]
    tree = comment_tree(comments)
    thread = discussion(
        "discourse",
        "",
        opening[2] if opening else [],
        tree.posts,
        author=opening[0]["username"] if opening else None,
        date=opening[1] if opening else None,
    )
    warnings = ["Discourse's /raw/ text says nothing of who replies to whom: comments are flat"]
    if opening is None:
        warnings.append("the topic's first post is not in this file (a further page of /raw/): the article is empty")
    said = [
        {"post_number": post["post_number"], "cooked": html.escape(specs[0][1])} for post, _, specs in posts if specs
    ]
    return Reading((thread,), (*warnings, *_dropped(said, tree.dropped_keys)))


def _placeholder(specs: list[BlockSpec]) -> bool:
    """Whether a post's text is only what Discourse writes in place of a deleted or hidden one."""
    return len(specs) == 1 and PLACEHOLDER.fullmatch(specs[0][1]) is not None


def markdown_blocks(markdown: str) -> list[BlockSpec]:
    """A post's Markdown (as `/raw/` and a topic feed's channel give it) as blocks: see `_raw_blocks`."""
    return _raw_blocks(markdown.splitlines())


def _raw_blocks(lines: list[str]) -> list[BlockSpec]:
    """Markdown of a post as blocks: blank-line paragraphs, `[quote="name, ..."]` and `>` quotes, headings
    (`## ...`) and list items each a block of their own, fenced code as code lines; images left out, links
    and autolinks as their text, emphasis and code marks removed (not the words they mark)."""
    from translator.readers.reddit import markdown_inline

    specs: list[BlockSpec] = []
    paragraph: list[str] = []
    quoting: str | None = None  # inside [quote]...[/quote]: the quoted author ("" when unnamed)
    current: tuple[bool, str | None] = (False, None)  # the paragraph being gathered: quoted?, by whom
    fenced = False

    def flush() -> None:
        text = " ".join(" ".join(paragraph).split())
        paragraph.clear()
        if text:
            specs.append(("quote", text, current[1], "matched") if current[0] else ("paragraph", text, None, None))

    for raw_line in lines:
        if MARKDOWN_FENCE.match(raw_line):
            flush()
            fenced = not fenced
            continue
        if fenced:
            if raw_line.strip():
                specs.append(("code", raw_line.rstrip(), None, None))
            continue
        line = MARKDOWN_AUTOLINK.sub(r"\1", MARKDOWN_IMAGE.sub("", raw_line))
        line = html.unescape(INLINE_HTML_TAG.sub("", line)) if "<" in line or "&" in line else line
        line = with_emoji(markdown_inline(line)).strip()
        if start := RAW_QUOTE_START.match(line):
            flush()
            quoting, line = (start["name"] or "").strip(), start["rest"]
        closing = RAW_QUOTE_END.search(line)
        line = line[: closing.start()] if closing else line
        marked = quoting is None and line.startswith(">")
        state = (quoting is not None or marked, quoting or None)
        if state != current:
            flush()
            current = state
        line = line.lstrip(">").strip() if marked else line.strip()
        if heading := MARKDOWN_HEADING.match(line):
            flush()
            if text := " ".join(line[heading.end() :].rstrip("#").split()):
                specs.append(("heading", text, None, None))
            line = ""
        elif item := MARKDOWN_LIST_ITEM.match(line):
            flush()
            line = line[item.end() :]
        if line:
            paragraph.append(line)
        else:
            flush()
        if closing:
            flush()
            quoting = None
    flush()
    return specs
