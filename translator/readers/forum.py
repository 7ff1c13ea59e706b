"""Read the text dump of a news forum page (article + reader comments, as developpez.com prints it).

The dump is what a browser's "select all, copy" gives: site chrome around an article, then comments
shaped as `Avatar de NAME` / role line / `Le 28/10/2024 à 9:26` / body / `11  4` (votes up and down).

Quote extent. A quote starts at `Citation Envoyé par NAME Voir le message`, but the dump does not mark
where it ends. Text that appears in two posts was written once, by the earlier post, and quoted by the
later one; forums drop nested quotes when quoting. So in a quoting segment, a line that also appears in
an *earlier* post is quoted text, and a line that also appears in a *later* post that quotes this post's
author is this post's own reply. The quote ends after the last line known to be quoted, or else right
before the first line known to be a reply (`quote_extent: "matched"`). Where no line is shared with any
other post, the heuristic is that the quote is the first line only, which is how short forum quotes
mostly look (`quote_extent: "guessed"`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from translator.errors import InputError
from translator.models import BlockKind, Post, QuoteExtent, Thread, Votes
from translator.readers.common import BlockSpec, Reading, clean, comment_post, date_of, number_blocks

BYLINE = re.compile(r"^Le\s*(?P<date>[^,]*?)\s*,\s*par\s+(?P<author>\S.*?)\s*$")
SHARES = re.compile(r"^(?P<count>\d+)\s*PARTAGES?$", re.IGNORECASE)
VOTES = re.compile(r"^(?P<up>\d+)\s+(?P<down>\d+)$")
AVATAR = re.compile(r"^Avatar de\s+(?P<name>\S.*?)$")
POST_DATE = re.compile(
    r"^Le\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})(?:\s+à\s+(?P<hour>\d{1,2})[:h](?P<minute>\d{2}))?$"
)
CITATION = re.compile(r"^Citation(?:\s+Envoyé\s+par\s+(?P<name>\S.*?))?(?:\s+Voir le message)?\s*:?$")
THREAD_LABEL = re.compile(r"^(?:Discussion|Sujet|Topic|Thread)\s*:\s*", re.IGNORECASE)
"""The label before a forum thread's title in its page's heading."""
SOURCE = re.compile(r"^Sources?\s*:\s*\S")
SITE_URL = re.compile(r"\s*https?://\S+$")
# A line that ends a sentence, a quotation or a list item is body text; a heading has no end mark.
SENTENCE_END = tuple(".!?:;…»\"”)'’")
MAX_HEADING_CHARS = 250
READER_QUESTIONS_HEADING = "Et vous ?"

# Site chrome: the login box, sign-up prompts and page furniture a copy of the page carries along.
CHROME_LINES = frozenset(
    {
        "IdentifiantMot de passe",
        "Identifiant",
        "Mot de passe",
        "Loading...",
        "Mot de passe oublié ?",
        "Mot de passe oublié ?Je m'inscris ! (gratuit)",
        "Identifiez-vous",
        "Créer un compte",
        "Je m'inscris !",
        "Une erreur dans cette actualité ? Signalez-nous-la !",
    }
)
CHROME_PREFIXES = (
    "Vous êtes nouveau sur Developpez.com",
    "Vous devez avoir un compte Developpez.com",
    "Vous n'avez pas encore de compte Developpez.com",
    "Si vous disposez déjà d'un compte et qu'il est bien activé",
    "L'inscription est gratuite et ne vous prendra que",
)


def is_chrome(line: str) -> bool:
    """Whether a cleaned line is site furniture rather than content."""
    return line in CHROME_LINES or line.startswith(CHROME_PREFIXES)


def parse_votes(line: str) -> Votes | None:
    """`11  4` (with any spaces, no-break ones too) as votes, else None."""
    match = VOTES.match(" ".join(line.split()))
    return Votes(int(match["up"]), int(match["down"])) if match else None


def parse_date(text: str) -> datetime | None:
    """`28/10/2024 à 9:26` or `Le 28/10/2024 à 9:26` as a datetime; None when absent or malformed."""
    text = text.strip()
    if not text.startswith("Le"):
        text = "Le " + text
    match = POST_DATE.match(text)
    return date_of(match) if match else None


def looks_like_forum(text: str) -> bool:
    """Whether a text has the marks of a forum or comment page dump: developpez.com's, or any engine's that
    `forum_dump` reads (used to sniff the format)."""
    return looks_like_developpez(text) or _dump_reader(text) is not None


def _dump_reader(text: str) -> Callable[[str], Reading] | None:
    """The reader of the dump a text is, tried in order: Stack Exchange's (`qa_dump`), Hacker News's (`hn_dump`),
    old and redesign Reddit's (`reddit_dump`), then any other engine's (`forum_dump`)."""
    from translator.readers.forum_dump import looks_like_forum_dump, read_forum_dump
    from translator.readers.hn_dump import looks_like_hn_dump, read_hn_dump
    from translator.readers.qa_dump import looks_like_qa_dump, read_qa_dump
    from translator.readers.reddit_dump import (
        looks_like_reddit_dump,
        looks_like_redesign_dump,
        read_reddit_dump,
        read_redesign_dump,
    )

    readers = (
        (looks_like_qa_dump, read_qa_dump),
        (looks_like_hn_dump, read_hn_dump),
        (looks_like_reddit_dump, read_reddit_dump),
        (looks_like_redesign_dump, read_redesign_dump),
        (looks_like_forum_dump, read_forum_dump),
    )
    return next((read for looks_like, read in readers if looks_like(text)), None)


def looks_like_developpez(text: str) -> bool:
    """Whether a text has the marks of developpez.com's page dump (`Avatar de NAME`, its byline and votes)."""
    lines = [clean(line) for line in text.splitlines()[:5000]]
    avatars = sum(1 for line in lines if AVATAR.match(line))
    bylines = sum(1 for line in lines if BYLINE.match(line))
    return avatars > 0 or (bylines > 0 and any(SHARES.match(line) or parse_votes(line) for line in lines))


