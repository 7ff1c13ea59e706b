"""Read the text dump of a thread page of any common forum or comment engine (phpBB, vBulletin, XenForo,
SMF, Invision, MyBB, WordPress and Disqus comments...), by the shape their posts take as text.

Every engine prints a post as a header (the writer's name, a rank, profile fields such as `Posts: 1,234`,
a date, a post number), the body, and buttons. The labels come from `forum_engines`; this module finds the
posts. A post is anchored on its date line (or on a line naming writer and date, phpBB's `Post by NAME »
DATE`); its writer is the first short line of the header above the date (most engines), or below it
(vBulletin's default layout, date first). Which of the two a dump uses is decided once per dump, by where
its headers have their profile fields. A header's short lines are its writer and rank; where a dump shows
no buttons between posts to separate one post's last line from the next header, the number of such lines
most headers have is taken, so that a short last line of a body is not taken for a name.

Quotes (`NAME said:`, `Quote Originally Posted by NAME`, `NAME wrote:`) end where the dump marks it
(XenForo's `Click to expand...`), else where the forum reader's rules find (see `forum`). Signatures (after a
`__________` line), edit notes, profile fields and buttons are left out. The first post is the article,
unless the page shows an article before its comments (a news page): then that text is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Literal

from translator.errors import InputError
from translator.models import BlockKind, Post, Votes
from translator.readers.common import (
    PINGBACK_LABEL,
    PINGBACK_TEXT,
    BlockSpec,
    Reading,
    clean,
    comment_post,
    counted_noun,
    net_votes,
    number_blocks,
)
from translator.readers.forum import THREAD_LABEL, RawPost, Segment, dump_thread, resolve_quotes, segment_specs
from translator.readers.forum_engines import (
    COMMENT_LABEL,
    MAX_LABEL_CHARS,
    REACTIONS_LINE,
    RELATIVE_DATE,
    SUBJECT,
    WRITTEN_BY,
    Line,
    button_start,
    classify,
    date_part,
    is_button,
    is_post_action,
    profile_key,
    without_buttons,
)
from translator.readers.html_byline import BYLINE_LABEL
from translator.readers.html_dates import WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES, could_be_date, without_date_lead

MAX_NAME_CHARS = 50
MAX_DATE_LINE_CHARS = 90
MAX_NAME_WORDS = 6
MAX_HEADER_LINES = 14
SENTENCE_END = tuple('.!?;…»"”)')
MIN_PROSE_CHARS = 100
MIN_ARTICLE_PARAGRAPHS = 3
"""A page shows an article before its comments when at least this many lines of prose come before them."""
NAME_THEN_DATE = re.compile(
    r"^(?P<name>\S.{0,49}?)\s+(?P<date>\d{1,4}[./-]\d.*|[^\W\d_]{3,}\.?\s+\d.*|\d{1,2}\.?\s+[^\W\d_]{3,}.*)$"
)
"""A writer and a date on one line (`Ben 19. Juni 2018 um 15:28 Uhr - Reply`, WordPress themes)."""
NAME_CONNECTOR = re.compile(r"(?:\s*,|\s+(?:am|on|le|el|il|op))$", re.IGNORECASE)
"""The word or comma between a writer and the date on their line (`NAME am DATE`, Drupal; `NAME, DATE`; `NAME Le
DATE`)."""
PAGINATION = re.compile(
    r"^(?:.*\b(?:Page|Seite|Pagina|Página|Страница|Strona)\s+\d+\s+(?:of|von|sur|de|di|van|из|z)\s+\d+.*"
    r"|(?:Results|Ergebnis|Résultats|Resultados)\s+\d+\s+.*\d+)$",
    re.IGNORECASE,
)

READ_COUNT = re.compile(r"(?<!\s)\s*\((?:Read|Gelesen|Lu|Leído|Letto|Прочитано)\s+[\d.,\s]+\s*\w*\)$", re.IGNORECASE)
"""SMF's count of readings after a topic's title (`(Read 412 times)`)."""

Shape = Literal["before", "after"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a post's date (or writer and date) line is, and what it names."""

    row: int
    """The line's index among the dump's lines."""
    writer: str | None
    """The writer the line names itself (phpBB's byline), else None: found in the header."""
    date: datetime | None
    """The post's date, None when the dump prints none it can read (a relative one)."""
    date_row: int | None = None
    """The date's own line where it is not the anchor's (WordPress: `NAME says:`, the date below)."""


@dataclass(frozen=True, slots=True)
class Header:
    """A post's header as found around its anchor."""

    start: int
    """The first line of the post (its header's first line)."""
    body_start: int
    """The first line after the header."""
    writer: str | None
    role: str | None
    end: int | None = None
    """The line after the post's last where its header tells (a post signed below its text ends before its
    signature); None: the post runs to the next one's header."""


def looks_like_forum_dump(text: str) -> bool:
    """Whether a text is a forum or comment page dump: a run of posts with a writer and a date, most of them with
    an engine's mark of a post of their own (its buttons, a quote, an edit note, a signature, two profile fields;
    a news page's dated teasers have none, and those before or after the run are no part of it): three or more
    such posts, or two and two more engine labels."""
    text = text[:MAX_SNIFFED_CHARS]
    lines, kinds = _read_lines(text)
    counts = _comment_counts(lines, kinds)
    if not counts and not any(_marks_a_post(line) or line.kind in PROFILE for line in kinds):
        return False
    anchors, headers = _posts_found(text)
    run = _post_run(lines, kinds, anchors, headers) if len(anchors) >= 2 else None
    if run is None or run.marked < 2:
        if len(anchors) >= 2 and _counted_run(lines, kinds, headers, counts) is not None:
            return True  # as many named posts below the count as it asks for
        return _undated_headers(lines, kinds, counts) is not None
    labels = sum(1 for line in kinds if line.kind in POST_LABELS)
    return run.marked >= 3 or labels >= 2


@dataclass(frozen=True, slots=True)
class PostRun:
    """The run of consecutive posts found that holds the thread: most of them show a mark of a post."""

    first: int
    """The index of its first post among the posts found."""
    last: int
    """The index of its last post."""
    marked: int
    """How many of its posts show a mark of a post."""


def _post_run(lines: list[str], kinds: list[Line], anchors: list[Anchor], headers: list[Header]) -> PostRun | None:
    """The run of consecutive posts (writer and date found) in which most show a mark of a post, the most of
    them: a page's dated teasers, archive links and headlines before or after its comments are left out of it.
    A post without a mark whose header has the shape most marked posts' have (a reply too deep to be answered has
    no "Reply" button) weighs nothing either way: the run goes on through it. None where no post shows a mark."""
    if not headers:
        return None
    ends = [*(header.start for header in headers[1:]), len(lines)]
    marks = [
        header.writer is not None and _a_post(kinds[header.start : end])
        for header, end in zip(headers, ends, strict=True)
    ]
    shapes = [_header_shape(lines, anchor, header) for anchor, header in zip(anchors, headers, strict=True)]
    usual = Counter(shape for shape, is_marked in zip(shapes, marks, strict=True) if is_marked).most_common(1)
    alike = usual[0][0] if usual and usual[0][1] >= MIN_ALIKE_POSTS else None
    # The run whose marked posts outweigh its other posts, each marked one counting 1 - MARKED_SHARE and each
    # other -MARKED_SHARE, most (Kadane's scan): at least MARKED_SHARE of its named posts are marked.
    best: PostRun | None = None
    best_sum = total = 0.0
    start = marked = 0
    for n, (header, is_marked) in enumerate(zip(headers, marks, strict=True)):
        if header.writer is None:
            continue
        if total <= 0 and is_marked:
            total, start, marked = 0.0, n, 0
        shaped = not is_marked and best is not None and shapes[n] == alike
        total += (1 - MARKED_SHARE) if is_marked else 0.0 if shaped else -MARKED_SHARE
        marked += is_marked
        extends = shaped and best is not None and best.first == start and total >= best_sum
        if (is_marked and total > best_sum) or extends:
            best_sum, best = total, PostRun(start, n, marked)
    return best


MIN_ALIKE_POSTS = 3
"""Marked posts whose header shape an unmarked post must share to go with them."""


def _header_shape(lines: list[str], anchor: Anchor, header: Header) -> str:
    """A header's date line with its writer and numbers replaced (`NAME 20.07.2015 // 11:56` -> `@ ##.##.#### //
    ##:##`)."""
    line = lines[anchor.row]
    if header.writer:
        line = line.replace(header.writer, "@", 1)
    return _shape(line)


