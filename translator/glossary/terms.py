"""Glossary entries as values: the term, its flags, categories and `#.` fields, and how a PO entry maps to one.

A glossary is one PO file per language pair (`glossaries/fr-en.po`): `msgid` the source term, `msgstr`
the target term, `msgctxt` the category, flags for the entry kind and matching rules, extracted
comments (`#. variants: ...`) for other source forms and forbidden target wordings. The format is
documented for maintainers in `glossaries/README.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from translator.errors import GlossaryError

CATEGORIES = ("organisation", "programme", "person", "title", "place", "product")
"""The categories an entry's `msgctxt` may name."""

FLAG_KEEP = "keep"
"""Do-not-translate: the term is kept exactly as written in the source."""
FLAG_FORBIDDEN = "forbidden"
"""The msgid is a target-language wording that must never appear in output; msgstr suggests the fix."""
FLAG_CASE_SENSITIVE = "case-sensitive"
"""Match the source forms with their exact case only (`US`, not `us`; `Poutine`, not the dish)."""
FLAG_FUZZY = "fuzzy"
"""Set by Poedit/Weblate on an entry that needs work: the entry is not applied until it is cleared."""
FLAG_CHECK_ONLY = "check-only"
"""The term is not put into the translation, only looked for in it (its target or one of its target variants):
for a target language that declines it by its place in the sentence (`Кремль`, `в Кремле`), where one fixed
wording would be wrong."""
KNOWN_FLAGS = (FLAG_KEEP, FLAG_FORBIDDEN, FLAG_CASE_SENSITIVE, FLAG_FUZZY, FLAG_CHECK_ONLY)

FIELD_VARIANTS = "variants"
"""`#. variants: A | B`: other source forms, rendered with the singular target."""
FIELD_PLURAL_VARIANTS = "plural-variants"
"""`#. plural-variants: A | B`: other plural source forms, rendered with the plural target."""
FIELD_FORBIDDEN = "forbidden"
"""`#. forbidden: Kiev`: target wordings that must not appear in output."""
FIELD_TARGET_VARIANTS = "target-variants"
"""`#. target-variants: Кремля | Кремле`: other target forms that render the term (its declined forms)."""
FIELDS = (FIELD_VARIANTS, FIELD_PLURAL_VARIANTS, FIELD_FORBIDDEN, FIELD_TARGET_VARIANTS)

WRAP_WIDTH = 79
"""Line width of entries written by us (msgcat's and Poedit's default); files wrapped wider are left unwrapped."""

TermKind = Literal["preferred", "keep", "forbidden"]
PAIR = re.compile(r"^([a-z]{2,3})-([a-z]{2,3})$")
"""A language pair as glossary files are named: `fr-en`."""


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """One glossary entry, as read from its PO file."""

    source: str
    """The source term (`msgid`)."""
    target: str
    """The target term (`msgstr`, or `msgstr[0]`); for a do-not-translate entry, the source itself."""
    category: str | None = None
    """`organisation`, `programme`, `person`, `title`, `place` or `product` (`msgctxt`)."""
    flags: tuple[str, ...] = ()
    """The entry's PO flags, in file order (`keep`, `forbidden`, `case-sensitive`, `fuzzy`)."""
    source_plural: str | None = None
    """The plural source form (`msgid_plural`)."""
    target_plural: str | None = None
    """The plural target form (`msgstr[1]`)."""
    variants: tuple[str, ...] = ()
    """Other source forms rendered with the singular target (`#. variants:`)."""
    plural_variants: tuple[str, ...] = ()
    """Other source forms rendered with the plural target (`#. plural-variants:`)."""
    forbidden: tuple[str, ...] = ()
    """Target wordings that must not appear in output (`#. forbidden:`)."""
    target_variants: tuple[str, ...] = ()
    """Other target forms that render the term, as the sentence declines it (`#. target-variants:`)."""
    notes: str = ""
    """Translator comments: sources and notes for people."""
    line: int | None = None
    """Where the entry starts in its file (1-based), when it came from one."""

    @property
    def kind(self) -> TermKind:
        """`keep` (do-not-translate), `forbidden` (a wording to avoid) or `preferred` (a translation)."""
        if FLAG_KEEP in self.flags:
            return "keep"
        if FLAG_FORBIDDEN in self.flags:
            return "forbidden"
        return "preferred"

    @property
    def case_sensitive(self) -> bool:
        """Whether the source forms match with their exact case only."""
        return FLAG_CASE_SENSITIVE in self.flags

    @property
    def fuzzy(self) -> bool:
        """Whether the entry is marked as needing work (and so is not applied)."""
        return FLAG_FUZZY in self.flags

    @property
    def check_only(self) -> bool:
        """Whether the term is only looked for in the translation, never put into it (see FLAG_CHECK_ONLY)."""
        return FLAG_CHECK_ONLY in self.flags

    def source_forms(self) -> tuple[tuple[str, bool], ...]:
        """Every source form with whether it is plural, in a fixed order, without repeats."""
        forms = [(self.source, False), *((v, False) for v in self.variants)]
        if self.source_plural:
            forms.append((self.source_plural, True))
        forms.extend((v, True) for v in self.plural_variants)
        seen: set[str] = set()
        unique = []
        for form, plural in forms:
            if form and form not in seen:
                seen.add(form)
                unique.append((form, plural))
        return tuple(unique)

    def target_for(self, plural: bool) -> str:
        """The target term for a singular or plural source form."""
        if plural and self.target_plural:
            return self.target_plural
        return self.target

    def target_forms(self) -> tuple[str, ...]:
        """The target wordings that render this entry (singular, plural, then its target variants)."""
        forms = [self.target, self.target_plural or "", *self.target_variants]
        return tuple(dict.fromkeys(form for form in forms if form))

    @property
    def label(self) -> str:
        """`source` with its category, for messages."""
        return f"{self.source} ({self.category})" if self.category else self.source


