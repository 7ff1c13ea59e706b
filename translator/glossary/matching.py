"""Finding glossary terms in text: folding, a word-bounded Aho-Corasick matcher, and the Glossary of a pair.

Matching is one pass over the text whatever the number of terms (pyahocorasick, imported on first use),
longest match first, with real-text spellings folded together (apostrophes, spaces, hyphens, NFC).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from translator.glossary.terms import GlossaryTerm

if TYPE_CHECKING:
    from translator.glossary.document import GlossaryFile

APOSTROPHES = "'’ʼ‘"
# Characters folded before matching: apostrophes and spaces have several spellings in real text.
_FOLD_TABLE = str.maketrans(
    {
        "’": "'",
        "ʼ": "'",
        "‘": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
        "\u2010": "-",
        "\u2011": "-",
    }
)
ELISIONS: Mapping[str, frozenset[str]] = {
    "fr": frozenset("c d j l m n s t qu jusqu lorsqu puisqu quoiqu presqu quelqu".split()),  # noqa: SIM905
    "it": frozenset("l d un dell all nell sull dall quell bell sant c v".split()),  # noqa: SIM905
}
"""Elided words that may be glued to a term by an apostrophe (`l'US Space Force`, `d’Elon Musk`)."""


P = TypeVar("P")


def is_word(char: str) -> bool:
    """Whether a character belongs to a word (letters, digits, `_`, combining marks): terms match whole words."""
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


def fold_exact(text: str) -> str:
    """NFC with apostrophes, spaces and hyphens in one spelling; case kept."""
    return unicodedata.normalize("NFC", text).translate(_FOLD_TABLE)


def fold(text: str) -> str:
    """What matching compares: NFC, lower case, one spelling of apostrophes, spaces and hyphens."""
    return unicodedata.normalize("NFC", text).lower().translate(_FOLD_TABLE)


class _BoundaryTable(dict[int, int]):
    """str.translate table: word characters stay, every other character becomes a space (filled lazily)."""

    def __missing__(self, code: int) -> int:
        value = code if is_word(chr(code)) else 32
        self[code] = value
        return value


_BOUNDARIES = _BoundaryTable()


def _spaced_text(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """What the automaton reads: the text in NFC, lower case, every non-word character a space, padded
    with a space each side; and, when its indices differ from the text's (plus one), where each of its
    characters starts and ends in the text."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        lowered = text.lower()
        if len(lowered) == len(text):
            return f" {lowered.translate(_BOUNDARIES)} ", None, None
    # Rare: decomposed accents or letters whose lower case is longer (İ). Fold cluster by cluster.
    pieces: list[str] = [" "]
    starts: list[int] = [0]
    ends: list[int] = [0]
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        piece = unicodedata.normalize("NFC", text[index:end]).lower().translate(_BOUNDARIES)
        pieces.append(piece)
        starts.extend([index] * len(piece))
        ends.extend([end] * len(piece))
        index = end
    pieces.append(" ")
    starts.append(len(text))
    ends.append(len(text))
    return "".join(pieces), starts, ends


@dataclass(frozen=True, slots=True)
class _Form(Generic[P]):
    """One searchable form and what it stands for."""

    folded: str
    """The form as matching compares it (`fold`)."""
    exact: str
    """The form with its case (`fold_exact`), compared when case-sensitive."""
    case_sensitive: bool
    """Whether only the exact case matches."""
    payload: P
    """What a hit on this form means to the caller."""
    plain: bool
    """Whether the folded form is only letters, digits and single spaces (then a hit needs no re-check)."""


@dataclass(frozen=True, slots=True)
class _Hit(Generic[P]):
    """A form found in a text."""

    start: int
    """Offset of the first character in the original text."""
    end: int
    """Offset after the last character."""
    form: _Form[P]
    """Which form was found."""


