"""What in a page's HTML is text, and whose: the tests the block walker (`markup`) and the page reader share.

Scripts, styles, forms to fill, buttons and hidden elements (the `hidden` attribute, `aria-hidden`,
inline `display:none`, screen-reader-only classes) are not text, nor are the small widgets pages put
inside a post (share and vote buttons, reply and "expand" links, signatures). Quotes are blockquotes and
the boxes forum engines draw; their author comes from the markup when it names one (`data-author`, a
`cite` or "NAME wrote:" header). Also: the visible text of an element on one line, class words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import islice

from lxml import etree
from lxml.html import HtmlElement

from translator.readers.html_dates import could_be_date
from translator.readers.html_marks import PageMarks

SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "button", "input", "select", "textarea", "option",
        "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video", "map", "head", "title",
        "meta", "link", "nav", "menu", "dialog",
    }
)  # fmt: skip
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "aside", "header", "footer", "main", "ul", "ol", "li", "dl",
        "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3",
        "h4", "h5", "h6", "pre", "figure", "figcaption", "address", "details", "summary", "center", "hr",
        "fieldset", "legend", "body", "html", "blockquote", "form",
    }
)  # fmt: skip
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
HIDDEN_CLASSES = frozenset(
    {
        "hidden", "hide", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "element-invisible", "element-hidden", "invisible", "says", "u-hidden", "is-hidden", "noscreen",
    }
)  # fmt: skip
# Words in a class or id that mark a widget inside a post, whatever its length.
WIDGET_WORDS = frozenset(
    {"share", "sharing", "social", "vote", "votes", "voting", "reactions", "signature", "actionbar"}
)
REACTION = "reaction"
"""How the class words of a row of reactions start (`reactions`, `reactionBar`, `postreactions`), whatever their
length; not the Dutch `reactie(s)`, which are comments."""
# Words that mark a control when the element's text is short: reply links, "expand", "report"...
CONTROL_WORDS = frozenset(
    {
        "reply",
        "respond",
        "expand",
        "expandlink",
        "collapse",
        "permalink",
        "report",
        "complain",
        "flag",
        "edit",
        "toolbar",
        "tools",
        "alert",
        "like",
        "likes",
        "subscribe",
        "btn",
        "button",
        "menu",
        "dropdown",
        "favorite",
        "favourite",
        "bookmark",
    }
)
# Where a link to log in or to register leads: such a link is a control ("Antworten" for guests), not text.
LOGIN_LINK = re.compile(
    r"(?:log-?in|sign-?in|sign-?up|einloggen|anmelden|registrier|connexion|inscription|wp-login)", re.I
)
# Parts of class names that mark a control when the text is short ("Click to expand...", "Read more").
CONTROL_PARTS = ("expand", "readmore", "read-more", "showmore", "show-more", "loadmore", "load-more")
CONTENT_PARTS = ("content", "text", "body", "message")
CONTENT_HEADS = frozenset(CONTENT_PARTS)
SHORT_CONTROL_CHARS = 40
MAX_FORM_CHARS = 1500
"""A form holding more text than this wraps content, not just fields and their labels."""
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
WORD_SPLIT = re.compile(r"[\s_\-]+")
CAMEL_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
"""Where a camelCase or PascalCase name changes word (`commentAuthor`, `CommentList`, `HTMLComment`)."""
INVISIBLE_CHARACTERS = ("\u200b", "\ufeff", "\u00ad")
INVISIBLE = str.maketrans("", "", "".join(INVISIBLE_CHARACTERS))
# "NAME wrote:", "NAME a écrit :", "Quote from NAME", "NAME пишет:": how pages name who is quoted or
# who wrote, in the languages we see most.
NAME_VERB = re.compile(
    r"\s*\b(?:wrote|said|says|schrieb|sagt|hat gesagt|a écrit|écrit|a dit|dit|escribió|dijo|comentó|dice|ha scritto"
    r"|scrive|disse|napisał\w*|pisze|написал\w*|пишет|писал\w*|сказал\w*|escreveu|schreef|zei|reply|replied)"
    r"\s*(?:[:：]|(?:\.\.\.|…)\s*$)",
    re.IGNORECASE,
)
NAME_PREFIX = re.compile(
    r"^\(?(?:quote from|quote|quoting|originally posted by|original post by|posted by|zitat von|zitat|citation de"
    r"|citation|cita de|цитата|cytat|review by|reviewed by|bewertung von|rezension von|avis de|opinión de)"
    r"\b\s*[:：]?\s*",
    re.IGNORECASE,
)
SAID_IN = re.compile(
    r"^\S.{0,60}?\s(?:said in|sagte in|a dit dans|dijo en|disse em|ha detto in|zei in|сказал в|написал в)"
    r"\s.{1,200}[:：]$",
    re.IGNORECASE,
)
"""The line NodeBB puts first in a quote: "@NAME said in TOPIC:", with the topic's title."""
NAME_TRIM = " \t:：,↑⇧▲\"'«»„“”@-–—|·•"
MAX_NAME_CHARS = 60
QUOTE_HEADER_HEADS = frozenset(
    {"author", "title", "header", "head", "attribution", "postedby", "cite", "name", "origin"}
)  # fmt: skip
QUOTE_WORDS = frozenset({"quote", "quotation", "quoted"})
QUOTE_CLASSES = frozenset({"quote", "bbcode_quote", "quotecontent", "quotebox", "ipsquote", "bbquoteblock"})
QUOTE_AUTHOR_ATTRIBUTES = (
    "data-author", "data-quote", "data-username", "data-ipsquote-username", "data-user", "data-commentuser"
)  # fmt: skip
QUOTE_HEADER_CLASSES = frozenset(
    {
        "title",
        "quote-title",
        "title_quote",
        "bbquotename",
        "bbcodeblock-title",
        "quoteheader",
        "quote-header",
        "bbcode_postedby",
        "postedby",
        "attribution",
    }
)


NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


NUMERIC_REFERENCE = re.compile(r"&#(?:0*(\d{1,8})|[xX]0*([0-9a-fA-F]{1,8}));?")
WINDOWS_1252_CODES = range(0x80, 0xA0)
"""Numbers that pages' character references mean in Windows-1252, as browsers read them (`&#151;` is an em
dash); the parser would give the C1 control characters of those numbers."""


def _reference(match: re.Match[str]) -> str:
    """A numeric character reference as browsers read it where the parser would not: one to a character lxml
    refuses (`&#26;`, a lone surrogate, past Unicode) is none; one in Windows-1252's range is that character."""
    code = int(match[1]) if match[1] else int(match[2], 16)
    if code in WINDOWS_1252_CODES:
        return bytes([code]).decode("cp1252", errors="ignore")  # five numbers it leaves undefined: none
    if code > 0x10FFFF or NOT_XML.match(chr(code)):
        return ""
    return match[0]


def xml_safe(text: str) -> str:
    """Markup without the characters lxml refuses (NUL, other C0 controls, lone surrogates), written or as
    numeric references, which would fail when a text is set back into the tree; references to Windows-1252's
    characters by their numbers there read as browsers read them."""
    return NUMERIC_REFERENCE.sub(_reference, NOT_XML.sub("", text))


INLINE_TAGS = frozenset(
    {
        "p", "span", "a", "b", "i", "em", "strong", "u", "s", "small", "big", "sub", "sup", "mark", "font", "q",
        "cite", "abbr", "code", "time", "label", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption",
    }
)  # fmt: skip
"""Elements that hold a run of text: a mark (`<!-- -->`) inside one sits in the middle of a sentence."""
KEPT_MARKS = frozenset({"noindex", "/noindex"})
"""Marks that say something of the elements around them (what search engines skip): kept where they are."""


def drop_text_marks(tree: HtmlElement) -> None:
    """Take out the HTML comments and processing instructions that sit inside a paragraph (in an element that
    holds a run of text, or with text on either side), keeping the text after them where it was: an editor's
    `<!-- ad slot -->` or React's `<!-- react-text -->` inside a paragraph is no part of it, and an extractor
    that meets it there ends the paragraph (two paragraphs came out as one). Marks between blocks stay."""
    marks = [mark for mark in tree.iter(etree.Comment, etree.ProcessingInstruction) if _in_text(mark)]
    for mark in marks:
        parent = mark.getparent()
        if parent is None:
            continue
        tail = mark.tail or ""
        previous = mark.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        parent.remove(mark)


def _in_text(mark: etree._Element) -> bool:
    parent = mark.getparent()
    if parent is None or (mark.text or "").strip().lower() in KEPT_MARKS:
        return False
    if parent.tag in INLINE_TAGS or (mark.tail and mark.tail.strip()):
        return True
    previous = mark.getprevious()
    before = previous.tail if previous is not None else parent.text
    return bool(before and before.strip())


MIN_LOOSE_CHARS = 80
"""Characters of loose text in a box of paragraphs that make a paragraph of it (less: a label, a caption)."""


