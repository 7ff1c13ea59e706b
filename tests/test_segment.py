"""Sentence splitting: our faster way of reading pysbd's result gives exactly pysbd's sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.segment import PYSBD_LANGUAGES, _one_sentence, _pysbd_pieces, _pysbd_segmenter, split_sentences

FRAGMENTS = [
    "Il est av. J.-C. parti avec ses amis.",
    "Voir p. ex. le chap. 3, art. 2.",
    "Das ist z. B. Nr. 5 der Liste, ca. 3 km.",
    "Dr. Schmidt u. Prof. Weber kamen.",
    "Г. Иванов и т. д. пришли.",
    "Mr. Smith met approx. 5 people at 3 p.m. today.",
    "Sr. García llegó a las 5 p. m. ayer.",
    "M. Peskov a dit non.",
    "Le Kremlin dément.",
    "Dr. Müller kam z. B. gestern.",
    "Voilà!!",
    "Vraiment ?",
    "« Oui. »",
    "(Non.)",
    "3.5 km plus loin.",
    "Hello.",
    "Starlink v2.0 fonctionne",
    "...",
    "a.b.c. d",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8),
    st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", " \t"]), min_size=8, max_size=8),
    st.sampled_from(["fr", "en", "de", "ru"]),
)
def test_same_sentences_as_pysbd(fragments: list[str], spaces: list[str], lang: str) -> None:
    text = "".join(fragment + space for fragment, space in zip(fragments, spaces, strict=False))
    segmenter = _pysbd_segmenter(lang)
    ours = [piece.strip() for piece in _pysbd_pieces(segmenter, text)]
    assert ours == [piece.strip() for piece in segmenter.segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M. Peskov a parlé. Le Kremlin dément.", ["M. Peskov a parlé.", "Le Kremlin dément."]),
        ("Oui. Oui. Oui.", ["Oui.", "Oui.", "Oui."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "fr") == expected


def test_a_sentence_repeated_many_times_is_found_each_time() -> None:
    text = "Oui. " * 3000
    assert split_sentences(text, "fr") == ["Oui."] * 3000


def unpatched_pysbd_sentences(segmenter: Any, text: str) -> list[str]:
    """pysbd's sentences with its abbreviation pass as shipped (every rewrite done, however repeated)."""
    from pysbd.abbreviation_replacer import AbbreviationReplacer

    with pytest.MonkeyPatch.context() as patch:
        shipped = AbbreviationReplacer.search_for_abbreviations_in_string.__wrapped__
        patch.setattr(AbbreviationReplacer, "search_for_abbreviations_in_string", shipped)
        return [piece.strip() for piece in segmenter.segment(text)]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30),
    st.sampled_from(["fr", "en", "de", "ru", "es", "bg", "sk", "ar"]),
)
def test_skipping_repeated_abbreviation_rewrites_changes_nothing(fragments: list[str], lang: str) -> None:
    text = " ".join(fragments)
    segmenter = _pysbd_segmenter(lang)
    assert [piece.strip() for piece in _pysbd_pieces(segmenter, text)] == unpatched_pysbd_sentences(segmenter, text)


def test_the_sample_thread_as_one_paragraph_splits_as_pysbd_does(sample_path: Path) -> None:
    from translator.readers import read_thread

    text = " ".join(block.text for _, block in read_thread(sample_path).thread.blocks())
    segmenter = _pysbd_segmenter("fr")
    assert [piece.strip() for piece in _pysbd_pieces(segmenter, text)] == unpatched_pysbd_sentences(segmenter, text)


PIECES = [
    *"abcXYZéжΩ日本١ 0123456789\t\u00a0\u200b,-–—/&%$#@*+=_~`^<>\\\"'«»([{}]",
    "a) ",
    "ii) ",
    "1) ",
    "• ",
    "Mr ",
    "etc ",
    "http://x y ",
    "Dr ",
]
ENDINGS = ["", ".", "!", "?", "!!!", "?!", "...", "…", ".)", '."', "!»", ". ", "。", "！", "؟", "।", ":", ";", "\n"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=30),
    st.sampled_from(ENDINGS),
    st.sampled_from(sorted(PYSBD_LANGUAGES)),
)
def test_a_text_taken_as_one_sentence_without_pysbd_is_one_to_pysbd_too(
    pieces: list[str], ending: str, lang: str
) -> None:
    text = "".join(pieces) + ending
    if not text.strip():
        return
    reference = [piece.strip() for piece in _pysbd_segmenter(lang).segment(text) if piece.strip()] or [text.strip()]
    if _one_sentence(text.strip()):
        assert reference == [text.strip()]
    assert split_sentences(text, lang) == reference


@pytest.mark.parametrize(
    ("text", "one"),
    [
        ("Le Kremlin dément", True),
        ("Le Kremlin dément.", True),
        ("Le Kremlin dément !", True),
        ("M. Peskov a parlé", False),
        ("Oui!!!", False),
        ("Voir i) et ii) plus bas", False),
        ("Deux lignes\nici", False),
        ("(Non)", False),
    ],
)
def test_one_sentence_gate(text: str, one: bool) -> None:
    assert _one_sentence(text) is one
