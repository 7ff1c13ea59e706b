"""The value types that flow through the toolkit: a thread, its posts and their blocks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, get_args

BlockKind = Literal["title", "subtitle", "heading", "paragraph", "quote", "source", "question", "code"]
BLOCK_KINDS: tuple[BlockKind, ...] = (
    "title",
    "subtitle",
    "heading",
    "paragraph",
    "quote",
    "source",
    "question",
    "code",
)
"""`code`: a line of a program or of its output (a `<pre>` marked as code), kept as written: never detected
or translated unless a person sets its language."""

PostKind = Literal["article", "comment"]
POST_KINDS: tuple[PostKind, ...] = ("article", "comment")

QuoteExtent = Literal["matched", "guessed"]
QUOTE_EXTENTS: tuple[QuoteExtent, ...] = ("matched", "guessed")

LangSource = Literal["detected", "context", "manual"]
LANG_SOURCES: tuple[LangSource, ...] = ("detected", "context", "manual")

SourceFormat = Literal[
    "forum",
    "json",
    "text",
    "html",
    "reddit",
    "hn",
    "discourse",
    "disqus",
    "feed",
    "fediverse",
    "facebook",
    "bluesky",
    "youtube",
]
SOURCE_FORMATS: tuple[SourceFormat, ...] = get_args(SourceFormat)

UNDETERMINED = "und"
"""Language code of a block that has no language (only URLs, numbers, emoji, names...)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or line of a post: the unit a translator reviews."""

    id: str
    """Stable, readable id (`article.p3`, `c4.q1`); it becomes the PO msgctxt."""
    kind: BlockKind
    """What the block is in its post."""
    text: str
    """The text exactly as read, one line, never markup."""
    quoted_author: str | None = None
    """For a quote, who is quoted, when the source names them."""
    quote_extent: QuoteExtent | None = None
    """For a quote from a text dump: whether its end was matched against another post or guessed."""
    lang: str | None = None
    """Argos language code of the text (`und` when it has none); None until detection ran."""
    lang_confidence: float | None = None
    """How sure the language is, in [0, 1]."""
    lang_source: LangSource | None = None
    """Where the language came from: the text itself, its context, or a person."""


@dataclass(frozen=True, slots=True)
class Votes:
    """Reader votes on a post."""

    up: int
    """Votes for."""
    down: int
    """Votes against."""


@dataclass(frozen=True, slots=True)
class Post:
    """The article or one reader comment."""

    id: str
    """`article`, or `c1`, `c2`... in document order."""
    kind: PostKind
    """Whether this is the article or a comment."""
    author: str | None
    """Display name of the writer, when known."""
    role: str | None = None
    """The writer's rank or role on the site (`Membre actif`)."""
    date: datetime | None = None
    """When it was posted, to the minute; the page order is not chronological."""
    votes: Votes | None = None
    """Reader votes, when the page shows them."""
    shares: int | None = None
    """Share count shown on the page (articles)."""
    blocks: tuple[Block, ...] = ()
    """The body, in reading order."""
    lang: str | None = None
    """Language of the post as a whole; None until detection ran."""
    parent: str | None = None
    """Id of the post this one replies to; None for the article and top-level comments."""
    url: str | None = None
    """Permalink of the post, when the source gives one."""
    deleted: bool = False
    """The platform says the post was deleted or removed (its blocks are then empty); kept when it has
    replies, so the tree stays whole."""


@dataclass(frozen=True, slots=True)
class Thread:
    """An article with its comments, as read from one file."""

    title: str
    """The article title (empty when the source has none)."""
    subtitle: str | None
    """The line under the title, when there is one."""
    posts: tuple[Post, ...]
    """The article first, then the comments in page order."""
    source_format: SourceFormat
    """The reader that produced this thread."""
    lang: str | None = None
    """Main language of the thread; None until detection ran."""
    url: str | None = None
    """Where the article or discussion lives, when the source says."""
    site: str | None = None
    """The site's name (`Le Monde`, `r/AskReddit`), when known."""
    published: datetime | None = None
    """When the article was published, when known."""

    def blocks(self) -> Iterator[tuple[Post, Block]]:
        """Every block with its post, in document order."""
        for post in self.posts:
            for block in post.blocks:
                yield post, block

    def threaded(self) -> list[tuple[Post, int]]:
        """Every post with its reply depth, each followed by its replies, as a nested discussion is read:
        the article and top-level comments at depth 0, a reply one deeper than its parent. A post whose
        parent is not in the thread, or is on a loop of parents, is read at the top level."""
        ids = {post.id for post in self.posts}
        replies: dict[str, list[int]] = {}
        for index, post in enumerate(self.posts):
            if post.parent is not None and post.parent in ids and post.parent != post.id:
                replies.setdefault(post.parent, []).append(index)
        ordered: list[tuple[Post, int]] = []
        placed: set[int] = set()
        roots = [index for index, post in enumerate(self.posts) if post.parent is None or post.parent not in ids]
        for start in [*roots, *range(len(self.posts))]:  # then posts a loop of parents kept from every root
            pending = [(start, 0)]
            while pending:
                index, depth = pending.pop()
                if index in placed:
                    continue
                placed.add(index)
                ordered.append((self.posts[index], depth))
                pending.extend((reply, depth + 1) for reply in reversed(replies.get(self.posts[index].id, [])))
        return ordered


