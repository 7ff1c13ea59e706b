"""Helpers every reader shares: line cleaning, readable block ids, safe JSON, dates (from JSON values or
matched text), comment posts and the reply tree."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from translator.errors import InputError
from translator.models import Block, BlockKind, Post, QuoteExtent, SourceFormat, Thread, Votes

BlockSpec = tuple[BlockKind, str, str | None, QuoteExtent | None]
"""kind, text, quoted author, quote extent: a block before it has an id."""


def clean(line: str) -> str:
    """A line with its surrounding whitespace (no-break spaces included) removed."""
    return line.strip().strip("\u00a0\u202f\ufeff").strip()


BLOCK_ID_PREFIX: dict[BlockKind, str] = {
    "title": "title",
    "subtitle": "subtitle",
    "heading": "h",
    "paragraph": "p",
    "quote": "q",
    "source": "src",
    "question": "ask",
    "code": "code",
}


def number_blocks(post_id: str, specs: list[BlockSpec]) -> tuple[Block, ...]:
    """Blocks with readable ids: `article.title`, `article.p3`, `c4.q1`, counted per kind within a post."""
    counts: Counter[str] = Counter()
    blocks = []
    for kind, text, quoted_author, extent in specs:
        prefix = BLOCK_ID_PREFIX[kind]
        counts[prefix] += 1
        suffix = prefix if kind in ("title", "subtitle") and counts[prefix] == 1 else f"{prefix}{counts[prefix]}"
        blocks.append(
            Block(
                id=f"{post_id}.{suffix}",
                kind=kind,
                text=text,
                quoted_author=quoted_author,
                quote_extent=extent,
            )
        )
    return tuple(blocks)


JSON_HINT = "check that the file is complete; re-download or re-export it"
NUMBER_TOO_LONG = f"holds a number too long to read (over {sys.get_int_max_str_digits()} digits)"
"""What is wrong with JSON whose integer Python will not convert (its limit on digits)."""


def load_json(text: str, hint: str = JSON_HINT) -> Any:
    """Parse JSON for a reader, within limits: nesting as deep as Python's stack allows (about 900
    levels; real exports stay under 100) and integers of at most 4,300 digits. Anything else is one
    InputError, never a RecursionError or ValueError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}", hint) from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply to be a thread (over about 900 levels)", hint) from None
    except ValueError:  # an integer too long to convert (Python's 4,300-digit limit)
        raise InputError(f"the JSON {NUMBER_TOO_LONG}", hint) from None


def whole_number(value: Any, limit: int = 10**15) -> int | None:
    """A JSON value as a count (votes, ids): a non-negative integer below `limit`, else None."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < limit:
        return None
    return int(value) if float(value).is_integer() else None


def digits_count(value: Any) -> int | None:
    """A count as Google's APIs write one (YouTube's statistics, Blogger's `totalItems`: a 64-bit integer, so a
    string of digits), or as a JSON number; None otherwise."""
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 16:
        return int(value.strip())
    return whole_number(value)


def text_field(value: Any) -> str | None:
    """A JSON value as text: a non-empty string, else None."""
    return value if isinstance(value, str) and value.strip() else None


def minute_of(moment: datetime) -> datetime:
    """A moment as the naive UTC minute the thread model keeps (dates are shown to the minute)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)


def epoch_date(value: Any) -> datetime | None:
    """Unix seconds (an int, a float or digits in a string) as a date; None when absent or absurd."""
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 20:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return minute_of(datetime.fromtimestamp(value, UTC))
    except (OverflowError, OSError, ValueError):
        return None


def iso_date(value: Any) -> datetime | None:
    """An ISO 8601 date (`2024-05-01T10:00:00.000Z`, with or without offset) as a date; None otherwise."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return minute_of(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def date_of(match: re.Match[str]) -> datetime | None:
    """The datetime a regex match names in its `year`, `month`, `day` and optional `hour`, `minute` groups;
    None for an impossible date (31 February)."""
    try:
        return datetime(
            int(match["year"]),
            int(match["month"]),
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
        )
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader found in one file: its threads, and what the user should know about them."""

    threads: tuple[Thread, ...]
    """One thread, or several (a feed, a site's comment export)."""
    warnings: tuple[str, ...] = ()
    """Problems worth telling that did not stop reading (comments not in the file...)."""


