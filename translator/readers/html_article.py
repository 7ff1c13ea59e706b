"""A saved page's article: title (without the site's name), byline, date, site and body, via trafilatura.

The headline is taken where publishers state it for sharing (`og:title`, then JSON-LD `headline`),
because the page's `<h1>` is sometimes the site logo and its `<title>` sometimes another wording;
the site's name is cut from either end ("Headline | Site" -> "Headline") only when that end names the
site. trafilatura finds the body (the box of the page's longest paragraphs stands in where it reads a third
or less of that box's text: its rules dropped the story); its body comes back as its own XML (`head`, `list`,
`quote`...), renamed to HTML and read into blocks like any other element. The byline is `html_byline`'s.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import unicodedata
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from translator.readers.common import BlockSpec
from translator.readers.html_byline import (
    BYLINE_LABEL,
    MIN_SITE_KEY,
    WRITER_CLASSES,
    as_written,
    box_author,
    clean_byline,
    extracted_or_stated,
    marked_writers,
    searched_byline,
    site_and_section,
    with_marked_writers,
    word_run,
    writers_only,
)
from translator.readers.html_dates import (
    MAX_DATE_CHARS,
    ShownDate,
    could_be_date,
    local_time,
    machine_date,
    printed_date,
)
from translator.readers.html_fields import DATE_WORDS, candidates
from translator.readers.html_furniture import NO_TEASERS, NOT_WORD, Teasers, drop_furniture, teaser_texts, trim_body
from translator.readers.html_items import elements_named, path
from translator.readers.html_marks import PageMarks
from translator.readers.html_schema import JSON_LD, _types, _walk, json_documents, unescape_letters
from translator.readers.html_text import (
    BOXES_OF_PARAGRAPHS,
    broken_paragraphs,
    class_tokens,
    class_words,
    clean_text,
    is_hidden,
    is_skipped,
    loose_paragraphs,
    slideshow,
    text_longer_than,
    visible_text,
)
from translator.readers.markup import (
    HTML_SIGN,
    PAGE_RULES,
    element_blocks,
    html_blocks,
    quote_in_words,
)

META = path("//meta[@property or @name or @itemprop]")
CANONICAL = path("//link[@rel='canonical']/@href")
TITLE = path("//title[not(ancestor::svg)]")
"""The page's title (an icon drawn in SVG has its own `<title>`, which may come first)."""
H1 = path("//h1")
HEADINGS = elements_named("h1", "h2", "h3")
LOWER_HEADINGS = elements_named("h2", "h3")
MAX_LABEL_WORDS = 3
PAGE_TAGS = frozenset({"body", "html"})
COMMENT_BOX = re.compile(r"comment|respond|reply|koment|komment|коммент")
"""Boxes whose headings ("Write a Reply or Comment", "3 Kommentare") are the comment section's, not the story's."""
MAX_LABEL_CHARS = 25
"""Words of a section's or a page kind's label a site appends to a headline in its title ("| iPhone | Forum")."""
STORY_BOXES = path("//article[not(ancestor::article)][.//h1 or .//h2 or .//h3]")
UPDATED = re.compile(
    r"updated|modified|aktualisiert|geändert|mis à jour|modifié|actualizado|atualizado|aggiornato|zaktualizowano"
    r"|bijgewerkt|обновлен|изменен|оновлено",
    re.IGNORECASE,
)
"""Words saying that a time is when the story was last changed, not when it was published."""
INLINE_TAGS = frozenset({"strong", "b", "em", "i", "span", "small"})
BOX_TEXT = elements_named("p", "blockquote", "li", "h1", "h2", "h3", "figure", "table", below=True)
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—\-:·•»«›>/~]|::|--)\s+")
TIGHT_SEPARATOR = re.compile(r"[|–—\-_]")
"""A separator without spaces around it, as titles written without spaces between words have it ("标题-新华网"):
cut at only beside a heading the page shows."""
ARTICLE_TYPES = frozenset(
    {"Article", "NewsArticle", "BlogPosting", "Report", "ReportageNewsArticle", "AnalysisNewsArticle",
     "OpinionNewsArticle", "DiscussionForumPosting", "SocialMediaPosting", "TechArticle", "ScholarlyArticle"}
)  # fmt: skip
# trafilatura's body XML, renamed to the HTML elements our block reader knows.
TRAFILATURA_TAGS = {
    "head": "h2", "list": "ul", "item": "li", "quote": "blockquote", "lb": "br", "row": "tr", "cell": "td",
    "code": "pre", "hi": "span", "ref": "span", "graphic": "img", "del": "span", "table": "table",
}  # fmt: skip


BYLINE_POSITIONS = 3
"""A byline ("By NAME, 4 May 2023") that reaches the body is one of its first few lines."""
MAX_BYLINE_CHARS = 100
MAX_BYLINE_WORDS = 5
DATE_LABEL = re.compile(
    r"[-–]?\s*(?:posted|published|updated|last\s+updated|aktualisiert|veröffentlicht|publié|mis\s+à\s+jour|publicado"
    r"|actualizado|pubblicato|aggiornato|opublikowano|datum|date|fecha|data)(?:\s+(?:on|am|le|el|il|at))?\s*:?",
    re.IGNORECASE,
)
"""A date's label ("Posted on", "-Aktualisiert am", "Datum"), alone or before the date."""
DATE_LABEL_START = re.compile(rf"^(?:{DATE_LABEL.pattern})\s*", re.IGNORECASE)
MAX_DATE_LINE = 40
"""A line that is only a date, with its label, is no longer than this."""


@dataclass(frozen=True)
class ArticleFacts:
    """What a page says about its article."""

    title: str
    """The headline, without the site's name."""
    author: str | None
    """The byline."""
    published: datetime | None
    """When the article was published."""
    site: str | None
    """The site's name."""
    url: str | None
    """The article's address."""
    blocks: tuple[BlockSpec, ...]
    """The body, one block per paragraph (empty when the article comes from elsewhere)."""
    stated_published: datetime | None = None
    """When the article was published, as the page states it (its meta data or its own box), never a
    guess from elsewhere on the page."""
    modified: datetime | None = None
    """When the article was last changed, when the page states it."""
    summary: str | None = None
    """The summary the page states for sharing (`og:description`, `description`), when it states one other
    than its headline."""
    stated_blocks: tuple[BlockSpec, ...] = ()
    """The article's text as the page's data states it (JSON-LD `articleBody`), one block per paragraph, when
    the page shows little of it."""