@dataclass
class Segment:
    """Lines of a comment that follow one quote marker (or precede every marker: `cited` is False)."""

    cited: bool
    quoted_author: str | None
    lines: list[str] = field(default_factory=list)
    quote_length: int = 0
    extent: QuoteExtent | None = None
    closed: bool = False
    """Whether the dump marks where the quote ends (XenForo's `Click to expand...`): no inference then."""


@dataclass
class RawPost:
    author: str
    role: str | None
    date: datetime | None
    votes: Votes | None
    segments: list[Segment]
    order: int


def dump_thread(posts: tuple[Post, ...]) -> Thread:
    """A page dump's one thread: its posts, titled by the first one's title block (none: an empty title)."""
    title = next((block.text for block in posts[0].blocks if block.kind == "title"), "") if posts else ""
    return Thread(title=title, subtitle=None, posts=posts, source_format="forum")


def read_forum(text: str) -> Reading:
    """Parse a forum page dump into its one thread; raise InputError when no article or comment is found.
    developpez.com's dump is read here; the others by their readers (see `_dump_reader`)."""
    if not looks_like_developpez(text) and (read := _dump_reader(text)) is not None:
        return read(text)
    lines = [clean(line) for line in text.splitlines()]
    avatar_rows = [i for i, line in enumerate(lines) if AVATAR.match(line)]
    first_comment_row = avatar_rows[0] if avatar_rows else len(lines)
    byline_row = next((i for i in range(first_comment_row) if BYLINE.match(lines[i])), None)

    posts: list[Post] = []
    if byline_row is not None:
        posts.append(_read_article(lines, byline_row, first_comment_row))
    comments = [_read_comment(lines, start, end, n) for n, (start, end) in enumerate(_spans(avatar_rows, len(lines)))]
    resolve_quotes(comments, posts[0] if posts else None)
    if not posts and comments:
        # No byline: a forum thread, every post drawn alike; the first opens the thread and is its article.
        opening, *comments = comments
        posts.append(_opening_post(opening, _thread_title(lines, first_comment_row)))
    posts.extend(_comment_post(comment, n + 1) for n, comment in enumerate(comments))
    if not any(post.blocks for post in posts):
        raise InputError(
            "no article or comment found in this forum page dump",
            "check that the file is a copy of the whole page, or pass --format text",
        )
    article_blocks = posts[0].blocks if posts and posts[0].kind == "article" else ()
    thread = Thread(
        title=next((b.text for b in article_blocks if b.kind == "title"), ""),
        subtitle=next((b.text for b in article_blocks if b.kind == "subtitle"), None),
        posts=tuple(posts),
        source_format="forum",
    )
    return Reading((thread,))