@dataclass(slots=True)
class RawComment:
    """A comment as a reader found it, before post ids and the reply tree are settled."""

    key: str
    """The source's own id of the comment."""
    parent_key: str | None
    """The source id of what it replies to (None, or the article's id, for a top-level comment)."""
    author: str | None
    """Display name, when known."""
    specs: list[BlockSpec]
    """The body as blocks before they get ids."""
    date: datetime | None = None
    """When it was posted."""
    votes: Votes | None = None
    """Reader votes, when given."""
    url: str | None = None
    """Permalink, when known."""
    deleted: bool = False
    """The platform says it was deleted or removed: kept (empty) only when it has replies."""
    skipped: bool = False
    """Not a comment to show (a moderator notice, an image alone): left out, its replies move up to its
    parent."""
    role: str | None = None
    """The writer's rank or role on the site, when the source gives one (`moderator`, `OP`)."""


@dataclass(frozen=True, slots=True)
class CommentTree:
    """Comments with ids and parents settled."""

    posts: tuple[Post, ...]
    """`c1`, `c2`... in the order given, each with the id of its parent post (None: top level)."""
    dropped_deleted: int
    """Deleted comments left out because nothing kept replies to them."""
    dropped_keys: tuple[str, ...] = ()
    """The source ids of those comments (a reader that tells apart why they were deleted counts them)."""

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the user should know: how many deleted comments were left out."""
        if not self.dropped_deleted:
            return ()
        if self.dropped_deleted == 1:
            return ("1 deleted or removed comment without replies was left out",)
        return (f"{self.dropped_deleted:,} deleted or removed comments without replies were left out",)


def comment_tree(comments: Sequence[RawComment], article_key: str | None = None) -> CommentTree:
    """Number the comments in the order given and link each to its parent. A parent that is the article,
    is missing from the file, or would close a loop makes a top-level comment; skipped comments hand
    their replies to their own parent; deleted ones stay only where a kept comment replies to them.
    Linear in the number of comments (no recursion: reply chains can be long)."""
    position: dict[str, int] = {}
    for index, comment in enumerate(comments):
        position.setdefault(comment.key, index)
    parents: list[int | None] = [
        None if comment.parent_key is None or comment.parent_key == article_key else position.get(comment.parent_key)
        for comment in comments
    ]
    _break_loops(parents)
    shown = _shown_parents(parents, [comment.skipped for comment in comments])
    kept = [not comment.skipped and not comment.deleted for comment in comments]
    for index in range(len(comments)):
        if kept[index] and not comments[index].deleted:
            parent = shown[index]
            while parent is not None and not kept[parent]:  # a deleted ancestor holding up a reply
                kept[parent] = True
                parent = shown[parent]
    kept_indexes = [index for index in range(len(comments)) if kept[index]]
    numbers = {index: number for number, index in enumerate(kept_indexes, start=1)}
    posts = []
    for index in kept_indexes:
        comment, parent = comments[index], shown[index]
        posts.append(
            comment_post(
                numbers[index],
                [] if comment.deleted else comment.specs,
                author=comment.author,
                role=comment.role,
                date=comment.date,
                votes=comment.votes,
                parent=f"c{numbers[parent]}" if parent is not None else None,
                url=comment.url,
                deleted=comment.deleted,
            )
        )
    dropped = tuple(comment.key for index, comment in enumerate(comments) if comment.deleted and not kept[index])
    return CommentTree(tuple(posts), len(dropped), dropped)


def _break_loops(parents: list[int | None]) -> None:
    """Make the first comment met on a parent loop (a damaged or hostile file) top-level, in place."""
    state = [0] * len(parents)  # 0 unseen, 1 on the current path, 2 settled
    for start in range(len(parents)):
        path = []
        node: int | None = start
        while node is not None and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = parents[node]
        if node is not None and state[node] == 1:
            parents[node] = None
        for settled in path:
            state[settled] = 2


def _shown_parents(parents: list[int | None], skipped: list[bool]) -> list[int | None]:
    """Each comment's nearest ancestor that is not skipped (loops already broken)."""
    shown = list(parents)
    settled = [False] * len(parents)
    for start in range(len(parents)):
        path = []
        node = start
        while not settled[node] and (parent := shown[node]) is not None and skipped[parent]:
            path.append(node)
            node = parent
        # shown[node] is final here: settled before, or a parent that is shown (or none).
        for walked in path:
            shown[walked] = shown[node]
            settled[walked] = True
        settled[node] = True
    return shown


def discussion(
    source_format: SourceFormat,
    title: str,
    body: list[BlockSpec],
    comments: Sequence[Post] = (),
    *,
    author: str | None = None,
    role: str | None = None,
    date: datetime | None = None,
    votes: Votes | None = None,
    url: str | None = None,
    site: str | None = None,
) -> Thread:
    """A thread of one discussion: the article (its title as the first block, then its body, its author,
    date, votes and address) and the comments; the thread's address and date are the article's."""
    title_specs: list[BlockSpec] = [("title", title, None, None)] if title.strip() else []
    article = Post(
        id="article",
        kind="article",
        author=author,
        role=role,
        date=date,
        votes=votes,
        blocks=number_blocks("article", [*title_specs, *body]),
        url=url,
    )
    return Thread(
        title=title,
        subtitle=None,
        posts=(article, *comments),
        source_format=source_format,
        url=url,
        site=site,
        published=date,
    )