COMMENTS_WORD = (
    r"(?:comments?|responses?|replies|kommentare?|antworten|commentaires?|réponses|comentarios?|respuestas|commenti"
    r"|risposte|reacties|komentarz[ey]?|комментари[йяев]?)"
)
COMMENT_COUNT = re.compile(
    rf"^\W*(?:(?:[^\W\d]+\s+){{0,3}}(?P<count>\d[\d.,]*)\s+{COMMENTS_WORD}\b|{COMMENTS_WORD}\s*\((?P<braced>\d[\d.,]*)\))",
    re.IGNORECASE,
)
"""The line a comment section starts with, stating how many comments it holds ("38 comments", "{ 38 comments… read
them below }", "6 Kommentare zu „TITLE“", "Se han publicado 11 comentarios", "Kommentare (4) Kommentar
schreiben")."""
BARE_COMMENTS_HEADING = re.compile(rf"^\W*{COMMENTS_WORD}\W*$", re.IGNORECASE)
"""A comment section's heading without a count (`Kommentare`, `Comments:`)."""
COMMENTS_SECTION = re.compile(
    r"^(?:comments|kommentare|commentaires|comentarios|commenti|reacties|komentarze|комментарии):?$", re.IGNORECASE
)
"""A comment section's bare heading, which starts the comments right below it (`KOMMENTARE`), where most say
something: plural, for the singular names an opinion piece's rubric (`Kommentar`), and without a form field's mark
(`Comment *`)."""
COMMENT_HEADING = re.compile(
    r"^\W*(?:(?:reader|readers'?|user|your)\s+(?:comments|letters)|leserkommentare|leserbriefe|leserpost"
    r"|leser-?meinungen|vos\s+(?:commentaires|réactions)|comentarios\s+de\s+(?:los\s+)?lectores"
    r"|commenti\s+dei\s+lettori|reacties\s+van\s+lezers"
    r"|(?:customer|user)\s+reviews|kundenbewertungen|kundenmeinungen|avis\s+(?:clients|des\s+clients)"
    r"|opiniones\s+de\s+(?:los\s+)?clientes|recensioni\s+(?:dei\s+)?clienti|klantbeoordelingen)"
    r"(?:\s+(?:für|for|pour|para|per|voor|zu|on)\s+\S.{0,80})?\W*$",
    re.IGNORECASE,
)
"""The heading of a readers' comment section that does not count them ("Leserpost", "Reader comments"), or of a shop's
customer reviews ("Kundenbewertungen für TITLE"): as a count's line it starts the comments, however many follow. A
bare "Comments" is as often a tab's or a button's label."""
MAX_COUNT_CHARS = 120
MAX_COUNT_GAP = 12
"""Lines between a comment count and the first comment's header at most (a form, a sort order between them)."""
MAX_HEADING_GAP = 3
"""... and between a heading that gives no count and the first comment's header (a line of rules at most)."""
MIN_COUNTED_POSTS = 3
"""Named posts below a count of comments at least, for them to be taken for comments without marks of their own."""
MIN_EXACT_POSTS = 2
"""... or fewer, where the count states exactly how many follow it."""
COUNTED_SLACK = 2
NAMED_SHARE = 0.5
"""The share of such posts that must name their writer (the others are anonymous comments among them)."""


def _comment_counts(lines: list[str], kinds: list[Line]) -> list[tuple[int, int | None]]:
    """The rows of the lines stating a number of comments, with that number; of a comment section's heading
    without one, with None."""
    counts: list[tuple[int, int | None]] = []
    for row, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind.kind != "text" or len(line) > MAX_COUNT_CHARS:
            continue
        if found := COMMENT_COUNT.match(line):
            digits = (found["count"] or found["braced"]).replace(".", "").replace(",", "")
            if digits.isdigit() and int(digits) >= 2:
                counts.append((row, int(digits)))
        elif COMMENT_HEADING.match(line) or COMMENTS_SECTION.match(line):
            counts.append((row, None))
    return counts


def _counted_run(
    lines: list[str], kinds: list[Line], headers: list[Header], counts: list[tuple[int, int | None]]
) -> PostRun | None:
    """The thread's run where its posts show no mark of their own but the page states how many comments follow:
    the posts with a writer from just below a comment count on, as many as it states at most (a few more, for
    replies it does not count), none after the comments' page numbers; the longest such run. A news page's dated
    teasers follow no such line. Below a heading that gives no count, the first post follows it closely and most of
    the posts say something (a sentence): a list of teasers' titles below a "Comments" button says nothing."""
    # Where each header's streak of posts ends (named ones, and anonymous ones among them), and how many of them are
    # named or say something from each header on, found from the end once; each count then finds its first post by
    # bisection: linear in the headers whatever the counts.
    size = len(headers)
    if not size:
        return None
    paged = _after_page_numbers(lines, kinds, headers)
    named = [_name_like(header.writer) for header in headers]
    member = [is_named or header.writer is None for is_named, header in zip(named, headers, strict=True)]
    ends = [*(header.start for header in headers[1:]), len(lines)]
    saying = [_says_something(lines, kinds, header.body_start, end) for header, end in zip(headers, ends, strict=True)]
    streak_end, named_after, saying_after = [0] * size, [0] * (size + 1), [0] * (size + 1)
    for n in range(size - 1, -1, -1):
        goes_on = n + 1 < size and member[n + 1] and not paged[n + 1]
        streak_end[n] = (streak_end[n + 1] if goes_on else n) if member[n] else n - 1
        named_after[n] = named_after[n + 1] + named[n]
        saying_after[n] = saying_after[n + 1] + saying[n]
    starts = [header.start for header in headers]
    best: PostRun | None = None
    exact = False  # whether the best run holds as many posts as its count states, each saying something
    for row, count in counts:
        first = bisect_right(starts, row)
        bare = count is None and COMMENTS_SECTION.match(lines[row]) is not None
        gap = MAX_COUNT_GAP if count is not None else 1 if bare else MAX_HEADING_GAP
        if first == size or starts[first] - row > gap:
            continue
        last = streak_end[first]
        if count is not None and last - first + 1 > count + COUNTED_SLACK:
            last = first + count - 1  # more posts than it counts and then some: a side box's dated teasers follow
        posts, with_names = last - first + 1, named_after[first] - named_after[last + 1]
        if posts <= 0 or with_names < NAMED_SHARE * posts:
            continue
        if count is None and saying_after[first] - saying_after[last + 1] < (1 if bare else SAYING_SHARE) * posts:
            continue
        if best is None or posts > best.marked:
            best = PostRun(first, last, posts)
            said = saying_after[first] - saying_after[last + 1] == posts
            labelled = bare and all(_labelled_name_and_date(lines[h.start]) for h in headers[first : last + 1])
            exact = said and ((count == posts and starts[first] - row <= MAX_HEADING_GAP) or labelled)
    if best is None:
        return None
    # Fewer posts than that are comments only where the count states exactly them, right above them, each saying
    # something (`2 Kommentare`, then two comments): a side box's teasers are not counted so. Below a bare heading,
    # headers whose words say which is the writer and which the date (`par NAME le DATE`) are comments' too.
    least = MIN_EXACT_POSTS if exact else MIN_COUNTED_POSTS
    return best if named_after[best.first] - named_after[best.last + 1] >= least else None


MIN_UNDATED_POSTS = 4
MAX_UNDATED_NAME_WORDS = 4
UNDATED_KINDS = frozenset({"text", "profile", "quote", "quote_end"})
ONE_LINE_SHARE = 0.75
"""The share of such comments whose text is one line (a copy joins a comment's paragraphs)."""


def _undated_headers(lines: list[str], kinds: list[Line], counts: list[tuple[int, int | None]]) -> list[Header] | None:
    """The headers of comments that give their writer's name alone, no date, each above its text, right below the
    comments' heading or count (a site's own copy of its Disqus comments: `Comments`, then `NAME` / text, `NAME` /
    text...): four or more, up to the first line that is no text (`comments powered by Disqus`, a form's button).
    A short line is a writer's name where a sentence follows it (or a line longer than a name), or where it names
    the writer of another comment so (`NAME` / `thanks, got it`); the first comment's name is right below the
    heading, and most of the comments' texts are one line each (a page's boxes below a heading give a few). None
    where no such run is found; the last header ends the run (`Header.end`)."""
    for row, count in counts:
        start = next(
            (r for r in range(row + 1, min(row + 1 + MAX_HEADING_GAP, len(lines))) if kinds[r].kind != "action"), None
        )
        if start is None:
            continue
        end = next((r for r in range(start, len(lines)) if kinds[r].kind not in UNDATED_KINDS), len(lines))
        if not _undated_header(lines, kinds, start, end):
            continue  # the first comment's name right below the heading (and the cost of the scan spared)
        named = [_undated_header(lines, kinds, r, end) for r in range(start, end)]
        writers = Counter(lines[start + n] for n, is_named in enumerate(named) if is_named)
        rows: list[int] = []
        for r in range(start, end - 1):
            if rows and rows[-1] == r - 1:
                continue  # a comment's text is at least one line
            if named[r - start] or (writers[lines[r]] > 0 and _undated_name(lines[r], kinds[r])):
                rows.append(r)
        if not rows or rows[0] != start or len(rows) < MIN_UNDATED_POSTS:
            continue
        if count is not None and len(rows) > count + COUNTED_SLACK:
            continue
        one_line = sum(1 for r, after in zip(rows, [*rows[1:], end], strict=True) if after - r == 2)
        if one_line < ONE_LINE_SHARE * len(rows):
            continue  # a page's boxes below a heading, each with a few lines: comments copied so give one each
        ends: list[int | None] = [None] * (len(rows) - 1) + [end]
        return [Header(r, r + 1, lines[r], None, last) for r, last in zip(rows, ends, strict=True)]
    return None