class _Matcher(Generic[P]):
    """An Aho-Corasick automaton over folded forms, with word boundaries and longest-first resolution.

    The automaton runs over the folded text with every non-word character turned into a space, and
    its keys are the forms turned the same way with a space on each side: a hit is then always a whole
    word sequence. Each hit is verified against the real text (punctuation, apostrophes, case when
    case-sensitive, elision, combining marks), so the loose search never loosens what matches."""

    def __init__(self, forms: Iterable[tuple[str, bool, P]], elision: frozenset[str] = frozenset()) -> None:
        import ahocorasick

        self.elision = elision
        self.forms: list[_Form[P]] = []
        keys: dict[str, list[int]] = {}
        for text, case_sensitive, payload in forms:
            folded = fold(text)
            if not any(is_word(char) for char in folded):
                continue
            plain = folded.replace(" ", "").isalnum() and "  " not in folded
            self.forms.append(_Form(folded, fold_exact(text), case_sensitive, payload, plain))
            keys.setdefault(f" {folded.translate(_BOUNDARIES)} ", []).append(len(self.forms) - 1)
        self.automaton: Any = None
        if keys:
            self.automaton = ahocorasick.Automaton()
        for key, indices in keys.items():
            # Case-sensitive forms first: they are the more specific reading of the same letters.
            ordered = sorted(indices, key=lambda i: (not self.forms[i].case_sensitive, i))
            self.automaton.add_word(key, (len(key), tuple(ordered)))
        if self.automaton is not None:
            self.automaton.make_automaton()

    def _elision_ok(self, text: str, start: int) -> bool:
        """A term right after an apostrophe glued to a word starts a word only after an elided article or
        pronoun (`l'`, `d'`, `qu'`); elsewhere the apostrophe is inside a word (`aujourd'hui`, `м'ясо`)."""
        if start < 2 or text[start - 1] not in APOSTROPHES or not is_word(text[start - 2]) or not is_word(text[start]):
            return True
        begin = start - 1
        while begin > 0 and is_word(text[begin - 1]):
            begin -= 1
        return text[begin : start - 1].lower() in self.elision

    def candidates(self, text: str) -> list[tuple[int, int, int, int]]:
        """Every valid hit as (start, end, priority, form index), overlapping ones included."""
        if self.automaton is None or not text:
            return []
        spaced, starts, ends = _spaced_text(text)
        found = []
        for last, (length, indices) in self.automaton.iter(spaced):
            # The key is " form ": the form spans [last - length + 2, last) in `spaced`, one less in `text`.
            first, stop = last - length + 2, last
            if starts is None or ends is None:
                start, end = first - 1, stop - 1
            else:
                start, end = starts[first], ends[stop - 1]
            if end <= start:
                continue
            if start > 1 and text[start - 1] in APOSTROPHES and not self._elision_ok(text, start):
                continue
            surface = text[start:end]
            # The automaton already compared letters, digits and spaces: only other characters need a look.
            plain = starts is None and surface.replace(" ", "").isalnum()
            folded_surface: str | None = None
            exact_surface: str | None = None
            for priority, index in enumerate(indices):
                form = self.forms[index]
                if form.case_sensitive:
                    exact_surface = exact_surface if exact_surface is not None else fold_exact(surface)
                    if exact_surface != form.exact:
                        continue
                elif not (plain and form.plain):
                    folded_surface = folded_surface if folded_surface is not None else fold(surface)
                    if folded_surface != form.folded:
                        continue
                found.append((start, end, priority, index))
        return found

    def find(self, text: str) -> list[_Hit[P]]:
        """Non-overlapping hits in text order: longest first, then leftmost, then the earlier form."""
        candidates = self.candidates(text)
        if not candidates:
            return []
        candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2], c[3]))
        taken = bytearray(len(text))
        hits = []
        for start, end, _, index in candidates:
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            hits.append(_Hit(start, end, self.forms[index]))
        hits.sort(key=lambda hit: hit.start)
        return hits


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found in a text."""

    term: GlossaryTerm
    """The entry."""
    start: int
    """Offset of the first character."""
    end: int
    """Offset after the last character."""
    text: str
    """The text as found (its case and apostrophes)."""
    form: str
    """The glossary form it matched (msgid, plural or a variant)."""
    plural: bool
    """Whether a plural form matched."""


def _is_all_caps(text: str) -> bool:
    return text.isupper() and sum(char.isalpha() for char in text) >= 2


def render_term(match: TermMatch) -> str:
    """How a found term is written in the target: kept verbatim, or its target with the source's ALL CAPS."""
    term = match.term
    if term.kind == "keep":
        return match.text
    target = term.target_for(match.plural)
    if not term.case_sensitive and _is_all_caps(match.text) and not _is_all_caps(match.form):
        return target.upper()
    return target


class Glossary:
    """The terms of one language pair, ready to match (the automata are built on first use)."""

    def __init__(
        self, terms: Iterable[GlossaryTerm], source_lang: str, target_lang: str, path: Path | None = None
    ) -> None:
        self.terms = tuple(terms)
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.path = path

    @classmethod
    def from_file(cls, document: GlossaryFile) -> Glossary:
        """The glossary of a loaded PO document."""
        source, target = document.pair()
        return cls(document.terms(), source, target, document.path)

    @property
    def pair(self) -> str:
        """`fr-en`."""
        return f"{self.source_lang}-{self.target_lang}"

    @functools.cached_property
    def version(self) -> str:
        """A short hash of what the glossary does (its terms, forms, flags and their order; not notes), for the
        translation memory: a machine translation made with another version is not reused."""
        import hashlib
        import json
        from dataclasses import asdict

        # A field an entry leaves empty that older versions did not have (target variants) is left out: the
        # same glossary keeps its version, and the memory its translations.
        rows = [
            {k: v for k, v in asdict(term).items() if k not in ("notes", "line") and (v or k != "target_variants")}
            for term in self.terms
        ]
        data = json.dumps([self.pair, rows], ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(data).hexdigest()[:16]

    @functools.cached_property
    def _source_matcher(self) -> _Matcher[tuple[GlossaryTerm, str, bool]]:
        forms = (
            (form, term.case_sensitive, (term, form, plural))
            for term in self.terms
            if term.kind != "forbidden" and not term.fuzzy
            for form, plural in term.source_forms()
        )
        return _Matcher(forms, ELISIONS.get(self.source_lang, frozenset()))

    @functools.cached_property
    def _forbidden_matcher(self) -> _Matcher[tuple[GlossaryTerm, str]]:
        forms: list[tuple[str, bool, tuple[GlossaryTerm, str]]] = []
        for term in self.terms:
            if term.fuzzy:
                continue
            wordings = list(term.forbidden)
            if term.kind == "forbidden":
                wordings.insert(0, term.source)
            forms.extend((wording, term.case_sensitive, (term, wording)) for wording in wordings)
        return _Matcher(forms, ELISIONS.get(self.target_lang, frozenset()))

    def find_terms(self, text: str) -> list[TermMatch]:
        """The terms in a source text, in text order, without overlaps (longest match wins)."""
        return [
            TermMatch(term, hit.start, hit.end, text[hit.start : hit.end], form, plural)
            for hit in self._source_matcher.find(text)
            for term, form, plural in (hit.form.payload,)
        ]

    def find_forbidden(self, text: str) -> list[tuple[GlossaryTerm, str, int]]:
        """Forbidden wordings in a target text: (entry, wording found, offset)."""
        return [
            (hit.form.payload[0], text[hit.start : hit.end], hit.start) for hit in self._forbidden_matcher.find(text)
        ]
