"""The labelled test pages of other article extractors' test suites, found in their own layouts, and how a
reading of them is scored (title, writers, article text); pure, so that tests can check it on small folders.

Layouts (each read where it lies: nothing is copied into the project):
- goose3 (`tests/data/content`, `tests/data/authors`...): `NAME.html` beside `NAME.json`, whose `expected`
  may hold `cleaned_text` (the start of the article's text), `title` and `authors` (a list);
- newspaper (`tests/data`): `html/NAME.html` and `text/NAME.txt`, the article's text (a page named
  `X_article.html` has its text in `X.txt`; a text that is newspaper's note on its failure there is left out);
  no titles or writers;
- newspaper4k (`tests/data`): `html/NAME.html`, `txt/NAME.txt` and `metadata/NAME.json` (`title`, `authors`,
  `text` where no `.txt` is given);
- readability (Mozilla's `test/test-pages`): a folder per page holding `source.html`, `expected.html` (the
  article as readability cleans it: its text is the label) and `expected-metadata.json` (`title`; its
  `byline` is the byline element's raw text, labels and dates included, so no writers are taken from it).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f"
"""Kana, Han and Thai: scripts written without spaces between words, where a run of word characters is a
whole clause; each of their characters counts as a word, so that a 4-gram is four characters, not four clauses."""
WORD = re.compile(rf"[{UNSPACED}]|[^\W{UNSPACED}]+")
SHINGLE = 4
"""Words in a shingle: the article recall counts the expected text's word 4-grams found in the blocks read."""
LAYOUTS = ("goose3", "newspaper", "newspaper4k", "readability")
ARTICLE_SUFFIX = "_article"
"""newspaper's `X_article.html` has its text in `X.txt`."""


@dataclass(frozen=True)
class LabelledPage:
    """One saved page with what its test suite expects an extractor to read from it."""

    page: Path
    """The saved page."""
    title: str | None
    """The expected headline, when the label states one."""
    writers: tuple[str, ...]
    """The expected writers, in the label's order; empty when the label names none."""
    text: str | None
    """The expected article text (or its start), when the label states it."""


def flat(text: str) -> str:
    return " ".join(text.split())


def words_of(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def same_title(found: str | None, label: str) -> bool:
    """Whether the title read is the labelled one, exactly, runs of white space aside."""
    return flat(found or "") == flat(label)


def same_writers(found: str | None, label: str | Sequence[str]) -> bool:
    """Whether the article's writers are the labelled ones (`A; B` or a list), in any order, case and punctuation
    aside."""
    labelled = label.split(";") if isinstance(label, str) else list(label)
    return sorted(map(words_of, (found or "").split(";"))) == sorted(map(words_of, labelled))


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = WORD.findall(text)
    return Counter(tuple(words[n : n + SHINGLE]) for n in range(max(len(words) - SHINGLE + 1, 1)))


def shingle_recall(true: str, found: str) -> float:
    """The share of the expected text's word 4-grams (counted with repeats) that the text found holds."""
    wanted, got = shingles(true), shingles(found)
    return sum((wanted & got).values()) / max(sum(wanted.values()), 1)


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _goose3_label(path: Path) -> dict[str, Any] | None:
    data = _json(path)
    expected = data.get("expected") if isinstance(data, dict) else None
    return expected if isinstance(expected, dict) else None


def layout_of(folder: Path) -> str | None:
    """Which test suite's layout a folder has, if any (see the module's docstring)."""
    if (folder / "html").is_dir() and (folder / "txt").is_dir() and (folder / "metadata").is_dir():
        return "newspaper4k"
    if (folder / "html").is_dir() and (folder / "text").is_dir():
        return "newspaper"
    if any((page / "source.html").is_file() and (page / "expected.html").is_file() for page in folder.iterdir()):
        return "readability"
    pairs = (path for path in sorted(folder.glob("*.json")) if path.with_suffix(".html").is_file())
    return "goose3" if any(_goose3_label(path) is not None for path in pairs) else None


def find_sets(folder: Path) -> list[tuple[Path, str]]:
    """The labelled sets in a folder: the folder itself when it has a layout, else the folders below it that
    have one (a suite's whole `tests`, or its repository), in name order."""
    if (layout := layout_of(folder)) is not None:
        return [(folder, layout)]
    found: list[tuple[Path, str]] = []
    for child in sorted(path for path in folder.iterdir() if path.is_dir() and not path.name.startswith(".")):
        found.extend(find_sets(child))
    return found


def _writers(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, list):
        return ()
    return tuple(flat(name) for name in value if isinstance(name, str) and flat(name))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


MAX_NOTE_CHARS = 300


def is_note(text: str) -> bool:
    """Whether a labelled text is newspaper's note on its own failure in place of the text ("MISSED LAST
    PARAGRAPH", "FAILED, ENTIRE ARTICLE LOADED VIA JS"): short and in capitals only."""
    letters = [character for character in text if character.isalpha()]
    return len(text.strip()) <= MAX_NOTE_CHARS and bool(letters) and all(letter.isupper() for letter in letters)


BLOCK_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "pre", "blockquote",
              "figcaption", "dd", "dt", "section", "article", "table", "ul", "ol")  # fmt: skip


