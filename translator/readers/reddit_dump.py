"""Read the text dump of a Reddit thread page, as a browser copies it, in either of Reddit's layouts.

Old Reddit (old.reddit.com): the post's title, its line (`submitted 6 years ago by NAME`), its text, then each
comment as its line (`[–]NAME 39 points 6 years ago`, flair between the name and the score), its text and its
buttons (`permalink embed save parent report reply`). The copy keeps no indentation, so the comments are read flat,
in page order, with a warning (a `parent` button says a comment is a reply, not to which).

The 2018 redesign (www.reddit.com until 2023): the post (`Posted by u/NAME 6 years ago`, its title and text),
then each comment as its depth (`level 2`, text a screen reader says and a copy keeps), its writer, its line
(`39 points · 6 years ago`, or `· 6 yr. ago` with the score under the text), its text and its buttons (`Reply`,
`Share`...). The depths give the reply tree back. A branch cut short (`Continue this thread`, `3 more replies`)
is said in a warning.

Ages stay undated in both: the copy does not say when it was made.
"""

from __future__ import annotations

import re
from datetime import datetime

from translator.errors import InputError
from translator.models import Post, Votes
from translator.readers.common import BlockSpec, Reading, clean, comment_post, net_votes, number_blocks
from translator.readers.flat_dump import LINKED_SITE, FlatLayout, read_flat_dump
from translator.readers.forum import dump_thread

COMMENT_LINE = re.compile(
    r"^\[[–+-]\]\s*(?P<name>[\w-]{3,20})(?P<marks>(?:\s?\[[SMA]\])*)(?: .{1,60}?)?"
    r" (?:(?P<score>-?\d+) points?|\[score hidden\]) (?P<when>(?:\d+|an?) \w+ ago)(?:\*?(?: \(last edited .*\))?)?"
    r"(?: \(\d+ (?:child|children)\))?$"
)
"""A comment's line: the fold button, the writer, their marks (`[S]`: the submitter, `[M]`: a moderator), a flair,
the score (or `[score hidden]`) and the age."""
BUTTONS = re.compile(
    r"^(?:permalink|embed|save|unsave|parent|report|edit|delete|give (?:award|gold)|reply|source|context|"
    r"full comments.*)(?:\s*(?:permalink|embed|save|unsave|parent|report|edit|delete|give (?:award|gold)|reply"
    r"|source|context|full comments.*))*$",
    re.IGNORECASE,
)
"""A comment's buttons, on one line or each on its own (`permalink embed save parent report give award reply`)."""
SUBMITTED = re.compile(r"^submitted (?:\d+|an?) \w+ ago(?: \*)? by (?P<name>[\w-]{3,20})(?: .*)?$")
SITE_AFTER_TITLE = re.compile(rf"\s+\((?:self\.\w+|{LINKED_SITE})\)$")
"""Where the post links to after its title (`(self.harbourlife)` for a text post, `(example.com)`)."""
POST_SCORE = re.compile(r"^(?P<score>-?\d+) points? \(\d+% upvoted\)$")
ARTICLE_END = re.compile(r"^(?:all \d+ comments?|\d+ comments?|sorted by: .*|share|save|hide|report|crosspost)$", re.I)
PAGE_END = re.compile(r"^(?:load more comments.*|about|help|apps & tools|<3|use of this site constitutes.*)$", re.I)
MIN_COMMENTS = 2
FLAT_WARNING = (
    "a copy of a Reddit page keeps no indentation: its comments are read flat, in page order"
    " (read the thread's JSON or saved page for the reply tree)"
)


def looks_like_reddit_dump(text: str) -> bool:
    """Whether a text is a copy of an old Reddit thread page: two comment lines or more (`[–]NAME 39 points 6
    years ago`), and the comments' buttons."""
    if "permalink" not in text.lower() or not ("[–]" in text or "[+]" in text or "[-]" in text):
        return False  # most texts sniffed: not split into lines for nothing
    lines = [clean(line) for line in text.splitlines()]
    comments = sum(1 for line in lines if COMMENT_LINE.match(line))
    buttons = sum(1 for line in lines if "permalink" in line.lower() and BUTTONS.match(line))
    return comments >= MIN_COMMENTS and buttons >= comments - 1


def read_reddit_dump(text: str) -> Reading:
    """Parse an old Reddit page dump into its one thread; InputError when it holds no comment."""
    return read_flat_dump(text, LAYOUT)


def _post(lines: list[str]) -> Post:
    """The article: the post's title (the line above `submitted ... by NAME`), its writer, score and text."""
    row = next((n for n, line in enumerate(lines) if SUBMITTED.match(line) and n > 0), None)
    specs: list[BlockSpec] = []
    author, votes = None, None
    if row is not None:
        submitted = SUBMITTED.match(lines[row])
        assert submitted is not None  # the row was chosen so
        author = submitted["name"]
        specs.append(("title", SITE_AFTER_TITLE.sub("", lines[row - 1]), None, None))
        for line in lines[row + 1 :]:
            if ARTICLE_END.match(line):
                break
            if score := POST_SCORE.match(line):
                votes = Votes(max(int(score["score"]), 0), 0)
                continue
            specs.append(("paragraph", line, None, None))
        votes = votes or next(
            (Votes(max(int(s["score"]), 0), 0) for line in lines if (s := POST_SCORE.match(line))), None
        )
    return Post(id="article", kind="article", author=author, votes=votes, blocks=number_blocks("article", specs))


