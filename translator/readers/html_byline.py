"""A story's byline: who wrote it, as the page says it, without what is not a writer's name.

The byline comes from the page's data (meta tags, JSON-LD), its hAtom markup, or trafilatura's search of
elements named for authors; each name is then cleaned of labels ("View all posts by"), of what a template
prints beside it (a form's "Name", "Stand" before a date) and of the publisher, the site or its address.
"""

from __future__ import annotations

import re
from copy import deepcopy
from html import unescape
from typing import Any

from lxml.html import HtmlElement

from translator.readers.html_dates import (
    DATE_CONNECTORS,
    DATE_LEAD_WORDS,
    ENGLISH_MONTHS,
    MONTH_ABBREVIATIONS,
    WEEKDAY_NAMES,
)
from translator.readers.html_fields import clean_author, name_in
from translator.readers.html_items import path
from translator.readers.html_text import class_heads, clean_text

WRITER_CLASSES = frozenset({"author", "byline", "nick", "nickname", "username", "writer"})
"""The last word of a class that names a story's writer (`post__author`, `user__nick`, `user-info__nickname`)."""
MIN_SITE_KEY = 4
"""Letters a site's name or host label has at least to be recognised in a byline or a title."""


PROFILE_LINK_TITLES = (
    r"(?:view|see|more)\s+(?:all\s+)?(?:posts|articles|stories)\s+by|all\s+(?:posts|articles|stories)\s+by|more\s+by"
    r"|(?:zeige\s+)?alle[s]?\s+(?:(?:beiträge|artikel)\s+)?von|(?:zum\s+)?profil\s+von|mehr\s+von"
    r"|(?:voir\s+)?tous\s+les\s+articles\s+de"
    r"|ver\s+(?:todas\s+las\s+entradas|todos\s+los\s+artículos)\s+de|ir\s+al\s+perfil\s+de"
    r"|(?:vedi\s+)?tutti\s+gli\s+articoli\s+di"
)
"""The words of a link to a writer's profile or posts, before the name: a byline's label where a link's title is
read as its text ("View all posts by NAME"), and the end of a profile box read after the name ("NAME Alles von
NAME Kontakt")."""
BYLINE_LABELS = (
    r"(?:(?:posted|written|published|reported|analysis|opinion|commentary|review|story|article|words|column"
    r"|[a-z]+ed)\s+by|by"
    r"|publi(?:cad[oa]|é|ée)\s+(?:por|par)|(?:escrito|artículo\s+escrito)\s+por|par|por"
    r"|pubblicato\s+da|scritto\s+da|articolo\s+di"
    r"|(?:geschrieben|verfasst|veröffentlicht|erstellt|eingestellt|gepostet|rezept|fotos?|bilder)\s+von"
    r"|(?:ein\s+)?(?:artikel|beitrag|gastbeitrag|kommentar|kolumne|analyse|interview)\s+von|von(?!\s+(?:der|dem|den)\b)"
    r"|autor(?:in)?|author|auteur|автор|опубликовал[аи]?|przez|door|av|vom|interview"
    r"|(?:text|texte|texto|testo|tekst)\s*:|текст"
    # a link's title taken for its text: "View all posts by NAME", "Zum Profil von NAME"
    rf"|{PROFILE_LINK_TITLES})"
)
BYLINE_LABEL = re.compile(rf"^{BYLINE_LABELS}(?:\s*:)?\s+(?=\S)", re.IGNORECASE)
"""The label before a byline's name ("Par Attac France", "Publicada por Rosa", "Автор: Иван", "Text: Anna Roth",
"Analysis by Chris Cillizza", "Ein Artikel von Anna Roth", "Erstellt von: Anna"), or a profile link's title read
as the name ("View all posts by Daniel Lemire")."""
LABEL_ALONE = re.compile(rf"^{BYLINE_LABELS}\W*$", re.IGNORECASE)
"""A byline's label without the name, which the page prints in an element of its own ("Artikel von:")."""
MAX_LABELS = 2
"""Labels cut from a name's start at most ("Rezept von Zum Profil von NAME")."""


LOGIN_PROMPT = re.compile(
    r"^(?:sign\s*in|log\s*in|sign\s*up|register|anmelden|einloggen|registrieren|connexion|se connecter"
    r"|s'inscrire|iniciar sesi[oó]n|entrar|accedi|zaloguj(?: się)?|войти|вход)\W*$",
    re.IGNORECASE,
)
"""A login link the byline search took for a writer ("Sign In" at the top of a forum page)."""