def loose_paragraphs(tree: HtmlElement) -> None:
    """Make a paragraph of each run of loose text (at least MIN_LOOSE_CHARS outside links, with the links and
    marks inside it) that sits directly in a box of paragraphs before the first of them, at its start or after
    another block: the lead a site writes outside its `<p>`s ("SAN FRANCISCO (AP) — ..." after a related-stories
    box), which an extractor loses with the box before it or runs into the next paragraph. Text loose after a
    paragraph is left to the extractor, which reads it (a paragraph more there changes which box it takes)."""
    for box in BOXES_OF_PARAGRAPHS(tree):
        if not isinstance(box, HtmlElement) or box.tag not in BLOCK_TAGS:
            continue  # a paragraph the parser put inside a `span` (a picture's caption box) makes no box of it
        runs: list[tuple[HtmlElement | None, list[etree._Element]]] = [(None, [])]
        for child in box:
            if child.tag == "p" and child.text_content().strip():
                break  # an empty one is left where a `<p>` was opened before a block (which closed it)
            if isinstance(child, HtmlElement) and child.tag in BLOCK_TAGS:
                runs.append((child, []))
            else:
                runs[-1][1].append(child)
        for before, inline in runs:
            if len(_run_text(box, before, inline)) >= MIN_LOOSE_CHARS:
                _wrap_run(box, before, inline)


# `/descendant::`, not `//` (libxml2 merges nested boxes' results in quadratic time): `html_items.descendant_steps`.
BOXES_OF_BREAKS = etree.XPath("/descendant::*[br][not(p)]")
MIN_BROKEN_RUNS = 2
BOX_TAGS = frozenset({"div", "section", "article", "main", "td"})


def broken_paragraphs(tree: HtmlElement) -> None:
    """Make a paragraph of each run of loose text between blank lines (`<br><br>`) or blocks, in a box of text
    that has no `<p>`, holds two or more such runs of at least MIN_LOOSE_CHARS and no block as long (a picture's
    caption at most): a story written with line breaks (MacRumors), whose first paragraph, before a picture, an
    extractor loses; its short runs too ("Tempor", a line before a blank one). A single `<br>` stays a break in its
    paragraph (a poem's lines, an address); a run that is only links is left as it is."""
    for box in BOXES_OF_BREAKS(tree):
        if not isinstance(box, HtmlElement) or box.tag not in BOX_TAGS:
            continue
        runs: list[tuple[HtmlElement | None, list[etree._Element]]] = [(None, [])]
        for child in box:
            blank = child.tag == "br" and (previous := child.getprevious()) is not None and previous.tag == "br"
            blank = blank and not (previous.tail or "").strip()
            if (isinstance(child, HtmlElement) and child.tag in BLOCK_TAGS) or blank:
                runs.append((child, []))
            else:
                runs[-1][1].append(child)
        texts = [_run_text(box, before, inline) for before, inline in runs]
        if sum(len(text) >= MIN_LOOSE_CHARS for text in texts) < MIN_BROKEN_RUNS:
            continue
        if any(before is not None and len(visible_text(before)) >= MIN_LOOSE_CHARS for before, _ in runs):
            continue  # text in blocks of its own too (a review's conclusion box): the extractor reads such boxes
        for (before, inline), text in zip(runs, texts, strict=True):
            if not text:
                continue
            while inline and inline[-1].tag == "br" and not (inline[-1].tail or "").strip():
                inline.pop()  # the blank line's first break closes the paragraph
            _wrap_run(box, before, inline)


def _wrap_run(box: HtmlElement, before: HtmlElement | None, inline: list[etree._Element]) -> None:
    """A run of loose text in a box (the text after `before`, else the box's own, and the inline elements) made a
    paragraph in its place."""
    paragraph = box.makeelement("p", {})
    paragraph.text = box.text if before is None else before.tail
    if before is None:
        box.text = None
        box.insert(0, paragraph)
    else:
        before.tail = None
        before.addnext(paragraph)  # not `box.index(before)`: a scan of the box for each run
    paragraph.extend(inline)


def _run_text(box: HtmlElement, before: HtmlElement | None, inline: list[etree._Element]) -> str:
    """A run's loose text, its links' words left out (a row of links is no paragraph)."""
    lead = box.text if before is None else before.tail
    return " ".join(((lead or "") + "".join(f" {_unlinked(child)} {child.tail or ''}" for child in inline)).split())