def _undated_header(lines: list[str], kinds: list[Line], row: int, end: int) -> bool:
    """Whether a line is a writer's name with the text of a comment below it, before `end`."""
    return (
        row + 1 < end
        and _undated_name(lines[row], kinds[row])
        and (_a_sentence(lines[row + 1], kinds[row + 1]) or len(lines[row + 1].split()) > MAX_UNDATED_NAME_WORDS)
    )


def _undated_name(line: str, kind: Line) -> bool:
    """Whether a line can be a writer's name above a comment without a date: a few words, not a number's or a
    date's, no sentence's end, no button."""
    return (
        kind.kind in ("text", "profile")  # `Guest` is a rank's word too
        and _short_like_a_name(line)
        and len(line.split()) <= MAX_UNDATED_NAME_WORDS
        and not line[:1].isdigit()
        and not is_button(line)
        and not (could_be_date(line) and FREE_NUMBER.search(line))  # `Holzwerker1956` is a handle
    )


SAYING_SHARE = 0.5
MIN_SENTENCE_CHARS = 60


def _says_something(lines: list[str], kinds: list[Line], start: int, end: int) -> bool:
    """Whether a post's lines hold a sentence of text (or a line as long as one)."""
    return any(_a_sentence(lines[row], kinds[row]) for row in range(start, end))


def _a_sentence(line: str, kind: Line) -> bool:
    return kind.kind == "text" and (line.endswith(SENTENCE_END) or len(line) >= MIN_SENTENCE_CHARS)


def _after_page_numbers(lines: list[str], kinds: list[Line], headers: list[Header]) -> list[bool]:
    """For each header, whether page numbers (`1` / `2` / `3`: the comments' own pages) stand between it and the
    header before it: what follows them is no more of the comments."""
    numbered = [
        row
        for row in range(len(lines) - 1)
        if kinds[row].kind == kinds[row + 1].kind == "action"
        and lines[row].isdigit()
        and lines[row + 1] == str(int(lines[row]) + 1)
    ]
    starts = [header.start for header in headers]
    return [
        n > 0 and bisect_right(numbered, starts[n - 1]) < bisect_right(numbered, starts[n]) for n in range(len(starts))
    ]


FREE_NUMBER = re.compile(r"(?<![^\W_])\d")
"""A number that starts a word (a date's), not one glued to a handle's letters."""


def _name_like(writer: str | None) -> bool:
    """Whether a header's writer reads as a name: no label (`Aktualisiert:`) and no date (a teaser's `Publiziert:
    03.04.2020`), which end a run of unmarked posts."""
    if not writer or writer.endswith(":"):
        return False
    return not (could_be_date(writer) and FREE_NUMBER.search(writer))  # "Holzwerker1956" is a handle


MARKED_SHARE = 0.6
"""The share of the posts found that must show a mark of a post for a text to be taken for a dump."""
POST_LABELS = frozenset({"byline", "quote", "quote_end", "edited", "signature"})


SIGNED_SCORE = re.compile(r"[+\-−]\d{1,5}")
"""A post's score alone on the line under its text, signed (`+2`, `-3`: MacTechNews); a page's counts are not."""
SCORE_LINE = re.compile(r"[+\-−]?\d{1,5}")
"""A score, signed or not (`0` beside signed ones)."""


def _marks_a_post(line: Line) -> bool:
    """Whether a line is one only a post shows: an engine's byline, quote, edit note or signature rule, one of a
    post's own buttons (a page's chrome has its "Share", "Top" and counts too), alone or after the post's date, or
    its reactions with who gave them (`Reactions: Ann, Bob`)."""
    if line.kind == "action":
        return (
            is_post_action(line.text)
            or REACTIONS_LINE.match(line.text) is not None
            or SIGNED_SCORE.fullmatch(line.text) is not None
        )
    if line.kind == "text" and len(line.text) <= MAX_DATED_ACTION and (button := button_start(line.text)):
        # `19. Juni 2018 um 15:28 - Antworten`: a date before the buttons (a year, a numeric date or a time), not
        # a teaser's words ending in "like" ("Top 10 things we like")
        return could_be_date(line.text[:button])
    if line.kind == "byline" and WRITTEN_BY.match(line.text):
        # "Written by NAME on DATE" is an article's byline as often as a comment's: it marks one only with a post's
        # button after it (`geschrieben von NAME am DATE [ antworten ]`)
        return len(line.text) <= MAX_DATED_ACTION and bool(button_start(line.text))
    return line.kind in POST_LABELS


MAX_DATED_ACTION = 100
"""A date line with a post's button after it (a theme's `DATE - Reply`, `NAME DATE - Antworten`, a pingback's long
title for the name) is no longer than this."""


def _a_post(region: list[Line]) -> bool:
    """Whether the lines of one post found show a mark of a post: a line only a post shows, or profile fields of
    two kinds (`Posts: 12` and `Joined: ...`; one label alone, "Themen", "Ort:", is often a page's own)."""
    if any(_marks_a_post(line) for line in region):
        return True
    return len({key for line in region if (key := profile_key(line.text)) is not None}) >= 2


def read_forum_dump(text: str) -> Reading:
    """Parse a forum or comment page dump into its one thread; InputError when it shows no posts."""
    lines, kinds = _read_lines(text)
    counts = _comment_counts(lines, kinds)
    anchors, headers = _posts_found(text)
    run = _post_run(lines, kinds, anchors, headers)
    counted = None
    if run is None or run.marked < 2:
        counted = _counted_run(lines, kinds, headers, counts)
        run = counted or run
    signed_run = _signed_run(lines, kinds, anchors)
    if run is not None and signed_run is not None and run.first <= signed_run[1] and signed_run[0] <= run.last:
        # Comments signed below their text are all the thread's, those whose buttons a reply lacks among them.
        run = PostRun(min(run.first, signed_run[0]), max(run.last, signed_run[1]), run.marked)
    undated = None
    if counted is None and (run is None or run.marked < 2):
        undated = _undated_headers(lines, kinds, counts)
    if undated is not None:
        anchors, headers = [Anchor(header.start, header.writer, None) for header in undated], undated
    elif run is not None and (run.first > 0 or run.last < len(anchors) - 1):
        # Dated lines before the thread's run of posts are the page's (its article's date, teasers), those after
        # it too (archive links, headlines): the last post ends where the next of them begins.
        if run.last + 1 < len(headers):
            lines, kinds = lines[: headers[run.last + 1].start], kinds[: headers[run.last + 1].start]
        anchors = anchors[run.first : run.last + 1]
        headers = _headers(lines, kinds, anchors)
    if not anchors:
        raise InputError(
            "no post found in this forum page dump (no line with a post's date or writer)",
            "check that the file is a copy of the whole page, or pass --format text",
        )
    raw: list[RawPost] = []
    signed_scores = 0
    pingbacks: list[bool] = []
    signatures = 0
    trailer = _trailer(lines, kinds, headers)
    for n, (anchor, header) in enumerate(zip(anchors, headers, strict=True)):
        if header.end is not None:
            end = header.end
        elif n + 1 < len(headers):
            end = headers[n + 1].start
            if end - 1 > header.body_start and BARE_COMMENTS_HEADING.match(lines[end - 1]):
                end -= 1  # the comment section's heading above the next post (`Kommentare`) is no text of this one
        else:
            end = _last_post_end(lines, kinds, header.body_start, trailer)
        segments, signed = _segments(lines, kinds, header.body_start, end, anchors)
        signatures += signed
        writer, badge = _without_badge(header.writer or "")
        votes, signed = _score(lines, kinds, header.body_start, end)
        signed_scores += signed
        raw.append(RawPost(writer, header.role or badge, anchor.date, votes, segments, n))
        pingbacks.append(_pingback(header.writer, segments))
    if not signed_scores:  # a number after each post is no score where none is signed (a count of likes)
        raw = [replace(post, votes=None) for post in raw]
    if not all(pingbacks):  # pingbacks drawn like comments are none (a thread of them alone is read as it is)
        raw = [post for post, pingback in zip(raw, pingbacks, strict=True) if not pingback]
    # Below a count of comments (or their heading) every post is a comment: the page's text before them is the
    # article, however short (also where the count is just above the first post: `3 Responses to TITLE`).
    # The counts were found before the lines after the thread's last post were cut: those before it are the same.
    counted_above = any(headers[0].start - 1 <= row <= anchors[0].row for row, _ in counts)
    below_count = counted is not None or signed_run is not None or undated is not None or counted_above
    paragraphs = 1 if below_count else MIN_ARTICLE_PARAGRAPHS
    preamble = _article_lines(lines[: headers[0].start], kinds[: headers[0].start], paragraphs)
    article: Post | None = None
    if preamble is not None:
        article = Post(id="article", kind="article", author=None, blocks=number_blocks("article", preamble))
    resolve_quotes(raw, article)
    posts: list[Post] = []
    if article is None:
        opening, *raw = raw
        title = _thread_title(lines, kinds, headers[0].start, anchors[0].row)
        # A post's own title line repeats the thread's (vBulletin, SMF): once is enough.
        if title and opening.segments[0].lines[:1] == [title]:
            opening.segments[0].lines.pop(0)
        specs: list[BlockSpec] = [("title", title, None, None)] if title else []
        posts.append(
            Post(
                id="article",
                kind="article",
                author=opening.author or None,
                role=opening.role,
                date=opening.date,
                votes=opening.votes,
                blocks=number_blocks("article", specs + segment_specs(opening)),
            )
        )
    else:
        posts.append(article)
    for n, post in enumerate(raw):
        posts.append(
            comment_post(
                n + 1, segment_specs(post), author=post.author or None, role=post.role, date=post.date, votes=post.votes
            )
        )
    thread = dump_thread(tuple(posts))
    return Reading((thread,), tuple(_warnings(posts, anchors, signatures, dated=undated is None)))


