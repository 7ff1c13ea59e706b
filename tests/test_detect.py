"""Language detection: short, mixed, quoted and language-less text, context priors, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from translator.detect.detector import (
    LOW_CONFIDENCE,
    URL,
    ContextSums,
    LanguageDetector,
    detect_languages,
    set_languages,
)
from translator.errors import DetectionError
from translator.models import UNDETERMINED, Thread
from translator.readers import read_thread
from translator.readers.text import read_text

MIXED = REPO / "tests" / "data" / "mixed-thread.txt"


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La fusée a décollé ce matin depuis la base de Kourou.", "fr"),  # plain French sentence
        ("The rocket lifted off this morning from the launch site.", "en"),  # English
        ("Die Rakete ist heute Morgen vom Startplatz abgehoben.", "de"),  # German
        ("Ракета стартовала сегодня утром с космодрома.", "ru"),  # Russian
        ("Ракета стартувала сьогодні вранці з космодрому.", "uk"),  # Ukrainian, close to Russian
        ("Raketten lettet fra oppskytningsbasen i morges.", "nb"),  # langdetect says `no`; Argos says `nb`
        ("Ο πύραυλος απογειώθηκε σήμερα το πρωί.", "el"),  # another script
        ("火箭今天早上从发射场升空。", "zh"),  # a script outside the candidates still gets an answer
        # Forum BBCode around words is markup, not code: the comment is French to translate (it was `und`).
        ("Je suis [b]totalement[/b] d'accord avec [i]vous[/i], la fusée est prête.", "fr"),
        ("Le lancement de la fusée a eu lieu [url=https://x.org/a]mardi[/url] matin.", "fr"),
    ],
)
def test_clear_sentences(detector: LanguageDetector, text: str, lang: str) -> None:
    detection = detector.detect_text(text)
    assert (detection.lang, detection.source) == (lang, "detected")
    assert detection.confidence >= 0.6


@pytest.mark.parametrize(
    "text",
    [
        "https://www.developpez.com/actu/12345/",  # URL only
        "/uploads/default/p.jpeg",  # a site's own path (a forum's picture)
        "/r/france",
        "😀 👍 🚀",  # emoji only
        "42 000 — 12,5 %",  # numbers and punctuation
        "+1",  # a vote
        "Elon Musk",  # a name alone
        "NASA",  # an acronym alone
        "@Jon_Shannow #Starlink",  # mention and hashtag
        "for (int i = 0; i < n; i++) { total += x[i]; }",  # code
        "",  # nothing at all
    ],
)
def test_text_without_language_is_undetermined(detector: LanguageDetector, text: str) -> None:
    assert detector.detect_text(text).lang == UNDETERMINED


@pytest.mark.parametrize(
    ("short", "thread_texts", "lang"),
    [
        # One-word replies lean to the thread's language.
        ("Exactement !", ["Je suis tout à fait d'accord avec cette analyse de la situation actuelle."], "fr"),
        ("Merci", ["Merci pour cet article très complet sur la mission et ses objectifs."] * 2, "fr"),
        ("Genau.", ["Ich finde diesen Artikel sehr gut geschrieben und interessant."], "de"),
        ("Так!", ["Дякую за статтю, дуже цікаво читати про космічні місії."], "uk"),  # "yes" in both
        ("Так!", ["Спасибо за статью, очень интересно читать о космических миссиях."], "ru"),  # uk and ru
    ],
)
def test_short_text_takes_its_thread_language(
    detector: LanguageDetector, short: str, thread_texts: list[str], lang: str
) -> None:
    detections = detector.detect_group([short, *thread_texts])
    assert detections[0].lang == lang
    assert all(d.lang == lang for d in detections[1:])


@pytest.fixture(scope="module")
def installed_detector() -> LanguageDetector:
    """The default candidates, with models installed for German, English and French (the bundled demo's)."""
    return LanguageDetector(installed={"de", "en", "fr"})


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hello", "en"),  # the statistics alone said Finnish
        ("Yes", "en"),  # Turkish
        ("Merci", "fr"),  # Spanish
        ("Danke!", "de"),  # Danish
        ("Oui.", "fr"),  # too few letters for n-grams
        ("Ja", "de"),  # langid.py scores every language -FLT_MAX: its flat vote once made any language a tie
        ("No", "en"),  # the same
        ("Thank you", "en"),  # a two-word reply
        ("Gracias", "es"),  # clearly Spanish: it keeps its language although no Spanish model is installed
        ("Grazie!", "it"),  # the same for Italian
    ],
)
def test_short_reply_alone_is_its_language(installed_detector: LanguageDetector, text: str, lang: str) -> None:
    detection = installed_detector.detect_text(text)
    assert (detection.lang, detection.source) == (lang, "detected")
    assert detection.confidence >= LOW_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        "ok",  # used alike in every language: its n-grams said Czech
        "lol",  # Finnish
        "Super",  # said French; fine, but only by chance
        "Bravo !",  # Italian
    ],
)
def test_short_text_without_context_is_an_honest_guess_among_installed_languages(
    installed_detector: LanguageDetector, text: str
) -> None:
    detection = installed_detector.detect_text(text)
    assert detection.lang in {"de", "en", "fr"}
    assert detection.confidence < LOW_CONFIDENCE
    assert detection.source == "detected"