BOXES_OF_PARAGRAPHS = etree.XPath("/descendant::*[p]")
SLIDES = etree.XPath(
    "/descendant::*[self::li or self::figure or self::div or self::section]"
    "[contains(translate(@class, 'SLIDE', 'slide'), 'slide')]"
)
SLIDE = "slide"
SLIDE_CLASS = re.compile(r"(?:[\w-]*[-_])?slide", re.IGNORECASE)
"""A class that names one slide of a slideshow (`slide`, `flat-slide`, `swiper-slide`, `rt_slide`), not the
slideshow (`slides`, `slider`) nor a page that slides in (`sticky-menu-slide` is one too: only where it holds
text)."""
MIN_SLIDES = 3
MIN_SLIDE_CHARS = 40
SLIDE_STOPS = frozenset({"article", "main"})


def slideshow(tree: HtmlElement, marks: PageMarks | None = None) -> list[HtmlElement]:
    """The slides of a slideshow in the story's box, which an extractor loses: it drops every box whose class
    holds "slide", and pictures' captions (popsugar's `figure.flat-slide` > `figcaption` > `p`, one per
    costume). A slideshow is three or more slides side by side that each hold a sentence or more in paragraphs
    or a caption, mostly not links (a carousel of teasers is links), inside the `article` or `main` box that
    holds the page's `h1`; the first such on the page. With the page's `marks`, a page none of whose class names
    holds "slide" is not searched."""
    if marks is not None and not any(SLIDE in name for name in marks.classes):
        return []
    shows: dict[HtmlElement, list[HtmlElement]] = {}
    for slide in SLIDES(tree):
        parent = slide.getparent() if isinstance(slide, HtmlElement) else None
        named = any(SLIDE_CLASS.fullmatch(name) for name in slide.get("class", "").split())
        if parent is not None and named and _slide_text(slide):
            shows.setdefault(parent, []).append(slide)
    for parent, slides in shows.items():
        story = next((box for box in (parent, *parent.iterancestors()) if box.tag in SLIDE_STOPS), None)
        if len(slides) >= MIN_SLIDES and story is not None and story.find(".//h1") is not None:
            return slides
    return []


def _slide_text(slide: HtmlElement) -> bool:
    """Whether a slide holds a sentence or more in its paragraphs or caption, mostly not links."""
    boxes = [box for box in slide.iter("p", "figcaption") if box.find(".//p") is None]
    text = " ".join(visible_text(box) for box in boxes)
    linked = sum(len(visible_text(link)) for box in boxes for link in box.iter("a"))
    return len(text) >= MIN_SLIDE_CHARS and linked * 2 < len(text)


def _unlinked(element: etree._Element) -> str:
    """An element's text in a run of loose text, unless it is a link's (a row of links is no paragraph)."""
    return visible_text(element) if isinstance(element, HtmlElement) and element.tag != "a" else ""


def clean_text(text: str) -> str:
    """Whitespace collapsed to single spaces (no-break ones too), invisible characters removed."""
    return " ".join(_visible_characters(text).split())


def _visible_characters(text: str) -> str:
    """The text without its invisible characters: looked for first (`in` runs at C speed, and at once where the
    text holds no character as high; `translate` with a table is slower, and most texts hold none)."""
    first, second, third = INVISIBLE_CHARACTERS
    if first in text or second in text or third in text:
        return text.translate(INVISIBLE)
    return text


def text_longer_than(element: HtmlElement, limit: int) -> bool:
    """Whether an element's text as `clean_text` gives it is longer than `limit` characters, read only as far
    as that needs: asked of every ancestor of many elements, the whole text each time would make reading a
    page quadratic (a page wrapped in one form or one box with a control's class)."""
    kept = ""
    for piece in element.itertext():
        kept += piece
        if len(kept) <= limit:
            continue  # cleaning never lengthens a text: what is this short is short cleaned
        joined = _visible_characters(kept)
        # What is kept collapses as the whole would; a space at its end may still separate the next piece.
        kept = " ".join(joined.split()) + (" " if joined[-1:].isspace() else "")
        if len(kept.rstrip()) > limit:
            return True
    return False


def _camel_split(names: str) -> str:
    """Names with a space where a camelCase word starts: `commentAuthor` -> `comment Author`."""
    return CAMEL_BOUNDARY.sub(" ", names)


