"""What sits in an article's box and is not its text: tag lists, score counters, the headline again.

trafilatura keeps these when it falls back to an article's whole text (a short post: "37 Headline
Text... tag1 tag2"), and sometimes in its own extraction too. They are taken out of the tree before
the body is extracted: a tag list is a box of links to tag pages and little else ("Tags:", commas);
a score counter is an element named for a rating or votes that shows only a number; a heading
repeating the headline is the title, shown once as the article's title block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from translator.readers.common import BlockSpec
from translator.readers.html_items import elements_named, path
from translator.readers.html_marks import PageMarks
from translator.readers.html_text import REACTION, class_words, clean_text, text_longer_than
from translator.readers.markup import PAGE_RULES, element_blocks

TAG_PATH = (
    r"/(?:tags?|tagged|topics?/tag|etiquetas?|etichette|schlagw(?:ort|oerter|örter)\w*|stichw(?:ort|orte)\w*"
    r"|metki|mots?-cles?|tema/tag|tegi|теги?|метки)(?:/|$|\?)"
)
TAG_HREF = re.compile(TAG_PATH, re.IGNORECASE)
LINKS = path("//a[@href or @rel]")
SCORE_WORDS = frozenset({"rating", "vote", "votes", "voting", "karma", "likes", "pluses"})
COUNT_WORDS = frozenset({"count", "counter", "value", "total", "number", "result", "sum"})
SCORE_NAMES = re.compile("|".join(sorted(SCORE_WORDS)), re.IGNORECASE)
HEADINGS = elements_named("h1", "h2", "h3")


NAMED = path("descendant-or-self::*[@class or @id]")
"""Every named element under the element it is given: from the page's root, what `//*[@class or @id]` finds, in
two thirds of its time (libxml2 walks `//*` as every node's children)."""
ASIDE_NAMES = re.compile(r"related|similar|recommend|popular|trending|most-?read", re.IGNORECASE)
ASIDE_TAGS = frozenset({"div", "section", "aside", "ul", "ol"})
PAYWALL_NAMES = re.compile(r"(?:pay|reg|subscri(?:be|ption)|login)[-_]?wall|freemium|piano", re.IGNORECASE)


def named_like(
    tree: HtmlElement,
    names: re.Pattern[str],
    tags: frozenset[str] | None = None,
    *,
    class_only: bool = False,
    marks: PageMarks | None = None,
) -> list[HtmlElement]:
    """The elements (of those tags) whose class or id (`class_only`: class) the pattern finds, in page order.
    Tested here: XPath's `re:test()` calls into Python for each element, and its `translate()` to lower case costs
    as much (a fourth of reading a page went to such searches). With the page's `marks`, a page that uses no
    such name is not walked at all."""
    if marks is not None and not marks.may_name(names, class_only=class_only):
        return []
    return [
        element
        for element in NAMED(tree.getroottree().getroot())
        if isinstance(element, HtmlElement)
        and (tags is None or element.tag in tags)
        and names.search(
            element.get("class", "") if class_only else f"{element.get('class', '')} {element.get('id', '')}"
        )
    ]


PAYWALL_WORDS = frozenset({"paywall", "regwall", "freemium", "piano", "subscriptionwall", "loginwall"})
NOT_PROMPT_WORDS = frozenset({"non", "no", "not", "without", "preview", "content", "text", "body", "article", "free"})
"""A box named `non-paywall`, `freemium__preview` or `paywall-content` holds the text (its free part)."""
MAX_PAYWALL_CHARS = 800
"""A paywall's prompt ("Bereits Abonnent/in? Anmelden", "Jetzt diesen Artikel lesen!") is short; a box so
named that holds more is the paid text itself, which some sites keep in the page."""
ASIDE_WORDS = frozenset(
    {"related", "similar", "recommended", "recommendations", "recommend", "popular", "trending", "mostread"}
)
MAX_TEASER_PARAGRAPH = 300
"""A box of teasers holds short blurbs; one paragraph longer than this is text of the page itself."""
COMMENT_WORDS = (
    r"(?:comments?|responses?|replies|commentaires?|r[ée]actions?|kommentare?|leserkommentare|antworten"
    r"|comentarios?|coment[aá]rios?|commenti|commento|komentarz[eya]?|komentarzy|reacties"
    r"|комментари[йяеив]*|коментар[іяів]*|отзыв[аов]*|r[ée]ponses?|respuestas?|risposte|odpowied[zź]i?"
    r"|yorum(?:lar)?|reactie|条?评论|則?評論|件?のコメント|コメント|留言|댓글)"
)
LIST_BEFORE = (
    r"(?:all|alle|tous\s+les|toutes\s+les|todos\s+los|todas\s+las|tutti\s+i|wszystkie|все|list\s+of"
    r"|liste\s+(?:des|der)|lista\s+(?:de|dei|dos|das)|список|reader'?s?|leser|user)"
)
LIST_AFTER = r"(?:list[ae]?|liste|список|一覧|リスト|列表|목록)"
COMMENT_LIST = rf"(?:{LIST_BEFORE}\s+)?{COMMENT_WORDS}(?:\s*{LIST_AFTER})?"
"""The comment section's name, alone or as a list's ("コメント一覧", "Comments list", "Liste des commentaires",
"Alle Kommentare", "Reader comments")."""
BRACKETED = r"[(\[（【]\s*(?P<braced>\d[\d,.]{0,8}(?:\s\d{3})*)\s*[)\]）】]"
"""A count in brackets: "(12)", "( 12 )", "[12]", "（3）" (full-width, as Japanese pages print it)."""
COMMENTS_HEADING = re.compile(
    rf"^(?:\d+|one|un|une|ein|eine|uno|una|jeden|один|одна)?\s*{COMMENT_LIST}"
    rf"\s*(?:{BRACKETED}|:?\s*\d+)?\s*[:.]?$",
    re.IGNORECASE,
)
PRINTED_COUNT = re.compile(
    rf"^(?:(?P<before>\d[\d,.\s]{{0,8}})\s*(?:{COMMENT_WORDS}|thoughts?|kommentar)"
    r"(?:\s+(?:to|on|for|about|zu|zum|zur|über|à|au|sur|a|su|para|em|en|no|na|in|sobre|на|к|o|op|do|dla)\b.*)?"
    rf"|{COMMENT_LIST}\s*(?:{BRACKETED}|:?\s*(?P<after>\d[\d,.\s]{{0,8}})))"
    r"\s*[:.»›→]?$",
    re.IGNORECASE | re.DOTALL,
)
"""The comment section's heading with its count: "32 Comments", "32 thoughts on “Title”", "Комментарии (32)",
"コメント一覧 (3)", "Alle Kommentare [12]"."""
COUNT_HEADINGS = elements_named("h1", "h2", "h3", "h4", "h5", "h6")
COMMENT_TITLE_NAMES = re.compile(r"comments?[-_]?(?:list[-_]?)?(?:title|heading|header)", re.IGNORECASE)
"""Headings, and the elements a theme names as the comment section's or list's title (`comments-title`,
`commentListHeader`)."""
MAX_COUNT_HEADING_CHARS = 200
YEAR = re.compile(r"(?:19|20)\d\d")
BARE_NUMBER = re.compile(r"^[+\-−–]?\s*\d[\d\s.,]*[kKмМ]?$")
AD_WORDS = (
    r"(?:anzeigen?|werbung|advertisement|advertising|sponsored|publicidad|publicidade|publicité|pubblicità|реклама"
    r"|reklama|annonce)"
)
AD_STEMS = (
    "anzeige",
    "werbung",
    "advertis",
    "sponsored",
    "publicit",
    "publicid",
    "pubblicit",
    "реклама",
    "reklama",
    "annonce",
)
"""What each of AD_WORDS holds, lowercased: a page whose text holds none has no advert's label."""
AD_LABEL = re.compile(rf"^{AD_WORDS}\s*[:\-–—]?$", re.I)
"""A line that only labels an advertisement ("Anzeige", "Advertisement:"), wherever it stands."""
AD_LINE = re.compile(rf"^{AD_WORDS}\s*[:\-–—|]\s*\S", re.I)
"""A label, a separator, then the advert's own words ("ANZEIGE - Heute mal ausgehen? Wie wäre es mit:")."""
MAX_AD_LINE_CHARS = 100
AD_LINE_TAGS = ("p", "div", "span", "b", "strong", "small", "em", "h2", "h3", "h4", "h5", "h6")
AD_START = re.compile(rf"\s*{AD_WORDS}", re.IGNORECASE)


def _ad_line_candidates(tree: HtmlElement) -> list[HtmlElement]:
    """The elements whose text starts with an advert's label and a separator ("ANZEIGE - ..."), in page order. The
    first piece of text is tested before the whole (an XPath of `normalize-space(.)` per element reads each box's
    text once for every box around it)."""
    return [
        element
        for element in tree.iter(*AD_LINE_TAGS)
        if isinstance(element, HtmlElement)
        and AD_START.match(_first_text(element))
        and AD_LINE.match(" ".join(element.text_content().split()))
    ]


def _first_text(element: HtmlElement) -> str:
    """An element's first piece of text that is not blank: most often its own."""
    if (element.text or "").strip():
        return element.text or ""
    return next((text for text in element.itertext() if text.strip()), "")


AD_BOX_WORDS = frozenset(
    {"ad", "ads", "advert", "adverts", "advertisement", "advertising", "anzeige", "anzeigen", "werbung", "sponsor",
     "sponsored", "publicidad", "publicite", "reklama", "annonce", "annonces", "adsense", "adslot", "adunit"}
)  # fmt: skip
AD_BOX_STARTS = ("banner", "advert")
"""Class words of an advert's box (`wp_bannerize_container`, `ad-slot`, `werbung`)."""
TAXONOMY_CLASSES = ("category-", "tag-", "tags-", "post_tag-", "format-", "topic-")
AD_BOX_LEVELS = 3
"""How far above an advert's label its box may sit, and how deep below the box beside it its name may be."""
PROMPT = re.compile(
    r"newsletter\s+(?:abonnieren|bestellen)|(?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\s+newsletter"
    r"|abonnez-vous|s'abonner\s+à\s+la\s+newsletter|suscríbete|iscriviti\s+alla\s+newsletter"
    r"|kommentare?\s+(?:lesen|schreiben)|(?:read|view|show|leave|add|post)\s+(?:all\s+)?(?:the\s+)?comments?\b"
    r"|zu\s+den\s+kommentaren|lire\s+les\s+commentaires|ver\s+comentarios|leggi\s+i\s+commenti",
    re.IGNORECASE,
)
"""A prompt that may end an article's text: to subscribe to a newsletter, to read or write comments."""
MAX_PROMPT_CHARS = 80
MAX_LABEL_CHARS = 30
"""A tag list's text besides its links: a label ("Tags:", "Теги:") and separators, never a date."""
TAG_LIST_LEVELS = 3
"""How far above a tag link its list's box may sit."""
MAX_SCORE_CHARS = 12
MAX_HEADING_CHARS = 40
STOP_TAGS = frozenset({"body", "html", "article", "main"})


def printed_count(tree: HtmlElement, marks: PageMarks | None = None) -> int | None:
    """How many comments the comment section's heading says there are, when one heading says it (headings
    saying different numbers say nothing sure)."""
    counts = set()
    for heading in [*COUNT_HEADINGS(tree), *named_like(tree, COMMENT_TITLE_NAMES, marks=marks)]:
        if not isinstance(heading, HtmlElement) or text_longer_than(heading, MAX_COUNT_HEADING_CHARS):
            continue  # a box named for the section's header around the whole list: no heading
        if match := PRINTED_COUNT.match(clean_text(heading.text_content())):
            digits = re.sub(r"\D", "", match["before"] or match["braced"] or match["after"] or "")
            if digits and not (match["after"] and YEAR.fullmatch(digits)):  # "Kommentare 2023" is no count
                counts.add(int(digits))
    return counts.pop() if len(counts) == 1 else None


NOT_WORD = re.compile(r"[\W_]+")


def _comparable(text: str) -> str:
    return NOT_WORD.sub("", text.lower())


def _is_tag_list(box: HtmlElement, tag_links: set[HtmlElement]) -> bool:
    """Whether every link in a box leads to a tag page and the rest of its text is a label at most."""
    links = list(box.iter("a"))
    if not links or any(link not in tag_links for link in links):
        return False
    label = clean_text(box.text_content())
    for link in links:
        label = label.replace(clean_text(link.text_content()), "", 1)
    return len(label) <= MAX_LABEL_CHARS + len(links) * 2 and not any(char.isdigit() for char in label)


def _is_tag_link(link: HtmlElement) -> bool:
    """A link to a tag page: `rel="tag"`, or its address's path names one. Tested in Python: XPath's `re:test()`
    calls into Python anyway, through a slower wrapper."""
    return "tag" in link.get("rel", "").split() or TAG_HREF.search(link.get("href", "")) is not None


def tag_lists(tree: HtmlElement) -> list[HtmlElement]:
    """The outermost boxes that hold only links to tag pages (and a label); each box is weighed once."""
    links = [link for link in LINKS(tree) if isinstance(link, HtmlElement) and _is_tag_link(link)]
    tag_links = set(links)
    weighed: dict[HtmlElement, bool] = {}
    found: dict[HtmlElement, None] = {}
    for link in links:
        outermost = None
        box = link.getparent()
        for _ in range(TAG_LIST_LEVELS):
            if box is None or box.tag in STOP_TAGS:
                break
            if box not in weighed:
                weighed[box] = _is_tag_list(box, tag_links)
            if not weighed[box]:
                break
            outermost = box
            box = box.getparent()
        if outermost is not None:
            found[outermost] = None
    return list(found)


def score_counters(tree: HtmlElement, marks: PageMarks | None = None) -> list[HtmlElement]:
    """Elements named for a rating or votes that show only a number (a story's "37"): a counter by name
    (`rating-count`) or inside a rating box. A player's score in a match report is not named so."""
    found = []
    for element in named_like(tree, SCORE_NAMES, class_only=True, marks=marks):
        if SCORE_WORDS.isdisjoint(words := class_words(element)) or element.tag in ("td", "th"):
            continue
        if any(ancestor.tag == "table" for ancestor in element.iterancestors()):
            continue  # a table's cells: a match report's scores
        parent = element.getparent()
        counts = not COUNT_WORDS.isdisjoint(words) or (
            parent is not None and not SCORE_WORDS.isdisjoint(class_words(parent))
        )
        text = clean_text(element.text_content())
        if counts and len(text) <= MAX_SCORE_CHARS and BARE_NUMBER.match(text):
            found.append(element)
    return found


REACTION_BOXES = path("//*[contains(translate(@class, 'REACTION', 'reaction'), 'reaction')]")
MAX_REACTION_CHARS = 200


def reaction_rows(tree: HtmlElement, marks: PageMarks | None = None) -> list[HtmlElement]:
    """Rows of reactions under a story ("👍 31 ❤️ 4", "Anna and 12 others reacted"): a class word that starts
    with `reaction`, a short text and no paragraph. With the page's `marks`, a page whose class names hold no
    such word is not searched."""
    if marks is not None and not any(REACTION in name for name in marks.classes):
        return []
    return [
        element
        for element in REACTION_BOXES(tree)
        if isinstance(element, HtmlElement)
        and any(word.startswith(REACTION) for word in class_words(element))
        and element.find(".//p") is None
        and len(clean_text(element.text_content())) <= MAX_REACTION_CHARS
    ]


def title_headings(tree: HtmlElement, title: str) -> list[HtmlElement]:
    """Headings that repeat the headline."""
    key = _comparable(title)
    if not key:
        return []
    # A text shorter than the headline's letters cannot hold them all: most headings (a comment's) are not looked
    # at further. Lowercasing may lengthen a text ("İ"), so the length is taken after it.
    return [
        h
        for h in HEADINGS(tree)
        if isinstance(h, HtmlElement)
        and len(lowered := h.text_content().lower()) >= len(key)
        and NOT_WORD.sub("", lowered) == key
    ]


def teaser_boxes(tree: HtmlElement, marks: PageMarks | None = None) -> list[HtmlElement]:
    """Boxes named for related, similar or popular stories ("Похожие посты", "Most read") that hold no
    paragraph of text long enough to be the page's own."""
    return [
        box
        for box in named_like(tree, ASIDE_NAMES, ASIDE_TAGS, marks=marks)
        if not ASIDE_WORDS.isdisjoint(class_words(box))
        and not any(len(paragraph.text_content()) > MAX_TEASER_PARAGRAPH for paragraph in box.iter("p"))
    ]


@dataclass(frozen=True)
class Teasers:
    """What the teaser boxes of a page say: taken out of the article after its extraction, not before,
    because the extractor weighs the page's whole text to decide how widely to look."""

    lines: frozenset[str] = frozenset()
    """Every line of the boxes (mostly links to other stories)."""
    labels: frozenset[str] = frozenset()
    """The boxes' own headings ("Похожие посты", "Related posts") and the lines of paywall prompts
    ("Bereits Abonnent/in? Anmelden"): never the article's text."""


LINKED_PARAGRAPHS = path(
    "//a[@href][not(starts-with(@href, '#'))][not(starts-with(@href, 'javascript:'))]"
    "[not(.//p[3] or .//h1 or .//article)]//p"
)
"""Paragraphs inside a link to another page: a card's excerpt (a side box's guide, a related story), never the
article's own text. A link around more (a headline, an article, three paragraphs) is one the page left open, which
the parser stretched over what follows it."""


def teaser_texts(tree: HtmlElement, marks: PageMarks | None = None) -> Teasers:
    """The lines and headings of the page's teaser boxes and the paragraphs inside links (cards' excerpts), and the
    lines of its paywall prompts (taken out
    after the extraction too: without them the extractor may take a teaser list for a short article)."""
    boxes = teaser_boxes(tree, marks)
    linked = (clean_text(paragraph.text_content()) for paragraph in LINKED_PARAGRAPHS(tree))
    lines = frozenset([*(text for box in boxes for _, text, _, _ in element_blocks(box, PAGE_RULES)), *linked])
    headings = (heading for box in boxes for heading in box.iter("h1", "h2", "h3", "h4", "h5", "h6"))
    prompts = (text for box in paywall_prompts(tree, marks) for text in _prompt_lines(box))
    return Teasers(lines, frozenset([*(clean_text(heading.text_content()) for heading in headings), *prompts]))


PROMPT_LINE_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6")


def _prompt_lines(box: HtmlElement) -> list[str]:
    """The lines of a paywall prompt as the page's blocks give them, and each paragraph's whole text too:
    the extractor keeps the text of its buttons ("Bereits Abonnent/in? Anmelden", `loginRegButton`),
    which the blocks leave out."""
    lines = [text for _, text, _, _ in element_blocks(box, PAGE_RULES)]
    return lines + [text for line in box.iter(*PROMPT_LINE_TAGS) if (text := clean_text(line.text_content()))]


NOINDEX_START = "noindex"
NOINDEX_END = "/noindex"


def unindexed(tree: HtmlElement) -> list[HtmlElement]:
    """What a page marks as no part of its text for search engines: the elements between a `<!--noindex-->`
    and the `<!--/noindex-->` after it in the same parent (Russian sites: "Пост ещё не редактировался"),
    unless they hold the page's headline or an article."""
    found: list[HtmlElement] = []
    for mark in tree.iter(etree.Comment):
        if (mark.text or "").strip().lower() != NOINDEX_START:
            continue
        between: list[HtmlElement] = []
        for sibling in mark.itersiblings():
            if isinstance(sibling, etree._Comment) and (sibling.text or "").strip().lower() == NOINDEX_END:
                if not any(element.tag == "h1" or element.find(".//h1") is not None for element in between):
                    found.extend(element for element in between if element.tag != "article")
                break
            if isinstance(sibling, etree._Comment) and (sibling.text or "").strip().lower() == NOINDEX_START:
                break
            if isinstance(sibling, HtmlElement):
                between.append(sibling)
    return found


def paywall_prompts(tree: HtmlElement, marks: PageMarks | None = None) -> list[HtmlElement]:
    """Boxes named for a paywall that hold a short prompt to subscribe or log in, not a text."""
    return [
        box
        for box in named_like(tree, PAYWALL_NAMES, marks=marks)
        if not PAYWALL_WORDS.isdisjoint(words := class_words(box))
        and NOT_PROMPT_WORDS.isdisjoint(words)
        and len(clean_text(box.text_content())) <= MAX_PAYWALL_CHARS
        and not any(len(paragraph.text_content()) > MAX_TEASER_PARAGRAPH for paragraph in box.iter("p"))
    ]


def _names_ad(element: HtmlElement) -> bool:
    """Whether an element's class or id names an advert's box; a post's taxonomy classes (WordPress's
    `category-werbung`, `tag-anzeige` on a post about advertising) name its subject, not a box."""
    names = (name for name in f"{element.get('class', '')} {element.get('id', '')}".lower().split())
    words = (word for name in names if not name.startswith(TAXONOMY_CLASSES) for word in re.split(r"[-_]+", name))
    return any(word in AD_BOX_WORDS or word.startswith(AD_BOX_STARTS) for word in words)


def _ad_box_beside(element: HtmlElement) -> bool:
    """Whether the box after an element (line breaks aside) is named for adverts or banners, itself or a box a
    few levels inside it (`div#bgastro > div.wp_bannerize_container`)."""
    after = element.getnext()
    while after is not None and (not isinstance(after, HtmlElement) or after.tag == "br"):
        after = after.getnext()
    if after is None:
        return False
    level = [after]
    for _ in range(AD_BOX_LEVELS):
        if any(_names_ad(box) for box in level):
            return True
        level = [child for box in level for child in box if isinstance(child, HtmlElement)]
    return False


def ad_lines(tree: HtmlElement) -> list[HtmlElement]:
    """Short lines that label an advert and carry its words ("ANZEIGE - Heute mal ausgehen/bestellen? Wie wäre
    es mit:"), inside a box named for adverts or right before one; the outermost element that holds only the
    line. A paragraph of the text that starts with the word ("Werbung – Zielgruppe und Bedürfnisse" in a lesson
    on advertising) has no advert's box around it or after it. A page whose text holds no such word is not
    walked element by element."""
    text = tree.text_content().lower()
    if not any(stem in text for stem in AD_STEMS):
        return []
    return _outermost_lines(_ad_line_candidates(tree), _is_ad_line)


def _is_ad_line(element: HtmlElement) -> bool:
    text = clean_text(element.text_content())
    if len(text) > MAX_AD_LINE_CHARS or not AD_LINE.match(text):
        return False
    boxes = [element, *list(element.iterancestors())[:AD_BOX_LEVELS]]
    return any(box.tag not in STOP_TAGS and _names_ad(box) for box in boxes) or _ad_box_beside(element)


def _outermost_lines(elements: list[Any], is_line: Callable[[HtmlElement], bool]) -> list[HtmlElement]:
    """The elements, in page order, that are such a line and sit in none found before (the outermost element
    holding the line: its inner ones are the same line). An element is checked against its ancestors, not each
    found one's descendants: cost grows with the page, not with the lines found times their boxes."""
    found: list[HtmlElement] = []
    taken: set[HtmlElement] = set()  # holds the proxies, so an element compares as itself
    for element in elements:
        if not isinstance(element, HtmlElement) or (taken and any(above in taken for above in element.iterancestors())):
            continue
        if is_line(element):
            found.append(element)
            taken.add(element)
    return found


READ_ALSO = (
    r"(?:read also|also read|read more|see also|related|related stories|related story|related articles?|more"
    r"|lesen sie auch|lesen sie mehr|auch interessant|mehr zum thema|lesetipp|siehe auch|das könnte sie auch"
    r" interessieren|schon gelesen|lea también|lee también|lea más|lee más|lea|te puede interesar|le puede interesar"
    r"|noticia relacionada|ver también|vea también|mira también|también puede leer|lire aussi|à lire aussi"
    r"|a lire aussi|à lire|voir aussi"
    r"|leggi anche|leggi pure|vedi anche|leia também|leia mais|veja também|saiba mais|czytaj też|czytaj także"
    r"|czytaj więcej|zobacz też|zobacz także|читайте также|читать также|смотрите также|по теме|читайте також"
    r"|дивіться також|lees ook|lees meer)"
)
READ_ALSO_LINE = re.compile(rf"^{READ_ALSO}\s*[:»›>|\-–—]\s*(?P<rest>\S.*)$", re.IGNORECASE)
"""A line that points to another story ("Lea también: HEADLINE", "Lesen Sie auch: HEADLINE")."""
READ_ALSO_LINES = path(  # a link first: libxml2 tests it much faster than the element's name against eight
    "//*[a][self::p or self::div or self::li or self::h3 or self::h4 or self::strong or self::b or self::em]"
    "[string-length(normalize-space(.)) < 300]"
)
MIN_LINKED_SHARE = 0.8
"""The share of such a line's words after its label that its links hold: the other story's headline."""


def read_also_lines(tree: HtmlElement) -> list[HtmlElement]:
    """Lines in the text that point to another story, its headline linked after a label ("Lea también:
    HEADLINE", "Read more: HEADLINE", in fourteen languages): the outermost element that holds only the line. A
    sentence of the text that starts with such words and holds a link is no such line: most of it is not
    linked."""
    return _outermost_lines(READ_ALSO_LINES(tree), _is_read_also_line)


READ_ALSO_START = re.compile(READ_ALSO, re.IGNORECASE)
READ_ALSO_LABELS = tuple(
    form
    for label in READ_ALSO.removeprefix("(?:").removesuffix(")").split("|")
    for form in ((label[:-2], label[:-1]) if label.endswith("?") else (label,))
)
"""The labels READ_ALSO finds, each optional last letter taken too (`related articles?`)."""
READ_ALSO_PREFIXES = frozenset(label[:end] for label in READ_ALSO_LABELS for end in range(1, len(label) + 1))
"""Every start of a label: a line's first piece of text may hold only the start of its label (`<b>Lesen</b> Sie
auch:`)."""


def _is_read_also_line(element: HtmlElement) -> bool:
    first = clean_text(_first_text(element))
    if not READ_ALSO_START.match(first) and first.lower() not in READ_ALSO_PREFIXES:
        return False  # the line starts with its first piece of text, which starts no label
    line = READ_ALSO_LINE.match(clean_text(element.text_content()))
    if line is None:
        return False
    linked = sum(len(clean_text(link.text_content())) for link in element.iter("a"))
    return linked >= MIN_LINKED_SHARE * len(line["rest"])


def drop_furniture(tree: HtmlElement, title: str, marks: PageMarks | None = None) -> None:
    """Take tag lists, score counters, rows of reactions, lines labelling adverts or pointing to other stories,
    headings repeating the headline and boxes kept from search engines out of the page."""
    dropped = [
        *unindexed(tree),
        *tag_lists(tree),
        *score_counters(tree, marks),
        *reaction_rows(tree, marks),
        *ad_lines(tree),
    ]
    dropped += read_also_lines(tree)
    for element in [*dropped, *title_headings(tree, title)]:
        if element.getparent() is not None:
            element.drop_tree()


NO_TEASERS = Teasers()


def trim_body(blocks: list[BlockSpec], teasers: Teasers = NO_TEASERS) -> list[BlockSpec]:
    """An article's blocks without the lines of teaser boxes, the comment section's heading ("59
    комментариев", "Comments (3)") and, when text came before it, all that follows it (sorting controls,
    the titles of other boxes); nor a line labelling an advert; nor a heading, a prompt to subscribe or to
    comment ("Newsletter abonnieren", "Kommentare lesen und schreiben") or a copyright notice left last."""
    blocks = _without_teasers(blocks, teasers)
    for position, block in enumerate(blocks):
        if len(block[1]) <= MAX_HEADING_CHARS and COMMENTS_HEADING.match(block[1]):
            blocks = blocks[:position] if position else blocks[1:]
            break
    blocks = [block for block in blocks if not AD_LABEL.match(block[1])]
    while blocks and (blocks[-1][0] == "heading" or _is_prompt(blocks[-1][1]) or _is_notice(blocks[-1][1])):
        blocks = blocks[:-1]
    return blocks


NOTICE = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}|this (?:article|story|content|material) is (?:the )?"
    r"(?:copyrighted|copyright|property)|written permission must be obtained|all rights reserved"
    r"|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati"
    r"|wszelkie prawa zastrzeżone|все права защищены)",
    re.IGNORECASE,
)
MAX_NOTICE_CHARS = 300


