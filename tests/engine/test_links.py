"""The link guard around fake engines: links masked in the form the model keeps, put back, verified, retried
unmasked in one call; for a model that keeps no placeholder, only the text between links translated."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fakes import FakeEngine, RewritingEngine
from translator.engine import LinkGuard
from translator.engine.links import join_around_links, mask_links, text_around_links, unmask_links
from translator.engine.probe import CANDIDATE_STYLES, ProbeMemory, probe_sentences
from translator.errors import EngineError
from translator.placeholders import DEFAULT_STYLE

MASKING = [
    # a URL and an e-mail address, trailing punctuation left in the sentence
    (
        "Voir https://exemple.org/a?b=1. Ou a.b@c.org!",
        "Voir ⟦T1⟧. Ou ⟦T2⟧!",
        {1: "https://exemple.org/a?b=1", 2: "a.b@c.org"},
    ),
    # numbered above the glossary's placeholders already in the sentence
    ("⟦T1⟧ sur www.spacex.com", "⟦T1⟧ sur ⟦T2⟧", {2: "www.spacex.com"}),
    # an emoji shortcode no character stood for (a site's own): masked like a link; a time is no shortcode
    ("Bravo :party_parrot: à 10:30:00", "Bravo ⟦T1⟧ à 10:30:00", {1: ":party_parrot:"}),
    # an address after a second @ starts after it; one inside a longer run of name characters is whole
    ("Écrire à a@b@c.org ou x.y+z@d.fr.", "Écrire à a@⟦T1⟧ ou ⟦T2⟧.", {1: "b@c.org", 2: "x.y+z@d.fr"}),
    # no link: unchanged
    ("Rien ici.", "Rien ici.", {}),
    # no free number left for every link: unchanged (the model sees the links themselves)
    ("⟦T20⟧ https://a.org", "⟦T20⟧ https://a.org", {}),
]


@pytest.mark.parametrize(("sentence", "masked", "links"), MASKING)
def test_mask_links(sentence: str, masked: str, links: dict[int, str]) -> None:
    assert mask_links(sentence) == (masked, links)


UNMASKING = [
    # back in place, the glossary's placeholder left for the glossary
    ("⟦T1⟧ on ⟦T2⟧", "⟦T1⟧ on www.spacex.com"),
    # lost
    ("⟦T1⟧ on the site", None),
    # doubled
    ("⟦T2⟧ ⟦T1⟧ on ⟦T2⟧", None),
    # bent
    ("⟦T1⟧ on ⟦ T2 ⟧", None),
]


@pytest.mark.parametrize(("translated", "restored"), UNMASKING)
def test_unmask_links(translated: str, restored: str | None) -> None:
    assert unmask_links(translated, {2: "www.spacex.com"}) == restored


def test_lost_placeholders_are_translated_again_unmasked_in_one_call() -> None:
    # the model keeps placeholders (the probe passes) but loses the one after "Lien"
    inner = RewritingEngine({"Lien ⟦T1⟧": "Link", "Voir": "See"})
    guard = LinkGuard(inner)
    sentences = ["Lien https://a.org/x", "Voir ceci", "Voir www.b.org", "Lien www.c.org"]
    assert guard.translate_batch(sentences, "fr", "en") == [
        "Lien https://a.org/x",
        "See ceci",
        "See www.b.org",
        "Lien www.c.org",
    ]
    assert inner.calls[1:] == [
        ["Lien ⟦T1⟧", "Voir ceci", "Voir ⟦T1⟧", "Lien ⟦T1⟧"],
        ["Lien https://a.org/x", "Lien www.c.org"],
    ]
    assert inner.calls[0] == probe_sentences("fr", DEFAULT_STYLE)


def test_one_call_when_every_placeholder_comes_back() -> None:
    inner = RewritingEngine({"Voir": "See"})
    guard = LinkGuard(inner)
    guard.protection("fr", "en")
    assert guard.translate_batch(["Voir https://a.org/x."], "fr", "en") == ["See https://a.org/x."]
    assert inner.calls[1:] == [["Voir ⟦T1⟧."]]


def test_a_model_that_drops_placeholders_gets_the_text_around_the_links_in_one_call() -> None:
    # it drops both placeholder forms and bends the links it is given
    rules = {"⟦T1⟧": "", "⟦T2⟧": "", "XLINK1X": "", "XLINK2X": "", "Voir": "See", "://": ": //", "ou": "or"}
    inner = RewritingEngine(rules)
    guard = LinkGuard(inner)
    sentences = ["Voir https://a.org/x, ou www.b.org.", "Voir ceci", "https://c.org"]
    expected = ["See https://a.org/x, or www.b.org.", "See ceci", "https://c.org"]
    assert guard.translate_batch(sentences, "fr", "en") == expected
    assert guard.translate_batch(sentences, "fr", "en") == expected
    # one probe batch per placeholder form, once; then every batch is one call of the text between links
    assert inner.calls == [
        probe_sentences("fr", DEFAULT_STYLE),
        probe_sentences("fr", CANDIDATE_STYLES[1]),
        ["Voir", ", ou", "Voir ceci"],
        ["Voir", ", ou", "Voir ceci"],
    ]


AROUND_LINKS = [
    # no link: the whole sentence, spaces and all
    (" Rien ici. ", [" Rien ici. "], " RIEN ICI. "),
    # the text between links, stripped and put back between the same spaces; punctuation alone stays
    ("Voir https://a.org/x. Ou a.b@c.org !", ["Voir", ". Ou"], "VOIR https://a.org/x. OU a.b@c.org !"),
    # a link alone: nothing to translate
    ("www.b.org", [], "www.b.org"),
]


@pytest.mark.parametrize(("sentence", "texts", "joined"), AROUND_LINKS)
def test_text_around_links_and_back(sentence: str, texts: list[str], joined: str) -> None:
    assert text_around_links(sentence) == texts
    assert join_around_links(sentence, iter(text.upper() for text in texts)) == joined


def test_a_model_that_bends_our_form_gets_the_form_it_keeps() -> None:
    inner = RewritingEngine({"⟦T": "⟦ T"})
    guard = LinkGuard(inner)
    assert guard.translate_batch(["Voir https://a.org/x"], "fr", "en") == ["Voir https://a.org/x"]
    assert inner.calls[-1] == ["Voir XLINK1X"]


def test_sentences_without_links_never_probe() -> None:
    inner = RewritingEngine()
    assert LinkGuard(inner).translate_batch(["Rien ici."], "fr", "en") == ["Rien ici."]
    assert inner.calls == [["Rien ici."]]


def test_the_probe_answer_is_shared_through_the_memory(tmp_path: Path) -> None:
    memory_file = tmp_path / "probes.json"
    first, second = RewritingEngine(), RewritingEngine()
    LinkGuard(first, ProbeMemory(memory_file)).translate_batch(["Voir www.a.org"], "fr", "en")
    LinkGuard(second, ProbeMemory(memory_file)).translate_batch(["Voir www.a.org"], "fr", "en")
    assert len(first.calls) == 2  # probe, then the batch
    assert second.calls == [["Voir ⟦T1⟧"]]


def test_model_id_marks_the_masking_and_errors_pass_through() -> None:
    guard = LinkGuard(FakeEngine())
    assert guard.model_id("fr", "en") == "fake-1:fr-en+links"
    with pytest.raises(EngineError, match="no translation model for fr->ja"):
        guard.translate_batch(["x"], "fr", "ja")


pieces = st.one_of(
    st.sampled_from(["https://a.org/p?q=1", "www.b.com", "x@y.fr", "⟦T1⟧", "⟦T19⟧", "⟦", "⟧", "T2", " ", ". ", ")"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=5),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(pieces, max_size=12).map("".join), max_size=4))
def test_an_identity_engine_gives_every_sentence_back(sentences: list[str]) -> None:
    assert LinkGuard(RewritingEngine()).translate_batch(sentences, "fr", "en") == sentences


@settings(max_examples=200, deadline=None)
@given(st.lists(pieces, max_size=12).map("".join))
def test_the_text_around_links_given_back_unchanged_rebuilds_the_sentence(sentence: str) -> None:
    assert join_around_links(sentence, iter(text_around_links(sentence))) == sentence


def test_a_long_word_is_searched_for_links_in_linear_time() -> None:
    # The address pattern was tried from every letter of a word, each try running to the word's end: a
    # word of 300,000 letters (a pasted blob, a hostile comment) took minutes before the model saw it.
    sentence = "a" * 300_000 + " ok@example.org"
    started = time.perf_counter()
    masked, links = mask_links(sentence)
    assert time.perf_counter() - started < 5
    assert links == {1: "ok@example.org"} and masked.endswith(" ⟦T1⟧")