def further_comments(count: int, detail: str = "") -> tuple[str, ...]:
    """The warning that a file holds only part of a discussion (none when nothing is missing)."""
    if count <= 0:
        return ()
    counted = "1 further comment is" if count == 1 else f"{count:,} further comments are"
    return (f"{counted} not in this file{detail}: only the comments in the file are read",)


def as_dict(value: Any) -> dict[str, Any]:
    """A JSON value that should be an object; an empty one when it is not (a damaged export)."""
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """A JSON value that should be an array; an empty one when it is not."""
    return value if isinstance(value, list) else []


COUNT_MULTIPLIERS: dict[str, int] = {
    # English, French, Italian, Spanish and most sites: 1.2K, 3,4 k, 2M, 1.1B, 1,5 Md
    "k": 10**3, "m": 10**6, "b": 10**9, "md": 10**9, "mn": 10**6,
    # German: Tsd., Mio., Mrd.
    "tsd": 10**3, "mio": 10**6, "mrd": 10**9,
    # Spanish and Portuguese: 3 mil, 1,2 mill., 2 mi; Italian: 3 mila, 1,2 Mln
    "mil": 10**3, "mill": 10**6, "mi": 10**6, "mila": 10**3, "mln": 10**6, "mld": 10**9,
    # Russian, Ukrainian, Polish: тыс., тис., млн, млрд, tys.
    "тыс": 10**3, "тис": 10**3, "млн": 10**6, "млрд": 10**9, "tys": 10**3,
    # Chinese and Japanese: 万 (ten thousand), 億/亿 (a hundred million), 千
    "千": 10**3, "万": 10**4, "萬": 10**4, "億": 10**8, "亿": 10**8,
}  # fmt: skip
"""Words that abbreviate a count in a like or vote counter, by the power they stand for (lower case)."""
PRINTED_COUNT = re.compile(
    r"([+\-−–]?)\s*(\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)"
    r"(?:\s?(" + "|".join(sorted(map(re.escape, COUNT_MULTIPLIERS), key=len, reverse=True)) + r")(?![^\W\d_])\.?)?",
    re.IGNORECASE,
)
GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+")


def printed_count(text: str) -> int | None:
    """The signed count a counter starts with: `12`, `+3`, `-1`, `1,234`, `12 345`, or abbreviated as
    YouTube and most sites print it: `1.2K`, `3,4 тыс.`, `1,2 Mio.`, `2 mil`, `1.5万` (1200, 3400, ...);
    None when the text does not start with one."""
    match = PRINTED_COUNT.match(text.strip())
    if match is None:
        return None
    sign, number, word = match.groups()
    multiplier = COUNT_MULTIPLIERS[word.lower()] if word else 1
    if GROUPED_THOUSANDS.fullmatch(number):  # 1,234 or 12 345
        value = int(re.sub(r"\D", "", number)) * multiplier
    else:
        value = round(float(number.replace(",", ".")) * multiplier)
    if value >= 10**12:
        return None
    return -value if sign and sign in "-−–" else value


def net_votes(score: Any) -> Votes | None:
    """A platform's net score as votes: a positive score is votes for, a negative one votes against."""
    if isinstance(score, bool) or not isinstance(score, int | float) or not abs(score) < 10**15:
        return None
    return Votes(up=max(int(score), 0), down=max(-int(score), 0))


XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
XML_PROLOG_ITEM = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE)
XML_START_TAG = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")


def xml_root_name(text: str) -> str | None:
    """The local name of the first element of an XML document (`rss`, `feed`, `disqus`), read from its
    start without parsing it; None when the text does not start like XML."""
    position = 0
    for _ in range(100):  # declaration, processing instructions, comments, doctype
        item = XML_PROLOG_ITEM.match(text, position)
        if item is None:
            break
        position = item.end()
    tag = XML_START_TAG.match(text, position)
    return tag.group(1).rpartition(":")[2].lower() if tag else None


def xml_bytes(text: str) -> bytes:
    """Decoded XML text as UTF-8 bytes for a parser: its declaration goes, since it may name the encoding
    the file had before it was decoded."""
    return XML_DECLARATION.sub("", text, count=1).encode("utf-8", "replace")


