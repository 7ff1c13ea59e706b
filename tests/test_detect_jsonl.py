"""`translator detect --jsonl`: the line contract, thread priors across lines, order, and clean failures."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import run_cli
from translator.detect.detector import LanguageDetector
from translator.detect.jsonl import detect_jsonl
from translator.errors import DetectionError

LINES = [
    {"id": 1, "text": "Je pense que cette mission est une réussite remarquable pour l'agence.", "thread": "t1"},
    {"id": "two", "text": "The spacecraft reached orbit after a long and difficult journey.", "thread": "t2"},
    {"id": 3, "text": "Exactement !", "thread": "t1"},
    {"id": 4.5, "text": "https://example.org/x"},
    {"id": None, "text": "Die Sonde hat ihr Ziel nach acht Jahren endlich erreicht."},
]


def write_jsonl(path: Path, items: Sequence[object], blank_line: bool = False) -> Path:
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    if blank_line:
        lines.insert(1, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def test_output_lines_follow_input_order(tmp_path: Path, detector: LanguageDetector) -> None:
    output = io.StringIO()
    count = detect_jsonl(write_jsonl(tmp_path / "in.jsonl", LINES, blank_line=True), output, detector)
    records = [json.loads(line) for line in output.getvalue().splitlines()]
    assert count == len(LINES) == len(records)
    assert [r["id"] for r in records] == [1, "two", 3, 4.5, None]
    assert [r["lang"] for r in records] == ["fr", "en", "fr", "und", "de"]
    assert all(set(r) == {"id", "lang", "confidence"} and 0 <= r["confidence"] <= 1 for r in records)


def test_lines_sharing_a_thread_give_each_other_context(tmp_path: Path, detector: LanguageDetector) -> None:
    items = [
        {"id": 1, "text": "Так!", "thread": "u"},
        {"id": 2, "text": "Дякую за статтю, дуже цікаво читати про космічні місії.", "thread": "u"},
    ]
    alone = [{"id": 1, "text": "Так!"}]
    with_context, without = io.StringIO(), io.StringIO()
    detect_jsonl(write_jsonl(tmp_path / "a.jsonl", items), with_context, detector)
    detect_jsonl(write_jsonl(tmp_path / "b.jsonl", alone), without, detector)
    assert json.loads(with_context.getvalue().splitlines()[0])["lang"] == "uk"
    assert json.loads(without.getvalue())["lang"] != "uk"


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "line 2: invalid JSON"),  # broken JSON
        ('["a", "b"]', 'line 2: expected an object with "id" and "text"'),  # not an object
        ('{"text": "x"}', 'line 2: expected an object with "id" and "text"'),  # no id
        ('{"id": 1, "text": 5}', 'line 2: "text" must be a string'),  # text of the wrong type
        ('{"id": 1, "text": "x", "thread": [1]}', 'line 2: "thread" must be a string or a number'),  # bad thread
        ("[" * 100_000 + "]" * 100_000, "line 2: the JSON is nested too deeply"),  # RecursionError in json
        ('{"id": ' + "7" * 5000 + ', "text": "x"}', "line 2: the JSON holds a number too long"),  # ValueError in int
    ],
    ids=lambda value: value[:40],  # the test id lands in the environment of the CLI run: keep it short
)
def test_bad_line_is_named_and_nothing_is_written(tmp_path: Path, bad_line: str, message: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(LINES[0]) + "\n" + bad_line + "\n" + json.dumps(LINES[1]) + "\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_text("previous results\n")
    result = run_cli("detect", "--jsonl", str(source), "-o", str(target))
    assert result.code == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert target.read_text() == "previous results\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_library_error_names_the_line(tmp_path: Path, detector: LanguageDetector) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "a"}\n\n{oops\n', encoding="utf-8")
    with pytest.raises(DetectionError, match="line 3"):
        detect_jsonl(source, io.StringIO(), detector)


def test_cli_reads_stdin_and_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    stdin = "\n".join(json.dumps(item, ensure_ascii=False) for item in LINES) + "\n"
    result = run_cli("detect", "--jsonl", "-", "-o", str(target), stdin=stdin)
    assert result.code == 0, result.stderr
    assert [json.loads(line)["lang"] for line in target.read_text().splitlines()] == ["fr", "en", "fr", "und", "de"]


def test_cli_stdin_error_names_standard_input() -> None:
    result = run_cli("detect", "--jsonl", "-", stdin="{bad\n")
    assert result.code == 1
    assert "standard input, line 1: invalid JSON" in result.stderr
    assert result.stdout == ""


def test_detect_jsonl_short_texts_alone(tmp_path: Path) -> None:
    lines = [{"id": 1, "text": "Hello"}, {"id": 2, "text": "lol"}, {"id": 3, "text": "+1"}]
    result = run_cli("detect", "--jsonl", "-", stdin="".join(json.dumps(line) + "\n" for line in lines))
    assert result.code == 0, result.stderr
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert found[0]["lang"] == "en"
    # used alike in every language: a guess among the bundled models' languages, and said to be one
    assert found[1]["lang"] in {"de", "en", "fr"} and found[1]["confidence"] < 0.6
    assert found[2]["lang"] == "und"  # no letters: nothing to translate
