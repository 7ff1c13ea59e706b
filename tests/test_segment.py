"""Sentence splitting: our faster way of reading pysbd's result gives exactly pysbd's sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.segment import _pysbd_pieces, _pysbd_segmenter, split_sentences

FRAGMENTS = [
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
