"""`format=html`: translate the text nodes of an HTML fragment and keep its markup, never a script.

The markup is parsed with lxml and cleaned with lxml's own cleaner first: `<script>` elements, event
handler attributes (`onclick`), `javascript:` links, `<style>` elements and stylesheet links, embedded
objects, frames and comments are dropped (inline `style` attributes stay, with any script in them
removed). Then every text node is translated on its own, keeping the whitespace around it; code
(`<code>`, `<pre>`, `<kbd>`, `<samp>`, `<var>`) and elements marked `translate="no"` or
`class="notranslate"` are left as they are. Translated text is escaped when the tree is written back,
so a translation can never become markup.
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
        """The text of each translatable node, whitespace collapsed."""
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

    def _collect(self, element: Any, translatable: bool) -> None:
        inside = translatable and _translatable(element)
        self._add(element, "text", inside)
        for child in element:
            if isinstance(child.tag, str):
                self._collect(child, inside)
            self._add(child, "tail", inside)

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
        for slot, translation in zip(self._slots, translations, strict=True):
            setattr(slot.element, slot.where, slot.before + NOT_XML.sub("", translation) + slot.after)
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
