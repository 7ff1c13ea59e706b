"""Glossary terms through machine translation: masked before, put back and verified after, with a fallback.

Before MT, `protect` replaces every term found in a sentence with a placeholder (`⟦T1⟧`); after MT,
`restore` puts the target term back and checks that each placeholder came back exactly once. When one
is lost, duplicated or mangled, the sentence is translated again without the mask and the terms are
substituted where they can be aligned; the result is flagged for review.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from translator.errors import GlossaryError
from translator.glossary.align import TermUse, WordingSearch, accepted_wordings, align_terms, at_position
from translator.glossary.matching import Glossary, TermMatch, render_term
from translator.placeholders import DEFAULT_STYLE, PlaceholderStyle, fill, mask, placeholder_problems


@dataclass(frozen=True, slots=True)
class Slot:
    """A term replaced by a placeholder."""

    placeholder: str
    """The placeholder written in its place (`⟦T1⟧`)."""
    match: TermMatch
    """The term it stands for."""
    rendering: str
    """What replaces the placeholder after translation (before sentence-start capitalisation)."""


@dataclass(frozen=True, slots=True)
class ProtectedSentence:
    """A sentence with its terms masked for MT, and what is needed to put them back."""

    source: str
    """The sentence as given."""
    text: str
    """The sentence with placeholders: what the engine translates."""
    slots: tuple[Slot, ...]
    """The masked terms, slot n is placeholder n."""
    unmasked: tuple[TermMatch, ...]
    """Terms found but not masked (past the slot limit, or the sentence already looks like it holds
    placeholders): they are aligned in the translation instead."""
    style: PlaceholderStyle = DEFAULT_STYLE
    """The placeholder form used."""
    checked: tuple[TermMatch, ...] = ()
    """Check-only terms found (`#, check-only`): never masked nor put in, only looked for in the translation."""

    @property
    def matches(self) -> tuple[TermMatch, ...]:
        """Every term found that the translation is to carry (masked or aligned), in text order."""
        return tuple(sorted([slot.match for slot in self.slots] + list(self.unmasked), key=lambda m: m.start))


@dataclass(frozen=True, slots=True)
class GlossaryResult:
    """One sentence translated with the glossary applied."""

    source: str
    """The source sentence."""
    text: str
    """The translation with the target terms in it."""
    terms: tuple[TermUse, ...] = ()
    """Each term found in the source, in source order, and how it was rendered."""
    usable: bool = True
    """False only from `restore` without a retranslate callback when placeholders came back wrong: the
    text still holds them and must not be used."""
    fallback: bool = False
    """Whether the sentence was translated again without placeholders."""
    problems: tuple[str, ...] = ()
    """What went wrong: placeholders lost, duplicated or mangled; terms that could not be placed."""

    @property
    def needs_review(self) -> bool:
        """Whether a person should look at this translation."""
        return self.fallback or not self.usable or bool(self.problems) or not all(use.placed for use in self.terms)


class BatchTranslator(Protocol):
    """What the glossary needs from an engine."""

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """One translation per sentence, in order."""
        ...


Retranslate = Callable[[list[str]], list[str]]
"""Translate plain sentences (no placeholders) in one batch."""


def protect(sentence: str, glossary: Glossary | None, style: PlaceholderStyle = DEFAULT_STYLE) -> ProtectedSentence:
    """Replace the glossary terms of a sentence with numbered placeholders, in text order (check-only terms are
    left in place, to be looked for after MT)."""
    found = glossary.find_terms(sentence) if glossary is not None else []
    checked = tuple(match for match in found if match.term.check_only)
    matches = [match for match in found if not match.term.check_only]
    if not matches:
        return ProtectedSentence(sentence, sentence, (), (), style, checked)
    if style.looks_masked(sentence):
        # The text already holds placeholder-like characters: masking could not be verified after MT.
        return ProtectedSentence(sentence, sentence, (), tuple(matches), style, checked)
    masked = matches[: style.max_slots]
    text = mask(sentence, [(match.start, match.end) for match in masked], style)
    slots = tuple(Slot(style.format(number), match, render_term(match)) for number, match in enumerate(masked, 1))
    return ProtectedSentence(sentence, text, slots, tuple(matches[style.max_slots :]), style, checked)


def _restore_placeholders(translated: str, protected: ProtectedSentence) -> tuple[str | None, list[TermUse], list[str]]:
    """The translation with every placeholder replaced, or None with the problems when one is wrong."""
    slots = protected.slots
    if not slots:
        return translated, [], []
    expected = {number: repr(slot.match.text) for number, slot in enumerate(slots, start=1)}
    problems = placeholder_problems(translated, expected, protected.style, exclusive=True)
    if problems:
        return None, [], problems
    uses: list[TermUse] = []

    def render(number: int, offset: int) -> str:
        slot = slots[number - 1]
        rendering = at_position(slot.rendering, slot.match, translated, offset)
        uses.append(TermUse(slot.match, rendering, "masked"))
        return rendering

    return fill(translated, protected.style, render), uses, []


def _unplaced_problems(uses: Iterable[TermUse]) -> list[str]:
    return [
        f"term {use.match.text!r} ({use.rendering!r}) could not be placed in the translation"
        for use in uses
        if not use.placed
    ]


def _checked_uses(text: str, checked: Iterable[TermMatch]) -> list[TermUse]:
    """How each check-only term came out of MT: the form of it the translation holds (`Кремле` for `Kremlin`,
    each place counted once), else unplaced (the unit needs review)."""
    search = WordingSearch(text)
    uses = []
    for match in sorted(checked, key=lambda m: (-len(render_term(m)), m.start)):
        place = search.first_of(accepted_wordings(match), False)
        if place is None:
            uses.append(TermUse(match, render_term(match), "unplaced"))
            continue
        search.take(place)
        uses.append(TermUse(match, text[place[0] : place[1]], "checked"))
    return uses


def _finish(
    protected: ProtectedSentence, text: str, uses: list[TermUse], problems: list[str], fallback: bool
) -> GlossaryResult:
    uses = uses + _checked_uses(text, protected.checked)
    uses.sort(key=lambda use: use.match.start)
    return GlossaryResult(
        protected.source, text, tuple(uses), True, fallback, tuple(problems + _unplaced_problems(uses))
    )


def _fallback(
    protected: ProtectedSentence, plain: str, hints: Mapping[str, str], problems: list[str]
) -> GlossaryResult:
    text, uses = align_terms(plain, protected.matches, hints)
    return _finish(protected, text, uses, problems, fallback=True)


def restore(translated: str, protected: ProtectedSentence, retranslate: Retranslate | None = None) -> GlossaryResult:
    """Put the target terms back into a translation of `protected.text`, verifying every placeholder.

    When a placeholder was lost, duplicated or mangled: with `retranslate`, the source sentence and
    its terms are translated again without placeholders (one call) and the terms aligned into that
    translation (`fallback=True`); without it, the result is not usable (`usable=False`)."""
    text, uses, problems = _restore_placeholders(translated, protected)
    if text is None:
        if retranslate is None:
            unplaced = tuple(TermUse(m, render_term(m), "unplaced") for m in protected.matches)
            return GlossaryResult(protected.source, translated, unplaced, False, False, tuple(problems))
        surfaces = list(dict.fromkeys(match.text for match in protected.matches))
        outputs = retranslate([protected.source, *surfaces])
        return _fallback(protected, outputs[0], dict(zip(surfaces, outputs[1:], strict=True)), problems)
    text, aligned = align_terms(text, protected.unmasked, {})
    return _finish(protected, text, uses + aligned, [], fallback=False)


def _engine_style(engine: object, source: str, target: str) -> PlaceholderStyle | None:
    """The placeholder form an engine asks for (`placeholder_style` attribute or method), if any."""
    style = getattr(engine, "placeholder_style", None)
    if callable(style):
        style = style(source, target)
    return style if isinstance(style, PlaceholderStyle) else None


def _checked_count(outputs: list[str], sent: int) -> list[str]:
    if len(outputs) != sent:
        raise GlossaryError(f"the engine returned {len(outputs)} translations for {sent} sentences")
    return outputs


def translate_with_glossary(
    sentences: Sequence[str],
    source: str,
    target: str,
    engine: BatchTranslator,
    glossary: Glossary | None,
    *,
    style: PlaceholderStyle | None = None,
) -> list[GlossaryResult]:
    """Translate sentences with the glossary applied: protect, one engine call for all of them, restore;
    then one more call for every sentence whose placeholders came back wrong (and the terms alone)."""
    if glossary is not None and (glossary.source_lang, glossary.target_lang) != (source, target):
        raise GlossaryError(f"the {glossary.pair} glossary cannot serve {source}->{target}")
    style = style or _engine_style(engine, source, target) or DEFAULT_STYLE
    protected = [protect(sentence, glossary, style) for sentence in sentences]
    translated = _checked_count(engine.translate_batch([p.text for p in protected], source, target), len(protected))
    first = [_restore_placeholders(text, p) for text, p in zip(translated, protected, strict=True)]
    failed = [index for index, (text, _, _) in enumerate(first) if text is None]
    to_align = [m for i in failed for m in protected[i].matches]
    to_align += [m for text, p in zip(first, protected, strict=True) if text[0] is not None for m in p.unmasked]
    surfaces = list(dict.fromkeys(match.text for match in to_align))
    extra = [protected[index].source for index in failed] + surfaces
    outputs = _checked_count(engine.translate_batch(extra, source, target), len(extra)) if extra else []
    plain = dict(zip(failed, outputs, strict=False))
    hints = dict(zip(surfaces, outputs[len(failed) :], strict=True))
    results = []
    for index, (p, (text, uses, problems)) in enumerate(zip(protected, first, strict=True)):
        if text is None:
            results.append(_fallback(p, plain[index], hints, problems))
            continue
        text, aligned = align_terms(text, p.unmasked, hints)
        results.append(_finish(p, text, uses + aligned, [], fallback=False))
    return results