RUN_TOGETHER_HEADS = ("comments", "comment", "post", "reply", "user", "message", "author", "entry", "forum", "topic")
"""Words themes run the next word into, all in lower case (`commentheader`, `postbody`, `userinfo`)."""
RUN_TOGETHER_TAILS = frozenset(
    {
        "header", "head", "body", "text", "content", "meta", "author", "date", "time", "datetime", "info",
        "footer", "avatar", "list", "item", "items", "tools", "actions", "name", "user", "username", "message",
        "wrapper", "box", "container", "entry", "title", "reply", "replies", "votes", "vote", "score", "likes",
        "link", "permalink", "timestamp", "count", "number", "form", "details", "data", "area", "section",
        "reactions", "rating", "signature", "quote", "nick", "nickname", "profile", "thread", "block", "inner",
    }
)  # fmt: skip
"""What may follow one of RUN_TOGETHER_HEADS in a run-together name, to be read as its own word."""


def _run_together(word: str) -> tuple[str, ...]:
    """The two words of a run-together name (`commentheader` -> `comment`, `header`), else nothing."""
    for head in RUN_TOGETHER_HEADS:
        if word.startswith(head) and word[len(head) :] in RUN_TOGETHER_TAILS:
            return head, word[len(head) :]
    return ()


@lru_cache(maxsize=8192)
def _words(names: str) -> frozenset[str]:
    # A camelCase name gives its words and stays whole too (`bbWrapper`, `postMessage`: rules name some whole);
    # so does a run-together one (`commentheader`: `comment`, `header`).
    words = [*WORD_SPLIT.split(names.lower()), *WORD_SPLIT.split(_camel_split(names).lower())]
    return frozenset([*words, *(part for word in words for part in _run_together(word))]) - {""}


COMMENT_WORD = re.compile(r"comment|koment|komment|коммент|комент|coment")


@lru_cache(maxsize=8192)
def _names_widget(names: str) -> bool:
    """Whether a class or id names a widget: a widget's word in it with no word of comments after it (a share
    bar's list of comments, `allShareBarCommentsList`, is the comments; `commentShareButton` is a button)."""
    for token in names.split():
        split = [word for word in WORD_SPLIT.split(_camel_split(token).lower()) if word]
        words = [part for word in split for part in (_run_together(word) or (word,))]
        widget = [n for n, word in enumerate(words) if word in WIDGET_WORDS or word.startswith(REACTION)]
        whole = token.lower()
        if not widget and (whole in WIDGET_WORDS or whole.startswith(REACTION)):
            return True
        if widget and not any(COMMENT_WORD.match(word) for word in words[widget[-1] + 1 :]):
            return True
    return False


@lru_cache(maxsize=8192)
def _tokens(classes: str) -> frozenset[str]:
    return frozenset(classes.lower().split())


@lru_cache(maxsize=8192)
def _heads(classes: str) -> frozenset[str]:
    heads = set()
    for token in classes.split():
        for last in (WORD_SPLIT.split(token.lower())[-1], WORD_SPLIT.split(_camel_split(token).lower())[-1]):
            heads.add(last)
            heads.update(_run_together(last)[1:])
    return frozenset(heads) - {""}


@lru_cache(maxsize=8192)
def _names_control(names: str) -> bool:
    """Whether a class or id names a control by one of its words, unless its last word says it holds the
    text (`js-expandContent`, `replyText`, `reply-body`: the text of an expandable box or of a reply)."""
    return any(
        not CONTROL_WORDS.isdisjoint(_words(name))
        and CONTENT_HEADS.isdisjoint(_heads(name))
        and not LAYOUT.search(name)
        for name in names.split()
    )


LAYOUT = re.compile(r"(?:padding|margin|border|gutter|gap)s?[-_]collapse", re.IGNORECASE)
"""A grid's spacing utility (Foundation's `small-padding-collapse`), whose "collapse" is no control's."""


def name_words(name: str) -> frozenset[str]:
    """The words of one class name or id, as `class_words` splits them."""
    return _words(name)


def class_words(element: HtmlElement) -> frozenset[str]:
    """The words of an element's class and id, lowercased and split at `-`, `_` and where a camelCase
    word starts (`userComment` gives `user`, `comment`, and `usercomment` whole)."""
    return _words(f"{element.get('class', '')} {element.get('id', '')}")


def class_heads(element: HtmlElement) -> frozenset[str]:
    """The last word of each class name: what the class is (`comment__author` and `commentAuthor` are an
    author; `justify-content-center` is not content). A camelCase name gives its whole last part too
    (`bbWrapper`: `wrapper` and `bbwrapper`)."""
    return _heads(element.get("class", ""))


