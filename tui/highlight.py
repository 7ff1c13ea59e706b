"""Glossary highlighting of a source/translation pair as rich Text: present, missing, forbidden, kept.

Thread text is data: it only ever goes into `Text` objects (never markup), with control characters
made visible first, so `[bold]` or an ANSI escape shows as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rich.text import Text

from translator.display import visible
from translator.glossary import Glossary, TermMatch, check_terms, render_term

STYLES = {
    "present": "bold green",
    "missing": "bold red underline",
    "forbidden": "bold white on red",
    "kept": "bold cyan",
}
"""The style of each term state (readable on light and dark themes)."""
LEGEND = (("present", "term ok"), ("missing", "missing"), ("forbidden", "forbidden"), ("kept", "kept"))


@dataclass(frozen=True, slots=True)
class TermHit:
    """A glossary term of the current block, numbered for insertion."""

    match: TermMatch
    """Where it is in the source."""
    rendering: str
    """What the translation should say."""
    state: str
    """`present`, `missing` or `kept`."""


def term_hits(source: str, target: str, glossary: Glossary | None) -> list[TermHit]:
    """The terms found in a source with their state in the translation."""
    if glossary is None:
        return []
    missing = {issue.offset for issue in check_terms(source, target, glossary) if issue.code != "forbidden-term"}
    hits = []
    for match in glossary.find_terms(source):
        kept = "kept" if match.term.kind == "keep" else "present"
        state = "missing" if match.start in missing else kept
        hits.append(TermHit(match, render_term(match), state))
    return hits


def numbered_terms(hits: list[TermHit]) -> list[TermHit]:
    """The terms to number in the panel: one per term and rendering however often it occurs (missing when any
    occurrence is), so a name said five times takes one number, not five of the ten."""
    merged: dict[tuple[str, str], TermHit] = {}
    for hit in hits:
        key = (hit.match.term.source, hit.rendering)
        if key not in merged:
            merged[key] = hit
        elif hit.state == "missing":
            merged[key] = replace(merged[key], state="missing")
    return list(merged.values())


def legend() -> Text:
    """One short line naming each colour of a glossary term (fits the panel at 80 columns)."""
    text = Text()
    for state, label in LEGEND:
        text.append(f" {label} ", style=STYLES[state])
        text.append(" ")
    return text


def source_text(source: str, hits: list[TermHit]) -> Text:
    """The source with its terms coloured by state."""
    text = Text(visible(source))
    if visible(source) != source:
        return text  # offsets no longer line up; plain text is still correct
    for hit in hits:
        text.stylize(STYLES[hit.state], hit.match.start, hit.match.end)
    return text


def target_text(target: str, hits: list[TermHit], glossary: Glossary | None) -> Text:
    """The translation with present/kept terms and forbidden wordings coloured."""
    shown = visible(target)
    text = Text(shown)
    if glossary is None or shown != target:
        return text
    # Each rendering is looked for once, however often its term occurs (one pass per occurrence was
    # quadratic in a long comment naming a term on every line).
    # A term's other target forms too: a check-only term is in the translation as the sentence declines it.
    wanted = {
        form.casefold(): (form, hit)
        for hit in hits
        if hit.state != "missing"
        for form in (hit.rendering, *hit.match.term.target_forms())
        if form
    }
    for form, hit in wanted.values():
        for found in re.finditer(re.escape(form), target, re.IGNORECASE):
            text.stylize(STYLES[hit.state], found.start(), found.end())
    for _term, wording, offset in glossary.find_forbidden(target):
        text.stylize(STYLES["forbidden"], offset, offset + len(wording))
    return text
