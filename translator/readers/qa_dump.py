"""Read the text dump of a Stack Exchange question page (Stack Overflow and its sister sites), as a browser copies
it: the question, then each answer, each post ending with its menu (`Share` / `Improve this answer` / `Follow`),
its signature (`edited DATE` and the editor, then `asked DATE` or `answered DATE`, the writer and their
reputation) and the comments under it (`TEXT` / `– NAME` / `DATE`, or all on one line, the comment's score above
it), closed by `Add a comment`.

The question is the article (its title the line above `Ask Question` or `Asked ...`), each answer a comment
with its votes (the number above its text), a comment under the question a comment, a comment under an answer a
reply to it, as the saved page's reader reads the page (`html_engines.STACK_EXCHANGE`). The labels are English
(the sites in other languages print their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from translator.errors import InputError
from translator.models import Post, Thread
from translator.readers.common import BlockSpec, Reading, clean, comment_post, net_votes, number_blocks
from translator.readers.html_dates import printed_date

MENU_START = re.compile(r"^share(?:\s*\|?\s*(?:improve this (?:question|answer))(?:\s*\|?\s*follow)?)?$", re.I)
MENU_LINES = re.compile(r"^(?:improve this (?:question|answer)|follow|edit|flag|cite|close|delete)$", re.I)
SIGNED = re.compile(r"^(?P<action>asked|answered|edited)\s+(?P<date>\S.{2,40})$", re.I)
"""A signature's line: what was done, when (`answered Feb 6, 2014 at 23:35`, `asked Feb 6 '14 at 20:37`)."""
REPUTATION = re.compile(r"^[\d,.]+k?(?:\s*\d+\s*(?:(?:gold|silver|bronze)\s+badges?)?)*$", re.I)
"""A writer's reputation and badges, as a copy runs them together (`3,92699 gold badges2727 silver badges`)."""
BADGES = re.compile(r"^[\d,.]+.*\b(?:gold|silver|bronze)\s+badges?$", re.I)
SCORE = re.compile(r"^[-−]?\d{1,6}$")
COMMENT_DATE = (
    r"(?:[A-Z][a-z]{2} \d{1,2}(?:, \d{4}|\s+'\d\d)? at \d{1,2}:\d{2}"
    r"|\d+ (?:secs?|mins?|minutes?|hours?|days?) ago|yesterday|today)"
)
SIGNED_COMMENT = re.compile(rf"^(?P<text>.*?)\s*[–—]\s*(?P<name>[^–—]{{1,40}}?)(?:\s+(?P<date>{COMMENT_DATE}))?$")
"""A comment's end: `– NAME`, its date on the next line or after it, the text before it on the same line or not."""
DATE_LINE = re.compile(rf"^{COMMENT_DATE}$")
COMMENTS_END = re.compile(r"^(?:add a comment|show \d+ more comments?)\b.*$", re.I)
ANSWERS_HEADING = re.compile(
    r"^(?:\d+ answers?|sorted by:.*|highest score \(default\)|reset to default|active oldest votes|active|oldest"
    r"|votes)$",
    re.I,
)
VOTE_LINE = re.compile(r"^up vote\s*(?P<votes>[-−]?\d+)\s*down vote(?:\s+(?:favorite|accepted))?(?:\s*\d+)?$", re.I)
"""The vote buttons' text before 2018, around the post's votes (`up vote 14 down vote favorite`)."""
PAGE_END = re.compile(
    r"^(?:your answer|know someone who can answer\?.*|not the answer you're looking for\?.*|related|hot network"
    r" questions|linked)$",
    re.I,
)
QUESTION_FACTS = re.compile(
    r"^(?:Asked|Modified|Viewed|Active)\s+(?:\S+\s+){0,5}?(?:ago|today|yesterday|times|\S*\d{4}(?:\s.*)?)$"
)
"""The question's facts under its title (`Asked 8 years, 2 months ago`, `Modified today`, `Viewed 38k times`)."""
SHORT_YEAR = re.compile(r"\s'(\d\d)\b")
MIN_POSTS = 2
"""A question and one answer at least: a page's menus and signatures for fewer are too little to go by."""
MAX_MENU_LINES = 3
"""How many lines below `Share` a post's menu runs (`Cite`, `Improve this answer`, `Follow`)."""


@dataclass
class _Post:
    text: list[str]
    votes: int | None = None
    writer: str | None = None
    date: datetime | None = None
    comments: list[_Comment] = field(default_factory=list)


@dataclass
class _Comment:
    text: list[str]
    writer: str
    date: datetime | None
    votes: int | None


def looks_like_qa_dump(text: str) -> bool:
    """Whether a text is a copy of a Stack Exchange question page: a post menu (`Share`, then `Improve this
    question`) and a signature (`asked DATE`), and at least one answer's."""
    lowered = text.lower()
    if "share" not in lowered or ("asked " not in lowered and "answered " not in lowered):
        return False  # most texts sniffed: not split into lines for nothing
    lines = [line for line in (clean(raw) for raw in text.splitlines()) if line]  # as `read_qa_dump` reads them
    menus = sum(1 for n, line in enumerate(lines) if _menu_at(lines, n))
    signed = sum(1 for line in lines if (match := SIGNED.match(line)) and match["action"].lower() != "edited")
    return menus >= MIN_POSTS and signed >= MIN_POSTS


def read_qa_dump(text: str) -> Reading:
    """Parse a Stack Exchange page dump into its one thread; InputError when it holds no post."""
    lines = [line for line in (clean(raw) for raw in text.splitlines()) if line]
    menus = [n for n in range(len(lines)) if _menu_at(lines, n)]
    if not menus:
        raise InputError(
            "no question or answer found in this Stack Exchange page dump",
            "check that the file is a copy of the whole question page, or pass --format text",
        )
    title, start, votes = _question_start(lines, menus[0])
    posts: list[_Post] = []
    for number, menu in enumerate(menus):
        end = menus[number + 1] if number + 1 < len(menus) else len(lines)
        post = _post_text(lines[start:menu], question=number == 0)
        row = _signature(lines, menu, end, post)
        start = _comments(lines, row, end, post)
        posts.append(post)
    posts[0].votes = votes if votes is not None else posts[0].votes
    if len(posts) < MIN_POSTS and not posts[0].comments:
        raise InputError(
            "only one post found in this Stack Exchange page dump, without comments",
            "check that the file is a copy of the whole question page, or pass --format text",
        )
    return Reading((_thread(title, posts),), ())


def _menu_at(lines: list[str], row: int) -> bool:
    """Whether a post's menu starts at a line: `Share` with `Improve this ...` on it or in the lines below it
    (`Cite` may come between), or `Edit` and `Follow` below it (what a signed-in reader sees)."""
    if not MENU_START.match(lines[row]):
        return False
    below = [line.lower() for line in lines[row + 1 : row + 1 + MAX_MENU_LINES]]
    return (
        "improve" in lines[row].lower()
        or any(line.startswith("improve this ") for line in below)
        or ("edit" in below and "follow" in below)
    )


def _question_start(lines: list[str], menu: int) -> tuple[str | None, int, int | None]:
    """The question's title, the row its text starts on and its votes: below `Ask Question` and the run of
    `Asked`, `Modified` and `Viewed` lines (the title the line above them), past its votes and bookmarks (numbers
    alone)."""
    first = next((n for n in range(menu) if lines[n] == "Ask Question" or QUESTION_FACTS.match(lines[n])), None)
    title, start = None, 0
    if first is None and menu > 1 and VOTE_LINE.match(lines[1]):
        return lines[0], 1, None  # before 2018: the title, then the vote buttons' line
    if first is not None:
        title = lines[first - 1] if first > 0 else None
        start = first + 1
        while start < menu and QUESTION_FACTS.match(lines[start]):
            start += 1
    votes = int(lines[start].replace("−", "-")) if start < menu and SCORE.match(lines[start]) else None
    while start < menu and SCORE.match(lines[start]):
        start += 1
    return title, start, votes


def _post_text(lines: list[str], *, question: bool) -> _Post:
    """A post's text lines, its votes (the number above them) taken off; an answer's heading lines before it."""
    rows = list(lines)
    while rows and ANSWERS_HEADING.match(rows[0]):
        rows.pop(0)
    votes = None
    if rows and (buttons := VOTE_LINE.match(rows[0])):
        votes = int(buttons["votes"].replace("−", "-"))
        rows.pop(0)
    elif rows and SCORE.match(rows[0]) and not question:
        votes = int(rows.pop(0).replace("−", "-"))
    return _Post(rows, votes)


def _signature(lines: list[str], menu: int, end: int, post: _Post) -> int:
    """Read a post's signature below its menu (its writer and date, the editor's passed over); the row after it."""
    row = menu + 1
    while row < end and MENU_LINES.match(lines[row]):
        row += 1
    while row < end and (signed := SIGNED.match(lines[row])):
        name = lines[row + 1] if row + 1 < end and not SIGNED.match(lines[row + 1]) else None
        if signed["action"].lower() != "edited":
            post.date = _date(signed["date"])
            post.writer = _doubled(name) if name else None
        row += 2 if name else 1
        if name and row < end and REPUTATION.match(lines[row]):
            row += 1  # the writer's reputation, under the name (a number alone too: a comment's score comes after)
        while row < end and (lines[row].lower() == "community wiki" or BADGES.search(lines[row])):
            row += 1
    return row


def _comments(lines: list[str], row: int, end: int, post: _Post) -> int:
    """Read the comments under a post, from `row` to `Add a comment` (else to the next post's text: the lines
    after the last comment's date); the row the next post's text starts on."""
    pending: list[str] = []
    pending_start = row
    while row < end:
        line = lines[row]
        if COMMENTS_END.match(line):
            return row + 1
        if PAGE_END.match(line):
            return end
        signed = SIGNED_COMMENT.match(line)
        if signed and (pending or signed["text"]):
            date_text = signed["date"]
            if date_text is None and row + 1 < end and DATE_LINE.match(lines[row + 1]):
                row += 1
                date_text = lines[row]
            text = [*pending, signed["text"]] if signed["text"] else pending
            while len(text) > 2 and SCORE.match(text[0]) and SCORE.match(text[1]):
                text.pop(0)  # a count the page hides (the post's comments), which a copy may keep
            votes = int(text.pop(0)) if len(text) > 1 and SCORE.match(text[0]) else None
            name = signed["name"].strip().removesuffix("♦").strip()  # a moderator's diamond
            post.comments.append(_Comment(text, name, _date(date_text), votes))
            pending = []
            pending_start = row + 1
        else:
            pending.append(line)
        row += 1
    return pending_start


def _doubled(name: str) -> str:
    """A name a copy printed twice in a row (the link's and the hidden one's: `user5105user5105`) once."""
    half = len(name) // 2
    return name[:half] if len(name) % 2 == 0 and name[:half] == name[half:] else name


def _date(text: str | None) -> datetime | None:
    """A signature's or comment's date (`Feb 6, 2014 at 23:35`, the older `Feb 6 '14 at 20:37`); None for a
    relative one (`3 hours ago`: the copy does not say when it was made)."""
    if not text or text.lower() in ("today", "yesterday") or text.endswith(" ago"):
        return None
    return printed_date(SHORT_YEAR.sub(r" 20\1", text), "en")  # its "at" before the time: see printed_date


def _specs(lines: list[str]) -> list[BlockSpec]:
    return [("paragraph", line, None, None) for line in lines]


def _thread(title: str | None, posts: list[_Post]) -> Thread:
    question, *answers = posts
    specs: list[BlockSpec] = [("title", title, None, None)] if title else []
    article = Post(
        id="article",
        kind="article",
        author=question.writer,
        date=question.date,
        votes=net_votes(question.votes),
        blocks=number_blocks("article", specs + _specs(question.text)),
    )
    comments: list[Post] = []

    def add(comment: _Comment, parent: str | None) -> None:
        comments.append(
            comment_post(
                len(comments) + 1,
                _specs(comment.text),
                author=comment.writer,
                date=comment.date,
                votes=net_votes(comment.votes),
                parent=parent,
            )
        )

    for comment in question.comments:
        add(comment, None)
    for answer in answers:
        post = comment_post(
            len(comments) + 1,
            _specs(answer.text),
            author=answer.writer,
            date=answer.date,
            votes=net_votes(answer.votes),
        )
        comments.append(post)
        for comment in answer.comments:
            add(comment, post.id)
    return Thread(title=title or "", subtitle=None, posts=(article, *comments), source_format="forum")
