"""QA of a translation against the glossary: each term rendered as it says, no forbidden wording, kept terms kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from translator.glossary.align import WordingSearch, accepted_wordings
from translator.glossary.matching import Glossary, render_term
from translator.glossary.terms import GlossaryTerm

TermIssueCode = Literal["missing-term", "forbidden-term", "not-kept"]
MAX_FORMS_SHOWN = 3
"""Target variants a message names (a declined name has a dozen)."""


@dataclass(frozen=True, slots=True)
class TermIssue:
    """A glossary rule a translation breaks."""

    code: TermIssueCode
    """`missing-term` (preferred target absent), `forbidden-term` (forbidden wording present) or
    `not-kept` (a do-not-translate term was changed)."""
    term: GlossaryTerm
    """The entry concerned."""
    message: str
    """One line for a reviewer."""
    offset: int = 0
    """Where in the source (missing, not kept) or the target (forbidden) the problem is."""


def check_terms(source_text: str, target_text: str, glossary: Glossary) -> list[TermIssue]:
    """QA of one translated unit: each source term rendered as the glossary says (once per occurrence),
    no forbidden wording, do-not-translate terms kept. Linear in the text (see align.WordingSearch)."""
    issues: list[TermIssue] = []
    search = WordingSearch(target_text)
    matches = glossary.find_terms(source_text)
    # Longer renderings first, so "Vladimir Putin" is not counted as the "Putin" of another term.
    for match in sorted(matches, key=lambda m: (-len(render_term(m)), m.start)):
        term = match.term
        rendering = render_term(match)
        place = search.first_of(accepted_wordings(match), term.case_sensitive and term.kind == "keep")
        if place is not None:
            search.take(place)
            continue
        if term.kind == "keep":
            message = f"{match.text!r} must be kept as is (do not translate)"
            issues.append(TermIssue("not-kept", term, message, match.start))
        else:
            others = [form for form in term.target_variants if form != rendering]
            more = "..." if len(others) > MAX_FORMS_SHOWN else ""
            forms = f" or a form of it ({', '.join(others[:MAX_FORMS_SHOWN])}{more})" if others else ""
            message = f"{match.text!r} should be rendered {rendering!r}{forms}"
            issues.append(TermIssue("missing-term", term, message, match.start))
    for term, wording, offset in glossary.find_forbidden(target_text):
        better = term.target if term.kind != "forbidden" else term.target or ""
        advice = f"; write {better!r}" if better and better != wording else ""
        issues.append(TermIssue("forbidden-term", term, f"{wording!r} is a forbidden wording{advice}", offset))
    return issues