def _score(lines: list[str], kinds: list[Line], start: int, end: int) -> tuple[Votes | None, bool]:
    """A post's score, its last line when that is a number alone (`+2`, `-3`, `0`), and whether it is signed (a
    number after the posts is a score only where some are: MacTechNews)."""
    last = next((row for row in range(end - 1, start - 1, -1) if lines[row].strip()), None)
    if last is None or kinds[last].kind != "action" or not SCORE_LINE.fullmatch(lines[last]):
        return None, False
    return net_votes(int(lines[last].replace("−", "-"))), SIGNED_SCORE.fullmatch(lines[last]) is not None


def _pingback(writer: str | None, segments: list[Segment]) -> bool:
    """Whether a post is a pingback drawn like a comment: the linking page's excerpt, "[…] text […]" (its title is
    the writer's place), or a writer "Pingback: ..."."""
    text = " ".join(line for segment in segments for line in segment.lines)
    return PINGBACK_TEXT.match(text) is not None or PINGBACK_LABEL.match(writer or "") is not None


def _last_post_end(lines: list[str], kinds: list[Line], start: int, trailer: str | None = None) -> int:
    """Where the last post ends: at its first button after a sentence of its text, where the page's own lines begin
    (its comment form, its footer, teasers), or at the line every other post ends with (`trailer`, its shape);
    else at the dump's end. A button between a subject line and the text ends nothing."""
    said = False
    for row in range(start, len(lines)):
        if said and kinds[row].kind == "action" and (is_button(lines[row]) or _shape(lines[row]) == trailer):
            return row  # not any bare number: a numbered list's in the text, as often as a count's
        said = said or _a_sentence(lines[row], kinds[row])
    return len(lines)


NUMBER = re.compile(r"\d+")
MIN_TRAILERS = 2
"""Posts before the last that must all end with the same line for it to end the last one too."""


def _trailer(lines: list[str], kinds: list[Line], headers: list[Header]) -> str | None:
    """The shape of the line each post before the last ends with, where all end with a line of buttons or counts of
    one shape (vBulletin's count of thanks under each post, `0`): the last post ends there too, before the page's
    own lines (its page numbers, similar threads)."""
    rows = [header.start - 1 for header in headers[1:]]
    if len(rows) < MIN_TRAILERS or any(header.end is not None for header in headers):
        return None
    shapes = {_shape(lines[row]) if kinds[row].kind == "action" else None for row in rows}
    return shapes.pop() if len(shapes) == 1 and None not in shapes else None


def _shape(line: str) -> str:
    """A line with its numbers as `#` (`0` and `12` alike)."""
    return NUMBER.sub("#", line)


MAX_SNIFFED_CHARS = 400_000
"""How much of a text is looked at to tell whether it is a dump."""


# A text sniffed as a dump is then read as one: what both look at is found once (the last text's, kept; callers
# change none of it).
@lru_cache(maxsize=1)
def _read_lines(text: str) -> tuple[list[str], list[Line]]:
    return _lines(text)


@lru_cache(maxsize=1)
def _posts_found(text: str) -> tuple[list[Anchor], list[Header]]:
    lines, kinds = _read_lines(text)
    anchors = _anchors(lines, kinds)
    return anchors, _headers(lines, kinds, anchors)


def _lines(text: str) -> tuple[list[str], list[Line]]:
    """The dump's non-blank lines and what each is; a profile label's value (the next line) is profile too."""
    lines = [line for line in (clean(raw) for raw in text.splitlines()) if line]
    kinds = [classify(line) for line in lines]
    for row, kind in enumerate(kinds[:-1]):
        if kind.kind == "profile_label" and kinds[row + 1].kind == "text" and len(lines[row + 1]) <= MAX_NAME_CHARS:
            kinds[row + 1] = Line(lines[row + 1], "profile")
    # A reply's subject repeats the thread's (`Re: TITLE`): the title's own line is no writer's name either.
    subjects = {line.partition(":")[2].strip() for line in lines if SUBJECT.match(line)}
    for row, line in enumerate(lines):
        paginated = len(line) <= MAX_LABEL_CHARS and PAGINATION.match(line)  # `.*` on a paragraph costs
        if kinds[row].kind == "text" and (paginated or line in subjects):
            kinds[row] = Line(line, "action" if line not in subjects else "profile")
    return lines, kinds


GLUED_TIME = re.compile(
    r"^(?P<date>\d{1,2}([./])\d{1,2}\2(?:\d{4}(?=\d{1,2}:)|\d{2}(?=\d{1,2}:)))(?P<time>\d{1,2}:\d{2}(?::\d{2})?)$"
)
"""A date of numbers glued to its time, as a copy runs two inline elements together (MacTechNews: `28.09.1913:39`,
28.09.19 at 13:39): the hour is one or two digits after a year of four, else after one of two (no year has three)."""


def _date_of(text: str) -> tuple[bool, datetime | None]:
    """Whether a line is a post's date, and the date (None for a relative one, `3 years ago`, and one without its
    year, `9 janvier à 13:06`); a post's button after it is no part of it (`19. Juni 2018 um 15:28 Uhr -
    Antworten`)."""
    part = date_part(without_buttons(text))
    if part is None:
        return False, None
    part = GLUED_TIME.sub(r"\g<date> \g<time>", part)
    if RELATIVE_DATE.match(part):
        return True, None
    from translator.readers.html_dates import printed_date, yearless_date

    if not could_be_date(part) or sum(c.isalpha() for c in part) > 30:
        return False, None
    found = printed_date(part, None)
    return found is not None or yearless_date(part, None), found


def _relative(text: str) -> bool:
    """Whether a date line's date is relative (`vor 3 Tagen`)."""
    part = date_part(without_buttons(text))
    return part is not None and RELATIVE_DATE.match(part) is not None


def _name_and_date(text: str) -> tuple[str, datetime | None] | None:
    """A writer and a date on one line (`Ben 19. Juni 2018 um 15:28 Uhr - Reply`; the date None where the line
    prints it without its year: `lafolie Le 9 janvier à 13:06`); None for other lines."""
    text = without_buttons(text)
    if len(text) > 90 or text.endswith(SENTENCE_END):
        return None
    words = text.split()
    if not words or words[0].startswith(("—", "–", "-")) or "(@" in text:  # a lone "Reply" is no line of either
        return None  # an embedded tweet's credit line ("— NAME (@handle) DATE") in an article
    if NUMBER_WORD.fullmatch(words[0]):
        return _date_then_name(words)  # a date's day first: the writer after it, or on another line
    if (glued := _glued_name_and_date(words)) is not None:
        return glued
    cuts = range(1, min(MAX_NAME_WORDS, len(words) - 1) + 1)
    # A day first ("Ben 19. Juni 2018") before a month first ("Ben June 19, 2018"), so that a word of the
    # name ("Swen denkt 21. Juni") is not read as a date's label.
    for digits_first in (True, False):
        for cut in cuts:
            rest = " ".join(words[cut:])
            if rest[:1].isdigit() != digits_first or not NAME_THEN_DATE.match(text):
                continue
            is_date, found = _date_of(rest)
            if is_date and (found is not None or not _relative(rest)):  # a date, or one without its year
                # A weekday or a month before the day ("NAME | Di, 21. April 2020", "NAME June 3, 2019") is the
                # date's, not the name's: the date reads with it, and otherwise (a word the parser skips does not).
                while cut > 1:
                    longer, earlier = _date_of(" ".join(words[cut - 1 :]))
                    if not longer or earlier is None or not (words[cut - 1].endswith((",", ".")) or earlier != found):
                        break
                    cut, found = cut - 1, earlier
                name = NAME_CONNECTOR.sub("", " ".join(words[:cut])) or " ".join(words[:cut])
                name = WEEKDAY_AFTER_NAME.sub("", name) or name  # `NAME, Do 9 Apr 2020`: the parser skips "Do"
                name = NAME_SEPARATOR.sub("", name) or name
                name = _without_label(name)  # `Par NAME, le DATE`: the label is no part of the name
                return without_date_lead(name)[0] or name, found  # `NAME - Le DATE`: "Le" is the date's
    return _date_then_name(words) if words[0][:1].isdigit() else None


