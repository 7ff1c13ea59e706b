"""What a page is made of, read cheaply: class names, ids, loader scripts; tags and attributes on demand.

Rules for comment engines and script-loaded comment systems look here first, so that the XPath
searches of engines absent from the page are never run (each one walks the whole tree).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

DIGITS = re.compile(r"\d+")
SAFE_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
SCRIPT_SAMPLE_CHARS = 2000
# class="a b", class='a b' or class=a, read as the HTML parser reads them (a quoted value ends at its own quote
# only, whatever it holds: `class="note {{ a > b }}"`), in lowercased text: a pattern that starts with a literal
# word is searched for at C speed (a space before it, where it started, made the search try each of a page's
# characters; ignoring case did too).
CLASS_ATTRIBUTE = re.compile(r"""class(?<=[\s/]class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
ID_ATTRIBUTE = re.compile(r"""id(?<=[\s/]id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
PACKED_CLASS = re.compile(r"""class(?<=["']class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
"""A class attribute right after the quote that ends the one before (`id="x"class="y"`), looked for apart: a
value holding such text (`title="class=a" class="b"`) must not hide the attribute after it."""


@dataclass
class PageMarks:
    """The names a page uses, lowercased."""

    tree: HtmlElement
    """The page, for tag and attribute questions (answered once each)."""
    classes: frozenset[str]
    """Class names."""
    ids: frozenset[str]
    """Ids with their digits taken out (`comment-12` -> `comment-`)."""
    scripts: str
    """Sources and the start of every script, to spot comment systems' loaders."""
    source: str
    """The page's source, lowercased: a tag or attribute name it does not hold is not asked of the tree."""
    answered: dict[str, bool] = field(default_factory=dict)
    """Tag and attribute questions already asked."""

    def has(self, mark: str) -> bool:
        """Whether the page has `tag:NAME`, `class:NAME`, `id:NAME` or `attr:NAME`."""
        kind, _, name = mark.partition(":")
        if kind == "class":
            return name in self.classes
        if kind == "id":
            return name in self.ids
        if mark not in self.answered:
            if not SAFE_NAME.match(name):
                raise ValueError(f"not a mark: {mark!r}")
            self.answered[mark] = name in self.source and bool(
                self.tree.xpath(f"boolean(//{name})" if kind == "tag" else f"boolean(//@{name})")
            )
        return self.answered[mark]

    def may_name(self, names: re.Pattern[str], *, class_only: bool = False) -> bool:
        """Whether one of the page's class names (or ids) holds what the pattern finds: when none does, no
        element needs to be asked. The pattern must ignore case and digits (names here are lowercased, ids
        without their digits)."""
        return any(names.search(name) for name in self.classes) or (
            not class_only and any(names.search(name) for name in self.ids)
        )


def page_marks(tree: HtmlElement, source: str) -> PageMarks:
    """The page's class names, ids and loader scripts: names read from its source text with a regular
    expression (much cheaper than asking the tree for every element), scripts from the tree."""
    lowered = source.lower()
    found = CLASS_ATTRIBUTE.findall(lowered)
    if '"class' in lowered or "'class" in lowered:
        found += PACKED_CLASS.findall(lowered)
    names = " ".join(quoted or single or bare for quoted, single, bare in found)
    # The parser reads character references in a value (`a&#32;b` is two names): both readings are kept.
    classes = set(names.split()) | (set(html.unescape(names).split()) if "&" in names else set())
    ids = {DIGITS.sub("", quoted or single or bare) for quoted, single, bare in ID_ATTRIBUTE.findall(lowered)}
    scripts = " ".join(
        f"{script.get('src', '')} {(script.text or '')[:SCRIPT_SAMPLE_CHARS]}" for script in tree.iter("script")
    )
    return PageMarks(tree, frozenset(classes), frozenset(ids), scripts.lower(), lowered)
