"""`translate`, `apply`, `batch` and `memory` as a user runs them, on the real demo model."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import polib
import pytest

from tests.conftest import DEMO, REPO, run_cli, subprocess_env
from tests.formats import cat_tool
from translator.formats.xliff import XliffFormat

MIXED = REPO / "tests" / "data" / "mixed-thread.txt"


@pytest.fixture
def memory(tmp_path: Path) -> str:
    return str(tmp_path / "tm.sqlite")


def test_translate_demo_writes_every_format(tmp_path: Path, memory: str) -> None:
    out = tmp_path / "out"
    result = run_cli("translate", "--demo", "-o", str(out), "--format", "po,json,md,html", "--memory", memory)
    assert result.code == 0, result.stderr
    names = sorted(path.name for path in out.iterdir())
    assert names == ["demo-thread.en.html", "demo-thread.en.json", "demo-thread.en.md", "demo-thread.en.po"]
    po = polib.pofile(str(out / "demo-thread.en.po"))
    by_id = {entry.msgctxt: entry for entry in po}
    assert by_id["article.p5"].msgstr == "The next flight will take place in June."
    assert by_id["c5.p2"].msgstr == "The minister confirmed the date yesterday."
    assert "fuzzy" in by_id["article.p5"].flags
    document = json.loads((out / "demo-thread.en.json").read_text())
    assert document["posts"][0]["blocks"][0]["translation"]["origin"] == "machine"
    assert "The next flight will take place in June." in (out / "demo-thread.en.md").read_text()
    assert "blocks" in result.stderr and "QA issues" in result.stderr


def test_translate_to_stdout(memory: str) -> None:
    result = run_cli("translate", str(DEMO), "--format", "md", "-o", "-", "--memory", memory, "--no-glossary")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("*Claire Dubois")


def test_translate_reads_a_thread_on_stdin(tmp_path: Path, memory: str) -> None:
    thread = DEMO.read_text(encoding="utf-8")
    piped = run_cli("translate", "-", "--format", "md", "--memory", memory, stdin=thread)
    assert piped.code == 0, piped.stderr
    assert piped.stdout.startswith("*Claire Dubois")  # stdout, unless -o says otherwise
    into = run_cli("translate", "-", "-o", "out/", "--memory", memory, stdin=thread, cwd=tmp_path)
    assert into.code == 0, into.stderr
    assert (tmp_path / "out" / "stdin.en.po").is_file()
    # Messages name standard input, not a temporary file.
    empty = run_cli("translate", "-", stdin="")
    assert (empty.code, empty.stderr) == (
        1,
        "translator: error: standard input is empty (give a file holding an article or a comment thread)\n",
    )


def test_set_lang_is_kept_through_translation(tmp_path: Path, memory: str) -> None:
    def c5_p2(*extra: str) -> dict[str, Any]:
        result = run_cli("translate", "--demo", "--format", "json", "-o", "-", "--memory", memory, *extra)
        assert result.code == 0, result.stderr
        posts = json.loads(result.stdout)["posts"]
        return next(block for post in posts for block in post["blocks"] if block["id"] == "c5.p2")

    detected = c5_p2()  # first run: the thread is kept in the memory
    assert (detected["lang"], detected["lang_source"]) == ("fr", "detected")
    # A hand-set language is not served the kept thread detected without it.
    manual = c5_p2("--set-lang", "c5.p2=de")
    assert (manual["lang"], manual["lang_source"]) == ("de", "manual")
    assert manual["translation"]["source_lang"] == "de"
    unknown = run_cli("translate", "--demo", "--set-lang", "c99.p1=de", "-o", "-", "--memory", memory)
    assert (unknown.code, unknown.stderr) == (
        1,
        "translator: error: no block c99.p1 in this thread (see the block ids with `translator inspect`)\n",
    )


def test_second_run_uses_the_memory(tmp_path: Path, memory: str) -> None:
    first = run_cli("translate", "--demo", "-o", str(tmp_path / "a.po"), "--memory", memory)
    second = run_cli("translate", "--demo", "-o", str(tmp_path / "b.po"), "--memory", memory)
    assert first.code == second.code == 0
    assert "0 from memory" in first.stderr
    assert " 0 translated" in second.stderr
    a = [e.msgstr for e in polib.pofile(str(tmp_path / "a.po"))]
    assert a == [e.msgstr for e in polib.pofile(str(tmp_path / "b.po"))]


REVIEWED = "The head of the space agency welcomed a major success."


def approve_in_poedit(path: Path) -> None:
    """What a reviewer does in a PO editor: a new translation, the fuzzy flag removed."""
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgctxt == "article.p3")
    entry.msgstr = REVIEWED
    entry.flags.remove("fuzzy")
    po.save(str(path))


def approve_in_a_cat_tool(path: Path, version: XliffFormat) -> None:
    """What a translator does in a CAT tool: a new target, the state moved to final, the file re-indented."""
    tree = cat_tool.load(path)
    unit = cat_tool.units(tree, version)["article.p3"]
    cat_tool.set_target(unit, REVIEWED, version)
    cat_tool.set_state(unit, "final", version)
    cat_tool.reindent(tree.getroot())
    cat_tool.save(tree, path)


# (the output format, its file name): each is reviewed elsewhere, applied, and imported into the memory.
REVIEW_FORMATS = [("po", "demo-thread.en.po"), ("xliff", "demo-thread.en.xlf"), ("xliff2", "demo-thread.en.xliff2.xlf")]


@pytest.mark.parametrize(("fmt", "name"), REVIEW_FORMATS)
def test_review_apply_and_memory_import_round_trip(tmp_path: Path, memory: str, fmt: str, name: str) -> None:
    out = tmp_path / "out"
    result = run_cli("translate", "--demo", "-o", str(out), "--format", f"json,{fmt}", "--memory", memory)
    assert result.code == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == sorted(["demo-thread.en.json", name])
    path = out / name
    if fmt == "po":
        approve_in_poedit(path)
    else:
        approve_in_a_cat_tool(path, "xliff" if fmt == "xliff" else "xliff2")

    applied = run_cli("apply", str(path), str(DEMO), "--format", "json")
    assert applied.code == 0, applied.stderr
    blocks = {b["id"]: b for p in json.loads(applied.stdout)["posts"] for b in p["blocks"]}
    assert blocks["article.p3"]["translation"]["text"] == REVIEWED
    assert blocks["article.p3"]["translation"]["status"] == "reviewed"
    assert blocks["article.p5"]["translation"]["text"] == "The next flight will take place in June."
    assert blocks["article.p5"]["translation"]["status"] == "draft"

    imported = run_cli("memory", "import", str(path), "--memory", memory)
    assert imported.code == 0 and "Imported 1 human translation into" in imported.stderr
    again = tmp_path / "again.po"
    assert run_cli("translate", "--demo", "-o", str(again), "--memory", memory).code == 0
    reviewed = next(e for e in polib.pofile(str(again)) if e.msgctxt == "article.p3")
    assert reviewed.msgstr == REVIEWED
    assert "fuzzy" not in reviewed.flags


def test_memory_tmx_export_import_and_stats(tmp_path: Path, memory: str) -> None:
    assert run_cli("translate", "--demo", "-o", str(tmp_path / "d.po"), "--memory", memory).code == 0
    tmx = tmp_path / "exports" / "tm.tmx"  # a new folder is created, as `translate -o` creates one
    exported = run_cli("memory", "export", str(tmx), "--memory", memory)
    assert exported.code == 0, exported.stderr
    assert "<tmx" in tmx.read_text()
    # The demo's translations are the model's: imported back, they must not pass for a person's.
    other = str(tmp_path / "other.sqlite")
    imported = run_cli("memory", "import", "--tmx", str(tmx), "--memory", other)
    assert imported.code == 0, imported.stderr
    assert "Imported 0 human translations" in imported.stderr and imported.stdout == ""
    count = int(exported.stderr.split()[1])  # "Exported N entries to ..."
    assert f"Left out {count} machine translations" in imported.stderr
    assert "human" not in run_cli("memory", "stats", "--memory", other).stdout
    # A person's translation goes through the round trip as one.
    approved = tmp_path / "d.po"
    po = polib.pofile(str(approved))
    po[2].flags.remove("fuzzy")
    po.save()
    assert run_cli("memory", "import", str(approved), "--memory", memory).code == 0
    exported = run_cli("memory", "export", "-", "--memory", memory)
    assert exported.code == 0, exported.stderr
    assert exported.stdout.startswith("<?xml") and f"exported {count} entries" in exported.stderr
    assert not (tmp_path / "-").exists()
    tmx.write_text(exported.stdout)
    assert run_cli("memory", "import", "--tmx", str(tmx), "--memory", other).code == 0
    stats = run_cli("memory", "stats", "--memory", other)
    assert "fr-en: 1 human" in stats.stdout


def test_memory_prune_drops_kept_threads_and_keeps_sentences(tmp_path: Path, memory: str) -> None:
    first = run_cli("translate", "--demo", "-o", str(tmp_path / "a.po"), "--memory", memory)
    assert first.code == 0, first.stderr
    stats = run_cli("memory", "stats", "--memory", memory)
    assert "1 whole translated thread kept for reruns" in stats.stdout and "MB" in stats.stdout
    recent = run_cli("memory", "prune", "--older-than", "1", "--memory", memory)
    assert recent.code == 0 and "Dropped 0 whole translated threads kept more than 1 day ago" in recent.stderr
    pruned = run_cli("memory", "prune", "--memory", memory)
    assert pruned.code == 0 and "Dropped 1 whole translated thread " in pruned.stderr
    assert "whole translated thread" not in run_cli("memory", "stats", "--memory", memory).stdout
    # Rebuilt from the sentence entries: nothing goes to the engine, and the thread is kept again.
    again = run_cli("translate", "--demo", "-o", str(tmp_path / "b.po"), "--memory", memory)
    assert again.code == 0 and " 0 translated" in again.stderr
    assert [e.msgstr for e in polib.pofile(str(tmp_path / "a.po"))] == [
        e.msgstr for e in polib.pofile(str(tmp_path / "b.po"))
    ]
    assert "1 whole translated thread kept" in run_cli("memory", "stats", "--memory", memory).stdout
    for bad in ("-3", "soon", "nan"):
        refused = run_cli("memory", "prune", "--older-than", bad, "--memory", memory)
        assert refused.code != 0 and "is not a number of days" in refused.stderr


def test_apply_with_a_foreign_po_is_refused(tmp_path: Path, sample_path: Path, memory: str) -> None:
    po_path = tmp_path / "demo.po"
    assert run_cli("translate", "--demo", "-o", str(po_path), "--memory", memory).code == 0
    result = run_cli("apply", str(po_path), str(sample_path))
    assert result.code == 1
    assert "was not made from this thread" in result.stderr


def make_corpus(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    shutil.copy(DEMO, folder / "demo.txt")
    shutil.copy(MIXED, folder / "sub" / "mixed.txt")
    (folder / "sub" / "empty.txt").write_text("")
    return folder


def test_batch_mirrors_the_tree_reports_bad_files_and_resumes(tmp_path: Path, memory: str) -> None:
    inputs, out = make_corpus(tmp_path / "in"), tmp_path / "out"
    first = run_cli("batch", str(inputs), "-o", str(out), "--memory", memory, "--format", "po,md")
    assert first.code == 1  # one bad file
    assert "empty.txt" in first.stderr and "is empty" in first.stderr
    assert (out / "demo.en.po").is_file() and (out / "sub" / "mixed.en.md").is_file()
    assert "2 ok, 1 failed" in first.stderr
    second = run_cli("batch", str(inputs), "-o", str(out), "--memory", memory, "--format", "po,md")
    assert "0 ok, 1 failed, 2 already done" in second.stderr


def test_batch_with_two_workers(tmp_path: Path, memory: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(3):
        shutil.copy(DEMO, inputs / f"t{number}.txt")
    result = run_cli("batch", str(inputs / "*.txt"), "-o", str(tmp_path / "out"), "--jobs", "2", "--memory", memory)
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.po")) == ["t0.en.po", "t1.en.po", "t2.en.po"]


def test_killed_batch_leaves_no_half_written_file_and_resumes(tmp_path: Path, memory: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    sys.path.insert(0, str(REPO / "tools"))
    from demo_grammar import generate

    # Different files (the same one twelve times would come from the memory after the first chunk).
    for number in range(12):
        extra = " ".join(example.source for example in generate("fr-en", 40, seed=number))
        (inputs / f"t{number:02}.txt").write_text(DEMO.read_text(encoding="utf-8") + "\n" + extra + "\n")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "cli", "batch", str(inputs), "-o", str(out), "--memory", memory]
    process = subprocess.Popen(command, env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # Kill once some files are recorded as finished and others are not (the second chunk is under way).
    manifest = out / ".translator-batch.json"
    while time.monotonic() < deadline and not manifest.is_file():
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    finished_before_kill = len(json.loads(manifest.read_text())["done"])
    assert 0 < finished_before_kill < 12
    # SIGKILL allows no clean-up: a temp file may be left, but every output file there is whole.
    for po in out.glob("*.po"):
        polib.pofile(str(po))
    for output in out.glob("*.json"):
        json.loads(output.read_text())
    resumed = run_cli("batch", str(inputs), "-o", str(out), "--memory", memory)
    assert resumed.code == 0, resumed.stderr
    assert len(list(out.glob("*.po"))) == 12
    assert "already done" in resumed.stderr
    assert not list(out.glob(".*.tmp")), "the resumed run removes what the killed one left"


def test_an_interrupted_batch_says_how_to_finish(tmp_path: Path, memory: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    sys.path.insert(0, str(REPO / "tools"))
    from demo_grammar import generate

    for number in range(12):
        # The last files are long, so the signal lands mid-run even when it arrives late on a busy machine.
        count = 40 if number < 8 else 600
        extra = " ".join(example.source for example in generate("fr-en", count, seed=number))
        (inputs / f"t{number:02}.txt").write_text(DEMO.read_text(encoding="utf-8") + "\n" + extra + "\n")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "cli", "batch", str(inputs), "-o", str(out), "--memory", memory]
    process = subprocess.Popen(
        command,
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # A suite started in the background (`cmd &` without job control) ignores SIGINT, and so would the batch.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / ".translator-batch.json").is_file():
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr.decode().splitlines()[-1] == (
        "translator: interrupted (the finished files are kept: run the same command again to do the rest)"
    )


def test_translate_bad_inputs_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for args, message in [
        (["translate", str(empty)], "is empty"),
        (["translate", "--demo", "--to", "x_y!"], "is not a language code"),
        (["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "o")], "no such file or folder"),
    ]:
        result = run_cli(*args, "--memory", str(tmp_path / "tm.sqlite"))
        assert result.code == 1, args
        assert message in result.stderr and "Traceback" not in result.stderr


def test_a_code_naming_no_language_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    for args in (["translate", "--demo", "--to", "xx"], ["batch", str(tmp_path), "--from", "qq", "--to", "en"]):
        result = run_cli(*args, "-o", str(tmp_path / "out"), "--memory", str(tmp_path / "tm.sqlite"))
        assert result.code == 2, args
        assert "not a language code" in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / "out").exists()


SPANISH_THREAD = """La agencia espacial confirmó ayer que el próximo lanzamiento se retrasa hasta el mes de junio.

