"""`format=html`: translate the text nodes of an HTML fragment and keep its markup, never a script.

The markup is parsed with lxml and cleaned with lxml's own cleaner first: `<script>` elements, event
handler attributes (`onclick`), `javascript:` links, `<style>` elements and stylesheet links, embedded
objects, frames and comments are dropped (inline `style` attributes stay, with any script in them
removed). Then every text node is translated, keeping the whitespace around it; code (`<code>`, `<pre>`,
`<kbd>`, `<samp>`, `<var>`) and elements marked `translate="no"` or `class="notranslate"` are left as
they are. A sentence broken by inline markup (`Je pense que <a href=...>cet article</a> est faux.`) is
also translated whole, so the model sees the sentence rather than its pieces; each inline element is
then put back around its own translation, found in the whole one (a model may reorder them). When one
cannot be found, the sentence keeps its pieces translated one by one: markup is never lost. Translated
text is escaped when the tree is written back, so a translation can never become markup.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

KEPT_TAGS = frozenset({"code", "pre", "kbd", "samp", "var"})
"""Elements whose text is code or literal output: never translated."""
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "cite", "data", "del", "dfn", "em", "font", "i", "ins", "mark", "q", "s", "small",
     "span", "strong", "sub", "sup", "time", "u"}
)  # fmt: skip
"""Elements that sit inside a sentence: a run of text broken only by these (between line breaks or other
elements) is translated whole."""
SENTENCE_STOPS = ".!?;:…。！？"
"""What a model may end a piece's translation with when it takes the piece for a sentence."""
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters no HTML or XML text may hold (lxml refuses them)."""
DOCUMENT_START = re.compile(r"\s*(?:<!doctype|<html)", re.IGNORECASE)
DOCTYPE = re.compile(r"\s*<!doctype", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where one translatable text node lives in the tree."""

    element: Any
    """The lxml element holding it."""
    where: Literal["text", "tail"]
    """Its `text` (inside, before the first child) or its `tail` (after its end tag)."""
    before: str
    """Whitespace before the text, kept."""
    after: str
    """Whitespace after the text, kept."""


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A run of an element's text broken only by inline elements that each hold text alone: the whole
    element, or the part between two line breaks (or other elements)."""

    opener: Any
    """The element whose `text` (the element) or `tail` (the child before the run) starts the run."""
    where: Literal["text", "tail"]
    """Which of the opener's texts starts the run."""
    children: tuple[Any, ...]
    """The inline children in the run, in document order."""
    index: int
    """Where the run's whole text is in `paragraphs`."""
    pieces: tuple[int, ...]
    """Where each inline child's own text is in `paragraphs`, in document order."""
    lead: str
    """Whitespace before the run, kept."""
    trail: str
    """Whitespace after it, kept."""


class HtmlText:
    """An HTML fragment or document, cleaned, with its translatable text nodes in document order."""

    def __init__(self, markup: str) -> None:
        from lxml import etree
        from lxml import html as lxml_html
        from lxml_html_clean import Cleaner

        markup = NOT_XML.sub("", markup)
        self.document = bool(DOCUMENT_START.match(markup))
        self.doctype = bool(DOCTYPE.match(markup))
        self.root: Any = None
        # Whitespace alone has no tree to keep, but it is given back as it came.
        self._blank = "" if markup.strip() else markup
        # lxml's fragment parser drops whitespace around the fragment: it is put back as it came.
        self._lead = markup[: len(markup) - len(markup.lstrip())]
        self._trail = markup[len(markup.rstrip()) :]
        if markup.strip():
            parse = lxml_html.document_fromstring if self.document else lxml_html.fragment_fromstring
            with contextlib.suppress(etree.ParserError):  # "Document is empty": nothing to keep
                self.root = parse(markup, create_parent="div") if not self.document else parse(markup)
        self._slots: list[_Slot] = []
        self.paragraphs: list[str] = []
        """The text of each translatable node, whitespace collapsed; then each sentence broken by inline
        markup, whole."""
        self._sentences: list[_Sentence] = []
        self._pending: list[tuple[Any, Literal["text", "tail"], tuple[Any, ...], tuple[int, ...], str]] = []
        if self.root is not None:
            Cleaner(
                scripts=True,
                javascript=True,
                comments=True,
                style=True,
                inline_style=False,
                links=True,
                meta=True,
                page_structure=False,
                processing_instructions=True,
                embedded=True,
                frames=True,
                forms=False,
                annoying_tags=False,
                remove_unknown_tags=False,
                safe_attrs_only=False,
            )(self.root)
            self._collect(self.root, translatable=True)
            # Whole sentences come after the pieces, so a piece's place does not depend on them.
            for opener, where, children, pieces, raw in self._pending:
                lead, trail = raw[: len(raw) - len(raw.lstrip())], raw[len(raw.rstrip()) :]
                index = len(self.paragraphs)
                self._sentences.append(_Sentence(opener, where, children, index, pieces, lead, trail))
                self.paragraphs.append(" ".join(raw.split()))

    def _collect(self, element: Any, translatable: bool) -> None:
        inside = translatable and _translatable(element)
        self._add(element, "text", inside)
        # The run of text being read: where it starts, its inline children and their pieces.
        opener: tuple[Any, Literal["text", "tail"]] = (element, "text")
        children: list[Any] = []
        pieces: list[int] = []
        for child in element:
            if isinstance(child.tag, str):
                self._collect(child, inside)
            if inside and _inline_text(child) and self._slots and self._slots[-1].element is child:
                children.append(child)
                pieces.append(len(self._slots) - 1)
            else:  # a line break, a block, code, a comment: the run ends before it, a new one starts after
                self._end_run(*opener, children, pieces)
                opener, children, pieces = (child, "tail"), [], []
            self._add(child, "tail", inside)
        if inside:
            self._end_run(*opener, children, pieces)

    def _end_run(self, opener: Any, where: Literal["text", "tail"], children: list[Any], pieces: list[int]) -> None:
        """Keep a run as a sentence to translate whole, unless it has no inline child, or one alone."""
        if not children:
            return
        raw = (getattr(opener, where) or "") + "".join(child.text + (child.tail or "") for child in children)
        if len(pieces) == 1 and " ".join(raw.split()) == self.paragraphs[pieces[0]]:
            return  # one inline element and nothing around it: no sentence to make whole
        self._pending.append((opener, where, tuple(children), tuple(pieces), raw))

    def _add(self, element: Any, where: Literal["text", "tail"], translatable: bool) -> None:
        text = getattr(element, where)
        if not translatable or not text or not text.strip():
            return
        core = " ".join(text.split())
        start = text.index(core[0])
        end = text.rindex(core[-1]) + 1
        self._slots.append(_Slot(element, where, text[:start], text[end:]))
        self.paragraphs.append(core)

    def render(self, translations: Sequence[str]) -> str:
        """The markup with each paragraph replaced by its translation (same order as `paragraphs`)."""
        if self.root is None:
            return self._blank
        translations = [NOT_XML.sub("", translation) for translation in translations]
        if len(translations) != len(self.paragraphs):
            raise ValueError(f"{len(translations)} translations for {len(self.paragraphs)} paragraphs")
        for slot, translation in zip(self._slots, translations, strict=False):
            setattr(slot.element, slot.where, slot.before + translation + slot.after)
        for sentence in self._sentences:
            pieces = [(translations[i], self.paragraphs[i]) for i in sentence.pieces]
            _place_inline(sentence, translations[sentence.index].strip(), pieces)
        from lxml import html as lxml_html

        if self.document:
            # lxml makes up an HTML 4 doctype when there was none: only a doctype given is kept.
            doctype = self.root.getroottree().docinfo.doctype if self.doctype else None
            rendered: str = lxml_html.tostring(self.root, encoding="unicode", doctype=doctype or None)
            return rendered
        inner = [html.escape(self.root.text or "", quote=False)]
        inner += [lxml_html.tostring(child, encoding="unicode", with_tail=True) for child in self.root]
        return self._lead + "".join(inner).strip() + self._trail