def _meta(tree: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in META(tree):
        if isinstance(tag, HtmlElement):
            key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip().lower()
            value = clean_text(tag.get("content") or "")
            if key and value:
                found.setdefault(key, value)
    return found


def _ld_article(tree: HtmlElement) -> dict[str, Any]:
    """headline, datePublished, author, publisher and articleBody of the first article the page's JSON-LD
    describes."""
    facts: dict[str, Any] = {}
    for document in json_documents(tree):
        for node, _ in _walk(document):
            types = _types(node) if "@type" in node else _loose_types(node)
            if types & ARTICLE_TYPES and not facts.get("headline"):
                for key in ("headline", "datePublished", "dateModified", "author", "publisher", "url", "articleBody"):
                    facts.setdefault(key, node.get(key))
            if "WebSite" in types and isinstance(node.get("name"), str):
                facts.setdefault("website", node["name"])
            if "Person" in types and isinstance(node.get("name"), str):
                facts.setdefault("people", []).append(node["name"])
    return facts


def _stated_writers(tree: HtmlElement, ld: dict[str, Any]) -> list[str]:
    """The writers' names as the page's data writes them: its meta tags for authors and creators (each, where a
    tag is repeated: `citation_author`), then the people its JSON-LD names."""
    names = []
    for tag in META(tree):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if ("author" in key or "creator" in key) and (value := clean_text(tag.get("content") or "")):
            names.append(value)
    return [*names, *(clean_text(name) for name in ld.get("people", []))]


def _loose_types(node: dict[str, Any]) -> set[str]:
    """The schema.org type of an object that names it `type`, not `@type` (toptal.com's Article)."""
    kind = node.get("type")
    return {kind} if isinstance(kind, str) and "schema.org" in str(node.get("@context", "")) else set()


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return clean_text(value) or None if isinstance(value, str) else None


NO_SITE_NAME = re.compile(
    r"[{}]|\$\(|%%|https?:|^(?:copyright|©|\(c\))|(?<!\d)(?:19|20)\d\d(?!\d)|(?<![\w.])\d{1,2}\.\s+\D"
    r"|^(?:start|startseite|home|homepage|accueil|inicio|index|news|blog)$",
    re.IGNORECASE,
)
"""What a site's name stated in the page's data never is, and a careless template puts there: a placeholder left
unfilled (`{$plugin.site_name}`), an address with more around it, a copyright line, a date, an ordinal ("6.
Jahrgang"), the name of the start page ("Start"). A site's name may hold a digit ("LAOLA1.at", "Soy502")."""
SITE_ADDRESS = re.compile(
    r"(?:https?://(?:www\.)?|www\.)(?P<host>[\w-]+(?:\.[\w-]+)*\.[^\W\d_][\w-]*)/?", re.IGNORECASE
)
"""A site's name stated as its address ("https://www.fr.de", "www.kas.de"): the host names it, when nothing
stated names it in words. A name written as a domain ("Chefkoch.de", "SW1.News") is a name."""


SITE_NAME_EDGES = " \t\n|–—-:·•»«›>/~"
"""What a template leaves around a site's name ("Jamaica Observer - ": the separator before a headline)."""


def plausible_site(name: str, headlines: list[str | None]) -> bool:
    """Whether a name stated as the site's (`og:site_name`, JSON-LD, an extractor's guess, the app's name) can
    be it: not one of the things `NO_SITE_NAME` finds, not the page's headline or its whole title."""
    name = name.strip(SITE_NAME_EDGES)
    key = _comparable(name)
    if not key or NO_SITE_NAME.search(name):
        return False
    return not any(headline and _comparable(headline) == key for headline in headlines)


MAX_HANDLE_SPREAD = 3
"""A site's name is at most this many times as long as its handle ("SputnikInt": "Sputnik International")."""


def _site_of_handle(tree: HtmlElement, meta: dict[str, str], handle: str) -> str:
    """The site's name where the only one found is its social media handle (`twitter:site` "@SputnikInt"): the
    name the page gives itself as an app, else the end of its title that the handle abbreviates ("... -
    Sputnik International"), else the handle without its "@"."""
    titles = TITLE(tree)
    if named := _app_name(meta, [clean_text(titles[0].text_content())] if titles else []):
        return named
    key = _comparable(handle.lstrip("@"))
    parts = TITLE_SEPARATOR.split(clean_text(titles[0].text_content())) if titles else []
    for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
        part_key = _comparable(part)
        short_enough = len(part_key) <= MAX_HANDLE_SPREAD * len(key)  # not a headline that starts with the brand
        if len(key) >= MIN_SITE_KEY and len(part_key) >= MIN_SITE_KEY and short_enough and _abbreviates(key, part_key):
            return part
    return handle.lstrip("@")


POWERED_BY = re.compile(r"^(?:powered\s+by|propulsé\s+par|bereitgestellt\s+von|работает\s+на)\b", re.IGNORECASE)
"""A title's end that names the forum's software ("Powered by Discuz!"), not the site."""
PAGE_LABEL = re.compile(r"\d|^(?:page|seite|página|pagina|pagină|strona|страница|sida|side)\b", re.IGNORECASE)
"""A title's end that numbers the page ("Page 2", "Seite 3") or holds a number (a date, a count)."""
MAX_SITE_WORDS = 5
MAX_TITLE_SITE_WORDS = 8
"""A part of a title that names the host is the site's name when it is this short: a headline that holds the
host's word ("Rede von Bundespräsident ..." on bundespraesident.de) is longer."""
MAX_SITE_CHARS = 50


def fallback_site(tree: HtmlElement, meta: dict[str, str], headlines: list[str | None], host: str | None) -> str | None:
    """The site's name on a page that states none for sharing (`og:site_name`, JSON-LD: a forum's page often does
    not): the name the page gives itself as an app, else an end of its title that names the host
    ("... | hpd" on hpd.de) or stands beside the headline the page shows ("Topic - Board - Riverside Motoring
    Forum": the topic is the page's heading), else the host of its address."""
    titles = TITLE(tree)
    title = clean_text(titles[0].text_content()) if titles else ""
    if named := _app_name(meta, [*headlines, title or None]):
        return named
    if topic := VIEW_TOPIC.match(title):
        return topic["site"]
    # The site's logo: an h1 linking home, or a blog's name beside the entry's title.
    logo_names = [
        visible_text(h)
        for h in H1(tree)
        if isinstance(h, HtmlElement) and (_links_home(h) or _names_blog(tree, h, title))
    ]
    parts = [part.strip() for part in TITLE_SEPARATOR.split(title)] if titles else []
    while len(parts) > 1 and POWERED_BY.match(parts[-1]):
        parts.pop()  # "... - City forum - Powered by Discuz!"
    if len(parts) > 1:
        shown = {key for text in headlines if text and (key := _comparable(text))}
        ends = [(parts[-1], parts[0]), (parts[0], parts[-1])]  # the site's name, then the headline beside it
        # An end first; then a part between (a site's name before its motto: "Headline | Name – Webcomic").
        for part in [parts[-1], parts[0], *parts[-2:0:-1]]:
            if len(part.split()) <= MAX_TITLE_SITE_WORDS and _names_site(part, None, host):
                return part
        # The logo is no headline shown: it names the site where an end of the title is that name ("Subject / Forum
        # / Board" under the board's name).
        logos = {_comparable(name) for name in logo_names}
        for end, headline in ends:
            short = len(end.split()) <= MAX_SITE_WORDS and len(end) <= MAX_SITE_CHARS
            if short and not PAGE_LABEL.search(end) and (key := _comparable(headline)) in shown and key not in logos:
                return end
        if end := next((end for end, _ in ends if _comparable(end) in logos), None):
            return end
    # A blog's title glued to its name (`Blog: Entry`, `Entry (Blog)`: Movable Type, TypePad) under its logo.
    if name := next((name for name in logo_names if _without_logo(title, {name}) != title), None):
        return name
    return host.removeprefix("www.") if host else None


def _without_logo(title: str, logos: set[str]) -> str:
    """A title without the site's logo's name glued to it the way blog engines print it (`Blog: Entry`, `Entry
    (Blog)`), where something is left."""
    for logo in logos:
        if logo and title.startswith(f"{logo}: ") and (rest := title[len(logo) + 2 :].strip()):
            return rest
        if logo and title.endswith(f" ({logo})") and (rest := title[: -len(logo) - 3].strip()):
            return rest
    return title


def _beside_site_in_title(name: str, title: str | None, host: str | None) -> bool:
    """Whether a name is a part of the page's title beside another that names the host: the headline
    ("Windpark Steinheim | EnBW" on enbw.com, with "Windpark Steinheim" stated as the site's name)."""
    parts = TITLE_SEPARATOR.split(title) if title else []
    key = _comparable(name)
    if _names_site(name, None, host):
        return False
    return any(_comparable(part) == key for part in parts) and any(
        _comparable(part) != key and _names_site(part, None, host) for part in parts
    )


def _app_name(meta: dict[str, str], headlines: list[str | None]) -> str | None:
    """The name the page gives itself as an app, when it can be the site's (some put the headline there)."""
    named = meta.get("application-name") or meta.get("apple-mobile-web-app-title")
    usable = named and not named.startswith("@") and plausible_site(named, headlines)
    return named.strip(SITE_NAME_EDGES) if named and usable else None


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` is `full` or a part of it, or keeps its letters in order from its first
    ("sputnikint", "harbourgazint" of "harbourgazetteinternational")."""
    if short in full:
        return True
    letters = iter(full[1:])
    return short[0] == full[0] and all(letter in letters for letter in short[1:])


def _comparable(text: str) -> str:
    return NOT_WORD.sub("", text.lower().removeprefix("www."))


MAX_SITE_PARTS = 2
"""How many separated parts at a title's end the site's name may take."""
HOST_NOISE = frozenset({"www", "m", "amp", "co", "com", "org", "net", "gov", "ac", "edu", "news"})


def _site_keys(site: str | None, host: str | None) -> list[str]:
    keys = [_comparable(site)] if site else []
    if host:
        labels = [label for label in host.lower().split(".")[:-1] if label not in HOST_NOISE]
        keys.extend(_comparable(label) for label in labels)
    return [key for key in keys if len(key) >= MIN_SITE_KEY]


def _names_site(part: str, site: str | None, host: str | None) -> bool:
    """Whether one end of a title is the site's name or domain ("RedFlagDeals.com Forums", "Le Monde"; "Mäscot"
    on maescot.de, "Café Olé" on cafeole.fr: a domain writes letters without their marks). A short name
    ("CNN", "BBC") only whole, alone or with a section's words ("CNN Politics", "BBC News")."""
    keys = _site_keys(site, host)
    # Inside a longer part, the name starts or ends it ("RedFlagDeals.com Forums"), or the part is short: a
    # headline whose first word holds the domain's ("Skibergsteigen: ..." on bergsteigen.com) is no site's name.
    short = len(part.split()) <= MAX_SITE_WORDS
    if any(
        (key in part_key and (short or part_key.startswith(key) or part_key.endswith(key)))
        or (part_key in key and len(part_key) * 5 >= len(key) * 3)
        for part_key in _spellings(_comparable(part))
        for key in keys
    ):
        return True
    words = word_run(part)
    labels = [label for label in (host or "").lower().split(".")[:-1] if label not in HOST_NOISE]
    names = [run for run in (word_run(site or ""), *map(word_run, labels)) if run]
    return bool(words) and any(words == name or site_and_section(words, name) for name in names)


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _spellings(key: str) -> set[str]:
    """A comparable text as a domain may write it: as is, umlauts spelt out ("ae"), letters without marks."""
    if not key or key.isascii():
        return {key} if key else set()
    unmarked = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return {key, key.translate(UMLAUTS), unmarked}


def _is_label(part: str) -> bool:
    """Whether a part of a title is a short label (a section's, a page kind's, a date) rather than a headline."""
    return 0 < len(part.split()) <= MAX_LABEL_WORDS and len(part.strip()) <= MAX_LABEL_CHARS


def _is_site_part(part: str, site: str | None, host: str | None) -> bool:
    """Whether a part of a title is the site's name itself (or its domain, or it with a section's words), not a
    headline that holds it ("Coast News readers vote")."""
    keys = _site_keys(site, host)
    if any(spelling in keys for spelling in _spellings(_comparable(part))):
        return True
    words = word_run(part)
    labels = [label for label in (host or "").lower().split(".")[:-1] if label not in HOST_NOISE]
    names = [run for run in (word_run(site or ""), *map(word_run, labels)) if run]
    return bool(words) and any(words == name or site_and_section(words, name) for name in names)


def _after_site_in_middle(title: str, site: str | None, host: str | None) -> str | None:
    """The headline after the site's name in the middle of a title whose parts before it are short labels and
    whose parts after it are not ("Harbour - Coast News - Ferry crossings move earlier"); None elsewhere."""
    spans = _title_parts(title)
    parts = [title[start:end].strip() for start, end in spans]
    for middle in range(1, len(parts) - 1):
        if _is_site_part(parts[middle], site, host):
            before, after = parts[:middle], parts[middle + 1 :]
            if all(map(_is_label, before)) and not all(map(_is_label, after)):
                return title[spans[middle + 1][0] :].strip()
    return None


def strip_site(title: str, site: str | None, host: str | None) -> str:
    """A title without the site's name at either end: "Headline | Site" and "Site - Headline" -> "Headline"; or
    in its middle, with the section's label beside it ("Section - Site - Headline")."""
    if (after := _after_site_in_middle(title, site, host)) is not None:
        title = after
    for _ in range(2):  # "Headline - Forums - Site" loses both trailing parts when both name the site
        separators = list(TITLE_SEPARATOR.finditer(title))
        # The site's name may hold a separator itself ("Headline » SciLogs - Wissenschaftsblogs").
        cut = next(
            (sep for sep in reversed(separators[-MAX_SITE_PARTS:]) if _names_site(title[sep.end() :], site, host)),
            None,
        )
        if cut is None or not title[: cut.start()].strip():
            break
        title = title[: cut.start()]
    separators = list(TITLE_SEPARATOR.finditer(title))
    if separators and _names_site(title[: separators[0].start()], site, host):
        title = title[separators[0].end() :]
    return title.strip()


def choose_title(candidates: list[str | None], site: str | None, host: str | None) -> str:
    """The first headline candidate that is not just the site's name or domain ("Internet-Law" on
    internet-law.de), without the site's name; the site's name when nothing else is there."""
    keys = {_comparable(site)} if site else set()
    keys.update(_site_keys(None, host))
    fallback = ""
    for candidate in candidates:
        text = clean_text(candidate or "")
        if text and _comparable(text) not in keys:
            return strip_site(text, site, host) or text
        fallback = fallback or text
    return fallback


def drop_markup_comments(tree: HtmlElement) -> None:
    """Take the page's HTML comments (`<!-- gallery start -->`) out, the text after each kept in its place: beside
    a box's loose text, trafilatura reads a comment as an element of its own and loses or runs together the text
    around it. The furniture they mark (`<!--noindex-->`) is out by then."""
    etree.strip_elements(tree, etree.Comment, with_tail=False)


def _body(tree: HtmlElement) -> Any:
    """trafilatura's body XML of the article (None when it finds none); comments are already out of the tree."""
    import trafilatura

    document = trafilatura.bare_extraction(
        tree, with_metadata=False, include_comments=False, include_tables=True, include_images=False, fast=True
    )
    return getattr(document, "body", None)


def _metadata(tree: HtmlElement) -> Any:
    """trafilatura's metadata, its costly searches run only for what the meta tags leave missing.

    Its `extract_metadata` always runs them all (the byline search copies the whole tree, the date
    search walks it): about half of reading a page. The date is searched for apart (`_found_date`).
    """
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title

    document = examine_meta(tree)
    # JSON-LD past Python's limits, or of a shape trafilatura does not expect (`[true]`: AttributeError in its
    # reader): the meta tags alone are read.
    with contextlib.suppress(RecursionError, ValueError, AttributeError, TypeError):
        document = extract_meta_json(tree, document)
    document.title = document.title or extract_title(tree)
    document.author = document.author or searched_byline(tree)
    document.sitename = document.sitename or extract_sitename(tree)
    return document


HATOM_PUBLISHED = path("//*[has-class('hentry')]//abbr[has-class('published')]/@title")
"""hAtom's time of an entry (old blog templates: WordPress's, Blogger's, TypePad's): `<abbr class="published"
title="2012-08-07T09:30:00-05:00">August 7, 2012</abbr>` inside the entry's `.hentry` box."""


def _hatom_published(tree: HtmlElement) -> str | None:
    """The time hAtom states for the page's entry; None where it states none, or several (a page of entries)."""
    stated = {str(value).strip() for value in HATOM_PUBLISHED(tree)}
    stated = {value for value in stated if machine_date(value) is not None}
    return stated.pop() if len(stated) == 1 else None


def _stated_times(stated: str | None, boxed: str | None, tree: HtmlElement) -> Iterator[str | None]:
    """The times the page states for its article, in order of trust; hAtom's searched for only where the others
    give none."""
    yield stated
    yield boxed
    yield _hatom_published(tree)


def _found_date(tree: HtmlElement) -> datetime | None:
    """The date htmldate finds: the page's earliest, which may be another story's in a side box."""
    from htmldate import find_date

    return machine_date(str(find_date(tree, extensive_search=False, original_date=True) or ""))


def story_box(tree: HtmlElement, title: str) -> HtmlElement | None:
    """The page's one `<article>` box headed by the headline: where the story states its own writer and
    time (the page's other times may be of other stories, in side boxes)."""
    key = _comparable(title)
    boxes = [
        box
        for box in STORY_BOXES(tree)
        if isinstance(box, HtmlElement)
        and key
        and any(_comparable(h.text_content()) == key for h in box.iter("h1", "h2", "h3"))
    ]
    return boxes[0] if len(boxes) == 1 else None


def box_facts(box: HtmlElement | None) -> tuple[str | None, str | None]:
    """The writer and the machine-readable time (as stated) a story box shows outside its text."""
    if box is None:
        return None, None
    elements = candidates(box, [element for element in BOX_TEXT(box) if isinstance(element, HtmlElement)])
    times = [element for element in elements if element.tag == "time" and not _says_updated(element)]
    stamps = (value for time in times if machine_date(value := time.get("datetime", "")) is not None)
    return box_author(elements), next(stamps, None)


DATE_NAMES = re.compile(r"date|time|publish|posted|datum|fecha", re.IGNORECASE)
"""Words in the class or id of an element that may show the article's date (tested in Python: XPath's `re:test()`
calls into it for each element)."""
MAX_SHOWN_DATES = 8
"""The article's date is among the page's first dates (a side box's teasers come later)."""


def shown_dates(tree: HtmlElement) -> Iterator[ShownDate]:
    """The page's first dates for its article: each one's machine value and text, not those that say when the
    story was updated. Found as they are asked for: most pages never need them."""
    shown = 0
    for element, marked in _marked_or_named(tree):
        named = marked or DATE_NAMES.search(f"{element.get('class', '')} {element.get('id', '')}")
        if not named or not (marked or class_words(element) & DATE_WORDS):
            continue
        if text_longer_than(element, MAX_DATE_CHARS) or _says_updated(element):
            continue  # a box named for dates around the story: its text read once per box would be quadratic
        stated = element.get("datetime") or element.get("content") or ""
        text = " ".join(element.text_content().split())
        if (stated and machine_date(stated) is not None) or could_be_date(text):
            yield ShownDate(stated, text, marked)
            shown += 1
        if shown == MAX_SHOWN_DATES:
            return


def _marked_or_named(tree: HtmlElement) -> Iterator[tuple[HtmlElement, bool]]:
    """The page's `time` elements and those marked `datePublished` (True), and the named elements in its body
    (False), in page order, walked only as far as they are asked for: a page's first dates lie near its top,
    where an XPath search would find every named element of the page first."""
    in_body = False
    for element in tree.iter(etree.Element):
        if not isinstance(element, HtmlElement):
            continue
        if element.tag == "time" or element.get("itemprop") == "datePublished":
            yield element, True
        elif in_body and (element.get("class") is not None or element.get("id") is not None):
            yield element, False
        in_body = in_body or element.tag == "body"


DAY_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}"
    r"|\d{1,2}\.?\s+[^\W\d]{3,}\.?,?\s+\d{4}|[^\W\d]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})(?!\d)"
)
"""A date to the day, as pages print one ("03.11.2021", "3. November 2021", "November 3, 2021"): not a month alone."""
LINES_AFTER_HEADLINE, LINES_BEFORE_HEADLINE = 40, 20
MAX_DATE_LINE_CHARS = 60
MAX_DATELINE_WORDS = 2
"""Words a dateline's label may have before its date ("Pressemitteilung vom", "Karlsruhe, ("); a sentence that
names a date has more ("Ich habe am 12. Mai 2006 ...")."""


def _date_near_headline(tree: HtmlElement, title: str) -> datetime | None:
    """The date a page prints on a short line of its own near its headline's heading, else near its first h1
    (after it first, then before it: "Datum: 03.11.2021", "Pressemitteilung vom 20.01.2022", "Handball Schweiz •
    02.02.2022"), or at the start of a longer one (a dateline: "01.02.2022 „Der Arbeitsmarkt ..."), where it states
    none and the date search finds none; None where no such line is near."""
    h1s = [h for h in H1(tree) if isinstance(h, HtmlElement)]
    key = _comparable(title)
    # The headline's heading: an h1, else an h2 or h3 below a logo's h1.
    headings = [*h1s, *(h for h in HEADINGS(tree) if isinstance(h, HtmlElement) and h.tag != "h1")]
    headline = next((h for h in headings if _comparable(visible_text(h)) == key), None)
    elements = [element for element in tree.iter() if isinstance(element.tag, str) and element.tag not in NO_TEXT_TAGS]
    for h1 in dict.fromkeys(h for h in (headline, *h1s[:1]) if h is not None):  # the first h1 next: a blog's logo
        if (found := _date_near(elements, h1)) is not None:
            return found
    return None


def _date_near(elements: list[HtmlElement], h1: HtmlElement) -> datetime | None:
    where = next((n for n, element in enumerate(elements) if element is h1), None)
    if where is None:
        return None
    after = elements[where + 1 : where + 1 + LINES_AFTER_HEADLINE]
    before = elements[max(where - LINES_BEFORE_HEADLINE, 0) : where][::-1]
    for element in (*after, *before):
        if text_longer_than(element, MAX_DATE_LINE_CHARS):
            # A dateline: the date in the first words of a paragraph's own text.
            lead = " ".join((element.text or "").split())[:MAX_DATE_LINE_CHARS]
            day = DAY_DATE.search(lead)
            label = lead[: day.start()] if day is not None else ""
            dateline = day is not None and len(label.split()) <= MAX_DATELINE_WORDS and not UPDATED.search(label)
            if day is not None and dateline and (found := printed_date(day.group(0), None)) is not None:
                return found
            continue
        text = visible_text(element)
        if not text or UPDATED.search(text) or not (day := DAY_DATE.search(text)):
            continue  # no date, or when the story was changed
        # From the date on (its time after it too), else the date alone: a label before it ("Handball Schweiz •")
        # is no date's.
        for printed in (text, text[day.start() :], day.group(0)):
            if (found := printed_date(printed, None)) is not None:
                return found
    return None


NO_TEXT_TAGS = frozenset({"script", "style", "head", "title", "meta", "link", "noscript", "template"})


def _says_updated(time: HtmlElement) -> bool:
    """Whether a date's element, its class or the words just before it say it is when the story was updated."""
    node = time
    while (parent := node.getparent()) is not None and parent.tag in INLINE_TAGS:
        node = parent
    before = node.getprevious()
    line = (before.tail if before is not None else parent.text if parent is not None else None) or ""
    return bool(UPDATED.search(f"{time.get('class', '')} {time.get('itemprop', '')} {line} {time.text_content()}"))


VIEW_TOPIC = re.compile(
    r"^(?P<site>\S.*?)\s+::\s+(?:view topic|voir le sujet|thema anzeigen|ver tema|zobacz temat|просмотр темы"
    r"|visualizza argomento|bekijk onderwerp|ver tópico)\s+-\s+(?P<subject>\S.*)$",
    re.IGNORECASE,
)
"""phpBB 2's document title, `BOARD :: View topic - SUBJECT`, in its language packs: the board's name, the
thread's subject."""


def _headline(
    tree: HtmlElement, meta: dict[str, str], ld: dict[str, Any], extracted: Any, site: str | None, host: str | None
) -> str:
    """The headline: where publishers state it for sharing first, the document title last; a label the
    page's heading carries and its document title does not ("Thread: ...") is left out. Where the page's heading
    shows the same text with typographic marks for plain ones (`„Quote“` for `"Quote"`, `–` for `-`), as the heading
    shows it."""
    page_title = visible_text(TITLE(tree)[0]) if TITLE(tree) else None
    if page_title and (topic := VIEW_TOPIC.match(page_title)):
        return topic["subject"]
    all_h1s = [h for h in H1(tree) if isinstance(h, HtmlElement)]
    stated = _name(ld.get("headline"))
    social = [meta.get("og:title"), meta.get("twitter:title")]
    if not stated and not any(social) and not any(visible_text(h) for h in all_h1s):
        named = _named_headline(tree)  # an old page's: its document title may be the site's name alone
        if named is not None:
            return named
    h1s = [h for h in all_h1s if not _skip_heading(h)]
    logos = {visible_text(h) for h in h1s if _links_home(h) or _names_blog(tree, h, page_title)}
    logos |= {visible_text(h) for h in all_h1s if _skip_heading(h)}
    headings = [text for h in h1s if (text := visible_text(h)) not in logos]
    agreed = _agreed_title(headings, page_title)
    # A title for sharing that names less than the headline the page agrees on, and other things, is a section's
    # ("Pressemitteilungen" for "BDZV: HEADLINE" and its h1).
    shared = [None if _contradicts(text, agreed) and _fewer_words(text, agreed) else text for text in social]
    candidates = [*shared, None if _contradicts(stated, agreed) else stated]
    found = getattr(extracted, "title", None)
    if found and _in_comment_box(tree, found):
        found = None  # the extractor took the comment form's heading ("Join the Discussion Cancel reply")
    middle = _after_site_in_middle(page_title, site, host) if page_title else None
    if found and page_title and middle and _comparable(found) in _comparable(page_title):
        found = middle  # the extractor cut the title at its last separator: "Section - Site - Headline"
    # The whole document title shown as a heading (an h2 or h3 where the page has no h1) is the headline too.
    whole = agreed or (page_title if not h1s and page_title and _shown_as_heading(tree, page_title) else None)
    found = None if _contradicts(found, whole) or found in logos else found
    candidates += [found, headings[0] if len(headings) == 1 else None, page_title]
    title = _without_logo(choose_title(candidates, site, host), logos)
    page_only = _without_logo(strip_site(page_title, site, host), logos) if page_title else ""
    if page_only and _comparable(title) != _comparable(page_only) and _site_default(tree, title, page_only):
        return page_only
    if page_only and title in headings and _section_h1(tree, title, page_only):
        return page_only
    title = _without_tight_label(tree, _around_shown_headline(tree, _without_date(tree, title), site, host))
    title = without_dangling(title)
    labelled = title.endswith(page_only) and title[: -len(page_only)].rstrip().endswith(":")
    title = page_only if page_only and title != page_only and labelled else title
    key = _first_letter_folded(_plain_marks(title))
    # The heading's marks and its first letter's case: "t-distributed ..." where the data capitalises it
    title = next((s for s in headings if s != title and _first_letter_folded(_plain_marks(s)) == key), title)
    shown = [heading for heading in headings if heading]
    if len(shown) == 1 and title.startswith(shown[0] + " ") and len(title[len(shown[0]) :].split()) <= MAX_TAIL_WORDS:
        return shown[0]  # a few words more for search engines ("... Rezept", "... von USER"): what the page shows
    return title


HEADLINE_WORDS = frozenset(
    {"headline", "hed", "storytitle", "articletitle", "storyhead", "storyheadline", "newstitle", "newsheadline",
     "articleheadline", "artheadline", "posttitle", "entrytitle", "contentheading"}
)  # fmt: skip
"""Class words naming the story's headline (`div.articleTitle`, `font.storyhead`, `span.article_headline`)."""
TITLE_OF_WORDS = frozenset({"article", "story", "news", "post", "entry", "content", "art", "view", "lbl"})
"""Words that make a class's `title` the story's (`news_title`, `ViewArticleTitle`, `lblTitle`), not a box's."""
MIN_NAMED_HEADLINE_WORDS = 2
MAX_NAMED_HEADLINE_WORDS = 30
HEADLINE_LEVELS = 6
"""Levels above a headline named by its class at most, to the box that holds the story's text too."""


def _named_headline(tree: HtmlElement) -> str | None:
    """The headline of a page that states none and shows no `h1`: the first element its class names the
    story's headline or title, printed before the story's text (the first paragraph of the box of the page's
    longest paragraphs) and near it (a box a few levels up holds both); a few words, no link to another page (a
    teaser's), no date. None where there is none."""
    story, _ = densest_box(tree)
    start = story.find("p") if story is not None else None
    if story is None or start is None:
        return None
    story_boxes = {story, *story.iterancestors()}  # a box a headline's ancestor is, holding the story's text too
    for element in tree.iter():
        if element is start:
            return None  # the story's text begins: whatever follows is not its headline
        if not isinstance(element, HtmlElement) or element.tag in ("a", "title", "head", "body", "html"):
            continue
        words = class_words(element)
        if HEADLINE_WORDS.isdisjoint(words) and ("title" not in words or TITLE_OF_WORDS.isdisjoint(words)):
            continue
        text = visible_text(element)
        if (
            MIN_NAMED_HEADLINE_WORDS <= len(text.split()) <= MAX_NAMED_HEADLINE_WORDS
            and not could_be_date(text)
            and not any(link.get("href", "#")[:1] not in ("#", "") for link in element.iter("a"))
            and not any(box.tag in ("a", "nav", "aside", "footer") for box in element.iterancestors())
            and any(box in story_boxes for box in itertools.islice(element.iterancestors(), HEADLINE_LEVELS))
        ):
            return text
    return None


KICKER_WORDS = frozenset(
    {"kicker", "dachzeile", "topline", "overline", "eyebrow", "roofline", "superline", "spitzmarke", "titleheader",
     "topic", "label", "subtitle", "h1small", "preheadline", "pretitle", "supertitle"}
)  # fmt: skip
"""Class words of the line a heading prints above its headline (`span.dachzeile`, `span.article-heading__kicker`,
XenForo's thread prefix `span.label`)."""
KICKER_END = re.compile(r"\s*[:|–—\-]\s*$")
MAX_KICKER_WORDS = 5
MAX_KICKER_H1S = 10
"""The page's first h1s are weighed (a page of thousands, one per teaser, would cost as many)."""
KICKER_BLOCKS = 3
"""The text's first blocks, where the extractor may have read the kicker's line."""


def split_kicker(tree: HtmlElement, title: str) -> tuple[str, str | None]:
    """The headline without the kicker the title puts before it ("Klimaschutz: Bohren, bis es heiß wird"), where
    an h1 shows the headline alone: the whole h1, or the h1 after its kicker's own element; and that kicker, where
    the page shows it (in the h1, or as a line of its own elsewhere), else None. The title as it is otherwise."""
    if len(title) > MAX_TITLE_CHARS:
        return title, None
    starts = _suffix_starts(title)
    for h1 in itertools.islice(H1(tree), MAX_KICKER_H1S):
        if not isinstance(h1, HtmlElement) or _links_home(h1):
            continue  # the site's logo
        shown_kicker, headline = _kicker_and_headline(h1)
        start = starts.get(_comparable(headline)) if _comparable(headline) else None
        if start == 0 and shown_kicker and _comparable(shown_kicker) not in _comparable(title):
            return title, shown_kicker  # the title is the headline already: the h1's kicker is kept beside it
        if not start:
            continue
        prefix = title[:start]
        kicker = KICKER_END.sub("", prefix).strip()
        if not kicker or len(kicker.split()) > MAX_KICKER_WORDS:
            continue
        same = shown_kicker is not None and _comparable(kicker) == _comparable(shown_kicker)
        if same or KICKER_END.search(prefix):
            return title[start:].strip(), kicker if same or _shown_line(tree, kicker) else None
    return title, None


def _kicker_and_headline(h1: HtmlElement) -> tuple[str | None, str]:
    """An h1's kicker, where its first element is one (classed as one, or a `small` before the text), and the
    headline the rest of it shows."""
    first = next((child for child in h1 if isinstance(child.tag, str)), None)
    if first is None or (h1.text or "").strip() or not (first.tag == "small" or class_words(first) & KICKER_WORDS):
        return None, visible_text(h1)
    rest = deepcopy(h1)
    kicker = visible_text(first)
    dropped = next(child for child in rest if isinstance(child.tag, str))
    dropped.drop_tree()
    return kicker or None, visible_text(rest)


def _suffix_starts(title: str) -> dict[str, int]:
    """Each rest of the title from the start of one of its words, as compared (punctuation and case aside), and
    where it starts: the last such start, past a separator ("Kicker - Headline": "Headline", not "- Headline")."""
    starts = [0, *(match.start() for match in re.finditer(r"(?<=\s)\S", title))]
    return {_comparable(title[start:]): start for start in starts}


def _shown_line(tree: HtmlElement, text: str) -> bool:
    """Whether an element of the page shows the text as its own (a kicker's line above the h1)."""
    key = _comparable(text)
    return any(
        isinstance(element.tag, str) and element.text and _comparable(element.text) == key for element in tree.iter()
    )


TITLE_WORD = re.compile(r"\w+")


def _skip_heading(h1: HtmlElement) -> bool:
    """Whether an h1 heads the page's skip links for screen readers (`h1.navSkip` "Navigation und Service": the
    German federal sites' template), not its story."""
    return any("skip" in token for token in class_tokens(h1))


def _links_home(h1: HtmlElement) -> bool:
    """Whether an h1 is the site's logo: all its text one link to the site's home page (`<h1><a href="/">Hi, I'm
    Nicolas.</a></h1>`, a blog theme's name on every page)."""
    links = h1.findall(".//a")
    if len(links) != 1 or not (href := (links[0].get("href") or "").strip()):
        return False  # an anchor without an address (`<a name="top">`) is none
    if visible_text(links[0]) != visible_text(h1):
        return False
    address = urlsplit(href)
    if (address.query and address.query.lower() != "page=index") or address.fragment:
        return False  # a forum's `index.php?page=Index` (WoltLab Burning Board 3) is its home
    # `index.php` and `./` from a forum's page are its board's home: the board's name is no thread's headline.
    if address.path in ("", "/", ".", "./", "index.html", "index.php", "/index.html", "/index.php"):
        return True
    # A blog's home below its host's (TypePad: `/wool_trail/` above `/wool_trail/2010/11/post.html`).
    page = urlsplit(_page_address(h1))
    return (
        address.path.endswith("/")
        and page.path.startswith(address.path)
        and page.path != address.path
        and address.netloc in ("", page.netloc)
    )


PAGE_ADDRESS = path("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")


def _page_address(element: HtmlElement) -> str:
    """The page's own address, as it states it (its canonical link, else its `og:url`); empty where it does not."""
    found = PAGE_ADDRESS(element.getroottree().getroot())
    return str(found[0]).strip() if found else ""


def _agreed_title(headings: list[str], page_title: str | None) -> str | None:
    """The page's h1 that its document title is, with a separator and more ("X" and "X - Wikipedia"; "Site: X"),
    where one of its h1s is (a page may head its menus with h1s too: "Quicklink", "Navigation")."""
    if not page_title:
        return None
    title = " ".join(page_title.split())
    agreed = {heading for text in headings if (heading := " ".join(text.split())) and _title_holds(title, heading)}
    return agreed.pop() if len(agreed) == 1 else None


BLOG_NAME_SEPARATOR = re.compile(r"\s*(?:[:|–—\-·•»]|::)\s*")
BLOG_NAME_BEFORE = re.compile(f"{BLOG_NAME_SEPARATOR.pattern}$")


def _names_blog(tree: HtmlElement, h1: HtmlElement, page_title: str | None) -> bool:
    """Whether an h1 is a blog's name, not linked home, where the document title is that name beside the entry's
    title and the page shows that title as a lesser heading after it (Movable Type: `<h1>Blog</h1>` ...
    `<h3>Entry</h3>`, "Blog: Entry")."""
    name = visible_text(h1)
    if not page_title or not name or name == page_title:
        return False
    rest = ""
    if page_title.startswith(name) and (cut := BLOG_NAME_SEPARATOR.match(page_title, len(name))) and cut.group():
        rest = page_title[cut.end() :]
    elif page_title.endswith(name):
        before = page_title[: -len(name)]
        rest = trimmed if (trimmed := BLOG_NAME_BEFORE.sub("", before)) != before else ""
    return bool(rest) and _shown_after(tree, h1, rest)


def _shown_after(tree: HtmlElement, h1: HtmlElement, text: str) -> bool:
    """Whether a lesser heading after an h1 (an h2 or h3, later in the page) shows a text."""
    key, passed = _comparable(text), False
    for heading in HEADINGS(tree):
        passed = passed or heading is h1
        lesser = passed and isinstance(heading, HtmlElement) and heading.tag != "h1"
        if lesser and _comparable(visible_text(heading)) == key:
            return True
    return False


def _shown_as_heading(tree: HtmlElement, text: str) -> bool:
    key = _comparable(text)
    return bool(key) and any(isinstance(h, HtmlElement) and _comparable(visible_text(h)) == key for h in HEADINGS(tree))


def _title_holds(title: str, heading: str) -> bool:
    """Whether a document title is a heading with a separator and more after it, or before it (the site's name
    first: "Site: X", "Site | X")."""
    if title.startswith(heading) and TITLE_SEPARATOR.match(title[len(heading) :]):
        return True
    before = title[: -len(heading)] if title.endswith(heading) and len(title) > len(heading) else ""
    return bool(before) and bool(TITLE_SEPARATOR.search(before[-4:]) or before.endswith(": "))


MIN_SHARED_WORDS = 0.5


def _fewer_words(text: str | None, than: str | None) -> bool:
    return bool(text and than) and len(TITLE_WORD.findall(text or "")) < len(TITLE_WORD.findall(than or ""))


def _contradicts(stated: str | None, agreed: str | None) -> bool:
    """Whether a headline stated in the page's data has less than half its words in the title its h1 and document
    title agree on: Wikipedia's JSON-LD states an article's short description as its headline ("Wikimedia list
    article" for "List of films featuring time loops")."""
    if not stated or not agreed:
        return False
    words = TITLE_WORD.findall(stated.casefold())
    shown = set(TITLE_WORD.findall(agreed.casefold()))
    return bool(words) and sum(word in shown for word in words) < MIN_SHARED_WORDS * len(words)


MAX_TAIL_WORDS = 3
"""Words a stated headline may add to what the page's one h1 shows, with no separator, to be cut as a search
engine's tail ("Pierogi z dynią przepis", "Mandarinen-Schmand-Kuchen von jesusfreak")."""


PLAIN_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                             "–": "-", "—": "-", "‑": "-"})  # fmt: skip
"""Typographic marks and the plain ones a title stated for sharing writes for them."""


def _first_letter_folded(text: str) -> str:
    return text[:1].casefold() + text[1:]


def _plain_marks(text: str) -> str:
    return " ".join(text.translate(PLAIN_MARKS).replace("…", "...").replace("« ", '"').replace(" »", '"').split())


SEPARATORS = r"[|–—\-:·•»›>/~]+"
FIGURES_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}"
DANGLING = re.compile(rf"\s+{SEPARATORS}[^\w]*$|^{FIGURES_DATE}\s+{SEPARATORS}\s+|\s+{SEPARATORS}\s+{FIGURES_DATE}$")


MAX_TITLE_CHARS = 300
"""A document title longer than this is no headline with a template's parts around it: it is left as it is."""
MAX_TITLE_PARTS = 12
"""A title of more parts than this (between its separators) is cut to none of them: a headline, its section and
its site make a few."""


def without_dangling(title: str) -> str:
    """A title without what it keeps of a template's parts that have nothing in them: a separator at its end, with
    only symbols after it ("Headline -" where the site's name was left out, "Headline » ☆☆☆☆☆"), and a date in
    figures at either end ("23.01.2022 - Headline"). A closing guillemet ends a quote ("« Quoted »")."""
    if "«" in title or "‹" in title:
        return title
    title = " ".join(title.split())  # single spaces (as a browser shows them): the pattern tries a run once
    if len(title) > MAX_TITLE_CHARS:
        return title  # no headline: a run of separators would be tried from each of them
    return DANGLING.sub("", title) or title


def _without_date(tree: HtmlElement, title: str) -> str:
    """A title without what a site appends to its headline there: a date ("Headline : 31.10.2023, 10.19 Uhr")
    or short labels of section and kind ("Thread title | iPhone | Forum"), when a heading on the page shows
    the headline without them and none shows the whole title."""
    separators = list(TITLE_SEPARATOR.finditer(title))
    if not separators or len(separators) >= MAX_TITLE_PARTS:
        return title
    shown = {_comparable(visible_text(h)) for h in HEADINGS(tree) if isinstance(h, HtmlElement)}
    if _comparable(title) in shown:
        return title
    for separator in separators:
        head, tail = title[: separator.start()].strip(), title[separator.end() :]
        parts = [part.strip() for part in TITLE_SEPARATOR.split(tail)]
        dated = could_be_date(tail) and printed_date(tail, None) is not None
        labels = all(0 < len(part.split()) <= MAX_LABEL_WORDS and len(part) <= MAX_LABEL_CHARS for part in parts)
        if head and _comparable(head) in shown and (dated or labels):
            return head
    return title


def _title_parts(title: str) -> list[tuple[int, int]]:
    """Where each part of a title between its separators starts and ends."""
    separators = list(TITLE_SEPARATOR.finditer(title))
    starts = [0, *(separator.end() for separator in separators)]
    ends = [*(separator.start() for separator in separators), len(title)]
    return list(zip(starts, ends, strict=True))


def _around_shown_headline(tree: HtmlElement, title: str, site: str | None, host: str | None) -> str:
    """A title cut to the run of its parts that a heading on the page shows, when what stands around that run is
    short labels, or the site's name with its motto beyond it ("Podcast | Episode title" with the heading
    "Episode title"; "Headline : Krimiblog-Archiv | Ermittlungen zum Verfall eines Genres | Gegründet 2005"), or
    anything set off by pipes where the page's one h1 shows the run. A heading that shows the whole title, or
    none that shows a part of it, leaves the title whole."""
    spans = _title_parts(title)
    if not 2 <= len(spans) <= MAX_TITLE_PARTS:
        return title  # a run of parts is tried from each part to each: a title of many is left whole
    shown = {_comparable(visible_text(h)) for h in HEADINGS(tree) if isinstance(h, HtmlElement)}
    if _comparable(title) in shown:
        return title
    parts = [title[start:end].strip() for start, end in spans]
    h1s = [visible_text(h) for h in H1(tree) if isinstance(h, HtmlElement)]
    only_h1 = _comparable(h1s[0]) if len(h1s) == 1 else None
    for length in range(len(parts) - 1, 0, -1):  # the longest run a heading shows
        for first in range(len(parts) - length + 1):
            last = first + length - 1
            run = title[spans[first][0] : spans[last][1]].strip()
            beside = (parts[:first][::-1], parts[last + 1 :])
            if _comparable(run) in shown and all(_besides_headline(side, site, host) for side in beside):
                return run
            # The page's one h1 shows the run, set off by pipes from the rest: the site's long name or its motto
            # ("Headline | Parco Nazionale d'Abruzzo, Lazio e Molise").
            cuts = [title[spans[first - 1][1] : spans[first][0]]] if first else []
            cuts += [title[spans[last][1] : spans[last + 1][0]]] if last + 1 < len(spans) else []
            if only_h1 and _comparable(run) == only_h1 and all("|" in cut for cut in cuts):
                return run
    return title


def _besides_headline(parts: list[str], site: str | None, host: str | None) -> bool:
    """Whether the parts of a title on one side of its headline (the nearest first) are short labels up to the
    site's name, and anything beyond it (its motto)."""
    for part in parts:
        if _is_site_part(part, site, host) or (len(part.split()) <= MAX_SITE_WORDS and _names_site(part, site, host)):
            return True
        if part and not _is_label(part):
            return False
    return True


def _without_tight_label(tree: HtmlElement, title: str) -> str:
    """A title without a short label that a separator with no spaces around it joins to the headline
    ("短缺药品保供稳价-新华网"), when a heading on the page shows the headline without it and none shows the
    whole title."""
    separators = list(TIGHT_SEPARATOR.finditer(title))
    if not separators:
        return title  # before the headings are read: most titles have no such separator
    shown = {_comparable(visible_text(h)) for h in HEADINGS(tree) if isinstance(h, HtmlElement)}
    if _comparable(title) in shown:
        return title
    for separator in reversed(separators):
        head, tail = title[: separator.start()].strip(), title[separator.end() :].strip()
        short = 0 < len(tail.split()) <= MAX_LABEL_WORDS and len(tail) <= MAX_LABEL_CHARS
        if short and head and _comparable(head) in shown:
            return head
    return title


MIN_HEADLINE_WORDS = 4


def _section_h1(tree: HtmlElement, h1: str, page_only: str) -> bool:
    """Whether the page's h1 is its section's name and a lower heading shows the story's headline, which is the
    document's title (WebMD: h1 "Allergies Health Center", h2 and title "Babies Who Eat Peanuts Early May Avoid
    Allergy"): the title, longer than the h1 and not holding it, is shown as an h2 or h3."""
    words = TITLE_WORD.findall(page_only)
    if len(words) < MIN_HEADLINE_WORDS or len(words) <= len(TITLE_WORD.findall(h1)):
        return False
    key = _comparable(page_only)
    if _comparable(h1) in key:
        return False
    return any(_comparable(visible_text(h)) == key for h in LOWER_HEADINGS(tree) if isinstance(h, HtmlElement))


def _site_default(tree: HtmlElement, shared: str, page_only: str) -> bool:
    """Whether a sharing title (or the extractor's) is the site's own for every page ("vc.ru — бизнес,
    технологии...") or a box's ("Write a Reply or Comment"): no heading outside the comment section shows it,
    while one shows the document's title (the story's headline)."""
    shown = {
        _comparable(visible_text(h))
        for h in HEADINGS(tree)
        if isinstance(h, HtmlElement) and not _in_comment_section(h)
    }
    return _comparable(page_only) in shown and _comparable(shared) not in shown


def _in_comment_box(tree: HtmlElement, title: str) -> bool:
    """Whether a title is a heading of the comment section (its form's "Leave a Reply", with or without the
    hidden "Cancel reply" after it)."""
    key = _comparable(title)
    for heading in HEADINGS(tree):
        if not isinstance(heading, HtmlElement):
            continue
        texts = [_comparable(heading.text_content())]
        # What the reader sees differs from the whole text only where a part of it is skipped (hidden, a button).
        if len(heading) and any(is_skipped(inner) for inner in heading.iterdescendants()):
            texts.append(_comparable(visible_text(heading)))
        for shown in texts:
            if shown and (key == shown or (len(shown) >= MIN_SITE_KEY and key.startswith(shown))):
                if _in_comment_section(heading):  # its boxes asked only of a heading that shows the title
                    return True
                break
    return False


def _in_comment_section(heading: HtmlElement) -> bool:
    """Whether a heading sits in a box named for comments (`div#respond`, `section.comments`); the page's own
    classes ("has-comments" on `body`) say nothing."""
    return any(
        COMMENT_BOX.search(_names(box)) for box in (heading, *heading.iterancestors()) if box.tag not in PAGE_TAGS
    )


def _names(element: HtmlElement) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def _part_of_shown_title(tree: HtmlElement, name: str, title: str | None) -> bool:
    """Whether a name is a part of the page's title that a heading shows whole ("Song Lyrics : Singer")."""
    key = _comparable(name)
    parts = TITLE_SEPARATOR.split(title) if title else []
    return len(parts) > 1 and any(_comparable(part) == key for part in parts) and _names_heading(tree, title or "")


def _names_heading(tree: HtmlElement, text: str) -> bool:
    """Whether a text is what one of the page's h1 headings says."""
    key = _comparable(text)
    return any(isinstance(h, HtmlElement) and _comparable(visible_text(h)) == key for h in H1(tree))


def article_facts(tree: HtmlElement, *, with_body: bool, marks: PageMarks | None = None) -> ArticleFacts:
    """The article's facts; `with_body` runs trafilatura's extraction too (else only its metadata). `marks`: the
    page's names, which spare searches for names it does not use."""
    unescape_letters(tree)
    meta = _meta(tree)
    ld = _ld_article(tree)
    stated_values = (meta.get("article:published_time", ""), str(ld.get("datePublished") or ""))
    stated_value = next((value for value in stated_values if machine_date(value) is not None), None)
    extracted = _metadata(tree)
    url = meta.get("og:url") or next(iter(CANONICAL(tree)), None) or getattr(extracted, "url", None)
    host = urlsplit(str(url)).hostname if url else getattr(extracted, "hostname", None)
    headlines = [meta.get("og:title"), meta.get("twitter:title"), _name(ld.get("headline"))]
    titles = TITLE(tree)
    title_text = clean_text(titles[0].text_content()) if titles else None
    if title_text and (TITLE_SEPARATOR.search(title_text) or len(title_text.split()) > MAX_SITE_WORDS):
        headlines.append(title_text)  # a title of a few words alone may be the site's name (" • PepTalks")

    def usable(name: str | None, guessed: bool = False) -> bool:
        if not name or not plausible_site(name, headlines) or _beside_site_in_title(name, title_text, host):
            return False
        # trafilatura's guess may be a product's or a thread's `itemprop=name`: the heading instead; or an end of
        # the title that the page's heading shows whole (the headline's own part: "Song Lyrics : Singer").
        return not guessed or not (_names_heading(tree, name) or _part_of_shown_title(tree, name, title_text))

    # Named in words where the page states it (for sharing, in its data), else as an address, else as
    # trafilatura guesses it, else from the title or the page's own address.
    stated_names = [meta.get("og:site_name"), _name(ld.get("publisher")), _name(ld.get("website"))]
    guess = getattr(extracted, "sitename", None)
    addresses = [
        match["host"] for name in [*stated_names, guess] if name and (match := SITE_ADDRESS.fullmatch(name.strip()))
    ]
    site = next(
        (name for name in stated_names if name and not SITE_ADDRESS.fullmatch(name.strip()) and usable(name)),
        addresses[0] if addresses else guess if usable(guess, guessed=True) else None,
    )
    if site and site.startswith("@"):
        site = _site_of_handle(tree, meta, site)
    if not site:
        headings = [visible_text(h) for h in HEADINGS(tree) if isinstance(h, HtmlElement)]
        shared = [meta.get("og:title"), meta.get("twitter:title"), _name(ld.get("headline"))]
        site = fallback_site(tree, meta, [*shared, *headings], host)
    site = site.strip(SITE_NAME_EDGES) or None if site else None
    title, kicker = split_kicker(tree, _headline(tree, meta, ld, extracted, site, host))
    boxed_writer, box_value = box_facts(story_box(tree, title))
    # A time stated in UTC is shown as the page shows it, in its readers' zone, where the page tells.
    stated = next(
        (
            local_time(value, shown_dates(tree)) or machine_date(value)
            for value in _stated_times(stated_value, box_value, tree)
            if value
        ),
        None,
    )
    published = stated or _found_date(tree) or _date_near_headline(tree, title)
    modified = next(
        (
            found
            for value in (meta.get("article:modified_time"), meta.get("og:updated_time"), ld.get("dateModified"))
            if (found := machine_date(str(value or ""))) is not None
        ),
        None,
    )
    extracted_byline = getattr(extracted, "author", None)
    stated_writers = _stated_writers(tree, ld) if extracted_byline else []  # only to give its names back
    byline = clean_byline(
        extracted_or_stated(as_written(extracted_byline, stated_writers), _name(ld.get("author")))
        or meta.get("author")
        or boxed_writer
    )
    author = writers_only(
        with_marked_writers(byline, marked_writers(tree)),
        [name for name in (site, _name(ld.get("publisher"))) if name],
        meta.get("copyright", ""),
    )
    stated_blocks = _unshown(tree, stated_body_blocks(ld.get("articleBody"))) if with_body else []
    described = (clean_text(meta.get(key) or "") for key in ("og:description", "description", "twitter:description"))
    summary = next((text for text in described if text and _comparable(text) != _comparable(title)), None)
    deck = shown_deck(tree, title, summary) if with_body else None
    teasers = teaser_texts(tree, marks) if with_body else NO_TEASERS
    slides = (
        [block for slide in slideshow(tree, marks) for block in element_blocks(slide, PAGE_RULES)] if with_body else []
    )
    if with_body:
        drop_furniture(tree, title, marks)  # the headline's heading too, which marks the slideshow's box
    if with_body:
        quote_in_words(tree)  # words quoted in a sentence: trafilatura would cut the sentence at them
    if stated_blocks:  # the extractor would read the data's text in place of what the page shows (its lead)
        for script in JSON_LD(tree):
            if isinstance(script, HtmlElement) and script.getparent() is not None:
                script.drop_tree()
    if with_body:
        drop_markup_comments(tree)
        loose_paragraphs(tree)
        broken_paragraphs(tree)
    dense, dense_chars = densest_box(tree) if with_body else (None, 0)
    body = _body(tree) if with_body else None
    read, in_text = body_blocks(body, title, author, teasers) if body is not None else ([], None)
    floor = MIN_DENSE_CHARS if read else MIN_LONE_DENSE_CHARS
    if dense is not None and dense_chars >= max(floor, MISSED_SHARE * _text_chars(read)):
        # The extractor dropped the story's box (a class its rules take for a widget: `ui-tabs-panel
        # ui-widget-content`) and read what was left: the box of the page's longest paragraphs is the text.
        read, in_text = body_blocks(text_elements(dense, with_lead=True), title, author, teasers)
    if with_body and read:
        read = with_continued_chunks(tree, read, title, author, teasers)
    blocks = with_slides(read, slides)
    author = author or clean_byline(in_text)  # the byline line at the text's start, where nothing else names one
    if author is None and blocks and (signed := _posted_footer(blocks[-1][1])) is not None:
        author, blocks = signed, blocks[:-1]  # the entry's footer, `Posted by NAME on DATE | Permalink`
    if deck and blocks and _comparable(blocks[0][1]) == _comparable(deck):
        blocks = [("subtitle", *blocks[0][1:]), *blocks[1:]]  # read as the text's first heading
    elif deck and blocks and not any(_comparable(deck) in _comparable(text) for _, text, _, _ in blocks):
        blocks = [("subtitle", deck, None, None), *blocks]
    if kicker and blocks:  # the line above the headline, kept (where the extractor read it, as what it is)
        at = next(
            (n for n, block in enumerate(blocks[:KICKER_BLOCKS]) if _comparable(block[1]) == _comparable(kicker)), None
        )
        rest = blocks if at is None else blocks[:at] + blocks[at + 1 :]
        blocks = [("subtitle", kicker, None, None), *rest]
    return ArticleFacts(
        title,
        author,
        published,
        clean_text(site) if site else None,
        url,
        tuple(blocks),
        stated,
        modified,
        summary,
        tuple(stated_blocks),
    )


SLIDES_MISSING = 0.5
"""A slideshow's text is read from its slides when the extracted text lacks more than this share of it."""
SLIDES_OVER_BODY = 2
"""... and when the slides hold this many times the extracted text: the body is the slideshow's introduction (a
row of teaser cards under a story holds about as much as the story)."""


def with_slides(blocks: list[BlockSpec], slides: list[BlockSpec]) -> list[BlockSpec]:
    """The body with the slideshow's blocks after it, those it lacks, when the slideshow is the article (far more
    text than the body: the body is its introduction) and the body lacks most of it (the extractor drops
    slides); else the body as it is (a gallery's captions, a row of teaser cards beside a story)."""
    have = "".join(_comparable(text) for _, text, _, _ in blocks)
    missing = [block for block in slides if _comparable(block[1]) not in have]
    total = sum(len(block[1]) for block in slides)
    shown = sum(len(block[1]) for block in blocks)
    if total <= SLIDES_OVER_BODY * shown or sum(len(block[1]) for block in missing) <= SLIDES_MISSING * total:
        return blocks
    return [*blocks, *missing]


DECK_TAGS = frozenset({"h2", "h3", "h4", "p", "div"})
MIN_DECK_CHARS = 20
DECK_WORDS = frozenset(
    {"lead", "lede", "teaser", "intro", "standfirst", "deck", "dek", "summary", "subtitle", "subline", "vorspann",
     "excerpt", "abstract", "chapo", "chapeau", "entradilla", "bajada", "occhiello", "sommario"}
)  # fmt: skip
"""Class words of the box that holds a deck (`p.ts-intro`, `p.article-teaser`, `div.dig-vorspann`, `p.lead`)."""
MIN_SHOWN_DECK_WORDS = 8
MAX_DECK_CHARS = 600
SENTENCE_END = re.compile(r"[.!?…]['\"“”»«’)]*$")


def shown_deck(tree: HtmlElement, title: str, summary: str | None) -> str | None:
    """The deck (standfirst) the page shows right after its headline: the sentence under the headline that an
    extractor starting at the text's first paragraph leaves out. It is one when the page's summary for sharing
    says the same, when its box is named for a deck (`p.lead`, `p.article-teaser`), or
    when it is a heading of whole sentences (an `h2` that ends with a full stop); a heading (`h1`) that shows
    the headline, alone or after a kicker ("Abstandsregeln : Headline"), comes before it."""
    key, said = _comparable(title), _comparable(summary or "")
    if not key:
        return None
    for heading in H1(tree):
        shown = _comparable(visible_text(heading)) if isinstance(heading, HtmlElement) else ""
        if not shown or not (shown == key or (shown.endswith(key) and len(key) >= MIN_DECK_CHARS)):
            continue
        after = heading.getnext()
        while after is not None and not isinstance(after, HtmlElement):
            after = after.getnext()  # a comment between them
        if after is None or after.tag not in DECK_TAGS:
            continue
        text = visible_text(after)
        if _comparable(text) == said and len(said) >= MIN_DECK_CHARS:
            return text
        if _deck_like(after, text):
            return text
    return None


def _deck_like(box: HtmlElement, text: str) -> bool:
    """Whether a box after the headline is its deck though the summary for sharing says otherwise (or nothing):
    a sentence or more of text, not a byline or a date (nor a box that holds them), in a box named for a deck,
    or an `h2` of whole sentences. (A summary that begins the box says nothing: it is often the text's first
    sentence.)"""
    if len(text.split()) < MIN_SHOWN_DECK_WORDS or len(text) > MAX_DECK_CHARS or _is_header_line(text, []):
        return False
    if box.find(".//p") is not None or box.find(".//h2") is not None:
        return False  # a box of paragraphs: the text itself, not its deck
    if box.find(".//time") is not None or any(
        not WRITER_CLASSES.isdisjoint(class_words(inner)) for inner in box.iter() if isinstance(inner, HtmlElement)
    ):
        return False  # the story's time and writer (`div.subtitle` > `time`, `span.byline`)
    named = not DECK_WORDS.isdisjoint(class_words(box))
    return named or (box.tag == "h2" and SENTENCE_END.search(text) is not None)


SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+")
UNSHOWN_SHARE = 0.5
"""The page's data states the article's text where the page shows less than this share of it."""


def _unshown(tree: HtmlElement, stated: list[BlockSpec]) -> list[BlockSpec]:
    """The article's text its data states, when the page shows little of it (the rest drawn by script); else
    none (the page's own text is read)."""
    if not stated:
        return []
    body = tree.find("body")
    shown = _comparable(visible_text(body if body is not None else tree))
    # Sentence by sentence: the data may run the page's paragraphs into one, or split them otherwise.
    sentences = [part for _, text, _, _ in stated for part in SENTENCE_BREAK.split(text) if _comparable(part)]
    total = sum(len(part) for part in sentences)
    found = sum(len(part) for part in sentences if _comparable(part) in shown)
    return stated if found < UNSHOWN_SHARE * total else []


def stated_body_blocks(body: Any) -> list[BlockSpec]:
    """JSON-LD's `articleBody` as blocks: its HTML read as a page's, or its text a paragraph per line (its lines
    are the article's paragraphs; a blank line between them or none)."""
    if not isinstance(body, str) or not body.strip():
        return []
    return html_blocks(body if HTML_SIGN.search(body) else body.replace("\n", "\n\n"), PAGE_RULES)


MIN_DENSE_CHARS = 1000
MISSED_SHARE = 3
"""The text of the box of the longest paragraphs replaces the extractor's when it is this many times as long
(and at least MIN_DENSE_CHARS): the extractor missed the story."""
MIN_LONE_DENSE_CHARS = 200
"""... and where the extractor read nothing (or only what was left out: teasers, a list of other stories), when it
holds this much: a short story (a news brief) is still the page's text."""
MIN_DENSE_PARAGRAPH = 40
"""Paragraphs shorter than this (captions, credits, buttons) do not count for a box's text."""


def densest_box(tree: HtmlElement) -> tuple[HtmlElement | None, int]:
    """The box whose own paragraphs hold the most text, and how much; one pass over the paragraphs. (trafilatura
    reads a copy of the tree: the box is as it was when its text is read.)"""
    best: HtmlElement | None = None
    most = 0
    for box in BOXES_OF_PARAGRAPHS(tree):
        if not isinstance(box, HtmlElement):
            continue
        chars = sum(len(text) for text in _long_paragraphs(box))
        if chars > most:
            best, most = box, chars
    if best is None or any(is_hidden(node) for node in (best, *best.iterancestors())):
        return None, 0
    return best, most


MAX_CHUNK_LEVELS = 2
"""Levels between a story's chunks and the box that holds them all, at most (Wired: each chunk's `article__body`
in a grid of its own, beside an ad rail)."""
MIN_CHUNKS = 2
MIN_CHUNK_SHARE = 0.5
"""The extractor read at least this share of the first chunk's long paragraphs: the chunks are the story's."""


def with_continued_chunks(
    tree: HtmlElement, read: list[BlockSpec], title: str, author: str | None, teasers: Teasers
) -> list[BlockSpec]:
    """The extractor's reading with the rest of the story in, where the page cuts its text into boxes of one class
    (between them: ads, a rail of links) and the extractor stopped in the first or second: the boxes of the same
    tag and class under the same box MAX_CHUNK_LEVELS up, the first of which it read at least half of, are read on
    from its last paragraph read, after the last block it took from them. One pass over the page's boxes of
    paragraphs."""
    taken = {_comparable(text) for _, text, _, _ in read}
    groups: dict[tuple[str, str, HtmlElement], list[HtmlElement]] = {}
    for box in BOXES_OF_PARAGRAPHS(tree):
        if isinstance(box, HtmlElement) and box.get("class"):
            holder = box
            for _ in range(MAX_CHUNK_LEVELS):
                holder = parent if (parent := holder.getparent()) is not None else holder
            groups.setdefault((box.tag, box.get("class", ""), holder), []).append(box)  # lxml keeps one proxy
    for (_, _, holder), boxes in groups.items():
        if len(boxes) < MIN_CHUNKS or _read_share(boxes[0], taken) < MIN_CHUNK_SHARE:
            continue
        if any(_titled(box, holder) for box in boxes[1:]):
            continue  # a blog's front page: each post's text in a box of one class, under its own linked title
        story = [
            block
            for box in boxes
            for block in body_blocks(_without_link_lists(text_elements(box)), title, author, teasers)[0]
        ]
        keys = [_comparable(block[1]) for block in story]
        last = max((n for n, key in enumerate(keys) if key in taken), default=None)
        if last is None:
            continue  # the extractor's lines are not the boxes' blocks (a paragraph it cut in two)
        rest = [block for block, key in zip(story[last + 1 :], keys[last + 1 :], strict=True) if key not in taken]
        if _text_chars(rest) < MIN_CONTINUED_CHARS:
            continue  # a disclaimer's or a link's line in a box of the story's class
        where = max(n for n, block in enumerate(read) if _comparable(block[1]) == keys[last])
        return [*read[: where + 1], *rest, *read[where + 1 :]]
    return read


MIN_CONTINUED_CHARS = 500
LINKED_SHARE = 0.3
LINK_LINE_SHARE = 0.8


def _titled(box: HtmlElement, holder: HtmlElement) -> bool:
    """Whether a box has a title of its own a few elements before it, below the holder: a heading (or a header
    holding one) that links to another page, a post's on a blog's front page (its meta line between them); or the
    box stands in an `article` of its own."""
    node = box
    while node is not holder and (parent := node.getparent()) is not None:
        if node.tag == "article":
            return True
        befores = (before for before in node.itersiblings(preceding=True) if isinstance(before.tag, str))
        for before in itertools.islice(befores, MAX_TITLE_SIBLINGS):
            if before.tag in TITLE_TAGS:
                headings = [before] if before.tag != "header" else list(before.iter("h1", "h2", "h3"))
                if any(link.get("href") for heading in headings for link in heading.iter("a")):
                    return True
        node = parent
    return False


TITLE_TAGS = frozenset({"h1", "h2", "h3", "header", "hgroup"})
MAX_TITLE_SIBLINGS = 4


def _without_link_lists(box: HtmlElement) -> HtmlElement:
    """A chunk without its lists of links to other stories (every item a link, or words around one: "More Great
    WIRED Stories") and its lines that are a link, which the extractor leaves out at a story's end."""
    for child in list(box):
        if child.tag in ("ul", "ol"):
            items = list(child.iterchildren("li"))
            if items and all(_linked_share(item) >= LINKED_SHARE for item in items):
                child.drop_tree()
        elif child.tag == "p" and _linked_share(child) >= LINK_LINE_SHARE:
            child.drop_tree()  # a line that is a link to another story ("Alkohol beim Angeln – Diskussion im Forum")
    return box


def _linked_share(element: HtmlElement) -> float:
    """The share of an element's text that links to somewhere."""
    text = len(" ".join(element.text_content().split()))
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a") if link.get("href"))
    return linked / text if text else 0.0


def _long_paragraphs(box: HtmlElement) -> list[str]:
    texts = (" ".join(paragraph.text_content().split()) for paragraph in box.iterchildren("p"))
    return [text for text in texts if len(text) >= MIN_DENSE_PARAGRAPH]


def _read_share(box: HtmlElement, taken: set[str]) -> float:
    """The share of a box's long paragraphs that the extractor read."""
    keys = {_comparable(text) for text in _long_paragraphs(box)}
    return len(keys & taken) / len(keys) if keys else 0.0


def text_elements(box: HtmlElement, *, with_lead: bool = False) -> HtmlElement:
    """A copy of a box with its text's elements only, made when the box stands in for the extractor's reading;
    `with_lead`: with the text's elements just before the box, beside it in its parent, first (the lead a site
    prints above the box it hides the rest in: Barron's `div.paywall`)."""
    text = deepcopy(box)
    for child in list(text):
        if isinstance(child.tag, str) and child.tag not in TEXT_CHILDREN:
            child.drop_tree()  # a gallery's or a share bar's box among the paragraphs (its tail is text: kept)
    if not with_lead:
        return text
    leads = []
    for before in box.itersiblings(preceding=True):
        if not isinstance(before.tag, str):
            continue  # an HTML comment between them
        if before.tag not in TEXT_CHILDREN or before.tag == "figure":
            break
        leads.append(deepcopy(before))
    if not leads:
        return text
    story = box.makeelement("div", {})
    story.extend(reversed(leads))
    story.append(text)  # after the lead: the box's own loose text too
    return story


TEXT_CHILDREN = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "figure"})
"""The children of the box of the longest paragraphs that are its text: other boxes there are furniture."""