Los técnicos todavía revisan los motores del cohete y esperan terminar las pruebas antes del verano.
"""


def test_a_file_no_installed_model_can_translate_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    # Written, it would only repeat the thread with every block flagged: a script must see it failed.
    out = tmp_path / "out.po"
    result = run_cli("translate", "--demo", "--to", "es", "-o", str(out), "--memory", str(tmp_path / "tm.sqlite"))
    assert result.code == 1 and not out.exists()
    [line] = result.stderr.splitlines()
    assert line.startswith("translator: error: nothing could be translated: no model for de->es, en->es, fr->es")
    assert "translator models install fr es" in line  # the pair most of the thread needs

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(DEMO, inputs / "demo.txt")
    (inputs / "spanish.txt").write_text(SPANISH_THREAD, encoding="utf-8")
    batch = run_cli("batch", str(inputs), "-o", str(tmp_path / "o"), "--memory", str(tmp_path / "tm.sqlite"))
    assert batch.code == 1, batch.stderr
    assert "spanish.txt" in batch.stderr and "no model for es->en" in batch.stderr
    assert "1 ok, 1 failed" in batch.stderr
    written = sorted(path.name for path in (tmp_path / "o").iterdir() if not path.name.startswith("."))
    assert written and all(name.startswith("demo.en.") for name in written)


def test_three_letter_codes_mean_their_two_letter_language(tmp_path: Path) -> None:
    result = run_cli("translate", "--demo", "--from", "fra", "--to", "eng", "-o", str(tmp_path / "t.json"))
    assert result.code == 0, result.stderr
    assert json.loads((tmp_path / "t.json").read_text())["target_lang"] == "en"


# Sentences the demo model knows, several with glossary terms, for corpora where quotes repeat across files.
QUOTABLE = [
    "SpaceX a lancé 130 fusées Falcon 9 l'année dernière.",
    "Le ministre a confirmé la date hier.",
    "Le prochain vol aura lieu en juin.",
    "L'agence prévoit quatre lancements cette année.",
    "Le président de l'agence a déclaré que l'Europe doit accélérer.",
    "La NASA et le Pentagone ont signé avec SpaceX.",
    "Vladimir Poutine parle avec Elon Musk de Starlink.",
    "Le Kremlin dément.",
    "Selon le ministre, le programme coûtera 2 milliards d'euros.",
    "La fusée Ariane 6 a décollé mardi matin depuis la base de Kourou.",
]


def quoting_corpus(folder: Path, files: int = 17, seed: int = 3) -> Path:
    """Threads whose comments quote paragraphs shared across files (more files than one batch chunk)."""
    rng = random.Random(seed)
    shared = [" ".join(rng.sample(QUOTABLE, 2)) for _ in range(5)]
    folder.mkdir(parents=True)
    for number in range(files):
        article = "\n\n".join([*rng.sample(QUOTABLE, 2), rng.choice(shared)])
        comments = [f"> {rng.choice(shared)}\n\n{rng.choice(QUOTABLE)}" for _ in range(2)]
        text = f"# {rng.choice(QUOTABLE)}\n\n{article}\n\n---\n\n" + "\n\n---\n\n".join(comments) + "\n"
        (folder / f"thread-{number:02}.md").write_text(text, encoding="utf-8")
    return folder


def output_files(folder: Path) -> dict[str, str]:
    """Every output file's text, dates masked (the PO header says when it was made)."""
    return {
        str(path.relative_to(folder)): re.sub(r'"(POT-Creation|PO-Revision)-Date: [^"]*"', "DATE", path.read_text())
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".translator-batch.json"
    }