def _fields(header: re.Match[str]) -> tuple[str | None, datetime | None, Votes | None, str | None]:
    score = int(header["score"]) if header["score"] else None
    role = "OP" if "[S]" in header["marks"] else None
    return header["name"], None, net_votes(score), role


LAYOUT = FlatLayout(
    header=COMMENT_LINE,
    fields=_fields,
    story=_post,
    buttons=BUTTONS,
    page_end=PAGE_END,
    missing=InputError(
        "no comment found in this Reddit page dump (no line such as `[–]NAME 39 points 6 years ago`)",
        "check that the file is a copy of the whole thread page on old.reddit.com, or pass --format text",
    ),
    warning=FLAT_WARNING,
)


LEVEL = re.compile(r"^level (?P<depth>\d{1,3})$")
"""A redesign comment's depth, first line of the comment (1: an answer to the post)."""
AGE = r"(?P<when>(?:\d+|an?) (?:second|sec|minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?\.? ago|just now)"
REDESIGN_META = re.compile(
    rf"^(?P<name>[\w-]{{3,20}}\s*)?(?P<op>OP|Original Poster)?\s*"
    rf"(?:(?P<score>-?\d+) points?|Score hidden)?\s*·?\s*{AGE}(?:\s*·\s*edited .*)?$"
)
"""A redesign comment's line: its score (or `Score hidden`) and age (`39 points · 6 years ago`), `Original Poster`
before it on the asker's comments; the writer's name opens it where the copy puts both on one line."""
HEADER_LINES = 5
"""Lines between a comment's depth and its age at most: the writer, `OP`, a flair, a lone `·`."""
REDESIGN_WRITER = re.compile(r"^(?P<name>[\w-]{3,20}|\[deleted\])(?:\s*OP)?$")
"""The writer's line between the depth and the comment's line (`NAME`, `NAME OP`, `[deleted]`)."""
OP_MARK = re.compile(r"^(?:[\w-]{3,20}\s+)?OP$")
"""The asker's mark between the depth and the comment's line, after the writer's name or on a line of its own."""
REDESIGN_FOOTER = re.compile(
    r"^(?:Reply|Share|Report|Save|Follow|Give Award|Award|Vote|More replies|Continue this thread|"
    r"\d+ more repl(?:y|ies)|-?\d+(?:\.\d+)?k?)$",
    re.IGNORECASE,
)
"""What follows a redesign comment's text: its score alone on a line and its buttons."""
BRANCH_CUT = re.compile(r"^(?:Continue this thread|(?P<more>\d+) more repl(?:y|ies))$", re.IGNORECASE)
"""A branch the page does not show: its replies are on a page of their own, or folded."""
REDESIGN_PAGE_END = re.compile(
    r"^(?:View entire discussion.*|More posts from .*|Continue browsing in .*|About Community|Load more comments.*|"
    r"Top posts of .*|Back to Top)$",
    re.IGNORECASE,
)
POSTED_BY = re.compile(rf"^Posted by\s*(?:u/(?P<name>[\w-]{{3,20}}))?\s*(?:{AGE}.*)?$")
"""The post's line: its writer and age (`Posted by u/NAME 6 years ago`, or glued: `Posted byu/NAME6 years ago`),
or these on the lines under it."""
POSTED_PARTS = re.compile(rf"^(?:u/(?P<name>[\w-]{{3,20}})|{AGE})$")
"""The writer and age on lines of their own under `Posted by`."""
POST_LABEL = re.compile(r"^(?:Archived|Locked|Pinned|Stickied|Spoiler|NSFW|OC|Promoted|Moderator|Announcement)$")
"""A label between the post's line and its title."""
REDESIGN_ARTICLE_END = re.compile(
    r"^(?:\d+(?:\.\d+)?k? comments?|share|save|hide|report|savehidereport|\d+% upvoted|sort by|award)$", re.I
)
SCORE_LINE = re.compile(r"^(?P<score>-?\d+(?:\.\d+)?)(?P<thousands>k)?$")
"""A score alone on a line: the post's, above its `Posted by` line; a comment's, under its text (`124`, `1.2k`)."""


def looks_like_redesign_dump(text: str) -> bool:
    """Whether a text is a copy of a thread page in Reddit's 2018 redesign: two comments or more, each a depth line
    (`level 1`) with its comment's line (`39 points · 6 years ago`) a few lines below."""
    if "level 1" not in text:
        return False  # the first depth: most texts sniffed are not split into lines for nothing
    return len(_comment_rows([clean(line) for line in text.splitlines()])) >= MIN_COMMENTS


