"""Read a saved web page (any site, any language): the article, and its comments one by one.

The page is decoded (BOM, declared charset, detection), parsed once with lxml, and read in two passes:
the comments first (page data, engine markup, generic detector: `html_comments`), then, with the
comments and hidden furniture taken out of the tree, the article through trafilatura (`html_article`).
A forum thread or a discussion page (Hacker News, Reddit, Disqus's frame) gives its opening post or
story as the article instead. Warnings say when comments load by script and are not in the file.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from functools import lru_cache

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from translator.errors import InputError
from translator.languages import known_code
from translator.models import UNDETERMINED, Post, Thread, ThreadFile
from translator.readers.common import BlockSpec, Reading, number_blocks
from translator.readers.decoding import repair_double_encoding
from translator.readers.html_article import TITLE, TITLE_SEPARATOR, ArticleFacts, article_facts
from translator.readers.html_bytes import decode_page, looks_like_html, looks_like_html_text, without_preamble
from translator.readers.html_comments import comment_posts, find_comments, script_systems
from translator.readers.html_dates import dates_in_language, dotted_dates_of, machine_date, relative_date
from translator.readers.html_fields import FoundComments, RawComment
from translator.readers.html_items import path
from translator.readers.html_marks import PageMarks, page_marks
from translator.readers.html_text import HIDDEN_CLASSES, drop_text_marks, is_form_to_fill, is_hidden, xml_safe
from translator.readers.markup import html_parser

__all__ = ["looks_like_html", "looks_like_html_text", "read_html", "read_html_file"]

LANGUAGE = path("/html/@lang | //meta[@http-equiv='content-language' or @property='og:locale']/@content")
XML_DECLARATION = "<?xml"
PRUNED_TAGS = ("nav", "template", "button", "dialog", "style", "svg", "script")
MAYBE_PRUNED_TAGS = (*PRUNED_TAGS, "noscript", "form")
MAYBE_HIDDEN = "@hidden or @aria-hidden or @style"


@lru_cache(maxsize=64)
def _maybe_hidden(hidden_classes: frozenset[str]) -> etree.XPath:
    """The elements whose attributes may hide them, found by tests in C (each is checked again in Python): a loop
    over every element in Python would cost more than the rest of the pruning. Only the hidden classes the page
    uses are tested."""
    tests = "".join(f" or has-class('{name}')" for name in sorted(hidden_classes))
    return path(f"//*[{MAYBE_HIDDEN}{tests}]")


def _maybe_pruned(tree: HtmlElement, hidden_classes: frozenset[str]) -> Iterator[etree._Element]:
    """Every element _prune may take out, each once, those of its tags first (the order of dropping changes
    nothing). Not one XPath union: libxml2 merges large results in time their sizes multiplied (20,000
    comments, each with a button and a styled element, took seconds)."""
    seen: set[etree._Element] = set()
    for element in itertools.chain(tree.iter(*MAYBE_PRUNED_TAGS), _maybe_hidden(hidden_classes)(tree)):
        if isinstance(element, etree._Element) and element not in seen:
            seen.add(element)
            yield element


SAVED_DATE = re.compile(r"<!--(?:(?!-->).){0,400}?\bsaved date:\s*(?P<date>[^\n<]{8,80})", re.DOTALL)
"""When SingleFile saved the page, in the comment it puts at the top ("saved date: Thu May 04 2023 10:12:33
GMT+0200"). Browsers' own `<!-- saved from url=... -->` gives no time."""
SAVED_DATE_META = path("//meta[@name='savepage-date']/@content")
"""When Save Page WE saved the page."""
SAVED_HEAD_CHARS = 20_000
MIN_HIDDEN_TEXT = 200
"""A hidden box with less text than this is furniture (a label, a notice), never the article."""


def parse_page(text: str, name: str) -> HtmlElement:
    """The page's element tree; InputError when there is nothing to parse."""
    text = without_preamble(xml_safe(text))
    if text.lstrip("\ufeff \t\r\n").startswith(XML_DECLARATION):
        text = text[text.find("?>") + 2 :]  # lxml refuses an encoding declaration in text it is given decoded
    try:
        tree = lxml.html.document_fromstring(text, parser=html_parser(huge_tree=True))
    except (etree.ParserError, ValueError):
        raise InputError(f"{name}: no text found in this web page", "check that the file is a saved page") from None
    drop_text_marks(tree)
    return tree


UNREAD_TEXT_TAGS = frozenset({"script", "style", "template"})
MIN_SENTENCE_CHARS = 40
LANGUAGE_SAMPLE_CHARS = 600
"""As much text as the language detector reads of one text."""


def page_language(tree: HtmlElement) -> str | None:
    """The page's declared language as an Argos code (`de` for `de-DE`, `nb` for `no`, `zt` for `zh-TW`), when
    it declares one that names a language."""
    for value in LANGUAGE(tree):
        code = known_code(str(value))
        if code is not None and code != UNDETERMINED:
            return code
    return None


def page_sentences(tree: HtmlElement) -> str:
    """Enough of the page's longer texts (sentences, not menu items) to tell its language by, in page order:
    taken before the reading prunes the tree, so that the language guessed from them is the same whenever
    it is first asked for."""
    found: list[str] = []
    size = 0
    for element in tree.iter():
        own = element.text if isinstance(element.tag, str) and element.tag not in UNREAD_TEXT_TAGS else None
        for text in (own, element.tail):
            if text and len(sentence := " ".join(text.split())) >= MIN_SENTENCE_CHARS:
                found.append(sentence)
                size += len(sentence)
                if size >= LANGUAGE_SAMPLE_CHARS:
                    return " ".join(found)
    return " ".join(found)


def _prune(tree: HtmlElement, comments: list[HtmlElement], marks: PageMarks, *, hidden: bool) -> None:
    """Take the comments, forms, furniture and hidden elements out, so that the article extractor sees the
    article. Without `hidden`, hidden boxes that hold a text's worth of words stay (the page shows them by script)."""
    doomed = list(comments)
    for element in _maybe_pruned(tree, marks.classes & HIDDEN_CLASSES):
        if not isinstance(element, HtmlElement) or element is tree:
            continue
        concealed = element.tag == "noscript" or is_hidden(element)
        if concealed and not hidden:
            concealed = len(element.text_content()) < MIN_HIDDEN_TEXT
        furniture = element.tag in PRUNED_TAGS and not (element.tag == "script" and "json" in element.get("type", ""))
        if furniture or concealed or (element.tag == "form" and is_form_to_fill(element)):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _article(text: str, name: str, tree: HtmlElement, found: FoundComments, marks: PageMarks) -> ArticleFacts:
    """The article's facts from the page without its comments and hidden elements.

    Some pages keep their whole text hidden until a script shows it (or in `noscript`): when nothing is
    left, the article is read again with hidden elements in.
    """
    comment_paths = _child_indexes(found.elements)
    _prune(tree, list(found.elements), marks, hidden=True)
    facts = article_facts(tree, with_body=found.article is None, marks=marks)
    if found.article is None and not facts.blocks:
        fresh = parse_page(text, name)
        comments = _follow(fresh, comment_paths)
        _prune(fresh, comments, marks, hidden=False)
        facts = article_facts(fresh, with_body=True, marks=marks)
    return facts


def _child_indexes(elements: Sequence[etree._Element]) -> list[tuple[int, ...]]:
    """Where each element stands below the root, as child positions (not `getpath`: a tag named `a=b`, which
    the HTML parser takes, would make its XPath a comparison). Each box's children are numbered once: lxml's
    `index()` counts from the first child, which for each of a list's thousands of comments costs their number
    squared."""
    numbered: dict[etree._Element, dict[etree._Element, int]] = {}
    paths = []
    for element in elements:
        indexes = []
        while (parent := element.getparent()) is not None:
            if parent not in numbered:
                numbered[parent] = {child: position for position, child in enumerate(parent)}
            indexes.append(numbered[parent][element])
            element = parent
        paths.append(tuple(reversed(indexes)))
    return paths


def _follow(root: etree._Element, paths: Sequence[tuple[int, ...]]) -> list[etree._Element]:
    """The elements at those child positions below `root`, where the tree has one (each box's children listed
    once: lxml finds a child by its position counting from the first)."""
    children: dict[etree._Element, list[etree._Element]] = {}
    found = []
    for indexes in paths:
        element = root
        for index in indexes:
            listed = children.setdefault(element, list(element))
            if index >= len(listed):
                break
            element = listed[index]
        else:
            found.append(element)
    return found


def saved_time(text: str, tree: HtmlElement) -> datetime | None:
    """When the page was saved, when the file says (SingleFile's comment, Save Page WE's meta tag)."""
    if (stamp := SAVED_DATE.search(text[:SAVED_HEAD_CHARS])) and (found := machine_date(stamp["date"].strip())):
        return found
    return next((found for value in SAVED_DATE_META(tree) if (found := machine_date(str(value)))), None)


def with_relative_dates(
    comments: Sequence[RawComment], reference: datetime | None, lang: str | None
) -> list[RawComment]:
    """Comments whose date the page prints relative to when it was shown, dated against `reference` (the
    page's own time); left undated without one. Never the machine's clock: a page reads the same on every run."""
    if reference is None:
        return list(comments)
    return [
        dataclasses.replace(comment, date=relative_date(comment.relative_date, lang, reference))
        if comment.date is None and comment.relative_date
        else comment
        for comment in comments
    ]


def earliest_saving(found: FoundComments, facts: ArticleFacts, lang: str | None) -> datetime | None:
    """When a page that does not say when it was saved was saved, at the earliest: after its article was
    last changed, and late enough that no comment dated relative to it ("vor 8 Stunden") comes before the
    article was published (counted back from the publication itself, every such comment would). None
    when the page states neither time."""
    published, modified = facts.stated_published, facts.modified
    if published is None and found.article is not None and found.source != "generic":
        published = found.article.date  # the opening post's or story's time, where a rule read it from its header
    if published is None:
        return modified
    ages = [
        published - written
        for comment in (*found.comments, *([found.article] if found.article else []))
        if comment.date is None
        and comment.relative_date
        and (written := relative_date(comment.relative_date, lang, published)) is not None
    ]
    return max(modified or published, published + max(ages, default=timedelta(0)))


FORUM_WORDS = re.compile(
    r"(?<![^\W_])(?:forum|forums|foren|fórum|fora|форум|форумы|论坛|討論區|掲示板)(?![^\W_])", re.I
)
"""A page that names itself a forum (in its title, address, site name or breadcrumb) shows a thread."""
FORUM_PATHS = re.compile(r"/(?:forums?|foren|threads?|topics?|t)/|showthread|viewtopic|showtopic", re.I)
MAX_THIN_BODY = 300
"""Characters of article text outside the comments below which a forum page has no article of its own."""


def opening_post(found: FoundComments, facts: ArticleFacts, page_title: str) -> FoundComments:
    """Posts found as comments on a forum thread's page, whose article is none outside them: the first post
    opens the thread and is its article (a forum engine no rule knows draws it like the replies)."""
    if found.source != "generic" or found.article is not None or len(found.comments) < 2:
        return found
    first = found.comments[0]
    body = sum(len(text) for kind, text, _, _ in facts.blocks if kind != "title")
    opening = sum(len(text) for _, text, _, _ in first.blocks)
    if first.parent_key is not None or body >= min(MAX_THIN_BODY, opening):
        return found
    named = [page_title, facts.site or "", facts.blocks[0][1] if facts.blocks else ""]
    if not any(FORUM_WORDS.search(text) for text in named) and not FORUM_PATHS.search(facts.url or ""):
        return found
    replies = tuple(
        dataclasses.replace(comment, parent_key=None) if comment.parent_key == first.key else comment
        for comment in found.comments[1:]
    )
    return dataclasses.replace(found, comments=replies, article=dataclasses.replace(first, key="article"))


def _leads(subject: str, title: str) -> bool:
    """Whether a document title is a subject with more beside it, separated (`SUBJECT / FORUM / BOARD`, FluxBB's;
    `/BOARD/ - SUBJECT - BOARD'S NAME`, 4chan's)."""
    key, whole = " ".join(subject.split()).casefold(), " ".join(title.split()).casefold()
    if not key or key == whole:
        return False
    # Found whole, not split at separators: a subject may hold one itself ("Golf IV quietscht – Spurstange?").
    for found in re.finditer(re.escape(key), whole):
        before, after = whole[: found.start()], whole[found.end() :]
        ends = not after or SEPARATOR_AFTER.match(after) or PAGE_NUMBER.fullmatch(after)
        if (not before or SEPARATOR_BEFORE.search(before)) and ends:
            return True
    return False


PAGE_NUMBER = re.compile(r"\s*\(\d+/\d+\)")
"""A page's number after a thread's subject in its title (Kunena: `Board: SUBJECT (1/3)`)."""
SEPARATOR_BEFORE = re.compile(f"(?:{TITLE_SEPARATOR.pattern}|:\\s+)$")  # also `Board: SUBJECT`
SEPARATOR_AFTER = re.compile(f"^(?:{TITLE_SEPARATOR.pattern})")


def read_html(text: str, name: str = "page", captured: datetime | None = None) -> Reading:
    """Read a decoded web page into its one thread, with warnings when comments load by script or the page
    counts more than it holds; InputError when it holds no article text and no comments. `captured`: when
    the page was saved, when the file that holds it says (an MHTML archive's `Date`). Its dotted dates are
    day first unless the page shows it writes them month first (`html_dates.month_first_page`)."""
    tree = parse_page(text, name)
    lang = page_language(tree)
    sentences = page_sentences(tree)
    with dotted_dates_of(text), dates_in_language(lang, lambda: sentences):
        return _read_html(text, tree, lang, name, captured)


def _read_html(text: str, tree: HtmlElement, lang: str | None, name: str, captured: datetime | None) -> Reading:
    marks = page_marks(tree, text)
    found = find_comments(tree, lang, marks)
    systems = script_systems(marks)
    page_title = " ".join(TITLE(tree)[0].text_content().split()) if TITLE(tree) else ""
    facts = _article(text, name, tree, found, marks)
    found = opening_post(found, facts, page_title)
    story = found.article
    # Relative dates ("vor 8 Stunden") count back from when the page was saved, else from the article's time.
    reference = captured or saved_time(text, tree) or earliest_saving(found, facts, lang)
    if story is not None:
        story = with_relative_dates([story], reference, lang)[0]
    title = facts.title
    if story is not None and story.blocks and story.blocks[0][0] == "title":
        title = story.blocks[0][1]
    elif (
        story is not None
        and story.blocks
        and story.blocks[0][0] == "heading"
        and (_leads(story.blocks[0][1], title) or _leads(story.blocks[0][1], page_title))
    ):
        title = story.blocks[0][1]  # a forum's first post's subject, which its document title starts with
    body = list(story.blocks if story is not None else facts.blocks)
    # Comments stated as page data are also drawn on the page, where the article extractor may take them.
    said_in_comments = (
        {text for comment in found.comments for kind, text, _, _ in comment.blocks if kind != "quote"}
        if not found.elements
        else set()
    )
    body = [
        spec
        for spec in body
        if spec[0] != "title" and spec[1].lower() != title.lower() and spec[1] not in said_in_comments
    ]
    comments = comment_posts(with_relative_dates(found.comments, reference, lang))
    stated = story is None and _shown_less(body, facts.stated_blocks)
    if stated:  # the page draws its text by script, or a teaser of it: its data states the whole
        # What the page shows that its data does not (a lead above a paywalled text) stays, first.
        whole = _letters("".join(text for _, text, _, _ in facts.stated_blocks))
        shown = [spec for spec in body if spec[0] != "title" and _letters(spec[1]) not in whole]
        body = shown + [spec for spec in facts.stated_blocks if spec[1].lower() != title.lower()]
    # The text loads by script: what the page says of it stands for it, also above comments the file holds
    # (unless the summary is one of them: a forum page's description quotes its first post).
    summarised = bool(
        not body
        and title
        and facts.summary
        and (not comments or (story is None and not _quotes_a_comment(facts.summary, comments)))
    )
    if summarised and facts.summary:
        body = [("paragraph", facts.summary, None, None)]  # the text loads by script: what the page says of it
    cut_short = looks_cut_short(text)
    if not body and not comments:
        raise InputError(
            f"{name}: no article text or comments found in this web page"
            + (" (the file ends before the page does: it looks cut short)" if cut_short else ""),
            "save the complete page after it has loaded, or pass --format text",
        )
    specs: list[BlockSpec] = [("title", title, None, None)] if title else []
    # A page that names no writer: the one its comments mark as the post's author's (WordPress's `bypostauthor`).
    answering = next((comment.author for comment in comments if comment.role == "OP" and comment.author), None)
    article = Post(
        id="article",
        kind="article",
        author=story.author if story is not None else facts.author or answering,
        date=story.date if story is not None else facts.published,
        votes=story.votes if story is not None else None,
        blocks=number_blocks("article", specs + body),
        url=story.url if story is not None and story.url else facts.url,
    )
    thread = Thread(
        title=title,
        subtitle=next((text for kind, text, _, _ in body if kind == "subtitle"), None),
        posts=(article, *comments),
        source_format="html",
        url=facts.url or article.url,
        site=facts.site,
        published=facts.published or article.date,
    )
    warnings = _warnings(name, found, len(found.comments), systems)
    if stated:
        warnings.append(f"{name}: {STATED_ARTICLE_TEXT}")
    if cut_short:
        warnings.append(f"{name}: {CUT_SHORT}")
    elif summarised:
        warnings.append(f"{name}: {NO_ARTICLE_TEXT}")
    return Reading((thread,), tuple(warnings))


def looks_cut_short(text: str) -> bool:
    """Whether a page's file stops before the page does: a browser or a download tool writes its closing
    `</html>` (or `</body>`) last; a copy cut short in transfer or by a size limit has neither at its end and
    stops inside a tag or a text. HTML lets a page leave both out: one that ends after a tag is taken as whole,
    and a fragment that never opened `<html>` is no page cut short."""
    end = text[-TAIL_CHARS:].lower()
    return (
        "</html" not in end
        and "</body" not in end
        and not end.rstrip().endswith(">")
        and HTML_START.search(text, 0, HEAD_CHARS) is not None
    )


def _shown_less(body: Sequence[BlockSpec], stated: Sequence[BlockSpec]) -> bool:
    """Whether the article's text its data states (JSON-LD, given when the page shows little of it) is more than
    the text read outside it (none, a lead, the extractor's run-together copy of it): a page whose own text
    is longer keeps it."""
    whole = _letters("".join(text for _, text, _, _ in stated))
    outside = sum(len(text) for kind, text, _, _ in body if kind != "title" and _letters(text) not in whole)
    return bool(stated) and outside < len(whole)


def _quotes_a_comment(summary: str, comments: Sequence[Post]) -> bool:
    """Whether a page's summary is (the start of) one of its comments' text."""
    said = _letters(summary)
    return any(said in _letters("".join(block.text for block in comment.blocks)) for comment in comments)


def _letters(text: str) -> str:
    return "".join(character for character in text.casefold() if character.isalnum())


STATED_ARTICLE_TEXT = (
    "the article's text on this page is missing or much shorter than the one its data states (JSON-LD"
    " articleBody): that one is read"
)
NO_ARTICLE_TEXT = (
    "the article's text is not in this file (it loads by script): its title and the summary the page states are read"
)
CUT_SHORT = (
    "the file ends before the page does (no </html> at its end): it looks cut short, and only what it holds is"
    " read; save the complete page again to read the rest"
)
HTML_START = re.compile(r"<html[\s>]", re.IGNORECASE)
HEAD_CHARS = 65536
"""How far from a page's start its `<html>` is looked for (after a doctype and comments)."""
TAIL_CHARS = 4096
"""How far from a page's end its closing tags are looked for (scripts and comments may follow `</html>`)."""
NOT_SAVED = "no comments in this file: they load by script"
"""How the warning that a page's comments load by script (and are not saved) begins, after the name."""


def _warnings(name: str, found: FoundComments, count: int, systems: list[str]) -> list[str]:
    warnings = []
    if count == 0 and systems:
        warnings.append(
            f"{name}: {NOT_SAVED} ({', '.join(systems)}) and a page saved as HTML does not hold them; "
            'once they show, save the page as one file (.mhtml, "Webpage, Single File"), which keeps them, '
            "or export them from that service"
        )
    if found.expected is not None and found.expected > count + found.uncounted:
        warnings.append(
            f"{name}: the page counts {found.expected} comment{'s' if found.expected != 1 else ''} but holds {count}; "
            "the others load by script or sit on other pages"
        )
    return warnings


PAGE_REPAIRS = 3
"""How many double-encoded sequences a saved page must show to be repaired (fewer: a warning only)."""


def read_html_file(data: bytes, name: str, captured: datetime | None = None) -> ThreadFile:
    """Read a saved web page's bytes: decoded by its declared or detected charset, then read."""
    text, encoding, warnings = decode_page(data, name)
    # A page double-encoded (its text saved through a Latin-1 reading: a CMS's database, a scraper) is
    # repaired as other files are, when it shows the signs enough times: a correct page may quote one.
    text, repairs = repair_double_encoding(text, name, at_least=PAGE_REPAIRS, window=len(text))
    warnings = [*warnings, *repairs]
    page = read_html(text, name, captured)
    return ThreadFile(threads=page.threads, encoding=encoding, warnings=(*warnings, *page.warnings))