def _spans(starts: list[int], end: int) -> list[tuple[int, int]]:
    return [(start, starts[n + 1] if n + 1 < len(starts) else end) for n, start in enumerate(starts)]


def _read_article(lines: list[str], byline_row: int, end: int) -> Post:
    byline = BYLINE.match(lines[byline_row])
    assert byline is not None
    header_end = byline_row
    while header_end > 0 and not lines[header_end - 1]:
        header_end -= 1
    header_start = header_end
    while header_start > 0 and lines[header_start - 1] and not is_chrome(lines[header_start - 1]):
        header_start -= 1
    header = lines[header_start:header_end]

    blocks: list[tuple[BlockKind, str]] = []
    if header:
        blocks.append(("title", header[0]))
        if len(header) > 1:
            blocks.append(("subtitle", " ".join(header[1:])))

    shares: int | None = None
    votes: Votes | None = None
    row = byline_row + 1
    # Share counter and votes sit between the byline and the first paragraph.
    while row < end and (not lines[row] or SHARES.match(lines[row]) or parse_votes(lines[row])):
        if shares_match := SHARES.match(lines[row]):
            shares = int(shares_match["count"])
        elif lines[row] and votes is None:
            votes = parse_votes(lines[row])
        row += 1

    in_questions = False
    for line in lines[row:end]:
        if not line or is_chrome(line):
            continue
        kind: BlockKind
        if SOURCE.match(line):
            kind = "source"
        elif line == READER_QUESTIONS_HEADING:
            kind, in_questions = "heading", True
        elif in_questions and line.endswith("?"):
            kind = "question"
        else:
            in_questions = False
            heading = not line.endswith(SENTENCE_END) and len(line) <= MAX_HEADING_CHARS
            kind = "heading" if heading else "paragraph"
        blocks.append((kind, line))

    return Post(
        id="article",
        kind="article",
        author=byline["author"],
        date=parse_date(byline["date"]),
        votes=votes,
        shares=shares,
        blocks=number_blocks("article", [(kind, text, None, None) for kind, text in blocks]),
    )


def _read_comment(lines: list[str], start: int, end: int, order: int) -> RawPost:
    avatar = AVATAR.match(lines[start])
    assert avatar is not None
    body = [line for line in lines[start + 1 : end] if line and not is_chrome(line)]
    votes = parse_votes(body[-1]) if body else None
    if votes is not None:
        body.pop()
    role: str | None = None
    date: datetime | None = None
    # A role line, then a date line; either may be missing on some pages.
    if len(body) > 1 and not POST_DATE.match(body[0]) and POST_DATE.match(body[1]):
        role = SITE_URL.sub("", body.pop(0)) or None
    if body and POST_DATE.match(body[0]):
        date = parse_date(body.pop(0))
    segments = [Segment(cited=False, quoted_author=None)]
    for line in body:
        citation = CITATION.match(line)
        if citation:
            segments.append(Segment(cited=True, quoted_author=citation["name"]))
        else:
            segments[-1].lines.append(line)
    return RawPost(avatar["name"], role, date, votes, segments, order)


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


