"""Numbered placeholders (`⟦T1⟧`): mask spans of a sentence for a model, check that each came back, fill them.

Glossary terms (translator.glossary.protect) and links (translator.engine.links) are both masked this
way. Placeholders are fragile in NMT: a model may drop, repeat or bend them (`⟦ T1 ⟧`), so nothing is
filled in until every placeholder the caller sent is found exactly once; the caller falls back otherwise.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from translator.errors import TranslatorError

__all__ = ["DEFAULT_STYLE", "PlaceholderStyle", "fill", "mask", "placeholder_problems"]


@dataclass(frozen=True)
class PlaceholderStyle:
    """How placeholders are written for a model: `prefix + number + suffix`, e.g. `⟦T1⟧`."""

    prefix: str = "⟦T"
    """Text before the number."""
    suffix: str = "⟧"
    """Text after the number."""
    max_slots: int = 20
    """Most placeholders in one sentence (numbers 1 to max_slots)."""

    def __post_init__(self) -> None:
        if not self.prefix or "_" in self.prefix + self.suffix or any(c.isspace() for c in self.prefix + self.suffix):
            raise TranslatorError(
                f"bad placeholder form {self.prefix}N{self.suffix}", "use a prefix, no spaces and no underscore"
            )
        if self.prefix[-1].isdigit() or self.suffix[:1].isdigit() or not 1 <= self.max_slots <= 99:
            raise TranslatorError(
                f"bad placeholder form {self.prefix}N{self.suffix}", "no digit next to the number; 1 to 99 slots"
            )

    def format(self, number: int) -> str:
        """The placeholder for slot number (1-based)."""
        return f"{self.prefix}{number}{self.suffix}"

    @functools.cached_property
    def exact(self) -> re.Pattern[str]:
        """Placeholders exactly as written, the number captured."""
        return re.compile(re.escape(self.prefix) + r"(\d+)" + re.escape(self.suffix))

    @functools.cached_property
    def loose(self) -> re.Pattern[str]:
        """Placeholders the model bent (spaces inserted, case changed): mangled ones."""
        spaced = [re.escape(char) + r"\s*" for char in self.prefix]
        tail = [r"\s*" + re.escape(char) for char in self.suffix]
        return re.compile("".join(spaced) + r"0*(\d+)" + "".join(tail), re.IGNORECASE)

    @functools.cached_property
    def delimiters(self) -> frozenset[str]:
        """The characters of the form that are neither letters nor digits (leftovers mean mangling)."""
        return frozenset(char for char in self.prefix + self.suffix if not char.isalnum())

    def first_free(self, text: str) -> int:
        """The first number above every placeholder the text holds already (1 when it holds none)."""
        return max((int(hit.group(1)) for hit in self.exact.finditer(text)), default=0) + 1

    def looks_masked(self, text: str) -> bool:
        """Whether the text holds placeholder characters or something like a placeholder already (then
        masking it could not be verified after translation)."""
        return any(char in self.delimiters for char in text) or bool(self.loose.search(text))


DEFAULT_STYLE = PlaceholderStyle()
"""`⟦T1⟧`...`⟦T20⟧` (U+27E6/U+27E7): the form our demo models are trained to copy."""


def mask(text: str, spans: Sequence[tuple[int, int]], style: PlaceholderStyle, first: int = 1) -> str:
    """The text with each span (in text order, not overlapping) replaced by a placeholder numbered from first."""
    pieces: list[str] = []
    last = 0
    for number, (start, end) in enumerate(spans, start=first):
        pieces += [text[last:start], style.format(number)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def placeholder_problems(
    translated: str, expected: Mapping[int, str], style: PlaceholderStyle, *, exclusive: bool
) -> list[str]:
    """What is wrong with the placeholders of a translation: each expected number (with what it stands
    for, for messages) must be there exactly once. With exclusive, the text may hold no other placeholder
    and no stray placeholder character either (a caller that masks alone); without it, placeholders of
    other callers are left alone. Empty when all is well."""
    counts = Counter(int(hit.group(1)) for hit in style.exact.finditer(translated))
    problems = []
    for number, label in expected.items():
        count = counts.get(number, 0)
        if count == 1:
            continue
        what = f"placeholder {style.format(number)} for {label}"
        if count > 1:
            problems.append(f"{what} came back {count} times")
        elif any(int(hit.group(1)) == number for hit in style.loose.finditer(translated)):
            problems.append(f"{what} came back mangled")
        else:
            problems.append(f"{what} was lost")
    if not exclusive:
        return problems
    problems += [f"unexpected placeholder {style.format(n)}" for n in sorted(counts) if n not in expected]
    if not problems and any(char in style.delimiters for char in style.exact.sub("", translated)):
        problems.append("placeholder characters left over: a placeholder came back mangled")
    return problems


def fill(translated: str, style: PlaceholderStyle, render: Callable[[int, int], str | None]) -> str:
    """The translation with each placeholder replaced by `render(number, offset)` (offset: where the
    placeholder starts in the translation), or left as it is where render gives None; one pass."""

    def replace(hit: re.Match[str]) -> str:
        replacement = render(int(hit.group(1)), hit.start())
        return hit.group() if replacement is None else replacement

    return style.exact.sub(replace, translated)