def test_jobs_1_jobs_2_and_a_rerun_give_the_same_files(tmp_path: Path) -> None:
    corpus = quoting_corpus(tmp_path / "in")
    runs = {
        "jobs 1": ("--jobs", "1", "--memory", str(tmp_path / "one.sqlite")),
        "jobs 2": ("--jobs", "2", "--memory", str(tmp_path / "two.sqlite")),
        "rerun": ("--jobs", "2", "--memory", str(tmp_path / "one.sqlite")),  # the whole threads kept by jobs 1
    }
    outputs = {}
    for name, options in runs.items():
        out = tmp_path / name.replace(" ", "")
        result = run_cli("batch", str(corpus), "-o", str(out), "--format", "po,json", *options)
        assert result.code == 0, result.stderr
        outputs[name] = output_files(out)
    assert len(outputs["jobs 1"]) == 34
    assert outputs["jobs 2"] == outputs["jobs 1"]
    assert outputs["rerun"] == outputs["jobs 1"]
    assert "0 translated" in result.stderr  # the rerun took everything from the memory
    # Quotes reused from the memory carry their glossary terms, as the first translation did.
    with_term = [
        entry
        for path in sorted((tmp_path / "jobs1").glob("*.po"))
        for entry in polib.pofile(str(path))
        if "SpaceX a lancé" in entry.msgid
    ]
    assert len(with_term) > 17
    assert all("SpaceX -> SpaceX" in entry.comment for entry in with_term)


