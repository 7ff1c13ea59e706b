"""Other extractors' labelled test pages: each suite's layout told apart by its files, its labels read, and a
reading scored against them (the benchmark's pure parts, on small folders of our own)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from labelled_pages import (
    LabelledPage,
    find_sets,
    labelled_pages,
    layout_of,
    same_title,
    same_writers,
    score_page,
    set_figures,
    shingle_recall,
    words_of,
)

PAGE = "<html><head><title>Ferry fares rise</title></head><body><p>Fares rise.</p></body></html>"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _goose3(folder: Path) -> Path:
    _write(folder / "test_ferry.html", PAGE)
    expected = {"title": "Ferry fares rise", "authors": ["Kim Lee", "Ana Ruiz"], "cleaned_text": "Fares rise."}
    _write(folder / "test_ferry.json", json.dumps({"url": "http://example.org/a", "expected": expected}))
    _write(folder / "test_blank.html", PAGE)  # a label of other things only (images): no page to score
    _write(folder / "test_blank.json", json.dumps({"expected": {"top_image": "a.jpg"}}))
    return folder


def _newspaper(folder: Path) -> Path:
    _write(folder / "html" / "ferry.html", PAGE)
    _write(folder / "text" / "ferry.txt", "Fares rise.")
    _write(folder / "html" / "cnn_article.html", PAGE)  # its text is in cnn.txt
    _write(folder / "text" / "cnn.txt", "Storms end.")
    _write(folder / "html" / "front_page.html", PAGE)  # a page with no text labelled: none to score
    _write(folder / "html" / "gallery.html", PAGE)  # the suite's note on its own failure is no text
    _write(folder / "text" / "gallery.txt", "MISSED LAST PARAGRAPH, LOADED BY JS\n")
    return folder


def _newspaper4k(folder: Path) -> Path:
    _write(folder / "html" / "ferry.html", PAGE)
    _write(folder / "txt" / "ferry.txt", "Fares rise.")
    meta = {"title": "Ferry fares rise", "authors": ["Kim Lee"], "text": "Not this one."}
    _write(folder / "metadata" / "ferry.json", json.dumps(meta))
    _write(folder / "html" / "storm.html", PAGE)  # no .txt: the metadata's text
    _write(folder / "metadata" / "storm.json", json.dumps({"title": "Storm", "authors": [], "text": "Storms end."}))
    return folder


def _readability(folder: Path) -> Path:
    _write(folder / "ferry-1" / "source.html", PAGE)
    _write(folder / "ferry-1" / "expected.html", '<div id="readability-page-1"><p>Fares <code>rise</code>.</p></div>')
    meta = {"title": "Ferry fares rise", "byline": "By Kim Lee\n   May 3, 2024"}  # raw: no writers from it
    _write(folder / "ferry-1" / "expected-metadata.json", json.dumps(meta))
    _write(folder / "notes" / "README.md", "not a page")
    return folder


def test_each_suites_layout_is_told_apart_by_its_files(tmp_path: Path) -> None:
    assert layout_of(_readability(tmp_path / "r")) == "readability"
    assert layout_of(_goose3(tmp_path / "g")) == "goose3"
    assert layout_of(_newspaper(tmp_path / "n")) == "newspaper"
    assert layout_of(_newspaper4k(tmp_path / "n4k")) == "newspaper4k"
    # JSON beside HTML that is no goose3 label, and a folder of pages alone, have no layout.
    _write(tmp_path / "other" / "page.html", PAGE)
    _write(tmp_path / "other" / "page.json", json.dumps({"title": "x"}))
    assert layout_of(tmp_path / "other") is None


def test_sets_are_found_below_the_folder_given(tmp_path: Path) -> None:
    content = _goose3(tmp_path / "goose3" / "tests" / "data" / "content")
    authors = _goose3(tmp_path / "goose3" / "tests" / "data" / "authors")
    assert find_sets(tmp_path / "goose3") == [(authors, "goose3"), (content, "goose3")]
    # A folder that has a layout is one set, whatever lies below it.
    data = _newspaper4k(tmp_path / "n4k" / "tests" / "data")
    _goose3(data / "extra")
    assert find_sets(tmp_path / "n4k") == [(data, "newspaper4k")]


def test_goose3_labels(tmp_path: Path) -> None:
    folder = _goose3(tmp_path)
    assert labelled_pages(folder, "goose3") == [
        LabelledPage(folder / "test_ferry.html", "Ferry fares rise", ("Kim Lee", "Ana Ruiz"), "Fares rise.")
    ]


def test_newspaper_labels_pair_an_article_page_with_its_text(tmp_path: Path) -> None:
    folder = _newspaper(tmp_path)
    assert labelled_pages(folder, "newspaper") == [
        LabelledPage(folder / "html" / "cnn_article.html", None, (), "Storms end."),
        LabelledPage(folder / "html" / "ferry.html", None, (), "Fares rise."),
    ]


def test_readability_labels_take_the_expected_pages_text_and_no_writers(tmp_path: Path) -> None:
    folder = _readability(tmp_path)
    assert labelled_pages(folder, "readability") == [
        LabelledPage(folder / "ferry-1" / "source.html", "Ferry fares rise", (), "Fares rise.")
    ]


def test_newspaper4k_labels_take_the_text_file_over_the_metadatas_text(tmp_path: Path) -> None:
    folder = _newspaper4k(tmp_path)
    assert labelled_pages(folder, "newspaper4k") == [
        LabelledPage(folder / "html" / "ferry.html", "Ferry fares rise", ("Kim Lee",), "Fares rise."),
        LabelledPage(folder / "html" / "storm.html", "Storm", (), "Storms end."),
    ]


@pytest.mark.parametrize(
    ("found", "label", "right"),
    [
        ("Ferry  fares\nrise", "Ferry fares rise", True),  # runs of white space aside
        ("Ferry fares rise - CNN", "Ferry fares rise", False),  # exactly: a site's name left is wrong
        ("ferry fares rise", "Ferry fares rise", False),
        (None, "Ferry fares rise", False),
    ],
)
def test_same_title(found: str | None, label: str, right: bool) -> None:
    assert same_title(found, label) is right


@pytest.mark.parametrize(
    ("found", "label", "right"),
    [
        ("Ana Ruiz; KIM LEE", ["Kim Lee", "Ana Ruiz"], True),  # any order, any case
        ("Kim Lee", ["Kim Lee", "Ana Ruiz"], False),  # one of two writers
        ("Kim Lee; Ana Ruiz; CNN", "Kim Lee; Ana Ruiz", False),
        (None, ["Kim Lee"], False),
    ],
)
def test_same_writers(found: str | None, label: str | list[str], right: bool) -> None:
    assert same_writers(found, label) is right


def test_shingle_recall_counts_the_labelled_texts_word_4grams_found() -> None:
    label = "one two three four five six"  # three 4-grams
    assert shingle_recall(label, "menu one two three four five six footer") == 1.0
    assert shingle_recall(label, "one two three four") == pytest.approx(1 / 3)
    assert shingle_recall(label, "six five four three two one") == 0.0


def test_text_written_without_spaces_counts_its_characters_as_words() -> None:
    # A Chinese paragraph is one run of word characters: counted whole, half of it found would score nothing.
    label = "新的大桥将于秋季开工。工程预计耗资四千八百万元。"
    assert shingle_recall(label, "新的大桥将于秋季开工。") == pytest.approx(7 / 19)  # 22 characters: 19 4-grams
    assert shingle_recall("東京タワーで花火大会", "花火大会") == pytest.approx(1 / 7)
    assert words_of("Die Brücke, 大桥!") == "die brücke 大 桥"


def test_set_figures_count_only_what_each_label_states(tmp_path: Path) -> None:
    full = LabelledPage(tmp_path / "a.html", "Ferry fares rise", ("Kim Lee",), "one two three four five")
    text_only = LabelledPage(tmp_path / "b.html", None, (), "one two three four five")
    rows = [
        score_page(full, "Ferry fares rise", "Kim Lee", "one two three four five"),
        score_page(text_only, "Anything", "Someone", "one two three four"),  # half the 4-grams
        {"error": "timeout"} | score_page(full, None, None, ""),
    ]
    assert rows[1]["title_right"] is None and rows[1]["writers_right"] is None
    assert set_figures(rows) == {
        "pages": 3,
        "refused": 1,
        "titles_labelled": 2,
        "titles_right": 1,
        "writers_labelled": 2,
        "writers_right": 1,
        "texts_labelled": 3,
        "article_recall": 0.5,
    }
