"""Placing glossary terms in a translation: find target wordings, each place used once, in linear time.

Used when a term could not go through a placeholder (the fallback translation, terms past the slot
limit) and by the QA check that each term was rendered. A wording's hits are scanned once, lazily, and
a hit that overlaps a place already taken is passed for good, so the cost is one scan of the text per
distinct wording tried, however many times each term occurs (a 1 MB paragraph stays linear).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from translator.glossary.matching import APOSTROPHES, TermMatch, is_word, render_term

TermPlacement = Literal["masked", "aligned", "checked", "unplaced"]
# Characters that may stand between a sentence end and its first word (quotes, brackets, dashes, spaces).
_OPENERS = " \t\u00a0\"'«»“”‘’„([{—–-¡¿"


@dataclass(frozen=True, slots=True)
class TermUse:
    """How one source term ended up in the translation."""

    match: TermMatch
    """The term in the source."""
    rendering: str
    """What the translation says for it."""
    placement: TermPlacement
    """`masked`: through its placeholder; `aligned`: substituted in an unmasked translation; `checked`: a
    check-only term the translation holds in one of its forms, as MT wrote it; `unplaced`: it could not be placed,
    or a check-only term is not there (the unit needs review)."""

    @property
    def placed(self) -> bool:
        """Whether the translation carries the term."""
        return self.placement != "unplaced"


@functools.lru_cache(maxsize=4096)
def wording_pattern(wording: str, case_sensitive: bool) -> re.Pattern[str]:
    """A wording as a regex: whole words at word ends, any apostrophe for an apostrophe, any run of
    spaces for a space, any case unless case_sensitive."""
    pieces = [
        f"[{APOSTROPHES}]" if char in APOSTROPHES else r"\s+" if char.isspace() else re.escape(char) for char in wording
    ]
    if is_word(wording[0]):
        # "Not after a word character", checked after the first word (each piece there is one character
        # wide) rather than before it: a pattern that opens with its letters lets the regex engine jump
        # to them (measured 4x to 100x faster over a long text); the matches are the same.
        width = next((index for index, char in enumerate(wording) if char.isspace()), len(wording))
        pieces.insert(width, rf"(?<!\w.{{{width}}})")
    after = r"(?!\w)" if is_word(wording[-1]) else ""
    return re.compile("".join(pieces) + after, re.DOTALL | (0 if case_sensitive else re.IGNORECASE))


class _Scan:
    """The hits of one wording in a text, read lazily, with the first that may still be free at the head."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self._hits: Iterator[re.Match[str]] = pattern.finditer(text)
        self._head = self._next()

    def _next(self) -> tuple[int, int] | None:
        hit = next(self._hits, None)
        return hit.span() if hit is not None else None

    def first_free(self, taken: bytearray) -> tuple[int, int] | None:
        while self._head is not None:
            start, end = self._head
            if taken.find(1, start, end) == -1:
                return self._head
            self._head = self._next()
        return None


class WordingSearch:
    """Wordings found in one text, each place used at most once: `find` gives the first hit of a wording
    (leftmost of its non-overlapping hits) that overlaps no place taken so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._taken = bytearray(len(text))
        self._scans: dict[tuple[str, bool], _Scan] = {}

    def find(self, wording: str, case_sensitive: bool) -> tuple[int, int] | None:
        """Where the first free hit of a wording is, or None."""
        if not wording:
            return None
        scan = self._scans.get((wording, case_sensitive))
        if scan is None:
            scan = self._scans[(wording, case_sensitive)] = _Scan(wording_pattern(wording, case_sensitive), self.text)
        return scan.first_free(self._taken)

    def first_of(self, wordings: list[str], case_sensitive: bool) -> tuple[int, int] | None:
        """Where the first free hit of the first wording found is (the wordings in order), or None."""
        return next(filter(None, (self.find(wording, case_sensitive) for wording in wordings)), None)

    def take(self, place: tuple[int, int]) -> None:
        """Mark a place as used."""
        start, end = place
        self._taken[start:end] = b"\x01" * (end - start)


def accepted_wordings(match: TermMatch) -> list[str]:
    """The wordings that render a found term in a translation, each once, the glossary's first: a kept term as the
    source writes it or any of its source forms; any other its target, plural or target variants."""
    term = match.term
    others = [form for form, _ in term.source_forms()] if term.kind == "keep" else list(term.target_forms())
    return list(dict.fromkeys([render_term(match), *others]))


def _starts_sentence(text: str, offset: int) -> bool:
    index = offset
    while index > 0 and text[index - 1] in _OPENERS:
        index -= 1
    return index == 0 or text[index - 1] in ".!?…"


def at_position(rendering: str, match: TermMatch, text: str, offset: int) -> str:
    """The rendering capitalised when it opens a sentence of text at offset (kept terms are never touched)."""
    if match.term.kind == "keep" or not rendering[:1].islower() or not _starts_sentence(text, offset):
        return rendering
    return rendering[0].upper() + rendering[1:]


def _clean_hint(hint: str) -> str:
    return hint.strip().rstrip(".!?;:…").strip()


def _place_of(match: TermMatch, rendering: str, search: WordingSearch, hint: str) -> tuple[int, int] | None:
    """Where a term is in the translation: the first found (whole words, not already used) of the target
    term itself, the untranslated source text, another source form, a target form, a forbidden wording,
    and how the engine translates the term alone (hint); the exact spelling first, then (unless the entry
    is case-sensitive) any case."""
    term = match.term
    source_forms = [form for form, _ in term.source_forms()]
    wordings = [rendering, match.text, *source_forms, *term.target_forms(), *term.forbidden, _clean_hint(hint)]
    exact_only = {match.text, *source_forms} if term.case_sensitive else set()
    for wording in dict.fromkeys(w for w in wordings if w.strip()):
        for case_sensitive in (True,) if wording in exact_only else (True, False):
            place = search.find(wording, case_sensitive)
            if place is not None:
                return place
    return None


def align_terms(text: str, matches: Sequence[TermMatch], hints: Mapping[str, str]) -> tuple[str, list[TermUse]]:
    """Put each term, in source order, into a translation made without placeholders, where it can be found
    (see `_place_of`); a term found nowhere is reported unplaced."""
    search = WordingSearch(text)
    edits: list[tuple[int, int, str]] = []
    uses: list[TermUse] = []
    for match in matches:
        rendering = render_term(match)
        place = _place_of(match, rendering, search, hints.get(match.text, ""))
        if place is None:
            uses.append(TermUse(match, rendering, "unplaced"))
            continue
        search.take(place)
        final = at_position(rendering, match, text, place[0])
        if text[place[0] : place[1]] != final:
            edits.append((place[0], place[1], final))
        uses.append(TermUse(match, final, "aligned"))
    pieces: list[str] = []
    last = 0
    for start, end, replacement in sorted(edits):
        pieces += [text[last:start], replacement]
        last = end
    pieces.append(text[last:])
    return "".join(pieces), uses
