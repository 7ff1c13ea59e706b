"""Fuzzing every reader: whatever the bytes, whatever the JSON or XML, a reader answers with threads or
with our InputError (one line for the user), never with another exception.

Three kinds of input: raw bytes through decoding and sniffing; valid JSON of the right shape with parts
replaced by anything (the fixtures of tests/data/readers, mutated); XML built from each format's own
element names, and the XML fixtures cut or spliced at random places. Examples are bounded.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translator.errors import InputError
from translator.models import SOURCE_FORMATS, SourceFormat, Thread
from translator.readers import decode, parse_threads
from translator.readers.common import Reading

DATA = Path(__file__).resolve().parent.parent / "data" / "readers"
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
READABLE: tuple[SourceFormat, ...] = tuple(fmt for fmt in SOURCE_FORMATS if fmt != "html")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)


def read_or_refuse(text: str, fmt: SourceFormat | None) -> Reading | None:
    """Read text; an InputError is a fine answer, anything else fails the test."""
    try:
        reading = parse_threads(text, fmt)
    except InputError as error:
        assert error.message and "\n" not in error.message
        return None
    assert reading.threads and all(isinstance(thread, Thread) for thread in reading.threads)
    return reading


@FUZZ
@given(st.binary(max_size=400), st.sampled_from((None, *READABLE)))
def test_any_bytes(data: bytes, fmt: SourceFormat | None) -> None:
    try:
        text, _, _ = decode(data, "fuzz")
    except InputError:
        return
    read_or_refuse(text, fmt)


@FUZZ
@given(st.text(max_size=300), st.sampled_from((None, *READABLE)))
def test_any_text(text: str, fmt: SourceFormat | None) -> None:
    read_or_refuse(text, fmt)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (dict keys and list positions), the root included."""
    found = [prefix]
    stack = [(value, prefix)]
    while stack:
        node, where = stack.pop()
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in children:
            found.append((*where, key))
            stack.append((child, (*where, key)))
    return found


def replaced(document: Any, where: tuple[Any, ...], value: Any) -> Any:
    if not where:
        return value
    copy = json.loads(json.dumps(document))
    node = copy
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    return copy


JSON_FIXTURES: dict[str, SourceFormat] = {
    "reddit-thread.json": "reddit",
    "hn-algolia.json": "hn",
    "hn-firebase.json": "hn",
    "hn-hnpwa.json": "hn",
    "discourse-topic.json": "discourse",
    "feed.json": "feed",
    "feed-1.0.json": "feed",
    "blogger-api-post.json": "feed",
    "mastodon-statuses.json": "fediverse",
    "lemmy-post-comments.json": "fediverse",
    "lemmy-0.19-page.json": "fediverse",
    "mbin-entry-comments.json": "fediverse",
    "bluesky-thread.json": "bluesky",
    "youtube-comments.json": "youtube",
}


@st.composite
def mutated_json(draw: st.DrawFn) -> tuple[str, SourceFormat]:
    name = draw(st.sampled_from(sorted(JSON_FIXTURES)))
    document = json.loads((DATA / name).read_text(encoding="utf-8"))
    places = paths(document)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(places))
        try:
            document = replaced(document, where, draw(json_values))
        except (KeyError, IndexError, TypeError):
            continue  # the place went away with an earlier replacement
    return json.dumps(document), JSON_FIXTURES[name]


@FUZZ
@given(mutated_json(), st.booleans())
def test_json_of_the_right_shape_with_anything_inside(case: tuple[str, SourceFormat], sniffed: bool) -> None:
    text, fmt = case
    read_or_refuse(text, None if sniffed else fmt)


@FUZZ
@given(
    json_values,
    st.sampled_from((None, "json", "reddit", "hn", "discourse", "feed", "fediverse", "facebook", "bluesky", "youtube")),
)
def test_any_json(value: Any, fmt: SourceFormat | None) -> None:
    read_or_refuse(json.dumps(value), fmt)


DISQUS_NAMES = [
    "thread",
    "post",
    "parent",
    "message",
    "title",
    "link",
    "createdAt",
    "isDeleted",
    "isSpam",
    "author",
    "name",
]
FEED_NAMES = ["channel", "item", "entry", "title", "link", "description", "content", "summary", "pubDate", "author"]
xml_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20)


@st.composite
def xml_documents(draw: st.DrawFn) -> tuple[str, SourceFormat]:
    """Well-formed documents built from a format's element names, nested at random, with ids that may or
    may not point anywhere."""
    fmt: SourceFormat = draw(st.sampled_from(("disqus", "feed")))
    names = DISQUS_NAMES if fmt == "disqus" else FEED_NAMES
    root = "disqus" if fmt == "disqus" else draw(st.sampled_from(["rss", "feed", "rdf:RDF"]))
    parts: list[str] = []
    opened: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        action = draw(st.sampled_from(["open", "close", "text"]))
        if action == "open":
            name = draw(st.sampled_from(names))
            ident = draw(st.sampled_from(["", ' dsq:id="1"', ' dsq:id="2"', ' href="https://x.org/a"']))
            parts.append(f"<{name}{ident}>")
            opened.append(name)
        elif action == "close" and opened:
            parts.append(f"</{opened.pop()}>")
        else:
            parts.append(draw(xml_text).replace("&", "&amp;").replace("<", "&lt;"))
    text = "".join(parts) + "".join(f"</{name}>" for name in reversed(opened))
    namespaces = ' xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals"'
    if fmt == "feed":
        namespaces = ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dsq="x"'
    return f'<?xml version="1.0"?><{root}{namespaces}>{text}</{root}>', fmt


@FUZZ
@given(xml_documents(), st.booleans())
def test_xml_built_from_each_format(case: tuple[str, SourceFormat], sniffed: bool) -> None:
    text, fmt = case
    read_or_refuse(text, None if sniffed else fmt)


XML_FIXTURES = {"disqus-export.xml": "disqus", "feed.rss": "feed", "feed.atom": "feed"}


@FUZZ
@given(st.sampled_from(sorted(XML_FIXTURES)), st.data())
def test_xml_fixtures_cut_and_spliced(name: str, data: st.DataObject) -> None:
    text, _, _ = decode((DATA / name).read_bytes(), name)
    cut = data.draw(st.integers(0, len(text)))
    splice = data.draw(st.text(max_size=10))
    resume = data.draw(st.integers(cut, len(text)))
    damaged = text[:cut] + splice + text[resume:]
    read_or_refuse(damaged, data.draw(st.sampled_from((None, XML_FIXTURES[name]))))
