"""The Disqus export reader: one thread per page with comments, replies by <parent>, spam and
deleted comments dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from translator.errors import InputError
from translator.readers import parse_threads, read_threads

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "readers" / "disqus-export.xml"


def test_one_thread_per_page_with_comments() -> None:
    thread_file = read_threads(FIXTURE)
    # Page 103 has no comment and page 104 is deleted: left out, with a warning for the first.
    assert [thread.title for thread in thread_file.threads] == ["Traversée des Alpes à vélo", "Le col de l'Iseran"]
    assert thread_file.warnings == (
        "1 pages of this export have no comments: left out",
        "1 deleted comments without replies were left out",
    )
    first = thread_file.threads[0]
    assert (first.source_format, first.site, first.url) == (
        "disqus",
        "carnet-de-route",
        "https://carnet.example/2019/06/traversee-des-alpes/",
    )
    assert first.published is not None and first.published.isoformat() == "2019-06-02T07:30:00"


@pytest.mark.parametrize(
    ("thread_index", "posts"),
    [
        # Spam (5003) and a deleted comment without replies (5004) are left out; 5002 answers 5001.
        (
            0,
            [
                ("article", None, None, [("title", "Traversée des Alpes à vélo")]),
                ("c1", "Inès", None, [("paragraph", "Quel itinéraire ! Combien de jours au total ?")]),
                (
                    "c2",
                    "Carnet de route",
                    "c1",
                    [
                        ("paragraph", "Douze jours, avec deux jours de pluie."),
                        ("paragraph", "Et un col fermé & contourné."),
                    ],
                ),
            ],
        ),
        # An anonymous commenter keeps the name they typed.
        (
            1,
            [
                ("article", None, None, [("title", "Le col de l'Iseran")]),
                ("c1", "Zoé", None, [("paragraph", "Magnifique, j'y étais l'an dernier.")]),
            ],
        ),
    ],
)
def test_posts(thread_index: int, posts: list[tuple[str, str | None, str | None, list[tuple[str, str]]]]) -> None:
    thread = read_threads(FIXTURE).threads[thread_index]
    assert [(p.id, p.author, p.parent, [(b.kind, b.text) for b in p.blocks]) for p in thread.posts] == posts


DISQUS = '<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">{}</disqus>'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (DISQUS.format('<thread dsq:id="1"><title>t</title>'), "not well-formed XML"),  # truncated
        (DISQUS.format('<thread dsq:id="1"><title>t</title></thread>'), "holds no comment"),  # no post at all
        ("<other/>", "not a Disqus export"),  # another XML document forced as Disqus
    ],
)
def test_broken_exports_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_threads(text, "disqus")


EXPORT = """<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="1"><link>https://blog.example/regen/</link><title>Regen &amp;#8211; ja &amp;amp; nein</title>
    <isDeleted>false</isDeleted></thread>
  <thread dsq:id="2"><link>https://blog.example/alt/</link><title>Alt</title><isDeleted>true</isDeleted></thread>
  <post dsq:id="12"><message><![CDATA[<p>Antwort</p>]]></message><createdAt>2020-01-02T10:00:00Z</createdAt>
    <author><name>Bea</name><isAnonymous>true</isAnonymous></author><thread dsq:id="1"/><parent dsq:id="11"/></post>
  <post dsq:id="11"><message><![CDATA[<p>Frage</p>]]></message><createdAt>2020-01-01T10:00:00Z</createdAt>
    <author><name>Al</name><username>al_x</username></author><thread dsq:id="1"/></post>
  <post dsq:id="21"><message>Weg</message><createdAt>2020-01-01T10:00:00Z</createdAt><thread dsq:id="2"/></post>
  <post dsq:id="31"><message>Ohne Seite</message><createdAt>2020-01-01T10:00:00Z</createdAt><thread dsq:id="3"/></post>
