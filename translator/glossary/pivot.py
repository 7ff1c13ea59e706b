"""Glossaries of pairs without a file, made through English from the files that exist.

The shipped glossaries translate into English (`fr-en.po`, `ru-en.po`...). Translating French into German, or
English into Ukrainian, would otherwise apply none: no brand kept, no name spelled the target's way. A pair
S-T with no file of its own takes the terms its languages' files agree on through English:

- S-en and T-en (neither is English): a term of S-en whose English wording (its target; a kept term's own
  wording) is the target of a term of T-en becomes S-term -> T-term (`Dmitri Peskov` -> `Dmitri Peskow`,
  `Kremlin` -> `Kreml`); a kept term both keep stays kept (`Starlink`). A kept term T-en does not name stays
  kept where it is a product's or a programme's name (`Falcon 9`), or where T is written in Latin letters
  (`Xi Jinping` in German, not in Russian); any other term with no counterpart is left out: nothing says how T
  writes it.
- en-T: the terms of T-en read backwards (`Kremlin spokesman` -> `пресс-секретарь Кремля`), their English
  wording the source; the first of several T wordings of one English term is taken (files list the preferred
  first).

Forbidden wordings are English ones (what not to write in English) and are left out, as are entries marked
fuzzy. A term renders one fixed wording in every sentence, which is wrong where the sentence declines it: where
T declines nouns and names by case (Russian, Ukrainian, Polish...), only kept terms (brands, acronyms, the same
in every case) are put in; where it declines adjectives (German), titles are not (`russischer Präsident`,
`des russischen Präsidenten`). Such a term whose T-en entry lists its declined forms (`#. variants: Кремля |
Кремле`) is taken check-only: MT translates it, and the check looks for any of those forms in the translation
(`Kremlin` -> `в Кремле` passes, `Kremlin` left in English is flagged). See `languages.declension`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from translator.glossary.matching import Glossary
from translator.glossary.terms import FLAG_CASE_SENSITIVE, FLAG_CHECK_ONLY, FLAG_KEEP, GlossaryTerm
from translator.languages import declension, writes_latin

ENGLISH = "en"
BRANDS = frozenset({"product", "programme"})
"""Categories whose kept terms are kept in any language: products and programmes keep their names."""


def through_english(
    source_side: Glossary | None, target_side: Glossary | None, source: str, target: str
) -> Glossary | None:
    """The glossary of source-target made from source-en (`source_side`, unused when source is English) and
    target-en (`target_side`); None when they give no term (or a file is missing)."""
    if target_side is None or target == ENGLISH or source == target:
        return None
    if source == ENGLISH:
        terms = _inverted(target_side.terms, target)
    elif source_side is None:
        return None
    else:
        terms = _composed(source_side.terms, target_side.terms, target)
    return Glossary(terms, source, target) if terms else None


def _english_wording(term: GlossaryTerm) -> str:
    return term.target if term.kind == "preferred" else term.source


def _usable(term: GlossaryTerm) -> bool:
    return not term.fuzzy and term.kind != "forbidden" and bool(term.target)


def _by_english(terms: Iterable[GlossaryTerm]) -> dict[str, GlossaryTerm]:
    """The first usable term of each English wording (the form a file lists first is its preferred one)."""
    found: dict[str, GlossaryTerm] = {}
    for term in terms:
        if _usable(term):
            found.setdefault(_english_wording(term), term)
    return found


def _fixed_form_fits(term: GlossaryTerm, target: str) -> bool:
    """Whether one fixed wording of a term can stand in any sentence of the target language: a kept term (a
    brand, an acronym) always; else not where nouns and names decline by case, nor a title (an adjective and a
    noun) where adjectives do."""
    if term.kind == "keep":
        return True
    grammar = declension(target)
    return grammar == "none" or (grammar == "adjectives" and term.category != "title")


def _composed(
    source_terms: Iterable[GlossaryTerm], target_terms: Iterable[GlossaryTerm], target: str
) -> list[GlossaryTerm]:
    counterparts = _by_english(target_terms)
    terms: list[GlossaryTerm] = []
    for term in source_terms:
        if not _usable(term):
            continue
        other = counterparts.get(_english_wording(term))
        if other is None:
            if term.kind == "keep" and (term.category in BRANDS or writes_latin(target)):
                terms.append(term)  # kept in the source language and in English: a brand, a name in Latin letters
            continue
        kept = term.kind == "keep" and other.kind == "keep"
        composed = GlossaryTerm(
            source=term.source,
            target=term.source if kept else other.source,
            category=term.category or other.category,
            flags=(FLAG_KEEP,) * kept + (FLAG_CASE_SENSITIVE,) * term.case_sensitive,
            source_plural=term.source_plural,
            target_plural=None if kept else other.source_plural,
            variants=term.variants,
            plural_variants=term.plural_variants,
            target_variants=() if kept else _forms(other),
            notes=f"through English: {term.source} -> {_english_wording(term)} -> {other.source}",
        )
        if (fitting := _fitting(composed, target)) is not None:
            terms.append(fitting)
    return terms


def _inverted(target_terms: Iterable[GlossaryTerm], target: str) -> list[GlossaryTerm]:
    terms: list[GlossaryTerm] = []
    for english, term in _by_english(target_terms).items():
        kept = term.kind == "keep"
        inverted = GlossaryTerm(
            source=english,
            target=english if kept else term.source,
            category=term.category,
            flags=(FLAG_KEEP,) * kept + (FLAG_CASE_SENSITIVE,) * term.case_sensitive,
            source_plural=None if kept else term.target_plural,
            target_plural=None if kept else term.source_plural,
            target_variants=() if kept else _forms(term),
            notes=f"through English: the {term.source} -> {english} entry read backwards",
        )
        if (fitting := _fitting(inverted, target)) is not None:
            terms.append(fitting)
    return terms


def _forms(term: GlossaryTerm) -> tuple[str, ...]:
    """The other forms of a target-language term its X-en file lists as source variants (its declined forms)."""
    return tuple(dict.fromkeys(form for form in (*term.variants, *term.plural_variants) if form != term.source))


def _fitting(term: GlossaryTerm, target: str) -> GlossaryTerm | None:
    """The term as it can serve the target language: as it is where one fixed wording fits every sentence;
    check-only where the target declines it and its file lists the declined forms to look for; else none."""
    if _fixed_form_fits(term, target):
        return term
    if not term.target_variants:
        return None
    return replace(term, flags=(*term.flags, FLAG_CHECK_ONLY))