HOSTILE_JSON = {
    # Nested far beyond any recursion limit (a RecursionError in the JSON parser).
    "deep": lambda: '{"posts": ' * 100_000 + "}" * 100_000,
    # An integer too long for Python to convert (a ValueError).
    "long-number": lambda: '{"title": "x", "posts": [{"id": "c1", "votes": {"up": ' + "9" * 5000 + "}}]}",
}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("case", sorted(HOSTILE_JSON))
def test_one_bad_input_is_reported_and_the_batch_goes_on(tmp_path: Path, case: str, jobs: str) -> None:
    corpus = quoting_corpus(tmp_path / "in", files=9)
    (corpus / "bad.json").write_text(HOSTILE_JSON[case](), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("batch", str(corpus), "-o", str(out), "--jobs", jobs, "--no-memory", "--format", "po")
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert "9 ok, 1 failed" in result.stderr
    [failure] = [line for line in result.stderr.splitlines() if line.startswith("fail ")]
    assert failure.count("bad.json") == 1  # the path once, though the error starts with it too
    assert len(list(out.glob("*.po"))) == 9


def test_the_summary_gives_each_failure_on_one_line(tmp_path: Path) -> None:
    corpus = tmp_path / "a-folder-with-a-rather-long-name" / "and-another-one-below-it"
    corpus.mkdir(parents=True)
    (corpus / "an-empty-thread-file-with-a-long-name.txt").write_text("")
    result = run_cli("batch", str(corpus.parent), "-o", str(tmp_path / "out"), "--no-memory")
    assert result.code == 1
    [failure] = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    # Not wrapped at 80 columns: the whole message, hint included, is on the line.
    assert failure.endswith("is empty (give a file holding an article or a comment thread)")
    assert failure.count("an-empty-thread-file-with-a-long-name.txt") == 1


PUTIN = "Vladimir Poutine parle avec Elon Musk de Starlink."
ROCKETS = "SpaceX a lancé 130 fusées Falcon 9 l'année dernière."
LAUNCHERS = "\n".join(
    [
        "#, fuzzy",
        'msgid ""',
        'msgstr ""',
        '"Language: en\\n"',
        '"X-Source-Language: fr\\n"',
        "",
        'msgid "fusées"',
        'msgstr "launchers"',
        "",
    ]
)


@pytest.mark.parametrize(
    ("args", "stdout_has", "stderr_has", "stderr_lacks"),
    [
        # The glossary applies by default, as for `translate` (what it guarantees is checked in the test below).
        ([PUTIN], "", "", "error"),
        # Without it, no term is checked.
        ([PUTIN, "--no-glossary"], "", "", "missing-term"),
        # An explicit glossary file.
        ([ROCKETS, "--glossary", "{tmp}/launchers.po"], "launchers", "", "error"),
        # A folder of glossaries instead of the shipped ones.
        ([ROCKETS, "--glossary-dir", "{tmp}/glossaries"], "launchers", "", "error"),
        # Without a glossary for the pair at all.
        ([ROCKETS, "--glossary-dir", "{tmp}"], "SpaceX launched 130 Falcon 9 rockets last year.", "", "qa"),
    ],
    ids=["default", "no-glossary", "glossary-file", "glossary-dir", "empty-glossary-dir"],
)
def test_translate_text_with_glossaries(
    tmp_path: Path, args: list[str], stdout_has: str, stderr_has: str, stderr_lacks: str
) -> None:
    (tmp_path / "glossaries").mkdir()
    for path in (tmp_path / "launchers.po", tmp_path / "glossaries" / "fr-en.po"):
        path.write_text(LAUNCHERS, encoding="utf-8")
    options = [arg.format(tmp=tmp_path) for arg in args]
    result = run_cli("translate-text", *options, "--from", "fr", "--to", "en", "--no-memory")
    assert result.code == 0, result.stderr
    assert stdout_has in result.stdout and stderr_has in result.stderr
    assert stderr_lacks not in result.stderr


def test_translate_text_applies_the_glossary_by_default() -> None:
    # The demo model's output for a protected term depends on the CPU's int8 kernels: the placeholder comes
    # back (the term is rendered) or it is lost (QA names the term). Either way the glossary was applied;
    # without it the model's own 'Poutine' would pass unremarked.
    result = run_cli("translate-text", PUTIN, "--from", "fr", "--to", "en", "--no-memory")
    assert result.code == 0, result.stderr
    rendered = "Vladimir Putin" in result.stdout and "Poutine" not in result.stdout
    flagged = "qa missing-term: 'Vladimir Poutine' should be rendered 'Vladimir Putin'" in result.stderr
    assert rendered or flagged, (result.stdout, result.stderr)


@pytest.mark.parametrize("dash", [["-"], []], ids=["dash", "piped"])
def test_translate_text_reads_paragraphs_from_stdin(dash: list[str]) -> None:
    text = (
        "Le prochain vol aura lieu en juin.\nLe ministre a confirmé la date hier.\n\n\nYes, the launch was delayed.\n"
    )
    result = run_cli("translate-text", *dash, "--to", "en", "--no-memory", stdin=text)
    assert result.code == 0, result.stderr
    # One paragraph per blank-line block, printed the same way; the English one is copied.
    assert result.stdout == (
        "The next flight will take place in June. The minister confirmed the date yesterday.\n\n"
        "Yes, the launch was delayed.\n"
    )


def test_translate_text_uses_the_memory_unless_told_not_to(tmp_path: Path, memory: str) -> None:
    from translator.memory.store import MemoryEntry, TranslationMemory

    text = "Le prochain vol aura lieu en juin."
    TranslationMemory(Path(memory)).store([MemoryEntry("fr", "en", text, "Next flight: June.", "human")])
    remembered = run_cli("translate-text", text, "--from", "fr", "--memory", memory)
    assert (remembered.code, remembered.stdout) == (0, "Next flight: June.\n")
    fresh = run_cli("translate-text", text, "--from", "fr", "--no-memory")
    assert (fresh.code, fresh.stdout) == (0, "The next flight will take place in June.\n")
    # What the engine made is remembered for the next time, as `translate` does.
    other = tmp_path / "other.sqlite"
    assert run_cli("translate-text", text, "--from", "fr", "--memory", str(other)).code == 0
    assert [entry.target for entry in TranslationMemory(other).entries()] == [fresh.stdout.strip()]


@pytest.mark.parametrize(
    ("name", "starts"),
    [("t.json", "{"), ("t.md", "*Claire"), ("t.xlf", "<?xml"), ("t.xliff2.xlf", "<?xml"), ("t.po", "# La fusée")],
)
def test_without_format_the_output_file_name_chooses_it(tmp_path: Path, name: str, starts: str) -> None:
    result = run_cli("translate", "--demo", "-o", str(tmp_path / name), "--memory", str(tmp_path / "tm.sqlite"))
    assert result.code == 0, result.stderr
    text = (tmp_path / name).read_text()
    assert text.startswith(starts)
    assert ('version="2.0"' in text) == name.endswith("xliff2.xlf")


@pytest.mark.parametrize(
    "output",
    [
        "out/",  # a name ending in a slash: a folder to make, even with one format
        "existing",  # an existing folder: the outputs go in it, it is not written over
    ],
)
def test_one_format_to_a_folder_writes_into_it(tmp_path: Path, output: str) -> None:
    (tmp_path / "existing").mkdir()
    result = run_cli("translate", "--demo", "-o", output, "--memory", str(tmp_path / "tm.sqlite"), cwd=tmp_path)
    assert result.code == 0, result.stderr
    folder = tmp_path / output.rstrip("/")
    assert folder.is_dir()
    assert [path.name for path in folder.iterdir()] == ["demo-thread.en.po"]


def test_a_format_the_output_file_name_contradicts_is_refused(tmp_path: Path) -> None:
    result = run_cli("translate", "--demo", "--format", "po", "-o", str(tmp_path / "t.json"))
    assert result.code == 2
    assert "names a json file, and --format is po" in result.stderr
    assert not (tmp_path / "t.json").exists()


@pytest.fixture
def demo_po(tmp_path: Path, memory: str) -> Path:
    """The demo thread's PO file, as `translate --demo -o t.po` writes it."""
    po = tmp_path / "t.po"
    assert run_cli("translate", "--demo", "-o", str(po), "--memory", memory).code == 0
    return po


def test_apply_writes_what_the_output_file_name_asks_for(tmp_path: Path, demo_po: Path) -> None:
    result = run_cli("apply", str(demo_po), str(DEMO), "-o", str(tmp_path / "t.html"))
    assert result.code == 0, result.stderr
    assert (tmp_path / "t.html").read_text().lstrip().lower().startswith("<!doctype html")


def test_apply_refuses_an_output_name_of_a_format_it_does_not_write(tmp_path: Path, demo_po: Path) -> None:
    # Markdown written into `reviewed.po` would be taken for a PO file by every tool.
    result = run_cli("apply", str(demo_po), str(DEMO), "-o", str(tmp_path / "reviewed.po"))
    assert result.code == 2
    assert "names a po file, and this command writes json, md, html" in result.stderr
    assert not (tmp_path / "reviewed.po").exists()


def test_apply_makes_the_output_folder_as_translate_does(tmp_path: Path, demo_po: Path) -> None:
    result = run_cli("apply", str(demo_po), str(DEMO), "-o", str(tmp_path / "new" / "page.html"))
    assert result.code == 0, result.stderr
    assert (tmp_path / "new" / "page.html").read_text().lstrip().lower().startswith("<!doctype html")
    assert f"Wrote {tmp_path / 'new' / 'page.html'}" in result.stderr


@pytest.mark.parametrize("name", ["t.md", "t.html"])
def test_apply_given_another_output_says_it_reads_the_review_file(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert run_cli("translate", "--demo", "-o", str(out), "--memory", str(tmp_path / "tm.sqlite")).code == 0
    result = run_cli("apply", str(out), str(DEMO))
    assert result.code == 1
    # One line naming the mistake, not a PO syntax error at line 1 and a hint about msgfmt.
    assert result.stderr.count("\n") == 1
    assert "apply reads the reviewed PO, XLIFF or JSON file" in result.stderr
    assert "msgfmt" not in result.stderr


def test_a_file_name_with_escapes_is_shown_literally(tmp_path: Path) -> None:
    name = "thread \x1b[31mred\x1b[0m [b]\nWrote elsewhere.txt"
    shutil.copy(DEMO, tmp_path / name)
    result = run_cli("translate", name, "-o", "out/", "--memory", str(tmp_path / "tm.sqlite"), cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "\x1b" not in result.stderr
    # One line for one file: a line break in the name cannot forge a second "Wrote" line.
    assert "Wrote out/thread \\x1b[31mred\\x1b[0m [b]\\nWrote elsewhere.en.po\n" in result.stderr
    # batch takes the name as it is, though it reads as a pattern, and logs it as literally.
    batch = run_cli("batch", name, "-o", "bout", "--memory", str(tmp_path / "tm.sqlite"), cwd=tmp_path)
    assert batch.code == 0, batch.stderr
    assert "\x1b" not in batch.stderr and "1 ok, 0 failed" in batch.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # A misspelt folder quietly fell back to the shipped glossaries or the usual models.
        (
            ["translate", "--demo", "--no-memory", "--glossary-dir", "{tmp}/glossaires"],
            "--glossary-dir {tmp}/glossaires",
        ),
        (["translate-text", "Bonjour", "--no-memory", "--models-dir", "{tmp}/modles"], "--models-dir {tmp}/modles"),
        (["models", "list", "--models-dir", "{tmp}/modles"], "--models-dir {tmp}/modles"),
        (["models", "remove", "fr", "en", "--models-dir", "{tmp}/modles"], "--models-dir {tmp}/modles"),
    ],
)
def test_a_folder_option_naming_no_folder_is_refused(tmp_path: Path, args: list[str], message: str) -> None:
    result = run_cli(*(arg.format(tmp=tmp_path) for arg in args))
    expected = f"translator: error: {message.format(tmp=tmp_path)}: no such folder (check the path)\n"
    assert (result.code, result.stderr) == (1, expected)


@pytest.mark.parametrize("action", [["stats"], ["export", "out.tmx"], ["prune"]])
def test_memory_commands_refuse_a_memory_file_that_is_not_there(tmp_path: Path, action: list[str]) -> None:
    result = run_cli("memory", *action, "--memory", "tm-typo.sqlite", cwd=tmp_path)
    assert (result.code, result.stderr) == (
        1,
        "translator: error: no translation memory at tm-typo.sqlite "
        "(check the path: translate and memory import create one)\n",
    )
    assert list(tmp_path.iterdir()) == []  # no new, empty memory left behind, no export


def test_translate_shows_what_it_is_doing_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty

    # stderr on a terminal: a spinner while the thread is translated (a long one takes minutes on a real model).
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "cli", "translate", "--demo", "-o", str(tmp_path / "t.po"), "--no-memory"]
    process = subprocess.Popen(command, env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0
    os.close(controller)
    assert b"translating demo-thread.txt" in shown
    assert b"translator: 31 blocks" in shown


@pytest.mark.parametrize("args", [["https://example.com/a"], ["https://example.com/a", "--from", "fr"]])
def test_translate_text_of_no_language_does_not_ask_for_from(args: list[str]) -> None:
    # `--from` cannot help: such a paragraph is copied whatever the source language (it was the hint, even
    # to a user who had passed --from).
    result = run_cli("translate-text", *args, "--no-memory")
    assert result.code == 1
    assert "--from" not in result.stderr
    assert "no paragraph of this text is in a language" in result.stderr


def test_memory_import_of_a_file_with_nothing_approved_says_so(tmp_path: Path, memory: str) -> None:
    po = tmp_path / "t.po"
    assert run_cli("translate", "--demo", "-o", str(po), "--memory", memory).code == 0
    result = run_cli("memory", "import", str(po), "--memory", memory)
    assert result.code == 0, result.stderr
    # status lines, on stderr as every command's (stdout is for data)
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Imported 0 human translations into {memory}",
        "No entry is approved yet: approve entries in `translator review`, a PO editor or a CAT tool first.",
    ]