</disqus>"""


def test_comments_in_date_order_and_pages_the_export_lacks() -> None:
    reading = parse_threads(EXPORT)
    found = [
        (t.title, t.url, [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in t.posts[1:]])
        for t in reading.threads
    ]
    assert found == [
        # Written first, listed last: the question comes first; the title's entities are decoded.
        (
            "Regen – ja & nein",
            "https://blog.example/regen/",
            [("c1", "Al", None, ["Frage"]), ("c2", "Bea", "c1", ["Antwort"])],
        ),
        ("", None, [("c1", None, None, ["Ohne Seite"])]),  # a page not described: a thread without title
    ]
    assert reading.warnings == (
        "1 comments on deleted pages were left out",
        "1 pages with comments are not described in this export: their threads have no title",
    )


def test_threads_of_one_page_are_read_as_one() -> None:
    export = """<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
      <thread dsq:id="1"><link>http://www.blog.example/seite</link><title>Seite</title></thread>
      <thread dsq:id="2"><link>https://blog.example/seite/</link><title>Seite</title></thread>
      <post dsq:id="21"><message>Neu</message><createdAt>2021-01-01T10:00:00Z</createdAt><thread dsq:id="2"/></post>
      <post dsq:id="11"><message>Alt</message><createdAt>2020-01-01T10:00:00Z</createdAt><thread dsq:id="1"/></post>
    </disqus>"""
    reading = parse_threads(export)
    [thread] = reading.threads
    assert [[b.text for b in post.blocks] for post in thread.posts[1:]] == [["Alt"], ["Neu"]]
    assert reading.warnings == ("1 pages listed twice (one address, several Disqus threads) were read as one",)


def test_the_json_of_disqus_api_is_read() -> None:
    def post(key: str, parent: str | None, message: str, when: str, **fields: object) -> dict[str, object]:
        author = {"name": f"Name {key}", "username": f"user{key}", "isAnonymous": False}
        return {"id": key, "parent": parent, "message": message, "createdAt": when, "author": author, **fields}

    page = {"id": "77", "title": "Der Artikel", "link": "https://zeitung.example/artikel", "forum": "zeitung"}
    answer = {
        "code": 0,
        "cursor": {"hasNext": True, "next": "1:0:0"},
        "response": [
            post("2", "1", "<p>Antwort</p>", "2024-01-01T11:00:00", thread="77", likes=3, dislikes=1),
            post("1", None, "<p>Erster</p><p>Zweiter Absatz</p>", "2024-01-01T10:00:00", thread=page),
            post("3", None, "<p>Werbung</p>", "2024-01-01T12:00:00", thread="77", isSpam=True),
        ],
    }
    reading = parse_threads(json.dumps(answer))
    [thread] = reading.threads
    assert (thread.source_format, thread.title, thread.url, thread.site) == (
        "disqus",
        "Der Artikel",
        "https://zeitung.example/artikel",
        "zeitung",
    )
    found = [(p.id, p.author, p.parent, [b.text for b in p.blocks]) for p in thread.posts[1:]]
    assert found == [("c1", "Name 1", None, ["Erster", "Zweiter Absatz"]), ("c2", "Name 2", "c1", ["Antwort"])]
    votes = thread.posts[2].votes
    assert votes is not None and (votes.up, votes.down) == (3, 1)
    assert reading.warnings == (
        "further comments are not in this file (Disqus has more pages of them): only the comments in the file are read",
    )


def api_post(key: str, message: str, thread: object, **fields: object) -> dict[str, object]:
    author = {"name": f"Name {key}", "username": f"user{key}", "isAnonymous": False}
    return {"id": key, "parent": None, "message": message, "createdAt": f"2024-01-0{key}T10:00:00", "author": author,
            "thread": thread, "isApproved": True, "isDeleted": False, "isSpam": False, **fields}  # fmt: skip


def test_the_thread_data_of_a_comment_frame_is_read() -> None:
    # What Disqus's frame holds (and its listPostsThreaded answers with related=thread): the page once,
    # beside posts that name it by id; a comment waiting for a moderator is not on the page.
    page = {"id": "77", "clean_title": "Der Artikel", "link": "https://zeitung.example/a", "forum": "zeitung"}
    data = {
        "code": 0,
        "response": {
            "thread": page,
            "posts": [
                api_post("1", "<p>Erster</p>", "77"),
                api_post("2", "<p>Zweiter</p>", "77", parent=1),  # a parent as a number, the id as a string
                api_post("3", "<p>Noch nicht frei</p>", "77", isApproved=False),
                api_post("4", "", "77", raw_message="Nur roh"),  # no HTML: the text as typed
            ],
        },
    }
    reading = parse_threads(json.dumps(data))
    [thread] = reading.threads
    assert (thread.title, thread.url, thread.site) == ("Der Artikel", "https://zeitung.example/a", "zeitung")
    found = [(p.author, p.parent, [b.text for b in p.blocks]) for p in thread.posts[1:]]
    assert found == [("Name 1", None, ["Erster"]), ("Name 2", "c1", ["Zweiter"]), ("Name 4", None, ["Nur roh"])]
    assert reading.warnings == ("1 comment waiting for a moderator (not shown on the page) was left out",)


def test_an_api_answer_naming_its_page_by_id_only_says_so() -> None:
    reading = parse_threads(json.dumps({"code": 0, "response": [api_post("1", "<p>Hallo</p>", "77")]}))
    assert reading.threads[0].title == ""
    assert reading.warnings == (
        "the page these comments are on is named by id only (ask the API with related=thread for its title "
        "and address): no title",
    )


def test_an_api_error_answer_is_refused_saying_what_it_says() -> None:
    error = {"code": 2, "response": "Invalid argument, 'thread': Unable to find thread 'link:https://x.example'"}
    with pytest.raises(InputError, match="Disqus's API answering an error \\(code 2: Invalid argument, 'thread'"):
        parse_threads(json.dumps(error))