@dataclass
class _LineGroup:
    """The comments holding one line, summed up so that each question about them is answered at once:
    is one of them written before a given comment; does one of them quote a given author."""

    first_dated: tuple[datetime, int] | None = None
    first_undated: int | None = None
    first: int | None = None
    quoters: Counter[str | None] = field(default_factory=Counter)

    def add(self, comment: RawPost) -> None:
        if comment.date is not None:
            key = (comment.date, comment.order)
            self.first_dated = key if self.first_dated is None else min(self.first_dated, key)
        else:
            self.first_undated = comment.order if self.first_undated is None else min(self.first_undated, comment.order)
        self.first = comment.order if self.first is None else min(self.first, comment.order)
        self.quoters.update({s.quoted_author for s in comment.segments if s.cited})

    def has_earlier(self, comment: RawPost) -> bool:
        """Whether another comment holding the line was written before this one: by date where both
        have one and they differ, else by page order (strict comparisons leave the comment itself out)."""
        if comment.date is None:
            return self.first is not None and self.first < comment.order
        return (self.first_dated is not None and self.first_dated < (comment.date, comment.order)) or (
            self.first_undated is not None and self.first_undated < comment.order
        )

    def quotes(self, comment: RawPost) -> bool:
        """Whether another comment holding the line quotes this comment's author."""
        own = any(s.cited and s.quoted_author == comment.author for s in comment.segments)
        return self.quoters[comment.author] > (1 if own else 0)


def resolve_quotes(comments: list[RawPost], article: Post | None) -> None:
    """Find where each quote ends (see the module docstring). Linear in the number of lines: the comments
    sharing a line are summed up once (`_LineGroup`) instead of compared pairwise."""
    article_lines = {_norm(b.text) for b in article.blocks} if article else set()
    cited_keys = {_norm(line) for c in comments for segment in c.segments if segment.cited for line in segment.lines}
    groups: dict[str, _LineGroup] = {}
    for comment in comments:
        for key in {_norm(line) for segment in comment.segments for line in segment.lines} & cited_keys:
            groups.setdefault(key, _LineGroup()).add(comment)
    for comment in comments:
        for segment in comment.segments:
            if not segment.cited or segment.closed:
                continue
            quoted: list[int] = []
            own: list[int] = []
            for row, line in enumerate(segment.lines):
                key = _norm(line)
                group = groups[key]
                if key in article_lines or group.has_earlier(comment):
                    quoted.append(row)
                elif group.quotes(comment):
                    own.append(row)
            if quoted:
                segment.quote_length, segment.extent = max(quoted) + 1, "matched"
            elif own and min(own) > 0:
                segment.quote_length, segment.extent = min(own), "matched"
            else:
                segment.quote_length, segment.extent = min(1, len(segment.lines)), "guessed"


def segment_specs(comment: RawPost) -> list[BlockSpec]:
    specs: list[BlockSpec] = []
    for segment in comment.segments:
        for row, line in enumerate(segment.lines):
            if segment.cited and row < segment.quote_length:
                specs.append(("quote", line, segment.quoted_author, segment.extent))
            else:
                specs.append(("source" if SOURCE.match(line) else "paragraph", line, None, None))
    return specs


def _comment_post(comment: RawPost, number: int) -> Post:
    specs = segment_specs(comment)
    return comment_post(number, specs, author=comment.author, role=comment.role, date=comment.date, votes=comment.votes)


def _thread_title(lines: list[str], first_post_row: int) -> str | None:
    """A forum thread's title: the last line above its first post that is neither blank nor site chrome,
    without its label ("Discussion : Mon script plante" -> "Mon script plante")."""
    for line in reversed(lines[:first_post_row]):
        if line and not is_chrome(line) and (title := THREAD_LABEL.sub("", line).strip()):
            return title
    return None


def _opening_post(opening: RawPost, title: str | None) -> Post:
    """The post that opens a forum thread, as its article (its title first, when the dump shows one)."""
    specs: list[BlockSpec] = [("title", title, None, None)] if title else []
    return Post(
        id="article",
        kind="article",
        author=opening.author,
        role=opening.role,
        date=opening.date,
        votes=opening.votes,
        blocks=number_blocks("article", specs + segment_specs(opening)),
    )