def test_format_names_in_any_case_and_a_side_by_side_that_cannot_apply(tmp_path: Path, memory: str) -> None:
    result = run_cli("translate", "--demo", "--format", "PO", "--side-by-side", "-o", "-", "--memory", memory)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("# La fusée")
    assert result.stderr.startswith(
        "translator: warning: --side-by-side shapes Markdown and HTML pages only: the po output is as usual\n"
    )


def test_apply_renders_a_reviewed_json_file(tmp_path: Path, memory: str) -> None:
    reviewed = tmp_path / "t.json"
    assert run_cli("translate", "--demo", "-o", str(reviewed), "--memory", memory).code == 0
    # `translator review t.json` saves a person's work as status `reviewed`.
    document = json.loads(reviewed.read_text())
    translation = document["posts"][0]["blocks"][2]["translation"]
    translation.update(text="The Ariane 6 launcher lifted off.", status="reviewed", origin="human")
    reviewed.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("apply", str(reviewed), str(DEMO), "--format", "md")
    assert result.code == 0, result.stderr
    assert "The Ariane 6 launcher lifted off." in result.stdout
    assert "1 of 31 blocks reviewed" in result.stderr
    other = tmp_path / "other.txt"
    other.write_text("# Autre\n\nUn autre fil.\n", encoding="utf-8")
    refused = run_cli("apply", str(reviewed), str(other))
    assert refused.code == 1 and "was not made from this thread" in refused.stderr


