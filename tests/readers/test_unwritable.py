"""NUL characters and unpaired surrogates in a thread file's text (JSON escapes such as `\\ud800`, `\\u0000`)
become U+FFFD in every reader's threads, with one warning: no output, memory or terminal fails on them later."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translator.models import Thread
from translator.readers import parse_threads, read_threads
from translator.readers.common import Reading, scrubbed

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"
BAD = re.compile("[\x00\ud800-\udfff]")
WARNING = "NUL character(s) or unpaired surrogate(s)"


def strings(thread: Thread) -> list[str]:
    """Every text of a thread a writer may write."""
    found = [thread.title, thread.subtitle or "", thread.url or "", thread.site or ""]
    for post in thread.posts:
        found += [post.id, post.author or "", post.role or "", post.parent or "", post.url or ""]
        found += [text for block in post.blocks for text in (block.id, block.text, block.quoted_author or "")]
    return found


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("reddit-thread.json", '"Ein neuer Komet ist heute Nacht sichtbar"'),  # Reddit: the title
        ("reddit-thread.json", '"mira_k"'),  # Reddit: a commenter
        ("hn-algolia.json", '"ferrite"'),  # Hacker News (Algolia): a commenter
        ("hn-firebase.json", '"orion"'),  # Hacker News (Firebase items)
        ("hn-hnpwa.json", '"Offline language detection is harder than it looks"'),  # HNPWA
        ("discourse-topic.json", '"camille"'),  # Discourse: a poster
        ("feed.json", '"Kiedy siać pomidory"'),  # JSON Feed: an item's title
    ],
)
@pytest.mark.parametrize("escape", ["\\ud800", "\\udc80", "\\u0000"])
def test_json_escapes_become_replacement_characters(tmp_path: Path, name: str, field: str, escape: str) -> None:
    original = (DATA / name).read_text(encoding="utf-8")
    assert field in original
    path = tmp_path / name
    path.write_text(original.replace(field, field[:-1] + escape + " x" + '"', 1), encoding="utf-8")
    thread_file = read_threads(path)
    texts = [text for thread in thread_file.threads for text in strings(thread)]
    assert not any(BAD.search(text) for text in texts)
    assert any("\ufffd x" in text for text in texts)  # replaced where it was, the rest kept
    assert sum(WARNING in warning for warning in thread_file.warnings) == 1
    clean = read_threads(DATA / name)
    assert not any(WARNING in warning for warning in clean.warnings)  # the untouched file says nothing


def test_our_json_thread_counts_every_character_in_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "thread.json"
    path.write_text(
        '{"title": "T \\ud800", "posts": [{"id": "article", "kind": "article", "author": "a\\u0000b", "blocks": '
        '[{"id": "article.p1", "kind": "paragraph", "text": "Un \\u0000 texte \\udc80 ici."}]}]}',
        encoding="utf-8",
    )
    thread_file = read_threads(path)
    [thread] = thread_file.threads
    assert thread.title == "T \ufffd"
    assert thread.posts[0].author == "a\ufffdb"
    assert thread.posts[0].blocks[0].text == "Un \ufffd texte \ufffd ici."
    [warning] = [warning for warning in thread_file.warnings if WARNING in warning]
    assert warning.startswith("4 ")


def test_text_given_decoded_is_scrubbed_too() -> None:
    # parse_threads is the entry for text decoded elsewhere (a server, a test): a NUL there is replaced as well.
    reading = parse_threads("Titre\n\nUn paragraphe avec \x00 un NUL et \ud83d seul.\n", "text")
    texts = [text for thread in reading.threads for text in strings(thread)]
    assert any("\ufffd un NUL et \ufffd seul." in text for text in texts)
    assert [warning for warning in reading.warnings if WARNING in warning] == [
        f"2 {WARNING} (\\ud800-\\udfff) in the file's text were replaced by \ufffd: "
        "the file was damaged or made by a faulty tool"
    ]


def test_a_clean_reading_is_given_back_as_it_is() -> None:
    reading = parse_threads("Titre\n\nUn paragraphe tout à fait normal.\n", "text")
    assert scrubbed(reading) is reading
    assert isinstance(reading, Reading) and not reading.warnings


def test_a_web_page_with_a_null_reference_is_scrubbed(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Une page</title></head><body><article><h1>Une page</h1>"
        "<p>Premier paragraphe assez long pour être lu comme le texte de cet article, avec &#0; dedans.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    thread_file = read_threads(path)
    texts = [text for thread in thread_file.threads for text in strings(thread)]
    assert not any(BAD.search(text) for text in texts)