TIME_WORDS = frozenset({"uhr", "h", "hrs", "am", "pm", "gmt", "utc", "cet", "cest", "mez", "mesz"})
"""Words a time ends with (`18:19 Uhr`), which are no writer's name after it."""
DATE_START = re.compile(r"\d{1,4}[./-]\d{1,2}|\d{1,2}\.?$")
"""A date's first word: a numeric date's (`23.09.20`, `2019-05-03`) or its day's (`3.`, `22`)."""
LIST_MARK = re.compile(r"[,·|:]| [-–—] ")
TITLE_BEFORE = frozenset({"zu", "über", "on", "about", "to", "sur", "à", "su", "op", "en", "in"})
"""The word a "latest comments" box puts between a comment's writer and the story's title on the next line
(`DATE von NAME zu`): no comment's header."""
WRITER_LABEL = re.compile(r"^(?:von|by|par|por|door)\s+(?=\S)", re.IGNORECASE)
"""A label before a writer's name (`DATE von NAME`); not "da" or "di", which start names too ("da Silva")."""


def _date_then_name(words: list[str]) -> tuple[str, datetime] | None:
    """A date first, its day a number, then the writer's name (`23.09.20 | 18:19 NAME`: kochbar); None where the
    words after the longest date that reads are no name (a date line whose writer is on another, `19. Juni 2018 um
    15:28`, is read before this)."""
    if not DATE_START.match(words[0]) or not could_be_date(" ".join(words)):
        return None  # no day first, or no year, numeric date or time: no date first (and the parser's cost spared)
    for cut in range(len(words) - 1, max(len(words) - 1 - MAX_NAME_WORDS, 0), -1):
        is_date, found = _date_of(" ".join(words[:cut]))
        if not is_date or found is None:
            continue
        name = " ".join(words[cut:]).lstrip("|·•–—- ")
        name = WRITER_LABEL.sub("", name, count=1) or name  # `DATE von NAME`
        if (
            not name[:1].isalpha()
            or name.endswith(SENTENCE_END)
            or FREE_NUMBER.search(name)  # `NAME 71 Kommentare`: an article's byline with its count
            or LIST_MARK.search(name)  # a teaser's categories (`DATE | Naturschutz, BUND`, `DATE - Meldung - TITLE`)
            or name.split()[-1].casefold() in TITLE_BEFORE
            or name.casefold() in TIME_WORDS
            or is_button(name)
            or _date_of(name)[0]
        ):
            return None
        return name, found
    return None


DATE_THEN_NAME = re.compile(
    r"^(?:am|on|le|el|il|op)\s+(?P<date>\d.{3,50}?)\s+(?:von|by|par|por|da|di|door)\s+(?P<name>[^\d\s].{0,40})$",
    re.IGNORECASE,
)
"""A header that gives the date first, then the writer (`Am 29. Mai 2017 um 14:38 von NAME`: ZDNet)."""
LABEL_NAME_DATE = re.compile(
    r"^(?:von|by|par|por|door)\s+(?P<name>[^\d\s].{0,40}?),?\s+(?:am|on|le|el|il|op)\s+(?P<date>\d.{3,50}?)\.?$",
    re.IGNORECASE,
)
"""A header that labels the writer, then gives the date (`par NAME le 7 mai 2020 - 12:38.`: Dalloz)."""


def _labelled_name_and_date(text: str) -> tuple[str, datetime] | None:
    """A writer and a date on a header line whose words say which is which (`Am DATE von NAME`, `par NAME le
    DATE`); None for another line, or where the date does not read as one."""
    found = DATE_THEN_NAME.match(text) or LABEL_NAME_DATE.match(text)
    if found is None or len(found["name"].split()) > MAX_NAME_WORDS or found["name"].endswith(SENTENCE_END):
        return None
    is_date, date = _date_of(found["date"])
    return (found["name"].strip(), date) if is_date and date is not None else None


def _without_label(name: str) -> str:
    """A writer's name without a byline's label before it ("Par Bruno Gobin"), where the label is capitalised and two
    words or more are left: "von Eitzen" and "Von Trapp" are names."""
    label = BYLINE_LABEL.match(name)
    rest = name[label.end() :] if label else ""
    return rest if label and name[:1].isupper() and len(rest.split()) >= MIN_LABELLED_WORDS else name


MIN_LABELLED_WORDS = 2
WEEKDAY_AFTER_NAME = re.compile(
    rf",\s*(?:{'|'.join(sorted(WEEKDAY_NAMES | WEEKDAY_ABBREVIATIONS))})\.?$", re.IGNORECASE
)
"""A weekday before the date, after the writer's comma, which the date parser skips (`NAME, Do 9 Apr 2020`)."""
NUMBER_WORD = re.compile(r"\d{1,4}[.,/-]?")
NAME_SEPARATOR = re.compile(r"\s*[|·•–—-]$")
"""A separator a template prints between a writer and the date (`NAME | DATE`)."""
GLUED = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ][a-zà-ÿ]{2,})")
"""Where a date starts glued to the writer's name, as a copy gives inline elements with nothing between them
(Blogger: `Sana6. Juni 2015 um 10:23`, `Silvia NegrettiJune 1, 2019 at 1:45 AM`)."""


def _glued_name_and_date(words: list[str]) -> tuple[str, datetime] | None:
    """A writer's name and a date glued together in a word of a line's first words, when what follows that
    point reads as a date with its day (a digit first, or a month and a number)."""
    for index, word in enumerate(words[:MAX_NAME_WORDS]):
        for glue in GLUED.finditer(word):
            name, start = " ".join([*words[:index], word[: glue.start()]]), word[glue.start() :]
            rest = " ".join([start, *words[index + 1 :]])
            if not (start[:1].isdigit() or any(c.isdigit() for c in rest[:12])) or sum(c.isalpha() for c in name) < 2:
                continue
            is_date, found = _date_of(rest)
            # The glued part must be the date's: a day, or a month without which the rest reads otherwise or not
            # at all ("McDonald 3. Mai": "Donald" is no part of the date).
            if (
                is_date
                and found is not None
                and (start[:1].isdigit() or _date_of(" ".join(words[index + 1 :]))[1] != found)
            ):
                return name, found
    return None


LANGUAGE_SAMPLE_CHARS = 3000
MIN_PROSE_LETTERS = 0.6
MAX_WORD_CHARS = 15
"""A prose line's words are this long on average at most: a run of prices and names glued together is no prose."""


def _prose(line: str) -> bool:
    """Whether a line is a sentence's worth of prose, what the dump's language is guessed from (a share ticker's
    line, `ATX3078.02-0.24%ANDRITZ43.14-0.6%...`, is long and no language's)."""
    return (
        len(line) > MIN_PROSE_CHARS
        and len(line) <= MAX_WORD_CHARS * (line.count(" ") + 1)
        and sum(char.isalpha() for char in line) >= MIN_PROSE_LETTERS * len(line)
    )


def _anchors(lines: list[str], kinds: list[Line]) -> list[Anchor]:
    """The posts' anchors: bylines, date lines and writer-and-date lines, in page order; a writer's line
    (`NAME says:`) takes the date line just below it."""
    anchors: list[Anchor] = []
    taken: set[int] = set()
    from translator.readers.html_dates import dates_in_language

    sample = "\n".join(line for line in lines if _prose(line))[:LANGUAGE_SAMPLE_CHARS]
    with dates_in_language(None, lambda: sample or "\n".join(lines)[:LANGUAGE_SAMPLE_CHARS]):
        for row, line in enumerate(kinds):
            if row in taken:
                continue
            said = line.kind == "quote" and _said_then_dated(lines, kinds, row)
            if line.kind == "byline" or said:
                date: datetime | None = None
                is_date = False
                if line.date_text:
                    is_date, date = _date_of(line.date_text)
                following_taken = False
                if not is_date:
                    below = range(row + 1, min(row + 3, len(lines)))
                    following = next((r for r in below if kinds[r].kind == "text"), None)
                    if following is None or not (dated := _date_of(lines[following]))[0]:
                        # The date under the comment's text (`NAME dijo:` / text / `26 abril 2022 a las 14:02`)
                        following = _date_after_text(lines, kinds, row)
                        if following is None:
                            continue
                        dated = _date_of(lines[following])
                    is_date, date = dated
                    taken.add(following)
                    following_taken = True
                anchors.append(Anchor(row, line.name, date, following if following_taken else None))
            elif line.kind == "text" and len(lines[row]) <= 90:
                if (labelled := _labelled_name_and_date(lines[row])) is not None:
                    anchors.append(Anchor(row, *labelled))
                    continue
                is_date, date = _date_of(lines[row])
                if is_date and (date is not None or not _relative(lines[row])) and lines[row][:1].isalpha():
                    # dateparser skips words it does not know: `Ole Ohm 2. Oktober 2023` is a writer and a date
                    # where the words before the date are no date themselves (a month) nor a weekday before its
                    # comma (`wtorek, 11 maja 2021`).
                    named = _name_and_date(lines[row])
                    found = lines[row].find(named[0]) if named is not None else -1
                    after = lines[row][found + len(named[0]) :].lstrip()[:1] if named is not None and found >= 0 else ""
                    if (
                        named is not None
                        and named[1] == date
                        and (after != "," or len(named[0].split()) > 1)  # a weekday's comma: `wtorek, 11 maja`
                        and not NAME_CONNECTOR.fullmatch(" " + named[0].casefold())  # `Le 11 septembre`, `on June 3`
                        and not _date_of(named[0])[0]
                    ):
                        anchors.append(Anchor(row, named[0], date))
                        continue
                if is_date:
                    anchors.append(Anchor(row, None, date))
                elif (named := _name_and_date(lines[row])) is not None:
                    anchors.append(Anchor(row, named[0], named[1]))
    return _merged(anchors, kinds)


