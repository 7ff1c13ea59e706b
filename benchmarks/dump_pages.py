"""Saved web pages turned into the text a browser's select-all + copy gives, and a forum dump's reading of that
text scored against the saved-page reader's reading of the page; pure, so that tests can check it on small pages.

The text: block elements (paragraphs, list items, table rows and cells, headings, boxes...) on lines of their
own, inline ones run together, runs of white space collapsed, scripts, styles, templates and hidden elements
(`hidden`, `display: none`) left out, as a browser copies what it shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from labelled_pages import words_of

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "td", "th", "tr", "ul",
    }
)  # fmt: skip
"""Elements a browser lays out as boxes of their own: a copy puts their text on lines of its own."""
DROPPED_TAGS = ("script", "style", "noscript", "template", "head", "title", "iframe", "svg", "select")
"""Elements whose text a browser does not show (noscript's, with scripts on)."""
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
PREFORMATTED_TAGS = frozenset({"pre", "textarea"})
WHITE_SPACE = re.compile(r"\s+")
MIN_COMMENTS = 2
"""A page counts as a page with comments where the saved-page reader finds at least this many."""
SLOW_SECONDS = 1.0
"""A page whose text takes longer than this to sniff and read is listed as slow."""


def render_text(page: str) -> str:
    """The text a browser's select-all + copy gives of a saved page (its body), one block per line."""
    import lxml.html

    tree = lxml.html.document_fromstring(XML_DECLARATION.sub("", page, count=1) or "<html></html>")
    body = tree.find("body")
    root = body if body is not None else tree
    dropped = [
        node
        for node in root.iter()
        if not isinstance(node.tag, str)  # comments and processing instructions: only their tails are text
        or node.tag in DROPPED_TAGS
        or node.get("hidden") is not None
        or HIDDEN_STYLE.search(node.get("style") or "")
    ]
    for node in dropped:
        if node.getparent() is not None:
            node.drop_tree()  # its tail, the text after it, stays
    out: list[str] = []
    _walk(root, out)
    lines = (" ".join(line.split()) for line in "".join(out).splitlines())
    return "\n".join(line for line in lines if line)


def _walk(element: Any, out: list[str]) -> None:
    """Depth first without recursion: a page's boxes may be nested deeper than Python's recursion allows. White
    space in text, line breaks of the page's source included, is one space, as a browser shows it; only `pre`
    and `textarea` keep their lines."""
    stack: list[tuple[Any, bool, bool]] = [(element, False, False)]
    while stack:
        node, closing, kept = stack.pop()
        block = node.tag in BLOCK_TAGS
        if closing:
            if block:
                out.append("\n")
            if node is not element and node.tail:
                out.append(_shown_text(node.tail, kept))
            continue
        if block:
            out.append("\n")
        inside = kept or node.tag in PREFORMATTED_TAGS
        if node.text:
            out.append(_shown_text(node.text, inside))
        stack.append((node, True, kept))  # the tail is the parent's text
        stack.extend((child, False, inside) for child in reversed(node))


def _shown_text(text: str, preformatted: bool) -> str:
    return text if preformatted else WHITE_SPACE.sub(" ", text)


@dataclass(frozen=True)
class PageScore:
    """One page's text read as a dump, against the saved-page reader's reading of the page."""

    file: str
    """The page's file name."""
    reference_writers: tuple[str, ...]
    """The writers of the comments the saved-page reader finds, one per comment ("" where none is named)."""
    taken: bool
    """Whether the page's text is taken for a forum dump."""
    dump_writers: tuple[str, ...]
    """The writers of the comments read from the dump, one per comment ("" where none is found)."""
    seconds: float
    """CPU seconds to sniff the text and read it as what it was taken for."""
    baseline_seconds: float
    """CPU seconds to read the same text as plain text."""
    reference_texts: tuple[str, ...]
    """The text of each of the saved-page reader's comments, in the order of `reference_writers`."""
    dump_texts: tuple[str, ...]
    """The text of each comment read from the dump, in the order of `dump_writers`."""


def writer_agreement(reference: Sequence[str], dump: Sequence[str]) -> tuple[int, int, int, int]:
    """(reference writers found in the dump, reference writers, dump comments by a reference writer, dump
    comments): writers compared by their words, case and punctuation aside; unnamed comments count as no writer."""
    wanted = {key for name in reference if (key := words_of(name))}
    got = [words_of(name) for name in dump]
    found = wanted & {key for key in got if key}
    return len(found), len(wanted), sum(1 for key in got if key and key in wanted), len(got)


OPENING_WORDS = 5
"""How many of a comment's first words tell it: a dump's comment is the reference's where they are in its start."""
START_WORDS = 40
"""How far into a dump comment's words the reference comment's opening words are looked for (a quote before it)."""


def text_agreement(reference: Sequence[tuple[str, str]], dump: Sequence[tuple[str, str]]) -> tuple[int, int]:
    """(dump comments by a reference writer whose text is one of that writer's comments, dump comments by a
    reference writer), each comment a (writer, text) pair: two texts are one where the first words of either are
    among the first words of the other (a subject line or a quote before the text in one of them). A dump that
    gives each text to the writer of the comment before or after it agrees on writers, not on this."""
    texts: dict[str, list[list[str]]] = {}
    for name, text in reference:
        if (key := words_of(name)) and (words := words_of(text).split()):
            texts.setdefault(key, []).append(words)
    known = [
        (key, words) for name, text in dump if (key := words_of(name)) in texts and (words := words_of(text).split())
    ]
    agreeing = sum(1 for key, words in known if any(_same_text(words, other) for other in texts[key]))
    return agreeing, len(known)


def _same_text(one: list[str], other: list[str]) -> bool:
    return _opens_within(one, other) or _opens_within(other, one)


def _opens_within(one: list[str], other: list[str]) -> bool:
    """Whether the first words of one text are among the first words of the other."""
    return f" {' '.join(one[:OPENING_WORDS])} " in f" {' '.join(other[:START_WORDS])} "


def dump_figures(scores: Iterable[PageScore]) -> dict[str, Any]:
    """The benchmark's figures over its pages."""
    scores = list(scores)
    with_comments = [score for score in scores if len(score.reference_writers) >= MIN_COMMENTS]
    taken = [score for score in scores if score.taken]
    true = [score for score in taken if len(score.reference_writers) >= MIN_COMMENTS]
    agreements = [writer_agreement(score.reference_writers, score.dump_writers) for score in true]
    found, wanted, agreeing, read = (sum(counts[n] for counts in agreements) for n in range(4))
    reference_comments = sum(len(score.reference_writers) for score in true)
    texts = [
        text_agreement(
            list(zip(score.reference_writers, score.reference_texts, strict=True)),
            list(zip(score.dump_writers, score.dump_texts, strict=True)),
        )
        for score in true
    ]
    texts_right, texts_known = sum(counts[0] for counts in texts), sum(counts[1] for counts in texts)
    baseline = sum(score.baseline_seconds for score in scores)
    return {
        "pages": len(scores),
        "pages_with_comments": len(with_comments),
        "taken": len(taken),
        "taken_true": len(true),
        "false_positives": sum(1 for score in taken if not score.reference_writers),
        "taken_few_comments": len(taken) - len(true) - sum(1 for score in taken if not score.reference_writers),
        "recall": round(len(true) / max(len(with_comments), 1), 4),
        "writers_found": round(found / max(wanted, 1), 4),
        "comments_by_known_writers": round(agreeing / max(read, 1), 4),
        "texts_with_their_writer": round(texts_right / max(texts_known, 1), 4),
        "comments_ratio": round(sum(len(score.dump_writers) for score in true) / max(reference_comments, 1), 4),
        "slow_pages": sum(1 for score in scores if score.seconds > SLOW_SECONDS),
        "time_ratio": round(sum(score.seconds for score in scores) / baseline, 2) if baseline else None,
    }