def _text_chars(blocks: list[BlockSpec]) -> int:
    return sum(len(block[1]) for block in blocks if block[0] != "title")


def body_blocks(
    body: Any, title: str, author: str | None, teasers: Teasers = NO_TEASERS
) -> tuple[list[BlockSpec], str | None]:
    """trafilatura's body XML as blocks, without a leading copy of the title, the byline line, the lines
    of teaser boxes and the comment section's heading (`trim_body`); and the writer a labelled byline line
    among those left out names ("Von Klaus Stanjek"), for a page whose markup names none."""
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "code" and _inline(element):
            continue  # `<p>... <code>fetch()</code> ...</p>`: a word in code type, not a code block
        if element.tag in TRAFILATURA_TAGS:
            element.tag = TRAFILATURA_TAGS[element.tag]
    blocks = element_blocks(body, PAGE_RULES)
    while blocks and _comparable(blocks[0][1]) == _comparable(title):
        blocks = blocks[1:]
    blocks = trim_body(blocks, teasers)
    names = [name.strip() for name in (author or "").split(";") if name.strip()]
    header = [
        position < BYLINE_POSITIONS and block[0] != "heading" and _is_header_line(block[1], names)
        for position, block in enumerate(blocks)
    ]
    named = (_labelled_byline(block[1]) for block, left_out in zip(blocks, header, strict=True) if left_out)
    return [block for block, left_out in zip(blocks, header, strict=True) if not left_out], next(
        filter(None, named), None
    )