MAX_TEXT_ABOVE_DATE = 40
"""How many lines of text a comment under a `NAME says:` line may hold above its date."""


def _date_after_text(lines: list[str], kinds: list[Line], row: int) -> int | None:
    """The row of the date line that ends the comment a writer's line (`NAME says:`) starts, below its text and
    before the next writer's line: the first short line that is a date, with text above it."""
    text_seen = False
    for r in range(row + 1, min(row + 1 + MAX_TEXT_ABOVE_DATE, len(lines))):
        if kinds[r].kind in ("byline", "quote"):
            return None
        if kinds[r].kind != "text":
            continue
        if text_seen and len(lines[r]) <= MAX_DATE_LINE_CHARS and _date_of(lines[r])[0]:
            return r
        text_seen = True
    return None


SAID_LINE = re.compile(r"^\S.{0,60}?\s(?:said|dijo|disse|a dit|sagte|zei|сказал)\s?:$", re.IGNORECASE)
"""A writer's line that reads like a quote's header (`NAME dijo:`), which may start a comment instead."""


def _said_then_dated(lines: list[str], kinds: list[Line], row: int) -> bool:
    """Whether a line that reads as a quote's header (`NAME dijo:`) starts a comment instead: text, its date, then
    the comment's reply button or the next such line (a quote's text runs on in its post, no date under it)."""
    if not SAID_LINE.match(lines[row]) or (date_row := _date_after_text(lines, kinds, row)) is None:
        return False
    after = date_row + 1
    return after < len(lines) and (is_post_action(lines[after]) or SAID_LINE.match(lines[after]) is not None)


def _merged(anchors: list[Anchor], kinds: list[Line]) -> list[Anchor]:
    """Anchors with nothing but furniture between them are one post's (a date printed twice): the first stays."""
    kept: list[Anchor] = []
    for anchor in anchors:
        if kept and all(kinds[r].kind not in ("text", "quote") for r in range(kept[-1].row + 1, anchor.row)):
            previous = kept[-1]
            if previous.writer is None or anchor.writer is None:
                kept[-1] = Anchor(previous.row, previous.writer or anchor.writer, previous.date or anchor.date)
                continue
        kept.append(anchor)
    return kept


INITIAL_LAST = re.compile(r"(?:^|\s)[^\W\d_]\.$")
"""A name's last word an initial ("Elke H.", "Georg N."): the full stop ends no sentence."""


def _is_candidate(line: str, kind: Line) -> bool:
    """Whether a line can be a writer's name or rank: short, a few words, no sentence's end (an initial's full stop
    is none), no count of comments ("27 commentaires" above an anonymous first comment)."""
    return kind.kind == "text" and _short_like_a_name(line)


def _short_like_a_name(line: str) -> bool:
    return (
        len(line) <= MAX_NAME_CHARS
        and len(line.split()) <= MAX_NAME_WORDS
        and (not line.endswith(SENTENCE_END) or INITIAL_LAST.search(line) is not None)
        and not line.endswith(":")
        and not COMMENT_COUNT.match(line)
    )


FURNITURE = frozenset({"profile", "profile_label", "action", "edited"})
PROFILE = frozenset({"profile", "profile_label"})


def _above(lines: list[str], kinds: list[Line], row: int, floor: int) -> list[int]:
    """The short lines of the header above an anchor: its last run of them, buttons ending the one before."""
    runs: list[list[int]] = [[]]
    for r in range(row - 1, max(floor, row - MAX_HEADER_LINES) - 1, -1):
        kind = kinds[r]
        if kind.kind in ("action", "edited"):
            if runs[-1]:
                if (again := _name_again(lines, kinds, r, lines[runs[-1][-1]])) is not None:
                    runs[-1].append(again)  # `NAME` / `6709` / `NAME` / DATE: the avatar's name, a count, the link's
                break
            continue
        if kind.kind in PROFILE:
            continue
        if not _is_candidate(lines[r], kind):
            break
        runs[-1].append(r)
    return sorted(runs[-1])


MAX_BETWEEN_NAMES = 2
"""Buttons or counts between a writer's name printed twice in one header."""


def _name_again(lines: list[str], kinds: list[Line], row: int, name: str) -> int | None:
    """The row of the same name printed again just above a header's buttons or counts, if it is."""
    for r in range(row, max(row - MAX_BETWEEN_NAMES, 0) - 1, -1):
        if kinds[r].kind not in ("action", *PROFILE):
            return r if lines[r] == name else None
    return None


def _below(lines: list[str], kinds: list[Line], row: int, ceiling: int) -> tuple[list[int], int]:
    """The short lines of a header below its anchor (those before its last profile field, or the one line just
    below it where it has none), and where the header ends."""
    candidates: list[int] = []
    end = row + 1
    for r in range(row + 1, min(ceiling, row + 1 + MAX_HEADER_LINES)):
        kind = kinds[r]
        if kind.kind in PROFILE:
            end = r + 1
            continue
        if kind.kind == "action":
            continue
        if not _is_candidate(lines[r], kind):
            break
        candidates.append(r)
    if end == row + 1 and candidates and candidates[0] == row + 1 and _name_below_buttons(lines, kinds, row):
        return [row + 1], row + 2  # no profile fields: the name just below the date, the last post's buttons above
    return [r for r in candidates if r < end], end


def _name_below_buttons(lines: list[str], kinds: list[Line], row: int) -> bool:
    """Whether a date line has the previous post's buttons just above it and a name just below it, no digit in it
    nor a comma after it (`Antworten` / `3. Juni 2016 14:54` / `Kathrin`): a header that is the date, then the
    writer. A time on its own line (`20:29`) or a greeting (`Liebe Astrid,`) is no name."""
    name = lines[row + 1]
    above = kinds[row - 1] if row else None
    return (
        above is not None
        and above.kind == "action"
        and not name.endswith(",")
        and not any(char.isdigit() for char in name)
    )


def _headers(lines: list[str], kinds: list[Line], anchors: list[Anchor]) -> list[Header]:
    """Each anchor's post header: the run of posts signed below their text (see `_signed_run`) or that print their
    date last (see `_footer_start`) read so, the anchors before and after it (the article's date, teasers) as
    headers around their date."""
    if (signed := _signed_run(lines, kinds, anchors)) is not None:
        first, last, heading = signed
        return [
            *_anchored_headers(lines, kinds, anchors[:first]),
            *_signed_headers(lines, kinds, anchors[first : last + 1], heading),
            *_anchored_headers(lines, kinds, anchors[last + 1 :]),
        ]
    if (framed := _framed_run(lines, kinds, anchors)) is not None:
        first, name_rows = framed
        last = first + len(name_rows)
        return [
            *_anchored_headers(lines, kinds, anchors[:first]),
            *(
                Header(row, _after_furniture(kinds, row + 1, anchor.row), anchor.writer, None, anchor.row)
                for row, anchor in zip(name_rows, anchors[first:last], strict=True)
            ),
            *_anchored_headers(lines, kinds, anchors[last:]),
        ]
    if (start := _footer_start(lines, kinds, anchors)) is None:
        return _anchored_headers(lines, kinds, anchors)
    return [*_anchored_headers(lines, kinds, anchors[:start]), *_footer_headers(lines, kinds, anchors, start)]


def _framed_run(lines: list[str], kinds: list[Line], anchors: list[Anchor]) -> tuple[int, list[int]] | None:
    """The first anchor of the longest run of posts framed by their writer's name (at least MIN_FOOTER_POSTS of
    them), and the row of each one's name, if the dump's posts are such: the name alone atop the post (its
    profile fields and buttons under it), the text, then a line signing it with the same name and the date
    (`RockyRider66` / `dabei seit 12/2006` / `Fotos Videos` / text / `RockyRider66, 26. Januar 2022 13:05`). Each
    line is looked at once, between one anchor and the one before it."""
    best: tuple[int, list[int]] | None = None
    run: list[int] = []
    for n, anchor in enumerate(anchors):
        floor = anchors[n - 1].row + 1 if n else max(anchor.row - MAX_FIRST_POST_LINES, 0)
        writer = anchor.writer
        row = next((r for r in range(floor, anchor.row - 1) if lines[r] == writer), None) if writer else None
        if row is not None and _after_furniture(kinds, row + 1, anchor.row) < anchor.row:
            run.append(row)
            continue
        if len(run) >= MIN_FOOTER_POSTS and (best is None or len(run) > len(best[1])):
            best = (n - len(run), run)
        run = []
    if len(run) >= MIN_FOOTER_POSTS and (best is None or len(run) > len(best[1])):
        best = (len(anchors) - len(run), run)
    return best


def _after_furniture(kinds: list[Line], start: int, end: int) -> int:
    """The first row from `start` up to `end` that is not a header's furniture (profile fields, buttons)."""
    return next((r for r in range(start, end) if kinds[r].kind not in FURNITURE), end)


