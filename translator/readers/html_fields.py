"""What one comment on a web page is made of, and how its author, date, votes and text are found.

Every way of finding comments (schema.org data, an engine's markup, the generic detector) produces
`RawComment`s. The finders here look inside one comment element: first where the engine says a field
is, then where pages usually put it (an `itemprop`, a class naming it, a `time` element, a profile
link), always outside the comment's text and outside its replies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from translator.models import Votes
from translator.readers.common import BlockSpec, net_votes, printed_count
from translator.readers.html_dates import (
    COMMENT_NUMBER,
    DATE_HINT,
    MAX_DATE_CHARS,
    ShownDate,
    could_be_date,
    is_relative_date,
    local_time,
    machine_date,
    printed_date,
    without_date_lead,
)
from translator.readers.html_text import (
    HIDDEN_STYLE,
    class_heads,
    class_tokens,
    class_words,
    descendants,
    is_form_to_fill,
    is_skipped,
    name_from_label,
    visible_text,
)


@dataclass(frozen=True, slots=True)
class RawComment:
    """A comment as found on the page, before it gets its place in the thread."""

    key: str
    """Unique within the page (the element's id, or its position); replies point at it."""
    parent_key: str | None
    """Key of the comment this one replies to; None for a top-level comment."""
    author: str | None
    """Display name of the writer, when the page shows it."""
    date: datetime | None
    """When it was written, to the minute, when the page shows it."""
    blocks: tuple[BlockSpec, ...]
    """The text, one block per paragraph (empty for image-only or deleted comments)."""
    votes: Votes | None = None
    """Votes, when the page shows them (a single score counts as votes for or against)."""
    url: str | None = None
    """Permalink, when the page gives one."""
    role: str | None = None
    """The writer's rank on the site (`Deal Guru`), when shown."""
    deleted: bool = False
    """The page says the comment was deleted or removed."""
    relative_date: str | None = None
    """The date as printed, when it is relative to when the page was shown ("vor 8 Stunden", "yesterday")
    and `date` is therefore empty until the page's time is known."""


@dataclass(frozen=True, slots=True)
class FoundComments:
    """The comments of a page, and what else finding them taught us."""

    comments: tuple[RawComment, ...]
    """In page order."""
    source: str
    """How they were found: `json-ld`, `microdata`, an engine's name, or `generic`."""
    article: RawComment | None = None
    """A forum thread's opening post, which is the article rather than a comment."""
    elements: tuple[HtmlElement, ...] = ()
    """The elements that hold them, removed from the page before its article is extracted."""
    expected: int | None = None
    """How many comments the page says the discussion has, when it says (some may load by script)."""
    uncounted: int = 0
    """How many of those the page draws and the reader leaves out on purpose (pingbacks)."""


AUTHOR_CLASSES = (
    "fn", "p-name", "comment-author", "comment__author", "comment-author-name", "author-name", "username",
    "user-name", "user__nick", "nickname", "nick", "author", "commenter", "poster", "postauthor", "hnuser",
    "user", "name", "autor", "auteur", "autore", "avtor", "benutzer", "nutzer", "verfasser", "usuario", "utilisateur",
    "byline",
)  # fmt: skip
AUTHOR_WORDS = frozenset(
    {"author", "username", "nick", "nickname", "commenter", "poster", "user", "name", "fn", "autor", "auteur", "autore",
     "avtor", "benutzer", "nutzer", "verfasser", "usuario", "utilisateur", "signer", "reviewer"}
)  # fmt: skip
"""Class words naming the writer, also in the languages whose themes name it in their own (`span.autor`)."""
SAYS_WORDS = (
    "says", "said", "sagt", "schreibt", "dit", "dice", "disse", "zegt", "говорит", "pisze", "skriver", "siger", "diz",
)  # fmt: skip
"""What comment templates print after the writer's name (WordPress's `NAME says:`, its themes' `said`,
`schreibt`), in the languages themes are translated into."""
SAYS_LABEL = re.compile(rf"^\s*(?:{'|'.join((*SAYS_WORDS, 'wrote', 'writes', 'schrieb'))})\s*[:,]", re.IGNORECASE)
"""The label after a writer's name, as the text right after it starts (`sagt:`, `said, on ...`, `wrote:` in a
header row; a dump's `NAME wrote:` is a quote's header, so its readers keep to SAYS_WORDS)."""
NOT_AUTHOR_WORDS = frozenset({"avatar", "photo", "says", "date", "time", "link", "url", "rank", "title", "count"})
SUBJECT_WORDS = frozenset({"title", "titre", "titel", "titulo", "titolo", "tytul", "subject", "betreff", "sujet"})
NEVER_FIELDS = frozenset({"script", "style", "noscript", "template", "svg", "textarea", "select", "option"})
NUMERIC_TOKEN = re.compile(r"[\d.:/,\-]+")
SIGNING_VERB = (
    r"(?:comment(?:ed)?|posted|written|submitted|kommentar|kommentiert|geschrieben|verfasst|commentaire"
    r"|publié|écrit|soumis|posté|envoyé|gepostet|comentario|publicado|escrito|scritto|inviato|pubblicato|napisany|dodany)"
)
BY_PREFIX = re.compile(rf"^(?:{SIGNING_VERB}\s+)?(?:by|von|par|por|от|przez|di)\s*:?\s+", re.IGNORECASE)
SIGNED_BY = re.compile(rf"^{SIGNING_VERB}\s+(?:by|von|par|por|от|przez|di)\s*:?\s+", re.IGNORECASE)
"""A byline's start with its verb (`Posted by:`), which a sentence of a comment does not start with as it may with
a bare "By" ("By the way, ...", "Par exemple, ...")."""
REPLIED = re.compile(
    r"\s+(?:a répondu|replied|antwortete|hat geantwortet|respondió|ha risposto|respondeu|ответил\w*|odpowiedzia\w*)$",
    re.IGNORECASE,
)
"""What a reply's header says after the writer's name, its date cut away (`NAME a répondu le DATE`)."""
PROFILE_LINK = re.compile(
    r"/(?:user|users|u|profile|profiles|member|members|people|author|by|contributor|contributors)/|/profile\.\d|/@"
    r"|/~[\w.-]+/?$"
    r"|[?&](?:u|uid|user|userid|user_id|id)="
)
"""A link to a writer's page: `/user/NAME`, `/@NAME`, `/~NAME` (Launchpad, home pages), `?u=12`, Squarespace's
`/contributor/12`."""
DATE_ATTRIBUTES = (
    "datetime", "content", "data-time", "data-timestamp", "data-utime", "data-date", "data-created", "timestamp",
    "data-ts",
)  # fmt: skip
"""Attributes a date's element holds it in, machine-readable (Cackle's `timestamp`: milliseconds since 1970;
Menéame's `data-ts`: seconds)."""
DATE_ITEMPROPS = frozenset({"datecreated", "datepublished", "commenttime", "datemodified"})
DATE_WORDS = frozenset(
    {"date", "time", "datetime", "timestamp", "posted", "published", "created", "age", "submitted", "datum", "zeit",
     "fecha", "heure", "dateline"}
)  # fmt: skip
"""Class words naming when a thing was written, also in German, Spanish and French (`div.datum`)."""
LINE_DATE_CLASSES = frozenset({"data"})
"""Classes naming a date only as the whole class of a line of its own (Italian's and Portuguese's `span.data`): a
box of a comment's or its writer's data (`comment-data`, `author_data`) is named so too."""
MAX_LINE_DATE_CHARS = 40
"""The most a line named `data` holds to be a date's: a box of data holds more."""


def named_for_date(element: HtmlElement) -> bool:
    """Whether an element's class names it a date (`span.date`, `div.datum`; `span.data` when its text is a line's)."""
    if not DATE_WORDS.isdisjoint(class_heads(element)):
        return True
    classes = class_tokens(element)
    return not LINE_DATE_CLASSES.isdisjoint(classes) and len(element.text_content().strip()) <= MAX_LINE_DATE_CHARS


BODY_CLASSES = (
    "comment-content", "comment-text", "comment-body", "comment__content", "comment__message", "comment_text",
    "commententry", "comment-entry", "post-message", "message-body", "messagetext", "post_content", "postbody",
    "post-body", "commtext", "usertext-body", "bbwrapper", "content", "text", "message", "body", "entry", "msg",
)  # fmt: skip
BODY_WORDS = frozenset({"content", "text", "body", "message", "entry", "commtext", "md", "bbwrapper"})
NOT_BODY_WORDS = frozenset(
    {"meta", "header", "head", "footer", "author", "info", "avatar", "date", "time", "tools", "actions", "user",
     "username", "nickname", "byline", "timestamp", "datetime", "interact", "usuario", "utilisateur", "benutzer",
     "autor", "auteur", "fecha", "datum"}
)  # fmt: skip
"""Class words of a comment's parts that are no text: its header, its writer (also in Spanish, French,
German), its date, its row of actions."""
ACTION_WORDS = frozenset({"tools", "actions", "interact"})
"""Class words of a comment's row of actions ("Reply", "Quote", "Rate": `p` elements there are buttons)."""
PROFILE_WORDS = frozenset({"user", "username", "author", "profile", "postprofile", "userinfo", "poster", "member"})
PROFILE_DEPTH = 4
USER_CONTROLS = frozenset({"control", "controls", "actions", "buttons", "toolbar", "tools"})
"""Words of a box of the buttons a reader uses on a comment (Komento's `kmt-control-user`: its like count), which is
no writer's profile box."""
VOTE_WORDS = frozenset(
    {"score", "rating", "points", "votes", "vote", "voting", "likes", "karma", "counter", "ratingtypeplusminus",
     "recommend", "recommends", "recommendations"}
)  # fmt: skip
"""Class words of a comment's score (DataLife Engine's `ratingtypeplusminus`, in one word; the readers'
recommendations a newspaper counts: ZEIT ONLINE's `js-comment-recommendations`, The Guardian's
`d-comment__recommend-count`)."""
UP_DOWN = re.compile(r"↑\s*(\d+)\D+↓\s*(\d+)|(?<!\d)(\d++)\s*\D{2,20}?,\s*(\d++)\s*\D{2,20}$")


def is_signed_line(text: str) -> bool:
    """Whether text starts as a byline with its verb (`Posted by: NAME`), its comment's number before it aside
    (`Comment #1 - Posted by: NAME at DATE`: Movable Type)."""
    return SIGNED_BY.match(COMMENT_NUMBER.sub("", text.lstrip())) is not None


def outside(element: HtmlElement, excluded: Sequence[HtmlElement]) -> bool:
    """Whether an element is outside every excluded subtree (a comment's text, its replies)."""
    if not excluded:
        return True
    ancestors = set(element.iterancestors())
    return not any(element is root or root in ancestors for root in excluded)


def candidates(item: HtmlElement, excluded: Sequence[HtmlElement]) -> list[HtmlElement]:
    """The elements of an item outside its text and replies, in document order (scripts and forms left out)."""

    def passed(node: HtmlElement) -> bool:
        return (
            node.tag in NEVER_FIELDS
            or any(node is root for root in excluded)
            or (node.tag == "form" and is_form_to_fill(node))
        )

    return list(descendants(item, passed))


MAX_DATE_LEAD = 12
FIRST_DIGIT = re.compile(r"(?<!\w)\d")
NAME_THEN_DATE = re.compile(r"^(?P<name>.+?)\s+[|•·—–]\s+(?P<rest>.+)$")


def _starts_as_date(text: str) -> bool:
    """Whether text reads as a date from its start ("Di, 21. April 2020", "3 de mayo"), not as more of a name
    ("datenschmutz.net 20. Juni 2018": the site in a display name, then the date)."""
    lead = re.split(r"\d", text, maxsplit=1)[0]
    if not could_be_date(text):
        return False
    # A long lead is a date's only where all of it is a date's words ("Thursday, November 08, 2012": TypePad).
    return (len(lead) <= MAX_DATE_LEAD and "." not in lead) or without_date_lead(lead)[0] is None


WORD_DATE_TAIL = re.compile(
    r"(?:^|[\s,|•·—–-]+)(?P<date>(?:yesterday|today|just now|gestern|heute|vorgestern|hier|aujourd'hui|ayer|hoy"
    r"|ieri|oggi|wczoraj|dzisiaj|вчера|сегодня|позавчера|только что)(?:,?\s+\S+\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?"
    r"|(?:\d+|an?|one)\s+\w+\s+ago|(?:vor|il y a|hace|há)\s+(?:\d+|einer?|einem|une?|un[ao]?)\s+\w+"
    r"|\d+\s+\w+\s+(?:назад|temu|fa|geleden))\W*$",
    re.IGNORECASE,
)
"""A date in words after a name ("Anna 3 days ago", "Jörg · vor 2 Stunden", "Анна вчера"), where the page
prints the name and the time in one element."""
MAX_WORD_DATE_TAIL = 80
"""A date in words after a name, with the separators before it, is no longer than this."""


def clean_author(text: str) -> str | None:
    """A display name from the text around it: "Andrew пишет:", "by Anna", "Heidi Heim | 21. April 2020",
    "Anna · 3 days ago"; None for dates and empty text."""
    text = " ".join(text.split())  # single spaces: the patterns below would try each space of a long run
    # The tail is searched for in the text's end only: its separators' run, tried from each of its characters,
    # made a long run of them cost its length squared.
    window = max(len(text) - MAX_WORD_DATE_TAIL, 0)
    if (tail := WORD_DATE_TAIL.search(text, window)) and is_relative_date(tail["date"], None):
        if tail.start() == 0:
            return None  # a date, no name
        text = text[: tail.start()]
    parts = NAME_THEN_DATE.match(text)
    if parts and _starts_as_date(parts["rest"]) and not could_be_date(parts["name"]):
        text = parts["name"]
    elif (
        (not parts or could_be_date(parts["name"]))  # "NAME, 27 Sep 2011 | 15:22": the separator is the date's
        and (digit := FIRST_DIGIT.search(text))
        and (head := text[: digit.start()].strip())
        and not could_be_date(head)
    ):
        rest = text[digit.start() :]
        # "Björn 20.07.2015 // 13:37": the name, then the date without a separator; the date's first words go
        # with it ("Muriel - Le 22/01/2020", "Anna Apr 19, 2012").
        name, lead = without_date_lead(head)
        # A date printed without its year ("On Friday, November 2 at 12:14 pm") is read against the page's time.
        if _starts_as_date(rest) and (
            printed_date(rest, None) is not None
            or (lead and printed_date(f"{lead} {rest}", None) is not None)
            or (lead and is_relative_date(f"{lead} {rest}", None))
        ):
            if lead and name is None:
                return None  # "June 3, 2019": a date, no name
            text = name or head
    elif not FIRST_DIGIT.search(text) and (name := without_date_lead(text, connected=True)[0]):
        text = name  # "NAME am Samstag": its date cut away at a comma
    name = name_from_label(REPLIED.sub("", BY_PREFIX.sub("", text)))
    if name is None or (could_be_date(name) and any(NUMERIC_TOKEN.fullmatch(token) for token in name.split())):
        return None  # "12 March 2020" is a date; "mike_1985" is a name
    if PROFILE_LABEL.fullmatch(name):
        return None  # the link to the writer's profile beside their name, not it
    return _without_writer_tail(name)


PROFILE_LABEL = re.compile(
    r"(?:view\s+)?profile|profil(?:\s+anzeigen)?|voir\s+le\s+profil|ver\s+perfil|vedi\s+profilo", re.IGNORECASE
)
"""A link to the writer's profile that a template draws where a name goes ("Profile": Uproxx's)."""
WRITER_TAIL = re.compile(
    r"(?<=\S)\s+(?:(?-i:writes|wrote|schreibt|écrit|escribe)|via\s+(?:Facebook|Twitter|Google\+?|LinkedIn|Yahoo"
    r"|OpenID|Disqus|WordPress(?:\.com)?))$",
    re.IGNORECASE,
)
"""What a template prints after the writer's name: its verb without a colon, in lower case ("NAME writes", where
a name of two words at least stands before it: "Simon Says" and "Mary Ann Writes" are names), or the service
they signed in with ("NAME via Facebook")."""


def _without_writer_tail(name: str) -> str:
    if (tail := WRITER_TAIL.search(name)) is None:
        return name
    kept = name[: tail.start()]
    return kept if tail[0].split()[0].lower() == "via" or len(kept.split()) >= 2 else name


def _holds_lines(element: HtmlElement) -> bool:
    """Whether an element holds lines of its own (a `div` or `p` child with text) beside its inline parts."""
    return any(visible_text(child) for child in element.iterchildren("div", "p", "ul"))


BADGE_WORDS = frozenset({"badge", "badges", "flair", "rank", "role", "usertitle", "pill", "tag", "label", "status"})
"""Class words of what a page prints beside a writer's name about them ("Moderator", "Top contributor")."""


def _is_beside_name(element: HtmlElement) -> bool:
    """A badge or the date inside the element that names a writer: no part of the name."""
    if not isinstance(element.tag, str):
        return False
    heads = class_heads(element)
    return element.tag == "time" or not (BADGE_WORDS.isdisjoint(heads) and DATE_WORDS.isdisjoint(heads))


def _name_text(element: HtmlElement) -> str:
    """The text of an element that names a writer, without the badges and the date it also shows."""
    if not any(_is_beside_name(inner) for inner in element.iterdescendants()):
        return visible_text(element)
    copy = deepcopy(element)
    for inner in [inner for inner in copy.iterdescendants() if _is_beside_name(inner)]:
        if inner.getparent() is not None:
            inner.drop_tree()  # its tail, text of the element, stays
    return visible_text(copy)


# `descendant::`, not `.//`: see `html_items.descendant_steps`.
NAME_PARTS = etree.XPath(
    "descendant::*[@itemprop='name' or contains(concat(' ', @class, ' '), ' fn ')"
    " or contains(@class, 'author-name') or contains(@class, 'author__name')]"
)
"""Where an author element marks the name in it, apart from its badges (AnyComment's `…__author-name` beside
`…__author-owner`; compiled once: these run for every comment)."""
REPLY_LINKS = etree.XPath("descendant::a[@aria-label and contains(@class, 'reply')]")
REPLY_LABEL = re.compile(
    r"^(?:reply to|responder a|répondre à|rispondi a|antworten auf|auf .{1,60} antworten|odpowiedz|responder para"
    r"|responder|antwoord aan|ответить)\s+(?P<name>\S.{0,60})$",
    re.IGNORECASE,
)
"""A reply link's label in WordPress's languages (`Reply to %s`): the name is all of what follows."""


def name_in(element: HtmlElement) -> str | None:
    """The name an author element shows: its own text when short (without the badges and date beside the name),
    else its first name-like child."""
    named = NAME_PARTS(element)
    if named:
        return clean_author(named[0].get("content") or _name_text(named[0]))
    if _holds_lines(element):  # the name, then its own lines ("349 Fans", a bio): the name is the line's link
        for child in element.iterchildren("a", "strong", "b", "cite"):
            if not is_skipped(child) and (name := clean_author(visible_text(child))):
                return name
    if (name := clean_author(_name_text(element))) is not None:
        return name
    for child in element.iterdescendants("a", "strong", "b", "cite", "span"):
        if not is_skipped(child) and (name := clean_author(visible_text(child))):
            return name
    return None


MAX_ROW_NAME_CHARS = 60
"""The longest name a header row prints before its date ("Karen Whitcome (in warm and rainy Towson, Md)")."""


def name_and_date(text: str) -> tuple[str, str] | None:
    """The name a header row printed as one piece of text starts with, and the date's text after it ("Georg N. am
    10.4.2020", "Muriel - Le 22/01/2020 à 12:01"); None where the text is no name then a date."""
    text = " ".join(text.split())
    # Cheap checks first: the date parser, in clean_author, last.
    if len(text) > MAX_DATE_CHARS + MAX_ROW_NAME_CHARS or not DATE_HINT.search(text):
        return None
    name = clean_author(text)
    # The name may follow its label ("Bewertung von NAME"); the date must follow it.
    if name is None or name == text or (at := text.find(name)) < 0:
        return None
    rest = text[at + len(name) :]
    return (name, rest) if could_be_date(rest) else None


def name_before_date(text: str) -> str | None:
    """The name of a header row printed as one piece of text, a date after it (`name_and_date`)."""
    found = name_and_date(text)
    return found[0] if found is not None else None


DATE_THEN_NAME = re.compile(r"^(?P<date>\S.{4,60}?)\s+[|·•–—]\s+(?P<name>[^\d|·•]{1,50})$")
"""A header row printed date first, then the writer after a separator (`February 8, 2014 at 18:22 | NAME`:
Squarespace 5); not after "by", which a sentence may have there ("March 3, 2020 by the river ...")."""


def name_after_date(text: str) -> tuple[str, datetime] | None:
    """The writer and the date of a header row that prints the date first (`DATE | NAME`); None for another
    text."""
    text = " ".join(text.split())
    if not could_be_date(text) or (found := DATE_THEN_NAME.match(text)) is None:
        return None
    name = clean_author(found["name"])
    if not name or could_be_date(name) or (date := printed_date(found["date"], None)) is None:
        return None
    return name, date


def find_author(elements: list[HtmlElement]) -> str | None:
    """The writer's name among a comment's header elements (itemprop, class, profile link, cite)."""
    for element in elements:
        if element.get("itemprop") == "author" and (name := name_in(element)):
            return name
    for wanted in AUTHOR_CLASSES:
        for element in elements:
            words = class_tokens(element) if "-" in wanted or "_" in wanted else class_heads(element)
            if wanted in words and NOT_AUTHOR_WORDS.isdisjoint(class_heads(element)) and (name := name_in(element)):
                return name
    for element in elements:
        profile = PROFILE_LINK.search(element.get("href", "")) or "author" in element.get("rel", "")
        if element.tag == "a" and profile and (name := clean_author(visible_text(element))):
            return name
    for element in elements:
        if (
            element.tag in NAME_BEFORE_DATE_TAGS
            and before_date(element)
            and (name := clean_author(visible_text(element)))
        ):
            return name  # `<span class=MetaOTBold>NAME</span> <span class=comment-date>`
    for element in elements:
        if by_line_over_date(element) and (name := clean_author(visible_text(element))):
            return name  # `<p>By NAME</p><p>DATE</p>`
    for element in elements:  # `<p class="date">Posted by: NAME, DATE</p>`, before any subject line in bold
        dated = not DATE_WORDS.isdisjoint(class_heads(element))  # or a footer saying so: Movable Type, TypePad
        if (dated or is_signed_line(element.text or "")) and (name := byline_name(visible_text(element))):
            return name
    for tag in ("cite", "strong", "b", "h3", "h4", "h5", "h6"):
        for element in elements:
            if element.tag != tag or not SUBJECT_WORDS.isdisjoint(class_heads(element)):
                continue  # a comment's subject line (SPIP's `forum-titre`) is no name
            for inner in element.iterdescendants("a", "strong", "b") if tag == "cite" else ():
                if name := clean_author(visible_text(inner)):
                    return name  # `cite > a > strong`, then the date beside it in the same cite
            if name := clean_author(visible_text(element)):
                return name
    for element in elements:  # `<small>NAME am DATE</small>`: a small print is a name only with a date after it
        if element.tag == "small" and (name := name_before_date(visible_text(element))):
            return name
    for element in elements:  # `<div class="signature">DATE | NAME</div>`
        if not len(element) and (pair := name_after_date(element.text or "")):
            return pair[0]
    for element in elements:  # `<p class="cm-meta">NAME — <a class="comment-meta-time">DATE</a></p>`
        if (element.text or "").strip() and (name := name_before_date(visible_text(element))):
            return name
    return None


def _byline_date(text: str) -> str:
    """A date's line without the byline before the date (`Posted by: NAME, 27 Sep 2011`: `27 Sep 2011`)."""
    if (name := byline_name(text)) is None:
        return text
    unlabelled = BY_PREFIX.sub("", COMMENT_NUMBER.sub("", " ".join(text.split())), count=1)
    return unlabelled[len(name) :].lstrip(" ,-–|")


def byline_name(text: str) -> str | None:
    """The name in a date's line that is a byline, `Posted by: NAME, DATE` (its label first, the date after the
    name, the comment's number before it aside); None for another line."""
    text = COMMENT_NUMBER.sub("", " ".join(text.split()))
    if not BY_PREFIX.match(text):
        return None
    return name_before_date(BY_PREFIX.sub("", text, count=1))


NAME_BEFORE_DATE_TAGS = frozenset({"span", "strong", "b", "a"})
BY_LINE = re.compile(BY_PREFIX.pattern + r"[^\W\d_][^\d|·•:;!?]{0,49}$", re.IGNORECASE)
"""A line that is only a byline (`By DUMAS`), no date in it."""
MAX_STAMP_CHARS = 60
"""The most a date's line under a byline holds, before its links' labels."""


def by_line_over_date(element: HtmlElement) -> bool:
    """Whether an element is a byline of its own over a date's line (`<p>By DUMAS</p><p>Dec 30, 2007 7:06 PM |
    <a>Link to this</a></p>`): a comment's header printed as two lines."""
    after = element.getnext()
    if len(element) or after is None or not isinstance(after.tag, str) or (element.tail or "").strip():
        return False
    stamp = " ".join((after.text or "").split()).rstrip(" |·•-–—")
    return (
        BY_LINE.match(" ".join((element.text or "").split())) is not None
        and len(stamp) <= MAX_STAMP_CHARS
        and could_be_date(stamp)
    )


def before_date(element: HtmlElement) -> bool:
    """Whether an element is printed right before an element named for the date, nothing between them."""
    after = element.getnext()
    return (
        after is not None and isinstance(after.tag, str) and not (element.tail or "").strip() and named_for_date(after)
    )


def reply_label_name(item: HtmlElement, author: str | None) -> str | None:
    """The name in a reply link's label ("Reply to NAME", "Répondre à NAME"): WordPress themes set it."""
    for link in REPLY_LINKS(item)[:1]:
        label = " ".join(link.get("aria-label", "").split())
        if author and label.endswith(author):
            return author
        words = label.split()
        if author:  # the author text may carry a verb after the name: keep the longest prefix the label ends with
            parts = author.split()
            for size in range(len(parts), 0, -1):
                if label.endswith(" " + " ".join(parts[:size])):
                    return " ".join(parts[:size])
        elif (labelled := REPLY_LABEL.match(label)) is not None:
            return labelled["name"]
        elif len(words) >= 3:
            return words[-1]
    return author


SIGNED_LINE = re.compile(
    rf"^(?:{SIGNING_VERB}\s+)?(?:by|von|par|por|da|di|przez)\s*:?\s+(?P<name>[^\n]{{1,60}}?)\s*"
    r"(?:—|–|-|\||,|\bam\b|\bon\b|\ble\b|\bel\b|\bil\b|\bdnia\b|\bat\b)\s*(?P<date>[^\n]*\d[^\n]*)$",
    re.IGNORECASE,
)
MAX_SIGNED_CHARS = 120


def signed_line(blocks: list[BlockSpec], lang: str | None) -> tuple[str, datetime | None, int] | None:
    """A comment's line that signs it, first, second (under a subject line) or last ("Comment by NAME —
    17.07, 2011 @ 13:04", "geschrieben von NAME am 21. Jan. 2015, 19:04"): the name, the date when it
    reads as one, and the line's position. The comment's number may come first ("Comment #1 - Posted by: NAME at
    DATE": Movable Type)."""
    for position in sorted({0, 1, len(blocks) - 1} & set(range(len(blocks)))):
        kind, text = blocks[position][0], COMMENT_NUMBER.sub("", blocks[position][1])
        if kind == "quote" or len(text) > MAX_SIGNED_CHARS or not (match := SIGNED_LINE.match(text)):
            continue
        stamp = match["date"].replace("@", " ").strip()
        if (name := clean_author(match["name"])) and could_be_date(stamp):
            return name, printed_date(stamp, lang), position
    return None


def find_date(elements: list[HtmlElement], lang: str | None) -> datetime | None:
    """When a comment was written: machine-readable attributes first, then printed dates."""
    for element in elements:
        described = f"{element.get('itemprop', '')} {element.get('property', '')}".lower()
        if element.tag == "time" or "date" in described or "created" in described:
            for attribute in ("datetime", "content", "title"):
                if (value := element.get(attribute)) and (found := machine_date(value)):
                    return with_printed_time(found, value, element, lang)
        for attribute in DATE_ATTRIBUTES[2:]:
            if (value := element.get(attribute)) and (found := machine_date(value)):
                return with_printed_time(found, value, element, lang)
    for element in elements:
        title = element.get("title", "")
        if not title or not could_be_date(title):
            continue
        if found := machine_date(title):
            return with_printed_time(found, title, element, lang)
        if found := printed_date(title, lang):
            return found
    for element in elements:
        dated = named_for_date(element) or element.tag == "time"
        dated = dated or is_signed_line(element.text or "")  # `Comment #1 - Posted by: NAME at DATE`
        if dated and (text := visible_text(element)) and (found := printed_date(_byline_date(text), lang)):
            return found
    for element in elements:
        for text in (element.text, element.tail):
            if text and could_be_date(text.strip()) and (found := printed_date(text, lang)):
                return found
    for element in elements:  # `DATE | NAME`
        if not len(element) and (pair := name_after_date(element.text or "")):
            return pair[1]
    return None


DAY_ONLY = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")


def with_printed_time(found: datetime, value: str, element: HtmlElement, lang: str | None) -> datetime:
    """A machine date as its element prints it: a day alone (`datetime="2020-12-24"`) with the time printed for
    that day ("December 24, 2020 at 3:53 am"); a time stated in UTC (`16:30Z`, a Unix time) at the wall-clock
    time printed for that moment ("4 May 2020 at 18:30"), as the article's is (`html_dates.local_time`)."""
    if not could_be_date(text := visible_text(element)):
        return found
    if not DAY_ONLY.fullmatch(value):
        return local_time(value, [ShownDate(value, text, marked=False)], lang) or found
    printed = printed_date(text, lang)
    return printed if printed is not None and printed.date() == found.date() else found


RELATIVE_DATE_WORDS = DATE_WORDS | {"ago", "timeago"}
"""Class words of an element that may print a relative date (`time-ago`, jQuery's `timeago`)."""


def find_relative_date(elements: list[HtmlElement], lang: str | None) -> str | None:
    """A date a comment's header prints relative to when the page was shown ("vor 8 Stunden", "hace 2
    días"), in a `time` element or one whose class names a date; None when there is none."""
    for element in elements:
        if element.tag == "time" or not RELATIVE_DATE_WORDS.isdisjoint(class_heads(element)):
            text = visible_text(element)
            if text and is_relative_date(text, lang):
                return text
    return None


def find_body(item: HtmlElement, excluded: Sequence[HtmlElement]) -> HtmlElement | None:
    """The element holding a comment's text: itemprop=text, else the best-ranked element a body class names."""
    best: HtmlElement | None = None
    best_rank = len(BODY_CLASSES)
    for element in descendants(item, lambda node: any(node is root for root in excluded) or is_skipped(node)):
        if not element.keys():
            continue
        if element.get("itemprop") in ("text", "commentText", "articleBody"):
            return element
        tokens, heads = class_tokens(element), class_heads(element)
        if not NOT_BODY_WORDS.isdisjoint(heads):
            continue
        for rank, wanted in enumerate(BODY_CLASSES[:best_rank]):
            if "-" in wanted or "_" in wanted:  # `comment-body` names `comment_body` too
                named = wanted in tokens or wanted.replace("-", "_") in tokens
            else:
                named = wanted in heads
            if named and visible_text(element):
                best, best_rank = element, rank
                break
    return best


HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def column_beside_header(item: HtmlElement, excluded: Sequence[HtmlElement]) -> HtmlElement | None:
    """The text's column of a comment drawn as two side by side (`div.commentsleft`: its writer, number, date and
    place; `div.commentsright`: its text): of the item's two children that show anything, the one that names no
    writer, beside the one that does, with more text than it. None for another shape."""
    holding: set[HtmlElement] = set()  # the excluded and the boxes that hold them, each walked up to once
    for root in excluded:
        node = root
        while node is not None and node is not item and node not in holding:
            holding.add(node)
            node = node.getparent()
    columns = [child for child in item if isinstance(child.tag, str) and child not in holding and visible_text(child)]
    if len(columns) != 2:
        return None
    named = [find_author(candidates(column, excluded)) is not None for column in columns]
    if named.count(True) != 1:
        return None
    header, text = (columns[0], columns[1]) if named[0] else (columns[1], columns[0])
    if any(True for _ in header.iter(*HEADING_TAGS)) or not NOT_BODY_WORDS.isdisjoint(class_heads(text)):
        return None  # the header's column holds the comment's subject line too, which the text keeps; or the other
        # column is the header's too (`comment-meta`: its number and date)
    return text if len(visible_text(text)) > len(visible_text(header)) else None


def _in_profile(element: HtmlElement) -> bool:
    """Whether an element sits in the writer's profile box (their total points are not this post's votes)."""
    for ancestor in list(element.iterancestors())[:PROFILE_DEPTH]:
        if "comment" in class_tokens(ancestor):
            return False  # the comment's own box, which may be marked as its writer's (Menéame's `comment author`)
        if not PROFILE_WORDS.isdisjoint(class_heads(ancestor)) and USER_CONTROLS.isdisjoint(class_words(ancestor)):
            return True
    return False


def _writers_count(element: HtmlElement, words: frozenset[str]) -> bool:
    """Whether a count belongs to the writer, not the post: in their profile box, named theirs by its class
    (Livefyre's `fyre-comment-user-rating`: the writer's points), or hidden (`style="display: none"`)."""
    hidden = element.get("hidden") is not None or HIDDEN_STYLE.search(element.get("style", "")) is not None
    return hidden or not PROFILE_WORDS.isdisjoint(words) or _in_profile(element)


UP_WORDS = frozenset({"up", "plus", "like", "upvote", "upvotes", "pos", "positive", "thumbsup", "good", "agree"})
DOWN_WORDS = frozenset(
    {"down", "minus", "dislike", "dislikes", "downvote", "downvotes", "neg", "negative", "thumbsdown", "poor",
     "disagree"}
)  # fmt: skip
"""Class words of a count of ups, and of downs, where a comment shows the two apart."""
COUNT_ONLY = re.compile(r"^\s*\d[\d.,\s]*\s*$")
COUNT_HOLDERS = frozenset({"button", "a", "span", "b"})
COUNT_HOLDER_LEVELS = 2


def _split_votes(elements: list[HtmlElement]) -> Votes | None:
    """The ups and downs a comment shows as two counts, each a number alone in an element whose class names which
    it is (and no count of the writer's); None unless both are there, once each."""
    ups: list[int] = []
    downs: list[int] = []
    for element in elements:
        if len(element) or not COUNT_ONLY.match(text := visible_text(element)):
            continue
        words = class_words(element)
        for node in islice(element.iterancestors(), COUNT_HOLDER_LEVELS):
            if node.tag not in COUNT_HOLDERS:
                break
            words = words | class_words(node)  # the count's button names it (`button.vf-like-button > span`)
        if _writers_count(element, words):
            continue
        up, down = not UP_WORDS.isdisjoint(words), not DOWN_WORDS.isdisjoint(words)
        if up != down and (count := printed_count(text)) is not None:
            (ups if up else downs).append(count)
    return Votes(ups[0], downs[0]) if len(ups) == 1 and len(downs) == 1 else None


def find_votes(elements: list[HtmlElement], *, any_class: bool = False) -> Votes | None:
    """Votes shown on a comment: "↑2 ↓0" or "9 up, 0 down" in a label, else one signed score.

    Only elements whose class names a score are read, unless `any_class` (the engine pointed at them). Counts of
    ups and downs shown apart (`mc-comment-up` 5, `mc-comment-down` 0; a like and a dislike button's counts) are
    the two.
    """
    if not any_class and (split := _split_votes(elements)) is not None:
        return split
    for element in elements:
        if not any_class and (VOTE_WORDS.isdisjoint(words := class_words(element)) or _writers_count(element, words)):
            continue
        for label in (element.get("title", ""), element.get("aria-label", "")):
            if pair := UP_DOWN.search(label):
                up, down = (pair[1], pair[2]) if pair[1] else (pair[3], pair[4])
                return Votes(int(up), int(down))
        if (votes := net_votes(printed_count(visible_text(element)))) is not None:
            return votes
    return None