@pytest.mark.parametrize(
    ("short", "thread_texts", "lang"),
    [
        # Spanish context wins over the lean to installed languages (no Spanish model is installed).
        ("ok", ["Estoy totalmente de acuerdo con este artículo sobre la misión espacial."], "es"),
        ("lol", ["Questo articolo sulla missione spaziale è davvero molto interessante."], "it"),
        # A one-comment thread: the article's title and text are the context.
        ("Super", ["Der Start der Rakete wurde heute Morgen erneut verschoben."], "de"),
    ],
)
def test_context_beats_the_lean_to_installed_languages(
    installed_detector: LanguageDetector, short: str, thread_texts: list[str], lang: str
) -> None:
    detections = installed_detector.detect_group([short, *thread_texts])
    assert detections[0].lang == lang


def test_a_thread_of_one_short_comment_is_detected_in_its_language(installed_detector: LanguageDetector) -> None:
    [thread] = read_text("Danke!").threads
    [block] = [block for _, block in detect_languages(thread, installed_detector).blocks()]
    assert (block.lang, block.lang_source) == ("de", "detected")


def test_preferred_languages_are_the_installed_ones_unless_candidates_are_given() -> None:
    assert LanguageDetector(installed={"fr", "en", "xx"}).preferred == ("en", "fr")
    given = LanguageDetector(["fr", "en", "de"])
    assert given.preferred == ()
    # Without a lean, a language-neutral word is still a low-confidence answer among the candidates.
    detection = given.detect_text("ok")
    assert detection.lang in {"fr", "en", "de"} and detection.confidence < LOW_CONFIDENCE


def test_short_answers_do_not_depend_on_langdetects_seed(installed_detector: LanguageDetector) -> None:
    from langdetect import DetectorFactory

    texts = ["Hello", "ok", "Merci", "lol", "Danke!", "Bravo !"]
    before = [installed_detector.detect_text(text) for text in texts]
    saved = DetectorFactory.seed
    try:
        for seed in (None, 1, 12345):
            DetectorFactory.seed = seed
            assert [installed_detector.detect_text(text) for text in texts] == before
    finally:
        DetectorFactory.seed = saved


def test_long_block_in_another_language_keeps_its_own(detector: LanguageDetector) -> None:
    french = ["Je pense que cette décision est une erreur stratégique pour l'Europe et ses partenaires."] * 4
    english = "I disagree entirely: this decision was the only sensible option given the budget constraints we face."
    detections = detector.detect_group([*french, english])
    assert detections[-1].lang == "en"
    assert detections[-1].source == "detected"


def test_restricted_candidates(detector: LanguageDetector) -> None:
    only = LanguageDetector(["fr", "en"])
    assert only.candidates == ("fr", "en")
    assert only.detect_text("Die Rakete ist gut, aber Europa braucht mehr Satelliten.").lang in {"fr", "en"}


def test_unknown_candidate_is_refused() -> None:
    with pytest.raises(DetectionError, match="cannot detect xx"):
        LanguageDetector(["fr", "xx"])


