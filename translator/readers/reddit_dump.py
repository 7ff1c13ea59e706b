"""Read the text dump of an old Reddit thread page (old.reddit.com), as a browser copies it: the post's title, its
line (`submitted 6 years ago by NAME`), its text, then each comment as its line (`[–]NAME 39 points 6 years ago`,
flair between the name and the score), its text and its buttons (`permalink embed save parent report reply`).

The copy keeps no indentation, so the comments are read flat, in page order, with a warning (a `parent` button
says a comment is a reply, not to which); their ages stay undated (the copy does not say when it was made).
"""

from __future__ import annotations

import re
from datetime import datetime

from translator.errors import InputError
from translator.models import Post, Votes
from translator.readers.common import BlockSpec, Reading, clean, number_blocks
from translator.readers.flat_dump import LINKED_SITE, FlatLayout, read_flat_dump

COMMENT_LINE = re.compile(
    r"^\[[–+-]\]\s*(?P<name>[\w-]{3,20})(?:\s?\[[SMA]\])*(?: .{1,60}?)?"
    r" (?:(?P<score>-?\d+) points?|\[score hidden\]) (?P<when>(?:\d+|an?) \w+ ago)(?:\*?(?: \(last edited .*\))?)?"
    r"(?: \(\d+ (?:child|children)\))?$"
)
"""A comment's line: the fold button, the writer, a flair, the score (or `[score hidden]`) and the age."""
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


def _fields(header: re.Match[str]) -> tuple[str | None, datetime | None, Votes | None]:
    score = int(header["score"]) if header["score"] else None
    return header["name"], None, None if score is None else Votes(max(score, 0), max(-score, 0))


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
