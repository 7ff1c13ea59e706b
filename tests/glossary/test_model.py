"""The glossary through a real model: protect, translate with the bundled French-English demo package, restore."""

from __future__ import annotations

from translator.engine import build_engine
from translator.engine.store import BUNDLED_DIR
from translator.glossary import GlossaryStore, check_terms, translate_with_glossary

DEMO_MODEL = BUNDLED_DIR / "translate-fr_en-demo.argosmodel"

# Sentences inside the demo model's grammar ("X a parlé de/avec Y"): outside it the tiny model writes
# nonsense whatever the glossary does.
SENTENCES = [
    "Vladimir Poutine a parlé avec SpaceX.",
    "Le porte-parole du Kremlin a parlé de Starlink.",
    "Le président russe a parlé de Sébastopol.",
]


def test_glossary_terms_survive_the_demo_model() -> None:
    assert DEMO_MODEL.is_file(), f"the demo model is missing at {DEMO_MODEL}: it is built by the demo model training"
    glossary = GlossaryStore().get("fr", "en")
    assert glossary is not None
    results = translate_with_glossary(SENTENCES, "fr", "en", build_engine(), glossary)
    for sentence, result in zip(SENTENCES, results, strict=True):
        assert result.usable
        assert "⟦" not in result.text and "⟧" not in result.text, result.text
        assert all(use.placed for use in result.terms), result
        assert check_terms(sentence, result.text, glossary) == [], result.text
    # The demo model is trained to copy the placeholder form: the first sentence needs no fallback.
    first = results[0]
    assert not first.fallback, first.problems
    assert "Vladimir Putin" in first.text and "SpaceX" in first.text
