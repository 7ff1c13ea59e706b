"""The readers as a user meets them: `inspect` of each format (golden JSON, replies nested in the tree),
one output per thread, and one line with exit code 1 for every malformed file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cli.main import main
from tests.conftest import run_cli
from tests.golden_files import assert_golden

DATA = Path(__file__).resolve().parent / "data" / "readers"
GOLDEN_INPUTS = [
    ("reddit-thread.json", "de,en"),
    ("hn-algolia.json", "en,fr"),
    ("discourse-topic.json", "fr,en"),
    ("disqus-export.xml", "fr,en"),
    ("feed.rss", "fr,en"),
    ("blogger-api-post.json", "fr,en"),
    ("bluesky-thread.json", "de,en"),
    ("youtube-comments.json", "de,en"),
]


@pytest.mark.parametrize(("name", "languages"), GOLDEN_INPUTS)
def test_inspect_json_is_golden(name: str, languages: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(DATA / name), "--json", "--languages", languages]) == 0
    output = capsys.readouterr().out
    document = json.loads(output)
    # One thread: one object; a file of several (the export, the feed): an array of them.
    assert isinstance(document, list) == (name in ("disqus-export.xml", "feed.rss"))
    assert_golden(f"readers-{name.partition('.')[0]}.inspect.json", output)


def test_inspect_json_of_several_threads_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(DATA / "feed.rss"), "--json", "--languages", "fr,en"]) == 0
    saved = tmp_path / "feed.json"
    saved.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["inspect", str(saved), "--json", "--languages", "fr,en"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(saved.read_text(encoding="utf-8"))


def test_inspect_tree_nests_replies_under_their_parent(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(DATA / "discourse-topic.json"), "--languages", "fr,en"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()

    def indent(post: str) -> int:
        line = next(line for line in lines if f" {post} · " in line)
        return line.index(post)

    assert indent("c1") < indent("c2") < indent("c3") < indent("c4")  # post 2, its reply, the picture, ...
    assert indent("c5") == indent("c1") < indent("c6")  # a deleted post keeps its reply under it
    assert any("c5 · anonyme" in line and "deleted" in line for line in lines)
    assert "2 further posts of this topic are not in this file" in captured.err


def test_translate_writes_one_output_per_feed_item(tmp_path: Path) -> None:
    out = tmp_path / "out"
    memory = str(tmp_path / "tm.sqlite")
    result = run_cli("translate", str(DATA / "feed.rss"), "-o", str(out), "--memory", memory, "--languages", "fr,en")
    assert result.code == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == [
        "feed.eclipse-partielle-samedi.en.po",
        "feed.item-02.en.po",
        "feed.satellite-meteo.en.po",
    ]
    assert "3 threads" in result.stderr
    one = run_cli("translate", str(DATA / "feed.rss"), "-o", str(tmp_path / "one.po"), "--memory", memory)
    assert one.code == 2 and one.stderr.count("\n") == 1  # a usage error
    assert "holds 3 threads" in one.stderr and "give -o a folder" in one.stderr


def without_dates(path: Path) -> str:
    """A PO file's text without its header's creation and revision dates."""
    return re.sub(r'"(?:POT-Creation|PO-Revision)-Date: [^"]*"', "", path.read_text(encoding="utf-8"))


def test_one_thread_of_a_feed_is_chosen_translated_and_applied(tmp_path: Path) -> None:
    feed, memory = str(DATA / "feed.rss"), str(tmp_path / "tm.sqlite")
    out = tmp_path / "out"
    by_name = run_cli(
        "translate", feed, "--thread", "item-02", "-o", f"{out}/", "--memory", memory, "--languages", "fr,en"
    )
    assert by_name.code == 0, by_name.stderr
    # The name the whole feed's run gives it, so choosing one thread after another fills the same folder.
    assert [path.name for path in out.iterdir()] == ["feed.item-02.en.po"]
    one = tmp_path / "bees.po"
    by_number = run_cli("translate", feed, "--thread", "2", "-o", str(one), "--memory", memory, "--languages", "fr,en")
    assert by_number.code == 0, by_number.stderr
    # The same file, but for the minute each was made in (two runs may straddle one).
    assert without_dates(one) == without_dates(out / "feed.item-02.en.po")
    # apply and review find the thread the file was made from among the feed's.
    applied = run_cli("apply", str(one), feed, "--format", "json")
    assert applied.code == 0, applied.stderr
    assert json.loads(applied.stdout)["title"] == "Les abeilles et le froid"
    other = run_cli("apply", str(one), str(DATA / "disqus-export.xml"))
    assert other.code == 1 and other.stderr.count("\n") == 1
    assert "was made from none of the 2 threads" in other.stderr
    missing = run_cli("translate", feed, "--thread", "bees", "-o", str(out), "--memory", memory)
    assert missing.code == 1 and missing.stderr.count("\n") == 1
    assert "holds 3 threads, none is 'bees'" in missing.stderr and "--thread 1 to 3" in missing.stderr


def test_inspect_names_each_thread_of_a_file_and_shows_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(DATA / "feed.rss"), "--languages", "fr,en"]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if line.startswith("── thread")]
    assert headers == [
        "── thread 1 of 3 · --thread eclipse-partielle-samedi ──",
        "── thread 2 of 3 · --thread item-02 ──",
        "── thread 3 of 3 · --thread satellite-meteo ──",
    ]
    assert main(["inspect", str(DATA / "feed.rss"), "--thread", "satellite-meteo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["url"].endswith("/satellite-meteo/")


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content", "args", "message"),
    [
        ("cut.json", '[{"kind": "Listing", "data": {"children": [', (), "invalid JSON at line 1"),  # truncated
        ("other.json", '{"kind": "something else"}', (), "not a thread in any format we read"),  # other shape
        ("cut.xml", '<disqus xmlns="http://disqus.com"><thread>', (), "not well-formed XML at line 1"),  # broken
        ("empty.rss", '<rss version="2.0"><channel><title>x</title></channel></rss>', (), "no feed item"),
        ("forced.json", '{"posts": []}', ("--format", "reddit"), "not a Reddit thread"),  # the wrong reader forced
        (  # a Bluesky thread whose post was deleted
            "gone.json",
            '{"thread": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://did:plc:x/app.bsky.feed.post/3k", '
            '"notFound": true}}',
            (),
            "the post this Bluesky thread was asked for is not in it (deleted)",
        ),
        ("notbsky.json", '{"feed": []}', ("--format", "bluesky"), "not a Bluesky thread"),  # forced
        (  # YouTube's API answering that comments are off
            "off.json",
            '{"error": {"code": 403, "message": "Comments are disabled.", '
            '"errors": [{"domain": "youtube.commentThread", "reason": "commentsDisabled"}]}}',
            (),
            "this is YouTube's API answering an error (403: Comments are disabled. (commentsDisabled))",
        ),
    ],
)
def test_malformed_files_get_one_line(
    tmp_path: Path, name: str, content: str, args: tuple[str, ...], message: str
) -> None:
    path = write(tmp_path / name, content)
    result = run_cli("inspect", str(path), *args)
    assert result.code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("translator: error: "), result.stderr
    assert message in result.stderr and str(path) in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        (
            "r.po",
            '# made by translator\nmsgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Bonjour"\nmsgstr "Hello"\n',
            "a PO",
        ),
        ("entry.txt", 'msgctxt "article.p1"\nmsgid ""\n"Bonjour "\n"tout le monde"\nmsgstr "Hello"\n', "a PO"),
        (
            "r.xlf",
            '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"></xliff>',
            "an XLIFF",
        ),
    ],
)
def test_a_review_file_given_as_a_thread_points_to_review_and_apply(
    tmp_path: Path, name: str, content: str, kind: str
) -> None:
    path = write(tmp_path / name, content)
    for command in (("inspect", str(path)), ("translate", str(path), "--to", "en", "-o", str(tmp_path / "out/"))):
        result = run_cli(*command)
        assert result.code == 1 and result.stderr.count("\n") == 1, result.stderr
        assert f"this is {kind} review file, not a thread" in result.stderr and "translator apply" in result.stderr
    assert not (tmp_path / "out").exists()
    # A forum post that quotes a PO entry is still a thread.
    quoted = write(
        tmp_path / "forum.txt", 'Voici mon fichier :\n\nmsgid "Bonjour"\nmsgstr "Hello"\n\nQu\'en pensez-vous ?\n'
    )
    assert run_cli("inspect", str(quoted)).code == 0


def one_post(title: str, text: str) -> dict[str, object]:
    return {"id": "p1", "title": title, "selftext": text, "author": "ana"}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # A Reddit listing of one post (a saved `/r/NAME.json` cut down to one post: no `subreddit` field).
        ("post.json", {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": one_post("Frage", "Text")}]}}),
        # A Reddit comments page whose post has no comment yet.
        (
            "page.json",
            [
                {"kind": "Listing", "data": {"children": [{"kind": "t3", "data": one_post("Frage", "Text")}]}},
                {"kind": "Listing", "data": {"children": []}},
            ],
        ),
        # A Hacker News item (Firebase API) with no kids.
        ("item.json", {"by": "ana", "id": 1, "time": 1700000000, "title": "Frage", "text": "Text", "type": "story"}),
        # A Discourse topic holding only its first post.
        (
            "topic.json",
            {
                "id": 5,
                "title": "Frage",
                "posts_count": 1,
                "post_stream": {"posts": [{"id": 10, "username": "ana", "cooked": "<p>Text</p>", "post_number": 1}]},
            },
        ),
        # A feed of one item, without comments.
        (
            "feed.rss",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title><link>https://example.org/</link>'
            "<item><title>Frage</title><link>https://example.org/1</link><description>Text</description></item>"
            "</channel></rss>",
        ),
    ],
)
def test_inspect_shows_a_thread_of_one_post_and_no_comment(
    tmp_path: Path, name: str, content: object, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / name, content if isinstance(content, str) else json.dumps(content))
    assert main(["inspect", str(path), "--languages", "de,en"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Frage\n") and "1 post · 2 blocks" in shown, shown
    assert "Text" in shown