def _is_notice(text: str) -> bool:
    """A copyright notice left at the end of the text ("This article is the copyrighted property of ...",
    "© 2020 ...", "Alle Rechte vorbehalten")."""
    return len(text) <= MAX_NOTICE_CHARS and NOTICE.match(text) is not None


def _is_prompt(text: str) -> bool:
    """A short line that asks the reader to subscribe or to read or write comments, not a sentence of the
    text (which ends with a full stop)."""
    return len(text) <= MAX_PROMPT_CHARS and not text.rstrip().endswith(".") and PROMPT.search(text) is not None


MIN_RUN_SHARE = 0.6
"""A block made this much of two or more teaser lines is those lines run together."""


def _run_together(text: str, lines: frozenset[str]) -> bool:
    """Whether a block is teaser lines the extractor ran into one ("Mehr zum Thema Vanlife ... Checkliste für
    den Womo-Gebrauchtkauf ..."): two or more of them make most of it."""
    inside = [line for line in lines if len(line) < len(text) and line in text]
    return len(inside) >= 2 and sum(map(len, inside)) >= MIN_RUN_SHARE * len(text)


def _without_teasers(blocks: list[BlockSpec], found: Teasers) -> list[BlockSpec]:
    """Blocks without the boxes' headings, nor runs of teaser lines: two or more in a row, or one before
    the text or after it (headings aside). One line alone amid the text is the article's own (an image's
    caption that a teaser of the same story repeats)."""
    blocks = [block for block in blocks if block[1] not in found.labels]
    teasers = found.lines | {block[1] for block in blocks if _run_together(block[1], found.lines)}
    text_at = [n for n, block in enumerate(blocks) if block[1] not in teasers and block[0] != "heading"]
    if not text_at:
        return [block for block in blocks if block[1] not in teasers]
    first, last = text_at[0], text_at[-1]
    kept: list[BlockSpec] = []
    for n, block in enumerate(blocks):
        if block[1] in teasers:
            alone = (n == 0 or blocks[n - 1][1] not in teasers) and (
                n + 1 == len(blocks) or blocks[n + 1][1] not in teasers
            )
            if not (alone and first < n < last):
                continue
        kept.append(block)
    return kept