def parse_xml(text: str, what: str, hint: str) -> Any:
    """The root element of an XML document, parsed by lxml without fetching or expanding anything
    (no network, no external or internal entity expansion); InputError with the place of a syntax error."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(xml_bytes(text), parser)
    except etree.XMLSyntaxError as error:
        line = f" at line {error.lineno}" if error.lineno else ""
        reason = (error.msg or "syntax error").splitlines()[0].strip(" ,")
        raise InputError(f"this {what} is not well-formed XML{line}: {reason}", hint) from None


def role_of(*parts: str | None) -> str | None:
    """The parts of a writer's role a source gives (`OP`, `moderator`, a flair), joined; None when none."""
    kept = [" ".join(part.split()) for part in parts if part and part.strip()]
    return ", ".join(dict.fromkeys(kept)) or None


def counted_noun(count: int, noun: str) -> str:
    """`1 post`, `3 posts`: a count (thousands grouped) and its noun, for readers' warnings."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def local_name(element: Any) -> str:
    """The tag of an XML element without its namespace (`{http://disqus.com}post` -> `post`)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def child_element(element: Any, name: str) -> Any:
    """The first child element with this local name, or None (also when `element` is None)."""
    if element is None:
        return None
    return next((child for child in element if local_name(child) == name), None)


PINGBACK_LABEL = re.compile(r"^(?:pingback|trackback)\b", re.IGNORECASE)
PINGBACK_TEXT = re.compile(r"^\s*\[(?:…|\.\.\.|&hellip;)\].*\[(?:…|\.\.\.)\]\W*$", re.DOTALL)
"""A pingback's or trackback's excerpt of the linking page ("[…] text […]"), drawn like a comment on a page and
in its dump: no reader's comment."""


def comment_post(
    number: int,
    specs: list[BlockSpec],
    *,
    author: str | None,
    role: str | None = None,
    date: datetime | None = None,
    votes: Votes | None = None,
    parent: str | None = None,
    url: str | None = None,
    deleted: bool = False,
) -> Post:
    """Comment number `number` as post `cNUMBER`, its blocks numbered under that id."""
    post_id = f"c{number}"
    return Post(
        id=post_id,
        kind="comment",
        author=author,
        role=role,
        date=date,
        votes=votes,
        blocks=number_blocks(post_id, specs),
        parent=parent,
        url=url,
        deleted=deleted,
    )


UNWRITABLE = re.compile("[\x00\ud800-\udfff]")
"""Characters no output can hold: NUL (PO, XML and C strings end at it) and unpaired surrogates (no UTF-8
encoder writes them; they come from JSON escapes such as `\\ud800`)."""
UNWRITABLE_WARNING = (
    "{count} NUL character(s) or unpaired surrogate(s) (\\ud800-\\udfff) in the file's text were replaced by \ufffd: "
    "the file was damaged or made by a faulty tool"
)


def scrubbed(reading: Reading) -> Reading:
    """A reading whose text holds no NUL and no unpaired surrogate: each one becomes U+FFFD, and one warning
    counts them. Every reader's threads pass here (see readers.parse_threads, readers.thread_from_bytes), so
    that no output, memory or terminal later fails on a character it cannot encode. The same reading when
    its text is clean (the usual case: a scan of its strings, nothing copied)."""
    found = [0]

    def text(value: str) -> str:
        if UNWRITABLE.search(value) is None:
            return value
        replaced, count = UNWRITABLE.subn("\ufffd", value)
        found[0] += count
        return replaced

    def maybe(value: str | None) -> str | None:
        return None if value is None else text(value)

    def block(item: Block) -> Block:
        fixed = (text(item.id), text(item.text), maybe(item.quoted_author))
        if fixed == (item.id, item.text, item.quoted_author):
            return item
        return replace(item, id=fixed[0], text=fixed[1], quoted_author=fixed[2])

    def post(item: Post) -> Post:
        blocks = tuple(block(each) for each in item.blocks)
        fixed = (text(item.id), maybe(item.author), maybe(item.role), maybe(item.parent), maybe(item.url))
        if fixed == (item.id, item.author, item.role, item.parent, item.url) and all(
            new is old for new, old in zip(blocks, item.blocks, strict=True)
        ):
            return item
        return replace(item, id=fixed[0], author=fixed[1], role=fixed[2], parent=fixed[3], url=fixed[4], blocks=blocks)

    def thread(item: Thread) -> Thread:
        posts = tuple(post(each) for each in item.posts)
        fixed = (text(item.title), maybe(item.subtitle), maybe(item.url), maybe(item.site))
        if fixed == (item.title, item.subtitle, item.url, item.site) and all(
            new is old for new, old in zip(posts, item.posts, strict=True)
        ):
            return item
        return replace(item, title=fixed[0], subtitle=fixed[1], url=fixed[2], site=fixed[3], posts=posts)

    threads = tuple(thread(each) for each in reading.threads)
    if not found[0]:
        return reading
    return Reading(threads, (*reading.warnings, UNWRITABLE_WARNING.format(count=found[0])))
