"""Which files a batch takes from its inputs (files, folders, globs), and what it leaves alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.batch import BatchInput, expand_inputs
from translator.errors import InputError


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("a.txt", "sub/b.md", "sub/deep/c.json", "notes.pdf", ".hidden.txt", "out/a.en.json", "out/a.en.po"):
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    return tmp_path / "in"


def relatives(items: list[BatchInput]) -> list[str]:
    return [str(item.relative) for item in items]


def test_folders_are_walked_for_thread_files_only(tree: Path) -> None:
    assert relatives(expand_inputs([str(tree)])) == ["a.txt", "out/a.en.json", "sub/b.md", "sub/deep/c.json"]


def test_an_output_folder_inside_the_inputs_is_not_read_back(tree: Path) -> None:
    assert relatives(expand_inputs([str(tree)], tree / "out")) == ["a.txt", "sub/b.md", "sub/deep/c.json"]
    # Named explicitly, a file is taken wherever it lies.
    assert relatives(expand_inputs([str(tree / "out" / "a.en.json")], tree / "out")) == ["a.en.json"]


def test_globs_and_repeats(tree: Path) -> None:
    items = expand_inputs([str(tree / "sub" / "**" / "*.*"), str(tree / "sub" / "b.md")])
    assert sorted(item.path.name for item in items) == ["b.md", "c.json"]


def test_nothing_to_take_is_an_error(tree: Path) -> None:
    with pytest.raises(InputError, match="nothing matches"):
        expand_inputs([str(tree / "*.docx")])
    with pytest.raises(InputError, match="no such file or folder"):
        expand_inputs([str(tree / "missing")])
    (tree / "empty").mkdir()
    (tree / "empty" / "scan.pdf").write_text("x")
    with pytest.raises(InputError, match="no thread file"):
        expand_inputs([str(tree / "empty")])


def test_feeds_and_exports_are_taken_from_folders(tmp_path: Path) -> None:
    for name in ("news.rss", "blog.atom", "comments.xml", "page.html.txt", "style.css"):
        (tmp_path / name).write_text("x")
    assert relatives(expand_inputs([str(tmp_path)])) == ["blog.atom", "comments.xml", "news.rss", "page.html.txt"]


def test_a_file_of_several_threads_is_resumed_by_its_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A feed's outputs are one per item: the record keeps their names, so a rerun skips the feed, and
    redoes it when one of them is gone."""
    from tests.fakes import FakeEngine
    from translator import jobs
    from translator.batch import run_batch

    feed = Path(__file__).resolve().parent / "data" / "readers" / "feed.rss"
    settings = jobs.JobSettings(target="en", formats=("md",), languages=("fr", "en"), memory=str(tmp_path / "tm"))
    kit = jobs.Toolkit(settings)
    kit.engine = FakeEngine()
    monkeypatch.setattr(jobs, "_process_toolkit", (settings, kit))
    items = expand_inputs([str(feed)])
    out = tmp_path / "out"
    first = run_batch(items, out, settings)
    assert (first.ok, first.skipped) == (1, 0) and len(list(out.glob("feed.*.en.md"))) == 3
    assert (run_batch(items, out, settings).skipped, run_batch(items, out, settings).ok) == (1, 0)
    (out / "feed.item-02.en.md").unlink()
    again = run_batch(items, out, settings)
    assert (again.ok, again.skipped) == (1, 0) and (out / "feed.item-02.en.md").is_file()
