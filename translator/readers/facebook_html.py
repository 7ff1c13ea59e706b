"""Read the HTML form of Facebook's "Download your information" export (its default) into the threads its
JSON form gives (readers.facebook): the same posts, comments and conversations, from the page it renders.

Each entry of the export is a box with a heading, a content and a date; Facebook has rendered it in three
layouts, told apart by their (minified, but long stable) class names:
- 2018 to 2022: `<div class="pam _3-95 _2pi0 _2lej uiBoxWhite noborder">` holding the heading
  (`_3-96 _2pio _2lek _2lel`), the content (`_3-96 _2let`) and the date (`_3-94 _2lem`);
- 2022 to 2023: `<div class="pam _3-95 _2ph- _a6-g uiBoxWhite noborder">` holding the heading
  (`_3-95 _2pim _a6-h _a6-i`, a `div` or an `h2`), the content (`_3-95 _a6-p`) and the date (`_3-94 _a6-o`);
- since 2024: `<section class="_a6-g">` (a `div` in conversations) holding an `h2` or `div` heading
  (`_2ph_ _a6-h _a6-i`), the content (`_2ph_ _a6-p`) and a footer (`_3-94 _a6-o`) whose `_a72d` holds the date.
The page's main part is `<div class="_4t5n" role="main">` (first layout) or `_a706` (later ones).

In posts and comments the heading is Facebook's template ("Ana updated her status."), and the content is a
column of `_2pin` cells: the writer's words (lines broken by `<br>`), a shared link (an `<a>` to it), a
photo or video (its caption in a `_3-95` box beside it; the album's name beside it is no caption), and the
post's "Updated DATE" line, which is left out (the JSON form keeps it apart). In a conversation the heading
is the sender, and the content the message's words, then its photos, shares and reactions (a list), which
are left out as the JSON form's reader leaves them. Dates are printed in the export's language and in the
account's own time zone (the JSON form's are Unix times, read as UTC): they are read as printed. The
page's text is plain UTF-8: none of the JSON form's double encoding.

Which file a page is comes from its name when it has one (`message_1.html`, `comments.html`), else from its
entries: headings that are no sentence, a sender named more than once, make a conversation.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePath
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from translator.errors import InputError
from translator.models import ThreadFile
from translator.readers.common import Reading
from translator.readers.facebook import HINT, read_entries
from translator.readers.html_dates import on_24_hours, printed_date
from translator.readers.html_items import path

__all__ = ["looks_like_facebook_html", "looks_like_facebook_page", "read_facebook_html", "read_facebook_html_file"]

MARK_CHARS = 512 * 1024
"""How far into a page the export's marks are looked for: its first entry comes after a head of styles and
a small logo, well within this."""
_ENTRY = r"""class="[^"<>]{0,80}?(?:_a6-g|_2pi0 _2lej uiBoxWhite)[\s"]"""
_DATE = r"""class="[^"<>]{0,40}?(?:_a6-o|_2lem)[\s"]"""
_MAIN = r"""<(?:div|main) class="(?:_a706|_4t5n)" role="main">"""
ENTRY_MARK, DATE_MARK, MAIN_MARK = (re.compile(mark) for mark in (_ENTRY, _DATE, _MAIN))
ENTRY_MARK_BYTES, DATE_MARK_BYTES, MAIN_MARK_BYTES = (re.compile(mark.encode()) for mark in (_ENTRY, _DATE, _MAIN))

_BOX = "(has-class('_a6-g') or (has-class('_2lej') and has-class('uiBoxWhite')))"
ENTRIES = path(f"//*[{_BOX}][not(ancestor::*[{_BOX}])]")
"""The export's boxes, the outermost only (Instagram nests boxes in its entries)."""
HEADING = path(".//*[has-class('_a6-h') or has-class('_2lel')]")
CONTENT = path(".//*[has-class('_a6-p') or has-class('_2let')]")
STAMP = path(".//*[has-class('_a72d')]")
DATE_BOX = path(".//*[has-class('_a6-o') or has-class('_2lem')]")
CELLS = path(".//*[has-class('_2pin')][not(ancestor::*[has-class('_2pin')])]")
MEDIA = path(".//img | .//video | .//audio | .//*[has-class('_a7nf')]")
CAPTIONS = path(".//*[@class='_3-95']")
PAGE_TITLE = path("/html/head/title | //header//h1 | //*[has-class('_a70e') or has-class('_3b0d')]")
LANGUAGE = path("/html/@lang")

MESSAGE_FILE = re.compile(r"^message_\d+\.html?$", re.IGNORECASE)
POST_FILE = re.compile(r"post", re.IGNORECASE)
COMMENT_FILE = re.compile(r"comment", re.IGNORECASE)
COMMENT_TITLE = re.compile(r"comment|coment|komm?ent|коммент|yorum", re.IGNORECASE)
"""A page titled for comments ("Comments", "Comentarios", "Kommentare", "Komentarze", "Комментарии")."""
SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
UPDATED_LINE = re.compile(r"^(?P<label>[^\W\d][^\d]{0,30}?)\s+(?P<date>[^\W\d]*\s?\d.{6,50})$")
"""A post's "Updated Jan 05, 2021 4:12:33 pm" ("Cập nhật ...", "Mis à jour ..."): a label of words, a date."""
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
CLOCK = re.compile(r"(?<!\d)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?!\d)")
ENGLISH_STAMP = re.compile(
    r"^(?P<month>[A-Z][a-z]{2}) (?P<day>\d{1,2}), (?P<year>\d{4}),? (?P<hour>\d{1,2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))? ?(?P<half>[AaPp][Mm])$"
)
"""The export's dates in English ("Jan 05, 2021 4:12:33 pm", "Jan 5, 2021, 4:12 PM"), read without dateparser:
a conversation has thousands of them."""
MONTHS = {name: number for number, name in enumerate(calendar.month_abbr) if name}
PARTICLES = frozenset({"al", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du", "el", "la",
                       "le", "ten", "ter", "van", "von", "y"})  # fmt: skip
"""Lower-case words inside people's names ("Luis de la Vega"): the name goes on after them."""
SKIPPED_TAGS = frozenset({"img", "video", "audio", "ul", "ol", "script", "style", "svg", "picture"})
"""Media, and the lists of reactions under a message: no words of the writer's."""
BLOCK_TAGS = frozenset({"div", "p", "section", "article", "header", "footer", "main", "table", "tr", "td", "li",
                        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})  # fmt: skip


def looks_like_facebook_page(data: bytes) -> bool:
    """Whether a web page's bytes are a page of Facebook's export: its main part, or its entries' boxes and
    dates, by their class names (a page that only mentions Facebook has neither)."""
    head = data[:MARK_CHARS]
    return MAIN_MARK_BYTES.search(head) is not None or (
        ENTRY_MARK_BYTES.search(head) is not None and DATE_MARK_BYTES.search(head) is not None
    )


def looks_like_facebook_html(text: str) -> bool:
    """Whether a decoded web page is a page of Facebook's export (see `looks_like_facebook_page`)."""
    head = text[:MARK_CHARS]
    return MAIN_MARK.search(head) is not None or (
        ENTRY_MARK.search(head) is not None and DATE_MARK.search(head) is not None
    )


def read_facebook_html_file(data: bytes, name: str) -> ThreadFile:
    """Read a page of the export from its bytes, decoded by its declared charset (UTF-8)."""
    from translator.readers.html_bytes import decode_page

    text, encoding, warnings = decode_page(data, name)
    try:
        reading = read_facebook_html(text, name)
    except InputError as error:
        raise InputError(f"{name}: {error.message}", error.hint) from None
    return ThreadFile(threads=reading.threads, encoding=encoding, warnings=(*warnings, *reading.warnings))


def read_facebook_html(text: str, name: str = "this file") -> Reading:
    """The threads of a page of the export (its file `name` tells which file it is, where it can): those
    its JSON form gives; InputError for a page that holds no entry of the export."""
    from translator.readers.html import parse_page

    tree = parse_page(text, name)
    boxes = [box for box in ENTRIES(tree) if isinstance(box, HtmlElement)]
    if not boxes:
        raise InputError("this web page holds no entry of Facebook's export (no post, comment or message)", HINT)
    lang = next((str(value).split("-")[0].lower() for value in LANGUAGE(tree)), None)
    entries = [_entry(box, lang) for box in boxes]
    title = next((text for element in PAGE_TITLE(tree) if (text := _line(element))), "")
    kind = _kind(PurePath(name).name, title, [entry.heading for entry in entries])
    if kind == "messages":
        return read_entries(kind, [entry.message() for entry in entries], title)
    if kind == "comments":
        writer = _writer([entry.heading for entry in entries])
        return read_entries(kind, [entry.comment(writer) for entry in entries])
    return read_entries(kind, [entry.post() for entry in entries])


class _Entry:
    """One box of the export as read from its page, handed on in the JSON form's shape."""

    def __init__(self, heading: str, content: HtmlElement | None, stamp: int | None) -> None:
        self.heading = heading
        self.content = content
        self.stamp = stamp

    def post(self) -> dict[str, Any]:
        texts, links, captions = _cells(self.content)
        attachments = [{"external_context": {"url": link}} for link in links]
        attachments += [{"media": {"description": caption}} for caption in captions]
        return {
            "timestamp": self.stamp,
            "title": self.heading,
            "data": [{"post": text} for text in texts],
            "attachments": [{"data": attachments}],
        }

    def comment(self, writer: str | None) -> dict[str, Any]:
        texts, links, _ = _cells(self.content)
        said = {"timestamp": self.stamp, "comment": "\n\n".join(texts), "author": writer}
        return {
            "timestamp": self.stamp,
            "title": self.heading,
            "data": [{"comment": said}],
            "attachments": [{"data": [{"external_context": {"url": link}} for link in links]}],
        }

    def message(self) -> dict[str, Any]:
        text = _text(self.content, shares=False) if self.content is not None else ""
        stamp = None if self.stamp is None else self.stamp * 1000
        return {"sender_name": self.heading, "timestamp_ms": stamp, "content": text}


def _entry(box: HtmlElement, lang: str | None) -> _Entry:
    heading = next((text for element in HEADING(box) if (text := _line(element))), "")
    content = next(iter(CONTENT(box)), None)
    # An element without children is false: `or` would pass over a found one.
    stamp_box = next(iter(STAMP(box)), None)
    stamp_box = next(iter(DATE_BOX(box)), None) if stamp_box is None else stamp_box
    moment = _date(_line(stamp_box), lang) if stamp_box is not None else None
    return _Entry(heading, content, None if moment is None else calendar.timegm(moment.timetuple()))


def _kind(file_name: str, title: str, headings: list[str]) -> str:
    """Which file of the export a page is: `messages`, `comments` or `posts` (a group's posts alike)."""
    if MESSAGE_FILE.match(file_name):
        return "messages"
    if POST_FILE.search(file_name):  # group_posts_and_comments.html lists a group's posts
        return "posts"
    if COMMENT_FILE.search(file_name):
        return "comments"
    named = [heading for heading in headings if heading]
    if named and not any(SENTENCE_END.search(heading) for heading in named) and len(set(named)) < len(named):
        return "messages"
    return "comments" if COMMENT_TITLE.search(title) else "posts"


def _writer(titles: list[str]) -> str | None:
    """The comments' writer, as the export's template titles name them first ("Ana Gómez commented on Luis's
    post.", "Ana Gómez a commenté..."): the words before the first that starts in lower case (a name's "de",
    "van" aside), the same in every title; None where the titles' script has no case or they disagree (the
    JSON form says it in each comment; the page does not)."""
    names = {_named_first(title) for title in titles if title}
    return names.pop() if len(names) == 1 else None


def _named_first(title: str) -> str | None:
    words = title.split()
    for end, word in enumerate(words):
        if word[:1].islower() and word not in PARTICLES:
            name = words[:end]
            while name and name[-1] in PARTICLES:
                name.pop()
            return " ".join(name) if name and name[0][:1].isupper() else None
    return None


def _date(text: str, lang: str | None) -> datetime | None:
    """An entry's date as the export prints it, to the second where it prints seconds."""
    if match := ENGLISH_STAMP.match(text):
        month = MONTHS.get(match["month"])
        hour = on_24_hours(int(match["hour"]), match["half"])
        try:
            return datetime(int(match["year"]), month or 0, int(match["day"]), hour, int(match["minute"]),
                            int(match["second"] or 0))  # fmt: skip
        except ValueError:
            return None
    clock = CLOCK.search(text)
    if clock is None:
        return printed_date(text, lang)
    # Read once an hour: the words of the date are dateparser's, the minutes and seconds are plain numbers.
    found = printed_date(f"{text[: clock.start()]}{clock['hour']}:00{text[clock.end() :]}", lang)
    if found is None:
        return None
    return found.replace(minute=int(clock["minute"]), second=int(clock["second"] or 0))


def _cells(content: HtmlElement | None) -> tuple[list[str], list[str], list[str]]:
    """What a post's or comment's content holds: its texts, the links it shares, its media's captions. The
    post's "Updated DATE" line, media files and the album names beside them are left out."""
    if content is None:
        return [], [], []
    texts: list[str] = []
    links: list[str] = []
    captions: list[str] = []
    for cell in CELLS(content) or [content]:
        if MEDIA(cell):
            captions += [caption for element in CAPTIONS(cell) if (caption := _text(element))]
            continue
        shared = [link for link in _links(cell) if link not in links]
        text = _text(cell)
        if shared and not _text(cell, shares=False):
            links += shared
        elif text and not _updated_line(text):
            texts.append(text)
    return texts, links, captions


def _links(cell: HtmlElement) -> list[str]:
    """The web addresses a cell links to (not the export's own `facebook.com/dyi` links, not its files)."""
    found = []
    for anchor in cell.iter("a"):
        href = (anchor.get("href") or "").strip()
        if re.match(r"https?://", href, re.IGNORECASE) and "facebook.com/dyi/" not in href and href not in found:
            found.append(href)
    return found


def _updated_line(text: str) -> bool:
    """Whether a cell is the line Facebook adds under an edited post: a label and a date ("Updated Jan 05,
    2021 4:12:33 pm"), not the writer's words."""
    match = UPDATED_LINE.match(text)
    if match is None or "\n" in text or len(match["label"].split()) > 4:
        return False
    date = match["date"]
    return YEAR.search(date) is not None and CLOCK.search(date) is not None and _date(date, None) is not None


def _line(element: HtmlElement) -> str:
    """An element's text on one line (a heading, a name, a date)."""
    return " ".join(_text(element).split())


def _text(element: HtmlElement, *, shares: bool = True) -> str:
    """An element's words as plain text: a `<br>` or a block's edge breaks the line, other white space is one
    space; media and reaction lists are left out, and without `shares` so is a link that fills its box alone
    (a message's shared link, a post's link cell). Nothing in it is read as markup."""
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if not isinstance(node.tag, str):  # an HTML comment
            if event == "start" and node is not element:
                parts.append(_spaced(node.tail))
            continue
        tag = node.tag.lower()
        if event == "start":
            if node is not element and (tag in SKIPPED_TAGS or (not shares and _lone_link(node))):
                parts.append(_spaced(node.tail))
                walker.skip_subtree()
                continue
            parts.append("\n" if tag == "br" or tag in BLOCK_TAGS else "")
            parts.append(_spaced(node.text))
        else:
            parts.append("\n" if tag in BLOCK_TAGS else "")
            if node is not element:
                parts.append(_spaced(node.tail))
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(_trimmed(lines))


def _trimmed(lines: list[str]) -> Iterator[str]:
    """Lines without the blank ones at either end, and one blank line for a run of them (a paragraph break)."""
    blank = False
    started = False
    for line in lines:
        if not line:
            blank = started
            continue
        if blank:
            yield ""
        blank, started = False, True
        yield line


def _lone_link(node: HtmlElement) -> bool:
    """Whether an element is a link that is all its box holds (a share, a media file), not a link in words."""
    if node.tag != "a":
        return False
    parent = node.getparent()
    if parent is None:
        return True
    others = [child for child in parent if child is not node and isinstance(child.tag, str)]
    said = (parent.text or "").strip() or (node.tail or "").strip()
    return not others and not said


def _spaced(text: str | None) -> str:
    return re.sub(r"\s+", " ", text) if text else ""