def class_tokens(element: HtmlElement) -> frozenset[str]:
    """The class names of an element, lowercased."""
    return _tokens(element.get("class", ""))


def is_hidden(element: HtmlElement) -> bool:
    """Whether the page hides this element from readers."""
    if element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true":
        return True
    if HIDDEN_STYLE.search(element.get("style", "")):
        return True
    return not HIDDEN_CLASSES.isdisjoint(class_tokens(element))


def is_form_to_fill(element: HtmlElement) -> bool:
    """A form with fields to fill (a comment or login form), unlike a form that only wraps text (old
    Reddit's comments) or a whole page (ASP.NET wraps every page in one)."""
    fields = element.iter("textarea", "input", "select")
    if next((field for field in fields if field.tag != "input" or field.get("type") != "hidden"), None) is None:
        return False
    return not text_longer_than(element, MAX_FORM_CHARS)


def is_skipped(element: HtmlElement) -> bool:
    """Whether an element and everything in it stays out of the blocks."""
    tag = element.tag
    if not isinstance(tag, str) or tag in SKIPPED_TAGS:
        return True
    if not element.keys() and tag != "form":
        return False  # most elements carry no attribute at all: nothing can mark them
    if is_hidden(element):
        return True
    if tag == "form" and is_form_to_fill(element):
        return True
    words = class_words(element)
    if (not WIDGET_WORDS.isdisjoint(words) or any(word.startswith(REACTION) for word in words)) and _names_widget(
        f"{element.get('class', '')} {element.get('id', '')}"
    ):
        return True
    if tag == "a" and element.get("href", "").lower().startswith("javascript:"):
        return True
    if tag == "div" and is_quote_label(element):
        return True  # the quote's box below says what it is
    by_word = not CONTROL_WORDS.isdisjoint(words) and _names_control(
        f"{element.get('class', '')} {element.get('id', '')}"
    )
    by_part = not by_word and any(
        any(part in token for part in CONTROL_PARTS) and not any(word in token for word in CONTENT_PARTS)
        for token in class_tokens(element)
    )
    if not (by_word or by_part) or text_longer_than(element, SHORT_CONTROL_CHARS):
        return False
    # "expand" in a class marks a control ("Click to expand..."), or a box that expands: the box holds paragraphs.
    return by_word or not any(
        isinstance(inner.tag, str) and inner.tag in BLOCK_TAGS for inner in element.iterdescendants()
    )


def descendants(
    root: HtmlElement, passed: Callable[[HtmlElement], bool], stop: Callable[[HtmlElement], bool] = lambda node: False
) -> Iterator[HtmlElement]:
    """The elements under `root` in page order: a `passed` one is left out with all it holds; a `stop` one is
    given but not looked inside."""
    walker = etree.iterwalk(root, events=("start",))
    for _, node in walker:
        if node is root:
            continue
        if not isinstance(node.tag, str) or passed(node):
            walker.skip_subtree()
            continue
        yield node
        if stop(node):
            walker.skip_subtree()


TEXT_EVENTS = ("start", "end", "comment", "pi")
"""What a walk over an element's text listens for: its elements, and the marks whose tail holds text too (React
draws `<!-- react-text: 7 -->Hello<!-- /react-text -->`: "Hello" is the first comment's tail)."""
MARK_EVENTS = frozenset({"comment", "pi"})


def visible_text(element: HtmlElement) -> str:
    """The text a reader sees in an element, on one line."""
    return clean_text(" ".join(_visible_pieces(element)))


def _visible_pieces(element: HtmlElement) -> Iterator[str]:
    walker = etree.iterwalk(element, events=TEXT_EVENTS)
    for event, node in walker:
        if event in MARK_EVENTS:
            if node.tail:
                yield node.tail
        elif event == "start":
            if node is not element and is_skipped(node):
                walker.skip_subtree()
            elif node.text:
                yield node.text
        elif node is not element and node.tail:
            yield node.tail


QUOTED_ON = re.compile(r"\s+(?:on|am|le|el|il|op|em|dnia|от)\s+(?=.*\d{4})\S.*$", re.IGNORECASE)
"""The quoted post's date after the name in a quote's header (SMF's `Quote from: NAME on DATE`, `Cytat: NAME on
DATE`), told by its year."""


