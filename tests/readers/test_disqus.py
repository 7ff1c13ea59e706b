"""The Disqus export reader: one thread per page with comments, replies by <parent>, spam and
deleted comments dropped."""

from __future__ import annotations

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