@dataclass(frozen=True, slots=True)
class ThreadFile:
    """The threads of one file with what was learned while reading it."""

    threads: tuple[Thread, ...]
    """The parsed threads: one, or several for a feed or a comment export."""
    encoding: str
    """The text encoding the file was decoded with."""
    warnings: tuple[str, ...] = field(default=())
    """Problems worth telling the user that did not stop reading."""

    @property
    def thread(self) -> Thread:
        """The thread of a one-thread file (`read_thread` refuses files of several)."""
        return self.threads[0]


UnitOrigin = Literal["machine", "memory", "copied", "human"]
UNIT_ORIGINS: tuple[UnitOrigin, ...] = ("machine", "memory", "copied", "human")

UnitStatus = Literal["draft", "reviewed"]
UNIT_STATUSES: tuple[UnitStatus, ...] = ("draft", "reviewed")


QaCode = Literal[
    # translator.qa.check_unit: what the translation itself shows
    "empty",
    "numbers",
    "lost-token",
    "untranslated",
    "length",
    "repetition",
    # translator.glossary checks: the glossary's rules
    "missing-term",
    "forbidden-term",
    "not-kept",
    # translator.pipeline: how the unit was made
    "glossary-fallback",
    "no-model",
    "no-language",
    # translator.formats.po: applying a reviewed PO file
    "not-reviewed",
    "source-changed",
]
"""Every QA code, the stable short names written in PO comments and JSON (tests/test_qa.py shows each)."""
QA_CODES: tuple[QaCode, ...] = get_args(QaCode)


def qa_code(text: str) -> QaCode | None:
    """The QA code a file spells `text`, or None when it is no code we know (a reader then drops the
    issue: QA runs again on whatever is reviewed)."""
    return next((code for code in QA_CODES if code == text), None)


@dataclass(frozen=True, slots=True)
class QaIssue:
    """Something about a translated unit a reviewer should look at."""

    code: QaCode
    """Stable short name: `missing-term`, `numbers`, `untranslated`, `repetition`..."""
    message: str
    """One line for a person."""


TERM_ARROW = " -> "
"""Between the two sides of an applied glossary term as units record it: `Poutine -> Putin`."""


@dataclass(frozen=True, slots=True)
class AppliedTerm:
    """A glossary term a unit applied: what `TranslationUnit.terms` records, written by `text`, read back by
    `parse`, so that no writer or reader of the string (PO, XLIFF, the server) splits it its own way."""

    source: str
    """The term as the source text has it."""
    target: str | None
    """What the translation says for it; None for a record written otherwise (read as a source alone)."""

    @property
    def text(self) -> str:
        """The term as `TranslationUnit.terms` records it: `source -> target`."""
        return self.source if self.target is None else f"{self.source}{TERM_ARROW}{self.target}"

    @classmethod
    def parse(cls, text: str) -> AppliedTerm:
        """A recorded term read back (the first arrow splits it; a record without one is a source alone)."""
        source, arrow, target = text.partition(TERM_ARROW)
        return cls(source, target) if arrow else cls(text, None)


@dataclass(frozen=True, slots=True)
class TranslationUnit:
    """A block with its translation: what reviewers approve and what exports write."""

    block: Block
    """The source block (with its detected language)."""
    post_id: str
    """The post the block belongs to."""
    source_lang: str
    """Language translated from (`und` for text with none)."""
    target_lang: str
    """Language translated into."""
    target: str
    """The translation ("" when none could be made)."""
    origin: UnitOrigin
    """Where the translation came from: the engine, the memory, copied as is, or a person."""
    status: UnitStatus = "draft"
    """`reviewed` once a person approved it; machine output is a draft."""
    terms: tuple[str, ...] = ()
    """Glossary terms applied, each as `AppliedTerm.text` writes it (`source -> target`)."""
    issues: tuple[QaIssue, ...] = ()
    """QA findings."""
    previous: str | None = None
    """The machine translation a person replaced, so the change stays visible."""
    note: str = ""
    """What a person noted on the block (a PO translator comment, an XLIFF note a CAT tool added): carried by
    review, `apply` and every review format, so a file edited elsewhere comes back without loss."""

    @property
    def applied_terms(self) -> tuple[AppliedTerm, ...]:
        """The glossary terms applied, read back from `terms`."""
        return tuple(AppliedTerm.parse(term) for term in self.terms)


@dataclass(frozen=True, slots=True)
class TranslatedThread:
    """A thread with one translation unit per block, in document order."""

    thread: Thread
    """The source thread, languages detected."""
    target_lang: str
    """The language translated into."""
    units: tuple[TranslationUnit, ...]
    """One unit per block, same order as `thread.blocks()`."""
    models: tuple[str, ...] = ()
    """Ids of the models used, per pair: `fr-en: translate-fr_en-demo@1.0`."""
    glossaries: tuple[str, ...] = ()
    """Glossaries applied, per pair, with their version."""

    def unit_for(self, block_id: str) -> TranslationUnit | None:
        """The unit of a block id."""
        return next((unit for unit in self.units if unit.block.id == block_id), None)