def name_from_label(text: str) -> str | None:
    """A person's name out of a label around it: "Quote from NAME", "NAME wrote: ↑", "NAME пишет:"."""
    text = NAME_PREFIX.sub("", clean_text(text))
    if verb := NAME_VERB.search(text):
        text = text[: verb.start()]
    text = QUOTED_ON.sub("", text)
    name = text.strip(NAME_TRIM)
    if name.count("(") != name.count(")"):  # "(Original post by NAME)" loses its parentheses; "Eli (author)" keeps them
        name = name.strip(NAME_TRIM + "()")
    return name if 0 < len(name) <= MAX_NAME_CHARS else None


QUOTE_LABEL = re.compile(
    r"^(?:quote|zitat|citation|cita|citaat|citazione|citação|cytat|цитата|lainaus|sitat|citat|idézet|alıntı)\s*[:：]?$",
    re.IGNORECASE,
)
"""The label vBulletin 3 prints above a quote's box ("Quote:", "Zitat:", "Цитата:")."""
MAX_QUOTE_LABEL_CHARS = 16


def is_quote_label(element: HtmlElement) -> bool:
    """Whether an element is the "Quote:" line vBulletin 3 draws above the table that holds a quote."""
    following = element.getnext()
    return (
        element.tag == "div"
        and following is not None
        and following.tag == "table"
        and not text_longer_than(element, MAX_QUOTE_LABEL_CHARS)
        and QUOTE_LABEL.match(clean_text(element.text_content())) is not None
    )


def _is_quote_cell(cell: HtmlElement) -> bool:
    """Whether a table cell is the box of a vBulletin 3 quote: `td.alt2` in the table under a "Quote:" line."""
    if "quote" in class_tokens(cell):
        return True  # phpBB 2: `td.quote` under the row that names the writer ("NAME wrote:")
    if "alt2" not in class_tokens(cell):
        return False
    table = next((above for above in cell.iterancestors("table")), None)
    label = table.getprevious() if table is not None else None
    return label is not None and isinstance(label.tag, str) and is_quote_label(label)


def is_quote(element: HtmlElement) -> bool:
    """A blockquote, or a box a forum engine draws a quote in (`bbCodeQuote`, `bbCodeBlock--quote`, the
    `td.alt2` under vBulletin 3's "Quote:" line)."""
    tokens = class_tokens(element)
    if element.tag == "td":
        return _is_quote_cell(element)
    if element.tag == "blockquote":
        # vBulletin and XenForo 1 draw every post's own text in a blockquote named for it (`postcontent`).
        return not any(part in token for token in tokens for part in CONTENT_PARTS)
    return not QUOTE_CLASSES.isdisjoint(tokens) or any(
        token.endswith("quote") or not QUOTE_WORDS.isdisjoint(WORD_SPLIT.split(token)) for token in tokens
    )


QUOTE_HEADERS_APART = frozenset({"quoteheader", "citation"})
"""Class names of a quote's header drawn as the box before it, not inside it (SMF: `div.quoteheader` "Quote from:
NAME on DATE", then `div.quote` or `blockquote`; Invision 3: `p.citation` "NAME said DATE:")."""


def is_header_apart(element: HtmlElement) -> bool:
    """Whether an element is the header of the quote right after it (read as that quote's, not as text): SMF's
    `div.quoteheader`, phpBB 2's row "NAME wrote:" above the row of its `td.quote`."""
    if element.tag == "tr":
        following = element_beside(element)
        return (
            following is not None
            and any(isinstance(cell.tag, str) and is_quote(cell) for cell in following)
            and _names_writer(visible_text(element))
        )
    if QUOTE_HEADERS_APART.isdisjoint(class_tokens(element)):
        # a bold "NAME wrote:" before the quote's box (Kunena 3: `<b>NAME пишет:</b>` then `div.kmsgtext-quote`)
        if element.tag not in ("b", "strong") or (following := element_beside(element)) is None:
            return False
        return is_quote(following) and _names_writer(visible_text(element))
    following = element_beside(element)
    return following is not None and is_quote(following)


def element_beside(element: HtmlElement, *, before: bool = False) -> HtmlElement | None:
    """The element right after an element (or before it), past the HTML comments between them."""
    return next((sibling for sibling in element.itersiblings(preceding=before) if isinstance(sibling.tag, str)), None)


def _header_before(quote: HtmlElement) -> HtmlElement | None:
    holder = quote.getparent() if quote.tag == "td" else quote  # a cell's header is the row above its row
    header = element_beside(holder, before=True) if holder is not None else None
    return header if header is not None and is_header_apart(header) else None