def parse_fields(comment: str) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """The `#.` fields of an entry (`variants: A | B`) and the lines that are not fields.

    A line that wrapping cut from the one before (polib and msgcat wrap comments at 79 columns) continues
    it, joined back with a space; any other line that is not a field is returned apart."""
    raw: dict[str, list[str]] = {}
    unknown: list[str] = []
    last: str | None = None
    previous = ""
    for line in comment.split("\n") if comment else []:
        key, separator, value = line.partition(":")
        name = key.strip().lower()
        if separator and name in FIELDS:
            raw.setdefault(name, []).append(value.strip())
            last = name
        elif last is not None and line.strip() and _was_wrapped(previous, line):
            raw[last][-1] = f"{raw[last][-1]} {line.strip()}".strip()
        elif line.strip():
            unknown.append(line)
            last = None
        previous = line
    fields = {
        name: tuple(part.strip() for value in values for part in value.split("|") if part.strip())
        for name, values in raw.items()
    }
    return fields, unknown


def _was_wrapped(previous: str, line: str) -> bool:
    """Whether line is the tail of previous, cut by line wrapping: `#. ` + previous + its first word would
    not have fit in the wrap width (or previous ends with the `|` separator)."""
    first = line.split()[0] if line.split() else ""
    return previous.rstrip().endswith("|") or len("#. ") + len(previous) + 1 + len(first) > WRAP_WIDTH


def format_fields(term: GlossaryTerm) -> str:
    """The `#.` comment lines for a term's fields, in the documented order."""
    lines = []
    for name, values in (
        (FIELD_VARIANTS, term.variants),
        (FIELD_PLURAL_VARIANTS, term.plural_variants),
        (FIELD_FORBIDDEN, term.forbidden),
        (FIELD_TARGET_VARIANTS, term.target_variants),
    ):
        if values:
            lines.append(f"{name}: {' | '.join(values)}")
    return "\n".join(lines)


def term_from_entry(entry: Any, line: int | None = None) -> GlossaryTerm:
    """A GlossaryTerm from a polib entry."""
    fields, _ = parse_fields(entry.comment or "")
    flags = tuple(entry.flags)
    if entry.msgid_plural:
        plurals = entry.msgstr_plural or {}
        target = plurals.get(0, "")
        target_plural: str | None = plurals.get(1, "") or None
    else:
        target, target_plural = entry.msgstr, None
    if FLAG_KEEP in flags and not target:
        target = entry.msgid
        target_plural = entry.msgid_plural or None
    return GlossaryTerm(
        source=entry.msgid,
        target=target,
        category=entry.msgctxt,
        flags=flags,
        source_plural=entry.msgid_plural or None,
        target_plural=target_plural,
        variants=fields.get(FIELD_VARIANTS, ()),
        plural_variants=fields.get(FIELD_PLURAL_VARIANTS, ()),
        forbidden=fields.get(FIELD_FORBIDDEN, ()),
        target_variants=fields.get(FIELD_TARGET_VARIANTS, ()),
        notes=entry.tcomment or "",
        line=line,
    )


def apply_term(entry: Any, term: GlossaryTerm) -> None:
    """Write a term into a polib entry, touching only what differs (so unchanged parts keep their bytes)."""
    entry.msgctxt = term.category
    entry.msgid = term.source
    target = term.source if term.kind == "keep" and not term.target else term.target
    if term.source_plural:
        entry.msgid_plural = term.source_plural
        plural_target = term.target_plural or (term.source_plural if term.kind == "keep" else "")
        entry.msgstr_plural = {0: target, 1: plural_target}
        entry.msgstr = ""
    else:
        entry.msgid_plural = ""
        entry.msgstr_plural = {}
        entry.msgstr = target
    kept = [flag for flag in entry.flags if flag in term.flags]
    entry.flags = kept + [flag for flag in term.flags if flag not in kept]
    old_fields, unknown = parse_fields(entry.comment or "")
    new_fields, _ = parse_fields(format_fields(term))
    if old_fields != new_fields:
        entry.comment = "\n".join([*unknown, format_fields(term)]).strip("\n")
    if (entry.tcomment or "") != term.notes:
        entry.tcomment = term.notes


def parse_pair(text: str) -> tuple[str, str]:
    """`fr-en` as ("fr", "en"); raise GlossaryError when it is not a pair of language codes."""
    found = PAIR.match(text.strip().lower())
    if not found:
        raise GlossaryError(f"{text!r} is not a language pair", "write it as SOURCE-TARGET, e.g. fr-en")
    return found.group(1), found.group(2)
