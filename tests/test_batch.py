"""Which files a batch takes from its inputs (files, folders, globs), what it leaves alone, and how one
failing input (a worker that dies included) leaves the others alone."""

from __future__ import annotations

import os
from concurrent.futures import Executor
from pathlib import Path

import pytest

from translator.batch import BatchInput, expand_inputs, run_batch
from translator.errors import InputError
from translator.jobs import JobResult, JobSettings, output_paths, run_jobs


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    names = ("a.txt", "sub/b.md", "sub/deep/c.json", "notes.pdf", ".hidden.txt", "out/a.en.json", "out/a.en.po")
    for name in (*names, "README.md", "sub/License.txt", ".git/info/exclude.txt", "sub/.cache/d.json"):
        path = tmp_path / "in" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    return tmp_path / "in"


def relatives(items: list[BatchInput]) -> list[str]:
    return [str(item.relative) for item in items]


def test_folders_are_walked_for_thread_files_only(tree: Path) -> None:
    assert relatives(expand_inputs([str(tree)])) == ["a.txt", "out/a.en.json", "sub/b.md", "sub/deep/c.json"]


def test_a_folders_documentation_is_taken_only_when_named(tree: Path) -> None:
    assert "README.md" not in relatives(expand_inputs([str(tree)]))
    assert relatives(expand_inputs([str(tree / "README.md"), str(tree / "sub" / "License.txt")])) == [
        "README.md",
        "License.txt",
    ]


def test_an_output_folder_inside_the_inputs_is_not_read_back(tree: Path) -> None:
    assert relatives(expand_inputs([str(tree)], tree / "out")) == ["a.txt", "sub/b.md", "sub/deep/c.json"]
    # Named explicitly, a file is taken wherever it lies.
    assert relatives(expand_inputs([str(tree / "out" / "a.en.json")], tree / "out")) == ["a.en.json"]


def test_globs_and_repeats(tree: Path) -> None:
    items = expand_inputs([str(tree / "sub" / "**" / "*.*"), str(tree / "sub" / "b.md")])
    # A pattern is the user's own choice: what it matches is taken, documentation included.
    assert sorted(item.path.name for item in items) == ["License.txt", "b.md", "c.json"]