def quote_author(quote: HtmlElement) -> tuple[str | None, HtmlElement | None]:
    """Who a quote quotes, and the header element that names them (left out of the quoted text)."""
    header = _quote_header(quote)
    # A box around the quote names its author too (XenForo 1: `div.bbCodeQuote[data-author]`), when it is a
    # quote's box: the post around a bare blockquote names the post's writer (NodeBB's `li[data-username]`).
    boxes = [box for box in islice(quote.iterancestors(), 2) if any("quote" in name for name in class_tokens(box))]
    for holder in (quote, *boxes, *([header] if header is not None else [])):  # DataLife Engine: on the header
        for attribute in QUOTE_AUTHOR_ATTRIBUTES:
            if value := clean_text(holder.get(attribute, "")).split(",")[0].strip():
                return value, header
    if header is None and (before := _header_before(quote)) is not None:
        return name_from_label(visible_text(before)), None
    if header is None or quote.get("data-topic") is not None:
        # Discourse names a quoted person in `data-username`: a quote of a topic without one is of the
        # topic, and its header holds the topic's title, not a name.
        return None, header
    # The name is often the header's one bold or linked part ("Originally Posted by <strong>NAME</strong>").
    for part in header.iter("strong", "b", "a"):
        if part is not header and (name := name_from_label(visible_text(part))) and name != visible_text(header):
            return name, header
    return name_from_label(_without_date_first(visible_text(header))), header


def _without_date_first(header: str) -> str:
    found = QUOTE_DATE_FIRST.match(header)
    if found is None or (found["date"] is not None and not could_be_date(found["date"])):
        return header
    return header[found.end() :]


QUOTE_DATE_FIRST = re.compile(r"^\((?=[^)]*\d)[^)]{4,40}\)\s*|^(?P<date>[^,]{4,40}),\s+")
"""The quoted post's date a header prints before the name (MyBB: `(01-02-2020, 10:15 AM) NAME Wrote:`; DataLife
Engine: `11 марта 2024 11:47, NAME написал:`)."""
MENTION_CLASSES = frozenset({"postmention"})
"""A link to the quoted post that starts a quote, naming its writer (Flarum: `<a class="PostMention">NAME</a> text`)."""


def _mention_first(paragraph: HtmlElement) -> HtmlElement | None:
    """The link naming the quoted post's writer that a quote's first paragraph starts with, if it does."""
    first = paragraph[0] if len(paragraph) and not (paragraph.text or "").strip() else None
    return first if first is not None and not MENTION_CLASSES.isdisjoint(class_tokens(first)) else None


def _quote_header(quote: HtmlElement) -> HtmlElement | None:
    """The first element of a quote when it is a `cite` or a titled header (`X wrote:`), else None."""
    if quote.text and quote.text.strip():
        return None
    for child in quote.iterdescendants():
        if not isinstance(child.tag, str):
            continue
        if (
            child.tag == "cite"
            or not QUOTE_HEADER_CLASSES.isdisjoint(class_tokens(child))
            or not QUOTE_HEADER_HEADS.isdisjoint(class_heads(child))
        ):
            return child if len(visible_text(child)) <= 2 * MAX_NAME_CHARS else None
        if child.tag in ("p", "div") and SAID_IN.match(visible_text(child)):  # NodeBB: "@NAME said in TOPIC:"
            return child
        if child.tag == "p" and (mention := _mention_first(child)) is not None:
            return mention
        if child.text and NAME_PREFIX.match(child.text.strip()):  # "Originally Posted by <strong>NAME</strong>"
            return child if len(visible_text(child)) <= 2 * MAX_NAME_CHARS else None
        if child.text and _names_writer(visible_text(child)):  # Kunena: `<a href=#N>NAME escribió:</a>`
            return child
        if (child.text and child.text.strip()) or (child.tag == "p" and visible_text(child)):
            return None
        if child.tag == "img" and not _in_icon(child, quote):
            return None
    return None


def _names_writer(text: str) -> bool:
    """Whether a quote's first line is its header alone, the writer and the verb (`NAME escribió:`)."""
    found = NAME_VERB.search(text)
    return found is not None and found.end() == len(text.rstrip()) and 0 < found.start() <= MAX_NAME_CHARS


ICON_HEADS = frozenset({"icon", "avatar"})


def _in_icon(image: HtmlElement, quote: HtmlElement) -> bool:
    """Whether an image of a quote is the quoted writer's picture before its header (WoltLab's `quoteBoxIcon`),
    not one of the quoted text."""
    for holder in image.iterancestors():
        if holder is quote:
            return False
        if not ICON_HEADS.isdisjoint(class_heads(holder)):
            return True
    return False