@pytest.fixture(scope="module")
def sample_thread(sample_path: Path, detector: LanguageDetector) -> Thread:
    return detect_languages(read_thread(sample_path).thread, detector)


def test_real_sample_is_all_french(sample_thread: Thread) -> None:
    others = [(b.id, b.lang, b.text) for _, b in sample_thread.blocks() if b.lang not in ("fr", UNDETERMINED)]
    assert others == []
    assert sample_thread.lang == "fr"
    assert {post.lang for post in sample_thread.posts} == {"fr"}
    assert all(b.lang_confidence is not None and 0 <= b.lang_confidence <= 1 for _, b in sample_thread.blocks())
    assert all(b.lang_source in ("detected", "context") for _, b in sample_thread.blocks())


def test_mixed_thread(detector: LanguageDetector) -> None:
    thread = detect_languages(read_thread(MIXED).thread, detector)
    languages = {post.id: post.lang for post in thread.posts}
    assert languages == {"article": "fr", "c1": "en", "c2": "de", "c3": "ru", "c4": "uk", "c5": "fr"}
    blocks = {block.id: block for _, block in thread.blocks()}
    assert blocks["c2.q1"].lang == "en"  # an English quote inside a German reply stays English
    assert blocks["c4.q1"].lang == "ru"  # a Russian quote inside a Ukrainian reply stays Russian
    assert blocks["c5.p1"].lang == "fr"  # "Exactement !" takes its thread's language
    assert blocks["c5.p2"].lang == UNDETERMINED  # a bare URL
    assert thread.lang == "fr"


def test_manual_language_is_kept_and_guides_neighbours(detector: LanguageDetector) -> None:
    [thread] = read_text("Ja.\n\nNein.\n\nDoch.").threads
    manual = set_languages(thread, {"article.p1": "de"})
    detected = detect_languages(manual, detector)
    first = detected.posts[0].blocks[0]
    assert (first.lang, first.lang_confidence, first.lang_source) == ("de", 1.0, "manual")


def test_manual_language_survives_a_second_detection(detector: LanguageDetector) -> None:
    thread = set_languages(read_text("The launch was a great success for everyone.").threads[0], {"article.p1": "fr"})
    twice = detect_languages(detect_languages(thread, detector), detector)
    assert twice.posts[0].blocks[0].lang == "fr"


def test_override_of_unknown_block_is_refused() -> None:
    with pytest.raises(DetectionError, match=r"no block c9\.p9"):
        set_languages(read_text("Texte.").threads[0], {"c9.p9": "fr"})


def test_confidence_means_something_on_the_mixed_thread(detector: LanguageDetector) -> None:
    thread = detect_languages(read_thread(MIXED).thread, detector)
    expected = {"article": "fr", "c1": "en", "c2": "de", "c3": "ru", "c4": "uk", "c5": "fr"}
    for post, block in thread.blocks():
        if block.kind != "quote" and block.lang != UNDETERMINED and (block.lang_confidence or 0) >= 0.9:
            assert block.lang == expected[post.id], block.id


def test_same_answers_across_processes() -> None:
    code = (
        "import json, sys; from translator.detect.detector import detect_languages;"
        "from translator.readers import read_thread;"
        f"t = detect_languages(read_thread({str(MIXED)!r}).thread);"
        "print(json.dumps([(b.id, b.lang, b.lang_confidence) for _, b in t.blocks()]))"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True) for _ in range(2)]
    first, second = (json.loads(run.stdout) for run in runs)
    assert first == second
    in_process = detect_languages(read_thread(MIXED).thread)
    assert [[b.id, b.lang, b.lang_confidence] for _, b in in_process.blocks()] == first


members = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),  # the group
        st.one_of(  # the distribution: none, of the candidates, or of another size (another script)
            st.none(),
            st.lists(st.floats(0, 1), min_size=3, max_size=3).map(np.array),
            st.lists(st.floats(0, 1), min_size=5, max_size=5).map(np.array),
        ),
        st.sampled_from([0.0, 0.01, 0.5, 1.0]),  # the weight
    ),
    max_size=12,
)