NOT_A_WRITER = frozenset(
    {"name", "names", "posted", "follow", "folgen", "suivre", "seguir", "datum", "date", "null", "none",
     "undefined", "noauthor", "unknown", "unknownauthor", "author", "autor", "auteur", "email", "website",
     "webseite", "comment", "kommentar", "reply", "antworten", "share", "teilen", "text", "texte", "foto",
     "fotos", "photo", "photos", "bild", "bilder", "www", "cokg", "kg", "gmbh", "ag", "inc", "ltd", "llc",
     "viewprofile", "profile", "profil", "userprofile", "voirleprofil", "verperfil", "profilanzeigen"}
)  # fmt: skip
"""What a template prints where, or beside where, a writer's name goes, and the byline search takes: a comment
form's "Name" label, a "Follow" button, "Posted", a date's label, a placeholder ("null", "No Author"), the
writer's menu's link to their profile ("View Profile": Gawker's, marked `rel=author`)."""
DEGREES = frozenset({"phd", "md", "msc", "mba", "mph", "rd", "rdn", "rn", "dds", "dvm", "facp", "llm", "mfa"})
"""Degrees written after a name, split from it at its comma ("Grant Tinsley, PhD")."""
TRAILING_DATE_WORD = re.compile(
    r"(?<!\s)\s+(?:stand|vor|updated|published|posted|aktualisiert|veröffentlicht|publié|publicado|actualizado)\W*$",
    re.IGNORECASE,
)
"""A date's label left after a name when the search cut the date away ("Sara Zinnecker Stand: 3. Mai",
"Houzz Deutschland vor 3 Tagen")."""
PROFILE_LINK_TAIL = re.compile(
    rf"(?<!\s)\s+(?:view\s+profile|more\s+posts\s+by|{PROFILE_LINK_TITLES})\s.*$", re.IGNORECASE
)
"""A profile box's link read after the name ("Martin Junker Alles von Martin Junker Kontakt")."""
NO_NAME = re.compile(
    r"^(?:(?:copyright|publiziert|veröffentlicht|published|posted|submitted|publié|publicado|pubblicato"
    r"|aktualisiert|updated|erstellt|eingestellt)\b|©|\(c\)|theme\s*:|.*\b(?:drupal|wordpress|joomla|typo3)\b).*$",
    re.IGNORECASE,
)
"""A copyright line, a theme's or a web agency's credit ("Hecho con Drupal por ..."), a date's label alone or
with the date ("Publiziert am", "Posted on September 21"), which the byline search may take (a label before a
name, "Posted by NAME", is cut before)."""
NOT_NAMES = (LOGIN_PROMPT, NO_NAME, LABEL_ALONE)
ADDRESS_ENDINGS = frozenset(
    {"de", "at", "ch", "com", "net", "org", "info", "eu", "fr", "it", "es", "nl", "pl", "ru", "uk", "io", "tv",
     "ca", "au", "dk", "fi", "cz", "pt", "br", "mx", "jp", "cn", "biz"}
)  # fmt: skip
"""Top-level domains that end a site's address read as words ("tagesschau.de" -> "Tagesschau De"); two-letter
ones that end people's names ("Kim Se", "Ana Do") are left out."""
CONVERSATION = re.compile(
    r"(?<!\s)\s+(?:im\s+gespräch\s+mit|in\s+conversation\s+with|en\s+conversation\s+avec|en\s+conversación\s+con)\s+",
    re.IGNORECASE,
)
"""Two people of an interview in one byline ("A im Gespräch mit B"): both are named."""


def clean_byline(byline: str | None) -> str | None:
    """A byline without its label, each of its names ("Par A; B" -> "A; B"), without what is no writer's name:
    a template's word ("Name", "Follow"), a degree, a date's label, a copyright line, a name repeated (a profile
    image's text, then the link's). A site's address read as words gets its dots back ("Tagesschau De" ->
    "tagesschau.de"), and is left out where the byline also names a writer."""
    if not byline:
        return None
    names = []
    byline = " ".join(byline.split())  # single spaces: each pattern below tries a long run once, not per space
    for part in CONVERSATION.sub("; ", byline).split(";"):
        name = _without_date_tail(TRAILING_DATE_WORD.sub("", unlabelled(part.strip())))
        words = name.split()
        half = len(words) // 2
        if half and len(words) % 2 == 0 and words[:half] == words[half:]:
            name = " ".join(words[:half])  # "jesusfreak jesusfreak"
        key = "".join(word_run(name))
        if key and key not in NOT_A_WRITER | DEGREES and not any(rule.match(name) for rule in NOT_NAMES):
            names.append(with_address(name))
    people = [name for name in names if not ADDRESS.fullmatch(name)]
    return "; ".join(people or names) or None


