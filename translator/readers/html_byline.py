"""A story's byline: who wrote it, as the page says it, without what is not a writer's name.

The byline comes from the page's data (meta tags, JSON-LD), its hAtom markup, or trafilatura's search of
elements named for authors; each name is then cleaned of labels ("View all posts by"), of what a template
prints beside it (a form's "Name", "Stand" before a date) and of the publisher, the site or its address.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from translator.readers.html_fields import name_in
from translator.readers.html_items import path
from translator.readers.html_text import class_heads, clean_text

WRITER_CLASSES = frozenset({"author", "byline", "nick", "nickname", "username", "writer"})
"""The last word of a class that names a story's writer (`post__author`, `user__nick`, `user-info__nickname`)."""
MIN_SITE_KEY = 4
"""Letters a site's name or host label has at least to be recognised in a byline or a title."""


BYLINE_LABEL = re.compile(
    r"^(?:(?:posted|written|published|reported|analysis|opinion|commentary|review|story|article|words|column)\s+by|by"
    r"|publi(?:cad[oa]|é|ée)\s+(?:por|par)|(?:escrito|artículo\s+escrito)\s+por|par|por"
    r"|pubblicato\s+da|scritto\s+da|articolo\s+di|(?:geschrieben|verfasst|veröffentlicht)\s+von"
    r"|(?:ein\s+)?(?:artikel|beitrag|gastbeitrag|kommentar|kolumne|analyse|interview)\s+von|von(?!\s+(?:der|dem|den)\b)"
    r"|autor(?:in)?\s*:?|author\s*:?|auteur\s*:?|автор\s*:?|опубликовал[аи]?|przez|door|av"
    r"|(?:text|texte|texto|testo|tekst)\s*:|текст\s*:?)\s+(?=\S)",
    re.IGNORECASE,
)
"""The label before a byline's name ("Par Attac France", "Publicada por Rosa", "Автор: Иван", "Text: Anna Roth",
"Analysis by Chris Cillizza", "Ein Artikel von Anna Roth")."""


LOGIN_PROMPT = re.compile(
    r"^(?:sign\s*in|log\s*in|sign\s*up|register|anmelden|einloggen|registrieren|connexion|se connecter"
    r"|s'inscrire|iniciar sesi[oó]n|entrar|accedi|zaloguj(?: się)?|войти|вход)\W*$",
    re.IGNORECASE,
)
"""A login link the byline search took for a writer ("Sign In" at the top of a forum page)."""


def clean_byline(byline: str | None) -> str | None:
    """A byline without its label, each of its names ("Par A; B" -> "A; B")."""
    if not byline:
        return None
    names = [BYLINE_LABEL.sub("", name.strip(), count=1) for name in byline.split(";")]
    return "; ".join(name for name in names if name and not LOGIN_PROMPT.match(name)) or None


TRAILING_WEEKDAY = re.compile(r"\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.IGNORECASE)
MONTH = re.compile(
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december)$", re.IGNORECASE
)
"""A date's words run into a byline ("Malcolm Owen Monday, November 18, 2019", split at its commas)."""
JOB_TITLE = re.compile(r"\b(?:writer|editor|editor-at-large|correspondent|reporter|staff|contributor)$", re.IGNORECASE)
MAX_JOB_TITLE_WORDS = 5
WORD = re.compile(r"\w+")
SECTION_WORDS = frozenset(
    {"business", "news", "staff", "international", "online", "digital", "media", "newsroom", "desk", "team",
     "editorial", "editors", "politics", "sport", "sports", "tech", "technology", "world", "wire", "tv", "radio",
     "magazine", "live", "opinion", "health", "science", "money", "travel", "entertainment", "style", "local",
     "redaktion", "rédaction", "redacción", "redazione", "redakcja", "redactie", "редакция", "wirtschaft",
     "noticias", "nachrichten", "actualités", "notizie", "wiadomości", "новости"}
)  # fmt: skip
"""Words a site's name takes in a byline for a section or desk ("CNN Business", "Redacción Trome"): beside the
site's name they make no writer's name, where another word may ("Morgan Smith" on a site named "Morgan")."""
MIN_NAME_WORDS = 2
"""Words a writer's name keeps when a one-word site's name is cut from its end: a first name alone is left of
a surname that is the site's name ("Morgan Smith" on a site named "Smith"); a longer site's name is cut
whatever is left ("Finian Cunningham Sputnik International")."""


def word_run(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in WORD.findall(text))


def holds_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    return any(words[start : start + len(run)] == run for start in range(len(words) - len(run) + 1))