def read_redesign_dump(text: str) -> Reading:
    """Parse a copy of a redesign Reddit thread page into its one thread, with its reply tree; InputError when it
    holds no comment."""
    lines = [line for line in (clean(raw) for raw in text.splitlines()) if line]
    rows = _comment_rows(lines)
    if not rows:
        raise InputError(
            "no comment found in this Reddit page dump (no `level 1` line with its `39 points · 6 years ago`)",
            "check that the file is a copy of the whole thread page, or pass --format text",
        )
    article = _redesign_post(lines[: rows[0]])
    comments: list[Post] = []
    branches: list[str] = []  # the ids of the comment at each depth on the way to the current one
    continued = folded = 0
    for number, row in enumerate(rows, start=1):
        end = rows[number] if number < len(rows) else len(lines)
        depth = int(_match(LEVEL, lines[row])["depth"])
        meta_row = next(n for n in range(row + 1, row + 1 + HEADER_LINES) if REDESIGN_META.match(lines[n]))
        meta = _match(REDESIGN_META, lines[meta_row])
        writer = next((w for line in lines[row + 1 : meta_row] if (w := REDESIGN_WRITER.match(line))), None)
        name = (writer["name"] if writer else None) or (meta["name"] or "").strip() or None
        body = lines[meta_row + 1 : end]
        cut = next((n for n, line in enumerate(body) if REDESIGN_PAGE_END.match(line)), len(body))
        body = body[:cut]
        score = int(meta["score"]) if meta["score"] else None
        while body and REDESIGN_FOOTER.match(body[-1]):
            line = body.pop()
            if branch := BRANCH_CUT.match(line):
                continued += branch["more"] is None
                folded += int(branch["more"] or 0)
            elif (under := SCORE_LINE.match(line)) and score is None:
                score = _points(under)  # the later layout's score, under the text
        del branches[depth - 1 :]
        parent = branches[-1] if len(branches) == depth - 1 and branches else None
        branches.extend([""] * (depth - 1 - len(branches)))  # a depth the copy skips: no parent to name
        branches.append(f"c{number}")
        deleted = body in (["[deleted]"], ["[removed]"])  # by its writer, or removed by a moderator
        comments.append(
            comment_post(
                number,
                [] if deleted else [("paragraph", line, None, None) for line in body],
                author=None if name == "[deleted]" else name,
                role="OP" if meta["op"] or any(OP_MARK.match(line) for line in lines[row + 1 : meta_row]) else None,
                votes=net_votes(score),
                parent=parent or None,
                deleted=deleted,
            )
        )
    thread = dump_thread((article, *comments))
    warnings = []
    if continued or folded:
        parts = [
            f"{continued:,} behind 'Continue this thread'" if continued else "",
            f"{folded:,} folded" if folded else "",
        ]
        warnings.append(
            f"some replies are not in this copy of the Reddit page ({', '.join(p for p in parts if p)}):"
            " open them before copying, or read the thread's JSON"
        )
    return Reading((thread,), tuple(warnings))


def _comment_rows(lines: list[str]) -> list[int]:
    """The rows of a redesign copy's comments: each a depth line with its comment's line a few lines below."""
    return [
        n
        for n, line in enumerate(lines)
        if LEVEL.match(line) and any(REDESIGN_META.match(after) for after in lines[n + 1 : n + 1 + HEADER_LINES])
    ]


def _redesign_post(lines: list[str]) -> Post:
    """The article of a redesign copy: the title after the `Posted by` line (labels such as `Archived` between),
    its writer, its score (alone on the line above) and its text up to the comment count and buttons."""
    row = next((n for n, line in enumerate(lines) if POSTED_BY.match(line)), None)
    specs: list[BlockSpec] = []
    author, votes = None, None
    if row is not None:
        author = _match(POSTED_BY, lines[row])["name"]
        if row > 0 and (score := SCORE_LINE.match(lines[row - 1])):
            votes = net_votes(_points(score))
        rest = lines[row + 1 :]
        while rest and (POST_LABEL.match(rest[0]) or POSTED_PARTS.match(rest[0])):
            if name := POSTED_PARTS.match(rest.pop(0)):
                author = author or name["name"]
        if rest:
            specs.append(("title", rest[0], None, None))
        for line in rest[1:]:
            if REDESIGN_ARTICLE_END.match(line):
                break
            specs.append(("paragraph", line, None, None))
    return Post(id="article", kind="article", author=author, votes=votes, blocks=number_blocks("article", specs))


def _points(score: re.Match[str]) -> int:
    """A score as a number (`1.2k`: 1200)."""
    return int(float(score["score"]) * (1000 if score["thousands"] else 1))


def _match(pattern: re.Pattern[str], line: str) -> re.Match[str]:
    """The match of a line already known to match."""
    match = pattern.match(line)
    assert match is not None  # the line was chosen so
    return match
