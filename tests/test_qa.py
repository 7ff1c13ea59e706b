"""Every QA code, each shown by the code that raises it: the unit checks, the glossary's rules, the
pipeline, and applying a review. The table must cover `QA_CODES` exactly."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.fakes import FakeEngine
from translator.formats.po import apply_review, render_po
from translator.glossary import GlossaryStore
from translator.models import QA_CODES, Block, Post, QaCode, QaIssue, Thread, qa_code
from translator.pipeline import PipelineOptions, translate_blocks, translate_thread
from translator.qa import check_unit

SHIPPED = GlossaryStore()
FR_EN = SHIPPED.get("fr", "en")
TO_EN = PipelineOptions(target="en")


class ForgetfulEngine(FakeEngine):
    """Returns the same words whatever it is given: every placeholder is lost."""

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        super().translate_batch(sentences, source, target)
        return ["EN: something else" for _ in sentences]


def pipeline_issues(text: str, engine: FakeEngine | None = None, lang: str | None = "fr") -> list[QaIssue]:
    """The issues of one block translated by the pipeline with the shipped fr-en glossary."""
    block = Block("p1", "paragraph", text, lang=lang, lang_confidence=1.0 if lang else None)
    units, _ = translate_blocks([block], TO_EN, engine or FakeEngine(), SHIPPED.get)
    return list(units[0].issues)


def applied_issues(tmp_path: Path, change: Callable[[str], str]) -> list[QaIssue]:
    """The issues of the first block after applying its review file, changed by `change` (the other
    blocks keep the file recognisably made from the thread)."""
    texts = ["La fusée décolle.", "Le vol aura lieu en juin.", "Le ministre a confirmé la date."]
    blocks = tuple(
        Block(f"article.p{n}", "paragraph", text, lang="fr", lang_confidence=1.0) for n, text in enumerate(texts, 1)
    )
    thread = Thread("", None, (Post("article", "article", None, blocks=blocks),), "text")
    po = tmp_path / "review.po"
    po.write_text(change(render_po(translate_thread(thread, TO_EN, FakeEngine()))), encoding="utf-8")
    return list(apply_review(po, thread).units[0].issues)


CASES: list[tuple[QaCode, Callable[[Path], list[QaIssue]]]] = [
    # A source with text and a translation without any.
    ("empty", lambda _: check_unit("La fusée décolle demain.", "")),
    # A number changed on the way.
    ("numbers", lambda _: check_unit("Il a lancé 3 fusées.", "He launched 4 rockets.")),
    # A link the translation dropped.
    ("lost-token", lambda _: check_unit("Voir https://example.org/launch pour tout.", "See the page for all.")),
    # The source came back unchanged.
    ("untranslated", lambda _: check_unit("La fusée décolle demain matin.", "La fusée décolle demain matin.")),
    # Far shorter than a source long enough to judge.
    ("length", lambda _: check_unit("Le lancement de la fusée est reporté à juin.", "Delayed.")),
    # A decoding loop the source does not have.
    ("repetition", lambda _: check_unit("La fusée décolle.", "The the the the rocket takes off.")),
    # A glossary term left in another wording.
    ("missing-term", lambda _: check_unit("Vladimir Poutine parle.", "Vladimir Poutine speaks.", FR_EN)),
    # A wording the glossary forbids.
    ("forbidden-term", lambda _: check_unit("Kiev est loin.", "Kiev is far away.", FR_EN)),
    # A do-not-translate term changed.
    ("not-kept", lambda _: check_unit("Elon Musk parle.", "Elon Muske speaks.", FR_EN)),
    # Placeholders lost by the engine: the terms needed the fallback (and could not be placed).
    ("glossary-fallback", lambda _: pipeline_issues("Vladimir Poutine parle.", ForgetfulEngine())),
    # A pair without a model: left untranslated.
    ("no-model", lambda _: pipeline_issues("Vladimir Poutine parle.", FakeEngine(pairs=frozenset()))),
    # A block with no language: copied as is.
    ("no-language", lambda _: pipeline_issues("https://example.org/x", lang="und")),
    # A block the reviewed file has no entry for.
    ("not-reviewed", lambda tmp: applied_issues(tmp, lambda po: po.replace('msgctxt "article.p1"', 'msgctxt "x"'))),
    # A block whose text changed since the review file was made.
    ("source-changed", lambda tmp: applied_issues(tmp, lambda po: po.replace("décolle.", "décollera."))),
]


@pytest.mark.parametrize(("code", "produce"), CASES, ids=[code for code, _ in CASES])
def test_each_code_is_raised_where_it_belongs(
    code: QaCode, produce: Callable[[Path], list[QaIssue]], tmp_path: Path
) -> None:
    issues = produce(tmp_path)
    assert code in [issue.code for issue in issues]
    assert all(issue.message.strip() and "\n" not in issue.message for issue in issues)


def test_the_table_covers_every_code() -> None:
    assert sorted(code for code, _ in CASES) == sorted(QA_CODES)
    assert len(set(QA_CODES)) == len(QA_CODES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("missing-term", "missing-term"),  # a code as files spell it
        ("Missing-Term", None),  # codes are exact
        ("?", None),  # what an old reader wrote for a missing code
        ("", None),  # nothing
    ],
)
def test_codes_read_back_from_files(text: str, expected: QaCode | None) -> None:
    assert qa_code(text) == expected


def test_a_faithful_translation_has_no_issue() -> None:
    assert check_unit("Vladimir Poutine a lancé 3 fusées.", "Vladimir Putin launched 3 rockets.", FR_EN) == []
