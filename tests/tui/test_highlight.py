"""Glossary highlighting in the review app: each term's state, and where the translation shows it."""

from __future__ import annotations

from translator.glossary import Glossary, GlossaryTerm
from tui.highlight import STYLES, target_text, term_hits

GLOSSARY = Glossary(
    [
        GlossaryTerm("Kremlin", "Кремль", "organisation", ("check-only",), target_variants=("Кремля", "Кремле")),
        GlossaryTerm("Starlink", "Starlink", "product", ("keep",)),
    ],
    "en",
    "ru",
)


def styled(text_spans: list[tuple[int, int, str]], text: str) -> set[tuple[str, str]]:
    return {(text[start:end], style) for start, end, style in text_spans}


def test_a_declined_form_of_a_check_only_term_is_shown_present() -> None:
    source, target = "The Kremlin discussed Starlink.", "В Кремле обсуждали Starlink."
    hits = term_hits(source, target, GLOSSARY)
    assert [(hit.match.text, hit.state) for hit in hits] == [("Kremlin", "present"), ("Starlink", "kept")]
    shown = target_text(target, hits, GLOSSARY)
    spans = [(span.start, span.end, str(span.style)) for span in shown.spans]
    assert styled(spans, target) == {("Кремле", STYLES["present"]), ("Starlink", STYLES["kept"])}


def test_a_check_only_term_none_of_whose_forms_is_there_is_missing() -> None:
    hits = term_hits("The Kremlin discussed it.", "В Kremlin обсуждали это.", GLOSSARY)
    assert [(hit.match.text, hit.state) for hit in hits] == [("Kremlin", "missing")]