def _without_date_tail(name: str) -> str:
    """A name without the date a byline prints after it, from its connecting word on ("Ines Calder on October 26",
    "NAME am 3. Mai", a lone "on" whose date the search cut away). The word must be in lower case: "Thanh Le" is a
    name."""
    words = name.split()
    for at in range(1, len(words)):
        rest = words[at + 1 :]
        if words[at] in DATE_CONNECTORS and all(
            any(char.isdigit() for char in word) or word.strip(".,").casefold() in DATE_LEAD_WORDS for word in rest
        ):
            return " ".join(words[:at])
    return name


def unlabelled(name: str) -> str:
    """A name without the labels before it ("Rezept von Zum Profil von NAME") and a profile link's words after it
    ("NAME Alles von NAME Kontakt")."""
    for _ in range(MAX_LABELS):
        name = BYLINE_LABEL.sub("", name, count=1)
    return PROFILE_LINK_TAIL.sub("", name)


ADDRESS = re.compile(r"(?:www\.)?[\w-]+\.[a-z]+")
"""A site's address and nothing else ("tagesschau.de", "www.koffergepackt.com")."""


def with_address(name: str) -> str:
    """A name whose end is a site's address read as words with its dots back ("Tagesschau De" -> "tagesschau.de",
    "Redaktion datev de" -> "Redaktion datev.de"); any other name as it is."""
    words = name.split()
    if len(words) < 2 or words[-1].casefold() not in ADDRESS_ENDINGS:
        return name
    start = len(words) - 2
    if start > 0 and words[start - 1].casefold() == "www":
        start -= 1
    # The search title-cased a name written in lower case ("tagesschau.de" -> "Tagesschau De")
    host = ".".join(word.lower() if word.istitle() or word.isupper() else word for word in words[start:])
    return " ".join([*words[:start], host])


def split_writers(text: str) -> str | None:
    """The writers an element's text names ("By Anna Roth and Jan Berg | 3. Mai 2020" -> "Anna Roth; Jan Berg"),
    as the page writes them: handles keep their digits and underscores, lower case stays lower case."""
    names: dict[str, str] = {}
    for part in WRITERS_SPLIT.split(" ".join(unescape(text).split())):  # single spaces: linear patterns
        name = clean_author(unlabelled(EMAIL.sub("", part))) if not DATE_PART.match(part) else None
        if name and any(letter.isalpha() for letter in name) and (key := "".join(word_run(name))):
            names.setdefault(key, name)  # a number left of a date is none ("Submitted on Mon, 12")
    return "; ".join(names.values()) or None


WRITERS_SPLIT = re.compile(r"\s*[;|&,/·•]\s*|\s+[-–—]\s+|\s+(?:and|und|et|y)\s+", re.IGNORECASE)
"""What separates writers in one element's text ("Anna Roth, Jan Berg", "dpa/lno", "A and B"), or a writer from
their job or the date ("Jan Berg - 29 December 2014", "Jan Berg · March 4, 2024")."""
EMAIL = re.compile(r"\S+@[\w-]+(?:\.[\w-]+)+")
MONTH_WORDS = "|".join(dict.fromkeys((*MONTH_ABBREVIATIONS, *ENGLISH_MONTHS)))
DATE_PART = re.compile(rf"^(?:\d{{1,4}}\.?(?:\s|$)|(?:{MONTH_WORDS})\.?\s+\d{{1,2}}\b).*$", re.IGNORECASE)
"""A date split from the writer at its comma ("Apr 19, 2012" -> "Apr 19", "am Samstag, 3. Mai" -> "3. Mai"): it
starts with a number or a month and a day."""

