"""The server's door into the core, on the bundled demo models: per-paragraph languages, glossary terms,
one engine call per pair for a whole batch of requests, and one bad job failing alone."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pytest

from translator.engine import Engine
from translator.errors import EngineError, TranslatorError
from translator.jobs import JobSettings
from translator.models import Block, Post, Thread, TranslatedThread
from translator.server.adapter import CoreAdapter, LanguageInfo, Paragraph, TextJob, ThreadJob

FRENCH = "Le ministre annonce le lancement de la fusée."
ENGLISH = "The rocket is ready for the launch."
GERMAN = "Der Minister kündigt den Start der Rakete an."


@dataclass
class Recording:
    """The real engine, with its calls remembered; a sentence holding BOOM fails its call."""

    engine: Engine
    calls: list[tuple[str, str, int]] = field(default_factory=list)

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append((source, target, len(sentences)))
        if any("BOOM" in sentence for sentence in sentences):
            raise EngineError("the model failed")
        return self.engine.translate_batch(sentences, source, target)

    def model_id(self, source: str, target: str) -> str:
        return self.engine.model_id(source, target)


@pytest.fixture(scope="module")
def adapter(tmp_path_factory: pytest.TempPathFactory) -> CoreAdapter:
    memory = tmp_path_factory.mktemp("memory") / "memory.sqlite"
    return CoreAdapter(JobSettings(target="en", memory=str(memory), use_memory=False))


@pytest.fixture
def recording(adapter: CoreAdapter) -> Iterator[Recording]:
    real = adapter.toolkit.engine
    recording = Recording(real)
    adapter.toolkit.engine = recording
    yield recording
    adapter.toolkit.engine = real


def test_each_paragraph_is_translated_from_its_own_language(adapter: CoreAdapter, recording: Recording) -> None:
    [result] = adapter.run([TextJob(((FRENCH, ENGLISH, GERMAN),), None, "en")])
    assert isinstance(result, list)
    [paragraphs] = result
    assert [(p.lang, p.translated) for p in paragraphs] == [("fr", True), ("en", False), ("de", True)]
    assert paragraphs[0].text == "The minister announces the launch of the rocket."
    assert paragraphs[1].text == ENGLISH
    assert paragraphs[2].text == "The minister announces the launch of the rocket."
    assert all(p.confidence > 0.9 for p in paragraphs)


def test_a_forced_source_is_not_detected_and_glossary_terms_come_as_pairs(adapter: CoreAdapter) -> None:
    [result] = adapter.run([TextJob((("SpaceX annonce le lancement de la fusée.",),), "fr", "en")])
    assert result == [
        [
            Paragraph(
                "SpaceX announces the launch of the rocket.", "fr", 1.0, terms=(("SpaceX", "SpaceX"),), translated=True
            )
        ]
    ]


def test_jobs_with_one_target_share_one_engine_call_per_pair(adapter: CoreAdapter, recording: Recording) -> None:
    thread = Thread(
        "", None, (Post("c1", "comment", None, blocks=(Block("c1.p1", "paragraph", "La fusée décolle."),)),), "json"
    )
    outcomes = adapter.run(
        [
            TextJob((("Le satellite est prêt.",), ("Le ministre parle.",)), None, "en"),
            TextJob((("Le lanceur est prêt.",),), "fr", "en"),
            ThreadJob(thread, None, "en"),
            TextJob((("Le lanceur est prêt.",),), "fr", "de"),
        ]
    )
    # fr->en once for the four texts of the three jobs into English, fr->de once for the fourth
    assert recording.calls == [("fr", "en", 4), ("fr", "de", 1)]
    assert isinstance(outcomes[2], TranslatedThread)
    assert outcomes[2].units[0].target == "The rocket takes off."


def test_a_failing_job_does_not_fail_the_others(adapter: CoreAdapter, recording: Recording) -> None:
    outcomes = adapter.run(
        [TextJob((("Le satellite est prêt.",),), "fr", "en"), TextJob((("BOOM fusée.",),), "fr", "en")]
    )
    assert isinstance(outcomes[0], list) and outcomes[0][0][0].text
    assert isinstance(outcomes[1], TranslatorError)


def test_languages_list_direct_and_pivot_targets(adapter: CoreAdapter) -> None:
    assert adapter.languages() == [
        LanguageInfo("de", ("en",)),
        LanguageInfo("en", ("de",)),
        LanguageInfo("fr", ("de", "en")),
    ]
    assert adapter.pair_error("fr", "de") is None
    assert isinstance(adapter.pair_error("en", "fr"), EngineError)


def test_detect_reads_each_paragraph_in_context(adapter: CoreAdapter) -> None:
    found = adapter.detect([FRENCH, ENGLISH, "42"])
    assert [(item.lang, item.letters) for item in found] == [("fr", len(FRENCH)), ("en", len(ENGLISH)), ("und", 2)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Danke!", "de"),  # a short reply alone, without context (the statistics said Danish)
        ("Merci", "fr"),  # Spanish
        ("Hello", "en"),  # Finnish
    ],
)
def test_a_short_text_alone_is_detected_in_its_language(adapter: CoreAdapter, text: str, lang: str) -> None:
    [found] = adapter.detect([text])
    assert found.lang == lang
    [result] = adapter.run([TextJob(((text,),), None, "en")])
    assert isinstance(result, list)
    assert [paragraph.lang for paragraph in result[0]] == [lang]


def test_a_language_neutral_short_text_is_a_low_confidence_installed_language(adapter: CoreAdapter) -> None:
    [found] = adapter.detect(["lol"])
    assert found.lang in {"de", "en", "fr"} and found.confidence < 0.6


def test_memory_is_the_cli_default_when_none_is_given() -> None:
    from translator.memory.store import default_memory_path

    adapter = CoreAdapter(JobSettings(target="en"))
    assert adapter.toolkit.memory is not None and adapter.toolkit.memory.path == default_memory_path()