def _translatable(element: Any) -> bool:
    """Whether an element's own text may be translated (its tail follows its parent)."""
    if element.tag in KEPT_TAGS or element.get("translate", "").strip().lower() == "no":
        return False
    return "notranslate" not in element.get("class", "").split()


def _inline_text(element: Any) -> bool:
    """Whether an element can sit inside a translated sentence: inline, translatable, text alone."""
    return (
        element.tag in INLINE_TAGS
        and len(element) == 0
        and _translatable(element)
        and bool((element.text or "").strip())
    )


def _place_inline(sentence: _Sentence, whole: str, pieces: list[tuple[str, str]]) -> None:
    """Rebuild the sentence's run from its whole translation, each inline child around its own
    translation, or else its own words (a name the model kept), where found in the whole (as a word or
    words, not inside one); when one is not found, or the whole is empty, the pieces translated one by one
    stay. `pieces`: (translation, source) of each inline child's text."""
    spans: list[tuple[int, int, Any]] = []
    for child, (translated, source) in zip(sentence.children, pieces, strict=True):
        taken = [(start, end) for start, end, _ in spans]
        found = next(filter(None, (_find_words(whole, words, taken) for words in _forms(translated, source))), None)
        if found is None:
            return
        spans.append((*found, child))
    spans.sort(key=lambda span: span[0])
    # A model may reorder the inline parts: the children follow, in the run's place.
    parent = sentence.children[0].getparent()
    place = parent.index(sentence.children[0])
    for child in sentence.children:
        parent.remove(child)
    for offset, (_, _, child) in enumerate(spans):
        parent.insert(place + offset, child)
    setattr(sentence.opener, sentence.where, sentence.lead + whole[: spans[0][0]])
    for number, (start, end, child) in enumerate(spans):
        child.text = whole[start:end]
        following = spans[number + 1][0] if number + 1 < len(spans) else len(whole)
        child.tail = whole[end:following] + (sentence.trail if following == len(whole) else "")


def _forms(translated: str, source: str) -> list[str]:
    """The words to look for in the whole translation, best first: the piece's translation; without the
    final stop a model adds to a piece that had none (`cet article` -> `this article.`); its own words."""
    translated = translated.strip()
    forms = [translated]
    if source[-1:].isalnum() and (bare := translated.rstrip(SENTENCE_STOPS).rstrip()) != translated:
        forms.append(bare)
    return [*forms, source]


def _find_words(text: str, words: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first place of `words` in `text` not overlapping a taken span and not inside a longer word
    (exact case first, then any case), or None."""
    if not words or not text:
        return None
    pattern = ("(?<!\\w)" if words[0].isalnum() else "") + re.escape(words) + ("(?!\\w)" if words[-1].isalnum() else "")
    for flags in (0, re.IGNORECASE):
        for match in re.finditer(pattern, text, flags):
            if all(match.end() <= start or match.start() >= end for start, end in taken):
                return match.start(), match.end()
    return None
