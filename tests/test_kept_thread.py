"""The compact form of translated threads kept in the memory: exact round trip, damage detected."""

from __future__ import annotations

import json
import zlib
from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.strategies import any_translated
from translator.memory.kept import FORMAT, KeptThread, decode_kept, encode_kept
from translator.models import Block, Post, QaIssue, Thread, TranslatedThread, TranslationUnit, Votes

WARNINGS = ("input was cp1252", "no model for fr->ja")


@given(any_translated(), st.integers(min_value=0, max_value=10**6))
def test_round_trip_is_exact(translated: TranslatedThread, sentences: int) -> None:
    kept = KeptThread(translated, WARNINGS, sentences)
    assert decode_kept(encode_kept(kept)) == kept


@pytest.fixture
def demo_translated() -> TranslatedThread:
    title = Block("article.title", "title", "Le lancement", lang="fr", lang_confidence=0.99, lang_source="detected")
    quote = Block("c1.q1", "quote", "Le lancement", quoted_author="Ana", quote_extent="matched", lang="fr")
    reply = Block("c1.p1", "paragraph", "Merci [b]!", lang="fr")
    thread = Thread(
        "Le lancement",
        None,
        (
            Post("article", "article", "Ana", date=datetime(2024, 10, 28, 9, 26), blocks=(title,)),
            Post("c1", "comment", "Jon", votes=Votes(3, 1), blocks=(quote, reply)),
        ),
        "forum",
        "fr",
    )
    units = (
        TranslationUnit(title, "article", "fr", "en", "The launch", "machine", terms=("lancement -> launch",)),
        TranslationUnit(quote, "c1", "fr", "en", "The launch", "memory", issues=(QaIssue("numbers", "x"),)),
        TranslationUnit(reply, "c1", "fr", "en", "Thanks [b]!", "human", "reviewed", previous="Thank you"),
    )
    return TranslatedThread(thread, "en", units, ("fr-en: demo@1.0",), ("fr-en: 1234",))


def test_units_out_of_step_with_blocks_are_not_encoded(demo_translated: TranslatedThread) -> None:
    units = demo_translated.units
    for broken in (units[:-1], (*units, units[0]), (units[1], units[0], *units[2:])):
        with pytest.raises(ValueError):
            encode_kept(KeptThread(replace(demo_translated, units=broken)))
    other_target = replace(units[0], target_lang="de")
    with pytest.raises(ValueError):
        encode_kept(KeptThread(replace(demo_translated, units=(other_target, *units[1:]))))


def test_damaged_or_foreign_entries_raise(demo_translated: TranslatedThread) -> None:
    payload = encode_kept(KeptThread(demo_translated, WARNINGS, 7))
    document = json.loads(zlib.decompress(payload))
    other_format = zlib.compress(json.dumps([FORMAT + 1, *document[1:]]).encode())
    missing_field = json.loads(zlib.decompress(payload))
    del missing_field[4][1][8][0][3]
    bad_warning = [*document[:3], [1], document[4]]
    for damaged in (
        payload[:-5],
        payload[:10] + bytes([payload[10] ^ 0xFF]) + payload[11:],
        other_format,
        zlib.compress(json.dumps(missing_field).encode()),
        zlib.compress(json.dumps(bad_warning).encode()),
        zlib.compress(b"{}"),
    ):
        with pytest.raises((ValueError, TypeError, zlib.error)):
            decode_kept(damaged)