def test_what_a_pattern_matches_keeps_its_place_below_the_patterns_folder(tmp_path: Path) -> None:
    for name in ("in/2024-01/comments.json", "in/2024-02/comments.json", "in/2024-02/extra/page.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    # Files matched in folders of one name keep their folders, so their outputs do not replace each other.
    assert relatives(expand_inputs([str(tmp_path / "in" / "*" / "comments.json")])) == [
        "2024-01/comments.json",
        "2024-02/comments.json",
    ]
    # A folder a pattern matches is mirrored below the pattern's fixed part.
    assert relatives(expand_inputs([str(tmp_path / "in" / "*")])) == [
        "2024-01/comments.json",
        "2024-02/comments.json",
        "2024-02/extra/page.html",
    ]


@pytest.mark.parametrize(
    ("files", "inputs"),
    [
        (("a/x.txt", "b/x.txt"), ("a/x.txt", "b/x.txt")),  # two files of one name, named one by one
        (("a/x.txt", "b/x.txt"), ("a", "b")),  # two folders holding a file of one name
        (("a/x.txt", "a/x.html"), ("a",)),  # one thread saved twice in a folder: x.en.po from both
    ],
)
def test_two_inputs_writing_the_same_outputs_are_refused(
    tmp_path: Path, files: tuple[str, ...], inputs: tuple[str, ...]
) -> None:
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    with pytest.raises(InputError, match=r"would both be written as x\.LANG"):
        expand_inputs([str(tmp_path / name) for name in inputs])


def test_a_file_whose_name_reads_as_a_pattern_is_taken_as_named(tmp_path: Path) -> None:
    named = tmp_path / "thread [2024].txt"
    named.write_text("x")
    (tmp_path / "thread 2.txt").write_text("x")  # what `[2024]` would match as a pattern
    assert [item.path for item in expand_inputs([str(named)])] == [named]


def test_nothing_to_take_is_an_error(tree: Path) -> None:
    with pytest.raises(InputError, match="nothing matches"):
        expand_inputs([str(tree / "*.docx")])
    with pytest.raises(InputError, match="no such file or folder"):
        expand_inputs([str(tree / "missing")])
    (tree / "empty").mkdir()
    (tree / "empty" / "scan.pdf").write_text("x")
    with pytest.raises(InputError, match="no thread file"):
        expand_inputs([str(tree / "empty")])


def test_feeds_exports_and_saved_pages_are_taken_from_folders(tmp_path: Path) -> None:
    names = (
        "news.rss",
        "blog.atom",
        "old.rdf",
        "comments.xml",
        "page.html.txt",
        "Page.HTML",
        "b.htm",
        "c.xhtml",
        "d.mhtml",
        "e.mht",
    )
    for name in (*names, "style.css", "page_files/script.js"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert relatives(expand_inputs([str(tmp_path)])) == sorted(names)


def test_compressed_files_and_json_lines_are_taken_from_folders(tmp_path: Path) -> None:
    names = ("dump.jsonl", "posts.ndjson", "comments.json.gz", "feed.xml.bz2", "page.html.xz")
    for name in (*names, "backup.tar.gz", "README.md.gz", "notes.gz"):
        (tmp_path / name).write_text("x")
    assert relatives(expand_inputs([str(tmp_path)])) == sorted(names)


def test_a_compressed_thread_is_written_under_its_name_without_suffixes(tmp_path: Path) -> None:
    settings = JobSettings(source=None, target="en", formats=("po", "xliff"))
    outputs = output_paths(tmp_path / "comments.json.gz", tmp_path / "out", Path("sub/comments.json.gz"), settings)
    assert outputs == {
        "po": tmp_path / "out" / "sub" / "comments.en.po",
        "xliff": tmp_path / "out" / "sub" / "comments.en.xlf",
    }
    for name in ("x.json", "x.json.gz"):
        (tmp_path / name).write_text("x")
    with pytest.raises(InputError, match=r"would both be written as x\.LANG"):
        expand_inputs([str(tmp_path / "x.json"), str(tmp_path / "x.json.gz")])


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


def dies_on_crash_files(
    inputs: list[tuple[str, str]], out_dir: str, settings: JobSettings, writer: Executor | None = None
) -> list[JobResult]:
    """The real job, except that the worker process dies outright on a file named crash*: what a crash
    in a native library, or the kernel killing the worker for memory, looks like to the batch."""
    if any(Path(path).name.startswith("crash") for path, _ in inputs):
        os._exit(70)
    return run_jobs(inputs, out_dir, settings, writer)


def test_a_worker_that_dies_fails_only_its_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(19):
        (inputs / f"t{number:02}.txt").write_text(f"Le prochain vol aura lieu en juin.\n\nMerci {number}.\n")
    (inputs / "crash.txt").write_text("Le ministre a confirmé la date hier.\n")
    settings = JobSettings(target="en", formats=("po",), use_memory=False, languages=("fr", "en"))
    seen: list[tuple[str, str | None]] = []
    summary = run_batch(
        expand_inputs([str(inputs)]),
        tmp_path / "out",
        settings,
        jobs=2,
        report=lambda item, result: seen.append((item.path.name, result.error if result else None)),
        job=dies_on_crash_files,
    )
    assert (summary.ok, summary.failed) == (19, 1)
    [(path, why)] = summary.failures
    assert path.endswith("crash.txt") and "worker process translating it died" in why
    assert sorted(name for name, _ in seen) == sorted(path.name for path in inputs.iterdir())
    assert len(list((tmp_path / "out").glob("*.po"))) == 19
    assert summary.totals.blocks == 2 * 19