def _anchored_headers(lines: list[str], kinds: list[Line], anchors: list[Anchor]) -> list[Header]:
    floors = [0, *(anchor.row + 1 for anchor in anchors)]
    ceilings = [*(anchor.row for anchor in anchors[1:]), len(lines)]
    above = [_above(lines, kinds, a.row, floors[n]) for n, a in enumerate(anchors)]
    below = [_below(lines, kinds, a.row, ceilings[n]) for n, a in enumerate(anchors)]
    unnamed = [n for n, a in enumerate(anchors) if a.writer is None]
    after = sum(1 for n in unnamed if below[n][0]) > sum(1 for n in unnamed if above[n])
    shape: Shape = "after" if after else "before"
    # The number of short lines most headers have (a name and a rank): longer runs hold a body's last lines.
    lengths = Counter(len(above[n]) for n in range(len(anchors)) if above[n])
    usual = lengths.most_common(1)[0][0] if lengths else 1
    headers: list[Header] = []
    for n, anchor in enumerate(anchors):
        names = below[n][0] if shape == "after" and anchor.writer is None else above[n][-usual:] if above[n] else []
        body_start = below[n][1] if shape == "after" and anchor.writer is None else anchor.row + 1
        start = min([anchor.row, *names]) if shape == "before" or anchor.writer else anchor.row
        if anchor.writer is not None:
            # The byline names the writer; a short line above naming them too starts the header, a rank after it.
            same = [r for r in above[n] if lines[r] == anchor.writer]
            names = above[n][above[n].index(same[0]) :] if same else []
            start = min([anchor.row, *names])
            writer, role = anchor.writer, _role(lines, names)
        elif names:
            writer, role = _writer_name(lines[names[0]]), _role(lines, names)
        else:
            writer, role = None, None
        headers.append(Header(start, body_start, writer, role))
    return _with_subjects(lines, kinds, anchors, headers)


MIN_SIGNED_POSTS = 2
SIGNED_KINDS = frozenset({"text", "quote", "quote_end"})


def _signed_run(lines: list[str], kinds: list[Line], anchors: list[Anchor]) -> tuple[int, int, int] | None:
    """The first and last anchors of the comments signed below their text and the row of their heading, if the
    dump's are (`35 Comments` / text / `Comment by NAME — DATE` / text / `Comment by NAME — DATE`, WordPress's old
    theme; `Vos réactions` / text / `NAME Le DATE` / `Répondre`, SPIP): a line counting the comments or heading
    them, then text with a sentence and no button, then the first signature (see `_signature`); each signature
    after it with text of its own above it. A dump that prints its headers first shows the first header below the
    heading, not text."""
    counted = {row for row, _ in _comment_counts(lines, kinds)}
    if not counted:
        return None
    for first, anchor in enumerate(anchors):
        if (signature := _signature(lines, kinds, anchor)) is None:
            continue
        top, _, shape = signature
        floor = anchors[first - 1].row if first else -1
        rows = range(top - 1, max(floor, top - 1 - MAX_FIRST_POST_LINES), -1)
        heading = next((r for r in rows if r in counted or kinds[r].kind not in SIGNED_KINDS), None)
        if heading is None or heading not in counted or not _says_something(lines, kinds, heading + 1, top):
            continue
        last = first
        while last + 1 < len(anchors) and (following := _signature(lines, kinds, anchors[last + 1])) is not None:
            # text of its own above it, and the run's shape of signature (a side box's dated teasers have others)
            if following[0] - 1 <= anchors[last].row or following[2] != shape:
                break
            last += 1
        if last - first + 1 >= MIN_SIGNED_POSTS:
            return first, last, heading
    return None


CLOCK = re.compile(r"\d:\d\d")


def _signature(lines: list[str], kinds: list[Line], anchor: Anchor) -> tuple[int, str, tuple[bool, str, bool]] | None:
    """The first row of the signature an anchor ends, the writer it names and its shape, if it can sign the text
    above it: a line with the writer and the date (not `NAME says:` with the date below, a header's), or a date line
    below the writer's; under a line of text that is no button (`antworten ✍️` ends the post before a header). Its
    shape: whether it is one line, the word after the name (`—`, `Le`, `·`; a number is `#`), whether it tells the
    time: a run of signatures has one."""
    if anchor.date_row is not None:
        return None
    line = lines[anchor.row]
    if anchor.writer is not None:
        top, writer = anchor.row, anchor.writer
        after = line[line.find(writer) + len(writer) :] if writer in line else line
    elif anchor.row > 0 and _is_candidate(lines[anchor.row - 1], kinds[anchor.row - 1]):
        top, writer, after = anchor.row - 1, _writer_name(lines[anchor.row - 1]), line
    else:
        return None
    above = top - 1
    if above < 0 or kinds[above].kind not in SIGNED_KINDS or is_button(lines[above]) or button_start(lines[above]) == 0:
        return None
    if is_button(lines[top]):
        return None
    word = after.split(maxsplit=1)[0] if after.strip() else ""
    shape = (top == anchor.row, "#" if word[:1].isdigit() else word.casefold(), CLOCK.search(line) is not None)
    return top, writer, shape


def _signed_headers(lines: list[str], kinds: list[Line], anchors: list[Anchor], heading: int) -> list[Header]:
    """The headers of the posts signed below their text (see `_signed_run`): each starts after the buttons below
    the signature before it (the first, below the comments' heading) and ends before its own signature."""
    headers: list[Header] = []
    start = heading + 1
    for anchor in anchors:
        top, writer, _ = _signature(lines, kinds, anchor) or (anchor.row, anchor.writer, None)
        headers.append(Header(start, start, writer, None, top))
        start = anchor.row + 1
        while start < len(kinds) and kinds[start].kind in FURNITURE:
            start += 1
    return headers


MIN_FOOTER_POSTS = 3
FOOTER_SHARE = 0.8
"""The share of a dump's date lines that must have a post's buttons just above them and a writer's header just
below them for the dump to print its dates last."""
MAX_BADGE_LINES = 2
MAX_FIRST_POST_LINES = 60


def _footer_start(lines: list[str], kinds: list[Line], anchors: list[Anchor]) -> int | None:
    """Where a run of posts that print their date last begins among the anchors, if the dump's comments are such
    a run (wpDiscuz: `Gast` / NAME / the text / `Daumen hoch6Daumen runter` / `Translate` / `1 Monat her`): from
    there on, no date line names a writer, most have buttons just above them and the next post's header (badges,
    the writer) just below them, and the first post's header, a badge and the writer, comes before its text,
    above the first of them. A dump that prints the date first after the last post's buttons (`Antworten` / DATE
    / NAME / text) shows no such header before it."""
    # Counts from each anchor to the last, summed from the end once: each start is judged in constant time.
    size = len(anchors)
    buttoned, below, named = [0] * (size + 1), [0] * (size + 1), [0] * (size + 1)
    for n in range(size - 1, -1, -1):
        row = anchors[n].row
        # the post's buttons just above its date line (wpDiscuz) or just below it (Chefkoch)
        beside = (row > 0 and kinds[row - 1].kind == "action") or (
            row + 1 < len(kinds) and kinds[row + 1].kind == "action"
        )
        buttoned[n] = buttoned[n + 1] + beside
        below[n] = below[n + 1] + (n < size - 1 and _writer_below(lines, kinds, row) is not None)
        named[n] = named[n + 1] + (anchors[n].writer is not None)
    for start in range(size - MIN_FOOTER_POSTS + 1):
        posts = size - start
        if named[start] or buttoned[start] < FOOTER_SHARE * posts or below[start] < FOOTER_SHARE * (posts - 1):
            continue
        floor = anchors[start - 1].row + 1 if start else 0
        if _first_footer_writer(lines, kinds, anchors[start].row, floor) is not None:
            return start
    return None


def _footer_headers(lines: list[str], kinds: list[Line], anchors: list[Anchor], start: int) -> list[Header]:
    """The headers of the posts from `start` on, which print their date last: each post's header is the writer
    below the date line before it (the first post's, above its text)."""
    floor = anchors[start - 1].row + 1 if start else 0
    rows = [
        _first_footer_writer(lines, kinds, anchors[start].row, floor),
        *(_writer_below(lines, kinds, anchor.row) for anchor in anchors[start:-1]),
    ]
    return [
        Header(row, row + 1, _writer_name(lines[row]), None)
        if row is not None
        else Header(anchor.row, anchor.row, None, None)
        for row, anchor in zip(rows, anchors[start:], strict=True)
    ]


def _writer_below(lines: list[str], kinds: list[Line], row: int) -> int | None:
    """The row of the writer's name in the header just below a date line (its badge lines first: `Gast`, `Autor`),
    where text follows it."""
    for r in range(row + 1, min(row + 2 + MAX_BADGE_LINES, len(lines) - 1)):
        if kinds[r].kind in ("action", *PROFILE):
            continue
        return r if _is_candidate(lines[r], kinds[r]) and _text_follows(kinds, r) else None
    return None


def _text_follows(kinds: list[Line], row: int) -> bool:
    """Whether text follows a writer's line, past the post's buttons under the name (wpDiscuz's share tooltip)."""
    below = next(
        (r for r in range(row + 1, min(row + 1 + MAX_BADGE_LINES, len(kinds))) if kinds[r].kind != "action"), None
    )
    return (
        below is not None
        and kinds[below].kind == "text"
        and all(is_post_action(kinds[r].text) for r in range(row + 1, below))
    )


