"""Read the text dump of a Hacker News discussion, as a browser copies the item page: the story's title (its
site in brackets after it), the line under it (`120 points by NAME 3 hours ago | hide | past | favorite | 45
comments`), an Ask HN's text, then each comment as its header (`NAME 2 hours ago | parent | next [–]`), its text
and `reply`.

The copy keeps no indentation, so who answers whom is lost: the comments are read flat, in page order, with a
warning (a header's `parent` link says a comment is a reply, not to which). Ages
(`3 hours ago`) are no dates without the time of the copy, which the text does not give: they stay empty; an
older item's dates (`on March 3, 2019`) are read.
"""

from __future__ import annotations

import re
from datetime import datetime

from translator.errors import InputError
from translator.models import Post, Votes
from translator.readers.common import BlockSpec, Reading, clean, number_blocks
from translator.readers.flat_dump import LINKED_SITE, FlatLayout, read_flat_dump
from translator.readers.html_dates import printed_date

USER = r"(?P<name>[A-Za-z0-9_-]{2,15})"
WHEN = r"(?P<when>\d+ (?:second|minute|hour|day|month|year)s? ago|on [A-Z][a-z]{2,8} \d{1,2}, \d{4})"
COMMENT_HEADER = re.compile(
    rf"^{USER} {WHEN}(?: \[(?:flagged|dead)\])?"
    r"(?P<links>(?: \| (?:root|parent|context|prev|next|edit|delete|flag|unflag|vouch|favorite|on: .+))*)"
    r"(?: \[[–-]\]| \[\d+ more\])?$"
)
"""A comment's header line: its writer, age and links (`parent`: a reply), the fold button last."""
STORY_LINE = re.compile(rf"^(?:(?P<points>\d+) points? by )?{USER} {WHEN}(?: \| .*)?$")
"""The line under the story's title: its points, writer and age, then its links and count of comments."""
REPLY = re.compile(r"^reply$", re.IGNORECASE)
SITE_AFTER_TITLE = re.compile(rf"\s+\({LINKED_SITE}\)$")
"""The story's site after its title (`(example.com)`, `(github.com/user)`)."""
PAGE_END = re.compile(r"^(?:Guidelines \| FAQ.*|Search:|Applications are open for YC.*)$")
"""The page's footer after the last comment."""
MIN_COMMENTS = 2
FLAT_WARNING = (
    "a copy of a Hacker News page keeps no indentation: its comments are read flat, in page order"
    " (read the item's JSON or saved page for the reply tree)"
)


def looks_like_hn_dump(text: str) -> bool:
    """Whether a text is a copy of a Hacker News item page: two comment headers or more (`NAME 2 hours ago |
    next [–]`), each followed by a `reply` line before the next."""
    if "[–]" not in text and "[-]" not in text:
        return False  # a header's fold button: most texts sniffed are not split into lines for nothing
    lines = [clean(line) for line in text.splitlines()]
    headers = [n for n, line in enumerate(lines) if COMMENT_HEADER.match(line)]
    replies = sum(1 for line in lines if REPLY.match(line))
    return len(headers) >= MIN_COMMENTS and replies >= len(headers) - 1


def read_hn_dump(text: str) -> Reading:
    """Parse a Hacker News page dump into its one thread; InputError when it holds no comment."""
    return read_flat_dump(text, LAYOUT)


def _story(lines: list[str]) -> Post:
    """The article: the story's title and writer from the line under the title (its points the votes), an Ask
    HN's text below it; the page's menu above the title left out."""
    row = next((n for n, line in enumerate(lines) if STORY_LINE.match(line) and n > 0), None)
    specs: list[BlockSpec] = []
    author, date, votes = None, None, None
    if row is not None:
        story = STORY_LINE.match(lines[row])
        assert story is not None  # the row was chosen so
        specs.append(("title", SITE_AFTER_TITLE.sub("", lines[row - 1]), None, None))
        author = story["name"]
        date = _date(story["when"])
        votes = Votes(int(story["points"]), 0) if story["points"] else None
        specs += [("paragraph", line, None, None) for line in lines[row + 1 :]]
    return Post(
        id="article", kind="article", author=author, date=date, votes=votes, blocks=number_blocks("article", specs)
    )


def _date(when: str | None) -> datetime | None:
    """An older item's date (`on March 3, 2019`); None for an age (`3 hours ago`)."""
    if not when or when.endswith(" ago"):
        return None
    return printed_date(when.removeprefix("on "), "en")


def _fields(header: re.Match[str]) -> tuple[str | None, datetime | None, Votes | None, str | None]:
    return header["name"], _date(header["when"]), None, None  # no score nor mark of the story's writer shown


LAYOUT = FlatLayout(
    header=COMMENT_HEADER,
    fields=_fields,
    story=_story,
    buttons=REPLY,
    page_end=PAGE_END,
    missing=InputError(
        "no comment found in this Hacker News page dump (no line such as `NAME 2 hours ago | next [–]`)",
        "check that the file is a copy of the whole item page, or pass --format text",
    ),
    warning=FLAT_WARNING,
)
