"""LibreTranslate's parameter rules and error wording, and how plain text splits into paragraphs."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.server.protocol import (
    ApiError,
    PlainText,
    alternatives_param,
    check_pair,
    format_param,
    language_param,
    parse_json,
    texts_param,
    wire_language,
)


@pytest.mark.parametrize(
    ("text", "paragraphs", "rendered"),
    [
        # one line
        ("Bonjour.", ["Bonjour."], "BONJOUR."),
        # every line break style and blank lines kept; each line alone
        ("Un.\r\n\r\nDeux.\rTrois.\n", ["Un.", "Deux.", "Trois."], "UN.\r\n\r\nDEUX.\rTROIS.\n"),
        # whitespace around a line kept around its translation
        ("  indenté  \n\tfin", ["indenté", "fin"], "  INDENTÉ  \n\tFIN"),
        # nothing to translate
        (" \n ", [], " \n "),
    ],
)
def test_plain_text_paragraphs_are_lines(text: str, paragraphs: list[str], rendered: str) -> None:
    document = PlainText.parse(text)
    assert document.paragraphs == paragraphs
    assert document.render([paragraph.upper() for paragraph in paragraphs]) == rendered


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_plain_text_round_trip(text: str) -> None:
    document = PlainText.parse(text)
    assert document.render(document.paragraphs) == text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # one text, or a list
        ({"q": "a"}, (["a"], False)),
        ({"q": ["a", ""]}, (["a", ""], True)),
        # LibreTranslate's wording for what is missing
        ({}, "Invalid request: missing q parameter"),
        ({"q": ""}, "Invalid request: missing q parameter"),
        ({"q": []}, "Invalid request: missing q parameter"),
        # wrong types are a 400, not a crash
        ({"q": 3}, "Invalid request: q must be a string or a list of strings"),
        ({"q": ["a", None]}, "Invalid request: q must be a string or a list of strings"),
    ],
)
def test_texts_param(params: dict[str, Any], expected: object) -> None:
    if isinstance(expected, str):
        with pytest.raises(ApiError, match=expected) as caught:
            texts_param(params)
        assert caught.value.status == 400
    else:
        assert texts_param(params) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fr", "fr"),
        # case and LibreTranslate's names of Argos codes
        ("FR", "fr"),
        ("zh-Hans", "zh"),
        ("zh-Hant", "zt"),
        ("pt-BR", "pb"),
        # auto where allowed, in any case
        ("auto", None),
        ("AUTO", None),
        # spaces around, or letters that only lower-case to ASCII (the Kelvin sign), are not codes
        (" fr", " fr is not supported"),
        ("\u212ao", "\u212ao is not supported"),
        # not a code at all: LibreTranslate's wording, with the code as given
        ("klingon!", "klingon! is not supported"),
        # not a string
        (5, "Invalid request: source parameter must be a string"),
        # missing
        ("", "Invalid request: missing source parameter"),
    ],
)
def test_language_param(value: object, expected: str | None) -> None:
    params = {"source": value}
    if expected is not None and " " in expected:
        with pytest.raises(ApiError, match=expected):
            language_param(params, "source", allow_auto=True)
    else:
        assert language_param(params, "source", allow_auto=True) == expected


def test_codes_go_back_to_the_wire_as_libretranslate_names_them() -> None:
    assert [wire_language(code) for code in ("fr", "zh", "zt", "pb")] == ["fr", "zh-Hans", "zh-Hant", "pt-BR"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, "text"),
        ({"format": "html"}, "html"),
        # LibreTranslate's wording
        ({"format": "xml"}, "xml format is not supported"),
    ],
)
def test_format_param(params: dict[str, Any], expected: str) -> None:
    if " " in expected:
        with pytest.raises(ApiError, match=expected):
            format_param(params)
    else:
        assert format_param(params) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 0), ("3", 3), (-2, 0), ("-2", 0), ("three", None), (" 3", None), ("\u0663", None), (True, None), ([1], None)],
)
def test_alternatives_param(value: object, expected: int | None) -> None:
    if expected is None:
        with pytest.raises(ApiError, match="alternatives parameter is not a number"):
            alternatives_param({"alternatives": value})
    else:
        assert alternatives_param({"alternatives": value}) == expected


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # malformed
        (b'{"q": ', "Invalid JSON format"),
        (b"\xff\xfe", "Invalid JSON format"),
        # nested deeper than any parser should follow
        (b"[" * 100_000 + b"]" * 100_000, "Invalid JSON format"),
        # a lone surrogate escape could never be written back as UTF-8
        (b'{"q": "\\ud800"}', "unpaired surrogate"),
        (b'{"posts": [{"\\udfff": 1}]}', "unpaired surrogate"),
    ],
)
def test_bad_json_is_a_400(body: bytes, message: str) -> None:
    with pytest.raises(ApiError, match=message) as caught:
        parse_json(body)
    assert caught.value.status == 400


# What the demo models serve, plus a source with no way into German.
TARGETS = {"de": frozenset({"en"}), "en": frozenset({"de"}), "fr": frozenset({"de", "en"}), "ru": frozenset({"en"})}


@pytest.mark.parametrize(
    ("source", "target", "message"),
    [
        # direct, through English, detected later, or nothing to translate
        ("fr", "en", None),
        ("fr", "de", None),
        (None, "de", None),
        ("en", "en", None),
        # LibreTranslate's wording for each refusal
        ("fr", "zz", "zz is not supported"),
        ("xx", "en", "xx is not supported"),
        ("ru", "de", r"German \(de\) is not available as a target language from Russian \(ru\)"),
    ],
)
def test_check_pair(source: str | None, target: str, message: str | None) -> None:
    if message is None:
        check_pair(TARGETS, source, target)
    else:
        with pytest.raises(ApiError, match=message):
            check_pair(TARGETS, source, target)