INLINE_PARENTS = frozenset({"p", "head", "item", "cell", "hi", "ref", "del", "h2", "li", "td", "span"})
"""trafilatura's (and, renamed, HTML's) elements whose `<code>` children are words of their line."""


def _inline(code: Any) -> bool:
    """Whether trafilatura's `<code>` is inline: inside a line's element, or with text beside it."""
    parent = code.getparent()
    return (parent is not None and parent.tag in INLINE_PARENTS) or bool((code.tail or "").strip())


POSTED_FOOTER = re.compile(
    r"^(?:posted|written|published)\s+by:?\s+(?P<name>[^|,]{1,60}?)\s+(?:on|at|\|)\s+(?P<date>[^|]+)(?:\|.*)?$",
    re.IGNORECASE,
)
"""The footer an old blog template prints under its entry: `Posted by NAME on April 6, 2007 | Permalink`
(TypePad, Movable Type), `Posted by NAME at 10:15 AM` (Blogger)."""
MAX_FOOTER_DATE_WORDS = 7
"""The words of a footer's date at most ("Thursday, November 8, 2012 at 10:15 AM")."""


def _posted_footer(text: str) -> str | None:
    """The writer an entry's footer line names, where the line is that footer and nothing else; None otherwise."""
    if len(text) > MAX_BYLINE_CHARS or (found := POSTED_FOOTER.match(text)) is None:
        return None
    if len(found["date"].split()) > MAX_FOOTER_DATE_WORDS or not could_be_date(found["date"]):
        return None  # a sentence that starts so ("Posted by Anna on 3 May and read by thousands since")
    return clean_byline(found["name"])


def _labelled_byline(text: str) -> str | None:
    """The name a byline line gives after its label ("Von Klaus Stanjek", "Par Anne Roux"), its words
    capitalised as a name's are; None for any other line."""
    if not text or len(text) > MAX_BYLINE_CHARS or len(text.split()) > MAX_BYLINE_WORDS or text[-1] in ".!?:":
        return None
    label = BYLINE_LABEL.match(text)
    named = text[label.end() :].split() if label else []
    return " ".join(named) if named and all(word[0].isupper() for word in named) else None


def _is_header_line(text: str, names: list[str]) -> bool:
    """Whether one of the body's first lines (not a heading: "By The Numbers") is its header's, not its text:
    the byline ("Von Gregory Lipinski", "Por Agencia EFE"), a date alone ("Datum 25.01.2022", "July 7, 2020"),
    or the label of one ("Posted on")."""
    if len(text) > MAX_BYLINE_CHARS:
        return False
    if any(name in text for name in names) or DATE_LABEL.fullmatch(text):
        return True
    if _labelled_byline(text) is not None:
        return True
    unlabelled = DATE_LABEL_START.sub("", text)
    return len(unlabelled) <= MAX_DATE_LINE and could_be_date(unlabelled) and printed_date(unlabelled, None) is not None