def _first_footer_writer(lines: list[str], kinds: list[Line], row: int, floor: int) -> int | None:
    """The row of the first post's writer: the name after a badge line, with text from it down to the first date
    line's buttons."""
    for r in range(row - 1, max(row - MAX_FIRST_POST_LINES, floor, 0), -1):
        buttons_under = kinds[r + 1].kind == "action" and r + 2 < row and _text_follows(kinds, r)
        if kinds[r - 1].kind in PROFILE or _buttoned_name(lines[r], kinds[r]) or buttons_under:
            return r if _is_candidate(lines[r], kinds[r]) and r + 1 < row and _text_follows(kinds, r) else None
    return None


def _buttoned_name(line: str, kind: Line) -> bool:
    """Whether a line is a writer's name with the post's buttons after it (`NAME Kommentar löschen`)."""
    start = button_start(line)
    return bool(start) and kind.kind == "text" and _is_candidate(line[:start].rstrip(), kind)


MIN_SUBJECT_SHARE = 0.8
"""The share of a dump's `geschrieben von NAME am DATE` headers that must have a short line just above them for
those lines to be taken for the comments' subjects (not the last lines of the comments before)."""


def _subject_like(lines: list[str], kinds: list[Line], row: int) -> bool:
    """Whether a line can be a comment's subject: a short line that is no sentence, or a reply's `AW: ...` (the
    subjects a reply repeats are profile furniture to the writer search, not to this)."""
    line, kind = lines[row], kinds[row]
    if kind.kind == "profile":
        return len(line) > 1 and profile_key(line) is None
    return _is_candidate(line, kind)


def _with_subjects(lines: list[str], kinds: list[Line], anchors: list[Anchor], headers: list[Header]) -> list[Header]:
    """The headers, each comment module's `geschrieben von` header with the subject line just above it as its
    post's first line (oekonomenstimme.org: "Ein Missverständnis" / "geschrieben von wScherf am ..."), where most
    such headers of the dump have one: otherwise it stays the last line of the post before."""
    written = [n for n, anchor in enumerate(anchors) if WRITTEN_BY.match(lines[anchor.row])]
    above = [n for n in written if anchors[n].row > 0 and _subject_like(lines, kinds, anchors[n].row - 1)]
    if len(above) < 2 or len(above) < MIN_SUBJECT_SHARE * len(written):
        return headers
    floor = {n: (anchors[n - 1].row if n else -1) for n in above}
    return [
        Header(anchors[n].row - 1, anchors[n].row - 1, header.writer, header.role)
        if n in floor and anchors[n].row - 1 > floor[n] and header.start == anchors[n].row
        else header
        for n, header in enumerate(headers)
    ]


AUTHOR_BADGE = re.compile(
    r"(?<=\S)\s+(?P<badge>Autor|Autorin|Author|Post author|Auteur|Autrice|Autore|Autora|Beitragsautor)$"
)
"""The badge a blog theme prints after the article's writer's name in the comments (`Mathias Autor`), which a
copy runs into the name."""


SALUTATION = re.compile(r"^(?:Herr|Frau)\s+(?=\S+)")
"""The form of address a German news site prints before a commenter's name (`Herr Steffen Ecks`; its markup
keeps it outside the name, `<span itemprop=name>`), which a copy runs into it."""


def _without_badge(writer: str) -> tuple[str, str | None]:
    """A writer's name without the salutation before it and the author's badge after it, and the badge."""
    writer = SALUTATION.sub("", writer)
    if match := AUTHOR_BADGE.search(writer):
        return writer[: match.start()], match["badge"]
    return writer, None


def _writer_name(line: str) -> str:
    """A header's writer line without the label before the name (`Kommentar von NAME`) and the buttons after it."""
    start = button_start(line)
    if start and " " in line[start:].strip():  # `NAME Kommentar löschen`; a name may end in a word such as "Like"
        line = line[:start].rstrip()
    return COMMENT_LABEL.sub("", line) or line


def _role(lines: list[str], rows: list[int]) -> str | None:
    """A header's lines below the writer's name: its rank, the name printed again left out."""
    return ", ".join(lines[r] for r in rows[1:] if lines[r] != lines[rows[0]]) or None


def _segments(
    lines: list[str], kinds: list[Line], start: int, end: int, anchors: list[Anchor]
) -> tuple[list[Segment], int]:
    """A post's body as quote segments (see `forum.Segment`), without furniture; and 1 when a signature was
    left out."""
    anchor_rows = {row for anchor in anchors for row in (anchor.row, anchor.date_row) if row is not None}
    segments = [Segment(cited=False, quoted_author=None)]
    for row in range(start, end):
        kind = kinds[row]
        if row in anchor_rows or kind.kind in FURNITURE:
            continue
        if kind.kind == "signature":
            return segments, 1
        if kind.kind == "quote":
            segments.append(Segment(cited=True, quoted_author=kind.name))
        elif kind.kind == "quote_end":
            if segments[-1].cited:
                quote = segments[-1]
                quote.closed, quote.quote_length = True, len(quote.lines)
                segments.append(Segment(cited=False, quoted_author=None))
        else:
            segments[-1].lines.append(lines[row])
    return segments, 0


def _article_lines(
    lines: list[str], kinds: list[Line], paragraphs: int = MIN_ARTICLE_PARAGRAPHS
) -> list[BlockSpec] | None:
    """The article a news page shows before its comments: its title (the short line above its first
    paragraph) and its paragraphs and headings, up to its last paragraph; None when the page shows fewer than
    `paragraphs` lines of prose (a forum thread's page: its first post is the article)."""
    prose = [row for row, line in enumerate(lines) if len(line) >= MIN_PROSE_CHARS and kinds[row].kind == "text"]
    if len(prose) < max(paragraphs, 1):
        return None
    first, last = prose[0], prose[-1]
    specs: list[BlockSpec] = []
    above = range(first - 1, max(first - 1 - MAX_TITLE_DISTANCE, -1), -1)
    title = next((lines[r] for r in above if _is_title(lines[r], kinds[r])), None)
    if title:
        specs.append(("title", title, None, None))
    for row in range(first, last + 1):
        if kinds[row].kind != "text":
            continue
        line = lines[row]
        heading = not line.endswith(SENTENCE_END) and not line.endswith(":") and len(line) < MIN_PROSE_CHARS
        kind: BlockKind = "heading" if heading else "paragraph"
        specs.append((kind, line, None, None))
    return specs


MAX_TITLE_DISTANCE = 7
"""Lines between an article's headline and its first paragraph at most (its byline, date and count of comments,
each on a line of its own: `Von` / `Robert` / `-` / `31. Dezember 2019` / `15`)."""


MAX_DATE_LETTERS = 15
"""A line with a year, a numeric date or a time and no more letters than this is a date ("31. Dezember 2019"),
no headline ("Die besten Bikes 2022" has more)."""


def _is_title(line: str, kind: Line) -> bool:
    """Whether a line above an article's first paragraph can be its headline: a few words, no metadata, no date."""
    digits = sum(c.isdigit() for c in line)
    dated = could_be_date(line) and sum(c.isalpha() for c in line) <= MAX_DATE_LETTERS
    return kind.kind == "text" and len(line.split()) >= 3 and "|" not in line and digits < 8 and not dated


def _thread_title(lines: list[str], kinds: list[Line], start: int, first_anchor: int) -> str | None:
    """A forum thread's title: the subject replies repeat (`Re: TITLE`) where one does, else the nearest line
    above its first post that is no furniture (its label and SMF's read count taken off)."""
    subjects = {line.partition(":")[2].strip() for line in lines if SUBJECT.match(line)}
    for row in range(first_anchor - 1, -1, -1):
        if lines[row] in subjects:
            return lines[row]
    for row in range(start - 1, -1, -1):
        if kinds[row].kind == "text" and not PAGINATION.match(lines[row]):
            return READ_COUNT.sub("", THREAD_LABEL.sub("", lines[row])).strip() or None
    return None


def _warnings(posts: list[Post], anchors: list[Anchor], signatures: int, *, dated: bool) -> list[str]:
    warnings: list[str] = []
    undated = sum(1 for anchor in anchors if anchor.date is None)
    if not dated:
        warnings.append("the comments of this dump show no dates: left without them")
    elif undated:
        warnings.append(
            f"{counted_noun(undated, 'post')} of this dump show no date it can read"
            " (a relative date such as '3 days ago', or one printed without its year such as '9 janvier à 13:06',"
            " needs the time the page was shown): left without one"
        )
    unnamed = sum(1 for post in posts if post.kind == "comment" and post.author is None)
    if unnamed:
        warnings.append(f"{counted_noun(unnamed, 'comment')} of this dump show no writer's name it can find")
    guessed = sum(1 for post in posts for block in post.blocks if block.quote_extent == "guessed")
    if guessed:
        warnings.append(
            f"the end of {counted_noun(guessed, 'quote')} is not marked in the dump: taken to be its first line"
        )
    if signatures:
        warnings.append(f"signatures left out of {counted_noun(signatures, 'post')}")
    return warnings
