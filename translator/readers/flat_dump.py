"""Page dumps whose copy keeps the comments' order but not their nesting (Hacker News's, old Reddit's): the story
above the first comment, then each comment as its header line, its text and its buttons. The readers of each
(`hn_dump`, `reddit_dump`) say what their lines look like; this module cuts the text into posts."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from translator.errors import InputError
from translator.models import Post, Votes
from translator.readers.common import BlockSpec, Reading, clean, comment_post
from translator.readers.forum import dump_thread

LINKED_SITE = r"(?:[\w-]+\.)+[a-z]{2,}(?:/\S*)?"
"""The site a story links to, as both sites print it in brackets after its title (`(example.com)`,
`(github.com/user)`)."""


@dataclass(frozen=True)
class FlatLayout:
    """How one site's copy shows its comments."""

    header: re.Pattern[str]
    """A comment's header line (its writer, age, score)."""
    fields: Callable[[re.Match[str]], tuple[str | None, datetime | None, Votes | None, str | None]]
    """A header's writer, date, votes and role (`OP` where the site marks the story's writer)."""
    story: Callable[[list[str]], Post]
    """The article from the lines above the first comment."""
    buttons: re.Pattern[str]
    """A line of a comment's buttons, left out of its text."""
    page_end: re.Pattern[str]
    """The first line of the page's footer after the last comment."""
    missing: InputError
    """What to say when the text holds no comment."""
    warning: str
    """What the reading lacks (the reply tree)."""


def read_flat_dump(text: str, layout: FlatLayout) -> Reading:
    """The dump's one thread: the story, then the comments in page order, flat; InputError without a comment."""
    lines = [line for line in (clean(raw) for raw in text.splitlines()) if line]
    rows = [n for n, line in enumerate(lines) if layout.header.match(line)]
    if not rows:
        raise layout.missing
    article = layout.story(lines[: rows[0]])
    comments: list[Post] = []
    for number, row in enumerate(rows):
        end = rows[number + 1] if number + 1 < len(rows) else len(lines)
        header = layout.header.match(lines[row])
        assert header is not None  # the rows were chosen so
        body: list[str] = []
        for line in lines[row + 1 : end]:
            if layout.page_end.match(line):
                break
            if not layout.buttons.match(line):
                body.append(line)
        author, date, votes, role = layout.fields(header)
        specs: list[BlockSpec] = [("paragraph", line, None, None) for line in body]
        comments.append(comment_post(number + 1, specs, author=author, date=date, votes=votes, role=role))
    return Reading((dump_thread((article, *comments)),), (layout.warning,))
