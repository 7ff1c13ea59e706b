"""The JSON thread reader: exact round trips and one clear error per schema violation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from tests.strategies import any_threads
from translator.errors import InputError
from translator.formats.json import dump_thread, read_json_thread
from translator.models import Thread
from translator.readers import read_threads

VALID_BLOCK = {"id": "c1.p1", "kind": "paragraph", "text": "x"}
VALID_POST = {"id": "c1", "kind": "comment", "author": "A", "blocks": [VALID_BLOCK]}


@given(any_threads)
def test_read_of_write_is_identity(thread: Thread) -> None:
    assert read_json_thread(dump_thread(thread)) == thread


def test_minimal_document_gets_defaults() -> None:
    thread = read_json_thread(json.dumps({"posts": [VALID_POST]}))
    assert (thread.title, thread.subtitle, thread.source_format) == ("", None, "json")
    assert thread.posts[0].blocks[0].text == "x"


def with_post(**changes: object) -> str:
    return json.dumps({"posts": [{**VALID_POST, **changes}]})


def with_block(**changes: object) -> str:
    return with_post(blocks=[{**VALID_BLOCK, **changes}])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "invalid JSON at line 1"),  # truncated file
        ("[]", "the document must be a JSON object"),  # wrong top-level type
        ("{}", "'posts' must be a list"),  # no posts
        (json.dumps({"posts": [1]}), "post 1 must be a JSON object"),  # post is not an object
        (
            with_post(kind="reply"),
            "post 'c1': 'kind' is 'reply', expected one of article, comment",
        ),  # bad kind
        (with_post(date="28/10/2024"), "expected YYYY-MM-DDTHH:MM"),  # date in another format
        (with_post(votes={"up": -1, "down": 0}), "'up' must be a whole number >= 0"),  # negative votes
        (with_post(shares=True), "'shares' must be a whole number"),  # booleans are not counts
        (with_block(kind="poem"), "block 1: 'kind' is 'poem'"),  # unknown block kind
        (with_block(text=None), "'text' is missing or not a str"),  # no text
        (with_block(lang_confidence=2), "'lang_confidence' must be a number from 0 to 1"),  # out of range
        (with_block(quote_extent="maybe"), "'quote_extent' is 'maybe'"),  # unknown extent
    ],
)
def test_schema_errors_name_the_place(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(")) as caught:
        read_json_thread(text)
    assert caught.value.hint


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("answer.json", "null\n", "answer.json: this JSON holds a single value (null), not a thread"),
        ("answer.JSON", '"Not Found"', 'answer.JSON: this JSON holds a single value ("Not Found"), not a thread'),
        ("count.json", "42", "count.json: this JSON holds a single value (42), not a thread"),
        (
            "topstories.json",
            "[8863, 121003, 2921983]",
            "topstories.json: this JSON is a list of 3 numbers (ids, as Hacker News's topstories.json lists), "
            "not a thread",
        ),
    ],
)
def test_a_json_file_of_one_value_is_refused(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_threads(path)
    assert caught.value.message == f"{tmp_path}/{message}"


def test_a_text_file_of_one_quoted_line_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "quote.txt"
    path.write_text('"Tout est dit."', encoding="utf-8")
    [thread] = read_threads(path).threads
    assert [block.text for _, block in thread.blocks()] == ['"Tout est dit."']