TRAILING_WEEKDAY = re.compile(rf"\s+(?:{'|'.join(sorted(WEEKDAY_NAMES))})$", re.IGNORECASE)
MONTH = re.compile(rf"^(?:{'|'.join(ENGLISH_MONTHS)})$", re.IGNORECASE)
"""A date's words run into a byline ("Malcolm Owen Monday, November 18, 2019", split at its commas)."""
JOB_TITLE = re.compile(
    r"\b(?:writer|editor|editor-at-large|correspondent|reporter|staff|contributor|commentator|columnist)$",
    re.IGNORECASE,
)
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


HATOM_ENTRIES = path(
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')]"
    "[not(ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')])]"
)
HATOM_AUTHORS = path(".//*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]")
COMMENT_CLASS = re.compile(r"comment|respond|reply|koment|komment|коммент", re.IGNORECASE)
KEPT_BY_SEARCH = path("//h1 | //*[contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')]")


def searched_byline(tree: HtmlElement) -> str | None:
    """The writer the page's markup names where its data names none: hAtom's author of its one entry (a blog
    post's `.hentry .author .fn`), else trafilatura's search of elements named for authors.

    That search runs on a copy without forms (a comment form's "Name" label is no writer) and without the
    boxes trafilatura's rules drop, except those holding the headline: a WordPress post's box is classed
    `category-news`, and its rule for category lists dropped the whole post with its byline."""
    from trafilatura.metadata import extract_metainfo
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    if (name := hatom_author(tree)) is not None:
        return name
    copy = deepcopy(tree)
    for form in list(copy.iter("form")):
        if form.getparent() is not None:
            form.drop_tree()
    headline_boxes = {box for heading in KEPT_BY_SEARCH(copy) for box in (heading, *heading.iterancestors())}
    for rule in AUTHOR_DISCARD_XPATHS:
        for element in rule(copy):
            if element not in headline_boxes and element.getparent() is not None:
                element.drop_tree()
    found = extract_metainfo(copy, AUTHOR_XPATHS, len_limit=MAX_SEARCHED_BYLINE)
    return split_writers(found) if found else None


MAX_SEARCHED_BYLINE = 120


def hatom_author(tree: HtmlElement) -> str | None:
    """The author hAtom marks in the page's one entry (`.hentry .author.vcard .fn`, as WordPress and Blogger
    themes print it), outside the entry's comments."""
    entries = HATOM_ENTRIES(tree)
    if len(entries) != 1:
        return None
    entry = entries[0]
    for author in HATOM_AUTHORS(entry):
        if _in_comment(author, entry):
            continue
        named = author.xpath("descendant-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]")
        if named and (name := name_in(named[0])):
            return name
    return None


def _in_comment(element: HtmlElement, entry: HtmlElement) -> bool:
    for box in element.iterancestors():
        if box is entry:
            return False
        if COMMENT_CLASS.search(box.get("class", "")):
            return True
    return False


def as_written(byline: str | None, stated: list[str]) -> str | None:
    """The extractor's byline with each name as the page's data writes it: its normalisation replaced dots with
    spaces ("Leah C Stokes", "R C Baker"), cut digits and title-cased lower case. A name is given back in the
    form of the page's `stated` names (meta tags, JSON-LD authors) that normalises to it; others stay."""
    if not byline or not stated:
        return byline
    from trafilatura.json_metadata import AUTHOR_SPLIT, normalize_authors

    written: dict[str, str] = {}
    for names in stated:
        for part in AUTHOR_SPLIT.split(names):
            part = " ".join(part.split())
            if part and (normal := normalize_authors(None, part)) is not None and _normalised_only(part, normal):
                written.setdefault(normal, part)
    return "; ".join(written.get(name, name) for name in byline.split("; "))


def _normalised_only(written: str, normal: str) -> bool:
    """Whether a stated name differs from its normal form only by what normalising changed, not by what it cut
    (a job, an address after the name) or made readable (a login: "oliver.baroni" -> "Oliver Baroni"): dots
    ("Leah C. Stokes", "e.V."), letter case ("selbst ist der Mann"), a handle's digits ("happyface313")."""
    if " ".join(written.replace(".", " ").split()) == normal:
        return True
    if "." in written or "_" in written or "+" in written:
        return False
    return written.casefold() == normal.casefold() or (
        " " not in written and HANDLE_DIGITS.sub("", written).casefold() == normal.casefold()
    )


HANDLE_DIGITS = re.compile(r"\d.*$")
"""What the extractor's normalisation cuts from a name: its first digit and all after it."""


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
