"""The detectors' decoded models kept in the cache folder: the same data as the packages' own loaders give."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.detect import model_cache
from translator.detect.detector import SMOOTHING

TEXTS = ["Bonjour tout le monde", "Hello there, how are you?", "Привет, мир", "こんにちは世界", "Grüß Gott", ""]


@functools.cache
def factory_arrays() -> tuple[list[str], list[str], np.ndarray]:
    """langdetect's profiles as its own factory loads them (once: a test below forbids loading them)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    grams = factory.word_lang_prob_map
    return factory.langlist, list(grams), np.log(np.array(list(grams.values())) + SMOOTHING)


def assert_same_profiles(arrays: model_cache.Arrays) -> None:
    languages, grams, log_probability = factory_arrays()
    assert arrays["languages"].tolist() == languages
    assert arrays["grams"].tolist() == grams  # order kept: rows are looked up by position
    assert np.array_equal(arrays["log_probability"], log_probability)


def test_langdetect_profiles_are_built_then_read_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    factory_arrays()
    assert_same_profiles(model_cache.langdetect_profiles(SMOOTHING, tmp_path))
    [cached] = tmp_path.glob("langdetect-*.npz")
    assert not list(tmp_path.glob(".*.part"))  # written under a temporary name, then renamed

    # The second process reads the file: langdetect's profiles are not loaded again.
    def refuse() -> None:
        raise AssertionError("profiles loaded again despite the cache")

    monkeypatch.setattr(model_cache, "langdetect_factory", refuse)
    assert_same_profiles(model_cache.langdetect_profiles(SMOOTHING, tmp_path))
    # Another smoothing is other data: it is not read from that file.
    with pytest.raises(AssertionError, match="loaded again"):
        model_cache.langdetect_profiles(SMOOTHING * 2, tmp_path)
    assert list(tmp_path.glob("langdetect-*.npz")) == [cached]


@pytest.mark.parametrize("damage", [b"", b"PK\x03\x04 not a zip", b"\x93NUMPY"], ids=["empty", "bad-zip", "not-npz"])
def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, damage: bytes) -> None:
    model_cache.langdetect_profiles(SMOOTHING, tmp_path)
    [cached] = tmp_path.glob("langdetect-*.npz")
    cached.write_bytes(damage)
    assert_same_profiles(model_cache.langdetect_profiles(SMOOTHING, tmp_path))
    assert cached.stat().st_size > 1_000_000  # written again, whole


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert_same_profiles(model_cache.langdetect_profiles(SMOOTHING, blocked / "detector-models"))
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"


def test_the_fingerprint_follows_the_source_files(tmp_path: Path) -> None:
    source = tmp_path / "profile"
    source.write_text("{}", encoding="utf-8")
    before = model_cache.fingerprint("pkg", "1.0", files=[source])
    assert model_cache.fingerprint("pkg", "1.0", files=[source]) == before
    assert model_cache.fingerprint("pkg", "1.1", files=[source]) != before  # an upgraded package
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert model_cache.fingerprint("pkg", "1.0", files=[source]) != before  # a replaced file


@pytest.fixture(scope="module")
def identifiers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any, Any]:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    folder = tmp_path_factory.mktemp("cache")
    built = model_cache.langid_identifier(folder)
    read_back = model_cache.langid_identifier(folder)
    assert len(list(folder.glob("langid-*.npz"))) == 1
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False), built, read_back


@pytest.mark.parametrize("text", TEXTS)
def test_langid_from_the_cache_scores_as_py3langid_does(identifiers: tuple[Any, ...], text: str) -> None:
    own, built, read_back = identifiers
    expected = own.rank(text)
    assert built.rank(text) == expected
    assert read_back.rank(text) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_langid_from_the_cache_scores_any_text_the_same(identifiers: tuple[Any, ...], text: str) -> None:
    own, _, read_back = identifiers
    assert read_back.classify(text) == own.classify(text)