def writers_only(byline: str | None, publishers: list[str], copyright_line: str = "") -> str | None:
    """A byline's names without what is not a writer beside them: the publisher or site ("Condé Nast; Molly
    Wood", "Jill Disis; CNN Business"), a job title ("STEVE PEOPLES; AP National Political Writer"), a date's
    words run into a name ("Malcolm Owen Monday; November"). A byline that names only such things stays.
    `publishers`: the site's and publisher's names; `copyright_line`: the page's copyright notice, whose holder
    is no writer either."""
    if not byline:
        return None
    sites = [run for run in map(word_run, publishers) if run]
    notice = word_run(copyright_line)
    kept = []
    for name in byline.split("; "):
        name = TRAILING_WEEKDAY.sub("", " ".join(name.split()))  # single spaces: a long run is tried once
        words = word_run(name)
        if any(site_and_section(words, site) for site in sites):
            continue  # "Noticias El Comercio": the site's desk, not a writer named after the site
        for site in sites:  # "Finian Cunningham Sputnik International": the writer, then the site
            left = len(words) - len(site)
            if left > 0 and words[-len(site) :] == site and (len(site) > 1 or left >= MIN_NAME_WORDS):
                name = " ".join(name.split()[: -len(site)]) if len(name.split()) == len(words) else name
                words = word_run(name)
        # The site's name, all of it or its start ("Business Insider" of "Business Insider Deutschland"), or
        # it with a section's words ("CNN Business"); never a writer whose first name is the site's ("Morgan").
        publisher = bool(words) and (
            any(site[: len(words)] == words or site_and_section(words, site) for site in sites)
            or (len("".join(words)) >= MIN_SITE_KEY and holds_run(notice, words))
        )
        job = JOB_TITLE.search(name) is not None and len(words) <= MAX_JOB_TITLE_WORDS
        if words and not publisher and not job and not MONTH.match(name):
            kept.append(name)
    return "; ".join(kept) if kept else byline


def site_and_section(words: tuple[str, ...], site: tuple[str, ...]) -> bool:
    """Whether a byline's part is the site's name with a section's or desk's words only, after it or before it
    ("CNN Business", "Redacción Trome")."""
    if len(words) <= len(site):
        return False
    if words[: len(site)] == site:
        return all(word in SECTION_WORDS for word in words[len(site) :])
    return words[-len(site) :] == site and all(word in SECTION_WORDS for word in words[: -len(site)])


def extracted_or_stated(extracted: str | None, stated: str | None) -> str | None:
    """trafilatura's byline, or the JSON-LD author's name when that byline is the name run into the writer's
    blurb ("Martin Chikilian Martin is a full-stack engineer; ...")."""
    if extracted and stated and extracted != stated and extracted.startswith(stated + " "):
        return stated
    return extracted or stated


def box_author(elements: list[HtmlElement]) -> str | None:
    """The writer a story box names: an element marked as its author (`itemprop`, `rel`) or classed for the
    writer's name (`author`, `byline`, `user__nick`); profile links and bold words may be anything else."""
    for element in elements:
        marked = element.get("itemprop") == "author" or "author" in element.get("rel", "").split()
        if (marked or not WRITER_CLASSES.isdisjoint(class_heads(element))) and (name := name_in(element)):
            return name
    return None


MARKED_AUTHORS = path("//*[contains(@itemprop, 'author')]")


def _marked_author(element: Any) -> bool:
    return isinstance(element, HtmlElement) and "author" in (element.get("itemprop") or "").split()


def marked_writers(tree: HtmlElement) -> list[str]:
    """The writers that sibling elements marked as the article's author name (schema.org microdata: several
    `itemprop="author"` side by side, each with its `itemprop=name` inside or its name as its text), in order
    and once each; none unless at least two writers are marked side by side."""
    parents: set[HtmlElement] = set()  # each group of siblings is read once (the set keeps lxml's proxies alive)
    for element in MARKED_AUTHORS(tree):
        parent = element.getparent() if _marked_author(element) else None
        if parent is None or parent in parents:
            continue
        parents.add(parent)
        group = [element, *(after for after in element.itersiblings() if _marked_author(after))]
        names: dict[str, str] = {}
        for marked in group:
            name = clean_text(marked.get("content") or "") if marked.tag == "meta" else name_in(marked)
            name = clean_byline(name)
            if name and (key := "".join(word_run(name))):
                names.setdefault(key, name)
        if len(names) > 1:
            return list(names.values())
    return []


NAME_JOINS = frozenset({"and", "und", "et", "y", "e", "i", "og", "en", "и"})
"""Words that join writers' names in a byline ("Kim Lee and Ana Ruiz")."""


def with_marked_writers(byline: str | None, marked: list[str]) -> str | None:
    """The byline, or all the writers the page marks side by side where the byline names some of them only (an
    extractor takes the first marked writer: "A" with A, B marked -> "A; B") or runs them together ("A B")."""
    if not marked:
        return byline
    marked_words = {word for name in marked for word in word_run(name)}
    return "; ".join(marked) if set(word_run(byline or "")) <= marked_words | NAME_JOINS else byline
