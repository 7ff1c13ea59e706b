"""Language codes: Argos codes to and from the BCP 47 tags CAT tools read (XLIFF)."""

from __future__ import annotations

import pytest

from translator.languages import ALIASES, from_bcp47, is_known_language, normalize_code, to_bcp47

# (Argos code, the BCP 47 tag written): only codes that are not tags change.
WRITTEN = [
    ("fr", "fr"),  # most codes are tags already
    ("nb", "nb"),  # Norwegian Bokmål
    ("zt", "zh-Hant"),  # Argos's traditional Chinese
    ("und", "und"),  # no language
]


@pytest.mark.parametrize(("code", "tag"), WRITTEN)
def test_codes_are_written_as_tags_and_read_back(code: str, tag: str) -> None:
    assert to_bcp47(code) == tag
    assert from_bcp47(tag) == code


# (a tag a CAT tool may write, the Argos code read)
READ = [
    ("en-US", "en"),  # a region is dropped
    ("FR", "fr"),  # case does not matter
    ("zh-Hant-TW", "zt"),  # the script decides
    ("zh-Hans", "zh"),
    ("zh_TW", "zt"),  # underscores, as some tools write
    ("no", "nb"),  # Norwegian is Bokmål for Argos
    ("pt-BR", "pt"),
]


@pytest.mark.parametrize(("tag", "code"), READ)
def test_tags_from_cat_tools_are_read_as_argos_codes(tag: str, code: str) -> None:
    assert from_bcp47(tag) == code


@pytest.mark.parametrize(("typed", "code"), [("eng", "en"), ("FRA", "fr"), ("ger", "de"), ("nor", "nb"), ("iw", "he")])
def test_three_letter_and_withdrawn_codes_are_read_as_argos_codes(typed: str, code: str) -> None:
    assert normalize_code(typed) == code


def test_known_languages_are_iso_639_1_and_argos_own_codes() -> None:
    assert all(is_known_language(code) for code in ("en", "nb", "zt", "pb", "zu"))
    assert not any(is_known_language(code) for code in ("xx", "qq", "eng", "und"))
    # Every alias leads to a known language.
    assert all(is_known_language(code) for code in ALIASES.values())