@settings(max_examples=80)
@given(members)
def test_context_sums_equal_the_sum_of_the_others(items: list[tuple[str, Any, float]]) -> None:
    sums = ContextSums(3, *zip(*items, strict=True)) if items else ContextSums(3)
    for index, (group, posterior, weight) in enumerate(items):
        others = [
            (w, p)
            for i, (g, p, w) in enumerate(items)
            if i != index and g == group and p is not None and len(p) == 3 and w > 0
        ]
        context = sums.around(group, posterior, weight)
        if not others:
            assert context is None
            continue
        assert context is not None
        assert context.mass == pytest.approx(sum(w for w, _ in others))
        assert np.allclose(context.total, sum(w * p for w, p in others), atol=1e-9)
        assert (context.total >= 0).all()


langdetect_input = st.lists(
    st.one_of(
        # Scripts, cases and marks langdetect treats apart, the ASCII between Z and a, links, spaces.
        st.sampled_from(list("aAbBéÉ  .,'-ÇçЖжЫыїΩω中文ひカ한ﾀ\u0219\u021b\u1ea1\u0301[]^_`")),
        st.sampled_from(["http://x.org/a ", "a.b@c.de ", "   ", "ỆT"]),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(langdetect_input)
def test_ngram_rows_are_langdetects(text: str) -> None:
    from translator.detect.detector import _Profiles

    profiles = _Profiles.get()
    detector = profiles.factory.create()
    detector.append(text)
    detector.cleaning_text()
    expected = [profiles.row_of[gram] for gram in detector._extract_ngrams() if gram in profiles.row_of]
    assert profiles.clean(text) == detector.text
    assert profiles.rows(profiles.clean(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le lanceur a décollé ce matin depuis la base de Kourou.",  # French
        "Die Rakete ist heute Morgen gestartet.",  # German
        "Rakieta wystartowała dziś rano.",  # Polish, not among the candidates below
        "ok",  # too little text to say much
    ],
)
def test_the_second_model_scores_the_candidates_as_among_all_its_languages(text: str) -> None:
    from translator.detect.detector import _langid_among, _langid_identifier

    candidates = ("de", "en", "es", "fr")
    among_all = dict(_langid_identifier().rank(text))
    among_candidates = dict(_langid_among(candidates).rank(text))
    assert set(among_candidates) == set(candidates)
    for code in candidates:
        assert among_candidates[code] == pytest.approx(among_all[code], rel=1e-5)


def test_a_program_has_no_language_and_does_not_sway_its_post() -> None:
    from translator.models import Block, Post

    french_code = [f'log("le lanceur numéro {n} a décollé ce matin depuis la base de Kourou")' for n in range(6)]
    blocks = (
        Block("c1.p1", "paragraph", "It works"),
        *(Block(f"c1.code{n}", "code", text) for n, text in enumerate(french_code, start=1)),
    )
    thread = Thread("", None, (Post("c1", "comment", None, blocks=blocks),), "html")
    detected = detect_languages(thread, LanguageDetector(installed={"en", "fr"}))
    [post] = detected.posts
    assert {(block.lang, block.lang_confidence) for block in post.blocks if block.kind == "code"} == {("und", 1.0)}
    assert post.blocks[0].lang == "en" and post.lang == "en"


@pytest.mark.parametrize(
    ("text", "left"),
    [
        # what detection does not judge a language by: addresses, links, handles, a site's paths
        ("Voir (jean@x.fr) et a@b@c.com, mail:z@y.org", "Voir ) et , "),
        ("@bob #tag /r/france https://a.b/c www.x.org fin", "     fin"),
    ],
)
def test_links_and_addresses_are_left_out_of_detection(text: str, left: str) -> None:
    assert URL.sub("", text) == left


def test_a_word_full_of_at_signs_is_searched_in_linear_time() -> None:
    # The address pattern could start anywhere and take any @ of the word as its own: 4,000 characters of
    # `x@` took 20 s (the cube of the length), for every block of a hostile thread cut to 600 characters.
    started = time.perf_counter()
    URL.sub("", "x@" * 2000 + " " + "y" * 100_000)
    assert time.perf_counter() - started < 2