def html_text(markup: str) -> str:
    """The text of an HTML fragment as a browser shows it, its blocks apart by a space, inline elements run in."""
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    for element in root.iter(*BLOCK_TAGS):
        element.tail = " " + (element.tail or "")
    return flat(root.text_content())


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else None


def labelled_pages(folder: Path, layout: str) -> list[LabelledPage]:
    """The pages of one set whose label states a title, writers or the article's text, in name order."""
    pages: list[LabelledPage] = []
    if layout == "goose3":
        for label_path in sorted(folder.glob("*.json")):
            expected = _goose3_label(label_path)
            if expected is None or not label_path.with_suffix(".html").is_file():
                continue
            pages.append(
                LabelledPage(
                    label_path.with_suffix(".html"),
                    _text(expected.get("title")),
                    _writers(expected.get("authors")),
                    _text(expected.get("cleaned_text")),
                )
            )
    elif layout == "newspaper":
        for page in sorted((folder / "html").glob("*.html")):
            stem = page.stem
            names = [stem, stem.removesuffix(ARTICLE_SUFFIX)]
            text = next((found for name in names if (found := _read(folder / "text" / f"{name}.txt"))), None)
            pages.append(LabelledPage(page, None, (), None if text and is_note(text) else _text(text)))
    elif layout == "newspaper4k":
        for page in sorted((folder / "html").glob("*.html")):
            meta = _json(folder / "metadata" / f"{page.stem}.json")
            meta = meta if isinstance(meta, dict) else {}
            text = _read(folder / "txt" / f"{page.stem}.txt") or meta.get("text")
            pages.append(LabelledPage(page, _text(meta.get("title")), _writers(meta.get("authors")), _text(text)))
    elif layout == "readability":
        for folder_of_page in sorted(path for path in folder.iterdir() if (path / "source.html").is_file()):
            meta = _json(folder_of_page / "expected-metadata.json")
            meta = meta if isinstance(meta, dict) else {}
            markup = _read(folder_of_page / "expected.html")
            cleaned = html_text(markup) if markup else None
            pages.append(LabelledPage(folder_of_page / "source.html", _text(meta.get("title")), (), _text(cleaned)))
    else:
        raise ValueError(f"unknown layout {layout!r}: one of {', '.join(LAYOUTS)}")
    return [page for page in pages if page.title or page.writers or page.text]


def score_page(label: LabelledPage, title: str | None, writers: str | None, text: str) -> dict[str, Any]:
    """How one page read against its label: the title (None when no title is labelled), the writers (None when
    the label names none) and the article recall (None when no text is labelled)."""
    return {
        "title_right": same_title(title, label.title) if label.title else None,
        "writers_right": same_writers(writers, label.writers) if label.writers else None,
        "recall": round(shingle_recall(label.text, text), 4) if label.text else None,
    }


def set_figures(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One set's figures from its pages' scores (`score_page`, plus `error` on a page read as nothing)."""
    rows = list(rows)
    titled = [row["title_right"] for row in rows if row["title_right"] is not None]
    named = [row["writers_right"] for row in rows if row["writers_right"] is not None]
    recalls = [row["recall"] for row in rows if row["recall"] is not None]
    return {
        "pages": len(rows),
        "refused": sum("error" in row for row in rows),
        "titles_labelled": len(titled),
        "titles_right": sum(titled),
        "writers_labelled": len(named),
        "writers_right": sum(named),
        "texts_labelled": len(recalls),
        "article_recall": round(sum(recalls) / len(recalls), 4) if recalls else None,
    }