def test_memory_import_takes_a_reviewed_json_file(tmp_path: Path, memory: str) -> None:
    reviewed = tmp_path / "t.json"
    assert run_cli("translate", "--demo", "-o", str(reviewed), "--memory", memory).code == 0
    document = json.loads(reviewed.read_text())
    translation = document["posts"][0]["blocks"][2]["translation"]
    translation.update(text="The Ariane 6 launcher lifted off.", status="reviewed", origin="human")
    reviewed.write_text(json.dumps(document), encoding="utf-8")
    other = str(tmp_path / "other.sqlite")
    result = run_cli("memory", "import", str(reviewed), "--memory", other)
    assert result.code == 0, result.stderr
    assert "Imported 1 human translation into" in result.stderr
    assert "fr-en: 1 human" in run_cli("memory", "stats", "--memory", other).stdout


def test_translate_text_shows_control_characters_literally() -> None:
    # The second paragraph has no language: copied, escapes and all; it reached the terminal raw.
    text = "Le prochain vol aura lieu en juin.\n\n\x0742 000 \x1b[1;2 12,5 %"
    result = run_cli("translate-text", "-", "--from", "fr", "--no-memory", stdin=text)
    assert result.code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert result.stdout == "The next flight will take place in June.\n\n\\x0742 000 \\x1b[1;2 12,5 %\n"


def test_translate_text_without_text_at_a_terminal_says_what_to_give() -> None:
    import pty

    controller, terminal = pty.openpty()  # standard input is a terminal: nothing piped, nothing to wait for
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cli", "translate-text", "--to", "en", "--no-memory"],
            stdin=terminal,
            capture_output=True,
            env=subprocess_env(),
            timeout=120,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    assert done.returncode == 2
    assert done.stderr.decode() == "translator: error: give the text to translate, or pipe it in\n"


def test_translate_text_refuses_binary_standard_input() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cli", "translate-text", "-", "--no-memory"],
        input=bytes(range(256)) * 8,
        capture_output=True,
        env=subprocess_env(),
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr.decode().startswith("translator: error: standard input is not UTF-8 text (byte ")


def test_several_formats_into_one_file_name_are_refused(tmp_path: Path) -> None:
    result = run_cli("translate", "--demo", "-o", "t.po", "--format", "po,md", "--no-memory", cwd=tmp_path)
    assert (result.code, result.stderr) == (
        2,
        "translator: error: -o t.po names one po file, and --format asks for 2 formats "
        "(give -o a folder for several formats, e.g. -o out/)\n",
    )
    assert list(tmp_path.iterdir()) == []  # no folder named t.po
