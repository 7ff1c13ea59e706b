"""The translated-thread JSON: golden output, exact read-back, and one clear error per schema violation."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from tests.formats.samples import one_reviewed_block
from tests.golden_files import assert_golden
from tests.strategies import any_translated
from translator.errors import InputError
from translator.formats.json import read_translated_json, render_json, translated_from_dict
from translator.models import TranslatedThread


def test_json_golden(demo_translated: TranslatedThread) -> None:
    assert_golden("demo-thread.en.json", render_json(demo_translated))


def test_json_adds_a_translation_per_block(demo_translated: TranslatedThread) -> None:
    document = json.loads(render_json(demo_translated))
    block = document["posts"][0]["blocks"][2]
    assert set(block["translation"]) >= {"text", "origin", "status", "qa", "terms"}
    assert block["translation"]["origin"] == "machine"
    assert document["target_lang"] == "en"


@settings(max_examples=80, deadline=None)
@given(any_translated())
def test_read_of_write_is_identity(tmp_path_factory: pytest.TempPathFactory, x: TranslatedThread) -> None:
    path = tmp_path_factory.mktemp("json") / "t.json"
    path.write_text(render_json(x), encoding="utf-8")
    assert read_translated_json(path) == x


def demo_document(demo_translated: TranslatedThread) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render_json(demo_translated))
    return document


def test_a_block_without_translation_is_an_empty_draft(demo_translated: TranslatedThread) -> None:
    document = demo_document(demo_translated)
    document["posts"][0]["blocks"][0]["translation"] = None
    unit = translated_from_dict(document).units[0]
    assert (unit.target, unit.origin, unit.status) == ("", "machine", "draft")


def first_translation(document: dict[str, Any]) -> dict[str, Any]:
    translation: dict[str, Any] = document["posts"][0]["blocks"][0]["translation"]
    return translation


# (what is changed in the first block's translation, the error)
BAD_TRANSLATIONS = [
    # A status the toolkit does not know.
    ({"status": "approved"}, "'status' is 'approved', expected one of draft, reviewed"),
    # An origin the toolkit does not know.
    ({"origin": "robot"}, "'origin' is 'robot', expected one of machine, memory, copied, human"),
    # The translation text must be text.
    ({"text": 3}, "'text' must be a str or null"),
    # QA issues need a code and a message.
    ({"qa": [{"code": "numbers"}]}, "translation qa 1: 'message' is missing or not a str"),
    # Terms are strings.
    ({"terms": ["a", 1]}, "'terms' must be a list of strings"),
    # The translation is an object.
    (None, "translation must be a JSON object"),
]


@pytest.mark.parametrize(("change", "error"), BAD_TRANSLATIONS)
def test_bad_translations_are_refused(demo_translated: TranslatedThread, change: Any, error: str) -> None:
    document = demo_document(demo_translated)
    if change is None:
        document["posts"][0]["blocks"][0]["translation"] = "text"
    else:
        first_translation(document).update(change)
    with pytest.raises(InputError, match=re.escape("post 'article' block 'article.title' ") + ".*" + re.escape(error)):
        translated_from_dict(document)


def test_two_blocks_with_one_id_are_refused(demo_translated: TranslatedThread) -> None:
    document = demo_document(demo_translated)
    document["posts"][1]["blocks"][0]["id"] = "article.p1"
    with pytest.raises(InputError, match=r"the block id 'article\.p1' is used twice \(also in post 'article'\)"):
        translated_from_dict(document)


# (the file's text, the error naming the file)
BAD_FILES = [
    ("{", ":1: invalid JSON"),  # cut short
    ("[]", ": the document must be a JSON object"),  # not an object
    ('{"posts": [' + "[" * 100_000 + "]" * 100_000 + "]}", ""),  # nested too deep for the parser
    ('{"posts": [], "models": [' + "9" * 5000 + "]}", ": unreadable JSON"),  # a number too long to read
    # an unpaired surrogate escape in a translation: no UTF-8 output or memory could take it
    ('{"posts": [],\n "models": ["a\\ud800"]}', ": the JSON holds an unpaired surrogate (\\ud800) at line 2"),
    ('{"posts": [], "\\uDC80": 1}', ": the JSON holds an unpaired surrogate (\\udc80) at line 1"),  # in a key
]


@pytest.mark.parametrize(
    ("text", "error"), BAD_FILES, ids=["cut", "array", "deep", "long-number", "surrogate", "surrogate-key"]
)
def test_bad_files_name_the_file(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_translated_json(path)
    assert raised.value.message.startswith(f"{path}{error}")


def test_a_surrogate_pair_is_one_character_and_is_read(tmp_path: Path, demo_translated: TranslatedThread) -> None:
    path = tmp_path / "emoji.json"
    path.write_text(render_json(demo_translated).replace('"target_lang"', '"x": "\\ud83d\\ude00",\n  "target_lang"', 1))
    assert read_translated_json(path).units == demo_translated.units


@pytest.mark.parametrize(
    ("key", "value", "read"),
    [
        ("target_lang", "en_US", "en"),  # a POSIX locale
        ("source_lang", "zh-Hant", "zt"),  # a BCP 47 tag whose script decides
        ("lang", "no", "nb"),  # a block's language: Norwegian's other name
        ("target_lang", "klingon", None),  # a name, not a code
        ("lang", "xx-garbage", None),  # not a language
    ],
)
def test_languages_are_read_as_argos_codes(key: str, value: str, read: str | None) -> None:
    document = json.loads(render_json(one_reviewed_block()))
    block = document["posts"][0]["blocks"][0]
    owner = document if key == "target_lang" else block["translation"] if key == "source_lang" else block
    owner[key] = value
    if read is None:
        with pytest.raises(InputError, match=rf"'{key}': '{value}' is not a language code"):
            translated_from_dict(document)
        return
    unit = translated_from_dict(document).units[0]
    assert {"target_lang": unit.target_lang, "source_lang": unit.source_lang, "lang": unit.block.lang}[key] == read
