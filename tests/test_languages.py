"""Language codes: Argos codes to and from the BCP 47 tags CAT tools read (XLIFF)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.errors import InputError
from translator.languages import (
    ALIASES,
    FILE_CODE_HINT,
    file_language,
    from_bcp47,
    is_known_language,
    known_code,
    normalize_code,
    to_bcp47,
)

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


# (a code or tag as a review file may hold it, the Argos code read; None: it names no language)
IN_FILES = [
    ("fr", "fr"),  # an Argos code
    ("pt_BR", "pt"),  # a POSIX locale: the region is dropped
    ("zh_TW", "zt"),  # except where it decides the script
    ("zh-Hant", "zt"),  # the script
    ("no", "nb"),  # Norwegian is Bokmål for Argos
    ("nb-NO", "nb"),  # a region
    ("sr-Latn", "sr"),  # a script that decides nothing for Argos
    ("eng", "en"),  # a three-letter code
    ("pb", "pb"),  # Argos's own Brazilian Portuguese
    ("und", "und"),  # no language
    ("mul", "und"),  # several languages: no single one
    ("xx-garbage", None),  # not a language, whatever follows
    ("klingon", None),  # a language name, not a code
    ("tlh", None),  # Klingon's ISO 639-3 code: no language we translate
    ("f r", None),  # not one tag
    ("fr-", None),  # a dangling separator
    ("", None),  # nothing
]


@pytest.mark.parametrize(("tag", "code"), IN_FILES)
def test_codes_read_from_files_are_argos_codes_or_refused(tag: str, code: str | None) -> None:
    assert known_code(tag) == code
    if code is None:
        with pytest.raises(InputError) as raised:
            file_language(tag, "x.po:3")
        assert (raised.value.message, raised.value.hint) == (f"x.po:3: {tag!r} is not a language code", FILE_CODE_HINT)
    else:
        assert file_language(tag, "x.po:3") == code


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCZ_-0123456789 ", max_size=14))
def test_a_code_read_once_reads_the_same_again(tag: str) -> None:
    code = known_code(tag)
    assert code is None or known_code(code) == code
