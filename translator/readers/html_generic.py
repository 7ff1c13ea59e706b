"""Comments on pages no engine rule knows: repeated structures that each hold an author, a date and text.

A candidate is the smallest element holding both an author-like element (a class naming the author
or user, `itemprop=author`, a profile link) and a date-like one (`time`, a date attribute, a class
naming the date, a printed date). Candidates are grouped by kind (tag and first class); a group is
taken for the comments when its members are named like comments (`comment`, `Kommentar`,
`коммент`... in a class or id, theirs or an ancestor's, split into words so that `userComment` names one
and `commentsCount` or `noComments` does not) or are many and all hold text, inside the page's comment
section when it has one. Teaser lists, sidebars and "best comment" widgets of other pages are left out by
where they sit.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from translator.readers.html_dates import could_be_date, is_relative_date
from translator.readers.html_fields import (
    AUTHOR_WORDS,
    DATE_ATTRIBUTES,
    DATE_WORDS,
    NEVER_FIELDS,
    PROFILE_LINK,
    SAYS_LABEL,
    SUBJECT_WORDS,
    FoundComments,
    before_date,
    by_line_over_date,
    byline_name,
    is_signed_line,
    name_after_date,
    name_before_date,
    named_for_date,
)
from translator.readers.html_items import FieldPaths, common_ancestor, path, read_items
from translator.readers.html_text import (
    MARK_EVENTS,
    TEXT_EVENTS,
    class_heads,
    class_words,
    is_form_to_fill,
    is_hidden,
    is_skipped,
    name_words,
)

AUTHOR, DATE = 1, 2
BOTH = AUTHOR | DATE
MAX_AUTHOR_CHARS = 60
MAX_RELATIVE_CHARS = 40
LETTERS = re.compile(r"[^\W\d_]{2}")
MIN_UNNAMED_TEXT = 40
MIN_UNNAMED_DATED = 0.8
"""Without a comment-like name, most members must show a date that reads as one ("1 day ago" on every
card of a video list does not)."""
"""Without a comment-like name, members must average this many characters of text (not a byline)."""
WORDS = re.compile(r"[\s_\-]+")
COMMENT_NAME = re.compile(r"comment|koment|komment|коммент|комент|coment|reacti|repl(?:y|ies)|antwort|talkback")
ASIDE_WORDS = frozenset(
    {"sidebar", "widget", "related", "teaser", "teasers", "recommended", "popular", "aside", "footer", "nav", "menu",
     "breadcrumb", "breadcrumbs", "trending", "promo", "search", "results", "searchresults", "references",
     "reflist", "footnotes", "bibliography", "citation"}
)  # fmt: skip
"""Class and id words of page furniture, and of a list of sources (Wikipedia's `ol.references` of `cite.citation`:
a cited work's authors and access date look like a comment's header)."""
FOOTER = frozenset({"footer"})
"""The aside word of a box that is furniture unless it names comments too (an article's footer holding them)."""
WIDGET = frozenset({"widget"})
"""The aside word of a sidebar's box, and of a comment system's own (Cackle's `mc-widget-container`, Viafoura's
`vf-widget vf-commenting`): around comments, or named for them, it is theirs, unless it lists the latest."""
RECENT = frozenset({"recent", "recentcomments", "latest", "last", "newest", "new", "top", "popular", "most"})
ASIDE_TAGS = frozenset({"aside", "nav", "footer", "header", "form"})
TEASER_WORDS = frozenset({"related", "teaser", "teasers", "recommended", "popular", "trending", "promo"})
"""Aside words of a box of other stories, which a layout may wrap around the comment section too (a box named
for comments inside it is the comments); a sidebar's or a widget's "recent comments" stay furniture."""
PAGE_TAGS = frozenset({"body", "html"})
"""Never furniture, whatever their classes say about the layout (`body.has-sidebar`)."""
MIN_OWN_TEXT = 20
MAX_LABEL_LEVELS = 2
"""Characters of text that make a comment rather than a label beside its author's name."""
NAME_DEPTH = 6
"""How many ancestors up a comment-like class or id still names the candidate."""
MIN_UNNAMED_GROUP = 3
"""Without a comment-like name, this many repeated members, all with text, make a comment list."""


def _dated(text: str, lang: str | None = None) -> bool:
    """A date element's text: a printed date, or a relative one ("7 months ago" with its number, or
    "yesterday", "gestern", "hier")."""
    if could_be_date(text) or (len(text) <= MAX_RELATIVE_CHARS and any(c.isdigit() for c in text)):
        return True
    return len(text) <= MAX_RELATIVE_CHARS and LETTERS.search(text) is not None and is_relative_date(text, lang)


def _own_flags(element: HtmlElement, lang: str | None = None) -> int:
    """What an element shows by itself: an author (1), a date (2), both (3), or neither (0)."""
    flags = 0
    words = class_heads(element)
    short = None
    if (
        element.get("itemprop") == "author"
        or not AUTHOR_WORDS.isdisjoint(words)
        or (BYLINE in words and _is_named(element))
        or (element.tag == "a" and PROFILE_LINK.search(element.get("href", "")))
        or (element.tag == "cite" and element.find(".//a") is not None and not _in_quote(element))
        or (
            element.tag in NAME_TAGS
            and (
                _says_after(element)
                or _named_before_date(element)
                or _named_and_dated(element)
                or _named_after_date(element)
            )
        )
        or (element.tag in DATED_NAME_TAGS and by_line_over_date(element) and _is_named(element))
    ):
        short = len(element.text_content().strip())
        if 0 < short <= MAX_AUTHOR_CHARS:
            flags |= AUTHOR
    elif (
        (not DATE_WORDS.isdisjoint(words) or is_signed_line(element.text or ""))
        and (name := byline_name(element.text_content())) is not None
        and len(name) <= MAX_AUTHOR_CHARS
    ):
        # The date's line is a byline (`Posted by: NAME, DATE`), or a line that starts so (Movable Type's and
        # TypePad's comment footer: `Posted by: <a>NAME</a> | <a>DATE</a>`).
        flags |= AUTHOR
    elif (
        not len(element)
        and element.tag in DATED_NAME_TAGS
        and DATED_NAME_SEPARATOR.search(text := element.text or "")
        and could_be_date(text)
        and _is_named(element)
        and name_after_date(text)
    ):
        return BOTH  # a header row printed date first (`<div class="signature">DATE | NAME</div>`)
    machine = element.tag == "time" or any(element.get(name) for name in DATE_ATTRIBUTES if name != "content")
    if machine or (named_for_date(element) and _dated(element.text_content().strip()[:200], lang)):
        flags |= DATE
    else:
        pieces = [element.text, *(child.tail for child in element)]
        if any(piece and _date_piece(piece.strip()) for piece in pieces):
            flags |= DATE
    return flags


BYLINE = "byline"
"""A class word naming a writer in a box named for comments (`span.byline`); elsewhere it is the story's byline."""
DATED_NAME_TAGS = frozenset({"div", "span", "p", "small"})
DATED_NAME_SEPARATOR = re.compile(r"\s[|·•–—]\s")
NAME_TAGS = frozenset({"strong", "b", "cite", "span", "a", "small"})
"""Tags a template prints a writer's name in, before its "says:"."""


def _says_after(element: HtmlElement) -> bool:
    """Whether the text right after an element is a comment template's label after a writer's name (`NAME
    sagt:`), comments between them aside (a script's markers: `<strong>NAME</strong> <!-- -->sagt:`)."""
    after = element.tail or ""
    sibling = element.getnext()
    while not after.strip() and sibling is not None and not isinstance(sibling.tag, str):
        after += sibling.tail or ""
        sibling = sibling.getnext()
    return SAYS_LABEL.match(after) is not None


def _named_before_date(element: HtmlElement) -> bool:
    """Whether an element is a name printed just before a date's element, in a box named for comments (`<span
    class=MetaOTBold>Marth</span> <span class=comment-date>`): a comment's header row whose name has no class of
    its own. Outside comments such a row may be a teaser's section and date."""
    if not before_date(element):
        return False
    text = element.text_content().strip()
    return 0 < len(text) <= MAX_AUTHOR_CHARS and LETTERS.search(text) is not None and _is_named(element)


DATE_THEN_SEPARATOR = re.compile(r"(?P<date>\S.{4,60}?)\s*(?:[—–|·•]|\bby)\s*$", re.IGNORECASE)
"""The text before a writer's name in a header row printed date first (`#1 — January 7, 2008 @ 13:00PM — `)."""


def _named_after_date(element: HtmlElement) -> bool:
    """Whether an element is a name printed right after a date and a separator, in a box named for comments
    (`<a>#1</a> — January 7, 2008 @ 13:00PM — <b>NAME</b>`)."""
    before, parent = element.getprevious(), element.getparent()
    text = (before.tail if before is not None else parent.text if parent is not None else None) or ""
    lead = DATE_THEN_SEPARATOR.search(" ".join(text.split())[-MAX_AUTHOR_CHARS:])
    name = element.text_content().strip()
    return (
        lead is not None
        and could_be_date(lead["date"].strip(" —–-|·•"))
        and 0 < len(name) <= MAX_AUTHOR_CHARS
        and LETTERS.search(name) is not None
        and _is_named(element)
    )


def _named_and_dated(element: HtmlElement) -> bool:
    """Whether an element's text is a name, then a date (`<strong>Muriel - Le 22/01/2020 à 12:01</strong>`), in a
    box named for comments: a header row printed as one piece of text."""
    text = element.text_content()
    return could_be_date(" ".join(text.split())) and _is_named(element) and name_before_date(text) is not None


QUOTE_TAGS = frozenset({"blockquote", "q"})


def _in_quote(element: HtmlElement) -> bool:
    """Whether an element sits in a quotation (a `cite` there names the quoted source, not a writer)."""
    return _quote_around(element) is not None


def _quote_around(element: HtmlElement) -> HtmlElement | None:
    """The nearest quotation an element sits in; None outside any."""
    return next((ancestor for ancestor in element.iterancestors() if ancestor.tag in QUOTE_TAGS), None)


def _has_own_text(element: HtmlElement, own: dict[HtmlElement, int], enough: int = 1) -> bool:
    """Whether an element shows text besides its author and date (a header row alone does not): at least
    `enough` characters of it."""
    if own.get(element, 0) & AUTHOR and is_signed_line(element.text or ""):
        return False  # a byline row (`Posted by: NAME | DATE`): all of it is the header
    found = 0
    walker = etree.iterwalk(element, events=TEXT_EVENTS)
    for event, node in walker:
        if event in MARK_EVENTS:
            pieces = [node.tail]
        elif event == "start":
            # Its subject line (`comment_title`) is the header's too: the text is in the box around it.
            if node is not element and (own.get(node) or is_skipped(node) or _is_subject(node)):
                walker.skip_subtree()
                continue
            pieces = [node.text]
        else:
            pieces = [node.tail] if node is not element else []
        for piece in pieces:
            # The label after the writer's name (`wrote:`) is the header's, not text of its own.
            if (
                piece
                and LETTERS.search(piece)
                and not _date_piece(piece.strip())
                and not SAYS_LABEL.fullmatch(piece.strip())
            ):
                found += len(piece.strip())
                if found >= enough:
                    return True
    return False


def _is_subject(element: HtmlElement) -> bool:
    """Whether an element is a comment's subject line by its class (`comment_title`, `betreff`)."""
    return not SUBJECT_WORDS.isdisjoint(class_heads(element))


SENTENCE_END = (".", "!", "?", "…")
MIN_SENTENCE_WORDS = 6


def _date_piece(text: str) -> bool:
    """Whether a piece of text may be a header's date: a sentence that names a year ("Le projet date de
    1998.") is the comment's text. A header's date, even as a sentence ("Posted on March 3, 2014 at 10:07 p.m."),
    has more than one number (a day, a year, a time)."""
    if not could_be_date(text):
        return False
    words = text.split()
    sentence = text.endswith(SENTENCE_END) and len(words) >= MIN_SENTENCE_WORDS
    return not (sentence and sum(any(char.isdigit() for char in word) for word in words) <= 1)


def _text_level(chain: list[HtmlElement], own: dict[HtmlElement, int]) -> HtmlElement | None:
    """The level of a chain that is the comment: the first with text of its own, or, when that text is a
    header row's label ("| Community": no paragraph, a few words), one a level or two above with a
    sentence's worth."""
    first = next((n for n, level in enumerate(chain) if _has_own_text(level, own)), None)
    if first is None:
        return None
    for level in chain[first : first + 1 + MAX_LABEL_LEVELS]:
        # A paragraph, however short ("Super!"), is the comment's text; a menu's link is none. The first level
        # with text may be the header itself (`cite`: the name is its text), the paragraph a level up.
        paragraphs = level.iter("p", "blockquote", "pre", "li")
        if any(
            _shown(node, level)
            and not (node.tag == "li" and _linked(node))
            and node not in chain
            and not _header_line(node, own)
            for node in paragraphs
        ):  # the header row itself may be a paragraph (`<p><span>NAME</span> <span class=date>`), or a line of it
            # (`<p class="dateline">`): none of the text
            return level
        if _has_own_text(level, own, MIN_OWN_TEXT):
            return level
    return chain[first]


def _header_line(node: HtmlElement, own: dict[HtmlElement, int]) -> bool:
    """Whether a paragraph is a line of a comment's header (`<p class="dateline">January 7 17:00</p>`): a writer or a
    date of its own, and little more. A paragraph of text that ends quoting a date is the text."""
    return bool(own.get(node)) and len(node.text_content().strip()) <= MAX_AUTHOR_CHARS


def _shown(node: HtmlElement, box: HtmlElement) -> bool:
    """Whether an element inside a box shows in it: neither it nor a box between them is skipped (a hidden
    menu's items are no paragraph of the comment)."""
    for holder in (node, *node.iterancestors()):
        if holder is box:
            return True
        if is_skipped(holder):
            return False
    return True


def _chain(element: HtmlElement, headers: set[HtmlElement]) -> list[HtmlElement]:
    """An author+date element and its ancestors up to the last one holding no other such element."""
    chain = [element]
    parent = element.getparent()
    while parent is not None and sum(1 for inner in parent.iterdescendants() if inner in headers) == 1:
        chain.append(parent)
        parent = parent.getparent()
    return chain


def candidates(tree: HtmlElement, lang: str | None = None) -> list[HtmlElement]:
    """The smallest elements holding an author, a date and text, in page order.

    The smallest element with an author and a date is sometimes a header row, its text beside it: then
    the candidate is the largest ancestor that holds no other candidate's header.
    """
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    flags: dict[HtmlElement, int] = {}
    own: dict[HtmlElement, int] = {}
    minimal: list[HtmlElement] = []
    for element in reversed(elements):
        if element.tag in NEVER_FIELDS:
            flags[element] = 0
            continue
        children = [flags.get(child, 0) for child in element if isinstance(child.tag, str)]
        combined = own[element] = _own_flags(element, lang)
        for child in children:
            combined |= child
        flags[element] = combined
        # Its own author and date, beside a child that holds another's (a comment box whose replies sit in it,
        # next to its header's fields): a header too.
        beside = own[element]
        for child in children:
            beside |= child if child != BOTH else 0
        if combined == BOTH and (BOTH not in children or beside == BOTH):
            minimal.append(element)
    minimal = _without_quoted_headers(minimal)
    headers = set(minimal)
    chosen: set[HtmlElement] = set()
    above: dict[HtmlElement, list[HtmlElement]] = {}
    textless: list[list[HtmlElement]] = []
    for element in minimal:
        chain = _chain(element, headers)
        with_text = _text_level(chain, own)
        if with_text is not None:
            chosen.add(with_text)
            above[with_text] = chain[chain.index(with_text) + 1 :]
        else:
            textless.append(chain)
    chosen = _at_peers_level(chosen, above)
    gathered, textless = _gathered_flat(textless, own)
    # An image-only comment has no text to climb to, nor has a comment whose element holds its replies (its
    # header's climb stops below the element that holds theirs too): it takes the level its peers were found at.
    kinds = {_kind(element) for element in chosen}
    for chain in textless:
        chosen.add(_peer_level(chain, kinds, chosen))
    if gathered:
        chosen.update(gathered)
        elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    return [element for element in elements if element in chosen]


FLAT_CLASS = "flat-comment"
"""The class of the box a comment printed flat is gathered into (`_gathered_flat`)."""
FLAT_HEADER_TAGS = frozenset({"div", "p", "span", "table", "h2", "h3", "h4", "h5", "h6", "b", "strong", "font"})
"""What a header row printed flat is: no list's item (a menu's entries are items already), no table's row."""


def _is_prose(element: HtmlElement, own: dict[HtmlElement, int]) -> bool:
    """Whether an element shows a sentence's worth of text of its own, not links (a menu's, other stories')."""
    return _has_own_text(element, own, MIN_OWN_TEXT) and not _mostly_links(element)


def _gathered_flat(
    textless: list[list[HtmlElement]], own: dict[HtmlElement, int]
) -> tuple[list[HtmlElement], list[list[HtmlElement]]]:
    """Comments printed flat, each a header row of the same kind and then its text's boxes, all side by side in
    one box (`<div class=b_box>Posted by: NAME on DATE</div><div class=entry>TEXT</div><div class=b_box>Quote |
    Report</div>`, then the next header): each header and what follows it up to the next one is gathered into
    a `div` of its own, so that the comment is one element as elsewhere. The last one takes no more elements
    than the longest before it (after it may come the form to comment). Where a run has no text, nothing is
    gathered. The boxes gathered, and the chains left."""
    by_box: dict[HtmlElement, list[HtmlElement]] = defaultdict(list)
    for chain in textless:
        if (box := chain[-1].getparent()) is not None:
            by_box[box].append(chain[-1])
    gathered: list[HtmlElement] = []
    done: set[HtmlElement] = set()
    for box, headers in by_box.items():
        if (
            box.get("class") == FLAT_CLASS
            or len(headers) < 2
            or len({_kind(header) for header in headers}) > 1
            or headers[0].tag not in FLAT_HEADER_TAGS
        ):
            continue
        children = [child for child in box if isinstance(child.tag, str)]
        position = {child: n for n, child in enumerate(children)}
        starts = sorted(position[header] for header in headers)
        runs = [children[start + 1 : end] for start, end in itertools.pairwise(starts)]
        runs.append(children[starts[-1] + 1 : starts[-1] + 1 + max(len(run) for run in runs)])
        if not all(any(_is_prose(element, own) for element in run) for run in runs):
            continue
        for start, run in zip(starts, runs, strict=True):
            header = children[start]
            wrapper = header.makeelement("div", {"class": FLAT_CLASS})
            header.addprevious(wrapper)
            for element in (header, *run):  # each with the text after it: the header's may be the comment's
                wrapper.append(element)
            gathered.append(wrapper)
        done.update(headers)
    return gathered, [chain for chain in textless if chain[-1] not in done]


def _at_peers_level(chosen: set[HtmlElement], above: dict[HtmlElement, list[HtmlElement]]) -> set[HtmlElement]:
    """The comments found, each at the level of its peers where its own text stopped the climb below it: a
    header whose badge has words of its own (ZEIT ONLINE's "Redaktionsempfehlung" beside the name) is not the
    comment when the box above it, holding no other comment, is of the kind the others were found at."""
    counts = Counter(_kind(element) for element in chosen)
    moved = set(chosen)
    for element in chosen:
        if counts[_kind(element)] > 1:
            continue
        level = next((level for level in above.get(element, ()) if counts[_kind(level)] > 1), None)
        if level is not None and level not in moved:
            moved.discard(element)
            moved.add(level)
    return moved


QUOTE_BOX_LEVELS = 4
"""Levels between a header and the box of its comment, and between a quote and that box, at most."""


def _without_quoted_headers(headers: list[HtmlElement]) -> list[HtmlElement]:
    """The headers found without those of comments quoted in another comment (the quoted writer and date inside a
    comment that has a header of its own, near the quote): a quote is no comment. Quote boxes that hold the only
    headers around them are comments drawn so (a shop's reviews in `blockquote`s)."""
    quotes = {header: _quote_around(header) for header in headers}
    if all(quote is None for quote in quotes.values()):
        return headers
    near_headers = {
        box
        for header, quote in quotes.items()
        if quote is None
        for box in itertools.islice(header.iterancestors(), QUOTE_BOX_LEVELS)
    }

    def quoted_in_a_comment(quote: HtmlElement | None) -> bool:
        return quote is not None and any(
            box in near_headers for box in itertools.islice(quote.iterancestors(), QUOTE_BOX_LEVELS)
        )

    return [header for header in headers if not quoted_in_a_comment(quotes[header])]


def _peer_level(chain: list[HtmlElement], kinds: set[tuple[str, str]], chosen: set[HtmlElement]) -> HtmlElement:
    """The level of a textless chain, or of the few elements above it, of a kind its peers were found at
    (and not one of them: a reply's chain must not take its parent); the chain's first level when none is."""
    above = list(itertools.islice(chain[-1].iterancestors(), MAX_LABEL_LEVELS))
    for level in chain + above:
        if level in chosen:
            break
        if _kind(level) in kinds:
            return level
    return chain[0]


def _kind(element: HtmlElement) -> tuple[str, str]:
    classes = element.get("class", "").split()
    return str(element.tag), classes[0] if classes else re.sub(r"\d+", "", element.get("id", ""))


def _holds_headline(element: HtmlElement) -> bool:
    """Whether an element holds a top-level heading: the story's own header (its writer, its date, its first
    lines: a blog platform's post box), not a comment."""
    return any(True for _ in element.iterdescendants("h1"))


def _is_aside(element: HtmlElement) -> bool:
    """Whether an element is hidden or sits in page furniture (sidebar, footer, teaser list, form).

    A hidden ancestor does not count: pages collapse long reply branches with `display: none`, and
    those replies are in the saved page like the others.
    """
    if is_hidden(element):
        return True
    in_comments = False
    for node in (element, *element.iterancestors()):
        if node.tag in PAGE_TAGS:
            break  # the page's own classes say how it is laid out ("x-hidden-sidebar-ad", "has-sidebar")
        if node.tag in ASIDE_TAGS and not (node.tag == "form" and not is_form_to_fill(node)) and not _own_part(node):
            return True
        aside = ASIDE_WORDS & _block_words(node)
        # An article's footer that holds its comments (`article_footer_comments`) is no page furniture.
        if (
            aside
            and not (in_comments and aside <= TEASER_WORDS)
            and not (aside == FOOTER and (in_comments or _comment_box(node)))
            and not (aside == WIDGET and (in_comments or _comment_box(node)) and RECENT.isdisjoint(_words(node)))
        ):
            return True
        in_comments = in_comments or _comment_box(node)
    return False


def _comment_box(node: HtmlElement) -> bool:
    """Whether a box's class or id names comments (the comment section, wherever the layout puts it)."""
    return COMMENT_NAME.search(f"{node.get('class', '')} {node.get('id', '')}".lower()) is not None


def _own_part(node: HtmlElement) -> bool:
    """Whether a header or footer is an article's (a comment's own, `article > header`), not the page's."""
    return node.tag in ("header", "footer") and any(above.tag == "article" for above in node.iterancestors())


BEM_MODIFIER = re.compile(r"--\S*")


def _block_words(element: HtmlElement) -> frozenset[str]:
    """Class and id words without BEM modifiers: `comment--recommended` is a comment readers recommended,
    not a box of recommended stories."""
    return class_words(element) if "--" not in element.get("class", "") else _words(element)


@lru_cache(maxsize=4096)
def _modifier_free(names: str) -> frozenset[str]:
    return frozenset(WORDS.split(BEM_MODIFIER.sub("", names).lower())) - {""}


def _words(element: HtmlElement) -> frozenset[str]:
    return _modifier_free(f"{element.get('class', '')} {element.get('id', '')}")


NOT_COMMENT_NAME_WORDS = frozenset(
    {"count", "counts", "counter", "number", "num", "total", "badge", "icon", "no", "none", "empty", "closed",
     "disabled", "form", "link", "links", "button", "btn", "has", "with", "toggle"}
)  # fmt: skip
"""Words that make a comment-like name another thing's: a count (`commentsCount`), its badge or link, an
empty or closed section (`noComments`), the form to write one, a teaser that has some (`hasComments`)."""
COMMENT_SECTION_TAGS = frozenset({"div", "section", "ul", "ol", "aside"})


@lru_cache(maxsize=4096)
def _names_comments(names: str) -> bool:
    """Whether a class or id attribute names comments: one of its names matches, split into words
    (`userComment`, `comment-list`), and is not a count, a badge, a form or an empty section."""
    return any(
        COMMENT_NAME.search(name.lower()) and NOT_COMMENT_NAME_WORDS.isdisjoint(name_words(name))
        for name in names.split()
    )


def _is_named(element: HtmlElement) -> bool:
    for node in [element, *element.iterancestors()][:NAME_DEPTH]:
        if node.tag in PAGE_TAGS:
            break  # the page's own classes name its features (Gawker's `feature_newcomments`), not this box
        if _names_comments(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def _comment_sections(tree: HtmlElement) -> list[HtmlElement]:
    """Boxes named for comments (`div#comments`, `section.commentSection`, `ul.CommentList`), outside
    page furniture: where a page that has them puts its comments."""
    return [
        element
        for element in tree.iter(*COMMENT_SECTION_TAGS)
        if _names_comments(f"{element.get('class', '')} {element.get('id', '')}") and not _aside_box(element)
    ]


def _linked(element: HtmlElement) -> bool:
    """Whether most of an element's text is a link (a teaser), or the element sits inside one."""
    return any(ancestor.tag == "a" for ancestor in element.iterancestors()) or _mostly_links(element)


def _mostly_links(element: HtmlElement) -> bool:
    """Whether most of an element's text is the text of links in it (a menu, a list of other stories)."""
    total = _letters(element.text_content())
    linked = sum(_letters(link.text_content()) for link in element.iter("a"))
    return total > 0 and linked * 2 > total


def _letters(text: str) -> int:
    """Characters of a text but its white space (a template's indentation is no text)."""
    return len(text) - sum(map(str.isspace, text))


READ_MORE = re.compile(
    r"^(?:read|continue|keep)\s+(?:more|reading)|^read\s+(?:the\s+)?full\s+(?:topic|post|article|story)"
    r"|^(?:weiterlesen|mehr\s+lesen|lire\s+la\s+suite|en\s+savoir\s+plus"
    r"|leer\s+m[aá]s|seguir\s+leyendo|leia\s+mais|continue\s+lendo|leggi\s+(?:tutto|di\s+più)|lees\s+meer"
    r"|czytaj\s+(?:więcej|dalej)|читать\s+(?:далее|дальше)|подробнее|devamını\s+oku|続きを読む|阅读全文)\W*$",
    re.IGNORECASE,
)
"""The link that ends a teaser of another page ("Read more", "Weiterlesen", "Читать далее")."""


def _reads_on(element: HtmlElement) -> bool:
    """Whether an element holds a "Read more" link: a teaser of another page, not a comment."""
    return any(READ_MORE.match(" ".join(link.text_content().split())) for link in element.iter("a"))


CARD_TITLE_HEADS = frozenset({"title", "headline", "heading", "hed"})
"""Class words of a story card's title line (`HeroTextBelow-title`, `card__headline`)."""


def _is_card(element: HtmlElement) -> bool:
    """Whether an element is a story card: its title (a heading, or a line classed as one) is a link to
    another page, as in a list of related stories, each with its writer, date and summary. A comment's
    subject links to the comment itself (`#comment-12`), when it links at all."""
    for title in element.iter("h2", "h3", "h4", "h5", "h6", "div", "span", "p"):
        if title.tag.startswith("h") or not CARD_TITLE_HEADS.isdisjoint(class_heads(title)):
            text = _letters(title.text_content())
            links = [link for link in title.iter("a") if _leads_away(link.get("href", ""))]
            if text and links and sum(_letters(link.text_content()) for link in links) * 2 > text:
                return True
    return False


def _leads_away(href: str) -> bool:
    href = href.strip().lower()
    return bool(href) and "#" not in href and not href.startswith(("javascript:", "mailto:")) and "comment" not in href


def generic_comments(tree: HtmlElement, lang: str | None) -> FoundComments | None:
    """The repeated author+date+text structures that look most like a comment list; None when none do."""
    groups: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
    found = candidates(tree, lang)
    for element in found:
        if not _is_aside(element) and not _holds_headline(element) and not _in_pingback(element):
            groups[_kind(element)].append(element)
    best: FoundComments | None = None
    best_members: list[HtmlElement] = []
    best_score = 0.0
    sections: list[HtmlElement] | None = None
    for members in groups.values():
        named = sum(_is_named(member) for member in members) / len(members)
        if named < 0.5 and len(members) < MIN_UNNAMED_GROUP:
            continue
        if named < 0.5:
            sections = _comment_sections(tree) if sections is None else sections
            if sections and not any(section in member.iterancestors() for member in members for section in sections):
                continue  # the page has a comment section (empty: `noComments`), and these sit outside it: teasers
        if named < 0.5 and sum(_linked(member) or _reads_on(member) for member in members) > len(members) / 2:
            continue  # teasers: each one is a link to another page, or ends with one ("Read more")
        if sum(_is_card(member) for member in members) > len(members) / 2:
            continue  # story cards: each one titled by a link to another story
        comments = read_items(members, FieldPaths(), lang)
        with_text = sum(bool(comment.blocks) for comment in comments) / len(comments)
        average = sum(len(text) for comment in comments for _, text, _, _ in comment.blocks) / len(comments)
        dated = sum(comment.date is not None for comment in comments) / len(comments)
        unnamed_but_like_comments = with_text == 1 and average >= MIN_UNNAMED_TEXT and dated >= MIN_UNNAMED_DATED
        if with_text == 0 or (named < 0.5 and not unnamed_but_like_comments):
            continue
        score = len(members) * (1 + 2 * named + with_text)
        if score > best_score:
            best, best_score = FoundComments(tuple(comments), "generic", elements=tuple(members)), score
            best_members = members
    if best is None:
        return None
    replies = _reply_groups(best_members, [members for members in groups.values() if members is not best_members], lang)
    if not replies:
        return best
    order = {element: n for n, element in enumerate(found)}
    merged = sorted([*best_members, *replies], key=order.__getitem__)
    return FoundComments(tuple(read_items(merged, FieldPaths(), lang)), "generic", elements=tuple(merged))


def _reply_groups(comments: list[HtmlElement], others: list[list[HtmlElement]], lang: str | None) -> list[HtmlElement]:
    """The members of other groups that are comments too, marked up apart (Slate's `article_comment_answer`
    beside its `article_comment_item`): each named like a comment, with text, inside the box that holds all the
    comments, and in no box that holds one of them (nor holding one: a part of a comment is no reply)."""
    box = common_ancestor(comments)
    if box is None:
        return []
    # The boxes below `box` that hold a comment: a reply sits in none of them (a part of a comment would).
    holders = {
        holder
        for comment in comments
        for holder in itertools.takewhile(lambda a: a is not box, comment.iterancestors())
    }
    holders.update(comments)
    taken: list[HtmlElement] = []
    for members in others:
        if all(
            _is_named(member)
            and member.tag not in QUOTE_TAGS
            and not _in_quote(member)
            and _apart(member, box, holders)
            for member in members
        ) and all(comment.blocks for comment in read_items(members, FieldPaths(), lang)):
            taken.extend(members)  # not a quote of a comment, with its writer and date, nor a header without text
    return taken


def _apart(element: HtmlElement, box: HtmlElement, holders: set[HtmlElement]) -> bool:
    """Whether an element sits in `box` beside the comments: neither it nor a box between them holds one."""
    for node in (element, *element.iterancestors()):
        if node is box:
            return True
        if node in holders:
            return False
    return False  # outside the box


COMMENT_BOXES = path(
    "//*[re:test(@class, '(?:^|\\s)(?:comment|comment[-_]?(?:item|entry)|comments?__item)(?:\\s|$)', 'i')]"
)
MIN_UNDATED = 0.8
"""Undated comment boxes: this share of them must show an author and text."""


PINGBACK_CLASSES = frozenset({"pingback", "trackback"})


def _in_pingback(element: HtmlElement) -> bool:
    """Whether an element is (in) a pingback or trackback the comment list draws like a comment (WordPress's
    `li.pingback`: the linking page's title as the writer, an excerpt as the text), which the engines skip too: a
    class named so whole, not a box of comments and pingbacks (`comments-and-pingbacks`)."""
    return any(
        PINGBACK_CLASSES.intersection(node.get("class", "").split()) for node in (element, *element.iterancestors())
    )


def undated_comments(tree: HtmlElement, lang: str | None) -> FoundComments | None:
    """Boxes classed as comments that show an author and text but no date (a comment system's fallback list
    in a saved page: `div.comment > div.comment-author + div.comment-body`); None when there are not
    several. A comment section in an aside is the page's own; other asides and hidden boxes are left out."""
    members = [box for box in COMMENT_BOXES(tree) if isinstance(box, HtmlElement) and not _aside_box(box)]
    if len(members) < MIN_UNNAMED_GROUP:
        return None
    comments = read_items(members, FieldPaths(), lang)
    shown = sum(bool(comment.blocks and comment.author) for comment in comments)
    if shown < MIN_UNDATED * len(comments):
        return None
    return FoundComments(tuple(comments), "generic", elements=tuple(members))


def _aside_box(box: HtmlElement) -> bool:
    """Whether a comment box is hidden or sits in page furniture above the nearest comment section."""
    if is_hidden(box):
        return True
    for node in box.iterancestors():
        if node.tag in PAGE_TAGS:
            break
        if _comment_box(node):
            return False  # the comment section, wherever it sits
        if node.tag in ASIDE_TAGS or not ASIDE_WORDS.isdisjoint(_block_words(node)):
            return True
    return False
